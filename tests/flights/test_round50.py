"""Stop 50 (issue 15, the people field, Spanish first; bench/flights_round50/RULE.md): B, an
approximate count said in words ("un centenar", "a dozen") yields to a precise count of the same
report, as "more than 100" does; C, a count taken from a pool named with it ("De ellos, 86 ...",
"De los 460 migrantes, 220 ...", "sólo 18", "eleven of these people", "14 of the 150") whose own
clause tells that it flew or was removed is the flight's head count, not the pool. Real studied
items, read from their files by id, and the studied items' phrasing; guards keep a subset that
tells no flight a subset, and a lone approximation the count."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, normalise, predict
from wirewatch_flights.extract import extract
from wirewatch_flights.parts import item_parts
from wirewatch_flights.people import _approximation, _share_of_pool

from tests.flights.support import labelled_item


def _people(name: str, item_id: str) -> tuple[object, object]:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None
    flight = predict(obj)
    assert flight is not None
    return normalise("people", gold["people"]), flight.people


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "la expulsión de 138 migrantes ... De ellos, 86 ... partieron en un vuelo"
        ("dev", "fl-0202"),
        # "De los 460 migrantes, 220 se efectuaron en dos vuelos" (the rest went by land)
        ("dev", "fl-0214"),
        ("dev", "fl-0215"),
        # "estaba previsto para 50 ciudadanos afganos ... En realidad sólo 18 tomaron el vuelo"
        ("morning", "fl-9812"),
        # "Los primeros 21 de los 49 activistas españoles ... aterrizaron el domingo"
        ("fresh47b", "fl-47307"),
        # "Only 14 Of The 150 Deported Zimbabweans Left UK Last Night"
        ("fresh", "fl-6020"),
        # "fifteen Congolese detainees ... eleven of these people were forcibly deported by
        # military flight"
        ("sundown", "fl-29008"),
    ],
)
def test_c_the_flights_share_of_a_pool_is_the_head_count(name: str, item_id: str) -> None:
    want, got = _people(name, item_id)
    assert got == want


def test_b_a_precise_count_beats_an_approximation() -> None:
    # dev fl-0318: "Un centenar de inmigrantes ilegales cubanos ... con 123 personas” a bordo"
    want, got = _people("dev", "fl-0318")
    assert (want, got) == (123, 123)


@pytest.mark.parametrize(
    ("name", "item_id", "count"),
    [
        # "Un vuelo con un centenar de colombianos deportados": the only count stays the count
        ("dev", "fl-0046", 100),
        # "Medio centenar de migrantes expulsados desde Tenerife"
        ("new", "fl-3013", 50),
        # "A dozen foreign-born criminals locked up in Australia have been punted back"
        ("afternoon", "fl-12015", 12),
    ],
)
def test_b_a_lone_approximation_still_counts(name: str, item_id: str, count: int) -> None:
    assert _people(name, item_id) == (count, count)


@pytest.mark.parametrize(
    ("phrase", "approximate"),
    [
        ("un centenar", True),
        ("medio centenar", True),
        ("a dozen", True),
        ("a hundred", True),
        ("tres docenas", True),
        ("one hundred", False),
        ("ciento veinte", False),
        ("127", False),
    ],
)
def test_b_what_an_approximation_is(phrase: str, approximate: bool) -> None:
    part = item_parts(f"Llegan {phrase} de migrantes deportados", "")[0]
    assert part.numbers, phrase
    assert _approximation(part, part.numbers[0]) is approximate


@pytest.mark.parametrize(
    ("summary", "count", "share"),
    [
        ("Expulsaron a 138 migrantes. De ellos, 86 partieron en un vuelo a Bogotá.", 86, True),
        ("De los 460 migrantes, 220 se efectuaron en dos vuelos.", 220, True),
        ("Eleven of these people were forcibly deported by military flight.", 11, True),
        # guards: a subset that tells no flight or removal stays a subset
        ("Expulsaron a 138 migrantes. De ellos, 30 son mujeres.", 30, False),
        ("Deported 60 migrants, 20 of whom are women.", 20, False),
        # "only" with no flight in its clause (the flight is in the next one)
        ("The plan covers only 40 people; the flight leaves on Monday.", 40, False),
    ],
)
def test_c_a_share_needs_a_pool_and_a_flight_in_its_clause(
    summary: str, count: int, share: bool
) -> None:
    part = item_parts("", summary)[0]
    number = next(n for n in part.numbers if n.value == count)
    assert _share_of_pool(part, number) is share


def test_c_a_subset_with_no_flight_keeps_the_pool() -> None:
    title = "Chile expulsa a 138 migrantes en un vuelo a Colombia"
    summary = "De ellos, 30 son mujeres y 12 son menores de edad."
    flight = extract(title, summary, None)
    assert flight is not None
    assert flight.people == 138
