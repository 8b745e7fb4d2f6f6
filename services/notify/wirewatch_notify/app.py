"""Notify service: a FastStream app that turns classified items into durable deliveries.

The handler records one delivery per matching subscription (idempotent on
(subscription, item)) and only then lets FastStream commit the offset; the
delivery worker sends them and retries failures on a schedule.
Run alone with ``wirewatch notify`` or
``faststream run wirewatch_notify.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from wirewatch_shared import topics
from wirewatch_shared.broker import ensure_topics, make_broker
from wirewatch_shared.db import create_tables, make_engine
from wirewatch_shared.deadletter import dead_letter
from wirewatch_shared.events import ClassifiedItem
from wirewatch_shared.logging import configure_logging, get_logger

from wirewatch_notify import outbox
from wirewatch_notify.channels.base import Channel
from wirewatch_notify.channels.email import EmailChannel
from wirewatch_notify.channels.webhook import WebhookChannel, make_webhook_client
from wirewatch_notify.matching import matches_for
from wirewatch_notify.models import Delivery, Subscription
from wirewatch_notify.payloads import alert_envelope
from wirewatch_notify.secrets import SecretBox, load_secret_key
from wirewatch_notify.settings import NotifySettings
from wirewatch_notify.subscriptions import active_rules
from wirewatch_notify.worker import DeliveryWorker

log = get_logger(__name__)


def create_notify_tables(engine: Engine) -> None:
    create_tables(engine, Subscription, Delivery)


class NotifyService:
    def __init__(self, settings: NotifySettings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self.broker: KafkaBroker = make_broker(settings, client_suffix="notify")
        self.box = SecretBox(load_secret_key(settings))
        self.channels: dict[str, Channel] = {
            "webhook": WebhookChannel(make_webhook_client(settings.webhook_timeout_s)),
            "email": EmailChannel(settings),
        }
        self.worker = DeliveryWorker(self.engine, self.channels, self.box, settings)
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.handled = 0  # messages fully processed (offset committed)
        self.dead_letters = self.broker.publisher(topics.DEAD_LETTER)
        self.broker.subscriber(
            topics.CLASSIFIED,
            group_id=topics.GROUP_NOTIFY,
            # Manual: the offset is committed only once deliveries are durably recorded,
            # and an undecodable message is dead-lettered instead of redelivered forever.
            ack_policy=AckPolicy.MANUAL,
            **settings.consumer_options(),
        )(self.on_message)

    async def on_message(self, message: KafkaMessage) -> None:
        try:
            classified = ClassifiedItem.model_validate_json(message.body)
        except ValidationError as exc:
            log.error("undecodable message dead-lettered", error=str(exc)[:200])
            letter = dead_letter(topics.CLASSIFIED, topics.GROUP_NOTIFY, str(exc), message.body)
            await self.dead_letters.publish(letter.model_dump(mode="json"))
            await message.ack()
            self.handled += 1
            return
        try:
            await self.handle_classified(classified)
        except Exception:
            # Database down: do not commit; back off, then let Kafka redeliver.
            log.exception("recording deliveries failed", item_id=classified.item.item_id)
            await asyncio.sleep(self.settings.delivery_tick_s)
            await message.nack()
            return
        await message.ack()
        self.handled += 1

    async def handle_classified(self, classified: ClassifiedItem) -> None:
        """Record a delivery per matching subscription (idempotent)."""
        if not classified.matches:
            return
        rules = await asyncio.to_thread(active_rules, self.engine)
        matched = matches_for(classified, rules)
        if not matched:
            return
        now = datetime.now(UTC)
        new = [
            outbox.NewDelivery(
                sub_id, classified.item.item_id, alert_envelope(classified, matches, now=now)
            )
            for sub_id, matches in matched.items()
        ]
        added = await asyncio.to_thread(outbox.enqueue, self.engine, new)
        log.info(
            "deliveries recorded", item_id=classified.item.item_id, matched=len(new), new=added
        )
        if added:
            self.worker.wake.set()

    async def on_startup(self) -> None:
        assert self.settings.kafka_bootstrap
        await asyncio.to_thread(
            ensure_topics,
            self.settings.kafka_bootstrap,
            partitions=self.settings.topic_partitions,
            replication=self.settings.topic_replication,
        )
        await asyncio.to_thread(create_notify_tables, self.engine)

    async def after_startup(self) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(self.worker.run(self._stop))

    async def on_shutdown(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        for channel in self.channels.values():
            await channel.aclose()

    def build_app(self) -> FastStream:
        return FastStream(
            self.broker,
            on_startup=[self.on_startup],
            after_startup=[self.after_startup],
            on_shutdown=[self.on_shutdown],
        )


def create_app(settings: NotifySettings | None = None) -> FastStream:
    settings = settings or NotifySettings()
    configure_logging(settings.log_level, json=settings.log_json)
    return NotifyService(settings).build_app()
