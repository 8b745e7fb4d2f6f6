"""A user topic whose definition cannot fit one record is refused when it is defined, with
the reason, and nothing is stored or announced (stop 39).

Before stop 39 a phrase list was bounded at 1,000 phrases of 2,000 characters (~12 MB of
JSON at worst, 8 keys of it ~96 MB), over the producer's 1 MiB record limit: ``topics add``
stored such a topic, the producer refused its control event, and the CLI said "could not
announce on Kafka (MessageSizeTooLargeError); running classifiers pick it up from the
database", exit 0, as if the broker were down. The topic was kept (classifiers polled it
from the table) though no control event could ever carry it."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from functools import cache
from pathlib import Path

import feedparser
import pytest
from pydantic import ValidationError
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner
from wirewatch_classify import user_topics
from wirewatch_classify.engine import UserTopic
from wirewatch_classify.models import UserTopicRow
from wirewatch_shared import events, streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.kafka_admin import ensure_streams

from tests.support.env import clear_settings
from tests.support.streams import read_stream_to_end
from wirewatch.cli import app
from wirewatch.cli.errors import UserError
from wirewatch.schema import upgrade

# A real capture: GeekPark (极客公园), Chinese tech news, December 2020 (corpus SOURCES.md,
# spacecowboy/Feeder). Its articles are long runs of text with no ASCII comma, so each
# run is one ``--phrases`` member as typed.
GEEKPARK = "feeder/rss_geekpark.xml"


@cache
def _passages(capture: Path) -> list[str]:
    """The capture's article text (markup dropped, whitespace collapsed) cut at ASCII
    commas, and a run longer than the old 2,000-character bound at its sentence ends into
    the longest runs of whole sentences within it: verbatim passages, in feed order."""
    found: list[str] = []
    for entry in feedparser.parse(str(capture)).entries:
        html = (entry.get("content") or [{"value": entry.get("summary", "")}])[0]["value"]
        for run in " ".join(re.sub(r"<[^>]+>", " ", html).split()).split(","):
            found.extend(_within(re.findall(r".+?(?:[。！？]|$)", run), 2000))
    return [p for p in dict.fromkeys(found) if len(p) >= 100 and _compiles(p)]


def _compiles(phrase: str) -> bool:
    """A valid phrase: one with a lone mark ("|", "/") has an empty word and is refused."""
    try:
        UserTopic.from_phrases("p", [phrase])
    except ValueError:
        return False
    return True


def _within(sentences: list[str], limit: int) -> list[str]:
    """Consecutive sentences joined into passages of at most ``limit`` characters."""
    out = [""]
    for sentence in sentences:
        if out[-1] and len(out[-1]) + len(sentence) > limit:
            out.append("")
        out[-1] += sentence
    return [p.strip() for p in out if 0 < len(p.strip()) <= limit]


@pytest.fixture
def real(corpus_dir: Path) -> list[str]:
    return _passages(corpus_dir / GEEKPARK)


def _stored(url: str) -> int:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return session.exec(select(func.count()).select_from(UserTopicRow)).one()
    finally:
        engine.dispose()


@pytest.fixture
def cli_url(database_url: str, monkeypatch: pytest.MonkeyPatch, kafka_bootstrap: str) -> str:
    """The CLI on this test's database (SQLite and PostgreSQL, at the schema) and broker."""
    clear_settings(monkeypatch)
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", database_url)
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", kafka_bootstrap)
    asyncio.run(ensure_streams(kafka_bootstrap, [streams.TOPIC_DEFINITIONS]))
    assert CliRunner().invoke(app, ["db", "upgrade"]).exit_code == 0
    return database_url


def _refused(url: str, bootstrap: str, name: str, phrases: list[str]) -> str:
    """``topics add NAME --phrases ...`` refused: its reason (the CLI prints it, exit 2);
    nothing stored, nothing announced."""
    result = CliRunner().invoke(app, ["topics", "add", name, "--phrases", ",".join(phrases)])
    assert isinstance(result.exception, UserError), result.output
    assert "announce" not in result.output
    assert _stored(url) == 0
    keys = {r.key for r in read_stream_to_end(bootstrap, streams.TOPIC_DEFINITIONS)}
    assert name.encode() not in keys
    return str(result.exception)


@pytest.fixture
def name() -> str:
    """A topic name of the test's own: the session's broker keeps every test's records."""
    return f"geekpark-{uuid.uuid4().hex[:8]}"


@pytest.mark.integration
def test_a_phrase_list_too_big_for_one_record_is_refused_and_nothing_kept(
    cli_url: str, kafka_bootstrap: str, real: list[str], name: str
) -> None:
    """The capture's passages, the list pasted until it had the old bound's 1,000 phrases:
    ~3.7 MB of JSON, which no control event can carry."""
    assert len(real) > 30 and max(map(len, real)) <= 2000  # each within the old bound
    pasted = [real[i % len(real)] for i in range(1000)]
    assert sum(len(p.encode()) for p in pasted) > 2 * 1024 * 1024

    reason = _refused(cli_url, kafka_bootstrap, name, pasted)
    assert reason == f"too many phrases: at most {events.PHRASES_MAX} allowed, not 1000"


@pytest.mark.integration
def test_one_phrase_longer_than_the_bound_is_refused_naming_it(
    cli_url: str, kafka_bootstrap: str, real: list[str], name: str
) -> None:
    """Three short phrases and one real passage: the reason says which phrase and how long
    it may be; nothing is stored."""
    long = real[0]
    phrases = ["pateras", "cayucos", "small boats", long]
    assert _refused(cli_url, kafka_bootstrap, name, phrases) == (
        f"phrase 4 ({long[:30]!r}...) is too long: "
        f"at most {events.PHRASE_MAX} characters allowed, not {len(long)}"
    )


@pytest.mark.integration
def test_a_phrase_list_at_the_bounds_is_stored_and_announced_in_one_record(
    cli_url: str, kafka_bootstrap: str, real: list[str], name: str
) -> None:
    """The most phrases, each the capture's text cut to the longest phrase (numbered, so
    all differ): it is stored, and announced in one record."""
    at_bounds = [
        real[i % len(real)][: events.PHRASE_MAX - 4] + f" {i:03d}"
        for i in range(events.PHRASES_MAX)
    ]
    result = CliRunner().invoke(app, ["topics", "add", name, "--phrases", ",".join(at_bounds)])
    assert result.exit_code == 0, result.output
    assert "announced to running classifiers" in result.output
    assert _stored(cli_url) == 1
    [record] = [
        r
        for r in read_stream_to_end(kafka_bootstrap, streams.TOPIC_DEFINITIONS)
        if r.key == name.encode()
    ]
    event = events.TopicDefinitionEvent.model_validate_json(record.value)
    assert event.definition is not None
    assert user_topics.from_event_dict(name, event.definition).phrases == tuple(at_bounds)


@pytest.mark.integration
def test_a_topic_stored_before_the_bounds_still_runs_from_the_table(engine: Engine) -> None:
    """A phrase list of 400 phrases was valid before stop 39 and its control event fitted:
    the stored row still compiles (the table is authoritative), while its old
    control event is now refused where it is decoded (the classifier logs and skips it)."""
    upgrade(engine)
    phrases = ["pateras", *(f"cayuco {n}" for n in range(399))]
    with Session(engine) as session:
        session.add(
            UserTopicRow(name="old-boats", kind="phrases", phrases_json=json.dumps(phrases))
        )
        session.commit()
    [stored] = user_topics.list_definitions(engine)
    [topic] = user_topics.compile_all([stored])
    assert topic.name == "old-boats" and len(stored.phrases) == 400
    changed_at = "2026-12-01T00:00:00Z"
    old = {"name": "old-boats", "definition": stored.as_dict(), "changed_at": changed_at}
    with pytest.raises(ValidationError, match="at most 300 items"):
        events.TopicDefinitionEvent.model_validate_json(json.dumps(old))
