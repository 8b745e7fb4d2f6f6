"""Topic-model commands: `classify-split` (the train/dev/test manifest), `train`, and the
per-split evaluation behind `wirewatch eval --split`."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from wirewatch.cli.errors import UserError, reported_as_user_error

app = typer.Typer()

DATA_DIR = Path("tests/data")
DataDir = Annotated[
    Path, typer.Option("--data-dir", help="Where the labelled files and their split manifest are.")
]
"""``--data-dir`` of the commands that read the labelled sets (default :data:`DATA_DIR`)."""
BACKGROUND = Path("../shared/corpus/feeds")
Background = Annotated[
    Path,
    typer.Option(
        "--background",
        help="News feeds whose gated, rule-untagged items are added as negatives "
        "(skipped with a warning when absent).",
    ),
]
ModelOut = Annotated[
    Path | None, typer.Option("--out", help="Model file (default: the shipped package data).")
]


@app.command("classify-split")
def split_cmd(data_dir: DataDir = DATA_DIR) -> None:
    """Gather the labelled files, drop near-duplicates, write the train/dev/test manifest."""
    from wirewatch_classify.dataset import MANIFEST_NAME, DatasetError, split, write_manifest

    if not data_dir.is_dir():
        raise UserError(f"{data_dir}: not a directory")
    with reported_as_user_error(DatasetError):
        manifest = split(data_dir)
    write_manifest(manifest, data_dir / MANIFEST_NAME)
    counts = ", ".join(f"{name} {n}" for name, n in manifest["counts"].items())
    typer.echo(
        f"{data_dir / MANIFEST_NAME}: {counts}; {len(manifest['duplicates_removed'])} "
        f"near-duplicates removed; {len(manifest['held_back'])} held back (check halves); "
        f"test from {manifest['date_cutoff']}"
    )


Part = Annotated[
    str,
    typer.Option(
        "--part",
        help="What to train: topics (the topic model), flights (the flights status model, "
        "on the studied flights sets, never a judge) or all.",
    ),
]


Cues = Annotated[
    Path,
    typer.Option(
        "--cues",
        help="The flights rules' honest (out-of-sample) status cues the flights status "
        "model is trained beside (bench/flights_honest/flights_honest_cues.py writes them).",
    ),
]
CUES = Path("bench/flights_honest/flights_honest_cues.json")


def _require_training_extra() -> None:
    """Both trainings import scikit-learn and scipy only when they fit: say what is missing
    before any work, not with a traceback half-way."""
    missing = [name for name in ("sklearn", "scipy") if importlib.util.find_spec(name) is None]
    if missing:
        raise UserError(f"training needs {', '.join(missing)}: pip install -e '.[train]'")


@app.command("train")
def train_cmd(
    data_dir: DataDir = DATA_DIR,
    out: ModelOut = None,
    background: Background = BACKGROUND,
    part: Part = "topics",
    cues: Cues = CUES,
) -> None:
    """Train the topic model on the train+dev splits of the manifest (deterministic)."""
    if part not in ("topics", "flights", "all"):
        raise UserError(f"unknown part {part!r}: use topics, flights or all")
    _require_training_extra()
    if part in ("flights", "all"):
        train_flights_status(data_dir, None if part == "all" else out, cues)
    if part in ("topics", "all"):
        train_topics(data_dir, out, background)


def train_flights_status(data_dir: Path, out: Path | None, cues: Path = CUES) -> None:
    """The flights part of `wirewatch train`: the status model (deterministic)."""
    from wirewatch_flights.status_model import MODEL_PATH
    from wirewatch_flights.training import train

    if not cues.is_file():
        raise UserError(f"{cues}: no honest cues (run bench/flights_honest/flights_honest_cues.py)")
    data = train(data_dir, out or MODEL_PATH, cues)
    card = data["card"]
    typer.echo(
        f"{out or MODEL_PATH}: {card['weights_kept']} weighted features (of "
        f"{card['vocabulary']}), C {card['c']}, {card['examples']} reports; thresholds "
        f"{json.dumps(data['thresholds'])}"
    )


def train_topics(data_dir: Path, out: Path | None, background: Path) -> None:
    from wirewatch_classify.dataset import DatasetError
    from wirewatch_classify.model import MODEL_PATH
    from wirewatch_classify.training import train

    if not background.is_dir():
        typer.echo(f"warning: {background} not found: training without background negatives")
    with reported_as_user_error(DatasetError):
        data = train(
            data_dir, out or MODEL_PATH, background=background if background.is_dir() else None
        )
    card = data["card"]
    typer.echo(
        f"{out or MODEL_PATH}: {len(data['weights'])} weighted features "
        f"(of {card['vocabulary']}), C {card['c']}, {card['background_negatives']} background "
        f"negatives; stack {json.dumps(data['stack'])}"
    )


def eval_splits(classifier: Any, data_dir: Path, which: str, as_json: bool, misses: bool) -> None:
    """`wirewatch eval --split NAME|all`: the report of each split of the manifest."""
    from wirewatch_classify.dataset import SPLITS, DatasetError, load_split
    from wirewatch_classify.evaluation import evaluate, format_report

    names = list(SPLITS) if which == "all" else [which]
    if any(name not in SPLITS for name in names):
        raise UserError(f"unknown split {which!r}: use train, dev, test or all")
    with reported_as_user_error(DatasetError):
        splits = load_split(data_dir)
    out: dict[str, Any] = {}
    for name in names:
        report = evaluate(classifier, [item.row for item in splits[name]])
        if as_json:
            out[name] = report.as_dict()
        else:
            typer.echo(f"== split {name} ==")
            typer.echo(format_report(report, misses=misses))
            typer.echo("")
    if as_json:
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
