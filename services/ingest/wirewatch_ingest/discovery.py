"""Feed autodiscovery: a site page's ``<link rel="alternate" type="...">`` feed links.

:func:`find_feeds` takes any URL: a feed is returned as itself; an HTML page
yields the feeds it links to (each verified by fetching and parsing it).
Every fetch goes through the same guarded :class:`~wirewatch_ingest.fetcher.Fetcher`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

from wirewatch_ingest.fetcher import Fetcher, FetchError
from wirewatch_ingest.items import FeedParseError
from wirewatch_ingest.normalize import fold_whitespace, safe_link
from wirewatch_ingest.parsing import parse_feed

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/rdf+xml",
        "application/json",
    }
)
MAX_CANDIDATES = 8


class DiscoveryError(ValueError):
    """No feed could be found at the URL."""


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    url: str
    title: str = ""
    type: str = ""


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"].strip()
        if tag not in ("link", "a"):
            return
        rels = values.get("rel", "").lower().split()
        media = values.get("type", "").split(";", 1)[0].strip().lower()
        if "alternate" in rels and media in FEED_TYPES and values.get("href", "").strip():
            self.links.append((values["href"].strip(), values.get("title", ""), media))


def discover_feeds(html: bytes | str, base_url: str) -> list[DiscoveredFeed]:
    """The feed links of an HTML page, absolute, http(s) only, in page order, deduplicated."""
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    finder = _LinkFinder()
    try:
        finder.feed(text)
        finder.close()
    except Exception:  # noqa: S110 - html.parser is lenient; keep what was found
        pass
    base = urljoin(base_url, finder.base) if finder.base else base_url
    found: dict[str, DiscoveredFeed] = {}
    for href, title, media in finder.links:
        url = safe_link(urljoin(base, href))
        if url and url not in found:
            found[url] = DiscoveredFeed(url, fold_whitespace(title), media)
    return list(found.values())


async def find_feeds(url: str, fetcher: Fetcher) -> list[DiscoveredFeed]:
    """The feed(s) at ``url``: itself if it is a feed, else the verified feeds it links to.

    Raises :class:`DiscoveryError` (or :class:`FetchError` when ``url`` cannot be fetched).
    """
    result = await fetcher.fetch(url)
    now = datetime.now(UTC)
    try:
        parsed = parse_feed(
            result.body, feed_id=0, feed_url=url, fetched_at=now, headers=result.headers
        )
        return [DiscoveredFeed(url, parsed.title, parsed.version)]
    except FeedParseError as exc:
        not_a_feed = exc
    candidates = discover_feeds(result.body, result.url)[:MAX_CANDIDATES]
    if not candidates:
        raise DiscoveryError(f"no feed at {url}: {not_a_feed}; the page links to no feed")
    verified: list[DiscoveredFeed] = []
    problems: list[str] = []
    for candidate in candidates:
        try:
            fetched = await fetcher.fetch(candidate.url)
            parsed = parse_feed(
                fetched.body,
                feed_id=0,
                feed_url=candidate.url,
                fetched_at=now,
                headers=fetched.headers,
            )
        except (FetchError, FeedParseError) as exc:
            problems.append(f"{candidate.url}: {exc}")
            continue
        verified.append(
            DiscoveredFeed(candidate.url, candidate.title or parsed.title, candidate.type)
        )
    if not verified:
        raise DiscoveryError(f"the feeds linked from {url} do not work: " + "; ".join(problems))
    return verified
