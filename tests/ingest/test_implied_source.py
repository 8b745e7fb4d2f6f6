"""Aggregator entries without ``<source>``: Google News's Atom flavour (and its 2012 RSS)
name the outlet only after the headline (" - Outlet") and again in the entry's HTML
(``<font color="#6f6f6f">Outlet</font>``). Such an entry's outlet is that name, its title
the headline alone; nothing changes for any other feed of the corpus.

Real captures (../shared/corpus/feeds, SOURCES.md): feed-extractor/atom-feed-standard-
realworld.xml ("Top stories - Google News", Atom, 2022-07-28) and news-sites/jkl-
googlenews-2012/google_news.xml ("topic:vladimir_putin - Google News", RSS, 2012-03-06).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from wirewatch_ingest.items import ParsedFeed
from wirewatch_ingest.parsing import parse_feed
from wirewatch_ingest.sources import NO_SOURCE, implied_source

NOW = datetime(2026, 12, 6, tzinfo=UTC)
GOOGLE_NEWS_ATOM_2022 = "feed-extractor/atom-feed-standard-realworld.xml"
GOOGLE_NEWS_RSS_2012 = "news-sites/jkl-googlenews-2012/google_news.xml"
_ENTRY_TITLE = re.compile(rb"<(?:entry|item)>.*?<title[^>]*>(.*?)</title>", re.S)


def _parse(path: Path, feed_url: str) -> ParsedFeed:
    return parse_feed(path.read_bytes(), feed_id=1, feed_url=feed_url, fetched_at=NOW)


def _titles(path: Path) -> list[str]:
    """Each entry's title as the document gives it (read with a regex, no feedparser)."""
    return [
        " ".join(html.unescape(t.decode()).split()) for t in _ENTRY_TITLE.findall(path.read_bytes())
    ]


@pytest.mark.parametrize(
    ("capture", "feed_url", "first"),
    [
        (GOOGLE_NEWS_ATOM_2022, "https://news.google.com/atom", "CNN"),
        (GOOGLE_NEWS_RSS_2012, "http://news.google.com/news?output=rss", "Telegraph.co.uk"),
    ],
)
def test_google_news_items_without_source_carry_the_outlet_of_their_title(
    corpus_dir: Path, capture: str, feed_url: str, first: str
) -> None:
    path = corpus_dir / capture
    items = _parse(path, feed_url).items
    titles = _titles(path)
    assert len(items) == len(titles) > 0
    for item, title in zip(items, titles, strict=True):
        headline, _, outlet = title.rpartition(" - ")
        assert (item.source_name, item.title) == (outlet, headline), title
        assert item.source_url is None  # the feed links every item through news.google.com
    assert items[0].source_name == first
    outlets = {t.rpartition(" - ")[2] for t in titles}
    assert {i.source_name for i in items} == outlets and len(outlets) >= 10  # many outlets


def test_a_suffix_nothing_else_in_the_entry_names_is_kept() -> None:
    link = "https://news.google.com/articles/CBMi?oc=5"
    font = '<a href="x">Flights resume</a>&nbsp;<font color="#6f6f6f">CNN</font>'
    assert implied_source("Flights resume - CNN", font, None, link).name == "CNN"
    assert implied_source("Flights resume - CNN", None, "CNN", link).name == "CNN"
    # The outlet must be said twice: the title's tail alone may be words of the headline.
    assert implied_source("Flights resume - CNN", "<p>Flights resume</p>", None, link) == NO_SOURCE
    # Only on an aggregator's own links: a blog quoting Google News's markup is a blog.
    blog = "https://blog.example.org/2022/07/flights"
    assert implied_source("Flights resume - CNN", font, None, blog) == NO_SOURCE
    assert implied_source("Flights resume", font, None, link) == NO_SOURCE
    assert implied_source(" - CNN", font, None, link) == NO_SOURCE
