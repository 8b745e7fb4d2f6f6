"""Ingest benchmark: Wirewatch vs raw feedparser and peer feed readers, in one run.

    .venv/bin/python bench/ingest_bench.py            # everything (~5-10 min on 2 cores)
    .venv/bin/python bench/ingest_bench.py --quick    # 300 feeds, no 10k run, no peers

Feeds: real site captures from the shared corpus (RSS/Atom, 20-120 KB, 10-50 entries,
not bozo; ~44 KB and ~22 entries on average), cycled to N feeds. Each copy gets its
item URLs/guids suffixed with ``#c<n>`` so every copy's items are new. A fast asyncio
server (bench/ingest_server.py, own process) serves them on many loopback addresses.

Figures (one run, same bodies):
  a  raw single-process ``feedparser.parse`` (default options) feeds/s — the baseline
  b  Wirewatch cold (all 200), publishing every new item to a real Tansu broker
  c  Wirewatch warm (all 304) vs lemon24/reader (and feed2exec, rss2email) warm
  c0 the same with the default politeness of a real public host (2 per host, 0.25 s gap)
  d  Wirewatch warm with 50 ms server latency (d0: with the default politeness)
  e  peak RSS per process polling 10,000 feeds (9,000 warm + 1,000 cold)
  f  ``parse_feed`` (feedparser + normalisation) time / raw ``feedparser.parse`` time
Results are printed as a table and written to bench/results/ingest.json.

The Wirewatch runs treat the bench server as the operator's own feed server and set
``host_min_gap_s`` explicitly (``--host-min-gap``, default 0), as an operator would
with ``WIREWATCH_HOST_MIN_GAP_S``; the product default for real hosts is unchanged
and rows c0/d0 show it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirewatch.schema import upgrade

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "feeds"
RESULTS = REPO / "bench" / "results"

from ingest_server import host_addresses, serve  # noqa: E402

_URL_IN_ELEMENT = re.compile(
    rb"(<(?:guid|id|link)\b[^>]*>\s*(?:<!\[CDATA\[)?\s*)(https?://[^<\]\s]+)", re.IGNORECASE
)
_URL_IN_ATTR = re.compile(
    rb'((?:<link\b[^>]*\bhref|rdf:about)=")(https?://[^"]+)(")', re.IGNORECASE
)


# --- workload ------------------------------------------------------------------------------


def pick_sources() -> list[bytes]:
    import feedparser

    seen: set[str] = set()
    sources = []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (
            ".xml",
            ".rss",
            ".atom",
            ".rdf",
            ".dat",
        ):
            continue
        body = path.read_bytes()
        digest = hashlib.sha256(body).hexdigest()
        if not 20_000 <= len(body) <= 120_000 or digest in seen:
            continue
        parsed = feedparser.parse(io.BytesIO(body))
        if parsed.bozo or not 10 <= len(parsed.entries) <= 50:
            continue
        seen.add(digest)
        sources.append(body)
    return sources


def uniquify(body: bytes, copy: int) -> bytes:
    tag = b"#c%d" % copy
    body = _URL_IN_ELEMENT.sub(lambda m: m.group(1) + m.group(2) + tag, body)
    return _URL_IN_ATTR.sub(lambda m: m.group(1) + m.group(2) + tag + m.group(3), body)


def build_bodies(count: int) -> list[bytes]:
    sources = pick_sources()
    return [uniquify(sources[i % len(sources)], i // len(sources)) for i in range(count)]


# --- measurements ---------------------------------------------------------------------------


def time_raw_feedparser(bodies: list[bytes]) -> dict[str, float]:
    import feedparser
    from wirewatch_ingest.parsing import parse_feed

    now = datetime.now(UTC)
    timings = {"raw": 0.0, "raw_same_flags": 0.0, "parse_feed": 0.0, "raw_cpu": 0.0}
    entries = items = distinct = 0
    for index, body in enumerate(bodies):  # interleaved: machine noise hits all three alike
        t0 = time.perf_counter()
        c0 = time.process_time()
        raw = feedparser.parse(io.BytesIO(body))
        timings["raw_cpu"] += time.process_time() - c0
        t1 = time.perf_counter()
        feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
        t2 = time.perf_counter()
        parsed = parse_feed(body, feed_id=index, feed_url=f"http://x/{index}", fetched_at=now)
        t3 = time.perf_counter()
        timings["raw"] += t1 - t0
        timings["raw_same_flags"] += t2 - t1
        timings["parse_feed"] += t3 - t2
        entries += len(raw.entries)
        items += len(parsed.items)
        distinct += len({item.item_id for item in parsed.items})  # what a cold run publishes
    return {**timings, "entries": entries, "items": items, "distinct": distinct}


def code_under_test() -> dict[str, Any]:
    """Where the measured ingest code comes from (the interpreter's install decides, not
    this script's checkout) and that tree's commit; a run with another venv's python
    measures another tree's code."""
    import wirewatch_ingest

    tree = Path(wirewatch_ingest.__file__).resolve().parents[3]

    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True)
        return run.stdout.strip()

    return {
        "tree": str(tree),
        "bench_tree": str(REPO),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no", "--", "services")),
    }


def published_in_store(engine: Any) -> int:
    """Items the store marks published (confirmed after the broker's ack)."""
    from sqlalchemy import func, select
    from wirewatch_ingest.itemclaims import SEEN

    with engine.connect() as conn:
        query = select(func.count()).select_from(SEEN).where(SEEN.c.published_at.is_not(None))
        return int(conn.execute(query).scalar() or 0)


def cpu_seconds(pid: int | str = "self") -> float:
    """User + system CPU of a process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


HOST_MIN_GAP_S = 0.0
"""Politeness toward the bench's own feed server, set explicitly as an operator would for
a feed server of their own (``WIREWATCH_HOST_MIN_GAP_S``; the default, 0.25 s, is for
real public hosts and is unchanged). ``--host-min-gap`` overrides it; the warm run is
also measured with the default politeness (row c0)."""


def _settings(database_url: str, bootstrap: str | None, **extra: Any) -> Any:
    from wirewatch_ingest.settings import IngestSettings

    options: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap": bootstrap,
        "ingest_allow_private_networks": True,  # the bench server is on loopback
        "seed_default_feeds": False,
        "parse_workers": 2,
        "max_concurrent_fetches": 64,
        "log_level": "WARNING",
        "host_min_gap_s": HOST_MIN_GAP_S,
    }
    return IngestSettings(**(options | extra))


def wirewatch_phases(
    urls: list[str], bootstrap: str, workdir: str, host_min_gap_s: float, conn: Any
) -> None:
    """Child process: cold, warm and latency runs of the real ingest service."""
    global HOST_MIN_GAP_S
    HOST_MIN_GAP_S = host_min_gap_s
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.app import IngestService
    from wirewatch_ingest.politeness import HostPoliteness
    from wirewatch_ingest.settings import IngestSettings
    from wirewatch_shared.logging import configure_logging

    configure_logging("WARNING")

    async def run() -> dict[str, Any]:
        settings = _settings(f"sqlite:///{workdir}/ww.db", bootstrap)
        service = IngestService(settings)
        upgrade(service.engine)
        feedstore.add_feeds(service.engine, [(u, "") for u in urls])
        await service.on_startup()  # topics, tables, parser processes
        await service.broker.start()
        results: dict[str, Any] = {}
        try:
            poller = service.poller
            workers = list(getattr(poller.parse_pool._executor, "_processes", {}) or {})
            cpu0 = cpu_seconds() + sum(cpu_seconds(pid) for pid in workers)
            t0 = time.perf_counter()
            cold = await poller.run_until_idle()
            results["cold_s"] = time.perf_counter() - t0
            results["cold_cpu_s"] = cpu_seconds() + sum(cpu_seconds(pid) for pid in workers) - cpu0
            results["cold_statuses"] = sorted({o.status for o in cold})
            results["cold_feeds"] = len(cold)
            results["published"] = sum(o.new_items for o in cold)
            results["entries"] = sum(o.items for o in cold)
            results["published_in_store"] = published_in_store(service.engine)
            feedstore.make_due(service.engine)
            t0 = time.perf_counter()
            warm = await poller.run_until_idle()
            results["warm_s"] = time.perf_counter() - t0
            results["warm_statuses"] = sorted({o.status for o in warm})
            results["warm_feeds"] = len(warm)
            # c0: the same warm run with the default politeness of a real public host.
            fetcher = poller.processor.fetcher
            configured, defaults = fetcher.politeness, IngestSettings.model_fields
            fetcher.politeness = HostPoliteness(
                defaults["host_max_concurrent"].default, defaults["host_min_gap_s"].default
            )
            feedstore.make_due(service.engine)
            t0 = time.perf_counter()
            polite = await poller.run_until_idle()
            results["warm_default_politeness_s"] = time.perf_counter() - t0
            results["warm_default_politeness_feeds"] = len(polite)
            fetcher.politeness = configured
            conn.send(("latency", 0.05))
            conn.recv()
            feedstore.make_due(service.engine)
            t0 = time.perf_counter()
            slow = await poller.run_until_idle()
            results["latency_s"] = time.perf_counter() - t0
            results["latency_feeds"] = len(slow)
            # d0: the same with the default politeness of a real public host.
            fetcher.politeness = HostPoliteness(
                defaults["host_max_concurrent"].default, defaults["host_min_gap_s"].default
            )
            feedstore.make_due(service.engine)
            t0 = time.perf_counter()
            slow = await poller.run_until_idle()
            results["latency_default_politeness_s"] = time.perf_counter() - t0
            results["latency_default_politeness_feeds"] = len(slow)
            fetcher.politeness = configured
            conn.send(("latency", 0.0))
            conn.recv()
            results["rss_main_mb"] = peak_rss_mb()
            executor = poller.parse_pool._executor
            processes = getattr(executor, "_processes", {}) or {}
            results["rss_workers_mb"] = [peak_rss_mb(pid) for pid in processes]
        finally:
            await service.on_shutdown()
            await service.broker.stop()
        return results

    conn.send(("result", asyncio.run(run())))


def big_phase(
    urls: list[str],
    etags: list[str],
    cold_every: int,
    workdir: str,
    host_min_gap_s: float,
    conn: Any,
) -> None:
    """Child process: 10,000 feeds, most warm (validators seeded), some cold; peak RSS."""
    global HOST_MIN_GAP_S
    HOST_MIN_GAP_S = host_min_gap_s
    from sqlalchemy import update
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.poller import FeedPoller
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.logging import configure_logging

    configure_logging("WARNING")
    engine = make_engine(f"sqlite:///{workdir}/big.db")
    upgrade(engine)
    feedstore.add_feeds(engine, [(u, "") for u in urls])
    with engine.begin() as db:
        for index, etag in enumerate(etags):
            if index % cold_every:
                db.execute(
                    update(feedstore.FEED).where(feedstore.FEED.c.id == index + 1).values(etag=etag)
                )

    async def publish(items: Any) -> None:
        return None

    async def run() -> dict[str, Any]:
        poller = FeedPoller(engine, _settings(f"sqlite:///{workdir}/big.db", None), publish)
        await poller.start()
        t0 = time.perf_counter()
        outcomes = await poller.run_until_idle()
        elapsed = time.perf_counter() - t0
        processes = getattr(poller.parse_pool._executor, "_processes", {}) or {}
        workers = [peak_rss_mb(pid) for pid in processes]
        await poller.aclose()
        statuses: dict[str, int] = {}
        for outcome in outcomes:
            statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        return {
            "feeds": len(outcomes),
            "seconds": elapsed,
            "statuses": statuses,
            "rss_main_mb": peak_rss_mb(),
            "rss_workers_mb": workers,
        }

    conn.send(("result", asyncio.run(run())))


def run_child(target: Any, *args: Any, server: Any = None) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=target, args=(*args, child))
    process.start()
    while True:
        message = parent.recv()
        if message[0] == "result":
            process.join()
            return dict(message[1])
        assert server is not None
        server.send(message)  # relay a command (latency) to the feed server
        parent.send(server.recv())


def reader_rates(urls: list[str], workdir: str) -> dict[str, float]:
    from reader import make_reader

    reader = make_reader(f"{workdir}/reader.sqlite")
    for url in urls:
        reader.add_feed(url)
    # scheduled=False: update every feed now (the default skips feeds not yet due).
    t0 = time.perf_counter()
    reader.update_feeds(scheduled=False)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    reader.update_feeds(scheduled=False)
    warm = time.perf_counter() - t0
    entries = reader.get_entry_counts().total or 0
    reader.close()
    return {"cold_fps": len(urls) / cold, "warm_fps": len(urls) / warm, "entries": entries}


def write_opml(urls: list[str], path: Path) -> None:
    from wirewatch_ingest.opml import OpmlFeed, render_opml

    path.write_text(render_opml(OpmlFeed(u, f"f{i}") for i, u in enumerate(urls)))


def timed(cmd: list[str], env: dict[str, str], timeout: float) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, timeout=timeout, capture_output=True)
    return time.perf_counter() - t0


def feed2exec_rates(urls: list[str], workdir: str) -> dict[str, Any]:
    exe = shutil.which("feed2exec", path=str(REPO / ".venv" / "bin"))
    if exe is None:
        return {"error": "feed2exec not installed"}
    opml = Path(workdir) / "f2e.opml"
    write_opml(urls, opml)
    base = [exe, "--config", f"{workdir}/f2e.ini", "--database", f"{workdir}/f2e.db"]
    env = {**os.environ, "HOME": workdir}
    try:
        subprocess.run([*base, "import", str(opml)], check=True, env=env, capture_output=True)
        cold = timed([*base, "fetch"], env, 900)
        warm = timed([*base, "fetch"], env, 900)
    except (subprocess.SubprocessError, OSError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}
    return {"cold_fps": len(urls) / cold, "warm_fps": len(urls) / warm}


def rss2email_rates(urls: list[str], workdir: str) -> dict[str, Any]:
    exe = shutil.which("r2e", path=str(REPO / ".venv" / "bin"))
    if exe is None:
        return {"error": "rss2email not installed"}
    opml = Path(workdir) / "r2e.opml"
    write_opml(urls, opml)
    base = [exe, "-c", f"{workdir}/r2e.cfg", "-d", f"{workdir}/r2e.json"]
    env = {**os.environ, "HOME": workdir}
    try:
        subprocess.run(
            [*base, "new", "bench@example.org"], check=True, env=env, capture_output=True
        )
        subprocess.run([*base, "opmlimport", str(opml)], check=True, env=env, capture_output=True)
        cold = timed([*base, "run", "--no-send"], env, 900)
        warm = timed([*base, "run", "--no-send"], env, 900)
    except (subprocess.SubprocessError, OSError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}
    return {"cold_fps": len(urls) / cold, "warm_fps": len(urls) / warm}


# --- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10_000, help="feeds for the RSS run (0: skip)")
    parser.add_argument("--hosts", type=int, default=250, help="loopback hosts to spread feeds on")
    parser.add_argument("--no-peers", action="store_true", help="skip reader/feed2exec/rss2email")
    parser.add_argument(
        "--peers", default="reader,feed2exec,rss2email", help="comma-separated peers to run"
    )
    parser.add_argument("--quick", action="store_true", help="300 feeds, no 10k run, no peers")
    parser.add_argument(
        "--host-min-gap",
        type=float,
        default=HOST_MIN_GAP_S,
        help="WIREWATCH_HOST_MIN_GAP_S for the bench's own server (default %(default)s; "
        "the product default for real hosts is 0.25)",
    )
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.big, args.no_peers = 300, 0, True

    from wirewatch_shared.embedded import EmbeddedBroker, free_port

    bodies = build_bodies(args.feeds)
    hosts = host_addresses(args.hosts)
    port = free_port()
    ctx = multiprocessing.get_context("spawn")
    server_conn, child_conn = ctx.Pipe()
    server = ctx.Process(target=serve, args=(bodies, hosts, port, child_conn), daemon=True)
    server.start()
    server_conn.recv()
    urls = [f"http://{hosts[i % len(hosts)]}:{port}/f/{i}" for i in range(args.feeds)]
    results: dict[str, Any] = {
        "feeds": args.feeds,
        "hosts": args.hosts,
        "mean_body_kb": sum(map(len, bodies)) / len(bodies) / 1024,
        "cpus": os.cpu_count(),
        "host_min_gap_s": args.host_min_gap,
        "load_before": os.getloadavg(),
        "code": code_under_test(),
    }
    print(f"{args.feeds} feeds, mean {results['mean_body_kb']:.1f} KB, on {args.hosts} hosts")
    print("code under test:", json.dumps(results["code"]))

    parse = time_raw_feedparser(bodies)
    results["parse"] = parse
    print(f"raw feedparser: {args.feeds / parse['raw']:.1f} feeds/s; parse_feed: "
          f"{args.feeds / parse['parse_feed']:.1f} feeds/s")  # fmt: skip

    with tempfile.TemporaryDirectory() as workdir, EmbeddedBroker() as broker:
        results["wirewatch"] = run_child(
            wirewatch_phases,
            urls,
            broker.bootstrap,
            workdir,
            args.host_min_gap,
            server=server_conn,
        )
        print("wirewatch:", json.dumps(results["wirewatch"]))
    if not args.no_peers:
        peers = {"reader": reader_rates, "feed2exec": feed2exec_rates, "rss2email": rss2email_rates}
        for name in args.peers.split(","):
            fn = peers[name.strip()]
            with tempfile.TemporaryDirectory() as workdir:
                try:
                    results[name] = fn(urls, workdir)
                except Exception as exc:  # a peer failing must not sink the bench
                    results[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
            print(f"{name}:", json.dumps(results[name]))
    if args.big:
        big_urls = [f"http://{hosts[i % len(hosts)]}:{port}/f/{i}" for i in range(args.big)]
        etags = [
            f'"{hashlib.sha1(bodies[i % len(bodies)]).hexdigest()[:16]}"' for i in range(args.big)
        ]
        with tempfile.TemporaryDirectory() as workdir:
            results["big"] = run_child(big_phase, big_urls, etags, 10, workdir, args.host_min_gap)
        print("10k:", json.dumps(results["big"]))
    server_conn.send(("stop",))
    server.join(timeout=5)
    report(results)


def report(results: dict[str, Any]) -> None:
    n = results["feeds"]
    parse = results["parse"]
    ww = results["wirewatch"]
    raw_fps = n / parse["raw"]
    cold_fps = ww["cold_feeds"] / ww["cold_s"]
    warm_fps = ww["warm_feeds"] / ww["warm_s"]
    polite_fps = ww["warm_default_politeness_feeds"] / ww["warm_default_politeness_s"]
    polite_latency_fps = ww["latency_default_politeness_feeds"] / ww["latency_default_politeness_s"]
    gap = results["host_min_gap_s"]
    latency_fps = ww["latency_feeds"] / ww["latency_s"]
    rows: list[tuple[str, str, str, str]] = [
        ("a raw feedparser.parse, 1 process", f"{raw_fps:.1f} feeds/s", "baseline", ""),
        ("b Wirewatch cold (200, publish to Tansu)", f"{cold_fps:.1f} feeds/s",
         f"{cold_fps / raw_fps:.2f}x a", "goal >= 1.4x"),
        ("c Wirewatch warm (304)", f"{warm_fps:.0f} feeds/s", f"host gap {gap:g} s (set)", ""),
        ("c0 Wirewatch warm, default politeness", f"{polite_fps:.0f} feeds/s",
         "2 per host, 0.25 s gap", ""),
        ("d Wirewatch warm, 50 ms latency", f"{latency_fps:.0f} feeds/s",
         f"host gap {gap:g} s (set)", "goal >= 500 feeds/s"),
        ("d0 Wirewatch warm, 50 ms, default politeness", f"{polite_latency_fps:.0f} feeds/s",
         "2 per host, 0.25 s gap", ""),
    ]  # fmt: skip
    for peer in ("reader", "feed2exec", "rss2email"):
        data = results.get(peer)
        if not data:
            continue
        if "error" in data:
            rows.append((f"c {peer} warm", "n/a", data["error"][:60], ""))
            continue
        rows.append((f"c {peer} warm (cold {data['cold_fps']:.1f}/s)",
                     f"{data['warm_fps']:.0f} feeds/s",
                     f"Wirewatch {warm_fps / data['warm_fps']:.2f}x",
                     "goal >= 2x" if peer == "reader" else ""))  # fmt: skip
    big = results.get("big")
    rss_main, rss_workers = ww["rss_main_mb"], max(ww["rss_workers_mb"] or [0])
    if big:
        rss_main = max(rss_main, big["rss_main_mb"])
        rss_workers = max(rss_workers, max(big["rss_workers_mb"] or [0]))
        rows.append((f"e {big['feeds']} feeds ({big['statuses']})",
                     f"{big['feeds'] / big['seconds']:.0f} feeds/s", "", ""))  # fmt: skip
    rows.append(("e peak RSS per process", f"main {rss_main:.0f} MB",
                 f"parser {rss_workers:.0f} MB", "goal <= 150 MB"))  # fmt: skip
    rows.append(("f parse_feed / feedparser.parse (default)",
                 f"{parse['parse_feed'] / parse['raw']:.2f}x", "", "goal <= 1.25x"))  # fmt: skip
    rows.append(("f parse_feed / feedparser.parse (same flags)",
                 f"{parse['parse_feed'] / parse['raw_same_flags']:.2f}x",
                 "sanitize_html=False, resolve_relative_uris=False", ""))  # fmt: skip
    rows.append(("CPU per cold feed (all ingest processes)",
                 f"{ww['cold_cpu_s'] / ww['cold_feeds'] * 1000:.1f} ms",
                 f"raw feedparser.parse {parse['raw_cpu'] / n * 1000:.1f} ms", ""))  # fmt: skip
    rows.append(("items: entries / distinct / published",
                 f"{ww['entries']} / {parse['distinct']} / {ww['published']}",
                 f"store: {ww['published_in_store']} published", ""))  # fmt: skip
    code = results["code"]
    rows.append(("code under test", f"{code['commit']}{' +edits' if code['dirty'] else ''}",
                 code["tree"], ""))  # fmt: skip
    rows.append(("load average (1 min) before the run", f"{results['load_before'][0]:.1f}", "",
                 "other sessions share these 2 cores"))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    for problem in run_problems(results):
        print("WARNING:", problem)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(results, indent=1, default=str))


def run_problems(results: dict[str, Any]) -> list[str]:
    """Why the run's figures are not those of this checkout's code, or do not add up:
    the cold run publishes every distinct item once, and the store agrees."""
    ww, code, problems = results["wirewatch"], results["code"], []
    if code["tree"] != code["bench_tree"]:
        problems.append(f"ingest code from {code['tree']}, not this checkout {code['bench_tree']}")
    if ww["published"] != results["parse"]["distinct"]:
        problems.append(
            f"published {ww['published']} != {results['parse']['distinct']} distinct items "
            f"parsed by this process's code (cold statuses {ww['cold_statuses']})"
        )
    if ww["published_in_store"] != ww["published"]:
        problems.append(f"the store marks {ww['published_in_store']} published")
    results["problems"] = problems
    return problems


if __name__ == "__main__":
    main()
