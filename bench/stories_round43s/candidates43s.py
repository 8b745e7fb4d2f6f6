"""The round's candidate decisions (stop 43, stsplit43), fixed before the held-out run: each a
clusterer that differs from the shipped one in one relaxed join of ``Clusterer.decide`` (which
story an item joins, the pair model's scores unchanged); ``measure43s.py`` names them.

Each candidate lets an item whose best story scores below the threshold join it when one
condition holds, besides the shipped young rule (``cluster.YOUNG_SIZE`` / ``YOUNG_SHARE``),
which every candidate keeps. Parameters chosen on the design files only (``study43s.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from wirewatch_stories.cluster import (
    YOUNG_SHARE,
    YOUNG_SIZE,
    Clusterer,
    Decision,
    Story,
    story_id_for,
)
from wirewatch_stories.scoring import RECENT_S, YOUNG_S, Scorer


class _Relaxed(Clusterer):
    """``Clusterer.decide`` with one more way to join the best story (:meth:`takes`)."""

    def decide(self, item_id: str, cues: Iterable[str], published: float) -> Decision:
        existing = self.story_of(item_id)
        if existing is not None:
            return Decision(existing, False, 1.0, (), None)
        cue_set = frozenset(cues)
        scored: list[tuple[float, int, Story]] = []
        scorer = self._scorer(cue_set, published)
        for story in self._candidates(cue_set, published):
            score, index = scorer.story_score(story)
            scored.append((score, index, story))
        best: tuple[float, int, Story] | None = None
        for entry in scored:  # the first of the highest, as the shipped loop
            if best is None or entry[0] > best[0]:
                best = entry
        if best is None:
            return Decision(story_id_for(item_id), True, 0.0, (), None)
        score, index, story = best
        runner = max((s for s, _, st in scored if st is not story), default=0.0)
        if score >= self.threshold or (
            score >= self.threshold * YOUNG_SHARE
            and len(story.members) <= YOUNG_SIZE
            and abs(published - story.first) <= YOUNG_S
            and not scorer.countries_conflict(story)
        ):
            return self._join(cue_set, (score, index))
        if self.takes(scorer, story, score, runner, published):
            return self._join(cue_set, (score, index))
        return Decision(story_id_for(item_id), True, score, (), None)

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        return False


class _Quiet(_Relaxed):
    """A quiet story (no item within ``RECENT_S``, 36 h, before the item: every pair of the
    item with it is a stale one, cut by the pair model) takes the item from ``share`` of the
    threshold on, when no country of theirs conflicts (a late follow-up, 2-3 days on)."""

    share = 0.5

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        return (
            score >= self.threshold * self.share
            and published - story.last > RECENT_S
            and not scorer.countries_conflict(story)
        )


class _Quiet75(_Quiet):
    share = 0.75


class _QuietCourts(_Quiet):
    """:class:`_Quiet`, unless a member's headline names a court level and none of the item's
    (the next court's ruling on one affair, days on, is the next event: an appeal after the
    High Court's refusal)."""

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        if not super().takes(scorer, story, score, runner, published):
            return False
        courts = scorer.courts
        members = self._members
        return not any(
            courts and members[i].courts and not courts & members[i].courts for i in story.members
        )


class _QuietCourts75(_QuietCourts):
    share = 0.75


class _Uncontested(_Relaxed):
    """The best story scores from ``share`` of the threshold on, the runner-up below
    ``margin`` of the best, and no country conflicts."""

    share = 0.75
    margin = 0.25

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        return (
            score >= self.threshold * self.share
            and runner < self.margin * score
            and not scorer.countries_conflict(story)
        )


class _YoungByLatest(_Relaxed):
    """The young rule with its time condition read from the story's latest item."""

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        return (
            score >= self.threshold * YOUNG_SHARE
            and len(story.members) <= YOUNG_SIZE
            and abs(published - story.last) <= YOUNG_S
            and not scorer.countries_conflict(story)
        )


class _SameRoute(_Relaxed):
    """A story every member of which names the item's countries (two or more: a route) and
    whose headlines name the item's headline countries takes it from ``share`` of the
    threshold on."""

    share = 0.75

    def takes(
        self, scorer: Scorer, story: Story, score: float, runner: float, published: float
    ) -> bool:
        if score < self.threshold * self.share or len(scorer.countries) < 2:
            return False
        members = [self._members[i] for i in story.members]
        return all(
            m.countries == scorer.countries and m.headline == scorer.headline for m in members
        )


CANDIDATES: dict[str, Callable[[], Clusterer]] = {
    "identity": _Relaxed,  # a check: the shipped decision, rewritten here (figures = main's)
    "quiet": _Quiet,
    "quiet75": _Quiet75,
    "quiet_courts": _QuietCourts,
    "quiet_courts75": _QuietCourts75,
    "uncontested": _Uncontested,
    "young_latest": _YoungByLatest,
    "same_route": _SameRoute,
}
