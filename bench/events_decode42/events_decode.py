"""Decoding and encoding the pipeline's events: µs per event, on real wire bytes (stop 42).

``build`` makes the corpus once, through the stages' own code, from real items:

- feed items: every entry of the local feed corpus's news feeds (``../shared/corpus/
  feeds``: news-sites, rss-parser, feedjira, feeder, rsparser, miniflux; parsed by ingest's
  ``parse_for_publish``, so categories and authors are the feeds' own) and every item of
  ``tests/data/classify_dev.jsonl``, ``stories_dev.jsonl`` and ``flights_dev.jsonl``
  (title, summary, link, language, date and outlet verbatim; the feed URL is the link's
  host), as ingest writes them (``OutgoingItem.from_item``);
- classified items: each feed item through the shipped classifier, written as classify
  writes them (``wirewatch_classify.encoding.classified_json``);
- story events: the tagged classified items of the stories and flights dev sets, oldest
  first, through the stories store (``Assigner.assign``, SQLite) in batches of 8: many
  events list several items (a story's reports);
- flight record events: each story event through the flights intake and store
  (``observe_story_event``, ``store.record_observation``), as the flights stage publishes
  them (``model_dump_json``).

``time`` decodes each kind as its consumers do (classify: the FeedItem validator's
``validate_json``; stories, notify, flights: ``model_validate_json``) and encodes it as its
producer does; µs per event, the best of ``--rounds`` passes over the corpus. Beside it, the
same decode by a validator built from the model's core schema with every Python function
of ``wirewatch_shared.events`` taken out (the ``first``/``cut`` before-validators and the
``max_length`` checks pydantic adds after them): what the Python validators could cost at
most. That validator refuses what the models cut (an older producer's longer lists): it is
a measure, never a decoder.

``loop`` decodes one kind ``--reps`` times over (``--core-only``: by that validator), for an
instruction count under callgrind, free of the host's load: the difference between
``--reps 2`` and ``--reps 0`` is the decoding's.

    .venv/bin/python bench/events_decode42/events_decode.py build --out /tmp/events_corpus
    flock /tmp/bench.lock .venv/bin/python bench/events_decode42/events_decode.py time \
        --corpus /tmp/events_corpus [--rounds 5]
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python \
        bench/events_decode42/events_decode.py loop --corpus /tmp/events_corpus \
        --kind stories --reps 2 [--core-only]
    .venv/bin/py-spy record -f raw -o spin.txt -- .venv/bin/python \
        bench/events_decode42/events_decode.py spin --corpus /tmp/events_corpus \
        --seconds 15 [--contended]

``spin`` decodes in a loop for a sampling profiler (``--contended``: beside a thread of
Python work). py-spy puts several times the validators' instruction share in them: a
Python function called from pydantic's Rust core is where the decoding thread gives the
GIL away and waits for it back (stop 42, docs/measurements/notify.md).

Run against another copy of ``wirewatch_shared`` (main's, for a before/after pair) with
``PYTHONPATH=<that copy>/shared``.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, TypeAdapter
from pydantic_core import SchemaValidator
from wirewatch_shared import events
from wirewatch_shared.events import (
    ClassifiedItem,
    FeedItem,
    FlightRecordEvent,
    StoryEvent,
    TopicMatch,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
CORPUS = REPO.parent / "shared" / "corpus" / "feeds"
NEWS_DIRS = ("news-sites", "rss-parser", "feedjira", "feeder", "rsparser", "miniflux")
DEV_SETS = ("classify_dev.jsonl", "stories_dev.jsonl", "flights_dev.jsonl")
STORY_SETS = ("stories_dev.jsonl", "flights_dev.jsonl")
FETCHED = datetime(2026, 12, 6, 12, tzinfo=UTC)
KINDS: dict[str, type[BaseModel]] = {
    "feed_items": FeedItem,
    "classified": ClassifiedItem,
    "stories": StoryEvent,
    "flights": FlightRecordEvent,
}
_SOURCE = {"source_name", "source_url"}
_MATCHES = TypeAdapter(tuple[TopicMatch, ...])


# -- building the corpus --------------------------------------------------------------------


def _feed_items() -> list[bytes]:
    from wirewatch_ingest.items import FeedParseError
    from wirewatch_ingest.parsepool import OutgoingItem, ParseJob, parse_for_publish

    bodies: list[bytes] = []
    feed_id = 0
    for name in NEWS_DIRS:
        folder = CORPUS / name
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix.lower() not in {".xml", ".rss", ".atom", ".rdf"}:
                continue
            feed_id += 1
            url = f"https://corpus.example/{path.relative_to(CORPUS)}"
            try:
                outcome = parse_for_publish(ParseJob(path.read_bytes(), feed_id, url, FETCHED, {}))
            except FeedParseError:
                continue
            bodies.extend(item.payload for item in outcome.items)
    for name in DEV_SETS:
        feed_id += 1
        for row in _rows(name):
            item = _dev_item(row, feed_id)
            bodies.append(OutgoingItem.from_item(item).payload)
    return bodies


def _rows(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _dev_item(row: dict[str, Any], feed_id: int) -> FeedItem:
    link = row.get("link") or row.get("url")
    when = row.get("published") or (f"{row['date']}T00:00:00Z" if row.get("date") else None)
    # No date: ingest's fallback, the fetch time.
    published = (
        datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone(UTC) if when else FETCHED
    )
    return FeedItem(
        item_id=hashlib.sha256(f"{row['id']} {link}".encode()).hexdigest()[:32],
        feed_id=feed_id,
        feed_url=f"https://{urlsplit(link).hostname}/feed" if link else "https://feed.example/",
        feed_title=row.get("source") or "",
        title=row["title"],
        summary=row["summary"],
        link=link,
        published=published,
        fetched_at=FETCHED,
        language=row.get("lang"),
    )


def _classified(feed_items: list[bytes]) -> list[bytes]:
    from wirewatch_classify.encoding import classified_json, timestamp_json
    from wirewatch_classify.engine import Classifier

    classifier = Classifier.load()
    at = timestamp_json(FETCHED)
    out = []
    for body in feed_items:
        item = FeedItem.model_validate_json(body)
        matches, entities = classifier.classify(item.title, item.summary, item.language)
        out.append(classified_json(body, matches, entities, at))
    return out


def _stories(classified: list[bytes]) -> list[bytes]:
    from wirewatch_shared.db import make_engine
    from wirewatch_stories.store import Assigner

    from wirewatch.schema import upgrade

    engine = make_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'stories.db'}")
    upgrade(engine)
    links = {r.get("link") for name in STORY_SETS for r in _rows(name)}
    tagged = [ClassifiedItem.model_validate_json(c) for c in classified]
    tagged = [c for c in tagged if c.matches and c.item.link in links]
    tagged.sort(key=lambda c: (c.item.published, c.item.item_id))
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=0.14)
    out: list[bytes] = []
    for start in range(0, len(tagged), 8):
        out.extend(p.value.encode() for p in assigner.assign(tagged[start : start + 8]))
    return out


def _flights(stories: list[bytes]) -> list[bytes]:
    from wirewatch_flights import store
    from wirewatch_flights.intake import observe_story_event
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'flights.db'}")
    upgrade(engine)
    out: list[bytes] = []
    for body in stories:
        intake = observe_story_event(
            StoryEvent.model_validate_json(body), ("repatriation-flights",)
        )
        if intake is not None:
            event = store.record_observation(engine, intake.observation, intake.source)
            if event is not None:
                out.append(event.model_dump_json().encode())
    return out


def build(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    feed_items = _feed_items()
    classified = _classified(feed_items)
    stories = _stories(classified)
    flights = _flights(stories)
    for kind, bodies in zip(KINDS, (feed_items, classified, stories, flights), strict=True):
        (out / f"{kind}.jsonl").write_bytes(b"".join(b + b"\n" for b in bodies))
        sizes = sorted(len(b) for b in bodies)
        print(f"{kind}: {len(bodies)} events, median {sizes[len(sizes) // 2]} bytes")
    several = sum(1 for s in stories if len(json.loads(s)["items"]) > 1)
    print(f"story events listing several items: {several}")


def load(corpus: Path) -> dict[str, list[bytes]]:
    return {
        kind: [line for line in (corpus / f"{kind}.jsonl").read_bytes().splitlines() if line]
        for kind in KINDS
    }


# -- timing ---------------------------------------------------------------------------------


def _best_us(fn: Callable[[Any], object], values: Sequence[Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        for value in values:
            fn(value)
        best = min(best, time.process_time() - start)
    return best / len(values) * 1e6


def _dump_feed_item(item: FeedItem) -> bytes:
    """As ingest writes it (``OutgoingItem.from_item``)."""
    unsourced = item.source_name is None and item.source_url is None
    return item.model_dump_json(exclude=_SOURCE if unsourced else None).encode()


def _python_functions_out(schema: Any) -> Any:
    """``schema`` (a core schema) without the validator functions of ``events``."""
    if isinstance(schema, list):
        return [_python_functions_out(node) for node in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") in ("function-before", "function-after") and "schema" in schema:
        function = schema["function"]["function"]
        function = getattr(function, "func", function)  # functools.partial
        if function.__module__ in (events.__name__, "pydantic._internal._validators"):
            return _python_functions_out(schema["schema"])
    return {key: _python_functions_out(value) for key, value in schema.items()}


def core_only(model: type[BaseModel]) -> SchemaValidator:
    """A validator of ``model`` without a Python function (a measure, not a decoder)."""
    schema = _python_functions_out(model.__pydantic_core_schema__)
    assert "'function-" not in repr(schema), "a Python function left in the schema"
    return SchemaValidator(schema)


def _decoder(kind: str) -> Callable[[bytes], Any]:
    """How the kind's consumers decode it."""
    if kind == "feed_items":
        return FeedItem.__pydantic_validator__.validate_json  # classify's ``batch.decode``
    return KINDS[kind].model_validate_json


def time_all(corpus: Path, rounds: int) -> None:
    bodies = load(corpus)
    for kind, model in KINDS.items():
        decode = _decoder(kind)
        decoded = [decode(b) for b in bodies[kind]]
        fast = core_only(model).validate_json
        assert [fast(b) for b in bodies[kind]] == decoded
        decode_us = _best_us(decode, bodies[kind], rounds)
        core_us = _best_us(fast, bodies[kind], rounds)
        encode: Callable[[Any], object] = (
            _dump_feed_item if kind == "feed_items" else lambda e: e.model_dump_json().encode()
        )
        encode_us = _best_us(encode, decoded, rounds)
        size = sum(map(len, bodies[kind])) / len(bodies[kind])
        print(
            f"{kind:<11} {len(decoded):>5} events, {size:>6.0f} B: decode {decode_us:6.1f} µs "
            f"(core only {core_us:6.1f}, ratio {core_us / decode_us:.2f}), "
            f"encode {encode_us:5.1f} µs"
        )
    matches = [ClassifiedItem.model_validate_json(b).matches for b in bodies["classified"]]
    matches = [m for m in matches if m]
    print(
        f"classify's matches member ({len(matches)} tagged items): "
        f"encode {_best_us(_MATCHES.dump_json, matches, rounds):.1f} µs"
    )
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")


def spin(corpus: Path, seconds: float, contended: bool) -> None:
    """Decodes the corpus over and over for ``seconds`` (for a sampling profiler), in a
    thread of its own; ``contended``: beside a thread of pure Python work that wants the
    GIL as a service's worker threads do."""
    bodies = load(corpus)
    end = time.perf_counter() + seconds

    def decoding() -> None:
        while time.perf_counter() < end:
            for kind in KINDS:
                decode = _decoder(kind)
                for body in bodies[kind]:
                    decode(body)

    def working() -> None:
        while time.perf_counter() < end:
            sum(i * i for i in range(2000))

    threads = [threading.Thread(target=decoding, name="decoding")]
    if contended:
        threads.append(threading.Thread(target=working, name="working"))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def loop(corpus: Path, kind: str, reps: int, core: bool) -> None:
    """Decodes one kind's corpus ``reps`` times (for an instruction count)."""
    bodies = load(corpus)[kind]
    decode = core_only(KINDS[kind]).validate_json if core else _decoder(kind)
    for _ in range(reps):
        for body in bodies:
            decode(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build").add_argument("--out", type=Path, required=True)
    timing = sub.add_parser("time")
    timing.add_argument("--rounds", type=int, default=5)
    spinning = sub.add_parser("spin")
    spinning.add_argument("--seconds", type=float, default=20.0)
    spinning.add_argument("--contended", action="store_true")
    looping = sub.add_parser("loop")
    looping.add_argument("--kind", choices=list(KINDS), required=True)
    looping.add_argument("--reps", type=int, default=2)
    looping.add_argument("--core-only", action="store_true")
    for command in (timing, spinning, looping):
        command.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "build":
        build(args.out)
    elif args.command == "time":
        time_all(args.corpus, args.rounds)
    elif args.command == "spin":
        spin(args.corpus, args.seconds, args.contended)
    else:
        loop(args.corpus, args.kind, args.reps, args.core_only)


if __name__ == "__main__":
    main()
