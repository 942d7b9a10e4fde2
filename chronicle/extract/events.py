"""Political event coding: who did what to whom, when and where, one event per happening.

``extract_events`` reads the parsed sentences of one article and codes each event mention
with a PLOVER type and mode, actor and recipient (resolved by ``chronicle.extract.actors``),
date (a time expression in the sentence, else the publication date, flagged), location
(geocoded offline), modality (asserted, denied, planned, threatened, hypothetical), the
reporting source, a confidence and the evidence offsets. ``consolidate`` merges mentions of
the same happening across articles into one ``Event``.

The coder is rules over the dependency parse with a general trigger lexicon
(``chronicle.extract.lexicon``); nothing in it is specific to one conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chronicle.extract import cameo
from chronicle.extract import lexicon as lex
from chronicle.extract.actors import Actor, Registry, registry
from chronicle.extract.places import Place, geocode
from chronicle.model import Article, ReadArticle, Sentence, content_hash

__all__ = ["Actor", "Event", "EventMention", "consolidate", "extract_events"]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_PREPS = {"with", "against", "on", "to", "at", "for", "from", "into", "toward",
                "towards", "upon", "over", "in"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "from",
               "on", "along"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "csubj"}
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod",
                "advmod", "cc", "conj", "punct", "npadvmod"}
WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class EventMention:
    """One sentence's report of one event, with the evidence for every field."""

    id: str
    article_id: str
    sentence_index: int
    event_type: str  # PLOVER type
    mode: str  # PLOVER mode ("phone", "visit", "heavy-weapons", ...), "" if none
    actor: Actor | None
    recipient: Actor | None
    date: str  # ISO date
    date_basis: str  # "text": a time expression in the sentence; "published": fallback
    location: Place | None
    location_text: str
    modality: str  # asserted, denied, planned, threatened, hypothetical
    reporter: str  # who the sentence says reports it ("officials", "the army"), "" if none
    confidence: float
    trigger: str
    trigger_start: int  # character offsets of the trigger word in the article text
    trigger_end: int
    start: int  # character offsets of the evidence sentence in the article text
    end: int
    text: str  # the evidence sentence
    published: str = ""
    source: str = ""
    cameo_root: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    depth: int = 0  # trigger's distance from the sentence root: 0 for the main verb


@dataclass(frozen=True)
class Event:
    """One happening, with every mention of it across articles."""

    id: str
    event_type: str
    mode: str
    actor: Actor | None
    recipient: Actor | None
    date: str
    date_basis: str
    location: Place | None
    modality: str
    confidence: float
    mentions: tuple[EventMention, ...]
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    cameo_root: str = ""
    quad_class: int = 0
    goldstein: float = 0.0


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
    return lex.VERBS.get(lemma)


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
    if lemma == "law" and "martial" in left:
        return ("COERCE", "martial-law")
    if lemma in {"bombing", "attack"} and "suicide" in left:
        return ("ASSAULT", "suicide-attack")
    return lex.NOUNS.get(lemma) or lex.NOUNS.get(token.lower_)


def _candidates(sent: Span) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.dep_ == "ROOT"
                                             and token.tag_.startswith("VB")):
            hit = _verb_trigger(token)
            if hit is None:
                continue
            if token.lemma_.lower() in lex.DENY_VERBS and any(
                    c.dep_ in {"xcomp", "ccomp"} and _verb_trigger(c) for c in token.children):
                continue  # "denies restricting food": a denied COERCE, not a REJECT
            if token.lemma_.lower() in {"make", "take"}:
                continue
            found.append(_Candidate(token, *hit))
        elif token.pos_ in {"NOUN", "PROPN"}:
            hit = _noun_trigger(token)
            if hit is None:
                continue
            head = token.head
            carried = head.lemma_.lower() in lex.LIGHT_VERBS and \
                token.dep_ in {"dobj", "nsubj", "nsubjpass"}
            if head.pos_ == "VERB" and not carried and _verb_trigger(head) is not None:
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
                return child, True
        if current.dep_ in {"xcomp", "conj", "advcl", "acl", "relcl"}:
            if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
                return current.head, False
            current = current.head
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


def _participants(cand: _Candidate) -> tuple[Token | None, Token | None]:
    token = cand.trigger
    if cand.noun:
        actor = recipient = None
        for child in token.children:
            named = child.ent_type_ in {"GPE", "NORP", "ORG"}
            if child.dep_ == "poss" or (child.dep_ in {"compound", "amod"} and named):
                actor = child
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                actor = next((g for g in child.children if g.dep_ == "pobj"), actor)
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS | {"between"}:
                recipient = next((g for g in child.children if g.dep_ == "pobj"), recipient)
        if actor is None and token.dep_ in {"dobj", "attr"}:
            actor, _ = _subject(token.head)
        if actor is None and token.dep_ == "nsubj":
            recipient = recipient or _object(token.head)
        return actor, recipient
    subject, passive = _subject(token)
    obj = _object(token)
    if passive:
        return _by_agent(token), subject
    if obj is None and token.lemma_.lower() in {"meet", "talk", "speak", "negotiate"}:
        obj = _object(token)
    return subject, obj


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
    if _negated(token) or (cand.noun and _negated(verb) and verb.lemma_ in lex.LIGHT_VERBS):
        return "denied"
    for child in verb.children:
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
        if token.head.lemma_.lower() not in lex.REPORT_VERBS:
            depth += 1
        token = token.head
    return depth


# ---------------------------------------------------------------------------- extraction
def extract_events(article: Article, doc: Doc, read: ReadArticle,
                   actors: Registry | None = None) -> list[EventMention]:
    """Event mentions in every sentence of ``read``; ``doc`` is the parse of the article."""
    reg = actors or registry()
    context = _article_countries(read, reg)
    mentions: list[EventMention] = []
    for sentence in read.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        mentions.extend(_sentence_events(article, read, sentence, span, reg, context))
    return mentions


def _article_countries(read: ReadArticle, reg: Registry) -> list[str]:
    countries: list[str] = []
    for mention in read.mentions:
        if mention.label in {"GPE", "NORP"}:
            country = reg.country_of(mention.text)
            if country and country not in countries:
                countries.append(country)
    return countries


def _sentence_events(article: Article, read: ReadArticle, sentence: Sentence, span: Span,
                     reg: Registry, context: list[str]) -> list[EventMention]:
    out: list[EventMention] = []
    seen: set[tuple[str, str, str]] = set()
    for cand in _candidates(span):
        date, basis = _date(article, read, sentence, cand.trigger.idx)
        actor_tok, recipient_tok = _participants(cand)
        actor = _actor(actor_tok, reg, date)
        recipient = _actor(recipient_tok, reg, date)
        if actor is not None and recipient is not None and \
                (actor.start, actor.end) == (recipient.start, recipient.end):
            recipient = None
        key = (cand.event_type, actor.code if actor else "", recipient.code if recipient else "")
        if key in seen:
            continue  # "bombed and shelled the town": one happening
        seen.add(key)
        location_text, location = _location(span, cand, actor, recipient, reg, context)
        modality = _modality(cand)
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
            modality=modality, reporter=_reporter(cand, span),
            confidence=round(min(confidence, 0.95), 2), trigger=trigger.text,
            trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
            start=sentence.start, end=sentence.end, text=sentence.text,
            published=article.published, source=article.source, cameo_root=coding.root,
            quad_class=coding.quad_class, goldstein=coding.goldstein,
            depth=_depth(trigger)))
    return out


def _actor(token: Token | None, reg: Registry, date: str) -> Actor | None:
    if token is None:
        return None
    start, end = _phrase(token)
    span = token.doc[start:end]
    actor = reg.resolve(span.text, date)
    if actor is None:
        return None
    return Actor(text=actor.text, name=actor.name, country=actor.country,
                 sectors=actor.sectors, kind=actor.kind, start=span.start_char,
                 end=span.end_char)


def _date(article: Article, read: ReadArticle, sentence: Sentence,
          offset: int) -> tuple[str, str]:
    """The day a time expression in the sentence names, nearest the trigger; else published."""
    days = [t for t in read.timexes if t.sentence_index == sentence.index and t.first_day
            and t.type in {"DATE", "TIME"} and t.granularity in {"day", "time"}]
    if days:
        nearest = min(days, key=lambda t: abs(t.start - offset))
        return nearest.first_day or article.published, "text"
    return article.published, "published"


def _location(span: Span, cand: _Candidate, actor: Actor | None, recipient: Actor | None,
              reg: Registry, context: list[str]) -> tuple[str, Place | None]:
    taken = [(a.start, a.end) for a in (actor, recipient) if a is not None]
    places = [e for e in span.ents if e.label_ in PLACE_LABELS and not any(
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


# -------------------------------------------------------------------------- consolidation
SAME_DAY_SLACK = 1  # days either way
MIN_SIMILARITY = 0.15  # Jaccard of content words between two mentions' sentences


def consolidate(mentions: Sequence[EventMention]) -> list[Event]:
    """One ``Event`` per happening: same type, compatible actors, dates within a day, and
    similar sentences (or the same place). Pure: the order of ``mentions`` does not matter.
    """
    ordered = sorted(mentions, key=lambda m: (m.date, m.article_id, m.sentence_index, m.id))
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [_content_words(m.text) for m in ordered]
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if _days_apart(a.date, b.date) > SAME_DAY_SLACK:
                break
            if a.event_type != b.event_type or a.modality != b.modality:
                continue
            if a.article_id == b.article_id and a.sentence_index == b.sentence_index:
                # "aircraft struck a school, killing 20": two triggers, one happening
                parent[find(j)] = find(i)
                continue
            if not (_compatible(a.actor, b.actor) and _compatible(a.recipient, b.recipient)):
                continue
            same_place = a.location is not None and b.location is not None and \
                a.location.name == b.location.name
            if same_place or _jaccard(words[i], words[j]) >= MIN_SIMILARITY:
                parent[find(j)] = find(i)
    groups: dict[int, list[EventMention]] = {}
    for i, mention in enumerate(ordered):
        groups.setdefault(find(i), []).append(mention)
    return [_event(group) for group in groups.values()]


def _event(group: list[EventMention]) -> Event:
    best = max(group, key=lambda m: (m.date_basis == "text", m.confidence,
                                     bool(m.actor), bool(m.recipient)))
    actor = next((m.actor for m in sorted(group, key=_detail, reverse=True) if m.actor), None)
    recipient = next((m.recipient for m in sorted(group, key=_detail, reverse=True)
                      if m.recipient), None)
    location = next((m.location for m in group if m.location is not None), None)
    dated = [m for m in group if m.date_basis == "text"]
    date_mention = min(dated, key=lambda m: m.date) if dated else best
    sources = tuple(sorted({m.source for m in group if m.source}))
    articles = tuple(dict.fromkeys(m.article_id for m in group))
    boost = 1 - 0.5 ** len(articles)  # independent reports raise confidence
    confidence = round(min(0.99, max(m.confidence for m in group) + 0.1 * boost), 2)
    return Event(
        id=content_hash(*sorted(m.id for m in group)), event_type=best.event_type,
        mode=next((m.mode for m in group if m.mode), ""), actor=actor, recipient=recipient,
        date=date_mention.date, date_basis=date_mention.date_basis, location=location,
        modality=best.modality, confidence=confidence, mentions=tuple(group),
        sources=sources, article_ids=articles, cameo_root=best.cameo_root,
        quad_class=best.quad_class, goldstein=best.goldstein)


def _detail(mention: EventMention) -> tuple[int, float]:
    return (sum(bool(a and a.country) + bool(a and a.sector) for a in
                (mention.actor, mention.recipient)), mention.confidence)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.sector and b.sector and a.sector != b.sector and
                "UNK" not in {a.sector, b.sector})


def _content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in _STOP}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _days_apart(a: str, b: str) -> int:
    import datetime as dt

    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def primary(mentions: Iterable[EventMention]) -> EventMention | None:
    """The sentence's main event: nearest the root, asserted, most confident."""
    return min(mentions, key=lambda m: (m.depth, m.modality != "asserted", -m.confidence,
                                        m.trigger_start), default=None)


_STOP = {"the", "and", "that", "said", "was", "were", "has", "had", "have", "for", "with",
         "from", "this", "its", "their", "his", "her", "they", "which", "who", "after",
         "before", "been", "are", "not", "but", "also", "into", "than", "over", "about",
         "on", "at", "least", "by", "told", "reporters"}
