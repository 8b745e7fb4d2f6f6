"""Stop 44's cheaper tokenizing in ``features.text_cues`` reads what the old one read: the
sentence starts of every token, the date check's answer and the language's counts, over
every labelled title and summary and random text (the old code kept here as the reference)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from wirewatch_stories.features import (
    _ENGLISH_MARKERS,
    _SENTENCE_END,
    _SPANISH_MARKERS,
    _TOKEN,
    LANGUAGE_CUES,
    _sentence_starts,
    language_cues,
)
from wirewatch_stories.lexicon import WORD
from wirewatch_stories.numbers import _DATE, may_have_dates

DATA = Path(__file__).resolve().parents[1] / "data"


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("stories_*.jsonl")) + sorted(DATA.glob("flights_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                title, summary = str(row.get("title") or ""), str(row.get("summary") or "")
                texts += [title, summary, f"{title}\n{summary}"]
    rng = random.Random(44)
    alphabet = "aA1 .,:;!?\"“”«»—–|\t\n\u00a0\u2003\u3000áÑİKſ-'(de) Mayo 3 august "
    for _ in range(3000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))))
        texts.append(
            " ".join(
                rng.choice(("March", "MAYO", "mar", "3", "Dec.", "x", ":"))
                for _ in range(rng.randrange(0, 8))
            )
        )
    return texts


def _old_sentence_starts(text: str) -> set[int]:
    starts = {0}
    for match in _TOKEN.finditer(text):
        end = match.start()
        while end and text[end - 1].isspace():
            end -= 1
        if not end or text[end - 1] in _SENTENCE_END:
            starts.add(match.start())
    return starts


def _old_language_cues(text: str) -> set[str]:
    words = [word.lower() for word in WORD.findall(text)]
    english = sum(word in _ENGLISH_MARKERS for word in words)
    spanish = sum(word in _SPANISH_MARKERS for word in words)
    if english == spanish:
        return set()
    return {LANGUAGE_CUES[0] if english > spanish else LANGUAGE_CUES[1]}


def test_every_token_starts_a_sentence_as_before() -> None:
    texts = _texts()
    assert len(texts) > 9000
    for text in texts:
        new, old = _sentence_starts(text), _old_sentence_starts(text)
        for match in _TOKEN.finditer(text):
            assert (match.start() in new) == (match.start() in old), text


def test_the_tokens_are_the_matches_text() -> None:
    for text in _texts():
        assert _TOKEN.findall(text) == [m.group() for m in _TOKEN.finditer(text)]


def test_the_date_check_answers_as_before_and_is_open_wherever_a_date_is_read() -> None:
    for text in _texts():
        tokens = _TOKEN.findall(text)
        fast = may_have_dates(tokens, ascii_text=text.isascii())
        assert fast == may_have_dates(tokens), text
        if _DATE.search(text):
            assert fast, text


def test_the_language_cues_are_as_before() -> None:
    for text in _texts():
        assert language_cues(text) == _old_language_cues(text), text


def test_a_unicode_blank_before_a_token_is_a_blank() -> None:
    for blank in ("\u00a0", "\u2003", "\u3000", "\x1c", "\x85"):
        assert re.fullmatch(r"\s", blank) and blank.isspace()
        text = f"{blank}Alpha. {blank}Beta x{blank}Gamma:{blank}{blank}Delta"
        new, old = _sentence_starts(text), _old_sentence_starts(text)
        tokens = {m.start() for m in _TOKEN.finditer(text)}
        assert new & tokens == old & tokens == {1, 9, 24}
