"""The FastStream Kafka broker of a service, its decoder, and stream creation on start-up
(through the one Kafka admin adapter, :mod:`wirewatch_shared.kafka_admin`, on aiokafka)."""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.message import StreamMessage

from wirewatch_shared import kafka_admin
from wirewatch_shared.settings import CommonSettings

log = logging.getLogger(__name__)

JSON_HEADERS = {"content-type": "application/json"}
"""The headers of every record Wirewatch publishes: its body is JSON."""


async def raw_bodies(message: StreamMessage[Any]) -> Any:
    """A subscriber's decoder that hands the handler the bodies as they came off the wire:
    each service decodes per message, so one bad message is dead-lettered instead of
    failing its whole batch."""
    return message.body


async def whole_message(message: StreamMessage[Any]) -> Any:
    """A subscriber's decoder that hands the handler the message itself: its bodies as
    they came off the wire (``message.body``) and its ``ack``/``nack``, for a handler
    that commits by hand (the brokers do not inject arguments, see :func:`make_broker`).

    A weak proxy of it: FastStream caches what the decoder returns on the message, and
    the message itself there made a cycle, so every batch (its records, its bodies) was
    left to the garbage collector instead of going when handled (stop 45: most of what
    each stage's young collections freed, and the largest of notify's pauses). The
    message outlives its handler's call, so the proxy never outlives the message."""
    return weakref.proxy(message)


def service_client_id(settings: CommonSettings, client_suffix: str) -> str:
    """The Kafka client id of one service (every replica of a service shares it)."""
    return f"{settings.kafka_client_id}-{client_suffix}"


class ConcurrentStartBroker(KafkaBroker):
    """A KafkaBroker whose subscribers start at once. Each subscriber's start waits for
    its consumer group's join, which Tansu holds for half the session timeout: one after
    the other (FastStream's ``start``), a service with three groups took three holds.
    The same steps as FastStream 0.7's ``start``, through its public API (connect, each
    subscriber's and publisher's ``start``, ``running``); one failed start cancels the
    others (a task group)."""

    async def start(self) -> None:
        await self.connect()
        async with asyncio.TaskGroup() as starting:
            for subscriber in self.subscribers:
                starting.create_task(subscriber.start())
        for publisher in self.publishers:
            await publisher.start()
        self.running = True


def make_broker(settings: CommonSettings, *, client_suffix: str) -> KafkaBroker:
    """A FastStream Kafka broker for one service (one client id per service)."""
    if not settings.kafka_bootstrap:
        raise ValueError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: run `wirewatch up` for the embedded "
            "broker, or point the service at a Kafka cluster"
        )
    return ConcurrentStartBroker(
        settings.kafka_bootstrap.split(","),
        client_id=service_client_id(settings, client_suffix),
        # Producer waits for all in-sync replicas: an acked item is durable. The
        # idempotent producer stays off: the dev broker (Tansu) rejects
        # InitProducerId, and every consumer de-duplicates by item id anyway.
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        logger=logging.getLogger(f"wirewatch.{client_suffix}.broker"),
        log_level=logging.DEBUG,
        # No FastDepends: a handler is called with what its subscriber's decoder returns
        # (``raw_bodies``, ``whole_message``), nothing cast or injected. Injecting the
        # message (``KafkaMessage``, a Context field) ran a synchronous lookup in a worker
        # thread per batch, and casting copied the batch's bodies into a pydantic model.
        apply_types=False,
    )


async def ensure_service_streams(settings: CommonSettings) -> None:
    """Create the pipeline's streams (Kafka topics) with the configured partitions and replication
    (every service does it on start-up: whichever starts first finds none)."""
    if not settings.kafka_bootstrap:
        raise RuntimeError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
    await kafka_admin.ensure_streams(
        settings.kafka_bootstrap,
        partitions=settings.topic_partitions,
        replication=settings.topic_replication,
    )
