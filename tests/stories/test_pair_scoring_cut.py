"""Stop 45's cut of the pair scoring gives every pair's features, probability and similarity
bit for bit: the code it replaced is kept here (the member's weights found by
``cues - squared.keys()``, the shared cues read in four passes, the probability's products by a
generator over ``zip``) and both are run on every pair the clusterer scores over the development
stories (tests/data/stories_dev.jsonl, its first 600 items in publication order), with the
learned decision and with the hand factors. ``bench/stories_cpu45/pair_digest.py`` does the same
over every labelled file and the stage bench's items (532,392 pairs)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pytest
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import extract
from wirewatch_stories.offline import parse_published, processing_order
from wirewatch_stories.pair_cues import SALIENT_NUMBER, Member, same_figures
from wirewatch_stories.pair_model import MIN_COSINE, PAIR_SCALE, PairModel
from wirewatch_stories.scoring import (
    COUNTRY_CONFLICT_FACTOR,
    MIN_SHARED,
    REGION_CONFLICT_FACTOR,
    ROUTE_FACTOR,
    Scorer,
)

from tests.stories.support import dev_rows


def _old_probability(model: PairModel, features: Sequence[float]) -> float:
    z = math.fsum([model.intercept, *(w * f for w, f in zip(model.weights, features, strict=True))])
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class _Old:
    """Scorer.pair_features and the hand similarity until stop 45, over a scorer's own state
    (its squared weights are shared: each is computed once per decision either way)."""

    def __init__(self, scorer: Scorer) -> None:
        self.s = scorer

    def weigh(self, cues: Iterable[str]) -> list[float]:
        squared = self.s.squared
        cues = tuple(cues)
        self.s.clusterer.squared_weights(squared.keys().__rsub__(cues), squared)
        return list(map(squared.__getitem__, cues))

    def pair_cosine(self, member: Member, shared: frozenset[str]) -> tuple[float, float, bool]:
        s = self.s
        other = math.sqrt(math.fsum(self.weigh(member.cues)))
        dot = math.fsum(map(s.squared.__getitem__, shared))
        mine, theirs = s.norm, other
        two_languages = bool(s.language) and member.language not in ("", s.language)
        if s.fresh and two_languages:
            mine, theirs = s._shared_norms(member, shared)
        return dot, (mine * theirs) or 1.0, two_languages

    def pair_features(self, member: Member) -> tuple[float, ...] | None:
        s = self.s
        shared = s.cues.intersection(member.cues)
        if len(shared) < MIN_SHARED:
            return None
        country, region = s._place_factors(member)
        if region == 0.0:
            return None
        if s.reverses(member):  # stop 48's rule, not a part of stop 45's cut
            return None
        dot, norms, two_languages = self.pair_cosine(member, shared)
        revises = (s.update or member.update) and s._revises(member)
        days, stale, sequel = s._time_features(member, revises)
        count = s._count_factor(member, revises) < 1.0
        event = s._event_factor(member, revises) < 1.0
        kinds = {c[:2] for c in shared}
        squared = s.squared
        return (
            math.log(max(dot / norms, MIN_COSINE)),
            float(count),
            float(event),
            float(country == COUNTRY_CONFLICT_FACTOR),
            float(country == ROUTE_FACTOR),
            float(region == REGION_CONFLICT_FACTOR),
            float(stale),
            float(sequel),
            float(revises),
            days,
            float(two_languages),
            float(any(c[:2] == "n:" and int(c[2:]) >= SALIENT_NUMBER for c in shared)),
            float("x:" in kinds),
            float("d:" in kinds),
            float(bool(s.events & member.events)),
            float(same_figures(s.counts, member.counts)),
            math.fsum([squared[c] for c in shared if c[:2] == "w:"]) / norms,
            math.fsum([squared[c] for c in shared if c[:2] == "x:"]) / norms,
            math.fsum([squared[c] for c in shared if c[:2] == "n:"]) / norms,
            float(bool(s.courts and member.courts and not s.courts & member.courts)),
            float(bool(s.headline - member.headline and member.headline - s.headline)),
        )

    def hand_similarity(self, member: Member) -> float:
        s = self.s
        shared = s.cues.intersection(member.cues)
        if len(shared) < MIN_SHARED:
            return 0.0
        other = math.sqrt(math.fsum(self.weigh(member.cues)))
        dot = math.fsum(map(s.squared.__getitem__, shared))
        mine, theirs = s.norm, other
        if s.fresh and s.language and member.language not in ("", s.language):
            mine, theirs = s._shared_norms(member, shared)
        score = dot / ((mine * theirs) or 1.0)
        revises = (s.update or member.update) and s._revises(member)
        score *= s._count_factor(member, revises)
        score *= s._event_factor(member, revises)
        country, region = s._place_factors(member)
        score *= country
        score *= region
        if s.published is not None and not revises:
            score *= s._time_factor(member)
        return score


class _Comparing(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        value = super().similarity(member)
        clusterer = self.clusterer
        assert isinstance(clusterer, _Checked)
        old = _Old(self)
        model = self.model
        if model is None:
            assert value.hex() == old.hand_similarity(member).hex(), member.item_id
        else:
            features, expected = self.pair_features(member), old.pair_features(member)
            assert (features is None) == (expected is None), member.item_id
            if features is not None and expected is not None:
                assert list(map(float.hex, features)) == list(map(float.hex, expected))
                probability = model.probability(features)
                assert probability.hex() == _old_probability(model, expected).hex()
                assert value.hex() == (PAIR_SCALE * probability).hex()
                clusterer.compared += 1
        return value


class _Checked(Clusterer):
    compared = 0

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Comparing(self, cues, published)


@pytest.mark.parametrize("hand", [False, True])
def test_every_pair_scores_as_before_bit_for_bit(hand: bool) -> None:
    rows = dev_rows()
    clusterer = _Checked(pair_model=None) if hand else _Checked()
    for n in processing_order(rows)[:600]:
        row = rows[n]
        published = parse_published(row.get("published"))
        cues = extract(row["title"], row.get("summary", "")).cues
        clusterer.assign(str(row["id"]), cues, published.timestamp() if published else 0.0)
    assert hand or clusterer.compared > 2000


def test_the_probability_still_wants_every_feature() -> None:
    model = PairModel(intercept=0.0, weights=(1.0,) * 21)
    with pytest.raises(ValueError, match="21 features expected"):
        model.probability((1.0,) * 20)
