"""After the outcome (``RULE.md``): which decisions candidate A or B changes, main's shipped table.

    cd bench/stories_round50b && git apply close_reports50b.diff (from the repo root), then
    ../../.venv/bin/python diag_stround50b.py A FILE... > diag50b_A.txt

Each named studied file clustered in publication order with ``cluster.JOIN_50B`` off and set to
the label; every item whose story differs between the two runs' first diverging decision on is
printed once (the first divergence per file: later ones follow from it), with the vouching pair's
verdict (right: the item joins a story holding its own story's items). Studied files only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import DATA, load_items, ordered
from wirewatch_stories import cluster


def run(path: Path, switch: str) -> list[tuple[int, bool, str]]:
    cluster.JOIN_50B = switch  # type: ignore[attr-defined]  # the switch is in close_reports50b.diff
    items = load_items(path)
    clusterer = cluster.Clusterer()
    out = []
    for it in ordered(items):
        when = max(it.published if it.published is not None else clusterer.clock, -1e18)
        d = clusterer.assign(str(it.index), it.cues, when)
        out.append((it.index, d.opened, d.matched_item or ""))
    return out


def main() -> None:
    label, names = sys.argv[1], sys.argv[2:]
    for name in names:
        path = DATA / f"stories_{name}.jsonl"
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        before, after = run(path, ""), run(path, label)
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b[1] != a[1]]
        print(f"[{name}] {len(changed)} decisions open/join changed")
        for (i, opened, _), (_, _, matched) in changed[:6]:
            r = rows[i]
            m = rows[int(matched)] if matched else None
            verdict = "right" if m and m["story"] == r["story"] else "WRONG"
            print(
                f"  main {'opens' if opened else 'joins'}; {label} {verdict}: "
                f"{r['published'][:16]} {r['lang']} {r['title'][:70]}"
            )
            if m:
                print(f"      with {m['published'][:16]} {m['lang']} {m['title'][:70]}")


if __name__ == "__main__":
    main()
