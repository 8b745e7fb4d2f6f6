"""The never-seen judge sets of the stories rounds (tests/data/README.md) stay above their floors,
in the file's order and five shuffles: gloaming, noctis, meridian, ember, cinder, kindling,
tinder, fresh45, fresh46, fresh47a, fresh47b, fresh48, fresh48b, fresh49, fresh49b, fresh50,
fresh50b, fresh51, fresh51b, fresh52, fresh52b, fresh53 and fresh54.
Each was labelled blind and committed before the clusterer ran on it; only their aggregate
figures are read (never an item's assignment) while they judge, and the rounds fit nothing on
them (``bench/stories_learned/common.py`` ``JUDGES``). gloaming and noctis were released for
study at stop 30 (their errors read, training files of the twenty-ninth round), meridian, ember,
cinder, kindling and tinder at stop 46 (``bench/stories_round46``), fresh45 at stop 47, fresh46
at stop 48, fresh47a and fresh47b at stop 49, fresh48 and fresh48b at stop 50, fresh49 and
fresh49b at stop 51, fresh50 and fresh50b at stop 52, fresh51 and fresh51b at stop 53, fresh52
and fresh52b at stop 54: regression floors now. fresh53 and fresh54 judge."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import pytest
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows, shipped_entities


@dataclass(frozen=True)
class Floor:
    f1: float
    precision: float
    recall: float
    bcubed: float
    alerts: float  # at most


# The figures measured with the twenty-seventh round's code (court-level conflict, stop 28,
# docs/measurements/stories.md), the same in the file's order and five shuffles, rounded down
# a little (alerts up): gloaming F1 0.933 (P 0.943, R 0.922), B-cubed 0.952, 1.182 alerts per
# story; noctis 0.734 (P 0.608, R 0.927), 0.832, 1.182; meridian 1.000, 1.000, 1.000.
# First measured with main's code before any change: gloaming 0.873 (d56151d, hand factors;
# 0.861 with the learned pairs of stop 28), a judge of stop 28 gathered like the issue's
# hidden set (three rulings on one asylum rule, two of them two days apart; two wrecks off one
# Libyan town a month apart; three jumps of the Ceuta fence; a detention-centre strike and a
# wreck a day apart; two wrecks off Zarzis two years apart); noctis 0.570 (d56151d; 0.695 with
# the learned pairs), look-alikes one to three days apart away from the US news of 2025 (two
# British rulings on the first Rwanda flight, an injunction halting a deportation flight and its
# extension, four Venezuelan measures on one border in nine days, a decree against a caravan and
# the caravan bused back); meridian 1.000 with the learned pairs, look-alikes one to ten days
# apart. ember (stop 30, 59 items, 14 stories, 46 % Spanish; eleven border closures and
# reopenings, about ten look-alike pairs one to four days apart: Venezuela's sea, Brazilian and
# Colombian borders closed on consecutive days in February 2019, the March 2020 closures of
# Colombia, Argentina, Peru and Brazil), measured once with main 370ca89 before any round
# changed the clusterer: F1 0.957 (P 0.949, R 0.965), B-cubed 0.972, 1.071 alerts per story,
# the same in the file's order and five shuffles. cinder (stop 30, 42 items, 14 stories, all
# deportation or repatriation flights, 52 % Spanish; five look-alike pairs of flights on one
# route or from one state 1-21 days apart: Chile's fourth and fifth Haiti flights, Mexico's two
# Tapachula-Caracas flights, Panama's Ecuador and New Delhi flights), measured once with main
# b47e9e2 before any round changed the clusterer: F1 0.778 (P 0.875, R 0.700), B-cubed 0.868,
# 1.500 alerts per story, the same in the file's order and five shuffles. After stop 30's
# flight-cue change (airports and demonyms as country cues, helper stcues; measured once):
# F1 0.830 (P 0.886, R 0.780), B-cubed 0.898, 1.357 alerts, in every order. kindling (stop 31,
# 40 items, 13 stories, 9 of them flights in the Americas 2023-2026, 52 % Spanish; look-alikes:
# three Panama-Medellin flights of 43 people, two Chile charters, two Ecuador election closures),
# measured once with main 82189d7's clusterer before any round of stop 31: F1 0.862 (P 1.000,
# R 0.758), B-cubed 0.906, 1.385 alerts per story, the same in every order. tinder (stop 35,
# 55 items, 12 stories, 49 % Spanish, mostly border closures and rulings; look-alikes: two
# Lithuania-Belarus closures, two Poland-Belarus closures, two Strasbourg rulings on one Melilla
# case, two Australian High Court rulings on released detainees, two Aquarius landings in Malta),
# measured once with main c7649c6's clusterer before any change of stop 35: F1 0.908 (P 1.000,
# R 0.832), B-cubed 0.935, 1.250 alerts per story.
FLOORS = {
    # stop 48 (a headline reversing the last act, a day or more on, is not its story): F1 0.933 ->
    # 0.983 (P 1.000, R 0.967), B-cubed 0.985, 1.091 alerts per story raised, every order
    "gloaming": Floor(f1=0.98, precision=0.99, recall=0.96, bcubed=0.98, alerts=1.10),
    # stop 40 (headline conflict and refit): F1 0.734 -> 0.746, precision 0.608 -> 0.649 raised;
    # recall 0.927 -> 0.878 and alerts 1.182 -> 1.273 LOWERED, the same in all six orders
    "noctis": Floor(f1=0.74, precision=0.64, recall=0.87, bcubed=0.83, alerts=1.28),
    "meridian": Floor(f1=0.99, precision=0.99, recall=0.99, bcubed=0.99, alerts=1.01),
    # stop 40 (headline conflict and refit, read once by the lead after the merge, the same in
    # every order): ember 0.957 -> 1.000 (alerts 1.071 -> 1.000) and cinder 0.830 -> 0.876
    # (precision 0.886 -> 1.000) raised; tinder 0.908 -> 0.880 (recall 0.832 -> 0.785, B-cubed
    # 0.935 -> 0.918, alerts 1.250 -> 1.333: one more story opened) LOWERED.
    "ember": Floor(f1=0.99, precision=0.99, recall=0.99, bcubed=0.99, alerts=1.01),
    "cinder": Floor(f1=0.87, precision=0.99, recall=0.77, bcubed=0.91, alerts=1.36),
    "kindling": Floor(f1=0.86, precision=0.99, recall=0.75, bcubed=0.90, alerts=1.39),
    "tinder": Floor(f1=0.87, precision=0.99, recall=0.78, bcubed=0.91, alerts=1.34),
    # fresh45 (stop 45, 46 items, 15 stories, 50 % Spanish, mostly border policy; look-alikes:
    # Mexico's visa decrees for Ecuador, Brazil (draft and decree six weeks apart) and Venezuela,
    # Finland's crossings reopened and closed again two days later, Ceuta's reopening announced
    # and done five days apart, Colombia's election closures for first rounds and runoffs),
    # labelled blind by stfresh45 and read once by the lead with main e27ecdc's clusterer: F1
    # 0.830 (P 0.718, R 0.984), B-cubed 0.935, 1.067 alerts per story, the same in every order.
    # stop 48 (reversals): F1 0.830 -> 0.992 (P 1.000, R 0.984), B-cubed 0.989, 1.067 alerts per
    # story raised, every order (Finland's reclosure leaves the reopening two days before)
    "fresh45": Floor(f1=0.99, precision=0.99, recall=0.98, bcubed=0.98, alerts=1.07),
    # fresh46 (stop 46, 56 items, 13 stories, 52 % Spanish, mostly border policy; look-alikes:
    # the Balkan closures of 2015 - Macedonia's closure and reopening two days apart, Germany's,
    # Hungary's, Croatia's and Slovenia's measures of 13-18 Sep, Serbia's cargo ban and Croatia's
    # lifting of its blockade two days apart, Hungary's Croatian closure a month after its Serbian
    # one - Ecuador's visa for Venezuelans announced and in force a month apart, Chile's visa),
    # labelled blind by stfresh46 and read once with main 23f711a's clusterer: F1 0.878 (P 0.839,
    # R 0.920), B-cubed 0.920, 1.231 alerts per story in the file's order; ORDER-DEPENDENT, the
    # lowest of the six orders F1 0.835 (P 0.765, seeds 1 and 5), R 0.903 and 1.308 alerts (seed 3)
    "fresh46": Floor(f1=0.83, precision=0.76, recall=0.90, bcubed=0.89, alerts=1.31),
    # fresh47a (stop 47, 49 items, 16 stories, 49 % Spanish, all deportation or repatriation
    # flights; look-alikes on one route weeks or months apart: five UK charters to Jamaica
    # 2019-2022 (two of them with seven on board), eight US ICE flights to Havana 2023-2024 (two
    # of 37 people two months apart, others of 45-54), Venezuela's refusal of a Chilean expulsion
    # flight and Chile's first charter to Caracas a month later), labelled blind by stfresh47a
    # and read once with main 375d1cb0's clusterer: F1 1.000 (P 1.000, R 1.000), B-cubed 1.000,
    # 1.000 alerts per story, 16 predicted stories for 16, the same in all six orders
    "fresh47a": Floor(f1=0.99, precision=0.99, recall=0.99, bcubed=0.99, alerts=1.01),
    # fresh47b (stop 47, 51 items, 11 stories, 53 % Spanish, all border and immigration policy;
    # look-alikes: three rulings on the US public charge rule - three judges of 11 Oct 2019, the
    # Supreme Court's stay of Jan 2020, the Chicago judge of Nov 2020 - Australia's medevac law
    # passed and repealed ten months apart, Italy's Salvini decree approved and replaced two years
    # apart, Colombia's PEP created and reopened, courts suspending passport rules for Venezuelans
    # in Peru and Ecuador five months apart), labelled blind by stfresh47b and read once with main
    # 375d1cb's clusterer: F1 0.932 (P 1.000, R 0.873), B-cubed 0.950, 1.273 alerts per story in
    # the file's order and seed 5 (the lowest); seeds 1-4 F1 0.959 (R 0.922), B-cubed 0.968, 1.182.
    # Studied since stop 49; its round's rule (a young story takes the first report in a new
    # language up to six items) joins the Spanish medevac report in every order: floor raised
    "fresh47b": Floor(f1=0.95, precision=0.99, recall=0.92, bcubed=0.96, alerts=1.19),
    # fresh48 (stop 48, 50 items, 15 stories, 54 % Spanish, mixed topics; look-alikes: Morocco
    # stopping the called crossing into Ceuta of 15 Sep 2024 and its announcement of 152 arrests
    # for the call four days later, Cyprus suspending Syrian asylum claims and the EU's Lebanon
    # package three weeks later, nine repatriation flights from the US to Venezuela two to four
    # days apart in Jan-Mar 2026, two of them of 134 people), labelled blind by stfresh48 and
    # read once with main 9b97222e's clusterer: F1 0.996 (P 0.991, R 1.000), B-cubed 0.990, 1.000
    # alerts per story, 14 predicted stories for 15, the same in all six orders
    "fresh48": Floor(f1=0.99, precision=0.99, recall=0.99, bcubed=0.98, alerts=1.01),
    # fresh48b (stop 48, 50 items, 10 stories, 48 % Spanish, all border-policy, told by several
    # outlets in both languages; look-alikes: Germany's cabinet and Bundestag steps of the
    # family-reunification suspension a month apart and the Bundestag's 2018 cap, Portugal's
    # foreigners law voted, struck down and vetoed, then promulgated, Ireland's UK-returns law and
    # the moot appeal ten months later), labelled blind by stfresh48b and read once with main
    # 0418a4ac's clusterer: F1 1.000 (P 1.000, R 1.000), B-cubed 1.000, 1.000 alerts per story,
    # 10 predicted stories for 10, the same in all six orders
    "fresh48b": Floor(f1=0.99, precision=0.99, recall=0.99, bcubed=0.99, alerts=1.01),
    # fresh49 (stop 49, 53 items, 11 stories, 53 % Spanish, all border-policy; look-alikes: nine
    # steps of the Chile-Peru affair around Kast from 1 Dec 2025 to 16 Mar 2026 - the binational
    # committee, his Lima stopover and Quito meeting the same day, his Lima meeting and Jeri
    # ruling his corridor out five days later, his decrees and the trench five days later - and
    # the Dominican hospital deportations told by 13 outlets with different numbers), labelled
    # blind by stfresh49 and read once with main 4ffef880's clusterer: F1 0.885 (P 0.984, R
    # 0.804), B-cubed 0.915, 1.364 alerts per story, 14 predicted stories for 11, the same in
    # all six orders
    "fresh49": Floor(f1=0.88, precision=0.98, recall=0.80, bcubed=0.91, alerts=1.37),
    # fresh49b (stop 49, 51 items, 16 stories, 53 % Spanish, all repatriation flights; look-alikes:
    # a series of US-Venezuela flights on one route in the same wire wording, each its own story
    # (259, 185 and 185 two days apart, 279 and 298, 175 and 136, five flights in nine days), the
    # suspension and reauthorisation announcements between them, and two US deportation flights to
    # Cameroon, the first revealed a month late two days before the second), labelled blind by
    # stfresh49b and read once with main 5dc382c7's clusterer: F1 0.795 (P 0.678, R 0.961),
    # B-cubed 0.869, 1.062 alerts per story, 13 predicted stories for 16 in the file's order and
    # three shuffles, 0.773 (P 0.679, R 0.898), 0.846, 1.125 in two shuffles: the floors sit
    # under the lower order
    "fresh49b": Floor(f1=0.77, precision=0.67, recall=0.89, bcubed=0.84, alerts=1.13),
    # fresh50b (stop 50, 51 items, 11 stories, 53 % Spanish, all border-policy; look-alikes: six
    # US steps one to three days apart after the National Guard shooting of 26 Nov 2025 - the
    # Afghan halt, Trump's "Third World" vow, the green card review, the asylum pause, the memo
    # on the 19 countries' applications, the travel ban's expansion - with the same names and
    # "19 countries", and Venezuela's election border closures of 2018-2025 in the same words),
    # labelled blind by stfresh50b and read once with main d607949c's clusterer: F1 0.643 (P
    # 0.560, R 0.754), B-cubed 0.768, 1.364 alerts per story, 11 predicted stories for 11, the
    # same in all six orders
    "fresh50b": Floor(f1=0.64, precision=0.55, recall=0.75, bcubed=0.76, alerts=1.37),
    # fresh50 (stop 50, 35 items, 10 stories, 49 % Spanish; look-alikes: successive US deportation
    # groups to Ghana - the first 14's disputed fate told over five days in both languages, their
    # transfer to Togo, a second 14 and a third 19 - and Venezuela's flights 98, 101, 112 and 113,
    # two of 110 from Miami two days apart; a split case: the first Cuba flight of 2026 told by 8
    # outlets, most ten days late), labelled blind by stfresh50 and read once with main d607949c's
    # clusterer: F1 0.768 (P 0.921, R 0.659), B-cubed 0.851, 1.300 alerts per story, 11 predicted
    # stories for 10, the same in all six orders
    "fresh50": Floor(f1=0.76, precision=0.92, recall=0.65, bcubed=0.85, alerts=1.31),
    # fresh51 (stop 51, 53 items, 12 stories, 47 % Spanish, all border-policy; look-alikes:
    # Germany's internal border controls extended "for six months" three times - Scholz's of 12
    # Feb 2025, the Commission's listing of Aug 2025, Dobrindt's of 16 Feb 2026 - with Dobrindt's
    # order to turn asylum seekers back (7 May 2025) between them, the Dutch checks announced (11
    # Nov 2024), begun four weeks later and extended twice, and the Mexico-Peru visa steps, four
    # in 13 days with a reversal), labelled blind by stfresh51 and read once with main fcbe7188's
    # clusterer (its stories code unchanged since ed3c5874): F1 0.902 (P 0.863, R 0.944),
    # B-cubed 0.937, 1.167 alerts per story, 13 predicted stories for 12, the same in all six
    # orders
    "fresh51": Floor(f1=0.90, precision=0.86, recall=0.94, bcubed=0.93, alerts=1.17),
    # fresh51b (stop 51, 35 items, 10 stories, 54 % Spanish; look-alikes: the Alien Enemies Act
    # appeal in three steps four weeks apart - the Fifth Circuit panel's ruling of 2 Sep 2025, the
    # government's petition, the en banc order of 30 Sep - the Guatemalan children's orders of 13
    # and 18 Sep 2025 with the same judge, and five US-Venezuela deportation flights, those of 22
    # and 24 Oct 2025 two days apart with separated children), labelled blind by stfresh51b and
    # read once with main f02fd68a's clusterer (its stories code unchanged since ed3c5874): F1
    # 0.971 (P 1.000, R 0.944), B-cubed 0.977, 1.100 alerts per story, 11 predicted stories for
    # 10, the same in all six orders
    "fresh51b": Floor(f1=0.97, precision=0.99, recall=0.94, bcubed=0.97, alerts=1.11),
    # fresh52 (stop 52, 40 items, 13 stories, 50 % Spanish, all border-policy; look-alikes: the
    # Canaries' weekly counts of signed minors-transfer files in the same sentence - 140 (6 Nov
    # 2025), 295 (11 Dec), 671 (19 Feb 2026) - beside the asylum-track transfers beginning, the
    # migratory contingency declared and the first three minors leaving; Brazil's transit-visa
    # rule announced (21 Aug 2024), the stranded migrants at Guarulhos and the rule begun (26 Aug);
    # the reverse-flow figures of Mar, Aug and Dec 2025), labelled blind by stfresh52 and read once
    # with main df99cf19's clusterer (its stories code unchanged since 7bf3b4c9): F1 0.796 (P 1.000,
    # R 0.661), B-cubed 0.893, 1.385 alerts per story, 18 predicted stories for 13, the same in all
    # six orders
    "fresh52": Floor(f1=0.79, precision=0.99, recall=0.66, bcubed=0.89, alerts=1.39),
    # fresh52b (stop 52, 50 items, 11 stories, 50 % Spanish, all border-policy; look-alikes: the EU
    # Return Regulation's "return hubs" at four steps - proposal (11 Mar 2025), Council position
    # (8 Dec 2025), LIBE mandate (9 Mar 2026) and plenary 17 days later, trilogue deal (1 Jun
    # 2026) - the safe-countries-of-origin list's same seven names at five steps (16 Apr 2025 to
    # 23 Feb 2026), and the 2008 Return Directive's plenary vote), labelled blind by stfresh52b and
    # read once with main c3396eff's clusterer (its stories code unchanged since 7bf3b4c9): F1
    # 0.991 (P 1.000, R 0.982), B-cubed 0.987, 1.091 alerts per story, 12 predicted stories for
    # 11, the same in all six orders
    "fresh52b": Floor(f1=0.99, precision=0.99, recall=0.98, bcubed=0.98, alerts=1.10),
    # fresh53 (stop 53, 43 items, 12 stories, 47 % Spanish, all border-policy; look-alikes:
    # Operation Wuambushu's first month in Mayotte - the Comoros refusing expellees (21 Apr 2023),
    # a boat refused (24 Apr), the Talus 2 demolition halted by a court (24 Apr), the ports reopened
    # to passengers with papers (27 Apr), voluntary returns accepted (15 May) and the ferry resumed
    # (17 May), the demolition begun (22 May) - France's Mayotte jus soli announced (11 Feb 2024),
    # voted at first reading (6 Feb 2025) and adopted (8 Apr 2025), Spain's immigration regulation
    # approved (19 Nov 2024) and in force (20 May 2025)), labelled blind by stfresh53 and read once
    # with main ff605c6c's clusterer (its stories code unchanged since 7bf3b4c9): F1 0.863 (P
    # 0.868, R 0.857), B-cubed 0.914, 1.167 alerts per story, 12 predicted stories for 12, in the
    # file's order and seeds 2, 3, 5; ORDER-DEPENDENT, seeds 1 and 4 F1 0.824 (P 0.859, R 0.792),
    # B-cubed 0.900, the same 1.167 alerts: floors at the lowest of the six orders
    "fresh53": Floor(f1=0.82, precision=0.85, recall=0.79, bcubed=0.89, alerts=1.17),
    # fresh54 (stop 54, 33 items, 14 stories, 42 % Spanish, 14 repatriation-flights and 19
    # border-policy; look-alikes: Australia's section 501 deportations to New Zealand at separate
    # steps - Ardern's "corrosive" in Auckland (22 Feb 2019) and Sydney (28 Feb 2020), Albanese
    # keeping 501 (10 Jun 2022), Direction 99 signed (Jan 2023), its replacement announced (29 May
    # 2024) and Direction 110 issued (7 Jun 2024) - the charters' isolation plans (26 Jun 2020),
    # resumption (13 Jul 2020), a deported minor (Mar 2021) and flights to resume (21 Oct 2021),
    # Peru's first US flight (1 Feb 2025) and tally (16 Feb), 127 Bolivians detained (20 Feb) and
    # three landing (28 Feb)), labelled blind by stfresh54 and read once with main 1c7253b6's
    # clusterer (its stories code as of 25f047f1): F1 0.959 (P 1.000, R 0.921), B-cubed 0.977,
    # 1.071 alerts per story, 15 predicted stories for 14, in the file's order and seeds 1-4;
    # seed 5 F1 1.000, B-cubed 1.000, 1.000 alerts: floors at the lowest of the six orders
    "fresh54": Floor(f1=0.95, precision=0.99, recall=0.92, bcubed=0.97, alerts=1.08),
}


def _report_of(rows: list[dict[str, Any]]) -> ClusterReport:
    decisions = cluster_rows(rows, shipped_entities())
    return evaluate([r["story"] for r in rows], [d.story_id for d in decisions])


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_never_seen_judge_stays_above_its_floor(name: str, seed: int | None) -> None:
    rows = labelled_rows(name)
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report, floor = _report_of(rows), FLOORS[name]
    assert report.pairwise_f1 >= floor.f1 and report.pairwise_precision >= floor.precision
    assert report.pairwise_recall >= floor.recall and report.bcubed_f1 >= floor.bcubed
    assert report.alerts_per_story <= floor.alerts
