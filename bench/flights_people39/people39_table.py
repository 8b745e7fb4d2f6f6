"""Before/after table of people39_eval.py dumps: pooled per language, and every file whose
figures move (stop 39 study). Usage: people39_table.py BEFORE.json AFTER.json"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

COLUMNS = ("people", "origin", "destination", "status", "flight_date", "operator")


def pooled(data: dict[str, Any], lang: str) -> dict[str, int]:
    keys = next(iter(data.values()))[lang].keys()
    return {k: sum(f[lang][k] for f in data.values()) for k in keys}


def line(name: str, b: dict[str, int], a: dict[str, int]) -> str:
    def ratio(d: dict[str, int], k: str) -> str:
        reports = d["tp"] + d["fn"]
        return f"{d[k] / reports:.3f}" if reports else "-"

    def prec(d: dict[str, int]) -> str:
        return f"{d['tp'] / (d['tp'] + d['fp']):.3f}" if d["tp"] + d["fp"] else "-"

    cells = [f"P {prec(b)}→{prec(a)}", f"R {ratio(b, 'tp')}→{ratio(a, 'tp')}"]
    cells += [f"{k} {b[k]}→{a[k]}" if b[k] != a[k] else f"{k} {a[k]}" for k in COLUMNS]
    return f"| {name} ({b['tp'] + b['fn']}) | " + " | ".join(cells) + " |"


def main(before_path: str, after_path: str) -> int:
    before = json.loads(Path(before_path).read_text())
    after = json.loads(Path(after_path).read_text())
    for lang in ("all", "en", "es"):
        print(line(f"pooled {lang}", pooled(before, lang), pooled(after, lang)))
    for name in after:
        if before[name]["all"] != after[name]["all"]:
            print(line(name, before[name]["all"], after[name]["all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
