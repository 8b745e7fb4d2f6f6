"""parse_feed: normalised items from RSS, Atom and JSON Feed; errors; entity bombs; charsets."""

from __future__ import annotations

import json
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from wirewatch_ingest.items import FeedParseError, UnsafeDocumentError
from wirewatch_ingest.parsing import parse_feed

FETCHED = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
FEED_URL = "https://example.org/feed.xml"


def parse(body: bytes, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return parse_feed(body, feed_id=7, feed_url=FEED_URL, fetched_at=FETCHED, headers=headers)


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Border &amp; Migration News</title><link>https://example.org/</link>
<language>en-gb</language><ttl>60</ttl>
<item>
  <title>Rescue at sea: &lt;b&gt;42&lt;/b&gt; people   saved</title>
  <link>https://example.org/a</link>
  <guid isPermaLink="false">story-1</guid>
  <description><![CDATA[<p>The coast guard <a href="https://x">said</a> on Monday&hellip;</p>
    <script>evil()</script>]]></description>
  <pubDate>Sat, 31 May 2025 08:30:00 +0200</pubDate>
  <category>Migration</category><category> Sea </category><category>Migration</category>
  <dc:creator>Ana P&#233;rez</dc:creator>
</item>
<item>
  <title>No guid, no date</title>
  <link>javascript:alert(1)</link>
  <description>plain</description>
</item>
<item>
  <title>Relative link</title>
  <link>/stories/rel</link>
</item>
</channel></rss>"""


def test_rss_normalisation() -> None:
    parsed = parse(RSS)
    assert parsed.title == "Border & Migration News"
    assert parsed.language == "en"
    assert parsed.ttl_s == 3600
    first, second, third = parsed.items
    assert first.title == "Rescue at sea: 42 people saved"  # escaped markup is markup in RSS
    assert first.summary == "The coast guard said on Monday…"
    assert first.link == "https://example.org/a"
    assert first.published == datetime(2025, 5, 31, 6, 30, tzinfo=UTC)
    assert first.categories == ("Migration", "Sea")
    assert first.author == "Ana Pérez"
    assert first.language == "en"
    assert first.feed_id == 7 and first.feed_url == FEED_URL
    assert first.feed_title == "Border & Migration News"
    assert first.fetched_at == FETCHED
    # javascript: link dropped; no date -> fetch time.
    assert second.link is None
    assert second.published == FETCHED
    assert third.link == "https://example.org/stories/rel"
    assert parsed.published_times == (first.published,)
    # Stable: the same document gives the same ids; ids differ between items.
    assert [i.item_id for i in parse(RSS).items] == [i.item_id for i in parsed.items]
    assert len({i.item_id for i in parsed.items}) == 3


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">
  <title type="html">Noticias &amp;lt;hoy&amp;gt;</title>
  <id>urn:x</id><updated>2025-05-30T10:00:00Z</updated>
  <entry>
    <title>El gobierno anuncia nuevas medidas</title>
    <id>https://example.es/noticia/1</id>
    <link rel="alternate" href="https://example.es/noticia/1"/>
    <updated>2025-05-30T10:00:00-05:00</updated>
    <content type="html">&lt;p&gt;Texto &amp;amp; m&amp;aacute;s&lt;/p&gt;</content>
    <author><name>Redacción</name></author>
    <category term="política"/>
  </entry>
</feed>""".encode()


def test_atom_normalisation() -> None:
    parsed = parse(ATOM)
    (item,) = parsed.items
    assert parsed.language == "es"
    assert item.language == "es"
    assert item.title == "El gobierno anuncia nuevas medidas"
    assert item.summary == "Texto & más"
    assert item.published == datetime(2025, 5, 30, 15, 0, tzinfo=UTC)
    assert item.author == "Redacción"
    assert item.categories == ("política",)
    assert item.link == "https://example.es/noticia/1"


def test_language_detected_when_feed_has_none() -> None:
    body = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><title>El gobierno de Espa\xc3\xb1a y la Uni\xc3\xb3n Europea</title>"
        b"<description>Las nuevas normas para los migrantes entrar\xc3\xa1n en vigor el lunes "
        b"seg\xc3\xban el ministerio</description></item></channel></rss>"
    )
    assert parse(body).items[0].language == "es"


def test_bozo_is_not_fatal() -> None:
    # Undefined entity and a bare ampersand: feedparser flags bozo, entries are kept.
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Bozo &nbsp; feed</title>'
        b"<item><title>Tom & Jerry</title><link>https://example.org/tj</link></item>"
        b"<item><title>Second</title><link>https://example.org/2</link></item>"
        b"</channel></rss>"
    )
    parsed = parse(body)
    assert parsed.bozo_reason
    assert [i.title for i in parsed.items] == ["Tom & Jerry", "Second"]


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (
            b"<html><head><title>Hi</title></head><body><p>Just a page</p></body></html>",
            {"content-type": "text/html"},
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {"content-type": "image/png"}),
        (b"", {}),
        (b"   \n  ", {}),
        (b'{"not": "a feed"}', {"content-type": "application/json"}),
        (b"{broken json", {"content-type": "application/feed+json"}),
        (b"[1, 2, 3]", {}),
        (b"Internal Server Error", {"content-type": "text/plain"}),
    ],
)
def test_not_a_feed(body: bytes, headers: dict[str, str]) -> None:
    with pytest.raises(FeedParseError):
        parse(body, headers)


def test_empty_but_valid_feed_is_not_an_error() -> None:
    parsed = parse(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    )
    assert parsed.items == [] and parsed.version == "rss20"


JSON_FEED_11 = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON &amp; news",
    "home_page_url": "https://example.org/",
    "language": "en-US",
    "authors": [{"name": "Feed Author"}],
    "items": [
        {
            "id": "https://example.org/j/1",
            "url": "https://example.org/j/1",
            "title": "First",
            "content_html": "<p>Hello <em>JSON</em></p>",
            "date_published": "2025-05-31T10:00:00+02:00",
            "tags": ["a", "b", "a"],
            "authors": [{"name": "Jo"}],
        },
        {
            "id": 2,
            "external_url": "/relative",
            "content_text": "Only text",
            "language": "es",
        },
        "garbage",
    ],
}


def test_json_feed_11() -> None:
    parsed = parse(json.dumps(JSON_FEED_11).encode(), {"content-type": "application/feed+json"})
    first, second = parsed.items
    assert parsed.title == "JSON & news"
    assert parsed.version == "json11"
    assert first.title == "First"
    assert first.summary == "Hello JSON"
    assert first.published == datetime(2025, 5, 31, 8, 0, tzinfo=UTC)
    assert first.categories == ("a", "b")
    assert first.author == "Jo"
    assert first.language == "en"
    assert second.summary == "Only text"
    assert second.link == "https://example.org/relative"
    assert second.author == "Feed Author"
    assert second.language == "es"
    assert second.published == FETCHED


def test_json_feed_10_detected_by_body() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1",
        "title": "v1",
        "author": {"name": "Old style"},
        "items": [
            {
                "id": "x1",
                "url": "https://example.org/x1",
                "summary": "s",
                "date_modified": "2025-05-01T00:00:00Z",
            }
        ],
    }
    parsed = parse(b"\xef\xbb\xbf  " + json.dumps(doc).encode(), {"content-type": "text/plain"})
    (item,) = parsed.items
    assert item.author == "Old style"
    assert item.published == datetime(2025, 5, 1, tzinfo=UTC)
    assert parsed.version == "json1"


def test_same_item_from_xml_and_json_normalises_alike() -> None:
    rss = (
        b'<rss version="2.0"><channel><title>T</title><item><guid>https://example.org/s</guid>'
        b"<title>Same &amp; story</title><description>&lt;p&gt;Body&lt;/p&gt;</description>"
        b"<pubDate>Sat, 31 May 2025 08:00:00 GMT</pubDate></item></channel></rss>"
    )
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [
            {
                "id": "https://example.org/s",
                "title": "Same & story",
                "content_html": "<p>Body</p>",
                "date_published": "2025-05-31T08:00:00Z",
            }
        ],
    }
    a = parse(rss).items[0]
    b = parse(json.dumps(doc).encode()).items[0]
    assert (a.item_id, a.title, a.summary, a.published) == (
        b.item_id,
        b.title,
        b.summary,
        b.published,
    )


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel>
</rss>"""


def quadratic_blowup() -> bytes:
    entity = "A" * 100_000
    refs = "&a;" * 40_000  # ~4 GB if expanded, 120 KB on the wire
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{entity}">]>'
        f'<rss version="2.0"><channel><title>{refs}</title></channel></rss>'
    ).encode()


@pytest.mark.parametrize(
    "bomb",
    [
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(quadratic_blowup(), id="quadratic"),
        pytest.param(
            BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16"),
            id="billion-laughs-utf16",
        ),
        pytest.param(
            b'<?xml version="1.0"?><!doctype rss [ ]><rss version="2.0"></rss>',
            id="empty-internal-subset",
        ),
        pytest.param(
            BILLION_LAUGHS.decode()
            .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="cp037"?>')
            .encode("cp037"),
            id="billion-laughs-ebcdic-cp037",
        ),
        pytest.param(
            BILLION_LAUGHS.replace(
                b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="utf-7"?>'
            ).replace(b"<!ENTITY", b"+ADwAIQ-ENTITY"),  # "<!" written in UTF-7's base64 form
            id="billion-laughs-utf7-shifted",
        ),
        pytest.param(
            b'<rss version="2.0"><channel><!ENTITY x "y"></channel></rss>', id="stray-entity"
        ),
    ],
)
def test_entity_bombs_rejected_fast_and_small(bomb: bytes) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(UnsafeDocumentError):
            parse(bomb)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # An expanding parser takes minutes and gigabytes; 1 s is slack for a loaded CI host.
    assert elapsed < 1.0, f"took {elapsed:.3f}s"
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_external_doctype_without_subset_is_allowed() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        b'<rss version="0.91"><channel><title>Old</title><link>https://example.org/</link>'
        b"<item><title>Item</title><link>https://example.org/i</link></item></channel></rss>"
    )
    assert [i.title for i in parse(body).items] == ["Item"]


KOI8_TITLE = "Новости о миграции"
BIG5_TITLE = "移民新聞報導"


@pytest.mark.parametrize(
    ("encoding", "title"),
    [
        ("koi8-r", KOI8_TITLE),
        ("big5", BIG5_TITLE),
        ("shift_jis", "移民のニュース"),
        ("iso-8859-1", "Émigration à Genève"),
    ],
)
def test_declared_legacy_encodings(encoding: str, title: str) -> None:
    body = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>{title}'
        f"</title><item><title>{title}</title></item></channel></rss>"
    ).encode(encoding)
    assert parse(body).items[0].title == title


def test_undeclared_legacy_encoding_is_detected() -> None:
    # No encoding declared anywhere: chardet has to work it out.
    text = (KOI8_TITLE + ". Правительство объявило новые правила для беженцев и мигрантов. ") * 4
    body = (
        f'<rss version="2.0"><channel><title>x</title><item><title>{KOI8_TITLE}</title>'
        f"<description>{text}</description></item></channel></rss>"
    ).encode("koi8-r")
    assert parse(body).items[0].title == KOI8_TITLE


@pytest.mark.parametrize("declared", [True, False])
def test_wrong_charset_header(declared: bool) -> None:
    # The server claims UTF-8; the body is windows-1252 (declared in the prolog or not).
    body = (
        '<?xml version="1.0"' + (' encoding="windows-1252"' if declared else "") + "?>"
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>Caf\u00e9 \u201cquoted\u201d</title></item></channel></rss>"
    ).encode("windows-1252")
    parsed = parse(body, {"content-type": "application/rss+xml; charset=utf-8"})
    (item,) = parsed.items
    assert item.title == "Caf\u00e9 \u201cquoted\u201d"
    assert parsed.bozo_reason  # noticed, and not fatal


def test_truncated_feed_without_entries_is_an_error() -> None:
    truncated = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Half a feed</ti'
    with pytest.raises(FeedParseError, match="malformed"):
        parse(truncated)
    # Only a charset complaint about a well-formed empty feed: still just empty.
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert parse(empty, {"content-type": "text/html"}).items == []


@pytest.mark.parametrize(
    ("name", "entries"),
    [
        ("feeder/rss_nixos.xml", 99),  # no guids; every link is https://nixos.org/news.html
        ("feed-rs/rss0/rss_0.92_spec_1.xml", 3),  # description-only items (RSS 0.92 sample)
    ],
)
def test_real_feeds_whose_entries_share_an_id_keep_every_entry(
    corpus_dir: Path, name: str, entries: int
) -> None:
    body = (corpus_dir / name).read_bytes()
    first, again = parse(body), parse(body)
    ids = [item.item_id for item in first.items]
    assert len(ids) == len(set(ids)) == entries
    assert ids == [item.item_id for item in again.items]


def test_true_duplicates_stay_one_item() -> None:
    entry = "<item><link>https://example.org/a</link><title>Same</title></item>"
    parsed = parse(f'<rss version="2.0"><channel>{entry * 3}</channel></rss>'.encode())
    assert len({item.item_id for item in parsed.items}) == 1


@pytest.mark.parametrize("content_type", ["application/json", "application/feed+json"])
def test_xml_feed_served_with_a_json_content_type_parses(content_type: str) -> None:
    """A server that labels its RSS as JSON: the body decides (as it does for a JSON Feed
    served as text/plain)."""
    parsed = parse(b"\xef\xbb\xbf\n" + RSS, {"content-type": content_type})
    assert parsed.version == "rss20" and len(parsed.items) == 3


def test_json_feed_dates_written_as_in_rss_are_kept(corpus_dir: Path) -> None:
    """A WordPress JSON Feed (influxdata.com's blog, as captured in feed-rs's fixtures)
    writes RFC 2822 dates, not RFC 3339: they are still the items' publication times."""
    body = (corpus_dir / "feed-rs/jsonfeed/jsonfeed_elastic_1.1.json").read_bytes()
    parsed = parse(body, {"content-type": "application/feed+json"})
    assert parsed.items[0].published == datetime(2019, 5, 31, 19, 17, 58, tzinfo=UTC)
    assert len(parsed.published_times) == 2  # of 3 items: the third has no date
