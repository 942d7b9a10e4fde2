"""Read-only queries over the store shared by the CLI, the exports and the JSON API.

The SQL is the store's (``chronicle.store.queries``); this module adds what a reader sees
beyond the rows: how a source reads (``source_label``) and how precisely a place is known.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from chronicle.extract.places import place_precision
from chronicle.store import Store
from chronicle.store import queries as sql
from chronicle.store.queries import (
    ACTOR_PAGE_ITEMS,
    EventFilter,
    actor_network,
    articles,
    count_events,
    date_range,
    event,
    event_days,
    events,
    events_json,
    frequent_words,
    fts_query,
    search_ranking,
    sentences_at,
    stats,
)

__all__ = [
    "ACTOR_PAGE_ITEMS", "EventFilter", "actor", "actor_network", "actor_profile", "actors",
    "article", "articles", "claims", "count_events", "date_range", "event", "event_days",
    "event_places", "events",
    "events_json", "figures", "frequent_words", "fts_query", "search_ranking", "sentences_at",
    "source_label", "stats",
]


def event_places(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Geocoded places with how many events happened there (a map needs one dot a place)."""
    # each place says how precisely it is known: a country is drawn as the country
    return [{**row, "precision": place_precision(row["place_name"])}
            for row in sql.event_places(store, where)]


def actors(store: Store, name: str | None = None, limit: int | None = None, offset: int = 0,
           q: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """The store's actors with their counts (``chronicle.store.queries.actors``); ``q``
    finds an actor by its name or any alias: the words the articles wrote for it, and
    the names the actor registry knows it by ("IDF" finds Israel Defense Forces)."""
    alias = q.strip() if q else None
    also: list[str] = []
    if alias is not None:
        canonical = registry_name(alias)
        if canonical != alias:
            also.append(canonical)
    return sql.actors(store, name, limit, offset, alias=alias, also=also)


_REGISTRY_LOCK = threading.Lock()


def registry_name(words: str) -> str:
    """The actor registry's name for ``words`` (they themselves where it knows none).

    The registry is built once, under a lock: threads that all built it at once (a served
    explorer's first searches) would each spend a second and a half of the interpreter."""
    from chronicle.extract.attribution import canonical_source

    with _REGISTRY_LOCK:
        return canonical_source(words)


def actor(store: Store, name: str, limit: int = ACTOR_PAGE_ITEMS) -> dict[str, Any] | None:
    """Everything about one actor (see ``chronicle.store.queries.actor``), its claims and
    figures with their ``source_label``."""
    found = sql.actor(store, name, limit)
    if found is not None:
        found["claims"] = [_labelled(row) for row in found["claims"]]
        found["figures"] = [_labelled(row, "(unattributed)") for row in found["figures"]]
        found["profile"] = actor_profile(name)
        forms = [name, *found["profile"]["known_as"], *found["aliases"]]
        # a pronoun or common noun the articles wrote for it ("he", "officials") names no one
        forms = [f for f in forms if any(ch.isupper() for ch in f)]
        found["claims_about"] = [_labelled(row)
                                 for row in sql.claims_naming(store, forms, name, limit)]
    return found


def actor_profile(name: str) -> dict[str, Any]:
    """Who an actor is, as the actor tables know it: its kind, country, sectors, the roles
    it held over time (oldest first) and the other names the tables know it by; empty
    fields where they know nothing of it."""
    from chronicle.extract.actors import named_actors, registry
    from chronicle.extract.identity import table_identity

    with _REGISTRY_LOCK:  # the tables are built once (see ``registry_name``)
        identity = table_identity(name)
        named, aliases = named_actors().get(identity.name if identity else name, (None, ()))
        places = registry().places
    kind = identity.kind if identity else None
    if identity is not None and identity.kind == "place" and places is not None and \
            places.country_names.get(identity.country) == identity.name:
        kind = "country"  # a state, not a town
    roles = sorted(named.roles, key=lambda r: r.start) if named else []
    current = named.role_at(None) if named else None
    return {"kind": kind,
            "country": (identity.country if identity else "") or (named.country if named
                                                                 else "") or None,
            "sectors": list(current.sectors) if current else [],
            "roles": [{"title": r.title or None, "sectors": list(r.sectors),
                       "from": r.start or None, "until": r.end or None} for r in roles],
            "known_as": [a for a in aliases if a != name]}


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, sentences (character spans) and what was found in it."""
    found = sql.article(store, article_id)
    if found is not None:
        found["claims"] = [_labelled(row) for row in found["claims"]]
    return found


def source_label(actor: str | None, text: str | None, missing: str = "(unnamed)") -> str:
    """How a source reads: the actor it resolved to, followed by the article's own words
    where their head word is not the actor's ("Gaza (“Gaza health authorities”)",
    "Benjamin Netanyahu (“he”)"; but "Joe Biden" for "US President Joe Biden"),
    so that grouping by actor hides neither the institution nor how a pronoun was read."""
    text = (text or "").strip()
    if not actor:
        return text or missing
    words = text.lower().split()
    head = re.sub(r"['’]s$", "", words[-1].strip(",.;:")) if words else ""
    # titles before a name ("US President Joe Biden") say nothing the name does not, and
    # a long description ("X, head of Y's Z for W") is the article's to tell
    if not head or head in actor.lower().split() or (
            len(words) > 5 and actor.lower() in text.lower()):
        return actor
    return f"{actor} (“{text}”)"


def _labelled(row: Any, missing: str = "(unnamed)") -> dict[str, Any]:
    """A claim or figure row with its ``source_label``."""
    out = dict(row)
    out["source_label"] = source_label(out.get("source_actor"), out.get("source_text"), missing)
    return out


def claims(store: Store, about: str | None = None, source: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Attributed statements with their source (``source_label`` to show it), cue, stance
    and article."""
    return [_labelled(row) for row in sql.claims(store, about, source, limit, offset)]


def figures(store: Store, referent: str | None = None, limit: int | None = None,
            offset: int = 0) -> list[dict[str, Any]]:
    """Reported figures with their source (``source_label`` to show it) and date, oldest
    first."""
    return [_labelled(row, "(unattributed)")
            for row in sql.figures(store, referent, limit, offset)]
