"""API request guards: body size limit, bearer-token authentication, rate limits.

The API's state (the notify service and its limiters) lives in the app's state under
``STATE_KEY`` (:func:`install_state`); routes reach it through the :data:`Api`
dependency, so the routers are plain module-level objects.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import Message

from wirewatch_notify.ratelimit import RateLimiter
from wirewatch_notify.tokens import verify_token

if TYPE_CHECKING:
    from wirewatch_notify.app import NotifyService

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
STATE_KEY = "wirewatch_notify_api"


@dataclass(frozen=True, slots=True)
class NotifyApi:
    """What the API's routes share: the service and the rate limiters."""

    service: NotifyService
    per_token: RateLimiter
    failed_auth: RateLimiter
    """401s per client address: past the burst, the address gets 429."""

    @classmethod
    def of(cls, service: NotifyService) -> NotifyApi:
        s = service.settings
        return cls(
            service,
            RateLimiter(s.api_rate_limit_per_minute, s.api_rate_limit_burst),
            RateLimiter(s.api_auth_failures_per_minute, s.api_auth_failures_burst),
        )


def install_state(app: FastAPI, service: NotifyService) -> None:
    setattr(app.state, STATE_KEY, NotifyApi.of(service))


def current_api(request: Request) -> NotifyApi:
    api = getattr(request.app.state, STATE_KEY, None)
    if not isinstance(api, NotifyApi):
        raise RuntimeError("the notify API is not installed (wirewatch_notify.api.install_api)")
    return api


Api = Annotated[NotifyApi, Depends(current_api)]


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"request body larger than {limit} bytes"}, status_code=413)


class BodyLimitedRoute(APIRoute):
    """Refuses bodies over ``api_max_body_bytes``: by Content-Length up front, and by
    counting the streamed bytes (chunked uploads, lying headers)."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            limit = current_api(request).service.settings.api_max_body_bytes
            declared = request.headers.get("content-length")
            if declared is not None:
                if not (declared.isascii() and declared.isdigit()):
                    return JSONResponse({"detail": "bad Content-Length"}, status_code=400)
                if int(declared) > limit:
                    return _too_large(limit)
            if request.method not in ("POST", "PUT", "PATCH"):
                return await handler(request)
            body = bytearray()
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    return _too_large(limit)
            return await handler(Request(request.scope, _replay(bytes(body))))

        return limited


def _replay(body: bytes) -> Callable[[], Coroutine[Any, Any, Message]]:
    """An ASGI ``receive`` giving ``body`` (already read and counted) once."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


@dataclass(frozen=True, slots=True)
class Principal:
    owner: str  # token:<key id>
    token_name: str


_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer wwt_...`")


def _too_many(wait: float, detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail,
        headers={"Retry-After": RateLimiter.retry_after_header(wait)},
    )


async def authenticate(
    request: Request,
    api: Api,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller's :class:`Principal`; 401 without a valid token, 429 when the token
    or (after too many failed attempts) the client address is over its limit."""
    client = request.client.host if request.client else "unknown"
    blocked = api.failed_auth.wait(client)
    if blocked is not None:
        raise _too_many(blocked, "too many failed authentications")
    token = None
    if credentials is not None and credentials.scheme.lower() == "bearer":
        token = await asyncio.to_thread(verify_token, api.service.engine, credentials.credentials)
    if token is None:
        api.failed_auth.take(client)
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing or invalid API token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    wait = api.per_token.take(token.key_id)
    if wait is not None:
        raise _too_many(wait, "rate limit exceeded")
    return Principal(owner=token.owner, token_name=token.name)


Caller = Annotated[Principal, Depends(authenticate)]
