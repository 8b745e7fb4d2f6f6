"""The HTTP app of notify and of `wirewatch up`: the subscriptions and stories APIs, the
operational endpoints (/healthz, /readyz, /metrics), the pages (/status, /stories,
/subscribe) and the docs:
/docs and /redoc (OpenAPI, their assets served from the fastapi-offline package, so
they work without internet) and /asyncapi, /asyncapi.json (the Kafka streams)."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, FastAPI
from fastapi.responses import RedirectResponse
from fastapi_offline import FastAPIOffline
from faststream.asgi.types import ASGIApp
from secure import ContentSecurityPolicy, ReferrerPolicy, Secure, XContentTypeOptions, XFrameOptions
from secure.middleware import SecureASGIMiddleware
from wirewatch_notify.api import install_api
from wirewatch_notify.app import NotifyService
from wirewatch_stories.api import stories_router

from wirewatch.asyncapi import wirewatch_version
from wirewatch.ops.asyncapi_page import asyncapi_router
from wirewatch.ops.pages import PagesContext, install_pages
from wirewatch.ops.stories_page import stories_page_router

SECURITY_HEADERS = Secure(
    # Pages show feed text and carry signed links: never framed (clickjacking), never
    # sniffed into another type, and no token leaks to a linked outlet in a Referer.
    # No script-src: Swagger UI (/docs) runs an inline script.
    csp=ContentSecurityPolicy().frame_ancestors("'none'").base_uri("'none'").object_src("'none'"),
    xfo=XFrameOptions().deny(),
    xcto=XContentTypeOptions(),
    referrer=ReferrerPolicy().no_referrer(),
)


def add_security_headers(app: FastAPI) -> None:
    """Every answer of ``app`` carries :data:`SECURITY_HEADERS`."""
    app.add_middleware(SecureASGIMiddleware, secure=SECURITY_HEADERS)


DESCRIPTION = (
    "Subscriptions, deliveries and tokens of Wirewatch's notify service. The Kafka "
    "streams between the services are described at [/asyncapi](/asyncapi)."
)


def build_http_app(
    notify: NotifyService,
    ops_routes: Sequence[tuple[str, ASGIApp]] = (),
    pages: PagesContext | None = None,
    routers: Sequence[APIRouter] = (),
) -> FastAPI:
    api = FastAPIOffline(title="Wirewatch", version=wirewatch_version(), description=DESCRIPTION)
    add_security_headers(api)
    for path, handler in ops_routes:
        # FastStream ASGI handlers, mounted as plain ASGI routes.
        api.add_route(path, handler, methods=["GET", "HEAD"], include_in_schema=False)  # type: ignore[arg-type]
    install_api(api, notify)
    # The stories read side (API and page) reads the stories stage's tables.
    api.include_router(stories_router(notify.engine))
    settings = notify.settings
    api.include_router(
        asyncapi_router(
            settings.kafka_bootstrap, settings.topic_partitions, settings.topic_replication
        )
    )
    for router in routers:
        api.include_router(router)
    if pages is not None:
        install_pages(api, pages)
        api.include_router(stories_page_router(notify.engine))

        @api.get("/", include_in_schema=False)
        async def index() -> RedirectResponse:
            return RedirectResponse("/status")

    return api
