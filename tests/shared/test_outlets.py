"""An item's outlet (``wirewatch_shared.outlets``): the stories stage keys and names a story's
outlets by it and notify leaves the triggering item's own outlet out of ``also_reported_by``
by it, even when the event does not list the item (a story beyond its first 50 items). Until
stop 54 each stage had its own copy and a test kept the two equal; the values below are what
both copies gave."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from wirewatch_shared.events import STORY_OUTLET_MAX, FeedItem
from wirewatch_shared.outlets import outlet_host, outlet_of

NOW = datetime(2026, 12, 8, tzinfo=UTC)


def _item(**fields: object) -> FeedItem:
    base: dict[str, object] = {
        "item_id": "a1",
        "feed_id": 1,
        "feed_url": "https://example.org/feed.xml",
        "feed_title": "Border Desk",
        "title": "Deportation flight lands in Caracas",
        "summary": "Officials said the charter flight landed.",
        "link": "https://example.org/news/a1",
        "published": NOW,
        "fetched_at": NOW,
    }
    base.update(fields)
    return FeedItem.model_validate(base)


@pytest.mark.parametrize(
    ("fields", "outlet"),
    [
        ({}, ("example.org", "Border Desk")),
        ({"feed_title": "  El País  "}, ("example.org", "El País")),
        ({"feed_title": "", "link": "https://www.BBC.co.uk/news/1"}, ("bbc.co.uk", "bbc.co.uk")),
        (
            {"feed_title": "", "link": None, "feed_url": "https://feeds.example.org/rss"},
            ("feeds.example.org", "feeds.example.org"),
        ),
        (
            {"feed_title": "Google News", "source_name": "Reuters", "source_url": None},
            ("reuters", "Reuters"),
        ),
        (
            {
                "feed_title": "Google News",
                "source_name": None,
                "source_url": "https://www.dw.com/es",
            },
            ("dw.com", "dw.com"),
        ),
        (
            {"source_name": "CNN", "source_url": "https://www.cnn.com"},
            ("cnn.com", "CNN"),
        ),
        ({"feed_title": "x" * 300}, ("example.org", "x" * STORY_OUTLET_MAX)),
    ],
)
def test_an_items_outlet_is_keyed_by_its_host_and_named_by_its_feed_or_source(
    fields: dict[str, object], outlet: tuple[str, str]
) -> None:
    assert outlet_of(_item(**fields)) == outlet


def test_an_outlet_without_a_host_is_keyed_by_its_name() -> None:
    item = _item(feed_title="", link=None, feed_url="file:///tmp/feed.xml")
    assert outlet_of(item) == ("unknown outlet", "unknown outlet")
    assert outlet_of(_item(feed_title="Le Monde", link=None, feed_url="file:///x")) == (
        "le monde",
        "Le Monde",
    )


def test_outlet_host() -> None:
    assert outlet_host("https://WWW.Example.org:8443/a") == "example.org"
    assert outlet_host(None) == outlet_host("") == ""
