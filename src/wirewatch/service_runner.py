"""Run one service alone (a deployment's unit of scale-out)."""

from __future__ import annotations

import asyncio
import signal

import uvicorn
from faststream import FastStream


async def run_single_service(name: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    http: uvicorn.Server | None = None
    app: FastStream
    if name == "ingest":
        from wirewatch_ingest.app import create_app as create_ingest

        app = create_ingest()
    elif name == "classify":
        from wirewatch_classify.app import create_app as create_classify

        app = create_classify()
    else:
        from wirewatch_notify.app import NotifyService
        from wirewatch_notify.settings import NotifySettings
        from wirewatch_shared.logging import configure_logging

        from wirewatch.runner import build_http_app

        settings = NotifySettings()
        configure_logging(settings.log_level, json=settings.log_json)
        notify = NotifyService(settings)
        app = notify.build_app()
        http = uvicorn.Server(
            uvicorn.Config(
                build_http_app(notify),
                host=settings.http_host,
                port=settings.http_port,
                log_level="warning",
                lifespan="off",
            )
        )
    await app.start()
    http_task = asyncio.create_task(http.serve()) if http else None
    try:
        await stop.wait()
    finally:
        if http is not None and http_task is not None:
            http.should_exit = True
            await http_task
        await app.stop()
