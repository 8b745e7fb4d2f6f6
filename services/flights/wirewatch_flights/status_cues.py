"""Status-field cue phrases (folded: lower case, no accents) in English and Spanish. Pure data.

What around a planned / completed / blocked cue says it is not the flight's status: a
negation, background or a clause break, people stuck or rejected rather than a flight
refused, a refusal undone, one person, a past plan; and the strong, present and future
forms that settle it (flights authorised, arrivals announced, Spanish futures). Read by
status.py: regular expressions over the folded text.
"""

from __future__ import annotations

import re

from wirewatch_flights.cues import words

STUCK_BEFORE = re.compile(
    r"\b(?:se encontraban|se encuentran|estaban|estan|quedaron|permanecen|permanecian|"
    r"siguen|seguian)\s+$"
)
"""Before "bloqueados": people stuck somewhere ("115 venezolanos que se encontraban
bloqueados en la frontera"), not a flight that was blocked."""


BACKGROUND_BEFORE = re.compile(
    r"\b(?:after|following|since|tras|despues de|luego de|desde)\b(?:\s+[\w-]+){0,4}?\s*$"
)
"""Before a blocked cue: what happened earlier ("after months of suspension")."""


SINCE_WHEN_BEFORE = re.compile(
    r"\b(?:since|desde)\b[^.;]{0,40}\b(?:when|cuando|en que)\b(?:\s+[\w-]+){0,3}?\s*$"
)
"""'the first flight since 27 February, when Libya suspended flights': a past suspension
dated by the clause, background to the flight reported."""


CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|pero|sin embargo|while|mientras)\b")


COMPLETED_STRONG = words(
    r"landed", r"lands", r"arrived", r"arrives?", r"touched down", r"aterriz[oa]",
    r"aterrizaron", r"aterrizan", r"ha aterrizado", r"llego", r"llegaron", r"llegan", r"llega",
    r"arrib[oa]", r"arribaron", r"arriban", r"recibio", r"recibieron", r"recibe", r"reciben",
    r"received", r"receives", r"took off", r"departed", r"despego", r"despegaron", r"partio",
    r"salio", r"deported", r"deports?", r"deporto", r"deportaron", r"deporta", r"expulso",
    r"expulsaron", r"expulsa", r"expels", r"expelled", r"repatrio", r"repatriaron",
    r"repatriates", r"repatriated", r"returned", r"retornaron", r"regresaron", r"volvieron",
    r"were flown", r"flew", r"sent", r"envio", r"enviaron", r"carrying", r"carried",
    r"transported", r"traslado", r"trasladaron", r"conducted", r"realizo", r"completed",
    r"comenzo", r"began", r"started", r"se reanudaron", r"resumed", r"restarted", r"reanudo",
    r"en route", r"a bordo", r"on board", r"transfers", r"transferred",
)  # fmt: skip


PRESENT_ARRIVAL = re.compile(
    r"(?:llega|llegan|arriba|arriban|aterriza|aterrizan|recibe|reciben|lands|arrives?|"
    r"receives?)"
)
"""A headline's present tense of arrival ("Llega al país el primer vuelo"): in Spanish
and in headlines it also announces what is coming."""


AHEAD_OF_DEPARTURE = words(
    r"(?:poco |horas |justo )?antes de (?:la salida|que (?:despegue|salga|parta)) del? "
    r"(?:primer )?(?:vuelo|avion)",
    r"(?:shortly |hours |just )?(?:before|ahead of) the (?:first )?(?:flight|plane)(?:'s)? "
    r"(?:departure|(?:was )?due to (?:leave|depart|take off))",
    r"(?:before|ahead of) (?:the |its )?(?:flight's |plane's )?departure",
)  # fmt: skip
"""With no other status cue: the report stands before the flight's departure ("poco antes de
la salida del primer vuelo"): a flight still to come."""


NOT_LEFT_FROM = re.compile(
    r"\b(?:(?:no|nunca) (?:despego|despegaron|salio|salieron|partio|partieron)|"
    r"(?:did not|didn t|never) (?:leave|depart|take off))\s+(?:de|desde|from)\s+\S"
)
"""A negated departure from a place ("esta vez el vuelo no salió de Miami"): said of where it
left, not that it did not fly, when the lede tells it arrived."""


AUTHORISED_FLIGHTS = re.compile(
    r"\b(?:autoriz(?:o|a|an|aron)|aprob(?:o|a|aron)|authori[sz](?:ed|es)|approved|approves)\b"
    r"(?:\s+[\w-]+){0,4}?\s+(?:vuelos?|flights?)\b"
)
"""With no other status cue: flights a state authorised or approved ("Ecuador autorizó tres
nuevos vuelos ... este sábado"): the permission comes before the flight, still to come."""


PAST_PLAN = words(
    r"(?:estaba|estaban) (?:previst[oa]s?|programad[oa]s?)", r"iba[n]? a", r"se iba[n]? a",
    r"(?:was|were) (?:scheduled|due|supposed|set|expected|meant) to",
)  # fmt: skip
"""A headline's plan told in the past ("estaba previsto que despegara", "was scheduled to
leave"): what became of it is the lede's to say."""


FUTURE_ARRIVAL = words(
    r"llegara\w*", r"aterrizara\w*", r"arribara\w*", r"recibira\w*",
    r"will (?:arrive|land|touch down|receive)", r"(?:is|are) due to (?:arrive|land)",
    r"(?:is|are) expected to (?:arrive|land)", r"en las proximas horas", r"in the coming hours",
    r"(?:is|are) (?:set|scheduled) to (?:arrive|land|touch down)",
    r"tomorrow", r"(?:would|will) be (?:repatriated|deported|flown|returned)",
    # a schedule or a future passive of the removal itself ("were scheduled to return home on
    # Wednesday night", "serán deportados en las próximas horas")
    r"(?:is|are|was|were) (?:set|scheduled|due) to (?:return|depart|leave|fly|be (?:deported|"
    r"flown|returned|repatriated|removed))",
    r"(?:sera|seran) (?:deportad|expulsad|repatriad|retornad|trasladad)[oa]s?",
)  # fmt: skip
"""A lede's future of the arrival: the present-tense headline announced it."""


POST_ARRIVAL_AFTER = re.compile(
    r"^\s+(?:be\s+)?(?:held|detained|housed|processed|quarantined|screened|questioned|"
    r"interviewed|released|reunited|retenid[oa]s|detenid[oa]s|alojad[oa]s|procesad[oa]s|"
    r"entrevistad[oa]s|liberad[oa]s|atendid[oa]s|puest[oa]s en cuarentena|sometid[oa]s a)\b"
)
"""What is done to the people after arrival ("will be held for now in Djibouti", "serán
atendidos"): a future that is not the flight's."""


COLLECT_PURPOSE = words(
    r"para (?:trasladar|recoger|buscar|llevar|repatriar|transportar) (?:a|al)",
    r"to (?:pick up|collect|fetch|take)",
    r"para ser (?:deportad|repatriad|expulsad)[oa]s?", r"to be (?:deported|repatriated|flown)",
)  # fmt: skip
"""A plane that landed in order to collect the deportees ("aterrizaron ... en Texas para
trasladar al primer grupo de migrantes"), or the people who arrived at the airport to be
removed ("llegaron al aeropuerto de Latacunga para ser deportados"): the flight is still to
come."""


DESPITE = words(
    r"despite", r"pese a", r"a pesar de", r"desafiando", r"in defiance", r"proceed\w*",
    r"violat\w+", r"defian\w+", r"goes ahead", r"gone ahead", r"went ahead", r"hinders?",
    r"too late", r"demasiado tarde",
)  # fmt: skip


STOPS_NOUN_BEFORE = re.compile(
    r"\b(?:planned|scheduled|technical|refuel(?:l)?ing|brief|two|three|several|with)\s+$"
)
"""Before "stops" as a noun ("The flight left Dublin Airport with planned stops in Tirana"):
stopovers on the route, not a flight stopped."""


STOPS_AFTER = re.compile(r"^\s+(?:stops|stopovers?|stop-overs?|layovers?)\b")
"""After "planned / scheduled" ("with planned stops in Tirana and Tbilisi"): the stopovers
are planned, not the flight."""


NEGATION_BEFORE = re.compile(r"(?:\bnever|\bnot|\bno|\bnunca|\bjamas|\bn t|n['’]t|\bwont)\s+$")
"""Right before a completed or blocked cue: the event did not happen ("The Flight That Never
Landed", "Sweden won't suspend deportations")."""


COMPLEMENT_BEFORE = re.compile(
    r"\b(?:decision|decisions|decided|plan|plans|planes|promise|pledge|bid|effort|efforts|"
    r"attempt|intento|authority|permission|permiso|autorizacion|right|rights|clearance|"
    r"request|solicitud|approval|aprobacion|decision de|power|poder|"
    # an infinitive of purpose or of what is allowed or tried ("use a private flight to
    # deport", "aircraft allowed to land", "by trying to deport"): not a plan
    r"allowed|permitted|trying|tried|attempting|attempted|uses?|used|using|"
    r"flights?|planes?|aircraft|jets?)(?:\s+[\w-]+){0,2}?\s+$"
)
"""Before a planned cue: the infinitive complements a noun ("Sweden's decision to resume the
deportation", "did not have authority to land"); it says what was decided or allowed, not
that this flight is still to come."""


CROSSING_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:from|de|para|a)\s+(?:crossing|entering|reaching|cruzar|"
    r"ingresar|entrar|llegar|re-?entering|returning|reingresar|volver|regresar)\b"
    # a re-entry ban on the deported ("les prohíbe el reingreso por 40 años")
    r"|^(?:\s+(?:les|le|them|him|her|their|su|sus|el|la|the|from))*\s+"
    r"(?:reingreso|re-?entry|re-?entering|ingreso al pais|entrada al pais)\b"
)
"""After a blocked verb: its object is people crossing a border ("blocking others from
crossing") or coming back after removal (a re-entry ban), not the flight."""


REJECTED_PEOPLE_AFTER = re.compile(
    r"^\s+(?:(?:the|their|his|her|its|all|las|los|sus|su|la|el)\s+)?"
    r"(?:asylum[ -]?seekers?|refugees?|migrants?|applicants?|claimants?|applications?|"
    r"claims?|solicitantes|peticiones|solicitudes|asylum|asilo|visas?|appeals?|bail|"
    r"permits?|residence|residencia|refugio|apelaci\w+|recursos?)\b"
)


REJECTED_PEOPLE_BEFORE = re.compile(
    r"\b(?:asilo|solicitantes|refugiad[oa]s|migrantes|solicitudes|peticiones)\s+$"
)


BORDER_OBJECT_AFTER = re.compile(
    r"^\s+(?:the|a|an|la|el|los|las)\s+(?:[\w-]+\s+){0,2}?(?:border|borders|frontera|fronteras|"
    r"crossings?|bridges?|puentes?|ports? of entry|paso fronterizo|pasos fronterizos)\b"
)
"""After a blocked verb: its object is a border or a crossing ("blocking the Mexican border"),
not the flight."""


ATTEMPT_BEFORE = re.compile(
    r"\b(?:hard|harder|difficult|impossible|tried|tries|try|trying|attempts?|attempted|"
    r"attempting|efforts?|failed|fails|struggled?|intent\w*|intenta\w*|trat\w+|esfuerzos?)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:to|de|por|para)\s+$"
)
"""Before a blocked verb: an attempt to stop the flight ("Why Was It So Hard to Stop?",
"failed to halt"), not a flight stopped."""


STAY_ON_BOARD_AFTER = re.compile(
    r"^\s+(?:to|a)\s+(?:disembark|deplane|alight|get off|leave the (?:plane|aircraft)|"
    r"bajar(?:se)?|desembarcar|descender|abandonar (?:el avion|la aeronave))\b"
)
"""After a refusal: people refusing to leave a plane that landed ("refused to disembark",
"se negaron a bajar"), not the flight refused."""


UNDONE_BEFORE = re.compile(
    r"\b(?:initially|at first|originally|inicialmente|en un principio|al principio|"
    r"en principio)\s+(?:(?:was|were|had been|fue|fueron|habian sido|habia sido)\s+)?$"
    r"|\b(?:despite|in spite of|a pesar de|pese a)\s+(?:(?:having|haber)\s+)?$"
)
"""Before a blocked cue: what was undone later ("were initially refused entry", "fueron
inicialmente rechazados") or conceded ("Despite refusing the expatriates from Athens, Pakistan
gave shelter to ..."), not the flight's end."""


ONE_PERSON_BEFORE = re.compile(
    r"\b(?:one|uno|una)(?:\s+(?:individual|person|man|woman|deportee|passenger|migrant|of them|"
    r"persona|de ellos|de ellas))?\s+(?:was\s+|fue\s+)?$"
)


ONE_PERSON_AFTER = re.compile(
    r"^(?:\s+(?:por poco|just|narrowly))?\s+(?:la |el |the )?(?:deportacion|expulsion|"
    r"deportation|removal|traslado)\s+(?:de|of)\s+(?:un|una|uno|one)\b"
)
"""Around a blocked cue: one person of the group stopped ("43 deportees arrive, one refused
entry", "bloquea la deportación de uno de los siete inmigrantes"), not the flight."""


PLANNED_ATTRIBUTIVE = re.compile(r"programad[oa]s?|previst[oa]s?|scheduled|planned|agendad[oa]s?")
"""Planned cues that are participles describing the flight ("el vuelo programado para el
miércoles"): beside a finite completed verb they say when it was due, not that it is to come."""


REQUEST_BEFORE = re.compile(
    r"\b(?:motion|motions|plea|pleas|petition|petitions|request|requests|bid|calls?|called|"
    r"asks?|asked|asking|seeks?|seeking|sought|urges?|urged|urging|appeal(?:ed|s)?|"
    r"lawsuit|demanda|pide|piden|pidio|pidieron|solicita\w*|exige\w*|reclama\w*)\b"
    r"(?:\s+[\w-]+){0,4}?\s+(?:to|de|que|para)(?:\s+(?:se|the|a))?\s+$"
)
"""Before a blocked verb: a request to stop the flight ("filed an emergency motion to halt
the plan", "piden frenar la deportación"), not a flight stopped; a court that stops it
has its own cues ("ordered ... to halt", "restraining order")."""


RETURN_TO_BEFORE = re.compile(
    r"\b(?:return(?:ed|ing|s)?|flown back|flew back)\b(?:\s+[\w,.-]+){0,5}?\s+to\s+(?:the\s+)?$"
    r"|\b(?:regres(?:o|aron|ando|a|an)|volv(?:io|ieron|iendo))\b(?:\s+[\w,.-]+){0,5}?\s+"
    r"(?:a|al)\s+(?:el\s+|los\s+)?$"
)
"""Before the deporting state or one of its places: the removal flight went back where it
came from ("fly 5,000 miles to Africa before returning to Florida", "regresó a Estados
Unidos"). Each language keeps its own preposition: English "a" is an article ("deportees
who returned on a United States deportation flight" came home)."""


SPANISH_FUTURE = re.compile(r"\b\w{3,}r[áÁ]n?\b")
"""A Spanish verb in the future tense, accented as written ("EE.UU. programará un vuelo",
"supondrá retomar": every future ends so): with no other status cue, a flight still to
come."""


REPORTED_DONE_AFTER = re.compile(
    r"\s+(?:that\s+|que\s+)?(?:[\w-]+\s+){0,2}?(?:returned|deported|removed|expelled|"
    r"repatriated|sent back|flew|deporto|expulso|repatrio|retorno|devolvio)\b"
)
"""After "announced / anunció": a removal reported as done ("Police announced it returned 23
third country nationals"), not an announcement of one to come."""


DENIED_CLAIM_BEFORE = re.compile(
    r"\b(?:desminti\w*|desmiente\w*|nego|niega|niegan|denied|denies|deny|dismissed reports|"
    r"rejected reports|false)\s+(?:que|that)\b[^.]{0,60}$"
)
"""Before a blocked verb: a claim said to be false ("La SRE desmintió que México haya rechazado
el aterrizaje"): the flight was not blocked."""


# Read by status.py and status_model.py: a verb that says the flight happened.
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
ALREADY = words(
    r"(?:already|ya) (?:\w+ )?(?:received|arrived|landed|llegaron|aterrizo|recibio|recibido)",
    r"(?:have|has|had) already (?:arrived|landed|been deported)",
)  # fmt: skip
