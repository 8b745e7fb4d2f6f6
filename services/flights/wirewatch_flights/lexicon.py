"""Where names come from, compiled into two regular expressions. Pure.

- Country names in English and Spanish: Babel's CLDR territory names (no hand-kept
  table: Babel's data as shipped in ``data/cldr.json``, :mod:`wirewatch_flights.cldr`),
  plus the aliases in ``data/places.yaml``;
- cities: CLDR's exemplar cities of the time zones (Babel), in English and Spanish,
  with the territory of their zone ("Dhaka", "Riad", "Estambul", "Yakarta");
- demonyms (how the deported people are named: "venezolanos", "Guatemalans"), state
  adjectives ("estadounidense"), more cities and airports, from ``data/places.yaml``;
- the plural people names of every state (English and Spanish: "Pakistanis", "kurdos" is
  not one, "alemanes") from ``data/demonyms.yaml``, where places.yaml is silent;
- operators (agencies and carriers) and the deporting state an agency implies;
- state signals: offices and officials that imply the deporting state without being an
  operator ("federal judge", "Kristi Noem", "Home Secretary").

Names that are also common words or pronouns ("=US", "=Chad") must appear with
exactly that spelling; everything else matches case- and accent-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from wirewatch_shared.text import strip_accents

from wirewatch_flights import cldr
from wirewatch_flights.text import fold

DATA_PATH = Path(__file__).resolve().parent / "data" / "places.yaml"
DEMONYMS_PATH = DATA_PATH.with_name("demonyms.yaml")

Kind = Literal["country", "people", "state_adj", "place", "operator", "signal"]

_EXACT_CASE_NAMES = frozenset(
    {
        "Chad",
        "Niger",
        "Níger",
        "Guinea",
        "Mali",
        "Malí",
        "Turkey",
        "Jordan",
        "Jordania",
        "Togo",
        "Chile",
        "Cuba",
        "India",
        "Oman",
        "Omán",
        "Samoa",
        "Georgia",
        "Israel",
        "Peru",
        "Perú",
        "Panama",
        "Panamá",
        "Colombia",
        "Malta",
        "Canada",
        "Canadá",
        "Mexico",
        "México",
    }
)
"""Babel names that are also everyday words (or a hot chile, a guinea pig): exact case."""

_NOT_STATES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "IC", "EA", "AC", "DG", "CP", "TA"})
"""CLDR territory codes that are not ISO 3166-1 states: unions, and parts of a state CLDR
names on their own (Canarias, Ceuta y Melilla, Diego García: their state's places)."""

_SKIP_NAMES = frozenset({"jersey", "man", "georgia", "us", "niue", "sark"})
"""Babel names that collide too often to be useful at all ("New Jersey", "Isle of Man")."""


_CITY_SKIP = frozenset(
    {
        *("santiago", "la paz", "san juan", "san luis", "cordoba", "la rioja", "merida", "belen"),
        *("bahia", "salta", "sofia", "perth", "darwin", "regina", "stanley", "palmer", "davis"),
        *("casey", "troll", "wake", "oral", "granada", "san cristobal", "san vicente", "gaza"),
        *("santa elena", "guadalupe", "navidad", "antigua", "norfolk", "chatham", "cocos"),
        *("midway", "canarias", "canaries", "ceuta", "hebron", "jerusalem", "jerusalen"),
        *("famagusta", "thule", "resolute", "dawson", "creston", "mendoza", "fortaleza"),
        *("campo grande", "madeira", "azores", "marquesas", "kerguelen", "chagos", "lagos"),
        *("guernsey", "guernesey", "isla de man", "isle of man", "jersey", "tahiti", "samara"),
    }
)
"""Time-zone cities that are also everyday words, names or other places (Santiago de Cuba,
Córdoba in Spain, Sofia the name, Darwin the scientist, "lagos" the lakes), or parts of
a state CLDR names as territories of their own (Canarias, Ceuta)."""

_CITY_TERRITORIES_SKIPPED = frozenset({"AQ", "UM", "US"})
"""No Antarctic stations or US outlying islands; no US zone cities either, whose names are
mostly newspapers' ("The New York Times", "Los Angeles Times"): data/places.yaml lists
the US cities deportation flights leave from."""


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    key: str
    """ISO alpha-2 code for countries, people, state adjectives and places; the operator's
    display name for operators."""
    state: str | None = None
    """For operators and signals: the deporting state the agency or office implies (ICE
    means US)."""
    agency: bool = False
    """For operators: a government agency (ICE, INM), as opposed to a carrier or an air
    force; a named carrier is the more specific operator."""
    receiver: str | None = None
    """For operators: the state whose migration office receives the returnees (the
    Instituto Guatemalteco de Migración means the people arrive in Guatemala)."""
    operates: bool = True
    """False for an office that only receives returnees or processes them on arrival
    (Cuba's MININT, Pakistan's FIA): it names the destination, never the operator."""


@dataclass(frozen=True, slots=True)
class Mention:
    entry: Entry
    start: int
    end: int


class Lexicon:
    """Compiled name matchers: n-grams of folded word tokens looked up in one table."""

    def __init__(self, table: dict[str, list[tuple[Entry, str | None]]]) -> None:
        self._table = table
        sizes: dict[str, set[int]] = {}
        for key in table:
            words = key.split(" ")
            sizes.setdefault(words[0], set()).add(len(words))
        self._sizes = {first: sorted(s, reverse=True) for first, s in sizes.items()}
        """First token -> the lengths (in tokens) of the phrases it starts, longest first."""

    def mentions(self, text: str, folded: str) -> list[Mention]:
        """Non-overlapping mentions in text order, the longest at each position."""
        spans = [m.span() for m in TOKEN.finditer(folded)]
        tokens = [folded[a:b] for a, b in spans]
        result: list[Mention] = []
        i, n = 0, len(tokens)
        table, starts = self._table, self._sizes
        while i < n:
            step = 1
            for size in starts.get(tokens[i], ()):
                if i + size > n:
                    continue
                hits = table.get(" ".join(tokens[i : i + size]))
                if not hits:
                    continue
                start, end = spans[i][0], spans[i + size - 1][1]
                original = _squeeze(text[start:end])
                chosen = [e for e, exact in hits if exact is None or exact == original]
                if chosen:
                    result.extend(Mention(e, start, end) for e in chosen)
                    step = size
                    break
            i += step
        return result


TOKEN = re.compile(r"[^\W_]+")


def _squeeze(text: str) -> str:
    return "".join(TOKEN.findall(text))


def _key(phrase: str) -> str:
    return " ".join(TOKEN.findall(fold(phrase)))


class _Builder:
    def __init__(self) -> None:
        self.table: dict[str, list[tuple[Entry, str | None]]] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        exact = phrase.startswith("=")
        text = phrase[1:] if exact else phrase
        key = _key(text)
        if not key:
            return
        value = (entry, _squeeze(text) if exact else None)
        entries = self.table.setdefault(key, [])
        if value not in entries:
            entries.append(value)


def _babel_names() -> dict[str, set[str]]:
    """Country names (ISO alpha-2 -> names) in English and Spanish, from Babel (CLDR)."""
    names: dict[str, set[str]] = {}
    for locale in ("en", "es"):
        for code, name in cldr.load()["locales"][locale]["territories"].items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_STATES:
                continue
            clean = re.sub(r"\s*\(.*?\)", "", name).split(" - ")[0].strip()
            if not clean or fold(clean) in _SKIP_NAMES:
                continue
            names.setdefault(code, set()).add(clean)
    return names


def _babel_cities() -> dict[str, str]:
    """City names (English and Spanish) -> ISO alpha-2: CLDR's exemplar city of every time
    zone, with the zone's territory ("Asia/Dhaka" -> Dhaka, Daca -> BD)."""
    data = cldr.load()
    zones: Mapping[str, str] = data["zone_territories"]
    cities: dict[str, str] = {}
    for locale in ("en", "es"):
        names: Mapping[str, str] = data["locales"][locale]["zone_cities"]
        for zone, code in zones.items():
            if code in _CITY_TERRITORIES_SKIPPED or code in _NOT_STATES or len(code) != 2:
                continue
            city = names.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
            if re.search(r"[\d,()]|GMT|UTC|Unknown|desconocida|Station|Island|Isla", city):
                continue
            if fold(city) not in _CITY_SKIP:
                cities[city] = code
    return cities


@lru_cache(maxsize=1)
def load_lexicon(path: Path = DATA_PATH) -> Lexicon:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    builder = _Builder()
    listed = _listed_names(data)
    _add_cldr_names(builder, listed)
    _add_countries(builder, data["countries"], path)
    _add_demonyms(builder, listed, load_demonyms())
    _add_operators(builder, data["operators"])
    for code, phrases in data.get("signals", {}).items():
        for phrase in phrases:
            builder.add(phrase, Entry("signal", f"signal:{code}", code))
    return Lexicon(builder.table)


def _listed_names(data: dict[str, Any]) -> set[str]:
    """Every name data/places.yaml gives a state: that state's, whatever CLDR says
    (Christmas Island, where Australia holds deportees, is CLDR's territory CX)."""
    return {
        _key(phrase.lstrip("="))
        for spec in data["countries"].values()
        for field in ("aliases", "people", "state_adjectives", "places")
        for phrase in spec.get(field, ())
    }


def _add_cldr_names(builder: _Builder, listed: set[str]) -> None:
    """CLDR's country names, then its cities (exact case), where places.yaml is silent."""
    for code, names in _babel_names().items():
        for name in names:
            if _key(name) not in listed:
                phrase = f"={name}" if name in _EXACT_CASE_NAMES else name
                builder.add(phrase, Entry("country", code))
    countries = {_key(name) for names in _babel_names().values() for name in names}
    for city, code in _babel_cities().items():
        if _key(city) not in listed and _key(city) not in countries:
            # proper names: exact case (accents optional), never the lower-case word
            for spelling in {city, strip_accents(city)}:
                builder.add(f"={spelling}", Entry("place", code))


def load_demonyms(path: Path = DEMONYMS_PATH) -> dict[str, list[str]]:
    """State code -> its plural people names (English and Spanish), data/demonyms.yaml."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    people: dict[Any, list[str]] = data["people"]
    for code in people:
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            raise ValueError(f"{path}: country key {code!r} is not an ISO alpha-2 string")
    return people


def _add_demonyms(builder: _Builder, listed: set[str], people: dict[str, list[str]]) -> None:
    """Each state's plural people names, where places.yaml gives the name to no state
    (it keeps its own reading of a name) and the name is no country's (Spanish
    "Filipinas" is the state, not its women)."""
    countries = {_key(name) for names in _babel_names().values() for name in names}
    for code, names in people.items():
        for name in names:
            if _key(name) not in listed and _key(name) not in countries:
                builder.add(name, Entry("people", code))


_COUNTRY_FIELDS = (
    ("country", "aliases"),
    ("people", "people"),
    ("state_adj", "state_adjectives"),
    ("place", "places"),
)


def _add_countries(builder: _Builder, countries: dict[Any, Any], path: Path) -> None:
    for code, spec in countries.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            # YAML reads an unquoted NO (Norway) as false: a code must stay a string
            raise ValueError(f"{path}: country key {code!r} is not an ISO alpha-2 string")
        for kind, field in _COUNTRY_FIELDS:
            for phrase in spec.get(field, ()):
                builder.add(phrase, Entry(kind, code))  # type: ignore[arg-type]


def _add_operators(builder: _Builder, operators: dict[str, Any]) -> None:
    for name, spec in operators.items():
        entry = Entry(
            "operator",
            name,
            spec.get("state"),
            bool(spec.get("agency")),
            spec.get("receiver"),
            spec.get("operates", True),
        )
        for phrase in spec["names"]:
            builder.add(phrase, entry)


_GEORGIA = re.compile(r"\bGeorgia\b")
_ADDRESS_BEFORE = re.compile(r"\b[A-Z][\w.]*,\s*$")
"""'Atlanta, Georgia': a city's state in an address (the US state, unless the item names
the country otherwise)."""


def _shared_spans(mentions: list[Mention]) -> set[tuple[int, int]]:
    """Spans that name two states at once ("Congo": CLDR's Congo - Kinshasa and Congo -
    Brazzaville)."""
    keys: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        if m.entry.kind not in ("operator", "signal"):
            keys.setdefault((m.start, m.end), set()).add(m.entry.key)
    return {span for span, codes in keys.items() if len(codes) > 1}


def _settled_codes(found: list[list[Mention]]) -> set[str]:
    """States the item names without doubt: a name of one state only, or an agency's state."""
    codes: set[str] = set()
    for mentions in found:
        spans = _shared_spans(mentions)
        for m in mentions:
            if m.entry.kind in ("operator", "signal"):
                codes.update(c for c in (m.entry.state,) if c)
            elif (m.start, m.end) not in spans:
                codes.add(m.entry.key)
    return codes


def settle(texts: list[str], found: list[list[Mention]]) -> list[list[Mention]]:
    """Names two states share, settled by the rest of the item (title and summary):
    "Congo" is the Congo the item otherwise names (DRC, Kinshasa, Congolese), else no
    state; "Georgia" is the country when the item names it or Georgians (Tbilisi,
    "georgianos") or names no US at all ("deported ... to Georgia from Dublin")."""
    sure = _settled_codes(found)
    country = "GE" in sure or "US" not in sure
    settled = []
    for text, mentions in zip(texts, found, strict=True):
        spans = _shared_spans(mentions)
        kept = [m for m in mentions if (m.start, m.end) not in spans or m.entry.key in sure]
        if country:
            taken = [(m.start, m.end) for m in kept]
            kept += [
                Mention(Entry("country", "GE"), g.start(), g.end())
                for g in _GEORGIA.finditer(text)
                if not any(a < g.end() and g.start() < b for a, b in taken)
                and ("GE" in sure or not _ADDRESS_BEFORE.search(text[: g.start()]))
            ]
            kept.sort(key=lambda m: m.start)
        settled.append(kept)
    return settled
