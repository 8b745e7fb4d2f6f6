"""The origin and destination fields: the state that removed the people, and the one they
were flown to.

Each country, place, demonym or agency mention is scored as origin or destination by the
cue words around it (roles.py); lists of states, mixed origins and agencies of another state
are weighed here, then each role takes its best mention. With no destination cue the
headline's country stands in; with no origin, the dateline or the first other state. Pure.
"""

from __future__ import annotations

import re
from itertools import pairwise

from wirewatch_flights import cues
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.parts import COMMA, Part
from wirewatch_flights.roles import (
    Roles,
    on_the_migrants_route,
    score_between_pair,
    score_mention,
    score_people_places,
    score_route_pairs,
)
from wirewatch_flights.text import fold

# The cues only this module reads (folded text); those it shares with roles.py are in cues.py.
DEPORTED_FROM = re.compile(
    r"(?:deported|expelled|removed|returned|deportad[oa]s|expulsad[oa]s|retornad[oa]s|"
    r"devuelt[oa]s) (?:from|de|desde)\s+(?:the\s+)?$"
)
"""Right before a state: where a group was deported from ("30 Pakistanis deported from
Greece ... and 139 deported from Saudi Arabia": two origins, none)."""
NO_SENDER = frozenset({"EH"})
"""A territory with no state of its own to remove anyone (Western Sahara: "deportaciones de
migrantes desde el Sáhara Occidental" are Morocco's): never the origin."""
SUBJECT_VERB_AFTER = re.compile(
    r"^\s+(?:expects?|plans?|says?|said|confirms?|confirmed|announces?|announced|insists?|"
    r"vows?|prev[eé]|planea|confirma|confirmo|anuncia|anuncio|asegura|aseguro|insiste)\b"
)
"""After a state that opens a sentence ("BRITAIN expects the first flight to depart for
Rwanda", "EEUU confirma que los primeros vuelos ..."): the state that speaks for its own
removals, when the flight goes to another state."""
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+|\.-\s*|\u2014\s*|--\s*)\W*$")
STOPOVER_BEFORE = re.compile(
    r"\b(?:escala|escalas|stopover|stop-over|layover|refuelling stop|refueling stop)\s+"
    r"(?:tecnica\s+)?(?:in|en|at)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""'con destino Lima y escala en Bogotá' (predawn fl-9614): a stop on the way is neither
where the flight left nor, alone, where the people were taken from."""
SEIZED_ACROSS_BEFORE = re.compile(
    r"\b(?:locations|places|cities|raids|redadas|operativos|lugares|ciudades)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:all over|across|throughout|en todo|en toda|a lo largo de)"
    r"\s+(?:the\s+|el\s+|la\s+)?$"
)
"""'seized ... at around 40 locations all over Norway': where the people were taken from."""


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
            if _AND.match(between) and not (COMMA.match(between) and a.entry.kind != b.entry.kind):
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
            and DEPORTED_FROM.search(part.folded[max(0, m.start - 25) : m.start])
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
    for code in NO_SENDER:
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


def _sender_states(parts: list[Part]) -> set[str]:
    """The states an agency, air force or state signal named in the item implies as the
    deporting state (the Home Office: GB), but an agency named with another country."""
    return {
        m.entry.state
        for part in parts
        for n, m in enumerate(part.mentions)
        if m.entry.kind in ("operator", "signal")
        and m.entry.state
        and not _agency_of_another_state(part, n)
    }


def _sender_only(roles: Roles, parts: list[Part]) -> Winner:
    """The one state that is a candidate for either role wins both, and an agency, air force
    or state signal of the item names it as the deporting state: it is the origin, and the
    destination stays open ("The Home Office ... asylum seekers who have recently arrived to
    the UK")."""
    dest, origin = roles.destination.winner(), roles.origin.winner()
    if not (dest and origin and dest[0] == origin[0]):
        return None
    code = dest[0]
    if roles.origin.scores[code] >= roles.destination.scores[code]:
        return None  # main reads it as the origin already
    if roles.destination.winner(exclude=code) or roles.origin.winner(exclude=code):
        return None
    return origin if code in _sender_states(parts) else None


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
            if m.entry.key in (dest, *NO_SENDER) or m.entry.kind not in ("country", "place"):
                continue
            before = part.folded[max(0, m.start - 60) : m.start]
            span = Span(part.source, m.start, m.end, part.text[m.start : m.end])
            if (
                m.entry.kind == "country"
                and SENTENCE_START_BEFORE.search(before)
                and SUBJECT_VERB_AFTER.match(part.folded[m.end : m.end + 30])
            ):
                return m.entry.key, span
            if found is None and (
                SEIZED_ACROSS_BEFORE.search(before)
                or (
                    cues.PLACE_IN_BEFORE.search(before)
                    and not cues.ARRIVAL.search(before)
                    and not STOPOVER_BEFORE.search(before)
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
            if STOPOVER_BEFORE.search(part.folded[max(0, m.start - 40) : m.start]):
                continue  # "escala en Bogotá": a stop on the way, not where it left
            code = m.entry.state if m.entry.kind in ("operator", "signal") else m.entry.key
            if code is not None and code != dest and code not in NO_SENDER:
                return code, Span(part.source, m.start, m.end, part.text[m.start : m.end])
    return None


def _final_origin(roles: Roles, parts: list[Part], dest: Winner) -> Winner:
    """The origin once the destination is read: the best other state, else the fallback; none
    when the origin is mixed or several states sent the flights together."""
    origin = roles.origin.winner(exclude=dest[0] if dest else None)
    if origin is None and dest is not None:
        origin = _fallback_origin(parts, dest[0])
    if origin is not None and (
        _mixed_origin(parts, origin[0])
        or _coordinated_states(parts, origin[0], dest[0] if dest else None)
    ):
        return None
    return origin


def read_roles(parts: list[Part]) -> tuple[Clue | None, Clue | None]:
    roles = _scored_roles(parts)
    sender = _sender_only(roles, parts)
    if sender is not None:  # the destination stays open: the field is null
        return Clue("origin", sender[0], sender[1]), Clue("destination", "", sender[1])
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
    origin = _final_origin(roles, parts, dest)
    return (
        Clue("origin", origin[0], origin[1]) if origin else None,
        Clue("destination", dest[0], dest[1]) if dest else None,
    )
