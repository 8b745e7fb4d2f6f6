"""bench/pipeline.py stays importable and documents its options (the run itself takes minutes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _ingest_bench() -> Any:
    sys.path.insert(0, str(BENCH.parent))
    try:
        import ingest_bench
    finally:
        sys.path.remove(str(BENCH.parent))
    return ingest_bench


def test_ingest_bench_names_the_code_it_measures_and_flags_counts_that_disagree() -> None:
    """A run with another checkout's venv published 6,706 items, read as a loss of three
    on this checkout's code (which publishes 6,709): the run names its tree and says so."""
    bench = _ingest_bench()
    code = bench.code_under_test()
    assert code["tree"] == code["bench_tree"] == str(BENCH.parents[1])
    assert len(code["commit"]) >= 7
    results = {
        "code": code,
        "parse": {"distinct": 6709},
        "wirewatch": {"published": 6709, "published_in_store": 6709, "cold_statuses": ["200"]},
    }
    assert bench.run_problems(results) == []
    results["wirewatch"] |= {"published": 6706, "published_in_store": 6705}
    results["code"] = {**code, "tree": "/elsewhere"}
    problems = bench.run_problems(results)
    assert len(problems) == 3
    assert "/elsewhere" in problems[0] and "6706 != 6709" in problems[1]
    assert "6705" in problems[2]
