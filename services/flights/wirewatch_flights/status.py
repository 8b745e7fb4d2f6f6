"""The status field: whether the flight flew (completed), is planned, or is blocked.

The headline decides when it has a status cue, else the summary, else completed; each part's
cue is its first unnegated planned / completed / blocked phrase that is about the flight and
not background. The rules' clue is then weighed by the shipped status model.
"""

from __future__ import annotations

import re

from wirewatch_flights import cues, status_cues
from wirewatch_flights.model import Clue, Span, Status
from wirewatch_flights.parts import Part, first_span, match_span
from wirewatch_flights.status_model import arbitrate
from wirewatch_flights.status_model import shipped_model as shipped_status_model
from wirewatch_flights.text import fold


def _unnegated(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """The first match not negated right before ("never landed", "no llegó")."""
    for m in pattern.finditer(folded):
        if not status_cues.NEGATION_BEFORE.search(folded[max(0, m.start() - 8) : m.start()]):
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
        attributive = finite is not None and status_cues.PLANNED_ATTRIBUTIVE.fullmatch(m.group(0))
        after = folded[m.end() : m.end() + 40]
        if (
            attributive
            or status_cues.POST_ARRIVAL_AFTER.match(after)
            or status_cues.STOPS_AFTER.match(after)
        ):
            complement = complement or m
            continue
        if status_cues.COMPLEMENT_BEFORE.search(folded[max(0, m.start() - 40) : m.start()]):
            complement = complement or m
            continue
        if m.group(0).startswith(("announc", "anunci")) and status_cues.REPORTED_DONE_AFTER.match(
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
        status_cues.BACKGROUND_BEFORE.search(before[-40:])
        or status_cues.SINCE_WHEN_BEFORE.search(before)
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
        if _background(folded, blocked, finite, weak) or status_cues.UNDONE_BEFORE.search(
            folded[max(0, blocked.start() - 30) : blocked.start()]
        ):
            continue  # "were initially refused entry": undone later
        if finite is None:
            return blocked
        between = folded[finite.end() : blocked.start()]
        if finite.start() < blocked.start() and status_cues.CLAUSE_BREAK.search(between):
            continue
        return blocked
    return None


def _not_the_flights(folded: str, blocked: re.Match[str], finite: re.Match[str] | None) -> bool:
    """A blocked cue that is not about the flight: its object is people crossing a border
    ("blocking others from crossing") or stuck there, it is asked for or negated, a noun
    ("planned stops"), a diversion of a flight that landed, or about rejected people or one
    person of the group."""
    after = folded[blocked.end() : blocked.end() + 40]
    if status_cues.CROSSING_AFTER.match(after) or status_cues.STAY_ON_BOARD_AFTER.match(after):
        return True  # "blocking others from crossing", "refused to disembark""
    if status_cues.BORDER_OBJECT_AFTER.match(after):
        return True  # "blocking the Mexican border": a border closed, not the flight
    if blocked.group(0).startswith("bloquead") and status_cues.STUCK_BEFORE.search(
        folded[max(0, blocked.start() - 25) : blocked.start()]
    ):
        return True  # "que se encontraban bloqueados en la frontera": people stuck
    # "a motion to halt the flight", "called on authorities to stop": asked for, not done
    asked_end = blocked.start() + (3 if blocked.group(0).startswith("to ") else 0)
    if status_cues.REQUEST_BEFORE.search(folded[max(0, asked_end - 60) : asked_end]):
        return True
    if status_cues.ATTEMPT_BEFORE.search(folded[max(0, asked_end - 40) : asked_end]):
        return True  # "so hard to stop", "failed to halt": tried, not done
    if status_cues.DENIED_CLAIM_BEFORE.search(
        folded[max(0, blocked.start() - 90) : blocked.start()]
    ):
        return True  # "desmintió que México haya rechazado": a refusal said to be false
    if status_cues.NEGATION_BEFORE.search(folded[max(0, blocked.start() - 8) : blocked.start()]):
        return True  # "won't suspend deportations": not blocked
    if blocked.group(0) == "stops" and status_cues.STOPS_NOUN_BEFORE.search(
        folded[max(0, blocked.start() - 25) : blocked.start()]
    ):
        return True  # "with planned stops in Tirana": stopovers, not a flight stopped
    if finite is not None and cues.DIVERTED.fullmatch(blocked.group(0)):
        return True  # "diverted to Manaus ... landed": it still landed
    if status_cues.REJECTED_PEOPLE_AFTER.match(
        folded[blocked.end() : blocked.end() + 30]
    ) or status_cues.REJECTED_PEOPLE_BEFORE.search(
        folded[max(0, blocked.start() - 25) : blocked.start()]
    ):
        return True
    # "one refused entry": a person of the group, not the flight
    return bool(
        status_cues.ONE_PERSON_BEFORE.search(folded[max(0, blocked.start() - 30) : blocked.start()])
        or status_cues.ONE_PERSON_AFTER.match(folded[blocked.end() : blocked.end() + 50])
    )


def _status_of(part: Part, resuming: bool = False) -> tuple[Status, Span] | None:
    """A part's status: blocked if it says so (unless flights resume, or went ahead
    despite it); else a finite "landed/llegó" or a planned cue, whichever comes first;
    else a weaker completed cue ("deported", "a bordo"); else a planned cue that only
    complements a noun ("the decision to resume"). A negated completed cue ("never
    landed") does not count as completed."""
    folded = part.folded
    already = status_cues.ALREADY.search(folded)
    if already:
        return "completed", match_span(part, already)
    finite = _unnegated(status_cues.COMPLETED_FINITE, folded)
    # a weaker completed cue ("returned home") matters only without a finite one
    weak = _unnegated(status_cues.COMPLETED_STRONG, folded) if finite is None else None
    blocked = _blocking(folded, finite, weak)
    went_ahead = finite is not None and status_cues.DESPITE.search(folded) is not None
    resuming = resuming or cues.RESUMING.search(folded) is not None
    if blocked and not resuming and not went_ahead:
        return "blocked", match_span(part, blocked)
    planned, complement = _planned(folded, finite)
    collect = _collecting(folded, finite)
    if collect is not None:
        return "planned", match_span(part, collect)
    if finite and (planned is None or finite.start() < planned.start()):
        return "completed", match_span(part, finite)
    if planned:
        return "planned", match_span(part, planned)
    if weak:
        return "completed", match_span(part, weak)
    complement = complement or status_cues.AHEAD_OF_DEPARTURE.search(folded)
    return ("planned", match_span(part, complement)) if complement else None


def _collecting(folded: str, finite: re.Match[str] | None) -> re.Match[str] | None:
    """A plane that landed, in the same sentence, to collect the deportees."""
    if finite is None:
        return None
    sentence = folded[finite.end() : finite.end() + 200].split(". ", 1)[0]
    m = status_cues.COLLECT_PURPOSE.search(sentence)
    return status_cues.COLLECT_PURPOSE.search(folded, finite.end() + m.start()) if m else None


Memo = dict[tuple[int, bool], "tuple[Status, Span] | None"]


def status_memo(part: Part, resuming: bool, memo: Memo | None) -> tuple[Status, Span] | None:
    """``_status_of`` once per part and flag within one item (status and date both ask)."""
    if memo is None:
        return _status_of(part, resuming=resuming)
    key = (id(part), resuming)
    if key not in memo:
        memo[key] = _status_of(part, resuming=resuming)
    return memo[key]


def read_status(parts: list[Part], memo: Memo | None = None) -> Clue:
    """The title decides when it has a cue (a headline that only says flights resume
    leaves it to the summary); else the summary; else completed."""
    decided: list[tuple[Status, Span]] = []
    resuming = any(p.source == "title" and cues.RESUMING.search(p.folded) for p in parts)
    for part in parts:
        result = status_memo(part, resuming, memo)
        if result is None:
            continue
        if part.source == "title" and resuming and len(parts) > 1:
            later = status_memo(parts[-1], True, memo)
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
        future = status_cues.FUTURE_ARRIVAL.search(parts[-1].folded)
        if future is not None:
            return Clue("status", "planned", match_span(parts[-1], future))
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
        and status_cues.NOT_LEFT_FROM.match(title.folded, span.start) is not None
        and status_cues.COMPLETED_FINITE.search(parts[-1].folded) is not None
    )


def _authorised_only(parts: list[Part]) -> Clue:
    """No part has a status cue: flights a state authorised or approved are still to come
    ("Ecuador autorizó tres nuevos vuelos ... este sábado"), and so is what a Spanish future
    tells ("EE.UU. programará un vuelo para deportar a 74 peruanos"); else completed."""
    for part in parts:
        m = status_cues.AUTHORISED_FLIGHTS.search(part.folded)
        if m is not None:
            return Clue("status", "planned", match_span(part, m))
    for part in parts:
        # "EE.UU. programará un vuelo": a Spanish future, its accent read in the text itself
        m = status_cues.SPANISH_FUTURE.search(part.text)
        if m is not None:
            return Clue("status", "planned", match_span(part, m))
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
    if not status_cues.COMPLETED_FINITE.fullmatch(fold(lede.phrase)):
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
    return first_span([p for p in parts if p.source == "title"], status_cues.PAST_PLAN) is not None


def _announcing(span: Span) -> bool:
    """A headline cue that can announce what a lede puts in the future: a present of
    arrival ("Llega ... el primer vuelo", "Deportees Arrive Lagos") or a participle with no
    finite verb of its own ("177 Others Deported From Libya")."""
    phrase = fold(span.phrase)
    return bool(
        status_cues.PRESENT_ARRIVAL.fullmatch(phrase)
    ) or not status_cues.COMPLETED_FINITE.fullmatch(phrase)


def _returned_to_origin(parts: list[Part], origin: str) -> Clue | None:
    """A removal flight that went back to the deporting state ("... before returning to
    Florida", "regresó a Estados Unidos"): it did not take the people away."""
    for part in parts:
        if not any(w in part.folded for w in ("return", "regres", "volv", "back")):
            continue  # cheap guard: most items never say it
        for m in part.mentions:
            before = part.folded[max(0, m.start - 70) : m.start]
            back = status_cues.RETURN_TO_BEFORE.search(before) or cues.TURNED_BACK_BEFORE.search(
                before
            )
            if m.entry.key == origin and back:
                span = Span(part.source, m.start, m.end, part.text[m.start : m.end])
                return Clue("status", "blocked", span)
    return None


def rules_status(parts: list[Part], origin: Clue | None, memo: Memo) -> Clue:
    """The rules' status clue (what the status model is trained beside)."""
    status = read_status(parts, memo)
    if status.value == "completed" and origin is not None:
        status = _returned_to_origin(parts, origin.value) or status
    return status


def arbitrated(title: str, summary: str, status: Clue) -> Clue:
    """The status after the shipped status model has had its say (the rules' clue when
    no model is shipped)."""
    arbiter = shipped_status_model()
    return status if arbiter is None else arbitrate(arbiter, title, summary, status)
