"""The never-seen measuring sets held back whole: their figures must not drop.

Each set (tests/data/classify_pool_<name>_{en,es}.jsonl, format: test_pool_schema.py) was
gathered for issue #12, labelled from its own title and summary, committed, and then measured
once with main's rules and shipped model before anything was changed on it. Its
``classify_<name>_halves.json`` lists every id as ``check``, so ``wirewatch classify-split``
leaves the whole set out of train, dev and test (the manifest lists it under ``held_back``) and
the shipped model never saw it. The floors sit just below the figures; raise them when a change
lifts a set, and lower one only with the adopted change that costs it, saying so in the set's
history (docs/measurements/classify.md has each set's section). A round that pools a set (by
editing ``check``) removes its row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import Report, evaluate

from tests.classify.support import assert_held_back_whole, below_floors, check_set_rows

DATA = Path(__file__).resolve().parents[1] / "data"
FLIGHTS, POLICY = "repatriation-flights", "border-policy"


@dataclass(frozen=True)
class HeldBackSet:
    name: str
    negatives: int
    """How many items carry no label (all of them hard negatives)."""
    f1: dict[str, float]
    language_f1: dict[tuple[str, str], float]
    brier: dict[str, float]
    negatives_tagged: float = 0.06
    files: dict[str, Path] = field(init=False)

    def __post_init__(self) -> None:
        files = {lang: DATA / f"classify_pool_{self.name}_{lang}.jsonl" for lang in ("en", "es")}
        object.__setattr__(self, "files", files)

    @property
    def halves(self) -> Path:
        return DATA / f"classify_{self.name}_halves.json"


SETS = [
    # zenith: 62 items (32 Spanish, 26 hard negatives), 2026-12-05, a never-seen judge gathered
    # and labelled blind after the stop-28 pooling round, held back whole. Its items and per-item
    # outputs were never opened; measured with main's stop-28 model by the lead: flights 0.743
    # (en 0.700, es 0.800), border-policy 0.651 (en 0.526, es 0.750), negatives 2/26, Brier
    # 0.117 / 0.149. Measured once more, after the zenith pooling round's retrain (solstice,
    # orison and aubade pooled; aggregates only, docs/measurements/classify.md): flights 0.737 (en
    # 0.750, es 0.714), border-policy 0.667 (en 0.588, es 0.720), negatives 3/26, Brier 0.114 /
    # 0.146. (The orison and aubade rows left this file: pooled in that round.) Measured once
    # more, after the equinox pooling round's retrain (aggregates only): flights 0.757 (en 0.783,
    # es 0.714), border-policy 0.667 (en 0.588, es 0.720), negatives 2/26, Brier 0.112 / 0.149.
    # Floors = those figures rounded down slightly. Released for study in stop 30 (its errors read
    # item by item, docs/measurements/classify.md): a studied set since, no longer a judge, so its
    # floors may rise with a model studied on it. That round's candidate was not adopted: main's
    # model ships and the floors stay.
    HeldBackSet(
        "zenith",
        negatives=26,
        f1={FLIGHTS: 0.75, POLICY: 0.66},
        language_f1={
            (FLIGHTS, "en"): 0.78,
            (FLIGHTS, "es"): 0.71,
            (POLICY, "en"): 0.58,
            (POLICY, "es"): 0.71,
        },
        brier={FLIGHTS: 0.12, POLICY: 0.15},
        negatives_tagged=0.08,
    ),
    # halcyon: 60 items (26 Spanish, 18 hard negatives, 4 both-topic), a never-seen judge of stop
    # 30 (2026-12-05), gathered and labelled blind as a realistic mix from outlets and countries
    # the data has little of, held back whole. Measured once by the lead with main 1925631's
    # shipped model (aggregates only): flights 0.857 (en 0.870, es 0.833), border-policy 0.885
    # (en 0.882, es 0.889), negatives 2/18, Brier 0.072 / 0.087. Floors = those figures rounded
    # down slightly.
    HeldBackSet(
        "halcyon",
        negatives=18,
        f1={FLIGHTS: 0.85, POLICY: 0.88},
        language_f1={
            (FLIGHTS, "en"): 0.86,
            (FLIGHTS, "es"): 0.83,
            (POLICY, "en"): 0.88,
            (POLICY, "es"): 0.88,
        },
        brier={FLIGHTS: 0.08, POLICY: 0.09},
        negatives_tagged=0.12,
    ),
    # ember: 69 items (37 Spanish, 22 hard negatives, 12 both-topic), a never-seen judge of stop
    # 35 (2026-12-05), gathered and labelled blind at the misses (returns without a
    # flight word, policy described not named, both-topic items), held back whole. Measured once
    # by the lead with main d25dcfc's shipped model (aggregates only): flights 0.902 (P 0.821,
    # R 1.000; en 0.889, es 0.917), border-policy 0.943 (P 0.971, R 0.917; en 0.938, es 0.947),
    # negatives 1/22, Brier 0.062 / 0.047. Floors = those figures rounded down slightly.
    HeldBackSet(
        "ember",
        negatives=22,
        f1={FLIGHTS: 0.90, POLICY: 0.94},
        language_f1={
            (FLIGHTS, "en"): 0.88,
            (FLIGHTS, "es"): 0.91,
            (POLICY, "en"): 0.93,
            (POLICY, "es"): 0.94,
        },
        brier={FLIGHTS: 0.07, POLICY: 0.05},
        negatives_tagged=0.05,
    ),
    # lumen: 80 items (39 Spanish, 26 hard negatives, 15 both-topic), a never-seen set of stop 41
    # (2026-12-06, clsround41), gathered and labelled blind at the model card's open error
    # classes (plain removal-flight reports, both-topic items, policy in uncommon words), held
    # back whole. Measured once with main 52c56a9's shipped model before any change (aggregates
    # only): flights 0.915 (P 0.900, R 0.931; en 0.867, es 0.966), border-policy 0.923 (P 0.947,
    # R 0.900; en 0.930, es 0.914), negatives 2/26, Brier 0.048 / 0.057. Its round's three
    # candidates (dev half pooled; + border-policy v18; v18 alone) were not kept, so it stays
    # held back whole. Floors = those figures rounded down slightly.
    HeldBackSet(
        "lumen",
        negatives=26,
        f1={FLIGHTS: 0.91, POLICY: 0.92},
        language_f1={
            (FLIGHTS, "en"): 0.86,
            (FLIGHTS, "es"): 0.96,
            (POLICY, "en"): 0.93,
            (POLICY, "es"): 0.91,
        },
        brier={FLIGHTS: 0.05, POLICY: 0.06},
        negatives_tagged=0.08,
    ),
    # vigil43: 90 items (45 Spanish, 31 look-alike hard negatives, 7 both-topic), the never-seen
    # set "vigil" of stop 43 (2026-12-06, clvigil43; named vigil43 beside stop 27's vigil pool),
    # gathered as a third plain flights, a third border policy and a third look-alike negatives,
    # labelled blind and held back whole. Measured once with main 45611ec's shipped model before
    # any change (aggregates only): flights 0.848 (P 0.800, R 0.903; en 0.762, es 1.000),
    # border-policy 0.853 (P 0.800, R 0.914; en 0.875, es 0.815), negatives 5/31, Brier 0.059 /
    # 0.085. Floors = those figures rounded down slightly.
    HeldBackSet(
        "vigil43",
        negatives=31,
        f1={FLIGHTS: 0.84, POLICY: 0.85},
        language_f1={
            (FLIGHTS, "en"): 0.76,
            (FLIGHTS, "es"): 0.99,
            (POLICY, "en"): 0.87,
            (POLICY, "es"): 0.81,
        },
        brier={FLIGHTS: 0.06, POLICY: 0.09},
        negatives_tagged=0.17,
    ),
    # fresh44: 94 items (46 Spanish, 34 look-alike hard negatives, 11 both-topic), the sealed
    # never-seen set of stop 44 (2026-12-06, clfresh44), gathered like vigil43, labelled blind,
    # committed, then read once by the lead with main's shipped model (aggregates only,
    # bench/classify_round44/RULE.md): flights 0.875 (28/2/6; en 0.865, es 0.889), border-policy
    # 0.857 (33/7/4; en 0.800, es 0.919), negatives 2/34, Brier 0.053 / 0.102. Floors = those
    # figures rounded down slightly.
    HeldBackSet(
        "fresh44",
        negatives=34,
        f1={FLIGHTS: 0.87, POLICY: 0.85},
        language_f1={
            (FLIGHTS, "en"): 0.86,
            (FLIGHTS, "es"): 0.88,
            (POLICY, "en"): 0.79,
            (POLICY, "es"): 0.91,
        },
        brier={FLIGHTS: 0.06, POLICY: 0.11},
        negatives_tagged=0.07,
    ),
    # fresh45: 95 items (47 Spanish, 33 look-alike hard negatives, 14 both-topic), the sealed
    # never-seen set of stop 45 (2026-12-07, clfresh45), gathered at the misses (returns
    # without a flight word, policy described, government acts on returns), labelled blind,
    # committed, then read once by the lead with main's shipped model and the round's candidates
    # (aggregates only, bench/classify_round45/RULE.md): flights 0.930 (33/3/2; en 0.923, es
    # 0.938), border-policy 0.824 (35/9/6; en 0.810, es 0.837), negatives 2/33, Brier 0.044 /
    # 0.121. Floors = those figures rounded down slightly.
    HeldBackSet(
        "fresh45",
        negatives=33,
        f1={FLIGHTS: 0.92, POLICY: 0.82},
        language_f1={
            (FLIGHTS, "en"): 0.92,
            (FLIGHTS, "es"): 0.93,
            (POLICY, "en"): 0.80,
            (POLICY, "es"): 0.83,
        },
        brier={FLIGHTS: 0.05, POLICY: 0.13},
        negatives_tagged=0.07,
    ),
    # fresh46: 87 items (43 Spanish, 31 look-alike hard negatives, 13 both-topic), the sealed
    # never-seen set of stop 46 (2026-12-07, clfresh46), gathered like fresh45 from outlets,
    # years and phrasings unlike the earlier sets, labelled blind, committed, then read once by
    # clfresh46 with main's shipped model (aggregates only,
    # bench/classify_fresh46/figures_main.json): flights 0.900 (27/2/4; en 0.828, es 0.968),
    # border-policy 0.872 (34/6/4; en 0.923, es 0.821), negatives 3/31, Brier 0.063 / 0.085.
    # Floors = those figures rounded down slightly.
    HeldBackSet(
        "fresh46",
        negatives=31,
        f1={FLIGHTS: 0.89, POLICY: 0.87},
        language_f1={
            (FLIGHTS, "en"): 0.82,
            (FLIGHTS, "es"): 0.96,
            (POLICY, "en"): 0.92,
            (POLICY, "es"): 0.82,
        },
        brier={FLIGHTS: 0.07, POLICY: 0.09},
        negatives_tagged=0.10,
    ),
    # fresh47: 57 items (28 Spanish, 23 look-alike hard negatives, 6 both-topic), the sealed
    # never-seen set of stop 47 (2026-12-07, clfresh47), gathered like fresh46 from outlets,
    # years and events unlike the earlier sets, labelled blind, committed, then read once by
    # clfresh47 with main's shipped model (aggregates only,
    # bench/classify_fresh47/figures_main.json): flights 0.774 (12/2/5; en 0.824, es 0.714),
    # border-policy 0.773 (17/4/6; en 0.889, es 0.588), negatives 2/23, Brier 0.097 / 0.152.
    # Floors = those figures rounded down slightly.
    HeldBackSet(
        "fresh47",
        negatives=23,
        f1={FLIGHTS: 0.77, POLICY: 0.77},
        language_f1={
            (FLIGHTS, "en"): 0.82,
            (FLIGHTS, "es"): 0.71,
            (POLICY, "en"): 0.88,
            (POLICY, "es"): 0.58,
        },
        brier={FLIGHTS: 0.10, POLICY: 0.16},
        negatives_tagged=0.09,
    ),
    # fresh47b: 35 items (15 Spanish, 12 look-alike hard negatives, 3 both-topic), the second
    # sealed never-seen set of stop 47 (2026-12-07, clfresh47b), gathered like fresh47 from
    # outlets, years and events unlike the earlier sets, labelled blind, committed, then read once
    # by clfresh47b with main's shipped model (aggregates only,
    # bench/classify_fresh47b/figures_main.json): flights 0.824 (7/0/3; en 0.875, es 0.000 on its
    # single Spanish flights item), border-policy 0.867 (13/1/3; en 0.800, es 0.933), negatives
    # 0/12, Brier 0.097 / 0.079. Floors = those figures rounded down slightly.
    HeldBackSet(
        "fresh47b",
        negatives=12,
        f1={FLIGHTS: 0.82, POLICY: 0.86},
        language_f1={
            (FLIGHTS, "en"): 0.87,
            (FLIGHTS, "es"): 0.0,
            (POLICY, "en"): 0.79,
            (POLICY, "es"): 0.93,
        },
        brier={FLIGHTS: 0.10, POLICY: 0.08},
        negatives_tagged=0.0,
    ),
    # fresh48: 54 items (27 Spanish, 16 look-alike hard negatives, 2 both-topic), the sealed
    # never-seen set of stop 48 (2026-12-07, clfresh48), aimed at the weak cells (policy described
    # rather than named, returns without the word flight, airlines and charters instead of a
    # flight), labelled blind, committed, then read once by clfresh48 with main's shipped model
    # (aggregates only, bench/classify_fresh48/figures_main.json): flights 0.857 (12/1/3; en
    # 0.800, es 0.923), border-policy 0.889 (24/5/1; en 0.882, es 0.900), negatives 0/16, Brier
    # 0.059 / 0.083. Floors = those figures rounded down slightly.
    HeldBackSet(
        "fresh48",
        negatives=16,
        f1={FLIGHTS: 0.85, POLICY: 0.88},
        language_f1={
            (FLIGHTS, "en"): 0.79,
            (FLIGHTS, "es"): 0.92,
            (POLICY, "en"): 0.88,
            (POLICY, "es"): 0.89,
        },
        brier={FLIGHTS: 0.06, POLICY: 0.09},
        negatives_tagged=0.0,
    ),
    # fresh48b: 41 items (24 Spanish, 14 look-alike hard negatives, 1 both-topic), the second
    # sealed never-seen set of stop 48 (2026-12-07, clfresh48b), aimed at the weak cells (Spanish
    # policy described rather than named, Spanish returns without "vuelo", English flights naming
    # an airline or programme), labelled blind, committed, then read once by clfresh48b with
    # main's shipped model (aggregates only, bench/classify_fresh48b/figures_main.json): flights
    # 0.857 (9/3/0; en 0.750, es 0.923), border-policy 0.947 (18/1/1; en 0.933, es 0.957),
    # negatives 1/14, Brier 0.059 / 0.056. Floors = those figures rounded down slightly (only 9
    # flights items: one item moves that F1 by about 0.05).
    HeldBackSet(
        "fresh48b",
        negatives=14,
        f1={FLIGHTS: 0.85, POLICY: 0.94},
        language_f1={
            (FLIGHTS, "en"): 0.74,
            (FLIGHTS, "es"): 0.92,
            (POLICY, "en"): 0.93,
            (POLICY, "es"): 0.95,
        },
        brier={FLIGHTS: 0.06, POLICY: 0.06},
        negatives_tagged=0.08,
    ),
    # fresh49: 51 items (25 Spanish, 15 look-alike hard negatives, 6 both-topic), the sealed
    # never-seen set of stop 49 (2026-12-07, clfresh49), aimed at the weak cells (policy described
    # rather than named, returns without the word flight, airline contracts and counts of
    # returnees), labelled blind, committed, then read once by clfresh49 with main's shipped
    # model (aggregates only, bench/classify_fresh49/figures_main.json): flights 0.640 (8/1/8; en
    # 0.615, es 0.667), border-policy 0.846 (22/4/4; en 0.903, es 0.762), negatives 1/15, Brier
    # 0.090 / 0.136. Floors = those figures rounded down slightly (16 flights positives: one item
    # moves a flights F1 by about 0.03-0.06).
    HeldBackSet(
        "fresh49",
        negatives=15,
        f1={FLIGHTS: 0.63, POLICY: 0.84},
        language_f1={
            (FLIGHTS, "en"): 0.61,
            (FLIGHTS, "es"): 0.66,
            (POLICY, "en"): 0.90,
            (POLICY, "es"): 0.76,
        },
        brier={FLIGHTS: 0.09, POLICY: 0.14},
        negatives_tagged=0.07,
    ),
    # fresh49b: 44 items (24 Spanish, 12 look-alike hard negatives, 6 both-topic), the second
    # sealed never-seen set of stop 49 (2026-12-07, clfresh49b), from outside the US (Europe,
    # Africa, Asia, the Caribbean, Central America): both-topic acts, flights without "flight",
    # policy described, look-alike negatives; labelled blind, committed, then read once by
    # clfresh49b with main's shipped model (aggregates only, bench/classify_fresh49b/
    # figures_main.json): flights 0.636 (7/2/6; en 0.444, es 0.769), border-policy 0.816
    # (20/4/5; en 0.762, es 0.857), negatives 2/12, Brier 0.148 / 0.165. Floors = those figures
    # rounded down slightly (only 13 flights items, 6 English: one item moves that F1 a lot).
    HeldBackSet(
        "fresh49b",
        negatives=12,
        f1={FLIGHTS: 0.63, POLICY: 0.81},
        language_f1={
            (FLIGHTS, "en"): 0.44,
            (FLIGHTS, "es"): 0.76,
            (POLICY, "en"): 0.76,
            (POLICY, "es"): 0.85,
        },
        brier={FLIGHTS: 0.15, POLICY: 0.17},
        negatives_tagged=0.17,
    ),
    # fresh50: 47 items (23 Spanish, 15 look-alike hard negatives, 7 both-topic), the sealed
    # never-seen set of stop 50 (2026-12-07, clfresh50), aimed at returns told without the word
    # flight, English flight reports, policy acts about a flight or a return and look-alike
    # negatives (evacuations, stranded travellers, airline and tourism news, remains); labelled
    # blind, committed, then read once by clfresh50 with main's shipped model (aggregates only,
    # bench/classify_fresh50/figures_main.json): flights 0.833 (15/2/4; en 0.875, es 0.800),
    # border-policy 0.905 (19/3/1; en 1.000, es 0.818), negatives 1/15, Brier 0.090 / 0.071.
    # Floors = those figures rounded down slightly (19 flights positives, 9 English: one item
    # moves a flights F1 by about 0.03-0.06).
    HeldBackSet(
        "fresh50",
        negatives=15,
        f1={FLIGHTS: 0.83, POLICY: 0.90},
        language_f1={
            (FLIGHTS, "en"): 0.87,
            (FLIGHTS, "es"): 0.79,
            (POLICY, "en"): 0.99,
            (POLICY, "es"): 0.81,
        },
        brier={FLIGHTS: 0.09, POLICY: 0.08},
        negatives_tagged=0.07,
    ),
    # fresh50b: 44 items (27 Spanish, 15 look-alike hard negatives, 4 both-topic), the second
    # sealed never-seen set of stop 50 (2026-12-07, clfresh50b), aimed at Spanish border policy
    # described rather than named, Spanish returns and flight policy and Spanish look-alike
    # negatives (remittances, emigration, consular services, citizens flown home, airport news);
    # labelled blind, committed, then read once by clfresh50b with main's shipped model
    # (aggregates only, bench/classify_fresh50b/figures_main.json): flights 0.929 (13/0/2; en
    # 0.889, es 0.947), border-policy 0.895 (17/3/1; en 0.889, es 0.900), negatives 1/15, Brier
    # 0.034 / 0.059. Floors = those figures rounded down slightly (5 English flights positives:
    # one item moves that F1 by about 0.1).
    HeldBackSet(
        "fresh50b",
        negatives=15,
        f1={FLIGHTS: 0.92, POLICY: 0.89},
        language_f1={
            (FLIGHTS, "en"): 0.88,
            (FLIGHTS, "es"): 0.94,
            (POLICY, "en"): 0.88,
            (POLICY, "es"): 0.89,
        },
        brier={FLIGHTS: 0.04, POLICY: 0.06},
        negatives_tagged=0.07,
    ),
    # fresh51: 42 items (26 Spanish, 13 look-alike hard negatives, 2 both-topic), the sealed
    # never-seen set of stop 51 (2026-12-07, clfresh51), aimed at returns told without the word
    # flight and border policy described rather than named (Spanish above all), with look-alike
    # negatives (remittances, emigration, consular services, citizens flown home, airport
    # traffic, asylum statistics); labelled blind, committed, then read once by clfresh51 with
    # main's shipped model (aggregates only, bench/classify_fresh51/figures_main.json): flights
    # 0.846 (11/0/4; en 0.875, es 0.800), border-policy 0.828 (12/1/4; en 0.750, es 0.857),
    # negatives 1/13, Brier 0.049 / 0.090. Floors = those figures rounded down slightly (6
    # Spanish flights and 5 English border-policy positives: one item moves those F1 by ~0.1).
    HeldBackSet(
        "fresh51",
        negatives=13,
        f1={FLIGHTS: 0.84, POLICY: 0.82},
        language_f1={
            (FLIGHTS, "en"): 0.87,
            (FLIGHTS, "es"): 0.79,
            (POLICY, "en"): 0.74,
            (POLICY, "es"): 0.85,
        },
        brier={FLIGHTS: 0.05, POLICY: 0.09},
        negatives_tagged=0.08,
    ),
    # fresh51b: 51 items (23 Spanish, 17 look-alike hard negatives, 5 both-topic), the second
    # sealed never-seen set of stop 51 (2026-12-07, clfresh51b), aimed at English border policy
    # described rather than named, flight programmes as policy, English look-alike negatives
    # (asylum statistics, remittances, emigration, airport news, citizens evacuated), returns told
    # without the word flight and Spanish route control; labelled blind, committed, then read once
    # by clfresh51b with main's shipped model (aggregates only,
    # bench/classify_fresh51b/figures_main.json): flights 0.889 (12/0/3; en 0.923, es 0.857),
    # border-policy 0.913 (21/1/3; en 0.897, es 0.941), negatives 1/17, Brier 0.035 / 0.052.
    # Floors = those figures rounded down slightly (7 English and 8 Spanish flights positives:
    # one item moves those F1 by about 0.06-0.08).
    HeldBackSet(
        "fresh51b",
        negatives=17,
        f1={FLIGHTS: 0.88, POLICY: 0.91},
        language_f1={
            (FLIGHTS, "en"): 0.92,
            (FLIGHTS, "es"): 0.85,
            (POLICY, "en"): 0.89,
            (POLICY, "es"): 0.94,
        },
        brier={FLIGHTS: 0.04, POLICY: 0.06},
        negatives_tagged=0.06,
    ),
    # fresh52: 41 items (18 Spanish, 12 look-alike hard negatives, 4 both-topic), the sealed
    # never-seen set of stop 52 (2026-12-07, clfresh52), aimed at English border policy described
    # rather than named, Spanish policy and returns, returns told without the word flight, with
    # look-alike negatives (citizens evacuated from a war, remittances, emigration, a
    # visa-appointment pause, airport traffic); labelled blind, committed, then read once by
    # clfresh52 with main's shipped model (aggregates only, bench/classify_fresh52/
    # figures_main.json): flights 0.929 (13/0/2; en 0.889, es 1.000), border-policy 0.857
    # (15/2/3; en 0.900, es 0.800), negatives 1/12, Brier 0.046 / 0.104. Floors = those figures
    # rounded down slightly (5 Spanish flights and 8 Spanish border-policy positives: one item
    # moves those F1 by ~0.1).
    HeldBackSet(
        "fresh52",
        negatives=12,
        f1={FLIGHTS: 0.92, POLICY: 0.85},
        language_f1={
            (FLIGHTS, "en"): 0.88,
            (FLIGHTS, "es"): 0.99,
            (POLICY, "en"): 0.89,
            (POLICY, "es"): 0.79,
        },
        brier={FLIGHTS: 0.05, POLICY: 0.11},
        negatives_tagged=0.09,
    ),
    # fresh52b: 46 items (25 Spanish, 16 look-alike hard negatives, 1 both-topic), the second
    # sealed never-seen set of stop 52 (2026-12-07, clfresh52b), aimed at Spanish border policy
    # described rather than named, Spanish returns told without the word vuelo, English returns
    # and policy told by its effect, with look-alike negatives (remittances, emigration, citizens
    # brought home, visa and passport services, airport traffic, counts of arrivals); labelled
    # blind, committed, then read once by clfresh52b with main's shipped model (aggregates only,
    # bench/classify_fresh52b/figures_main.json): flights 0.815 (11/2/3; en 0.667, es 0.933),
    # border-policy 0.789 (15/6/2; en 0.737, es 0.842), negatives 3/16, Brier 0.106 / 0.120.
    # Floors = those figures rounded down slightly (6 English flights and 9 English border-policy
    # positives: one item moves those F1 by ~0.1).
    HeldBackSet(
        "fresh52b",
        negatives=16,
        f1={FLIGHTS: 0.81, POLICY: 0.78},
        language_f1={
            (FLIGHTS, "en"): 0.66,
            (FLIGHTS, "es"): 0.93,
            (POLICY, "en"): 0.73,
            (POLICY, "es"): 0.84,
        },
        brier={FLIGHTS: 0.11, POLICY: 0.12},
        negatives_tagged=0.19,
    ),
    # fresh53: 41 items (23 Spanish, 14 look-alike hard negatives, 2 both-topic), the sealed
    # never-seen set of stop 53 (2026-12-07, clfresh53), aimed at returns told without the word
    # flight or vuelo, border policy described rather than named with Spanish from several
    # countries, returns under agreements, and look-alike negatives (evacuations, stranded citizens,
    # tourist flights, airport traffic, remittances, asylum statistics, emigration); labelled
    # blind, committed, then read once by clfresh53 with main's shipped model (aggregates only,
    # bench/classify_fresh53/figures_main.json): flights 0.720 (9/3/4; en 0.571, es 0.909),
    # border-policy 0.703 (13/8/3; en 0.625, es 0.762), negatives 5/14, Brier 0.108 / 0.186.
    # Floors = those figures rounded down slightly (7 English flights and 7 English border-policy
    # positives: one item moves those F1 by ~0.1).
    HeldBackSet(
        "fresh53",
        negatives=14,
        f1={FLIGHTS: 0.71, POLICY: 0.70},
        language_f1={
            (FLIGHTS, "en"): 0.57,
            (FLIGHTS, "es"): 0.90,
            (POLICY, "en"): 0.62,
            (POLICY, "es"): 0.76,
        },
        brier={FLIGHTS: 0.11, POLICY: 0.19},
        negatives_tagged=0.36,
    ),
    # fresh54: 37 items (18 Spanish, 15 look-alike hard negatives, 1 both-topic), the sealed
    # never-seen set of stop 54 (2026-12-07, clfresh54), aimed at English returns told without the
    # word flight, English border policy described rather than named, Spanish border policy from
    # Peru, Bolivia, Paraguay and Spain, and look-alike negatives (emigration, citizens brought
    # home or stranded, a war evacuation, consular help, airport traffic, football visitors,
    # asylum statistics, smuggling crime); labelled blind, committed, then read once by clfresh54
    # with main's shipped model (aggregates only, bench/classify_fresh54/figures_main.json):
    # flights 0.833 (5/0/2; en 0.750, es 1.000), border-policy 0.789 (15/7/1; en 0.842, es 0.737),
    # negatives 4/15, Brier 0.067 / 0.156. Floors = those figures rounded down slightly (only 5
    # English and 2 Spanish flights positives: one item moves those F1 by ~0.1 to ~0.3).
    HeldBackSet(
        "fresh54",
        negatives=15,
        f1={FLIGHTS: 0.83, POLICY: 0.78},
        language_f1={
            (FLIGHTS, "en"): 0.74,
            (FLIGHTS, "es"): 0.99,
            (POLICY, "en"): 0.84,
            (POLICY, "es"): 0.73,
        },
        brier={FLIGHTS: 0.07, POLICY: 0.16},
        negatives_tagged=0.27,
    ),
]
_REPORTS: dict[str, Report] = {}


def _report(classifier: Classifier, held: HeldBackSet) -> Report:
    if held.name not in _REPORTS:
        _REPORTS[held.name] = evaluate(classifier, check_set_rows(*held.files.values()))
    return _REPORTS[held.name]


@pytest.mark.parametrize("held", SETS, ids=lambda s: s.name)
def test_the_whole_set_is_held_back_from_the_split(held: HeldBackSet) -> None:
    assert_held_back_whole(held.halves, held.files)


@pytest.mark.parametrize("held", SETS, ids=lambda s: s.name)
def test_f1_per_topic_and_language_stays_above_its_floor(
    classifier: Classifier, held: HeldBackSet
) -> None:
    assert below_floors(_report(classifier, held), held.f1, held.language_f1) == []


@pytest.mark.parametrize("held", SETS, ids=lambda s: s.name)
def test_negatives_tagged_and_brier_do_not_rise(classifier: Classifier, held: HeldBackSet) -> None:
    report = _report(classifier, held)
    assert report.negatives == report.hard_negatives == held.negatives
    assert report.negative_tag_rate <= held.negatives_tagged
    for topic, ceiling in held.brier.items():
        assert report.brier(topic) <= ceiling, topic
