"""Topic definitions as data: the YAML schema and the loader.

One versioned YAML file per topic ships in ``wirewatch_classify/topics/``; the
``WIREWATCH_CLASSIFY_TOPICS_DIR`` setting points at a directory whose files
replace (same ``topic`` name) or add to the shipped ones. See docs/classify.md
for the format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from wirewatch_classify.lexicon import PatternError, parse_phrase

SHIPPED_DIR = Path(__file__).resolve().parent / "topics"

FieldName = Literal["title", "summary"]
PhraseLists = dict[str, list[str]]
"""Phrases keyed by language code ("en", "es", ...); every language is applied."""


class TopicFileError(ValueError):
    """A topic file that cannot be loaded; the message names the file and the problem."""


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Calibration(_Spec):
    """Platt scaling of the raw rule sum: score = 1 / (1 + exp(-(slope * raw + intercept)))."""

    slope: float = 2.0
    intercept: float = -2.0

    def score(self, raw: float) -> float:
        z = self.slope * raw + self.intercept
        # Clamp so exp() never overflows on very large (or negative) sums.
        z = max(-60.0, min(60.0, z))
        return 1.0 / (1.0 + math.exp(-z))


class RuleSpec(_Spec):
    """One rule; exactly one of ``phrases``, ``any``, ``all`` or ``near`` says when it fires."""

    name: str
    weight: float
    description: str = ""
    phrases: PhraseLists | None = None
    """Fires when any of these phrases occurs."""
    any: tuple[str, ...] = ()
    """Fires when any of these groups occurs."""
    all: tuple[str, ...] = ()
    """Fires when every one of these groups occurs somewhere in the item."""
    near: tuple[str, str] | None = None
    """Fires when the two groups occur within ``within`` tokens of each other, same field."""
    within: int = Field(default=6, ge=1, le=50)
    requires: tuple[str, ...] = ()
    """The rule fires only when every one of these groups occurs somewhere in the item."""
    unless: tuple[str, ...] = ()
    """The rule does not fire when any of these groups occurs anywhere in the item."""
    fields: tuple[FieldName, ...] = ("title", "summary")
    context: Literal["item", "fields"] = "item"
    """Where ``requires``/``unless`` look: the whole item, or only the rule's ``fields``."""

    @model_validator(mode="after")
    def _one_condition(self) -> RuleSpec:
        given = [
            k
            for k, v in (
                ("phrases", self.phrases),
                ("any", self.any),
                ("all", self.all),
                ("near", self.near),
            )
            if v
        ]
        if len(given) != 1:
            raise ValueError(
                f"rule {self.name!r} needs exactly one of phrases/any/all/near, got {given}"
            )
        return self


class ExcludeSpec(_Spec):
    """A pattern that masks the topic's hits it covers, or vetoes the topic.

    Either ``phrases`` (the hits they overlap are masked: "repatriation of
    profits" hides "repatriation") or ``near`` (the hits of the first group
    that lie within ``within`` tokens of the second group are masked:
    "repatriation" near "profits"/"remains"/"artefacts").
    """

    name: str
    description: str = ""
    phrases: PhraseLists | None = None
    near: tuple[str, str] | None = None
    within: int = Field(default=3, ge=1, le=50)
    veto: bool = False
    """True: any occurrence suppresses the whole topic for the item, not just the overlap."""

    @model_validator(mode="after")
    def _one_condition(self) -> ExcludeSpec:
        if (self.phrases is None) == (self.near is None):
            raise ValueError(f"exclusion {self.name!r} needs exactly one of phrases/near")
        return self


class TopicSpec(_Spec):
    topic: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    version: int = Field(ge=1)
    description: str = ""
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    calibration: Calibration = Calibration()
    groups: dict[str, PhraseLists] = {}
    rules: tuple[RuleSpec, ...]
    exclude: tuple[ExcludeSpec, ...] = ()

    @model_validator(mode="after")
    def _references_exist(self) -> TopicSpec:
        names = set(self.groups)
        for rule in self.rules:
            used = [*rule.any, *rule.all, *(rule.near or ()), *rule.requires, *rule.unless]
            unknown = [g for g in used if g not in names]
            if unknown:
                raise ValueError(f"rule {rule.name!r} uses unknown groups {unknown}")
        for ex in self.exclude:
            unknown = [g for g in ex.near or () if g not in names]
            if unknown:
                raise ValueError(f"exclusion {ex.name!r} uses unknown groups {unknown}")
        for phrases in self.all_phrase_lists():
            for phrase in phrases:
                try:
                    parse_phrase(phrase)
                except PatternError as exc:
                    raise ValueError(str(exc)) from exc
        return self

    def all_phrase_lists(self) -> Iterable[list[str]]:
        for lists in self.groups.values():
            yield from lists.values()
        for rule in self.rules:
            if rule.phrases:
                yield from rule.phrases.values()
        for ex in self.exclude:
            if ex.phrases:
                yield from ex.phrases.values()


def load_topic_file(path: Path) -> TopicSpec:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TopicFileError(f"{path}: cannot read topic file: {exc}") from exc
    try:
        return TopicSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise TopicFileError(f"{path}: {where}: {first['msg']}") from exc


def load_topics(override_dir: Path | None = None) -> list[TopicSpec]:
    """Shipped topics, replaced or extended by the files in ``override_dir``."""
    by_name: dict[str, TopicSpec] = {}
    dirs = [SHIPPED_DIR] + ([override_dir] if override_dir else [])
    for directory in dirs:
        if not directory.is_dir():
            raise TopicFileError(f"{directory}: topic directory does not exist")
        for path in sorted(directory.glob("*.y*ml")):
            spec = load_topic_file(path)
            by_name[spec.topic] = spec
    return list(by_name.values())
