"""The real-world corpus: every file served over HTTP on 127.0.0.1 and ingested through the
same fetch + parse path as production (process pool), with a stub publisher.

Checks: no crash, no hang, and every file that feedparser (or, for JSON, a plain
``json.loads``) yields entries for yields exactly as many normalised items. Files whose
``<!DOCTYPE`` declares entities are rejected by design (entity-bomb guard) and counted.

The reference counts are kept in ``corpus_reference.json`` (file -> [sha256 prefix,
entries, content type]), computed by :func:`reference_count`; a file whose hash differs (or a
new file) is recounted on the fly, so the fixture can never vouch for other bytes.
Regenerate with ``python -m tests.ingest.test_corpus``.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import re
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_ingest.jsonfeed import looks_like_json
from wirewatch_ingest.poller import FeedPoller

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FileServerProcess

REFERENCE_FILE = Path(__file__).with_name("corpus_reference.json")
SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".dat", ".json", ".html"}
CUT_OFF_ENTRY = {"feedparser-illformed/rss_incomplete_cdata.xml"}
"""Documents that end inside their last entry (``<item><title><![CD``): feedparser counts
that entry, Wirewatch drops it (it would be published half, see test_breakage)."""
_HEADER = re.compile(rb"Header:\s*Content-type:\s*([^\r\n]+)", re.IGNORECASE)


def served_headers(path: Path, head: bytes) -> dict[str, str]:
    """The Content-Type a server would send: the one a test file asks for, else by suffix."""
    match = _HEADER.search(head[:600])
    if match:
        return {"Content-Type": match.group(1).decode("latin-1").strip()}
    suffix = path.suffix.lower()
    if suffix == ".json":
        return {"Content-Type": "application/feed+json"}
    if suffix == ".html":
        return {"Content-Type": "text/html; charset=utf-8"}
    return {"Content-Type": "application/xml"}


def reference_count(path: str, content_type: str) -> int:
    """Entries the reference parsers find: feedparser, or json.loads for JSON documents."""
    body = Path(path).read_bytes()
    if looks_like_json(body, content_type):
        try:
            doc = json.loads(body)
        except ValueError:
            return 0
        items = doc.get("items") if isinstance(doc, dict) else None
        return sum(isinstance(i, dict) for i in items) if isinstance(items, list) else 0
    # Sanitising and URI resolution change no entry counts; off, the reference runs faster.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-type": content_type},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    return len(parsed.entries)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def reference_counts(
    corpus_dir: Path, files: list[Path], content_types: list[str]
) -> dict[str, int]:
    """Reference entry count per relative path, from the fixture where the hash matches."""
    known = json.loads(REFERENCE_FILE.read_text()) if REFERENCE_FILE.exists() else {}
    counts: dict[str, int] = {}
    todo: list[tuple[str, Path, str]] = []
    for path, ctype in zip(files, content_types, strict=True):
        rel = path.relative_to(corpus_dir).as_posix()
        entry = known.get(rel)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        if entry and entry[0] == digest and entry[2] == ctype:
            counts[rel] = int(entry[1])
        else:
            todo.append((rel, path, ctype))
    if todo:
        with ProcessPoolExecutor(max_workers=2) as pool:
            fresh = pool.map(reference_count, [str(p) for _, p, _ in todo],
                             [c for _, _, c in todo], chunksize=16)  # fmt: skip
            counts.update(zip([rel for rel, _, _ in todo], fresh, strict=True))
    return counts


@pytest.mark.integration
@pytest.mark.timeout(300)
async def test_corpus(corpus_dir: Path, sqlite_engine: Engine) -> None:
    files = corpus_files(corpus_dir)
    assert len(files) > 1000
    routes: dict[str, tuple[str, dict[str, str]]] = {}
    for path in files:
        rel = "/" + quote(path.relative_to(corpus_dir).as_posix())
        routes[rel] = (str(path), served_headers(path, path.read_bytes()[:600]))
    with FileServerProcess(routes) as server:
        by_url = {
            server.url(rel): (Path(file), h["Content-Type"]) for rel, (file, h) in routes.items()
        }
        feedstore.add_feeds(sqlite_engine, [(url, "") for url in by_url])
        collector = Collector()
        settings = ingest_settings(
            parse_workers=2, parse_inline_max_bytes=2048, max_concurrent_fetches=64,
            host_max_concurrent=64, fetch_total_timeout_s=60, log_level="WARNING",
        )  # fmt: skip
        poller = FeedPoller(sqlite_engine, settings, collector)
        await poller.start()
        started = time.perf_counter()
        try:
            outcomes = await asyncio.wait_for(poller.run_until_idle(), timeout=100)  # no hang
        finally:
            await poller.aclose()
        ingest_s = time.perf_counter() - started
    rel_of = {url: path.relative_to(corpus_dir).as_posix() for url, (path, _) in by_url.items()}
    by_rel = reference_counts(
        corpus_dir, [p for p, _ in by_url.values()], [c for _, c in by_url.values()]
    )
    reference = {url: by_rel[rel] - (rel in CUT_OFF_ENTRY) for url, rel in rel_of.items()}

    assert len(outcomes) == len(files)
    statuses = Counter(o.status for o in outcomes)
    crashes = [(o.url, o.status, o.error) for o in outcomes if o.status == "internal-error"]
    assert crashes == [], crashes[:5]
    timeouts = [(o.url, o.error) for o in outcomes if o.status == "timeout"]
    assert timeouts == [], timeouts[:5]  # a local server: any timeout would be a hang
    mismatches = []
    rejected_entities = 0
    for outcome in outcomes:
        expected = reference[outcome.url]
        if outcome.status == "unsafe-xml":
            rejected_entities += 1
            continue
        if expected and outcome.items != expected:
            mismatches.append((by_url[outcome.url][0].name, expected, outcome.items, outcome.error))
    totals = {
        "files": len(files),
        "files_with_items": sum(1 for o in outcomes if o.items),
        "reference_files_with_entries": sum(1 for n in reference.values() if n),
        "items_parsed": sum(o.items for o in outcomes),
        "reference_entries": sum(reference.values()),
        "items_published_after_dedup": len(collector.items),
        "rejected_entity_declarations": rejected_entities,
        "statuses": dict(statuses.most_common()),
        "count_mismatches": len(mismatches),
        "ingest_seconds": round(ingest_s, 1),
    }
    print("\ncorpus totals:", json.dumps(totals))
    assert mismatches == [], mismatches[:10]
    assert ingest_s < 120  # ~35 s on an idle 2-core machine; the bound only catches hangs


def write_reference(corpus_dir: Path) -> None:
    files = corpus_files(corpus_dir)
    types = [served_headers(p, p.read_bytes()[:600])["Content-Type"] for p in files]
    with ProcessPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(reference_count, [str(p) for p in files], types, chunksize=16))
    lines = [
        json.dumps(p.relative_to(corpus_dir).as_posix())
        + ":"
        + json.dumps([hashlib.sha256(p.read_bytes()).hexdigest()[:16], count, ctype])
        for p, ctype, count in zip(files, types, counts, strict=True)
    ]
    REFERENCE_FILE.write_text("{\n" + ",\n".join(sorted(lines)) + "\n}\n")
    print(f"wrote {len(lines)} reference counts (feedparser {feedparser.__version__})")


if __name__ == "__main__":
    from tests.conftest import CORPUS_DIR

    write_reference(CORPUS_DIR)
