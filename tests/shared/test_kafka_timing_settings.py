"""Kafka timing settings refuse values no Kafka client can use, on start, in one line.

A negative session timeout used to pass the settings and make `wirewatch up` retry its
consumer-group joins for ever (aiokafka logs `RequestTimedOutError` every 40 s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from wirewatch_shared.settings import CommonSettings

from tests.shared.settings_cli import assert_refused_in_one_line, run_bare


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
    done = run_bare(tmp_path, ["up", "--in-memory"], WIREWATCH_KAFKA_SESSION_TIMEOUT_MS="-5")
    assert_refused_in_one_line(done, "WIREWATCH_KAFKA_SESSION_TIMEOUT_MS")


def test_any_command_names_the_bad_variable_alone(tmp_path: Path) -> None:
    """Every command, not only `feeds`, reports an invalid variable by its name; the
    data-dir-derived defaults that could not be made are not listed beside it."""
    done = run_bare(tmp_path, ["db", "upgrade"], WIREWATCH_HTTP_PORT="x")
    assert done.returncode == 2
    assert done.stderr == (
        "error: invalid setting WIREWATCH_HTTP_PORT: Input should be a valid integer, "
        "unable to parse string as an integer\n"
    )
