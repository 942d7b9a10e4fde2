"""Shared helpers over the dependency parse, and the candidate event they build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from chronicle.extract import lexicon as lex

CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "csubj"}
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod",
                "advmod", "cc", "conj", "punct", "npadvmod"}
WORD = re.compile(r"[a-z]{3,}")


@dataclass
class _Candidate:
    trigger: Token
    event_type: str
    mode: str
    actor_token: Token | None = None
    recipient_token: Token | None = None
    noun: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def _particle(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            return child.lower_
    for child in token.children:  # "forced the agency out of the country"
        if child.dep_ in {"prep", "advmod"} and child.lower_ in {"out", "away"} and \
                child.i > token.i and any(g.lower_ == "of" for g in child.children):
            return child.lower_
    return ""


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


def _by_agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
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


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        if token.dep_ == "advcl":  # "struck to demand", "after a jet shot down"
            depth += 2
        elif token.head.lemma_.lower() not in lex.REPORT_VERBS:
            depth += 1
        token = token.head
    return depth


def _of_object(token: Token) -> Token | None:
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _verb_in(token: Token, words: set[str]) -> bool:
    """Whether a verb is one of ``words``, by its lemma or, where the lemmatiser erred
    ("staged" → "stag"), by its form less its inflection."""
    if token.lemma_.lower() in words:
        return True
    form = token.lower_
    return any(form.endswith(end) and form[:-len(end)] in words
               for end in ("d", "ed", "s", "es", "ing"))


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
