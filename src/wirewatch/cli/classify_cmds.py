"""Classify commands (owned by the classify work)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
