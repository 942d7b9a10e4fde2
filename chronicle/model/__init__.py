"""Typed records that flow between Chronicle's stages, one module per family.

Every stage takes and returns these records; the store's tables are filled from their
fields by name (``chronicle.store.rows``). This package is the ground floor: it imports
nothing else of Chronicle's, and every stage imports it, never the reverse.
"""

from chronicle.model.articles import (
    Article,
    DuplicateLink,
    Furniture,
    Reject,
    content_hash,
    normalise_text,
)
from chronicle.model.claims import Attribution, Disagreement, Figure
from chronicle.model.events import DATE_NOTES, Event, EventMention
from chronicle.model.places import PRECISION, Actor, Place
from chronicle.model.reading import Mention, ReadArticle, Sentence, Timex
from chronicle.model.timeline import Evidence, TimelineEntry

__all__ = ["DATE_NOTES", "PRECISION", "Actor", "Article", "Attribution", "Disagreement",
           "DuplicateLink", "Event", "EventMention", "Evidence", "Figure", "Furniture",
           "Mention", "Place", "ReadArticle", "Reject", "Sentence", "TimelineEntry", "Timex",
           "content_hash", "normalise_text"]
