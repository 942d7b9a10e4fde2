"""ACLED coding: event type, sub-event type, actor categories and fatalities of an event.

ACLED's codebook sorts political violence and demonstrations into 25 sub-event types under
six event types (Battles; Explosions/Remote violence; Violence against civilians; Protests;
Riots; Strategic developments). CASE 2021 task 2 adds types outside ACLED: organised crime,
natural and man-made disasters (security-related events), diplomatic events and attribution
of responsibility. ``code_acled`` chooses one of these 30 labels for a sentence from what
the codebook's definitions turn on, in the order the codebook resolves overlaps:

- the *weapon* decides among remote violence (chemical, suicide, from the air, grenade,
  planted explosive, shelling and missiles), before whom it hit;
- a *protest* is peaceful, met with intervention, met with lethal or injuring force, or
  violent (protesters hurl, burn, loot), by what the crowd did and what was done to it;
- *territory* changes hands by force to the state or to a non-state group, or without a
  fight (a withdrawal);
- *armed* violence on an armed side is a battle; on unarmed people, an attack on civilians;
- claims and denials of responsibility, disasters, crime and diplomacy are not the violence
  they speak of.

Cues are English words and phrases for these phenomena (written from the definitions,
nothing of one conflict); the PLOVER type and mode of the event and the sectors of its actor
and recipient decide where the words do not (who took a town, who was attacked), and are the
fallback when no cue is found. A learned model weighs in on every sentence (``POLICY``,
"fused"): a linear classifier over the sentence's static MiniLM vector and word weights,
trained by ``bench/train_acled.py`` on sentences written from the codebook's definitions, so
it reaches wordings no cue lists; the rules' label gets a bonus on the model's
log-probabilities (a cue's more than a fallback's), so a cue that overreaches yields to a
model that is much surer of another label, and the model's guess yields to a cue elsewhere.
``fatalities`` takes the number the sentence says were killed from the figures Chronicle
extracts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from chronicle.model import Actor, Event, EventMention, Figure

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"

# CASE 2021 label → (ACLED disorder type, event type, sub-event type)
LABELS: dict[str, tuple[str, str, str]] = {
    "ARMED_CLASH": (POLITICAL_VIOLENCE, "Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": (POLITICAL_VIOLENCE, "Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (POLITICAL_VIOLENCE, "Battles",
                                      "Non-state actor overtakes territory"),
    "CHEM_WEAP": (POLITICAL_VIOLENCE, "Explosions/Remote violence", "Chemical weapon"),
    "AIR_STRIKE": (POLITICAL_VIOLENCE, "Explosions/Remote violence", "Air/drone strike"),
    "SUIC_BOMB": (POLITICAL_VIOLENCE, "Explosions/Remote violence", "Suicide bomb"),
    "ART_MISS_ATTACK": (POLITICAL_VIOLENCE, "Explosions/Remote violence",
                        "Shelling/artillery/missile attack"),
    "REM_EXPLOS": (POLITICAL_VIOLENCE, "Explosions/Remote violence",
                   "Remote explosive/landmine/IED"),
    "GRENADE": (POLITICAL_VIOLENCE, "Explosions/Remote violence", "Grenade"),
    "SEX_VIOL": (POLITICAL_VIOLENCE, "Violence against civilians", "Sexual violence"),
    "ATTACK": (POLITICAL_VIOLENCE, "Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": (POLITICAL_VIOLENCE, "Violence against civilians",
                      "Abduction/forced disappearance"),
    "PEACE_PROTEST": (DEMONSTRATIONS, "Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": (DEMONSTRATIONS, "Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": (f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}", "Protests",
                              "Excessive force against protesters"),
    "VIOL_DEMONSTR": (DEMONSTRATIONS, "Riots", "Violent demonstration"),
    "MOB_VIOL": (POLITICAL_VIOLENCE, "Riots", "Mob violence"),
    "AGREEMENT": (STRATEGIC, STRATEGIC, "Agreement"),
    "ARREST": (STRATEGIC, STRATEGIC, "Arrests"),
    "CHANGE_TO_GROUP_ACT": (STRATEGIC, STRATEGIC, "Change to group/activity"),
    "DISR_WEAP": (STRATEGIC, STRATEGIC, "Disrupted weapons use"),
    "HQ_ESTABLISHED": (STRATEGIC, STRATEGIC, "Headquarters or base established"),
    "PROPERTY_DISTRUCT": (STRATEGIC, STRATEGIC, "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": (STRATEGIC, STRATEGIC, "Non-violent transfer of territory"),
    "OTHER": (STRATEGIC, STRATEGIC, "Other"),
    # CASE 2021's types outside ACLED's taxonomy: no disorder type
    "ORG_CRIME": ("", "Security-related", "Organized crime"),
    "NATURAL_DISASTER": ("", "Security-related", "Natural disaster"),
    "MAN_MADE_DISASTER": ("", "Security-related", "Man-made disaster"),
    "DIPLO": ("", "Diplomatic", "Diplomatic event"),
    "ATTRIB": ("", "Diplomatic", "Attribution of responsibility"),
}
LABEL_OF_SUB_EVENT = {sub: label for label, (_, _, sub) in LABELS.items()}
CIVILIAN_TARGETS = {"SEX_VIOL", "ATTACK", "ABDUCT_DISSAP"}  # violence against civilians
REMOTE = {"CHEM_WEAP", "AIR_STRIKE", "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE"}

# ACLED's actor categories (the ``inter`` codes)
STATE, REBEL, MILITIA, IDENTITY_MILITIA, RIOTER, PROTESTER, CIVILIAN, EXTERNAL = range(1, 9)
STATE_SECTORS = {"MIL", "COP", "GOV", "SPY", "JUD", "LEG"}
REBEL_SECTORS = {"REB"}
MILITIA_SECTORS = {"PRM", "UAF", "CRM"}  # militias, gunmen, armed gangs
EXTERNAL_SECTORS = {"IGO", "NGO"}  # ACLED files international bodies under other forces
PROTEST_LABELS = {"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"}
RIOT_LABELS = {"VIOL_DEMONSTR", "MOB_VIOL"}


@dataclass(frozen=True)
class AcledCode:
    """One event's ACLED coding. ``fatalities`` is None when the report gives no number."""

    label: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: bool = False
    fatalities: int | None = None
    fatalities_bound: str = ""  # the figure's bound: "=", ">", ">=", "~", "range", ...
    fatalities_source: str = ""  # who the sentence says gives the figure


def _words(*phrases: str) -> re.Pattern[str]:
    """One case-insensitive pattern of alternatives, each matched from a word boundary."""
    return re.compile(r"\b(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


# --- cues, by the phenomenon each names ---------------------------------------------------
# Claims and denials of responsibility: speech about an act, not the act.
RESPONSIBILITY = _words(
    r"claim(?:s|ed|ing)? (?:the )?responsibility", r"(?:took|take|takes|taking) responsibility",
    r"held responsible", r"h(?:olding|eld) [\w\s'-]{1,40}responsible",
    # a claim names a known attack ("carried out the attack"); "said it had carried out air
    # strikes" is a side reporting its own strikes: the strike is the event
    r"said (?:it|they|its [\w-]+|their [\w-]+) (?:had )?(?:was behind|were behind|carried out "
    r"(?:the|last|this|that|[\w-]+'s) [\w\s-]{0,20}(?:attack|bombing|blast|killing|explosion|"
    r"assault|massacre|ambush|kidnapping|abduction|raid|shooting|beheading|hijacking)s?\b)",
    r"(?:was|were|is|are) responsible for",
    r"accus\w+ [\w\s'-]{0,60}\bof (?:bombing|attacking|shelling|killing|carrying out|"
    r"launching|being behind|being responsible|sending|supplying|using|staging|orchestrating)",
    r"(?:rejected|denied|denies|deny|denying|dismissed) (?:the |any |an )?(?:accusations?|"
    r"allegations?|claims?|responsibility|involvement|reports?)",
    r"(?:denied|denies|deny|denying) (?:sending|supplying|carrying out|bombing|attacking|"
    r"involvement|being behind|any role|launching)",
    r"blam\w+ [\w\s'-]{1,60}\bfor (?:the|an|a|last|this|its) [\w\s'-]{0,30}"
    r"(?:attack|bombing|blast|killing|explosion|strike|assault|massacre)",
    r"behind the (?:attack|bombing|blast|killing|explosion|assault)",
    r"rejects? any responsibility", r"claim(?:ing|ed)? (?:the|an?) (?:attack|bombing|killing)")
# deaths or an attack laid at someone's door; at a disaster's ("attributed the deaths to the
# flooding"), the disaster is the event: checked apart, against NATURAL and MAN_MADE
ATTRIBUTED_TO = _words(r"attribut\w+ (?:the )?[\w\s'-]{0,40}\bto\b")
NATURAL = _words(
    r"earthquakes?", r"quakes?", r"tremors?", r"aftershocks?", r"tsunamis?", r"floods?",
    r"flooding", r"flooded", r"flash floods?", r"storms?", r"hurricanes?", r"typhoons?",
    r"cyclones?", r"tornado(?:es|s)?", r"volcan\w*", r"landslides?",
    r"mudslides?", r"avalanches?", r"wildfires?", r"forest fires?", r"bush ?fires?",
    r"droughts?", r"heat ?waves?", r"snowfall", r"snowstorms?", r"heavy snow", r"blizzards?",
    r"heavy rain\w*", r"torrential", r"rainfall", r"monsoon", r"epidemic", r"pandemic",
    r"outbreaks? of", r"disease outbreak", r"cholera", r"ebola", r"covid", r"coronavirus",
    r"lightning", r"hailstorms?", r"locusts?", r"seismic", r"magnitude", r"volcanic eruption")
MAN_MADE = _words(
    r"(?:chemical|gas|oil|fuel|toxic|ammonia|chlorine) (?:leak|spill)\w*", r"leak(?:ed|s|age)?\b",
    r"spill(?:ed|s)?\b", r"industrial accident", r"accident\w*", r"collisions?", r"collided",
    r"crash(?:ed|es)?\b", r"derail\w*", r"capsiz\w*", r"\bsank\b",
    r"(?:buildings?|bridges?|roofs?|walls?|dams?|dykes?|mines?|structures?|houses?|towers?|"
    r"stadiums?|tunnels?|ceilings?|floors?|stages?|scaffold\w*) (?:has |had |have )?"
    r"(?:partially |partly )?collaps\w*", r"collapse of (?:a|an|the) [\w\s-]{0,20}"
    r"(?:building|bridge|roof|wall|dam|dyke|mine|structure|house|tower|tunnel)",
    r"(?:plant|factory|refinery|warehouse|tank|container|pipeline|boiler|cylinder|mine|"
    r"reactor|tanker) (?:has |had )?(?:explod\w*|blast|fire|caught fire|burst)",
    r"explosions? at (?:a|an|the) (?:[\w-]+ )?(?:plant|factory|refinery|warehouse|mine|depot)",
    r"fire broke out", r"caught fire", r"catch(?:es)? fire", r"blaze", r"poisoning",
    r"contaminat\w*", r"adulterated", r"spurious liquor", r"toxic (?:liquor|alcohol|food)",
    r"stampede", r"electrocut\w*", r"lost control", r"ran aground", r"gas explosion",
    r"bootleg", r"methanol", r"(?:dams?|dykes?|levees?) (?:burst|breach\w*|gave way)",
    r"caved in", r"gave way", r"trapped underground", r"overturned",
    r"fire (?:at|in) (?:a|an|the) [\w-]+ (?:factory|plant|warehouse|hospital|market|"
    r"building|mine|depot|ward)",
    r"short.?circuit", r"structural failure", r"power outage", r"blackout")
CRIME = _words(
    r"smuggl\w*", r"traffick\w*", r"drugs? (?:ring|cartel|dealer|dealing|trade|bust|haul|"
    r"lord|gang)", r"narcotics?", r"cartels?", r"mafia", r"counterfeit\w*", r"fraud\w*",
    r"corrupt\w*", r"brib\w*", r"money.laundering", r"cyber.?crime\w*", r"cyber.?attack\w*",
    r"hack(?:ed|ers?|ing)\b", r"robber(?:y|ies|s)", r"robbed", r"theft", r"stolen", r"steal\w*",
    r"extort\w*", r"poach\w*", r"contraband", r"racket\w*", r"embezzl\w*", r"heists?",
    r"burglar\w*", r"steroids?", r"cocaine", r"heroin", r"methamphetamine", r"marijuana",
    r"cannabis", r"hate crimes?", r"criminal (?:gang|group|network|ring|syndicate)",
    r"gangs?\b(?![ -]?rap)", r"gangsters?", r"organi[sz]ed crime", r"crime (?:ring|syndicate)",
    r"illegal (?:drugs|weapons trade|migrants|mining|logging)", r"scam\w*", r"forg(?:ed|ery)")
DISRUPTED = _words(
    r"defus\w*", r"(?:destroyed|destroy|dismantled|neutrali[sz]ed|cleared) "
    r"[\w\s,-]{0,30}(?:mines|landmines|ieds|explosive devices|explosives|bombs|munitions)",
    r"(?:seiz\w*|confiscat\w*|recover\w*|intercept\w*|found|discover\w*|uncover\w*|"
    r"unearth\w*) [\w\s,-]{0,40}\b(?:weapons?|arms|guns|firearms|rifles|pistols|ammunition|"
    r"explosives?|grenades?|mines|bombs?|munitions|rockets|missiles|detonators)",
    r"(?:weapons?|arms|guns|firearms|rifles|pistols|ammunition|ammunitions|explosives|"
    r"grenades|munitions|ieds|bombs?|mines|cache) [\w\s,-]{0,40}\b(?:were |was |have been |"
    r"had been |has been )?(?:found|discovered|seized|recovered|intercepted|confiscated|"
    r"unearthed|uncovered)\b", r"(?:weapons|arms|ammunition) (?:cache|depot|stash)",
    r"caches? of", r"stash(?:es)? of", r"bomb squad", r"intercepted (?:a |an |the |two |\w+ )?"
    r"(?:drones?|missiles?|rockets?)", r"shot down (?:a |an |the |two |\w+ )?(?:drones?|"
    r"missiles?|rockets?)", r"air defen[cs]es? (?:intercepted|downed|shot down)")
PROTEST = _words(
    r"protest\w*", r"demonstrat(?:ion|ions|ors?|ed|ing)\b", r"rall(?:y|ies|ied|ying)\b",
    r"sit-ins?", r"vigils?", r"walk-?outs?",
    r"picket\w*", r"strik(?:ers|ing workers)", r"went on strike", r"on strike",
    r"general strike", r"hunger strike", r"chant\w*", r"placards?", r"slogans?",
    r"took to the streets", r"boycott\w*")
# "march" in lower case: capitalised, it is the month
MARCHING = re.compile(r"\b(?:march(?:ed|es|ers|ing)?|Marche(?:d|rs))\b")
RIOTING = _words(r"riot(?:s|ed|ers?|ing)?\b(?! (?:police|gear|squad|control|officers?))",
                 r"rampag\w*", r"unrest")
# what protesters themselves did that makes a protest violent
PROTESTER_VIOLENCE = _words(
    r"hurl\w* (?:rocks|stones|bricks|bottles|objects|petrol|molotov|firebombs)",
    r"thr(?:ew|ow|owing) (?:rocks|stones|bricks|bottles|objects|petrol|molotov|firebombs)",
    r"pelt\w*", r"stone.?pelt\w*", r"petrol bombs?", r"molotov", r"firebombs?",
    r"set fire", r"set (?:\w+ )?(?:on fire|ablaze)", r"torch\w*", r"light(?:ed|ing)? fires",
    r"lit fires", r"burn(?:ed|t|ing)? (?:tyres|tires|cars|vehicles|buildings|shops|a |the )",
    r"barricades?", r"vandali[sz]\w*", r"loot\w*", r"smash\w*", r"damag\w*", r"destroy\w*",
    r"wreck\w*", r"broke into", r"attack\w* (?:the )?(?:police|officers|"
    r"security forces|riot police)", r"aggressive", r"violent (?:protest|demonstration|clash)\w*",
    r"(?:protesters|demonstrators|crowds?) (?:clashed|attacked|stormed|threw|hurled|"
    r"fought|set|burned|smashed)", r"clash\w* (?:have |has |had )?(?:broken out |erupted )?"
    r"(?:between|with) [\w\s'-]{0,60}(?:protesters|"
    r"demonstrators)", r"(?:protesters|demonstrators) [\w\s'-]{0,40}clash\w*",
    r"clash\w* (?:between|with) (?:the )?(?:police|security forces|officers)",
    r"fire\w* firecrackers", r"slingshots", r"rallied against each other")
LETHAL_FORCE = _words(
    r"live (?:ammunition|bullets|rounds|fire)", r"opened fire on", r"fired (?:live|on|at) "
    r"(?:the )?(?:protesters|demonstrators|crowds?|marchers)", r"shot (?:dead )?(?:\w+ )?"
    r"(?:protesters|demonstrators)", r"(?:protesters?|demonstrators?|marchers?) (?:were |was )?"
    r"(?:killed|shot|wounded|injured)", r"killing (?:\w+ )?(?:protesters?|demonstrators?)",
    r"rubber bullets", r"hits? [\w\s'-]{0,30}with (?:his|her|a|their) baton",
    r"beat(?:en|ing)? (?:\w+ )?(?:protesters|demonstrators)", r"baton.?charg\w*",
    r"stun grenades?", r"excessive force", r"brutal\w*", r"crack(?:ed)? down", r"crackdown",
    r"kill(?:ed|ing)\b", r"died\b", r"(?:badly|severely|brutally) beaten",
    r"seriously (?:injured|wounded|hurt)", r"shot (?:and )?(?:dead|killed|wounded)")
INTERVENTION = _words(
    r"tear ?gas", r"water cannons?", r"pepper.?spray\w*", r"dispers\w*", r"br(?:oke|eak) up",
    r"detain\w*",
    r"arrest\w*", r"riot police", r"chas(?:e|ed|ing)", r"clash\w* with (?:police|officers)",
    r"(?:police|officers|security forces) (?:blocked|stopped|prevented|cordoned|intervened)",
    r"kettl\w*", r"forcibly removed", r"in clash", r"shooting victims")
MOB = _words(r"\bmobs?\b", r"lynch\w*", r"vigilant\w*", r"beaten to death", r"mob justice",
             r"communal (?:clash|violence)",
             r"(?:villagers|crowds?|residents) (?:\w+ and )?(?:clashed|attacked|beat|chased|"
             r"lynched|stoned|set upon)",
             r"(?:sticks|rods|machetes|clubs)", r"angry crowd", r"jungle justice")
SEXUAL = _words(r"rap(?:e|ed|es|ing|ist|ists)\b", r"sexual\w*", r"sex abuse", r"sexually",
                r"molest\w*", r"gang.?rap\w*", r"abus\w* (?:women|girls|minors)",
                r"forced marriage", r"sex slaves?")
CHEMICAL = _words(r"chemical (?:weapon|attack|agent|munition)\w*", r"poison(?:ous)? gas",
                  r"toxic gas", r"chlorine", r"sarin", r"nerve (?:gas|agent)", r"mustard gas",
                  r"novichok", r"gas attack", r"vx\b", r"white phosphorus")
SUICIDE = _words(r"suicide", r"blew (?:himself|herself|themselves) up",
                 r"blow (?:himself|herself|themselves) up",
                 r"killing (?:himself|herself|themselves)",
                 r"explosive vests?", r"suicide vests?", r"exploded themselves", r"martyrdom",
                 r"strapped to (?:his|her|their) bod(?:y|ies)",
                 r"(?:drove|rammed|driving) (?:a|an|his|her|their) (?:\w+ )?(?:car|truck|vehicle|"
                 r"lorry) (?:packed|laden|loaded|filled) with explosives",
                 r"detonat\w+ (?:his|her|their) (?:explosive|vest|belt)")
# an attack from the air by name; aircraft, only where the sentence tells of violence
AIR_ATTACK = _words(r"air ?strikes?", r"air raids?", r"air attacks?", r"drone (?:strike|attack)s?",
                    r"aerial (?:bombing|bombardment|attack|strike)s?", r"barrel bombs?",
                    r"airstrikes?", r"air-strikes?", r"bombing raids?")
AIR = _words(r"warplanes?", r"war planes?", r"fighter jets?", r"jets?\b", r"drones? (?:struck|"
             r"hit|fired|attacked|targeted|bombed)", r"helicopters? (?:gunship|fired|dropped|"
             r"attacked|struck|bombed)", r"gunships?", r"bombers\b", r"sorties", r"air force",
             r"aircraft", r"dropped (?:bombs|barrel)", r"from the air")
GRENADES = _words(r"grenades?\b", r"grenade")
EXPLOSIVES = _words(r"land ?mines?", r"\bmines?\b(?! (?:worker|workers|shaft|collapse))",
                    r"improvised explosive", r"\bieds?\b", r"\bvbieds?\b", r"roadside bombs?",
                    r"car bombs?", r"explosive devices?", r"booby.?trap\w*",
                    r"remote.?(?:controlled|detonated)", r"magnetic bombs?", r"parcel bombs?",
                    r"bombs? (?:exploded|went off|blast|explosion|was planted|planted|detonated)",
                    r"(?:planted|set off|detonated) (?:a |an |the )?(?:bomb|explosive)",
                    r"bomb blasts?", r"bomb attacks?", r"bombings?", r"explosives?\b",
                    r"blasts?\b", r"explosions?\b", r"sticky bombs?", r"bomb\b")
ARTILLERY = _words(r"shell(?:s|ed|ing)\b", r"artillery", r"mortars?", r"rockets?", r"missiles?",
                   r"rocket-propelled", r"howitzers?", r"katyushas?", r"projectiles?",
                   r"bombard\w*", r"heavy weapons", r"tank fire", r"cannon", r"rpgs?\b")
ABDUCTION = _words(r"abduct\w*", r"kidnap\w*", r"taken hostage", r"took [\w\s]{0,20}hostage",
                   r"held hostage", r"hostages? (?:were )?(?:taken|seized)",
                   r"(?:enforced|forced) disappearances?", r"went missing", r"disappeared",
                   r"held captive", r"hijack\w*", r"whisked away", r"taken away by",
                   r"ransom", r"whereabouts", r"vanish\w*", r"not been seen since",
                   r"(?:been|is|are|remain) missing", r"t(?:ook|aken) (?:\w+ )?away",
                   r"unknown location", r"snatch\w*", r"held (?:\w+ )?captive")
WITHDRAWAL = _words(r"withdr(?:ew|awn|awal|aws|aw)\b", r"pull(?:ed|s|ing)? out",
                    r"pulled back", r"vacat\w*", r"handed over", r"hand(?:s|ing)? over",
                    r"handover", r"evacuated (?:their|its|the) (?:positions|bases?|posts?)",
                    r"abandon\w* (?:their|its|the) "
                    r"(?:positions|bases?|posts?|town|city)")
TERRITORY = _words(
    r"(?:took|taken|take|takes|taking|seiz\w*|gain\w*|regain\w*|retak\w*|recaptur\w*|"
    r"recover\w*|wrest\w*|assum\w*|establish\w*|restor\w*|tightened) (?:full |complete |back )?"
    r"control", r"(?:took|taken|take|takes|taking) over\b", r"overr(?:a|u)n\w*",
    r"captur\w* [\w\s,'-]{0,40}\b(?:villages?|towns?|city|cities|neighbo(?:u)?rhoods?|districts?|"
    r"areas?|territor\w*|hills?|bases?|oilfields?|regions?|enclaves?|positions|airport|"
    r"strongholds?|province|crossing|outposts?|airbase)", r"recaptur\w*", r"retook", r"retaken",
    r"liberat\w*", r"freed? [\w\s,'-]{0,40}\b(?:villages?|towns?|city|areas?|regions?|"
    r"province|districts?) from", r"pushed (?:their way )?into", r"advanced? (?:in|into|on)\b",
    r"advances", r"(?:seiz|captur)\w* the (?:town|village|city|area|region|district)",
    r"recovered the regions?", r"fell to", r"under (?:the )?control of",
    r"pushing back", r"(?:took|taken|won|seized|wrested) back", r"re-?establish\w* control",
    r"(?:drove|driven|drive|pushed|pushing|push|expell\w*|forc\w*) [\w\s,'-]{1,40}\bout of",
    r"expell\w* [\w\s,'-]{1,40}\bfrom", r"re-?enter\w*",
    r"returned to (?:government|state|rebel|their) (?:hands|control)",
    r"(?:captur|seiz|took|tak|occup)\w* (?:the |a |an |three |two |several |\w+ )?"
    r"(?:strategic |key |main |nearby |provincial |district )?(?:hilltops?|oil ?fields?|"
    r"airports?|ports?|capital|junctions?|posts?|garrisons?|bridges?|crossings?|headquarters|"
    r"airbases?|campus)")
BASE = _words(
    r"(?:set(?:s|ting)? up|establish\w*|buil(?:t|d|ds)|install\w*) "
    r"[\w\s,'-]{0,40}\b(?:bases?|headquarters|observation points?|outposts?|"
    r"military posts?|garrisons?|command cent(?:er|re)s?|camps?|posts?|checkpoints|"
    r"airfields?)",
    # "opened" only with a base right after it: "opened fire on a police post" is no base
    r"open(?:ed|s|ing)? (?:a |an |its |their )?(?:new )?(?:military )?(?:bases?|headquarters|"
    r"command cent(?:er|re)s?|outposts?|garrisons?|airfields?)",
    r"(?:turned|converted) [\w\s,'-]{0,40}\binto (?:a |an |its |their |the )?(?:new )?"
    r"(?:military )?(?:bases?|headquarters|command cent(?:er|re)s?|outposts?)",
    r"observation points?", r"new (?:military )?bases?",
    r"(?:mov|relocat|transferr)\w* (?:its|their) headquarters")
AGREEMENT_CUES = _words(
    r"cease-?fires?", r"truces?", r"peace (?:talks|deal|agreement|accord|process|treaty|pact|"
    r"negotiations|plan)", r"agreements?", r"agreed", r"accords?\b", r"treaty", r"pacts?",
    r"(?:prisoner|hostage) (?:exchange|swap|release)", r"surrender\w*", r"reconcil\w*",
    r"(?:signed|sign|signing) [\w\s,'-]{0,30}(?:deal|accord|agreement|memorandum|pact)",
    r"deal (?:with|between)", r"armistice", r"laid down (?:their|its) (?:arms|weapons)",
    r"evacuation deal", r"power.sharing", r"negotiated settlement", r"amnesty")
ARRESTS = _words(r"arrest\w*", r"detain\w*", r"jail(?:ed|s)?\b", r"taken into custody",
                 r"in custody", r"apprehend\w*", r"imprison\w*", r"rounded up", r"nabbed",
                 r"held by (?:the )?police", r"captured [\w\s]{0,20}(?:suspects?|members?|"
                 r"commander|leader|militants?|fighters?)", r"remanded", r"picked up by")
# killing and capture coordinated ("killed or captured hundreds of fighters", "arrested
# three and killed two"): the killing is the event, the capture its aftermath
KILLED_AND_CAPTURED = _words(
    r"kill\w* (?:or|and) (?:captur|arrest|detain|seiz)\w*",
    r"(?:captur|arrest|detain)\w* (?:or|and) kill\w*",
    r"kill\w* [\w\s,-]{0,40}\band (?:captur|arrest|detain)\w*",
    r"(?:captur|arrest|detain)\w* [\w\s,-]{0,40}\band kill\w*")
PROPERTY = _words(
    r"loot\w*", r"ransack\w*", r"plunder\w*", r"arson\w*", r"torch\w*", r"set (?:\w+ )?ablaze",
    r"burn(?:t|ed) down", r"(?:destroy|destroyed|destruction|damag\w*|vandali[sz]\w*|burn\w*|"
    r"raz\w*|demolish\w*|bulldoz\w*|set fire to) [\w\s,'-]{0,40}\b(?:propert\w*|houses?|homes?|"
    r"shops?|vehicles?|buildings?|offices?|churches|church|mosques?|temples?|schools?|"
    r"crops|farms?|villages?|stores?|markets?|cars?|infrastructure|towers?)",
    r"destruction of [\w\s,'-]{0,30}propert\w*", r"property destruction", r"wanton destruction")
CLASH = _words(r"clash\w*", r"fight\w*", r"fought", r"battl\w*", r"gun.?battles?",
               r"exchang\w* (?:of )?(?:heavy |sporadic |intense )?(?:fire|gunfire|shots)",
               r"traded (?:\w+ )?(?:fire|gunfire|shots)", r"firefights?", r"skirmish\w*",
               r"offensive", r"counter.?attack\w*", r"fend\w* off", r"fended off", r"repel\w*",
               r"repuls\w*", r"ambush\w*", r"engag\w* (?:in )?(?:combat|fighting)", r"combat",
               r"hostilities", r"stormed", r"inflicting casualties", r"fighting")
VIOLENCE = _words(r"attack\w*", r"kill\w*", r"killings?", r"shot\b", r"shoot\w*", r"gunmen",
                  r"gunfire", r"opened fire", r"open fire", r"massacre\w*", r"stab\w*",
                  r"behead\w*", r"execut\w*", r"murder\w*", r"assassinat\w*", r"slain",
                  r"wound\w*", r"injur\w*", r"assault\w*", r"raid\w*", r"hacked to death",
                  r"violence", r"tortur\w*", r"beat(?:en|ing)?\b", r"bomb\w*", r"dead\b",
                  r"died\b", r"casualt\w*", r"fired", r"strikes?", r"struck")
# the side an act hit: armed people and their posts, or unarmed people and their places
ARMED_TARGETS = _words(
    r"soldiers?", r"troops?", r"army", r"armies", r"military", r"bases?", r"checkpoints?",
    r"outposts?",
    r"positions", r"police", r"policem[ae]n", r"officers", r"security (?:forces|personnel)",
    r"forces", r"fighters", r"militants", r"rebels?", r"insurgents", r"convoy", r"patrols?",
    r"garrison", r"guards?", r"militiam[ae]n", r"militias?", r"commanders?", r"combatants",
    r"gunmen", r"terrorists", r"jihadists", r"barracks", r"police stations?", r"peacekeepers")
CIVILIAN_WORDS = _words(
    r"civilians?", r"civillians", r"villagers?", r"villages", r"people", r"residents?",
    r"worshipp?ers", r"mosques?", r"churches", r"church", r"students?", r"schools?",
    r"college", r"campus", r"markets?", r"hospitals?", r"passengers", r"travell?ers",
    r"women", r"children", r"famil(?:y|ies)", r"farmers", r"pilgrims", r"shoppers",
    r"journalists?", r"activists?", r"teachers", r"doctors", r"patients", r"worshippers",
    r"(?:a|the) man\b", r"(?:a|the) woman\b", r"(?:a|the) boy\b", r"(?:a|the) girl\b",
    r"homes?", r"houses?", r"prisoners?", r"tourists?", r"bus\b", r"minibus", r"mourners",
    r"herders", r"traders", r"locals", r"inhabitants", r"victims?")
GROUP_CHANGE = _words(
    r"(?:formed|form|forms|forming|founded|found|launched|created|creates|create|set up|"
    r"established|announced) (?:a |an |the |its |their )?(?:new )?[\w-]*\s?(?:group|"
    r"organi[sz]ation|unit|coalition|alliance|party|brigade|militia|wing|front|force|"
    r"battalion|movement)", r"merg\w*", r"split\w*", r"defect\w*", r"recruit\w*",
    r"mobili[sz]\w*", r"deploy\w*", r"dispatch\w*", r"reinforc\w*", r"redeploy\w*",
    r"mov(?:ed|ing|es?) (?:\w+ )?(?:troops|forces|soldiers|units|tanks|equipment)",
    r"(?:troops|forces|soldiers|units|tanks|convoys?) (?:had |have )?(?:moved|moving|massing|"
    r"massed|arrived|arriving)", r"arriv\w*", r"convoys?", r"new leader\w*", r"appoint\w*",
    r"renam\w*", r"disband\w*", r"join(?:ed|s)? forces", r"pledg\w* allegiance",
    r"consolidat\w* positions", r"(?:new|first) batch", r"training camps?", r"drills?",
    r"military exercises?", r"troop build.?up", r"amass\w*", r"took part in", r"enlist\w*",
    r"(?:changed|change|changes) (?:its|their) (?:name|leadership|tactics)", r"rebrand\w*",
    r"new (?:armed |militant |rebel |political )?(?:group|movement|faction|coalition|alliance)",
    r"(?:moving|moved|advancing|headed|heading) (?:towards|toward)",
    r"suspend\w* (?:its|their) (?:military |armed )?(?:operations|activities|campaign)",
    r"(?:military|naval|joint|large-scale) exercises?")
DIPLOMACY = _words(
    r"sanction\w*", r"embass(?:y|ies)", r"consulates?", r"diplomat\w*", r"ambassadors?",
    r"expel\w*", r"expulsion", r"diplomatic (?:ties|relations)", r"cut (?:\w+ )?ties",
    r"condemn\w*", r"denounc\w*", r"urg(?:e|es|ed|ing)\b", r"call(?:ed|s|ing)? (?:on|for|upon)",
    r"prais\w*", r"welcom\w*", r"rebuff\w*", r"warn\w*", r"threat\w*", r"summon\w*",
    r"retaliat\w*", r"foreign minist\w*", r"restraint", r"summits?", r"visit\w*",
    r"criticis\w*", r"critici[sz]\w*", r"veto\w*", r"resolution", r"talks", r"isolate",
    r"statement", r"envoys?", r"recogni[sz]\w*", r"protest note", r"accus\w*", r"allies",
    r"negotiat\w*", r"bilateral", r"security council", r"united nations", r"\bun\b",
    r"secretary of state", r"foreign ministry", r"president\b", r"minister", r"tensions",
    r"support\w*", r"pressure", r"deplor\w*", r"appeal\w*", r"reject\w*")
STRONG_DIPLOMACY = _words(
    r"sanctions?\b", r"embass(?:y|ies)", r"consulates?", r"diplomats?\b", r"ambassadors?",
    r"expulsion", r"diplomatic (?:ties|relations)", r"cut (?:\w+ )?ties",
    r"summon\w* (?:the |its )?(?:\w+ )?(?:ambassador|envoy|charg)", r"retaliat\w* (?:on|over|"
    r"against|for)", r"rebuff\w*", r"isolate")
# words of a stance taken towards others: CASE 2021's diplomatic events
STANCE = _words(r"prais\w*", r"thank\w*", r"appreciat\w*", r"welcom\w*", r"condemn\w*",
                r"denounc\w*", r"deplor\w*", r"urg(?:e|es|ed|ing)\b", r"call(?:ed|s|ing)? "
                r"(?:on|for|upon)", r"warn\w*", r"threat\w*", r"criticis\w*", r"critici[sz]\w*")
# the agents of acts, for who took territory: the state's forces, or groups outside it
STATE_AGENTS = _words(
    r"army", r"armed forces", r"troops", r"soldiers", r"military", r"government forces",
    r"security forces", r"national army", r"regime forces", r"pro-government", r"police",
    r"government troops", r"state forces", r"army units", r"national guard", r"marines")
NON_STATE_AGENTS = _words(
    r"rebels?", r"militants?", r"insurgents?", r"fighters?", r"terrorists?", r"jihadists?",
    r"militias?", r"militiamen", r"guerrillas?", r"extremists?", r"islamists?",
    r"armed groups?", r"gunmen", r"separatists?", r"opposition forces", r"kurdish forces",
    r"daesh", r"isil", r"isis", r"islamic state", r"al-?shabaa?b", r"taliban", r"boko haram",
    r"al-?qaeda", r"elements", r"insurgency", r"factions?", r"armed (?:movement|men)")
# an attempt to take ground that was beaten back is a battle, not a change of hands
REPELLED = _words(r"fend\w* off", r"fended off", r"fought off", r"repel\w*", r"repuls\w*",
                  r"foil\w*", r"thwart\w*", r"beat(?:en)? back", r"push\w* back the attack")
UNOPPOSED = _words(r"without (?:a fight|a shot|resistance|fighting|clashes)", r"unopposed",
                   r"peaceful(?:ly)? hand\w*")
KILLED_REFERENTS = {"killed"}
# PLOVER types of saying, not doing: their ACLED coding is diplomatic whatever they speak of
# what befalls counted people, for which of them a count is: dying, or another fate
KILLING_WORDS = (r"kill\w*", r"dead", r"died", r"dies", r"deaths?", r"slain", r"slaughter\w*",
                 r"massacr\w*", r"murder\w*", r"executed", r"lost their lives", r"perished",
                 r"shot dead", r"bodies", r"fatalit\w*")
KILLING = _words(*KILLING_WORDS)
FATE = _words(*KILLING_WORDS, r"wound\w*", r"injur\w*", r"hurt", r"arrest\w*",
              r"detain\w*", r"abduct\w*", r"kidnap\w*", r"displac\w*", r"rescued",
              r"evacuated", r"missing", r"captured", r"freed", r"released", r"survived")
FATE_REACH = 45  # characters: a few words either side of the count
OTHER_FATES = {"injured", "hostages", "detained", "displaced", "evacuated", "missing",
               "refugees", "prisoners", "casualties", "aid trucks", "rockets", "missiles",
               "strikes", "votes", "seats", "homes destroyed", "households"}
# between two counts of one list of the killed: the first's noun, then a comma or "and"
LIST_GAP = re.compile(r"[\w\s'-]{0,30}?\s*(?:,|,?\s*and)\s*", re.IGNORECASE)
# words that make a later count part of an earlier one
PART_OF = _words(r"including", r"among them", r"among whom", r"of them", r"of whom", r"incl\.")
SPEECH_TYPES = {"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
TALK_TYPES = {"CONSULT", "REQUEST"}  # talks about a deal and calls for one

# PLOVER type (and mode) → label where no cue in the sentence decides
PLOVER_FALLBACK = {
    "ASSAULT": "ARMED_CLASH", "PROTEST": "PEACE_PROTEST", "MOBILIZE": "CHANGE_TO_GROUP_ACT",
    "AGREE": "AGREEMENT", "CONSULT": "DIPLO", "SUPPORT": "DIPLO", "REQUEST": "DIPLO",
    "REJECT": "DIPLO", "THREATEN": "DIPLO", "SANCTION": "DIPLO", "ACCUSE": "DIPLO",
    "COOPERATE": "AGREEMENT", "RETREAT": "CHANGE_TO_GROUP_ACT", "CONCEDE": "OTHER",
    "AID": "OTHER", "COERCE": "OTHER",
}
MODE_FALLBACK = {
    "arrest": "ARREST", "abduct": "ABDUCT_DISSAP", "explosives": "REM_EXPLOS",
    "suicide-attack": "SUIC_BOMB", "heavy-weapons": "ART_MISS_ATTACK",
    "assassinate": "ATTACK", "riot-spon": "VIOL_DEMONSTR", "strike-gen": "PEACE_PROTEST",
    "strike-hun": "PEACE_PROTEST", "expel": "DIPLO",
}


def _has(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


@cache
def _lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive cue compiled to match lower-cased text: Python's ``re`` scans a long
    case-insensitive alternation three to five times slower (no literal fast paths). Exact
    for English text, since the cues' literals are lower case (tested)."""
    return re.compile(pattern.pattern) if pattern.flags & re.IGNORECASE else pattern


class _Cues:
    """Which cues a text holds, each searched at most once: the rules ask for the same cue
    along several branches, and a sentence reports several events."""

    __slots__ = ("found", "lower", "text")

    def __init__(self, text: str) -> None:
        self.text, self.lower, self.found = text, text.lower(), {}

    def has(self, pattern: re.Pattern[str]) -> bool:
        hit = self.found.get(pattern)
        if hit is None:
            twin = _lowercase_twin(pattern)
            # a case-sensitive cue ("March" the month) is its own twin: it reads the text as
            # written
            hit = twin.search(self.text if twin is pattern else self.lower) is not None
            self.found[pattern] = hit
        return hit


@lru_cache(maxsize=512)
def _cues(text: str) -> _Cues:
    return _Cues(text)


def _state_took(text: str, actor_sectors: Sequence[str]) -> bool:
    """Whether the state's forces took the territory: the actor's sector if the parse found
    one, else the agent named nearest before the first word of taking."""
    sectors = set(actor_sectors)
    if sectors & STATE_SECTORS:
        return True
    if sectors & (REBEL_SECTORS | MILITIA_SECTORS):
        return False
    taking = TERRITORY.search(text)
    before = text[:taking.start()] if taking else text
    state = [m.end() for m in STATE_AGENTS.finditer(before)]
    other = [m.end() for m in NON_STATE_AGENTS.finditer(before)]
    if state or other:
        return max(state, default=-1) > max(other, default=-1)
    # "recaptured the town from the rebels": the side it was taken from is the other one
    after = text[taking.end():] if taking else ""
    return _has(NON_STATE_AGENTS, after[:80]) or not _has(STATE_AGENTS, after[:80])


def _civilian_target(text: str, recipient_sectors: Sequence[str]) -> bool:
    """Whether the violence fell on unarmed people: the recipient's sector if armed or
    civilian, else whether words for unarmed people outnumber words for armed ones after
    the first violent word."""
    sectors = set(recipient_sectors)
    if sectors & (STATE_SECTORS | REBEL_SECTORS | MILITIA_SECTORS) - {"GOV", "JUD", "LEG"}:
        return False
    if sectors and sectors <= {"CVL", "REF", "REL", "MED", "JRN", "EDU", "LAB", "AGR", "BUS",
                               "HLH", "OPP"}:
        return True
    act = VIOLENCE.search(text)
    after = text[act.start():] if act else text
    armed = len(ARMED_TARGETS.findall(after))
    unarmed = len(CIVILIAN_WORDS.findall(after))
    return unarmed > armed


def _reports_protest(text: str) -> bool:
    """Whether a protest word reports a protest: "mobilising men to protest" states a
    purpose (an infinitive after "to"), not a protest held."""
    cues = _cues(text)
    if not (cues.has(PROTEST) or cues.has(MARCHING)):
        return False  # most sentences: no protest word at all, known without a scan
    for match in [*PROTEST.finditer(text), *MARCHING.finditer(text)]:
        if text[max(0, match.start() - 3):match.start()].lower() != "to ":
            return True
    return False


# a death the protest is about, not force used on it: "protest against the killing of a
# teenager by police", "demanding justice for a student who died in custody" (to the clause's
# end)
# A bare "killing" must follow a determiner: "fired at protesters killing two" is the force.
PROTESTED_DEATH = re.compile(
    r"\b(?:(?:protest\w*|against|over|about|at|mourn\w*|condemn\w*) (?:(?:the|a|an|his|her|"
    r"their|its|[\w-]+'s) (?:[\w-]+ )?(?:killings?|deaths?|murders?|shootings?)|(?:[\w-]+ )?"
    r"(?:killings|deaths?|murders?|shootings))\b|justice for)[^,.;:]*", re.IGNORECASE)


def _force_on_protesters(text: str) -> bool:
    """Whether force was used on the protesters, a killing the protest is about aside."""
    if not _cues(text).has(LETHAL_FORCE):
        return False
    return _has(LETHAL_FORCE, PROTESTED_DEATH.sub(" ", text))


def _protest_label(text: str) -> str:
    has = _cues(text).has
    if has(PROTESTER_VIOLENCE) or has(RIOTING):
        return "VIOL_DEMONSTR"
    if _force_on_protesters(text):
        return "FORCE_AGAINST_PROTEST"
    if has(INTERVENTION):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


# --- the learned fallback -----------------------------------------------------------------
MODEL_PATH = Path(__file__).resolve().parent / "data" / "acled_model.npz"
# How rules and model combine. "fused" (the default): the model's log-probabilities with a
# bonus for the rules' label, larger where a cue decided than where only the PLOVER type
# did; the bonuses are chosen by cross-validation on our own sentences (``bench/
# train_acled.py``) and travel in the model file, since cues that fit one set of snippets
# overreach on the next and the model alone misses what the cues know. The others, kept for
# comparison: "rules" the rules alone; "model_where_no_cue" the model's label where no cue
# decided; "model_where_other" only where the rules say OTHER; "model_where_no_cue_or_sure"
# also where the model gives its label at least ``MODEL_OVERRIDE`` probability.
POLICIES = ("fused", "rules", "model_where_no_cue", "model_where_other",
            "model_where_no_cue_or_sure")
POLICY = "fused"
MODEL_OVERRIDE = 0.9
# (cued, uncued) log-odds bonus of the rules' label where the model file names none
DEFAULT_RULE_BONUS = (2.0, 1.0)


TERM = re.compile(r"\b\w\w+\b")  # words of two or more characters, as scikit-learn's default


def terms(text: str) -> list[str]:
    """Lower-cased words and adjacent word pairs of a text."""
    words = TERM.findall(text.lower())
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def fit_term_weights(texts: Iterable[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """The terms of the training texts and their smoothed inverse document frequencies."""
    documents = [set(terms(text)) for text in texts]
    frequency = Counter(term for document in documents for term in document)
    vocabulary = tuple(sorted(frequency))
    count = len(documents)
    idf = np.array([np.log((1 + count) / (1 + frequency[t])) + 1 for t in vocabulary],
                   dtype=np.float32)
    return vocabulary, idf


# runs of word characters and single marks: the static vectors' tokeniser splits no further
# than this but character by character, so each distinct run goes through it once
TOKEN_RUN = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=100_000)
def _token_ids(run: str) -> tuple[int, ...]:
    from chronicle.extract.vectors import load_static_vectors

    return tuple(load_static_vectors().token_ids(run))


def sentence_vector(text: str) -> np.ndarray:
    """The static vectors' unit-length sentence mean (as ``StaticVectors.sentence_vector``),
    tokenised a run at a time with the runs cached: every event is coded through it."""
    from chronicle.extract.vectors import load_static_vectors

    vectors = load_static_vectors()
    ids = [i for run in TOKEN_RUN.findall(text) for i in _token_ids(run)]
    if not ids:
        return np.zeros(vectors.dims, dtype=np.float32)
    vector = vectors.matrix[ids].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@dataclass(frozen=True)
class AcledModel:
    """A linear classifier over a sentence's static vector (meaning beyond the training
    words) beside TF-IDF weights of its words (``bench/train_acled.py`` trains it from
    sentences written from the codebook, never from the evaluation file)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (labels, dims + terms)
    bias: np.ndarray  # (labels,)
    vocabulary: tuple[str, ...] = ()
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    rule_bonus: tuple[float, float] = DEFAULT_RULE_BONUS  # (cued, uncued), for "fused"

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, labels=np.array(self.labels),
                            weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32),
                            vocabulary=np.array(self.vocabulary, dtype=str),
                            idf=self.idf.astype(np.float32),
                            rule_bonus=np.array(self.rule_bonus, dtype=np.float32))

    @classmethod
    def load(cls, path: str | Path) -> AcledModel:
        with np.load(path) as data:
            bonus = data.get("rule_bonus", DEFAULT_RULE_BONUS)
            return cls(labels=tuple(str(x) for x in data["labels"]),
                       weights=data["weights"].astype(np.float32),
                       bias=data["bias"].astype(np.float32),
                       vocabulary=tuple(str(x) for x in data["vocabulary"]),
                       idf=data["idf"].astype(np.float32),
                       rule_bonus=(float(bonus[0]), float(bonus[1])))

    @cached_property
    def _term_index(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.vocabulary)}

    def features(self, text: str) -> np.ndarray:
        """The text's unit static vector, then its unit TF-IDF vector (log-scaled counts)."""
        vector = sentence_vector(text)
        weights = np.zeros(len(self.vocabulary), dtype=np.float32)
        for term, count in Counter(terms(text)).items():
            if term in self._term_index:
                weights[self._term_index[term]] = 1 + np.log(count)
        weights *= self.idf
        norm = float(np.linalg.norm(weights))
        return np.concatenate([vector, weights / norm if norm > 0 else weights])

    def probabilities(self, text: str) -> np.ndarray:
        """The softmax of the label scores of the text's features (the term part summed
        over the text's own terms alone: every event is coded through here)."""
        vector = sentence_vector(text)
        dims = len(vector)
        found = [(self._term_index[term], 1 + np.log(count))
                 for term, count in Counter(terms(text)).items() if term in self._term_index]
        scores = self.weights[:, :dims] @ vector + self.bias
        if found:
            columns = np.array([dims + i for i, _ in found])
            weights = np.array([w for _, w in found], dtype=np.float32) * \
                self.idf[columns - dims]
            scores = scores + self.weights[:, columns] @ (weights / np.linalg.norm(weights))
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()

    def guess(self, text: str) -> tuple[str, float]:
        """The most probable label and its probability."""
        probabilities = self.probabilities(text)
        best = int(np.argmax(probabilities))
        return self.labels[best], float(probabilities[best])

    def label(self, text: str) -> str:
        return self.guess(text)[0]


@cache
def load_acled_model(path: str | Path = MODEL_PATH) -> AcledModel | None:
    """The shipped model, read once; None where it is missing (the rules then decide alone)."""
    return AcledModel.load(path) if Path(path).exists() else None


# The labels an act of each kind can bear: a word model that knows nothing of the clause
# must not turn the event layer's attack into a protest, nor a denial into a battle. A
# PLOVER type not listed (or none: no event found) leaves every label open.
_VIOLENT = {label for label, (_, kind, _) in LABELS.items()
            if kind in {"Battles", "Explosions/Remote violence", "Violence against civilians",
                        "Riots", "Security-related"}} | {"PROPERTY_DISTRUCT", "ARREST"}
_PROTESTING = {label for label, (_, kind, _) in LABELS.items() if kind in {"Protests", "Riots"}}
_STATED = {"DIPLO", "AGREEMENT", "ATTRIB", "OTHER", "CHANGE_TO_GROUP_ACT", "ORG_CRIME"}
_DISASTERS = {"NATURAL_DISASTER", "MAN_MADE_DISASTER"}
LABELS_OF_ACT = {
    "ASSAULT": _VIOLENT, "PROTEST": _PROTESTING,
    **{event_type: _STATED for event_type in (*SPEECH_TYPES, "AGREE", "SANCTION", "COOPERATE")},
    # a pullback, a concession or help given is no fighting: "pulled out of the town",
    # "released the prisoners", "delivered aid after the floods"
    "RETREAT": _STATED | {"NON_VIOL_TERRIT_TRANSFER"},
    "CONCEDE": _STATED | {"NON_VIOL_TERRIT_TRANSFER"},
    "AID": _STATED | _DISASTERS,
}


# Labels defined by the means used: a word model may not give them to a text that names no
# such means ("committed a crime against humanity" is no sexual violence, an operation at a
# hospital no air strike). Not chemical weapons: their reports tell of the effects (a
# yellow cloud, choking) as often as of the weapon.
LABELS_OF_MEANS: dict[str, tuple[re.Pattern[str], ...]] = {
    "SEX_VIOL": (SEXUAL,), "SUIC_BOMB": (SUICIDE,),
    "AIR_STRIKE": (AIR_ATTACK, AIR), "GRENADE": (GRENADES,), "ART_MISS_ATTACK": (ARTILLERY,),
    "REM_EXPLOS": (EXPLOSIVES,)}


def fuse(rule: str, cued: bool, labels: Sequence[str], probabilities: np.ndarray,
         bonus: tuple[float, float] = DEFAULT_RULE_BONUS, event_type: str = "",
         text: str | None = None) -> str:
    """The label of highest log-probability once the rules' label gets its bonus (the
    cued or the uncued one), among the labels an act of ``event_type`` can bear (and the
    rules' own), and, where the ``text`` is given, none defined by a means it does not
    name. A label the model never learnt stands where a cue gave it, and yields to the
    model's where the rules only fell back on it."""
    scores = np.log(np.asarray(probabilities, dtype=np.float64) + 1e-9)
    allowed = LABELS_OF_ACT.get(event_type)
    if allowed is not None:
        scores[[i for i, label in enumerate(labels)
                if label not in allowed and label != rule]] = -np.inf
    if text is not None:
        scores[[i for i, label in enumerate(labels) if label in LABELS_OF_MEANS
                and label != rule
                and not any(_has(means, text) for means in LABELS_OF_MEANS[label])]] = -np.inf
    if rule not in labels:
        return rule if cued else labels[int(np.argmax(scores))]
    scores[list(labels).index(rule)] += bonus[0] if cued else bonus[1]
    return labels[int(np.argmax(scores))]


def combine(rule: str, cued: bool, model_guess: Callable[[], tuple[str, float]],
            policy: str = POLICY, override: float = MODEL_OVERRIDE) -> str:
    """The label ``policy`` gives from the rules' ``rule`` label (``cued``: a cue decided
    it) and the model's (label, probability), asked only where the policy needs it
    ("fused" needs the model's whole distribution: ``acled_label`` gives it)."""
    if policy == "rules":
        return rule
    if policy == "model_where_no_cue":
        return rule if cued else model_guess()[0]
    if policy == "model_where_other":
        return model_guess()[0] if rule == "OTHER" else rule
    if policy == "model_where_no_cue_or_sure":
        label, probability = model_guess()
        return label if not cued or probability >= override else rule
    raise ValueError(f"unknown policy {policy!r}; known: {POLICIES}")


def acled_label(text: str, event_type: str = "", mode: str = "",
                actor_sectors: Sequence[str] = (), recipient_sectors: Sequence[str] = (),
                policy: str = POLICY, model: AcledModel | None = None) -> str:
    """The CASE 2021 / ACLED label of the event ``text`` reports: the rules' label, and the
    learned model's where ``policy`` hands the decision to it."""
    rule, cued = rule_label(text, event_type, mode, actor_sectors, recipient_sectors)
    if policy == "rules":
        return rule
    model = model or load_acled_model()
    if model is None:
        return rule
    if policy == "fused":
        probabilities = model.probabilities(text) if model is not load_acled_model() else \
            _shipped_probabilities(text)
        return fuse(rule, cued, model.labels, probabilities, model.rule_bonus, event_type,
                    text)
    return combine(rule, cued, lambda: model.guess(text), policy)


@lru_cache(maxsize=2048)
def _shipped_probabilities(text: str) -> np.ndarray:
    """The shipped model's probabilities, once per text: a sentence reports several events."""
    model = load_acled_model()
    assert model is not None
    return model.probabilities(text)


def rule_label(text: str, event_type: str = "", mode: str = "",
                actor_sectors: Sequence[str] = (), recipient_sectors: Sequence[str] = ()
               ) -> tuple[str, bool]:
    """The rules' CASE 2021 / ACLED label of the event ``text`` reports (a sentence or a
    snippet), given the PLOVER ``event_type`` and ``mode`` coded for it, where there is one,
    and whether a cue decided it (False: only the PLOVER fallback or nothing did)."""
    return _rule_label(text, event_type, mode, tuple(actor_sectors), tuple(recipient_sectors))


@lru_cache(maxsize=2048)
def _rule_label(text: str, event_type: str, mode: str, actor_sectors: tuple[str, ...],
                recipient_sectors: tuple[str, ...]) -> tuple[str, bool]:
    """``rule_label``, once per event reading: a sentence reports several events."""
    has = _cues(text).has

    if has(RESPONSIBILITY) or (has(ATTRIBUTED_TO) and not (has(NATURAL) or has(MAN_MADE))):
        return "ATTRIB", True
    if has(NATURAL) and not has(PROTEST):
        return "NATURAL_DISASTER", True
    if has(MAN_MADE) and not (has(CLASH) or has(NON_STATE_AGENTS)
                                     or has(AIR) or has(AIR_ATTACK)
                                     or has(SUICIDE)):
        return "MAN_MADE_DISASTER", True
    if _reports_protest(text) or mode in {"strike-gen", "strike-hun"}:
        return _protest_label(text), True
    if has(MOB):
        return "MOB_VIOL", True  # a crowd's own justice, whatever crime it punishes
    if has(CRIME) and not has(SEXUAL):
        return "ORG_CRIME", True  # charges and investigations of a crime are crime news too
    if event_type in SPEECH_TYPES and has(STANCE):
        # a stance taken (praise, thanks, condemnation, a call) is the event: the violence
        # it speaks of is its topic ("appreciated US support in its fight against Hamas")
        return "DIPLO", True
    act = event_type == "ASSAULT"  # the event layer found violence: it is not diplomacy
    if has(STRONG_DIPLOMACY) and not act:
        return "DIPLO", True
    if has(DISRUPTED):
        return "DISR_WEAP", True
    if event_type == "MOBILIZE" and has(GROUP_CHANGE):
        return "CHANGE_TO_GROUP_ACT", True  # the event layer's main event moves forces
    if has(RIOTING):
        return "VIOL_DEMONSTR", True
    if has(SEXUAL):
        return "SEX_VIOL", True
    if has(CHEMICAL):
        return "CHEM_WEAP", True
    if has(SUICIDE):
        return "SUIC_BOMB", True
    if has(BASE) and not (has(VIOLENCE) or has(AIR_ATTACK)):
        # a base set up is the act; the town it stands in may have been taken before
        return "HQ_ESTABLISHED", True
    if has(WITHDRAWAL) and (has(TERRITORY) or has(UNOPPOSED)
                            or not (has(VIOLENCE) or has(CLASH))):
        return "NON_VIOL_TERRIT_TRANSFER", True
    if has(TERRITORY) and has(REPELLED):
        return "ARMED_CLASH", True
    if has(TERRITORY):
        return ("GOV_REGAINS_TERIT" if _state_took(text, actor_sectors) else
                "NON_STATE_ACTOR_OVERTAKES_TER"), True
    violent = has(VIOLENCE) or has(CLASH)  # asked late: most sentences exit before
    if has(AIR_ATTACK) or (has(AIR) and violent):
        return "AIR_STRIKE", True
    grenade_text = re.sub(r"rocket.propelled grenades?", "rockets", text, flags=re.IGNORECASE)
    if _has(GRENADES, grenade_text):
        return "GRENADE", True
    if _has(ARTILLERY, grenade_text):
        return "ART_MISS_ATTACK", True
    if has(EXPLOSIVES):
        return "REM_EXPLOS", True
    if has(ABDUCTION):
        return "ABDUCT_DISSAP", True
    if has(AGREEMENT_CUES) and not act:
        # talks about a truce, calls for one, praise of one: speech until the sides agree
        return ("DIPLO" if event_type in TALK_TYPES else "AGREEMENT"), True
    if has(ARRESTS) and not has(KILLED_AND_CAPTURED):
        return "ARREST", True
    if has(PROPERTY):
        return "PROPERTY_DISTRUCT", True
    if violent and (has(NON_STATE_AGENTS) or has(ARMED_TARGETS) or event_type == "ASSAULT"):
        return ("ATTACK" if _civilian_target(text, recipient_sectors)
                and not has(CLASH) else "ARMED_CLASH"), True
    if has(GROUP_CHANGE):
        return "CHANGE_TO_GROUP_ACT", True
    if violent:
        # fire exchanged, a battle: two armed sides whoever they are; else a one-sided attack
        return ("ARMED_CLASH" if has(CLASH) else "ATTACK"), True
    if has(DIPLOMACY):
        return "DIPLO", True
    if mode in MODE_FALLBACK:
        return MODE_FALLBACK[mode], False
    return PLOVER_FALLBACK.get(event_type, "OTHER"), False


# --- actors ---------------------------------------------------------------------------------
def inter_code(actor: Actor | None, label: str, first: bool) -> int:
    """ACLED's category of an actor: state forces 1, rebels 2, militias 3, rioters 5,
    protesters 6, civilians 7, other (international) forces 8; 0 for none."""
    if first and label in PROTEST_LABELS:
        return PROTESTER  # a protest's first actor is the protesters, whoever they are
    if first and label == "VIOL_DEMONSTR":
        return RIOTER
    if first and label == "MOB_VIOL":
        return RIOTER
    if actor is None:
        # the violence against civilians has victims whom the sentence need not name
        return CIVILIAN if not first and label in CIVILIAN_TARGETS else 0
    sectors = set(actor.sectors)
    if sectors & STATE_SECTORS:
        return STATE
    if sectors & REBEL_SECTORS:
        return REBEL
    if sectors & MILITIA_SECTORS:
        return MILITIA
    if sectors & EXTERNAL_SECTORS or actor.country in {"UNO", "EUR", "IGO", "NGO"}:
        return EXTERNAL
    if not sectors or sectors == {"UNK"}:
        return STATE if actor.country else 0  # a country that acts is its state
    return CIVILIAN


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two categories, lower first (17: state forces on civilians);
    one actor alone is its category times ten (60: protesters alone)."""
    if not inter1 and not inter2:
        return 0
    if not inter1 or not inter2:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# --- fatalities -----------------------------------------------------------------------------
def fatality_figures(figures: Iterable[Figure], sentence_index: int, sentence: str = "",
                     sentence_start: int = 0) -> list[Figure]:
    """The sentence's counts of the killed, in text order: figures whose referent is the
    killed (killed, dead, died), or that count people ("12 soldiers") with a word of dying
    the nearest word of what befell them ("killed 12 soldiers, three rebels and nine
    civilians"; "killed three and wounded 12" gives the 12 to the wounded). Running totals
    are not one event's dead."""
    found = []
    for f in figures:
        # the dead are a count of people: never a sum of money, a share, a distance, a span
        if f.sentence_index != sentence_index or f.cumulative is True or \
                f.dimension not in (None, "count"):
            continue
        if f.referent in KILLED_REFERENTS:
            found.append(f)
        elif f.referent in OTHER_FATES or not sentence:
            continue
        elif _nearest_fate(sentence, f.start - sentence_start, f.end - sentence_start) == \
                "killed":
            found.append(f)
    return sorted(found, key=lambda f: f.start)


def _nearest_fate(sentence: str, start: int, end: int) -> str:
    """What the sentence says befell the people a count names: the outcome word nearest the
    count, within a short reach on either side."""
    best, distance = "", FATE_REACH + 1
    before = sentence[max(0, start - FATE_REACH):max(0, start)]
    for match in FATE.finditer(before):
        gap = len(before) - match.end()
        if gap < distance:
            best, distance = _fate(match.group(0)), gap
    after = sentence[end:end + FATE_REACH]
    for match in FATE.finditer(after):
        if match.start() < distance:
            best, distance = _fate(match.group(0)), match.start()
        break  # the first word after the count is the nearest
    return best


def _fate(word: str) -> str:
    return "killed" if KILLING.fullmatch(word) else "other"


def fatalities_of(figures: Sequence[Figure], sentence: str, sentence_start: int
                  ) -> tuple[int, str, str] | None:
    """(count, bound, source) of the killed in one sentence. Counts listed side by side
    ("19 soldiers, eight rebels and 19 civilians were killed") are parts of one toll and
    add up; otherwise the largest stands, since a sentence that gives a total and a part of
    it ("20 people, including five children") must not count the part twice."""
    if not figures:
        return None
    largest = max(figures, key=lambda f: (fatality_count(f), f.start))
    total, chained = fatality_count(figures[0]), True
    for before, after in pairwise(figures):
        gap = sentence[before.end - sentence_start:after.start - sentence_start]
        chained = chained and LIST_GAP.fullmatch(gap) is not None
        total += fatality_count(after)
    if len(figures) > 1 and chained and not PART_OF.search(sentence):
        bounds = {f.bound for f in figures}
        return total, bounds.pop() if len(bounds) == 1 else ">=", largest.source_actor or ""
    return fatality_count(largest), largest.bound, largest.source_actor or ""


def fatality_count(figure: Figure) -> int:
    """The number to code: the lower end of a range, as ACLED codes the conservative figure."""
    return int(figure.low if figure.bound == "range" else figure.value)


def code_acled(text: str, event_type: str = "", mode: str = "", actor: Actor | None = None,
               recipient: Actor | None = None, figures: Iterable[Figure] = (),
               sentence_index: int = 0, sentence_start: int = 0,
               modality: str = "asserted") -> AcledCode:
    """ACLED's coding of one event report: its label and types, the categories of its
    actors, whether civilians were its target, and, for violence, the number killed. ACLED
    codes what happened: a plan or a threat is at most a strategic development (OTHER)."""
    label = "OTHER" if modality in UNREALISED else acled_label(
        text, event_type, mode, actor.sectors if actor else (),
        recipient.sectors if recipient else ())
    disorder, acled_type, sub_type = LABELS[label]
    inter1 = inter_code(actor, label, first=True)
    inter2 = inter_code(recipient, label, first=False)
    civilian = label in CIVILIAN_TARGETS or (label in REMOTE and inter2 == CIVILIAN)
    fatalities, bound, source = None, "", ""
    if POLITICAL_VIOLENCE in disorder:
        found = fatalities_of(fatality_figures(figures, sentence_index, text, sentence_start),
                              text, sentence_start)
        if found is not None:
            fatalities, bound, source = found
    return AcledCode(label=label, disorder_type=disorder, event_type=acled_type,
                     sub_event_type=sub_type, inter1=inter1, inter2=inter2,
                     interaction=interaction_code(inter1, inter2),
                     civilian_targeting=civilian, fatalities=fatalities,
                     fatalities_bound=bound, fatalities_source=source)


UNREALISED = {"planned", "threatened"}  # event modalities of acts not (yet) done


# --- records --------------------------------------------------------------------------------
def code_mentions(mentions: Sequence[EventMention],
                  figures: Sequence[Figure]) -> list[EventMention]:
    """Each event mention with its ACLED coding, fatalities from its sentence's figures."""
    from dataclasses import replace

    coded = []
    for mention in mentions:
        code = code_acled(mention.text, mention.event_type, mention.mode, mention.actor,
                          mention.recipient, figures, mention.sentence_index, mention.start,
                          mention.modality)
        coded.append(replace(
            mention, acled_event_type=code.event_type, acled_sub_event_type=code.sub_event_type,
            disorder_type=code.disorder_type, inter1=code.inter1, inter2=code.inter2,
            interaction=code.interaction, civilian_targeting=code.civilian_targeting,
            fatalities=code.fatalities, fatalities_bound=code.fatalities_bound,
            fatalities_source=code.fatalities_source))
    return coded


def code_event(event: Event) -> Event:
    """An event with the ACLED coding its reports agree on most (ties: the most confident
    report) and the lowest number killed any report gives, as ACLED keeps the most
    conservative figure; ``fatalities_note`` says which figures there were."""
    from dataclasses import replace

    coded = [m for m in event.mentions if m.acled_sub_event_type]
    if not coded:
        return event
    votes = Counter(m.acled_sub_event_type for m in coded)
    chosen = max(coded, key=lambda m: (votes[m.acled_sub_event_type], m.confidence))
    counted = [m for m in event.mentions if m.fatalities is not None]
    fatalities, bound, source, note = None, "", "", ""
    if counted:
        lowest = min(counted, key=lambda m: (m.fatalities, m.published, m.id))
        fatalities, bound, source = lowest.fatalities, lowest.fatalities_bound, \
            lowest.fatalities_source
        figures = sorted({m.fatalities for m in counted if m.fatalities is not None})
        if len(figures) > 1:
            note = (f"lowest of {len(counted)} reports' figures "
                    f"({', '.join(str(f) for f in figures)})")
        else:
            note = (f"{len(counted)} reports give this figure" if len(counted) > 1
                    else "one report gives this figure")
    return replace(
        event, acled_event_type=chosen.acled_event_type,
        acled_sub_event_type=chosen.acled_sub_event_type, disorder_type=chosen.disorder_type,
        inter1=chosen.inter1, inter2=chosen.inter2, interaction=chosen.interaction,
        civilian_targeting=chosen.civilian_targeting, fatalities=fatalities,
        fatalities_bound=bound, fatalities_source=source, fatalities_note=note)
