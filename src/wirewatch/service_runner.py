"""Run one service alone (a deployment's unit of scale-out), with its HTTP endpoints.

Every service serves ``/healthz``, ``/readyz`` and ``/metrics`` on
``WIREWATCH_HTTP_HOST:WIREWATCH_HTTP_PORT``; notify also serves the subscriptions
API and the /status and /subscribe pages. The HTTP server listens before the
service starts, so probes get "starting" instead of a refused connection while
Kafka is joined.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Coroutine
from typing import Any

import structlog
from faststream import FastStream
from wirewatch_shared.db import make_engine
from wirewatch_shared.http import ops_asgi_app
from wirewatch_shared.logging import configure_logging, get_logger

from wirewatch.ops.instrument import ProcessOps, ServiceKind
from wirewatch.ops.server import HttpServer
from wirewatch.ops.settings import OpsSettings
from wirewatch.schema import prepare

log = get_logger(__name__)


def build_service(name: ServiceKind) -> tuple[Any, FastStream, ProcessOps, Any]:
    """The service object, its FastStream app, its ops and its HTTP (ASGI) app."""
    ops = ProcessOps(name)
    if name == "ingest":
        from wirewatch_ingest.app import IngestService
        from wirewatch_ingest.settings import IngestSettings

        ingest = IngestService(IngestSettings())
        ops.watch("ingest", ingest)
        return ingest, ingest.build_app(), ops, ops_asgi_app(ops.routes())
    if name == "classify":
        from wirewatch_classify.app import ClassifyService
        from wirewatch_classify.settings import ClassifySettings

        classify = ClassifyService(ClassifySettings())
        ops.watch("classify", classify)
        return classify, classify.build_app(), ops, ops_asgi_app(ops.routes())
    if name == "stories":
        from wirewatch_stories.app import StoriesService
        from wirewatch_stories.settings import StoriesSettings

        stories = StoriesService(StoriesSettings())
        ops.watch("stories", stories)
        return stories, stories.build_app(), ops, ops_asgi_app(ops.routes())
    if name == "flights":
        return _build_flights(ops)
    return _build_notify(ops)


def _build_flights(ops: ProcessOps) -> tuple[Any, FastStream, ProcessOps, Any]:
    """The flights stage, with the flight ledger's API and /flights page beside its
    health endpoints."""
    from fastapi import FastAPI
    from wirewatch_flights.api import create_flights_router
    from wirewatch_flights.app import FlightsService
    from wirewatch_flights.settings import FlightsSettings

    from wirewatch.http_app import add_security_headers
    from wirewatch.ops.flights_page import flights_page_router

    flights = FlightsService(FlightsSettings())
    ops.watch("flights", flights)
    api = FastAPI(title="Wirewatch flights", version="0.1.0")
    add_security_headers(api)
    for path, handler in ops.routes():
        api.add_route(path, handler, methods=["GET", "HEAD"], include_in_schema=False)  # type: ignore[arg-type]
    api.include_router(create_flights_router(flights.engine))
    api.include_router(flights_page_router(flights.engine))
    return flights, flights.build_app(), ops, api


def _build_notify(ops: ProcessOps) -> tuple[Any, FastStream, ProcessOps, Any]:
    from wirewatch_classify.settings import ClassifySettings
    from wirewatch_notify.app import NotifyService
    from wirewatch_notify.settings import NotifySettings

    from wirewatch.http_app import build_http_app
    from wirewatch.ops.pages import PagesContext
    from wirewatch.ops.snapshot import collect_snapshot
    from wirewatch.ops.subscribe_flow import SubscribeFlow, shipped_and_user_topics

    notify = NotifyService(NotifySettings())
    ops.watch("notify", notify)
    settings = OpsSettings()
    topics_dir = ClassifySettings().classify_topics_dir
    engine = notify.engine
    notify.topic_catalog = lambda: shipped_and_user_topics(engine, topics_dir)

    async def snapshot() -> Any:
        return await collect_snapshot(
            engine,
            settings.kafka_bootstrap,
            probe_urls=settings.status_probe_urls,
            local=ops.local_status,
        )

    pages = PagesContext(
        snapshot=snapshot,
        subscriptions=SubscribeFlow(
            engine, notify.box, notify.settings, lambda: shipped_and_user_topics(engine, topics_dir)
        ),
        refresh_s=settings.status_refresh_s,
    )
    return notify, notify.build_app(), ops, build_http_app(notify, ops.routes(), pages)


async def unless_stopped(start: Coroutine[Any, Any, None], stop: asyncio.Event) -> bool:
    """Run ``start``; a stop signal meanwhile cancels it instead of waiting for it to
    succeed or give up (30 s on a silent Kafka). False when stopped; a failed start raises."""
    starting = asyncio.create_task(start)
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait((starting, stopping), return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if starting.done():
        starting.result()
        return True
    starting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await starting
    return False


def prepare_database(database_url: str) -> None:
    """SQLite is upgraded to this release's schema; PostgreSQL must already be at it
    (``wirewatch db upgrade``), else :class:`wirewatch.schema.SchemaOutOfDate`."""
    engine = make_engine(database_url)
    try:
        prepare(engine)
    finally:
        engine.dispose()


async def run_single_service(name: str) -> None:
    settings = OpsSettings()
    configure_logging(settings.log_level, json=settings.log_json)
    await asyncio.to_thread(prepare_database, settings.database_url)
    structlog.contextvars.bind_contextvars(service=name)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    kinds: dict[str, ServiceKind] = {
        "ingest": "ingest",
        "classify": "classify",
        "stories": "stories",
        "flights": "flights",
    }
    kind: ServiceKind = kinds.get(name, "notify")
    _service, app, ops, asgi = build_service(kind)
    ops.start()
    http = HttpServer(asgi, settings.http_host, settings.http_port)
    await http.start()
    log.info("health endpoints listening", url=http.url)
    try:
        if not await unless_stopped(app.start(), stop):
            return
        ops.mark_started()
        log.info("service started")
        await stop.wait()
    finally:
        log.info("stopping")
        await http.stop()
        await app.stop()
        await ops.stop()
