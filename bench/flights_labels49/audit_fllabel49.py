"""Labelling-consistency audit of the studied flights files (stop 49, issue 15; helper fllabel49).

Groups the items of every studied ``tests/data/flights_*.jsonl`` into borderline classes by
transparent keyword patterns over the title and summary (lower case, accents stripped), and
counts per class how many are labelled a flight record (``flight`` not null) and how many
not, per file and per language. The judges (``flights_fresh48*``, ``flights_fresh49*``) are
never opened: they are left out by name before any file is read.

A pattern only proposes a class; every item it takes was read (AUDIT.md). What reading
found is kept below as data: ``CONTRADICTS`` lists the items whose label goes against the
definition AUDIT.md proposes for their class, each with the one-line reason. The script
checks that each listed id exists and carries the label the list says it has, so the list
cannot drift from the data silently.

Usage: .venv/bin/python bench/flights_labels49/audit_fllabel49.py [--items CLASS]
Writes bench/flights_labels49/audit.txt (the counts and the per-class id lists).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
# The sealed judges of stop 49: never read, not even their line count.
JUDGE_PREFIXES = ("flights_fresh48", "flights_fresh49")


@dataclass(frozen=True)
class Item:
    file: str
    id: str
    lang: str
    record: bool
    title: str
    text: str  # normalised title + " || " + summary
    head: str  # normalised title only
    note: str  # normalised labeller's note (read only by the told_further_down class)


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if not p.stem.startswith(JUDGE_PREFIXES))


def load_items() -> list[Item]:
    items: list[Item] = []
    for path in studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            title, summary = str(obj.get("title") or ""), str(obj.get("summary") or "")
            items.append(
                Item(
                    file=path.stem.removeprefix("flights_"),
                    id=str(obj["id"]),
                    lang=str(obj.get("lang")),
                    record=obj.get("flight") is not None,
                    title=" ".join(title.split()),
                    text=_norm(f"{title} || {summary}"),
                    head=_norm(title),
                    note=_norm(str(obj.get("note") or "")),
                )
            )
    return items


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


# Words that tell an aircraft or an air trip; their absence defines the "no flight word" class.
FLIGHT_WORD = _rx(
    r"\bvuelos?\b",
    r"\bavion(es|eta)?\b",
    r"aeronave",
    r"aerolinea",
    r"\baere[oa]s?\b",
    r"aeropuerto",
    r"aeroespacial",
    r"\bvol[oó]\b",
    r"aterriz",
    r"despeg",
    r"\bcharter",
    r"\bchárter",
    r"\bflights?\b",
    r"\bplanes?\b",
    r"aircraft",
    r"airport",
    r"airline",
    r"airways",
    r"air force",
    r"airlift",
    r"\bflown\b",
    r"\bfl(y|ies|ying|ew)\b",
    r"\bjets?\b",
    r"boeing|airbus|hercules|c-17|c-130",
    r"conviasa|global x|eastern airlines|avianca|iberia|\bfach\b|\bfac\b|\bfap\b",
    r"\blanded\b|\blands\b|touch(ed)? down|took off|takes off",
)
REMOVAL_WORD = _rx(
    r"deport",
    r"expuls",
    r"expel",
    r"repatri",
    r"devuel",
    r"devolv",
    r"retorn",
    r"\bremov",
    r"\breturn",
    r"sent back|send back|sending back|flown home|fly(ing)? home",
    r"\benviad|\benvia\b|\benvian\b",
)

# Each class: name -> (what it holds, pattern over title+summary). Membership is the pattern;
# a few classes narrow it in ``classes_of``.
CLASS_PATTERNS: dict[str, tuple[str, re.Pattern[str]]] = {
    "own_citizens": (
        "a state flying its own citizens home: evacuation (war, disaster), people stranded "
        "(pandemic, closed airspace), humanitarian flights",
        _rx(
            r"evacu",
            r"stranded|varad",
            r"vuelos? humanitari|humanitarian flight|mision humanitaria",
            r"vande bharat",
            r"puente aereo|airlift",
            r"rescat|rescued",
            r"bring (home|back) (stranded|its|their)|traer a casa|trae a casa",
            r"pandemi|covid|coronavirus",
            r"connacionales|compatriotas",
        ),
    ),
    "workers_home": (
        "migrant workers or expatriates flown home from a host state (Gulf, Maldives, East "
        "Asia) with or without a removal word",
        _rx(
            r"(migrant|expatriate|bangladeshi|nepali|indian|filipino|sri lankan|pakistani|"
            r"indonesian|vietnamese|ethiopian|egyptian|nigerian) (migrant )?workers",
            r"\bexpats?\b|expatriates",
            r"amnesty",
            r"housemaids|labourers|laborers",
            r"trabajadores (migrantes|migratorios)",
        ),
    ),
    "iom_voluntary": (
        "IOM / state 'voluntary' or 'assisted' return and named return plans (VHR, AVRR, "
        "Plan Vuelta a la Patria, Plan Retorno)",
        _rx(
            r"\biom\b|\boim\b|organizacion internacional para las migraciones",
            r"international organi[sz]ation for migration",
            r"voluntar",
            r"retorno asistido|assisted (voluntary )?return",
            r"vuelta a la patria",
            r"plan (humanitario )?de (retorno|regreso)|operacion retorno|regreso ordenado",
        ),
    ),
    "tally_period": (
        "people or flights counted over a period (since, so far this year, in N months, a "
        "quarter, a year)",
        _rx(
            r"en lo que va",
            r"so far this year|thus far this year|so far in 20",
            r"en (el )?(primer|segundo|tercer|cuarto) (trimestre|semestre)",
            r"(first|second) (half|quarter) of 20",
            r"since (january|february|march|april|may|june|july|august|september|october|"
            r"november|december|20[0-2][0-9])",
            r"desde (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
            r"noviembre|diciembre|20[0-2][0-9]|el inicio)",
            r"(en|in|over) (los |las |the )?(ultimos|ultimas|last|past) [0-9a-z]+ "
            r"(meses|dias|semanas|anos|months|days|weeks|years)",
            r"\b(in|en|over|within) (just )?[0-9a-z]+ "
            r"(meses|months|dias|days|semanas|weeks|years?|anos?)\b",
            r"(this|last) (fiscal )?year\b|este ano|el ano pasado|fiscal year|ano fiscal",
            r"\b(durante|during|in|en) (el ano )?20[0-2][0-9]\b",
            r"a month\b|al mes\b|per month|monthly|mensual|anual|annual|per year|al ano\b",
            r"\bsuman\b|\bya son\b|running total|in total since|van (\w+ )?en",
        ),
    ),
    "programme": (
        "a programme, schedule, deal, plan or policy change about removal flights, with or "
        "without a flight of it told (resume, suspend, agree, plan, 'N flights a week')",
        _rx(
            r"reanud|\bresum|retoma|reinici|reactiv|restart|reautoriz",
            r"suspend|suspension|\bpaus|\bhalt|moratori|\bfrena\b|\bend(s|ed)?\b",
            r"acuerdo|agreement|\bdeal\b|convenio|memorando",
            r"programa\b|programme|\bprogram\b|\bplan\b",
            r"a la semana|por semana|semanal|weekly|per week|a week\b|twice a week|"
            r"dos veces por semana|cada (lunes|martes|miercoles|jueves|viernes|sabado|domingo)|"
            r"every (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|daily|diarios",
            r"\bwill (begin|start|resume|deport|send)|\bto (begin|start|resume)\b|"
            r"comenzara|iniciara|enviara|deportara|recibira|arribaran|llegaran",
            r"propon|propos|consider|planea|plans? to|mulls|offers? to|ofrece",
        ),
    ),
    "land_sea": (
        "a removal or return over land or by sea (bus, border post, bridge, ferry, ship, "
        "Coast Guard cutter, rafters)",
        _rx(
            r"\bbus(es)?\b|autobus|camion(es)?\b|\btrucks?\b",
            r"ferry|ferries|\bbarcos?\b|buques?|cutter|navy ships?|naval|embarcacion|boat",
            r"coast guard|guardia costera|guardacostas|balseros?|patera|cayuco",
            r"via (terrestre|maritima|fluvial)|por tierra|by land|overland|land border|"
            r"frontera terrestre",
            r"\bbridge\b|\bpuente (internacional|fronterizo|rumichaca)|border (crossing|post|"
            r"gate|point)|puesto fronterizo|paso fronterizo|garita|punto fronterizo",
            r"seaport|\bport of\b|\bpuerto de\b|\bport\b",
        ),
    ),
    "prisoner_extradition": (
        "extraditions, prisoner transfers, prisoners sent to serve a sentence, and foreign "
        "prisoners deported after serving one",
        _rx(
            r"extradi",
            r"\breos?\b|\bpresos?\b|reclusos?|prisoners?|inmates?|convicts?",
            r"condenas?\b|\bsentences?\b|jail term|prison term",
            r"capos?\b|narcotrafican|drug lord|fugitives?",
        ),
    ),
    "no_flight_word": (
        "a removal word and no flight word anywhere in the title or summary (deportees "
        "arriving, 'X deports N', told with no plane, airport or carrier)",
        re.compile(r"(?!)"),  # decided by _no_flight_word below
    ),
    "remains_funds": (
        "repatriation of remains (bodies, ashes) or of funds (profits, remittances)",
        _rx(
            r"\brestos\b|\bcuerpos\b|cadaver|bodies|\bremains\b|ashes|cenizas|fallecid|"
            r"deceased|\bdead\b",
            r"remesas|remittance|\bfunds\b|profits|earnings|repatriation tax|\$[0-9]",
        ),
    ),
    "inadmission": (
        "travellers refused entry at an airport and sent back (inadmissions, denied entry)",
        _rx(
            r"inadmi",
            r"(denied|refused) entry|refusal room",
            r"(negad|denegad|prohib|impid)\w* (la )?(entrada|ingreso)|no admit",
            r"sin boletos de retorno|return tickets|dummy return",
        ),
    ),
    "court_block": (
        "a court or judge ruling on removals (a named removal stopped, or removals in general)",
        _rx(
            r"\bjuez|\bjudge|\bcourt\b|tribunal|\bcorte\b|supreme|supremo|audiencia nacional|"
            r"\bruling|\bfallo\b|magistrad",
        ),
    ),
    "cost_business": (
        "what removal flights cost, contracts, carriers joining or leaving the business",
        _rx(
            r"\bcost(s|ly|ing)?\b|\bcostos?\b|costos[oa]|\bcaros?\b|\bcaras?\b|gastad|gasto|\bspent\b|"
            r"\bspend|£[0-9]",
            r"contract|contrato|licen[cs]|negocio|business",
            r"(airline|carrier|avelo)\b.*\b(quits?|ends?|cut ties|cease|abandon|backlash)",
        ),
    ),
    "several_destinations": (
        "one removal or one programme to several home states ('a sus paises de origen', "
        "'to their home countries', several nationalities)",
        _rx(
            r"a sus (respectivos )?paises|to their (respective |home )?countries|"
            r"to their countries of origin|a sus lugares de origen",
            r"(various|several) (countries|nationalities)|(varias|distintas|diferentes) "
            r"nacionalidades|(different|various) nationalities",
        ),
    ),
    "told_further_down": (
        "labels whose deciding fact is outside the title and summary (the labeller's note "
        "says it is further down; extraction and eval read only title and summary)",
        re.compile(r"(?!)"),  # decided by the note, in NARROWED
    ),
    "domestic_transfer": (
        "flights inside one state (detainees moved within the country, a domestic leg to a "
        "land border)",
        _rx(
            r"domestic|shuttl|internal flight|interior of mexico|al interior del pais",
            r"\btrasladad[oa]s? (a|hacia) (la ciudad|el penal|la estacion|tapachula|"
            r"puerto carreno|inirida)",
            r"puerto carreno|inirida|within (the )?(us|united states|country)",
            r"\btransfer(red)? (to|between) (detention|another)",
        ),
    ),
}


HEAD_COUNT = _rx(
    r"\b\d[\d.,]*\b",
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"dozens?|hundreds?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|"
    r"treinta|cuarenta|cincuenta|decenas|cientos|centenar|docena)\b",
)
# Markers of the definitions AUDIT.md proposes: each says whether a member of its class is a
# record under the proposed line. Off the diagonal (marker and label disagree) is what was read.
REMOVED_MIGRANTS = _rx(
    r"deport|expuls|\bexpel|\birregular|illegal|ilegal|indocumentad|undocumented|detenid|"
    r"detained|detention|amnist|amnesty|sin papeles|overstay|violator|infractor|asylum|asilo",
    r"\bmigrants?\b(?! workers)|\bmigrantes\b|inmigrantes|\bimmigrants?\b",
)
DAY = (
    r"(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
)
MONTH = (
    r"(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)"
)
ONE_REMOVAL = _rx(
    rf"\b(este|el|on|last|this) {DAY}\b|\bhoy\b|\bayer\b|anoche|\btoday\b|yesterday|tonight|"
    r"last night|this morning|esta manana|madrugada",
    rf"\b\d{{1,2}} (de )?{MONTH}\b|\b{MONTH} \d{{1,2}}\b|\(\d{{1,2}}/\d{{1,2}}\)",
    r"\b(un|el|nuevo|a|the|latest|new|another|otro) (nuevo |new |special |charter )?"
    r"(vuelo|flight|charter flight|avion|plane)\b",
)
STAY_HOME = _rx(r"extradi|traslad|transfer|condenas?\b|\bsentences?\b|to serve|cumplir")
PROGRAMME_HEAD = CLASS_PATTERNS["programme"][1]
# "4 vuelos a la semana" counts flights of a schedule, not people on one flight.
SCHEDULE = _rx(r"a la semana|por semana|semanal|weekly|per week|a week\b|twice a week")
FLIGHT_HEAD = FLIGHT_WORD
# The note says the deciding fact sits outside the title and summary (the eval reads neither).
FURTHER_DOWN = _rx(
    r"further down|later in the|next paragraph|in the body|not in the text kept|told further|"
    r"named further|further on|third paragraph|next paragraphs|fourth paragraph",
)


# "first flight since 2020" dates a resumption; it counts nothing over a period.
FIRST_SINCE = _rx(r"\b(first|primera?|primeros)\b.*\b(since|desde)\b")
MEANS_OR_FLIGHT = _rx(
    r"flight|plane|charter|aircraft|airport|vuelo|avion|aeropuerto|\bbus|autobus|ferry|ship|"
    r"barco|\bboats?\b|by land|overland|land border|terrestre|by sea|\bport\b"
)


def _told_further_down(item: Item) -> bool:
    """The labeller's note puts the fact that decides record or not (a flight, or a land or sea
    means) outside the title and summary: one sentence of the note names both."""
    if "no flight word" in item.note:
        return True
    sentences = re.split(r"(?<=[.;:])\s", item.note)
    return any(FURTHER_DOWN.search(s) and MEANS_OR_FLIGHT.search(s) for s in sentences)


def _no_flight_word(item: Item) -> bool:
    return bool(REMOVAL_WORD.search(item.text)) and not FLIGHT_WORD.search(item.text)


def _removal_no_flight_word(item: Item) -> bool:
    """A group removal told with a head count in the headline and no flight word at all; land
    or sea, tallies, evacuations, remains and prisoners are their own classes."""
    if not _no_flight_word(item) or not HEAD_COUNT.search(item.head):
        return False
    if not REMOVAL_WORD.search(item.head):
        return False
    others = ("land_sea", "tally_period", "own_citizens", "remains_funds", "prisoner_extradition")
    return not any(CLASS_PATTERNS[name][1].search(item.text) for name in others)


def _programme(item: Item) -> bool:
    """A programme word in the headline, with a removal or flight word there and no head
    count: the announcement, not a flight with its head count."""
    head = item.head
    counted = bool(HEAD_COUNT.search(head)) and not SCHEDULE.search(head)
    return bool(
        PROGRAMME_HEAD.search(head)
        and (REMOVAL_WORD.search(head) or FLIGHT_WORD.search(head))
        and not counted
    )


NARROWED: dict[str, Callable[[Item], bool]] = {
    "no_flight_word": _removal_no_flight_word,
    "programme": _programme,
    "told_further_down": _told_further_down,
    "tally_period": lambda item: bool(
        CLASS_PATTERNS["tally_period"][1].search(item.text) and not FIRST_SINCE.search(item.head)
    ),
}

# What the proposed definition says of a member (True: a record), by its marker.
SAYS_RECORD: dict[str, Callable[[Item], bool]] = {
    "own_citizens": lambda i: bool(REMOVED_MIGRANTS.search(i.text)),
    "workers_home": lambda i: bool(REMOVED_MIGRANTS.search(i.text)),
    "iom_voluntary": lambda i: (
        bool(FLIGHT_WORD.search(i.text)) and not CLASS_PATTERNS["tally_period"][1].search(i.head)
    ),
    "tally_period": lambda i: bool(ONE_REMOVAL.search(i.text)),
    "programme": lambda i: bool(FLIGHT_HEAD.search(i.head)),
    "land_sea": lambda i: bool(FLIGHT_WORD.search(i.text)),
    "prisoner_extradition": lambda i: not STAY_HOME.search(i.text),
    "no_flight_word": lambda i: True,
    "remains_funds": lambda i: False,
    "inadmission": lambda i: False,
    "court_block": lambda i: bool(HEAD_COUNT.search(i.head) or FLIGHT_WORD.search(i.head)),
    "cost_business": lambda i: bool(HEAD_COUNT.search(i.head) or ONE_REMOVAL.search(i.head)),
    "domestic_transfer": lambda i: False,
    "several_destinations": lambda i: bool(ONE_REMOVAL.search(i.text)),
    "told_further_down": lambda i: i.record,
}


def classes_of(item: Item) -> list[str]:
    found = []
    for name, (_, pattern) in CLASS_PATTERNS.items():
        test = NARROWED.get(name)
        if test(item) if test is not None else bool(pattern.search(item.text)):
            found.append(name)
    return found


# What reading the items found: labels that go against AUDIT.md's proposed definition of
# their class. id -> (class, label now "R"|"N", reason). Filled by reading, never by a model.
CONTRADICTS: dict[str, tuple[str, str, str]] = {
    # A tally told with the one removal it brings is a record of that removal (stop 46).
    "fl-21026": ("tally_period", "N", "lede: NEMA receives a fresh batch of 258 from Libya"),
    "fl-28021": ("tally_period", "N", "lede: one joint operation of 31, returned on Tuesday"),
    "fl-9647": ("tally_period", "R", "(weak) refusals over three weeks, no one flight told"),
    # A programme change is a record when flights between two named states are its object.
    "fl-31716": ("programme", "N", "MX->HN removals resume with 4 flights a week (planned)"),
    "fl-36018": ("programme", "N", "MX->CU air returns paused until further notice (blocked)"),
    "fl-7056": ("programme", "N", "US->MX flight programme ended (blocked)"),
    "fl-0176": ("programme", "R", "'resumes direct deportation', no flight in title/summary"),
    "fl-0179": ("programme", "R", "'reanudara las deportaciones', no flight in title/summary"),
    "fl-44102": ("iom_voluntary", "N", "US->MX voluntary repatriation flights start this weekend"),
    # Own citizens flown home: a record only when title or summary says they are removed.
    "fl-36009": ("workers_home", "R", "'expatriate workers returned home' ('deported' is body)"),
    "fl-36010": ("own_citizens", "R", "workers 'returned home', stranded by COVID-19 beside them"),
    "fl-40050": ("own_citizens", "R", "'evacuated' under a repatriation exercise, no removal word"),
    "fl-9823": ("own_citizens", "R", "(weak) 'brings back 367 of its nationals', no migrant word"),
    "fl-9603": ("no_flight_word", "R", "(weak) 'Ethiopians repatriated' SA->ET, no migrant word"),
    "fl-21034": ("own_citizens", "N", "(weak) 44 migrants to be deported MT->BD, no day"),
    # Travellers refused entry go back on the airline's own flights: no removal flight.
    "fl-28002": ("inadmission", "R", "refused at Dubai airport, sent back on PIA flights"),
}


def _count_line(name: str, members: list[Item]) -> list[str]:
    rec = sum(1 for i in members if i.record)
    lines = [f"{name}: {len(members)} items, record {rec}, not {len(members) - rec}"]
    by_lang: Counter[tuple[str, bool]] = Counter((i.lang, i.record) for i in members)
    langs = sorted({i.lang for i in members})
    lines.append(
        "  by language: "
        + "; ".join(f"{lang} {by_lang[(lang, True)]}R/{by_lang[(lang, False)]}N" for lang in langs)
    )
    by_file: dict[str, Counter[bool]] = defaultdict(Counter)
    for i in members:
        by_file[i.file][i.record] += 1
    lines.append(
        "  by file: " + ", ".join(f"{f} {c[True]}R/{c[False]}N" for f, c in sorted(by_file.items()))
    )
    both = [f for f, c in by_file.items() if c[True] and c[False]]
    lines.append(f"  files with both labels: {len(both)} of {len(by_file)}")
    return lines


def _id_lines(name: str, members: list[Item]) -> list[str]:
    says = SAYS_RECORD[name]
    lines = []
    cells: dict[tuple[bool, bool], list[str]] = defaultdict(list)
    for i in members:
        cells[(says(i), i.record)].append(i.id)
    lines.append(
        "  marker of the proposed line (a first cut, read item by item): says record -> "
        f"{len(cells[(True, True)])}R/{len(cells[(True, False)])}N; says not -> "
        f"{len(cells[(False, True)])}R/{len(cells[(False, False)])}N"
    )
    for label, want in (("R", True), ("N", False)):
        ids = [i.id for i in members if i.record is want]
        lines.append(f"  {label} ids: " + (" ".join(ids) if ids else "-"))
    return lines


def off_diagonal(name: str, items: list[Item]) -> list[Item]:
    """Members whose label and marker disagree: the ones read first."""
    says = SAYS_RECORD[name]
    return [i for i in items if name in classes_of(i) and says(i) is not i.record]


def _check_contradicts(by_id: dict[str, Item], members: dict[str, list[Item]]) -> list[str]:
    problems = []
    for item_id, (name, label, _) in CONTRADICTS.items():
        item = by_id.get(item_id)
        if item is None:
            problems.append(f"{item_id}: not in the studied files")
        elif ("R" if item.record else "N") != label:
            problems.append(f"{item_id}: labelled {'R' if item.record else 'N'}, list says {label}")
        elif name not in CLASS_PATTERNS:
            problems.append(f"{item_id}: unknown class {name}")
        elif item not in members[name]:
            problems.append(f"{item_id}: the {name} pattern does not take it")
    return problems


CHANGE_HEAD = _rx(
    r"reanud|\bresum|retoma|reinici|reactiv|restart|reautoriz|restablec|suspend|suspension|"
    r"\bpaus|\bhalt|moratori|\bfrena\b|\bend(s|ed)?\b|on hold|delays?",
)


def _change_split(items: list[Item]) -> list[str]:
    """The programme-change shape read in AUDIT.md: a suspension, resumption or end of removals
    in the headline, split by whether title or summary names a flight (the proposed line)."""
    cells: Counter[tuple[bool, bool]] = Counter()
    for i in items:
        if CHANGE_HEAD.search(i.head) and REMOVAL_WORD.search(i.head):
            cells[(bool(FLIGHT_WORD.search(i.text)), i.record)] += 1
    return [
        "== sub-shape: a suspension/resumption/end of removals in the headline",
        f"  a flight named in title or summary: {cells[(True, True)]}R/{cells[(True, False)]}N; "
        f"no flight named: {cells[(False, True)]}R/{cells[(False, False)]}N",
        "",
    ]


def report(items: list[Item]) -> str:
    members: dict[str, list[Item]] = {name: [] for name in CLASS_PATTERNS}
    for item in items:
        for name in classes_of(item):
            members[name].append(item)
    rec = sum(1 for i in items if i.record)
    files = studied_files()
    out = [
        "fllabel49: labelling-consistency audit of the studied flights files (stop 49)",
        f"studied files: {len(files)} ("
        + ", ".join(p.stem.removeprefix("flights_") for p in files)
        + ")",
        f"items: {len(items)}, record {rec}, not {len(items) - rec}; judges never opened: "
        + ", ".join(f"{p}*" for p in JUDGE_PREFIXES),
        "A pattern proposes a class (an item may fall in several); AUDIT.md reads them.",
        "",
    ]
    for name, (what, _) in CLASS_PATTERNS.items():
        out.append(f"== {name}: {what}")
        out.extend(_count_line(name, members[name]))
        out.extend(_id_lines(name, members[name]))
        out.append("")
    out.extend(_change_split(items))
    by_id = {i.id: i for i in items}
    problems = _check_contradicts(by_id, members)
    out.append(f"== contradicting the proposed definitions (read item by item): {len(CONTRADICTS)}")
    per_class: Counter[tuple[str, str]] = Counter((c, lab) for c, lab, _ in CONTRADICTS.values())
    for name in CLASS_PATTERNS:
        r, n = per_class[(name, "R")], per_class[(name, "N")]
        if r or n:
            out.append(
                f"  {name}: {r + n} ({r} labelled R, should be N; {n} labelled N, should be R)"
            )
    for item_id, (name, label, why) in sorted(CONTRADICTS.items()):
        found = by_id.get(item_id)
        where = f"{found.file}/{found.lang}" if found else "?"
        out.append(f"  {item_id} [{where}] {name} {label}: {why}")
    if problems:
        out.append("LIST PROBLEMS: " + "; ".join(problems))
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", help="print the items of one class (title, label, file)")
    parser.add_argument("--off", help="print one class's items whose marker and label disagree")
    args = parser.parse_args()
    items = load_items()
    if args.off:
        for item in off_diagonal(args.off, items):
            label = "R" if item.record else "N"
            print(f"{item.id} [{item.file}/{item.lang}] {label} | {item.text[:300]}")
        return 0
    if args.items:
        for item in items:
            if args.items in classes_of(item):
                label = "R" if item.record else "N"
                print(f"{item.id} [{item.file}/{item.lang}] {label} | {item.title[:150]}")
        return 0
    text = report(items)
    (HERE / "audit.txt").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
