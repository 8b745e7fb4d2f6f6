"""Kafka timing settings refuse values no Kafka client can use, on start, in one line.

A negative session timeout used to pass the settings and make `wirewatch up` retry its
consumer-group joins for ever (aiokafka logs `RequestTimedOutError` every 40 s)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError
from wirewatch_shared.settings import CommonSettings

WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))


@pytest.mark.parametrize(
    ("variable", "bad"),
    [
        ("WIREWATCH_KAFKA_SESSION_TIMEOUT_MS", "-5"),
        ("WIREWATCH_KAFKA_SESSION_TIMEOUT_MS", "0"),
        ("WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "0"),
        ("WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "-1000"),
        ("WIREWATCH_KAFKA_FETCH_MAX_WAIT_MS", "-1"),
    ],
)
def test_kafka_timings_must_be_usable(
    monkeypatch: pytest.MonkeyPatch, variable: str, bad: str
) -> None:
    monkeypatch.setenv(variable, bad)
    with pytest.raises(ValidationError, match=variable.removeprefix("WIREWATCH_").lower()):
        CommonSettings()


def test_a_fetch_may_wait_zero_ms(monkeypatch: pytest.MonkeyPatch) -> None:
    """0 is Kafka's "answer at once", not an error."""
    monkeypatch.setenv("WIREWATCH_KAFKA_FETCH_MAX_WAIT_MS", "0")
    assert CommonSettings().kafka_fetch_max_wait_ms == 0


def test_the_cli_refuses_a_negative_session_timeout_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_KAFKA_SESSION_TIMEOUT_MS="-5")
    done = subprocess.run(
        [WIREWATCH, "up", "--in-memory"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "WIREWATCH_KAFKA_SESSION_TIMEOUT_MS" in lines[0], done.stderr


def test_any_command_names_the_bad_variable_alone(tmp_path: Path) -> None:
    """Every command, not only `feeds`, reports an invalid variable by its name; the
    data-dir-derived defaults that could not be made are not listed beside it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_HTTP_PORT="x")
    done = subprocess.run(
        [WIREWATCH, "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: invalid setting WIREWATCH_HTTP_PORT: Input should be a valid integer, "
        "unable to parse string as an integer\n"
    )
