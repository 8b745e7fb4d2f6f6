"""Ingest commands: feeds, parse, the ingest service."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
