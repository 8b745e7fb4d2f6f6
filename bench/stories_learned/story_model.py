"""Measure a story decision (an item against the whole candidate story) leave one file out, on
top of the learned pair decision (the twenty-ninth round, stop 30; measured, not adopted).

    .venv/bin/python bench/stories_learned/story_model.py            # the round's decision
    .venv/bin/python bench/stories_learned/story_model.py '{"names": ["blend", "days_latest"],
        "veto": ["single"], "cut": 0.6}' '["blend", "coverage"]' ...  # variants

1. Every training file (``common.labelled_files``: all but the judges) gives its pairs (as
   ``fit.py``) and its fold's pair model (fitted on the other files' pairs).
2. Each file is clustered with its fold's pair model (the service's decision); every item that
   opens a story while its best candidate scores ``RESCUE_FLOOR`` or more gives that story's
   features (``STORY_FEATURES``: the item against the whole story) and whether the story's
   majority is the item's story (69 candidates, 32 so, over the 28 files).
3. Leave one file out: a logistic regression (C=10) over some of the features, fitted on the
   other files' candidates, decides: an item that would open a story joins its best candidate
   instead when that scores ``RESCUE_FLOOR`` or more, no ``veto`` feature is set and the
   probability reaches ``cut``. Printed: each file's pairwise F1 / P / R / alerts per story
   against the service, the means, and the model fitted on every file (no args), or the means
   and the files moved per variant (a JSON object, or a list of feature names).
"""

from __future__ import annotations

import json
import math
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, cluster, labelled_files, load_items, mean_figures, ordered
from fit import C_REGULARISATION, fit, pairs_of
from wirewatch_stories import pair_cues as shipped
from wirewatch_stories.cluster import Clusterer, Decision, Story
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.pair_cues import same_count
from wirewatch_stories.pair_model import PAIR_SCALE, PairModel
from wirewatch_stories.scoring import STORY_SAMPLE, Scorer

STORY_FEATURES: tuple[str, ...] = (
    "blend",  # the service's story score / PAIR_SCALE
    "best",  # best pair probability
    "mean",  # mean pair probability over the sample
    "log_size",  # log of the story's items
    "coverage",  # weighted share of the item's cues found in the story's union
    "entity_coverage",  # share of the item's names, places, agencies in the union
    "has_entities",
    "number_match",  # item gives counts, one of them is a count of the story's
    "number_clash",  # item and story give counts, none of the item's is one of the story's
    "new_country",  # the item names a country no item of the story names
    "days_latest",  # days after the story's latest item (capped 4)
    "days_first",  # days after the story's first item (capped 7)
    "new_language",  # the item's language is not the story's (story in one language)
    "centroid",  # cosine with the story's centroid
    "best_vs_centroid",  # best pair probability minus the centroid cosine
    "supported",  # share of the sample with a pair probability >= 0.5
    "event_clash",  # the item's kinds of event share no group with the story's
    "court_clash",  # the item's headline names a court level the story's do not, and no other
    "single",  # the story has one item
    "region_clash",  # it names a region of a country whose regions the story names, none its
    "kind_new",  # the item's kinds of event (not groups) are none of the story's
    "new_count",  # the item gives counts, none of them the story's
)
RESCUE_FLOOR = 0.05  # an item opening a story whose best candidate scores this much or more
CACHE = Path("/tmp/stround3_story_model.pkl")
MODEL: dict[str, Any] = {}  # a variant: "names", "veto", "cut", "floor", "model" (a _Model)


class _StoryScorer(Scorer):
    __slots__ = ("kinds_raw",)

    def __init__(self, clusterer: Clusterer, cues: frozenset[str], published: float | None) -> None:
        super().__init__(clusterer, cues, published)
        self.kinds_raw = frozenset(c for c in cues if c[:2] == "e:")

    def story_features(self, story: Story) -> tuple[float, int, tuple[float, ...]]:
        score, index = super().story_score(story)
        members = self.clusterer._members
        sample = [members[i] for i in story.members[-STORY_SAMPLE:]]
        sims = [self.similarity(m) / PAIR_SCALE for m in sample]
        union: set[str] = set()
        for m in sample:
            union.update(m.cues)
        squared = self.squared
        self._weigh(union)
        total = math.fsum(squared[c] for c in self.cues) or 1.0
        covered = math.fsum(squared[c] for c in self.cues if c in union) / total
        entities = [c for c in self.cues if c[:2] in ("x:", "p:", "a:")]
        entity_cov = sum(c in union for c in entities) / len(entities) if entities else 0.0
        story_counts = {n for m in sample for n in m.counts}
        match = bool(self.counts) and any(
            same_count(x, y) for x in self.counts for y in story_counts
        )
        clash = bool(self.counts) and bool(story_counts) and not match
        story_named = set().union(*(m.named for m in sample))
        new_country = bool(self.named - story_named) and bool(story_named)
        when = self.published if self.published is not None else story.last
        days_latest = min(max(when - story.last, 0.0) / 86400.0, 4.0)
        days_first = min(max(when - story.first, 0.0) / 86400.0, 7.0)
        languages = {m.language for m in sample if m.language}
        new_language = (
            bool(self.language) and len(languages) == 1 and self.language not in languages
        )
        centroid: dict[str, float] = {}
        for m in sample:
            norm = math.sqrt(math.fsum(squared[c] for c in m.cues)) or 1.0
            for c in m.cues:
                centroid[c] = centroid.get(c, 0.0) + math.sqrt(squared[c]) / norm
        c_norm = math.sqrt(math.fsum(v * v for v in centroid.values())) or 1.0
        dot = math.fsum(math.sqrt(squared[c]) * centroid[c] for c in self.cues if c in centroid)
        cos = dot / (c_norm * (math.sqrt(total) or 1.0))
        story_events = set().union(*(m.events for m in sample))
        event_clash = bool(self.events) and bool(story_events) and not self.events & story_events
        story_courts = set().union(*(m.courts for m in sample))
        court_clash = bool(self.courts) and bool(story_courts) and not self.courts & story_courts
        story_regions = frozenset().union(*(m.regions for m in sample))
        region_clash = shipped.regions_conflict(self.regions, story_regions) and not (
            self.regions & story_regions
        )
        raw: dict[str, frozenset[str]] = getattr(self.clusterer, "raw", {})
        story_kinds = frozenset().union(*(raw.get(m.item_id, frozenset()) for m in sample))
        kind_new = bool(self.kinds_raw) and bool(story_kinds) and not self.kinds_raw & story_kinds
        features = (
            score / PAIR_SCALE,
            max(sims),
            sum(sims) / len(sims),
            math.log(len(story.members)),
            covered,
            entity_cov,
            float(bool(entities)),
            float(match),
            float(clash),
            float(new_country),
            days_latest,
            days_first,
            float(new_language),
            cos,
            max(sims) - cos,
            sum(s >= 0.5 for s in sims) / len(sims),
            float(event_clash),
            float(court_clash),
            float(len(story.members) == 1),
            float(region_clash),
            float(kind_new),
            float(bool(self.counts) and not match),
        )
        return score, index, features


class _Raw(Clusterer):
    """Keeps every held item's kinds of event (``e:`` cues, not their groups)."""

    raw: dict[str, frozenset[str]]

    def add(
        self, item_id: str, story_id: str, cues: Any, published: float, *, advance: bool = True
    ) -> None:
        cue_set = frozenset(cues)
        if not hasattr(self, "raw"):
            self.raw = {}
        self.raw[item_id] = frozenset(c for c in cue_set if c[:2] == "e:")
        super().add(item_id, story_id, cue_set, published, advance=advance)


class _Recording(_Raw):
    """Records every candidate's story features with its label while deciding."""

    def __init__(self, pair_model: PairModel, truth: dict[str, str]) -> None:
        super().__init__(pair_model=pair_model)
        self.truth = truth
        self.rows: list[tuple[tuple[float, ...], bool]] = []

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _StoryScorer(self, cues, published)

    def decide(self, item_id: str, cues: Any, published: float) -> Decision:
        cue_set = frozenset(cues)
        scorer = self._scorer(cue_set, published)
        assert isinstance(scorer, _StoryScorer)
        decision = super().decide(item_id, cue_set, published)
        if not decision.opened:
            return decision
        best: tuple[float, tuple[float, ...], Story] | None = None
        for story in self._candidates(cue_set, published):
            score, _, features = scorer.story_features(story)
            if best is None or score > best[0]:
                best = (score, features, story)
        if best is None or best[0] < RESCUE_FLOOR:
            return decision
        labels = Counter(self.truth[self._members[i].item_id] for i in best[2].members)
        top = max(labels.values())
        majority = {s for s, n in labels.items() if n == top}
        self.rows.append((best[1], self.truth[item_id] in majority))
        return decision


class _Deciding(_Raw):
    """The service's decision; an item that would open a story joins its best candidate instead
    when that scores RESCUE_FLOOR or more, no veto is set and the variant's model says so."""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _StoryScorer(self, cues, published)

    def decide(self, item_id: str, cues: Any, published: float) -> Decision:
        cue_set = frozenset(cues)
        decision = super().decide(item_id, cue_set, published)
        if not decision.opened or not MODEL:
            return decision
        scorer = self._scorer(cue_set, published)
        assert isinstance(scorer, _StoryScorer)
        best: tuple[float, int, tuple[float, ...]] | None = None
        for story in self._candidates(cue_set, published):
            score, index, features = scorer.story_features(story)
            if best is None or score > best[0]:
                best = (score, index, features)
        if best is None or best[0] < MODEL.get("floor", RESCUE_FLOOR):
            return decision
        if any(best[2][STORY_FEATURES.index(n)] for n in MODEL.get("veto", ())):
            return decision
        picked = [best[2][STORY_FEATURES.index(n)] for n in MODEL["names"]]
        if MODEL["model"].probability_of(picked) >= MODEL.get("cut", 0.5):
            joined = self._join(cue_set, (best[0], best[1]))
            if MODEL.get("show"):
                print(f"   rescued {item_id} -> {joined.matched_item} s={best[0]:.3f}", best[2])
            return joined
        return decision


class _Model:
    def __init__(self, intercept: float, weights: list[float]) -> None:
        self.intercept, self.weights = intercept, weights

    def probability_of(self, features: list[float]) -> float:
        z = self.intercept + sum(w * f for w, f in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def fit_story(rows: list[tuple[tuple[float, ...], bool]], names: list[str]) -> _Model:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    cols = [STORY_FEATURES.index(n) for n in names]
    x = np.array([[f[c] for c in cols] for f, _ in rows], dtype=float)
    y = np.array([s for _, s in rows], dtype=bool)
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, y)
    return _Model(float(model.intercept_[0]), [float(w) for w in model.coef_[0]])


def record(items: list[Item], model: PairModel) -> list[tuple[tuple[float, ...], bool]]:
    truth = {str(it.index): it.story for it in items}
    clusterer = _Recording(model, truth)
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        clusterer.assign(str(it.index), it.cues, max(when, -1e18))
    return clusterer.rows


def prepare() -> tuple[dict[str, list[Item]], dict[str, PairModel], dict[str, list[Any]]]:
    files = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    key = sorted(files)
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
        if cached["key"] == key and cached["features"] == STORY_FEATURES:
            return files, cached["models"], cached["rows"]
    pairs = {name: pairs_of(items) for name, items in files.items()}
    models = {
        name: fit([p for other, ps in pairs.items() if other != name for p in ps]) for name in files
    }
    rows = {name: record(items, models[name]) for name, items in files.items()}
    CACHE.write_bytes(
        pickle.dumps({"key": key, "features": STORY_FEATURES, "models": models, "rows": rows})
    )
    return files, models, rows


# The round's decision (measured, not adopted): these features, these vetoes, these odds.
ROUND: dict[str, Any] = {
    "names": ["blend", "days_latest", "number_match", "new_language"],
    "veto": ["event_clash", "court_clash", "single", "new_count"],
    "cut": 0.6,
}


def _cells(r: ClusterReport) -> str:
    return (
        f"{r.pairwise_f1:.3f} / {r.pairwise_precision:.3f} / {r.pairwise_recall:.3f} / "
        f"{r.alerts_per_story:.3f}"
    )


def _kept(rows: list[tuple[tuple[float, ...], bool]]) -> list[tuple[tuple[float, ...], bool]]:
    return [r for r in rows if r[0][0] * PAIR_SCALE >= RESCUE_FLOOR]


def round_table(
    files: dict[str, list[Item]], models: dict[str, PairModel], rows: dict[str, list[Any]]
) -> None:
    """The round's decision leave one file out, file by file, against the service's."""
    print("| file | service: F1 / P / R / alerts | with it (LOFO): F1 / P / R / alerts | F1 |")
    print("|---|---|---|---|")
    before, after = {}, {}
    for n, items in files.items():
        before[n] = cluster(items, Clusterer(pair_model=models[n]))
        others = [r for o, rs in rows.items() if o != n for r in rs]
        story = fit_story(_kept(others), ROUND["names"])
        MODEL.update(ROUND, model=story)
        after[n] = cluster(items, _Deciding(pair_model=models[n]))
        MODEL.clear()
        gain = after[n].pairwise_f1 - before[n].pairwise_f1
        print(f"| {n} | {_cells(before[n])} | {_cells(after[n])} | {gain:+.3f} |", flush=True)
    (f0, b0, a0), (f1, b1, a1) = mean_figures(before), mean_figures(after)
    k = len(files)
    p0, p1 = (sum(r.pairwise_precision for r in x.values()) / k for x in (before, after))
    r0, r1 = (sum(r.pairwise_recall for r in x.values()) / k for x in (before, after))
    worst = min(after[n].pairwise_f1 - before[n].pairwise_f1 for n in files)
    print(
        f"\nmean pairwise F1 {f0:.4f} -> {f1:.4f} (P {p0:.4f} -> {p1:.4f}, R {r0:.4f} -> "
        f"{r1:.4f}), B-cubed {b0:.4f} -> {b1:.4f}, alerts per story {a0:.4f} -> {a1:.4f}; "
        f"worst file {worst:+.4f}"
    )
    every = fit_story(_kept([r for rs in rows.values() for r in rs]), ROUND["names"])
    weights = ", ".join(f"{n} {w:.4f}" for n, w in zip(ROUND["names"], every.weights, strict=True))
    print(f"fitted on every file: intercept {every.intercept:.4f}, {weights}")


def main() -> None:
    args = sys.argv[1:]
    files, models, rows = prepare()
    every = [r for rs in rows.values() for r in rs]
    print(f"{len(files)} files, {len(every)} candidates, {sum(s for _, s in every)} of the story")
    if not args:
        round_table(files, models, rows)
        return
    variants: list[dict[str, Any]] = [
        v if isinstance(v := json.loads(a), dict) else {"names": v} for a in args
    ]
    MODEL.clear()
    base = {n: cluster(items, Clusterer(pair_model=models[n])) for n, items in files.items()}
    f1, bcubed, alerts = mean_figures(base)
    print(f"service: pairwise F1 {f1:.4f}, B-cubed {bcubed:.4f}, alerts per story {alerts:.4f}")
    for variant in variants:
        names, floor = variant["names"], variant.get("floor", RESCUE_FLOOR)
        kept = {n: [r for r in rs if r[0][0] * PAIR_SCALE >= floor] for n, rs in rows.items()}
        reports = {}
        for n, items in files.items():
            MODEL.update(
                variant,
                model=fit_story([r for o, rs in kept.items() if o != n for r in rs], names),
            )
            if variant.get("show"):
                print(f"== {n}")
            reports[n] = cluster(items, _Deciding(pair_model=models[n]))
        MODEL.clear()
        v_f1, v_bcubed, v_alerts = mean_figures(reports)
        moved = {
            n: (round(r.pairwise_f1 - base[n].pairwise_f1, 3),
                round(r.alerts_per_story - base[n].alerts_per_story, 3))
            for n, r in reports.items()
            if abs(r.pairwise_f1 - base[n].pairwise_f1) > 1e-9
            or abs(r.alerts_per_story - base[n].alerts_per_story) > 1e-9
        }  # fmt: skip
        worst = min(r.pairwise_f1 - base[n].pairwise_f1 for n, r in reports.items())
        print(
            f"{json.dumps(variant)}: F1 {v_f1:.4f} ({v_f1 - f1:+.4f}), B-cubed {v_bcubed:.4f}, "
            f"alerts {v_alerts:.4f} ({v_alerts - alerts:+.4f}), worst {worst:+.3f}; {moved}",
            flush=True,
        )
    full = fit_story(every, variants[-1]["names"])
    print("all files:", round(full.intercept, 4), [round(w, 4) for w in full.weights])


if __name__ == "__main__":
    main()
