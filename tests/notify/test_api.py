"""The subscriptions API: CRUD, tenancy, limits, validation, and secrets kept secret."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import MetaData, select
from sqlalchemy.engine import Engine
from wirewatch_notify import tokens
from wirewatch_notify.api import install_api
from wirewatch_notify.app import NotifyService
from wirewatch_shared.logging import QUIET_LOGGERS, configure_logging

from tests.notify.support import (
    api_client,
    bearer,
    classified,
    make_service,
    running_worker,
    wait_received,
    wait_until,
)
from tests.support.http import HttpReceiver

HOOK = "https://hooks.example.org/in"
QUIET_TZ = {"start": "01:00", "end": "02:00", "tz": "x"}


@pytest.fixture
def service(sqlite_url: str) -> NotifyService:
    return make_service(sqlite_url, notify_allow_private_networks=False, api_rate_limit_burst=1000)


@pytest.fixture
async def client(service: NotifyService) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(service) as http:
        yield http


def _token(service: NotifyService, name: str = "t") -> dict[str, str]:
    return bearer(tokens.create_token(service.engine, name).plaintext)


async def test_crud_round_trip_and_openapi(
    service: NotifyService, client: httpx.AsyncClient
) -> None:
    auth = _token(service)
    created = await client.post(
        "/api/v1/subscriptions",
        json={
            "topics": ["border-policy"],
            "channel": "webhook",
            "target": HOOK,
            "min_score": 0.4,
            "countries": ["mx"],
            "mode": "digest",
            "digest_interval_minutes": 30,
            "quiet_hours": {"start": "22:00", "end": "06:30"},
            "timezone": "America/Mexico_City",
        },
        headers=auth,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["webhook_secret"].startswith("whsec_") and body["status"] == "active"
    sub_id = body["id"]
    got = (await client.get(f"/api/v1/subscriptions/{sub_id}", headers=auth)).json()
    assert "webhook_secret" not in got and got["countries"] == ["MX"]
    assert got["quiet_hours"] == {"start": "22:00", "end": "06:30"}
    patched = await client.patch(
        f"/api/v1/subscriptions/{sub_id}",
        json={"mode": "instant", "active": False, "quiet_hours": None},
        headers=auth,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["status"] == "paused" and patched.json()["quiet_hours"] is None
    listed = (await client.get("/api/v1/subscriptions", headers=auth)).json()
    assert [s["id"] for s in listed] == [sub_id]
    log = await client.get(f"/api/v1/subscriptions/{sub_id}/deliveries", headers=auth)
    assert log.status_code == 200 and log.json() == []
    rotated = await client.post(f"/api/v1/subscriptions/{sub_id}/rotate-secret", headers=auth)
    assert rotated.status_code == 200 and rotated.json()["webhook_secret"] != body["webhook_secret"]
    assert (await client.delete(f"/api/v1/subscriptions/{sub_id}", headers=auth)).status_code == 204
    assert (await client.get(f"/api/v1/subscriptions/{sub_id}", headers=auth)).status_code == 404

    from fastapi import FastAPI
    from wirewatch_notify.api import install_api

    app = FastAPI()
    install_api(app, service)
    paths = app.openapi()["paths"]
    assert "/api/v1/subscriptions/{subscription_id}/rotate-secret" in paths
    assert "/api/v1/email/unsubscribe/{token}" in paths


async def test_no_token_or_a_bad_one_is_401(
    service: NotifyService, client: httpx.AsyncClient
) -> None:
    good = tokens.create_token(service.engine, "x").plaintext
    for headers in ({}, bearer("nope"), bearer(good[:-2] + "xx"), bearer("wwt_zz_zz")):
        response = await client.get("/api/v1/subscriptions", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"


async def test_cross_tenant_access_is_zero_of_n(
    service: NotifyService, client: httpx.AsyncClient
) -> None:
    tenants = [_token(service, f"tenant-{n}") for n in range(4)]
    owned: list[list[int]] = []
    for auth in tenants:
        ids = []
        for topic in ("a", "b"):
            response = await client.post(
                "/api/v1/subscriptions",
                json={"alert_mode": "item", "topic": topic, "channel": "webhook", "target": HOOK},
                headers=auth,
            )
            ids.append(response.json()["id"])
        owned.append(ids)
    attempts = successes = 0
    for me, auth in enumerate(tenants):
        listed = {s["id"] for s in (await client.get("/api/v1/subscriptions", headers=auth)).json()}
        assert listed == set(owned[me])
        for other, ids in enumerate(owned):
            if other == me:
                continue
            for sub_id in ids:
                base = f"/api/v1/subscriptions/{sub_id}"
                for method, path, payload in (
                    ("GET", base, None),
                    ("PATCH", base, {"active": False}),
                    ("DELETE", base, None),
                    ("POST", f"{base}/test", None),
                    ("POST", f"{base}/rotate-secret", None),
                    ("GET", f"{base}/deliveries", None),
                ):
                    response = await client.request(method, path, json=payload, headers=auth)
                    attempts += 1
                    successes += response.status_code < 400
                    assert response.status_code == 404, (method, path, response.status_code)
    assert (successes, attempts) == (0, 4 * 3 * 2 * 6)
    for me, auth in enumerate(tenants):  # nothing was changed or removed
        for sub_id in owned[me]:
            got = await client.get(f"/api/v1/subscriptions/{sub_id}", headers=auth)
            assert got.json()["active"] is True


async def test_bodies_over_64_kb_are_413(service: NotifyService, client: httpx.AsyncClient) -> None:
    auth = _token(service)
    big = {
        "alert_mode": "item",
        "topic": "a",
        "channel": "webhook",
        "target": HOOK,
        "entities": ["x" * 100] * 700,
    }
    declared = await client.post("/api/v1/subscriptions", json=big, headers=auth)
    assert declared.status_code == 413

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked
        yield (
            b'{"alert_mode": "item", "topic": "a", "channel": "webhook", "target": "'
            + HOOK.encode()
            + b'", "x": "'
        )
        for _ in range(80):
            yield b"y" * 1024
        yield b'"}'

    streamed = await client.post(
        "/api/v1/subscriptions",
        content=chunks(),
        headers={**auth, "content-type": "application/json"},
    )
    assert streamed.status_code == 413
    lying = await client.post(
        "/api/v1/subscriptions",
        content=b"{" + b" " * 70_000 + b"}",
        headers={**auth, "content-type": "application/json", "content-length": "10"},
    )
    assert lying.status_code in (400, 413)


async def test_rate_limit_is_429_with_retry_after_per_token(sqlite_url: str) -> None:
    service = make_service(sqlite_url, api_rate_limit_burst=5, api_rate_limit_per_minute=6)
    first, second = _token(service, "one"), _token(service, "two")
    async with api_client(service) as client:
        codes = [
            (await client.get("/api/v1/subscriptions", headers=first)).status_code for _ in range(6)
        ]
        assert codes == [200] * 5 + [429]
        limited = await client.get("/api/v1/subscriptions", headers=first)
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert (await client.get("/api/v1/subscriptions", headers=second)).status_code == 200


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("POST", {"topic": "a", "channel": "webhook", "target": HOOK, "colour": "red"}),
        ("POST", {"topic": "a", "channel": "email", "target": "a@example.org", "owner": "x"}),
        ("POST", {"topic": "a", "channel": "webhook", "target": HOOK, "quiet_hours": QUIET_TZ}),
        ("PATCH", {"channel": "email"}),
        ("PATCH", {"target": "https://evil.example/"}),
    ],
)  # fmt: skip
async def test_unknown_or_forbidden_fields_are_422(
    service: NotifyService,
    client: httpx.AsyncClient,
    method: str,
    body: dict[str, object],
) -> None:
    auth = _token(service)
    created = await client.post(
        "/api/v1/subscriptions",
        json={"alert_mode": "item", "topic": "a", "channel": "webhook", "target": HOOK},
        headers=auth,
    )
    path = "/api/v1/subscriptions"
    if method == "PATCH":
        path += f"/{created.json()['id']}"
    response = await client.request(method, path, json=body, headers=auth)
    assert response.status_code == 422, response.text


async def test_null_for_an_optional_field_leaves_it_unchanged(
    service: NotifyService,
    client: httpx.AsyncClient,
) -> None:
    """The schema allows ``null`` for every PATCH field; it never answers 422 or 500."""
    auth = _token(service)
    created = await client.post(
        "/api/v1/subscriptions",
        json={"topic": "a", "channel": "webhook", "target": HOOK, "min_score": 0.5},
        headers=auth,
    )
    path = f"/api/v1/subscriptions/{created.json()['id']}"
    nulls = {"topics": None, "min_score": None, "mode": None, "timezone": None, "active": None}
    response = await client.patch(path, json=nulls, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["topics"] == ["a"] and response.json()["min_score"] == 0.5


@pytest.mark.parametrize("sub_id", ["0", "-1", str(2**31), str(2**63), str(2**64), "1e3", "x"])
async def test_a_path_id_out_of_range_is_422_never_500(
    service: NotifyService,
    client: httpx.AsyncClient,
    sub_id: str,
) -> None:
    auth = _token(service)
    base = f"/api/v1/subscriptions/{sub_id}"
    for method, path in (
        ("GET", base),
        ("PATCH", base),
        ("DELETE", base),
        ("POST", f"{base}/rotate-secret"),
        ("POST", f"{base}/test"),
        ("GET", f"{base}/deliveries"),
    ):
        body = {"active": False} if method == "PATCH" else None
        response = await client.request(method, path, json=body, headers=auth)
        assert response.status_code == 422, (method, path, response.text)
    for link in (f"{2**31}.0.mac", f"{2**63}.0.mac", "1.99999999999999999999.mac", "².1.x"):
        for method in ("GET", "POST"):
            page = await client.request(method, f"/api/v1/email/confirm/{link}")
            assert page.status_code == 404, (link, page.status_code)
    assert (await client.get(f"/api/v1/subscriptions/{2**31 - 1}", headers=auth)).status_code == 404


async def test_failed_authentication_is_rate_limited_per_client_address(
    database_url: str,
) -> None:
    service = make_service(
        database_url, api_auth_failures_burst=3, api_auth_failures_per_minute=1.0
    )
    good = _token(service)
    app = FastAPI()
    install_api(app, service)

    def client_at(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://testserver")

    async with client_at("192.0.2.1") as client:
        guess = bearer("wwt_x_guess")
        codes = [
            (await client.get("/api/v1/subscriptions", headers=guess)).status_code for _ in range(5)
        ]
        assert codes == [401, 401, 401, 429, 429]
        limited = await client.get("/api/v1/subscriptions", headers=guess)
        assert int(limited.headers["retry-after"]) >= 1
        # The address is blocked, whatever token it now shows (guessing stops here).
        assert (await client.get("/api/v1/subscriptions", headers=good)).status_code == 429
    async with client_at("192.0.2.2") as elsewhere:
        assert (await elsewhere.get("/api/v1/subscriptions", headers=good)).status_code == 200


async def test_405_lists_every_method_of_the_path(
    service: NotifyService,
    client: httpx.AsyncClient,
) -> None:
    response = await client.put("/api/v1/subscriptions/1", headers=_token(service))
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "PATCH", "DELETE"}
    listing = await client.put("/api/v1/subscriptions", headers=_token(service))
    assert set(listing.headers["allow"].split(", ")) == {"GET", "POST"}


async def test_private_targets_are_refused_by_the_api(
    service: NotifyService, client: httpx.AsyncClient
) -> None:
    auth = _token(service)
    for target in ("http://127.0.0.1:9/x", "http://[::1]/x", "http://169.254.169.254/latest"):
        response = await client.post(
            "/api/v1/subscriptions",
            json={"alert_mode": "item", "topic": "a", "channel": "webhook", "target": target},
            headers=auth,
        )
        assert response.status_code == 422 and "refus" in response.text


@pytest.mark.parametrize(
    ("channel", "target"),
    [
        ("webhook", "https://" + "a" * 64 + ".example.org/hook"),  # a label over 63 bytes
        ("webhook", "https://hooks..example.org/hook"),  # an empty label
        ("slack", "https://.hooks.slack.com/services/T0/B0/x"),
        ("webhook", "https://hooks.example.org\x00.evil/hook"),  # PostgreSQL cannot store it
        ("webhook", "https://hooks example.org/hook"),  # never resolves: would retry for a day
        ("webhook", "https://hooks.example.org:0/hook"),
        ("apprise", "json://[::1/hook"),
        ("webhook", "https://xn--zz.example.org/hook"),  # httpx cannot send to it
    ],
)
async def test_a_malformed_target_is_422_with_the_reason_never_500(
    database_url: str, channel: str, target: str
) -> None:
    """Refused by the API (and so by the CLI, which shares the check) with the reason,
    on SQLite and PostgreSQL; nothing is stored."""
    service = make_service(database_url, notify_allow_private_networks=False)
    async with api_client(service) as client:
        response = await client.post(
            "/api/v1/subscriptions",
            json={"topic": "a", "channel": channel, "target": target},
            headers=_token(service),
        )
    assert response.status_code == 422, response.text
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "target"] and "URL" in problem["msg"], problem
    from wirewatch_notify import subscriptions

    assert subscriptions.list_subscriptions(service.engine) == []


@pytest.mark.parametrize(
    ("method", "fields"),
    [
        ("POST", '"min_score": 1e309'),  # JSON numbers past a float: infinity
        ("POST", '"min_score": NaN'),  # accepted by the JSON parser, refused by the model
        ("POST", '"feeds": [Infinity]'),
        ("POST", '"entities": ["\\ud800"]'),  # a lone surrogate: not encodable as UTF-8
        ("POST", '"topics": ["\\udfff"]'),
        ("PATCH", '"min_score": -Infinity'),
        ("PATCH", '"timezone": "\\ud800"'),
    ],
)
async def test_a_value_json_cannot_echo_is_still_a_422(
    service: NotifyService, client: httpx.AsyncClient, method: str, fields: str
) -> None:
    """FastAPI's 422 lists each invalid input back: infinity, NaN or a lone surrogate made
    writing that answer fail, a 500."""
    auth = {**_token(service), "content-type": "application/json"}
    created = await client.post(
        "/api/v1/subscriptions",
        json={"topic": "a", "channel": "webhook", "target": HOOK},
        headers=auth,
    )
    path = "/api/v1/subscriptions"
    if method == "PATCH":
        path += f"/{created.json()['id']}"
    body = f'{{"topic": "a", "channel": "webhook", "target": "{HOOK}", {fields}}}'
    if method == "PATCH":
        body = f"{{{fields}}}"
    response = await client.request(method, path, content=body.encode(), headers=auth)
    assert response.status_code == 422, response.text
    [problem] = response.json()["detail"]
    assert problem["loc"][0] == "body" and problem["msg"]


def _dump(engine: Engine) -> str:
    metadata = MetaData()
    metadata.reflect(engine)
    parts = []
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                parts.append(json.dumps([str(v) for v in row]))
    return "\n".join(parts)


def _secret_needles(secret: str) -> set[str]:
    """The whole secret and its random part (never a fragment short enough to occur by chance).

    A token is ``wwt_<key id>_<random>`` (the key id is stored in clear on purpose), a webhook
    secret ``whsec_<base64>``; the random parts may themselves contain ``_``.
    """
    needles = {secret}
    if secret.startswith(f"{tokens.PREFIX}_"):
        needles.add(secret.split("_", 2)[2])
    needles.add(secret.removeprefix("whsec_"))
    assert all(len(needle) >= 12 for needle in needles), needles
    return needles


def test_secret_needles_are_whole_secrets() -> None:
    """A random part that contains ``_`` is searched whole (it once was cut to one letter)."""
    token = f"{tokens.PREFIX}_abcdef012345_Xy_Q" + "z" * 40
    assert _secret_needles(token) == {token, "Xy_Q" + "z" * 40}


@pytest.fixture
def debug_logging() -> Iterator[None]:
    """Wirewatch's real logging set-up at DEBUG, restored afterwards (it is process-wide)."""
    import structlog

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    configure_logging("DEBUG", json=True)
    try:
        yield
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        structlog.reset_defaults()


async def test_secrets_stay_out_of_logs_and_the_database(
    debug_logging: None,
    database_url: str,
    http_receiver: HttpReceiver,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    service = make_service(database_url)
    token = tokens.create_token(service.engine, "ops").plaintext
    secrets = [token]
    slack = http_receiver.url("/services/T0/B0/slacksecretpath")
    async with running_worker(service), api_client(service) as client:
        for channel, target in (("webhook", http_receiver.url("/hook")), ("slack", slack)):
            created = await client.post(
                "/api/v1/subscriptions",
                json={
                    "alert_mode": "item",
                    "topic": "flights",
                    "channel": channel,
                    "target": target,
                },
                headers=bearer(token),
            )
            assert created.status_code == 201
            if created.json()["webhook_secret"]:
                secrets.append(created.json()["webhook_secret"])
                hook_id = created.json()["id"]
        rotated = await client.post(
            f"/api/v1/subscriptions/{hook_id}/rotate-secret", headers=bearer(token)
        )
        secrets.append(rotated.json()["webhook_secret"])
        tested = await client.post(f"/api/v1/subscriptions/{hook_id}/test", headers=bearer(token))
        assert tested.json()["delivered"] is True
        await service.handle_classified(classified("flights"))
        await wait_received(http_receiver, 2, "/hook")
        await wait_until(service.worker.idle)
    secrets.append("slacksecretpath")
    logs = caplog.text + capsys.readouterr().err
    assert "delivered" in logs  # the logs were captured at all
    dump = _dump(service.engine)
    raw_file = Path(database_url.removeprefix("sqlite:///"))
    raw = raw_file.read_bytes().decode("latin-1") if raw_file.is_file() else ""
    for secret in secrets:
        for needle in _secret_needles(secret):
            assert needle not in logs, "secret in logs"
            assert needle not in dump, "secret in the database dump"
            assert needle not in raw, "secret in the database file"


async def test_a_crashing_channel_logs_no_secret_on_the_console(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The console log (the default) renders an exception's frames with their variables
    when rich is installed: the crash of a send must not show the signing secrets (nor a
    Slack URL) it had in hand. The target is one stored before creation refused it:
    httpx cannot parse its host, which the channel does not expect."""
    import structlog
    from sqlalchemy import update
    from wirewatch_notify import outbox, subscriptions
    from wirewatch_notify.models import Subscription

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("INFO", json=False)
    try:
        service = make_service(sqlite_url)
        request = subscriptions.parse_create(
            {"alert_mode": "item", "topic": "flights", "channel": "webhook", "target": HOOK}
        )
        created = subscriptions.create_subscription(service.engine, request, service.box)
        assert created.webhook_secret is not None
        with service.engine.begin() as conn:
            conn.execute(update(Subscription).values(target="https://xn--zz.example.org/hook"))
        async with running_worker(service):
            await service.handle_classified(classified("flights"))
            await wait_until(lambda: outbox.list_deliveries(service.engine)[0].attempts > 0)
        [delivery] = outbox.list_deliveries(service.engine)
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        structlog.reset_defaults()
    logs = capsys.readouterr().err
    assert delivery.status == "pending" and "IDNAError" in (delivery.last_error or "")
    assert "channel crashed" in logs and "Traceback" in logs  # the stack is still there
    for needle in _secret_needles(created.webhook_secret):
        assert needle not in logs, "webhook secret in the console log"


async def test_a_database_failure_mid_send_logs_no_slack_url_on_the_console(
    postgres_admin_url: str, http_receiver: HttpReceiver, capsys: pytest.CaptureFixture[str]
) -> None:
    """The database goes away while a Slack message is being sent: the failed outcome
    (and the failed claims after it) are logged with the worker's frames, whose queued
    entries and endpoint counts must not carry the decrypted Slack URL (a credential)."""
    import threading
    import uuid

    import structlog
    from sqlalchemy import create_engine, text
    from wirewatch_notify import subscriptions

    from tests.support.http import Reply

    name = f"ww_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    secret_path = "/services/T0/B0/s3cr3t"  # short: a rich frame dump would show it whole
    answer = threading.Event()

    def slack(request: object) -> Reply:
        answer.wait(10)  # the send is in flight until the database is gone
        return Reply()

    http_receiver.routes[secret_path] = slack
    logged = _Logged()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("INFO", json=False)
    try:
        # A slow tick: every failed round logs a whole traceback, which takes a while.
        url = postgres_admin_url.rsplit("/", 1)[0] + "/" + name
        service = make_service(url, delivery_tick_s=0.5)
        body: dict[str, object] = {"alert_mode": "item", "topic": "flights", "channel": "slack"}
        body["target"] = http_receiver.url(secret_path)
        subscriptions.create_subscription(
            service.engine, subscriptions.parse_create(body), service.box
        )
        async with running_worker(service):
            await service.handle_classified(classified("flights"))
            await wait_until(lambda: len(http_receiver.received(secret_path)) == 1)
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            answer.set()
            await wait_until(lambda: logged.shows("outcome not recorded", capsys))
    finally:
        answer.set()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        structlog.reset_defaults()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    logged.shows("", capsys)
    assert "Traceback" in logged.text  # the failure was logged with its stack
    assert "s3cr3t" not in logged.text, "Slack URL in the console log"


class _Logged:
    """Console output collected across ``capsys`` reads."""

    def __init__(self) -> None:
        self.text = ""

    def shows(self, text: str, capsys: pytest.CaptureFixture[str]) -> bool:
        self.text += capsys.readouterr().err
        return text in self.text


@pytest.mark.parametrize("status", ["pending", "held", "sent", "dead", "cancelled"])
def test_a_delivery_shows_its_next_attempt_only_while_one_is_due(status: str) -> None:
    from datetime import UTC, datetime

    from wirewatch_notify.api import _delivery_out
    from wirewatch_notify.models import Delivery

    now = datetime(2026, 12, 4, 20, 0, tzinfo=UTC)
    row = Delivery(
        id=7,
        subscription_id=1,
        item_id="i",
        status=status,
        payload="{}",
        attempts=2,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
        last_error="e",
        batch_id=3,
    )
    out = _delivery_out(row).model_dump()
    due = now if status in ("pending", "held") else None
    assert out == {
        "id": 7,
        "kind": "alert",
        "item_id": "i",
        "status": status,
        "attempts": 2,
        "last_error": "e",
        "next_attempt_at": due,
        "batch_id": 3,
        "created_at": now,
        "updated_at": now,
        "sent_at": None,
    }
