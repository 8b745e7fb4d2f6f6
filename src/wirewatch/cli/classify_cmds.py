"""Classify commands: ``classify`` (offline tagging), ``eval`` and ``reclassify``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from wirewatch.cli.common import (
    AsJson,
    DatabaseUrl,
    InputFile,
    TopicsDir,
    json_objects,
    kafka_bootstrap,
    open_database,
    open_input,
)
from wirewatch.cli.errors import UserError, reported_as_user_error
from wirewatch.cli.model_cmds import DATA_DIR, DataDir, eval_splits
from wirewatch.cli.progress import counting, track

app = typer.Typer()

WithEntities = Annotated[bool, typer.Option("--entities", help="Also add an 'entities' object.")]
LabelledFile = Annotated[
    Path | None,
    typer.Argument(help="Labelled JSON lines (title, summary, lang, labels); or use --split."),
]
Split = Annotated[
    str | None,
    typer.Option("--split", help="Evaluate a split of the manifest: train, dev, test or all."),
]
RulesOnly = Annotated[bool, typer.Option("--rules-only", help="Without the learned model.")]
Calibrate = Annotated[
    bool, typer.Option("--calibrate", help="Also fit and print Platt calibration per topic.")
]
Since = Annotated[str, typer.Option("--since", help="Items published on or after this date.")]
DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help="Print the new matches as JSON lines; publish nothing."),
]


def load_classifier(topics_dir: Path | None) -> Any:
    """The rule classifier over the shipped topic files (and ``topics_dir``'s)."""
    from wirewatch_classify.engine import Classifier
    from wirewatch_classify.topicdef import TopicFileError

    with reported_as_user_error(TopicFileError):
        return Classifier.load(topics_dir)


def _json_lines(stream: IO[str], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, obj in json_objects(stream, source):
        if "title" not in obj and "summary" not in obj:
            raise UserError(f"{source} line {number}: needs at least 'title' or 'summary'")
        yield number, obj


def _tagged(classifier: Any, obj: dict[str, Any], entities: bool) -> dict[str, Any]:
    matches, found = classifier.classify(
        obj.get("title") or "", obj.get("summary") or "", obj.get("lang")
    )
    obj["topics"] = [
        {
            "topic": m.topic,
            "score": m.score,
            "evidence": [e.model_dump(mode="json") for e in m.evidence],
        }
        for m in matches
    ]
    if entities:
        obj["entities"] = found.model_dump(mode="json")
    return obj


@app.command("classify")
def classify_cmd(
    input_file: InputFile = None,
    topics_dir: TopicsDir = None,
    entities: WithEntities = False,
) -> None:
    """Tag JSON lines (title, summary[, lang]) with topics, offline; adds "topics": [...]."""
    classifier = load_classifier(topics_dir)
    out = sys.stdout
    with open_input(input_file) as (stream, source):
        for _, obj in _json_lines(stream, source):
            out.write(json.dumps(_tagged(classifier, obj, entities), ensure_ascii=False) + "\n")


@app.command("eval")
def eval_cmd(
    file: LabelledFile = None,
    topics_dir: TopicsDir = None,
    as_json: AsJson = False,
    calibrate: Calibrate = False,
    split: Split = None,
    data_dir: DataDir = DATA_DIR,
    rules_only: RulesOnly = False,
) -> None:
    """P/R/F1, Brier score and reliability per topic and language; misclassified items."""
    from wirewatch_classify.evaluation import EvalFileError, evaluate, format_report, read_labelled

    classifier = load_classifier(topics_dir)
    if rules_only:
        classifier = type(classifier)(classifier.topics)
    if split is not None:
        eval_splits(classifier, data_dir, split, as_json, misses=not calibrate)
        return
    if file is None:
        raise UserError("give a labelled FILE or --split NAME")
    with reported_as_user_error(EvalFileError):
        rows = read_labelled(file)
    report = evaluate(classifier, track(rows, "evaluating", total=len(rows)))
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(report))
    if calibrate:
        from wirewatch_classify.calibrate import calibrate as fit

        typer.echo("")
        for f in fit(classifier, rows):
            typer.echo(
                f"calibration {f.topic}: {{slope: {f.slope:.2f}, intercept: {f.intercept:.2f}}}"
                f"  (score 0.5 at raw {f.cutoff():.2f}; {f.positives}/{f.items} positive)"
            )


def _parse_since(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UserError(
            f"--since wants a date like 2024-05-01 or 2024-05-01T12:00:00Z, not {value!r}"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _print_dry_run(engine: Any, classifier: Any, start: datetime) -> None:
    from wirewatch_classify import reclassify

    for outcome in reclassify.reclassify(engine, classifier, start):
        event = outcome.event
        line = {
            "item_id": event.item.item_id,
            "published": event.item.published.isoformat(),
            "title": event.item.title,
            "changed": outcome.changed,
            "previous_topics": list(outcome.previous_topics),
            "topics": [m.model_dump(mode="json") for m in event.matches],
        }
        typer.echo(json.dumps(line, ensure_ascii=False))


@app.command("reclassify")
def reclassify_cmd(
    since: Since,
    dry_run: DryRun = False,
    topics_dir: TopicsDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Re-run today's topics over stored items; republish the ones whose matches changed."""
    from wirewatch_classify import reclassify

    start = _parse_since(since)
    engine = open_database(database_url)
    classifier = reclassify.classifier_with_user_topics(engine, load_classifier(topics_dir))
    if dry_run:
        _print_dry_run(engine, classifier, start)
        return
    bootstrap = kafka_bootstrap()
    if not bootstrap:
        raise UserError(
            "no running `wirewatch up` found and WIREWATCH_KAFKA_BOOTSTRAP is not set: "
            "reclassify publishes to Kafka (use --dry-run to only print the matches)"
        )
    publish, close = reclassify.kafka_publisher(bootstrap)
    try:
        with counting("reclassifying stored items") as advance:
            examined, republished = reclassify.republish(
                engine, classifier, start, publish, on_item=advance
            )
    finally:
        close()
    typer.echo(f"reclassified {examined} items; republished {republished} with changed matches")
