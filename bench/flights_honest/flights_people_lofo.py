"""Leave-one-file-out measure of a learned people arbiter beside HONEST rules cues (issue 15,
stop 33; the protocol of the stop-32 origin arbiter, ``origin_model.diff``'s
``flights_origin_lofo.py``). Study only: no product code.

A logistic ranker over the numbers an item's title and lede give (the extractor's own
parser, ``numbers.numbers`` through ``extract._parts``; one candidate per value) plus a
"null" candidate (no head count). Features per value: the source of its mentions (title /
lede), the three words before and two after each mention, a people noun or a demonym right
after it, digits or words, first number of its part, in the first sentence, magnitude,
roundness, a year or a day of the month, rank of first mention, how many mentions, largest /
smallest of the item's figures, larger or smaller than the rules' figure, being the rules'
pick (the rules' pick is a candidate even when today's parser does not read it), the rules
null, language. The rules' pick is the HONEST one (the rules before they were tuned on the
file) in training and on the held-out file; at run time it would be today's.

Arbitration: the rules' people stands unless the ranker's best candidate differs from it with
probability at least the threshold of the rules' case (``null``: the rules gave no number;
``named``) and above the rules' own candidate. For each held-out file, C (``C_GRID``) and the
thresholds (``GRID``, a threshold kept only if it puts >= ``MIN_GAIN`` reports right net) are
chosen by grouped out-of-fold figures (``training.fold_of``) on the other files, then the
ranker is refitted on all of them. Held-out people over the file's true reports (a report the
honest rules missed counts wrong either way).

    .venv/bin/python -W ignore bench/flights_honest/flights_people_lofo.py   # writes its .json
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from wirewatch_flights.numbers import trailing_zeros
from wirewatch_flights.parts import Part, item_parts, spanish
from wirewatch_flights.training import (
    HONEST_CUES,
    JUDGES,
    MIN_GAIN,
    NEVER,
    fold_of,
    load_cues,
    studied_files,
)

OUT = Path(__file__).with_suffix(".json")
ROOT = Path(__file__).resolve().parents[2]
NEWEST = ("flights_ashfall.jsonl", "flights_aurora.jsonl", "flights_daybreak.jsonl",
          "flights_sundown.jsonl")  # fmt: skip
C_GRID = (0.25, 1.0, 4.0)
CASES = ("null", "named")
WINDOW = 40
BEFORE, AFTER = 3, 2
_WORD = re.compile(r"[^\W\d_]+")
_NOUN = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:migrants?|migrantes?|inmigrantes?|immigrants?|deportees?|"
    r"deportad[oa]s|personas|people|persons|nationals|nacionales|connacionales|ciudadan[oa]s|"
    r"citizens|passengers|pasajeros|returnees|retornad[oa]s|repatriad[oa]s|expulsad[oa]s|"
    r"detainees|detenid[oa]s|individuals|foreigners|extranjer[oa]s|asylum|refugees|men|women|"
    r"hombres|mujeres|children|ninos|menores|adults|adultos)\b"
)
"""A generic people noun within three words after a number (a fixed list written for this
study, not the rules' tuned ``cues.PEOPLE_NOUN``)."""
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|enero|febrero|marzo|abril|mayo|"
    r"junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)


@dataclass(frozen=True, slots=True)
class Variant:
    """One version of the ranker, measured in the order they were written."""

    name: str
    share: bool
    """Probabilities as shares of the item's candidates (else each candidate's own)."""
    grid: tuple[float, ...]
    extra: bool = False
    """Word pairs before and after each mention, and the sum of two counted groups joined
    by "and / y" as a candidate."""
    honest_parser: bool = False
    """Candidates from the number parser as it stood with the honest rules of each file
    (``numbers.py`` at its ``rules_of`` commit), not today's, which was tuned on the files."""


SHARE_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
VARIANTS = (
    Variant("v1 own probabilities, grid 0.5-0.9", False, (0.5, 0.6, 0.7, 0.8, 0.9)),
    Variant("v2 shares, grid 0.3-0.9", True, (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)),
    Variant("v3 v2 + word pairs + sums of two groups", True, SHARE_GRID, True),
    Variant("v3h v3, candidates from each file's honest parser", True, SHARE_GRID, True, True),
)
_AND = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:,|,?\s*and|,?\s*y|e)\s*$")


@dataclass(frozen=True, slots=True)
class Example:
    file: str
    id: str
    gold: int | None
    rules: int | None
    values: list[int | None]
    rows: list[dict[str, float]]
    parsed: bool
    """The rules' pick is among today's parsed values (or null)."""


def case(rules: int | None) -> str:
    return "null" if rules is None else "named"


def _mention(
    part: Part, start: int, end: int, demonyms: Sequence[int], extra: bool
) -> dict[str, float]:
    folded = part.folded
    f: dict[str, float] = {f"src:{part.source}": 1.0}
    before = _WORD.findall(folded[max(0, start - WINDOW) : start])[-BEFORE:]
    for k, word in enumerate(reversed(before)):
        f[f"b{k}:{word}"] = 1.0
        f[f"b:{word}"] = 1.0
    after_text = folded[end : end + WINDOW]
    after = _WORD.findall(after_text)[:AFTER]
    for k, word in enumerate(after):
        f[f"a{k}:{word}"] = 1.0
    if extra:
        f["bb:" + " ".join(before[-2:])] = 1.0
        f["aa:" + " ".join(after)] = 1.0
    if _NOUN.match(after_text):
        f["noun_after"] = 1.0
    if any(end < s <= end + 25 for s in demonyms):
        f["demonym_after"] = 1.0
    f["digits" if part.text[start : start + 1].isdigit() else "words"] = 1.0
    if "." not in folded[:start].replace("..", ""):
        f[f"sentence0:{part.source}"] = 1.0
    if _MONTH.search(folded[max(0, start - 15) : end + 15]):
        f["month_near"] = 1.0
    return f


def _value_feats(value: int, rules: int | None) -> dict[str, float]:
    mag = 0 if value < 4 else 1 if value < 10 else 2 if value < 100 else 3 if value < 1000 else 4
    f = {f"mag:{mag if value < 10_000 else 5}": 1.0, f"zeros:{min(trailing_zeros(value), 3)}": 1.0}
    if 1900 <= value <= 2100:
        f["yearlike"] = 1.0
    if rules is not None and value != rules:
        f["lt_rules" if value < rules else "gt_rules"] = 1.0
    return f


def _sums(part: Part, counted: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    """Two counted groups joined by "and / y" ("43 colombianos y siete peruanos"): their sum."""
    out: dict[int, dict[str, float]] = {}
    nums = part.numbers
    for a, b in pairwise(nums):
        fa, fb = counted.get(a.start), counted.get(b.start)
        if fa is None or fb is None or not _AND.match(part.folded[a.end : b.start]):
            continue
        f = out.setdefault(a.value + b.value, {})
        f |= {"sum": 1.0, f"sum:{part.source}": 1.0}
        f |= {f"sum_{k}": v for k, v in fb.items() if k.startswith(("a0:", "demonym", "noun"))}
    return out


def _by_value(parts: Sequence[Part], extra: bool) -> dict[int, dict[str, float]]:
    """Each distinct parsed value (in order of first mention) -> its mentions' features."""
    feats: dict[int, dict[str, float]] = {}
    sums: dict[int, dict[str, float]] = {}
    for part in parts:
        demonyms = [m.start for m in part.mentions if m.entry.kind == "people"]
        counted: dict[int, dict[str, float]] = {}
        for i, n in enumerate(part.numbers):
            f = feats.setdefault(n.value, {})
            one = _mention(part, n.start, n.end, demonyms, extra)
            if "noun_after" in one or "demonym_after" in one:
                counted[n.start] = one
            for k, v in one.items():
                f[k] = max(f.get(k, 0.0), v)
            if i == 0:
                f[f"first:{part.source}"] = 1.0
            f["n"] = f.get("n", 0.0) + 0.25
        if extra:
            sums |= _sums(part, counted)
    for value, f in sums.items():
        feats.setdefault(value, {}).update(f)
    return feats


def candidates(
    parts: Sequence[Part], rules: int | None, spanish: bool, extra: bool = False
) -> tuple[list[int | None], list[dict[str, float]]]:
    """Each distinct parsed value (in order of first mention) and the null candidate, with
    features; the rules' pick is a candidate even when the parser does not read it."""
    feats = _by_value(parts, extra)
    if rules is not None and rules not in feats:
        feats[rules] = {"unparsed": 1.0}
    lang = "lang:es" if spanish else "lang:en"
    own = "rules_null" if rules is None else "not_rules"
    counted = [v for v, f in feats.items() if "noun_after" in f or "demonym_after" in f]
    values: list[int | None] = list(feats)
    rows: list[dict[str, float]] = []
    for rank, value in enumerate(feats):
        f = feats[value] | _value_feats(value, rules)
        f |= {f"rank:{min(rank, 4)}": 1.0, lang: 1.0, "cand:number": 1.0}
        f["is_rules" if value == rules else own] = 1.0
        if counted:
            f |= {"max_counted": 1.0} if value == max(counted) else {}
            f |= {"min_counted": 1.0} if value == min(counted) else {}
        if value == rules:
            f.update({f"R{k}": v for k, v in list(f.items()) if k.startswith(("a0:", "b0:"))})
        rows.append(f)
    null = {"cand:null": 1.0, lang: 1.0, f"ncand:{min(len(feats), 4)}": 1.0}
    null["is_rules" if rules is None else "not_rules"] = 1.0
    null["null:counted" if counted else "null:none_counted"] = 1.0
    values.append(None)
    rows.append(null)
    return values, rows


@cache
def _old_parser(commit: str) -> Callable[[str], list[Any]]:
    """``numbers.numbers`` as it stood at ``commit`` (a pure module: re and text2num only)."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:services/flights/wirewatch_flights/numbers.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType(f"numbers_{commit}")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, module.__name__, "exec"), module.__dict__)
    return module.numbers  # type: ignore[no-any-return]


def load_examples(files: Sequence[Path], cues: dict[str, Any], v: Variant) -> list[Example]:
    """Every true report of the files that the honest rules found."""
    out: list[Example] = []
    for path in files:
        if path.name in JUDGES:
            raise ValueError(f"{path.name} is a judge set: never read")
        rows = {r["id"]: r for r in cues[path.name]["items"]}
        old = _old_parser(cues[path.name]["rules_of"]) if v.honest_parser else None
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            gold, row = obj.get("flight"), rows[obj["id"]]
            if not gold or not row["record"]:
                continue
            title, summary = str(obj.get("title") or ""), str(obj.get("summary") or "")
            parts = item_parts(title, summary)
            if old is not None:
                parts = [replace(p, numbers=tuple(old(p.text))) for p in parts]
            rules = None if row["people"] is None else int(row["people"])
            parsed = rules is None or any(n.value == rules for p in parts for n in p.numbers)
            values, feats = candidates(parts, rules, spanish(title, summary), v.extra)
            g = None if gold["people"] is None else int(gold["people"])
            out.append(Example(path.name, obj["id"], g, rules, values, feats, parsed))
    return out


def decide(e: Example, probs: Sequence[float], thresholds: dict[str, float]) -> int | None:
    """The people after arbitration."""
    best = max(range(len(probs)), key=lambda i: (probs[i], -i))
    if e.values[best] == e.rules or probs[best] < thresholds[case(e.rules)]:
        return e.rules
    own = probs[e.values.index(e.rules)]
    return e.values[best] if probs[best] > own else e.rules


@dataclass
class Fitted:
    vec: Any
    model: Any
    c: float
    thresholds: dict[str, float]


def _fit(examples: Sequence[Example], c: float) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for e in examples for f in e.rows])
    y = [int(v == e.gold) for e in examples for v in e.values]
    return vec, LogisticRegression(C=c, max_iter=2000).fit(x, y)


def probs_of(vec: Any, model: Any, examples: Sequence[Example], share: bool) -> list[list[float]]:
    """Each candidate's probability (``share``: as a share of its item's candidates)."""
    if not examples:
        return []
    p = model.predict_proba(vec.transform([f for e in examples for f in e.rows]))[:, 1]
    out, k = [], 0
    for e in examples:
        row = [float(x) for x in p[k : k + len(e.rows)]]
        k += len(e.rows)
        out.append([x / sum(row) for x in row] if share else row)
    return out


def choose_thresholds(
    probs: Sequence[Sequence[float]], examples: Sequence[Example], grid: Sequence[float]
) -> tuple[dict[str, float], int]:
    """Per case, the threshold with the most reports put right (net), if >= MIN_GAIN; ties:
    the higher one. Also the total net gain."""
    chosen: dict[str, float] = {}
    total = 0
    for name in CASES:
        best = (0, NEVER)
        for t in grid:
            ths = dict.fromkeys(CASES, t)
            gain = sum(
                int(decide(e, p, ths) == e.gold) - int(e.rules == e.gold)
                for p, e in zip(probs, examples, strict=True)
                if case(e.rules) == name
            )
            if gain > best[0] or (gain == best[0] and gain >= MIN_GAIN and t > best[1]):
                best = (gain, t)
        chosen[name] = best[1] if best[0] >= MIN_GAIN else NEVER
        total += best[0] if best[0] >= MIN_GAIN else 0
    return chosen, total


def _log_loss(probs: Sequence[Sequence[float]], examples: Sequence[Example]) -> float:
    loss = 0.0
    for p, e in zip(probs, examples, strict=True):
        for q, v in zip(p, e.values, strict=True):
            q = min(max(q, 1e-9), 1 - 1e-9)
            loss -= math.log(q if v == e.gold else 1 - q)
    return loss


def fit(examples: Sequence[Example], v: Variant) -> Fitted:
    """C and thresholds by grouped out-of-fold figures, then the ranker on every example."""
    groups = fold_of([e.file for e in examples])
    best: tuple[int, float, float, dict[str, float]] | None = None
    for c in C_GRID:
        probs: list[list[float]] = [[] for _ in examples]
        for fold in sorted(set(groups.values())):
            test = [i for i, e in enumerate(examples) if groups[e.file] == fold]
            vec, model = _fit([e for e in examples if groups[e.file] != fold], c)
            chunk = probs_of(vec, model, [examples[i] for i in test], v.share)
            for i, p in zip(test, chunk, strict=True):
                probs[i] = p
        ths, gain = choose_thresholds(probs, examples, v.grid)
        loss = _log_loss(probs, examples)
        if best is None or gain > best[0] or (gain == best[0] and loss < best[1]):
            best = (gain, loss, c, ths)
    assert best is not None
    vec, model = _fit(examples, best[2])
    return Fitted(vec, model, best[2], best[3])


def measure(v: Variant, files: Sequence[Path], cues: dict[str, Any]) -> dict[str, Any]:
    """The LOFO figures of one variant."""
    examples = load_examples(files, cues, v)
    out: dict[str, Any] = {}
    moved = dict.fromkeys(("put_right", "put_wrong", "wrong_to_wrong", "right_unparsed"), 0)
    ids: dict[str, list[str]] = {"ids_put_right": [], "ids_put_wrong": []}
    for path in files:
        name = path.name
        test = [e for e in examples if e.file == name]
        fitted = fit([e for e in examples if e.file != name], v)
        rules = model = 0
        for e, p in zip(test, probs_of(fitted.vec, fitted.model, test, v.share), strict=True):
            got = decide(e, p, fitted.thresholds)
            rules += e.rules == e.gold
            model += got == e.gold
            moved["put_right"] += got == e.gold and e.rules != e.gold
            moved["put_wrong"] += got != e.gold and e.rules == e.gold
            moved["wrong_to_wrong"] += got not in (e.gold, e.rules)
            moved["right_unparsed"] += got == e.gold and e.rules != e.gold and not e.parsed
            if (got == e.gold) != (e.rules == e.gold):
                ids["ids_put_right" if got == e.gold else "ids_put_wrong"].append(e.id)
        reports = cues[name]["first_read"]["reports"]
        out[name] = {"reports": reports, "rules": rules, "model": model}
        out[name] |= {"c": fitted.c, "thresholds": fitted.thresholds}
        print(v.name, name, out[name], file=sys.stderr, flush=True)
    keys = ("reports", "rules", "model")
    return {
        "total": {k: sum(int(x[k]) for x in out.values()) for k in keys},
        "newest_four": {k: sum(int(out[n][k]) for n in NEWEST) for k in keys},
        **moved,
        **ids,
        "files_up": sorted(n for n, x in out.items() if x["model"] > x["rules"]),
        "files_down": sorted(n for n, x in out.items() if x["model"] < x["rules"]),
        "files": out,
    }


def main() -> None:
    cues = load_cues(HONEST_CUES)
    files = studied_files(Path("tests/data"), cues)
    result: dict[str, Any] = {
        "note": "right_unparsed: put right where the honest rules' figure is not a number "
        "today's parser reads (a parser fix made on the studied files: in sample)",
        **{v.name: measure(v, files, cues) for v in VARIANTS},
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for v in VARIANTS:
        brief = {k: x for k, x in result[v.name].items() if k != "files"}
        print(v.name, json.dumps(brief))


if __name__ == "__main__":
    main()
