"""`wirewatch flights extract`, `eval`, `list` and `export` (the commands in process,
bad input through the real entry point)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner
from wirewatch_flights import store
from wirewatch_shared.db import make_engine

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.support.env import cli_database, run_wirewatch
from wirewatch.cli import app
from wirewatch.cli.errors import UserError
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cli_database(monkeypatch, tmp_path)


def test_extract_writes_each_line_back_with_its_flight(tmp_path: Path) -> None:
    lines = [
        {k: o[k] for k in ("id", "title", "summary", "lang", "published")}
        for o in dev_items("fl-0018", "fl-0127")  # a flight report; an evacuation
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["flights", "extract", "--input", str(source)])
    assert result.exception is None, result.output
    report, evacuation = (json.loads(line) for line in result.stdout.splitlines())
    assert report["id"] == "fl-0018" and evacuation["flight"] is None
    flight = report["flight"]
    assert (flight["origin"], flight["destination"], flight["people"]) == ("US", "VE", 199)
    assert flight["status"] == "completed" and flight["evidence"]
    assert {"flight_date", "flight_date_stated", "operator"} <= set(flight)


def test_eval_prints_field_accuracy_and_precision_recall(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    items = dev_items("fl-0018", "fl-0028", "fl-0127", "fl-0151")
    labelled.write_text("".join(json.dumps(o) + "\n" for o in items), encoding="utf-8")
    result = runner.invoke(app, ["flights", "eval", str(labelled), "--json"])
    assert result.exception is None, result.output
    figures = json.loads(result.stdout)
    assert figures["flight_reports"] == 2
    assert figures["is_flight_record"]["precision"] == 1.0
    assert figures["is_flight_record"]["recall"] == 1.0
    assert figures["field_accuracy"]["destination"] == 1.0
    text = runner.invoke(app, ["flights", "eval", str(labelled)]).stdout
    assert "precision 1.000" in text and "destination" in text


def test_list_and_export(tmp_path: Path) -> None:
    engine = make_engine(os.environ["WIREWATCH_DATABASE_URL"])
    upgrade(engine)
    for obj in dev_items("fl-0060", "fl-0066", "fl-0028"):
        store.record_observation(engine, *observation(obj))
    engine.dispose()
    listed = runner.invoke(app, ["flights", "list", "--destination", "AF"])
    assert listed.exception is None, listed.output
    assert "DE → AF" in listed.stdout and "1 flight record(s)" in listed.stdout
    exported = runner.invoke(app, ["flights", "export", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {(r["origin"], r["destination"]) for r in rows} == {("DE", "AF"), ("US", "CO")}
    as_json = json.loads(runner.invoke(app, ["flights", "export", "--format", "json"]).stdout)
    assert {r["status"] for r in as_json} == {"completed", "blocked"}


def test_bad_input_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    for args in (
        ["flights", "list", "--origin", "USA"],
        ["flights", "list", "--since", "yesterday"],
        ["flights", "eval", str(bad)],
    ):
        result = runner.invoke(app, args)
        assert isinstance(result.exception, UserError), args
    # Through the real entry point: one line on stderr, exit code 2.
    proc = run_wirewatch(["flights", "extract", "--input", str(bad)])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: ") and len(proc.stderr.splitlines()) == 1


def test_eval_reads_labels_written_in_other_tools_conventions(tmp_path: Path) -> None:
    """A labelled file from another tool (a BOM, codes in lower case, the status in upper
    case, counts as strings, dates as timestamps, ``false`` for a non-flight) scores
    exactly as the same labels written as ours."""
    items = dev_items("fl-0018", "fl-0028", "fl-0127", "fl-0151")
    ours = tmp_path / "ours.jsonl"
    ours.write_text("".join(json.dumps(o) + "\n" for o in items), encoding="utf-8")
    theirs = tmp_path / "theirs.jsonl"
    rewritten = []
    for obj in items:
        gold = obj["flight"]
        if gold is None:
            rewritten.append({**obj, "flight": False})
            continue
        rewritten.append(
            {
                **obj,
                "flight": {
                    **gold,
                    "origin": gold["origin"] and f" {gold['origin'].lower()}",
                    "status": gold["status"] and gold["status"].upper(),
                    "people": gold["people"] and str(gold["people"]),
                    "flight_date": gold["flight_date"] and f"{gold['flight_date']}T00:00:00Z",
                },
            }
        )
    theirs.write_text("\ufeff" + "".join(json.dumps(o) + "\n" for o in rewritten), encoding="utf-8")
    want = runner.invoke(app, ["flights", "eval", str(ours), "--json"])
    got = runner.invoke(app, ["flights", "eval", str(theirs), "--json"])
    assert got.exception is None, got.output
    assert json.loads(got.stdout) == json.loads(want.stdout)
    assert json.loads(want.stdout)["field_accuracy"]["status"] > 0
