"""Classify commands: classify, eval, topics add/list/remove, reclassify, the classify service."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import typer

from wirewatch.cli.errors import UserError


def _classifier(topics_dir: Path | None) -> Any:
    from wirewatch_classify.engine import Classifier
    from wirewatch_classify.topicdef import TopicFileError

    try:
        return Classifier.load(topics_dir)
    except TopicFileError as exc:
        raise UserError(str(exc)) from exc


def _json_lines(stream: IO[str], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{source} line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise UserError(f"{source} line {number}: expected a JSON object")
        for key in ("title", "summary"):
            if key in obj and not isinstance(obj[key], str):
                raise UserError(f"{source} line {number}: {key!r} must be a string")
        if "title" not in obj and "summary" not in obj:
            raise UserError(f"{source} line {number}: needs at least 'title' or 'summary'")
        yield number, obj


def classify_cmd(
    input_file: Path | None = typer.Option(
        None, "--input", "-i", help="JSON-lines file (default: stdin)."
    ),
    topics_dir: Path | None = typer.Option(
        None,
        "--topics-dir",
        envvar="WIREWATCH_CLASSIFY_TOPICS_DIR",
        help="Topic files overriding or extending the shipped ones.",
    ),
    entities: bool = typer.Option(False, "--entities", help="Also add an 'entities' object."),
) -> None:
    """Tag JSON lines (title, summary[, lang]) with topics, offline; adds "topics": [...]."""
    classifier = _classifier(topics_dir)
    source = str(input_file) if input_file else "stdin"
    try:
        stream: IO[str] = input_file.open(encoding="utf-8") if input_file else sys.stdin
    except OSError as exc:
        raise UserError(f"cannot read {input_file}: {exc.strerror}") from exc
    out = sys.stdout
    with stream:
        for _, obj in _json_lines(stream, source):
            matches, found = classifier.classify(
                obj.get("title", ""), obj.get("summary", ""), obj.get("lang")
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
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def eval_cmd(
    file: Path | None = typer.Argument(
        None, help="Labelled JSON lines (title, summary, lang, labels); or use --split."
    ),
    topics_dir: Path | None = typer.Option(
        None,
        "--topics-dir",
        envvar="WIREWATCH_CLASSIFY_TOPICS_DIR",
        help="Topic files overriding or extending the shipped ones.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    calibrate: bool = typer.Option(
        False, "--calibrate", help="Also fit and print Platt calibration per topic."
    ),
    split: str | None = typer.Option(
        None, "--split", help="Evaluate a split of the manifest: train, dev, test or all."
    ),
    data_dir: Path = typer.Option(Path("tests/data"), "--data-dir", help="For --split."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Without the learned model."),
) -> None:
    """P/R/F1, Brier score and reliability per topic and language; misclassified items."""
    from wirewatch_classify.evaluation import EvalFileError, evaluate, format_report, read_labelled

    classifier = _classifier(topics_dir)
    if rules_only:
        classifier = type(classifier)(classifier.topics)
    if split is not None:
        from wirewatch.cli.model_cmds import eval_splits

        eval_splits(classifier, data_dir, split, as_json, misses=not calibrate)
        return
    if file is None:
        raise UserError("give a labelled FILE or --split NAME")
    try:
        rows = read_labelled(file)
    except EvalFileError as exc:
        raise UserError(str(exc)) from exc
    report = evaluate(classifier, rows)
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


DB_OPTION = typer.Option(None, "--database-url", help="Default: WIREWATCH_DATABASE_URL.")


def _classify_engine(database_url: str | None) -> Any:
    from wirewatch_classify.store import create_classify_tables

    from wirewatch.cli.common import engine_from_settings

    engine = engine_from_settings(database_url)
    create_classify_tables(engine)
    return engine


def _bootstrap() -> str | None:
    from wirewatch_classify.settings import ClassifySettings

    return ClassifySettings().kafka_bootstrap


def _announce(name: str, definition: Any) -> str:
    """Publish on the control topic when a broker is configured; say what happened."""
    from wirewatch_classify import user_topics
    from wirewatch_classify.settings import ClassifySettings

    bootstrap = _bootstrap()
    poll = ClassifySettings().classify_user_topics_poll_s
    if not bootstrap:
        return f"running classifiers pick it up from the database within {poll:g} s"
    try:
        user_topics.announce(bootstrap, user_topics.definition_event(name, definition))
    except Exception as exc:  # broker down: the table poll still delivers the change
        return (
            f"could not announce on Kafka ({type(exc).__name__}); running classifiers pick "
            f"it up from the database within {poll:g} s"
        )
    return "announced to running classifiers"


def topics_add(
    name: str = typer.Argument(..., help="Topic name: lower-case letters, digits and '-'."),
    query: str | None = typer.Option(
        None,
        "--query",
        "-q",
        help='Boolean query: AND OR NOT ( ) "phrases" NEAR/n, word* prefixes.',
    ),
    phrases: str | None = typer.Option(
        None, "--phrases", "-p", help="Comma-separated phrases; any one matches."
    ),
    replace: bool = typer.Option(False, "--replace", help="Replace an existing definition."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Define a topic of your own (stored, then picked up by running classifiers)."""
    from wirewatch_classify import user_topics

    if (query is None) == (phrases is None):
        raise UserError("give exactly one of --query or --phrases")
    from wirewatch_classify.settings import ClassifySettings

    built_in = [t.topic for t in _classifier(ClassifySettings().classify_topics_dir).topics]
    try:
        definition = user_topics.validate(
            name,
            query=query,
            phrases=phrases.split(",") if phrases is not None else None,
            reserved=built_in,
        )
        engine = _classify_engine(database_url)
        replaced = user_topics.create(engine, definition, replace=replace)
    except user_topics.UserTopicError as exc:
        raise UserError(str(exc)) from exc
    how = _announce(name, definition)
    typer.echo(f"topic {name} {'replaced' if replaced else 'added'}; {how}")


def topics_list(
    database_url: str | None = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
) -> None:
    """List the built-in topics and the user-defined ones."""
    from wirewatch_classify import user_topics

    definitions = user_topics.list_definitions(_classify_engine(database_url))
    if as_json:
        for d in definitions:
            typer.echo(json.dumps({"name": d.name, **d.as_dict()}, ensure_ascii=False))
        return
    from wirewatch_classify.settings import ClassifySettings

    for spec in _classifier(ClassifySettings().classify_topics_dir).topics:
        typer.echo(f"{spec.topic}\tbuilt-in v{spec.version}\tthreshold {spec.threshold:g}")
    for d in definitions:
        shown = d.query if d.kind == "query" else ", ".join(d.phrases)
        typer.echo(f"{d.name}\t{d.kind}\t{shown}")


def topics_remove(name: str = typer.Argument(...), database_url: str | None = DB_OPTION) -> None:
    """Delete a user-defined topic."""
    from wirewatch_classify import user_topics

    if not user_topics.delete(_classify_engine(database_url), name):
        raise UserError(f"no user-defined topic named {name!r}")
    typer.echo(f"topic {name} removed; {_announce(name, None)}")


def _parse_since(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UserError(
            f"--since wants a date like 2024-05-01 or 2024-05-01T12:00:00Z, not {value!r}"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def reclassify_cmd(
    since: str = typer.Option(..., "--since", help="Items published on or after this date."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print the new matches as JSON lines; publish nothing."
    ),
    topics_dir: Path | None = typer.Option(
        None,
        "--topics-dir",
        envvar="WIREWATCH_CLASSIFY_TOPICS_DIR",
        help="Topic files overriding or extending the shipped ones.",
    ),
    database_url: str | None = DB_OPTION,
) -> None:
    """Re-run today's topics over stored items; republish the ones whose matches changed."""
    from wirewatch_classify import reclassify

    start = _parse_since(since)
    engine = _classify_engine(database_url)
    classifier = reclassify.classifier_with_user_topics(engine, _classifier(topics_dir))
    if dry_run:
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
        return
    bootstrap = _bootstrap()
    if not bootstrap:
        raise UserError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: reclassify publishes to Kafka "
            "(use --dry-run to only print the matches)"
        )
    publish, close = reclassify.kafka_publisher(bootstrap)
    try:
        examined, republished = reclassify.republish(engine, classifier, start, publish)
    finally:
        close()
    typer.echo(f"reclassified {examined} items; republished {republished} with changed matches")


def _topics_group(app: typer.Typer) -> typer.Typer:
    """The `topics` sub-app: reuse one another module registered, else add ours."""
    for group in app.registered_groups:
        if group.name == "topics" and group.typer_instance is not None:
            return group.typer_instance
    topics_app = typer.Typer(help="Topics: built-in and user-defined.", no_args_is_help=True)
    app.add_typer(topics_app, name="topics")
    return topics_app


def register(app: typer.Typer) -> None:
    app.command("classify")(classify_cmd)
    app.command("eval")(eval_cmd)
    app.command("reclassify")(reclassify_cmd)
    topics_app = _topics_group(app)
    topics_app.command("add")(topics_add)
    topics_app.command("list")(topics_list)
    topics_app.command("remove")(topics_remove)
