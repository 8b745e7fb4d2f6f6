"""Structured logging (structlog) shared by every service.

Log calls carry context as key/values (``feed_id=``, ``item_id=``,
``subscription_id=``); secrets never go into a log call.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

import structlog

# Third-party chatter: at WARNING unless debugging. kafka-python's slow-task notice
# ("Task ... ran for 0.112s (>0.100s threshold)") is a WARNING that fires whenever the
# process is busy elsewhere (the model loading at start-up); it reports no fault of the
# client's or ours, and newcomers read it as one, so it shows only when debugging.
QUIET_LOGGERS: dict[str, int] = {
    "aiokafka": logging.WARNING,
    "kafka": logging.WARNING,
    "kafka.net.selector": logging.ERROR,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "mail.log": logging.WARNING,
    "uvicorn.access": logging.WARNING,
    # "setup plugin alembic.autogenerate..." once per plugin on every start; the
    # migrations themselves ("Running upgrade ...") stay at INFO.
    "alembic.runtime.plugins": logging.WARNING,
}


ALEMBIC_CHATTER = frozenset({"Context impl %s.", "Will assume %s DDL."})
"""What Alembic logs at INFO each time it sets up a migration context (three times on a
fresh start): "Context impl SQLiteImpl.", "Will assume non-transactional DDL.". Its
"Running upgrade A -> B, ..." lines (the same logger) say which migrations ran, and stay."""


class DropAlembicChatter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in ALEMBIC_CHATTER or record.levelno > logging.INFO


logging.getLogger("alembic.runtime.migration").addFilter(DropAlembicChatter())


class DropTaskCallbackNotes(logging.Filter):
    """FastStream logs "callback for Task-125 is being executed..." at INFO for each
    consumer task that ends, i.e. once per consumer at every stop: a note about its own
    task supervisor, not about the service. Its errors (WARNING and up) pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or not isinstance(record.msg, str):
            return True
        return not (
            record.msg.startswith("callback for ") and record.msg.endswith(" is being executed...")
        )


REPEAT_WINDOW_S = 30.0
"""How long a Kafka client's repeated log line stays folded (see :class:`FoldRepeats`)."""


class FoldRepeats(logging.Filter):
    """One line per kind of Kafka client message and window, not one per retry.

    While a broker is down, aiokafka logs every refused connection, metadata refresh,
    fetch, heartbeat and produce retry (~80 ERROR lines a second per service). The first
    record of each kind (logger, level, message template) shows; its repeats within
    ``window_s`` are counted, and the next one that shows says how many were not."""

    _MAX_KINDS = 1000  # a bound: a client formatting its own text makes a kind per line

    def __init__(
        self,
        prefixes: tuple[str, ...] = ("aiokafka",),
        window_s: float = REPEAT_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.prefixes = prefixes
        self.window_s = window_s
        self.clock = clock
        self._kinds: dict[tuple[str, int, object], tuple[float, int]] = {}

    def _folds(self, name: str) -> bool:
        return any(name == p or name.startswith(f"{p}.") for p in self.prefixes)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._folds(record.name):
            return True
        kind = (record.name, record.levelno, record.msg)
        now = self.clock()
        shown_at, folded = self._kinds.get(kind, (None, 0))
        if shown_at is not None and now - shown_at < self.window_s:
            self._kinds[kind] = (shown_at, folded + 1)
            return False
        if len(self._kinds) >= self._MAX_KINDS:
            self._kinds.clear()
        self._kinds[kind] = (now, 0)
        if folded:
            record.msg = f"{record.msg} ({folded} more like it in {self.window_s:g} s not shown)"
        return True


def configure_logging(level: str = "INFO", *, json: bool = False) -> None:
    """Route stdlib and structlog output through one renderer on stderr."""
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer()
        if json
        # The plain stack: the default (rich) shows every frame's variables, and a frame
        # may hold a decrypted webhook secret, a Slack URL or a password.
        else structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
        )
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    handler.addFilter(DropTaskCallbackNotes())
    if level != "DEBUG":  # debugging shows every retry
        handler.addFilter(FoldRepeats())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, quiet in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(quiet if level != "DEBUG" else logging.DEBUG)


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(name)
    return logger
