"""Settings that each pass on their own but cannot work together are refused at start,
in one line naming the variables.

A heartbeat interval at or over the session timeout lets every consumer's session expire
between two heartbeats (the group rebalances for ever); an ingest lease shorter than a
fetch plus its parse hands a feed still being polled to a second process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.settings import CommonSettings

WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in list(os.environ):
        if name.startswith("WIREWATCH_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env file
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    return monkeypatch


@pytest.mark.parametrize("heartbeat", ["6000", "9000"])
def test_a_heartbeat_not_under_the_session_timeout_is_refused(
    clean_env: pytest.MonkeyPatch, heartbeat: str
) -> None:
    clean_env.setenv("WIREWATCH_KAFKA_SESSION_TIMEOUT_MS", "6000")
    clean_env.setenv("WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", heartbeat)
    with pytest.raises(ValidationError, match="WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS"):
        CommonSettings()
    clean_env.setenv("WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "2000")
    assert CommonSettings().kafka_heartbeat_interval_ms == 2000


def test_a_lease_shorter_than_a_fetch_and_its_parse_is_refused(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("WIREWATCH_FETCH_TOTAL_TIMEOUT_S", "30")
    clean_env.setenv("WIREWATCH_PARSE_TIMEOUT_S", "30")
    clean_env.setenv("WIREWATCH_LEASE_S", "45")
    with pytest.raises(ValidationError, match="WIREWATCH_LEASE_S"):
        IngestSettings()
    clean_env.setenv("WIREWATCH_LEASE_S", "61")
    assert IngestSettings().lease_s == 61


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        (
            {"WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS": "7000"},
            "WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS",
        ),
        ({"WIREWATCH_LEASE_S": "20"}, "WIREWATCH_LEASE_S"),
    ],
)
def test_up_refuses_them_in_one_line(tmp_path: Path, variables: dict[str, str], named: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_HTTP_PORT="0", **variables)
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
    assert len(lines) == 1 and named in lines[0], done.stderr
