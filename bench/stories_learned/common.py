"""Shared helpers of the learned pair-decision measurements (issue #13, the twenty-sixth round).

Every labelled stories file but the judges of the round (``JUDGES``: never opened here) is
read, its items' cues extracted once (classify's shipped gazetteer, as the service finds
entities), then clustered in publication order exactly as ``wirewatch stories eval`` does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.features import extract
from wirewatch_stories.offline import parse_published

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# never opened by a round: the judges. gloaming and noctis, judges until stop 29, were released
# for study at stop 30 and are training files since; meridian, ember, cinder, kindling and
# tinder (judges of stops 28-45) were released for study at stop 46 (rolling judges: the older
# judges become studied files when new ones are sealed); fresh45 (stop 45's judge) was released
# at stop 47, fresh46 (stop 46's) at stop 48, fresh47a and fresh47b (stop 47's) at stop 49,
# fresh48 and fresh48b (stop 48's) at stop 50, fresh49 and fresh49b (stop 49's) at stop 51,
# fresh50 and fresh50b (stop 50's) at stop 52, fresh51 and fresh51b (stop 51's) at stop 53,
# fresh52 and fresh52b (stop 52's) at stop 54. fresh53 (stop 53's) and fresh54 (stop 54's) judge.
JUDGES = ("stories_fresh53.jsonl", "stories_fresh54.jsonl")
SWITCH = {"main": "", "A": "A", "B": "B"}
"""A round's label -> its candidate switch's value ("" is main's code; the rounds since stop 50)."""


@dataclass(frozen=True)
class Item:
    index: int  # position in the file
    story: str
    cues: frozenset[str]
    published: float | None


def labelled_files() -> list[Path]:
    return [p for p in sorted(DATA.glob("stories_*.jsonl")) if p.name not in JUDGES]


def load_items(path: Path) -> list[Item]:
    from wirewatch.cli.stories_cmds import _entity_finder

    finder = _entity_finder(None)
    rows: list[dict[str, Any]] = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line
    ]
    items = []
    for n, row in enumerate(rows):
        title, summary = str(row.get("title") or ""), str(row.get("summary") or "")
        found = finder(title, summary)
        cues = extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues
        published = parse_published(row.get("published"))
        items.append(
            Item(
                n, str(row["story"]), frozenset(cues), published.timestamp() if published else None
            )
        )
    return items


def ordered(items: list[Item]) -> list[Item]:
    """The items in the order the service sees them (``offline.processing_order``): by
    publication, undated ones last in file order."""
    keyed = sorted((it.published is None, it.published or 0.0, it.index) for it in items)
    return [items[n] for _, _, n in keyed]


def cluster(items: list[Item], clusterer: Clusterer | None = None) -> ClusterReport:
    clusterer = clusterer or Clusterer()
    predicted: dict[int, str] = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        predicted[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    return evaluate([it.story for it in items], [predicted[it.index] for it in items])


def mean_figures(reports: dict[str, ClusterReport]) -> tuple[float, float, float]:
    """Mean pairwise F1, B-cubed F1 and alerts per story over the files' reports."""
    n = len(reports)
    return (
        sum(r.pairwise_f1 for r in reports.values()) / n,
        sum(r.bcubed_f1 for r in reports.values()) / n,
        sum(r.alerts_per_story for r in reports.values()) / n,
    )
