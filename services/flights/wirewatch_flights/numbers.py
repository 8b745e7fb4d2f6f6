"""Numbers in text, as digits ("2.700", "1,200", "304") or words in English or Spanish
("dos", "two hundred", "doscientos cuatro"); word numbers are parsed by ``text2num``. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

_DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u00a0 ]\d{3})+(?![\d])|(?<![\w.,])\d+(?![\d])")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CONNECTORS = frozenset({"y", "and"})
_NOT_COUNTS = frozenset(
    {
        "un",
        "una",
        "uno",
        "unos",
        "unas",
        "a",
        "an",
        "primer",
        "primero",
        "primera",
        "tercer",
        "tercero",
        "tercera",
        "segundo",
        "segunda",
        "cuarto",
        "quinto",
        "second",
        "third",
        "fourth",
        "hundreds",
        "thousands",
        "dozens",
        "millions",
        "cientos",
        "centenares",
        "miles",
        "decenas",
        "decena",
        "millones",
        "centenar",
        "docena",
        "dozen",
        "tens",
        "billions",
        "o",
    }
)
"""Articles, ordinals and vague plurals ("hundreds", "tens") text2num would read as numbers,
and Spanish "o" ("or"), which it reads as a zero ("50 o 60 migrantes")."""


@dataclass(frozen=True, slots=True)
class Number:
    value: int
    start: int
    end: int


def _text_value(text: str) -> int | None:
    """``text`` read as a number in Spanish, else in English; None when neither reads it."""
    for lang in ("es", "en"):
        try:
            return int(text2num(text, lang))
        except ValueError:
            continue
    return None


@lru_cache(maxsize=8192)
def _word_value(word: str) -> int | None:
    return None if word in _NOT_COUNTS else _text_value(word)


@lru_cache(maxsize=2048)
def _run_value(run: str) -> int | None:
    return _text_value(run)


_A_DIGIT = re.compile(r"\d")
"""What every match of ``_DIGITS`` holds: a text without one is not scanned (``_DIGITS`` opens
on a lookbehind, which Python's ``re`` tries at every position of the text)."""


def _digit_numbers(text: str) -> list[Number]:
    if _A_DIGIT.search(text) is None:
        return []
    found = []
    for m in _DIGITS.finditer(text):
        raw = re.sub(r"[.,\u00a0 ]", "", m.group(0))
        if len(raw) > 7:
            continue
        found.append(Number(int(raw), m.start(), m.end()))
    return _spaced_thousands(text, found)


_SPACED_THOUSANDS = re.compile(r", (\d{3})(?![\d.,])")
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)


def _spaced_thousands(text: str, found: list[Number]) -> list[Number]:
    """A thousands comma typed with a space after it ("Over 1, 800 Ethiopians") joins
    the two groups; a day of the month before a count ("on June 5, 200 migrants") does
    not."""
    out: list[Number] = []
    skip = -1
    for i, n in enumerate(found):
        if i == skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        tail = _SPACED_THOUSANDS.match(text, n.end)
        if (
            nxt is not None
            and tail is not None
            and nxt.start == tail.start(1)
            and n.value < 1000
            and n.end - n.start <= 3
            and not _MONTH_BEFORE.search(text, max(0, n.start - 12), n.start)
        ):
            out.append(Number(n.value * 1000 + nxt.value, n.start, nxt.end))
            skip = i + 1
            continue
        out.append(n)
    return out


def _word_numbers(lowered: str) -> list[Number]:
    found: list[Number] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        while run and lowered[run[-1][0] : run[-1][1]] in _CONNECTORS:
            run.pop()
        if run:
            value = _run_value(lowered[run[0][0] : run[-1][1]])
            if value is not None:
                found.append(Number(value, run[0][0], run[-1][1]))
        run.clear()

    for m in _WORD.finditer(lowered):
        word = m.group(0)
        if _word_value(word) is not None or (run and word in _CONNECTORS):
            if run and lowered[run[-1][1] : m.start()].strip():
                flush()
            run.append(m.span())
        elif run:
            flush()
    flush()
    return found


_APPROXIMATE = re.compile(
    r"\b((?:un|medio) centenar|a hundred|(?:una|media) docena|a dozen|a thousand|una decena)"
    r"(\s+(?:and a half|y medio|y media))?\b"
)
"""With "and a half" / "y media" a half more: "a dozen and a half" is 18."""
_APPROXIMATE_WORDS = ("centenar", "hundred", "docena", "dozen", "thousand", "decena")
"""The words one of which every match of ``_APPROXIMATE`` holds: a text with none is not
scanned."""
_COLLECTIVE = re.compile(
    r"\b(una (?:veintena|treintena|cuarentena|cincuentena)|(?:un|medio) millar)"
    r"(\s+(?:y medio|y media))?\b"
)
"""Spanish collective numerals with their article ("una treintena de migrantes", "un millar"):
approximations as "una decena" is ("cuarentena" alone is a quarantine; stop 52)."""
_COLLECTIVE_WORDS = ("ntena", "millar")
"""The same gate for ``_COLLECTIVE``."""
_APPROXIMATE_VALUES = {
    "un centenar": 100,
    "medio centenar": 50,
    "una docena": 12,
    "media docena": 6,
    "a dozen": 12,
    "a thousand": 1000,
    "una decena": 10,
    "una veintena": 20,
    "una treintena": 30,
    "una cuarentena": 40,
    "una cincuentena": 50,
    "un millar": 1000,
    "medio millar": 500,
}


_DOZENS = re.compile(r"\b(\d{1,2}|[a-z]+)\s+(?:dozen|docenas)\b")
_DOZENS_WORDS = ("dozen", "docenas")
"""The words one of which every match of ``_DOZENS`` holds: a text with neither is not
scanned (the pattern tries ``[a-z]+`` and backs off at every word of it)."""


def _dozens(lowered: str) -> list[Number]:
    """A counted number of dozens ("three dozen", "tres docenas") is a head count: 36;
    "dozens" and "decenas" alone stay vague."""
    found: list[Number] = []
    if not any(word in lowered for word in _DOZENS_WORDS):
        return found
    for m in _DOZENS.finditer(lowered):
        word = m.group(1)
        value = int(word) if word.isdigit() else _word_value(word)
        if value is not None and 1 < value < 100:
            found.append(Number(value * 12, m.start(), m.end()))
    return found


def _approximate(lowered: str) -> list[Number]:
    """ "un centenar" is 100, "a dozen" 12, "una treintena" 30 (text2num reads none)."""
    found = _dozens(lowered)
    scanned = any(word in lowered for word in _APPROXIMATE_WORDS)
    matches = list(_APPROXIMATE.finditer(lowered)) if scanned else []
    if any(word in lowered for word in _COLLECTIVE_WORDS):
        matches += _COLLECTIVE.finditer(lowered)
    for m in matches:
        value = _APPROXIMATE_VALUES.get(m.group(1), 100)
        found.append(Number(value * 3 // 2 if m.group(2) else value, m.start(), m.end()))
    return sorted(found, key=lambda n: n.start)


def numbers(text: str) -> list[Number]:
    """Every number of ``text`` in order, with its span."""
    lowered = text.lower() if len(text.lower()) == len(text) else text
    approximate = _approximate(lowered)
    plain = [
        n
        for n in _digit_numbers(text) + _word_numbers(lowered)
        if not any(a.start <= n.start < a.end for a in approximate)
    ]
    found = plain + approximate
    return _thousands(lowered, sorted(found, key=lambda n: n.start))


def trailing_zeros(value: int) -> int:
    """How round a figure is: 2700 -> 2, 304 -> 0 (0 for zero)."""
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return zeros


_MIL = re.compile(r"\s+mil(?:\s+|$)")


def _thousands(lowered: str, found: list[Number]) -> list[Number]:
    """Mexican press style: "mil 64" is 1,064 and "2 mil 300" is 2,300 (digits around
    the word "mil", which text2num reads alone as 1,000)."""
    out: list[Number] = []
    i = 0
    while i < len(found):
        n = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        is_mil = lowered[n.start : n.end] == "mil"
        if (
            not is_mil
            and n.value < 1000
            and nxt is not None
            and lowered[nxt.start : nxt.end] == "mil"
            and _MIL.fullmatch(lowered[n.end : nxt.end] + " ")
        ):
            n = Number(n.value * 1000, n.start, nxt.end)  # "2 mil"
            i += 1
            nxt = found[i + 1] if i + 1 < len(found) else None
            is_mil = True
        if (
            is_mil
            and nxt is not None
            and nxt.value < 1000
            and lowered[n.end : nxt.start].isspace()
            and lowered[nxt.start].isdigit()
        ):
            n = Number(n.value + nxt.value, n.start, nxt.end)  # "mil 64"
            i += 1
        out.append(n)
        i += 1
    return out
