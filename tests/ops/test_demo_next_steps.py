"""The demo's next steps show what the demo did.

`wirewatch demo` prints the pages and commands a newcomer tries next; each must show the
alerts' stories and the flights they reported (the demo's headlines were published in
2020-2025, so a read side that only shows the last days' publications showed "No stories
yet." and empty charts). The demo runs as a newcomer runs it (a subprocess, its own data
dir); the pages are opened in headless Chromium; the printed commands are run as printed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from wirewatch_shared.embedded import free_port

from tests.ops.test_demo import Lines
from tests.support.env import WIREWATCH, is_setting

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]


def _flight_records(url: str, timeout: float) -> list[dict[str, Any]]:
    """The demo's flight records once there is one (polled: the record follows its alert)."""
    deadline = time.monotonic() + timeout
    while True:
        body = httpx.get(f"{url}/api/v1/flights", timeout=10, trust_env=False).json()
        if body["flights"] or time.monotonic() > deadline:
            return list(body["flights"])
        time.sleep(0.2)


async def test_pages_and_commands_the_demo_prints_show_its_alerts(
    tmp_path: Path, wirewatch_home: Path, browser: Any
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    cwd = tmp_path / "clone"  # with its .venv, as `make demo` leaves it
    cwd.mkdir()
    (cwd / ".venv").symlink_to(Path(WIREWATCH).parents[1], target_is_directory=True)
    elsewhere = tmp_path / "second-terminal"
    elsewhere.mkdir()
    demo = subprocess.Popen(  # as `make demo` starts it: a path relative to the clone
        [".venv/bin/wirewatch", "demo", "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        out = Lines(demo)
        out.until("Wirewatch demo is up", timeout=90)
        out.until("Ctrl-C stops", timeout=5)
        printed = "\n".join(out.seen)
        assert f"{url}/stories" in printed and f"{url}/flights" in printed, printed
        commands = [
            line.strip() for line in out.seen if line.strip().startswith("WIREWATCH_DATA_DIR=")
        ]
        assert any(c.endswith("stories list") for c in commands), printed
        assert any(c.endswith("flights list") for c in commands), printed
        out.until("ALERT", timeout=60)
        records = _flight_records(url, timeout=60)
        assert records, "no flight record from the demo's flight reports"
        inbox = httpx.get(f"{url}/demo/inbox.json", timeout=10, trust_env=False).json()
        titles = [alert["title"] for alert in inbox]

        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        response = await page.goto(f"{url}/stories")
        assert response is not None and response.status == 200
        text = await page.inner_text("main")
        assert "No stories yet" not in text, text
        for title in titles:  # every alert so far is an item of a story on the page
            assert title in text, (title, text)
        # ... credited to the outlet that published it, as the alert is, not to the demo
        outlets = set(await page.locator("td.outlets").all_inner_texts())
        assert {alert["outlet"] for alert in inbox} <= outlets, outlets
        response = await page.goto(f"{url}/flights")
        assert response is not None and response.status == 200
        # Every record the API gave is on the page; the demo may add one in between, so the
        # page holds at most what the API gives after it.
        on_page = {
            await row.get_attribute("data-record")
            for row in await page.locator("#flights tr[data-record]").all()
        }
        assert {r["record_id"] for r in records} <= on_page, on_page
        assert len(on_page) <= len(_flight_records(url, timeout=10)), on_page
        assert await page.locator("svg.chart.flights rect.bar").count() >= 1
        assert await page.locator("svg.chart.people rect.bar").count() >= 1
        await page.screenshot(path=str(tmp_path / "flights.png"), full_page=True)
        await page.close()

        # The commands as printed, from a second terminal (another directory).
        wide = {**env, "COLUMNS": "400"}
        for command in commands:
            ran = subprocess.run(
                command, shell=True, cwd=elsewhere, env=wide,
                capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
            assert ran.returncode == 0, (command, ran.stderr)
            if command.endswith("stories list"):
                assert any(title in ran.stdout for title in titles), ran.stdout
            else:
                routes = {f"{r['origin']} → {r['destination']}" for r in records}
                assert any(route in ran.stdout for route in routes), ran.stdout
    finally:
        demo.send_signal(signal.SIGINT)
        _, err = demo.communicate(timeout=60)
    assert demo.returncode == 0, err[-2000:]
