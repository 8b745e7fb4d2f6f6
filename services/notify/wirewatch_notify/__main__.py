"""``python -m wirewatch_notify``: the notify service alone (consumer + delivery worker),
configured from ``WIREWATCH_`` variables; SIGINT/SIGTERM stop it cleanly.

The HTTP API is served by ``wirewatch service notify`` / ``wirewatch up``.
"""

from __future__ import annotations

import asyncio
import signal

from wirewatch_shared.logging import configure_logging

from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings


async def main() -> None:
    settings = NotifySettings()
    configure_logging(settings.log_level, json=settings.log_json)
    app = NotifyService(settings).build_app()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await app.start()
    try:
        await stop.wait()
    finally:
        await app.stop()


if __name__ == "__main__":
    asyncio.run(main())
