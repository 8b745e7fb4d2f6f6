"""Long CLI work shows rich progress on a terminal and stays quiet when piped."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import threading
from pathlib import Path

import pytest
from rich.console import Console

from tests.support.env import WIREWATCH, is_setting
from wirewatch.cli.progress import Steps, counting

REPO = Path(__file__).resolve().parent.parent
DEV_SET = REPO / "tests" / "data" / "classify_dev.jsonl"
OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
{outlines}</body></opml>"""


def _opml(tmp_path: Path, count: int = 40) -> Path:
    outlines = "".join(
        f'<outline type="rss" text="f{n}" xmlUrl="https://feeds{n}.example.org/rss"/>'
        for n in range(count)
    )
    path = tmp_path / "feeds.opml"
    path.write_text(OPML.format(outlines=outlines))
    return path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    return {**env, "TERM": "xterm", "COLUMNS": "120"}


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, bytes]:
    """stderr on a pseudo-terminal (as in a shell), read while the command runs; stdout
    piped."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.run(
            [WIREWATCH, *args], stdout=subprocess.PIPE, stderr=slave, cwd=cwd, env=_env(),
            timeout=120, check=False, text=True,
        )  # fmt: skip
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return proc.returncode, proc.stdout, b"".join(chunks)


@pytest.mark.parametrize(
    ("command", "title"), [("eval", b"evaluating"), ("feeds import", b"importing feeds")]
)
def test_progress_on_a_terminal_and_quiet_when_piped(
    command: str, title: bytes, tmp_path: Path
) -> None:
    if not DEV_SET.exists():
        pytest.skip("tests/data/classify_dev.jsonl is missing")
    args = (
        ["eval", str(DEV_SET)] if command == "eval" else ["feeds", "import", str(_opml(tmp_path))]
    )
    code, out, terminal = _on_a_terminal(args, tmp_path)
    assert code == 0, terminal[-500:]
    assert title in terminal
    assert out  # the result itself goes to stdout, untouched
    if command == "feeds import":
        args = ["feeds", "import", str(_opml(tmp_path, 50))]  # 10 new ones
    piped = subprocess.run(
        [WIREWATCH, *args], capture_output=True, text=True, cwd=tmp_path, env=_env(),
        timeout=120, check=False,
    )  # fmt: skip
    assert piped.returncode == 0 and piped.stderr == "", piped.stderr
    assert "\x1b" not in piped.stdout


def test_steps_and_counting_render_on_a_terminal_only() -> None:
    shown = io.StringIO()
    terminal = Console(file=shown, force_terminal=True, width=100)
    with Steps("starting Wirewatch", terminal) as progress:
        progress.step("services joining their consumer groups")
        progress.done()
    with counting("replaying dead deliveries", total=3, console=terminal) as advance:
        advance(3)
    rendered = shown.getvalue()
    assert "starting Wirewatch" in rendered and "replaying dead deliveries" in rendered
    hidden = io.StringIO()
    piped = Console(file=hidden, force_terminal=False)
    with Steps("starting Wirewatch", piped) as progress:
        progress.step("anything")
    with counting("replaying", total=3, console=piped) as advance:
        advance(3)
    assert hidden.getvalue() == ""
