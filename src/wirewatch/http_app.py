"""The HTTP app of notify and of `wirewatch up`: the subscriptions API, the operational
endpoints (/healthz, /readyz, /metrics) and the pages (/status, /subscribe)."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, FastAPI
from fastapi.responses import RedirectResponse
from faststream.asgi.types import ASGIApp
from wirewatch_notify.api import create_api_router
from wirewatch_notify.app import NotifyService

from wirewatch.ops.pages import PagesContext, pages_router


def build_http_app(
    notify: NotifyService,
    ops_routes: Sequence[tuple[str, ASGIApp]] = (),
    pages: PagesContext | None = None,
    routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """``routers``: more routers to serve (the flight ledger's API and page)."""
    api = FastAPI(title="Wirewatch", version="0.1.0")
    for path, handler in ops_routes:
        # FastStream ASGI handlers, mounted as plain ASGI routes.
        api.add_route(path, handler, methods=["GET", "HEAD"], include_in_schema=False)  # type: ignore[arg-type]
    api.include_router(create_api_router(notify))
    for router in routers:
        api.include_router(router)
    if pages is not None:
        api.include_router(pages_router(pages))

        @api.get("/", include_in_schema=False)
        async def index() -> RedirectResponse:
            return RedirectResponse("/status")

    return api
