"""The numbers of a text as cues: counts, years, dates, and what each count says (pure).

A count is the evidence two reports of one event share most surely (``n:304``), and the one
that parts look-alikes (another flight, another wreck). So every number is read with what
surrounds it: its scale word ("10 mil", "1,5 millones"), whether it is a year (``y:``), a date
(``d:``), a measure, a time or a flight number (``u:``: no count), an estimate ("at least 59":
``h:``) and what it counts (``k:``: the dead, the missing, the saved, those on board).
:func:`wirewatch_stories.features.text_cues` calls :func:`digit_cues` for each number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch_stories.lexicon import WORD, fold, fold_token

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "20 de agosto", "20 August", "August 20", "Aug. 20th": the day is a date, not a count
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:\s+de)?\s+(?P<month>{_MONTH})\b"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)


# The letters outside ASCII that re.IGNORECASE matches to ASCII ones (the re module's docs:
# "İ", "ı", "ſ" and the Kelvin sign "K").
_ASCII_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")
_MONTH_KEYS = frozenset(MONTHS)


def may_have_dates(tokens: Iterable[str], *, ascii_text: bool = False) -> bool:
    """Whether a text whose word tokens are ``tokens`` may hold a date of :data:`_DATE` (a
    check before the regex, far cheaper): the month that regex reads is a whole run of word
    characters, so one of the tokens, and an ASCII token matches a month whatever its case
    only if it is one lower-cased. A token with a letter that matches an ASCII one whatever
    its case may be one too. ``ascii_text``: every token is ASCII (the same answer, in one
    pass in C; stop 44)."""
    if ascii_text:
        return not _MONTH_KEYS.isdisjoint(map(str.lower, tokens))
    return any(
        token.lower() in MONTHS if token.isascii() else not _ASCII_LOOKALIKES.isdisjoint(token)
        for token in tokens
    )


def dates(text: str) -> tuple[set[str], set[int]]:
    """``d:<month>-<day>`` cues of the dates in ``text`` (the same in every language),
    and the offsets of their day numbers (not counts)."""
    cues: set[str] = set()
    days: set[int] = set()
    for match in _DATE.finditer(text):
        group = "day" if match.group("day") else "day2"
        day = int(match.group(group))
        # None: a look-alike letter ("JULİO") the regex matched but no month folds to
        month = MONTHS.get(match.group("month" if group == "day" else "month2").casefold())
        if month is not None and 1 <= day <= 31:
            cues.add(f"d:{month}-{day}")
            days.add(match.start(group))
    return cues, days


# A number's scale word ("10 mil efectivos" = "10,000 troops", "1,5 millones" = "1.5 million").
SCALES = {
    "mil": 1_000, "thousand": 1_000, "millon": 1_000_000, "millones": 1_000_000,
    "million": 1_000_000, "millions": 1_000_000,
}  # fmt: skip


def _scaled(token: str, scale: int) -> str | None:
    """``n:<value>`` of a number with its scale word ("2,5" and "2.5" are decimals)."""
    parts = re.split(r"[.,]", token)
    if len(parts) == 2 and len(parts[1]) != 3:
        value = float(f"{parts[0]}.{parts[1]}")
    else:
        value = float("".join(parts))
    scaled = round(value * scale)
    return f"n:{scaled}" if 0 < scaled < 10**12 else None


def _number(token: str) -> str | None:
    """``n:<value>`` / ``y:<year>`` for a numeric token, None for ids and noise."""
    digits = token.replace(",", "").replace(".", "")
    parts = re.split(r"[.,]", token)
    if len(parts) > 1 and len(parts[-1]) != 3:  # a decimal: 3.5, 1,5
        digits = parts[0].replace(",", "").replace(".", "")
    if not digits or len(digits) > 9:
        return None
    value = int(digits)
    if len(token) == 4 and 1900 <= value <= 2100:  # "2,000 troops" is a count, not a year
        return f"y:{value}"
    return f"n:{value}"


def digit_cues(text: str, matches: list[re.Match[str]], n: int, scale_words: set[int]) -> list[str]:
    """The cues of the digits at ``matches[n]``: its number, and for a count whether it is
    hedged, a measure, and what it counts."""
    match = matches[n]
    following = matches[n + 1] if n + 1 < len(matches) else None
    number = _number_cue(text, match, following, scale_words)
    if number and n and _thousand_before(text, matches[n - 1], match, scale_words):
        number = f"n:{1000 + int(number[2:])}" if int(number[2:]) < 1000 else number
    if not number:
        return []
    cues = [number]
    if number[0] == "n":
        value = number[2:]
        if hedged(text, match.start()):
            cues.append(f"h:{value}")
        if _measure(text, match):
            cues.append(f"u:{value}")
        if kind := _count_kind(text, match.end()):
            cues.append(f"k:{kind}:{value}")
    return cues


# What a count counts, read off the (at most three) words after it: the dead, the missing,
# the saved or those on board ("34 muertos", "143 survivors", "367 people rescued", "700 a
# bordo"). ``k:<kind>:<value>`` (a cue of no weight): two reports that count different things
# ("Sobreviven a nuevo naufragio 143" against "at least 34 dead") give no count conflict (see
# wirewatch_stories.cluster). Added after tests/data/stories_afternoon.jsonl, from the splits
# of tests/data/stories_saturday.jsonl.
COUNT_KINDS = {
    "dead": r"muertos?|muertas?|fallec\w*|dead|deaths?|died|killed|bodies|cadaveres|cuerpos"
    r"|ahogad\w*|drowned|victimas|victims|perished|mueren|murieron",
    "missing": r"desaparecid\w*|missing|perdidos",
    "saved": r"rescatad\w*|rescued|survivors?|supervivientes|sobrevivientes|sobreviven"
    r"|salvad\w*|saved",
    "aboard": r"a bordo|on board|aboard|pasajeros|passengers|ocupantes",
}
_COUNT_KIND = re.compile(
    "|".join(rf"\b(?P<{kind}>{words})\b" for kind, words in COUNT_KINDS.items())
)


def _count_kind(text: str, end: int) -> str | None:
    """The kind of the count ending at ``end`` (see :data:`COUNT_KINDS`), if one of the
    three words after it names it (not after "de"/"of")."""
    words = WORD.findall(fold(text[end : end + 60]))[:3]
    if words and words[0] in {"de", "of"}:
        return None  # a part of them ("59 de sus ocupantes fallecieron"): its verb says what
    match = _COUNT_KIND.search(" ".join(words))
    return match.lastgroup if match else None


# An estimate: "at least 59", "unos 700", "more than 400", "alrededor de 100". The first
# reports of an event give early or rounded figures that later reports revise (a death
# toll 59 -> 78, "unos 700" marines against 500): ``h:<value>`` marks such a count (a cue
# of no weight) and the clusterer lets it stand for a count within a ratio (see
# wirewatch_stories.cluster.HEDGE_RATIO). Added after tests/data/stories_morning.jsonl.
_HEDGE = re.compile(
    r"(?:\b(?:at least|more than|over|around|about|approximately|nearly|almost|some|up to"
    r"|as many as|roughly|an estimated|estimated|al menos|por lo menos|mas de|más de|unos"
    r"|unas|alrededor de|cerca de|casi|aproximadamente|hasta|en torno a|aprox\.))\s+$",
    re.IGNORECASE,
)


# A number that measures something else than a head count: a distance, a temperature, a
# share, a sum, an age or a duration ("120 millas", "41 °C", "25 %", "$16,000", "14-year-old",
# "20 años de prisión"), a time of day or a date in digits ("15:30 horas", "23/04/2024"). It
# keeps its ``n:`` cue (the same 3-year-old child in two reports) and gets a ``u:`` cue of no
# weight: the clusterer does not read it as a count. Read as a count, it conflicted with the
# event's toll (Roccella's "120 millas" against "64 missing", "las 15:30" against 54 dead;
# tests/data/stories_friday.jsonl).
UNIT_AFTER = re.compile(
    r"[ \u00a0]?-?(?:%|°|º|(?:por ciento|percent|per cent|km|kms|kilometres|kilometers"
    r"|kilómetros|kilometros|miles|mile|millas|milla|metres|meters|metros|mph|grados|degrees"
    r"|hours|horas|hrs|minutes|minutos|years?|años|year-old|euros|dólares|dolares|dollars"
    r"|pesos|libras|pounds)\b)",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£]|US\$|USD|EUR)\s?$")
# A road's kilometre marker, where crashes are located ("km 91", "kilómetro 134", "km 88+50"):
# read as counts, the markers conflicted with the toll ("+17 fallecidos" against "km 88+50";
# tests/data/stories_evening.jsonl st-17018). Added after the evening set.
_MARKER_BEFORE = re.compile(
    r"(?:\bkm\.?|\bkms\.?|\bkil[oó]metros?|\bmile marker|\bmilepost)\s?(?:\d+\+)?$",
    re.IGNORECASE,
)


# A flight's number ("Se trata del vuelo 7658", "flight number 17", "vuelo número 18") names a
# flight; it counts nothing. Read as a count, La Nación's "vuelo 7658" conflicted with the 184
# Cubans the other reports of that flight give (tests/data/stories_vespers.jsonl st-20020).
_FLIGHT_BEFORE = re.compile(
    r"\b(?:flight|vuelo)\s(?:(?:number|n[uú]mero|no\.|n[º°o]\.?)\s?|#\s?)?$", re.IGNORECASE
)


def _measure(text: str, match: re.Match[str]) -> bool:
    """Whether the digit token is a measure, a time or a date, not a count."""
    start, end = match.start(), match.end()
    if text[end : end + 1] in {":", "/"} and text[end + 1 : end + 2].isdigit():
        return True
    if start >= 2 and text[start - 1] in {":", "/"} and text[start - 2].isdigit():
        return True
    if _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
        return True
    if _MARKER_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _FLIGHT_BEFORE.search(text, max(0, start - 20), start):
        return True
    return UNIT_AFTER.match(text, end) is not None


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def before_article(text: str, match: re.Match[str]) -> int:
    """Where a spelled number starts, with its article ("a hundred"): the offset a word of
    estimate ends at ("more than a hundred Haitians" against "129 Haitian migrants")."""
    article = _ARTICLE_BEFORE.search(text, max(0, match.start() - 4), match.start())
    return article.start() if article else match.start()


def hedged(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a word of estimate (see :data:`_HEDGE`)."""
    return _HEDGE.search(text, max(0, start - 24), start) is not None


def _number_cue(
    text: str, match: re.Match[str], following: re.Match[str] | None, scale_words: set[int]
) -> str | None:
    """The number a digit token says, with the scale word right after it ("10 mil",
    "2 million"), whose offset goes into ``scale_words`` so it is not read as a word."""
    token = match.group()
    scale = SCALES.get(fold_token(following.group())) if following else None
    if following and scale and text[match.end() : following.start()].isspace():
        scale_words.add(following.start())
        return _scaled(token, scale)
    return _number(token)


def _thousand_before(
    text: str, before: re.Match[str], match: re.Match[str], scale_words: set[int]
) -> bool:
    """Whether the digit token follows a bare "mil" ("mil 500": 1,500, as Mexican outlets
    write it; "10 mil 500" is not read so)."""
    return (
        before.start() not in scale_words
        and fold_token(before.group()) == "mil"
        and text[before.end() : match.start()].isspace()
        and (before.start() < 2 or not text[: before.start()].rstrip()[-1:].isdigit())
    )


def spelled_scale(
    text: str, words: list[str], following: re.Match[str], scale_words: set[int]
) -> list[str]:
    """A spelled number with its scale word ("dos mil": 2,000, "three million"), whose offset
    goes into ``scale_words`` so it is not read as a word."""
    scale = SCALES.get(fold_token(following.group()))
    if not scale or not text[following.start() - 1 : following.start()].isspace():
        return words
    scale_words.add(following.start())
    return [f"n:{int(words[0][2:]) * scale}"]
