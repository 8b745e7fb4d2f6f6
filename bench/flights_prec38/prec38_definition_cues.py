"""Cues read from docs/flights.md "What is not a flight record", English and Spanish, written
once from the definition (not from an item): each is one feature of the stop-38 record arbiter.
A cue says "this kind of text is here"; the arbiter learns, leave-one-file-out, how much each
counts beside the honest rules' output."""

from __future__ import annotations

import re

from wirewatch_flights.text import fold

_W = r"(?<![\w])"
CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(_W + pattern, re.I)
    for name, pattern in {
        # evacuations or repatriations of a country's own citizens
        "own_citizens": r"(?:own (?:citizens|nationals|people)|compatriot|connacional|nuestros "
        r"(?:ciudadanos|compatriotas)|citizens? (?:home|back)|nationals (?:home|back)|"
        r"return(?:ed|ing)? home|regres\w+ a (?:casa|su pais|la patria)|homecoming)",
        "stranded_evacuated": r"(?:stranded|evacuat|evacu[ao]|varad[oa]s|atrapad[oa]s|"
        r"humanitarian (?:flight|charter)|vuelos? humanitari)",
        "pandemic_war": r"(?:pandemic|covid|coronavirus|lockdown|cuarentena|confinamiento|war\b|"
        r"guerra|conflict|conflicto|airstrike|bombarde|airspace|espacio aereo)",
        "migration_named": r"(?:migrant|migrante|deport|undocumented|indocumentad|irregular|"
        r"illegal|ilegal|asylum|asilo|expuls|removal|ice\b|inadmit)",
        # remains, funds, artefacts; extraditions; prisoner transfers
        "things": r"(?:remains|bodies|coffin|restos|cuerpos|cenizas|funds|fondos|artefact|"
        r"artifact|extradit|extradicion|extraditad|prisoner (?:transfer|swap)|canje de presos|"
        r"traslado de (?:presos|reos))",
        # land or sea returns
        "land_sea": r"(?:bus(?:es|ed)?\b|autobus|omnibus|camion|trucks?\b|by land|overland|"
        r"via terrestre|por tierra|terrestre|border (?:crossing|post|bridge|point)|"
        r"paso fronterizo|puente|garita|on foot|a pie|caminando|ships?\b|vessel|boats?\b|"
        r"ferry|ferris?|barco|buque|embarcacion|lancha|patera|cayuco|navy|armada|coast ?guard|"
        r"guardacostas|seaport|puerto\b|maritim)",
        # how removals work, what they cost, proposals, recurring schedules, tallies
        "cost": r"(?:cost|spent|spend|price|millones de dolares|gasto|gastad|costo|coste|"
        r"presupuesto|budget|contract|contrato)",
        "explainer": r"(?:what to know|what we know|explainer|how (?:do|does|are|is)|why |"
        r"que se sabe|lo que sabemos|como funciona|por que |analysis|analisis|opinion|editorial)",
        "proposal": r"(?:propos|propuesta|plan\b|plans to|planea|proyecto|would |podria|"
        r"could |seek|busca |intends|pretende)",
        "schedule": r"(?:weekly|every week|per week|a week\b|semanal|cada semana|por semana|"
        r"a la semana|monthly|al mes|per month|daily|diari|per day|al dia|por dia|a day\b)",
        "tally": r"(?:so far this year|this year|este ano|en lo que va|since (?:january|the "
        r"start|taking office|\w+ \d)|desde (?:enero|inicio|que|el inicio)|in (?:19|20)\d\d|"
        r"en (?:19|20)\d\d|durante|over the past|in the past|record\b|record number|"
        r"cifra|total|suman|statistic|estadistic|a total of|un total de|fiscal year|"
        r"ano fiscal|last year|el ano pasado|so far)",
        # policy and court articles with no specific removal
        "policy_court": r"(?:court|judge|ruling|lawsuit|tribunal|juez|jueza|fallo|demanda|"
        r"policy|politica|law\b|ley\b|bill\b|executive order|orden ejecutiva|decree|decreto|"
        r"agreement|acuerdo|deal\b|convenio|memorandum|memorando)",
        # flight words that are no removal flight
        "commercial": r"(?:commercial|comercial|airline|aerolinea|ticket|boleto|pasaje|"
        r"reanud\w* (?:los )?vuelos|resum\w* flights|routes?\b|ruta)",
        # what a removal flight report says
        "flight_word": r"(?:flights?\b|planes?\b|aircraft|airport|charter|plane ?load|airlift|"
        r"flown|flew|landed|touch(?:ed|es) down|vuelos?\b|avion|aeronave|aeropuerto|charter|"
        r"aterriz|despeg|fuerza aerea|air force|ice air)",
        "removal_flight": r"(?:deportation flight|removal flight|repatriation flight|"
        r"vuelos? de (?:deportacion|repatriacion|deportados|retorno|expulsion)|"
        r"deportee|deportad[oa]s|retornad[oa]s|repatriad[oa]s)",
    }.items()
}


def cue_features(title: str, summary: str) -> dict[str, float]:
    """One feature per cue found in the headline (``t:``) and per cue found anywhere (``a:``)."""
    t, s = fold(title), fold(summary)
    out: dict[str, float] = {}
    for name, pattern in CUES.items():
        in_title = pattern.search(t) is not None
        if in_title:
            out["t:" + name] = 1.0
        if in_title or pattern.search(s):
            out["a:" + name] = 1.0
    return out
