"""A pytest plugin (``-p bench.citime54.cpu_plugin_citime54``): the process CPU seconds
(user + system, ``time.process_time``) each test's setup, call and teardown took, summed per
test and written as JSON lines to ``$CITIME54_CPU_OUT`` (one line per test, appended)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Generator
from typing import Any

import pytest

_TOTALS: dict[str, float] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: Any, nextitem: Any) -> Generator[None, None, None]:
    start = time.process_time()
    yield
    _TOTALS[item.nodeid] = _TOTALS.get(item.nodeid, 0.0) + time.process_time() - start


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    out = os.environ.get("CITIME54_CPU_OUT")
    if not out or not _TOTALS:
        return
    with open(out, "a", encoding="utf-8") as handle:
        for nodeid, cpu in _TOTALS.items():
            handle.write(json.dumps({"test": nodeid, "cpu_s": round(cpu, 4)}) + "\n")
