"""Quiet hours and digest periods, across midnight and timezones (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from wirewatch_notify.timing import Timing, period_end, quiet_until, release_at


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


QUIET_BERLIN = Timing.of(
    digest_minutes=None, quiet_start="22:00", quiet_end="07:00", timezone="Europe/Berlin"
)


@pytest.mark.parametrize(
    ("now", "until"),
    [
        ("2024-01-10T21:59:00+01:00", None),
        ("2024-01-10T22:00:00+01:00", "2024-01-11T07:00:00+01:00"),
        ("2024-01-11T03:00:00+01:00", "2024-01-11T07:00:00+01:00"),
        ("2024-01-11T07:00:00+01:00", None),
        ("2024-07-10T23:30:00+02:00", "2024-07-11T07:00:00+02:00"),  # summer time
    ],
)
def test_quiet_hours_across_midnight(now: str, until: str | None) -> None:
    expected = _t(until) if until else None
    assert quiet_until(QUIET_BERLIN, _t(now)) == expected


def test_quiet_hours_within_a_day() -> None:
    timing = Timing.of(digest_minutes=None, quiet_start="12:00", quiet_end="13:30", timezone="UTC")
    assert quiet_until(timing, _t("2024-01-10T12:15:00+00:00")) == _t("2024-01-10T13:30:00+00:00")
    assert quiet_until(timing, _t("2024-01-10T13:30:00+00:00")) is None


def test_digest_periods_count_from_local_midnight() -> None:
    assert period_end(60, _t("2024-01-10T10:20:00+00:00")) == _t("2024-01-10T11:00:00+00:00")
    assert period_end(15, _t("2024-01-10T10:15:00+00:00")) == _t("2024-01-10T10:30:00+00:00")
    # 7 h periods: 00-07, 07-14, 14-21, 21-24 (the last one ends at midnight)
    assert period_end(420, _t("2024-01-10T22:00:00+00:00")) == _t("2024-01-11T00:00:00+00:00")
    assert period_end(1440, _t("2024-01-10T10:00:00+01:00"), "Europe/Berlin") == _t(
        "2024-01-11T00:00:00+01:00"
    )


def test_release_time_combines_digest_and_quiet_hours() -> None:
    instant = Timing()
    assert release_at(instant, _t("2024-01-10T03:00:00+00:00")) is None
    digest_quiet = Timing.of(
        digest_minutes=60, quiet_start="22:00", quiet_end="07:00", timezone="Europe/Berlin"
    )
    # The 23:00 digest falls in quiet hours: it goes out at 07:00.
    assert release_at(digest_quiet, _t("2024-01-10T22:10:00+01:00")) == _t(
        "2024-01-11T07:00:00+01:00"
    )
    assert release_at(digest_quiet, _t("2024-01-10T10:10:00+01:00")) == _t(
        "2024-01-10T11:00:00+01:00"
    )
    assert release_at(QUIET_BERLIN, _t("2024-01-10T23:00:00+01:00")) == _t(
        "2024-01-11T07:00:00+01:00"
    )


# The repeated hour when clocks go back: in New York 01:00-02:00 comes twice on
# 2024-11-03, first as EDT (05:00-06:00 UTC), then as EST (06:00-07:00 UTC).
@pytest.mark.parametrize(
    ("minutes", "now", "end"),
    [
        (30, "2024-11-03T01:15:00-05:00", "2024-11-03T01:30:00-05:00"),  # the second 01:15
        (30, "2024-11-03T01:15:00-04:00", "2024-11-03T01:30:00-04:00"),  # the first 01:15
        (5, "2024-11-03T01:00:00-05:00", "2024-11-03T01:05:00-05:00"),
        (90, "2024-11-03T01:40:00-05:00", "2024-11-03T03:00:00-05:00"),
        (60, "2024-11-03T01:59:00-05:00", "2024-11-03T02:00:00-05:00"),
    ],
)
def test_a_digest_period_in_the_repeated_hour_ends_after_now(
    minutes: int, now: str, end: str
) -> None:
    """An alert in the hour that comes twice used to get the end of its period's first
    occurrence, an hour in the past: it was released at once, a digest per alert."""
    assert period_end(minutes, _t(now), "America/New_York") == _t(end)


@pytest.mark.parametrize(
    ("zone_name", "day"),
    [
        ("Europe/Berlin", "2024-10-27"),  # clocks back
        ("Europe/Berlin", "2024-03-31"),  # clocks forward
        ("America/New_York", "2024-11-03"),
        ("America/Havana", "2024-11-03"),  # back from 01:00 to midnight
        ("Pacific/Chatham", "2024-04-07"),  # a 45-minute offset
        ("Australia/Lord_Howe", "2024-04-07"),  # a half-hour change
    ],
)
def test_digest_periods_end_after_now_across_clock_changes(zone_name: str, day: str) -> None:
    for minutes in (5, 7, 30, 60, 90, 180):
        start = _t(f"{day}T00:00:00+00:00") - timedelta(hours=30)
        previous = start
        for step in range(60 * 12):  # every 5 minutes for 60 h
            now = start + timedelta(minutes=5 * step)
            end = period_end(minutes, now, zone_name)
            assert now < end <= now + timedelta(minutes=minutes, hours=1), (minutes, now)
            assert end >= previous, (minutes, now)  # a later alert never ends sooner
            previous = end


@pytest.mark.parametrize(
    ("start", "end", "zone_name", "now", "until"),
    [
        # Quiet 01:30-02:30 in Berlin, at the second 02:15 (CET) of 2024-10-27.
        ("01:30", "02:30", "Europe/Berlin", "2024-10-27T02:15+01:00", "2024-10-27T02:30+01:00"),
        # Havana goes back from 01:00 to 00:00: the second 00:10 is still quiet until 00:30.
        ("23:30", "00:30", "America/Havana", "2024-11-03T00:10-05:00", "2024-11-03T00:30-05:00"),
    ],
)
def test_quiet_hours_in_the_repeated_hour_end_after_now(
    start: str, end: str, zone_name: str, now: str, until: str
) -> None:
    timing = Timing.of(digest_minutes=None, quiet_start=start, quiet_end=end, timezone=zone_name)
    assert quiet_until(timing, _t(now)) == _t(until)
