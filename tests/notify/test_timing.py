"""Quiet hours and digest periods, across midnight and timezones (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

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
