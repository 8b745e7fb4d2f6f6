"""Feed documents -> normalised :class:`FeedItem` objects (pure, no I/O).

XML feeds (RSS 0.9x-2.0, RDF, Atom 0.3/1.0, CDF) go through feedparser on a
byte stream with the HTTP headers that matter for decoding (content-type's
charset, content-location as the base URI, content-language); chardet is
installed so undeclared legacy encodings (Big5, KOI8-R, Shift-JIS...) decode.
JSON Feeds go through :mod:`wirewatch_ingest.jsonfeed`. Before feedparser,
:mod:`wirewatch_ingest.xmlguard` rejects entity bombs.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.sax
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urljoin
from xml.sax.saxutils import unescape

import feedparser

from wirewatch_ingest.charsets import body_charset, with_charset
from wirewatch_ingest.dates import localized_date
from wirewatch_ingest.items import (
    FeedParseError,
    ParsedFeed,
    RawEntry,
    UnsafeDocumentError,
    build_feed,
)
from wirewatch_ingest.jsonfeed import looks_like_json, parse_json_feed
from wirewatch_ingest.normalize import (
    html_to_text,
    primary_language,
    safe_link,
    struct_time_to_utc,
)
from wirewatch_ingest.sources import entry_source
from wirewatch_ingest.xmlguard import check_xml_safety

__all__ = [
    "FeedParseError",
    "ParsedFeed",
    "UnsafeDocumentError",
    "parse_feed",
]

# Warnings feedparser raises about well-formed documents (charset, media type).
_SOFT_BOZO = (feedparser.ThingsNobodyCaresAboutButMe,)

# Only these response headers change how a body parses; content-encoding and
# friends must not reach feedparser (the body is already decoded).
_PARSE_HEADERS = ("content-type", "content-location", "content-language")

# What expat says when the document stops before its end (and nowhere else).
_ENDED_EARLY = ("no element found", "unclosed token", "unclosed cdata section")
# An entry's start or end tag (any namespace prefix), up to the end of the tag.
_ENTRY_TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s/>])[^>]*(>?)")
# The loose parser leaves these escaped in an id (the strict one decodes every entity).
_LOOSE_ID_ENTITIES = {"&quot;": '"', "&apos;": "'"}


def parse_feed(
    body: bytes,
    *,
    feed_id: int,
    feed_url: str,
    fetched_at: datetime,
    headers: Mapping[str, str] | None = None,
    id_url: str | None = None,
) -> ParsedFeed:
    """Parse and normalise a feed body. ``id_url``: the URL item ids are scoped to, when
    not ``feed_url`` (a feed that moved keeps its first URL's ids).

    ``bozo`` is not fatal: entries are kept when there are any (a stray newline
    before ``<?xml`` is the commonest real cause). A document with no entries is an
    error for that feed when it has no feed version, or when it is not well-formed
    (a truncated feed); a well-formed empty feed is just empty.
    Raises :class:`FeedParseError` (or its :class:`UnsafeDocumentError`).
    """
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    if not body.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise FeedParseError("not a feed: empty document")
    if looks_like_json(body, lowered.get("content-type")):
        return parse_json_feed(
            body,
            feed_id=feed_id,
            feed_url=feed_url,
            fetched_at=fetched_at,
            content_type=lowered.get("content-type"),
            id_url=id_url,
        )
    check_xml_safety(body)
    body = _from_the_declaration(body)
    # The server's content-location (if any) is the base URI; without one feedparser
    # skips URI resolution entirely, which is much cheaper — relative entry links
    # are resolved against the feed URL below instead.
    response_headers = {k: lowered[k] for k in _PARSE_HEADERS if k in lowered}
    charset = body_charset(body, response_headers.get("content-type"))
    if charset:
        response_headers["content-type"] = with_charset(
            response_headers.get("content-type"), charset
        )
    parsed = _feedparser_parse(_without_a_cut_character(body), response_headers)
    version = _checked_version(parsed)
    feed = parsed.feed
    title = html_to_text(feed.get("title"))
    language = _feed_language(feed, response_headers)
    loose = _read_loosely(parsed)
    return build_feed(
        (_raw_entry(entry, feed_url, loose=loose) for entry in _whole_entries(parsed, body)),
        feed_id=feed_id,
        feed_url=feed_url,
        fetched_at=fetched_at,
        title=title,
        language=language,
        version=version,
        bozo_reason=str(parsed.get("bozo_exception")) if parsed.get("bozo") else None,
        ttl_s=_ttl_seconds(feed.get("ttl")),
        site_url=safe_link(feed.get("link")),
        id_url=id_url,
    )


def _feedparser_parse(body: bytes, response_headers: dict[str, str]) -> Any:
    """feedparser's result for ``body``; any exception it raises is a :class:`FeedParseError`."""
    try:
        # Bytes go in as a file object: feedparser treats a bytes/str argument
        # as a possible path or URL.
        return feedparser.parse(
            io.BytesIO(body),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser should not raise; never let it take the feed down
        raise FeedParseError(f"parser failed: {type(exc).__name__}: {exc}") from None


def _checked_version(parsed: Any) -> str:
    """The feed version; raises when a document without entries is not a usable feed."""
    version = str(parsed.get("version") or "")
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        if not version:
            raise FeedParseError(f"not a feed{f': {reason}' if reason else ''}")
        if parsed.get("bozo") and not isinstance(reason, _SOFT_BOZO):
            # A feed root with a broken body (truncated, not well-formed) and nothing
            # usable in it: an error for this feed, not a quiet empty feed.
            raise FeedParseError(f"malformed {version} feed with no entries: {reason}")
    return version


def _from_the_declaration(body: bytes) -> bytes:
    """``body`` from its XML declaration on, when something comes before it (blank
    lines, a PHP notice): nothing may, so the document is not well-formed, and
    feedparser's loose parser reads it less faithfully (raw markup in summaries)."""
    start = body.find(b"<?xml", 0, 4096)
    if start <= 0 or body[:start] in (codecs.BOM_UTF8, b""):
        return body
    return body[start:]


def _without_a_cut_character(body: bytes) -> bytes:
    """``body`` without the first bytes of a UTF-8 character it ends in. Only a cut-off
    document ends inside a character (a whole one ends with ``>`` and white space); left
    there, it makes the whole document invalid UTF-8, and feedparser then reads every
    entry as windows-1252 (mojibake in every title)."""
    if not body or body[-1] < 0x80:
        return body
    for length in range(1, 4):
        byte = body[-length]
        if byte < 0x80:
            return body
        if byte >= 0xC0:  # the lead byte: says how many bytes its character has
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return body[:-length] if length < needed else body
    return body


def _read_loosely(parsed: Any) -> bool:
    """Whether feedparser fell back to its loose parser: the document is not well-formed
    XML (or its encoding could not be told)."""
    return not parsed.get("encoding") or isinstance(
        parsed.get("bozo_exception"), xml.sax.SAXException
    )


def _whole_entries(parsed: Any, body: bytes) -> list[Any]:
    """The entries, without the last one when the document stops inside it (a cut-off
    body): its fields are cut short, and its guid may be past the cut, so it would be
    published half, under an id of its own. The whole document brings it later."""
    entries = list(parsed.entries)
    reason = str(parsed.get("bozo_exception") or "").lower()
    if entries and parsed.get("bozo") and reason.endswith(_ENDED_EARLY):
        tags = list(_ENTRY_TAG.finditer(body))
        last = tags[-1] if tags else None
        # The last entry tag in the body opens an entry (and is itself complete: the
        # loose parser does not see a tag the body cuts off): that entry never ended.
        if (
            last is not None
            and not last.group(1)
            and last.group(2)
            and not last.group(0).endswith(b"/>")
        ):
            entries.pop()
    return entries


def _feed_language(feed: Any, response_headers: dict[str, str]) -> str | None:
    """The feed's language: declared by the feed, its title, or the HTTP response."""
    return (
        primary_language(feed.get("language"))
        or primary_language((feed.get("title_detail") or {}).get("language"))
        or primary_language(response_headers.get("content-language"))
    )


def _ttl_seconds(value: Any) -> float | None:
    try:
        minutes = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60.0 if 0 < minutes < 1e7 else None


def _absolute(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    link = safe_link(value)
    if (
        link is None
        and "://" not in value
        and not value.lstrip().lower().startswith(("javascript:", "data:", "vbscript:", "mailto:"))
    ):
        try:
            link = safe_link(urljoin(base, value.strip()))
        except ValueError:
            return None
    return link


def _entry_link(entry: dict[str, Any], base: str) -> str | None:
    link = _absolute(entry.get("link"), base)
    if link:
        return link
    for candidate in entry.get("links") or ():
        if candidate.get("rel", "alternate") == "alternate":
            link = _absolute(candidate.get("href"), base)
            if link:
                return link
    return None


def _published(entry: dict[str, Any]) -> datetime | None:
    """The entry's date as feedparser read it, else as written with local names."""
    return (
        struct_time_to_utc(entry.get("published_parsed"))
        or struct_time_to_utc(entry.get("updated_parsed"))
        or struct_time_to_utc(entry.get("created_parsed"))
        or localized_date(entry.get("published") or entry.get("updated"))
    )


def _entry_guid(entry: dict[str, Any], loose: bool) -> tuple[Any, str | None]:
    """The entry's guid, and the guid as the loose parser gave it when that differs.

    The strict parser decodes the id's entities and the loose one leaves them
    (``a&amp;b``): one id for the entry, whichever parser read the document, or every
    guid with an '&' is a new item each time a feed stops (or starts) being well-formed.
    """
    guid = entry.get("id")
    if loose and isinstance(guid, str) and "&" in guid:
        decoded = unescape(guid, _LOOSE_ID_ENTITIES)
        return decoded, (guid if decoded != guid else None)
    return guid, None


def _raw_entry(parsed_entry: Any, base: str, *, loose: bool = False) -> RawEntry:
    # A plain-dict view: FeedParserDict's own lookups (key aliases, warnings) are slow,
    # and only canonical keys are read here.
    entry: dict[str, Any] = dict(parsed_entry)
    summary = entry.get("summary")
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value")
    author = entry.get("author")
    if not author and entry.get("authors"):
        author = (entry["authors"][0] or {}).get("name")
    language = None
    for detail in ("title_detail", "summary_detail"):
        language = (entry.get(detail) or {}).get("language")
        if language:
            break
    guid, escaped_guid = _entry_guid(entry, loose)
    return RawEntry(
        guid=guid,
        escaped_guid=escaped_guid,
        link=_entry_link(entry, base),
        title=entry.get("title"),
        summary=summary,
        published=_published(entry),
        published_raw=entry.get("published") or entry.get("updated"),
        categories=[tag.get("term") or "" for tag in entry.get("tags") or ()],
        author=author,
        language=language,
        source=entry_source(entry.get("source"), base),
    )
