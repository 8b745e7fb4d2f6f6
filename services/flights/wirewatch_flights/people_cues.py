"""People-field cue phrases (folded: lower case, no accents) in English and Spanish. Pure data.

What around a number says it is not a head count of the removed: a subset or total, a split
over a period, a modifier, vehicles, a date (day and month, year), escorts and crew rather
than deportees, the dead or hurt, a bound; and what says it is ("N of them" removed).
Read by people.py: regular expressions over the folded text around a number.
"""

from __future__ import annotations

import re

SUBSET_AFTER = re.compile(
    r"^\s*(?:de ell[oa]s|of them|of whom|de los cuales|de las cuales|de l[oa]s|of the|"
    r"de est[oa]s|(?:\w+\s+){1,2}(?:among|entre)\s+(?:the\s+|los\s+|las\s+)?\d+)\b"
)


SUBSET_BEFORE = re.compile(
    r"(?:(?<!\w)(?:including|incluid[oa]s|among them|entre ell[oa]s|entre los que|de ell[oa]s|"
    r"compuesto por|compuesta por|composed of|consisting of|"
    r"of whom|de los cuales|y|and)|\()\s*$"
)


TOTAL_BEFORE = re.compile(
    r"(?:a total of|un total de|en total|in total|total de|altogether|all told|en conjunto)\s*$"
)


SPLIT_OVER = re.compile(
    r"\b(?:in|en|over|across)\s+(?:two|three|four|several|multiple|dos|tres|cuatro|varios|"
    r"varias|\d)\s+(?:separate\s+|distintos\s+|distintas\s+)?(?:operations|operaciones|"
    r"flights|vuelos|groups|grupos|batches|tandas)\b"
)
"""After a total: the total was split over several operations ("A total of 48 ... conducted
the returns in two operations"), so not one flight's head count."""


MODIFIER_BEFORE = re.compile(
    r"(?:more than|over|about|around|nearly|almost|some|at least|roughly|approximately|"
    r"mas de|alrededor de|unos|unas|cerca de|al menos|aproximadamente|casi|up to|hasta)\s*$"
)
"""Before a number: a bound or an approximation ("more than 100", "casi 200"). Not "another
/ otros": "Another 131 Nigerian deportees", "otros 300 gitanos" (firelight fl-35012) are exact
counts, each labelled so in the released files."""


VEHICLE_COUNT_AFTER = re.compile(r"^\s+(?:[\w\-]+\s+){0,2}?(?:buses|autobuses|camiones|trucks)\b")
"""After a number: it counts buses or trucks ("dos camiones salieron ... con 60 hombres"), not
people."""


NOT_PEOPLE_BEFORE = re.compile(
    r"\b(?:boeing|airbus|embraer|bombardier|mcdonnell douglas|md|dc|flight|vuelo|model|modelo|"
    r"number|numero|no|nro|#)[\s.-]*$"
    r"|\b(?:arrested|killed|injured|arresto|arrestaron|murieron|heridos|without|sin|between|"
    r"entre)\s+$"
    r"|\b(?:each|cada uno|cada una)(?:\s+[\w-]+){0,2}?\s+$"
    r"|\d\s*(?:to|a|-|/)\s*$"
)
"""An aircraft model or a flight number ("Boeing 737", "flight 1234"), the people a verb of
arrest or harm governs ("arrested 16 people overnight protesting"), those left behind
("goes ahead without 25 detainees"), a range ("350 to 400 Pakistanis", "between four and
six") or a figure per flight ("two flights, each transporting around 80 migrants"): not the
head count the report states."""


_MONTH_NAMES = (
    r"january|february|march|april|june|july|august|september|october|november|december|enero|"
    r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre"
)
"""Month names but "May" (also a modal verb); "mar" is not an abbreviation here (Spanish
"sea")."""


_MONTHS = _MONTH_NAMES + r"|may|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec"


DAY_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$")


DAY_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?(?:" + _MONTHS + r")\b")
"""Around a day of the month ("will begin on June 6 involving Indonesians", "el 6 de junio
450 migrantes"): a date, not a head count."""


SINCE_OPENING = re.compile(
    r"(?:^|[.;:!?]\s+)\W*(?:ever\s+)?(?:since|desde)\b(?=[^.;:!?]*\b(?:(?:19|20)\d\d|"
    + _MONTH_NAMES
    + r")\b)[^.;:!?]*$"
)
"""A sentence that opens on a dated "since" clause ("Since the closure of the international
border in March 2020 ..., the ABF has removed 711 unlawful non-citizens"): the count in it
is a running total since then, not one flight's."""


YEAR_BEFORE = re.compile(r"\b(?:of|in|since|for|de|en|del|desde|para)\s+$")
"""Before a year ("the first flight of 2026 to return asylum seekers"): not a head count."""


MONTH_YEAR_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?,?\s+$")
"""A month before a year ("On 4th December, 2019 members from the Garda ..."): a date,
not a head count of 2019."""


REMOVAL_STAFF = (
    *(r"funcionari[oa]s", r"officials?", r"agentes", r"agents", r"policias", r"police"),
    *(r"soldiers", r"soldados", r"officers", r"oficiales", r"guards", r"guardias", r"escorts?"),
    *(r"escoltas", r"custodios", r"marshals", r"crew", r"crews", r"crewmembers", r"tripulantes"),
    *(r"tripulacion", r"staff", r"personnel", r"personal de", r"pilots", r"pilotos"),
    *(r"flight attendants", r"azafatas", r"doctors", r"medicos", r"nurses", r"enfermer[oa]s"),
    *(r"paramedics", r"interpreters", r"interpretes", r"observers", r"observadores"),
    *(r"monitors", r"diplomats", r"diplomatic\w*", r"consuls", r"consules", r"employees"),
    *(r"empleados", r"contractors"),
)  # fmt: skip
"""Those who carry out, staff or watch a removal: escorts, crew, medics, interpreters,
monitors, consular staff."""


BESIDE_THE_REMOVAL = (
    *(r"journalists", r"periodistas", r"reporters", r"lawyers", r"abogad[oa]s", r"judges"),
    *(r"jueces", r"protesters", r"manifestantes", r"activists", r"activistas", r"victims"),
    *(r"victimas", r"bodies", r"cuerpos", r"cadaveres", r"dead", r"muertos", r"fallecidos"),
)  # fmt: skip
"""Others a story counts beside the removal: the press, lawyers, protesters, victims, the
dead."""


NOT_DEPORTEES = REMOVAL_STAFF + BESIDE_THE_REMOVAL
"""Right after a number, never the deportees though a people noun may follow ("20 crew
members", "12 staff members", "40 officers and"). A deliberate list, kept apart from
PEOPLE_NOUN (a test checks they do not meet)."""


STAFF_AND = re.compile(
    r"^\s+(?:" + "|".join(REMOVAL_STAFF) + r")\b(?:\s+[\w-]+)?\s*(?:,|,?\s*and|,?\s*y)\s*$"
)
"""Between a count of the removal's staff and the next number ("with 11 crew members and
46 returnees", "con 8 tripulantes y 120 migrantes"): the next group is the deportees, not
a part of a group before."""


NOT_PEOPLE_AFTER = re.compile(
    r"^\s+(?:" + "|".join(NOT_DEPORTEES) + r"|"
    r"dias|days|months?|meses|years?|anos|hours?|horas|weeks?|semanas|times|veces|countries|"
    r"paises|nations|naciones|"
    r"familias|families|family units?|unidades familiares|nucleos familiares|households|hogares|"
    r"grupos|groups|(?:to|a|-)\s*\d+)\b"
    r"|^\s*/\s*\d"  # the lower end of a range written "40/50"
)


_HARM_VERBS = (
    r"killed|killing|kills|murdered|injured|injuring|wounded|wounding|mato|mataron|"
    r"asesino|asesinaron|hirio|hirieron"
)


HARMED_BEFORE = re.compile(
    r"\b(?:" + _HARM_VERBS + r")\s+(?:(?:at least|more than|over|about|some|nearly|almost|"
    r"around|al menos|mas de|unos|unas|cerca de|casi|a)\s+)?$"
)
"""Before a number, a verb of harm with a bound between ("an explosion killed at least 80
people in the Afghan capital", lodestar fl-34020): the dead or hurt, not the deportees."""


HARMED_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:were|was|have been|had been|fueron|han sido|resultaron)\s+)?"
    r"(?:killed|died|dead|murdered|injured|wounded|muertos|murieron|fallecieron|fallecidos|"
    r"heridos|asesinados|lost their lives|perdieron la vida)\b"
)
"""After a number, its people killed or hurt ("after at least 80 people were killed in a bomb
attack in Kabul", saturday fl-11003): the victims a story counts, not the deportees."""


REMOVED_BEFORE = re.compile(
    r"\b(?:deport|expel|expuls|repatri|devolv|devuel|remov|return|retorn|fly|flying|flew|flown)"
    r"\w*\s+(?:(?:de|a|of|only|solo|just)\s+)?$"
)


OF_THEM_AFTER = re.compile(
    r"^\s+(?:of them|of whom|of which|de ellos|de ellas|de los cuales|de las cuales)\b"
)


OF_THEM_REMOVED = re.compile(
    r"^\s+(?:were|was|have been|had been|fueron|han sido|habian sido)\s+(?:[\w-]+\s+)?"
    r"(?:deport|expel|expuls|repatri|devuelt|remov|flown|returned|retornad)\w*"
)
"""A number taken from a group named before, the verb of removal governing it ("by flying 842
of them on Friday", new fl-3096; "la expulsión de 60 de ellos", predawn fl-9624; "11 of which
were really expelled", lodestar fl-34005): the ones removed of a larger pool, the head count
(unlike "20 of whom are women" or "ocho de ellos deportados y cuatro ...", twilight fl-18002:
parts of the flight's group, no finite verb of removal)."""


BOUND_BEFORE = re.compile(r"(?:fewer than|less than|menos de|under|no more than)\s*$")
"""Before a number: an upper bound, not a count ("fewer than 10 on board"); "up to 20" /
"hasta siete" stay a count, as "more than 100" does."""


AVOIDED_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:narrowly\s+)?(?:avoided|escaped|dodged|evitaron|esquivaron|"
    r"se libraron de|se salvaron de)\b"
)
"""After a number: the people who avoided the flight ("Thirty-seven Jamaicans narrowly
avoided deportation"), not its head count."""


APPROXIMATE_SPAN = re.compile(
    r"\b(?:centenar|docenas?|dozen|decena|veintena|treintena|cuarentena|cincuentena|millar)\b"
    r"|^an?\s+(?:hundred|thousand)\b"
)
"""A count's own words (folded) that make it a round approximation, as ``numbers`` reads them
("un centenar", "medio centenar", "una decena", "a dozen", "tres docenas", "a hundred"; not "one
hundred"; "una treintena", "un millar", stop 52): it counts as "more than 100" does, only when
nothing precise is said (stop 50)."""


_PERIOD_MONTHS = _MONTHS + r"|mayo"

PERIOD = re.compile(
    r"\b(?:since|desde)\s+(?:(?:el|the)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?)?"
    r"(?:" + _PERIOD_MONTHS + r"|(?:19|20)\d\d)\b"
    r"|\b(?:between|entre)\s+(?:"
    + _PERIOD_MONTHS
    + r")\w*\s+(?:and|y)\s+(?:"
    + _PERIOD_MONTHS
    + r")\b"
    r"|\b(?:from|del?)\s+(?:"
    + _PERIOD_MONTHS
    + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:to|until|through)\b"
    r"|\bfrom\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _PERIOD_MONTHS + r")\s+(?:to|until)\b"
    r"|\bdel\s+\d{1,2}\s+(?:de\s+(?:" + _PERIOD_MONTHS + r")\s+)?al\s+\d{1,2}\b"
    r"|\b(?:(?:in|over|during)\s+)?(?:the\s+)?(?:last|past)\s+(?:[\w-]+\s+)?(?:days|weeks|months)\b"
    r"|\b(?:en|durante)\s+(?:los|las)\s+(?:ultimos|ultimas)\s+(?:[\w-]+\s+)?(?:dias|semanas|meses)\b"
)
"""A dated period: "since 28 May", "desde septiembre", "between January and October", "entre enero y
octubre", "from May 19 to May 30", "del 19 al 30 de mayo", "in the last four days", "en los
últimos diez días". A head count in the period's sentence, with no flight between them, is the
period's running total, not one flight's (stop 52)."""


FIRST_OR_LAST_BEFORE = re.compile(r"\b(?:first|primer|primero|primera|last|ultimo|ultima)\b")
"""Before a period: it dates a first or last event ("el primero desde diciembre de 2020", "the
first flight since 2020"), not a running total."""


POOL_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+)\W*(?:de ell[oa]s|de est[oa]s|de l[oa]s\s+\d[\d.,]*(?:\s+[\w-]+){0,3})"
    r"\s*,\s*(?:solo|only|just)?\s*$"
    r"|\b(?:solo|only|just)\s+$"
)
"""Before a number: a pool named first and the number taken from it ("De ellos, 86 ...", "De los
460 migrantes, 220 ..."), or "only / sólo N" (the few of a larger group)."""


POOL_AFTER = re.compile(
    r"^\s+(?:of these|of those|of the\s+\d[\d.,]*|de los\s+\d[\d.,]*|de las\s+\d[\d.,]*)\b"
)
"""After a number: the pool it is taken from ("eleven of these people", "14 of the 150", "21
de los 49 activistas")."""


FLEW_IN_CLAUSE = re.compile(
    r"\b(?:vuelos?|avion|aviones|aeronave|flights?|planes?|charter|a bordo|on board|aboard|"
    r"partieron|salieron|viajaron|volaron|aterrizaron|abordaron|"
    r"left|departed|boarded|flew|landed|"
    r"(?:fueron|han sido|were|was|have been)\s+(?:[\w-]+\s+)?(?:deportad|expulsad|repatriad|"
    r"devuelt|retornad|deport|expel|remov|flown|repatriat|returned)\w*)\b"
)
"""In the clause after a count taken from a pool: the count flew or was removed ("partieron en
un vuelo", "se efectuaron en dos vuelos", "tomaron el vuelo", "were forcibly deported by military
flight", "left UK"): the flight's share of the pool, its head count (stop 50)."""
