"""Study (stop 39): which corpus items the implied-source rule touches, and which looser
rules would touch (docs/measurements/ingest.md, "stop 39").

Parses every file of the feed corpus (../shared/corpus/feeds) with the real parser, once
with no implied source and once per rule, and counts the items whose title or outlet
changes, per file. Usage: ``.venv/bin/python bench/ingest_sources39/implied_source39.py
[corpus dir]``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from wirewatch_ingest import items as items_module
from wirewatch_ingest.items import FeedParseError
from wirewatch_ingest.parsing import parse_feed
from wirewatch_ingest.sources import NO_SOURCE, Source, implied_source, named_again, title_outlet

NOW = datetime(2026, 12, 6, tzinfo=UTC)
Rule = Callable[[str, str | None, str | None, str | None], Source]


def title_only(title: str, summary: str | None, author: str | None, link: str | None) -> Source:
    """Any " - X" suffix is an outlet."""
    name = title_outlet(title)
    return Source(name, None) if name else NO_SOURCE


def said_twice(title: str, summary: str | None, author: str | None, link: str | None) -> Source:
    """The suffix is named again in a <font> or the author, whatever the link's host."""
    name = title_outlet(title)
    return Source(name, None) if name and named_again(name, summary, author) else NO_SOURCE


RULES: dict[str, Rule] = {
    "shipped (aggregator host and named twice)": implied_source,
    "named twice, any host": said_twice,
    "title suffix only": title_only,
}


def _outcome(path: Path, rule: Rule) -> list[tuple[str, str | None]] | None:
    with mock.patch.object(items_module, "implied_source", rule):
        try:
            parsed = parse_feed(
                path.read_bytes(),
                feed_id=1,
                feed_url=f"https://corpus.invalid/{path.name}",
                fetched_at=NOW,
            )
        except FeedParseError:
            return None
    return [(i.title, i.source_name) for i in parsed.items]


def _touched(base: dict[Path, list[tuple[str, str | None]]], rule: Rule) -> Counter[Path]:
    """Per file, how many items ``rule`` changes (title or outlet)."""
    touched: Counter[Path] = Counter()
    for path, before in base.items():
        after = _outcome(path, rule) or []
        changed = sum(1 for a, b in zip(before, after, strict=True) if a != b)
        if changed:
            touched[path] = changed
    return touched


def main(corpus: Path) -> None:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    outcomes = {path: _outcome(path, lambda *_: NO_SOURCE) for path in files}
    base = {path: got for path, got in outcomes.items() if got is not None}
    total = sum(len(v) for v in base.values())
    print(f"{len(files)} files, {len(base)} parsed as feeds, {total} items")
    for name, rule in RULES.items():
        touched = _touched(base, rule)
        print(f"\n{name}: {sum(touched.values())} items in {len(touched)} files")
        for path, n in touched.most_common(12):
            print(f"  {n:4d}  {path.relative_to(corpus)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/feeds"))
