"""Shared helpers for the notify tests: settings, items, a running worker, an API client,
the CLI in-process."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from wirewatch_notify import subscriptions
from wirewatch_notify.api import install_api
from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.events import ClassifiedItem, Entities, Evidence, FeedItem, TopicMatch

from tests.support.http import HttpReceiver, RecordedRequest
from wirewatch.schema import upgrade

SECRET_KEY = "test-secret-key"
NOW = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CliResult:
    """What a command run in-process left, as ``main()`` would show it."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Both streams, stdout first."""
        return self.stdout + self.stderr


def run_cli(args: Sequence[str], env: Mapping[str, str]) -> CliResult:
    """The CLI in-process (same commands and service layer, no interpreter start-up); a
    UserError as main() prints it: its exit code and ``error: ...`` on stderr."""
    from typer.testing import CliRunner

    from wirewatch.cli import app
    from wirewatch.cli.errors import UserError

    result = CliRunner().invoke(app, list(args), env=dict(env))
    if isinstance(result.exception, UserError):
        return CliResult(result.exception.exit_code, result.stdout, f"error: {result.exception}")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


def make_settings(database_url: str, **overrides: Any) -> NotifySettings:
    values: dict[str, Any] = {
        "kafka_bootstrap": "127.0.0.1:9",  # never started unless a test says so
        "database_url": database_url,
        "secret_key": SECRET_KEY,
        "notify_allow_private_networks": True,
        "delivery_tick_s": 0.05,
        "retry_schedule_s": [0.2, 0.4, 0.8],
        "smtp_security": "none",
        "webhook_timeout_s": 5.0,
        "claim_lease_s": 40.0,
        "slack_min_interval_s": 0.0,
        "public_base_url": "http://testserver",
        "log_level": "INFO",
    }
    values.update(overrides)
    return NotifySettings(**values)


def make_service(database_url: str, **overrides: Any) -> NotifyService:
    service = NotifyService(make_settings(database_url, **overrides))
    upgrade(service.engine)
    return service


def subscribe_webhook(service: NotifyService, target: str, **fields: Any) -> int:
    """An item-mode webhook subscription to ``flights`` at ``target`` (``fields`` override);
    its id."""
    body = {"alert_mode": "item", "topic": "flights", "channel": "webhook", "target": target}
    request = subscriptions.parse_create({**body, **fields})
    created = subscriptions.create_subscription(service.engine, request, service.box)
    assert created.subscription.id is not None
    return created.subscription.id


def classified(
    topic: str,
    *,
    item_id: str | None = None,
    score: float = 0.9,
    title: str = "Deportation flight lands in Caracas",
    feed_id: int = 1,
    language: str | None = "en",
    countries: tuple[str, ...] = (),
    agencies: tuple[str, ...] = (),
    link: str | None = "https://example.org/news/{item_id}",
) -> ClassifiedItem:
    """A classified item; its link is its own (``{item_id}`` in ``link`` is replaced):
    items with one link and headline are one article to an item-mode subscription."""
    phrase = title[:10] or "x"
    item_id = item_id or uuid.uuid4().hex
    link = link.replace("{item_id}", item_id) if link else link
    item = FeedItem(
        item_id=item_id,
        feed_id=feed_id,
        feed_url="https://example.org/feed.xml",
        feed_title="Border Desk",
        title=title,
        summary="Officials said the charter flight landed.",
        link=link,
        published=NOW,
        fetched_at=NOW,
        language=language,
    )
    evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="r1")
    return ClassifiedItem(
        item=item,
        matches=(TopicMatch(topic=topic, score=score, evidence=(evidence,), rules=("r1",)),),
        entities=Entities(countries=countries, agencies=agencies),
        classified_at=NOW,
    )


async def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


@asynccontextmanager
async def running_worker(service: NotifyService) -> AsyncIterator[NotifyService]:
    """The delivery worker alone (no Kafka): feed it with ``service.handle_classified``."""
    stop = asyncio.Event()
    task = asyncio.create_task(service.worker.run(stop))
    try:
        yield service
    finally:
        stop.set()
        await task
        for channel in service.channels.values():
            await channel.aclose()


def api_client(service: NotifyService) -> httpx.AsyncClient:
    app = FastAPI()
    install_api(app, service)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


async def wait_received(
    receiver: HttpReceiver, count: int, path: str | None = None, timeout: float = 15.0
) -> list[RecordedRequest]:
    """Like ``HttpReceiver.wait_for`` without blocking the event loop."""
    await wait_until(lambda: len(receiver.received(path)) >= count, timeout)
    return receiver.received(path)
