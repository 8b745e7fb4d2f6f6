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
