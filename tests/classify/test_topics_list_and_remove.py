"""What `wirewatch topics list` and `topics remove` say (stop 38): the threshold that
applies, as listed and as documented, and the subscriptions a removed topic leaves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner
from wirewatch_classify.engine import Classifier

from tests.support.env import cli_database
from wirewatch.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cli_database(monkeypatch, tmp_path)


def _shipped_thresholds() -> dict[str, tuple[float, float]]:
    """(threshold with the model, threshold on the rules-only path) per shipped topic."""
    classifier = Classifier.load()
    assert classifier.model is not None
    return {
        spec.topic: (classifier.model.stacks[spec.topic].threshold, spec.threshold)
        for spec in classifier.topics
    }


def test_topics_list_shows_the_threshold_that_applies() -> None:
    """The listing showed the topic file's threshold (border-policy 0.6), which only the
    rules-only path uses; an item the model reads is reported at the stack's (0.5)."""
    result = runner.invoke(app, ["topics", "list"])
    assert result.exception is None
    shown = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    for topic, (stacked, rules_only) in _shipped_thresholds().items():
        assert f"threshold {stacked:g} (rules only {rules_only:g})" in shown[topic], shown


def test_the_documented_thresholds_are_the_shipped_ones() -> None:
    text = (REPO / "docs" / "classify.md").read_text(encoding="utf-8")
    paragraph = text.split("\nShipped thresholds:", 1)[1].split("\n\n", 1)[0]
    line = " ".join(paragraph.split())
    documented = {
        topic: (float(stacked), float(rules_only))
        for topic, stacked, rules_only in re.findall(
            r"`([a-z-]+)` ([0-9.]+) \(rules only ([0-9.]+)\)", line
        )
    }
    assert documented == _shipped_thresholds()


def test_topics_remove_says_how_many_subscriptions_still_name_the_topic(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    """They stay (docs/classify.md): a topic of the same name created later alerts them."""
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)  # PostgreSQL is not upgraded by the CLI
    engine.dispose()
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", database_url)
    monkeypatch.setenv("WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS", "true")

    def ok(args: list[str]) -> str:
        result = runner.invoke(app, args)
        assert result.exception is None, (args, result.stdout, result.exception)
        return result.stdout

    ok(["topics", "add", "boats", "--phrases", "small boats, pateras"])
    ok(["topics", "add", "darien", "--query", '"Darien Gap"'])
    for topics in (["boats"], ["boats", "darien"], ["darien"], ["border-policy"]):
        hook = ["--webhook", "http://127.0.0.1:9/hook"]
        ok(["subscribe", *(a for t in topics for a in ("--topic", t)), *hook])
    out = ok(["topics", "remove", "boats"])
    assert "2 subscription(s) still name boats" in out, out
    out = ok(["topics", "remove", "darien"])
    assert "2 subscription(s) still name darien" in out, out
    ok(["topics", "add", "alone", "--query", "alone"])
    assert "subscription" not in ok(["topics", "remove", "alone"])
