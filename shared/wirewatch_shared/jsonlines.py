"""JSON-lines input as every reader of labelled or offline files takes it: blank lines
skipped, a line that is not JSON named by its source and number in one error."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def json_lines(
    lines: Iterable[str], source: object, error: Callable[[str], Exception] = ValueError
) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line; a line that is not JSON raises
    ``error("<source> line <n>: not valid JSON (<reason>)")``."""
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{source} line {number}: not valid JSON ({exc.msg})") from exc
        yield number, value
