"""The one clock of the database and event timestamps: aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (every stored or published time is one)."""
    return datetime.now(UTC)
