"""Features of the learned topic model: words, word pairs and character n-grams.

Pure and dependency-free: the same function builds the training matrix
(``wirewatch train``) and scores an item at run time, so the two can never drift.

An item's features, over the folded text (case and accents dropped, anything
that is not a letter or digit a space, as the rules see it):

- ``w:<token>`` for each distinct token of title and summary;
- ``c:<gram>`` the character 3- to 5-grams of each distinct token padded with
  spaces (``" vuelo "`` gives ``" vu"``, ``"vue"``, ... ``"elo "``): they carry
  inflection (``deportados``/``deportees``/``deported`` share ``"deport"`` grams)
  and Spanish/English cognates;
- ``t:<token>`` once more for each distinct token of the title (headlines carry
  the topic);
- ``b:<token> <token>`` for each distinct pair of adjacent tokens in a field.

Every run of digits is folded to ``#`` before any feature is made (``"118"`` is
``"#"``, ``"c17"`` is ``"c#"``, the pair ``"flight 118"`` is ``"flight #"``): a
particular number says nothing about a topic, but its n-grams were fitted as if it
did ("Deportation flight 118 ..." scored 0.52 for border-policy through the grams of
``"118"``). Counts still count: ``"# deportados"`` is one feature for every headcount.

The item vector is the sum of these indicator vectors (a gram shared by two tokens
counts twice), scaled by ``1 / sqrt(max(distinct tokens + distinct pairs, MIN_COUNT))``. Because it
is a sum over distinct tokens, a linear model's score decomposes into per-token
contributions, which the run-time scorer memoises per token (news vocabulary is
Zipfian) and which are the evidence of a model-led tag.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from itertools import pairwise

from wirewatch_classify.text import normalise

MIN_GRAM = 3
MAX_GRAM = 5
MIN_COUNT = 24
"""Short items (a headline alone) are scaled as if they had this many features, so a
single strong word in a four-word title does not weigh like a whole story."""


NUMBER = "#"
"""The one token class of every run of digits (never a folded token: ``#`` folds to a space)."""
_DIGITS = re.compile(r"\d+")


def fold_number(token: str) -> str:
    """The token with each run of digits folded to ``NUMBER``."""
    return token if token.isalpha() else _DIGITS.sub(NUMBER, token)


def tokens(text: str) -> list[str]:
    """The folded tokens of a field."""
    return normalise(text).text.split()


def token_features(token: str) -> list[str]:
    """The features one distinct token contributes (word + its character n-grams)."""
    token = fold_number(token)
    return [f"w:{token}", *("c:" + gram for gram in token_grams(token))]


def token_grams(folded: str) -> list[str]:
    """The character n-grams of a token whose numbers are folded, padded with spaces,
    shortest first (without their ``c:`` prefix)."""
    padded = f" {folded} "
    size = len(padded)
    return [padded[i : i + n] for n in range(MIN_GRAM, MAX_GRAM + 1) for i in range(size - n + 1)]


def title_feature(token: str) -> str:
    """The title-word feature of a distinct title token, without its ``t:`` prefix."""
    return fold_number(token)


Pair = tuple[str, str]
"""Two adjacent tokens, numbers folded: the feature ``b:<first> <second>`` (see
:func:`pair_feature`). Kept as a tuple at run time: hashing a tuple reuses its two
tokens' cached hashes, where the joined string would be built and hashed anew."""


def pairs(field_tokens: list[str]) -> set[Pair]:
    """The distinct adjacent pairs of a field's tokens, numbers folded."""
    if "".join(field_tokens).isalpha():  # no digit in the field (most): nothing to fold
        return set(pairwise(field_tokens))
    folded = [t if t.isalpha() else _DIGITS.sub(NUMBER, t) for t in field_tokens]
    return set(pairwise(folded))


def pair_feature(pair: Pair) -> str:
    """The pair's feature name without its ``b:`` prefix: the two tokens, one space apart
    (tokens never contain a space, so distinct pairs give distinct names)."""
    return f"{pair[0]} {pair[1]}"


class ItemParts:
    """The distinct tokens, title tokens and pairs of an item, and its scale factor."""

    __slots__ = ("pairs", "scale", "title_tokens", "tokens")

    def __init__(self, title_tokens: list[str], summary_tokens: list[str]) -> None:
        """From the folded tokens of each field (the classifier's scans have them)."""
        self.title_tokens = set(title_tokens)
        self.tokens = self.title_tokens.union(summary_tokens)
        self.pairs = pairs(title_tokens) | pairs(summary_tokens)
        count = len(self.tokens) + len(self.pairs)
        self.scale = 1.0 / math.sqrt(max(count, MIN_COUNT))

    @classmethod
    def of(cls, title: str, summary: str) -> ItemParts:
        return cls(tokens(title), tokens(summary))


def item_features(title: str, summary: str) -> dict[str, float]:
    """The full (scaled) feature vector of an item, as used for training."""
    parts = ItemParts.of(title, summary)
    vector: dict[str, float] = {}
    for token in parts.tokens:
        for feature in token_features(token):
            vector[feature] = vector.get(feature, 0.0) + 1.0
    for token in parts.title_tokens:
        # Summed like the grams: two numbers in a title are two "t:#" (the scorer adds
        # one per distinct title token).
        feature = "t:" + title_feature(token)
        vector[feature] = vector.get(feature, 0.0) + 1.0
    for pair in parts.pairs:
        vector["b:" + pair_feature(pair)] = 1.0
    return {f: v * parts.scale for f, v in vector.items()}


def feature_names(vectors: Iterable[dict[str, float]]) -> list[str]:
    """Every feature of these vectors, sorted (a deterministic column order)."""
    names: set[str] = set()
    for vector in vectors:
        names.update(vector)
    return sorted(names)
