"""Leave one file out over the studied files, the stories rounds' measure since stop 40: each file
clustered in publication order with a model fitted (``fit.fit``, C=10) on the other files' pairs,
as the running interpreter's product code scores them (``fit.pairs_of``), or, for a candidate behind
a switch, as main's code scores them (``main_fit``: the switch off while the pairs are collected,
on while the held-out file is clustered; the stories rounds since stop 49)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from common import JUDGES, SWITCH, cluster, labelled_files, load_items
from fit import fit, pairs_of
from judges import true_pairs
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_model import PAIR_FEATURES

Pair = tuple[tuple[float, ...], bool]


def per_file(
    label: str, paths: dict[str, Path], main_fit: tuple[ModuleType, str] | None = None
) -> tuple[dict[str, dict[str, float]], list[Pair]]:
    """Prints the header and one table row per file; returns each file's pairwise F1, P, R and
    alerts per story, and every file's pairs (for the full-fit table). ``main_fit``: the module
    and name of a candidate's switch, set to "" while the folds' pairs are collected."""
    items = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: _pairs(its, main_fit) for name, its in items.items()}
    every = [p for ps in pairs.values() for p in ps]
    print(
        f"{label}: {len(PAIR_FEATURES)} features; {len(items)} files, {len(every)} pairs, "
        f"{sum(s for _, s in every)} of one story\n"
    )
    print("| file | F1 | P | R | alerts |")
    print("|---|---|---|---|---|")
    figures: dict[str, dict[str, float]] = {}
    for name, its in items.items():
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        r = cluster(its, Clusterer(pair_model=model))
        figures[name] = {
            "f1": r.pairwise_f1,
            "precision": r.pairwise_precision,
            "recall": r.pairwise_recall,
            "alerts": r.alerts_per_story,
        }
        print(
            f"| {name} | {r.pairwise_f1:.3f} | {r.pairwise_precision:.3f} | "
            f"{r.pairwise_recall:.3f} | {r.alerts_per_story:.3f} |",
            flush=True,
        )
    return figures, every


def run_round(
    label: str,
    switch: tuple[ModuleType, str],
    out: Path,
    main_json: Path,
    *,
    studied: int,
    present: tuple[str, ...],
    absent: tuple[str, ...] = (),
) -> None:
    """A stories round's clause 1 (stops 51-52): ``per_file`` over the ``studied`` files (names
    in ``present`` among them, none containing ``absent`` or a judge) with main-fit folds, the
    ``switch`` set to the label ("" for main); writes ``out`` and, for a candidate, compares it
    with ``main_json``."""
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == studied and set(present) <= set(paths), sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    assert not any(a in p.name for a in absent for p in paths.values())
    module, name = switch
    vars(module)[name] = SWITCH[label]
    figures, _ = per_file(label, paths, main_fit=switch)
    for stem, p in paths.items():
        figures[stem]["pairs"] = float(true_pairs([p.name]))
    write_means(label, figures, out)
    if label != "main":
        compare_with_main(label, out, main_json)


def _pairs(items: Any, main_fit: tuple[ModuleType, str] | None) -> list[Pair]:
    if main_fit is None:
        return pairs_of(items)
    switch, name = main_fit
    kept = getattr(switch, name)
    setattr(switch, name, "")
    try:
        return pairs_of(items)
    finally:
        setattr(switch, name, kept)


def compare_with_main(label: str, mine: Path, main: Path) -> bool:
    """A candidate's leave-one-file-out figures against main's (two ``write_means`` files): the
    mean F1, and each file that moved against one same-story pair's worth of it. Returns whether
    the mean is not lower and no file fell by more than one pair (the rounds' clause 1)."""
    theirs = json.loads(mine.read_text(encoding="utf-8"))
    base = json.loads(main.read_text(encoding="utf-8"))
    means = [sum(f[k]["f1"] for k in f) / len(base) for f in (base, theirs)]
    print(f"\nmean F1: main {means[0]:.5f}, {label} {means[1]:.5f}")
    down = []
    for name in sorted(base):
        before, after, worth = base[name]["f1"], theirs[name]["f1"], 1 / base[name]["pairs"]
        if abs(after - before) > 1e-9:
            beyond = before - after > worth
            print(f"{name}: {before:.4f} -> {after:.4f} (one pair {worth:.4f})", end="")
            print(" DOWN beyond one pair" if beyond else "")
            down += [name] if beyond else []
    holds = means[1] >= means[0] and not down
    print(f"clause 1 holds: {holds}")
    return holds


def write_means(label: str, figures: dict[str, dict[str, float]], out: Path) -> None:
    """Prints the files' mean pairwise F1, recall and alerts per story, and writes every file's
    figures to ``out`` (the rounds' ``lofo<N>_<LABEL>.json``)."""
    n = len(figures)
    mean = {k: sum(f[k] for f in figures.values()) / n for k in ("f1", "recall", "alerts")}
    print(
        f"\n{label}: mean pairwise F1 {mean['f1']:.4f}, mean recall {mean['recall']:.4f}, "
        f"mean alerts per story {mean['alerts']:.4f}"
    )
    out.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
