"""Political event coding: who did what to whom, when and where, one event per happening.

``extract_events`` reads the parsed sentences of one article and codes each event mention
with a PLOVER type and mode, actor and recipient (resolved by ``chronicle.extract.actors``),
date (a time expression in the sentence, else the publication date, flagged), location
(geocoded offline), modality (asserted, denied, planned, threatened, hypothetical), the
reporting source, a confidence and the evidence offsets. ``chronicle.consolidate`` merges
mentions of the same happening across articles into one ``Event``.

The coder is rules over the dependency parse with a general trigger lexicon
(``chronicle.extract.lexicon``); nothing in it is specific to one conflict. Its parts, each
importing only those listed before it: ``parse`` (shared parse helpers), ``trigger`` (what
act), ``places`` (where, and the countries in view), ``participants`` (who, to whom),
``modality`` (reported as done, denied, planned, or only named), ``dates`` (when); this module
assembles each sentence's mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from chronicle.extract import cameo
from chronicle.extract import lexicon as lex
from chronicle.extract.actors import Actor, Registry, registry
from chronicle.extract.events.dates import _date, _history
from chronicle.extract.events.modality import (
    SUBJECTS,
    _first_person_voice,
    _main_event,
    _modality,
    _posted,
    _recode,
    _reporter,
    _under_topic,
    _unreported,
)
from chronicle.extract.events.parse import _Candidate, _depth
from chronicle.extract.events.participants import (
    BODY_SECTORS,
    PLACE_NOUNS,
    STATE_SECTORS,
    _conditioned,
    _conjoined,
    _domestic,
    _ethnic_home,
    _named,
    _negotiated_with,
    _own_organ,
    _participants,
    _pick,
    _protested,
    _purpose_objects,
    _reflexive,
    _same_entity,
    _sector_of_head,
    _shared_noun,
    _subject,
    _unattributed,
    _under_restriction,
)
from chronicle.extract.events.places import (
    PLACED_BY_OWN_CLAUSE,
    _article_countries,
    _country_counts,
    _goal_countries,
    _home_country,
    _location,
    _sentence_countries,
)
from chronicle.extract.events.screen import scored
from chronicle.extract.events.trigger import _candidates
from chronicle.model import Article, Event, EventMention, ReadArticle, Sentence, content_hash

__all__ = ["Actor", "Event", "EventMention", "extract_events"]


def extract_events(article: Article, doc: Doc, read: ReadArticle,
                   actors: Registry | None = None, screen: bool = True) -> list[EventMention]:
    """Event mentions in every sentence of ``read``; ``doc`` is the parse of the article.
    ``screen``: their confidence is the learned screen's probability that each reports the
    act as coded (``screen.py``); else the rules' own."""
    reg = actors or registry()
    counts = _country_counts(article.text, read, reg)  # one pass over the article's mentions
    context, home = _article_countries(counts), _home_country(counts)
    mentions: list[EventMention] = []
    person: Token | None = None  # the last person named as a subject, for "he" and "she"
    parsed = [(sentence, span) for sentence in read.sentences if (span := doc.char_span(
        sentence.start, sentence.end, alignment_mode="expand")) is not None]
    before: list[EventMention] = []  # the mentions of the sentence before
    for n, (sentence, span) in enumerate(parsed):
        found = _sentence_events(article, read, sentence, span, reg, context, person, home)
        if before and _judged_crimes(span) and \
                _same_paragraph(article.text, parsed[n - 1][0], sentence):
            # "X is shelling farmers. These are war crimes": the acts told just before are
            # what the speaker accuses X of (ACCUSE), not a report of them
            speaker = _speaker(article.text, parsed, n, reg, article.published, context)
            accused = [_as_accusation(m, speaker) for m in before]
            mentions[len(mentions) - len(before):] = [
                m for k, m in enumerate(accused) if all(  # one report of each, once
                    (o.event_type, o.modality) != (m.event_type, m.modality)
                    for o in accused[:k])]
        mentions.extend(found)
        before = found
        person = next((t for t in reversed(span) if t.dep_ in {"nsubj", "nsubjpass"} and
                       t.ent_type_ == "PERSON"), person)
    return scored(mentions, doc, len(read.sentences)) if screen else mentions


# Nouns that judge acts a crime: "These are war crimes" accuses whoever did them.
CRIME_NOUNS = {"crime", "atrocity", "violation", "massacre", "genocide", "terrorism",
               "outrage", "murder", "breach", "barbarism", "aggression"}
# Subjects that point back to what was just told.
POINTING_BACK = {"this", "these", "that", "those", "both", "it", "all"}
# Acts an accusation can name (what a judgement of crime is about).
ACCUSABLE = {"ASSAULT", "COERCE"}


def _judged_crimes(span: Span) -> bool:
    """"These are both war crimes", "This is a crime against humanity": a sentence whose
    subject points back and whose predicate judges what it points to a crime. An "it" that
    stands for a clause after it ("It is a crime to let children starve") points forward."""
    root = span.root
    said = [c for c in root.children if c.dep_ == "ccomp"] \
        if root.lemma_.lower() in lex.REPORT_VERBS else []  # '"These are crimes," she said'
    for verb in (root, *said):
        if verb.lemma_.lower() != "be" or any(c.dep_ in {"neg", "xcomp", "ccomp"}
                                              for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if subject is None or attr is None or subject.lower_ not in POINTING_BACK or \
                attr.lemma_.lower() not in CRIME_NOUNS:
            continue
        if subject.lower_ == "it" and any(c.dep_ in {"relcl", "acl"} for c in attr.children):
            continue  # "It is a crime that they starve children": the clause is the crime
        return True
    return False


def _same_paragraph(text: str, first: Sentence, second: Sentence) -> bool:
    return "\n" not in text[first.end:second.start]


def _speaker(text: str, parsed: list[tuple[Sentence, Span]], n: int, reg: Registry,
             date: str, context: list[str]) -> Actor | None:
    """Who says sentence ``n``: the subject of a verb of saying in it, else in the next
    sentences of its paragraph (a quotation told before its "she said"), else in those
    before it."""
    sentence = parsed[n][0]
    order = [*range(n, min(n + 6, len(parsed))), *range(n - 1, max(n - 6, -1), -1)]
    for k in order:
        if not (_same_paragraph(text, parsed[k][0], sentence) if k < n else
                _same_paragraph(text, sentence, parsed[k][0])):
            continue
        for token in parsed[k][1]:
            if token.pos_ == "VERB" and token.lemma_.lower() in lex.REPORT_VERBS:
                subject = _subject(token)[0]
                actor = None if subject is None else \
                    _pick([subject], reg, date, token, context, agentive=True)[0]
                if actor is not None:
                    return actor
    return None


def _as_accusation(mention: EventMention, speaker: Actor | None) -> EventMention:
    """The act of ``mention`` as the speaker's accusation of whoever did it."""
    if mention.event_type not in ACCUSABLE:
        return mention
    return replace(_retyped(mention, "ACCUSE", ""), actor=speaker, recipient=mention.actor,
                   co_actors=(), co_recipients=mention.co_actors, modality="asserted")


def _retyped(mention: EventMention, event_type: str, mode: str) -> EventMention:
    """``mention`` coded as another type, with its id and CAMEO coding to match."""
    coding = cameo.code(event_type, mode)
    mention_id = content_hash(mention.article_id, str(mention.sentence_index),
                              str(mention.trigger_start), event_type)
    return replace(mention, id=mention_id, event_type=event_type, mode=mode,
                   cameo_root=coding.root, quad_class=coding.quad_class,
                   goldstein=coding.goldstein)


def _sentence_events(article: Article, read: ReadArticle, sentence: Sentence, span: Span,
                     reg: Registry, context: list[str],
                     person: Token | None = None,
                     home: list[str] | None = None) -> list[EventMention]:
    out: list[EventMention] = []
    triggers: list[Token] = []  # out's triggers, in step
    seen: set[tuple[str, str, str]] = set()
    repressing: set[str] = set()  # the codes of forces that used force on protesters
    if _first_person_voice(span) or _posted(span):
        return out
    named = _sentence_countries(span, reg)
    here = [*named, *context]
    # unnamed actors take a country the sentence names, else the story's own country
    domestic = here if home is None else [*named, *home]
    goals = _goal_countries(span, reg)  # "launched missions towards Israeli territory"
    domestic = [c for c in domestic if c not in goals] if goals else domestic
    candidates = _candidates(span)
    coded = frozenset(i for c in candidates for i in (
        (c.trigger.i, c.trigger.head.i) if c.noun else (c.trigger.i,)))
    for cand in candidates:
        if _unreported(cand, span, coded):
            continue
        if _history(article, read, sentence, cand.trigger):
            continue  # "it invaded Iraq in March 2003", told in 2005: background
        date, basis = _date(article, read, sentence, cand.trigger)
        actor_toks, recipient_toks = _participants(cand)
        if cand.event_type == "ASSAULT":  # what was fired is the weapon: "fired rockets into X"
            recipient_toks = [t for t in recipient_toks
                              if t.lemma_.lower() not in lex.MUNITIONS]
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
        if cand.event_type == "ASSAULT" and actor is not None and \
                actor.sector in REPRESSING and recipient_tok is not None and \
                recipient_tok.lemma_.lower() in lex.PROTESTERS:
            cand.event_type = "COERCE"  # "police fired on demonstrators": repression
            repressing.add(actor.code)
        if cand.event_type == "CONSULT" and recipient_tok is not None and \
                _under_topic(recipient_tok, cand.trigger):
            recipient, recipient_tok = None, None  # "talks on access for civilians": a topic
        if cand.event_type == "CONSULT" and recipient is not None and \
                recipient.kind == "city":
            recipient, recipient_tok = None, None  # "talks in Geneva": where they met
        if cand.event_type not in {"ASSAULT", "COERCE"} and recipient_tok is not None and \
                recipient is not None and not recipient.country and \
                recipient_tok.lemma_.lower() in PLACE_NOUNS:
            # "travelled to this city", "paraded in town": a place nobody is named for is
            # where, not whom; violence done to a town is done to its people
            recipient, recipient_tok = None, None
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
        if actor is not None and recipient is not None and not _reflexive(recipient_tok) and \
                (_same_entity(actor, recipient) or _own_organ(recipient_tok, recipient, actor)):
            recipient, recipient_tok = None, None  # no one acts on itself unless told so
        reporter = _reporter(cand, span)
        if actor_tok is not None and (actor_tok.lemma_.lower() in NEWS_STAFF or (
                actor is not None and actor.sector == "JRN" and
                actor_tok.ent_type_ == "PERSON")):  # a named journalist; not an outlet
            continue  # the outlet's correspondent reports the story, is not in it
        if actor is None and recipient is None:
            continue  # no party named on either side: it tells an analyst nothing
        if actor is None and not _named(actor_toks) and \
                not (not actor_toks and not cand.noun and _main_event(cand)
                     and _subject(cand.trigger)[0] is None) and \
                not (cand.event_type in ONE_SIDED or
                     (not cand.noun and _subject(cand.trigger)[1])):
            # no doer named, and the party named is none who suffered it (violence, or an
            # act told in the passive: "Aristide has been accused"); a main verb whose
            # subject the parser lost is kept, not one whose subject is a thing
            continue
        if actor is None and _described(cand):
            # "children who died", "because their relatives had been hurt": an act with
            # no doer named, told in a clause that describes or explains, is no report
            continue
        co_actors = _conjoined(actor, actor_tok, reg, date, here)
        co_recipients = _conjoined(recipient, recipient_tok, reg, date, here)
        actor = _shared_noun(actor, actor_tok, co_actors)
        recipient = _shared_noun(recipient, recipient_tok, co_recipients)
        key = (cand.event_type, actor.code if actor else "", recipient.code if recipient else "")
        if key in seen:
            continue  # "bombed and shelled the town": one happening
        seen.add(key)
        modality = _modality(cand)
        if modality == "hypothetical":
            continue  # conditionals, modals, what was asked for: not reported as done
        location_text, location = _location(span, cand, actor, recipient, reg, context,
                                            cand.event_type in PLACED_BY_OWN_CLAUSE)
        confidence = (0.45 if cand.noun else 0.55) + (0.2 if actor and actor.country else
                                                     0.1 if actor else 0.0)
        confidence += 0.1 if recipient else 0.0
        confidence += 0.05 if basis == "text" else 0.0
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
    if repressing:  # "police fired on the crowd, killing two": the deaths are the repression
        out = [_retyped(m, "COERCE", m.mode) if m.event_type == "ASSAULT" and
               t.lemma_.lower() in CASUALTIES and (m.actor is None or m.actor.code in repressing)
               else m for m, t in zip(out, triggers, strict=True)]
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


# Marks of a clause that explains why: "because their relatives had been hurt".
REASON_MARKS = {"because", "as", "since", "for"}


def _described(cand: _Candidate) -> bool:
    """Whether the act sits in a clause that describes a noun ("children who died", "six
    police killed by a mob") or gives a reason ("because their relatives had been hurt"):
    with no doer named, such a clause tells about someone, it reports no happening."""
    current = cand.trigger.head if cand.noun else cand.trigger
    for _ in range(6):
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBN" and
                                       any(c.dep_ == "agent" for c in current.children)):
            return True
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in REASON_MARKS
                                           for c in current.children):
            return True
        if current.dep_ not in {"conj", "xcomp", "prep", "pobj", "pcomp"} or \
                current.head.i == current.i:
            return False
        current = current.head
    return False


# Acts coded by whom they hit or address when their doers go unnamed: "two soldiers were
# killed", "thousands marched in defiance of the authorities".
ONE_SIDED = {"ASSAULT", "COERCE", "PROTEST"}
# Verbs of the harm force does, which share the type of the act that did it.
CASUALTIES = {"kill", "die", "wound", "injure", "hurt", "maim"}
# Sectors whose force on protesters is repression.
REPRESSING = {"COP", "MIL", "SPY"}
# The outlet's own staff report the story; they are not its actors.
NEWS_STAFF = {"correspondent", "reporter", "editor", "presenter", "anchor", "columnist",
              "commentator", "stringer", "producer"}


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
