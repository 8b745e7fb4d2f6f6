"""User topics in the languages Wirewatch ingests (stop 38): stop words of every ingested
language left out of "more like this", and the US written three ways in Spanish (EE.UU.,
EE. UU., EEUU) matched alike by queries, phrases, NEAR and the built-in entities."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from wirewatch_classify.engine import Classifier

from tests.support.env import cli_database

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cli_database(monkeypatch, tmp_path)


CODEHOLLOW = REPO.parent / "shared" / "corpus" / "feeds" / "news-sites" / "codehollow-feedreader"


def _feed_examples(name: str) -> list[tuple[str, str]]:
    import feedparser

    parsed = feedparser.parse(str(CODEHOLLOW / name))
    return [(e.title, re.sub(r"<[^>]+>", " ", e.get("summary", ""))) for e in parsed.entries]


@pytest.mark.parametrize(
    ("feed", "content"),
    [
        # finanzen.net analyst ratings (no date in the feed, captured January 2017)
        ("Rss20FinanzenNet.xml", {"analys*", "kurszi*"}),
        # derStandard.at, 2016-12-30
        ("Rss20DaStandardAt.xml", {"balkan*"}),
    ],
)
def test_more_like_this_leaves_out_german_function_words(feed: str, content: set[str]) -> None:
    """German examples gave ``ATLEAST/n (der die und ... des mit als das ist von den)``:
    only English and Spanish stop words were dropped."""
    from stop_words import get_stop_words
    from wirewatch_classify.like import like_query
    from wirewatch_classify.query import parse_query, terms
    from wirewatch_classify.text import fold

    german = {fold(w) for w in get_stop_words("german")}
    listed = set(terms(parse_query(like_query(_feed_examples(feed)))))
    assert not listed & german, listed & german
    assert content <= listed, listed


def test_a_word_that_is_a_stop_word_elsewhere_stays_in_english_examples() -> None:
    """German 'war', French 'car', Italian 'fine' are English content words."""
    from wirewatch_classify.like import example_terms

    # Real title: corpus .../codehollow-feedreader/Rss20JapanTimes.xml (January 2017).
    assert "war" in example_terms(("Will Washington and Beijing’s cool war heat up?", ""))


# Real titles: tests/data/classify_dev.jsonl dev-0029 (Runrun.es) and dev-0116 (La Nación,
# ANSA); corpus .../codehollow-feedreader/Rss10Minutos20.xml (20minutos.es, January 2017).
US_THREE_WAYS = [
    "Llegó a Maiquetía el tercer vuelo con venezolanos deportados desde EE.UU.",
    "Migración: El Salvador suma 162 vuelos con deportados desde EE. UU.",
    'EEUU dice que Putin ordenó ciberataques por su "clara" preferencia por Trump',
]


@pytest.mark.parametrize(
    "definition",
    [
        {"query": "EE.UU."},
        {"query": "EEUU"},
        {"query": '"EE. UU."'},
        {"query": "(EEUU OR Washington) AND NOT nada"},
        {"query": "ATLEAST/1 (EE.UU. deportados)"},
        {"phrases": ["EE.UU."]},
        {"phrases": ["EEUU"]},
    ],
)
def test_the_us_written_any_of_three_ways_matches_all_three(
    classifier: Classifier, definition: dict[str, object]
) -> None:
    from wirewatch_classify import user_topics

    topic = user_topics.validate("us", reserved=[], **definition).compile()  # type: ignore[arg-type]
    with_topic = classifier.with_user_topics([topic])
    matched = [
        any(m.topic == "us" for m in with_topic.classify(title, "")[0]) for title in US_THREE_WAYS
    ]
    assert matched == [True, True, True], definition


def test_near_counts_the_joined_and_the_split_form_alike(classifier: Classifier) -> None:
    from wirewatch_classify import user_topics

    topic = user_topics.validate("us", query="deportados NEAR/1 EEUU", reserved=[]).compile()
    with_topic = classifier.with_user_topics([topic])
    assert all(
        any(m.topic == "us" for m in with_topic.classify(t, "")[0]) for t in US_THREE_WAYS[:2]
    )
    assert not any(m.topic == "us" for m in with_topic.classify(US_THREE_WAYS[2], "")[0])


def test_the_built_in_entities_know_the_three_spellings(classifier: Classifier) -> None:
    """The gazetteer lists "=EE.UU." and "=EEUU"; "EE. UU." folds like the first."""
    assert all("US" in classifier.classify(t, "")[1].countries for t in US_THREE_WAYS)
