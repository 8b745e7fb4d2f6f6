"""Stop 46, order within ties (issue 13): the clustering of a labelled file in one input order,
under main's tie order (file order) or a candidate's (``RULE.md``).

An input order is the file's (``seed`` None) or ``random.Random(seed).shuffle`` of its rows, as
``tests/stories/test_never_seen_judges.py`` makes them; every policy then processes the rows by
publication (undated last), as ``offline.cluster_rows`` does, and differs only within a group of
rows with the same publication time (a **tie group**):

- ``main``: the input order (``offline.processing_order``, a stable sort);
- ``a`` (content key): the most salient row first - the sum of the kind weights
  (``cluster.KIND_WEIGHTS``) of its cues other than words (numbers, ordinals, dates, years,
  countries, agencies, places, names) - then by the SHA-256 of its title and summary, then its id;
- ``b`` (best-first): among the group's rows not yet assigned, the one whose decision joins a
  story with the highest score goes next (recomputed after every assignment); when none joins,
  the first by ``a``'s key opens a story. Groups of more than ``BEST_FIRST_MAX`` rows take
  ``a``'s order (the cost is quadratic in the group's size).

Cues are extracted once per row (classify's shipped gazetteer, as ``wirewatch stories eval``).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from wirewatch_stories.cluster import KIND_WEIGHTS, Clusterer, Decision
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.features import extract
from wirewatch_stories.offline import parse_published

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = ("stories_fresh45.jsonl", "stories_fresh46.jsonl")
SEEDS: tuple[int | None, ...] = (None, 1, 2, 3, 4, 5)
POLICIES = ("main", "a", "b")
BEST_FIRST_MAX = 64


@dataclass(frozen=True)
class Row:
    index: int  # position in the input order
    item_id: str
    story: str
    cues: frozenset[str]
    published: float | None
    salience: float
    digest: str


def studied_files() -> list[Path]:
    return [p for p in sorted(DATA.glob("stories_*.jsonl")) if p.name not in JUDGES]


_FINDER: Any = None
_CUES: dict[tuple[str, str], frozenset[str]] = {}


def cues_of(title: str, summary: str) -> frozenset[str]:
    global _FINDER
    if _FINDER is None:
        from wirewatch.cli.stories_cmds import _entity_finder

        _FINDER = _entity_finder(None)
    key = (title, summary)
    if key not in _CUES:
        found = _FINDER(title, summary)
        _CUES[key] = extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues
    return _CUES[key]


def salience(cues: frozenset[str]) -> float:
    return sum(KIND_WEIGHTS.get(c[0], 1.0) for c in cues if not c.startswith("w:"))


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def prepared(raw: Sequence[dict[str, Any]], seed: int | None) -> list[Row]:
    raw = list(raw)
    if seed is not None:
        random.Random(seed).shuffle(raw)
    rows = []
    for n, r in enumerate(raw):
        title, summary = str(r.get("title") or ""), str(r.get("summary") or "")
        cues = cues_of(title, summary)
        published = parse_published(r.get("published"))
        digest = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
        item_id = str(r.get("id") if r.get("id") is not None else n)
        rows.append(
            Row(
                n,
                item_id,
                str(r.get("story")),
                cues,
                published.timestamp() if published else None,
                salience(cues),
                digest,
            )
        )
    return rows


def _time_key(row: Row) -> tuple[bool, float]:
    return (row.published is None, row.published or 0.0)


def _content_key(row: Row) -> tuple[float, str, str]:
    return (-row.salience, row.digest, row.item_id)


def _when(row: Row, clusterer: Clusterer) -> float:
    return max(row.published if row.published is not None else clusterer.clock, -1e18)


def cluster(rows: list[Row], policy: str) -> dict[int, Decision]:
    clusterer = Clusterer()
    out: dict[int, Decision] = {}
    by_time = sorted(rows, key=lambda r: (_time_key(r), r.index))
    for _, grouped in groupby(by_time, key=_time_key):
        group = list(grouped)
        if policy == "main":
            for row in group:
                out[row.index] = clusterer.assign(row.item_id, row.cues, _when(row, clusterer))
            continue
        group.sort(key=_content_key)
        if policy == "a" or len(group) > BEST_FIRST_MAX:
            for row in group:
                out[row.index] = clusterer.assign(row.item_id, row.cues, _when(row, clusterer))
            continue
        assert policy == "b", policy
        while group:
            chosen, decision = 0, None
            for k, row in enumerate(group):
                d = clusterer.decide(row.item_id, row.cues, _when(row, clusterer))
                if not d.opened and (decision is None or d.score > decision.score):
                    chosen, decision = k, d
            row = group.pop(chosen)
            when = _when(row, clusterer)
            if decision is None:
                decision = clusterer.decide(row.item_id, row.cues, when)
            clusterer.add(row.item_id, decision.story_id, row.cues, when)
            out[row.index] = decision
    return out


def labels(rows: list[Row], policy: str, prefix: str = "") -> tuple[list[str], list[str]]:
    decisions = cluster(rows, policy)
    return (
        [prefix + r.story for r in rows],
        [prefix + decisions[r.index].story_id for r in rows],
    )


def report(path: Path, seed: int | None, policy: str) -> ClusterReport:
    truth, predicted = labels(prepared(read_rows(path), seed), policy)
    return evaluate(truth, predicted)
