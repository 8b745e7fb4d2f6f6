"""Helpers shared by the command modules."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.settings import CommonSettings


def engine_from_settings(database_url: str | None = None) -> Engine:
    return make_engine(database_url or CommonSettings().database_url)
