"""A topic defined by example items ("more like this"): the examples become a query.

The query is ``ATLEAST/n (term term ...)``: the words the examples share most, each
written as a prefix when it is long enough to inflect (``deport*`` covers "deported",
"deportation", "deportados"), and ``n`` chosen so that most examples match. The result is
an ordinary user-topic query: the user can read it, edit it and keep it, it is stored,
announced and matched like any other, and every alert shows the words that matched.
This is Lucene's "more like this" (top terms, "minimum should match") without an index:
the examples' own document frequencies rank the terms, and stop words (the ``stop-words``
package) are left out: English and Spanish ones always, and those of the example's own
language when it is another one ingest recognises (French, German, Portuguese, Italian).
Only the example's own: a union of every list would drop English "war", "car" and "fine"
(German, French and Italian function words).
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


ALWAYS = ("english", "spanish")
"""The languages of the default feeds: their stop words are dropped from every example."""
OTHERS = ("french", "german", "portuguese", "italian")
"""The other languages ingest's language guess names (``wirewatch_ingest.language``)."""


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(folded for w in get_stop_words(language) for folded in fold(w).split())


@cache
def _always() -> frozenset[str]:
    return frozenset().union(*(_stop_words(lang) for lang in ALWAYS))


def _own_stop_words(words: list[str]) -> frozenset[str]:
    """The stop words of one example: English and Spanish, plus those of another language
    when the example holds more of that language's stop words than of either."""

    def hits(language: str) -> int:
        stop = _stop_words(language)
        return sum(w in stop for w in words)

    floor = max(hits(lang) for lang in ALWAYS)
    count, best = max((hits(lang), lang) for lang in OTHERS)
    return _always() | _stop_words(best) if count > floor else _always()


def _term(token: str) -> str:
    return f"{token[:STEM]}*" if len(token) >= STEM else token


def example_terms(example: Example) -> set[str]:
    """The candidate terms of one example: content words, long ones as prefixes."""
    words = tokens(f"{example[0]} {example[1]}")
    stop = _own_stop_words(words)
    return {_term(t) for t in words if t.isalpha() and len(t) >= 3 and t not in stop}


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
