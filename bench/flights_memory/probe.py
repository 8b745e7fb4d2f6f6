"""Where the flights (or notify) service process's memory goes (study script, stop 34).

Builds the service as ``wirewatch service flights`` does (the CLI module imported, then
``build_service("flights")`` on a fresh SQLite database already upgraded, as the pipeline
benchmark's is; no broker connected), then runs the extractor over the dev items
``--rounds`` times. Prints VmRSS/VmHWM (anonymous and file-backed) after each phase and
the module count; ``--modules`` the modules by top-level package; ``--top N`` the N
packages holding most memory allocated by then (tracemalloc, by file: slow, and it adds
its own memory to the RSS).

    .venv/bin/python bench/flights_memory/probe.py [--service notify] [--rounds 2]
        [--top 20] [--modules]

Seconds, not the pipeline benchmark's minutes: for iterating. Confirm with
``bench/pipeline.py`` (its peak includes the running service's working set).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "flights_dev.jsonl"


def status() -> str:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            fields[key] = int(value.split()[0]) / 1024
    return (
        f"RSS {fields['VmRSS']:6.1f} MB  HWM {fields['VmHWM']:6.1f} MB  "
        f"(anon {fields['RssAnon']:5.1f} file {fields['RssFile']:5.1f})  "
        f"modules {len(sys.modules)}"
    )


def by_package(snapshot: tracemalloc.Snapshot, top: int) -> None:
    sizes: Counter[str] = Counter()
    for stat in snapshot.statistics("filename"):
        name = stat.traceback[0].filename
        if "site-packages/" in name:
            key = name.split("site-packages/")[1].split("/")[0]
        elif "/lib/python3" in name:
            key = "stdlib:" + name.split("/lib/python3")[1].split("/", 2)[-1].split("/")[0]
        else:
            key = name.replace(str(ROOT) + "/", "")
        sizes[key] += stat.size
    for key, size in sizes.most_common(top):
        print(f"  {size / 1e6:7.2f} MB  {key}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--modules", action="store_true")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--service", default="flights", choices=("flights", "notify"))
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="flights-memory-")
    os.environ.setdefault("WIREWATCH_DATABASE_URL", f"sqlite:///{tmp}/db.sqlite")
    os.environ.setdefault("WIREWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:1")
    # the pipeline benchmark upgrades the database before it starts the services
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from wirewatch.schema import upgrade; "
            "from wirewatch_shared.db import make_engine; "
            "from wirewatch_shared.settings import CommonSettings; "
            "upgrade(make_engine(CommonSettings().database_url))",
        ],
        check=True,
    )
    if args.trace or args.top:
        tracemalloc.start()
    print("start        ", status())
    import wirewatch.cli  # noqa: F401  (what the `wirewatch` entry point imports)

    print("cli imported ", status())
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.service_runner import build_service, prepare_database

    prepare_database(CommonSettings().database_url)
    print("db prepared  ", status())
    build_service(args.service)
    print("built        ", status())
    if args.top:
        by_package(tracemalloc.take_snapshot(), args.top)
    if args.modules:
        packages = Counter(name.split(".")[0] for name in sys.modules)
        for name, count in packages.most_common():
            print(f"   {count:4d} {name}")
    if args.service != "flights":
        return
    from wirewatch_flights.extract import extract

    items = [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]
    from datetime import datetime

    for _ in range(args.rounds):
        for item in items:
            published = item.get("published")
            when = datetime.fromisoformat(published).date() if published else None
            extract(item.get("title") or "", item.get("summary") or "", when)
    print(f"extracted x{args.rounds}", status())


if __name__ == "__main__":
    main()
