"""Political event coding: who did what to whom, when and where, one event per happening.

``extract_events`` reads the parsed sentences of one article and codes each event mention
with a PLOVER type and mode, actor and recipient (resolved by ``chronicle.extract.actors``),
date (a time expression in the sentence, else the publication date, flagged), location
(geocoded offline), modality (asserted, denied, planned, threatened, hypothetical), the
reporting source, a confidence and the evidence offsets. ``chronicle.consolidate`` merges
mentions of the same happening across articles into one ``Event``.

The coder is rules over the dependency parse with a general trigger lexicon
(``chronicle.extract.lexicon``); nothing in it is specific to one conflict.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from chronicle.extract import cameo
from chronicle.extract import lexicon as lex
from chronicle.extract.actors import Actor, Registry, registry
from chronicle.extract.places import Place, geocode
from chronicle.model import Article, Event, EventMention, ReadArticle, Sentence, content_hash

__all__ = ["Actor", "Event", "EventMention", "extract_events"]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_PREPS = {"with", "against", "on", "to", "at", "for", "from", "into", "toward",
                "towards", "upon", "over", "in"}
RECIPIENT_PREPS = {"with", "against", "on", "to", "at", "for", "toward", "towards", "upon",
                   "into", "over", "in"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "from",
               "on", "along"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "csubj"}
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod",
                "advmod", "cc", "conj", "punct", "npadvmod"}
BODY_CODES = {"UNO", "EUR", "IGO", "NGO"}
BODY_SECTORS = {"", "UNK", "IGO", "NGO"}  # sectors that say nothing of a nation
# Verbs whose passive is a state of the subject: "Israel is opposed to ...".
STATIVE_PASSIVES = {"oppose", "commit", "determine", "dedicate", "resolve", "devote", "prepare",
                    "engage"}
NAMED = {"GPE", "NORP", "ORG", "PERSON"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PRONOUN_WORDS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}
WORD = re.compile(r"[a-z]{3,}")
STANCE_PREFIX = re.compile(r"(?:anti|pro)-$", re.IGNORECASE)


@dataclass
class _Candidate:
    trigger: Token
    event_type: str
    mode: str
    actor_token: Token | None = None
    recipient_token: Token | None = None
    noun: bool = False
    extra: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------------- triggers
def _particle(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            return child.lower_
    for child in token.children:  # "forced the agency out of the country"
        if child.dep_ in {"prep", "advmod"} and child.lower_ in {"out", "away"} and \
                child.i > token.i and any(g.lower_ == "of" for g in child.children):
            return child.lower_
    return ""


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


CAMEO_TABLE = Path(__file__).parent / "data" / "cameo_verbs.tsv"


@lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str, str], tuple[str, str]]:
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
    table = _cameo_table()
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


def _candidates(sent: Span) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and _demanded(token) and not _speakers_own(token):
            found.append(_Candidate(token, "REQUEST", "", extra={"frame": "demand"}))
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
            head = token.head
            carried = _verb_in(head, lex.LIGHT_VERBS | CARRIERS) and \
                token.dep_ in {"dobj", "nsubj", "nsubjpass"}
            if head.pos_ == "VERB" and not carried and (
                    _verb_trigger(head) is not None or _with_object(head, ("", ""))[0]
                    or _cameo_trigger(head)):
                continue  # the verb already codes it: "condemned the attack" is ACCUSE
            found.append(_Candidate(token, *hit, noun=True))
    return found


# --------------------------------------------------------------------------- participants
def _phrase(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``: its left modifiers and name."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS or child.dep_ in {"amod", "compound"}:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        joined = child.dep_ in {"compound", "flat", "appos"} or \
            (child.dep_ == "prep" and child.lower_ == "of")
        if joined and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    doc = token.doc
    while start < end and doc[start].dep_ in {"punct", "cc", "det"} and doc[start].lower_ in {
            ",", "and", "the", "a", "an", "'", '"'}:
        start += 1
    return start, end


def _subject(token: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (walking up xcomp/conj chains) and whether it is passive."""
    current: Token | None = token
    for _ in range(4):
        if current is None:
            break
        for child in current.children:
            if child.dep_ == "nsubj":
                return child, False
            if child.dep_ == "nsubjpass":
                # "was indicted and will resign": "resign" shares the subject, not the
                # passive voice
                # ... but "were approached and killed by security forces" shares both
                return child, current is token or any(c.dep_ in {"auxpass", "agent"}
                                                      for c in token.children)
        if current.dep_ in {"xcomp", "conj", "advcl", "acl", "relcl", "acomp"}:
            if current.dep_ == "acl" and current.tag_ == "VBN" and current is token and \
                    current.head.pos_ in {"NOUN", "PROPN"}:
                return current.head, True  # "children killed in the attack": the victims
            if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
                if current.head.lemma_.lower() in AIM_NOUNS:
                    # "an attempt to kill the governor": whose attempt, if said, acts;
                    # "he reiterated plans to push into Rafah": one who states his own
                    # plans has them
                    aim = current.head
                    owner = [c for c in aim.children if c.dep_ == "poss"]
                    if not owner and aim.dep_ == "dobj" and \
                            aim.head.lemma_.lower() in OWN_AIM_VERBS:
                        owner = [c for c in aim.head.children if c.dep_ == "nsubj"]
                    return (owner[0], False) if owner else (None, False)
                if current.head.lemma_.lower() in SAYING_NOUNS | PUBLISHED and \
                        current.head.dep_ == "dobj":
                    # "the union issued a statement demanding": who issued it demands
                    said = current.head.head
                    owner = [c for c in said.children if c.dep_ == "nsubj"]
                    return (owner[0], False) if owner else (None, False)
                return current.head, False
            current = current.head
        elif current.dep_ == "pcomp" and current.head.dep_ == "prep" and \
                current.head.head.pos_ in {"VERB", "AUX"}:
            current = current.head.head  # "resorted to throwing stones"
        else:
            break
    return None, False


def _by_agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"dobj", "dative"}:
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.ent_type_ not in {"DATE", "TIME"}:
                    return grand
    return None


def _preps(token: Token, preps: set[str]) -> list[Token]:
    """Objects of ``token``'s prepositions in ``preps``, in sentence order."""
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out += [g for g in child.children if g.dep_ == "pobj" and
                    g.ent_type_ not in {"DATE", "TIME"}]
    return out


def _objects(token: Token) -> list[Token]:
    """Who a verb acts on, best first: whom it stands against ("in defiance of X"),
    indirect and direct objects, then prepositions."""
    out = _stance_objects(token)
    out += [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    out += [c for c in token.children if c.dep_ == "dobj"]
    out += sorted(_preps(token, RECIPIENT_PREPS), key=_prep_rank)
    for child in token.children:  # "met one-on-one with X": the parser hangs it on the adverb
        if child.dep_ in {"npadvmod", "advmod"}:
            out += _preps(child, {"with"})
    for child in token.children:  # "give it to X": a dative preposition
        if child.dep_ == "dative" and child.pos_ == "ADP":
            out += [g for g in child.children if g.dep_ == "pobj"]
    for child in token.children:  # "agreed to provide aid to X", "will help defend X"
        if child.dep_ == "xcomp":
            out += [c for c in child.children if c.dep_ in {"dobj", "dative"}]
            out += sorted(_preps(child, RECIPIENT_PREPS), key=_prep_rank)
    for child in token.children:
        # "allowed the leader to hold a rally": the parser makes him the clause's subject
        if child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in child.children):
            out += [c for c in child.children if c.dep_ == "nsubj"]
        # "killed up to 20 civilians": the parser hangs the number on "up to"
        if child.lower_ == "up" and child.dep_ in {"prt", "prep", "advmod"}:
            out += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "xcomp":  # "ordered the newspaper to suspend publication": whom made to
        out += [c for c in token.head.children if c.dep_ == "dobj"]
    out += _stranded_objects(token)
    return out


def _stranded_objects(token: Token) -> list[Token]:
    """The object of a preposition the parser left empty, having made it the subject of
    the clause that follows: "granted asylum to [five officers] holed up in ..."."""
    out = []
    for prep in token.children:
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in RECIPIENT_PREPS and \
                not any(g.dep_ == "pobj" for g in prep.children):
            out += [s for clause in token.children if clause.dep_ in CLAUSE_DEPS
                    for s in clause.children
                    if s.dep_ in {"nsubj", "nsubjpass"} and s.left_edge.i == prep.i + 1]
    return out


def _prep_rank(pobj: Token) -> int:
    """Places ("in Gaza") are recipients only when nothing else is."""
    return 1 if pobj.head.lower_ in {"in", "at", "into"} else 0


def _participants(cand: _Candidate) -> tuple[list[Token], list[Token]]:
    """Candidate tokens for the actor and the recipient, best first."""
    token = cand.trigger
    if cand.extra.get("frame") == "demand":  # "X said Y must act": X asks Y
        # a noun of saying is said by its verb's subject ("X issued a reminder that")
        speaking = token.head if token.head.pos_ in {"VERB", "AUX"} else token.head.head
        subject, _ = _subject(speaking)
        own, _ = _subject(token)
        told = [g for c in speaking.children if c.dep_ == "dative"  # "a reminder to Iraq"
                for g in ([c] if c.pos_ != "ADP" else c.children)]
        return ([subject] if subject is not None else []), \
            ([own] if own is not None else []) + told + _objects(token)
    if cand.noun:
        actors: list[Token] = []
        recipients: list[Token] = []
        for child in token.children:
            named = child.ent_type_ in {"GPE", "NORP", "ORG"}
            if child.dep_ == "poss" or (child.dep_ in {"compound", "amod"} and named):
                actors.append(child)
        actors += _preps(token, {"by", "from"})
        # "the blockade of Serbia", "the release of X": whom the act is done to; "talks
        # with X" and the like name their party with a preposition first
        patient = _preps(token, {"of"})
        parties = sorted(_preps(token, RECIPIENT_PREPS | {"between"}), key=_prep_rank)
        recipients += parties + patient if cand.event_type in lex.COOPERATIVE else \
            patient + parties
        anchor = _anchor(token)
        if anchor is not token:  # "a mediation mission between X and Y", "a state of siege"
            recipients += sorted(_preps(anchor, RECIPIENT_PREPS | {"between"}), key=_prep_rank)
        head = anchor.head
        if (anchor.dep_ in {"dobj", "attr", "pobj"} and head.pos_ in {"VERB", "AUX"}) or \
                (anchor.dep_ == "pobj" and head.head.pos_ == "VERB"):
            verb = head if head.pos_ in {"VERB", "AUX"} else head.head
            subject, passive = _subject(verb)
            if subject is not None and not passive:
                actors.append(subject)
            if subject is not None and passive:  # "was put under investigation"
                recipients.insert(0, subject)
                actors += _state_of(cand, [token, verb])
            recipients += [c for c in verb.children if c.dep_ == "dative"]
            recipients += sorted((o for o in _preps(verb, RECIPIENT_PREPS) if o is not anchor),
                                 key=_prep_rank)
        if anchor.dep_ in {"nsubj", "nsubjpass"}:
            recipients += [o for o in _objects(anchor.head) if o is not anchor]
        return actors, recipients
    subject, passive = _subject(token)
    if token.lemma_.lower() in DYING and subject is not None:
        # "78 people died in Qubair": who died suffered the act; who did it is told, if at
        # all, by its means ("died in shelling", see _unattributed)
        return _preps(token, {"by"}), [subject]
    objects = [o for o in _objects(token) if o is not subject]
    if cand.event_type == "MOBILIZE":
        # "mobilized reservists": its own forces; only where they go may name a target
        # ("strengthened its forces in Lebanon")
        moved = [o for o in objects if o.dep_ == "dobj"]
        objects = [o for o in objects if o.dep_ != "dobj"] + \
            [g for o in moved for g in _preps(o, RECIPIENT_PREPS)]
    objects = _reorder(cand, objects)
    if passive and token.lemma_.lower() in STATIVE_PASSIVES and _by_agent(token) is None:
        passive = False
    if passive:
        agent = _by_agent(token)
        return ([agent] if agent is not None else _state_of(cand, [token])), \
            ([subject] if subject is not None else []) + objects
    return ([subject] if subject is not None else []), objects


def _anchor(token: Token) -> Token:
    """The noun a noun trigger sits in, where a verb acts on that noun: "undertook a
    mediation mission", "declared a state of siege", "launched ten days of war games"."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return token.head
    container = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and container.dep_ in {"dobj", "attr"} \
            and container.lemma_.lower() in SPELLS:
        return container
    return token


def _state_of(cand: _Candidate, heads: list[Token]) -> list[Token]:
    """Who did an arrest or an inquiry told in the passive with no agent: the state where
    it happened ("was arrested in Lebanon")."""
    if cand.event_type != "COERCE" and cand.mode != "investigate":
        return []
    return [g for head in heads for g in _preps(head, {"in"}) if g.ent_type_ == "GPE"]


def _purpose_objects(cand: _Candidate) -> list[Token]:
    """Whom an act is for when it names no one itself: the objects of its purpose clause
    ("opened fire to disperse the demonstrators", "a hunger strike to demand the
    resignation of the president")."""
    token = cand.trigger
    heads = [token, token.head] if cand.noun and token.head.pos_ in {"VERB", "AUX"} else \
        [token]
    out: list[Token] = []
    for head in heads:
        for clause in head.children:
            if clause.dep_ in {"advcl", "xcomp", "acl"} and clause.pos_ == "VERB" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                out += _objects(clause)
        out += _stance_objects(head)
    return out


def _stance_objects(head: Token) -> list[Token]:
    """"in protest against X", "in defiance of X", "in support of X": X."""
    return [o for stance in _preps(head, {"in"}) if stance.lemma_.lower() in STANCES
            for o in _preps(stance, {"against", "at", "of", "over", "with"})]


def _reorder(cand: _Candidate, objects: list[Token]) -> list[Token]:
    """Who an act is aimed at, not what it moves: "offered its troops to Lebanon" is aimed
    at Lebanon, "withdraw troops from Lebanon" at Lebanon; "demanded that the US cancel"
    asks the US."""
    token = cand.trigger
    things = [o for o in objects if o.dep_ == "dobj" and o.pos_ == "NOUN" and
              o.ent_type_ not in NAMED]
    preps = {"to", "against"} | \
        ({"from"} if cand.event_type in {"RETREAT", "SANCTION", "COERCE"} else set())
    # "provided intelligence to Macedonia": the preposition may hang on the thing given
    holders = [token, *things, *(c for t in things for c in t.conjuncts)]
    aimed = [g for h in holders for c in h.children
             if c.dep_ in {"prep", "dative"} and c.lower_ in preps
             for g in c.children if g.dep_ == "pobj"]
    if things and aimed:
        objects = aimed + [o for o in objects if o not in aimed]
    if cand.event_type == "ACCUSE":  # "complained to the UN over the raids": about whom
        about = _preps(token, {"over", "about", "against"})
        if about and _preps(token, {"to"}):
            objects = about + [o for o in objects if o not in about]
    if cand.event_type == "REQUEST":
        # "demanded that X act", "insisted on its demands that X act"
        heads = [token, *(o for o in token.children if o.dep_ == "dobj"),
                 *_preps(token, {"on", "upon"})]
        clauses = [c for head in heads for c in head.children if c.dep_ in {"ccomp", "acl"}
                   and c.lemma_.lower() not in lex.REPORT_VERBS]  # not "diplomats quoted"
        # "issued a statement demanding that X act": the demand's own clause
        clauses += [g for c in clauses if c.lemma_.lower() in lex.REQUEST_VERBS
                    for g in c.children if g.dep_ == "ccomp"]
        asked = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        named = [o for o in objects if o.dep_ in {"dobj", "dative"} and o.ent_type_ in NAMED]
        # "demanded an admission by Moscow that ...": who is to do it is asked
        doers = [g for o in objects if o.dep_ == "dobj" for g in _doers(o)]
        objects = list(dict.fromkeys([*named, *doers, *asked, *objects]))
    return objects


# ------------------------------------------------------------------------------ modality
def _ancestors(token: Token) -> list[Token]:
    chain = []
    current = token
    while current.head.i != current.i and len(chain) < 8:
        if current.dep_ not in CLAUSE_DEPS | {"dobj", "pobj", "prep", "nsubj", "nsubjpass"}:
            break
        current = current.head
        chain.append(current)
    return chain


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in {"never", "no"} and c.dep_ in {"neg", "det"})
               for c in token.children)


def _modality(cand: _Candidate) -> str:
    token = cand.trigger
    verb = token if not cand.noun else token.head
    if cand.extra.get("frame") == "demand":
        return "asserted"  # "said Y must act": the demand was made
    if _negated(token) or (cand.noun and _negated(verb) and verb.lemma_ in lex.LIGHT_VERBS):
        return "denied"
    if token.dep_ == "conj" and _negated(token.head) and not any(
            c.dep_ in SUBJECTS for c in token.children):
        return "denied"  # "has not ceased the use of, or pulled back, heavy weapons"
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in \
        lex.REPORT_VERBS | lex.DEMAND_FRAMES
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ == "would" and reported:
            return "planned"  # "said it would allow": the future of the past, an intent
        if child.dep_ == "aux" and child.lower_ in lex.HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
            return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in verb.children):
        return "planned"
    for ancestor in _ancestors(verb):
        lemma = ancestor.lemma_.lower()
        if lemma in lex.DENY_VERBS or (_negated(ancestor) and lemma in lex.REPORT_VERBS):
            return "denied"
        if lemma in lex.THREAT_VERBS:
            return "threatened"
        if lemma in lex.PLAN_VERBS or (lemma == "go" and any(
                c.dep_ == "aux" for c in ancestor.children)):
            return "planned"
        if lemma in lex.REQUEST_VERBS:
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in lex.HYPOTHETICAL_AUX
               for c in ancestor.children):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"}
               for c in ancestor.children):
            return "hypothetical"  # "if it continues to disregard the will of ..."
    return "asserted"


def _reporter(cand: _Candidate, sent: Span) -> str:
    for ancestor in _ancestors(cand.trigger):
        if ancestor.lemma_.lower() in lex.REPORT_VERBS and ancestor is not cand.trigger:
            subject, _ = _subject(ancestor)
            if subject is not None:
                start, end = _phrase(subject)
                return sent.doc[start:end].text
    for token in sent:
        if token.lower_ == "according" and token.i + 2 < len(sent.doc) and \
                sent.doc[token.i + 1].lower_ == "to":
            pobj = next((c for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                start, end = _phrase(pobj)
                return sent.doc[start:end].text
    return ""


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        if token.dep_ == "advcl":  # "struck to demand", "after a jet shot down"
            depth += 2
        elif token.head.lemma_.lower() not in lex.REPORT_VERBS:
            depth += 1
        token = token.head
    return depth


# ---------------------------------------------------------------------------- extraction
def extract_events(article: Article, doc: Doc, read: ReadArticle,
                   actors: Registry | None = None) -> list[EventMention]:
    """Event mentions in every sentence of ``read``; ``doc`` is the parse of the article."""
    reg = actors or registry()
    context = _article_countries(article.text, read, reg)
    home = _home_country(article.text, read, reg)
    mentions: list[EventMention] = []
    person: Token | None = None  # the last person named as a subject, for "he" and "she"
    for sentence in read.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        mentions.extend(_sentence_events(article, read, sentence, span, reg, context,
                                         person, home))
        person = next((t for t in reversed(span) if t.dep_ in {"nsubj", "nsubjpass"} and
                       t.ent_type_ == "PERSON"), person)
    return mentions


def _home_country(text: str, read: ReadArticle, reg: Registry) -> list[str]:
    """The one country a story is about, where it has most of the story's country mentions
    (and at least two); none for a digest of many places, where "police" or "people" with no
    country named could be anyone's: no country beats a guess."""
    counts = _country_counts(text, read, reg)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or 2 * ranked[0] <= sum(ranked):
        return []
    return [max(counts, key=lambda c: counts[c])]


def _country_counts(text: str, read: ReadArticle, reg: Registry) -> dict[str, int]:
    counts: dict[str, int] = {}
    for mention in read.mentions:
        if mention.label in {"GPE", "NORP"} and not _stance_prefixed(text, mention.start):
            country = reg.country_of(mention.text)
            if country:
                counts[country] = counts.get(country, 0) + 1
    return counts


def _article_countries(text: str, read: ReadArticle, reg: Registry) -> list[str]:
    """The countries the article names, the one it names most first (what it is about:
    unnamed "rebels" in a story of Syria and its neighbours are Syria's), then by first
    mention."""
    counts: dict[str, int] = {}
    for mention in read.mentions:
        if mention.label in {"GPE", "NORP"} and not _stance_prefixed(text, mention.start):
            country = reg.country_of(mention.text)
            if country:
                counts[country] = counts.get(country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def _sentence_events(article: Article, read: ReadArticle, sentence: Sentence, span: Span,
                     reg: Registry, context: list[str],
                     person: Token | None = None,
                     home: list[str] | None = None) -> list[EventMention]:
    out: list[EventMention] = []
    triggers: list[Token] = []  # out's triggers, in step
    seen: set[tuple[str, str, str]] = set()
    if _first_person_voice(span) or _posted(span):
        return out
    here = [*_sentence_countries(span, reg), *context]
    # unnamed actors take a country the sentence names, else the story's own country
    domestic = here if home is None else [*_sentence_countries(span, reg), *home]
    candidates = _candidates(span)
    coded = frozenset(i for c in candidates for i in (
        (c.trigger.i, c.trigger.head.i) if c.noun else (c.trigger.i,)))
    for cand in candidates:
        if _unreported(cand, span, coded):
            continue
        date, basis = _date(article, read, sentence, cand.trigger)
        actor_toks, recipient_toks = _participants(cand)
        if cand.event_type == "CONSULT":  # "talks on a pullback": a topic, not a party
            recipient_toks = [t for t in recipient_toks if t.dep_ != "pobj" or
                              t.head.lower_ not in {"on", "over", "about"}]
        actor, actor_tok = _pick(actor_toks, reg, date, cand.trigger, here, agentive=True,
                                 person=person)
        recipient, recipient_tok = _pick(recipient_toks, reg, date, cand.trigger, here,
                                         exclude=actor_tok, other=actor)
        if recipient is None:
            recipient, recipient_tok = _pick(_purpose_objects(cand), reg, date, cand.trigger,
                                             here, exclude=actor_tok)
        if actor is not None and recipient is not None and recipient.start >= 0 and \
                actor.start < recipient.end and recipient.start < actor.end:
            recipient, recipient_tok = None, None  # one phrase is not both sides
        if actor is None:
            actor, actor_tok = _unattributed(cand, actor_toks, span, recipient, reg, date,
                                             context)
        actor = _ethnic_home(actor, actor_tok, span, cand, recipient, reg, here)
        recipient = _ethnic_home(recipient, recipient_tok, span, cand, actor, reg, here)
        actor = _domestic(actor, domestic)
        if recipient is not None and not recipient.country and recipient.sector and \
                recipient.sector not in STATE_SECTORS | BODY_SECTORS and \
                cand.event_type in {"ASSAULT", "COERCE"}:
            # people (and their schools, hospitals) attacked with no nationality named are
            # where the attack was
            place = _location(span, cand, actor, recipient, reg, context)[1]
            recipient = replace(recipient, country=place.country) if place else recipient
        recipient = _domestic(recipient, domestic)
        cand.event_type, cand.mode = _recode(cand, actor)
        if cand.event_type == "CONSULT" and recipient_tok is not None and \
                _under_topic(recipient_tok, cand.trigger):
            recipient, recipient_tok = None, None  # "talks on access for civilians": a topic
        if cand.event_type == "CONSULT" and recipient is not None and \
                recipient.kind == "city":
            recipient, recipient_tok = None, None  # "talks in Geneva": where they met
        if cand.event_type == "RETREAT" and recipient_tok is not None and \
                recipient_tok.dep_ == "pobj" and recipient_tok.head.lower_ in {"in", "at"}:
            # a ceasefire or a surrender "in south Lebanon" says where, not to whom
            recipient, recipient_tok = None, None
        if recipient is None and cand.event_type in {"CONCEDE", "RETREAT", "AGREE"}:
            recipient, recipient_tok = _pick(_negotiated_with(cand.trigger), reg, date,
                                             cand.trigger, here, exclude=actor_tok)
        if recipient is None and cand.event_type == "THREATEN":
            recipient, recipient_tok = _pick(_conditioned(cand.trigger), reg, date,
                                             cand.trigger, here, exclude=actor_tok)
        actor = _sector_of_head(actor, actor_tok, cand.event_type)
        recipient = _sector_of_head(recipient, recipient_tok, "")
        if cand.event_type == "PROTEST":
            recipient = _protested(recipient, recipient_tok, span, cand, actor, reg, here)
        if recipient is None and cand.event_type in {"THREATEN", "COERCE"}:
            recipient = _under_restriction(span, cand, actor, reg, here)
        if actor is not None and recipient is not None and \
                _same_entity(actor, recipient) and not _reflexive(recipient_tok):
            recipient, recipient_tok = None, None  # no one acts on itself unless told so
        reporter = _reporter(cand, span)
        if actor_tok is not None and (actor_tok.lemma_.lower() in NEWS_STAFF or (
                actor is not None and actor.sector == "JRN" and
                actor_tok.ent_type_ == "PERSON")):  # a named journalist; not an outlet
            continue  # the outlet's correspondent reports the story, is not in it
        if actor is None and not _named(actor_toks) and \
                not (not actor_toks and not cand.noun and _main_event(cand)) and (
                recipient is None or not (cand.event_type in ONE_SIDED or
                                          (not cand.noun and _subject(cand.trigger)[1]))):
            # no party who did it, nor any who suffered it (violence, or an act told in
            # the passive: "Aristide has been accused"); a main verb whose subject the
            # parser lost is kept
            continue
        co_actors = _conjoined(actor, actor_tok, reg, date, here)
        co_recipients = _conjoined(recipient, recipient_tok, reg, date, here)
        actor = _shared_noun(actor, actor_tok, co_actors)
        recipient = _shared_noun(recipient, recipient_tok, co_recipients)
        key = (cand.event_type, actor.code if actor else "", recipient.code if recipient else "")
        if key in seen:
            continue  # "bombed and shelled the town": one happening
        seen.add(key)
        location_text, location = _location(span, cand, actor, recipient, reg, context)
        modality = _modality(cand)
        if modality == "hypothetical":
            continue  # conditionals, modals, what was asked for: not reported as done
        confidence = (0.45 if cand.noun else 0.55) + (0.2 if actor and actor.country else
                                                     0.1 if actor else 0.0)
        confidence += 0.1 if recipient else 0.0
        confidence += 0.05 if basis == "text" else 0.0
        confidence -= 0.1 if modality == "hypothetical" else 0.0
        coding = cameo.code(cand.event_type, cand.mode)
        trigger = cand.trigger
        mention_id = content_hash(article.id, str(sentence.index), str(trigger.idx),
                                  cand.event_type)
        out.append(EventMention(
            id=mention_id, article_id=article.id, sentence_index=sentence.index,
            event_type=cand.event_type, mode=cand.mode, actor=actor, recipient=recipient,
            date=date, date_basis=basis, location=location, location_text=location_text,
            modality=modality, reporter=reporter,
            confidence=round(min(confidence, 0.95), 2), trigger=trigger.text,
            trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
            start=sentence.start, end=sentence.end, text=sentence.text,
            published=article.published, source=article.source, cameo_root=coding.root,
            quad_class=coding.quad_class, goldstein=coding.goldstein,
            depth=_depth(trigger), co_actors=co_actors, co_recipients=co_recipients))
        triggers.append(trigger)
    return _shared_objects(*_merge_sentence(out, triggers))


def _shared_objects(mentions: list[EventMention], triggers: list[Token]) -> list[EventMention]:
    """Verbs joined by "and" share the object named after the last: "donated and delivered
    goods to the school" gives to the school twice. Only where the later verb has no
    subject of its own ("Israel bombed and Hamas fired at X" shares nothing). A light verb
    takes the recipient of the event noun it governs ("launched an investigation into"), a
    refusal that of the act it refuses ("rejected an invitation to meet X")."""
    at = {t.i: n for n, t in enumerate(triggers)}
    for n, (mention, trigger) in enumerate(zip(mentions, triggers, strict=True)):
        if mention.recipient is not None or trigger.pos_ != "VERB":
            continue
        done = next((mentions[at[c.i]] for c in trigger.children if c.dep_ == "dobj" and
                     c.i in at and mentions[at[c.i]].event_type == mention.event_type), None)
        if done is None and mention.event_type == "REJECT":
            # "rejected an invitation to attend a meeting of X": X is turned down
            done = next((mentions[at[a.i]] for o in trigger.children if o.dep_ == "dobj"
                         for a in o.children if a.dep_ == "acl" and a.i in at), None)
        if done is not None:  # "launched an investigation into X": the noun says into whom
            mentions[n] = replace(mention, recipient=done.recipient,
                                  co_recipients=done.co_recipients)
            continue
        if any(c.dep_ in {"dobj", "dative"} for c in trigger.children):
            continue
        for conj in trigger.conjuncts:
            other = mentions[at[conj.i]] if conj.i in at else None
            if conj.i > trigger.i and other is not None and other.recipient is not None and \
                    other.event_type == mention.event_type and \
                    not any(c.dep_ in SUBJECTS for c in conj.children):
                mentions[n] = replace(mention, recipient=other.recipient,
                                      co_recipients=other.co_recipients)
                break
    return mentions


BORDERS = {"border", "frontier", "boundary"}
# Acts coded by whom they hit or address when their doers go unnamed: "two soldiers were
# killed", "thousands marched in defiance of the authorities".
ONE_SIDED = {"ASSAULT", "COERCE", "PROTEST"}
# Nouns that measure out an event: "ten days of war games", "a state of siege".
SPELLS = {"day", "week", "month", "year", "hour", "state", "series", "wave", "round", "spate",
          "campaign", "period"}
# What an attack by no named actor is made with: "an explosive device", "a car bomb".
EXPLOSIVES = {"bomb", "device", "mine", "landmine", "explosive", "grenade", "ied",
              "booby-trap"}
# "in protest against X": nouns of a stance towards X.
STANCES = {"protest", "defiance", "support", "solidarity", "opposition"}
# Heads that count the people named after "of": "scores of refugees".
QUANTITIES = {"score", "scores", "thousand", "thousands", "hundred", "hundreds", "dozen",
              "dozens", "ten", "tens", "million", "millions", "number", "some", "batch",
              "patch", "group", "handful", "crowd", "band"}
MILITARY_KIT = {"aircraft", "warplane", "jet", "helicopter", "gunship", "tank", "warship",
                "gunboat", "drone", "bomber", "artillery", "predator", "battleship", "frigate",
                "destroyer", "submarine", "fighter"}
# Where civilians live: "demolished Palestinian homes" acts on civilians.
DWELLINGS = {"home", "house", "dwelling", "apartment", "residence", "neighbourhood",
             "neighborhood"}
TROOPS = {"troop", "soldier", "force", "unit", "reinforcement", "paratrooper", "marine",
          "tank", "warship", "battalion", "brigade", "division"}
NON_STATE_ARMED = {"REB", "INS", "UAF", "TER", "RAD"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"}
# Heads that name a people living somewhere: "the Albanian population of the province".
ETHNIC_HEADS = {"population", "minority", "community", "communities", "minorities"}
# Verbs whose subject states or holds the aims they govern: "reiterated plans to".
OWN_AIM_VERBS = {"reiterate", "announce", "unveil", "outline", "have", "repeat", "restate",
                 "confirm", "present", "approve", "adopt", "draw", "lay", "defend",
                 "reaffirm", "make", "detail"}
# Nouns of an aim whose infinitive names the act, not who does it: "an attempt to kill".
AIM_NOUNS = {"attempt", "bid", "effort", "plan", "plot", "move", "decision", "order", "call",
             "threat", "promise", "pledge", "offer", "proposal", "failure", "refusal",
             "readiness", "willingness", "determination", "intention", "ultimatum", "right"}
# Rules imposed on a whole population.
RESTRICTIONS = {"curfew", "martial law", "state of emergency", "lockdown", "emergency rule"}
# Nouns of places where people gather: "blocked roads leading to the city centre".
PLACE_NOUNS = {"city", "town", "capital", "centre", "center", "street", "road", "square",
               "village", "district", "province", "region", "downtown", "border", "bridge"}
PLEDGEABLE = lex.COOPERATIVE | {"CONCEDE", "RETREAT"}


def _intent(cand: _Candidate) -> tuple[bool, bool, bool]:
    """Whether the trigger is a stated intention ("will withdraw", "is willing to withdraw",
    "offered to mediate"), whether it hangs on a condition ("unless", "if") and whether it
    is negated ("will not accept")."""
    token = cand.trigger
    # A noun event takes the intent of the verb that acts on it: "will hold talks", "would
    # tighten the blockade".
    verb = token.head if cand.noun and (token.head.lemma_.lower() in lex.LIGHT_VERBS or (
        token.dep_ == "dobj" and token.head.pos_ == "VERB")) else token
    if cand.noun and verb is token:
        return False, False, False
    chain = [verb]
    current = verb
    for _ in range(3):
        infinitive = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if (current.dep_ not in {"xcomp", "ccomp"} and not infinitive) or \
                current.head.i == current.i:
            break
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_.lower() not in lex.REPORT_VERBS | {"be"}:
            break
        current = head
        chain.append(current)
    intent = False
    for node in chain:
        lemma = node.lemma_.lower()
        if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall", "would", "wo"}
               for c in node.children):
            intent = True
        if node is not verb and (lemma in lex.INTENT_VERBS or lemma in lex.INTENT_ADJS):
            intent = True
        if node is not verb and lemma == "be" and any(
                c.dep_ == "acomp" and c.lower_ in lex.INTENT_ADJS for c in node.children):
            intent = True
        if lemma in lex.REPORT_VERBS and node is not verb:
            break
    if not intent:
        return False, False, False
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"unless", "if"}
                                  for m in c.children)
        for node in chain for c in node.children)
    negated = any(_negated(node) for node in chain)
    return True, conditional, negated


def _people(token: Token | None, actor: Actor | None = None) -> bool:
    """A plural nationality names people, not their state: "young Algerians"; so does a
    plural name after a nation's ("Bosnian Serbs", resolved to the nation and an unknown
    word)."""
    if token is None or token.tag_ not in {"NNS", "NNPS"}:
        return False
    return token.ent_type_ == "NORP" or (actor is not None and actor.sector == "UNK" and
                                         token.tag_ == "NNPS")


def _recode(cand: _Candidate, actor: Actor | None) -> tuple[str, str]:
    """PLOVER codes intentions and some acts by what they mean: a promise to act
    cooperatively is AGREE, a stated intention to act with force is THREATEN, a refusal is
    REJECT; non-state actors blocking roads PROTEST."""
    kind, mode = cand.event_type, cand.mode
    if not cand.noun and cand.trigger.lemma_.lower() in lex.OBSTRUCT_VERBS and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in lex.PROPOSALS
            for c in cand.trigger.children):
        return "REJECT", ""  # "Russia blocked the resolution": a veto, not a coercion
    if kind == "COERCE" and cand.trigger.lemma_.lower() == "raid" and actor is not None and \
            actor.sector in NON_STATE_ARMED:
        kind = "ASSAULT"  # a raid by fighters is an attack; by police, a coercion
    if kind == "COERCE" and cand.trigger.lemma_.lower() in {"block", "blockade", "barricade"} \
            and actor is not None and (actor.sector not in STATE_SECTORS | {""} or
                                       _people(_subject(cand.trigger)[0])):
        kind, mode = "PROTEST", "obstruct"
    if cand.extra.get("frame") == "demand":
        return kind, mode
    if kind == "CONSULT" and mode == "visit" and not cand.noun:
        # Troops arriving are no visit: peacekeepers are aid, other forces a deployment.
        subject, _ = _subject(cand.trigger)
        words = {t.lemma_.lower() for t in subject.subtree} if subject is not None else set()
        if any(w.startswith("peacekeep") for w in words):
            return "AID", ""
        if subject is not None and subject.lemma_.lower() in TROOPS:
            return "MOBILIZE", "troops"
    intent, conditional, negated = _intent(cand)
    if not intent:
        return kind, mode
    if negated and kind in PLEDGEABLE | {"AGREE"}:
        return "REJECT", ""
    if negated:
        return kind, mode
    if kind in lex.HOSTILE or (conditional and kind == "RETREAT"):
        return "THREATEN", mode
    if kind in PLEDGEABLE:
        return "AGREE", ""
    return kind, mode


def _negotiated_with(trigger: Token) -> list[Token]:
    """Whom a concession is made to, when told by the talks it followed: "called off the
    strike after deliberations with the government"."""
    talks = [t for t in _preps(trigger, {"after", "following"})
             if (_noun_trigger(t) or ("", ""))[0] == "CONSULT" or
             t.lemma_.lower() in {"deliberation", "bargaining"}]
    return [party for t in talks for party in _preps(t, {"with"})]


def _conditioned(trigger: Token) -> list[Token]:
    """Who a threat is put to: the subject of its condition ("threatened to strike unless
    Israel rescinded the law", "to stop talks if the United States goes ahead")."""
    top = trigger
    for _ in range(4):  # up to the verb of threatening: "threatened [to hold a strike]"
        if top.dep_ not in {"xcomp", "dobj", "conj"} or top.head.i == top.i:
            break
        top = top.head
    out: list[Token] = []
    frontier = [top]
    while frontier:  # down the verbs it governs: "threatened to stop [...] if X"
        node = frontier.pop()
        for child in node.children:
            if child.dep_ in {"xcomp", "dobj"}:
                frontier.append(child)
            elif child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in child.children):
                out += [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return out


def _span_ents(span: Span) -> list[Span]:
    """The entities inside ``span``; spaCy's ``Span.ents`` rebuilds all the doc's each time,
    so the doc's are kept, in order, and the sentence's found by bisection."""
    cached = span.doc.user_data.get("chronicle_ents")
    if cached is None:
        ents = list(span.doc.ents)
        cached = span.doc.user_data["chronicle_ents"] = (
            [e.start for e in ents], [e.end for e in ents], ents)
    starts, ends, ents = cached
    return [ents[i] for i in range(bisect_left(starts, span.start),
                                   bisect_left(starts, span.end)) if ends[i] <= span.end]


def _sentence_countries(span: Span, reg: Registry) -> list[str]:
    out: list[str] = []
    for ent in _span_ents(span):
        if ent.label_ in {"GPE", "NORP", "LOC"} and not _after_stance(ent[0]) and \
                not _based(ent):
            country = reg.country_of(ent.text)
            if not country and ent.label_ != "NORP":  # "the Gaza Strip", "Darfur"
                place = geocode(ent.text)
                country = place.country if place is not None else ""
            if country and country not in out and country not in BODY_CODES:
                out.append(country)
    return out


def _based(ent: Span) -> bool:
    """"a UK-based group": where an organisation sits, not where the event is."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "-" and \
        doc[ent.end + 1].lower_ in {"based", "headquartered", "registered"}


def _stance_prefixed(text: str, start: int) -> bool:
    """A name after "anti-" or "pro-": "an anti-Syria journalist" need not be Syrian."""
    return STANCE_PREFIX.search(text, max(0, start - 5), start) is not None


def _after_stance(token: Token) -> bool:
    """``_stance_prefixed`` on the parse: "anti", "-", "Syria"."""
    doc, i = token.doc, token.i
    return i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ in {"anti", "pro"}


def _domestic(actor: Actor | None, countries: list[str]) -> Actor | None:
    """An actor with a sector but no country ("the president", "rebels", "police") is taken
    to belong to the first country the sentence (else the article) names."""
    if actor is None or actor.country or not countries or actor.kind in {"pronoun", "person"} or \
            actor.sector in BODY_SECTORS:
        return actor
    return replace(actor, country=countries[0])


def _sector_of_head(actor: Actor | None, token: Token | None, kind: str) -> Actor | None:
    """A nation's actor without a sector takes one from what the phrase names: warplanes,
    tanks and helicopters are its military, homes its civilians; plural people ("100
    Palestinians", "young Algerians", "the welfare of 2,000 Libyans") and people who
    protest ("thousands of Nigerians") are civilians."""
    if actor is None or token is None or not actor.country:
        return actor
    if kind and actor.kind in {"capital", "city"} and token.dep_ == "pobj" and \
            token.head.lower_ == "in":
        # the doer of "were arrested in Nairobi" is the state there, not the townspeople
        return replace(actor, sectors=("GOV",))
    if actor.kind == "capital" and token.dep_ == "pobj" and \
            token.head.lower_ not in {"by", "from"}:
        # a capital is its government as subject or object or doer ("an offer from
        # Moscow"), a place after a preposition of place ("a curfew in Algiers")
        return replace(actor, sectors=("CVL",))
    if actor.sector not in {"", "UNK"}:  # UNK: "Iraqi Kurds", a nation and an unknown noun
        return actor
    if token.lemma_.lower() in MILITARY_KIT:
        return replace(actor, sectors=("MIL",))
    if token.lemma_.lower() in DWELLINGS:
        return replace(actor, sectors=("CVL",))
    if (kind == "PROTEST" and token.tag_ in {"NNS", "NNPS"}) or _people(token, actor) or \
            _people(_of_object(token), actor):
        return replace(actor, sectors=("CVL",))
    return actor


def _protested(recipient: Actor | None, token: Token | None, span: Span, cand: _Candidate,
               actor: Actor | None, reg: Registry, countries: list[str]) -> Actor | None:
    """Protesters address a state: a protest at a place ("a rally in Lagos", "blocked roads
    in the capital") or at no one named is coded, as ICEWS and POLECAT code it, against the
    government of the country where it happens."""
    if recipient is not None:
        place = recipient.kind in {"city", "capital", "country"} or (token is not None and (
            token.ent_type_ in PLACE_LABELS or token.lemma_.lower() in PLACE_NOUNS))
        if place and recipient.country and recipient.sector in {"", "CVL"}:
            return replace(recipient, sectors=("GOV",))
        return recipient
    return _implied("government", "GOV", span, cand, actor, reg, countries)


def _implied(who: str, sector: str, span: Span, cand: _Candidate, actor: Actor | None,
             reg: Registry, countries: list[str]) -> Actor | None:
    """A recipient the sentence implies but does not name ("the government", "civilians")
    of the country the event happens in: its place's, else the first the sentence (or the
    article) names. It has no text span (``start`` -1)."""
    place = _location(span, cand, actor, None, reg, countries)[1]
    country = place.country if place is not None and place.country else \
        next(iter(countries), "")
    if not country or country in BODY_CODES:
        return None
    return Actor(text="", name=f"{who} ({country})", country=country, sectors=(sector,),
                 kind="implied")


def _shared_noun(actor: Actor | None, token: Token | None,
                 conjoined: tuple[Actor, ...]) -> Actor | None:
    """A nationality adjective joined to a noun shares the noun: "Sierra Leonean and
    Liberian refugees" are both refugees (the parser makes "Leonean" a noun of its own)."""
    if actor is None or token is None or actor.kind != "demonym" or \
            actor.sector not in {"", "UNK"} or token.tag_ in {"NNS", "NNPS"}:
        return actor
    sectors = next((c.sectors for c in conjoined if c.sector not in {"", "UNK"} and
                    any(c.start <= t.idx < c.end for t in token.conjuncts)), ())
    return replace(actor, sectors=sectors) if sectors else actor


def _under_restriction(span: Span, cand: _Candidate, actor: Actor | None, reg: Registry,
                       countries: list[str]) -> Actor | None:
    """A curfew, martial law or a state of emergency is imposed on the people of where it
    holds: "prepared to impose martial law as battles raged in Baghdad"."""
    things = [c for c in cand.trigger.children if c.dep_ == "dobj"] if not cand.noun else \
        [cand.trigger]
    if not any(" ".join(t.lower_ for t in thing.subtree).endswith(tuple(RESTRICTIONS))
               for thing in things):
        return None
    return _implied("civilians", "CVL", span, cand, actor, reg, countries)


def _valid(actor: Actor | None) -> bool:
    # a named person is an actor even where nothing says whose or what office they hold
    return actor is not None and bool(actor.country or actor.sector not in {"", "UNK"} or
                                      (actor.kind in {"named", "person"} and actor.name))


def _pick(tokens: list[Token], reg: Registry, date: str, trigger: Token,
          context: Sequence[str] = (), exclude: Token | None = None,
          agentive: bool = False, other: Actor | None = None, person: Token | None = None
          ) -> tuple[Actor | None, Token | None]:
    """The first candidate that names an actor; a pronoun takes the nearest subject above
    it; a phrase naming none ("restrictions on Palestinian lorries") yields one inside it.
    ``context``: the countries of the sentence and article, for place names; ``agentive``:
    the candidates are for the actor; ``other``: the actor already picked, whose own
    possessions (its name on its own act) are not the recipient; ``person``: the last
    person an earlier sentence named as its subject, whom "he" or "she" with no one
    before it in the sentence refers to."""
    for token in tokens:
        token = _quantified(token)
        if (exclude is not None and token.i == exclude.i) or \
                (agentive and token.lemma_.lower() in EXPLOSIVES):
            continue  # "a bomb near Kandahar killed": no one named (see _unattributed)
        if _event_noun(token) or (token.lemma_.lower() in ACT_NOUNS and
                                  token.ent_type_ not in NAMED):
            # an act, not an actor: a name that modifies it says whose act it is ("rejected
            # a US offer"), else its complements say at whom it is aimed ("official contact
            # with the US", "military aid to Chad")
            # who does it is said with "by" or "of" ("the deployment of NATO troops"); "a
            # bombing near the town" names no actor. As an object, its doer is whom the
            # event is aimed at: "demanded an admission by Moscow"
            inner_nouns = [] if agentive else _doers(token)
            inner_nouns += _named_modifiers(token)
            inner_nouns += _preps(token, {"by", "from", "of"}) if agentive else \
                _inner_nouns(token, first=INNER_DEPS - MODIFIER_DEPS)
        else:
            if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and \
                    token.head.head.pos_ in {"NOUN", "PROPN"}:
                token = token.head.head  # "a cell that was identified, which launched"
            actor = _actor(token, reg, date)
            if (actor is not None and actor.kind == "pronoun") or \
                    token.lower_ in PRONOUN_WORDS:
                found = _antecedent(trigger, token, reg, date)
                if found[0] is not None and found[1] is not None and (
                        exclude is None or found[1].i != exclude.i):
                    return found
                if person is not None and token.lower_ in {"he", "she"} and \
                        not _subject_before(token, trigger):
                    named = _actor(person, reg, date)
                    if _valid(named):
                        return named, person
                continue
            if not _party(token):
                # an act, a work or an abstraction: only a name modifying it says whose
                # ("Israel's right"); what it depicts or carries is no party
                inner_nouns = [m for m in token.lefts if m.dep_ in MODIFIER_DEPS and
                               m.ent_type_ in NAMED and m.pos_ != "PRON"]
                inner_nouns += _preps(token, {"of"})
            else:
                actor = actor if _valid(actor) else _place(token, context)
                if _valid(actor):
                    assert actor is not None
                    return _resident(_with_country(actor, token, reg, context), token,
                                     context), token
                inner_nouns = [*([] if agentive else _doers(token)), *_inner_nouns(token)]
        inner_nouns = [n for inner in inner_nouns for n in (
            [inner] if _party(inner) else  # "the US-led war": who leads it
            [m for m in inner.subtree if m.ent_type_ in NAMED and m.i < inner.i])]
        for inner in inner_nouns:
            actor = _actor(inner, reg, date)
            actor = actor if _valid(actor) or agentive else _place(inner, context)
            if _valid(actor) and actor is not None and actor.kind != "pronoun" and \
                    not _same_party(actor, other):
                return _with_country(actor, inner, reg, context), inner
    return None, None


def _subject_before(pronoun: Token, trigger: Token) -> bool:
    """Whether a person is named as a subject earlier in the pronoun's own sentence (then
    "he" is that person, or someone the sentence leaves unsaid)."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.ent_type_ == "PERSON"
               for t in trigger.sent if t.i < pronoun.i)


def _same_party(actor: Actor, other: Actor | None) -> bool:
    """Whether ``actor`` names the party ``other`` is, or its state ("the UK's support" by
    the UK's foreign secretary is his own act, not aimed at the UK)."""
    if other is None or not actor.country or actor.country != other.country:
        return False
    if actor.sector == other.sector:
        return True
    # a state named bare is its government, not its rebels: "Croatia" and "Croatian
    # extremists" are two parties
    return (not actor.sector and other.sector in STATE_SECTORS) or \
        (not other.sector and actor.sector in STATE_SECTORS)


def _resident(actor: Actor, token: Token, context: Sequence[str]) -> Actor:
    """A people is coded by where it lives: "ethnic Albanians in southern Serbia"."""
    if not _people(token, actor):
        return actor
    for pobj in _preps(token, {"in", "of"}):
        if pobj.ent_type_ in {"GPE", "LOC"}:
            start, end = _phrase(pobj)
            for name in (pobj.doc[start:end].text, pobj.text):  # "south Serbia", "Serbia"
                place = geocode(name, context)
                if place is not None and place.country:
                    return replace(actor, country=place.country)
    return actor


def _ethnic_home(actor: Actor | None, token: Token | None, span: Span, cand: _Candidate,
                 other: Actor | None, reg: Registry, countries: list[str]) -> Actor | None:
    """An ethnic group is coded by where it lives, not by the nation its name comes from:
    "ethnic Albanians" killed in Serbia are Serbia's, "the Albanian population of the
    province" is the province's country. The place is the event's, else the first other
    country the sentence (or article) names."""
    if actor is None or token is None or not actor.country or actor.country in BODY_CODES:
        return actor
    start, end = _phrase(token)
    words = {t.lower_ for t in token.doc[start:end]}
    if "ethnic" not in words and not (token.lemma_.lower() in ETHNIC_HEADS and any(
            c.ent_type_ == "NORP" for c in token.children)):
        return actor
    if any(p.ent_type_ in {"GPE", "LOC"} for p in _preps(token, {"in", "of"})):
        return actor  # "ethnic Hungarians in Slovakia": said where (see _resident)
    place = _location(span, cand, actor, other, reg, countries)[1]
    home = place.country if place is not None and place.country else ""
    if not home or home == actor.country:
        home = next((c for c in countries if c != actor.country and c not in BODY_CODES), "")
    if not home:
        return actor
    return replace(actor, country=home, sectors=actor.sectors if actor.sector not in
                   {"", "UNK"} else ("CVL",))


def _place(token: Token, context: Sequence[str]) -> Actor | None:
    """A town too small for the actor tables, as its people ("targets in Jericho"):
    geocoded among the countries of the context."""
    if token.ent_type_ not in {"GPE", "LOC"}:
        return None
    start, end = _phrase(token)
    span = token.doc[start:end]
    place = geocode(span.text, context)
    if place is None or not place.country or place.kind != "city":
        return None
    return Actor(text=span.text, name=place.name, country=place.country, sectors=("CVL",),
                 kind="city", start=span.start_char, end=span.end_char)


def _unattributed(cand: _Candidate, actor_toks: list[Token], span: Span,
                  recipient: Actor | None, reg: Registry, date: str,
                  context: list[str]) -> tuple[Actor | None, Token | None]:
    """An attack told by its means ("a roadside bombing killed", "killed by an explosive
    device", "killed in a car bomb explosion"): whose it is where a name says so ("killed
    in Israeli bombardments"), else unidentified armed forces of the country where it
    happened."""
    if cand.event_type != "ASSAULT":
        return None, None
    means = [*actor_toks, *_preps(cand.trigger, {"by", "in"})]
    token = next((t for t in means if t.lemma_.lower() in EXPLOSIVES or (
        _event_noun(t) and (_noun_trigger(t) or ("", ""))[0] == "ASSAULT")), None)
    if token is None:
        return None, None
    for name in _named_modifiers(token):
        actor = _actor(name, reg, date)
        if _valid(actor):
            return actor, name
    # where: a place inside the phrase ("a bombing near Samarra"), else the event's
    places = (geocode(t.text, context) for t in token.subtree if t.ent_type_ in
              {"GPE", "LOC", "NORP"} and t.pos_ == "PROPN")
    place = next((p for p in places if p is not None and p.country), None) or \
        _location(span, cand, None, recipient, reg, context)[1]
    if place is None or not place.country:
        return None, None
    start, end = _phrase(token)
    text = token.doc[start:end]
    return Actor(text=text.text, country=place.country, sectors=("UAF",), kind="agent",
                 start=text.start_char, end=text.end_char), token


def _event_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.ent_type_ not in NAMED and \
        _noun_trigger(token) is not None


def _named_modifiers(token: Token) -> list[Token]:
    """Names among the modifiers of ``token``, nearest first: "Iraqi President Saddam
    Hussein's [proposal]" gives Hussein, then Iraqi."""
    out: list[Token] = []
    frontier = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    while frontier:
        out += [t for t in frontier if t.ent_type_ in NAMED and t.pos_ != "PRON"
                and t.head.ent_type_ != t.ent_type_]
        frontier = [c for t in frontier for c in t.lefts if c.dep_ in MODIFIER_DEPS]
    return out


def _doers(token: Token) -> list[Token]:
    """Who does what a noun names, when said with "by": "an admission by Moscow", "crimes
    committed by Croat forces"."""
    agents = (_by_agent(clause) for clause in token.children if clause.dep_ == "acl")
    return [*_preps(token, {"by"}), *(a for a in agents if a is not None)]


def _quantified(token: Token) -> Token:
    """The people a quantity counts: "scores of refugees", "thousands of Kurds"."""
    for _ in range(2):
        pobj = _of_object(token)
        if token.lemma_.lower() not in QUANTITIES or pobj is None:
            break
        token = pobj
    return token


def _of_object(token: Token) -> Token | None:
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
INNER_DEPS = {"prep", "acl", "relcl", "amod", "compound", "poss", "pobj", "dobj", "conj",
              "appos", "nmod", "agent"}


def _inner_nouns(token: Token, first: set[str] = INNER_DEPS) -> list[Token]:
    """Noun heads inside a phrase, nearest first: objects of its prepositions, modifiers.
    ``first`` restricts the dependencies followed from ``token`` itself."""
    out: list[Token] = []
    frontier = [token]
    for _ in range(3):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in (first if node is token else INNER_DEPS):
                    nxt.append(child)
                    if child.pos_ in {"NOUN", "PROPN", "ADJ"} and child.dep_ != "relcl":
                        out.append(child)
        frontier = nxt
    return out


def _with_country(actor: Actor, token: Token, reg: Registry,
                  context: Sequence[str] = ()) -> Actor:
    """An actor without a country takes one named inside its phrase: "rebels in Darfur",
    "militias in Tripoli" (the one in a country of the ``context``)."""
    if actor.country:
        return actor
    for inner in _inner_nouns(token):
        if inner.ent_type_ in {"GPE", "NORP", "LOC"} and \
                not _after_stance(inner) and \
                inner.head.lemma_.lower() not in BORDERS:  # "on the Thai border": either side
            start, end = _phrase(inner)
            text = inner.doc[start:end].text  # the whole name: "Ivory Coast"
            place = geocode(text, context) if inner.ent_type_ != "NORP" else None
            country = place.country if place is not None else reg.country_of(text)
            if not country:  # a town the parser took for a people: "near Samarra"
                place = geocode(text, context)
                country = place.country if place is not None else ""
            if not country:
                named = reg.resolve(text)
                country = named.country if named is not None else ""
            if country:
                return replace(actor, country=country)
    return actor


def _antecedent(trigger: Token, pronoun: Token, reg: Registry,
                date: str) -> tuple[Actor | None, Token | None]:
    """What a pronoun subject stands for: the subject of a verb above it in the sentence
    ("Syria says it will withdraw")."""
    current = trigger
    for _ in range(8):
        if current.head.i == current.i:
            break
        current = current.head
        if current.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != pronoun.i and \
                    child.lower_ not in PRONOUN_WORDS and _agrees(pronoun, child):
                actor = _actor(child, reg, date)
                if _valid(actor):
                    return _with_country(actor, child, reg), child
    return None, None


def _agrees(pronoun: Token, antecedent: Token) -> bool:
    """"it" is no person ("Makdissi said it had been shot down": the plane), "he" and
    "she" are one."""
    person = antecedent.ent_type_ == "PERSON"
    if pronoun.lower_ == "it":
        return not person
    if pronoun.lower_ in {"he", "she"}:
        return person or antecedent.ent_type_ not in {"GPE", "ORG", "NORP"}
    return True


def _conjoined(actor: Actor | None, token: Token | None, reg: Registry, date: str,
               countries: list[str]) -> tuple[Actor, ...]:
    """Actors joined to ``token`` by "and": "Israel and the Palestinians", "Hungarian and
    Romanian officials". One naming no country shares the first one's ("Israeli
    helicopters and tanks"), else takes the sentence's (``countries``)."""
    if actor is None or token is None:
        return ()
    out: list[Actor] = []
    seen = {actor.code}
    joined = [c for c in token.conjuncts if c.i > token.i]
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {"NORP", "GPE"}:
            for other in child.conjuncts:
                if other.i > child.i:
                    country = reg.country_of(other.text)
                    if country and country + actor.sector not in seen:
                        seen.add(country + actor.sector)
                        out.append(replace(actor, text=other.text, country=country,
                                           start=other.idx,
                                           end=other.idx + len(other.text)))
    for other in joined:
        found = _actor(other, reg, date)
        if not _valid(found):
            continue
        assert found is not None
        found = _with_country(found, other, reg)
        if not found.country and actor.country and found.sector not in BODY_SECTORS:
            found = replace(found, country=actor.country)
        found = _domestic(found, countries) or found
        if found.code not in seen:
            seen.add(found.code)
            out.append(found)
    return tuple(out)


def _actor(token: Token | None, reg: Registry, date: str) -> Actor | None:
    if token is None:
        return None
    start, end = _phrase(token)
    # "a stronghold on the Thai border" is on either side: the phrase ends before it
    end = next((t.head.i for t in token.doc[start:end] if t.lemma_.lower() in BORDERS and
                t.dep_ == "pobj" and start < t.head.i), end)
    span = token.doc[start:end]
    actor = reg.resolve(span.text, date) or _unknown_person(token, span)
    if actor is None:
        return None
    return Actor(text=actor.text, name=actor.name, country=actor.country,
                 sectors=actor.sectors, kind=actor.kind, start=span.start_char,
                 end=span.end_char)


def _unknown_person(token: Token, span: Span) -> Actor | None:
    """A person the tables do not know is still an actor under their own name ("Mohamed
    Mursi said"), with no country or sector: none is guessed. A lone surname counts where
    the article gives the full name ("Mursi" after "Mohamed Mursi"); else a one-word
    "person" is as often a misread place."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None or ent.label_ != "PERSON" or ent.root.i != token.i or \
            any(c.dep_ == "appos" for c in token.children):
        return None  # "Kofi Annan, UN secretary-general": the appositive says who
    name = re.sub(r"[’']s$", "", ent.text).strip()
    if len(name.split()) == 1 and not any(
            e.label_ == "PERSON" and len(e) > 1 and e[-1].text == name for e in token.doc.ents):
        return None
    return Actor(text=span.text, name=name, kind="person") if name else None


def _date(article: Article, read: ReadArticle, sentence: Sentence,
          trigger: Token) -> tuple[str, str]:
    """The day a time expression of the trigger's own clause names, nearest the trigger
    (else of the clauses it is the complement of: "said on Friday that troops attacked");
    never one of another clause ("met Netanyahu since the war began on October 7"). Else
    the publication date, flagged."""
    days = [t for t in read.timexes if t.sentence_index == sentence.index and t.first_day
            and t.type in {"DATE", "TIME"} and t.granularity in {"day", "time"}]
    if not days:
        return article.published, "published"
    for tier in _clause_tiers(trigger):
        own = [t for t in days if _token_at(trigger.doc, t.start) in tier]
        if own:
            nearest = min(own, key=lambda t: abs(t.start - trigger.idx))
            return nearest.first_day or article.published, "text"
    return article.published, "published"


# Dependents that open a clause of their own, with its own time.
OWN_CLAUSES = {"advcl", "relcl", "acl", "ccomp", "csubj", "xcomp", "conj", "parataxis",
               "pcomp"}


def _clause_tiers(trigger: Token) -> list[set[int]]:
    """Token indices of the trigger's own clause, then of each clause above it that it
    completes (ccomp, xcomp, conj, a noun's verb), nearest first; a clause of its own
    (adverbial, relative) ends the climb."""
    tiers: list[set[int]] = []
    seen: set[int] = set()

    def collect(node: Token) -> set[int]:
        out: set[int] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if current.i in seen:
                continue
            seen.add(current.i)
            out.add(current.i)
            stack += [c for c in current.children if c.i not in seen and not (
                c.dep_ in OWN_CLAUSES and c.pos_ in {"VERB", "AUX"})]
        return out

    node = trigger
    tiers.append(collect(node))
    # a clause of time shares its time: "when people marched on 18 March, forces opened fire"
    tiers.append({t.i for c in (trigger if trigger.pos_ in {"VERB", "AUX"} else
                                _clause_head(trigger)).children
                  if c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and
                                               m.lower_ in {"when", "as", "while"}
                                               for m in c.children)
                  for t in c.subtree})
    for _ in range(8):
        head = node.head
        if head.i == node.i or (node.pos_ in {"VERB", "AUX"} and node.dep_ in
                                {"advcl", "relcl", "acl", "csubj", "parataxis"} and
                                not _participial(node)):
            break
        tiers.append(collect(head))
        node = head
    return tiers


def _participial(node: Token) -> bool:
    """"struck the market on Friday, killing 12": a participle adjunct with no marker of
    its own tells what the act it hangs on did, at its time."""
    return node.dep_ == "advcl" and node.tag_ in {"VBG", "VBN"} and \
        not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in node.children)


def _token_at(doc: Doc, offset: int) -> int:
    """Index of the token holding character ``offset``."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _location(span: Span, cand: _Candidate, actor: Actor | None, recipient: Actor | None,
              reg: Registry, context: list[str]) -> tuple[str, Place | None]:
    taken = [(a.start, a.end) for a in (actor, recipient) if a is not None]
    places = [e for e in _span_ents(span) if e.label_ in PLACE_LABELS and not any(
        s <= e.start_char < t for s, t in taken)]
    if not places:
        return "", None
    subtree = {t.i for t in cand.trigger.subtree} | {t.i for t in cand.trigger.head.subtree}

    def rank(ent: Span) -> tuple[int, int]:
        head = ent.root.head
        attached = head.dep_ == "prep" and head.lower_ in PLACE_PREPS and ent.root.i in subtree
        return (0 if attached else 1, abs(ent.start - cand.trigger.i))

    chosen = min(places, key=rank)
    near = [c for c in (actor.country if actor else "", recipient.country if recipient else "")
            if c]
    return chosen.text, geocode(chosen.text, [*near, *context])


# ----------------------------------------------------------------------------- eventhood
# An event is an act a clause reports as happened, planned, threatened or denied. These
# are the clauses and phrases that name an act without reporting it.
# Verbs whose infinitive is a goal, not an act: "worked to secure", "hopes to meet".
GOAL_VERBS = {"help", "aim", "need", "want", "wish", "hope", "mean", "use", "work"}
# Nouns whose infinitive is what someone intends or threatens (coded, with that modality):
# "plans to push into", "a threat to strike"; any other noun's is a goal or a right ("the
# right to defend itself", "efforts to stop the spread").
PLAN_NOUNS = {"plan", "threat", "promise", "pledge", "offer", "proposal", "decision", "order",
              "ultimatum", "vow", "intention", "readiness", "willingness", "determination",
              "agreement", "deal", "warning", "attempt", "bid", "plot"}  # and attempts
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
HOPE_VERBS = {"hope", "wish", "pray", "dream", "long", "yearn"}
# Prepositions whose event noun is a background, not a report: "amid the offensive",
# "since the invasion", "after the truce".
BACKGROUND_PREPS = {"since", "amid", "amidst", "during", "despite", "throughout", "following",
                    "after", "before", "until", "till", "unlike", "like"}
# Clauses of time that tell a background: "since the war began".
BACKGROUND_MARKS = {"since", "ever"}
# Prepositions of a topic: "talks on the ceasefire", whose objects are no party.
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Verbs of accusing: the act accused is no event of its own ("accused X of using").
ACCUSING = {"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce",
            "fault", "rebuke", "censure", "indict", "convict", "suspect", "allege", "praise",
            "thank", "commend", "congratulate", "credit", "punish", "sanction"}
# The outlet's own staff report the story; they are not its actors.
NEWS_STAFF = {"correspondent", "reporter", "editor", "presenter", "anchor", "columnist",
              "commentator", "stringer", "producer"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
QUOTE_MARKS = {'"', "“", "”", "``", "''", "‘", "’"}
# Heads that name acts, never a party: like event nouns, their complements say at whom
# they are aimed ("deliveries to Afghanistan"), their modifiers whose they are ("the
# diplomat's sixth swing", "humanitarian pauses").
ACT_NOUNS = {"swing", "tour", "pause", "access", "engagement", "operation", "effort", "step",
             "measure", "action", "move", "policy", "plan", "spread", "escalation",
             "campaign", "process", "initiative", "mission", "war", "flow", "delivery",
             "shipment", "help", "pressure", "decision", "response", "role", "involvement"}
# Heads that name works and abstractions: only a name modifying them, or the party "of"
# them, is a party ("Israel's right", "the right of Russian troops"); what they depict
# is not ("a video depicting forces").
NON_PARTIES = ACT_NOUNS | {
    "video", "footage", "image", "photo", "picture", "statement", "report", "document",
    "letter", "message", "recording", "tape", "post", "tweet", "right", "need", "situation",
    "crisis", "conflict", "issue", "matter", "question", "resolution", "law", "idea", "toll",
    "number", "figure", "account", "detail", "food", "water", "medicine", "time", "way",
    "side", "violence", "aid", "assistance", "support"}
# Acts of publishing whose object is a work, not a concession: "released a video".
PUBLISHING = {"release", "issue", "publish", "post", "air", "broadcast", "show", "share",
              "circulate", "distribute", "leak", "put"}
PUBLISHED = {"video", "footage", "image", "photo", "picture", "statement", "report",
             "document", "letter", "message", "recording", "tape", "figure", "detail",
             "list", "data", "audio", "book", "film", "transcript", "communique", "result",
             "finding", "poll", "survey"}


def _question(span: Span) -> bool:
    """A question reports nothing: "Will the army attack?"."""
    words = [t for t in span if t.text not in QUOTE_MARKS and not t.is_space]
    return bool(words) and words[-1].text == "?"


def _first_person_voice(span: Span) -> bool:
    """A writer's own voice with no one quoted ("lots of my contacts have died"): a reader's
    comment or a personal account, not a report. A quoted speaker's "I" is quoted."""
    if any(t.text in QUOTE_MARKS for t in span):
        return False
    if any(t.lemma_.lower() in lex.REPORT_VERBS and t.pos_ == "VERB" for t in span):
        return False
    return any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _posted(span: Span) -> bool:
    """A post signed with a name and a colon ("At 12:56, Name wrote: ..."): a reader's
    comment, not the outlet's report."""
    return any(t.lemma_.lower() in {"write", "post", "comment"} and t.i + 1 < span.end and
               span.doc[t.i + 1].text == ":" for t in span)


# Verbs that tell an event noun as happening: "an air strike hit", "talks began", "a
# blast was reported", "clashes left 10 dead".
OCCURRENCE_VERBS = {"happen", "occur", "erupt", "break", "hit", "strike", "kill", "wound",
                    "injure", "rock", "leave", "claim", "destroy", "damage", "target",
                    "begin", "start", "continue", "resume", "end", "report", "follow",
                    "come", "go", "take", "spread", "intensify", "escalate", "rage", "flare",
                    "kick", "get", "see", "bring", "cause", "force", "trigger", "spark",
                    "result", "fail", "collapse", "succeed", "conclude", "open", "close"}
# Verbs that carry an event noun as their object, beside the light verbs: "undertook a
# mission", "renewed negotiations", "reimposed blockades".
CARRIERS = {"undertake", "renew", "organize", "organise", "complete", "reimpose", "wage",
            "perform", "step", "intensify", "escalate", "join", "attend", "stage",
            "conclude", "finish", "restart", "relaunch", "expand", "extend", "reiterate",
            "repeat", "restate", "reaffirm", "voice", "confirm", "pledge", "offer", "show",
            "signal"}
# Verbs of coming together for an event: "returned for talks".
GATHERING = {"return", "go", "travel", "come", "converge", "arrive", "gather", "fly", "head",
             "meet", "assemble", "leave", "sit"}
# Verbs of a state an event noun names: "under investigation", "on alert", "on strike".
STATE_VERBS = {"put", "place", "remain", "be", "keep", "go", "stay", "come"}
# Verbs whose subject is the one who died.
DYING = {"die", "perish"}
# Verbs whose victims tell the event they died in: "killed in clashes".
CASUALTY_VERBS = {"kill", "die", "wound", "injure", "hurt", "perish", "arrest", "detain",
                  "displace", "flee", "destroy", "damage", "capture"}


# Nouns of a whole conflict: the dead counted "in the uprising" are a toll, not an event.
CONFLICT_NOUNS = {"uprising", "conflict", "war", "crisis", "unrest", "revolt", "revolution",
                  "insurgency", "violence", "rebellion", "crackdown", "fighting"}


def _toll(trigger: Token) -> bool:
    """"More than 9,000 people have been killed in the uprising", "since March": a count
    of the dead over a whole conflict, not one event."""
    if trigger.lemma_.lower() not in CASUALTY_VERBS:
        return False
    over = _preps(trigger, {"in", "during", "since", "throughout"})
    return any(o.lemma_.lower() in CONFLICT_NOUNS and not any(
        c.dep_ == "compound" or c.ent_type_ in PLACE_LABELS for c in o.lefts) for o in over) \
        or bool(_preps(trigger, {"since"}))


def _verb_in(token: Token, words: set[str]) -> bool:
    """Whether a verb is one of ``words``, by its lemma or, where the lemmatiser erred
    ("staged" → "stag"), by its form less its inflection."""
    if token.lemma_.lower() in words:
        return True
    form = token.lower_
    return any(form.endswith(end) and form[:-len(end)] in words
               for end in ("d", "ed", "s", "es", "ing"))


def _told_as_happening(noun: Token) -> bool:
    """Whether an event noun is told as an event (carried by a light verb, the subject of
    a verb of occurrence, what people were killed in, a headline) rather than named in
    passing: as a topic, an object of a thought, a modifier."""
    for _ in range(3):
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head  # "talks and negotiations were held"
    head = noun.head
    if noun.dep_ == "ROOT":
        return True
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and \
            _verb_in(head, lex.LIGHT_VERBS | CARRIERS):
        return True
    if noun.dep_ in {"nsubj", "nsubjpass"} and _verb_in(head, OCCURRENCE_VERBS):
        return True
    if noun.dep_ == "pobj" and head.lower_ in {"in", "during", "by"} and \
            _verb_in(head.head, CASUALTY_VERBS):
        return True
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        return True  # "was triggered by a raid", "were killed by an air strike"
    if noun.dep_ == "pobj" and head.lower_ == "for" and _verb_in(head.head, GATHERING):
        return True  # "returned to Geneva for talks", "converged for a rally"
    if noun.dep_ == "pobj" and head.lower_ in {"under", "on"} and \
            _verb_in(head.head, STATE_VERBS):
        return True  # "put under investigation", "remained on alert", "went on strike"
    # a modifier names the act of a general noun of acts ("a mediation effort", "a bombing
    # campaign"), else what its head is about ("truce violations", "ceasefire talks")
    return noun.dep_ == "compound" and head.lemma_.lower() in ACT_NOUNS and \
        _told_as_happening(head)


def _clause_head(token: Token) -> Token:
    """The verb whose clause a noun trigger sits in ("held talks on X": held)."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _unreported(cand: _Candidate, span: Span, coded: frozenset[int] = frozenset()) -> str:
    """Why the candidate names an act its sentence does not report as one (a goal, a
    topic, a background, a hope, an opinion, the act an accusation names); "" if it
    reports one. ``coded``: the tokens of the sentence's events (triggers, and the light
    verbs carrying event nouns): a purpose is no event of its own where the act it is
    the purpose of is one ("opened fire to disperse them"), and is what an act means
    where that act is none ("sent experts to investigate")."""
    if _question(span):
        return "question"
    token = cand.trigger
    if token.ent_type_ in {"DATE", "TIME"}:
        return "date"  # "in March": a month, not a march
    if cand.noun:
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in BACKGROUND_PREPS:
            return "background"
        if token.dep_ == "pobj" and head.lower_ in {"for", "of", "over"} and \
                head.head.lemma_.lower() in ACCUSING:
            return "accused"  # "blamed terrorists for the bombings": the blame is the event
        if not _told_as_happening(token):
            return "mention"  # "Russian support for Damascus means ...": named, not told
    if _toll(token):
        return "toll"
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in NON_PARTIES | PUBLISHED | {"news", "scene",
                                                                     "victim", "anniversary"}:
            return "background"  # "reports of killings", "the anniversary of the attack"
    current = _clause_head(token)
    if _infinitive(current) and any(c.dep_ == "mark" and c.lower_ == "for"
                                    for c in current.children):
        return "goal"  # "the need for all hostages to be released": wanted, not done
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        lemma = head.lemma_.lower()
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                  for c in current.children):
            return "background"
        if dep == "advcl" and _infinitive(current) and head.i in coded and lemma not in \
                lex.INTENT_VERBS | lex.PLAN_VERBS | lex.THREAT_VERBS:
            return "purpose"  # "opened fire to disperse them": what for, not what else
        if dep == "xcomp" and (_infinitive(current) or current.tag_ == "VB") and \
                _verb_in(head, GOAL_VERBS):  # "aims to sign", "to help prevent escalation"
            return "goal"
        if dep == "acl" and head.pos_ in {"NOUN", "PROPN"} and _infinitive(current) and \
                lemma not in PLAN_NOUNS:
            return "goal"  # "efforts to stop", "the right to defend itself"
        if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in {"at", "toward",
                                                                      "towards"}:
            return "goal"  # "talks aimed at ensuring"
        if dep == "pcomp" and head.lower_ in {"of", "for"} and _verb_in(head.head, ACCUSING):
            return "accused"  # "accused Hamas of using": the accusation is the event
        if dep == "xcomp" and _verb_in(head, FAILING):
            return "failed"  # "failed to halt the crackdown": nothing was done
        if dep in {"ccomp", "xcomp"} and _verb_in(head, lex.DENY_VERBS):
            return "accused"  # "denies restricting food": the denial (REJECT) is the event
        if dep in {"relcl", "acl"} and current.tag_ in {"VBZ", "VBP"} and not any(
                c.dep_ in {"aux", "auxpass"} for c in current.children):
            return "habitual"  # "Israel, which inspects all shipments": a state, not news
        if dep == "ccomp" and _verb_in(head, OPINION_VERBS) and current.i > head.i:
            return "hope" if _verb_in(head, HOPE_VERBS) else "opinion"
        if dep in {"csubj", "nsubj", "nsubjpass"} and current.tag_ == "VBG":
            return "generic"  # "pushing the government from power is unacceptable"
        if dep not in CLAUSE_DEPS | {"prep", "pobj", "dobj", "xcomp"}:
            break
        current = head
    return ""


def _under_topic(token: Token, trigger: Token) -> bool:
    """Whether ``token`` hangs on the trigger through a preposition of topic ("talks on the
    conflict and access for civilians")."""
    current = token
    for _ in range(8):
        if current.i == trigger.i or current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ in TOPIC_PREPS:
            return True
        current = current.head
    return False


def _party(token: Token) -> bool:
    """Whether the head of a phrase can name a party at all: "a video depicting forces",
    "humanitarian pauses" and "Israel's right" name an act, a work or an abstraction."""
    if token.ent_type_ in NAMED:
        return True
    if token.pos_ == "ADJ":
        return False  # "humanitarian" alone names no one
    return token.lemma_.lower() not in NON_PARTIES | PUBLISHED


def _main_event(cand: _Candidate) -> bool:
    """Whether the trigger is what its sentence reports: the main verb (or the event noun
    its main light verb carries), or that of what its main verb of saying reports."""
    verb = cand.trigger
    if cand.noun:
        if verb.dep_ not in {"dobj", "nsubj", "nsubjpass"} or \
                verb.head.lemma_.lower() not in lex.LIGHT_VERBS:
            return False
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and \
        verb.head.lemma_.lower() in lex.REPORT_VERBS


def _named(tokens: list[Token]) -> bool:
    """Whether the first candidate for the actor is a name, known to the registry or not
    ("Ethiopia", "Islamic fundamentalists"), not a pronoun or a common noun."""
    return any(head.pos_ != "PRON" and (
        (head.pos_ == "PROPN" and head.ent_type_ in NAMED | {""}) or
        any(m.ent_type_ in NAMED and m.dep_ in MODIFIER_DEPS for m in head.lefts))
        for head in tokens[:2])  # "its investigation": whose, after the pronoun


STATE_KINDS = {"country", "demonym", "capital"}


def _same_entity(actor: Actor, recipient: Actor) -> bool:
    """Whether both sides name one entity: one person or body, or one state named twice
    ("Israel" and "Israel's right"), not two parties of one country ("Nigerian
    authorities" and "members of the banned movement")."""
    if not actor.code or actor.code != recipient.code:
        return False
    if actor.name and actor.name == recipient.name:
        return True
    return actor.text.lower() == recipient.text.lower() or (
        actor.kind in STATE_KINDS and recipient.kind in STATE_KINDS)


def _reflexive(token: Token | None) -> bool:
    return token is not None and token.lower_ in {"itself", "themselves", "himself",
                                                  "herself", "ourselves", "oneself"}


def _merge_sentence(mentions: list[EventMention],
                    triggers: list[Token]) -> tuple[list[EventMention], list[Token]]:
    """One sentence is one report of an event, once: mentions of one type and modality in
    a sentence ("struck a school, killing 20") are one, the one nearest the root with the
    most named parties."""
    best: dict[tuple[str, str], int] = {}
    for n, mention in enumerate(mentions):
        key = (mention.event_type, mention.modality)
        if key not in best or _rank(mention) < _rank(mentions[best[key]]):
            best[key] = n
    keep = sorted(best.values())
    return [mentions[n] for n in keep], [triggers[n] for n in keep]


def _rank(mention: EventMention) -> tuple[int, bool, int, float]:
    parties = sum(a is not None for a in (mention.actor, mention.recipient))
    return (-parties, mention.date_basis != "text", mention.depth, -mention.confidence)

def primary(mentions: Iterable[EventMention]) -> EventMention | None:
    """The sentence's main event: nearest the root, asserted, most confident."""
    return min(mentions, key=lambda m: (m.depth, m.modality != "asserted", -m.confidence,
                                        m.trigger_start), default=None)

