"""json_lines: the one JSON-lines reader of the labelled-file and offline-tool inputs."""

from __future__ import annotations

import pytest
from wirewatch_shared.jsonlines import json_lines


class BadInput(Exception):
    pass


def test_blank_lines_are_skipped_and_numbers_are_the_file_lines() -> None:
    lines = ['{"a": 1}', "", "   ", "[2]", '"x"']
    assert list(json_lines(lines, "f.jsonl")) == [(1, {"a": 1}), (4, [2]), (5, "x")]


def test_a_line_that_is_not_json_is_one_error_naming_source_and_line() -> None:
    rows = json_lines(['{"a": 1}', "{oops"], "items.jsonl", BadInput)
    assert next(rows) == (1, {"a": 1})
    with pytest.raises(BadInput, match=r"^items\.jsonl line 2: not valid JSON \("):
        next(rows)


def test_a_byte_order_mark_before_the_first_line_is_not_an_error() -> None:
    assert list(json_lines(['\ufeff{"a": 1}', '{"b": 2}'], "f.jsonl")) == [
        (1, {"a": 1}),
        (2, {"b": 2}),
    ]
