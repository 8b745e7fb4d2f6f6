"""The honest false records of the 27 released files (``bench/flights_honest``), by kind, and
what each stop-38 candidate does to them: R1 (``prec38_definition_veto``), the LOFO arbiters
(``prec38_arbiter_lofo_{cues,words}.json``, run first), and whether this checkout's extractor
(today's rules, fitted on these files: in sample) still makes a record. The kind is read from
the labelling note as in ``bench/flights_prec33`` (its ``_cause``). Never a judge.

    .venv/bin/python -W ignore bench/flights_prec38/prec38_study.py \
        > bench/flights_prec38/prec38_study.txt
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "flights_prec33"))

from prec38_definition_veto import veto  # noqa: E402
from prec38_honest import items  # noqa: E402
from wirewatch_flights.evaluation import predict  # noqa: E402

# stop 33's sort by the labelling note, reused so both rounds count kinds alike
_cause = importlib.import_module("flights_prec33_study")._cause


def main() -> None:
    arb = {
        k: set(
            json.loads((HERE / f"prec38_arbiter_lofo_{k}.json").read_text())[
                "false_records_removed"
            ]
        )
        for k in ("cues", "words")
    }
    rows = []
    for it in items():
        if not it.record or it.report:
            continue
        title, summary = str(it.obj.get("title") or ""), str(it.obj.get("summary") or "")
        i = it.obj["id"]
        rows.append(
            (
                _cause(it.obj),
                it.obj.get("lang"),
                int(veto(title, summary, it.row) is not None),
                int(i in arb["cues"]),
                int(i in arb["words"]),
                int(predict(it.obj) is not None),
                it.file.removeprefix("flights_").removesuffix(".jsonl"),
                i,
                title[:70],
            )
        )
    by: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for r in rows:
        by[str(r[0])].append(r)
    print(f"honest false records on the 27 released files: {len(rows)}\n")
    head = "R1 veto  arbiter(cues)  arbiter(words)  today's rules still fire"
    print(f"{'kind':34s} {'all':>4s} {'en':>4s} {'es':>4s}  {head}")
    for kind, sub in sorted(by.items(), key=lambda kv: -len(kv[1])):
        en = sum(r[1] == "en" for r in sub)
        cols = [sum(int(str(r[k])) for r in sub) for k in (2, 3, 4, 5)]
        print(
            f"{kind:34s} {len(sub):4d} {en:4d} {len(sub) - en:4d}  "
            + "".join(f"{c:>{w}d}" for c, w in zip(cols, (7, 15, 16, 26), strict=True))
        )
    tot = [sum(int(str(r[k])) for r in rows) for k in (2, 3, 4, 5)]
    print(
        f"{'all':34s} {len(rows):4d} {'':>4s} {'':>4s}  "
        + "".join(f"{c:>{w}d}" for c, w in zip(tot, (7, 15, 16, 26), strict=True))
    )
    print("\nkind | lang | R1 | arb cues | arb words | fires today | file | id | title")
    for r in sorted(rows, key=lambda r: (str(r[0]), str(r[6]), str(r[7]))):
        print(" | ".join(str(x) for x in r))


if __name__ == "__main__":
    main()
