"""Options and helpers shared by the command modules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.settings import CommonSettings

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
