"""The one accent stripper every stage folds text with."""

from __future__ import annotations

import unicodedata

import pytest
from wirewatch_shared.text import strip_accents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guantánamo", "Guantanamo"),
        ("Migración Colombia", "Migracion Colombia"),
        ("São Paulo", "Sao Paulo"),
        ("Bogotá, Perú, Düsseldorf", "Bogota, Peru, Dusseldorf"),
        ("ﬁnal", "final"),  # a compatibility ligature decomposes (NFKD)
        ("El Niño", "El Nino"),
        ("plain ASCII stays", "plain ASCII stays"),
        ("", ""),
    ],
)
def test_strip_accents(text: str, expected: str) -> None:
    assert strip_accents(text) == expected


def test_no_combining_mark_is_left() -> None:
    text = "".join(chr(c) for c in range(0x00C0, 0x0250))  # Latin-1 Supplement and Extended
    assert not any(unicodedata.combining(ch) for ch in strip_accents(text))
