"""`wirewatch feeds list` shows a feed's pending permanent move (where to, after how many
of the polls that make it move) and, once it moved, the URL it was first added under
(its items' ids stay scoped to it). Real HTTP server on 127.0.0.1, SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.processor import MOVE_AFTER_POLLS

from tests.ingest.conftest import PollerFactory
from tests.ingest.support import Collector, FeedServer, Route, rss
from wirewatch.cli import app
from wirewatch.schema import upgrade

runner = CliRunner()


@pytest.fixture
def engine(engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The suite's engine, upgraded, and the CLI's settings pointing at it."""
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", database_url)
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", "")
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that no URL is folded
    upgrade(engine)
    return engine


async def _poll(poller: FeedPoller, engine: Engine) -> None:
    feedstore.make_due(engine)
    await poller.run_until_idle()


def _listed() -> tuple[str, dict[str, object]]:
    table = runner.invoke(app, ["feeds", "list"])
    assert table.exit_code == 0, table.output
    as_json = runner.invoke(app, ["feeds", "list", "--json"])
    (row,) = [json.loads(line) for line in as_json.output.splitlines()]
    return table.output, row


async def test_feeds_list_shows_a_pending_move_then_the_first_url(
    feed_server: FeedServer, engine: Engine, make_poller: PollerFactory
) -> None:
    old, new = feed_server.url("/old.xml"), feed_server.url("/new.xml")
    feed_server.routes["/old.xml"] = Route(301, b"", {"Location": "/new.xml"})
    feed_server.routes["/new.xml"] = Route(200, rss([("g1", "Flight lands")]))
    feedstore.add_feed(engine, old)
    poller = make_poller(Collector(), engine=engine)

    table, row = _listed()
    assert "moving to" not in table and "first added as" not in table

    await _poll(poller, engine)
    table, row = _listed()
    assert (row["url"], row["moved_to"], row["moved_to_polls"]) == (old, new, 1)
    assert f"moving to {new} (1/{MOVE_AFTER_POLLS} polls)" in table

    for _ in range(MOVE_AFTER_POLLS - 1):
        await _poll(poller, engine)
    table, row = _listed()
    assert (row["url"], row["id_url"], row["moved_to"]) == (new, old, None)
    assert "moving to" not in table
    assert f"first added as {old}" in table
    assert new in table
