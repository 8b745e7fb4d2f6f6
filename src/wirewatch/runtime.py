"""The runtime file: how every command finds the running `wirewatch up`.

`wirewatch up` writes ``runtime.json`` into the data dir once it is ready: the Kafka
bootstrap it uses (the embedded broker listens on a random free port), the URL of its
HTTP server and its pid. Commands run from any directory read it, so `reclassify`,
`topics add` and `status` reach the running system without being told where it is.
A file whose process is gone is stale and ignored (a crashed `up` leaves one behind).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from wirewatch_shared import lifeline

RUNTIME_FILE = "runtime.json"


@dataclass(frozen=True, slots=True)
class Runtime:
    """What a running `wirewatch up` tells the other commands."""

    pid: int
    kafka_bootstrap: str
    http_url: str | None
    data_dir: str
    started_at: str


def runtime_path(data_dir: Path) -> Path:
    return Path(data_dir) / RUNTIME_FILE


def write_runtime(data_dir: Path, *, kafka_bootstrap: str, http_url: str | None) -> Runtime:
    """Write the runtime file atomically (a reader never sees half of it)."""
    runtime = Runtime(
        pid=os.getpid(),
        kafka_bootstrap=kafka_bootstrap,
        http_url=http_url,
        data_dir=str(Path(data_dir).resolve()),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    path = runtime_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{RUNTIME_FILE}.{os.getpid()}")
    tmp.write_text(json.dumps(asdict(runtime), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return runtime


def read_runtime(data_dir: Path) -> Runtime | None:
    """The running system of this data dir, or None (no file, unreadable, or stale)."""
    try:
        raw = json.loads(runtime_path(data_dir).read_text(encoding="utf-8"))
        runtime = Runtime(
            pid=int(raw["pid"]),
            kafka_bootstrap=str(raw["kafka_bootstrap"]),
            http_url=str(raw["http_url"]) if raw.get("http_url") else None,
            data_dir=str(raw["data_dir"]),
            started_at=str(raw["started_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return runtime if lifeline.pid_exists(runtime.pid) else None


def remove_runtime(data_dir: Path) -> None:
    """Remove the runtime file if this process wrote it (never another `up`'s)."""
    path = runtime_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(raw, dict) and raw.get("pid") == os.getpid():
        path.unlink(missing_ok=True)
