"""`wirewatch demo`: the whole system offline with a local feed of real headlines and a
local webhook inbox; the first alert shows in the terminal."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from wirewatch_ingest.parsing import parse_feed
from wirewatch_shared.embedded import free_port

from tests.support.env import WIREWATCH, is_setting
from wirewatch.demo.feed import GrowingFeed, load_sample, render_rss

REPO = Path(__file__).resolve().parents[2]
DEV_SET = REPO / "tests" / "data" / "classify_dev.jsonl"


def test_sample_items_are_real_labelled_items_with_their_source() -> None:
    """Copied verbatim from the labelled development set (title, summary, outlet, URL,
    date): nothing invented or paraphrased."""
    dev = {row["id"]: row for row in map(json.loads, DEV_SET.read_text().splitlines())}
    sample = load_sample()
    assert len(sample) >= 10
    for item in sample:
        row = dev[item.id]
        assert (item.title, item.summary, item.source, item.url, item.date, item.lang) == (
            row["title"], row["summary"], row["source"], row["url"], row["date"], row["lang"],
        )  # fmt: skip
        assert item.labels == tuple(row["labels"])
    assert sample[0].labels, "the first item shown should be one that alerts"
    assert any(not item.labels for item in sample), "negatives show what is filtered out"


def test_feed_grows_and_parses_as_rss() -> None:
    sample = load_sample()
    feed = GrowingFeed(sample, initial=3, every_s=3.0)
    assert len(feed.visible(100.0)) == 3
    assert len(feed.visible(106.5)) == 5
    assert len(feed.visible(10_000.0)) == len(sample)
    parsed = parse_feed(
        render_rss(sample[:4], "http://127.0.0.1/demo/feed.xml"),
        feed_id=1,
        feed_url="http://127.0.0.1/demo/feed.xml",
        fetched_at=datetime.now(UTC),
        headers={"content-type": "application/rss+xml"},
    )
    assert {i.link for i in parsed.items} == {s.url for s in sample[:4]}
    assert {i.title for i in parsed.items} == {s.title for s in sample[:4]}


class Lines:
    """A subprocess's stdout, line by line, with a deadline (never a bare sleep)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        assert proc.stdout is not None
        stream = proc.stdout

        def pump() -> None:
            for line in stream:
                self.lines.put(line.rstrip("\n"))
            self.lines.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def until(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {text!r} in time; output so far: {self.seen}"
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            assert line is not None, f"exited before {text!r}; output: {self.seen}"
            self.seen.append(line)
            if text in line:
                return line


@pytest.mark.integration
def test_demo_shows_alerts_in_the_terminal(tmp_path: Path, wirewatch_home: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    started = time.monotonic()
    demo = subprocess.Popen(
        [WIREWATCH, "demo", "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out = Lines(demo)
        out.until("Wirewatch demo is up", timeout=90)
        first = out.until("ALERT", timeout=60)
        elapsed = time.monotonic() - started
        print(f"first alert {elapsed:.1f} s after starting `wirewatch demo`: {first}")
        titles = {item.title for item in load_sample() if item.labels}
        assert any(title in first for title in titles), first
        out.until("first alert", timeout=5)
        inbox = httpx.get(
            f"http://127.0.0.1:{port}/demo/inbox.json", timeout=10, trust_env=False
        ).json()
        assert inbox and inbox[0]["signed"] and inbox[0]["outlet"]
        page = httpx.get(f"http://127.0.0.1:{port}/demo/inbox", timeout=10, trust_env=False)
        assert inbox[0]["title"] in page.text
        # The demo's state is its own data dir, and the usual commands reach it.
        home = wirewatch_home / "demo"
        status = subprocess.run(
            [WIREWATCH, "feeds", "list", "--json"],
            env={**env, "WIREWATCH_DATA_DIR": str(home)},
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert "/demo/feeds/0.xml" in status.stdout, status.stderr
    finally:
        demo.send_signal(signal.SIGINT)
        _, err = demo.communicate(timeout=60)
    assert demo.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert list(cwd.iterdir()) == [], "the demo wrote into the current directory"
