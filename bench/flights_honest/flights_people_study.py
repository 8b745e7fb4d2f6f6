"""People (the head count of one flight) on the honest (out-of-sample) rules cues: of the true
reports where the honest rules' people differs from the label, what went wrong (issue 15,
stop 33). Aggregates only; never a judge set.

The kind of each error on a found record was read by hand (stop 33) from the item's title,
lede and labelling note; the table ``KINDS`` keeps that reading, and the script checks that
each listed id still is an honest people error (and that every error is listed), then counts
by kind and language. For each error it also says whether the true number is among the
numbers today's parser (``numbers.numbers``) finds in title + lede (a candidate for a ranker),
a sum of two of them, or neither.

    .venv/bin/python -W ignore bench/flights_honest/flights_people_study.py   # writes its .txt
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from studied_sets import check_listed, honest_reports, write_report
from wirewatch_flights.numbers import numbers

OUT = Path(__file__).with_suffix(".txt")

WRONG = "wrong number: "
KINDS: dict[str, str] = {
    # truth null, the rules gave a number
    "fl-12031": "truth null: another group (a subset the story follows)",
    "fl-21003": "truth null: another group (a subset the story follows)",
    "fl-7010": "truth null: another group (people taken off / not removed)",
    "fl-19006": "truth null: another group (people taken off / not removed)",
    "fl-3017": "truth null: another group (protesters, victims, an earlier flight)",
    "fl-11003": "truth null: another group (protesters, victims, an earlier flight)",
    "fl-9542": "truth null: another group (protesters, victims, an earlier flight)",
    "fl-31733": "truth null: a programme's or pool's total",
    "fl-20022": "truth null: a programme's or pool's total",
    "fl-3098": "truth null: a programme's or pool's total",
    "fl-7008": "truth null: a range or vague figure",
    "fl-9710": "truth null: a range or vague figure",
    "fl-9905": "truth null: a range or vague figure",
    "fl-20003": "truth null: vehicles or families counted",
    "fl-9547": "truth null: vehicles or families counted",
    "fl-19008": "truth null: a year",
    "fl-3009": "truth null: a year",
    # the rules gave none, the true number is in title or lede
    "fl-20033": "rules null: counted people, noun not read (suspects, IMA detainees, criminals)",
    "fl-18018": "rules null: counted people, noun not read (suspects, IMA detainees, criminals)",
    "fl-9003": "rules null: counted people, noun not read (suspects, IMA detainees, criminals)",
    "fl-8024": "rules null: counted demonym not read (Uyghurs, Pakistanis, Kurds)",
    "fl-18021": "rules null: counted demonym not read (Uyghurs, Pakistanis, Kurds)",
    "fl-28027": "rules null: counted demonym not read (Uyghurs, Pakistanis, Kurds)",
    "fl-9517": "rules null: counted demonym not read (Uyghurs, Pakistanis, Kurds)",
    "fl-7011": "rules null: number words or styles not parsed (one person, medio centenar, 130)",
    "fl-3013": "rules null: number words or styles not parsed (one person, medio centenar, 130)",
    "fl-27031": "rules null: number words or styles not parsed (one person, medio centenar, 130)",
    "fl-6020": "rules null: the count discarded (read as a subset or running total)",
    "fl-6038": "rules null: the count discarded (read as a subset or running total)",
    "fl-3054": "rules null: the count discarded (read as a subset or running total)",
    # a wrong number chosen
    "fl-31715": WRONG + "a total of several flights or operations",
    "fl-21032": WRONG + "a total of several flights or operations",
    "fl-28019": WRONG + "a total of several flights or operations",
    "fl-9958": WRONG + "a yearly or period tally / running total",
    "fl-31722": WRONG + "a yearly or period tally / running total",
    "fl-12014": WRONG + "a yearly or period tally / running total",
    "fl-3085": WRONG + "a yearly or period tally / running total",
    "fl-3096": WRONG + "a programme's goal or pool",
    "fl-9624": WRONG + "a programme's goal or pool",
    "fl-27024": WRONG + "another group (taken off, planned, registered, transferred)",
    "fl-9812": WRONG + "another group (taken off, planned, registered, transferred)",
    "fl-29008": WRONG + "another group (taken off, planned, registered, transferred)",
    "fl-28030": WRONG + "another group (taken off, planned, registered, transferred)",
    "fl-27027": WRONG + "a subset (men, one nationality, a sick few)",
    "fl-29018": WRONG + "a subset (men, one nationality, a sick few)",
    "fl-19031": WRONG + "a subset (men, one nationality, a sick few)",
    "fl-7040": WRONG + "a subset (men, one nationality, a sick few)",
    "fl-9614": WRONG + "one group of two (the truth is their sum)",
    "fl-9619": WRONG + "one group of two (the truth is their sum)",
    "fl-12019": WRONG + "a date (day of the month)",
    "fl-27003": WRONG + "a rounder, vaguer figure over the precise one",
    "fl-3031": WRONG + "a rounder, vaguer figure over the precise one",
    "fl-20006": WRONG + "headline and lede disagree (the lede's figure labelled)",
    "fl-11016": WRONG + "the truth only in the body (251 vs 'más de 250')",
    "fl-3097": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
    "fl-9603": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
    "fl-9628": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
    "fl-21031": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
    "fl-29001": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
    "fl-33415": WRONG + "number style not parsed ('1, 050', 'three dozen', 'Tens of', 'o')",
}
"""Each honest people error on a found record -> its kind, read by hand (stop 33)."""


def _int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def reach(gold: int | None, values: list[int]) -> str:
    """Whether the true number is a parsed number of title + lede, a sum of two, or neither."""
    if gold is None:
        return "truth null"
    if gold in values:
        return "truth parsed"
    if any(a + b == gold for i, a in enumerate(values) for b in values[i + 1 :]):
        return "truth a sum of two parsed numbers"
    return "truth not parsed"


def main() -> None:
    kinds: Counter[str] = Counter()
    top: Counter[str] = Counter()
    reached: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    seen: set[str] = set()
    total = right = found = 0
    for obj, row in honest_reports():
        gold = obj["flight"]
        total += 1
        lang = str(obj.get("lang"))
        by_lang[f"reports / {lang}"] += 1
        if not row["record"]:
            kinds["report missed"] += 1
            top["report missed"] += 1
            by_lang[f"report missed / {lang}"] += 1
            continue
        found += 1
        g, h = _int(gold["people"]), _int(row["people"])
        if g == h:
            right += 1
            by_lang[f"right / {lang}"] += 1
            continue
        kind = KINDS[obj["id"]]  # KeyError: an error not read by hand
        seen.add(obj["id"])
        kinds[kind] += 1
        head = kind.split(":")[0]
        top[head] += 1
        by_lang[f"{head} / {lang}"] += 1
        text = f"{obj.get('title') or ''}\n{obj.get('summary') or ''}"
        reached[reach(g, [n.value for n in numbers(text)])] += 1
    check_listed(KINDS, seen)
    lines = [
        f"reports {total}, honest people right {right} ({right / total:.3f}); "
        f"found {found}, right on found {right} ({right / found:.3f})",
        "",
        "errors by kind (head):",
        *(f"  {n:3d}  {k}" for k, n in top.most_common()),
        "",
        "reports, right and errors by kind, by language:",
        *(f"  {n:3d}  {k}" for k, n in sorted(by_lang.items())),
        "",
        "errors on found records by detailed kind:",
        *(f"  {n:3d}  {k}" for k, n in sorted(kinds.items()) if k != "report missed"),
        "",
        "errors on found records, the true number vs today's parser on title + lede:",
        *(f"  {n:3d}  {k}" for k, n in reached.most_common()),
    ]
    write_report(OUT, lines)


if __name__ == "__main__":
    main()
