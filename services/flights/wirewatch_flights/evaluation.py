"""Scoring extraction against labelled items (``wirewatch flights eval``). Pure.

A labelled line has ``flight``: null for an item that is not a flight record, else the
true record (``origin, destination, people, status, flight_date, operator``). Field
accuracy is counted over the true flight reports only: a report the extractor missed
counts as wrong on every field. ``flight_date`` compares the stated date (a date the
extractor did not find in the text counts as null).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wirewatch_shared.clock import parse_timestamp
from wirewatch_shared.confusion import Confusion

from wirewatch_flights.extract import extract
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.model import FIELDS, Flight
from wirewatch_flights.text import fold


def published_date(value: object) -> date | None:
    """The item's publication day, or None when it is missing or unreadable (a month or a
    year alone reads as its first day)."""
    try:
        parsed = parse_timestamp(value)
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed.date()
    if isinstance(value, str) and value.strip():
        text = value.strip()
        for candidate in (text[:10], text[:7] + "-01", text[:4] + "-01-01"):
            try:
                return date.fromisoformat(candidate)
            except ValueError:
                continue
    return None


def predict(obj: dict[str, Any]) -> Flight | None:
    return extract(
        str(obj.get("title") or ""),
        str(obj.get("summary") or ""),
        published_date(obj.get("published")),
    )


def output_fields(flight: Flight | None) -> dict[str, Any] | None:
    """The ``flight`` object ``wirewatch flights extract`` writes."""
    return None if flight is None else flight.as_dict()


def normalise(name: str, value: Any) -> Any:
    """A field's value as it is compared: blanks are null, codes upper-case, status
    case-folded, an operator its canonical name, a count an int, a date its ISO day."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if name in ("origin", "destination"):
        return text.upper()
    if name == "people":
        return int(value) if isinstance(value, int | float) or text.isdigit() else text
    if name == "flight_date":
        try:
            when = parse_timestamp(text)
        except ValueError:
            return text
        return when.date().isoformat() if when else None
    if name == "operator":
        return operator_key(text)
    return text.casefold()


def operator_key(text: str) -> str:
    """The operator table's name (case-folded) when the whole text is one of an operator's
    names, so a label naming a force or carrier by another of its names (the Colombian air
    force, Fuerza Aeroespacial Colombiana since 2023) matches the extractor's; else the text."""
    mentions = load_lexicon().mentions(text, fold(text))
    whole = {m.entry.key for m in mentions if m.start == 0 and m.end == len(text)}
    operators = [m for m in mentions if m.entry.kind == "operator"]
    if len(operators) == 1 and operators[0].entry.key in whole:
        return operators[0].entry.key.casefold()
    return text.casefold()


def gold_record(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The labelled record of a line: None for a non-flight (``null``, ``false``, ``{}``),
    else its fields (``true`` alone: a flight record with no field labelled)."""
    gold = obj.get("flight")
    if not gold:
        return None
    return gold if isinstance(gold, dict) else {}


def predicted_value(flight: Flight, name: str) -> Any:
    if name == "flight_date":
        return (
            flight.flight_date.isoformat()
            if flight.flight_date_stated and flight.flight_date
            else None
        )
    return getattr(flight, name)


@dataclass
class Scores(Confusion):
    """Whether an item is a flight record (tp, fp, fn, tn), and the fields right per true
    flight report."""

    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reports(self) -> int:
        return self.tp + self.fn

    def precision(self) -> float:
        return self.precision_or(0.0)

    def recall(self) -> float:
        return self.recall_or(0.0)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.reports if self.reports else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.total,
            "flight_reports": self.reports,
            "is_flight_record": {
                "precision": round(self.precision(), 4),
                "recall": round(self.recall(), 4),
                "tp": self.tp,
                "fp": self.fp,
                "fn": self.fn,
                "tn": self.tn,
            },
            "field_accuracy": {name: round(self.accuracy(name), 4) for name in FIELDS},
        }


def score(
    lines: Iterable[dict[str, Any]],
    predictor: Callable[[dict[str, Any]], Flight | None] = predict,
) -> Scores:
    """``predictor`` reads one line (default: the extractor alone, :func:`predict`)."""
    scores = Scores()
    for obj in lines:
        gold = gold_record(obj)
        flight = predictor(obj)
        if gold is None:
            if flight is None:
                scores.tn += 1
            else:
                scores.fp += 1
                scores.errors.append({"id": obj.get("id"), "error": "not a flight record"})
            continue
        if flight is None:
            scores.fn += 1
            scores.errors.append({"id": obj.get("id"), "error": "missed flight record"})
            continue
        scores.tp += 1
        for name in FIELDS:
            want = normalise(name, gold.get(name))
            got = normalise(name, predicted_value(flight, name))
            if want == got:
                scores.correct[name] += 1
            else:
                scores.errors.append({"id": obj.get("id"), "field": name, "want": want, "got": got})
    return scores


def report(scores: Scores) -> str:
    """The human-readable summary ``wirewatch flights eval`` prints."""
    lines = [
        f"items {scores.total}, flight reports {scores.reports}",
        f"is a flight record: precision {scores.precision():.3f}  recall {scores.recall():.3f}"
        f"  (tp {scores.tp}, fp {scores.fp}, fn {scores.fn}, tn {scores.tn})",
        "field accuracy over flight reports:",
    ]
    lines += [f"  {name:<12} {scores.accuracy(name):.3f}" for name in FIELDS]
    return "\n".join(lines)


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)
