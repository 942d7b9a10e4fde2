"""Whether a clause reports an act as done, denied, planned or threatened, who says so,
and which clauses name an act without reporting it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronicle.extract import lexicon as lex
from chronicle.extract.actors import Actor
from chronicle.extract.events.parse import (
    CLAUSE_DEPS,
    _ancestors,
    _Candidate,
    _clause_head,
    _infinitive,
    _negated,
    _phrase,
    _preps,
    _verb_in,
)
from chronicle.extract.events.participants import (
    ACT_NOUNS,
    NON_PARTIES,
    STATE_SECTORS,
    _people,
    _subject,
)
from chronicle.extract.events.places import PLACE_LABELS
from chronicle.extract.events.trigger import (
    CARRIERS,
    FAILING,
    OPINION_VERBS,
    PLEDGEABLE,
    PUBLISHED,
    QUOTE_MARKS,
)

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def _modality(cand: _Candidate) -> str:
    token = cand.trigger
    verb = token if not cand.noun else token.head
    if cand.extra.get("frame") == "demand":
        return "asserted"  # "said Y must act": the demand was made
    if _conditional_threat(cand):
        return "threatened"  # "may suspend aid if the killings continue"
    if any(c.dep_ == "aux" and c.lower_ in lex.NEGATED_MODALS for c in verb.children) and \
            _negated(verb):
        return "hypothetical"  # "we must not allow it": what ought not be, not a denial
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


# Modals of possibility that, with a condition, make a hostile act a threat.
POSSIBILITY_AUX = {"may", "might", "could"}


def _conditional_threat(cand: _Candidate) -> bool:
    """"The alliance may suspend aid if the killings continue, a spokesman said": a hostile
    act said to be possible if a condition holds is a threat (PLOVER THREATEN), not a mere
    possibility. Only in a clause someone is reported to have said."""
    token = cand.trigger
    if cand.noun or cand.event_type not in lex.HOSTILE | {"THREATEN"} or _negated(token):
        return False
    if not (token.dep_ == "ccomp" and _verb_in(token.head, lex.REPORT_VERBS)):
        return False
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in token.children) and \
        any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                      for m in c.children) for c in token.children)


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
TROOPS = {"troop", "soldier", "force", "unit", "reinforcement", "paratrooper", "marine",
          "tank", "warship", "battalion", "brigade", "division"}
NON_STATE_ARMED = {"REB", "INS", "UAF", "TER", "RAD"}


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
    if _conditional_threat(cand):
        return "THREATEN", mode
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
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}


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
# Verbs of coming together for an event: "returned for talks".
GATHERING = {"return", "go", "travel", "come", "converge", "arrive", "gather", "fly", "head",
             "meet", "assemble", "leave", "sit"}
# Verbs of a state an event noun names: "under investigation", "on alert", "on strike".
STATE_VERBS = {"put", "place", "remain", "be", "keep", "go", "stay", "come"}
# Verbs whose victims tell the event they died in: "killed in clashes".
CASUALTY_VERBS = {"kill", "die", "wound", "injure", "hurt", "perish", "arrest", "detain",
                  "displace", "flee", "destroy", "damage", "capture"}


# Nouns of a whole conflict: the dead counted "in the uprising" are a toll, not an event.
CONFLICT_NOUNS = {"uprising", "conflict", "war", "crisis", "unrest", "revolt", "revolution",
                  "insurgency", "violence", "rebellion", "crackdown", "fighting"}


def _toll(trigger: Token) -> bool:
    """"More than 9,000 people have been killed in the uprising", "since March": a count
    of the dead over a whole conflict, not one event. So is a running total over a series
    of attacks ("have been killed in the bombardments"): the perfect counts up to now, the
    plural with no number of its own makes them many, unspecified."""
    if trigger.lemma_.lower() not in CASUALTY_VERBS:
        return False
    over = _preps(trigger, {"in", "during", "since", "throughout"})
    return any(o.lemma_.lower() in CONFLICT_NOUNS and not any(
        c.dep_ == "compound" or c.ent_type_ in PLACE_LABELS for c in o.lefts) for o in over) \
        or bool(_preps(trigger, {"since"})) or _running_total(trigger)


# Plurals that name one happening: "clashes", "hostilities".
ONE_EVENT_PLURALS = {"clash", "clashes", "hostility", "hostilities"}


def _running_total(trigger: Token) -> bool:
    """"Have been killed in the bombardments": the perfect counts up to now, the plural
    with no number of its own makes the attacks many and unspecified."""
    if trigger.lemma_.lower() not in CASUALTY_VERBS or \
            not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in trigger.children):
        return False
    over = _preps(trigger, {"in", "during"})
    over += [g for c in trigger.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    return any(o.tag_ in {"NNS", "NNPS"} and o.lemma_.lower() not in ONE_EVENT_PLURALS and
               not any(c.dep_ == "nummod" for c in o.children) and
               lex.NOUNS.get(o.lemma_.lower(), ("", ""))[0] in {"ASSAULT", "COERCE"}
               for o in over)


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
        return not _running_total(head.head)  # the dead of many attacks: no one event
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        # "was triggered by a raid", "were killed by an air strike"
        return not _running_total(head.head)
    if noun.dep_ == "pobj" and head.lower_ == "for" and _verb_in(head.head, GATHERING):
        return True  # "returned to Geneva for talks", "converged for a rally"
    if noun.dep_ == "pobj" and head.lower_ in {"under", "on"} and \
            _verb_in(head.head, STATE_VERBS):
        return True  # "put under investigation", "remained on alert", "went on strike"
    # a modifier names the act of a general noun of acts ("a mediation effort", "a bombing
    # campaign"), else what its head is about ("truce violations", "ceasefire talks")
    return noun.dep_ == "compound" and head.lemma_.lower() in ACT_NOUNS and \
        _told_as_happening(head)


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
    if _interview_question(token):
        return "interview"
    current = _clause_head(token)
    if _infinitive(current) and any(c.dep_ == "mark" and c.lower_ == "for"
                                    for c in current.children):
        return "goal"  # "the need for all hostages to be released": wanted, not done
    if _generic_present(current) and not _headline(span):
        return "generic"
    if _imperative(current):
        return "command"
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
        if dep == "ccomp" and lemma == "be" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in EPISTEMIC_ADJS
                for c in head.children):
            return "possible"  # "it is possible that they visit": maybe, not done
        if dep == "xcomp" and lemma in RELUCTANT_ADJS:
            return "reluctant"  # "states reluctant to endorse Germany": not done
        if dep == "ccomp" and _verb_in(head, OPINION_VERBS) and current.i > head.i:
            return "hope" if _verb_in(head, HOPE_VERBS) else "opinion"
        if dep in {"csubj", "nsubj", "nsubjpass"} and current.tag_ == "VBG":
            return "generic"  # "pushing the government from power is unacceptable"
        if dep not in CLAUSE_DEPS | {"prep", "pobj", "dobj", "xcomp"}:
            break
        current = head
    return ""


# Adjectives of how likely a clause is: "it is possible that", "likely that".
EPISTEMIC_ADJS = {"possible", "likely", "unlikely", "impossible", "conceivable",
                  "doubtful", "unclear", "uncertain", "probable", "improbable", "plausible"}
# Adjectives of a disposition against acting: "reluctant to endorse", "loath to commit".
RELUCTANT_ADJS = {"reluctant", "unwilling", "loath", "loth", "hesitant", "disinclined",
                  "unable", "afraid"}
# Verbs whose present reports a statement standing now, the way news tells speech:
# "the UN accuses Israel", "Iran warns the US", "Russia rejects the plan".
SPEECH_ACTS = ACCUSING | lex.DENY_VERBS | lex.THREAT_VERBS | lex.REQUEST_VERBS | {
    "brand", "dismiss", "refuse", "welcome", "vow", "pledge", "promise", "deplore",
    "slam", "blast", "attack", "assail", "accept", "recognise", "recognize", "endorse",
    "back", "support", "oppose"}
# Links by which a non-finite verb or a phrase hangs on the finite verb of its clause.
NON_FINITE_LINKS = {"xcomp", "pcomp", "prep", "pobj", "dobj", "conj", "advcl", "acomp"}


def _imperative(verb: Token) -> bool:
    """"Go and fight those terrorists", "Stop the killing now": a bare verb with no subject
    and no auxiliary heading its sentence (or joined to one that does) bids, it tells no
    act done."""
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return top.tag_ == "VB" and verb.tag_ == "VB" and top.dep_ in {"ROOT", "ccomp"} and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}
                for v in {top, verb} for c in v.children) and top.i == min(
            t.i for t in top.subtree if not t.is_punct and t.dep_ not in {"npadvmod", "intj",
                                                                          "advmod", "cc"})


def _headline(span: Span) -> bool:
    """A line with no closing stop is a headline ("Russia expels diplomats"), whose simple
    present tells what just happened, not what is usually so."""
    words = [t for t in span if not t.is_space]
    while words and words[-1].is_quote:
        words.pop()
    return bool(words) and words[-1].text not in {".", "!", "?", "...", "…"}


def _interview_question(token: Token) -> bool:
    """"Asked whether he regretted it, Mr X said ...": the question an interviewer put, in
    a participle with no subject of its own, frames what the one asked says; it is no
    request of anyone's."""
    return token.lemma_.lower() == "ask" and token.tag_ == "VBN" and \
        token.dep_ in {"advcl", "ROOT", "csubj"} and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children)


def _generic_present(verb: Token) -> bool:
    """"Some thugs express their anger by beating up a passer-by", "The office advises
    against travel": a main clause in the simple present, with no auxiliary, tells what is
    usually so (a habit, a state, a standing view), not a happening; news tells what
    happened in the past tense, what is happening in the progressive. A verb of saying in
    the present ("he says") reports, and what it reports keeps its own tense."""
    current = verb
    for _ in range(8):  # up to the finite verb of the clause
        if current.tag_ in {"VBZ", "VBP", "VBD", "MD"} or current.head.i == current.i or \
                current.dep_ not in NON_FINITE_LINKS:
            break
        if current.dep_ == "conj" and current.tag_ not in {"VBG", "VBN", "VB"}:
            break
        current = current.head
    if current.tag_ not in {"VBZ", "VBP"} or current.lemma_.lower() == "be" or \
            any(c.dep_ in {"aux", "auxpass"} for c in current.children):
        return False
    if current is verb and current.lemma_.lower() in SPEECH_ACTS:
        return False  # "the UN accuses Israel", "Iran warns": a statement, reported now
    if current.lemma_.lower() in lex.PLAN_VERBS | lex.INTENT_VERBS:
        return False  # "Greece plans to impose": an intention held now, a plan
    if any(t.ent_type_ in {"DATE", "TIME"} for c in current.children
           if c.dep_ in {"npadvmod", "prep", "advmod", "tmod"} for t in c.subtree):
        return False  # "negotiators return to Geneva this week": a happening, scheduled
    top = current
    while top.dep_ == "conj" and top.head.i != top.i and top.head.pos_ in {"VERB", "AUX"}:
        top = top.head  # "are angry and express it": a conjunct of the main clause
    return top.dep_ == "ROOT" and top.lemma_.lower() not in lex.REPORT_VERBS


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
