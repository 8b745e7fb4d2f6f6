"""``python -m wirewatch_stories``: the stories stage alone, configured from ``WIREWATCH_``
variables; SIGINT/SIGTERM stop it cleanly (``wirewatch service stories`` adds the
health endpoints)."""

from __future__ import annotations

import asyncio
import signal

from wirewatch_shared.logging import configure_logging

from wirewatch_stories.app import StoriesService
from wirewatch_stories.settings import StoriesSettings


async def main() -> None:
    settings = StoriesSettings()
    configure_logging(settings.log_level, json=settings.log_json)
    app = StoriesService(settings).build_app()
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
