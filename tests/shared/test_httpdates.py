from __future__ import annotations

from datetime import UTC, datetime

from wirewatch_shared.httpdates import http_date, parse_retry_after

NOW = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)


def test_retry_after_seconds_and_dates() -> None:
    assert parse_retry_after(" 120 ") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", NOW) == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None) is None


def test_a_date_without_zone_is_utc() -> None:
    # "-0000" parses to a naive datetime; HTTP dates are always UTC, never local time.
    assert http_date("Wed, 21 Oct 2015 07:28:30 -0000") == datetime(
        2015, 10, 21, 7, 28, 30, tzinfo=UTC
    )
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 -0000", NOW) == 30.0
    assert http_date("not a date") is None
