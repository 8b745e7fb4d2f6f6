"""CPU of one webhook send alone (stop 42): the webhook channel as notify builds it
(instrumented, its keep-alive client), a signed alert as the bench item's, POSTed to
``bench/notify_receiver.py`` on 127.0.0.1 (its own process: its CPU is not counted),
``--concurrency`` sends at once. Prints CPU and wall µs per send.

    flock /tmp/bench.lock .venv/bin/python bench/notify_send42/post_cost.py \
        [--sends 5000] [--concurrency 1]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from wirewatch_notify.channels.base import DeliveryRequest
from wirewatch_notify.channels.registry import build_channels
from wirewatch_notify.payloads import alert_envelope, dumps
from wirewatch_notify.secrets import generate_webhook_secret
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch
from wirewatch_shared.instrument import instrument_channels
from wirewatch_shared.logging import configure_logging

RECEIVER = Path(__file__).resolve().parent.parent / "notify_receiver.py"
NOW = datetime.now(UTC)


def _envelope(n: int) -> dict[str, object]:
    """The bench item's alert (as ``send_cost.py`` makes them)."""
    item = FeedItem(
        item_id=f"story-{n}-1",
        feed_id=1,
        feed_url="https://outlet1.example.org/feed.xml",
        feed_title="Outlet 1",
        title=f"Deportation flight story-{n} carrying migrants lands in Caracas, item 1",
        summary="The charter flight carrying Venezuelan deportees landed, officials said.",
        link=f"https://outlet1.example.org/news/2026/12/06/story-{n}-1",
        published=NOW,
        fetched_at=NOW,
        language="en",
    )
    phrase = "Deportation flight"
    evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="flight")
    match = TopicMatch(topic="flights", score=0.9, evidence=(evidence,), rules=("flight",))
    classified = ClassifiedItem(item=item, matches=(match,), classified_at=NOW)
    return alert_envelope(classified, classified.matches, now=NOW)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(port: int, deadline_s: float = 15.0) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"receiver not listening on {port}")


async def run(args: argparse.Namespace, port: int) -> None:
    settings = NotifySettings(
        database_url="sqlite://",
        kafka_bootstrap="127.0.0.1:9",
        secret_key="b" * 44,
        log_level="WARNING",
        notify_allow_private_networks=True,
    )
    configure_logging(settings.log_level)
    channels = instrument_channels(build_channels(settings))
    webhook = channels["webhook"]
    secret = generate_webhook_secret()
    target = f"http://127.0.0.1:{port}/hook"
    requests = []
    for n in range(args.sends + 200):
        envelope = _envelope(n)
        payload = dumps(envelope)
        requests.append(
            DeliveryRequest(
                message_id=f"msg_{n:026d}",
                target=target,
                envelope=envelope,
                body=payload.encode(),
                secrets=(secret,),
            )
        )
    queue = iter(requests[200:])

    async def sender() -> None:
        for request in queue:
            await webhook.send(request)

    for request in requests[:200]:  # warm: the connections, the first imports
        await webhook.send(request)
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(args.concurrency)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    for channel in channels.values():
        await channel.aclose()
    print(
        f"{args.sends} sends, {args.concurrency} at once: CPU {cpu / args.sends * 1e6:.0f} "
        f"µs/send, wall {wall / args.sends * 1e6:.0f} µs/send"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sends", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    port = _free_port()
    receiver = subprocess.Popen([sys.executable, str(RECEIVER), str(port)])
    try:
        _wait_listening(port)
        asyncio.run(run(args, port))
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)


if __name__ == "__main__":
    main()
