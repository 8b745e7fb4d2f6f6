"""The learned status arbiter beside the rules (issue 15, stop 31): a 3-class logistic
regression (completed / planned / blocked) over the words, title words, word pairs and
character n-grams of title and lede, plus the rules' own status cue, as classify's topic
model is beside its rules (docs/measurements/flights.md, "Learned status").

Pure Python, no dependency: the weights are a JSON file shipped as package data
(``data/status_model.json``, written by ``wirewatch train``; reviewable, no pickle). The
same :func:`features` builds the training matrix and scores an item, so the two cannot
drift.

Arbitration (:func:`arbitrate`): the rules' status stands unless the model's most likely
status differs from it with a probability at least the threshold of the rules' cue kind:
``none`` (no cue: the rules' default "completed"), ``weak`` (a completed cue without a
finite verb, "deported", "a bordo") or ``strong`` (any other cue). The thresholds are
chosen by out-of-fold figures on the training files (:mod:`wirewatch_flights.training`).
A model-led status's evidence is the span of the token that contributes most to it.
"""

from __future__ import annotations

import json
import math
import re
import sys
from functools import cache
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

from wirewatch_flights.model import Clue, Span, Status
from wirewatch_flights.status_cues import ALREADY, COMPLETED_FINITE
from wirewatch_flights.text import fold

FORMAT = 1
MODEL_PATH = Path(__file__).parent / "data" / "status_model.json"
CLASSES: tuple[Status, ...] = ("completed", "planned", "blocked")
KINDS = ("none", "weak", "strong")
MIN_GRAM = 3
MAX_GRAM = 5
MIN_COUNT = 24
"""Short items are scaled as if they had this many features (classify's convention)."""
NUMBER = "#"
MEMO = 10_000
"""Tokens whose contribution is remembered (the model's own words always are); ~240 bytes
each, so the memo stays within ~2.5 MB of the flights stage's 150 MB."""
_TOKEN = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")


class ModelFileError(ValueError):
    """The status model file is unreadable or malformed."""


def cue_kind(clue: Clue) -> str:
    """How strong the rules' status cue is: ``none``, ``weak`` or ``strong``."""
    if not clue.span.phrase:
        return "none"
    if clue.value == "completed":
        phrase = fold(clue.span.phrase)
        if not (COMPLETED_FINITE.fullmatch(phrase) or ALREADY.fullmatch(phrase)):
            return "weak"
    return "strong"


def rule_features(clue: Clue) -> list[str]:
    """The rules' cue as features (unscaled, value 1): its status, kind and place."""
    kind = cue_kind(clue)
    return [f"r:{clue.value}", f"r:{clue.value}:{kind}", f"r:{clue.value}:{clue.span.source}"]


def grams(token: str) -> list[str]:
    """The character n-grams of a (number-folded) token padded with spaces."""
    padded = f" {token} "
    size = len(padded)
    return [padded[i : i + n] for n in range(MIN_GRAM, MAX_GRAM + 1) for i in range(size - n + 1)]


def token_features(token: str) -> list[str]:
    """The features one distinct token contributes: its word and its n-grams."""
    return [f"w:{token}", *("c:" + g for g in grams(token))]


class Text:
    """The distinct tokens (numbers folded), title tokens and pairs of an item, its scale,
    and where each token first occurs (title first) in the original text (:meth:`span`)."""

    __slots__ = ("pairs", "scale", "texts", "title_tokens", "tokens")

    def __init__(self, title: str, summary: str) -> None:
        self.texts = (title, summary)
        self.pairs: set[tuple[str, str]] = set()
        fields = [_tokens(fold(text)) for text in self.texts]
        for found in fields:
            self.pairs.update(pairwise(found))
        self.title_tokens = set(fields[0])
        self.tokens = self.title_tokens.union(fields[1])
        self.scale = 1.0 / math.sqrt(max(len(self.tokens) + len(self.pairs), MIN_COUNT))

    def span(self, token: str) -> Span:
        """The span of the token's first occurrence in the original text (read again here:
        only a status the model overrules asks for it)."""
        for k, text in enumerate(self.texts):
            for m in _TOKEN.finditer(fold(text)):
                if _number_folded(m.group()) == token:
                    start, end = m.span()
                    return Span("summary" if k else "title", start, end, text[start:end])
        raise KeyError(token)


def _number_folded(token: str) -> str:
    return token if token.isalpha() else _DIGITS.sub(NUMBER, token)


def _tokens(folded: str) -> list[str]:
    """The tokens of a folded text in order, numbers folded ("#"): ``_number_folded`` of each,
    written out (one call fewer per token, on every record)."""
    sub = _DIGITS.sub
    return [t if t.isalpha() else sub(NUMBER, t) for t in _TOKEN.findall(folded)]


def features(title: str, summary: str, clue: Clue) -> dict[str, float]:
    """The full feature vector of an item and the rules' status cue (training)."""
    text = Text(title, summary)
    vector: dict[str, float] = {}
    for token in text.tokens:
        for name in token_features(token):
            vector[name] = vector.get(name, 0.0) + 1.0
    for token in text.title_tokens:
        vector["t:" + token] = 1.0
    for a, b in text.pairs:
        vector[f"b:{a} {b}"] = 1.0
    out = {name: value * text.scale for name, value in vector.items()}
    out.update(dict.fromkeys(rule_features(clue), 1.0))
    return out


Row = tuple[float, ...]


def _rows(weights: dict[str, list[Any]]) -> dict[str, Row]:
    """The weight rows as tuples. Rounded weights repeat: one float object per value and
    one tuple per distinct row (about half the rows) keep the loaded model small (the
    flights stage's RSS budget is 150 MB)."""
    values: dict[float, float] = {}
    rows: dict[Row, Row] = {}
    out: dict[str, Row] = {}
    for name, row in weights.items():
        floats = tuple(values.setdefault(float(w), float(w)) for w in row)
        out[name] = rows.setdefault(floats, floats)
    return out


def _kind(weights: dict[str, Row], prefix: str, *, keep_prefix: bool = False) -> dict[str, Row]:
    """The rows of one feature kind, by name without its prefix (or with it); names are
    interned, so a word and the pairs it is part of share one string."""
    cut = 0 if keep_prefix else len(prefix)
    return {sys.intern(name[cut:]): row for name, row in weights.items() if name.startswith(prefix)}


class StatusModel:
    """The shipped weights: one row of three (one per class) per feature."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT or tuple(data.get("classes", ())) != CLASSES:
            raise ModelFileError("unknown status model format")
        self.bias = tuple(float(b) for b in data["bias"])
        weights = _rows(data["weights"])
        if len(self.bias) != len(CLASSES) or any(len(r) != len(CLASSES) for r in weights.values()):
            raise ModelFileError("every weight needs one value per class")
        self.thresholds: dict[str, float] = {k: float(data["thresholds"][k]) for k in KINDS}
        self.card: dict[str, Any] = dict(data.get("card", {}))
        self._zero = (0.0,) * len(CLASSES)
        # One table per feature kind, by the name's rest (no table of full names is kept).
        self._rules = _kind(weights, "r:", keep_prefix=True)
        self._words = _kind(weights, "w:")
        self._grams = _kind(weights, "c:")
        self._title = _kind(weights, "t:")
        self._pairs = {
            tuple(sys.intern(w) for w in n.split(" ", 1)): r
            for n, r in _kind(weights, "b:").items()
        }
        self._known = {word: self._sum(word) for word in self._words}
        self._memo: dict[str, tuple[float, ...]] = dict(self._known)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> StatusModel:
        try:
            # one float object per distinct number while parsing, too (the load's passing
            # memory comes on top of the stage's imports)
            floats: dict[str, float] = {}
            text = path.read_text(encoding="utf-8")
            return cls(json.loads(text, parse_float=lambda s: floats.setdefault(s, float(s))))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ModelFileError(f"{path}: cannot load the status model: {exc}") from exc

    def _sum(self, token: str) -> tuple[float, ...]:
        """Unscaled contribution of one distinct token: the sum of the rows of
        :func:`token_features`, without building their names."""
        a, b, c = self._words.get(token) or self._zero
        padded = f" {token} "
        size = len(padded)
        gram = self._grams.get
        for n in range(MIN_GRAM, MAX_GRAM + 1):
            for i in range(size - n + 1):
                row = gram(padded[i : i + n])
                if row:
                    a += row[0]
                    b += row[1]
                    c += row[2]
        return (a, b, c)

    def _token(self, token: str) -> tuple[float, ...]:
        """:meth:`_sum`, remembered (the model's own words from the start)."""
        found = self._memo.get(token)
        if found is None:
            found = self._sum(token)
            if len(self._memo) > MEMO:
                self._memo = dict(self._known)
            self._memo[token] = found
        return found

    def contributions(self, text: Text) -> dict[str, tuple[float, ...]]:
        """Each distinct token's scaled contribution (word, grams, title word, its pairs)."""
        out: dict[str, list[float]] = {}
        for token in text.tokens:
            row = list(self._token(token))
            if token in text.title_tokens:
                extra = self._title.get(token)
                if extra:
                    row = [a + b for a, b in zip(row, extra, strict=True)]
            out[token] = row
        for a, b in text.pairs:
            pair = self._pairs.get((a, b))
            if pair:  # half to each of its two tokens
                for token in (a, b):
                    out[token] = [x + y / 2 for x, y in zip(out[token], pair, strict=True)]
        return {t: tuple(v * text.scale for v in row) for t, row in out.items()}

    def logits(self, text: Text, clue: Clue) -> list[float]:
        """The class scores (``CLASSES`` order): bias, the scaled sum of every token's,
        title word's and pair's weights, and the rules' cue (the sum of
        :meth:`contributions`, computed without them: this runs on every record)."""
        a = b = c = 0.0
        token_row = self._token
        for token in text.tokens:
            row = token_row(token)
            a += row[0]
            b += row[1]
            c += row[2]
        titles = map(self._title.get, text.title_tokens)
        for extra in chain(titles, map(self._pairs.get, text.pairs)):
            if extra:
                a += extra[0]
                b += extra[1]
                c += extra[2]
        scale = text.scale
        out = [self.bias[0] + a * scale, self.bias[1] + b * scale, self.bias[2] + c * scale]
        for name in rule_features(clue):
            extra = self._rules.get(name)
            if extra:
                out = [z + w for z, w in zip(out, extra, strict=True)]
        return out

    def probabilities(self, text: Text, clue: Clue) -> list[float]:
        """The softmax probability of each class (``CLASSES`` order)."""
        return softmax(self.logits(text, clue))


def softmax(logits: list[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def decide(probs: list[float], rule: Status, kind: str, thresholds: dict[str, float]) -> Status:
    """The arbitration: the model's best status where it differs from the rules' with a
    probability at least the threshold of the rules' cue kind; else the rules' status."""
    best = max(range(len(CLASSES)), key=lambda k: probs[k])
    if CLASSES[best] != rule and probs[best] >= thresholds[kind]:
        return CLASSES[best]
    return rule


def arbitrate(model: StatusModel, title: str, summary: str, clue: Clue) -> Clue:
    """The status clue after the model has had its say: the rules' clue, or the model's
    status with the span of its strongest contributing token as evidence."""
    kind = cue_kind(clue)
    if model.thresholds[kind] > 1.0:
        return clue  # the model never overrules this kind: not scored
    text = Text(title, summary)
    probs = model.probabilities(text, clue)
    status = decide(probs, clue.value, kind, model.thresholds)  # type: ignore[arg-type]
    if status == clue.value:
        return clue
    parts = model.contributions(text)
    k = CLASSES.index(status)
    others = [j for j in range(len(CLASSES)) if j != k]
    token = max(parts, key=lambda t: (parts[t][k] - max(parts[t][j] for j in others), t))
    return Clue("status", status, text.span(token))


@cache
def shipped_model() -> StatusModel | None:
    """The status model shipped with the package, or None when the file is absent."""
    if not MODEL_PATH.exists():
        return None
    return StatusModel.load(MODEL_PATH)
