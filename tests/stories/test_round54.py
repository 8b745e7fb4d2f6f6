"""A report repeating a story's own figures up to four days on is its late report, not a stale
one (stop 54, issue 13; bench/stories_round54/RULE.md). Pairs of studied items giving the same
figures 72-96 h apart: 20 of one story, 5 of two (96-120 h: 2 against 22). Rows quoted verbatim
from the labelled files (source, date and link in each row): fresh52's ombudsmen report of 14,000
reverse migrants (es, en, 29-30 Aug 2025) and its first report of 2 Sep ("…, UN reports"), which
main split off; and the pairs of two stories beside it (twilight's captain arrested then released,
fresh48's repatriation flights four days apart), which stay apart."""

from __future__ import annotations

from typing import Any

import pytest
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import extract
from wirewatch_stories.offline import cluster_rows, parse_published
from wirewatch_stories.scoring import FIGURES_S, STALE_FACTOR

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder

HOUR = 3600.0
OMBUDSMEN = "2025-08-29-ombudsmen-report-14000-reverse-migration"
UN_REPORTS = (
    "14,000 US-bound migrants have turned back south since Trump border changes, UN reports"
)


def _stories(name: str) -> tuple[list[dict[str, Any]], list[str]]:
    rows = labelled_rows(name)
    return rows, [d.story_id for d in cluster_rows(rows, _entity_finder(None))]


def _cues(row: dict[str, Any]) -> frozenset[str]:
    title, summary = str(row["title"]), str(row.get("summary") or "")
    found = _entity_finder(None)(title, summary)
    return frozenset(
        extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues
    )


def test_the_first_late_report_of_the_14000_joins_the_ombudsmen_story() -> None:
    rows, ids = _stories("fresh52")
    story = [n for n, r in enumerate(rows) if r["story"] == OMBUDSMEN]
    early = {ids[n] for n in story if rows[n]["published"] < "2025-08-31"}
    (late,) = [n for n in story if rows[n]["title"] == UN_REPORTS]
    assert len(early) == 1
    assert ids[late] in early  # on main: a story of its own (the 29 Aug pairs are stale)


def test_same_figures_are_not_stale_up_to_four_days() -> None:
    assert FIGURES_S == 96 * HOUR
    rows = {r["title"]: r for r in labelled_rows("fresh52") if r["story"] == OMBUDSMEN}
    late = rows[UN_REPORTS]
    (earlier,) = [r for t, r in rows.items() if t.startswith("Más de 14.000 migrantes")]
    clusterer = Clusterer(pair_model=None)
    left, right = _cues(late), _cues(earlier)
    times = (parse_published(late["published"]), parse_published(earlier["published"]))
    assert times[0] is not None and times[1] is not None
    gap = times[0].timestamp() - times[1].timestamp()
    assert 72 * HOUR < gap <= FIGURES_S
    same_day = clusterer.similarity(left, right)
    at_gap = clusterer.similarity(left, right, published=(gap, 0.0))
    assert same_day > 0 and at_gap == pytest.approx(same_day, rel=1e-12)  # main: cut by half
    further = clusterer.similarity(left, right, published=(FIGURES_S + HOUR, 0.0))
    assert further == pytest.approx(STALE_FACTOR * same_day, rel=1e-12)


@pytest.mark.parametrize(
    ("name", "first", "second"),
    [
        ("twilight", 52, 56),  # a captain arrested, then released three and a half days on
        ("fresh48", 35, 36),  # a repatriation flight from Miami, another four days on
        ("fresh48", 37, 40),  # 130-odd repatriated on a flight, 133 on another four days on
    ],
)
def test_the_next_event_with_the_same_figures_stays_apart(
    name: str, first: int, second: int
) -> None:
    rows, ids = _stories(name)
    assert rows[first]["story"] != rows[second]["story"]
    assert ids[first] != ids[second]
