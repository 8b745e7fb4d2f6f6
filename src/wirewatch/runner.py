"""`wirewatch up`: embedded broker (unless configured), the three services and the HTTP API
in one process."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI
from faststream import FastStream
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings
from wirewatch_ingest.app import IngestService
from wirewatch_ingest.settings import IngestSettings
from wirewatch_notify.api import subscriptions_router
from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.logging import configure_logging, get_logger
from wirewatch_shared.settings import CommonSettings

log = get_logger(__name__)


@dataclass
class Overrides:
    """Settings forced by the runner (e.g. the embedded broker's address)."""

    values: dict[str, object] = field(default_factory=dict)


def build_http_app(notify: NotifyService) -> FastAPI:
    api = FastAPI(title="Wirewatch", version="0.1.0")

    @api.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    api.include_router(subscriptions_router(notify.engine, notify.box))
    return api


class System:
    """The whole pipeline in one process."""

    def __init__(self, overrides: dict[str, object] | None = None, *, serve_http: bool = True):
        self.overrides = dict(overrides or {})
        self.serve_http = serve_http
        self.embedded: EmbeddedBroker | None = None
        self.apps: list[FastStream] = []
        self.ingest: IngestService | None = None
        self.classify: ClassifyService | None = None
        self.notify: NotifyService | None = None
        self._http: uvicorn.Server | None = None
        self._http_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        common = CommonSettings(**self.overrides)  # type: ignore[arg-type]
        configure_logging(common.log_level, json=common.log_json)
        if not common.kafka_bootstrap:
            self.embedded = await asyncio.to_thread(EmbeddedBroker().start)
            self.overrides["kafka_bootstrap"] = self.embedded.bootstrap
            log.info("embedded broker started", bootstrap=self.embedded.bootstrap)
        engine = make_engine(common.database_url)
        self.ingest = IngestService(IngestSettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.classify = ClassifyService(ClassifySettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.notify = NotifyService(NotifySettings(**self.overrides), engine)  # type: ignore[arg-type]
        self.apps = [self.classify.build_app(), self.notify.build_app(), self.ingest.build_app()]
        # Consumers join their groups concurrently (each join takes a few seconds).
        await asyncio.gather(*(app.start() for app in self.apps))
        if self.serve_http:
            config = uvicorn.Config(
                build_http_app(self.notify),
                host=common.http_host,
                port=common.http_port,
                log_level="warning",
                lifespan="off",
            )
            self._http = uvicorn.Server(config)
            self._http_task = asyncio.create_task(self._http.serve())
            while not self._http.started and not self._http_task.done():  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            if self._http_task.done():
                await self._http_task  # re-raise the bind error
            log.info("http api listening", url=f"http://{common.http_host}:{common.http_port}")
        log.info("wirewatch is up")

    async def stop(self) -> None:
        if self._http is not None and self._http_task is not None:
            self._http.should_exit = True
            await self._http_task
        for app in reversed(self.apps):
            try:
                await app.stop()
            except Exception:
                log.exception("service stop failed")
        self.apps = []
        if self.embedded is not None:
            await asyncio.to_thread(self.embedded.stop)
            self.embedded = None


async def run_until_signalled(
    overrides: dict[str, object], on_ready: Callable[[System], Awaitable[None]] | None = None
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    system = System(overrides)
    try:
        await system.start()
        if on_ready is not None:
            await on_ready(system)
        await stop.wait()
    finally:
        log.info("stopping")
        await system.stop()
