"""The shipped CLDR names (data/cldr.json) are the installed Babel's, verbatim."""

from __future__ import annotations

from wirewatch_flights import cldr


def test_shipped_cldr_names_are_babels() -> None:
    # After a Babel upgrade that changes a name: `python -m wirewatch_flights.cldr`.
    assert cldr.CLDR_PATH.read_text(encoding="utf-8") == cldr.render(cldr.from_babel())


def test_the_flights_stage_does_not_import_babel() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from wirewatch_flights.extract import extract, load_tables\n"
        "load_tables()\n"
        # fl-0001 of the dev set (Noventa Grados): a month name, a country, a count.
        "extract('Arriban a Venezuela 304 migrantes repatriados en vuelo desde México', "
        "'Caracas, a 4 de diciembre 2025', None)\n"
        "print('babel' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
