"""A topic defined by example items ("more like this"): the examples become a query.

The query is ``ATLEAST/n (term term ...)``: the words the examples share most, each
written as a prefix when it is long enough to inflect (``deport*`` covers "deported",
"deportation", "deportados"), and ``n`` chosen so that most examples match. The result is
an ordinary user-topic query: the user can read it, edit it and keep it, it is stored,
announced and matched like any other, and every alert shows the words that matched.
This is Lucene's "more like this" (top terms, "minimum should match") without an index:
the examples' own document frequencies rank the terms, and English and Spanish stop words
(the ``stop-words`` package) are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache

from stop_words import get_stop_words

from wirewatch_classify.features import tokens
from wirewatch_classify.text import fold

MIN_EXAMPLES = 10
"""Fewer examples share too few words to tell a topic from chance."""
MAX_EXAMPLES = 1000
MAX_TERMS = 15
MIN_SHARE = 0.15
"""A term must occur in at least this share of the examples (and in two of them)."""
COVERAGE = 0.8
"""``n`` is the largest count that at least this share of the examples still reaches."""
STEM = 6
"""Words of this length or longer become the prefix of their first ``STEM`` letters (a
six-letter word is its own stem: "russia" and "russian" are one term, ``russia*``)."""

Example = tuple[str, str]
"""An example item: its title and summary."""


class TooFewExamplesError(ValueError):
    """Fewer examples than :data:`MIN_EXAMPLES`, or none sharing any word."""


@cache
def _stop_words() -> frozenset[str]:
    words = [*get_stop_words("english"), *get_stop_words("spanish")]
    return frozenset(folded for w in words for folded in fold(w).split())


def _term(token: str) -> str:
    return f"{token[:STEM]}*" if len(token) >= STEM else token


def example_terms(example: Example) -> set[str]:
    """The candidate terms of one example: content words, long ones as prefixes."""
    stop = _stop_words()
    return {
        _term(t)
        for t in tokens(f"{example[0]} {example[1]}")
        if t.isalpha() and len(t) >= 3 and t not in stop
    }


def like_query(examples: Sequence[Example]) -> str:
    """The ``ATLEAST/n (...)`` query of a topic defined by these example items."""
    if not MIN_EXAMPLES <= len(examples) <= MAX_EXAMPLES:
        raise TooFewExamplesError(
            f"a topic by example needs {MIN_EXAMPLES} to {MAX_EXAMPLES} example items, "
            f"got {len(examples)}"
        )
    per_example = [example_terms(e) for e in examples]
    frequency = Counter(t for terms in per_example for t in terms)
    floor = max(2, math.ceil(MIN_SHARE * len(examples)))
    ranked = sorted(
        (t for t, n in frequency.items() if n >= floor), key=lambda t: (-frequency[t], t)
    )
    chosen = ranked[:MAX_TERMS]
    if len(chosen) < 2:
        raise TooFewExamplesError(
            "the examples share fewer than two words: give examples of one topic"
        )
    reached = sorted((len(terms.intersection(chosen)) for terms in per_example), reverse=True)
    count = max(2, reached[math.ceil(COVERAGE * len(examples)) - 1])
    return f"ATLEAST/{count} ({' '.join(chosen)})"
