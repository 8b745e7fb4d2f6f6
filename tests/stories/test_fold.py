"""``lexicon.fold`` (stop 44's faster one) gives the text of the shared ``strip_accents`` of
the casefolded text on every code point, every labelled title and summary, and random text."""

from __future__ import annotations

import json
import random
from pathlib import Path

from wirewatch_shared.text import strip_accents
from wirewatch_stories.lexicon import fold

DATA = Path(__file__).resolve().parents[1] / "data"


def _reference(text: str) -> str:
    return strip_accents(text.casefold())


def test_every_code_point_folds_as_the_reference() -> None:
    for start in range(0, 0x110000, 4096):
        chunk = "".join(chr(code) for code in range(start, min(start + 4096, 0x110000)))
        assert fold(chunk) == _reference(chunk), hex(start)


def test_every_labelled_title_and_summary_folds_as_the_reference() -> None:
    files = sorted(DATA.glob("stories_*.jsonl")) + sorted(DATA.glob("flights_*.jsonl"))
    texts = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for field in ("title", "summary"):
                    text = str(row.get(field) or "")
                    assert fold(text) == _reference(text), (path.name, row.get("id"))
                    texts += 1
    assert texts > 3000


def test_random_text_folds_as_the_reference() -> None:
    rng = random.Random(44)
    alphabet = "aeñÑáÁüÜçÇ ﬁİıſK\u0301\u0308\u0327\n.Ωω한國語ǅ\U0001d400ẞß"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert fold(text) == _reference(text), repr(text)
    for _ in range(500):
        text = "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(0, 30)))
        assert fold(text) == _reference(text), repr(text)
