"""Length-preserving text folding, so an offset in the folded text is an offset in the
original (evidence spans point into the item's own title or summary). Pure."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    lowered = ch.lower()
    if len(lowered) != 1:
        return ch
    base = unicodedata.normalize("NFD", lowered)[0]
    return base if base.isascii() or unicodedata.category(base)[0] == "L" else lowered


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case and strip accents, one character for one character."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


_WORDS = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?", re.UNICODE)


def words(text: str) -> list[tuple[int, int]]:
    """Spans of the word tokens of ``text``."""
    return [m.span() for m in _WORDS.finditer(text)]


def phrase_pattern(phrase: str) -> str:
    """A regular expression for one folded phrase: spaces match any run of spaces or
    hyphens, and the phrase must start and end on word boundaries."""
    parts = [re.escape(p) for p in fold(phrase).split()]
    body = r"[\s\-]+".join(parts)
    start = r"(?<![^\W_])" if phrase[:1].isalnum() else ""
    end = r"(?![^\W_])" if phrase[-1:].isalnum() else ""
    return start + body + end
