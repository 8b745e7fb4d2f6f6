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

# Measured on the test split of 835 items (cut-off pinned at 2025-07-04) with topic files
# border-policy v9 / repatriation-flights v7 and the model of 2026-12-03 19:50 (numbers
# folded to one token class in the model's features): repatriation-flights F1 0.928 (en
# 0.927, es 0.928), Brier 0.048; border-policy F1 0.870 (en 0.874, es 0.867), Brier 0.103;
# negatives tagged 7/172 (4.1%). Before (model of 19:05, digits seen as such): 0.925 (en
# 0.924, es 0.926) / 0.867 (en 0.862, es 0.871), 6/172 (3.5%). docs/classify.md, "Fifth
# round". The negatives ceiling is 4.1%: the fold (asked for, neutral on the honest dev
# split: 3/176 negatives before and after) costs one test negative, and nothing was tuned
# to win it back; the third round raised it to 4% the same way, the fourth lowered it to 3.5%.
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
