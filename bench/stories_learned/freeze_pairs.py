"""Write the training pairs of the shipped pair table, as fitted, to a frozen file.

    # on the commit that fitted the table (stop 40: 730e68c), its tree clean
    cd bench/stories_learned && ../../.venv/bin/python freeze_pairs.py pairs_730e68c.jsonl.gz

(round 27's table was frozen the same way at stop 36, in a detached worktree of ``245f506``
with this script copied in.)

Run once, on the commit whose ``fit.py --table`` printed ``LEARNED_PAIRS`` (its cues, its files,
its judges): the pairs its hand-factor clusterer scored (``fit.pairs_of``) are written in the
order fitted, one JSON line each (``[file, same, *features]``, floats as Python writes them so
they read back bit for bit) after a header line naming the commit and the features. ``fit.py
--from-pairs`` refits from the file without today's cues. Refuses any of today's judges.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import labelled_files, load_items
from fit import pairs_of
from wirewatch_stories.pair_model import PAIR_FEATURES

# the judges on main at stop 54 (fresh52 and fresh52b released for study then): never opened,
# whatever the checked-out commit's JUDGES say
NEVER = {"stories_fresh53.jsonl", "stories_fresh54.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the .jsonl.gz to write")
    args = parser.parse_args()
    paths = labelled_files()
    if refused := sorted(NEVER & {p.name for p in paths}):
        raise SystemExit(f"refused: judges among the files: {', '.join(refused)}")
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    rows = [
        [p.stem.removeprefix("stories_"), same, *features]
        for p in paths
        for features, same in pairs_of(load_items(p))
    ]
    header = {
        "commit": commit,
        "features": list(PAIR_FEATURES),
        "files": [p.stem.removeprefix("stories_") for p in paths],
        "pairs": len(rows),
        "same": sum(bool(r[1]) for r in rows),
    }
    lines = [json.dumps(header), *(json.dumps(r) for r in rows)]
    with args.out.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(paths)} files, {len(rows)} pairs, {header['same']} of one story -> {args.out}")


if __name__ == "__main__":
    main()
