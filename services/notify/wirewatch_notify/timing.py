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


def _instants(wall: datetime) -> tuple[datetime, ...]:
    """The instants (UTC) local wall-clock time ``wall`` names, in order: two in the hour
    that comes twice when the clocks go back, else one (a time the clocks skip keeps
    its reading in the offset before the change, as ``fold=0`` gives it)."""
    first = wall.replace(fold=0).astimezone(UTC)
    second = wall.replace(fold=1).astimezone(UTC)
    return (first, second) if second > first else (first,)


def _first_after(wall: datetime, now: datetime) -> datetime | None:
    """The first instant of wall-clock time ``wall`` after ``now``, or None. Wall-clock
    arithmetic (``wall + timedelta``) always gives the first of a repeated time, which
    may already have passed when ``now`` is in the second pass."""
    for instant in _instants(wall):
        if instant > now:
            return instant
    return None


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
            return _first_after(_at(local, end, tz), now)
        return None
    # Crosses midnight: quiet from start to 24:00 and from 00:00 to end.
    if clock >= start:
        return _first_after(_at(local + timedelta(days=1), end, tz), now)
    if clock < end:
        return _first_after(_at(local, end, tz), now)
    return None


def period_end(minutes: int, now: datetime, timezone: str = "UTC") -> datetime:
    """End of the digest period containing ``now`` (UTC), counted from local midnight.

    Periods are counted on the wall clock; when the clocks go back, the boundaries of
    the hour that comes twice end a period in each pass, and none ends before ``now``."""
    tz = zone(timezone)
    local = _local(now, tz)
    midnight = datetime.combine(local.date(), time(0), tzinfo=tz)
    next_midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz)
    elapsed = (local - midnight).total_seconds() / 60  # wall-clock minutes
    index = int(elapsed // minutes) + 1
    ends = [next_midnight.astimezone(UTC)]
    step = index
    while (wall := midnight + timedelta(minutes=step * minutes)) < next_midnight:
        instant = _first_after(wall, now)
        if instant is not None:
            ends.append(instant)
            break
        step += 1
    # In the first pass of the repeated hour, the boundaries of it already passed on the
    # wall clock come again (their second instant), before the next one on the wall.
    step = index - 1
    while step >= 1:
        instants = _instants(midnight + timedelta(minutes=step * minutes))
        if len(instants) < 2 or instants[1] <= now:
            break
        ends.append(instants[1])
        step -= 1
    return min(ends)


def release_at(timing: Timing, now: datetime) -> datetime | None:
    """When an alert recorded at ``now`` may be sent: None = right away."""
    if timing.digest_minutes is not None:
        end = period_end(timing.digest_minutes, now, timing.timezone)
        return quiet_until(timing, end) or end
    return quiet_until(timing, now)
