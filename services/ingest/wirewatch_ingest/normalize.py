"""Pure helpers that turn raw feed fields into clean, stable values."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from wirewatch_shared import events

_WHITESPACE = re.compile(r"\s+")
_HTTP_PREFIX = re.compile(r"https?://", re.IGNORECASE)
_BAD_URL_CHAR = re.compile(r"[\s\x00\u202a-\u202e\u2066-\u2069]")  # bidi: a disguised link
# Controls, zero-width space, BOM, and the bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069): they reverse or reorder what a title or an outlet's name
# shows, and can disguise a link or a name. The marks (U+200E/U+200F) stay: RTL text
# uses them and they reorder nothing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\u202a-\u202e\u2066-\u2069]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_BLOCK_TAGS = frozenset(
    {
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "section", "article", "header", "footer", "figure", "figcaption",
        "table", "hr", "dd", "dt", "dl", "pre", "img", "iframe", "aside", "nav", "main",
    }
)  # fmt: skip
# One pass over the markup: comments, CDATA, skipped elements with their content,
# tags (quoted attribute values may contain '>'), declarations, processing instructions.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[(?P<cdata>.*?)(?:\]\]>|\Z)"
    r"|<(?P<skip>script|style|noscript|template|head)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r".*?(?:</(?P=skip)\s*>|\Z)"
    r"|</?(?P<tag>[a-zA-Z][a-zA-Z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*(?:>|\Z)"
    r"|<![^>]*>|<\?.*?(?:\?>|\Z)",
    re.DOTALL | re.IGNORECASE,
)

MAX_SUMMARY_CHARS = events.SUMMARY_MAX
"""Summaries are cut to this (the event's bound)."""
MAX_TITLE_CHARS = events.TITLE_MAX
"""Titles are cut to this (the event's bound)."""
MAX_NAME_CHARS = events.NAME_MAX
"""Feed titles, authors and categories are cut to this."""
MAX_LINK_CHARS = events.URL_MAX
"""A longer link is dropped (a cut link would point elsewhere)."""
FUTURE_TOLERANCE = timedelta(days=1)
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)


def _markup_replacement(match: re.Match[str]) -> str:
    cdata = match.group("cdata")
    if cdata is not None:
        return cdata
    tag = match.group("tag")
    if tag is not None and tag.lower() in _BLOCK_TAGS:
        return " "
    return " " if match.group("skip") else ""


def fold_whitespace(text: str) -> str:
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text)).strip()


def html_to_text(value: str | None) -> str:
    """Plain text from an HTML fragment: tags stripped, entities decoded, whitespace folded.

    Block elements become spaces so words never glue together; script/style
    content is dropped. Entities are decoded twice when a first pass leaves
    entities behind: double-escaped ``&amp;amp;`` is common in feeds.
    """
    if not value:
        return ""
    text = value
    if "<" in text:
        text = _MARKUP.sub(_markup_replacement, text)
    if "&" in text:
        text = html.unescape(text)
        if "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
    return fold_whitespace(text)


def safe_link(value: str | None) -> str | None:
    """The link if it is an absolute http(s) URL; ``javascript:``, ``data:`` etc. are dropped."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > MAX_LINK_CHARS:
        return None
    if not _HTTP_PREFIX.match(value) or _BAD_URL_CHAR.search(value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    return value if parts.hostname else None


def struct_time_to_utc(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` values are UTC struct_times; None when absent or absurd."""
    if value is None:
        return None
    try:
        result = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
    return result if result >= EARLIEST_DATE else None


def plausible_date(value: datetime | None, fetched_at: datetime) -> datetime | None:
    """``value`` in UTC unless it is absurd (before 1990, or over a day in the future)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    if value < EARLIEST_DATE or value > fetched_at + FUTURE_TOLERANCE:
        return None
    return value


def _id_basis(
    feed_url: str, guid: str | None, link: str | None, title: str, published: str | None
) -> str:
    guid = (guid or "").strip()
    if guid and safe_link(guid):
        return "url:" + guid
    if guid:
        return f"guid:{feed_url}\n{guid}"
    if link and safe_link(link):
        return "url:" + link.strip()
    return f"hash:{feed_url}\n{title}\n{published or ''}"


def _digest(basis: str) -> str:
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def stable_item_id(
    *, feed_url: str, guid: str | None, link: str | None, title: str, published: str | None
) -> str:
    """A stable item id (32 hex chars), always scoped by the feed URL.

    Inside the feed the item is known by its guid, failing that its link, failing
    that its title and date (as written in the feed). The same story in two feeds is
    two items: one feed can never suppress another's item by reusing its guid;
    cross-outlet duplicates are the stories stage's job.
    """
    return _digest(f"feed:{feed_url}\n" + _id_basis(feed_url, guid, link, title, published))


def distinct_item_id(shared_id: str, content: str) -> str:
    """The id of one of several different entries of a document that share ``shared_id``
    (one link and no guid for every entry, a reused guid, no id at all): the shared id
    with the entry's own content, so each entry is one item, the same on every poll."""
    return _digest(f"{shared_id}\n{content}")


def legacy_item_id(
    *, feed_url: str, guid: str | None, link: str | None, title: str, published: str | None
) -> str:
    """The id before schema revision 0006: a URL guid or link was not scoped by the feed.
    Only used to recognise items seen before the upgrade (never published)."""
    return _digest(_id_basis(feed_url, guid, link, title, published))


def primary_language(value: str | None) -> str | None:
    """'en-US' / 'es_MX' / 'EN' -> 'en'; None for blanks and junk."""
    if not value or not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else None


def truncate(text: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, ellipsis included, at a word
    boundary unless that would drop more than a fifth of the limit."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    at_word = cut.rsplit(" ", 1)[0]
    if len(at_word) >= limit * 0.8:
        cut = at_word
    return cut + "…"
