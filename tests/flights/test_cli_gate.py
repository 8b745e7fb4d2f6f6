"""`wirewatch flights extract` / `eval` with `--as-service`: the shipped classifier's gate
first, as the flights service reads only items tagged repatriation-flights (stop 32)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.env import clear_settings
from wirewatch.cli import app

DATA = Path(__file__).resolve().parents[1] / "data"
REPORT = ("flights_afternoon.jsonl", "fl-12001")
"""A deportation flight to Honduras: tagged repatriation-flights, a record."""
EVACUATION = ("flights_aurora.jsonl", "fl-31703")
"""Sri Lankans stranded in the UAE flown home: a hard negative the extractor alone reads as
a record; the classifier does not tag it."""

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_settings(monkeypatch)


def _item(name: str, item_id: str) -> dict[str, Any]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if obj["id"] == item_id:
            return dict(obj)
    raise LookupError(item_id)


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    items = [_item(*REPORT), _item(*EVACUATION)]
    path.write_text("".join(json.dumps(o) + "\n" for o in items), encoding="utf-8")
    return path


def _extract(path: Path, *flags: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["flights", "extract", "--input", str(path), *flags])
    assert result.exception is None, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_as_service_keeps_a_tagged_report_and_nulls_an_untagged_hard_negative(
    labelled: Path,
) -> None:
    report, evacuation = _extract(labelled, "--as-service")
    assert report["flight"]["destination"] == "HN" and report["flight"]["people"] == 101
    assert evacuation["flight"] is None


@pytest.mark.parametrize("flags", [(), ("--all-items",)])
def test_all_items_is_the_extractor_alone(labelled: Path, flags: tuple[str, ...]) -> None:
    report, evacuation = _extract(labelled, *flags)
    assert report["flight"] is not None
    assert evacuation["flight"] is not None  # the extractor alone reads it as a record


def test_eval_as_service_counts_the_gate(labelled: Path) -> None:
    def figures(*flags: str) -> dict[str, Any]:
        result = runner.invoke(app, ["flights", "eval", str(labelled), "--json", *flags])
        assert result.exception is None, result.output
        return dict(json.loads(result.stdout)["is_flight_record"])

    assert (figures("--as-service")["tp"], figures("--as-service")["fp"]) == (1, 0)
    assert (figures("--all-items")["tp"], figures("--all-items")["fp"]) == (1, 1)
    assert figures() == figures("--all-items")
