"""One markdown row per `wirewatch eval --json` file: F1 per topic (en / es), negatives
tagged, Brier. Usage: .venv/bin/python bench/classify_vocab33/table.py FILE.json..."""

import json
import sys
from pathlib import Path
from typing import Any


def _topic(r: dict[str, Any], t: str) -> str:
    lang, top = r["per_language"], r["per_topic"][t]
    en, es = lang[t + "/en"]["f1"], lang[t + "/es"]["f1"]
    return f"{top['f1']:.3f} ({en:.3f} / {es:.3f}) R {top['tp']}/{top['tp'] + top['fn']}"


def row(path: str) -> str:
    ((split, r),) = json.loads(Path(path).read_text(encoding="utf-8")).items()
    cells = [f"{path} ({split}, {r['items']})"]
    cells += [_topic(r, t) for t in ("repatriation-flights", "border-policy")]
    cells.append(f"{round(r['negative_tag_rate'] * r['negatives'])}/{r['negatives']}")
    b = r["brier"]
    cells.append(f"{b['repatriation-flights/all']:.4f} / {b['border-policy/all']:.4f}")
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(row(p))
