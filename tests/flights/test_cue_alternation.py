"""``cues.alternation``: cue alternatives grouped by their first character for speed, with the
same matches as the plain ``a|b|...`` they are written as.

Three checks: the grouping itself on small cases (what moves, what stays, a boundary or a
lookbehind checked after the letter); random alternatives and texts (hypothesis), where
every ``search``, ``match``, ``fullmatch`` and ``finditer`` must agree with the plain
alternation's; and every pattern of the cue modules, compiled again from their source with
``alternation`` as a plain ``|`` join, against the shipped ones over the folded texts of the
tune part of tests/data/flights_dev.jsonl and the 60-character windows before each word
(where the role cues are searched).
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wirewatch_flights import cues
from wirewatch_flights.cues import alternation, any_of
from wirewatch_flights.not_a_record import _OWN_OR_THINGS, OWN_OR_THINGS_CUES
from wirewatch_flights.text import fold

from tests.flights.split import load

PACKAGE = Path(cues.__file__).resolve().parent
CUE_MODULES = ("cues", "status_cues", "role_cues", "not_a_record_cues")


def plain(*alternatives: str) -> str:
    return "|".join(alternatives)


def test_alternatives_are_grouped_by_their_first_letter_in_order() -> None:
    grouped = alternation("suspend\\w*", "halt\\w*", "suspension")
    assert grouped == "s(?:uspend\\w*|uspension)|halt\\w*"


def test_a_group_opening_an_alternative_is_read_as_its_branches() -> None:
    assert alternation("(?:ab|b) c", "bd") == "ab c|b(?: c|d)"
    assert alternation("(?:will )?no longer") == "will no longer|no longer"


def test_a_boundary_or_lookbehind_is_checked_after_the_first_letter() -> None:
    assert alternation("\\bfrom", "flown") == "f(?:(?<!\\wf)rom|lown)"
    assert alternation("(?<!la )manana") == "m(?<!(?:la )m)anana"


def test_what_cannot_be_grouped_stays_in_place_and_splits_the_groups() -> None:
    given = ("ab", "[xy]z", "ac", "(c)d", "ae", "a?f", "ag", "(?=h)h", "ai", "(?:j)??k", "al")
    assert alternation(*given) == "|".join(given)


def test_the_shipped_cues_are_grouped() -> None:
    assert cues.BLOCKED_STRONG.pattern.startswith("\\b(?:s(?:uspend\\w*|uspension|")


# Random alternatives over a small alphabet, so that they overlap and share first letters.
_ATOM = st.sampled_from(["a", "b", "c", " ", "ab", "ba", "a ", "\\w*", "[ab]", "c?", "\\w"])


@st.composite
def _alternative(draw: st.DrawFn, depth: int = 0) -> str:
    body = "".join(draw(st.lists(_ATOM, min_size=1, max_size=4)))
    lead = draw(st.sampled_from(["", "", "\\b", "(?<!a)", "(?<!b )", "(?<=c)"]))
    if depth < 1 and draw(st.booleans()):
        inner = draw(st.lists(_alternative(depth + 1), min_size=1, max_size=3))
        quantifier = draw(st.sampled_from(["", "?", "??", "*"]))
        body = f"(?:{'|'.join(inner)}){quantifier}" + body
    return lead + body


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_alternative(), min_size=1, max_size=6),
    st.lists(st.text(alphabet="abc .", max_size=12), min_size=1, max_size=4),
    st.sampled_from(["", "\\b", "$"]),
)
def test_random_alternatives_match_as_the_plain_alternation(
    alternatives: list[str], texts: list[str], after: str
) -> None:
    grouped = re.compile(f"(?:{alternation(*alternatives)}){after}")
    reference = re.compile(f"(?:{plain(*alternatives)}){after}")
    for text in texts:
        assert _outcomes(grouped, text) == _outcomes(reference, text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_alternative(), min_size=1, max_size=6),
    st.lists(st.text(alphabet="abc .", max_size=12), min_size=1, max_size=4),
)
def test_any_of_matches_where_one_of_the_patterns_does(
    alternatives: list[str], texts: list[str]
) -> None:
    patterns = [re.compile(a + "$") if k % 2 else re.compile(a) for k, a in enumerate(alternatives)]
    gate = any_of(*patterns)
    for text in texts:
        assert (gate.search(text) is None) == all(p.search(text) is None for p in patterns)


def test_any_of_refuses_flags_and_capturing_groups() -> None:
    with pytest.raises(ValueError, match="any_of"):
        any_of(re.compile("a", re.IGNORECASE))
    with pytest.raises(ValueError, match="any_of"):
        any_of(re.compile("(a)"))


def test_the_own_citizens_gate_finds_a_text_when_one_of_its_cues_does() -> None:
    found = 0
    for text in _texts():
        expected = any(p.search(text) for p in OWN_OR_THINGS_CUES)
        assert (_OWN_OR_THINGS.search(text) is not None) == expected, text
        found += expected
    assert found > 0


def _outcomes(pattern: re.Pattern[str], text: str) -> object:
    def span(m: re.Match[str] | None) -> object:
        return m and m.span()

    return (
        span(pattern.search(text)),
        span(pattern.match(text)),
        span(pattern.fullmatch(text)),
        [m.span() for m in pattern.finditer(text)],
    )


def _plain_modules() -> dict[str, ModuleType]:
    """The cue modules compiled again with ``alternation`` a plain join (``words`` joins
    through it), each importing the plain ``cues``."""
    out: dict[str, ModuleType] = {}
    shipped = sys.modules["wirewatch_flights.cues"]
    try:
        for name in CUE_MODULES:
            source = (PACKAGE / f"{name}.py").read_text(encoding="utf-8")
            if name == "cues":
                source = source.replace("def alternation(", "def _grouped_alternation(", 1)
            module = ModuleType(f"plain_{name}")
            module.__dict__["alternation"] = plain
            exec(compile(source, f"plain_{name}.py", "exec"), module.__dict__)
            assert module.__dict__["alternation"] is plain
            if name == "cues":
                sys.modules["wirewatch_flights.cues"] = module
            out[name] = module
    finally:
        sys.modules["wirewatch_flights.cues"] = shipped
    return out


def _texts() -> list[str]:
    return [fold(o[k]) for o in load("tune") for k in ("title", "summary") if o.get(k)]


@pytest.mark.parametrize("name", CUE_MODULES)
def test_every_cue_pattern_matches_as_written(name: str) -> None:
    shipped = importlib.import_module(f"wirewatch_flights.{name}")
    reference = _plain_modules()[name]
    texts = _texts()
    windows = [
        t[max(0, m.start() - 60) : m.start()] for t in texts for m in re.finditer(r"\b\w", t)
    ]
    compared = 0
    for key, pattern in vars(shipped).items():
        if not isinstance(pattern, re.Pattern):
            continue
        plain_pattern = getattr(reference, key)
        if pattern.pattern == plain_pattern.pattern:
            continue
        compared += 1
        for text in texts:
            assert _outcomes(pattern, text) == _outcomes(plain_pattern, text), (key, text)
        for window in windows:
            found, expected = pattern.search(window), plain_pattern.search(window)
            assert (found and found.span()) == (expected and expected.span()), (key, window)
    assert compared > 0
