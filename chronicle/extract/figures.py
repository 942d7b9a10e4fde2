"""Figures: every quantity a story reports, with its unit, bound, change, what it counts and
who gives it.

Values are found with patterns over the raw text (digits, "1,200", "14 000", "3.5 million",
"two dozen", "hundreds", "tens of thousands", "1/4", "½", "three quarters", "half the"), so
``parse_figures`` works on text alone. Units of measure and currencies come from the unit
table (``quantities``: "$1.5bn" and "1.5 billion dollars" are both "dollar", "km" and
"kilometers" both "kilometre", "500,000 barrels a day" is "barrel per day"), with their
dimension; ranges keep both ends, bounds come from the words before ("more than", "up to")
and changes from the verb ("rose by 5%": "increase"; "fell to 30%": "decrease to";
"doubled": "multiplied by"). With a parsed document, a count's unit is the noun it counts
and its referent what is said of it ("32,000 Palestinians have been killed": killed), a
percentage's or a sum's what it is of ("40% of the population"); slogans, chants and
hypotheticals are dropped; the sentence's time expressions give the date (a past year for a
historical figure), and the attributions the source (someone who can speak, not a town).
Dates, years, clock times, ordinals, identifiers ("F-16", "COVID-19", "Route 60"), scores,
telephone numbers and addresses are not figures; spans of time and ages are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from chronicle.extract.lexicon import REPORT_VERBS
from chronicle.extract.quantities import (
    Unit,
    before_forms,
    currency_of,
    denominator,
    normalise_unit,
    trie_pattern,
    unit_after,
    units,
)
from chronicle.model import Article, Figure, ReadArticle

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
          "bn": 1_000_000_000, "k": 1_000, "lakh": 100_000, "crore": 10_000_000,
          # Abbreviations of newswires and of Indian English ("$1.2bln", "Rs 5 cr", "£2tn").
          "bln": 1_000_000_000, "mln": 1_000_000, "tn": 1_000_000_000_000, "cr": 10_000_000,
          "lakh crore": 1_000_000_000_000}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
         "millions": 1_000_000, "billions": 1_000_000_000}
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Spans of time are quantities ("for 3 days", "a five-day operation"); a clock time is not.
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs", "h"}
ONE_NOT_A_COUNT_AFTER = {"of", "another", "day", "time", "point", "side", "way", "thing",
                         "hand", "such", "or", "by", "too"}
ONE_NOT_A_COUNT_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which",
                          "someone", "anyone", "everyone", "no-", "only", "at"}
# Before a small number in words, these name a set the story already knows ("the two
# leaders", "its two allies"): a reference, not a reported count.
DEFINITE_BEFORE = {"the", "these", "those", "both", "its", "their", "his", "her", "our",
                   "your", "my"}
# Capitalised words before a number that do not name it ("All 70 of us", "Only 5 came").
NOT_A_NAME_BEFORE = {"all", "some", "only", "just", "another", "about", "nearly", "almost",
                     "over", "around", "least", "most", "the", "these", "those", "and", "but",
                     "in", "on", "at", "by", "for", "to", "from", "with", "of", "every", "each",
                     "than", "then", "while", "when", "after", "before", "since", "exactly",
                     "roughly", "perhaps", "maybe", "total", "totalling"}
NOT_A_SHARE_BEFORE = {"first", "second", "last", "latter", "other", "top", "bottom", "back",
                      "front", "better", "worse", "final", "early", "late"}
IDENTIFIER_WORDS = {"resolution", "article", "section", "chapter", "phase", "level",
                    "category", "gate", "route", "highway", "road", "page", "no.", "number",
                    "flight", "unit", "brigade", "division", "battalion", "district", "zone",
                    "sector", "block", "room", "platform", "channel", "apollo", "covid",
                    "model", "version", "grade", "class", "stage", "round", "week", "day",
                    "cop", "g", "top", "exit", "junction", "terminal", "suite", "apartment"}

_NUM_WORD = trie_pattern({*SMALL, *TENS})
_SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen|lakh|crore"
_DIGITS = (r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # lakh grouping: "12,34,567"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d,.]\d)"
           r"|\d+(?:\.\d+)?")
# A whole number and a fraction: "one and a half", "2 and a quarter", "1 1/2".
_AND_A_FRACTION = r"[ ]and[ ]an?[ ](?:half|quarter|third)"
_WORDNUM = (rf"(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?(?:{_AND_A_FRACTION})?"
            rf"(?:[ -](?:{_SCALE_WORD})s?(?: (?:and )?(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?)?)*")
_CURRENCY = trie_pattern(before_forms())
_FRACTION_WORD = r"(?:(?:an?|one|two|three)[ -])?(?:half|quarter|third)s?"
_NUMBER = (
    rf"(?P<cur>(?:{_CURRENCY})[ \t]?)?(?P<sign>(?<![\w)])(?:[-−]|minus[ \t])[ \t]?)?"
    rf"(?:(?P<frac>(?<![\d/])(?:[1-9]|1[0-5])/(?:[2-5]|8|10|16)(?![\d/])|\d*[½¼¾⅓⅔⅛])"
    rf"|(?P<digits>{_DIGITS})(?P<mixed>{_AND_A_FRACTION}\b|[ ][1-7]/(?:2|3|4|8)(?![\d/]))?"
    rf"(?:[ -]?(?P<scale>million|billion|trillion|thousand|hundred|dozen|lakh[ -]crore|lakh|"
    rf"crore|bln|mln|bn|mn|tn|cr|m|k)s?\b)?"
    rf"|(?P<words>{_FRACTION_WORD}[ -](?:{_SCALE_WORD})\b"
    rf"|(?:(?:an?|one|two|three)[ -])(?:half|quarter|third)s?(?=\s+(?:of|an?)\b)"
    rf"|half(?=\s+(?:of\s+)?(?:the|its|their|all|his|her|our|them)\b)"
    rf"|(?:half an? |an? |a few |a couple of |several |a half )?"
    rf"(?:(?:{_WORDNUM})|(?:{_SCALE_WORD})(?: (?:and )?{_WORDNUM})?))\b"
    rf"|(?P<vague>tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|"
    rf"dozens|scores|hundreds|thousands|millions|billions)\b)"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
)
PREFIXES = ["more than", "over", "above", "upwards of", "in excess of", "exceeding", "at least",
            "a minimum of", "no fewer than", "no less than", "not less than", "less than",
            "fewer than", "under", "below", "just under", "almost", "nearly", "close to", "up to",
            "as many as", "as much as", "at most", "no more than", "a maximum of", "about",
            "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa",
            "approx.", "between", "from"]
_PREFIX = rf"(?P<pre>{trie_pattern(PREFIXES, space=r'[ ]')})\s+"  # one pattern, shared beginnings
_RANGE = r"\s*(?:-|–|—|to|and|or)\s*"
# No lookahead after the number: a unit may be written straight after it ("200lbs", "1.8m");
# ``parse_figures`` drops a number that runs into anything else ("24703L202", "1990s").
FIGURE = re.compile(
    rf"(?<![\w$€£.,/:])(?<!\w-)(?:{_PREFIX})?(?P<first>{_NUMBER})"
    rf"(?:(?P<sep>{_RANGE})(?P<second>{_NUMBER.replace('?P<', '?P<r_')}))?"
    rf"(?P<post>(?:\s+or more|\s+or so|\s+plus)(?!\w)|\s*\+(?![\d\s]))?",
    re.IGNORECASE,
)
# One number alone, where what looked like a range is two figures ("5% to $3 million").
FIGURE_ONE = re.compile(FIGURE.pattern.replace("(?:(?P<sep>", "(?:(?!)(?P<sep>", 1),
                        re.IGNORECASE)
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
# Nouns of places: a place is no source ("the town said" names no one who speaks).
PLACE_NOUNS = {"town", "city", "village", "neighbourhood", "neighborhood", "camp", "district",
               "area", "region", "province", "street", "suburb", "township", "municipality"}
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


# --- values ----------------------------------------------------------------------------------


def words_value(phrase: str) -> float | None:
    """The value of a number written in words: "two dozen", "a million", "sixty-five"."""
    text = phrase.lower().replace("-", " ")
    mixed = re.search(r"\s+and\s+an?\s+(half|quarter|third)\b", text)
    if mixed:  # "three and a half million": the fraction joins the number before the scale
        whole = words_value(text[:mixed.start()])
        rest = text[mixed.end():].strip()
        scale = words_value(rest) if rest else 1.0
        if whole is None or scale is None:
            return None
        return (whole + FRACTIONS[mixed.group(1)]) * scale
    text = text.replace(" and ", " ")
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
    if len(words) > 1 and words[0] in {"a", "an"} and words[1] not in SCALES \
            and words[1].rstrip("s") not in SCALES and words[1].rstrip("s") not in FRACTIONS:
        words = words[1:]  # "a five-day operation": an article, not one
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
        elif word.rstrip("s") in FRACTIONS:  # "three quarters", "a third"
            current = (current or 1) * FRACTIONS[word.rstrip("s")]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
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
    if g(prefix + "frac"):
        written = g(prefix + "frac")
        if "/" in written:
            top, bottom = written.split("/")
            return int(top) / int(bottom) if int(top) < int(bottom) else None
        whole = written[:-1]
        return (float(whole) if whole else 0.0) + VULGAR_FRACTIONS[written[-1]]
    if g(prefix + "digits"):
        digits = re.sub(r"[,\s\u202f\u00a0]", "", g(prefix + "digits"))
        value = float(digits) + _mixed_fraction(g(prefix + "mixed"))
        scale = re.sub(r"[\s-]+", " ", (g(prefix + "scale") or "").lower())
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


def _mixed_fraction(written: str | None) -> float:
    """What "and a half" or " 1/2" adds to the whole number before it."""
    if not written:
        return 0.0
    if "/" in written:
        top, bottom = written.split("/")
        return int(top) / int(bottom) if int(top) < int(bottom) else 0.0
    return FRACTIONS[written.split()[-1]]


def _is_excluded(text: str, m: re.Match, measured: bool = False) -> bool:
    """Dates, years, clock times, ordinals, identifiers, telephone numbers and addresses are
    not figures; nor is a set the story already named ("the two leaders") unless measured."""
    start, end = m.start("first"), m.end()
    first = m.group("first")
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if m.group("digits") and (DATE_AFTER.match(after) or DATE_BEFORE.search(before)):
        return True
    if m.group("digits") and not m.group("second"):
        raw = m.group("digits")
        if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not m.group("pre") and not measured:
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
    if next_word in CLOCK_WORDS or (nxt and nxt.group(1).lower() in CLOCK_WORDS):
        return True
    if PHONE.search(text[max(0, start - 25):end + 25]) and _in_phone(text, start):
        return True
    if not measured and re.match(r"\s+[A-Za-z]+\d", after):
        return True  # "24703 m212": part of an identifier
    if not m.group("cur") and (STREET.match(after) or (re.search(r"\b[A-Z]{2} $", before)
                                                       and re.fullmatch(r"\d{5}", first))):
        return True  # "123 Random Street", "PA 23456": an address
    prev = PREV_WORD.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in IDENTIFIER_WORDS and not m.group("pre") and first[:1].isdigit():
        return True
    low = first.lower()
    if low == "half" and prev_word in NOT_A_SHARE_BEFORE:
        return True  # "the first half of the year": a period, not a share
    if measured:
        return False
    if prev and any(c.isupper() for c in prev.group(1)) and prev_word not in NOT_A_NAME_BEFORE \
            and not m.group("pre") and m.group("digits") \
            and re.fullmatch(r"\d{1,4}", m.group("digits")) and before.endswith(" ") \
            and not (next_word in PEOPLE_NOUNS or next_word in HOUSEHOLD_NOUNS
                     or re.fullmatch(r"[a-z]+s", next_word or "x")):
        return True  # "Route 60", "Army Radio 2", "Section 427": a name, not a count
    if low in SMALL and prev_word in DEFINITE_BEFORE and not m.group("second"):
        return True
    if low == "one" and (next_word in ONE_NOT_A_COUNT_AFTER
                         or prev_word in ONE_NOT_A_COUNT_BEFORE or not next_word):
        return True
    return bool(low in {"a", "an"})


PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,3}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\b\d{3}[.-]\d{3,4}[.-]\d{4})(?!\d)")
STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|"
                    r"Boulevard|Blvd\.?|Drive|Way|Place|Square)\b")


def _in_phone(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside something written as a telephone number."""
    return any(p.start() <= pos < p.end()
               for p in PHONE.finditer(text, max(0, pos - 25), min(len(text), pos + 25)))


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


MEASURE_DIMENSIONS_SIGNED = {"temperature", "angle or temperature", "angle"}
AGE_AFTER = re.compile(r"[ \t]*(?:-[ \t]*)?old\b|[ \t]+of[ \t]+age\b", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\bage[ds]?[ \t]+$", re.IGNORECASE)
# The verb of a change just before a figure, and its preposition: "rose by 5%", "fell to 30".
CHANGE_BEFORE = re.compile(
    r"\b(?P<verb>rose|rise[sn]?|rising|increased?|increases|increasing|grew|grow[sn]?|growing|"
    r"climbed?|climbs|climbing|jumped?|jumps|surged?|surges|soared?|soars|gained?|gains|up|"
    r"added|adds|fell|falls?|fallen|falling|dropped|drops?|dropping|declined?|declines|"
    r"declining|decreased?|decreases|shr[au]nk|shrinks|plunged?|plunges|slumped?|slumps|slid|"
    r"slides?|tumbled?|tumbles|lost|loses|down|cut|cuts|reduced?|reduces|lowered|"
    r"an increase|a rise|a drop|a fall|a decline|a decrease|a cut)"
    r"[ \t]+(?:(?P<prep>by|to|from|of)[ \t]+)?$", re.IGNORECASE)
CHANGE_LATER = re.compile(CHANGE_BEFORE.pattern.replace(
    r"[ \t]+(?:(?P<prep>by|to|from|of)[ \t]+)?$",
    r"[ \t]+(?:by[ \t]+)?(?:[^.;:!?\n]|\.(?=\d)){1,30}?[ \t]+(?P<prep>to|from)[ \t]+$"),
    re.IGNORECASE)
CHANGE_AFTER = re.compile(r"[ \t]+(?P<verb>increase|rise|jump|gain|growth|drop|fall|decline|"
                          r"decrease|cut|reduction|loss)\b", re.IGNORECASE)
DECREASE_VERBS = re.compile(r"fell|fall|drop|declin|decreas|shr|plung|slump|slid|tumbl|lost|"
                            r"loses|down|cut|reduc|lower|loss", re.IGNORECASE)
MULTIPLIED = re.compile(r"\b(?:(?P<word>doubl|tripl|quadrupl)(?:ed|es|e|ing)|(?P<half>halv)"
                        r"(?:ed|es|e|ing))\b", re.IGNORECASE)
MULTIPLE_OF = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
TIMES = Unit("times", "multiple")
CENTS_AFTER = re.compile(rf"[ \t]+(?:and[ \t]+)?(?P<n>\d{{1,2}}|{_WORDNUM})"
                         r"(?:[ \t]+cents?)?(?![\w%$-]|[.,]\d|[ \t]+(?:and\b|[a-z]))",
                         re.IGNORECASE)
SCALE_AFTER = re.compile(r"[ \t]+(?P<s>million|billion|trillion|thousand|bln|mln|bn|mn)\b",
                         re.IGNORECASE)


def _change(text: str, start: int, end: int) -> str | None:
    """The change a figure is the size or the outcome of: "increase" ("rose by 5%"), "decrease
    to" ("fell to 30"), "increase from", or None."""
    before = CHANGE_BEFORE.search(text[max(0, start - 40):start])
    verb, prep = (before.group("verb"), before.group("prep")) if before else (None, None)
    if verb is None:  # "rose $2 to $85": the level a change came to, after its size
        later = CHANGE_LATER.search(text[max(0, start - 60):start])
        if later:
            verb, prep = later.group("verb"), later.group("prep")
    if verb is None:
        after = CHANGE_AFTER.match(text, end)
        if after is None:
            return None
        verb = after.group("verb")
    direction = "decrease" if DECREASE_VERBS.match(verb.split()[-1]) else "increase"
    return f"{direction} {prep}" if prep in {"to", "from"} else direction


def _measure(text: str, m: re.Match, end: int, value: float) -> tuple[
        Unit | None, int, float, float]:
    """The unit a number is measured in, where it ends, the value's multiplier and what cents
    add ("3 dollars 50 cents"), from the currency before it or the unit after it."""
    scale = (m.group("r_scale") or m.group("scale") or "") if m.group("second") else (
        m.group("scale") or "")
    if m.group("cur"):
        cur = currency_of(m.group("cur"))
        if cur is None:
            return None, end, 1.0, 0.0
        multiplier = cur.multiplier
        again = unit_after(text, end)  # "$10 dollars": the currency written twice
        if again is not None and again.unit.dimension == "currency" \
                and not re.match(r"\s*\d", text[again.end:]):
            end = again.end
        # "USD 22.5 million" is in the number already
        multiplier, end = _scale_after(text, end, scale, multiplier)
        rate = denominator(text, end, price=True)
        if rate is not None:
            return Unit(f"{cur.unit.name} per {rate[1]}", "currency rate"), rate[0], \
                multiplier, 0.0
        cents = _cents_after(text, end, value, scale, joined=True)
        if cents is not None:
            return cur.unit, cents[1], multiplier, cents[0]
        return cur.unit, end, multiplier, 0.0
    if m.group("pct") or m.group("r_pct"):
        return Unit("percentage", "percentage"), end, 1.0, 0.0
    found = unit_after(text, end)
    vague_of = re.match(r"[ \t]+of[ \t]+", text[end:]) if m.group("vague") else None
    if found is None and vague_of:  # "hundreds of kilometres", "millions of dollars"
        found = unit_after(text, end + vague_of.end())
    if found is None:
        inches = re.match(r"[ \t]*in\b", text[end:])  # "12 ft 2 in": "in" is no unit alone
        if inches and re.search(r"(?:ft|feet|foot)[ \t]*$",
                                text[max(0, m.start() - 8):m.start()]):
            return Unit("inch", "length"), end + inches.end(), 1.0, 0.0
        marked = _marked_length(text, m.start(), end)
        if marked is not None:
            return marked[0], marked[1], 1.0, 0.0
        side = _side_of(text, end)
        if side is not None:  # "10 by 12 feet", "3 x 4 m": one side of a measure
            return side, end, 1.0, 0.0
        return None, end, 1.0, 0.0
    unit, end = found.unit, found.end
    multiplier = found.multiplier
    if unit.name == "pound" and scale.lower() in {"million", "billion", "bn", "m", "mn"}:
        unit = Unit("pound sterling", "currency")  # "361 million pounds" is money, not weight
    if unit.dimension == "time":
        age = AGE_AFTER.match(text, end)
        if age:
            return Unit(f"{unit.name} of age", "age"), age.end(), multiplier, 0.0
    if unit.dimension == "currency":
        multiplier, end = _scale_after(text, end, scale, multiplier)  # "75 USD million"
        cents = _cents_after(text, end, value, scale) if multiplier == 1.0 else None
        if cents is not None:
            return unit, cents[1], multiplier, cents[0]
    return unit, end, multiplier, 0.0


def _scale_after(text: str, end: int, scale: str, multiplier: float) -> tuple[float, int]:
    """The multiplier and end with a scale written after a currency ("USD 22.5 million"),
    where the number has none of its own."""
    scaled = SCALE_AFTER.match(text, end)
    if scaled and not scale:
        return multiplier * SCALES[scaled.group("s").lower()], scaled.end()
    return multiplier, end


def _cents_after(text: str, end: int, value: float, scale: str,
                 joined: bool = False) -> tuple[float, int] | None:
    """What cents written after a whole sum add ("3 dollars 50 cents") and where they end;
    ``joined``: only cents joined by "and" ("$3 and 50 cents")."""
    cents = CENTS_AFTER.match(text, end)
    if not cents or value != int(value) or scale or (joined and " and" not in cents.group()[:5]):
        return None
    added = _small_value(cents.group("n"))
    return (added / 100, cents.end()) if added is not None and added < 100 else None


# Words that say which extent a length is ("10' high", '6" wide', "6 in. long"), or that a
# second side follows ("10' x 12'"): a quote mark or "in" there marks feet or inches.
EXTENT = r"(?:long|wide|high|tall|deep|thick|across|in[ \t]+diameter|x|×|by)\b|[x×][ \t]*\d"
FEET_MARK = re.compile(rf"['’′](?=\d{{1,2}}(?:\.\d+)?[ \t]?(?:\"|”|″|'')|[ \t]*(?:{EXTENT}))")
INCH_MARK = re.compile(rf"[ \t]?(?:\"|”|″|'')(?=[ \t]*(?:{EXTENT}))")
INCH_WORD = re.compile(rf"[ \t]*in\.?(?=[ \t]+(?:{EXTENT}))")
SIDE = re.compile(rf"[ \t]*(?:x|×|by)[ \t]*(?:{_DIGITS}|{_WORDNUM})\b", re.IGNORECASE)


def _marked_length(text: str, start: int, end: int) -> tuple[Unit, int] | None:
    """Feet or inches written with marks ("5'11\"", "10' high", '6" wide') or "in."
    before an extent ("6 in. wide"), with where the unit ends. A quote mark is a foot mark
    only straight after the number, and either mark only before an extent or another
    length: elsewhere it closes a quotation."""
    feet = FEET_MARK.match(text, end)
    if feet is None and re.search(r"['’′\"″][ \t]*(?:x|×|by)[ \t]*$",
                                  text[max(0, start - 8):start]):
        feet = re.compile(r"['’′](?![A-Za-z])").match(text, end)  # the second side: "10' x 12'"
    if feet:
        return Unit("foot", "length"), feet.end()
    after_feet = re.search(r"\d['’′]$", text[max(0, start - 4):start])
    inch_mark = re.match(r"[ \t]?(?:\"|”|″|'')(?![A-Za-z])", text[end:]) if after_feet \
        else INCH_MARK.match(text, end)
    if inch_mark:
        return Unit("inch", "length"), end + inch_mark.end() if after_feet else inch_mark.end()
    inch_word = INCH_WORD.match(text, end)
    if inch_word:
        return Unit("inch", "length"), inch_word.end()
    return None


def _side_of(text: str, end: int, depth: int = 0) -> Unit | None:
    """The length unit of the next side, where a number is one side of a measure written
    once for all ("10 by 12 feet", "3 x 4 x 5 m")."""
    side = SIDE.match(text, end)
    if side is None or depth > 2:
        return None
    found = unit_after(text, side.end())
    if found is None:
        marked = _marked_length(text, side.start(), side.end())
        return marked[0] if marked else _side_of(text, side.end(), depth + 1)
    return found.unit if found.unit.dimension == "length" else None


def _two_figures(text: str, m: re.Match) -> bool:
    """Whether what reads as a range joins two figures: in different units ("rose 5% to $3
    million"; a range writes its unit once or on both ends), or the size of a change and the
    level it came to ("rose $2 to $85")."""
    g = m.group
    if (g("r_cur") and not g("cur")) or (g("pct") and not g("r_pct")) or (g("cur") and g("r_pct")):
        return True
    return (g("sep") or "").strip().lower() == "to" and not g("pre") and bool(
        CHANGE_BEFORE.search(text[max(0, m.start() - 40):m.start()]))


def _small_value(written: str) -> float | None:
    return float(written) if written.isdigit() else words_value(written)


def _million_or_metre(text: str, m: re.Match, end: int) -> bool:
    """Whether "m" after a number means metres ("1.8m tall", "12 m 2 dm") rather than
    millions ("$1.5m", "5m people", "1.8M dollars")."""
    scale = m.group("r_scale") if m.group("second") else m.group("scale")
    if (scale or "") not in {"m", "M"} or m.group("cur"):
        return False
    following = unit_after(text, end)
    if following is not None and following.unit.dimension in {"currency", "volume", "mass"}:
        return False
    word = NEXT_WORD.match(text, end)
    if word is None:
        return True
    noun = word.group(1).lower()
    return not (noun in PEOPLE_NOUNS or noun in HOUSEHOLD_NOUNS
                or (noun.endswith("s") and noun not in NOT_UNITS and len(noun) > 3))


def parse_figures(text: str, doc: Doc | None = None) -> list[Figure]:
    """Every reported quantity in ``text``, with value, range, bound, unit and change.

    A unit of the unit table (currencies before or after the number, measures after it) is
    given by its normalised name, with its dimension; otherwise, with ``doc`` (the parsed
    ``text``), the unit is the noun the number counts and the referent what is said of it,
    and without, the unit is read from the words that follow.
    """
    figures: list[Figure] = _ratios(text)
    ratio_spans = [(f.start, f.end) for f in figures]
    pos = 0
    while True:
        found = FIGURE.search(text, pos)
        if found is None:
            break
        inside = next((e for s, e in ratio_spans if s <= found.start() < e), None)
        if inside is not None:  # "one in five" is one figure
            pos = inside
            continue
        m: re.Match = found
        if m.group("second") and _two_figures(text, m):
            m = FIGURE_ONE.match(text, m.start())  # type: ignore[assignment]
        pos = m.end()
        last = "second" if m.group("second") else "first"
        number_end = m.end(last)
        metres = _million_or_metre(text, m, number_end)
        first = number_value(m)
        if first is None:
            continue
        second = number_value(m, "r_") if m.group("second") else None
        pre = (m.group("pre") or "").lower()
        pre = re.sub(r"\s+", " ", pre)
        bound = BOUND_OF.get(pre, "=")
        sep = (m.group("sep") or "").strip().lower()
        is_range = second is not None and (
            ((sep != "and" or pre == "between") and sep != "or")
            or (sep == "or" and second > first))
        end = m.end("second") if is_range else m.end("first")
        if metres:
            first = first / 1_000_000 if not m.group("second") or m.group("scale") else first
            second = second / 1_000_000 if second is not None and m.group("r_scale") else second
            unit, end, multiplier, cents = Unit("metre", "length"), end, 1.0, 0.0
        else:
            unit, end, multiplier, cents = _measure(text, m, end, second if is_range and
                                                    second is not None else first)
        if end == (m.end("second") if is_range else m.end("first")) and unit is None \
                and end < len(text) and (text[end].isalnum() or text[end] in "/_"):
            continue  # runs into letters or digits: an identifier ("24703L202", "1990s")
        if _is_excluded(text, m, unit is not None):
            continue
        if second is not None and sep in {"-", "–"} and second <= first and not m.group("r_scale"):
            continue  # "won 6-2", "a 50-50 chance": a score or odds, not a range
        if is_range and second is not None:
            if m.group("digits") and not m.group("scale") and m.group("r_scale"):
                first *= SCALES.get(m.group("r_scale").lower().rstrip("s"), 1)
            first, second = first * multiplier, second * multiplier
            low, high, value, bound = min(first, second), max(first, second), max(
                first, second), "range"
        else:
            low = high = value = first * multiplier + cents
            if pre in {"between", "from"}:
                bound = "="
        post = (m.group("post") or "").strip().lower()
        if post and end <= m.end("post"):
            end = m.end("post")
        start = m.start("pre") if pre and pre not in {"between", "from"} else m.start("first")
        if pre in {"between", "from"} and bound == "range":
            start = m.start("pre")
        if m.group("sign"):
            if unit is not None and unit.dimension in MEASURE_DIMENSIONS_SIGNED:
                low, high, value = -high, -low, -value if bound != "range" else -low
            elif start == m.start("first"):
                start = m.start("first") + len(m.group("sign"))  # a dash, not a minus
        before = text[max(0, start - 12):start]
        dimension = unit.dimension if unit is not None else None
        unit_name = unit.name if unit is not None else None
        if unit is None and AGE_BEFORE.search(before):
            unit_name, dimension = "year of age", "age"  # "a man of age 87"
        elif unit is None and value < 1 and (m.group("frac") or m.group("words")):
            unit_name = dimension = "fraction"  # "half the population", "a quarter of"
        if unit_name is None:
            unit_name = _unit_after(text, end)
            dimension = "count" if unit_name else None
        if post in {"or more", "+", "plus"}:
            bound = ">="
        elif post == "or so":
            bound = "~"
        if m.group("vague") and bound == "=":
            bound = ">="
        if m.group("words") and re.match(r"(?i)(a few|several|a couple)", m.group("words")):
            bound = "~"
        pos = max(pos if is_range or not m.group("second") else m.end("first"), end)
        if m.group("words") and re.match(r"(?i)an? ", m.group("words")) and value < 100 \
                and start == m.start("first"):
            start += len(m.group("words").split(" ", 1)[0]) + 1  # "a five-day operation"
        figures.append(Figure(start=start, end=end, text=text[start:end], value=value,
                              low=low, high=high, bound=bound, unit=unit_name,
                              dimension=dimension, change=_change(text, start, end)))
    figures.extend(_multiples(text))
    figures.sort(key=lambda f: f.start)
    if doc is None:
        return figures
    from dataclasses import replace

    counts = []
    for fig in figures:
        if _not_reported(text, doc, fig):
            continue
        if fig.dimension not in {None, "count"}:
            counts.append(replace(fig, referent=_measured_referent(doc, fig)))
            continue
        unit, referent = _referent(doc, fig)
        if unit is None and referent in PEOPLE_REFERENTS:
            unit = "people"  # "More than 35,000 were displaced"
        if (fig.text.lower() == "one" and referent not in NAMED_REFERENTS) or (
                fig.value <= FEW and _counts_speakers(doc, fig)):
            continue  # "one example", "two officials said": someone, not a count
        counts.append(replace(fig, unit=unit, referent=referent,
                              dimension="count" if unit else None))
    return counts


HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
# "Ready to die in the millions": what someone would do is no count of what happened.
WILLING = {"ready", "willing", "prepared", "determined"}
CHANT_CUES = {"chant", "slogan", "sing", "shout", "banner", "placard", "graffiti", "cry",
              "scream", "sign", "poster", "hashtag"}
QUOTES = "\"“”"


def _not_reported(text: str, doc: Doc, fig: Figure) -> bool:
    """Whether a number is no reported quantity: a hypothetical ("if 500 people come"), what
    someone says they would do ("we are ready to die in the millions"), or the words of a
    chant or slogan, quoted."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return False
    number = span[-1]
    for token in [number, *number.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
            return True
        if token.lemma_.lower() in WILLING and any(c.dep_ == "xcomp" for c in token.children):
            return True
    sentence = span.sent
    before = text[sentence.start_char:fig.start]
    quoted = sum(before.count(q) for q in QUOTES) % 2 == 1
    return quoted and any(t.lemma_.lower() in CHANT_CUES for t in sentence)


RATIO = re.compile(rf"\b(?:one|1)\s+in\s+(?:every\s+)?(?P<b>{_NUM_WORD}|\d{{1,3}})\b",
                   re.IGNORECASE)


def _ratios(text: str) -> list[Figure]:
    """"One in five children", "1 in 3 adults": a share, written as a ratio."""
    out = []
    for m in RATIO.finditer(text):
        written = m.group("b")
        bottom = float(written) if written.isdigit() else words_value(written)
        if not bottom or bottom < 2:
            continue
        out.append(Figure(start=m.start(), end=m.end(), text=m.group(), value=1 / bottom,
                          low=1 / bottom, high=1 / bottom, unit="fraction",
                          dimension="fraction"))
    return out


def _multiples(text: str) -> list[Figure]:
    """"Doubled", "tripled", "halved": a change by a factor, written without a number."""
    out = []
    for m in MULTIPLIED.finditer(text):
        factor = MULTIPLE_OF[(m.group("word") or m.group("half")).lower()]
        out.append(Figure(start=m.start(), end=m.end(), text=m.group(), value=factor,
                          low=factor, high=factor, unit=TIMES.name, dimension=TIMES.dimension,
                          change="multiplied by"))
    return out


def _measured_referent(doc: Doc, fig: Figure) -> str | None:
    """What a percentage or a sum is of: "40% of the population", "$2bn in aid"."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    nxt = doc[span.end]
    first = span.end + 1
    if fig.dimension == "fraction" and nxt.pos_ in {"DET", "NOUN"}:  # "half the population"
        first = span.end
    elif not (nxt.lower_ == "of" or (nxt.lower_ in {"in", "for"}
                                     and (fig.dimension or "").startswith("currency"))):
        return None  # "5% in March" is no percentage of March
    for tok in doc[first:min(first + 5, span.sent.end)]:
        if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
            return None
        if tok.pos_ in {"NOUN", "PROPN"}:
            head = tok if tok.dep_ != "compound" else next(
                (t for t in tok.ancestors if t.dep_ != "compound"), tok)
            return head.lemma_.lower() if head.pos_ == "NOUN" else head.text
        if tok.pos_ in {"VERB", "PUNCT", "ADP"} and tok.i > span.end + 1:
            break
    return None


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


def comparable_unit(unit: str | None) -> str | None:
    """A unit in the form two figures are compared in: the unit table's name for a unit of
    measure or a currency however written ("km", "kilometers" and "kilometre" are one; a rate
    is compared part by part), "people" or "households" for what displacement counts, and
    otherwise the counted noun's head in the singular ("large cities" is "city")."""
    if unit is None:
        return None
    if " per " in unit:
        return " per ".join(comparable_unit(part) or "" for part in unit.split(" per ", 1))
    cls = unit_class(unit)
    if cls in {"people", "households"}:
        return cls
    name = normalise_unit(unit)
    if name in units():
        return name
    head = unit.lower().split()[-1] if unit.split() else unit.lower()
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    return unit_class(head)


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
        date, basis = _date_of(read, index, replace(fig, cumulative=cumulative),
                               article.published)
        holder = attribution_holding(attributions, fig, index)
        out.append(replace(
            fig, cumulative=cumulative, date=date, date_basis=basis,
            sentence_index=index, article_id=article.id,
            attribution=holder.id if holder is not None else None,
            source_actor=_speaker(doc, holder, article.published)))
    return out


def _speaker(doc: Doc, holder, published: str) -> str | None:  # type: ignore[no-untyped-def]
    """Who gives a figure: someone who can speak. A town is none: "the town of Rafah said"
    and "Rafah said" name no speaker ("Rafah's health officials said" do)."""
    if holder is None:
        return None
    from chronicle.extract.actors import resolve

    named = holder.source_actor or None
    words = holder.source_text or None
    span = None
    if holder.source_start is not None and holder.source_end is not None:
        span = doc.char_span(holder.source_start, holder.source_end, alignment_mode="expand")
    if span is None or not len(span):
        return named or words
    root = span.root
    if root.lemma_.lower() in PLACE_NOUNS:
        return None
    if root.ent_type_ in {"GPE", "LOC", "FAC"}:  # a state speaks through its government
        actor = resolve(root.text, published)
        if actor is None or actor.kind not in {"country", "capital", "named"}:
            return None
    return named or words


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
    while number.dep_ == "conj" and number.head.pos_ == "NUM":  # "between 12 and 14 people"
        number = number.head
    noun = number.head if number.dep_ in {"nummod", "quantmod", "compound", "amod"} \
        and _is_word(number.head) else number
    while noun.dep_ in {"nummod", "quantmod", "compound"} and noun.head.i != noun.i \
            and _is_word(noun.head):
        noun = noun.head
    if noun.i == number.i or noun.pos_ not in {"NOUN", "PROPN"}:
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
    if noun.i != number.i and not _countable(noun, fig.value) and referent is None:
        return None, None  # "the 10-point plan", "Radio 2": no thing counted
    if referent is None and unit_class(unit) not in {None, "people"}:
        referent = unit
    return unit, referent


# Nouns that count in the singular ("500 police", "300 staff").
COLLECTIVE_NOUNS = {"police", "personnel", "staff", "cattle", "livestock", "crew", "infantry",
                    "militia", "youth", "clergy", "poultry", "sheep", "fish", "aircraft"}


def _countable(noun: Token, value: float) -> bool:
    """Whether a noun can be what a number counts: a plural ("12 trucks"), one of a kind
    ("one truck"), a noun counted in the singular ("500 police"), or people."""
    low = noun.text.lower()
    if noun.pos_ == "PRON":
        return False  # "70 of us", "them": no thing named
    return (noun.tag_ in {"NNS", "NNPS"} or value == 1 or low in COLLECTIVE_NOUNS
            or low in PEOPLE_NOUNS or low in HOUSEHOLD_NOUNS or noun.lemma_.lower() != low)


def _date_of(read: ReadArticle, index: int, fig: Figure, published: str) -> tuple[str, str]:
    """The day of the nearest day-resolved time expression in the figure's sentence; for a
    count of something named, a past period the sentence names."""
    candidates = [t for t in read.timexes if t.sentence_index == index and t.first_day
                  and t.type in {"DATE", "TIME"} and t.granularity in {"day", "time"}]
    if not candidates:
        if fig.referent is None or fig.cumulative:  # a running total counts to publication
            return published, "published"
        return _period_of(read, index, published)
    best = min(candidates, key=lambda t: abs(t.start - fig.start))
    return best.first_day or published, "text"  # type: ignore[return-value]


def _period_of(read: ReadArticle, index: int, published: str) -> tuple[str, str]:
    """A figure of a year, a month or a decade before the article's ("the 1982 Hama
    massacre, some 10,000 killed") is dated to the start of the period it counts; "since
    2011" starts a running total that runs to publication."""
    sentence = read.sentences[index] if index < len(read.sentences) else None
    for t in read.timexes:
        if t.sentence_index != index or t.type != "DATE" or not t.first_day \
                or t.granularity not in {"month", "quarter", "year", "decade", "century"}:
            continue
        if (t.last_day or t.first_day) >= published[:10] or sentence is None:
            continue
        lead = read_text_before(sentence, t.start)
        if re.search(r"\b(?:since|from|after|until|till|by)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                     lead, re.IGNORECASE):
            continue
        if published[:4] > t.first_day[:4]:
            return t.first_day, "period"
    return published, "published"


def read_text_before(sentence, offset: int) -> str:  # type: ignore[no-untyped-def]
    """The sentence's text before an article offset."""
    return sentence.text[:max(0, offset - sentence.start)]


def attribution_holding(attributions: Sequence, fig: Figure, index: int):
    """The innermost attribution whose content holds the figure, else one in its sentence."""
    inside = [a for a in attributions if a.content_start <= fig.start and fig.end
              <= a.content_end]
    if inside:
        return min(inside, key=lambda a: a.content_end - a.content_start)
    same = [a for a in attributions if a.sentence_index == index and not (
        a.source_start is not None and a.source_end is not None
        and a.source_start <= fig.start < a.source_end)]  # a figure in who speaks is not said
    return same[0] if len(same) == 1 else None
