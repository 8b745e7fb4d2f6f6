"""Cue phrases (folded: lower case, no accents) in English and Spanish that several readers
share. Pure data.

Regular expressions over the folded text, each a whole-word pattern; see docs/flights.md for
what each group means. A reader's own cues live beside it: flight_report_cues.py (the "is a
flight record" gate), not_a_record_cues.py (its precision vetoes), role_cues.py (the origin
and destination scores), people_cues.py, status_cues.py, and in places.py and parts.py the
few they alone read. Here: the words those files build on, then the cues two or more readers
use, grouped by what they signal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise


def words(*alternatives: str) -> re.Pattern[str]:
    """The whole-word pattern of the alternatives, ``\\b(?:a|b|...)\\b``, written as
    :func:`alternation` writes it."""
    return re.compile(r"\b(?:" + alternation(*alternatives) + r")\b")


def alternation(*alternatives: str) -> str:
    """``a|b|...`` (each given one may hold several, ``a|b``), the alternatives grouped by
    their first character (``suspend\\w*|halt\\w*|suspension`` as
    ``s(?:uspend\\w*|uspension)|halt\\w*``): the same matches, but the regular-expression
    engine tries one group's first letter instead of every alternative at each position it
    starts from (Python's ``re`` has no such dispatch of its own, and the cue searches are
    most of the extractor's time).

    Same matches, not only the same language: alternatives whose first characters differ
    cannot both match at one position, so only they change places, and each group keeps its
    alternatives' order. An alternative that opens on a group is read as its branches in
    order (``(?:x|y)z`` as ``xz|yz``, ``(?:x)?z`` as ``xz|z``); a boundary or a lookbehind
    before the first letter is checked after it (``\\bfrom`` as ``f(?<!\\wf)rom``,
    ``(?<!la )manana`` as ``m(?<!(?:la )m)anana``). One that starts otherwise (a class, an
    escape, a lookahead, a quantified character) or holds a capturing group stays where it
    is, and the alternatives before and after it are grouped apart."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    opened = (a for given in alternatives for part in _top_level(given) for a in _opened(part))
    for alternative in opened:
        lead = _lead(alternative)
        if lead is None:
            out.extend(_grouped(groups))
            groups = {}
            out.append(alternative)
        else:
            groups.setdefault(lead[0], []).append(lead[1])
    out.extend(_grouped(groups))
    return "|".join(out)


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches wherever one of the patterns does, their alternatives grouped
    as :func:`alternation` groups them: one scan of a text instead of one per pattern, and
    where it finds nothing none of them would (a gate before a chain of searches of the
    same text). Only whether it matches counts: the alternatives that open on ``\\b`` are
    tried first, under one ``\\b``, and those that cannot be grouped last, so its match may
    not be the first pattern's. Patterns with flags or capturing groups are refused."""
    if any(p.flags != re.UNICODE or p.groups for p in patterns):
        raise ValueError("any_of: patterns with flags or capturing groups")
    opened = [a for p in patterns for a in _opened(f"(?:{p.pattern})")]
    bounded = [a[2:] for a in opened if a.startswith(r"\b")]
    rest = [a for a in opened if not a.startswith(r"\b")]
    ordered = [a for group in (bounded, rest) for a in _groupable_first(group)]
    within = alternation(*ordered[: len(bounded)])
    after = alternation(*ordered[len(bounded) :])
    return re.compile("|".join(x for x in (within and rf"\b(?:{within})", after) if x))


def _groupable_first(alternatives: list[str]) -> list[str]:
    return sorted(alternatives, key=lambda a: _lead(a) is None)


_PLAIN_LEAD = re.compile(r"[a-z0-9 ](?![?*+{])")
"""A letter, digit or space, not quantified."""


def _lead(alternative: str) -> tuple[str, str] | None:
    """(first character, the rest) of an alternative that may be grouped by it."""
    if len(_top_level(alternative)) != 1 or _capturing(alternative):
        return None
    behind, body = _behind(alternative)
    m = _PLAIN_LEAD.match(body)
    if m is None:
        return None
    char = m.group()
    checks = []
    for check in behind:
        if check != r"\b":
            checks.append(f"{check[:4]}(?:{check[4:-1]}){char})")
        elif char.isalnum():
            checks.append(rf"(?<!\w{char})")
        else:
            return None  # a boundary before a space: not one after a word character
    return char, "".join(checks) + body[m.end() :]


def _behind(alternative: str) -> tuple[list[str], str]:
    """The boundaries and lookbehinds an alternative opens on, and the rest."""
    found: list[str] = []
    rest = alternative
    while rest.startswith(("(?<!", "(?<=", r"\b")):
        close = 1 if rest.startswith(r"\b") else _closing(rest)
        if close < 0:
            break
        found.append(rest[: close + 1])
        rest = rest[close + 1 :]
    return found, rest


def _opened(alternative: str) -> list[str]:
    """An alternative that opens on a group (after boundaries or lookbehinds or not) as its
    branches in order, each read again the same way; else the alternative."""
    behind, body = _behind(alternative)
    if not body.startswith("(?:") or _capturing(alternative):
        return [alternative]
    close = _closing(body)
    rest = body[close + 1 :]
    branches = _top_level(body[3:close])
    if close < 0 or rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
        return [alternative]
    if rest[:1] == "?":  # greedy: with the group first, then without it
        rest = rest[1:]
        branches.append("")
    prefix = "".join(behind)
    return [a for branch in branches for a in _opened(prefix + branch + rest)]


def _grouped(groups: dict[str, list[str]]) -> list[str]:
    return [
        char + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for char, rests in groups.items()
    ]


_SYNTAX = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|([()|])", re.DOTALL)
"""An escape, a character class ("[]...]": a "]" first is a member), or a "(", ")" or "|"."""


def _scan(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth before it) of each "(", ")" and "|" of a pattern that
    is neither escaped nor inside a character class."""
    depth = 0
    for m in _SYNTAX.finditer(pattern):
        ch = m.group(1)
        if ch:
            yield m.start(), ch, depth
            depth += (ch == "(") - (ch == ")")


def _top_level(pattern: str) -> list[str]:
    """The pattern split at its ``|`` outside any group."""
    bars = [i for i, ch, depth in _scan(pattern) if ch == "|" and depth == 0]
    edges = [-1, *bars, len(pattern)]
    return [pattern[a + 1 : b] for a, b in pairwise(edges)]


def _closing(pattern: str) -> int:
    """Where the group the pattern opens on closes (-1: nowhere)."""
    return next((i for i, ch, depth in _scan(pattern) if ch == ")" and depth == 1), -1)


def _capturing(pattern: str) -> bool:
    return any(
        ch == "(" and (pattern[i + 1 : i + 2] != "?" or pattern.startswith("?P<", i + 1))
        for i, ch, _ in _scan(pattern)
    )


# The removal and its flight: flight_report.py and not_a_record.py (FLIGHT also status.py,
# DEPORT also roles.py).
FLIGHT = words(
    r"vuelos?",
    r"avion(?:es)?",
    r"avioneta",
    r"aeronaves?",
    r"flights?",
    r"planes?",
    r"airplanes?",
    r"planeloads?",
    r"aircraft",
    r"charters?",
    r"jets?",
    r"airlift\w*",
    r"aterriz\w+",
    r"landed",
    r"lands",
    r"touched down",
    r"despeg\w+",
    r"took off",
    r"ice air",
    r"c ?17",
    r"via aerea",
    r"aerea",
    r"aereos?",
    r"aeropuerto",
    r"aeroparque",
    r"airport",
    r"airline",
    r"aerolinea",
    r"puente aereo",
    r"flew",
    r"flown",
    r"fly",
    r"flying",
    r"air ?bases?",
    r"bases? aereas?",
    r"airfield",
    r"aerodromo",
    r"maiquetia",
    r"toncontin",
    r"palmerola",
    r"soto cano",
    r"ramon villeda morales",
    r"tocumen",
    r"juan santamaria",
    r"la aurora",
    r"comalapa",
    r"heathrow",
    r"stansted",
    r"gatwick",
)
DEPORT = words(
    r"deport(?:ad[oa]s?|ar|an|a|o|aron|ara|aran|acion|aciones|ados|ation|ations|ed|ees?|ing|s)?",
    r"repatri\w*",
    r"autodeport\w*",
    r"expuls\w*",
    r"expel\w*",
    r"remov(?:al|als|ed|ing)",
    r"retornad[oa]s",
    r"retorno",
    r"retornaron",
    r"retornan",
    r"returnees?",
    r"returned",
    r"return flights?",
    r"returns",
    r"devuelt[oa]s",
    r"devolucion\w*",
    r"sent back",
    r"send back",
    r"enviad[oa]s de regreso",
    r"regresad[oa]s",
    r"connacionales retornados",
    r"vuelta a la patria",
    r"envi(?:o|aron|ad[oa]s) (?:a|de regreso|desde)",
    r"sent (?:\w+ ){0,3}?(?:to|back)",
    r"migrant flights?",
    r"voluntary (?:humanitarian )?returns?",
    r"(?:carrying|transporting|with|of) (?:\w+ ){0,3}?(?:im)?migrants",
    r"(?:carrying|transporting|with|of) (?:\w+ ){0,3}?asylum seekers",
    r"send(?:s|ing)? (?:\w+ ){0,2}?(?:migrants|deportees|immigrants|asylum seekers|detainees)",
    r"enviar (?:\w+ ){0,2}?(?:a )?(?:migrantes|deportados|inmigrantes|solicitantes de asilo)",
    r"(?:con|de|llevar|trasladar\w*) (?:\w+ ){0,2}?solicitantes de asilo",
    r"retornar(?:on|an|a|los|las)?",
    # the INM's wording for people it flies home: "personas ... quienes no contaban con una
    # condición de estancia regular en el país" (evening fl-13004), no removal word
    r"no (?:contaban|contaba|cuentan|cuenta) con (?:una )?condicion de estancia regular",
    r"(?:en|con) condicion de estancia irregular",
    r"(?:con|de|trasladar\w*|transport\w*) (?:\w+ ){0,2}?migrantes",
    r"retorno asistido",
    r"return(?:ed|s|ing)? home",
    r"(?:sent|send|sends|sending|return|returned|returns|returning) (?:\w+ ){0,2}?asylum seekers",
    r"(?:flown|flew|brought|sent) home",
    # people held or removed, flown ("plane to bring home Korean detainees", "flew 20 migrants")
    # or fetched ("sends two airplanes to take some migrants from Minsk")
    r"(?:bring|brings|bringing|brought|fly|flies|flew|flown|flying|take|takes|taking|took|"
    r"collect|collects|collecting|fetch|fetches|fetching|pick up|picks up) (?:\w+ ){0,3}?"
    r"(?:detainees|deportees|convicts|criminals|migrants|asylum seekers)",
    r"vuelos? de regreso",
    r"regres\w+ a (?:su pais|sus paises|casa)",
)
SPORTLESS_DEPORT = r"deport(?!(?:e|es)\b|ist|iv)\w*"
"""A deportation word, not sport ("el deporte", "deportistas", "deportivo": "Listo el 'vuelo del
deporte' con 180 deportistas colombianos", classify pool-nfes-0012; twenty-seventh round)."""
MIGRANT_CONTEXT = words(
    SPORTLESS_DEPORT, r"expuls\w*", r"expel\w*", r"remov(?:al|als|ed)", r"migrants?",
    r"migrantes?", r"inmigrantes?", r"immigrants?", r"iom", r"oim",
    r"international organi[sz]ation for migration",
    r"organizacion internacional para las migraciones",
    r"vuelta a la patria", r"asylum seekers?", r"solicitantes de asilo", r"irregular\w*",
    r"indocumentad\w*", r"undocumented", r"inm", r"illegal(?:ly)?", r"ilegal(?:es|mente)?",
)  # fmt: skip
MIGRANT_JOURNEY = words(
    r"ilegal\w*", r"illegal\w*", r"fronteras?", r"borders?", r"detenid[oa]s", r"detained",
    r"detention", r"detencion", r"prisons?", r"carcel\w*", r"jails?",
)  # fmt: skip
"""A group's plight that makes it migrants, not travellers: staying illegally, held, or stuck
at a border ("115 compatriotas ... bloqueados en la frontera entre Chile y Perú")."""
TRANSIT_HOSTS = frozenset({"LY", "NE", "YE"})
"""States migrants are stranded in on their way elsewhere (Libya, Niger, Yemen): people
"stranded" there and flown home are migrants returned (the IOM's returns, with or without
its name), not a state's travellers evacuated."""
GULF_HOSTS = frozenset({"SA", "KW", "AE", "QA", "OM", "BH"})
"""Gulf states whose "repatriations" of migrant workers are removals of people held in
their deportation centres (Ethiopia's airlifts from Saudi Arabia, Sri Lankans from Kuwait):
a state fetching its nationals from them is a removal flight."""
COURT = words(
    r"courts?", r"courtroom", r"tribunal\w*", r"judges?", r"jueza?", r"jueces", r"ruling",
    r"ruled?", r"rules", r"fallo", r"sentencia", r"dictamin\w+", r"supreme", r"supremo",
    r"appeals?", r"apelacion", r"unlawful", r"ilegal", r"injunction", r"lawsuit", r"demanda",
    r"(?:en|ante) (?:las )?cortes",
)  # fmt: skip
STRONG_PAST = words(
    r"(?:has|have|had|were|was)(?: been)? (?:deported|expelled|sent|flown|removed)",
    r"deported \w+ \d", r"deporto", r"deportaron", r"expulso", r"expulsaron",
    r"fueron (?:deportad|expulsad|enviad|trasladad)[oa]s", r"recibio", r"recibieron",
    r"han sido (?:deportad|expulsad|enviad)[oa]s", r"received", r"arrived", r"llegaron",
    r"landed", r"aterrizo", r"arribaron", r"arribo",
)  # fmt: skip
PAST_SPAN = words(
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)",
    r"(?:en|durante) (?:los|las) (?:ultim[oa]s|pasad[oa]s) (?:\w+ )?(?:dias|semanas|meses|anos)",
)  # fmt: skip
"""A span of days or months ("over the past two months more than 300 Haitians have been
returned"): a tally of removals, not one removal."""


# People counted: people.py, flight_report.py (PEOPLE_NOUN also roles.py; CUMULATIVE and
# FLIGHT_COUNT_AFTER people.py and not_a_record.py).
PEOPLES_WITHOUT_STATE = (
    *(r"kurds", r"kurd[oa]s", r"rohingyas?", r"roma", r"romani", r"gitan[oa]s"),
    *(r"tamils", r"tamiles", r"hazaras", r"pashtuns", r"pastunes", r"balochs?", r"baluchis?"),
    *(r"yazidis", r"yazidies", r"tibetans", r"tibetan[oa]s", r"chechens", r"chechen[oa]s"),
    *(r"bidoons?", r"biduns?", r"oromos?", r"tigrayans", r"tigrayan[oa]s", r"sahrawis"),
)  # fmt: skip
"""Peoples without a state of their own, counted as deportees ("15 kurdos", "40 Uyghurs" is
China's: data/demonyms.yaml): people nouns, naming no destination. "Roma" is also Spanish
for Rome: it counts only right after a number (PEOPLE_GAP), never as a place."""
DETAINED_NOUNS = (
    *(r"detainees", r"detenid[oa]s", r"prisoners", r"presos", r"presas", r"reos", r"inmates"),
    *(r"internos", r"internas", r"reclus[oa]s", r"presidiari[oa]s", r"privad[oa]s de libertad"),
    *(r"internees", r"convicts", r"convict[oa]s", r"condenad[oa]s", r"felons", r"suspects"),
    *(r"sospechos[oa]s", r"fugitives", r"fugitiv[oa]s", r"offenders", r"criminals"),
    *(r"criminales", r"delincuentes", r"lawbreakers", r"gang members", r"pandilleros"),
    *(r"mareros", r"overstayers", r"illegals", r"non-?citizens", r"inadmitid[oa]s"),
)  # fmt: skip
"""People held, convicted or found without leave to stay, the groups a removal flight
carries ("74 suspects", "16 reclusos", "28 ... detainees", "711 unlawful non-citizens")."""
RETURNED_NOUNS = (
    *(r"deportees?", r"deportad[oa]s", r"returnees", r"retornad[oa]s", r"repatriad[oa]s"),
    *(r"repatriates", r"expulsad[oa]s", r"devuelt[oa]s", r"expellees", r"passengers"),
    *(r"pasajeros", r"aboard", r"on board", r"a bordo"),
)  # fmt: skip
"""The removed as such, or as a flight's passengers."""
PEOPLE_NOUN = words(
    *(r"migrants?", r"migrantes?", r"inmigrantes?", r"immigrants?", r"personas", r"people"),
    *(r"persons", r"person", r"persona", r"individuals", r"individuos", r"sujetos"),
    *(r"nationals", r"nacionales", r"connacionales", r"compatriotas", r"ciudadan[oa]s"),
    *(r"citizens", r"extranjer[oa]s", r"foreigners", r"aliens", r"illegal aliens"),
    *(r"asylum[ -]seekers", r"solicitantes de asilo", r"refugees", r"refugiad[oa]s"),
    *(r"indocumentad[oa]s", r"undocumented", r"irregulares", r"trabajadores", r"workers"),
    *(r"miembros", r"integrantes", r"members", r"familias", r"families", r"venezuelans?"),
    *(r"hombres", r"mujeres", r"men", r"women", r"children", r"ninos", r"ninas", r"menores"),
    *(r"minors", r"adults", r"adultos", r"youths", r"jovenes", r"teenagers", r"adolescentes"),
    *DETAINED_NOUNS,
    *RETURNED_NOUNS,
    *PEOPLES_WITHOUT_STATE,
)  # fmt: skip
"""A number right before one of these (PEOPLE_GAP) counts people; a state's people names
(data/demonyms.yaml, places.yaml) count too. Never a deportee: the staff of a removal
(NOT_DEPORTEES: escorts, officers, crew, medics, interpreters, observers) nor people the
story names beside it (protesters, journalists, lawyers, victims)."""
_OPEN_QUOTE = "[\"\u201c\u2018\u00ab']?"
PEOPLE_GAP = re.compile(
    r"^(?:\)|\s*\(\d[\d.,]*\))?(?:\s+"
    + _OPEN_QUOTE
    + r"[\w\-]+){0,3}?(?:\s+\(\w{2,6}\))?\s+"
    + _OPEN_QUOTE
    + r"\s*$"
)
"""Between a number and its people noun: up to three words, a quotation mark allowed
("with just seven \"foreign criminals\" on board"), and the bracket of a number in words
restated in digits ("one hundred thirty (130) Cuban nationals"), the bracketed short name
of the words before ("28 illegal maritime arrival (IMA) detainees")."""
CUMULATIVE = words(
    r"since (?:the (?:start|beginning)|(?:early |late )?"
    r"(?:jan|feb|march|april|may|june|july|aug|sep|oct|nov|dec)\w*)",
    r"desde (?:inicios|principios|enero|el inicio|que)",
    r"so far",
    r"en lo que va",
    r"this year",
    r"este ano",
    r"en el ano",
    r"in total this",
    r"acumulad\w+",
    r"suma",
    r"suman",
    r"cumulative",
    r"a year",
    r"al ano",
    r"(?:a|per|each|every) (?:week|month|day)",
    r"(?:por|cada) (?:semana|mes|dia)",
    r"(?:a la|al) (?:semana|mes|dia)",
    r"weekly",
    r"semanales",
    r"mensuales",
    r"(?:in|during|en|durante) (?:19|20)\d\d",
    r"(?:fiscal year|ano fiscal|last year|el ano pasado|the past year|el ultimo ano)",
    r"per year",
    r"por ano",
    r"annually",
    r"every year",
    r"cada ano",
    r"last year",
    r"el ano pasado",
    r"fiscal year",
    r"ano fiscal",
    r"mas de \d[\d.,]* la cantidad",
    r"eleva\w*",
    r"this month",
    r"por mes",
    r"per month",
    r"a month",
    r"al mes",
    r"cada mes",
    r"promedio",
    r"on average",
    r"en solo",
    r"este mes",
    r"in the last",
    r"en las ultimas",
    r"en los ultimos",
    r"over the past",
    r"por ano",
    r"per year",
    r"raising",
    r"bringing(?! (?:back|home)\b)",  # "bringing the total to"; not "a flight bringing back eight"
    r"(?:en|in) (?:menos de|less than) (?:\w+ )?(?:meses|semanas|anos|months|weeks|years)",
    r"(?:primer|segundo) semestre",
    r"(?:first|second) half",
    r"(?:primer|segundo|tercer|cuarto|ultimo) trimestre",
    r"(?:first|second|third|fourth|last) quarter",
)
FLIGHT_COUNT_AFTER = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,2}?(?:vuelos|flights|aviones|planes|aeronaves|charters|"
    r"plane-?loads?|plane loads?|jetliners?|airplanes|airliners?|aircraft|jets|avionetas)\b"
)
"""After a number: it counts flights ("Two planeloads of deported migrants", "dos aviones
con"), not people (the ``flights`` field, not ``people``)."""


# The flight's status: status.py with flight_report.py (RESUMING, BLOCKED_STRONG,
# PLANNED_STRONG) or roles.py (DIVERTED, TURNED_BACK_BEFORE).
RESUMING = words(
    r"reanud\w*",
    r"reactiv\w*",
    r"retom\w*",
    r"resum\w*",
    r"restart\w*",
    r"reautoriz\w*",
    r"reauthoriz\w*",
    r"lift\w* (?:the )?suspension",
    r"backtrack\w*",
    r"revers\w+",
    r"agreed to accept",
    r"marcha atras",
    r"recul\w+",
    r"levanta\w* (?:la )?suspension",
)
BLOCKED_STRONG = words(
    r"suspend\w*", r"suspension", r"halt\w*", r"cancel\w*", r"refus\w*", r"reject\w*",
    r"rechaz\w+", r"bloque\w+", r"blocks?", r"blocked", r"grounded", r"denied", r"deny",
    r"obstaculiz\w+", r"obstruct\w*",
    r"denies", r"nego", r"negaron", r"niega", r"niegan", r"negara",
    r"no (?:aceptara|permitira|recibira|acepta)",
    r"(?:not|won t|will not|would not) (?:accept|allow|receive|land|take)", r"prohib\w+",
    r"barred", r"stopped", r"to stop", r"stops", r"preventing", r"prevents?", r"paus\w+",
    r"frenad[oa]s?", r"frena", r"paraliz\w+", r"turned (?:back|away)", r"turns away",
    r"impid\w+", r"impedi\w+", r"stalled", r"injunction", r"no pudo aterrizar",
    r"could not land", r"desautoriz\w+", r"scrapped", r"called off", r"postpone\w*",
    r"pospuest\w+", r"aplaz\w+", r"no dejo entrar", r"no dejaron", r"interim measure",
    r"frustrad[oa]s?", r"abort\w*", r"reprogramad\w*", r"rescheduled",
    r"no se (?:concreto|concretaron|realizo|realizaron|llevo a cabo)",
    r"(?:no fueron|were not|weren t) (?:embarcad[oa]s|boarded|put on (?:the|a) (?:plane|flight))",
    r"violaria\w*", r"would violate",
    r"prevented", r"blocking", r"deneg\w+", r"freno", r"frenaron", r"restraining order",
    r"no (?:autorizo|permitio|dejo aterrizar)", r"declined to (?:accept|receive|take)",
    # a permission denied in any tense or voice ("no autoriza aterrizaje", "was not
    # authorised to land", "withdrew clearance"): the flight cannot go
    r"no (?:autoriza|autorizan|autorizaron|autorizara|autorizaran|permite|permiten|"
    r"permitieron|permitira|permitiran)",
    r"no (?:ha|han|habia|habian|fue|fueron) (?:autorizad[oa]s?|permitid[oa]s?)",
    r"(?:not|never) (?:been )?(?:authori[sz]ed|permitted|allowed|cleared) to "
    r"(?:land|take off|depart|fly|leave)",
    r"(?:not|never) (?:given|granted) (?:landing )?(?:permission|clearance)",
    r"(?:refused|denied|withdrew|withdrawn|revoked|pulled) (?:\w+ ){0,2}?(?:permission|clearance)",
    r"(?:no|nunca) (?:despego|despegaron|salio|salieron|partio|aterrizo|llego)",
    r"no (?:pudo|pudieron|podra|podran) (?:despegar|salir|partir|aterrizar)",
    r"detener (?:el |los |la |las )?(?:vuelos?|deportacion\w*|expulsion\w*)",
    r"(?:ordered|orders) (?:\w+ ){0,3}?(?:to )?(?:stop|halt|turn (?:back|around))",
    r"(?:did not|didn t|never|failed to) (?:take off|took off|leave|left|depart|land)",
    r"never (?:landed|arrived|took off|departed|flew)",
    r"(?:has|have|had) not (?:landed|arrived|left|departed|taken off)",
    r"(?:in|en el) limbo", r"on hold", r"en pausa",
    # flights that ceased or were stopped ("han cesado por deseo de Marruecos", "ha parado
    # los vuelos", "flights have ceased")
    r"ces(?:o|aron|ado|ados|adas|an|aran)", r"ceased", r"ceases",
    r"(?:ha|han|habia|habian) parado",
    r"(?:will|would|did|does|to) not go ahead", r"won t go ahead", r"not (?:go|gone|going) ahead",
    r"(?:will )?no longer (?:take off|go ahead|fly|depart|leave|land)",
    r"(?:did not|didn t) go (?:as|according to) plan(?:ned)?",
    r"enfrenta\w* (?:un |unos )?obstaculos?", r"faces? (?:legal |court )?(?:hurdles?|obstacles?)",
    r"(?:regreso|regresaron|regresad[oa]s|devolvieron|devuelt[oa]s|returned|taken back|"
    r"sent back|brought back) (?:\w+ ){0,2}?(?:a|al|to) (?:un |the |a )?(?:centro de detencion|"
    r"detention)",
    # a flight or convoy that turned round on its way ("dio media vuelta", "rerouted back",
    # "returned ... with all on board"): the removal did not happen
    r"desviad[oa]s?", r"diverted", r"turned around", r"dio (?:la |media )?vuelta",
    r"dieron (?:la |media )?vuelta",
    r"rerouted", r"return\w* (?:\w+ ){0,3}?with all (?:\d+ )?(?:on board|aboard)",
    r"returned (?:\w+ ){0,4}?back to",
    r"(?:bajad[oa]s|desembarcad[oa]s|retirad[oa]s) de (?:los |las |el |la )?aviones",
    r"(?:bajad[oa]s|desembarcad[oa]s|retirad[oa]s) de(?:l| la)? (?:avion|aeronave)",
    r"(?:taken|removed|pulled) (?:off|from) the (?:plane|flight|aircraft)",
)  # fmt: skip
PLANNED_STRONG = words(
    r"will", r"to resume", r"set to", r"expected", r"se espera", r"scheduled", r"plans? to",
    r"planned", r"planea\w*", r"prev[eé]n?", r"programad[oa]s?", r"esta previsto",
    r"tiene previsto", r"llegara\w*", r"aterrizara\w*", r"saldra\w*", r"partira\w*",
    r"seran", r"sera", r"reanudara\w*", r"retomara\w*", r"comenzara\w*", r"iniciara\w*",
    r"a partir del?", r"next week", r"la proxima semana", r"la semana que viene",
    r"due to (?:depart|arrive|land|leave)", r"agreed to (?:accept|receive|take)",
    r"agrees to (?:accept|receive|take)", r"acepta recibir", r"acepto recibir",
    r"acepto colaborar", r"pone a disposicion", r"puesto a disposicion", r"offered",
    r"offers", r"ofrece\w*", r"traeran", r"will be", r"to be deported", r"podria\w*",
    r"could", r"would", r"upcoming", r"inminente", r"reautoriza\w*", r"reauthoriz\w*",
    r"to begin", r"to start", r"asumira",
    r"(?<!used )(?<!order )to (?:land|arrive|reach|depart|leave|be deported|deport|expel|send)",
    r"(?:esta|estan) por partir", r"list[oa]s? para (?:partir|despegar|salir)",
    r"(?:is|are) (?:ready|about) to", r"due to take off",
    r"on (?:its|their) way to (?:collect|pick)",
    r"en camino", r"rumbo a recoger", r"buscara", r"recogera", r"anuncia\w*", r"announce\w*",
    r"deportara\w*", r"expulsara\w*", r"repatriara\w*", r"enviara\w*", r"retornara\w*",
    r"arribara\w*", r"regresara\w*", r"volvera\w*", r"despegara\w*", r"realizara\w*",
    r"llevara a cabo", r"due to (?:be|fly|take off)", r"(?:is|are) to be (?:deported|flown|sent)",
    r"trasladara\w*", r"recibira\w*", r"llegaria\w*", r"aterrizaria\w*", r"saldria\w*",
    r"partiria\w*", r"deportaria\w*", r"intends? to", r"(?:is|are) preparing to",
    r"prepares? to", r"se prepara\w* para", r"pretende\w*", r"tiene planead[oa]",
    r"in the coming (?:days|weeks)", r"en los proximos dias", r"en las proximas semanas",
    r"planning(?: to)?",
    r"next month", r"el proximo mes", r"alista\w*", r"prepara\w*", r"prepares?",
    r"preparing", r"weighs", r"considers", r"considering", r"evalua\w*",
    r"tomorrow", r"(?<!la )(?<!esta )(?<!una )(?<!de )(?<!por )manana", r"autoriza\w*",
    r"authoriz\w*", r"aprueba\w*", r"approves?",
    r"next (?:deportation |removal |repatriation |charter )?flights?",
    r"(?:el )?proximo vuelo", r"(?:is|are) likely to",
)  # fmt: skip
DIVERTED = re.compile(r"desviad[oa]s?|diverted")
"""A diverted flight is blocked only when the text does not say it landed."""
TURNED_BACK_BEFORE = re.compile(
    r"\b(?:rerouted|diverted|turned) back to\s+(?:the\s+)?$"
    r"|\b(?:flights?|planes?|aircraft|jets?|charters?|vuelos?|aviones?|avion|aeronaves?)\b"
    r"[^.;]{0,80}?(?<!were )(?<!was )(?<!been )(?<!fueron )(?<!fue )"
    r"\b(?:return(?:ed|ing|s)?|regres(?:o|aron|ar)|volvi(?:o|eron)|volver)\s+(?:to|a|al)\s+"
    r"(?:the\s+|el\s+)?$"
)
"""Before a place, the flight or the people's trip going back to it ("were rerouted back to
America", ashfall fl-33427; "A DEPORTATION flight carrying 26 failed asylum seekers was
forced to return to Dublin", tallow fl-38533): where it came from, the deporting state, not
the destination. Not the people sent home ("were returned to Tirana": a passive verb)."""


# Origin and destination: roles.py with places.py, flight_report.py (ROUTE_FROM_BEFORE,
# ROUTE_TO_BETWEEN) or not_a_record.py (ARRIVAL).
REGION = (
    r"(?:\s+(?:(?:north|south)(?:east|west)?ern|eastern|western|central|interior\s+of|"
    r"(?:el\s+)?interior\s+del?|"
    r"(?:el\s+)?(?:norte|sur|este|oeste|centro|noreste|noroeste|sureste|suroeste)\s+del?))?"
)
"""A region before the name ("from southern Libya", "to northern Iraq", "desde el sur de
Libia"): the cue still names the country's role."""
ARRIVAL = words(
    r"landed", r"lands", r"arrived", r"arrives?", r"touched down", r"aterriz\w+", r"lleg\w+",
    r"arrib\w+", r"recibid[oa]s",
)  # fmt: skip
ORIGIN_BEFORE_STRONG = re.compile(
    "(?:"
    + alternation(
        r"\bfrom", r"out of", r"\bdesde", r"procedentes? de", r"provenientes? de", r"deported by",
        r"removed by", r"expelled by", r"deportad[oa]s (?:de|por|desde|por parte de)",
        r"por parte de", r"expulsad[oa]s (?:de|por|desde)", r"repatriad[oa]s (?:de|por|desde)",
        r"expulso de", r"expulsaron de", r"deporto de", r"deportaron de", r"expulsar de",
        r"deportar de", r"retornad[oa]s (?:de|por|desde)", r"devuelt[oa]s (?:de|por|desde)",
        r"enviad[oa]s (?:de|por|desde)", r"trasladad[oa]s (?:de|por|desde)", r"sent by",
        r"flown from", r"que salio de", r"salio de", r"salir de", r"saldra de", r"salieron de",
        r"despego de", r"partio de", r"departed from", r"left from", r"took off from",
        r"\bleaves?", r"\bleft", r"\bleaving", r"departs", r"departed", r"recibi\w* de",
        r"received from", r"sale de", r"llegad[oa]s a",
        # a sentence that opens on the flight leaving ("Parte de Ecuador nuevo vuelo", forenoon)
        r"(?:^|[.!?:]\s)parten? (?:hoy |este \w+ )?(?:de|desde)",
    )
    + ")"
    r"(?:\s+(?:the|el|la|los|las))?"
    # the airport the flight left ("desde el aeropuerto de Madrid-Barajas")
    r"(?:\s+aeropuerto(?:\s+internacional)?(?:\s+de)?)?" + REGION + r"\s*$"
)  # fmt: skip
SENDER_VERB_AFTER = re.compile(
    # "to Italy and the UK aboard a charter plane" (afternoon fl-12015): a noun after
    # "aboard", not a verb of the place
    r"^\W*(?:(?!aboard\b)\w+\W+){0,2}?(?:deports?|deported|deporta|deporto|deportara|expels?|expelled|"
    r"expulsa|expulso|expulsara|sends?|sent|envia|envio|removes?|removed|"
    r"flies|flew|returns|returned|devuelve|devolvio|"
    r"resumes? deport\w*|reanuda\w* (?:las )?deport\w*|retoma\w* (?:las )?deport\w*|"
    r"launch\w*|begins|began|starts|started|inicia|"
    r"inicio|comenzo|comienza|resumes|resumed|reanuda|reanudo|retoma|restarts|restarted|"
    r"conducts?|conducted|realiza|realizo|organiza|charters|chartering|operates|transfers|transferred|"
    r"traslada|traslado|retomara|reanudara|(?:is|are|was|were) resuming|prepara|prepares|"
    r"ha fletado|fleta|fleto|chartered|ejecuta|ejecuto|ejecutaron|executed|executes|"
    r"carried out|carries out|lleva a cabo|llevo a cabo|concreta|concreto|concretaron|"
    # "Ecuador autorizó tres nuevos vuelos de Venezuela" (sunrise fl-9728): where they leave
    r"autoriz(?:o|a|aron) (?:el |los |un |\w+ )?(?:\w+ )?vuelos? de repatriacion|"
    r"autoriz(?:o|a|aron) (?:\w+ ){0,2}vuelos? (?:de|del) (?!deportacion))\b"
)
NOT_A_ROLE_BEFORE = re.compile(
    "(?:"
    + alternation(
        r"financiad\w*|financed|funded|paid|pagad\w*|recursos|apoyo\w*|support\w*|"
        r"acuerdo\w*|agreement|colaboracion|ayuda|assistance|help|cooperation|cooperacion|"
        r"asistencia|coordination|coordinacion"
    )
    + r")\s+(?:\w+\s+){0,2}?(?:por|de|by|with|con|from)"
    r"\s*(?:the\s+|el\s+|la\s+)?$"
)
PLACE_IN_BEFORE = re.compile(r"(?:\bin|\ben|\bat)\s+(?:the\s+|el\s+|la\s+)?$")
"""Before a place of another state than the destination ("at Valley International Airport in
Harlingen, Texas"): where the flight was, with nothing else naming the origin."""
ROUTE_FROM_BEFORE = re.compile(r"(?:\bde|\bdel|\bdesde|\bfrom)\s+(?:the\s+|el\s+|la\s+|los\s+)?$")
ROUTE_TO_BETWEEN = re.compile(
    r"^\W*(?:a|al|to|hacia|into|rumbo a|con destino a|bound for)\s+(?:the\s+|el\s+|la\s+)?$"
)
