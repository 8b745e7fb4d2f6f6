"""Settings that each pass on their own but cannot work together are refused at start,
in one line naming the variables.

A heartbeat interval at or over the session timeout lets every consumer's session expire
between two heartbeats (the group rebalances for ever); an ingest lease shorter than a
fetch plus its parse hands a feed still being polled to a second process."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.settings import CommonSettings

from tests.shared.settings_cli import assert_refused_in_one_line, run_bare


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
    done = run_bare(tmp_path, ["up", "--in-memory"], WIREWATCH_HTTP_PORT="0", **variables)
    assert_refused_in_one_line(done, named)
