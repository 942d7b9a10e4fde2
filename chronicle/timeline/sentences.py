"""Which sentences say what happened on a day, without saying it twice.

Candidates for a day are the sentences whose time expressions resolve to it, and the opening
sentences of articles published that day that name no other day (news leads report the day's
events). Each is scored by its similarity to the centroid of the day's candidates (what most
reports of that day share) and to the whole story (so a passing mention of the day in an
unrelated context loses), less a little for lying deep in the article. Selection is greedy: the best
sentence that is not too similar to one already chosen, anywhere in the timeline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from chronicle.timeline.corpus import Corpus

LEAD_SENTENCES = 6  # opening sentences of an article that speak for its publication day
MIN_WORDS, MAX_WORDS = 6, 70
TEXT_BONUS = 0.0  # bonus for naming the day; 0.15 and 0.4 scored lower on T17
TOPIC_WEIGHT = 0.5  # weight of similarity to the whole story against the day's centroid
REDUNDANT = 0.5  # cosine above which a sentence repeats one already chosen
POSITION_WEIGHT = 0.1  # penalty for sentences deep in their article (leads carry the news)
MAX_CANDIDATES = 400  # per day, nearest to the day's centroid kept for selection


@dataclass
class Candidate:
    row: int  # index into the corpus sentences (and the vector matrix)
    basis: str  # "text": its time expression names the day; "published": a lead that day
    story: str


class SentenceSpace:
    """TF-IDF vectors (unit length) of every sentence of a corpus, fitted on that corpus."""

    def __init__(self, corpus: Corpus) -> None:
        texts = [s.text for s in corpus.sentences]
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2,
                                          max_df=0.5, token_pattern=r"(?u)\b[a-zA-Z][\w-]+\b",
                                          dtype=np.float32)
        try:
            self.matrix = self.vectorizer.fit_transform(texts).tocsr()
        except ValueError:  # empty vocabulary: a tiny or empty corpus
            self.vectorizer = TfidfVectorizer(dtype=np.float32)
            self.matrix = (self.vectorizer.fit_transform(texts).tocsr() if any(texts)
                           else sparse.csr_matrix((len(texts), 1), dtype=np.float32))
        centroid = np.asarray(self.matrix.mean(axis=0)).ravel()
        self.topic = centroid / (np.linalg.norm(centroid) or 1.0)


def candidates_by_day(corpus: Corpus, days: set[str]) -> dict[str, list[Candidate]]:
    """The candidate sentences of each wanted day; near-duplicate articles are left out."""
    result: dict[str, list[Candidate]] = defaultdict(list)
    for row, s in enumerate(corpus.sentences):
        doc = corpus.docs[s.article_id]
        if doc.duplicate_of in corpus.docs or not MIN_WORDS <= s.words <= MAX_WORDS:
            continue
        story = corpus.story_of(s.article_id)
        for day in set(s.days) & days:
            result[day].append(Candidate(row, "text", story))
        if not s.days and s.index < LEAD_SENTENCES and doc.published in days:
            result[doc.published].append(Candidate(row, "published", story))
    return result


def select(corpus: Corpus, space: SentenceSpace, candidates: list[Candidate], k: int,
           chosen: list[int]) -> list[Candidate]:
    """Up to ``k`` informative, non-redundant candidates for one day.

    ``chosen`` holds the rows already in the timeline (other days); it is extended in place,
    so no sentence (or a near copy) appears twice.
    """
    if not candidates or k <= 0:
        return []
    unique: dict[str, Candidate] = {}
    for c in candidates:  # one copy of each text; a "text" basis wins over "published"
        key = corpus.sentences[c.row].text.strip().lower()
        if key not in unique or (c.basis == "text" and unique[key].basis != "text"):
            unique[key] = c
    pool = list(unique.values())
    rows = [c.row for c in pool]
    vectors = space.matrix[rows]
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    relevance = vectors @ centroid + TOPIC_WEIGHT * (vectors @ space.topic)
    relevance = relevance + np.array([TEXT_BONUS if c.basis == "text" else 0.0 for c in pool])
    depth = np.array([min(corpus.sentences[c.row].index, 20) / 20 for c in pool])
    relevance = relevance - POSITION_WEIGHT * depth
    order = np.argsort(-relevance, kind="stable")[:MAX_CANDIDATES]
    picked: list[Candidate] = []
    for i in order:
        if len(picked) == k:
            break
        row = pool[i].row
        if chosen:
            overlap = space.matrix[chosen] @ space.matrix[row].T
            if overlap.nnz and overlap.max() >= REDUNDANT:
                continue
        picked.append(pool[i])
        chosen.append(row)
    return picked
