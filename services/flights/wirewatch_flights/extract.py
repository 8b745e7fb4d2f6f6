"""Flight facts from one item's title and summary (English and Spanish). Pure.

``extract(title, summary, published)`` returns a :class:`Flight` when the item
reports a specific flight or flight programme between two countries, else None.
See docs/flights.md for the field definitions and the rules.
"""

from __future__ import annotations

from datetime import date

from wirewatch_flights.flight_date import read_flight_date
from wirewatch_flights.flight_operator import read_operator
from wirewatch_flights.flight_report import is_flight_report
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.model import Clue, Flight
from wirewatch_flights.not_a_record import undestined_removal, unflown, unfounded
from wirewatch_flights.parts import item_parts
from wirewatch_flights.people import read_flights, read_people
from wirewatch_flights.places import read_roles
from wirewatch_flights.status import Memo, arbitrated, rules_status
from wirewatch_flights.status_model import shipped_model as shipped_status_model


def load_tables() -> None:
    """Load the lexicon and the shipped status model now (otherwise each loads on first
    use). The flights stage calls it at start, so the loads' passing memory comes before
    its working set instead of on top of it (its RSS budget is 150 MB)."""
    load_lexicon()
    shipped_status_model()


def extract(title: str, summary: str, published: date | None) -> Flight | None:
    """The flight facts of one item, or None when it reports no flight. ``published``
    None (unknown, offline only): relative dates are not resolved and the record has
    no flight date unless one is stated with its year."""
    parts = item_parts(title or "", summary or "")
    gate = is_flight_report(parts)
    if gate is None:
        return None
    origin, destination = read_roles(parts)
    people = read_people(parts)
    memo: Memo = {}
    if destination is None:
        # no destination named: still a record when the state that removed a counted group
        # is named ("Expulsan a 138 migrantes desde Iquique")
        if not undestined_removal(parts, origin, people, memo):
            return None
    elif not gate[2] and unflown(parts, origin, destination, people):
        return None
    elif not destination.value:
        destination = None
    if unfounded(parts, gate, origin, destination, people):
        return None
    status = rules_status(parts, origin, memo)
    when = read_flight_date(parts, published, status.value, memo)  # type: ignore[arg-type]
    # after the date: the flight date stays the one the rules' status read
    status = arbitrated(title or "", summary or "", status)
    operator = read_operator(parts)
    clues = [
        Clue("flight", "flight", gate[0]),
        Clue("flight", "deportation", gate[1]),
        *(c for c in (origin, destination, people, status, when, operator) if c is not None),
    ]
    return Flight(
        origin=origin.value if origin else None,
        destination=destination.value if destination else None,
        people=int(people.value) if people else None,
        status=status.value,  # type: ignore[arg-type]
        flight_date=date.fromisoformat(when.value) if when else published,
        flight_date_stated=when is not None,
        operator=operator.value if operator else None,
        flights=read_flights(parts),
        evidence=tuple(clues),
    )
