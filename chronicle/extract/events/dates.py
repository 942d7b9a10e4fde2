"""The date of an event: the time expression whose clause holds the trigger."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from chronicle.extract.events.parse import _clause_head
from chronicle.model import Article, ReadArticle, Sentence


def _date(article: Article, read: ReadArticle, sentence: Sentence,
          trigger: Token) -> tuple[str, str]:
    """The day a time expression of the trigger's own clause names, nearest the trigger
    (else of the clauses it is the complement of: "said on Friday that troops attacked");
    never one of another clause ("met Netanyahu since the war began on October 7"). Else
    the publication date, flagged. A week or a month the act's own clause names ("in
    November 2004", "last week") gives its first day, flagged "period"."""
    days = [t for t in read.timexes if t.sentence_index == sentence.index and t.first_day
            and t.type in {"DATE", "TIME"} and t.granularity in {"day", "time"}]
    periods = [t for t in read.timexes if t.sentence_index == sentence.index and t.first_day
               and t.type == "DATE" and t.granularity in {"week", "month"}]
    if not days and not periods:
        return article.published, "published"
    for n, tier in enumerate(_clause_tiers(trigger)):
        own = [t for t in days if _token_at(trigger.doc, t.start) in tier]
        if own:
            nearest = min(own, key=lambda t: abs(t.start - trigger.idx))
            return nearest.first_day or article.published, "text"
        if n == 0 and (named := [t for t in periods
                                 if _token_at(trigger.doc, t.start) in tier]):
            # "killed 20 last week, the opposition said on Monday": the act's own week or
            # month, from its first day; the day it was reported is another clause's
            return min(named, key=lambda t: abs(t.start - trigger.idx)).first_day, "period"
    return article.published, "published"


# How long before publication a told act is history, not news: about a year.
HISTORY_DAYS = 366


def _history(article: Article, read: ReadArticle, sentence: Sentence, trigger: Token) -> bool:
    """"Israel supported Kurdish rebels until 1975", "it invaded Iraq in March 2003": a
    time expression of the act's own clause (else of the clause it completes) that ends
    more than a year before the article was published tells background, history the
    story recalls, not news it reports."""
    spans = [t for t in read.timexes if t.sentence_index == sentence.index and
             t.type == "DATE" and t.last_day and t.granularity in
             {"day", "week", "month", "quarter", "year", "decade", "century"}]
    if not spans or not article.published:
        return False
    try:
        published = date.fromisoformat(article.published[:10])
        ends = {id(t): date.fromisoformat(t.last_day[:10]) for t in spans}
    except ValueError:
        return False
    for tier in _clause_tiers(trigger)[:3]:
        own = [t for t in spans if _token_at(trigger.doc, t.start) in tier]
        if own:
            nearest = min(own, key=lambda t: abs(t.start - trigger.idx))
            return (published - ends[id(nearest)]).days > HISTORY_DAYS
    return False


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
