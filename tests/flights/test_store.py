"""Flight records in the database (SQLite and PostgreSQL): one record per flight across
outlets and languages, conflicts kept, planned becoming completed, filters."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from wirewatch_flights import ledger, store
from wirewatch_shared.events import FLIGHT_MAX_CONFLICT_VALUES, FlightRecordEvent

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration


def _record(
    engine: Engine, *ids: str, story: str | None = None, stories: tuple[str, ...] = ()
) -> list[FlightRecordEvent | None]:
    upgrade(engine)
    events: list[FlightRecordEvent | None] = []
    for n, obj in enumerate(dev_items(*ids)):
        obs, source = observation(obj, stories[n] if stories else story)
        events.append(store.record_observation(engine, obs, source))
    return events


def test_english_and_spanish_reports_make_one_record(engine: Engine) -> None:
    # Germany's first flight to Afghanistan (30 August 2024), in English and Spanish.
    first, second = _record(engine, "fl-0060", "fl-0066")
    assert first is not None and first.change == "created"
    assert second is not None and second.change == "updated"
    assert second.record_id == first.record_id and second.version == 2
    [record] = ledger.list_records(engine, ledger.Query())
    assert (record.origin, record.destination, record.people) == ("DE", "AF", 28)
    assert {s.language for s in record.sources} == {"en", "es"}
    assert record.source_count == 2
    assert {e.item_id for e in record.evidence} == {"fl-0060", "fl-0066"}


def test_records_are_per_story_not_per_route_and_day(engine: Engine) -> None:
    # The same two reports (one route, one day) from two stories are two records; the
    # route rule only joins items without a story (above), or a third item of a story.
    first, second, third = _record(
        engine, "fl-0060", "fl-0066", "fl-0060", stories=("story-a", "story-b", "story-a")
    )
    assert first is not None and second is not None and third is None
    assert second.record_id != first.record_id and second.change == "created"
    assert ledger.count_records(engine) == 2
    assert sorted(r.story_ids[0] for r in ledger.list_records(engine, ledger.Query())) == [
        "story-a",
        "story-b",
    ]


def test_conflicting_head_counts_are_kept_and_flagged(engine: Engine) -> None:
    # The CECOT flights of 15-16 March 2025: "more than 200", "more than 250", "238".
    _record(engine, "fl-0108", "fl-0106", "fl-0114", story="cecot")
    [record] = ledger.list_records(engine, ledger.Query())
    assert record.people == 238  # the least rounded figure wins
    [conflict] = [c for c in record.conflicts if c.field == "people"]
    assert set(conflict.values) == {"200", "250", "238"}


def test_more_conflicting_values_than_an_event_holds_still_make_a_valid_event(
    engine: Engine,
) -> None:
    # A big story's outlets may give dozens of head counts; the event carries the first
    # ones (it was refused at its bound and dead-lettered, seen in bench/pipeline.py).
    upgrade(engine)
    [obj] = dev_items("fl-0060")
    obs, source = observation(obj, "big-story")
    event = None
    for n in range(FLIGHT_MAX_CONFLICT_VALUES + 5):
        flight = dataclasses.replace(obs.flight, people=100 + n)
        changed = dataclasses.replace(obs, item_id=f"fl-0060-{n}", flight=flight)
        event = store.record_observation(engine, changed, source) or event
    assert event is not None
    [conflict] = [c for c in event.conflicts if c.field == "people"]
    assert len(conflict.values) == FLIGHT_MAX_CONFLICT_VALUES
    FlightRecordEvent.model_validate_json(event.model_dump_json())  # what goes on the wire


def test_planned_becomes_completed_when_the_flight_lands(engine: Engine) -> None:
    # Announced 5 October 2023 ("to resume"), landed 18 October 2023.
    planned, landed = _record(engine, "fl-0181", "fl-0182")
    assert planned is not None and planned.status == "planned"
    assert landed is not None and landed.record_id == planned.record_id
    assert (landed.status, landed.previous_status) == ("completed", "planned")
    assert landed.flight_date == date(2023, 10, 18) and landed.flight_date_stated


def test_another_storys_announcement_becomes_the_flight_it_reports(engine: Engine) -> None:
    # The same two reports, each from its own story: the flown report takes the planned
    # record of the other story (the only kind of other story's record it may join).
    planned, landed = _record(engine, "fl-0181", "fl-0182", stories=("announced", "landed"))
    assert planned is not None and landed is not None
    assert landed.record_id == planned.record_id and landed.status == "completed"
    assert ledger.count_records(engine) == 1


def test_a_storied_report_joins_a_record_made_without_a_story(engine: Engine) -> None:
    # A record from an item without a story is joined by route and day, story or not.
    upgrade(engine)
    first_obj, second_obj = dev_items("fl-0060", "fl-0066")
    first = store.record_observation(engine, *observation(first_obj, None))
    second = store.record_observation(engine, *observation(second_obj, "story-b"))
    assert first is not None and second is not None
    assert second.record_id == first.record_id and second.change == "updated"


def test_a_redelivered_item_changes_nothing(engine: Engine) -> None:
    first, again = _record(engine, "fl-0060", "fl-0060")
    assert first is not None and again is None
    assert ledger.count_records(engine) == 1


def test_filters(engine: Engine) -> None:
    _record(engine, "fl-0060", "fl-0181", "fl-0028")
    query = ledger.Query
    assert [r.destination for r in ledger.list_records(engine, query(destination="af"))] == ["AF"]
    assert {r.destination for r in ledger.list_records(engine, query(origin="US"))} == {"VE", "CO"}
    assert [r.status for r in ledger.list_records(engine, query(status="blocked"))] == ["blocked"]
    since = ledger.list_records(engine, query(since=date(2024, 1, 1)))
    assert {r.destination for r in since} == {"AF", "CO"}
    until = ledger.list_records(engine, query(until=date(2024, 1, 1)))
    assert [r.destination for r in until] == ["VE"]
