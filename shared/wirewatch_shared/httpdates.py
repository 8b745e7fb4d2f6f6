"""HTTP date headers (``Retry-After``, ``Expires``, ``Date``) as the services read them:
one parser for ingest's polite back-off and notify's delivery retries."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def http_date(value: str | None) -> datetime | None:
    """The aware UTC time of an HTTP date; None for blanks and junk. A date without a
    zone (``-0000``) is UTC, as RFC 9110 says every HTTP date is."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    # ASCII digits only (RFC 9110's delta-seconds): Latin-1 header bytes 0xB2/0xB3/0xB9 are
    # superscript digits, which str.isdigit accepts and float refuses.
    if value.isascii() and value.isdigit():
        return float(value)
    when = http_date(value)
    if when is None:
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
