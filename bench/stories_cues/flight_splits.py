"""Where the items of one flight story (a deportation or repatriation flight) part, on what cues.

    .venv/bin/python bench/stories_cues/flight_splits.py [--quiet] [FILE ...]

Every labelled stories file but the round's judges (``common.JUDGES``: cinder, ember, kindling,
meridian, never opened; gloaming and noctis are released for study) is clustered LOFO with
the learned pair decision (``bench/stories_learned``: each file with a model fitted on the
pairs of the training files but itself). A flight story is a true story one of whose items
speaks of a removal (``e:removal``) and of a flight (``w:fligh``/``w:plane``/``w:airli``). For
each such story spread over two or more predicted stories, every item is printed with its
predicted story and its entity and number cues (``c:``, ``a:``, ``p:``, ``n:``); then the
figures: flight stories, split flight stories, splits (extra predicted stories), and the mean
pairwise F1 / alerts per story of the files (the round's measurement, stop 30).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "stories_learned"))

from common import DATA, JUDGES, Item, cluster, labelled_files, load_items, ordered  # noqa: E402
from fit import fit, pairs_of  # noqa: E402
from wirewatch_stories.cluster import Clusterer  # noqa: E402
from wirewatch_stories.pair_model import LEARNED_PAIRS  # noqa: E402

STUDY = ("stories_gloaming.jsonl", "stories_noctis.jsonl")
FLIGHT_WORDS = frozenset({"w:fligh", "w:plane", "w:airli", "w:aircr"})
SHOWN = ("c:", "a:", "p:", "n:", "r:", "x:")


def is_flight(story: list[Item]) -> bool:
    return any("e:removal" in it.cues and it.cues & FLIGHT_WORDS for it in story)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    training = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    study = {p.removeprefix("stories_").removesuffix(".jsonl"): DATA / p for p in STUDY}
    paths = {**training, **study}
    assert not any(p.name in JUDGES for p in paths.values())
    files = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: pairs_of(items) for name, items in files.items() if name in training}
    totals: dict[str, list[float]] = defaultdict(list)
    dump: dict[str, object] = {}
    counts = {"flight stories": 0, "split": 0, "extra predicted": 0, "flight items": 0}
    for name in args or list(files):
        items = files[name]
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        lofo = cluster(items, Clusterer(pair_model=model))
        shipped = cluster(items, Clusterer(pair_model=LEARNED_PAIRS))
        part = "train" if name in training else "study"
        totals[f"{part} lofo f1"].append(lofo.pairwise_f1)
        totals[f"{part} lofo alerts"].append(lofo.alerts_per_story)
        totals[f"{part} shipped f1"].append(shipped.pairwise_f1)
        totals[f"{part} shipped alerts"].append(shipped.alerts_per_story)
        dump[name] = {
            "lofo": [lofo.pairwise_f1, lofo.alerts_per_story],
            "shipped": [shipped.pairwise_f1, shipped.alerts_per_story],
            "cues": [sorted(it.cues) for it in items],
        }
        print(
            f"## {name} ({part}): LOFO F1 {lofo.pairwise_f1:.4f} alerts {lofo.alerts_per_story:.3f}"
            f"; shipped F1 {shipped.pairwise_f1:.4f}",
            flush=True,
        )
        clusterer = Clusterer(pair_model=model)
        made = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            made[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
        rows = [json.loads(x) for x in paths[name].read_text(encoding="utf-8").splitlines() if x]
        stories: defaultdict[str, list[Item]] = defaultdict(list)
        for it in items:
            stories[it.story].append(it)
        for story, members in stories.items():
            if not is_flight(members):
                continue
            counts["flight stories"] += 1
            counts["flight items"] += len(members)
            predicted = {made[it.index] for it in members}
            if len(predicted) < 2:
                continue
            counts["split"] += 1
            counts["extra predicted"] += len(predicted) - 1
            if quiet:
                continue
            print(f"-- {story} split in {len(predicted)}")
            for it in sorted(members, key=lambda i: (made[i.index], i.published or 0.0)):
                cues = sorted(c for c in it.cues if c.startswith(SHOWN))
                row = rows[it.index]
                title = row["title"][:110]
                print(f"   [{made[it.index][-5:]}] #{it.index} {row.get('lang')} {title}")
                print(f"        {' '.join(cues)}")
    for key, values in totals.items():
        print(f"{key}: mean {sum(values) / len(values):.4f} over {len(values)} files")
    print(json.dumps(counts))
    for arg in sys.argv[1:]:
        if arg.startswith("--dump="):
            Path(arg.removeprefix("--dump=")).write_text(json.dumps(dump), encoding="utf-8")


if __name__ == "__main__":
    main()
