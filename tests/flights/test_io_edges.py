"""The flights stage's I/O edges over real components (stop-36 audit): a record stored by a
process that died before publishing its event still gets that event when the item is read
again; bad records on the default input (story events) are dead-lettered with a reason and
the partition goes on; the CSV export cannot run a formula in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_flights import store
from wirewatch_flights.api import create_flights_router
from wirewatch_flights.app import FlightsService
from wirewatch_flights.intake import observe
from wirewatch_flights.models import FlightObservation
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared import streams
from wirewatch_shared.db import session_scope
from wirewatch_shared.events import ITEM_ID_MAX, ClassifiedItem, StoryEvent

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.notify.support import classified
from tests.support.http import serving_routers
from tests.support.poison import dead_letters, impatient_engine, settings_at_end, wait_for
from tests.support.streams import read_stream_to_end
from wirewatch.cli import app as cli
from wirewatch.cli.errors import UserError
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration
TOPICS = ("repatriation-flights",)


def _service(database_url: str, kafka_bootstrap: str, source: str) -> FlightsService:
    settings = settings_at_end(
        FlightsSettings,
        "flights_consumer_group",
        kafka_bootstrap,
        database_url,
        "audit36",
        streams.STORIES if source == "stories" else streams.CLASSIFIED,
        flights_source=source,
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    return FlightsService(settings, engine)


@pytest.fixture
def from_classified(database_url: str, kafka_bootstrap: str) -> Iterator[FlightsService]:
    service = _service(database_url, kafka_bootstrap, "classified")
    yield service
    service.engine.dispose()


@pytest.fixture
def from_stories(database_url: str, kafka_bootstrap: str) -> Iterator[FlightsService]:
    service = _service(database_url, kafka_bootstrap, "stories")
    yield service
    service.engine.dispose()


def _stored(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        return session.get(FlightObservation, item_id) is not None


def _record_events(bootstrap: str, record_id: str) -> list[dict[str, Any]]:
    events = []
    for record in read_stream_to_end(bootstrap, streams.FLIGHTS):
        try:
            events.append(json.loads(record.value))
        except ValueError:  # another test's poison record on the session broker
            continue
    return [e for e in events if isinstance(e, dict) and e.get("record_id") == record_id]


async def test_an_item_stored_before_a_crash_still_gets_its_record_event(
    from_classified: FlightsService, kafka_bootstrap: str
) -> None:
    """A process killed (or a broker gone) after an item's transaction committed and before
    its record's event was confirmed leaves the item stored and its offset uncommitted: the
    item is read again, and its record's event must go out then (it never went out)."""
    service = from_classified
    item = classified(TOPICS[0])
    intake = observe(item, None, TOPICS)
    assert intake is not None
    # What the dead process committed: the observation and its record, no event.
    before = store.record_observation(service.engine, intake.observation, intake.source)
    assert before is not None  # a new record: no event of it can be on the stream yet
    app = service.build_app()
    await app.start()
    try:
        body = item.model_dump_json().encode()
        await service.broker.publish(body, streams.CLASSIFIED, key=item.item.item_id.encode())
        # On this record's event, not on "one item handled": the broker is the session's,
        # and another test's item may reach the stream first.
        await wait_for(lambda: bool(_record_events(kafka_bootstrap, before.record_id)))
    finally:
        await app.stop()
    [event] = _record_events(kafka_bootstrap, before.record_id)
    assert (event["version"], event["destination"], event["change"]) == (1, "VE", "created")
    again = store.current_event(service.engine, item.item.item_id)
    assert again is not None and again.record_id == before.record_id  # no second record


def _story_event(item: ClassifiedItem) -> dict[str, Any]:
    return {
        "story_id": f"st_{uuid.uuid4().hex[:16]}",
        "kind": "opened",
        "position": 1,
        "topics": list(TOPICS),
        "item_count": 1,
        "outlets": ["Border Desk"],
        "languages": ["en"],
        "first_seen": item.item.published.isoformat(),
        "assigned_at": item.item.published.isoformat(),
        "item": item.model_dump(mode="json"),
    }


async def test_bad_story_events_are_dead_lettered_with_a_reason_and_the_stage_goes_on(
    from_stories: FlightsService, kafka_bootstrap: str
) -> None:
    """The default input (story events): a body that is not JSON, one of another schema
    version, one missing its item and one whose item id is over the bound each go to the
    dead-letter topic once, with the validation error; the good event after them on the
    same partition is stored."""
    service = from_stories
    run = uuid.uuid4().hex[:8]
    good = _story_event(classified(TOPICS[0], item_id=f"good-{run}"))
    StoryEvent.model_validate(good)  # the good one is a valid event
    other_version = {**_story_event(classified(TOPICS[0])), "schema_version": 2, "run": run}
    missing = {k: v for k, v in _story_event(classified(TOPICS[0])).items() if k != "item"}
    too_long = _story_event(classified(TOPICS[0]))
    too_long["item"]["item"]["item_id"] = f"long-{run}".ljust(ITEM_ID_MAX + 1, "x")
    bad = [
        f"not json {run}".encode(),
        json.dumps(other_version).encode(),
        json.dumps({**missing, "run": run}).encode(),
        json.dumps(too_long).encode(),
    ]
    app = service.build_app()
    await app.start()
    try:
        for body in [*bad, json.dumps(good).encode()]:
            await service.broker.publish(body, streams.STORIES, key=b"one-partition")
        await wait_for(lambda: _stored(service.engine, f"good-{run}"))
    finally:
        await app.stop()
    letters = await dead_letters(kafka_bootstrap, service.settings.flights_consumer_group, len(bad))
    assert sorted(letter.payload for letter in letters) == sorted(b.decode() for b in bad)
    assert all(letter.source_topic == streams.STORIES for letter in letters)
    assert all(letter.error.startswith("ValidationError") for letter in letters)
    errors = " ".join(letter.error for letter in letters)
    assert "json_invalid" in errors or "Invalid JSON" in errors
    assert "schema_version" in errors and "item" in errors


# -- the CSV export ------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://127.0.0.1/x","click")'


def _record_from(engine: Engine, outlet: str) -> None:
    """The Germany -> Afghanistan flight of 30 August 2024 (fl-0060), as reported by an
    outlet whose feed calls itself ``outlet``: a feed's title is the publisher's text."""
    upgrade(engine)
    obs, source = observation(dev_items("fl-0060")[0])
    store.record_observation(engine, obs, dataclasses.replace(source, outlet=outlet))


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[str]:
    _record_from(engine, FORMULA)
    async with serving_routers(create_flights_router(engine)) as url:
        yield url


def _assert_no_formula(text: str) -> None:
    for row in csv.DictReader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values()), row
        assert row["outlets"] == "'" + FORMULA  # kept, shown as text
        assert (row["origin"], row["destination"], row["people"]) == ("DE", "AF", "28")


async def test_the_csv_export_neutralises_cells_a_spreadsheet_would_run(served: str) -> None:
    async with httpx.AsyncClient(base_url=served) as client:
        response = await client.get("/api/v1/flights.csv")
        exported = (await client.get("/api/v1/flights.json")).json()
    assert response.status_code == 200
    _assert_no_formula(response.text)
    # The JSON export is data, not a sheet: the outlet's name as the feed gave it.
    assert exported[0]["sources"][0]["outlet"] == FORMULA


def test_the_cli_csv_export_neutralises_them_too(engine: Engine, database_url: str) -> None:
    _record_from(engine, FORMULA)
    result = CliRunner().invoke(cli, ["flights", "export", "--database-url", database_url])
    assert result.exit_code == 0, result.output
    _assert_no_formula(result.stdout)


def test_eval_of_a_file_with_no_items_is_a_user_error(tmp_path: Path) -> None:
    """As `wirewatch eval` and `stories eval`: no 0.000 report over nothing, exit 0."""
    for name, text in (("empty.jsonl", ""), ("blank.jsonl", "\n  \n\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["flights", "eval", str(path)])
        assert isinstance(result.exception, UserError), result.output
        assert str(result.exception) == f"{path}: no items to evaluate"


def test_extract_reads_an_unusable_publication_time_as_none(tmp_path: Path) -> None:
    """As "not a date" does: Unix seconds past year 9999 are an unreadable publication time
    (only a date stated with its year counts), not a bare OverflowError with exit 1."""
    [obj] = dev_items("fl-0060")
    path = tmp_path / "items.jsonl"
    lines = [{**obj, "id": "a", "published": "not a date"}, {**obj, "id": "b", "published": 1e300}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["flights", "extract", "--input", str(path)])
    assert result.exit_code == 0, result.output
    unreadable, overflowing = (json.loads(line)["flight"] for line in result.stdout.splitlines())
    assert overflowing == unreadable and overflowing["destination"] == "AF"
