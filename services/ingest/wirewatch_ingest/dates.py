"""Publication dates written in another language than English: the fallback when
feedparser (RFC 822 and W3C dates, English names) finds none.

Feeds from Spanish, Portuguese, French, Italian, German and Dutch sites often write
``pubDate`` with local day and month names ("lun., 05 dic. 2026 10:00:00 +0100",
"Seg, 24 Set 2018 19:42:40 -0300", "mer, 16 nov 2022 00:38:15 +0100"), or day-first
with dots ("22.11.2022 12:16:00"). Without a date the item would be stamped with the
time it was fetched: a feed's back catalogue would pass for news of the hour.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from wirewatch_shared.text import strip_accents

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan ene gen janv januar janner janeiro janvier januari enero gennaio",
        "feb fev fevr febr februar fevereiro fevrier februari febrero febbraio",
        "mar mrz mars maerz marz marco maart marzo",
        "apr abr avr april abril avril aprile",
        "may mai mei mag mayo maio",
        "jun juin giu juni junio junho giugno",
        "jul juil lug juli julio julho juillet luglio",
        "aug ago aout august agosto augustus",
        "sep set sept september septiembre setiembre setembro septembre settembre",
        "oct okt out ott october oktober octubre outubro octobre ottobre",
        "nov november noviembre novembro novembre",
        "dec dic dez december dezember diciembre dezembro decembre dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

# [day name[.],] day[.] month[.] year [time [zone]]
_NAMED = re.compile(
    r"^(?:[^\W\d_]{2,12}\.?,?\s+)?(\d{1,2})\.?\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})\b(.*)$"
)
# day.month.year [time [zone]]
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b(.*)$")
_ENGLISH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _folded(word: str) -> str:
    """Lower case without accents ('Févr' -> 'fevr', 'März' -> 'marz')."""
    return strip_accents(word.lower())


def localized_date(value: object) -> datetime | None:
    """The date in ``value`` (UTC; a date without a zone is taken as UTC), or None."""
    if not isinstance(value, str) or not 8 <= len(value) <= 80:
        return None
    text = " ".join(value.split())
    named = _NAMED.match(text)
    if named:
        day, month_name, year, rest = named.groups()
        month = _MONTHS.get(_folded(month_name))
    else:
        dotted = _DOTTED.match(text)
        if dotted is None:
            return None
        day, month_text, year, rest = dotted.groups()
        month = int(month_text)
    if month is None or not 1 <= month <= 12:
        return None
    english = f"{int(day):02d} {_ENGLISH[month - 1]} {year}{rest or ' 00:00:00'}"
    try:
        parsed = parsedate_to_datetime(english)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
