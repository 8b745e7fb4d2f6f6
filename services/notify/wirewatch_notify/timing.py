"""When may an alert go out? Quiet hours and digest periods (pure, timezone-aware).

- Quiet hours ``start``-``end`` are local wall-clock times in the subscription's
  timezone; a window may cross midnight (22:00-07:00). Alerts in it are held until
  its end.
- Digest periods are every N minutes counted from local midnight (N from 5 to 1440;
  the last period of a day ends at midnight when N does not divide the day). A
  period ending inside quiet hours is sent when they end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str) -> time:
    match = HHMM.match(value.strip())
    if not match:
        raise ValueError(f"not a HH:MM time: {value!r}")
    return time(int(match.group(1)), int(match.group(2)))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown timezone {name!r} (use an IANA name, e.g. Europe/Berlin)"
        ) from exc


@dataclass(frozen=True, slots=True)
class Timing:
    digest_minutes: int | None = None
    quiet_start: time | None = None
    quiet_end: time | None = None
    timezone: str = "UTC"

    @classmethod
    def of(
        cls,
        *,
        digest_minutes: int | None,
        quiet_start: str | None,
        quiet_end: str | None,
        timezone: str,
    ) -> Timing:
        return cls(
            digest_minutes=digest_minutes,
            quiet_start=parse_hhmm(quiet_start) if quiet_start else None,
            quiet_end=parse_hhmm(quiet_end) if quiet_end else None,
            timezone=timezone or "UTC",
        )

    @property
    def immediate(self) -> bool:
        return self.digest_minutes is None and self.quiet_start is None


def _local(now: datetime, tz: ZoneInfo) -> datetime:
    return now.astimezone(tz)


def _at(day: datetime, clock: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day.date(), clock, tzinfo=tz)


def quiet_until(timing: Timing, now: datetime) -> datetime | None:
    """End of the quiet hours ``now`` falls in (UTC), or None when not in quiet hours."""
    start, end = timing.quiet_start, timing.quiet_end
    if start is None or end is None or start == end:
        return None
    tz = zone(timing.timezone)
    local = _local(now, tz)
    clock = local.time()
    if start < end:
        if start <= clock < end:
            return _at(local, end, tz).astimezone(UTC)
        return None
    # Crosses midnight: quiet from start to 24:00 and from 00:00 to end.
    if clock >= start:
        return _at(local + timedelta(days=1), end, tz).astimezone(UTC)
    if clock < end:
        return _at(local, end, tz).astimezone(UTC)
    return None


def period_end(minutes: int, now: datetime, timezone: str = "UTC") -> datetime:
    """End of the digest period containing ``now`` (UTC), counted from local midnight."""
    tz = zone(timezone)
    local = _local(now, tz)
    midnight = datetime.combine(local.date(), time(0), tzinfo=tz)
    elapsed = (local - midnight).total_seconds() / 60
    index = int(elapsed // minutes) + 1
    end = midnight + timedelta(minutes=index * minutes)
    next_midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz)
    return min(end, next_midnight).astimezone(UTC)


def release_at(timing: Timing, now: datetime) -> datetime | None:
    """When an alert recorded at ``now`` may be sent: None = right away."""
    if timing.digest_minutes is not None:
        end = period_end(timing.digest_minutes, now, timing.timezone)
        return quiet_until(timing, end) or end
    return quiet_until(timing, now)
