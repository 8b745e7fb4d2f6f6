"""Stories commands: `stories cluster`, `stories eval`, `stories list`."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from wirewatch.cli.classify_cmds import load_classifier
from wirewatch.cli.common import (
    AsJson,
    DatabaseUrl,
    JsonLines,
    TopicsDir,
    json_objects,
    open_input,
)
from wirewatch.cli.errors import UserError

app = typer.Typer(help="Stories: items about one real-world event.", no_args_is_help=True)


def _entity_finder(topics_dir: Path | None) -> Callable[[str, str], Any]:
    """Entities as classify finds them in the service (the stage reads them off the
    classified item)."""
    from wirewatch_stories.offline import RowEntities

    classifier = load_classifier(topics_dir)

    def find(title: str, summary: str) -> RowEntities:
        _, found = classifier.classify(title, summary)
        return RowEntities(found.countries, found.agencies, found.places)

    return find


def read_rows(stream: IO[str], source: str) -> list[dict[str, Any]]:
    from wirewatch_stories.offline import parse_published

    rows: list[dict[str, Any]] = []
    for number, obj in json_objects(stream, source):
        try:
            parse_published(obj.get("published"))
        except ValueError as exc:
            raise UserError(f"{source} line {number}: bad 'published': {exc}") from exc
        rows.append(obj)
    return rows


def _clusterer(window_hours: float | None, threshold: float | None) -> Any:
    from wirewatch_stories.cluster import Clusterer
    from wirewatch_stories.settings import StoriesSettings

    settings = StoriesSettings()
    return Clusterer(
        window_s=(window_hours or settings.stories_window_hours) * 3600.0,
        threshold=threshold if threshold is not None else settings.stories_threshold,
    )


WindowHours = Annotated[
    float | None, typer.Option("--window-hours", help="Story window (default: settings).")
]
Threshold = Annotated[
    float | None, typer.Option("--threshold", help="Join threshold (default: settings).")
]
StoriesInput = Annotated[
    Path | None,
    typer.Option("--input", "-i", help="JSON lines: id, title, summary, lang, published, link."),
]
LabelledStories = Annotated[Path, typer.Argument(help="JSON lines with a `story` label per item.")]
Part = Annotated[
    str,
    typer.Option("--part", help="all, dev or test (a fixed split by story: test never tuned on)."),
]


@app.command("cluster")
def cluster_cmd(
    input_file: StoriesInput = None,
    window_hours: WindowHours = None,
    threshold: Threshold = None,
    topics_dir: TopicsDir = None,
) -> None:
    """Give every line a `story_id`, processing items in published order as the service does."""
    from wirewatch_stories.offline import cluster_rows

    with open_input(input_file) as (stream, source):
        rows = read_rows(stream, source)
    decisions = cluster_rows(
        rows, _entity_finder(topics_dir), clusterer=_clusterer(window_hours, threshold)
    )
    out = sys.stdout
    for row, decision in zip(rows, decisions, strict=True):
        out.write(json.dumps({**row, "story_id": decision.story_id}, ensure_ascii=False) + "\n")


def story_part(story: str) -> str:
    """A stable split by story: about a third of the stories are held out ("test")."""
    return "test" if hashlib.sha256(story.encode()).digest()[0] % 3 == 0 else "dev"


@app.command("eval")
def eval_cmd(
    file: LabelledStories,
    part: Part = "all",
    window_hours: WindowHours = None,
    threshold: Threshold = None,
    topics_dir: TopicsDir = None,
    as_json: AsJson = False,
) -> None:
    """Pairwise P/R/F1, B-cubed F1 and alerts per story of the clustering on FILE."""
    from wirewatch_stories.evaluation import evaluate, format_report
    from wirewatch_stories.offline import cluster_rows

    if part not in ("all", "dev", "test"):
        raise UserError("--part must be all, dev or test")
    with open_input(file) as (stream, source):
        rows = read_rows(stream, source)
    for number, row in enumerate(rows, start=1):
        story = row.get("story")
        # Labels from other tools are often numbered stories: 17 and "17" are one label.
        if isinstance(story, bool) or not isinstance(story, str | int) or story == "":
            raise UserError(f"{source} item {number}: needs a 'story' label")
        row["story"] = str(story)
    if part != "all":
        rows = [r for r in rows if story_part(r["story"]) == part]
    if not rows:
        raise UserError(f"{source}: no items to evaluate")
    decisions = cluster_rows(
        rows, _entity_finder(topics_dir), clusterer=_clusterer(window_hours, threshold)
    )
    report = evaluate([r["story"] for r in rows], [d.story_id for d in decisions])
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        typer.echo(format_report(report))


StoryTopic = Annotated[str | None, typer.Option("--topic", help="Only stories of this topic.")]
MAX_DAYS = 3650.0  # as the /stories page
Days = Annotated[
    float,
    typer.Option(
        "--days",
        help="Stories with an item published or found in the last N days (at most 3650).",
    ),
]
Limit = Annotated[int, typer.Option("--limit", min=1, max=500)]


PeriodOpt = "a time with an offset (2026-03-01T08:00Z) or a day (2026-03-01, UTC)"
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since", help=f"Stories with an item at or after: {PeriodOpt} (instead of --days)."
    ),
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help=f"Stories with an item at or before: {PeriodOpt}.")
]


def _moment(name: str, value: str | None, *, end: bool = False) -> Any:
    """``--since``/``--until`` read as the API reads ``since``/``until``; one clear error."""
    from fastapi.exceptions import RequestValidationError
    from wirewatch_stories.api import moment

    try:
        return moment(name, value, end=end)
    except RequestValidationError as exc:
        raise UserError(f"--{name}: {exc.errors()[0]['msg']}, got {value!r}") from exc


@app.command("list")
def list_cmd(
    topic: StoryTopic = None,
    days: Days = 7.0,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Limit = 50,
    as_json: JsonLines = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Recent stories, latest item first: items, outlets, languages, first seen. The
    period is the last --days, or --since/--until as GET /api/v1/stories takes them."""
    from datetime import UTC, datetime, timedelta

    from rich.console import Console
    from rich.table import Table
    from wirewatch_stories.api import story_out
    from wirewatch_stories.store import list_stories

    from wirewatch.cli.common import open_database

    if not 0 < days <= MAX_DAYS:  # NaN too
        raise UserError(f"--days must be more than 0 and at most {MAX_DAYS:g}, got {days}")
    start, end = _moment("since", since), _moment("until", until, end=True)
    # Without --since, the last --days as /stories shows them: published or found then.
    recent = datetime.now(UTC) - timedelta(days=days) if start is None else None
    if end is not None and end < (start or recent or end):
        raise UserError(f"--until ({until}) is before the period's start")
    engine = open_database(database_url)
    found = list_stories(engine, topic=topic, since=start, until=end, recent=recent, limit=limit)
    stories = [story_out(r) for r in found]
    if as_json:
        for story in stories:
            typer.echo(story.model_dump_json())
        return
    if not stories:
        typer.echo(
            f"No stories with an item published or found in the last {days:g} days"
            f"{f' on topic {topic}' if topic else ''}; --days N looks further back."
        )
        return
    table = Table("id", "items", "outlets", "languages", "first seen", "title")
    for story in stories:
        table.add_row(
            story.id,
            str(story.item_count),
            ", ".join(story.outlets),
            ", ".join(story.languages),
            story.first_seen.strftime("%Y-%m-%d %H:%M"),
            story.title,
        )
    Console().print(table)
