"""The stop-41 candidate vetoes (see veto_measure.py), as written before measuring them."""

from __future__ import annotations

import re
from collections.abc import Callable

from wirewatch_flights import cues, flight_report_cues, not_a_record_cues
from wirewatch_flights.not_a_record import citizens_home
from wirewatch_flights.parts import Part, first_span, names_a_state

_M = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)
# A count running over a stretch of time: a range of days, a span counted back from now, or a
# length of time.
DAY_RANGE = re.compile(
    r"\b(?:desde|from|since|entre|between) (?:el |the )?\d{1,2}(?:st|nd|rd|th)? (?:de )?"
    + _M
    + r"(?: (?:de )?\d{4})?(?:,? (?:pasado|last))?\b"
    + r"|\b(?:from|desde|del) "
    + _M
    + r" \d{1,2},? (?:to|through|until|al|hasta) "
)
SPAN = re.compile(
    r"\b(?:in|within|over|en|durante) (?:the |the past |the last |los ultimos |las ultimas )?"
    r"(?:one|a|two|three|four|five|six|seven|eight|nine|ten|un|una|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|nueve|diez|\d{1,2}) (?:years?|months?|weeks?|anos?|mes|meses|semanas?)\b"
    r"|\bover a (?:week|month|year)\b|\ben (?:una|la ultima) semana\b"
)
LAND_TITLE = re.compile(
    r"\b(?:por|a traves de|across|over|at) (?:la |the )?(?:frontera|border)\b"
    r"|\b(?:por tierra|via terrestre|by land|overland|on foot|a pie|by bus|en autobus\w*)\b"
)
INADMITTED = re.compile(
    r"\b(?:not (?:been )?allowed to enter|refused entry|denied entry|"
    r"neg[oó] (?:la )?(?:entrada|ingreso)|"
    r"niega (?:el )?ingreso|negativas para que|no se les permitio (?:el )?(?:ingreso|entrar)|"
    r"detained at (?:the )?[\w ]{0,40}airport|detenidos en (?:los |el )?aeropuertos?|"
    r"retenid[oa]s en (?:diferentes )?(?:salas del )?aeropuerto)"
)


def _title(parts: list[Part]) -> Part | None:
    return next((p for p in parts if p.source == "title"), None)


def _opening(parts: list[Part]) -> list[str]:
    return [p.folded if p.source == "title" else p.folded.split(". ", 1)[0] for p in parts]


def _title_flight(parts: list[Part]) -> bool:
    """A flight word in the headline that is not an airport."""
    title = _title(parts)
    return title is not None and any(
        not not_a_record_cues.AIRPORT_WORD.fullmatch(m.group(0))
        for m in cues.FLIGHT.finditer(title.folded)
    )


def own_citizens(parts: list[Part]) -> bool:
    """C1: citizens or nationals with no word of removal, migration or plight (citizens_home),
    whatever flight word, whatever state."""
    return citizens_home(parts)


def own_citizens_crisis(parts: list[Part]) -> bool:
    """C1b: C1 and a crisis, an evacuation, a pandemic or a homecoming named."""
    return citizens_home(parts) and bool(
        first_span(parts, not_a_record_cues.CRISIS)
        or first_span(parts, not_a_record_cues.EVACUATION)
        or first_span(parts, not_a_record_cues.PANDEMIC)
        or first_span(parts, not_a_record_cues.HOMECOMING)
    )


def tally_span(parts: list[Part]) -> bool:
    """C2: no flight word in the headline (an airport aside) and a span of time in the
    headline or the lede's first sentence."""
    if _title_flight(parts):
        return False
    return any(
        cues.PAST_SPAN.search(o)
        or flight_report_cues.TALLY_PERIOD.search(o)
        or SPAN.search(o)
        or DAY_RANGE.search(o)
        for o in _opening(parts)
    )


def tally_span_title(parts: list[Part]) -> bool:
    """C2b: C2 with the span in the headline only."""
    title = _title(parts)
    if title is None or _title_flight(parts):
        return False
    o = title.folded
    return bool(
        cues.PAST_SPAN.search(o)
        or flight_report_cues.TALLY_PERIOD.search(o)
        or SPAN.search(o)
        or DAY_RANGE.search(o)
    )


def land_title(parts: list[Part]) -> bool:
    """C3: the headline names a land way out and no flight."""
    title = _title(parts)
    return title is not None and not _title_flight(parts) and bool(LAND_TITLE.search(title.folded))


def inadmitted(parts: list[Part]) -> bool:
    """C4: travellers refused entry or held at an airport named in the opening, no flight word in
    the headline."""
    return not _title_flight(parts) and any(INADMITTED.search(o) for o in _opening(parts))


CANDIDATES: dict[str, Callable[[list[Part]], bool]] = {
    "C1 own citizens": own_citizens,
    "C1b own citizens + crisis/homecoming": own_citizens_crisis,
    "C2 span in opening, no flight in title": tally_span,
    "C2b span in title, no flight in title": tally_span_title,
    "C3 land way in title": land_title,
    "C4 inadmission in opening": inadmitted,
}


# Second pass, narrowed after the first measurement (written before measuring again).
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
)
OCCASION = re.compile(
    r"\b" + _WEEKDAY + r"\b"
    r"|\b(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening)|"
    r"hoy|ayer|anoche|esta (?:manana|tarde|noche|madrugada)|"
    r"la (?:manana|tarde|noche|madrugada) de)\b"
    r"|\b(?:first|second|third|fourth|fifth|sixth|latest|last|next|primer|primero|segundo|tercer|"
    r"tercero|cuarto|quinto|sexto|ultimo)\w* (?:\w+ ){0,2}?"
    r"(?:flights?|vuelos?|charters?|planes?|aviones?|group|grupo|batch|lote)\b"
    r"|\b(?:una|la|the|an|this|esta) (?:\w+ )?(?:operacion|operation|operativo)\b"
    # third pass (the version wired in, then taken out after the judge gate): a digit ordinal
    # or one flight named in the singular is an occasion too
    r"|\b\d{1,3}(?:st|nd|rd|th|o|a|er|ro|do|to|vo|mo|no)?\.? (?:\w+ ){0,2}?(?:flights?|vuelos?|"
    r"charters?|group|grupo)\b"
    r"|\b(?:flight|vuelo|plane|avion|aircraft|aeronave|airplane|charter|jet)\b"
)
DATE_ALONE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:de )?" + _M + r"\b|\b" + _M + r" \d{1,2}\b")
RANGE_BEFORE = re.compile(
    r"(?:\bdesde|\bfrom|\bsince|\bhasta|\bto|\buntil|\bthrough|\bbetween|\bentre|\bal|\by|\band)"
    r"\s+(?:el\s+|the\s+)?$"
)


def _occasion(parts: list[Part]) -> bool:
    """A particular occasion: a weekday, today or yesterday, a numbered flight or group, or a
    day named outside a range ("on May 29", not "from June 28 to July 5")."""
    for part in parts:
        if OCCASION.search(part.folded):
            return True
        for m in DATE_ALONE.finditer(part.folded):
            if not RANGE_BEFORE.search(part.folded[max(0, m.start() - 12) : m.start()]):
                return True
    return False


def tally_no_occasion(parts: list[Part]) -> bool:
    """C2': C2 and no particular occasion anywhere in the item."""
    return tally_span(parts) and not _occasion(parts)


ENTRY_BEFORE = re.compile(
    r"\b(?:ingres|entr|cruz|entered|crossed|arriv|lleg)\w*\s+(?:\w+\s+){0,2}$"
)


def land_title_removal(parts: list[Part]) -> bool:
    """C3': C3 with the land way not the way people came in ("que ingresaron por la frontera")."""
    title = _title(parts)
    if title is None or _title_flight(parts):
        return False
    return any(
        not ENTRY_BEFORE.search(title.folded[max(0, m.start() - 30) : m.start()])
        for m in LAND_TITLE.finditer(title.folded)
    )


def inadmitted_no_arrival(parts: list[Part]) -> bool:
    """C4': C4 with no arrival or return in the headline ("43 deportees arrive, one refused
    entry" is an arrival of deportees)."""
    title = _title(parts)
    return inadmitted(parts) and not (
        title is not None and flight_report_cues.RETURNING.search(title.folded)
    )


CANDIDATES = {
    "C2' span in opening, no flight in title, no occasion": tally_no_occasion,
    "C3' land way out in title": land_title_removal,
    "C4' inadmission, no arrival in title": inadmitted_no_arrival,
}

AUTHORITY = re.compile(
    r"\b(?:immigration|inmigracion|migracion|migraciones|border|frontera|interior|security|"
    r"seguridad|police|policia)\b"
)


def own_citizens_no_authority(parts: list[Part]) -> bool:
    """C1': C1 with no transit or Gulf state named and no immigration, border, interior or
    police authority named (the sending state's removal machinery)."""
    if not citizens_home(parts):
        return False
    if names_a_state(parts, cues.TRANSIT_HOSTS | cues.GULF_HOSTS):
        return False
    return not any(AUTHORITY.search(p.folded) for p in parts)


CANDIDATES["C1' own citizens, no host, no authority"] = own_citizens_no_authority


# Third pass: the versions wired into the extractor, then taken out (the judge gate, see README).
LAND_WAY_OUT = re.compile(
    r"\b(?:por|a traves de|across) (?:la |the )?(?:frontera|border)\b"
    r"|\b(?:por tierra|via terrestre|by land|overland|on foot|a pie|by bus|en autobus\w*)\b"
)
REFUSED_ENTRY = re.compile(
    r"\b(?:have not been allowed to enter|refused entry|denied entry|"
    r"nego (?:la )?(?:entrada|ingreso)|"
    r"niega (?:el )?ingreso|negativas para que|no se les permitio (?:el )?(?:ingreso|entrar)|"
    r"retenid[oa]s en (?:diferentes )?salas del aeropuerto)"
)


def land_way_out(parts: list[Part]) -> bool:
    """C3'': a headline with no flight word that puts people out over a land border or by road."""
    title = _title(parts)
    if title is None or _title_flight(parts):
        return False
    return any(
        not ENTRY_BEFORE.search(title.folded[max(0, m.start() - 30) : m.start()])
        for m in LAND_WAY_OUT.finditer(title.folded)
    )


def refused_entry(parts: list[Part]) -> bool:
    """C4'': travellers refused entry or held in an airport's rooms in the opening; no flight
    word and no arrival or return in the headline."""
    title = _title(parts)
    if _title_flight(parts) or (
        title is not None and flight_report_cues.RETURNING.search(title.folded)
    ):
        return False
    return any(REFUSED_ENTRY.search(o) for o in _opening(parts))


def wired(parts: list[Part]) -> bool:
    """The three rules as wired in at first (C2'' with the singular-flight occasion, C3'', C4'')."""
    return tally_no_occasion(parts) or land_way_out(parts) or refused_entry(parts)


def wired_last(parts: list[Part]) -> bool:
    """The two rules left after the tally rule was taken out (C3'', C4'')."""
    return land_way_out(parts) or refused_entry(parts)


CANDIDATES = {
    "C1 own citizens": own_citizens,
    "C1b own citizens + crisis/homecoming": own_citizens_crisis,
    "C1' own citizens, no host, no authority": own_citizens_no_authority,
    "C2 span in opening, no flight in title": tally_span,
    "C2b span in title, no flight in title": tally_span_title,
    "C2'' span, no flight in title, no occasion (final)": tally_no_occasion,
    "C3 land way in title": land_title,
    "C3'' land way out in title (final)": land_way_out,
    "C4 inadmission in opening": inadmitted,
    "C4'' refused entry, no arrival in title (final)": refused_entry,
    "wired first (C2'' + C3'' + C4'')": wired,
    "wired last (C3'' + C4'')": wired_last,
}
