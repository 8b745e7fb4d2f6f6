"""Environment helpers: tests that clear the settings for a subprocess keep their data dir;
the real ``wirewatch`` entry point run in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))
"""The installed ``wirewatch`` command of this environment (the real entry point)."""

KEPT = frozenset(
    {
        "WIREWATCH_DATA_DIR",
        "WIREWATCH_KAFKA_SESSION_TIMEOUT_MS",
        "WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS",
    }
)


def is_setting(name: str) -> bool:
    """A ``WIREWATCH_`` setting a test may clear: every one but the test's own data dir
    (tests/conftest.py gives each test one, so nothing lands in the user's real one) and
    the suite's consumer-group timing (tests/conftest.py: short group joins on Tansu)."""
    return name.startswith("WIREWATCH_") and name not in KEPT


def clear_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clears every setting a test may clear, so only what the test sets counts."""
    for name in [k for k in os.environ if is_setting(k)]:
        monkeypatch.delenv(name)


def run_wirewatch(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``wirewatch ARGS`` in a process of its own, with none of the suite's settings but
    ``env`` (they win); its output captured as text, whatever its exit code."""
    environment = {k: v for k, v in os.environ.items() if not is_setting(k)} | dict(env or {})
    return subprocess.run(
        [WIREWATCH, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def cli_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The settings cleared and a SQLite database of the test's own for the CLI; its URL."""
    clear_settings(monkeypatch)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", url)
    return url


def spawn_service(
    name: str,
    bootstrap: str,
    database_url: str,
    cwd: Path,
    *,
    log: Path | None = None,
    **settings: str,
) -> subprocess.Popen[bytes]:
    """``wirewatch service NAME`` in a process of its own, as a deployment runs it: the
    suite's settings cleared, a short group session (a kill -9 test waits on rejoins),
    warnings only, HTTP on a port the system chooses (tests.support.listening.served_url
    reads it); ``settings`` are more ``WIREWATCH_*`` values (they
    win), ``log`` a file for its output (none kept by default)."""
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env.update(
        WIREWATCH_KAFKA_BOOTSTRAP=bootstrap,
        WIREWATCH_DATABASE_URL=database_url,
        WIREWATCH_KAFKA_SESSION_TIMEOUT_MS="2000",
        WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS="500",
        WIREWATCH_LOG_LEVEL="WARNING",
        WIREWATCH_HTTP_PORT="0",
    )
    env.update(settings)
    with log.open("wb") if log is not None else open(os.devnull, "wb") as out:
        return subprocess.Popen(
            [WIREWATCH, "service", name],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=out,
        )
