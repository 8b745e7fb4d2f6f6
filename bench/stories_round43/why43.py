"""Why the action conflict does not separate (stop 43, information only, after the decision).

    .venv/bin/python bench/stories_round43/why43.py > bench/stories_round43/why43.txt

Runs on the candidate commit ``39acc239`` (``v:`` cues in ``features.extract``, headline only:
variant T of ``lofo43.py``; or with its ``services/stories`` first on PYTHONPATH). The pairs the
hand factors score in the 28 studied files (as ``fit.pairs_of``), each with both sides' action
classes and the hand similarity: how often the conflict fires on pairs of one story and of two,
among all pairs and among those scored >= 0.14 (the threshold: the ones a wrong join comes
from); the class pairs behind the conflicts of one story, and behind those of two. Counts only,
no text.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.scoring import Scorer

Row = tuple[frozenset[str], frozenset[str], bool, float]


class _Recorder(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        clusterer = self.clusterer
        assert isinstance(clusterer, _Collecting)
        score = super().similarity(member)
        if self.pair_features(member) is not None:
            same = clusterer.story[clusterer.current] == clusterer.story[member.item_id]
            # the candidate's readers (39acc239), reverted in product code since
            acts = self.actions, member.actions  # type: ignore[attr-defined]
            clusterer.rows.append((*acts, same, score))
        return score


class _Collecting(Clusterer):
    def __init__(self) -> None:
        super().__init__(pair_model=None)
        self.rows: list[Row] = []
        self.story: dict[str, str] = {}
        self.current = ""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Recorder(self, cues, published)


def rows_of(items: list[Item]) -> list[Row]:
    clusterer = _Collecting()
    for item in ordered(items):
        clusterer.story[str(item.index)] = item.story
        clusterer.current = str(item.index)
        when = item.published if item.published is not None else clusterer.clock
        clusterer.assign(str(item.index), item.cues, max(when, -1e18))
    return clusterer.rows


def label(a: frozenset[str], b: frozenset[str]) -> str:
    one, two = sorted(",".join(sorted(c[2:] for c in s)) for s in (a, b))
    return f"{one} | {two}"


def main() -> None:
    rows = [r for p in labelled_files() for r in rows_of(load_items(p))]
    print("| pairs | of one story | conflict | of two stories | conflict |")
    print("|---|---|---|---|---|")
    for name, kept in (("all", rows), ("scored >= 0.14", [r for r in rows if r[3] >= 0.14])):
        one = [r for r in kept if r[2]]
        two = [r for r in kept if not r[2]]
        fired = [sum(bool(a and b and not a & b) for a, b, _, _ in s) for s in (one, two)]
        typed = [sum(bool(a and b) for a, b, _, _ in s) for s in (one, two)]
        print(
            f"| {name} | {len(one)} ({typed[0]} both typed) | {fired[0]} | "
            f"{len(two)} ({typed[1]} both typed) | {fired[1]} |"
        )
    for same, title in ((True, "one story"), (False, "two stories")):
        found = Counter(
            label(a, b) for a, b, s, score in rows if s == same and a and b and not a & b
        )
        print(f"\nconflicts of {title}, most common class pairs:")
        for pair, n in found.most_common(15):
            print(f"  {n:4d}  {pair}")


if __name__ == "__main__":
    main()
