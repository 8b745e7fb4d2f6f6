"""The round's split of the studied stories files (stop 39, issue #13), fixed before any error
was listed: the 28 files of ``common.labelled_files()`` (the judges left out, never opened)
sorted by name, every other one from the first is a design file (its errors listed and read),
the others are held out (only their aggregate figures are measured, once a candidate is
designed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files


def design_files() -> list[Path]:
    return labelled_files()[0::2]


def held_out_files() -> list[Path]:
    return labelled_files()[1::2]
