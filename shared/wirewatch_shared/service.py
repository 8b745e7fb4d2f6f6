"""The lifecycle every service shares: a FastStream app over the service's broker.

A service subclasses :class:`ServiceBase`, sets ``settings`` and ``broker`` and
overrides the hooks it needs (``on_startup`` first calls the base, which creates the
pipeline's streams). ``wirewatch up``, ``wirewatch service NAME`` and
``faststream run wirewatch_<name>.app:create_app --factory`` all run ``build_app()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from faststream import FastStream
from faststream.kafka import KafkaBroker

from wirewatch_shared.broker import ensure_service_streams
from wirewatch_shared.logging import configure_logging
from wirewatch_shared.settings import CommonSettings

S = TypeVar("S", bound=CommonSettings)


class ServiceBase(Generic[S]):
    """Start-up and shutdown hooks around one broker; every hook may be overridden."""

    settings: S
    broker: KafkaBroker

    async def on_startup(self) -> None:
        """Before the broker starts: the streams exist (whichever service starts first
        finds none)."""
        await ensure_service_streams(self.settings)

    async def after_startup(self) -> None:
        """After the broker started (consumers subscribed)."""

    async def on_shutdown(self) -> None:
        """Before the broker stops."""

    async def after_shutdown(self) -> None:
        """After the broker stopped (nothing is consumed any more)."""

    def build_app(self) -> FastStream:
        return FastStream(
            self.broker,
            on_startup=[self.on_startup],
            after_startup=[self.after_startup],
            on_shutdown=[self.on_shutdown],
            after_shutdown=[self.after_shutdown],
        )


def service_app(service: Callable[[S], ServiceBase[S]], settings: S) -> FastStream:
    """The app of one service with logging configured from its settings (what each
    service's ``create_app`` factory returns)."""
    configure_logging(settings.log_level, json=settings.log_json)
    return service(settings).build_app()
