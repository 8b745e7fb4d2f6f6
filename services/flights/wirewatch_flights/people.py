"""The people field: how many people the flight carried, read from the numbers in the item.

Each number is scored as a head count of the removed (a people noun or a demonym after it,
no date, no staff, no running total before it); breakdowns by age or sex and counts of two
peoples are summed into one group. Also the number of flights an item counts. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from wirewatch_flights import cues, people_cues
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.numbers import Number, trailing_zeros
from wirewatch_flights.parts import Part


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
    if (
        not is_people
        or cues.FLIGHT_COUNT_AFTER.match(after)
        or people_cues.NOT_PEOPLE_AFTER.match(after)
    ):
        return False
    if people_cues.VEHICLE_COUNT_AFTER.match(after):
        return False  # "dos camiones salieron ... con 60 hombres": vehicles, not people
    if _not_the_removed(before, after):
        return False
    if people_cues.NOT_PEOPLE_BEFORE.search(before) or people_cues.BOUND_BEFORE.search(before):
        return False
    if _a_date(number.value, noun is not None, before, after):
        return False
    return number.value < 10_000  # a programme's or a year's total, never one flight's


def _not_the_removed(before: str, after: str) -> bool:
    """People the number counts who were not removed: "Thirty-seven Jamaicans narrowly avoided
    deportation", the dead or hurt ("an explosion killed at least 80 people")."""
    return bool(
        people_cues.AVOIDED_AFTER.match(after)
        or people_cues.HARMED_BEFORE.search(before)
        or people_cues.HARMED_AFTER.match(after)
    )


def _a_date(value: int, noun: bool, before: str, after: str) -> bool:
    """The number is a year ("the first flight of 2026", "the Alien Enemies Act of 1798") or a
    day of the month ("on June 6 involving Indonesians"), not a head count."""
    if 1500 <= value < 1900 and people_cues.YEAR_BEFORE.search(before):
        return True
    if 1900 <= value <= 2100 and (
        not noun
        or people_cues.YEAR_BEFORE.search(before)
        or people_cues.MONTH_YEAR_BEFORE.search(before)
    ):
        return True
    return value <= 31 and bool(
        people_cues.DAY_MONTH_BEFORE.search(before) or people_cues.DAY_MONTH_AFTER.match(after)
    )


REMOVED_OF_THEM_BONUS = 2.5
"""A removal verb's "N of them" outranks the pool it was taken from, as a total would."""


def _removed_of_them(part: Part, number: Number) -> bool:
    """ "flying 842 of them", "la expulsión de 60 de ellos", "11 of which were really
    expelled": the removed, taken from a group named before (no people noun needed)."""
    folded = part.folded
    after = folded[number.end : number.end + 70]
    of_them = people_cues.OF_THEM_AFTER.match(after)
    if of_them is None or not 0 < number.value < 10_000:
        return False
    before = folded[max(0, number.start - 40) : number.start]
    return bool(
        people_cues.REMOVED_BEFORE.search(before)
        or people_cues.OF_THEM_REMOVED.match(after[of_them.end() :])
    )


_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")


def _share_of_pool(part: Part, number: Number) -> bool:
    """ "De ellos, 86 ... partieron en un vuelo", "De los 460 migrantes, 220 se efectuaron en dos
    vuelos", "sólo 18 tomaron el vuelo", "eleven of these people were forcibly deported by
    military flight": a count taken from a pool named with it, whose own clause tells that it
    flew or was removed, is the flight's share (no people noun needed)."""
    if not 0 < number.value < 10_000:
        return False
    folded = part.folded
    before = folded[max(0, number.start - 60) : number.start]
    if not (
        people_cues.POOL_BEFORE.search(before)
        or people_cues.POOL_AFTER.match(folded[number.end : number.end + 30])
    ):
        return False
    end = _CLAUSE_END.search(folded, number.end)
    clause = folded[number.end : min(end.start() if end else len(folded), number.end + 160)]
    return people_cues.FLEW_IN_CLAUSE.search(clause) is not None


def _approximation(part: Part, number: Number) -> bool:
    """The count is a round collective ("un centenar", "medio centenar", "a dozen")."""
    span = part.folded[number.start : number.end]
    return people_cues.APPROXIMATE_SPAN.search(span) is not None


def _people_score(part: Part, number: Number, demonym_starts: set[int]) -> float | None:
    score = 2.0 if part.source == "title" else 1.0
    if _removed_of_them(part, number) or _share_of_pool(part, number):
        return score + REMOVED_OF_THEM_BONUS
    if not _counts_people(part, number, demonym_starts):
        return None
    folded = part.folded
    after = folded[number.end : number.end + 40]
    before = folded[max(0, number.start - 40) : number.start]
    if people_cues.TOTAL_BEFORE.search(before):
        split = people_cues.SPLIT_OVER.search(folded[number.end : number.end + 300])
        score += 0.0 if split else 2.0  # "a total of 48 ... in two operations": a sum
    elif people_cues.MODIFIER_BEFORE.search(before) or _approximation(part, number):
        # "more than 100", "un centenar": only when nothing precise is said; then the least
        # round figure (stop 50: an approximation said in words is one, as a bound is)
        score = 0.35 - 0.1 * min(trailing_zeros(number.value), 3)
    if people_cues.SUBSET_AFTER.match(after) or (
        people_cues.SUBSET_BEFORE.search(before[-20:]) and not _after_staff(part, number)
    ):
        score -= 2.5
    if _running_total(part, number) or cues.CUMULATIVE.search(_own_sentence(before[-25:])):
        score -= 2.5
    elif people_cues.SINCE_OPENING.search(folded[max(0, number.start - 300) : number.start]):
        score -= 2.5  # "Since ... March 2020 ..., the ABF has removed 711"
    elif _over_a_period(part, number):
        score -= 2.5
    return score


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def _own_sentence(before: str) -> str:
    """The text before a number from its own sentence's start: a cue of the sentence before
    ("... since January 2022. 126 Nigerians arrived") is not this number's."""
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def _over_a_period(part: Part, number: Number) -> bool:
    """A dated period in the number's own sentence, with no flight between them ("2.600 personas
    desde septiembre", "Entre enero y octubre ..., devolvió a 3,863 personas", "from May 19 to May
    30"): the count is the period's running total, not one flight's ("the 13th charter flight
    since January" dates the flight, "el primero desde diciembre de 2020" a first event)."""
    folded = part.folded
    end = _SENTENCE_END.search(folded, number.end)
    after = folded[number.end : min(end.start() if end else len(folded), number.end + 100)]
    period = people_cues.PERIOD.search(after)
    if (
        period is not None
        and not cues.FLIGHT.search(after[: period.start()])
        and not _dates_an_event(after, period.start())
    ):
        return True
    before = _own_sentence(folded[max(0, number.start - 200) : number.start])
    periods = list(people_cues.PERIOD.finditer(before))
    return (
        bool(periods)
        and not cues.FLIGHT.search(before[periods[-1].end() :])
        and not _dates_an_event(before, periods[-1].start())
    )


def _dates_an_event(text: str, start: int) -> bool:
    """The period follows a first or last event's word: it dates that event."""
    return people_cues.FIRST_OR_LAST_BEFORE.search(text[max(0, start - 30) : start]) is not None


def _after_staff(part: Part, number: Number) -> bool:
    """The number follows a count of the removal's staff ("with 11 crew members and 46
    returnees", "con 8 tripulantes y 120 migrantes"): the group after "and" is the
    deportees, not a subset of the staff."""
    before = [n for n in part.numbers if n.end <= number.start]
    if not before or number.start - before[-1].end > 30:
        return False
    return bool(people_cues.STAFF_AND.match(part.folded[before[-1].end : number.start]))


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


def read_people(parts: list[Part]) -> Clue | None:
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


def read_flights(parts: list[Part]) -> int | None:
    for part, number in _iter_numbers(parts):
        after = part.folded[number.end : number.end + 40]
        if number.value < 1000 and cues.FLIGHT_COUNT_AFTER.match(after):
            return number.value
    return None
