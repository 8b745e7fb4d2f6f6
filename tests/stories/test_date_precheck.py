"""The cheap check before the date regex never skips a date the regex reads."""

from __future__ import annotations

import re
import sys

from wirewatch_stories import numbers
from wirewatch_stories.features import _TOKEN
from wirewatch_stories.numbers import dates, may_have_dates

from tests.stories.support import dev_rows


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


def test_the_lookalike_letters_are_every_letter_ignorecase_matches_to_an_ascii_one() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {
        chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.fullmatch(chr(c)) is not None
    }
    assert found == numbers._ASCII_LOOKALIKES


def test_every_date_the_regex_reads_passes_the_check() -> None:
    texts = [str(r.get(k) or "") for r in dev_rows() for k in ("title", "summary")]
    texts += [
        "20 de AGOSTO",
        "Aug. 20th",
        "on Sept 3, a flight",
        "5 ſeptember",  # a long s: re.IGNORECASE reads "september"
        "Arrivals (20 de agosto)",
    ]
    read = 0
    for text in texts:
        if dates(text)[0]:
            read += 1
            assert may_have_dates(_tokens(text)), text
    assert read >= 10


def test_a_text_without_a_month_skips_the_regex() -> None:
    assert not may_have_dates(_tokens("Deportation flight 12-3 carrying 20 migrants lands"))
    assert not may_have_dates(_tokens("The Mayor's office: a Marchers' rally"))  # no whole month
    assert may_have_dates(_tokens("llegó el 3 de Mayo"))


def test_a_month_spelled_with_a_lookalike_letter_is_no_date_and_no_error() -> None:
    """The regex reads "JULİO" and "julıo" as months whatever their case (İ and ı match "i"),
    but they fold to no month of the table: no date, and no KeyError."""
    for text in ("Llegaron el 5 JULİO", "el 5 de julıo", "JULİO 5"):
        assert dates(text) == (set(), set())
    assert dates("ſept. 20") == ({"d:9-20"}, {6})  # "ſ" folds to "s": a month of the table
