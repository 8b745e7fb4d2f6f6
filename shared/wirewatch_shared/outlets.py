"""An item's outlet, as every stage names it (pure).

The stories stage keys and names a story's outlets by it; notify names the triggering
item's own outlet by it to leave that outlet out of ``also_reported_by`` (one function:
the two namings must not drift apart)."""

from __future__ import annotations

from urllib.parse import urlsplit

from wirewatch_shared.events import STORY_OUTLET_MAX, FeedItem

UNKNOWN_OUTLET = "unknown outlet"


def outlet_host(url: str | None) -> str:
    """The host of an outlet's URL, lower case, ``www.`` dropped ('' for none)."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""


def outlet_of(item: FeedItem) -> tuple[str, str]:
    """(key, name) of the item's outlet: its host (``www.`` dropped) tells outlets apart,
    the feed's title names it. An item that names its own source (an aggregator's item:
    Google News carries many outlets in one feed) is that source's, keyed by its host so
    it meets the same outlet's own feed."""
    if item.source_name or item.source_url:
        host = outlet_host(item.source_url)
        name = (item.source_name or host).strip()[:STORY_OUTLET_MAX]
        return host or name.casefold(), name
    host = outlet_host(item.link) or outlet_host(item.feed_url)
    name = (item.feed_title or host or UNKNOWN_OUTLET).strip()[:STORY_OUTLET_MAX]
    return host or name.casefold(), name
