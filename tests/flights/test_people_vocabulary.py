"""People vocabulary (issue 15, stop 33): every state's plural people names
(data/demonyms.yaml), peoples without a state, nouns for held and returned groups, and the
staff of a removal who are never its deportees. Headline-shaped phrasings, read through the
extractor's own people count."""

from __future__ import annotations

import pytest
from wirewatch_flights import cues, people_cues
from wirewatch_flights.lexicon import _babel_names, load_demonyms, load_lexicon
from wirewatch_flights.parts import item_parts
from wirewatch_flights.people import read_people
from wirewatch_flights.text import fold

LEFT_OUT = {"AQ", "BV", "GS", "HM", "IO", "TF", "UM", "PN", "XA", "XB", "US", "DM"}
"""Uninhabited territories, pseudo-locales, the US and Dominica (see demonyms.yaml)."""


def _count(title: str, summary: str = "") -> int | None:
    clue = read_people(item_parts(title, summary))
    return None if clue is None else int(clue.value)


def _people_codes(text: str) -> list[str]:
    return [
        m.entry.key for m in load_lexicon().mentions(text, fold(text)) if m.entry.kind == "people"
    ]


def test_every_state_of_the_gazetteer_has_people_names() -> None:
    names = set(load_demonyms())
    assert names <= set(_babel_names()) | {"GE"}  # Georgia: settled apart (lexicon.settle)
    assert set(_babel_names()) - names - LEFT_OUT == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Germany deports 26 Afghans and 12 Albanians", "AL"),
        ("España expulsa a 20 argelinos", "DZ"),
        ("Malasia deporta a 150 birmanos", "MM"),
        ("Malaysia deported 150 Myanmar nationals", "MM"),
        ("Japón deporta a 30 tailandesas", "TH"),
        ("Canada removes 14 Congolese", "CD"),
        ("40 Uyghurs deported to China", "CN"),
    ],
)
def test_plural_people_names_name_their_state(text: str, code: str) -> None:
    assert code in _people_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Central Americans stranded in Mexico",  # not US: "Americans" names no state
        "U.S. citizens flown home",
        "Deportan desde Filipinas a 20 chinos",  # "Filipinas" stays the state
    ],
)
def test_names_left_out_or_kept_by_their_state(text: str) -> None:
    codes = _people_codes(text)
    assert "US" not in codes
    assert "PH" not in codes


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Thailand deports 40 Uyghurs to China", 40),
        ("La Audiencia Nacional paraliza la expulsión de 15 kurdos", 15),
        ("Australia deports 45 Tamils to Sri Lanka on a charter flight", 45),
        ("India deports 30 Rohingya to Myanmar by air", 30),
        ("Deportation flight carries 52 Roma to Kosovo", 52),
        ("Germany deports 26 Afghans on a flight to Kabul", 26),
        ("Vuelo de deportación lleva a 20 argelinos a Argel", 20),
        ("Cambodia deports 74 suspects to China on a chartered plane", 74),
        ("El Salvador recibe a 16 reclusos deportados en un vuelo desde EE.UU.", 16),
        ("US deportation flight returns 40 inmates to Guatemala", 40),
        ("Vuelo con 33 privados de libertad aterriza en Honduras", 33),
        ("Australia returns 28 illegal maritime arrival (IMA) detainees to Vietnam by plane", 28),
        ("UK charters private jet that deports one person to France", 1),
        ("Charter flight deports 21 overstayers to Fiji", 21),
        ("Home Office flight removes 12 foreign national offenders to Jamaica", 12),
    ],
)
def test_counted_people(title: str, people: int) -> None:
    assert _count(title) == people


@pytest.mark.parametrize(
    ("title", "people"),
    [
        # the staff of a removal is not its deportees, even before a people noun
        ("Deportation flight to Jamaica leaves with 25 staff members on board", None),
        ("Deportation flight to Nigeria: 30 escort officers for 12 deportees", 12),
        ("Vuelo de deportación a Honduras con 8 tripulantes y 120 migrantes", 120),
        ("Deportation charter to Ghana with 11 crew members and 46 returnees", 46),
        ("Deportation flight to Albania: 6 interpreters and 3 monitors aboard", None),
    ],
)
def test_staff_and_others_are_not_deportees(title: str, people: int | None) -> None:
    assert _count(title) == people


def test_deliberate_lists_do_not_overlap() -> None:
    nouns = set(cues.DETAINED_NOUNS + cues.RETURNED_NOUNS + cues.PEOPLES_WITHOUT_STATE)
    assert not nouns & set(people_cues.NOT_DEPORTEES)
