"""How many deliveries one endpoint gets at once: a limit that adapts to the endpoint (AIMD).

A fixed cap is wrong both ways: 8 requests at once to a receiver that answers in 100 ms
is at most 80 alerts/s (a backlog at 100 items/s), and the same 8 can bury a small
receiver that already times out. So, as TCP's congestion window does, the limit grows
while the endpoint keeps up with work waiting (every send that succeeds with all slots
busy), up to a ceiling, and is halved when the endpoint shows it is overloaded (a
timeout, HTTP 429 or 5xx, a refused or dropped connection). Until its first overload an
endpoint gains a slot per such send ("slow start"); after it, a slot per ``limit`` such
sends, so it probes its capacity again gently rather than every few sends. Sends already
under way when the limit was cut carry the old window's mark and do not cut it again:
one burst of failures halves it once, not once per failed request.

Pure and per process: every notify process learns its own limit for each endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_TRACKED = 10_000  # endpoints remembered; the least recently added are forgotten


@dataclass(slots=True)
class AdaptiveLimit:
    """One endpoint's limit: starts at ``initial``, stays within [1, ``maximum``].

    ``initial == maximum`` is a fixed cap (e.g. 1 per Slack URL): it never moves."""

    initial: int
    maximum: int
    limit: int = field(init=False)
    window: int = field(default=0, init=False)  # bumped by every cut
    _credit: int = field(default=0, init=False)  # sends at the limit since the last gain

    def __post_init__(self) -> None:
        if not 1 <= self.initial <= self.maximum:
            raise ValueError(f"need 1 <= initial ({self.initial}) <= maximum ({self.maximum})")
        self.limit = self.initial

    @property
    def fixed(self) -> bool:
        return self.initial == self.maximum

    def succeeded(self, *, at_limit: bool) -> None:
        """A send went through; ``at_limit``: the endpoint had all its slots busy when it
        started (more was waiting), so it can probably take one more."""
        if not at_limit or self.fixed or self.limit >= self.maximum:
            return
        self._credit += 1
        if self.window == 0 or self._credit >= self.limit:  # slow start, then gently
            self.limit += 1
            self._credit = 0

    def overloaded(self, *, window: int) -> None:
        """The endpoint failed a send that started in ``window`` (a timeout, 429, 5xx)."""
        if self.fixed or window != self.window:
            return
        self.limit = max(1, self.limit // 2)
        self.window += 1
        self._credit = 0


class EndpointLimits:
    """The limits of the endpoints seen lately, by endpoint key (bounded)."""

    def __init__(self, max_tracked: int = MAX_TRACKED) -> None:
        self.max_tracked = max_tracked
        self._limits: dict[str, AdaptiveLimit] = {}

    def get(self, key: str) -> AdaptiveLimit | None:
        return self._limits.get(key)

    def of(self, key: str, initial: int, maximum: int) -> AdaptiveLimit:
        """``key``'s limit, created at ``initial`` the first time (or after it was
        forgotten)."""
        limit = self._limits.get(key)
        if limit is None:
            if len(self._limits) >= self.max_tracked:
                del self._limits[next(iter(self._limits))]
            limit = self._limits[key] = AdaptiveLimit(initial, maximum)
        return limit

    def __len__(self) -> int:
        return len(self._limits)
