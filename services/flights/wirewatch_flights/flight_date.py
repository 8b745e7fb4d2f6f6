"""The flight date field: the date mention nearest the status cue (what happened when).

A part's own plan dates its own day, so a planned status (or a planned cue in that part)
resolves relative dates forward. Pure.
"""

from __future__ import annotations

from datetime import date

from wirewatch_flights.dates import date_mentions
from wirewatch_flights.model import Clue, Span, Status
from wirewatch_flights.parts import Part
from wirewatch_flights.status import Memo, status_memo


def read_flight_date(
    parts: list[Part], published: date | None, status: Status, memo: Memo | None = None
) -> Clue | None:
    """The first part's date nearest its status cue (the verb that says what happened)."""
    for part in parts:
        cue = status_memo(part, False, memo)
        # a part's own plan dates its own day ("estaba previsto que despegara este lunes")
        future = status == "planned" or (cue is not None and cue[0] == "planned")
        found = date_mentions(part.text, published, future=future)
        if found:
            anchor = cue[1].start if cue is not None else 0
            d = min(found, key=lambda m: abs(m.start - anchor))
            span = Span(part.source, d.start, d.end, part.text[d.start : d.end])
            return Clue("flight_date", d.value.isoformat(), span)
    return None
