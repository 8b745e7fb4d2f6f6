"""Clustering quality against labelled stories (pure).

- pairwise precision / recall / F1 over item pairs (same predicted story vs same
  true story);
- B-cubed F1 (per item: the share of its predicted story that is truly its story,
  and the share of its true story that it was put with);
- alerts per story: distinct predicted stories per true story (1.0 is ideal: one
  story-mode alert per real event).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class ClusterReport:
    items: int
    true_stories: int
    predicted_stories: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    alerts_per_story: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def evaluate(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusterReport:
    if len(truth) != len(predicted):
        raise ValueError("truth and predictions differ in length")
    joint = Counter(zip(truth, predicted, strict=True))
    by_true = Counter(truth)
    by_pred = Counter(predicted)
    same_both = sum(_pairs(n) for n in joint.values())
    same_pred = sum(_pairs(n) for n in by_pred.values())
    same_true = sum(_pairs(n) for n in by_true.values())
    precision = same_both / same_pred if same_pred else 1.0
    recall = same_both / same_true if same_true else 1.0
    n = len(truth) or 1
    b_precision = sum(c * c / by_pred[p] for (_, p), c in joint.items()) / n
    b_recall = sum(c * c / by_true[t] for (t, _), c in joint.items()) / n
    spread: defaultdict[Hashable, set[Hashable]] = defaultdict(set)
    for t, p in zip(truth, predicted, strict=True):
        spread[t].add(p)
    alerts = sum(len(s) for s in spread.values()) / (len(spread) or 1)
    return ClusterReport(
        items=len(truth),
        true_stories=len(by_true),
        predicted_stories=len(by_pred),
        pairwise_precision=round(precision, 4),
        pairwise_recall=round(recall, 4),
        pairwise_f1=round(_f1(precision, recall), 4),
        bcubed_precision=round(b_precision, 4),
        bcubed_recall=round(b_recall, 4),
        bcubed_f1=round(_f1(b_precision, b_recall), 4),
        alerts_per_story=round(alerts, 3),
    )


def format_report(report: ClusterReport) -> str:
    return "\n".join(
        [
            f"items {report.items}, true stories {report.true_stories}, "
            f"predicted stories {report.predicted_stories}",
            f"pairwise  P {report.pairwise_precision:.3f}  R {report.pairwise_recall:.3f}  "
            f"F1 {report.pairwise_f1:.3f}",
            f"B-cubed   P {report.bcubed_precision:.3f}  R {report.bcubed_recall:.3f}  "
            f"F1 {report.bcubed_f1:.3f}",
            f"alerts per story {report.alerts_per_story:.3f}",
        ]
    )
