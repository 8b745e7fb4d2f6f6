"""The first report of a story in a new language (stop 49, issue 13): a story within a day of its
first report takes the item from three quarters of the threshold (the young path) up to six
items, not three, when none of its items is in the item's language. Several outlets of one
language may tell an event within hours before the first report in the other, which scores
lower with each (scoring.LANGUAGE_WORDS). Rows quoted verbatim from the labelled stories files
(source, date, link in the file)."""

from __future__ import annotations

from typing import Any

from wirewatch_stories.cluster import YOUNG_SIZE, Clusterer
from wirewatch_stories.features import extract
from wirewatch_stories.offline import cluster_rows, parse_published
from wirewatch_stories.scoring import LANGUAGE_STORY_SIZE

from tests.stories.support import labelled_rows, shipped_entities

REPEAL = "2019-12-04-australia-senate-repeals-medevac"


def _pieces(rows: list[dict[str, Any]], story: str) -> set[str]:
    """The predicted stories of one true story's rows, the file clustered in publication order."""
    decisions = cluster_rows(rows, shipped_entities())
    return {d.story_id for row, d in zip(rows, decisions, strict=True) if row["story"] == story}


def test_the_spanish_report_of_the_medevac_repeal_joins_the_english_ones() -> None:
    # stories_fresh47b.jsonl st-47b029 to st-47b034: Australia's Senate repeals the medevac law
    # (4 Dec 2019), five English reports ("Refugee medevac laws repealed with Jacqui Lambie's
    # support", The Advertiser...), then the only Spanish one, "Australia: derogan ley de
    # atención a refugiados" (Barricada, https://barricada.com.ni/australia-derogan-ley-atencion-refugiados/).
    # Its best pair scores 0.27 (the threshold is 0.14), the five-item story 0.138: main opened
    # a story for it (fresh47b 1.273 alerts per story).
    rows = labelled_rows("fresh47b")
    assert [r["lang"] for r in rows if r["story"] == REPEAL] == ["en"] * 5 + ["es"]
    assert len(_pieces(rows, REPEAL)) == 1


def test_the_larger_bound_is_for_the_first_report_in_a_new_language_only() -> None:
    rows = [r for r in labelled_rows("fresh47b") if r["story"] == REPEAL]
    clusterer = Clusterer()
    for row in rows[:5]:  # the five English reports, as one story
        published = parse_published(row["published"])
        assert published is not None
        cues = extract(str(row["title"]), str(row["summary"])).cues
        clusterer.add(str(row["id"]), "repeal", cues, published.timestamp())
    story = clusterer._stories["repeal"]
    assert clusterer._young_size("l:es", story) == LANGUAGE_STORY_SIZE == 6
    assert clusterer._young_size("l:en", story) == YOUNG_SIZE == 3  # a sixth English report
    assert clusterer._young_size("", story) == YOUNG_SIZE  # no language: main's bound
