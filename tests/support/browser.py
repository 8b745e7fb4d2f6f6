"""A real browser for page tests: Debian chromium driven by Playwright.

Skipped with a message where either is missing, except in CI (``CI`` set), where that is
a failure: .ci/setup-system.sh installs chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, NoReturn

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (CI is set: .ci/setup-system.sh must install it)")
    pytest.skip(f"{reason}; install Debian chromium and `pip install playwright` to run")


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """A headless chromium (Playwright's ``Browser``), closed on exit."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        unavailable("chromium is not installed")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()
