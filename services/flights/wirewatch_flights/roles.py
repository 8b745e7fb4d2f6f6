"""Who sends and who receives: origin and destination from place mentions and the
words around them. Pure.

Each mention of a country (name, demonym of the deported people, state adjective,
city or airport, or an agency that implies its state) scores for the roles its
context supports; the best-scoring country per role wins, and a role with no
supporting cue stays empty rather than guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from wirewatch_flights import cues, role_cues
from wirewatch_flights.lexicon import Mention, load_lexicon
from wirewatch_flights.model import Source, Span

_GOVERNMENT = re.compile(
    r"administration|administracion|gobierno|government|white house|casa blanca|washington|"
    r"trump|biden"
)
TITLE_WEIGHT = 1.5
GOVERNMENT_BONUS = 1.5
MIN_SCORE = 1.5
BACKGROUND_WEIGHT = 0.3
NAMED_CUE = 1.5
"""A place in a concurrent-event clause ("mientras una caravana procedente de Honduras...")."""
NAMED_MARGIN = 1.0
"""How far a place a cue names as the destination may trail a demonym alone and still win,
when its best cue is the stronger (the figures were the same from 0.5 to 3)."""
_WINDOW = 60
_FETCH_WINDOW = 100
"""'Vietnam sent a special flight to Taiwan Monday (Sept. 21) to take': a longer reach."""
AUTHORITY_OF = 1.5
"""A state's or city's authorities ("the authorities of X") act for the deporting state."""


@dataclass
class Tally:
    """Role scores per country, with the best evidence for each."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    best: dict[str, tuple[float, Span]] = field(default_factory=dict)

    named: set[str] = field(default_factory=set)
    """Codes scored through a country or place name (not only a demonym): on a tie, a
    place named as such wins ("venezolanos" deported "a El Salvador": SV)."""

    def add(self, code: str, score: float, span: Span, named: bool = False) -> None:
        if score <= 0:
            return
        if named:
            self.named.add(code)
        self.scores[code] += score
        if code not in self.best or score > self.best[code][0]:
            self.best[code] = (score, span)

    def winner(self, exclude: str | None = None) -> tuple[str, Span] | None:
        ranked = sorted(
            (
                (round(s, 6), c in self.named, round(self.best[c][0], 6), c)
                for c, s in self.scores.items()
                if c != exclude and s >= MIN_SCORE
            ),
            reverse=True,
        )
        if not ranked:
            return None
        code = ranked[0][3]
        if not ranked[0][1]:
            # a demonym alone ("Venezuelan gang members") against a place a cue names as
            # the destination ("arrive in El Salvador") close behind: the named place
            close = [
                r
                for r in ranked[1:]
                if r[1] and r[0] >= ranked[0][0] - NAMED_MARGIN and r[2] > ranked[0][2]
            ]
            if close:
                code = close[0][3]
        return code, self.best[code][1]


@dataclass
class Roles:
    origin: Tally = field(default_factory=Tally)
    destination: Tally = field(default_factory=Tally)


def _before(folded: str, mention: Mention) -> str:
    return folded[max(0, mention.start - _WINDOW) : mention.start]


def _after(folded: str, mention: Mention) -> str:
    return folded[mention.end : mention.end + _WINDOW]


def _people_context(folded: str, mention: Mention, source: Source) -> bool:
    """A demonym that names the deported people ("304 venezolanos", "Guatemalan
    deportees", a headline's "Hondureños detenidos en Florida llegan deportados") rather
    than a state ("Colombian authorities")."""
    before = _before(folded, mention)[-25:]
    after = _after(folded, mention)[:30]
    return bool(
        (source == "title" and cues.DEPORT.search(folded))
        or cues.PEOPLE_NOUN.search(after[:20])
        or cues.DEPORT.search(after)
        or cues.DEPORT.search(before)
        or any(ch.isdigit() for ch in before[-8:])
        or cues.PEOPLE_NOUN.search(before[-14:])
        or before.endswith("nacionalidad ")  # "77 migrantes de nacionalidad salvadoreña"
    )


def _authority(folded: str, mention: Mention) -> bool:
    """A people's name standing for its state's authorities ("Malaysian authorities", "las
    autoridades mexicanas")."""
    return bool(
        role_cues.AUTHORITY_AFTER.match(_after(folded, mention)[:40])
        or role_cues.AUTHORITY_BEFORE.search(_before(folded, mention)[-45:])
    )


def _authorities_of(folded: str, mention: Mention) -> bool:
    """ "the authorities of X" / "the Authority in X" that remove people ("Las autoridades de
    Estados Unidos deportaron"); not a ministry that speaks ("El Ministerio del Interior de
    Venezuela informó")."""
    if not role_cues.AUTHORITY_OF_BEFORE.search(_before(folded, mention)[-45:]):
        return False
    after = _after(folded, mention)
    return bool(cues.SENDER_VERB_AFTER.search(after) or cues.DEPORT.search(after[:40]))


def _cue_scores(folded: str, mention: Mention, until: int | None = None) -> tuple[float, float]:
    """(origin, destination) scores from the words right before and after a place. A verb
    after another state's name (``until``) is that state's ("Nigerians as Ghana Receives")."""
    before = _before(folded, mention)
    after = _after(folded, mention)
    verb_after = after if until is None else after[: max(0, until - mention.end)]
    if cues.NOT_A_ROLE_BEFORE.search(before):
        return 0.0, 0.0
    origin, destination, strong = _scores_before(before, after, mention)
    if strong == "destination" and _fetched_from(before, after, mention):
        origin, destination, strong = 3.0, 0.0, "origin"  # "sent a flight to Taiwan to take"
    if strong == "destination" and on_the_migrants_route(folded, mention):
        destination, strong = 0.0, ""
    if role_cues.STOP_ON_THE_WAY_AFTER.match(after):
        destination, strong = 0.0, ""  # "flown to Djibouti en route to South Sudan": a stop
    if _brought_to_be_removed(before, after):
        origin, destination = origin + max(destination, 1.5), 0.0
    if mention.entry.kind == "country" and role_cues.FETCHES_OWN_AFTER.match(verb_after):
        return origin, destination + 3.0  # "Ethiopia resumes repatriating ... nationals from"
    if mention.entry.kind == "country" and _sends_to_fetch(folded, mention):
        return origin, destination + 3.0  # "Iraq sends two airplanes to take some migrants"
    name_origin, name_destination = _scores_of_the_name(after, mention)
    if (
        mention.entry.kind in _NAMED
        and cues.PLACE_IN_BEFORE.search(before[-12:])
        and not after.lstrip().startswith(",")  # "En Chile, el gobierno expulsó": a scene
    ):
        verb_after = ""  # "Deportation freight in Iraq started": the verb is not the place's
    if mention.entry.kind == "country" and _repatriates_others(after, verb_after, mention):
        verb_after = ""
        origin += 3.0  # "Myanmar repatriates China nationals": the sender, as "deports"
    verb_origin, verb_destination = _scores_of_the_verb_after(verb_after, strong)
    return origin + name_origin + verb_origin, destination + name_destination + verb_destination


def _repatriates_others(after: str, verb_after: str, mention: Mention) -> bool:
    """A country that repatriates another state's people (its demonym, its name with a people
    noun, or foreigners): it sends them, as a state that deports does; its own people are not
    (``role_cues.FETCHES_OWN_AFTER``). The verb is the place's (``verb_after``: before another
    state is named); its object may be that state ("repatriates China nationals")."""
    verb = role_cues.REPATRIATES_AFTER.match(verb_after)
    if verb is None:
        return False
    rest = after[verb.end() :]
    if role_cues.FOREIGNERS.match(rest):
        return True
    for other in load_lexicon().mentions(rest, rest):
        if not role_cues.OBJECT_WORDS.match(rest[: other.start]):
            return False
        if other.entry.key == mention.entry.key:
            return False
        kind = other.entry.kind
        return kind == "people" or (
            kind == "country" and bool(cues.PEOPLE_NOUN.match(rest[other.end :].lstrip()))
        )
    return False


def _sentence_head(text: str) -> str:
    """The text up to the end of its sentence."""
    end = role_cues.SENTENCE_END.search(text)
    return text if end is None else text[: end.start()]


def _sentence_tail(text: str) -> str:
    """The text from the start of its last sentence."""
    ends = list(role_cues.SENTENCE_END.finditer(text))
    return text if not ends else text[ends[-1].end() :]


def fetching_flight(before: str, after: str) -> bool:
    """A flight or plane sent or leaving for a place "to take / para repatriar" people (``before``
    ends where the place starts, ``after`` starts where it ends): it fetches them from there."""
    near = _sentence_tail(before)
    if not (role_cues.SENT_AIRCRAFT.search(near) and role_cues.SENDING_VERB.search(near)):
        return False
    if role_cues.REMOVAL_WORD_BEFORE.search(near):
        return False  # "a deportation flight left for Guatemala to repatriate ...": not a fetch
    return bool(role_cues.FETCH_PURPOSE_AFTER.match(_sentence_head(after)))


def _sends_to_fetch(folded: str, mention: Mention) -> bool:
    """A state that sends its own flight to take people home: the state they are flown to."""
    after = _sentence_head(folded[mention.end : mention.end + _FETCH_WINDOW])
    return bool(role_cues.SENDS_TO_FETCH_AFTER.match(after))


def _fetched_from(before: str, after: str, mention: Mention) -> bool:
    """A state or place a flight was sent to, to take people home: where they are taken from."""
    return mention.entry.kind in _NAMED and fetching_flight(before, after)


def _brought_to_be_removed(before: str, after: str) -> bool:
    """ "llegaron al aeropuerto de Latacunga para ser deportados": the people arrived there to
    be flown out, so the place is the origin."""
    return bool(
        cues.ARRIVAL.search(before[-45:])
        and role_cues.TO_BE_REMOVED.search(after[:40].split(". ", 1)[0])
    )


def on_the_migrants_route(folded: str, mention: Mention) -> bool:
    """ "transitaban por la selva del Darién con destino a Estados Unidos": the place the
    migrants were heading for, not the flight's destination (unless a removal word comes
    between)."""
    far = folded[max(0, mention.start - 2 * _WINDOW) : mention.start]
    journey = role_cues.JOURNEY_BEFORE.search(far)
    start = journey.start() if journey else -1
    if journey is None:
        late = role_cues.JOURNEY_NEAR_BEFORE.match(far)
        start = late.start("cue") if late else -1
    if start < 0 or cues.DEPORT.search(far[start:]):
        return False
    # "after they were flown to Djibouti en route to South Sudan": the flight's own way on
    return not role_cues.FLOWN_ON_BEFORE.search(far[:start])


Strength = Literal["origin", "destination", ""]
"""Which role a strong cue before the place gave it ("from X", "to X"), if any."""


def _scores_before(before: str, after: str, mention: Mention) -> tuple[float, float, Strength]:
    """(origin, destination, strong role) from the words before the place: the first cue
    that applies, strongest first."""
    if cues.TURNED_BACK_BEFORE.search(before):
        return 3.0, 0.0, "origin"  # "was forced to return to Dublin": where the flight left
    if from_cue := cues.ORIGIN_BEFORE_STRONG.search(before):
        return _scores_after_from(before, from_cue)
    if role_cues.NATIVES_OF_BEFORE.search(before):
        return 0.0, 1.5, ""  # "migrantes originarios de India": who they are
    if role_cues.ARRIVED_BEFORE.search(before):
        return 2.0, 0.0, ""  # "asylum seekers who arrived in the UK"
    if _strong_destination_before(before, mention):
        return 0.0, 3.0, "destination"
    return _weak_scores_before(before, after, mention)


def _scores_after_from(before: str, from_cue: re.Match[str]) -> tuple[float, float, Strength]:
    """A strong origin cue ("from", "desde", "deported by") before the place."""
    if role_cues.NATIONALITY_FROM_BEFORE.search(before) and not (
        role_cues.REMOVED_PEOPLE_FROM_BEFORE.search(before)
    ):
        return 0.0, 1.5, ""  # "lawbreakers from Afghanistan": who they are, not where from
    if _head_count_from(before):
        return 0.0, 1.5, ""  # "52 from Pakistan": who they are, not where they were flown from
    if role_cues.CROSSING_BEFORE.search(before[: from_cue.start()]):
        return 0.0, 0.0, ""  # "crossing the border from Mexico": a transit country
    return 3.0, 0.0, "origin"


def _head_count_from(before: str) -> bool:
    """ "Over 100 from Uzbekistan", "and 52 from Pakistan": a head count from a state, with no
    removal verb just before the count ("deported 52 from Greece" keeps Greece the origin)."""
    count = role_cues.HEAD_COUNT_FROM_BEFORE.search(before)
    if count is None:
        return False
    if not _counts_people_from(before, count):
        return False
    return not role_cues.REMOVAL_VERB_BEFORE_COUNT.search(before[: count.start()])


def _counts_people_from(before: str, count: re.Match[str]) -> bool:
    """The count is a head count of people: not part of a model or a date ("737-8 from",
    "16.03.2021 from"), nor the next item of a list a verb with its own "from" governs ("return
    from Oman, 164 from India": "from" is still where they left)."""
    digits = re.search(r"[\d]", before[count.start() :])
    if digits and role_cues.COUNT_JOINED_BEFORE.search(before[: count.start() + digits.start()]):
        return False
    return not role_cues.ELIDED_FROM_BEFORE.search(_sentence_tail(before[: count.start()]))


def _strong_destination_before(before: str, mention: Mention) -> bool:
    """ "to X", "con destino a X", or "to Sofia, Bulgaria" (not "desviado hacia San Juan,
    Puerto Rico")."""
    if role_cues.DEST_BEFORE_STRONG.search(before):
        return True
    return (
        mention.entry.kind == "country"
        and role_cues.DEST_CITY_COMMA_BEFORE.search(before) is not None
        and not cues.DIVERTED.search(before)
    )


def _weak_scores_before(before: str, after: str, mention: Mention) -> tuple[float, float, Strength]:
    """The weaker cues before the place, when no strong one applies."""
    if role_cues.OWNER_FLIGHT_BEFORE.search(before) and role_cues.FOR_ITS_OWN_AFTER.match(after):
        return 0.0, 1.5, ""  # "vuelos de Venezuela para repatriar": its flights fetch its people
    if role_cues.ORIGIN_BEFORE_WEAK.search(before) or (
        mention.entry.kind != "people" and role_cues.FLIGHT_OF_BEFORE.search(before)
    ):
        return 1.5, 0.0, ""
    # "a U.S. deportation flight", "in U.S. custody": a name used as an adjective; the
    # "a" or "in" before it is an English article or preposition, not a destination cue.
    if mention.entry.kind == "country" and role_cues.ATTRIBUTIVE_AFTER.match(after):
        return 0.0, 0.0, ""
    if role_cues.DEST_BEFORE_MID.search(before):
        return 0.0, 1.5, ""
    if role_cues.DEST_BEFORE_WEAK.search(before):
        return 0.0, 2.0 if cues.ARRIVAL.search(before[-45:]) else 0.5, ""
    return 0.0, 0.0, ""


def _scores_of_the_name(after: str, mention: Mention) -> tuple[float, float]:
    """(origin, destination) from a country's name used with what follows it."""
    if mention.entry.kind != "country":
        return 0.0, 0.0
    origin = destination = 0.0
    if role_cues.POSSESSIVE_REMOVAL_AFTER.match(after):
        origin += 2.0  # "Australia's deportation of unwanted New Zealanders"
    if role_cues.QUALIFIED_FLIGHT_AFTER.match(after):
        origin += 2.0  # "a U.S. deportation flight"
    if role_cues.COURT_AFTER.match(after):
        origin += 1.5  # "U.S. District Judge Brian Murphy": the state whose removal it is
    elif role_cues.FLIGHT_AFTER.match(after):
        destination += 1.5  # "the Rwanda flight"
    return origin, destination


def _scores_of_the_verb_after(after: str, strong: Strength) -> tuple[float, float]:
    """(origin, destination) from the verb after the place. After a place introduced by
    "to" / "from" it belongs to the flight ("the flight to Colombia cancelled"), so it
    does not overturn that role."""
    if cues.SENDER_VERB_AFTER.search(after) and strong != "destination":
        return 3.0, 0.0
    if role_cues.RECEIVER_VERB_AFTER.search(after) and strong != "origin":
        return 0.0, 3.0
    if role_cues.EITHER_VERB_AFTER.search(after) and not strong:
        return 1.5, 1.5
    return 0.0, 0.0


def _in_while_clause(folded: str, mention: Mention) -> bool:
    return any(m.start() < mention.start < m.end() for m in role_cues.WHILE_CLAUSE.finditer(folded))


def _kind_scores(
    folded: str, mention: Mention, source: Source, origin: float, destination: float
) -> tuple[float, float]:
    """(origin, destination) of a mention's cue scores, adjusted for what kind of name it is."""
    kind = mention.entry.kind
    if kind == "country" and _GOVERNMENT.search(folded[mention.start : mention.end]):
        origin += GOVERNMENT_BONUS  # "the Trump administration", "Washington": a state that acts
    if kind == "people" and _authority(folded, mention):
        origin, destination = origin + 1.5, 0.0  # "Pakistani authorities deported ..."
    elif kind == "people":
        if _people_context(folded, mention, source):
            destination += 1.5
        if origin == 0:
            origin = 0.0
        else:
            origin, destination = 0.0, destination + 1.0  # "deportados de ... venezolanos"
    elif kind == "state_adj":
        # "Corendon, a Turkish charter airline": the airline's nationality, no role
        origin = 0.0 if role_cues.AIRLINE_AFTER.match(_after(folded, mention)) else origin + 1.5
        destination = 0.0
    elif kind == "place":
        destination += 0.5 if origin == 0 else 0.0
    if kind in _NAMED and _authorities_of(folded, mention):
        origin += AUTHORITY_OF  # "Las autoridades de Estados Unidos deportaron ..."
    return origin, destination


def score_mention(
    roles: Roles, folded: str, mention: Mention, source: Source, text: str, until: int | None = None
) -> None:
    entry = mention.entry
    weight = TITLE_WEIGHT if source == "title" else 1.0
    if ("mientras" in folded or "while" in folded) and _in_while_clause(folded, mention):
        weight *= BACKGROUND_WEIGHT
    span = Span(source, mention.start, mention.end, text[mention.start : mention.end])
    if entry.kind in ("operator", "signal"):
        if entry.state:
            roles.origin.add(entry.state, 1.6 * weight, span)
        if entry.receiver:
            roles.destination.add(entry.receiver, 1.6 * weight, span)
        return
    origin, destination = _cue_scores(folded, mention, until)
    # A place wins a tie over a demonym only when words before or after it name it as the
    # destination ("venezolanos" deported "a El Salvador"), not for being named at all.
    named = entry.kind != "people" and destination >= NAMED_CUE
    origin, destination = _kind_scores(folded, mention, source, origin, destination)
    roles.origin.add(entry.key, origin * weight, span)
    roles.destination.add(entry.key, destination * weight, span, named=named)


_NAMED = ("country", "place")
_PEOPLE_FROM = re.compile(r"^\s+(?:de|del|desde|from)\s+(?:the\s+|el\s+|la\s+)?$")


def score_people_places(
    roles: Roles, folded: str, mentions: tuple[Mention, ...], source: Source, text: str
) -> None:
    """A deported people named with a place of another state ("hondureños de Chiapas",
    "Venezuelans from Chile"): where they were, the deporting state (the demonym already
    names their own country)."""
    weight = TITLE_WEIGHT if source == "title" else 1.0
    for a, b in pairwise(mentions):
        if a.entry.kind != "people" or b.entry.kind not in _NAMED or a.entry.key == b.entry.key:
            continue
        if _PEOPLE_FROM.match(folded[a.end : b.start]):
            span = Span(source, b.start, b.end, text[b.start : b.end])
            roles.origin.add(b.entry.key, 1.5 * weight, span)


def score_between_pair(
    roles: Roles, folded: str, mentions: tuple[Mention, ...], source: Source, text: str
) -> None:
    """ "un vuelo directo entre el Aeropuerto Internacional Felipe Ángeles de Ciudad de México y
    el Aeropuerto Internacional de Caracas", "a flight between X and Y": the first named place is
    where it left, the second where it went."""
    if "entre" not in folded and "between" not in folded:
        return  # cheap guard
    weight = TITLE_WEIGHT if source == "title" else 1.0
    for m in role_cues.FLIGHT_BETWEEN.finditer(folded):
        named = [n for n in mentions if n.entry.kind in _NAMED and n.start >= m.end()]
        first = named[0] if named else None
        if first is None or first.start - m.end() > 60:
            continue
        second = next(
            (
                n
                for n in named[1:]
                if n.entry.key != first.entry.key
                and role_cues.BETWEEN_AND.search(folded, first.end, n.start)
                and n.start - first.end <= 80
            ),
            None,
        )
        if second is None:
            continue
        roles.origin.add(
            first.entry.key,
            2.0 * weight,
            Span(source, first.start, first.end, text[first.start : first.end]),
        )
        roles.destination.add(
            second.entry.key,
            1.0 * weight,
            Span(source, second.start, second.end, text[second.start : second.end]),
        )


def score_route_pairs(
    roles: Roles, folded: str, mentions: tuple[Mention, ...], source: Source, text: str
) -> None:
    """ "de(sde) X a Y", "from X to Y": the first place is the origin and the second the
    destination ("la expulsión de un migrante del Reino Unido a Ruanda")."""
    weight = TITLE_WEIGHT if source == "title" else 1.0
    named = [m for m in mentions if m.entry.kind in _NAMED]
    for a, b in pairwise(named):
        if a.entry.key == b.entry.key:
            continue
        if not cues.ROUTE_FROM_BEFORE.search(folded[max(0, a.start - 12) : a.start]):
            continue
        if not cues.ROUTE_TO_BETWEEN.match(folded[a.end : b.start]):
            continue
        if role_cues.JOURNEY_ROUTE_BEFORE.search(folded[max(0, a.start - 40) : a.start]):
            a, b = b, a  # "que llegaron desde San Pedro Sula a México": their way here
        elif fetching_flight(
            folded[max(0, b.start - _WINDOW) : b.start], folded[b.end : b.end + _WINDOW]
        ):
            a, b = b, a  # "took off from Iraq to Belarus ... to take 617 Iraqis": fetched home
        roles.origin.add(
            a.entry.key, 2.0 * weight, Span(source, a.start, a.end, text[a.start : a.end])
        )
        roles.destination.add(
            b.entry.key, 1.0 * weight, Span(source, b.start, b.end, text[b.start : b.end])
        )
