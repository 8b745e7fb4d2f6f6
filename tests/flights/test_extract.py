"""The pure extractor on real items of the development set (tune part) and on the
building blocks (numbers, dates, names)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from wirewatch_flights.dates import date_mentions
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.numbers import numbers
from wirewatch_flights.parts import item_parts
from wirewatch_flights.places import _scored_roles
from wirewatch_flights.status import _status_of
from wirewatch_flights.text import fold

from tests.flights.split import DATA, load

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

TUNE = {o["id"]: o for o in load("tune")}


def _item(item_id: str) -> dict[str, Any]:
    if item_id not in TUNE:
        pytest.skip(f"{item_id} is not in the tune part of the development set")
    return TUNE[item_id]


def test_fold_keeps_offsets() -> None:
    text = "¡Llegó a Maiquetía!"
    assert len(fold(text)) == len(text)
    assert fold(text) == "¡llego a maiquetia!"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Veintidós inmigrantes y dos vuelos", [22, 2]),
        ("two hundred Guatemalans and one hundred and twenty people", [200, 120]),
        ("más de 2.700 hondureños, 1,200 people, doscientos cuatro migrantes", [2700, 1200, 204]),
        ("un centenar de colombianos", [100]),
        ("el tercer vuelo, hundreds of Venezuelans, decenas de migrantes", []),
        ("mil 64 personas, 2 mil 300 migrantes, dos mil hondureños", [1064, 2300, 2000]),
        ("entre 50 o 60 venezolanos, tens of Afghans, billions of dollars", [50, 60]),
    ],
)
def test_numbers_in_digits_and_words(text: str, values: list[int]) -> None:
    assert [n.value for n in numbers(text)] == values


def test_weekdays_resolve_against_publication() -> None:
    published = date(2023, 10, 31)  # a Tuesday
    found = date_mentions("llegó el jueves; ayer; landed on Sept. 26", published)
    assert [d.value for d in found] == [date(2023, 10, 26), date(2023, 10, 30), date(2023, 9, 26)]
    planned = date_mentions("saldrá el jueves", published, future=True)
    assert planned[0].value == date(2023, 11, 2)


# flights_dev.jsonl fl-0451 (a Frontex return, a day and month with no year)
FRONTEX_RETURN = (
    "On 25 January, 40 Albanian citizens were returned to Tirana on a joint charter flight "
    "organised by Frontex, the European Border and Coast Guard Agency."
)
# flights_dev.jsonl fl-0308 (published 2022-05-31: a flight announced for a date ahead)
RWANDA_PLAN = "Priti Patel has confirmed the first flight to Rwanda will leave the UK on June 14."


def test_a_yearless_date_far_from_publication_falls_on_the_side_the_report_speaks_of() -> None:
    # Reported in December, a return "on 25 January" happened this year, not next; a
    # flight announced in January "for June 14" is ahead of it, not behind.
    december = date(2026, 12, 4)
    assert date_mentions(FRONTEX_RETURN, december)[0].value == date(2026, 1, 25)
    assert date_mentions(FRONTEX_RETURN, december, future=True)[0].value == date(2027, 1, 25)
    january = date(2022, 1, 10)
    assert date_mentions(RWANDA_PLAN, january, future=True)[0].value == date(2022, 6, 14)
    assert date_mentions(RWANDA_PLAN, january)[0].value == date(2021, 6, 14)


def test_a_yearless_date_near_publication_is_taken_as_it_falls() -> None:
    # fl-0308 as published: two weeks ahead stays two weeks ahead even where the status
    # was read as done (a wrong status must not move the date by a year).
    published = date(2022, 5, 31)
    assert date_mentions(RWANDA_PLAN, published)[0].value == date(2022, 6, 14)
    assert date_mentions(RWANDA_PLAN, published, future=True)[0].value == date(2022, 6, 14)


# flights_nightfall.jsonl fl-19008 (a Garda press release with no publication date kept)
GARDA_RETURN = (
    "On 4th December, 2019 members from the Garda National Immigration Bureau assisted in a "
    "joint return operation, co-ordinated by Frontex"
)
# flights_predawn.jsonl fl-9604 (no reliable publication date: 'ayer' cannot be placed)
NICAS_AYER = (
    "Un total de 114 nicaragüenses fueron deportados de los Estados Unidos ayer en horas de la "
    "mañana en un vuelo federal proveniente de Houston, Texas"
)


def test_a_year_after_a_comma_belongs_to_the_date() -> None:
    found = date_mentions(GARDA_RETURN, date(2026, 12, 4))
    assert [d.value for d in found] == [date(2019, 12, 4)]


def test_without_a_publication_date_only_dates_with_a_year_count() -> None:
    # Offline input may carry "published": null; "ayer", a weekday or "25 January" would
    # otherwise be placed against the day the tool runs.
    assert date_mentions(GARDA_RETURN, None)[0].value == date(2019, 12, 4)
    assert date_mentions(NICAS_AYER, None) == []
    assert date_mentions(FRONTEX_RETURN, None) == []
    flight = extract("114 nicas deportados ayer Estados Unidos", NICAS_AYER, None)
    assert flight is not None and flight.destination == "NI"
    assert flight.flight_date is None and flight.flight_date_stated is False


def test_places_keys_are_alpha2_strings() -> None:
    import yaml
    from wirewatch_flights.lexicon import DATA_PATH

    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    keys = list(data["countries"])
    assert all(isinstance(k, str) and len(k) == 2 and k.isupper() for k in keys), keys
    assert "NO" in keys  # Norway, quoted: unquoted YAML reads it as false


def test_country_names_come_from_babel_in_both_languages() -> None:
    lexicon = load_lexicon()
    text = "Deportados desde Estados Unidos a Guatemala; flights from the United States to Haiti"
    codes = [m.entry.key for m in lexicon.mentions(text, fold(text))]
    assert codes == ["US", "GT", "US", "HT"]
    # "us" the pronoun is not the United States; "US" the abbreviation is.
    text = "give us the US flight"
    assert [m.entry.key for m in lexicon.mentions(text, fold(text))] == ["US"]


def test_spanish_report_with_origin_phrase_and_carrier() -> None:
    flight = predict(_item("fl-0018"))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("US", "VE", 199)
    assert flight.status == "completed"
    fields = {c.field for c in flight.evidence}
    assert {"origin", "destination", "people", "status"} <= fields
    obj = _item("fl-0018")
    for clue in flight.evidence:
        text = obj[clue.span.source]
        assert text[clue.span.start : clue.span.end] == clue.span.phrase


def test_agency_implies_the_deporting_state() -> None:
    title = "INM deporta a 203 migrantes a Nicaragua y Honduras en 2 acciones diferentes"
    flight = extract(title, "", date(2022, 2, 17))
    assert flight is not None
    assert (flight.origin, flight.people, flight.operator) == ("MX", 203, "INM")


def test_blocked_flights() -> None:
    flight = predict(_item("fl-0028"))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "CO", "blocked")


def test_evacuation_and_remains_are_not_flight_records() -> None:
    for item_id in ("fl-0127", "fl-0129", "fl-0132", "fl-0171", "fl-0172"):
        obj = _item(item_id)
        assert obj["flight"] is None
        assert predict(obj) is None, obj["title"]


def test_court_ruling_on_a_scheme_is_not_a_flight_record() -> None:
    for item_id in ("fl-0151", "fl-0152", "fl-0149"):
        obj = _item(item_id)
        assert predict(obj) is None, obj["title"]


def test_publication_date_stands_in_when_no_date_is_stated() -> None:
    flight = extract(
        "Deportation flights to Guatemala",
        "A flight with 120 Guatemalans landed.",
        date(2024, 5, 2),
    )
    assert flight is not None
    assert flight.flight_date == date(2024, 5, 2)
    assert flight.flight_date_stated is False


PUBLISHED = date(2025, 3, 4)


def route_fields(title: str, summary: str) -> tuple[object, ...]:
    """Origin, destination, people and status of an item that must be a flight record."""
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None, title
    return (flight.origin, flight.destination, flight.people, flight.status)


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # (origin, destination, people, status) from the phrasing alone
        ("Nearly 200 Hondurans deported by ICE", "", ("US", "HN", 200, "completed")),
        ("Five children among 35 people deported to Nigeria on a chartered flight",
         "The Garda National Immigration Bureau carried out the operation.",
         ("IE", "NG", 35, "completed")),
        ("El Tribunal Europeo detiene la expulsión de un migrante del Reino Unido a Ruanda",
         "El primer vuelo no despegó.", ("GB", "RW", None, "blocked")),
        ("Judge rules a U.S. deportation flight to South Sudan violated his order", "",
         ("US", "SS", None, "completed")),
        ("Venezuela suspends repatriation flights from the US", "", ("US", "VE", None, "blocked")),
        ("Deportation flight to Colombia cancelled after Petro refuses entry", "",
         (None, "CO", None, "blocked")),
        ("Jamaica deportation flight goes ahead",
         "The Home Office deported a group of men to Jamaica.",
         ("GB", "JM", None, "completed")),
        ("Honduras alista la recepción de un vuelo con 120 deportados", "",
         (None, "HN", 120, "planned")),
        ("México deporta a mil 64 hondureños en ocho vuelos", "", ("MX", "HN", 1064, "completed")),
        ("Repatrian a 150 salvadoreños desde Estados Unidos", "", ("US", "SV", 150, "completed")),
        ("Guatemalans deported by ICE arrive at La Aurora air base", "",
         ("US", "GT", None, "completed")),
        ("Hondureños detenidos en Florida llegan deportados en vuelo", "",
         ("US", "HN", None, "completed")),
        ("Colombianos deportados llegan en avión de la FAC", "", (None, "CO", None, "completed")),
        ("Second flight with 190 Venezuelans lands in Caracas", "",
         (None, "VE", 190, "completed")),
        ("Boeing 737 with deportees lands in Port-au-Prince", "", (None, "HT", None, "completed")),
        ("Vuelos de deportación de EE.UU. aterrizan en Villahermosa", "",
         ("US", "MX", None, "completed")),
        ("A U.S.-chartered flight with 100 Venezuelans landed in Caracas", "",
         ("US", "VE", 100, "completed")),
        # a blocked cue in the background of a flight that landed
        ("Venezuela receives first deportation flight after months of suspension", "",
         (None, "VE", None, "completed")),
        ("Llega a Caracas el primer vuelo de deportados tras la suspensión de enero", "",
         (None, "VE", None, "completed")),
        ("Honduras recibió 3 vuelos con deportados; un cuarto fue cancelado", "",
         (None, "HN", None, "completed")),
        ("Juez ordena detener vuelo de deportación de venezolanos a El Salvador", "",
         (None, "SV", None, "blocked")),
        ("Gobierno confirma que mañana llega vuelo con 100 deportados desde EE.UU. a Honduras",
         "", ("US", "HN", 100, "planned")),
        ("El vuelo con deportados no pudo despegar por orden judicial", "Iba a Guatemala.",
         (None, "GT", None, "blocked")),
        # Honduras's INM is not Mexico's
        ("Llegan 120 hondureños en vuelo, informó el Instituto Nacional de Migración (INM) de "
         "Honduras", "", (None, "HN", 120, "completed")),
        ("Deporta INM a 110 migrantes hondureños en vuelo", "", ("MX", "HN", 110, "completed")),
        # status grammar: a negated landing, a noun's complement, a headline's present tense
        ("The Flight That Never Landed: Inside the Sudden Halt of a Secret Deportation",
         "Onboard were nearly 100 unaccompanied Guatemalan children.",
         (None, "GT", 100, "blocked")),
        ("'Con Air' flight carrying deportees to New Zealand did not have authority to land",
         "The flight that carried deported criminals from Australia did not have authority to "
         "land in New Zealand.", ("AU", "NZ", None, "completed")),
        ("Sweden slammed for new Iraqi deportations",
         "Sweden’s decision to resume the deportation of Iraqis. Last Wednesday 20 Iraqis were "
         "put on a plane back to Iraq.", ("SE", "IQ", 20, "completed")),
        ("Jamaica charter flight leaves with fewer than 10 on board after dozens of deportee "
         "tickets cancelled", "A charter flight to Jamaica left the UK with around seven people "
         "on board.", ("GB", "JM", 7, "completed")),
        ("Los vuelos de deportación de EE.UU. a Venezuela están en el limbo", "",
         ("US", "VE", None, "blocked")),
        ("Deportations to Haiti begin on U.S. border",
         "The U.S. flew Haitians camped in a Texas border town back to their homeland and tried "
         "to block others from crossing the border from Mexico.", ("US", "HT", None, "completed")),
        ("Trump Administration Deportation Flights", "The Trump administration reportedly is "
         "planning to increase the number of deportation flights this week, including nine to "
         "Mexico.", ("US", "MX", None, "planned")),
        # origin: a possessive, a relative clause, a nationality, a place of the deported people
        ("Editorial: Kicked-out Aussies take tougher line", "A chartered aircraft touched down in "
         "Auckland, an escalation in Australia's deportation of unwanted New Zealanders.",
         ("AU", "NZ", None, "completed")),
        ("UK's 'One In, One Out' Asylum Flight Cancelled", "The first scheduled flight of 2026 to "
         "return asylum seekers who arrived in the UK on small boats to France has been cancelled.",
         ("GB", "FR", None, "blocked")),
        ("Deportation of lawbreakers from Afghanistan residing in Saxony-Anhalt",
         "On a flight from Leipzig that departed early Friday.", ("DE", "AF", None, "completed")),
        ("Deportan 240 hondureños de Chiapas",
         "Fueron deportados ayer con destino a San Pedro Sula.", ("MX", "HN", 240, "completed")),
        ("Repatria Migración a 136 hondureños",
         "Mientras una caravana procedente de Honduras busca llegar a México, el INM deportó a "
         "136 hondureños", ("MX", "HN", 136, "completed")),
        ("Australia Has Deported its First Round of Law-Breaking Kiwis",
         "A chartered flight delivered them from Christmas Island to Auckland.",
         ("AU", "NZ", None, "completed")),
        # people: a word count, a year, arrested protesters, a programme's total
        ("Medio centenar de migrantes expulsados desde Tenerife", "España devolvió este lunes a "
         "Mauritania a medio centenar de inmigrantes en vuelo.", ("ES", "MR", 50, "completed")),
        ("Sweden deports more Iraqis to Baghdad", "Police said they arrested 16 people overnight "
         "protesting the deportation, but the plane left for Bagdad.", ("SE", "IQ", None,
         "completed")),
        # no flight word: a future expulsion, a past one by an agency
        ("Chile expulsará a más de 100 migrantes venezolanos", "", ("CL", "VE", 100, "planned")),
        ("That Didn’t Stop ICE From Deporting People There on Tuesday", "Immigration and Customs "
         "Enforcement deported between four and six Mauritanians to Mauritania.",
         ("US", "MR", None, "completed")),
        # several destinations, a list of countries
        ("Gobierno defiende expulsión de migrantes",
         "Salió un vuelo con destino a Bogotá (Colombia) y Caracas (Venezuela) con 42 ciudadanos "
         "extranjeros que fueron expulsados del país.", (None, None, 42, "completed")),
        ("ICE conducts single adult, family unit removal flights Sept. 14",
         "ICE facilitated multiple removal flights to Central America, Colombia, Ecuador, Peru, "
         "and Senegal.", ("US", None, None, "completed")),
        # people: a per-flight figure, a range, those left behind, "unos"
        ("Mexico refuses to accept US flight deporting migrants", "US military aircraft carried "
         "out two similar flights, each with about 80 migrants, to Guatemala on Friday.",
         ("US", "MX", None, "blocked")),
        ("UK deports immigrants to Pakistan on chartered flights", "The United Kingdom has "
         "deported to Pakistan 350 to 400 Pakistanis.", ("GB", "PK", None, "completed")),
        ("1900 nicaragüenses deportados de Estados Unidos en menos de seis meses",
         "Dos vuelos con unos 298 nicaragüenses deportados de Estados Unidos arribaron al país.",
         ("US", "NI", 298, "completed")),
        # a participle describing the flight beside a finite verb; a court stopping a removal
        ("Expulsión de migrantes", "A través de un vuelo de la FACh, programado la mañana de "
         "este miércoles desde Iquique, se regresaron a sus países 86 ciudadanos venezolanos.",
         ("CL", "VE", 86, "completed")),
        ("Deportación de migrantes a Sudán del Sur fue detenida por segunda vez",
         "Un juez federal bloqueó temporalmente la deportación de migrantes a Sudán del Sur.",
         ("US", "SS", None, "blocked")),
        # an adjective of the people is not the flight blocked; Norway's code stays "NO"
        ("Rejected asylum seekers sent home", "Norwegian government officials chartered a jet "
         "and forcibly sent 30 rejected refugees back home to Iraq over the weekend.",
         ("NO", "IQ", 30, "completed")),
        ("On-again, off-again deportation flight is off again", "A previously postponed charter "
         "flight to deport about 100 Somalis, Sudanese and Congolese immigrants back to Africa "
         "has been rescheduled again.", (None, None, 100, "blocked")),
        # flights from two states reported together: no single origin
        ("Llegan al país 387 compatriotas luego de ser deportados", "Tres vuelos, dos "
         "provenientes de México y uno de Estados Unidos, arribaron ayer al aeropuerto Ramón "
         "Villeda Morales con aproximado de 387 compatriotas.", (None, "HN", 387, "completed")),
        # a plan that will not go ahead is blocked, not planned
        ("Rwanda deportation flight will not go ahead after a series of last-ditch legal "
         "challenges", "The first deportation flight to Rwanda will no longer take off after a "
         "series of successful last minute legal challenges meant the few asylum seekers who "
         "were on board were granted injunctions to stop their removal from the UK.",
         ("GB", "RW", None, "blocked")),
        # a headline's present tense of arrival, the lede's future: planned
        ("Llega al país el primer vuelo de argentinos deportados por Donald Trump", "En las "
         "próximas horas llegará al Aeropuerto Internacional de Ezeiza el primer vuelo con 16 "
         "ciudadanos argentinos que fueron deportados por Estados Unidos.",
         ("US", "AR", 16, "planned")),
        ("La deportación masiva: Honduras recibe a casi 500 migrantes", "Honduras recibirá "
         "mañana tres aviones con cerca de 500 migrantes deportados desde EE.UU., según el "
         "gobierno hondureño.", ("US", "HN", 500, "planned")),
        # "headed towards" names the destination; "salir de" the origin
        ("UK charter plane jets off with only 1 migrant on board: Home Office", "A special "
         "chartered plane arranged by the UK Home Office jetted off with only a single migrant "
         "due to last-minute legal obligations that resulted in blocking the deportation of 29 "
         "others. The flight headed towards France on Friday.", ("GB", "FR", 1, "completed")),
        ("Monsalve confirma expulsión de migrantes en vuelos comerciales tras fallido vuelo a "
         "Venezuela", "Los migrantes expulsados debían salir de Chile la semana pasada, en un "
         "frustrado vuelo a Venezuela.", ("CL", "VE", None, "blocked")),
        # the next flight is a planned one
        ("Uncertainty Looms Over Next Deportation Flight from US to Cuba", "Romero estimated "
         "that individuals subject to the I 220B order are likely to be sent back to their home "
         "country on August 20.", ("US", "CU", None, "planned")),
        # people brought back to detention, a plan facing obstacles in court: blocked
        ("Migrantes creían que los enviarían a Libia, pero estuvieron horas en un autobús hasta "
         "que los regresaron a centro de detención", "En la madrugada del miércoles, un grupo de "
         "migrantes detenidos fue trasladado en autobús desde un centro en Texas a una base "
         "donde los esperaba un avión militar. Al menos a uno de ellos se le había informado que "
         "su destino era Libia.", ("US", "LY", None, "blocked")),
        ("Planes de deportación de gobierno EEUU enfrentan obstáculos en cortes", "Migrantes de "
         "Filipinas, Vietnam, Laos y otros países están hoy en los planes de deportación de la "
         "administración de Donald Trump a Libia, aunque ese propósito enfrenta un obstáculo en "
         "las cortes.", ("US", "LY", None, "blocked")),
        # two states named together as the deporters: no single origin
        ("40 Nigerians deported from UK and", "For the second time in a month, United Kingdom "
         "and Australia, yesterday, jointly deported 40 Nigerians for various immigration "
         "offences. The deportees arrived the Hajj camp area of the Murtala Muhammed "
         "International Airport on chartered aircraft.", (None, "NG", 40, "completed")),
        # an agency's acronym in brackets after its name is one mention, not two
        ("Honduras recibirá cinco vuelos con migrantes deportados esta semana", "El director "
         "del Instituto Nacional de Migración (INM), Wilson Paz, informó que esta semana "
         "Honduras recibirá al menos cinco vuelos con migrantes deportados desde Estados "
         "Unidos, mientras se espera la confirmación de vuelos adicionales desde México.",
         ("US", "HN", None, "planned")),
        # the UK-France scheme names the deporting state
        ("19 migrants deported to France as part of 'one in one out' returns deal", "Nineteen "
         "migrants have been deported to France as part of the Government's returns deal with "
         "France.", ("GB", "FR", 19, "completed")),
        # the sixth round (flights_dusk and the development sets): a convoy turned back to
        # detention, a request to halt, a return to the deporting state, Spanish "EU"
        ("Buses con migrantes venezolanos dan vuelta antes de llegar a un aeropuerto en Texas "
         "para ser deportados", "Una caravana de autobuses del Servicio de Inmigración y Control "
         "de Aduanas (ICE), cargada con al menos 28 inmigrantes venezolanos detenidos, se "
         "dirigía al Aeropuerto de Abilene el viernes por la noche cuando, de forma repentina, "
         "dio media vuelta y regresó al centro de detención Bluebonnet en Anson, Texas.",
         ("US", "VE", 28, "blocked")),
        ("Immigrant associations submit urgent plea to prevent imminent deportation flight from "
         "Libya", "Vibe-Check: Here's the skinny on the latest immigration drama. It seems those "
         "Immigration Advocacy folks have filed an emergency motion to halt the Trump "
         "administration's controversial plan to send undocumented immigrants to Libya on a "
         "military plane.", ("US", "LY", None, "planned")),
        ("92 Somalis being deported from the U.S. fly 5,000 miles to Africa before returning to "
         "Florida", "Undocumented immigrants who were being deported to Somalia on Thursday made "
         "it to Senegal before they all returned on a flight back to the U.S., according to the "
         "U.S. Immigration and Customs Enforcement.", ("US", "SO", 92, "blocked")),
        ("Regresan 470 migrantes a Guatemala en primera jornada de vuelos de retorno desde EU",
         "Guatemala.- Un total de 470 migrantes guatemaltecos fueron retornados hoy a Guatemala "
         "procedentes de EU en cuatro vuelos diferentes, en la primera jornada de vuelos de "
         "devoluciones del año.", ("US", "GT", 470, "completed")),
        # no origin cue, but a state opening a sentence to speak of the flight
        ("Foreign secretary Liz Truss expects first migrant deportation flight to Rwanda to go "
         "ahead", "BRITAIN expects the first flight of asylum seekers to depart for Rwanda on "
         "Tuesday (14) and any person who avoids that flight due to legal proceedings will be "
         "put on a later one, foreign secretary Liz Truss said.", ("GB", "RW", None, "planned")),
    ],
)  # fmt: skip
def test_phrasing(title: str, summary: str, expected: tuple[object, ...]) -> None:
    assert route_fields(title, summary) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Dominican Republic to deport up to 10,000 Haitians a week",
        "Trump says he will deport millions of migrants",
        "Chile expulsa a 50 migrantes por la frontera terrestre con Perú",
        "Flight with 150 Venezuelan fans lands in Lima for the World Cup qualifier",
        "Guatemala received 40,000 deportees by air in 2024",
        "Extraditan a dos colombianos a EEUU en un vuelo de la DEA",
        "Así funciona el sistema de vuelos de deportación de ICE a Guatemala",
        "Anatomy of a deportation flight: How the Government's removals work",
        "Desde enero de 2025, Mauritania ha recibido siete vuelos de deportación desde Estados "
        "Unidos",
        "Régimen rechaza vuelo de repatriación de nicaragüenses desde Islas Caimán por la pandemia",
        "A Short Guide to Deportation Charter Flights",
        "El Salvador registra una reducción del 45% en los vuelos con deportados",
        "Home Office spent nearly £600,000 on deportation flights that never took off",
        "Gobierno ha gastado US$ 1 millón en vuelos para expulsar extranjeros",
        "Repatriaciones de dominicanos ilegales en EEUU continúa cada martes",
        "El Salvador recibe 33 vuelos con deportados desde EE.UU. en el primer trimestre de 2025",
    ],
)
def test_not_a_flight_record(title: str) -> None:
    assert extract(title, "", PUBLISHED) is None


def test_a_removal_with_no_destination_named_is_a_record_when_specific() -> None:
    """The removing state, a head count, a flight and a day: a record with no destination
    (several nationalities on one plane); a year's tally with the same words is not."""
    flight = extract(
        "Delgado por expulsión de migrantes irregulares: “Corresponde dar potente señal”",
        "La mañana de este miércoles se concretó la expulsión de 138 migrantes irregulares que "
        "ingresaron al país por pasos no habilitados durante los últimos tres meses o cometieron "
        "delitos. De ellos, 86 son nacionalidad colombiana y venezolana y partieron en un vuelo "
        "de la Fuerza Aérea de Chile (FACH) desde el Aeropuerto Internacional General Diego "
        "Aracena Aguilar.",
        date(2021, 2, 10),
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("CL", None, "completed")
    assert (
        extract(
            "2021 UK charter deportations: a balance sheet",
            "Last year, the Home Office deported a total of 1,305 people on 65, multi-leg "
            "charter flights.",
            PUBLISHED,
        )
        is None
    )


def test_an_announcing_headline_gives_way_to_the_ledes_future() -> None:
    """A headline participle ("Deported ... Arrive") announces what the lede puts in the
    future ("would be repatriated ... tomorrow evening")."""
    flight = extract(
        "3 Sick Nigerians, 177 Others Deported From Libya Arrive Lagos",
        "No fewer than 180 Nigerians would be repatriated from Libya tomorrow evening.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("LY", "NG", "planned")


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the seventh round (flights_night): migrant workers stranded by the pandemic,
        # a humanitarian repatriation, a land return, a spending headline, a tally over a span
        ("Sri Lankans stranded in the UAE repatriated", "Over 280 Sri Lankan migrant workers who "
         "were stranded overseas due to the coronavirus pandemic, arrived this morning on the "
         "first special flight to be operated since the temporary suspension of the repatriation "
         "process a few months ago."),
        ("Tercer vuelo de repatriación llevó a ciudadanos colombianos de regreso a su país",
         "Rumbo a Colombia despegó esta mañana el tercer vuelo del operativo de repatriación "
         "humanitaria que coordina la Cancillería."),
        ("México deporta a más de 100 guatemaltecos vía terrestre", "Los 112 deportados fueron "
         "recepcionados por las autoridades migratorias de Guatemala en Tecún Umán"),
        ("Over $20,000 spent to send Haitians home", "Four flights at $6,800 per flight is what "
         "the Government spent this week in order to repatriate the 99 Haitians."),
        ("Over 300 Haitians deported to the Dominican Republic", "Over the past two months more "
         "than 300 Haitians have been returned to the Dominican Republic from Brazil, Chile, "
         "Peru, Bolivia and Ecuador."),
    ],
)  # fmt: skip
def test_not_a_flight_record_with_lede(title: str, summary: str) -> None:
    assert extract(title, summary, PUBLISHED) is None


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # IOM returns of migrants stranded (even in the pandemic) stay returns
        ("91 Nigeriens Return Home on Charter Flight after being Stranded for Months in Libya",
         "Yesterday, 91 Nigerien vulnerable migrants from Libya returned home safely via a "
         "charter flight, the first Voluntary Humanitarian Return flight since the COVID-19 "
         "pandemic.", ("LY", "NE", 91, "completed")),
        # the migrants' own route is not the flight's destination
        ("Panamá deportó a 36 migrantes ecuatorianos irregulares", "Panamá deportó a 36 migrantes "
         "ecuatorianos que transitaban de manera irregular por la selva del Darién con destino "
         "a Estados Unidos. Este segundo vuelo de retorno aterrizó en Manta.",
         ("PA", "EC", 36, "completed")),
        # "expulsó de X" names the deporting state; "altogether N" is the total
        ("Migraciones expulsó de Argentina a dos ciudadanos chilenos", "La acción se realizó "
         "este jueves por medio del Aeroparque Internacional Jorge Newbery.",
         ("AR", "CL", 2, "completed")),
        ("Charter flight deportation to Sri Lanka and Vietnam", "On December 18th, 26 Sri Lankan "
         "and 6 Vietnamese nationals, altogether 32 undocumented immigrants were deported by a "
         "charter flight.", (None, None, 32, "completed")),
        # "returned ... asylum seekers" is a return
        ("Police sent 46 asylum seekers with a rented aircraft to Lebanon", "For the first time "
         "in five years the police have chartered a plane to return asylum seekers to Lebanon. "
         "The flight left last Thursday and was the first from Norway to Lebanon since 2011.",
         ("NO", "LB", 46, "completed")),
    ],
)  # fmt: skip
def test_phrasing_of_the_seventh_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    assert route_fields(title, summary) == expected


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a factsheet or a guide on what a removal flight is like, not one flight
        ("Returns and Charter Flight Factsheet (Nov 2021)", "Since April 2020 we have used 95 "
         "charter flights to return people to countries including Albania and Jamaica."),
        ("What to expect on a deportation flight out of the United States", "U.S. Immigration "
         "and Customs Enforcement (ICE) conducts regular deportation flights to send deported "
         "immigrants to their home countries throughout the world."),
        # an expulsion over an international bridge is a land return
        ("Ola migratoria en Perú: Expulsan a 80 extranjeros indocumentados desde Tumbes hacia "
         "Ecuador", "Ochenta ciudadanos extranjeros fueron expulsados de Perú a través del "
         "Puente Internacional que une Aguas Verdes con Huaquillas, Ecuador."),
        # flights said not to exist make no flight
        ("ACLU Turns to Supreme Court Amid Fears of Imminent Alien Enemies Act Deportations",
         "A U.S. Department of Justice lawyer told a federal judge that there are no plans for "
         "such flights on Friday or Saturday while still asserting the administration's right "
         "to remove people."),
    ],
)  # fmt: skip
def test_not_a_flight_record_of_the_eighth_round(title: str, summary: str) -> None:
    assert extract(title, summary, PUBLISHED) is None


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # an IOM voluntary return is a return; "Niger's capital" is a city, not money
        ("IOM Organizes First Humanitarian Charter Flight from Algeria to Niger", "This week, "
         "the IOM organized its first flight for voluntary return from the southern Algerian "
         "city of Tamanrasset to Niger's capital, Niamey, carrying 166 Nigerien nationals.",
         ("DZ", "NE", 166, "completed")),
        # a count of families is no head count; "no se concretó" is a flight that did not go
        ("México deporta desde Monterrey 17 familias de migrantes de Guatemala", "México deportó "
         "este miércoles desde Monterrey a un grupo de 17 familias de migrantes guatemaltecas, "
         "por primera vez vía aérea.", ("MX", "GT", None, "completed")),
        ("La historia del vuelo de expulsión que no se concretó", "El 3 de marzo debía salir un "
         "avión con 70 ciudadanos venezolanos expulsados, pero no fueron embarcados.",
         (None, "VE", 70, "blocked")),
        # a state that carries out the expulsion is the origin
        ("Perú endurece la ley migratoria: hoy expulsaron a 39 extranjeros", "El gobierno de "
         "Perú ejecutó hoy la expulsión de treinta y nueve ciudadanos venezolanos desde la base "
         "aérea de la Policía Nacional.", ("PE", "VE", 39, "completed")),
        # a participle headline gives way to a lede that says the plane is set to arrive
        ("At least 40 Nepalis deported from the US, arriving in Kathmandu today on chartered "
         "flight", "At least 40 Nepali nationals deported from the United States are set to "
         "arrive in Kathmandu today on a US-chartered flight.", ("US", "NP", 40, "planned")),
    ],
)  # fmt: skip
def test_phrasing_of_the_eighth_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    assert route_fields(title, summary) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Over 1, 800 Ethiopians Repatriated", [1800]),
        ("More than 1, 050 Ethiopians migrants", [1050]),
        # a day of the month before a count keeps the two numbers apart
        ("on June 5, 200 migrants", [5, 200]),
        ("el 5 de junio, 200 migrantes", [5, 200]),
    ],
)
def test_a_thousands_comma_typed_with_a_space(text: str, values: list[int]) -> None:
    assert [n.value for n in numbers(text)] == values


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # a permission denied ("no autoriza aterrizaje") is a blocked flight, not a plan
        (
            "Venezuela no autoriza aterrizaje de avión con migrantes expulsados",
            "Tras las medidas de realizadas por el Gobierno, de un total de 2.600 "
            "migrantes, se había proyectado la expulsión de 60 de ellos, todos de "
            "nacionalidad venezolana. Sin embargo, dicha orden no pudo concretarse pese a "
            "los esfuerzos chilenos.",
            ("VE", "blocked"),
        ),
        # a thousands comma typed with a space after it is one head count
        (
            "Over 1, 800 Ethiopians Repatriated from Saudi Arabia Today",
            "ADDIS ABABA – More than 1800 Ethiopians have returned from Saudi Arabia as the"
            " government resumes its repatriation operation today.",
            ("ET", "completed", 1800),
        ),
        (
            "Over 1, 050 Ethiopian Migrants Return Home from Saudi Arabia",
            "ADDIS ABABA – More than 1, 050 Ethiopians migrants have returned home from "
            "Saudi Arabia on Monday as the government continues its repatriation push this "
            "week.",
            ("ET", "completed", 1050),
        ),
    ],
)
def test_phrasing_of_the_ninth_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None
    got = (flight.destination, flight.status, flight.people)
    assert got[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a counted number of dozens is a head count; "dozens" alone stays vague
        ("a chartered flight of around three dozen deportees", [36]),
        ("un vuelo con tres docenas de migrantes", [36]),
        ("dozens of Uyghurs", []),
        # a range written with a slash is two numbers, and neither is the head count
        ("some 40/50 migrants", [40, 50]),
    ],
)
def test_numbers_of_the_tenth_round(text: str, values: list[int]) -> None:
    assert [n.value for n in numbers(text)] == values


def test_a_range_written_with_a_slash_is_no_head_count() -> None:
    flight = extract(
        "Frontex deportation charter 5th of May 2010: Netherlands-Nigeria-Cameroon",
        "On 5th of may 2010 a Frontex deportation charter left with some 40/50 migrants from "
        "Rotterdam Airport to Lagos/Nigeria and Cameroon.",
        PUBLISHED,
    )
    assert flight is not None and flight.people is None


def test_a_seaport_named_as_the_way_out_is_a_sea_return() -> None:
    assert (
        extract(
            "Malaysia Deports 183 Illegal Migrant Workers to Indonesia",
            "Nunukan, North Kalimantan. Malaysian authorities have deported 183 Indonesian "
            "illegal migrant workers via the Tunon Taka Port in Nunukan, North Kalimantan, "
            "authorities confirmed on Friday.",
            PUBLISHED,
        )
        is None
    )


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # flights that ceased are blocked
        ("Marruecos ha parado los vuelos de deportación de emigrantes desde Canarias",
         "Rabat/Las Palmas – Los vuelos de deportación de emigrantes pactado entre España y "
         "Marruecos desde el pasado diciembre han cesado por deseo de Marruecos la pasada "
         "semana, según supo Efe de fuentes relacionadas con las operaciones contra la "
         "emigración irregular.", ("ES", "MA", None, "blocked")),
        # "expulsar de España" names the deporting state; "rumanos" the people
        ("Interior fleta un avión con 160 'antidisturbios' para expulsar a 70 inmigrantes",
         "El Ministerio del Interior fletó ayer un avión para expulsar de España a 70 "
         "inmigrantes rumanos.", ("ES", "RO", 70, "completed")),
        # where the people stayed irregularly is the deporting state
        ("Autoridades reciben nicaragüenses deportados", "En un vuelo chárter a eso de las 11 "
         "de la mañana del miércoles llegaron a Nicaragua 19 compatriotas que se encontraban "
         "en situación migratoria irregular en los Estados Unidos.",
         ("US", "NI", 19, "completed")),
        # "three dozen" is the head count
        ("Pakistan refuses to accept UK’s flight of deportees", "LONDON: Pakistan refused to "
         "accept a chartered flight of around three dozen deportees from London to Islamabad "
         "three weeks ago, causing unease in relations between the two countries.",
         ("GB", "PK", 36, "blocked")),
    ],
)  # fmt: skip
def test_phrasing_of_the_tenth_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    assert route_fields(title, summary) == expected


@pytest.mark.parametrize(
    ("text", "operator", "origin"),
    [
        ("deported on an Omni Air International charter", "Omni Air International", None),
        ("a UK Border Agency charter flight to Baghdad", "UK Border Agency", "GB"),
        (
            "the Canada Border Services Agency chartered a plane",
            "Canada Border Services Agency",
            "CA",
        ),
    ],
)
def test_operators_of_the_tenth_round(text: str, operator: str, origin: str | None) -> None:
    lexicon = load_lexicon()
    found = [m for m in lexicon.mentions(text, fold(text)) if m.entry.kind == "operator"]
    assert found and found[0].entry.key == operator
    assert found[0].entry.state == origin


def test_ice_by_its_spanish_press_name_is_one_mention() -> None:
    # "Servicio de Inmigración y Aduanas", as Spanish-language outlets often name ICE (stop 46:
    # flrecall46's agency items; classify_pool_afternoon_es pool-afes-0030): the whole name,
    # not its tail "Inmigración y Aduanas", is the operator's evidence.
    text = "el Servicio de Inmigración y Aduanas (ICE) deportó a 96 dominicanos"
    found = [m for m in load_lexicon().mentions(text, fold(text)) if m.entry.kind == "operator"]
    assert found and found[0].entry.key == "ICE" and found[0].entry.state == "US"
    assert text[found[0].start : found[0].end] == "Servicio de Inmigración y Aduanas"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # no flight word, several nationalities, no destination state: not a flight
        ("Ecuador deporta a 24 extranjeros tras un operativo de control migratorio, cuatro de "
         "ellos venezolanos", "(EFE).- Un total de 24 extranjeros de nacionalidad colombiana, "
         "venezolana y brasileña resultaron deportados de Ecuador tras un operativo de control "
         "migratorio realizado en la provincia de Imbabura, en el norte del país, informó el "
         "Ministerio del Interior."),
        # no flight word, three people the headline counts alone: individual cases
        ("Tres ciudadanos bolivianos llegan de Estados Unidos al país tras ser deportados",
         "Bolivia, 01 de mar (Tinta Roja).-El encargado de negocios de la Embajada de Bolivia "
         "en Estados Unidos informó que el número de bolivianos detenidos en Estados Unidos "
         "subió a 132."),
    ],
)  # fmt: skip
def test_not_a_flight_record_of_the_eleventh_round(title: str, summary: str) -> None:
    assert extract(title, summary, PUBLISHED) is None


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # a headline's head count of a people returning from another state
        ("114 Bangladeshis return from Libya detention centre", "Some 114 Bangladeshis, who "
         "were stuck in Libya, have been brought back to the country with the effort of the "
         "Bangladesh Embassy in Libya and the International Organization for Migration (IOM).",
         ("LY", "BD", 114, "completed")),
        # a route through "Place, Country"; "reactivan" resumes removals
        ("Reactivan deportaciones desde Tapachula, México a Cuba", "Hace más de un año se "
         "había suspendido la deportación de migrantes cubanos, sin embargo, el día viernes se "
         "llevó a cabo un traslado a la isla de parte de las autoridades del Instituto Nacional "
         "de Migración (INM).", ("MX", "CU", None, "completed")),
        # two groups deported from two states: no single origin
        ("169 Pakistanis stranded in Saudi Arabia, Greece are back home", "At least 30 "
         "Pakistanis deported from Greece landed at the Islamabad International Airport and 139 "
         "deported from Saudi Arabia landed at the airport in Multan Wednesday.",
         (None, "PK", 169, "completed")),
        # people stuck ("se encontraban bloqueados") do not block the flight; with no origin
        # cue the first other state named is the origin (twenty-third round; labelled CL)
        ("Regresaron al país 115 venezolanos que se encontraban bloqueados en la frontera entre "
         "Chile y Perú", "Llegaron a Venezuela 115 compatriotas que se encontraban bloqueados "
         "en la frontera entre Chile y Perú, reseñó VTV junto a un video.",
         ("CL", "VE", 115, "completed")),
    ],
)  # fmt: skip
def test_phrasing_of_the_eleventh_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    assert route_fields(title, summary) == expected


def test_authorities_named_by_a_demonym_are_the_deporting_state() -> None:
    flight = extract(
        "Pakistan deports Afghans",
        "Pakistani authorities deported 59 Afghan migrants to Afghanistan on a special flight "
        "on Friday.",
        PUBLISHED,
    )
    assert flight is not None and (flight.origin, flight.destination) == ("PK", "AF")


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("the flight landed in Riad", "place", "SA"),
        ("deportees arrived in Dhaka", "place", "BD"),
        ("a charter from Estambul", "place", "TR"),
        ("un avión militar venezolano los recogió", "operator", "Venezuelan Air Force"),
        ("a chartered flight of Burak Air", "operator", "Buraq Air"),
    ],
)
def test_names_of_the_eleventh_round(text: str, kind: str, key: str) -> None:
    lexicon = load_lexicon()
    found = [m for m in lexicon.mentions(text, fold(text)) if m.entry.kind == kind]
    assert found and found[0].entry.key == key


def test_time_zone_cities_keep_their_case_and_skip_newspapers() -> None:
    lexicon = load_lexicon()
    for text in ("la asunción de la Virgen", "told The New York Times", "Sofia said"):
        assert not [m for m in lexicon.mentions(text, fold(text)) if m.entry.kind == "place"]


def test_a_receiving_office_is_never_the_operator() -> None:
    flight = extract(
        "EEUU devuelve 48 migrantes a Cuba",
        "Los deportados arribaron al Aeropuerto Internacional José Martí en La Habana en un "
        "vuelo procedente de territorio estadounidense, según informó el Ministerio del "
        "Interior (Minint).",
        PUBLISHED,
    )
    assert flight is not None and flight.destination == "CU" and flight.operator is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # night fl-8004: flights counted per week, a schedule, not one flight
        ("Guatemala: The Deported Return", "Guatemalan nationals exit a plane and head for the "
         "Migration Office in Guatemala City’s La Aurora Airport after having been deported "
         "from the United States. Each week, fourteen flights arrive at La Aurora Airport from "
         "the U.S. carrying approximately 135 deportees per airplane"),
        # predawn fl-9651: a wish for flights, nothing done
        ("Taiwan wants to send back Vietnamese visa overstayers by special flights", "Taiwan "
         "wants to repatriate over 1,000 Vietnamese who overstayed their visas since detention "
         "centers where they are being held are running out of space."),
        # dusk fl-7056: the end of a programme
        ("Bilateral US-Mexico Program To Fly Deportees To Mexico City Has Ended", "A two-month "
         "trial period of flying Mexican deportees to Mexico City has ended."),
        # sunrise fl-9712: a rise in removal flights, a trend
        ("Aumentan vuelos de deportación desde EE.UU.; República Dominicana entre los "
         "principales destinos", "Washington, 4 de junio de 2025.- Estados Unidos ha "
         "intensificado los vuelos de deportación bajo la administración de Donald Trump, con "
         "la República Dominicana (RD) destacando como uno de los países con mayor número de "
         "retornados."),
        # predawn fl-9634 and sunrise fl-9704: travellers refused entry (inadmissions)
        ("R. Dominicana-Devuelven 28 venezolanos que entraron al país sin boletos de retorno",
         "Santo Domingo, 21 nov (INS).- Las autoridades de migración devolvieron a su país a un "
         "grupo de 28 venezolanos que pretendió ingresar a República Dominicana sin boletos de "
         "regreso."),
        ("Países devuelven a haitianos ilegales", "Más de cien nacionales haitianos que "
         "utilizaron la República Dominicana como puente para viajar a países de Sudamérica, "
         "han llegan devueltos al país, por el aeropuerto Las Américas, en los últimos días "
         "tras no ser admitidos por las autoridades de inmigración de esas naciones."),
    ],
)  # fmt: skip
def test_not_a_flight_record_of_the_twelfth_round(title: str, summary: str) -> None:
    assert extract(title, summary, PUBLISHED) is None


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # sunrise fl-9706: a headline present ("deports") gives way to the lede's schedule
        ("Tight security at HSIA: US deports 40 more illegal BD migrants", "A total of 40 "
         "illegal Bangladeshi migrants were scheduled to return home on Wednesday night, "
         "according to airport sources.", ("US", "BD", 40, "planned")),
        # morning fl-9814: a counted group "serán deportados", no flight word: planned
        ("Interpol informa que 47 bolivianos serán deportados desde Estados Unidos", "El "
         "director de Interpol Bolivia, Rigoberto Pompeo Sánchez, informó que 47 ciudadanos "
         "bolivianos serán deportados en las próximas horas desde Estados Unidos, tras ser "
         "encontrados en situación migratoria irregular.", ("US", "BO", 47, "planned")),
    ],
)  # fmt: skip
def test_phrasing_of_the_twelfth_round(
    title: str, summary: str, expected: tuple[object, ...]
) -> None:
    assert route_fields(title, summary) == expected


@pytest.mark.parametrize(
    ("title", "summary", "origin"),
    [
        # predawn fl-9613: the airport the flight left names the deporting state
        ("El Defensor del Pueblo supervisa un vuelo de repatriación de extranjeros a Colombia y "
         "República Dominicana", "Técnicos del Defensor del Pueblo, en su condición de "
         "Mecanismo Nacional de Prevención de la Tortura, supervisaron del 28 al 30 de enero un "
         "vuelo de repatriación de extranjeros desde el aeropuerto de Madrid-Barajas con destino "
         "a Bogotá (Colombia) y a Santo Domingo (República Dominicana).", "ES"),
        # predawn fl-9619: a flight "llegó desde Dallas"
        ("Guatemala recibe deportados hondureños acuerdo EEUU", "Guatemala comenzó a recibir "
         "migrantes deportados de otros países como parte de su nuevo acuerdo con Estados "
         "Unidos. El primer vuelo llegó desde Dallas con tres hondureños y 56 guatemaltecos, "
         "informó el Instituto Guatemalteco de Migración.", "US"),
        # sunrise fl-9710: "from Rotterdam Airport"
        ("Frontex deportation charter 5th of May 2010: Netherlands-Nigeria-Cameroon", "On 5th of "
         "may 2010 a Frontex deportation charter left with some 40/50 migrants from Rotterdam "
         "Airport to Lagos/Nigeria and Cameroon.", "NL"),
    ],
)  # fmt: skip
def test_origins_of_the_twelfth_round(title: str, summary: str, origin: str) -> None:
    assert route_fields(title, summary)[0] == origin


def test_a_re_entry_ban_does_not_block_the_removal() -> None:
    # predawn fl-9602 (its headline; the item itself is a land return)
    part = item_parts(
        "Ecuador deporta a más de 800 ciudadanos colombianos y les prohíbe el reingreso por 40 "
        "años",
        "",
    )[0]
    found = _status_of(part)
    assert found is not None and found[0] == "completed"


def test_travellers_caught_by_closed_borders_are_no_removal() -> None:
    # forenoon fl-9912: Spaniards and Moroccan residents flown home when Morocco shut its
    # borders (omicron)
    assert (
        extract(
            "Alivio en Casablanca entre los pasajeros del primer avión de regreso a España",
            "Casablanca (Marruecos), 2 dic (EFE).- Ciudadanos españoles y residentes marroquíes "
            "en Europa embarcaron hoy desde Casablanca en el primer avión de repatriación "
            "fletado por la compañía española Iberia con destino a Madrid, después de que "
            "Marruecos cerrara el pasado lunes sus fronteras para evitar la propagación de "
            "ómicron.",
            PUBLISHED,
        )
        is None
    )


def test_a_lede_that_says_the_flight_took_them_beats_a_headline_future() -> None:
    # forenoon fl-9903: the headline's future is the onward expulsion by bus
    assert route_fields(
        "Mauritania expulsará a los inmigrantes deportados desde Canarias",
        "Las autoridades mauritanas van a expulsar esta misma noche a los 21 inmigrantes que "
        "fueron deportados en un avión especial fletado desde Gran Canaria hasta la ciudad "
        "mauritana de Nuadibú por el ministerio del Interior español.",
    ) == ("ES", "MR", 21, "completed")


# Thirteenth round: direction from the verb frame, not the bare "de".


def test_a_states_flights_that_fetch_its_people_go_to_it() -> None:
    # sunrise fl-9728: "vuelos de Venezuela para repatriar": Venezuela's planes bring its
    # migrants home from Ecuador, which authorised them
    assert route_fields(
        "Ecuador autorizó tres nuevos vuelos de Venezuela para repatriar a 270 migrantes",
        "",
    )[:2] == ("EC", "VE")


def test_a_sentence_opening_on_the_flight_leaving_names_the_origin() -> None:
    # forenoon fl-9905: "Parte de Ecuador"; the Vuelta a la Patria programme receives in
    # Venezuela, it does not send from it
    assert route_fields(
        "Parte de Ecuador nuevo vuelo del plan Vuelta a la Patria de Venezuela",
        "",
    )[:2] == ("EC", "VE")


def test_a_state_that_authorises_a_repatriation_flight_is_where_it_leaves() -> None:
    # morning fl-9817
    assert route_fields(
        "Trinidad y Tobago autorizó vuelo de repatriación de 95 venezolanos pese a sanciones "
        "de Conviasa",
        "",
    )[:2] == ("TT", "VE")


def test_a_removal_between_neighbours_with_no_flight_word_is_a_land_return() -> None:
    # night fl-8030: Colombians deported by Ecuador entered at Ipiales (a land crossing)
    assert (
        extract(
            "Ecuador deporta más de 600 colombianos, pero solo 10 fueron detenidos; se esperan "
            "más expulsiones",
            "Del grupo de colombianos solo 10 personas quedaron capturadas, todas las demás "
            "quedaron en libertad.",
            PUBLISHED,
        )
        is None
    )


def test_panama_to_colombia_is_no_land_return() -> None:
    # tune fl-0484: no road crosses the Darién, so these removals fly
    assert route_fields(
        "Panama Deports First Migrants From Darien Gap Under US Deal",
        "Panama City: Panama on Tuesday deported 29 Colombians with criminal records who had "
        "entered the country through the inhospitable Darien Gap.",
    )[:2] == ("PA", "CO")


def test_illegally_in_the_republic_of_names_where_they_stayed() -> None:
    # sunrise fl-9725
    assert route_fields(
        "Back in Georgia 114 illegal immigrants on a special charter flight",
        "114 Georgian nationals who were illegally in the territory of the Republic of Cyprus, "
        "either because they violated the terms of their residence permit, or because they "
        "entered and remained illegally, were sent back by a special chartered flight.",
    )[:2] == ("CY", "GE")


def test_a_stopover_is_not_where_the_flight_left() -> None:
    # predawn fl-9614: "escala en Bogotá" on the way from Madrid to Lima
    flight = extract(
        "Dentro vuelo deportados",
        "A las 10:20 horas despega un avión fletado por la Policía Nacional con destino Lima y "
        "escala en Bogotá. En él viajan 43 colombianos y siete peruanos.",
        PUBLISHED,
    )
    assert flight is not None and flight.origin != "CO"


def test_an_airlines_cut_flights_are_no_removal_flight() -> None:
    # morning fl-9826: the suspended returns went by ship; the flights cut are routes
    assert (
        extract(
            "Argelia suspende las repatriaciones de irregulares desde España y recorta los vuelos",
            "Argelia ha suspendido 'sine die' todas las repatriaciones de inmigrantes irregulares "
            "llegados a España desde sus costas, según indican fuentes oficiales argelinas.",
            PUBLISHED,
        )
        is None
    )


def test_one_person_deported_from_an_airport_is_no_flight_record() -> None:
    # predawn fl-9637: the only flight word is the airport, no head count
    assert (
        extract(
            "Luego de que el ICE deportó a Any Lucía López a Honduras desde un aeropuerto por "
            "“error”, el gobierno de Donald Trump le está negando la visa",
            "La joven universitaria Any Lucía López Belloza fue deportada a Honduras pese a una "
            "orden judicial de emergencia que lo impedía.",
            PUBLISHED,
        )
        is None
    )


def test_deportees_who_arrive_at_an_airport_came_by_air() -> None:
    # dawn fl-9045
    assert route_fields(
        "BREAKING: UK deportees arrive Lagos airport",
        "Dozens of UK deportees have arrived Nigeria this morning, Daily Trust reports.",
    )[:2] == ("GB", "NG")


# Fourteenth round: the friday set's classes.


def test_deportees_counted_over_several_states_are_a_tally() -> None:
    # friday fl-10012, fl-10013: no flight, a day's count from many sending states
    assert (
        extract(
            "258 Pakistanis deported from seven countries in 24 hours",
            "In the last 24 hours, 258 Pakistanis were deported from seven countries, including "
            "Saudi Arabia, the United Arab Emirates (UAE), and China.",
            PUBLISHED,
        )
        is None
    )
    # a flight word keeps a multi-state return a record (morning fl-9806)
    assert extract(
        "29 Bangladeshis return from 3 countries",
        "Twenty-nine Bangladeshis have been deported from Italy, Greece, and Cyprus on charges "
        "of residing without valid documents. They arrived at Dhaka on a flight.",
        PUBLISHED,
    )


def test_citizens_brought_home_with_no_removal_word_are_not_a_removal() -> None:
    # friday fl-10014: a state flying its own citizens home
    assert (
        extract(
            "More Vietnamese citizens return home",
            "(VOVWORLD) - Nearly 350 Vietnamese citizens in Russia were brought home on Friday by "
            "relevant agencies of Vietnam and the host country.",
            PUBLISHED,
        )
        is None
    )
    # compatriots stuck at a border are migrants returned (morning fl-9827)
    assert extract(
        "Regresaron al país 115 venezolanos que se encontraban bloqueados en la frontera entre "
        "Chile y Perú",
        "Llegaron a Venezuela 115 compatriotas que se encontraban bloqueados en la frontera "
        "entre Chile y Perú, reseñó VTV junto a un video.",
        PUBLISHED,
    )


def test_a_capitalised_dateline_of_another_state_is_the_fallback_origin() -> None:
    # friday fl-10004: the Bahamas' Immigration Department, reported from Nassau
    assert route_fields(
        "113 Haitian nationals repatriated to Haiti",
        "NASSAU| At approximately 9:07 on Tuesday, 5th April, a Bahamasair chartered flight "
        "departed New Providence bound for Port-au-Prince, Haiti with a total of one hundred "
        "thirteen (113) Haitian nationals onboard.",
    )[:2] == ("BS", "HT")
    # a dateline in the destination is not where the flight left (dawn fl-9023)
    assert route_fields(
        "Pakistanis deported from abroad arrive",
        "ISLAMABAD: As many as 140 Pakistani immigrants deported arrived at Islamabad "
        "International Airport on a flight on Sunday.",
    )[:2] == (None, "PK")


def test_one_person_of_the_group_refused_does_not_block_the_flight() -> None:
    # friday fl-10002: 42 accepted, one sent back on the same flight
    assert route_fields(
        "43 deportees arrive, one refused entry",
        "RAWALPINDI: The Pakistani authorities on Wednesday accepted 42 Pakistanis deported "
        "from the United Kingdom, while one individual was not accepted and was sent back on "
        "the same flight.",
    ) == ("GB", "PK", 43, "completed")
    # the flight itself refused stays blocked
    assert (
        route_fields(
            "Pakistan refuses deportation flight from the United Kingdom",
            "The flight carrying 43 Pakistanis was refused landing.",
        )[3]
        == "blocked"
    )


def test_a_state_fetching_its_own_citizens_is_not_a_removal_flight() -> None:
    # midday fl-9973
    assert (
        extract(
            "Mongolia repatriates over 260 nationals from S. Korea",
            "ULAN BATOR, Aug. 2 (Xinhua) -- Mongolia repatriated 260 nationals on a chartered "
            "flight from South Korea on Saturday, according to the country's State Emergency "
            "Commission (SEC).",
            PUBLISHED,
        )
        is None
    )
    # dusk fl-7018
    assert (
        extract(
            "Hundreds of Vietnamese in Japan return home",
            "More than 340 Vietnamese citizens were repatriated from Japan on a flight that "
            "landed at Da Nang International Airport on June 5.",
            PUBLISHED,
        )
        is None
    )
    # from a Gulf state such airlifts are removals (morning fl-9823)
    assert route_fields(
        "Ethiopia Brings Back 367 of its Nationals from Saudi Arabia",
        "ADDIS ABABA – About 367 Ethiopian nationals have been airlifted from Saudi Arabia on "
        "Monday as the government continues its repatriation push for third week.",
    )[:2] == ("SA", "ET")
    # nationals flown to their country by the sending state stay a record (friday fl-10004)
    assert route_fields("113 Haitian nationals repatriated to Haiti on a chartered flight", "")


def test_people_residing_illegally_are_migrants_even_beside_an_extradition() -> None:
    # predawn fl-9629: the extradition is the diplomatic row's subject, not the returnees'
    assert route_fields(
        "43 Pakistanis illegally residing in UK arrive",
        "ISLAMABAD: Forty-three Pakistanis illegally residing in the United Kingdom arrived "
        "here Wednesday amid reports of “diplomatic row” between the two countries over "
        "non-extradition of former prime minister Nawaz Sharif.",
    ) == ("GB", "PK", 43, "completed")


# Fifteenth round: the saturday set's classes.


def test_the_migrants_goal_is_not_the_flight_destination() -> None:
    # saturday fl-11017: "querían llegar a Estados Unidos" is where the migrants meant to go
    flight = extract(
        "Ecuador deporta a 46 cubanos que querían llegar a Estados Unidos",
        "QUITO, 11 Jul. (Notimérica) - Ecuador deportó el lunes a 46 cubanos que permanecían "
        "ilegalmente en su territorio y que reclamaban una visa a México para llegar a Estados "
        "Unidos. Con ellos, ya son 75 los isleños devueltos a Cuba desde el sábado, según informó "
        "el ministerio de Interior.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("EC", "CU", 46)


def test_a_negated_or_requested_suspension_does_not_block_a_done_return() -> None:
    # saturday fl-11003: "won't suspend" and "called on authorities to stop" block nothing
    flight = extract(
        "Sweden won't suspend deportations of Afghan asylum seekers",
        "Refugee campaigners called on authorities to stop deportations after at least 80 "
        "people were killed in a bomb attack in Kabul a day after Sweden returned a group of "
        "failed asylum seekers to Afghanistan.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("SE", "AF", "completed")


# Sixteenth round: the afternoon set's dev half (tests/data/flights_afternoon.jsonl).


def test_an_english_article_is_not_a_spanish_preposition_of_return() -> None:
    # afternoon fl-12031: "returned on a United States deportation flight" came home; "a" is
    # an article, so the flight did not go back to the deporting state
    flight = extract(
        "‘Welcome home, Daddy’",
        "It was no ordinary homecoming for at least two Jamaican deportees who returned on a "
        "United States deportation flight yesterday.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "JM", "completed")


def test_a_headline_asking_what_removal_flights_are_like_is_no_record() -> None:
    # afternoon fl-12038: flights in general, plural and uncounted
    assert (
        extract(
            "¿Cómo son los Vuelos de Deportación en Estados Unidos? + Imágenes",
            "Los vuelos de deportación en Estados Unidos representan un proceso complejo y, a "
            "menudo, impactante para miles de migrantes que enfrentan la repatriación forzada.",
            PUBLISHED,
        )
        is None
    )


def test_flights_counted_over_the_last_years_are_a_tally() -> None:
    # afternoon fl-12035: "más de 300 vuelos ... en los últimos cinco años"
    assert (
        extract(
            "Honduras ocupa el segundo lugar entre los siete países que recibieron más de 300 "
            "vuelos de deportación en los últimos cinco años.",
            "Guatemala encabeza la lista con 1,778 vuelos, seguido de México con 759.",
            PUBLISHED,
        )
        is None
    )


def test_a_day_of_the_month_is_no_head_count_and_a_dateline_city_names_the_origin() -> None:
    # afternoon fl-12019: "June 6 involving Indonesians" is a date; PUTRAJAYA is Malaysia
    flight = extract(
        "Deportation of illegal immigrants to begin June 6",
        "PUTRAJAYA: The first phase of the deportation of illegal immigrants will begin on June "
        "6 involving Indonesians at Immigration depots in the country, says Senior Minister "
        "(Security Cluster) Datuk Seri Ismail Sabri Yaakob. He said the first group of 450 "
        "people would be flown back to Jakarta, Medan and Surabaya on June 6 followed by 445 "
        "others on June 10 to the three destinations.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people, flight.status) == (
        "MY",
        "ID",
        450,
        "planned",
    )


def test_a_count_in_a_sentence_opening_on_a_dated_since_is_a_running_total() -> None:
    # afternoon fl-12014: 711 removed since March 2020; the flights carried 31
    flight = extract(
        "Australia tosses criminals",
        "Since the closure of the international border in March 2020 and the significantly "
        "reduced capacity of commercial flights, the Australian Border Force (ABF) has removed "
        "711 unlawful non-citizens to countries across the world. In the most recent removal, "
        "31 individuals were removed from Australia on two charter flights after completing "
        "their prison sentences. The adults, who had been detained in Sydney, Melbourne, "
        "Brisbane and Perth, were returned to Auckland on 16 and 17 February.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("AU", "NZ", 31)


@pytest.mark.parametrize(
    ("title", "summary", "operator"),
    [
        (  # afternoon fl-12033
            "Vietnamese migrants are set to face cruel deportation flight",
            "Today (28 July) a mass deportation charter flight is expected to leave the UK, "
            "forcibly removing up to 22 people to Vietnam. The flight, operated by TUI, is the "
            "second such flight to Vietnam chartered by the Home Office this year.",
            "TUI",
        ),
        (  # afternoon fl-12018
            "Government repatriates 154 vulnerable Indonesian citizens from Malaysia",
            "Indonesian citizens / PMIs were returned to Indonesia using Garuda Indonesia "
            "aircraft and arrived at Soekarno-Hatta Airport, Banten on the same day.",
            "Garuda Indonesia",
        ),
    ],
)
def test_charter_carriers_are_the_operator(title: str, summary: str, operator: str) -> None:
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None and flight.operator == operator


# Seventeenth round: the evening set (tests/data/flights_evening.jsonl) and the afternoon
# set's former check half, both development data since this round.


def test_flights_counted_in_a_named_month_of_a_year_are_a_tally() -> None:
    # evening fl-13022: "22 deportation flights ... in June 2025 alone"
    assert (
        extract(
            "Deportation Flights to El Salvador Surge in 2025",
            "El Salvador received 22 deportation flights from the United States in June 2025 "
            "alone, according to the latest report by Witness at the Border. The tally marks a 29 "
            "percent jump over May, when 17 flights were recorded, and stands as the highest "
            "monthly figure since August 2022, when 32 flights touched down.",
            PUBLISHED,
        )
        is None
    )


def test_a_flight_bringing_nationals_home_from_abroad_is_no_removal() -> None:
    # evening fl-13027: a pandemic charter of Mongolians from the US; "return" is no removal
    assert (
        extract(
            "255 Mongolians return from the United States",
            "Ulaanbaatar /MONTSAME/ A charter flight, bringing 255 Mongolian nationals from the "
            "United States, has landed today, June 24, at 10:45 am at Chinggis Khaan "
            "International Airport in Ulaanbaatar.",
            PUBLISHED,
        )
        is None
    )


@pytest.mark.parametrize(
    ("title", "summary", "people"),
    [
        (  # evening fl-13009
            "162 stranded Nigerians in Libya arrive Lagos Airport",
            "One hundred and sixty two stranded Nigerians in the North African country, Libya, "
            "on Thursday arrived the Murtala Muhammed International Airport, Lagos. They were "
            "flown home by a chartered Boeing 737 aircraft operated by Ghadames Air, which "
            "arrived the Lagos Airport about 2: 50 pm.",
            162,
        ),
        (  # friday fl-10008, missed since the friday round
            "143 stranded Nigerians return from Libya – NEMA",
            "The National Emergency Management Agency (NEMA) on Tuesday received another batch "
            "of 143 stranded Nigerians from Libya at the Murtala Muhammed International Airport "
            "in Lagos.",
            143,
        ),
    ],
)
def test_people_stranded_in_a_transit_state_are_migrants_returned(
    title: str, summary: str, people: int
) -> None:
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("LY", "NG", people)


def test_where_a_caravan_would_have_gone_on_to_is_no_destination() -> None:
    # afternoon fl-12005 (the former check half): "prefirieron no seguir hacia EU"
    flight = extract(
        "Deportan a 134 miembros de la caravana migrante que prefirieron no seguir hacia EU",
        "México.- El Instituto Nacional de Migración (INM) deportó a 134 hondureños que "
        "ingresaron al país con la caravana migrante, y que se encontraban en la Estación "
        "Migratoria Siglo XXI de Tapachula, Chiapas.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("MX", "HN", 134)


# Eighteenth round: the twilight set's dev half (tests/data/flights_twilight.jsonl,
# `twilight_check_ids` in split.py holds the check half out) and the evening and afternoon
# sets (development data since the seventeenth round).


def test_t_and_t_is_trinidad_and_tobago() -> None:
    # twilight fl-18014: "sent back from T&T", the Caribbean press's short name
    flight = extract(
        "82 Venezuelans sent back from T&T to their homeland",
        "A Venezuelan military aircraft landed at Piarco International Airport yesterday to take "
        "back 82 nationals to their homeland. This was confirmed by National Security Minister "
        "Edmund Dillon.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("TT", "VE", 82)


def test_a_flight_bringing_back_people_counts_them() -> None:
    # twilight fl-18021: "bringing back eight Pakistanis" is no running total ("bringing the
    # total to" still is)
    flight = extract(
        "CAA allows US flight carrying Pakistani deportees to land at Islamabad airport",
        "The Civil Aviation Authority (CAA) of Pakistan has allowed a chartered flight, bringing "
        "back deportees from the United States (US) to land at Islamabad International Airport "
        "on January 20, ARY NEWS reported. According to details, the US Embassy in Islamabad had "
        "requested the foreign ministry to allow a flight bringing back eight Pakistanis via a "
        "special plane.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("US", "PK", 8)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (  # twilight fl-18033: the air force is one of the raid's forces; "pasos fronterizos"
            "Migración de R. Dom. dice deportó 1,561 haitianos indocumentados",
            "La Dirección General de Migración (DGM) dice que deportó a mil 561 haitianos que "
            "fueron detenidos entre el 3 y el 8 de febrero en el Gran Santo Domingo y las "
            "provincias Azua, Barahona, Espaillat, Hermanas Mirabal, La Altagracia, Monseñor "
            "Nouel, Montecristi, Neyba, San José de Ocoa, Santiago de los Caballeros, Santiago "
            "Rodríguez y Valverde En los operativos de detención participaron personal de la "
            "DGM, el Ejército, la Armada, la "
            "Fuerza Aérea, la Policía, el CESTUR y los ministerios Público y de Medio Ambiente. "
            "Tras el proceso de depuración, los detenidos fueron trasladados a los pasos "
            "fronterizos de Dajabón, Elías Piña y Jimaní, desde donde fueron repatriados.",
        ),
        (  # twilight fl-18039: held "en el Gran Santo Domingo", Haitians: neighbours by land
            "Migración RD detiene a 1,197 haitianos y deporta otros 1,105",
            "La Dirección General de Migración (DGM) detuvo a 1,197 haitianos indocumentados y "
            "deportó a otros 1,105. Al menos 225 fueron detenidos en el Gran Santo Domingo, 45 en "
            "Santiago de los Caballeros, 46 en La Vega.",
        ),
    ],
)
def test_land_removals_between_neighbours_are_no_flight(title: str, summary: str) -> None:
    assert extract(title, summary, PUBLISHED) is None


def test_an_air_force_flight_is_still_a_flight() -> None:
    # the forces-list rule leaves a plane of an air force alone
    flight = extract(
        "Llegan 80 guatemaltecos deportados",
        "Un avión de la Fuerza Aérea de Estados Unidos aterrizó con 80 guatemaltecos deportados.",
        PUBLISHED,
    )
    assert flight is not None and flight.destination == "GT"


def test_a_return_made_possible_by_airline_routes_is_no_removal() -> None:
    # twilight fl-18035: commercial routes resuming, "la posibilidad de retorno"
    assert (
        extract(
            "Reanudación de vuelos a Venezuela ha reabierto la posibilidad de retorno para "
            "migrantes venezolanos residentes en Chile",
            "Desde Santiago, con conexión en Bogotá o Panamá, poco a poco se están volviendo a "
            "desarrollar vuelos a Venezuela desde el aeropuerto Arturo Merino Benítez. A partir de "
            "abril y con escala en Colombia, Latam tendrá disponibles viajes diarios a Caracas.",
            PUBLISHED,
        )
        is None
    )


def test_people_flown_home_for_an_irregular_stay_are_removed() -> None:
    # evening fl-13004: an INM flight with no removal word
    flight = extract(
        "INM reporta que 311 ciudadanos de la India volverán a su país",
        "El Instituto Nacional de Migración (INM) informa que hoy a las 21:50 desde el "
        "Aeropuerto Internacional de la Ciudad de Toluca, partió un vuelo con destino a Nueva "
        "Delhi, India, con 311 personas originarias de ese país, quienes no contaban con una "
        "condición de estancia regular en el país.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("MX", "IN", 311)


def test_yearly_flight_tallies_in_later_lede_sentences_are_no_flight() -> None:
    # evening fl-13013: a headline on detentions, tallies of flights per year after it
    assert (
        extract(
            "El 90 % de detenciones a migrantes en EE. UU. son de ecuatorianos",
            "En 2023, un total de 18 449 ecuatorianos fue deportado desde Estados Unidos. Para "
            "2024, la cifra se redujo a 13 681, mientras que hasta noviembre de 2025 el número "
            "alcanza los 9 779 casos. Esta disminución también se refleja en el número de vuelos "
            "de deportación. En 2023 se registraron 150 vuelos, en 2024 fueron 118 y en lo que va "
            "de 2025 se contabilizan 93.",
            PUBLISHED,
        )
        is None
    )


def test_a_lede_opening_on_one_removal_keeps_its_later_tally_as_background() -> None:
    # tune fl-0153's shape: the removal first, the year's flights after it
    flight = extract(
        "Más de 850 colombianos han sido retornados desde Panamá este año",
        "En una operación conjunta entre Panamá y Estados Unidos, 26 ciudadanos colombianos "
        "fueron deportados y expulsados hacia su país de origen, específicamente al municipio "
        "de Rionegro, en Medellín. Esta acción, realizada a través del Servicio Nacional de "
        "Migración (SNM), suma un total de 24 vuelos chárter y 858 retornos de colombianos en lo "
        "que va del año.",
        PUBLISHED,
    )
    assert flight is not None and flight.destination == "CO"


def test_two_destinations_aboard_one_charter_leave_the_sender_alone() -> None:
    # afternoon fl-12015: "locked up in Australia", "back to Italy and the UK aboard a charter"
    flight = extract(
        "Foreign crooks deported on charter planes",
        "A dozen foreign-born criminals locked up in Australia have been punted back to Italy and "
        "the UK aboard a charter plane. Despite restrictions on global travel during the "
        "coronavirus pandemic, they were kicked out of the country on Wednesday afternoon.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("AU", None)


def test_a_removal_done_told_as_a_noun_is_specific() -> None:
    # sunrise fl-9734: "realizó ... la deportación de 34 colombianos", no flight word
    flight = extract(
        "Migración realiza nuevas deportaciones del memorándum de entendimiento de EE.UU.",
        "El Servicio Nacional de Migración realizó este jueves, 30 de octubre, la deportación de "
        "34 colombianos, en cumplimiento de las disposiciones del Memorándum de Entendimiento "
        "suscrito entre Panamá y Estados Unidos.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("PA", "CO", 34)


# Nineteenth round: the nightfall set's dev half (tests/data/flights_nightfall.jsonl,
# `nightfall_check_ids` in split.py holds the check half out).


def test_a_month_before_a_year_makes_it_a_date() -> None:
    # nightfall fl-19008: "On 4th December, 2019 members from the Garda ..." is no head count
    # of 2019; "the flight left Dublin Airport" is a departure; "planned stops in Tirana" are
    # stopovers, neither a plan for the flight nor a flight stopped
    flight = extract(
        "Return of Persons with Deportation Orders",
        "On 4th December, 2019 members from the Garda National Immigration Bureau assisted in a "
        "joint return operation, co-ordinated by Frontex, to remove Albanian and Georgian "
        "Nationals, who were the subject of Deportation Orders. The flight left Dublin Airport "
        "with planned stops in Tirana, Albania and Tbilisi, Georgia.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.people is None
    assert flight.status == "completed"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("A charter with 40 deportees landed in Lagos on Tuesday after two stops.", "completed"),
        ("The plane left Stansted with 30 deportees and scheduled stops in Accra.", "completed"),
        ("A judge stops the charter flight carrying 40 deportees to Kingston.", "blocked"),
    ],
)
def test_stops_as_a_noun_is_a_stopover(sentence: str, status: str) -> None:
    flight = extract("Deportation flight to Nigeria", sentence, PUBLISHED)
    assert flight is not None
    assert flight.status == status


def test_a_year_after_a_month_is_no_head_count() -> None:
    flight = extract(
        "Deportation flight lands in Tirana",
        "In March, 2024 deportees were flown from Dublin to Tirana on a charter flight, the "
        "Garda said.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.people != 2024


# Twentieth round: dev halves only (the development set's tune part, the afternoon set, the
# twilight and nightfall dev halves); the check halves were only counted.


@pytest.mark.parametrize(
    "title",
    [
        # nightfall fl-19032's class: a year's arrivals counted in the headline
        "El vuelo que nunca se anuncia: la llegada de más de 4,000 dominicanos repatriados "
        "desde EE.UU. en 2025",
        "Deportation flights brought 12,500 Guatemalans home so far this year",
    ],
)
def test_a_headline_counting_thousands_over_a_period_is_a_tally(title: str) -> None:
    summary = "Un avión con deportados aterrizó en el aeropuerto de Las Américas este martes."
    assert extract(title, summary, PUBLISHED) is None


def test_a_headline_head_count_of_one_flight_with_a_year_is_a_record() -> None:
    flight = extract(
        "Llega el primer vuelo de 2025 con 135 dominicanos deportados desde EE.UU.",
        "Un avión con 135 dominicanos deportados aterrizó en el aeropuerto de Las Américas.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.people == 135


def test_a_place_named_as_the_destination_beats_a_demonym_close_ahead() -> None:
    # tune fl-0109's class: the deported people's demonym scores a little more in total than
    # the place a stronger cue names as the destination
    flight = extract(
        "Alleged Venezuelan gang members deported by U.S. arrive in El Salvador",
        "A plane carrying 200 alleged members of a Venezuelan gang deported from the U.S. "
        "arrived to El Salvador on Sunday.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("US", "SV")


def test_a_caravans_route_is_not_the_flights_destination() -> None:
    # tune fl-0216's class
    flight = extract(
        "Retorna México a 110 hondureños que ingresaron de forma irregular",
        "El INM informó que fueron retornados a su país vía aérea 110 personas hondureñas que "
        "ingresaron de forma irregular a México, durante la caravana que partió de esa nación "
        "con destino a Estados Unidos.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination == "HN"


def test_agreeing_to_accept_a_number_of_people_is_a_deal_not_a_resumption() -> None:
    # afternoon fl-12056's class
    assert (
        extract(
            "US sending 300 migrants to Uganda",
            "Uganda's government has agreed to accept 300 migrants whose home countries refuse "
            "to take them back.",
            PUBLISHED,
        )
        is None
    )
    flight = extract(
        "Venezuela agreed to accept deportation flights from the United States",
        "Venezuela agreed to accept deportation flights of Venezuelan migrants, a US official "
        "said on Saturday.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination == "VE"


@pytest.mark.parametrize(
    "summary",
    [
        # nightfall fl-19010's class: a refusal undone later, or conceded
        "The 95 deportees were initially refused entry at the airport as they had no travel "
        "documents; they were later allowed in.",
        "Despite refusing a flight from Athens last month, the government took in 95 deportees "
        "from Saudi Arabia on Monday.",
        "Los 95 deportados fueron inicialmente rechazados en el aeropuerto por falta de "
        "documentos.",
    ],
)
def test_a_refusal_undone_later_or_conceded_does_not_block(summary: str) -> None:
    status = _status_of(item_parts("", summary)[-1])
    assert status is None or status[0] != "blocked"


def test_a_refusal_still_blocks() -> None:
    status = _status_of(
        item_parts("", "Colombia refused entry to the two deportation flights.")[-1]
    )
    assert status is not None
    assert status[0] == "blocked"


def test_a_comma_between_a_city_and_a_country_is_no_list() -> None:
    # nightfall fl-19010's class: a fronted clause ends on a city, the main clause opens on the
    # receiving state
    flight = extract(
        "Nigeria admits 95 deportees from Libya",
        "Despite turning back deportees from Rome, Nigeria received 95 deportees from Libya "
        "on a chartered plane.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination == "NG"


def test_names_of_one_kind_after_a_comma_are_still_a_list() -> None:
    flight = extract(
        "Deportation flight to Honduras, Guatemala",
        "A flight carried 120 deportees to Honduras, Guatemala from Texas.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination is None


@pytest.mark.parametrize(
    ("title", "summary", "status"),
    [
        # nightfall fl-19026's class: a headline's plan told in the past, the lede's outcome
        (
            "Este lunes estaba previsto que despegara un avión desde Madrid con destino a "
            "Senegal con 20 deportados",
            "La situación sanitaria ha llevado a que este domingo se haya decidido suspender la "
            "deportación.",
            "blocked",
        ),
        (
            "Deportation flight to Jamaica was scheduled to leave on Tuesday",
            "The charter with 40 deportees landed in Kingston on Tuesday night.",
            "completed",
        ),
        (
            "Deportation flight to Jamaica is scheduled to leave on Tuesday",
            "The charter with 40 deportees was cancelled on Monday.",
            "planned",
        ),
    ],
)
def test_a_headlines_past_plan_leaves_the_outcome_to_the_lede(
    title: str, summary: str, status: str
) -> None:
    flight = extract(title, summary, date(2020, 3, 22))
    assert flight is not None
    assert flight.status == status


def test_a_headlines_past_plan_keeps_its_own_day() -> None:
    flight = extract(
        "Este lunes estaba previsto que despegara un avión desde Madrid con destino a Senegal "
        "con 20 deportados",
        "Este domingo se decidió suspender la deportación.",
        date(2020, 3, 22),
    )
    assert flight is not None
    assert flight.flight_date == date(2020, 3, 23)


def test_a_demonym_beside_three_listed_countries_is_several_destinations() -> None:
    # tune fl-0199's class
    flight = extract(
        "Chile expulsa a 120 migrantes por ingresar de manera irregular",
        "Chile expulsó el jueves en un avión de la FACh a 120 migrantes. De ellos 70 eran de "
        "nacionalidad venezolana y el resto provenientes de Colombia, Perú y Bolivia.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination is None


def test_a_place_named_as_the_destination_keeps_it_beside_listed_countries() -> None:
    flight = extract(
        "Chile expulsa a 120 venezolanos",
        "Un avión de la FACh llevó a Caracas a 120 venezolanos que habían pasado por Colombia, "
        "Perú y Bolivia.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.destination == "VE"


def test_the_peoples_own_journey_from_x_to_y_is_reversed() -> None:
    # tune fl-0221's class: "personas que llegaron desde San Pedro Sula a México" were flown
    # from Mexico to Honduras
    flight = extract(
        "Migrantes de la caravana vuelven a su país",
        "El INM detalló las acciones para retornar a las personas que llegaron desde San Pedro "
        "Sula a México: en dos vuelos chárter fueron trasladadas 300 personas migrantes "
        "hondureñas.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("MX", "HN")


@pytest.mark.parametrize(
    "summary",
    [
        # tune fl-0335's class: with no other status cue, a report from before the departure
        "La ONG informa de ello el martes por la noche, poco antes de la salida del primer "
        "vuelo a Ruanda con siete solicitantes de asilo.",
        "Lawyers filed a last appeal hours before the flight's departure to Rwanda with seven "
        "asylum seekers.",
    ],
)
def test_a_report_from_before_the_departure_is_planned(summary: str) -> None:
    status = _status_of(item_parts("", summary)[-1])
    assert status is not None
    assert status[0] == "planned"


def test_a_departure_cue_beats_before_the_departure() -> None:
    status = _status_of(
        item_parts("", "The flight took off to Rwanda an hour before the flight's departure slot.")[
            -1
        ]
    )
    assert status is not None
    assert status[0] == "completed"


def test_carrying_out_deportations_is_a_campaign_not_this_flight() -> None:
    # tune fl-0062's class: the lede's future decides over a campaign in the present
    flight = extract(
        "Austria deports Syrian nationals",
        "Austria is carrying out deportations of Syrian nationals in a crackdown on migration. "
        "The 20 Syrians will be deported to Damascus on a charter flight on Friday.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.status == "planned"
    status = _status_of(
        item_parts("", "Police are carrying out the deportation flight to Kabul.")[-1]
    )
    assert status is not None
    assert status[0] == "completed"


def test_deportees_who_arrived_from_x_to_y_came_on_the_flight() -> None:
    # the journey rule reads "que llegaron desde X a Y" the other way, but not for deportees
    parts = item_parts(
        "",
        "Los 135 deportados que llegaron desde Estados Unidos a Guatemala fueron atendidos.",
    )
    roles = _scored_roles(parts)
    assert "GT" not in roles.origin.scores
    assert "US" not in roles.destination.scores


# Twenty-first round: the compline dev half (and the other dev halves); every check half was
# only counted.


def test_the_authorities_of_a_state_that_deport_name_the_origin() -> None:
    # compline dev class: the sending state named only as "las autoridades de X"
    flight = extract(
        "Las autoridades de Estados Unidos deportaron este jueves a 66 migrantes guatemaltecos "
        "vía aérea",
        "Los deportados llegaron a la base de la Fuerza Aérea de la capital.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("US", "GT")


@pytest.mark.parametrize(
    "summary",
    [
        # a ministry that only speaks (tune fl-0191's class)
        "El Ministerio del Interior de Venezuela informó que Estados Unidos suspendió un vuelo "
        "de repatriación de migrantes que debía llegar el viernes.",
        # the people handed to a state's authorities
        "Los 80 hondureños deportados desde Estados Unidos fueron entregados a las autoridades "
        "de Honduras en el aeropuerto.",
    ],
)
def test_authorities_that_speak_or_receive_are_no_origin(summary: str) -> None:
    winner = _scored_roles(item_parts("", summary)).origin.winner()
    assert winner is None or winner[0] == "US"


def test_a_capital_that_deports_names_the_origin() -> None:
    # compline dev class: "Sanaa deports", "the ... Authority in Sanaa has returned"
    flight = extract(
        "Sanaa deports 117 Ethiopian immigrants",
        "The Immigration, Passports and Nationality Authority in Sanaa has returned 117 "
        "Ethiopian immigrants to their country through Sanaa International Airport.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("YE", "ET", 117)


def test_the_philippine_bureau_of_immigration_deports_from_the_philippines() -> None:
    flight = extract(
        "27 Chinese nationals deported",
        "The Bureau of Immigration said 27 Chinese nationals were deported and boarded a "
        "Philippine Airlines flight bound for Shanghai, China.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.operator) == (
        "PH",
        "CN",
        "Philippine Airlines",
    )


def test_a_military_plane_of_a_named_air_force_is_that_air_force() -> None:
    # compline dev class: "un avión militar de la Fuerza Aérea del Perú" is not the US military
    flight = extract(
        "Perú deporta a cincuenta venezolanos con antecedentes penales",
        "Los cincuenta venezolanos fueron embarcados por la tarde en un avión militar de la "
        "Fuerza Aérea del Perú (FAP) que los devolvió a Venezuela.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.operator) == ("PE", "Fuerza Aérea del Perú")


def test_people_who_arrived_at_the_airport_to_be_deported_are_still_to_fly() -> None:
    # compline dev class: the departure airport reached "para ser deportados"
    flight = extract(
        "Cubanos llegaron al aeropuerto de Latacunga para ser deportados",
        "Los dos buses que trasladaban al grupo de cubanos que serán deportados del país "
        "llegaron al aeropuerto. Aún se desconoce a qué hora abordarán el avión que los llevará "
        "de vuelta a Cuba.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("EC", "CU", "planned")


def test_deportees_who_arrived_home_are_not_to_be_deported() -> None:
    flight = extract(
        "Llegan a Guatemala 120 deportados desde Estados Unidos",
        "Un vuelo con 120 guatemaltecos deportados aterrizó en la Ciudad de Guatemala.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "GT", "completed")


@pytest.mark.parametrize(
    "title",
    [
        # compline dev class: removals counted one by one in the headline
        "German pilots stopped 222 deportations by refusing to fly, report says",
        "El Gobierno registró 1.500 deportaciones fallidas en vuelos comerciales",
    ],
)
def test_a_headline_counting_removals_is_a_tally(title: str) -> None:
    summary = "Most of the flights were taking people back to Afghanistan."
    assert extract(title, summary, PUBLISHED) is None


def test_a_headline_counting_deportees_is_still_a_flight() -> None:
    flight = extract(
        "Germany deports 28 Afghans on a charter flight to Kabul",
        "The plane with 28 deportees left Leipzig on Friday morning.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.destination, flight.people) == ("AF", 28)


def test_a_removal_by_sea_with_an_earlier_flight_as_background_is_no_record() -> None:
    # compline dev class: the ship comes first; the flight is an earlier return
    summary = (
        "The 178 Venezuelans departed from a ship at the Chaguaramas heliport on Friday. "
        "On February 27, a repatriation flight from Piarco to Caracas took 96 Venezuelans home."
    )
    assert extract("178 Venezuelans repatriated", summary, PUBLISHED) is None


def test_people_who_came_by_boat_and_were_flown_home_are_a_record() -> None:
    # check fl-4012's class: the boat is how they came
    flight = extract(
        "More than 40 Albanian criminals and migrants deported from the UK",
        "More than 40 Albanian migrants who tried to enter the UK via boat arrive back in their "
        "home country aboard a Home Office removal flight.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("GB", "AL")


def test_returns_by_ferry_and_charter_told_together_are_no_record() -> None:
    # compline dev class: a policy item on returns by ferries and flights in general
    summary = (
        "Según el Ministerio del Interior, Argelia ha rechazado en las últimas semanas a un "
        "importante número de inmigrantes que eran devueltos en los ferris y los vuelos "
        "fletados por el gobierno español."
    )
    assert extract("Argelia frena la repatriación de inmigrantes", summary, PUBLISHED) is None


def test_a_weekly_programme_whose_next_flight_is_dated_is_a_planned_record() -> None:
    # compline dev class: a schedule headline, the next flight dated in the lede
    flight = extract(
        "Israel continues weekly flights of deportees to South Sudan",
        "The next flight will take place on Wednesday from Ben-Gurion International Airport, "
        "aboard an aircraft operated by Corendon, a Turkish charter airline. Approximately 150 "
        "unlawful migrants are expected to be on board.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status, flight.operator) == (
        "IL",
        "SS",
        "planned",
        "Corendon",
    )


def test_a_weekly_schedule_alone_is_still_no_record() -> None:
    title = "Repatriaciones de dominicanos desde EE.UU. continúan cada martes"
    summary = "Un vuelo con deportados llega cada semana al aeropuerto de Las Américas."
    assert extract(title, summary, PUBLISHED) is None


def test_people_intercepted_by_a_vessel_and_flown_home_are_a_record() -> None:
    flight = extract(
        "60 Haitians repatriated",
        "The 60 Haitians, intercepted at sea by a coast guard vessel, were flown to "
        "Port-au-Prince on a charter flight on Monday.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.destination, flight.people) == ("HT", 60)


# Twenty-second round: the lauds dev half (and the other dev halves); every check half was
# only counted.


def test_georgia_with_no_us_in_the_item_is_the_country() -> None:
    # lauds dev class: "to Georgia" from Dublin, no Tbilisi nor Georgians named
    flight = extract(
        "Ireland deports 40 people on chartered flight to Georgia",
        "The charter flight left Dublin Airport on Wednesday with 40 people on board.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("IE", "GE")


@pytest.mark.parametrize(
    ("title", "summary", "code"),
    [
        ("ICE flight leaves Georgia", "Detainees held in Georgia were flown to Guatemala.", None),
        ("Flight to Georgia", "Georgian citizens were returned from Germany to Georgia.", "GE"),
        ("Deportees", "The plane took off from Atlanta, Georgia with 60 deportees.", None),
    ],
)
def test_georgia_is_settled_by_the_item(title: str, summary: str, code: str | None) -> None:
    codes = {m.entry.key for part in item_parts(title, summary) for m in part.mentions}
    assert ("GE" in codes) == (code == "GE")


@pytest.mark.parametrize(
    ("summary", "code"),
    [
        ("Belgium deported people to the Congo; DRC nationals were on board.", "CD"),
        ("Belgium deported people to the Congo on a charter flight.", None),
    ],
)
def test_a_bare_congo_is_the_congo_the_item_names(summary: str, code: str | None) -> None:
    codes = {m.entry.key for part in item_parts("", summary) for m in part.mentions}
    assert codes & {"CD", "CG"} == ({code} if code else set())


def test_people_natives_of_a_state_are_sent_there() -> None:
    # lauds dev class: "migrantes originarios de India"
    flight = extract(
        "Panamá deporta 120 migrantes",
        "Panamá deportó este viernes en un vuelo a 120 migrantes originarios de India.",
        PUBLISHED,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == ("PA", "IN")


@pytest.mark.parametrize(
    ("text", "value"),
    [("a dozen and a half deportees", 18), ("una docena y media de deportados", 18)],
)
def test_a_dozen_and_a_half(text: str, value: int) -> None:
    assert [n.value for n in numbers(text)] == [value]


def test_deportees_refusing_to_disembark_are_no_blocked_flight() -> None:
    # lauds dev class: the people refuse to leave a plane that landed
    flight = extract(
        "Deportees refuse to disembark from plane",
        "Twenty deportees from Spain refused to disembark from a plane that brought them to "
        "Accra on Monday after the special flight touched down.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.status == "completed"


def test_a_total_over_two_operations_is_not_the_flights_count() -> None:
    # lauds dev class: the total of two returns against the flight's own head count
    flight = extract(
        "30 Bangladeshis return home from Malta",
        "A total of 33 migrants were repatriated. Authorities conducted the returns in two "
        "operations: 30 on a special flight that landed in Dhaka, three others days later.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.people == 30


def test_chiles_pdi_names_the_deporting_state() -> None:
    # lauds dev class: the deporting state named only through its police
    flight = extract(
        "Vuelo de expulsión de venezolanos no fue autorizado",
        "Un documento de la PDI advierte que el vuelo de expulsión de 100 venezolanos no fue "
        "autorizado por Venezuela.",
        PUBLISHED,
    )
    assert flight is not None
    assert flight.origin == "CL"


@pytest.mark.parametrize(
    ("title", "summary", "origin"),
    [
        # lauds dev class: the state that prepares a charter for another people
        (
            "Islandia prepara vuelo de repatriación de venezolanos para enero",
            "El vuelo chárter saldrá en enero con 135 personas.",
            "IS",
        ),
        # a state preparing a flight to fetch its own people stays the destination
        ("Venezuela prepara un vuelo para repatriar a 200 venezolanos desde Chile", "", "CL"),
    ],
)
def test_a_state_that_prepares_a_flight_sends_it(title: str, summary: str, origin: str) -> None:
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None
    assert (flight.origin, flight.destination) == (origin, "VE")


def test_a_headline_counting_thousands_in_a_span_of_time_is_a_tally() -> None:
    # lauds dev class: a yearly count whose lede names the latest flight
    title = "1,300 Nigerian migrants deported from Libya in one year"
    summary = "A fresh batch of 150 Nigerians arrived on Tuesday in Lagos aboard a chartered plane."
    assert extract(title, summary, PUBLISHED) is None


def test_the_day_after_a_stated_date() -> None:
    # lauds dev class: "al día siguiente" of a dated document
    text = (
        "Un documento fechado el 2 de marzo de 2022 advierte que al día siguiente saldría el vuelo."
    )
    assert [d.value for d in date_mentions(text, PUBLISHED)] == [
        date(2022, 3, 2),
        date(2022, 3, 3),
    ]


def test_a_tally_in_another_sentence_leaves_an_undestined_removal_a_record() -> None:
    # lauds dev class: a joint removal of several nationalities, the year's tally after it
    title = "Third country nationals on forced return flight"
    summary = (
        "In total 20 third country nationals who were illegally in Cyprus returned to their "
        "countries on a charter flight on Wednesday, police said. So far 90 third country "
        "nationals returned this year."
    )
    flight = extract(title, summary, PUBLISHED)
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("CY", None, 20)


def test_a_tally_in_the_counts_own_sentence_is_still_no_record() -> None:
    title = "Third country nationals on forced return flights"
    summary = "So far this year 90 third country nationals returned from Cyprus on charter flights."
    assert extract(title, summary, PUBLISHED) is None
