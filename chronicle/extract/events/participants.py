"""Who acts and who is acted on: the actor and recipient of a trigger, resolved."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from weakref import WeakKeyDictionary

from spacy.tokens import Span, Token

from chronicle.extract import lexicon as lex
from chronicle.extract.actors import Actor, Registry
from chronicle.extract.events.parse import (
    CLAUSE_DEPS,
    _by_agent,
    _Candidate,
    _of_object,
    _phrase,
    _preps,
)
from chronicle.extract.events.places import (
    BODY_CODES,
    BORDERS,
    PLACE_LABELS,
    _after_stance,
    _border_above,
    _location,
    _span_ents,
)
from chronicle.extract.events.trigger import (
    NAMED,
    PUBLISHED,
    SAYING_NOUNS,
    _event_noun,
    _noun_trigger,
)
from chronicle.extract.identity import canonical_name
from chronicle.extract.places import geocode

RECIPIENT_PREPS = {"with", "against", "on", "to", "at", "for", "toward", "towards", "upon",
                   "into", "over", "in"}
BODY_SECTORS = {"", "UNK", "IGO", "NGO"}  # sectors that say nothing of a nation
# Verbs whose passive is a state of the subject: "Israel is opposed to ...".
STATIVE_PASSIVES = {"oppose", "commit", "determine", "dedicate", "resolve", "devote", "prepare",
                    "engage"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PRONOUN_WORDS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}


def _subject(token: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (walking up xcomp/conj chains) and whether it is passive."""
    current: Token | None = token
    for _ in range(4):
        if current is None:
            break
        for child in current.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and _bracketed_apart(child, token):
                continue  # "(Update 7:42 p.m. in Cairo) X welcomed": a dateline's words
            if child.dep_ == "nsubj":
                # "a few suspects killed or detained", "five killed in raid": a participle
                # with no auxiliary and no object is no finite verb, so what stands before
                # it is what it was done to (one joined to a past tense is a past tense
                # mistagged: "donated and delivered medicine")
                return child, current.tag_ == "VBN" and not any(
                    c.dep_ in {"aux", "auxpass", "dobj"} or
                    (c.dep_ == "conj" and c.tag_ == "VBD") for c in current.children)
            if child.dep_ == "nsubjpass":
                # "was indicted and will resign": "resign" shares the subject, not the
                # passive voice; "were approached and killed by security forces", "are
                # loaded onto jets and delivered" share both
                return child, current is token or any(
                    c.dep_ in {"auxpass", "agent"} for c in token.children) or (
                    token.tag_ == "VBN" and token.dep_ == "conj" and not any(
                        c.dep_ in {"aux", "auxpass"} for c in token.children))
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


def _objects(token: Token) -> list[Token]:
    """Who a verb acts on, best first: whom it stands against ("in defiance of X"),
    indirect and direct objects, then prepositions."""
    out = _stance_objects(token)
    out += [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    out += [c for c in token.children if c.dep_ == "dobj"]
    # a long object shifted after an "as" complement: "denounced as a crime X's crackdown"
    out += [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for o in prep.children if o.dep_ == "pobj"
            for a in o.children if a.dep_ == "appos"]
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
    """Candidate tokens for the actor and the recipient, best first: "the two leaders" are
    the two people named before them, one acting, the other acted with; two parties joined
    as the subject of a reciprocal act ("X and Y discussed ...") are its two sides."""
    actors, recipients = _parties(cand)
    cand.trigger.doc.user_data[PARTNER_KEY] = None
    if not actors:
        return actors, recipients
    pair = _named_pair(actors[0])
    if pair is not None:
        # in a reciprocal act each is the other's counterpart; else they act together
        # ("both nations supported X"), and the first named stands for both
        actors = [pair[0], *actors[1:]]
        if _reciprocal(cand):
            recipients = [pair[1], *recipients]
            cand.trigger.doc.user_data[PARTNER_KEY] = (pair[0].i, pair[1].i)
        return actors, recipients
    partner = _mutual_partner(actors[0], cand)
    if partner is not None:
        recipients = [partner, *recipients]
        cand.trigger.doc.user_data[PARTNER_KEY] = (actors[0].i, partner.i)
    return actors, recipients


# doc.user_data key: (actor token, its partner token) of the candidate ``_participants`` last
# read, so that ``_conjoined``, run on the same candidate next, does not also list the
# partner, now the recipient, among the actors.
PARTNER_KEY = "chronicle_partner"
# Acts done by two sides together: each is the other's counterpart.
RECIPROCAL_VERBS = {"discuss", "meet", "talk", "negotiate", "confer", "consult", "speak",
                    "converse"}
RECIPROCAL_NOUNS = {"talk", "talks", "meeting", "discussion", "negotiation", "conversation",
                    "call", "consultation", "summit", "dialogue"}
# Plural nouns that refer back to two parties named before: "the two leaders", "both
# ministers", and the entity label those parties carry.
PAIR_NOUNS = {"leader": "PERSON", "minister": "PERSON", "president": "PERSON",
              "diplomat": "PERSON", "man": "PERSON", "official": "PERSON",
              "counterpart": "PERSON", "secretary": "PERSON", "envoy": "PERSON",
              "country": "GPE", "nation": "GPE", "state": "GPE", "government": "GPE",
              "neighbour": "GPE", "neighbor": "GPE"}


def _named_pair(token: Token) -> tuple[Token, Token] | None:
    """The two parties "the two leaders" or "both countries" refer to: the last two
    distinct ones of the kind named before them, in the sentence or the two before it."""
    label = PAIR_NOUNS.get(token.lemma_.lower())
    words = {(c.dep_, c.lower_) for c in token.children}
    # "the two" and "both" point back; "two men were arrested" names two new ones
    if label is None or token.tag_ != "NNS" or not (
            {("nummod", "two"), ("det", "the")} <= words or
            words & {("det", "both"), ("predet", "both"), ("preconj", "both")}):
        return None
    sents = list(token.doc.sents) if token.doc.has_annotation("SENT_START") else []
    here = next((n for n, sent in enumerate(sents) if sent.start <= token.i < sent.end), 0)
    start = sents[max(0, here - 2)].start if sents else 0
    before = [e for e in token.doc.ents
              if e.end <= token.i and e.start >= start and e.label_ == label]
    # two joined by "and" are the pair ("The US and UK condemned ... Both nations"); else
    # the last two named
    roots = {e.root.i: e for e in before}
    joined = [(e.root, c) for e in before for c in e.root.conjuncts
              if c.i > e.root.i and c.i in roots]
    if joined:
        return joined[-1]
    found: list[Token] = []
    names: set[str] = set()
    for ent in reversed(before):
        name = ent[-1].lower_  # a surname: "Antony Blinken", later "Blinken"
        if name not in names:
            names.add(name)
            found.append(ent.root)
        if len(found) == 2:
            return found[1], found[0]
    return None


def _mutual_partner(subject: Token, cand: _Candidate) -> Token | None:
    """The second of two parties joined as the subject of a reciprocal act where nothing
    else names a counterpart: "X and Y discussed the crisis", "X and Y held talks"."""
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb, noun = _act_words(cand)
    if not _reciprocal(cand) or _preps(verb, {"with"}) or \
            (noun is not None and noun.lemma_.lower() in RECIPROCAL_NOUNS and
             _preps(noun, {"with", "between"})) or \
            any(c.dep_ == "dobj" and c.ent_type_ in NAMED for c in verb.children):
        return None
    return next((c for c in subject.conjuncts if c.i > subject.i), None)


def _act_words(cand: _Candidate) -> tuple[Token, Token | None]:
    """The verb of an act and the noun naming it, if any: "held talks", "discussed"."""
    token = cand.trigger
    verb = token.head if cand.noun and token.dep_ == "dobj" else token
    noun = token if cand.noun else None
    if verb.lemma_.lower() in lex.LIGHT_VERBS and noun is None:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return verb, noun


def _reciprocal(cand: _Candidate) -> bool:
    verb, noun = _act_words(cand)
    return verb.lemma_.lower() in RECIPROCAL_VERBS or (
        noun is not None and noun.lemma_.lower() in RECIPROCAL_NOUNS)


def _parties(cand: _Candidate) -> tuple[list[Token], list[Token]]:
    """Candidate tokens for the actor and the recipient as the clause gives them."""
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


# Participles that name who did an act: "strikes attributed to Israel".
ASCRIBING = {"attribute", "ascribe", "blame", "credit"}


def _ascribed(token: Token) -> list[Token]:
    """Who an act is put down to: "air strikes attributed to Israel", "a bombing blamed on
    the rebels"."""
    return [g for clause in token.children if clause.dep_ == "acl" and
            clause.lemma_.lower() in ASCRIBING for g in _preps(clause, {"to", "on"})]


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
    """"in protest against X", "in defiance of X", "in support of X": X; and an act done in
    the course of a protest aimed at X ("threw stones during demonstrations against X")."""
    out = [o for stance in _preps(head, {"in"}) if stance.lemma_.lower() in STANCES
           for o in _preps(stance, {"against", "at", "of", "over", "with"})]
    out += [o for protest in _preps(head, {"during", "in", "at"})
            if protest.lemma_.lower() in PROTEST_NOUNS
            for o in _preps(protest, {"against", "over"})]
    return out


# Gatherings aimed at someone: "during demonstrations against the occupation".
PROTEST_NOUNS = {"demonstration", "protest", "rally", "march", "riot", "sit-in", "strike"}


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
        # the one asked is the request's own object, not one of the act asked for ("urged
        # the leaders to protect Syrians" asks the leaders)
        named = [o for o in objects if o.dep_ in {"dobj", "dative"} and
                 o.ent_type_ in NAMED and o.head.i == token.i]
        # "demanded an admission by Moscow that ...": who is to do it is asked
        doers = [g for o in objects if o.dep_ == "dobj" for g in _doers(o)]
        objects = list(dict.fromkeys([*named, *doers, *asked, *objects]))
    return objects


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


def _people(token: Token | None, actor: Actor | None = None) -> bool:
    """A plural nationality names people, not their state: "young Algerians"; so does a
    plural name after a nation's ("Bosnian Serbs", resolved to the nation and an unknown
    word)."""
    if token is None or token.tag_ not in {"NNS", "NNPS"}:
        return False
    return token.ent_type_ == "NORP" or (actor is not None and actor.sector == "UNK" and
                                         token.tag_ == "NNPS")


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


def _domestic(actor: Actor | None, countries: list[str]) -> Actor | None:
    """An actor with a sector but no country ("the president", "rebels", "police") is taken
    to belong to the first country the sentence (else the article) names, never to that of
    the side it acts against (see :func:`_opponent_countries`)."""
    if actor is None or actor.country or not countries or actor.kind in {"pronoun", "person"} or \
            actor.sector in BODY_SECTORS:
        return actor
    opposed = _OPPOSED.get(actor, frozenset())
    if opposed == ANY_COUNTRY:
        return actor
    country = next((c for c in countries if c not in opposed), "")
    return replace(actor, country=country) if country else actor


# The countries an actor picked by ``_pick`` must not take by ``_domestic``: the other side's.
# Kept beside the actor, not on it, so that no record ever carries them; weak, so that an
# actor no longer referenced leaves no entry.
_OPPOSED: WeakKeyDictionary[Actor, frozenset[str]] = WeakKeyDictionary()
# Parties one fights or acts against whose country an unnamed doer does not share: a state
# named as such (STATE_KINDS), its forces, and armed groups ("troops killed Hamas gunmen",
# "called for sanctions against Nigeria"); not civilians, dissidents or officials, whom
# their own state's police and judges arrest and investigate.
OPPONENT_SECTORS = {"MIL", "REB", "INS", "UAF", "TER", "RAD", "PRM"}
NON_STATE_SECTORS = {"REB", "INS", "UAF", "TER", "RAD"}
# Words that make unnamed forces a government's own: "government forces", "regime troops".
GOVERNMENTAL = {"government", "regime", "loyalist", "loyalists", "pro-government", "security",
                "state", "junta"}
AIMED_PREPS = {"against", "on", "upon", "at", "with", "to", "toward", "towards"}


ANY_COUNTRY = frozenset({"*"})  # _OPPOSED's mark of an actor that is no one country's
# Adjectives of a region or of the world beyond one state: "Arab states", "Western powers".
REGIONAL = {"arab", "western", "european", "african", "asian", "gulf", "latin", "nordic",
            "baltic", "balkan", "caribbean", "pacific", "scandinavian", "andean",
            "foreign", "international", "regional", "world", "global",
            "neighbouring", "neighboring", "other"}
# Heads "foreign" makes a state's own office, not an outsider: "the foreign minister".
OWN_FOREIGN = {"minister", "ministry", "secretary", "office", "service", "affair", "policy",
               "ministers", "ministries"}
# Plural heads that name several states: "states", "countries", "powers".
STATE_PLURALS = {"state", "country", "nation", "power", "ally", "neighbour", "neighbor",
                 "member", "government"}


def _many_states(token: Token) -> bool:
    """Whether a plural phrase names the parties of several states ("Arab states", "foreign
    ministers", "neighbouring countries"): ``_domestic`` gives it no one country."""
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
    if "foreign" in modifiers and token.lemma_.lower() not in OWN_FOREIGN:
        return True  # "foreign media were barred from Syria": not Syria's, nor one other's
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    regional = bool(modifiers & REGIONAL)
    return regional or token.lemma_.lower() in STATE_PLURALS - {"government", "member"}


def _unplaced(actor: Actor, token: Token, trigger: Token, reg: Registry, date: str) -> Actor:
    """An actor whose own words name no country ("troops", "Archbishop Desmond Tutu"): the
    side a source of the same kind speaks for, where the sentence says so ("according to
    the army, troops killed": the army's), and never the country of the side it acts
    against, which ``_domestic`` would otherwise give it from the sentence."""
    if actor.country or actor.sector in BODY_SECTORS or actor.kind == "pronoun":
        return actor
    start, end = _phrase(token)
    opposed = _opponent_countries(token, trigger, reg, date,
                                  insurgent=actor.sector in NON_STATE_SECTORS,
                                  governmental=any(t.lower_ in GOVERNMENTAL
                                                   for t in token.doc[start:end]),
                                  individual=actor.kind in {"named", "person"} and
                                  token.ent_type_ == "PERSON")
    source = _source(trigger, reg, date)
    if source is not None and source.country and source.country not in opposed and (
            source.sector == actor.sector or
            (actor.sector == "MIL" and source.sector in {"GOV", "MIL"})):
        return replace(actor, country=source.country)
    if opposed:
        _OPPOSED[actor] = frozenset(opposed)
    return actor


def _opponent_countries(token: Token, trigger: Token, reg: Registry, date: str,
                        insurgent: bool = False, individual: bool = False,
                        governmental: bool = False) -> set[str]:
    """Countries of the parties the act of ``trigger`` is aimed at (its objects, and those
    of the noun it names: "an attack on X"), where they are states or armed sides; an
    ``insurgent`` doer ("rebels attacked Syrian army positions") fights its own state, so
    for it only other armed groups count; a ``governmental`` one ("government forces
    killed Libyan rebels") fights its own insurgents, so for it only states count. For an
    ``individual`` ("President X welcomed South African leader Y") another individual
    named with a nation counts too: two people named on two sides of an act are not taken
    for compatriots."""
    objects = _objects(trigger) if trigger.pos_ in {"VERB", "AUX"} else [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":  # "gave a welcome to X"
        objects += [o for o in _objects(trigger.head) if o.i != trigger.i]
    # not where it happened ("arrested activists in Cairo")
    aimed = [o for o in objects if o.dep_ in {"dobj", "dative"} or
             (o.dep_ == "pobj" and o.head.lower_ in AIMED_PREPS)]
    # the act it calls for or takes part in: "called for sanctions against Nigeria"
    aimed += [g for o in objects if _event_noun(o) or o.lemma_.lower() in ACT_NOUNS
              for g in [*_preps(o, AIMED_PREPS), *_ascribed(o)]]
    out: set[str] = set()
    for target in aimed[:4]:
        if target.i == token.i or token.i in {t.i for t in target.subtree}:
            continue
        for one in (target, *target.conjuncts):
            found = _actor(_quantified(one), reg, date)
            if found is not None and found.country and found.country not in BODY_CODES and \
                    (found.sector in OPPONENT_SECTORS or found.kind in {"country", "capital"} or
                     (individual and one.ent_type_ == "PERSON")) and \
                    not (insurgent and found.sector not in NON_STATE_SECTORS) and \
                    not (governmental and found.sector in NON_STATE_SECTORS):
                out.add(found.country)
    return out


def _source(trigger: Token, reg: Registry, date: str) -> Actor | None:
    """Who the sentence says told of the act: "according to X", or the subject of a verb
    of saying above it ("X said troops killed")."""
    node = trigger
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in lex.REPORT_VERBS:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return _actor(subject, reg, date) if subject is not None else None
    for token in trigger.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
                token.doc[token.i + 1].lower_ == "to":
            pobj = next((c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"), None)
            return _actor(pobj, reg, date)
    return None


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
    if token.lemma_.lower() in MILITARY_KIT or (kind == "ASSAULT" and _arms_of(token)):
        return replace(actor, sectors=("MIL",))
    if token.lemma_.lower() in DWELLINGS:
        return replace(actor, sectors=("CVL",))
    if _nation_as_such(token):
        return actor
    if (kind == "PROTEST" and token.tag_ in {"NNS", "NNPS"}) or _people(token, actor) or \
            _people(_of_object(token), actor):
        return replace(actor, sectors=("CVL",))
    return actor


def _nation_as_such(token: Token) -> bool:
    """"The Americans left", "the Soviets occupied": a plural nationality with nothing but
    "the" before it stands for the nation as a side (its state, its forces), not for some
    of its people, as a count or a description would ("100 Palestinians", "young
    Algerians", "thousands of Nigerians")."""
    return token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"} and \
        token.dep_ != "pobj" and all(c.dep_ == "det" and c.lower_ == "the"
                                     for c in token.children) and \
        any(c.dep_ == "det" for c in token.children)


def _arms_of(token: Token) -> bool:
    """Whether a state named as a modifier owns the weapons or the attack it modifies:
    "US Predator attacks", "Israeli air strikes", "the Russian bombardment"."""
    node = token
    for _ in range(3):
        if node.dep_ not in MODIFIER_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in MILITARY_KIT or (
                _event_noun(node) and (_noun_trigger(node) or ("", ""))[0] == "ASSAULT"):
            return True
    return False


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
        if _bracketed_apart(token, trigger):
            continue  # "(Update 7:42 p.m. in Cairo) X welcomed": a dateline, no party
        if (exclude is not None and token.i == exclude.i) or \
                (agentive and token.lemma_.lower() in EXPLOSIVES):
            continue  # "a bomb near Kandahar killed": no one named (see _unattributed)
        if token.lemma_.lower() in BORDERS or _idiom_object(token):
            continue  # "on the border with Lebanon" says where; "joined forces" how
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
                if not agentive:  # "returned weapons seized from X": X, who held them
                    inner_nouns += [g for held in (token, *token.conjuncts)
                                    for clause in held.children if clause.dep_ == "acl"
                                    for g in _preps(clause, {"from"})]
            else:
                actor = actor if _valid(actor) else _place(token, context)
                if _valid(actor) and _tied_to_owner(token):
                    assert actor is not None
                    _OPPOSED[actor] = ANY_COUNTRY
                    return actor, token
                if _valid(actor):
                    assert actor is not None
                    actor = _resident(_with_country(actor, token, reg, context), token,
                                      context)
                    actor = _placed_there(actor, token, reg)
                    _OPPOSED.pop(actor, None)  # what an equal actor of another act was told
                    if agentive:
                        actor = _unplaced(actor, token, trigger, reg, date)
                    if not actor.country and _many_states(token):
                        _OPPOSED[actor] = ANY_COUNTRY  # "Arab states": no one country's
                    elif not actor.country and not agentive and _backed_abroad(actor, trigger,
                                                                               other):
                        assert other is not None
                        _OPPOSED[actor] = frozenset({other.country})
                    return actor, token
                inner_nouns = [*([] if agentive else _doers(token)), *_inner_nouns(token)]
        inner_nouns = [n for inner in inner_nouns for n in (
            [inner] if _party(inner) else  # "the US-led war": who leads it
            [m for m in inner.subtree if m.ent_type_ in NAMED and m.i < inner.i])]
        for inner in inner_nouns:
            if _hyphen_first(inner):
                continue  # "hostage-takers" are not hostages
            actor = _actor(inner, reg, date)
            actor = actor if _valid(actor) or agentive else _place(inner, context)
            if _valid(actor) and actor is not None and actor.kind != "pronoun" and \
                    not _same_party(actor, other):
                return _with_country(actor, inner, reg, context), inner
    return None, None


def _placed_there(actor: Actor, token: Token, reg: Registry) -> Actor:
    """"The police there", "officials there": of the place the sentence named last before."""
    if actor.country or not any(c.dep_ == "advmod" and c.lower_ == "there"
                                for c in token.children):
        return actor
    places = [e for e in _span_ents(token.sent) if e.label_ in {"GPE", "LOC"} and
              e.end <= token.i]
    country = reg.country_of(places[-1].text) if places else ""
    return replace(actor, country=country) if country else actor


# Verbs of arming and backing a side: "Saudi Arabia has been arming the opposition".
BACKING_VERBS = {"arm", "fund", "finance", "bankroll", "equip", "train", "back", "support",
                 "supply", "sponsor"}


def _backed_abroad(recipient: Actor, trigger: Token, other: Actor | None) -> bool:
    """Whether a state arms or funds an unnamed opposition or rebel force: its own it
    fights, so the one it backs is not taken for the state's, which ``_domestic`` would
    give it from the state's own name in the sentence."""
    return other is not None and bool(other.country) and other.country not in BODY_CODES and \
        (other.kind in {"country", "capital"} or other.sector in STATE_SECTORS) and \
        recipient.sector in {"OPP", "REB", "PRM", "INS"} and \
        trigger.lemma_.lower() in BACKING_VERBS


DASHES = {"-", "--", "–", "—"}


def _bracketed_apart(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is inside brackets of its sentence that do not hold ``trigger``
    (a closing bracket with no opening one before it closes what began earlier), or in a
    wire dateline before the story's first words ("ALGIERS (Reuters) - Gaddafi's forces
    used tanks": the bracket and dash close the heading) while ``trigger`` is after it."""
    sent = token.sent
    dash = next((t.i for t in sent if t.text in DASHES and t.i > sent.start and
                 t.nbor(-1).text == ")"), None)
    if dash is not None and token.i < dash < trigger.i:
        return True
    depth, regions, start = 0, [], sent.start
    for t in sent:
        if t.text == "(":
            if depth == 0:
                start = t.i
            depth += 1
        elif t.text == ")":
            regions.append((start if depth else sent.start, t.i))
            depth = max(depth - 1, 0)
    return any(a <= token.i <= b and not a <= trigger.i <= b for a, b in regions)


# Verbs and bare plural objects that make an idiom, not an act on a party.
IDIOMS = {("join", "force"), ("join", "hand"), ("combine", "force"), ("pool", "resource")}


def _idiom_object(token: Token) -> bool:
    """"Russia and China joined forces": the forces are no party acted on."""
    return token.dep_ == "dobj" and token.tag_ == "NNS" and \
        (token.head.lemma_.lower(), token.lemma_.lower()) in IDIOMS and \
        not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in token.children)


def _hyphen_first(token: Token) -> bool:
    """Whether a common noun is the first half of a hyphenated compound ("hostage-takers",
    "peace-keepers"): the compound names what its second half does."""
    doc = token.doc
    return token.ent_type_ not in NAMED and token.i + 2 < len(doc) and \
        doc[token.i + 1].tag_ == "HYPH" and doc[token.i + 1].whitespace_ == "" and \
        token.whitespace_ == "" and doc[token.i + 2].pos_ == "NOUN"


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


def _named_modifiers(token: Token) -> list[Token]:
    """Names among the modifiers of ``token``, nearest first: "Iraqi President Saddam
    Hussein's [proposal]" gives Hussein, then Iraqi."""
    out: list[Token] = []
    frontier = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    while frontier:
        # a proper noun the tagger left unnamed counts too ("US Predator attacks"): the
        # registry says whether it is a party
        out += [t for t in frontier if (t.ent_type_ in NAMED or (
                    t.pos_ == "PROPN" and not t.ent_type_ and t.head.pos_ == "NOUN"))
                and t.pos_ != "PRON" and not (t.ent_type_ and t.head.ent_type_ == t.ent_type_)]
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


def _owner_country(token: Token, reg: Registry) -> str:
    """The country a possessive gives its noun: "whose soldiers" are the country's the
    relative clause describes, "its warplanes" (or "their") in what a state says are the
    speaker's own: the subject of the verb of saying above. "" when neither is a country."""
    poss = next((c for c in token.children if c.dep_ == "poss" and
                 c.lower_ in {"its", "their", "whose"}), None)
    if poss is None:
        return ""
    owner = None
    if poss.lower_ == "whose":
        clause = token.head
        if clause.dep_ == "relcl" and clause.head.pos_ in {"PROPN", "NOUN"}:
            owner = clause.head
    else:
        current = token.head
        for _ in range(6):
            if current.lemma_.lower() in lex.REPORT_VERBS and current.i != token.head.i:
                owner = next((c for c in current.children if c.dep_ == "nsubj"), None)
                break
            if current.head.i == current.i:
                break
            current = current.head
    if owner is None or owner.lower_ in PRONOUN_WORDS:
        return ""
    found = _actor(owner, reg, "")
    return found.country if found is not None and found.kind in {"country", "named",
                                                                 "capital"} else ""


def _with_country(actor: Actor, token: Token, reg: Registry,
                  context: Sequence[str] = ()) -> Actor:
    """An actor without a country takes its owner's ("Britain said its warplanes near
    Zlitan hit", "Libya, whose soldiers"), else one named inside its phrase: "rebels in
    Darfur", "militias in Tripoli" (the one in a country of the ``context``)."""
    if actor.country:
        return actor
    if owner := _owner_country(token, reg):
        return replace(actor, country=owner)
    for inner in _inner_nouns(token):
        if inner.ent_type_ in {"GPE", "NORP", "LOC"} and \
                not _after_stance(inner) and \
                not _border_above(inner, 6, token):  # "on the Thai border": either side
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
                    child.lower_ not in PRONOUN_WORDS and _agrees(pronoun, child) and \
                    not _quoted_apart(pronoun, child):
                actor = _actor(child, reg, date)
                if _valid(actor):
                    return _with_country(actor, child, reg), child
    return None, None


def _quoted_apart(pronoun: Token, antecedent: Token) -> bool:
    """'"They attacked our forces," the minister said': in direct speech "he", "she",
    "it" and "they" are others than the speaker outside the quotation (who says "I", "we")."""
    if pronoun.lower_ not in THIRD_PERSON:
        return False
    return _quotation_of(pronoun) != _quotation_of(antecedent)


def _quotation_of(token: Token) -> int:
    """Which quotation of its sentence ``token`` is in (marks paired in order; an odd first
    mark closes a quotation begun before the sentence), -1 outside any. A quoted word
    between two names ("told him to be a 'realist'") parts no one."""
    sent = token.sent
    marks = [t.i for t in sent if t.text in QUOTATION_MARKS]
    if len(marks) % 2:
        marks.insert(0, sent.start - 1)
    for n in range(0, len(marks), 2):
        if marks[n] < token.i < marks[n + 1]:
            return n // 2
    return -1


THIRD_PERSON = {"he", "she", "it", "they"}
QUOTATION_MARKS = {'"', "“", "”", "``", "''"}


def _agrees(pronoun: Token, antecedent: Token) -> bool:
    """"it" is no person ("Makdissi said it had been shot down": the plane), "he" and
    "she" are one, and one only ("Residents said he had been executed": not them)."""
    person = antecedent.ent_type_ == "PERSON"
    plural = antecedent.tag_ in {"NNS", "NNPS"}
    if pronoun.lower_ == "it":
        return not person and not (plural and antecedent.ent_type_ != "ORG")
    if pronoun.lower_ in {"he", "she"}:
        return not plural and (person or antecedent.ent_type_ not in {"GPE", "ORG", "NORP"})
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
    partner = token.doc.user_data.get(PARTNER_KEY)
    joined = [c for c in token.conjuncts if c.i > token.i and
              (partner is None or (token.i, c.i) != partner)]
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


# Nouns that name others by their tie to a party: "Syria's allies" are not Syria.
RELATIONAL = {"neighbour", "neighbor", "ally", "partner", "enemy", "rival", "foe", "critic",
              "opponent", "adversary", "creditor", "donor", "backer", "detractor", "sponsor"}


def _tied_to_owner(token: Token) -> bool:
    """"Syria's allies", "Haiti's neighbours": others, named by their tie to the owner, of
    no one country; the owner's name is not theirs. A name of their own among the
    modifiers says who they are ("Greece's European Community partners"); "its allies"
    names no one."""
    return token.lemma_.lower() in RELATIONAL and any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in token.children) and not any(
        c.dep_ in {"compound", "amod", "nmod"} and (c.ent_type_ or c.pos_ == "PROPN")
        for c in token.children)


def _actor(token: Token | None, reg: Registry, date: str) -> Actor | None:
    if token is None:
        return None
    start, end = _phrase(token)
    # "a stronghold on the Thai border" is on either side: the phrase ends before it
    end = next((t.head.i for t in token.doc[start:end] if t.lemma_.lower() in BORDERS and
                t.dep_ == "pobj" and start < t.head.i), end)
    span = token.doc[start:end]
    if _tied_to_owner(token):
        return Actor(text=span.text, name=span.text, kind="named", start=span.start_char,
                     end=span.end_char)
    actor = reg.resolve(span.text, date) or _unknown_person(token, span)
    if actor is None:
        return None
    if actor.kind == "country" and span.text.islower():
        return None  # a country's name is capitalised: "seized cars" is no Central Africa
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
# Heads that name acts, never a party: like event nouns, their complements say at whom
# they are aimed ("deliveries to Afghanistan"), their modifiers whose they are ("the
# diplomat's sixth swing", "humanitarian pauses").
ACT_NOUNS = {"swing", "tour", "pause", "access", "engagement", "operation", "effort", "step",
             "measure", "action", "move", "policy", "plan", "spread", "escalation",
             "campaign", "process", "initiative", "mission", "war", "flow", "delivery",
             "shipment", "help", "pressure", "decision", "response", "role", "involvement",
             "suppression", "crackdown", "repression", "treatment"}
# Heads that name works and abstractions: only a name modifying them, or the party "of"
# them, is a party ("Israel's right", "the right of Russian troops"); what they depict
# is not ("a video depicting forces").
NON_PARTIES = ACT_NOUNS | {
    "video", "footage", "image", "photo", "picture", "statement", "report", "document",
    "letter", "message", "recording", "tape", "post", "tweet", "right", "need", "situation",
    "crisis", "conflict", "issue", "matter", "question", "resolution", "law", "idea", "toll",
    "number", "figure", "account", "detail", "food", "water", "medicine", "time", "way",
    "side", "violence", "aid", "assistance", "support",
    # things and qualities: "returned military equipment", "restrictions on the labour
    # market", "the fate of the offices", "the use of the Russian language"
    "equipment", "weapon", "weaponry", "ammunition", "hardware", "market", "economy", "fate",
    "feasibility", "legality", "language", "control", "use"}
# Verbs whose subject is the one who died.
DYING = {"die", "perish"}


def _party(token: Token) -> bool:
    """Whether the head of a phrase can name a party at all: "a video depicting forces",
    "humanitarian pauses" and "Israel's right" name an act, a work or an abstraction."""
    if token.ent_type_ in NAMED:
        return True
    if token.pos_ == "ADJ":
        return False  # "humanitarian" alone names no one
    return token.lemma_.lower() not in NON_PARTIES | PUBLISHED


def _named(tokens: list[Token]) -> bool:
    """Whether the first candidate for the actor is a name, known to the registry or not
    ("Ethiopia", "Islamic fundamentalists"), not a pronoun or a common noun."""
    return any(head.pos_ != "PRON" and (
        (head.pos_ == "PROPN" and head.ent_type_ in NAMED | {""}) or
        any(m.ent_type_ in NAMED and m.dep_ in MODIFIER_DEPS for m in head.lefts))
        for head in tokens[:2])  # "its investigation": whose, after the pronoun


STATE_KINDS = {"country", "demonym", "capital"}


def _own_organ(token: Token | None, recipient: Actor, actor: Actor) -> bool:
    """"Japan pushed its embassies", "Israel withdrew its troops": a party its possessive
    pronoun gives to the doer's own country is the doer's own, not another side."""
    return token is not None and bool(recipient.country) and \
        recipient.country == actor.country and recipient.kind != "named" and any(
            c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)


def _same_entity(actor: Actor, recipient: Actor) -> bool:
    """Whether both sides name one entity: one person or body, or one state named twice
    ("Israel" and "Israel's right"), not two parties of one country ("Nigerian
    authorities" and "members of the banned movement")."""
    if not actor.code or actor.code != recipient.code:
        return False
    if actor.name and actor.name == recipient.name:
        return True
    # two spellings of one actor ("IDF", "the Israeli Defence Forces", "Israeli troops") are
    # one party, named or not
    if (name := canonical_name(actor)) and name == canonical_name(recipient):
        return True
    return actor.text.lower() == recipient.text.lower() or (
        actor.kind in STATE_KINDS and recipient.kind in STATE_KINDS)


def _reflexive(token: Token | None) -> bool:
    return token is not None and token.lower_ in {"itself", "themselves", "himself",
                                                  "herself", "ourselves", "oneself"}
