"""Stories stage: a FastStream app that groups classified items into stories.

Consumes ``streams.CLASSIFIED`` in batches (group ``streams.GROUP_STORIES``), assigns
every item with at least one topic to an open story or opens a new one (see
:mod:`wirewatch_stories.store` for how several processes stay consistent), and
publishes one :class:`~wirewatch_shared.events.StoryEvent` per item on
``streams.STORIES``, keyed by story id. Offsets are committed only after the
batch's assignments are committed and its events confirmed.
Run alone with ``wirewatch service stories`` or
``faststream run wirewatch_stories.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
import inspect

from faststream import FastStream
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.broker import JSON_HEADERS
from wirewatch_shared.events import ClassifiedItem
from wirewatch_shared.logging import get_logger
from wirewatch_shared.service import ServiceBase, service_app

from wirewatch_stories.settings import StoriesSettings
from wirewatch_stories.store import Assigner

log = get_logger(__name__)


class StoriesService(ServiceBase[StoriesSettings]):
    """Owns the broker, the assigner and the consumer of classified items."""

    def __init__(self, settings: StoriesSettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="stories")
        self.assigner = Assigner(
            self.engine,
            window_s=settings.stories_window_hours * 3600.0,
            threshold=settings.stories_threshold,
        )
        self.stories_publisher = self.broker.publisher(
            streams.STORIES, title="stories", description="Story opened / item added"
        )
        # Decode, assign, commit: a record refused for good is dead-lettered, a transient
        # failure (database or broker down) commits nothing and is retried after a backoff.
        self.guard = self.consume(
            streams.CLASSIFIED,
            settings.stories_consumer_group,
            "assigning stories failed",
            ClassifiedItem.model_validate_json,
            self.handle_batch,
            max_records=settings.stories_batch_max_records,
            title="classified",
        )

    async def handle_batch(self, batch: list[ClassifiedItem]) -> None:
        """Assign the tagged items of a batch to stories (one transaction), then publish
        their events; returns once the broker has confirmed every one."""
        tagged = [c for c in batch if c.matches]
        if not tagged:
            return
        events = await asyncio.to_thread(self.assigner.assign, tagged)
        pending = [
            await self.stories_publisher.publish(
                event.value.encode(),
                key=event.key.encode(),
                headers=JSON_HEADERS,
                no_confirm=True,
            )
            for event in events
        ]
        await asyncio.gather(*(f for f in pending if inspect.isawaitable(f)))
        log.info("items assigned to stories", items=len(tagged))


def create_app(settings: StoriesSettings | None = None) -> FastStream:
    return service_app(StoriesService, settings or StoriesSettings())
