"""Country names (not their people) of classify's gazetteer, for headline countries (stop 39).

A country's entries in ``services/classify/wirewatch_classify/data/entities.yaml`` mix its
names and its demonyms; a headline's demonym mostly names the migrants ("Afghan migrants sent
back to Athens", "Cuban migrants"), not where the event is. Kept: entries that are not prefixes
(``*``), start with a capital and are not English demonyms.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from wirewatch_stories.lexicon import fold

GAZETTEER = (
    Path(__file__).resolve().parents[2] / "services/classify/wirewatch_classify/data/entities.yaml"
)
_PEOPLE = re.compile(r"(?:ans|ians|ese|ish|ons|ch|ek|ic)$")


def country_names() -> dict[str, str]:
    """Folded name -> ISO code."""
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for code, entries in data["countries"].items():
        for entry in entries:
            word = entry.lstrip("=")
            if word.endswith("*") or not word[:1].isupper() or _PEOPLE.search(word):
                continue
            if code == "US" and word == "Washington":
                continue
            names[fold(word).lower()] = code
    return names


_NAMES = country_names()
_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True)) + r")(?![\w-])"
)


def headline_countries(title: str) -> set[str]:
    return {_NAMES[m.group(1)] for m in _PATTERN.finditer(fold(title).lower())}
