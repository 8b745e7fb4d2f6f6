"""HTTP API (FastAPI router), mounted at the app root by `wirewatch up` / `service notify`.

- ``/api/v1/subscriptions...``: bearer-token API; each token sees only its own
  subscriptions (anything else is 404), unknown fields are 422, bodies over the
  limit 413, too many requests 429 with Retry-After.
- ``/api/v1/email/confirm/{token}`` and ``/api/v1/email/unsubscribe/{token}``: the
  signed links in emails (no token, no cookies): GET shows a page with a button,
  POST acts (RFC 8058 one-click unsubscribe is that POST).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from wirewatch_shared.logging import get_logger

from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.api_guard import Principal, authenticator, body_limited_route
from wirewatch_notify.links import InvalidLink, LinkSigner, Purpose
from wirewatch_notify.models import Delivery
from wirewatch_notify.ratelimit import RateLimiter
from wirewatch_notify.rendering import render_page
from wirewatch_notify.schemas import (
    DeliveryOut,
    RotatedSecret,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionOut,
    SubscriptionUpdate,
    TestSendResult,
)
from wirewatch_notify.testsend import send_test

if TYPE_CHECKING:
    from wirewatch_notify.app import NotifyService

log = get_logger(__name__)
NOT_FOUND = "no such subscription"


def create_api_router(service: NotifyService) -> APIRouter:
    """The notify HTTP API; mounted by `wirewatch up` and `wirewatch service notify`."""
    route_class = body_limited_route(service.settings.api_max_body_bytes)
    router = APIRouter(route_class=route_class)
    router.include_router(_subscriptions_router(service, route_class))
    router.include_router(_email_links_router(service, route_class))
    return router


def _delivery_out(d: Delivery) -> DeliveryOut:
    assert d.id is not None
    return DeliveryOut(
        id=d.id,
        kind=d.kind,
        item_id=d.item_id,
        status=d.status,
        attempts=d.attempts,
        last_error=d.last_error,
        next_attempt_at=d.next_attempt_at if d.status in ("pending", "held") else None,
        batch_id=d.batch_id,
        created_at=d.created_at,
        updated_at=d.updated_at,
        sent_at=d.sent_at,
    )


def _subscriptions_router(service: NotifyService, route_class: type[APIRoute]) -> APIRouter:
    settings, engine, box = service.settings, service.engine, service.box
    limiter = RateLimiter(settings.api_rate_limit_per_minute, settings.api_rate_limit_burst)
    authenticate = Depends(authenticator(engine, limiter))
    router = APIRouter(
        prefix="/api/v1/subscriptions", tags=["subscriptions"], route_class=route_class
    )

    @router.post("", status_code=status.HTTP_201_CREATED)
    async def create(
        body: SubscriptionCreate, principal: Principal = authenticate
    ) -> SubscriptionCreated:
        """Create a subscription. A webhook's signing secret is in the answer, once.
        An email subscription sends a confirmation email and stays
        `awaiting_confirmation` (nothing else is sent) until the link in it is used."""
        known = await asyncio.to_thread(service.known_topics)
        try:
            created = await asyncio.to_thread(
                subscriptions.create_subscription,
                engine,
                body,
                box,
                owner=principal.owner,
                require_confirmation=True,
                settings=settings,
                known_topics=known,
            )
        except subscriptions.SubscriptionError as exc:
            raise HTTPException(422, str(exc)) from exc
        sub = created.subscription
        log.info("subscription created", subscription_id=sub.id, channel=sub.channel)
        service.worker.notify_recorded()  # a confirmation email may be waiting
        return SubscriptionCreated(
            **subscriptions.view(sub).model_dump(), webhook_secret=created.webhook_secret
        )

    @router.get("")
    async def list_all(principal: Principal = authenticate) -> list[SubscriptionOut]:
        subs = await asyncio.to_thread(subscriptions.list_subscriptions, engine, principal.owner)
        return [subscriptions.view(s) for s in subs]

    @router.get("/{subscription_id}")
    async def get_one(subscription_id: int, principal: Principal = authenticate) -> SubscriptionOut:
        sub = await asyncio.to_thread(
            subscriptions.get_subscription, engine, subscription_id, principal.owner
        )
        if sub is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        return subscriptions.view(sub)

    @router.patch("/{subscription_id}")
    async def update(
        subscription_id: int, body: SubscriptionUpdate, principal: Principal = authenticate
    ) -> SubscriptionOut:
        """Change topics, filters, mode, quiet hours or the active flag (channel and
        target are fixed: create a new subscription instead)."""
        known = await asyncio.to_thread(service.known_topics)
        try:
            sub = await asyncio.to_thread(
                subscriptions.update_subscription,
                engine,
                subscription_id,
                body,
                principal.owner,
                known,
            )
        except subscriptions.SubscriptionError as exc:
            raise HTTPException(422, str(exc)) from exc
        if sub is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        return subscriptions.view(sub)

    @router.delete("/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
    async def delete(subscription_id: int, principal: Principal = authenticate) -> Response:
        removed = await asyncio.to_thread(
            subscriptions.remove_subscription, engine, subscription_id, principal.owner
        )
        if not removed:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    @router.post("/{subscription_id}/test")
    async def test_send(
        subscription_id: int, principal: Principal = authenticate
    ) -> TestSendResult:
        """Deliver a sample alert now (not retried); the answer says how it went."""
        try:
            result = await send_test(engine, service.worker, subscription_id, principal.owner)
        except subscriptions.SubscriptionError as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
        if result is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        return result

    @router.post("/{subscription_id}/rotate-secret")
    async def rotate_secret(
        subscription_id: int, principal: Principal = authenticate
    ) -> RotatedSecret:
        """New webhook signing secret (shown once); the old one keeps signing alongside it
        for the grace period, so receivers can switch without losing a message."""
        try:
            rotation = await asyncio.to_thread(
                subscriptions.rotate_secret,
                engine,
                subscription_id,
                box,
                grace_s=settings.secret_rotation_grace_s,
                owner=principal.owner,
            )
        except subscriptions.SubscriptionError as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
        if rotation is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        log.info("webhook secret rotated", subscription_id=subscription_id)
        return RotatedSecret(
            webhook_secret=rotation.webhook_secret,
            previous_secret_valid_until=rotation.previous_valid_until,
        )

    @router.get("/{subscription_id}/deliveries")
    async def deliveries(
        subscription_id: int,
        principal: Principal = authenticate,
        status_filter: Annotated[str | None, Query(alias="status")] = None,
        failed: bool = False,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> list[DeliveryOut]:
        """The delivery log, newest first: status, attempts, last error, timestamps."""
        sub = await asyncio.to_thread(
            subscriptions.get_subscription, engine, subscription_id, principal.owner
        )
        if sub is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
        rows = await asyncio.to_thread(
            lambda: outbox.list_deliveries(
                engine,
                subscription_id=subscription_id,
                status=status_filter,
                failed=failed,
                limit=limit,
            )
        )
        return [_delivery_out(d) for d in rows]

    return router


def _email_links_router(service: NotifyService, route_class: type[APIRoute]) -> APIRouter:
    engine, links = service.engine, service.links
    router = APIRouter(prefix="/api/v1/email", tags=["email links"], route_class=route_class)

    def page(title: str, message: str, code: int = 200) -> HTMLResponse:
        return HTMLResponse(render_page("message", title=title, message=message), code)

    async def check(purpose: Purpose, token: str) -> int | HTMLResponse:
        try:
            parsed = LinkSigner.parse(token)
        except InvalidLink:
            return page("Invalid link", "This link is not valid.", 400)
        sub = await asyncio.to_thread(
            subscriptions.get_subscription, engine, parsed.subscription_id
        )
        if sub is None:
            return page("Not found", "This subscription no longer exists.", 404)
        try:
            links.verify(purpose, parsed, sub.link_key)
        except InvalidLink as exc:
            return page("Invalid link", f"{str(exc).capitalize()}.", 400)
        return parsed.subscription_id

    @router.get("/confirm/{token}", response_class=HTMLResponse)
    async def confirm_page(token: str) -> HTMLResponse:
        """Shows a confirm button (mail scanners fetch links: a GET never confirms)."""
        checked = await check("confirm", token)
        if isinstance(checked, HTMLResponse):
            return checked
        return HTMLResponse(
            render_page(
                "action",
                title="Confirm your Wirewatch alerts",
                message="Press the button to start receiving alerts at this address.",
                action=f"/api/v1/email/confirm/{token}",
                button="Confirm subscription",
            )
        )

    @router.post("/confirm/{token}", response_class=HTMLResponse)
    async def confirm(token: str) -> HTMLResponse:
        checked = await check("confirm", token)
        if isinstance(checked, HTMLResponse):
            return checked
        await asyncio.to_thread(subscriptions.confirm_email, engine, checked)
        log.info("email subscription confirmed", subscription_id=checked)
        return page("Subscription confirmed", "Alerts will now be sent to this address.")

    @router.get("/unsubscribe/{token}", response_class=HTMLResponse)
    async def unsubscribe_page(token: str) -> HTMLResponse:
        checked = await check("unsubscribe", token)
        if isinstance(checked, HTMLResponse):
            return checked
        return HTMLResponse(
            render_page(
                "action",
                title="Unsubscribe from Wirewatch alerts",
                message="Press the button and no more alerts of this subscription will be sent.",
                action=f"/api/v1/email/unsubscribe/{token}",
                button="Unsubscribe",
            )
        )

    @router.post("/unsubscribe/{token}", response_class=HTMLResponse)
    async def unsubscribe(token: str) -> HTMLResponse:
        """RFC 8058 one-click (``List-Unsubscribe=One-Click`` body) and the page's button."""
        checked = await check("unsubscribe", token)
        if isinstance(checked, HTMLResponse):
            return checked
        await asyncio.to_thread(subscriptions.unsubscribe, engine, checked)
        log.info("email subscription unsubscribed", subscription_id=checked)
        return page("Unsubscribed", "No more alerts of this subscription will be sent.")

    return router
