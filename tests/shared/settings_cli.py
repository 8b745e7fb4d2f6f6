"""The CLI run as a user runs it, with none of the suite's settings: for the tests of
what a bad setting does on start."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support.env import WIREWATCH


def run_bare(tmp_path: Path, args: list[str], **settings: str) -> subprocess.CompletedProcess[str]:
    """``wirewatch ARGS`` in ``tmp_path`` (its data dir too) with no ``WIREWATCH_`` variable
    but ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), **settings)
    return subprocess.run(
        [WIREWATCH, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )


def assert_refused_in_one_line(done: subprocess.CompletedProcess[str], named: str) -> None:
    """The command exited 2 with one line of error that names the variable."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], done.stderr
