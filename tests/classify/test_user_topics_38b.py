"""User topics, second pass (stop 38): thresholds as listed and documented, stop words of
every ingested language in "more like this", the US written three ways in Spanish,
one classifier rebuild per batch of control events, subscriptions left by a removed topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner
from wirewatch_classify.engine import Classifier

from tests.support.env import cli_database
from wirewatch.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cli_database(monkeypatch, tmp_path)


def _shipped_thresholds() -> dict[str, tuple[float, float]]:
    """(threshold with the model, threshold on the rules-only path) per shipped topic."""
    classifier = Classifier.load()
    assert classifier.model is not None
    return {
        spec.topic: (classifier.model.stacks[spec.topic].threshold, spec.threshold)
        for spec in classifier.topics
    }


def test_topics_list_shows_the_threshold_that_applies() -> None:
    """The listing showed the topic file's threshold (border-policy 0.6), which only the
    rules-only path uses; an item the model reads is reported at the stack's (0.5)."""
    result = runner.invoke(app, ["topics", "list"])
    assert result.exception is None
    shown = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    for topic, (stacked, rules_only) in _shipped_thresholds().items():
        assert f"threshold {stacked:g} (rules only {rules_only:g})" in shown[topic], shown


def test_the_documented_thresholds_are_the_shipped_ones() -> None:
    text = (REPO / "docs" / "classify.md").read_text(encoding="utf-8")
    paragraph = text.split("\nShipped thresholds:", 1)[1].split("\n\n", 1)[0]
    line = " ".join(paragraph.split())
    documented = {
        topic: (float(stacked), float(rules_only))
        for topic, stacked, rules_only in re.findall(
            r"`([a-z-]+)` ([0-9.]+) \(rules only ([0-9.]+)\)", line
        )
    }
    assert documented == _shipped_thresholds()


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


def test_topics_remove_says_how_many_subscriptions_still_name_the_topic(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    """They stay (docs/classify.md): a topic of the same name created later alerts them."""
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)  # PostgreSQL is not upgraded by the CLI
    engine.dispose()
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", database_url)
    monkeypatch.setenv("WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS", "true")

    def ok(args: list[str]) -> str:
        result = runner.invoke(app, args)
        assert result.exception is None, (args, result.stdout, result.exception)
        return result.stdout

    ok(["topics", "add", "boats", "--phrases", "small boats, pateras"])
    ok(["topics", "add", "darien", "--query", '"Darien Gap"'])
    for topics in (["boats"], ["boats", "darien"], ["darien"], ["border-policy"]):
        hook = ["--webhook", "http://127.0.0.1:9/hook"]
        ok(["subscribe", *(a for t in topics for a in ("--topic", t)), *hook])
    out = ok(["topics", "remove", "boats"])
    assert "2 subscription(s) still name boats" in out, out
    out = ok(["topics", "remove", "darien"])
    assert "2 subscription(s) still name darien" in out, out
    ok(["topics", "add", "alone", "--query", "alone"])
    assert "subscription" not in ok(["topics", "remove", "alone"])


async def test_a_restart_replays_the_control_log_with_one_rebuild_per_batch(
    kafka_bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every control event that was not ignored rebuilt the whole classifier, also while
    a (re)starting classifier replays the log: 200 events, 200 rebuilds before it is up
    to date. Now one rebuild per batch the broker hands over."""
    import asyncio
    import time
    import uuid

    from wirewatch_classify import user_topics
    from wirewatch_classify.app import ClassifyService
    from wirewatch_classify.settings import ClassifySettings
    from wirewatch_shared import streams
    from wirewatch_shared.kafka_admin import ensure_streams
    from wirewatch_shared.producer import KeyedProducer

    from wirewatch.schema import upgrade

    count = 200
    await ensure_streams(kafka_bootstrap, [streams.TOPIC_DEFINITIONS])
    settings = ClassifySettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        classify_user_topics_poll_s=600,  # the replay alone brings the events' versions
    )
    run = uuid.uuid4().hex[:8]
    names = [f"r{run}-{i}" for i in range(count)]
    service = ClassifyService(settings)
    upgrade(service.engine)
    # As `topics add --replace` does: the row written, then the change announced (the
    # event is newer than the row, so the replay applies it over the table).
    records = []
    for i, name in enumerate(names):
        user_topics.create(service.engine, user_topics.validate(name, query=f"old{i}", reserved=[]))
    for i, name in enumerate(names):
        newer = user_topics.validate(name, query=f"new{i}", reserved=[])
        event = user_topics.definition_event(name, newer)
        records.append((name.encode(), event.model_dump_json().encode()))
    producer = KeyedProducer(settings, client_suffix="test")
    await producer.start()
    try:
        await producer.publish(streams.TOPIC_DEFINITIONS, records)
    finally:
        await producer.stop()

    rebuilds = 0
    original = Classifier.with_user_topics

    def counted(self: Classifier, topics: object) -> Classifier:
        nonlocal rebuilds
        rebuilds += 1
        return original(self, topics)  # type: ignore[arg-type]

    monkeypatch.setattr(Classifier, "with_user_topics", counted)

    def replayed() -> bool:
        topics = service.classifier.user_topics
        return all(n in topics and topics[n].source == f"new{i}" for i, n in enumerate(names))

    app = service.build_app()
    started = time.monotonic()
    await app.start()
    try:
        deadline = time.monotonic() + 120
        while not replayed():
            assert time.monotonic() < deadline, f"replay incomplete after {rebuilds} rebuilds"
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
    finally:
        await app.stop()
        service.engine.dispose()
    print(f"\n{count} control events replayed in {elapsed:.2f} s, {rebuilds} rebuilds")
    assert rebuilds <= 10, rebuilds
