"""Stop 33 study: the repatriation-flights (and border-policy) misses of the shipped
classifier on the DEV split only (never test, never a judge or held-back set).

For each dev positive the shipped classifier misses, and each dev positive the rules alone
do not tag, it lists which topic groups hit and which vocabulary the rules lack: removal and
return verb forms (deportar, repatriar, retornar, regresar, expulsar, devolver, llegar;
deport, repatriate, return, remove, expel, fly), plural demonyms (flights'
demonyms.yaml, classify's gazetteer), airline names. Writes to stdout (study.txt).

Run at main e4d6956 (topic files v13 / v17), once with the shipped model and once with a
train-only model (bench/classify_vocab33/train_only.py), before any change:
  .venv/bin/python bench/classify_vocab33/study.py [MODEL.json] > ...
"""

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.model import TopicModel
from wirewatch_classify.text import fold
from wirewatch_classify.topicdef import load_topics

FL = "repatriation-flights"
BP = "border-policy"
VERB = re.compile(
    r"\b(deport\w*|repatri\w*|retorn\w*|regres\w*|expuls\w*|devol\w*|devuel\w*|lleg\w*"
    r"|return\w*|remov\w*|expel\w*|flew|flown|fly\w*|sent|send\w*)\b"
)
DEMONYMS = Path("services/flights/wirewatch_flights/data/demonyms.yaml")
AIRLINE = re.compile(r"\b(\w+ (airlines?|airways|air)|aerol[ií]nea \w+)\b", re.I)


def lexicon_terms(topic: str) -> set[str]:
    """Every folded phrase the topic file lists (prefixes kept with their star)."""
    spec = next(t for t in load_topics() if t.topic == topic)
    out: set[str] = set()
    for lists in spec.groups.values():
        for phrases in lists.values():
            out.update(fold(p.lstrip("=")).strip() for p in phrases)
    for rule in spec.rules:
        for phrases in (rule.phrases or {}).values():
            out.update(fold(p.lstrip("=")).strip() for p in phrases)
    return out


def known(word: str, terms: set[str]) -> bool:
    if word in terms:
        return True
    return any(t.endswith("*") and word.startswith(t[:-1]) for t in terms)


def demonym_plurals() -> set[str]:
    table = yaml.safe_load(DEMONYMS.read_text(encoding="utf-8"))["people"]
    return {fold(n).strip() for names in table.values() for n in names if " " not in n}


def gaps(text: str, terms: set[str], demonyms: set[str], nationals: set[str]) -> list[str]:
    out = []
    for m in VERB.finditer(text):
        if not known(m.group(0), terms):
            out.append("verb:" + m.group(0))
    for word in set(text.split()) & demonyms:
        if word not in nationals:
            out.append("demonym:" + word)
    for m in AIRLINE.finditer(text):
        if not known(m.group(0), terms):
            out.append("carrier?:" + m.group(0))
    return out


def _tags(clf: Classifier, row: dict[str, Any]) -> set[str]:
    return {m.topic for m in clf.classify(row["title"], row.get("summary") or "")[0]}


def _show(topic: str, kind: str, row: dict[str, Any], clf: Classifier, found: list[str]) -> None:
    present = clf.groups_present(row["title"], row.get("summary") or "")
    groups = sorted(g for t, g in present if t == topic)
    print(f"[{kind}] {row['id']} ({row['lang']}) {row['title'][:110]}")
    print(f"    groups: {' '.join(groups) or '-'}")
    print(f"    gaps: {' '.join(found) or '-'}")


def study(
    topic: str, clf: Classifier, rules: Classifier, rows: list[dict[str, Any]]
) -> Counter[str]:
    terms = lexicon_terms(topic)
    spec = next(t for t in load_topics() if t.topic == topic)
    nationals = {fold(p).strip() for ps in spec.groups.get("nationals_pl", {}).values() for p in ps}
    demonyms = demonym_plurals()
    tally: Counter[str] = Counter()
    pos = [r for r in rows if topic in r["labels"]]
    print(f"\n== {topic}: {len(pos)} dev positives")
    for r in pos:
        shipped, alone = topic in _tags(clf, r), topic in _tags(rules, r)
        if shipped and alone:
            continue
        kind = "MODEL-MISS" if not shipped else "rules-miss"
        tally[kind] += 1
        text = fold(r["title"] + " " + (r.get("summary") or ""))
        found = sorted(set(gaps(text, terms, demonyms, nationals)))
        tally.update(g.split(":")[0] for g in found)
        tally.update("word " + g for g in found)
        _show(topic, kind, r, clf, found)
    return tally


def main() -> None:
    rows = [i.row for i in load_split(Path("tests/data"))["dev"]]
    model = TopicModel.load(Path(sys.argv[1])) if len(sys.argv) > 1 else TopicModel.load()
    clf = Classifier(load_topics(), model=model)
    rules = Classifier(load_topics())
    which = sys.argv[1] if len(sys.argv) > 1 else "the shipped model (in-sample: fitted on dev too)"
    print(f"dev split: {len(rows)} items; model: {which}; MODEL-MISS = missed by model+rules")
    for topic in (FL, BP):
        tally = study(topic, clf, rules, rows)
        print(f"\n-- {topic} tally")
        for key, n in tally.most_common():
            print(f"  {n:3d} {key}")


if __name__ == "__main__":
    main()
