"""The flight date: a stated date ("el 18 de octubre", "on November 16", "Sept. 26"),
a weekday or day word relative to the publication date ("este jueves", "on Friday",
"ayer", "today"), else nothing (the caller falls back to the publication date). With no
publication date only a date with its year counts: "on Friday" or "15 de julio" cannot be
placed. Month and weekday names in English and Spanish come from Babel's CLDR data
(``data/cldr.json``, :mod:`wirewatch_flights.cldr`). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from wirewatch_flights import cldr
from wirewatch_flights.text import fold

YEARLESS_NEAR = timedelta(days=45)
"""A yearless date this close to the publication is taken as it falls, whatever the
status says (a status read wrong must not move a date by a year)."""


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Names:
    months: dict[str, int]
    weekdays: dict[str, int]
    month_re: str
    weekday_re: str


@lru_cache(maxsize=1)
def _names() -> _Names:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for code in ("en", "es"):
        locale = cldr.load()["locales"][code]
        for width in ("wide", "abbreviated"):
            for number, name in locale["months"][width].items():
                months[fold(name).rstrip(".")] = int(number)
            for number, name in locale["days"][width].items():
                if width == "wide":
                    weekdays[fold(name)] = int(number)  # Monday is 0, as date.weekday()
    months.update({"sept": 9, "setiembre": 9})
    month_re = "|".join(sorted((re.escape(m) for m in months if len(m) >= 3), key=len)[::-1])
    weekday_re = "|".join(re.escape(d) for d in sorted(weekdays, key=len, reverse=True))
    return _Names(months, weekdays, month_re, weekday_re)


_RELATIVE_WORDS = (
    "hoy",
    "today",
    "tonight",
    "this morning",
    "this afternoon",
    "esta manana",
    "esta tarde",
    "esta noche",
    "este mediodia",
    "ayer",
    "yesterday",
    "anoche",
    "last night",
    "anteayer",
)
"""The day words relative to the publication date, in the order the pattern tries them."""

_A_DIGIT = re.compile(r"\d")
"""What every stated date holds (its day): a text without one is not scanned for them."""


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    n = _names()
    day_month = re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?(?P<month>{n.month_re})\.?"
        rf"(?:,?\s+(?:de(?:l)?\s+)?(?P<year>(?:19|20)\d\d))?\b"
    )
    month_day = re.compile(
        rf"\b(?P<month>{n.month_re})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    )
    weekday = re.compile(
        rf"\b(?P<prefix>este|esta|el|la|on|last|this|next|el proximo|la proxima|"
        rf"el pasado|la pasada|since)?\s*\b(?P<weekday>{n.weekday_re})\b(?![,\s]+\d)"
    )
    relative = re.compile(r"\b(?P<word>" + "|".join(_RELATIVE_WORDS) + r")\b")
    return day_month, month_day, weekday, relative


def _year_of(month: int, day: int, published: date, future: bool) -> date | None:
    """A day and month stated without a year: the occurrence nearest the publication
    when it is within ``YEARLESS_NEAR``, else the nearest on the side the report speaks
    of (behind it for a flight that happened, ahead for a planned one). The nearest
    alone put a flight "that landed on 16 February", reported in December, into next
    year."""
    candidates: list[date] = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: abs(c - published))
    if abs(nearest - published) <= YEARLESS_NEAR:
        return nearest
    side = [c for c in candidates if (c >= published) == future]
    return min(side or candidates, key=lambda c: abs(c - published))


def _stated(folded: str, published: date | None, future: bool) -> list[DateMention]:
    day_month, month_day, _, _ = _patterns()
    names = _names()
    found: list[DateMention] = []
    if _A_DIGIT.search(folded) is None:
        return found  # no day: neither pattern can match (both scan every position)
    for regex in (day_month, month_day):
        for m in regex.finditer(folded):
            month = names.months[m.group("month")]
            day = int(m.group("day"))
            if m.group("year"):
                try:
                    value: date | None = date(int(m.group("year")), month, day)
                except ValueError:
                    value = None
            elif published is not None:
                value = _year_of(month, day, published, future)
            else:
                continue
            if value is not None and not _dateline(folded, m.start(), m.end()):
                found.append(DateMention(value, m.start(), m.end()))
    return found


def _dateline(folded: str, start: int, end: int) -> bool:
    """A date that opens the text and ends with ':' or '.-' is the dateline (when the
    item was written), not when the flight was."""
    return start < 40 and folded[end : end + 2].lstrip()[:1] in (":", ".", "-", "—", "–")


def _relative(folded: str, published: date, future: bool) -> list[DateMention]:
    _, _, weekday, relative = _patterns()
    names = _names()
    found: list[DateMention] = []
    # A pattern is scanned only over a text that holds one of its words (every match does)
    weekdays = any(name in folded for name in names.weekdays)
    for m in weekday.finditer(folded) if weekdays else ():
        target = names.weekdays[m.group("weekday")]
        prefix = m.group("prefix") or ""
        ahead = future or prefix in ("next", "el proximo", "la proxima")
        if prefix in ("last", "el pasado", "la pasada", "since"):
            ahead = False
        delta = (
            (target - published.weekday()) % 7 if ahead else -((published.weekday() - target) % 7)
        )
        found.append(DateMention(published + timedelta(days=delta), m.start(), m.end()))
    words = any(word in folded for word in _RELATIVE_WORDS)
    for m in relative.finditer(folded) if words else ():
        back = m.group("word") in ("ayer", "yesterday", "anoche", "last night")
        days = 2 if m.group("word") == "anteayer" else (1 if back else 0)
        found.append(DateMention(published - timedelta(days=days), m.start(), m.end()))
    return found


_DAY_AFTER = re.compile(
    r"\b(?:al dia siguiente|el dia siguiente|un dia despues|the (?:next|following) day|"
    r"the day after)\b(?! (?:of|de)\b)"
)


def _day_after(folded: str, found: list[DateMention]) -> list[DateMention]:
    """ "fechado el 2 de marzo ..., advierte que al día siguiente": the day after the last
    date stated before it."""
    extra: list[DateMention] = []
    if not found:
        return extra  # nothing stated before it to be the day after
    for m in _DAY_AFTER.finditer(folded):
        before = [d for d in found if d.end <= m.start()]
        if before:
            extra.append(DateMention(before[-1].value + timedelta(days=1), m.start(), m.end()))
    return extra


def date_mentions(text: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Dates stated or implied in ``text``, in text order. ``future``: a bare weekday,
    or a day and month with no year, means the next one (planned flights), otherwise
    the last one. ``published`` None (unknown): only dates with their year."""
    folded = fold(text)
    found = _stated(folded, published, future)
    if published is not None:
        found += _relative(folded, published, future)
    found.sort(key=lambda d: d.start)
    found = sorted(found + _day_after(folded, found), key=lambda d: d.start)
    result: list[DateMention] = []
    for mention in found:
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result
