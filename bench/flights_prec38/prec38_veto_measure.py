"""A rules veto (``prec38_definition_veto.veto``) over the honest records of the 27 released files:
the README's bar, and per rule the false records it removes and true records it loses.

    .venv/bin/python -W ignore bench/flights_prec38/prec38_veto_measure.py \
        > bench/flights_prec38/prec38_veto_measure.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prec38_definition_veto import veto
from prec38_honest import bar, counts, items


def main() -> None:
    every = [it for it in items()]
    why = {
        it.obj["id"]: veto(str(it.obj.get("title") or ""), str(it.obj.get("summary") or ""), it.row)
        for it in every
        if it.record
    }
    files = sorted({it.file for it in every})
    before = {f: counts([i for i in every if i.file == f], lambda i: True) for f in files}
    after = {
        f: counts([i for i in every if i.file == f], lambda i: why.get(i.obj["id"]) is None)
        for f in files
    }
    for name, d in (("before", before), ("after", after)):
        pooled = {g: sum(r[g] for r in d.values()) for g in next(iter(d.values()))}
        p = pooled["tp"] / (pooled["tp"] + pooled["fp"])
        print(f"{name:7s} {pooled}  P {p:.4f}  R {pooled['tp'] / pooled['reports']:.4f}")
    print("bar failures:", *(bar(before, after) or ["none"]), sep="\n  ")
    fp = Counter(why[i.obj["id"]] for i in every if i.record and not i.report and why[i.obj["id"]])
    tp = Counter(why[i.obj["id"]] for i in every if i.record and i.report and why[i.obj["id"]])
    print("\nrule                                      false removed  true lost")
    for rule in sorted(str(r) for r in set(fp) | set(tp)):
        print(f"{rule:42s} {fp[rule]:13d} {tp[rule]:10d}")
    print("\ntrue records lost (rule | file | id | title):")
    for i in every:
        if i.record and i.report and why[i.obj["id"]]:
            print(f"  {why[i.obj['id']]} | {i.file} | {i.obj['id']} | {i.obj['title'][:80]}")


if __name__ == "__main__":
    main()
