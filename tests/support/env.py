"""Environment helpers: tests that clear the settings for a subprocess keep their data dir."""

from __future__ import annotations

KEPT = frozenset(
    {
        "WIREWATCH_DATA_DIR",
        "WIREWATCH_KAFKA_SESSION_TIMEOUT_MS",
        "WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS",
    }
)


def is_setting(name: str) -> bool:
    """A ``WIREWATCH_`` setting a test may clear: every one but the test's own data dir
    (tests/conftest.py gives each test one, so nothing lands in the user's real one) and
    the suite's consumer-group timing (tests/conftest.py: short group joins on Tansu)."""
    return name.startswith("WIREWATCH_") and name not in KEPT
