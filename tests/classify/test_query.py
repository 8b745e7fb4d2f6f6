"""The user query language: parsing, precedence and clear errors."""

from __future__ import annotations

import pytest
from wirewatch_classify.query import And, Near, Not, Or, QuerySyntaxError, Term, parse_query, terms


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
    ],
)
def test_errors_say_where_and_why(query: str, message: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert message in str(info.value)
    assert info.value.position == position
    assert f"at character {position + 1}" in str(info.value)
