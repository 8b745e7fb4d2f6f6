"""Transient or permanent: what a consumer does when processing a batch fails.

*Transient* failures (the database or broker unreachable, a lost connection, a
timeout, a serialization failure or deadlock) pass: the batch is retried with
backoff, nothing is skipped. *Permanent* ones are a property of one record (a value
the database refuses, an integrity violation, invalid data): retrying cannot help, so
the record goes to the dead-letter topic and the others are processed. An error that
is neither is treated as transient: better a stalled partition that says why on
every retry than records dead-lettered by an outage nobody classified.

:class:`Backoff` keeps the logs bounded: the first failure of a run is logged with its
traceback, each retry after it with one line.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from pydantic import ValidationError
from sqlalchemy import exc as sa

from wirewatch_shared.logging import get_logger

log = get_logger(__name__)

_TRANSIENT_SQLSTATE_CLASSES = ("08", "40", "53", "57", "58")
"""Connection exception, transaction rollback (serialization failure, deadlock),
insufficient resources, operator intervention (admin shutdown), system error."""


def _sqlstate(error: sa.DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", "") or "")


def is_transient(error: BaseException) -> bool:
    """True when the same work may succeed later (retry); False for a bad record."""
    if isinstance(error, sa.DBAPIError):
        if error.connection_invalidated:
            return True
        state = _sqlstate(error)
        if state:
            return state[:2] in _TRANSIENT_SQLSTATE_CLASSES or not is_permanent(error)
        return isinstance(error, sa.OperationalError | sa.InterfaceError | sa.InternalError)
    return not is_permanent(error)


def is_permanent(error: BaseException) -> bool:
    """True for an error that one record causes and that no retry can clear."""
    if isinstance(error, sa.DBAPIError):
        state = _sqlstate(error)
        if state:
            return state[:2] in ("22", "23")  # data exception, integrity constraint violation
        return isinstance(error, sa.DataError | sa.IntegrityError)
    if isinstance(error, sa.StatementError):  # a parameter the driver cannot send
        return error.orig is not None and is_permanent(error.orig)
    return isinstance(
        error, ValidationError | ValueError | TypeError | UnicodeError | OverflowError
    ) and not isinstance(error, ConnectionError | TimeoutError)


@dataclass
class Backoff:
    """Exponential backoff between retries of a failing batch, with bounded logs."""

    base_s: float = 0.5
    cap_s: float = 30.0
    failures: int = field(default=0)

    def failed(self, what: str, error: BaseException, **context: object) -> float:
        """Log the failure (traceback only for the first of a run); the delay to wait."""
        self.failures += 1
        delay = min(self.cap_s, self.base_s * 2.0 ** (self.failures - 1))
        if self.failures == 1:
            trace = "".join(traceback.format_exception(error))
            log.error(what, retry_in_s=delay, traceback=trace, **context)
        else:
            first_line = (str(error).splitlines() or [""])[0][:300]
            log.warning(
                what,
                attempt=self.failures,
                retry_in_s=delay,
                error=f"{type(error).__name__}: {first_line}",
                **context,
            )
        return delay

    def succeeded(self) -> None:
        if self.failures:
            log.info("recovered", after_failures=self.failures)
        self.failures = 0
