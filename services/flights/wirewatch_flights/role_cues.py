"""Cue phrases of a place's role (folded: lower case, no accents) in English and Spanish. Pure
data.

The words before and after a place mention that score it as the flight's origin (the state
that removed the people) or destination (where they were flown), or as neither: authorities
standing for their state, the migrants' own journey, people's nationality, courts, airlines,
stops on the way, treaties' cities aside. Read by roles.py (the cues places.py shares with it
are in cues.py): regular expressions over the folded text.
"""

from __future__ import annotations

import re

from wirewatch_flights.cues import REGION, alternation, words

AUTHORITY_AFTER = re.compile(
    r"^[\s-]+(?:authorities|government|officials|police|immigration|army|military|air force|"
    r"navy|border (?:guards?|police)|security forces|coast ?guard|interior ministry)\b"
)
AUTHORITY_BEFORE = re.compile(
    r"\b(?:autoridades|gobierno|policia|ejercito|fuerza aerea|guardia costera|funcionarios|"
    r"agentes|ministerio del interior)(?:\s+(?:migratori[oa]s|de migracion))?\s+$"
)
"""A people's name that stands for its state ("Pakistani authorities", "las autoridades
mexicanas", "el gobierno pakistaní"): the state that acts, not the people removed."""
_AUTHORITY_OF = (
    "autoridades", "gobierno", "authorities", "authority", "government",
    "ministerio del interior", "interior ministry",
)  # fmt: skip
AUTHORITY_OF_BEFORE = re.compile(
    # the words' first letters first: the fourteen lookbehinds only where one can start
    "(?=[" + "".join(sorted({w[0] for w in _AUTHORITY_OF})) + "])"
    r"(?<!\ba )(?<!\bal )(?<!\bto )(?<!\bwith )(?<!\bcon )(?<!\bante )(?<!\bpara )(?<!\bfor )"
    r"(?<!\ba las )(?<!\ba los )(?<!\bto the )(?<!\bwith the )(?<!\bcon las )(?<!\bante las )"
    r"\b(?:"
    + alternation(*_AUTHORITY_OF)
    + r")(?:\s+(?:migratori[oa]s|de migracion|de inmigracion))?"
    r"\s+(?:de|del|of|in|en)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""Right before a state or its city: the state that acts ("Las autoridades de Estados Unidos
deportaron", "the Authority in Sanaa"); not one handed the people ("entregados a las
autoridades de Guatemala", "coordinated with the government of Haiti")."""
JOURNEY_BEFORE = re.compile(
    r"\b(?:transit(?:ing|ed|aba|aban|an|a)|en su (?:camino|ruta|travesia)|on (?:their|its) way|"
    r"en route|seguir|continuar|proseguir|(?:e)?migr(?:ar|aron|o|ate|ated)|en caravanas?|"
    r"caravanas? (?:que |which |that )?(?:parti\w*|sali\w*|left|set off|departed)|"
    r"(?:intent|pretend|busc)(?:aban|aba|ian|ia|an|aron|ieron) (?:llegar|ingresar|entrar)|"
    r"quer(?:ian|ia|ieron) (?:llegar|ingresar|entrar|ir)|(?:trying|tried|hoping|wanted|seeking) to "
    r"(?:reach|enter|get)|"
    # the migrants' sea route ("punto de partida clave de pateras hacia Canarias")
    r"(?:punto|lugar|puerto) de (?:partida|salida)|departure point|"
    r"(?:pateras|cayucos|small boats|dinghies|migrant boats)|rutas? migratorias?|migrant route)"
    # a city and its state ("en route to Ashmore Reef, Australia")
    r"\b(?:\s+[\w-]+){0,12}?,?\s*$"
)
"""Before a destination cue: the migrants' own route or goal ("transitaban por la selva del
Darién con destino a Estados Unidos", "cubanos que querían llegar a Estados Unidos", "la
caravana ... que prefirieron no seguir hacia EU", "la caravana que partió de esa nación con
destino a Estados Unidos"), not where the flight went."""
JOURNEY_NEAR_BEFORE = re.compile(
    r"^.*\b(?P<cue>(?:en|in) (?:una|la|a|the) caravana|migrant caravans?|"
    r"cruza(?:n|ban|ron)?|crossing|crossed)"
    r"\b(?:\s+[\w-]+){0,12}?,?\s*$",
    re.S,
)
"""The migrants' own journey (stop 49, bench/flights_round49/RULE.md, candidate B) named by a
caravan with an article ("en una caravana ... con rumbo hacia", "a migrant caravan") or a
crossing ("que cruzan el territorio mexicano hacia"), which ``JOURNEY_BEFORE`` does not name;
the cue nearest the place counts ("la caravana de migrantes ... que cruzan ...": "de migrantes"
is a removal word for ``cues.DEPORT``, the crossing after it is not)."""

# Role cues immediately before a place (end of the text before it, folded).
DEST_BEFORE_STRONG = re.compile(
    "(?:"
    + alternation(
        r"\bto|\binto|back to|bound for|headed for|headed to|headed towards|heading (?:to|for|"
        r"towards)|\btowards?|destined for|deported to|"
        r"flights? for|\bhacia|\bhasta|con destino a|con destino|destino a|rumbo a|de regreso a|"
        r"de vuelta a|arrived in|landed in|arrive in|arrives in|lands in|arrived at|landed at|"
        r"arrived to|"
        r"aterriz\w* en|lleg(?!ad)\w* a|llegan a|arrib\w* (?:a|en)|regres\w* a|retorn\w* a|"
        r"devuelt\w* a|enviad\w* a|expulsad\w* a|deportad\w* a|repatriad\w* a|departed for|"
        r"(?:deportad|expulsad|enviad|devuelt|repatriad|trasladad)\w* (?:este|esta|el|hoy|ayer|"
        r"anoche)(?: \w+)? a|"
        r"left for|sal\w* (?:hacia|a)|parti\w* (?:hacia|a|rumbo a)|"
        # "arribaron al Aeropuerto Internacional de Tapachula": the airport the people landed at
        r"(?:lleg|arrib|aterriz)\w* (?:al|a el|en el) aeropuerto(?: internacional)? de"
    )
    + ")"
    r"(?:\s+(?:the|el|la|los|las|su|sus|their|its|el aeropuerto de|the airport of))?"
    + REGION
    + r"\s*$"
)
DEST_BEFORE_MID = re.compile(r"(?:\ba|\bal)\s*(?:el\s+)?$")
DEST_BEFORE_WEAK = re.compile(r"(?:\bin|\ben|\bfor)\s*(?:the\s+|el\s+)?$")
FLIGHT_AFTER = re.compile(
    r"^\s*(?:(?:deportation|removal|repatriation|return|charter)\s+)?(?:flights?|bound)\b"
)
FLIGHT_OF_BEFORE = re.compile(
    r"(?:vuelos?|aviones?|avion) de (?:deportacion|deportados|repatriacion|repatriados|"
    r"retorno|expulsion) (?:de|del|desde)\s*(?:las?|los|el)?\s*$"
)
"""'vuelos de deportación de EE.UU.': a state's flights (for names of states, not of
the people: 'vuelo de deportación de venezolanos' names who is flown)."""
OWNER_FLIGHT_BEFORE = re.compile(
    r"(?:vuelos?|aviones?|avion|aeronaves?|flights?) (?:de|del|from)\s*$"
)
FOR_ITS_OWN_AFTER = re.compile(
    r"^\s*(?:para|to) (?:repatriar|retornar|traer|recoger|el retorno|la repatriacion|"
    r"repatriate|bring (?:back|home)|return)\b"
)
"""'tres nuevos vuelos de Venezuela para repatriar a 270 migrantes' (sunrise fl-9728): the
state whose flights come to fetch its own people home is the destination, not where the
flight left."""
ORIGIN_BEFORE_WEAK = re.compile(
    "(?:"
    + alternation(
        r"(?:vuelos?|aviones?|avion|aeronaves?|flights?|militar|militares|charter|"
        r"migrantes|inmigrantes|personas|connacionales) (?:de|del)|\bby|\bpor|"
        # where the people were held or lived: the deporting state
        r"(?:detenid|arrestad|capturad|aprehendid|recluid|acampad|varad|asegurad)[oa]s en|"
        r"(?:detained|arrested|held|apprehended|jailed|locked up|living|lived|residing|camped|"
        r"camping|stranded) in|"
        # "Seven illegal immigrants in Indonesia": where the people are
        r"(?:illegal|irregular|undocumented) (?:immigrants|migrants|aliens|foreigners) in|"
        r"(?:inmigrantes|migrantes|extranjeros) (?:ilegales|irregulares|indocumentados) en|"
        # "illegally in the territory of the Republic of Cyprus": where they stayed
        r"(?:illegally|irregularly|unlawfully) (?:in|on) (?:the territory of)?|"
        r"(?:irregular|ilegal)(?:mente)? en (?:el territorio de)?|"
        r"(?:vivian|residian|radicaban) en|residentes en"
    )
    + r")\s*(?:las?|los|el|the|an?|una?)?\s*"
    # a metropolitan area ("detenidos en el Gran Santo Domingo", "held in Greater London")
    r"(?:(?:gran|greater)\s+)?"
    # "illegally in the territory of the Republic of Cyprus" (sunrise fl-9725)
    r"(?:republic\s+of\s+(?:the\s+)?|republica\s+(?:de|del)\s+)?$"
)
EITHER_VERB_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:cancels|cancelled|canceled|cancela|cancelo|stopped|stops|"
    r"suspend\w*|halt\w*|paus\w+|repatriates?|repatriated|repatriating|repatria|repatrio)\b"
)
"""Verbs either side uses ("the US suspends flights", "Venezuela suspends flights"; "Mexico
repatriates Venezuelans" and "Ethiopia repatriates its nationals from Saudi Arabia"): a
little of both roles, so the other places' cues decide."""
RECEIVER_VERB_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:receives?|received|recibe|recibio|recibira|acepta\w*|accepts?|"
    r"accepted|rejects?|rejected|rechaza\w*|refuses?|"
    r"refused|will not accept|won t accept|no aceptara|reautoriza\w*|reauthoriz\w*|"
    r"blocks?|blocked|bloquea\w*|niega|nego|denies|denied|welcomes?|welcomed|"
    r"agrees? to (?:accept|receive|take)|acoge|acogio|takes? back|turned away|turns away|"
    r"impidio|impide|desautoriz\w*)\b"
)
QUALIFIED_FLIGHT_AFTER = re.compile(
    r"^\.?(?:-(?:chartered|operated|run|organi[sz]ed)\b)?\s*(?:(?:deportation|removal|military|immigration|government)\s+"
    r"(?:flights?|planes?|aircraft|jets?)|(?:planes?|aircraft|jets?|deportees|deportations?|"
    r"removals?|removal flights?))\b"
)

ATTRIBUTIVE_AFTER = re.compile(
    r"^\.?\s*(?:deportation|removal|military|immigration|government|federal|judge|judges|"
    r"court|courts|officials?|authorities|president|administration|agents?|border|air force|"
    r"planes?|aircraft|flights?|jets?|embassy|navy|army|state department|homeland|custody|"
    r"soil|officers?|troops|citizens?|nationals?|deportees|policy|policies|law|laws)\b"
)
JOURNEY_ROUTE_BEFORE = re.compile(
    r"(?<!deportados )(?<!deportadas )(?<!repatriados )(?<!retornados )(?<!expulsados )"
    r"(?<!deportees )(?<!returnees )"
    r"\b(?:who|that|que)\s+(?:had\s+|habian\s+)?(?:arrived|came|travell?ed|llegaron|"
    r"vinieron|ingresaron|entraron|viajaron)\s+(?:de|del|desde|from)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""Before "de(sde) X a Y": the people's own journey ("las personas que llegaron desde San
Pedro Sula a México"), so Y is where they were taken from and X is home; not deportees
arriving ("los deportados que llegaron desde Estados Unidos a Guatemala": the flight)."""
TO_BE_REMOVED = words(
    r"para ser (?:deportad|repatriad|expulsad)[oa]s?", r"to be (?:deported|repatriated|flown)"
)  # fmt: skip
"""After an arrival at a place: the people were brought there to be flown out (its state is the
origin)."""
CROSSING_BEFORE = re.compile(r"\b(?:cross\w*|cruz\w*|cruce|transit\w*)\b(?:\s+[\w-]+){0,4}?\s+$")
"""Before "from X": where people crossed from ("crossing the border from Mexico"), not the
deporting state."""
ARRIVED_BEFORE = re.compile(
    r"\b(?:who|that|which)\s+(?:had\s+|have\s+)?(?:arrived|came|entered|crossed)\s+"
    r"(?:in|into|to|at)\s+(?:the\s+)?$"
)
"""Before a place: where the people had come before ("asylum seekers who arrived in the UK
on small boats"), the deporting state (Spanish "llegados a Canarias" is an origin cue)."""
POSSESSIVE_REMOVAL_AFTER = re.compile(
    r"^\s*(?:'|’)s\s+(?:[\w-]+\s+){0,4}?(?:deportations?|removals?|expulsions?|returns?|"
    r"deport|deportation flights?)\b"
)
"""After a state's name: its deportations ("Australia's deportation of unwanted New
Zealanders", "Sweden's decision to resume the deportation of Iraqis"): the deporting state."""
NATIONALITY_FROM_BEFORE = re.compile(
    r"\b(?:criminals|lawbreakers|offenders|convicts|gang members)\s+from\s+(?:the\s+)?$"
)
"""Before a state: the people's nationality ("lawbreakers from Afghanistan"), so the place
they are sent to; "deportees from Australia" (people named by their removal) stays origin."""
NATIVES_OF_BEFORE = re.compile(
    r"\b(?:originari[oa]s|oriund[oa]s|nativ[oa]s|naturales|nationals|citizens|natives|"
    r"ciudadan[oa]s|nacionales)\s+"
    r"(?:de|del|of)\s+(?:la\s+|el\s+|the\s+)?$"
)
"""Before a state: where the people are from ("130 migrantes originarios de India",
"nationals of Albania"), so the place they are sent to."""
WHILE_CLAUSE = re.compile(r"\b(?:mientras(?: que)?|while)\b[^,.;]*")
"""A concurrent-event clause ("Mientras una caravana procedente de Honduras busca llegar a
México, el INM deportó..."): its places are background, not the flight's route."""
REMOVED_PEOPLE_FROM_BEFORE = re.compile(
    r"\b(?:deported|expelled|removed|returned|deportad\w*|expulsad\w*)\s+[\w-]+\s+from\s+"
    r"(?:the\s+)?$"
)
"""'deported criminals from Australia': people named by their removal, so an origin."""
FETCHES_OWN_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:repatria|repatrio|repatriates?|repatriated|repatriating|"
    r"brings? back|brought back|bringing back|brings? home|brought home|bringing home|"
    r"trae de vuelta|trajo de vuelta)\s+(?:a\s+)?(?:[\w,.-]+\s+){0,3}?"
    r"(?:its |sus |their )?(?:own )?(?:citizens|nationals|compatriots|ciudadan[oa]s|"
    r"connacionales|compatriotas|nacionales)\s+(?:from|desde|de)\b"
)
"""After a state's name: the state fetching its own people from another ("Ethiopia resumes
repatriating 70,000 nationals from Saudi Arabia"): the state the flights go to."""
COURT_AFTER = re.compile(
    r"^\.?\s*(?:(?:district|federal|high|supreme|appeals?|immigration)\s+)?"
    r"(?:judges?|courts?|district|tribunal)\b"
)
"""After a state's name: its court ("a U.S. District Judge ruled"), which rules on that
state's removals: the deporting state."""


AIRLINE_AFTER = re.compile(r"^\s+(?:charter\s+|chárter\s+)?(?:airlines?|carriers?|aerolineas?)\b")
"""After a state adjective: an airline's nationality ("a Turkish charter airline"), not the
deporting state."""

DEST_CITY_COMMA_BEFORE = re.compile(
    r"(?:\bto|\binto|\bhacia|\bflights? for|con destino a|rumbo a|bound for)\s+"
    r"[\w-]+(?:\s+[\w-]+)?,\s*$"
)
"""Before a state written after a city the names do not know ("The flight to Sofia,
Bulgaria"): the cue before the city names the state as the destination."""
STOP_ON_THE_WAY_AFTER = re.compile(
    r"^\s*,?\s*(?:en route to|on (?:the|its|their) way to|before (?:flying|continuing) on to|"
    r"en ruta (?:hacia|a)|de camino (?:hacia|a)|rumbo a|con destino final (?:a|en))\b"
)
"""After a place flown to: the flight went on to another ("flown to Djibouti en route to South
Sudan"), so the place is a stop, not the destination."""
FLOWN_ON_BEFORE = re.compile(
    r"\b(?:flown|flew|flights?|planes?|aircraft|vuelos?|avion(?:es)?|trasladad[oa]s|deported|"
    r"deportad[oa]s)\b[^.]{0,40}$"
)
"""Before "en route to": the flight's route, not the migrants' own journey."""
FLIGHT_BETWEEN = re.compile(r"\b(?:vuelos?|flights?)\s+(?:[\w-]+\s+)?(?:entre|between)\s+")
"""A flight between two places ("vuelo directo entre el Aeropuerto ... de Ciudad de México y el
Aeropuerto Internacional de Caracas"): from the first to the second."""
BETWEEN_AND = re.compile(r"(?:\by\b|\band\b)")

# A fetching flight (stop 47, roles): a state sends its own plane to another to take people home.
SENTENCE_END = re.compile(r"[.!?;]\s+(?=[^\W\d])")
"""Where a sentence ends in folded text ("(Sept. 21) to take" stays one sentence)."""
_FETCH_PURPOSE = (
    r"\b(?:to (?:take|fetch|pick up|collect|evacuate|repatriate|bring (?:back|home))|"
    r"para (?:repatriar|traer|recoger|buscar|evacuar)|a (?:buscar|recoger))\b"
)
_AIRCRAFT = r"\b(?:flights?|planes?|airplanes?|aircraft|jets?|vuelos?|aviones|avion|aeronaves?)\b"
_SEND = r"(?:sends?|sent|dispatch(?:es|ed)?|envia|envio|enviara|manda|mando)"
FETCH_PURPOSE_AFTER = re.compile(r"^.{0,45}?" + _FETCH_PURPOSE)
"""After the place a flight is sent to: the flight goes there to take people home ("sent a special
flight to Taiwan Monday (Sept. 21) to take 289 migrant workers home", "partieron ... hacia Estados
Unidos para repatriar a 110 ciudadanos"), so the place is where they are taken from."""
SENT_AIRCRAFT = re.compile(_AIRCRAFT)
SENDING_VERB = re.compile(
    r"\b(?:" + _SEND + r"|partieron|partio|parten|despego|despegaron|took off|takes? off|"
    r"left for|flew|flies)\b"
)
"""Before the place: a flight or plane sent or leaving for it ("Two airplanes took off from Iraq
to Belarus", "Dos aviones colombianos partieron este lunes hacia")."""
SENDS_TO_FETCH_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?"
    + _SEND
    + r"\s+(?:[\w()-]+\s+){0,3}?"
    + _AIRCRAFT
    + r".{0,50}?"
    + _FETCH_PURPOSE
)
"""After a state's name: it sends its own flight to take people home ("Iraq sends two airplanes to
take some migrants from Minsk"): the state the flight brings them to, not a sender."""
REMOVAL_WORD_BEFORE = re.compile(r"\b(?:deport\w*|expuls\w*|expel\w*|remov\w*|charter\w*|fleta\w*)")
"""Before the place: the flight is a removal ("a deportation flight left for Guatemala to
repatriate ..."), not a state's plane fetching its people."""

# A head count from a state (stop 48): who the people are, not where they left.
HEAD_COUNT_FROM_BEFORE = re.compile(
    r"(?:^|[^\w\s]\s*|\b(?:over|more than|some|about|around|nearly|almost|at least|and|y)\s+)"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a |one )?hundred|dozens?)"
    r"\s+from\s+(?:the\s+)?$"
)
"""Before a state: a head count "from" it ("Over 100 from Uzbekistan", "two from Bangladesh, one
from Poland ... and 52 from Pakistan"): the people's state, so where they are sent."""
COUNT_JOINED_BEFORE = re.compile(r"\w[-./]$")
"""Right before a count: a token it is part of ("737-8", "16.03.2021"), so no head count (stop
49, candidate A)."""
ELIDED_FROM_BEFORE = re.compile(
    r"\b(?:deport\w*|expel\w*|expuls\w*|remov\w*|return\w*|repatriat\w*|flown|flew|sent|"
    r"arriv\w*|came|evacuat\w*|rescued|brought)\s+(?:[\w-]+\s+){0,3}?from\s+\S[^.;!?]*$"
)
"""Before a count "from" a place, in its sentence: a removal or motion verb with its own "from"
whose list the count continues ("289 Bangladeshis return from Oman, 164 from India"): "from"
is still where they left (stop 49, candidate A)."""
REPATRIATES_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:repatriates?|repatriated|repatria|repatrio)\s+(?:a\s+)?"
)
"""After a country: it repatriates someone; whom the words after the verb say (stop 49,
candidate C)."""
OBJECT_WORDS = re.compile(r"^(?:[\w,.-]+\s+){0,4}$")
"""Between the verb and the people it takes: a count and a few words ("two batches of")."""
FOREIGNERS = re.compile(
    r"^(?:[\w,.-]+\s+){0,4}?(?:foreigners|foreign (?:nationals|workers|citizens)|extranjeros)\b"
)
"""The verb's object: foreigners, another state's people by definition ("Republica Dominicana
repatrio a 4.966 extranjeros")."""
REMOVAL_VERB_BEFORE_COUNT = re.compile(
    r"\b(?:deport\w*|expel\w*|expuls\w*|remov\w*|returned|returns?|repatriat\w*|flown|flew|"
    r"flies|fly|sent|sends?|brought|brings?|evacuat\w*|rescued|took|takes?|carr\w+)\W*$"
)
"""Right before the count: a removal or flight verb whose object it is ("deported 52 from
Greece"): there "from" is where the people were taken from."""
