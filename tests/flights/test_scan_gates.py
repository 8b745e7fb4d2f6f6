"""The scan gates of ``numbers``, ``dates`` and ``not_a_record.evacuation_flights`` (stop 44;
the collective numerals' of ``numbers`` since stop 52): a pattern is not scanned over a text that
lacks what every one of its matches holds (a digit, one of its words). For the outputs to stay the
same, the gate must never be false where the pattern matches: checked over every title and summary
of tests/data's flights and stories files (as the readers see them: as written, lower-cased,
folded) and over random texts made of the patterns' own pieces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wirewatch_flights import dates, not_a_record, not_a_record_cues, numbers
from wirewatch_flights.text import fold

DATA = Path(__file__).resolve().parents[1] / "data"

Gate = Callable[[str], bool]


def _any_of(words: tuple[str, ...] | list[str]) -> Gate:
    return lambda text: any(word in text for word in words)


def _digit(text: str) -> bool:
    return re.search(r"\d", text) is not None


def _gates() -> dict[str, tuple[re.Pattern[str], Gate]]:
    day_month, month_day, weekday, relative = dates._patterns()
    return {
        "numbers._DIGITS": (numbers._DIGITS, _digit),
        "numbers._DOZENS": (numbers._DOZENS, _any_of(numbers._DOZENS_WORDS)),
        "numbers._APPROXIMATE": (numbers._APPROXIMATE, _any_of(numbers._APPROXIMATE_WORDS)),
        "numbers._COLLECTIVE": (numbers._COLLECTIVE, _any_of(numbers._COLLECTIVE_WORDS)),
        "dates.day_month": (day_month, _digit),
        "dates.month_day": (month_day, _digit),
        "dates.weekday": (weekday, _any_of(list(dates._names().weekdays))),
        "dates.relative": (relative, _any_of(dates._RELATIVE_WORDS)),
        "not_a_record_cues.EVACUATION_FLIGHT": (
            not_a_record_cues.EVACUATION_FLIGHT,
            _any_of((not_a_record.EVACUATION_FLIGHT_WORD,)),
        ),
    }


GATES = _gates()


def _texts() -> list[str]:
    texts: set[str] = set()
    for path in sorted(DATA.glob("flights*.jsonl")) + sorted(DATA.glob("stories*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            for key in ("title", "summary"):
                text = row.get(key) or ""
                texts.update((text, text.lower(), fold(text)))
    return sorted(texts)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


@pytest.mark.parametrize("name", sorted(GATES))
def test_gate_open_wherever_the_pattern_matches_in_the_data(name: str, texts: list[str]) -> None:
    pattern, gate = GATES[name]
    matched = [t for t in texts if pattern.search(t)]
    assert matched, f"{name}: no text of the data exercises it"
    assert all(gate(t) for t in matched)


PIECES = [
    *numbers._DOZENS_WORDS,
    *numbers._APPROXIMATE_WORDS,
    "veintena",
    "millar",
    *dates._RELATIVE_WORDS,
    *dates._names().weekdays,
    "evacuation flight",
    "vuelo de evacuacion",
    "evacuated",
    *list(dates._names().months)[:12],
    "tres",
    "three",
    "un",
    "una",
    "medio",
    "media",
    "a",
    "y",
    "and a half",
    "el proximo",
    "last",
    "de",
    "12",
    "3",
    "1,200",
    "2.700",
    "2026",
    " ",
    ", ",
    ".",
    "-",
    "x",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_gate_open_wherever_the_pattern_matches_in_random_texts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, (pattern, gate) in GATES.items():
        if pattern.search(text):
            assert gate(text), (name, text)


def test_gated_readers_on_small_cases() -> None:
    assert [n.value for n in numbers.numbers("Tres docenas y medio centenar")] == [36, 50]
    assert [n.value for n in numbers.numbers("a dozen and a half, 1,200 people")] == [18, 1200]
    assert numbers.numbers("no figure here at all") == []
    published = date(2026, 12, 6)  # a Sunday
    found = dates.date_mentions("el proximo lunes y al dia siguiente", published)
    assert [d.value.isoformat() for d in found] == ["2026-12-07", "2026-12-08"]
    assert dates.date_mentions("they landed yesterday", published)[0].value.day == 5
    assert dates.date_mentions("the day after the vote", published) == []
