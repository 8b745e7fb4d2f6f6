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
import sys
import time
from pathlib import Path

from wirewatch_notify.channels.base import DeliveryRequest
from wirewatch_notify.channels.registry import build_channels
from wirewatch_notify.payloads import alert_envelope, dumps
from wirewatch_notify.secrets import generate_webhook_secret
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.instrument import instrument_channels
from wirewatch_shared.logging import configure_logging

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notify_cpu41"))
from item_cost import NOW, bench_item
from send_cost import with_receiver


def _envelope(n: int) -> dict[str, object]:
    """The bench item's alert (``item_cost.bench_item``, as ``send_cost.py`` sends them)."""
    classified = bench_item(f"story-{n}")
    return alert_envelope(classified, classified.matches, now=NOW)


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
    with_receiver(lambda port: run(args, port))


if __name__ == "__main__":
    main()
