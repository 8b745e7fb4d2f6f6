"""`wirewatch stories cluster` and `stories eval` (in process), with inputs as other tools
write them: story labels as numbers, feed-style dates, a byte-order mark."""

from __future__ import annotations

import json
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from typer.testing import CliRunner
from wirewatch_stories.offline import parse_published

from tests.stories.support import dev_rows
from wirewatch.cli import app
from wirewatch.cli.errors import UserError

runner = CliRunner()
FIELDS = ("id", "title", "summary", "lang", "published", "link", "story")


def _rows(count: int = 40) -> list[dict[str, Any]]:
    return [{k: row.get(k) for k in FIELDS} for row in dev_rows()[:count]]


def _write(path: Path, rows: list[dict[str, Any]], prefix: str = "") -> Path:
    path.write_text(prefix + "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _eval(path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["stories", "eval", str(path), "--json"])
    assert result.exception is None, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_cluster_gives_every_line_a_story_id_in_file_order(tmp_path: Path) -> None:
    rows = _rows()
    result = runner.invoke(
        app, ["stories", "cluster", "--input", str(_write(tmp_path / "in.jsonl", rows))]
    )
    assert result.exception is None, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [r["id"] for r in rows]
    assert all(o["story_id"].startswith("st_") for o in out)
    assert len({o["story_id"] for o in out}) < len(out)  # reports of one event share a story


def test_eval_reads_numbered_stories_feed_dates_and_a_bom_as_ours(tmp_path: Path) -> None:
    rows = _rows()
    numbers = {story: n for n, story in enumerate(dict.fromkeys(r["story"] for r in rows), 1)}
    theirs = []
    for row in rows:
        published = parse_published(row["published"])
        theirs.append(
            {
                **row,
                "story": numbers[row["story"]],
                "published": format_datetime(published) if published else None,
            }
        )
    want = _eval(_write(tmp_path / "ours.jsonl", rows))
    got = _eval(_write(tmp_path / "theirs.jsonl", theirs, prefix="\ufeff"))
    assert got == want
    assert want["pairwise_f1"] > 0.5 and want["true_stories"] == len(numbers)


def test_a_missing_label_or_an_unreadable_date_is_one_user_error(tmp_path: Path) -> None:
    rows = _rows(3)
    unlabelled = _write(tmp_path / "a.jsonl", [{**rows[0], "story": None}, *rows[1:]])
    result = runner.invoke(app, ["stories", "eval", str(unlabelled)])
    assert isinstance(result.exception, UserError) and "item 1" in str(result.exception)
    undated = _write(tmp_path / "b.jsonl", [*rows[:2], {**rows[2], "published": "last week"}])
    result = runner.invoke(app, ["stories", "cluster", "--input", str(undated)])
    assert isinstance(result.exception, UserError)
    assert "line 3" in str(result.exception) and "'last week'" in str(result.exception)
