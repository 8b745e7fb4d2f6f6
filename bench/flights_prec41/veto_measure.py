"""Candidate precision vetoes of the stop-41 round, measured before any is wired in.

    .venv/bin/python bench/flights_prec41/veto_measure.py

Each candidate is a predicate over an item's parts (``extract._parts``) that, when true,
takes a record away. Two readings, both over the released files only (never a judge of
``training.JUDGES``, never ``flights_quarry.jsonl``):

- today: the records of today's extractor; false records removed and true records lost
  (in sample: the 35 false records were read to write the candidates);
- honest: the records the extractor made of each file before it was tuned on it
  (``bench/flights_honest/flights_honest_cues.json`` plus ridgeline's
  ``bench/flights_prec40/prec40_ridgeline_cues.json``): false records removed and true
  records lost, split into items read for this round (today's false records) and items
  never read for it (out of sample).

A candidate is kept only if it loses no true record in either reading."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.parts import Part, item_parts
from wirewatch_flights.training import JUDGES

DATA = Path("tests/data")
HONEST = [
    Path("bench/flights_honest/flights_honest_cues.json"),
    Path("bench/flights_prec40/prec40_ridgeline_cues.json"),
]
SKIP = JUDGES | {"flights_quarry.jsonl"}

Veto = Callable[[list[Part]], bool]


def candidates() -> dict[str, Veto]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import candidates as c  # type: ignore[import-not-found]

    return c.CANDIDATES


def items() -> dict[str, list[dict[str, object]]]:
    out = {}
    for path in sorted(DATA.glob("flights_*.jsonl")):
        if path.name in SKIP:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.name] = [json.loads(x) for x in lines if x.strip()]
    return out


def honest_records() -> dict[tuple[str, str], bool]:
    rec: dict[tuple[str, str], bool] = {}
    for path in HONEST:
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, entry in data.items():
            if name in SKIP:
                continue
            for row in entry["items"]:
                rec[(name, row["id"])] = bool(row["record"])
    return rec


def main() -> None:
    files = items()
    honest = honest_records()
    today: dict[tuple[str, str], bool] = {}
    gold: dict[tuple[str, str], bool] = {}
    parts: dict[tuple[str, str], list[Part]] = {}
    for name, rows in files.items():
        for obj in rows:
            key = (name, str(obj["id"]))
            today[key] = predict(obj) is not None
            gold[key] = gold_record(obj) is not None
            parts[key] = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
    read = {k for k in today if today[k] and not gold[k]}
    print(f"today: {sum(today[k] and gold[k] for k in today)} true, {len(read)} false records")
    hk = [k for k in honest if k in gold]
    print(
        f"honest: {sum(honest[k] and gold[k] for k in hk)} true, "
        f"{sum(honest[k] and not gold[k] for k in hk)} false records over "
        f"{len({k[0] for k in hk})} files"
    )
    for label, veto in candidates().items():
        fired = {k for k in parts if veto(parts[k])}
        t_false = sorted(k for k in fired if today[k] and not gold[k])
        t_true = sorted(k for k in fired if today[k] and gold[k])
        h_false = [k for k in fired if honest.get(k) and not gold[k]]
        h_true = sorted(k for k in fired if honest.get(k) and gold[k])
        h_false_unread = [k for k in h_false if k not in read]
        h_tp = sum(1 for k in honest if k in gold and honest[k] and gold[k])
        h_fp = sum(1 for k in honest if k in gold and honest[k] and not gold[k])
        after = (h_tp - len(h_true)) / max(1, h_tp - len(h_true) + h_fp - len(h_false))
        print(
            f"\n{label}: today false -{len(t_false)} true -{len(t_true)} | honest false "
            f"-{len(h_false)} (unread {len(h_false_unread)}) true -{len(h_true)}, honest P "
            f"{h_tp / (h_tp + h_fp):.4f} -> {after:.4f}"
        )
        for k in t_false:
            print("   today false removed", k)
        for k in t_true:
            print("   TODAY TRUE LOST", k)
        for k in h_true:
            print("   HONEST TRUE LOST", k)
        for k in sorted(h_false_unread):
            print("   honest false removed (unread)", k)


if __name__ == "__main__":
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main()
    (Path(__file__).resolve().parent / "veto_measure.txt").write_text(
        buf.getvalue(), encoding="utf-8"
    )
    print(buf.getvalue(), end="")
