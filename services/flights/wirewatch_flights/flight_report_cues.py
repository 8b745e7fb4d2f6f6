"""Cue phrases of the "is a flight record" gate (folded: lower case, no accents) in English and
Spanish. Pure data.

Flight words that name no flight (none, lacking, cut, the people's own arrival, Spanish
"planes"), an air force among other forces, a return that is only possible, a group's return in
a headline, a policy against a specific removal, a group named without a number, a land or sea
return, and the tallies (states, statistics, periods, spans since). Read by flight_report.py:
regular expressions over the folded text.
"""

from __future__ import annotations

import re

from wirewatch_flights.cues import alternation, words

NO_FLIGHT_BEFORE = re.compile(
    r"\b(?:no|sin|ningun|ninguna|not any)\s+(?:plans?\s+(?:for|of|de)\s+|planes\s+de\s+)?"
    r"(?:such\s+|any\s+|more\s+|further\s+|tales\s+|mas\s+)?$"
)
"""Before a flight word: flights said not to exist ("there are no plans for such flights"),
which make no flight of the item."""
AIRLINE_CUT_BEFORE = re.compile(
    r"\b(?:recorta\w*|recorto|reduce|reducen|redujo|cuts?|cutting|slash\w*)\s+"
    r"(?:(?:los|las|sus|the|its|their)\s+)?$"
)
"""Before a bare flight word: an airline's routes cut ("Argelia suspende las repatriaciones
... y recorta los vuelos", morning fl-9826: the returns went by ship), no removal flight."""
FLIGHTS_LACKING_BEFORE = re.compile(
    r"\b(?:falta|ausencia|escasez|lack|absence|shortage)\s+(?:de|of)\s+(?:los\s+|the\s+)?$"
)
"""Before a flight word: flights lacking ("la falta de vuelos"), no flight of the item."""
OWN_ARRIVAL_BEFORE = re.compile(
    r"\b(?:arrive|arrives|arrived|arriving|come|comes|came|coming|enter|enters|entered|entering|"
    r"travel|travels|travelled|traveled|llegan|lleguen|llegaron|llegar|ingresan|ingresen|"
    r"ingresaron|ingresar|entran|entren|entraron|viajan|viajen|viajaron)\s+(?:by|en|por|in)\s+"
    r"(?:a\s+|un\s+)?$"
)
"""Before a flight word: how the people came of their own accord ("a program that gives legal
status ... to those who arrive by plane"), not a removal flight (twenty-ninth round)."""

SPANISH_PLANS = re.compile(
    r"\b(?:los|sus|unos|estos|esos|nuevos|con|sin|mis|nuestros|sobre)\s+planes$"
    r"|^planes\s+(?:de|del|para|migratorios|que)\b"
)
"""'planes' in Spanish is plans, not aeroplanes ("si cumple con sus planes de deportaciones
masivas"): no flight word (twenty-ninth round)."""
AIR_FORCE = re.compile(r"\b(?:fuerzas? aereas?|air forces?)\b")
OTHER_FORCES = words(r"ejercito", r"armada", r"army", r"navy", r"policia", r"police")
"""'personal de la DGM, el Ejército, la Armada, la Fuerza Aérea, la Policía' (twilight
fl-18033): an air force listed with the army, the navy or the police is one of the forces of a
raid, not a flight."""
HYPOTHETICAL_RETURN = words(
    r"(?:posibilidad|posibilidades|opcion|opciones|possibility|option|chance)"
    r" (?:de|of|to) (?:retorno|retornar|regresar|regreso|volver|return|returning|go back)",
)
"""'Reanudación de vuelos a Venezuela ha reabierto la posibilidad de retorno para migrantes'
(twilight fl-18035): a return that has become possible (on airline tickets) is no removal."""
RETURNING = words(
    r"return(?:s|ed)?", r"arrive[sd]?", r"leave", r"left", r"regresa\w*", r"retorna\w*",
    r"llega\w*", r"vuelven", r"volvieron",
)  # fmt: skip
"""A group's return in a headline ("114 Bangladeshis return from Libya", "Regresaron al
país 115 venezolanos"): with a head count of a people and another state, a removal."""
POLICY = words(
    r"plan", r"scheme", r"policy", r"law", r"ley", r"regulation", r"bill", r"politica",
    r"programa?", r"program(?:me)?", r"decreto", r"norma", r"medida", r"sb ?4",
    r"agreement", r"acuerdo", r"deal", r"enforcement",
)  # fmt: skip
SPECIFIC = words(
    r"retorn[oa]", r"retornan", r"regresa", r"regresan", r"regreso", r"regresaron",
    r"return(?:ed|s)? home", r"volvieron", r"repatriated",
    r"landed", r"arrived", r"arrives?", r"aterriz[oa]", r"aterrizaron", r"llegaron", r"llegan?",
    r"llego", r"arrib[oa]", r"arribaron", r"recibio", r"recibieron", r"recibe", r"reciben",
    r"received", r"receives?", r"sent", r"enviad[oa]s", r"envio", r"enviaron", r"deported",
    r"deports", r"deporto", r"deporta", r"deportaron", r"expulsa", r"expulso", r"expulsaron",
    r"expelled", r"repatriad[oa]s", r"repatrio", r"retornaron", r"returned", r"transferred",
    r"deportar", r"deporting", r"deportad[oa]s a", r"to deport", r"expulsar",
    r"repatrian", r"deportan", r"expulsan", r"envian", r"deportara\w*", r"expulsara\w*",
    r"repatriara\w*", r"will deport", r"will expel",
    r"(?:sera|seran|van a ser) (?:deportad|expulsad|repatriad)[oa]s", r"will be deported",
    r"(?:deportad|expulsad|enviad|devuelt|repatriad)[oa]s (?:este|esta|el|hoy|ayer) \w+ a",
    # a removal done, told as a noun ("El Servicio Nacional de Migración realizó este jueves,
    # 30 de octubre, la deportación de 34 colombianos", sunrise fl-9734)
    r"(?:realizo|realizaron|ejecuto|ejecutaron|concreto|concretaron|llevo a cabo|"
    r"llevaron a cabo|carried out|conducted)(?: [\w,]+){0,6}? (?:la|las|the) (?:deportacion|"
    r"deportaciones|expulsion|expulsiones|repatriacion|deportation|removal|expulsion)",
)  # fmt: skip
UNCOUNTED_GROUP = words(
    r"(?:several |some )?(?:dozens|hundreds|scores) of", r"(?:several|a few) dozen",
    r"(?:decenas|cientos|centenares) de",
    r"(?:a|the|first|initial|second|new|another) (?:group|batch) of",
    r"(?:un|el|primer|segundo|nuevo|otro) grupo de",
    r"(?:the )?(?:first|initial|second) (?:group|batch)",
)  # fmt: skip
"""A group named without a number ("Deports Dozens of Uyghurs", "el primer grupo de
dominicanos"): a particular group, as a head count would be, for a removal with no flight
word."""
LAND_OR_SEA = words(
    r"border crossing", r"crossing point", r"pasos? fronterizos?", r"puntos? fronterizos?",
    r"por tierra", r"land border",
    r"frontera terrestre", r"a pie", r"on foot", r"by bus", r"buses", r"autobus\w*",
    r"camiones", r"barcos?", r"buques?", r"ships?", r"navy", r"naval", r"ferry", r"by sea",
    r"por mar", r"patrulleras?", r"torkham", r"crossings?", r"boats?", r"pateras?", r"lanchas?",
    r"embarcacion\w*", r"guardia costera", r"coast guard", r"intercept\w*", r"at sea",
    r"puerto de", r"via maritima", r"seaport", r"via terrestre", r"overland",
    r"desembarc\w*", r"cayucos?", r"vessels?", r"by road", r"por carretera",
    r"puente internacional", r"international bridge", r"border bridge",
    # a land return named as such ("el ingreso terrestre de 340 compatriotas", "through one of
    # our ports of entry")
    r"terrestres?", r"ports? of entry", r"puertos? de entrada", r"puestos? fronterizos?",
    # a seaport named as the way out ("via the Tunon Taka Port", "a través del puerto")
    r"(?:via|through) (?:the )?(?:[\w-]+ ){0,3}(?:sea)?port", r"harbou?r", r"ferries",
    r"(?:a traves|por medio|por via) del puerto", r"por el puerto",
)  # fmt: skip
STATES_TALLY = words(
    r"(?:from|de|desde) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"various|multiple|different|varios|distintos|diferentes|dos|tres|cuatro|cinco|seis|siete|"
    r"ocho|nueve|diez|once|doce) (?:other )?(?:countries|nations|paises|naciones)",
)
"""Deportees counted over several sending states ("258 Pakistanis deported from seven
countries", "ciudadanos procedentes de 12 países"): with no flight word, a tally of
individual removals, not one flight."""


STATISTICS = words(
    r"statistics", r"estadisticas", r"figures (?:released|published|show\w*|reveal\w*)",
    r"according to (?:the )?(?:latest |official |new )?figures", r"cifras",
    r"segun (?:los )?datos", r"datos (?:oficiales|difundidos|publicados)",
)  # fmt: skip
"""Figures released or statistics ("new statistics reveal that nearly 4,600 Sudanese ... were sent
back", "according to figures released by the CBSA"): with no flight word, a tally."""
TALLY_PERIOD = words(
    r"en lo que va(?: del?)? (?:ano|mes)", r"so far this (?:year|month)",
    r"(?:during|over|in) an? \w+[ -]months? period", r"this year", r"este ano",
    r"hasta la fecha", r"to date",
)  # fmt: skip
"""A period a removal count runs over in the headline or the lede's first sentence ("Panamá ha
expulsado a 87 cubanos en lo que va de año", "during a nine month period this year"): with no
flight word, a tally; not a running total told beside a flight ("por lo que cifra asciende a más
de 300 desde principios de este año")."""
RUNNING_TOTAL_WORDS = (
    r"asciende\w*", r"ascendiendo a", r"eleva\w*", r"se elevan? a", r"suma\w*", r"ya van",
    r"supera(?:n|ndo)?", r"con (?:lo que|ellos|estos) (?:se eleva|suman?|ya son)",
    r"bringing", r"brings", r"raising", r"(?:the|el|la) total",
)  # fmt: skip
"""The words of a running total told beside one removal ("por lo que cifra asciende a más de 300
desde principios de este año", "bringing the total this year to", "EEUU repatria 96 dominicanos;
suman 1,503 en lo que va de 2025", "se eleva a mil 244 el número de dominicanos repatriados",
"Cuba supera los 1,500 migrantes repatriados en 2025 tras nueva deportación")."""
RUNNING_ON_BEFORE = re.compile(r"\b(?:" + alternation(*RUNNING_TOTAL_WORDS) + r")\b[^.]{0,50}$")
"""Before a period: a running total told beside the flight, not a tally."""
RUNNING_TOTAL = words(*RUNNING_TOTAL_WORDS)
"""A running total anywhere in the headline or the lede's first sentence: with a head count and a
stated day, the item is that removal, not a tally (flight_report._running_total; stop 46)."""


SINCE_AFTER = words(
    r"since",
    r"desde (?:que|el|la|los|las|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|\d{4})",
)
"""After a thousand or more removed: counted since an event or a day ("have been returned since
the UK-Albania joint communiqué was signed"): with no flight word, a tally."""


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)
FROM_MONTH_TO_MONTH = re.compile(
    r"\bdesde el \d{1,2} de "
    + _MONTH
    + r"(?: de \d{4})? (?:hasta|al?) (?:el )?\d{1,2} de "
    + _MONTH
    + r"|\bfrom "
    + _MONTH
    + r" \d{1,2}(?:,? \d{4})? (?:to|until|through|till) "
    + _MONTH
    + r" \d"
)
"""A span from one month's day to another's ("Desde el 20 de febrero hasta el 15 de julio de
2025", "from February 20 to July 15"): a period a count runs over (stop 52, B)."""
