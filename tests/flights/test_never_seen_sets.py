"""The never-seen flights sets gathered since stop 26: their figures must not drop.

prime and terce are studied from stop 28, sundown, daybreak and aurora from stop 30 (released
judges, their errors read): their floors hold studied-set figures, no longer never-seen measures.
ashfall (stop 30) was a studied pool from the start.

Each set (tests/data/flights_<name>.jsonl) was gathered and labelled blind for issue 15 and
measured once with main's extractor before any change; a check half, drawn by a seed fixed
before that measurement (split.check_half, as the twilight and nightfall halves), is only ever
counted. The floors are figures cut to two decimals (docs/measurements/flights.md has each
set's section); raise them when a change lifts a set, never lower them to let a change pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from wirewatch_flights.evaluation import Scores, score

from tests.flights.split import check_half

DATA = Path(__file__).resolve().parents[1] / "data"
GOAL_FIELDS = ("precision", "recall", "destination", "status", "origin", "people")


@dataclass(frozen=True)
class NeverSeenSet:
    name: str
    seed: int
    """Fixed before the set was measured or any of its errors read."""
    items: int
    reports_in_check: int
    check_items: int
    floors: tuple[float, ...]
    """Whole set: the six goal fields (GOAL_FIELDS), then flight_date and operator."""
    language_floors: dict[str, tuple[float, ...]]
    """Per language: the six goal fields."""

    @property
    def path(self) -> Path:
        return DATA / f"flights_{self.name}.jsonl"

    def rows(self) -> list[dict[str, object]]:
        if not self.path.exists():
            pytest.skip(f"{self.path} is missing")
        text = self.path.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line]


SETS = [
    # compline: 40 items, 27 reports, 13 hard negatives, 17 Spanish. Never seen, main 8059845:
    # precision 0.867, recall 0.963, destination 0.963, status 0.926, origin 0.704, people 0.815,
    # flight_date 0.889, operator 0.815. The whole-set floors are the figures after the
    # twenty-first round, which read only the dev half's errors (0.964, 1.000, 1.000, 1.000, 0.926,
    # 0.852, 0.926, 0.963: a tuned half mixed with a counted one); the language floors stay at the
    # never-seen measurement (23 English items with 18 reports, 17 Spanish with 9). Origin 0.963
    # since the twenty-third round (its check half rose 0.857 -> 0.929, counted only). People
    # 0.889 since the twenty-sixth round (check half 0.714 -> 0.786, counted only). Precision
    # 1.000 (Spanish 1.000) since the twenty-seventh round (a domestic flight to the border).
    NeverSeenSet(
        "compline",
        seed=20261220,
        items=40,
        check_items=21,
        reports_in_check=14,
        floors=(0.98, 1.0, 1.0, 1.0, 0.96, 0.88, 0.92, 0.96),
        language_floors={
            "en": (0.89, 0.94, 0.94, 0.94, 0.66, 0.83),
            "es": (0.98, 1.0, 1.0, 0.88, 0.77, 0.77),
        },
    ),
    # lauds: 36 items, 23 reports, 13 hard negatives, 15 Spanish. Never seen, main 7036084 (the
    # stop's final extractor): precision 0.840, recall 0.913, destination 0.739, status 0.826,
    # origin 0.783, people 0.783, flight_date 0.783, operator 0.696; English (13 reports) 0.846,
    # 0.846, 0.692, 0.692, 0.846, 0.615; Spanish (10) 0.833, 1.000, 0.800, 1.000, 0.700, 1.000.
    # The whole-set floors are the figures after the twenty-second round, which read only the dev
    # half's errors (0.880, 0.957, 0.913, 0.913, 0.913, 0.913, 0.870, 0.739: a tuned half mixed
    # with a counted one that did not move); the language floors stay at the never-seen figures.
    # Origin 0.957 since the twenty-third round (its check half rose 0.818 -> 0.909, counted).
    # Precision 0.957 (Spanish 1.000) since the twenty-seventh round (a percentage headline, land).
    NeverSeenSet(
        "lauds",
        seed=20261221,
        items=36,
        check_items=18,
        reports_in_check=11,
        floors=(0.95, 0.95, 0.91, 0.91, 0.95, 0.91, 0.86, 0.73),
        language_floors={
            "en": (0.84, 0.84, 0.69, 0.69, 0.84, 0.61),
            "es": (0.98, 1.0, 0.8, 1.0, 0.7, 1.0),
        },
    ),
    # prime: 41 items, 26 reports, 15 hard negatives, 19 Spanish. Never seen, main 2514d3e (the
    # extractor when the twenty-third round began): precision 0.833, recall 0.962, destination
    # 0.769, status 0.885, origin 0.692, people 0.808, flight_date 0.923, operator 0.654; English
    # (18 reports) 0.850, 0.944, 0.778, 0.889, 0.667, 0.722; Spanish (8) 0.800, 1.000, 0.750,
    # 0.875, 0.750, 1.000. The end-of-stop judge of that round; studied since stop 28: the floors
    # are the figures after the twenty-sixth round (1.000, 1.000, 0.962, 0.962, 0.923, 0.923,
    # 0.962, 0.808; English 1.000, 1.000, 1.000, 0.944, 0.944, 0.889; Spanish 1.000, 1.000,
    # 0.875, 1.000, 0.875, 1.000), fitted, no longer a never-seen measure.
    NeverSeenSet(
        "prime",
        seed=20261227,
        items=41,
        check_items=20,
        reports_in_check=13,
        floors=(0.98, 0.98, 0.96, 0.96, 0.92, 0.92, 0.96, 0.8),
        language_floors={
            "en": (0.98, 0.98, 0.98, 0.94, 0.94, 0.88),
            "es": (0.98, 0.98, 0.87, 0.98, 0.87, 0.98),
        },
    ),
    # terce: 36 items, 24 reports, 12 hard negatives, 17 Spanish (12 Spanish reports). Never seen,
    # main 7a82190 (the extractor when the stop's parallel round fl23 was under way): precision
    # 0.885, recall 0.958, destination 0.792, status 0.833, origin 0.583, people 0.833, flight_date
    # 0.917, operator 0.750; English (12 reports) 0.846, 0.917, 0.833, 0.833, 0.667, 0.833; Spanish
    # (12) 0.923, 1.000, 0.750, 0.833, 0.500, 0.833. A second end-of-stop judge beside prime;
    # studied since stop 28: the floors are the figures after the twenty-sixth round (0.958,
    # 0.958, 0.875, 0.958, 0.750, 0.875, 0.917, 0.792; English 1.000, 0.917, 0.833, 0.917, 0.667,
    # 0.833; Spanish 0.923, 1.000, 0.917, 1.000, 0.833, 0.917), fitted. Precision 1.000 (Spanish
    # 1.000) since the twenty-seventh round (a domestic flight to the border, then land).
    NeverSeenSet(
        "terce",
        seed=20261228,
        items=36,
        check_items=17,
        reports_in_check=12,
        floors=(0.98, 0.95, 0.87, 0.95, 0.75, 0.87, 0.91, 0.79),
        language_floors={
            "en": (0.98, 0.91, 0.83, 0.91, 0.66, 0.83),
            "es": (0.98, 0.98, 0.91, 0.98, 0.83, 0.91),
        },
    ),
    # sundown: 21 items, 11 reports, 10 hard negatives, 9 Spanish (3 Spanish reports). Never seen,
    # the code this branch started from (main d56151d): precision 0.846, recall 1.000, destination
    # 1.000, status 0.909, origin 0.818, people 0.727, flight_date 0.727, operator 0.545; English (8
    # reports) 0.889, 1.000, 1.000, 0.875, 0.875, 0.750; Spanish (3) 0.750, 1.000, 1.000, 1.000,
    # 0.667, 0.667. A stop-28 judge, measured several times; studied from stop 30 (released: its
    # errors read): the floors are main's figures on a studied set, no longer a never-seen measure
    # (the thirtieth round, which read them, was not adopted).
    NeverSeenSet(
        "sundown",
        seed=20261230,
        items=21,
        check_items=10,
        reports_in_check=5,
        floors=(0.84, 1.0, 1.0, 0.9, 0.81, 0.72, 0.72, 0.54),
        language_floors={
            "en": (0.88, 1.0, 1.0, 0.87, 0.87, 0.75),
            "es": (0.75, 1.0, 1.0, 1.0, 0.66, 0.66),
        },
    ),
    # daybreak: 11 items, 5 reports, 6 hard negatives, 5 Spanish (3 Spanish reports). Never seen,
    # the code this branch started from (main 3e27f33): precision 0.625, recall 1.000, destination
    # 0.800, status 1.000, origin 1.000, people 1.000, flight_date 1.000, operator 0.400; English (2
    # reports) 0.667, 1.000, 1.000, 1.000, 1.000, 1.000; Spanish (3) 0.600, 1.000, 0.667, 1.000,
    # 1.000, 1.000; precision 0.714 (Spanish 0.750) since the twenty-seventh round. A stop-28
    # judge, tiny, measured several times; studied from stop 30 (released: its errors read): the
    # floors are main's figures on a studied set (the thirtieth round was not adopted).
    NeverSeenSet(
        "daybreak",
        seed=20261231,
        items=11,
        check_items=6,
        reports_in_check=3,
        floors=(0.71, 1.0, 0.8, 1.0, 1.0, 1.0, 1.0, 0.4),
        language_floors={
            "en": (0.66, 1.0, 1.0, 1.0, 1.0, 1.0),
            "es": (0.75, 1.0, 0.66, 1.0, 1.0, 1.0),
        },
    ),
    # aurora: 41 items, 22 reports, 19 hard negatives, 17 Spanish (7 Spanish reports). Never seen,
    # main e9792a8 (the lead's measurement): precision 0.833, recall 0.909, destination 0.818,
    # status 0.864, origin 0.818, people 0.773; flight_date 0.818, operator 0.636; English (15
    # reports) 0.929, 0.867, 0.867, 0.867, 0.867, 0.800; Spanish (7) 0.700, 1.000, 0.714, 0.857,
    # 0.714, 0.714 (unchanged by the twenty-eighth and twenty-ninth rounds). A stop-29 judge,
    # measured several times; studied from stop 30 (released: its errors read): the floors are
    # main's figures on a studied set, cut to two decimals (the thirtieth round was not adopted).
    NeverSeenSet(
        "aurora",
        seed=20261205,
        items=41,
        check_items=21,
        reports_in_check=11,
        floors=(0.83, 0.9, 0.81, 0.86, 0.81, 0.77, 0.81, 0.63),
        language_floors={
            "en": (0.92, 0.86, 0.86, 0.86, 0.86, 0.79),
            "es": (0.69, 0.99, 0.71, 0.85, 0.71, 0.71),
        },
    ),
    # ashfall: 45 items, 29 reports, 16 hard negatives, 27 Spanish (15 Spanish reports). A studied
    # pool from its start (stop 30, the thirtieth round's second part): gathered and labelled blind,
    # committed before any code ran on it, its errors read. Main d31fd4e / b2f90c4: precision
    # 0.875, recall 0.966, destination 0.793, status 0.793, origin 0.793, people 0.931, flight_date
    # 0.828, operator 0.828; English (14 reports) 0.765, 0.929, 0.714, 0.714, 0.786, 0.929; Spanish
    # (15) 1.000, 1.000, 0.867, 0.867, 0.800, 0.933. The round written from its errors was not
    # adopted (tideline unchanged): the floors are main's figures, cut to two decimals, a
    # hundredth under where a figure is exact. Check-half seed fixed before the first run.
    NeverSeenSet(
        "ashfall",
        seed=20261207,
        items=45,
        check_items=23,
        reports_in_check=15,
        floors=(0.87, 0.96, 0.79, 0.79, 0.79, 0.93, 0.82, 0.82),
        language_floors={
            "en": (0.76, 0.92, 0.71, 0.71, 0.78, 0.92),
            "es": (0.99, 0.99, 0.86, 0.86, 0.79, 0.93),
        },
    ),
    # tideline: 48 items, 24 reports, 24 hard negatives, 23 Spanish (10 Spanish reports). Never
    # seen, gathered and labelled blind in stop 30 (2026-12-05), measured once by the lead with
    # main 4b41f47's extractor (aggregates only): precision 0.885, recall 0.958, destination
    # 0.833, status 0.833, origin 0.958, people 0.875, flight_date 0.833, operator 0.792;
    # English (14 reports) 0.929, 0.929, 0.857, 0.714, 0.929, 0.857; Spanish (10) 0.833, 1.000,
    # 0.800, 1.000, 1.000, 0.900. Floors: those figures cut to two decimals, a hundredth under
    # where a figure is exact. Check-half seed fixed before the measurement. Stop 32: the status
    # arbiter on honest rules cues (adopted by a rule committed first) took status to 0.875
    # (English 0.786); the status floors rose with it.
    NeverSeenSet(
        "tideline",
        seed=20261206,
        items=48,
        check_items=23,
        reports_in_check=12,
        floors=(0.88, 0.95, 0.83, 0.87, 0.95, 0.87, 0.83, 0.79),
        language_floors={
            "en": (0.92, 0.92, 0.85, 0.78, 0.92, 0.85),
            "es": (0.83, 0.99, 0.79, 0.99, 0.99, 0.89),
        },
    ),
    # lodestar: 36 items, 20 reports, 16 hard negatives, 17 Spanish (8 Spanish reports), mostly
    # Europe, Africa, Asia and Gulf routes of 2010-2025. Never seen, gathered and labelled blind in
    # stop 31 (2026-12-05), measured once by the lead with main ec1c73c's extractor (aggregates
    # only): precision 0.850, recall 0.850, destination 0.800, status 0.650, origin 0.800, people
    # 0.750, flight_date 0.800, operator 0.650; English (12 reports) 0.917, 0.917, 0.917, 0.667,
    # 0.917, 0.750; Spanish (8) 0.750, 0.750, 0.625, 0.625, 0.625, 0.750. Floors as tideline's.
    # Check-half seed fixed before any of its errors is read. Stop 32: status 0.700 (English
    # 0.750) with the status arbiter; the status floors rose with it.
    NeverSeenSet(
        "lodestar",
        seed=20261208,
        items=36,
        check_items=18,
        reports_in_check=10,
        floors=(0.84, 0.84, 0.79, 0.69, 0.79, 0.74, 0.79, 0.64),
        language_floors={
            "en": (0.91, 0.91, 0.91, 0.74, 0.91, 0.74),
            "es": (0.74, 0.74, 0.62, 0.62, 0.62, 0.74),
        },
    ),
    # firelight: 44 items, 26 reports, 18 hard negatives, 20 Spanish (8 Spanish reports); no
    # report has the US as the deporting state (Asia, Gulf, Africa, Europe and intra-American
    # routes). Never seen, gathered and labelled blind in stop 33 (2026-12-05), measured once by
    # the lead with main d9b928c's extractor (aggregates only): precision 0.929, recall 1.000,
    # destination 0.923, status 0.846, origin 0.923, people 0.846, flight_date 0.654, operator
    # 0.731; English (18 reports) 0.947, 1.000, 0.889, 0.778, 0.889, 0.944; Spanish (8) 0.889,
    # 1.000, 1.000, 1.000, 1.000, 0.625. Floors as tideline's. Check-half seed fixed before any
    # of its errors is read. Stop 33: people 0.885 (Spanish 0.750) with the people vocabulary
    # round (adopted by a rule committed first); the people floors rose with it.
    NeverSeenSet(
        "firelight",
        seed=20261209,
        items=44,
        check_items=22,
        reports_in_check=13,
        floors=(0.92, 0.99, 0.92, 0.84, 0.92, 0.88, 0.65, 0.73),
        language_floors={
            "en": (0.94, 0.99, 0.88, 0.77, 0.88, 0.94),
            "es": (0.88, 0.99, 0.99, 0.99, 0.99, 0.74),
        },
    ),
    # brazier: 40 items, 17 reports (10 completed, 6 planned, 1 blocked), 23 hard negatives, 17
    # Spanish (4 Spanish reports); Gulf, Asian, US and European routes. Never seen, gathered and
    # labelled blind in stop 33 (2026-12-05), measured once by the lead with main 9661e1c's
    # extractor (aggregates only): precision 0.652, recall 0.882, destination 0.765, status
    # 0.706, origin 0.765, people 0.706, flight_date 0.765, operator 0.765; English (13 reports)
    # 0.688, 0.846, 0.692, 0.692, 0.692, 0.615; Spanish (4) 0.571, 1.000, 1.000, 0.750, 1.000,
    # 1.000. Floors as tideline's. Check-half seed fixed before any of its errors is read.
    NeverSeenSet(
        "brazier",
        seed=20261210,
        items=40,
        check_items=20,
        reports_in_check=9,
        floors=(0.65, 0.88, 0.76, 0.70, 0.76, 0.70, 0.76, 0.76),
        language_floors={
            "en": (0.68, 0.84, 0.69, 0.69, 0.69, 0.61),
            "es": (0.57, 0.99, 0.99, 0.74, 0.99, 0.99),
        },
    ),
    # tallow: 49 items, 22 reports (16 completed, 3 planned, 3 blocked), 27 hard negatives, 21
    # Spanish (9 Spanish reports); 17 reports from origins other than the US (Panama, Chile,
    # Gulf and Asian states, Spain, Ireland...). Never seen, gathered and labelled blind in stop
    # 35 (2026-12-05), measured once by the lead with main d25dcfc's extractor (aggregates only):
    # precision 0.786 (6 false records), recall 1.000, destination 0.955, status 0.909, origin
    # 0.955, people 0.909, flight_date 0.818, operator 0.864; English (13 reports) 0.765, 1.000,
    # 0.923, 0.846, 0.923, 0.846; Spanish (9) 0.818, 1.000, 1.000, 1.000, 1.000, 1.000. Floors as
    # tideline's. Check-half seed fixed before the measurement.
    NeverSeenSet(
        "tallow",
        seed=20261211,
        items=49,
        check_items=24,
        reports_in_check=10,
        floors=(0.78, 0.99, 0.95, 0.90, 0.95, 0.90, 0.81, 0.86),
        language_floors={
            "en": (0.76, 0.99, 0.92, 0.84, 0.92, 0.84),
            "es": (0.81, 0.99, 0.99, 0.99, 0.99, 0.99),
        },
    ),
    # hearth: 53 items, 24 reports (19 completed, 3 planned, 2 blocked), 29 hard negatives, 25
    # Spanish (11 Spanish reports); 19 reports from origins other than the US (Yemen, Libya,
    # Mexico, Chile, Spain, Italy, Israel, the UK...). Never seen, gathered and labelled blind in
    # stop 38 (2026-12-06), measured once by the lead with main 934e802's extractor (aggregates
    # only): precision 0.821 (5 false records), recall 0.958, destination 0.875, status 0.958,
    # origin 0.917, people 0.750, flight_date 0.875, operator 0.833; English (13 reports) 0.800,
    # 0.923, 0.846, 0.923, 0.923, 0.692; Spanish (11) 0.846, 1.000, 0.909, 1.000, 0.909, 0.818.
    # Floors as tideline's. Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "hearth",
        seed=20261212,
        items=53,
        check_items=26,
        reports_in_check=12,
        floors=(0.82, 0.95, 0.87, 0.95, 0.91, 0.74, 0.87, 0.83),
        language_floors={
            "en": (0.79, 0.92, 0.84, 0.92, 0.92, 0.69),
            "es": (0.84, 0.99, 0.90, 0.99, 0.90, 0.81),
        },
    ),
    # ridgeline: 86 items, 13 reports (11 completed, 2 planned), 73 hard negatives of seven kinds
    # (sea returns, airport inadmissions, own citizens flown home, tallies, land returns, policy
    # and cost explainers, remains), 42 Spanish (4 Spanish reports); 11 reports from origins other
    # than the US. Never seen, gathered and labelled blind in stop 40 (2026-12-06) for the hard
    # negatives stop 38's arbiter study lacked, measured once with main ffecbbb's extractor
    # (aggregates only): precision 0.435 (13 false records), recall 0.769, destination 0.538,
    # status 0.769, origin 0.538, people 0.538, flight_date 0.462, operator 0.462; English (9
    # reports) 0.500, 0.778, 0.556, 0.778, 0.556, 0.556; Spanish (4) 0.333, 0.750, 0.500, 0.750,
    # 0.500, 0.500. Floors as tideline's. Check-half seed fixed after that measurement, before any
    # error read.
    NeverSeenSet(
        "ridgeline",
        seed=20261213,
        items=86,
        check_items=43,
        reports_in_check=6,
        floors=(0.43, 0.76, 0.53, 0.76, 0.53, 0.53, 0.46, 0.46),
        language_floors={
            "en": (0.49, 0.77, 0.55, 0.77, 0.55, 0.55),
            "es": (0.33, 0.74, 0.49, 0.74, 0.49, 0.49),
        },
    ),
    # quarry: 30 items, 10 reports (all completed; 9 from origins other than the US or to
    # destinations the released sets hold little of: Libya, Yemen, Cambodia, Argentina,
    # Colombia), 20 hard negatives (sea returns, held travellers, tallies, land returns, policy
    # and cost), 12 Spanish (1 Spanish report). Never seen, gathered and labelled blind in stop 41
    # (2026-12-06), measured once with main 52c56a9's extractor (aggregates only): precision
    # 0.833 (2 false records), recall 1.000, destination 1.000, status 1.000, origin 1.000,
    # people 0.800, flight_date 1.000, operator 0.900; English (9 reports) 0.818, 1.000, 1.000,
    # 1.000, 1.000, 0.778; Spanish (1) 1.000 on every field. Floors as tideline's. Check-half
    # seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "quarry",
        seed=20261214,
        items=30,
        check_items=15,
        reports_in_check=5,
        floors=(0.83, 0.99, 0.99, 0.99, 0.99, 0.80, 0.99, 0.90),
        language_floors={
            "en": (0.81, 0.99, 0.99, 0.99, 0.99, 0.77),
            "es": (0.99, 0.99, 0.99, 0.99, 0.99, 0.99),
        },
    ),
    # fresh44: 33 items, 16 reports (13 completed, 3 planned; origins US 11, MX 2, AT, AU, CL),
    # 17 hard negatives (airline charter business, extraditions, ICE detention, aid airlifts,
    # own citizens flown home, a land deportation, flights lacking, a tally), 20 Spanish (11
    # Spanish reports); 7 reports are events stored under other outlets' text. Never seen,
    # gathered and labelled blind in stop 44 (2026-12-06), measured once with main 001eec9's
    # extractor: precision 0.800 (4 false records), recall 1.000, destination 1.000, status
    # 0.938, origin 1.000, people 1.000, flight_date 0.875, operator 0.688; English (5 reports)
    # 0.833, 1.000, 1.000, 0.800, 1.000, 1.000; Spanish (11) 0.786, 1.000 on every field. Floors
    # as tideline's. Check-half seed fixed after that measurement and after its errors were read
    # (bench/flights_fresh44), so its check half is no held-back part.
    NeverSeenSet(
        "fresh44",
        seed=20261244,
        items=33,
        check_items=18,
        reports_in_check=9,
        floors=(0.80, 0.99, 0.99, 0.93, 0.99, 0.99, 0.87, 0.68),
        language_floors={
            "en": (0.83, 0.99, 0.99, 0.80, 0.99, 0.99),
            "es": (0.78, 0.99, 0.99, 0.99, 0.99, 0.99),
        },
    ),
    # fresh44b: 14 items, 6 reports (5 completed, 1 blocked; US 5, GB), 8 hard negatives (an
    # activism feature, an extradition, a yearly tally, own citizens flown home, a recurring
    # programme, land deportations via El Ceibo), 8 Spanish (3 Spanish reports); gathered in stop
    # 44 after fresh44 fell short and after fresh44's errors were read, labelled blind by the
    # written rules, measured once with main 001eec9's extractor: precision 0.625 (3 false
    # records), recall 0.833, destination, status, origin, people, flight_date and operator 0.833;
    # English (3 reports) 1.000 on every field; Spanish (3) 0.400, 0.667 on the others. Floors as
    # tideline's. Check-half seed fixed after that measurement, errors since read.
    NeverSeenSet(
        "fresh44b",
        seed=20261246,
        items=14,
        check_items=7,
        reports_in_check=2,
        floors=(0.62, 0.83, 0.83, 0.83, 0.83, 0.83, 0.83, 0.83),
        language_floors={
            "en": (0.99, 0.99, 0.99, 0.99, 0.99, 0.99),
            "es": (0.40, 0.66, 0.66, 0.66, 0.66, 0.66),
        },
    ),
    # fresh45: 42 items, 21 reports (14 completed, 4 blocked, 3 planned; US 7, GB 6, CL 3, MX 2,
    # IE, PA, DE), 21 hard negatives (own citizens flown home, remains, prisoner transfers, an
    # extradition, tallies, policy and cost, a contractor's business, land and sea returns,
    # refugees resettled), 21 Spanish (12 Spanish reports). Never seen, gathered and labelled
    # blind in stop 45 (2026-12-07), sealed until stop 45's precision round had its candidates
    # (bench/flights_prec45/RULE.md), then measured once with main e251830's extractor: precision
    # 0.833 (4 false records), recall 0.952, destination 0.905, status 0.857, origin 0.905, people
    # 0.952, flight_date 0.857, operator 0.762; English (9 reports) 0.818, 1.000, 1.000, 0.778,
    # 1.000, 1.000; Spanish (12) 0.846, 0.917, 0.833, 0.917, 0.833, 0.917. Service path: precision
    # 0.905, recall 0.905. Floors as tideline's. Check-half seed fixed after that measurement,
    # before any error read.
    NeverSeenSet(
        "fresh45",
        seed=20261245,
        items=42,
        check_items=22,
        reports_in_check=11,
        floors=(0.83, 0.95, 0.90, 0.85, 0.90, 0.95, 0.85, 0.76),
        language_floors={
            "en": (0.81, 0.99, 0.99, 0.77, 0.99, 0.99),
            "es": (0.84, 0.91, 0.83, 0.91, 0.83, 0.91),
        },
    ),
    # fresh46: 44 items, 24 reports (15 completed, 6 planned, 3 blocked; US 15, CR 2, ES, LY,
    # MX, NL, PA, TH, CY), 20 hard negatives (own citizens flown home, remains, extraditions, land
    # and sea returns, tallies and policy, airline business, a commercial-flight advice piece), 21
    # Spanish (11 Spanish reports). Never seen, gathered and labelled blind in stop 46
    # (2026-12-07), sealed (commit 8dee854) before any code read it, then measured once with main
    # a86a417's extractor (product as 23f711a): precision 0.952 (1 false record), recall 0.833,
    # destination 0.792, status 0.750, origin 0.833, people 0.708, flight_date 0.792, operator
    # 0.542; English (13 reports) 0.929, 1.000, 0.923, 0.923, 1.000, 0.769; Spanish (11) 1.000,
    # 0.636, 0.636, 0.545, 0.636, 0.636. Service path: precision 1.000, recall 0.792. Floors as
    # tideline's. Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh46",
        seed=20261247,
        items=44,
        check_items=22,
        reports_in_check=12,
        floors=(0.95, 0.83, 0.79, 0.74, 0.83, 0.70, 0.79, 0.54),
        language_floors={
            "en": (0.92, 0.99, 0.92, 0.92, 0.99, 0.76),
            "es": (0.99, 0.63, 0.63, 0.54, 0.63, 0.63),
        },
    ),
    # fresh47: 44 items, 24 reports (18 completed, 4 planned, 2 blocked; US 10, GB 5, CL 2, PA
    # 2, BO, EC, ES, MX, one null), 20 hard negatives (own citizens flown home, immigrants flown
    # in, remains, land returns, tallies and policy, charters bought of one's own accord), 21
    # Spanish (10 Spanish reports); 18 items are events stored under other outlets' text. Never
    # seen, gathered and labelled blind in stop 47 (2026-12-07), sealed (commit cbf8863) before
    # any code read it, then measured once with main 91773e4's extractor (product as 375d1cb):
    # precision 0.846 (4 false records), recall 0.917, destination 0.917, status 0.875, origin
    # 0.833, people 0.833, flight_date 0.875, operator 0.875; English (14 reports) 0.813, 0.929,
    # 0.929, 0.929, 0.857, 0.786; Spanish (10) 0.900 on every field but status and origin 0.800.
    # Service path: precision 0.913, recall 0.875. Floors as tideline's. Check-half seed fixed
    # after that measurement, before any error read.
    NeverSeenSet(
        "fresh47",
        seed=20261248,
        items=44,
        check_items=22,
        reports_in_check=12,
        floors=(0.84, 0.91, 0.91, 0.87, 0.83, 0.83, 0.87, 0.87),
        language_floors={
            "en": (0.81, 0.92, 0.92, 0.92, 0.85, 0.78),
            "es": (0.90, 0.90, 0.90, 0.80, 0.80, 0.90),
        },
    ),
    # fresh47b: 32 items, 15 reports (14 completed, 1 planned, none blocked; LY 4, IL 2, US 2,
    # KY, LA, MA, MM, PA, PH, TH), 17 hard negatives (own citizens flown home, remains, land and
    # sea returns, tallies, arrests and policy, flights that are no removal), 15 Spanish (8
    # Spanish reports); no event already held in any set. Never seen, gathered and labelled
    # blind in stop 47 (2026-12-07), sealed (commit 0fe8288) before any code read it, then
    # measured once with main 75979234's extractor: precision 0.882 (2 false records), recall
    # 1.000, destination 0.800, status 0.933, origin 0.733, people 0.933, flight_date 0.867,
    # operator 0.867; English (7 reports) 0.778, 1.000, 0.571, 0.857, 0.571, 1.000; Spanish (8)
    # 1.000 on every field but origin and people 0.875. Service path: precision 0.933, recall
    # 0.933. Floors as tideline's (a hundredth under where a figure is exact). Check-half seed
    # fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh47b",
        seed=20261249,
        items=32,
        check_items=16,
        reports_in_check=8,
        floors=(0.88, 0.99, 0.79, 0.93, 0.73, 0.93, 0.86, 0.86),
        language_floors={
            "en": (0.77, 0.99, 0.57, 0.85, 0.57, 0.99),
            "es": (0.99, 0.99, 0.99, 0.99, 0.87, 0.87),
        },
    ),
    # fresh48: 46 items, 23 reports (14 completed, 7 planned, 2 blocked; IL 6, US 3, EC 2, RU 2,
    # AR, CH, CL, CW, FI, KW, PE, SA and 2 null), 23 hard negatives (own citizens flown home,
    # political banishment by air, tallies and policy, carrier business, detention and domestic
    # transfers), 22 Spanish (9 Spanish reports); no event already held in any set. Never seen,
    # gathered and labelled blind in stop 48 (2026-12-07), sealed (commit 609afb9) before any code
    # read it, then measured once with main 9b97222e's extractor: precision 0.760 (6 false
    # records), recall 0.826, destination 0.739, status 0.739, origin 0.696, people 0.739,
    # flight_date 0.696, operator 0.739; English (14 reports) 0.846, 0.786, 0.643, 0.714, 0.714,
    # 0.643; Spanish (9) 0.667, 0.889, 0.889, 0.778, 0.667, 0.889. Service path: precision 0.850,
    # recall 0.739. Floors as tideline's (a hundredth under where a figure is exact). Check-half
    # seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh48",
        seed=20261250,
        items=46,
        check_items=22,
        reports_in_check=11,
        floors=(0.75, 0.82, 0.73, 0.73, 0.69, 0.73, 0.69, 0.73),
        language_floors={
            "en": (0.84, 0.78, 0.64, 0.71, 0.71, 0.64),
            "es": (0.66, 0.88, 0.88, 0.77, 0.66, 0.88),
        },
    ),
    # fresh48b: 45 items, 23 reports (17 completed, 5 planned, 1 blocked; US 9, BS 2, DE 2, IE 2,
    # MX 2, CL, ES, FR, GB, IN, KH), 22 hard negatives (removals with no flight named, land or sea
    # returns, own citizens flown home and remains, tallies, policy and features), 20 Spanish
    # (11 Spanish reports); no event already held in any set. Never seen, gathered and labelled
    # blind in stop 48 (2026-12-07), sealed (commit 5a6e042) before any code read it, then
    # measured once with main 0418a4ac's extractor: precision 0.769 (6 false records), recall
    # 0.870, destination 0.783, status 0.783, origin 0.696, people 0.783, flight_date 0.739,
    # operator 0.696; English (12 reports) 0.667, 0.833, 0.750, 0.750, 0.750, 0.833; Spanish (11)
    # 0.909, 0.909, 0.818, 0.818, 0.636, 0.727. Service path: precision 0.952, recall 0.870.
    # Floors as tideline's (a hundredth under where a figure is exact). Check-half seed fixed
    # after that measurement, before any error read.
    NeverSeenSet(
        "fresh48b",
        seed=20261251,
        items=45,
        check_items=23,
        reports_in_check=12,
        floors=(0.76, 0.86, 0.78, 0.78, 0.69, 0.78, 0.73, 0.69),
        language_floors={
            "en": (0.66, 0.83, 0.74, 0.74, 0.74, 0.83),
            "es": (0.9, 0.9, 0.81, 0.81, 0.63, 0.72),
        },
    ),
    # fresh49: 46 items, 23 reports (22 completed, 1 planned; BS 3, MX 3, KH 2, LY 2, CU, DZ,
    # EC, ES, GB, GT, KW, KY, LT, MV, US and 2 null), 23 hard negatives (cost and business,
    # detention, tallies and policy, own citizens flown home, land and sea returns, a prisoner
    # transfer, flights that are no removal), 21 Spanish (11 Spanish reports); no event already
    # held in any set. Never seen, gathered and labelled blind in stop 49 (2026-12-07), sealed
    # (commit b0eeae0) before any code read it, then measured once with main 4ffef880's
    # extractor: precision 0.826 (4 false records), recall 0.826, destination 0.783, status
    # 0.739, origin 0.783, people 0.522, flight_date 0.696, operator 0.652; English (12 reports)
    # 0.833, 0.833, 0.750, 0.750, 0.750, 0.750; Spanish (11) 0.818, 0.818, 0.818, 0.727, 0.818,
    # 0.273. Service path: precision 0.857, recall 0.783. Floors as tideline's (a hundredth
    # under where a figure is exact). Check-half seed fixed after that measurement, before any
    # error read.
    NeverSeenSet(
        "fresh49",
        seed=20261252,
        items=46,
        check_items=24,
        reports_in_check=12,
        floors=(0.82, 0.82, 0.78, 0.73, 0.78, 0.52, 0.69, 0.65),
        language_floors={
            "en": (0.83, 0.83, 0.74, 0.74, 0.74, 0.74),
            "es": (0.81, 0.81, 0.81, 0.72, 0.81, 0.27),
        },
    ),
    # fresh49b: 45 items, 23 reports (20 completed, 2 planned, 1 blocked; BS 7, MX 6, AU 4, KY 3,
    # US 2, GB), 22 hard negatives (removals with no flight named, land and sea returns, own
    # citizens and stranded travellers, arrivals and detention, tallies, policy and features, a
    # commercial-flight suspension), 22 Spanish (9 Spanish reports); no event already held in
    # any set. Never seen, gathered and labelled blind in stop 49 (2026-12-07), sealed (commit
    # 398d165) before any code read it, then measured once with main 0b01db75's extractor:
    # precision 0.875 (3 false records), recall 0.913, destination 0.913, status 0.870, origin
    # 0.783, people 0.826, flight_date 0.652, operator 0.826; English (14 reports) 0.800, 0.857,
    # 0.857, 0.786, 0.786, 0.786; Spanish (9) 1.000, 1.000, 1.000, 1.000, 0.778, 0.889. Service
    # path: precision 0.955, recall 0.913. Floors as tideline's (a hundredth under where a
    # figure is exact). Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh49b",
        seed=20261253,
        items=45,
        check_items=21,
        reports_in_check=11,
        floors=(0.87, 0.91, 0.91, 0.86, 0.78, 0.82, 0.65, 0.82),
        language_floors={
            "en": (0.79, 0.85, 0.85, 0.78, 0.78, 0.78),
            "es": (0.99, 0.99, 0.99, 0.99, 0.77, 0.88),
        },
    ),
    # fresh50: 32 items, 9 reports (7 completed, 2 planned, none blocked; KH 5, TH 2, PH, YE), 23
    # hard negatives (own citizens rescued or evacuated and flown home, land and land-neighbour
    # removals, a domestic flight, detention, policy and an extradition), 12 Spanish (1 Spanish
    # report); no event already held in any set. Never seen, gathered and labelled blind in stop
    # 50 (2026-12-07), sealed (commit bb7bb76) before any code read it, then measured once with
    # main d607949c's extractor: precision 0.727 (3 false records), recall 0.889, destination
    # 0.778, status 0.778, origin 0.778, people 0.778, flight_date 0.556, operator 0.667; English
    # (8 reports) 0.778, 0.875, 0.750, 0.750, 0.750, 0.750; Spanish (1 report) 0.500, 1.000,
    # 1.000, 1.000, 1.000, 1.000. Service path: precision 1.000, recall 0.222. Floors as
    # tideline's (a hundredth under where a figure is exact). Check-half seed fixed after that
    # measurement, before any error read.
    NeverSeenSet(
        "fresh50",
        seed=20261254,
        items=32,
        check_items=16,
        reports_in_check=5,
        floors=(0.72, 0.88, 0.77, 0.77, 0.77, 0.77, 0.55, 0.66),
        language_floors={
            "en": (0.77, 0.87, 0.74, 0.74, 0.74, 0.74),
            "es": (0.49, 0.99, 0.99, 0.99, 0.99, 0.99),
        },
    ),
    # fresh50b: 21 items, 6 reports (4 completed, 1 planned, 1 blocked; EG 2, CH, ES, GR, LY), 15
    # hard negatives (airline business, a programme without a flight, tallies, own citizens flown
    # home, remains, a land removal, a one-person removal, airline news), 10 Spanish (1 Spanish
    # report); no event already held in any set. Never seen, gathered and labelled blind in stop
    # 50 (2026-12-07), sealed (commit 4cbebae) before any code read it, then measured once with
    # main 3183a3e2's extractor (the branch adds only the set and its registration): precision
    # 0.714 (2 false records), recall 0.833, destination 0.667, status 0.833, origin 0.833, people
    # 0.667, flight_date 0.667, operator 0.833; English (5 reports) 0.800, 0.800, 0.600, 0.800,
    # 0.800, 0.800; Spanish (1 report) 0.500, 1.000, 1.000, 1.000, 1.000, 0.000. Service path:
    # precision 0.667, recall 0.667. Floors as tideline's (a hundredth under where a figure is
    # exact). Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh50b",
        seed=20261255,
        items=21,
        check_items=11,
        reports_in_check=3,
        floors=(0.71, 0.83, 0.66, 0.83, 0.83, 0.66, 0.66, 0.83),
        language_floors={
            "en": (0.79, 0.79, 0.59, 0.79, 0.79, 0.79),
            "es": (0.49, 0.99, 0.99, 0.99, 0.99, 0.0),
        },
    ),
    # fresh51: 45 items, 19 reports (17 completed, 1 planned, 1 blocked; HK 4, RU 2, BA, BE, GB, GE,
    # GQ, KW, LY, MW, MZ, PH, VU, ZM, one null), 26 hard negatives (own citizens or residents flown
    # home, one person at a time, airport refusals, land, sea and land-neighbour removals, removals
    # only pending, policy, business, a tally), 19 Spanish (6 Spanish reports); no event already
    # held in any set. Never seen, gathered and labelled blind in stop 51 (2026-12-07), sealed
    # (commit 7a58c51) before any code read it, then measured once with main f02fd68a's product
    # (the branch adds only the set and its registration; no package changed on main since its
    # base fcbe7188): precision 0.792 (5 false records), recall 1.000, destination 1.000, status
    # 0.789, origin 0.737, people 0.789, flight_date 0.842, operator 0.474; English (13 reports)
    # 0.765, 1.000, 1.000, 0.846, 0.692, 0.846; Spanish (6 reports) 0.857, 1.000, 1.000, 0.667,
    # 0.833, 0.667. Service path: precision 0.824, recall 0.737. Floors as tideline's (a hundredth
    # under where a figure is exact). Check-half seed fixed after that measurement, before any
    # error read.
    NeverSeenSet(
        "fresh51",
        seed=20261256,
        items=45,
        check_items=24,
        reports_in_check=10,
        floors=(0.79, 0.99, 0.99, 0.78, 0.73, 0.78, 0.84, 0.47),
        language_floors={
            "en": (0.76, 0.99, 0.99, 0.84, 0.69, 0.84),
            "es": (0.85, 0.99, 0.99, 0.66, 0.83, 0.66),
        },
    ),
    # fresh51b: 27 items, 7 reports (all completed; BS 3, BG, DO, MV, US), 20 hard negatives (own
    # citizens rescued or flown home, remains, sea and land removals, airport refusals, removals
    # only pending, airline business and news, tallies, a general article), 11 Spanish (3 Spanish
    # reports); no event already held in any set. Never seen, gathered and labelled blind in stop
    # 51 (2026-12-07), sealed (commit 8fc2a503) before any code read it, then measured once with
    # main 041d1b1d's product (no package changed since the branch's base f9506bbc): precision
    # 0.556 (4 false records), recall 0.714, destination 0.714, status 0.714, origin 0.714, people
    # 0.571, flight_date 0.714, operator 0.429; English (4 reports) 0.800, 1.000, 1.000, 1.000,
    # 1.000, 0.750; Spanish (3 reports) 0.250, 0.333, 0.333, 0.333, 0.333, 0.333. Service path:
    # precision 0.667, recall 0.571. Floors as tideline's (a hundredth under where a figure is
    # exact). Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh51b",
        seed=20261257,
        items=27,
        check_items=13,
        reports_in_check=3,
        floors=(0.55, 0.71, 0.71, 0.71, 0.71, 0.57, 0.71, 0.42),
        language_floors={
            "en": (0.79, 0.99, 0.99, 0.99, 0.99, 0.74),
            "es": (0.24, 0.33, 0.33, 0.33, 0.33, 0.33),
        },
    ),
    # fresh52: 39 items, 14 reports (13 completed, 1 planned, none blocked; ES 9, ZA 3, CH, US),
    # 25 hard negatives (own citizens or residents flown home, removals only pending or one at a
    # time, land, sea and domestic-flight removals, tallies, detention, policy), 18 Spanish (10
    # Spanish reports, 7 of them the Spanish ombudsman's pages); no event already held in any set.
    # Never seen, gathered and labelled blind in stop 52 (2026-12-07), sealed (commit 76110c5d)
    # before any code read it, then measured once with main 9c33f534's product (no package
    # changed since the branch's base df99cf19): precision 0.550 (9 false records), recall 0.786,
    # destination 0.643, status 0.500, origin 0.714, people 0.643, flight_date 0.714, operator
    # 0.714; English (4 reports) 0.300, 0.750, 0.750, 0.500, 0.750, 0.750; Spanish (10 reports)
    # 0.800, 0.800, 0.600, 0.500, 0.700, 0.600. Service path: precision 0.727, recall 0.571.
    # Floors as tideline's (a hundredth under where a figure is exact). Check-half seed fixed
    # after that measurement, before any error read.
    NeverSeenSet(
        "fresh52",
        seed=20261258,
        items=39,
        check_items=20,
        reports_in_check=7,
        floors=(0.54, 0.78, 0.64, 0.49, 0.71, 0.64, 0.71, 0.71),
        language_floors={
            "en": (0.29, 0.74, 0.74, 0.49, 0.74, 0.74),
            "es": (0.79, 0.79, 0.59, 0.49, 0.69, 0.59),
        },
    ),
    # fresh52b: 19 items, 3 reports (1 completed, 2 planned; PA, KW, MX), 16 hard negatives (own
    # citizens evacuated or helped home, one person or a removal only pending, detention and a
    # search for absconders, an airport, policy, a carrier's business, a tally), 8 Spanish (2
    # Spanish reports); no event already held in any set. Never seen, gathered and labelled blind
    # in stop 52 (2026-12-07), sealed (commit bf3fd2d) before any code read it, then measured once
    # with main 11ef60e3's product (the branch adds only the set and its registration; no package
    # changed on main since, up to 901f808e): precision 0.375 (5 false records), recall 1.000,
    # destination 1.000, status 1.000, origin 0.667, people 0.667, flight_date 1.000, operator
    # 0.667; English (1 report) 0.250, 1.000, 1.000, 1.000, 1.000, 1.000; Spanish (2 reports)
    # 0.500, 1.000, 1.000, 1.000, 0.500, 0.500. Service path: precision 0.500, recall 1.000.
    # Very small: one report moves a field by 0.333. Floors as tideline's (a hundredth under where
    # a figure is exact). Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh52b",
        seed=20261259,
        items=19,
        check_items=9,
        reports_in_check=1,
        floors=(0.37, 0.99, 0.99, 0.99, 0.66, 0.66, 0.99, 0.66),
        language_floors={
            "en": (0.24, 0.99, 0.99, 0.99, 0.99, 0.99),
            "es": (0.49, 0.99, 0.99, 0.99, 0.49, 0.49),
        },
    ),
    # fresh53: 43 items, 10 reports (8 completed, 2 planned, none blocked; TD 3, TZ 3, JM, RU, TC,
    # ZM), 33 hard negatives (own citizens flown home, airport inadmissions, land and sea returns,
    # one or two people, removals only pending or people detained, tallies and policy, an
    # extradition), 19 Spanish (2 Spanish reports); no event already held in any set. Never seen,
    # gathered and labelled blind in stop 53 (2026-12-07), sealed (commit eb2ebfc) before any code
    # read it, then measured once with main's product (the branch adds only the set and its
    # registration; no package changed on main since its base ff605c6c, up to 4de00964): precision
    # 0.667 (4 false records), recall 0.800, destination 0.700, status 0.800, origin 0.700, people
    # 0.800, flight_date 0.500, operator 0.800; English (8 reports) 0.700, 0.875, 0.750, 0.875,
    # 0.750, 0.875; Spanish (2 reports) 0.500 on every goal field. Service path: precision 0.727,
    # recall 0.800. Floors as tideline's (a hundredth under where a figure is exact). Check-half
    # seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh53",
        seed=20261260,
        items=43,
        check_items=22,
        reports_in_check=5,
        floors=(0.66, 0.79, 0.69, 0.79, 0.69, 0.79, 0.49, 0.79),
        language_floors={
            "en": (0.69, 0.87, 0.74, 0.87, 0.74, 0.87),
            "es": (0.49, 0.49, 0.49, 0.49, 0.49, 0.49),
        },
    ),
    # fresh54: 40 items, 13 reports (12 completed, 1 planned, none blocked; LY 4, ES 3, EC 2, DZ,
    # MX, PE, MV), 27 hard negatives (own citizens and stranded travellers flown home, an airport
    # inadmission, land and sea returns, domestic flights and transfers, one person, a removal only
    # pending, tallies, policy and business news), 19 Spanish (4 Spanish reports); no event already
    # held in any set. Never seen, gathered and labelled blind in stop 54 (2026-12-07), sealed
    # (commit a3adf29) before any code read it, then measured once with main's product (the branch
    # adds only the set and its registration; no package changed on main since its base 1c7253b6,
    # up to 13f73d32): precision 0.714 (4 false records), recall 0.769, destination 0.692, status
    # 0.769, origin 0.769, people 0.769, flight_date 0.615, operator 0.769; English (9 reports)
    # 0.700, 0.778, 0.667, 0.778, 0.778, 0.778; Spanish (4 reports) 0.750 on every goal field.
    # Service path: precision 0.750, recall 0.692. Floors as tideline's (a hundredth under where a
    # figure is exact). Check-half seed fixed after that measurement, before any error read.
    NeverSeenSet(
        "fresh54",
        seed=20261261,
        items=40,
        check_items=20,
        reports_in_check=7,
        floors=(0.71, 0.76, 0.69, 0.76, 0.76, 0.76, 0.61, 0.76),
        language_floors={
            "en": (0.69, 0.77, 0.66, 0.77, 0.77, 0.77),
            "es": (0.74, 0.74, 0.74, 0.74, 0.74, 0.74),
        },
    ),
]


def _below(scores: Scores, fields: tuple[str, ...], floors: tuple[float, ...]) -> list[str]:
    low = []
    for name, floor in zip(fields, floors, strict=True):
        if name == "precision":
            value = scores.precision()
        elif name == "recall":
            value = scores.recall()
        else:
            value = scores.accuracy(name)
        if value < floor:
            low.append(f"{name} {value:.3f} < {floor}")
    return low


@pytest.mark.parametrize("held", SETS, ids=lambda s: s.name)
def test_set_figures_and_check_half(held: NeverSeenSet) -> None:
    items = held.rows()
    assert len(items) == held.items
    check = check_half(held.path, held.seed)
    assert len(check) == held.check_items and check <= {str(i["id"]) for i in items}
    in_check = sum(1 for i in items if i["id"] in check and i["flight"] is not None)
    assert in_check == held.reports_in_check
    fields = (*GOAL_FIELDS, "flight_date", "operator")
    assert _below(score(items), fields, held.floors) == []


@pytest.mark.parametrize(
    ("held", "lang"),
    [(s, lang) for s in SETS for lang in sorted(s.language_floors)],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_language_halves(held: NeverSeenSet, lang: str) -> None:
    scores = score([i for i in held.rows() if i["lang"] == lang])
    assert _below(scores, GOAL_FIELDS, held.language_floors[lang]) == []
