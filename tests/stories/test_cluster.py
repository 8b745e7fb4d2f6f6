"""The clustering core (pure): cues, decisions, the window, count conflicts, metrics.

The tests of one cue rule's arithmetic use ``Clusterer(pair_model=None)``: the hand factors
whose conditions are the learned decision's PAIR_FEATURES (stop 28) and under which its
training pairs were scored; every other test runs the shipped, learned decision."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

import pytest
import wirewatch_stories.cluster as cluster_module
import wirewatch_stories.pair_cues as pair_cues_module
import wirewatch_stories.scoring as scoring_module
from wirewatch_stories.cluster import Clusterer, story_id_for
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.features import UPDATE_CUE, event_cues, extract, language_cues, update_cues
from wirewatch_stories.lexicon import fold
from wirewatch_stories.offline import cluster_rows, parse_published, processing_order
from wirewatch_stories.pair_cues import (
    HEDGE_RATIO,
    countries,
    countries_conflict,
    counts,
    named,
    numbers_conflict,
    regions_conflict,
    same_figures,
)
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel
from wirewatch_stories.places import capital_cues, demonym_cues, implied_countries, region_cues
from wirewatch_stories.scoring import (
    FIGURES_S,
    LANGUAGE_STORY_SIZE,
    RECENT_S,
    REVISION_S,
    SEQUEL_FACTOR,
    STALE_FACTOR,
)

from tests.stories.support import (
    dev_rows,
    labelled_rows,
    row_cues,
    shipped_entities,
)
from wirewatch.cli.stories_cmds import story_part

DAY = 86400.0
T0 = datetime(2025, 2, 10, tzinfo=UTC).timestamp()


def test_cues_meet_across_english_and_spanish() -> None:
    en = extract(
        "Venezuela receives 190 deportees on two flights from the United States",
        countries=("VE", "US"),
    )
    es = extract(
        "Venezuela recibe 190 deportados en dos vuelos desde Estados Unidos", countries=("VE", "US")
    )
    shared = en.cues & es.cues
    assert {"n:190", "n:2", "c:VE", "c:US", "w:depor", "w:fligh"} <= shared


def test_numbers_are_normalised_and_years_kept_apart() -> None:
    cues = extract("1,200 migrants in 2024", "about 1.200 people, 3.5 percent").cues
    assert "n:1200" in cues and "y:2024" in cues and "n:3" in cues
    es = extract("Panamá inicia el 20 de agosto vuelos con 29 colombianos").cues
    en = extract("On Aug. 20th Panama begins flights with 29 Colombians").cues
    assert "d:8-20" in es & en and "n:20" not in es | en  # a date, not a count of people
    assert fold("Guantánamo") == "guantanamo"


def test_numbers_keep_their_scale_and_thousands_are_not_years() -> None:
    # Real ledes (tests/data/stories_fresh.jsonl): Mexico's troops for the tariff pause.
    es = extract("Vienen 10 mil miembros de la Guardia Nacional a la frontera").cues
    en = extract("Mexico Stations 10,000 Troops at Border").cues
    assert "n:10000" in es & en and "w:mil" not in es
    assert "n:2000" in extract("Trump ordena despliegue de 2 mil efectivos").cues
    assert "n:2000" in extract("Trump deploys 2,000 National Guard troops").cues  # not y:2000
    assert "n:1500000" in extract("1,5 millones").cues & extract("1.5 million").cues
    assert "y:2025" in extract("in 2025").cues and "w:mil" in extract("mil migrantes").cues
    # tests/data/stories_nightfall.jsonl st-19026 ("mil 500", as Mexican outlets write 1,500)
    # and stories_dawn.jsonl ("Dos mil inmigrantes"): a thousand and its units, a spelled scale
    assert "n:1500" in extract("Alemania planea recibir a mil 500 migrantes").cues
    assert counts(extract("Dos mil inmigrantes intentan entrar en Melilla").cues) == (2000,)
    assert {"n:10000", "n:500"} <= extract("10 mil 500").cues  # not read as 10,500


def test_rulings_in_two_states_are_two_events() -> None:
    # Real ledes (tests/data/stories_unseen.jsonl): the Oregon and Illinois Guard orders.
    oregon = extract(
        "Jueza federal bloquea despliegue Guardia Nacional Portland ordenado Trump",
        "Una jueza federal bloqueó este sábado el despliegue de 200 miembros de la Guardia "
        "Nacional que había autorizado la Administración Trump para reforzar la seguridad en "
        "Portland.",
    ).cues
    illinois = extract(
        "Jueza bloquea por dos semanas el despliegue de la Guardia Nacional de Trump en Illinois",
        "Una jueza federal concedió una orden de restricción temporal que bloquea el despliegue "
        "de la Guardia Nacional del presidente Donald Trump en Illinois por dos semanas.",
    ).cues
    assert "r:OR" in oregon and "r:IL" in illinois
    clusterer = Clusterer()
    apart = clusterer.similarity(oregon, illinois)
    together = clusterer.similarity(oregon - {"r:OR"}, illinois - {"r:IL"})
    assert apart == together * 0.5  # each names a state the other does not
    # English and Spanish names meet; "New Mexico" is a state, "Mexico" alone is not.
    assert region_cues("Nueva York y Los Ángeles") == region_cues("New York and Los Angeles")
    assert region_cues("New Mexico") == {"r:NM"} and region_cues("México") == set()
    assert region_cues("West Virginia") == {"r:WV"}


def test_a_young_story_takes_its_second_report_just_under_the_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The El Salvador transfers of 16 Mar 2025 (tests/data/stories_dev.jsonl): the second
    report scored 0.11 with the first and opened a twin story that then grew (5 + 7). (The
    estimates' tolerance joins them too now: "over 200" against 238.)"""
    rows = [r for r in dev_rows() if r["story"] == "2025-03-16-us-el-salvador-cecot-238"]
    assert len({d.story_id for d in cluster_rows(rows, shipped_entities())}) == 1

    # The rules themselves, on the hand factors (the learned decision joins them without them)
    def hand() -> int:
        clusterer = Clusterer(pair_model=None)
        return len(
            {d.story_id for d in cluster_rows(rows, shipped_entities(), clusterer=clusterer)}
        )

    assert hand() == 1
    monkeypatch.setattr(pair_cues_module, "HEDGE_RATIO", 1.0)
    assert hand() == 1
    monkeypatch.setattr(cluster_module, "YOUNG_SHARE", 99.0)  # without either rule: twins
    assert hand() == 2


def test_measures_times_and_dates_in_digits_are_not_counts() -> None:
    # Real ledes of tests/data/stories_friday.jsonl: the distance, the hour and the date are
    # not the toll; the 3-year-old child still meets the Spanish "tres años" as a number.
    far = extract("Unas cincuenta personas desaparecidas a unas 120 millas de la costa").cues
    assert {"n:120", "u:120"} <= far and counts(far) == (50,)
    hour = extract("volcó el jueves alrededor de las 15:30 horas; 54 migrantes fallecidos").cues
    assert counts(hour) == (54,)
    dated = extract("murieron este martes (23/04/2024) en el norte de Francia").cues
    assert counts(dated) == ()
    child = extract("a 3-year-old Colombian child died").cues
    assert {"n:3", "u:3"} <= child
    assert counts(extract("Al menos 46 personas migrantes muertas").cues) == (46,)


def test_a_flights_number_is_no_count() -> None:
    # tests/data/stories_vespers.jsonl st-20020: La Nación names the flight, the other
    # reports count its 184 Cubans; stories_new.jsonl st-1067 and st-1070 number the flights.
    lede = extract("x", "Se trata del vuelo 7658, que salió a las 10:15 p. m.").cues
    assert {"n:7658", "u:7658"} <= lede and counts(lede) == ()
    assert "u:17" in extract("x", "Flight number 17 with migrants deported").cues
    assert "u:18" in extract("x", "llegó el vuelo número 18, de la aerolínea Conviasa").cues
    assert counts(extract("un vuelo con 184 migrantes cubanos").cues) == (184,)


def _row(rows: list[dict[str, Any]], item_id: str) -> dict[str, Any]:
    return next(r for r in rows if r["id"] == item_id)


def _row_time(row: dict[str, Any]) -> float:
    published = parse_published(row["published"])
    assert published is not None, row["id"]
    return published.timestamp()


def test_a_toll_update_is_marked_in_either_language() -> None:
    # Real items: tests/data/stories_friday.jsonl st-14025 ("recovers 14 more bodies") and
    # st-14010 ("Death toll rises"), tests/data/stories_noonday.jsonl st-13046 ("Sube a 9 la
    # cifra de muertos"); the first reports of those events (st-14023, st-13045) are no updates.
    friday, noonday = labelled_rows("friday"), labelled_rows("noonday")
    for row in (_row(friday, "st-14025"), _row(friday, "st-14010"), _row(noonday, "st-13046")):
        assert UPDATE_CUE in row_cues(row), row["id"]
    for row in (_row(friday, "st-14023"), _row(noonday, "st-13045")):
        assert UPDATE_CUE not in row_cues(row), row["id"]
    assert not update_cues("Arrivals rise to 5,000 as migrants found dead in truck")
    # tests/data/stories_afternoon.jsonl st-16020: the count of the bodies recovered rose
    assert update_cues(
        "El número de cadáveres recuperados por las autoridades de Mauritania (África) subió a 70"
    )
    assert not update_cues("El número de cadáveres recuperados es de 49")


def test_a_toll_update_days_later_is_not_cut_by_its_new_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tests/data/stories_friday.jsonl: the coast guard's "14 more bodies" off Calabria
    (st-14025), five days after the first report of one dead and 64 missing (st-14023), gives
    other figures and comes late: both cuts applied, it opened a story of its own."""
    friday = labelled_rows("friday")
    update, first = _row(friday, "st-14025"), _row(friday, "st-14023")
    times = (_row_time(update), _row_time(first))
    clusterer = Clusterer()
    lifted = clusterer.similarity(row_cues(update), row_cues(first), published=times)
    monkeypatch.setattr(scoring_module, "UPDATE_S", 0.0)
    cut = clusterer.similarity(row_cues(update), row_cues(first), published=times)
    assert lifted >= 2 * cut > 0
    monkeypatch.setattr(scoring_module, "UPDATE_S", 7 * DAY)
    # Either way round the later item is the update; dated before the other, it lifts nothing.
    again = clusterer.similarity(row_cues(first), row_cues(update), published=times[::-1])
    assert again == pytest.approx(lifted)
    early = clusterer.similarity(row_cues(update), row_cues(first), published=times[::-1])
    assert early == pytest.approx(cut)


def test_what_a_count_counts_is_read_off_the_words_after_it() -> None:
    # Real ledes: tests/data/stories_sunrise.jsonl st-11030 ("100 migrants aboard") and
    # st-11031 ("147 migrants rescued"), tests/data/stories_saturday.jsonl st-15029 ("71
    # inmigrantes muertos"); a part of a group ("59 de sus ocupantes fallecieron",
    # stories_sunrise st-11020) is not typed by the group's noun.
    sunrise, saturday = labelled_rows("sunrise"), labelled_rows("saturday")
    assert "k:aboard:100" in row_cues(_row(sunrise, "st-11030"))
    assert "k:saved:147" in row_cues(_row(sunrise, "st-11031"))
    assert "k:dead:71" in row_cues(_row(saturday, "st-15029"))
    assert not any(c.startswith("k:") for c in extract("al menos 59 de sus ocupantes").cues)


def test_counts_of_different_things_do_not_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/data/stories_sunrise.jsonl: the AP's "100 migrants aboard" the Open Arms
    (st-11030) and another outlet's "147 migrants rescued" (st-11031), on Salvini's acquittal
    the same day, count two things: no count conflict. Two tolls of the dead still conflict
    (stories_saturday.jsonl st-15029, "71 inmigrantes muertos", against st-15026, "At least 20
    migrants found dead")."""
    sunrise, saturday = labelled_rows("sunrise"), labelled_rows("saturday")
    aboard, rescued = row_cues(_row(sunrise, "st-11030")), row_cues(_row(sunrise, "st-11031"))
    dead71, dead20 = row_cues(_row(saturday, "st-15029")), row_cues(_row(saturday, "st-15026"))
    assert numbers_conflict(aboard, rescued) and numbers_conflict(dead71, dead20)
    clusterer = Clusterer()
    apart, same = clusterer.similarity(aboard, rescued), clusterer.similarity(dead71, dead20)
    monkeypatch.setattr(pair_cues_module, "kinds", lambda cues, counts: frozenset())
    assert apart > clusterer.similarity(aboard, rescued) > 0
    assert same == pytest.approx(clusterer.similarity(dead71, dead20))


def _times(*rows: dict[str, Any]) -> tuple[float, float]:
    first, second = (parse_published(r["published"]) for r in rows)
    assert first is not None and second is not None
    return first.timestamp(), second.timestamp()


def test_two_early_tolls_within_two_days_are_not_cut_by_their_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tests/data/stories_saturday.jsonl: "At least 20 migrants found dead inside lorry in
    Austria" (st-15026) and, the next morning, "71 inmigrantes muertos" (st-15029) are one
    lorry; stories_afternoon.jsonl: "89 dead" off Mauritania (st-16001) and "Around 170 migrants
    dead or missing" (st-16003). Both give a toll within TOLL_S: no count cut. More than
    TOLL_S apart, or with no time, the cut holds."""
    saturday, afternoon = labelled_rows("saturday"), labelled_rows("afternoon")
    clusterer = Clusterer(pair_model=None)
    for rows, later, first in (
        (saturday, "st-15029", "st-15026"),
        (afternoon, "st-16003", "st-16001"),
    ):
        a, b = _row(rows, later), _row(rows, first)
        cues_a, cues_b = row_cues(a), row_cues(b)
        assert numbers_conflict(cues_a, cues_b)
        times = _times(a, b)
        lifted = clusterer.similarity(cues_a, cues_b, published=times)
        monkeypatch.setattr(scoring_module, "TOLL_S", 0.0)
        cut = clusterer.similarity(cues_a, cues_b, published=times)
        monkeypatch.setattr(scoring_module, "TOLL_S", 48 * 3600.0)
        assert lifted > 3 * cut > 0, (later, first)
        assert clusterer.similarity(cues_a, cues_b) == pytest.approx(cut)  # no time: cut


def test_two_reports_of_deaths_within_two_days_are_not_cut_by_their_figures() -> None:
    """tests/data/stories_saturday.jsonl: "For the second time in a week ... saved 221 people but
    at least 27 people are reported drowned" (st-15009, its counts untyped, its estimate not
    read: a sequel) and "34 bodies ... 206 people rescued" (st-15006) three hours later are one
    wreck: both tell of deaths (``e:death``), so their first figures are not compared; without
    that, the count cut holds."""
    rows = labelled_rows("saturday")
    first, later = _row(rows, "st-15009"), _row(rows, "st-15006")
    cues_a, cues_b = row_cues(later), row_cues(first)
    assert "e:death" in cues_a & cues_b and not any(c.startswith("k:dead") for c in cues_b)
    clusterer = Clusterer(pair_model=None)
    times = _times(later, first)
    lifted = clusterer.similarity(cues_a, cues_b, published=times)
    assert lifted > 3 * clusterer.similarity(cues_a, cues_b - {"e:death"}, published=times) > 0


def test_a_spanish_verb_of_dying_types_the_count_before_it() -> None:
    # tests/data/stories_evening.jsonl st-17020: "Tragedia en Oaxaca: 18 migrantes fallecen".
    assert "k:dead:18" in row_cues(_row(labelled_rows("evening"), "st-17020"))


def test_a_road_kilometre_marker_is_no_count() -> None:
    # tests/data/stories_evening.jsonl st-17018: "la autopista Oaxaca-Cuacnopalan, km 88+50";
    # st-17013: "a la altura del kilómetro 134"; EFE in Pledge Times (passed over): "(km 91)".
    cues = row_cues(_row(labelled_rows("evening"), "st-17018"))
    assert {"u:88", "u:50"} <= cues and not {50, 88} & set(counts(cues))
    assert "u:134" in extract("x", "a la altura del kilómetro 134, en Chiapas").cues
    assert "u:91" in extract("x", "on the Cuacnopalan-Oaxaca highway (km 91)").cues


def test_one_officials_two_events_in_two_countries_stay_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tests/data/stories_evening.jsonl: Rubio watching a deportation flight of 43 Colombians
    leave Panama (st-17027 on) and Bukele's offer, announced with Rubio in El Salvador that
    night, to jail US deportees (st-17021 on) share the official's name and title and the
    deportation words; each names countries the other does not. At a country conflict's
    factor of 0.5 they became one story."""
    rows = [r for r in labelled_rows("evening") if r["story"].startswith("2025-02-03")]
    assert len({r["story"] for r in rows}) == 2

    def mixed(pair_model: PairModel | None = LEARNED_PAIRS) -> int:
        clusterer = Clusterer(pair_model=pair_model)
        decisions = cluster_rows(rows, shipped_entities(), clusterer=clusterer)
        stories: dict[str, set[str]] = {}
        for row, decision in zip(rows, decisions, strict=True):
            stories.setdefault(decision.story_id, set()).add(row["story"])
        return sum(len(labels) > 1 for labels in stories.values())

    assert mixed() == 0 and mixed(None) == 0
    monkeypatch.setattr(scoring_module, "COUNTRY_CONFLICT_FACTOR", 0.5)  # the hand factor's rule
    assert mixed(None) == 1


def test_a_us_state_names_the_united_states_in_a_country_conflict() -> None:
    # tests/data/stories_friday.jsonl: "22 eran mexicanos" in a Spanish report of the San
    # Antonio trailer, in Texas, does not conflict with an English report naming the US.
    spanish = extract("Encuentran 50 migrantes muertos en tráiler en Texas", countries=("MX",)).cues
    english = extract("Migrants found dead in Texas tractor-trailer", countries=("US",)).cues
    assert not countries_conflict(
        named(spanish, countries(spanish)), named(english, countries(english))
    )


def test_two_countries_besides_the_us_in_common_are_one_route() -> None:
    # tests/data/stories_vespers.jsonl: the first Cuban airlift told by its flight (Costa
    # Rica to El Salvador, bound for the US, st-20009) and by its onward bus route (through
    # Guatemala to Tapachula, st-20015) is one event; the US flights landing in Guatemala and
    # Mexico refusing one (stories_dev.jsonl) share Guatemala and the US only: two events.
    flight = frozenset({"c:CR", "c:CU", "c:SV", "c:US"})
    route = frozenset({"c:CR", "c:CU", "c:GT", "c:MX"})
    assert not countries_conflict(flight, route)
    assert countries_conflict(
        frozenset({"c:GT", "c:PK", "c:US"}), frozenset({"c:GT", "c:MX", "c:US"})
    )
    assert countries_conflict(frozenset({"c:CR", "c:SV"}), frozenset({"c:CR", "c:MX"}))


def test_mexicos_states_name_mexico_and_conflict_only_with_each_other() -> None:
    # tests/data/stories_evening.jsonl st-17018: "volcadura de autobús en Oaxaca" names
    # Mexico, as the other reports of the crash do ("se volcó en México").
    oaxaca = extract("Al menos 18 migrantes fallecieron tras volcadura de autobús en Oaxaca").cues
    assert "r:MX-OAX" in oaxaca and implied_countries(oaxaca) == {"c:MX"}
    assert implied_countries(extract("a bus crash in Texas").cues) == {"c:US"}
    chiapas, texas = frozenset({"r:MX-CHP"}), frozenset({"r:TX"})
    assert regions_conflict(frozenset({"r:MX-OAX"}), chiapas)
    assert not regions_conflict(texas, frozenset({"r:MX-CHH"}))  # El Paso and Ciudad Juárez
    assert regions_conflict(texas | chiapas, frozenset({"r:OR", "r:MX-CHP"}))


def test_a_young_story_does_not_take_a_look_alike_of_another_country() -> None:
    # Real headlines of one day (tests/data/stories_dev.jsonl): two events.
    guatemala = extract(
        "U.S. military planes carrying migrants land in Guatemala", countries=("US", "GT")
    ).cues
    mexico = extract(
        "Mexico Denies U.S. Military Aircraft Entry for Migrant Deportations",
        countries=("US", "MX"),
    ).cues
    probe = Clusterer()
    probe.assign("gt", guatemala, T0)
    score = probe.decide("mx", mexico, T0 + 3600).score
    # A threshold that puts the score in a young story's band (0.75 to 1 of it):
    clusterer = Clusterer(threshold=score / 0.9)
    opened = clusterer.assign("gt", guatemala, T0)
    assert clusterer.decide("mx", mexico, T0 + 3600).opened  # each names another country
    same_country = extract("Two US migrant deportation flights arrive in Guatemala").cues
    joined = clusterer.decide("gt2", same_country, T0 + 3600)
    assert not joined.opened and joined.story_id == opened.story_id


def test_items_published_far_apart_are_less_alike() -> None:
    """Within the window, two items more than a day and a half apart are cut: most similar
    pairs that far apart are the next event of a running story (the next ruling, flight)."""
    clusterer = Clusterer(pair_model=None, window_s=3 * DAY)
    a = extract("Judge blocks Trump's birthright citizenship order", countries=("US",)).cues
    b = extract("Federal judge blocks birthright citizenship order", countries=("US",)).cues
    same_day = clusterer.similarity(a, b, published=(T0, T0 + 20 * 3600))
    assert same_day == clusterer.similarity(a, b) > 0
    later = clusterer.similarity(a, b, published=(T0, T0 + RECENT_S + 3600))
    assert later == pytest.approx(STALE_FACTOR * same_day, rel=1e-12)
    # a decision compares the item with each member at its own publication time
    first = clusterer.assign("a", a, T0)
    expected = clusterer.similarity(b, a, published=(T0 + 2 * DAY, T0))
    assert expected == pytest.approx(STALE_FACTOR * clusterer.similarity(b, a), rel=1e-12)
    joined = clusterer.assign("b", b, T0 + 2 * DAY)
    # approx: the sums run over sets of cues, whose order follows the string hash seed
    assert joined.story_id == first.story_id and joined.score == pytest.approx(expected, rel=1e-12)


def test_a_late_report_repeating_the_figures_is_not_cut() -> None:
    """A report up to FIGURES_S (four days) later that gives the same figures (each count of one
    is one of the other's) is a follow-up of the event: the time-gap cut does not apply. A later
    item that brings a figure of its own (the next step) is cut, and so is any pair further
    apart."""
    clusterer = Clusterer(pair_model=None, window_s=3 * DAY)
    first = extract("Canada cuts permanent resident target to 395,000 from 500,000").cues
    late = extract("Canada will admit 395,000 permanent residents, down from 500,000").cues
    step = extract("Canada lowers its permanent resident target to 380,000 from 395,000").cues
    assert same_figures((395000, 500000), (500000, 395000))
    assert not same_figures((395000, 500000), (380000, 395000))
    assert not same_figures((), ())
    same_day = clusterer.similarity(late, first)
    gap = 2.5 * DAY
    assert RECENT_S < gap <= FIGURES_S
    # approx: the sums run over sets of cues, whose order follows the string hash seed
    assert clusterer.similarity(late, first, published=(T0 + gap, T0)) == pytest.approx(
        same_day, rel=1e-12
    )
    further = clusterer.similarity(late, first, published=(T0 + FIGURES_S + 3600, T0))
    assert further == pytest.approx(STALE_FACTOR * same_day, rel=1e-12)
    step_same_day = clusterer.similarity(step, first)
    step_later = clusterer.similarity(step, first, published=(T0 + gap, T0))
    assert step_same_day > 0 and step_later == pytest.approx(
        STALE_FACTOR * step_same_day, rel=1e-12
    )


def test_a_sequel_a_day_after_an_item_without_ordinal_is_less_alike() -> None:
    """Real headlines (tests/data/stories_night.jsonl): the second of two migrant flights to
    Sacramento three days apart, against a report of the first; the sequel rule cuts their
    similarity from a day apart on, and only when the earlier item gives no ordinal."""
    clusterer = Clusterer(pair_model=None, window_s=3 * DAY)
    first = extract(
        "Migrants who entered US through Texas flown to California",
        "Sixteen Venezuelan and Colombian migrants who entered the country through Texas were "
        "flown to California by chartered plane and dropped off outside a church in Sacramento.",
    ).cues
    second = extract(
        "2nd migrant flight arrives from Texas to Sacramento",
        "A second plane with migrants onboard arrived at a Sacramento airport on Monday, just "
        "days after 16 migrants from Texas were left in front of a Sacramento church.",
    ).cues
    assert "o:2" in second and not any(c.startswith("o:") for c in first)
    same_day = clusterer.similarity(second, first)
    hours = clusterer.similarity(second, first, published=(T0 + 20 * 3600, T0))
    # approx: the sums run over sets of cues, whose order follows the string hash seed
    assert same_day > 0 and hours == pytest.approx(same_day, rel=1e-12)  # within a day
    day_later = clusterer.similarity(second, first, published=(T0 + DAY, T0))
    assert day_later == pytest.approx(SEQUEL_FACTOR * same_day, rel=1e-12)
    # the other way round (the earlier item is the sequel) nothing is cut
    reverse = clusterer.similarity(first, second, published=(T0 + DAY, T0))
    assert reverse == pytest.approx(same_day, rel=1e-12)


def test_a_young_story_takes_a_twin_that_names_other_us_states() -> None:
    """Real items (tests/data/stories_night.jsonl): the flights to Martha's Vineyard, reported
    by one outlet from San Antonio, Texas, by another as Florida's flights to Massachusetts.
    Their region conflict (each names a state the other does not) no longer keeps the second
    report out of the young story: the story opened twice before the change."""
    rows = [
        r
        for r in labelled_rows("night")
        if r["story"] == "2022-09-14-desantis-flights-marthas-vineyard"
    ]
    assert len({d.story_id for d in cluster_rows(rows, shipped_entities())}) == 1


def test_country_names_their_people_and_event_verbs_meet_across_languages() -> None:
    en = extract("Mexico denies landing to US military plane with Brazilian deportees").cues
    es = extract("México niega el aterrizaje de avión militar con deportados brasileños").cues
    assert {"w:mexic", "w:refus", "w:lande", "w:plane", "w:milit", "w:brazi"} <= en & es


def test_a_country_and_its_people_are_one_word_in_both_languages() -> None:
    """Names and demonyms that part before five letters meet (tests/data/stories_dawn.jsonl:
    "Iraqi migrants", "migrantes iraquíes", "Irak"; "Belarus", "bielorrusa")."""
    en = extract("Iraqi migrants flown home from Belarus after Polish border standoff").cues
    es = extract("Migrantes iraquíes vuelan a Irak desde la frontera bielorrusa y polaca").cues
    assert {"w:iraq", "w:belar", "w:polan"} <= en & es


def test_incident_and_crossing_words_meet_across_languages() -> None:
    """Real headlines (tests/data/stories_dawn.jsonl): the deaths at the Melilla fence and
    the rail crossings that CBP closed and reopened, in English and Spanish."""
    en = extract("Migrants died trying to jump the Melilla fence; railway crossing closed").cues
    es = extract("Mueren migrantes al saltar la valla de Melilla; cierran cruce ferroviario").cues
    assert {"w:dead", "w:jump", "w:fence", "w:rail", "w:cross", "w:close"} <= en & es
    assert "w:dead" in extract("Deaths at the border", "Dead migrants").cues


def test_wreck_and_road_death_words_meet_across_languages() -> None:
    """Real headlines (tests/data/stories_saturday.jsonl): a capsized fishing boat off Libya
    and the lorry of 71 dead in Austria, in English and Spanish."""
    en = extract("Fishing boat capsizes in shipwreck; bodies found in lorry").cues
    es = extract("Vuelca un pesquero en un naufragio; hallan cadáveres en un camión").cues
    assert {"w:capsi", "w:fishi", "w:shipw", "w:bodie", "w:truck"} <= en & es
    assert "w:sink" in extract("Boat sank", "barco se hundió").cues


def test_different_counts_and_ordinals_conflict() -> None:
    assert numbers_conflict(frozenset({"n:104"}), frozenset({"n:116"}))
    assert numbers_conflict(frozenset({"n:112"}), frozenset({"n:116"}))  # two flights
    assert not numbers_conflict(frozenset({"n:116"}), frozenset({"n:119"}))  # outlets disagree
    assert not numbers_conflict(frozenset({"n:80"}), frozenset({"n:88"}))  # a round figure
    assert not numbers_conflict(frozenset({"n:190"}), frozenset({"n:200"}))  # "nearly 200"
    assert numbers_conflict(frozenset({"o:2"}), frozenset({"o:3"}))
    assert not numbers_conflict(frozenset({"n:5"}), frozenset({"n:9"}))  # small: not counts


def test_an_estimate_stands_for_the_revised_count_of_the_same_morning() -> None:
    # Real ledes (tests/data/stories_sunrise.jsonl): the Pylos sinking, an hour apart.
    early = extract(
        "Mueren 59 migrantes en naufragio frente a costas griegas",
        "Un barco pesquero con decenas de migrantes a bordo naufragó y se hundió ante la costa "
        "del sur de Grecia a primera hora del miércoles y al menos 59 de sus ocupantes "
        "fallecieron.",
    ).cues
    later = extract(
        "At least 78 dead and 100 rescued as migrant boat sinks on way to Greece",
        "At least 78 people have died and dozens are feared missing off the coast of southern "
        "Greece after a fishing boat carrying migrants capsized and sank, authorities said on "
        "Wednesday.",
    ).cues
    assert {"h:59", "h:78"} <= early | later and HEDGE_RATIO >= 78 / 59
    assert not numbers_conflict(early, later)
    # precise counts keep their tolerance: 116 and 112 are two flights
    assert numbers_conflict(extract("US deports 116 Indians").cues, extract("112 Indians").cues)
    assert numbers_conflict(extract("at least 59").cues, extract("100 dead").cues)
    clusterer = Clusterer(pair_model=None)
    # untyped (both tell of deaths: within TOLL_S their counts would not be compared at all)
    early, later = (frozenset(c for c in cues if c[:2] != "e:") for cues in (early, later))
    close = clusterer.similarity(early, later, published=(T0, T0 + 3600))
    apart = clusterer.similarity(early, later, published=(T0, T0 + REVISION_S + 3600))
    assert apart < close * 0.5  # the next day's estimate is the next day's: a conflict
    # "for a second day": a sequel's figures are its own
    assert numbers_conflict(early, later | {"o:2"})


def test_demonyms_and_capitals_name_their_country() -> None:
    # Real ledes (tests/data/stories_sunrise.jsonl, stories_morning.jsonl)
    assert demonym_cues("Los conservadores alemanes perdieron la votación") == {"c:DE"}
    assert capital_cues("a días de las elecciones en la Ciudad de Buenos Aires") == {"c:AR"}
    assert capital_cues("Madrid, 3 dic (EFE).- La Moncloa") == set()  # a dateline
    assert capital_cues("Bibby Stockholm barge") == set() and capital_cues("Lima") == set()
    # a capital counts only when the item names no country: Seoul's charter is Korea's,
    # but the capital adds nothing to "Corea del Sur"
    assert "c:AR" in extract("EL GOBIERNO ENDURECE", "en la Ciudad de Buenos Aires").cues
    assert "c:KR" not in extract("Charter lands in Seoul", "from Atlanta", countries=["US"]).cues


def test_same_event_joins_and_a_lookalike_a_week_later_opens_a_new_story() -> None:
    clusterer = Clusterer(window_s=3 * DAY)
    first = extract("US military plane carrying 104 deported Indians lands in Amritsar").cues
    second = extract("104 Indian deportees arrive in Amritsar on a US military aircraft").cues
    later = extract("US plane carrying 116 Indian deportees lands in Amritsar").cues
    a = clusterer.assign("a", first, T0)
    b = clusterer.assign("b", second, T0 + 3600)
    c = clusterer.assign("c", later, T0 + 10 * DAY)
    assert a.opened and a.story_id == story_id_for("a")
    assert not b.opened and b.story_id == a.story_id and "n:104" in b.evidence
    assert c.opened and c.story_id != a.story_id
    assert clusterer.open_stories == 2  # (the first is forgotten RETAIN_WINDOWS windows later)


def test_countries_tell_lookalikes_apart_and_a_shared_route_ties_rewrites() -> None:
    # Real headlines of one day (tests/data/stories_dev.jsonl): US military flights
    # landing in Guatemala, and Mexico refusing one.
    assert countries_conflict(frozenset({"c:GT", "c:US"}), frozenset({"c:MX", "c:US"}))
    assert not countries_conflict(frozenset({"c:GT", "c:US"}), frozenset({"c:GT", "c:US"}))
    assert not countries_conflict(frozenset({"c:VE"}), frozenset({"c:HN", "c:US", "c:VE"}))
    # The hand factors (the learned decision keeps Mexico apart too but sends the rewrite to a
    # background story: a rewrite sharing few words is one of its known splits, stop 28)
    clusterer = Clusterer(pair_model=None, window_s=3 * DAY)
    guatemala = extract(
        "Two US migrant deportation flights arrive in Guatemala", countries=("GT", "US")
    ).cues
    mexico = extract(
        "Mexico refuses to accept US flight deporting migrants", countries=("MX", "US")
    ).cues
    # and a Spanish rewrite of the first that shares few words with it
    rewrite = extract(
        "Guatemala recibe dos vuelos militares con connacionales deportados por EE. UU.",
        countries=("GT", "US"),
    ).cues
    # Other news of the weeks before (real items, a story each) weigh the common words.
    for k, row in enumerate(dev_rows()[:120]):
        background = extract(row["title"], row["summary"]).cues
        clusterer.add(f"bg{k}", f"bg{k}", background, T0 - 2 * DAY + k)
    a = clusterer.assign("gt", guatemala, T0)
    b = clusterer.assign("mx", mexico, T0 + 3600)
    c = clusterer.assign("gt-es", rewrite, T0 + 7200)
    assert b.story_id != a.story_id and c.story_id == a.story_id


def test_decisions_are_deterministic_and_stories_are_not_split_on_the_dev_set() -> None:
    rows = dev_rows()
    first = [d.story_id for d in cluster_rows(rows)]
    assert first == [d.story_id for d in cluster_rows(rows)]
    report = evaluate([r["story"] for r in rows], first)
    assert report.bcubed_f1 >= 0.8 and report.alerts_per_story <= 1.6  # a regression guard


def test_processing_order_puts_undated_items_last() -> None:
    rows: list[dict[str, Any]] = [
        {"published": None},
        {"published": "2025-01-02"},
        {"published": "2025-01-01T10:00Z"},
    ]
    assert processing_order(rows) == [2, 1, 0]


def test_metrics() -> None:
    report = evaluate(["a", "a", "b", "b"], [1, 1, 1, 2])
    assert report.pairwise_precision == round(1 / 3, 4)
    assert report.pairwise_recall == 0.5
    assert report.alerts_per_story == 1.5
    perfect = evaluate(["a", "a", "b"], ["x", "x", "y"])
    assert perfect.pairwise_f1 == 1.0 and perfect.bcubed_f1 == 1.0


def test_agencies_and_places_name_their_country() -> None:
    # "Border Patrol" and "Eagle Pass" speak of the US; a border river of both sides.
    assert implied_countries({"a:border patrol", "p:eagle pass", "w:texas"}) == {"c:US"}
    assert implied_countries({"p:rio grande"}) == {"c:US", "c:MX"}
    assert implied_countries({"p:del rio"}) == set()  # "del río"
    # A Channel crossing names France and the UK (tests/data/stories_saturday.jsonl: "hacia
    # el Reino Unido" against "English Channel, off the coast of Calais" is one capsize).
    assert implied_countries({"p:english channel"}) == {"c:FR", "c:GB"}
    # Real headlines (tests/data/stories_new.jsonl): the AP's Spanish copy on the CBP One
    # shutdown names the migrants' countries and Mexico, the others the US: one story.
    es = extract(
        "Cancelación de la app CBP One deja a una gran cantidad de migrantes varados en México",
        "Vinieron desde Haití, Venezuela y otras partes del mundo.",
        countries=("MX", "HT", "VE"),
        agencies=("CBP",),
    ).cues
    en = extract(
        "CBP One app shut down: Trump immigration",
        "U.S. Customs and Border Protection (CBP) announced the discontinuation of the app.",
        countries=("US",),
        agencies=("CBP",),
    ).cues
    clusterer = Clusterer(window_s=3 * DAY)
    assert countries_conflict(
        frozenset(c for c in es if c[:2] == "c:"), frozenset(c for c in en if c[:2] == "c:")
    )
    a = clusterer.assign("en", en, T0)
    b = clusterer.assign("es", es, T0 + 3600)
    assert b.story_id == a.story_id


def test_ruling_words_meet_across_english_and_spanish() -> None:
    pairs = [
        ("executive order", "orden ejecutiva"),
        ("Title 42", "Título 42"),
        ("appointments app", "citas aplicación"),
        ("Border Patrol", "Patrulla Fronteriza"),
        ("buoys barrier", "boyas barrera"),
        ("contempt", "desacato"),
        ("prison", "prisión"),
    ]
    for en, es in pairs:
        assert extract(en).of_kind("w:") == extract(es).of_kind("w:"), (en, es)


def test_granting_papers_meets_across_english_and_spanish() -> None:
    """tests/data/stories_midnight.jsonl: Spain's regularisation split three ways, its
    Spanish reports saying "regularización" and "aprueba", the English ones "legal status",
    "legalise" and "approves"."""
    pairs = [
        ("legal status", "regularización"),
        ("legalise", "regularizar"),
        ("approves", "aprueba"),
    ]
    for en, es in pairs:
        assert extract(en).of_kind("w:") & extract(es).of_kind("w:"), (en, es)


def test_domain_words_meet_across_english_and_spanish() -> None:
    """The vocabulary of immigration and border news in both languages (drawn from the
    one-language stems of every stories file after tests/data/stories_predawn.jsonl was
    measured): each pair shares its word cue."""
    pairs = [
        ("Senate", "Senado"),
        ("raids", "redadas"),
        ("vote", "votación"),
        ("customs", "aduana"),
        ("Army", "Ejército"),
        ("zone", "zona"),
        ("spouses", "cónyuges"),
        ("birthright", "nacimiento"),
        ("summit", "cumbre"),
        ("deadline", "plazo"),
        ("revoked", "revoca"),
        ("island", "isla"),
        ("rescue", "rescate"),
        ("halts", "frena"),
    ]
    for en, es in pairs:
        assert extract(en).of_kind("w:") & extract(es).of_kind("w:"), (en, es)


def test_one_language_function_words_are_not_cues() -> None:
    """Adverbs and auxiliaries of one language are never shared with a report in the other:
    they are no cues, so they do not deflate a cross-language twin's similarity."""
    assert not extract("después luego además ahora").of_kind("w:")
    assert not extract("according since despite nearly").of_kind("w:")
    assert extract("menores estado").of_kind("w:") == {"w:minor", "w:state"}


def test_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_new.jsonl (see tests/data/README.md): 0.901 pairwise F1 and 1.243
    alerts per story before the rules it led to; a regression floor now, no longer unseen."""
    rows = labelled_rows("new")
    report = evaluate(
        [r["story"] for r in rows], [d.story_id for d in cluster_rows(rows, shipped_entities())]
    )
    assert report.pairwise_f1 >= 0.98 and report.alerts_per_story <= 1.06
    # stop 28: learned pairs adopted: precision LOWERED 0.99 -> 0.97 (0.974; F1 0.982, alerts 1.054)
    # stop 40: headline conflict and refit adopted: precision raised to 0.99 (0.996; F1 0.989)
    assert report.pairwise_precision >= 0.99


def _report_of(rows: list[dict[str, Any]]) -> ClusterReport:
    decisions = cluster_rows(rows, shipped_entities())
    return evaluate([r["story"] for r in rows], [d.story_id for d in decisions])


def test_fresh_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_fresh.jsonl: 0.832 pairwise F1 and 1.207 alerts per story when it
    was first measured (precision 0.772: look-alikes days apart merged); the time-gap rule
    and the number scales were found with it, so it is a regression floor now. The young-story
    rule joins the Los Angeles Guard's twin stories (F1 0.923 -> 0.930, 1.172 -> 1.138 alerts
    per story), and two Marines items that were with one twin are with the whole Guard story
    now (precision 0.948 -> 0.925). A US state naming the US (the eleventh pass) sends one
    Marines report from the Guard's story to the Marines' (0.949, precision 0.956)."""
    report = _report_of(labelled_rows("fresh"))
    assert report.pairwise_f1 >= 0.945 and report.pairwise_precision >= 0.95
    assert report.alerts_per_story <= 1.14


def test_fourth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_unseen.jsonl: 0.754 pairwise F1 (precision 0.636) and 1.043 alerts
    per story when first measured: four Guard rulings in two states became one story. The
    region rule was found with it, so it is a regression floor now."""
    report = _report_of(labelled_rows("unseen"))
    assert report.pairwise_f1 >= 0.86 and report.pairwise_precision >= 0.81
    # stop 28: learned pairs adopted: alerts LOWERED 1.06 -> 1.14 (1.130; F1 0.928, P 0.924)
    assert report.alerts_per_story <= 1.14


def test_sixth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_night.jsonl: 0.838 pairwise F1 (precision 0.821) and 1.267 alerts
    per story when first measured. The sequel rule and the young-story rule on countries only
    were found with it (0.889, 1.133), so it is a regression floor now."""
    report = _report_of(labelled_rows("night"))
    assert report.pairwise_f1 >= 0.88 and report.pairwise_precision >= 0.83
    assert report.alerts_per_story <= 1.14


def test_seventh_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_dawn.jsonl: 0.915 pairwise F1 (precision 0.948, recall 0.885) and
    1.222 alerts per story when first measured, before any change. The lexicon's incident and
    crossing words were found with it (0.944, 1.111), so it is a regression floor now."""
    report = _report_of(labelled_rows("dawn"))
    # stop 28: learned pairs adopted: precision LOWERED 0.95 -> 0.93 (0.939; F1 0.950, alerts 1.056)
    # stop 40: headline conflict and refit adopted: raised (F1 0.960, P 0.960, alerts 1.056)
    assert report.pairwise_f1 >= 0.95 and report.pairwise_precision >= 0.95
    assert report.alerts_per_story <= 1.06


def test_eighth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_noon.jsonl: 0.880 pairwise F1 (precision 0.836, recall 0.929) and
    1.125 alerts per story when first measured, before any change: the EU leaders' visit to
    Lampedusa and Italy's cabinet decision of the next day became one story, and the
    Tunisia memorandum opened twin stories. No change was kept after it (docs/stories.md,
    Quality), so its first figures are its floor."""
    report = _report_of(labelled_rows("noon"))
    assert report.pairwise_f1 >= 0.88 and report.pairwise_precision >= 0.83
    assert report.alerts_per_story <= 1.13


def test_ninth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_midnight.jsonl: 0.931 pairwise F1 (precision 1.000, recall 0.870)
    and 1.143 alerts per story when first measured, before any change: Spain's
    regularisation split into Spanish and English stories. The lexicon's words for granting
    papers were found with it (0.952, 1.071), so it is a regression floor now."""
    report = _report_of(labelled_rows("midnight"))
    assert report.pairwise_f1 >= 0.95 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.08


def test_tenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_predawn.jsonl: 0.857 pairwise F1 (precision 0.833, recall 0.882)
    and 1.231 alerts per story when first measured, before any change: the Senate's and the
    House's final votes on one bill two days apart became one story, and Spanish reports of
    the New Mexico military zone, the European Parliament's vote and a ruling opened stories
    of their own. The domain lexicon and the function words were measured on it (0.876,
    1.154), so it is a regression floor now. The late-follow-up rule (a report up to three days
    on that repeats the figures) joins the Spanish report of the ruling three days after it
    (0.901, 1.077)."""
    report = _report_of(labelled_rows("predawn"))
    assert report.pairwise_f1 >= 0.90 and report.pairwise_precision >= 0.84
    # stop 28: learned pairs adopted: alerts LOWERED 1.08 -> 1.24 (1.231; F1 0.928, P 0.951)
    assert report.alerts_per_story <= 1.24


def test_eleventh_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_sunrise.jsonl: 0.943 pairwise F1 (precision 1.000, recall 0.891) and
    1.375 alerts per story when first measured, before any change: no look-alike step merged
    (the Bundestag's motion and bill two days apart, the Dutch cabinet's fall and Rutte's exit
    three days apart, the Pylos sinking and the smugglers' hearing), the late reports joined;
    an early death toll (59 against 78), an agency's round figure (100 against 147 migrants)
    and a follow-up on the minutes opened stories of their own. The late-follow-up rule does
    not move it. The estimates' tolerance (HEDGE_RATIO: "at least 78" against "al menos 59"
    the same morning) joins the early toll (0.962, 1.250). Counts of different things (the
    sixteenth set's round: "100 migrants aboard", "147 rescued") take it to 0.982 and 1.125."""
    report = _report_of(labelled_rows("sunrise"))
    assert report.pairwise_f1 >= 0.98 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.13


def test_twelfth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_morning.jsonl: 0.966 pairwise F1 (precision 1.000, recall 0.934)
    and 1.083 alerts per story when first measured, before any change: every look-alike
    step stayed apart (the Paris and Melun rulings on one expulsion, Milei's announcement and
    his decree two weeks later, three Supreme Court orders on one case, Iran's deadline and
    two later tallies); a Spanish report of Milei's announcement that names no country (only
    "la Ciudad de Buenos Aires") opened a story of its own. No change moved it until the
    twenty-third round: a pair in two languages compared on the words both carry joins that
    report ("EL GOBIERNO ENDURECE LA POLÍTICA MIGRATORIA"): 1.000, 1.000 alerts per story."""
    report = _report_of(labelled_rows("morning"))
    # stop 28: learned pairs adopted: F1 LOWERED 0.99 -> 0.95 (0.954), alerts 1.01 -> 1.09
    assert report.pairwise_f1 >= 0.95 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.09


def test_thirteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_noonday.jsonl: 0.953 pairwise F1 (precision 1.000, recall 0.911)
    and 1.182 alerts per story when first measured, before any change, the same in six
    orders: every look-alike stayed apart (two Panama capsizes nine months apart, Trinidad's
    two announcements of 200 deportations, two Senegal shipwrecks two weeks apart, Chile's
    weekly expulsion flights), the El Hierro, Lampedusa and Panama reports joined across
    languages; Senegal's toll revised to 39 three days on and an AFP feature on Tunisia's
    camp clearance four days on opened stories of their own. No change was kept after it
    (docs/stories.md, Quality). The toll-update rule (the sixteenth set's round) joins the
    revised toll: 0.997 and 1.091."""
    report = _report_of(labelled_rows("noonday"))
    # stop 28: learned pairs adopted: F1 LOWERED 0.99 -> 0.97 (0.972), alerts 1.10 -> 1.19 (1.182)
    assert report.pairwise_f1 >= 0.97 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.19


def test_fourteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_friday.jsonl: 0.823 pairwise F1 (precision 1.000, recall 0.699) and
    1.636 alerts per story when first measured with main's code, before any change, the same
    in six orders: every look-alike stayed apart (two Calabrian shipwrecks from Turkey 16
    months apart, two migrant-truck disasters, three deadly Channel crossings off Wimereux and
    Boulogne, two of them "five dead", Poland's water cannon in 2021 and 2023, the first and
    the fourth Texas bus to Washington); the misses are splits. The eleventh pass (candidates
    from the 32 rarest cues, measures no counts, a US state names the US) takes it to 0.906
    and 1.455, the twelfth (wreck and road-death words across languages) to 0.942 and 1.273
    (docs/stories.md); the toll-update rule (the sixteenth set's round: Calabria's "14 more
    bodies" five days on) to 0.959 and 1.182."""
    report = _report_of(labelled_rows("friday"))
    # stop 40: headline conflict and refit adopted: raised (F1 0.981, P 1.000, alerts 1.091)
    assert report.pairwise_f1 >= 0.98 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.10


def test_fifteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_saturday.jsonl: 0.749 pairwise F1 (precision 1.000, recall 0.598) and
    2.125 alerts per story when first measured with main's code, before any change, the same
    in six orders: every look-alike stayed apart (two Lampedusa shipwrecks eight days apart,
    two Libyan capsizes "700 on board" in April and August 2015, two lorries of dead migrants,
    the Essex and the Austrian); the misses are all splits. The twelfth pass (the English
    Channel names France and the UK; wreck and road-death words across languages) takes it
    to 0.779 and 1.875 (docs/stories.md); early tolls (the fourteenth pass) to 0.851 and
    1.625; a report that tells of deaths counting as a toll (the twentieth round) to 0.871 and
    1.500; a pair in two languages compared on the words both carry (the twenty-third round:
    a Spanish survivor's report on the Libyan wreck) to 0.891 and 1.375."""
    report = _report_of(labelled_rows("saturday"))
    assert report.pairwise_f1 >= 0.89 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.38


def test_sixteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_afternoon.jsonl: 0.901 pairwise F1 (precision 1.000, recall 0.821) and
    1.300 alerts per story when first measured with main's code, before any change, the same
    in six orders: every look-alike stayed apart (three Mauritanian capsizes of boats from the
    Gambia in July 2024 and August 2025, two DACA rulings a year apart, the US closing its
    Canadian and its Mexican border two days apart, three Guatemalan halts of deportation
    flights within a month); the misses are splits, all in the check half of its stories.
    Counts of different things no longer conflicting (the thirteenth pass) take it to 0.931
    and 1.200, its check half 0.813 -> 0.873 (docs/stories.md); early tolls (the fourteenth
    pass) to 0.977 and 1.100; a Spanish toll update naming the bodies recovered (the twentieth
    round: "El número de cadáveres recuperados ... subió a 70") to 1.000 and 1.000."""
    report = _report_of(labelled_rows("afternoon"))
    # stop 28: learned pairs adopted: F1 LOWERED 0.99 -> 0.98 (0.987), alerts 1.05 -> 1.11 (1.100)
    # stop 40: headline conflict and refit adopted: F1 LOWERED 0.98 -> 0.96 (0.967, recall 0.936),
    # alerts 1.11 -> 1.20 (1.200): the refit to today's pairs, not the feature (the 20 earlier
    # features refitted alone give 0.967 too; bench/stories_round40/fullfit40.txt)
    assert report.pairwise_f1 >= 0.96 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.20


def test_seventeenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_evening.jsonl: 0.761 pairwise F1 (precision 0.664, recall 0.892) and
    1.200 alerts per story when first measured with main's code, before any change, the same in
    six orders: Rubio watching a deportation flight from Panama to Colombia (3 Feb 2025) and
    Bukele's offer to jail US deportees announced with Rubio that night are one story; one of
    three look-alike Mexican road crashes of migrants within seven weeks splits (18 dead, then
    16) (docs/stories.md). The fourteenth pass (early tolls, road kilometre markers, the
    country conflict's factor 0.5 -> 0.4) takes it to 0.967, precision 1.000; Mexico's states
    naming Mexico (the twentieth round: "volcadura de autobús en Oaxaca") join the 6 October
    crash's two stories: 1.000, 1.000 alerts per story."""
    report = _report_of(labelled_rows("evening"))
    assert report.pairwise_f1 >= 0.99 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.05


def test_eighteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_twilight.jsonl: 0.791 pairwise F1 (precision 0.724, recall 0.873) and
    1.200 alerts per story when first measured with main's code, before any change, the same in
    six orders: precision is what fails, on one-country or one-pair look-alikes days apart
    (Greece's asylum freeze and a child's drowning off Lesbos the next day, both naming Greece and
    Turkey; Rackete's arrest and her release three days on, bridged by the hearing between them;
    Honduras' further agreements two days after its asylum agreement). The nineteenth round's
    event-kind cut (a policy against a drowning) parts the freeze from the drowning: 0.819
    (precision 0.771), 1.200 alerts per story, its check half unchanged at 0.835 / 1.400."""
    report = _report_of(labelled_rows("twilight"))
    assert report.pairwise_f1 >= 0.81 and report.pairwise_precision >= 0.77
    assert report.alerts_per_story <= 1.20


def test_nineteenth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_nightfall.jsonl: 0.710 pairwise F1 (precision 0.660, recall 0.769) and
    1.625 alerts per story when first measured with main's code (after the event-kind cut),
    before any change, the same in six orders. Precision fails on later events of one place or
    ship within days: the Agrigento prosecutor's order to land the Open Arms' migrants (20 Aug
    2019) taken into Spain's offer of Algeciras two days before, the 400 minors to be taken in
    (10 Sep 2020) into the Moria fire the day before, the first report of the arrests for the
    fire into Germany's offer to take 1,553 refugees the same day (an arrest and a policy are
    one group of acts). Recall fails on splits (the Ocean Viking's Toulon landing in two
    stories, Catania's selective landing in two). Its check half alone: 0.860 / 1.750. The
    twentieth round reads "mil 500" as 1,500: Germany's offer joins its Spanish report, 0.731
    (precision 0.668), 1.500 alerts per story, its check half 0.909 / 1.500."""
    report = _report_of(labelled_rows("nightfall"))
    # stop 40: headline conflict and refit adopted: raised (F1 0.870, P 0.841, alerts 1.250;
    # main before it 0.841, 0.847, 1.375)
    assert report.pairwise_f1 >= 0.86 and report.pairwise_precision >= 0.84
    assert report.alerts_per_story <= 1.25


def test_twentieth_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_vespers.jsonl: 0.853 pairwise F1 (precision 1.000, recall 0.744) and
    1.600 alerts per story when first measured with main's code, before any change (no merge;
    four of ten stories split: an early report with its own count, a report on the route rather
    than the flight, an announcement three days ahead and reports that share no number, one
    boat's count against the total). Its look-alikes fell just outside the 72-hour window. Studied
    in the twentieth round: a flight's number is no count and two items sharing two countries
    besides the US are not in country conflict (0.957, 1.200); left: the early report with its
    own count ("unos 1,662" against "más de 1.000") and the count of one day against the total."""
    report = _report_of(labelled_rows("vespers"))
    # stop 40: headline conflict and refit adopted: F1 0.977 -> 0.969, alerts 1.100 -> 1.200, within
    # the floor (unchanged)
    assert report.pairwise_f1 >= 0.95 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.20


def test_twenty_first_never_seen_set_stays_above_its_floor() -> None:
    """tests/data/stories_compline.jsonl: 0.807 pairwise F1 (precision 0.762, recall 0.857),
    B-cubed 0.905 and 1.091 alerts per story when first measured with main's code (8059845),
    before any change, the same in six orders. One merge: the Maryland ruling against the
    revised travel ban (16 Mar 2017) joined the Hawaii ruling against the same order hours
    before. One split: the Balkan route's closure (8-9 Mar 2016) in two, the reports led by
    Slovenia and Serbia apart from those led by Macedonia. Every other look-alike stays apart.
    Studied from the twenty-first round on: with a ruling's seat (the headline's regions) the
    two rulings part, 0.875 (precision 0.948, recall 0.812) and 1.182 alerts per story in six
    orders; one Spanish Maryland report naming no place ("sufre una segunda derrota") stays
    with Hawaii's, hence the second alert. A pair in two languages compared on the words both
    carry (the twenty-third round) takes it to Maryland's English reports: 0.923 (precision
    1.000, recall 0.857), 1.091 alerts per story in six orders."""
    report = _report_of(labelled_rows("compline"))
    assert report.pairwise_f1 >= 0.92 and report.pairwise_precision >= 0.99
    assert report.alerts_per_story <= 1.10


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_twenty_second_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_lauds.jsonl: 0.762 pairwise F1 (precision 0.772, recall 0.753), B-cubed
    0.859 and 1.444 alerts per story when first measured with main's code (7036084, the stop's
    final clusterer), before any change, the same in the file's order and five shuffles. One
    merge: Peru's passport rule for Venezuelans (17 Aug 2018, two of its three ledes naming
    Ecuador's) joined Ecuador's of the day before. Four splits: the first Bhasan Char relocation
    (4 Dec 2020) in two ("una isla aislada" and "Bhashan Char" apart from "Bhasan Char"), the
    third relocation's announcement two days ahead and its Spanish report naming no island
    alone, and a Peruvian explainer two days after Peru's announcement alone. Every other
    look-alike stays apart (three relocations; Ecuador's rule and its suspension eight days
    later; the first and third Venezuelan return flights from Lima; Roraima's closure).
    Studied from the twenty-second round: a name's spelling skeleton (``x:basan`` for both
    "Bhasan" and "Bhashan") joins DW's "Bhashan Char" report to the first relocation's story:
    0.785 (precision 0.780, recall 0.790), B-cubed 0.872, 1.444, in all six orders."""
    rows = labelled_rows("lauds")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    # stop 40: headline conflict and refit adopted: raised (F1 0.845, P 0.850, R 0.840, B-cubed
    # 0.899, alerts 1.333, in all six orders: "Perú pedirá pasaporte a venezolanos" leaves
    # Ecuador's story for Peru's explainer; Peru's two other reports stay with Ecuador's)
    assert report.pairwise_f1 >= 0.84 and report.pairwise_precision >= 0.84
    assert report.pairwise_recall >= 0.83 and report.bcubed_f1 >= 0.89
    assert report.alerts_per_story <= 1.34


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_prime_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_prime.jsonl: 0.989 pairwise F1 (precision 1.000, recall 0.978), B-cubed
    0.985 and 1.100 alerts per story (11 predicted for 10) when first measured with main's code
    (2514d3e), before any change, the same in the file's order and five shuffles. The end-of-stop
    judge of the twenty-third stories round: aggregates only, its errors not studied. Most of its
    look-alikes lie outside the 72-hour window (two Ceuta rulings and two tariff announcements
    eight days apart, two border announcements and a reopening 17 days to a year apart); the two
    Ecuadorian flights of Cubans are two days apart."""
    rows = labelled_rows("prime")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    assert report.pairwise_f1 >= 0.98 and report.pairwise_precision >= 0.99
    assert report.pairwise_recall >= 0.97 and report.bcubed_f1 >= 0.98
    assert report.alerts_per_story <= 1.10


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_terce_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_terce.jsonl: 0.681 pairwise F1 (precision 0.541, recall 0.920), B-cubed
    0.781 and 1.182 alerts per story (9 predicted for 11) when first measured with main's code
    (a27a560), before any change, the same in the file's order and five shuffles. The second
    end-of-stop judge of the twenty-third stories round, gathered to be hard: most of its stories
    have a look-alike within one to three days (a caravan's breach of a border gate and its march
    two days on, two rulings of one evening, a condemnation and the order of the next day, two
    deportations of one country six days apart, a programme announced three days before its first
    flight). Aggregates only: its errors not studied."""
    rows = labelled_rows("terce")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    # stop 28, round 27 (court-level conflict; terce is a training file since stop 28): F1
    # raised 0.68 -> 0.79 (0.705 -> 0.792), precision 0.54 -> 0.69 (0.696), B-cubed 0.78 -> 0.87
    # (0.879), every order alike
    assert report.pairwise_f1 >= 0.79 and report.pairwise_precision >= 0.69
    assert report.pairwise_recall >= 0.91 and report.bcubed_f1 >= 0.87
    assert report.alerts_per_story <= 1.19


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_sext_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_sext.jsonl: 0.710 pairwise F1 (precision 0.578, recall 0.921), B-cubed
    0.821 and 1.182 alerts per story (10 predicted for 11) when first measured with main's code
    (7a82190), before any change, the same in the file's order and five shuffles. The third
    end-of-stop judge of the twenty-third stories round, gathered to be hard: ten of its eleven
    stories have a look-alike at most four days away (an announcement and the states' suit the
    next day, an order and a president's cancelled visit the next day, two countries' border checks
    of one day, an airlift and a border closure of one day, two deportation flights to one country
    four days apart). Aggregates only: its errors not studied."""
    rows = labelled_rows("sext")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    # stop 28: learned pairs adopted: all LOWERED: F1 0.70 -> 0.68 (0.687), P 0.57 -> 0.56, R 0.92
    # -> 0.87, B-cubed 0.82 -> 0.80 (0.808), alerts 1.19 -> 1.28 (1.273), every order alike
    assert report.pairwise_f1 >= 0.68 and report.pairwise_precision >= 0.56
    assert report.pairwise_recall >= 0.87 and report.bcubed_f1 >= 0.80
    assert report.alerts_per_story <= 1.28


def test_held_out_part_of_the_dev_set_stays_above_its_floor() -> None:
    """The held-out part of tests/data/stories_dev.jsonl (``--part test``): 0.861 pairwise F1
    and 1.212 alerts per story before the time-gap rule."""
    report = _report_of([r for r in dev_rows() if story_part(r["story"]) == "test"])
    assert report.pairwise_f1 >= 0.93 and report.alerts_per_story <= 1.07


def _events_of(row: dict[str, Any]) -> set[str]:
    return event_cues(row["title"], row["summary"])


def test_event_kinds_are_typed_from_real_headlines_in_both_languages() -> None:
    """The kind of event a report tells, from its headline and its lede's first sentence
    (``e:`` cues, tests/data): a policy, an arrest, a release, a ruling, a toll, a removal, a
    protest; a report that names none of them is untyped."""
    twilight, sunrise, fresh = (
        labelled_rows("twilight"),
        labelled_rows("sunrise"),
        labelled_rows("fresh"),
    )
    # "Greece suspends asylum applications as migrants seek to leave Turkey"
    assert _events_of(_row(twilight, "st-18001")) == {"e:policy"}
    assert _events_of(_row(twilight, "st-18003")) == {"e:policy"}  # "suspenden el derecho"
    assert "e:arrest" in _events_of(_row(twilight, "st-18052"))  # "Sea-Watch captain arrested"
    # "Palermo judges acquitted ... Salvini" / "Salvini absuelto en la causa Open Arms"
    assert {"e:release", "e:ruling"} <= _events_of(_row(sunrise, "st-11031"))
    assert "e:release" in _events_of(_row(sunrise, "st-11035"))
    assert "e:death" in _events_of(
        _row(labelled_rows("evening"), "st-17020")
    )  # "18 migrantes fallecen"
    assert _events_of(_row(labelled_rows("dawn"), "st-7030")) == {"e:removal"}  # "Irak repatria"
    assert "e:protest" in _events_of(_row(fresh, "st-3049"))  # "as immigration protests"
    assert "e:protest" in _events_of(_row(fresh, "st-3013"))  # "en medio de protestas"
    # "Aircraft with Iraqi migrants flew from Belarus to Baghdad": no kind named
    assert not _events_of(_row(labelled_rows("dawn"), "st-7078"))


def _pair_similarity(left: dict[str, Any], right: dict[str, Any]) -> float:
    clusterer = Clusterer(pair_model=None)  # the hand factor (a feature of the learned decision)
    when = (
        parse_published(left["published"]).timestamp(),  # type: ignore[union-attr]
        parse_published(right["published"]).timestamp(),  # type: ignore[union-attr]
    )
    return clusterer.similarity(row_cues(left), row_cues(right), published=when)


def test_two_kinds_of_event_are_cut_and_one_kind_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/data/stories_fresh.jsonl: the Guard sent to Los Angeles amid protests (7 June)
    and a judge ordering its control returned (12 June) are two events of one place: a protest
    against an act of authorities, cut to EVENT_FACTOR. An arrest and a court hearing of one
    event are one group (acts: tests/data/stories_sunrise.jsonl, the nine Egyptians), and an
    untyped report is never cut (tests/data/stories_dawn.jsonl, Iraq's first repatriation)."""
    fresh, sunrise, dawn = labelled_rows("fresh"), labelled_rows("sunrise"), labelled_rows("dawn")
    pairs = {
        "cut": (_row(fresh, "st-3049"), _row(fresh, "st-3053")),
        "arrest and court": (_row(sunrise, "st-11025"), _row(sunrise, "st-11022")),
        "untyped": (_row(dawn, "st-7078"), _row(dawn, "st-7030")),
    }
    now = {name: _pair_similarity(*pair) for name, pair in pairs.items()}
    monkeypatch.setattr(scoring_module, "EVENT_FACTOR", 1.0)
    without = {name: _pair_similarity(*pair) for name, pair in pairs.items()}
    assert now["cut"] == pytest.approx(0.5 * without["cut"]) and without["cut"] > 0
    assert now["arrest and court"] == without["arrest and court"] > 0
    assert now["untyped"] == without["untyped"] > 0


def test_event_kinds_are_neither_shared_cues_nor_candidates() -> None:
    """An ``e:`` cue decides a conflict only: it adds nothing to a cosine, to the cues two
    items must share, or to the stories an item is compared with."""
    clusterer = Clusterer()
    clusterer.add("a", "st_a", {"e:death", "w:migra", "c:GR"}, T0)
    assert clusterer.decide("b", {"e:death", "w:migra"}, T0).opened
    a, b = frozenset({"e:death", "w:migra", "c:GR"}), frozenset({"e:death", "w:migra"})
    assert clusterer.similarity(a, b) == 0.0


def test_fresh_set_in_shuffled_orders_keeps_the_guard_and_its_ruling_apart() -> None:
    """tests/data/stories_fresh.jsonl in the five shuffled orders of the stories rounds
    (random.Random(seed).shuffle, seeds 1-5): with the event-kind cut, the reports of the
    Guard's deployment amid protests no longer take in the judge's order on it (mean pairwise
    precision 0.931 -> 0.954 over the six orders, F1 0.936 -> 0.949)."""
    import random

    finder = shipped_entities()
    precisions = []
    for seed in range(1, 6):
        rows = list(labelled_rows("fresh"))
        random.Random(seed).shuffle(rows)
        decisions = cluster_rows(rows, finder)
        report = evaluate([r["story"] for r in rows], [d.story_id for d in decisions])
        precisions.append(report.pairwise_precision)
    assert sum(precisions) / len(precisions) >= 0.95


def test_a_names_spellings_share_its_name_cue() -> None:
    """Transliterations of one name meet through its spelling skeleton (names of six letters
    or more); lexicon stems and short names keep their stem."""
    bhasan = extract("Rohingyas reach it", "Refugees reached Bhasan Char on Friday.").cues
    bhashan = extract("Rohingyas reach it", "Refugees reached Bhashan Char on Friday.").cues
    assert "x:basan" in bhasan and "x:basan" in bhashan
    assert "w:bhasa" in bhasan and "w:bhash" in bhashan  # words keep their spelling
    qaddafi = extract("A word", "A meeting with Qaddafi on Monday.").cues
    kaddafi = extract("A word", "A meeting with Kaddafi on Monday.").cues
    assert qaddafi & kaddafi >= {"x:kadaf"}
    assert "x:asylu" in extract("A word", "The new Asylum and Migration Pact.").cues
    assert "x:kyiv" in extract("A word", "Talks in Kyiv on Monday.").cues


def test_a_rulings_seat_is_the_region_its_headline_names() -> None:
    """tests/data/stories_compline.jsonl: "Federal judge in Hawaii blocks ...", "Un juez
    federal de Hawái bloquea ..." and "Federal judge in Maryland blocks ..." (whose lede names
    Hawaii too) are rulings of two seats (``s:`` cues, the headline's regions only); a report
    of no ruling has no seat."""
    compline = labelled_rows("compline")
    seats = {
        item_id: {c for c in row_cues(_row(compline, item_id)) if c[:2] == "s:"}
        for item_id in ("st-21012", "st-21014", "st-21019", "st-21016")
    }
    assert seats == {
        "st-21012": {"s:HI"},
        "st-21014": {"s:HI"},
        "st-21019": {"s:MD"},
        "st-21016": set(),  # "Bloquean nuevo veto migratorio de Trump": no place named
    }
    assert "r:HI" in row_cues(_row(compline, "st-21019"))  # the lede names the first ruling
    assert not {c for c in extract("Hawaii flight lands in Texas").cues if c[:2] == "s:"}


def test_two_rulings_of_different_seats_are_cut_and_one_naming_both_is_not() -> None:
    """Pairs of different seats are cut to SEAT_FACTOR (0: none of them is one story in the
    labelled files); a headline naming both seats meets either; seats are no shared cue."""
    compline = labelled_rows("compline")
    hawaii, maryland = _row(compline, "st-21012"), _row(compline, "st-21019")
    assert _pair_similarity(hawaii, maryland) == 0.0
    similarity, cues = Clusterer().similarity, frozenset[str]
    hawaii_cues = cues({"s:HI", "w:judg", "w:ban", "e:ruling"})
    assert similarity(cues({"s:HI", "s:MD", "w:judg", "w:ban"}), hawaii_cues) > 0.0
    assert similarity(cues({"s:MD", "w:judg", "w:ban"}), hawaii_cues) == 0.0
    assert similarity(cues({"s:MD", "w:judg"}), cues({"s:MD", "w:judg"})) == 0.0  # 1 shared


def test_a_story_of_another_seat_is_no_candidate_whatever_its_placeless_reports() -> None:
    """A ruling of a named seat joins no story whose reports name seats none of which is its
    own, however close its reports naming no place ("Bloquean nuevo veto migratorio")."""
    clusterer = Clusterer()
    ruling = {"w:judg", "w:ban", "w:trump", "w:block", "e:ruling"}
    clusterer.add("hawaii", "st_h", frozenset(ruling | {"s:HI", "r:HI"}), T0)
    clusterer.add("placeless", "st_h", frozenset(ruling), T0 + 600)
    maryland = frozenset(ruling | {"s:MD", "r:MD", "r:HI"})
    assert clusterer.decide("maryland", maryland, T0 + 3600).opened
    both = frozenset(ruling | {"s:MD", "s:HI"})
    assert not clusterer.decide("both", both, T0 + 3600).opened


def test_an_items_language_is_read_off_its_function_words() -> None:
    """Every item of two labelled files gets its feed's language as an ``l:`` cue (English
    "the", "of"; Spanish "el", "de"); a text with no function word gets none."""
    for name in ("lauds", "compline"):
        for row in labelled_rows(name):
            assert language_cues(f"{row['title']}\n{row['summary']}") == {f"l:{row['lang']}"}
    assert not language_cues("1,200 Rohingyas")
    assert not Clusterer().similarity(frozenset({"l:en", "w:a"}), frozenset({"l:en", "w:a"}))


def test_a_pair_in_two_languages_leaves_out_the_words_of_one_language() -> None:
    """Words held by two items or more of one language and by none of the other are left out
    of the norms of a pair in two languages (LANGUAGE_WORDS), while the item is within a day of
    the story's first report and the story is small (LANGUAGE_STORY_SIZE); a pair in one
    language, or a clusterer that has not seen a language's words, compares as before."""
    spanish_words, english_words = {"w:exigi", "w:anunc", "w:sabad"}, {"w:sourc", "w:tight"}
    event = {"c:EC", "w:passp", "w:venez", "w:enter"}
    clusterer = Clusterer(pair_model=None)
    for n in range(2):  # reports of other events in either language
        old = T0 - DAY * (n + 2)
        clusterer.add(f"es{n}", f"st_es{n}", frozenset(spanish_words | {"l:es", "c:MX"}), old)
        clusterer.add(f"en{n}", f"st_en{n}", frozenset(english_words | {"l:en", "c:GT"}), old)
    english = frozenset(event | english_words | {"l:en"})
    clusterer.add("en-first", "st_ev", english, T0)
    spanish = frozenset(event | spanish_words | {"l:es"})
    unknown = spanish - {"l:es"}  # no language: compared as before
    similarity = clusterer.similarity
    assert similarity(spanish, english) > similarity(unknown, english) > 0.0
    assert similarity(spanish, spanish | {"w:other"}) == similarity(unknown, unknown | {"w:other"})
    assert Clusterer(pair_model=None).similarity(spanish, english) == Clusterer(
        pair_model=None
    ).similarity(unknown, english)
    twin = clusterer.decide("es-twin", spanish, T0 + 3600)
    assert twin.score > clusterer.decide("x", unknown, T0 + 3600).score
    late = clusterer.decide("es-late", spanish, T0 + 30 * 3600)  # a day and more after
    assert late.score == clusterer.decide("x", unknown, T0 + 30 * 3600).score
    for n in range(LANGUAGE_STORY_SIZE):  # a grown story: compared as before
        clusterer.add(f"en-more{n}", "st_ev", english | {f"w:more{n}"}, T0 + n)
    grown = clusterer.decide("es-grown", spanish, T0 + 3600)
    assert grown.score == clusterer.decide("x", unknown, T0 + 3600).score
