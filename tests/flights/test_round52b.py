"""Stop 52, fields (issue 15; bench/flights_round52b/RULE.md, candidate B shipped): Spanish
collective numerals ("una veintena", "una treintena", "un millar") are counts, approximations as
"una decena" is. Real studied items, read from their files by id; the true reports whose counts
sit beside such words keep theirs. A and N (a count over a period) are not shipped: they took two
false records away, and the rule asked records equal to main's (diffs: bench/flights_round52b).
"""

from __future__ import annotations

import re

import pytest
from wirewatch_flights import numbers
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # read now:
        # "deportaron a una treintena de migrantes ecuatorianos en un vuelo financiado por ..."
        ("tideline", "fl-31818"),
        # "Una veintena de migrantes de Venezuela decidieron regresar vía aérea a su país ..."
        ("fresh49", "fl-49215"),
        # counts beside a collective numeral, which stay:
        # "... 93 hombres y 21 mujeres procedentes de México, así como una veintena de menores"
        ("daybreak", "fl-30010"),
        # "a 238 miembros del Tren de Aragua ... más una veintena de integrantes de la Mara"
        ("dev", "fl-0116"),
        # "más de 1.000 inmigrantes" in the headline, "más de un millar" in the lede
        ("terce", "fl-28025"),
        # "llegaron unos 127 dominicanos más una veintena de personas que estaban de tránsito"
        ("evening", "fl-13023"),
    ],
)
def test_the_head_count_beside_a_spanish_collective_numeral(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None and gold["people"]
    flight = predict(obj)
    assert flight is not None
    assert flight.people == gold["people"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("una treintena de migrantes", [30]),
        ("medio millar de personas", [500]),
        ("un millar y medio de retornados", [1500]),
        ("una cuarentena de deportados", [40]),
        ("mientras dure la cuarentena de 14 días", [14]),  # a quarantine, no count
    ],
)
def test_collective_numerals_read_with_their_article(text: str, values: list[int]) -> None:
    assert [n.value for n in numbers.numbers(text)] == values


def test_collective_gate_words_hold_no_digit() -> None:
    """The gate itself is checked with the others in tests/flights/test_scan_gates.py."""
    assert not re.search(r"\d", "".join(numbers._COLLECTIVE_WORDS))
