"""The CLDR names the extractor reads (English and Spanish), as Babel gives them, kept in
``data/cldr.json``: territory names, the exemplar city and territory of each time zone,
month and weekday names. Pure.

The flights stage reads this file instead of Babel: Babel keeps every locale it has
loaded (and its global data) for the life of the process, ~6 MB of the stage's 150 MB
for a few hundred names. The file is Babel's data verbatim, not a hand-kept table:
``tests/flights/test_cldr.py`` checks it against the installed Babel, and
``python -m wirewatch_flights.cldr`` writes it again (after a Babel upgrade).
Licence: the names are Unicode CLDR data (Unicode License v3), as packaged by Babel
(BSD-3-Clause); both allow redistribution with the notice, which the file's ``licence`` keeps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CLDR_PATH = Path(__file__).resolve().parent / "data" / "cldr.json"
LOCALES = ("en", "es")
WIDTHS = ("wide", "abbreviated")
LICENCE = (
    "Unicode CLDR data, Copyright (c) 2004-2025 Unicode, Inc., Unicode License v3 "
    "(https://www.unicode.org/license.txt); packaged by Babel, Copyright (c) 2013-2026 "
    "by the Babel Team, BSD-3-Clause (https://github.com/python-babel/babel/blob/master/LICENSE)"
)


def from_babel() -> dict[str, Any]:
    """What the extractor reads from Babel, in Babel's order (the file's content)."""
    from babel import Locale
    from babel.core import get_global

    locales: dict[str, Any] = {}
    for code in LOCALES:
        locale = Locale(code)
        zones = locale.time_zones
        locales[code] = {
            "territories": dict(locale.territories.items()),
            "zone_cities": {
                zone: names["city"] for zone, names in zones.items() if names.get("city")
            },
            "months": {w: dict(locale.months["format"][w].items()) for w in WIDTHS},
            "days": {w: dict(locale.days["format"][w].items()) for w in WIDTHS},
        }
    return {
        "licence": LICENCE,
        "zone_territories": dict(get_global("zone_territories").items()),
        "locales": locales,
    }


def load(path: Path = CLDR_PATH) -> dict[str, Any]:
    """The shipped CLDR names (month and weekday numbers are JSON strings). Read anew on
    each call, not kept: the lexicon and the date patterns read it once each at start."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def render(data: dict[str, Any]) -> str:
    """The file's text for ``data``."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(path: Path = CLDR_PATH) -> None:
    path.write_text(render(from_babel()), encoding="utf-8")


if __name__ == "__main__":
    write()
