"""An index of the people, organisations and places the corpus mentions most."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from chronicle.store import Store

KINDS = {"PERSON": "people", "ORG": "organisations", "GPE": "places", "LOC": "places",
         "FAC": "places"}


@dataclass(frozen=True)
class IndexEntry:
    name: str
    kind: str  # people, organisations, places
    mentions: int
    articles: int
    article_ids: tuple[str, ...]


def entity_index(store: Store, limit: int = 15) -> dict[str, list[IndexEntry]]:
    """Most mentioned entities per kind.

    The statistical tagger labels the same name differently in different sentences (a town
    tagged PERSON once), so each name takes the kind it gets most often across the corpus.
    A surname alone ("Blinken") counts for the full name it shortens in the same article.
    """
    rows = store.db.execute(
        "SELECT article_id, text, label FROM mentions WHERE label IN "
        f"({','.join('?' * len(KINDS))})", list(KINDS),
    ).fetchall()
    kind_votes: dict[str, Counter[str]] = defaultdict(Counter)
    by_article: dict[str, list[str]] = defaultdict(list)
    for aid, text, label in rows:
        name = _clean(text)
        if not name:
            continue
        kind_votes[name][KINDS[label]] += 1
        by_article[aid].append(name)

    corpus_counts = Counter(name for names in by_article.values() for name in names)
    mentions: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for aid, names in by_article.items():
        full_names = {n for n in set(names) if " " in n and _kind(kind_votes, n) == "people"}
        for name in names:
            if " " not in name and _kind(kind_votes, name) == "people":
                longer = [f for f in full_names if f.split()[-1] == name]
                if longer:  # the full form the corpus uses most
                    name = min(longer, key=lambda f: (-corpus_counts[f], f))
            mentions[name] += 1
            articles[name].add(aid)

    _merge_longer_forms(mentions, articles, kind_votes)
    index: dict[str, list[IndexEntry]] = {"people": [], "organisations": [], "places": []}
    for name, count in sorted(mentions.items(), key=lambda kv: (-len(articles[kv[0]]),
                                                                -kv[1], kv[0])):
        kind = _kind(kind_votes, name)
        if len(index[kind]) < limit:
            index[kind].append(IndexEntry(name, kind, count, len(articles[name]),
                                          tuple(sorted(articles[name]))))
    return index


def _merge_longer_forms(mentions: Counter[str], articles: dict[str, set[str]],
                        kind_votes: dict[str, Counter[str]]) -> None:
    """Count "Spokesperson Jane Doe" as "Jane Doe": a title glued to a known name."""
    people = {n for n in mentions if _kind(kind_votes, n) == "people"}
    for name in sorted(people, key=len, reverse=True):
        words = name.split()
        for cut in range(1, len(words) - 1):
            shorter = " ".join(words[cut:])
            if shorter in people and mentions[shorter] >= mentions[name]:
                mentions[shorter] += mentions.pop(name)
                articles[shorter] |= articles.pop(name)
                break


def _kind(votes: dict[str, Counter[str]], name: str) -> str:
    return votes[name].most_common(1)[0][0]


def _clean(text: str) -> str:
    name = " ".join(text.split()).strip(" .,;:'\"“”’")
    if name.lower().startswith("the "):
        name = name[4:]
    return name.removesuffix("'s").removesuffix("’s")
