"""The flight ledger's read side on a long-running install (thousands of records),
over a real HTTP server on 127.0.0.1, on SQLite and PostgreSQL.

The records are copies of one real development-set record (its sources and evidence
verbatim), each with its own id, flight date and destination."""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_flights import store
from wirewatch_flights.api import MAX_LIMIT, create_flights_router
from wirewatch_flights.models import FlightObservation, FlightRecord

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.support.http import serving_routers
from wirewatch.cli import app as cli_app
from wirewatch.ops.flights_page import flights_page_router
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration

RECORDS = MAX_LIMIT + 300
DESTINATIONS = ("GT", "HN", "SV", "MX", "VE", "CO", "EC")
RECORD = FlightRecord.__table__  # type: ignore[attr-defined]
OBSERVATION = FlightObservation.__table__  # type: ignore[attr-defined]


def copy_records(engine: Engine, count: int, day: date, *, undated: int = 0) -> list[str]:
    """``count`` copies of one real record, one per day back from ``day`` (destinations in
    turn), then ``undated`` copies without a flight date; their ids."""
    store.record_observation(engine, *observation(dev_items("fl-0060")[0]))
    with engine.begin() as conn:
        template = dict(conn.execute(select(RECORD)).mappings().one())
        seen = dict(conn.execute(select(OBSERVATION)).mappings().one())
        conn.execute(RECORD.delete())
        conn.execute(OBSERVATION.delete())
        records, observations = [], []
        for i in range(count + undated):
            record_id = f"fr_read{i:08d}"
            when = day - timedelta(days=i // 20) if i < count else None
            destination = DESTINATIONS[i % len(DESTINATIONS)]
            records.append(
                {**template, "id": record_id, "flight_date": when, "destination": destination}
            )
            observations.append({**seen, "item_id": f"it_read{i:08d}", "record_id": record_id})
        conn.execute(insert(RECORD), records)
        conn.execute(insert(OBSERVATION), observations)
    return [r["id"] for r in records]


@pytest_asyncio.fixture
async def ledger(engine: Engine) -> AsyncIterator[tuple[str, Engine]]:
    upgrade(engine)
    async with serving_routers(create_flights_router(engine), flights_page_router(engine)) as url:
        yield url, engine


def database_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


async def test_exports_hold_every_record_and_agree_with_the_cli(
    ledger: tuple[str, Engine],
) -> None:
    """ "Export every flight record": past 5000 records the CSV and JSON exports stopped at
    5000, without a word, while ``wirewatch flights export`` wrote them all."""
    url, engine = ledger
    ids = copy_records(engine, RECORDS, date(2025, 6, 30))
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        exported = await client.get("/api/v1/flights.csv")
        as_json = (await client.get("/api/v1/flights.json")).json()
        to_gt = await client.get("/api/v1/flights.csv", params={"destination": "gt"})
    assert exported.status_code == 200
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == RECORDS and sorted(r["record_id"] for r in rows) == sorted(ids)
    assert [r["record_id"] for r in as_json] == [r["record_id"] for r in rows]
    assert {r["destination"] for r in csv.DictReader(io.StringIO(to_gt.text))} == {"GT"}
    assert rows[0]["links"] and rows[0]["outlets"]  # the sources are read for every page
    cli = CliRunner().invoke(cli_app, ["flights", "export", "--database-url", database_url(engine)])
    assert cli.exit_code == 0, cli.output
    assert cli.stdout == exported.text


async def test_json_export_is_valid_json_with_no_records(ledger: tuple[str, Engine]) -> None:
    url, _ = ledger
    async with httpx.AsyncClient(base_url=url) as client:
        empty = await client.get("/api/v1/flights.json")
        csv_text = (await client.get("/api/v1/flights.csv")).text
    assert empty.json() == []
    assert csv_text.splitlines()[0].startswith("record_id,flight_date")
    assert len(csv_text.splitlines()) == 1


def record_ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["record_id"] for r in records]


async def pages_of(client: httpx.AsyncClient, limit: int) -> list[list[dict[str, Any]]]:
    """Every page of /api/v1/flights, following ``next_cursor`` (and checking the ``Link``
    header names the same next page)."""
    pages: list[list[dict[str, Any]]] = []
    params: dict[str, Any] = {"limit": limit}
    while True:
        reply = await client.get("/api/v1/flights", params=params)
        assert reply.status_code == 200, reply.text
        body = reply.json()
        pages.append(body["flights"])
        assert body["count"] == len(body["flights"])
        if body["next_cursor"] is None:
            assert "next" not in reply.links
            return pages
        params = {"limit": limit, "cursor": body["next_cursor"]}
        following = reply.url.copy_merge_params(params)
        assert reply.links["next"]["url"] == f"{following.path}?{following.query.decode()}"


async def test_list_pages_with_a_cursor_newest_first_undated_last(
    ledger: tuple[str, Engine],
) -> None:
    """/api/v1/flights had no way past its limit; and records without a flight date came
    first on PostgreSQL (NULLs sort first in a descending order there), last on SQLite."""
    url, engine = ledger
    ids = copy_records(engine, 45, date(2025, 6, 30), undated=5)
    async with httpx.AsyncClient(base_url=url) as client:
        pages = await pages_of(client, 7)
        whole = (await client.get("/api/v1/flights", params={"limit": 100})).json()
        bad = await client.get("/api/v1/flights", params={"cursor": "not-a-cursor"})
    assert list(map(len, pages)) == [7] * 7 + [1]
    listed = list(itertools.chain.from_iterable(pages))
    assert record_ids(listed) == record_ids(whole["flights"])
    assert sorted(record_ids(listed)) == sorted(ids)
    assert whole["next_cursor"] is None
    dates = [r["flight_date"] for r in listed]
    assert [d is None for d in dates] == [False] * 45 + [True] * 5
    assert dates[:-5] == sorted(dates[:-5], reverse=True)
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "cursor"]


def _people_charted(html: str) -> int:
    chart = html.split('svg class="chart people"', 1)[1].split("</svg>", 1)[0]
    return sum(int(v) for v in re.findall(r"<title>week of [^<]*: (\d+)</title>", chart))


async def test_page_charts_a_year_of_records_and_says_how_many_it_lists(
    ledger: tuple[str, Engine],
) -> None:
    """The charts of the last 12 months were drawn from the newest 5000 records only, and the
    table's heading counted what it listed, not what there is."""
    url, engine = ledger
    today = datetime.now(UTC).date()
    copy_records(engine, RECORDS, today)  # 20 a day: 265 days back, all in the charts' year
    with engine.connect() as conn:
        people = conn.execute(select(RECORD.c.people)).scalars().first()
    assert people
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        page = await client.get("/flights")
    assert page.status_code == 200
    assert _people_charted(page.text) == RECORDS * people
    count = re.search(r'id="record-count">([^<]*)<', page.text)
    assert count is not None and f"{RECORDS}" in count.group(1), count
    assert page.text.count("data-record=") < RECORDS


async def test_a_code_that_names_no_country_is_a_422_not_an_empty_ledger(
    ledger: tuple[str, Engine],
) -> None:
    """``origin=UK`` (the United Kingdom is GB) or ``ZX`` matched no record and answered an
    empty ledger, as if there were no such flights; the CLI and the page did the same."""
    url, engine = ledger
    copy_records(engine, 3, date(2025, 6, 30))
    async with httpx.AsyncClient(base_url=url) as client:
        uk = await client.get("/api/v1/flights", params={"origin": "UK"})
        zx = await client.get("/api/v1/flights.csv", params={"destination": "zx"})
        de = await client.get("/api/v1/flights", params={"origin": "de"})
        page = await client.get("/flights", params={"origin": "UK"})
    assert uk.status_code == 422 and uk.json()["detail"][0]["loc"] == ["query", "origin"]
    assert "GB" in uk.json()["detail"][0]["msg"]
    assert zx.status_code == 422 and zx.json()["detail"][0]["loc"] == ["query", "destination"]
    assert de.status_code == 200 and de.json()["count"] == 3
    assert page.status_code == 200 and "UK is not a country code" in page.text
    args = ["flights", "list", "--database-url", database_url(engine), "--origin", "UK"]
    listed = CliRunner().invoke(cli_app, args)
    assert listed.exit_code != 0 and "GB" in str(listed.exception)


async def test_an_export_the_database_fails_is_a_500_not_an_empty_200(engine: Engine) -> None:
    """A streamed answer sends its status first: the export reads its first page before it
    answers, so a database that cannot be read is a 500, not a CSV of headers alone."""
    # The engine has no tables: never upgraded.
    async with (
        serving_routers(create_flights_router(engine)) as url,
        httpx.AsyncClient(base_url=url) as client,
    ):
        for path in ("/api/v1/flights.csv", "/api/v1/flights.json"):
            assert (await client.get(path)).status_code == 500, path


async def test_records_without_a_flight_date_come_last_on_both_databases(
    ledger: tuple[str, Engine],
) -> None:
    """ "Newest flight first" put the undated records first on PostgreSQL (a descending order
    puts NULLs first there) and last on SQLite: the two databases listed differently."""
    url, engine = ledger
    copy_records(engine, 4, date(2025, 6, 30), undated=2)
    async with httpx.AsyncClient(base_url=url) as client:
        listed = (await client.get("/api/v1/flights")).json()["flights"]
    assert [r["flight_date"] is None for r in listed] == [False] * 4 + [True] * 2


async def test_the_page_filters_by_flight_dates_as_the_api_does(
    ledger: tuple[str, Engine],
) -> None:
    """/flights had no since/until (the API and CLI have): its table and its export links
    could not be narrowed to a period."""
    url, engine = ledger
    copy_records(engine, 200, date(2025, 6, 30))  # 20 a day, 30 June back to 21 June
    params = {"since": "2025-06-25", "until": "2025-06-26"}
    async with httpx.AsyncClient(base_url=url) as client:
        page = (await client.get("/flights", params=params)).text
        api = (await client.get("/api/v1/flights", params=params)).json()
        backwards = (
            await client.get("/flights", params={"since": "2025-06-26", "until": "1"})
        ).text
    listed = re.findall(r'data-record="([^"]+)"', page)
    assert api["count"] == 40
    assert listed == record_ids(api["flights"])
    assert 'href="/api/v1/flights.csv?since=2025-06-25&amp;until=2025-06-26"' in page
    assert 'name="since" value="2025-06-25"' in page
    assert "until 1 is not a day" in backwards
