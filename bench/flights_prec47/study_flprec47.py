"""Main's false records on the studied flights files, grouped by the shape that made the gate
accept them (stop 47, issue 15; helper flprec47).

Usage: .venv/bin/python bench/flights_prec47/study_flprec47.py [--items] [--json OUT]
For each false record: which removal cue fired (a removal word, demonyms flown, a group's
return, an arriving flight), whether a flight word or a carrier was named (else a specific
removal stood for one), whether the flight word lies in the headline or the lede's first
sentence, whether a head count and a date were read, and the shape classes the item's opening
holds (the veto families the gate already has, asked loosely, to see which was near). The same
shape is given for the true reports, so a class's veto can be weighed against what it would
take. The judges of this stop (flights_fresh46, flights_fresh47) are never read.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from wirewatch_flights import cues, flight_report, not_a_record_cues
from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.model import Flight
from wirewatch_flights.parts import Part, dated, first_span, item_parts, names_a_state
from wirewatch_flights.people import read_flights, read_people

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = {"flights_fresh46", "flights_fresh47"}


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)


LENGTH = re.compile(
    r"\b(?:(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)"
    r"|(?:en|durante) (?:los|las) (?:ultim[oa]s|pasad[oa]s) (?:\w+ )?(?:dias|semanas|meses|anos)"
    r"|(?:in|within|over|en|durante) (?:one|a|two|three|four|five|six|seven|eight|nine|ten|un|una"
    r"|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2}) (?:years?|months?|weeks?|days"
    r"|anos?|mes|meses|semanas?|dias))\b"
)
"""A length of time (the candidates' cue, RULE.md), to count the tally class on main."""


def _tally(parts: list[Part]) -> bool:
    """People counted over a length of time, or in thousands with no flights counted."""
    for part in parts:
        first = part.opening
        for n in part.numbers:
            end = min(len(first), n.end + 60)
            if n.start < len(first) and n.value >= 5 and LENGTH.search(part.folded, n.end, end):
                return True
    people = read_people(parts)
    return (
        people is not None
        and int(people.value) >= 2000
        and read_flights(parts) is None
        and not names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
    )


def item_class(parts: list[Part], flight: Flight, row: dict[str, object]) -> str:
    """The first class (RULE.md's table) an accepted item falls in."""
    if _tally(parts):
        return "tally"
    if row["flight"] is None:
        return "no flight word"
    if first_span(parts, cues.MIGRANT_CONTEXT) is None and not first_span(
        parts, cues.MIGRANT_JOURNEY
    ):
        return "no migrant word (own citizens, evacuees, Gulf workers)"
    if not row["people"] and not row["dated"]:
        return "flights as a subject (no head count, no day)"
    pair = frozenset((flight.origin or "", flight.destination or ""))
    if pair in not_a_record_cues.LAND_NEIGHBOURS and not row["flight_in_opening"]:
        return "land neighbours, flight word further on"
    return "other"


def shape(obj: dict[str, object]) -> dict[str, object]:
    """How the gate accepted an item: the cue that fired and what stood for a flight."""
    parts = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
    if flight_report._deport_cue(parts):
        cue = "removal word"
        span = flight_report._deport_cue(parts)
    elif flight_report._flown_demonyms(parts):
        cue, span = "demonyms flown", flight_report._flown_demonyms(parts)
    elif flight_report._group_return(parts):
        cue, span = "group return", flight_report._group_return(parts)
    else:
        cue, span = "arriving flight", flight_report._arriving_flight(parts)
    flight = flight_report._flight_word(parts) or flight_report._carrier(parts)
    return {
        "cue": cue,
        "cue_text": span.phrase if span else None,
        "cue_in_opening": flight_report._in_opening(parts, span),
        "flight": None if flight is None else flight.phrase,
        "flight_in_opening": flight_report._in_opening(parts, flight),
        "people": read_people(parts) is not None,
        "dated": dated(parts),
        "migrant_context": any(
            cues.MIGRANT_CONTEXT.search(p.opening) or cues.MIGRANT_JOURNEY.search(p.opening)
            for p in parts
        ),
    }


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold = gold_record(obj)
            flight = predict(obj)
            if flight is None:
                continue
            kind = "fp" if gold is None else "tp"
            row: dict[str, object] = {
                "file": path.stem,
                "id": obj["id"],
                "lang": obj.get("lang"),
                "kind": kind,
                "title": obj.get("title"),
                **shape(obj),
            }
            parts = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
            row["class"] = item_class(parts, flight, row)
            out.append(row)
    return out


def key(row: dict[str, object]) -> tuple[object, ...]:
    where = "none" if row["flight"] is None else ("opening" if row["flight_in_opening"] else "body")
    return (row["cue"], "cue in opening" if row["cue_in_opening"] else "cue in body", where)


def main() -> None:
    found = rows()
    if "--json" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--json") + 1])
        out.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fp = Counter(key(r) for r in found if r["kind"] == "fp")
    tp = Counter(key(r) for r in found if r["kind"] == "tp")
    print("false records", sum(fp.values()), "true records", sum(tp.values()))
    for k, n in fp.most_common():
        print(f"{n:4d} fp {tp[k]:5d} tp  {k}")
    fc = Counter(str(r["class"]) for r in found if r["kind"] == "fp")
    tc = Counter(str(r["class"]) for r in found if r["kind"] == "tp")
    print("classes (first that fits):")
    for c, n in fc.most_common():
        print(f"{n:4d} fp {tc[c]:5d} tp  {c}")
    if "--items" in sys.argv:
        for r in found:
            if r["kind"] == "fp":
                print(
                    r["file"],
                    r["id"],
                    r["lang"],
                    r["class"],
                    key(r),
                    r["cue_text"],
                    "|",
                    r["flight"],
                )
                print("   ", r["title"])


if __name__ == "__main__":
    main()
