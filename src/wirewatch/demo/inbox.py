"""The demo's local endpoints: the sample feeds (one per outlet, ``/demo/feeds/N.xml``, and
all of them in one, ``/demo/feed.xml``, for a reader) and a webhook inbox that receives
Wirewatch's signed alerts (``POST /demo/hook``) and shows them (``/demo/inbox``)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse

from wirewatch.demo.feed import GrowingFeed, render_rss
from wirewatch.ops.pages import render

FEED_PATH = "/demo/feed.xml"
OUTLET_FEED_PATH = "/demo/feeds/{index}.xml"
HOOK_PATH = "/demo/hook"
INBOX_PATH = "/demo/inbox"
MAX_BODY = 1_000_000


@dataclass(frozen=True, slots=True)
class ReceivedAlert:
    """One alert as the inbox shows it."""

    received_at: datetime
    topics: tuple[str, ...]
    score: float
    title: str
    link: str
    outlet: str
    published: str
    webhook_id: str
    signed: bool


@dataclass
class Inbox:
    feed: GrowingFeed
    on_alert: Callable[[ReceivedAlert], None] = lambda _alert: None
    alerts: list[ReceivedAlert] = field(default_factory=list)

    def receive(self, body: dict[str, Any], headers: dict[str, str]) -> list[ReceivedAlert]:
        """The alerts of one webhook body; ValueError (or TypeError, AttributeError from a
        field of another type) when it is not shaped as Wirewatch's alert or digest."""
        data, kind = body.get("data") or {}, body.get("type", "")
        if not isinstance(data, dict) or not isinstance(kind, str):
            raise ValueError("not a Wirewatch alert: 'data' must be an object, 'type' a string")
        batch = data.get("alerts") if kind.startswith("wirewatch.digest") else [data]
        if not isinstance(batch or [], list):
            raise ValueError("not a Wirewatch digest: 'alerts' must be a list")
        received = [self._alert(alert, headers) for alert in batch or [] if isinstance(alert, dict)]
        for alert in received:
            self.alerts.append(alert)
            self.on_alert(alert)
        return received

    def _alert(self, alert: dict[str, Any], headers: dict[str, str]) -> ReceivedAlert:
        item = alert.get("item") or {}
        matches = [m for m in alert.get("matches") or [] if isinstance(m, dict)]
        link = str(item.get("link") or "")
        sample = self.feed.by_link(link)
        return ReceivedAlert(
            received_at=datetime.now(UTC),
            topics=tuple(str(m.get("topic", "?")) for m in matches),
            score=max((float(m.get("score", 0.0)) for m in matches), default=0.0),
            title=str(item.get("title") or ""),
            link=link,
            outlet=sample.source if sample else str(item.get("feed", {}).get("title", "")),
            published=sample.date if sample else str(item.get("published", "")),
            webhook_id=headers.get("webhook-id", ""),
            signed=bool(headers.get("webhook-signature")),
        )


def demo_router(inbox: Inbox, base_url: str) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get(FEED_PATH)
    async def feed() -> Response:
        items = inbox.feed.visible(time.monotonic())
        body = render_rss(items, base_url + FEED_PATH)
        return Response(body, media_type="application/rss+xml; charset=utf-8")

    @router.get(OUTLET_FEED_PATH)
    async def outlet_feed(index: int) -> Response:
        outlets = inbox.feed.outlets
        if not 0 <= index < len(outlets):
            return Response(status_code=404)
        items = inbox.feed.visible_of(outlets[index], time.monotonic())
        self_url = base_url + OUTLET_FEED_PATH.format(index=index)
        body = render_rss(items, self_url, title=outlets[index])
        return Response(body, media_type="application/rss+xml; charset=utf-8")

    @router.post(HOOK_PATH)
    async def hook(request: Request) -> Response:
        raw = await request.body()
        if len(raw) > MAX_BODY:
            return Response(status_code=413)
        try:
            body = json.loads(raw)
        except ValueError:
            return Response(status_code=400)
        if not isinstance(body, dict):
            return Response(status_code=400)
        try:
            inbox.receive(body, {k.lower(): v for k, v in request.headers.items()})
        except (ValueError, TypeError, AttributeError):  # JSON, but not an alert's shape
            return Response(status_code=400)
        return Response(status_code=204)

    @router.get(INBOX_PATH, response_class=HTMLResponse)
    async def inbox_page() -> HTMLResponse:
        shown = list(reversed(inbox.alerts))
        seen = len(inbox.feed.visible(time.monotonic()))
        return HTMLResponse(
            render(
                "demo_inbox.html",
                alerts=shown,
                seen=seen,
                total=len(inbox.feed.items),
                feed_url=FEED_PATH,
            )
        )

    @router.get(INBOX_PATH + ".json")
    async def inbox_json() -> JSONResponse:
        return JSONResponse(
            [
                {**asdict(alert), "received_at": alert.received_at.isoformat()}
                for alert in inbox.alerts
            ]
        )

    return router
