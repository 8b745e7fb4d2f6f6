"""What storing one report costs the database: a report that opens a record writes it
once, already merged, and reads none of its observations back (it has no other); a
report that joins a record still reads them. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import replace
from datetime import timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from wirewatch_flights import ledger, store
from wirewatch_flights.app import FlightsService
from wirewatch_flights.intake import Intake
from wirewatch_flights.models import FlightRecord
from wirewatch_flights.settings import FlightsSettings

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.support.sql import sent_statements
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration


def _reads_observations(sent: list[str]) -> bool:
    return any(
        s.startswith("select") and "from flights_observation" in s and "record_id =" in s
        for s in sent
    )


def test_a_report_that_opens_a_record_writes_it_once_and_reads_nothing_back(
    engine: Engine,
) -> None:
    upgrade(engine)
    [obj] = dev_items("fl-0060")
    obs, source = observation(obj, "story-a")
    with sent_statements(engine) as sent:
        created = store.record_observation(engine, obs, source)
    assert created is not None and created.change == "created"
    assert not [s for s in sent if s.startswith("update")], sent
    writes = [s for s in sent if "insert into" in s]
    inserted = sorted(re.findall(r"insert into (\w+)", " ".join(writes)))
    assert inserted == ["flights_observation", "flights_record"], sent
    # PostgreSQL writes both rows in one statement (a data-modifying WITH)
    assert len(writes) == (1 if engine.dialect.name == "postgresql" else 2), sent
    assert not _reads_observations(sent), sent
    # what was written is what the event says: the record as read back
    [stored] = ledger.list_records(engine, ledger.Query())
    assert stored.model_dump(exclude={"change"}) == created.model_dump(exclude={"change"})
    assert stored.version == 1 and stored.previous_status is None


def test_a_report_that_joins_a_record_reads_its_observations(engine: Engine) -> None:
    upgrade(engine)
    first, second = dev_items("fl-0060", "fl-0066")
    store.record_observation(engine, *observation(first, "story-a"))
    with sent_statements(engine) as sent:
        joined = store.record_observation(engine, *observation(second, "story-a"))
    assert joined is not None and joined.change == "updated" and joined.version == 2
    assert _reads_observations(sent), sent
    assert sorted(r.item_id for r in joined.sources) == ["fl-0060", "fl-0066"]
    [stored] = ledger.list_records(engine, ledger.Query())
    assert stored.model_dump(exclude={"change"}) == joined.model_dump(exclude={"change"})


def test_a_new_record_has_the_models_defaults() -> None:
    """The store builds a new record with every default given (SQLModel's default
    factories are slow to call); they must stay the model's own."""
    built = dataclasses.asdict(store._new_record("planned"))
    for name in ("id", "created_at", "updated_at"):
        del built[name]
    default = FlightRecord(id="x", status="planned").model_dump(
        exclude={"id", "created_at", "updated_at"}
    )
    assert built == default


def _lookups(sent: list[str]) -> list[str]:
    """Reads of observations other than a record's list of them."""
    return [
        s
        for s in sent
        if s.startswith("select") and "from flights_observation" in s and "record_id =" not in s
    ]


def test_what_is_known_of_a_report_and_its_story_is_one_read(engine: Engine) -> None:
    """Whether the item was read before and whether its story has a record: one query, for
    a story's first report and for a later one; a report read again then reads its row."""
    upgrade(engine)
    first, second, third = dev_items("fl-0060", "fl-0066", "fl-0001")
    with sent_statements(engine) as sent:
        store.record_observation(engine, *observation(first, "story-a"))
    assert len(_lookups(sent)) == 1, sent
    with sent_statements(engine) as sent:
        joined = store.record_observation(engine, *observation(second, "story-a"))
    assert joined is not None and joined.version == 2
    assert len(_lookups(sent)) == 1, sent
    with sent_statements(engine) as sent:
        again = store.record_observation(engine, *observation(second, "story-a"))
    assert again is None  # read again, unchanged
    assert len(_lookups(sent)) == 2, sent
    other = store.record_observation(engine, *observation(third, "story-b"))
    assert other is not None and other.record_id != joined.record_id
    assert ledger.count_records(engine) == 2


def test_the_write_path_holds_every_column_of_both_tables() -> None:
    """The store writes rows with Core statements from its own row types: a column added to
    a model and not to them would be left to its default, silently."""
    for columns, table in (
        (store.RECORD_COLUMNS, store.RECORD),
        (store.OBSERVATION_COLUMNS, store.OBSERVATION),
    ):
        assert columns == tuple(c.name for c in table.columns)


def test_a_report_that_joins_its_storys_record_reads_the_record_in_its_lookup(
    engine: Engine,
) -> None:
    """The lookup of what is known of a report brings its story's record with it (stop 42:
    the record was a read of its own)."""
    upgrade(engine)
    first, second = dev_items("fl-0060", "fl-0066")
    store.record_observation(engine, *observation(first, "story-a"))
    with sent_statements(engine) as sent:
        joined = store.record_observation(engine, *observation(second, "story-a"))
    assert joined is not None and joined.version == 2
    assert not [s for s in sent if s.startswith("select") and "from flights_record" in s], sent
    assert len(_lookups(sent)) == 1, sent


def test_a_reports_own_source_keeps_its_published_time_as_it_came(engine: Engine) -> None:
    """The event lists the report just stored as the stage holds it (its published time in
    the offset it came with), the others as stored (UTC): what the ORM's identity map gave
    before the write path moved to Core (stop 42), kept so no event changes."""
    upgrade(engine)
    first, second = dev_items("fl-0060", "fl-0066")
    store.record_observation(engine, *observation(first, "story-a"))
    obs, source = observation(second, "story-a")
    local = obs.published.astimezone(timezone(timedelta(hours=-5)))
    joined = store.record_observation(engine, replace(obs, published=local), source)
    assert joined is not None
    by_item = {s.item_id: s.published for s in joined.sources}
    assert by_item["fl-0066"].utcoffset() == timedelta(hours=-5)
    assert by_item["fl-0060"].utcoffset() == timedelta(0)
    assert by_item["fl-0066"] == obs.published


def test_a_batch_is_stored_on_one_connection(engine: Engine) -> None:
    """The stage's batch checks out one connection (one pool pre-ping on PostgreSQL; stop 42:
    it was one per observation and one per event read again), each observation still its
    own transaction."""
    upgrade(engine)
    items = dev_items("fl-0060", "fl-0066", "fl-0001")
    intakes = [Intake(*observation(o, f"story-{o['id']}")) for o in items]
    settings = FlightsSettings(kafka_bootstrap="127.0.0.1:9", database_url="sqlite://")
    service = FlightsService(settings, engine)
    checkouts: list[object] = []
    commits: list[object] = []

    def checkout(*_args: Any) -> None:
        checkouts.append(1)

    def commit(*_args: Any) -> None:
        commits.append(1)

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "commit", commit)
    try:
        found = service._store(intakes)
        again = service._store(intakes[:2])  # read again: their current events
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "commit", commit)
    assert len(found) == 3 and [e.record_id for e in again] == [e.record_id for e in found[:2]]
    assert len(checkouts) == 2, checkouts
    assert len(commits) == 3 + 2 * 2, commits  # each report, each read again and its event
