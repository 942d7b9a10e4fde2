"""An index of the people, organisations and places the corpus mentions most.

Each actor is listed once under its canonical name and kind (:mod:`chronicle.extract.identity`):
"IDF", "Israel Defense Forces" and "Israeli Defence Forces" are one entry; a town the tagger
took for a person is a place; a hospital is a facility.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from chronicle.actor_index import mention_identities
from chronicle.extract.identity import INDEX_GROUPS
from chronicle.store import Store


@dataclass(frozen=True)
class IndexEntry:
    name: str
    kind: str  # people, organisations, armed groups, places, facilities ...
    mentions: int
    articles: int
    article_ids: tuple[str, ...]


def entity_index(store: Store, limit: int = 15) -> dict[str, list[IndexEntry]]:
    """Most mentioned actors per kind, each under one name."""
    counts: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention, identity in mention_identities(store).items():
        key = (identity.name, INDEX_GROUPS[identity.kind])
        counts[key] += 1
        articles[key].add(mention.article_id)
    index: dict[str, list[IndexEntry]] = {"people": [], "organisations": [], "places": []}
    for (name, group), count in sorted(counts.items(), key=lambda kv: (
            -len(articles[kv[0]]), -kv[1], kv[0])):
        entries = index.setdefault(group, [])
        if len(entries) < limit:
            ids = articles[(name, group)]
            entries.append(IndexEntry(name, group, count, len(ids), tuple(sorted(ids))))
    return index
