"""The corrected headline name rule (stop 41), measured by the round's rule.

    .venv/bin/python bench/stories_round41/lofo41.py > bench/stories_round41/lofo41.txt

The rule is ``RULE.md`` here, committed before this ran. Every studied file (every
``stories_*.jsonl`` but ``common.JUDGES``, never opened) is loaded twice in this one run: with
main's headline name table (*before*: stop 39's rule) and with the product's (*after*: stop 41's),
the name table being the only difference. For each version: the pairs the hand factors score
(``fit.pairs_of``, 21 features); for each file a logistic regression (``fit.fit``, C=10) on the
other files' pairs of the same version, the file clustered in publication order. Then dev with
main's shipped table on main's cues against the table fitted on every file's new pairs.

Ran on ``ca704fa`` (the candidate in product code); the candidate was reverted after, so on a
later commit *after* is main's table again: ``parts41.py`` (self-contained tables) reproduces
both rows.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, cluster, labelled_files, load_items
from fit import fit, pairs_of, table
from wirewatch_stories import places
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.pair_model import LEARNED_PAIRS

# main's entries (stop 39's rule) where stop 41's differ
MAIN_ENTRIES = {
    "CO": ("colombia", "fac"),
    "DO": ("republica dominicana",),
    "CL": ("chile", "fach"),
    "IN": (
        "india", "indian nationals", "indian migrants", "indian government", "indian deportees",
        "indian immigrants", "indian citizens", "indian workers", "indian students",
    ),
    "KR": ("south korea", "corea del sur", "korean workers", "korean air"),
}  # fmt: skip


@contextmanager
def names(entries: dict[str, tuple[str, ...]]) -> Iterator[None]:
    """``places.headline_cues`` reading the name table with ``entries`` for the duration
    (``parts41.py`` imports it)."""
    saved = places._HEADLINE_COUNTRY, places._HEADLINE_NAME
    table = {**places.HEADLINE_COUNTRIES, **entries}
    places._HEADLINE_COUNTRY = {n: code for code, ns in table.items() for n in ns}
    places._HEADLINE_NAME = places._names_pattern(places._HEADLINE_COUNTRY)
    try:
        yield
    finally:
        places._HEADLINE_COUNTRY, places._HEADLINE_NAME = saved


def g_cues(item: Item) -> set[str]:
    return {c for c in item.cues if c[:2] == "g:"}


def cells(r: ClusterReport) -> str:
    return f"{r.pairwise_f1:.3f} / {r.bcubed_f1:.3f} / {r.alerts_per_story:.3f}"


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    with names(MAIN_ENTRIES):
        before = {name: load_items(p) for name, p in paths.items()}
    after = {name: load_items(p) for name, p in paths.items()}
    print("items whose g: cues change (file, line, before -> after, title):")
    moved = 0
    for name, path in paths.items():
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        for old, new in zip(before[name], after[name], strict=True):
            assert old.cues - {c for c in old.cues if c[:2] == "g:"} == new.cues - g_cues(new)
            if g_cues(old) != g_cues(new):
                moved += 1
                print(
                    f"  {name} {old.index}: {sorted(g_cues(old))} -> {sorted(g_cues(new))} "
                    f"{rows[old.index]['title'][:90]!r}"
                )
    total = sum(map(len, after.values()))
    print(f"{moved} of {total} items\n")
    pairs_before = {name: pairs_of(its) for name, its in before.items()}
    pairs_after = {name: pairs_of(its) for name, its in after.items()}
    every_before = [p for ps in pairs_before.values() for p in ps]
    every_after = [p for ps in pairs_after.values() for p in ps]
    for label, every in (("before", every_before), ("after", every_after)):
        conflicts = sum(f[-1] for f, _ in every)
        print(
            f"{label}: {len(every)} pairs, {sum(s for _, s in every)} of one story, "
            f"{conflicts:.0f} with a headline conflict"
        )
    print("\n| file | before: F1 / B3 / alerts | after: F1 / B3 / alerts | F1 |")
    print("|---|---|---|---|")
    sums, falls = [0.0] * 6, []
    for name in paths:
        fold_before = fit([p for o, ps in pairs_before.items() if o != name for p in ps])
        fold_after = fit([p for o, ps in pairs_after.items() if o != name for p in ps])
        b = cluster(before[name], Clusterer(pair_model=fold_before))
        a = cluster(after[name], Clusterer(pair_model=fold_after))
        got = (
            b.pairwise_f1, b.bcubed_f1, b.alerts_per_story,
            a.pairwise_f1, a.bcubed_f1, a.alerts_per_story,
        )  # fmt: skip
        sums = [x + y for x, y in zip(sums, got, strict=True)]
        falls.append((a.pairwise_f1 - b.pairwise_f1, name))
        print(f"| {name} | {cells(b)} | {cells(a)} | {falls[-1][0]:+.3f} |", flush=True)
    n = len(paths)
    m = [s / n for s in sums]
    print(
        f"\nmean F1 {m[0]:.4f} -> {m[3]:.4f}; B-cubed {m[1]:.4f} -> {m[4]:.4f}; "
        f"alerts {m[2]:.4f} -> {m[5]:.4f}"
    )
    print(f"worst file {min(falls)[1]} {min(falls)[0]:+.3f}")
    full = fit(every_after, decimals=4)
    dev_main = cluster(before["dev"], Clusterer(pair_model=LEARNED_PAIRS))
    dev_shipped_new = cluster(after["dev"], Clusterer(pair_model=LEARNED_PAIRS))
    dev_full = cluster(after["dev"], Clusterer(pair_model=full))
    print(
        f"dev F1 / B3 / alerts: main (shipped table, main's cues) {cells(dev_main)}; "
        f"shipped table, new cues {cells(dev_shipped_new)}; full fit, new cues {cells(dev_full)}"
    )
    clauses = {
        "1. mean F1 not lower": m[3] >= m[0],
        "2. mean alerts not higher": m[5] <= m[2],
    }
    for clause, holds in clauses.items():
        print(f"{clause}: {'yes' if holds else 'NO'}")
    print("keep" if all(clauses.values()) else "revert")
    print("\nthe table fitted on every file's new pairs (fit.py --table):")
    print(table(full))


if __name__ == "__main__":
    main()
