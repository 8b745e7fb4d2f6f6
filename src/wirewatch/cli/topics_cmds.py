"""``wirewatch topics add|list|remove``: built-in and user-defined classification topics."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from wirewatch.cli.classify_cmds import load_classifier
from wirewatch.cli.common import DatabaseUrl, JsonLines, kafka_bootstrap, open_database
from wirewatch.cli.errors import NotFound, UserError

app = typer.Typer(help="Topics: built-in and user-defined.", no_args_is_help=True)

TopicName = Annotated[str, typer.Argument(help="Topic name: lower-case letters, digits and '-'.")]
Query = Annotated[
    str | None,
    typer.Option(
        "--query", "-q", help='Boolean query: AND OR NOT ( ) "phrases" NEAR/n, word* prefixes.'
    ),
]
Phrases = Annotated[
    str | None,
    typer.Option("--phrases", "-p", help="Comma-separated phrases; any one matches."),
]
Replace = Annotated[bool, typer.Option("--replace", help="Replace an existing definition.")]


def _built_in_topics() -> list[Any]:
    from wirewatch_classify.settings import ClassifySettings

    return list(load_classifier(ClassifySettings().classify_topics_dir).topics)


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
    replace: Replace = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Define a topic of your own (stored, then picked up by running classifiers)."""
    from wirewatch_classify import user_topics

    if (query is None) == (phrases is None):
        raise UserError("give exactly one of --query or --phrases")
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


@app.command("list")
def topics_list(database_url: DatabaseUrl = None, as_json: JsonLines = False) -> None:
    """List the built-in topics and the user-defined ones."""
    from wirewatch_classify import user_topics

    definitions = user_topics.list_definitions(open_database(database_url))
    if as_json:
        for d in definitions:
            typer.echo(json.dumps({"name": d.name, **d.as_dict()}, ensure_ascii=False))
        return
    for spec in _built_in_topics():
        typer.echo(f"{spec.topic}\tbuilt-in v{spec.version}\tthreshold {spec.threshold:g}")
    for d in definitions:
        shown = d.query if d.kind == "query" else ", ".join(d.phrases)
        typer.echo(f"{d.name}\t{d.kind}\t{shown}")


@app.command("remove")
def topics_remove(name: Annotated[str, typer.Argument()], database_url: DatabaseUrl = None) -> None:
    """Delete a user-defined topic."""
    from wirewatch_classify import user_topics

    if not user_topics.delete(open_database(database_url), name):
        raise NotFound(f"no user-defined topic named {name!r}")
    typer.echo(f"topic {name} removed; {_announce(name, None)}")
