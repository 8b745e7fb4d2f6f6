"""Stop 46's round: main's story score beside the candidate's, and the pairs of each.

``measure46.py`` ran with candidate B in the product code (``vouching46.diff`` applied:
``scoring.VOUCHING``, two vouching items). Main's decision is reproduced here by a
:class:`Scorer` subclass whose ``story_score`` is main's blend only (``scoring.py`` before this
round, copied), so that M, A and B run in one session (``RULE.md``); ``measure46.py`` checks it
against main's own code first. B failed the rule and was reverted; :class:`VouchingClusterer`
is B as a subclass for ``judges46.py``, checked equal to the product code with the diff
applied on all 33 studied files under B's table.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, ordered
from fit import _Collecting, _Recorder
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel
from wirewatch_stories.scoring import (
    LANGUAGE_STORY_SIZE,
    MEAN_SHARE,
    STORY_SAMPLE,
    TOP_K,
    YOUNG_S,
    Scorer,
)

Pairs = list[tuple[tuple[float, ...], bool]]
FIVE = ("cinder", "ember", "kindling", "meridian", "tinder")


def main_story_score(scorer: Scorer, story: Story) -> tuple[float, int]:
    """``Scorer.story_score`` as on main (23f711a): the blend only."""
    members = scorer.clusterer._members
    scorer.fresh = len(story.members) <= LANGUAGE_STORY_SIZE and (
        scorer.published is None or abs(scorer.published - story.first) <= YOUNG_S
    )
    scored = sorted(
        ((scorer.similarity(members[i]), i) for i in story.members[-STORY_SAMPLE:]),
        reverse=True,
    )
    if scorer.seats and scorer._other_seat(story):
        return 0.0, scored[0][1]
    top = scored[:TOP_K]
    best = sum(s for s, _ in top) / len(top)
    mean = sum(s for s, _ in scored) / len(scored)
    return (1 - MEAN_SHARE) * best + MEAN_SHARE * mean, scored[0][1]


class MainScorer(Scorer):
    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        return main_story_score(self, story)


class MainRecorder(_Recorder):
    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        return main_story_score(self, story)


class MainClusterer(Clusterer):
    """Main's clusterer: main's story score."""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return MainScorer(self, cues, published)


class MainCollecting(_Collecting):
    """``fit.pairs_of``'s hand-factor clusterer with main's story score."""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return MainRecorder(self, cues, published)


def pairs_under(items: list[Item], main: bool) -> Pairs:
    """``fit.pairs_of`` under main's story score (``main``) or the branch's (candidate B)."""
    clusterer = MainCollecting() if main else _Collecting()
    for item in ordered(items):
        clusterer.story[str(item.index)] = item.story
        clusterer.current = str(item.index)
        when = item.published if item.published is not None else clusterer.clock
        clusterer.assign(str(item.index), item.cues, max(when, -1e18))
    return clusterer.pairs


def clusterer_for(variant: str, model: PairModel = LEARNED_PAIRS) -> Clusterer:
    """M and A run main's code, B the branch's."""
    return Clusterer(pair_model=model) if variant == "B" else MainClusterer(pair_model=model)


def vouching_story_score(scorer: Scorer, story: Story) -> tuple[float, int]:
    """Candidate B's ``story_score`` (``vouching46.diff``), for when the product code is main's:
    main's blend, or the second best similarity when that reaches the threshold and is higher."""
    score, index = main_story_score(scorer, story)
    if score == 0.0 and scorer.seats and scorer._other_seat(story):
        return score, index
    members = scorer.clusterer._members
    scored = sorted(
        (scorer.similarity(members[i]) for i in story.members[-STORY_SAMPLE:]), reverse=True
    )
    if len(scored) >= 2 and scored[1] >= scorer.clusterer.threshold and scored[1] > score:
        return scored[1], index
    return score, index


class VouchingScorer(Scorer):
    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        return vouching_story_score(self, story)


class VouchingClusterer(Clusterer):
    """Candidate B as a subclass (the product code reverted, ``vouching46.diff`` kept)."""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return VouchingScorer(self, cues, published)
