"""Classify writes its matches within the event's bounds (stop 39): the engine builds them
unvalidated, so classify cuts them as the model cuts them on read, and the record on the
wire is the one every consumer reads, never one over the bounds the sizes rely on."""

from __future__ import annotations

import json

from wirewatch_classify.encoding import classified_json_parts
from wirewatch_shared import events
from wirewatch_shared.events import Entities, Evidence, TopicMatch

from tests.classify.test_output_evidence_bound import SENTENCE


def _engine_match(topic: str, score: float, n: int) -> TopicMatch:
    """A match as the engine builds it (``model_construct``: no bound applied)."""
    span = len(SENTENCE)
    evidence = tuple(
        Evidence.model_construct(
            phrase=SENTENCE * 2, field="summary", start=k * span, end=(k + 2) * span, rule="r" * 90
        )
        for k in range(n)
    )
    rules = tuple(f"rule-{k}-" + "x" * 80 for k in range(n))
    return TopicMatch.model_construct(topic=topic, score=score, evidence=evidence, rules=rules)


def test_the_written_matches_are_within_the_bounds_and_read_back_unchanged() -> None:
    matches = tuple(_engine_match(f"topic-{i:02d}", 1 - i / 100, 10) for i in range(40))
    raw, _ = classified_json_parts(matches, Entities())
    written = json.loads(raw)
    assert [m["topic"] for m in written] == [f"topic-{i:02d}" for i in range(events.MATCHES_MAX)]
    first = written[0]
    assert len(first["evidence"]) == events.MATCH_EVIDENCE_MAX
    assert [e["start"] for e in first["evidence"]] == [k * len(SENTENCE) for k in range(4)]
    assert {len(e["phrase"]) for e in first["evidence"]} == {events.EVIDENCE_PHRASE_MAX}
    assert {len(e["rule"]) for e in first["evidence"]} == {events.RULE_NAME_MAX}
    assert [r[:7] for r in first["rules"]] == [f"rule-{k}-" for k in range(4)]
    read = tuple(TopicMatch.model_validate(m) for m in written)
    assert [m.model_dump(mode="json") for m in read] == written  # what a consumer reads: as written
    uncut = [m.model_dump(mode="json") for m in matches]
    assert read == tuple(TopicMatch.model_validate(m) for m in uncut[: events.MATCHES_MAX])


def test_matches_within_the_bounds_are_written_as_they_are() -> None:
    evidence = Evidence.model_construct(
        phrase="deportation flight", field="title", start=0, end=18, rule="r1"
    )
    match = TopicMatch.model_construct(
        topic="repatriation-flights", score=0.9, evidence=(evidence,), rules=("r1",)
    )
    raw, _ = classified_json_parts((match,), Entities())
    assert json.loads(raw) == [match.model_dump(mode="json")]
