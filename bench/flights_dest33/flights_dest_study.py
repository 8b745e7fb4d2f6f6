"""Destination on the honest (out-of-sample) rules cues: of the true reports the honest rules
found with a wrong destination, what went wrong and why (issue 15, stop 33, helper fldest33).
Aggregates and ids only; never a judge set.

The kind and linguistic cause of each error were read by hand from title, lede and labelling
note (``KINDS``); the script checks the list against the honest cues (every error listed, every
listed id still an error), counts by kind, cause and language, and says how many of each kind
this checkout's extractor now gets right.

    .venv/bin/python -W ignore bench/flights_dest33/flights_dest_study.py   # writes its .txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))
from studied_sets import check_listed, honest_reports, now_right, write_report

OUT = Path(__file__).with_suffix(".txt")

SWAP = "swap (the deporting side given as the destination)"
SEVERAL = "truth null: several destinations, the rules named one"
NONE_NAMED = "truth null: no destination named, the rules named one"
NULL = "rules null: the destination named"
OTHER = "another state"
KINDS: dict[str, tuple[str, str]] = {
    "fl-33401": (SWAP, "the receiving state speaks, the deporter is the subject of 'suspendió'"),
    "fl-33411": (SWAP, "a plane flown to the deporting state to fetch ('hacia X para repatriar')"),
    "fl-31728": (SWAP, "a plane flown to the deporting state to fetch ('hacia X para repatriar')"),
    "fl-9728": (SWAP, "a plane flown to the deporting state to fetch ('hacia X para repatriar')"),
    "fl-3096": (SWAP, "a state fetching its nationals from another ('repatriating ... from')"),
    "fl-33427": (SWAP, "the aircraft going back ('rerouted back to', 'returned to the U.S.')"),
    "fl-5047": (SWAP, "the aircraft going back ('rerouted back to', 'returned to the U.S.')"),
    "fl-9905": (SWAP, "a departure verb opening the sentence ('Parte de Ecuador')"),
    "fl-11018": (SWAP, "where the migrants must travel to board ('viajar a Bolivia para abordar')"),
    "fl-6014": (SWAP, "a verb after a place named with 'in' ('freight in Iraq started in')"),
    "fl-3014": (SWAP, "'from X' naming the people's nationality ('lawbreakers from Afghanistan')"),
    "fl-3009": (SWAP, "where the people had arrived ('who arrived in the UK') read as 'to'"),
    "fl-3081": (SWAP, "where the flight was (Harlingen, Texas) over a demonym alone"),
    "fl-3048": (SWAP, "a concurrent clause ('mientras una caravana procedente de')"),
    "fl-7057": (SWAP, "a region before the name ('to the interior of Mexico')"),
    "fl-28001": (SWAP, "'migrantes de El Salvador' vs the agency's state (INM)"),
    "fl-12015": (SEVERAL, "two places coordinated ('to Italy and the UK')"),
    "fl-6022": (SEVERAL, "two places coordinated ('to Italy and the UK')"),
    "fl-9545": (SEVERAL, "two places coordinated ('to Italy and the UK')"),
    "fl-3018": (SEVERAL, "two places coordinated ('to Italy and the UK')"),
    "fl-27010": (SEVERAL, "a destination cue said again ('a Tirana ... y a Tbilisi')"),
    "fl-28025": (SEVERAL, "a destination cue said again ('a Tirana ... y a Tbilisi')"),
    "fl-21009": (SEVERAL, "the rest flown elsewhere ('mientras que los nueve restantes ... a')"),
    "fl-9614": (SEVERAL, "two counted peoples on one flight ('43 colombianos y siete peruanos')"),
    "fl-27009": (SEVERAL, "two counted peoples on one flight ('43 colombianos y siete peruanos')"),
    "fl-10023": (SEVERAL, "two counted peoples on one flight ('43 colombianos y siete peruanos')"),
    "fl-4033": (SEVERAL, "three or more peoples or states listed"),
    "fl-19031": (SEVERAL, "three or more peoples or states listed"),
    "fl-27035": (SEVERAL, "three or more peoples or states listed"),
    "fl-31710": (SEVERAL, "several nationalities, not named in title or lede"),
    "fl-9645": (SEVERAL, "several nationalities, not named in title or lede"),
    "fl-33441": (NONE_NAMED, "the deporting state taken as the destination"),
    "fl-28020": (NONE_NAMED, "the deporting state taken as the destination"),
    "fl-9609": (NONE_NAMED, "a people in a background clause ('the death of a Nigerian')"),
    "fl-33428": (NULL, "an airport and a counted demonym, beside a background pair of peoples"),
    "fl-8033": (NULL, "an airport and a demonym only ('Bandaranaike', 'Sri Lankan')"),
    "fl-27037": (NULL, "an airport and a demonym only ('Bandaranaike', 'Sri Lankan')"),
    "fl-7006": (NULL, "a city only ('fly to Tashkent', 'brought to Dushanbe')"),
    "fl-7007": (NULL, "a city only ('fly to Tashkent', 'brought to Dushanbe')"),
    "fl-6012": (NULL, "a city only ('fly to Tashkent', 'brought to Dushanbe')"),
    "fl-19010": (NULL, "a receiving verb not read ('Pakistan admits')"),
    "fl-21001": (NULL, "a name two states share ('to Georgia')"),
    "fl-21015": (NULL, "the people's origin only ('migrantes originarios de India')"),
    "fl-12005": (OTHER, "the migrants' own route or goal ('hacia EU', 'querían llegar a')"),
    "fl-8017": (OTHER, "the migrants' own route or goal ('hacia EU', 'querían llegar a')"),
    "fl-30003": (OTHER, "the migrants' own route or goal ('hacia EU', 'querían llegar a')"),
    "fl-11017": (OTHER, "the migrants' own route or goal ('hacia EU', 'querían llegar a')"),
    "fl-28024": (OTHER, "the migrants' own route or goal ('hacia EU', 'querían llegar a')"),
    "fl-4031": (OTHER, "a receiving-state subject ('as Ghana Receives', 'Guatemala recibe')"),
    "fl-9619": (OTHER, "a receiving-state subject ('as Ghana Receives', 'Guatemala recibe')"),
    "fl-9723": (OTHER, "the people's state over the airport landed at (Tapachula)"),
    "fl-7030": (OTHER, "a second place flown from ('desde Curazao y Aruba')"),
    "fl-21030": (OTHER, "a name two states share ('the Congo')"),
    "fl-27025": (OTHER, "a city named for a treaty ('the Dublin Agreement') over 'to Sofia'"),
}
"""Each honest destination error on a found record -> (kind, linguistic cause), read by hand."""


def main() -> None:
    heads: Counter[str] = Counter()
    causes: Counter[tuple[str, str]] = Counter()
    by_lang: Counter[str] = Counter()
    right_now: Counter[str] = Counter()
    seen: set[str] = set()
    total = right = found = 0
    for obj, row in honest_reports():
        total += 1
        if not row["record"]:
            continue
        found += 1
        if row["destination"] == obj["flight"]["destination"]:
            right += 1
            continue
        head, cause = KINDS[obj["id"]]  # KeyError: an error not read by hand
        seen.add(obj["id"])
        heads[head] += 1
        causes[(head, cause)] += 1
        by_lang[f"{head} / {obj.get('lang')}"] += 1
        right_now[head] += now_right(obj, "destination")
    check_listed(KINDS, seen)
    lines = [
        f"reports {total}, found {found}; honest destination right {right} "
        f"({right / total:.3f}), on found {right / found:.3f}; errors on found {found - right}",
        "",
        "errors by kind (this checkout right now):",
        *(f"  {n:3d}  {k}  (now right {right_now[k]})" for k, n in heads.most_common()),
        "",
        "errors by kind and language:",
        *(f"  {n:3d}  {k}" for k, n in sorted(by_lang.items())),
        "",
        "errors by kind and cause:",
        *(f"  {n:3d}  {h}: {c}" for (h, c), n in sorted(causes.items())),
    ]
    write_report(OUT, lines)


if __name__ == "__main__":
    main()
