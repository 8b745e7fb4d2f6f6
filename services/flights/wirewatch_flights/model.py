"""What extraction produces (pure data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Status = Literal["completed", "planned", "blocked"]
Source = Literal["title", "summary"]
FIELDS = ("origin", "destination", "people", "status", "flight_date", "operator")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a phrase sits: the item's title or summary, character offsets."""

    source: Source
    start: int
    end: int
    phrase: str


@dataclass(frozen=True, slots=True)
class Clue:
    """One field's value with the phrase behind it."""

    field: str
    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class Flight:
    """The flight facts of one item."""

    origin: str | None
    destination: str | None
    people: int | None
    status: Status
    flight_date: date | None
    flight_date_stated: bool
    """False: the flight date is the item's publication date (nothing stated)."""
    operator: str | None
    flights: int | None = None
    evidence: tuple[Clue, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "destination": self.destination,
            "people": self.people,
            "status": self.status,
            "flight_date": self.flight_date.isoformat() if self.flight_date else None,
            "flight_date_stated": self.flight_date_stated,
            "operator": self.operator,
            "flights": self.flights,
            "evidence": [
                {
                    "field": c.field,
                    "value": c.value,
                    "phrase": c.span.phrase,
                    "source": c.span.source,
                    "start": c.span.start,
                    "end": c.span.end,
                }
                for c in self.evidence
            ],
        }


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """How an item is shown as a source of a record."""

    outlet: str
    title: str
    link: str | None
    language: str | None
    topics: tuple[str, ...] = ()


def flight_from_dict(data: dict[str, object]) -> Flight:
    """The inverse of :meth:`Flight.as_dict` (stored observations)."""
    evidence = tuple(
        Clue(
            str(e["field"]),
            str(e["value"]),
            Span(e["source"], int(e["start"]), int(e["end"]), str(e["phrase"])),  # type: ignore[arg-type]
        )
        for e in data.get("evidence", ())  # type: ignore[attr-defined]
    )
    when = data.get("flight_date")
    people = data.get("people")
    flights = data.get("flights")
    return Flight(
        origin=data.get("origin"),  # type: ignore[arg-type]
        destination=data.get("destination"),  # type: ignore[arg-type]
        people=int(people) if people is not None else None,  # type: ignore[call-overload]
        status=data["status"],  # type: ignore[arg-type]
        flight_date=date.fromisoformat(str(when)) if when else None,
        flight_date_stated=bool(data.get("flight_date_stated")),
        operator=data.get("operator"),  # type: ignore[arg-type]
        flights=int(flights) if flights is not None else None,  # type: ignore[call-overload]
        evidence=evidence,
    )
