"""The public /subscribe form's flow (``wirewatch.ops.subscribe_flow``) over a real
database: bad forms are refused with a reason a visitor can act on, and nothing is
stored for a refused form (route subscriptions: tests/notify/test_api_routes.py)."""

from __future__ import annotations

import pytest
from wirewatch_notify import subscriptions
from wirewatch_notify.schemas import FLIGHTS_TOPIC

from tests.notify.support import make_service
from wirewatch.ops.subscribe_flow import SubscribeFlow, SubscribeRefused

TOPICS = ("border-policy", FLIGHTS_TOPIC)
HOOK = "http://127.0.0.1:9/hook"


def _flow(database_url: str) -> SubscribeFlow:
    service = make_service(database_url)
    return SubscribeFlow(service.engine, service.box, service.settings, lambda: TOPICS)


def test_topics_are_folded_and_deduplicated(database_url: str) -> None:
    flow = _flow(database_url)

    plain = flow.subscribe([" Border-Policy ", "border-policy"], "webhook", HOOK, "0.5")
    [topic_sub] = plain.subscriptions
    assert list(topic_sub.topics) == ["border-policy"] and topic_sub.routes == ""
    assert topic_sub.webhook_secret and plain.min_score == 0.5


@pytest.mark.parametrize(
    ("topics", "channel", "target", "score", "route", "reason"),
    [
        ([], "webhook", HOOK, "", {}, "pick at least one topic"),
        (["no-such"], "webhook", HOOK, "", {}, "unknown topic: no-such"),
        (["border-policy"], "pigeon", HOOK, "", {}, "choose how to receive alerts"),
        (["border-policy"], "webhook", "", "", {}, "enter an email address"),
        (["border-policy"], "webhook", HOOK, "2", {}, "between 0 and 1"),
        (["border-policy"], "webhook", HOOK, "", {"origin": "US"}, "flight records only"),
        ([], "webhook", HOOK, "", {"destination": "Guatemala"}, "alpha-2 country code: 'Guat"),
        ([], "webhook", HOOK, "", {"origin": "USA"}, "alpha-2 country code: 'USA'"),
    ],
)
def test_bad_forms_are_refused_with_the_reason(
    sqlite_url: str,
    topics: list[str],
    channel: str,
    target: str,
    score: str,
    route: dict[str, str],
    reason: str,
) -> None:
    flow = _flow(sqlite_url)
    with pytest.raises(SubscribeRefused, match=reason):
        flow.subscribe(topics, channel, target, score, **route)
    assert subscriptions.list_subscriptions(flow.engine) == []
