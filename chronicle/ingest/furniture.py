"""Page furniture: what a saved page carries besides the article, kept apart from the record.

Two passes. At ingest, :func:`separate` splits one article's text into its body and its
furniture, line by line, by rules that name the kind of line (bylines, contributor lines,
datelines, page timestamps, share and retweet lines, terms and privacy text, navigation,
related-story lists, reader comments and the page's sidebar after the comment form), and
restores tokeniser artefacts (``-LRB-``, ````` ``, ``''``) to the characters they stand for.
Everything downstream reads, and has its offsets into, the cleaned body; the furniture
travels on the article (``Article.furniture``) into a table of its own, where nothing
reads it for events, claims, figures or entities.

After reading, :func:`outlet_furniture` finds what no single page shows: a sentence that one
outlet prints word for word in many articles on many days (a teaser, a promo, a standard
paragraph) is that outlet's furniture. Consolidation counts it once and the timeline never
uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chronicle.model import Article, Furniture, Reject

# --------------------------------------------------------------------------------------------
# Tokeniser artefacts (Penn Treebank escapes, as in Timeline17's one-sentence-a-line text).

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
             "-RCB-": "}"}
_BRACKET_TOKEN = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-")
_OPEN_SPACE = re.compile(r"([(\[{]) +")
_CLOSE_SPACE = re.compile(r" +([)\]}])")
_OPEN_QUOTE = re.compile(r"``\s*")
_CLOSE_QUOTE = re.compile(r"\s*''")
_ESCAPED_SLASH = re.compile(r"\\/")


def is_tokenised(text: str) -> bool:
    """Whether a text carries treebank escapes: only then is ``''`` a closing quote rather than
    two apostrophes someone typed."""
    return "``" in text or bool(_BRACKET_TOKEN.search(text))


def restore_tokens(text: str) -> str:
    """``-LRB- CNN -RRB-`` -> ``(CNN)``, ```` `` ```` and ``''`` -> ``"`` hugging their words,
    ``\\/`` -> ``/``. The spaces the tokeniser put inside brackets and quotes go with them;
    other token spacing ("Benghazi , Libya") stays, as the source had it."""
    if not is_tokenised(text):
        return text
    text = _BRACKET_TOKEN.sub(lambda m: _BRACKETS[m[0]], text)
    text = _CLOSE_SPACE.sub(r"\1", _OPEN_SPACE.sub(r"\1", text))
    text = _CLOSE_QUOTE.sub('"', _OPEN_QUOTE.sub('"', text))
    return _ESCAPED_SLASH.sub("/", text)


# --------------------------------------------------------------------------------------------
# Kinds of line.

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?"
_ZONE = r"(?:(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|ET|local(?: time)?)\b)"

# A reader comment's signature: "March 5 , 2011 at 6:15 am | Report abuse |", "... | Reply",
# "February 28 , 2011 09:57 pm at 9:57 pm |": a date, "at" a clock time, and a bar.
_COMMENT_SIGNATURE = re.compile(
    rf"{_MONTH}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+(?:{_CLOCK}\s+)?at\s+{_CLOCK}\s*\|",
    re.IGNORECASE)
# The comment form's own text: it closes the article, what follows is the page's sidebar. Only
# the form's mechanics count: "post a comment on my blog" is said on air, inside the article.
_COMMENT_FORM = re.compile(
    r"comments are not pre-?screened|you agree that anything you post|"
    r"\(required, but will not be displayed\)|you must be logged in to post a comment|"
    r"add your comments? on this story\s*,?\s*using the form|comments? (?:are|is) closed\b",
    re.IGNORECASE)
# The register of reporting: a line saying who said or reported what is the article's, not a
# reader's; the walk back from the first comment signature stops at one.
_NEWS_REGISTER = re.compile(
    r"\b(?:said|says|told|according to|reported|reports|announced|confirmed)\b")
MAX_COMMENT_LINES_BEFORE_SIGNATURE = 15  # a first comment longer than this is rare
# A reader's voice: first or second person, or an exclamation. Only such lines are taken back
# from the first signature: an op-ed's body reads like a comment, so when in doubt the line
# stays in the body (a comment kept costs less than an article's sentence lost).
_READER_VOICE = re.compile(r"(?i:\b(?:me|my|mine|we|our|ours|us|you|your|yours)\b)|\bI\b|!")

_CONTRIBUTOR = re.compile(
    r"^(?:[^\"!?]{0,300}\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+"
    r"(?:report|story|article)|(?:additional\s+)?reporting\s+by\b.{0,200}|"
    r"(?:writing|editing|compiled|produced)\s+by\b.{0,150})\s*[.;]?\s*$",
    re.IGNORECASE)
_NAME = r"[A-Z][\w'.-]*"
# "By Jane Smith", "By Gloria Borger , CNN Senior Political Analyst", "Posted by: X"
_BYLINE = re.compile(
    rf"^(?:By|Posted by:?|From)\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*\s*$")
# A byline run into the first sentence: "By the CNN Wire Staff Libyan strongman ..."
# "By Pam Doe , WIRE National Security Producer ...", and a headline run in before it
# ("Rebels take port By the Wire Staff ..."): both go.
_BYLINE_PREFIX = re.compile(
    rf"^(?:[^.!?]{{0,100}}?\s)?By\s+(?:the\s+)?(?:{_NAME}\s+){{0,4}}?(?:,\s*(?:{_NAME}\s+){{0,4}}?)?"
    rf"(?:Wire\s+)?(?:Staff|Correspondents?|Reporters?|Writers?|Editors?|Producers?|"
    rf"Analysts?|Contributors?|Columnists?)\b\s*(?:,\s*)?")
# "From Jane Doe and Ann Lee , WIRE Rebels advance ...": names, a comma, an upper-case outlet.
_FROM_BYLINE_PREFIX = re.compile(
    rf"^From\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*"
    rf"\s*,\s*[A-Z]{{2,}}\b\s*")
# "TRIPOLI, Libya (CNN) --", "(CNN) --", "WASHINGTON (Reuters) -": where and by whom, then the
# lead. Only a capitalised place and a short parenthesised name followed by a dash qualify.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*,\s*[A-Z][\w .'-]{1,30})?\s*)?"
    r"\((?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*){0,2}\)\s*(?:--|\u2014|\u2013|-)\s+")
# Page timestamps on their own: "28 January 12 22:46 GMT", "Updated 1:38 a.m. ET, Mon
# February 21, 2011", "Page last updated at 08:58 GMT, Thursday, 24 June 2010".
_STAMP_WORDS = (r"(?:(?:page\s+)?(?:last\s+)?(?:updated|posted|published|modified)"
                r"\s*(?:at|on|:)?\s*)")
# Tokens with a separator between each: a run of digits has one way to be read, so a long line
# that is not a stamp fails at once (no backtracking through every way of splitting it).
_STAMP_TOKEN = (rf"(?:{_WEEKDAY}|{_MONTH}|\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s?[ap]\.?\s?m\b\.?)?"
                rf"|{_ZONE}|\d{{1,4}}\b(?![:.]\d)|at\b|on\b)")
_STAMP_LINE = re.compile(
    rf"^\s*{_STAMP_WORDS}?{_STAMP_TOKEN}(?:[\s,;:|-]+{_STAMP_TOKEN})*\s*\.?\s*$", re.IGNORECASE)
_CLOCK_TIME = re.compile(rf"\b{_CLOCK}", re.IGNORECASE)
_STAMP_OPENING = re.compile(rf"^\s*{_STAMP_WORDS}\S", re.IGNORECASE)
# A timestamp opening a live-blog entry: "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday
# ET):", "(Posted at 11:06 a.m. ET, 6:06 p.m. local time)". The entry after it is news.
_STAMP_PREFIX = re.compile(
    rf"^(?P<label>.{{0,120}}?)\(\s*{_STAMP_WORDS}[^()]{{0,80}}?{_CLOCK}[^()]{{0,80}}\)\s*:?\s*",
    re.IGNORECASE)
# A live blog's entry stamp: "LIBYA , 11:22 p.m. ET , 6:22 a.m. local :" (place, clocks, colon).
_LIVE_STAMP_PREFIX = re.compile(
    rf"^(?:[A-Z][A-Z .'-]{{1,30}}\s*,\s*)?{_CLOCK}\s*{_ZONE}?(?:\s*[,;]\s*{_CLOCK}\s*{_ZONE}?)*"
    rf"\s*:\s*(?=\S)")
# "updated : Thu May 03 2012 06:46:00": a teaser of another story (a list of them), the
# headline of which runs in before the stamp.
_TEASER_STAMP = re.compile(
    rf"^(?P<label>.{{0,120}}?)\bupdated\s*:\s*{_WEEKDAY}\s+{_MONTH}\s+\d{{1,2}}\s+\d{{4}}\s+"
    rf"{_CLOCK}\s*", re.IGNORECASE)
# A tweet as a page shows it: a shortened link, a clock time and a date, "RETWEET".
_SHARE = re.compile(
    r"\bRETWEET\b|^\s*(?:share|tweet|e-?mail|print|like)(?:\s+(?:this|on \w+|it|story|"
    r"article))?\s*[.:!]?\s*$|^\s*share (?:this|on facebook|on twitter)\b.{0,40}$|"
    r"\bfollow (?:us|this blog|@\w+)\b|\benter your email address\b|"
    r"\bnotify me of (?:follow-up comments|new posts)\b|\bbit\s?\.\s?ly\b|"
    r"^\s*\w{1,4}/\w{5,9}\b", re.IGNORECASE)
_POLICY = re.compile(
    r"\bterms of (?:service|use)\b|\bprivacy (?:policy|statement|notice)\b|\bcookie policy\b|"
    r"\brules of conduct\b|\ball rights reserved\b|\bcopyright\s*(?:\(c\)|\u00a9|\d{4})|"
    r"\bmay not be (?:published|reproduced), broadcast|\bcommunity guidelines\b|"
    r"\b(?:read|accept|agree to) (?:the|our) terms\b|"
    r"\bcontact details will (?:never|not) be (?:published|shared)\b",
    re.IGNORECASE)
_NAVIGATION = re.compile(
    r"\bclick here\b|^\s*(?:watch|see|read|view)\b.{0,60}\b(?:here|video|online)\s*[.!]?\s*$|"
    r"^\s*(?:skip to (?:main )?content|back to top|home|next|previous|menu|"
    r"sign in|log in|subscribe|advertisement|loading\W*)\s*[.:]?\s*$|"
    r"^\s*watch\s+.{0,80}\b(?:weeknights|weekdays|sundays?|saturdays?|on cnn)\b.{0,40}$",
    re.IGNORECASE)
# A page's own terms address the reader ("you agree", "our Privacy Policy"); a report on a
# company's terms of service names them without speaking to anyone.
_ADDRESSED = re.compile(r"(?i:\b(?:you|your|our|we|us)\b)|^\s*(?:please|by (?:posting|using))\b",
                        re.IGNORECASE)
# "RELATED: ...", "READ MORE: ...", "MORE: ...": a list of other stories.
_RELATED = re.compile(
    r"^\s*(?:related(?: stories| articles| content)?|read more|more from \w+|see also|"
    r"most (?:popular|read|viewed)|latest news|recommended|you might also like|also on \w+)"
    r"\s*:", re.IGNORECASE)
# "VIDEO: Protester describes offensive", "PHOTOS: ...": a label and a headline of a link.
_MEDIA_LABEL = re.compile(r"^\s*(?:VIDEO|PHOTOS?|GALLERY|AUDIO|INTERACTIVE|MAP|TIMELINE)\s*:\s*")


@dataclass(frozen=True)
class Separated:
    body: str
    furniture: tuple[Furniture, ...]


def _comment_span(lines: list[str]) -> tuple[int, int] | None:
    """``[first, end)`` of the reader comments, or None. Comments end at the comment form (or
    the page); they start a few lines before the first signature (a signature follows the
    comment it signs), going back over lines in a reader's voice only, never over one in the
    register of reporting."""
    first = next((i for i, line in enumerate(lines) if _COMMENT_SIGNATURE.search(line)), None)
    if first is None:
        return None
    start = first
    while (start > 0 and first - start < MAX_COMMENT_LINES_BEFORE_SIGNATURE
           and _READER_VOICE.search(lines[start - 1])
           and not _NEWS_REGISTER.search(lines[start - 1])
           and not _COMMENT_FORM.search(lines[start - 1])):
        start -= 1
    end = next((i for i in range(first, len(lines)) if _COMMENT_FORM.search(lines[i])),
               len(lines))
    return start, end


def _whole_line_kind(line: str) -> str | None:
    if _CONTRIBUTOR.match(line):
        return "contributor"
    if _BYLINE.match(line) and len(line.split()) <= 12:
        return "byline"
    if _SHARE.search(line):
        return "share"
    if _POLICY.search(line) and _ADDRESSED.search(line) and not _NEWS_REGISTER.search(line):
        return "policy"  # the page speaking to its reader, not news about a company's terms
    if _RELATED.match(line):
        return "related"
    if _NAVIGATION.search(line):
        return "navigation"
    # a date alone may head a chronology's entries: only a clock time or "updated" stamps
    if _STAMP_LINE.match(line) and (_CLOCK_TIME.search(line) or _STAMP_OPENING.match(line)):
        return "timestamp"
    return None


def _strip_prefixes(line: str, start: int, found: list[Furniture]) -> str:
    """A line whose opening is furniture (a byline, a dateline, a live-blog stamp, a teaser
    stamp) and whose rest is the article's: the opening goes, the rest stays. ``start`` is
    the line's offset in the page, where each opening taken is recorded."""
    def take(kind: str, m: re.Match[str]) -> str:
        nonlocal start
        piece = m[0]
        found.append(Furniture(kind, piece.strip(), start + len(piece) - len(piece.lstrip())))
        start += m.end()
        return line[m.end():]

    for pattern, kind in ((_BYLINE_PREFIX, "byline"), (_FROM_BYLINE_PREFIX, "byline"),
                          (_DATELINE, "dateline")):
        if m := pattern.match(line):
            line = take(kind, m)
    if m := _LIVE_STAMP_PREFIX.match(line):
        line = take("timestamp", m)
    for pattern, kind in ((_STAMP_PREFIX, "timestamp"), (_TEASER_STAMP, "related")):
        if m := pattern.match(line):
            label = m["label"].strip()
            # a stamp deep in a sentence is part of it; only a label or a headline precedes one
            if label and not (_MEDIA_LABEL.match(label) or len(label.split()) <= 12):
                continue
            line = take(kind, m)
    if m := _MEDIA_LABEL.match(line):
        line = take("navigation", m)
    return line


def separate(text: str) -> Separated:
    """The article body of ``text`` and the furniture taken out of it, in page order.

    Lines are the text's own line breaks (paragraphs, or Timeline17's sentences); a line is
    furniture whole, or loses a furniture opening. Blank-line layout is kept.
    """
    text = restore_tokens(text)
    lines = text.split("\n")
    found: list[Furniture] = []
    comments = _comment_span(lines)
    form = next((i for i, line in enumerate(lines) if _COMMENT_FORM.search(line)), None)
    kept: list[str] = []
    line_start = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        start = line_start + len(line) - len(line.lstrip())  # where the piece is on the page
        line_start += len(line) + 1
        if not stripped:
            kept.append("")
            continue
        if comments and comments[0] <= number < comments[1]:
            found.append(Furniture("comment", stripped, start))
            continue
        if form is not None and number >= form:
            kind = "policy" if _COMMENT_FORM.search(stripped) or _POLICY.search(stripped) \
                else "sidebar"
            found.append(Furniture(kind, stripped, start))
            continue
        if kind := _whole_line_kind(stripped):
            found.append(Furniture(kind, stripped, start))
            continue
        rest = _strip_prefixes(stripped, start, found).strip()
        if rest:
            kept.append(rest)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Separated(body, tuple(found))


# An outlet's name is a name: a few words, no sentence. A "Source : Several people arrested
# after ..." header is a caption the page printed under that label.
MAX_OUTLET_WORDS = 6


def is_outlet_name(source: str) -> bool:
    words = source.split()
    return 0 < len(words) <= MAX_OUTLET_WORDS and not source.rstrip().endswith((".", "?", "!"))


def clean_article(article: Article, fallback_source: str | None = None) -> Article | Reject:
    """``article`` with its furniture taken out (its id re-derived from the cleaned text), or a
    Reject when nothing of an article is left. A source that is no outlet's name gives way to
    ``fallback_source`` (the outlet the caller named for articles that name none)."""
    separated = separate(article.text)
    source = article.source
    if source and not is_outlet_name(source):
        source = fallback_source or ""
    if not separated.body:
        return Reject(article.origin, "no article text: every line is page furniture "
                                      "(comments, share lines, policy text)")
    title = " ".join(restore_tokens(article.title).split())
    if (separated.body == article.text and title == article.title and source == article.source
            and not separated.furniture):
        return article
    # the furniture goes with the article, apart from its text (the id is of the text alone)
    return Article.create(
        published=article.published, published_time=article.published_time,
        text=separated.body, title=title, source=source, url=article.url,
        origin=article.origin, furniture=separated.furniture)


def without_furniture(items: Iterable[Article | Reject],
                      fallback_source: str | None = None) -> Iterator[Article | Reject]:
    """The readers' output with every article cleaned (rejects pass through)."""
    for item in items:
        yield clean_article(item, fallback_source) if isinstance(item, Article) else item


# --------------------------------------------------------------------------------------------
# Corpus level: an outlet's recurring sentences.

# A sentence five articles of one outlet print word for word, on three or more different
# days, is the outlet's standard text (teaser, promo, boilerplate paragraph): news is rewritten
# as a story moves on, while updates of one story on one day may well repeat each other.
OUTLET_FURNITURE_MIN_ARTICLES = 5
OUTLET_FURNITURE_MIN_DAYS = 3
OUTLET_FURNITURE_MIN_WORDS = 4  # "He said ." recurs everywhere without being anyone's text

_WORDS = re.compile(r"\w+")


def sentence_key(text: str) -> str:
    """What "word for word" compares: the words, lower-cased, without punctuation or spacing."""
    return " ".join(_WORDS.findall(text.lower()))


def recurring(rows: Iterable[tuple[str, str, int, str, str]]) -> dict[tuple[str, int], bool]:
    """Outlet furniture among ``(source, article_id, sentence_index, published, text)`` rows:
    ``{(article_id, sentence_index): first}``, ``first`` True for the one occurrence of each
    recurring sentence that still counts (the earliest published)."""
    groups: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for source, article_id, index, published, text in rows:
        key = sentence_key(text)
        if key.count(" ") + 1 < OUTLET_FURNITURE_MIN_WORDS:
            continue
        groups.setdefault((source.lower(), key), []).append((published, article_id, index))
    result: dict[tuple[str, int], bool] = {}
    for occurrences in groups.values():
        if (len({a for _, a, _ in occurrences}) < OUTLET_FURNITURE_MIN_ARTICLES
                or len({p for p, _, _ in occurrences}) < OUTLET_FURNITURE_MIN_DAYS):
            continue
        occurrences.sort()
        for n, (_, article_id, index) in enumerate(occurrences):
            result[(article_id, index)] = n == 0
    return result


def drop_repeats(rows: Iterable[object], furniture: dict[tuple[str, int], bool]) -> list:
    """Event-mention rows less those on an outlet's recurring sentence, bar its first
    occurrence: the sentence is counted once, never as many reports."""
    return [row for row in rows
            if furniture.get((row["article_id"], row["sentence_index"]), True)]  # type: ignore
