"""Event triggers: the verbs and nouns that name an act, and their CAMEO/PLOVER codes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from chronicle.extract import lexicon as lex
from chronicle.extract.actors import resolve as resolve_actor
from chronicle.extract.events.parse import _Candidate, _infinitive, _particle, _verb_in

NAMED = {"GPE", "NORP", "ORG", "PERSON"}


def _verb_trigger(token: Token) -> tuple[str, str] | None:
    lemma = token.lemma_.lower()
    particle = _particle(token)
    if particle and f"{lemma} {particle}" in lex.VERBS:
        return lex.VERBS[f"{lemma} {particle}"]
    if lemma == "call":
        if particle in {"for", "on", "upon"}:
            return ("REQUEST", "")
        if not any(c.dep_ == "dobj" or c.lower_ in {"phone", "telephone"}
                   for c in token.children):
            return None
        if any(c.dep_ == "oprd" or c.text in QUOTE_MARKS or
               (c.dep_ == "dobj" and not _callable(c)) for c in token.children):
            # "called the attack a crime", "called the campaign 'over the top'", "called a
            # day of mourning": naming or proclaiming, not phoning someone
            return None
    if lemma == "strike":
        if any(c.lower_ in {"strike"} for c in token.children) or particle == "on":
            return ("PROTEST", "strike-gen")
        return ("ASSAULT", "heavy-weapons")
    if lemma in {"speak", "talk"} and any(
            c.lower_ in {"phone", "telephone"} for c in token.subtree):
        return ("CONSULT", "phone")
    if lemma == "speak" and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return ("CONSULT", "")
    if lemma == "protest" and particle == "to":
        return ("ACCUSE", "")
    if lemma in lex.VERBAL_ATTACK_VERBS and lex.attack_sense(token) == "verbal":
        return ("ACCUSE", "")  # "attacked Clinton over her emails" criticises
    return lex.VERBS.get(lemma)


CAMEO_TABLE = Path(__file__).parent.parent / "data" / "cameo_verbs.tsv"


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str, str], tuple[str, str]]:
    """(verb, prep, object) → (type, mode), derived from the PETRARCH-2 CAMEO verb
    dictionary by ``bench/build_event_lexicon.py``. A verb alone is kept only where the
    dictionary codes that verb itself (not a synonym inheriting its block's code) and it
    is not a general, light, reporting or planning verb."""
    table: dict[tuple[str, str, str], tuple[str, str]] = {}
    governing = lex.GENERIC_VERBS | lex.LIGHT_VERBS | lex.REPORT_VERBS | lex.PLAN_VERBS | \
        lex.INTENT_VERBS
    if not CAMEO_TABLE.exists():
        return table
    for line in CAMEO_TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "verb\t")):
            continue
        verb, prep, obj, kind, mode, _code, _votes, share, basis = line.split("\t")
        if not (prep or obj) and (basis == "synonym" or verb in governing):
            continue
        if float(share) < 0.5:
            continue  # the dictionary's patterns disagree
        table[(verb, prep, obj)] = (kind, mode)
    return table


# People one phones by their office: "called his counterpart".
OFFICES = {"counterpart", "president", "minister", "leader", "king", "chancellor", "premier",
           "envoy", "secretary", "ambassador", "governor", "mayor", "chief", "head"}


def _callable(noun: Token) -> bool:
    return noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or noun.pos_ in {"PRON",
                                                                             "PROPN"} or \
        noun.lemma_.lower() in OFFICES


def _cameo_lookup(token: Token, alone: bool = True) -> tuple[str, str] | None:
    """The derived CAMEO reading of a verb: with its object, with a preposition and its
    object, else (``alone``, and not a general verb) the verb's own default."""
    table = cameo_table()
    lemma = token.lemma_.lower()
    particle = _particle(token)
    verbs = [f"{lemma} {particle}", lemma] if particle else [lemma]
    light = lemma in lex.LIGHT_VERBS
    for verb in verbs:
        for child in token.children:
            if child.dep_ not in {"dobj", "nsubjpass"}:
                continue
            mods = [c for c in child.lefts if c.dep_ in {"amod", "compound"}]
            if light and _noun_trigger(child) is None and any(map(_noun_trigger, mods)):
                continue  # "launched a mediation effort": the modifier names the event
            for word in _object_words(child):
                if (verb, "", word) in table:
                    return table[(verb, "", word)]
        for child in token.children:
            if child.dep_ not in {"prep", "prt"}:
                continue
            prep = child.lower_
            for grand in child.children:
                if grand.dep_ == "pobj":
                    for word in _object_words(grand):
                        if (verb, prep, word) in table:
                            return table[(verb, prep, word)]
            if (verb, prep, "") in table and verb != f"{lemma} {prep}":
                return table[(verb, prep, "")]
        if alone and (verb, "", "") in table:
            return table[(verb, "", "")]
    return None


def _object_words(noun: Token) -> list[str]:
    """Keys for an object noun, most specific first: "natural causes", "causes", "cause"."""
    mods = [c for c in noun.lefts if c.dep_ in {"amod", "compound"}][-1:]
    heads = list(dict.fromkeys((noun.lower_, noun.lemma_.lower())))
    return [f"{m.lower_} {h}" for m in mods for h in heads] + heads


def _cameo_trigger(token: Token, alone: bool = True) -> tuple[str, str] | None:
    """The derived reading of a verb, None where the dictionary says it is no event."""
    hit = _cameo_lookup(token, alone)
    return None if hit is None or hit[0] == "NONE" else hit


def _noun_trigger(token: Token) -> tuple[str, str] | None:
    lemma = token.lemma_.lower()
    left = [c.lower_ for c in token.lefts]
    if lemma == "strike":
        if {"hunger"} & set(left):
            return ("PROTEST", "strike-hun")
        if {"general", "labor", "labour", "workers", "national"} & set(left) or \
                (token.head.lemma_ in {"go", "be"} and token.dep_ == "pobj"):
            return ("PROTEST", "strike-gen")
        if {"drone", "air", "missile", "rocket", "military"} & set(left):
            return ("ASSAULT", "heavy-weapons")
        return ("ASSAULT", "")
    if lemma == "call":
        if any(c.dep_ == "prep" and c.lower_ in {"for", "on"} for c in token.children):
            return ("REQUEST", "")
        if "phone" in left or "telephone" in left:
            return ("CONSULT", "phone")
        return None
    if _press_event(token):
        return None  # "told a news conference": where words were said, not talks
    if lemma == "game" and "war" in left:  # "war games": military exercises
        return lex.NOUNS["exercise"]
    if lemma == "law" and "martial" in left:
        return ("COERCE", "martial-law")
    if lemma in {"bombing", "attack"} and "suicide" in left:
        return ("ASSAULT", "suicide-attack")
    return lex.NOUNS.get(lemma) or lex.NOUNS.get(token.lower_)


def _press_event(noun: Token) -> bool:
    """A news conference or a press briefing: words said to reporters, not talks."""
    return noun.lemma_.lower() in {"conference", "briefing"} and \
        bool({"news", "press"} & {c.lower_ for c in noun.lefts})


def _with_object(token: Token, hit: tuple[str, str]) -> tuple[str, str]:
    """Verbs whose object decides the type: "cancel a visit" reduces relations (SANCTION),
    "cancel the curfew" eases a restriction (CONCEDE), "grant asylum" is AID."""
    lemma = token.lemma_.lower()
    particle = _particle(token)
    if particle:
        phrasal = f"{lemma} {particle}"
        if phrasal in lex.REDUCE_VERBS or any(v == phrasal for v, _ in lex.VERB_OBJECT):
            lemma = phrasal
    for child in token.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        # The object's head, then what it is made of: "mediation efforts", "a mission of
        # observers".
        nouns = [child, *(c for c in child.lefts if c.dep_ == "compound")]
        nouns += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
        for node in nouns:
            for noun in dict.fromkeys((node.lemma_.lower(), node.lower_)):
                if (lemma, noun) in lex.VERB_OBJECT:
                    return lex.VERB_OBJECT[(lemma, noun)]
                kind = lex.NOUNS.get(noun, ("", ""))[0]
                if lemma in lex.REDUCE_VERBS:
                    if kind in lex.COOPERATIVE:
                        return ("SANCTION", "")
                    if (kind == "ASSAULT" and noun not in lex.GENERAL_VIOLENCE) or \
                            noun in lex.MILITARY_RESTRAINTS:
                        # "lifted the blockade", "halted the offensive": a military
                        # de-escalation (CAMEO 087), not a political concession
                        return ("RETREAT", "")
                    if kind in {"COERCE", "SANCTION", "PROTEST"}:
                        return ("CONCEDE", "")
                if lemma in lex.BAR_VERBS and kind in lex.COOPERATIVE and node is child:
                    return ("SANCTION", "")
    return hit


def _demanded(token: Token) -> bool:
    """"X said Y must act": a verb with "must" or "should" under a report verb, or under
    a noun of saying ("issued a reminder to Iraq that it must cooperate")."""
    if not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in token.children):
        return False
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ == "acl" and head.lemma_.lower() in SAYING_NOUNS and \
            head.dep_ in {"dobj", "nsubjpass"}:
        return True
    return token.dep_ == "ccomp" and head.lemma_.lower() in lex.DEMAND_FRAMES


# Nouns of saying whose "that" clause says what was said: "a reminder that X must act".
SAYING_NOUNS = {"reminder", "warning", "statement", "message", "demand", "appeal",
                "insistence", "declaration", "note", "letter", "ultimatum", "call"}


def _infinitive_complement(token: Token) -> bool:
    return any(c.dep_ == "xcomp" and _infinitive(c) for c in token.children) and \
        not any(c.dep_ in {"dobj", "dative"} for c in token.children)


def _failed_to_cooperate(token: Token) -> bool:
    """"failed to reach agreement": a failure to cooperate is a rejection (PLOVER);
    a failure to do anything else is nothing done."""
    for clause in token.children:
        if clause.dep_ != "xcomp":
            continue
        hits = [_verb_trigger(clause), _cameo_trigger(clause),
                *(_noun_trigger(c) for c in clause.children if c.dep_ == "dobj")]
        if any(h is not None and h[0] in PLEDGEABLE for h in hits):
            return True
    return False


def _speakers_own(token: Token) -> bool:
    """"We must not allow it", he said: what the speakers say they must do is no request
    to anyone."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"we", "i"}
               for c in token.children)


def _held_captive(token: Token) -> bool:
    """"Were held hostage", "kept villagers as human shields": holding people as captives is
    a detention (PLOVER COERCE), though "hold" alone is no act."""
    if token.lemma_.lower() not in {"hold", "keep"}:
        return False
    roles = [c for c in token.children if c.dep_ in {"oprd", "dobj", "attr", "npadvmod"} or
             (c.dep_ == "ccomp" and c.pos_ == "NOUN")]  # the parser's "holding X hostage"
    roles += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ == "pobj"]
    return any(r.lemma_.lower() in lex.CAPTIVE_ROLES for r in roles)


def _codes_an_act(verb: Token) -> bool:
    """Whether a verb names an act of its own, alone or by its object."""
    return _verb_trigger(verb) is not None or bool(_with_object(verb, ("", ""))[0]) or \
        _cameo_trigger(verb) is not None or \
        any(c.dep_ == "dobj" and _noun_trigger(c) is not None for c in verb.children)


def _ordered_to(token: Token) -> bool:
    """"A judge ordered the minister to appear": a command to a party (named, or by office)
    to do what is no act of its own is a demand (REQUEST); an order to do an act ("ordered
    troops to withdraw") is coded as that act, and one to "her" or "staff" is no politics."""
    if token.lemma_.lower() not in lex.ORDER_VERBS or not any(
            c.dep_ == "dobj" and (c.ent_type_ in NAMED or c.pos_ == "PROPN" or
                                  c.lemma_.lower() in OFFICES) for c in token.children):
        return False
    done = [c for c in token.children if c.dep_ == "xcomp" and _infinitive(c)]
    return bool(done) and not any(_codes_an_act(c) for c in done)


def _summoned_to(token: Token) -> bool:
    """"Summoned the ambassador to complain": the summons is how the complaint was made;
    the act it was made for is the event."""
    return token.lemma_.lower() == "summon" and any(
        c.dep_ in {"xcomp", "advcl"} and _infinitive(c) and _codes_an_act(c)
        for c in token.children)


def _candidates(sent: Span) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and _demanded(token) and not _speakers_own(token):
            found.append(_Candidate(token, "REQUEST", "", extra={"frame": "demand"}))
            continue
        if token.pos_ == "VERB" and _held_captive(token):
            found.append(_Candidate(token, "COERCE", "arrest"))
            continue
        if token.pos_ == "VERB" and _ordered_to(token):
            found.append(_Candidate(token, "REQUEST", ""))
            continue
        if token.pos_ == "VERB" and _summoned_to(token):
            continue
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.dep_ == "ROOT"
                                             and token.tag_.startswith("VB")):
            hit = _verb_trigger(token)
            if token.lemma_.lower() in lex.INTENT_VERBS:
                # a verb of intent with an object it does not promise: "committed a crime"
                hit = _cameo_lookup(token, alone=False) or hit
                if hit is not None and hit[0] == "NONE":
                    continue  # "committed suicide"
            if hit is None:
                hit = _with_object(token, ("", ""))
                if not hit[0]:
                    hit = _cameo_trigger(token) or ("", "")
                if not hit[0]:
                    continue
            if _formula_of_thanks(token) or _subsiding(token) or _price_move(token) or \
                    _natural_force(token, through_clauses=hit[0] == "ASSAULT") or (
                    hit[0] == "ASSAULT" and _natural_cause(token)):
                continue  # "thank you", "the fighting died down", "the quake struck"
            if token.lemma_.lower() == "warn" and not _threat_in_warning(token):
                continue  # "warned that the task is immense": a forecast, not a threat
            if token.lemma_.lower() == "pull" and hit[0] == "RETREAT" and \
                    not _pulled_back(token):
                continue  # "pulled ten people from the rubble": a rescue, not a retreat
            if token.lemma_.lower() in FAILING:
                if _failed_to_cooperate(token):  # "failed to reach agreement"
                    found.append(_Candidate(token, "REJECT", ""))
                continue
            if token.lemma_.lower() in {"make", "take", "reiterate", "repeat", "restate"} | \
                    PERCEPTION_VERBS | OPINION_VERBS:
                continue  # "heard shelling", "suggests the Russians are": no act on anyone
            if token.lemma_.lower() == "help" and any(c.dep_ in {"xcomp", "ccomp"}
                                                      for c in token.children):
                continue  # "to help prevent escalation": the help is what it helps do
            if token.lemma_.lower() in ATTEMPT_VERBS and _infinitive_complement(token):
                continue  # "seeking to topple Assad": an attempt, coded as what it attempts
            if any(c.dep_ == "dobj" and _press_event(c) for c in token.children):
                continue  # "held a news conference"
            if token.lemma_.lower() in PUBLISHING and any(
                    w.lemma_.lower() in PUBLISHED for c in token.children if c.dep_ == "dobj"
                    for w in (c, *(m for m in c.lefts if m.dep_ in {"nmod", "compound"}))):
                continue  # "released a video": a publication, not a release of prisoners
            hit = _with_object(token, hit)
            if token.lemma_.lower() in lex.LIGHT_VERBS and \
                    hit == lex.VERBS.get(token.lemma_.lower()):
                # "imposed sanctions", "imposed a curfew": the noun names the event
                carried = [_noun_trigger(c) for c in token.children if c.dep_ == "dobj"]
                hit = next((c for c in carried if c), hit)
            found.append(_Candidate(token, *hit))
        elif token.pos_ in {"NOUN", "PROPN"}:
            hit = _noun_trigger(token)
            if hit is None:
                continue
            if _natural_force(token) or _blaze(token):
                continue  # "the storm's destruction", "a fire raged": nature, not an attack
            head = token.head
            carried = _verb_in(head, lex.LIGHT_VERBS | CARRIERS) and \
                token.dep_ in {"dobj", "nsubj", "nsubjpass"}
            if head.pos_ == "VERB" and not carried and (
                    _verb_trigger(head) is not None or _with_object(head, ("", ""))[0]
                    or _cameo_trigger(head)):
                continue  # the verb already codes it: "condemned the attack" is ACCUSE
            found.append(_Candidate(token, *hit, noun=True))
    return found
PLEDGEABLE = lex.COOPERATIVE | {"CONCEDE", "RETREAT"}


def _formula_of_thanks(token: Token) -> bool:
    """"Thank you", "thank God": a courtesy or an exclamation, with no subject, not praise."""
    return token.lemma_.lower() == "thank" and \
        not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children) and \
        any(c.dep_ == "dobj" and c.lower_ in {"you", "god", "goodness", "heaven", "heavens"}
            for c in token.children)


def _price_move(token: Token) -> bool:
    """"Crude fell $2.87 to settle at $109.92, pulling back": a verb of a market report
    measured in money or a share, on its own or on the verb whose subject it shares."""
    if token.lemma_.lower() not in lex.PRICE_MOVES:
        return False
    verbs = [token]
    if token.dep_ in {"xcomp", "advcl", "conj"} and token.head.i != token.i and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        verbs.append(token.head)
    for verb in verbs:
        measures = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod", "advmod"}]
        measures += [g for c in verb.children if c.dep_ == "prep" and
                     c.lower_ in {"at", "to", "by", "from"} for g in c.children]
        if any(w.ent_type_ in {"MONEY", "PERCENT"} for m in measures for w in m.subtree):
            return True
    return False


def _subsiding(token: Token) -> bool:
    """"The fighting died down": an end of something, not a death."""
    return f"{token.lemma_.lower()} {_particle(token)}" in lex.SUBSIDING


def _natural_force(token: Token, through_clauses: bool = True) -> bool:
    """The act's doer is a force of nature: its subject ("floods destroyed homes", "the
    quake struck on Tuesday"), its "by" agent ("homes destroyed by floods"), for a noun its
    possessor, or the noun its relative clause tells of. With ``through_clauses``, a
    participle or conjunct with no subject of its own takes the doer of the clause it hangs
    from."""
    doers = [c for c in token.children if c.dep_ in {"nsubj", "poss"}]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if token.dep_ in {"relcl", "acl"}:
        doers.append(token.head)  # "the storm that hit the coast", "the quake, ..., struck"
    if through_clauses and not doers and token.dep_ in {"advcl", "conj", "xcomp"} and \
            token.head.i != token.i:
        return _natural_force(token.head)  # "the quake hit villages, killing 30"
    return any(d.lemma_.lower() in lex.NATURAL_FORCES for d in doers)


WITHDRAWING_PARTICLES = {"out", "back", "away", "off"}
# What a party pulls from somewhere when it withdraws: its own people and arms.
WITHDRAWN = {"troop", "troops", "force", "forces", "soldier", "soldiers", "unit", "units",
             "army", "personnel", "tank", "tanks", "ship", "ships", "warship", "warships",
             "ambassador", "envoy", "diplomat", "diplomats", "staff", "observer", "observers",
             "monitor", "monitors", "mission", "delegation", "contingent", "peacekeeper",
             "peacekeepers", "support", "funding", "candidate", "bid"}


def _pulled_back(pull: Token) -> bool:
    """"Pull" withdraws when it has a particle that says so ("pulled out of the talks",
    "pulled back") or what is pulled is the doer's own people, arms or backing ("pulled its
    troops from the town"); "pulled survivors from the rubble" is a rescue."""
    return _particle(pull) in WITHDRAWING_PARTICLES or any(
        (c.dep_ in {"prt", "advmod"} and c.lower_ in WITHDRAWING_PARTICLES)
        or (c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in WITHDRAWN)
        for c in pull.children)


CAUSE_PREPS = {"in", "by", "from", "of"}
DYING_VERBS = {"die", "perish", "drown"}  # their subject is who dies, not a doer


def _natural_cause(token: Token) -> bool:
    """A harm whose cause is a force of nature and whose doer is no one named: "seventeen
    staff were killed in the earthquake", "200,000 people died in the quake"."""
    if token.lemma_.lower() not in DYING_VERBS and any(
            c.dep_ in {"nsubj", "agent"} for c in token.children):
        return False
    return any(g.lemma_.lower() in lex.NATURAL_FORCES for c in token.children
               if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS
               for g in c.children if g.dep_ == "pobj")


# What a warning threatens when it is "of" it: "warned of retaliation", "of consequences".
THREATENED_THINGS = {"consequence", "consequences", "action", "response", "retaliation",
                     "reprisal", "reprisals", "measure", "measures", "force", "war"}
FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
STATES = {"be", "become", "remain", "seem", "appear", "need", "have", "take"}
PARTY_PRONOUNS = {"we", "they", "he", "she", "i", "you", "it"}


def _party_word(token: Token) -> bool:
    """A word that names a party: a pronoun for one, a named person, group or state, or a
    word for an agent ("police", "the army")."""
    if token.pos_ == "PRON":
        return token.lower_ in PARTY_PRONOUNS
    return token.ent_type_ in NAMED or resolve_actor(token.text) is not None


def _threat_in_warning(warn: Token) -> bool:
    """Whether a warning threatens an act, as a threat does: it is addressed to a party
    ("warned Israel"), names a hostile act ("warned of retaliation") or says what a party
    will do ("warned that police will no longer tolerate rallies", "warned it would strike
    back"). A warning of a danger or a task ("warned that the task is immense", "warned
    against a piecemeal approach") forecasts or advises; it threatens no one."""
    for child in warn.children:
        if child.dep_ in {"dobj", "dative"} and _party_word(child):
            return True
        if child.dep_ == "prep" and child.lower_ in {"of", "about"}:
            for thing in (g for g in child.children if g.dep_ == "pobj"):
                hit = _noun_trigger(thing)
                if thing.lemma_.lower() in THREATENED_THINGS or (
                        hit is not None and hit[0] in lex.HOSTILE):
                    return True
        if child.dep_ in {"ccomp", "xcomp"}:
            future = any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in child.children)
            subjects = [s for s in child.children if s.dep_ in {"nsubj", "nsubjpass"}]
            acting = child.lemma_.lower() not in STATES or child.dep_ == "xcomp"
            if future and acting and any(_party_word(s) or _noun_trigger(s) for s in subjects):
                return True
    return False


def _blaze(noun: Token) -> bool:
    """"A fire raged", "a fire broke out": a blaze, not gunfire."""
    return noun.lemma_.lower() == "fire" and noun.dep_ == "nsubj" and \
        (noun.head.lemma_.lower() in lex.BLAZE_VERBS or noun.head.lower_ in lex.BLAZE_VERBS)


def _event_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.ent_type_ not in NAMED and \
        _noun_trigger(token) is not None
# Verbs whose clause is a belief or a hope, not a report: "believes the blast will lead".
OPINION_VERBS = {"believe", "think", "suggest", "argue", "fear", "feel", "suspect", "doubt",
                 "wonder", "predict", "estimate", "guess", "imagine", "assume", "worry",
                 "speculate", "hope", "wish", "pray", "dream", "expect", "reckon"}
# Verbs of perceiving: "heard shelling" reports what was heard, not an act.
PERCEPTION_VERBS = {"hear", "see", "watch", "notice", "witness", "observe", "sense", "smell"}
# Verbs of trying: with an infinitive, the act tried is the event ("sought to topple").
ATTEMPT_VERBS = {"seek", "try", "attempt", "strive", "push", "press", "work", "move"}
# Verbs saying their infinitive did not happen: "failed to halt".
FAILING = {"fail", "neglect"}
QUOTE_MARKS = {'"', "“", "”", "``", "''", "‘", "’"}
# Acts of publishing whose object is a work, not a concession: "released a video".
PUBLISHING = {"release", "issue", "publish", "post", "air", "broadcast", "show", "share",
              "circulate", "distribute", "leak", "put"}
PUBLISHED = {"video", "footage", "image", "photo", "picture", "statement", "report",
             "document", "letter", "message", "recording", "tape", "figure", "detail",
             "list", "data", "audio", "book", "film", "transcript", "communique", "result",
             "finding", "poll", "survey"}
# Verbs that carry an event noun as their object, beside the light verbs: "undertook a
# mission", "renewed negotiations", "reimposed blockades".
CARRIERS = {"undertake", "renew", "organize", "organise", "complete", "reimpose", "wage",
            "perform", "step", "intensify", "escalate", "join", "attend", "stage",
            "conclude", "finish", "restart", "relaunch", "expand", "extend", "reiterate",
            "repeat", "restate", "reaffirm", "voice", "confirm", "pledge", "offer", "show",
            "signal"}
