"""The classified items kept for reclassify, written beside the next batch.

A batch's items are stored by one statement that runs without the GIL
(:func:`itemstore.save_items`) while the next batch is classified: only the previous
batch's write is awaited at the end of a batch, so at most one write is in flight and a
crash can leave at most one batch out of the history. The store is history for
reclassify, not the pipeline: a database failure is logged and the batch still completes
(a publish failure, by contrast, fails the batch so it is redelivered).
"""

from __future__ import annotations

import asyncio

from sqlalchemy.engine import Engine
from wirewatch_shared.logging import get_logger

from wirewatch_classify import itemstore
from wirewatch_classify.batch import ItemRecord

log = get_logger(__name__)


class ItemHistory:
    """The item store's writes, one in flight at a time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._saving: asyncio.Future[None] | None = None  # the last batch's write

    def write(self, records: list[ItemRecord]) -> asyncio.Future[None] | None:
        """Start writing a batch's records (None: nothing to keep)."""
        return asyncio.ensure_future(self._save(records)) if records else None

    async def hand_over(self, saving: asyncio.Future[None] | None) -> None:
        """Keep ``saving`` (the batch's write) in flight; wait for the previous batch's."""
        previous, self._saving = self._saving, saving
        if previous is not None:
            await previous

    async def flush(self) -> None:
        """Wait for the last batch's write."""
        saving, self._saving = self._saving, None
        if saving is not None:
            await saving

    async def _save(self, records: list[ItemRecord]) -> None:
        try:
            await asyncio.to_thread(itemstore.save_items, self.engine, records)
        except Exception as exc:
            log.error(
                "item store write failed; items not kept for reclassify",
                error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                items=len(records),
                first_item_id=records[0].item_id,
            )
