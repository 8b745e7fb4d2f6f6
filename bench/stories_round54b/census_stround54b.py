"""Stop 54b's census (stround54b): pairs of studied flight reports (``pair_cues.flight``) whose
headline figures conflict (``pair_cues.numbers_conflict`` of ``headline_figures``), by hours
apart (below / from ``SEQUEL_S``, the flight veto's edge), by what conflicts (ordinals alone
in conflict, i.e. both give an ordinal and they differ; counts) and by label. Pairs sharing
fewer than 4 cues besides the language are left out. Studied files only (asserts no name
holds fresh53 or fresh54). No clustering: labels and cues.

    ../../.venv/bin/python census_stround54b.py > census54b.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items
from wirewatch_stories import pair_cues
from wirewatch_stories.scoring import SEQUEL_S


def _kind(left: frozenset[str], right: frozenset[str]) -> str:
    lo, ro = pair_cues.ordinals(left), pair_cues.ordinals(right)
    if lo and ro and not lo & ro:
        return "ordinals"
    return "counts"


def main() -> None:
    totals: Counter[tuple[str, str, bool]] = Counter()
    langs: Counter[tuple[str, str, bool, str]] = Counter()
    listed = []
    for path in labelled_files():
        assert "fresh53" not in path.name and "fresh54" not in path.name
        items = [i for i in load_items(path) if i.published is not None]
        for x, a in enumerate(items):
            if not pair_cues.flight(a.cues):
                continue
            for b in items[x + 1 :]:
                if not pair_cues.flight(b.cues) or a.published is None or b.published is None:
                    continue
                fa, fb = pair_cues.headline_figures(a.cues), pair_cues.headline_figures(b.cues)
                if not pair_cues.numbers_conflict(fa, fb):
                    continue
                if len({c for c in a.cues & b.cues if c[:2] != "l:"}) < 4:
                    continue
                hours = abs(b.published - a.published) / 3600
                band = "<24h" if hours * 3600 < SEQUEL_S else ">=24h"
                kind, same = _kind(fa, fb), a.story == b.story
                totals[(band, kind, same)] += 1
                la = sorted(c for c in a.cues | b.cues if c[:2] == "l:")
                langs[(band, kind, same, "+".join(la))] += 1
                if band == "<24h":
                    listed.append((kind, same, path.stem, a.index, b.index, sorted(fa), sorted(fb)))
    for total in sorted(totals):
        print(total, totals[total])
    for lang in sorted(langs):
        print(lang, langs[lang])
    for row in sorted(listed):
        print(row)


if __name__ == "__main__":
    main()
