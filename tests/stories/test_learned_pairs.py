"""The learned pair decision (the twenty-sixth round, issue #13; the clusterer's default since stop
28): a logistic regression over the pair features the clusterer computes, in place of the hand
factors (``pair_model=None``: the fitting script only)."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import court_cues, extract
from wirewatch_stories.pair_cues import member
from wirewatch_stories.pair_model import (
    DAYS_CAP,
    LEARNED_PAIRS,
    MIN_COSINE,
    PAIR_FEATURES,
    PAIR_SCALE,
    PairModel,
)

T0 = datetime(2025, 2, 10, tzinfo=UTC).timestamp()
DAY = 86400.0
FLIGHT = frozenset({"c:HN", "c:US", "w:depor", "w:fligh", "w:mothe", "n:38", "l:en"})


def _features(
    left: frozenset[str], right: frozenset[str], gap_s: float = 0.0
) -> tuple[float, ...] | None:
    clusterer = Clusterer(pair_model=LEARNED_PAIRS)
    scorer = clusterer._scorer(left, T0 + gap_s)
    return scorer.pair_features(member("m", "st_m", right, T0))


def _read(left: frozenset[str], right: frozenset[str]) -> tuple[float, ...]:
    """The features of a pair the model compares (``_features`` is None for one it skips)."""
    features = _features(left, right)
    assert features is not None
    return features


def _index(name: str) -> int:
    return PAIR_FEATURES.index(name)


def test_the_shipped_table_has_one_weight_per_feature() -> None:
    assert len(LEARNED_PAIRS.weights) == len(PAIR_FEATURES)
    assert all(math.isfinite(w) for w in (LEARNED_PAIRS.intercept, *LEARNED_PAIRS.weights))
    with pytest.raises(ValueError):
        PairModel(intercept=0.0, weights=(1.0,))


def test_probability_is_the_logistic_of_the_weighted_features() -> None:
    zero = PairModel(intercept=0.0, weights=(0.0,) * len(PAIR_FEATURES))
    assert zero.probability([5.0] * len(PAIR_FEATURES)) == 0.5
    one = PairModel(intercept=-1.0, weights=(2.0,) + (0.0,) * (len(PAIR_FEATURES) - 1))
    features = [1.0] + [0.0] * (len(PAIR_FEATURES) - 1)
    assert one.probability(features) == pytest.approx(1 / (1 + math.exp(-1.0)))
    huge = PairModel(intercept=1e6, weights=(0.0,) * len(PAIR_FEATURES))
    assert huge.probability(features) == pytest.approx(1.0)  # no overflow either way
    assert PairModel(-1e6, huge.weights).probability(features) == pytest.approx(0.0)


def test_pair_features_read_the_evidence_of_a_pair() -> None:
    same = _features(FLIGHT, FLIGHT)
    assert same is not None and len(same) == len(PAIR_FEATURES)
    assert same[_index("log_cosine")] == pytest.approx(0.0)  # cosine 1
    assert same[_index("shared_count")] == 1.0 and same[_index("same_figures")] == 1.0
    assert same[_index("days_apart")] == 0.0 and same[_index("two_languages")] == 0.0
    other_count = (FLIGHT - {"n:38"}) | {"n:59"}
    apart = _features(other_count, FLIGHT, gap_s=4.5 * DAY)
    assert apart is not None
    assert apart[_index("count_conflict")] == 1.0 and apart[_index("stale")] == 1.0
    assert apart[_index("days_apart")] == DAYS_CAP  # capped
    assert apart[_index("log_cosine")] < 0.0
    spanish = (FLIGHT - {"l:en"}) | {"l:es"}
    assert _read(spanish, FLIGHT)[_index("two_languages")] == 1.0
    guatemala = (FLIGHT - {"c:HN"}) | {"c:GT"}
    assert _read(guatemala, FLIGHT)[_index("country_conflict")] == 1.0


def test_no_features_for_too_little_in_common_or_two_seats() -> None:
    assert _features(frozenset({"w:judg", "w:other"}), frozenset({"w:judg", "w:else"})) is None
    hawaii = frozenset({"s:HI", "w:judg", "w:ban", "e:ruling"})
    maryland = frozenset({"s:MD", "w:judg", "w:ban", "e:ruling"})
    assert _features(hawaii, maryland) is None
    assert Clusterer(pair_model=LEARNED_PAIRS).similarity(hawaii, maryland) == 0.0


def test_a_model_turns_the_similarity_into_a_scaled_probability() -> None:
    """With a model the similarity of a pair is PAIR_SCALE times its probability, so the
    default threshold (0.14) is even odds; without one the hand factors decide."""
    model = PairModel(intercept=0.0, weights=(1.0,) + (0.0,) * (len(PAIR_FEATURES) - 1))
    near = Clusterer(pair_model=model).similarity(FLIGHT, FLIGHT, published=(T0, T0))
    assert near == pytest.approx(PAIR_SCALE * 0.5)  # log cosine 0
    far = Clusterer(pair_model=model).similarity(
        frozenset({"w:depor", "w:fligh", "w:a", "w:b", "w:c"}),
        frozenset({"w:depor", "w:fligh", "w:d", "w:e", "w:f"}),
    )
    assert 0.0 < far < near
    assert MIN_COSINE > 0.0
    hand = Clusterer(pair_model=None).similarity(FLIGHT, FLIGHT)
    assert hand == pytest.approx(2.0)  # the hand factors: cosine 1, one route doubled


def test_the_learned_table_is_the_default() -> None:
    assert Clusterer().pair_model is LEARNED_PAIRS


def test_decisions_with_the_learned_table_are_deterministic() -> None:
    items = [
        ("a", FLIGHT, T0),
        ("b", (FLIGHT - {"l:en"}) | {"l:es", "w:madre"}, T0 + 3600),
        ("c", (FLIGHT - {"n:38", "c:HN"}) | {"n:59", "c:GT"}, T0 + 2 * DAY),
    ]
    runs = []
    for _ in range(2):
        clusterer = Clusterer(pair_model=LEARNED_PAIRS)
        runs.append([clusterer.assign(i, cues, when).story_id for i, cues, when in items])
    assert runs[0] == runs[1]


def test_headlines_name_court_levels() -> None:
    """Round 27: ``j:`` cues of the court levels a headline names (a headline naming two meets
    either; "high court" names none: the US Supreme Court, England's first instance)."""
    assert court_cues("Supreme Court lets asylum rule take effect, overriding judge") == {
        "j:supreme",
        "j:trial",
    }
    assert court_cues("Court of Appeal refuses to block Rwanda flight") == {"j:appeal"}
    assert court_cues("Corte de apelaciones de EU vuelve a suspender ley") == {"j:appeal"}
    assert court_cues("La Corte Suprema pausa el regreso del hombre deportado") == {"j:supreme"}
    assert court_cues("Jueza federal ordena liberar a migrantes") == {"j:trial"}
    assert court_cues("High Court: Admin Must Facilitate Return") == set()
    assert court_cues("Two flights land in Guatemala") == set()
    cues = extract("Judge orders families reunited within 30 days").cues
    assert "j:trial" in cues


def test_courts_of_different_levels_conflict_and_weigh_nothing() -> None:
    ruling = frozenset({"c:US", "w:ban", "w:trave", "w:order", "x:trump", "l:en"})
    judge, supreme = ruling | {"j:trial"}, ruling | {"j:supreme"}
    conflict = _index("court_conflict")
    assert _read(judge, supreme)[conflict] == 1.0
    assert _read(judge, judge | {"j:supreme"})[conflict] == 0.0
    assert _read(judge, ruling)[conflict] == 0.0
    assert LEARNED_PAIRS.weights[conflict] < 0.0
    # a cue of no weight: neither shared nor in the cosine
    assert _read(judge, supreme)[_index("log_cosine")] == pytest.approx(0.0)
    clusterer = Clusterer(pair_model=LEARNED_PAIRS)
    assert clusterer.similarity(judge, supreme) < clusterer.similarity(judge, judge)
