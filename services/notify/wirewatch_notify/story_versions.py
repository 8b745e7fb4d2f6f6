"""A late story event shows the story as it stands, not as it stood.

The stories stage commits a story's change, then publishes its event. In a rebalance two
stories processes may publish one story's events out of order (A decides item 2, B item 3;
B publishes first), so notify reads "3 outlets", then "2 outlets". ``position`` is the
story's sequence (1, 2, 3... in the order the changes were committed). An event older than
one already read still brings its own item (its item may open the story for a
subscription the newer one did not match), but the story's fields (outlets, items, counts)
are taken from the newest event read: without that the opening alert said "2 outlets" and
the follow-up at 3 was never sent (no later event came to bring it).

The newest event of the latest ``KEPT`` stories is kept in memory, per process: the events
of one story reach one process in order of the partition. A late event read by another
process (a notify rebalance at that moment, or a restart between the two) is taken as it
is, as before stop 39.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch_shared.events import StoryEvent

KEPT = 2000
"""Stories whose newest state a process keeps (the latest read), a few KB each."""

_STORY_FIELDS = ("topics", "item_count", "outlets", "languages", "first_seen", "items")
"""What an event says of the whole story (the rest is of its own item)."""


@dataclass(frozen=True, slots=True)
class _Seen:
    position: int
    story: dict[str, Any]  # the _STORY_FIELDS of the newest event read


def _seen(event: StoryEvent) -> _Seen:
    return _Seen(event.position, {name: getattr(event, name) for name in _STORY_FIELDS})


class NewestStories:
    """The story's fields of the newest event read of each recent story."""

    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self._newest: OrderedDict[str, _Seen] = OrderedDict()

    def current(self, events: Sequence[StoryEvent]) -> list[StoryEvent]:
        """The batch's events, each late one with the story's fields of the newest read
        (before or in this batch); the others as they are."""
        newest: dict[str, _Seen] = {}
        out = []
        for event in events:
            known = newest.get(event.story_id) or self._newest.get(event.story_id)
            if known is not None and known.position > event.position:
                out.append(event.model_copy(update=known.story))
                continue
            newest[event.story_id] = _seen(event)
            out.append(event)
        return out

    def read(self, events: Sequence[StoryEvent]) -> None:
        """Keep the newest of these events (call once their alerts are recorded)."""
        for event in events:
            known = self._newest.pop(event.story_id, None)
            late = known is not None and known.position > event.position
            self._newest[event.story_id] = known if late and known else _seen(event)
        while len(self._newest) > self.kept:
            self._newest.popitem(last=False)
