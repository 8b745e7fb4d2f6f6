"""Alert freshness is observed for single alerts and for every alert of a digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wirewatch_shared.instrument import observe_freshness
from wirewatch_shared.metrics import REGISTRY


def _count(channel: str, since: str) -> float:
    labels = {"since": since, "channel": channel}
    return REGISTRY.get_sample_value("wirewatch_alert_freshness_seconds_count", labels) or 0.0


def _item(minutes_ago: int) -> dict[str, object]:
    moment = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
    return {"id": f"item-{minutes_ago}", "published": moment, "fetched_at": moment}


def test_single_alert_observed_since_fetch_and_publication() -> None:
    before = _count("test-alert", "fetched"), _count("test-alert", "published")
    observe_freshness("test-alert", {"type": "wirewatch.alert.v1", "data": {"item": _item(3)}})
    assert _count("test-alert", "fetched") == before[0] + 1
    assert _count("test-alert", "published") == before[1] + 1


def test_digest_observes_every_alert_it_carries() -> None:
    before = _count("test-digest", "fetched")
    digest = {
        "type": "wirewatch.digest.v1",
        "data": {"count": 3, "alerts": [{"item": _item(n)} for n in (1, 5, 9)]},
    }
    observe_freshness("test-digest", digest)
    assert _count("test-digest", "fetched") == before + 3


def test_other_envelopes_are_ignored() -> None:
    before = _count("test-other", "fetched")
    observe_freshness("test-other", {"type": "subscription.confirm", "data": {"item": _item(1)}})
    observe_freshness("test-other", None)
    assert _count("test-other", "fetched") == before
