"""Disagreements: where one source asserts what another denies, or their figures differ.

Pure over records already extracted (``Attribution`` and ``Figure``, from any number of
articles), so the register can be rebuilt from the store without reading again.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from chronicle.extract.attribution import Attribution
from chronicle.extract.figures import NAMED_REFERENTS, Figure, unit_class

CONTENT_WORD = re.compile(r"[a-z][a-z'-]{2,}")
STOP = STOP_WORDS | {"said", "says"}  # words that make no topic ("over", "much", "their")
NEGATION = re.compile(r"\b(?:not|no|never|n't|nothing|none|neither|nor)\b")
OVERLAP_MIN = 0.3  # share of content words two claims must have in common to be one topic
ANSWERS_WITHIN = 2  # sentences back a denial may answer a claim of its own article
APPROX = 0.1  # "about 1,200" covers 1,080..1,320


@dataclass(frozen=True)
class Disagreement:
    """Two records that cannot both be right, and why."""

    kind: str  # "denial" (asserted vs denied) or "figures" (incompatible numbers)
    first: Attribution | Figure
    second: Attribution | Figure
    topic: str  # shared content words, or the referent and date of the figures
    similarity: float = 1.0


def _words(text: str) -> set[str]:
    return {w for w in CONTENT_WORD.findall(text.lower()) if w not in STOP}


def _who(record: Attribution | Figure) -> str | None:
    actor = getattr(record, "source_actor", None)
    if actor:
        return actor.lower()
    text = getattr(record, "source_text", "")
    return text.lower() or None


def _polarity(a: Attribution) -> int:
    """-1 when the source rejects the content (denies, or asserts it negated), else 1."""
    negated = bool(NEGATION.search(a.content_text.lower()))
    denies = a.stance == "denies"
    return -1 if denies != negated else 1


def claim_disagreements(claims: Sequence[Attribution]) -> list[Disagreement]:
    """Pairs of claims by different sources on one topic with opposite polarity.

    "Israel denies restricting food" against "aid agencies say Israel restricts food":
    the same content words, a denial on one side and an assertion on the other. Every pair
    holds a denial, so only the claims sharing words with a denial are compared (an index
    of content words finds them): a store's hundred thousand claims are not paired all
    with all. A denial also answers a claim just before it in its own article ("Israel
    claimed to have killed hundreds of fighters at the hospital. Hamas denies fighters were
    present there"), where one word in common is enough.
    """
    words = [_words(a.content_text) for a in claims]
    holding: dict[str, list[int]] = {}
    for i, claim_words in enumerate(words):
        for word in claim_words:
            holding.setdefault(word, []).append(i)
    pairs: set[tuple[int, int]] = set()
    answers: set[tuple[int, int]] = set()  # a denial and a claim it follows closely
    for d, denial in enumerate(claims):
        if denial.stance != "denies":
            continue
        shared_counts = Counter(i for word in words[d] for i in holding[word] if i != d)
        pairs.update((min(d, i), max(d, i)) for i, n in shared_counts.items() if n >= 2)
        answers.update((min(d, i), max(d, i)) for i in shared_counts
                       if claims[i].article_id == denial.article_id
                       and 0 <= denial.sentence_index - claims[i].sentence_index
                       <= ANSWERS_WITHIN)
    out = []
    for i, j in sorted(pairs | answers):
        a, b = claims[i], claims[j]
        if _polarity(a) == _polarity(b):
            continue
        who_a, who_b = _who(a), _who(b)
        if who_a is not None and who_a == who_b:
            continue
        shared = words[i] & words[j]
        similarity = len(shared) / min(len(words[i]), len(words[j]))
        if similarity >= OVERLAP_MIN or (i, j) in answers:
            out.append(Disagreement("denial", a, b, " ".join(sorted(shared)),
                                    round(similarity, 3)))
    return out


def interval(f: Figure) -> tuple[float, float]:
    """The values a figure allows: "more than 1,200" is (1,200, ∞)."""
    v = f.value
    if f.bound == "range":
        return (f.low, f.high)
    if f.bound in {">", ">="}:
        return (v, math.inf)
    if f.bound in {"<", "<="}:
        return (0.0, v)
    if f.bound == "~":
        return (v * (1 - APPROX), v * (1 + APPROX))
    return (v, v)


def _compatible(a: Figure, b: Figure) -> bool:
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    strict = {">", "<"}
    if a.bound in strict or b.bound in strict:
        return max(lo_a, lo_b) < min(hi_a, hi_b) or (lo_a == lo_b and hi_a == hi_b)
    return max(lo_a, lo_b) <= min(hi_a, hi_b)


def figure_disagreements(figures: Iterable[Figure],
                         places: Mapping[tuple[str, int], frozenset[str]] | None = None,
                         ) -> list[Disagreement]:
    """Figures for the same referent, period and day from different sources that conflict.

    ``places`` holds the places named in each figure's sentence, by (article, sentence).
    Counts for a period ("14 killed on Friday") are compared only when their sentences
    name a place in common: the same day's counts from two towns are two incidents, not
    two readings of one. Running totals are compared unless they name different places.
    A referent read from the unit alone ("4 million tonnes") is no referent to compare.
    """
    places = places or {}
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        if f.referent not in NAMED_REFERENTS or f.source_actor is None:
            continue
        key = (f.referent, unit_class(f.unit), f.cumulative, f.date)
        groups.setdefault(key, []).append(f)
    out = []
    for (referent, _, cumulative, date), items in groups.items():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if _who(a) == _who(b) or _compatible(a, b):
                    continue
                if not _one_tally(a, b, places, cumulative):
                    continue
                period = "cumulative" if cumulative else "period" if cumulative is False \
                    else "unspecified"
                out.append(Disagreement("figures", a, b, f"{referent} {period} {date}"))
    return out


def _one_tally(a: Figure, b: Figure, places: Mapping[tuple[str, int], frozenset[str]],
               cumulative: bool | None) -> bool:
    """Whether two figures can count the same thing: their sentences name a place in
    common, or, where either names none, both are running totals."""
    here = places.get((a.article_id, a.sentence_index), frozenset())
    there = places.get((b.article_id, b.sentence_index), frozenset())
    if here and there:
        return bool(here & there)
    return bool(cumulative)


def disagreements(claims: Sequence[Attribution], figures: Iterable[Figure],
                  places: Mapping[tuple[str, int], frozenset[str]] | None = None,
                  ) -> list[Disagreement]:
    """The register of disagreements: denials first, then conflicting figures."""
    return claim_disagreements(claims) + figure_disagreements(figures, places)
