"""Errors the CLI reports as one line, without a traceback."""


class UserError(Exception):
    """Bad input or an impossible request; the message says what to fix."""
