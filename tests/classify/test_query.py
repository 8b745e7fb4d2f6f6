"""The user query language: parsing, precedence and clear errors."""

from __future__ import annotations

import pytest
from wirewatch_classify.query import (
    And,
    AtLeast,
    Near,
    Not,
    Or,
    QuerySyntaxError,
    Term,
    parse_query,
    terms,
)


def test_precedence_not_near_and_or() -> None:
    node = parse_query('deport* NEAR/3 flight OR "ICE Air" NOT charter')
    assert node == Or(
        (
            Near(Term("deport*"), Term("flight"), 3),
            And((Term("ICE Air"), Not(Term("charter")))),
        )
    )


def test_implicit_and_parentheses_and_default_near() -> None:
    assert parse_query("(a OR b) c") == And((Or((Term("a"), Term("b"))), Term("c")))
    assert parse_query("a NEAR b") == Near(Term("a"), Term("b"), 5)


def test_lowercase_operators_are_words() -> None:
    assert parse_query("rock and roll") == And((Term("rock"), Term("and"), Term("roll")))


def test_at_least_lists_words_phrases_and_near_pairs() -> None:
    node = parse_query('ATLEAST/2 (asylum "ley de asilo" deport* NEAR/3 flight*) NOT tourism')
    assert node == And(
        (
            AtLeast(
                2,
                (Term("asylum"), Term("ley de asilo"), Near(Term("deport*"), Term("flight*"), 3)),
            ),
            Not(Term("tourism")),
        )
    )
    assert terms(node) == ["asylum", "ley de asilo", "deport*", "flight*", "tourism"]
    assert parse_query("atleast/2 (a b)") == And((Term("atleast/2"), And((Term("a"), Term("b")))))


def test_terms_lists_each_phrase_once() -> None:
    assert terms(parse_query('a OR (b NEAR/2 "c d") OR a')) == ["a", "b", "c d"]


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("", "empty", 0),
        ("a AND", "ends after 'AND'", 5),
        ("(a OR b", "'(' is never closed", 0),
        ("a OR b)", "')' without a matching '('", 6),
        ('"deportation flight', "unterminated quoted phrase", 0),
        ('a AND ""', "empty quoted phrase", 6),
        ("a NEAR/0 b", "NEAR/0", 2),
        ("a NEAR/x b", "NEAR/x", 2),
        ("NOT a", "only excludes", 0),
        ("a NEAR (b AND c)", "NEAR needs words", 2),
        ("OR a", "'OR' where a word or phrase was expected", 0),
        ("a AND de*", "shorter than 3", 6),
        ("ATLEAST/3 (a b)", "ATLEAST/3 lists only 2", 0),
        ("ATLEAST/0 (a b)", "ATLEAST/0: the count must be", 0),
        ("ATLEAST (a b)", "ATLEAST/: the count must be", 0),
        ("ATLEAST/2 a b", "needs a '(' list", 0),
        ("ATLEAST/1 (a b", "'(' is never closed", 10),
        ("ATLEAST/1 (NOT a)", "'NOT' where a word", 11),
    ],
)
def test_errors_say_where_and_why(query: str, message: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert message in str(info.value)
    assert info.value.position == position
    assert f"at character {position + 1}" in str(info.value)
