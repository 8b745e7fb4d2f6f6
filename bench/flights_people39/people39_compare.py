"""Items whose `people`/`origin`/`destination` right-ness differs between two dumps of
people39_diff.py --json (stop 39 study). Usage: people39_compare.py BEFORE.json AFTER.json"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIELDS = ("people", "origin", "destination")


def main(before_path: str, after_path: str) -> int:
    before = {(r["file"], r["id"]): r for r in json.loads(Path(before_path).read_text())}
    after = {(r["file"], r["id"]): r for r in json.loads(Path(after_path).read_text())}
    for key, a in after.items():
        b = before[key]
        for name in FIELDS:
            was = b[f"gold_{name}"] == b[f"pred_{name}"]
            now = a[f"gold_{name}"] == a[f"pred_{name}"]
            if was != now:
                sign = "+" if now else "-"
                gold, was_v, now_v = a[f"gold_{name}"], b[f"pred_{name}"], a[f"pred_{name}"]
                print(sign, name, *key, "gold", gold, "was", was_v, "now", now_v)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
