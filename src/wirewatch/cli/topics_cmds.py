"""``wirewatch topics add|list|remove``: built-in and user-defined classification topics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from wirewatch_shared.topic_limits import PHRASE_MAX, PHRASES_MAX

from wirewatch.cli.classify_cmds import load_classifier
from wirewatch.cli.common import (
    DatabaseUrl,
    JsonLines,
    json_objects,
    kafka_bootstrap,
    open_database,
    open_input,
)
from wirewatch.cli.errors import NotFound, UserError

app = typer.Typer(help="Topics: built-in and user-defined.", no_args_is_help=True)

TopicName = Annotated[str, typer.Argument(help="Topic name: lower-case letters, digits and '-'.")]
Query = Annotated[
    str | None,
    typer.Option(
        "--query",
        "-q",
        help='Boolean query: AND OR NOT ( ) "phrases" NEAR/n ATLEAST/n, word* prefixes '
        "(operators in capitals).",
    ),
]
Phrases = Annotated[
    str | None,
    typer.Option(
        "--phrases",
        "-p",
        help=f"Comma-separated phrases; any one matches (at most {PHRASES_MAX}, "
        f"{PHRASE_MAX} characters each).",
    ),
]
Like = Annotated[
    Path | None,
    typer.Option(
        "--like",
        help="JSON lines of 10 or more example items (title, summary): the topic becomes "
        "an ATLEAST query of the words they share ('-' reads stdin).",
    ),
]
Replace = Annotated[bool, typer.Option("--replace", help="Replace an existing definition.")]


def _built_in_topics() -> list[Any]:
    from wirewatch_classify.settings import ClassifySettings

    return list(load_classifier(ClassifySettings().classify_topics_dir).topics)


def _built_in_lines() -> list[str]:
    """One line per topic file, with the threshold that applies: the model's stack's when
    the model was fitted on this file version (an item the model reads), and the file's
    own on the rules-only path (items no gate word opens, a replaced file)."""
    from wirewatch_classify.settings import ClassifySettings

    classifier = load_classifier(ClassifySettings().classify_topics_dir)
    stacks = classifier.model.stacks if classifier.model is not None else {}
    lines = []
    for spec in classifier.topics:
        stack = stacks.get(spec.topic)
        if stack is not None and stack.rules_version == spec.version:
            threshold = f"threshold {stack.threshold:g} (rules only {spec.threshold:g})"
        else:
            threshold = f"threshold {spec.threshold:g} (rules only)"
        lines.append(f"{spec.topic}\tbuilt-in v{spec.version}\t{threshold}")
    return lines


def _announce(name: str, definition: Any) -> str:
    """Publish on the control stream when a broker is configured; say what happened."""
    from wirewatch_classify import user_topics
    from wirewatch_classify.settings import ClassifySettings

    bootstrap = kafka_bootstrap()
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


@app.command("add")
def topics_add(
    name: TopicName,
    query: Query = None,
    phrases: Phrases = None,
    like: Like = None,
    replace: Replace = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Define a topic of your own (stored, then picked up by running classifiers)."""
    from wirewatch_classify import user_topics

    if sum(x is not None for x in (query, phrases, like)) != 1:
        raise UserError("give exactly one of --query, --phrases or --like")
    if like is not None:
        query = _like_query(like)
        typer.echo(f"query from the examples: {query}")
    built_in = [t.topic for t in _built_in_topics()]
    try:
        definition = user_topics.validate(
            name,
            query=query,
            phrases=phrases.split(",") if phrases is not None else None,
            reserved=built_in,
        )
        engine = open_database(database_url)
        replaced = user_topics.create(engine, definition, replace=replace)
    except user_topics.UserTopicError as exc:
        raise UserError(str(exc)) from exc
    how = _announce(name, definition)
    typer.echo(f"topic {name} {'replaced' if replaced else 'added'}; {how}")


def _like_query(path: Path) -> str:
    """The query of a topic defined by the example items in ``path``."""
    from wirewatch_classify.like import TooFewExamplesError, like_query

    with open_input(None if str(path) == "-" else path) as (stream, source):
        examples = [
            (row.get("title") or "", row.get("summary") or "")
            for _, row in json_objects(stream, source)
        ]
    try:
        return like_query(examples)
    except TooFewExamplesError as exc:
        raise UserError(str(exc)) from exc


@app.command("list")
def topics_list(database_url: DatabaseUrl = None, as_json: JsonLines = False) -> None:
    """List the built-in topics and the user-defined ones."""
    from wirewatch_classify import user_topics

    definitions = user_topics.list_definitions(open_database(database_url))
    if as_json:
        for d in definitions:
            typer.echo(json.dumps({"name": d.name, **d.as_dict()}, ensure_ascii=False))
        return
    for line in _built_in_lines():
        typer.echo(line)
    for d in definitions:
        shown = d.query if d.kind == "query" else ", ".join(d.phrases)
        typer.echo(f"{d.name}\t{d.kind}\t{shown}")


@app.command("remove")
def topics_remove(name: Annotated[str, typer.Argument()], database_url: DatabaseUrl = None) -> None:
    """Delete a user-defined topic."""
    from wirewatch_classify import user_topics

    engine = open_database(database_url)
    if not user_topics.delete(engine, name):
        raise NotFound(f"no user-defined topic named {name!r}")
    typer.echo(f"topic {name} removed; {_announce(name, None)}")
    left = _subscriptions_naming(engine, name)
    if left:
        # They stay (notify's to remove): a topic of the same name made later would
        # start alerting them again.
        typer.echo(
            f"{left} subscription(s) still name {name}: they get nothing now, and would "
            f"get a new topic named {name} again (wirewatch subscriptions list / remove ID)"
        )


def _subscriptions_naming(engine: Any, name: str) -> int:
    """How many subscriptions (every owner, active or not) list the topic ``name``."""
    from wirewatch_notify import subscriptions

    return sum(name in sub.topics for sub in subscriptions.list_subscriptions(engine))
