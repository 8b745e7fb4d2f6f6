"""Subscription validation and matching."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from wirewatch_notify import subscriptions
from wirewatch_notify.matching import SubscriptionRule, matches_for
from wirewatch_notify.payloads import alert_envelope, email_subject, email_text
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch

from wirewatch.schema import upgrade

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
        (
            {"alert_mode": "item", "topic": "x", "channel": "email", "target": "not-an-address"},
            "email",
        ),
        ({"alert_mode": "item", "topic": "x", "channel": "webhook", "target": "ftp://h/x"}, "http"),
        (
            {
                "alert_mode": "item",
                "topic": "x",
                "channel": "webhook",
                "target": "javascript:alert(1)",
            },
            "http",
        ),
        ({"alert_mode": "item", "topic": "x", "channel": "sms", "target": "1"}, "channel"),
        (
            {
                "alert_mode": "item",
                "topic": "Bad Topic!",
                "channel": "email",
                "target": "a@example.org",
            },
            "topic",
        ),
        (
            {
                "alert_mode": "item",
                "topic": "x",
                "channel": "email",
                "target": "a@example.org",
                "min_score": 2,
            },
            "min_score",
        ),
        (
            {
                "alert_mode": "item",
                "topic": "x",
                "channel": "email",
                "target": "a@example.org",
                "colour": "red",
            },
            "colour",
        ),
    ],
)
def test_bad_subscriptions_are_refused_with_a_reason(
    sqlite_url: str, data: dict[str, object], reason: str
) -> None:
    from wirewatch_shared.db import make_engine

    engine = make_engine(sqlite_url)
    upgrade(engine)
    with pytest.raises(subscriptions.SubscriptionError) as refused:
        request = subscriptions.parse_create(data)
        subscriptions.create_subscription(engine, request, SecretBox(b"k"))
    assert reason in refused.value.in_words()  # "field: reason"
    assert subscriptions.list_subscriptions(engine) == []


def test_webhook_secret_is_stored_encrypted(engine: Engine) -> None:
    upgrade(engine)
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
    [rule] = subscriptions.active_rules(engine)
    assert (rule.subscription_id, rule.topics) == (stored.id, frozenset({"border-policy"}))


def test_matching_respects_topic_and_min_score() -> None:
    classified = _classified(
        TopicMatch(topic="repatriation-flights", score=0.6),
        TopicMatch(topic="border-policy", score=0.2),
    )
    rules = [
        SubscriptionRule(1, frozenset({"repatriation-flights"}), 0.5),
        SubscriptionRule(2, frozenset({"border-policy"}), 0.5),
        SubscriptionRule(3, frozenset({"border-policy"}), 0.0),
        SubscriptionRule(4, frozenset({"other"}), 0.0),
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


def _rule(**kwargs: object) -> SubscriptionRule:
    return SubscriptionRule(1, frozenset({"t"}), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "matches"),
    [
        (_rule(), True),
        (_rule(feeds=frozenset({1})), True),
        (_rule(feeds=frozenset({2})), False),
        (_rule(languages=frozenset({"en"})), True),
        (_rule(languages=frozenset({"es"})), False),
        (_rule(countries=frozenset({"VE"})), True),
        (_rule(countries=frozenset({"MX"})), False),
        (_rule(entities=frozenset({"frontex"})), True),
        (_rule(entities=frozenset({"ve"})), True),
        (_rule(entities=frozenset({"unhcr"})), False),
        (_rule(min_score=0.95), False),
        (_rule(feeds=frozenset({1}), countries=frozenset({"MX"})), False),
    ],
)
def test_filters_are_any_of_within_and_all_of_across(rule: SubscriptionRule, matches: bool) -> None:
    from wirewatch_shared.events import Entities

    item = _classified(TopicMatch(topic="t", score=0.9))
    item = item.model_copy(
        update={
            "item": item.item.model_copy(update={"language": "en-GB"}),
            "entities": Entities(countries=("VE",), agencies=("Frontex",)),
        }
    )
    assert bool(matches_for(item, [rule])) is matches


def test_create_with_filters_and_patch(engine: Engine) -> None:
    upgrade(engine)
    request = subscriptions.parse_create(
        {
            "topics": ["Border-Policy", "border-policy", "asylum"],
            "channel": "email",
            "target": "Desk@Example.org",
            "countries": ["ve", "MX"],
            "languages": ["en-GB", "es"],
            "entities": ["  Frontex  "],
            "feeds": [3, 3],
            "mode": "digest",
            "digest_interval_minutes": 60,
            "timezone": "Europe/Berlin",
            "quiet_hours": {"start": "22:00", "end": "07:00"},
        }
    )
    sub = subscriptions.create_subscription(engine, request, SecretBox(b"k")).subscription
    assert sub.topics == ["border-policy", "asylum"]
    assert (sub.countries, sub.languages, sub.entities, sub.feeds) == (
        ["VE", "MX"],
        ["en", "es"],
        ["Frontex"],
        [3],
    )
    assert (sub.quiet_start, sub.quiet_end, sub.timezone) == ("22:00", "07:00", "Europe/Berlin")
    assert sub.id is not None
    patched = subscriptions.update_subscription(
        engine,
        sub.id,
        subscriptions.parse_update({"mode": "instant", "quiet_hours": None, "min_score": 0.5}),
    )
    assert patched is not None
    assert (patched.mode, patched.digest_interval_minutes, patched.quiet_start) == (
        "instant",
        None,
        None,
    )
    assert patched.min_score == 0.5 and patched.topics == ["border-policy", "asylum"]
    assert (
        subscriptions.update_subscription(
            engine, sub.id, subscriptions.parse_update({"active": False}), owner="token:other"
        )
        is None
    )


@pytest.mark.parametrize(
    "data",
    [
        {"mode": "digest"},
        {"mode": "instant", "digest_interval_minutes": 30},
        {"mode": "digest", "digest_interval_minutes": 2},
        {"timezone": "Mars/Olympus"},
        {"quiet_hours": {"start": "25:00", "end": "07:00"}},
        {"quiet_hours": {"start": "07:00", "end": "07:00"}},
        {"countries": ["Venezuela"]},
        {"countries": ["VE", "QQ"]},  # no item carries a code outside ISO 3166-1
        {"countries": ["UK"]},  # the United Kingdom is GB
        {"languages": ["english!"]},
        {"channel": "apprise", "target": "mailto://user:pw@example.org"},
        {"channel": "apprise", "target": "notaurl"},
        {"channel": "slack", "target": "https://user:pw@hooks.slack.com/services/x"},
        {"channel": "webhook", "target": "http://127.0.0.1:8080/hook"},
        {"channel": "webhook", "target": "http://2130706433/hook"},
        {"channel": "webhook", "target": "http://[::ffff:10.0.0.1]/hook"},
        {"channel": "apprise", "target": "json://169.254.169.254/latest"},
    ],
)
def test_refused_at_creation(sqlite_url: str, data: dict[str, object]) -> None:
    from wirewatch_notify.settings import NotifySettings
    from wirewatch_shared.db import make_engine

    engine = make_engine(sqlite_url)
    upgrade(engine)
    body = {"topic": "t", "channel": "email", "target": "a@example.org", **data}
    if body["channel"] != "email" and "target" not in data:
        body["target"] = "https://hooks.example.org/x"
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.create_subscription(
            engine,
            subscriptions.parse_create(body),
            SecretBox(b"k"),
            settings=NotifySettings(secret_key="k", notify_allow_private_networks=False),
        )
    assert subscriptions.list_subscriptions(engine) == []
