"""Evaluate the classifier on a labelled JSON-lines file (``wirewatch eval``).

Each line has ``title``, ``summary``, ``lang``, ``labels`` (the expected topics)
and optionally ``hard_negative`` and ``id``. Reported: precision/recall/F1 per
topic and per topic x language, confusion counts, the share of hard negatives
left untagged ("precision on hard negatives": a hard negative has no true topic,
so every tag on it is a false positive), the share of negatives tagged, the Brier
score (mean squared error of the calibrated score against the 0/1 label) per topic
and language, a reliability table per topic (items binned by score: mean score vs.
the observed share of positives), and every misclassified item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch_shared.confusion import Confusion
from wirewatch_shared.jsonlines import json_lines

from wirewatch_classify.engine import Classifier


class EvalFileError(ValueError):
    """A labelled file that cannot be read; the message names the line."""


@dataclass
class Counts(Confusion):
    """Per topic (and language): an item nobody expected or tagged counts as perfect."""

    @property
    def precision(self) -> float:
        return self.precision_or(1.0)

    @property
    def recall(self) -> float:
        return self.recall_or(1.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    item_id: str
    lang: str
    title: str
    expected: tuple[str, ...]
    predicted: tuple[tuple[str, float], ...]
    hard_negative: bool
    rules: tuple[str, ...]


@dataclass
class Report:
    topics: list[str]
    per_topic: dict[str, Counts] = field(default_factory=dict)
    per_language: dict[tuple[str, str], Counts] = field(default_factory=dict)
    hard_negatives: int = 0
    hard_negatives_clean: int = 0
    items: int = 0
    misses: list[Miss] = field(default_factory=list)
    scored: dict[str, list[tuple[str, float, bool]]] = field(default_factory=dict)
    """Per topic: (language, calibrated score, expected) for every item."""
    negatives: int = 0
    negatives_tagged: int = 0
    """Items with no expected topic, and how many of them got any tag."""

    @property
    def negative_tag_rate(self) -> float:
        return self.negatives_tagged / self.negatives if self.negatives else 0.0

    def brier(self, topic: str, lang: str | None = None) -> float:
        rows = [(p, y) for lg, p, y in self.scored.get(topic, []) if lang in (None, lg)]
        return sum((p - y) ** 2 for p, y in rows) / len(rows) if rows else 0.0

    def reliability(self, topic: str, bins: int = 10) -> list[tuple[float, float, int, float]]:
        """(low edge, mean score, items, observed positive share) per non-empty bin."""
        buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
        for _, p, y in self.scored.get(topic, []):
            buckets[min(bins - 1, int(p * bins))].append((p, y))
        return [
            (k / bins, sum(p for p, _ in b) / len(b), len(b), sum(y for _, y in b) / len(b))
            for k, b in enumerate(buckets)
            if b
        ]

    @property
    def hard_negative_precision(self) -> float:
        """Share of hard negatives that got no tag at all."""
        return self.hard_negatives_clean / self.hard_negatives if self.hard_negatives else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "per_topic": {t: _counts_dict(c) for t, c in self.per_topic.items()},
            "per_language": {
                f"{t}/{lang}": _counts_dict(c) for (t, lang), c in sorted(self.per_language.items())
            },
            "hard_negatives": self.hard_negatives,
            "hard_negative_precision": round(self.hard_negative_precision, 4),
            "negatives": self.negatives,
            "negative_tag_rate": round(self.negative_tag_rate, 4),
            "brier": {
                f"{t}/{lang}": round(self.brier(t, None if lang == "all" else lang), 4)
                for t in self.topics
                for lang in ["all", *sorted({lg for lg, _, _ in self.scored.get(t, [])})]
            },
            "reliability": {
                t: [
                    {"bin": b, "mean_score": round(m, 4), "items": n, "observed": round(o, 4)}
                    for b, m, n, o in self.reliability(t)
                ]
                for t in self.topics
            },
            "misclassified": [m.__dict__ for m in self.misses],
        }


def _counts_dict(c: Counts) -> dict[str, float | int]:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "tn": c.tn,
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
    }


def read_labelled(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalFileError(f"cannot read {path}: {exc.strerror}") from exc
    for number, row in json_lines(lines, path, EvalFileError):
        if not isinstance(row, dict) or not isinstance(row.get("labels"), list):
            # No labels, no figures: an unlabelled file would score as all true negatives.
            raise EvalFileError(
                f"{path} line {number}: expected an object with a 'labels' list "
                "(eval needs labelled items; [] for an item of no topic)"
            )
        row.setdefault("id", f"line-{number}")
        rows.append(row)
    if not rows:
        raise EvalFileError(f"{path}: no items to evaluate")
    return rows


def row_text(row: dict[str, Any]) -> tuple[str, str]:
    """A labelled row's (title, summary); a missing or ``null`` field is empty text, never
    the word "None"."""
    return str(row.get("title") or ""), str(row.get("summary") or "")


def language_key(lang: object) -> str:
    """The language a row is reported under: a tag's primary subtag in lower case, so
    "es-MX", "ES" and "es" are one row of the table; "?" when absent."""
    text = str(lang or "").strip().replace("_", "-")
    return text.split("-", 1)[0].lower() or "?"


def evaluate(
    classifier: Classifier, rows: Iterable[dict[str, Any]], topics: Sequence[str] | None = None
) -> Report:
    names = list(topics) if topics is not None else [t.topic for t in classifier.topics]
    report = Report(names, {t: Counts() for t in names})
    for row in rows:
        report.items += 1
        lang = language_key(row.get("lang"))
        title, summary = row_text(row)
        matches, _ = classifier.classify(title, summary, row.get("lang"))
        predicted = {m.topic for m in matches if m.topic in names}
        expected = {t for t in row.get("labels", []) if t in names}
        scores = classifier.topic_scores(title, summary)
        for topic in names:
            report.scored.setdefault(topic, []).append(
                (lang, scores.get(topic, 0.0), topic in expected)
            )
        if not expected:
            report.negatives += 1
            report.negatives_tagged += bool(predicted)
        for topic in names:
            report.per_topic[topic].add(topic in expected, topic in predicted)
            report.per_language.setdefault((topic, lang), Counts()).add(
                topic in expected, topic in predicted
            )
        hard = bool(row.get("hard_negative"))
        if hard:
            report.hard_negatives += 1
            report.hard_negatives_clean += not predicted
        if predicted != expected:
            report.misses.append(
                Miss(
                    item_id=str(row["id"]),
                    lang=lang,
                    title=title,
                    expected=tuple(sorted(expected)),
                    predicted=tuple((m.topic, m.score) for m in matches if m.topic in names),
                    hard_negative=hard,
                    rules=tuple(f"{m.topic}:{r}" for m in matches for r in m.rules),
                )
            )
    return report


def format_report(report: Report, misses: bool = True) -> str:
    lines = [f"items: {report.items}", ""]
    header = (
        f"{'topic':<24}{'lang':<6}{'P':>7}{'R':>7}{'F1':>7}{'Brier':>7}"
        f"{'TP':>6}{'FP':>5}{'FN':>5}{'TN':>6}"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for topic in report.topics:
        rows = [("all", report.per_topic[topic])] + [
            (lang, c) for (t, lang), c in sorted(report.per_language.items()) if t == topic
        ]
        for lang, c in rows:
            brier = report.brier(topic, None if lang == "all" else lang)
            lines.append(
                f"{topic:<24}{lang:<6}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                f"{brier:>7.3f}{c.tp:>6}{c.fp:>5}{c.fn:>5}{c.tn:>6}"
            )
    lines.append("")
    lines.append(
        f"hard negatives: {report.hard_negatives_clean}/{report.hard_negatives} left untagged "
        f"(precision on hard negatives {report.hard_negative_precision:.3f}); negatives "
        f"tagged: {report.negatives_tagged}/{report.negatives} ({report.negative_tag_rate:.1%})"
    )
    lines.append("")
    lines.extend(format_reliability(report))
    if not misses:
        return "\n".join(lines)
    lines.append(f"misclassified: {len(report.misses)}")
    for m in report.misses:
        got = ", ".join(f"{t} {s:.2f}" for t, s in m.predicted) or "-"
        want = ", ".join(m.expected) or "-"
        flag = " [hard negative]" if m.hard_negative else ""
        lines.append(f"  {m.item_id} ({m.lang}){flag} expected: {want} | got: {got}")
        lines.append(f"      {m.title}")
        if m.rules:
            lines.append(f"      rules: {', '.join(m.rules)}")
    return "\n".join(lines)


def format_reliability(report: Report) -> list[str]:
    """Per topic: score bins, the mean score in each, and the observed positive share."""
    lines: list[str] = []
    for topic in report.topics:
        lines.append(f"reliability {topic}: score bin, items, mean score, observed positive share")
        for low, mean, count, observed in report.reliability(topic):
            lines.append(f"  {low:.1f}-{low + 0.1:.1f}  {count:>5}  {mean:>6.3f}  {observed:>6.3f}")
        lines.append("")
    return lines
