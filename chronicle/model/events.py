"""Events: one sentence's report of a happening, and the happening across articles."""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.model.places import Actor, Place

# How an event's date was found, as the listings note it beside the date; a day the
# text names ("text") needs no note.
DATE_NOTES = {"published": "dated by publication",
              "period": "first day of the week or month named"}


@dataclass(frozen=True)
class EventMention:
    """One sentence's report of one event, with the evidence for every field."""

    id: str
    article_id: str
    sentence_index: int
    event_type: str  # PLOVER type
    mode: str  # PLOVER mode ("phone", "visit", "heavy-weapons", ...), "" if none
    actor: Actor | None
    recipient: Actor | None
    date: str  # ISO date
    date_basis: str  # "text": a day the sentence names; "period": the first day of a week
    # or month it names; "published": the report's day, a fallback
    location: Place | None
    location_text: str
    modality: str  # asserted, denied, planned, threatened, hypothetical
    reporter: str  # who the sentence says reports it ("officials", "the army"), "" if none
    confidence: float
    trigger: str
    trigger_start: int  # character offsets of the trigger word in the article text
    trigger_end: int
    start: int  # character offsets of the evidence sentence in the article text
    end: int
    text: str  # the evidence sentence
    published: str = ""
    source: str = ""
    cameo_root: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    depth: int = 0  # trigger's distance from the sentence root: 0 for the main verb
    co_actors: tuple[Actor, ...] = ()  # conjoined actors: "Hungarian and Romanian officials"
    co_recipients: tuple[Actor, ...] = ()
    # ACLED's coding (chronicle.extract.acled), filled once the sentence's figures are known
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    disorder_type: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: bool = False
    fatalities: int | None = None  # killed, as the report says; None: no number given
    fatalities_bound: str = ""
    fatalities_source: str = ""


@dataclass(frozen=True)
class Event:
    """One happening, with every mention of it across articles."""

    id: str
    event_type: str
    mode: str
    actor: Actor | None
    recipient: Actor | None
    date: str
    date_basis: str
    location: Place | None
    modality: str
    confidence: float
    mentions: tuple[EventMention, ...]
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    cameo_root: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    disorder_type: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: bool = False
    fatalities: int | None = None  # the lowest its reports give (ACLED's conservative rule)
    fatalities_bound: str = ""
    fatalities_source: str = ""
    fatalities_note: str = ""  # how the figure was chosen among the reports' figures
