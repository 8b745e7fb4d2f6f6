"""The read side over a real HTTP server on 127.0.0.1: the JSON API with its filters, the
CSV and JSON exports and the /flights page (table and SVG charts, no JavaScript)."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_flights.api import create_flights_router
from wirewatch_flights.merge import Observation

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.support.http import serving_routers
from wirewatch.ops.flights_page import flights_page_router
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[str]:
    upgrade(engine)
    # Germany -> Afghanistan (EN + ES), US -> Venezuela announced then landed, US -> Colombia
    # blocked; and the US -> India flight of February 2025 moved into the charts' window.
    for obj in dev_items("fl-0060", "fl-0066", "fl-0181", "fl-0182", "fl-0028"):
        store.record_observation(engine, *observation(obj))
    obs, source = observation(dev_items("fl-0155")[0])
    recent = date.today() - timedelta(days=10)
    moved = Observation(
        obs.item_id,
        datetime.now(UTC) - timedelta(days=10),
        dataclasses.replace(obs.flight, flight_date=recent),
    )
    store.record_observation(engine, moved, source)
    async with serving_routers(create_flights_router(engine), flights_page_router(engine)) as url:
        yield url


async def test_list_and_filters(served: str) -> None:
    async with httpx.AsyncClient(base_url=served) as client:
        everything = (await client.get("/api/v1/flights")).json()
        assert everything["count"] == 4
        to_ve = (await client.get("/api/v1/flights", params={"destination": "ve"})).json()
        [record] = to_ve["flights"]
        assert (record["origin"], record["status"], record["previous_status"]) == (
            "US",
            "completed",
            "planned",
        )
        assert record["evidence"] and record["sources"]
        blocked = (await client.get("/api/v1/flights", params={"status": "blocked"})).json()
        assert [r["destination"] for r in blocked["flights"]] == ["CO"]
        dated = await client.get(
            "/api/v1/flights", params={"since": "2024-01-01", "until": "2024-12-31"}
        )
        assert [r["destination"] for r in dated.json()["flights"]] == ["AF"]
        assert (await client.get("/api/v1/flights", params={"origin": "USA"})).status_code == 422
        bad = await client.get(
            "/api/v1/flights", params={"since": "2025-01-02", "until": "2025-01-01"}
        )
        assert bad.status_code == 422


async def test_csv_and_json_exports(served: str) -> None:
    async with httpx.AsyncClient(base_url=served) as client:
        response = await client.get("/api/v1/flights.csv", params={"origin": "DE"})
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == 1
        assert (rows[0]["origin"], rows[0]["destination"], rows[0]["people"]) == ("DE", "AF", "28")
        assert rows[0]["source_count"] == "2"
        exported = (await client.get("/api/v1/flights.json")).json()
        assert len(exported) == 4 and all("record_id" in r for r in exported)


async def test_page_has_the_table_and_weekly_charts(served: str) -> None:
    async with httpx.AsyncClient(base_url=served) as client:
        page = await client.get("/flights")
        assert page.status_code == 200
        html = page.text
        assert "<script" not in html
        assert 'id="flights"' in html and "DE → AF" in html and "US → IN" in html
        assert 'svg class="chart flights"' in html and 'svg class="chart people"' in html
        assert 'data-destination="IN"' in html  # the recent flight is charted
        filtered = (await client.get("/flights", params={"destination": "CO"})).text
        assert "US → CO" in filtered and "DE → AF" not in filtered
