"""``wirewatch kafka-topics create``: Wirewatch's streams on a real Kafka cluster."""

from __future__ import annotations

import typer

from wirewatch.cli.errors import UserError

app = typer.Typer(help="Kafka topics.", no_args_is_help=True)


@app.command("create")
def kafka_topics_create() -> None:
    """Create Wirewatch's topics on WIREWATCH_KAFKA_BOOTSTRAP (idempotent)."""
    from wirewatch_shared.broker import ensure_streams
    from wirewatch_shared.settings import CommonSettings

    settings = CommonSettings()
    if not settings.kafka_bootstrap:
        raise UserError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
    try:
        created = ensure_streams(
            settings.kafka_bootstrap,
            partitions=settings.topic_partitions,
            replication=settings.topic_replication,
        )
    except ConnectionError as exc:
        raise UserError(str(exc)) from exc
    typer.echo(f"created: {', '.join(created) or 'nothing (all exist)'}")
