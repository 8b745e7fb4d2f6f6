"""Candidate pair features for flight reports, leave one file out (stop 30, issue #13).

    .venv/bin/python bench/stories_learned/flight_features.py [VARIANT ...]

A flight report is an item with a flight word (``FLIGHT_WORDS``: flight/vuelo, plane/avión,
aircraft/aeronave, charter). Each variant appends pair features to ``PAIR_FEATURES`` (computed
for every pair the hand factors score, as ``fit.py`` collects them); each file is clustered with
a model fitted on the other files' pairs. Printed per variant: mean pairwise F1, alerts per
story, the worst file's change against the base (no extra feature), and over the flight stories
(``flights.flight_stories``) the extra predicted stories (splits) and the extra true stories in
predicted ones (merges).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wirewatch_stories.pair_model as cl
from common import Item, labelled_files, load_items, ordered
from fit import fit
from flights import flight_stories
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.pair_model import PairModel
from wirewatch_stories.scoring import Scorer

FLIGHT_WORDS = frozenset({"w:fligh", "w:plane", "w:aircr", "w:chart"})
BASE = cl.PAIR_FEATURES
Extra = Callable[[Scorer, Member, tuple[float, ...]], tuple[float, ...]]
_I = {name: n for n, name in enumerate(BASE)}


def _flights(s: Scorer, m: Member) -> bool:
    return bool(FLIGHT_WORDS & s.cues) and not FLIGHT_WORDS.isdisjoint(m.cues)


def _f(name: str, f: tuple[float, ...]) -> float:
    return f[_I[name]]


def _flight_times(*features: str) -> Extra:
    """The "both are flight reports" flag, then each of ``features`` times that flag."""

    def extra(s: Scorer, m: Member, f: tuple[float, ...]) -> tuple[float, ...]:
        both = float(_flights(s, m))
        return (both, *(both * _f(name, f) for name in features))

    return extra


def _day1(s: Scorer, m: Member, f: tuple[float, ...]) -> float:
    """Two flight reports at most a day apart with no country or count conflict."""
    return float(
        _flights(s, m)
        and _f("days_apart", f) <= 1.0
        and not _f("country_conflict", f)
        and not _f("count_conflict", f)
    )


VARIANTS: dict[str, tuple[tuple[str, ...], Extra]] = {
    "base": ((), lambda s, m, f: ()),
    "both": (("flights",), _flight_times()),
    "count": (("flights", "f_count"), _flight_times("count_conflict")),
    "country": (("flights", "f_country"), _flight_times("country_conflict")),
    "days": (("flights", "f_days"), _flight_times("days_apart")),
    "figures": (("flights", "f_figures"), _flight_times("same_figures")),
    "lang": (("flights", "f_lang"), _flight_times("two_languages")),
    "stale": (("flights", "f_stale"), _flight_times("stale")),
    "cc": (
        ("flights", "f_count", "f_country"),
        _flight_times("count_conflict", "country_conflict"),
    ),
    "ccd": (
        ("flights", "f_count", "f_country", "f_days"),
        _flight_times("count_conflict", "country_conflict", "days_apart"),
    ),
    "day1": (
        ("f_day1",),
        lambda s, m, f: (_day1(s, m, f),),
    ),
    "nocount_day1": (
        ("f_one_without_count", "f_day1"),
        lambda s, m, f: (
            float(_flights(s, m) and bool(s.counts) != bool(m.counts)),
            _day1(s, m, f),
        ),
    ),
    "nocount_any": (
        ("one_without_count",),
        lambda s, m, f: (float(bool(s.counts) != bool(m.counts)),),
    ),
    "nocount_late": (
        ("f_one_without_count_days",),
        lambda s, m, f: (
            float(_flights(s, m) and bool(s.counts) != bool(m.counts)) * _f("days_apart", f),
        ),
    ),
    "day1_lang": (
        ("f_day1_lang",),
        lambda s, m, f: (
            float(
                _flights(s, m)
                and _f("two_languages", f)
                and _f("days_apart", f) <= 1.0
                and not _f("country_conflict", f)
                and not _f("count_conflict", f)
            ),
        ),
    ),
    "day1_all": (
        ("day1",),
        lambda s, m, f: (
            float(
                _f("days_apart", f) <= 1.0
                and not _f("country_conflict", f)
                and not _f("count_conflict", f)
            ),
        ),
    ),
    "day2_figures": (
        ("f_day2_figures",),
        lambda s, m, f: (
            float(_flights(s, m) and _f("same_figures", f) and _f("days_apart", f) <= 2.0),
        ),
    ),
    "date_conflict": (
        ("f_date_conflict",),
        lambda s, m, f: (
            float(
                _flights(s, m)
                and any(c[:2] == "d:" for c in s.cues)
                and any(c[:2] == "d:" for c in m.cues)
                and not _f("shared_date", f)
            ),
        ),
    ),
    "nodates": (
        ("f_one_without_count",),
        lambda s, m, f: (float(_flights(s, m) and bool(s.counts) != bool(m.counts)),),
    ),
}


class _Collect(Clusterer):
    """A clusterer recording the pairs it scores (with its scorer, see :func:`_install`)."""

    scorer: type[Scorer] = Scorer

    def __init__(self, pair_model: PairModel | None = None) -> None:
        super().__init__(pair_model=pair_model)
        self.pairs: list[tuple[tuple[float, ...], bool]] = []
        self.story: dict[str, str] = {}
        self.current = ""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return self.scorer(self, cues, published)


def _install(names: tuple[str, ...], extra: Extra, hand: bool) -> type[_Collect]:
    cl.PAIR_FEATURES = BASE + names

    class Extended(Scorer):
        __slots__ = ()

        def pair_features(self, member: Member) -> tuple[float, ...] | None:
            f = super().pair_features(member)
            return None if f is None else f + extra(self, member, f)

        def similarity(self, member: Member) -> float:
            clusterer = self.clusterer
            if hand and isinstance(clusterer, _Collect):
                features = self.pair_features(member)
                if features is not None:
                    same = clusterer.story[clusterer.current] == clusterer.story[member.item_id]
                    clusterer.pairs.append((features, same))
            return super().similarity(member)

    class Collect(_Collect):
        scorer = Extended

    return Collect


def _run(items: list[Item], clusterer: _Collect) -> dict[int, str]:
    out = {}
    for it in ordered(items):
        clusterer.story[str(it.index)] = it.story
        clusterer.current = str(it.index)
        when = it.published if it.published is not None else clusterer.clock
        out[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    return out


def flight_errors(
    items: list[Item], predicted: dict[int, str], flights: set[str]
) -> tuple[int, int]:
    spread: defaultdict[str, set[str]] = defaultdict(set)
    held: defaultdict[str, set[str]] = defaultdict(set)
    for it in items:
        spread[it.story].add(predicted[it.index])
        held[predicted[it.index]].add(it.story)
    splits = sum(len(spread[s]) - 1 for s in flights)
    merges = sum(len(h) - 1 for h in held.values() if h & flights)
    return splits, merges


def main() -> None:
    chosen = sys.argv[1:] or list(VARIANTS)
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    files = {name: load_items(p) for name, p in paths.items()}
    flights = {
        name: flight_stories(
            [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line]
        )
        for name, p in paths.items()
    }
    base_f1: dict[str, float] = {}
    for variant in ["base", *[v for v in chosen if v != "base"]]:
        names, extra = VARIANTS[variant]
        collect = _install(names, extra, hand=True)
        pairs = {}
        for name, items in files.items():
            c = collect(None)
            _run(items, c)
            pairs[name] = c.pairs
        reports: dict[str, ClusterReport] = {}
        splits = merges = 0
        for name, items in files.items():
            model = fit([p for other, ps in pairs.items() if other != name for p in ps])
            predicted = _run(items, collect(model))
            reports[name] = evaluate(
                [it.story for it in items], [predicted[it.index] for it in items]
            )
            s, m = flight_errors(items, predicted, flights[name])
            splits, merges = splits + s, merges + m
        n = len(reports)
        f1 = sum(r.pairwise_f1 for r in reports.values()) / n
        alerts = sum(r.alerts_per_story for r in reports.values()) / n
        if variant == "base":
            base_f1 = {k: r.pairwise_f1 for k, r in reports.items()}
        moved = sorted(
            ((r.pairwise_f1 - base_f1[k], k) for k, r in reports.items()),
            key=lambda x: x[0],
        )
        moves = ", ".join(
            f"{k} {d:+.3f} (P {reports[k].pairwise_precision:.3f} "
            f"R {reports[k].pairwise_recall:.3f} a {reports[k].alerts_per_story:.3f})"
            for d, k in moved
            if abs(d) >= 0.001
        )
        weights = fit([p for ps in pairs.values() for p in ps]).weights[len(BASE) :]
        print(
            f"{variant}: F1 {f1:.4f} alerts {alerts:.4f} flight splits {splits} merges {merges}"
            f" w={[round(w, 2) for w in weights]} | {moves}",
            flush=True,
        )


if __name__ == "__main__":
    main()
