"""Candidate R1 (stop 38): docs/flights.md "What is not a flight record" as a veto over a
record, one rule per bullet, written from the definition with ``prec38_definition_cues`` BEFORE it
was measured (committed first). Each rule returns its name when it vetoes."""

from __future__ import annotations

from typing import Any

from prec38_definition_cues import cue_features


def veto(title: str, summary: str, row: dict[str, Any]) -> str | None:
    """The first rule that says the honest record is no flight record, else None."""
    f = cue_features(title, summary)
    people = row.get("people")
    if (
        "a:own_citizens" in f or "a:stranded_evacuated" in f or "t:pandemic_war" in f
    ) and "a:migration_named" not in f:
        return "own people home"
    if "t:things" in f:
        return "remains, funds, extradition, prisoners"
    if "a:land_sea" in f and "a:flight_word" not in f:
        return "land or sea return"
    if "t:cost" in f or "t:explainer" in f:
        return "cost or explainer"
    if "t:tally" in f and (people is None or people >= 1000):
        return "tally"
    if "t:schedule" in f or "t:proposal" in f:
        return "schedule or proposal"
    if "t:policy_court" in f and row.get("status") != "blocked" and people is None:
        return "policy or court, no removal"
    if "t:commercial" in f and "a:removal_flight" not in f:
        return "not a removal flight"
    return None
