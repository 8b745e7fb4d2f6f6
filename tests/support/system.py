"""The settings of a whole in-process system (wirewatch.runner.System) in a test."""

from __future__ import annotations

from tests.support.smtp import SmtpSink


def system_overrides(
    database_url: str, smtp: SmtpSink | None = None, **more: object
) -> dict[str, object]:
    """No default feeds, private networks allowed to ingest and notify (the test's servers
    are on 127.0.0.1), quick ticks, HTTP on a port the system chooses (``System.url`` has
    it: never one chosen ahead, that another xdist worker may take), a fixed secret key,
    INFO logs; mail to ``smtp`` when given; ``more`` are further settings (they win)."""
    values: dict[str, object] = {
        "database_url": database_url,
        "seed_default_feeds": False,
        "ingest_allow_private_networks": True,
        "notify_allow_private_networks": True,
        "poll_tick_s": 0.2,
        "delivery_tick_s": 0.2,
        "http_port": 0,
        "secret_key": "test-secret-key",
        "log_level": "INFO",
    }
    if smtp is not None:
        values.update(smtp_host=smtp.host, smtp_port=smtp.port, smtp_security="none")
    values.update(more)
    return values
