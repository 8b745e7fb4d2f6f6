"""The /status and /subscribe pages in a real browser (Debian chromium driven by Playwright).

Skipped with a message when chromium or Playwright is missing, except in CI
(``CI`` set), where that is a failure: .ci/setup-system.sh installs chromium.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.ops.conftest import RunningSystem
from tests.support.http import Reply
from tests.support.smtp import ReceivedMail

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

REPO = Path(__file__).resolve().parents[2]
DOCS_SCREENSHOT = REPO / "docs" / "img" / "status.png"
BORDER_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Policy Desk</title><link>http://example.org/</link>
<description>d</description><language>en</language>
<item><title>New asylum rules take effect as Title 42 border policy ends</title>
<link>http://example.org/news/asylum</link><guid>http://example.org/news/asylum</guid>
<description>Migrants who cross the border without authorisation will face stricter
asylum restrictions under the new rule, DHS said.</description>
<pubDate>Thu, 11 May 2023 23:59:00 GMT</pubDate></item>
</channel></rss>"""


async def test_status_page_shows_real_values(
    running_system: RunningSystem, browser: Any, tmp_path: Path
) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 900})
    response = await page.goto(f"{running_system.url}/status")
    assert response.status == 200
    assert "Healthy" in await page.inner_text("#verdict")
    assert await page.get_attribute('meta[http-equiv="refresh"]', "content") == "10"
    assert await page.inner_text('#feeds td[data-health="ok"]') == "1"
    assert await page.inner_text('#feeds td[data-health="failing"]') == "1"
    assert int(await page.inner_text("#items-total")) >= 2
    assert int(await page.inner_text("#deliveries-sent")) >= 1
    assert running_system.failing_feed_url in await page.inner_text("#failing-feeds")
    assert "Mexico and Venezuela" in await page.inner_text("#alerts")
    services = await page.inner_text("#services")
    assert "wirewatch-up" in services and "ready" in services
    lag = await page.inner_text("#lag")
    # Every stage's consumer group, not only the first two services'.
    for group in ("classify", "notify", "stories", "notify-stories", "flights", "notify-flights"):
        assert f"wirewatch-{group}" in lag, group
    assert await page.locator("svg.chart.alerts rect").count() == 24
    assert await page.locator("svg.chart.items rect").count() == 24

    shot = tmp_path / "status.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if not DOCS_SCREENSHOT.exists() or os.environ.get("WIREWATCH_UPDATE_SCREENSHOT"):
        DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_SCREENSHOT)
    await page.close()


def _text(mail: ReceivedMail) -> str:
    message = mail.message
    parts = [p for p in message.walk() if p.get_content_type() == "text/plain"]
    chosen: EmailMessage = parts[0] if parts else message  # type: ignore[assignment]
    return str(chosen.get_content())


def _mails_to(running: RunningSystem, address: str) -> list[ReceivedMail]:
    with running.smtp.lock:
        return [m for m in running.smtp.messages if address in m.rcpt_tos]


async def _wait_mail(running: RunningSystem, address: str, count: int) -> list[ReceivedMail]:
    for _ in range(600):
        found = _mails_to(running, address)
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(
        f"expected {count} mails to {address}, got {len(_mails_to(running, address))}"
    )


async def test_subscribe_confirm_and_receive_an_alert(
    running_system: RunningSystem, browser: Any
) -> None:
    from wirewatch_ingest import feedstore as feed_store

    address = "reader@example.org"
    page = await browser.new_page()
    await page.goto(f"{running_system.url}/subscribe")
    await page.check('input[name="topic"][value="border-policy"]')
    await page.check('input[name="channel"][value="email"]')
    await page.fill("#target", address)
    await page.fill("#min_score", "0.2")
    await page.click("#subscribe-form button[type=submit]")
    assert "Check your inbox" in await page.inner_text("#outcome")
    assert "border-policy" in await page.inner_text("#created")

    [confirmation] = await _wait_mail(running_system, address, 1)
    link = re.search(r"http://127\.0\.0\.1:\d+/api/v1/email/confirm/[\w.\-]+", _text(confirmation))
    assert link, _text(confirmation)
    await page.goto(link.group(0))
    await page.click("form button")
    assert "confirmed" in (await page.content()).lower()

    # A border-policy story appears: the confirmed subscriber gets the alert.
    running_system.feeds.routes["/border.xml"] = Reply(
        200, BORDER_FEED.encode(), {"content-type": "application/rss+xml"}
    )
    await asyncio.to_thread(
        feed_store.add_feed, running_system.engine, running_system.feeds.url("/border.xml")
    )
    mails = await _wait_mail(running_system, address, 2)
    alert = mails[1].message
    assert "Title 42" in str(alert["Subject"])
    await page.close()
