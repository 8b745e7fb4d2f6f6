"""Precision vetoes: what makes an item about deportation and flights not a flight record.

Before the fields are read: a state fetching its own citizens or things home, stranded
travellers or evacuations, removal statistics and tallies, proposals and removals only
pending, an airport or the sea named instead of a flight, migrants flown on their own way, a
court or custody item with no removal at issue. After: with no flight word, a land return or
a few individual cases; with no destination, anything short of a done removal with its state,
head count, flight and day; a homecoming; and, with no sending state, a record with no removal
word or with none of destination, head count and day. Each veto answers false records seen in
a labelled round (see docs/flights.md). Pure.
"""

from __future__ import annotations

import re

from wirewatch_flights import cues, not_a_record_cues
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.parts import Part, dated, first_span, names_a_state
from wirewatch_flights.people import read_people
from wirewatch_flights.status import Memo, read_status

_AGENTS = frozenset({"country", "operator", "signal", "state_adj"})


def agent_past(parts: list[Part]) -> Span | None:
    """A state or agency followed by a past removal verb ("Immigration and Customs
    Enforcement deported ..."): the simple past as a finite verb, not a participle."""
    for part in parts:
        for m in part.mentions:
            if m.entry.kind not in _AGENTS:
                continue
            verb = not_a_record_cues.AGENT_PAST_AFTER.match(part.folded, m.end, m.end + 30)
            if verb:
                return Span(part.source, m.start, verb.end(), part.text[m.start : verb.end()])
    return None


def citizens_home(parts: list[Part]) -> bool:
    """With no flight word, citizens or nationals brought home with no word of removal,
    migration, detention or a border ("Nearly 350 Vietnamese citizens in Russia were brought
    home", "240 Vietnamese citizens repatriated from the Philippines"): a state's own
    people flown home, not a removal."""
    return (
        first_span(parts, not_a_record_cues.CITIZENS) is not None
        and first_span(parts, cues.MIGRANT_CONTEXT) is None
        and first_span(parts, cues.MIGRANT_JOURNEY) is None
    )


def state_fetches_its_citizens(parts: list[Part]) -> bool:
    """A state flying its own citizens or nationals home, with no word of removal,
    migration, detention or a border: the headline opens on the state fetching them
    ("Mongolia repatriates over 260 nationals from S. Korea", "España repatria a 180
    españoles desde Casablanca"), or the citizens were brought home from a state named
    ("340 Vietnamese citizens were repatriated from Japan on a flight"). Not from a Gulf
    state, whose "repatriations" of workers are removals."""
    if not citizens_home(parts):
        return False
    if any(m.entry.key in cues.GULF_HOSTS for p in parts for m in p.mentions):
        return False
    if first_span(parts, not_a_record_cues.CITIZENS_BROUGHT_HOME):
        return True
    title = next((p for p in parts if p.source == "title"), None)
    if title is None or not title.mentions:
        return False
    opening = title.mentions[0]
    return (
        opening.entry.kind == "country"
        and not title.folded[: opening.start].strip()
        and not_a_record_cues.BRINGS_HOME_AFTER.match(title.folded[opening.end : opening.end + 30])
        is not None
    )


_TITLE_CUES = (
    not_a_record_cues.EXPLAINER_TITLE,
    not_a_record_cues.GUIDE_TITLE,
    not_a_record_cues.FLIGHTS_QUESTION_TITLE,
    not_a_record_cues.PERCENT_TITLE,
    not_a_record_cues.COMMENTARY_TITLE,
    not_a_record_cues.OVERVIEW_TITLE,
)
OWN_OR_THINGS_CUES = (
    not_a_record_cues.NOT_A_REMOVAL,
    not_a_record_cues.LAND_HANDOVER,
    not_a_record_cues.EXTRADITION,
    not_a_record_cues.SENTENCE_SERVED,
    not_a_record_cues.REMAINS_FUNDS,
    not_a_record_cues.INADMISSION,
    not_a_record_cues.EVACUATION,
    not_a_record_cues.NOT_MIGRANTS,
    not_a_record_cues.CRISIS,
    not_a_record_cues.ENTRY_REFUSED,
)
"""Every cue :func:`own_citizens_or_things` can return true on after the headline's (a cue
added there is added here): when none is in any part, it is false without searching each."""
_OWN_OR_THINGS = cues.any_of(*OWN_OR_THINGS_CUES)


def own_citizens_or_things(parts: list[Part]) -> bool:
    """An evacuation of a country's own citizens, the repatriation of remains or funds,
    travellers refused entry (inadmissions), or an extradition or a prisoner sent to serve his
    sentence at home: unless deportation,
    expulsion or migrants are named; or a
    headline explaining how removals work in general."""
    if _explainer_title(parts):
        return True
    if all(_OWN_OR_THINGS.search(p.folded) is None for p in parts):
        return False  # none of OWN_OR_THINGS_CUES in any part (most items)
    if _not_a_removal(parts) or _entry_refused(parts):
        return True
    if first_span(parts, not_a_record_cues.EXTRADITION) or first_span(
        parts, not_a_record_cues.SENTENCE_SERVED
    ):
        return first_span(parts, cues.MIGRANT_CONTEXT) is None
    if first_span(parts, not_a_record_cues.REMAINS_FUNDS) or first_span(
        parts, not_a_record_cues.INADMISSION
    ):
        return first_span(parts, not_a_record_cues.REMOVAL) is None
    if first_span(parts, not_a_record_cues.EVACUATION):
        return _evacuation_of_own(parts)
    if first_span(parts, not_a_record_cues.NOT_MIGRANTS):
        return first_span(parts, cues.MIGRANT_CONTEXT) is None
    if first_span(parts, not_a_record_cues.CRISIS):
        if _stranded_in_transit(parts):
            return False  # "Libya returnees ... the war-torn North African country"
        return first_span(parts, cues.MIGRANT_CONTEXT) is None
    return False


def _entry_refused(parts: list[Part]) -> bool:
    """Travellers refused entry on arrival and sent back (an airport inadmission), even when
    called deported, unless the people are another state's deportees or a removal flight is
    refused (stop 53)."""
    if not first_span(parts, not_a_record_cues.ENTRY_REFUSED):
        return False
    return first_span(parts, not_a_record_cues.REFUSED_DEPORTEES) is None


def flight_money(parts: list[Part]) -> bool:
    """A headline on what removal flights cost or on their business (a contract, a licence, a
    cost), with no head count read and no single flight named in it: the money is the subject,
    not a flight (stop 48)."""
    title = next((p for p in parts if p.source == "title"), None)
    if title is None:
        return False
    if _cost_told(title) or _carrier_business(title):
        return True
    if not_a_record_cues.FLIGHT_MONEY_TITLE.search(title.folded) is None:
        return False
    if not_a_record_cues.SINGLE_FLIGHT_TITLE.search(title.folded):
        return False
    return read_people(parts) is None


def _cost_told(title: Part) -> bool:
    """A headline on what removals cost (money spent or paid on them, a cost compared, a cost
    per removal or person) naming no single flight: a cost, whatever head count the lede gives
    ("Londres gastó más de 14.000 euros en cada deportación"; stop 51)."""
    return (
        not_a_record_cues.COST_TOLD_TITLE.search(title.folded) is not None
        and not_a_record_cues.SINGLE_FLIGHT_TITLE.search(title.folded) is None
    )


_NAMED = frozenset({"country", "people", "place", "state_adj"})


def _carrier_business(title: Part) -> bool:
    """A carrier in the headline (a carrier word or a named carrier) ending, quitting,
    signing or winning its removal-flight business ("Avelo Ends ICE Deportation Flights"), with
    no head count and no single flight in the headline, one state named in it at most and none
    flown to (no route): the carrier's business, not a flight (stop 51)."""
    folded = title.folded
    # the rare cue first: most headlines name no carrier at all
    ends = [m.end() for m in not_a_record_cues.CARRIER_TITLE.finditer(folded)]
    ends += [m.end for m in title.mentions if m.entry.kind == "operator" and not m.entry.agency]
    if not any(not_a_record_cues.CARRIER_BUSINESS_AFTER.match(folded, end) for end in ends):
        return False
    if any(n.value >= 2 for n in title.numbers):
        return False
    if not_a_record_cues.SINGLE_FLIGHT_TITLE.search(folded):
        return False
    states = {m.entry.key if m.entry.kind in _NAMED else m.entry.state for m in title.mentions}
    return len(states - {None}) <= 1 and not any(
        m.entry.kind in _NAMED and not_a_record_cues.TO_BEFORE.search(folded, 0, m.start)
        for m in title.mentions
    )


def _explainer_title(parts: list[Part]) -> bool:
    """A headline explaining removals or giving a percentage; since stop 54 also one that
    surveys them (an explainer, what is known, a state's practices: ``OVERVIEW_TITLE``)."""
    title = next((p for p in parts if p.source == "title"), None)
    return title is not None and any(c.search(title.folded) for c in _TITLE_CUES)


def _not_a_removal(parts: list[Part]) -> bool:
    """A cue of no removal at all (a team, a domestic flight to the border and then land)."""
    return bool(
        first_span(parts, not_a_record_cues.NOT_A_REMOVAL)
        or first_span(parts, not_a_record_cues.LAND_HANDOVER)
    )


def _stranded_in_transit(parts: list[Part]) -> bool:
    """A transit or Gulf state named and no one evacuated: a return stays a return."""
    return names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS) and not first_span(
        parts, not_a_record_cues.EVACUATED
    )


def _evacuation_of_own(parts: list[Part]) -> bool:
    """With an evacuation cue: the people are the state's own, not removed migrants."""
    stranded = first_span(parts, not_a_record_cues.STRANDED)
    if stranded and first_span(parts, not_a_record_cues.PANDEMIC):
        if not (
            first_span(parts, not_a_record_cues.REMOVAL)
            or first_span(parts, not_a_record_cues.IOM_RETURN)
        ):
            return True  # "migrant workers who were stranded ... due to the pandemic"
    elif stranded and _stranded_in_transit(parts):
        # "162 stranded Nigerians in Libya arrive Lagos Airport"; a Gulf state's
        # "repatriations" of workers trapped there are removals (state_fetches_its_citizens)
        return False
    return first_span(parts, cues.MIGRANT_CONTEXT) is None


def statistics(parts: list[Part]) -> bool:
    """A count of five or more flights over a period in the headline or the lede's first
    sentence ("Mauritania ha recibido siete vuelos de deportación desde enero", "19 vuelos
    ... durante el primer semestre"): a tally, not a report of one flight; so is a headline
    on what was spent on removal flights, or what every flight does ("cada avión ... que
    aterriza"); since stop 49 also a headline counting ten or more over a span of days or
    months (bench/flights_prec49)."""
    for part in parts:
        first = part.opening
        if part.source == "title" and not_a_record_cues.SPENDING_TITLE.search(first):
            return True  # "Home Office spent £600,000 on deportation flights that ..."
        if part.source == "title" and (
            (
                not_a_record_cues.SCHEDULE.search(first)
                and not first_span(parts, not_a_record_cues.NEXT_FLIGHT_DAY)
            )
            or not_a_record_cues.TREND_TITLE.search(first)
            or _counted_over(part)
            or _removals_counted(part)
            or _span_tally(part)
        ):
            return True  # "... continúa cada martes", "Aumentan vuelos de deportación"
        if not_a_record_cues.GENERIC_REMOVAL.search(first):
            return True  # "los bolivianos que sean deportados ... serán trasladados"
        if not_a_record_cues.PERCENT_FLIGHTS.search(first) or not_a_record_cues.HABITUAL.search(
            part.folded
        ):
            return True  # "cada avión ... que aterriza trae de 75 a 130"
        if not (not_a_record_cues.PERIOD.search(first) or cues.PAST_SPAN.search(first)):
            continue  # "más de 300 vuelos ... en los últimos cinco años" is a span too
        for number in part.numbers:
            if number.start >= len(first) or number.value < 5:
                continue
            if cues.FLIGHT_COUNT_AFTER.match(part.folded[number.end : number.end + 40]):
                return True
    return _lede_tally(parts)


def _span_tally(title: Part) -> bool:
    """A headline counting ten or more over a span of days, weeks, months or years ("Kuwait
    deports 700 Filipinos in three months", "ICE has flown more than 450 migrants ... since
    December"), naming no single flight and no first or renewed removal: a tally (stop 49)."""
    folded = title.folded
    return (
        any(n.value >= 10 for n in title.numbers)
        and (
            not_a_record_cues.TALLY_SPAN_TITLE.search(folded) is not None
            or cues.PAST_SPAN.search(folded) is not None
        )
        and not_a_record_cues.SINGLE_FLIGHT_TITLE.search(folded) is None
        and not_a_record_cues.FIRST_OR_AGAIN_TITLE.search(folded) is None
    )


def _removals_counted(title: Part) -> bool:
    """A headline counting ten or more removals ("German pilots stopped 222 deportations")."""
    return any(
        n.value >= 10
        and not_a_record_cues.REMOVALS_COUNTED_AFTER.match(title.folded[n.end : n.end + 40])
        is not None
        for n in title.numbers
    )


def _counted_over(title: Part) -> bool:
    """A headline that counts a thousand or more people over a period ("la llegada de más de
    4,000 dominicanos repatriados desde EE.UU. en 2025"): a tally, not one flight."""
    return any(
        (
            n.value >= 1000
            and (
                not_a_record_cues.PERIOD.search(title.folded, n.end, n.end + 80) is not None
                or not_a_record_cues.SPAN_OF_TIME.search(title.folded, n.end, n.end + 80)
                is not None
                or not_a_record_cues.UNTIL_A_DAY.search(title.folded, n.end, n.end + 80) is not None
                or not_a_record_cues.MONTH_NAMED.search(title.folded, n.end, n.end + 80) is not None
            )
        )
        or (
            n.value >= 10
            and not_a_record_cues.MONTH_SPAN.search(title.folded, n.end, n.end + 80) is not None
        )
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
    if not not_a_record_cues.PERIOD.search(lede.opening):
        return False  # the lede opens on one removal ("26 ciudadanos ... fueron deportados")
    tallied = False
    for sentence in _SENTENCE.finditer(lede.folded):
        text, start = sentence.group(0), sentence.start()
        flights = list(cues.FLIGHT.finditer(text))
        if not flights:
            continue
        if not_a_record_cues.PERIOD.search(text) and any(
            start <= n.start < sentence.end()
            and n.value >= 5
            and cues.FLIGHT_COUNT_AFTER.match(lede.folded[n.end : n.end + 40])
            for n in lede.numbers
        ):
            tallied = True
            continue
        if not all(
            not_a_record_cues.NUMBER_OF_BEFORE.search(text[max(0, m.start() - 25) : m.start()])
            for m in flights
        ):
            return False
    return tallied


def proposal(parts: list[Part]) -> bool:
    """A headline on a proposal or a contingency plan for removal flights with nothing told
    as done ("México propone diversificar los vuelos de repatriación"): a policy item; since
    stop 50 also a removal only pending (:func:`_pending_title`)."""
    title = [p for p in parts if p.source == "title"]
    if _pending_title(title):
        return True
    return first_span(title, not_a_record_cues.PROPOSAL) is not None and not (
        first_span(parts, cues.STRONG_PAST) or agent_past(parts)
    )


def _pending_title(title: list[Part]) -> bool:
    """A headline on people arrested or jailed, facing or resisting a removal, or a vow to
    deport, that tells no removal as done and names no single flight ("US arrests 17 Fiji
    overstayers", "BI vows to deport swiftly more ex-POGO workers"): a removal only pending, not
    a flight (stop 50, bench/flights_prec50). Since stop 54 also people still awaiting their
    removal, in line or in process for it, its delay or an order to deport them
    (``PENDING_AHEAD``), unless a removal done is told beside those words: a flight named there
    is the one awaited ("51 Somalis still in cells awating deportation flight")."""
    if not title:
        return False
    folded = title[0].folded
    rest = not_a_record_cues.PENDING_AHEAD.sub(" ", folded)
    if rest != folded:  # a removal still ahead (stop 54): the flight named is the one awaited
        return not_a_record_cues.DONE_REMOVAL_TITLE.search(rest) is None
    return (
        not_a_record_cues.PENDING_TITLE.search(folded) is not None
        and not_a_record_cues.DONE_REMOVAL_TITLE.search(folded) is None
        and not_a_record_cues.SINGLE_FLIGHT_TITLE.search(folded) is None
    )


def airport_alone(parts: list[Part], flight: Span) -> bool:
    """An airport is the only flight word and no head count is given: people deported one
    by one from an airport ("deportó a Any Lucía López a Honduras desde un aeropuerto",
    predawn; "Several Tajik migrants were held at Moscow's Vnukovo airport ... deported",
    midday), not a removal flight; deportees who arrive there are."""
    if not not_a_record_cues.AIRPORT_WORD.fullmatch(flight.phrase.lower()):
        return False
    others = (
        m
        for part in parts
        for m in cues.FLIGHT.finditer(part.folded)
        if not not_a_record_cues.AIRPORT_WORD.fullmatch(m.group(0))
    )
    if next(others, None) is not None or first_span(parts, cues.ARRIVAL):
        return False  # deportees who arrive at an airport came by air (dawn fl-9045)
    return read_people(parts) is None


def by_sea_first(parts: list[Part], flight: Span) -> bool:
    """No flight word in the headline and a ship or boat named before the lede's first one:
    a removal by sea, with an earlier flight told as background."""
    if flight.source == "title":
        return False
    folded = next(p for p in parts if p.source == "summary").folded
    return any(
        not not_a_record_cues.CAME_BY_BEFORE.search(folded, max(0, m.start() - 80), m.start())
        for m in not_a_record_cues.BY_SEA.finditer(folded, 0, flight.start)
    )


def _opening(parts: list[Part]) -> list[str]:
    """The headline and the lede's first sentence, folded."""
    return [p.opening for p in parts]


def no_removal_at_issue(parts: list[Part]) -> bool:
    """With no flight word (twenty-ninth round): a court item weighing a detention, a lawsuit,
    due process or a legal status; people moved into a centre or depot; or a state ready to
    take its people back; mass removals planned, or millions of people. None of them is a removal
    flight."""
    opening = _opening(parts)
    if first_span(parts, cues.COURT) and any(
        not_a_record_cues.COURT_OTHER_ISSUE.search(o) for o in opening
    ):
        return True
    return any(
        not_a_record_cues.INTO_CUSTODY.search(o)
        or not_a_record_cues.READY_TO_TAKE_BACK.search(o)
        or not_a_record_cues.MASS_PLANNED_OR_MILLIONS.search(o)
        for o in opening
    )


def migrants_own_way(parts: list[Part]) -> bool:
    """Migrants flown on their own way ("Los vuelos a Nicaragua con migrantes cubanos ...
    facilitaba la emigración irregular"): the only deportation cues say migrants were
    carried, and the item tells of their journey towards a goal, not of a removal."""
    if first_span(parts, not_a_record_cues.MIGRANTS_OWN_WAY) is None:
        return False  # checked first: the cheaper scan, and rarely there
    carried = [m for part in parts for m in cues.DEPORT.finditer(part.folded)]
    return bool(carried) and all(
        not_a_record_cues.MIGRANTS_CARRIED.search(m.group(0)) for m in carried
    )


def unflown(parts: list[Part], origin: Clue | None, dest: Clue, people: Clue | None) -> bool:
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
        and frozenset((origin.value, dest.value)) in not_a_record_cues.LAND_NEIGHBOURS
        and not first_span(
            parts, not_a_record_cues.IOM_RETURN
        )  # the IOM's returns fly (fresh fl-6017)
    ):
        return True  # neighbours with no flight word: a land return
    if people is None or int(people.value) > 3:
        return False
    title = next((p for p in parts if p.source == "title"), None)
    return title is None or all(n.value <= 3 for n in title.numbers)


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
        if not_a_record_cues.PERIOD.search(scope) or cues.CUMULATIVE.search(scope):
            return True
    return False


def undestined_removal(
    parts: list[Part], origin: Clue | None, people: Clue | None, memo: Memo
) -> bool:
    """No destination named ("Expulsan a 138 migrantes desde Iquique"; several nationalities
    on one plane): still a record when the removing state, a head count, a flight and a day
    are all given, and the removal is told as done."""
    if origin is None or people is None or first_span(parts, cues.FLIGHT) is None:
        return False
    if _counted_over_a_period(parts, people.span):
        return False
    if read_status(parts, memo).value != "completed":
        return False
    return dated(parts)


EVACUATION_FLIGHT_WORD = "evacua"
"""What every match of ``not_a_record_cues.EVACUATION_FLIGHT`` holds ("evacuation",
"evacuacion")."""


def evacuation_flights(parts: list[Part]) -> bool:
    """Every flight the item names is an evacuation flight ("after boarding evacuation flights
    from Kabul"): a flight of another kind, whatever removal the item also mentions."""
    if not any(EVACUATION_FLIGHT_WORD in p.folded for p in parts):
        return False  # no evacuation flight named: none of the scans below can make it true
    flights = sum(1 for p in parts for _ in cues.FLIGHT.finditer(p.folded))
    evacuations = sum(
        1 for p in parts for _ in not_a_record_cues.EVACUATION_FLIGHT.finditer(p.folded)
    )
    return 0 < flights <= evacuations


def stranded_travellers(parts: list[Part]) -> bool:
    """Citizens or nationals stuck or stranded in a state and flown home ("repatriate more than
    1,000 Chinese citizens who have got stuck in Vietnam"), with no word of removal, migration
    or illegal stay and no transit or Gulf state named: travellers, not a removal."""
    return (
        first_span(parts, not_a_record_cues.STRANDED) is not None
        and first_span(parts, not_a_record_cues.CITIZENS) is not None
        and first_span(parts, not_a_record_cues.REMOVAL) is None
        and first_span(parts, cues.MIGRANT_CONTEXT) is None
        and first_span(parts, cues.MIGRANT_JOURNEY) is None
        and not names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
    )


def victims_freed(parts: list[Part]) -> bool:
    """People freed or rescued, or victims of trafficking, a scam or forced labour ("citizens
    freed from scam centres", "víctimas de trata"), with no removal, migrant or detention word
    and no transit or Gulf state named: their own state flying them home, whatever border the
    item names; "illegal" said of the scam centre is no migrant word (stop 52, V)."""
    if first_span(parts, not_a_record_cues.VICTIMS_FREED) is None:
        return False
    migrant = any(
        not not_a_record_cues.ILLEGAL_PLACE.match(p.folded, m.start())
        for p in parts
        for m in cues.MIGRANT_CONTEXT.finditer(p.folded)
    )
    return (
        not migrant
        and first_span(parts, not_a_record_cues.HELD) is None
        and not names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
    )


def _homecoming(parts: list[Part]) -> bool:
    """People brought or flown home ("Eight repatriation flights bring 1,207 Nepalis home")
    with no word of removal, migration or the people's plight, no removing agency (Home Office,
    ICE) and no transit or Gulf state migrants are returned from: travellers coming home, not a
    removal flight. Since stop 49 also a humanitarian or special flight, or people asking to go
    home ("A special aircraft will be departing from Sri Lanka to repatriate them"), when no
    removal word is named either: their own state fetching them (bench/flights_prec49)."""
    homecoming = first_span(parts, not_a_record_cues.HOMECOMING) is not None or (
        first_span(parts, not_a_record_cues.OWN_STATE_FLIGHT) is not None
        and first_span(parts, not_a_record_cues.REMOVAL) is None
    )
    return (
        homecoming
        and first_span(parts, cues.MIGRANT_CONTEXT) is None
        and first_span(parts, cues.MIGRANT_JOURNEY) is None
        and not names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS)
        and not any(m.entry.agency and not m.entry.receiver for p in parts for m in p.mentions)
    )


def unfounded(
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
    if not gate[2] and first_span(parts, not_a_record_cues.REMOVAL) is None:
        return True
    return destination is None and people is None and not dated(parts)
