"""Normalisation: folding, tokens and the position map back to the original text."""

from __future__ import annotations

import pytest
from wirewatch_classify.text import fold, normalise


def _tokens_with_spans(text: str) -> list[tuple[str, str]]:
    norm = normalise(text)
    return [
        (token, text[start:end])
        for token, (start, end) in zip(norm.tokens(), norm.spans(), strict=True)
    ]


def test_casefold_and_accents_are_removed() -> None:
    assert normalise("Deportación de MIGRANTES").tokens() == ["deportacion", "de", "migrantes"]
    assert fold("Vuelos de REPATRIACIÓN") == "vuelos de repatriacion"


def test_punctuation_splits_tokens_like_the_patterns_do() -> None:
    assert normalise("EE.UU. deportó a 1,200 «migrantes»").tokens() == [
        "ee",
        "uu",
        "deporto",
        "a",
        "1",
        "200",
        "migrantes",
    ]
    assert normalise("Border-Gavaskar").tokens() == ["border", "gavaskar"]


def test_ascii_and_latin_text_keeps_offsets_one_to_one() -> None:
    text = "Llegan deportados a Maiquetía: ¡vuelo #3!"
    norm = normalise(text)
    assert norm.offsets is None  # the fast path: folded offsets are original offsets
    assert len(norm.text) == len(text)
    assert ("maiquetia", "Maiquetía") in _tokens_with_spans(text)


@pytest.mark.parametrize(
    ("text", "token", "original"),
    [
        ("Straße nach Süden", "strasse", "Straße"),  # one char folds to two
        ("cafe\u0301 deportados", "cafe", "cafe\u0301"),  # combining accent is dropped
        ("ﬂights of deportees", "flights", "ﬂights"),  # ligature
        ("İstanbul deportations", "istanbul", "İstanbul"),
    ],
)
def test_slow_path_maps_positions_back_to_the_original(
    text: str, token: str, original: str
) -> None:
    pairs = _tokens_with_spans(text)
    assert (token, original) in pairs
    # Every token after the odd character still points at the right original text.
    last_token, last_original = pairs[-1]
    assert fold(last_original) == last_token


def test_empty_and_whitespace_only() -> None:
    assert normalise("").tokens() == []
    assert normalise(" \t\n").spans() == []
