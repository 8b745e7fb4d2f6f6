"""Stop 33: make repatriation-flights' people and verb vocabularies whole.

Prints (and with --write rewrites in place) the groups of
services/classify/wirewatch_classify/topics/repatriation-flights.yaml that this round
derives instead of listing item by item:

- ``nationals_pl``: the plural demonyms of every state. Source: the flights service's
  people tables (``services/flights/wirewatch_flights/data/demonyms.yaml``, every state,
  and the ``people`` of its ``places.yaml``), which classify cannot import at run time, so
  the derived list is written into the topic file (data classify already ships) and
  ``tests/classify/test_rules_vocab33.py`` checks it stays a superset. Left out: singular
  forms, "=" spellings and "... citizens" (a country's own citizens are the hard negative).
- Spanish verb paradigms (deportar, repatriar, expulsar, retornar, regresar; devolver and
  llegar irregular) merged into the groups that already held some of their forms.

Usage: .venv/bin/python bench/classify_vocab33/vocab.py [--write]
"""

import re
import sys
from pathlib import Path

import yaml

TOPIC = Path("services/classify/wirewatch_classify/topics/repatriation-flights.yaml")
FLIGHTS = Path("services/flights/wirewatch_flights/data")


def ar_forms(stem: str) -> list[str]:
    """Every finite and non-finite form of a regular -ar verb a news text uses."""
    s = stem
    return [f"{s}ar", f"{s}a", f"{s}an", f"{s}amos", f"{s}ó", f"{s}aron", f"{s}aba",
            f"{s}aban", f"{s}ará", f"{s}arán", f"{s}aremos", f"{s}aría", f"{s}arían",
            f"{s}e", f"{s}en", f"{s}ara", f"{s}aran", f"{s}ando", f"{s}ado", f"{s}ada",
            f"{s}ados", f"{s}adas", f"{s}arlos", f"{s}arlas", f"{s}arlo", f"{s}arla",
            f"{s}ándolos", f"{s}ándolas"]  # fmt: skip


def repatriar() -> list[str]:
    # Stress on the i: repatría, repatrían, repatríe.
    forms = ar_forms("repatri")
    return [*forms, "repatría", "repatrían", "repatríe", "repatríen"]


DEVOLVER = ["devolver", "devuelve", "devuelven", "devolvemos", "devolvió", "devolvieron",
            "devolvía", "devolvían", "devolverá", "devolverán", "devolvería", "devolverían",
            "devuelva", "devuelvan", "devolviera", "devolvieran", "devolviendo", "devuelto",
            "devuelta", "devueltos", "devueltas", "devolverlos", "devolverlas",
            "devolviéndolos"]  # fmt: skip
# Reported returns and arrivals (`returned`, `arrive`): indicative forms, gerund and
# participles; not the infinitive, subjunctive or conditional, which state an intent or a
# purpose ("intentaban llegar", "permitirá que 160 chilenos regresen"), not a return.
INTENT = ("ar", "aría", "arían", "e", "en", "ara", "aran", "arlos", "arlas", "arlo", "arla")


def reported(forms: list[str], stem: str) -> list[str]:
    return [
        f
        for f in forms
        if f.removeprefix(stem) not in INTENT
        and not f.endswith("ndolas")
        and not f.endswith("ndolos")
        and f != stem + "íe"
        and f != stem + "íen"
    ]


DEVOLVER_REPORTED = ["devuelve", "devuelven", "devolvemos", "devolvió", "devolvieron",
                     "devolvía", "devolvían", "devolverá", "devolverán", "devolviendo",
                     "devuelto", "devuelta", "devueltos", "devueltas"]  # fmt: skip
LLEGAR_REPORTED = ["llega", "llegan", "llegamos", "llegó", "llegaron", "llegaba", "llegaban",
                   "llegará", "llegarán", "llegando", "llegado", "llegada", "llegados",
                   "llegadas"]  # fmt: skip
ARRIVE_AS = ["llega", "llegan", "llegó", "llegaron", "llegará", "llegarán", "llegaban"]
AS_WHAT = ["deportados", "deportadas", "repatriados", "retornados", "expulsados", "devueltos"]


# Country names or common words that are also a plural demonym: never listed.
AMBIGUOUS = {"filipinas", "maldivas", "kiwis", "svalbard residents", "ålanders", "poles"}
# English return verbs: send/fly home and back in every form (the `returned` group), and
# "remove" (only a gate word: "airline removes passenger" is no deportation).
ENGLISH = [
    ("returned", "en", ["send home", "send back", "sent home", "sent back", "fly home",
                        "flies home", "flying home", "flew home", "fly back", "flies back",
                        "flying back", "flew back", "flown back", "repatriate",
                        "returnee", "returnees"]),
    ("candidate", "en", ["remove", "removes", "removing", "repatriating", "repatriates",
                         "repatriated", "fly home", "flies home", "flying home", "flew home",
                         "fly back", "flies back", "flying back", "flew back"]),
]  # fmt: skip


def spanish_verbs() -> dict[str, list[str]]:
    deportar = [f for f in ar_forms("deport") if f != "deporte"]  # sport, never listed
    expulsar = ar_forms("expuls")
    retornar = ar_forms("retorn")
    regresar = ar_forms("regres")
    arrived_as = [f"{v} {w}" for v in ARRIVE_AS for w in AS_WHAT]
    return {
        "deport": deportar + repatriar() + expulsar + DEVOLVER,
        "deport_strict": deportar + expulsar,
        "repatriation": repatriar(),
        "returned": reported(regresar, "regres")
        + reported(retornar, "retorn")
        + reported(repatriar(), "repatri")
        + DEVOLVER_REPORTED
        + arrived_as,
        "arrive": LLEGAR_REPORTED,
    }


def demonyms() -> list[str]:
    out: list[str] = []
    table = yaml.safe_load((FLIGHTS / "demonyms.yaml").read_text(encoding="utf-8"))
    for names in table["people"].values():
        out.extend(str(n) for n in names)
    places = yaml.safe_load((FLIGHTS / "places.yaml").read_text(encoding="utf-8"))
    for entry in places["countries"].values():
        out.extend(n for n in entry.get("people", []) if re.search(r"(s|ese)$", n))
    return [n for n in out if not n.startswith("=") and not n.endswith("citizens")]


def merged(old: list[str], new: list[str]) -> list[str]:
    seen = {o.casefold() for o in old}
    extra = [n for n in new if n.casefold() not in seen and not seen.add(n.casefold())]  # type: ignore[func-returns-value]
    return old + extra


def additions() -> list[tuple[str, str, list[str]]]:
    """(group, language, phrases to add) for every derived group."""
    groups = yaml.safe_load(TOPIC.read_text(encoding="utf-8"))["groups"]
    out = []
    for group, forms in spanish_verbs().items():
        out.append((group, "es", merged(groups[group]["es"], forms)[len(groups[group]["es"]) :]))
    for group, lang, forms in ENGLISH:
        out.append((group, lang, merged(groups[group][lang], forms)[len(groups[group][lang]) :]))
    names = [n for n in demonyms() if n.casefold() not in AMBIGUOUS]
    for lang, is_lang in (("en", str.isupper), ("es", str.islower)):
        old = groups["nationals_all"][lang]
        out.append(
            ("nationals_all", lang, merged(old, [n for n in names if is_lang(n[0])])[len(old) :])
        )
    return [a for a in out if a[2]]


def wrapped(phrases: list[str], indent: str = "         ") -> str:
    lines, line = [], indent
    for p in phrases:
        item = f'"{p}", '
        if len(line) + len(item) > 94:
            lines.append(line.rstrip())
            line = indent
        line += item
    lines.append(line.rstrip().rstrip(","))
    return "\n".join(lines)


def insert(text: str, group: str, lang: str, phrases: list[str]) -> str:
    """Append ``phrases`` to the flow list of ``group``/``lang``, keeping what is there."""
    start = text.index(f"\n  {group}:\n")
    at = text.index(f"\n    {lang}: [", start)
    close = text.index("]", at)
    note = "         # v14 (stop 33): the paradigm or table made whole (bench/classify_vocab33)"
    return text[:close] + ",\n" + note + "\n" + wrapped(phrases) + text[close:]


def main() -> None:
    adds = additions()
    for group, lang, phrases in adds:
        print(f"{group} {lang} +{len(phrases)}: {', '.join(phrases)}")
    if "--write" in sys.argv:
        text = TOPIC.read_text(encoding="utf-8")
        for group, lang, phrases in adds:
            text = insert(text, group, lang, phrases)
        TOPIC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
