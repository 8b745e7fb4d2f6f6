"""The first `make run` / `make demo` says what it installs and shows pip's progress
(it was a silent minute and a half)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_install_announces_itself_and_shows_progress(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    # Run as a top-level make even under `make test`: a nested one prints directory lines.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKELEVEL", "MAKEFLAGS", "MFLAGS"}}
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", f"VENV={tmp_path / 'venv'}", "demo"],
        cwd=REPO, capture_output=True, text=True, timeout=30, check=True, env=env,
    )  # fmt: skip
    lines = dry.stdout.splitlines()
    project = next(line for line in lines if "pip install" in line and '-e ".[' in line)
    assert "--quiet" not in project and "-q " not in project
    announced = [line for line in lines if line.startswith('echo "==>')]
    assert any("installing Wirewatch" in line for line in announced)
    assert lines[-1].endswith("wirewatch demo")


def test_make_bench_runs_every_benchmark_that_exists() -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKELEVEL", "MAKEFLAGS", "MFLAGS"}}
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "-p", "bench"],
        cwd=REPO, capture_output=True, text=True, timeout=30, check=True, env=env,
    )  # fmt: skip
    line = next(x for x in dry.stdout.splitlines() if x.startswith("BENCHES :="))
    listed = set(line.split(":=", 1)[1].split())
    assert all((REPO / script).is_file() for script in listed), listed
    # Helpers of the benchmarks (servers, receivers), attacks and the classifier's output
    # identity check (a tool for speed changes, not a measure) are not benchmarks.
    helpers = {
        "bench/ingest_server.py",
        "bench/notify_receiver.py",
        "bench/kill9_each.py",
        "bench/classify_identity.py",
    }
    scripts = {f"bench/{p.name}" for p in (REPO / "bench").glob("*.py")} - helpers
    assert scripts == listed
