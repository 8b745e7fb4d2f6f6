"""The /stories page on a busy install, over a real HTTP server on 127.0.0.1, on
SQLite and PostgreSQL: a quiet topic keeps its section beside a busy one, and every
section says how many stories it has, not how many made a shared cut.

The stories are copies of one story the stage made of real labelled items."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine

from tests.stories.test_read_api import insert_copies, real_story
from tests.support.http import serving_routers
from wirewatch.ops.stories_page import stories_page_router
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


@pytest_asyncio.fixture
async def served(engine: Engine) -> AsyncIterator[tuple[str, Engine]]:
    upgrade(engine)
    async with serving_routers(stories_page_router(engine)) as url:
        yield url, engine


def section(html: str, topic: str) -> str | None:
    found = re.search(rf'<section class="topic" data-topic="{topic}">(.*?)</section>', html, re.S)
    return None if found is None else found.group(1)


async def test_a_quiet_topic_keeps_its_section_beside_a_busy_one(
    served: tuple[str, Engine],
) -> None:
    """The page read the latest 200 stories of every topic together: 300 border-policy
    stories in the week left no place for the three repatriation-flights stories behind them,
    and border-policy's heading said 200."""
    url, engine = served
    template = real_story(engine)
    now = datetime.now(UTC)
    busy = insert_copies(
        engine, template, 300, every=timedelta(minutes=5), newest=now, topics=["border-policy"]
    )
    quiet = insert_copies(
        engine,
        template,
        3,
        every=timedelta(hours=1),
        newest=now - timedelta(days=3),
        first_id=len(busy),
        topics=["repatriation-flights"],
    )
    async with httpx.AsyncClient(base_url=url) as client:
        page = await client.get("/stories")
        only_busy = await client.get("/stories", params={"topic": "border-policy"})
        empty = await client.get("/stories", params={"topic": "no-such-topic"})
    assert page.status_code == 200
    flights = section(page.text, "repatriation-flights")
    assert flights is not None, "the quiet topic's section is missing"
    assert re.findall(r'<tr class="story" id="(st_[0-9a-f]+)"', flights) == [s["id"] for s in quiet]
    border = section(page.text, "border-policy")
    assert border is not None and "300 stories" in border
    listed = re.findall(r'<tr class="story" id="(st_[0-9a-f]+)"', border)
    assert listed == [s["id"] for s in busy[: len(listed)]]  # the latest, newest first
    assert 'href="/stories?topic=border-policy' in border  # the way to the others
    assert re.findall(r'<tr class="story"', only_busy.text).__len__() >= len(listed)
    assert "300 stories" in only_busy.text
    assert empty.status_code == 200 and "No stories" in empty.text
