"""Stop 46 (RULE.md): the data dirs the round trains on and its aggregate reports, never an item.

    .venv/bin/python bench/classify_round46/classify46.py pool DIR
    .venv/bin/python bench/classify_round46/classify46.py check-split
    .venv/bin/python bench/classify_round46/classify46.py report MODEL [--split SPLIT]
    .venv/bin/python bench/classify_round46/classify46.py judge STEM [STEM ...]
    .venv/bin/python bench/classify_round46/classify46.py clauses

``pool``: DIR gets a symlink to every file of ``tests/data`` but the ten pooled sets' halves
files, copied with their ``check`` emptied (stop 45's B and fresh45: 709 items), then
``wirewatch classify-split``'s manifest, checked key by key against main's (no old item may move
split, be lost or be deduplicated anew) and copied here as ``split_c.json`` (D trains on the same
dir and split). ``check-split``: after a ship's (or a merge's) ``classify-split``, the manifest's
train, dev and test lists are C's exactly. ``report``: main's 1,189 test items and, with
``--split``, that manifest's whole test split and the items it adds (pooled, apart). ``judge``
(``read_judge.sh``): main, C and D (those whose model file exists) on the named sets and, if more
than one, their rows pooled; one line per set and model, aggregates only (aggregates:
``round44_report.aggregates``), also written to ``figures_judge_<sets>.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import HALVES_PATTERN, MANIFEST_NAME, load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

HERE = Path(__file__).resolve().parent
ROUND44 = HERE.parent / "classify_round44"
sys.path.insert(0, str(ROUND44))
from round44_report import FLIGHTS, POLICY, aggregates, judge_cells, linked_dir, rows_of  # noqa: E402  # noqa: E402

DATA = Path("tests/data")
MAIN_SPLIT = ROUND44 / "split_main.json"
POOLED = (
    "gloaming",
    "ember",
    "zenith",
    "halcyon",
    "nightfall",
    "border39",
    "vigil43",
    "lumen",
    "fresh44",
    "fresh45",
)
POOL_NOTE = (
    "pooled 2026-12-07 (stop 46, helper clround46, candidate C): the items once held back "
    "(never-seen sets of earlier stops, measured only as aggregates), now in the split by "
    "classify-split's rules (no old item moved); midday and fresh46 are the judges; "
    "bench/classify_round46/RULE.md"
)
MODELS_LOWER = ("main", "c", "d")
MODELS = {
    "main": (Path("services/classify/wirewatch_classify/data/topic_model.json"), MAIN_SPLIT),
    "C": (HERE / "candidate_c.json", HERE / "split_c.json"),
    "D": (HERE / "candidate_d.json", HERE / "split_c.json"),
}


def split_moves(new: dict[str, Any]) -> dict[str, Any]:
    old = json.loads(MAIN_SPLIT.read_text("utf-8"))
    where = {key: split for split, keys in old["splits"].items() for key in keys}
    moved = [k for s, keys in new["splits"].items() for k in keys if where.get(k, s) != s]
    lost = sorted(set(where) - {key for keys in new["splits"].values() for key in keys})
    added = {s: sum(1 for k in keys if k not in where) for s, keys in new["splits"].items()}
    same = new["duplicates_removed"] == old["duplicates_removed"]
    return {"moved": moved, "lost": lost, "added": added, "same_duplicates": same}


def pool(out: Path) -> None:
    halves = {f"classify_{stem}_halves.json" for stem in POOLED}
    assert halves <= {p.name for p in DATA.glob(HALVES_PATTERN)}, "a halves file is missing"
    linked_dir(out, halves | {MANIFEST_NAME})
    for file_name in sorted(halves):
        data = json.loads((DATA / file_name).read_text("utf-8"))
        data["check"] = []
        data["held_back"] = POOL_NOTE
        (out / file_name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    wirewatch = Path(sys.executable).with_name("wirewatch")
    subprocess.run([str(wirewatch), "classify-split", "--data-dir", str(out)], check=True)
    new = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    moves = split_moves(new)
    print(json.dumps({**moves, "counts": new["counts"]}))
    if moves["moved"] or moves["lost"] or not moves["same_duplicates"]:
        raise SystemExit("an old item moved, was lost or deduplicated anew: RULE.md forbids it")
    shutil.copyfile(out / MANIFEST_NAME, HERE / "split_c.json")


def check_split(manifest: Path) -> None:
    """``manifest``'s train, dev and test lists are C's exactly (held_back may differ)."""
    shipped = json.loads(manifest.read_text("utf-8"))["splits"]
    wanted = json.loads((HERE / "split_c.json").read_text("utf-8"))["splits"]
    diff = {s: len(set(shipped[s]) ^ set(wanted[s])) for s in ("train", "dev", "test")}
    print(json.dumps({"keys_differing": diff}))
    if any(diff.values()):
        raise SystemExit("the split is not candidate C's: its models do not fit it")


def report(model_path: Path, split: Path | None) -> dict[str, Any]:
    topics = load_topics()
    clf = Classifier(topics, model=TopicModel.load(model_path))
    stacks = json.loads(model_path.read_text("utf-8"))["stack"]
    result: dict[str, Any] = {
        "model": str(model_path),
        "rules_versions_match": all(
            stacks.get(t.topic, {}).get("rules_version") == t.version for t in topics
        ),
    }
    main_test = load_split(DATA, MAIN_SPLIT)["test"]
    result["test_main_1189"] = aggregates(clf, [item.row for item in main_test])
    if split is not None:
        old = {item.key for item in main_test}
        whole = load_split(DATA, split)["test"]
        result["test_whole"] = aggregates(clf, [item.row for item in whole])
        result["test_pooled_apart"] = aggregates(
            clf, [item.row for item in whole if item.key not in old]
        )
    return result


def judge(sets: list[str]) -> None:
    """Main, C and D on the named sets in one session: one line per set and model."""
    head = "set / model | flights F1 (en / es), TP/FP/FN | border-policy F1 (en / es), TP/FP/FN"
    print(head + " | mean F1 | negatives tagged | Brier fl / bp")
    record: dict[str, Any] = {"sets": sets}
    for name, (model, _) in MODELS.items():
        if not model.exists():
            print(f"({name}: no model file {model.name})")
            continue
        clf = Classifier(load_topics(), model=TopicModel.load(model))
        named = {stem: rows_of(stem) for stem in sets}
        if len(sets) > 1:
            named["pooled"] = [row for stem in sets for row in named[stem]]
        for stem, rows in named.items():
            row = aggregates(clf, rows)
            record.setdefault(stem, {})[name] = row
            print(" | ".join(judge_cells(f"{stem} / {name}", row)))
    (HERE / f"figures_judge_{'_'.join(sets)}.json").write_text(
        json.dumps(record, indent=1) + "\n", "utf-8"
    )


def clauses() -> dict[str, Any]:
    """RULE.md clauses 1 and 2 and the re-based split clause of 3, from ``figures_{main,c,d}.json``,
    ``bench/classify_round45/noise.json`` and the judges' JSON (written to ``clauses.json``)."""
    noise = json.loads((HERE.parent / "classify_round45" / "noise.json").read_text("utf-8"))
    allow = {t: noise["allowance"][t]["allowance"] for t in (FLIGHTS, POLICY)}
    allow_neg = noise["allowance"]["negatives"]
    figures = {m: json.loads((HERE / f"figures_{m}.json").read_text("utf-8")) for m in MODELS_LOWER}
    judges = json.loads((HERE / "figures_judge_classify_check_midday_fresh46.json").read_text())
    base, whole = figures["main"]["test_main_1189"], figures["main"]["test_whole"]
    out: dict[str, Any] = {}
    for name in ("C", "D"):
        cand = figures[name.lower()]
        test, cwhole = cand["test_main_1189"], cand["test_whole"]
        one = {t: test[t]["f1"] >= base[t]["f1"] - allow[t] for t in (FLIGHTS, POLICY)}
        one["negatives"] = test["negatives_tagged"] <= base["negatives_tagged"] + allow_neg
        split = {
            f"{t} {lang}".strip(): cwhole[t][lang] >= whole[t][lang] - allow[t]
            for t in (FLIGHTS, POLICY)
            for lang in ("f1", "en", "es")
        }
        split["brier"] = all(
            cwhole[t]["brier"] <= whole[t]["brier"] + 0.002 for t in (FLIGHTS, POLICY)
        )
        split["negatives"] = cwhole["negatives_tagged"] <= whole["negatives_tagged"] + allow_neg
        two: dict[str, Any] = {}
        for stem in ("classify_check_midday", "fresh46"):
            m, c = judges[stem]["main"], judges[stem][name]
            two[stem] = {
                "flights_within_one_item": c[FLIGHTS]["f1"]
                >= m[FLIGHTS]["f1"] - m[FLIGHTS]["one_item"],
                "flights_items_lost": (m[FLIGHTS]["tp_fp_fn"][0] - c[FLIGHTS]["tp_fp_fn"][0])
                + (c[FLIGHTS]["tp_fp_fn"][1] - m[FLIGHTS]["tp_fp_fn"][1]),
                "negatives": c["negatives_tagged"] <= m["negatives_tagged"] + 1,
            }
        pooled = judges["pooled"]
        two["pooled_mean_f1"] = {
            "main": pooled["main"]["mean_f1"],
            name: pooled[name]["mean_f1"],
            "passes": pooled[name]["mean_f1"] >= pooled["main"]["mean_f1"],
        }
        out[name] = {
            "clause_1": {**one, "passes": all(one.values())},
            "clause_3_split_rebased": {**split, "passes": all(split.values())},
            "clause_2": two,
        }
    (HERE / "clauses.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    q = sub.add_parser("pool")
    q.add_argument("out", type=Path)
    c = sub.add_parser("check-split")
    c.add_argument("manifest", type=Path, nargs="?", default=DATA / MANIFEST_NAME)
    r = sub.add_parser("report")
    r.add_argument("model", type=Path)
    r.add_argument("--split", type=Path, default=None)
    j = sub.add_parser("judge")
    j.add_argument("sets", nargs="+", metavar="STEM")
    sub.add_parser("clauses")
    args = parser.parse_args()
    if args.command == "pool":
        pool(args.out)
    elif args.command == "check-split":
        check_split(args.manifest)
    elif args.command == "judge":
        judge(args.sets)
    elif args.command == "clauses":
        print(json.dumps(clauses(), indent=1))
    else:
        print(json.dumps(report(args.model, args.split), indent=1))


if __name__ == "__main__":
    main()
