"""The learned topic model beside the rules: a linear model over words, word pairs and
character n-grams (see :mod:`wirewatch_classify.features`), and the calibration that
combines it with the rules into one probability.

Pure Python, no dependency: the weights are a JSON file shipped as package data
(``data/topic_model.json``, written by ``wirewatch train``; reviewable, no pickle).

For a topic, with ``pos`` / ``neg`` the sums of the positive / negative weights of
its rules that fired, ``excl`` 1 when the rules recognise a hard negative (an
exclusion masked a hit, or a strong context rule such as evacuation fired), and
``core`` 1 when a core group of the topic occurs (words for people removed or for
migration: a flight word alone is not enough), and ``logit_k`` the linear model's
log-odds for each topic k,

    score = 1 / (1 + exp(-(r * clip(pos) + n * clip(neg) + e * excl + k * core
                           + sum_k m_k * logit_k + c)))

where the coefficients are fitted by logistic regression on out-of-fold logits of
the fitted splits (train and dev, never test): the score is a calibrated probability.

The model's score of an item is a sum over its distinct tokens (plus title words and
word pairs), so each token's contribution is memoised: a typical item costs one
dictionary look-up per token and per word pair.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from wirewatch_shared.events import Evidence

from wirewatch_classify.features import (
    ItemParts,
    Pair,
    fold_number,
    pair_feature,
    title_feature,
    token_grams,
)
from wirewatch_classify.lexicon import FieldScan

MODEL_PATH = Path(__file__).resolve().parent / "data" / "topic_model.json"
FORMAT = 1
RAW_CLIP = 8.0
"""Rule sums are clipped to +-8 (beyond, the rules have long decided)."""
MEMO_LIMIT = 50_000
"""Distinct tokens whose contribution each memo keeps before it is reset (bounds memory:
two memos of 200,000 held ~55 MB; see lexicon._MEMO_LIMIT)."""
MODEL_RULE = "model"
"""The rule name of a model-led tag and of its evidence."""


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Stack:
    """How a topic's rule sum and model logit combine into a calibrated probability."""

    rule: float
    """Coefficient of the (clipped) sum of the positive rule weights that fired."""
    negative: float
    """Coefficient of the sum of the negative (context) rule weights that fired."""
    excluded: float
    """Coefficient of "the rules recognise a hard negative" (engine ``RuleView``)."""
    core: float
    """Coefficient of "a core group of the topic occurs" (``TopicModel.cores``: words
    for people removed or for migration, not just a flight word)."""
    model: tuple[float, ...]
    """One coefficient per model topic: the other topics' logits count too (a flight
    report with little policy language is evidence against border-policy)."""
    intercept: float
    threshold: float
    rules_version: int
    """The topic file version the combination was fitted with (other versions: rules only)."""

    def score(
        self, rules: tuple[float, float, float], core: bool, logits: Sequence[float]
    ) -> float:
        """``rules``: (positive rule sum, negative rule sum, excluded 0/1)."""
        positive, negative, excluded = rules
        z = self.rule * min(RAW_CLIP, positive) + self.negative * max(-RAW_CLIP, negative)
        z += self.excluded * excluded + self.core * core + self.intercept
        for coefficient, logit in zip(self.model, logits, strict=True):
            z += coefficient * logit
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


class TopicModel:
    """Per-topic linear scores over an item's features, with per-token memoisation."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ModelFileError(f"unsupported model format {data.get('format')!r}")
        self.topics: tuple[str, ...] = tuple(data["topics"])
        self.bias: tuple[float, ...] = tuple(float(b) for b in data["bias"])
        width = len(self.topics)
        weights: dict[str, tuple[float, ...]] = _shared_rows(data["weights"])
        if any(len(w) != width for w in weights.values()) or len(self.bias) != width:
            raise ModelFileError("every weight needs one value per topic")
        # The rows by kind and bare text (no prefix to build per look-up), the word pairs
        # by the pair itself; ``weights`` gives them back by full feature name.
        self._words, self._grams, self._title, self._pairs = _by_kind(weights)
        self.stacks: dict[str, Stack] = {
            topic: Stack(**{**values, "model": tuple(values["model"])})
            for topic, values in data["stack"].items()
        }
        if any(len(stack.model) != width for stack in self.stacks.values()):
            raise ModelFileError("every stack needs one model coefficient per topic")
        self.gates: dict[str, tuple[str, ...]] = {
            topic: tuple(groups) for topic, groups in data.get("gates", {}).items()
        }
        """Per topic, the groups of its topic file whose presence lets the model read an item."""
        self.cores: dict[str, tuple[str, ...]] = {
            topic: tuple(groups) for topic, groups in data.get("cores", {}).items()
        }
        """Per topic, the groups whose presence is the stack's ``core`` feature."""
        self.card: dict[str, Any] = dict(data.get("card", {}))
        self._zero = (0.0,) * width
        self._memo: dict[str, tuple[float, ...]] = {}
        self._memo_title: dict[str, tuple[float, ...]] = {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TopicModel:
        try:
            values: dict[str, float] = {}
            data = json.loads(
                path.read_text(encoding="utf-8"),
                parse_float=lambda text: values.setdefault(text, float(text)),
            )
            data["weights"] = _rows_consumed(data["weights"])
            return cls(data)
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ModelFileError(f"{path}: cannot load the topic model: {exc}") from exc

    @property
    def weights(self) -> dict[str, tuple[float, ...]]:
        """Every feature's row by its full name (``w:``, ``c:``, ``t:``, ``b:``), built
        on each call (for tests and diagnostics; the scorer keeps them by kind)."""
        out = {f"w:{f}": w for f, w in self._words.items()}
        out.update((f"c:{f}", w) for f, w in self._grams.items())
        out.update((f"t:{f}", w) for f, w in self._title.items())
        out.update((f"b:{pair_feature(p)}", w) for p, w in self._pairs.items())
        return out

    @property
    def remembered_tokens(self) -> int:
        """Tokens held by the two contribution memos (each at most ``MEMO_LIMIT`` + 1)."""
        return len(self._memo) + len(self._memo_title)

    def token_contribution(self, token: str) -> tuple[float, ...]:
        """Unscaled contribution of one distinct token (its word and n-gram features)."""
        found = self._memo.get(token)
        if found is not None:
            return found
        folded = fold_number(token)
        rows = [self._words.get(folded), *map(self._grams.get, token_grams(folded))]
        rows = [w for w in rows if w is not None]  # feature order: the word, then grams
        # Each topic's weights summed in feature order, as a loop from 0.0 would.
        result = tuple(map(sum, zip(*rows, strict=True))) if rows else self._zero
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        self._memo[token] = result
        return result

    def title_contribution(self, token: str) -> tuple[float, ...]:
        """Unscaled contribution of a distinct title token (its features + title word)."""
        found = self._memo_title.get(token)
        if found is not None:
            return found
        base = self.token_contribution(token)
        extra = self._title.get(title_feature(token))
        result = base if extra is None else tuple(a + b for a, b in zip(base, extra, strict=True))
        if len(self._memo_title) > MEMO_LIMIT:
            self._memo_title.clear()
        self._memo_title[token] = result
        return result

    def logits(self, parts: ItemParts) -> list[float]:
        """The log-odds per topic (in ``self.topics`` order)."""
        memo, memo_title = self._memo, self._memo_title
        title = parts.title_tokens
        rows = [
            (memo_title.get(t) or self.title_contribution(t))
            if t in title
            else (memo.get(t) or self.token_contribution(t))
            for t in parts.tokens
        ]
        # The pairs the model has a row for, in set order (a row is a non-empty tuple,
        # so filter(None, ...) drops exactly the pairs without one, in C).
        rows.extend(filter(None, map(self._pairs.get, parts.pairs)))
        scale = parts.scale
        columns = zip(*rows, strict=True) if rows else ((0.0,) for _ in self.bias)
        return [b + scale * sum(column) for b, column in zip(self.bias, columns, strict=True)]

    def top_terms(self, parts: ItemParts, topic: str, limit: int = 4) -> list[str]:
        """The tokens that raise the topic's score most (the evidence of a model-led tag)."""
        k = self.topics.index(topic)
        scored: list[tuple[float, str]] = []
        for token in parts.tokens:
            if token in parts.title_tokens:
                value = self.title_contribution(token)[k]
            else:
                value = self.token_contribution(token)[k]
            if value > 0:
                scored.append((value, token))
        scored.sort(key=lambda vt: (-vt[0], vt[1]))
        return [token for _, token in scored[:limit]]


Rows = dict[str, tuple[float, ...]]


def _by_kind(weights: Rows) -> tuple[Rows, Rows, Rows, dict[Pair, tuple[float, ...]]]:
    """The rows of words, character grams and title words by their bare text, and of word
    pairs by the pair itself (what ``ItemParts.pairs`` holds, its tokens stored once).
    Empties ``weights`` as it goes (each full name is freed once filed); a feature of
    another kind is not scored, so it is not kept."""
    kinds: dict[str, Rows] = {"w:": {}, "c:": {}, "t:": {}}
    tokens: dict[str, str] = {}
    pairs: dict[Pair, tuple[float, ...]] = {}
    while weights:
        feature, row = weights.popitem()
        kind, bare = feature[:2], feature[2:]
        if kind == "b:":
            first, _, second = bare.partition(" ")
            pairs[tokens.setdefault(first, first), tokens.setdefault(second, second)] = row
        elif kind in kinds:
            kinds[kind][bare] = row
    return kinds["w:"], kinds["c:"], kinds["t:"], pairs


def _shared_rows(weights: dict[str, list[float]]) -> dict[str, tuple[float, ...]]:
    """The weight rows, equal rows and equal values stored once: half the features share
    a row and only ~11,000 values are distinct, which keeps ~6 MB off every classify
    process."""
    values: dict[float, float] = {}
    rows: dict[tuple[float, ...], tuple[float, ...]] = {}
    out: dict[str, tuple[float, ...]] = {}
    for feature, row in weights.items():
        key = tuple(values.setdefault(float(w), float(w)) for w in row)
        out[feature] = rows.setdefault(key, key)
    return out


def _rows_consumed(weights: dict[str, list[float]]) -> dict[str, tuple[float, ...]]:
    """:func:`_shared_rows` that empties ``weights`` as it goes: each parsed list is freed
    as its row is made, so the rows reuse that memory (loading peaked at ~30 MB, and
    the process kept it)."""
    rows: dict[tuple[float, ...], tuple[float, ...]] = {}
    out: dict[str, tuple[float, ...]] = {}
    while weights:
        feature, row = weights.popitem()
        key = tuple(row)
        out[feature] = rows.setdefault(key, key)
    return out


@cache
def shipped_model() -> TopicModel | None:
    """The model shipped with the package, or None when the file is absent."""
    if not MODEL_PATH.exists():
        return None
    return TopicModel.load(MODEL_PATH)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def term_evidence(scans: Sequence[FieldScan], terms: Sequence[str]) -> list[Evidence]:
    """Evidence for a model-led tag: the first occurrence of each term, title first."""
    wanted = set(terms)
    out: list[Evidence] = []
    for scan in scans:
        for index, token in enumerate(scan.tokens):
            if token not in wanted:
                continue
            wanted.discard(token)
            start, end = scan.token_span(index)
            out.append(span_evidence(scan, start, end, MODEL_RULE))
    return out


def span_evidence(scan: FieldScan, start: int, end: int, rule: str) -> Evidence:
    """The evidence for characters ``start:end`` of a scanned field, found by ``rule``
    (built from the engine's own values: no validation needed)."""
    return Evidence.model_construct(
        phrase=scan.norm.original[start:end],
        field=scan.name,  # type: ignore[arg-type]  # always "title"/"summary"
        start=start,
        end=end,
        rule=rule,
    )
