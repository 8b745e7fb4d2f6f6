"""Fixtures of the operations tests."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import free_port

from tests.support.browser import chromium
from tests.support.http import HttpReceiver, Reply
from tests.support.smtp import SmtpSink
from tests.support.system import system_overrides
from wirewatch.runner import System


class PostgresDatabase:
    """A fresh PostgreSQL database the test may drop and re-create (outage drills)."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.name = f"ww_ops_{uuid.uuid4().hex[:10]}"
        self.url = admin_url.rsplit("/", 1)[0] + "/" + self.name

    def _admin(self, sql: str) -> None:
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(sql))
        finally:
            admin.dispose()

    def create(self) -> None:
        self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def postgres_database(postgres_admin_url: str) -> Iterator[PostgresDatabase]:
    db = PostgresDatabase(postgres_admin_url)
    db.create()
    try:
        yield db
    finally:
        db.drop()


# --- a running `wirewatch up` (System) with a local feed server --------------------------

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Border Desk</title><link>http://example.org/</link><description>t</description>
<language>en</language>
<item><title>Mexico and Venezuela agree to resume deportation flights for migrants</title>
<link>http://example.org/news/flights</link><guid>http://example.org/news/flights</guid>
<description>The first charter flight carrying Venezuelan deportees is expected to land in
Caracas next week, officials said.</description>
<pubDate>Tue, 10 Oct 2023 14:00:00 GMT</pubDate></item>
<item><title>Local bakery wins national bread award</title>
<link>http://example.org/news/bread</link><guid>http://example.org/news/bread</guid>
<description>The sourdough was praised by the judges.</description>
<pubDate>Fri, 12 May 2023 08:00:00 GMT</pubDate></item>
</channel></rss>"""


def ops_overrides(database_url: str, smtp: SmtpSink, secret_key_file: Path) -> dict[str, object]:
    """A test system's settings (tests/support/system.py) with links on its own HTTP port,
    a secret key file, quick retries and warnings only. The port is chosen ahead, as the
    links need it before the server starts: taken meanwhile, the start fails with OSError
    (it never serves another test's server)."""
    port = free_port()
    values = system_overrides(
        database_url,
        smtp,
        http_port=port,
        secret_key_file=str(secret_key_file),
        retry_schedule_s=[0.5, 1, 2],
        log_level="WARNING",
    )
    values["public_base_url"] = f"http://127.0.0.1:{port}"
    return values


@dataclass
class RunningSystem:
    system: System
    engine: Engine
    feeds: HttpReceiver
    smtp: SmtpSink
    database_url: str
    good_feed_url: str
    failing_feed_url: str

    @property
    def url(self) -> str:
        return self.system.url

    @property
    def bootstrap(self) -> str:
        return str(self.system.overrides["kafka_bootstrap"])


def engine_with_a_webhook(database_url: str, hook_url: str) -> Engine:
    """The database upgraded twice (a second upgrade must change nothing) with one webhook
    subscription to repatriation flights, posting to ``hook_url``."""
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    upgrade(engine)
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {"topics": ["repatriation-flights"], "channel": "webhook", "target": hook_url}
        ),
        SecretBox(b"test-secret-key"),
    )
    return engine


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def running_system(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningSystem]:
    """`wirewatch up` in-process: embedded broker, SQLite, a feed server, a webhook receiver.

    One good feed (one repatriation-flight story) and one failing feed; a webhook
    subscription receives the alert. Shared by a module's tests (start-up takes seconds).
    """
    from wirewatch_ingest import feedstore as feed_store

    tmp = tmp_path_factory.mktemp("system")
    database_url = f"sqlite:///{tmp / 'wirewatch.db'}"
    feeds = HttpReceiver()
    feeds.routes["/feed.xml"] = Reply(200, FEED.encode(), {"content-type": "application/rss+xml"})
    feeds.routes["/error.xml"] = Reply(500, b"boom")
    feeds.routes["/hook"] = Reply(204, b"")
    feeds.start()
    smtp = SmtpSink()
    smtp.start()
    engine = engine_with_a_webhook(database_url, feeds.url("/hook"))
    system = System(ops_overrides(database_url, smtp, tmp / "secret.key"))
    await system.start()
    try:
        good = feed_store.add_feed(engine, feeds.url("/feed.xml"))
        bad = feed_store.add_feed(engine, feeds.url("/error.xml"))
        await asyncio.to_thread(feeds.wait_for, 1, "/hook", "POST", 30.0)
        # Both feeds polled: one ok, one failing (the failing poll may come last).
        from wirewatch.ops.dbstats import feeds_by_health

        for _ in range(600):
            health = feeds_by_health(engine)
            if health["ok"] == 1 and health["failing"] == 1:
                break
            await asyncio.sleep(0.05)
        running = RunningSystem(system, engine, feeds, smtp, database_url, good.url, bad.url)
        yield running
    finally:
        await system.stop()
        engine.dispose()
        smtp.stop()
        feeds.stop()


# --- a real browser (tests/support/browser.py) ------------------------------------------


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def browser() -> AsyncIterator[Any]:
    async with chromium() as launched:
        yield launched
