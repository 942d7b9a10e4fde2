"""Query parameters shared by the endpoints, validated before any query runs.

The dependencies are ``async`` only so that FastAPI runs them on the event loop instead of
handing each to a worker thread: they never wait on anything.

FastAPI turns a value of the wrong shape (a date that is not YYYY-MM-DD, a page of 0) into a
422 naming the parameter; the checks here add what a type cannot say (a range that ends before
it starts, an event type PLOVER does not have) as a 400 with the same kind of message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query

from chronicle.extract.acled import LABELS
from chronicle.extract.cameo import PLOVER_TYPES
from chronicle.query import EventFilter

MAX_PER_PAGE = 500


@dataclass(frozen=True)
class Page:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def wrap(self, items: list, total: int) -> dict:
        """The one shape of every paginated answer."""
        return {"items": items, "total": total, "page": self.page, "per_page": self.per_page,
                "pages": (total + self.per_page - 1) // self.per_page}


async def page_params(
        page: Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")] = 1,
        per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE,
                                       description="Items per page.")] = 50) -> Page:
    return Page(page, per_page)


DateFrom = Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD (inclusive).")]
DateTo = Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")]
Text = Annotated[str | None, Query(max_length=1000)]
GroupBy = Literal["type", "actor", "recipient"]


def check_range(date_from: dt.date | None, date_to: dt.date | None) -> tuple[str | None,
                                                                             str | None]:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"date_from ({date_from}) is after date_to ({date_to})")
    return (date_from.isoformat() if date_from else None,
            date_to.isoformat() if date_to else None)


async def event_filter(
        date_from: DateFrom = None, date_to: DateTo = None,
        type: Annotated[str | None, Query(
            max_length=20, description="PLOVER event type, e.g. ASSAULT.")] = None,
        actor: Annotated[str | None, Query(
            max_length=1000, description="Actor name (part of) or ISO3 country.")] = None,
        recipient: Annotated[str | None, Query(
            max_length=1000, description="Recipient name (part of) or ISO3 country.")] = None,
        place: Annotated[str | None, Query(
            max_length=1000, description="Place name (part of).")] = None,
        outlet: Annotated[str | None, Query(
            max_length=1000, description="Outlet that reported it.")] = None,
        acled: Annotated[str | None, Query(
            max_length=60, description="ACLED sub-event type (e.g. Air/drone strike) or "
                                       "event type (e.g. Battles).")] = None,
) -> EventFilter:
    first, last = check_range(date_from, date_to)
    if type and type.upper() not in PLOVER_TYPES:
        raise HTTPException(400, f"unknown event type {type!r}: one of "
                                 f"{', '.join(PLOVER_TYPES)}")
    if acled and acled not in ACLED_TYPES:
        raise HTTPException(400, f"unknown ACLED type {acled!r}: one of "
                                 f"{', '.join(sorted(ACLED_TYPES))}")
    return EventFilter(first, last, type.upper() if type else None, actor or None,
                       recipient or None, place or None, outlet or None,
                       acled_type=acled or None)


# what the ACLED filter accepts: a sub-event type or an event type
ACLED_TYPES = frozenset(t for _, event_type, sub in LABELS.values() for t in (event_type, sub))


Paging = Annotated[Page, Depends(page_params)]
Events = Annotated[EventFilter, Depends(event_filter)]
