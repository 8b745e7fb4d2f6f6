"""The classifier's fast paths give what their straightforward versions give, on the
real items of the dev set (docs/classify.md, "Benchmarks")."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from wirewatch_classify import engine
from wirewatch_classify.engine import Classifier
from wirewatch_classify.features import (
    ItemParts,
    fold_number,
    pair_feature,
    pairs,
    token_features,
    tokens,
)
from wirewatch_classify.model import TopicModel

DEV = Path(__file__).resolve().parents[1] / "data" / "classify_dev.jsonl"


@pytest.fixture(scope="module")
def items() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [(str(r["title"]), str(r["summary"])) for r in rows]


def _plain_contribution(weights: dict[str, tuple[float, ...]], token: str) -> tuple[float, ...]:
    """A token's contribution the plain way: its features' rows summed in feature order."""
    totals = [0.0, 0.0]
    for feature in token_features(token):
        row = weights.get(feature)
        if row is not None:
            for k, value in enumerate(row):
                totals[k] += value
    return tuple(totals)


def test_token_contributions_are_the_feature_sums(items: list[tuple[str, str]]) -> None:
    """Bit for bit, for every distinct token of the dev set, title tokens too."""
    model = TopicModel.load()  # a fresh model: every token goes through the memo's miss path
    assert len(model.topics) == 2
    weights = model.weights
    title_words = {f: w for f, w in weights.items() if f.startswith("t:")}
    seen: set[str] = set()
    for title, summary in items:
        for token in {*tokens(title), *tokens(summary)} - seen:
            seen.add(token)
            expected = _plain_contribution(weights, token)
            assert model.token_contribution(token) == expected
            extra = title_words.get("t:" + fold_number(token))
            if extra is not None:
                expected = tuple(a + b for a, b in zip(expected, extra, strict=True))
            assert model.title_contribution(token) == expected
    assert len(seen) > 2000


def test_pairs_are_the_joined_pairs(items: list[tuple[str, str]]) -> None:
    for title, summary in items:
        for field in (tokens(title), tokens(summary)):
            plain = {f"{a} {b}" for a, b in pairwise([fold_number(t) for t in field])}
            found = pairs(field)
            assert {pair_feature(p) for p in found} == plain
            assert len(found) == len(plain)


def test_logits_are_the_plain_weighted_sum(items: list[tuple[str, str]]) -> None:
    """Within 1e-12 (the order of the sum follows set order, which follows string hashes)."""
    model = TopicModel.load()
    weights = model.weights
    for title, summary in items:
        parts = ItemParts.of(title, summary)
        columns = [_plain_contribution(weights, t) for t in parts.tokens]
        columns += [
            weights["t:" + fold_number(t)]
            for t in parts.title_tokens
            if "t:" + fold_number(t) in weights
        ]
        columns += [
            weights["b:" + pair_feature(p)]
            for p in parts.pairs
            if "b:" + pair_feature(p) in weights
        ]
        for k, (bias, logit) in enumerate(zip(model.bias, model.logits(parts), strict=True)):
            plain = bias + parts.scale * sum(c[k] for c in columns)
            assert logit == pytest.approx(plain, abs=1e-12)


def test_only_possible_rules_are_tried(
    classifier: Classifier, items: list[tuple[str, str]]
) -> None:
    """Skipping the rules whose groups are absent (context rules too) fires the same rules
    with the same hits as trying every rule."""
    for title, summary in items:
        groups = classifier._scan(title, summary)
        for topic in classifier._compiled.values():
            kept = engine._masked(topic, groups)
            if kept is None:
                continue
            plain = [(r, hits) for r in topic.rules if (hits := r.fire(kept))]
            assert engine._fire_kept(topic, kept) == plain


def test_prefix_heads_cover_every_prefix(classifier: Classifier) -> None:
    """A token is looked up among the prefix patterns only when its first three letters
    start one: every prefix pattern is at least that long and its head is listed."""
    lexicon = classifier.lexicon
    assert lexicon._prefix
    for prefix in lexicon._prefix:
        assert len(prefix) >= 3 and prefix[:3] in lexicon._prefix_heads
