""" "Recent" on the read side means recently published *or* recently found by Wirewatch.

A feed read today may carry items published long ago (the demo's real 2020-2025
headlines, the first read of a feed with an archive, a late outlet): Wirewatch alerts on
them today, so /stories, `wirewatch stories list` and the stories API must list the
stories it grew today, and the /flights charts must chart the flights it recorded, not
an empty year. Real labelled items, the stages' own code, SQLite and PostgreSQL, a real
HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from markupsafe import escape
from sqlalchemy import update
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_flights import ledger as flights_ledger
from wirewatch_flights import store as flights_store
from wirewatch_stories.api import stories_router
from wirewatch_stories.store import STORY, Assigner

from tests.flights.support import dev_items, observation
from tests.stories.support import classified_row, dev_rows, in_published_order
from tests.support.http import serving_routers
from wirewatch.cli import app as cli_app
from wirewatch.ops.flights_page import flights_page_router
from wirewatch.ops.stories_page import stories_page_router
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

FRESH = "2025-02-10-us-venezuela-conviasa-190"  # read "today": Wirewatch just found it
QUIET = "2022-06-14-uk-rwanda-first-flight-blocked"  # found a month ago, nothing since


def _stories(engine: Engine) -> dict[str, str]:
    """Assign both stories' real items (their real, old publication dates); age the quiet
    one's last growth by 30 days. Returns {labelled story: a title of its items}."""
    rows = [r for r in in_published_order(dev_rows()) if r["story"] in (FRESH, QUIET)]
    Assigner(engine, window_s=72 * 3600.0, threshold=0.14).assign([classified_row(r) for r in rows])
    quiet_titles = [r["title"] for r in rows if r["story"] == QUIET]
    with engine.begin() as conn:
        month_ago = datetime.now(UTC) - timedelta(days=30)
        for story in conn.execute(STORY.select()).mappings():
            if story["title"] in quiet_titles:
                conn.execute(
                    update(STORY)
                    .where(STORY.c.id == story["id"])
                    .values(updated_at=month_ago, created_at=month_ago)
                )
    fresh = next(r["title"] for r in rows if r["story"] == FRESH)
    return {FRESH: fresh, QUIET: quiet_titles[0]}


async def test_stories_found_today_are_listed_though_published_long_ago(
    engine: Engine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(engine)
    titles = _stories(engine)
    async with (
        serving_routers(stories_router(engine), stories_page_router(engine)) as url,
        httpx.AsyncClient(base_url=url) as client,
    ):
        page = (await client.get("/stories")).text
        assert escape(titles[FRESH]) in page, (
            "a story Wirewatch grew today is missing from /stories"
        )
        assert escape(titles[QUIET]) not in page, "a story quiet for 30 days is on the 7-day page"
        assert "No stories yet" not in page
        # The API's since/until are a publication period (a researcher's "March 2026"):
        # these stories were all published long before the last week.
        since = (datetime.now(UTC) - timedelta(days=7)).isoformat()
        assert (await client.get("/api/v1/stories", params={"since": since})).json() == []
        wider = (await client.get("/stories", params={"days": 60})).text
        assert escape(titles[QUIET]) in wider
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(
        cli_app, ["stories", "list", "--json", "--database-url", database_url]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    item_titles = {i["title"] for s in lines for i in s["items"]}
    assert titles[FRESH] in item_titles and titles[QUIET] not in item_titles


async def test_flights_charts_show_flights_older_than_a_year(engine: Engine) -> None:
    """Every record the ledger holds is older than 12 months (a backfill, the demo): the
    charts show the 12 months up to the latest flight, and say so, instead of nothing."""
    upgrade(engine)
    for obj in dev_items("fl-0060", "fl-0066", "fl-0181", "fl-0182", "fl-0028"):
        flights_store.record_observation(engine, *observation(obj))
    records = flights_ledger.list_records(engine, flights_ledger.Query(limit=50))
    latest = max(r.flight_date for r in records if r.flight_date is not None)
    assert latest < datetime.now(UTC).date() - timedelta(weeks=52), "not a backfill case"
    async with (
        serving_routers(flights_page_router(engine)) as url,
        httpx.AsyncClient(base_url=url) as client,
    ):
        html = (await client.get("/flights")).text
    charts = re.findall(r'<svg class="chart (\w+)".*?</svg>', html, flags=re.S)
    assert charts == ["flights", "people"]
    flights_svg = re.search(r'<svg class="chart flights".*?</svg>', html, flags=re.S)
    assert flights_svg is not None and 'class="bar"' in flights_svg.group(0)
    assert f"12 months to {latest:%d %b %Y}" in html
    assert "last 12 months" not in html


def test_stories_list_says_when_there_is_none(sqlite_url: str) -> None:
    """Run too early (before the first alert) or on a new install, `stories list` printed
    an empty table with no word of why; it says what it looked for and how to widen it."""
    result = CliRunner().invoke(cli_app, ["stories", "list", "--database-url", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "No stories with an item published or found in the last 7 days" in result.output
    assert "--days" in result.output
