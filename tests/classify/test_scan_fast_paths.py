"""Stop 31's classifier shortcuts give what the plain versions give, on the dev items.

The whole classifier's outputs are compared with main's by ``bench/classify_identity.py``
(digests of every labelled item and the feed corpus); these check each shortcut alone."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from wirewatch_classify import engine
from wirewatch_classify.engine import Classifier
from wirewatch_classify.features import ItemParts, fold_number, pairs
from wirewatch_classify.lexicon import FieldScan, Lexicon, TokenPattern, parse_phrase
from wirewatch_classify.text import normalise

DEV = Path(__file__).resolve().parents[1] / "data" / "classify_dev.jsonl"


@pytest.fixture(scope="module")
def items() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [(str(r["title"]), str(r["summary"])) for r in rows]


def _patterns(lexicon: Lexicon) -> list[tuple[TokenPattern, ...]]:
    return [parse_phrase(lexicon.phrase_text(pid)) for pid in range(len(lexicon))]


def _plain_hits(
    phrases: list[tuple[TokenPattern, ...]], scan: FieldScan
) -> set[tuple[int, int, int]]:
    """Every phrase tried at every position with its patterns (case rule included)."""
    found: set[tuple[int, int, int]] = set()
    tokens = scan.tokens
    for pid, patterns in enumerate(phrases):
        for start in range(len(tokens) - len(patterns) + 1):
            if all(p.matches(tokens[start + k]) for k, p in enumerate(patterns)):
                exact = [(k, p.exact_case) for k, p in enumerate(patterns) if p.exact_case]
                if all(
                    scan.norm.original[slice(*scan.token_span(start + k))] == case
                    for k, case in exact
                ):
                    found.add((pid, start, start + len(patterns)))
    return found


def test_scan_finds_what_plain_matching_finds(
    classifier: Classifier, items: list[tuple[str, str]]
) -> None:
    """Anchors located in C and plain-word phrases compared as lists find every phrase
    occurrence that trying each phrase at each position finds, and no other."""
    lexicon = classifier.lexicon
    phrases = _patterns(lexicon)
    for title, summary in items[:20]:
        for scan in lexicon.scan_fields((("title", title), ("summary", summary))):
            assert set(scan.hits) == _plain_hits(phrases, scan)


def test_possible_rules_are_the_rules_whose_groups_are_present(
    classifier: Classifier, items: list[tuple[str, str]]
) -> None:
    for title, summary in items:
        groups = classifier._scan(title, summary)
        for topic in classifier._compiled.values():
            plain = tuple(r for r in topic.rules if r.possible(groups))
            assert topic.possible_rules(groups) == plain
            assert topic.possible_rules(groups) == plain  # memoised: the same again


def test_remembered_entities_equal_freshly_built(
    classifier: Classifier, items: list[tuple[str, str]]
) -> None:
    for title, summary in items:
        found = [
            oid for oid in classifier._scan(title, summary) if classifier._owner_kind[oid] == "E"
        ]
        if found:
            assert classifier._entities(found) == classifier._build_entities(found)
            assert classifier._entities(found[::-1]) == classifier._build_entities(found)


def test_char_span_of_one_token_is_its_token_span(items: list[tuple[str, str]]) -> None:
    for _, summary in items:
        norm = normalise(summary)
        scan = FieldScan("summary", norm, norm.text.split())
        spans = norm.spans()
        for i in range(len(scan.tokens)):
            assert scan.char_span(i, i + 1) == spans[i]
            if i:
                assert scan.char_span(i - 1, i + 1) == (spans[i - 1][0], spans[i][1])


def test_pairs_are_the_plain_pairs(items: list[tuple[str, str]]) -> None:
    """With or without digits in the field (the shortcut skips the fold without)."""
    for title, summary in items:
        for text in (title, summary, f"{title} 2024 flight 118"):
            field = normalise(text).text.split()
            folded = [fold_number(t) for t in field]
            assert pairs(field) == set(pairwise(folded))


def test_capped_under_never_tags(classifier: Classifier, items: list[tuple[str, str]]) -> None:
    """Stop 34: where the model path skips the model (``_capped_under``), the combined
    score it would have computed is under the stack's threshold (so the topic would not
    have tagged), on every dev item and model topic; and it skips for some."""
    assert classifier.model is not None
    skipped = 0
    for title, summary in items:
        groups = classifier._scan(title, summary)
        parts = ItemParts.of(title, summary)
        logits = classifier.model.logits(parts)
        for name, stack in classifier._stacks.items():
            topic = classifier._compiled[name]
            _, view = engine._rule_view(topic, groups)
            core = not classifier._cores[name].isdisjoint(groups.keys())
            if engine._capped_under(topic, view, stack, core):
                skipped += 1
                score = engine._combined_score(topic, view, stack, core, logits)
                assert score < stack.threshold
    assert skipped > 0
