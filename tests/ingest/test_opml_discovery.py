"""OPML round trip and HTML feed autodiscovery."""

from __future__ import annotations

import pytest
from wirewatch_ingest.discovery import discover_feeds
from wirewatch_ingest.opml import OpmlError, OpmlFeed, parse_opml, render_opml

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="News" title="News">
    <outline type="rss" text="Guardian &amp; co" xmlUrl="https://www.theguardian.com/world/rss"/>
    <outline type="rss" text="UN" title="UN News" xmlurl="https://news.un.org/feed/rss.xml"/>
  </outline>
  <outline type="rss" text="dup" xmlUrl="https://www.theguardian.com/world/rss"/>
  <outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>
  <outline text="folder without url"/>
</body></opml>"""


def test_opml_import() -> None:
    feeds, invalid = parse_opml(OPML)
    assert feeds == [
        OpmlFeed("https://www.theguardian.com/world/rss", "Guardian & co"),
        OpmlFeed("https://news.un.org/feed/rss.xml", "UN News"),
    ]
    assert invalid == ["javascript:alert(1)"]


def test_opml_round_trip() -> None:
    feeds = [
        OpmlFeed("https://example.org/a.xml?x=1&y=2", 'Quotes " & <angles>'),
        OpmlFeed("https://example.org/b.xml", ""),
        OpmlFeed("https://example.es/ñ.xml", "Noticias España"),
    ]
    text = render_opml(feeds)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    back, invalid = parse_opml(text.encode())
    assert invalid == []
    assert [f.url for f in back] == [f.url for f in feeds]
    assert back[0].title == feeds[0].title
    assert back[1].title == "https://example.org/b.xml"  # untitled feeds are named by URL


@pytest.mark.parametrize(
    "data",
    [
        b"not xml at all",
        b"<html><body>hi</body></html>",
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>',
    ],
)
def test_opml_rejects(data: bytes) -> None:
    with pytest.raises(OpmlError):
        parse_opml(data)


PAGE = """<!doctype html><html><head>
<base href="https://news.example/section/">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Top &amp; stories" href="rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
<link rel="alternate feed" type="application/feed+json; charset=utf-8" href="/feed.json">
<link rel="alternate" type="text/html" hreflang="es" href="/es/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="rss.xml">
</head><body><a rel="alternate" type="application/rss+xml" href="/body.rss">b</a></body></html>"""


def test_autodiscovery() -> None:
    found = discover_feeds(PAGE.encode(), "https://news.example/page")
    assert [(f.url, f.title) for f in found] == [
        ("https://news.example/section/rss.xml", "Top & stories"),
        ("https://news.example/atom", ""),
        ("https://news.example/feed.json", ""),
        ("https://news.example/body.rss", ""),
    ]
    assert found[2].type == "application/feed+json"


def test_autodiscovery_nothing() -> None:
    assert discover_feeds(b"<html><head><title>x</title></head></html>", "https://a.example/") == []
    assert discover_feeds(b"\x00\xff garbage <<<", "https://a.example/") == []
