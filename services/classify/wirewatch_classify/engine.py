"""The classification engine: pure, synchronous, no I/O after construction.

A :class:`Classifier` compiles the topic files, the entity gazetteer and the
user-defined topics into one :class:`~wirewatch_classify.lexicon.Lexicon`.
``classify()`` scans title and summary once, buckets the phrase hits by the
group they feed, then evaluates each touched topic's rules:

raw score = sum of the weights of the rules that fired (each rule counts once)
score     = Platt-calibrated logistic of raw (see ``TopicSpec.calibration``)

A topic is reported when its score reaches its threshold. Exclusion phrases
mask the topic's hits they overlap ("repatriation of profits" removes the
"repatriation" hit) or, with ``veto: true``, suppress the topic for the item.

Speed: most news items touch some topic vocabulary ("flight", "policy") without
being on topic, so before evaluating a topic's rules we bound its best possible
raw score from which groups are present at all; when even that bound stays
under the threshold the topic is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wirewatch_shared.events import Entities, Evidence, TopicMatch

from wirewatch_classify.compiled import (
    CompiledTopic,
    Fired,
    GroupHits,
    Located,
    Rule,
    compile_topic,
    near_pairs,
)
from wirewatch_classify.entities import KINDS, Gazetteer, load_gazetteer
from wirewatch_classify.features import ItemParts
from wirewatch_classify.lexicon import FieldScan, Lexicon, parse_phrase
from wirewatch_classify.model import (
    MODEL_RULE,
    Stack,
    TopicModel,
    shipped_model,
    span_evidence,
    term_evidence,
)
from wirewatch_classify.query import (
    And,
    AtLeast,
    Near,
    Node,
    Not,
    Or,
    Term,
    min_terms,
    parse_query,
    terms,
)
from wirewatch_classify.topicdef import TopicSpec, load_topics

RuleView = tuple[float, float, float]
"""What the model's combination reads of a topic's rules: the sum of the positive
weights that fired, the sum of the negative ones, and 1.0 when the rules recognise a
hard negative (an exclusion masked a hit or vetoed the topic, or a context rule of
weight <= ``STRONG_CONTEXT`` fired: evacuation, extradition, business news...), else 0.0."""
STRONG_CONTEXT = -4.0

EMPTY_ENTITIES = Entities()
QUERY_RULE = "query"


@dataclass(frozen=True, slots=True)
class UserTopic:
    """A user-defined topic: a parsed boolean query (a phrase list is an OR of phrases)."""

    name: str
    query: Node
    source: str = ""

    @classmethod
    def from_query(cls, name: str, query: str) -> UserTopic:
        return cls(name, parse_query(query), query)

    @classmethod
    def from_phrases(cls, name: str, phrases: Sequence[str]) -> UserTopic:
        cleaned = [p.strip() for p in phrases if p.strip()]
        if not cleaned:
            raise ValueError("the phrase list is empty")
        for phrase in cleaned:
            parse_phrase(phrase)  # raises PatternError (a ValueError) on a bad phrase
        node: Node = Or(tuple(Term(p) for p in cleaned)) if len(cleaned) > 1 else Term(cleaned[0])
        return cls(name, node, ", ".join(cleaned))


def _wire_model(
    model: TopicModel | None, topics: Sequence[TopicSpec], lexicon: Lexicon
) -> tuple[dict[str, Stack], frozenset[int], dict[str, frozenset[int]]]:
    """(stack per topic the model combines with, gate owner ids, core owner ids per topic).

    A topic combines with the model only if the model was fitted on this very topic
    file version; the model reads an item only when a gate group occurs."""
    if model is None:
        return {}, frozenset(), {t.topic: frozenset() for t in topics}
    stacks = {
        t.topic: model.stacks[t.topic]
        for t in topics
        if t.topic in model.stacks and model.stacks[t.topic].rules_version == t.version
    }

    def ids(spec: TopicSpec, groups: Iterable[str]) -> frozenset[int]:
        return frozenset(lexicon.owner_id(("T", spec.topic, g)) for g in groups if g in spec.groups)

    gate = frozenset().union(
        *(ids(t, model.gates.get(t.topic, ())) for t in topics if t.topic in stacks)
    )
    cores = {t.topic: ids(t, model.cores.get(t.topic, ())) for t in topics}
    return stacks, gate, cores


class Classifier:
    """Compiled topics + gazetteer + user topics. Immutable: build a new one to change."""

    def __init__(
        self,
        topics: Sequence[TopicSpec],
        gazetteer: Gazetteer | None = None,
        user_topics: Iterable[UserTopic] = (),
        model: TopicModel | None = None,
    ) -> None:
        self.topics: tuple[TopicSpec, ...] = tuple(topics)
        self.model = model
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        files = {t.topic for t in self.topics}
        # A topic file wins over a user topic of the same name (one match per name).
        self.user_topics: dict[str, UserTopic] = {
            u.name: u for u in user_topics if u.name not in files
        }
        self.lexicon = Lexicon()
        self._compiled = {t.topic: compile_topic(t, self.lexicon) for t in self.topics}
        self.gazetteer.register(self.lexicon)
        self._user_terms: dict[str, dict[str, int]] = {}
        # The distinct terms each query needs at least: checked before evaluating it.
        self._user_need = {u.name: min_terms(u.query) for u in self.user_topics.values()}
        for user in self.user_topics.values():
            self._user_terms[user.name] = {
                phrase: self.lexicon.owner_id(("U", user.name, phrase))
                for phrase in terms(user.query)
            }
            for phrase in terms(user.query):
                self.lexicon.add(phrase, ("U", user.name, phrase))
        self._stacks, self._gate, self._cores = _wire_model(model, self.topics, self.lexicon)
        self._entity_memo: dict[frozenset[int], Entities] = {}
        """The entities of each combination of entity owners found (they recur: "US",
        "US" and "Mexico"...), built once each."""
        # Which topic file / user topic / entity kind each owner id belongs to.
        self._owner_kind = [key[0] for key in self.lexicon.owner_keys]
        self._owner_name = [key[1] for key in self.lexicon.owner_keys]

    @classmethod
    def load(cls, topics_dir: Path | None = None) -> Classifier:
        """The shipped topic files (overridden/extended by ``topics_dir``) and gazetteer."""
        return cls(load_topics(topics_dir), model=shipped_model())

    def with_user_topics(self, user_topics: Iterable[UserTopic]) -> Classifier:
        """A new classifier with the same topic files and these user topics."""
        return Classifier(self.topics, self.gazetteer, user_topics, self.model)

    @property
    def topic_names(self) -> list[str]:
        return [t.topic for t in self.topics] + list(self.user_topics)

    # -- classification -------------------------------------------------------------

    def _scan(self, title: str, summary: str, scans: list[FieldScan] | None = None) -> GroupHits:
        """Hits of both fields, bucketed by owner id (topic group, entity, query term);
        the field scans are appended to ``scans`` when given."""
        lexicon = self.lexicon
        phrase_owners = lexicon.phrase_owners
        groups: GroupHits = {}
        fields = lexicon.scan_fields((("title", title), ("summary", summary)))
        if scans is not None:
            scans.extend(fields)
        for scan in fields:
            for pid, start, end in scan.hits:
                for oid in phrase_owners[pid]:
                    located = groups.get(oid)
                    if located is None:
                        groups[oid] = [(scan, start, end)]
                    else:
                        located.append((scan, start, end))
        return groups

    def classify(
        self, title: str, summary: str, language: str | None = None
    ) -> tuple[tuple[TopicMatch, ...], Entities]:
        """Topic matches (best first) and entities for one item.

        ``language`` is accepted for the contract but phrases of every language
        are applied: feeds often omit or mislabel it, and the EN/ES phrase sets
        do not collide.
        """
        scans: list[FieldScan] = []
        groups = self._scan(title, summary, scans)
        if not groups:
            return (), EMPTY_ENTITIES
        # One pass over the owners present: which topics and user topics to evaluate,
        # which entities were found.
        kinds, names = self._owner_kind, self._owner_name
        topics: set[str] = set()
        users: dict[str, int] = {}  # user topic -> its distinct terms present
        found: list[int] = []
        for oid in groups:
            kind = kinds[oid]
            if kind == "T":
                topics.add(names[oid])
            elif kind == "E":
                found.append(oid)
            else:
                users[names[oid]] = users.get(names[oid], 0) + 1
        matches: list[TopicMatch] = []
        parts: list[tuple[ItemParts, list[float]]] = []  # the model's view, built once
        gated = not self._gate.isdisjoint(groups.keys())
        if gated:
            topics.update(self._stacks)
        for name in topics:
            topic = self._compiled[name]
            stack = self._stacks.get(name) if gated else None
            if stack is not None and self.model is not None:
                core = not self._cores[name].isdisjoint(groups.keys())
                match = _eval_topic_model(topic, groups, stack, core, self.model, scans, parts)
            elif not topic.may_match(groups):
                continue
            else:
                match = _eval_topic(topic, groups)
            if match is not None:
                matches.append(match)
        need = self._user_need
        for name, present in users.items():
            if present < need[name]:
                continue
            match = self._eval_user_topic(self.user_topics[name], groups)
            if match is not None:
                matches.append(match)
        if len(matches) > 1:
            matches.sort(key=lambda m: (-m.score, m.topic))
        return tuple(matches), self._entities(found) if found else EMPTY_ENTITIES

    def raw_score(self, title: str, summary: str) -> dict[str, float]:
        """Uncalibrated rule sums per topic file (for calibration and diagnostics)."""
        groups = self._scan(title, summary)
        out: dict[str, float] = {}
        for name, topic in self._compiled.items():
            fired = _fire_rules(topic, groups)
            out[name] = sum(rule.weight for rule, _ in fired) if fired else 0.0
        return out

    def topic_scores(self, title: str, summary: str) -> dict[str, float]:
        """The calibrated score of every topic file, reported or not (for evaluation)."""
        groups = self._scan(title, summary)
        out: dict[str, float] = {}
        logits: list[float] | None = None
        gated = not self._gate.isdisjoint(groups.keys())
        for name, topic in self._compiled.items():
            fired, view = _rule_view(topic, groups)
            stack = self._stacks.get(name)
            if stack is None or self.model is None or not gated:
                out[name] = topic.spec.calibration.score(view[0] + view[1]) if fired else 0.0
                continue
            logits = logits or self.model.logits(ItemParts.of(title, summary))
            core = not self._cores[name].isdisjoint(groups.keys())
            out[name] = _combined_score(topic, view, stack, core, logits)
        return out

    def capped_score(
        self, topic: str, view: RuleView, stack: Stack, core: bool, logits: list[float]
    ) -> float:
        """The combined score of ``topic`` for this rule view, core flag and logits
        (training reads it to choose the reporting threshold)."""
        return _combined_score(self._compiled[topic], view, stack, core, logits)

    def groups_present(self, title: str, summary: str) -> set[tuple[str, str]]:
        """(topic, group) of every topic-file group with a hit in the item."""
        keys = self.lexicon.owner_keys
        return {
            (keys[oid][1], str(keys[oid][2]))
            for oid in self._scan(title, summary)
            if keys[oid][0] == "T"
        }

    def rule_views(self, title: str, summary: str) -> dict[str, RuleView]:
        """Per topic file, what the model's combination reads of the rules (training)."""
        groups = self._scan(title, summary)
        return {name: _rule_view(topic, groups)[1] for name, topic in self._compiled.items()}

    def _eval_user_topic(self, user: UserTopic, groups: GroupHits) -> TopicMatch | None:
        by_term = {
            phrase: groups.get(oid, []) for phrase, oid in self._user_terms[user.name].items()
        }
        matched, located = _eval_node(user.query, by_term)
        if not matched or not located:
            return None
        return TopicMatch.model_construct(
            topic=user.name,
            score=1.0,
            evidence=tuple(_evidence(located, QUERY_RULE, set())),
            rules=(QUERY_RULE,),
        )

    def _entities(self, owner_ids: list[int]) -> Entities:
        key = frozenset(owner_ids)
        entities = self._entity_memo.get(key)
        if entities is None:
            if len(self._entity_memo) > 10_000:
                self._entity_memo.clear()
            entities = self._entity_memo[key] = self._build_entities(owner_ids)
        return entities

    def _build_entities(self, owner_ids: list[int]) -> Entities:
        found: dict[str, set[str]] = {kind: set() for kind in KINDS}
        keys = self.lexicon.owner_keys
        for oid in owner_ids:
            _, kind, name = keys[oid]
            found[kind].add(name)
        return Entities(
            countries=tuple(sorted(found["countries"])),
            agencies=tuple(sorted(found["agencies"])),
            places=tuple(sorted(found["places"])),
        )


def _reading_order(evidence: Evidence) -> tuple[bool, int, int, str]:
    """Title first, then by position; ties broken by span and rule so the order never
    depends on set iteration (string hashing differs between processes)."""
    return (evidence.field != "title", evidence.start, evidence.end, evidence.rule)


def _eval_topic(topic: CompiledTopic, groups: GroupHits) -> TopicMatch | None:
    fired = _fire_rules(topic, groups)
    if not fired or not any(rule.weight > 0 for rule, _ in fired):
        return None
    raw = sum(rule.weight for rule, _ in fired)
    spec = topic.spec
    score = spec.calibration.score(raw)
    if score < spec.threshold:
        return None
    evidence, _ = _rule_evidence(fired)
    evidence.sort(key=_reading_order)
    # Built from values the engine produced itself: no validation needed.
    return TopicMatch.model_construct(
        topic=spec.topic,
        score=round(score, 4),
        evidence=tuple(evidence),
        rules=tuple(rule.name for rule, _ in fired),
    )


def _eval_topic_model(
    topic: CompiledTopic,
    groups: GroupHits,
    stack: Stack,
    core: bool,
    model: TopicModel,
    scans: list[FieldScan],
    parts: list[tuple[ItemParts, list[float]]],
) -> TopicMatch | None:
    """Rules and model combined: the score is the stack's calibrated probability.

    Rule evidence as usual; when the rules alone would not have tagged the item, the
    model's strongest terms are evidence too (rule ``model``)."""
    fired, view = _rule_view(topic, groups)
    raw = view[0] + view[1]
    if _capped_under(topic, view, stack, core):
        return None  # the model's features are not even built
    if not parts:
        item = ItemParts(scans[0].tokens, scans[1].tokens)
        parts.append((item, model.logits(item)))
    name = topic.spec.topic
    score = _combined_score(topic, view, stack, core, parts[0][1])
    if score < stack.threshold:
        return None
    evidence, seen = _rule_evidence(fired)
    names = tuple(rule.name for rule, _ in fired)
    if raw < topic.cutoff or not evidence:
        terms = model.top_terms(parts[0][0], name)
        evidence.extend(
            e for e in term_evidence(scans, terms) if (e.field, e.start, e.end) not in seen
        )
        names += (MODEL_RULE,)
    evidence.sort(key=_reading_order)
    return TopicMatch.model_construct(
        topic=name, score=round(score, 4), evidence=tuple(evidence), rules=names
    )


def _capped_under(topic: CompiledTopic, view: RuleView, stack: Stack, core: bool) -> bool:
    """Whether :func:`_combined_score` caps the score at the rules' own score and that is
    already under the stack's threshold: then no model logit can make the topic tag (the
    capped score is at most the rules' score), and the model's view need not be built."""
    raw = view[0] + view[1]
    return (
        bool(view[2] or not core)
        and raw < topic.cutoff
        and topic.spec.calibration.score(raw) < stack.threshold
    )


def _combined_score(
    topic: CompiledTopic, view: RuleView, stack: Stack, core: bool, logits: list[float]
) -> float:
    """The stack's probability; but where the rules would not tag on their own and
    either recognise a hard negative (see ``RuleView``) or find none of the topic's
    core vocabulary (a flight word alone: "flights delayed by strike"), the model
    cannot overrule them: the score is at most the rules' own score."""
    score = stack.score(view, core, logits)
    raw = view[0] + view[1]
    if (view[2] or not core) and raw < topic.cutoff:
        return min(score, topic.spec.calibration.score(raw))
    return score


def _fire_rules(topic: CompiledTopic, groups: GroupHits) -> list[tuple[Rule, list[Located]]]:
    kept = _masked(topic, groups)
    if kept is None:
        return []
    return _fire_kept(topic, kept)


def _rule_view(topic: CompiledTopic, groups: GroupHits) -> tuple[list[Fired], RuleView]:
    """The rules that fired and what the model's combination reads of them."""
    kept = _masked(topic, groups)
    fired = _fire_kept(topic, kept) if kept is not None else []
    positive = sum(rule.weight for rule, _ in fired if rule.weight > 0)
    negative = sum(rule.weight for rule, _ in fired if rule.weight < 0)
    hard = kept is not groups or any(rule.weight <= STRONG_CONTEXT for rule, _ in fired)
    return fired, (positive, negative, 1.0 if hard else 0.0)


def _fire_kept(topic: CompiledTopic, kept: GroupHits) -> list[Fired]:
    fired: list[tuple[Rule, list[Located]]] = []
    # Group presence is a necessary condition for any rule, context rules too.
    for rule in topic.possible_rules(kept):
        located = rule.fire(kept)
        if located:
            fired.append((rule, located))
    return fired


def _masked(topic: CompiledTopic, groups: GroupHits) -> GroupHits | None:
    """Apply exclusions: None when a veto fired, else the groups minus masked hits."""
    masked: set[tuple[FieldScan, int]] = set()
    for ex in topic.exclusions:
        if ex.near is not None:
            left = groups.get(ex.near[0])
            right = groups.get(ex.near[1])
            if not left or not right:
                continue
            right_set = set(right)
            found = [lh for lh in near_pairs(left, right, ex.within) if lh not in right_set]
        else:
            assert ex.phrases is not None
            found = groups.get(ex.phrases, [])
        if found and ex.veto:
            return None
        for scan, start, end in found:
            masked.update((scan, t) for t in range(start, end))
    if not masked:
        return groups
    kept: GroupHits = {}
    for oid, located in groups.items():
        remaining = [
            (s, a, b) for s, a, b in located if not any((s, t) in masked for t in range(a, b))
        ]
        if remaining:
            kept[oid] = remaining
    return kept


def _rule_evidence(fired: list[Fired]) -> tuple[list[Evidence], set[tuple[str, int, int]]]:
    """The evidence of the rules that fired, and the spans it covers. Each phrase is
    listed once, under the strongest rule it made fire; negative context rules are
    listed in ``rules`` but are not evidence for the topic."""
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for rule, located in sorted(fired, key=lambda rl: -rl[0].weight):
        if rule.weight <= 0:
            break
        evidence.extend(_evidence(located, rule.name, seen))
    return evidence, seen


def _evidence(
    located: Iterable[Located], rule: str, seen: set[tuple[str, int, int]]
) -> list[Evidence]:
    out: list[Evidence] = []
    for scan, first, last in sorted(located, key=lambda lh: (lh[0].name != "title", lh[1])):
        start, end = scan.char_span(first, last)
        key = (scan.name, start, end)
        if key in seen:
            continue
        seen.add(key)
        out.append(span_evidence(scan, start, end, rule))
    return out


def _eval_node(node: Node, by_term: dict[str, list[Located]]) -> tuple[bool, list[Located]]:
    """(matched, supporting hits) for a user query over the hits of its terms."""
    if isinstance(node, Term):
        located = by_term.get(node.phrase, [])
        return bool(located), list(located)
    if isinstance(node, Not):
        matched, _ = _eval_node(node.item, by_term)
        return not matched, []
    if isinstance(node, And):
        out: list[Located] = []
        for item in node.items:
            matched, located = _eval_node(item, by_term)
            if not matched:
                return False, []
            out.extend(located)
        return True, out
    if isinstance(node, Or | AtLeast):
        out = []
        hits = 0
        for item in node.items:
            matched, located = _eval_node(item, by_term)
            if matched:
                hits += 1
                out.extend(located)
        return hits >= (node.count if isinstance(node, AtLeast) else 1), out
    assert isinstance(node, Near)
    _, left = _eval_node(node.left, by_term)
    _, right = _eval_node(node.right, by_term)
    pairs = near_pairs(left, right, node.distance)
    return bool(pairs), pairs
