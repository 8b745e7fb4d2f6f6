"""The operational HTTP endpoints of a service, as FastStream ASGI handlers.

``/healthz`` (liveness), ``/readyz`` (readiness, 503 with a JSON reason) and
``/metrics`` (Prometheus text from :data:`wirewatch_shared.metrics.REGISTRY`).
The same handlers serve a lone service (``AsgiFastStream(asgi_routes=...)``) and
the FastAPI app of notify / ``wirewatch up`` (mounted as plain ASGI routes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from faststream.asgi import AsgiFastStream, AsgiResponse, get
from faststream.asgi.handlers import GetHandler
from faststream.asgi.response import JSONResponse
from faststream.asgi.types import ASGIApp, Scope
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from wirewatch_shared.health import Heartbeat, Readiness
from wirewatch_shared.logging import get_logger
from wirewatch_shared.metrics import REGISTRY

log = get_logger(__name__)

PreScrape = Callable[[], Awaitable[Any]]

_NO_CACHE = {"Cache-Control": "no-store"}


def healthz_handler(heartbeat: Heartbeat) -> GetHandler:
    @get(include_in_schema=False, description="Liveness: the process and its event loop run.")
    async def healthz(scope: Scope) -> AsgiResponse:
        result = heartbeat.alive()
        body = {"status": "ok" if result.ok else "stalled", **result.as_json()}
        return JSONResponse(body, 200 if result.ok else 503, _NO_CACHE)

    return healthz


def readyz_handler(readiness: Readiness) -> GetHandler:
    @get(include_in_schema=False, description="Readiness: broker, consumer groups, database.")
    async def readyz(scope: Scope) -> AsgiResponse:
        report = await readiness.evaluate()
        return JSONResponse(report.as_json(), 200 if report.ready else 503, _NO_CACHE)

    return readyz


def metrics_handler(pre_scrape: Sequence[PreScrape] = ()) -> GetHandler:
    """Refresh the async samplers (consumer lag), then render the registry in a thread
    (database collectors query while rendering; the event loop keeps serving)."""

    @get(include_in_schema=False, description="Prometheus metrics.")
    async def metrics(scope: Scope) -> AsgiResponse:
        for hook in pre_scrape:
            try:
                await hook()
            except Exception as exc:  # a failing sampler must not hide every other metric
                log.warning("metrics sampler failed", error=str(exc))
        body = await asyncio.to_thread(generate_latest, REGISTRY)
        return AsgiResponse(body, 200, {"Content-Type": CONTENT_TYPE_LATEST, **_NO_CACHE})

    return metrics


def ops_routes(
    readiness: Readiness, heartbeat: Heartbeat, pre_scrape: Sequence[PreScrape] = ()
) -> list[tuple[str, ASGIApp]]:
    return [
        ("/healthz", healthz_handler(heartbeat)),
        ("/readyz", readyz_handler(readiness)),
        ("/metrics", metrics_handler(pre_scrape)),
    ]


def ops_asgi_app(routes: Sequence[tuple[str, ASGIApp]]) -> AsgiFastStream:
    """A bare ASGI app serving ``routes`` (the lone ingest or classify process).

    The FastStream app itself is started and stopped by the runner, not by the
    ASGI lifespan, so the endpoints answer (503 "starting") while Kafka is joined.
    """
    return AsgiFastStream(asgi_routes=routes, logger=None)
