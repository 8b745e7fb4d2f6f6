"""Cue phrases of the precision vetoes (folded: lower case, no accents) in English and Spanish.
Pure data.

What says an item about deportation and flights is no flight record: own citizens or
remains brought home, evacuation flights, explainers, guides and commentary, statistics,
tallies and periods, proposals and schedules, land neighbours and sea crossings, courts and
custody with no removal at issue. Read by not_a_record.py: regular expressions over the
folded text.
"""

from __future__ import annotations

import re

from wirewatch_flights.cues import SPORTLESS_DEPORT, words

NUMBER_OF_BEFORE = re.compile(
    r"\b(?:numero|cantidad|cifra|total|number|count|tally)\s+(?:de|of)\s+(?:(?:los|las|the)\s+)?$"
)
"""'el número de vuelos de deportación': flights counted, not a flight."""


NOT_MIGRANTS = words(
    r"seleccion (?:argentina|nacional|colombiana|mexicana|chilena|peruana)", r"deportistas",
    r"athletes", r"hajj", r"haj", r"umrah", r"pilgrims?", r"peregrin\w+", r"holidaymakers",
    r"quarantin\w*", r"cuarentena", r"desplazad[oa]s", r"displaced", r"travell?ers", r"viajeros",
)  # fmt: skip
"""Since the twenty-seventh round: with no migrant word, a team, pilgrims, travellers, people in
quarantine or displaced at home ("la Selección Argentina regresó a casa", "post-Hajj flight
operation", "165 Australians, who will quarantine", "familias desplazadas"): whatever state is
named, no removal."""


AIRPORT_WORD = re.compile(r"(?:aeropuertos?|airports?)")


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


PANDEMIC = words(r"pandemi\w+", r"covid\w*", r"coronavirus")


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


STRANDED = words(
    r"stranded", r"varad[oa]s", r"atrapad[oa]s", r"trapped",
    r"(?:got |get |gotten |are |were )stuck",
)  # fmt: skip


EVACUATED = words(r"evacu\w+")
"""People evacuated ("190 Indian nationals evacuated from Yemen"): not a transit state's
stranded migrants returned, even where migrants are stranded (twenty-seventh round)."""


IOM_RETURN = words(
    r"iom", r"oim", r"international organi[sz]ation for migration",
    r"organizacion internacional para las migraciones", r"voluntary humanitarian returns?",
    r"retorno voluntario",
)  # fmt: skip
"""People stranded abroad by the pandemic ("migrant workers who were stranded overseas
due to the coronavirus pandemic") are flown home, not removed, even when they are
migrants; migrants stranded otherwise, or returned by the IOM, are returns."""


REMAINS_FUNDS = words(
    # twenty-seventh round: coffins and the dead ("Migrant coffins lined up in Italian airport
    # hangar", "los migrantes fallecidos en Estados Unidos")
    r"coffins?",
    r"ataud\w*",
    r"feretros?",
    r"fallecid[oa]s",
    r"died",
    r"lost their lives",
    r"perdieron la vida",
    r"restos",
    r"cuerpos?",
    r"cadaver\w*",
    r"remains",
    r"bodies",
    r"body of",
    r"cenizas",
    r"ashes",
    r"profits?",
    r"funds",
    r"fondos",
    r"capital(?:es)? (?:repatri\w+|flight)",
    r"repatri\w+ (?:of |de |del )?(?:los )?capital(?:es)?",
    r"utilidades",
    r"dividend\w*",
    r"artefacts?",
    r"artifacts?",
    r"obras de arte",
    r"piezas arqueologicas",
    r"gold",
    r"oro",
    r"reservas",
    r"divisas",
    r"dinero",
    r"cash",
    r"earnings",
    r"ganancias",
)


EXPLAINER_TITLE = re.compile(
    r"(?:^|[:\u2013\u2014-]\s)\W*(?:how|inside|explainer|explained|what is|what are|como es|"
    r"como funciona|asi funciona|que es|cual es|anatomy of)\b.*\b(?:system|process|protocol|"
    r"procedures?|works?|"
    r"sistema|proceso|protocolo|procedimiento|funciona)\b"
)
"""A headline that explains how removals work in general, not one flight."""


OVERVIEW_TITLE = words(
    r"explainer", r"what we know", r"what you need to know", r"lo que (?:se )?sabe(?:mos)?",
    r"que se sabe", r"lo que hay que saber", r"practices", r"practicas",
)  # fmt: skip
"""A headline that surveys removals rather than tells one: an explainer, what is known, what
to know, a state's practices ("US deportation: why military planes and handcuffs? An explainer",
"... floated deporting third-party nationals to Africa. Here's what we know", "deportation
practices in Switzerland are so different"): a policy item, whatever count or flight the lede
gives (stop 54, bench/flights_round54)."""


FLIGHTS_QUESTION_TITLE = re.compile(
    r"(?:^|[:\u2013\u2014-]\s)\W*(?:como son|como eran|how are|what are|what is it like on)\s+"
    r"(?:los |las |the )?(?:[\w-]+ )?(?:vuelos|flights|aviones|planes)\b"
)
"""A headline asking what removal flights are like ("¿Cómo son los vuelos de deportación en
Estados Unidos?"): flights in general, plural and uncounted, not one flight."""


GUIDE_TITLE = re.compile(
    r"(?:^|[:\u2013\u2014-]\s)\W*(?:(?:a|the) )?(?:short |quick |definitive )?"
    r"(?:guide to|guia (?:de|para))\b|\blegal basis\b|\bfact ?sheet\b|\bfaqs?\b|"
    r"(?:^|[:\u2013\u2014-]\s)\W*(?:what to expect|que esperar|preguntas frecuentes)\b"
)
"""A headline announcing a guide ("A Short Guide to Deportation Charter Flights")."""


EXTRADITION = words(
    r"extradit\w*", r"extradicion\w*",
    # twenty-seventh round: prisoners repatriated under treaties ("Ecuador repatria a presos
    # mexicanos ... en cumplimiento de convenios internacionales"), a kind of extradition
    r"repatri\w* (?:a |de )?(?:\w+ ){0,3}?(?:presos|reos|prisioneros|prisoners|inmates)",
    r"prisoner transfers?", r"traslado de (?:presos|reos)",
)  # fmt: skip


SENTENCE_SERVED = re.compile(
    r"\b(?:para|a) (?:cumplir|acabar|terminar|completar|purgar) (?:el resto de )?"
    r"(?:sus?|la|las) condenas?\b"
    r"|\bto serve (?:out )?(?:the (?:rest|remainder) of )?(?:their|his|her|the) "
    r"(?:prison )?(?:sentences?|terms?)\b"
)
"""Prisoners sent to serve (the rest of) their sentence in their own state ("Perú envía 31 reos
españoles a su país para acabar condenas"): a prisoner transfer, read as EXTRADITION is
(stop 48, bench/flights_prec48)."""


FLIGHT_MONEY_TITLE = words(
    r"costs?", r"costly", r"expensive", r"prices?", r"contracts?", r"contractors?",
    r"licen[cs]es?", r"business", r"billion",
    r"cost[oe]s?", r"costos[oa]s?", r"car[oa]s?", r"gastos?", r"precios?", r"contratos?",
    r"contratistas?", r"licencias?", r"negocios?", r"millones de dolares",
)  # fmt: skip
"""Money or business named in the headline ("revoca licencia a Conviasa para vuelos de
deportación", "detiene los vuelos de deportación militar debido a los altos costos"): with no
head count and no single flight, what removal flights cost or the business of them (stop 48,
bench/flights_prec48)."""
SINGLE_FLIGHT_TITLE = words(
    r"flight", r"plane", r"aircraft", r"jet", r"vuelo", r"avion", r"aeronave"
)
"""A single flight named in the headline ("Deportation flight cancelled at last minute cost
State €362,000"): a flight in particular, whatever it cost."""


PERCENT_TITLE = re.compile(r"\d\s*(?:%|por ?ciento|percent|per cent)(?!\w)")
"""A share or a change in percent in the headline ("Deportaciones desde EE. UU. aumentan 69 por
ciento"): removal statistics, not a flight (twenty-seventh round)."""


LAND_HANDOVER = re.compile(
    r"\b(?:vuelo|avion)\b(?:\s+[\w,.-]+){0,12}?\s+(?:hacia|hasta) la frontera\b"
    r"|\b(?:llevad|conducid|trasladad|internad|internaron)\w*(?:\s+\w+){0,2}?\s+"
    r"(?:al lado|a territorio) \w+"
    r"|\b(?:llevad|conducid|trasladad)[oa]s por tierra\b"
    r"|\bflown to the border\b(?:\s+\w+){0,3}?\s+(?:and|then) (?:walked|bused|driven|handed)"
)
"""A domestic flight to the border and a handover over land ("embarcados en un vuelo ... hacia la
frontera, donde serán llevados al lado venezolano", "de donde los internaron a territorio
venezolano", "serán llevados por tierra a Cúcuta"): a land return (twenty-seventh round)."""


_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)


UNTIL_A_DAY = re.compile(
    r"\b(?:till|until|up to|through|hasta(?: el)?)\s+(?:\d{1,2}\s+(?:de\s+)?)?" + _MONTHS + r"\b"
)
"""A count up to a day ("Over 105234 Migrant Workers Till October 13"): a period for a headline
that counts a thousand or more (twenty-seventh round)."""


NOT_A_REMOVAL = words(
    r"presos politicos", r"political prisoners", r"opositores", r"traidores a la patria",
    r"de sus filas", r"from (?:its|their|the party's) ranks", r"del partido",
)  # fmt: skip
"""Political prisoners released and sent abroad ("Ortega libera 222 presos políticos y los
deporta de Nicaragua"), or members expelled from a party ("Expulsa PAN de sus filas a 9
diputados"): an exile or a party matter, whatever deportation word is used (twenty-seventh
round)."""


SPENDING_TITLE = re.compile(
    r"\b(?:spent|spends|spending|ha gastado|han gastado|gasto|gastaron|gasta|gastan|"
    r"desembols\w+)\b[^.]{0,40}?\b(?:on|en)\b[^.]{0,30}?\b(?:flights?|vuelos?|charters?|"
    r"deportations?|deportaciones|expulsiones|removals?)\b"
    r"|\b(?:spent|spends|spending|gastad\w*|gasto|gastaron)\b[^.]{0,40}?\b(?:to|para)\s+"
    r"(?:send|deport|repatriate|remove|fly|return|enviar|deportar|repatriar|expulsar|retornar)\b"
)
"""A headline on what a government spent on removal flights ("spent ... on deportation
flights", "$20,000 spent to send Haitians home"): a cost, not a flight."""


REMOVAL = words(SPORTLESS_DEPORT, r"expuls\w*", r"expel\w*", r"remov(?:al|als|ed)")

"""Around a blocked word used as an adjective of the people ("rejected asylum seekers",
"solicitantes de asilo rechazados"): not the flight blocked."""


PERCENT_FLIGHTS = re.compile(
    r"(?:\d\s?%|por ciento|percent|per cent)[^.]{0,30}\b(?:vuelos|flights|deportation flights)\b"
)
"""A change of the number of flights in percent ("una reducción del 45% en los vuelos"): a
statistic."""


AGENT_PAST_AFTER = re.compile(
    r"\W*(?:(?:has|have|had)\s+)?(?:deported|expelled|removed|flew|sent back|deporto|deportaron|"
    r"expulso|expulsaron)\b"
)
"""After a state or an agency: a past removal ("ICE deported", "Chile expulsó")."""


PERIOD = words(
    r"desde (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|inicios|principios|el inicio|el comienzo)(?: de)?(?: \d{4})?",
    r"since (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:the )?start|(?:the )?beginning|\d{4})",
    r"en lo que va", r"so far", r"this year", r"este ano", r"(?:primer|segundo) semestre",
    r"(?:first|second) half", r"hasta la fecha", r"to date",
    r"(?:primer|segundo|tercer|cuarto|ultimo) trimestre",
    r"(?:first|second|third|fourth|last) quarter",
    r"(?:durante|during|throughout) (?:el ano )?(?:19|20)\d\d",
    r"(?:en|in) (?:19|20)\d\d",
    # a named month of a year ("in June 2025 alone", "en junio de 2025"): a month's tally
    r"(?:en|in) (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre)(?: de(?:l)?)? (?:19|20)\d\d",
    r"entre (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre) y (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre)",
)  # fmt: skip
"""A period over which flights are counted ("siete vuelos desde enero de 2025")."""


SPAN_OF_TIME = words(
    r"(?:in|within|over|en|durante) (?:one|a|two|three|four|five|six|seven|eight|nine|ten|"
    r"un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2}) (?:years?|months?|"
    r"weeks|anos?|mes|meses|semanas)",
)  # fmt: skip
"""A length of time ("deported from Libya in one year", "en cinco meses"): with a thousand
or more people in a headline, a tally."""


CITIZENS = words(
    r"citizens?", r"nationals?", r"compatriots?", r"ciudadan[oa]s", r"connacionales",
    r"compatriotas", r"nacionales",
)  # fmt: skip


BRINGS_HOME_AFTER = re.compile(
    r"^\s+(?:repatria|repatrio|repatriates|repatriated|brings? back|brought back|trae de vuelta|"
    r"trajo de vuelta|evacua|evacuates|evacuated)\b"
)
"""After a state's name opening a headline: the state fetching its own people ("Mongolia
repatriates over 260 nationals", "España repatria a 180 españoles")."""


CITIZENS_BROUGHT_HOME = words(
    r"(?:citizens|nationals|ciudadan[oa]s|connacionales) (?:were|have been|are|fueron|han sido) "
    r"(?:repatriated|brought home|flown home|repatriad[oa]s) (?:from|desde|de)",
    # a flight bringing a state's nationals from abroad ("A charter flight, bringing 255
    # Mongolian nationals from the United States, has landed")
    r"(?:bringing|bringing home|brought home) (?:\d[\d,.]* )?(?:\w+ )?(?:citizens|nationals) "
    r"(?:home )?from",
)
"""Citizens brought home from a state named ("More than 340 Vietnamese citizens were
repatriated from Japan on a flight"): their own state's flight."""


SCHEDULE = words(
    r"cada (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|mes)",
    r"every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month)",
    r"each week", r"(?:twice|three times) (?:a|per) week",
    r"(?:dos|tres) veces (?:por|a la) semana",
    r"semanalmente", r"weekly",
)  # fmt: skip
"""A headline on a recurring schedule ("continúa cada martes"): how often flights land, not
one flight."""


TREND_TITLE = re.compile(
    r"\b(?:aumenta\w*|incrementa\w*|intensifica\w*|disminuye\w*|reduce\w*|caen|crecen|"
    r"increase[sd]?|increasing|surge[sd]?|surging|soar\w*|rise|rising|doubl\w+|decline[sd]?|"
    r"declining|drop(?:s|ped)?)\s+(?:[\w-]+\s+){0,2}?(?:vuelos|flights)\b"
    # the removals named first ("Deportaciones de migrantes guatemaltecos aumentan durante julio")
    r"|^(?:las\s+)?(?:deportaciones|deportations|removals|expulsiones|repatriaciones)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:aumentan|se incrementan|crecen|disminuyen|caen|bajan|se reducen|"
    r"rise|increase|surge|soar|fall|drop|decline|double)\b"
)
"""A headline on a rise or fall in removal flights ("Aumentan vuelos de deportación desde
EE.UU."): a trend, not one flight."""


INADMISSION = words(
    r"no (?:ser|haber sido|fueron|fue) admitid[oa]s?", r"inadmitid[oa]s?", r"inadmision\w*",
    r"inadmisibles?", r"sin boletos? de (?:retorno|regreso)", r"without (?:a )?return tickets?",
    r"inadmissible (?:passengers|travell?ers)",
)  # fmt: skip
"""Travellers refused entry at an airport and sent back by the airline ("tras no ser
admitidos por las autoridades de inmigración", "sin boletos de retorno"): inadmissions, not a
removal flight, unless a deportation is named."""


HABITUAL = words(
    r"cada (?:avion|vuelo|aeronave) (?:[\w-]+ ){0,5}?que (?:aterriza|llega|sale|despega)",
    r"(?:each|every) (?:plane|flight|aircraft) (?:[\w-]+ ){0,5}?(?:that )?(?:lands|arrives|leaves)",
    # a count of flights per week or month ("Each week, fourteen flights arrive at La Aurora")
    r"(?:each|every|cada|per|por|a la|al) (?:week|month|semana|mes),? (?:[\w-]+ ){0,2}?"
    r"(?:flights|vuelos|planes|aviones)",
)  # fmt: skip
"""'Cada avión procedente de Estados Unidos que aterriza trae de 75 a 130': what every flight
does, a feature on flights in general, not one flight."""


PROPOSAL = words(
    r"propone", r"proponen", r"propuso", r"propusieron", r"propuesta", r"proposes?",
    r"proposed", r"proposal", r"contingency plan", r"plan de contingencia",
    # a wish ("Taiwan wants to send back Vietnamese visa overstayers by special flights")
    r"wants? to", r"quiere", r"quieren",
    # the end of a programme ("Bilateral US-Mexico Program To Fly Deportees To Mexico City
    # Has Ended")
    r"(?:program(?:me|a)?|scheme|plan)\b[^.;]{0,60}\b(?:has ended|ended|ends|termino|"
    r"terminaron|concluyo|finalizo|ha terminado|ha concluido|ha finalizado)",
)  # fmt: skip
"""A proposal or a contingency plan for removal flights: with no removal told as done, a
policy item, not a flight."""


GENERIC_REMOVAL = words(
    r"(?:que|quienes) (?:sean|resulten|fueran) (?:deportad|expulsad|repatriad)\w*",
    r"(?:anyone|whoever|those) (?:who (?:is|are) )?(?:to be )?deported in (?:the )?future",
)  # fmt: skip
"""'los bolivianos que sean deportados': whoever is removed in future, a policy, not a
flight."""


_NEIGHBOURS = (
    "US-MX US-CA MX-GT MX-BZ GT-BZ GT-SV GT-HN HN-SV HN-NI NI-CR CR-PA CO-VE CO-EC CO-PE "
    "CO-BR EC-PE PE-CL PE-BO PE-BR BO-CL BO-AR BO-PY BO-BR AR-CL AR-PY AR-UY AR-BR BR-UY "
    "BR-PY BR-VE BR-GY VE-GY DO-HT ES-MA ES-PT ES-FR FR-IT FR-DE FR-BE DE-PL DE-CZ DE-AT "
    "DE-NL DE-CH DE-DK PL-BY PL-UA LT-BY LV-BY HU-RS HR-BA HR-RS GR-TR BG-TR GR-MK GR-AL "
    "TR-SY TR-IR TR-IQ IQ-SY IQ-IR IR-AF AF-PK PK-IR PK-IN IN-BD IN-NP IN-MM BD-MM TH-MM "
    "TH-KH TH-LA TH-MY MY-ID KH-VN LA-VN CN-VN CN-MM CN-KP RU-KZ RU-UA RU-BY RU-GE KZ-UZ "
    "UZ-TJ UZ-KG KG-TJ TJ-AF SA-YE SA-JO SA-IQ OM-YE LY-TN LY-EG LY-NE LY-TD LY-SD LY-DZ "
    "DZ-MA DZ-TN DZ-NE DZ-ML MA-MR MR-SN MR-ML SN-GM SN-ML NE-NG ZA-ZW ZA-MZ ZA-LS ZA-BW "
    "ZA-SZ ZA-NA BW-ZW ZW-MZ ZM-ZW KE-SO KE-ET ET-SD ET-SS SD-EG IL-EG IL-JO LB-SY JO-SY "
    "CN-LA CM-NG TD-NG BJ-NG TD-CM GH-TG GH-CI GH-BF BF-ML BF-NE BF-CI GN-SL LR-SL LR-CI GN-ML "
    "KE-UG KE-TZ UG-SS UG-CD RW-CD RW-BI AO-NA AO-CD SG-MY CN-MN CN-RU CN-NP CN-KZ AM-GE AZ-GE "
    "TR-GE IR-AZ IR-AM RU-FI RU-NO RO-MD RO-UA RO-HU BG-RO RS-BG MK-RS AL-MK AL-ME"
)


LAND_NEIGHBOURS = frozenset(frozenset(pair.split("-")) for pair in _NEIGHBOURS.split())
"""States that share a land border (a short hand list, not a gazetteer): a removal between
them with no flight word is a land return ("Ecuador deporta más de 600 colombianos", night;
"Ecuador deporta a más de 800 ciudadanos colombianos", predawn). Panama and Colombia are
left out: no road crosses the Darién, so removals between them fly."""


REMOVALS_COUNTED_AFTER = re.compile(
    r"^\s+(?:(?:planned|failed|forced|frustradas|fallidas|forzosas)\s+)?"
    r"(?:deportations|removals|deportaciones|expulsiones)\b"
)
"""After a headline's number: removals counted one by one ("German pilots stopped 222
deportations", "2,200 deportations in 2019"), a tally of individual removals, not a flight."""


BY_SEA = words(
    r"barcos?", r"buques?", r"ships?", r"ferry", r"ferries", r"ferris", r"by sea", r"por mar",
    r"boats?", r"vessels?", r"via maritima", r"seaport", r"embarcacion\w*",
)  # fmt: skip
"""A removal by sea told before any flight word of the lede ("departed from a ship at the
Chaguaramas heliport ... On February 27, a repatriation flight ...": the flight is background;
"devueltos en los ferris y los vuelos fletados": returns in general)."""


CAME_BY_BEFORE = re.compile(
    r"\b(?:tried to|intentaron|llegad[oa]s|llegaron|arrived|came|crossed|cruzaron|entered|"
    r"ended up|wound up|"
    r"enter|ingresaron|entraron|intercept\w*|rescued|rescat\w+|picked up)\b[^.]{0,60}$"
)
"""Before a ship or boat: how the people came or were found ("who tried to enter the UK via
boat", "intercepted at sea by a coast guard vessel"), not how they were removed."""


NEXT_FLIGHT_DAY = words(
    r"(?:the )?next flight (?:will|is to|is due to|is scheduled to) (?:\w+ ){0,3}?on "
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    r"(?:el )?proximo vuelo (?:\w+ ){0,4}?(?:este|el) "
    r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)",
)  # fmt: skip
"""After a headline on a recurring schedule, a lede that dates the next flight ("The next flight
will take place on Wednesday"): that flight is the report."""


EVACUATION_FLIGHT = words(
    r"evacuation (?:flights?|planes?|aircraft|airlift)",
    r"(?:vuelos?|avion(?:es)?) (?:de )?evacuacion",
)
"""A flight word named as an evacuation ("Kabul Evacuation Flight")."""


MIGRANTS_CARRIED = re.compile(r"(?:im)?migra(?:nts|ntes)$")
"""A deportation cue that only says migrants were carried ("vuelos con migrantes", "flights
of migrants"), no removal word."""


MIGRANTS_OWN_WAY = words(
    r"(?:busca|buscan|buscaban|quieren|querian|intenta|intentan|intentaban) (?:llegar|cruzar)",
    r"(?:trying|seeking|hoping|attempting) to (?:reach|cross|get to)",
    r"en transito", r"in transit", r"transit(?:o|ing|ed)?", r"trafico de migrantes",
    r"migracion irregular", r"irregular migration", r"emigracion",
    r"flujos? (?:\w+ ){0,2}?migra\w*",
    r"oleadas?", r"wave of", r"heading (?:north|to)", r"rutas? (?:hacia|de migrantes|migratorias?)",
    r"smuggl\w+",
    # twenty-ninth round: people travelling before a visa was required ("el último vuelo ...
    # con 392 emigrantes sin visa partió de Bolivia a España")
    r"sin visas?", r"without (?:a )?visas?", r"visa-free",
)  # fmt: skip
"""The migrants' own journey towards their goal (in transit, seeking to reach a border,
irregular migration, smuggling): where migrants are flown on their own way, not removed."""


_MONTH_WORDS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
)


MONTH_NAMED = words(r"(?:en|in) (?:el mes de |the month of )?" + _MONTH_WORDS)
"""A month named as such after a headline's thousand or more ("EEUU y México deportaron más de
4.000 inmigrantes hondureños en enero"): a month's tally."""


MONTH_SPAN = words(
    r"(?:durante|during|throughout|a lo largo de) (?:el mes de |the month of )?" + _MONTH_WORDS,
    r"(?:la|the) (?:primera|segunda|tercera|cuarta|ultima|first|second|third|fourth|last) "
    r"(?:semana|week) (?:de|of) " + _MONTH_WORDS,
)
"""A span of a month or a week of one named ("retornados ... durante enero", "en la primera
semana de junio"): removals counted over it, a tally whatever the count."""


# Twenty-ninth round (precision on non-record news).
COURT_OTHER_ISSUE = words(
    r"detentions?", r"detencion(?:es)?", r"retencion(?:es)?", r"due process",
    r"debido proceso", r"lawsuits?", r"sues", r"sued", r"demanda a", r"demando a",
    r"parole", r"legal status", r"estatus legal", r"unlawful", r"declared \w+ (?:\w+ )?illegal",
)  # fmt: skip
"""In the headline or the lede's first sentence of a court item with no flight word: what the
court weighs is a detention, a lawsuit, due process, a legal status or whether a deal is lawful
("Rome Court Blocks Detention of Migrants Sent to Albania", "Esrilanqués demanda a Japón por
deportación"), not a flight; the removals it names are background (twenty-ninth round)."""


COMMENTARY_TITLE = re.compile(
    r"^\W*(?:explained|explainer|fact ?check|factcheck|verificacion)\s*[:|\u2013\u2014-]"
)
"""A headline labelled as commentary or explanation ("Explained: why the UK's highest court
declared Rwanda agreement unlawful"): a piece about removals, not a report of one flight; an
editorial may still tell one ("Editorial: Kicked-out Aussies take tougher line" opens on a
charter that touched down), so it is not one of them (twenty-ninth round)."""


INTO_CUSTODY = re.compile(
    r"\b(?:transferred|sent|taken|moved|trasladad[oa]s|trasladaron|traslado|enviad[oa]s|"
    r"llevad[oa]s)\b(?:\s+[\w-]+){0,6}?\s+(?:to|into|a|al|hacia)\s+(?:the\s+|los\s+|las\s+|un\s+|"
    r"una\s+|el\s+|la\s+)?(?:[\w-]+\s+){0,3}?(?:centres?|centers?|centros?|depots?|camps?|"
    r"detention|custody|holding)\b"
)
"""With no flight word: people moved into a centre, depot or camp ("sent to the Setia Tropika
Immigration Depot", "trasladó a los 31 emigrantes detenidos a un centro de acogida",
"transferred to centers in Albania"): a transfer into custody, not a removal (twenty-ninth
round)."""


READY_TO_TAKE_BACK = words(
    r"ready to (?:take back|accept|receive|readmit)", r"readiness to (?:take back|accept|receive)",
    r"willing to (?:take back|accept|receive|readmit)",
    r"dispuest[oa]s? a (?:recibir|aceptar|readmitir|acoger)",
)  # fmt: skip
"""A state ready to take its people back ("Pakistan ready to take back own migrants"): a
stance, as "has agreed to accept" is a deal, not a flight (twenty-ninth round)."""


MASS_PLANNED_OR_MILLIONS = words(
    r"(?:plans?|planned|planea\w*|planes? de|promises?|promete\w*|promised|vows?|vowed|threat\w*|"
    r"amenaza\w*|could|would|podria\w*)(?: [\w-]+){0,6}? (?:mass (?:deportations?|expulsions?|"
    r"removals?)|(?:deportaciones|expulsiones|deportacion|expulsion) masivas?)",
    r"(?:millions|millones) (?:of |de )?(?:\w+ )?(?:migrants|migrantes|people|personas|"
    r"immigrants|inmigrantes|foreigners|extranjeros)",
)  # fmt: skip
"""With no flight word, in the headline or the lede's first sentence: mass removals planned,
promised or threatened ("EU plans mass expulsions"; a campaign begun with people counted,
"BD workers' mass deportation from M-E states begins", stays), or millions of people ("which
had expelled millions of migrants"): no one flight (twenty-ninth round)."""


# Stop 49 (precision; bench/flights_prec49/RULE.md, candidates A and C).
_NUMBER_WORD = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
    r"quince|veinte|treinta|cuarenta)"
)
TALLY_SPAN_TITLE = words(
    r"(?:in|within|over|en|durante) (?:the |los |las )?(?:past |last |ultim[oa]s |pasad[oa]s )?"
    + _NUMBER_WORD
    + r" (?:years?|months?|weeks?|days|anos?|mes|meses|semanas?|dias)",
    r"(?:this|last|past) month", r"(?:este|el pasado|el ultimo) mes",
    r"(?:since|desde|a partir de) (?:19|20)\d\d",
    r"(?:since|desde) " + _MONTH_WORDS,
)  # fmt: skip
"""A span of days, weeks, months or years in a headline that counts ten or more ("Kuwait deports
700 Filipinos in three months", "2,087 citizens returned ... over a week", "450 migrants ... since
December", "Casi 10 mil 500 migrantes ... en los últimos 39 días"): a tally, not one flight."""
FIRST_OR_AGAIN_TITLE = words(
    r"first", r"primer[oa]?", r"again", r"de nuevo", r"otra vez", r"nuevamente"
)
"""A first or renewed removal in the headline ("Germany deports 28 Afghans for first time since
2021"): one removal dated against a span, not a tally over it."""


OWN_STATE_FLIGHT = words(
    r"humanitarian flights?", r"vuelos? (?:de caracter )?humanitari[oa]s?",
    r"special (?:civilian |repatriation )?(?:flights?|aircraft|planes?|charters?)",
    r"vuelos? especial(?:es)?", r"aviones? especial(?:es)?",
    r"(?:request|wish|want|desire)\w* to (?:return|go back|come back|be repatriated)",
    r"(?:quieran|quieren|deseen|desean|solicitaron|pidieron) "
    r"(?:volver|regresar|retornar|ser repatriad[oa]s)",
    r"return(?:ed)? home", r"come home", r"regreso a casa",
)  # fmt: skip
"""People flown home by their own state: a humanitarian or special flight, people asking to go
home, a homecoming ("a special aircraft ... to repatriate them", "who submitted their request to
return home", "los colombianos que ... quieran volver", "un emotivo regreso a casa"): with no
removal or migrant word, no removing agency and no transit or Gulf state, travellers, not a
removal (read by not_a_record._homecoming)."""


PENDING_TITLE = words(
    r"arrests?", r"arrested", r"jailed", r"arrestad[oa]s?", r"encarcelad[oa]s?",
    r"capturad[oa]s?", r"fac(?:e|es|ing) (?:deportation|expulsion|removal)", r"ordered deported",
    r"vows? to deport", r"intentan? deportar", r"evitar su (?:expulsion|deportacion)",
    r"enfrentan? (?:la )?deportacion",
)  # fmt: skip
"""In the headline: people arrested or jailed, facing or resisting a removal, ordered deported,
or a vow to deport ("US arrests 17 Fiji overstayers", "Taiwanese, Chinese face deportation",
"... amenazan con suicidarse para evitar su expulsión"): a removal only pending (stop 50). Not
"detained" / "detenidos", often the people a flight carried ("to deport 367 detained Indian
nationals"), nor a threat, often a leader's (bench/flights_prec50)."""


PENDING_AHEAD = words(
    r"ordered deported", r"ordered to be deported",
    r"(?:still )?in line for (?:deportation|removal)",
    r"awaiting (?:their |his |her )?(?:deportation|removal|expulsion)(?: flights?)?",
    r"awaits? (?:their |his |her )?(?:deportation|removal|expulsion)(?: flights?)?",
    r"pending (?:deportation|removal)", r"still in (?:cells|detention|custody|jail|prison)",
    r"delays? in (?:deporting|removing|repatriating)",
    r"(?:tardanza|demora|retraso) en (?:deportar|expulsar|repatriar)",
    r"en proceso de (?:deportacion|expulsion)",
    r"(?:a la|en) espera de (?:su |ser )?(?:deportacion|expulsion|deportad[oa]s|expulsad[oa]s)",
    r"pendientes? de (?:deportacion|expulsion|ser deportad[oa]s|ser expulsad[oa]s)",
)  # fmt: skip
"""In the headline: people still waiting for their removal, in line or in process for it, its
delay, or an order to deport them ("51 Somalis still in cells awaiting deportation flight",
"Released Malian nationals still in line for deportation", "explica la tardanza en deportar a 10
cubanos", "Five Cubans ordered deported from Guyana"): a removal still ahead (stop 54,
bench/flights_round54). The words it holds ("deported", "flight") are the removal awaited, not
one done: they are taken out before the done and single-flight words are looked for."""


DONE_REMOVAL_TITLE = words(
    r"deported", r"deports", r"expelled", r"expels", r"removed", r"repatriated", r"repatriates",
    r"returned", r"returns", r"sent back", r"flown", r"deporta", r"deportan", r"deporto",
    r"deportaron", r"expulsa", r"expulsan", r"expulso", r"expulsaron", r"repatria", r"repatrian",
    r"retornaron", r"regresaron", r"deportad[oa]s", r"expulsad[oa]s", r"repatriad[oa]s",
    r"retornad[oa]s", r"deporting", r"returning", r"devuelven?", r"devolvio", r"devuelt[oa]s",
)  # fmt: skip
"""A removal told as done or under way in the headline ("169 Ghanaians Deported from U.S., 388
Detained", "Estados Unidos devuelve a 48 migrantes cubanos, uno detenido a su arribo"): what a
pending word beside it does not undo (stop 50)."""


VICTIMS_FREED = words(
    r"rescued", r"freed", r"liberated", r"trafficked", r"lured", r"duped", r"tricked",
    r"(?:trafficking|scam|fraud|forced labou?r) victims",
    r"victims of (?:human |labou?r )?(?:trafficking|scams?|fraud|forced labou?r|exploitation)",
    r"rescatad[oa]s", r"liberad[oa]s", r"enganad[oa]s",
    r"victimas de (?:la )?(?:trata|estafas?|fraudes?|explotacion|trabajo forzoso)",
)  # fmt: skip
"""People freed or rescued, victims of trafficking, a scam or forced labour ("Indonesians freed
from scam centers", "trafficking victims", "connacionales rescatados", "víctimas de trata"): with
no removal, migrant or detention word, their own state flying them home, not a removal (stop 52,
bench/flights_round52)."""
HELD = words(
    r"detained", r"detention", r"detenid[oa]s", r"detencion", r"arrest\w*", r"arrestad[oa]s",
    r"custody", r"custodia", r"jailed", r"encarcelad[oa]s",
)  # fmt: skip
"""People held: the docs' "detained" that makes own citizens migrants removed."""
ILLEGAL_PLACE = re.compile(
    r"(?:illegal|ilegal(?:es)?) (?:(?:online|cyber|telephone|phone) )?(?:scam|fraud|gambling|"
    r"cyber-?scam) (?:cent(?:er|re)s?|compounds?|hubs?|camps?|operations?|parks?|dens?)\b"
)
"""'illegal' said of the place of the crime ("from illegal scam centers", "illegal online scam
compounds"), not of the people's stay (stop 52, V)."""

COST_TOLD_TITLE = re.compile(
    r"\b(?:spent|spends|spending|paid|pays|paying|gasto|gastaron|gastado|gasta|gastan|pago|"
    r"pagaron|pagado|invirtio|invirtieron)\b[^.]{0,40}?\b(?:on|en|for|por|to|para)\b[^.]{0,30}?"
    r"\b(?:deportations?|removals?|deportees?|deportacion(?:es)?|expulsion(?:es)?|"
    r"repatriacion(?:es)?|deportad[oa]s|deportar|expulsar|repatriar|deport|remove)\b"
    r"|\b(?:costs?|costing|cuestan?|costaron|costo|salen|salio|sale)\s+(?:far |much |mucho )?"
    r"(?:more|less|twice|mas|menos|el doble)\b"
    r"|\b(?:more|less|far more|much more) expensive\b|\b(?:cheaper|costlier)\b"
    r"|\bmas (?:car|barat)[oa]s\b"
    r"|\b(?:per|each|every|cada)\s+(?:deportation|deportee|removal|person|passenger|migrant|"
    r"deportacion|expulsion|deportado|persona|pasajero|migrante)\b"
    r"|\bpor (?:persona|pasajero|deportado)\b"
)
"""A headline on what removals cost: money spent or paid on them, a cost compared, a cost per
removal or person ("gastó más de 14.000 euros en cada deportación", "flights cost more, carry
fewer migrants than charters"; Spanish "por" only before a person, "por persona", as "por
expulsión" is "about the expulsion"): with no single flight named, a cost, whatever head count the
lede gives (stop 51)."""


CARRIER_TITLE = words(
    r"airlines?", r"carriers?", r"aerolineas?", r"companias? aereas?", r"low-cost",
    r"charter (?:company|companies|firms?|operators?)",
)  # fmt: skip
"""A carrier named as such in a headline (besides the lexicon's named carriers)."""
CARRIER_BUSINESS_AFTER = re.compile(
    r"[^.]{0,40}?\b(?:ends?|ending|quits?|quitting|cuts? ties|cutting ties|drops?|dropped|"
    r"dropping|pulls? out|pulled out|exits?|exiting|abandons?|abandoned|abandona\w*|"
    r"will no longer|no longer|to (?:end|stop|quit|exit|cut ties)|stops? operating|"
    r"deja(?:ra|n)? de|rompe\w*|pone fin|termina\w*|signs?|signed|wins?|won|secures?|secured|"
    r"expands?|firma\w*|gana\w*)\b"
)
"""After a carrier in a headline: the carrier's business with removal flights, ending, quitting,
signing or winning it ("Avelo Ends ICE Deportation Flights", "Airline quits Trump's deportation
flights"): a business item, not a flight (stop 51)."""
TO_BEFORE = re.compile(r"\b(?:to|into|a|al|hacia|hasta|rumbo a)\s+(?:the\s+|el\s+|la\s+)?$")
"""Just before a state in a headline: the state flown to ("deportation flights to Venezuela")."""


ENTRY_REFUSED = words(
    r"(?:denied|refused|not granted|denying (?:them|him|her)|refusing (?:them|him|her)) "
    r"(?:entry|admission|leave to land)",
    r"not (?:been )?allowed (?:[\w-]+ ){0,6}?to (?:enter|proceed)",
    r"(?:nego|niega|niegan|negaron|negado|denego|denegado|denegaron) "
    r"(?:la |el )?(?:entrada|ingreso)",
    r"rechazad[oa]s (?:tras|al|a su) (?:llegar|arribo|arribar|llegada)",
    r"impedid[oa]s de (?:dejar|salir del?) (?:el )?aeropuerto",
    r"no se les? permitio (?:la )?(?:entrada|ingreso|ingresar|entrar)",
)  # fmt: skip
"""Travellers refused entry on arrival ("denied entry and sent back", "not allowed to enter",
"rechazados tras llegar al aeropuerto", "niega ingreso a 2 venezolanos", "impedidos de dejar el
aeropuerto"): an airport inadmission, even when the refusing state is said to deport them
(docs/flights.md, borderline cases), unless :data:`REFUSED_DEPORTEES` (stop 53)."""


REFUSED_DEPORTEES = words(
    r"deportees", r"deportad[oa]s (?:por|desde)", r"deported (?:by|from)", r"airspace",
    r"espacio aereo", r"deportation flights?", r"removal flights?", r"vuelos? de deportacion",
    r"charters?", r"charter flights?", r"charteres", r"vuelos? que deportaba\w*",
)  # fmt: skip
"""Beside a refusal of entry: the people refused are deportees of another state, or the thing
refused is a removal flight or its aircraft ("refused entry to 107 Pakistani citizens deported by
Saudi Arabia", "the aircraft was refused entry into Algerian airspace", "niega ingreso a vuelo
que deportaba"): a removal flight, the record it is."""
