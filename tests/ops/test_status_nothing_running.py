"""`wirewatch status` before anything was started (a newcomer's first try, or after
Ctrl-C): the figures come from the database alone, and one plain line says that no
`wirewatch up` runs on this data dir and how to start one, instead of leaving the reader
with "unreachable: ConnectError; Kafka: WIREWATCH_KAFKA_BOOTSTRAP is not set"."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from wirewatch_shared.embedded import free_port

from tests.support.env import run_wirewatch
from tests.support.http import HttpReceiver, Reply
from wirewatch.runtime import write_runtime


def run_status(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Nothing listens on the port the command would ask: no runtime file, no `up`.
    env = {"WIREWATCH_DATA_DIR": str(home), "WIREWATCH_HTTP_PORT": str(free_port())}
    return run_wirewatch(["status", *args], env=env)


def test_status_says_that_nothing_runs_and_how_to_start_it(wirewatch_home: Path) -> None:
    done = run_status(wirewatch_home)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    note = [line for line in done.stderr.splitlines() if line.startswith("note:")]
    assert note == [
        f"note: no `wirewatch up` is running on {wirewatch_home}: start one with "
        "`wirewatch up` (`make run` in the clone), or ask another Wirewatch with --url URL "
        "or --probe NAME=URL; the figures above come from its database alone"
    ], done.stderr
    assert "UNHEALTHY" in done.stdout  # the tables are still printed


def test_json_stays_parseable_with_the_note_on_stderr(wirewatch_home: Path) -> None:
    done = run_status(wirewatch_home, "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["healthy"] is False
    assert f"no `wirewatch up` is running on {wirewatch_home}" in done.stderr


def test_probes_beside_a_running_up_use_its_broker(
    wirewatch_home: Path, kafka_bootstrap: str, http_receiver: HttpReceiver
) -> None:
    """`wirewatch status --probe NAME=URL` on a machine where `wirewatch up` runs: the
    figures are gathered here, from Kafka too, and the running `up`'s runtime file says
    where its broker listens (as every other command reads it). It reported "Kafka:
    WIREWATCH_KAFKA_BOOTSTRAP is not set" and exit 1 though the broker was up."""
    write_runtime(wirewatch_home, kafka_bootstrap=kafka_bootstrap, http_url=None)
    http_receiver.routes["/readyz"] = Reply(200, b'{"ready": true}')
    done = run_status(wirewatch_home, "--probe", f"ingest={http_receiver.url('/readyz')}", "--json")
    assert "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert not [p for p in report["problems"] if "Kafka" in p], report["problems"]
    assert report["services"][0]["ready"] is True
    assert done.returncode == 0, (report["problems"], done.stderr)
