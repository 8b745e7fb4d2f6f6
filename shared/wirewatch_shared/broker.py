"""Kafka broker factory and stream (Kafka topic) administration."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.message import StreamMessage
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from wirewatch_shared import streams
from wirewatch_shared.settings import CommonSettings

log = logging.getLogger(__name__)


async def raw_bodies(message: StreamMessage[Any]) -> Any:
    """A subscriber's decoder that hands the handler the bodies as they came off the wire:
    each service decodes per message, so one bad message is dead-lettered instead of
    failing its whole batch."""
    return message.body


def make_broker(settings: CommonSettings, *, client_suffix: str) -> KafkaBroker:
    """A FastStream Kafka broker for one service (one client id per service)."""
    if not settings.kafka_bootstrap:
        raise ValueError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: run `wirewatch up` for the embedded "
            "broker, or point the service at a Kafka cluster"
        )
    return KafkaBroker(
        settings.kafka_bootstrap.split(","),
        client_id=f"{settings.kafka_client_id}-{client_suffix}",
        # Producer waits for all in-sync replicas: an acked item is durable. The
        # idempotent producer stays off: the dev broker (Tansu) rejects
        # InitProducerId, and every consumer de-duplicates by item id anyway.
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        logger=logging.getLogger(f"wirewatch.{client_suffix}.broker"),
        log_level=logging.DEBUG,
    )


async def ensure_service_streams(settings: CommonSettings) -> None:
    """Create the pipeline's streams (Kafka topics) with the configured partitions and replication
    (every service does it on start-up: whichever starts first finds none)."""
    if not settings.kafka_bootstrap:
        raise RuntimeError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
    await asyncio.to_thread(
        ensure_streams,
        settings.kafka_bootstrap,
        partitions=settings.topic_partitions,
        replication=settings.topic_replication,
    )


def ensure_streams(
    bootstrap: str,
    names: Iterable[str] = streams.ALL_STREAMS,
    *,
    partitions: int = 3,
    replication: int = 1,
    timeout_s: float = 30.0,
) -> list[str]:
    """Create the streams (Kafka topics) that do not exist yet; return the ones created.

    Idempotent, so every service (and `wirewatch kafka-topics create`) may call it on
    start-up against a real cluster.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            admin = KafkaAdminClient(
                bootstrap_servers=bootstrap.split(","),
                client_id="wirewatch-admin",
                # One attempt never outlasts the whole deadline (its default is 30 s).
                bootstrap_timeout_ms=max(500, int((deadline - time.monotonic()) * 1000)),
            )
            break
        except KafkaError as exc:  # broker still starting
            if time.monotonic() > deadline:
                raise ConnectionError(f"Kafka at {bootstrap} is not reachable: {exc}") from exc
            time.sleep(0.2)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in names if n not in existing]
        created: list[str] = []
        for name in missing:
            try:
                admin.create_topics(
                    [NewTopic(name, num_partitions=partitions, replication_factor=replication)]
                )
                created.append(name)
            except TopicAlreadyExistsError:  # created concurrently by another service
                pass
        if created:
            log.info("created topics %s", created)
        return created
    finally:
        admin.close()
