"""Errors the CLI reports as one line, without a traceback.

Exit codes: 2 for bad input (``UserError``: the message says what to fix), 1 when the
input is well-formed but names something that does not exist (``NotFound``: an unknown
subscription, delivery, feed, token or topic id).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class UserError(Exception):
    """Bad input or an impossible request; the message says what to fix."""

    exit_code = 2


class NotFound(UserError):
    """The id or name given does not exist (exit 1, like a failed lookup)."""

    exit_code = 1


@contextmanager
def reported_as_user_error(*errors: type[Exception]) -> Iterator[None]:
    """Inside: ``errors`` (a library's own bad-input errors, whose message already says
    what is wrong) become a :class:`UserError` with that message."""
    try:
        yield
    except errors as exc:
        raise UserError(str(exc)) from exc
