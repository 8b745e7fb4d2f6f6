"""Notify names an item's outlet as the stories stage does: ``also_reported_by`` leaves
out the triggering item's own outlet even when the event does not list the item (a story
beyond its first 50 items), so the two namings must not drift apart."""

from __future__ import annotations

import pytest
from wirewatch_notify.payloads import outlet_name
from wirewatch_stories.assign import outlet_of

from tests.notify.support import classified


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"feed_title": "  El País  "},
        {"feed_title": "", "link": "https://www.bbc.co.uk/news/1"},
        {"feed_title": "", "link": None, "feed_url": "https://feeds.example.org/rss"},
        {"feed_title": "Google News", "source_name": "Reuters", "source_url": None},
        {"feed_title": "Google News", "source_name": None, "source_url": "https://www.dw.com/es"},
        {"feed_title": "x" * 300},
    ],
)
def test_notify_names_an_items_outlet_as_the_stories_stage(fields: dict[str, object]) -> None:
    base = classified("flights")
    item = base.model_copy(update={"item": base.item.model_copy(update=fields)})
    assert outlet_name(item.item) == outlet_of(item)[1]
