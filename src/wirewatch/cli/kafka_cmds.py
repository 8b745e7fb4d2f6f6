"""``wirewatch kafka-topics create``: Wirewatch's streams on a real Kafka cluster."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from wirewatch.cli.errors import UserError
from wirewatch.cli.progress import Steps

app = typer.Typer(help="Kafka topics.", no_args_is_help=True)


Timeout = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0.1,
        help="How long to wait for the cluster to answer (s); it may still be starting.",
    ),
]


@app.command("create")
def kafka_topics_create(timeout: Timeout = 30.0) -> None:
    """Create Wirewatch's topics on WIREWATCH_KAFKA_BOOTSTRAP (idempotent)."""
    from wirewatch_shared.kafka_admin import ensure_streams
    from wirewatch_shared.settings import CommonSettings

    settings = CommonSettings()
    if not settings.kafka_bootstrap:
        raise UserError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
    try:
        with Steps(f"waiting for Kafka at {settings.kafka_bootstrap} (up to {timeout:g} s)"):
            created = asyncio.run(
                ensure_streams(
                    settings.kafka_bootstrap,
                    partitions=settings.topic_partitions,
                    replication=settings.topic_replication,
                    timeout_s=timeout,
                )
            )
    except ConnectionError as exc:
        raise UserError(f"{exc} (WIREWATCH_KAFKA_BOOTSTRAP)") from exc
    typer.echo(f"created: {', '.join(created) or 'nothing (all exist)'}")
