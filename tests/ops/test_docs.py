"""API docs that work offline (/docs, /redoc) and the generated AsyncAPI document of the
Kafka streams (/asyncapi.json, /asyncapi, `wirewatch asyncapi`)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import AsyncIterator, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import pytest
import pytest_asyncio
from fastapi import FastAPI
from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared import events, streams

from tests.support.browser import in_ci
from tests.support.env import run_wirewatch
from tests.support.http import serving
from wirewatch.asyncapi import UNDESCRIBED, build_document
from wirewatch.http_app import build_http_app

REPO = Path(__file__).resolve().parents[2]
ASYNCAPI_SCHEMA = REPO / ".ci/cache/asyncapi-specs/package/schemas/3.0.0-without-$id.json"
ASSET = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.fixture
def http_app(tmp_path: Path) -> Iterator[FastAPI]:
    settings = NotifySettings(
        database_url=f"sqlite:///{tmp_path / 'docs.db'}",
        kafka_bootstrap="127.0.0.1:9092",
        secret_key="docs-test",  # type: ignore[arg-type]
        _env_file=None,  # type: ignore[call-arg]
    )
    notify = NotifyService(settings)
    try:
        yield build_http_app(notify)
    finally:
        notify.engine.dispose()


async def _get(app: FastAPI, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await client.get(path)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_doc_pages_load_every_asset_from_the_server(http_app: FastAPI, page: str) -> None:
    response = await _get(http_app, page)
    assert response.status_code == 200
    assets = ASSET.findall(response.text)
    assert any(a.endswith(".js") for a in assets), assets
    for asset in assets:
        assert not urlsplit(asset).netloc, f"{page} loads {asset} from another host"
        served = await _get(http_app, asset)
        assert served.status_code == 200, asset
        if asset.endswith(".js"):
            assert len(served.content) > 100_000, asset  # the real bundle, not a stub
    assert "fonts.googleapis.com" not in response.text
    openapi = (await _get(http_app, "/openapi.json")).json()
    assert openapi["info"]["title"] == "Wirewatch"
    assert openapi["info"]["version"] == version("wirewatch")


@pytest.mark.parametrize(
    "path", ["/docs", "/openapi.json", "/asyncapi", "/api/v1/subscriptions", "/x"]
)
async def test_every_answer_carries_the_security_headers(http_app: FastAPI, path: str) -> None:
    """Pages show feed text and carry signed links: never framed, never type-sniffed, no
    Referer to a linked outlet (the browser test below shows /docs still runs under them)."""
    headers = (await _get(http_app, path)).headers
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


# --- a real browser with every request off this machine refused --------------------------


@pytest_asyncio.fixture(loop_scope="module")
async def served(http_app: FastAPI) -> AsyncIterator[str]:
    async with serving(http_app) as url:
        yield url


@pytest.mark.integration
@pytest.mark.asyncio(loop_scope="module")
async def test_docs_render_in_a_browser_without_internet(served: str, browser: Any) -> None:
    page = await browser.new_page()
    outside: list[str] = []

    async def offline(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            await route.continue_()
        else:
            # ReDoc's bundle shows a "powered by" logo from its CDN: a decorative image,
            # refused here like everything else off this machine, and the page still works.
            if route.request.resource_type != "image":
                outside.append(route.request.url)
            await route.abort()

    await page.route("**/*", offline)
    try:
        await page.goto(f"{served}/docs")
        title = page.locator(".swagger-ui .info .title")
        await title.wait_for(timeout=20_000)
        assert "Wirewatch" in await title.inner_text()
        await page.locator(".opblock-summary-path").first.wait_for(timeout=20_000)
        await page.goto(f"{served}/redoc")
        heading = page.locator("h1", has_text="Wirewatch")
        await heading.first.wait_for(timeout=20_000)
        await page.goto(f"{served}/asyncapi")
        await page.get_by_text(streams.CLASSIFIED).first.wait_for(timeout=10_000)
    finally:
        await page.close()
    assert outside == [], f"the docs need other hosts: {outside}"


# --- the AsyncAPI document ------------------------------------------------------------


def test_every_stream_is_described() -> None:
    """A stream added to ALL_STREAMS needs its STREAM_INFO entry (payload, key, who)."""
    assert set(streams.STREAM_INFO) == set(streams.ALL_STREAMS)
    for name, info in streams.STREAM_INFO.items():
        model = getattr(events, info.event, None)
        assert model is not None, f"{name}: no event class {info.event} in events.py"
        assert info.producers and info.key, name


def test_document_describes_every_stream_from_the_code() -> None:
    doc = build_document(kafka_bootstrap="10.1.2.3:9092,10.1.2.4:9092")
    assert doc["asyncapi"] == "3.0.0"
    assert doc["info"]["title"] == "Wirewatch"
    assert doc["info"]["version"] == version("wirewatch")
    assert doc["servers"]["kafka"]["host"] == "10.1.2.3:9092"
    by_address = {c["address"]: c for c in doc["channels"].values()}
    assert list(by_address) == list(streams.ALL_STREAMS)
    groups = {
        op["bindings"]["kafka"]["groupId"]["enum"][0]
        for op in doc["operations"].values()
        if "bindings" in op
    }
    assert {c.group for i in streams.STREAM_INFO.values() for c in i.consumers if c.group} == groups
    assert {streams.GROUP_CLASSIFY, streams.GROUP_NOTIFY} <= groups
    schemas = doc["components"]["schemas"]
    for address, info in streams.STREAM_INFO.items():
        channel = by_address[address]
        assert channel["description"] and channel["description"] != UNDESCRIBED
        (message_ref,) = channel["messages"].values()
        message = doc["components"]["messages"][message_ref["$ref"].rsplit("/", 1)[-1]]
        assert message["payload"] == {"$ref": f"#/components/schemas/{info.event}"}
        assert message["bindings"]["kafka"]["key"]["description"] == info.key
        model = getattr(events, info.event)
        assert set(schemas[info.event]["properties"]) == set(model.model_fields)
        ref = f"#/channels/{_channel_id(doc, address)}"
        sends = [o for o in doc["operations"].values() if o["channel"]["$ref"] == ref]
        assert len([o for o in sends if o["action"] == "send"]) == len(info.producers)
    # Payloads are real JSON Schemas: a valid event passes, a broken one does not.
    item = events.FeedItem(
        item_id="x", feed_id=1, feed_url="http://127.0.0.1/f", published="2024-05-01T00:00:00Z",
        fetched_at="2024-05-01T00:00:00Z",
    )  # fmt: skip
    schema = {**schemas["FeedItem"], "components": {"schemas": schemas}}
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(item.model_dump(mode="json"))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**item.model_dump(mode="json"), "feed_id": "one"})


def _channel_id(doc: dict[str, Any], address: str) -> str:
    channels: dict[str, dict[str, Any]] = doc["channels"]
    return next(k for k, c in channels.items() if c["address"] == address)


def test_a_new_stream_appears_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new service does: a constant, ALL_STREAMS, STREAM_INFO (a made-up stream;
    the real flights stream is described)."""
    monkeypatch.setattr(streams, "EXAMPLE", "wirewatch.example.v1", raising=False)
    monkeypatch.setattr(streams, "ALL_STREAMS", (*streams.ALL_STREAMS, "wirewatch.example.v1"))
    doc = build_document()
    (undescribed,) = [c for c in doc["channels"].values() if c["address"].endswith("example.v1")]
    assert undescribed["description"] == UNDESCRIBED  # listed even before it is described
    info = streams.StreamInfo(
        "ClassifiedItem", key="example id", producers=("example",),
        consumers=(streams.Consumer("notify", "wirewatch-notify-example"),),
    )  # fmt: skip
    monkeypatch.setitem(streams.STREAM_INFO, "wirewatch.example.v1", info)
    doc = build_document()
    assert "example" in doc["channels"]
    assert "notify-receives-example" in doc["operations"]
    assert doc["operations"]["notify-receives-example"]["bindings"]["kafka"]["groupId"] == {
        "type": "string",
        "enum": ["wirewatch-notify-example"],
    }


def _official_validator() -> jsonschema.Draft7Validator:
    if not ASYNCAPI_SCHEMA.is_file():
        reason = f"the AsyncAPI JSON Schema is missing ({ASYNCAPI_SCHEMA.relative_to(REPO)})"
        if in_ci():
            pytest.fail(f"{reason}: .ci/setup-system.sh fetches it")
        pytest.skip(f"{reason}; run `bash .ci/setup-system.sh` to fetch it")
    return jsonschema.Draft7Validator(json.loads(ASYNCAPI_SCHEMA.read_text()))


def test_document_is_valid_asyncapi_3() -> None:
    """Validated against the official AsyncAPI 3.0.0 JSON Schema (npm @asyncapi/specs)."""
    validator = _official_validator()
    doc = build_document(kafka_bootstrap="127.0.0.1:9092")
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(doc)]
    assert errors == []
    broken = copy.deepcopy(doc)
    next(iter(broken["operations"].values()))["action"] = "publish"  # AsyncAPI 2 wording
    assert list(validator.iter_errors(broken))


async def test_served_document_and_page(http_app: FastAPI) -> None:
    served = (await _get(http_app, "/asyncapi.json")).json()
    assert served == build_document(kafka_bootstrap="127.0.0.1:9092")
    page = await _get(http_app, "/asyncapi")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "<script" not in page.text
    for name, info in streams.STREAM_INFO.items():
        assert name in page.text and info.event in page.text
        for consumer in info.consumers:
            assert consumer.group is None or consumer.group in page.text


def test_cli_prints_the_document_and_writes_nothing(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    cwd.mkdir()
    result = run_wirewatch(["asyncapi"], cwd=cwd, env={"WIREWATCH_DATA_DIR": str(home)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["info"]["title"] == "Wirewatch"
    assert list(cwd.iterdir()) == [] and not home.exists()
