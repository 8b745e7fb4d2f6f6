"""Stop 47 (RULE.md): aggregates of main's shipped model and candidates A and B, never an item.

    .venv/bin/python bench/classify_round47/figures_clround47.py test
    .venv/bin/python bench/classify_round47/figures_clround47.py study
    .venv/bin/python bench/classify_round47/figures_clround47.py judge fresh46 fresh47
    .venv/bin/python bench/classify_round47/figures_clround47.py clauses

``test``: the 1,189 test items of main's manifest (clause 2). ``study``: the 709 held-back items
of the sets read at earlier stops (a study set: its aggregates may be read). ``judge``
(``read_judge_clround47.sh``): the named sets and their rows pooled (clause 1), per topic F1,
TP/FP/FN overall and per language, negatives tagged, Brier. Each writes ``figures_<what>.json``
here; ``clauses`` reads those files and writes ``clauses.json``. A model is skipped if its file
is absent (candidate models are not committed; SHIP.md rebuilds them).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import evaluate
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from study_clround47 import held_rows  # noqa: E402

sys.path.insert(0, str(HERE.parent / "classify_round44"))
from round44_report import rows_of  # noqa: E402

DATA = Path("tests/data")
MAIN_SPLIT = HERE.parent / "classify_round44" / "split_main.json"
SHIPPED = Path("services/classify/wirewatch_classify")
MODELS = {
    "main": (SHIPPED / "data" / "topic_model.json", None),
    "A": (HERE / "candidate_a.json", HERE / "candidate_a.diff"),
    "B": (HERE / "candidate_b.json", HERE / "candidate_b.diff"),
}
FL, BP = "repatriation-flights", "border-policy"


def candidate_topics(diff: Path) -> Path:
    """A scratch directory with main's two topic files and ``diff`` applied (the candidate's
    files: ``candidate_X.diff`` is against main's, paths from the repository root)."""
    out = Path(tempfile.mkdtemp(prefix="clround47_topics_"))
    for path in (SHIPPED / "topics").glob("*.yaml"):
        shutil.copy(path, out / path.name)
    subprocess.run(["patch", "-s", "-p5", "-d", str(out), "-i", str(diff.resolve())], check=True)
    return out


def classifier(name: str) -> Classifier | None:
    path, diff = MODELS[name]
    if not path.exists():
        return None
    topics = load_topics(candidate_topics(diff) if diff else None)
    stacks = json.loads(path.read_text("utf-8"))["stack"]
    for t in topics:
        if stacks.get(t.topic, {}).get("rules_version") != t.version:
            raise SystemExit(f"{name}: model fitted on another version of {t.topic}")
    return Classifier(topics, model=TopicModel.load(path))


def aggregates(clf: Classifier, rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = evaluate(clf, rows)
    out: dict[str, Any] = {
        "items": report.items,
        "negatives_tagged": report.negatives_tagged,
        "negatives": report.negatives,
    }
    f1s = []
    for topic in report.topics:
        c = report.per_topic[topic]
        out[topic] = {
            "f1": round(c.f1, 4),
            "tp_fp_fn": [c.tp, c.fp, c.fn],
            "brier": round(report.brier(topic), 4),
        }
        for (t, lang), lc in sorted(report.per_language.items()):
            if t == topic:
                out[topic][lang] = {"f1": round(lc.f1, 4), "tp_fp_fn": [lc.tp, lc.fp, lc.fn]}
        f1s.append(c.f1)
    out["mean_f1"] = round(sum(f1s) / len(f1s), 4)
    return out


def sets_for(what: str, stems: list[str]) -> dict[str, list[dict[str, Any]]]:
    if what == "test":
        return {"test_main_1189": [i.row for i in load_split(DATA, MAIN_SPLIT)["test"]]}
    if what == "study":
        return {"held_back_study_709": held_rows()}
    named = {stem: rows_of(stem) for stem in stems}
    if len(named) > 1:
        named["pooled"] = [r for rows in named.values() for r in rows]
    return named


def one_line(name: str, key: str, agg: dict[str, Any]) -> str:
    parts = [f"{key:>16} {name:>4}: n={agg['items']}"]
    for topic in (FL, BP):
        t = agg[topic]
        langs = " / ".join(f"{lang} {t[lang]['f1']:.4f}" for lang in ("en", "es") if lang in t)
        parts.append(f"{topic[:7]} {t['f1']:.4f} {t['tp_fp_fn']} ({langs})")
    parts.append(f"mean {agg['mean_f1']:.4f} neg {agg['negatives_tagged']}/{agg['negatives']}")
    return "  ".join(parts)


def clauses() -> dict[str, Any]:
    judge = json.loads((HERE / "figures_judge.json").read_text("utf-8"))
    test = json.loads((HERE / "figures_test.json").read_text("utf-8"))
    pooled = "pooled" if "pooled" in judge["main"] else next(iter(judge["main"]))
    out: dict[str, Any] = {"judge_set": pooled}
    for name in ("A", "B"):
        if name not in judge:
            continue
        m, c = judge["main"][pooled], judge[name][pooled]
        cells = {}
        for topic in (FL, BP):
            for lang in ("en", "es"):
                errs = [sum(x[topic][lang]["tp_fp_fn"][1:]) for x in (m, c)]
                cells[f"{topic}/{lang}"] = {
                    "main": errs[0],
                    name: errs[1],
                    "ok": errs[1] <= errs[0] + 1,
                }
        tm, tc = test["main"]["test_main_1189"], test[name]["test_main_1189"]
        res = {
            "1a_mean": [m["mean_f1"], c["mean_f1"], c["mean_f1"] >= m["mean_f1"]],
            "1b_cells_errors": cells,
            "1b": all(v["ok"] for v in cells.values()),
            "1c_negatives": [
                m["negatives_tagged"],
                c["negatives_tagged"],
                c["negatives_tagged"] <= m["negatives_tagged"] + 1,
            ],
            "2_flights": [tm[FL]["f1"], tc[FL]["f1"], tc[FL]["f1"] >= tm[FL]["f1"] - 0.0031],
            "2_policy": [tm[BP]["f1"], tc[BP]["f1"], tc[BP]["f1"] >= tm[BP]["f1"] - 0.0043],
            "2_negatives": [
                tm["negatives_tagged"],
                tc["negatives_tagged"],
                tc["negatives_tagged"] <= tm["negatives_tagged"] + 2,
            ],
        }
        res["1_and_2_pass"] = all(
            v[-1] if isinstance(v, list) else v for k, v in res.items() if k != "1b_cells_errors"
        )
        out[name] = res
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("test", "study", "judge", "clauses"))
    parser.add_argument("stems", nargs="*")
    args = parser.parse_args()
    if args.what == "clauses":
        result = clauses()
        (HERE / "clauses.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
        print(json.dumps(result, indent=1))
        return
    sets = sets_for(args.what, args.stems)
    figures: dict[str, Any] = {}
    for name in MODELS:
        clf = classifier(name)
        if clf is None:
            continue
        figures[name] = {key: aggregates(clf, rows) for key, rows in sets.items()}
        for key, agg in figures[name].items():
            print(one_line(name, key, agg))
    out = HERE / f"figures_{args.what}.json"
    out.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
