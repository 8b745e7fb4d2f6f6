"""Multi-pattern phrase matching over folded tokens.

Every phrase of every topic, every entity name and every user-defined query
term is compiled into ONE lexicon, so an item is scanned once whatever the
number of topics. A phrase is a sequence of token patterns written in plain
text: ``"deportation flight*"``. A pattern is

- a word, matched exactly after folding (case and accents do not matter);
- a word ending in ``*``, a prefix (``repatri*`` matches "repatriados");
- a word starting with ``=``, matched case-sensitively against the original
  text (``=ICE`` is the agency, not frozen water);
- ``#``, any number written in digits ("44", "2,000" is two tokens "2" "000").

The scan looks up each token in a memo of "which phrases can start with this
token"; news vocabulary is Zipfian, so after a warm-up almost every lookup is
one dict hit. Candidates are then checked against their remaining patterns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress

from wirewatch_classify.text import Normalised, fold, normalise

Owner = tuple[str, str, str]
"""Who a phrase feeds: (kind, name, part), e.g. ("T", "border-policy", "asylum")."""

_MEMO_LIMIT = 100_000
"""Distinct tokens remembered before the memo is reset (bounds memory: at 500,000 the memo
and the set of tokens that start nothing grew to ~90 MB on a long stream of news; news
vocabulary being Zipfian, the tokens that matter are back in the memo soon after a reset)."""


_HEAD = 3
"""The shortest prefix pattern (``parse_phrase`` rejects shorter ones)."""


class PatternError(ValueError):
    """A phrase that cannot be compiled (empty, or a bare ``*``)."""


@dataclass(frozen=True, slots=True)
class TokenPattern:
    text: str
    """Folded text (the prefix without ``*`` for prefix patterns)."""
    prefix: bool = False
    exact_case: str | None = None
    """For ``=Word`` patterns: the original spelling the token must have."""
    number: bool = False
    """The ``#`` pattern: any token made of digits."""

    def matches(self, token: str) -> bool:
        if self.number:
            return token.isdigit()
        return token.startswith(self.text) if self.prefix else token == self.text


def parse_phrase(phrase: str) -> tuple[TokenPattern, ...]:
    """Compile the text of one phrase into token patterns."""
    patterns: list[TokenPattern] = []
    for raw in phrase.split():
        if raw == "#":
            patterns.append(TokenPattern("#", number=True))
            continue
        exact_case = raw.startswith("=")
        word = raw[1:] if exact_case else raw
        prefix = word.endswith("*")
        if prefix:
            word = word[:-1]
        folded = fold(word).split()
        if not folded:
            raise PatternError(f"empty word in phrase {phrase!r}")
        # Punctuation inside a word ("EE.UU.", "Border-Gavaskar") splits it into
        # several tokens, exactly as the item text will be split.
        for i, piece in enumerate(folded):
            last = i == len(folded) - 1
            if prefix and last and len(piece) < _HEAD:
                raise PatternError(f"prefix {raw!r} in {phrase!r} is shorter than {_HEAD} letters")
            patterns.append(
                TokenPattern(
                    piece,
                    prefix=prefix and last,
                    exact_case=word if exact_case and len(folded) == 1 else None,
                )
            )
    if not patterns:
        raise PatternError("empty phrase")
    return tuple(patterns)


Hit = tuple[int, int, int]
"""One phrase occurrence in a field: (phrase id, first token, end token exclusive)."""


class FieldScan:
    """The tokens of one field, its hits, and (lazily) token spans in the original.

    Hashed by identity: scans are parts of hit keys. A plain slotted class because
    two are built per item."""

    __slots__ = ("_padded", "_spans", "hits", "name", "norm", "tokens")

    def __init__(self, name: str, norm: Normalised, tokens: list[str]) -> None:
        self.name = name
        self.norm = norm
        self.tokens = tokens
        self.hits: list[Hit] = []
        self._spans: list[tuple[int, int]] | None = None
        self._padded: str | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = self.norm.spans()
        return self._spans

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets in the original text of tokens [start, end)."""
        if end - start == 1:  # most hits are one token
            return self.token_span(start)
        return self.token_span(start)[0], self.token_span(end - 1)[1]

    def token_span(self, index: int) -> tuple[int, int]:
        """Original offsets of one token. On the one-to-one fast path a few ``str.find``
        calls locate it without building every token's span."""
        if self._spans is not None or self.norm.offsets is not None:
            return self.spans[index]
        token = self.tokens[index]
        padded = self._padded
        if padded is None:
            padded = self._padded = " " + self.norm.text + " "
        needle = " " + token + " "
        at = -1
        for _ in range(self.tokens[:index].count(token) + 1):
            # Tokens are separated by runs of spaces, so " token " finds whole tokens.
            at = padded.find(needle, at + 1)
        return at, at + len(token)


@dataclass(slots=True)
class _Phrase:
    patterns: tuple[TokenPattern, ...]
    owners: list[int]
    text: str
    needs_case: bool
    anchor: int
    """Index of the pattern the phrase is looked up by (its rarest-looking word)."""
    words: list[str] | None
    """The folded words when every pattern is a plain word (no prefix, no number): the
    phrase occurs where the tokens equal them, one C-level list comparison."""

    @property
    def needs_check(self) -> bool:
        return len(self.patterns) > 1 or self.needs_case


def _anchor(patterns: tuple[TokenPattern, ...]) -> int:
    """The pattern to index a phrase by: a long exact word beats a prefix beats a number.

    Indexing "to their homeland" by "homeland" rather than "to" keeps function
    words out of the lookup entirely (they become "boring" tokens), which is most
    of the scan's cost saved on ordinary news text."""

    def rank(i: int) -> tuple[int, int, int]:
        p = patterns[i]
        kind = 0 if p.number else 1 if p.prefix else 2
        return (kind, len(p.text), -i)

    return max(range(len(patterns)), key=rank)


_Candidate = tuple[int, int]
"""(phrase id, index of its anchor word) of a phrase anchored on a token."""
_Starts = tuple[
    tuple[int, ...],
    tuple[tuple[int, dict[str, tuple[_Candidate, ...]]], ...],
    tuple[_Candidate, ...],
]
"""For one token: the one-token phrases it completes; longer phrases anchored on it,
grouped by the relative position and exact text of one more of their words (so only
phrases whose second word is really there get checked); and the rest."""
_NO_STARTS: _Starts = ((), (), ())


class Lexicon:
    """All phrases, compiled. Each phrase feeds one or more owners (topic groups,
    entities, query terms), identified by small integers for fast bucketing."""

    def __init__(self) -> None:
        self._phrases: list[_Phrase] = []
        self._by_key: dict[tuple[TokenPattern, ...], int] = {}
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._prefix_lengths: tuple[int, ...] = ()
        self._prefix_heads: set[str] = set()
        """The first ``_HEAD`` letters of every prefix pattern (each is at least that long)."""
        self._numeric: list[int] = []
        self._owner_ids: dict[Owner, int] = {}
        self.owner_keys: list[Owner] = []
        self.phrase_owners: list[tuple[int, ...]] = []
        """Owner ids per phrase id (a tuple, for the hot loop)."""
        self._memo: dict[str, _Starts] = {}
        self._boring: set[str] = set()
        """Tokens known to anchor no phrase (bounded like the memo)."""
        self._number_entry: _Starts | None = None

    @property
    def remembered_tokens(self) -> int:
        """Tokens held by the look-up memo and the no-phrase set (each at most the limit)."""
        return len(self._memo) + len(self._boring)

    def owner_id(self, owner: Owner) -> int:
        """The id of ``owner``, allocated on first use."""
        oid = self._owner_ids.get(owner)
        if oid is None:
            oid = len(self.owner_keys)
            self._owner_ids[owner] = oid
            self.owner_keys.append(owner)
        return oid

    def add(self, phrase: str, owner: Owner) -> int:
        """Register ``phrase`` for ``owner``; the same phrase is stored once."""
        patterns = parse_phrase(phrase)
        oid = self.owner_id(owner)
        pid = self._by_key.get(patterns)
        if pid is None:
            pid = len(self._phrases)
            self._by_key[patterns] = pid
            anchor = _anchor(patterns)
            self._phrases.append(
                _Phrase(
                    patterns,
                    [],
                    phrase,
                    any(p.exact_case is not None for p in patterns),
                    anchor,
                    None
                    if any(p.prefix or p.number for p in patterns)
                    else [p.text for p in patterns],
                )
            )
            self.phrase_owners.append(())
            key = patterns[anchor]
            if key.number:
                self._numeric.append(pid)
            else:
                if key.prefix:
                    self._prefix_heads.add(key.text[:_HEAD])
                index = self._prefix if key.prefix else self._exact
                index.setdefault(key.text, []).append(pid)
            self._prefix_lengths = tuple(sorted({len(k) for k in self._prefix}))
            self._memo.clear()
            self._boring.clear()
            self._number_entry = None
        if oid not in self._phrases[pid].owners:
            self._phrases[pid].owners.append(oid)
            self.phrase_owners[pid] = tuple(self._phrases[pid].owners)
        return pid

    def add_all(self, phrases: Iterable[str], owner: Owner) -> list[int]:
        return [self.add(p, owner) for p in phrases]

    def owners(self, phrase_id: int) -> list[Owner]:
        return [self.owner_keys[o] for o in self.phrase_owners[phrase_id]]

    def phrase_text(self, phrase_id: int) -> str:
        return self._phrases[phrase_id].text

    def __len__(self) -> int:
        return len(self._phrases)

    def _starts(self, token: str) -> _Starts:
        """The phrases anchored on ``token`` (memoised; numbers share one entry)."""
        if token.isdigit() and token not in self._exact:
            if self._number_entry is None:
                self._number_entry = self._entry(list(self._numeric))
            if self._number_entry is not _NO_STARTS and len(self._memo) < _MEMO_LIMIT:
                self._memo[token] = self._number_entry
            return self._number_entry
        ids: list[int] = list(self._exact.get(token, ()))
        if token.isdigit():
            ids.extend(self._numeric)
        if token[:_HEAD] in self._prefix_heads:  # most tokens start no prefix pattern
            for length in self._prefix_lengths:
                if length > len(token):
                    break
                ids.extend(self._prefix.get(token[:length], ()))
        result = self._entry(ids)
        if len(self._memo) >= _MEMO_LIMIT or len(self._boring) >= _MEMO_LIMIT:
            self._memo.clear()
            self._boring.clear()
        if result is _NO_STARTS:
            self._boring.add(token)
        else:
            self._memo[token] = result
        return result

    def _entry(self, ids: list[int]) -> _Starts:
        if not ids:
            return _NO_STARTS
        singles: list[int] = []
        keyed: dict[int, dict[str, list[_Candidate]]] = {}
        loose: list[_Candidate] = []
        for pid in ids:
            phrase = self._phrases[pid]
            if not phrase.needs_check:
                singles.append(pid)
                continue
            anchor = phrase.anchor
            other = next(
                (
                    k
                    for k, p in enumerate(phrase.patterns)
                    if k != anchor and not p.prefix and not p.number
                ),
                None,
            )
            if other is None:
                loose.append((pid, anchor))
            else:
                by_word = keyed.setdefault(other - anchor, {})
                by_word.setdefault(phrase.patterns[other].text, []).append((pid, anchor))
        grouped = tuple(
            (offset, {word: tuple(c) for word, c in by_word.items()})
            for offset, by_word in keyed.items()
        )
        return tuple(singles), grouped, tuple(loose)

    def scan(self, name: str, text: str) -> FieldScan:
        """Find every phrase occurrence in one field."""
        return self.scan_fields(((name, text),))[0]

    def scan_fields(self, fields: Iterable[tuple[str, str]]) -> list[FieldScan]:
        """Find every phrase occurrence in each of an item's fields (name, text)."""
        scans: list[FieldScan] = []
        for name, text in fields:
            norm = normalise(text)
            scan = FieldScan(name, norm, norm.text.split())
            scans.append(scan)
            # Most tokens anchor no phrase: drop them with one C-level set difference.
            # ``a - b``, not ``a -= b``: with ``b`` far larger, the in-place form first
            # builds the intersection (nearly every token) and then discards it, while
            # ``a - b`` only builds the few survivors (about twice as fast).
            found = set(scan.tokens) - self._boring
            if found:
                self._scan_field(scan, found)
        return scans

    def _scan_field(self, scan: FieldScan, found: set[str]) -> None:
        """Add the hits of the phrases anchored on the field's tokens in ``found``."""
        memo_get = self._memo.get
        entries: dict[str, _Starts] = {}
        for token in found:
            entry = memo_get(token)
            if entry is None:
                entry = self._starts(token)
            if entry is not _NO_STARTS:
                entries[token] = entry
        if not entries:
            return
        tokens = scan.tokens
        hits = scan.hits
        n = len(tokens)
        # One pass over the tokens finds every occurrence (``list.count`` and
        # ``list.index`` per anchor compared every token's text again for each anchor),
        # in C: the positions whose token is in ``entries``.
        for i in compress(range(n), map(entries.__contains__, tokens)):
            singles, keyed, loose = entries[tokens[i]]
            for pid in singles:
                hits.append((pid, i, i + 1))
            for offset, by_word in keyed:
                j = i + offset
                if 0 <= j < n:
                    candidates = by_word.get(tokens[j])
                    if candidates:
                        self._check_anchored(scan, i, candidates)
            if loose:
                self._check_anchored(scan, i, loose)

    def _check_anchored(self, scan: FieldScan, i: int, candidates: tuple[_Candidate, ...]) -> None:
        """Check phrases whose anchor word sits at token ``i``."""
        tokens = scan.tokens
        n = len(tokens)
        for pid, anchor in candidates:
            phrase = self._phrases[pid]
            patterns = phrase.patterns
            start = i - anchor
            end = start + len(patterns)
            if start < 0 or end > n:
                continue
            words = phrase.words
            if (
                tokens[start:end] == words
                if words is not None
                else all(
                    k == anchor or patterns[k].matches(tokens[start + k])
                    for k in range(len(patterns))
                )
            ):
                if phrase.needs_case and not self._case_ok(scan, pid, start):
                    continue
                scan.hits.append((pid, start, end))

    def _case_ok(self, scan: FieldScan, pid: int, start: int) -> bool:
        patterns = self._phrases[pid].patterns
        original = scan.norm.original
        # Cheap rejection first: "us" is common, "US" much rarer; only compute the
        # token spans when the exact spelling occurs somewhere in the field.
        if any(p.exact_case is not None and p.exact_case not in original for p in patterns):
            return False
        for k, pattern in enumerate(patterns):
            if pattern.exact_case is None:
                continue
            begin, end = scan.token_span(start + k)
            if original[begin:end] != pattern.exact_case:
                return False
        return True
