"""Subscription validation and matching."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from wirewatch_notify import subscriptions
from wirewatch_notify.app import create_notify_tables
from wirewatch_notify.matching import SubscriptionRule, matches_for
from wirewatch_notify.payloads import alert_envelope, email_subject, email_text
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def _classified(*matches: TopicMatch) -> ClassifiedItem:
    item = FeedItem(
        item_id="abc",
        feed_id=1,
        feed_url="http://f/",
        feed_title="Feed",
        title="Deportation flight lands",
        summary="s",
        link="http://f/a",
        published=NOW,
        fetched_at=NOW,
        language="en",
    )
    return ClassifiedItem(item=item, matches=matches, classified_at=NOW)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"topic": "x", "channel": "email", "target": "not-an-address"}, "email"),
        ({"topic": "x", "channel": "webhook", "target": "ftp://h/x"}, "http"),
        ({"topic": "x", "channel": "webhook", "target": "javascript:alert(1)"}, "http"),
        ({"topic": "x", "channel": "sms", "target": "1"}, "channel"),
        ({"topic": "Bad Topic!", "channel": "email", "target": "a@example.org"}, "topic"),
        (
            {"topic": "x", "channel": "email", "target": "a@example.org", "min_score": 2},
            "min_score",
        ),
        ({"topic": "x", "channel": "email", "target": "a@example.org", "colour": "red"}, "colour"),
    ],
)
def test_bad_subscriptions_are_refused_with_a_reason(
    sqlite_url: str, data: dict[str, object], reason: str
) -> None:
    from wirewatch_shared.db import make_engine

    engine = make_engine(sqlite_url)
    create_notify_tables(engine)
    with pytest.raises(subscriptions.SubscriptionError, match=reason):
        request = subscriptions.parse_create(data)
        subscriptions.create_subscription(engine, request, SecretBox(b"k"))
    assert subscriptions.list_subscriptions(engine) == []


def test_webhook_secret_is_stored_encrypted(engine: Engine) -> None:
    create_notify_tables(engine)
    created = subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {
                "topic": "border-policy",
                "channel": "webhook",
                "target": "https://hooks.example.org/x",
            }
        ),
        SecretBox(b"k"),
    )
    assert created.webhook_secret and created.webhook_secret.startswith("whsec_")
    [stored] = subscriptions.list_subscriptions(engine)
    assert stored.secret_encrypted and created.webhook_secret not in stored.secret_encrypted
    assert subscriptions.active_rules(engine) == [
        SubscriptionRule(stored.id or 0, "border-policy", 0.0)
    ]


def test_matching_respects_topic_and_min_score() -> None:
    classified = _classified(
        TopicMatch(topic="repatriation-flights", score=0.6),
        TopicMatch(topic="border-policy", score=0.2),
    )
    rules = [
        SubscriptionRule(1, "repatriation-flights", 0.5),
        SubscriptionRule(2, "border-policy", 0.5),
        SubscriptionRule(3, "border-policy", 0.0),
        SubscriptionRule(4, "other", 0.0),
    ]
    result = matches_for(classified, rules)
    assert sorted(result) == [1, 3]
    assert result[1][0].topic == "repatriation-flights"


def test_envelope_and_email_carry_item_and_evidence() -> None:
    evidence = Evidence(
        phrase="Deportation flight", field="title", start=0, end=18, rule="flight-near-deport"
    )
    match = TopicMatch(
        topic="repatriation-flights", score=0.9, evidence=(evidence,), rules=("flight-near-deport",)
    )
    envelope = alert_envelope(_classified(match), [match], now=NOW)
    assert envelope["type"] == "wirewatch.alert.v1"
    assert envelope["data"]["item"]["feed"]["title"] == "Feed"
    assert envelope["data"]["matches"][0]["evidence"][0]["phrase"] == "Deportation flight"
    assert "repatriation-flights" in email_subject(envelope)
    assert "“Deportation flight”" in email_text(envelope)
