"""A crash of `wirewatch up` leaves nothing running, and the next start is ready and loses nothing.

Children die with their parent (prctl parent-death signal), the data directory is
locked while used, a start after a crash stops whatever a crashed run left, and the
embedded broker and SeaweedFS re-choose a port taken between choosing and binding.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from wirewatch_shared.embedded import EmbeddedBroker, answers_kafka

from tests.ops.conftest import FEED
from tests.support.env import WIREWATCH
from tests.support.http import HttpReceiver, Reply
from tests.support.listening import served_url
from wirewatch.ops.datadir import (
    DataDirInUse,
    DataDirLock,
    process_start_time,
    processes_naming,
)
from wirewatch.ops.durable import DurableModeUnavailable, LocalS3, weed_binary

RESTART_VS_FIRST_START = 2.0
"""A restart after kill -9 is ready about as fast as a first start (measured in the same
run, so a busy machine slows both): nothing the crash left behind holds it up. On an idle
2-core machine both take about 15 s (docs/operations.md), within the 30 s goal. 2x, not
1.5x: the load of a shared host changes between the two starts (a CI run beside two
benchmarks: 14.1 s then 29.3 s); what the bound catches, a start held by a leftover lock or
process until some timeout, takes a minute or more."""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _descendants(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {p for p in found if _alive(p)}


def _wait(predicate: object, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.05)


@pytest.fixture
def linux_proc() -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs Linux /proc")


def test_a_lifeline_child_dies_with_a_killed_parent(linux_proc: None, tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from wirewatch_shared import lifeline\n"
        "child = lifeline.popen(['sleep', '300'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(300)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    _wait(lambda: not _alive(child), 5, "the child outlived its killed parent")


def test_a_second_start_on_a_used_data_directory_refuses_with_one_line(tmp_path: Path) -> None:
    holder = DataDirLock(tmp_path)
    holder.acquire()
    try:
        with pytest.raises(DataDirInUse) as refused:
            DataDirLock(tmp_path).acquire()
        message = str(refused.value)
        assert "\n" not in message
        assert str(tmp_path) in message and f"pid {os.getpid()}" in message
        assert "stop it first" in message
    finally:
        holder.release()
    again = DataDirLock(tmp_path)
    again.acquire()
    again.release()


def test_a_start_stops_processes_left_by_a_crashed_run(linux_proc: None, tmp_path: Path) -> None:
    recorded = subprocess.Popen(["sleep", "300"])
    owned = tmp_path / "s3"
    # A SeaweedFS-like leftover, found by the data directory in its command line.
    naming = subprocess.Popen(["sh", "-c", "sleep 300", "sh", f"-dir={owned}"])
    unrelated = subprocess.Popen(["sleep", "301"])
    try:
        # Popen returns once the child starts exec; its /proc cmdline can read empty for a
        # moment after (the CI run of stop 43 scanned in that window): a real leftover is old.
        _wait(lambda: naming.pid in processes_naming([owned]), 10, "leftover never named")
        start = process_start_time(recorded.pid)
        children = [{"name": "tansu", "pid": recorded.pid, "start": start}]
        (tmp_path / "children.json").write_text(json.dumps(children))
        lock = DataDirLock(tmp_path, owned_paths=(owned,))
        lock.acquire()
        try:
            assert recorded.wait(timeout=10) == -signal.SIGKILL
            assert naming.wait(timeout=10) == -signal.SIGKILL
            assert unrelated.poll() is None
        finally:
            lock.release()
    finally:
        for process in (recorded, naming, unrelated):
            if process.poll() is None:
                process.kill()
                process.wait()


def test_a_reused_pid_is_not_taken_for_a_leftover(linux_proc: None, tmp_path: Path) -> None:
    bystander = subprocess.Popen(["sleep", "300"])
    try:
        start = process_start_time(bystander.pid)
        assert start is not None
        children = [{"name": "tansu", "pid": bystander.pid, "start": start - 1}]
        (tmp_path / "children.json").write_text(json.dumps(children))
        lock = DataDirLock(tmp_path)
        lock.acquire()
        lock.release()
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


@pytest.fixture
def taken_port() -> Iterator[tuple[socket.socket, int]]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    try:
        yield sock, sock.getsockname()[1]
    finally:
        sock.close()


def test_the_embedded_broker_rechooses_a_port_taken_before_it_binds(
    taken_port: tuple[socket.socket, int],
) -> None:
    broker = EmbeddedBroker()
    broker.port = taken_port[1]  # chosen free, then taken by someone else
    with broker:
        assert broker.port != taken_port[1]
        assert answers_kafka(broker.host, broker.port)


@pytest.mark.integration
def test_seaweedfs_rechooses_a_port_taken_before_it_binds(
    taken_port: tuple[socket.socket, int], tmp_path: Path
) -> None:
    try:
        weed_binary()
    except DurableModeUnavailable as exc:
        pytest.skip(str(exc))
    s3 = LocalS3(tmp_path / "s3")
    s3.ports["filer"] = taken_port[1]
    try:
        s3.start()
        assert s3.ports["filer"] != taken_port[1]
        assert httpx.get(f"{s3.endpoint}/tansu", timeout=5, trust_env=False).status_code == 200
    finally:
        s3.stop()


# --- kill -9 of `wirewatch up --durable`, then a restart ---------------------------------


def _up(tmp_path: Path, log_name: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        WIREWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'wirewatch.db'}",
        WIREWATCH_HTTP_PORT="0",
        WIREWATCH_SECRET_KEY="crash-test-secret-key",
        WIREWATCH_SEED_DEFAULT_FEEDS="false",
        WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS="true",
        WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS="true",
        WIREWATCH_POLL_TICK_S="0.2",
        WIREWATCH_MIN_POLL_INTERVAL_S="1",
        WIREWATCH_POLL_INTERVAL_S="1",
        WIREWATCH_MAX_POLL_INTERVAL_S="1",
        WIREWATCH_POLL_JITTER="0",
        WIREWATCH_PARSE_WORKERS="2",
        WIREWATCH_PARSE_INLINE_MAX_BYTES="0",
        WIREWATCH_DELIVERY_TICK_S="0.2",
        WIREWATCH_LOG_LEVEL="WARNING",
    )
    log = (tmp_path / log_name).open("wb")
    return subprocess.Popen(
        [WIREWATCH, "up", "--durable", "--data-dir", str(tmp_path / "data")],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=2, trust_env=False).status_code == 200
    except httpx.HTTPError:
        return False


def _hook_links(web: HttpReceiver) -> list[str]:
    return [json.loads(r.body)["data"]["item"]["link"] for r in web.received("/hook")]


SECOND_ITEM = """<item><title>Second deportation flight to Venezuela departs from Texas</title>
<link>http://example.org/news/second</link><guid>http://example.org/news/second</guid>
<description>A charter flight carrying deportees left for Caracas, officials said.</description>
<pubDate>Wed, 11 Oct 2023 09:00:00 GMT</pubDate></item>
</channel>"""


def _seed(database_url: str, web: HttpReceiver) -> None:
    """The schema, one feed and one webhook subscription to its story's topic."""
    from wirewatch_ingest import feedstore as feed_store
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {
                "topics": ["repatriation-flights"],
                "channel": "webhook",
                "target": web.url("/hook"),
                # every item must arrive: story mode would fold the second flight into the
                # first one's story and rightly send no second alert
                "alert_mode": "item",
            }
        ),
        SecretBox(b"crash-test-secret-key"),
    )
    feed_store.add_feed(engine, web.url("/feed.xml"))
    engine.dispose()


@pytest.mark.integration
def test_kill_9_of_durable_up_then_restart_is_ready_as_fast_and_loses_nothing(
    linux_proc: None, tmp_path: Path
) -> None:
    try:
        weed_binary()
    except DurableModeUnavailable as exc:
        pytest.skip(str(exc))
    web = HttpReceiver()
    web.routes["/feed.xml"] = Reply(200, FEED.encode(), {"content-type": "application/rss+xml"})
    web.routes["/hook"] = Reply(204, b"")
    web.start()
    _seed(f"sqlite:///{tmp_path / 'wirewatch.db'}", web)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        first_started = time.monotonic()
        first = _up(tmp_path, "first.log")
        processes.append(first)
        url = served_url(first, timeout=90)
        _wait(lambda: _ready(url), 90, "the first `up` never got ready")
        first_ready = time.monotonic() - first_started
        _wait(lambda: len(_hook_links(web)) == 1, 30, "no alert from the first `up`")
        children = _descendants(first.pid)
        names = {Path(f"/proc/{p}/exe").resolve().name for p in children}
        assert "weed" in names and len(children) >= 4, names  # broker, weed, parser processes

        first.send_signal(signal.SIGKILL)
        first.wait()
        _wait(
            lambda: not any(_alive(p) for p in children),
            10,
            f"children outlived kill -9: {[p for p in children if _alive(p)]}",
        )
        # A new story appears while Wirewatch is down.
        feed = FEED.replace("</channel>", SECOND_ITEM)
        web.routes["/feed.xml"] = Reply(200, feed.encode(), {"content-type": "application/rss+xml"})

        started = time.monotonic()
        second = _up(tmp_path, "second.log")
        processes.append(second)
        url = served_url(second, timeout=90)
        _wait(lambda: _ready(url) or second.poll() is not None, 90, "never ready")
        ready_after = time.monotonic() - started
        assert second.poll() is None, (tmp_path / "second.log").read_text()
        assert ready_after <= RESTART_VS_FIRST_START * first_ready + 5, (ready_after, first_ready)
        _wait(lambda: "http://example.org/news/second" in _hook_links(web), 30, "story lost")
        assert _hook_links(web)[0] == "http://example.org/news/flights"
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        web.stop()


@pytest.mark.parametrize("reply", [b"\x00\x00\x00\x02ok", b"\xff\xff\xff\xfe", b"HTTP/1.1 400 Bad"])
def test_a_port_that_answers_something_else_is_not_kafka(reply: bytes) -> None:
    """Another program on the broker's port (a short or nonsense answer) is "not Kafka",
    never a struct.error out of the readiness probe."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)

        def answer() -> None:
            conn, _ = server.accept()
            with conn:
                conn.recv(1024)
                conn.sendall(reply)

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        assert answers_kafka("127.0.0.1", server.getsockname()[1]) is False
        thread.join(timeout=5)
