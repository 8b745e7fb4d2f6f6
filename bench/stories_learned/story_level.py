"""Measure story-level variants of the learned clusterer leave-one-file-out (stop 31, second round).

    .venv/bin/python bench/stories_learned/story_level.py '[{"name": "x", ...}, ...]'
    .venv/bin/python bench/stories_learned/story_level.py --trace unseen 14,22   # why items went
    .venv/bin/python bench/stories_learned/story_level.py --diff dev '{"best_share": 0.7}'

The pairs and each file's fold model are ``fit.py``'s (the variants change only how the learned
clusterer scores a story and decides; the hand clusterer that collects the pairs is untouched, so
the fold models are the refit ones). Every labelled stories file but the judges
(``common.JUDGES``, never opened) is clustered in publication order; for each variant: mean
pairwise F1 / B-cubed / alerts per story, the files whose F1 moved, and the flight stories' extra
predicted stories (``bench/stories_cues/flight_splits.py``'s definition).

A variant is a JSON object (every key optional; absent: the service's value):

- ``mean_share``, ``top_k``: the blend (``MEAN_SHARE`` 0.8, ``TOP_K`` 2);
- ``recent``: the mean is taken over the story's latest ``recent`` items only (``STORY_SAMPLE``);
- ``core``: the mean is taken over the members whose similarity with the item is at least this
  share of the best (the sub-story the item belongs to), when that sub-story holds at least
  ``core_min`` items (default 2) and the best pair is at least ``core_gate``;
- ``best_share``: the score is at least this share of the best-two mean (``best_gate``: only when
  the best pair reaches it; ``guard`` 1: not when a member is in country conflict with the item,
  2: nor when one of the latest is in event conflict; ``min_size``: stories of this many items);
- ``prefer``: among stories within this margin of the best (and over the threshold), the one
  whose latest items most often share an anchor of the item (a country but the US, a place, an
  agency, a region, a count; ``places_only``: countries and places) takes it;
- ``service``: use the service's own ``story_score`` (the shipped candidate, for checks).
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, Item, labelled_files, load_items, ordered
from fit import fit, pairs_of
from wirewatch_stories import scoring as shipped
from wirewatch_stories.cluster import Clusterer, Decision, Story, story_id_for
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.pair_model import PairModel
from wirewatch_stories.scoring import STORY_SAMPLE, Scorer

FLIGHT_WORDS = frozenset({"w:fligh", "w:plane", "w:airli", "w:aircr"})
VARIANT: dict[str, Any] = {}
CACHE = Path("/tmp/story_level_folds.pkl")  # the fold models, keyed by the files' names


class _Variant(Scorer):
    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        if not VARIANT or VARIANT.get("service"):
            return super().story_score(story)
        members = self.clusterer._members
        self.fresh = len(story.members) <= shipped.LANGUAGE_STORY_SIZE and (
            self.published is None or abs(self.published - story.first) <= shipped.YOUNG_S
        )
        latest = story.members[-STORY_SAMPLE:]
        scored = sorted(((self.similarity(members[i]), i) for i in latest), reverse=True)
        if self.seats and self._other_seat(story):
            return 0.0, scored[0][1]
        top = scored[: VARIANT.get("top_k", shipped.TOP_K)]
        best = sum(s for s, _ in top) / len(top)
        pool = scored
        if "recent" in VARIANT:
            keep = set(latest[-VARIANT["recent"] :])
            pool = [(s, i) for s, i in scored if i in keep]
        if "core" in VARIANT and scored[0][0] >= VARIANT.get("core_gate", 0.0):
            core = [(s, i) for s, i in scored if s >= VARIANT["core"] * scored[0][0]]
            if len(core) >= VARIANT.get("core_min", 2):
                pool = core
        mean = sum(s for s, _ in pool) / len(pool)
        share = VARIANT.get("mean_share", shipped.MEAN_SHARE)
        score = (1 - share) * best + share * mean
        if (
            "best_share" in VARIANT
            and scored[0][0] >= VARIANT.get("best_gate", 0.0)
            and not (VARIANT.get("guard") and self.countries_conflict(story))
            and not (VARIANT.get("guard", 0) >= 2 and self._any_event_conflict(story))
            and len(story.members) >= VARIANT.get("min_size", 1)
        ):
            score = max(score, VARIANT["best_share"] * best)
        return score, scored[0][1]

    def _any_event_conflict(self, story: Story) -> bool:
        members = self.clusterer._members
        latest = story.members[-STORY_SAMPLE:]
        return any(self._event_factor(members[i], False) < 1.0 for i in latest)


ANCHORS = ("c:", "p:", "a:", "r:")


def _anchors(cues: frozenset[str]) -> frozenset[str]:
    return frozenset(
        c
        for c in cues
        if (c[:2] in ANCHORS and c != "c:US")
        or (c[:2] == "n:" and c[2:].isdigit() and int(c[2:]) >= 20)
    )


class _Clusterer(Clusterer):
    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Variant(self, cues, published)

    def decide(self, item_id: str, cues: Any, published: float) -> Decision:
        margin = VARIANT.get("prefer")
        if margin is None:
            return super().decide(item_id, cues, published)
        cue_set = frozenset(cues)
        scorer = self._scorer(cue_set, published)
        scored = []
        for story in self._candidates(cue_set, published):
            score, index = scorer.story_score(story)
            scored.append((score, story, index))
        if not scored:
            return Decision(story_id_for(item_id), True, 0.0, (), None)
        best = max(scored, key=lambda t: t[0])
        anchors = _anchors(cue_set)
        if VARIANT.get("places_only"):
            anchors = frozenset(c for c in anchors if c[:2] in ("c:", "p:"))
        if best[0] >= self.threshold and anchors:
            near = [t for t in scored if t[0] >= max(self.threshold, best[0] - margin)]
            if len(near) > 1:
                members = self._members

                def cover(t: Any) -> float:
                    latest = t[1].members[-STORY_SAMPLE:]
                    return sum(not anchors.isdisjoint(members[i].cues) for i in latest) / len(
                        latest
                    )

                covers = {id(t): cover(t) for t in near}
                top = max(covers.values())
                if covers[id(best)] < top:
                    best = max((t for t in near if covers[id(t)] == top), key=lambda t: t[0])
        if best[0] >= self.threshold:
            return self._join(cue_set, (best[0], best[2]))
        return super().decide(item_id, cues, published)


def folds(files: dict[str, list[Item]]) -> dict[str, PairModel]:
    key = sorted(files)
    if CACHE.exists():
        cached: tuple[list[str], dict[str, PairModel]] = pickle.loads(CACHE.read_bytes())
        if cached[0] == key:
            return cached[1]
    pairs = {name: pairs_of(items) for name, items in files.items()}
    models = {n: fit([p for other, ps in pairs.items() if other != n for p in ps]) for n in files}
    CACHE.write_bytes(pickle.dumps((key, models)))
    return models


def run(items: list[Item], model: PairModel) -> tuple[ClusterReport, dict[int, Any]]:
    clusterer = _Clusterer(pair_model=model)
    made = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        made[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
    report = evaluate([it.story for it in items], [made[it.index].story_id for it in items])
    return report, made


def flight_counts(items: list[Item], made: dict[int, Any]) -> tuple[int, int]:
    stories: defaultdict[str, list[Item]] = defaultdict(list)
    for it in items:
        stories[it.story].append(it)
    extra = merged = 0
    for members in stories.values():
        if not any("e:removal" in it.cues and it.cues & FLIGHT_WORDS for it in members):
            continue
        predicted = {made[it.index].story_id for it in members}
        extra += len(predicted) - 1
        mine = {it.index for it in members}
        merged += any(
            made[other.index].story_id in predicted for other in items if other.index not in mine
        )
    return extra, merged


def measure(files: dict[str, list[Item]], models: dict[str, PairModel]) -> dict[str, Any]:
    out: dict[str, Any] = {"files": {}, "splits": 0, "merged": 0}
    for name, items in files.items():
        report, made = run(items, models[name])
        out["files"][name] = report
        extra, merged = flight_counts(items, made)
        out["splits"] += extra
        out["merged"] += merged
    return out


def summary(result: dict[str, Any]) -> tuple[float, float, float]:
    reports = result["files"].values()
    n = len(reports)
    return (
        sum(r.pairwise_f1 for r in reports) / n,
        sum(r.bcubed_f1 for r in reports) / n,
        sum(r.alerts_per_story for r in reports) / n,
    )


def trace(
    files: dict[str, list[Item]], models: dict[str, PairModel], name: str, wanted: set[int]
) -> None:
    items = files[name]
    clusterer = _Clusterer(pair_model=models[name])
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        when = max(when, -1e18)
        if it.index in wanted:
            scorer = clusterer._scorer(it.cues, when)
            print(f"#{it.index} [{it.story}]")
            for story in clusterer._candidates(it.cues, when):
                score, _ = scorer.story_score(story)
                sims = [
                    (
                        round(scorer.similarity(clusterer._members[i]), 3),
                        clusterer._members[i].item_id,
                        items[int(clusterer._members[i].item_id)].story[:28],
                    )
                    for i in story.members[-STORY_SAMPLE:]
                ]
                sims.sort(reverse=True)
                head = f"   story {story.story_id[-5:]} n={len(story.members)}"
                print(f"{head} score {score:.3f}: {sims[:6]}")
        d = clusterer.assign(str(it.index), it.cues, when)
        if it.index in wanted:
            print(f"   -> {d.story_id[-5:]} opened={d.opened} score={d.score:.3f}")


def main() -> None:
    files = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    models = folds(files)
    if sys.argv[1:2] == ["--diff"]:
        name, items = sys.argv[2], files[sys.argv[2]]
        rows = [
            json.loads(x) for x in (DATA / f"stories_{name}.jsonl").read_text().splitlines() if x
        ]
        VARIANT.clear()
        _, before = run(items, models[name])
        VARIANT.update(json.loads(sys.argv[3]))
        _, after = run(items, models[name])
        for it in ordered(items):
            b, a = before[it.index], after[it.index]
            if b.opened != a.opened or b.matched_item != a.matched_item:
                m = a.matched_item
                other = items[int(m)].story[:40] if m else ""
                print(
                    f"#{it.index} [{it.story[:40]}] {b.score:.3f}->{a.score:.3f} opened "
                    f"{b.opened}->{a.opened} m={m} [{other}] {rows[it.index]['title'][:70]}"
                )
        return
    if sys.argv[1:2] == ["--trace"]:
        VARIANT.update(
            json.loads(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4].startswith("{") else {}
        )
        trace(files, models, sys.argv[2], {int(x) for x in sys.argv[3].split(",")})
        return
    variants: list[dict[str, Any]] = json.loads(sys.argv[1]) if len(sys.argv) > 1 else []
    VARIANT.clear()
    base = measure(files, models)
    f1, bcubed, alerts = summary(base)
    print(
        f"service: F1 {f1:.4f}, B-cubed {bcubed:.4f}, alerts {alerts:.4f}, "
        f"flight splits {base['splits']}, flight stories merged {base['merged']}",
        flush=True,
    )
    for variant in variants:
        VARIANT.clear()
        VARIANT.update(variant)
        result = measure(files, models)
        v_f1, v_bcubed, v_alerts = summary(result)
        moved = {
            n: round(r.pairwise_f1 - base["files"][n].pairwise_f1, 3)
            for n, r in result["files"].items()
            if abs(r.pairwise_f1 - base["files"][n].pairwise_f1) > 1e-9
        }
        worst = min([0.0, *moved.values()])
        print(
            f"{json.dumps(variant)}: F1 {v_f1:.4f} ({v_f1 - f1:+.4f}), B-cubed {v_bcubed:.4f}, "
            f"alerts {v_alerts:.4f} ({v_alerts - alerts:+.4f}), flight splits {result['splits']}, "
            f"merged {result['merged']}, worst {worst:+.3f}; {moved}",
            flush=True,
        )


if __name__ == "__main__":
    main()
