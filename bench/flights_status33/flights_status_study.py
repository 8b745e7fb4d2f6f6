"""Honest status errors, a study (issue 15, stop 33 status round; helper flstatus33).

Reads ``bench/flights_honest/flights_honest_cues.json`` (each studied file's output of the
extractor as it stood before the file was added: honest, out-of-sample rules) and the
studied sets (never a judge). A report's honest status is the record's status, or for a
report the old rules missed, the value of their status cue. Every report whose honest
status differs from the label is listed with its confusion, language and cause; the cause of
each of the 63 status-cue errors (57 found records, 6 missed records whose cue was wrong too)
was read by hand from title and lede and is kept in ``CAUSES`` below (the script checks the
list against the cues). The last column is today's status with the ``wirewatch_flights``
first on the path (main or this branch), so the script also gives the honest view of a
round: how many of the honest errors today's rules get right.

    .venv/bin/python bench/flights_status33/flights_status_study.py   # writes its .txt
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import predict
from wirewatch_flights.parts import item_parts
from wirewatch_flights.status import read_status
from wirewatch_flights.training import JUDGES

ROOT = Path(__file__).resolve().parents[2]
CUES = ROOT / "bench" / "flights_honest" / "flights_honest_cues.json"
OUT = Path(__file__).with_suffix(".txt")

KINDS = {
    "future": "a future, modal or schedule not read or outweighed (serán trasladadas, "
    "programará, autorizó vuelos ... este sábado, are likely to be sent, are to bring)",
    "headline": "headline and lede disagree (a headline present or participle, a lede future; "
    "or a headline future of what follows a flight the lede says flew)",
    "purpose": "a plane or people moved in order to collect or be removed (partieron hacia "
    "EE.UU. para repatriar, aterrizaron para trasladar, sends planes to take)",
    "complement": "an infinitive or modal that complements or describes (authority to land, "
    "flight to deport, would-be expellees, decision to resume, due to set off, announced it "
    "returned, not gone as planned, Kuwait offered)",
    "not-this-flight": "a blocked word that does not block this flight (rejected asylum seekers,"
    " one refused entry, blocking others from crossing, a background suspension, people stuck "
    "at a border, a few taken off or cancelled from a flight that left, won't suspend, a plea "
    "to prevent, planned stops, 'no salió de Miami')",
    "negation": "the flight's negation or stop not read (never landed, no se concretó, no "
    "autoriza aterrizaje, will not go ahead, en el limbo, han cesado, obstaculiza)",
    "later-step": "a later step undid it (flight returned, rerouted back, diverted, buses "
    "turned round, returned to Florida, reboarded for the return flight)",
    "past-plan": "a plan told in the past, then stopped (estaba previsto que despegara)",
    "programme": "a programme, not a single flight (confía en reanudar, planning to increase "
    "flights)",
}
CAUSES = {
    "fl-12031": "not-this-flight", "fl-33411": "purpose", "fl-33416": "future",
    "fl-33427": "later-step", "fl-33428": "complement", "fl-33441": "complement",
    "fl-31710": "future", "fl-31724": "future", "fl-4007": "headline",
    "fl-4015": "not-this-flight", "fl-4016": "not-this-flight", "fl-4017": "not-this-flight",
    "fl-20002": "purpose", "fl-7012": "not-this-flight", "fl-7040": "headline",
    "fl-7058": "later-step", "fl-9903": "headline", "fl-6003": "complement",
    "fl-6005": "complement", "fl-6018": "not-this-flight", "fl-6050": "later-step",
    "fl-10002": "not-this-flight", "fl-9501": "negation", "fl-9536": "headline",
    "fl-21031": "not-this-flight", "fl-21036": "complement", "fl-3015": "complement",
    "fl-3031": "not-this-flight", "fl-3036": "not-this-flight", "fl-3037": "not-this-flight",
    "fl-3060": "complement", "fl-3068": "later-step", "fl-3081": "negation",
    "fl-3083": "programme", "fl-3092": "negation", "fl-19006": "not-this-flight",
    "fl-19008": "not-this-flight", "fl-19010": "not-this-flight", "fl-19026": "past-plan",
    "fl-9608": "complement", "fl-9624": "negation", "fl-27007": "programme",
    "fl-27024": "not-this-flight", "fl-11003": "not-this-flight", "fl-29008": "not-this-flight",
    "fl-9706": "headline", "fl-9719": "not-this-flight", "fl-9728": "future",
    "fl-9732": "negation", "fl-28003": "future", "fl-28019": "complement",
    "fl-28030": "negation", "fl-5004": "negation", "fl-5008": "future", "fl-5021": "headline",
    "fl-5022": "purpose", "fl-5047": "later-step", "fl-5052": "headline",
    "fl-9813": "not-this-flight", "fl-9827": "not-this-flight", "fl-9611": "purpose",
    "fl-9737": "later-step", "fl-28017": "complement",
}  # fmt: skip


def _today(obj: dict[str, Any]) -> str:
    flight = predict(obj)
    if flight is not None:
        return str(flight.status)
    return read_status(item_parts(obj["title"], obj.get("summary") or "")).value


def errors() -> list[dict[str, Any]]:
    """Every true report whose honest status is wrong (a missed record counts wrong)."""
    honest = json.loads(CUES.read_text(encoding="utf-8"))
    rows = []
    for name, entry in honest.items():
        assert name not in JUDGES
        lines = (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
        items = {o["id"]: o for o in map(json.loads, filter(None, lines))}
        for it in entry["items"]:
            obj = items[it["id"]]
            truth = (obj.get("flight") or {}).get("status")
            if truth is None or (it["record"] and it["status"] == truth):
                continue
            cue = (it.get("cue") or {}).get("value")
            got = it["status"] if it["record"] else cue
            rows.append({"file": name[8:-6], "id": it["id"], "lang": obj["lang"],
                         "truth": truth, "got": got, "found": it["record"],
                         "today": _today(obj), "title": obj["title"]})  # fmt: skip
    return rows


def _table(rows: list[dict[str, Any]], key: str) -> list[str]:
    counts = Counter((r[key], r["lang"]) for r in rows)
    names = sorted({k for k, _ in counts}, key=lambda k: -(counts[k, "en"] + counts[k, "es"]))
    right = Counter(r[key] for r in rows if r["today"] == r["truth"])
    return [
        f"  {k:<26} {counts[k, 'en'] + counts[k, 'es']:>3}  en {counts[k, 'en']:>2}  es "
        f"{counts[k, 'es']:>2}  today right {right[k]}"
        for k in names
    ]


def main() -> None:
    rows = errors()
    missed = [r for r in rows if not r["found"]]
    studied = [r for r in rows if r["found"] or r["got"] != r["truth"]]
    assert {r["id"] for r in studied} == set(CAUSES), "CAUSES out of step with the cues"
    for r in studied:
        r["confusion"] = f"{r['truth']} read {r['got']}"
        r["cause"] = CAUSES[r["id"]]
    out = [
        f"honest status errors: {len(rows)} of the studied reports "
        f"({len(missed)} missed records, {sum(r['got'] == r['truth'] for r in missed)} of them "
        f"with a right cue; {len(rows) - len(missed)} found records with a wrong status)",
        f"status-cue errors studied: {len(studied)} (found records wrong, missed with a wrong cue)",
        f"today's rules (this checkout) right on them: "
        f"{sum(r['today'] == r['truth'] for r in studied)}",
        "", "by confusion (truth read as):", *_table(studied, "confusion"),
        "", "by cause:", *_table(studied, "cause"),
        "", "causes:", *(f"  {k}: {v}" for k, v in KINDS.items()),
        "", "items (file id lang truth honest today cause | title):",
        *(f"  {r['file']} {r['id']} {r['lang']} {r['truth']} {r['got']} {r['today']} "
          f"{r['cause']} | {r['title'][:90]}" for r in studied),
    ]  # fmt: skip
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out[:3]))


if __name__ == "__main__":
    main()
