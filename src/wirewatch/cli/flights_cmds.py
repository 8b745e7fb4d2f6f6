"""Flight ledger commands: ``flights list``, ``flights export``, ``flights extract``
(offline, JSON lines in and out) and ``flights eval``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from wirewatch.cli.common import (
    AsJson,
    DatabaseUrl,
    InputFile,
    json_objects,
    open_database,
    open_input,
    option_groups,
)
from wirewatch.cli.errors import UserError
from wirewatch.cli.subscribe_cmds import AlertChannel, SkipConfirmation, create

app = typer.Typer(help="The flight ledger: deportation and repatriation flight records.")


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


Origin = Annotated[str | None, typer.Option("--origin", help="ISO alpha-2 of the sending state.")]
Destination = Annotated[
    str | None, typer.Option("--destination", help="ISO alpha-2 of where people are flown to.")
]
StatusOpt = Annotated[str | None, typer.Option("--status", help="completed, planned or blocked.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Flights on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Flights on or before (YYYY-MM-DD).")]
FormatOpt = Annotated[ExportFormat, typer.Option("--format", help="csv or json.")]
ListLimit = Annotated[
    int, typer.Option("--limit", min=1, max=5000, help="List at most this many (newest first).")
]
Errors = Annotated[bool, typer.Option("--errors", help="Also list every wrong field.")]
AsService = Annotated[
    bool,
    typer.Option(
        "--as-service/--all-items",
        help="--as-service: classify each line with the shipped classifier first and read "
        "only the lines tagged repatriation-flights (the default WIREWATCH_FLIGHTS_TOPICS), as "
        'the flights service does; the others get "flight": null. --all-items: the extractor '
        "alone on every line.",
    ),
]


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--{name} must be a date (YYYY-MM-DD), got {value!r}") from exc


def _country(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if len(value) != 2 or not value.isalpha():
        raise UserError(f"--{name} must be an ISO 3166-1 alpha-2 code (e.g. VE), got {value!r}")
    from wirewatch_flights.api import country_problem

    problem = country_problem(value)
    if problem:
        raise UserError(f"--{name}: {problem}")
    return value.upper()


@dataclass(frozen=True)
class Filters:
    """The options ``flights list`` and ``flights export`` select records by."""

    origin: Origin = None
    destination: Destination = None
    status: StatusOpt = None
    since: SinceOpt = None
    until: UntilOpt = None

    def records(self, database_url: str | None) -> Iterator[Any]:
        """The matching records, newest flight first, read a page at a time (as the API's
        exports read them), the options checked first (one clear error for a wrong value)."""
        from wirewatch_flights import ledger

        if self.status not in (None, "completed", "planned", "blocked"):
            raise UserError(f"--status must be completed, planned or blocked, got {self.status!r}")
        query = ledger.Query(
            origin=_country(self.origin, "origin"),
            destination=_country(self.destination, "destination"),
            status=self.status,
            since=_date(self.since, "since"),
            until=_date(self.until, "until"),
        )
        if query.since and query.until and query.since > query.until:
            raise UserError(f"--until ({query.until}) is before --since ({query.since})")
        return ledger.iter_records(open_database(database_url), query)


@app.command("list")
@option_groups
def list_cmd(filters: Filters, limit: ListLimit = 500, database_url: DatabaseUrl = None) -> None:
    """List flight records, newest flight first (the newest --limit of them, as
    /api/v1/flights; `flights export` writes them all)."""
    from itertools import islice

    from rich.console import Console
    from rich.table import Table

    records = list(islice(filters.records(database_url), limit + 1))
    more = len(records) > limit
    records = records[:limit]
    table = Table("flight date", "route", "people", "status", "operator", "sources", "id")
    for r in records:
        when = r.flight_date.isoformat() if r.flight_date else "—"
        table.add_row(
            when if r.flight_date_stated else f"{when} (published)",
            f"{r.origin or '?'} → {r.destination or '?'}",
            "—" if r.people is None else str(r.people),
            r.status,
            r.operator or "—",
            str(r.source_count) + (" ⚠ conflicts" if r.conflicts else ""),
            r.record_id,
        )
    Console(width=160).print(table)
    print(f"{len(records)} flight record(s)")
    if more:
        print(f"more match: the newest {limit} are listed (--limit, or `wirewatch flights export`)")


@app.command("export")
@option_groups
def export_cmd(
    export_format: FormatOpt = ExportFormat.csv,
    *,
    filters: Filters,
    database_url: DatabaseUrl = None,
) -> None:
    """Write every matching flight record to stdout as CSV or JSON."""
    from wirewatch_flights.api import csv_lines, json_array

    records = filters.records(database_url)
    lines = csv_lines(records) if export_format == ExportFormat.csv else json_array(records)
    sys.stdout.writelines(lines)
    if export_format == ExportFormat.json:
        sys.stdout.write("\n")


def _json_lines(stream: IO[str], source: str) -> Iterator[dict[str, Any]]:
    for _, obj in json_objects(stream, source):
        yield obj


def _predictor(as_service: bool) -> Callable[[dict[str, Any]], Any]:
    """What reads one line: the extractor alone, or, as the flights service reads only the
    items classify tagged with one of its topics, the shipped classifier's gate first."""
    from wirewatch_flights.evaluation import predict

    if not as_service:
        return predict
    from wirewatch_flights.settings import FlightsSettings

    from wirewatch.cli.classify_cmds import load_classifier

    classifier = load_classifier(None)
    topics = frozenset(FlightsSettings.model_fields["flights_topics"].default)

    def gated(obj: dict[str, Any]) -> Any:
        matches, _ = classifier.classify(
            str(obj.get("title") or ""), str(obj.get("summary") or ""), obj.get("lang")
        )
        return predict(obj) if any(m.topic in topics for m in matches) else None

    return gated


@app.command("extract")
def extract_cmd(input_file: InputFile = None, as_service: AsService = False) -> None:
    """Offline: read JSON lines (id, title, summary, lang, published) and write each back
    with "flight": null or the record's fields (origin, destination, people, status,
    flight_date, operator, evidence). With --as-service only the lines the shipped
    classifier tags repatriation-flights are read, as the flights service does."""
    from wirewatch_flights.evaluation import output_fields

    predict = _predictor(as_service)
    with open_input(input_file) as (stream, source):
        for obj in _json_lines(stream, source):
            obj["flight"] = output_fields(predict(obj))
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.command("eval")
def eval_cmd(
    labelled: Annotated[Path, typer.Argument(help="Labelled JSON lines (with 'flight').")],
    as_json: AsJson = False,
    errors: Errors = False,
    as_service: AsService = False,
) -> None:
    """Per-field accuracy over the true flight reports, and precision / recall of "is a
    flight record", on a labelled file. With --as-service only the lines the shipped
    classifier tags repatriation-flights are read, as the flights service does (a report it
    does not tag counts as missed)."""
    from wirewatch_flights.evaluation import report, score

    with open_input(labelled) as (stream, source):
        lines = list(_json_lines(stream, source))
    if not lines:
        raise UserError(f"{source}: no items to evaluate")
    for number, obj in enumerate(lines, start=1):
        if "flight" not in obj:
            raise UserError(f"{labelled} line {number}: no 'flight' label (null or a record)")
    scores = score(lines, _predictor(as_service))
    if as_json:
        print(json.dumps(scores.as_dict(), indent=1))
    else:
        print(report(scores))
    if errors:
        for error in scores.errors:
            print(json.dumps(error, ensure_ascii=False))


@app.command("subscribe")
@option_groups
def subscribe_cmd(
    origin: Origin = None,
    destination: Destination = None,
    *,
    alerts_to: AlertChannel,
    skip_confirmation: SkipConfirmation = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Route alerts: one alert per flight record on this route (origin and/or
    destination), with the record, its evidence and its sources, then one when it
    reaches a new status (landed, cancelled)."""
    route = (_country(origin, "origin"), _country(destination, "destination"))
    if route == (None, None):
        raise UserError("give --origin and/or --destination (ISO alpha-2, e.g. --destination GT)")
    channel, target = alerts_to.chosen()
    create(
        {
            "channel": channel,
            "target": target,
            "routes": [{"origin": route[0], "destination": route[1]}],
        },
        database_url,
        confirm=not skip_confirmation,
        what=f"flights {route[0] or 'any'} → {route[1] or 'any'}",
    )
