"""The one adapter to Kafka's admin side (aiokafka, asynchronous; the services already load
aiokafka through FastStream, so no second Kafka client is imported for this).

- :func:`ensure_streams`: create the streams that do not exist yet (services on start,
  ``wirewatch kafka-topics create``);
- :func:`refuse_shared_groups`: a service refuses to join a consumer group another
  service's consumers are in (services on start);
- :func:`group_lag`: consumer-group lag from outside the groups, committed offset vs
  highwater (``wirewatch status``, the /status page). Committed offsets come from the
  admin API (OffsetFetch). The highwater comes back in a fetch response, so a
  throw-away consumer (no group) fetches one small record from each partition at its
  committed offset — never ListOffsets, which some Kafka-wire brokers (Tansu) answer
  wrongly while producers batch.

Publishing is not here: services publish through :mod:`wirewatch_shared.producer`.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import BrokerResponseError, KafkaError, TopicAlreadyExistsError, for_code

from wirewatch_shared import streams

log = logging.getLogger(__name__)

_quiet = contextvars.ContextVar("wirewatch_kafka_admin_quiet", default=False)


class _QuietWhileConnecting(logging.Filter):
    """While the adapter connects (a broker still starting, or down), aiokafka logs each
    refused attempt as an error; the adapter retries or fails with one line of its own.
    Other clients' records (FastStream's) pass untouched."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _quiet.get()


logging.getLogger("aiokafka").addFilter(_QuietWhileConnecting())


@contextlib.contextmanager
def _quietly() -> Iterator[None]:
    """Within this block (and in the tasks a client starts in it: its metadata refresh,
    its connections, for that client's short life) aiokafka's records are dropped; its
    errors still raise to the caller."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


async def ensure_streams(
    bootstrap: str,
    names: Iterable[str] = streams.ALL_STREAMS,
    *,
    partitions: int = 3,
    replication: int = 1,
    timeout_s: float = 30.0,
) -> list[str]:
    """Create the streams (Kafka topics) that do not exist yet; return the ones created.

    Idempotent, so every service (and `wirewatch kafka-topics create`) may call it on
    start-up against a real cluster. Waits up to ``timeout_s`` for the cluster to answer;
    then raises :class:`ConnectionError`.
    """
    admin, existing = await _answering_admin(bootstrap, timeout_s)
    try:
        missing = list(dict.fromkeys(n for n in names if n not in existing))
        if not missing:
            return []
        response = await admin.create_topics(
            [
                NewTopic(name, num_partitions=partitions, replication_factor=replication)
                for name in missing
            ]
        )
        created: list[str] = []
        for name, code, *message in response.topic_errors:
            error = for_code(code)
            if code == 0:
                created.append(name)
            elif error is not TopicAlreadyExistsError:  # else: another service was first
                detail = message[0] if message and message[0] else error.__name__
                raise error(f"creating topic {name!r}: {detail}")
        if created:
            log.info("created topics %s", created)
        return created
    finally:
        await admin.close()


async def _answering_admin(
    bootstrap: str, timeout_s: float
) -> tuple[AIOKafkaAdminClient, set[str]]:
    """A started admin client and the cluster's topics, retried until the cluster answers
    (it may still be starting) or ``timeout_s`` passes."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while True:
        remaining = deadline - loop.time()
        admin = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap.split(","),
            client_id="wirewatch-admin",
            # One attempt never outlasts the whole deadline.
            request_timeout_ms=max(500, int(remaining * 1000)),
        )
        try:
            with _quietly():
                async with asyncio.timeout(max(0.5, remaining)):
                    await admin.start()
                    return admin, set(await admin.list_topics())
        except (KafkaError, OSError, TimeoutError) as exc:  # broker still starting
            await admin.close()
            if loop.time() >= deadline:
                raise _unreachable(bootstrap, exc, timeout_s) from exc
        await asyncio.sleep(0.2)


def _unreachable(
    bootstrap: str, exc: BaseException, waited_s: float | None = None
) -> ConnectionError:
    waited = f"no answer in {waited_s:g} s: " if waited_s is not None else ""
    return ConnectionError(f"Kafka at {bootstrap} is not reachable ({waited}{type(exc).__name__})")


GROUP_TOPICS: Mapping[str, str] = {
    consumer.group: stream
    for stream, info in streams.STREAM_INFO.items()
    for consumer in info.consumers
    if consumer.group is not None
}
"""Each consumer group of the pipeline and the stream it consumes, from ``STREAM_INFO``
(so ``wirewatch status`` shows the lag of every stage, the stories and flights ones too)."""


@dataclass(frozen=True, slots=True)
class GroupLag:
    group: str
    topic: str
    partition: int
    committed: int | None
    highwater: int | None

    @property
    def lag(self) -> int | None:
        if self.highwater is None:
            return None
        return max(0, self.highwater - (self.committed or 0))


async def group_lag(
    bootstrap: str,
    groups: Mapping[str, str] = GROUP_TOPICS,
    *,
    timeout_s: float = 5.0,
) -> list[GroupLag]:
    """Lag per (group, partition); raises :class:`ConnectionError` if Kafka does not answer
    within ``timeout_s``, ``aiokafka.errors.KafkaError`` if it answers with an error."""
    servers = bootstrap.split(",")
    timeout_ms = int(timeout_s * 1000)
    admin = AIOKafkaAdminClient(
        bootstrap_servers=servers, client_id="wirewatch-status", request_timeout_ms=timeout_ms
    )
    try:
        try:
            with _quietly():
                async with asyncio.timeout(timeout_s):
                    await admin.start()
        except (KafkaError, OSError, TimeoutError) as exc:
            raise _unreachable(bootstrap, exc) from exc
        partitions = _partitions(await admin.describe_topics(), set(groups.values()))
        committed = await _committed(admin, groups, partitions)
    finally:
        await admin.close()
    if not partitions:
        # None of the streams exists yet (before `kafka-topics create`): nothing to read, and
        # an aiokafka consumer stopped right after its start raises CancelledError.
        return []
    consumer = AIOKafkaConsumer(
        bootstrap_servers=servers,
        client_id="wirewatch-status",
        group_id=None,
        enable_auto_commit=False,
        fetch_max_wait_ms=50,
        max_partition_fetch_bytes=1024,
        request_timeout_ms=max(timeout_ms, 1000) + 500,
    )
    try:
        await consumer.start()
        highwater = await _read_highwaters(consumer, partitions, committed, timeout_s)
    finally:
        await consumer.stop()
    return [
        GroupLag(group, topic, tp.partition, committed.get((group, tp)), highwater.get(tp))
        for group, topic in groups.items()
        for tp in partitions.get(topic, [])
    ]


def _partitions(described: list[Any], topics: set[str]) -> dict[str, list[TopicPartition]]:
    """The partitions of each of ``topics`` that exists, from a metadata answer for all
    topics (naming the topics would let a broker auto-create the missing ones)."""
    found: dict[str, list[TopicPartition]] = {}
    for topic in described:
        name = topic["topic"]
        if name in topics and not topic["error_code"]:
            ids = sorted(p["partition"] for p in topic["partitions"])
            found[name] = [TopicPartition(name, p) for p in ids]
    return found


async def _committed(
    admin: AIOKafkaAdminClient,
    groups: Mapping[str, str],
    partitions: Mapping[str, list[TopicPartition]],
) -> dict[tuple[str, TopicPartition], int]:
    """Each group's committed offsets on the partitions of its topic (named: asked for
    "all partitions", OffsetFetch v2+, Tansu answers with a body aiokafka cannot read)."""
    committed: dict[tuple[str, TopicPartition], int] = {}
    for group, topic in groups.items():
        if not partitions.get(topic):
            continue
        try:
            found = await admin.list_consumer_group_offsets(group, partitions=partitions[topic])
        except BrokerResponseError:
            found = {}  # the group never committed (or does not exist yet)
        for tp, meta in found.items():
            if meta.offset is not None and meta.offset >= 0:
                committed[(group, tp)] = int(meta.offset)
    return committed


async def _read_highwaters(
    consumer: AIOKafkaConsumer,
    partitions: Mapping[str, list[TopicPartition]],
    committed: Mapping[tuple[str, TopicPartition], int],
    timeout_s: float,
) -> dict[TopicPartition, int]:
    assigned = [tp for tps in partitions.values() for tp in tps]
    highwater: dict[TopicPartition, int] = {}
    if not assigned:
        return highwater
    consumer.assign(assigned)
    # Fetch from the smallest committed offset of any group (0 when none): an offset that
    # exists, so the fetch answers with the highwater and no reset is needed.
    for tp in assigned:
        offsets = [off for (_group, t), off in committed.items() if t == tp]
        consumer.seek(tp, min(offsets) if offsets else 0)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while len(highwater) < len(assigned) and loop.time() < deadline:
        await consumer.getmany(timeout_ms=100, max_records=1)
        for tp in assigned:
            value = consumer.highwater(tp)
            if value is not None:
                highwater[tp] = int(value)
    return highwater


class SharedConsumerGroup(RuntimeError):
    """Another service's consumers are in one of this service's consumer groups."""


_MEMBER_SUFFIX = re.compile(r"-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def member_client_id(member: Mapping[str, Any]) -> str:
    """A group member's client id: Kafka reports it; Tansu leaves it empty, but both make
    the member id ``<client id>-<uuid>``."""
    return str(member.get("client_id") or _MEMBER_SUFFIX.sub("", str(member["member_id"])))


async def refuse_shared_groups(
    bootstrap: str, groups: Iterable[str], client_id: str, *, timeout_s: float = 5.0
) -> None:
    """Raise :class:`SharedConsumerGroup` if a member of one of ``groups`` has a client id
    other than ``client_id`` (each service has its own, replicas share it): two services in
    one group split its partitions, and each silently misses the other's share.

    Checked before this service's consumers join; two services started at the same moment
    may both find their group empty. The check never stops a start on its own failure
    (a broker that cannot describe groups): that is logged at debug level and skipped."""
    try:
        others = await _other_clients(bootstrap, list(dict.fromkeys(groups)), client_id, timeout_s)
    except (KafkaError, OSError, TimeoutError, KeyError) as exc:
        log.debug("could not describe consumer groups %s: %s", groups, exc)
        return
    for group, clients in others.items():
        raise SharedConsumerGroup(
            f"consumer group {group!r} is already used by another service "
            f"(client {', '.join(sorted(clients))}; this is {client_id}): two services in "
            "one group split its partitions and each misses the other's share; give this "
            "service its own group (its WIREWATCH_*_CONSUMER_GROUP setting)"
        )


async def _other_clients(
    bootstrap: str, groups: list[str], client_id: str, timeout_s: float
) -> dict[str, set[str]]:
    """Each of ``groups`` that has members with another client id: those client ids."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap.split(","),
        client_id=f"{client_id}-check",
        request_timeout_ms=int(timeout_s * 1000),
    )
    found: dict[str, set[str]] = {}
    try:
        with _quietly():
            async with asyncio.timeout(timeout_s):
                await admin.start()
                for group in groups:
                    # One group per request: Tansu drops the connection when asked for more.
                    for answer in await admin.describe_consumer_groups([group]):
                        for described in answer.to_object()["groups"]:
                            clients = {
                                member_client_id(m)
                                for m in described["members"]
                                if not described["error_code"]
                            }
                            if clients - {client_id}:
                                found[group] = clients - {client_id}
    finally:
        await admin.close()
    return found
