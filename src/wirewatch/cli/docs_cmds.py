"""``wirewatch asyncapi``: print the AsyncAPI document of the Kafka streams (no files written)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

app = typer.Typer()

Indent = Annotated[int, typer.Option("--indent", min=0, help="JSON indentation (0: one line).")]


@app.command("asyncapi")
def asyncapi(indent: Indent = 2) -> None:
    """Print the AsyncAPI 3.0 document of Wirewatch's streams (also served at /asyncapi.json):
    payload schemas, keys, producers and consumer groups. Writes nothing."""
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.asyncapi import build_document
    from wirewatch.cli.common import kafka_bootstrap

    settings = CommonSettings()
    document = build_document(
        kafka_bootstrap=kafka_bootstrap(),
        partitions=settings.topic_partitions,
        replicas=settings.topic_replication,
    )
    typer.echo(json.dumps(document, indent=indent or None, ensure_ascii=False))
