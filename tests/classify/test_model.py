"""The learned topic model: shipped weights, training/scoring agreement, evidence, training."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from wirewatch_classify.dataset import (
    MANIFEST_NAME,
    deduplicate,
    gather,
    load_split,
    split,
    write_manifest,
)
from wirewatch_classify.engine import Classifier
from wirewatch_classify.features import ItemParts, fold_number, item_features
from wirewatch_classify.model import MODEL_RULE, TopicModel, shipped_model
from wirewatch_classify.topicdef import load_topics

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_shipped_model_matches_the_topic_files(classifier: Classifier) -> None:
    model = shipped_model()
    assert model is not None
    versions = {t.topic: t.version for t in load_topics()}
    for topic, stack in model.stacks.items():
        assert stack.rules_version == versions[topic], f"retrain: {topic} changed"
    assert classifier.model is model


def test_scoring_equals_the_training_features() -> None:
    """The memoised per-token scorer gives exactly w . x + b of the training features."""
    model = shipped_model()
    assert model is not None
    rows = [(str(r["title"]), str(r["summary"])) for r in _rows(DATA / "classify_dev.jsonl")[:40]]
    # Numbers fold to one class: two in a title are two title words "#" and two "#" grams.
    rows.append(("118 deportees and 97 others land on flight 4012", "Flight C-17 left at 06:30."))
    weights = model.weights
    for title, summary in rows:
        vector = item_features(title, summary)
        logits = model.logits(ItemParts.of(title, summary))
        for k, bias in enumerate(model.bias):
            expected = bias + sum(
                value * weights[f][k] for f, value in vector.items() if f in weights
            )
            assert math.isclose(logits[k], expected, abs_tol=1e-9)


def test_a_number_does_not_move_a_score(classifier: Classifier) -> None:
    """Every run of digits is one token class for the model, so which number a headline
    carries changes no score ("Deportation flight 118 ..." was tagged border-policy by
    the n-grams of "118")."""
    assert fold_number("118") == fold_number("7") == "#"
    assert fold_number("c17") == "c#"
    results = set()
    for n in (*range(120), 1500, 2025, 40000):
        matches, _ = classifier.classify(f"Deportation flight {n} lands in Guatemala", "")
        results.add(tuple((m.topic, m.score) for m in matches))
    assert len(results) == 1
    assert [topic for topic, _ in results.pop()] == ["repatriation-flights"]


def test_model_led_tag_carries_its_terms_as_evidence(classifier: Classifier) -> None:
    rules = Classifier(classifier.topics)
    found = 0
    for row in _rows(DATA / "classify_dev.jsonl") + _rows(DATA / "classify_pool_en.jsonl"):
        title, summary = str(row["title"]), str(row["summary"])
        matches, _ = classifier.classify(title, summary)
        by_rules = {m.topic for m in rules.classify(title, summary)[0]}
        for match in matches:
            if match.topic in by_rules:
                continue
            assert MODEL_RULE in match.rules
            assert match.evidence  # the model's terms, beside any rule evidence
            model_evidence = [e for e in match.evidence if e.rule == MODEL_RULE]
            for e in model_evidence:
                text = title if e.field == "title" else summary
                assert text[e.start : e.end] == e.phrase
            found += bool(model_evidence)
    assert found > 0, "no model-led tag with model terms: the model adds no recall"


def test_scores_are_probabilities_that_spread(classifier: Classifier) -> None:
    scores = [
        m.score
        for row in _rows(DATA / "classify_dev.jsonl")
        for m in classifier.classify(str(row["title"]), str(row["summary"]))[0]
    ]
    assert all(0.5 <= s <= 1.0 for s in scores)
    # Unlike the rules alone (every clear match 1.00), a minimum score filters something.
    assert sum(s < 0.9 for s in scores) >= 5


def test_rules_only_when_the_topic_file_changed() -> None:
    topics = [t.model_copy(update={"version": t.version + 1}) for t in load_topics()]
    changed = Classifier(topics, model=shipped_model())
    title = "Sweden deports 22 Iraqis as part of tightening immigration measures"
    rules_only = Classifier(topics).classify(title, "")
    assert changed.classify(title, "") == rules_only


def test_the_model_reads_only_gated_items(classifier: Classifier) -> None:
    """An item with no topic vocabulary never reaches the model (speed; see the docs)."""
    title, summary = "Apple releases a new phone", "The company said sales rose."
    assert classifier.classify(title, summary)[0] == ()
    assert set(classifier.topic_scores(title, summary).values()) == {0.0}


# -- data split ----------------------------------------------------------------------


def test_manifest_splits_are_disjoint_and_keep_near_duplicates_together() -> None:
    if not (DATA / MANIFEST_NAME).exists():
        pytest.skip("no split manifest")
    splits = load_split(DATA)
    keys = {name: {item.key for item in items} for name, items in splits.items()}
    assert not keys["train"] & keys["dev"]
    assert not keys["train"] & keys["test"]
    assert not keys["dev"] & keys["test"]
    listed = [item for items in splits.values() for item in items]
    where = {item.key: name for name, items in splits.items() for item in items}
    _, removed, related = deduplicate(listed)
    assert not removed, "a near-duplicate pair is listed in the manifest"
    roots: dict[int, str] = {}
    for i, item in enumerate(listed):
        root = related.find(i)
        assert roots.setdefault(root, where[item.key]) == where[item.key], item.key


def test_split_is_reproducible(tmp_path: Path) -> None:
    for name in ("classify_dev.jsonl", "classify_pool_es.jsonl"):
        if (DATA / name).exists():
            (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"), "utf-8")
    first = split(tmp_path)
    write_manifest(first, tmp_path / MANIFEST_NAME)
    assert split(tmp_path) == first
    assert sum(first["counts"].values()) + len(first["duplicates_removed"]) == len(gather(tmp_path))


def test_a_held_back_check_half_is_in_no_split_and_moves_nothing(tmp_path: Path) -> None:
    """A check half listed in classify_*_halves.json is left out; every other item keeps
    the split it has with the check half pooled (docs/measurements/classify.md,
    "Thirteenth round")."""
    src = DATA / "classify_pool_es.jsonl"
    if not src.exists():
        pytest.skip("pool not found")
    (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), "utf-8")
    pooled = split(tmp_path)
    check = [row["id"] for row in _rows(src)[::3]]
    halves = {"files": ["classify_pool_es"], "check": check}
    (tmp_path / "classify_pool_es_halves.json").write_text(json.dumps(halves), "utf-8")
    held = split(tmp_path)
    held_keys = {f"classify_pool_es:{item_id}" for item_id in check}
    where = {key: name for name, keys in pooled["splits"].items() for key in keys}
    for name, keys in held["splits"].items():
        assert not held_keys & set(keys)
        assert all(where[key] == name for key in keys)
    assert set(held["held_back"]) == held_keys & set(where)


def test_newer_data_never_moves_a_test_item_into_training(tmp_path: Path) -> None:
    """The test cut-off is pinned: items dated after it only add to the test split."""
    src = DATA / "classify_dev.jsonl"
    if not src.exists():
        pytest.skip("dev set not found")
    rows = _rows(src)
    (tmp_path / "classify_dev.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    before = split(tmp_path)
    newer = [
        {
            "id": f"new-{k}",
            "title": f"Unrelated newer headline number {k} about harvest festivals",
            "summary": f"Farmers in village {k} celebrated the autumn harvest with music.",
            "lang": "en",
            "labels": [],
            "source": f"Newer Outlet {k}",
            "date": "2026-11-30",
        }
        for k in range(len(rows))
    ]
    (tmp_path / "classify_pool_newer.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in newer), "utf-8"
    )
    after = split(tmp_path)
    assert after["date_cutoff"] == before["date_cutoff"]
    assert set(before["splits"]["test"]) <= set(after["splits"]["test"])
    assert all(f"classify_pool_newer:new-{k}" in after["splits"]["test"] for k in range(3))


# CPU-bound, no waiting: about 15 s on a quiet machine, past 120 s on a busy 2-core one.
@pytest.mark.timeout(600)
def test_training_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from wirewatch_classify.training import train

    rows = _rows(DATA / "classify_dev.jsonl")
    (tmp_path / "classify_dev.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    write_manifest(split(tmp_path), tmp_path / MANIFEST_NAME)
    a = train(tmp_path, tmp_path / "a.json", fit_on=("train",))
    b = train(tmp_path, tmp_path / "b.json", fit_on=("train",))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    model = TopicModel(a)
    assert set(model.stacks) == {"border-policy", "repatriation-flights"}
    assert a["card"]["fitted_on"] == "train" and b["card"]["splits"]["test"]["items"] > 0
    with pytest.raises(ValueError, match="reporting only"):
        train(tmp_path, tmp_path / "c.json", fit_on=("train", "test"))


def test_memos_stay_bounded_and_resets_change_no_result(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long-running classifier meets ever new tokens: its memos are reset at their limit
    (so memory stays bounded) and a reset changes no score."""
    from wirewatch_classify import lexicon, model

    rows = _rows(DATA / "classify_dev.jsonl")
    expected = [classifier.classify(str(r["title"]), str(r.get("summary") or "")) for r in rows]
    monkeypatch.setattr(lexicon, "_MEMO_LIMIT", 50)
    monkeypatch.setattr(model, "MEMO_LIMIT", 50)
    fresh = Classifier(load_topics(), model=TopicModel.load())  # memos of its own, empty
    assert fresh.model is not None
    for row, before in zip(rows, expected, strict=True):
        assert fresh.classify(str(row["title"]), str(row.get("summary") or "")) == before
        assert fresh.lexicon.remembered_tokens <= 2 * 50
        assert fresh.model.remembered_tokens <= 2 * 51


def test_threshold_moves_off_one_half_only_for_a_clear_gain() -> None:
    """The out-of-fold threshold choice keeps 0.5 unless another gains >= THRESHOLD_MARGIN F1
    (it swung between 0.5, 0.55 and 0.6 with a few dozen more items; docs/classify.md)."""
    pytest.importorskip("sklearn")
    from wirewatch_classify.training import THRESHOLD_MARGIN, choose_threshold, threshold_f1

    # One false alarm at 0.52 among 40 items: 0.55 gains 0.0126 F1 (0.9744 -> 0.9870).
    scores = [0.9] * 38 + [0.52] + [0.1]
    y = [1] * 38 + [0] + [1]
    assert threshold_f1(scores, y, 0.55) - threshold_f1(scores, y, 0.5) >= THRESHOLD_MARGIN
    assert choose_threshold(scores, y) == 0.55
    # The same false alarm among 200 found positives gains 0.0025: 0.5 stays.
    scores, y = [0.9] * 200 + [0.52], [1] * 200 + [0]
    assert 0 < threshold_f1(scores, y, 0.55) - threshold_f1(scores, y, 0.5) < THRESHOLD_MARGIN
    assert choose_threshold(scores, y) == 0.5
