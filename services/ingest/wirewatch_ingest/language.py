"""A small, dependency-free language guess from function words.

Used only when neither the entry nor the feed declares a language. It knows
the languages Wirewatch's default feeds publish in (en, es) plus a few
neighbours (fr, de, pt, it) so a French item is not forced into "es". It
answers only when the evidence is clear; otherwise None.
"""

from __future__ import annotations

import re
from collections import defaultdict


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is that for on with was as are by this from at be have has it an "
        "were will after said their his her who they but not been would which more than "
        "about its into over new"
    ),
    "es": _words(
        "el la los las de del y en que un una por con para es se al lo como más su sus pero "
        "fue ha han este esta entre sobre tras según son también desde hasta cuando muy sin "
        "ya le les está"
    ),
    "fr": _words(
        "le la les de des du et en un une est que qui pour dans sur par au aux pas ne avec "
        "il elle sont été plus ce cette ont mais leur selon après"
    ),
    "de": _words(
        "der die das und ist nicht mit von den dem zu ein eine auf für sich im des auch es "
        "wird bei nach aus sind wurde werden hat noch über"
    ),
    "pt": _words(
        "o os as do da dos das e em um uma que para com não no na por mais ao foi são pelo "
        "pela seu sua também como mas já entre"
    ),
    "it": _words(
        "il lo gli le di del della e è un una che per con non in sono nel alla dei delle al "
        "anche più ha come ma dopo"
    ),
}


def _weights() -> dict[str, dict[str, float]]:
    """word -> {language: weight}; a word shared by k languages counts 1/k for each."""
    owners: dict[str, list[str]] = defaultdict(list)
    for lang, words in _STOPWORDS.items():
        for word in words:
            owners[word].append(lang)
    return {word: {lang: 1.0 / len(langs) for lang in langs} for word, langs in owners.items()}


_WEIGHT = _weights()

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_SCORE = 2.0
MARGIN = 1.5
MAX_WORDS = 400
MAX_CHARS = 3000


def detect_language(text: str) -> str | None:
    """'en', 'es', 'fr', 'de', 'pt' or 'it' when clear, else None."""
    if len(text) < 12:
        return None
    scores: dict[str, float] = defaultdict(float)
    for index, match in enumerate(_WORD.finditer(text[:MAX_CHARS].lower())):
        if index >= MAX_WORDS:
            break
        for lang, weight in _WEIGHT.get(match.group(), {}).items():
            scores[lang] += weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score < MIN_SCORE or best_score < runner_up * MARGIN:
        return None
    return best
