"""The shared logging set-up: what a user sees on stderr at the default level."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
import structlog
from wirewatch_shared.logging import QUIET_LOGGERS, configure_logging, get_logger


@pytest.fixture
def info_logging(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Wirewatch's real set-up at INFO, restored afterwards (it is process-wide); after
    capsys, so its handler writes to the captured stderr."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    configure_logging("INFO")
    try:
        yield
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        structlog.reset_defaults()


def test_default_level_hides_client_chatter_but_not_faults(
    info_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # kafka-python's own slow-task notice, worded as it logs it.
    logging.getLogger("kafka.net.selector").warning(
        "Task %r ran for %.3fs (>%.3fs threshold).", "poll", 0.112, 0.1
    )
    logging.getLogger("kafka.conn").info("connecting to 127.0.0.1:9092")
    logging.getLogger("kafka.net.selector").error("selector failed")
    logging.getLogger("kafka.conn").warning("connection reset")
    get_logger("wirewatch_ingest.poller").warning("feed unhealthy", feed_id=7)
    err = capsys.readouterr().err
    assert "threshold" not in err
    assert "connecting to" not in err
    assert "selector failed" in err
    assert "connection reset" in err
    assert "feed unhealthy" in err and "feed_id" in err


def test_debug_level_shows_everything(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    configure_logging("DEBUG")
    try:
        logging.getLogger("kafka.net.selector").warning("Task ran for 0.112s (>0.100s threshold)")
        assert "threshold" in capsys.readouterr().err
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        structlog.reset_defaults()
