"""Stop 48's count (stround48, before RULE.md): scored pairs whose headlines reverse each other.

    .venv/bin/python bench/stories_round48/reversal_count_stround48.py \
        > bench/stories_round48/reversal_count48.txt

Main's code and shipped table: every pair the clusterer scores while clustering each studied
file in publication order, whose two headlines have opposite directions by the words of
RULE.md (read here by this script's own patterns: main has no such cue), tallied by one story
or two, a day apart or less, and similarity from the threshold 0.14; the pairs from 0.1 listed.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.lexicon import fold
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.scoring import Scorer

HALT = (
    "closes closed closing shut shuts blocks blocked blocking suspends suspended suspending halts"
    " halted halting cierra cierran cerro cerraron cerrara cerrar bloquea bloquean bloquearon"
    " bloqueara bloquear suspende suspenden suspendio suspendieron suspender"
)
OPEN = (
    "reopen reopens reopened reopening lift lifts lifted lifting allow allows allowed allowing"
    " resume resumes resumed resuming unblock unblocks unblocked reabre reabren reabrio reabrira"
    " reabrir levanta levantan levanto levantar permite permiten permitio permitir reanuda"
    " reanudan reanudo reanudar autoriza autorizan autorizo autorizar"
)
NEGATION = (
    "not no never nunca wont refuse refuses refused decline declines declined reject rejects"
    " rejected niega niegan nego rechaza rechazan rechazo"
)


def words(spaced: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(spaced.split())})\b")


_HALT, _OPEN = words(HALT), words(OPEN)
_NEGATION = re.compile(rf"\b(?:{'|'.join(NEGATION.split())}|\w+n['\u2019]t)\b")


def direction(title: str) -> str:
    text = fold(title)
    if _NEGATION.search(text):
        return ""
    halt, opening = bool(_HALT.search(text)), bool(_OPEN.search(text))
    return "halt" if halt and not opening else "open" if opening and not halt else ""


@dataclass
class _File:
    """The file being clustered: its name, items, rows, headline directions, the current item."""

    name: str
    items: list[Item]
    rows: list[dict[str, Any]]
    way: list[str]
    current: int = 0


TALLY: Counter[tuple[str, str, str]] = Counter()
LISTED: list[str] = []


class _Counting(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        score = super().similarity(member)
        clusterer = self.clusterer
        assert isinstance(clusterer, _Clustering)
        f = clusterer.file
        i, j = f.current, int(member.item_id)
        if f.way[i] and f.way[j] and f.way[i] != f.way[j]:
            gap = abs((f.items[i].published or 0) - (f.items[j].published or 0)) / 86400
            key = (
                "one story" if f.items[i].story == f.items[j].story else "two stories",
                ">=1d" if gap >= 1 else "<1d",
                "s>=0.14" if score >= 0.14 else "s<0.14",
            )
            TALLY[key] += 1
            if score >= 0.1:
                LISTED.append(
                    f"{f.name} {key} {gap:.1f}d s={score:.3f}\n"
                    f"   {f.rows[i]['title'][:100]}\n   {f.rows[j]['title'][:100]}"
                )
        return score


class _Clustering(Clusterer):
    def __init__(self, file: _File) -> None:
        super().__init__()
        self.file = file

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Counting(self, cues, published)


def main() -> None:
    for path in labelled_files():
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        file = _File(path.stem[8:], items, rows, [direction(str(r["title"])) for r in rows])
        clusterer = _Clustering(file)
        for it in ordered(items):
            file.current = it.index
            when = it.published if it.published is not None else clusterer.clock
            clusterer.assign(str(it.index), it.cues, max(when, -1e18))
    for key, n in sorted(TALLY.items()):
        print(key, n)
    print("\n".join(LISTED))


if __name__ == "__main__":
    main()
