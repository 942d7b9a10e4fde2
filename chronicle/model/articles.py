"""Articles as ingested, the inputs that could not be, and near duplicates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Whitespace-insensitive form of a text: the basis of content hashes."""
    return _SPACE.sub(" ", text).strip()


def content_hash(*parts: str) -> str:
    """A stable 16-hex-digit id from the normalised text of ``parts``."""
    digest = hashlib.sha256("\x1f".join(normalise_text(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Furniture:
    """A piece of a saved page that is not the article (``chronicle.ingest.furniture`` names
    the kinds): kept apart with its place on the page, never read for events or entities."""

    kind: str  # byline, contributor, dateline, timestamp, share, policy, navigation,
    #            related, comment, sidebar
    text: str
    # character offset of the piece in the page's text as separated (tokeniser escapes
    # restored); its order on the page is its place in ``Article.furniture``
    start: int = 0


@dataclass(frozen=True)
class Article:
    """One dated news article, as ingested.

    ``id`` is a hash of title and text, so the same story seen twice (another file, another
    run) is one article; each place it was seen is kept as an ``Origin``.
    """

    id: str
    published: str  # ISO date, YYYY-MM-DD
    text: str
    title: str = ""
    source: str = ""  # outlet, e.g. "bbc"; empty when unknown
    published_time: str | None = None  # HH:MM where the input gives it
    url: str | None = None
    origin: str = ""  # where it came from: path, path:line, or URL
    # what the page carried besides the article, in page order; not part of the id (a story
    # is the same story whatever comments its page had when saved)
    furniture: tuple[Furniture, ...] = field(default=(), compare=False)

    @classmethod
    def create(cls, *, published: str, text: str, title: str = "", **fields: object) -> Article:
        return cls(id=content_hash(title, text), published=published, text=text, title=title,
                   **fields)  # type: ignore[arg-type]

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Reject:
    """An input item that could not be ingested, and why."""

    origin: str  # path, or path:line for one line/row of a JSONL/CSV file
    reason: str


@dataclass(frozen=True)
class DuplicateLink:
    """``article_id`` repeats ``duplicate_of`` (an earlier article) with small edits."""

    article_id: str
    duplicate_of: str
    similarity: float  # estimated Jaccard similarity of word shingles
    kind: str = "near"  # "near"; exact copies share one article id and show as extra origins
