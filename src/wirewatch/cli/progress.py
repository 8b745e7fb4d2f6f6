"""Progress for long CLI work (rich), shown only on a terminal: piped or redirected
output stays plain and machine-readable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.status import Status

T = TypeVar("T")


class Advance(Protocol):
    """Count ``n`` (default 1) more units of work done."""

    def __call__(self, n: int = 1) -> None: ...


def stderr_console() -> Console:
    """Progress goes to stderr, so stdout carries only results (JSON lines, tables)."""
    return Console(stderr=True, soft_wrap=True)


class Steps:
    """A spinner with the current step, on a terminal only.

    ``step(text)`` updates it; ``done()`` removes it (e.g. once a server is ready, while
    the command goes on running); leaving the ``with`` block removes it too.
    """

    def __init__(self, title: str, console: Console | None = None) -> None:
        self.title = title
        self.console = console or stderr_console()
        self._status: Status | None = None

    def __enter__(self) -> Steps:
        if self.console.is_terminal:
            self._status = self.console.status(self.title)
            self._status.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done()

    def step(self, text: str) -> None:
        if self._status is not None:
            self._status.update(f"{self.title}: {text}")

    def done(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None


@contextmanager
def counting(
    title: str, total: int | None = None, console: Console | None = None
) -> Iterator[Advance]:
    """A bar (or a spinner with a count when ``total`` is unknown); yields ``advance(n)``."""
    console = console or stderr_console()
    if not console.is_terminal:

        def ignore(n: int = 1) -> None:
            return None

        yield ignore
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if total is None:
        columns = [SpinnerColumn(), TextColumn("{task.description}: {task.completed}")]
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task(title, total=total)

        def advance(n: int = 1) -> None:
            progress.advance(task, n)

        yield advance


def track(items: Iterable[T], title: str, total: int | None = None) -> Iterator[T]:
    """Iterate ``items`` with a progress bar on a terminal."""
    with counting(title, total) as advance:
        for item in items:
            yield item
            advance(1)
