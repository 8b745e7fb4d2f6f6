"""What a batch of story events is decided on (``story_alerts.lock_and_read``), SQLite and
PostgreSQL: the subscriptions' version, the openings already recorded and the stories'
newest positions, read in one statement after the batch's locks when the last version
read had story-mode subscriptions. The outcome is the one of the separate reads, also when
the subscriptions changed since that version: one added (whose opening another process
may have recorded) or the last one gone."""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch_notify import outbox, story_versions, subscriptions
from wirewatch_notify.rules import _version
from wirewatch_notify.story_alerts import opened_pairs, opening_key, read_decisions

from tests.notify.support import make_service
from tests.notify.test_story_alerts import _event, _rows, _subscribe


def test_the_one_read_says_what_the_three_reads_say(database_url: str) -> None:
    service = make_service(database_url)
    first, second = _subscribe(service), _subscribe(service)
    outbox.enqueue(
        service.engine,
        [
            outbox.NewDelivery(first, opening_key("s1"), {}),
            outbox.NewDelivery(second, opening_key("s1"), {}),
            outbox.NewDelivery(second, opening_key("s2"), {}),
            outbox.NewDelivery(second, "story:s2:grown", {}),  # not an opening
            outbox.NewDelivery(first, opening_key("elsewhere"), {}),  # not asked for
        ],
    )
    now = datetime.now(UTC)
    with service.engine.begin() as conn:
        story_versions.record_states(conn, [_event("s1", ["AP", "EFE"])], now=now)
        story_versions.record_states(conn, [_event("s3", ["AP"])], now=now)
    stories = ["s1", "s2", "s3", "s4"]
    for subs in ([first, second], [second], []):
        with service.engine.begin() as conn:
            reads = read_decisions(conn, stories, subs)
            assert reads.opened == opened_pairs(conn, stories, subs)
            assert reads.positions == story_versions.newest_positions(conn, stories)
            assert reads.version == _version(conn)
    assert reads.positions == {"s1": 2, "s3": 1}
    assert reads.version[0] == 2 and reads.version[1] is not None


async def test_a_subscription_added_meanwhile_keeps_its_recorded_opening(
    database_url: str,
) -> None:
    """Process A last read the rules before subscription B existed; B's opening of the story
    was recorded by process B. A's next event of the story (3 outlets: B's follow-up) must
    see that opening, or it records B's opening again (ignored) and takes the follow-up's
    key with a cancelled row: the follow-up is never sent."""
    a, b = make_service(database_url), make_service(database_url)
    first = _subscribe(a)
    await a.handle_story_events([_event("s0", ["AP"])])  # A's rules: the first only
    added = _subscribe(b)
    await b.handle_story_events([_event("s1", ["AP"])])  # opens s1 for both
    await a.handle_story_events([_event("s1", ["AP", "EFE", "BBC"])])
    assert _rows(a) == {
        (first, "story:s0", "pending"),
        (first, "story:s1", "pending"),
        (added, "story:s1", "pending"),
        (first, "story:s1:grown", "pending"),
        (added, "story:s1:grown", "pending"),
    }


async def test_no_alert_once_the_last_story_subscription_is_gone(database_url: str) -> None:
    service = make_service(database_url)
    sub = _subscribe(service)
    await service.handle_story_events([_event("s1", ["AP"])])
    paused = subscriptions.parse_update({"active": False})
    assert subscriptions.update_subscription(service.engine, sub, paused) is not None
    await service.handle_story_events([_event("s2", ["AP"]), _event("s1", ["AP", "E", "F"])])
    assert _rows(service) == {(sub, "story:s1", "pending")}
    assert not service.rules.story_index().rules
    with service.engine.connect() as conn:  # the states are still kept
        assert story_versions.newest_positions(conn, ["s1", "s2"]) == {"s1": 3, "s2": 1}
