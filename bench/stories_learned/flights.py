"""Where flight stories fall apart or wrongly join, leave one file out (stop 30, issue #13).

    .venv/bin/python bench/stories_learned/flights.py [-v]

Every training file (``common.labelled_files``: the judges are never opened) is clustered with
its fold's model (fitted on the other files' pairs, as ``fit.py`` does). A flight story is a true
story most of whose items are labelled ``repatriation-flights``. Every pair of items of one flight
story that ends in two predicted stories (a split) and every pair of two true stories in one
predicted story with a flight story among them (a merge) is counted once, with its causes read
from the pair's features (``PAIR_FEATURES``, computed with the clusterer's state when the later
of the two was decided; "not scored" when the later never met the earlier one: another candidate
story, outside the latest items, or fewer than two shared cues). ``-v`` prints each item of a
split or merge flight story.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, labelled_files, load_items, ordered
from fit import fit, pairs_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import Scorer

FLIGHT_LABEL = "repatriation-flights"
_F = {name: n for n, name in enumerate(PAIR_FEATURES)}


class _Seeing(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        clusterer = self.clusterer
        assert isinstance(clusterer, _Watching)
        features = self.pair_features(member)
        if features is not None:
            clusterer.seen[(clusterer.current, member.item_id)] = features
        return super().similarity(member)


class _Watching(Clusterer):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.seen: dict[tuple[str, str], tuple[float, ...]] = {}
        self.current = ""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Seeing(self, cues, published)


def causes(features: tuple[float, ...] | None) -> list[str]:
    if features is None:
        return ["not scored"]
    out = [
        name
        for name in ("two_languages", "count_conflict", "country_conflict", "region_conflict",
                     "event_conflict", "stale", "sequel")
        if features[_F[name]]
    ]  # fmt: skip
    if features[_F["days_apart"]] > 1.0:
        out.append("over a day")
    return out or ["none (low cosine)"]


def flight_stories(rows: list[dict[str, object]]) -> set[str]:
    by: defaultdict[str, list[bool]] = defaultdict(list)
    for row in rows:
        by[str(row["story"])].append(FLIGHT_LABEL in (row.get("labels") or []))  # type: ignore[operator]
    return {s for s, flags in by.items() if sum(flags) * 2 > len(flags)}


def study(
    name: str, items: list[Item], rows: list[dict[str, object]], clusterer: _Watching,
    verbose: bool,
) -> tuple[Counter[str], Counter[str], int, int, int]:  # fmt: skip
    when: dict[int, float] = {}
    predicted: dict[int, str] = {}
    for it in ordered(items):
        clusterer.current = str(it.index)
        t = it.published if it.published is not None else clusterer.clock
        predicted[it.index] = clusterer.assign(str(it.index), it.cues, max(t, -1e18)).story_id
        when[it.index] = len(when)
    flights = flight_stories(rows)
    split: Counter[str] = Counter()
    merged: Counter[str] = Counter()
    n_split = n_merge = 0
    for a in items:
        for b in items:
            if when[a.index] >= when[b.index]:
                continue  # a earlier, b later
            same_true = a.story == b.story
            same_pred = predicted[a.index] == predicted[b.index]
            f = clusterer.seen.get((str(b.index), str(a.index)))
            if same_true and not same_pred and a.story in flights:
                n_split += 1
                split.update(causes(f))
                split["[pairs]"] += 1
            elif same_pred and not same_true and (a.story in flights or b.story in flights):
                n_merge += 1
                merged.update(causes(f))
                merged["[pairs]"] += 1
    stories_split = sum(
        len({predicted[i.index] for i in items if i.story == s}) - 1 for s in flights
    )
    if verbose:
        bad = {
            s for s in flights if len({predicted[i.index] for i in items if i.story == s}) > 1
        } | {
            items[n].story
            for n in predicted
            if len({i.story for i in items if predicted[i.index] == predicted[n]}) > 1
            and items[n].story in flights
        }
        for s in sorted(bad):
            print(f"-- {name} {s}")
            for it in sorted((i for i in items if i.story == s), key=lambda i: when[i.index]):
                row = rows[it.index]
                mates = {i.story for i in items if predicted[i.index] == predicted[it.index]}
                print(
                    f"   {predicted[it.index][-4:]} {str(row.get('published'))[:10]} "
                    f"{row.get('lang')} {'+'.join(sorted(m[:14] for m in mates - {s}))[:40]:40s}"
                    f" {str(row['title'])[:80]}"
                )
    return split, merged, n_split, n_merge, stories_split


def main() -> None:
    verbose = "-v" in sys.argv
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    files = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: pairs_of(items) for name, items in files.items()}
    split_all: Counter[str] = Counter()
    merge_all: Counter[str] = Counter()
    total_flights = total_extra = 0
    for name, items in files.items():
        text = paths[name].read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.splitlines() if line]
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        split, merged, ns, nm, extra = study(
            name, items, rows, _Watching(pair_model=model), verbose
        )
        flights = flight_stories(rows)
        total_flights += len(flights)
        total_extra += extra
        split_all.update(split)
        merge_all.update(merged)
        if flights:
            print(f"{name}: {len(flights)} flight stories, {extra} extra predicted, "
                  f"{ns} split pairs, {nm} merged pairs", flush=True)  # fmt: skip
    print(f"\n{total_flights} flight stories, {total_extra} extra predicted stories")
    print("split pairs by cause:", dict(split_all.most_common()))
    print("merged pairs by cause:", dict(merge_all.most_common()))


if __name__ == "__main__":
    main()
