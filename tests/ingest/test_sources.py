"""Aggregator feeds: each item's own outlet (RSS/Atom ``<source>``) is carried on the
FeedItem, a title suffix that is exactly that outlet is cut, and the stories and flights
stages count the item under that outlet, not under the aggregator.

The Google News documents are real captures kept in the corpus (../shared, see its
SOURCES.md: feed-extractor/ 2022 "Top stories - Google News", rss-parser-kotlin/ 2020
"Google Actualités")."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import unescape

from wirewatch_flights.intake import observe
from wirewatch_ingest.items import ParsedFeed
from wirewatch_ingest.parsing import parse_feed
from wirewatch_ingest.sources import without_source_suffix
from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch
from wirewatch_shared.outlets import outlet_of

NOW = datetime(2026, 12, 6, tzinfo=UTC)
GOOGLE_NEWS_2022 = "feed-extractor/rss-feed-standard-realworld.xml"
GOOGLE_NEWS_FR_2020 = "rss-parser-kotlin/feed-test-source.xml"
_RSS_ITEM = re.compile(rb"<item>(.*?)</item>", re.S)
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_SOURCE = re.compile(rb'<source url="([^"]*)">(.*?)</source>', re.S)


def _parse(path: Path, feed_url: str = "https://news.google.com/rss") -> ParsedFeed:
    return parse_feed(path.read_bytes(), feed_id=1, feed_url=feed_url, fetched_at=NOW)


def _declared(path: Path) -> list[tuple[str, str, str]]:
    """(title, source url, source name) of each item, read from the bytes with a regex
    (no feedparser): what the document itself says."""
    out = []
    for item in _RSS_ITEM.findall(path.read_bytes()):
        title = _TITLE.search(item)
        source = _SOURCE.search(item)
        assert title and source
        # Folded as every text field is (one real name ends with a space: "New York Post ").
        fields = (title[1], source[1], source[2])
        out.append(tuple(" ".join(unescape(m.decode()).split()) for m in fields))
    return out  # type: ignore[return-value]


def test_google_news_rss_items_carry_their_own_outlet(corpus_dir: Path) -> None:
    for name in (GOOGLE_NEWS_2022, GOOGLE_NEWS_FR_2020):
        path = corpus_dir / name
        declared = _declared(path)
        items = _parse(path).items
        assert len(items) == len(declared) > 0, name
        for item, (title, url, source) in zip(items, declared, strict=True):
            assert (item.source_name, item.source_url) == (source, url)
            # The document's title ends " - Outlet"; the item's is the headline alone.
            assert title.endswith(f" - {source}")
            assert item.title == title.removesuffix(f" - {source}").strip()
    names = {i.source_name for i in _parse(corpus_dir / GOOGLE_NEWS_2022).items}
    assert len(names) > 20  # one aggregator feed, many outlets (CNN, Deadline, CNBC...)


def test_item_ids_do_not_change_when_the_title_suffix_is_cut(corpus_dir: Path) -> None:
    """Ids are made from the title as the feed gives it: a guid-less aggregator item keeps
    the id it had before suffixes were cut (no re-alert on upgrade)."""
    body = (corpus_dir / GOOGLE_NEWS_FR_2020).read_bytes()
    without_guid = re.sub(rb"<guid[^>]*>.*?</guid>", b"", body)
    without_source = _SOURCE.sub(b"", without_guid)
    # Nor named in the entry's HTML (<font>RTBF</font>, see test_implied_source): no outlet.
    unnamed = re.sub(rb"<description>.*?</description>", b"", without_source, flags=re.S)
    kw = {"feed_id": 1, "feed_url": "https://news.google.com/rss", "fetched_at": NOW}
    cut = parse_feed(without_guid, **kw).items[0]  # type: ignore[arg-type]
    implied = parse_feed(without_source, **kw).items[0]  # type: ignore[arg-type]
    kept = parse_feed(unnamed, **kw).items[0]  # type: ignore[arg-type]
    assert cut.title != kept.title and kept.title.endswith(" - RTBF")
    assert (implied.title, implied.source_name) == (cut.title, "RTBF")
    assert cut.item_id == kept.item_id == implied.item_id


def test_atom_source_gives_name_and_site(corpus_dir: Path) -> None:
    atom = corpus_dir / "feedparser-wellformed" / "atom10"
    titled = _parse(atom / "entry_source_title.xml", "https://example.net/feed").items[0]
    assert titled.source_name == "Example Atom"
    linked = _parse(atom / "entry_source_link_alternate_map_link_2.xml").items[0]
    assert linked.source_url == "http://www.example.com/"


def test_a_source_that_is_the_feed_itself_is_left_out(corpus_dir: Path) -> None:
    path = corpus_dir / "feedparser-wellformed" / "namespace" / "rss2.0withAtomNS.xml"
    own = _parse(path, "http://feeds.delicious.com/v2/rss/wearehugh").items[0]
    assert (own.source_name, own.source_url) == (None, None)
    elsewhere = _parse(path, "https://mirror.example.net/feed").items[0]
    assert elsewhere.source_name == "wearehugh's bookmarks"
    # Its title has " | " but does not end with the source's name: every word stays.
    assert elsewhere.title == "rsync and vfat | Geek at Play"


def test_only_a_suffix_equal_to_the_source_is_cut() -> None:
    assert without_source_suffix("Flights resume - BBC News", "BBC News") == "Flights resume"
    assert without_source_suffix("Flights resume — bbc news", "BBC News") == "Flights resume"
    assert without_source_suffix("Flights resume - BBC News", None) == ("Flights resume - BBC News")
    assert without_source_suffix("Mexico - US flights resume", "Reuters") == (
        "Mexico - US flights resume"
    )
    assert without_source_suffix(" - CNN", "CNN") == " - CNN"  # nothing would be left
    assert without_source_suffix("CNN", "CNN") == "CNN"


def test_events_without_the_new_fields_stay_valid() -> None:
    old = {
        "item_id": "a" * 32,
        "feed_id": 1,
        "feed_url": "https://example.org/feed",
        "published": NOW.isoformat(),
        "fetched_at": NOW.isoformat(),
    }
    item = FeedItem.model_validate(old)
    assert item.source_name is None and item.source_url is None
    assert "source_name" in FeedItem.model_json_schema()["properties"]


def _classified(**fields: object) -> ClassifiedItem:
    base: dict[str, object] = {
        "item_id": "b" * 32,
        "feed_id": 1,
        "feed_url": "https://news.google.com/rss?hl=en",
        "feed_title": "Top stories - Google News",
        "title": "Deportation flight lands in Caracas",
        "link": "https://news.google.com/rss/articles/CBMi",
        "published": NOW,
        "fetched_at": NOW,
    }
    base.update(fields)
    evidence = Evidence(phrase="Deportation", field="title", start=0, end=11, rule="r")
    match = TopicMatch(topic="repatriation-flights", score=0.9, evidence=(evidence,))
    return ClassifiedItem(item=FeedItem.model_validate(base), matches=(match,), classified_at=NOW)


def test_outlet_is_the_items_own_source() -> None:
    aggregator = _classified()
    assert outlet_of(aggregator.item) == ("news.google.com", "Top stories - Google News")
    cnn = _classified(source_name="CNN", source_url="https://www.cnn.com")
    # Keyed by the outlet's host: the same key as CNN's own feed's items.
    direct = _classified(
        feed_url="https://rss.cnn.com/x.rss", feed_title="CNN.com", link="https://www.cnn.com/a"
    )
    assert outlet_of(cnn.item) == ("cnn.com", "CNN") and outlet_of(direct.item)[0] == "cnn.com"
    assert outlet_of(_classified(source_name="RTBF").item) == ("rtbf", "RTBF")
    flight = observe(cnn, None, ["repatriation-flights"])
    assert flight is not None and flight.source.outlet == "CNN"
