"""The learned topic model beside the rules: a linear model over words, word pairs and
character n-grams (see :mod:`wirewatch_classify.features`), and the calibration that
combines it with the rules into one probability.

Pure Python, no dependency: the weights are a JSON file shipped as package data
(``data/topic_model.json``, written by ``wirewatch train``; reviewable, no pickle).

For a topic, with ``raw`` the sum of the weights of its rules that fired (0 when
none did) and ``logit`` the linear model's log-odds,

    score = 1 / (1 + exp(-(a * clip(raw) + b * logit + c)))

where ``a``, ``b``, ``c`` are fitted by logistic regression on out-of-fold logits
of the train and dev splits (never test): the score is a calibrated probability.

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

from wirewatch_classify.features import ItemParts, token_features
from wirewatch_classify.text import normalise

MODEL_PATH = Path(__file__).resolve().parent / "data" / "topic_model.json"
FORMAT = 1
RAW_CLIP = (-4.0, 8.0)
MEMO_LIMIT = 200_000
MODEL_RULE = "model"
"""The rule name of a model-led tag and of its evidence."""


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Stack:
    """How a topic's rule sum and model logit combine into a calibrated probability."""

    rule: float
    model: float
    intercept: float
    threshold: float
    rules_version: int
    """The topic file version the combination was fitted with (other versions: rules only)."""

    def score(self, raw: float, logit: float) -> float:
        clipped = min(RAW_CLIP[1], max(RAW_CLIP[0], raw))
        z = self.rule * clipped + self.model * logit + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


class TopicModel:
    """Per-topic linear scores over an item's features, with per-token memoisation."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ModelFileError(f"unsupported model format {data.get('format')!r}")
        self.topics: tuple[str, ...] = tuple(data["topics"])
        self.bias: tuple[float, ...] = tuple(float(b) for b in data["bias"])
        width = len(self.topics)
        self.weights: dict[str, tuple[float, ...]] = {
            feature: tuple(float(w) for w in values) for feature, values in data["weights"].items()
        }
        if any(len(w) != width for w in self.weights.values()) or len(self.bias) != width:
            raise ModelFileError("every weight needs one value per topic")
        self.stacks: dict[str, Stack] = {
            topic: Stack(**values) for topic, values in data["stack"].items()
        }
        self.gates: dict[str, tuple[str, ...]] = {
            topic: tuple(groups) for topic, groups in data.get("gates", {}).items()
        }
        """Per topic, the groups of its topic file whose presence lets the model read an item."""
        self.card: dict[str, Any] = dict(data.get("card", {}))
        self._zero = (0.0,) * width
        self._memo: dict[str, tuple[float, ...]] = {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TopicModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data)
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ModelFileError(f"{path}: cannot load the topic model: {exc}") from exc

    def token_contribution(self, token: str) -> tuple[float, ...]:
        """Unscaled contribution of one distinct token (its word and n-gram features)."""
        found = self._memo.get(token)
        if found is not None:
            return found
        weights = self.weights
        totals = list(self._zero)
        for feature in token_features(token):
            w = weights.get(feature)
            if w is not None:
                for k, value in enumerate(w):
                    totals[k] += value
        result = tuple(totals)
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        self._memo[token] = result
        return result

    def logits(self, parts: ItemParts) -> list[float]:
        """The log-odds per topic (in ``self.topics`` order)."""
        totals = list(self._zero)
        contribution = self.token_contribution
        weights = self.weights
        for token in parts.tokens:
            for k, value in enumerate(contribution(token)):
                totals[k] += value
        for name in [*("t:" + t for t in parts.title_tokens), *("b:" + p for p in parts.pairs)]:
            w = weights.get(name)
            if w is not None:
                for k, value in enumerate(w):
                    totals[k] += value
        return [b + parts.scale * t for b, t in zip(self.bias, totals, strict=True)]

    def top_terms(self, parts: ItemParts, topic: str, limit: int = 4) -> list[str]:
        """The tokens that raise the topic's score most (the evidence of a model-led tag)."""
        k = self.topics.index(topic)
        scored: list[tuple[float, str]] = []
        for token in parts.tokens:
            value = self.token_contribution(token)[k]
            title = self.weights.get("t:" + token)
            if title is not None and token in parts.title_tokens:
                value += title[k]
            if value > 0:
                scored.append((value, token))
        scored.sort(key=lambda vt: (-vt[0], vt[1]))
        return [token for _, token in scored[:limit]]


@cache
def shipped_model() -> TopicModel | None:
    """The model shipped with the package, or None when the file is absent."""
    if not MODEL_PATH.exists():
        return None
    return TopicModel.load(MODEL_PATH)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def term_evidence(title: str, summary: str, terms: Sequence[str]) -> list[Evidence]:
    """Evidence for a model-led tag: the first occurrence of each term, title first."""
    wanted = set(terms)
    out: list[Evidence] = []
    for field, text in (("title", title), ("summary", summary)):
        norm = normalise(text)
        for token, (start, end) in zip(norm.tokens(), norm.spans(), strict=True):
            if token in wanted:
                wanted.discard(token)
                out.append(
                    Evidence.model_construct(
                        phrase=text[start:end],
                        field=field,  # type: ignore[arg-type]  # "title"/"summary"
                        start=start,
                        end=end,
                        rule=MODEL_RULE,
                    )
                )
    return out
