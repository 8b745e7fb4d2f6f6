"""The flight ledger end to end over the real broker (`wirewatch up` in-process: embedded
Kafka-wire broker, ingest -> classify -> stories -> flights, HTTP server), on SQLite and
PostgreSQL, with real feeds served on 127.0.0.1 and the /flights page in headless Chromium.

Real items of the development set: the US announcement of 5 October 2023 that
deportation flights to Venezuela resume (planned), then the first flight's landing on
18 October 2023 (AP), which the announcement's record becomes; then the first US flight
to Venezuela of 16 January 2026 reported by an English and a Spanish outlet (one story,
so one record).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine
from wirewatch_flights import ledger
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import FlightRecordEvent

from tests.flights.split import DATA
from tests.flights.support import dev_items, rss
from tests.ops.conftest import ops_overrides
from tests.support.browser import chromium
from tests.support.http import HttpReceiver, Reply
from tests.support.smtp import SmtpSink
from wirewatch.ops.flights_page import CHART_WEEKS
from wirewatch.runner import System
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = [pytest.mark.integration]

REPO = Path(__file__).resolve().parents[2]
DOCS_SCREENSHOT = REPO / "docs" / "img" / "flights.png"
ANNOUNCED = "fl-0181"  # FOX 9 (AP), EN: "Biden administration deportation flights resume"
LANDED_EN = "fl-0182"  # KION (AP), EN: "...with more than 100 migrants on board"
RECENT = ("fl-0254", "fl-0122")  # the first US flight to Venezuela of 16 January 2026, EN + ES


class Running:
    def __init__(self, system: System, engine: Engine, feeds: HttpReceiver) -> None:
        self.system, self.engine, self.feeds = system, engine, feeds

    def serve(self, path: str, item_id: str) -> str:
        """One outlet's feed (titled after the outlet) carrying one development-set item."""
        [item] = dev_items(item_id)
        body = rss([item], item["source"])
        self.feeds.routes[path] = Reply(200, body, {"content-type": "application/rss+xml"})
        return self.feeds.url(path)

    async def add_feed(self, url: str) -> None:
        from wirewatch_ingest import feedstore as feed_store

        await asyncio.to_thread(feed_store.add_feed, self.engine, url)

    async def records(self) -> list[FlightRecordEvent]:
        return await asyncio.to_thread(ledger.list_records, self.engine, ledger.Query())

    async def wait_record(self, test: Any, timeout: float = 60.0) -> FlightRecordEvent:
        deadline = asyncio.get_running_loop().time() + timeout
        found: list[FlightRecordEvent] = []
        while asyncio.get_running_loop().time() < deadline:
            found = await self.records()
            for record in found:
                if test(record):
                    return record
            await asyncio.sleep(0.1)
        raise AssertionError(f"no matching flight record; have {found}")


def _route_subscription(engine: Engine, hook: str) -> None:
    """A webhook subscription on the route US -> VE (route alerts)."""
    from wirewatch_notify import flight_alerts, subscriptions
    from wirewatch_notify.secrets import SecretBox

    created = subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {"topics": ["repatriation-flights"], "channel": "webhook", "target": hook}
        ),
        SecretBox(b"test-secret-key"),
    )
    assert created.subscription.id is not None
    flight_alerts.add_route(engine, created.subscription.id, "US", "VE")


def _flight_alerts(feeds: HttpReceiver) -> dict[str, list[dict[str, Any]]]:
    """The route alerts received so far, by flight record id."""
    by_record: dict[str, list[dict[str, Any]]] = {}
    for request in feeds.received("/hook", "POST"):
        flight = json.loads(request.body)["data"]["flight"]
        by_record.setdefault(flight["record_id"], []).append(flight)
    return by_record


@pytest_asyncio.fixture
async def running(database_url: str, tmp_path: Path) -> AsyncIterator[Running]:

    feeds = HttpReceiver()
    feeds.start()
    smtp = SmtpSink()
    smtp.start()
    engine = make_engine(database_url)
    upgrade(engine)
    _route_subscription(engine, feeds.url("/hook"))
    system = System(ops_overrides(database_url, smtp, tmp_path / "secret.key"))
    await system.start()
    try:
        yield Running(system, engine, feeds)
    finally:
        await system.stop()
        engine.dispose()
        smtp.stop()
        feeds.stop()


async def test_two_outlets_make_one_record_that_lands(running: Running, tmp_path: Path) -> None:
    await running.add_feed(running.serve("/ap.xml", ANNOUNCED))
    planned = await running.wait_record(lambda r: r.destination == "VE")
    assert (planned.origin, planned.status) == ("US", "planned")

    # The landing, another story: the announcement becomes the flight.
    await running.add_feed(running.serve("/ap-landed.xml", LANDED_EN))
    record = await running.wait_record(lambda r: r.source_count == 2 and r.status == "completed")
    assert record.record_id == planned.record_id
    assert (record.origin, record.destination, record.previous_status) == ("US", "VE", "planned")
    assert record.people == 100  # "more than 100"
    assert str(record.flight_date) == "2023-10-18" and record.flight_date_stated
    assert len(await running.records()) == 1

    # A later flight on the same route, from an English and a Spanish outlet (one
    # story): one other record (and the charts have a week).
    for n, item_id in enumerate(RECENT):
        await running.add_feed(running.serve(f"/recent-{n}.xml", item_id))
    recent = await running.wait_record(
        lambda r: r.record_id != record.record_id and r.source_count == 2
    )
    assert (recent.origin, recent.destination, str(recent.flight_date)) == (
        "US",
        "VE",
        "2026-01-16",
    )
    assert {s.language for s in recent.sources} == {"en", "es"}
    assert len(recent.story_ids) == 1
    assert len(await running.records()) == 2

    base = running.system.url
    async with httpx.AsyncClient(base_url=base) as client:
        body = (await client.get("/api/v1/flights.csv", params={"destination": "VE"})).text
        rows = {r["record_id"]: r for r in csv.DictReader(io.StringIO(body))}
        assert set(rows) == {record.record_id, recent.record_id}
        row = rows[record.record_id]
        assert (row["record_id"], row["status"], row["source_count"]) == (
            record.record_id,
            "completed",
            "2",
        )
    # The route subscription got one alert per record (the first version it matched),
    # carrying the record, its evidence and its sources, and one update when the
    # announced flight landed.
    await asyncio.to_thread(running.feeds.wait_for, 3, "/hook", "POST", 60.0)
    alerts = _flight_alerts(running.feeds)
    assert sorted(len(a) for a in alerts.values()) == [1, 2]
    alert, announced = sorted(alerts[record.record_id], key=lambda a: a["status"])
    assert (announced["status"], alert["status"], alert["previous_status"]) == (
        "planned",
        "completed",
        "planned",
    )
    assert (alert["origin"], alert["destination"]) == ("US", "VE")
    assert alert["evidence"] and alert["sources"]
    assert {e["field"] for e in alert["evidence"]} >= {"destination", "status"}
    await _check_page_in_chromium(base, record, recent, tmp_path)


async def _check_page_in_chromium(
    base: str, record: FlightRecordEvent, recent: FlightRecordEvent, tmp_path: Path
) -> None:
    async with chromium() as browser:
        page = await browser.new_page(
            viewport={"width": 1280, "height": 900}, java_script_enabled=False
        )
        response = await page.goto(f"{base}/flights")
        assert response is not None and response.status == 200
        row = page.locator(f'#flights tr[data-record="{record.record_id}"]')
        assert await row.locator("td.route").inner_text() == "US → VE"
        assert await row.get_attribute("data-status") == "completed"
        assert await row.locator("td.people").inner_text() == "100"
        assert await page.locator("svg.chart.flights").count() == 1
        assert await page.locator("svg.chart.people").count() == 1
        assert recent.flight_date is not None
        if (date.today() - recent.flight_date).days < 7 * CHART_WEEKS - 7:
            bars = page.locator('svg.chart.flights rect.bar[data-destination="VE"]')
            assert await bars.count() == 1
        shot = tmp_path / "flights.png"
        await page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        print(f"screenshot: {shot}")
        if not DOCS_SCREENSHOT.exists() or os.environ.get("WIREWATCH_UPDATE_SCREENSHOT"):
            shutil.copyfile(shot, DOCS_SCREENSHOT)
