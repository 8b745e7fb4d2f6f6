"""The lifecycle every service shares: a FastStream app over the service's broker.

A service subclasses :class:`ServiceBase`, calls ``super().__init__`` (settings,
database engine, broker), subscribes its batch consumers with :meth:`consume`,
registers its background loops with :meth:`run_while_up` and overrides the hooks it
needs, calling the base first (``on_startup`` creates the pipeline's streams,
``after_startup`` starts the loops, ``on_shutdown`` stops them). ``wirewatch up``,
``wirewatch service NAME`` and
``faststream run wirewatch_<name>.app:create_app --factory`` all run ``build_app()``.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Generic, TypeVar

from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker
from sqlalchemy.engine import Engine

from wirewatch_shared import memory, streams
from wirewatch_shared.broker import (
    ensure_service_streams,
    make_broker,
    service_client_id,
    whole_message,
)
from wirewatch_shared.db import make_engine
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.failures import Backoff, BatchGuard
from wirewatch_shared.health import group_subscriber
from wirewatch_shared.kafka_admin import refuse_shared_groups
from wirewatch_shared.logging import configure_logging
from wirewatch_shared.settings import CommonSettings

S = TypeVar("S", bound=CommonSettings)
T = TypeVar("T")

PARTITION_FETCH_BYTES = 256 * 1024
"""What a batch consumer fetches per partition and round (aiokafka's default is 1 MiB).
Prefetched records are the largest thing a consumer holds in a burst; a round over
three partitions still fills a batch of 200 story events or 500 items."""


class ServiceBase(Generic[S]):
    """Start-up and shutdown hooks around one broker; every hook may be overridden."""

    settings: S
    engine: Engine
    broker: KafkaBroker
    guard: BatchGuard[Any]
    """The service's main consumer (:meth:`consume`), set by a service that has one."""
    _background: tuple[Callable[[asyncio.Event], Coroutine[Any, Any, None]], ...] = ()
    _running: tuple[asyncio.Task[None], ...] = ()
    _stopping: asyncio.Event | None = None

    def __init__(self, settings: S, engine: Engine | None, *, client: str) -> None:
        """The service's settings, its database engine (``engine``, else one from the
        settings) and its broker (client id suffixed ``client``)."""
        memory.limit_arenas()  # before the service's worker threads exist
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self.broker = make_broker(settings, client_suffix=client)
        self.client_id = service_client_id(settings, client)
        self.idle_trims: list[memory.IdleTrim] = []  # one per consumer

    def consume(
        self,
        stream: str,
        group: str,
        what: str,
        decode: Callable[[bytes], T | None],
        handle: Callable[[list[T]], Awaitable[object]],
        *,
        max_records: int,
        title: str | None = None,
        batch_timeout_ms: int = 50,
        backoff: Backoff | None = None,
        whole_batch_first: bool = True,
        after: Callable[[int], None] | None = None,
        **options: Any,
    ) -> BatchGuard[T]:
        """Consume ``stream`` as ``group`` in batches, each through a
        :class:`~wirewatch_shared.failures.BatchGuard` (``what``, ``decode``, ``handle``,
        ``backoff``, ``whole_batch_first``: see there) with this consumer's dead letters;
        returns the guard (``guard.handled`` counts the messages done).

        Manual commit: offsets are committed only once the batch is durably handled (the
        guard acks). The handler gets the message itself (``whole_message``), its bodies as
        they were on the wire: the guard decodes each one itself, so one bad record is
        dead-lettered alone. ``after`` is
        called with the number of messages of each batch done; ``options`` go to the
        subscriber as they are (e.g. ``max_partition_fetch_bytes``).
        """
        dead_letters = DeadLetters(self.broker.publisher(streams.DEAD_LETTER), stream, group)
        guard = BatchGuard[T](
            what, decode, handle, dead_letters, backoff or Backoff(), whole_batch_first
        )

        idle_trim = memory.IdleTrim()
        self.idle_trims.append(idle_trim)

        # ``Any``: FastStream builds a pydantic model of the handler's arguments (for its
        # AsyncAPI schema), which cannot hold a Protocol; the argument is not cast.
        async def on_batch(message: Any) -> None:
            idle_trim.batch_started()
            done = await guard.consume(message)
            idle_trim.batch_done(done)
            if after is not None:
                after(done)

        group_subscriber(
            self.broker,
            stream,
            group_id=group,
            ack_policy=AckPolicy.MANUAL,
            batch=True,
            max_records=max_records,
            batch_timeout_ms=batch_timeout_ms,
            decoder=whole_message,
            title=title,
            **self.settings.consumer_options(),
            **{"max_partition_fetch_bytes": PARTITION_FETCH_BYTES, **options},
        )(on_batch)
        return guard

    @property
    def handled(self) -> int:
        """Messages of the main consumer fully processed (offsets committed)."""
        return self.guard.handled

    def run_while_up(self, loop: Callable[[asyncio.Event], Coroutine[Any, Any, None]]) -> None:
        """Run ``loop(stop)`` while the service is up (a poller, a delivery worker): it
        starts once the broker has started, and before the broker stops ``stop`` is set
        and the loop awaited (its error, if any, is raised there)."""
        self._background = (*self._background, loop)

    async def on_startup(self) -> None:
        """Before the broker starts: the streams exist (whichever service starts first
        finds none), and no other service is in this one's consumer groups."""
        await ensure_service_streams(self.settings)
        groups = [group for s in self.broker.subscribers if (group := getattr(s, "group_id", None))]
        if groups:
            await refuse_shared_groups(str(self.settings.kafka_bootstrap), groups, self.client_id)

    async def after_startup(self) -> None:
        """After the broker started (consumers subscribed): what was built so far is kept
        out of the garbage collector (:func:`memory.freeze_long_lived`), then the
        background loops start."""
        memory.freeze_long_lived()
        self._stopping = asyncio.Event()
        self._running = tuple(asyncio.create_task(run(self._stopping)) for run in self._background)

    async def on_shutdown(self) -> None:
        """Before the broker stops: the background loops are told to stop, and awaited."""
        if self._stopping is not None:
            self._stopping.set()
        running, self._running = self._running, ()
        await asyncio.gather(*running)

    async def after_shutdown(self) -> None:
        """After the broker stopped (nothing is consumed any more): the heap trims owed,
        and the frozen objects back in the collector's care (the process may go on
        without this service: tests, `wirewatch up` stopping)."""
        for idle_trim in self.idle_trims:
            idle_trim.flush()
        gc.unfreeze()

    def build_app(self) -> FastStream:
        return FastStream(
            self.broker,
            on_startup=[self.on_startup],
            after_startup=[self.after_startup],
            on_shutdown=[self.on_shutdown],
            after_shutdown=[self.after_shutdown],
        )


def service_app(service: Callable[[S], ServiceBase[S]], settings: S) -> FastStream:
    """The app of one service with logging configured from its settings (what each
    service's ``create_app`` factory returns)."""
    configure_logging(settings.log_level, json=settings.log_json)
    return service(settings).build_app()
