"""Claims: who said what, the figures reported, and records that disagree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribution:
    """One attributed statement, with character offsets into the article text.

    ``source_*`` is absent (``None``) when the source is not in the text ("it was reported
    that..."). ``source_actor`` is the canonical name the source resolves to in this article
    (a pronoun resolved to the person or group it stands for, a surname to the full name),
    or ``None`` for unnamed sources ("officials say"), whose ``source_kind`` is "unnamed".
    ``parent`` is the id of the attribution this one is reported inside (a newspaper citing
    an army), so the chain of who-says-who-says can be followed.
    """

    id: str  # "<article id>:a<n>"
    article_id: str
    sentence_index: int
    cue_start: int
    cue_end: int
    cue_text: str
    content_start: int
    content_end: int
    content_text: str
    kind: str  # "direct", "indirect" or "mixed"
    stance: str  # "asserts", "denies", "accuses", "estimates" or "predicts"
    source_start: int | None = None
    source_end: int | None = None
    source_text: str = ""
    source_actor: str | None = None
    source_kind: str = "none"  # "named", "pronoun", "unnamed" or "none"
    parent: str | None = None

    @property
    def source_span(self) -> tuple[int, int] | None:
        if self.source_start is None or self.source_end is None:
            return None
        return (self.source_start, self.source_end)

    @property
    def cue_span(self) -> tuple[int, int]:
        return (self.cue_start, self.cue_end)

    @property
    def content_span(self) -> tuple[int, int]:
        return (self.content_start, self.content_end)


@dataclass(frozen=True)
class Figure:
    """One reported quantity.

    ``value`` is the number as stated (the upper end of a range, as counts are quoted);
    ``low``/``high`` give the range, or equal ``value``. ``bound`` is "=", ">", ">=", "<",
    "<=", "~" or "range". ``unit`` is the counted noun as written ("people", "trucks",
    "%", "$"); ``referent`` the kind of thing counted ("killed", "hostages", "aid trucks")
    where the text says. ``cumulative`` is True for running totals ("since October", "the
    toll"), False for one period ("overnight", "on Tuesday"), None when the text does not
    say. ``date`` is the day the figure refers to; ``attribution`` the id of the
    attribution whose content holds it, and ``source_actor`` that attribution's source.
    """

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    bound: str = "="
    unit: str | None = None
    referent: str | None = None
    cumulative: bool | None = None
    date: str | None = None
    date_basis: str = "published"  # "text": a day the sentence names; "period": a past
    # month, year or decade it names, the period a historical figure counts
    sentence_index: int = 0
    article_id: str = ""
    attribution: str | None = None
    source_actor: str | None = None
    dimension: str | None = None  # the unit's: "currency", "length", ...; "count" for a noun
    change: str | None = None  # "increase", "decrease to", "multiplied by", ...: see CHANGE_OF


@dataclass(frozen=True)
class Disagreement:
    """Two records that cannot both be right, and why."""

    kind: str  # "denial" (asserted vs denied) or "figures" (incompatible numbers)
    first: Attribution | Figure
    second: Attribution | Figure
    topic: str  # shared content words, or the referent and date of the figures
    similarity: float = 1.0
    reason: str = ""  # the shared proposition or referent, in words a reader checks
