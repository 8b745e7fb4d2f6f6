"""`wirewatch up`: embedded broker (unless configured), the five services and one HTTP
server (notify API, /healthz, /readyz, /metrics, /status, /subscribe) in one process."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import signal
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import structlog
from fastapi import APIRouter
from faststream import FastStream
from sqlalchemy.engine import Engine
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings
from wirewatch_flights.api import create_flights_router
from wirewatch_flights.app import FlightsService
from wirewatch_flights.settings import FlightsSettings
from wirewatch_ingest.app import IngestService
from wirewatch_ingest.settings import IngestSettings
from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.logging import configure_logging, get_logger
from wirewatch_shared.settings import CommonSettings
from wirewatch_stories.app import StoriesService
from wirewatch_stories.settings import StoriesSettings

from wirewatch.http_app import build_http_app
from wirewatch.ops.durable import DurableBroker
from wirewatch.ops.flights_page import flights_page_router
from wirewatch.ops.instrument import ProcessOps
from wirewatch.ops.pages import PagesContext
from wirewatch.ops.server import HttpServer
from wirewatch.ops.settings import OpsSettings
from wirewatch.ops.snapshot import StatusSnapshot, collect_snapshot
from wirewatch.ops.subscribe_flow import SubscribeFlow, shipped_and_user_topics
from wirewatch.runtime import remove_runtime, write_runtime
from wirewatch.schema import upgrade
from wirewatch.service_runner import unless_stopped

log = get_logger(__name__)

SERVICE_NAME = "wirewatch-up"


def in_service_context(kind: str, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    """Run ``coro`` (and every task it starts) with ``service=kind`` in the log context."""
    context = contextvars.copy_context()
    context.run(structlog.contextvars.bind_contextvars, service=kind)
    return asyncio.create_task(coro, context=context)


class System:
    """The whole pipeline in one process."""

    def __init__(
        self,
        overrides: dict[str, object] | None = None,
        *,
        serve_http: bool = True,
        routers: Sequence[APIRouter] = (),
    ) -> None:
        self.overrides = dict(overrides or {})
        self.serve_http = serve_http
        self.routers = tuple(routers)  # extra HTTP routes (the demo's feed and inbox)
        self.on_step: Callable[[str], None] = lambda _step: None  # start-up progress
        self.embedded: EmbeddedBroker | DurableBroker | None = None
        self.apps: list[FastStream] = []
        self.ingest: IngestService | None = None
        self.classify: ClassifyService | None = None
        self.notify: NotifyService | None = None
        self.stories: StoriesService | None = None
        self.flights: FlightsService | None = None
        self.ops = ProcessOps(SERVICE_NAME)
        self.http: HttpServer | None = None
        self.settings: OpsSettings | None = None

    @property
    def kafka_bootstrap(self) -> str:
        """The Kafka the system uses: the configured one or its embedded broker."""
        assert self.settings is not None, "not started"
        return str(self.overrides.get("kafka_bootstrap") or self.settings.kafka_bootstrap or "")

    @property
    def url(self) -> str:
        assert self.http is not None, "the HTTP server is off (serve_http=False)"
        return self.http.url

    async def _start_broker(self, settings: OpsSettings) -> None:
        if settings.durable is True:
            self.embedded = await asyncio.to_thread(DurableBroker(settings.broker_dir).start)
        else:
            self.embedded = await asyncio.to_thread(EmbeddedBroker().start)
        self.overrides["kafka_bootstrap"] = self.embedded.bootstrap
        log.info(
            "embedded broker started",
            bootstrap=self.embedded.bootstrap,
            durable=settings.durable,
            data_dir=str(settings.broker_dir) if settings.durable else None,
        )

    async def start(self) -> None:
        """Start everything; on failure, stop what already started, then re-raise."""
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        settings = OpsSettings(**self.overrides)  # type: ignore[arg-type]
        # Every service's settings before anything starts: a bad combination is refused in
        # one line, not after the broker and the migrations have logged theirs.
        kinds: tuple[type[CommonSettings], ...] = (
            IngestSettings,
            ClassifySettings,
            NotifySettings,
            StoriesSettings,
            FlightsSettings,
        )
        for each in kinds:
            each(**self.overrides)  # type: ignore[arg-type]
        configure_logging(settings.log_level, json=settings.log_json)
        if not settings.kafka_bootstrap:
            self.on_step("starting the embedded Kafka broker")
            await self._start_broker(settings)
        self.settings = settings = OpsSettings(**self.overrides)  # type: ignore[arg-type]
        engine = make_engine(settings.database_url)
        upgraded = await asyncio.to_thread(upgrade, engine)  # `up` migrates on start
        if upgraded.before != upgraded.after:  # Alembic logged each revision it ran
            log.info(
                "database schema upgraded", before=upgraded.before or "none", after=upgraded.after
            )
        classify_settings = ClassifySettings(**self.overrides)  # type: ignore[arg-type]
        self.ingest = IngestService(IngestSettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.classify = ClassifyService(classify_settings, engine)
        self.notify = NotifyService(NotifySettings(**self.overrides), engine)  # type: ignore[arg-type]
        topics_dir = classify_settings.classify_topics_dir
        self.notify.topic_catalog = lambda: shipped_and_user_topics(engine, topics_dir)
        self.stories = StoriesService(StoriesSettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.flights = FlightsService(FlightsSettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.ops.watch("ingest", self.ingest, prefixed=True)
        self.ops.watch("classify", self.classify, prefixed=True)
        self.ops.watch("notify", self.notify, prefixed=True)
        self.ops.watch("stories", self.stories, prefixed=True)
        self.ops.watch("flights", self.flights, prefixed=True)
        self.ops.start()
        if self.serve_http:
            await self._start_http(engine, settings)
        self.on_step("services joining their consumer groups")
        services = (
            ("classify", self.classify),
            ("notify", self.notify),
            ("ingest", self.ingest),
            ("stories", self.stories),
            ("flights", self.flights),
        )
        self.apps = [service.build_app() for _, service in services]
        # Consumers join their groups concurrently (each join takes a few seconds).
        await asyncio.gather(
            *(
                in_service_context(kind, app.start())
                for (kind, _), app in zip(services, self.apps, strict=True)
            )
        )
        self.ops.mark_started()
        log.info("wirewatch is up")

    async def _start_http(self, engine: Engine, settings: OpsSettings) -> None:
        """Listening first: /healthz answers and /readyz says "starting" meanwhile."""
        assert self.notify is not None and self.notify.topic_catalog is not None
        pages = PagesContext(
            snapshot=self._snapshot,
            subscriptions=SubscribeFlow(
                engine, self.notify.box, self.notify.settings, self.notify.topic_catalog
            ),
            refresh_s=settings.status_refresh_s,
        )
        flights_routers = (create_flights_router(engine), flights_page_router(engine))
        app = build_http_app(
            self.notify, self.ops.routes(), pages, (*flights_routers, *self.routers)
        )
        self.http = HttpServer(app, settings.http_host, settings.http_port)
        await self.http.start()
        log.info("http api listening", url=self.http.url)

    async def _snapshot(self) -> StatusSnapshot:
        assert self.settings is not None and self.notify is not None
        return await collect_snapshot(
            self.notify.engine,
            self.kafka_bootstrap,
            probe_urls=self.settings.status_probe_urls,
            local=self.ops.local_status,
        )

    async def stop(self) -> None:
        if self.http is not None:
            await self.http.stop()
            self.http = None
        for app in reversed(self.apps):
            try:
                await app.stop()
            except Exception:
                log.exception("service stop failed")
        self.apps = []
        await self.ops.stop()
        if self.embedded is not None:
            await asyncio.to_thread(self.embedded.stop)
            self.embedded = None


BROKER_CHECK_S = 1.0
"""How often a running ``up`` checks that its embedded broker still runs."""


async def until_stopped(system: System, stop: asyncio.Event) -> None:
    """Wait for ``stop``. An embedded broker that exits meanwhile (a crash, the OOM
    killer) ends the run with exit code 1: every service would retry against nothing
    for ever, not ready, saying nothing of why; a supervisor (or the user) starts ``up``
    again, and durable mode loses nothing."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), BROKER_CHECK_S)
        code = system.embedded.exit_code() if system.embedded is not None else None
        if code is not None:
            log.error("the embedded Kafka broker exited; wirewatch up stops", exit_code=code)
            raise SystemExit(1)


async def run_until_signalled(
    overrides: dict[str, object],
    on_ready: Callable[[System], Awaitable[None]] | None = None,
    *,
    routers: Sequence[APIRouter] = (),
    on_step: Callable[[str], None] | None = None,
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    system = System(overrides, routers=routers)
    if on_step is not None:
        system.on_step = on_step
    data_dir: Path | None = None
    try:
        if not await unless_stopped(system.start(), stop):
            return
        assert system.settings is not None
        data_dir = system.settings.data_dir
        write_runtime(
            data_dir,
            kafka_bootstrap=system.kafka_bootstrap,
            http_url=system.url if system.http is not None else None,
        )
        if on_ready is not None:
            await on_ready(system)
        await until_stopped(system, stop)
    finally:
        log.info("stopping")
        if data_dir is not None:
            remove_runtime(data_dir)
        await system.stop()
