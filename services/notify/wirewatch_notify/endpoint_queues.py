"""Claimed deliveries queued per endpoint, the sends in progress to each, and their limits.

An endpoint is counted by ``channel|digest`` (:func:`endpoint_id`), never by its URL or
address. Each has a limit on sends at once (:mod:`.endpoint_limits`: it grows while the
endpoint keeps up and halves when it times out or answers 429/5xx), and may hold two
rounds of sends claimed and unsent, so one slow endpoint ties up only its own share of a
claim. The delivery worker claims into these queues and starts sends from them.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass

from wirewatch_shared.logging import get_logger
from wirewatch_shared.metrics import record_endpoint_overload

from wirewatch_notify.channels.base import Channel
from wirewatch_notify.claims import Claimed
from wirewatch_notify.endpoint_limits import EndpointLimits
from wirewatch_notify.models import SubscriptionFields
from wirewatch_notify.sender import Decrypted
from wirewatch_notify.settings import NotifySettings

# The delivery worker's log (its events keep the logger name they had before the worker
# was split into modules).
log = get_logger("wirewatch_notify.worker")


@functools.lru_cache(maxsize=10_000)
def endpoint_id(channel: str, endpoint: str) -> str:
    """``channel|digest``: what the worker counts an endpoint by. Not the endpoint itself:
    a Slack or Apprise URL is a credential, and a console log shows the frames' variables
    (queued entries, endpoint counts) of an exception it logs."""
    return f"{channel}|{hashlib.sha256(endpoint.encode()).hexdigest()[:32]}"


@dataclass(slots=True)
class Queued:
    item: Claimed
    key: str  # endpoint key ("" = no endpoint: skipped or unknown channel)
    claimed_at: float  # time.monotonic() before the claim: its lease started no earlier
    ready_at: float  # time.monotonic() once claimed: from then on it waits in our queue
    sending: bool = False
    unsent: bool = True  # still counted in its endpoint's claimed-and-unsent rows
    window: int = 0  # its endpoint limit's window when the send started
    at_limit: bool = False  # the send took its endpoint's last free slot


class EndpointQueues:
    def __init__(
        self,
        channels: Mapping[str, Channel],
        settings: NotifySettings,
        decrypted: Decrypted,
        wake: asyncio.Event,
    ) -> None:
        self.channels = channels
        self.settings = settings
        self.decrypted = decrypted
        self.wake = wake  # the worker's: set when a claim may find rows for a freed endpoint
        self.limits = EndpointLimits()
        self.queues: dict[str, deque[Queued]] = {}
        self.queued = 0
        self.sending: Counter[str] = Counter()  # requests in progress per endpoint
        # Queued + sending per endpoint: what its claim cap counts. A row whose outcome is
        # being recorded no longer holds its endpoint, or the commit would pace the sends.
        self.unsent: Counter[str] = Counter()
        self.sub_load: Counter[int] = Counter()
        self.sub_endpoint: dict[int, str] = {}
        # Endpoints whose due rows the last claim left behind (at their cap): a send to
        # one of them ending wakes the claim. Other sends end without one: after a claim
        # that took every due row, a claim per finished send found nothing (half the
        # claims at 100 alerts/s); new rows wake the worker when they are recorded.
        self.left_behind: set[str] = set()

    def limit_of(self, channel: str, target: str) -> int | None:
        """How many sends this process makes at once to that endpoint now (None: none
        sent to it lately)."""
        endpoint = self.channels.get(channel)
        if endpoint is None:
            return None
        limit = self.limits.get(endpoint_id(channel, endpoint.endpoint_key(target)))
        return None if limit is None else limit.limit

    def bounds(self, channel: Channel | None) -> tuple[int, int]:
        """An endpoint's (initial, maximum) limit: fixed where the channel says so."""
        if channel is not None and channel.endpoint_concurrency is not None:
            return channel.endpoint_concurrency, channel.endpoint_concurrency
        return self.settings.endpoint_concurrency, self.settings.endpoint_concurrency_max

    def key_of(self, sub: SubscriptionFields | None) -> str:
        if sub is None:
            return ""
        channel = self.channels.get(sub.channel)
        if channel is None:
            return ""
        return endpoint_id(sub.channel, channel.endpoint_key(self.decrypted.target(sub)))

    def track(self, key: str) -> None:
        """Keep a limit for this endpoint (a row of it was just claimed)."""
        self.limits.of(key, *self.bounds(self.channels.get(key.split("|", 1)[0])))

    def cap(self, key: str) -> int:
        """Sends at once to this endpoint now (read by the claim's thread too: no writes)."""
        if not key:
            return 1_000_000
        limit = self.limits.get(key)
        if limit is not None:
            return limit.limit
        return self.bounds(self.channels.get(key.split("|", 1)[0]))[0]

    def claim_cap(self, key: str) -> int:
        """Rows one endpoint may hold claimed: a round being sent and one more waiting."""
        return 2 * self.cap(key)

    def learn(self, entry: Queued, load: bool | None) -> None:
        """What a send says of its endpoint's load: True went through, False overloaded."""
        limit = self.limits.get(entry.key) if entry.key else None
        if limit is None or load is None:
            return
        if load:
            limit.succeeded(at_limit=entry.at_limit)
        else:
            before = limit.limit
            limit.overloaded(window=entry.window)
            if limit.limit != before:
                record_endpoint_overload(entry.key.split("|", 1)[0])
                log.info(
                    "endpoint overloaded: fewer sends at once",
                    endpoint=entry.key,
                    limit=limit.limit,
                    was=before,
                )

    # -- queueing and sending ----------------------------------------------------

    def add(self, entry: Queued) -> None:
        sub_id = entry.item.delivery.subscription_id
        self.queued += 1
        self.unsent[entry.key] += 1
        self.sub_load[sub_id] += 1
        self.sub_endpoint[sub_id] = entry.key
        self.queues.setdefault(entry.key, deque()).append(entry)

    def forget(self, entry: Queued) -> None:
        """``entry`` is done with (recorded, or given back): free its accounting."""
        sub_id = entry.item.delivery.subscription_id
        self._free_endpoint(entry)
        self.sub_load[sub_id] -= 1
        if self.sub_load[sub_id] <= 0:
            del self.sub_load[sub_id]
            self.sub_endpoint.pop(sub_id, None)

    def take(self, slots: int) -> list[Queued]:
        """Up to ``slots`` queued deliveries whose endpoint has a free slot, each counted
        as being sent from now on."""
        started: list[Queued] = []
        for key in list(self.queues):
            queue = self.queues[key]
            cap = self.cap(key)
            while queue and self.sending[key] < cap and len(started) < slots:
                entry = queue.popleft()
                self._start(entry)
                started.append(entry)
            if not queue:
                del self.queues[key]
        return started

    def _start(self, entry: Queued) -> None:
        self.queued -= 1
        self.sending[entry.key] += 1
        entry.sending = True
        limit = self.limits.get(entry.key)
        if limit is not None:
            entry.window = limit.window
            entry.at_limit = self.sending[entry.key] >= limit.limit

    def drain(self) -> list[Queued]:
        """Every queued delivery, taken out of the queues (on shutdown)."""
        queued = [entry for queue in self.queues.values() for entry in queue]
        self.queues.clear()
        self.queued = 0
        return queued

    def send_done(self, entry: Queued) -> bool:
        """``entry``'s send ended: its endpoint's slot is free (False: it held none)."""
        if not entry.sending:
            return False
        entry.sending = False
        self.sending[entry.key] -= 1
        if self.sending[entry.key] <= 0:
            del self.sending[entry.key]
        self._free_endpoint(entry)
        return True

    def _free_endpoint(self, entry: Queued) -> None:
        """``entry`` no longer holds its endpoint (sent, or given back unsent)."""
        if not entry.unsent:
            return
        entry.unsent = False
        key = entry.key
        self.unsent[key] -= 1
        if self.unsent[key] <= 0:
            del self.unsent[key]
        # Refill once this endpoint's waiting round is used up (not on every send), if the
        # last claim left due rows of it behind.
        if key in self.left_behind and self.unsent.get(key, 0) <= self.cap(key):
            self.wake.set()
