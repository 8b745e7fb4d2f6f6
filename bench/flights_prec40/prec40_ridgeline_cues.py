"""Honest rules output on ``tests/data/flights_ridgeline.jsonl`` (issue 15, stop 40), in the
format of ``bench/flights_honest/flights_honest_cues.json``: the extractor at the parent of
the commit that added the file (main ``ffecbbb``, which never saw it) reads every item; per
item: record or not, every field, the rules' status cue. It reuses that script's worker in
an exported copy of the parent tree, so the reading is the same as for the 27 studied files.
Ridgeline is released from stop 40 on (measured once as never-seen first); no judge is read.

    .venv/bin/python bench/flights_prec40/prec40_ridgeline_cues.py   # writes its .json beside it
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "flights_honest"))

from flights_honest_cues import _git, adding_commit, scores  # noqa: E402

FILE = ROOT / "tests" / "data" / "flights_ridgeline.jsonl"
WORKER = ROOT / "bench" / "flights_honest" / "flights_honest_cues.py"
OUT = Path(__file__).resolve().parent / "prec40_ridgeline_cues.json"


def main() -> None:
    added = adding_commit(FILE)
    parent = _git("rev-parse", f"{added}^")
    day = _git("show", "-s", "--format=%cs", parent)
    with tempfile.TemporaryDirectory(prefix="flhist40") as tmp:
        tree = Path(tmp)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", parent, "services/flights", "shared"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = f"{tree / 'services' / 'flights'}{os.pathsep}{tree / 'shared'}"
        done = subprocess.run(
            [sys.executable, "-W", "ignore", str(WORKER), "--worker", str(FILE), day],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=tree,
        )
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    result = {
        FILE.name: {
            "added_by": added[:10],
            "rules_of": parent[:10],
            "day": day,
            "first_read": scores(FILE, rows),
            "items": rows,
        }
    }
    print(FILE.name, parent[:10], result[FILE.name]["first_read"], file=sys.stderr)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
