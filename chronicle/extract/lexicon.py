"""Trigger words for PLOVER event types: lemma → (type, mode).

Written from the PLOVER manual's definitions; general English, no conflict-specific words.
Verb triggers are lemmas; phrasal entries are "lemma particle" (e.g. "call for"). Noun
triggers fire when a light verb ("hold", "launch", "carry out") or nothing else carries the
event: "held talks", "an air strike hit".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

Trigger = tuple[str, str]


def _expand(table: dict[str, str], event_type: str) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for words, mode in table.items():
        for word in words.split("|"):
            out[word] = (event_type, mode)
    return out


VERBS: dict[str, Trigger] = {}
for _type, _table in {
    "AGREE": {"agree|pledge|promise|offer|propose|accept|vow|settle|commit|reconcile": ""},
    "CONSULT": {"meet|confer|consult|negotiate|discuss|talk": "",
                "visit|travel|fly|arrive": "visit",
                "phone|telephone|call": "phone", "host|receive": "host", "mediate": "mediate"},
    "SUPPORT": {"support|praise|endorse|back|commend|welcome|congratulate|thank|defend|hail|"
                "recognize|recognise|applaud|laud|reaffirm|apologize|apologise|forgive|"
                "sign|ratify|finalize|finalise": ""},  # the manual: signing a treaty is SUPPORT
    "CONCEDE": {"ease|lift|release|free|pardon|allow|grant|relax|concede|reopen|permit|"
                "compromise|amnesty|restore": ""},
    "COOPERATE": {"cooperate|collaborate|extradite|share|partner|coordinate|ally": ""},
    "AID": {"aid|donate|fund|assist|help|supply|rescue|shelter|airlift|finance|provide|"
            "deliver|contribute": ""},
    "RETREAT": {"withdraw|retreat|resign|surrender|disarm|demobilize|demobilise|quit|abandon|"
                "evacuate|compensate|relinquish|dismantle|disband|pull": ""},
    "REQUEST": {"demand|urge|appeal|ask|request|press|seek|insist|plead|petition|invite|"
                "implore|call for|call on|push|pressure|pressurize|pressurise": ""},
    "ACCUSE": {"accuse|blame|criticize|criticise|condemn|denounce|charge|allege|deplore|sue|"
               "complain|slam|fault|rebuke|censure|indict|decry|castigate|protest to": "",
               "investigate|probe|inspect|monitor|examine|audit": "investigate"},
    "REJECT": {"reject|refuse|deny|veto|dismiss|oppose|decline|rebuff|defy|spurn|repudiate|"
               "turn down|resist|disregard|renege|violate|breach|flout": ""},
    "THREATEN": {"threaten|warn|ultimatum": ""},
    "PROTEST": {"protest|demonstrate|rally|march|riot|picket|boycott": ""},
    "SANCTION": {"sanction|embargo|sever|suspend|recall|downgrade|freeze|cut off|break off|"
                 "expel": "", "expel|force out|drive out|kick out|throw out": "expel"},
    "MOBILIZE": {"mobilize|mobilise|deploy|mass|reinforce|station|dispatch|amass|muster": ""},
    "COERCE": {"arrest|detain|jail|imprison|seize|confiscate|impose|restrict|ban|censor|deport|"
               "blockade|besiege|evict|sentence|outlaw|prohibit|crack down|round up|convict|"
               "nationalize|close|shut|demolish|raze|bulldoze|expropriate|confine|"
               "block|disperse|quell|suppress|repress|prevent": "",
               "arrest|detain|jail|imprison|round up": "arrest",
               "seize|confiscate|expropriate": "seize",
               "restrict|block|besiege|blockade": "restrict",
               "ban|outlaw|prohibit": "ban", "censor": "censor", "deport|evict": "deport"},
    "ASSAULT": {"attack|kill|bomb|shell|strike|fire|shoot|invade|clash|fight|ambush|massacre|"
                "raid|storm|wound|injure|capture|occupy|abduct|kidnap|torture|behead|explode|"
                "hit|target|pound|destroy|assault|hijack|battle|lynch|stab|execute|"
                "overrun|slay|murder|blast|burn|loot|maim|beat|rape|recapture|seize control|"
                "gun down|blow up|open fire|push into|advance into|storm into": "",
                "assassinate": "assassinate", "shoot|gun down|open fire": "firearms",
                "shell|pound": "heavy-weapons", "bomb|explode|blast|blow up": "explosives",
                "torture": "torture", "abduct|kidnap|hijack": "abduct"},
}.items():
    for _words, _mode in _table.items():
        for _word in _words.split("|"):
            if _word not in VERBS or _mode:
                VERBS[_word] = (_type, _mode)

NOUNS: dict[str, Trigger] = {}
for _type, _table in {
    "AGREE": {"agreement|deal|accord|pact|treaty|ceasefire|truce|pledge|promise|offer|"
              "proposal|settlement": ""},
    "CONSULT": {"talk|talks|meeting|negotiation|summit|consultation|discussion|"
                "conference": "", "visit|trip|tour": "visit", "call|phone": "phone",
                "welcome": "host",  # "gave a warm welcome to": received a visitor
                "mediation": "mediate"},
    "SUPPORT": {"support|praise|endorsement|recognition|apology|sympathy|sympathies|"
                "condolence|condolences|solidarity": ""},
    "CONCEDE": {"release|concession|amnesty|pardon": ""},
    "COOPERATE": {"cooperation|collaboration|exercise|extradition|alliance": ""},
    "AID": {"aid|assistance|relief|donation|funding|loan|supply|supplies|shipment": ""},
    "RETREAT": {"withdrawal|retreat|resignation|surrender|pullout|evacuation|compensation": ""},
    "REQUEST": {"demand|appeal|request|plea|call": ""},
    "ACCUSE": {"accusation|allegation|criticism|condemnation|charge|lawsuit|complaint": "",
               "investigation|probe|inquiry|inspection|hearing": "investigate"},
    "REJECT": {"rejection|refusal|veto|denial": ""},
    "THREATEN": {"threat|warning|ultimatum": ""},
    "PROTEST": {"protest|demonstration|rally|march|riot|strike|boycott|sit-in|"
                "walkout": "", "hunger strike": "strike-hun", "general strike": "strike-gen",
                "riot": "riot-spon"},
    "SANCTION": {"sanction|sanctions|embargo|expulsion|suspension": ""},
    "MOBILIZE": {"mobilization|mobilisation|deployment|buildup|reinforcement|alert|patrol|"
                 "patrols": ""},
    "COERCE": {"arrest|detention|crackdown|curfew|blockade|siege|ban|censorship|deportation|"
               "seizure|confiscation|raid|restriction|restrictions|eviction|demolition": "",
               "curfew": "curfew", "martial law": "martial-law", "arrest|detention": "arrest",
               "restriction|restrictions|blockade|siege": "restrict"},
    "ASSAULT": {"attack|airstrike|strike|bombing|shelling|offensive|assault|ambush|massacre|"
                "clash|clashes|fighting|battle|killing|invasion|incursion|raid|shooting|"
                "explosion|blast|bombardment|assassination|kidnapping|abduction|"
                "fire|gunfire|violence": "",
                "airstrike|shelling|bombardment|offensive": "heavy-weapons",
                "bombing|explosion|blast": "explosives", "shooting|gunfire": "firearms",
                "assassination": "assassinate", "suicide bombing|suicide attack":
                "suicide-attack", "violence": "violence"},
}.items():
    for _words, _mode in _table.items():
        for _word in _words.split("|"):
            if _word not in NOUNS or _mode:
                NOUNS[_word] = (_type, _mode)

# Verbs that only carry a noun trigger: "held talks", "launched an offensive".
LIGHT_VERBS = {"hold", "launch", "carry", "conduct", "stage", "make", "mount", "begin", "start",
               "continue", "resume", "have", "issue", "give", "take", "lodge", "file", "open",
               "announce", "reach", "impose", "order", "declare", "end", "call",
               "express", "extend", "send", "provide", "deliver", "receive", "face", "lead",
               "commit"}
REPORT_VERBS = {"say", "tell", "report", "announce", "state", "add", "confirm", "claim",
                "declare", "write", "quote", "assert", "insist", "note", "explain", "reveal",
                "acknowledge", "disclose", "reiterate", "repeat", "restate"}
# Governing verbs that say how real the embedded event is.
PLAN_VERBS = {"plan", "intend", "prepare", "aim", "expect", "schedule", "set", "consider",
              "decide", "vow", "pledge", "promise", "hope", "want", "seek", "try", "attempt",
              "mull", "weigh", "propose", "agree", "offer"}
DENY_VERBS = {"deny", "refute", "dispute", "reject"}
THREAT_VERBS = {"threaten", "warn"}
REQUEST_VERBS = {"urge", "demand", "ask", "call", "appeal", "press", "request", "pressure",
                 "pressurize", "pressurise"}
# Modals of possibility and obligation: "could strike", "must not allow", "cannot win".
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "must", "can", "ca"}

# Verbs that end or cut something: what they act on decides the type ("halt aid" is a
# SANCTION, "lift the curfew" a CONCESSION).
REDUCE_VERBS = {"halt", "stop", "suspend", "cut", "reduce", "cancel", "end", "terminate",
                "freeze", "postpone", "scrap", "call off", "break off", "shorten", "ease",
                "lift", "relax", "drop", "abandon", "withdraw", "revoke", "rescind", "repeal"}
# Crowds in the street: force used on them by police or troops is repression (CAMEO 175,
# COERCE), not combat.
PROTESTERS = {"demonstrator", "protester", "protestor", "marcher", "rioter", "crowd",
              "mourner", "striker"}
# What people are held as: "held hostage", "kept villagers as human shields" (a detention).
CAPTIVE_ROLES = {"hostage", "hostages", "captive", "captives", "prisoner", "prisoners", "shield",
                 "shields"}
# Verbs of command: "ordered the minister to appear" demands an act (REQUEST) of its object.
ORDER_VERBS = {"order", "command"}
# Modals of obligation and possibility that a negation does not turn into a denial: "we must
# not allow it", "you cannot win" say what ought or can be, not that an act did not happen
# ("could not reach agreement" does: a past failure).
NEGATED_MODALS = {"must", "should", "may", "might", "can", "ca", "ought", "shall"}
# Restraints imposed by force of arms: ending one is a military de-escalation (RETREAT,
# CAMEO 0872 "ease military blockade"), where ending a curfew or a ban is a concession.
MILITARY_RESTRAINTS = {"blockade", "siege", "encirclement", "cordon"}
# Violence in general, whoever does it: ending it ("to end the violence") is a hope that
# names no party's operation to halt.
GENERAL_VIOLENCE = {"violence", "fighting", "bloodshed", "killing", "killings", "clash",
                    "clashes", "hostility", "hostilities"}
# Verbs that bar something: barring a cooperative act ("prohibit all aid", "deny entry")
# reduces relations.
BAR_VERBS = {"prohibit", "ban", "bar", "block", "deny", "forbid", "refuse"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
# (verb, object lemma) pairs with a type of their own.
VERB_OBJECT: dict[tuple[str, str], Trigger] = {
    **{(v, o): ("AID", "") for v in ("grant", "give", "offer", "provide")
       for o in ("asylum", "refuge", "sanctuary")},
    **{(v, o): ("AID", "") for v in ("send", "ship", "supply", "deliver", "sell", "give")
       for o in ("arms", "weapon", "ammunition", "medicine", "food", "equipment", "grant",
                 "loan", "money")},
    **{(v, o): ("SUPPORT", "") for v in ("establish", "restore", "upgrade", "normalize",
                                         "normalise", "resume", "open")
       for o in ("tie", "ties", "relation", "relations", "embassy")},
    **{(v, o): ("AID", "") for v in ("hand", "donate", "airlift", "distribute", "airdrop")
       for o in ("food", "medicine", "medicines", "aid", "supplies", "relief", "tent", "tents",
                 "blanket", "blankets", "grain", "rice", "water")},
    # Sending inspectors is an investigation; letting them in is a concession of access.
    **{(v, o): ("ACCUSE", "investigate") for v in ("send", "dispatch", "deploy")
       for o in ("inspector", "inspectors", "investigator", "investigators", "monitor",
                 "monitors", "observer", "observers")},
    **{(v, o): ("RETREAT", "") for v in ("receive", "admit", "accept", "allow", "welcome")
       for o in ("inspector", "inspectors", "observer", "observers", "monitor", "monitors",
                 "peacekeeper", "peacekeepers")},
    # Meeting a demand is yielding to it.
    **{(v, o): ("CONCEDE", "") for v in ("accept", "meet", "grant", "heed", "satisfy")
       for o in ("demand", "demands", "request", "requests")},
    **{(v, o): ("MOBILIZE", "troops") for v in ("strengthen", "increase", "boost", "bolster",
                                               "beef", "expand", "double", "build")
       for o in ("force", "forces", "troops", "troop", "presence", "army", "patrols",
                 "deployment")},
    **{(v, o): ("SANCTION", "expel") for v in ("withdraw", "recall", "evacuate", "pull out",
                                               "ship out", "fly out")
       for o in ("inspector", "inspectors", "observer", "observers", "monitor", "monitors",
                 "peacekeeper", "peacekeepers", "worker", "workers")},
    # Evacuating people takes them out of danger (CAMEO 073, humanitarian aid); evacuating
    # a position is a retreat.
    **{("evacuate", o): ("AID", "") for o in ("civilian", "civilians", "resident",
                                              "residents", "people", "population", "wounded",
                                              "child", "children", "patient", "patients",
                                              "family", "families", "refugee", "refugees",
                                              "villager", "villagers", "inhabitant",
                                              "inhabitants", "survivor", "survivors")},
    # Stopping the press or the air is censorship: "ordered the paper to suspend publication".
    **{(v, o): ("COERCE", "censor") for v in ("suspend", "halt", "stop", "cease", "ban",
                                              "block", "cut", "end")
       for o in ("publication", "broadcast", "broadcasts", "broadcasting", "transmission",
                 "transmissions", "printing")},
    # Stones and bottles thrown are a riot (CAMEO 145, violent protest), not an armed attack.
    **{(v, o): ("PROTEST", "riot-spon") for v in ("throw", "hurl", "pelt")
       for o in ("stone", "stones", "rock", "rocks", "brick", "bricks", "bottle", "bottles")},
    # Arson destroys property (PLOVER COERCE, mode destroy): "set fire to the offices".
    ("set", "fire"): ("COERCE", "destroy"),
    **{(v, o): ("ASSAULT", "") for v in ("violate", "break", "breach")
       for o in ("ceasefire", "truce", "armistice")},
    # Committing violence is doing it: "committed truce violations", "committed atrocities".
    **{("commit", o): ("ASSAULT", "") for o in ("violation", "violations", "atrocity",
                                                "atrocities", "abuse", "abuses", "massacre",
                                                "murder", "attack", "attacks")},
    **{(v, o): ("SANCTION", "relations") for v in ("sever", "cut", "break", "downgrade",
                                                    "suspend", "freeze", "close", "recall")
       for o in ("tie", "ties", "relation", "relations", "embassy", "ambassador")},
}
# Governing verbs of "X said Y must act" (a REQUEST from X to Y).
DEMAND_FRAMES = {"say", "declare", "insist", "reiterate", "conclude", "announce", "state",
                 "stress", "warn", "tell", "argue", "write", "add", "demand", "maintain",
                 "repeat", "emphasize", "emphasise", "urge"}
# Words that mark a statement of intent over the act they govern ("is willing to withdraw").
INTENT_ADJS = {"willing", "ready", "prepared", "determined", "committed", "eager", "keen",
               "poised", "set"}
INTENT_VERBS = {"offer", "promise", "pledge", "vow", "plan", "intend", "prepare",
                "expect", "propose", "commit", "swear", "resolve"}

# Verbs too general to be an event on their own: the derived CAMEO table
# (data/cameo_verbs.tsv) codes them only with an object or preposition ("take hostage").
GENERIC_VERBS = {"add", "claim", "decide", "expect", "face", "give", "go", "issue", "join",
                 "lead", "leave", "need", "order", "pay", "plan", "take", "want", "be", "have",
                 "do", "get", "come", "make", "put", "keep", "see", "show", "use", "find",
                 "move", "turn", "run", "stand", "set", "hold", "begin", "start", "continue",
                 "help", "allow", "call", "bring", "follow", "include", "remain", "become"}

# Verbs of attack that also report words: "attacked Clinton over her emails" criticises,
# "aircraft attacked a cell" strikes. ``attack_sense`` tells the two apart, so that the
# event coder codes the first as an accusation and the claim register drops the second.
VERBAL_ATTACK_VERBS = {"attack", "assail", "blast", "target"}
# What only words can attack (the object), and what only weapons do (the subject); a named
# person's attacks in the news are nearly always words.
CRITICISED = {"plan", "policy", "record", "remark", "comment", "decision", "proposal", "claim",
              "statement", "speech", "report", "stance", "position", "bill", "deal", "law",
              "idea", "handling", "response", "approach", "rhetoric", "credibility",
              "character", "candidacy", "view", "agenda", "ruling", "judge", "critic",
              "opponent", "rival", "media", "press", "tweet", "ad", "advertisement", "vote",
              "sponsor", "supporter", "backer", "resolution", "motion", "envoy", "mediator"}
ARMED = {"aircraft", "jet", "warplane", "drone", "helicopter", "tank", "artillery", "missile",
         "rocket", "troop", "force", "soldier", "army", "militant", "gunman", "fighter",
         "rebel", "insurgent", "militia", "navy", "bomber", "attacker", "mob", "assailant"}
STRUCK = {"LOC", "FAC"}  # a place is struck, not criticised (a GPE may be a country criticised)
TARGETS = {"base", "position", "post", "outpost", "camp", "checkpoint", "convoy", "village",
           "town", "city", "station", "building", "house", "home", "hospital", "school",
           "vehicle", "ship", "boat", "airport", "facility", "site", "compound", "barracks",
           "headquarters", "cell", "patrol", "unit", "stronghold", "bastion", "infrastructure"}
# Where words are said: "attacked her in a tweet", "on Twitter", "during the debate".
SPOKEN = {"tweet", "twitter", "speech", "interview", "statement", "post", "debate", "rally",
          "letter", "column", "editorial", "ad", "message", "video", "remark", "briefing"}
# What a body decides on: blocking one ("blocked a UN resolution", "stalled the bill") is
# rejecting it (PLOVER REJECT, as a veto is), not coercing anyone.
PROPOSALS = {"resolution", "bill", "motion", "proposal", "plan", "measure", "draft", "action",
             "deal", "amendment", "legislation", "vote", "nomination", "decision", "initiative",
             "sanction", "reform", "request", "bid", "text", "statement", "declaration"}
OBSTRUCT_VERBS = {"block", "stall", "obstruct", "torpedo", "thwart", "scuttle"}


def attack_sense(verb: Token) -> str | None:
    """"verbal" or "physical" for a verb of ``VERBAL_ATTACK_VERBS``; ``None`` when the
    sentence does not tell."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    objects = [c for c in children if c.dep_ == "dobj"]
    preps = [c for c in children if c.dep_ == "prep"]
    verbal = any(p.lower_ in {"over", "as"} for p in preps) \
        or any(o.lemma_.lower() in SPOKEN for p in preps for o in p.children) \
        or any(c.dep_ in {"ccomp", "xcomp"} and c.tag_ == "VBG" for c in children) \
        or any(o.lemma_.lower() in CRITICISED for o in objects) \
        or any(s.ent_type_ == "PERSON" for s in subjects)
    physical = any(s.lemma_.lower() in ARMED for s in subjects) \
        or any(o.ent_type_ in STRUCK or o.lemma_.lower() in TARGETS for o in objects) \
        or any(p.lower_ == "with" for p in preps)
    if verbal == physical:
        return None
    return "verbal" if verbal else "physical"

# Forces of nature: what they "hit", "kill" or "destroy" is no one's act ("floods destroyed
# homes", "the earthquake struck the capital").
NATURAL_FORCES = {"flood", "flooding", "storm", "earthquake", "quake", "tremor", "aftershock",
                  "hurricane", "cyclone", "typhoon", "tornado", "tsunami", "landslide",
                  "mudslide", "avalanche", "drought", "wildfire", "blizzard", "monsoon",
                  "rain", "rainfall", "downpour", "snow", "snowstorm", "heatwave", "lightning",
                  "eruption", "volcano", "wave", "wind", "gale", "epidemic", "outbreak",
                  "disease", "famine", "weather", "cholera", "typhoid", "malaria", "measles",
                  "ebola", "influenza", "flu", "dysentery", "hunger", "starvation"}
# Verbs a blaze is the subject of: "a fire raged at the depot" is a fire, not gunfire.
BLAZE_VERBS = {"rage", "burn", "spread", "engulf", "sweep", "gut", "blaze", "smoulder",
               "smolder", "break", "consume",
               "raged", "raging", "rages"}  # the tagger may lemmatise "raged" as "rag"
# Phrasal verbs of subsiding: "the fighting died down" ends it; nobody died.
SUBSIDING = {"die down", "die away", "die out", "calm down", "quiet down", "quieten down",
             "peter out", "fizzle out", "wind down", "simmer down", "tail off"}
# What is fired, launched or dropped: the weapon, never the one it hits ("fired rockets
# into the town", "a depot hit by a rocket").
MUNITIONS = {"rocket", "missile", "shell", "mortar", "bullet", "round", "grenade", "bomb",
             "projectile", "munition", "ammunition", "salvo", "volley", "shot", "barrage",
             "explosive", "ordnance", "flare", "gun", "rifle", "weapon"}
# Verbs of a market report, when a price or a share is their measure: "crude fell $2.87 to
# settle at $109.92, pulling back", "stocks rallied 3%". Prices agree, retreat and rally
# with no one.
PRICE_MOVES = {"settle", "pull", "retreat", "rally", "recover", "climb", "fall", "drop", "rise",
               "slip", "ease", "firm", "advance", "gain", "lose", "jump", "surge", "tumble",
               "plunge", "rebound", "slide", "dip", "soar", "close", "end", "finish", "trade",
               "edge", "sink", "spike", "slump", "fetch", "cost"}
