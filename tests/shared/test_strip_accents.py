"""The shared ``strip_accents`` (stop 45: only the runs of non-ASCII characters, a translate
table of the combining marks; stories' ``fold`` technique of stop 44) gives the text of the
per-character generator it replaced, kept here as the reference, on every code point, every
labelled title and summary and random text; and stories' ``lexicon.fold``, which calls it, is
that text casefolded first (moved here from tests/stories/test_fold.py)."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

from wirewatch_shared.text import strip_accents
from wirewatch_stories.lexicon import fold

DATA = Path(__file__).resolve().parents[1] / "data"


def _reference(text: str) -> str:
    """``strip_accents`` until stop 45."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _same(text: str) -> bool:
    return strip_accents(text) == _reference(text) and fold(text) == _reference(text.casefold())


def test_every_code_point_strips_as_the_reference() -> None:
    for start in range(0, 0x110000, 4096):
        chunk = "".join(chr(code) for code in range(start, min(start + 4096, 0x110000)))
        assert _same(chunk), hex(start)
        assert _same(chunk[::-1]), hex(start)  # marks before and after their bases


def test_every_labelled_title_and_summary_strips_as_the_reference() -> None:
    files = sorted(DATA.glob("stories_*.jsonl")) + sorted(DATA.glob("flights_*.jsonl"))
    files += sorted(DATA.glob("classify_pool_*.jsonl"))
    texts = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for field in ("title", "summary"):
                    text = str(row.get(field) or "")
                    assert _same(text), (path.name, row.get("id"))
                    texts += 1
    assert texts > 3000


def test_random_text_strips_as_the_reference() -> None:
    rng = random.Random(44)
    alphabet = "aeñÑáÁüÜçÇ ﬁİıſK\u0301\u0308\u0327\n.Ωω한國語ǅ\U0001d400ẞß"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert _same(text), repr(text)
    for _ in range(500):
        text = "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(0, 30)))
        assert _same(text), repr(text)
