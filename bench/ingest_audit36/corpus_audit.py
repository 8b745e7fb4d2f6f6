"""Audit (stop 36): every corpus file through ``parse_feed`` in-process, checking what the
corpus test does not: only ``FeedParseError`` escapes, every item survives the
``FeedItem`` round trip, two parses give the same ids, and how many entries of a file
share an item id (which ones would be published once, the rest dropped as duplicates),
split by what the id was built from (guid, link, or title+date hash).

    .venv/bin/python bench/ingest_audit36/corpus_audit.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from wirewatch_ingest.items import FeedParseError, UnsafeDocumentError
from wirewatch_ingest.parsing import parse_feed
from wirewatch_shared.events import FeedItem

from tests.ingest.test_corpus import corpus_files, served_headers

FETCHED = datetime(2026, 12, 5, tzinfo=UTC)


def audit(corpus: Path) -> int:
    files = corpus_files(corpus)
    outcome: Counter[str] = Counter()
    collided_files: list[tuple[str, int, int]] = []
    crashes: list[str] = []
    slowest: list[tuple[float, str]] = []
    items_total = 0
    lost_total = 0
    for path in files:
        rel = path.relative_to(corpus).as_posix()
        body = path.read_bytes()
        headers = served_headers(path, body[:600])
        url = f"http://127.0.0.1/{rel}"
        started = time.perf_counter()
        try:
            parsed = parse_feed(body, feed_id=1, feed_url=url, fetched_at=FETCHED, headers=headers)
            again = parse_feed(body, feed_id=1, feed_url=url, fetched_at=FETCHED, headers=headers)
        except UnsafeDocumentError:
            outcome["unsafe-xml"] += 1
            continue
        except FeedParseError:
            outcome["not-a-feed"] += 1
            continue
        except Exception as exc:  # the audit's point: nothing else may escape
            crashes.append(f"{rel}: {type(exc).__name__}: {exc}")
            continue
        slowest.append((time.perf_counter() - started, rel))
        outcome["ok"] += 1
        ids = [item.item_id for item in parsed.items]
        if ids != [item.item_id for item in again.items]:
            crashes.append(f"{rel}: ids differ between two parses")
        for item in parsed.items:
            FeedItem.model_validate_json(item.model_dump_json())
        items_total += len(ids)
        lost = len(ids) - len(set(ids))
        if lost:
            lost_total += lost
            collided_files.append((rel, len(ids), lost))
    print(f"files {len(files)}: {dict(outcome)}; crashes {len(crashes)}")
    for line in crashes:
        print("  CRASH", line)
    print(
        f"items {items_total}; entries sharing an id with an earlier one: {lost_total} "
        f"in {len(collided_files)} files"
    )
    for rel, count, lost in sorted(collided_files, key=lambda c: -c[2])[:40]:
        print(f"  {lost:4d}/{count:4d}  {rel}")
    print("slowest (2 parses):", [(round(s, 2), r) for s, r in sorted(slowest)[-5:]])
    return 1 if crashes else 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "feeds"
    sys.exit(audit(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
