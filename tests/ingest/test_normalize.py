"""Normalisation helpers: HTML to text, links, dates, ids, language."""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime, timedelta

import pytest
from wirewatch_ingest.language import detect_language
from wirewatch_ingest.normalize import (
    html_to_text,
    legacy_item_id,
    plausible_date,
    primary_language,
    safe_link,
    stable_item_id,
    struct_time_to_utc,
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<p>Hello <b>world</b></p>", "Hello world"),
        ("one<br>two<br/>three", "one two three"),
        ("<div>a</div><div>b</div>", "a b"),
        ("caf&eacute; &amp; cr&egrave;me &#8212; &#x263A;", "café & crème — ☺"),
        ("AT&amp;amp;T", "AT&T"),
        ("  lots \n\n of\t\twhite   space  ", "lots of white space"),
        ("<script>alert('x')</script>visible<style>p{}</style>", "visible"),
        ('<a href="x" title="a>b">link</a> text', "link text"),
        ("<!-- comment -->kept", "kept"),
        ("a < b and c > d", "a < b and c > d"),
        ("&lt;b&gt;not a tag&lt;/b&gt;", "<b>not a tag</b>"),
        ("<![CDATA[inside]]>", "inside"),
        ("zero\u200bwidth\x00 control\x07", "zerowidth control"),
        ("non\u00a0breaking", "non breaking"),
        ("", ""),
        (None, ""),
        ("<p>unclosed <b>tag", "unclosed tag"),
    ],
)
def test_html_to_text(raw: str | None, text: str) -> None:
    assert html_to_text(raw) == text


@pytest.mark.parametrize(
    ("raw", "link"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("  http://example.org/x  ", "http://example.org/x"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox", None),
        ("mailto:a@example.org", None),
        ("ftp://example.org/file", None),
        ("/relative/path", None),
        ("http://", None),
        ("http://exa mple.org/", None),
        ("http://example.org:99999/", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link(raw: str | None, link: str | None) -> None:
    assert safe_link(raw) == link


def test_dates() -> None:
    fetched = datetime(2025, 6, 1, 12, tzinfo=UTC)
    assert struct_time_to_utc(time.struct_time((2025, 5, 31, 8, 30, 0, 5, 151, 0))) == datetime(
        2025, 5, 31, 8, 30, tzinfo=UTC
    )
    assert struct_time_to_utc(None) is None
    assert struct_time_to_utc(time.struct_time((1970, 1, 1, 0, 0, 0, 3, 1, 0))) is None
    assert plausible_date(fetched + timedelta(days=30), fetched) is None  # far future
    assert plausible_date(fetched + timedelta(hours=2), fetched) == fetched + timedelta(hours=2)
    naive = datetime(2025, 5, 1, 10)
    assert plausible_date(naive, fetched) == datetime(2025, 5, 1, 10, tzinfo=UTC)


def test_stable_ids() -> None:
    feed = "https://example.org/feed"
    by_url_guid = stable_item_id(
        feed_url=feed, guid="https://example.org/story/1", link=None, title="t", published=None
    )
    # Identity is scoped per feed, even for a URL guid (issue 11).
    assert by_url_guid != stable_item_id(
        feed_url="https://other.example/rss",
        guid="https://example.org/story/1",
        link="https://x.example/",
        title="other",
        published="x",
    )
    # An opaque guid is scoped by the feed.
    opaque_a = stable_item_id(feed_url=feed, guid="1234", link=None, title="t", published=None)
    opaque_b = stable_item_id(
        feed_url="https://other.example/rss", guid="1234", link=None, title="t", published=None
    )
    assert opaque_a != opaque_b
    # No guid: the canonical link; then title + date.
    by_link = stable_item_id(
        feed_url=feed, guid=None, link="https://example.org/s", title="t", published=None
    )
    assert by_link == stable_item_id(
        feed_url=feed, guid="", link="https://example.org/s", title="changed", published="d"
    )
    by_hash = stable_item_id(feed_url=feed, guid=None, link=None, title="T", published="Mon")
    assert by_hash == stable_item_id(
        feed_url=feed, guid=None, link=None, title="T", published="Mon"
    )
    assert by_hash != stable_item_id(
        feed_url=feed, guid=None, link=None, title="T", published="Tue"
    )
    assert len(by_hash) == 32
    # The pre-0006 formula, kept to recognise items seen before the upgrade.
    assert (
        legacy_item_id(
            feed_url=feed, guid="https://example.org/story/1", link=None, title="t", published=None
        )
        == hashlib.sha256(b"url:https://example.org/story/1").hexdigest()[:32]
    )


def test_primary_language() -> None:
    assert primary_language("en-US") == "en"
    assert primary_language("es_MX") == "es"
    assert primary_language("EN") == "en"
    assert primary_language(" ") is None
    assert primary_language("123") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The government said on Monday that the new border rules will be in force", "en"),
        (
            "El gobierno anunció el lunes que las nuevas normas de la frontera entrarán en vigor",
            "es",
        ),
        (
            "Le gouvernement a annoncé que les nouvelles règles sont en vigueur pour les migrants",
            "fr",
        ),
        ("Die Regierung hat am Montag die neuen Regeln für die Grenze bekannt gegeben", "de"),
        ("12345 67890", None),
        ("Brexit", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang
