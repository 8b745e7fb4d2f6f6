"""The parser process pool: a parse past its timeout replaces exactly its own workers."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest
from wirewatch_ingest.items import FeedParseError
from wirewatch_ingest.parsepool import ParseJob, ParsePool

from tests.ingest.support import rss


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_a_parse_past_its_timeout_replaces_the_workers() -> None:
    body = rss([(f"id{i}", f"Story {i} " + "words " * 200) for i in range(200)])
    pool = ParsePool(1, inline_max_bytes=0, timeout_s=0.0001)

    async def parse() -> int:
        outcome = await pool.parse(
            ParseJob(body, 1, "https://example.org/feed", datetime.now(UTC), headers={})
        )
        return len(outcome.items)

    try:
        pool.start()
        (old,) = pool.worker_pids()
        with pytest.raises(FeedParseError, match="took longer"):
            await parse()
        deadline = time.monotonic() + 10
        while _alive(old) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(old)  # terminated, not left parsing
        pool.timeout_s = 30.0
        assert await parse() == 200
        assert pool.worker_pids() and old not in pool.worker_pids()
    finally:
        pool.close()
