"""Text helpers every stage shares."""

from __future__ import annotations

import re
import unicodedata


class _Marks(dict[int, int | None]):
    """A :meth:`str.translate` table that deletes the combining marks (``None``) and keeps every
    other character (its own code), filled as characters are met (at most one entry per code
    point: the characters of decomposed text that is not ASCII)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _Marks()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")  # no ASCII character is a combining mark


def _drop_marks(match: re.Match[str]) -> str:
    return match.group().translate(_MARKS)


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: ``Guantánamo`` -> ``Guantanamo``,
    ``ﬁ`` -> ``fi``. ASCII text is returned as it is (nothing to decompose). Only the runs of
    non-ASCII characters of the decomposed text are looked at, and whether a character is a
    mark is looked up once per character (stop 45, the technique of stories' fold at stop 44:
    about half the time of a generator over every character on accented text; the same text on
    every code point, tests/shared/test_strip_accents.py)."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_drop_marks, unicodedata.normalize("NFKD", text))
