"""The shared logging set-up: what a user sees on stderr at each level."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import structlog
from wirewatch_shared.logging import QUIET_LOGGERS, configure_logging, get_logger

# kafka-python's own slow-task notice, worded as it logs it.
SLOW_TASK = ("Task %r ran for %.3fs (>%.3fs threshold).", "poll", 0.112, 0.1)


@contextmanager
def real_logging(level: str) -> Iterator[None]:
    """Wirewatch's real set-up at ``level``, restored afterwards (it is process-wide).
    Entered after capsys has replaced stderr, so the handler writes to the capture."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    configure_logging(level)
    try:
        yield
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, saved in levels.items():
            logging.getLogger(name).setLevel(saved)
        structlog.reset_defaults()


def test_default_level_hides_client_chatter_but_not_faults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with real_logging("INFO"):
        logging.getLogger("kafka.net.selector").warning(*SLOW_TASK)
        logging.getLogger("kafka.conn").info("connecting to 127.0.0.1:9092")
        logging.getLogger("kafka.net.selector").error("selector failed")
        logging.getLogger("kafka.conn").warning("connection reset")
        get_logger("wirewatch_ingest.poller").warning("feed unhealthy", feed_id=7)
        logging.getLogger("alembic.runtime.plugins").info("setup plugin %s", "alembic.x")
        logging.getLogger("alembic.runtime.migration").info("Running upgrade 0006 -> 0007")
    err = capsys.readouterr().err
    assert "setup plugin" not in err and "Running upgrade" in err
    assert "threshold" not in err
    assert "connecting to" not in err
    assert "selector failed" in err
    assert "connection reset" in err
    assert "feed unhealthy" in err and "feed_id" in err


def test_debug_level_shows_everything(capsys: pytest.CaptureFixture[str]) -> None:
    with real_logging("DEBUG"):
        logging.getLogger("kafka.net.selector").warning(*SLOW_TASK)
        logging.getLogger("kafka.conn").debug("connecting to 127.0.0.1:9092")
    err = capsys.readouterr().err
    assert "threshold" in err
    assert "connecting to" in err


def _send_with(signing_secret: str) -> None:
    raise RuntimeError("the channel crashed")


def test_a_logged_exception_shows_its_stack_not_its_frames_variables(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A frame may hold a decrypted webhook secret, a Slack URL or a password: the console
    shows where it failed, never what the frames held."""
    secret = "whsec_" + "k" * 32
    with real_logging("INFO"):
        try:
            _send_with(secret)
        except RuntimeError:
            get_logger("wirewatch_notify.worker").exception("channel crashed", subscription_id=3)
    err = capsys.readouterr().err
    assert "channel crashed" in err and "subscription_id" in err
    assert "the channel crashed" in err and "_send_with" in err  # the stack is there
    assert secret not in err
