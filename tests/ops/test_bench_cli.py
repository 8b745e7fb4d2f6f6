"""bench/pipeline.py stays importable and documents its options (the run itself takes minutes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pipeline.py"


def test_pipeline_bench_help() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for option in ("--hop-items", "--feeds", "--rate", "--steady-seconds", "--skip-scale"):
        assert option in result.stdout


def test_make_bench_runs_scripts_that_exist() -> None:
    """Every script `make bench` runs is in bench/ (it once named a missing run_all.py)."""
    makefile = (BENCH.parents[1] / "Makefile").read_text()
    start = makefile.index("BENCHES :=")
    listed = makefile[start : makefile.index("\n\n", start)].replace("\\\n", " ").split()[2:]
    assert listed, "no BENCHES in the Makefile"
    for script in listed:
        assert (BENCH.parents[1] / script).is_file(), script
