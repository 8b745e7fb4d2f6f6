"""Transactions that PostgreSQL may abort for a deadlock or a serialization failure."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

T = TypeVar("T")


def retrying(engine: Engine, work: Callable[[Connection], T], attempts: int = 3) -> T:
    """Run ``work`` in a transaction; retry on PostgreSQL deadlocks/serialization failures."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except OperationalError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if attempt == attempts or code not in ("40P01", "40001"):
                raise
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")
