"""The classifier's gate in front of the flight extractor, measured on the studied flights
sets (issue 15 / issue 12, stop 32).

In the product a flight record exists only for an item classify tagged
``repatriation-flights`` (``intake.observe``). This script measures what that gate does to
"is a flight record" precision / recall and the field accuracies (counted as
``evaluation.score`` counts them: a missed report is wrong on every field) on the 27
studied files (``tests/data/flights_*.jsonl`` but dev and the two judges), for:

- ``honest``: the extractor's out-of-sample output (``bench/flights_honest``: each file read
  by the rules of the parent of the commit that added it), alone and gated;
- ``current``: today's extractor (in-sample), alone and gated.

The gate is the shipped classifier (``Classifier.load()``, rules + shipped model, as the
classify service builds it) tagging ``repatriation-flights``. Items the classifier was
trained on (same id within a trained file, same link or same folded title as a train/dev
item of the manifest, a background feed entry, or a near-duplicate by the manifest's own
rule, shingle Jaccard >= 0.5) are excluded and counted. Only train/dev keys of the manifest
are read (never test, never the held-back halcyon halves); never a flights judge.

    .venv/bin/python bench/flights_gate/flights_gate.py HONEST_JSON   # writes flights_gate.json
    .venv/bin/python bench/flights_gate/flights_gate.py --report      # tables from that json

flights_gate.json (1.2 MB) is not committed; a run writes it again.

HONEST_JSON is flstack's ``bench/flights_honest/flights_honest_cues.json``. One run takes
about 30 s (2 cores).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch_flights.training import JUDGES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
OUT = Path(__file__).resolve().parent / "flights_gate.json"
FIELDS = ("origin", "destination", "people", "status", "flight_date", "operator")
sys.path.insert(0, str(ROOT / "bench" / "flights_honest"))
from flights_honest_cues import tally  # noqa: E402  (the scoring of the honest cues, once)

TOPIC = "repatriation-flights"


def studied() -> list[Path]:
    return [
        p
        for p in sorted(DATA.glob("flights_*.jsonl"))
        if p.name not in JUDGES and p.name != "flights_dev.jsonl"
    ]


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _link(value: object) -> str:
    text = str(value or "").strip().lower()
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.").rstrip("/")


def trained_items() -> list[dict[str, Any]]:
    """Train and dev items of the manifest (what the shipped model is fitted on)."""
    manifest = json.loads((DATA / "classify_split.json").read_text(encoding="utf-8"))
    keep = set(manifest["splits"]["train"]) | set(manifest["splits"]["dev"])
    out: list[dict[str, Any]] = []
    for name in manifest["files"]:
        stem = name.removesuffix(".jsonl")
        if "halcyon" in stem or not any(k.startswith(stem + ":") for k in keep):
            continue
        for row in _rows(DATA / name):
            if f"{stem}:{row.get('id')}" in keep:
                out.append({"key": f"{stem}:{row.get('id')}", **row})
    return out


def background_titles(rules: Any) -> list[dict[str, Any]]:
    folder = ROOT.parent / "shared" / "corpus" / "feeds"
    if not folder.is_dir():
        return []
    from wirewatch_classify.training import background_items

    return [
        {"key": i.key, "title": i.title, "summary": i.summary}
        for i in background_items(folder, rules)
    ]


def overlap(items: list[dict[str, Any]], rules: Any) -> dict[str, list[str]]:
    """Studied item id -> the trained keys it matches (and how)."""
    from wirewatch_classify.dataset import Item, shingles
    from wirewatch_classify.text import fold

    trained = trained_items()
    background = background_titles(rules)
    by_link: dict[str, list[str]] = {}
    by_title: dict[str, list[str]] = {}
    for t in trained + background:
        if t.get("link"):
            by_link.setdefault(_link(t["link"]), []).append(t["key"])
        by_title.setdefault(" ".join(fold(t.get("title") or "").split()), []).append(t["key"])

    def sh(row: dict[str, Any]) -> frozenset[str]:
        return shingles(
            Item(
                "",
                str(row.get("title") or ""),
                str(row.get("summary") or ""),
                "",
                (),
                False,
                "",
                "",
                {},
            )
        )

    trained_sh = [(t["key"], sh(t)) for t in trained + background]
    found: dict[str, list[str]] = {}
    for row in items:
        hits: list[str] = []
        link = _link(row.get("link"))
        if link:
            hits += [f"link {k}" for k in by_link.get(link, [])]
        title = " ".join(fold(str(row.get("title") or "")).split())
        if title:
            hits += [f"title {k}" for k in by_title.get(title, [])]
        mine = sh(row)
        for key, other in trained_sh:
            if mine and other:
                j = len(mine & other) / len(mine | other)
                if j >= 0.5:
                    hits.append(f"jaccard {j:.2f} {key}")
        if hits:
            found[row["id"]] = hits
    return found


def main(honest_path: Path) -> None:
    from wirewatch_classify.engine import Classifier
    from wirewatch_flights.evaluation import predict, predicted_value

    honest_all = json.loads(honest_path.read_text(encoding="utf-8"))
    classifier = Classifier.load()
    rules = Classifier(classifier.topics)
    items: list[dict[str, Any]] = []
    for path in studied():
        honest = {r["id"]: r for r in honest_all[path.name]["items"]}
        for row in _rows(path):
            h = honest[row["id"]]
            matches, _ = classifier.classify(
                str(row.get("title") or ""), str(row.get("summary") or ""), row.get("lang")
            )
            score = classifier.topic_scores(
                str(row.get("title") or ""), str(row.get("summary") or "")
            )
            flight = predict(row)
            items.append(
                {
                    "file": path.name,
                    "id": row["id"],
                    "lang": row.get("lang"),
                    "title": row.get("title"),
                    "summary": row.get("summary"),
                    "link": row.get("link"),
                    "note": row.get("note"),
                    "labels": row.get("labels") or [],
                    "gold": row.get("flight"),
                    "tags": [m.topic for m in matches],
                    "score": round(score.get(TOPIC, 0.0), 4),
                    "honest": {n: h.get(n) for n in FIELDS} if h["record"] else None,
                    "current": None
                    if flight is None
                    else {n: predicted_value(flight, n) for n in FIELDS},
                }
            )
    seen = overlap(items, rules)
    for item in items:
        item["trained_on"] = seen.get(item["id"], [])
    OUT.write_text(json.dumps(items, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(items)} items, {len(seen)} overlapping the classifier's training", file=sys.stderr)
    print(Counter(h.split()[0] for v in seen.values() for h in v), file=sys.stderr)


def _gate(item: dict[str, Any]) -> bool:
    return TOPIC in item["tags"]


def figures(items: list[dict[str, Any]], source: str, gated: bool) -> dict[str, Any]:
    return tally(
        [
            (i["gold"], i[source] if not gated or _gate(i) else None)
            for i in items
            if not i["trained_on"]
        ]
    )


def _row(name: str, t: dict[str, Any]) -> str:
    r = t["reports"] or 1
    fields = " | ".join(f"{t['right'][n] / r:.3f}" for n in FIELDS)
    return (
        f"| {name} | {t['items']} | {t['reports']} | {t['tp']} | {t['fp']} | {t['fn']} "
        f"| {t['precision'] or 0:.3f} | {t['recall'] or 0:.3f} | {fields} |"
    )


def report() -> None:
    items = json.loads(OUT.read_text(encoding="utf-8"))
    print(f"excluded (classifier trained on them): {sum(bool(i['trained_on']) for i in items)}")
    head = "| set | items | reports | tp | fp | fn | P | R | " + " | ".join(FIELDS) + " |"
    print(head)
    print("|" + "---|" * (8 + len(FIELDS)))
    groups = [("all", items)] + [
        (lang, [i for i in items if i["lang"] == lang]) for lang in ("en", "es")
    ]
    for name, group in groups:
        for source in ("honest", "current"):
            print(_row(f"{name} {source}", figures(group, source, False)))
            print(_row(f"{name} {source} + gate", figures(group, source, True)))
    print()
    print("per file, honest: P R (fp fn) alone -> gated")
    for file in sorted({i["file"] for i in items}):
        group = [i for i in items if i["file"] == file]
        a, b = figures(group, "honest", False), figures(group, "honest", True)
        print(
            f"  {file[8:-6]:10} {a['precision'] or 0:.3f} {a['recall'] or 0:.3f} "
            f"({a['fp']} {a['fn']}) -> {b['precision'] or 0:.3f} {b['recall'] or 0:.3f} "
            f"({b['fp']} {b['fn']})"
        )
    kept = [i for i in items if not i["trained_on"]]
    reports = [i for i in kept if i["gold"]]
    print(
        f"classifier tags {sum(map(_gate, reports))} of {len(reports)} reports and "
        f"{sum(_gate(i) for i in kept if not i['gold'])} of {len(kept) - len(reports)} non-records"
    )


if __name__ == "__main__":
    if sys.argv[1] == "--report":
        report()
    else:
        main(Path(sys.argv[1]))
