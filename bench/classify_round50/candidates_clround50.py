"""Stop 50 (RULE.md): writes candidates A, B and C's topic files (main's files with this
round's edits) to ``topics_a/``, ``topics_b/``, ``topics_c/`` under OUT, and their diffs against
main's files to ``candidate_{a,b,c}.diff`` here. Only repatriation-flights changes (v16).

    .venv/bin/python bench/classify_round50/candidates_clround50.py OUT
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOPICS = Path("services/classify/wirewatch_classify/topics")
FLIGHTS = "repatriation-flights.yaml"

# A: removals told as an arrival or a reception, with no land or sea route.
A_GROUPS = """\
  people_sent:
    # v16 (stop 50): who is removed: migrants, deportees, returnees or people named by
    # nationality ("100 Dominican ex-convicts deported from the U.S. arrive today").
    en: ["migrant", "migrants", "immigrant", "immigrants", "asylum seeker*", "undocumented",
         "nationals", "deportee*", "returnee*", "Haitians", "Guatemalans", "Hondurans",
         "Salvadorans", "Mexicans", "Venezuelans", "Colombians", "Ecuadorians", "Cubans",
         "Nicaraguans", "Dominicans", "Indians", "Afghans", "Pakistanis", "Bangladeshis",
         "Nigerians", "Filipinos", "Albanians", "Georgians"]
    es: ["migrantes", "inmigrantes", "indocumentados", "connacionales", "compatriotas",
         "deportados", "retornados", "repatriados", "guatemaltecos", "hondureños",
         "salvadoreños", "mexicanos", "venezolanos", "colombianos", "ecuatorianos",
         "cubanos", "nicaragüenses", "haitianos", "dominicanos", "bolivianos", "peruanos"]
"""
A_RULES = """\
  - name: removed-people-arrive
    weight: 2.5
    description: >-
      Counted migrants or nationals deported or returned, told as an arrival or a
      reception (v16: "100 Dominican ex-convicts deported from the U.S. arrive today",
      "recibió a 120 retornados"): a removal reported without the word flight; not over
      land or by sea, not citizens evacuated, not an extradition.
    near: [deport, arrive]
    within: 8
    requires: [people_sent, headcount]
    unless: [land_sea, overland, evacuation, citizens, extradition]
"""

# B: the vetoes for citizens brought home stop firing on repatriations that name migrants
# by nationality, an immigration authority or irregular status, or returnees.
B_NATIONALS_EN = (
    '"Guineans", "Ivorians", "Cameroonians", "Congolese", "Vietnamese", "Filipinos"]',
    '"Guineans", "Ivorians", "Cameroonians", "Congolese", "Vietnamese", "Filipinos",\n'
    "         # v16\n"
    '         "Sierra Leoneans", "Liberians", "Zimbabweans", "Malawians", "Kenyans",\n'
    '         "Ugandans", "Burundians", "Rwandans", "Indonesians", "Burmese", "Rohingya",\n'
    '         "Kazakhs", "Kyrgyz", "Tajiks", "Turkmen", "Yemenis", "Kurds", "Bolivians",\n'
    '         "Chileans", "Paraguayans", "Costa Ricans", "Panamanians", "Trinidadians",\n'
    '         "Guyanese", "Surinamese"]',
)
B_NATIONALS_ES = (
    '"cameruneses", "congoleños", "vietnamitas", "filipinos"]',
    '"cameruneses", "congoleños", "vietnamitas", "filipinos",\n'
    "         # v16\n"
    '         "sierraleoneses", "liberianos", "zimbabuenses", "keniatas", "kenianos",\n'
    '         "ugandeses", "indonesios", "birmanos", "rohinyás", "kazajos", "kirguisos",\n'
    '         "tayikos", "yemeníes", "kurdos", "bolivianos", "bolivianas", "paraguayos",\n'
    '         "costarricenses", "panameños", "trinitenses", "guyaneses", "surinameses"]',
)
B_GROUPS = """\
  removal_authority:
    # v16 (stop 50): an immigration authority, or people without legal status: a
    # repatriation they carry out or that names them is a removal of migrants, not
    # citizens brought home ("vuelos para repatriaciones de personas que ingresaron
    # ilegalmente").
    en: ["immigration department", "department of immigration", "immigration officials",
         "immigration authorities", "immigration service*", "immigration director",
         "director of immigration", "immigration enforcement", "illegally",
         "illegal immigrant*", "irregular status", "without legal status", "overstayer*",
         "overstaying"]
    es: ["Migración Colombia", "Instituto Nacional de Migración", "=INM",
         "Dirección General de Migración", "Dirección de Migración", "autoridades migratorias",
         "Servicio Nacional de Migraciones", "Migración y Extranjería", "de manera ilegal",
         "de forma ilegal", "ilegalmente", "de manera irregular", "de forma irregular",
         "situación irregular", "sin papeles", "sin documentos"]
  returnee_word:
    # v16 (stop 50): "returnees" are people returned by a state ("received 162 Nigerian
    # returnees"), not travellers stranded on a trip. English only: Spanish "retornados"
    # also names citizens flown home.
    en: ["returnee", "returnees"]
"""
B_UNLESS = (
    (
        "    any: [repatriation]\n"
        "    unless: [migrant, deportee, deport_strict, programme, nationals_pl, iom]\n",
        "    any: [repatriation]\n"
        "    unless: [migrant, deportee, deport_strict, programme, nationals_pl, iom,\n"
        "             removal_authority]\n",
    ),
    (
        "    requires: [citizens]\n    unless: [migrant, deportee, deport_strict, programme]\n",
        "    requires: [citizens]\n"
        "    unless: [migrant, deportee, deport_strict, programme, removal_authority]\n",
    ),
    (
        "    unless: [deport_strict, programme, iom, stranded_migrants, held_migrants]\n",
        "    unless: [deport_strict, programme, iom, stranded_migrants, held_migrants,\n"
        "             returnee_word]\n",
    ),
)


def _sub(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"not exactly once in main's file: {old[:60]!r}")
    return text.replace(old, new)


def flights_text(a: bool, b: bool) -> str:
    text = (TOPICS / FLIGHTS).read_text("utf-8")
    text = _sub(text, "version: 15\n", "version: 16\n")
    groups = (A_GROUPS if a else "") + (B_GROUPS if b else "")
    text = _sub(text, "\nrules:\n", "\n" + groups + "\nrules:\n")
    if a:
        text = _sub(text, "  - name: iom-return\n", A_RULES + "  - name: iom-return\n")
    if b:
        for old, new in (B_NATIONALS_EN, B_NATIONALS_ES, *B_UNLESS):
            text = _sub(text, old, new)
    return text


def main() -> None:
    out = Path(sys.argv[1])
    for name, a, b in (("a", True, False), ("b", False, True), ("c", True, True)):
        where = out / f"topics_{name}"
        where.mkdir(parents=True, exist_ok=True)
        for path in TOPICS.glob("*.yaml"):
            shutil.copy(path, where / path.name)
        (where / FLIGHTS).write_text(flights_text(a, b), "utf-8")
        diff = subprocess.run(
            [
                "diff",
                "-u",
                "--label",
                f"a/{TOPICS}/{FLIGHTS}",
                "--label",
                f"b/{TOPICS}/{FLIGHTS}",
                str(TOPICS / FLIGHTS),
                str(where / FLIGHTS),
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        (HERE / f"candidate_{name}.diff").write_text(diff, "utf-8")
        print(name, where, len(diff.splitlines()), "diff lines")


if __name__ == "__main__":
    main()
