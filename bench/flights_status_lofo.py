"""Leave-one-file-out measure of the learned status arbiter (issue 15, stop 31).

For each studied flights set (never a judge: ``training.JUDGES``), the status model is
fitted on the other studied sets (C and thresholds chosen inside the fold, by grouped
out-of-fold figures on its training files), and on the held-out file the status accuracy
of the rules alone is compared with rules + model, over the file's true flight reports (a
report the rules miss counts wrong in both). The product change was not adopted: apply
``bench/flights_status_model.diff`` first (``git apply``), then run
``.venv/bin/python -W ignore bench/flights_status_lofo.py [--text-only]`` (~4 min); its
figures of stop 31 are ``bench/flights_status_lofo*.json``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from wirewatch_flights.status_model import cue_kind, decide
from wirewatch_flights.training import fit, load_examples, predict_probs, studied_files, vectors

NEWEST = (
    "flights_aurora.jsonl",
    "flights_sundown.jsonl",
    "flights_daybreak.jsonl",
    "flights_ashfall.jsonl",
)


def main() -> None:
    started = time.perf_counter()
    files = studied_files(Path("tests/data"))
    examples = load_examples(files)
    rows = vectors(examples)
    if "--text-only" in sys.argv:  # variant: the rules' cue only through the thresholds
        rows = [{k: v for k, v in r.items() if not k.startswith("r:")} for r in rows]
    out: dict[str, dict[str, object]] = {}
    changed: list[dict[str, object]] = []
    for path in files:
        test = [i for i, e in enumerate(examples) if e.file == path.name]
        train = [i for i, e in enumerate(examples) if e.file != path.name]
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
                        "file": path.name,
                        "kind": cue_kind(e.clue),
                        "rules": e.clue.value,
                        "model": got,
                        "gold": e.label,
                        "p": [round(v, 2) for v in p],
                    }
                )
        out[path.name] = {
            "reports": len(test),
            "rules": rules,
            "model": model,
            "c": fitted.c,
            "thresholds": fitted.thresholds,
        }
        print(path.name, out[path.name], file=sys.stderr, flush=True)
    total = {k: sum(int(v[k]) for v in out.values()) for k in ("reports", "rules", "model")}
    newest = {k: sum(int(out[n][k]) for n in NEWEST) for k in ("reports", "rules", "model")}
    means = [(int(v["model"]) - int(v["rules"])) / int(v["reports"]) for v in out.values()]
    print(
        json.dumps(
            {
                "per_file": out,
                "pooled": total,
                "newest_four": newest,
                "mean_gain_per_file": round(sum(means) / len(means), 4),
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
