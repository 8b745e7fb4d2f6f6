"""The operator field: the carrier or air force that flew the flight, else the agency that ran it.

Read from the lexicon's operator mentions; a generic name ("un avión militar de la Fuerza Aérea
del Perú") gives way to the carrier it is said to be of. Pure.
"""

from __future__ import annotations

import re

from wirewatch_flights.lexicon import Mention
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.parts import Part

_OF_THE = re.compile(r"^\s*(?:de la|del|de|of the|of)\s+$")


def _named_after(part: Part, m: Mention) -> Mention:
    """ "un avión militar de la Fuerza Aérea del Perú": the carrier the generic name is of."""
    for other in part.mentions:
        if (
            other.start >= m.end
            and other.entry.kind == "operator"
            and not other.entry.agency
            and other.entry.operates
            and _OF_THE.match(part.folded[m.end : other.start])
        ):
            return other
    return m


def read_operator(parts: list[Part]) -> Clue | None:
    """The first carrier or air force named, else the first agency."""
    for agencies in (False, True):
        for part in parts:
            for m in part.mentions:
                if m.entry.kind == "operator" and m.entry.agency == agencies and m.entry.operates:
                    named = m if agencies else _named_after(part, m)
                    span = Span(
                        part.source, named.start, named.end, part.text[named.start : named.end]
                    )
                    return Clue("operator", named.entry.key, span)
    return None
