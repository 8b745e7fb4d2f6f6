"""The /stories page in a real browser (Debian chromium driven by Playwright).

Real labelled items are assigned to stories by the stage's own code (``Assigner``) in a
fresh database; the page is served by the same routers as `wirewatch up` and opened in
headless Chromium. Skipped with a message when chromium or Playwright is missing,
except in CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem
from wirewatch_stories.api import stories_router
from wirewatch_stories.store import Assigner

from tests.stories.support import classified_row, dev_rows, in_published_order
from tests.support.browser import chromium
from wirewatch.ops.server import HttpServer
from wirewatch.ops.stories_page import stories_page_router
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration
STORY = "2025-02-10-us-venezuela-conviasa-190"


def _recent(item: ClassifiedItem, shift: timedelta) -> ClassifiedItem:
    """The item as if published ``shift`` later (the page lists recent stories)."""
    published = item.item.published + shift
    moved = item.item.model_copy(update={"published": published, "fetched_at": published})
    return item.model_copy(update={"item": moved})


async def test_stories_page_shows_outlets_languages_evidence_and_links(tmp_path: Path) -> None:
    rows = [r for r in in_published_order(dev_rows()) if r["story"] == STORY]
    engine = make_engine(f"sqlite:///{tmp_path / 'stories.db'}")
    upgrade(engine)
    items = [classified_row(r) for r in rows]
    shift = datetime.now(UTC) - max(i.item.published for i in items) - timedelta(hours=1)
    Assigner(engine, window_s=72 * 3600.0, threshold=0.14).assign(
        [_recent(i, shift) for i in items]
    )
    app = FastAPI()
    app.include_router(stories_router(engine))
    app.include_router(stories_page_router(engine))
    server = HttpServer(app, "127.0.0.1", 0)
    await server.start()
    try:
        async with chromium() as browser:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            response = await page.goto(f"{server.url}/stories")
            assert response is not None and response.status == 200
            section = page.locator('section.topic[data-topic="repatriation-flights"]')
            assert await section.count() == 1
            biggest = page.locator("tr.story").first
            outlets = await biggest.locator("td.outlets").inner_text()
            languages = await biggest.locator("td.languages").inner_text()
            assert len(outlets.split(", ")) >= 3
            assert set(languages.split(", ")) == {"en", "es"}
            assert (await biggest.locator("td.evidence").inner_text()).strip()
            links = biggest.locator("a[href^='http']")
            assert await links.count() >= 3
            await page.screenshot(path=str(tmp_path / "stories.png"), full_page=True)
    finally:
        await server.stop()
        engine.dispose()
