"""The CLI reports bad input as one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.env import run_wirewatch


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    own = {
        "WIREWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "WIREWATCH_SECRET_KEY_FILE": str(tmp_path / "secret.key"),
    }
    return run_wirewatch(args, cwd=tmp_path, env=own | env)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["subscribe", "--topic", "border-policy", "--email", "nobody"], "not a valid email"),
        (["subscribe", "--topic", "border-policy"], "exactly one of"),
        (["subscribe", "--topic", "x", "--webhook", "ftp://example.org/"], "http(s)"),
        (["subscriptions", "remove", "42"], "no subscription with id 42"),
        (["deliveries", "replay"], "--all-dead"),
        (["service", "ingest"], "WIREWATCH_KAFKA_BOOTSTRAP is not set"),
    ],
)
def test_bad_input_is_one_line_without_traceback(
    args: list[str], message: str, tmp_path: Path
) -> None:
    result = run(args, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_subscribe_list_remove_round_trip(tmp_path: Path) -> None:
    created = run(
        ["subscribe", "--topic", "border-policy", "--webhook", "https://hooks.example.org/in"],
        tmp_path,
    )
    assert created.returncode == 0, created.stderr
    assert "whsec_" in created.stdout
    listed = run(["subscriptions", "list"], tmp_path)
    assert "hooks.example.org" in listed.stdout
    removed = run(["subscriptions", "remove", "1"], tmp_path)
    assert removed.returncode == 0
    assert "hooks.example.org" not in run(["subscriptions", "list"], tmp_path).stdout


def test_readme_configuration_table_is_current() -> None:
    from wirewatch.config_table import render

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert render() in readme, "README config table is stale: python -m wirewatch.config_table"
