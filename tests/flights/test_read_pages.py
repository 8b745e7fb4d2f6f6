"""The /flights page in headless Chromium with JavaScript off, with no records
and with 10,001 (SQLite and PostgreSQL): readable, its table cut to the newest 500 and
saying so, its charts drawn, Spanish text as stored. Skipped with a message when
chromium or Playwright is missing, except in CI (``CI`` set), where that is a failure."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine
from wirewatch_flights import store

from tests.flights.support import dev_items, observation
from tests.flights.test_read_ledger import copy_records
from tests.support.browser import chromium
from tests.support.http import serving_routers
from wirewatch.ops.flights_page import TABLE_ROWS, flights_page_router
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


@pytest_asyncio.fixture
async def page_without_js() -> AsyncIterator[Any]:
    async with chromium() as browser:
        context = await browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 900}
        )
        yield await context.new_page()


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[tuple[str, Engine]]:
    upgrade(engine)
    async with serving_routers(flights_page_router(engine)) as url:
        yield url, engine


async def test_flights_page_with_no_records(
    served: tuple[str, Engine], page_without_js: Any
) -> None:
    url, _ = served
    page = page_without_js
    empty = await page.goto(f"{url}/flights")
    assert empty is not None and empty.status == 200
    assert "no flight records yet" in await page.locator("#flights").inner_text()
    assert await page.locator("#record-count").inner_text() == "(0)"


async def test_flights_page_with_ten_thousand_records(
    served: tuple[str, Engine], page_without_js: Any
) -> None:
    url, engine = served
    page = page_without_js
    copy_records(engine, 10_000, datetime.now(UTC).date())
    store.record_observation(engine, *observation(dev_items("fl-0066")[0]))  # in Spanish
    started = time.monotonic()
    full = await page.goto(f"{url}/flights")
    took = time.monotonic() - started
    assert full is not None and full.status == 200
    assert took < 15, f"/flights took {took:.1f} s with 10,001 records"
    assert await page.locator("#flights tr[data-record]").count() == TABLE_ROWS
    assert "of 10001" in await page.locator("#record-count").inner_text()
    chart = page.locator("svg.chart.flights")
    box = await chart.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 100
    assert await chart.locator("rect.bar").count() > 0
    await page.goto(f"{url}/flights?origin=de&destination=af")
    spanish = page.locator("#flights a", has_text="Euronews (español)")
    assert await spanish.count() >= 1
