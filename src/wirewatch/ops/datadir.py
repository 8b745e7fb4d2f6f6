"""One `wirewatch up` per data directory, and nothing left behind by a crashed one.

``<data_dir>/wirewatch.lock`` is held (``flock``) while a run uses the directory; the
kernel releases it when the process dies, however it dies. ``<data_dir>/children.json``
records the processes the run started (pid and start time, so a reused pid is never
mistaken for one). A start that gets the lock first stops those of a crashed run that
are still alive, and any process whose command line names an owned path (e.g. a
SeaweedFS serving ``<data_dir>/s3``); a start that cannot get the lock refuses with one
line naming the running owner.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirewatch_shared import lifeline
from wirewatch_shared.logging import get_logger

log = get_logger(__name__)

LOCK_FILE = "wirewatch.lock"
CHILDREN_FILE = "children.json"
STALE_STOP_TIMEOUT_S = 10.0
PROC = Path("/proc")


class DataDirInUse(RuntimeError):
    """Another running Wirewatch holds the data directory."""


def process_start_time(pid: int) -> int | None:
    """The kernel's start time of ``pid`` (clock ticks since boot), None if it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may contain spaces; fields after ")" are fixed.
    fields = stat.rsplit(")", 1)[-1].split()
    return int(fields[19]) if len(fields) > 19 else None


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    if not lifeline.pid_exists(pid):
        return False
    state = PROC / str(pid) / "stat"
    try:
        return state.read_text().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


def processes_naming(paths: Iterable[Path]) -> Iterator[int]:
    """Pids (not this process) whose command line contains one of ``paths``."""
    needles = [str(path).encode() + b"\0" for path in paths]
    if not needles or not PROC.is_dir():
        return
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if any(needle in cmdline for needle in needles):
            yield int(entry.name)


class DataDirLock:
    """``acquire()`` before starting children in ``data_dir``; ``release()`` after stopping."""

    def __init__(self, data_dir: Path, owned_paths: Iterable[Path] = ()) -> None:
        self.data_dir = data_dir
        self.owned_paths = tuple(owned_paths)
        self._fd: int | None = None
        self._children: list[dict[str, object]] = []

    @property
    def lock_path(self) -> Path:
        return self.data_dir / LOCK_FILE

    @property
    def children_path(self) -> Path:
        return self.data_dir / CHILDREN_FILE

    def acquire(self) -> None:
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.read(fd, 32).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise DataDirInUse(
                f"data directory {self.data_dir} is in use by a running Wirewatch "
                f"(pid {owner}): stop it first, or use another --data-dir"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        self.stop_stale()

    def stop_stale(self) -> list[int]:
        """Kill what a crashed run left in the directory; the pids stopped."""
        stale = set(self._recorded_alive()) | set(processes_naming(self.owned_paths))
        for pid in sorted(stale):
            log.warning(
                "stopping a process left by a crashed run", pid=pid, data_dir=str(self.data_dir)
            )
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
        deadline = time.monotonic() + STALE_STOP_TIMEOUT_S
        while any(_alive(pid) for pid in stale):
            if time.monotonic() > deadline:
                raise DataDirInUse(
                    f"processes {sorted(stale)} left in {self.data_dir} by a crashed run "
                    "would not stop: kill them, then start again"
                )
            time.sleep(0.05)
        self.children_path.unlink(missing_ok=True)
        return sorted(stale)

    def _recorded_alive(self) -> Iterator[int]:
        try:
            recorded = json.loads(self.children_path.read_text())
        except (OSError, ValueError):
            return
        for child in recorded if isinstance(recorded, list) else []:
            pid, started = child.get("pid"), child.get("start")
            if isinstance(pid, int) and started is not None and process_start_time(pid) == started:
                yield pid

    def record(self, name: str, pid: int | None) -> None:
        """Note a started child, so a run after a crash can find it."""
        if pid is None:
            return
        self._children.append({"name": name, "pid": pid, "start": process_start_time(pid)})
        temporary = self.children_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._children))
        temporary.replace(self.children_path)

    def release(self) -> None:
        if self._fd is None:
            return
        self.children_path.unlink(missing_ok=True)
        self._children = []
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
