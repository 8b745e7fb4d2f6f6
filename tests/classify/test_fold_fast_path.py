"""``normalise``'s code-page fast path gives what the plain fold gives: the fold of
each character from the table (``_fold_slow`` for the odd ones), with the position
map, compared on every title and summary of the labelled sets and on generated text
mixing ASCII, cp1252, other scripts, odd characters and NUL."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from wirewatch_classify.text import _SLOW, _TABLE, Normalised, _fold_slow, normalise

DATA = Path(__file__).resolve().parents[1] / "data"


def _plain(text: str) -> Normalised:
    """The reference: one character at a time, an explicit offset for each folded char."""
    out: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        folded = _TABLE[ord(ch)]
        piece = _fold_slow(ch) if folded == _SLOW else folded
        out.append(piece)
        offsets.extend([index] * len(piece))
    return Normalised(text, "".join(out), tuple(offsets))


def _same(text: str) -> None:
    fast, plain = normalise(text), _plain(text)
    assert fast.text == plain.text, text
    assert fast.spans() == plain.spans(), text


def _fields() -> list[str]:
    found: list[str] = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if isinstance(row, dict):
                found.extend(row[k] for k in ("title", "summary") if isinstance(row.get(k), str))
    return found


def test_every_labelled_field_folds_as_the_plain_fold() -> None:
    fields = _fields()
    assert len(fields) > 10_000
    assert sum(not f.isascii() for f in fields) > 1_000  # the fast path is exercised
    for text in fields:
        _same(text)


_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from("aZ9 .,-'\"\x00\t"),
        st.sampled_from("áéíóúñÑÉüçÐµßªº²½¾\xa0’‘“”–—…€«»¿¡\x81\x9d"),
        st.sampled_from("ПриветİﬂŉǄΩ한\u0301\ufe0f\u200b\u2028"),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)


@settings(max_examples=3000, deadline=None)
@given(_MIXED)
def test_generated_text_folds_as_the_plain_fold(text: str) -> None:
    _same(text)
