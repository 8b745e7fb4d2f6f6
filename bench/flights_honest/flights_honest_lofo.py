"""Leave-one-file-out measure of the status arbiter trained on HONEST rules cues (issue 15,
stop 32).

The cue of every studied report is the one the rules gave before they were tuned on its
file (``flights_honest_cues.json`` beside this script, from ``flights_honest_cues.py``), not
today's rules' (which were fitted on these files and are right 98% of the time in
sample). For each studied file, the status model is fitted on the other files (C and the
per-kind thresholds chosen inside the fold by grouped out-of-fold figures on its training
files, ``training.fit``); on the held-out file the status accuracy of the honest rules
alone is compared with honest rules + arbiter, over the file's true flight reports (a
report the honest rules missed counts wrong in both).

    .venv/bin/python -W ignore bench/flights_honest/flights_honest_lofo.py [--text-only] > out.json

The examples are ``training.load_examples`` (the shipped model's, on every file).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from wirewatch_flights.status_model import cue_kind, decide
from wirewatch_flights.training import (
    HONEST_CUES,
    fit,
    load_cues,
    load_examples,
    predict_probs,
    studied_files,
    vectors,
)


def main() -> None:
    started = time.perf_counter()
    cues = load_cues(HONEST_CUES)
    examples = load_examples(studied_files(Path("tests/data"), cues), cues)
    rows = vectors(examples)
    if "--text-only" in sys.argv:
        rows = [{k: v for k, v in r.items() if not k.startswith("r:")} for r in rows]
    files = sorted({e.file for e in examples})
    out: dict[str, dict[str, Any]] = {}
    changed: list[dict[str, object]] = []
    for name in files:
        test = [i for i, e in enumerate(examples) if e.file == name]
        train = [i for i, e in enumerate(examples) if e.file != name]
        fitted = fit([examples[i] for i in train], [rows[i] for i in train])
        probs = predict_probs(fitted, [rows[i] for i in test])
        rules = model = 0
        for i, p in zip(test, probs, strict=True):
            e = examples[i]
            if not e.found:
                continue
            got = decide(p, e.clue.value, cue_kind(e.clue), fitted.thresholds)  # type: ignore[arg-type]
            rules += e.clue.value == e.label
            model += got == e.label
            if got != e.clue.value:
                changed.append(
                    {
                        "file": name,
                        "kind": cue_kind(e.clue),
                        "rules": e.clue.value,
                        "model": got,
                        "gold": e.label,
                        "p": [round(v, 2) for v in p],
                    }
                )
        out[name] = {
            "reports": len(test),
            "rules": rules,
            "model": model,
            "c": fitted.c,
            "thresholds": fitted.thresholds,
        }
        print(name, out[name], file=sys.stderr, flush=True)
    total = {k: sum(int(v[k]) for v in out.values()) for k in ("reports", "rules", "model")}
    print(
        json.dumps(
            {
                "per_file": out,
                "pooled": total,
                "files_up": sum(1 for v in out.values() if v["model"] > v["rules"]),
                "files_down": sum(1 for v in out.values() if v["model"] < v["rules"]),
                "changed": changed,
                "seconds": round(time.perf_counter() - started),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
