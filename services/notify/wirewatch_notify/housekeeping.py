"""The delivery worker's housekeeping on its tick: held alerts released, finished rows
purged, freed memory handed back.

Its own task beside the worker's loop, so a release query never sits between new
deliveries and their claim.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import timedelta

from sqlalchemy.engine import Engine
from wirewatch_shared import memory
from wirewatch_shared.logging import get_logger

from wirewatch_notify import flight_alerts, outbox, story_versions
from wirewatch_notify.release import release_held
from wirewatch_notify.sender import Clock
from wirewatch_notify.settings import NotifySettings

# The delivery worker's log (its events keep the logger name they had before the worker
# was split into modules).
log = get_logger("wirewatch_notify.worker")

TRIM_AFTER_DELIVERIES = 50
PURGE_EVERY_S = 600.0  # finished deliveries past their retention are deleted this often
PURGE_MAX_CHUNKS = 20  # at most this many chunks per round: the rest waits for the next


class Housekeeping:
    def __init__(
        self, engine: Engine, settings: NotifySettings, wake: asyncio.Event, *, clock: Clock
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.wake = wake  # the worker's: set when held deliveries were released
        self.clock = clock
        self.sends_done = 0  # sends finished since memory was last trimmed
        self._next_purge = 0.0  # the first round purges, then every PURGE_EVERY_S

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                released = await asyncio.to_thread(
                    release_held,
                    self.engine,
                    self.clock(),
                    digest_max_items=self.settings.digest_max_items,
                )
                if released:
                    self.wake.set()
            except Exception:  # a DB hiccup must not stop releases
                log.exception("releasing held deliveries failed")
            if time.monotonic() >= self._next_purge:
                self._next_purge = time.monotonic() + PURGE_EVERY_S
                await self.purge_expired()
            if self.sends_done >= TRIM_AFTER_DELIVERIES:
                self.sends_done = 0
                memory.trim()  # after a burst of sends, hand freed heap back
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.delivery_tick_s)

    async def purge_expired(self) -> int:
        """Delete sent and cancelled deliveries older than the retention (a few chunks
        per call); returns how many. Never raises: the outbox keeps them until next time."""
        days = self.settings.delivery_retention_days
        if days <= 0:
            return 0
        before = self.clock() - timedelta(days=days)
        purged = 0
        forgotten = stories_forgotten = 0
        try:
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(outbox.purge_finished, self.engine, before)
                purged += n
                if n < outbox.PURGE_CHUNK:
                    break
            # Flight records none of whose versions was read within the retention: their
            # alerts and keys have just gone the same way.
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(flight_alerts.purge_versions, self.engine, before)
                forgotten += n
                if n < outbox.PURGE_CHUNK:  # purge_versions's chunk too
                    break
            # Stories none of whose events was read within the retention, likewise.
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(story_versions.purge_states, self.engine, before)
                stories_forgotten += n
                if n < outbox.PURGE_CHUNK:  # purge_states's chunk too
                    break
        except Exception:  # a DB hiccup: the next round tries again
            log.exception("purging finished deliveries failed", purged=purged)
            return purged
        if purged or forgotten or stories_forgotten:
            log.info(
                "finished deliveries purged",
                purged=purged,
                flight_records_forgotten=forgotten,
                stories_forgotten=stories_forgotten,
                retention_days=days,
            )
        return purged
