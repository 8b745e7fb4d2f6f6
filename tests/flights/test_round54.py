"""Stop 54 (issue 15; bench/flights_round54/RULE.md, QR shipped).

Q: a headline on a removal still ahead (people still in cells or detention, awaiting their
removal, in line or in process for it, its delay, an order to deport them) is not a record,
unless a removal done is told beside those words; a flight named there is the one awaited.
R: a headline that surveys removals (an explainer, what is known, a state's practices) is not a
record. Real studied items, read from their files by id; hand-written sentences beside them.
"""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "51 Somalis still in cells awating deportation flight"
        ("fresh51", "fl-51233"),
        # "Released Malian nationals still in line for deportation, minister says"
        ("fresh52", "fl-52223"),
        # "El Ministerio del Interior explica la tardanza en deportar a 10 cubanos"
        ("fresh52", "fl-52218"),
        # "Five Cubans ordered deported from Guyana"
        ("ridgeline", "fl-40062"),
        # kept: "2500 Gambians await deportation from German state of Baden-Württemberg"
        ("aurora", "fl-31731"),
        # kept: "2,470 Ghanaians in U.S. ICE detention awaiting deportation"
        ("evening", "fl-13018"),
    ],
)
def test_a_removal_still_ahead_is_no_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "US deportation: why military planes and handcuffs? An explainer"
        ("quarry", "fl-41012"),
        # "Trump administration has floated deporting third-party nationals to Africa. Here's
        # what we know"
        ("ashfall", "fl-33430"),
        # "Deported to Sri Lanka or Eritrea: deportation practices in Switzerland are so different"
        ("fresh52", "fl-52225"),
    ],
)
def test_an_overview_headline_is_no_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Repatriations delayed by issues at Haiti airport"
        ("fresh49b", "fl-49341"),
        # "Government Warns Judges Not To Delay Deportation Flight!"
        ("tideline", "fl-31814"),
        # "Los vuelos de deportación de EE.UU. a Venezuela están en el limbo"
        ("new", "fl-3092"),
        # "Las claves de los dos vuelos con deportados de EEUU que arribaron a Venezuela"
        ("dev", "fl-0014"),
        # "¿Qué pasó exactamente con el vuelo militar de Estados Unidos con deportados ...?"
        ("afternoon", "fl-12008"),
    ],
)
def test_delays_limbo_and_questions_on_one_flight_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is not None
    assert predict(obj) is not None


@pytest.mark.parametrize(
    ("title", "summary", "record"),
    [
        (
            "120 Guatemalans still in detention awaiting deportation flight",
            "The 120 Guatemalan migrants held in Texas will be flown to Guatemala City once a "
            "charter flight is arranged, officials said.",
            False,
        ),
        (
            "Guyana deports five Cubans ordered deported last year",
            "Five Cuban nationals were flown from Georgetown to Havana on Tuesday on a charter "
            "flight, the immigration department said.",
            True,
        ),
        (
            "Deportation flights to Haiti: what we know",
            "A flight carrying 60 Haitians landed in Port-au-Prince on Monday.",
            False,
        ),
    ],
)
def test_sentences_beside_the_items(title: str, summary: str, record: bool) -> None:
    obj = {"title": title, "summary": summary, "published": "2025-03-04T00:00:00Z"}
    assert (predict(obj) is not None) is record
