"""Where an event happens, and the countries a sentence or an article is set in."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span, Token

from chronicle.extract.actors import Actor, Registry
from chronicle.extract.events.parse import CLAUSE_DEPS, _Candidate
from chronicle.extract.places import Place, geocode
from chronicle.model import ReadArticle

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "from",
               "on", "along"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
BODY_CODES = {"UNO", "EUR", "IGO", "NGO"}
STANCE_PREFIX = re.compile(r"(?:anti|pro)-$", re.IGNORECASE)


def _home_country(counts: dict[str, int]) -> list[str]:
    """The one country a story is about (``counts``: its country mentions, from
    :func:`_country_counts`), where it has most of them (and at least two); none for a digest
    of many places, where "police" or "people" with no country named could be anyone's: no
    country beats a guess."""
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


def _article_countries(counts: dict[str, int]) -> list[str]:
    """The countries the article names (``counts``, from :func:`_country_counts`), the one it
    names most first (what it is about: unnamed "rebels" in a story of Syria and its
    neighbours are Syria's), then by first mention."""
    return sorted(counts, key=lambda c: -counts[c])


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


BORDERS = {"border", "frontier", "boundary"}


def _border_above(token: Token, steps: int, top: Token | None = None) -> bool:
    """Whether a border noun heads ``token`` within ``steps`` heads (below ``top``, where
    given): a border has two sides, so a country naming it is either's."""
    node = token
    for _ in range(steps):
        if (top is not None and node.i == top.i) or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in BORDERS:
            return True
    return False


def _on_border(ent: Span) -> bool:
    """"near the Tunisian border", "the border with Lebanon": the country naming a border
    is no one's in the sentence."""
    return _border_above(ent.root, 3)


def _sentence_countries(span: Span, reg: Registry) -> list[str]:
    out: list[str] = []
    for ent in _span_ents(span):
        if ent.label_ in {"GPE", "NORP", "LOC"} and not _after_stance(ent[0]) and \
                not _based(ent) and not _in_dateline(ent, span) and not _currency(ent) and \
                not _on_border(ent):
            country = reg.country_of(ent.text)
            if not country and ent.label_ != "NORP":  # "the Gaza Strip", "Darfur"
                place = geocode(ent.text)
                country = place.country if place is not None else ""
            if country and country not in out and country not in BODY_CODES:
                out.append(country)
    return out


def _currency(ent: Span) -> bool:
    """"US $50 million", "HK$ 3 billion": a country's name before a sum names its money."""
    doc = ent.doc
    return ent.end < len(doc) and (doc[ent.end].tag_ == "$" or doc[ent.end].text in "$£€¥")


CLOCK = re.compile(r"^(?:a\.m\.|p\.m\.|am|pm|ET|EST|EDT|GMT|BST|UTC|CET)$")


def _in_dateline(ent: Span, span: Span) -> bool:
    """A place in a bracketed time stamp ("(Update 7:42 p.m. in Cairo, 12:42 ET)") says
    where the report was filed, not whose the unnamed actors of the sentence are."""
    doc = ent.doc
    opening = next((t.i for t in reversed(doc[span.start:ent.start]) if t.text in "()"), None)
    closing = next((t.i for t in doc[ent.end:span.end] if t.text in "()"), None)
    if closing is None or doc[closing].text != ")" or \
            (opening is not None and doc[opening].text != "("):
        return False
    inside = doc[opening + 1 if opening is not None else span.start:closing]
    return any(CLOCK.match(t.text) for t in inside)


def _goal_countries(span: Span, reg: Registry) -> set[str]:
    """Countries the sentence names only as where something went ("missions towards Israeli
    territory", "rockets into Lebanon"): not the home of an unnamed doer."""
    goals: set[str] = set()
    elsewhere: set[str] = set()
    for ent in _span_ents(span):
        if ent.label_ not in {"GPE", "NORP", "LOC"}:
            continue
        country = reg.country_of(ent.text)
        if not country:
            continue
        node = ent.root
        while node.dep_ in {"amod", "compound", "poss", "nmod"} and node.head.i != node.i:
            node = node.head  # "Israeli territory": up to the noun the name modifies
        aimed = node.dep_ == "pobj" and node.head.lower_ in GOAL_PREPS
        (goals if aimed else elsewhere).add(country)
    return goals - elsewhere


# Prepositions of motion towards a goal: what follows is where the act went, not whose it
# was. Not "against": a state's judges and police act against its own people.
GOAL_PREPS = {"towards", "toward", "into", "onto"}


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


def _beyond_border(ent: Span) -> bool:
    """"a town on the border with Lebanon": the town is on this side; Lebanon is not where
    the event happened."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ == "with" and \
        head.head.lemma_.lower() in {"border", "frontier", "boundary"}


# Acts whose place is only one their own clause gives: a meeting or a statement happens
# where it is said to, not in the place its topic is about.
PLACED_BY_OWN_CLAUSE = {"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                        "AGREE", "COOPERATE"}
TOPIC_PREPS = {"about", "over", "regarding", "concerning", "on", "for"}
PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr"}


def _in_own_clause(ent: Span, trigger: Token) -> bool:
    """Whether a place hangs on the trigger within its own clause: "met Netanyahu in Tel
    Aviv", not "talks aimed at ensuring food flows into Gaza" (a clause of its own), "talks
    on access for civilians in Gaza" (a topic) nor "the US and UK condemned" (a party)."""
    node = ent.root
    if node.dep_ in {"compound", "amod", "poss", "nmod"}:
        return False  # "the top US diplomat": whose, not where
    side = node
    while side.dep_ == "conj" and side.head.i != side.i:
        side = side.head
    if side.dep_ in PARTY_DEPS:
        return False  # "the US and UK condemned": a party, not where
    for _ in range(10):
        if node.i == trigger.i:
            return True
        if node.head.i == node.i:
            return False
        if (node.pos_ in {"VERB", "AUX"} and node.dep_ in CLAUSE_DEPS) or (
                node.dep_ == "prep" and node.lower_ in TOPIC_PREPS):
            return False  # a clause of its own, or a topic
        node = node.head
    return False


def _location(span: Span, cand: _Candidate, actor: Actor | None, recipient: Actor | None,
              reg: Registry, context: list[str], own_clause: bool = False
              ) -> tuple[str, Place | None]:
    """The place a sentence gives the candidate's act: one hung on it by a preposition of
    place first, else the nearest; with ``own_clause``, only one of its own clause."""
    taken = [(a.start, a.end) for a in (actor, recipient) if a is not None]
    places = [e for e in _span_ents(span) if e.label_ in PLACE_LABELS and not any(
        s <= e.start_char < t for s, t in taken) and not _beyond_border(e) and
        not _currency(e) and (not own_clause or _in_own_clause(e, cand.trigger))]
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
