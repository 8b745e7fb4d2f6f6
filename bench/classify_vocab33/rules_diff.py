"""Rules-alone tags of repatriation-flights on train+dev (never test, never held back):
main's topic file (git show main:...) against the worktree's, with each changed item's label.

Usage: .venv/bin/python bench/classify_vocab33/rules_diff.py
"""

import subprocess
import tempfile
from pathlib import Path

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.topicdef import TopicSpec, load_topic_file, load_topics

FL = "repatriation-flights"
PATH = "services/classify/wirewatch_classify/topics/repatriation-flights.yaml"


def main_topics() -> list[TopicSpec]:
    text = subprocess.run(
        ["git", "show", f"main:{PATH}"], capture_output=True, text=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "repatriation-flights.yaml"
        path.write_text(text, encoding="utf-8")
        old = load_topic_file(path)
    return [old if t.topic == FL else t for t in load_topics()]


def main() -> None:
    split = load_split(Path("tests/data"))
    before, after = Classifier(main_topics()), Classifier(load_topics())
    for name in ("train", "dev"):
        gained = lost = 0
        for item in split[name]:
            r = item.row
            a = FL in {m.topic for m in before.classify(r["title"], r.get("summary") or "")[0]}
            b = FL in {m.topic for m in after.classify(r["title"], r.get("summary") or "")[0]}
            if a == b:
                continue
            label = "POS" if FL in r["labels"] else ("neg*" if r.get("hard_negative") else "neg")
            gained, lost = gained + b, lost + a
            print(f"{name} {'+' if b else '-'} {label} {r['id']} {r['title'][:100]}")
        print(f"{name}: rules-alone flights tags +{gained} -{lost}")


if __name__ == "__main__":
    main()
