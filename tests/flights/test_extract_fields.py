"""Each field of a flight record (origin, destination, status, people) against its label.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
Covered, one row a rule: places.yaml airports and demonyms, two destinations, Spanish futures,
age groups summed, planeloads and years that are no head count, refusals and attempts that
are not the flight blocked, a helping state, the migrants' own route."""

from __future__ import annotations

import pytest

from tests.flights.support import assert_field, classify_item, dev_items, labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "field"),
    [
        # "Ecuador autorizó tres nuevos vuelos ... este sábado": no other status cue
        ("sunrise", "fl-9728", "status"),
        # "esta vez el vuelo no salió de Miami" + "arribó": it left from elsewhere
        ("sunrise", "fl-9719", "status"),
        # "Ethiopia resumes repatriating 70,000 nationals from Saudi Arabia"
        ("new", "fl-3096", "destination"),
        # "Trump Deports First Batch of Nigerians as Ghana Receives 14 ... Deportees"
        ("check", "fl-4031", "destination"),
        # "arribaron al Aeropuerto Internacional de Tapachula" (Guatemalans, MX)
        ("sunrise", "fl-9723", "destination"),
        # "Thailand Deports Dozens of Uyghurs to China": a group without a number
        ("predawn", "fl-9607", "destination"),
        # "Primer grupo de dominicanos del 2019 llegan al país"
        ("check", "fl-4020", "destination"),
        # Ethiopians "trapped" in Saudi Arabia flown home: a Gulf state's removal
        ("morning", "fl-9822", "destination"),
        # "Iraq sends two airplanes to take some migrants from Minsk" ... "took off ... to take
        # 617 Iraqis": migrants fetched, a flight still to come
        ("predawn", "fl-9611", "status"),
        ("predawn", "fl-9611", "people"),
        # places.yaml: "at Ninoy Aquino International Airport (NAIA)" is the Philippines
        ("prime", "fl-27002", "origin"),
        # places.yaml: "departed Lynden Pindling International Airport, New Providence"
        ("prime", "fl-27031", "origin"),
        # places.yaml: "Twenty-Six Liberian deportees arrived": a singular demonym
        ("prime", "fl-27037", "destination"),
        # "Dublin Agreement" is a law, not Ireland; "The flight to Sofia, Bulgaria"
        ("prime", "fl-27025", "destination"),
        # "Deporta INM a 77 migrantes de El Salvador" ... "de nacionalidad salvadoreña ...
        # asegurados en el Estado de Chiapas": the INM's Mexico sends Salvadorans home
        ("terce", "fl-28001", "origin"),
        ("terce", "fl-28001", "destination"),
        # "repatriación de extranjeros a Tirana (Albania) y a Tbilisi (Georgia)": two destinations
        ("prime", "fl-27010", "destination"),
        # "Cuatro aviones ..., dos hacia Bamako y dos rumbo a Dakar": two destinations
        ("terce", "fl-28025", "destination"),
        # "EE.UU. programará un vuelo para deportar a 74 peruanos": a Spanish future
        ("terce", "fl-28003", "status"),
        # "... supondrá retomar también las devoluciones de inmigrantes por vía aérea"
        ("prime", "fl-27007", "status"),
        # "Police announced it returned 23 third country nationals": told as done
        ("terce", "fl-28019", "status"),
        # "Ecuador 'obstaculiza' tres vuelos": blocked
        ("terce", "fl-28030", "status"),
        # "expulsadas por Marruecos ... desde el Sáhara Occidental": Western Sahara sends no one
        ("terce", "fl-28024", "origin"),
        # "Seven illegal immigrants in Indonesia deported to Middle East ... from Iraq, Iran and
        # Afghanistan ... flown from Kupang's El Tari Airport": Indonesia sends, no one destination
        ("prime", "fl-27035", "origin"),
        ("prime", "fl-27035", "destination"),
        # "Cambodia deports 89 suspects": a people noun, over the lede's "nearly 100"
        ("prime", "fl-27003", "people"),
        # "paraliza la expulsión de 15 kurdos"
        ("terce", "fl-28027", "people"),
        # "one hundred thirty (130) Cuban nationals"
        ("prime", "fl-27031", "people"),
        # "el plan impulsado por el gobierno de Sebastián Piñera" with two destinations: a Chilean
        # president is a state signal, Chile the origin
        ("new", "fl-3018", "origin"),
        # "Deportation freight in Iraq started in Leipzig ... From Leipzig Airport": the verb
        # after "in Iraq" is not Iraq's
        ("fresh", "fl-6014", "origin"),
        ("fresh", "fl-6014", "destination"),
    ],
)
def test_field_takes_its_label(name: str, item_id: str, field: str) -> None:
    obj = labelled_item(name, item_id)
    assert_field(obj, field, obj["flight"][field])


@pytest.mark.parametrize(
    ("item_id", "field"),
    [
        # "after they were flown to Djibouti en route to South Sudan": Djibouti is a stop
        ("fl-0272", "destination"),
        # "vuelo directo entre el Aeropuerto Internacional Felipe Ángeles de Ciudad de México
        # (AIFA) y el Aeropuerto Internacional de Caracas": Mexico, not the US it names first
        ("fl-0006", "origin"),
    ],
)
def test_dev_field_takes_its_label(item_id: str, field: str) -> None:
    (obj,) = dev_items(item_id)
    assert_field(obj, field, obj["flight"][field])


@pytest.mark.parametrize(
    ("item_id", "field", "want"),
    [
        # a number before planeloads counts flights, not people: "Two planeloads of deported
        # migrants"
        ("pool-en-0176", "people", None),
        # a headline's two counted age groups are one flight's: "Seven children and 45 adults"
        ("pool-men-0005", "people", 52),
        ("pool-es-0341", "people", 167),  # "46 menores y 121 adultos"
        # a year before 1900 after "of" is no head count: "the Alien Enemies Act of 1798"
        ("pool-en-0060", "people", None),
        # a refusal of asylum applications is not the flight blocked: "deny the applications"
        ("pool-cpen-0005", "status", "completed"),
        # a border blocked is not the flight: "blocking the Mexican border"
        ("pool-en-0237", "status", "completed"),
        # an attempt to stop it is not a halt: "Why Was It So Hard to Stop?" ("Just Left")
        ("pool-laen-0001", "status", "completed"),
        # a refusal said to be false: "desmintió que México haya rechazado el aterrizaje"
        ("pool-afes-0066", "status", "completed"),
        # a helping state is no second origin: "With active assistance from Qatar, Germany"
        ("pool-maen-0009", "origin", "DE"),
        # the migrants' own route: "tras un intento ... de migrar hacia los Estados Unidos"
        ("pool-es-0136", "destination", "SV"),
        ("pool-es-0008", "destination", "HN"),  # "salieron del país en caravana ... hacia"
    ],
)
def test_fields(item_id: str, field: str, want: object) -> None:
    assert_field(classify_item(item_id), field, want)
