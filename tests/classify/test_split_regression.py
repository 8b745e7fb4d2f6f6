"""The figures of the shipped rules + model on the held-out TEST split must not drop.

The test split (tests/data/classify_split.json, `wirewatch classify-split`) is never used
to fit or choose anything; these floors sit a little below what was measured when the
model was trained (see docs/classify.md, "Model card"). Raise them when the model
improves; never lower them to make a change pass. After new data and a new split,
retrain (`wirewatch train`) and re-measure (`wirewatch eval --split test`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from wirewatch_classify.dataset import MANIFEST_NAME, load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import Report, evaluate

DATA = Path(__file__).resolve().parents[1] / "data"

# Measured on the test split of 850 items (cut-off pinned at 2025-07-04; the 835 of 19:50
# plus 15 of the dusk never-seen set) with topic files border-policy v9 /
# repatriation-flights v7 and the model of 2026-12-03 20:07 (the dusk set pooled, same
# rules): repatriation-flights F1 0.930 (en 0.931, es 0.929), Brier 0.047; border-policy F1
# 0.874 (en 0.879, es 0.872), Brier 0.100; negatives tagged 7/177 (4.0%). On the 835 old
# items: 0.929 / 0.873, 7/172 (4.1%), as the model of 19:50 (0.928 / 0.870, 7/172).
# docs/classify.md, "Sixth round". The negatives ceiling stays 4.1% (set by the fifth round:
# the fold cost one test negative, nothing was tuned to win it back; the third round raised
# it to 4% the same way, the fourth lowered it to 3.5%); back to 3.5% at ≤ 6/172.
F1_FLOOR = {"repatriation-flights": 0.915, "border-policy": 0.86}
LANGUAGE_F1_FLOOR = {
    ("repatriation-flights", "en"): 0.915,
    ("repatriation-flights", "es"): 0.915,
    ("border-policy", "en"): 0.86,
    ("border-policy", "es"): 0.86,
}
BRIER_CEILING = {"repatriation-flights": 0.055, "border-policy": 0.12}
NEGATIVES_TAGGED_CEILING = 0.041


@pytest.fixture(scope="module")
def report(classifier: Classifier) -> Report:
    if not (DATA / MANIFEST_NAME).exists():
        pytest.skip("no split manifest")
    return evaluate(classifier, [item.row for item in load_split(DATA)["test"]])


@pytest.mark.parametrize("topic", sorted(F1_FLOOR))
def test_topic_f1(report: Report, topic: str) -> None:
    assert report.per_topic[topic].f1 >= F1_FLOOR[topic]


@pytest.mark.parametrize(("topic", "lang"), sorted(LANGUAGE_F1_FLOOR))
def test_language_f1(report: Report, topic: str, lang: str) -> None:
    assert report.per_language[(topic, lang)].f1 >= LANGUAGE_F1_FLOOR[(topic, lang)]


@pytest.mark.parametrize("topic", sorted(BRIER_CEILING))
def test_calibration(report: Report, topic: str) -> None:
    assert report.brier(topic) <= BRIER_CEILING[topic]


def test_negatives_tagged(report: Report) -> None:
    assert report.negatives > 0
    assert report.negative_tag_rate <= NEGATIVES_TAGGED_CEILING
