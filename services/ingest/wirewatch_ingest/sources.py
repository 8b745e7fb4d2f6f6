"""An entry's own outlet, as aggregator feeds declare it (pure).

Google News, Bing News and other aggregators carry one outlet's story per item and
name that outlet in RSS ``<source url="…">Outlet</source>`` or Atom ``<source>``
(feedparser: ``entry.source``), and repeat it at the end of the title
("Headline - Outlet"). The title suffix is cut only when it is exactly the declared
name, so a headline that merely contains " - " keeps every word.

Google News's Atom flavour (and its RSS of 2012) declare no ``<source>``: the outlet is
only in the title's suffix and in the entry's HTML (``<font color="#6f6f6f">CNN</font>``).
:func:`implied_source` takes it from there, for an aggregator's own links only and only
when the two agree (docs/ingest.md: over the corpus, no other feed's item is touched).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

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


# Aggregators that link every entry through their own host and may declare no <source>.
AGGREGATOR_HOSTS = frozenset({"news.google.com"})
# A <font> holding text only: where Google News's entry HTML names the outlet.
OUTLET_FONT = re.compile(r"<font\b[^>]*>([^<>]{1,200})</font>", re.IGNORECASE)


def fold_name(text: str) -> str:
    """An outlet's name as compared: entities decoded, spacing folded, case folded."""
    return " ".join(html.unescape(text).split()).casefold()


def title_outlet(title: str) -> str | None:
    """The X of a title "Headline - X" (None: no headline before it, or X too long)."""
    head, found, tail = title.rpartition(" - ")
    name = tail.strip()
    if not (found and head.strip() and name) or len(name) > MAX_NAME_CHARS:
        return None
    return name


def named_again(name: str, summary: str | None, author: str | None) -> bool:
    """Whether the entry's HTML (a ``<font>``) or its author names ``name`` too."""
    said = {fold_name(m) for m in OUTLET_FONT.findall(summary or "")}
    said.add(fold_name(author or ""))
    return fold_name(name) in said


def implied_source(title: str, summary: str | None, author: str | None, link: str | None) -> Source:
    """The outlet of an aggregator entry without ``<source>``: the title's last " - X"
    when the entry links through an aggregator (:data:`AGGREGATOR_HOSTS`) and its HTML
    or its author names X too; else none (a title's tail alone may be words of the
    headline)."""
    name = title_outlet(title)
    if name is None or urlsplit(link or "").hostname not in AGGREGATOR_HOSTS:
        return NO_SOURCE
    return Source(name, None) if named_again(name, summary, author) else NO_SOURCE


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
