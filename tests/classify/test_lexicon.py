"""Phrase patterns: exact words, prefixes, case-exact words, numbers, multi-word phrases."""

from __future__ import annotations

import pytest
from wirewatch_classify.lexicon import Lexicon, PatternError, parse_phrase


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    scan = lexicon.scan("title", text)
    out = []
    for pid, start, end in sorted(scan.hits, key=lambda h: h[1]):
        a, b = scan.char_span(start, end)
        out.append((lexicon.phrase_text(pid), text[a:b]))
    return out


def test_prefix_exact_and_multiword() -> None:
    lex = Lexicon()
    lex.add("repatri*", ("T", "t", "g"))
    lex.add("vuelo de deportación", ("T", "t", "g"))
    lex.add("deportados", ("T", "t", "g"))
    text = "Repatriados en el VUELO de Deportacion: 80 deportados"
    assert _found(lex, text) == [
        ("repatri*", "Repatriados"),
        ("vuelo de deportación", "VUELO de Deportacion"),
        ("deportados", "deportados"),
    ]


def test_exact_case_words_need_their_spelling() -> None:
    lex = Lexicon()
    lex.add("=ICE", ("E", "agencies", "ICE"))
    assert _found(lex, "ICE agents detain") == [("=ICE", "ICE")]
    assert _found(lex, "Ice on the runway") == []


def test_number_pattern_matches_any_digits() -> None:
    lex = Lexicon()
    lex.add("# deportees", ("T", "t", "count"))
    assert _found(lex, "Flight with 104 deportees lands") == [("# deportees", "104 deportees")]
    assert _found(lex, "Flight with many deportees") == []


def test_phrase_shared_by_two_owners_is_stored_once() -> None:
    lex = Lexicon()
    a = lex.add("deport*", ("T", "a", "g"))
    b = lex.add("deport*", ("T", "b", "g"))
    assert a == b and len(lex) == 1
    assert lex.owners(a) == [("T", "a", "g"), ("T", "b", "g")]


@pytest.mark.parametrize("bad", ["", "   ", "de*", "a *", "¡!"])
def test_bad_phrases_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        parse_phrase(bad)


def test_words_that_merely_start_like_a_word_do_not_match_exact_words() -> None:
    lex = Lexicon()
    lex.add("deportados", ("T", "t", "g"))
    assert _found(lex, "Deportivo y deportes") == []
