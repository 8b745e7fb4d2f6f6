"""/status shows the records on the dead-letter topic per source stream (count, newest
failure, consumer groups), read from the broker, in a real browser (headless chromium);
and `wirewatch status`, gathering its own figures, shows the same figures as the page.

Ground truth: undecodable records produced onto the items stream (classify dead-letters
them) and onto the classified stream (notify and stories each dead-letter them), then
the dead-letter stream read to its end with a plain Kafka consumer.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from wirewatch_shared import streams
from wirewatch_shared.events import DeadLetter

from tests.ops.conftest import RunningSystem
from tests.ops.support import wait_until
from tests.support.env import run_wirewatch
from tests.support.streams import read_stream_to_end

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

BAD_ITEMS, BAD_CLASSIFIED = 3, 2
# classify dead-letters each bad item; notify and stories each bad classified record.
EXPECTED = BAD_ITEMS + 2 * BAD_CLASSIFIED


def _produce(bootstrap: str, topic: str, count: int) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        for n in range(count):
            producer.send(topic, f"not json {n}".encode(), key=f"bad-{n}".encode())
        producer.flush(timeout=20)
    finally:
        producer.close()


def _truth(bootstrap: str) -> list[DeadLetter]:
    return [
        DeadLetter.model_validate_json(r.value)
        for r in read_stream_to_end(bootstrap, streams.DEAD_LETTER)
    ]


async def _dead_lettered(running: RunningSystem) -> list[DeadLetter]:
    _produce(running.bootstrap, streams.ITEMS, BAD_ITEMS)
    _produce(running.bootstrap, streams.CLASSIFIED, BAD_CLASSIFIED)
    found: list[DeadLetter] = []

    async def all_there() -> bool:
        found[:] = await asyncio.to_thread(_truth, running.bootstrap)
        return len(found) >= EXPECTED

    await wait_until(all_there, timeout=60, message="the bad records were not dead-lettered")
    assert len(found) == EXPECTED
    return found


async def _page_dead_letters(page: Any) -> dict[str, tuple[int, str, str]]:
    rows = {}
    for row in await page.locator("#dead-letters tr[data-source]").all():
        source = await row.get_attribute("data-source")
        count = int(await row.locator("td[data-count]").inner_text())
        newest = await row.locator("td[data-newest]").get_attribute("data-newest")
        groups = await row.locator("td").nth(1).inner_text()
        rows[source] = (count, newest, groups)
    return rows


async def test_status_page_shows_dead_letters_per_source_stream(
    running_system: RunningSystem, browser: Any
) -> None:
    page = await browser.new_page()
    await page.goto(f"{running_system.url}/status")
    assert "no dead letters" in await page.inner_text("#dead-letters")

    letters = await _dead_lettered(running_system)
    counts = Counter(d.source_topic for d in letters)
    assert counts == {streams.ITEMS: BAD_ITEMS, streams.CLASSIFIED: 2 * BAD_CLASSIFIED}
    expected = {
        source: (
            n,
            max(d.failed_at for d in letters if d.source_topic == source),
            ", ".join(sorted({d.consumer_group for d in letters if d.source_topic == source})),
        )
        for source, n in counts.items()
    }
    await page.goto(f"{running_system.url}/status")
    shown = await _page_dead_letters(page)
    assert {s: (n, datetime.fromisoformat(t), g) for s, (n, t, g) in shown.items()} == expected
    assert expected[streams.CLASSIFIED][2] == "wirewatch-notify, wirewatch-stories"
    assert await page.locator("#dead-letters-unread").count() == 0
    await page.close()


def _cli_status(running: RunningSystem, tmp_path: Path, *, as_json: bool = True) -> Any:
    """`wirewatch status [--json]` gathering its own figures (Kafka, database, /readyz)."""
    env = {
        "WIREWATCH_KAFKA_BOOTSTRAP": running.bootstrap,
        "WIREWATCH_DATABASE_URL": running.database_url,
        "WIREWATCH_DATA_DIR": str(tmp_path),
        "WIREWATCH_LOG_LEVEL": "WARNING",
        "COLUMNS": "250",
    }
    probe = f"wirewatch-up={running.url}/readyz"
    done = run_wirewatch(
        ["status", *(["--json"] if as_json else []), "--probe", probe],
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if as_json else done.stdout


async def _cells(page: Any, selector: str) -> list[str]:
    return [t.strip() for t in await page.locator(selector).all_inner_texts()]


async def _page_figures(page: Any, url: str) -> dict[str, Any]:
    """Every figure of the page that `wirewatch status` shows too, as text."""
    await page.goto(f"{url}/status")
    return {
        "verdict": (await page.inner_text("#verdict")).split(".")[0],
        "problems": await _cells(page, "#verdict li"),
        "warnings": await _cells(page, ".banner.warn"),
        "cards": {
            card: await page.inner_text(f"#{card}")
            for card in (
                "feeds-ok",
                "feeds-failing",
                "deliveries-sent",
                "deliveries-pending",
                "deliveries-dead",
            )
        },
        # Not the "probed" column: how each was asked (in process here, by URL there).
        "services": await _cells(page, "#services td:not(.small)"),
        "lag": await _cells(page, "#lag tr:has(td) td"),
        "lag_totals": await _cells(page, "#lag tr:not(:has(td)) th"),
        "feeds": await _cells(page, "#feeds td"),
        "failing": await _cells(page, "#failing-feeds td"),
        "deliveries": await _cells(page, "#deliveries td"),
        "dead_letters": await _page_dead_letters(page),
        "alerts": await _cells(page, "#alerts td"),
    }


def _expected_page(status: dict[str, Any]) -> dict[str, Any]:
    """What the page shows for the figures of a `wirewatch status --json`."""

    def when(moment: str | None) -> str:
        return datetime.fromisoformat(moment).strftime("%Y-%m-%d %H:%M:%S UTC") if moment else "—"

    def num(value: int | None, missing: str) -> str:
        return missing if value is None else str(value)

    totals: dict[str, int] = {}
    for row in status["consumer_lag"]:
        totals[row["group"]] = totals.get(row["group"], 0) + (row["lag"] or 0)
    d = status["deliveries"]
    return {
        "verdict": "Healthy" if status["healthy"] else "Unhealthy",
        "problems": status["problems"],
        "warnings": status["warnings"],
        "cards": {
            "feeds-ok": str(status["feeds"].get("ok", 0)),
            "feeds-failing": str(
                status["feeds"].get("failing", 0) + status["feeds"].get("parked", 0)
            ),
            "deliveries-sent": str(d["sent"]),
            "deliveries-pending": str(d["pending"]),
            "deliveries-dead": str(d["dead"]),
        },
        "services": [
            c
            for s in status["services"]
            for c in (
                s["name"],
                "ready" if s["ready"] else "NOT READY",
                s["reason"] or "",
            )
        ],
        "lag": [
            c
            for r in status["consumer_lag"]
            for c in (
                r["group"],
                r["topic"],
                str(r["partition"]),
                num(r["committed"], "—"),
                num(r["highwater"], "?"),
                num(r["lag"], "?"),
            )
        ],
        "lag_totals": [
            *("group", "topic", "partition", "committed", "highwater", "lag"),
            *(c for g, t in totals.items() for c in (g, "total", str(t))),
        ],
        "feeds": [str(n) for n in status["feeds"].values()],
        "failing": [
            c
            for f in status["failing_feeds"]
            for c in (
                f"{f['title']}\n{f['url']}" if f["title"] else f["url"],
                f["health"],
                str(f["consecutive_errors"]),
                f["last_error"] or f["last_status"] or "",
                when(f["last_attempt_at"]),
            )
        ],
        "deliveries": [
            str(d["pending"]),
            str(d["retrying"]),
            str(d["sent"]),
            str(d["dead"]),
            f"{d['oldest_pending_age_s']:.0f} s",
        ],
        "dead_letters": {
            s["source_topic"]: (s["count"], s["newest_at"], ", ".join(s["groups"]))
            for s in status["dead_letters"]["sources"]
        },
        "alerts": [
            c
            for a in status["last_alerts"]
            for c in (when(a["sent_at"]), a["topic"], a["channel"], a["target"], a["title"])
        ],
    }


async def test_the_cli_and_the_page_show_the_same_figures(
    running_system: RunningSystem, browser: Any, tmp_path: Path
) -> None:
    """The system is live (the failing feed is retried): both are read until one reading
    of each agrees, and a figure that always differs fails the test."""
    page = await browser.new_page()
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []

    async def agree() -> bool:
        status = await asyncio.to_thread(_cli_status, running_system, tmp_path)
        shown = await _page_figures(page, running_system.url)
        seen.append((_expected_page(status), shown))
        return seen[-1][0] == shown

    try:
        await wait_until(agree, timeout=60, interval=0.5, message="never agreed")
    except AssertionError:
        cli, shown = seen[-1]
        assert {k: v for k, v in cli.items() if v != shown[k]} == {
            k: v for k, v in shown.items() if v != cli[k]
        }
        raise
    cli, _ = seen[-1]
    assert cli["dead_letters"] and cli["lag"] and cli["alerts"] and cli["failing"]
    await page.close()
    # The tables print what the JSON holds: one line per dead-letter source, its count.
    table = await asyncio.to_thread(_cli_status, running_system, tmp_path, as_json=False)
    for source, (count, _newest, groups) in cli["dead_letters"].items():
        assert any(
            source in line and f" {count} " in line and groups in line
            for line in table.splitlines()
        ), (source, table)
