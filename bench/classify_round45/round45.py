"""Stop 45 (RULE.md): the data dirs the round trains on and its aggregate reports, never an item.

    .venv/bin/python bench/classify_round45/round45.py perturb K DIR
    .venv/bin/python bench/classify_round45/round45.py pool {a,b} DIR
    .venv/bin/python bench/classify_round45/round45.py report MODEL [--split SPLIT] [--set STEM ...]
    .venv/bin/python bench/classify_round45/round45.py allowance
    .venv/bin/python bench/classify_round45/round45.py check-split {a,b}
    .venv/bin/python bench/classify_round45/round45.py judge STEM [STEM ...]

``perturb``: DIR gets a symlink to every file of ``tests/data`` and a split manifest equal to
main's with ``random.Random(4500 + K).sample(sorted(train + dev keys), 350)`` dropped (the noise
measure). ``pool``: DIR gets the same symlinks but the candidate's halves files copied with their
``check`` emptied (A: the six sets of stop 44; B: those and vigil43, lumen, fresh44), then
``wirewatch classify-split``'s manifest, checked key by key (no old item may move split) and
copied here as ``split_a.json`` / ``split_b.json``. Train on either with
``wirewatch train --data-dir DIR --out MODEL``.

``report``: main's 1,189 test items (``bench/classify_round44/split_main.json``) and, with
``--split``, the items that manifest adds to test (pooled, reported apart); with ``--set``, the
named sets instead (as ``round44_report.py`` reads them), each flagged ``fitted`` when its items
are in the model's fitted splits (``--split``). Aggregates from ``round44_report.aggregates``.
``check-split``: after a ship's ``classify-split``, the manifest is the candidate's.
``allowance``: RULE.md's noise measure and clause 1 (``noise.json``). ``judge``
(``read_judge.sh``): main, A and B on the named sets in one session, one line each.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import HALVES_PATTERN, MANIFEST_NAME, load_split, read_items
from wirewatch_classify.engine import Classifier
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

HERE = Path(__file__).resolve().parent
ROUND44 = HERE.parent / "classify_round44"
sys.path.insert(0, str(ROUND44))
from round44_report import FLIGHTS, POLICY, aggregates, judge_cells, linked_dir, rows_of, set_files  # noqa: E402  # noqa: E402

DATA = Path("tests/data")
MAIN_SPLIT = ROUND44 / "split_main.json"
DROPPED = 350
SEED = 4500
POOLED = {
    "a": ("gloaming", "ember", "zenith", "halcyon", "nightfall", "border39"),
    "b": (
        "gloaming",
        "ember",
        "zenith",
        "halcyon",
        "nightfall",
        "border39",
        "vigil43",
        "lumen",
        "fresh44",
    ),
}
POOL_NOTE = (
    "pooled 2026-12-06 (stop 45, helper clround45, candidate {name}): the items once held back "
    "(never-seen sets of earlier stops, measured only as aggregates), now in the split by "
    "classify-split's rules (no old item moved); fresh45 is the sealed judge; "
    "bench/classify_round45/RULE.md"
)


def perturb(k: int, out: Path) -> None:
    manifest = json.loads(MAIN_SPLIT.read_text("utf-8"))
    fitted = sorted(manifest["splits"]["train"] + manifest["splits"]["dev"])
    dropped = set(random.Random(SEED + k).sample(fitted, DROPPED))
    for name in ("train", "dev"):
        manifest["splits"][name] = [key for key in manifest["splits"][name] if key not in dropped]
    manifest["counts"] = {name: len(keys) for name, keys in manifest["splits"].items()}
    manifest["made_by"] = f"bench/classify_round45/round45.py perturb {k} (RULE.md)"
    linked_dir(out, {MANIFEST_NAME})
    (out / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(json.dumps({"run": k, "dropped": len(dropped), "counts": manifest["counts"]}))


def pool(name: str, out: Path) -> None:
    halves = {f"classify_{stem}_halves.json" for stem in POOLED[name]}
    assert halves <= {p.name for p in DATA.glob(HALVES_PATTERN)}, "a halves file is missing"
    linked_dir(out, halves | {MANIFEST_NAME})
    for file_name in sorted(halves):
        data = json.loads((DATA / file_name).read_text("utf-8"))
        data["check"] = []
        data["held_back"] = POOL_NOTE.format(name=name.upper())
        (out / file_name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    wirewatch = Path(sys.executable).with_name("wirewatch")
    subprocess.run([str(wirewatch), "classify-split", "--data-dir", str(out)], check=True)
    new = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    old = json.loads(MAIN_SPLIT.read_text("utf-8"))
    where = {key: split for split, keys in old["splits"].items() for key in keys}
    moved = [
        key
        for split, keys in new["splits"].items()
        for key in keys
        if where.get(key, split) != split
    ]
    lost = sorted(set(where) - {key for keys in new["splits"].values() for key in keys})
    added = {
        split: sum(1 for key in keys if key not in where) for split, keys in new["splits"].items()
    }
    same_dups = new["duplicates_removed"] == old["duplicates_removed"]
    print(json.dumps({"moved": moved, "lost": lost, "added": added, "same_duplicates": same_dups}))
    if moved or lost or not same_dups:
        raise SystemExit("an old item moved, was lost or deduplicated anew: RULE.md forbids it")
    shutil.copyfile(out / MANIFEST_NAME, HERE / f"split_{name}.json")


def check_split(name: str) -> None:
    """``tests/data/classify_split.json`` (after the ship's ``classify-split``) has the
    candidate's train, dev and test lists exactly (held_back may differ: fresh45)."""
    shipped = json.loads((DATA / MANIFEST_NAME).read_text("utf-8"))["splits"]
    wanted = json.loads((HERE / f"split_{name}.json").read_text("utf-8"))["splits"]
    diff = {s: len(set(shipped[s]) ^ set(wanted[s])) for s in ("train", "dev", "test")}
    print(json.dumps({"keys_differing": diff}))
    if any(diff.values()):
        raise SystemExit(f"the split is not candidate {name.upper()}'s: its model does not fit it")


def fitted_keys(split: Path | None) -> set[str]:
    manifest = json.loads((split or MAIN_SPLIT).read_text("utf-8"))
    return set(manifest["splits"]["train"]) | set(manifest["splits"]["dev"])


def report(model_path: Path, split: Path | None, sets: list[str]) -> dict[str, Any]:
    topics = load_topics()
    clf = Classifier(topics, model=TopicModel.load(model_path))
    stacks = json.loads(model_path.read_text("utf-8"))["stack"]
    result: dict[str, Any] = {
        "model": str(model_path),
        "rules_versions_match": all(
            stacks.get(t.topic, {}).get("rules_version") == t.version for t in topics
        ),
    }
    if sets:
        fitted = fitted_keys(split)
        for stem in sets:
            rows = rows_of(stem)
            result[stem] = aggregates(clf, rows)
            keys = [item.key for path in set_files(stem) for item in read_items(path)]
            result[stem]["fitted_by_this_model"] = sum(key in fitted for key in keys)
        return result
    main_test = load_split(DATA, MAIN_SPLIT)["test"]
    result["test_main_1189"] = aggregates(clf, [item.row for item in main_test])
    if split is not None:
        old = {item.key for item in main_test}
        whole = load_split(DATA, split)["test"]
        result["test_pooled_apart"] = aggregates(
            clf, [item.row for item in whole if item.key not in old]
        )
    return result


MODELS = {
    "main": (Path("services/classify/wirewatch_classify/data/topic_model.json"), MAIN_SPLIT),
    "A": (HERE / "candidate_a.json", HERE / "split_a.json"),
    "B": (HERE / "candidate_b.json", HERE / "split_b.json"),
}


def allowance() -> dict[str, Any]:
    """RULE.md's noise measure from ``figures_main.json`` and ``figures_noise_{1,2}.json`` (written
    to ``noise.json``), and clause 1 for each candidate whose ``figures_{a,b}.json`` exists."""

    def test_of(name: str) -> dict[str, Any]:
        figures = json.loads((HERE / f"figures_{name}.json").read_text("utf-8"))
        test: dict[str, Any] = figures["test_main_1189"]
        return test

    main_test = test_of("main")
    runs = [test_of(f"noise_{k}") for k in (1, 2)]
    out: dict[str, Any] = {"runs": {}, "allowance": {}, "clause_1": {}}
    for k, run in enumerate(runs, 1):
        out["runs"][k] = {
            "negatives_tagged": run["negatives_tagged"],
            **{t: {"f1": run[t]["f1"], "tp_fp_fn": run[t]["tp_fp_fn"]} for t in (FLIGHTS, POLICY)},
        }
    for topic in (FLIGHTS, POLICY):
        one = main_test[topic]["one_item"]
        move = max(abs(run[topic]["f1"] - main_test[topic]["f1"]) for run in runs)
        out["allowance"][topic] = {
            "move": round(move, 4),
            "move_items": round(move / one, 1),
            "one_item": one,
            "allowance": round(max(one, move), 4),
        }
    neg = max(abs(run["negatives_tagged"] - main_test["negatives_tagged"]) for run in runs)
    out["allowance"]["negatives"] = neg
    for name in ("a", "b"):
        if not (HERE / f"figures_{name}.json").exists():
            continue
        cand = test_of(name)
        bar = {t: main_test[t]["f1"] - out["allowance"][t]["allowance"] for t in (FLIGHTS, POLICY)}
        checks = {topic: cand[topic]["f1"] >= bar[topic] for topic in (FLIGHTS, POLICY)}
        checks["negatives"] = cand["negatives_tagged"] <= main_test["negatives_tagged"] + neg
        out["clause_1"][name.upper()] = {**checks, "passes": all(checks.values())}
    (HERE / "noise.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return out


def judge(sets: list[str]) -> None:
    """Main, A and B on the named sets in one session: one line per set and model."""
    missing = [str(path) for path, _ in MODELS.values() if not path.exists()]
    if missing:
        raise SystemExit(f"missing model(s) {missing}: rebuild them as SHIP.md says")
    head = "set / model | flights F1 (en / es), TP/FP/FN | border-policy F1 (en / es), TP/FP/FN"
    print(head + " | mean F1 | negatives tagged | Brier fl / bp | items fitted by the model")
    for name, (model, split) in MODELS.items():
        result = report(model, split, sets)
        for stem in sets:
            row = result[stem]
            cells = [
                *judge_cells(f"{stem} / {name}", row),
                f"{row['fitted_by_this_model']}/{row['items']}",
            ]
            print(" | ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("perturb")
    p.add_argument("k", type=int)
    p.add_argument("out", type=Path)
    q = sub.add_parser("pool")
    q.add_argument("name", choices=sorted(POOLED))
    q.add_argument("out", type=Path)
    r = sub.add_parser("report")
    r.add_argument("model", type=Path)
    r.add_argument("--split", type=Path, default=None)
    r.add_argument("--set", dest="sets", action="extend", nargs="+", default=[], metavar="STEM")
    sub.add_parser("allowance")
    c = sub.add_parser("check-split")
    c.add_argument("name", choices=sorted(POOLED))
    j = sub.add_parser("judge")
    j.add_argument("sets", nargs="+", metavar="STEM")
    args = parser.parse_args()
    if args.command == "perturb":
        perturb(args.k, args.out)
    elif args.command == "pool":
        pool(args.name, args.out)
    elif args.command == "check-split":
        check_split(args.name)
    elif args.command == "allowance":
        print(json.dumps(allowance(), indent=1))
    elif args.command == "judge":
        judge(args.sets)
    else:
        print(json.dumps(report(args.model, args.split, args.sets), indent=1))


if __name__ == "__main__":
    main()
