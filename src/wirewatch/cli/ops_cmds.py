"""Operations: `up` (everything in one process), `service NAME`, `topics create`."""

from __future__ import annotations

import asyncio
from enum import StrEnum

import typer

from wirewatch.cli.errors import UserError


class ServiceName(StrEnum):
    ingest = "ingest"
    classify = "classify"
    notify = "notify"


def run_service(name: ServiceName) -> None:
    """Run one service alone against the configured Kafka (how deployments scale out)."""
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.service_runner import run_single_service

    if not CommonSettings().kafka_bootstrap:
        raise UserError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: a single service needs a Kafka cluster "
            "(use `wirewatch up` for the all-in-one embedded mode)"
        )
    asyncio.run(run_single_service(name.value))


def register(app: typer.Typer) -> None:
    @app.command()
    def up(
        port: int = typer.Option(None, help="HTTP API port (default WIREWATCH_HTTP_PORT)."),
        no_default_feeds: bool = typer.Option(
            False, "--no-default-feeds", help="Do not add the default feeds to an empty DB."
        ),
    ) -> None:
        """Run everything: embedded broker (unless WIREWATCH_KAFKA_BOOTSTRAP is set),
        ingest, classify, notify and the HTTP API. Ctrl-C stops cleanly."""
        from wirewatch.runner import run_until_signalled

        overrides: dict[str, object] = {}
        if port is not None:
            overrides["http_port"] = port
        if no_default_feeds:
            overrides["seed_default_feeds"] = False
        try:
            asyncio.run(run_until_signalled(overrides))
        except OSError as exc:
            raise UserError(f"cannot start: {exc}") from exc

    @app.command("service")
    def service(name: ServiceName = typer.Argument(..., help="ingest, classify or notify")) -> None:
        """Run one service alone against WIREWATCH_KAFKA_BOOTSTRAP."""
        run_service(name)

    topics_app = typer.Typer(help="Kafka topics.", no_args_is_help=True)
    app.add_typer(topics_app, name="kafka-topics")

    @topics_app.command("create")
    def topics_create() -> None:
        """Create Wirewatch's topics on WIREWATCH_KAFKA_BOOTSTRAP (idempotent)."""
        from wirewatch_shared.broker import ensure_topics
        from wirewatch_shared.settings import CommonSettings

        settings = CommonSettings()
        if not settings.kafka_bootstrap:
            raise UserError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
        try:
            created = ensure_topics(
                settings.kafka_bootstrap,
                partitions=settings.topic_partitions,
                replication=settings.topic_replication,
            )
        except ConnectionError as exc:
            raise UserError(str(exc)) from exc
        typer.echo(f"created: {', '.join(created) or 'nothing (all exist)'}")
