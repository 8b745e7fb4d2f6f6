"""Errors the CLI reports as one line, without a traceback.

Exit codes: 2 for bad input (``UserError``: the message says what to fix), 1 when the
input is well-formed but names something that does not exist (``NotFound``: an unknown
subscription, delivery, feed, token or topic id).
"""


class UserError(Exception):
    """Bad input or an impossible request; the message says what to fix."""

    exit_code = 2


class NotFound(UserError):
    """The id or name given does not exist (exit 1, like a failed lookup)."""

    exit_code = 1
