"""An entry's own outlet, as aggregator feeds declare it (pure).

Google News, Bing News and other aggregators carry one outlet's story per item and
name that outlet in RSS ``<source url="…">Outlet</source>`` or Atom ``<source>``
(feedparser: ``entry.source``), and repeat it at the end of the title
("Headline - Outlet"). The title suffix is cut only when it is exactly the declared
name, so a headline that merely contains " - " keeps every word.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from wirewatch_ingest.normalize import MAX_NAME_CHARS, html_to_text, safe_link, truncate

# What aggregators put between a headline and its outlet's name.
_SEPARATORS = (" - ", " – ", " — ", " | ")


class Source(NamedTuple):
    name: str | None
    url: str | None


NO_SOURCE = Source(None, None)


def entry_source(source: Mapping[str, Any] | None, feed_url: str) -> Source:
    """The outlet an entry's ``<source>`` declares (feedparser's ``entry.source``): its
    name and URL (RSS ``url``, else Atom's alternate link). A source pointing back at
    the feed itself says nothing the feed does not, and is left out."""
    if not source or not isinstance(source, Mapping):
        return NO_SOURCE
    title = source.get("title")
    name = truncate(html_to_text(title if isinstance(title, str) else None), MAX_NAME_CHARS)
    url = None
    for key in ("href", "link"):
        value = source.get(key)
        url = safe_link(value if isinstance(value, str) else None)
        if url:
            break
    if url is not None and url.rstrip("/") == feed_url.rstrip("/"):
        return NO_SOURCE
    return Source(name or None, url)


def without_source_suffix(title: str, source_name: str | None) -> str:
    """``title`` without a trailing " - Outlet" that is exactly ``source_name``
    (case and spacing aside); any other title unchanged."""
    if not source_name or len(title) <= len(source_name):
        return title
    folded = source_name.casefold()
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == folded:
            return head.rstrip()
    return title
