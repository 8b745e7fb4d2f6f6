"""HTTP API (FastAPI routers), mounted at the app root by `wirewatch up` / `service notify`.

- ``/api/v1/subscriptions...``: bearer-token API; each token sees only its own
  subscriptions (anything else is 404), unknown fields are 422, bodies over the
  limit 413, too many requests (or failed authentications from one address) 429
  with Retry-After. Path ids are bounded (1 to 2**31-1): anything else is 422.
- ``/api/v1/email/confirm/{token}`` and ``/api/v1/email/unsubscribe/{token}``: the
  signed links in emails (no token, no cookies): GET shows a page with a button,
  POST acts (RFC 8058 one-click unsubscribe is that POST). A link that is not valid
  (malformed, forged, expired, or of a deleted subscription) is 404.

The routers are module-level; :func:`install_api` puts the service in the app's
state and mounts them. Every status code a route answers is in the OpenAPI schema.
"""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Path, Query, Request, Response, status
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from wirewatch_shared.logging import get_logger

from wirewatch_notify import outbox, refusals, subscriptions
from wirewatch_notify.api_guard import Api, BodyLimitedRoute, Caller, NotifyApi, install_state
from wirewatch_notify.links import MAX_ID, InvalidLink, LinkSigner, Purpose
from wirewatch_notify.models import Delivery
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
    from sqlalchemy import Engine

    from wirewatch_notify.app import NotifyService

log = get_logger(__name__)
NOT_FOUND = "no such subscription"


class Problem(BaseModel):
    """An error answer."""

    detail: str = Field(description="What went wrong.")


class InputProblem(BaseModel):
    """One refused input, as FastAPI (and the stories and flights APIs) report it."""

    type: str = Field(description="The kind of problem, e.g. `value_error`, `missing`.")
    loc: list[str | int] = Field(
        description="Where: `body`, `query` or `path`, then the field (and index)."
    )
    msg: str = Field(description="Why it was refused.")
    input: Any = Field(default=None, description="The value refused.")


class InvalidInput(BaseModel):
    """A 422 answer: every problem found, one entry each."""

    detail: list[InputProblem]


def _problem(description: str, model: type[BaseModel] = Problem) -> dict[str, Any]:
    return {"model": model, "description": description}


def _json_ref(answer: dict[str, Any]) -> dict[str, Any]:
    """``answer`` (of :func:`_problem`) with its model as a JSON schema reference."""
    ref = {"$ref": f"#/components/schemas/{answer['model'].__name__}"}
    return {"description": answer["description"], "content": {"application/json": {"schema": ref}}}


def refused_input(exc: subscriptions.SubscriptionError) -> RequestValidationError:
    """A refusal of the service layer as a 422 of the field it names (the shape of
    FastAPI's own, so a client reads every 422 alike)."""
    path = exc.field.split(".") if exc.field else []
    loc = ("body", *(int(p) if p.isdigit() else p for p in path))
    error = {"type": "value_error", "loc": loc, "msg": str(exc), "input": exc.value}
    return RequestValidationError([error])


def _html(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


COMMON: dict[int | str, dict[str, Any]] = {
    400: _problem("Malformed request (e.g. a bad Content-Length)"),
    413: _problem("Request body over the size limit"),
    422: _problem("Invalid input (body, query or path): each problem", InvalidInput),
}
AUTHENTICATED: dict[int | str, dict[str, Any]] = {
    **COMMON,
    401: _problem("Missing or invalid API token"),
    429: _problem("Too many requests, or failed authentications (see Retry-After)"),
}
ONE: dict[int | str, dict[str, Any]] = {
    **AUTHENTICATED,
    404: _problem("No such subscription (or not this token's)"),
}
SubscriptionId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="A subscription id (1 to 2**31-1).")
]
LinkTokenPath = Annotated[str, Path(max_length=256, description="The signed token of the link.")]


def install_api(app: FastAPI, service: NotifyService) -> None:
    """Mount the API on ``app`` for ``service`` (one notify service per app)."""
    install_state(app, service)
    app.include_router(router)
    app.add_exception_handler(StarletteHTTPException, _with_allow_header)
    app.add_exception_handler(RequestValidationError, _invalid_input)


def _echoable(value: Any) -> Any:
    """``value`` as a JSON answer can carry it: infinity and NaN (which the JSON parser
    accepts) as text, a lone surrogate (a ``\\ud800`` escape) replaced."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_echoable(k): _echoable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_echoable(v) for v in value]
    return value


async def _invalid_input(request: Request, exc: Exception) -> Response:
    """FastAPI's 422 (every problem, with the input it refused), whatever that input; each
    reason in plain words (:mod:`.refusals`)."""
    assert isinstance(exc, RequestValidationError)
    detail = _echoable(jsonable_encoder([refusals.plain(e) for e in exc.errors()]))
    return JSONResponse({"detail": detail}, status.HTTP_422_UNPROCESSABLE_CONTENT)


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def allowed_methods(app: FastAPI, path: str) -> set[str]:
    """The methods the OpenAPI schema lists for ``path`` (templates like ``{id}`` match
    one segment); empty when no documented path matches."""
    for template, item in app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return {method.upper() for method in item if method in _METHODS}
    return set()


async def _with_allow_header(request: Request, exc: Exception) -> Response:
    """405 lists every documented method of the path (Starlette names one route's)."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        allowed = allowed_methods(request.app, request.url.path)
        if allowed:
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(allowed))}
    return await http_exception_handler(request, exc)


def _delivery_out(d: Delivery) -> DeliveryOut:
    """The stored delivery's fields, with ``next_attempt_at`` only while one is due."""
    assert d.id is not None
    out = DeliveryOut.model_validate(d, from_attributes=True)
    if d.status in ("pending", "held"):
        return out
    return out.model_copy(update={"next_attempt_at": None})


subscriptions_api = APIRouter(
    prefix="/api/v1/subscriptions",
    tags=["subscriptions"],
    route_class=BodyLimitedRoute,
    responses=AUTHENTICATED,
)


@subscriptions_api.post("", status_code=status.HTTP_201_CREATED)
async def create(body: SubscriptionCreate, api: Api, caller: Caller) -> SubscriptionCreated:
    """Create a subscription. A webhook's signing secret is in the answer, once.
    An email subscription sends a confirmation email and stays
    `awaiting_confirmation` (nothing else is sent) until the link in it is used.
    With `routes`, it gets route alerts: one per flight record on any of its routes."""
    service = api.service
    known = await asyncio.to_thread(service.known_topics)
    try:
        created = await asyncio.to_thread(
            subscriptions.create_subscription,
            service.engine,
            body,
            service.box,
            owner=caller.owner,
            require_confirmation=True,
            settings=service.settings,
            known_topics=known,
        )
    except subscriptions.SubscriptionError as exc:
        raise refused_input(exc) from exc
    sub = created.subscription
    log.info("subscription created", subscription_id=sub.id, channel=sub.channel)
    service.worker.notify_recorded()  # a confirmation email may be waiting
    [out] = await asyncio.to_thread(subscriptions.views, service.engine, [sub])
    return SubscriptionCreated(**out.model_dump(), webhook_secret=created.webhook_secret)


@subscriptions_api.get("")
async def list_all(api: Api, caller: Caller) -> list[SubscriptionOut]:
    """This token's subscriptions."""
    subs = await asyncio.to_thread(
        subscriptions.list_subscriptions, api.service.engine, caller.owner
    )
    return await asyncio.to_thread(subscriptions.views, api.service.engine, subs)


@subscriptions_api.get("/{subscription_id}", responses=ONE)
async def get_one(subscription_id: SubscriptionId, api: Api, caller: Caller) -> SubscriptionOut:
    """One subscription of this token."""
    sub = await asyncio.to_thread(
        subscriptions.get_subscription, api.service.engine, subscription_id, caller.owner
    )
    if sub is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    [out] = await asyncio.to_thread(subscriptions.views, api.service.engine, [sub])
    return out


CONFLICT = {**ONE, 409: _problem("Not possible in the subscription's state")}


@subscriptions_api.patch("/{subscription_id}", responses=CONFLICT)
async def update(
    subscription_id: SubscriptionId, body: SubscriptionUpdate, api: Api, caller: Caller
) -> SubscriptionOut:
    """Change topics, filters, routes, mode, quiet hours or the active flag (channel
    and target are fixed: create a new subscription instead). `"active": true` also
    turns back on a subscription notify disabled (`disabled_reason` is cleared; replay
    its dead deliveries then), but not one whose recipient unsubscribed (409)."""
    known = await asyncio.to_thread(api.service.known_topics)
    try:
        sub = await asyncio.to_thread(
            subscriptions.update_subscription,
            api.service.engine,
            subscription_id,
            body,
            caller.owner,
            known,
        )
    except subscriptions.SubscriptionConflict as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    except subscriptions.SubscriptionError as exc:
        raise refused_input(exc) from exc
    if sub is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    [out] = await asyncio.to_thread(subscriptions.views, api.service.engine, [sub])
    return out


@subscriptions_api.delete(
    "/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ONE
)
async def delete(subscription_id: SubscriptionId, api: Api, caller: Caller) -> Response:
    """Remove a subscription (its delivery log goes with it)."""
    removed = await asyncio.to_thread(
        subscriptions.remove_subscription, api.service.engine, subscription_id, caller.owner
    )
    if not removed:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@subscriptions_api.post("/{subscription_id}/test", responses=CONFLICT)
async def test_send(subscription_id: SubscriptionId, api: Api, caller: Caller) -> TestSendResult:
    """Deliver a sample alert now (not retried); the answer says how it went."""
    service = api.service
    try:
        result = await send_test(service.engine, service.worker, subscription_id, caller.owner)
    except subscriptions.SubscriptionError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    if result is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return result


@subscriptions_api.post("/{subscription_id}/rotate-secret", responses=CONFLICT)
async def rotate_secret(subscription_id: SubscriptionId, api: Api, caller: Caller) -> RotatedSecret:
    """New webhook signing secret (shown once); the old one keeps signing alongside it
    for the grace period, so receivers can switch without losing a message."""
    service = api.service
    try:
        rotation = await asyncio.to_thread(
            subscriptions.rotate_secret,
            service.engine,
            subscription_id,
            service.box,
            grace_s=service.settings.secret_rotation_grace_s,
            owner=caller.owner,
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


@subscriptions_api.get("/{subscription_id}/deliveries", responses=ONE)
async def deliveries(
    subscription_id: SubscriptionId,
    api: Api,
    caller: Caller,
    status_filter: Annotated[str | None, Query(alias="status", max_length=32)] = None,
    failed: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeliveryOut]:
    """The delivery log, newest first: status, attempts, last error, timestamps."""
    engine = api.service.engine
    sub = await asyncio.to_thread(
        subscriptions.get_subscription, engine, subscription_id, caller.owner
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


# -- the links in emails ------------------------------------------------------------------

email_links = APIRouter(
    prefix="/api/v1/email",
    tags=["email links"],
    route_class=BodyLimitedRoute,
    responses={
        # The pages are HTML, but an error before them (FastAPI's) is JSON: named by
        # reference, as a model here would be documented as text/html.
        **{code: _json_ref(answer) for code, answer in COMMON.items()},
        200: _html("The page"),
        404: _html(
            "The link is not valid (malformed, forged, expired or of a removed subscription)"
        ),
    },
)


def _page(title: str, message: str, code: int = 200) -> HTMLResponse:
    return HTMLResponse(render_page("message", title=title, message=message), code)


async def _checked(api: NotifyApi, purpose: Purpose, token: str) -> int | HTMLResponse:
    """The subscription id a valid link names, else the 404 page to answer."""
    try:
        parsed = LinkSigner.parse(token)
    except InvalidLink:
        return _page("Invalid link", "This link is not valid.", 404)
    engine = api.service.engine
    sub = await asyncio.to_thread(subscriptions.get_subscription, engine, parsed.subscription_id)
    if sub is None:
        return _page("Not found", "This subscription no longer exists.", 404)
    try:
        api.service.links.verify(purpose, parsed, sub.link_key)
    except InvalidLink as exc:
        return _page("Invalid link", f"{str(exc).capitalize()}.", 404)
    return parsed.subscription_id


def _action(title: str, message: str, action: str, button: str) -> HTMLResponse:
    return HTMLResponse(
        render_page("action", title=title, message=message, action=action, button=button)
    )


@dataclass(frozen=True, slots=True)
class _LinkAction:
    """What one kind of email link asks (the GET page) and does (the POST)."""

    ask_title: str
    ask_message: str
    button: str
    act: Callable[[Engine, int], object]
    done_log: str
    done_title: str
    done_message: str


_LINK_ACTIONS: dict[Purpose, _LinkAction] = {
    "confirm": _LinkAction(
        "Confirm your Wirewatch alerts",
        "Press the button to start receiving alerts at this address.",
        "Confirm subscription",
        subscriptions.confirm_email,
        "email subscription confirmed",
        "Subscription confirmed",
        "Alerts will now be sent to this address.",
    ),
    "unsubscribe": _LinkAction(
        "Unsubscribe from Wirewatch alerts",
        "Press the button and no more alerts of this subscription will be sent.",
        "Unsubscribe",
        subscriptions.unsubscribe,
        "email subscription unsubscribed",
        "Unsubscribed",
        "No more alerts of this subscription will be sent.",
    ),
}


async def _ask(api: NotifyApi, purpose: Purpose, token: str) -> HTMLResponse:
    """The page with the button that POSTs the link back (a GET never acts)."""
    checked = await _checked(api, purpose, token)
    if isinstance(checked, HTMLResponse):
        return checked
    link = _LINK_ACTIONS[purpose]
    return _action(
        link.ask_title, link.ask_message, f"/api/v1/email/{purpose}/{token}", link.button
    )


async def _act(api: NotifyApi, purpose: Purpose, token: str) -> HTMLResponse:
    """Does what a valid link asks, and says so."""
    checked = await _checked(api, purpose, token)
    if isinstance(checked, HTMLResponse):
        return checked
    link = _LINK_ACTIONS[purpose]
    await asyncio.to_thread(link.act, api.service.engine, checked)
    log.info(link.done_log, subscription_id=checked)
    return _page(link.done_title, link.done_message)


@email_links.get("/confirm/{token}", response_class=HTMLResponse)
async def confirm_page(token: LinkTokenPath, api: Api) -> HTMLResponse:
    """Shows a confirm button (mail scanners fetch links: a GET never confirms)."""
    return await _ask(api, "confirm", token)


@email_links.post("/confirm/{token}", response_class=HTMLResponse)
async def confirm(token: LinkTokenPath, api: Api) -> HTMLResponse:
    """Confirms the email address of a subscription."""
    return await _act(api, "confirm", token)


@email_links.get("/unsubscribe/{token}", response_class=HTMLResponse)
async def unsubscribe_page(token: LinkTokenPath, api: Api) -> HTMLResponse:
    """Shows an unsubscribe button."""
    return await _ask(api, "unsubscribe", token)


@email_links.post("/unsubscribe/{token}", response_class=HTMLResponse)
async def unsubscribe(token: LinkTokenPath, api: Api) -> HTMLResponse:
    """RFC 8058 one-click (``List-Unsubscribe=One-Click`` body) and the page's button."""
    return await _act(api, "unsubscribe", token)


router = APIRouter()
router.include_router(subscriptions_api)
router.include_router(email_links)
