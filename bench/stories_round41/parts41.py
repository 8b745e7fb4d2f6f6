"""Which part of stop 41's name rule moves which file (information only, after the decision).

    .venv/bin/python bench/stories_round41/parts41.py > bench/stories_round41/parts41.txt

Run after ``lofo41.py`` decided (revert); nothing here is adopted. The same leave-one-file-out
measurement as ``lofo41.py`` for main's name table with each part of the rule alone: "Dominican
Republic" a name; a demonym + people noun not a name; a carrier or an air force not a name. Then,
for the files whose F1 moved with the whole rule, the items whose assigned story differs (main's
table against the rule's), by title. Main's entries and the table switch (``names``) are
``lofo41.py``'s, imported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, labelled_files, load_items, ordered
from fit import fit, pairs_of
from lofo41 import MAIN_ENTRIES, names
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.pair_model import PairModel

Entries = dict[str, tuple[str, ...]]
MAIN: Entries = MAIN_ENTRIES
RULE41: Entries = {
    "CO": ("colombia",),
    "DO": ("dominican republic", "republica dominicana"),
    "CL": ("chile",),
    "IN": ("india", "indian government"),
    "KR": ("south korea", "corea del sur"),
}
VARIANTS: dict[str, Entries] = {
    "main": MAIN,
    "rule 41": RULE41,
    "Dominican Republic only": {**MAIN, "DO": RULE41["DO"]},
    "people only": {
        **MAIN,
        "IN": RULE41["IN"],
        "KR": ("south korea", "corea del sur", "korean air"),
    },
    "carrier and air forces only": {
        **MAIN,
        "CO": RULE41["CO"],
        "CL": RULE41["CL"],
        "KR": ("south korea", "corea del sur", "korean workers"),
    },
}


def assigned(items: list[Item], model: PairModel) -> dict[int, str]:
    clusterer = Clusterer(pair_model=model)
    out: dict[int, str] = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        out[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    return out


def report(items: list[Item], got: dict[int, str]) -> ClusterReport:
    return evaluate([it.story for it in items], [got[it.index] for it in items])


def lofo(files: dict[str, list[Item]]) -> dict[str, dict[int, str]]:
    pairs = {name: pairs_of(its) for name, its in files.items()}
    return {
        name: assigned(its, fit([p for o, ps in pairs.items() if o != name for p in ps]))
        for name, its in files.items()
    }


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    files: dict[str, dict[str, list[Item]]] = {}
    runs: dict[str, dict[str, dict[int, str]]] = {}
    for variant, entries in VARIANTS.items():
        with names(entries):
            files[variant] = {name: load_items(p) for name, p in paths.items()}
        runs[variant] = lofo(files[variant])
    n = len(paths)
    base = {name: report(files["main"][name], runs["main"][name]) for name in paths}
    print("| variant | mean F1 | mean B3 | mean alerts | files moved (F1) |")
    print("|---|---|---|---|---|")
    for variant in VARIANTS:
        reps = {name: report(files[variant][name], runs[variant][name]) for name in paths}
        moved = ", ".join(
            f"{name} {reps[name].pairwise_f1 - base[name].pairwise_f1:+.3f}"
            for name in paths
            if abs(reps[name].pairwise_f1 - base[name].pairwise_f1) > 1e-9
            or abs(reps[name].alerts_per_story - base[name].alerts_per_story) > 1e-9
        )
        print(
            f"| {variant} | {sum(r.pairwise_f1 for r in reps.values()) / n:.4f} | "
            f"{sum(r.bcubed_f1 for r in reps.values()) / n:.4f} | "
            f"{sum(r.alerts_per_story for r in reps.values()) / n:.4f} | {moved} |",
            flush=True,
        )
    print("\nitems assigned otherwise, main -> rule 41 (file, line, true story, title):")
    for name, path in paths.items():
        before, after = runs["main"][name], runs["rule 41"][name]
        if before == after:
            continue
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]

        # an item moves when the set of items it shares a story with changes
        def mates(got: dict[int, str], i: int) -> frozenset[int]:
            return frozenset(j for j, s in got.items() if s == got[i])

        for i in sorted(before):
            if mates(before, i) != mates(after, i):
                gone = sorted(mates(before, i) - mates(after, i))
                new = sorted(mates(after, i) - mates(before, i))
                print(
                    f"  {name} {i} [{rows[i]['story'][:40]}] -{gone} +{new} "
                    f"{rows[i]['title'][:80]!r}"
                )


if __name__ == "__main__":
    main()
