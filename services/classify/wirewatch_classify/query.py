"""Boolean keyword queries for user-defined topics.

Syntax (operators are UPPER-CASE; anything else is a search word)::

    query  := or
    or     := and ("OR" and)*
    and    := not ("AND"? not)*          adjacent terms are AND-ed
    not    := "NOT" not | near
    near   := atom ("NEAR" | "NEAR/n" atom)*     default n = 5, 1 <= n <= 50
    atom   := word | "quoted phrase" | "(" or ")" | "ATLEAST/n" "(" near+ ")"

A word ending in ``*`` is a prefix (``deport*``); words match after folding
(case and accents do not matter). ``a NEAR/3 b`` matches when at most 3 words
separate an occurrence of ``a`` from one of ``b`` in the same field.
``ATLEAST/2 (border asylum frontera)`` matches when at least 2 of the listed
words, phrases or NEAR pairs occur (Lucene's "minimum should match"); it is what a
topic defined by example items compiles to (:mod:`wirewatch_classify.like`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch_classify.lexicon import PatternError, parse_phrase
from wirewatch_classify.text import abbreviation_variant

DEFAULT_NEAR = 5
MAX_NEAR = 50
MAX_QUERY_LENGTH = 2000
MAX_AT_LEAST = 50


class QuerySyntaxError(ValueError):
    """A query that does not parse; ``position`` is the 0-based character offset."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


@dataclass(frozen=True, slots=True)
class Term:
    phrase: str


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class Near:
    left: Node
    right: Node
    distance: int


@dataclass(frozen=True, slots=True)
class AtLeast:
    count: int
    items: tuple[Node, ...]


Node = Term | And | Or | Not | Near | AtLeast

_TOKEN = re.compile(
    r"""(?:
        (?P<lparen>\()
      | (?P<rparen>\))
      | "(?P<phrase>[^"]*)(?P<closed>")?
      | (?P<near>NEAR(?:/(?P<dist>[^\s()"]*))?)(?=[\s()"]|$)
      | (?P<atleast>ATLEAST(?:/(?P<count>[^\s()"]*))?)(?=[\s()"]|$)
      | (?P<op>AND|OR|NOT)(?=[\s()"]|$)
      | (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    value: str
    pos: int


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while True:
        while pos < len(query) and query[pos].isspace():
            pos += 1
        if pos >= len(query):
            break
        m = _TOKEN.match(query, pos)
        if m is None:  # pragma: no cover - the word alternative matches anything else
            raise QuerySyntaxError("unexpected character", pos)
        start = pos
        if m.group("lparen"):
            toks.append(_Tok("(", "(", start))
        elif m.group("rparen"):
            toks.append(_Tok(")", ")", start))
        elif m.group("phrase") is not None:
            if m.group("closed") is None:
                raise QuerySyntaxError("unterminated quoted phrase", m.start("phrase") - 1)
            if not m.group("phrase").strip():
                raise QuerySyntaxError("empty quoted phrase", m.start("phrase") - 1)
            toks.append(_Tok("term", m.group("phrase"), start))
        elif m.group("near"):
            dist = m.group("dist")
            if dist is None:
                toks.append(_Tok("near", str(DEFAULT_NEAR), start))
            elif not dist.isdigit() or not 1 <= int(dist) <= MAX_NEAR:
                raise QuerySyntaxError(
                    f"NEAR/{dist}: the distance must be a whole number from 1 to {MAX_NEAR}",
                    start,
                )
            else:
                toks.append(_Tok("near", dist, start))
        elif m.group("atleast"):
            count = m.group("count") or ""
            if not count.isdigit() or not 1 <= int(count) <= MAX_AT_LEAST:
                raise QuerySyntaxError(
                    f"ATLEAST/{count}: the count must be a whole number from 1 to {MAX_AT_LEAST}",
                    start,
                )
            toks.append(_Tok("atleast", count, start))
        elif m.group("op"):
            toks.append(_Tok(m.group("op"), m.group("op"), start))
        else:
            toks.append(_Tok("term", m.group("word"), start))
        pos = m.end()
    return toks


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = _lex(query)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def end_pos(self) -> int:
        return len(self.query.rstrip())

    def parse(self) -> Node:
        if not self.toks:
            raise QuerySyntaxError("the query is empty", 0)
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:
            if tok.kind == ")":
                raise QuerySyntaxError("')' without a matching '('", tok.pos)
            raise QuerySyntaxError(f"unexpected {tok.value!r}", tok.pos)  # pragma: no cover
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_not()]
        while (tok := self.peek()) is not None and tok.kind in ("AND", "NOT", "term", "("):
            if tok.kind == "AND":
                self.take()
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_not(self) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == "NOT":
            self.take()
            return Not(self.parse_not())
        return self.parse_near()

    def parse_near(self) -> Node:
        left = self.parse_atom()
        while (tok := self.peek()) is not None and tok.kind == "near":
            self.take()
            right = self.parse_atom()
            for side in (left, right):
                if not _positional(side):
                    raise QuerySyntaxError(
                        "NEAR needs words, phrases or OR-groups of them on both sides",
                        tok.pos,
                    )
            left = Near(left, right, int(tok.value))
        return left

    def parse_atom(self) -> Node:
        tok = self.peek()
        if tok is None:
            previous = self.toks[self.i - 1]
            raise QuerySyntaxError(
                f"the query ends after {previous.value!r}: a word or phrase is missing",
                self.end_pos(),
            )
        if tok.kind == "(":
            self.take()
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QuerySyntaxError("'(' is never closed", tok.pos)
            self.take()
            return node
        if tok.kind == "atleast":
            return self.parse_at_least()
        if tok.kind == "term":
            self.take()
            try:
                parse_phrase(tok.value)
            except PatternError as exc:
                raise QuerySyntaxError(str(exc), tok.pos) from exc
            return term_node(tok.value)
        if tok.kind == ")":
            raise QuerySyntaxError("')' where a word or phrase was expected", tok.pos)
        raise QuerySyntaxError(f"{tok.value!r} where a word or phrase was expected", tok.pos)

    def parse_at_least(self) -> Node:
        tok = self.take()
        count = int(tok.value)
        open_ = self.peek()
        if open_ is None or open_.kind != "(":
            raise QuerySyntaxError(f"ATLEAST/{count} needs a '(' list of words after it", tok.pos)
        self.take()
        items: list[Node] = []
        while (nxt := self.peek()) is not None and nxt.kind != ")":
            items.append(self.parse_near())
        if nxt is None:
            raise QuerySyntaxError("'(' is never closed", open_.pos)
        self.take()
        if count > len(items):
            raise QuerySyntaxError(
                f"ATLEAST/{count} lists only {len(items)} word(s) or phrase(s)", tok.pos
            )
        return AtLeast(count, tuple(items))


def term_node(phrase: str) -> Node:
    """A searched phrase, or it OR its other spelling ("EE.UU." and "EEUU": Spanish
    writes a plural abbreviation three ways; see :func:`abbreviation_variant`)."""
    variant = abbreviation_variant(phrase)
    return Term(phrase) if variant is None else Or((Term(phrase), Term(variant)))


def _positional(node: Node) -> bool:
    if isinstance(node, Term | Near):
        return True
    if isinstance(node, Or):
        return all(_positional(i) for i in node.items)
    return False


def _has_positive(node: Node) -> bool:
    if isinstance(node, Term | Near):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_has_positive(i) for i in node.items)
    if isinstance(node, AtLeast):
        return sum(_has_positive(i) for i in node.items) >= node.count
    return all(_has_positive(i) for i in node.items)


def parse_query(query: str) -> Node:
    """Parse and validate a query; raises :class:`QuerySyntaxError` saying where and why."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(f"the query is longer than {MAX_QUERY_LENGTH} characters", 0)
    node = _Parser(query).parse()
    if not _has_positive(node):
        if _may_occur(node):
            raise QuerySyntaxError(
                "a NOT alone as an OR (or ATLEAST) choice would match every item without "
                "that word: write 'a AND NOT b', or give every choice a word that must occur",
                0,
            )
        raise QuerySyntaxError(
            "the query only excludes (NOT ...): it needs at least one word that must occur", 0
        )
    return node


def _may_occur(node: Node) -> bool:
    """Whether any term lies outside every NOT (a word the query looks for)."""
    if isinstance(node, Term | Near):
        return True
    if isinstance(node, Not):
        return False
    return any(_may_occur(n) for n in node.items)


_OPERATOR_WORD = re.compile(r"(?:and|or|not|near(?:/\S*)?|atleast(?:/\S*)?)", re.IGNORECASE)


def check_operator_case(query: str) -> None:
    """Refuse an operator written as an unquoted word not in capitals (``putin or
    trump``): it would be searched as a word, so the topic silently matches next to
    nothing (or, for ``not``, the opposite of what was meant). New definitions only:
    stored ones keep loading."""
    for tok in _lex(query):
        if tok.kind != "term" or query[tok.pos] == '"':
            continue
        if _OPERATOR_WORD.fullmatch(tok.value) and tok.value != tok.value.upper():
            raise QuerySyntaxError(
                f"{tok.value!r} would be searched as a word: write {tok.value.upper()} for "
                f'the operator, or put "{tok.value}" in quotes to search the word',
                tok.pos,
            )


def min_terms(node: Node) -> int:
    """How many distinct terms an item must contain, at least, for ``node`` to match.

    A cheap bound checked before the query is evaluated: with many user topics most of
    those an item touches share one common word with it (``ATLEAST/4`` of fifteen words
    seen once). Terms shared between branches count once, so the bound never exceeds
    the truth."""
    return _bound(node)[0]


def _bound(node: Node) -> tuple[int, frozenset[str]]:
    if isinstance(node, Term):
        return 1, frozenset((node.phrase,))
    if isinstance(node, Not):
        return 0, frozenset(terms(node.item))
    parts = [_bound(n) for n in node.items] if not isinstance(node, Near) else []
    if isinstance(node, Near):
        parts = [_bound(node.left), _bound(node.right)]
    every = frozenset().union(*(p[1] for p in parts))
    disjoint = sum(len(p[1]) for p in parts) == len(every)
    if isinstance(node, Or):
        return min(p[0] for p in parts), every
    if isinstance(node, AtLeast):
        smallest = sorted(p[0] for p in parts)[: node.count]
        return (sum(smallest) if disjoint else smallest[-1]), every
    # And, Near: every part must match.
    needs = [p[0] for p in parts]
    return (sum(needs) if disjoint else max(needs)), every


def terms(node: Node) -> list[str]:
    """Every phrase the query looks for, in order, without duplicates."""
    out: list[str] = []

    def walk(n: Node) -> None:
        if isinstance(n, Term):
            if n.phrase not in out:
                out.append(n.phrase)
        elif isinstance(n, And | Or | AtLeast):
            for i in n.items:
                walk(i)
        elif isinstance(n, Not):
            walk(n.item)
        else:
            walk(n.left)
            walk(n.right)

    walk(node)
    return out
