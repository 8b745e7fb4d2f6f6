"""API request guards: body size limit, bearer-token authentication, per-token rate limit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

from wirewatch_notify.ratelimit import RateLimiter
from wirewatch_notify.tokens import verify_token

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse(
        {"detail": f"request body larger than {limit} bytes"},
        status_code=413,
    )


def body_limited_route(limit: int) -> type[APIRoute]:
    """A route class refusing bodies over ``limit`` bytes: by Content-Length up front,
    and by counting the streamed bytes (chunked uploads, lying headers)."""

    class BodyLimitedRoute(APIRoute):
        def get_route_handler(self) -> Handler:
            handler = super().get_route_handler()

            async def limited(request: Request) -> Response:
                declared = request.headers.get("content-length")
                if declared is not None:
                    if not declared.isdigit():
                        return JSONResponse({"detail": "bad Content-Length"}, status_code=400)
                    if int(declared) > limit:
                        return _too_large(limit)
                if request.method in ("POST", "PUT", "PATCH"):
                    body = bytearray()
                    async for chunk in request.stream():
                        body += chunk
                        if len(body) > limit:
                            return _too_large(limit)
                    request._body = bytes(body)
                return await handler(request)

            return limited

    return BodyLimitedRoute


@dataclass(frozen=True, slots=True)
class Principal:
    owner: str  # token:<key id>
    token_name: str


_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer wwt_...`")


def authenticator(engine: Engine, limiter: RateLimiter) -> Callable[..., Any]:
    """A FastAPI dependency: the caller's :class:`Principal`, or 401/429."""

    async def authenticate(
        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    ) -> Principal:
        unauthorized = HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing or invalid API token",
            headers={"WWW-Authenticate": "Bearer"},
        )
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise unauthorized
        token = await asyncio.to_thread(verify_token, engine, credentials.credentials)
        if token is None:
            raise unauthorized
        wait = limiter.take(token.key_id)
        if wait is not None:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                "rate limit exceeded",
                headers={"Retry-After": RateLimiter.retry_after_header(wait)},
            )
        return Principal(owner=token.owner, token_name=token.name)

    return authenticate
