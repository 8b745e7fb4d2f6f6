"""tests/data/stories_compline.jsonl, the twenty-first never-seen stories set (issue 13): its
schema (the rules of tests/stories/test_labelled_sets.py, apart from every earlier stories file)
and the floor of its figures when first measured with main's code, before any change."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

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


def test_compline_set_is_well_formed_and_apart_from_earlier_sets() -> None:
    items = labelled_rows("compline")
    for item in items:
        assert list(item) == FIELDS, item.get("id")
        assert item["id"].startswith("st-21"), item["id"]
        assert item["title"].strip() and item["summary"].strip() and item["source"].strip()
        assert item["lang"] in {"en", "es"}, item["id"]
        assert datetime.fromisoformat(item["published"].replace("Z", "+00:00")).tzinfo
        assert item["link"].startswith(("http://", "https://")), item["id"]
        assert item["labels"] and set(item["labels"]) <= TOPICS, item["id"]
    assert len({i["id"] for i in items}) == len({i["link"] for i in items}) == len(items)

    earlier = [p for p in sorted(DATA.glob("stories_*.jsonl")) if "compline" not in p.name]
    assert len(earlier) >= 21
    for path in earlier:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        for key in ("link", "story", "id"):
            assert {i[key] for i in items}.isdisjoint(r.get(key) for r in rows), (path.name, key)

    per_story: defaultdict[str, set[str]] = defaultdict(set)
    for item in items:
        per_story[item["story"]].add(item["source"])
    assert len(items) >= 50 and len(per_story) >= 11
    assert sum(len(outlets) >= 3 for outlets in per_story.values()) > len(per_story) / 2
    assert 0.35 <= sum(i["lang"] == "es" for i in items) / len(items) <= 0.55


def test_twenty_first_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_compline.jsonl: 0.807 pairwise F1 (precision 0.762, recall 0.857),
    B-cubed 0.905 and 1.091 alerts per story when first measured with main's code (8059845),
    before any change, the same in six orders. One merge: the Maryland ruling against the
    revised travel ban (16 Mar 2017) joined the Hawaii ruling against the same order hours
    before. One split: the Balkan route's closure (8-9 Mar 2016) in two, the reports led by
    Slovenia and Serbia apart from those led by Macedonia. Every other look-alike stays apart.
    Studied from the twenty-first round on: with a ruling's seat (the headline's regions) the
    two rulings part, 0.875 (precision 0.948, recall 0.812) and 1.182 alerts per story in six
    orders; one Spanish Maryland report naming no place ("sufre una segunda derrota") stays
    with Hawaii's, hence the second alert."""
    report = _report_of(labelled_rows("compline"))
    assert report.pairwise_f1 >= 0.87 and report.pairwise_precision >= 0.94
    assert report.alerts_per_story <= 1.19
