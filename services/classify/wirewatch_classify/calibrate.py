"""Platt calibration of the raw rule sums (``wirewatch eval --calibrate``).

A topic's raw score is the sum of the weights of its rules that fired. To make
the reported score a probability-like number in 0..1, we fit a one-feature
logistic regression p = 1 / (1 + exp(-(slope * raw + intercept))) on a labelled
file (Platt scaling), by Newton's method with a weak Gaussian prior on the two
parameters so a perfectly separable file still gives finite values. The fitted
``slope``/``intercept`` go in the topic file's ``calibration`` block.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import row_text

PRIOR = 0.01
"""L2 penalty on slope and intercept (keeps separable data finite)."""


@dataclass(frozen=True)
class Fit:
    topic: str
    slope: float
    intercept: float
    items: int
    positives: int

    def cutoff(self) -> float:
        """The raw score at which the calibrated score crosses 0.5."""
        return -self.intercept / self.slope if self.slope else math.inf


def fit_platt(
    raw: Sequence[float], labels: Sequence[bool], iterations: int = 100
) -> tuple[float, float]:
    a, b = 1.0, 0.0
    for _ in range(iterations):
        ga = gb = 0.0
        haa = hab = hbb = 0.0
        for x, y in zip(raw, labels, strict=True):
            z = max(-60.0, min(60.0, a * x + b))
            p = 1.0 / (1.0 + math.exp(-z))
            err = p - (1.0 if y else 0.0)
            w = p * (1.0 - p)
            ga += err * x
            gb += err
            haa += w * x * x
            hab += w * x
            hbb += w
        ga += PRIOR * a
        gb += PRIOR * b
        haa += PRIOR
        hbb += PRIOR
        det = haa * hbb - hab * hab
        if det <= 0:
            break
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a -= da
        b -= db
        if abs(da) < 1e-9 and abs(db) < 1e-9:
            break
    return a, b


def calibrate(classifier: Classifier, rows: Iterable[dict[str, Any]]) -> list[Fit]:
    data = [(classifier.raw_score(*row_text(r)), r) for r in rows]
    fits: list[Fit] = []
    for spec in classifier.topics:
        raw = [scores[spec.topic] for scores, _ in data]
        labels = [spec.topic in r.get("labels", []) for _, r in data]
        slope, intercept = fit_platt(raw, labels)
        fits.append(Fit(spec.topic, slope, intercept, len(raw), sum(labels)))
    return fits
