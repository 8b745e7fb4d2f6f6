"""The item read as its parts (headline, summary): their folded text, place and people mentions
and numbers, and the small span helpers every field reader uses. Pure.

A mention inside a treaty's or law's name ("the Dublin regulation") is dropped here, so no
reader takes it for a place of the flight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from wirewatch_flights.dates import date_mentions
from wirewatch_flights.lexicon import Mention, load_lexicon, settle
from wirewatch_flights.model import Source, Span
from wirewatch_flights.numbers import Number, numbers
from wirewatch_flights.text import fold

# The cues only this module reads (folded text).
TREATY_AFTER = re.compile(
    r"\s*(?:iii\s+|ii\s+)?(?:regulations?|conventions?|agreements?|accords?|treaty|treaties|"
    r"protocols?|declaration|rules|system|procedures?|criteria)\b"
)
TREATY_BEFORE = re.compile(
    r"\b(?:reglamento|convenio|convencion|tratado|protocolo|declaracion|sistema|procedimiento)"
    r"\s+(?:de|of)\s+$"
)
"""Around a city's name: a law or treaty named after it ("under the Dublin regulation", "the
Dublin Agreement", "el Reglamento de Dublín", "la Convención de Ginebra"), not a place of the
flight."""


@dataclass(frozen=True, slots=True)
class Part:
    source: Source
    text: str
    folded: str
    mentions: tuple[Mention, ...]
    numbers: tuple[Number, ...]

    @property
    def opening(self) -> str:
        """Where a tally or a period is read: the headline whole, or the lede's first
        sentence; folded."""
        return self.folded if self.source == "title" else self.folded.split(". ", 1)[0]


_SPANISH = re.compile(r"\b(?:de|del|la|las|los|el|que|con|por|para|se|y|en)\b")


_ENGLISH = re.compile(r"\b(?:the|of|and|to|in|from|with|was|were|is|on|for)\b")


def spanish(title: str, summary: str) -> bool:
    folded = fold(f"{title} {summary}")
    return len(_SPANISH.findall(folded)) > len(_ENGLISH.findall(folded))


def item_parts(title: str, summary: str) -> list[Part]:
    lexicon = load_lexicon()
    # Mexican Spanish writes the United States "EU"; in English it is the European Union
    keep_eu = "EU" not in f"{title} {summary}" or spanish(title, summary)
    pairs = (("title", title), ("summary", summary))
    given = [(source, text, fold(text)) for source, text in pairs if text]
    found = [
        [m for m in lexicon.mentions(text, folded) if keep_eu or text[m.start : m.end] != "EU"]
        for _, text, folded in given
    ]
    found = settle([text for _, text, _ in given], found)
    found = [
        [m for m in mentions if not _treaty_name(folded, m)]
        for (_, _, folded), mentions in zip(given, found, strict=True)
    ]
    return [
        Part(source, text, folded, tuple(mentions), tuple(numbers(text)))  # type: ignore[arg-type]
        for (source, text, folded), mentions in zip(given, found, strict=True)
    ]


def _treaty_name(folded: str, m: Mention) -> bool:
    """A city named for a law or treaty ("the Dublin regulation", "el Reglamento de Dublín"):
    no place of the flight."""
    return m.entry.kind == "place" and bool(
        TREATY_AFTER.match(folded, m.end)
        or TREATY_BEFORE.search(folded[max(0, m.start - 30) : m.start])
    )


def first_span(parts: list[Part], pattern: object) -> Span | None:
    for part in parts:
        m = pattern.search(part.folded)  # type: ignore[attr-defined]
        if m:
            return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
    return None


COMMA = re.compile(r"^\s*,\s*$")


def dated(parts: list[Part]) -> bool:
    return any(date_mentions(p.text, date.today()) for p in parts)


def names_a_state(parts: list[Part], codes: frozenset[str]) -> bool:
    return any(m.entry.key in codes for p in parts for m in p.mentions)


def match_span(part: Part, m: re.Match[str]) -> Span:
    return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
