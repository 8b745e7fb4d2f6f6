"""docs/alert-payload.schema.json describes what webhooks really receive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wirewatch_notify.payloads import alert_envelope, digest_envelope, sample_envelope

from tests.notify.support import NOW, classified

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "alert-payload.schema.json"


def test_alert_test_and_digest_payloads_match_the_documented_schema() -> None:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    item = classified("flights", countries=("VE",), agencies=("Frontex",))
    alert = alert_envelope(item, item.matches, now=NOW)
    for envelope in (
        alert,
        sample_envelope(["flights", "asylum"], now=NOW),
        digest_envelope([alert, alert], period_end=NOW, now=NOW),
    ):
        validator.validate(json.loads(json.dumps(envelope)))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"type": "wirewatch.alert.v1", "timestamp": "x", "data": {}})
