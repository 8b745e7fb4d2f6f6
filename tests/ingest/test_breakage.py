"""Real-world feed breakage, served from a real HTTP server on 127.0.0.1: mutated corpus
files (an unescaped ampersand, a cut-off document, a cut-off gzip transfer...) must lose
no item and publish none twice, and a broken feed gets one clear line and an unhealthy
mark while the others run on. SQLite and PostgreSQL."""

from __future__ import annotations

import codecs
import gzip
import io
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore, itemclaims
from wirewatch_ingest.normalize import stable_item_id
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.clock import utcnow

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route
from wirewatch.schema import upgrade

REUTERS = "news-sites/codehollow-feedreader/Rss20Reuters.xml"
"""Reuters world news (2017): every guid is a URL with ``&amp;`` in its query."""
XML = {"Content-Type": "application/rss+xml"}


@pytest.fixture
def corpus(corpus_dir: Path) -> Callable[[str], bytes]:
    return lambda name: (corpus_dir / name).read_bytes()


def with_bare_ampersand(body: bytes) -> bytes:
    """The document with one ``&amp;`` outside the items written as a bare ``&``, the
    commonest way a real feed stops being well-formed XML (here in the channel's
    Pageflakes feedFlare link)."""
    escaped = b"instanceId=Static_4&amp;fileName"
    assert body.count(escaped) == 1
    return body.replace(escaped, b"instanceId=Static_4&fileName")


@pytest.fixture
def ingest_engine(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


async def poll(engine: Engine, collector: Collector) -> list[str]:
    """One poll of every due feed; the statuses."""
    feedstore.make_due(engine)
    poller = FeedPoller(engine, ingest_settings(), collector)
    try:
        return [outcome.status for outcome in await poller.run_until_idle()]
    finally:
        await poller.aclose()


async def side_by_side(
    engine: Engine, server: FeedServer, *paths: str
) -> dict[str, list[tuple[str, str]]]:
    """Add the feeds at ``paths`` (one document in several forms), poll each once (each
    must answer 200) and give their items' (title, summary) by the path's last part."""
    for path in paths:
        feedstore.add_feed(engine, server.url(path))
    collector = Collector()
    assert await poll(engine, collector) == ["200"] * len(paths)
    by_feed: dict[str, list[tuple[str, str]]] = {}
    for outgoing in collector.items:
        item = outgoing.feed_item()
        by_feed.setdefault(item.feed_url.rsplit("/", 1)[1], []).append((item.title, item.summary))
    return by_feed


def titles(collector: Collector) -> list[str]:
    return [item.feed_item().title for item in collector.items]


async def test_an_ill_formed_version_of_a_feed_republishes_nothing(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """feedparser reads a document that is not well-formed with its loose parser, which
    leaves the entities of a guid escaped (``&amp;``): every item whose guid has an ``&``
    got a new id, and was published again, each time the feed's well-formedness flipped."""
    good = corpus(REUTERS)
    feed_server.routes["/reuters"] = Route(200, good, XML)
    feedstore.add_feed(ingest_engine, feed_server.url("/reuters"))
    collector = Collector()
    assert await poll(ingest_engine, collector) == ["200"]
    first = titles(collector)
    assert len(first) == 10

    feed_server.routes["/reuters"] = Route(200, with_bare_ampersand(good), XML)
    assert await poll(ingest_engine, collector) == ["200"]
    feed_server.routes["/reuters"] = Route(200, good, XML)
    assert await poll(ingest_engine, collector) == ["200"]
    assert titles(collector) == first


async def test_a_feed_that_was_ill_formed_from_the_start_keeps_its_ids(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """Read loose or strict, an entry is one item: a feed first seen ill-formed and then
    fixed publishes nothing again."""
    good = corpus(REUTERS)
    feed_server.routes["/reuters"] = Route(200, with_bare_ampersand(good), XML)
    feedstore.add_feed(ingest_engine, feed_server.url("/reuters"))
    collector = Collector()
    assert await poll(ingest_engine, collector) == ["200"]
    feed_server.routes["/reuters"] = Route(200, good, XML)
    assert await poll(ingest_engine, collector) == ["200"]
    assert len(collector.ids) == len(set(collector.ids)) == 10


async def test_items_published_under_an_escaped_guid_are_not_published_again(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """Upgrading: a feed that is never well-formed had its items published under the ids
    of their escaped guids (``&amp;``). They are not published again under their own ids,
    neither while the feed stays ill-formed nor once it is fixed."""
    good = corpus(REUTERS)
    bad = with_bare_ampersand(good)
    url = feed_server.url("/reuters")
    feed = feedstore.add_feed(ingest_engine, url)
    loose = feedparser.parse(io.BytesIO(bad)).entries
    assert all("&amp;" in entry.id for entry in loose)
    before = [
        stable_item_id(feed_url=url, guid=entry.id, link=None, title="", published=None)
        for entry in loose
    ]
    now = utcnow()
    claimed = itemclaims.claim_items(
        ingest_engine, feed.id or 0, before, owner="old", now=now, stale_after_s=60
    )
    assert len(claimed) == 10
    itemclaims.confirm_items(ingest_engine, before, owner="old", now=now)

    feed_server.routes["/reuters"] = Route(200, bad, XML)
    collector = Collector()
    assert await poll(ingest_engine, collector) == ["200"]
    feed_server.routes["/reuters"] = Route(200, good, XML)
    assert await poll(ingest_engine, collector) == ["200"]
    assert collector.items == []


@pytest.mark.parametrize(
    "name",
    [
        REUTERS,
        "news-sites/codehollow-feedreader/Rss20NYTimes.xml",
        "news-sites/codehollow-feedreader/AtomTheVerge.xml",
        "news-sites/codehollow-feedreader/Rss20LeMonde.xml",
    ],
)
async def test_a_cut_off_document_publishes_no_half_item(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes], name: str
) -> None:
    """A document that ends in the middle of an entry (the server's generator died, a
    proxy cut the body): the entries before it are published, the cut one is not - not
    with a cut title or summary, and not under an id of its own (its guid may be past the
    cut) that makes it a second item once the whole document is served."""
    full = corpus(name)
    cuts = [len(full) * share // 100 for share in (35, 50, 80)]
    feed_server.routes["/feed"] = Route(200, full, XML)
    reference = Collector()
    feedstore.add_feed(ingest_engine, feed_server.url("/feed"))
    await poll(ingest_engine, reference)
    whole = {item.item_id: item.feed_item() for item in reference.items}
    for index, cut in enumerate(cuts):
        feedstore.add_feed(ingest_engine, feed_server.url(f"/cut{index}"))
        feed_server.routes[f"/cut{index}"] = Route(200, full[:cut], XML)
    collector = Collector()
    await poll(ingest_engine, collector)
    for index in range(len(cuts)):
        feed_server.routes[f"/cut{index}"] = Route(200, full, XML)
    await poll(ingest_engine, collector)
    per_feed = Counter(item.feed_item().feed_url for item in collector.items)
    assert set(per_feed.values()) == {len(whole)}, per_feed
    by_link = {item.link: item for item in whole.values()}
    for outgoing in collector.items:
        item = outgoing.feed_item()
        assert (item.title, item.summary) == (by_link[item.link].title, by_link[item.link].summary)


async def test_a_cut_off_gzip_transfer_fails_the_feed_with_one_line(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """A gzip body that stops before its end (a dropped connection behind a proxy that
    re-frames it, a full disk on the server) used to inflate to the part that arrived
    and parse as a shorter feed. It is a failed fetch: nothing published, the feed
    marked failing with the reason; the other feeds run on."""
    full = corpus(REUTERS)
    packed = gzip.compress(full)
    gz = {**XML, "Content-Encoding": "gzip"}
    feed_server.routes["/half"] = Route(200, packed[: len(packed) // 2], gz)
    feed_server.routes["/no-trailer"] = Route(200, packed[:-4], gz)
    feed_server.routes["/whole"] = Route(200, packed, gz)
    for path in ("/half", "/no-trailer", "/whole"):
        feedstore.add_feed(ingest_engine, feed_server.url(path))
    collector = Collector()
    assert sorted(await poll(ingest_engine, collector)) == ["200", "encoding", "encoding"]
    assert len(collector.items) == 10
    assert {item.feed_item().feed_url for item in collector.items} == {feed_server.url("/whole")}
    health = {
        f.url.rsplit("/", 1)[1]: (f.health, f.last_error, f.content_hash is None)
        for f in feedstore.list_feeds(ingest_engine)
    }
    cut = ("failing", "truncated gzip body: the transfer ended inside the stream", True)
    assert health == {"half": cut, "no-trailer": cut, "whole": ("ok", None, False)}
    # Served whole again: every item, once.
    feed_server.routes["/half"] = Route(200, packed, gz)
    await poll(ingest_engine, collector)
    assert len(collector.items) == 20
    assert len(set(collector.ids)) == 20


INESSENTIAL = "rsparser/inessential.json"
"""Brent Simmons's inessential.com JSON Feed: curly quotes and dashes in its text."""


@pytest.mark.parametrize(
    "content_type",
    [
        "application/feed+json; charset=windows-1252",
        "application/json; charset=iso-8859-1",  # what such servers say: a Latin-1 label
        "application/feed+json; charset=utf-8",  # a wrong label
        "application/feed+json",  # none (JSON is UTF-8 by definition)
    ],
)
async def test_a_json_feed_in_a_legacy_encoding_is_read(
    feed_server: FeedServer,
    ingest_engine: Engine,
    corpus: Callable[[str], bytes],
    content_type: str,
) -> None:
    """A JSON Feed written out in windows-1252 (a CMS's database or template encoding)
    was 'not a feed: invalid JSON' for good: its items are read, with their text right."""
    utf8 = corpus(INESSENTIAL)
    legacy = utf8.decode("utf-8").encode("cp1252")
    assert legacy != utf8
    feed_server.routes["/utf8"] = Route(200, utf8, {"Content-Type": "application/feed+json"})
    feed_server.routes["/legacy"] = Route(200, legacy, {"Content-Type": content_type})
    by_feed = await side_by_side(ingest_engine, feed_server, "/utf8", "/legacy")
    assert len(by_feed["utf8"]) > 0
    assert by_feed["legacy"] == by_feed["utf8"]
    assert any("\u2019" in title + summary for title, summary in by_feed["utf8"])


async def test_a_feed_gone_for_good_is_parked_at_once(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """410 Gone is the server's word that the feed will not come back: it was retried
    like a 500 (back-off from 5 min, ten failures over a day and a half before parking).
    It is parked on the first answer, with its reason; a 404 still backs off; the other
    feeds run on, and a parked feed that comes back is unparked by its next poll."""
    feed_server.routes["/gone"] = Route(410, b"Gone")
    feed_server.routes["/missing"] = Route(404, b"Not Found")
    feed_server.routes["/fine"] = Route(200, corpus(REUTERS), XML)
    for path in ("/gone", "/missing", "/fine"):
        feedstore.add_feed(ingest_engine, feed_server.url(path))
    collector = Collector()
    assert sorted(await poll(ingest_engine, collector)) == ["200", "404", "410"]
    assert len(collector.items) == 10
    feeds = {f.url.rsplit("/", 1)[1]: f for f in feedstore.list_feeds(ingest_engine)}
    assert (feeds["gone"].health, feeds["gone"].last_error) == ("parked", "HTTP 410 Gone")
    assert feeds["missing"].health == "failing"
    feed_server.routes["/gone"] = Route(200, corpus(REUTERS), XML)
    await poll(ingest_engine, collector)
    gone = feedstore.get_feed(ingest_engine, feeds["gone"].id or 0)
    assert gone is not None and gone.health == "ok"


async def test_a_site_moving_to_https_republishes_nothing(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """A site that moves to HTTPS rewrites every guid and link of its feed from http://
    to https://: each item had a new id and every entry of the feed was alerted again.
    Only the scheme changed: the same items. A new item after the move is published."""
    old = corpus(REUTERS)
    moved = old.replace(b"http://www.reuters.com/", b"https://www.reuters.com/").replace(
        b"http://feeds.reuters.com/~r/", b"https://feeds.reuters.com/~r/"
    )
    assert moved.count(b"https://www.reuters.com/") >= 10
    # Before the move, the feed had not had its newest item yet.
    newest = re.compile(rb"<item>.*?</item>", re.DOTALL)
    before = newest.sub(b"", old, count=1)
    feed_server.routes["/reuters"] = Route(200, before, XML)
    feed_server.routes["/links"] = Route(200, without_guids(before), XML)
    for path in ("/reuters", "/links"):
        feedstore.add_feed(ingest_engine, feed_server.url(path))
    collector = Collector()
    await poll(ingest_engine, collector)
    assert len(collector.items) == 18
    feed_server.routes["/reuters"] = Route(200, moved, XML)
    feed_server.routes["/links"] = Route(200, without_guids(moved), XML)
    await poll(ingest_engine, collector)
    assert len(collector.items) == 20
    (added,) = set(titles(collector)[18:])  # the newest item, in each feed
    assert added not in titles(collector)[:18]
    # One more poll of the moved feed (now known under its https ids): still nothing.
    await poll(ingest_engine, collector)
    assert len(collector.items) == 20


def without_guids(body: bytes) -> bytes:
    """The document with its items' guids taken out (items known by their links)."""
    return re.sub(rb"<guid[^>]*>[^<]*</guid>", b"", body)


MINUTOS = "news-sites/codehollow-feedreader/Rss10Minutos20.xml"
"""20minutos.es (Spain, RSS 1.0, UTF-8): Spanish text with accents in most items."""


async def test_a_utf8_feed_served_with_a_latin1_charset_is_read_as_utf8(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """Apache's AddDefaultCharset (and many CMS defaults) label every response
    ISO-8859-1: feedparser lets the HTTP charset win over the document's own UTF-8
    declaration, and the Spanish text came out as mojibake ('AdemÃ¡s'), which the
    classifier's Spanish rules never match. A body that is valid UTF-8 is UTF-8; a
    document that really is Latin-1 is still read as Latin-1."""
    utf8 = corpus(MINUTOS)
    latin1 = (
        utf8.decode("utf-8")
        .replace('encoding="utf-8"', 'encoding="iso-8859-1"', 1)
        .encode("iso-8859-1", errors="xmlcharrefreplace")  # quotes beyond Latin-1: &#8220;
    )
    feed_server.routes["/right"] = Route(200, utf8, {"Content-Type": "application/rdf+xml"})
    feed_server.routes["/apache"] = Route(
        200, utf8, {"Content-Type": "text/xml; charset=ISO-8859-1"}
    )
    feed_server.routes["/latin1"] = Route(
        200, latin1, {"Content-Type": "application/xml; charset=iso-8859-1"}
    )
    by_feed = await side_by_side(ingest_engine, feed_server, "/right", "/apache", "/latin1")
    assert len(by_feed["right"]) == 15
    assert any("Además" in summary for _, summary in by_feed["right"])
    assert by_feed["apache"] == by_feed["right"]
    assert by_feed["latin1"] == by_feed["right"]


async def test_a_utf8_feed_that_declares_utf16_is_read(
    feed_server: FeedServer, ingest_engine: Engine, corpus: Callable[[str], bytes]
) -> None:
    """A UTF-8 document that declares encoding="utf-16" (.NET's XmlWriter over a
    string, then sent as UTF-8) failed as 'not a feed: not well-formed'. A document
    written in an ASCII-compatible encoding is not UTF-16, whatever it declares."""
    minutos = corpus(MINUTOS)
    dotnet = minutos.replace(b'encoding="utf-8"', b'encoding="utf-16"', 1)
    xml = {"Content-Type": "application/xml"}
    feed_server.routes["/minutos"] = Route(200, minutos, xml)
    feed_server.routes["/dotnet"] = Route(200, dotnet, xml)
    feed_server.routes["/dotnet-utf8"] = Route(
        200, dotnet, {"Content-Type": "text/xml; charset=utf-8"}
    )
    by_feed = await side_by_side(ingest_engine, feed_server, "/minutos", "/dotnet", "/dotnet-utf8")
    assert len(by_feed["minutos"]) == 15
    assert by_feed["dotnet"] == by_feed["minutos"] == by_feed["dotnet-utf8"]


ADOBE = "news-sites/codehollow-feedreader/AtomAdobe.xml"
"""Adobe's blog (Atom): HTML content with quoted attributes."""


@pytest.mark.parametrize(
    "before",
    [
        b"\n\n",  # a stray newline from an included PHP file
        b"\n<br />\n<b>Deprecated</b>: Function create_function() is deprecated in "
        b"<b>/var/www/wp-includes/plugin.php</b> on line <b>12</b><br />\n",
    ],
)
async def test_junk_before_the_xml_declaration_changes_no_item(
    feed_server: FeedServer,
    ingest_engine: Engine,
    corpus: Callable[[str], bytes],
    before: bytes,
) -> None:
    """Output before ``<?xml`` (a PHP notice, blank lines) makes the document not
    well-formed: feedparser's loose parser then read it, and some summaries came out
    with raw markup ('recap <img src="./media_1cb6...'). Nothing may come before an
    XML declaration, so what does is dropped and the document read as it was meant."""
    clean = corpus(ADOBE)
    feed_server.routes["/clean"] = Route(200, clean, XML)
    feed_server.routes["/junk"] = Route(200, before + clean, XML)
    by_feed = await side_by_side(ingest_engine, feed_server, "/clean", "/junk")
    assert len(by_feed["clean"]) == 10
    assert by_feed["junk"] == by_feed["clean"]


NYTIMES = "news-sites/codehollow-feedreader/Rss20NYTimes.xml"
LE_MONDE = "news-sites/codehollow-feedreader/Rss20LeMonde.xml"


@pytest.mark.parametrize(
    ("name", "bom", "codec", "content_type"),
    [
        # nginx's `charset utf-8` labels every text/xml file, whatever it is in.
        (NYTIMES, codecs.BOM_UTF16_LE, "utf-16-le", "text/xml; charset=utf-8"),
        (NYTIMES, codecs.BOM_UTF16_LE, "utf-16-le", "text/xml"),  # RFC 3023: us-ascii
        (LE_MONDE, codecs.BOM_UTF16_BE, "utf-16-be", "application/xml; charset=utf-16"),
    ],
)
async def test_a_utf16_feed_is_read_whatever_its_label(
    feed_server: FeedServer,
    ingest_engine: Engine,
    corpus: Callable[[str], bytes],
    name: str,
    bom: bytes,
    codec: str,
    content_type: str,
) -> None:
    """A UTF-16 document (byte order mark, encoding="utf-16") labelled charset=utf-8,
    text/xml without a charset (us-ascii by RFC 3023), or big-endian under a bare
    'utf-16' (read as little-endian) failed as 'not a feed'. The byte order mark
    decides, as in browsers."""
    utf8 = corpus(name)
    text = re.sub(
        'encoding="utf-8"', 'encoding="utf-16"', utf8.decode("utf-8"), count=1, flags=re.I
    )
    feed_server.routes["/utf8"] = Route(200, utf8, {"Content-Type": "application/xml"})
    feed_server.routes["/utf16"] = Route(
        200, bom + text.encode(codec), {"Content-Type": content_type}
    )
    by_feed = await side_by_side(ingest_engine, feed_server, "/utf8", "/utf16")
    assert len(by_feed["utf8"]) > 10
    assert by_feed["utf16"] == by_feed["utf8"]
