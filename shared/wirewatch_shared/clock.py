"""The one clock of the database and event timestamps: aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (every stored or published time is one)."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive value is taken to be UTC already (as SQLite and
    ``timestamp`` columns hand stored times back)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_timestamp(value: object) -> datetime | None:
    """An aware datetime from what offline files carry as ``published``: ISO 8601 (``Z``, an
    offset, a date alone; naive means UTC), a feed's RFC 2822 date ("Wed, 03 Dec 2025
    10:00:00 GMT") or Unix seconds. None when absent; ValueError naming the value otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"published must be a date string, Unix seconds or null, not {value!r}")
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):  # past year 9999, NaN, inf
            raise ValueError(f"published is out of range as Unix seconds: {value!r}") from None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"published is not an ISO 8601 or RFC 2822 date: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
