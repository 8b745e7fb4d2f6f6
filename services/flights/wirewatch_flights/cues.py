"""Cue phrases (folded: lower case, no accents) in English and Spanish. Pure data.

Kept as regular expressions over the folded text, grouped by what they signal. Each
is a whole-word pattern; see docs/flights.md for what each group means. The cues only one
reader uses live beside it (people_cues.py, status_cues.py, not_a_record_cues.py); these are
the shared ones and those of the roles and the flight-report gate.
"""

from __future__ import annotations

import re


def words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


FLIGHT = words(
    r"vuelos?",
    r"avion(?:es)?",
    r"avioneta",
    r"aeronaves?",
    r"flights?",
    r"planes?",
    r"airplanes?",
    r"planeloads?",
    r"aircraft",
    r"charters?",
    r"jets?",
    r"airlift\w*",
    r"aterriz\w+",
    r"landed",
    r"lands",
    r"touched down",
    r"despeg\w+",
    r"took off",
    r"ice air",
    r"c ?17",
    r"via aerea",
    r"aerea",
    r"aereos?",
    r"aeropuerto",
    r"aeroparque",
    r"airport",
    r"airline",
    r"aerolinea",
    r"puente aereo",
    r"flew",
    r"flown",
    r"fly",
    r"flying",
    r"air ?bases?",
    r"bases? aereas?",
    r"airfield",
    r"aerodromo",
    r"maiquetia",
    r"toncontin",
    r"palmerola",
    r"soto cano",
    r"ramon villeda morales",
    r"tocumen",
    r"juan santamaria",
    r"la aurora",
    r"comalapa",
    r"heathrow",
    r"stansted",
    r"gatwick",
)
DEPORT = words(
    r"deport(?:ad[oa]s?|ar|an|a|o|aron|ara|aran|acion|aciones|ados|ation|ations|ed|ees?|ing|s)?",
    r"repatri\w*",
    r"autodeport\w*",
    r"expuls\w*",
    r"expel\w*",
    r"remov(?:al|als|ed|ing)",
    r"retornad[oa]s",
    r"retorno",
    r"retornaron",
    r"retornan",
    r"returnees?",
    r"returned",
    r"return flights?",
    r"returns",
    r"devuelt[oa]s",
    r"devolucion\w*",
    r"sent back",
    r"send back",
    r"enviad[oa]s de regreso",
    r"regresad[oa]s",
    r"connacionales retornados",
    r"vuelta a la patria",
    r"envi(?:o|aron|ad[oa]s) (?:a|de regreso|desde)",
    r"sent (?:\w+ ){0,3}?(?:to|back)",
    r"migrant flights?",
    r"voluntary (?:humanitarian )?returns?",
    r"(?:carrying|transporting|with|of) (?:\w+ ){0,3}?(?:im)?migrants",
    r"(?:carrying|transporting|with|of) (?:\w+ ){0,3}?asylum seekers",
    r"send(?:s|ing)? (?:\w+ ){0,2}?(?:migrants|deportees|immigrants|asylum seekers|detainees)",
    r"enviar (?:\w+ ){0,2}?(?:a )?(?:migrantes|deportados|inmigrantes|solicitantes de asilo)",
    r"(?:con|de|llevar|trasladar\w*) (?:\w+ ){0,2}?solicitantes de asilo",
    r"retornar(?:on|an|a|los|las)?",
    # the INM's wording for people it flies home: "personas ... quienes no contaban con una
    # condición de estancia regular en el país" (evening fl-13004), no removal word
    r"no (?:contaban|contaba|cuentan|cuenta) con (?:una )?condicion de estancia regular",
    r"(?:en|con) condicion de estancia irregular",
    r"(?:con|de|trasladar\w*|transport\w*) (?:\w+ ){0,2}?migrantes",
    r"retorno asistido",
    r"return(?:ed|s|ing)? home",
    r"(?:sent|send|sends|sending|return|returned|returns|returning) (?:\w+ ){0,2}?asylum seekers",
    r"(?:flown|flew|brought|sent) home",
    # people held or removed, flown ("plane to bring home Korean detainees", "flew 20 migrants")
    # or fetched ("sends two airplanes to take some migrants from Minsk")
    r"(?:bring|brings|bringing|brought|fly|flies|flew|flown|flying|take|takes|taking|took|"
    r"collect|collects|collecting|fetch|fetches|fetching|pick up|picks up) (?:\w+ ){0,3}?"
    r"(?:detainees|deportees|convicts|criminals|migrants|asylum seekers)",
    r"vuelos? de regreso",
    r"regres\w+ a (?:su pais|sus paises|casa)",
)
NO_FLIGHT_BEFORE = re.compile(
    r"\b(?:no|sin|ningun|ninguna|not any)\s+(?:plans?\s+(?:for|of|de)\s+|planes\s+de\s+)?"
    r"(?:such\s+|any\s+|more\s+|further\s+|tales\s+|mas\s+)?$"
)
"""Before a flight word: flights said not to exist ("there are no plans for such flights"),
which make no flight of the item."""
AIRLINE_CUT_BEFORE = re.compile(
    r"\b(?:recorta\w*|recorto|reduce|reducen|redujo|cuts?|cutting|slash\w*)\s+"
    r"(?:(?:los|las|sus|the|its|their)\s+)?$"
)
"""Before a bare flight word: an airline's routes cut ("Argelia suspende las repatriaciones
... y recorta los vuelos", morning fl-9826: the returns went by ship), no removal flight."""
AIRPORT_WORD = re.compile(r"(?:aeropuertos?|airports?)")
HYPOTHETICAL_RETURN = words(
    r"(?:posibilidad|posibilidades|opcion|opciones|possibility|option|chance)"
    r" (?:de|of|to) (?:retorno|retornar|regresar|regreso|volver|return|returning|go back)",
)
"""'Reanudación de vuelos a Venezuela ha reabierto la posibilidad de retorno para migrantes'
(twilight fl-18035): a return that has become possible (on airline tickets) is no removal."""
AIR_FORCE = re.compile(r"\b(?:fuerzas? aereas?|air forces?)\b")
OTHER_FORCES = words(r"ejercito", r"armada", r"army", r"navy", r"policia", r"police")
"""'personal de la DGM, el Ejército, la Armada, la Fuerza Aérea, la Policía' (twilight
fl-18033): an air force listed with the army, the navy or the police is one of the forces of a
raid, not a flight."""
EVACUATION = words(
    r"evacu\w+",
    r"stranded",
    r"varad[oa]s",
    r"humanitarian flights?",
    r"vuelos? humanitarios?",
    r"repatriacion humanitaria", r"humanitarian repatriation",
    r"rescue flights?",
    r"tourists?",
    r"turistas?",
    r"rescat\w+",
    r"rescued",
    r"rescue",
    r"atrapad[oa]s",
    r"trapped",
    r"conflicto belico", r"zona de guerra", r"war zone", r"hamas", r"gaza", r"tel aviv",
    r"from abroad", r"abroad", r"en el extranjero", r"del exterior", r"desde el exterior",
    r"vande bharat", r"wuhan", r"pandemi\w+", r"covid\w*", r"coronavirus",
    # travellers caught by closed borders ("después de que Marruecos cerrara el pasado lunes
    # sus fronteras para evitar la propagación de ómicron")
    r"omicron", r"cierre de (?:las )?fronteras", r"cerr\w+ (?:\w+ ){0,3}?(?:sus |las )?fronteras",
    r"(?:cierre|cerr\w+) (?:\w+ ){0,2}?espacio aereo", r"border closures?",
    r"closed? (?:its |their |the )?(?:borders|airspace)",
)  # fmt: skip
CRISIS = words(
    # twenty-seventh round: a war and people fleeing it ("Ukraine-Russia war: IAF flight with 119
    # Indians", "connacionales que huyeron de Ucrania", "afectados por ofensiva israelí",
    # "conflict-stricken Lebanon", "able to escape Israel", "xenophobic violence"), a crisis or
    # a disaster ("la zona en conflicto", "the crisis-hit European country", "azotada ... por el
    # huracán"), and people "returned home safely"
    r"war", r"guerra", r"conflict[\w-]*stricken", r"conflict zones?", r"ofensiva",
    r"huy\w+", r"fled", r"fleeing", r"escap(?:e|ed|ing)", r"xenophob\w+", r"xenofob\w+",
    r"en conflicto", r"[\w-]+-hit", r"strife-torn", r"huracan\w*", r"hurricanes?",
    r"earthquakes?", r"terremotos?", r"sismos?", r"safely",
)  # fmt: skip
"""Since the twenty-seventh round, beside EVACUATION: with no migrant word, people flown out of
a war, a crisis or a disaster are no removal; but a transit or Gulf state named ("from Libya,
after failed attempt to transit the war-torn North African country") keeps a return a return
unless the people were evacuated."""
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
AUTHORITY_OF_BEFORE = re.compile(
    r"(?<!\ba )(?<!\bal )(?<!\bto )(?<!\bwith )(?<!\bcon )(?<!\bante )(?<!\bpara )(?<!\bfor )"
    r"(?<!\ba las )(?<!\ba los )(?<!\bto the )(?<!\bwith the )(?<!\bcon las )(?<!\bante las )"
    r"\b(?:autoridades|gobierno|authorities|authority|government|ministerio del interior|"
    r"interior ministry)(?:\s+(?:migratori[oa]s|de migracion|de inmigracion))?"
    r"\s+(?:de|del|of|in|en)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""Right before a state or its city: the state that acts ("Las autoridades de Estados Unidos
deportaron", "the Authority in Sanaa"); not one handed the people ("entregados a las
autoridades de Guatemala", "coordinated with the government of Haiti")."""
DEPORTED_FROM = re.compile(
    r"(?:deported|expelled|removed|returned|deportad[oa]s|expulsad[oa]s|retornad[oa]s|"
    r"devuelt[oa]s) (?:from|de|desde)\s+(?:the\s+)?$"
)
"""Right before a state: where a group was deported from ("30 Pakistanis deported from
Greece ... and 139 deported from Saudi Arabia": two origins, none)."""
RETURNING = words(
    r"return(?:s|ed)?", r"arrive[sd]?", r"leave", r"left", r"regresa\w*", r"retorna\w*",
    r"llega\w*", r"vuelven", r"volvieron",
)  # fmt: skip
"""A group's return in a headline ("114 Bangladeshis return from Libya", "Regresaron al
país 115 venezolanos"): with a head count of a people and another state, a removal."""
PANDEMIC = words(r"pandemi\w+", r"covid\w*", r"coronavirus")
TRANSIT_HOSTS = frozenset({"LY", "NE", "YE"})
"""States migrants are stranded in on their way elsewhere (Libya, Niger, Yemen): people
"stranded" there and flown home are migrants returned (the IOM's returns, with or without
its name), not a state's travellers evacuated."""
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

COMPLETED = words(
    r"landed",
    r"lands",
    r"arrived",
    r"arrives",
    r"arrive",
    r"touched down",
    r"aterriz[oa]",
    r"aterrizaron",
    r"aterrizan",
    r"llego",
    r"llegaron",
    r"llegan",
    r"llega",
    r"llegada",
    r"arrib[oa]",
    r"arribaron",
    r"arriban",
    r"recibe",
    r"recibio",
    r"recibieron",
    r"received",
    r"receives",
    r"took off",
    r"departed",
    r"despego",
    r"despegaron",
    r"partio",
    r"salio",
    r"deported",
    r"deporto",
    r"deportaron",
    r"deporta",
    r"deports",
    r"expulso",
    r"expulsaron",
    r"expulsa",
    r"expels",
    r"expelled",
    r"repatrio",
    r"repatriaron",
    r"repatriates",
    r"repatriated",
    r"returned",
    r"retornaron",
    r"were flown",
    r"flew",
    r"sent",
    r"envio",
    r"enviaron",
    r"carrying",
    r"carried",
    r"transported",
    r"trasladados?",
    r"trasladaron",
    r"devolvio",
    r"retornados",
    r"repatriados",
    r"deportados",
    r"expulsados",
    r"has deported",
    r"han sido",
    r"fueron",
    r"were",
    r"was",
    r"on board",
    r"a bordo",
    r"conducted",
    r"realizo",
    r"completed",
    r"se reanudaron",
    r"resumed",
    r"restarted",
    r"reanudo",
    r"operated",
    r"operado",
    r"en route",
    r"rumbo",
    r"arrival",
    r"arribo",
)
PLANNED = words(
    r"will",
    r"would",
    r"to resume",
    r"set to",
    r"plans?",
    r"planned",
    r"planea\w*",
    r"prev[eé]n?",
    r"programad[oa]s?",
    r"expected",
    r"scheduled",
    r"announced?",
    r"announces",
    r"anunci[oa]",
    r"anunciaron",
    r"agree[sd]?",
    r"agreement",
    r"acuerd\w+",
    r"reanudar\w*",
    r"retomar\w*",
    r"reanudara",
    r"comenzar\w*",
    r"iniciar\w*",
    r"to begin",
    r"a partir del?",
    r"next week",
    r"la proxima semana",
    r"la semana que viene",
    r"upcoming",
    r"proxim[oa]s?",
    r"inminente",
    r"asumira",
    r"preparing",
    r"prepara\w*",
    r"could",
    r"podria\w*",
    r"to start",
    r"llegara\w*",
    r"aterrizara\w*",
    r"saldra\w*",
    r"partira\w*",
    r"resume",
    r"resumes",
    r"resuming",
    r"restart",
    r"restarts",
    r"reanuda",
    r"reanudan",
    r"retoma",
    r"retoman",
    r"reautoriza\w*",
    r"reauthoriz\w*",
    r"se espera",
    r"esta previsto",
    r"tiene previsto",
    r"to be deported",
    r"seran",
    r"will be",
)
BLOCKED = words(
    r"suspend\w*",
    r"suspension",
    r"halt\w*",
    r"cancel\w*",
    r"refus\w*",
    r"reject\w*",
    r"rechaz\w+",
    r"bloque\w+",
    r"block\w*",
    r"grounded",
    r"denied",
    r"deny",
    r"denies",
    r"neg[oó]",
    r"negaron",
    r"niega",
    r"niegan",
    r"no (?:aceptara|permitira|recibira|acepta)",
    r"(?:not|won t|will not|would not) (?:accept|allow|receive|land|take)",
    r"prohib\w+",
    r"barred",
    r"stopped",
    r"stops",
    r"paus\w+",
    r"frenad[oa]s?",
    r"frena",
    r"paraliz\w+",
    r"turned back",
    r"turned away",
    r"impid\w+",
    r"impedi\w+",
    r"stalled",
    r"injunction",
    r"no pudo aterrizar",
    r"could not land",
    r"desvi\w+",
    r"diverted",
    r"detien\w*",
    r"detuvo",
    r"scrapped",
    r"called off",
    r"postpone\w*",
    r"pospuest\w+",
    r"aplaz\w+",
)
RESUMING = words(
    r"reanud\w*",
    r"reactiv\w*",
    r"retom\w*",
    r"resum\w*",
    r"restart\w*",
    r"reautoriz\w*",
    r"reauthoriz\w*",
    r"lift\w* (?:the )?suspension",
    r"backtrack\w*",
    r"revers\w+",
    r"agreed to accept",
    r"marcha atras",
    r"recul\w+",
    r"levanta\w* (?:la )?suspension",
)

_REGION = (
    r"(?:\s+(?:(?:north|south)(?:east|west)?ern|eastern|western|central|interior\s+of|"
    r"(?:el\s+)?interior\s+del?|"
    r"(?:el\s+)?(?:norte|sur|este|oeste|centro|noreste|noroeste|sureste|suroeste)\s+del?))?"
)
"""A region before the name ("from southern Libya", "to northern Iraq", "desde el sur de
Libia"): the cue still names the country's role."""

# Role cues immediately before a place (end of the text before it, folded).
DEST_BEFORE_STRONG = re.compile(
    r"(?:\bto|\binto|back to|bound for|headed for|headed to|headed towards|heading (?:to|for|"
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
    r"(?:lleg|arrib|aterriz)\w* (?:al|a el|en el) aeropuerto(?: internacional)? de)"
    r"(?:\s+(?:the|el|la|los|las|su|sus|their|its|el aeropuerto de|the airport of))?"
    + _REGION
    + r"\s*$"
)
DEST_BEFORE_MID = re.compile(r"(?:\ba|\bal)\s*(?:el\s+)?$")
DEST_BEFORE_WEAK = re.compile(r"(?:\bin|\ben|\bfor)\s*(?:the\s+|el\s+)?$")
ARRIVAL = words(
    r"landed", r"lands", r"arrived", r"arrives?", r"touched down", r"aterriz\w+", r"lleg\w+",
    r"arrib\w+", r"recibid[oa]s",
)  # fmt: skip
FLIGHT_AFTER = re.compile(
    r"^\s*(?:(?:deportation|removal|repatriation|return|charter)\s+)?(?:flights?|bound)\b"
)
ORIGIN_BEFORE_STRONG = re.compile(
    r"(?:\bfrom|out of|\bdesde|procedentes? de|provenientes? de|deported by|removed by|"
    r"expelled by|deportad[oa]s (?:de|por|desde|por parte de)|por parte de|"
    r"expulsad[oa]s (?:de|por|desde)|repatriad[oa]s (?:de|por|desde)|"
    r"(?:expulso|expulsaron|deporto|deportaron|expulsar|deportar) de|"
    r"retornad[oa]s (?:de|por|desde)|devuelt[oa]s (?:de|por|desde)|"
    r"enviad[oa]s (?:de|por|desde)|trasladad[oa]s (?:de|por|desde)|sent by|flown from|"
    r"que salio de|salio de|salir de|saldra de|salieron de|despego de|partio de|"
    r"departed from|left from|took off from|"
    r"\bleaves?|\bleft|\bleaving|departs|departed|recibi\w* de|received from|sale de|"
    r"llegad[oa]s a|"
    # a sentence that opens on the flight leaving ("Parte de Ecuador nuevo vuelo", forenoon)
    r"(?:^|[.!?:]\s)parten? (?:hoy |este \w+ )?(?:de|desde))"
    r"(?:\s+(?:the|el|la|los|las))?"
    # the airport the flight left ("desde el aeropuerto de Madrid-Barajas")
    r"(?:\s+aeropuerto(?:\s+internacional)?(?:\s+de)?)?" + _REGION + r"\s*$"
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
    r"(?:(?:vuelos?|aviones?|avion|aeronaves?|flights?|militar|militares|charter|"
    r"migrantes|inmigrantes|personas|connacionales) (?:de|del)|\bby|\bpor|"
    # where the people were held or lived: the deporting state
    r"(?:detenid|arrestad|capturad|aprehendid|recluid|acampad|varad|asegurad)[oa]s en|(?:detained|"
    r"arrested|held|apprehended|jailed|locked up|living|lived|residing|camped|camping|stranded) in|"
    # "Seven illegal immigrants in Indonesia": where the people are
    r"(?:illegal|irregular|undocumented) (?:immigrants|migrants|aliens|foreigners) in|"
    r"(?:inmigrantes|migrantes|extranjeros) (?:ilegales|irregulares|indocumentados) en|"
    # "illegally in the territory of the Republic of Cyprus": where they stayed
    r"(?:illegally|irregularly|unlawfully) (?:in|on) (?:the territory of)?|"
    r"(?:irregular|ilegal)(?:mente)? en (?:el territorio de)?|"
    r"(?:vivian|residian|radicaban) en|residentes en)\s*(?:las?|los|el|the|an?|una?)?\s*"
    # a metropolitan area ("detenidos en el Gran Santo Domingo", "held in Greater London")
    r"(?:(?:gran|greater)\s+)?"
    # "illegally in the territory of the Republic of Cyprus" (sunrise fl-9725)
    r"(?:republic\s+of\s+(?:the\s+)?|republica\s+(?:de|del)\s+)?$"
)
SENDER_VERB_AFTER = re.compile(
    # "to Italy and the UK aboard a charter plane" (afternoon fl-12015): a noun after
    # "aboard", not a verb of the place
    r"^\W*(?:(?!aboard\b)\w+\W+){0,2}?(?:deports?|deported|deporta|deporto|deportara|expels?|expelled|"
    r"expulsa|expulso|expulsara|sends?|sent|envia|envio|removes?|removed|"
    r"flies|flew|returns|returned|devuelve|devolvio|"
    r"resumes? deport\w*|reanuda\w* (?:las )?deport\w*|retoma\w* (?:las )?deport\w*|"
    r"launch\w*|begins|began|starts|started|inicia|"
    r"inicio|comenzo|comienza|resumes|resumed|reanuda|reanudo|retoma|restarts|restarted|"
    r"conducts?|conducted|realiza|realizo|organiza|charters|chartering|operates|transfers|transferred|"
    r"traslada|traslado|retomara|reanudara|(?:is|are|was|were) resuming|prepara|prepares|"
    r"ha fletado|fleta|fleto|chartered|ejecuta|ejecuto|ejecutaron|executed|executes|"
    r"carried out|carries out|lleva a cabo|llevo a cabo|concreta|concreto|concretaron|"
    # "Ecuador autorizó tres nuevos vuelos de Venezuela" (sunrise fl-9728): where they leave
    r"autoriz(?:o|a|aron) (?:el |los |un |\w+ )?(?:\w+ )?vuelos? de repatriacion|"
    r"autoriz(?:o|a|aron) (?:\w+ ){0,2}vuelos? (?:de|del) (?!deportacion))\b"
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

PEOPLES_WITHOUT_STATE = (
    *(r"kurds", r"kurd[oa]s", r"rohingyas?", r"roma", r"romani", r"gitan[oa]s"),
    *(r"tamils", r"tamiles", r"hazaras", r"pashtuns", r"pastunes", r"balochs?", r"baluchis?"),
    *(r"yazidis", r"yazidies", r"tibetans", r"tibetan[oa]s", r"chechens", r"chechen[oa]s"),
    *(r"bidoons?", r"biduns?", r"oromos?", r"tigrayans", r"tigrayan[oa]s", r"sahrawis"),
)  # fmt: skip
"""Peoples without a state of their own, counted as deportees ("15 kurdos", "40 Uyghurs" is
China's: data/demonyms.yaml): people nouns, naming no destination. "Roma" is also Spanish
for Rome: it counts only right after a number (PEOPLE_GAP), never as a place."""
DETAINED_NOUNS = (
    *(r"detainees", r"detenid[oa]s", r"prisoners", r"presos", r"presas", r"reos", r"inmates"),
    *(r"internos", r"internas", r"reclus[oa]s", r"presidiari[oa]s", r"privad[oa]s de libertad"),
    *(r"internees", r"convicts", r"convict[oa]s", r"condenad[oa]s", r"felons", r"suspects"),
    *(r"sospechos[oa]s", r"fugitives", r"fugitiv[oa]s", r"offenders", r"criminals"),
    *(r"criminales", r"delincuentes", r"lawbreakers", r"gang members", r"pandilleros"),
    *(r"mareros", r"overstayers", r"illegals", r"non-?citizens", r"inadmitid[oa]s"),
)  # fmt: skip
"""People held, convicted or found without leave to stay, the groups a removal flight
carries ("74 suspects", "16 reclusos", "28 ... detainees", "711 unlawful non-citizens")."""
RETURNED_NOUNS = (
    *(r"deportees?", r"deportad[oa]s", r"returnees", r"retornad[oa]s", r"repatriad[oa]s"),
    *(r"repatriates", r"expulsad[oa]s", r"devuelt[oa]s", r"expellees", r"passengers"),
    *(r"pasajeros", r"aboard", r"on board", r"a bordo"),
)  # fmt: skip
"""The removed as such, or as a flight's passengers."""
PEOPLE_NOUN = words(
    *(r"migrants?", r"migrantes?", r"inmigrantes?", r"immigrants?", r"personas", r"people"),
    *(r"persons", r"person", r"persona", r"individuals", r"individuos", r"sujetos"),
    *(r"nationals", r"nacionales", r"connacionales", r"compatriotas", r"ciudadan[oa]s"),
    *(r"citizens", r"extranjer[oa]s", r"foreigners", r"aliens", r"illegal aliens"),
    *(r"asylum[ -]seekers", r"solicitantes de asilo", r"refugees", r"refugiad[oa]s"),
    *(r"indocumentad[oa]s", r"undocumented", r"irregulares", r"trabajadores", r"workers"),
    *(r"miembros", r"integrantes", r"members", r"familias", r"families", r"venezuelans?"),
    *(r"hombres", r"mujeres", r"men", r"women", r"children", r"ninos", r"ninas", r"menores"),
    *(r"minors", r"adults", r"adultos", r"youths", r"jovenes", r"teenagers", r"adolescentes"),
    *DETAINED_NOUNS,
    *RETURNED_NOUNS,
    *PEOPLES_WITHOUT_STATE,
)  # fmt: skip
"""A number right before one of these (PEOPLE_GAP) counts people; a state's people names
(data/demonyms.yaml, places.yaml) count too. Never a deportee: the staff of a removal
(NOT_DEPORTEES: escorts, officers, crew, medics, interpreters, observers) nor people the
story names beside it (protesters, journalists, lawyers, victims)."""
_OPEN_QUOTE = "[\"\u201c\u2018\u00ab']?"
PEOPLE_GAP = re.compile(
    r"^(?:\)|\s*\(\d[\d.,]*\))?(?:\s+"
    + _OPEN_QUOTE
    + r"[\w\-]+){0,3}?(?:\s+\(\w{2,6}\))?\s+"
    + _OPEN_QUOTE
    + r"\s*$"
)
"""Between a number and its people noun: up to three words, a quotation mark allowed
("with just seven \"foreign criminals\" on board"), and the bracket of a number in words
restated in digits ("one hundred thirty (130) Cuban nationals"), the bracketed short name
of the words before ("28 illegal maritime arrival (IMA) detainees")."""
CUMULATIVE = words(
    r"since (?:the (?:start|beginning)|(?:early |late )?"
    r"(?:jan|feb|march|april|may|june|july|aug|sep|oct|nov|dec)\w*)",
    r"desde (?:inicios|principios|enero|el inicio|que)",
    r"so far",
    r"en lo que va",
    r"this year",
    r"este ano",
    r"en el ano",
    r"in total this",
    r"acumulad\w+",
    r"suma",
    r"suman",
    r"cumulative",
    r"a year",
    r"al ano",
    r"(?:a|per|each|every) (?:week|month|day)",
    r"(?:por|cada) (?:semana|mes|dia)",
    r"(?:a la|al) (?:semana|mes|dia)",
    r"weekly",
    r"semanales",
    r"mensuales",
    r"(?:in|during|en|durante) (?:19|20)\d\d",
    r"(?:fiscal year|ano fiscal|last year|el ano pasado|the past year|el ultimo ano)",
    r"per year",
    r"por ano",
    r"annually",
    r"every year",
    r"cada ano",
    r"last year",
    r"el ano pasado",
    r"fiscal year",
    r"ano fiscal",
    r"mas de \d[\d.,]* la cantidad",
    r"eleva\w*",
    r"this month",
    r"por mes",
    r"per month",
    r"a month",
    r"al mes",
    r"cada mes",
    r"promedio",
    r"on average",
    r"en solo",
    r"este mes",
    r"in the last",
    r"en las ultimas",
    r"en los ultimos",
    r"over the past",
    r"por ano",
    r"per year",
    r"raising",
    r"bringing(?! (?:back|home)\b)",  # "bringing the total to"; not "a flight bringing back eight"
    r"(?:en|in) (?:menos de|less than) (?:\w+ )?(?:meses|semanas|anos|months|weeks|years)",
    r"(?:primer|segundo) semestre",
    r"(?:first|second) half",
    r"(?:primer|segundo|tercer|cuarto|ultimo) trimestre",
    r"(?:first|second|third|fourth|last) quarter",
)
FLIGHT_COUNT_AFTER = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,2}?(?:vuelos|flights|aviones|planes|aeronaves|charters|"
    r"plane-?loads?|plane loads?|jetliners?|airplanes|airliners?|aircraft|jets|avionetas)\b"
)
"""After a number: it counts flights ("Two planeloads of deported migrants", "dos aviones
con"), not people (the ``flights`` field, not ``people``)."""
GENERAL = words(
    r"policy",
    r"politica",
    r"ley",
    r"law",
    r"program(?:me)?s?",
    r"budget",
    r"presupuesto",
    r"contract\w*",
    r"contrat\w*",
    r"billion",
    r"millones",
    r"million",
    r"report",
    r"informe",
    r"analysis",
    r"analisis",
    r"how",
    r"como funcionan",
    r"explainer",
)
COURT = words(
    r"courts?", r"courtroom", r"tribunal\w*", r"judges?", r"jueza?", r"jueces", r"ruling",
    r"ruled?", r"rules", r"fallo", r"sentencia", r"dictamin\w+", r"supreme", r"supremo",
    r"appeals?", r"apelacion", r"unlawful", r"ilegal", r"injunction", r"lawsuit", r"demanda",
    r"(?:en|ante) (?:las )?cortes",
)  # fmt: skip
POLICY = words(
    r"plan", r"scheme", r"policy", r"law", r"ley", r"regulation", r"bill", r"politica",
    r"programa?", r"program(?:me)?", r"decreto", r"norma", r"medida", r"sb ?4",
    r"agreement", r"acuerdo", r"deal", r"enforcement",
)  # fmt: skip
SPECIFIC = words(
    r"retorn[oa]", r"retornan", r"regresa", r"regresan", r"regreso", r"regresaron",
    r"return(?:ed|s)? home", r"volvieron", r"repatriated",
    r"landed", r"arrived", r"arrives?", r"aterriz[oa]", r"aterrizaron", r"llegaron", r"llegan?",
    r"llego", r"arrib[oa]", r"arribaron", r"recibio", r"recibieron", r"recibe", r"reciben",
    r"received", r"receives?", r"sent", r"enviad[oa]s", r"envio", r"enviaron", r"deported",
    r"deports", r"deporto", r"deporta", r"deportaron", r"expulsa", r"expulso", r"expulsaron",
    r"expelled", r"repatriad[oa]s", r"repatrio", r"retornaron", r"returned", r"transferred",
    r"deportar", r"deporting", r"deportad[oa]s a", r"to deport", r"expulsar",
    r"repatrian", r"deportan", r"expulsan", r"envian", r"deportara\w*", r"expulsara\w*",
    r"repatriara\w*", r"will deport", r"will expel",
    r"(?:sera|seran|van a ser) (?:deportad|expulsad|repatriad)[oa]s", r"will be deported",
    r"(?:deportad|expulsad|enviad|devuelt|repatriad)[oa]s (?:este|esta|el|hoy|ayer) \w+ a",
    # a removal done, told as a noun ("El Servicio Nacional de Migración realizó este jueves,
    # 30 de octubre, la deportación de 34 colombianos", sunrise fl-9734)
    r"(?:realizo|realizaron|ejecuto|ejecutaron|concreto|concretaron|llevo a cabo|"
    r"llevaron a cabo|carried out|conducted)(?: [\w,]+){0,6}? (?:la|las|the) (?:deportacion|"
    r"deportaciones|expulsion|expulsiones|repatriacion|deportation|removal|expulsion)",
)  # fmt: skip
UNCOUNTED_GROUP = words(
    r"(?:several |some )?(?:dozens|hundreds|scores) of", r"(?:several|a few) dozen",
    r"(?:decenas|cientos|centenares) de",
    r"(?:a|the|first|initial|second|new|another) (?:group|batch) of",
    r"(?:un|el|primer|segundo|nuevo|otro) grupo de",
    r"(?:the )?(?:first|initial|second) (?:group|batch)",
)  # fmt: skip
"""A group named without a number ("Deports Dozens of Uyghurs", "el primer grupo de
dominicanos"): a particular group, as a head count would be, for a removal with no flight
word."""
STRONG_PAST = words(
    r"(?:has|have|had|were|was)(?: been)? (?:deported|expelled|sent|flown|removed)",
    r"deported \w+ \d", r"deporto", r"deportaron", r"expulso", r"expulsaron",
    r"fueron (?:deportad|expulsad|enviad|trasladad)[oa]s", r"recibio", r"recibieron",
    r"han sido (?:deportad|expulsad|enviad)[oa]s", r"received", r"arrived", r"llegaron",
    r"landed", r"aterrizo", r"arribaron", r"arribo",
)  # fmt: skip
LAND_OR_SEA = words(
    r"border crossing", r"crossing point", r"pasos? fronterizos?", r"puntos? fronterizos?",
    r"por tierra", r"land border",
    r"frontera terrestre", r"a pie", r"on foot", r"by bus", r"buses", r"autobus\w*",
    r"camiones", r"barcos?", r"buques?", r"ships?", r"navy", r"naval", r"ferry", r"by sea",
    r"por mar", r"patrulleras?", r"torkham", r"crossings?", r"boats?", r"pateras?", r"lanchas?",
    r"embarcacion\w*", r"guardia costera", r"coast guard", r"intercept\w*", r"at sea",
    r"puerto de", r"via maritima", r"seaport", r"via terrestre", r"overland",
    r"desembarc\w*", r"cayucos?", r"vessels?", r"by road", r"por carretera",
    r"puente internacional", r"international bridge", r"border bridge",
    # a land return named as such ("el ingreso terrestre de 340 compatriotas", "through one of
    # our ports of entry")
    r"terrestres?", r"ports? of entry", r"puertos? de entrada", r"puestos? fronterizos?",
    # a seaport named as the way out ("via the Tunon Taka Port", "a través del puerto")
    r"(?:via|through) (?:the )?(?:[\w-]+ ){0,3}(?:sea)?port", r"harbou?r", r"ferries",
    r"(?:a traves|por medio|por via) del puerto", r"por el puerto",
)  # fmt: skip
NOT_A_ROLE_BEFORE = re.compile(
    r"(?:financiad\w*|financed|funded|paid|pagad\w*|recursos|apoyo\w*|support\w*|"
    r"acuerdo\w*|agreement|colaboracion|ayuda|assistance|help|cooperation|cooperacion|"
    r"asistencia|coordination|coordinacion)\s+(?:\w+\s+){0,2}?(?:por|de|by|with|con|from)"
    r"\s*(?:the\s+|el\s+|la\s+)?$"
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
ROUTE_FROM_BEFORE = re.compile(r"(?:\bde|\bdel|\bdesde|\bfrom)\s+(?:the\s+|el\s+|la\s+|los\s+)?$")
JOURNEY_ROUTE_BEFORE = re.compile(
    r"(?<!deportados )(?<!deportadas )(?<!repatriados )(?<!retornados )(?<!expulsados )"
    r"(?<!deportees )(?<!returnees )"
    r"\b(?:who|that|que)\s+(?:had\s+|habian\s+)?(?:arrived|came|travell?ed|llegaron|"
    r"vinieron|ingresaron|entraron|viajaron)\s+(?:de|del|desde|from)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""Before "de(sde) X a Y": the people's own journey ("las personas que llegaron desde San
Pedro Sula a México"), so Y is where they were taken from and X is home; not deportees
arriving ("los deportados que llegaron desde Estados Unidos a Guatemala": the flight)."""
ROUTE_TO_BETWEEN = re.compile(
    r"^\W*(?:a|al|to|hacia|into|rumbo a|con destino a|bound for)\s+(?:the\s+|el\s+|la\s+)?$"
)

# Status cues used to decide, strongest first (see extract._status).
BLOCKED_STRONG = words(
    r"suspend\w*", r"suspension", r"halt\w*", r"cancel\w*", r"refus\w*", r"reject\w*",
    r"rechaz\w+", r"bloque\w+", r"blocks?", r"blocked", r"grounded", r"denied", r"deny",
    r"obstaculiz\w+", r"obstruct\w*",
    r"denies", r"nego", r"negaron", r"niega", r"niegan", r"negara",
    r"no (?:aceptara|permitira|recibira|acepta)",
    r"(?:not|won t|will not|would not) (?:accept|allow|receive|land|take)", r"prohib\w+",
    r"barred", r"stopped", r"to stop", r"stops", r"preventing", r"prevents?", r"paus\w+",
    r"frenad[oa]s?", r"frena", r"paraliz\w+", r"turned (?:back|away)", r"turns away",
    r"impid\w+", r"impedi\w+", r"stalled", r"injunction", r"no pudo aterrizar",
    r"could not land", r"desautoriz\w+", r"scrapped", r"called off", r"postpone\w*",
    r"pospuest\w+", r"aplaz\w+", r"no dejo entrar", r"no dejaron", r"interim measure",
    r"frustrad[oa]s?", r"abort\w*", r"reprogramad\w*", r"rescheduled",
    r"no se (?:concreto|concretaron|realizo|realizaron|llevo a cabo)",
    r"(?:no fueron|were not|weren t) (?:embarcad[oa]s|boarded|put on (?:the|a) (?:plane|flight))",
    r"violaria\w*", r"would violate",
    r"prevented", r"blocking", r"deneg\w+", r"freno", r"frenaron", r"restraining order",
    r"no (?:autorizo|permitio|dejo aterrizar)", r"declined to (?:accept|receive|take)",
    # a permission denied in any tense or voice ("no autoriza aterrizaje", "was not
    # authorised to land", "withdrew clearance"): the flight cannot go
    r"no (?:autoriza|autorizan|autorizaron|autorizara|autorizaran|permite|permiten|"
    r"permitieron|permitira|permitiran)",
    r"no (?:ha|han|habia|habian|fue|fueron) (?:autorizad[oa]s?|permitid[oa]s?)",
    r"(?:not|never) (?:been )?(?:authori[sz]ed|permitted|allowed|cleared) to "
    r"(?:land|take off|depart|fly|leave)",
    r"(?:not|never) (?:given|granted) (?:landing )?(?:permission|clearance)",
    r"(?:refused|denied|withdrew|withdrawn|revoked|pulled) (?:\w+ ){0,2}?(?:permission|clearance)",
    r"(?:no|nunca) (?:despego|despegaron|salio|salieron|partio|aterrizo|llego)",
    r"no (?:pudo|pudieron|podra|podran) (?:despegar|salir|partir|aterrizar)",
    r"detener (?:el |los |la |las )?(?:vuelos?|deportacion\w*|expulsion\w*)",
    r"(?:ordered|orders) (?:\w+ ){0,3}?(?:to )?(?:stop|halt|turn (?:back|around))",
    r"(?:did not|didn t|never|failed to) (?:take off|took off|leave|left|depart|land)",
    r"never (?:landed|arrived|took off|departed|flew)",
    r"(?:has|have|had) not (?:landed|arrived|left|departed|taken off)",
    r"(?:in|en el) limbo", r"on hold", r"en pausa",
    # flights that ceased or were stopped ("han cesado por deseo de Marruecos", "ha parado
    # los vuelos", "flights have ceased")
    r"ces(?:o|aron|ado|ados|adas|an|aran)", r"ceased", r"ceases",
    r"(?:ha|han|habia|habian) parado",
    r"(?:will|would|did|does|to) not go ahead", r"won t go ahead", r"not (?:go|gone|going) ahead",
    r"(?:will )?no longer (?:take off|go ahead|fly|depart|leave|land)",
    r"(?:did not|didn t) go (?:as|according to) plan(?:ned)?",
    r"enfrenta\w* (?:un |unos )?obstaculos?", r"faces? (?:legal |court )?(?:hurdles?|obstacles?)",
    r"(?:regreso|regresaron|regresad[oa]s|devolvieron|devuelt[oa]s|returned|taken back|"
    r"sent back|brought back) (?:\w+ ){0,2}?(?:a|al|to) (?:un |the |a )?(?:centro de detencion|"
    r"detention)",
    # a flight or convoy that turned round on its way ("dio media vuelta", "rerouted back",
    # "returned ... with all on board"): the removal did not happen
    r"desviad[oa]s?", r"diverted", r"turned around", r"dio (?:la |media )?vuelta",
    r"dieron (?:la |media )?vuelta",
    r"rerouted", r"return\w* (?:\w+ ){0,3}?with all (?:\d+ )?(?:on board|aboard)",
    r"returned (?:\w+ ){0,4}?back to",
    r"(?:bajad[oa]s|desembarcad[oa]s|retirad[oa]s) de (?:los |las |el |la )?aviones",
    r"(?:bajad[oa]s|desembarcad[oa]s|retirad[oa]s) de(?:l| la)? (?:avion|aeronave)",
    r"(?:taken|removed|pulled) (?:off|from) the (?:plane|flight|aircraft)",
)  # fmt: skip


PLANNED_STRONG = words(
    r"will", r"to resume", r"set to", r"expected", r"se espera", r"scheduled", r"plans? to",
    r"planned", r"planea\w*", r"prev[eé]n?", r"programad[oa]s?", r"esta previsto",
    r"tiene previsto", r"llegara\w*", r"aterrizara\w*", r"saldra\w*", r"partira\w*",
    r"seran", r"sera", r"reanudara\w*", r"retomara\w*", r"comenzara\w*", r"iniciara\w*",
    r"a partir del?", r"next week", r"la proxima semana", r"la semana que viene",
    r"due to (?:depart|arrive|land|leave)", r"agreed to (?:accept|receive|take)",
    r"agrees to (?:accept|receive|take)", r"acepta recibir", r"acepto recibir",
    r"acepto colaborar", r"pone a disposicion", r"puesto a disposicion", r"offered",
    r"offers", r"ofrece\w*", r"traeran", r"will be", r"to be deported", r"podria\w*",
    r"could", r"would", r"upcoming", r"inminente", r"reautoriza\w*", r"reauthoriz\w*",
    r"to begin", r"to start", r"asumira",
    r"(?<!used )(?<!order )to (?:land|arrive|reach|depart|leave|be deported|deport|expel|send)",
    r"(?:esta|estan) por partir", r"list[oa]s? para (?:partir|despegar|salir)",
    r"(?:is|are) (?:ready|about) to", r"due to take off",
    r"on (?:its|their) way to (?:collect|pick)",
    r"en camino", r"rumbo a recoger", r"buscara", r"recogera", r"anuncia\w*", r"announce\w*",
    r"deportara\w*", r"expulsara\w*", r"repatriara\w*", r"enviara\w*", r"retornara\w*",
    r"arribara\w*", r"regresara\w*", r"volvera\w*", r"despegara\w*", r"realizara\w*",
    r"llevara a cabo", r"due to (?:be|fly|take off)", r"(?:is|are) to be (?:deported|flown|sent)",
    r"trasladara\w*", r"recibira\w*", r"llegaria\w*", r"aterrizaria\w*", r"saldria\w*",
    r"partiria\w*", r"deportaria\w*", r"intends? to", r"(?:is|are) preparing to",
    r"prepares? to", r"se prepara\w* para", r"pretende\w*", r"tiene planead[oa]",
    r"in the coming (?:days|weeks)", r"en los proximos dias", r"en las proximas semanas",
    r"planning(?: to)?",
    r"next month", r"el proximo mes", r"alista\w*", r"prepara\w*", r"prepares?",
    r"preparing", r"weighs", r"considers", r"considering", r"evalua\w*",
    r"tomorrow", r"(?<!la )(?<!esta )(?<!una )(?<!de )(?<!por )manana", r"autoriza\w*",
    r"authoriz\w*", r"aprueba\w*", r"approves?",
    r"next (?:deportation |removal |repatriation |charter )?flights?",
    r"(?:el )?proximo vuelo", r"(?:is|are) likely to",
)  # fmt: skip
COMPLETED_FINITE = words(
    r"landed", r"lands", r"arrived", r"touched down", r"aterriz[oa]", r"aterrizaron",
    r"ha aterrizado", r"llego", r"llegaron", r"llegan", r"llega", r"arrib[oa]", r"arribaron",
    r"arriban", r"recibio", r"recibieron", r"recibe", r"reciben", r"received", r"receives",
    r"took off",
    r"departed", r"despego", r"despegaron", r"partio", r"salio", r"deporto", r"deportaron",
    r"expulso", r"expulsaron", r"repatrio", r"repatriaron", r"retornaron", r"regresaron",
    r"volvieron", r"flew", r"envio", r"enviaron", r"traslado", r"trasladaron", r"conducted",
    r"realizo", r"comenzo", r"began", r"started", r"se reanudaron", r"resumed", r"restarted",
    r"(?:has|have|had) begun",
    r"reanudo",
    r"(?:has|have|had|were|was)(?: been)? (?:deported|expelled|sent|flown|removed|returned|"
    r"repatriated|transferred)",
    r"(?:ha|han|habia|habian) (?:llegado|arribado|retornado|regresado|salido|despegado|partido)",
    r"fueron (?:deportad|expulsad|enviad|trasladad|repatriad)[oa]s", r"proceed\w*",
    r"has left", r"left the", r"leaves", r"departs", r"takes off", r"flown out", r"went ahead",
    # "The flight left Dublin Airport", "A Deportation Flight Just Left for Vietnam"
    r"(?:flight|plane|aircraft|charter|jet) (?:just |finally |has )?left",
    r"gone ahead", r"(?:was|were) put on (?:a|the) (?:plane|flight|aircraft)",
    r"goes ahead", r"carries out", r"carried out", r"(?:is|are|was|were) conducting",
    # "is carrying out deportations": a campaign, not this flight
    r"(?:is|are) carrying out(?! (?:deportations|removals|expulsions|returns)\b)",
    r"sends", r"violated",
    r"(?:ha|han|habia|habian) (?:sido )?(?:deportad|expulsad|repatriad|retornad|enviad|"
    r"trasladad)[oa]s?", r"volvio", r"se concreto",
    # "retornó", "regresó" (verbs) but not the nouns ("el retorno", "vuelo de regreso")
    r"(?<!el )(?<!del )(?<!al )(?<!su )(?<!sus )(?<!de )(?<!un )(?<!y )(?:retorno|regreso)",
)  # fmt: skip
TO_BE_REMOVED = words(
    r"para ser (?:deportad|repatriad|expulsad)[oa]s?", r"to be (?:deported|repatriated|flown)"
)  # fmt: skip
"""After an arrival at a place: the people were brought there to be flown out (its state is the
origin)."""
"""A plane that landed in order to collect the deportees ("aterrizaron ... en Texas para
trasladar al primer grupo de migrantes"), or the people who arrived at the airport to be
removed ("llegaron al aeropuerto de Latacunga para ser deportados"): the flight is still to
come."""
ALREADY = words(
    r"(?:already|ya) (?:\w+ )?(?:received|arrived|landed|llegaron|aterrizo|recibio|recibido)",
    r"(?:have|has|had) already (?:arrived|landed|been deported)",
)  # fmt: skip
SPORTLESS_DEPORT = r"deport(?!(?:e|es)\b|ist|iv)\w*"
"""A deportation word, not sport ("el deporte", "deportistas", "deportivo": "Listo el 'vuelo del
deporte' con 180 deportistas colombianos", classify pool-nfes-0012; twenty-seventh round)."""
MIGRANT_CONTEXT = words(
    SPORTLESS_DEPORT, r"expuls\w*", r"expel\w*", r"remov(?:al|als|ed)", r"migrants?",
    r"migrantes?", r"inmigrantes?", r"immigrants?", r"iom", r"oim",
    r"international organi[sz]ation for migration",
    r"organizacion internacional para las migraciones",
    r"vuelta a la patria", r"asylum seekers?", r"solicitantes de asilo", r"irregular\w*",
    r"indocumentad\w*", r"undocumented", r"inm", r"illegal(?:ly)?", r"ilegal(?:es|mente)?",
)  # fmt: skip
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
PAST_SPAN = words(
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)",
    r"(?:en|durante) (?:los|las) (?:ultim[oa]s|pasad[oa]s) (?:\w+ )?(?:dias|semanas|meses|anos)",
)  # fmt: skip
"""A span of days or months ("over the past two months more than 300 Haitians have been
returned"): a tally of removals, not one removal."""
STATES_TALLY = words(
    r"(?:from|de|desde) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"various|multiple|different|varios|distintos|diferentes|dos|tres|cuatro|cinco|seis|siete|"
    r"ocho|nueve|diez|once|doce) (?:other )?(?:countries|nations|paises|naciones)",
)
"""Deportees counted over several sending states ("258 Pakistanis deported from seven
countries", "ciudadanos procedentes de 12 países"): with no flight word, a tally of
individual removals, not one flight."""
MIGRANT_JOURNEY = words(
    r"ilegal\w*", r"illegal\w*", r"fronteras?", r"borders?", r"detenid[oa]s", r"detained",
    r"detention", r"detencion", r"prisons?", r"carcel\w*", r"jails?",
)  # fmt: skip
"""A group's plight that makes it migrants, not travellers: staying illegally, held, or stuck
at a border ("115 compatriotas ... bloqueados en la frontera entre Chile y Perú")."""
FETCHES_OWN_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:repatria|repatrio|repatriates?|repatriated|repatriating|"
    r"brings? back|brought back|bringing back|brings? home|brought home|bringing home|"
    r"trae de vuelta|trajo de vuelta)\s+(?:a\s+)?(?:[\w,.-]+\s+){0,3}?"
    r"(?:its |sus |their )?(?:own )?(?:citizens|nationals|compatriots|ciudadan[oa]s|"
    r"connacionales|compatriotas|nacionales)\s+(?:from|desde|de)\b"
)
"""After a state's name: the state fetching its own people from another ("Ethiopia resumes
repatriating 70,000 nationals from Saudi Arabia"): the state the flights go to."""
GULF_HOSTS = frozenset({"SA", "KW", "AE", "QA", "OM", "BH"})
"""Gulf states whose "repatriations" of migrant workers are removals of people held in
their deportation centres (Ethiopia's airlifts from Saudi Arabia, Sri Lankans from Kuwait):
a state fetching its nationals from them is a removal flight."""

DIVERTED = re.compile(r"desviad[oa]s?|diverted")
"""A diverted flight is blocked only when the text does not say it landed."""
COURT_AFTER = re.compile(
    r"^\.?\s*(?:(?:district|federal|high|supreme|appeals?|immigration)\s+)?"
    r"(?:judges?|courts?|district|tribunal)\b"
)
"""After a state's name: its court ("a U.S. District Judge ruled"), which rules on that
state's removals: the deporting state."""
SUBJECT_VERB_AFTER = re.compile(
    r"^\s+(?:expects?|plans?|says?|said|confirms?|confirmed|announces?|announced|insists?|"
    r"vows?|prev[eé]|planea|confirma|confirmo|anuncia|anuncio|asegura|aseguro|insiste)\b"
)
"""After a state that opens a sentence ("BRITAIN expects the first flight to depart for
Rwanda", "EEUU confirma que los primeros vuelos ..."): the state that speaks for its own
removals, when the flight goes to another state."""
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+|\.-\s*|\u2014\s*|--\s*)\W*$")
PLACE_IN_BEFORE = re.compile(r"(?:\bin|\ben|\bat)\s+(?:the\s+|el\s+|la\s+)?$")
STOPOVER_BEFORE = re.compile(
    r"\b(?:escala|escalas|stopover|stop-over|layover|refuelling stop|refueling stop)\s+"
    r"(?:tecnica\s+)?(?:in|en|at)\s+(?:the\s+|el\s+|la\s+)?$"
)
"""'con destino Lima y escala en Bogotá' (predawn fl-9614): a stop on the way is neither
where the flight left nor, alone, where the people were taken from."""
"""Before a place of another state than the destination ("at Valley International Airport in
Harlingen, Texas"): where the flight was, with nothing else naming the origin."""
SEIZED_ACROSS_BEFORE = re.compile(
    r"\b(?:locations|places|cities|raids|redadas|operativos|lugares|ciudades)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:all over|across|throughout|en todo|en toda|a lo largo de)"
    r"\s+(?:the\s+|el\s+|la\s+)?$"
)
"""'seized ... at around 40 locations all over Norway': where the people were taken from."""


TURNED_BACK_BEFORE = re.compile(
    r"\b(?:rerouted|diverted|turned) back to\s+(?:the\s+)?$"
    r"|\b(?:flights?|planes?|aircraft|jets?|charters?|vuelos?|aviones?|avion|aeronaves?)\b"
    r"[^.;]{0,80}?(?<!were )(?<!was )(?<!been )(?<!fueron )(?<!fue )"
    r"\b(?:return(?:ed|ing|s)?|regres(?:o|aron|ar)|volvi(?:o|eron)|volver)\s+(?:to|a|al)\s+"
    r"(?:the\s+|el\s+)?$"
)
"""Before a place, the flight or the people's trip going back to it ("were rerouted back to
America", ashfall fl-33427; "A DEPORTATION flight carrying 26 failed asylum seekers was
forced to return to Dublin", tallow fl-38533): where it came from, the deporting state, not
the destination. Not the people sent home ("were returned to Tirana": a passive verb)."""


AIRLINE_AFTER = re.compile(r"^\s+(?:charter\s+|chárter\s+)?(?:airlines?|carriers?|aerolineas?)\b")
"""After a state adjective: an airline's nationality ("a Turkish charter airline"), not the
deporting state."""

HOMECOMING = re.compile(
    r"\b(?:bring|brings|brought|bringing|fly|flies|flew|flown|flying|take|takes|took|taken)\b"
    r"(?:\s+[\w,.-]+){0,4}?\s+(?:back\s+)?home\b(?!\s+(?:office|secretary|affairs|ministry|department))"
    r"|\b(?:traen?|trajo|trajeron|llevan?|llevo|llevaron)\b(?:\s+[\w,.-]+){0,4}?\s+"
    r"(?:de vuelta )?a casa\b"
    # twenty-seventh round: people helped home ("to assist Americans to return home", "helps
    # over 25,000 people return home")
    r"|\b(?:help|helps|helped|helping|assist|assists|assisted|assisting)\b(?:\s+[\w,.-]+){0,4}?"
    r"\s+(?:to\s+)?return home\b"
    # twenty-ninth round: travellers back ("exhausted Brits arrive back in UK")
    r"|\barriv(?:e|es|ed|ing) back (?:in|at|home)\b"
)
"""People brought, flown or taken home ("bring 1,207 Nepalis home", "flown home")."""


TREATY_AFTER = re.compile(
    r"\s*(?:iii\s+|ii\s+)?(?:regulations?|conventions?|agreements?|accords?|treaty|treaties|"
    r"protocols?|declaration|rules|system|procedures?|criteria)\b"
)
TREATY_BEFORE = re.compile(
    r"\b(?:reglamento|convenio|convencion|tratado|protocolo|declaracion|sistema|procedimiento)"
    r"\s+(?:de|of)\s+$"
)
"""Around a city's name: a law or treaty named after it ("under the Dublin regulation", "the
Dublin Agreement", "el Reglamento de Dublín", "la Convención de Ginebra"), not a place of the
flight."""

DEST_CITY_COMMA_BEFORE = re.compile(
    r"(?:\bto|\binto|\bhacia|\bflights? for|con destino a|rumbo a|bound for)\s+"
    r"[\w-]+(?:\s+[\w-]+)?,\s*$"
)
"""Before a state written after a city the names do not know ("The flight to Sofia,
Bulgaria"): the cue before the city names the state as the destination."""


STATISTICS = words(
    r"statistics", r"estadisticas", r"figures (?:released|published|show\w*|reveal\w*)",
    r"according to (?:the )?(?:latest |official |new )?figures", r"cifras",
    r"segun (?:los )?datos", r"datos (?:oficiales|difundidos|publicados)",
)  # fmt: skip
"""Figures released or statistics ("new statistics reveal that nearly 4,600 Sudanese ... were sent
back", "according to figures released by the CBSA"): with no flight word, a tally."""
TALLY_PERIOD = words(
    r"en lo que va(?: del?)? (?:ano|mes)", r"so far this (?:year|month)",
    r"(?:during|over|in) an? \w+[ -]months? period", r"this year", r"este ano",
    r"hasta la fecha", r"to date",
)  # fmt: skip
"""A period a removal count runs over in the headline or the lede's first sentence ("Panamá ha
expulsado a 87 cubanos en lo que va de año", "during a nine month period this year"): with no
flight word, a tally; not a running total told beside a flight ("por lo que cifra asciende a más
de 300 desde principios de este año")."""
RUNNING_ON_BEFORE = re.compile(
    r"\b(?:asciende\w*|eleva\w*|suma\w*|bringing|raising|brings|(?:the|el|la) total)\b"
    r"[^.]{0,50}$"
)
"""Before a period: a running total told beside the flight ("por lo que cifra asciende a más de
300 desde principios de este año", "bringing the total this year to"), not a tally."""
NO_SENDER = frozenset({"EH"})
"""A territory with no state of its own to remove anyone (Western Sahara: "deportaciones de
migrantes desde el Sáhara Occidental" are Morocco's): never the origin."""
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


SINCE_AFTER = words(
    r"since",
    r"desde (?:que|el|la|los|las|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|\d{4})",
)
"""After a thousand or more removed: counted since an event or a day ("have been returned since
the UK-Albania joint communiqué was signed"): with no flight word, a tally."""

SPANISH_PLANS = re.compile(
    r"\b(?:los|sus|unos|estos|esos|nuevos|con|sin|mis|nuestros|sobre)\s+planes$"
    r"|^planes\s+(?:de|del|para|migratorios|que)\b"
)
"""'planes' in Spanish is plans, not aeroplanes ("si cumple con sus planes de deportaciones
masivas"): no flight word (twenty-ninth round)."""
FLIGHTS_LACKING_BEFORE = re.compile(
    r"\b(?:falta|ausencia|escasez|lack|absence|shortage)\s+(?:de|of)\s+(?:los\s+|the\s+)?$"
)
"""Before a flight word: flights lacking ("la falta de vuelos"), no flight of the item."""
OWN_ARRIVAL_BEFORE = re.compile(
    r"\b(?:arrive|arrives|arrived|arriving|come|comes|came|coming|enter|enters|entered|entering|"
    r"travel|travels|travelled|traveled|llegan|lleguen|llegaron|llegar|ingresan|ingresen|"
    r"ingresaron|ingresar|entran|entren|entraron|viajan|viajen|viajaron)\s+(?:by|en|por|in)\s+"
    r"(?:a\s+|un\s+)?$"
)
"""Before a flight word: how the people came of their own accord ("a program that gives legal
status ... to those who arrive by plane"), not a removal flight (twenty-ninth round)."""
