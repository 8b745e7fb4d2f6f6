"""Hostile alert text on the demo webhook inbox, in a real browser.

``POST /demo/hook`` takes any JSON from anyone who reaches the port (it is the demo's
stand-in for a user's own endpoint), and ``/demo/inbox`` shows it: every field must
stay text, and only an http(s) link may become an anchor.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.app import NotifyService

from tests.notify.support import make_service
from tests.support.http import serving, serving_routers
from wirewatch.demo.feed import GrowingFeed, load_sample
from wirewatch.demo.inbox import HOOK_PATH, INBOX_PATH, Inbox, demo_router
from wirewatch.ops import pages
from wirewatch.ops.pages import PagesContext, install_pages
from wirewatch.ops.subscribe_flow import SubscribeFlow

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

XSS = '"><img src=x id=injected onerror="window.pwned=1"><script>window.pwned=2</script>'
HOSTILE_LINKS = ["javascript:window.pwned=3", "data:text/html,<script>window.pwned=4</script>"]


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def inbox_url() -> AsyncIterator[str]:
    async with serving_routers(
        demo_router(Inbox(GrowingFeed(load_sample(), initial=1)), "")
    ) as url:
        yield url


def _alert(title: str, link: str) -> dict[str, Any]:
    item = {"title": title, "link": link, "feed": {"title": XSS + "\u202egnp.exe"}}
    return {"type": "wirewatch.alert.v1", "data": {"item": item, "matches": [{"topic": XSS}]}}


async def test_hostile_alert_fields_stay_text_in_the_inbox(inbox_url: str, browser: Any) -> None:
    async with httpx.AsyncClient() as client:
        for link in [*HOSTILE_LINKS, "https://example.org/ok"]:
            body = json.dumps(_alert(XSS + "]]></svg>" + "x" * 20_000, link))
            reply = await client.post(inbox_url + HOOK_PATH, content=body)
            assert reply.status_code == 204
    page = await browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    response = await page.goto(inbox_url + INBOX_PATH)
    assert response.status == 200
    await page.wait_for_load_state("load")
    assert await page.evaluate("window.pwned") is None and not dialogs
    assert await page.locator("#injected").count() == 0
    assert await page.locator("script").count() == 0
    hrefs = await page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")
    assert "https://example.org/ok" in hrefs
    assert not [h for h in hrefs if not h.startswith(("http://", "https://"))], hrefs
    assert XSS in await page.inner_text("main")  # shown as text, every character
    await page.close()


def _forms(database_url: str) -> tuple[NotifyService, SubscribeFlow, FastAPI]:
    """A notify service, its subscribe flow (one topic, ``border``) and an app of the pages
    alone: the public forms."""
    service = make_service(database_url)
    flow = SubscribeFlow(service.engine, service.box, service.settings, lambda: ["border"])

    async def no_snapshot() -> Any:
        raise AssertionError("the forms need no status snapshot")

    app = FastAPI()
    install_pages(app, PagesContext(snapshot=no_snapshot, subscriptions=flow))
    return service, flow, app


async def test_subaddresses_share_the_per_address_limit_of_confirmation_mails(
    database_url: str,
) -> None:
    """The public form sends at most 3 confirmation mails an hour to one address. With
    ``victim+1@``, ``victim+2@``... (one mailbox at Gmail, Outlook, Fastmail...) each
    variant had its own allowance: one client could mail a stranger 10 times a minute."""
    service, _, app = _forms(database_url)
    codes = []
    async with serving(app) as url, httpx.AsyncClient() as client:
        for n, local in enumerate(["victim", "Victim+1", "victim+news", "VICTIM+2", "victim+3"]):
            form = {"topic": "border", "channel": "email", "target": f"{local}@example.org"}
            reply = await client.post(url + "/subscribe", data=form)
            codes.append(reply.status_code)
            assert reply.status_code in (201, 429), (n, reply.text)
    mails = [d for d in outbox.list_deliveries(service.engine) if d.item_id.startswith("confirm:")]
    assert codes == [201, 201, 201, 429, 429] and len(mails) == 3, codes


async def test_knowing_an_email_address_is_not_enough_to_unsubscribe_it(
    database_url: str,
) -> None:
    """The /unsubscribe form proves ownership with the exact target. A webhook or Slack URL
    is a secret; an email address is not: with it, anyone could walk the (sequential)
    subscription numbers, stop a stranger's alerts and learn what they follow. Email
    subscriptions stop with the signed link in every alert; the form refuses addresses
    before it looks anything up, so it tells nothing about who subscribes."""
    service, flow, app = _forms(database_url)
    [email_sub] = flow.subscribe(["border"], "email", "victim@example.org", "").subscriptions
    subscriptions.confirm_email(service.engine, email_sub.id)
    async with serving(app) as url, httpx.AsyncClient() as client:
        replies = [
            await client.post(
                url + "/unsubscribe", data={"subscription_id": str(n), "target": target}
            )
            for n in (email_sub.id, email_sub.id + 1)
            for target in ("victim@example.org", "Victim@Example.org")
        ]
    assert [r.status_code for r in replies] == [422] * 4
    assert len({r.text for r in replies}) == 1  # the same answer: no subscriber oracle
    assert "unsubscribe link" in replies[0].text and "(border)" not in replies[0].text
    sub = subscriptions.get_subscription(service.engine, email_sub.id)
    assert sub is not None and sub.active


async def test_an_oversized_public_form_is_refused_without_reading_it_all(
    sqlite_url: str,
) -> None:
    """The public forms are capped at 16 KiB, but the cap was checked after buffering the
    whole body: anyone could make the server hold any amount of memory per request.
    A declared or streamed body past the cap is now a 413 as soon as it is seen."""
    _, _, app = _forms(sqlite_url)
    total, chunk = 64 * 2**20, b"topic=" + b"x" * (2**16 - 6)
    sent = 0

    async def endless_form() -> AsyncIterator[bytes]:
        nonlocal sent
        while sent < total:
            sent += len(chunk)
            yield chunk

    async with serving(app) as url, httpx.AsyncClient(timeout=30) as client:
        for path in ("/subscribe", "/unsubscribe"):
            declared = await client.post(url + path, content=b"x" * (pages.MAX_FORM_BYTES + 1))
            assert declared.status_code == 413, (path, declared.status_code)
            sent = 0
            try:
                streamed = await client.post(url + path, content=endless_form())
            except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
                pass  # the server answered and closed while the client still wrote
            else:
                assert streamed.status_code == 413, (path, streamed.status_code)
            assert sent < total // 4, (path, sent)


@pytest.mark.parametrize(
    "body",
    [
        {"data": 5},
        {"type": 5, "data": {}},
        {"data": {"item": "a title"}},
        {"data": {"item": {}, "matches": [{"topic": "t", "score": "high"}]}},
        {"type": "wirewatch.digest.v1", "data": {"alerts": 7}},
    ],
)
async def test_a_hook_body_of_another_shape_is_a_400_and_shows_nothing(
    inbox_url: str, body: dict[str, Any]
) -> None:
    async with httpx.AsyncClient() as client:
        before = (await client.get(inbox_url + INBOX_PATH + ".json")).json()
        reply = await client.post(inbox_url + HOOK_PATH, content=json.dumps(body))
        after = (await client.get(inbox_url + INBOX_PATH + ".json")).json()
    assert reply.status_code == 400
    assert after == before


async def test_every_feed_link_in_a_template_becomes_an_anchor_only_when_it_is_a_web_link() -> None:
    """A feed item's link goes into an href only behind ``is web_link`` (http or https), on
    every page: ingest drops other schemes today, the pages do not rely on it."""
    from pathlib import Path

    from wirewatch.ops.pages import is_web_link as web_link

    assert web_link("https://a.example/x") and web_link("http://a.example/x")
    assert not any(web_link(v) for v in ("javascript:alert(1)", "data:text/html,x", "", None))
    templates = Path(pages.__file__).parent / "templates"
    anchors = 0
    for template in sorted(templates.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r'href="\{\{ (\w+)\.link \}\}"', text):
            anchors += 1
            guard = "{% if " + match.group(1) + ".link is web_link %}"
            assert guard in text[max(0, match.start() - 200) : match.start()], template.name
    assert anchors >= 4  # status, stories, flights, demo inbox
