"""Same-story pairs across English and Spanish that the clusterer misses (issue #13, stop 36).

    .venv/bin/python bench/stories_xlang36/xlang_pairs.py > bench/stories_xlang36/xlang_pairs.txt

Every studied stories file (``bench/stories_learned/common.py``: every labelled file but
``JUDGES``, never opened) is clustered in publication order with main's clusterer. A pair of
items of one true story is *missed* when the two end in different predicted stories. For each
missed pair, scored when the later item was decided (the clusterer's state then; the pair as if
its story were young), the script gives the pair's learned similarity and the cues each side has
that the other lacks, by kind, so that what the cues fail to carry across languages can be read.
Then, per item: every item that does not join the story holding most of its true story's earlier
items (file order), whether that story lacks the item's language ("cross"), the item's score
with it, its best pair there, the story's size and the hours since its first item.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer


@dataclass(frozen=True)
class Missed:
    file: str
    a: Item
    b: Item
    sim: float
    cross: bool


@dataclass(frozen=True)
class Split:
    file: str
    item: int
    cross: bool  # the story lacks the item's language
    opened: bool
    score: float
    best: float
    size: int
    hours: float


def language(cues: frozenset[str]) -> str:
    return "en" if "l:en" in cues else "es" if "l:es" in cues else ""


def study(name: str, items: list[Item], out: list[Missed]) -> Counter[str]:
    clusterer = Clusterer()
    predicted: dict[int, str] = {}
    scored: dict[tuple[int, int], float] = {}
    index_of: dict[int, int] = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        scorer = clusterer._scorer(it.cues, when)
        for prev in predicted:
            if items[prev].story == it.story:
                member = clusterer._members.get(index_of[prev])
                if member is not None:
                    scorer.fresh = True
                    scored[(prev, it.index)] = scorer.similarity(member)
        decision = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
        predicted[it.index] = decision.story_id
        index_of[it.index] = clusterer._by_item[str(it.index)]
    tally: Counter[str] = Counter()
    for (a, b), sim in scored.items():
        la, lb = language(items[a].cues), language(items[b].cues)
        cross = bool(la and lb and la != lb)
        joined = predicted[a] == predicted[b]
        tally[f"{'cross' if cross else 'same'} {'joined' if joined else 'missed'}"] += 1
        if not joined:
            out.append(Missed(name, items[a], items[b], sim, cross))
    return tally


def side(cues: frozenset[str], other: frozenset[str], kinds: str) -> list[str]:
    return sorted(c for c in cues - other if c[0] in kinds and c[1] == ":")


def splits(name: str, items: list[Item]) -> list[Split]:
    """Items that do not join their true story's (majority) story, at their decision."""
    clusterer = Clusterer()
    predicted: dict[int, str] = {}
    rows: list[Split] = []
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        mates = [i for i in predicted if items[i].story == it.story]
        decision = clusterer.decide(str(it.index), it.cues, when)
        if mates:
            target = Counter(predicted[i] for i in mates).most_common(1)[0][0]
            story = clusterer._stories.get(target)
            if decision.story_id != target and story is not None:
                scorer = clusterer._scorer(it.cues, when)
                score, _ = scorer.story_score(story)
                best = max(scorer.similarity(clusterer._members[m]) for m in story.members[-24:])
                held = {language(items[i].cues) for i in mates if predicted[i] == target}
                hours = round((when - story.first) / 3600, 1)
                cross = language(it.cues) not in held
                size = len(story.members)
                rows.append(Split(name, it.index, cross, decision.opened, score, best, size, hours))
        clusterer.assign(str(it.index), it.cues, max(when, -1e18))
        predicted[it.index] = decision.story_id
    return rows


def print_splits(rows: list[Split]) -> None:
    print(f"\nitems not joining their true story's (majority) story, file order: {len(rows)}")
    for cross in (True, False):
        part = [r for r in rows if r.cross is cross]
        if not part:
            continue
        scores = [r.score for r in part]
        bests = [r.best for r in part]
        print(
            f"  {'cross (story lacks its language)' if cross else 'same language'}: {len(part)}, "
            f"opened a story {sum(r.opened for r in part)}, score median "
            f"{statistics.median(scores):.3f}, "
            f"in [0.105, 0.14) {sum(0.105 <= s < 0.14 for s in scores)}, "
            f"best pair median {statistics.median(bests):.3f}, best pair >= 0.14 "
            f"{sum(b >= 0.14 for b in bests)}, > 24 h after the story's first "
            f"{sum(r.hours > 24 for r in part)}, story of 7+ {sum(r.size > 6 for r in part)}"
        )
    print("  cross items (file, item, opened, score, best pair, story size, hours since first):")
    for r in rows:
        if r.cross:
            print(f"    {r.file} {r.item} {r.opened} {r.score:.3f} {r.best:.3f} {r.size} {r.hours}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=400)
    args = parser.parse_args()
    missed: list[Missed] = []
    total: Counter[str] = Counter()
    split_rows: list[Split] = []
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        total += study(name, items, missed)
        split_rows += splits(name, items)
    print("pairs of one true story (scored when the later item was decided; file order):")
    for key in sorted(total):
        print(f"  {key}: {total[key]}")
    cross = [m for m in missed if m.cross]
    sims = sorted(m.sim for m in cross)
    if sims:
        median = sims[len(sims) // 2]
        print(f"missed cross-language pairs: {len(cross)}; similarity median {median:.3f}")
    en_only: Counter[str] = Counter()
    es_only: Counter[str] = Counter()
    for m in cross:
        a, b = m.a, m.b
        en, es = (a, b) if language(a.cues) == "en" else (b, a)
        en_only.update(side(en.cues, es.cues, "wxndoy"))
        es_only.update(side(es.cues, en.cues, "wxndoy"))
    print_splits(split_rows)
    print("\ncues of the English side the Spanish lacks (pairs):")
    print("  " + ", ".join(f"{c} {n}" for c, n in en_only.most_common(120)))
    print("\ncues of the Spanish side the English lacks (pairs):")
    print("  " + ", ".join(f"{c} {n}" for c, n in es_only.most_common(120)))
    print("\nexamples (file, items, similarity, shared, English only, Spanish only):")
    for m in sorted(cross, key=lambda m: -m.sim)[: args.examples]:
        a, b = m.a, m.b
        en, es = (a, b) if language(a.cues) == "en" else (b, a)
        shared = sorted(c for c in a.cues & b.cues if c[1] == ":" and c[0] not in "l")
        print(f"- {m.file} {en.index}/{es.index} story {a.story} sim {m.sim:.3f}")
        print(f"    shared: {' '.join(shared)}")
        print(f"    en only: {' '.join(side(en.cues, es.cues, 'wxndoycapr'))}")
        print(f"    es only: {' '.join(side(es.cues, en.cues, 'wxndoycapr'))}")


if __name__ == "__main__":
    main()
