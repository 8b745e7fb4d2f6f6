"""Route subscriptions through the HTTP API (SQLite and PostgreSQL): routes are created,
shown, replaced and removed with the subscription; a code that is not ISO 3166-1
alpha-2 is refused with the reason; route subscriptions then get flight alerts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select
from wirewatch_notify import flight_alerts, tokens
from wirewatch_notify.app import NotifyService
from wirewatch_notify.models import FlightRoute

from tests.notify.support import api_client, bearer, make_service

HOOK = "https://hooks.example.org/in"

pytestmark = pytest.mark.integration


@pytest.fixture
def service(database_url: str) -> NotifyService:
    return make_service(
        database_url, notify_allow_private_networks=False, api_rate_limit_burst=1000
    )


@pytest.fixture
async def client(service: NotifyService) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(service) as http:
        yield http


def _auth(service: NotifyService) -> dict[str, str]:
    return bearer(tokens.create_token(service.engine, "routes").plaintext)


async def test_routes_round_trip(service: NotifyService, client: httpx.AsyncClient) -> None:
    auth = _auth(service)
    created = await client.post(
        "/api/v1/subscriptions",
        json={
            "channel": "webhook",
            "target": HOOK,
            "routes": [{"destination": "gt"}, {"origin": " US ", "destination": "VE"}],
        },
        headers=auth,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["topics"] == ["repatriation-flights"]  # routes alone imply the topic
    assert body["routes"] == [
        {"origin": None, "destination": "GT"},
        {"origin": "US", "destination": "VE"},
    ]
    sub_id = body["id"]
    routes = flight_alerts.load_routes(service.engine)[sub_id]
    assert {(r.origin, r.destination) for r in routes} == {(None, "GT"), ("US", "VE")}

    got = (await client.get(f"/api/v1/subscriptions/{sub_id}", headers=auth)).json()
    assert got["routes"] == body["routes"]
    [listed] = (await client.get("/api/v1/subscriptions", headers=auth)).json()
    assert listed["routes"] == body["routes"]

    patched = await client.patch(
        f"/api/v1/subscriptions/{sub_id}",
        json={"routes": [{"origin": "MX"}]},
        headers=auth,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["routes"] == [{"origin": "MX", "destination": None}]
    unchanged = await client.patch(
        f"/api/v1/subscriptions/{sub_id}", json={"routes": None}, headers=auth
    )
    assert unchanged.json()["routes"] == [{"origin": "MX", "destination": None}]
    cleared = await client.patch(
        f"/api/v1/subscriptions/{sub_id}", json={"routes": []}, headers=auth
    )
    assert cleared.json()["routes"] == []
    assert sub_id not in flight_alerts.load_routes(service.engine)

    await client.patch(
        f"/api/v1/subscriptions/{sub_id}", json={"routes": [{"destination": "HN"}]}, headers=auth
    )
    assert (await client.delete(f"/api/v1/subscriptions/{sub_id}", headers=auth)).status_code == 204
    assert flight_alerts.load_routes(service.engine) == {}
    with service.engine.connect() as conn:  # no route left behind for a reused id
        assert conn.execute(select(func.count()).select_from(FlightRoute)).scalar_one() == 0


async def test_item_subscriptions_have_no_routes(
    service: NotifyService, client: httpx.AsyncClient
) -> None:
    created = await client.post(
        "/api/v1/subscriptions",
        json={"topics": ["border-policy"], "channel": "webhook", "target": HOOK},
        headers=_auth(service),
    )
    assert created.status_code == 201, created.text
    assert created.json()["routes"] == []


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ({"destination": "QQ"}, "not an ISO 3166-1 alpha-2 country code: 'QQ'"),
        ({"origin": "EU"}, "not an ISO 3166-1 alpha-2 country code: 'EU'"),
        ({"origin": "USA"}, "pattern"),
        ({"origin": "U1"}, "pattern"),
        ({}, "a route needs an origin or a destination"),
        ({"origin": None, "destination": None}, "a route needs an origin or a destination"),
        ({"destination": "GT", "via": "MX"}, "unknown field"),
    ],
)
async def test_a_bad_route_is_refused_with_the_reason(
    sqlite_url: str, route: dict[str, str], reason: str
) -> None:
    # Validation does not depend on the database: SQLite only.
    service = make_service(sqlite_url)
    auth = _auth(service)
    async with api_client(service) as client:
        answer = await client.post(
            "/api/v1/subscriptions",
            json={"channel": "webhook", "target": HOOK, "routes": [route]},
            headers=auth,
        )
        assert answer.status_code == 422, answer.text
        assert reason in answer.text
        assert (await client.get("/api/v1/subscriptions", headers=auth)).json() == []
    assert flight_alerts.load_routes(service.engine) == {}


def test_the_subscribe_page_takes_a_flight_route(sqlite_url: str) -> None:
    from wirewatch.ops.pages import _subscribe_page
    from wirewatch.ops.subscribe_flow import SubscribeFlow, SubscribeRefused

    service = make_service(sqlite_url)
    flow = SubscribeFlow(
        service.engine,
        service.box,
        service.settings,
        lambda: ["repatriation-flights", "border-policy"],
    )
    page = _subscribe_page(flow.topics(), {}, None)
    assert 'name="flight_origin"' in page and 'name="flight_destination"' in page

    done = flow.subscribe([], "webhook", HOOK, "", destination="gt")
    [sub] = done.subscriptions
    assert (sub.topics, sub.routes) == (["repatriation-flights"], "flights any → GT")
    [route] = flight_alerts.load_routes(service.engine)[sub.id]
    assert (route.origin, route.destination) == (None, "GT")

    with pytest.raises(SubscribeRefused, match="not an ISO 3166-1 alpha-2 country code: 'XY'"):
        flow.subscribe([], "webhook", HOOK, "", origin="XY")
    with pytest.raises(SubscribeRefused, match="flight records only"):
        flow.subscribe(["border-policy"], "webhook", HOOK, "", origin="US")
    assert set(flight_alerts.load_routes(service.engine)) == {sub.id}
