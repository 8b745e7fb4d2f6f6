"""Unicode bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
stripped where ingest normalises text, on SQLite and PostgreSQL.

They were kept: text after a U+202E in a title or a feed's name shows reversed in alerts,
on the stories page and in the CLI, and can disguise an outlet, a name or (in a link)
a file's real ending. A link holding one is dropped like one holding a space."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_ingest.normalize import safe_link

from tests.ingest.conftest import poll_once
from tests.ingest.support import FeedServer, Route, rss
from wirewatch.schema import upgrade

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


async def test_titles_and_outlets_lose_bidi_controls(
    engine: Engine, feed_server: FeedServer
) -> None:
    upgrade(engine)
    body = rss(
        [("b1", "Charter flight\u202e lands\u202c in \u2067Tegucigalpa\u2069")],
        title="Daily \u202dNews\u202c",
    )
    feed_server.routes["/f"] = Route(200, body)
    outcome, collector = await poll_once(engine, feed_server.url("/f"))
    assert outcome.status == "200"
    (item,) = [i.feed_item() for i in collector.items]
    assert item.title == "Charter flight lands in Tegucigalpa"
    assert item.feed_title == "Daily News"
    assert item.link == "https://example.org/b1"
    assert item.summary == "The story of Charter flight lands in Tegucigalpa."
    assert safe_link("https://example.org/\u202egpj.exe") is None

    (feed,) = feedstore.list_feeds(engine)
    assert feed.title == "Daily News"
    for text in (item.title, item.summary, item.feed_title, feed.title or ""):
        assert not set(text) & set(BIDI), repr(text)
