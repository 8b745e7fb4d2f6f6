"""Helpers for the operations tests: condition waits (never fixed sleeps) and HTTP reads."""

from __future__ import annotations

from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.support.wait import wait_until as wait_until  # the ops tests import it from here


async def get(url: str, **kwargs: Any) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
        return await client.get(url, **kwargs)


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text page, keyed by (name, sorted labels)."""
    out: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def value(text: str, name: str, **labels: str) -> float | None:
    """The sum of the samples named ``name`` whose labels include ``labels``."""
    found = [
        v
        for (n, lbls), v in samples(text).items()
        if n == name and all((k, val) in lbls for k, val in labels.items())
    ]
    return sum(found) if found else None
