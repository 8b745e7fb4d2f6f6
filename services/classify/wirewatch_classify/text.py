"""Text normalisation with a position map back to the original text.

Matching runs on a folded copy of each field: case-folded, accents stripped,
every character that is not a letter or digit turned into a space. Tokens are
then the runs of non-space characters. Because the common case maps one input
character to exactly one output character, offsets in the folded text *are*
offsets in the original, and normalising is C-level work: ASCII text and text in
the Western European code page (cp1252) is encoded to bytes, folded
with ``bytes.translate`` and decoded; any other text goes through ``str.translate``.
Only texts containing a character that folds to zero or several characters (a
combining accent, "ß", a ligature) take the slow path, which builds an explicit
offset list.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from wirewatch_shared.text import strip_accents

_SLOW = "\x00"
"""Stands in for characters that do not fold to exactly one character."""

_NON_SPACE = re.compile(r"[^ ]+")


def _fold_char(ch: str) -> str:
    """What one character becomes: letters/digits folded, anything else a space."""
    category = unicodedata.category(ch)
    if category[0] == "M":  # a combining mark on its own: dropped
        return ""
    if category[0] not in "LN":
        return " "
    return strip_accents(ch).casefold()


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled lazily for characters beyond Latin-1."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(ch)
        if (len(folded) == 1 and folded.isalnum()) or folded == " ":
            value = folded
        elif unicodedata.category(ch) == "No":
            value = " "  # "½", "¾": numbers we never match on; keep the fast path
        else:
            value = _SLOW
        self[code] = value
        return value


_TABLE = _FoldTable()
for _code in range(0x250):  # ASCII, Latin-1 and Latin Extended, filled eagerly
    _TABLE.__missing__(_code)
_TABLE[0] = _SLOW

# ASCII text (most English items) folds with bytes.translate, ~3x faster than the
# dict-driven str.translate; it is 1:1 by construction.
_ASCII_TABLE = bytes(ord(_TABLE[i]) if _TABLE[i] != _SLOW else 32 for i in range(128)) + bytes(
    range(128, 256)
)


def fold(text: str) -> str:
    """The folded form of ``text`` (no position map); used for patterns and queries."""
    return " ".join(normalise(text).text.split())


class Normalised:
    """A folded text and, when lengths differ, the original offset of each folded char.

    A plain slotted class rather than a dataclass: one is built per field of every
    item, and a frozen dataclass's ``__init__`` costs several times more."""

    __slots__ = ("offsets", "original", "text")

    def __init__(self, original: str, text: str, offsets: tuple[int, ...] | None = None) -> None:
        self.original = original
        self.text = text
        self.offsets = offsets
        """``None`` means the identity map (the fast path)."""

    def __repr__(self) -> str:
        return f"Normalised({self.original!r}, {self.text!r})"

    def tokens(self) -> list[str]:
        return self.text.split()

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every token in the ORIGINAL text, in token order."""
        offsets = self.offsets
        if offsets is None:
            return [m.span() for m in _NON_SPACE.finditer(self.text)]
        result: list[tuple[int, int]] = []
        for m in _NON_SPACE.finditer(self.text):
            start, end = m.span()
            result.append((offsets[start], offsets[end - 1] + _orig_len(self, end - 1)))
        return result


def _orig_len(norm: Normalised, index: int) -> int:
    """Length in the original of the character that produced folded char ``index``."""
    assert norm.offsets is not None
    start = norm.offsets[index]
    # Consecutive folded chars from one original char (e.g. "ß" -> "ss") share an offset;
    # the original char ends where the next different offset begins, skipping marks.
    nxt = start + 1
    while nxt < len(norm.original) and unicodedata.category(norm.original[nxt])[0] == "M":
        nxt += 1
    return nxt - start


class _NotAsciiFoldable(Exception):
    """A run of characters outside the code page that does not fold to ASCII one-to-one."""


def _fold_run(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a run of characters the code page lacks, folded (ASCII only)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    folded = run.translate(_TABLE)  # every table value is one character
    if _SLOW in folded or not folded.isascii():
        raise _NotAsciiFoldable
    return folded, exc.end


_FOLD_ERRORS = "wirewatch.fold"
codecs.register_error(_FOLD_ERRORS, _fold_run)

_ODD = 0
"""In a code page's fold: a character that folds to zero or several characters."""
_GIVE_UP = ord("!")
"""In a code page's fold: a character whose fold the page lacks (no character folds to "!")."""


class _CodePage:
    """A single-byte code page as a fast path: the text is encoded to it in C (the runs
    of other characters folded to ASCII by the error handler), each byte replaced by
    the byte of its character's fold (``bytes.translate``), and decoded. The result is
    ``text.translate(_TABLE)`` but for NUL, a space as on the ASCII path, and the odd
    characters, each ``_SLOW``; ``None`` when the page cannot fold the text."""

    __slots__ = ("name", "table")

    def __init__(self, name: str) -> None:
        self.name = name
        self.table = bytes(self._fold_byte(b) for b in range(256))

    def _fold_byte(self, byte: int) -> int:
        try:
            ch = bytes([byte]).decode(self.name)
        except UnicodeDecodeError:  # a byte the encoder never writes
            return _GIVE_UP
        if ch == "\x00":
            return ord(" ")
        folded = _TABLE[ord(ch)]
        if folded == _SLOW:
            return _ODD
        encoded = folded.encode(self.name, errors="ignore")
        return encoded[0] if len(encoded) == 1 else _GIVE_UP

    def fold(self, text: str) -> str | None:
        try:
            folded = text.encode(self.name, _FOLD_ERRORS).translate(self.table)
        except _NotAsciiFoldable:
            return None
        if _GIVE_UP in folded:
            return None
        return folded.decode("ascii" if folded.isascii() else self.name)


_WESTERN = _CodePage("cp1252")
"""English and Spanish news: Latin-1's letters, curly quotes, dashes, the euro sign.
(A Cyrillic page after it gained less on the bench stream's few Russian items than
its failed attempts cost the other scripts.)"""


def normalise(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text, text.encode("ascii").translate(_ASCII_TABLE).decode("ascii"))
    folded = _WESTERN.fold(text)
    if folded is None:  # other scripts, or a run of them that does not fold to ASCII
        folded = text.translate(_TABLE)
    if _SLOW in folded:
        return _normalise_slow(text, folded)
    return Normalised(text, folded)


def _normalise_slow(text: str, folded: str) -> Normalised:
    """Text with characters that fold to zero or several characters.

    ``folded`` is the one-to-one fold with those characters marked ``_SLOW``; only
    they are expanded in Python, and the offset map is built from ranges."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    while (odd := folded.find(_SLOW, pos)) >= 0:
        out.append(folded[pos:odd])
        offsets.extend(range(pos, odd))
        piece = _fold_slow(text[odd])
        out.append(piece)
        offsets.extend([odd] * len(piece))
        pos = odd + 1
    out.append(folded[pos:])
    offsets.extend(range(pos, len(text)))
    return Normalised(text, "".join(out), tuple(offsets))


@functools.lru_cache(maxsize=4096)
def _fold_slow(ch: str) -> str:
    """Fold of a character that does not map to exactly one character."""
    if ch == _SLOW:
        return " "
    return "".join(piece if piece.isalnum() else " " for piece in _fold_char(ch))


_DOUBLED = re.compile(r"(?:([a-z])\1){2,}")
"""A folded token of doubled letters, two pairs or more: "eeuu", "ffaa", "jjoo"."""
_PAIR = re.compile(r"([a-z])\1")


def abbreviation_variant(phrase: str) -> str | None:
    """The folded ``phrase`` with each Spanish plural abbreviation in its other spelling.

    Spanish doubles the letters of a plural abbreviation and writes it three ways:
    "EE.UU.", "EE. UU." (both fold to ``ee uu``) and "EEUU" (``eeuu``); likewise
    "FF.AA.", "RR.HH.", "JJ.OO.". A joined form is split and a run of two or more
    doubled pairs is joined; ``None`` when there is none, or for a pattern phrase
    (``*``, ``=``, ``#``) whose words are not plain words."""
    if any(marker in phrase for marker in "*=#"):
        return None
    tokens = fold(phrase).split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _PAIR.fullmatch(tokens[j]):
            j += 1
        if j - i >= 2:
            out.append("".join(tokens[i:j]))
            i = j
        elif _DOUBLED.fullmatch(tokens[i]):
            out.extend(tokens[i][k : k + 2] for k in range(0, len(tokens[i]), 2))
            i += 1
        else:
            out.append(tokens[i])
            i += 1
    variant = " ".join(out)
    return variant if variant != " ".join(tokens) else None
