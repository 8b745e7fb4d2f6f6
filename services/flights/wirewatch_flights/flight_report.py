"""Whether an item reports a flight: the flight and deportation cues of the "is a flight record"
gate.

A deportation cue (a removal word, demonyms flown or returned, a group sent back), then a
flight word or a named carrier, else a specific removal standing for one (a route, a counted
group the state moved, a resumption); the precision vetoes of not_a_record.py are asked in
between. Pure.
"""

from __future__ import annotations

import re
from itertools import pairwise

from wirewatch_flights import cues, flight_report_cues, not_a_record_cues
from wirewatch_flights.model import Span
from wirewatch_flights.not_a_record import (
    agent_past,
    airport_alone,
    by_sea_first,
    citizens_home,
    evacuation_flights,
    flight_money,
    migrants_own_way,
    no_removal_at_issue,
    own_citizens_or_things,
    proposal,
    state_fetches_its_citizens,
    statistics,
    stranded_travellers,
    victims_freed,
)
from wirewatch_flights.parts import COMMA, Part, dated, first_span, match_span, names_a_state
from wirewatch_flights.people import read_people
from wirewatch_flights.places import read_roles


def _named_units(part: Part) -> list[tuple[str, int, int]]:
    """Named states and places as (code, start, end), a place and its state written after
    a comma ("Tapachula, México", "El Paso, Texas") taken as one name."""
    units: list[tuple[str, int, int]] = []
    for m in part.mentions:
        if m.entry.kind not in ("country", "place"):
            continue
        last = units[-1] if units else None
        if last and last[0] == m.entry.key and COMMA.match(part.folded[last[2] : m.start]):
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
    strong = first_span(parts, cues.STRONG_PAST) or agent_past(parts)
    # A court stopping a removal to a named country is a blocked flight record.
    stopped = first_span(parts, cues.BLOCKED_STRONG) if first_span(parts, cues.COURT) else None
    specific = (
        first_span(parts, flight_report_cues.SPECIFIC)
        or strong
        or resuming
        or stopped
        or _returning_demonyms(parts)
    )
    if specific is None:
        return None
    people = read_people(parts) is not None or _uncounted_group_moved(parts)
    if resuming is None and not (people or stopped or _route(parts) or (strong and dated(parts))):
        return None
    if first_span(parts, flight_report_cues.POLICY) and not (strong or people):
        return None
    return specific


def _uncounted_group_moved(parts: list[Part]) -> bool:
    """A group named without a number ("Deports Dozens of Uyghurs", "el primer grupo de
    dominicanos") in an item with no plan in it: a particular group moved, as a head count
    would say; a group still to come ("set to receive its first batch") is no flight yet."""
    return first_span(parts, flight_report_cues.UNCOUNTED_GROUP) is not None and not first_span(
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
            return match_span(part, m)
    return None


def _tally_or_no_removal(parts: list[Part]) -> bool:
    """With no flight word: returns over land or sea, a tally over a span of time or of
    several states, or a state's citizens brought home; none of them is one flight."""
    return bool(
        first_span(parts, flight_report_cues.LAND_OR_SEA)
        or (_tally_over_a_span(parts) and not _running_total(parts))
        or first_span(parts, flight_report_cues.STATES_TALLY)
        or citizens_home(parts)
    )


def _running_total(parts: list[Part]) -> bool:
    """One removal told with the running total it brings ("EEUU repatria 96 dominicanos; suman
    1,503 en lo que va de 2025", "Llegan ... otros 93 deportados ...; se eleva a mil 244 el
    número"): a running-total word, the head count of one group (the people reader skips the
    total) and a stated day; the total is no tally of the item (stop 46). The word is read where
    the tallies are, in the headline or the lede's first sentence: a total told further on
    ("... through five charter flights on April 8-12, bringing the total number to 3,277", terce
    fl-28013) follows a tally's opening."""
    opening = any(flight_report_cues.RUNNING_TOTAL.search(part.opening) for part in parts)
    return opening and read_people(parts) is not None and dated(parts)


def _tally_over_a_span(parts: list[Part]) -> bool:
    """A span of time in the headline or the lede's first sentence ("Over the past two
    months more than 300 Haitians have been returned"): with no flight word, a tally."""
    for part in parts:
        first = part.opening
        if cues.PAST_SPAN.search(first):
            return True
        period = flight_report_cues.TALLY_PERIOD.search(first)
        if period and not flight_report_cues.RUNNING_ON_BEFORE.search(first, 0, period.start()):
            return True  # "Panamá ha expulsado a 87 cubanos en lo que va de año"
        if flight_report_cues.STATISTICS.search(first):
            return True  # "new statistics reveal that nearly 4,600 Sudanese ... were sent back"
        if any(
            n.value >= 1000 and flight_report_cues.SINCE_AFTER.search(first, n.end, n.end + 90)
            for n in part.numbers
            if n.start < len(first)
        ):
            return True  # "Over 1,000 Albanian nationals have been returned since the ..."
    return False


def _airport_tally(parts: list[Part], flight: Span) -> bool:
    """An airport is the only flight word and the headline or the lede's first sentence counts
    over a span of time ("over the past two months more than 300 Haitians have been returned",
    "se triplicaron en los últimos cinco años", "Desde el 20 de febrero hasta el 15 de julio"),
    with no running total of one removal and no first or renewed removal in the headline: people
    received at an airport over a period, a tally, not a flight (stop 52, B)."""
    if not not_a_record_cues.AIRPORT_WORD.fullmatch(flight.phrase.lower()):
        return False
    if any(
        not not_a_record_cues.AIRPORT_WORD.fullmatch(m.group(0))
        for part in parts
        for m in cues.FLIGHT.finditer(part.folded)
    ):
        return False
    title = next((p for p in parts if p.source == "title"), None)
    if title is not None and not_a_record_cues.FIRST_OR_AGAIN_TITLE.search(title.folded):
        return False
    spans = _tally_over_a_span(parts) or any(
        flight_report_cues.FROM_MONTH_TO_MONTH.search(part.opening) for part in parts
    )
    return spans and not _running_total(parts)


def _own_people_flown_home(parts: list[Part]) -> bool:
    """A state fetching its citizens, travellers stranded abroad, victims freed: no removal."""
    return state_fetches_its_citizens(parts) or stranded_travellers(parts) or victims_freed(parts)


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
    if title is None or not flight_report_cues.RETURNING.search(title.folded):
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
    if span is None or names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS):
        return span
    if first_span(parts, cues.MIGRANT_CONTEXT) or first_span(parts, cues.MIGRANT_JOURNEY):
        return span
    return None


def _in_opening(parts: list[Part], span: Span | None) -> bool:
    """Whether a span lies in the headline or the lede's first sentence."""
    if span is None:
        return False
    part = next(p for p in parts if p.source == span.source)
    return span.source == "title" or span.start < len(part.opening)


def _arriving_flight(parts: list[Part]) -> Span | None:
    """A flight of migrants arriving, told with no removal word ("Regresan a Corea del Sur los
    316 trabajadores detenidos en redada migratoria en EE.UU.", "México retorna a Honduras a 219
    integrantes de la caravana migrante", "US military planes carrying around 100 undocumented
    migrant lands to India"): the headline's arrival or return word, a flight or a carrier in the
    headline or the lede's first sentence, migrants or their plight named there (migrants,
    undocumented, detained, at a border: not a head count alone, which travellers and evacuees
    have too, "172 Mongolians return from South Korea"), and two states the roles reader tells
    apart (stop 47)."""
    title = next((p for p in parts if p.source == "title"), None)
    if title is None:
        return None
    word = cues.ARRIVAL.search(title.folded) or flight_report_cues.RETURNING.search(title.folded)
    if word is None:
        return None
    if not any(
        cues.MIGRANT_CONTEXT.search(p.opening) or cues.MIGRANT_JOURNEY.search(p.opening)
        for p in parts
    ):
        return None
    if not (_in_opening(parts, _flight_word(parts)) or _in_opening(parts, _carrier(parts))):
        return None
    origin, destination = read_roles(parts)
    if origin is None or destination is None or not destination.value:
        return None
    if origin.value in ("", destination.value):
        return None
    return match_span(title, word)


def _listed_force(part: Part, start: int, end: int) -> bool:
    """An air force named among the army, the navy or the police (the forces of a raid),
    not as the carrier of a flight."""
    force = flight_report_cues.AIR_FORCE.search(part.folded, max(0, start - 8), end + 12)
    if force is None:
        return False
    return (
        flight_report_cues.OTHER_FORCES.search(part.folded, max(0, start - 80), end + 80)
        is not None
    )


def _flight_word(parts: list[Part]) -> Span | None:
    """The first flight word that is not denied ("no plans for such flights")."""
    for part in parts:
        for m in cues.FLIGHT.finditer(part.folded):
            start = max(0, m.start() - 30)
            if not (
                flight_report_cues.NO_FLIGHT_BEFORE.search(part.folded, start, m.start())
                or flight_report_cues.AIRLINE_CUT_BEFORE.search(part.folded, start, m.start())
                or flight_report_cues.FLIGHTS_LACKING_BEFORE.search(part.folded, start, m.start())
                or flight_report_cues.OWN_ARRIVAL_BEFORE.search(part.folded, start, m.start())
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
    return bool(
        flight_report_cues.SPANISH_PLANS.search(before)
        or flight_report_cues.SPANISH_PLANS.search(after)
    )


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


def _deport_cue(parts: list[Part]) -> Span | None:
    """The first deportation or return cue that is not a return only made possible ("la
    posibilidad de retorno para migrantes")."""
    for part in parts:
        maybe = [m.span() for m in flight_report_cues.HYPOTHETICAL_RETURN.finditer(part.folded)]
        for m in cues.DEPORT.finditer(part.folded):
            if not any(a < m.end() and m.start() < b for a, b in maybe):
                return Span(part.source, m.start(), m.end(), part.text[m.start() : m.end()])
    return None


def _removal_cue(parts: list[Part]) -> Span | None:
    """The gate's deportation cue: a removal word, else demonyms flown, a group's return, or a
    flight of migrants arriving (told with no removal word)."""
    return (
        _deport_cue(parts)
        or _flown_demonyms(parts)
        or _group_return(parts)
        or _arriving_flight(parts)
    )


def is_flight_report(parts: list[Part]) -> tuple[Span, Span, bool] | None:
    """The flight and deportation cues when the item is about deporting people by air, and
    whether a flight word or a carrier was named (else a specific removal stood for one)."""
    deport = _removal_cue(parts)
    if deport is None or own_citizens_or_things(parts):
        return None
    if statistics(parts) and not _running_total(parts):
        return None
    if flight_money(parts):
        return None
    if _own_people_flown_home(parts):
        return None
    if proposal(parts) or migrants_own_way(parts):
        return None
    flight = _flight_word(parts) or _carrier(parts)
    if flight is None and no_removal_at_issue(parts):
        return None
    if flight is not None and (
        airport_alone(parts, flight)
        or by_sea_first(parts, flight)
        or evacuation_flights(parts)
        or _airport_tally(parts, flight)
    ):
        return None
    if flight is not None:
        return flight, deport, True
    removal = _removal_without_flight_word(parts)
    return None if removal is None else (removal, deport, False)
