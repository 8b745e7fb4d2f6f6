"""Helpers of the notify command modules: the notify database and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.cli.common import engine_from_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from wirewatch_notify.settings import NotifySettings


def notify_engine(database_url: str | None) -> Engine:
    """The database, with notify's tables created if missing."""
    from wirewatch_notify.app import create_notify_tables

    engine = engine_from_settings(database_url)
    create_notify_tables(engine)
    return engine


def notify_settings() -> NotifySettings:
    from wirewatch_notify.settings import NotifySettings

    return NotifySettings()
