"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org) to the same normalised items as XML feeds."""

from __future__ import annotations

import codecs
import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from wirewatch_ingest.dates import localized_date
from wirewatch_ingest.items import FeedParseError, ParsedFeed, RawEntry, build_feed
from wirewatch_ingest.normalize import html_to_text, primary_language

JSON_CONTENT_TYPES = ("application/feed+json", "application/json", "text/json")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,64})["']?""", re.IGNORECASE)
"""The charset parameter of a Content-Type (group 1: its value)."""


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    """The body starts (after a BOM and spaces) with '{', or the content type says JSON
    and the body does not start with '<' (XML labelled as JSON is still XML)."""
    head = body[:64]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = head.lstrip(b" \t\r\n\x00")
    if head.startswith(b"{"):
        return True
    media = (content_type or "").split(";", 1)[0].strip().lower()
    json_type = media in JSON_CONTENT_TYPES or media.endswith("+json")
    return json_type and not head.startswith(b"<")


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: Any) -> datetime | None:
    """RFC 3339 as the spec says, or an RFC 2822 date as some generators write (WordPress)."""
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return localized_date(text)


def _author(item: dict[str, Any], feed: dict[str, Any]) -> str | None:
    for source in (item, feed):
        authors = source.get("authors")
        if isinstance(authors, list):
            names = [a.get("name") for a in authors if isinstance(a, dict)]
            joined = ", ".join(n for n in names if isinstance(n, str) and n.strip())
            if joined:
                return joined
        author = source.get("author")
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return str(author["name"])
    return None


def parse_json_feed(
    body: bytes,
    *,
    feed_id: int,
    feed_url: str,
    fetched_at: datetime,
    content_type: str | None = None,
    id_url: str | None = None,
) -> ParsedFeed:
    """Parse and normalise a JSON Feed body; raises :class:`FeedParseError`.
    ``content_type``: the response's, whose charset is used for a body not in UTF-8;
    ``id_url``: as in :func:`wirewatch_ingest.items.build_item`."""
    document = _load_document(body, content_type)
    version = _text(document.get("version")) or ""
    raw_items = document.get("items")
    if "jsonfeed.org" not in version and not isinstance(raw_items, list):
        raise FeedParseError("not a feed: JSON without a JSON Feed version or items")
    entries = raw_items if isinstance(raw_items, list) else []
    title = html_to_text(_text(document.get("title")))
    language = primary_language(_text(document.get("language")))
    base = _text(document.get("feed_url")) or feed_url
    return build_feed(
        (_raw_entry(entry, base, document) for entry in entries if isinstance(entry, dict)),
        feed_id=feed_id,
        feed_url=feed_url,
        fetched_at=fetched_at,
        title=title,
        language=language,
        version="json" + version.rstrip("/").rsplit("/", 1)[-1].replace(".", ""),
        site_url=_text(document.get("home_page_url")),
        id_url=id_url,
    )


def _legacy_text(body: bytes, content_type: str | None) -> str:
    """``body`` decoded as the charset the response declares, else windows-1252 (what
    a 'Latin-1' server writes): for a body that is not UTF-8 (JSON's only encoding),
    never rejected for it."""
    charset = CHARSET.search(content_type or "")
    try:
        codec = codecs.lookup(charset.group(1) if charset else "cp1252").name
        if codec in ("utf-8", "iso8859-1", "ascii"):  # a wrong label, or Latin-1:
            codec = "cp1252"  # windows-1252 is Latin-1 with quotes and dashes in 0x80-0x9f
        return body.decode(codec, errors="replace")
    except LookupError:  # an unknown charset, or not a text encoding (base64...)
        return body.decode("cp1252", errors="replace")


def _load_document(body: bytes, content_type: str | None = None) -> dict[str, Any]:
    """The JSON object of ``body``; raises :class:`FeedParseError` for anything else."""
    try:
        try:
            document = json.loads(body)
        except UnicodeDecodeError:
            document = json.loads(_legacy_text(body, content_type))
    except (ValueError, RecursionError) as exc:
        raise FeedParseError(f"not a feed: invalid JSON ({exc})") from None
    if not isinstance(document, dict):
        raise FeedParseError("not a feed: JSON document is not an object")
    return document


def _raw_entry(entry: dict[str, Any], base: str, document: dict[str, Any]) -> RawEntry:
    """One JSON Feed item as a raw entry (links resolved against ``base``)."""
    link = _text(entry.get("url")) or _text(entry.get("external_url"))
    if link:
        link = urljoin(base, link)
    tags = entry.get("tags")
    return RawEntry(
        guid=_text(entry.get("id")),
        link=link,
        title=_text(entry.get("title")),
        summary=(
            _text(entry.get("summary"))
            or _text(entry.get("content_html"))
            or _text(entry.get("content_text"))
        ),
        published=_date(entry.get("date_published")) or _date(entry.get("date_modified")),
        published_raw=_text(entry.get("date_published")) or _text(entry.get("date_modified")),
        categories=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else (),
        author=_author(entry, document),
        language=_text(entry.get("language")),
    )
