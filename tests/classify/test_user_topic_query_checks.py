"""User topic queries as a user writes them (stop 38 audit): queries that would
silently never match (an operator in lower case, an OR with a bare NOT), "more like this"
terms counted twice, the terms a query needs at least, and the bound on user topics."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from wirewatch_classify import user_topics
from wirewatch_classify.engine import Classifier
from wirewatch_classify.like import example_terms, like_query
from wirewatch_classify.query import parse_query, terms
from wirewatch_shared.events import ClassifiedItem, FeedItem

from wirewatch.schema import upgrade

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("query", "word", "position"),
    [
        ("putin or trump", "or", 7),  # "or" must occur: Putin alone never matches
        ("putin not trump", "not", 7),  # the opposite of what was meant
        ("frontera and muro", "and", 10),  # "and" never occurs in Spanish items
        ('"small boats" near Channel', "near", 15),
        ("deport* Near/3 flight", "Near/3", 9),
        ("atleast/2 (a b c)", "atleast/2", 1),
    ],
)
def test_an_operator_in_lower_case_is_refused_with_the_fix(
    query: str, word: str, position: int
) -> None:
    with pytest.raises(user_topics.UserTopicError) as info:
        user_topics.validate("x", query=query, reserved=[])
    message = str(info.value)
    assert f"{word!r}" in message and word.upper() in message and "quotes" in message
    assert f"(at character {position})" in message


def test_the_word_in_quotes_and_the_operator_in_capitals_are_accepted() -> None:
    assert user_topics.validate("x", query='putin OR trump "or"', reserved=[]).query
    assert user_topics.validate("x", query='"rock and roll"', reserved=[]).query
    assert user_topics.validate("x", query="Oregon ORTEGA notary", reserved=[]).query


def test_a_stored_or_announced_lower_case_query_still_loads() -> None:
    """Definitions stored before the check keep working (read, not refused)."""
    stored = user_topics.Definition("old", "query", query="rock and roll")
    assert [t.name for t in user_topics.compile_all([stored])] == ["old"]
    announced = user_topics.from_event_dict("old", {"kind": "query", "query": "rock and roll"})
    assert announced.query == "rock and roll"


def test_more_like_this_never_lists_a_word_and_its_own_prefix() -> None:
    """'russia' and 'russia*' (from 'Russian') are one term: listed twice, one word
    counted as two toward ATLEAST/n."""
    assert example_terms(("Russia hacked", "Russian hackers")) == {"russia*", "hacked*", "hacker*"}
    # Real titles (corpus/feeds/news-sites/codehollow-feedreader/Rss20IndianExpress.xml,
    # Rss20JapanTimes.xml, Rss20NYTimes.xml, Rss20TheMirror.xml, Rss20CTVNews.xml; January 2017).
    examples = [
        ("Report on election hacking says Russia plans to do more", ""),
        ("US intelligence report says Putin directed cyber campaign to help Trump win", ""),
        ("Trump calls Russian hacking controversy ‘political witch hunt’", ""),
        ("Donald Trump’s aides say president-elect open to Russian hack info", ""),
        ("Russia interfered in Presidential elections: US intelligence chief", ""),
        ("US obtained evidence after election that Russia leaked emails, says officials", ""),
        ("Putin ordered effort to help Trump, hurt Clinton: U.S. intelligence report", ""),
        ("Putin Led a Complex Cyberattack Scheme to Aid Trump, Report Finds", ""),
        ("News Analysis: Russian Intervention in American Election Was No One-Off", ""),
        ("British spies alerted America to Russia's cyber attack on US election", ""),
    ]
    listed = terms(parse_query(like_query(examples)))
    stems = [t.rstrip("*") for t in listed]
    assert not [t for t in stems if any(o != t and o.startswith(t) for o in stems)], listed


def test_the_number_of_user_topics_is_bounded_with_a_reason(engine: Engine) -> None:
    """Past 254 topics matching one item, the ClassifiedItem exceeds its 256 matches
    and every consumer refuses it (the built-in topics' alerts lost with it)."""
    from sqlmodel import Session
    from wirewatch_classify.models import UserTopicRow

    upgrade(engine)
    with Session(engine) as session:  # the rows as `topics add` writes them, in one go
        for k in range(user_topics.MAX_USER_TOPICS):
            session.add(UserTopicRow(name=f"t{k}", kind="phrases", phrases_json='["pateras"]'))
        session.commit()
    one_more = user_topics.validate("one-more", phrases=["cayucos"], reserved=[])
    with pytest.raises(user_topics.UserTopicError, match="already 200 user topics"):
        user_topics.create(engine, one_more)
    # Replacing one at the limit is still allowed; removing one makes room.
    replaced = user_topics.validate("t0", phrases=["cayucos"], reserved=[])
    assert user_topics.create(engine, replaced, replace=True) is True
    assert user_topics.delete(engine, "t1")
    assert user_topics.create(engine, one_more) is False
    # Every topic matching one item still fits the event every consumer reads.
    compiled = user_topics.compile_all(user_topics.list_definitions(engine))
    classifier = Classifier.load().with_user_topics(compiled)
    title = "Deportation flight of 120 migrants lands after pateras and cayucos reach the coast"
    matches, entities = classifier.classify(title, "")
    assert len(matches) > user_topics.MAX_USER_TOPICS
    item = FeedItem(
        item_id="i",
        feed_id=1,
        feed_url="https://example.org/feed",
        title=title,
        published=datetime.now(UTC),
        fetched_at=datetime.now(UTC),
    )
    now = datetime.now(UTC)
    ClassifiedItem(item=item, matches=matches, entities=entities, classified_at=now)


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("a", 1),
        ("a b", 2),
        ("a OR b c", 1),
        ("ATLEAST/2 (a b c)", 2),
        ("ATLEAST/2 (a b a)", 1),  # "a" twice: one term reaches 2
        ("a NEAR/3 b", 2),
        ("a NEAR a", 1),
        ("a NOT b", 1),
        ("(a OR b) (a OR c)", 1),  # "a" alone
        ('ATLEAST/3 (a b "c d" NEAR/3 e)', 4),  # the pair needs both its terms
    ],
)
def test_the_terms_a_query_needs_at_least(query: str, need: int) -> None:
    from wirewatch_classify.query import min_terms

    assert min_terms(parse_query(query)) == need


def test_checking_the_bound_first_changes_no_match_on_real_items(corpus_dir: Path) -> None:
    """The bench's 100 user topics (bench/classify_user_topics.py) over the corpus news
    and the dev set: the same matches and evidence with the bound as without it."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from classify_core import corpus_items, dev_items
    from classify_user_topics import user_topics as bench_topics

    corpus = corpus_items()
    classifier = Classifier.load().with_user_topics(bench_topics(corpus, 100))
    unbounded = Classifier.load().with_user_topics(bench_topics(corpus, 100))
    unbounded._user_need = dict.fromkeys(unbounded._user_need, 0)
    items = corpus + dev_items()
    tagged = 0
    for title, summary in items:
        got = classifier.classify(title, summary)
        assert got == unbounded.classify(title, summary), title
        tagged += any(m.topic.startswith("user-") for m in got[0])
    assert tagged > len(items) // 10  # the topics do match: the check is not vacuous


@pytest.mark.parametrize("query", ["putin OR NOT trump", "NOT trump OR putin"])
def test_an_or_with_a_bare_not_says_what_it_would_match(query: str) -> None:
    """It would match every item without "trump": refused, and not as "only excludes"
    (it does name a word that may occur)."""
    with pytest.raises(user_topics.UserTopicError) as info:
        user_topics.validate("x", query=query, reserved=[])
    message = str(info.value)
    assert "only excludes" not in message
    assert "every item without" in message and "AND NOT" in message
