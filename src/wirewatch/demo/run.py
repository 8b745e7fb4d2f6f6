"""Run the demo: a fresh data dir of its own, the embedded broker, every service, the
sample feed and the webhook inbox on Wirewatch's own HTTP server; each alert the inbox
receives is printed in the terminal with the seconds since the command started."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from wirewatch.demo.feed import GrowingFeed, load_sample
from wirewatch.demo.inbox import HOOK_PATH, INBOX_PATH, OUTLET_FEED_PATH, Inbox, ReceivedAlert

MARKER = ".wirewatch-demo"
_IMPORTED = time.monotonic()


class DemoError(RuntimeError):
    """The demo cannot start; the message says why."""


def process_age_s() -> float:
    """Seconds since this process started (Python's own start-up and imports included)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED


def executable() -> str:
    """How to run ``wirewatch`` again from any directory (a second terminal, where the
    virtualenv may not be active): this process's own path, made absolute (``make demo``
    starts ``.venv/bin/wirewatch``, which works only from the clone)."""
    argv0 = sys.argv[0] if sys.argv else ""
    return str(Path(argv0).absolute()) if Path(argv0).name == "wirewatch" else "wirewatch"


def fresh_home(data_dir: Path) -> Path:
    """``<data dir>/demo``, emptied: every demo starts from nothing (a feed already read
    would give no new alert). Only a directory the demo made itself is ever removed."""
    home = data_dir / "demo"
    if home.exists():
        if not (home / MARKER).exists():
            raise DemoError(f"{home} exists and is not a demo directory; move it away")
        shutil.rmtree(home)
    home.mkdir(mode=0o700, parents=True)
    (home / MARKER).write_text("created by `wirewatch demo`; emptied by the next one\n")
    return home


def pick_port(preferred: int) -> int:
    """``preferred`` when nothing listens on it on 127.0.0.1, else any free port."""
    for port in (preferred, 0):
        with socket.socket() as sock:
            if os.name == "posix":  # as the server binds: ignore a stopped run's TIME_WAIT
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise DemoError("no free TCP port on 127.0.0.1")


def demo_overrides(home: Path, port: int) -> dict[str, object]:
    """Everything local and fast: the embedded broker in memory, SQLite in ``home``,
    loopback allowed for the demo's own feed and webhook, feeds re-read every 2 s."""
    return {
        "data_dir": str(home),
        "database_url": f"sqlite:///{home / 'wirewatch.db'}",
        "secret_key_file": str(home / "wirewatch-secret.key"),
        "kafka_bootstrap": None,
        "durable": False,
        # The embedded broker (Tansu) holds each group join for half the session timeout,
        # and notify joins its three groups one after another: 1 s each instead of 3 s.
        # (Apache Kafka refuses below 6 s by default; the demo only ever runs on Tansu.)
        "kafka_session_timeout_ms": 2000,
        "kafka_heartbeat_interval_ms": 500,
        "http_host": "127.0.0.1",
        "http_port": port,
        "public_base_url": f"http://127.0.0.1:{port}",
        "seed_default_feeds": False,
        "ingest_allow_private_networks": True,
        "notify_allow_private_networks": True,
        "poll_interval_s": 2.0,
        "min_poll_interval_s": 2.0,
        "max_poll_interval_s": 2.0,  # the sample's dates are old: no quiet-feed back-off
        "error_backoff_base_s": 2.0,
        "error_backoff_max_s": 10.0,
        "poll_jitter": 0.0,
        "poll_tick_s": 0.5,
        "host_min_gap_s": 0.0,
        "parse_workers": 0,
        "delivery_tick_s": 0.2,
        "retry_schedule_s": [1, 2, 5],
        "log_level": "WARNING",
    }


def seed(overrides: dict[str, object], base_url: str, outlets: list[str]) -> list[str]:
    """The demo's feeds (one per outlet) and a webhook subscription to every shipped
    topic; the topics."""
    from wirewatch_classify.engine import Classifier
    from wirewatch_ingest import feedstore
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox, load_secret_key
    from wirewatch_notify.settings import NotifySettings
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    settings = NotifySettings(**overrides)  # type: ignore[arg-type]
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        feeds = [
            (base_url + OUTLET_FEED_PATH.format(index=index), outlet)
            for index, outlet in enumerate(outlets)
        ]
        feedstore.add_feeds(engine, feeds)
        topics = sorted(Classifier.load(None).topic_names)
        request = subscriptions.parse_create(
            {"topics": topics, "channel": "webhook", "target": base_url + HOOK_PATH}
        )
        box = SecretBox(load_secret_key(settings))
        subscriptions.create_subscription(engine, request, box, settings=settings)
    finally:
        engine.dispose()
    return topics


class Terminal:
    """What the demo prints: progress while starting, then one line per alert."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.first_alert_s: float | None = None

    def alert(self, alert: ReceivedAlert) -> None:
        age = process_age_s()
        topics = ", ".join(alert.topics)
        self.console.print(
            f"[dim]{age:6.1f}s[/] [bold green]ALERT[/] [cyan]{escape(topics)}[/] "
            f"{alert.score:.2f}  {escape(alert.title)} [dim]({escape(alert.outlet)}, "
            f"{escape(alert.published)})[/]",
            highlight=False,
        )
        if self.first_alert_s is None:
            self.first_alert_s = age
            self.console.print(
                f"first alert {age:.1f} s after `wirewatch demo` started", highlight=False
            )

    def ready(self, base_url: str, home: Path, topics: list[str]) -> None:
        age = process_age_s()
        command = f"WIREWATCH_DATA_DIR={shlex.quote(str(home))} {shlex.quote(executable())}"
        self.console.print(
            f"Wirewatch demo is up after {age:.1f} s (offline, state in {home}).\n"
            f"  webhook inbox  {base_url}{INBOX_PATH}\n"
            f"  stories        {base_url}/stories\n"
            f"  flights        {base_url}/flights\n"
            f"  status         {base_url}/status\n"
            f"  API docs       {base_url}/docs   streams: {base_url}/asyncapi\n"
            "Local feeds, one per outlet, publish real headlines (with their own dates, "
            f"2020-2025), one more every 3 s; a webhook subscription to {', '.join(topics)} "
            "turns the matching ones into alerts. The same system from another terminal:\n"
            f"  {command} stories list\n"
            f"  {command} flights list\n"
            "Ctrl-C stops.",
            highlight=False,
            soft_wrap=True,
        )


def build_inbox(on_alert: Callable[[ReceivedAlert], None]) -> Inbox:
    return Inbox(GrowingFeed(load_sample(), initial=3, every_s=3.0), on_alert)
