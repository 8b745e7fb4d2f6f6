"""The demo's sample feeds: real headlines (``sample_items.jsonl``, each with its outlet,
URL and date, taken from the labelled development set) served as RSS that grows by one
item every few seconds, as live feeds would: one feed per outlet, titled with the outlet's
name, so stories and flight records credit each item to the outlet that published it
(Wirewatch names an item's outlet by its feed's title)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from importlib.resources import files
from xml.sax.saxutils import escape

SAMPLE = "sample_items.jsonl"


@dataclass(frozen=True, slots=True)
class SampleItem:
    """One real news item: the headline and standfirst as published, and where."""

    id: str
    title: str
    summary: str
    lang: str
    source: str
    url: str
    date: str
    labels: tuple[str, ...]

    @property
    def published(self) -> datetime:
        return datetime.fromisoformat(self.date).replace(hour=12, tzinfo=UTC)


def load_sample() -> list[SampleItem]:
    text = files("wirewatch.demo").joinpath(SAMPLE).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [
        SampleItem(
            id=row["id"],
            title=row["title"],
            summary=row["summary"],
            lang=row["lang"],
            source=row["source"],
            url=row["url"],
            date=row["date"],
            labels=tuple(row["labels"]),
        )
        for row in rows
    ]


class GrowingFeed:
    """``initial`` items at once, then one more every ``every_s`` seconds."""

    def __init__(self, items: list[SampleItem], *, initial: int = 3, every_s: float = 3.0) -> None:
        self.items = items
        self.initial = initial
        self.every_s = every_s
        self.started: float | None = None

    def visible(self, now: float) -> list[SampleItem]:
        if self.started is None:
            self.started = now
        grown = int((now - self.started) / self.every_s) if self.every_s > 0 else len(self.items)
        return self.items[: min(len(self.items), self.initial + grown)]

    def by_link(self, link: str) -> SampleItem | None:
        return next((item for item in self.items if item.url == link), None)

    @property
    def outlets(self) -> list[str]:
        """Each outlet once, in the order its first item appears."""
        return list(dict.fromkeys(item.source for item in self.items))

    def visible_of(self, outlet: str, now: float) -> list[SampleItem]:
        return [item for item in self.visible(now) if item.source == outlet]


def render_rss(
    items: list[SampleItem], self_url: str, title: str = "Wirewatch demo: real headlines"
) -> bytes:
    """RSS 2.0, newest first; each item credits its outlet (``dc:creator``)."""
    entries = "".join(
        "<item>"
        f"<title>{escape(item.title)}</title>"
        f"<link>{escape(item.url)}</link>"
        f'<guid isPermaLink="true">{escape(item.url)}</guid>'
        f"<description>{escape(item.summary)}</description>"
        f"<dc:creator>{escape(item.source)}</dc:creator>"
        f"<pubDate>{format_datetime(item.published)}</pubDate>"
        "</item>"
        for item in reversed(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{escape(title)}</title>"
        f"<link>{escape(self_url)}</link>"
        "<description>Real news items (outlet, link and date of each are given) served "
        "locally by `wirewatch demo`.</description>"
        f"{entries}</channel></rss>"
    ).encode()
