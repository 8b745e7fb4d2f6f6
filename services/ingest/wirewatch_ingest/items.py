"""The parse result types and the one place a raw entry becomes a :class:`FeedItem`.

Both the XML path (feedparser) and the JSON Feed path end in
:func:`build_item`, so every item is normalised the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from wirewatch_shared.events import FeedItem

from wirewatch_ingest.language import detect_language
from wirewatch_ingest.normalize import (
    MAX_NAME_CHARS,
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    distinct_item_id,
    fold_whitespace,
    former_item_ids,
    html_to_text,
    legacy_item_id,
    plausible_date,
    primary_language,
    safe_link,
    stable_item_id,
    truncate,
)
from wirewatch_ingest.sources import NO_SOURCE, Source, implied_source, without_source_suffix

MAX_CATEGORIES = 32


class FeedParseError(ValueError):
    """The document is not a feed (an HTML page, an error page, garbage)."""


class UnsafeDocumentError(FeedParseError):
    """The document declares XML entities or an internal DTD subset (entity bombs)."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    language: str | None
    items: list[FeedItem]
    bozo_reason: str | None = None
    version: str = ""
    ttl_s: float | None = None
    """The feed's own ``<ttl>`` (RSS, minutes) in seconds, if any."""
    published_times: tuple[datetime, ...] = field(default=())
    """Publication times the feed actually states (fetch-time fallbacks left out)."""
    site_url: str | None = None
    legacy_ids: dict[str, str] = field(default_factory=dict)
    """Item id -> the id the same entry had before identity was scoped per feed."""
    former_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Item id -> other ids the same entry may have been published under (its URL with
    the other scheme, its guid as a loose parse gave it): an entry published under one
    of them is not published again."""


@dataclass(frozen=True, slots=True)
class RawEntry:
    """The fields of one entry as the feed gives them (HTML allowed), before normalising."""

    guid: str | None
    link: str | None
    title: str | None
    summary: str | None
    published: datetime | None
    published_raw: str | None
    categories: Iterable[str]
    author: str | None
    language: str | None
    escaped_guid: str | None = None
    """The guid with its entities left escaped, as the loose parser gives it (when that
    differs from ``guid``)."""
    source: Source = NO_SOURCE
    """The outlet the entry itself declares (aggregator feeds), see :mod:`.sources`."""


class _Built(NamedTuple):
    raw: RawEntry
    item: FeedItem
    dated: bool
    """Whether its publication time came from the feed."""
    id_title: str
    """The title as the feed gives it (a source suffix kept): what ids are made of."""


def build_item(
    raw: RawEntry,
    *,
    feed_id: int,
    feed_url: str,
    feed_title: str,
    feed_language: str | None,
    fetched_at: datetime,
    id_url: str | None = None,
) -> _Built:
    """The normalised item. ``id_url``: the URL its id is scoped to (the feed's first
    URL when it has moved since; default ``feed_url``)."""
    id_title = truncate(html_to_text(raw.title), MAX_TITLE_CHARS)
    source = _source(raw, id_title)
    # An aggregator's "Headline - Outlet": the outlet is the item's source, not its words.
    title = without_source_suffix(id_title, source.name)
    summary = truncate(html_to_text(raw.summary), MAX_SUMMARY_CHARS)
    link = safe_link(raw.link)
    published = plausible_date(raw.published, fetched_at)
    categories = tuple(
        dict.fromkeys(
            truncate(term, MAX_NAME_CHARS)
            for term in (fold_whitespace(c) for c in raw.categories if isinstance(c, str))
            if term
        )
    )[:MAX_CATEGORIES]
    language = (
        primary_language(raw.language) or feed_language or detect_language(f"{title} {summary}")
    )
    guid = _guid(raw)
    item = FeedItem(
        item_id=stable_item_id(
            feed_url=id_url or feed_url,
            guid=guid,
            link=link,
            title=id_title,
            published=raw.published_raw,
        ),
        feed_id=feed_id,
        feed_url=feed_url,
        feed_title=truncate(feed_title, MAX_NAME_CHARS),
        title=title,
        summary=summary,
        link=link,
        published=published or fetched_at,
        fetched_at=fetched_at,
        language=language,
        categories=categories,
        author=truncate(html_to_text(raw.author), MAX_NAME_CHARS) or None,
        source_name=source.name,
        source_url=source.url,
    )
    return _Built(raw, item, published is not None, id_title)


def _source(raw: RawEntry, title: str) -> Source:
    """The outlet the entry declares, else (Google News Atom) the one its title and HTML
    both name."""
    if raw.source != NO_SOURCE:
        return raw.source
    return implied_source(title, raw.summary, raw.author, raw.link)


def _guid(raw: RawEntry) -> str | None:
    return raw.guid if isinstance(raw.guid, str) and raw.guid.strip() else None


def _content_key(built: _Built) -> str:
    """What tells apart entries that share an id: the title and the date as the feed
    writes them, and the text of an untitled entry."""
    title, item = built.id_title, built.item
    return f"{title}\n{built.raw.published_raw or ''}\n{'' if title else item.summary}"


class _Ids(NamedTuple):
    items: list[FeedItem]
    legacy_ids: dict[str, str]
    former_ids: dict[str, tuple[str, ...]]


def _own_ids(built: list[_Built], feed_url: str) -> _Ids:
    """The items, each entry without a guid that shares its id with a different entry
    given its own (from its content); the legacy id and the former ids of every other
    item. ``feed_url``: the URL ids are scoped to."""
    contents: dict[str, set[str]] = {}
    for one in built:
        contents.setdefault(one.item.item_id, set()).add(_content_key(one))
    ids = _Ids([], {}, {})
    items, legacy_ids = ids.items, ids.legacy_ids
    for one in built:
        raw, item = one.raw, one.item
        if len(contents[item.item_id]) > 1 and not _guid(raw):
            # Different entries without a guid and with one id (a link they all share,
            # or no link either): each gets its own, from its content (and no legacy id:
            # the shared one was seen for the first of them only). A guid is the
            # publisher's word on identity: entries repeating one stay one item.
            own = distinct_item_id(item.item_id, _content_key(one))
            items.append(item.model_copy(update={"item_id": own}))
            continue
        legacy_ids[item.item_id] = legacy_item_id(
            feed_url=feed_url,
            guid=_guid(raw),
            link=item.link,
            title=one.id_title,
            published=raw.published_raw,
        )
        formers = former_item_ids(
            feed_url=feed_url,
            guid=_guid(raw),
            link=item.link,
            title=one.id_title,
            published=raw.published_raw,
            escaped_guid=raw.escaped_guid,
        )
        if formers:
            ids.former_ids[item.item_id] = formers
        items.append(item)
    return ids


def build_feed(
    raws: Iterable[RawEntry],
    *,
    feed_id: int,
    feed_url: str,
    fetched_at: datetime,
    title: str,
    language: str | None,
    version: str,
    bozo_reason: str | None = None,
    ttl_s: float | None = None,
    site_url: str | None = None,
    id_url: str | None = None,
) -> ParsedFeed:
    """The parsed feed of every format: each entry as a normalised item, the publication
    times the feed itself gave, and each item's legacy id (see
    :attr:`ParsedFeed.legacy_ids`); ``id_url`` as in :func:`build_item`; the other
    arguments are the feed-level fields."""
    built = [
        build_item(
            raw, feed_id=feed_id, feed_url=feed_url, feed_title=title,
            feed_language=language, fetched_at=fetched_at, id_url=id_url,
        )
        for raw in raws
    ]  # fmt: skip
    ids = _own_ids(built, id_url or feed_url)
    return ParsedFeed(
        title=title,
        language=language,
        items=ids.items,
        bozo_reason=bozo_reason,
        version=version,
        ttl_s=ttl_s,
        published_times=tuple(one.item.published for one in built if one.dated),
        site_url=site_url,
        legacy_ids=ids.legacy_ids,
        former_ids=ids.former_ids,
    )
