"""The stories stage's I/O edges over real components (stop-36 audit): bad classified
records are dead-lettered with a reason and the partition goes on; the read API answers a
``since`` with no UTC time with a 422, never a 500; the offline and listing commands give
one clear error for a value they cannot use."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_shared import streams
from wirewatch_stories.api import stories_router
from wirewatch_stories.app import StoriesService
from wirewatch_stories.settings import StoriesSettings
from wirewatch_stories.store import STORY

from tests.notify.support import classified
from tests.stories.test_poison import _assigned
from tests.support.env import run_wirewatch
from tests.support.http import serving_routers
from tests.support.poison import dead_letters, impatient_engine, settings_at_end, wait_for
from wirewatch.cli import app as cli
from wirewatch.cli.errors import UserError
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


@pytest.fixture
def service(database_url: str, kafka_bootstrap: str) -> Iterator[StoriesService]:
    settings = settings_at_end(
        StoriesSettings, "stories_consumer_group", kafka_bootstrap, database_url, "audit36"
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    yield StoriesService(settings, engine)
    engine.dispose()


async def test_bad_classified_records_are_dead_lettered_with_a_reason(
    service: StoriesService, kafka_bootstrap: str
) -> None:
    """Not JSON, another schema version, no item, a match without a topic: each goes to the
    dead-letter topic once with the validation error, and the good item after them on the
    same partition is assigned (the over-long and NUL cases are test_poison.py's)."""
    run = uuid.uuid4().hex[:8]
    topic = "repatriation-flights"
    good = classified(topic, item_id=f"good-{run}")
    other_version = {**classified(topic).model_dump(mode="json"), "schema_version": 2}
    no_item = {k: v for k, v in classified(topic).model_dump(mode="json").items() if k != "item"}
    no_topic = classified(topic).model_dump(mode="json")
    del no_topic["matches"][0]["topic"]
    bad = [
        f"not json {run}".encode(),
        json.dumps({**other_version, "run": run}).encode(),
        json.dumps({**no_item, "run": run}).encode(),
        json.dumps({**no_topic, "run": run}).encode(),
    ]
    app = service.build_app()
    await app.start()
    try:
        for body in [*bad, good.model_dump_json().encode()]:
            await service.broker.publish(body, streams.CLASSIFIED, key=b"one-partition")
        await wait_for(lambda: _assigned(service.engine, good.item.item_id))
    finally:
        await app.stop()
    letters = await dead_letters(kafka_bootstrap, service.settings.stories_consumer_group, len(bad))
    assert sorted(letter.payload for letter in letters) == sorted(b.decode() for b in bad)
    assert all(letter.source_topic == streams.CLASSIFIED for letter in letters)
    assert all(letter.error.startswith("ValidationError") for letter in letters)
    errors = " ".join(letter.error for letter in letters)
    assert "schema_version" in errors and "item" in errors and "topic" in errors


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[str]:
    upgrade(engine)
    async with serving_routers(stories_router(engine)) as url:
        yield url


async def test_a_since_with_no_utc_time_is_a_422_not_a_500(served: str) -> None:
    async with httpx.AsyncClient(base_url=served) as client:
        for since in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
            response = await client.get("/api/v1/stories", params={"since": since})
            assert response.status_code == 422, (since, response.text)
            assert "since" in json.dumps(response.json()["detail"])
        # The edges that have one are fine, and so is any offset within them.
        for since in ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-06-01T00:00+05:30"):
            response = await client.get("/api/v1/stories", params={"since": since})
            assert response.status_code == 200 and response.json() == [], since
        naive = await client.get("/api/v1/stories", params={"since": "2026-06-01T00:00"})
        assert naive.status_code == 422 and "timezone" in naive.text


def test_list_days_out_of_range_is_one_user_error(sqlite_url: str) -> None:
    runner = CliRunner()
    for days in ("nan", "inf", "1e10", "0", "-1"):
        args = ["stories", "list", "--days", days, "--database-url", sqlite_url]
        result = runner.invoke(cli, args)
        assert isinstance(result.exception, UserError), (days, result.exception)
        assert "--days" in str(result.exception)
    ok = runner.invoke(cli, ["stories", "list", "--days", "3650", "--database-url", sqlite_url])
    assert ok.exit_code == 0, ok.output


def test_a_publication_time_past_year_9999_names_its_line(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    lines = [
        {"id": "a", "title": "t", "summary": "", "published": "2026-01-01T00:00:00Z"},
        {"id": "b", "title": "t", "summary": "", "published": 1e300},
    ]
    rows.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    proc = run_wirewatch(["stories", "cluster", "--input", str(rows)])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: ") and len(proc.stderr.splitlines()) == 1
    assert "line 2" in proc.stderr and "published" in proc.stderr


def _stories(engine: Engine, topic: str, count: int, newest: datetime) -> list[dict[str, Any]]:
    """``count`` stories of ``topic``, an hour apart back from ``newest`` (rows as the stage
    writes them: the read side reads nothing else)."""
    rows = []
    for n in range(count):
        when = newest - timedelta(hours=n)
        rows.append(
            {
                "id": f"st_{uuid.uuid4().hex[:16]}",
                "title": f"{topic} story {n}",
                "topics": [topic],
                "first_seen": when,
                "last_published": when,
                "item_count": 1,
                "outlets": ["Border Desk"],
                "outlet_keys": ["example.org"],
                "languages": ["en"],
                "items": [],
                "evidence": [],
                "created_at": when,
                "updated_at": when,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(STORY), rows)
    return rows


async def test_a_topic_filter_finds_stories_behind_a_busier_topics(
    engine: Engine, served: str
) -> None:
    """The topic filter used to read the latest 20 x limit stories and keep that topic's:
    a quieter topic's stories behind a thousand of a busier one's were not found."""
    now = datetime.now(UTC)
    busy = _stories(engine, "border-policy", 1000, now)
    [quiet] = _stories(engine, "repatriation-flights", 1, now - timedelta(days=50))
    _stories(engine, "repatriation-flights-es", 1, now - timedelta(days=51))  # a longer name
    async with httpx.AsyncClient(base_url=served) as client:
        found = (
            await client.get("/api/v1/stories", params={"topic": "repatriation-flights"})
        ).json()
        assert [s["id"] for s in found] == [quiet["id"]]
        latest = (await client.get("/api/v1/stories", params={"topic": "border-policy"})).json()
        assert [s["id"] for s in latest] == [s["id"] for s in busy[:50]]
        none = await client.get("/api/v1/stories", params={"topic": "border%"})
        assert none.status_code == 200 and none.json() == []


async def test_a_topic_filter_counts_only_that_topic_exactly(engine: Engine, served: str) -> None:
    """SQLite's LIKE ignores case: stories of a topic named in another case are looked at,
    never returned, and never take the place of the topic's own."""
    now = datetime.now(UTC)
    _stories(engine, "Border-Policy", 60, now)
    older = _stories(engine, "border-policy", 3, now - timedelta(days=10))
    async with httpx.AsyncClient(base_url=served) as client:
        params = {"topic": "border-policy", "limit": "3"}
        found = (await client.get("/api/v1/stories", params=params)).json()
    assert [s["id"] for s in found] == [s["id"] for s in older]
