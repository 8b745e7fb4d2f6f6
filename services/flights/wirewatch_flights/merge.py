"""One record per flight: merging the observations (one per item) of a story. Pure.

- a value stated by any source beats no value;
- the most specific value wins: for people, the least rounded number (304 over 300);
  for the flight date, a stated date over the publication date;
- sources that disagree are kept: the field gets the winning value and a conflict
  listing every value, never an average;
- status follows the story: the newest source's status, except that a completed
  flight does not go back to planned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from wirewatch_flights.model import Flight, Status
from wirewatch_flights.numbers import trailing_zeros

CONFLICT_FIELDS = ("origin", "destination", "people", "flight_date", "operator")


@dataclass(frozen=True, slots=True)
class Observation:
    """What one item said about a flight."""

    item_id: str
    published: datetime
    flight: Flight
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class Merged:
    origin: str | None
    destination: str | None
    people: int | None
    flights: int | None
    status: Status
    flight_date: date | None
    flight_date_stated: bool
    operator: str | None
    conflicts: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())


def _pick(values: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """The most frequent value (first seen on a tie) and every distinct value."""
    if not values:
        return None, ()
    counts = Counter(values)
    distinct = tuple(dict.fromkeys(values))
    best = max(distinct, key=lambda v: (counts[v], -distinct.index(v)))
    return best, distinct


def _people(observations: Sequence[Observation]) -> tuple[int | None, tuple[str, ...]]:
    values = [o.flight.people for o in observations if o.flight.people is not None]
    if not values:
        return None, ()
    counts = Counter(values)
    distinct = list(dict.fromkeys(values))
    best = min(distinct, key=lambda v: (trailing_zeros(v), -counts[v], distinct.index(v)))
    return best, tuple(str(v) for v in distinct)


def _status(observations: Sequence[Observation]) -> Status:
    ordered = sorted(observations, key=lambda o: o.published)
    status: Status = ordered[0].flight.status
    for obs in ordered[1:]:
        if status == "completed" and obs.flight.status == "planned":
            continue
        status = obs.flight.status
    return status


def _flight_date(
    observations: Sequence[Observation], status: Status
) -> tuple[date | None, bool, tuple[str, ...]]:
    """A stated date over the publication date; the dates of the sources that report the
    record's current status first (the landing's date, not the announcement's)."""
    current = [o for o in observations if o.flight.status == status] or list(observations)
    stated = [
        o.flight.flight_date.isoformat()
        for o in current
        if o.flight.flight_date_stated and o.flight.flight_date is not None
    ]
    if stated:
        best, distinct = _pick(stated)
        assert best is not None
        return date.fromisoformat(best), True, distinct
    earliest = min(observations, key=lambda o: o.published)
    return earliest.flight.flight_date, False, ()


def merge(observations: Sequence[Observation]) -> Merged:
    """The record of a set of observations of one flight (at least one)."""
    if not observations:
        raise ValueError("merge needs at least one observation")
    conflicts: list[tuple[str, tuple[str, ...]]] = []
    picked: dict[str, str | None] = {}
    for name in ("origin", "destination", "operator"):
        values = [v for o in observations if (v := getattr(o.flight, name)) is not None]
        picked[name], distinct = _pick(values)
        if len(distinct) > 1:
            conflicts.append((name, distinct))
    people, people_values = _people(observations)
    if len(people_values) > 1:
        conflicts.append(("people", people_values))
    status = _status(observations)
    when, stated, dates = _flight_date(observations, status)
    if len(dates) > 1:
        conflicts.append(("flight_date", dates))
    flights, _ = _pick([str(o.flight.flights) for o in observations if o.flight.flights])
    conflicts.sort(key=lambda c: CONFLICT_FIELDS.index(c[0]))
    return Merged(
        origin=picked["origin"],
        destination=picked["destination"],
        people=people,
        flights=int(flights) if flights else None,
        status=status,
        flight_date=when,
        flight_date_stated=stated,
        operator=picked["operator"],
        conflicts=tuple(conflicts),
    )


def same_flight(
    a: Flight,
    a_story: str | None,
    b: Merged,
    b_stories: Sequence[str],
    window_days: int,
    planned_window_days: int = 0,
) -> bool:
    """Whether an observation belongs to an existing record: the same story, or the same
    route (destination, and origin unless one is unknown) within ``window_days`` (1 when
    both dates are stated). A planned flight (an announcement) also takes the first
    flight on its route reported up to ``planned_window_days`` later.

    Records are per story: when the observation and the record both come from stories
    and the stories differ, they are two flights, however close their routes and dates,
    except that an announcement (a planned record) still becomes the flight that a later
    story reports as flown or blocked. The route rule is for items without a story."""
    if a_story is not None and a_story in b_stories:
        return True
    other_story = a_story is not None and bool(b_stories)
    if a.destination is None or a.destination != b.destination:
        return False
    if a.origin and b.origin and a.origin != b.origin:
        return False
    if a.flight_date is None or b.flight_date is None:
        return False
    gap = (a.flight_date - b.flight_date).days
    limit = 1 if (a.flight_date_stated and b.flight_date_stated) else window_days
    if abs(gap) <= limit and not other_story:
        return True
    if other_story and a.status == "planned":
        return False
    return b.status == "planned" and 0 <= gap <= planned_window_days
