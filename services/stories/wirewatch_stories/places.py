"""The places an item names, read off its text as ``c:``, ``r:`` and ``g:`` cues (pure).

Countries a report names beyond classify's entities (by a demonym, a capital, an airport of
deportation flights), those its agencies and places stand for (:func:`implied_countries`), the
US states and cities and Mexico's states (:func:`region_cues`), and the countries a headline
names (:func:`headline_cues`). The clusterer's country and region conflicts read them
(:mod:`wirewatch_stories.pair_cues`); :func:`wirewatch_stories.features.extract` gathers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch_stories.lexicon import fold

# The country an agency or a place of classify's gazetteer stands for (its entity cue ->
# ``c:`` cue). "Border Patrol", "CBP" or "Eagle Pass" name the United States as surely as
# "EE.UU." does: an item about US border policy that names only Mexico, or the migrants'
# countries, still speaks of the US. Places on both sides of a border or of no one country
# (English Channel, Guantánamo) are left out, and so is "Del Rio", which Spanish "del río"
# matches; the border places (Rio Grande, Nogales) stand for both sides.
IMPLIED_COUNTRY = {
    "a:ice": "c:US", "a:cbp": "c:US", "a:border patrol": "c:US", "a:dhs": "c:US",
    "a:uscis": "c:US", "a:eoir": "c:US", "a:state department": "c:US",
    "a:inm": "c:MX", "a:comar": "c:MX", "a:guardia nacional": "c:MX",
    "a:saime": "c:VE", "a:conviasa": "c:VE", "a:migracion colombia": "c:CO",
    "a:home office": "c:GB",
    "p:tijuana": "c:MX", "p:ciudad juarez": "c:MX", "p:reynosa": "c:MX",
    "p:matamoros": "c:MX", "p:nuevo laredo": "c:MX", "p:piedras negras": "c:MX",
    "p:mexicali": "c:MX", "p:tapachula": "c:MX", "p:ciudad hidalgo": "c:MX",
    "p:suchiate": "c:MX",
    "p:el paso": "c:US", "p:san diego": "c:US", "p:laredo": "c:US", "p:brownsville": "c:US",
    "p:mcallen": "c:US", "p:eagle pass": "c:US", "p:yuma": "c:US",
    "p:lukeville": "c:US", "p:alexandria (louisiana)": "c:US", "p:harlingen": "c:US",
    "p:mesa (arizona)": "c:US", "p:tucson": "c:US", "p:del rio international bridge": "c:US",
    "p:darien": "c:PA", "p:necocli": "c:CO", "p:cucuta": "c:CO",
    "p:san antonio del tachira": "c:VE", "p:maiquetia": "c:VE", "p:lampedusa": "c:IT",
    "p:ceuta": "c:ES", "p:melilla": "c:ES", "p:canary islands": "c:ES", "p:calais": "c:FR",
    "p:dover": "c:GB", "p:lesbos": "c:GR", "p:evros": "c:GR", "p:kigali": "c:RW",
}  # fmt: skip


# Border places name the countries on both sides; so does the sea crossing between two
# countries: a Channel crossing's reports name France (where it left), the United Kingdom
# (where it was going) or both (stories_saturday: the Calais capsize of 2021).
IMPLIED_COUNTRIES = {
    "p:rio grande": ("c:US", "c:MX"), "p:nogales": ("c:US", "c:MX"),
    "p:english channel": ("c:FR", "c:GB"),
}  # fmt: skip


def implied_countries(cues: Iterable[str]) -> set[str]:
    """The ``c:`` cues the item's agencies and places stand for (see IMPLIED_COUNTRY)."""
    implied: set[str] = set()
    for cue in cues:
        if country := IMPLIED_COUNTRY.get(cue):
            implied.add(country)
        elif both := IMPLIED_COUNTRIES.get(cue):
            implied.update(both)
        elif cue[:2] == "r:":  # a US state or city (REGIONS) names the United States
            implied.add(f"c:{cue[2:4]}" if cue[4:5] == "-" else "c:US")  # "r:MX-OAX": Mexico
    return implied


# Regions of one country, by the names of their states and largest cities (EN and ES):
# two rulings on one policy in two states (the Oregon and Illinois Guard orders, the
# Maryland and Seattle birthright injunctions) are two events, as two countries are.
# ``r:<code>`` cues. Ambiguous names are left out: "Washington" (the US government),
# "Mexico"/"Nuevo México" alone, "Georgia" is kept (US news of the domain means the state).
REGIONS = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "hawai": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "luisiana": "LA", "maine": "ME",
    "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "misisipi": "MS", "missouri": "MO", "misuri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "nuevo hampshire": "NH",
    "new jersey": "NJ", "nueva jersey": "NJ", "new mexico": "NM", "nuevo mexico": "NM",
    "new york": "NY", "nueva york": "NY", "north carolina": "NC", "carolina del norte": "NC",
    "north dakota": "ND", "dakota del norte": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "pensilvania": "PA", "rhode island": "RI",
    "south carolina": "SC", "carolina del sur": "SC", "south dakota": "SD",
    "dakota del sur": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
    "virginia": "VA", "west virginia": "WV", "virginia occidental": "WV", "wisconsin": "WI",
    "wyoming": "WY", "washington state": "WA", "estado de washington": "WA",
    # largest cities, and those of the domain's news
    "los angeles": "CA", "san francisco": "CA", "san diego": "CA", "oakland": "CA",
    "sacramento": "CA", "chicago": "IL", "broadview": "IL", "portland": "OR",
    "seattle": "WA", "boston": "MA", "miami": "FL", "orlando": "FL", "houston": "TX",
    "dallas": "TX", "el paso": "TX", "san antonio": "TX", "austin": "TX", "eagle pass": "TX",
    "phoenix": "AZ", "tucson": "AZ", "nashville": "TN", "memphis": "TN", "baltimore": "MD",
    "denver": "CO", "newark": "NJ", "new orleans": "LA", "nueva orleans": "LA",
    "atlanta": "GA", "savannah": "GA", "philadelphia": "PA", "filadelfia": "PA",
    "minneapolis": "MN", "detroit": "MI", "charlotte": "NC", "las vegas": "NV",
}  # fmt: skip
# Mexico's states (ISO 3166-2 codes), where its migrant crashes, raids and caravans are told:
# "volcadura de autobús en Oaxaca", "truck accident in Chiapas" name Mexico as surely as
# "México" does. They name Mexico in a country conflict (see implied_countries); a region
# conflict is between two regions of one country only. Names that are also common surnames
# or other places (Guerrero, Morelos, Hidalgo, México, Durango) are left out.
MEXICAN_STATES = {
    "oaxaca": "MX-OAX", "chiapas": "MX-CHP", "chihuahua": "MX-CHH", "sonora": "MX-SON",
    "tamaulipas": "MX-TAM", "coahuila": "MX-COA", "nuevo leon": "MX-NLE",
    "baja california": "MX-BCN", "baja california sur": "MX-BCS", "veracruz": "MX-VER",
    "tabasco": "MX-TAB", "puebla": "MX-PUE", "jalisco": "MX-JAL", "sinaloa": "MX-SIN",
    "zacatecas": "MX-ZAC", "michoacan": "MX-MIC", "yucatan": "MX-YUC",
    "quintana roo": "MX-ROO", "campeche": "MX-CAM", "queretaro": "MX-QUE",
    "aguascalientes": "MX-AGU", "san luis potosi": "MX-SLP", "nayarit": "MX-NAY",
    "tlaxcala": "MX-TLA", "guanajuato": "MX-GUA",
}  # fmt: skip
_ALL_REGIONS = {**REGIONS, **MEXICAN_STATES}
_REGION = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _ALL_REGIONS), key=len, reverse=True)) + r")\b"
)
# "New Mexico" must not read as "Mexico", "West Virginia" as "Virginia": longest first,
# and a region's name inside a longer one is not matched again.


# Countries named by a demonym classify's gazetteer lacks (European demonyms, mostly
# Spanish ones: "alemanes", "italianos"; English "Germans") or by their capital, as ``c:``
# cues: a Spanish follow-up that says "los conservadores alemanes" or "la Ciudad de Buenos
# Aires" and no country name shares the country with the other reports of the event
# (added after tests/data/stories_morning.jsonl was measured). Whole words only (folded).
# A capital counts only when the item names no country otherwise (see extract): read
# always, "Seoul" tied the Korean workers' charter to the raid and the release deal of the
# days before (unseen set, mean pairwise F1 over orders 0.876 -> 0.830); and demonyms are
# read always, or "la justicia alemana" (naming Poland too) conflicted with the reports
# that name only "Berlín". Capitals that are common words or other places' names are left
# out (Lima, Santiago, San José, La Paz, Asunción, Roma, Trípoli, Washington), and so are
# Brussels (the EU) and Stockholm (the Bibby Stockholm barge). A dateline ("Madrid, 3 dic
# (EFE).-", "Ciudad de México, martes 9 de septiembre") names the desk, not the event: a
# capital that opens a line and is followed by a comma or a parenthesis is not read.
CAPITALS = {
    # capitals (English and Spanish)
    "buenos aires": "AR", "madrid": "ES", "berlin": "DE", "paris": "FR", "rome": "IT",
    "athens": "GR", "atenas": "GR", "london": "GB", "londres": "GB", "lisbon": "PT",
    "lisboa": "PT", "warsaw": "PL", "varsovia": "PL", "vienna": "AT", "viena": "AT",
    "budapest": "HU", "copenhagen": "DK",
    "copenhague": "DK", "helsinki": "FI", "moscow": "RU", "moscu": "RU", "minsk": "BY",
    "kyiv": "UA", "kiev": "UA", "ankara": "TR", "damascus": "SY", "damasco": "SY",
    "kabul": "AF", "tehran": "IR", "teheran": "IR", "baghdad": "IQ", "bagdad": "IQ",
    "erbil": "IQ", "beirut": "LB", "islamabad": "PK", "new delhi": "IN", "nueva delhi": "IN",
    "dhaka": "BD", "algiers": "DZ", "argel": "DZ", "rabat": "MA", "cairo": "EG",
    "el cairo": "EG", "nouakchott": "MR", "dakar": "SN", "bamako": "ML", "niamey": "NE",
    "abuja": "NG", "accra": "GH", "nairobi": "KE", "kampala": "UG", "juba": "SS",
    "beijing": "CN", "pekin": "CN", "seoul": "KR", "seul": "KR", "tokyo": "JP", "tokio": "JP",
    "manila": "PH", "hanoi": "VN", "bangkok": "TH", "kuala lumpur": "MY", "jakarta": "ID",
    "yakarta": "ID", "canberra": "AU", "ottawa": "CA", "caracas": "VE", "bogota": "CO",
    "quito": "EC", "brasilia": "BR", "montevideo": "UY", "havana": "CU", "la habana": "CU",
    "managua": "NI", "tegucigalpa": "HN", "san salvador": "SV", "guatemala city": "GT",
    "ciudad de guatemala": "GT", "mexico city": "MX", "ciudad de mexico": "MX",
    "santo domingo": "DO", "port-au-prince": "HT", "puerto principe": "HT", "tirana": "AL",
}  # fmt: skip
# The airports and arrival cities of deportation and repatriation flights, as ``c:`` cues of
# their country, read always (datelines aside, as capitals): "lands in Amritsar", "aterrizó en
# Incheon", "llegó al aeropuerto Juan Santamaría" name the country the flight went to; the
# reports that name the country instead then give no country conflict (stop 30, after the
# flight stories' splits). Not place cues: every flight on one route lands there, so a shared
# place would join look-alike flights (Mexico's two Port-au-Prince flights, stories_terce).
AIRPORTS = {
    "port-au-prince": "HT", "puerto principe": "HT", "cap-haitien": "HT",
    "cabo haitiano": "HT", "toussaint louverture": "HT", "amritsar": "IN", "incheon": "KR",
    "juan santamaria": "CR", "la aurora": "GT", "fuerza aerea guatemalteca": "GT",
    "guatemalan air force": "GT", "san pedro sula": "HN", "ramon villeda morales": "HN",
    "comalapa": "SV", "kabul": "AF", "maiquetia": "VE", "leipzig": "DE", "palmerola": "HN",
    "toncontin": "HN", "guayaquil": "EC", "latacunga": "EC", "manaus": "BR", "confins": "BR",
    "iquique": "CL",
}  # fmt: skip
DEMONYMS = {
    # demonyms and regions the gazetteer misses
    "aleman": "DE", "alemana": "DE", "alemanes": "DE", "alemanas": "DE", "german": "DE",
    "germans": "DE", "frances": "FR", "francesa": "FR", "franceses": "FR", "francesas": "FR",
    "italiano": "IT", "italiana": "IT", "italianos": "IT", "italianas": "IT",
    "italians": "IT", "griega": "GR", "griegas": "GR", "espanola": "ES", "espanolas": "ES",
    "spaniards": "ES", "canarias": "ES", "turco": "TR", "turca": "TR", "turcos": "TR",
    "turcas": "TR", "polaco": "PL", "polaca": "PL", "polacos": "PL", "polacas": "PL",
    "austriaco": "AT", "austriaca": "AT", "austriacos": "AT", "austriacas": "AT",
    "austrian": "AT", "austrians": "AT", "neerlandes": "NL", "neerlandesa": "NL",
    "neerlandeses": "NL", "holandes": "NL", "holandesa": "NL", "holandeses": "NL",
    "belga": "BE", "belgas": "BE", "belgian": "BE", "belgians": "BE", "sueco": "SE",
    "sueca": "SE", "suecos": "SE", "swedes": "SE", "danes": "DK", "daneses": "DK",
    "danesa": "DK", "finlandes": "FI", "finlandesa": "FI", "finlandeses": "FI",
    "finnish": "FI", "finns": "FI", "hungaro": "HU", "hungara": "HU", "hungaros": "HU",
    "bielorrusos": "BY", "mauritanos": "MR", "ghaneses": "GH",
}  # fmt: skip


def _names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


_CAPITAL = _names_pattern(CAPITALS)
_AIRPORT = _names_pattern(AIRPORTS)
_DEMONYM = _names_pattern(DEMONYMS)
_DATELINE_END = re.compile(r"\s*[,(]")


def demonym_cues(text: str, *, folded: bool = False) -> set[str]:
    """``c:`` cues of the countries ``text`` names by a demonym (see :data:`DEMONYMS`);
    ``folded``: ``text`` is folded already."""
    return {f"c:{DEMONYMS[m.group(1)]}" for m in _DEMONYM.finditer(text if folded else fold(text))}


def _city_cues(cities: dict[str, str], pattern: re.Pattern[str], folded: str) -> set[str]:
    """``c:`` cues of the countries of the ``cities`` (matched by ``pattern``) that the
    folded text names, datelines aside: a city opening a line, followed by a comma or a
    parenthesis, names the desk, not the event."""
    return {
        f"c:{cities[m.group(1)]}"
        for line in folded.splitlines()
        for m in pattern.finditer(line)
        if m.start() or not _DATELINE_END.match(line, m.end())
    }


def capital_cues(text: str, *, folded: bool = False) -> set[str]:
    """``c:`` cues of the countries ``text`` names by their capital (see :data:`CAPITALS`),
    datelines aside; ``folded``: ``text`` is folded already."""
    return _city_cues(CAPITALS, _CAPITAL, text if folded else fold(text))


def airport_cues(text: str, *, folded: bool = False) -> set[str]:
    """``c:`` cues of the countries ``text`` names by an airport or arrival city of
    deportation flights (see :data:`AIRPORTS`), datelines aside; ``folded``: as above."""
    return _city_cues(AIRPORTS, _AIRPORT, text if folded else fold(text))


# The countries a headline names by one of their names (not their people), as ``g:<ISO>`` cues
# of no weight, read off the title alone: two reports whose headlines each name a country the
# other's does not are most often two events ("Peru to tighten entry requirements" against
# "Ecuador pedirá pasaporte"; of the pairs the clusterer scores at 0.14 or more in the design
# files of stop 39, 70 of the 102 that do are of two stories). The clusterer weighs it as a pair
# feature (``headline_conflict`` there). The United States is left out: most items of the domain
# name it. Drawn from classify's gazetteer (entities.yaml) by stop 39's rule: its country entries
# that are not prefixes, start with a capital and are not English demonyms ("-ans", "-ese",
# "-ish"...), folded; "Washington" is not the US here. A demonym in a headline mostly names the
# migrants ("Afghan migrants sent back to Athens"), not where the event is. Kept as they fall out:
# "Indian deportees" (a flight's passengers name its destination) and the air forces FAC/FACh
# (their state deports); a rule dropping them (and reading "Dominican Republic" as a name) was
# measured worse out of sample at stop 41 (docs/measurements/stories.md).
# tests/stories/test_headline_countries.py keeps this table in step with the gazetteer.
HEADLINE_COUNTRIES = {
    "MX": ("mexico",), "VE": ("venezuela",), "CO": ("colombia", "fac"), "GT": ("guatemala",),
    "HN": ("honduras",), "SV": ("el salvador",), "NI": ("nicaragua",), "CR": ("costa rica",),
    "PA": ("panama",), "CU": ("cuba",), "HT": ("haiti",), "DO": ("republica dominicana",),
    "EC": ("ecuador",), "PE": ("peru",), "BO": ("bolivia",), "CL": ("chile", "fach"),
    "AR": ("argentina",), "BR": ("brazil", "brasil"), "PY": ("paraguay",), "UY": ("uruguay",),
    "CA": ("canada",), "JM": ("jamaica",),
    "GB": (
        "united kingdom", "uk", "u.k.", "britain", "great britain", "reino unido",
        "gran bretana", "downing street",
    ),
    "ES": ("spain", "spanish government", "espana"),
    "FR": ("france", "french government", "francia"),
    "DE": ("germany", "german government", "alemania"),
    "IT": ("italy", "italian government", "italia"), "GR": ("greece", "grecia"),
    "PL": ("poland", "polonia"), "HU": ("hungary", "hungria"), "AT": ("austria",),
    "NL": ("netherlands", "paises bajos", "holanda"), "BE": ("belgium", "belgica"),
    "SE": ("sweden", "suecia"), "DK": ("denmark", "dinamarca"), "FI": ("finland", "finlandia"),
    "IE": ("ireland", "irlanda"), "PT": ("portugal",), "MT": ("malta",),
    "CY": ("cyprus", "chipre"), "BY": ("belarus", "bielorrusia"), "RU": ("russia", "rusia"),
    "UA": ("ukraine", "ucrania"), "TR": ("turkey", "turkiye", "turquia"),
    "RW": ("rwanda", "ruanda"), "LY": ("libya", "libia"), "TN": ("tunisia", "tunez"),
    "MA": ("morocco", "marruecos"), "DZ": ("algeria", "argelia"), "EG": ("egypt", "egipto"),
    "SN": ("senegal",), "MR": ("mauritania",), "ML": ("mali",), "NE": ("niger",),
    "NG": ("nigeria",), "GH": ("ghana",), "GN": ("guinea",), "GM": ("gambia",), "TD": ("chad",),
    "SD": ("sudan",), "SS": ("south sudan", "sudan del sur"), "ER": ("eritrea",),
    "ET": ("ethiopia", "etiopia"), "SO": ("somalia",), "KE": ("kenya", "kenia"),
    "CD": ("democratic republic of congo", "dr congo", "drc", "republica democratica del congo"),
    "CM": ("cameroon", "camerun"), "SY": ("syria", "siria"), "IQ": ("iraq", "irak"),
    "IR": ("iran",), "AF": ("afghanistan", "afganistan"), "PK": ("pakistan",),
    "IN": (
        "india", "indian nationals", "indian migrants", "indian government", "indian deportees",
        "indian immigrants", "indian citizens", "indian workers", "indian students",
    ),
    "BD": ("bangladesh",), "LK": ("sri lanka",), "NP": ("nepal",), "CN": ("china",),
    "VN": ("vietnam", "viet nam"), "PH": ("philippines", "filipinas"), "ID": ("indonesia",),
    "MM": ("myanmar", "burma", "birmania"), "TH": ("thailand", "tailandia", "thai"),
    "MY": ("malaysia", "malasia"), "AU": ("australia",), "NZ": ("new zealand", "nueva zelanda"),
    "IL": ("israel",), "PS": ("gaza", "palestine", "palestina"), "LB": ("lebanon", "libano"),
    "JO": ("jordan", "jordania"),
    "SA": ("saudi arabia", "arabia saudi", "arabia saudita", "saudi"),
    "AE": ("united arab emirates", "uae", "emiratos arabes"), "QA": ("qatar", "catar"),
    "JP": ("japan", "japon"),
    "KR": ("south korea", "corea del sur", "korean workers", "korean air"), "AL": ("albania",),
    "RS": ("serbia",), "SZ": ("eswatini", "suazilandia", "swaziland"), "UG": ("uganda",),
    "DJ": ("djibouti", "yibuti"), "BA": ("bosnia",),
}  # fmt: skip
_HEADLINE_COUNTRY = {name: code for code, names in HEADLINE_COUNTRIES.items() for name in names}
_HEADLINE_NAME = _names_pattern(_HEADLINE_COUNTRY)


def headline_cues(title: str) -> set[str]:
    """``g:<ISO>`` for every country the headline names (see :data:`HEADLINE_COUNTRIES`)."""
    return {f"g:{_HEADLINE_COUNTRY[m.group(1)]}" for m in _HEADLINE_NAME.finditer(fold(title))}


def region_cues(text: str, *, folded: bool = False) -> set[str]:
    """``r:<code>`` cues of the US states and large cities and of Mexico's states ``text`` names;
    ``folded``: ``text`` is folded already."""
    return {
        f"r:{_ALL_REGIONS[m.group(1)]}" for m in _REGION.finditer(text if folded else fold(text))
    }
