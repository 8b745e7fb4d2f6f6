"""Compiled topic files: each topic's rules and exclusions over the lexicon's group ids.

:func:`compile_topic` registers a topic's phrases in the shared
:class:`~wirewatch_classify.lexicon.Lexicon` and returns a :class:`CompiledTopic` whose
rules fire on the hits of one scan (:data:`GroupHits`). The engine evaluates them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from wirewatch_classify.lexicon import FieldScan, Lexicon
from wirewatch_classify.topicdef import ExcludeSpec, PhraseLists, RuleSpec, TopicSpec

Located = tuple[FieldScan, int, int]
"""A hit in a field: (scan, first token, end token)."""
GroupHits = dict[int, list[Located]]
"""Hits per owner id."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    weight: float
    kind: str
    """"any" (also inline phrases), "all" or "near"."""
    groups: tuple[int, ...]
    within: int
    requires: tuple[int, ...]
    unless: tuple[int, ...]
    fields: frozenset[str] | None
    """None: both fields."""
    need_all: frozenset[int]
    """Groups that must all be present for the rule to have a chance to fire."""
    need_any: frozenset[int] | None
    """For "any" rules: at least one of these must be present."""
    context_in_fields: bool
    """``requires``/``unless`` look only at the rule's fields."""

    def possible(self, present: GroupHits) -> bool:
        """Necessary condition from group presence alone (no positions), in C set ops."""
        keys = present.keys()
        if not self.need_all <= keys:
            return False
        return self.need_any is None or not self.need_any.isdisjoint(keys)

    def fire(self, groups: GroupHits) -> list[Located]:
        """The hits that make the rule fire; empty when it does not."""
        if self.context_in_fields:
            if any(self._in_fields(groups.get(g, [])) for g in self.unless):
                return []
            if not all(self._in_fields(groups.get(g, [])) for g in self.requires):
                return []
        else:
            if any(groups.get(g) for g in self.unless):
                return []
            if not all(groups.get(g) for g in self.requires):
                return []
        if self.kind == "any":
            return self._in_fields([lh for g in self.groups for lh in groups.get(g, ())])
        if self.kind == "all":
            parts = [self._in_fields(groups.get(g, [])) for g in self.groups]
            return [lh for part in parts for lh in part] if all(parts) else []
        left = self._in_fields(groups.get(self.groups[0], []))
        right = self._in_fields(groups.get(self.groups[1], []))
        return near_pairs(left, right, self.within)

    def _in_fields(self, located: list[Located]) -> list[Located]:
        if self.fields is None:
            return located
        return [lh for lh in located if lh[0].name in self.fields]


Fired = tuple[Rule, list[Located]]


@dataclass(frozen=True, slots=True)
class Exclusion:
    phrases: int | None
    near: tuple[int, int] | None
    within: int
    veto: bool


@dataclass(frozen=True, slots=True)
class CompiledTopic:
    spec: TopicSpec
    rules: tuple[Rule, ...]
    positive: tuple[Rule, ...]
    exclusions: tuple[Exclusion, ...]
    cutoff: float
    """Smallest raw score whose calibrated score reaches the threshold."""
    trigger_ids: frozenset[int]
    """Every group the positive rules look at."""
    rule_ids: frozenset[int]
    """Every group any rule needs present (``need_all`` and ``need_any`` of each)."""
    _bounds: dict[frozenset[int], bool]
    """Memo: which sets of present trigger groups can reach the cutoff at all."""
    _possible: dict[frozenset[int], tuple[Rule, ...]]
    """Memo: for a set of present rule groups, the rules that may fire, in file order."""

    def may_match(self, groups: GroupHits) -> bool:
        """False when even every possible positive rule firing stays under the cutoff.

        Depends only on which of the topic's groups are present, and the same few
        combinations recur across items, so the answer is memoised."""
        present = self.trigger_ids.intersection(groups.keys())
        found = self._bounds.get(present)
        if found is None:
            if len(self._bounds) > 100_000:
                self._bounds.clear()
            best = sum(r.weight for r in self.positive if r.possible(groups))
            found = self._bounds[present] = best >= self.cutoff
        return found

    def possible_rules(self, groups: GroupHits) -> tuple[Rule, ...]:
        """The rules whose groups are present (``Rule.possible``), in file order.

        Like ``may_match`` it depends only on which of the topic's groups are present,
        so the answer is memoised per combination instead of testing every rule."""
        present = self.rule_ids.intersection(groups.keys())
        found = self._possible.get(present)
        if found is None:
            if len(self._possible) > 100_000:
                self._possible.clear()
            found = self._possible[present] = tuple(r for r in self.rules if r.possible(groups))
        return found


class TopicCompiler:
    """Registers one topic's phrases in the lexicon and builds its rules and exclusions
    over the lexicon's group ids."""

    def __init__(self, spec: TopicSpec, lexicon: Lexicon) -> None:
        self.spec = spec
        self.lexicon = lexicon

    def gid(self, group: str) -> int:
        return self.lexicon.owner_id(("T", self.spec.topic, group))

    def add_phrases(self, lists: PhraseLists, group: str) -> None:
        for phrases in lists.values():
            self.lexicon.add_all(phrases, ("T", self.spec.topic, group))

    def rule(self, r: RuleSpec) -> Rule:
        groups: tuple[int, ...]
        if r.phrases:
            self.add_phrases(r.phrases, "@" + r.name)
            kind, groups = "any", (self.gid("@" + r.name),)
        elif r.any:
            kind, groups = "any", tuple(self.gid(g) for g in r.any)
        elif r.all:
            kind, groups = "all", tuple(self.gid(g) for g in r.all)
        else:
            assert r.near is not None
            kind, groups = "near", (self.gid(r.near[0]), self.gid(r.near[1]))
        requires = tuple(self.gid(g) for g in r.requires)
        return Rule(
            name=r.name,
            weight=r.weight,
            kind=kind,
            groups=groups,
            within=r.within,
            requires=requires,
            unless=tuple(self.gid(g) for g in r.unless),
            fields=None if len(set(r.fields)) == 2 else frozenset(r.fields),
            need_all=frozenset(requires if kind == "any" else (*groups, *requires)),
            need_any=frozenset(groups) if kind == "any" else None,
            context_in_fields=r.context == "fields",
        )

    def exclusion(self, ex: ExcludeSpec) -> Exclusion:
        if ex.phrases:
            self.add_phrases(ex.phrases, "!" + ex.name)
            return Exclusion(self.gid("!" + ex.name), None, ex.within, ex.veto)
        assert ex.near is not None
        return Exclusion(None, (self.gid(ex.near[0]), self.gid(ex.near[1])), ex.within, ex.veto)


def compile_topic(spec: TopicSpec, lexicon: Lexicon) -> CompiledTopic:
    compiler = TopicCompiler(spec, lexicon)
    for group, lists in spec.groups.items():
        compiler.add_phrases(lists, group)
    rules = tuple(compiler.rule(r) for r in spec.rules)
    exclusions = tuple(compiler.exclusion(ex) for ex in spec.exclude)
    positive = tuple(r for r in rules if r.weight > 0)
    return CompiledTopic(
        spec=spec,
        rules=rules,
        positive=positive,
        exclusions=exclusions,
        cutoff=raw_cutoff(spec),
        trigger_ids=frozenset(g for r in positive for g in (*r.need_all, *(r.need_any or ()))),
        rule_ids=frozenset(g for r in rules for g in (*r.need_all, *(r.need_any or ()))),
        _bounds={},
        _possible={},
    )


def raw_cutoff(spec: TopicSpec) -> float:
    """Invert the calibration: the raw score at which the score equals the threshold."""
    slope, intercept = spec.calibration.slope, spec.calibration.intercept
    t = spec.threshold
    if t <= 0.0:
        return -math.inf
    if t >= 1.0 or slope <= 0:
        return math.inf
    # Tiny tolerance so the bound never prunes a score that rounds up to the threshold.
    return (math.log(t / (1.0 - t)) - intercept) / slope - 1e-9


def near_pairs(left: Sequence[Located], right: Sequence[Located], within: int) -> list[Located]:
    """Hits of ``left`` and ``right`` in the same field with at most ``within`` tokens
    between them (overlapping hits count; a hit is never near itself)."""
    out: dict[Located, None] = {}
    for lh in left:
        ls, la, lb = lh
        for rh in right:
            rs, ra, rb = rh
            if ls is not rs or (la == ra and lb == rb):
                continue
            if max(ra - lb, la - rb) <= within:
                out[lh] = None
                out[rh] = None
    return list(out)
