"""Options and helpers shared by the command modules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.settings import CommonSettings

from wirewatch.runtime import Runtime

DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="Default: WIREWATCH_DATABASE_URL.")
]
"""``--database-url``, accepted by every command that reads or writes the database."""

TopicsDir = Annotated[
    Path | None,
    typer.Option(
        "--topics-dir",
        envvar="WIREWATCH_CLASSIFY_TOPICS_DIR",
        help="Topic files overriding or extending the shipped ones.",
    ),
]
"""``--topics-dir``: classification topic files that override or extend the shipped ones."""


def engine_from_settings(database_url: str | None = None) -> Engine:
    return make_engine(database_url or CommonSettings().database_url)


def running_system() -> Runtime | None:
    """The `wirewatch up` running on this data dir (from its runtime file), if any."""
    from wirewatch.runtime import read_runtime

    return read_runtime(CommonSettings().data_dir)


def kafka_bootstrap() -> str | None:
    """WIREWATCH_KAFKA_BOOTSTRAP, else the broker of the running `wirewatch up`."""
    configured = CommonSettings().kafka_bootstrap
    if configured:
        return configured
    runtime = running_system()
    return runtime.kafka_bootstrap if runtime is not None else None
