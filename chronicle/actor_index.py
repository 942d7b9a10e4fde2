"""The store's actors, one record each: ``chronicle actors`` and the report's index.

Every entity mention of the store resolves to one identity
(:func:`chronicle.extract.identity.resolve_mentions`): a canonical name, a kind and the
surface forms written for it (its aliases, the evidence). Events already carry canonical
names (the store writes them through :func:`chronicle.extract.identity.canonical_name`);
claims' and figures' sources are matched to the same names by the tables and by the
surface forms the mentions gave. The resolution runs on what is stored, so a corrected
actors file (``CHRONICLE_ACTORS``) takes effect here without reading an article again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronicle.extract.identity import (
    ARMED_SECTORS,
    STATE_SECTORS,
    Identity,
    Mention,
    clean,
    name_key,
    resolve_mentions,
    table_identity,
)
from chronicle.store import Store
from chronicle.store import queries as sql

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
CONTEXT_CHARS = 24  # the words either side of a mention that tell its kind


@dataclass
class ActorRecord:
    """One actor of the store with what is counted about it."""

    name: str
    kind: str
    country: str = ""
    aliases: Counter[str] = field(default_factory=Counter)  # surface form → mentions
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    as_actor: int = 0  # events it does
    as_recipient: int = 0  # events done to it
    claims: int = 0  # claims it makes
    figures: int = 0  # figures it gives

    def as_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "country": self.country,
                "aliases": [a for a, _ in self.aliases.most_common()],
                "mentions": self.mentions, "articles": len(self.articles),
                "events_as_actor": self.as_actor, "events_as_recipient": self.as_recipient,
                "claims": self.claims, "figures": self.figures}


def store_mentions(store: Store) -> tuple[list[Mention], dict[str, str]]:
    """The store's entity mentions with the words around them, and the texts of the
    articles that introduce an abbreviation in parentheses."""
    mentions = [Mention(*row) for row in sql.entity_mentions_in_context(store, LABELS,
                                                                        CONTEXT_CHARS)]
    return mentions, sql.texts_with_parentheses(store)


def mention_identities(store: Store) -> dict[Mention, Identity]:
    mentions, texts = store_mentions(store)
    return resolve_mentions(mentions, texts=texts)


def surface_names(identities: dict[Mention, Identity]) -> dict[str, str]:
    """Each way the store writes an actor (a spelling-blind key) → the canonical name its
    mentions resolve to most often: what names a claim's source by the corpus ("Rice" alone
    in one article is the "Susan Rice" of the others; the "Gaza" of "Gaza health officials"
    is the place the events call "Gaza Strip")."""
    from chronicle.extract.attribution import bare_name

    votes: dict[str, Counter[str]] = {}
    for mention, identity in identities.items():
        written = name_key(bare_name(mention.text))
        if identity.kind in {"place", "facility"} and written != name_key(identity.name) \
                and name_key(identity.name).endswith(" " + written):
            # a surname's or a tail's rule gave a place a longer name ("Hama" as the "Samer
            # Hama" of a person): the words alone are no alias of it
            votes.setdefault(name_key(identity.name), Counter())[identity.name] += 1
            continue
        for words in {mention.text, bare_name(mention.text), identity.name}:
            votes.setdefault(name_key(words), Counter())[identity.name] += 1
    return {key: names.most_common(1)[0][0] for key, names in votes.items() if key}


def source_names(store: Store, identities: dict[Mention, Identity] | None = None,
                 ) -> dict[str, str]:
    """Each stored claim's and figure's source actor → its canonical name, where it differs
    (:func:`chronicle.extract.attribution.canonical_source` with the corpus's names)."""
    from chronicle.extract.attribution import canonical_source

    surfaces = surface_names(identities if identities is not None
                             else mention_identities(store))
    renamed = {}
    for name in sql.source_actor_names(store.db):
        new = canonical_source(name, surfaces=surfaces)
        if new != name:
            renamed[name] = new
    return renamed


def actor_records(store: Store, kind: str | None = None) -> list[ActorRecord]:
    """Every actor of the store, most mentioned first (``kind``: only that kind)."""
    records: dict[str, ActorRecord] = {}
    by_surface: dict[str, str] = {}
    for mention, identity in mention_identities(store).items():
        record = records.get(identity.name)
        if record is None:
            record = records[identity.name] = ActorRecord(identity.name, identity.kind,
                                                          identity.country)
        record.aliases[clean(mention.text)] += 1
        record.mentions += 1
        record.articles.add(mention.article_id)
        by_surface.setdefault(name_key(mention.text), identity.name)

    def record_of(name: str | None, sectors: str = "") -> ActorRecord | None:
        if not name:
            return None
        found = None
        known = records.get(name) or records.get(by_surface.get(name_key(name), ""))
        if known is None:
            found = table_identity(name)
            known = records.get(found.name) if found is not None else None
        if known is None:  # named by events only: "Syrian armed forces"
            kind = found.kind if found is not None else _kind_of_sectors(sectors)
            known = records[name] = ActorRecord(name, kind)
        return known

    for role, attribute in (("actor", "as_actor"), ("recipient", "as_recipient")):
        for name, sectors, n in sql.role_name_counts(store, role):
            if (record := record_of(name, sectors or "")) is not None:
                setattr(record, attribute, getattr(record, attribute) + n)
    for table, attribute in (("attributions", "claims"), ("figures", "figures")):
        for name, n in sql.source_actor_counts(store, table):
            if (record := record_of(name)) is not None:
                setattr(record, attribute, getattr(record, attribute) + n)
    out = [r for r in records.values() if kind is None or r.kind == kind]
    return sorted(out, key=lambda r: (-r.mentions, -(r.as_actor + r.as_recipient), r.name))


def _kind_of_sectors(sectors: str) -> str:
    first = sectors.split(",")[0]
    if first in ARMED_SECTORS:
        return "armed group"
    return "state or government" if first in STATE_SECTORS else "organisation"


def reindex(store: Store) -> int:
    """Rename the stored events' actors and recipients, and the claims' and figures'
    sources, by the current tables (a corrected or added actors file) and the store's
    mentions, without reading an article again; returns the rows renamed.

    Mentions keep their words (``actor_text``, ``source_text``) as the evidence; the name
    each mention, event, claim and figure carries is recomputed
    (:func:`chronicle.extract.identity.canonical_name`, :func:`source_names`)."""
    from chronicle.extract.identity import canonical_name
    from chronicle.model import Actor

    sources = source_names(store)
    changed = 0
    with store.transaction() as db:
        for old, new in sources.items():
            changed += sql.rename_source(db, old, new)
        for table in ("event_mentions", "events"):
            for role in ("actor", "recipient"):
                for named in sql.role_names(db, table, role):
                    actor = Actor(text=named.words or named.name, name=named.name,
                                  country=named.country or "",
                                  sectors=tuple(s for s in (named.sectors or "").split(",")
                                                if s))
                    new = canonical_name(actor)
                    if new == named.name:
                        continue
                    changed += sql.rename_role(db, table, role, named, new)
        sql.add_event_names(db)
    return changed
