"""The learned status arbiter (issue 15, stop 31): arbitration and the evidence span of a
model-led status, on a small hand-written model (no training needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.status_model import (
    KINDS,
    ModelFileError,
    StatusModel,
    Text,
    arbitrate,
    cue_kind,
    decide,
    features,
)
from wirewatch_flights.training import JUDGES


def _model(weights: dict[str, list[float]], thresholds: dict[str, float]) -> StatusModel:
    data: dict[str, Any] = {
        "format": 1,
        "classes": ["completed", "planned", "blocked"],
        "bias": [0.0, 0.0, 0.0],
        "thresholds": thresholds,
        "weights": weights,
    }
    return StatusModel(data)


NONE = Clue("status", "completed", Span("title", 0, 0, ""))


def test_cue_kinds() -> None:
    assert cue_kind(NONE) == "none"
    assert cue_kind(Clue("status", "completed", Span("title", 0, 6, "landed"))) == "strong"
    assert cue_kind(Clue("status", "completed", Span("title", 0, 8, "deported"))) == "weak"
    assert cue_kind(Clue("status", "planned", Span("title", 0, 4, "will"))) == "strong"


def test_decide_keeps_the_rules_below_the_threshold_of_their_kind() -> None:
    thresholds = {"none": 0.6, "weak": 0.8, "strong": 0.95}
    probs = [0.1, 0.85, 0.05]
    assert decide(probs, "completed", "none", thresholds) == "planned"
    assert decide(probs, "completed", "weak", thresholds) == "planned"
    assert decide(probs, "completed", "strong", thresholds) == "completed"
    assert decide([0.5, 0.3, 0.2], "blocked", "none", thresholds) == "blocked"  # 0.5 < 0.6


def test_a_model_led_status_points_at_its_strongest_token() -> None:
    title = "Charter to Kingston on Friday"
    summary = "The Home Office plans a charter flight next week."
    model = _model(
        {"w:plans": [0.0, 40.0, 0.0], "w:next": [0.0, 10.0, 0.0]},
        dict.fromkeys(KINDS, 0.6),
    )
    clue = arbitrate(model, title, summary, NONE)
    assert clue.value == "planned"
    assert clue.span == Span("summary", 16, 21, "plans")
    assert summary[clue.span.start : clue.span.end] == "plans"


def test_the_evidence_span_is_in_the_original_text_title_first() -> None:
    title = "Vuelo con 120 DEPORTADOS llegará mañana"
    model = _model({"w:llegara": [0.0, 50.0, 0.0]}, dict.fromkeys(KINDS, 0.6))
    clue = arbitrate(model, title, "", NONE)
    assert clue.value == "planned"
    assert clue.span == Span("title", 25, 32, "llegará")


def test_the_rules_stand_where_the_model_agrees_or_may_not_overrule() -> None:
    model = _model({"w:plans": [0.0, 40.0, 0.0]}, {"none": 0.6, "weak": 0.6, "strong": 1.01})
    strong = Clue("status", "completed", Span("title", 0, 6, "landed"))
    assert arbitrate(model, "It landed", "Plans for more.", strong) is strong
    agree = _model({"w:landed": [40.0, 0.0, 0.0]}, dict.fromkeys(KINDS, 0.5))
    assert arbitrate(agree, "It landed", "", NONE) is NONE


def test_features_carry_the_rules_cue_unscaled_and_fold_numbers() -> None:
    clue = Clue("status", "blocked", Span("summary", 3, 10, "blocked"))
    vector = features("Flight 118 grounded", "A judge blocked it.", clue)
    assert vector["r:blocked"] == 1.0
    assert vector["r:blocked:strong"] == 1.0
    assert vector["r:blocked:summary"] == 1.0
    assert "w:#" in vector and "w:118" not in vector
    assert "t:grounded" in vector and "b:judge blocked" in vector
    assert Text("Flight 118", "").span("#") == Span("title", 7, 10, "118")


def test_a_malformed_model_file_is_refused() -> None:
    with pytest.raises(ModelFileError):
        StatusModel({"format": 9, "classes": [], "bias": [], "thresholds": {}, "weights": {}})


def test_the_shipped_model_is_fitted_beside_honest_cues_never_a_judge() -> None:
    from wirewatch_flights.status_model import shipped_model

    model = shipped_model()
    assert model is not None
    card = model.card
    assert not JUDGES & set(card["fitted_on"])
    assert "flights_dev.jsonl" not in card["fitted_on"]  # older than the extractor
    assert set(card["cues"]) == set(card["fitted_on"])  # each file's old rules' commit
    assert "honest cues" in card["features"]


def test_training_examples_carry_the_honest_cue_not_todays_rules(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from wirewatch_flights.training import load_examples, studied_files

    item = {
        "id": "x-1",
        "title": "Deportation flight lands in Guatemala",
        "summary": "The flight landed with 120 deportees.",
        "flight": {"status": "completed", "destination": "GT"},
    }
    negative = {"id": "x-2", "title": "Airline adds routes", "summary": "", "flight": None}
    (tmp_path / "flights_x.jsonl").write_text(
        "\n".join(json.dumps(o) for o in (item, negative)) + "\n", encoding="utf-8"
    )
    cue = {"value": "planned", "phrase": "", "source": "title", "start": 0, "end": 0}
    cues = {
        "flights_x.jsonl": {
            "rules_of": "0000000",
            "items": [
                {"id": "x-1", "record": False, "cue": cue},
                {"id": "x-2", "record": True, "cue": cue},
            ],
        }
    }
    files = studied_files(tmp_path, cues)
    (example,) = load_examples(files, cues)
    assert example.label == "completed"
    assert example.clue.value == "planned" and cue_kind(example.clue) == "none"
    assert example.found is False
    judge = {"flights_tideline.jsonl": cues["flights_x.jsonl"]}
    with pytest.raises(ValueError, match="judge"):
        load_examples([tmp_path / "flights_tideline.jsonl"], judge)


def test_train_flights_refuses_missing_honest_cues(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirewatch.cli import app
    from wirewatch.cli.errors import UserError

    missing = tmp_path / "cues.json"
    result = CliRunner().invoke(
        app, ["train", "--part", "flights", "--cues", str(missing), "--out", str(tmp_path / "m")]
    )
    assert isinstance(result.exception, UserError)
    assert "no honest cues" in str(result.exception)
    assert not (tmp_path / "m").exists()
