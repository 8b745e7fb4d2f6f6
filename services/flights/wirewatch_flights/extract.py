"""Flight facts from one item's title and summary (English and Spanish). Pure.

``extract(title, summary, published)`` returns a :class:`Flight` when the item
reports a specific flight or flight programme between two countries, else None.
See docs/flights.md for the field definitions and the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from wirewatch_flights import cues
from wirewatch_flights.dates import date_mentions
from wirewatch_flights.lexicon import Mention, load_lexicon, settle
from wirewatch_flights.model import Clue, Flight, Source, Span, Status
from wirewatch_flights.numbers import Number, numbers, trailing_zeros
from wirewatch_flights.roles import (
    Roles,
    on_the_migrants_route,
    score_between_pair,
    score_mention,
    score_people_places,
    score_route_pairs,
)
from wirewatch_flights.status_model import arbitrate
from wirewatch_flights.status_model import shipped_model as shipped_status_model
from wirewatch_flights.text import fold


@dataclass(frozen=True, slots=True)
class Part:
    source: Source
    text: str
    folded: str
    mentions: tuple[Mention, ...]
    numbers: tuple[Number, ...]


_SPANISH = re.compile(r"\b(?:de|del|la|las|los|el|que|con|por|para|se|y|en)\b")
_ENGLISH = re.compile(r"\b(?:the|of|and|to|in|from|with|was|were|is|on|for)\b")


def _spanish(title: str, summary: str) -> bool:
    folded = fold(f"{title} {summary}")
    return len(_SPANISH.findall(folded)) > len(_ENGLISH.findall(folded))


def _parts(title: str, summary: str) -> list[Part]:
    lexicon = load_lexicon()
    # Mexican Spanish writes the United States "EU"; in English it is the European Union
    keep_eu = "EU" not in f"{title} {summary}" or _spanish(title, summary)
    pairs = (("title", title), ("summary", summary))
    given = [(source, text, fold(text)) for source, text in pairs if text]
    found = [
        [m for m in lexicon.mentions(text, folded) if keep_eu or text[m.start : m.end] != "EU"]
        for _, text, folded in given
    ]
    found = settle([text for _, text, _ in given], found)
    found = [
        [m for m in mentions if not _treaty_name(folded, m)]
        for (_, _, folded), mentions in zip(given, found, strict=True)
    ]
    return [
        Part(source, text, folded, tuple(mentions), tuple(numbers(text)))  # type: ignore[arg-type]
        for (source, text, folded), mentions in zip(given, found, strict=True)
    ]


def _treaty_name(folded: str, m: Mention) -> bool:
    """A city named for a law or treaty ("the Dublin regulation", "el Reglamento de Dublín"):
    no place of the flight."""
    return m.entry.kind == "place" and bool(
        cues.TREATY_AFTER.match(folded, m.end)
        or cues.TREATY_BEFORE.search(folded[max(0, m.start - 30) : m.start])
    )


def _first(parts: list[Part], pattern: object) -> Span | None:
    for part in parts:
        m = pattern.search(part.folded)  # type: ignore[attr-defined]
        if m:
            return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
    return None


_AGENTS = frozenset({"country", "operator", "signal", "state_adj"})


def _agent_past(parts: list[Part]) -> Span | None:
    """A state or agency followed by a past removal verb ("Immigration and Customs
    Enforcement deported ..."): the simple past as a finite verb, not a participle."""
    for part in parts:
        for m in part.mentions:
            if m.entry.kind not in _AGENTS:
                continue
            verb = cues.AGENT_PAST_AFTER.match(part.folded, m.end, m.end + 30)
            if verb:
                return Span(part.source, m.start, verb.end(), part.text[m.start : verb.end()])
    return None


_COMMA = re.compile(r"^\s*,\s*$")


def _named_units(part: Part) -> list[tuple[str, int, int]]:
    """Named states and places as (code, start, end), a place and its state written after
    a comma ("Tapachula, México", "El Paso, Texas") taken as one name."""
    units: list[tuple[str, int, int]] = []
    for m in part.mentions:
        if m.entry.kind not in ("country", "place"):
            continue
        last = units[-1] if units else None
        if last and last[0] == m.entry.key and _COMMA.match(part.folded[last[2] : m.start]):
            units[-1] = (last[0], last[1], m.end)
        else:
            units.append((m.entry.key, m.start, m.end))
    return units


def _route(parts: list[Part]) -> bool:
    """ "from X to Y" / "de X a Y" between two named states or places."""
    for part in parts:
        for a, b in pairwise(_named_units(part)):
            if (
                a[0] != b[0]
                and cues.ROUTE_FROM_BEFORE.search(part.folded[max(0, a[1] - 12) : a[1]])
                and cues.ROUTE_TO_BETWEEN.match(part.folded[a[2] : b[1]])
            ):
                return True
    return False


def _removal_without_flight_word(parts: list[Part]) -> Span | None:
    """No flight word: a specific removal ("Germany deports 28 Afghans"), or flights
    between two countries resuming, still counts; a court ruling or a policy does not,
    unless people were actually removed."""
    if _tally_or_no_removal(parts):
        return None
    resuming = _resuming(parts)
    strong = _first(parts, cues.STRONG_PAST) or _agent_past(parts)
    # A court stopping a removal to a named country is a blocked flight record.
    stopped = _first(parts, cues.BLOCKED_STRONG) if _first(parts, cues.COURT) else None
    specific = (
        _first(parts, cues.SPECIFIC) or strong or resuming or stopped or _returning_demonyms(parts)
    )
    if specific is None:
        return None
    people = _people(parts) is not None or _uncounted_group_moved(parts)
    if resuming is None and not (people or stopped or _route(parts) or (strong and _dated(parts))):
        return None
    if _first(parts, cues.POLICY) and not (strong or people):
        return None
    return specific


def _uncounted_group_moved(parts: list[Part]) -> bool:
    """A group named without a number ("Deports Dozens of Uyghurs", "el primer grupo de
    dominicanos") in an item with no plan in it: a particular group moved, as a head count
    would say; a group still to come ("set to receive its first batch") is no flight yet."""
    return _first(parts, cues.UNCOUNTED_GROUP) is not None and not _first(
        parts, cues.PLANNED_STRONG
    )


def _resuming(parts: list[Part]) -> Span | None:
    """Flights resuming; not a state agreeing to accept a number of people ("Rwanda's
    government has agreed to accept 250 illegal migrants"): that is a deal for people to
    come, not flights taken up again."""
    for part in parts:
        for m in cues.RESUMING.finditer(part.folded):
            if m.group(0) == "agreed to accept" and any(
                0 < n.start - m.end() <= 12 for n in part.numbers
            ):
                continue
            return _span(part, m)
    return None


def _tally_or_no_removal(parts: list[Part]) -> bool:
    """With no flight word: returns over land or sea, a tally over a span of time or of
    several states, or a state's citizens brought home; none of them is one flight."""
    return bool(
        _first(parts, cues.LAND_OR_SEA)
        or _tally_over_a_span(parts)
        or _first(parts, cues.STATES_TALLY)
        or _citizens_home(parts)
    )


def _dated(parts: list[Part]) -> bool:
    return any(date_mentions(p.text, date.today()) for p in parts)


def _tally_over_a_span(parts: list[Part]) -> bool:
    """A span of time in the headline or the lede's first sentence ("Over the past two
    months more than 300 Haitians have been returned"): with no flight word, a tally."""
    for part in parts:
        first = part.folded if part.source == "title" else part.folded.split(". ", 1)[0]
        if cues.PAST_SPAN.search(first):
            return True
        period = cues.TALLY_PERIOD.search(first)
        if period and not cues.RUNNING_ON_BEFORE.search(first, 0, period.start()):
            return True  # "Panamá ha expulsado a 87 cubanos en lo que va de año"
        if cues.STATISTICS.search(first):
            return True  # "new statistics reveal that nearly 4,600 Sudanese ... were sent back"
        if any(
            n.value >= 1000 and cues.SINCE_AFTER.search(first, n.end, n.end + 90)
            for n in part.numbers
            if n.start < len(first)
        ):
            return True  # "Over 1,000 Albanian nationals have been returned since the ..."
    return False


def _citizens_home(parts: list[Part]) -> bool:
    """With no flight word, citizens or nationals brought home with no word of removal,
    migration, detention or a border ("Nearly 350 Vietnamese citizens in Russia were brought
    home", "240 Vietnamese citizens repatriated from the Philippines"): a state's own
    people flown home, not a removal."""
    return (
        _first(parts, cues.CITIZENS) is not None
        and _first(parts, cues.MIGRANT_CONTEXT) is None
        and _first(parts, cues.MIGRANT_JOURNEY) is None
    )


def _state_fetches_its_citizens(parts: list[Part]) -> bool:
    """A state flying its own citizens or nationals home, with no word of removal,
    migration, detention or a border: the headline opens on the state fetching them
    ("Mongolia repatriates over 260 nationals from S. Korea", "España repatria a 180
    españoles desde Casablanca"), or the citizens were brought home from a state named
    ("340 Vietnamese citizens were repatriated from Japan on a flight"). Not from a Gulf
    state, whose "repatriations" of workers are removals."""
    if not _citizens_home(parts):
        return False
    if any(m.entry.key in cues.GULF_HOSTS for p in parts for m in p.mentions):
        return False
    if _first(parts, cues.CITIZENS_BROUGHT_HOME):
        return True
    title = next((p for p in parts if p.source == "title"), None)
    if title is None or not title.mentions:
        return False
    opening = title.mentions[0]
    return (
        opening.entry.kind == "country"
        and not title.folded[: opening.start].strip()
        and cues.BRINGS_HOME_AFTER.match(title.folded[opening.end : opening.end + 30]) is not None
    )


def _own_citizens_or_things(parts: list[Part]) -> bool:
    """An evacuation of a country's own citizens, the repatriation of remains or funds,
    travellers refused entry (inadmissions), or an extradition: unless deportation,
    expulsion or migrants are named; or a
    headline explaining how removals work in general."""
    if _explainer_or_not_a_removal(parts):
        return True
    if _first(parts, cues.EXTRADITION):
        return _first(parts, cues.MIGRANT_CONTEXT) is None
    if _first(parts, cues.REMAINS_FUNDS) or _first(parts, cues.INADMISSION):
        return _first(parts, cues.REMOVAL) is None
    if _first(parts, cues.EVACUATION):
        return _evacuation_of_own(parts)
    if _first(parts, cues.NOT_MIGRANTS):
        return _first(parts, cues.MIGRANT_CONTEXT) is None
    if _first(parts, cues.CRISIS):
        if _stranded_in_transit(parts):
            return False  # "Libya returnees ... the war-torn North African country"
        return _first(parts, cues.MIGRANT_CONTEXT) is None
    return False


def _explainer_or_not_a_removal(parts: list[Part]) -> bool:
    """A headline explaining removals or giving a percentage, or a cue of no removal at all
    (a team, a domestic flight to the border and then land)."""
    title = next((p for p in parts if p.source == "title"), None)
    if title is not None and any(
        c.search(title.folded)
        for c in (
            cues.EXPLAINER_TITLE,
            cues.GUIDE_TITLE,
            cues.FLIGHTS_QUESTION_TITLE,
            cues.PERCENT_TITLE,
            cues.COMMENTARY_TITLE,
        )
    ):
        return True
    return bool(_first(parts, cues.NOT_A_REMOVAL) or _first(parts, cues.LAND_HANDOVER))


def _stranded_in_transit(parts: list[Part]) -> bool:
    """A transit or Gulf state named and no one evacuated: a return stays a return."""
    return _names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS) and not _first(
        parts, cues.EVACUATED
    )


def _evacuation_of_own(parts: list[Part]) -> bool:
    """With an evacuation cue: the people are the state's own, not removed migrants."""
    stranded = _first(parts, cues.STRANDED)
    if stranded and _first(parts, cues.PANDEMIC):
        if not (_first(parts, cues.REMOVAL) or _first(parts, cues.IOM_RETURN)):
            return True  # "migrant workers who were stranded ... due to the pandemic"
    elif stranded and _stranded_in_transit(parts):
        # "162 stranded Nigerians in Libya arrive Lagos Airport"; a Gulf state's
        # "repatriations" of workers trapped there are removals (_state_fetches_its_citizens)
        return False
    return _first(parts, cues.MIGRANT_CONTEXT) is None


def _names_a_state(parts: list[Part], codes: frozenset[str]) -> bool:
    return any(m.entry.key in codes for p in parts for m in p.mentions)


def _flown_demonyms(parts: list[Part]) -> Span | None:
    """A head count of a deported people's demonym on a flight named in the headline
    ("Second flight with 190 Venezuelans lands in Caracas"): a return flight even when
    no deportation word is used."""
    title = next((p for p in parts if p.source == "title"), None)
    if title is None or not cues.FLIGHT.search(title.folded):
        return None
    # plural nouns ("Venezuelans", "venezolanos") or a people noun after the demonym
    # ("Venezuelan migrants"), not an adjective ("Venezuelan fans")
    demonyms = [
        m
        for m in title.mentions
        if m.entry.kind == "people"
        and (
            title.folded[m.end - 1] == "s"
            or cues.PEOPLE_NOUN.match(title.folded[m.end : m.end + 20].lstrip())
        )
    ]
    for number in title.numbers:
        for m in demonyms:
            gap = title.folded[number.end : m.start]
            if 0 < len(gap) <= 30 and cues.PEOPLE_GAP.match(gap + " "):
                return Span("title", number.start, m.end, title.text[number.start : m.end])
    return None


def _returning_demonyms(parts: list[Part]) -> Span | None:
    """A headline's head count of a people that returns from (or leaves) another named
    state ("114 Bangladeshis return from Libya detention centre", "127 South Sudanese
    migrants leave Israel", "Regresaron al país 115 venezolanos ... entre Chile y Perú"):
    a group removal even with no deportation word."""
    title = next((p for p in parts if p.source == "title"), None)
    if title is None or not cues.RETURNING.search(title.folded):
        return None
    people = [m for m in title.mentions if m.entry.kind == "people"]
    for number in title.numbers:
        if number.value < 5:
            continue
        for m in people:
            gap = title.folded[number.end : m.start]
            if not (0 < len(gap) <= 30 and cues.PEOPLE_GAP.match(gap + " ")):
                continue
            others = [
                o
                for o in title.mentions
                if o.entry.kind in ("country", "place") and o.entry.key != m.entry.key
            ]
            if others:
                return Span("title", number.start, m.end, title.text[number.start : m.end])
    return None


def _group_return(parts: list[Part]) -> Span | None:
    """A headline's group return ("114 Bangladeshis return from Libya detention centre") when
    the item names migrants, a removal or the people's plight (held, illegal, at a border), or
    a state migrants are returned from (Libya, Niger, Yemen; the Gulf states' deportation
    centres): with none of them, a people coming home from a state ("172 Mongolians return
    from South Korea") are travellers, not deportees."""
    span = _returning_demonyms(parts)
    if span is None or _names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS):
        return span
    if _first(parts, cues.MIGRANT_CONTEXT) or _first(parts, cues.MIGRANT_JOURNEY):
        return span
    return None


def _statistics(parts: list[Part]) -> bool:
    """A count of five or more flights over a period in the headline or the lede's first
    sentence ("Mauritania ha recibido siete vuelos de deportación desde enero", "19 vuelos
    ... durante el primer semestre"): a tally, not a report of one flight; so is a headline
    on what was spent on removal flights, or what every flight does ("cada avión ... que
    aterriza")."""
    for part in parts:
        first = part.folded if part.source == "title" else part.folded.split(". ", 1)[0]
        if part.source == "title" and cues.SPENDING_TITLE.search(first):
            return True  # "Home Office spent £600,000 on deportation flights that ..."
        if part.source == "title" and (
            (cues.SCHEDULE.search(first) and not _first(parts, cues.NEXT_FLIGHT_DAY))
            or cues.TREND_TITLE.search(first)
            or _counted_over(part)
            or _removals_counted(part)
        ):
            return True  # "... continúa cada martes", "Aumentan vuelos de deportación"
        if cues.GENERIC_REMOVAL.search(first):
            return True  # "los bolivianos que sean deportados ... serán trasladados"
        if cues.PERCENT_FLIGHTS.search(first) or cues.HABITUAL.search(part.folded):
            return True  # "cada avión ... que aterriza trae de 75 a 130"
        if not (cues.PERIOD.search(first) or cues.PAST_SPAN.search(first)):
            continue  # "más de 300 vuelos ... en los últimos cinco años" is a span too
        for number in part.numbers:
            if number.start >= len(first) or number.value < 5:
                continue
            if cues.FLIGHT_COUNT_AFTER.match(part.folded[number.end : number.end + 40]):
                return True
    return _lede_tally(parts)


def _removals_counted(title: Part) -> bool:
    """A headline counting ten or more removals ("German pilots stopped 222 deportations")."""
    return any(
        n.value >= 10
        and cues.REMOVALS_COUNTED_AFTER.match(title.folded[n.end : n.end + 40]) is not None
        for n in title.numbers
    )


def _counted_over(title: Part) -> bool:
    """A headline that counts a thousand or more people over a period ("la llegada de más de
    4,000 dominicanos repatriados desde EE.UU. en 2025"): a tally, not one flight."""
    return any(
        (
            n.value >= 1000
            and (
                cues.PERIOD.search(title.folded, n.end, n.end + 80) is not None
                or cues.SPAN_OF_TIME.search(title.folded, n.end, n.end + 80) is not None
                or cues.UNTIL_A_DAY.search(title.folded, n.end, n.end + 80) is not None
                or cues.MONTH_NAMED.search(title.folded, n.end, n.end + 80) is not None
            )
        )
        or (n.value >= 10 and cues.MONTH_SPAN.search(title.folded, n.end, n.end + 80) is not None)
        for n in title.numbers
    )


_SENTENCE = re.compile(r"[^.]+(?:\.\s+|\.?$)")


def _lede_tally(parts: list[Part]) -> bool:
    """No flight word in the headline, a lede that opens on a period ("En 2023, un total de
    18 449 ecuatorianos fue deportado"), and every flight word of the lede in a sentence that
    counts five or more flights over a period ("En 2023 se registraron 150 vuelos, en 2024
    fueron 118") or speaks of the number of flights: yearly tallies told after a headline on
    something else (evening fl-13013), not a flight."""
    title = next((p for p in parts if p.source == "title"), None)
    lede = next((p for p in parts if p.source == "summary"), None)
    if title is None or lede is None or cues.FLIGHT.search(title.folded):
        return False
    if not cues.PERIOD.search(lede.folded.split(". ", 1)[0]):
        return False  # the lede opens on one removal ("26 ciudadanos ... fueron deportados")
    tallied = False
    for sentence in _SENTENCE.finditer(lede.folded):
        text, start = sentence.group(0), sentence.start()
        flights = list(cues.FLIGHT.finditer(text))
        if not flights:
            continue
        if cues.PERIOD.search(text) and any(
            start <= n.start < sentence.end()
            and n.value >= 5
            and cues.FLIGHT_COUNT_AFTER.match(lede.folded[n.end : n.end + 40])
            for n in lede.numbers
        ):
            tallied = True
            continue
        if not all(
            cues.NUMBER_OF_BEFORE.search(text[max(0, m.start() - 25) : m.start()]) for m in flights
        ):
            return False
    return tallied


def _proposal(parts: list[Part]) -> bool:
    """A headline on a proposal or a contingency plan for removal flights with nothing told
    as done ("México propone diversificar los vuelos de repatriación"): a policy item."""
    title = [p for p in parts if p.source == "title"]
    return _first(title, cues.PROPOSAL) is not None and not (
        _first(parts, cues.STRONG_PAST) or _agent_past(parts)
    )


def _listed_force(part: Part, start: int, end: int) -> bool:
    """An air force named among the army, the navy or the police (the forces of a raid),
    not as the carrier of a flight."""
    force = cues.AIR_FORCE.search(part.folded, max(0, start - 8), end + 12)
    if force is None:
        return False
    return cues.OTHER_FORCES.search(part.folded, max(0, start - 80), end + 80) is not None


def _flight_word(parts: list[Part]) -> Span | None:
    """The first flight word that is not denied ("no plans for such flights")."""
    for part in parts:
        for m in cues.FLIGHT.finditer(part.folded):
            start = max(0, m.start() - 30)
            if not (
                cues.NO_FLIGHT_BEFORE.search(part.folded, start, m.start())
                or cues.AIRLINE_CUT_BEFORE.search(part.folded, start, m.start())
                or cues.FLIGHTS_LACKING_BEFORE.search(part.folded, start, m.start())
                or cues.OWN_ARRIVAL_BEFORE.search(part.folded, start, m.start())
                or _listed_force(part, m.start(), m.end())
                or _spanish_plans(part.folded, m)
            ):
                return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
    return None


def _spanish_plans(folded: str, m: re.Match[str]) -> bool:
    """'planes' read as Spanish plans ("sus planes de deportaciones masivas")."""
    if m.group(0) != "planes":
        return False
    before = folded[max(0, m.start() - 20) : m.end()]
    after = folded[m.start() : m.end() + 20]
    return bool(cues.SPANISH_PLANS.search(before) or cues.SPANISH_PLANS.search(after))


def _carrier(parts: list[Part]) -> Span | None:
    """An airline or air force named ("los viajes de Conviasa"): a flight."""
    for part in parts:
        for m in part.mentions:
            if (
                m.entry.kind == "operator"
                and not m.entry.agency
                and not _listed_force(part, m.start, m.end)
            ):
                return Span(part.source, m.start, m.end, part.text[m.start : m.end])
    return None


def _airport_alone(parts: list[Part], flight: Span) -> bool:
    """An airport is the only flight word and no head count is given: people deported one
    by one from an airport ("deportó a Any Lucía López a Honduras desde un aeropuerto",
    predawn; "Several Tajik migrants were held at Moscow's Vnukovo airport ... deported",
    midday), not a removal flight; deportees who arrive there are."""
    if not cues.AIRPORT_WORD.fullmatch(flight.phrase.lower()):
        return False
    others = (
        m
        for part in parts
        for m in cues.FLIGHT.finditer(part.folded)
        if not cues.AIRPORT_WORD.fullmatch(m.group(0))
    )
    if next(others, None) is not None or _first(parts, cues.ARRIVAL):
        return False  # deportees who arrive at an airport came by air (dawn fl-9045)
    return _people(parts) is None


def _by_sea_first(parts: list[Part], flight: Span) -> bool:
    """No flight word in the headline and a ship or boat named before the lede's first one:
    a removal by sea, with an earlier flight told as background."""
    if flight.source == "title":
        return False
    folded = next(p for p in parts if p.source == "summary").folded
    return any(
        not cues.CAME_BY_BEFORE.search(folded, max(0, m.start() - 80), m.start())
        for m in cues.BY_SEA.finditer(folded, 0, flight.start)
    )


def _deport_cue(parts: list[Part]) -> Span | None:
    """The first deportation or return cue that is not a return only made possible ("la
    posibilidad de retorno para migrantes")."""
    for part in parts:
        maybe = [m.span() for m in cues.HYPOTHETICAL_RETURN.finditer(part.folded)]
        for m in cues.DEPORT.finditer(part.folded):
            if not any(a < m.end() and m.start() < b for a, b in maybe):
                return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
    return None


def is_flight_report(parts: list[Part]) -> tuple[Span, Span, bool] | None:
    """The flight and deportation cues when the item is about deporting people by air, and
    whether a flight word or a carrier was named (else a specific removal stood for one)."""
    deport = _deport_cue(parts) or _flown_demonyms(parts) or _group_return(parts)
    if deport is None or _own_citizens_or_things(parts) or _statistics(parts):
        return None
    if _state_fetches_its_citizens(parts) or _stranded_travellers(parts):
        return None
    if _proposal(parts) or _migrants_own_way(parts):
        return None
    flight = _flight_word(parts) or _carrier(parts)
    if flight is None and _no_removal_at_issue(parts):
        return None
    if flight is not None and (
        _airport_alone(parts, flight) or _by_sea_first(parts, flight) or _evacuation_flights(parts)
    ):
        return None
    if flight is not None:
        return flight, deport, True
    removal = _removal_without_flight_word(parts)
    return None if removal is None else (removal, deport, False)


def _opening(parts: list[Part]) -> list[str]:
    """The headline and the lede's first sentence, folded."""
    return [p.folded if p.source == "title" else p.folded.split(". ", 1)[0] for p in parts]


def _no_removal_at_issue(parts: list[Part]) -> bool:
    """With no flight word (twenty-ninth round): a court item weighing a detention, a lawsuit,
    due process or a legal status; people moved into a centre or depot; or a state ready to
    take its people back; mass removals planned, or millions of people. None of them is a removal
    flight."""
    opening = _opening(parts)
    if _first(parts, cues.COURT) and any(cues.COURT_OTHER_ISSUE.search(o) for o in opening):
        return True
    return any(
        cues.INTO_CUSTODY.search(o)
        or cues.READY_TO_TAKE_BACK.search(o)
        or cues.MASS_PLANNED_OR_MILLIONS.search(o)
        for o in opening
    )


def _migrants_own_way(parts: list[Part]) -> bool:
    """Migrants flown on their own way ("Los vuelos a Nicaragua con migrantes cubanos ...
    facilitaba la emigración irregular"): the only deportation cues say migrants were
    carried, and the item tells of their journey towards a goal, not of a removal."""
    if _first(parts, cues.MIGRANTS_OWN_WAY) is None:
        return False  # checked first: the cheaper scan, and rarely there
    carried = [m for part in parts for m in cues.DEPORT.finditer(part.folded)]
    return bool(carried) and all(cues.MIGRANTS_CARRIED.search(m.group(0)) for m in carried)


def _unflown(parts: list[Part], origin: Clue | None, dest: Clue, people: Clue | None) -> bool:
    """With no flight word, a removal of several nationalities with no state named as a
    destination ("24 extranjeros de nacionalidad colombiana, venezolana y brasileña"), or of
    one to three people the headline counts alone ("Tres ciudadanos bolivianos llegan ...
    tras ser deportados"), or between two states that share a land border, is a land return
    or individual cases, not a flight."""
    if not dest.value:
        home = origin.value if origin else None
        named = {
            m.entry.key
            for p in parts
            for m in p.mentions
            if m.entry.kind in ("country", "place") and m.entry.key != home
        }
        return len(named) < 2
    if (
        origin is not None
        and frozenset((origin.value, dest.value)) in cues.LAND_NEIGHBOURS
        and not _first(parts, cues.IOM_RETURN)  # the IOM's returns fly (fresh fl-6017)
    ):
        return True  # neighbours with no flight word: a land return
    if people is None or int(people.value) > 3:
        return False
    title = next((p for p in parts if p.source == "title"), None)
    return title is None or all(n.value <= 3 for n in title.numbers)


def _title_country(parts: list[Part], origin: tuple[str, Span] | None) -> tuple[str, Span] | None:
    """No destination cue: the country the headline names, else a city, airport or
    prison the summary names, unless it is the origin."""
    for part in parts:
        kinds = ("country", "people", "place") if part.source == "title" else ("place",)
        for m in part.mentions:
            if m.entry.kind not in kinds or (origin is not None and m.entry.key == origin[0]):
                continue
            if _mixed_origin(parts, m.entry.key):
                continue  # "desde Curazao y Aruba": a second place flown from
            before = part.folded[max(0, m.start - 60) : m.start]
            if cues.ORIGIN_BEFORE_STRONG.search(before) or on_the_migrants_route(part.folded, m):
                continue  # "desde el Sáhara Occidental", "punto de partida hacia Canarias"
            return m.entry.key, Span(part.source, m.start, m.end, part.text[m.start : m.end])
    return None


_AND = re.compile(r"^[\s)]*(?:,|,?\s*and|,?\s*y|e|&|/)(?:\s+(?:the|el|la|los|las))?[\s(]*$")
"""Between two coordinated names, parentheses or an article allowed ("Bogotá (Colombia) y
Caracas", "Nigeria and the Democratic Republic of Congo")."""


_AND_AGAIN = re.compile(
    r"^[\s)]*(?:,?\s*and|,?\s*y|e)\s+(?:(?:dos|two|otros?|otras?|others?)\s+)?"
    r"(?:a|al|to|hacia|rumbo a|con destino a|para|for)\s+(?:the\s+|el\s+|la\s+)?[\s(]*$"
)
"""Between two destinations, the cue said again ("a Tirana (Albania) y a Tbilisi", "dos hacia
Bamako y dos rumbo a Dakar")."""


def _coordinated(parts: list[Part], code: str, origin: str | None) -> bool:
    """The destination is one of several ("to Honduras and Colombia", "venezolanos y
    colombianos", "con destino a Bogotá (Colombia) y Caracas (Venezuela)"): several
    destinations, so none."""
    kinds = ("country", "people", "place")
    for part in parts:
        named = [m for m in part.mentions if m.entry.kind in kinds]
        for a, b in pairwise(named):
            pair = (a.entry.key, b.entry.key)
            if pair[0] == pair[1] or code not in pair or origin in pair:
                continue
            between = part.folded[a.end : b.start]
            if _AND.match(between) and not (_COMMA.match(between) and a.entry.kind != b.entry.kind):
                return True  # a bare comma lists names of one kind ("Athens, Pakistan gave")
            if _AND_AGAIN.match(between):
                return True  # "a Tirana (Albania) y a Tbilisi (Georgia)"
    return False


def _listed_countries(parts: list[Part], origin: str | None) -> Span | None:
    """Three or more countries in one list ("to Central America, Colombia, Ecuador, Peru,
    and Senegal"): flights to several destinations."""
    for part in parts:
        named = [m for m in part.mentions if m.entry.kind == "country" and m.entry.key != origin]
        run = 1
        for a, b in pairwise(named):
            joined = a.entry.key != b.entry.key and _AND.match(part.folded[a.end : b.start])
            run = run + 1 if joined else 1
            if run >= 3:
                return Span(part.source, b.start, b.end, part.text[b.start : b.end])
    return None


_AND_FROM = re.compile(r"^\W*(?:y|and|e)\s+(?:[\w-]+\s+){0,2}?(?:de|desde|from)\s+(?:the\s+)?$")


def _mixed_origin(parts: list[Part], code: str) -> bool:
    """Flights from two states reported together ("dos provenientes de México y uno de
    Estados Unidos", "procedentes de México y Bahamas"): no single origin."""
    for part in parts:
        named = [m for m in part.mentions if m.entry.kind in ("country", "place")]
        for a, b in pairwise(named):
            if a.entry.key == b.entry.key or code not in (a.entry.key, b.entry.key):
                continue
            before = part.folded[max(0, a.start - 60) : a.start]
            between = part.folded[a.end : b.start]
            if cues.NOT_A_ROLE_BEFORE.search(before):
                continue  # "With active assistance from Qatar, Germany deported": a helper
            if cues.ORIGIN_BEFORE_STRONG.search(before) and (
                _AND_FROM.match(between) or _AND.match(between)
            ):
                return True
    return _two_deported_from(parts, code)


def _two_deported_from(parts: list[Part], code: str) -> bool:
    """Two groups "deported from" two states in one sentence ("30 Pakistanis deported from
    Greece landed ... and 139 deported from Saudi Arabia landed ..."): no single origin."""
    for part in parts:
        froms = {
            m.entry.key
            for m in part.mentions
            if m.entry.kind == "country"
            and cues.DEPORTED_FROM.search(part.folded[max(0, m.start - 25) : m.start])
        }
        if code in froms and len(froms) > 1:
            return True
    return False


def _coordinated_states(parts: list[Part], code: str, dest: str | None) -> bool:
    """Two states named together as the ones that removed people ("United Kingdom and
    Australia ... jointly deported 40 Nigerians"): no single origin."""
    for part in parts:
        named = [m for m in part.mentions if m.entry.kind == "country"]
        for a, b in pairwise(named):
            pair = (a.entry.key, b.entry.key)
            if pair[0] == pair[1] or code not in pair or dest in pair:
                continue
            if cues.NOT_A_ROLE_BEFORE.search(part.folded[max(0, a.start - 60) : a.start]):
                continue  # "With active assistance from Qatar, Germany deported": a helper
            if _AND.match(part.folded[a.end : b.start]) and cues.SENDER_VERB_AFTER.match(
                part.folded[b.end : b.end + 40]
            ):
                return True
    return False


_OF_PLACE = re.compile(r"^\W*(?:\([^)]{1,12}\)\s*)?(?:de|del|of|en|in)\s+(?:la\s+|the\s+)?$")


def _agency_of_another_state(part: Part, n: int) -> bool:
    """An agency named with another country ("el INM de Honduras": Honduras's migration
    institute, not Mexico's) implies no deporting state."""
    mention = part.mentions[n]
    state = mention.entry.state
    if mention.entry.kind != "operator" or state is None:
        return False
    later = [m for m in part.mentions[n + 1 :] if m.entry.key != mention.entry.key]
    if not later:
        return False
    following = later[0]
    if following.entry.kind not in ("country", "place") or following.entry.key == state:
        return False
    return bool(_OF_PLACE.match(part.folded[mention.end : following.start]))


_PAREN_OPEN = re.compile(r"^\s*\(\s*$")


def _acronym_of_previous(part: Part, n: int) -> bool:
    """An agency's acronym in brackets after its full name ("el Instituto Nacional de
    Migración (INM)") is the same mention, not a second one."""
    if n == 0:
        return False
    mention, previous = part.mentions[n], part.mentions[n - 1]
    return (
        mention.entry.kind == "operator"
        and previous.entry.key == mention.entry.key
        and bool(_PAREN_OPEN.match(part.folded[previous.end : mention.start]))
    )


_STATE_OR_PEOPLE = ("country", "place", "people")


def _next_other_state(part: Part, n: int) -> int | None:
    """Where the next mention of another state starts, unless joined to this one ("Venezuela
    y Colombia deportan"): a verb after it is that state's."""
    mention = part.mentions[n]
    for other in part.mentions[n + 1 :]:
        if other.entry.key == mention.entry.key or other.entry.kind not in _STATE_OR_PEOPLE:
            continue
        if _AND.match(part.folded[mention.end : other.start]):
            return None
        return other.start
    return None


def _scored_roles(parts: list[Part]) -> Roles:
    """Every place, agency and people mention of every part, scored as origin and
    destination."""
    roles = Roles()
    for part in parts:
        for n, mention in enumerate(part.mentions):
            if _agency_of_another_state(part, n) or _acronym_of_previous(part, n):
                continue
            until = _next_other_state(part, n)
            score_mention(roles, part.folded, mention, part.source, part.text, until)
        score_route_pairs(roles, part.folded, part.mentions, part.source, part.text)
        score_between_pair(roles, part.folded, part.mentions, part.source, part.text)
        score_people_places(roles, part.folded, part.mentions, part.source, part.text)
    for code in cues.NO_SENDER:
        roles.origin.scores.pop(code, None)  # Western Sahara's removals are Morocco's
    return roles


Winner = tuple[str, Span] | None


WEAK_CUE = 1.5
"""Below this, no single cue named a country as the destination (only "in X", a place named)."""


def _origin_only(roles: Roles, code: str) -> bool:
    """The only destination candidate has no cue of its own that names it so (only places named
    along the way) and scores at least twice as the origin: it is the origin, and the
    destination stays open ("Seven illegal immigrants in Indonesia deported to Middle East ...
    flown from Kupang's El Tari Airport")."""
    weak = roles.destination.best[code][0] < WEAK_CUE
    return weak and roles.origin.scores[code] >= 2 * roles.destination.scores[code]


def _one_role_each(roles: Roles) -> tuple[Winner, Winner]:
    """(destination, origin) winners, a country never both: when only one of the roles
    has another candidate, it takes the other role ("Jamaica deportation flight" + Home
    Office: JM is the destination); else the role it scores higher in."""
    dest, origin = roles.destination.winner(), roles.origin.winner()
    if not (dest and origin and dest[0] == origin[0]):
        return dest, origin
    code = dest[0]
    other_dest = roles.destination.winner(exclude=code)
    other_origin = roles.origin.winner(exclude=code)
    as_origin = roles.origin.scores[code] >= roles.destination.scores[code]
    if other_dest is None and other_origin is not None:
        if _origin_only(roles, code):
            return None, origin  # "illegal immigrants in Indonesia ... flown from Kupang"
        as_origin = False
    elif other_origin is None and other_dest is not None:
        as_origin = True
    return (other_dest, origin) if as_origin else (dest, other_origin)


_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z'.-]+(?:[ /-][A-Z][A-Z'.-]+){0,3})(?=\s*(?:,|:|\||—|–|-|\(|\.-|/))"
)
"""A summary's dateline in capitals ("NASSAU| On Monday ...", "WASHINGTON (AP) —")."""


def _dateline(parts: list[Part]) -> Winner:
    """The state of the place a summary's capitalised dateline names, which the exact-case
    city names miss ("NASSAU|" is Nassau, the Bahamas)."""
    summary = next((p for p in parts if p.source == "summary"), None)
    m = _DATELINE.match(summary.text) if summary is not None else None
    if m is None:
        return None
    words = m.group(1).title()
    for mention in load_lexicon().mentions(words, fold(words)):
        if mention.entry.kind in ("country", "place"):
            return mention.entry.key, Span("summary", m.start(1), m.end(1), m.group(1))
    return None


def _fallback_origin(parts: list[Part], dest: str) -> Winner:
    """With no origin cue: a state that opens a sentence to speak of the flight ("BRITAIN
    expects the first flight to depart for Rwanda"), or, failing that, where the people were
    taken from ("locations all over Norway") or the flight was ("in Harlingen, Texas"), or
    else where the summary's dateline places the report, when it is another state than the
    destination."""
    found: Winner = None
    for part in parts:
        for m in part.mentions:
            if m.entry.key in (dest, *cues.NO_SENDER) or m.entry.kind not in ("country", "place"):
                continue
            before = part.folded[max(0, m.start - 60) : m.start]
            span = Span(part.source, m.start, m.end, part.text[m.start : m.end])
            if (
                m.entry.kind == "country"
                and cues.SENTENCE_START_BEFORE.search(before)
                and cues.SUBJECT_VERB_AFTER.match(part.folded[m.end : m.end + 30])
            ):
                return m.entry.key, span
            if found is None and (
                cues.SEIZED_ACROSS_BEFORE.search(before)
                or (
                    cues.PLACE_IN_BEFORE.search(before)
                    and not cues.ARRIVAL.search(before)
                    and not cues.STOPOVER_BEFORE.search(before)
                )
            ):
                found = m.entry.key, span
    if found is None:
        dateline = _dateline(parts)
        if dateline is not None and dateline[0] != dest:
            return dateline  # reported from the sending side ("NASSAU| ... repatriation")
    return found or _first_other_state(parts, dest)


_STATE_KINDS = ("country", "place", "state_adj", "operator", "signal")


def _first_other_state(parts: list[Part], dest: str) -> Winner:
    """With no origin cue at all: the first state other than the destination the item names
    (by name, city, state adjective, or an agency or office that implies it; the headline
    first; not a stopover), in a report of a removal flight between two states
    ("repatriados por el Gobierno de México" to Colombia; "bloqueados en la frontera entre
    Chile y Perú": Chile)."""
    for part in parts:
        for n, m in enumerate(part.mentions):
            if m.entry.kind not in _STATE_KINDS or _agency_of_another_state(part, n):
                continue
            if cues.STOPOVER_BEFORE.search(part.folded[max(0, m.start - 40) : m.start]):
                continue  # "escala en Bogotá": a stop on the way, not where it left
            code = m.entry.state if m.entry.kind in ("operator", "signal") else m.entry.key
            if code is not None and code != dest and code not in cues.NO_SENDER:
                return code, Span(part.source, m.start, m.end, part.text[m.start : m.end])
    return None


def _roles(parts: list[Part]) -> tuple[Clue | None, Clue | None]:
    roles = _scored_roles(parts)
    dest, origin = _one_role_each(roles)
    dest = dest or _title_country(parts, origin)
    if dest is None or dest[0] not in roles.destination.named:
        # none, or only a demonym ("86 ... de nacionalidad venezolana y el resto provenientes
        # de Colombia, Perú y Bolivia"): three countries listed are several destinations
        listed = _listed_countries(parts, origin[0] if origin else None)
        if listed is not None:
            several = Clue("destination", "", listed)  # several destinations: the field is null
            return (Clue("origin", origin[0], origin[1]) if origin else None), several
    if dest is not None and _coordinated(parts, dest[0], origin[0] if origin else None):
        span = dest[1]
        origin = roles.origin.winner(exclude=dest[0])
        several = Clue("destination", "", span)  # several destinations: the field is null
        return (Clue("origin", origin[0], origin[1]) if origin else None), several
    origin = roles.origin.winner(exclude=dest[0] if dest else None)
    if origin is None and dest is not None:
        origin = _fallback_origin(parts, dest[0])
    if origin is not None and (
        _mixed_origin(parts, origin[0])
        or _coordinated_states(parts, origin[0], dest[0] if dest else None)
    ):
        origin = None
    return (
        Clue("origin", origin[0], origin[1]) if origin else None,
        Clue("destination", dest[0], dest[1]) if dest else None,
    )


def _iter_numbers(parts: list[Part]) -> Iterator[tuple[Part, Number]]:
    for part in parts:
        for number in part.numbers:
            yield part, number


def _counts_people(part: Part, number: Number, demonym_starts: set[int]) -> bool:
    """The number counts people (a people noun or a demonym right after it), and not
    flights, a year, a bound or a programme's total."""
    folded = part.folded
    after = folded[number.end : number.end + 48]  # three words and a bracketed short name
    before = folded[max(0, number.start - 40) : number.start]
    gap = cues.PEOPLE_GAP
    noun = cues.PEOPLE_NOUN.search(after)
    is_people = bool(noun and gap.match(after[: noun.start()] + " ")) or any(
        number.end < s <= number.end + 30 and gap.match(folded[number.end : s] + " ")
        for s in demonym_starts
    )
    if not is_people or cues.FLIGHT_COUNT_AFTER.match(after) or cues.NOT_PEOPLE_AFTER.match(after):
        return False
    if cues.VEHICLE_COUNT_AFTER.match(after):
        return False  # "dos camiones salieron ... con 60 hombres": vehicles, not people
    if _not_the_removed(before, after):
        return False
    if cues.NOT_PEOPLE_BEFORE.search(before) or cues.BOUND_BEFORE.search(before):
        return False
    if _a_date(number.value, noun is not None, before, after):
        return False
    return number.value < 10_000  # a programme's or a year's total, never one flight's


def _not_the_removed(before: str, after: str) -> bool:
    """People the number counts who were not removed: "Thirty-seven Jamaicans narrowly avoided
    deportation", the dead or hurt ("an explosion killed at least 80 people")."""
    return bool(
        cues.AVOIDED_AFTER.match(after)
        or cues.HARMED_BEFORE.search(before)
        or cues.HARMED_AFTER.match(after)
    )


def _a_date(value: int, noun: bool, before: str, after: str) -> bool:
    """The number is a year ("the first flight of 2026", "the Alien Enemies Act of 1798") or a
    day of the month ("on June 6 involving Indonesians"), not a head count."""
    if 1500 <= value < 1900 and cues.YEAR_BEFORE.search(before):
        return True
    if 1900 <= value <= 2100 and (
        not noun or cues.YEAR_BEFORE.search(before) or cues.MONTH_YEAR_BEFORE.search(before)
    ):
        return True
    return value <= 31 and bool(
        cues.DAY_MONTH_BEFORE.search(before) or cues.DAY_MONTH_AFTER.match(after)
    )


REMOVED_OF_THEM_BONUS = 2.5
"""A removal verb's "N of them" outranks the pool it was taken from, as a total would."""


def _removed_of_them(part: Part, number: Number) -> bool:
    """ "flying 842 of them", "la expulsión de 60 de ellos", "11 of which were really
    expelled": the removed, taken from a group named before (no people noun needed)."""
    folded = part.folded
    after = folded[number.end : number.end + 70]
    of_them = cues.OF_THEM_AFTER.match(after)
    if of_them is None or not 0 < number.value < 10_000:
        return False
    before = folded[max(0, number.start - 40) : number.start]
    return bool(
        cues.REMOVED_BEFORE.search(before) or cues.OF_THEM_REMOVED.match(after[of_them.end() :])
    )


def _people_score(part: Part, number: Number, demonym_starts: set[int]) -> float | None:
    score = 2.0 if part.source == "title" else 1.0
    if _removed_of_them(part, number):
        return score + REMOVED_OF_THEM_BONUS
    if not _counts_people(part, number, demonym_starts):
        return None
    folded = part.folded
    after = folded[number.end : number.end + 40]
    before = folded[max(0, number.start - 40) : number.start]
    if cues.TOTAL_BEFORE.search(before):
        split = cues.SPLIT_OVER.search(folded[number.end : number.end + 300])
        score += 0.0 if split else 2.0  # "a total of 48 ... in two operations": a sum
    elif cues.MODIFIER_BEFORE.search(before):
        # "more than 100": only when nothing precise is said; then the least round figure
        score = 0.35 - 0.1 * min(trailing_zeros(number.value), 3)
    if cues.SUBSET_AFTER.match(after) or (
        cues.SUBSET_BEFORE.search(before[-20:]) and not _after_staff(part, number)
    ):
        score -= 2.5
    if _running_total(part, number) or cues.CUMULATIVE.search(before[-25:]):
        score -= 2.5
    elif cues.SINCE_OPENING.search(folded[max(0, number.start - 300) : number.start]):
        score -= 2.5  # "Since ... March 2020 ..., the ABF has removed 711"
    return score


def _after_staff(part: Part, number: Number) -> bool:
    """The number follows a count of the removal's staff ("with 11 crew members and 46
    returnees", "con 8 tripulantes y 120 migrantes"): the group after "and" is the
    deportees, not a subset of the staff."""
    before = [n for n in part.numbers if n.end <= number.start]
    if not before or number.start - before[-1].end > 30:
        return False
    return bool(cues.STAFF_AND.match(part.folded[before[-1].end : number.start]))


def _running_total(part: Part, number: Number) -> bool:
    """A running-total cue after the number ("1900 nicaragüenses deportados de Estados
    Unidos en menos de seis meses"; a headline's reaches further), unless it belongs to
    another number, before it or right after it ("61 migrantes ... y ya suman 340")."""
    reach = 75 if part.source == "title" else 45
    m = cues.CUMULATIVE.search(part.folded[number.end : number.end + reach])
    if m is None:
        return False
    start, end = number.end + m.start(), number.end + m.end()
    return not any(
        number.end < n.start < start or (end <= n.start <= end + 30 and not 1900 <= n.value <= 2100)
        for n in part.numbers
    )


_GROUP_AND = re.compile(r"^\s*(?:[\w-]+\s+)?(?:,|,?\s*and|,?\s*y|e)\s*$")
"""Between one counted people and the next number: "26 Sri Lankan nationals and 6
Vietnamese", "43 colombianos y siete peruanos"."""
GROUPS_BONUS = 0.5


def _counted_peoples(part: Part) -> dict[int, tuple[int, str]]:
    """Each number right before a demonym (people kind): its start -> (end of the demonym,
    the people's code)."""
    found: dict[int, tuple[int, str]] = {}
    for number in part.numbers:
        for m in part.mentions:
            if m.entry.kind == "people" and number.end < m.start <= number.end + 2:
                found[number.start] = (m.end, m.entry.key)
        group = _AGE_OR_SEX.match(part.folded, number.end)
        if group is not None and number.start not in found and part.source == "title":
            # a headline's "Seven children and 45 adults", "46 menores y 121 adultos": groups of
            # one flight (a lede's breakdown by sex or age is read from its total)
            found[number.start] = (group.end(), "group:" + group.group(1))
    return found


_AGE_OR_SEX = re.compile(
    r"\s+(children|minors|adults|women|men|menores|ninos|ninas|adultos|mujeres|hombres)\b"
)


def _groups_of_two_peoples(part: Part, scores: dict[int, float]) -> tuple[float, Clue] | None:
    """Two counted groups of two peoples on one flight ("viajan 43 colombianos y siete
    peruanos"): the flight carried both, so the head count is their sum."""
    counted = _counted_peoples(part)
    for a, b in pairwise(part.numbers):
        first, second = counted.get(a.start), counted.get(b.start)
        if first is None or second is None or first[1] == second[1]:
            continue
        if scores.get(a.start, 0.0) <= 0 or b.start not in scores:
            continue  # the second group's "and / y" reads as a subset: it counts anyway
        if not _GROUP_AND.match(part.folded[first[0] : b.start]):
            continue
        span = Span(part.source, a.start, second[0], part.text[a.start : second[0]])
        score = scores[a.start] + GROUPS_BONUS
        return score, Clue("people", str(a.value + b.value), span)
    return None


@dataclass(frozen=True)
class _Breakdown:
    total: int
    end: int
    members: frozenset[int]


_Run = list[tuple[Number, re.Match[str]]]


def _age_sex_runs(part: Part) -> list[_Run]:
    """The numbers each right before a group by sex or age, in runs joined by "," / "and" /
    "y"."""
    runs: list[_Run] = []
    for number in part.numbers:
        group = _AGE_OR_SEX.match(part.folded, number.end)
        last = runs[-1][-1][1] if runs and runs[-1] else None
        if group is None:
            runs.append([])
        elif last is not None and _GROUP_AND.match(part.folded[last.end() : number.start]):
            runs[-1].append((number, group))
        else:
            runs.append([(number, group)])
    return runs


def _breakdowns(part: Part) -> dict[int, _Breakdown]:
    """A lede's groups by sex or age listed together ("The deportees include 148 men and five
    women", tideline fl-31807; "The twelve men and three women departed", prime fl-27027;
    "un total de 23 hombres y 11 mujeres", sundown fl-29018): one flight's head count is
    their sum, read at the first group (the others are no candidates of their own)."""
    if part.source == "title":
        return {}  # a headline's two groups: _groups_of_two_peoples
    found: dict[int, _Breakdown] = {}
    for run in _age_sex_runs(part):
        names = [group.group(1) for _, group in run]
        if len(run) > 1 and len(set(names)) == len(names):
            members = frozenset(number.start for number, _ in run[1:])
            total = sum(number.value for number, _ in run)
            found[run[0][0].start] = _Breakdown(total, run[-1][1].end(), members)
    return found


def _people_clue(part: Part, number: Number, breakdowns: dict[int, _Breakdown]) -> Clue:
    """The number's clue, or its breakdown's sum over the whole list."""
    end, value = number.end, number.value
    if (breakdown := breakdowns.get(number.start)) is not None:
        end, value = breakdown.end, breakdown.total
    return Clue(
        "people", str(value), Span(part.source, number.start, end, part.text[number.start : end])
    )


def _unlisted(part: Part, breakdowns: dict[int, _Breakdown]) -> list[Number]:
    """The part's numbers but the later groups of a breakdown (read in its sum)."""
    listed = frozenset().union(*(b.members for b in breakdowns.values()))
    return [n for n in part.numbers if n.start not in listed]


def _beats(best: tuple[float, int, Clue] | None, score: float) -> bool:
    return best is None or score > best[0]


def _people(parts: list[Part]) -> Clue | None:
    best: tuple[float, int, Clue] | None = None
    order = 0
    for part in parts:
        demonyms = {m.start for m in part.mentions if m.entry.kind == "people"}
        scores: dict[int, float] = {}
        breakdowns = _breakdowns(part)
        for number in _unlisted(part, breakdowns):
            score = _people_score(part, number, demonyms)
            order += 1
            if score is None:
                continue
            scores[number.start] = score
            if score > 0 and _beats(best, score):
                best = (score, -order, _people_clue(part, number, breakdowns))
        groups = _groups_of_two_peoples(part, scores) if len(scores) > 1 else None
        if groups is not None and _beats(best, groups[0]):
            best = (groups[0], -order, groups[1])
    return best[2] if best else None


def _flights(parts: list[Part]) -> int | None:
    for part, number in _iter_numbers(parts):
        after = part.folded[number.end : number.end + 40]
        if number.value < 1000 and cues.FLIGHT_COUNT_AFTER.match(after):
            return number.value
    return None


def _span(part: Part, m: re.Match[str]) -> Span:
    return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])


def _unnegated(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """The first match not negated right before ("never landed", "no llegó")."""
    for m in pattern.finditer(folded):
        if not cues.NEGATION_BEFORE.search(folded[max(0, m.start() - 8) : m.start()]):
            return m
    return None


def _planned(
    folded: str, finite: re.Match[str] | None
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first planned cue that says the flight is still to come, and the first one that
    only complements a noun ("the decision to resume", "authority to land") or, beside a
    finite completed verb, only describes the flight ("un vuelo programado para este
    miércoles ... se regresaron")."""
    complement = None
    for m in cues.PLANNED_STRONG.finditer(folded):
        attributive = finite is not None and cues.PLANNED_ATTRIBUTIVE.fullmatch(m.group(0))
        after = folded[m.end() : m.end() + 40]
        if attributive or cues.POST_ARRIVAL_AFTER.match(after) or cues.STOPS_AFTER.match(after):
            complement = complement or m
            continue
        if cues.COMPLEMENT_BEFORE.search(folded[max(0, m.start() - 40) : m.start()]):
            complement = complement or m
            continue
        if m.group(0).startswith(("announc", "anunci")) and cues.REPORTED_DONE_AFTER.match(
            folded, m.end()
        ):
            continue  # "Police announced it returned 23": the removal is told as done
        return m, complement
    return None, complement


def _background(
    folded: str, blocked: re.Match[str], finite: re.Match[str] | None, weak: re.Match[str] | None
) -> bool:
    """A blocked cue after "after / tras / since" ("lands after months of suspension", "the
    first flight since February, when Libya suspended flights") is background to a finite
    completed cue, or to a weaker one before it ("returned home ... since ...")."""
    if finite is None and (weak is None or weak.start() > blocked.start()):
        return False
    before = folded[max(0, blocked.start() - 60) : blocked.start()]
    return bool(
        cues.BACKGROUND_BEFORE.search(before[-40:]) or cues.SINCE_WHEN_BEFORE.search(before)
    )


def _blocking(
    folded: str, finite: re.Match[str] | None, weak: re.Match[str] | None = None
) -> re.Match[str] | None:
    """The first blocked cue that blocks this report's flight. With a finite "landed /
    recibió" in the text, a blocked cue is only background when it follows "after /
    tras / since" ("lands after months of suspension") or a later clause ("recibió 3
    vuelos; un cuarto fue cancelado"); with only a weaker completed cue before it
    ("returned home"), only in the first case."""
    for blocked in cues.BLOCKED_STRONG.finditer(folded):
        if _not_the_flights(folded, blocked, finite):
            continue
        if _background(folded, blocked, finite, weak) or cues.UNDONE_BEFORE.search(
            folded[max(0, blocked.start() - 30) : blocked.start()]
        ):
            continue  # "were initially refused entry": undone later
        if finite is None:
            return blocked
        between = folded[finite.end() : blocked.start()]
        if finite.start() < blocked.start() and cues.CLAUSE_BREAK.search(between):
            continue
        return blocked
    return None


def _not_the_flights(folded: str, blocked: re.Match[str], finite: re.Match[str] | None) -> bool:
    """A blocked cue that is not about the flight: its object is people crossing a border
    ("blocking others from crossing") or stuck there, it is asked for or negated, a noun
    ("planned stops"), a diversion of a flight that landed, or about rejected people or one
    person of the group."""
    after = folded[blocked.end() : blocked.end() + 40]
    if cues.CROSSING_AFTER.match(after) or cues.STAY_ON_BOARD_AFTER.match(after):
        return True  # "blocking others from crossing", "refused to disembark""
    if cues.BORDER_OBJECT_AFTER.match(after):
        return True  # "blocking the Mexican border": a border closed, not the flight
    if blocked.group(0).startswith("bloquead") and cues.STUCK_BEFORE.search(
        folded[max(0, blocked.start() - 25) : blocked.start()]
    ):
        return True  # "que se encontraban bloqueados en la frontera": people stuck
    # "a motion to halt the flight", "called on authorities to stop": asked for, not done
    asked_end = blocked.start() + (3 if blocked.group(0).startswith("to ") else 0)
    if cues.REQUEST_BEFORE.search(folded[max(0, asked_end - 60) : asked_end]):
        return True
    if cues.ATTEMPT_BEFORE.search(folded[max(0, asked_end - 40) : asked_end]):
        return True  # "so hard to stop", "failed to halt": tried, not done
    if cues.DENIED_CLAIM_BEFORE.search(folded[max(0, blocked.start() - 90) : blocked.start()]):
        return True  # "desmintió que México haya rechazado": a refusal said to be false
    if cues.NEGATION_BEFORE.search(folded[max(0, blocked.start() - 8) : blocked.start()]):
        return True  # "won't suspend deportations": not blocked
    if blocked.group(0) == "stops" and cues.STOPS_NOUN_BEFORE.search(
        folded[max(0, blocked.start() - 25) : blocked.start()]
    ):
        return True  # "with planned stops in Tirana": stopovers, not a flight stopped
    if finite is not None and cues.DIVERTED.fullmatch(blocked.group(0)):
        return True  # "diverted to Manaus ... landed": it still landed
    if cues.REJECTED_PEOPLE_AFTER.match(
        folded[blocked.end() : blocked.end() + 30]
    ) or cues.REJECTED_PEOPLE_BEFORE.search(folded[max(0, blocked.start() - 25) : blocked.start()]):
        return True
    # "one refused entry": a person of the group, not the flight
    return bool(
        cues.ONE_PERSON_BEFORE.search(folded[max(0, blocked.start() - 30) : blocked.start()])
        or cues.ONE_PERSON_AFTER.match(folded[blocked.end() : blocked.end() + 50])
    )


def _status_of(part: Part, resuming: bool = False) -> tuple[Status, Span] | None:
    """A part's status: blocked if it says so (unless flights resume, or went ahead
    despite it); else a finite "landed/llegó" or a planned cue, whichever comes first;
    else a weaker completed cue ("deported", "a bordo"); else a planned cue that only
    complements a noun ("the decision to resume"). A negated completed cue ("never
    landed") does not count as completed."""
    folded = part.folded
    already = cues.ALREADY.search(folded)
    if already:
        return "completed", _span(part, already)
    finite = _unnegated(cues.COMPLETED_FINITE, folded)
    # a weaker completed cue ("returned home") matters only without a finite one
    weak = _unnegated(cues.COMPLETED_STRONG, folded) if finite is None else None
    blocked = _blocking(folded, finite, weak)
    went_ahead = finite is not None and cues.DESPITE.search(folded) is not None
    resuming = resuming or cues.RESUMING.search(folded) is not None
    if blocked and not resuming and not went_ahead:
        return "blocked", _span(part, blocked)
    planned, complement = _planned(folded, finite)
    collect = _collecting(folded, finite)
    if collect is not None:
        return "planned", _span(part, collect)
    if finite and (planned is None or finite.start() < planned.start()):
        return "completed", _span(part, finite)
    if planned:
        return "planned", _span(part, planned)
    if weak:
        return "completed", _span(part, weak)
    complement = complement or cues.AHEAD_OF_DEPARTURE.search(folded)
    return ("planned", _span(part, complement)) if complement else None


def _collecting(folded: str, finite: re.Match[str] | None) -> re.Match[str] | None:
    """A plane that landed, in the same sentence, to collect the deportees."""
    if finite is None:
        return None
    sentence = folded[finite.end() : finite.end() + 200].split(". ", 1)[0]
    m = cues.COLLECT_PURPOSE.search(sentence)
    return cues.COLLECT_PURPOSE.search(folded, finite.end() + m.start()) if m else None


_Memo = dict[tuple[int, bool], "tuple[Status, Span] | None"]


def _status_memo(part: Part, resuming: bool, memo: _Memo | None) -> tuple[Status, Span] | None:
    """``_status_of`` once per part and flag within one item (status and date both ask)."""
    if memo is None:
        return _status_of(part, resuming=resuming)
    key = (id(part), resuming)
    if key not in memo:
        memo[key] = _status_of(part, resuming=resuming)
    return memo[key]


def _status(parts: list[Part], memo: _Memo | None = None) -> Clue:
    """The title decides when it has a cue (a headline that only says flights resume
    leaves it to the summary); else the summary; else completed."""
    decided: list[tuple[Status, Span]] = []
    resuming = any(p.source == "title" and cues.RESUMING.search(p.folded) for p in parts)
    for part in parts:
        result = _status_memo(part, resuming, memo)
        if result is None:
            continue
        if part.source == "title" and resuming and len(parts) > 1:
            later = _status_memo(parts[-1], True, memo)
            if later is not None and later[0] == "completed":
                result = later
        decided.append(result)
    if not decided:
        return _authorised_only(parts)
    status, span = decided[0]
    if _lede_flew(parts, decided) or _left_elsewhere(parts, decided):
        return Clue("status", "completed", decided[1][1])
    if _past_plan(parts, decided):
        return Clue("status", decided[1][0], decided[1][1])
    if (
        status == "completed"
        and span.source == "title"
        and len(decided) > 1
        and decided[1][0] == "planned"
        and _announcing(span)
    ):
        # "Llega al país el primer vuelo ..." / "... en las próximas horas llegará": the
        # headline's present announced the arrival the lede puts in the future
        future = cues.FUTURE_ARRIVAL.search(parts[-1].folded)
        if future is not None:
            return Clue("status", "planned", _span(parts[-1], future))
    return Clue("status", status, span)


def _left_elsewhere(parts: list[Part], decided: list[tuple[Status, Span]]) -> bool:
    """A headline blocked only by a negated departure from a place ("esta vez el vuelo no
    salió de Miami"), and a lede that has the flight arrive: it left from elsewhere."""
    if len(decided) < 2 or decided[0][0] != "blocked" or decided[0][1].source != "title":
        return False
    title = parts[0]
    span = decided[0][1]
    return (
        decided[1][0] == "completed"
        and cues.NOT_LEFT_FROM.match(title.folded, span.start) is not None
        and cues.COMPLETED_FINITE.search(parts[-1].folded) is not None
    )


def _authorised_only(parts: list[Part]) -> Clue:
    """No part has a status cue: flights a state authorised or approved are still to come
    ("Ecuador autorizó tres nuevos vuelos ... este sábado"), and so is what a Spanish future
    tells ("EE.UU. programará un vuelo para deportar a 74 peruanos"); else completed."""
    for part in parts:
        m = cues.AUTHORISED_FLIGHTS.search(part.folded)
        if m is not None:
            return Clue("status", "planned", _span(part, m))
    for part in parts:
        # "EE.UU. programará un vuelo": a Spanish future, its accent read in the text itself
        m = cues.SPANISH_FUTURE.search(part.text)
        if m is not None:
            return Clue("status", "planned", _span(part, m))
    return Clue("status", "completed", Span("title", 0, 0, ""))


def _lede_flew(parts: list[Part], decided: list[tuple[Status, Span]]) -> bool:
    """A headline's future with no flight word of its own ("Mauritania expulsará a los
    inmigrantes deportados desde Canarias") is about what follows the flight when the lede
    says, with a finite verb, that the flight took them ("fueron deportados en un avión")."""
    if len(decided) < 2 or decided[0][0] != "planned" or decided[1][0] != "completed":
        return False
    title, lede = decided[0][1], decided[1][1]
    if title.source != "title" or lede.source != "summary":
        return False
    if not cues.COMPLETED_FINITE.fullmatch(fold(lede.phrase)):
        return False
    texts = {p.source: p.folded for p in parts}
    return not cues.FLIGHT.search(texts["title"]) and bool(cues.FLIGHT.search(texts["summary"]))


def _past_plan(parts: list[Part], decided: list[tuple[Status, Span]]) -> bool:
    """A headline's plan told in the past ("Este lunes estaba previsto que despegara un
    avión ...") leaves it to a lede that says the flight was stopped or flown."""
    if len(decided) < 2 or decided[0][0] != "planned" or decided[1][0] == "planned":
        return False
    if decided[0][1].source != "title" or decided[1][1].source != "summary":
        return False
    return _first([p for p in parts if p.source == "title"], cues.PAST_PLAN) is not None


def _announcing(span: Span) -> bool:
    """A headline cue that can announce what a lede puts in the future: a present of
    arrival ("Llega ... el primer vuelo", "Deportees Arrive Lagos") or a participle with no
    finite verb of its own ("177 Others Deported From Libya")."""
    phrase = fold(span.phrase)
    return bool(cues.PRESENT_ARRIVAL.fullmatch(phrase)) or not cues.COMPLETED_FINITE.fullmatch(
        phrase
    )


def _returned_to_origin(parts: list[Part], origin: str) -> Clue | None:
    """A removal flight that went back to the deporting state ("... before returning to
    Florida", "regresó a Estados Unidos"): it did not take the people away."""
    for part in parts:
        if not any(w in part.folded for w in ("return", "regres", "volv", "back")):
            continue  # cheap guard: most items never say it
        for m in part.mentions:
            before = part.folded[max(0, m.start - 70) : m.start]
            back = cues.RETURN_TO_BEFORE.search(before) or cues.TURNED_BACK_BEFORE.search(before)
            if m.entry.key == origin and back:
                span = Span(part.source, m.start, m.end, part.text[m.start : m.end])
                return Clue("status", "blocked", span)
    return None


_OF_THE = re.compile(r"^\s*(?:de la|del|de|of the|of)\s+$")


def _named_after(part: Part, m: Mention) -> Mention:
    """ "un avión militar de la Fuerza Aérea del Perú": the carrier the generic name is of."""
    for other in part.mentions:
        if (
            other.start >= m.end
            and other.entry.kind == "operator"
            and not other.entry.agency
            and other.entry.operates
            and _OF_THE.match(part.folded[m.end : other.start])
        ):
            return other
    return m


def _operator(parts: list[Part]) -> Clue | None:
    """The first carrier or air force named, else the first agency."""
    for agencies in (False, True):
        for part in parts:
            for m in part.mentions:
                if m.entry.kind == "operator" and m.entry.agency == agencies and m.entry.operates:
                    named = m if agencies else _named_after(part, m)
                    span = Span(
                        part.source, named.start, named.end, part.text[named.start : named.end]
                    )
                    return Clue("operator", named.entry.key, span)
    return None


def _flight_date(
    parts: list[Part], published: date | None, status: Status, memo: _Memo | None = None
) -> Clue | None:
    """The first part's date nearest its status cue (the verb that says what happened)."""
    for part in parts:
        cue = _status_memo(part, False, memo)
        # a part's own plan dates its own day ("estaba previsto que despegara este lunes")
        future = status == "planned" or (cue is not None and cue[0] == "planned")
        found = date_mentions(part.text, published, future=future)
        if found:
            anchor = cue[1].start if cue is not None else 0
            d = min(found, key=lambda m: abs(m.start - anchor))
            span = Span(part.source, d.start, d.end, part.text[d.start : d.end])
            return Clue("flight_date", d.value.isoformat(), span)
    return None


def _counted_over_a_period(parts: list[Part], count: Span) -> bool:
    """A period or running total in the head count's own sentence or the headline ("So far
    107 ... this year" after the flight's "14 ... returned" is another sentence's tally)."""
    for part in parts:
        if part.source != count.source:
            scope = part.folded if part.source == "title" else ""
        else:
            start = part.folded.rfind(". ", 0, count.start) + 1
            end = part.folded.find(". ", count.end)
            scope = part.folded[start : end if end >= 0 else len(part.folded)]
        if cues.PERIOD.search(scope) or cues.CUMULATIVE.search(scope):
            return True
    return False


def _undestined_removal(
    parts: list[Part], origin: Clue | None, people: Clue | None, memo: _Memo
) -> bool:
    """No destination named ("Expulsan a 138 migrantes desde Iquique"; several nationalities
    on one plane): still a record when the removing state, a head count, a flight and a day
    are all given, and the removal is told as done."""
    if origin is None or people is None or _first(parts, cues.FLIGHT) is None:
        return False
    if _counted_over_a_period(parts, people.span):
        return False
    if _status(parts, memo).value != "completed":
        return False
    return _dated(parts)


def _evacuation_flights(parts: list[Part]) -> bool:
    """Every flight the item names is an evacuation flight ("after boarding evacuation flights
    from Kabul"): a flight of another kind, whatever removal the item also mentions."""
    flights = sum(1 for p in parts for _ in cues.FLIGHT.finditer(p.folded))
    evacuations = sum(1 for p in parts for _ in cues.EVACUATION_FLIGHT.finditer(p.folded))
    return 0 < flights <= evacuations


def _stranded_travellers(parts: list[Part]) -> bool:
    """Citizens or nationals stuck or stranded in a state and flown home ("repatriate more than
    1,000 Chinese citizens who have got stuck in Vietnam"), with no word of removal, migration
    or illegal stay and no transit or Gulf state named: travellers, not a removal."""
    return (
        _first(parts, cues.STRANDED) is not None
        and _first(parts, cues.CITIZENS) is not None
        and _first(parts, cues.REMOVAL) is None
        and _first(parts, cues.MIGRANT_CONTEXT) is None
        and _first(parts, cues.MIGRANT_JOURNEY) is None
        and not _names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
    )


def _homecoming(parts: list[Part]) -> bool:
    """People brought or flown home ("Eight repatriation flights bring 1,207 Nepalis home")
    with no word of removal, migration or the people's plight, no removing agency (Home Office,
    ICE) and no transit or Gulf state migrants are returned from: travellers coming home, not a
    removal flight."""
    return (
        _first(parts, cues.HOMECOMING) is not None
        and _first(parts, cues.MIGRANT_CONTEXT) is None
        and _first(parts, cues.MIGRANT_JOURNEY) is None
        and not _names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
        and not any(m.entry.agency and not m.entry.receiver for p in parts for m in p.mentions)
    )


def _unfounded(
    parts: list[Part],
    gate: tuple[Span, Span, bool],
    origin: Clue | None,
    destination: Clue | None,
    people: Clue | None,
) -> bool:
    """What a record needs besides its cues: no homecoming (above); and when no sending state
    is named, with no flight word, a removal word (a return told only as people going back,
    "300 marroquíes volverán este viernes a su país", is no removal flight), and at least one
    of destination, head count or a stated day (a bare "Charter flights to deport
    asylumseekers" is no flight in particular)."""
    if _homecoming(parts):
        return True
    if origin is not None:
        return False
    if not gate[2] and _first(parts, cues.REMOVAL) is None:
        return True
    return destination is None and people is None and not _dated(parts)


def _rules_status(parts: list[Part], origin: Clue | None, memo: _Memo) -> Clue:
    """The rules' status clue (what the status model is trained beside)."""
    status = _status(parts, memo)
    if status.value == "completed" and origin is not None:
        status = _returned_to_origin(parts, origin.value) or status
    return status


def _arbitrated(title: str, summary: str, status: Clue) -> Clue:
    """The status after the shipped status model has had its say (the rules' clue when
    no model is shipped)."""
    arbiter = shipped_status_model()
    return status if arbiter is None else arbitrate(arbiter, title, summary, status)


def load_tables() -> None:
    """Load the lexicon and the shipped status model now (otherwise each loads on first
    use). The flights stage calls it at start, so the loads' passing memory comes before
    its working set instead of on top of it (its RSS budget is 150 MB)."""
    load_lexicon()
    shipped_status_model()


def extract(title: str, summary: str, published: date | None) -> Flight | None:
    """The flight facts of one item, or None when it reports no flight. ``published``
    None (unknown, offline only): relative dates are not resolved and the record has
    no flight date unless one is stated with its year."""
    parts = _parts(title or "", summary or "")
    gate = is_flight_report(parts)
    if gate is None:
        return None
    origin, destination = _roles(parts)
    people = _people(parts)
    memo: _Memo = {}
    if destination is None:
        # no destination named: still a record when the state that removed a counted group
        # is named ("Expulsan a 138 migrantes desde Iquique")
        if not _undestined_removal(parts, origin, people, memo):
            return None
    elif not gate[2] and _unflown(parts, origin, destination, people):
        return None
    elif not destination.value:
        destination = None
    if _unfounded(parts, gate, origin, destination, people):
        return None
    status = _rules_status(parts, origin, memo)
    when = _flight_date(parts, published, status.value, memo)  # type: ignore[arg-type]
    # after the date: the flight date stays the one the rules' status read
    status = _arbitrated(title or "", summary or "", status)
    operator = _operator(parts)
    clues = [
        Clue("flight", "flight", gate[0]),
        Clue("flight", "deportation", gate[1]),
        *(c for c in (origin, destination, people, status, when, operator) if c is not None),
    ]
    return Flight(
        origin=origin.value if origin else None,
        destination=destination.value if destination else None,
        people=int(people.value) if people else None,
        status=status.value,  # type: ignore[arg-type]
        flight_date=date.fromisoformat(when.value) if when else published,
        flight_date_stated=when is not None,
        operator=operator.value if operator else None,
        flights=_flights(parts),
        evidence=tuple(clues),
    )
