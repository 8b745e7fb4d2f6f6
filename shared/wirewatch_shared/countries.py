"""The ISO 3166-1 alpha-2 country codes Wirewatch accepts: one list for every service
(notify's subscription filters and routes, the flights API's and CLI's filters).

The codes are CLDR's two-letter territories as Babel ships them (kept current with each
Babel release), less the few CLDR codes that are not countries of ISO 3166-1; XK
(Kosovo) is kept, as CLDR, the flight records and most news data use it. Babel is read
lazily, on the first check, and the set cached: a process that checks no code never
loads it.
"""

from __future__ import annotations

import re
from functools import cache

NOT_ISO_3166 = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)
"""CLDR territory codes that are not ISO 3166-1 alpha-2 country codes (exceptionally
reserved, groupings, private use)."""

MISTAKEN_CODES = {"UK": "GB", "EL": "GR"}
"""Codes people write for a country whose ISO code is another (the EU's for Greece)."""

_TWO_LETTERS = re.compile(r"^[A-Z]{2}$")


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code (upper case), from Babel's CLDR territories."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(
        code for code in codes if _TWO_LETTERS.match(code) and code not in NOT_ISO_3166
    )


def country_problem(value: str) -> str | None:
    """Why ``value`` is no country code (None: it is one, in any case, spaces aside)."""
    code = value.strip().upper()
    if code in country_codes():
        return None
    hint = MISTAKEN_CODES.get(code)
    suffix = f" (did you mean {hint}?)" if hint else " (ISO 3166-1 alpha-2, e.g. GT)"
    return f"{value} is not a country code{suffix}"


def country_code(value: str) -> str:
    """``value`` as an upper-case ISO 3166-1 alpha-2 code; ValueError saying why not."""
    problem = country_problem(value)
    if problem:
        raise ValueError(problem)
    return value.strip().upper()
