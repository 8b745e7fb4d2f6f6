"""The items the action conflict moves in the files it moves most (stop 43, information only).

    PYTHONPATH=<a checkout of 39acc239>/services/stories \
        .venv/bin/python bench/stories_round43/moved43.py > bench/stories_round43/moved43.txt

On the candidate (variant T, headline only). For predawn, sunrise, unseen (down) and night (up):
the file clustered in publication order with its leave-one-file-out tables, 21 features and 22,
as ``lofo43.py`` does; every item whose story (as the first item of its predicted story) differs,
with its labelled story, its headline (verbatim, tests/data/stories_<file>.jsonl) and ``v:`` cues.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, labelled_files, load_items, ordered
from fit import fit, pairs_of
from lofo43 import fit_21
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_model import PairModel

FILES = ("predawn", "sunrise", "unseen", "night")


def stories(items: list[Item], model: PairModel) -> dict[int, int]:
    """Each item's predicted story, named by the index of its first item."""
    clusterer = Clusterer(pair_model=model)
    first: dict[str, int] = {}
    out = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        sid = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
        out[it.index] = first.setdefault(sid, it.index)
    return out


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    items = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: pairs_of(its) for name, its in items.items()}
    for name in FILES:
        train = [p for other, ps in pairs.items() if other != name for p in ps]
        before = stories(items[name], fit_21(train))
        after = stories(items[name], fit(train))
        rows = [json.loads(x) for x in paths[name].read_text(encoding="utf-8").splitlines() if x]
        print(f"\n## {name}\n")
        for it in ordered(items[name]):
            if before[it.index] != after[it.index]:
                acts = sorted(c[2:] for c in it.cues if c[:2] == "v:")
                print(
                    f"- item {it.index} (story {it.story}): with {before[it.index]} -> with "
                    f"{after[it.index]}; v: {','.join(acts) or '-'}; {rows[it.index]['title']!r}"
                )
                for other in sorted({before[it.index], after[it.index]} - {it.index}):
                    o = items[name][other]
                    acts = sorted(c[2:] for c in o.cues if c[:2] == "v:")
                    print(
                        f"    - {other} (story {o.story}): v: {','.join(acts) or '-'}; "
                        f"{rows[other]['title']!r}"
                    )


if __name__ == "__main__":
    main()
