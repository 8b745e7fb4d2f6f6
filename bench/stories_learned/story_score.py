"""Measure variants of a story's score (the blend of an item's best pairs with the mean over the
story's items) leave-one-file-out, with the learned pair decision.

    .venv/bin/python bench/stories_learned/story_score.py '[{"mean_share": 0.6, "gate": 0.22}]'

Each variant is a JSON object: ``mean_share`` (the weight of the mean, ``MEAN_SHARE`` 0.8 in the
service), ``gate`` (that share only when the item's best pair with the story has this similarity
or more; the service's share otherwise) and ``top_k`` (the best pairs averaged, ``TOP_K``). The
pairs and each file's fold model are those of ``fit.py`` (the story's score does not change
them: the hand clusterer collects them). For each variant: mean pairwise F1, B-cubed F1 and
alerts per story over the training files (never the judges, ``common.JUDGES``), against the
service's score, and each file whose pairwise F1 moved. The twenty-eighth round
(docs/measurements/stories.md) used it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cluster, labelled_files, load_items, mean_figures
from fit import fit, pairs_of
from wirewatch_stories import scoring as shipped
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.scoring import STORY_SAMPLE, Scorer

VARIANT: dict[str, Any] = {}


class _Variant(Scorer):
    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        if not VARIANT:
            return super().story_score(story)
        members = self.clusterer._members
        self.fresh = len(story.members) <= shipped.LANGUAGE_STORY_SIZE and (
            self.published is None or abs(self.published - story.first) <= shipped.YOUNG_S
        )
        scored = sorted(
            ((self.similarity(members[i]), i) for i in story.members[-STORY_SAMPLE:]),
            reverse=True,
        )
        if self.seats and self._other_seat(story):
            return 0.0, scored[0][1]
        top = scored[: VARIANT.get("top_k", shipped.TOP_K)]
        best = sum(s for s, _ in top) / len(top)
        mean = sum(s for s, _ in scored) / len(scored)
        share = shipped.MEAN_SHARE
        if scored[0][0] >= VARIANT.get("gate", 0.0):
            share = VARIANT.get("mean_share", share)
        return (1 - share) * best + share * mean, scored[0][1]


class _Clusterer(Clusterer):
    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Variant(self, cues, published)


def main() -> None:
    variants: list[dict[str, Any]] = json.loads(sys.argv[1]) if len(sys.argv) > 1 else []
    files = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    pairs = {name: pairs_of(items) for name, items in files.items()}
    models = {
        name: fit([p for other, ps in pairs.items() if other != name for p in ps]) for name in files
    }

    def run(variant: dict[str, Any]) -> dict[str, ClusterReport]:
        VARIANT.clear()
        VARIANT.update(variant)
        return {n: cluster(items, _Clusterer(pair_model=models[n])) for n, items in files.items()}

    base = run({})
    f1, bcubed, alerts = mean_figures(base)
    print(f"service: pairwise F1 {f1:.4f}, B-cubed {bcubed:.4f}, alerts per story {alerts:.4f}")
    for variant in variants:
        reports = run(variant)
        v_f1, v_bcubed, v_alerts = mean_figures(reports)
        moved = {
            n: round(r.pairwise_f1 - base[n].pairwise_f1, 3)
            for n, r in reports.items()
            if abs(r.pairwise_f1 - base[n].pairwise_f1) > 1e-9
        }
        print(
            f"{json.dumps(variant)}: pairwise F1 {v_f1:.4f} ({v_f1 - f1:+.4f}), B-cubed "
            f"{v_bcubed:.4f}, alerts per story {v_alerts:.4f} ({v_alerts - alerts:+.4f}); {moved}"
        )


if __name__ == "__main__":
    main()
