"""Precision round (issue 15, stop 33): the honest false records (bench/flights_honest, each
studied file read by the extractor as it stood before that file was added) sorted by cause.
The cause is read from the labelling note (the labeller wrote why an item is no record): the
first matching cause in CAUSES wins, ten misleading notes read by hand (READ_BY_HAND); a
keyword sort, approximate by a few items. Also: counts by language,
the cue that made the extractor fire (status cue value), whether a flight word is in the text,
and whether this checkout's extractor still fires (in sample: those files have been studied).
Never a judge set.

    .venv/bin/python -W ignore bench/flights_prec33/flights_prec33_study.py > \
        bench/flights_prec33/flights_prec33_study.txt
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import predict

CUES = Path("bench/flights_honest/flights_honest_cues.json")
CAUSES = (
    ("remains", r"\b(?:remains|bodies|coffin|restos|cuerpos|cenizas|fallecid)"),
    ("funds", r"\b(?:funds|fondos|capital|cost|spent|gastado)"),
    ("extradition", r"\bextradi"),
    (
        "land/sea/bus removal",
        r"\b(?:land|sea|by boat|ship|vessel|navy|bus|overland|border "
        r"(?:post|crossing|gate)|terrestre|por tierra|coast ?guard|seaport|port\b|bridge|puente|"
        r"ferry|raft)",
    ),
    (
        "own citizens/evacuation/pandemic",
        r"\b(?:evacuat|own citizens|own nationals|stranded|"
        r"pandemic|covid|flown home|brought home|nationals flown|travell?ers|connacionales que "
        r"huyeron|team|orchestra|housemaids|closed airspace|citizens? (?:home|flown))",
    ),
    ("airport inadmission", r"\b(?:inadmi|refused entry|not admitted|no ser admitidos)"),
    (
        "voluntary return programme",
        r"\b(?:voluntary|voluntari|retorno voluntario|programme|program)\b",
    ),
    (
        "individual / commercial flight",
        r"\b(?:commercial|scheduled|airline ticket|one person|"
        r"one man|individual)",
    ),
    (
        "tally/statistics",
        r"\b(?:tally|tallies|statistic|figures|running total|yearly|"
        r"over (?:two|three|nine|five|several) months|trend|per day|a week|count)",
    ),
    (
        "policy/explainer/plan",
        r"\b(?:policy|explainer|how removal|in general|plan|proposal|"
        r"deal|court|practice|feature|wish|recommend|litigation|announce)",
    ),
)


READ_BY_HAND = {
    **dict.fromkeys(
        ("fl-20040", "fl-10013", "fl-29015", "fl-19013", "fl-21019"), "tally/statistics"
    ),
    **dict.fromkeys(
        ("fl-3112", "fl-33430", "fl-33437", "fl-9522", "fl-12056"), "policy/explainer/plan"
    ),
}
"""Items whose note keywords mislead the first matching cause, read by hand (tallies worded with
costs or airline tickets; policy items worded as tallies)."""


def _cause(obj: dict[str, Any]) -> str:
    if obj["id"] in READ_BY_HAND:
        return READ_BY_HAND[obj["id"]]
    note = (obj.get("note") or "").lower()
    for name, pattern in CAUSES:
        if re.search(pattern, note):
            return name
    return "other"


FLIGHT = re.compile(
    r"\b(?:flights?|planes?|aircraft|airport|airlines?|charter|vuelos?|"
    r"aviones?|aeronaves?|aeropuertos?|chárter|aerol[ií]neas?)\b",
    re.I,
)


def main() -> None:
    honest = json.loads(CUES.read_text())
    rows = []
    for name, entry in honest.items():
        lines = {
            o["id"]: o for o in map(json.loads, Path("tests/data", name).read_text().splitlines())
        }
        for item in entry["items"]:
            obj = lines.get(item["id"])
            if obj is None or not item["record"] or obj.get("flight"):
                continue
            cue = item.get("cue") or {}
            text = f"{obj['title']} {obj['summary']}"
            rows.append(
                (
                    _cause(obj),
                    obj["lang"],
                    cue.get("value"),
                    bool(FLIGHT.search(text)),
                    predict(obj) is not None,
                    name,
                    obj["id"],
                    obj["title"][:90],
                )
            )
    print(f"honest false records: {len(rows)}")
    by = Counter(r[0] for r in rows)
    print("\ncause                              all   en   es  flight-word  still fires (today)")
    for cause, n in by.most_common():
        sub = [r for r in rows if r[0] == cause]
        print(
            f"{cause:34s} {n:4d} {sum(r[1] == 'en' for r in sub):4d} "
            f"{sum(r[1] == 'es' for r in sub):4d} {sum(r[3] for r in sub):12d} "
            f"{sum(r[4] for r in sub):6d}"
        )
    print("\nstatus cue that fired:", dict(Counter(r[2] for r in rows)))
    print("flight word in title/summary:", sum(r[3] for r in rows), "of", len(rows))
    print("still fires with this checkout:", sum(r[4] for r in rows))
    print("\nitems (cause | lang | cue | flight word | fires today | file id | title)")
    for r in sorted(rows):
        print(
            " | ".join(str(x) for x in (r[0], r[1], r[2], int(r[3]), int(r[4]), r[5], r[6], r[7]))
        )


if __name__ == "__main__":
    main()
