"""Server-rendered pages: /status (operators), /subscribe and /unsubscribe (the public).

Jinja2 templates, no build step, no JavaScript: /status reloads itself with a meta
refresh and draws its charts as inline SVG. Subscribing goes through the notify
service layer (``wirewatch_notify.subscriptions``), exactly as the API and CLI do.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from wirewatch_notify.ratelimit import RateLimiter

from wirewatch.ops import subscribe_flow
from wirewatch.ops.charts import bar_chart
from wirewatch.ops.snapshot import StatusSnapshot

MAX_FORM_BYTES = 16_384

_ENV = Environment(
    loader=PackageLoader("wirewatch.ops", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["when"] = lambda d: d.strftime("%Y-%m-%d %H:%M:%S UTC") if d else "—"


def is_web_link(link: object) -> bool:
    """Templates' ``{% if link is web_link %}``: only an http(s) link of a feed item becomes
    an anchor (a feed may publish ``javascript:`` or ``data:``; ingest drops them, the pages
    do not rely on it)."""
    return isinstance(link, str) and link.startswith(("http://", "https://"))


_ENV.tests["web_link"] = is_web_link


@dataclass
class PagesContext:
    """What the pages need from the composition root."""

    snapshot: Callable[[], Awaitable[StatusSnapshot]]
    subscriptions: subscribe_flow.SubscribeFlow
    refresh_s: int = 10
    # The public form must not become a way to flood a mailbox with confirmation mails.
    per_client: RateLimiter = field(default_factory=lambda: RateLimiter(per_minute=10, burst=5))
    per_target: RateLimiter = field(  # 3 per hour for one address
        default_factory=lambda: RateLimiter(per_minute=3 / 60, burst=3)
    )


CHANNEL_LABELS = {
    "email": "email",
    "slack": "Slack (incoming-webhook URL)",
    "webhook": "webhook (signed JSON POST to your URL)",
    "apprise": "Apprise URL (Teams, Discord, Telegram, …)",
}


def render(template: str, **values: Any) -> str:
    return _ENV.get_template(template).render(**values)


def _subscribe_page(
    topics: Sequence[str], form: dict[str, Any], error: str | None, field: str | None = None
) -> str:
    """The form, ``form`` filled in; ``error`` shown beside ``field`` (None: above the form)."""
    order = sorted(subscribe_flow.channels(), key=lambda c: (c != "email", c))
    return render(
        "subscribe.html",
        topics=topics,
        form=form,
        error=error,
        error_field=field,
        channels=order,
        channel_labels=CHANNEL_LABELS,
    )


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {
            str(k) if not isinstance(k, tuple) else "/".join(k): _jsonable(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def snapshot_json(snap: StatusSnapshot) -> dict[str, Any]:
    deliveries = snap.database.deliveries
    return {
        "generated_at": snap.generated_at.isoformat(),
        "healthy": snap.healthy,
        "problems": snap.problems,
        "warnings": snap.warnings,
        "services": _jsonable(list(snap.services)),
        "consumer_lag": [{**_jsonable(row), "lag": row.lag} for row in snap.lag],
        "consumer_lag_error": snap.lag_error,
        "database_error": snap.database_error,
        "feeds": snap.database.feeds,
        "failing_feeds": _jsonable(snap.database.failing_feeds),
        "items_total": snap.database.items_total,
        "deliveries": {
            "pending": deliveries.pending,
            "retrying": deliveries.retrying,
            "sent": deliveries.sent,
            "dead": deliveries.dead,
            "oldest_pending_age_s": round(deliveries.oldest_pending_age_s(snap.generated_at), 3),
        },
        "dead_letters": {
            "sources": _jsonable(snap.dead_letters.sources),
            "total": snap.dead_letters.total,
            "unread": snap.dead_letters.unread,
        },
        "dead_letters_error": snap.dead_letters_error,
        "last_alerts": _jsonable(snap.database.alerts),
        "alerts_per_hour": [[h.isoformat(), n] for h, n in snap.database.alerts_per_hour],
        "items_per_hour": [[h.isoformat(), n] for h, n in snap.database.items_per_hour],
    }


class FormTooLarge(Exception):
    """A public form's body over ``MAX_FORM_BYTES`` (declared or streamed)."""


async def _form(request: Request) -> dict[str, list[str]]:
    """The form's fields; past the cap, :class:`FormTooLarge` as soon as it is seen (never
    buffer what anyone may send)."""
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_FORM_BYTES:
        raise FormTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormTooLarge
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


async def _too_large(request: Request, exc: Exception) -> HTMLResponse:
    html = f"<!doctype html><title>Too large</title><p>Forms are at most {MAX_FORM_BYTES} bytes."
    return HTMLResponse(html, 413, {"Connection": "close"})


def _first(form: dict[str, list[str]], key: str) -> str:
    values = form.get(key) or [""]
    return values[0].strip()


def limit_key(target: str) -> str:
    """The per-address limit's key: one mailbox whatever its case or ``+tag``
    (``victim+1@`` and ``victim+2@`` land in the same inbox at most providers)."""
    local, at, domain = target.lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if at and local else target.lower()


def _pages_context(request: Request) -> PagesContext:
    ctx: PagesContext = request.app.state.wirewatch_pages
    return ctx


Pages = Annotated[PagesContext, Depends(_pages_context)]

router = APIRouter(include_in_schema=False)


def install_pages(app: FastAPI, ctx: PagesContext) -> None:
    """Serve the pages from ``app`` with ``ctx`` (kept in the app's state)."""
    app.state.wirewatch_pages = ctx
    app.add_exception_handler(FormTooLarge, _too_large)
    app.include_router(router)


async def _topics(ctx: PagesContext) -> Sequence[str]:
    return await asyncio.to_thread(ctx.subscriptions.topics)


@router.get("/status", response_class=HTMLResponse)
async def status_page(ctx: Pages) -> HTMLResponse:
    snap = await ctx.snapshot()
    html = render(
        "status.html",
        snap=snap,
        refresh_s=ctx.refresh_s,
        alerts_chart=bar_chart(
            snap.database.alerts_per_hour, label="Alerts delivered per hour", css_class="alerts"
        ),
        items_chart=bar_chart(
            snap.database.items_per_hour, label="New items ingested per hour", css_class="items"
        ),
        group_totals=snap.group_totals(),
    )
    return HTMLResponse(html, 200 if snap.healthy else 503, {"Cache-Control": "no-store"})


@router.get("/status.json")
async def status_json(ctx: Pages) -> JSONResponse:
    snap = await ctx.snapshot()
    return JSONResponse(snapshot_json(snap), 200 if snap.healthy else 503)


@router.get("/subscribe", response_class=HTMLResponse)
async def subscribe_form(ctx: Pages) -> HTMLResponse:
    return HTMLResponse(_subscribe_page(await _topics(ctx), {}, None))


@router.post("/subscribe", response_class=HTMLResponse)
async def subscribe_submit(request: Request, ctx: Pages) -> HTMLResponse:
    form = await _form(request)
    chosen = [t for t in form.get("topic", []) if t.strip()]
    channel, target = _first(form, "channel"), _first(form, "target")
    min_score = _first(form, "min_score")
    origin, destination = _first(form, "flight_origin"), _first(form, "flight_destination")
    values = {
        "channel": channel,
        "target": target,
        "min_score": min_score,
        "topics": chosen,
        "flight_origin": origin,
        "flight_destination": destination,
    }
    client = request.client.host if request.client else "?"
    wait = ctx.per_client.take(client) or (
        ctx.per_target.take(limit_key(target)) if target else None
    )
    if wait is not None:
        html = _subscribe_page(
            await _topics(ctx), values, "Too many requests: please try again later."
        )
        return HTMLResponse(html, 429, {"Retry-After": RateLimiter.retry_after_header(wait)})
    try:
        result = await asyncio.to_thread(
            functools.partial(ctx.subscriptions.subscribe, origin=origin, destination=destination),
            chosen,
            channel,
            target,
            min_score,
        )
    except subscribe_flow.SubscribeRefused as exc:
        html = _subscribe_page(await _topics(ctx), values, str(exc), exc.field)
        return HTMLResponse(html, 422)
    return HTMLResponse(render("subscribed.html", result=result), 201)


@router.get("/unsubscribe", response_class=HTMLResponse, response_model=None)
async def unsubscribe_form(request: Request) -> HTMLResponse | RedirectResponse:
    token = request.query_params.get("token", "")
    if token:  # an email's signed link: notify's one-click page handles it
        return RedirectResponse(f"/api/v1/email/unsubscribe/{quote(token, safe='')}", 303)
    return HTMLResponse(render("unsubscribe.html", done=None, error=None))


@router.post("/unsubscribe", response_class=HTMLResponse)
async def unsubscribe_submit(request: Request, ctx: Pages) -> HTMLResponse:
    form = await _form(request)
    try:
        done = await asyncio.to_thread(
            ctx.subscriptions.unsubscribe,
            subscription_id=_first(form, "subscription_id"),
            target=_first(form, "target"),
        )
    except subscribe_flow.SubscribeRefused as exc:
        return HTMLResponse(render("unsubscribe.html", done=None, error=str(exc)), 422)
    return HTMLResponse(render("unsubscribe.html", done=done, error=None))
