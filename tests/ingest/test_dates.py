"""Publication dates with local day and month names (or day-first with dots)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from wirewatch_ingest.dates import localized_date
from wirewatch_ingest.parsing import parse_feed

FETCHED = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        # UOL Notícias (Brazil, 2018): "Seg, 24 Set 2018 19:42:40 -0300".
        ("rss-parser/uolNoticias.rss", 15),
        # Il Messaggero (Italy, 2022): "mer, 16 nov 2022 00:38:15 +0100".
        ("feed-rs/rss2/rss_2.0_ilmessaggero.xml", 1),
        # "22.11.2022 12:16:00".
        ("rss-parser-kotlin/feed-image-enclosure.xml", 1),
    ],
)
def test_real_feeds_with_localized_dates_keep_them(corpus_dir: Path, name: str, dates: int) -> None:
    """These items used to be stamped with the time they were fetched: a Portuguese
    feed's back catalogue came in as news of the hour."""
    parsed = parse_feed(
        (corpus_dir / name).read_bytes(), feed_id=1, feed_url="https://x.test/f",
        fetched_at=FETCHED,
    )  # fmt: skip
    assert len(parsed.published_times) == dates
    assert all(item.published < datetime(2023, 1, 1, tzinfo=UTC) for item in parsed.items)


def test_uol_dates_are_read_with_their_zone(corpus_dir: Path) -> None:
    body = (corpus_dir / "rss-parser/uolNoticias.rss").read_bytes()
    parsed = parse_feed(body, feed_id=1, feed_url="https://x.test/f", fetched_at=FETCHED)
    assert min(parsed.published_times) == datetime(2018, 9, 24, 22, 18, 49, tzinfo=UTC)
    assert max(parsed.published_times) == datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lun., 05 dic. 2026 10:00:00 +0100", datetime(2026, 12, 5, 9, 0, tzinfo=UTC)),
        ("Seg, 24 Set 2018 19:42:40 -0300", datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)),
        ("mer, 16 nov 2022 00:38:15 +0100", datetime(2022, 11, 15, 23, 38, 15, tzinfo=UTC)),
        ("jeu., 05 févr. 2026 10:00:00 +0100", datetime(2026, 2, 5, 9, 0, tzinfo=UTC)),
        ("Do, 05 März 2026 10:00:00 +0100", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("sáb, 05 dic 2026 10:00:00 GMT", datetime(2026, 12, 5, 10, 0, tzinfo=UTC)),
        ("5 dicembre 2026", datetime(2026, 12, 5, tzinfo=UTC)),
        ("22.11.2022 12:16:00", datetime(2022, 11, 22, 12, 16, tzinfo=UTC)),
        ("31.02.2020 10:00", None),
        ("Fri, 05/03/2019 - 15:21", None),
        ("12 foo 2020", None),
        ("", None),
        (None, None),
    ],
)
def test_localized_date(text: str | None, expected: datetime | None) -> None:
    assert localized_date(text) == expected


def test_a_json_feed_date_with_local_names() -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1",'
        b' "title": "t", "date_published": "lun., 05 dic. 2026 10:00:00 +0100"}]}'
    )
    parsed = parse_feed(body, feed_id=1, feed_url="https://x.test/f", fetched_at=FETCHED)
    assert parsed.items[0].published == datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
