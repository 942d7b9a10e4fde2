"""Figures: the numbers a story reports, with their bounds, what they count and who gives them.

Values are found with patterns over the raw text (digits, "1,200", "14 000", "3.5 million",
"two dozen", "hundreds", "tens of thousands"), so ``parse_figures`` works on text alone; with
a parsed document the counted noun and the verb it goes with ("32,000 Palestinians have been
killed") give the referent, the sentence's time expressions the date, and the attributions
the source. Dates, years, times, ordinals, durations and identifiers ("F-16", "COVID-19",
"Resolution 2334") are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronicle.extract.lexicon import REPORT_VERBS
from chronicle.model import Article, ReadArticle

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12, "m": 1_000_000, "mn": 1_000_000,
          "bn": 1_000_000_000, "k": 1_000, "lakh": 100_000, "crore": 10_000_000}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
         "millions": 1_000_000, "billions": 1_000_000_000}
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DURATION_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                  "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                  "century", "centuries", "a.m.", "p.m.", "am", "pm", "gmt", "utc",
                  "o'clock", "year-old", "years-old", "yrs"}
ONE_NOT_A_COUNT_AFTER = {"of", "another", "day", "time", "point", "side", "way", "thing",
                         "hand", "such", "or", "by", "too"}
ONE_NOT_A_COUNT_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which",
                          "someone", "anyone", "everyone", "no-", "only", "at"}
# Before a small number in words, these name a set the story already knows ("the two
# leaders", "its two allies"): a reference, not a reported count.
DEFINITE_BEFORE = {"the", "these", "those", "both", "its", "their", "his", "her", "our",
                   "your", "my"}
IDENTIFIER_WORDS = {"resolution", "article", "section", "chapter", "phase", "level",
                    "category", "gate", "route", "highway", "road", "page", "no.", "number",
                    "flight", "unit", "brigade", "division", "battalion", "district", "zone",
                    "sector", "block", "room", "platform", "channel", "apollo", "covid",
                    "model", "version", "grade", "class", "stage", "round", "week", "day",
                    "cop", "g", "top"}

_NUM_WORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen|lakh|crore"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?"
_WORDNUM = (rf"(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?"
            rf"(?:[ -](?:{_SCALE_WORD})s?(?: (?:and )?(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?)?)*")
_NUMBER = (
    rf"(?P<cur>US\$|\$|€|£|USD ?|EUR ?|GBP ?)?"
    rf"(?:(?P<digits>{_DIGITS})(?:[ -]?(?P<scale>million|billion|trillion|thousand|hundred|"
    rf"dozen|lakh|crore|bn|mn|m|k)s?\b)?"
    rf"|(?P<words>(?:half an? |an? |a few |a couple of |several |a half )?"
    rf"(?:(?:{_WORDNUM})|(?:{_SCALE_WORD})(?: (?:and )?{_WORDNUM})?))"
    rf"|(?P<vague>tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|"
    rf"dozens|scores|hundreds|thousands|millions|billions))"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
)
_PREFIX = (
    r"(?P<pre>more than|over|above|upwards of|in excess of|exceeding|at least|a minimum of|"
    r"no fewer than|no less than|not less than|less than|fewer than|under|below|just under|"
    r"almost|nearly|close to|up to|as many as|as much as|at most|no more than|a maximum of|"
    r"about|around|approximately|roughly|some|an estimated|estimated|circa|approx\.|"
    r"between|from)\s+"
)
_RANGE = r"\s*(?:-|–|—|to|and|or)\s*"
FIGURE = re.compile(
    rf"(?<![\w$€£.,/:-])(?:{_PREFIX})?(?P<first>{_NUMBER})"
    rf"(?:(?P<sep>{_RANGE})(?P<second>{_NUMBER.replace('?P<', '?P<r_')}))?"
    rf"(?P<post>\s+or more|\s+or so|\s*\+|\s+plus)?(?![\w/])",
    re.IGNORECASE,
)
BOUND_OF = {
    "more than": ">", "over": ">", "above": ">", "upwards of": ">", "in excess of": ">",
    "exceeding": ">", "at least": ">=", "a minimum of": ">=", "no fewer than": ">=",
    "no less than": ">=", "not less than": ">=", "less than": "<", "fewer than": "<",
    "under": "<", "below": "<", "just under": "<", "almost": "<", "nearly": "<",
    "close to": "~", "up to": "<=", "as many as": "<=", "as much as": "<=", "at most": "<=",
    "no more than": "<=", "a maximum of": "<=", "about": "~", "around": "~",
    "approximately": "~", "roughly": "~", "some": "~", "an estimated": "~", "estimated": "~",
    "circa": "~", "approx.": "~",
}
DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b\.?", re.IGNORECASE)
DATE_BEFORE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)\s*$", re.IGNORECASE)
NEXT_WORD = re.compile(r"\s*([A-Za-z][\w'’.-]*)")
PREV_WORD = re.compile(r"([A-Za-z][\w'’.-]*)\s*$")

# Referents: the kind of thing counted, by the lemma of the counted noun or its verb.
REFERENT_OF = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "murder": "killed",
    "fatality": "killed", "casualty": "casualties", "injure": "injured", "wound": "injured",
    "hurt": "injured", "injury": "injured", "hostage": "hostages", "abduct": "hostages",
    "kidnap": "hostages", "captive": "hostages", "displace": "displaced", "flee": "displaced",
    "displacement": "displaced", "idp": "displaced", "refugee": "refugees",
    "evacuate": "evacuated", "evacuee": "evacuated", "arrest": "detained",
    "detain": "detained", "detainee": "detained", "prisoner": "prisoners",
    "missing": "missing", "truck": "aid trucks", "lorry": "aid trucks",
    "fighter": "fighters", "militant": "fighters", "soldier": "soldiers", "troop": "soldiers",
    "rocket": "rockets", "missile": "missiles", "strike": "strikes", "airstrike": "strikes",
    "vote": "votes", "seat": "seats", "home": "homes destroyed", "house": "homes destroyed",
    "household": "households", "family": "households",
}
FEW = 10  # a number of speakers up to which it names sources rather than counts people
NAMED_REFERENTS = frozenset(REFERENT_OF.values())  # what is counted: killed, hostages, ...
PEOPLE_NOUNS = {"people", "person", "persons", "individual", "individuals", "resident",
                "residents", "civilian", "civilians", "child", "children", "woman", "women",
                "man", "men", "villager", "villagers", "idp", "idps", "refugee", "refugees",
                "evacuee", "evacuees", "migrant", "migrants", "palestinians", "israelis",
                "inhabitants", "citizens", "victims", "casualties", "displacements",
                "adults", "minors", "students", "patients", "worker", "workers", "others",
                "displaced"}
HOUSEHOLD_NOUNS = {"household", "households", "family", "families", "home", "homes", "house",
                   "houses", "dwelling", "dwellings", "shelter", "shelters", "housing",
                   "buildings", "building", "structures"}
AGGREGATE_NOUNS = {"number", "total", "figure", "toll", "count", "tally", "population",
                   "sum", "estimate"}
PEOPLE_REFERENTS = {"killed", "injured", "displaced", "evacuated", "hostages", "detained",
                    "missing", "refugees", "casualties", "prisoners"}
CUMULATIVE = re.compile(
    r"\b(?:in total|total|in all|so far|to date|since|cumulative|overall|altogether|"
    r"death toll|toll|has risen|have risen|has reached|has climbed|has surpassed|"
    r"have been killed|has been killed|have died|since the (?:start|beginning))\b",
    re.IGNORECASE)
PERIOD = re.compile(
    r"\b(?:in the (?:past|last) \w+ (?:hours|days)|overnight|yesterday|today|tonight|"
    r"last night|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in a single day|daily|per day|each day|a day|this morning|in the latest)\b",
    re.IGNORECASE)
# Words that may stand between a number and the noun it counts ("100,000 newly displaced people").
SKIPPABLE = {"newly", "internally", "more", "additional", "other", "further", "displaced",
             "registered", "estimated", "new", "young", "small", "armed", "innocent",
             "foreign", "local", "unarmed", "wounded", "injured", "of", "the", "these", "their"}
NOT_UNITS = {"were", "was", "are", "is", "have", "has", "had", "will", "would", "could",
             "and", "or", "to", "in", "on", "at", "from", "for", "with", "by", "as", "who",
             "that", "which", "remain", "remained", "the", "a", "an", "but", "than",
             "since", "between", "across", "per", "each", "being", "been"}


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
    date_basis: str = "published"  # "text" when a time expression in the sentence names it
    sentence_index: int = 0
    article_id: str = ""
    attribution: str | None = None
    source_actor: str | None = None


# --- values ----------------------------------------------------------------------------------


def words_value(phrase: str) -> float | None:
    """The value of a number written in words: "two dozen", "a million", "sixty-five"."""
    text = phrase.lower().replace("-", " ").replace(" and ", " ")
    if text.startswith("half a") or text.startswith("half an"):
        rest = words_value(text.split(" ", 2)[2]) if text.count(" ") >= 2 else None
        return rest / 2 if rest else None
    words = text.split()
    vague_multiplier = {"a few": 3, "a couple of": 2, "several": 3}
    for lead, mult in vague_multiplier.items():
        if text.startswith(lead + " "):
            rest = words_value(text[len(lead) + 1:])
            return rest * mult if rest else None
    total = current = 0.0
    seen = False
    for word in words:
        word = word.rstrip("s") if word.rstrip("s") in SCALES else word
        if word in {"a", "an"}:
            current = max(current, 1)
            seen = True
        elif word in SMALL:
            current += SMALL[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def number_value(match: re.Match, prefix: str = "") -> float | None:
    """The value of one matched number (group names prefixed by ``prefix``)."""
    g = match.group
    if g(prefix + "digits"):
        digits = re.sub(r"[,\s\u202f\u00a0]", "", g(prefix + "digits"))
        value = float(digits)
        scale = (g(prefix + "scale") or "").lower()
        if scale:
            value *= SCALES.get(scale.rstrip("s") if scale not in SCALES else scale, 1)
        return value
    if g(prefix + "words"):
        return words_value(g(prefix + "words"))
    vague = (g(prefix + "vague") or "").lower()
    if vague:
        parts = vague.split(" of ")
        if len(parts) == 2:  # "tens of thousands"
            return {"tens": 10, "hundreds": 100}[parts[0]] * VAGUE[parts[1]]
        return VAGUE[vague]
    return None


def _is_excluded(text: str, m: re.Match) -> bool:
    """Dates, years, times, durations, ordinals and identifiers are not figures."""
    start, end = m.start("first"), m.end()
    first = m.group("first")
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if m.group("digits") and (DATE_AFTER.match(after) or DATE_BEFORE.search(before)):
        return True
    if m.group("digits") and not m.group("second"):
        raw = m.group("digits")
        if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not m.group("pre"):
            nxt = NEXT_WORD.match(after)
            if not (nxt and nxt.group(1).lower() in PEOPLE_NOUNS | HOUSEHOLD_NOUNS
                    and nxt.group(1).lower().endswith("s")):
                return True
        if re.match(r"(?:st|nd|rd|th)\b|:\d|\.\d|[/-]\d", after):
            return True
        if re.search(r"[A-Za-z]-?$", before) and not before.endswith(" "):
            return True
    nxt = NEXT_WORD.match(after)
    next_word = nxt.group(1).lower().rstrip(".,") if nxt else ""
    if next_word in DURATION_UNITS or (nxt and nxt.group(1).lower() in DURATION_UNITS):
        return True
    if re.match(r"\s*-\s*(?:year|month|week|day|hour|minute)", after, re.IGNORECASE):
        return True
    prev = PREV_WORD.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in IDENTIFIER_WORDS and not m.group("pre") and first[:1].isdigit():
        return True
    low = first.lower()
    if low in SMALL and prev_word in DEFINITE_BEFORE and not m.group("second"):
        return True
    if low == "one" and (next_word in ONE_NOT_A_COUNT_AFTER
                         or prev_word in ONE_NOT_A_COUNT_BEFORE or not next_word):
        return True
    return bool(low in {"a", "an"})


def _unit_after(text: str, end: int) -> str | None:
    """The noun a number counts, read from the words after it (up to punctuation)."""
    window = re.split(r"[;:,.()\[\]!?\n]", text[end:end + 60], maxsplit=1)[0]
    for word in re.findall(r"[A-Za-z][\w'’-]*", window)[:4]:
        low = word.lower()
        if low in SKIPPABLE or low.endswith("ly"):
            continue
        if low in NOT_UNITS or low.endswith("ed"):
            return None
        return low
    return None


def parse_figures(text: str, doc: Doc | None = None) -> list[Figure]:
    """Every reported quantity in ``text``, with value, range and bound.

    With ``doc`` (the parsed ``text``) the unit is the noun the number counts and the
    referent what is said of it; without, the unit is read from the words that follow.
    """
    figures: list[Figure] = []
    for m in FIGURE.finditer(text):
        if _is_excluded(text, m):
            continue
        first = number_value(m)
        if first is None:
            continue
        pre = (m.group("pre") or "").lower()
        pre = re.sub(r"\s+", " ", pre)
        bound = BOUND_OF.get(pre, "=")
        low = high = value = first
        second = number_value(m, "r_") if m.group("second") else None
        sep = (m.group("sep") or "").strip().lower()
        if second is not None and sep in {"-", "–"} and second < first and not m.group("r_scale"):
            continue  # "won 6-2": a score, not a range (a range runs upwards)
        if (second is not None and (sep != "and" or pre == "between") and sep != "or") or \
                (second is not None and sep == "or" and second > first):
            if m.group("digits") and not m.group("scale") and m.group("r_scale"):
                first *= SCALES.get(m.group("r_scale").lower().rstrip("s"), 1)
            low, high, value, bound = min(first, second), max(first, second), max(
                first, second), "range"
            end = m.end("second")
        else:
            end = m.end("first")
            if pre in {"between", "from"}:
                bound = "="
        post = (m.group("post") or "").strip().lower()
        if post:
            end = m.end("post")
        if m.group("cur"):
            unit: str | None = m.group("cur").strip().replace("US$", "$")
        elif m.group("pct") or m.group("r_pct"):
            unit = "%"
        else:
            unit = _unit_after(text, end)
        if post in {"or more", "+", "plus"}:
            bound = ">="
        elif post == "or so":
            bound = "~"
        if m.group("vague") and bound == "=":
            bound = ">="
        if m.group("words") and re.match(r"(?i)(a few|several|a couple)", m.group("words")):
            bound = "~"
        start = m.start("pre") if pre and pre not in {"between", "from"} else m.start("first")
        if pre in {"between", "from"} and bound == "range":
            start = m.start("pre")
        figures.append(Figure(start=start, end=end, text=text[start:end], value=value,
                              low=low, high=high, bound=bound, unit=unit))
    if doc is None:
        return figures
    from dataclasses import replace

    counts = []
    for fig in figures:
        if fig.unit in {"%", "$", "€", "£", "USD", "EUR", "GBP"}:
            counts.append(fig)
            continue
        unit, referent = _referent(doc, fig)
        if unit is None and referent in PEOPLE_REFERENTS:
            unit = "people"  # "More than 35,000 were displaced"
        if (fig.text.lower() == "one" and referent not in NAMED_REFERENTS) or (
                fig.value <= FEW and _counts_speakers(doc, fig)):
            continue  # "one example", "two officials said": someone, not a count
        counts.append(replace(fig, unit=unit, referent=referent))
    return counts


def unit_class(unit: str | None) -> str | None:
    """A comparable form of a unit: "people" for persons, "households" for dwellings."""
    if unit is None:
        return None
    low = unit.lower().strip()
    if low in PEOPLE_NOUNS:
        return "people"
    if low in HOUSEHOLD_NOUNS:
        return "households"
    if low in {"$", "usd", "dollars", "dollar"}:
        return "$"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


# --- in an article ---------------------------------------------------------------------------


def extract_figures(article: Article, doc: Doc, read: ReadArticle,
                    attributions: Sequence = ()) -> list[Figure]:
    """Figures of an article with referent, period, date and source."""
    import bisect
    from dataclasses import replace

    starts = [s.start for s in read.sentences]
    out = []
    for fig in parse_figures(article.text, doc):
        index = max(bisect.bisect_right(starts, fig.start) - 1, 0)
        sentence = read.sentences[index] if read.sentences else None
        cumulative = None
        if sentence is not None:
            if CUMULATIVE.search(sentence.text):
                cumulative = True
            elif PERIOD.search(sentence.text):
                cumulative = False
        date, basis = _date_of(read, index, fig, article.published)
        holder = _holder(attributions, fig, index)
        out.append(replace(
            fig, cumulative=cumulative, date=date, date_basis=basis,
            sentence_index=index, article_id=article.id,
            attribution=holder.id if holder is not None else None,
            source_actor=(holder.source_actor or holder.source_text or None)
            if holder is not None else None))
    return out


def _is_word(token: Token) -> bool:
    """Not a symbol, nor a bracket a corpus spelt out ("-LRB-"): what a count can count."""
    return token.text[:1].isalpha()


def _counts_speakers(doc: Doc, fig: Figure) -> bool:
    """Whether the number counts who says something ("two officials said"; "thousands
    said they would march" is a crowd, hence ``FEW``)."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return False
    number = span[-1]
    noun = number.head if number.dep_ == "nummod" else number
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REPORT_VERBS


def _referent(doc: Doc, fig: Figure) -> tuple[str | None, str | None]:
    """The counted noun, and the kind of thing counted (from the noun or its verb)."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return fig.unit, None
    number = span[-1]
    noun = number.head if number.dep_ in {"nummod", "quantmod", "compound", "amod"} \
        and _is_word(number.head) else number
    while noun.dep_ in {"nummod", "quantmod", "compound"} and noun.head.i != noun.i \
            and _is_word(noun.head):
        noun = noun.head
    if noun.i == number.i or noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        objs = [c for t in [number] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
        pobj = [c for o in objs for c in o.children if c.dep_ == "pobj"]
        noun = pobj[0] if pobj else number
    if noun.i != number.i and noun.lemma_.lower() in AGGREGATE_NOUNS:
        # "brings to 274,000 the total number of people": count what the total is of
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        pobj = [c for o in of for c in o.children if c.dep_ == "pobj"]
        noun = pobj[0] if pobj else number
    unit = noun.text.lower() if noun.i != number.i else None
    referent = REFERENT_OF.get(noun.lemma_.lower()) if noun.i != number.i else None
    verb = noun.head if noun.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} else None
    if noun.i == number.i and number.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = number.head
    if verb is not None and verb.pos_ in {"VERB", "AUX", "ADJ"}:
        by_verb = REFERENT_OF.get(verb.lemma_.lower())
        if by_verb and (referent is None or unit_class(unit) in {"people", None}):
            referent = by_verb
    if referent is None:  # "killing at least 12 people", "12 people dead"
        sentence = span[0].sent  # the window never reaches into another sentence
        after = list(doc[span.end:min(span.end + 6, sentence.end)])
        before = list(reversed(doc[max(span.start - 3, sentence.start):span.start]))
        for tok in after + before:
            hit = REFERENT_OF.get(tok.lemma_.lower())
            if hit and tok.i not in range(span.start, span.end) and hit not in {
                    "households", "homes destroyed"}:
                referent = hit
                break
    if referent is None and unit_class(unit) not in {None, "people"}:
        referent = unit
    return unit, referent


def _date_of(read: ReadArticle, index: int, fig: Figure, published: str) -> tuple[str, str]:
    """The day of the nearest day-resolved time expression in the figure's sentence."""
    candidates = [t for t in read.timexes if t.sentence_index == index and t.first_day
                  and t.type in {"DATE", "TIME"} and t.granularity in {"day", "time"}]
    if not candidates:
        return published, "published"
    best = min(candidates, key=lambda t: abs(t.start - fig.start))
    return best.first_day or published, "text"  # type: ignore[return-value]


def _holder(attributions: Sequence, fig: Figure, index: int):
    """The innermost attribution whose content holds the figure, else one in its sentence."""
    inside = [a for a in attributions if a.content_start <= fig.start and fig.end
              <= a.content_end]
    if inside:
        return min(inside, key=lambda a: a.content_end - a.content_start)
    same = [a for a in attributions if a.sentence_index == index]
    return same[0] if len(same) == 1 else None
