"""Helpers of the notify command modules: the notify database and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.cli.common import open_database

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from wirewatch_notify.settings import NotifySettings


def notify_engine(database_url: str | None) -> Engine:
    """The database, at this release's schema."""
    return open_database(database_url)


def notify_settings() -> NotifySettings:
    from wirewatch_notify.settings import NotifySettings

    return NotifySettings()
