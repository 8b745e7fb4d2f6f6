"""The flights stage's own CPU per item on the pipeline's path, without the broker (stop 42).

What the pipeline's flights stage does for one story event: decode it and extract its item
(``FlightsService._intake``), store the observation and merge its record
(``FlightsService._store``, a batch of ``--size`` as the batch guard hands it over: 5 is
about the pipeline's 100 items/s with the consumer's 50 ms timeout), and build the record
event's JSON as ``handle`` publishes it. A fresh database each run (a SQLite file, or a new
database on the PostgreSQL server given by ``--database-url``); no broker.

Corpora (real text, every item tagged with the flights topic):

- ``bench``: the pipeline benchmark's item (``bench/pipeline.py``'s feed item: "Deportation
  flight F-I carrying migrants lands in Caracas" and its padded summary), every item a story
  of its own, all on one route and one day, as in the pipeline;
- ``dev``: the tune part of ``tests/data/flights_dev.jsonl`` (``tests/flights/split.py``; the
  held-out part is not read), grouped into stories by their ``story`` label in publication
  order (so most events join an existing record), cycled with fresh ids, each lap 400 days
  later.

Prints CPU µs per story event (``time.process_time``: this process), split into intake,
store and event JSON, and on PostgreSQL the server's CPU for the run's connections (their
backends' ``/proc`` times: the server is local) and the statements per event (``--count``).
``--profile PATH`` writes a cProfile of the timed loop (``process_time`` as its clock);
``--dump PATH`` writes every record event (warm-up included) and, at the end, every row of
both tables, record ids as their order of first appearance and clock times left out: the
same input must give the same file before and after a change (``--again N`` reads the first
N events again after the timed run, ``--source classified`` feeds their classified items, as
the stage reads them with ``WIREWATCH_FLIGHTS_SOURCE=classified``: no story, records by route).

    flock /tmp/bench.lock .venv/bin/python bench/flights_cpu42/flights_item_cost.py \
        [--corpus bench|dev] [--events 2000] [--warmup 200] [--size 5] \
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] [--profile PATH] \
        [--dump PATH] [--count] [--source stories|classified] [--again N]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from wirewatch_flights.app import FlightsService
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem, FeedItem, StoryEvent, StoryItemRef, TopicMatch

from wirewatch.schema import upgrade

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.flights.split import load as load_split  # noqa: E402

TOPIC = "repatriation-flights"
PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6
CLOCK = ("created_at", "updated_at", "observed_at")


def _classified(item: FeedItem) -> ClassifiedItem:
    match = TopicMatch(topic=TOPIC, score=0.9, rules=("flight",))
    return ClassifiedItem(item=item, matches=(match,), classified_at=item.fetched_at)


def _event(
    classified: ClassifiedItem, story_id: str, refs: list[StoryItemRef], first_seen: datetime
) -> bytes:
    item = classified.item
    refs.append(
        StoryItemRef(
            item_id=item.item_id,
            outlet=item.feed_title or "desk",
            title=item.title,
            link=item.link,
            language=item.language,
            published=item.published,
        )
    )
    story = StoryEvent(
        kind="opened" if len(refs) == 1 else "item_added",
        story_id=story_id,
        position=len(refs),
        item=classified,
        topics=(TOPIC,),
        item_count=len(refs),
        outlets=tuple(dict.fromkeys(r.outlet for r in refs))[:10],
        languages=tuple(dict.fromkeys(r.language for r in refs if r.language))[:8],
        first_seen=first_seen,
        items=tuple(refs[:12]),
        assigned_at=item.fetched_at,
    )
    return story.model_dump_json().encode()


def bench_events(n: int) -> list[bytes]:
    """The pipeline benchmark's items (its feed's text and date), a story each."""
    published = datetime(2023, 10, 10, 14, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        feed, j = divmod(i, 10)
        guid = f"bench-1-{feed}-{j}"
        item = FeedItem(
            item_id=guid,
            feed_id=feed + 1,
            feed_url=f"http://127.0.0.1/feed/1/{feed}.xml",
            feed_title=f"Bench feed {feed}",
            title=f"Deportation flight {feed}-{j} carrying migrants lands in Caracas",
            summary=f"The charter flight carrying Venezuelan deportees landed, officials "
            f"said. {PAD}".strip(),
            link=f"http://example.org/{guid}",
            published=published,
            fetched_at=published,
            language="en",
        )
        out.append(_event(_classified(item), f"story-{guid}", [], published))
    return out


def dev_events(n: int) -> list[bytes]:
    """The tune part of flights_dev as story events (see the module docstring)."""
    return events_of(load_split("tune"), n)


def events_of(rows: list[dict[str, Any]], n: int) -> list[bytes]:
    """Labelled flights rows as story events in publication order, grouped into stories by
    their ``story`` label, cycled to ``n`` with fresh ids, each lap 400 days later (stop 40's
    ``flights_stage_cpu.py`` imports it for every labelled file)."""
    rows = sorted(rows, key=lambda r: (r.get("published") or "", r["id"]))
    out: list[bytes] = []
    lap = 0
    while len(out) < n:
        refs: dict[str, list[StoryItemRef]] = {}
        first: dict[str, datetime] = {}
        for r in rows:
            if len(out) >= n:
                break
            published = datetime.fromisoformat(
                (r.get("published") or "2025-01-01T00:00:00Z").replace("Z", "+00:00")
            ) + timedelta(days=400 * lap)
            item = FeedItem(
                item_id=f"{r['id']}-{lap}",
                feed_id=1,
                feed_url="http://127.0.0.1/feed.xml",
                feed_title=(r.get("source") or "desk")[:200],
                title=r["title"],
                summary=r.get("summary") or "",
                link=r.get("link"),
                published=published,
                fetched_at=published,
                language=r.get("lang"),
            )
            story = f"{r.get('story') or r['id']}-{lap}"
            first.setdefault(story, published)
            out.append(_event(_classified(item), story, refs.setdefault(story, []), first[story]))
        lap += 1
    return out


@contextmanager
def database(url: str | None, prefix: str = "flcpu42") -> Iterator[Engine]:
    """A fresh database: a SQLite file, or a new database on the PostgreSQL server."""
    if url is None:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/flights.db")
            upgrade(engine)
            yield engine
            engine.dispose()
        return
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        engine = make_engine(make_url(url).set(database=name).render_as_string(False))
        upgrade(engine)
        engine.dispose()  # the timed run's connections are its own (server CPU below)
        yield engine
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _server_cpu(engine: Engine) -> dict[int, float]:
    """CPU seconds so far of each backend of this database (PostgreSQL on this host; none
    else), the asking connection's own included (the pool hands out the run's)."""
    if engine.dialect.name != "postgresql":
        return {}
    with engine.connect() as conn:
        pids = list(
            conn.execute(
                text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            ).scalars()
        )
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return out


def run(
    service: FlightsService, bodies: list[bytes], size: int, dump: list[str] | None
) -> dict[str, float]:
    """CPU seconds of each part over ``bodies``, ``size`` story events a batch."""
    intake_s = store_s = json_s = 0.0
    events = 0
    for start in range(0, len(bodies), size):
        t0 = time.process_time()
        intakes = [i for b in bodies[start : start + size] if (i := service._intake(b))]
        t1 = time.process_time()
        found = service._store(intakes) if intakes else []
        t2 = time.process_time()
        for record_event in found:
            data = record_event.model_dump_json().encode()
            if dump is not None:
                dump.append(_normalised(json.loads(data)))
        t3 = time.process_time()
        intake_s += t1 - t0
        store_s += t2 - t1
        json_s += t3 - t2
        events += len(found)
    return {"intake": intake_s, "store": store_s, "json": json_s, "events": events}


_IDS: dict[str, str] = {}


def _normalised(obj: dict[str, Any]) -> str:
    """A record event or row: record ids as their order of first appearance, clock times
    left out."""
    for key in ("record_id", "id"):
        if key in obj and isinstance(obj[key], str) and len(obj[key]) == 16:
            obj[key] = _IDS.setdefault(obj[key], f"r{len(_IDS)}")
    for key in CLOCK:
        obj.pop(key, None)
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str)


def _rows(engine: Engine) -> list[str]:
    """Every row of both tables, in a stable order."""
    out = []
    with engine.connect() as conn:
        for table, order in (
            ("flights_observation", "item_id"),
            ("flights_record", "id"),
        ):
            rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table}"))]
            for r in rows:
                for key in ("facts", "source", "conflicts", "story_ids", "topics"):
                    if isinstance(r.get(key), str):
                        r[key] = json.loads(r[key])
                if "flight_date_stated" in r:
                    r["flight_date_stated"] = bool(r["flight_date_stated"])
            lines = [f"{table} " + _normalised(r) for r in rows]
            out.extend(sorted(lines) if order else lines)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("bench", "dev"), default="bench")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--size", type=int, default=5, help="story events per batch")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server (else SQLite)")
    parser.add_argument("--profile", default=None)
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--count", action="store_true", help="count the statements sent")
    parser.add_argument(
        "--source",
        choices=("stories", "classified"),
        default="stories",
        help="classified: the stage reads the events' classified items (no story)",
    )
    parser.add_argument(
        "--again",
        type=int,
        default=0,
        help="after the timed run, read the first N story events again (untimed, dumped)",
    )
    args = parser.parse_args()
    make = bench_events if args.corpus == "bench" else dev_events
    bodies = make(args.warmup + args.events)
    if args.source == "classified":
        bodies = [StoryEvent.model_validate_json(b).item.model_dump_json().encode() for b in bodies]
    with database(args.database_url) as engine:
        settings = FlightsSettings(
            kafka_bootstrap="127.0.0.1:9",
            database_url="sqlite://",
            log_level="WARNING",
            flights_source=args.source,
        )
        service = FlightsService(settings, engine)
        dump: list[str] | None = [] if args.dump else None
        run(service, bodies[: args.warmup], args.size, dump)
        timed = bodies[args.warmup :]
        sent: list[str] = []
        if args.count:
            event.listen(
                engine, "before_cursor_execute", lambda _c, _k, s, *_a: sent.append(s.split()[0])
            )
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        server = _server_cpu(engine)
        wall = time.perf_counter()
        if profiler:
            profiler.enable()
        start = time.process_time()
        parts = run(service, timed, args.size, dump)
        total = time.process_time() - start
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        wall = time.perf_counter() - wall
        after = _server_cpu(engine)
        server_s = sum(cpu - server.get(pid, 0.0) for pid, cpu in after.items())
        if args.again:
            run(service, bodies[: args.again], args.size, dump)
        if args.dump and dump is not None:
            dump.extend(_rows(engine))
            args.dump.write_text("".join(d + "\n" for d in dump), encoding="utf-8")
    n = len(timed)
    db = engine.dialect.name
    line = (
        f"{args.corpus} on {db}, batches of {args.size}: {n} story events, "
        f"{int(parts['events'])} record events; CPU µs per story event: {total * 1e6 / n:.0f} "
        f"= intake {parts['intake'] * 1e6 / n:.0f} + store {parts['store'] * 1e6 / n:.0f} "
        f"+ JSON {parts['json'] * 1e6 / n:.0f}; wall {wall * 1e6 / n:.0f}"
    )
    if db == "postgresql":
        line += f"; server CPU {server_s * 1e6 / n:.0f}"
    if args.count:
        counts = {k: sent.count(k) / n for k in sorted(set(sent))}
        line += "; statements per event " + ", ".join(f"{k} {v:.2f}" for k, v in counts.items())
    print(line)


if __name__ == "__main__":
    main()
