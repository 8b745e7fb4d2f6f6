"""Probe services' ``/readyz`` endpoints over HTTP (for `wirewatch status` and /status)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    name: str
    ready: bool
    reason: str | None
    source: str  # the probed URL, or "in process"
    checks: Mapping[str, Any] | None = None


def _reason(body: Any, status: int) -> str | None:
    if isinstance(body, dict):
        reason = body.get("reason")
        if reason:
            return str(reason)
    return None if status == 200 else f"HTTP {status}"


async def probe(client: httpx.AsyncClient, name: str, url: str) -> ServiceStatus:
    try:
        response = await client.get(url)
    except httpx.HTTPError as exc:
        return ServiceStatus(name, False, f"unreachable: {type(exc).__name__}", url)
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    checks = body.get("checks") if isinstance(body, dict) else None
    return ServiceStatus(
        name, response.status_code == 200, _reason(body, response.status_code), url, checks
    )


async def probe_all(urls: Mapping[str, str], timeout_s: float = 3.0) -> list[ServiceStatus]:
    """Probe every ``name -> readyz URL`` concurrently."""
    if not urls:
        return []
    async with httpx.AsyncClient(timeout=timeout_s, trust_env=False) as client:
        return list(await asyncio.gather(*(probe(client, name, url) for name, url in urls.items())))
