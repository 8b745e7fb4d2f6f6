"""tests/data/stories_lauds.jsonl, the twenty-second never-seen stories set (issue 13): its
schema (the rules of tests/stories/test_labelled_sets.py, apart from every earlier stories file)
and the floor of its figures when first measured with main's code, before any change."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder

DATA = Path(__file__).resolve().parents[1] / "data"
COMMON = ["id", "title", "summary", "lang", "published", "link", "source"]
FIELDS = [*COMMON, "story", "labels", "note"]
TOPICS = {"repatriation-flights", "border-policy"}


def _report_of(rows: list[dict[str, Any]]) -> ClusterReport:
    decisions = cluster_rows(rows, _entity_finder(None))
    return evaluate([r["story"] for r in rows], [d.story_id for d in decisions])


def test_lauds_set_is_well_formed_and_apart_from_earlier_sets() -> None:
    items = labelled_rows("lauds")
    for item in items:
        assert list(item) == FIELDS, item.get("id")
        assert item["id"].startswith("st-22"), item["id"]
        assert item["title"].strip() and item["summary"].strip() and item["source"].strip()
        assert item["lang"] in {"en", "es"}, item["id"]
        assert datetime.fromisoformat(item["published"].replace("Z", "+00:00")).tzinfo
        assert item["link"].startswith(("http://", "https://")), item["id"]
        assert item["labels"] and set(item["labels"]) <= TOPICS, item["id"]
    assert len({i["id"] for i in items}) == len({i["link"] for i in items}) == len(items)

    earlier = [p for p in sorted(DATA.glob("stories_*.jsonl")) if "lauds" not in p.name]
    assert len(earlier) >= 22
    for path in earlier:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        for key in ("link", "story", "id"):
            assert {i[key] for i in items}.isdisjoint(r.get(key) for r in rows), (path.name, key)

    per_story: defaultdict[str, set[str]] = defaultdict(set)
    for item in items:
        per_story[item["story"]].add(item["source"])
    assert len(items) >= 40 and len(per_story) >= 9
    assert sum(len(outlets) >= 3 for outlets in per_story.values()) > len(per_story) / 2
    assert 0.35 <= sum(i["lang"] == "es" for i in items) / len(items) <= 0.55


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_twenty_second_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_lauds.jsonl: 0.762 pairwise F1 (precision 0.772, recall 0.753), B-cubed
    0.859 and 1.444 alerts per story when first measured with main's code (7036084), before any
    change, the same in the file's order and five shuffles (seeds 1-5). One merge: Peru's
    passport rule for Venezuelans (17 Aug 2018, two of its three ledes naming Ecuador's) joined
    Ecuador's of the day before. Four splits: the first Bhasan Char relocation (4 Dec 2020) in
    two (AP's and DW's reports, "una isla aislada" and "Bhashan Char", apart from EFE's and the
    Bangladeshi papers' "Bhasan Char"), the third relocation's Reuters announcement two days
    ahead and its Spanish report naming no island ("una isla remota") alone, and a Peruvian
    paper's explainer two days after Peru's announcement alone. Every other look-alike stays
    apart: the three relocations, Ecuador's rule and the judge's suspension of it eight days
    later, the first and third Venezuelan return flights from Lima, the Brazilian judge's
    closure of the Roraima border."""
    rows = labelled_rows("lauds")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    assert report.pairwise_f1 >= 0.76 and report.pairwise_precision >= 0.77
    assert report.pairwise_recall >= 0.75 and report.bcubed_f1 >= 0.85
    assert report.alerts_per_story <= 1.45
