"""Stop 44: `wirewatch train` for one candidate, with two optional additions that change
nothing the training does:

    .venv/bin/python bench/classify_round44/train_candidate.py --out MODEL.json \
        [--topics-dir DIR] [--record-oof OOF.json]

``--topics-dir``: the topic files the rules and the stack are fitted with (shipped files
replaced by those in DIR, as `load_topics(DIR)`), so candidate B is trained without
touching the shipped topic files. ``--record-oof``: each topic's out-of-fold stack scores
and labels of the fitted items, as `training.choose_threshold` receives them, written to
OOF.json (candidate C re-chooses the threshold from them; RULE.md). The call is the CLI's
own `wirewatch train --out MODEL.json` (same data dir, background feeds and seeds).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import wirewatch_classify.training as training
from wirewatch_classify.topicdef import TopicSpec, load_topics

from wirewatch.cli import main as cli_main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--topics-dir", type=Path, default=None)
    parser.add_argument("--record-oof", type=Path, default=None)
    args = parser.parse_args()
    recorded: list[dict[str, Any]] = []
    if args.topics_dir is not None:
        topics_dir: Path = args.topics_dir

        def candidate_topics(override_dir: Path | None = None) -> list[TopicSpec]:
            return load_topics(override_dir or topics_dir)

        # training.py calls load_topics() by its module name: the candidate's files instead
        setattr(training, "load_topics", candidate_topics)  # noqa: B010
    original = training.choose_threshold

    def recording(scores: Any, y: Any) -> float:
        chosen = original(scores, y)
        recorded.append({"scores": [round(s, 6) for s in scores], "y": list(y), "chosen": chosen})
        return chosen

    setattr(training, "choose_threshold", recording)  # noqa: B010
    sys.argv = ["wirewatch", "train", "--out", str(args.out)]
    try:
        cli_main()
    except SystemExit as exc:
        if exc.code:
            raise
    if args.record_oof is not None:
        topics = json.loads(args.out.read_text("utf-8"))["topics"]
        out = dict(zip(topics, recorded, strict=True))
        args.record_oof.write_text(json.dumps(out) + "\n", "utf-8")


if __name__ == "__main__":
    main()
