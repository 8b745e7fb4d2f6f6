"""Items of the stories and classify files labelled repatriation-flights that the extractor does
not accept (a pool for reading how reports are phrased; no flight labels, so no figure of recall).

Skips the sealed sets (any file named *fresh45* or *fresh46*) and any item whose folded title or
link is also in a flights judge (flights_fresh45, flights_fresh46: compared without reading them;
only the count skipped is printed) or in a studied flights file (counted there already).

Usage: .venv/bin/python bench/flights_recall46/pool_rejects.py [LANG] [--json OUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.evaluation import predict
from wirewatch_flights.text import fold

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
SEALED = ("fresh45", "fresh46")


def keys(obj: dict[str, object]) -> set[str]:
    out = {fold(str(obj.get("title") or "")).strip()}
    link = obj.get("link") or obj.get("url")
    if link:
        out.add(str(link).strip())
    return out - {""}


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> None:
    lang = next((a for a in sys.argv[1:] if a in ("en", "es")), None)
    judge_keys: set[str] = set()
    studied_keys: set[str] = set()
    for path in DATA.glob("flights_*.jsonl"):
        target = judge_keys if any(s in path.stem for s in SEALED) else studied_keys
        for obj in rows(path):
            target |= keys(obj)
    seen: set[str] = set()
    out, skipped_judge, skipped_studied, total = [], 0, 0, 0
    files = sorted([*DATA.glob("classify_*.jsonl"), *DATA.glob("stories_*.jsonl")])
    for path in files:
        if any(s in path.stem for s in SEALED):
            continue
        for obj in rows(path):
            if "repatriation-flights" not in list(obj.get("labels") or []):  # type: ignore[call-overload]
                continue
            if lang and obj.get("lang") != lang:
                continue
            k = keys(obj)
            if k & judge_keys:
                skipped_judge += 1
                continue
            if k & studied_keys:
                skipped_studied += 1
                continue
            if k & seen:
                continue
            seen |= k
            total += 1
            if obj.get("published") is None and obj.get("date"):
                obj = {**obj, "published": obj["date"]}
            if predict(obj) is None:
                out.append(
                    {
                        "file": path.stem,
                        "id": obj["id"],
                        "lang": obj.get("lang"),
                        "title": obj.get("title"),
                        "summary": obj.get("summary"),
                    }
                )
    for r in out:
        print(
            f"{r['file']} {r['id']} [{r['lang']}]\n"
            f"  T: {r['title']}\n  S: {str(r['summary'])[:500]}\n"
        )
    print(
        f"{len(out)} rejected of {total} pool items; skipped {skipped_judge} (in a judge), "
        f"{skipped_studied} (in a studied flights file)"
    )
    if "--json" in sys.argv:
        Path(sys.argv[sys.argv.index("--json") + 1]).write_text(
            json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
