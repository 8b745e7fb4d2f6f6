"""A ``Retry-After`` that is not ASCII digits nor an HTTP date is ignored, never an error.

HTTP header values arrive decoded as Latin-1, where the bytes 0xB2, 0xB3 and 0xB9 are the
superscript digits: ``str.isdigit`` says yes, ``float`` says no, and the ValueError ended
the poll of a feed whose server sent one (notify's retries read the same parser; the poll:
tests/ingest/test_retry_after_superscript.py)."""

from __future__ import annotations

import pytest
from wirewatch_shared.httpdates import parse_retry_after


@pytest.mark.parametrize("value", ["\u00b2", "1\u00b3", "\u00b9\u00b2", "\u0661\u0662"])
def test_non_ascii_digits_are_not_seconds(value: str) -> None:
    assert parse_retry_after(value) is None
