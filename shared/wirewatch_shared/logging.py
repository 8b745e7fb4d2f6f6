"""Structured logging (structlog) shared by every service.

Log calls carry context as key/values (``feed_id=``, ``item_id=``,
``subscription_id=``); secrets never go into a log call.
"""

from __future__ import annotations

import logging
import sys

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
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, quiet in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(quiet if level != "DEBUG" else logging.DEBUG)


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(name)
    return logger
