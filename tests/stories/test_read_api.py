"""The stories read API on a long-running install, over a real HTTP server on
127.0.0.1, on SQLite and PostgreSQL: every story is reachable a page at a time, a period
has an end (``until``), a day is a day (``since=2026-03-01``), and its 422s are shaped as
the flights API's and FastAPI's own.

The stories are copies of one story the stage's own code (``Assigner``) made of real
labelled items, each with its own id and time."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner
from wirewatch_stories.api import stories_router
from wirewatch_stories.store import STORY, Assigner

from tests.stories.support import classified_row, dev_rows, in_published_order
from tests.support.http import serving_routers
from wirewatch.cli import app as cli_app
from wirewatch.cli.errors import UserError
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

REAL_STORY = "2025-02-10-us-venezuela-conviasa-190"
START = datetime(2026, 3, 1, 12, tzinfo=UTC)


def real_story(engine: Engine) -> dict[str, Any]:
    """The row of a story the stage made of real labelled items (then deleted: a template)."""
    rows = [r for r in in_published_order(dev_rows()) if r["story"] == REAL_STORY]
    Assigner(engine, window_s=72 * 3600.0, threshold=0.14).assign([classified_row(r) for r in rows])
    with engine.begin() as conn:
        template = dict(conn.execute(select(STORY)).mappings().first() or {})
        conn.execute(STORY.delete())
    return template


def insert_copies(
    engine: Engine,
    template: dict[str, Any],
    count: int,
    *,
    every: timedelta,
    newest: datetime,
    first_id: int = 0,
    topics: list[str] | None = None,
) -> list[dict[str, Any]]:
    """``count`` copies of ``template``, newest first: the newest published at ``newest``,
    one every ``every`` before it, two copies sharing each time (a tie the order must
    break); their rows."""
    copies = []
    for n in range(count):
        when = newest - n // 2 * 2 * every
        copies.append(
            {
                **template,
                "id": f"st_{first_id + n:016x}",
                "topics": template["topics"] if topics is None else topics,
                "first_seen": when - timedelta(hours=1),
                "last_published": when,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(STORY), copies)
    return copies


def copy_stories(engine: Engine, count: int, *, every: timedelta) -> list[dict[str, Any]]:
    """``count`` copies of a real story, the newest published about START + count x every."""
    newest = START + count // 2 * 2 * every
    return insert_copies(engine, real_story(engine), count, every=every, newest=newest)


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[tuple[str, Engine]]:
    upgrade(engine)
    async with serving_routers(stories_router(engine)) as url:
        yield url, engine


async def test_every_story_a_page_at_a_time(served: tuple[str, Engine]) -> None:
    """At most 500 stories and no way to the next ones: a long-running install's older
    stories could not be read through the API at all."""
    url, engine = served
    copies = copy_stories(engine, 1203, every=timedelta(minutes=5))
    seen: list[str] = []
    pages = 0
    async with httpx.AsyncClient(base_url=url) as client:
        next_url: str | None = "/api/v1/stories?limit=500"
        while next_url is not None:
            reply = await client.get(next_url)
            assert reply.status_code == 200, reply.text
            seen += [s["id"] for s in reply.json()]
            pages += 1
            link = reply.links.get("next")
            next_url = None if link is None else link["url"]
        bad = await client.get("/api/v1/stories", params={"cursor": "%%%"})
    assert pages == 3
    assert seen == [c["id"] for c in copies]  # newest first, ties by id: each once
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "cursor"]


async def test_since_and_until_bound_a_period_days_included(served: tuple[str, Engine]) -> None:
    """There was no ``until``, and a day without a time (as the flights API takes) was a
    422: a period could not be asked for."""
    url, engine = served
    copies = copy_stories(engine, 20, every=timedelta(hours=12))  # 1 to 10 days after START
    by_day: dict[str, set[str]] = {}
    for story in copies:
        by_day.setdefault(story["last_published"].date().isoformat(), set()).add(story["id"])
    days = sorted(by_day)
    async with httpx.AsyncClient(base_url=url) as client:

        async def ids(**params: str) -> set[str]:
            reply = await client.get("/api/v1/stories", params=params)
            assert reply.status_code == 200, reply.text
            return {s["id"] for s in reply.json()}

        assert await ids(since=days[2], until=days[2]) == by_day[days[2]]
        assert (
            await ids(since=days[1], until=days[3])
            == by_day[days[1]] | by_day[days[2]] | (by_day[days[3]])
        )
        exact = copies[-1]["last_published"].isoformat()
        assert copies[-1]["id"] in await ids(since=exact, until=exact)
        backwards = await client.get("/api/v1/stories", params={"since": days[3], "until": days[1]})
        naive = await client.get("/api/v1/stories", params={"until": "2026-03-02T10:00"})
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["query", "until"]
    assert naive.status_code == 422 and "timezone" in json.dumps(naive.json())


async def test_the_cli_lists_what_the_api_answers_for_one_period(
    served: tuple[str, Engine],
) -> None:
    """`wirewatch stories list` knew only --days (a period ending now): a period the API
    answers could not be listed, nor compared."""
    url, engine = served
    copies = copy_stories(engine, 20, every=timedelta(hours=12))
    days = sorted({c["last_published"].date().isoformat() for c in copies})
    params = {"since": days[1], "until": days[4], "limit": "500"}
    async with httpx.AsyncClient(base_url=url) as client:
        api = [s["id"] for s in (await client.get("/api/v1/stories", params=params)).json()]
    args = ["stories", "list", "--json", "--database-url", database_url(engine)]
    cli = CliRunner().invoke(cli_app, [*args, "--since", days[1], "--until", days[4]])
    assert cli.exit_code == 0, cli.output
    assert [json.loads(line)["id"] for line in cli.stdout.splitlines()] == api and len(api) == 8
    wrong = CliRunner().invoke(cli_app, [*args, "--since", "2026-03-02T10:00"])
    assert isinstance(wrong.exception, UserError) and "--since" in str(wrong.exception)


def database_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)
