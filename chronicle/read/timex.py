"""Rule-based TIMEX3 tagging and normalisation for news English.

Why rules and not a model: this runs on every article, must be fast (no spaCy), and the
normalisation step (turning "last Friday" into 2024-03-15 given the publication date) is
rule work anyway.  The conventions follow the TimeML/TimeBank annotation guidelines, so the
output can be scored against TempEval-3 data (see ``chronicle.evaluate.timex``).

How it works: a set of regular expressions proposes candidate spans, each tied to a
normaliser; overlapping candidates are resolved longest-first; each survivor is normalised
against the anchor (the document creation time) with a little local context (tense cues,
the last quarter the article talked about).  A history told in its own dates (an
encyclopaedia article, a retrospective: see ``_is_narrative``) resolves a month, a season or
a time of day without a date against the last date it named instead of the anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["TimexSpan", "tag", "value_bounds"]


@dataclass(frozen=True)
class TimexSpan:
    """One time expression: its extent in the text and its TIMEX3 normalisation."""

    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str | None
    mod: str | None = None
    first_day: str | None = None
    last_day: str | None = None


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0.5,
}
VAGUE_NUMBERS = (
    "several", "a few", "few", "many", "some", "dozens of", "hundreds of", "thousands of",
    "a number of", "numerous", "countless",
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                    "3rd": 3, "4th": 4}
# unit word -> (ISO 8601 duration letter, is it a time unit (after 'T'))
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False),
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI"}
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN",
}
POINT_MODS = {
    "early": "START", "mid": "MID", "mid-": "MID", "late": "END", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
    "end of": "END", "beginning of": "START", "start of": "START", "middle of": "MID",
    "the close of": "END", "the turn of": "START", "the dawn of": "START",
}

# ---------------------------------------------------------------------------------------------
# Regular-expression building blocks (words are case-insensitive, month/weekday names are
# capitalised so that "may" and "march" as verbs are not months)
# ---------------------------------------------------------------------------------------------

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = (
    rf"(?:(?:{_MONTH_FULL}|{_MONTH_FULL.upper().replace('MAY|', '')})(?![A-Za-z])"
    rf"|{_MONTH_ABBR}(?![A-Za-z]))"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
DAYNUM = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|(?i:{_ORD_WORDS})(?![a-z]))"
YEAR = r"(?:(?<![\d$.,])(?:1[6-9]|20)\d\d(?![\d%]|,\d|\.\d)|'\d\d(?!\d))"
_NUM_WORDS = "|".join(
    sorted(list(SMALL_NUMBERS) + list(VAGUE_NUMBERS), key=len, reverse=True)
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1 = "one|two|three|four|five|six|seven|eight|nine"
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?i:(?:{_TENS})[- ](?:{_UNITS_1})(?![a-z])|{_NUM_WORDS})(?![a-z]))"
)
UNIT = (
    r"(?i:seconds|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|"
    r"decades?|century|centuries)(?![a-z])"
)
APPROX = r"(?i:about|around|approximately|roughly|nearly|almost|more\s+than|just\s+over|" \
         r"just\s+under|over|less\s+than|under|at\s+least|up\s+to|no\s+more\s+than)"
POINTMOD = r"(?i:early|mid-?|late|(?:the\s+)?(?:end|beginning|start|middle|close|turn|dawn)\s+of)"
TZ = r"(?:\s*\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)\)?)"
AMPM = r"(?i:a\.m\.?|p\.m\.?|am|pm)(?![a-z])"
SEASON = r"(?i:spring|summer|fall|autumn|winter)(?![a-z])"
PART = r"(?i:morning|afternoon|evening|night)(?![a-z])"
REL = r"(?i:last|next|this|the\s+past|the\s+coming|the\s+current|past|coming|current|" \
      r"the\s+previous|previous|the\s+following|this\s+past|this\s+coming|the\s+next|" \
      r"the\s+last)"
# an era after a year ("490 BC", "146 B.C.", "1066 AD"); one before it ("AD 9") is left out
ERA = r"(?:B\.\s?C\.(?:\s?E\.)?|BCE|BC|A\.\s?D\.|AD|CE)(?![A-Za-z])"
# a year before the common era, after a month or season ("April 480 BC")
BC_YEAR = r"(?P<bcyear>[1-9]\d{0,3})\s*(?P<era>B\.\s?C\.(?:\s?E\.)?|BCE|BC)(?![A-Za-z])"
HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Halloween|Valentine'?s\s+Day|Boxing\s+Day|Easter(?:\s+Sunday)?)"
)

_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}

_PATTERNS: list[tuple[str, str]] = [
    # absolute dates --------------------------------------------------------------------
    ("iso", r"(?<![\d/-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?(?![\d-])"),
    ("numeric", r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/"
                r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"),
    ("month_first",
     rf"(?:(?P<wd>{WEEKDAY})\s*,?\s*)?(?:(?P<pmod>{POINTMOD})\s*)?(?P<mon>{MONTH})"
     rf"(?:\s*(?P<day>{DAYNUM}))?(?:\s*,?\s*(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|{BC_YEAR})"
     rf"|(?P<that>\s+(?i:of\s+)?(?i:that|the\s+same)\s+(?i:year)(?![a-z])))?"),
    ("day_first",
     rf"(?:(?P<wd>{WEEKDAY})\s*,?\s*)?(?:(?i:the)\s+)?(?P<day>{DAYNUM})(?:\s+(?i:of))?\s+"
     rf"(?P<mon>{MONTH})(?:\s*,?\s*(?:(?P<year>{YEAR})|{BC_YEAR}))?"),
    ("year",
     rf"(?:(?P<pmod>{POINTMOD})\s*)?(?:(?P<fiscal>(?i:fiscal|calendar)(?:\s+year)?)\s+|FY\s?)?"
     rf"(?P<year>{YEAR})"),
    ("decade",
     rf"(?:(?i:the)\s+)?(?:(?P<pmod>{POINTMOD})\s*)?(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s(?![a-z])"),
    ("decade_word",
     rf"(?i:the)\s+(?:(?P<pmod>{POINTMOD})\s*)?(?P<w>(?i:{'|'.join(_DECADE_WORDS)}))(?![a-z])"),
    ("century",
     rf"(?:(?i:the)\s+)?(?:(?P<pmod>{POINTMOD})\s*)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|"
     rf"(?i:{_ORD_WORDS}))[-\s]+(?i:century)(?![a-z])(?:\s*(?P<era>{ERA}))?"),
    ("era_year",
     rf"(?:(?i:the)\s+)?(?:(?P<pmod>{POINTMOD})\s*)?(?<![\d,.])(?P<year>[1-9]\d{{0,3}})"
     rf"(?P<dec>s)?\s*(?P<era>{ERA})"),
    ("holiday", rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{HOLIDAY})"
                rf"(?:\s*,?\s*(?P<year>{YEAR}))?"),
    # quarters, halves, seasons -----------------------------------------------------------
    ("quarter",
     rf"(?:(?P<the>(?i:the|its|a))\s+)?(?:(?P<y1>{YEAR})\s+)?"
     rf"(?:(?P<qrel>(?i:latest|last|current|past|previous|most\s+recent|recent|"
     rf"comparable|corresponding|same|year-earlier|year-ago|prior-year|year\s+earlier|"
     rf"final|next|coming|fiscal|this))[-\s]+)*"
     rf"(?:(?P<qord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+)?"
     rf"(?:(?i:fiscal)[-\s]+)?(?P<qw>(?i:quarter))(?![a-z])"
     rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y2>{YEAR}))?(?:\s*,?\s*(?P<y3>{YEAR}))?"),
    ("qcode", rf"(?<![A-Za-z])(?:(?P<y1>{YEAR})\s*)?Q(?P<q>[1-4])(?:\s*(?P<y2>{YEAR}))?(?![\w])"),
    ("half",
     rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|last|latter))\s+(?i:half)"
     rf"(?:\s+(?i:of)\s+(?:(?P<year>{YEAR})|(?i:the|this|last|next)\s+(?P<yw>(?i:year))))?"
     ),
    ("season",
     rf"(?:(?P<rel>{REL}|(?i:the|in|during|since|by|until|of|through))\s+)?"
     rf"(?:(?P<pmod>(?i:early|mid-?|late))\s*)?(?P<season>{SEASON})"
     rf"(?:\s*(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|{BC_YEAR}))?"),
    # weekdays and parts of days ----------------------------------------------------------
    ("weekday",
     rf"(?:(?P<pmod>(?i:early|late))\s+(?:(?i:on)\s+)?)?(?:(?P<rel>(?i:last|next|this|"
     rf"this\s+coming|coming|this\s+past|past))\s+)?(?P<wd>{WEEKDAY})(?P<poss>'s)?"
     rf"(?:\s+(?P<part>{PART}))?"),
    ("part_weekday",
     rf"(?:(?i:early|late)\s+)?(?P<part>{PART})\s*,?\s*(?P<wd>{WEEKDAY})"),
    ("deictic",
     r"(?:(?P<pmod>(?i:early|late|later|earlier))\s+)?(?P<word>(?i:the\s+day\s+before\s+"
     r"yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|overnight))"
     r"(?P<poss>'s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night))(?![a-z]))?"),
    ("this_part",
     rf"(?:(?P<pmod>(?i:early|late|later|earlier))\s+)?(?P<rel>(?i:this|last|the|"
     rf"tomorrow|yesterday))\s+(?P<part>{PART})"),
    ("mid_part", r"(?i:mid-?\s?(?:morning|afternoon|day))(?![a-z])"),
    # times of day ------------------------------------------------------------------------
    ("clock",
     rf"(?:(?P<amod>(?i:about|around|approximately|roughly|shortly\s+(?:before|after)|"
     rf"just\s+(?:before|after)))\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*"
     rf"(?P<ampm>{AMPM}){TZ}?"
     rf"(?:\s*,?\s*(?:(?i:on)\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dw>(?i:today|yesterday|tomorrow))"
     rf"|(?P<mon>{MONTH})\s*(?P<day>{DAYNUM})))?"),
    ("clock24", rf"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?P<tz>{TZ})"),
    ("clock_part",
     r"(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?(?:\s+(?i:o'clock))?\s+(?i:in\s+the)\s+"
     r"(?P<part>(?i:morning|afternoon|evening))"),
    ("noon",
     rf"(?:(?i:about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
     rf"(?P<word>(?i:noon|midnight|midday))(?:\s*,?\s*(?:(?i:on)\s+)?(?:(?P<wd>{WEEKDAY})|"
     rf"(?P<dw>(?i:today|yesterday|tomorrow))))?"),
    # relative units ------------------------------------------------------------------------
    ("anaphor",
     r"(?:(?P<pmod>(?i:later|earlier))\s+)?(?P<rel>(?i:that(?:\s+same)?|the\s+following|"
     r"the\s+previous|the\s+preceding|the\s+next))\s+(?P<unit>(?i:day|month|year|morning|"
     r"afternoon|evening|night))(?![a-z'’-])"),
    ("rel_unit",
     rf"(?:(?P<pmod>(?i:earlier|later|early|late))\s+(?:(?i:in\s+))?)?(?P<rel>{REL})\s+"
     rf"(?:(?P<fiscal>(?i:fiscal|calendar))\s+)?"
     rf"(?P<unit>(?i:week|weekend|month|year|decade|century|quarter|season))(?![a-z])"),
    ("the_unit",
     r"(?P<the>(?i:the|that))\s+(?P<unit>(?i:week|weekend|month|year|"
     r"fiscal\s+year))(?![a-z])"),
    ("in_the_year",
     r"(?P<pmod>(?i:early|late|later|earlier))\s+(?i:in\s+the\s+year)(?![a-z'’-])"),
    ("month_rel_year",
     rf"(?P<mon>{MONTH})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)(?![a-z])"),
    ("year_end",
     r"(?:(?P<the>(?i:the))\s+)?(?P<w>(?i:(?:end|beginning|start|middle|close)\s+of\s+"
     r"(?:the|this|next|last)\s+(?:year|month|week|quarter)|year[-\s]end|year's\s+end|"
     r"full\s+year|turn\s+of\s+the\s+(?:year|century)))(?![a-z])"),
    ("period",
     r"(?P<the>(?i:the))\s+(?P<rel>(?i:latest|year-earlier|year-ago|comparable|"
     r"year-before|prior-year|same|corresponding))\s+(?i:period)(?![a-z])"),
    ("spoken_year",
     r"(?:(?i:the\s+year)\s+)?(?P<y>(?i:nineteen[-\s](?:(?:twenty|thirty|forty|fifty|sixty|"
     r"seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|"
     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
     r"two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|"
     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
     r"(?:[-\s](?:one|two|three|four|five))?))?))(?![a-z])"),
    ("rel_month",
     rf"(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+(?:previous|preceding|"
     rf"following|next)))\s+(?P<mon>{MONTH})(?!\.?\s*\d)"),
    ("ago",
     rf"(?:(?P<amod>{APPROX})\s+)?(?P<num>{NUM})(?:\s+(?i:or|to)\s+(?:{NUM}))?\s*[-\s]\s*"
     rf"(?P<unit>{UNIT})(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|earlier|later|from\s+now|"
     rf"hence|before\s+that|before|after|previously))(?![a-z])"),
    ("bare_ago", r"(?P<unit>(?i:years|months|weeks|days|decades))\s+(?i:ago)(?![a-z])"),
    ("year_ago_adj",
     r"(?:(?P<the>(?i:the))\s+)?(?:(?i:comparable|corresponding|same)\s+)?"
     r"(?P<w>(?i:year-earlier|year-ago|year\s+earlier|prior-year|year-before))"
     r"(?:\s+(?P<what>(?i:period|quarter|level|month|week)))?(?![a-z-])"),
    ("duration",
     rf"(?:(?P<the>(?i:the|its|their|his|her|a|an))\s+)?"
     rf"(?:(?P<rel>(?i:past|last|next|first|previous|coming|following|final|remaining|"
     rf"initial|latest|ensuing|preceding|subsequent))\s+(?!(?i:an?)\s))?"
     rf"(?:(?P<amod>{APPROX})\s+)?(?P<num>{NUM})(?P<frac>[\s-]+1/2(?![\d/])|\s*½)?"
     rf"(?:\s+(?i:or|to|and)\s+(?:{NUM}))?(?:\s+(?i:more|additional|straight|consecutive|"
     rf"full|long))?\s*[-\s]\s*(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half)(?![a-z]))?"
     rf"(?:-(?P<adj>old|long))?"),
    ("bare_units",
     r"(?:(?P<q>(?i:recent|many|several|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|"
     r"the\s+coming|coming|the\s+past|the\s+last|the\s+next|in\s+recent|for|over|within|"
     r"the\s+few))"
     r"\s+)?(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries))"
     r"(?![a-z])"),
    ("refs",
     r"(?P<word>(?i:right\s+now|now|nowadays|these\s+days|currently|at\s+present|"
     r"presently|present-day|recently|lately|formerly|in\s+the\s+past|the\s+past|"
     r"the\s+(?:near|distant|foreseeable|immediate)\s+future|the\s+future|soon|"
     r"shortly|current|once|future|at\s+the\s+time|earlier|eventually))(?![a-z-])"),
    # sets ----------------------------------------------------------------------------------
    ("set_every",
     rf"(?P<q>(?i:every|each))\s+(?:(?i:other)\s+)?(?P<unit>{WEEKDAY}|(?i:second|minute|hour|"
     rf"day|night|morning|evening|week|weekend|month|quarter|year|decade|summer|winter|spring|"
     rf"fall|autumn)(?![a-z]))"),
    ("set_adv",
     r"(?P<word>(?i:daily|nightly|weekly|monthly|annually|yearly|hourly|"
     r"biannually|biennially|fortnightly))(?![a-z])"),
    ("set_per",
     r"(?P<freq>(?i:once|twice|three\s+times|four\s+times|several\s+times)\s+)?"
     r"(?P<q>(?i:a|per))\s+(?P<unit>(?i:day|week|month|year|quarter|hour))(?![a-z])"),
    ("set_plural", r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s"
                   r"(?![A-Za-z])"),
]

_COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"(?<![\w]){pattern}")) for name, pattern in _PATTERNS
]

# Speed: every pattern is only run in small windows around "key" tokens it cannot match
# without (a month name, a digit, a unit word...).  Scanning 35 regexes over every character
# of an article is ~5x slower than one tokenising pass plus windowed searches.
_DIGIT_PATTERNS = ("iso", "numeric", "year", "decade", "clock", "clock24", "clock_part",
                   "qcode")
_UNIT_PATTERNS = ("duration", "ago", "bare_ago", "bare_units", "rel_unit", "the_unit",
                  "set_every", "set_per", "year_end", "year_ago_adj", "month_rel_year",
                  "half", "quarter", "in_the_year")
_KEY_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("second seconds minute minutes hour hours day days night nights week weeks weekend "
     "weekends month months quarter quarters year years decade decades century centuries "
     "season", _UNIT_PATTERNS),
    ("century centuries", ("century",)),
    ("christmas new thanksgiving independence halloween valentine boxing easter",
     ("holiday",)),
    ("quarter q1 q2 q3 q4", ("quarter", "qcode")),
    ("half", ("half",)),
    ("period", ("period",)),
    ("spring summer fall autumn winter", ("season", "set_every")),
    ("today tonight yesterday tomorrow overnight", ("deictic", "this_part", "noon", "clock")),
    ("morning afternoon evening night midday mid", ("this_part", "mid_part", "part_weekday",
                                                    "clock_part", "weekday", "deictic")),
    ("noon midnight midday", ("noon",)),
    ("now nowadays these currently present presently recently lately formerly past future "
     "soon shortly current once time earlier eventually", ("refs",)),
    ("daily nightly weekly monthly annually yearly hourly biannually biennially fortnightly",
     ("set_adv",)),
    ("every each", ("set_every",)),
    (" ".join(_DECADE_WORDS), ("decade_word",)),
    ("nineteen thousand", ("spoken_year",)),
    ("last this next", ("rel_month", "month_rel_year")),
    ("previous preceding following", ("rel_month",)),
    ("that following previous preceding next", ("anaphor",)),
]
_CAPITAL_KEYS: dict[str, tuple[str, ...]] = {}
for _w in MONTHS:
    _CAPITAL_KEYS[_w] = ("month_first", "day_first", "rel_month", "month_rel_year", "clock")
# "490 BC", "146 B.C.", "1066 AD": the era after the year keys the window (capitals only:
# "I'd", "an ad" are no eras)
for _w in ("bc", "bce", "b", "ad", "d", "ce"):
    _CAPITAL_KEYS[_w] = ("era_year", "month_first", "day_first", "season")
for _w in WEEKDAYS:
    _CAPITAL_KEYS[_w] = ("weekday", "part_weekday", "month_first", "day_first", "clock",
                         "noon")
    _CAPITAL_KEYS[_w + "s"] = ("set_plural",)
_KEYS: dict[str, set[str]] = {}
for _words, _names in _KEY_GROUPS:
    for _w in _words.split():
        _KEYS.setdefault(_w, set()).update(_names)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# exact-case lookup: month and weekday names only count when capitalised ("may", "march")
_LOOKUP: dict[str, tuple[str, ...]] = {}
for _w, _names in _KEYS.items():
    for _form in (_w, _w.capitalize(), _w.upper()):
        _LOOKUP[_form] = tuple(sorted(_names))
for _w, _names in _CAPITAL_KEYS.items():
    for _form in (_w.capitalize(), _w.upper()):
        _LOOKUP[_form] = tuple(sorted(set(_LOOKUP.get(_form, ())) | set(_names)))
_WINDOW = 40

_PREP_BEFORE_YEAR = {
    "in", "since", "until", "till", "by", "of", "for", "during", "from", "to", "through",
    "before", "after", "early", "late", "mid", "fiscal", "calendar", "year", "the", "between",
    "and", "or", "around", "about", "circa", "summer", "spring", "winter", "fall", "autumn",
    "last", "than", "as", "at", "into", "throughout", "over", "within", "beyond", "toward",
    "towards", "against", "ending", "ended", "on", "unlike", "versus", "vs", "both",
}
_WORD_AFTER_YEAR_OK = {
    "and", "or", "to", "through", "election", "elections", "season", "budget", "campaign",
    "census", "levels", "level", "figures", "period", "crisis", "war", "law", "act", "agreement",
    "accord", "accords", "revolution", "uprising", "coup", "attack", "attacks", "invasion",
    "olympics", "games", "summit", "vote", "referendum", "earthquake", "tsunami", "race",
    "contest", "primary", "primaries", "deal", "treaty", "peace", "riots", "protests", "report",
    "survey", "estimates", "estimate", "forecast", "results", "quarter", "first", "second",
    "third", "fourth", "fiscal", "model", "financial", "presidential", "parliamentary",
    "general", "world", "when", "because", "as", "after", "before", "that", "with", "was",
    "is", "were", "will", "has", "had", "but", "the", "in", "on", "at", "from", "for", "until",
    "since", "compared", "versus", "amid", "following", "ended", "ending", "onward", "onwards",
    "-", "--", "highs", "lows", "high", "low", "peak", "start", "end", "beginning",
}
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|is\s+due|are\s+due|due\s+to|expected|scheduled|plans?\s+to|"
    r"planned|planning|set\s+to|going\s+to|intends?\s+to|to\s+be\s+held|upcoming|"
    r"would\s+(?:(?:still|also|not|then|now)\s+)?(?:be|begin|start|hold|take|meet|visit|go|come|open|return)|next|"
    r"is\s+to|are\s+to|tomorrow|as\s+(?:soon|early)\s+as|postponed|delayed|adjourned|"
    r"plans?\s+to|will\s+be|(?:agreed|agrees|agreement|deal|decided|decides|hopes?|hoped|aims?|"
    r"aimed|promised|promises|vowed|vows|pledged|pledges|intended|proposed|proposes|"
    r"offered|offers)\s+to|effective|takes?\s+effect|deadline)\b",
    re.IGNORECASE,
)
# a plan seen from after it ("had been due to expire Friday", "as previously planned"): the
# future cue that follows names a day already past
_FUTURE_IN_PAST = re.compile(r"\b(?:had(?:\s+(?:previously|already|originally))?(?:\s+been)?|"
                             r"previously|originally)\s+$", re.IGNORECASE)
_FIGURES = (r"\$|\bcents?\b|\ba\s+share\b|\b(?:net|revenues?|sales|earnings|earned|profits?|"
            r"income|loss)\b")
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|ago|last|earlier|yesterday|since|began|ended|died|killed|"
    r"said|announced|reported|held|took|came|went|met|made|resigned|launched|signed|"
    r"killed|attacked|arrested|elected|voted|ruled|approved|rejected|agreed|declared|"
    r"returned|arrived|left|fled|won|lost|fell|rose|closed|opened|told|called|added|"
    r"claimed|denied|confirmed|issued|released|struck|fired|hit|sent|began|started)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Date arithmetic helpers
# ---------------------------------------------------------------------------------------------

def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_years(day: dt.date, years: int) -> dt.date:
    return _add_months(day, 12 * years)


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _season_of(day: dt.date) -> tuple[int, str]:
    """Meteorological season (northern hemisphere) containing ``day``; winter belongs to the
    year in which it starts (December)."""
    m = day.month
    if m in (3, 4, 5):
        return day.year, "SP"
    if m in (6, 7, 8):
        return day.year, "SU"
    if m in (9, 10, 11):
        return day.year, "FA"
    return (day.year if m == 12 else day.year - 1), "WI"


def _parse_num(text: str) -> float | None:
    """Number word or digits -> number; None for vague quantities ("several")."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[t])
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", t)
    if m and m.group(1) in SMALL_NUMBERS and m.group(2) in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[m.group(1)] + SMALL_NUMBERS[m.group(2)])
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


# fractional amounts go down one unit: "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M
_SUBUNIT = {"year": (12, "M", False), "day": (24, "H", True), "hour": (60, "M", True),
            "minute": (60, "S", True), "week": (7, "D", False)}


def _duration_value(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    if n is not None and unit in ("decade", "century"):
        # TimeBank writes decades and centuries as years ("two decades" = P20Y)
        n, unit = n * (10 if unit == "decade" else 100), "year"
    letter, is_time = UNITS.get(unit, ("X", False))
    if n is not None and n != int(n) and unit in _SUBUNIT:
        factor, sub, sub_time = _SUBUNIT[unit]
        whole, rest = int(n), (n - int(n)) * factor
        if rest == int(rest):
            head = f"{whole}{letter}" if whole else ""
            if unit == "week":
                return f"P{int(n * 7)}D" if n * 7 == int(n * 7) else f"P{n:g}W"
            t = "T" if is_time or sub_time else ""
            if sub_time and not is_time:  # P2DT12H
                return f"P{head}T{int(rest)}{sub}"
            return f"P{t}{head}{int(rest)}{sub}"
    if unit == "weekend":
        return "P2D" if n == 1 else f"P{_fmt_num(n)}WE"
    return f"PT{_fmt_num(n)}{letter}" if is_time else f"P{_fmt_num(n)}{letter}"


def _fmt_year(year: int) -> str:
    """TIMEX3 year: four digits, "BC" before years before the common era (kept negative)."""
    return f"BC{max(-year, 1):04d}" if year <= 0 else f"{year:04d}"  # no year 0


def _astronomical(year: int) -> int:
    """Year on a line without a gap (1 BC is 0), for counting across the era: the calendar
    has no year 0, so 1 BC (-1) plus one year is AD 1."""
    return year + 1 if year < 0 else year


def _calendar_year(astronomical: int) -> int:
    """Inverse of ``_astronomical``: 0 is 1 BC (-1)."""
    return astronomical - 1 if astronomical <= 0 else astronomical


def _add_years(year: int, offset: int) -> int:
    return _calendar_year(_astronomical(year) + offset)


_CALENDAR_PARTS = re.compile(r"(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _calendar_parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a calendar DATE value ("1940-06", "BC0490"), else None."""
    m = _CALENDAR_PARTS.fullmatch(value or "")
    if not m:
        return None
    year = -int(m.group(2)) if m.group(1) else int(m.group(2))
    return year, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None


def _year_from_token(tok: str, anchor: dt.date) -> int:
    if tok.startswith("'"):
        yy = int(tok[1:])
        century = anchor.year // 100 * 100
        year = century + yy
        return year - 100 if year > anchor.year + 20 else year
    return int(tok)


def value_bounds(value: str) -> tuple[str | None, dt.date | None, dt.date | None]:
    """Granularity and first/last calendar day covered by a DATE/TIME value.

    Used to fill ``TimexSpan.first_day``/``last_day`` so that downstream code can compare
    dates of different granularity without re-parsing TIMEX3 values.
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if m:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return ("time" if m.group(4) else "day"), day, day
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return "week", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return "week", monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return "month", dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        last_month = 3 * q
        return ("quarter", dt.date(y, last_month - 2, 1),
                dt.date(y, last_month, calendar.monthrange(y, last_month)[1]))
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return ("quarter", dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else \
            ("quarter", dt.date(y, 7, 1), dt.date(y, 12, 31))
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, s = int(m.group(1)), m.group(2)
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
        end = _add_months(dt.date(y, start_month, 1), 3) - dt.timedelta(days=1)
        return "season", dt.date(y, start_month, 1), end
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        y = int(m.group(1))
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        y = int(m.group(1)) * 10
        return "decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    m = re.fullmatch(r"(\d{2})", value)
    if m:
        y = int(m.group(1)) * 100
        return "century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None, None, None


# ---------------------------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------------------------

class _Context:
    """Document-level state shared by the normalisers of one ``tag`` call."""

    def __init__(self, text: str, anchor: dt.date, anchor_dt: dt.datetime | None) -> None:
        self.text = text
        self.anchor = anchor
        self.anchor_dt = anchor_dt
        self.last_quarter: tuple[int, int] | None = None  # (year, quarter) last mentioned
        self.last_date: str | None = None  # last calendar DATE value (YYYY, YYYY-MM, YYYY-MM-DD)
        self.narrative = False  # a history told in dates, not news (see ``_is_narrative``)
        self._bc_mentions: list[int] | None = None

    def bc_mentions(self) -> list[int]:
        """Start offsets of the years before the common era the text names (see
        ``_bc_is_an_era``), found once per text."""
        if self._bc_mentions is None:
            self._bc_mentions = [b.start() for b in _BC_MENTION.finditer(self.text)]
        return self._bc_mentions

    def narrative_ref(self) -> tuple[int, int | None, int | None] | None:
        """The story's own time, for a month or season without a year, in a narrative: the last
        calendar date the text named ("In 1940 ... In June, ..."). None in news, where "in
        June" counts from the publication date even after a year of background ("since 1982")."""
        return _calendar_parts(self.last_date) if self.narrative else None

    def clause(self, start: int, end: int, before: int = 80, after: int = 60) -> tuple[str, str]:
        """Text before and after a match, cut at sentence boundaries."""
        left = self.text[max(0, start - before):start]
        right = self.text[end:end + after]
        cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
        if cut >= 0:
            left = left[cut + 1:]
        cuts = [i for i in (right.find(". "), right.find("\n"), right.find("? ")) if i >= 0]
        if cuts:
            right = right[:min(cuts)]
        return left, right

    def tense(self, start: int, end: int) -> str:
        """'future' or 'past' from the nearest explicit tense cue around the match
        (news defaults to past)."""
        left, right = self.clause(start, end)
        best: tuple[int, str] | None = None
        for cues, label in ((_FUTURE_CUES, "future"), (_PAST_CUES, "past")):
            for m in cues.finditer(left):
                dist = len(left) - m.end()
                if best is None or dist < best[0]:
                    past_plan = label == "future" and _FUTURE_IN_PAST.search(left[:m.start()])
                    best = (dist, "past" if past_plan else label)
            for m in cues.finditer(right):
                dist = m.start() + 3  # cues after the expression count a bit less
                if best is None or dist < best[0]:
                    best = (dist, label)
        return best[1] if best else "past"

    def explicit_tense(self, start: int, end: int) -> str | None:
        """Like ``tense`` but None when the clause has no cue at all (then "nearest to the
        anchor" is the better guess for a full date)."""
        left, right = self.clause(start, end)
        if _FUTURE_CUES.search(left) or _FUTURE_CUES.search(right) or \
                _PAST_CUES.search(left) or _PAST_CUES.search(right):
            return self.tense(start, end)
        if re.search(r"\b[a-z]{3,}ed\b", left):
            return "past"
        return None

    def reported_quarter(self) -> tuple[int, int]:
        """The quarter the article is reporting on: the last one it named, else the last
        completed quarter before the anchor."""
        if self.last_quarter is not None:
            return self.last_quarter
        idx = self.anchor.year * 4 + _quarter_of(self.anchor) - 2
        return idx // 4, idx % 4 + 1

    def earnings_comparison(self, start: int, end: int) -> bool:
        """Is a "year ago"/"last year" at this position the year-earlier *quarter* of an
        earnings report?  Yes when the sentence names a quarter or period, or when the article
        already named a quarter and the sentence compares financial figures."""
        if self.sentence_mentions(start, end, r"quarter|period"):
            return True
        return self.last_quarter is not None and self.sentence_mentions(start, end, _FIGURES)

    def sentence_mentions(self, start: int, end: int, pattern: str) -> bool:
        left, right = self.clause(start, end, 200, 120)
        return re.search(pattern, left + " " + right, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------------------------
# Normalisers: each takes (match, context) and returns (type, value, mod) or None to reject
# ---------------------------------------------------------------------------------------------

Norm = tuple[str, str, str | None] | None


_NEW_YEAR_STEP = 2  # months


def _pick_year_for(month: int, day: int | None, ctx: _Context, start: int, end: int) -> int:
    """Year for a month(/day) without year: the candidate nearest the anchor; if the clause is
    clearly future (or past) and the other side is not far, prefer that side. In a narrative
    (see ``_Context.narrative_ref``) the year of the story's last date instead."""
    ref = ctx.narrative_ref()
    if ref is not None:
        ref_year, ref_month, _ref_day = ref
        if ref_month is None:
            return ref_year
        # the story's year, unless the month lies just across a new year from its last date
        # ("In December ... In January" enters the next year; measured on WikiWars dev, the
        # nearest year overall does worse: stories step back a few months as often as on)
        if month - ref_month + 12 <= _NEW_YEAR_STEP:
            return _add_years(ref_year, 1)
        if ref_month - month + 12 <= _NEW_YEAR_STEP:
            return _add_years(ref_year, -1)
        return ref_year
    a = ctx.anchor
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            if day is None:
                first = dt.date(y, month, 1)
                last = dt.date(y, month, calendar.monthrange(y, month)[1])
                dist = 0 if first <= a <= last else min(abs((first - a).days),
                                                        abs((last - a).days))
                side = 0 if first <= a <= last else (1 if first > a else -1)
            else:
                d = dt.date(y, month, day)
                dist = abs((d - a).days)
                side = 0 if d == a else (1 if d > a else -1)
        except ValueError:
            continue
        cands.append((dist, y, side))
    cands.sort()
    dist, year, side = cands[0]
    if side == 0:
        return year
    if day is None:
        # a bare month in news is a past month unless the clause speaks of the future; the
        # month right after the anchor's cannot be past, the one right before cannot be future
        ahead = (month - a.month) % 12
        if ahead == 1:
            return next((y for _d, y, s in cands if s == 1), year)
        if ahead == 11:
            return next((y for _d, y, s in cands if s == -1), year)
        want = 1 if ctx.tense(start, end) == "future" else -1
        deadline = re.search(r"\b(?:by|until|till|(?P<thr>through))\s+$",
                             ctx.text[max(0, start - 9):start], re.I)
        if deadline and (not deadline["thr"] or ahead <= 6):
            want = 1  # "by May": a deadline
        return next((y for _d, y, s in cands if s == want), year)
    tense = ctx.explicit_tense(start, end)
    if tense is not None:
        want = 1 if tense == "future" else -1
        if side != want:
            for d2, y2, s2 in cands[1:]:
                if s2 == want and d2 < 300:
                    return y2
    return year


def _pmod(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower().strip())
    return POINT_MODS.get(t) or POINT_MODS.get(t.rstrip("-"))


def _n_iso(m: re.Match[str], ctx: _Context) -> Norm:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['hh']}:{m['mm']}", None
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None


def _n_numeric(m: re.Match[str], ctx: _Context) -> Norm:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > (ctx.anchor.year % 100) + 20 else 2000
    try:
        day = dt.date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), None


def _day_from(tok: str | None) -> int | None:
    if not tok:
        return None
    t = tok.lower()
    if t in ORDINALS:
        return ORDINALS[t]
    return int(re.match(r"\d+", t).group(0))  # type: ignore[union-attr]


_MAY_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|early|late|mid|last|next|this|on|during|through|before|"
    r"after|from|to|and|or|between|each|every|end|beginning|start|middle|that|the)\s+|mid-)$",
    re.IGNORECASE,
)


def _n_month(m: re.Match[str], ctx: _Context) -> Norm:
    mon_tok = m["mon"].rstrip(".").lower()
    month = MONTHS[mon_tok]
    day = _day_from(m["day"])
    year_tok = m["year"]
    if day is None and year_tok is None and not m["bcyear"]:
        # A bare month name: guard against "May" (modal/name), "March" (verb) and
        # abbreviations on their own ("Dec" as a name).
        if m["mon"] != m["mon"].title() and not m["mon"].isupper():
            return None
        before = ctx.text[max(0, m.start() - 20):m.start()]
        ambiguous = mon_tok in ("may", "march") or (
            len(mon_tok) <= 4 and mon_tok not in ("june", "july"))
        if ambiguous and not _MAY_OK_BEFORE.search(before) and not m["pmod"]:
            return None
        if len(mon_tok) <= 4 and not m["mon"].endswith(".") and re.match(
                r" [A-Z][a-z]", ctx.text[m.end():m.end() + 3]):
            return None  # "Jan Kavan", "Dec Hogan": a first name
        if mon_tok in ("may", "march"):
            after = ctx.text[m.end():m.end() + 12]
            if re.match(r"\s+(?:be|have|not|also|well|still|take|make|face|need|on|to|"
                        r"through|into|against|across|toward|towards|past)\b", after):
                return None
            if m.start() == 0 or ctx.text[max(0, m.start() - 2):m.start()] in (". ", "\n"):
                return None
    if day is not None and (day < 1 or day > 31):
        return None
    story_year = _calendar_parts(ctx.last_date) if "that" in m.re.groupindex and m["that"] \
        else None
    if year_tok is not None:
        year = _year_from_token(year_tok, ctx.anchor)
    elif m["bcyear"]:
        year = -int(m["bcyear"])
    elif story_year is not None:
        year = story_year[0]  # "August of that year": the year the text last named
    else:
        year = _pick_year_for(month, day, ctx, m.start(), m.end())
    mod = _pmod(m["pmod"]) if "pmod" in m.re.groupindex else None
    if day is not None:
        try:
            dt.date(year if year > 0 else 2000, month, day)  # a leap year stands in for BC
        except ValueError:
            return None
        return "DATE", f"{_fmt_year(year)}-{month:02d}-{day:02d}", mod
    return "DATE", f"{_fmt_year(year)}-{month:02d}", mod


_CLOCK_AFTER = r"\s*(?:hours|hrs|h\b|GMT|UTC|GST|EST|EDT|local\s+time|Z\b)"
_COUNT_BEFORE = {"at", "around", "about", "than", "over"}


_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:people|persons|troops|soldiers|men|women|children|votes|seats|dollars|euros|"
    r"pounds|tons|tonnes|km|miles|metres|meters|feet|acres|units|cars|homes|houses|jobs|"
    r"workers|members|cases)\b", re.IGNORECASE)


def _n_year(m: re.Match[str], ctx: _Context) -> Norm:
    tok = m["year"]
    if tok.startswith("'"):
        if not (m["pmod"] or m["fiscal"]):
            return None
        return "DATE", str(_year_from_token(tok, ctx.anchor)), _pmod(m["pmod"])
    year = int(tok)
    # a number before 1900 is less often a year: it needs a word that governs years before it
    # ("in 1777", "the 1777 campaign") or another year beside it ("1775-1783")
    older = year < 1900
    if not (m["pmod"] or m["fiscal"]):
        before = ctx.text[max(0, m.start() - 25):m.start()]
        after = ctx.text[m.end():m.end() + 25]
        if re.search(r"[$£€#№]\s*$|\bNo\.\s*$|\b(?:number|page|flight|route|article|"
                     r"resolution|room|model|item|chapter|section|code)\s+$", before,
                     re.IGNORECASE):
            return None
        prev = re.search(r"([A-Za-z]+)\W*$", before)
        nxt = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z])", after)
        ok_before = prev is not None and prev.group(1).lower() in _PREP_BEFORE_YEAR and \
            re.search(r"[A-Za-z]+[\s,(]*$", before) is not None
        before_word = prev.group(1).lower() if prev is not None else ""
        if older and (re.match(_CLOCK_AFTER, after) or before_word in _COUNT_BEFORE):
            return None  # "at 1830 GMT", "by 1700 hours" (a clock), "over 1800" (a count)
        if not ok_before and older:
            if not (re.match(r"\s*[-–—]\s*(?:1[6-9]|20)?\d\d(?!\d)", after)
                    or re.search(r"(?:1[6-9]|20)\d\d\s*[-–—]\s*$", before)):
                return None
        elif not ok_before:
            if nxt is None:
                ok_after = True
            else:
                w = nxt.group(1)
                if w in ("%", "-", "/", ":") or w.isdigit():
                    ok_after = w == "-" and re.match(r"\s*-\s*(?:19|20)\d\d", after) is not None
                elif w[0].isalpha():
                    ok_after = w.lower() in _WORD_AFTER_YEAR_OK or w[0].isupper() or \
                        w.lower() == "s"
                else:
                    ok_after = True
            if not ok_after:
                return None
        # a count noun after the number makes it a count, also after a preposition when the
        # number is small for a year ("in 1800 homes"); "in 2015 homes were built" stays a year
        if (older or not ok_before) and _COUNT_NOUN_AFTER.match(after):
            return None
    return "DATE", f"{year:04d}", _pmod(m["pmod"])


def _n_decade(m: re.Match[str], ctx: _Context) -> Norm:
    tok = m["dec"]
    year = _year_from_token(tok, ctx.anchor) if tok.startswith("'") else int(tok)
    return "DATE", f"{year // 10:03d}", _pmod(m["pmod"])


def _n_decade_word(m: re.Match[str], ctx: _Context) -> Norm:
    """"the nineties": the latest such decade that has begun by the anchor. Only after "the":
    "in their forties" is an age."""
    tens = _DECADE_WORDS[m["w"].lower()]
    century = 20 if 2000 + 10 * tens <= ctx.anchor.year else 19
    return "DATE", f"{century}{tens}", _pmod(m["pmod"])


def _n_century(m: re.Match[str], ctx: _Context) -> Norm:
    tok = m["ord"].lower()
    n = ORDINALS.get(tok)
    if n is None:
        n = int(re.match(r"\d+", tok).group(0))  # type: ignore[union-attr]
    if not 1 <= n <= 22:
        return None
    bc = "BC" if m["era"] and m["era"].upper().startswith("B") else ""
    return "DATE", f"{bc}{n - 1:02d}", _pmod(m["pmod"])


# a year before the common era that no capitalised word follows ("490 BC, Athens", "146 B.C.")
_BC_MENTION = re.compile(
    r"(?<![\d,.])[1-9]\d{0,3}s?\s*(?:B\.\s?C\.(?:\s?E\.)?|BCE|BC)(?![A-Za-z])(?!\s+[A-Z])"
    r"|(?i:century)\s*(?:B\.\s?C\.(?:\s?E\.)?|BCE|BC)(?![A-Za-z])")


def _bc_is_an_era(m: re.Match[str], year: int, ctx: _Context) -> bool:
    """Is the "BC" after this number the era? "BC" is also an abbreviation of a name ("In 2015
    BC Hydro raised rates"): before a capitalised word, or after a year of four digits, it is
    the era only in a text that names another year before the common era."""
    if any(not (m.start() <= s < m.end()) for s in ctx.bc_mentions()):
        return True
    if m["era"] == "BC" and re.match(r"\s+[A-Z]", ctx.text[m.end("era"):m.end("era") + 2]):
        return False
    return year < 1000


def _n_era_year(m: re.Match[str], ctx: _Context) -> Norm:
    """"490 BC", "the 460s BC", "1066 AD": TIMEX3 writes years before the common era with a
    "BC" prefix (BC0490, the decade BC046)."""
    year = int(m["year"])
    bc = m["era"].upper().startswith("B")
    if bc and not _bc_is_an_era(m, year, ctx):
        return None  # the plain year rule reads "2015" alone
    if m["dec"]:
        if year % 10:
            return None
        return "DATE", f"{'BC' if bc else ''}{year // 10:03d}", _pmod(m["pmod"])
    return "DATE", _fmt_year(-year if bc else year), _pmod(m["pmod"])


def _easter(year: int) -> dt.date:
    """Anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _holiday_date(name: str, year: int) -> dt.date:
    n = re.sub(r"\s+", " ", name.lower())
    if n.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if n.startswith("christmas"):
        return dt.date(year, 12, 25)
    if n.startswith("new year") and n.endswith("eve"):
        return dt.date(year, 12, 31)
    if n.startswith("new year"):
        return dt.date(year, 1, 1)
    if n.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n.startswith("independence"):
        return dt.date(year, 7, 4)
    if n.startswith("halloween"):
        return dt.date(year, 10, 31)
    if n.startswith("valentine"):
        return dt.date(year, 2, 14)
    if n.startswith("boxing"):
        return dt.date(year, 12, 26)
    return _easter(year)


def _n_holiday(m: re.Match[str], ctx: _Context) -> Norm:
    name = m["hol"]
    if m["year"]:
        return "DATE", _holiday_date(name, _year_from_token(m["year"], ctx.anchor)).isoformat(), \
            None
    a = ctx.anchor
    rel = (m["rel"] or "").lower()
    ref = ctx.narrative_ref()
    if ref is not None and not rel and ref[0] >= 1:
        return "DATE", _holiday_date(name, ref[0]).isoformat(), None  # the story's Christmas
    cands = [_holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)]
    if rel == "last":
        day = max(c for c in cands if c < a)
    elif rel == "next":
        day = min(c for c in cands if c > a)
    else:
        future = ctx.tense(m.start(), m.end()) == "future"
        day = min(cands, key=lambda c: (abs((c - a).days), (c < a) == future))
        if name.lower().startswith(("christmas", "new year", "easter", "halloween")) and \
                not rel and not re.search(r"Day|Eve", name) and ctx.text[m.end():m.end() + 1] \
                not in (" ", ",", ".", ""):
            return None
    return "DATE", day.isoformat(), None


def _quarter_nearest(q: int, ctx: _Context, start: int, end: int) -> int:
    a = ctx.anchor
    aq = a.year * 4 + _quarter_of(a) - 1
    future = ctx.tense(start, end) == "future"
    cands = [(y * 4 + q - 1, y) for y in (a.year - 1, a.year, a.year + 1)]
    # earnings news talks about completed (or current) quarters unless clearly future
    if future:
        # results for the quarter that just ended are still to come ("will report third-quarter
        # results" in October is this year's third quarter)
        return min((c for c in cands if c[0] >= aq - 1), default=cands[1])[1]
    return max((c for c in cands if c[0] <= aq), default=cands[1])[1]


_QUARTER_ENDED = re.compile(
    rf"\s*,?\s*(?:which\s+|that\s+)?(?:ended|ending|ends)\s+(?P<mon>{MONTH})\s*"
    rf"(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)(?:\s*,\s*(?P<y>{YEAR}))?"
)


def _n_quarter(m: re.Match[str], ctx: _Context) -> Norm:
    the = (m["the"] or "").lower()
    rels = re.findall(r"(?i)latest|last|current|past|previous|most\s+recent|recent|comparable|"
                      r"corresponding|same|year-earlier|year-ago|prior-year|year\s+earlier|"
                      r"final|next|coming|fiscal|this", m.group(0)[:m.start("qw") - m.start()])
    rels = [r.lower() for r in rels]
    qord = m["qord"]
    year_tok = m["y1"] or m["y2"] or m["y3"]
    if the == "a" and not qord and not rels:
        return None  # "a quarter of the vote"
    if ctx.text[m.end():m.end() + 8].lower() in ("-century", " century"):
        return None  # "a quarter-century"
    if not (the or qord or rels or year_tok):
        return None
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+of\s+(?:the|a|an|all|its|their|his|her|[0-9])\b", after) and not year_tok:
        return None  # "a/the quarter of the population"
    a = ctx.anchor
    year_back = any(r in ("year-earlier", "year-ago", "prior-year", "year earlier") for r in rels)
    ended = _QUARTER_ENDED.match(ctx.text, m.end())
    if ended and not year_tok and not year_back:
        # "the quarter ended Sept. 30": the quarter is the one holding most of the three months
        # before the end date (fiscal quarters may end in any month)
        month = MONTHS[ended["mon"].rstrip(".").lower()]
        day = int(ended["day"])
        year = _year_from_token(ended["y"], a) if ended["y"] else \
            _pick_year_for(month, day, ctx, ended.start("mon"), ended.end())
        try:
            mid = dt.date(year, month, day) - dt.timedelta(days=45)
        except ValueError:
            mid = None
        if mid is not None:
            q = QUARTER_ORDINALS[qord.lower()] if qord else _quarter_of(mid)
            y = year if qord else mid.year
            ctx.last_quarter = (y, q)
            return "DATE", f"{y:04d}-Q{q}", None
    if qord:
        q = QUARTER_ORDINALS[qord.lower()]
        if year_tok:
            year = _year_from_token(year_tok, a)
        elif year_back and ctx.last_quarter:
            year = ctx.last_quarter[0] - 1
        else:
            year = _quarter_nearest(q, ctx, m.start(), m.end())
            if year_back:
                year -= 1
        ctx.last_quarter = (year, q)
        return "DATE", f"{year:04d}-Q{q}", None
    aq = a.year * 4 + _quarter_of(a) - 1
    if year_tok:
        q = ctx.last_quarter[1] if ctx.last_quarter else (aq - 1) % 4 + 1
        return "DATE", f"{_year_from_token(year_tok, a):04d}-Q{q}", None
    if "next" in rels or "coming" in rels:
        idx = a.year * 4 + _quarter_of(a)
        return "DATE", f"{idx // 4:04d}-Q{idx % 4 + 1}", None
    if "current" in rels or "this" in rels:
        return "DATE", f"{a.year:04d}-Q{_quarter_of(a)}", None
    if ctx.last_quarter is not None and (
            ctx.last_quarter[0] * 4 + ctx.last_quarter[1] - 1 < aq
            or not any(r in ("latest", "last", "past", "most recent", "recent") for r in rels)):
        y, q = ctx.last_quarter
    else:
        idx = a.year * 4 + _quarter_of(a) - 2  # the last completed quarter
        y, q = idx // 4, idx % 4 + 1
        if "previous" in rels:
            idx -= 1
            y, q = idx // 4, idx % 4 + 1
    if year_back:
        y -= 1
    return "DATE", f"{y:04d}-Q{q}", None


def _n_qcode(m: re.Match[str], ctx: _Context) -> Norm:
    q = int(m["q"])
    year_tok = m["y1"] or m["y2"]
    year = _year_from_token(year_tok, ctx.anchor) if year_tok else \
        _quarter_nearest(q, ctx, m.start(), m.end())
    ctx.last_quarter = (year, q)
    return "DATE", f"{year:04d}-Q{q}", None


def _n_half(m: re.Match[str], ctx: _Context) -> Norm:
    h = 1 if m["h"].lower() == "first" else 2
    if m["year"]:
        year = _year_from_token(m["year"], ctx.anchor)
    elif m["yw"]:
        word = m.group(0).lower()
        year = ctx.anchor.year + (1 if "next" in word else -1 if "last" in word else 0)
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        year = ctx.anchor.year if not (h == 2 and ctx.anchor.month <= 6) else ctx.anchor.year - 1
    return "DATE", f"{year:04d}-H{h}", None


# relations that count from the anchor even in a narrative ("last summer", "this spring")
_DEICTIC_RELS = {"last", "past", "the past", "this", "this past", "this coming", "next",
                 "coming", "the coming", "current", "the current"}


def _n_season(m: re.Match[str], ctx: _Context) -> Norm:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    season = SEASONS[m["season"].lower()]
    if m["year"] or m["bcyear"]:
        year = _year_from_token(m["year"], ctx.anchor) if m["year"] else -int(m["bcyear"])
    else:
        if not rel and not m["pmod"]:
            return None
        if m["season"].lower() == "fall" and rel in ("", "of", "by", "until") and not m["pmod"]:
            return None  # "the fall of the regime"
        if rel == "the" and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
            return None
        order = ["SP", "SU", "FA", "WI"]
        ref = ctx.narrative_ref()
        if ref is not None and rel not in _DEICTIC_RELS:
            # indices count on a line without year 0, so that a story crossing the era counts on
            ref_year, ref_month = _astronomical(ref[0]), ref[1] or 7
            # the season the story's last date is in (winter counts from December)
            ref_idx = (ref_year - (ref_month <= 2)) * 4 + (ref_month - 3) % 12 // 3
            # two years back: in January or February the story is in the winter of the year
            # before, so the previous winter is the one before that
            cands = [y * 4 + order.index(season) for y in range(ref_year - 2, ref_year + 2)]
            if rel in ("the next", "the following"):
                idx = min((c for c in cands if c > ref_idx), default=cands[-1])
            elif rel in ("the previous", "previous"):
                idx = max((c for c in cands if c < ref_idx), default=cands[0])
            else:
                # "the winter" of a story is the one after its last date, unless that date
                # is in January or February: then the winter it is in
                idx = (ref_year - 1 if season == "WI" and ref_month <= 2 else ref_year) * 4 + \
                    order.index(season)
            year = _calendar_year(idx // 4)
            return "DATE", f"{_fmt_year(year)}-{season}", _pmod(m["pmod"])
        ay, aseason = _season_of(ctx.anchor)
        aidx = ay * 4 + order.index(aseason)
        # candidate season indices around the anchor
        cands = [(y * 4 + order.index(season), y) for y in (ay - 1, ay, ay + 1)]
        if rel in ("last", "past", "the past", "previous", "the previous"):
            pool = [c for c in cands if c[0] < aidx]
            _idx, year = max(pool, default=cands[0])
        elif rel in ("next", "coming", "the coming", "the next", "this coming"):
            pool = [c for c in cands if c[0] > aidx]
            _idx, year = min(pool, default=cands[-1])
        elif rel == "this past":
            pool = [c for c in cands if c[0] <= aidx]
            _idx, year = max(pool, default=cands[0])
        elif rel == "this":
            year = ctx.anchor.year if season != "WI" else ay
        else:
            future = ctx.tense(m.start(), m.end()) == "future"
            pool = [c for c in cands if (c[0] >= aidx if future else c[0] <= aidx)]
            _idx, year = (min(pool) if future else max(pool)) if pool else cands[1]
    mod = _pmod(m["pmod"])
    return "DATE", f"{_fmt_year(year)}-{season}", mod


_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by)\s+(?:[\w.:]+\s+){0,3}$", re.IGNORECASE)


def _weekday_date(wd: int, rel: str, ctx: _Context, start: int, end: int) -> dt.date:
    a = ctx.anchor
    back = (a.weekday() - wd) % 7
    fwd = (wd - a.weekday()) % 7
    if rel == "last":
        return a - dt.timedelta(days=back or 7)
    if rel in ("this past", "past"):
        return a - dt.timedelta(days=back)
    if rel == "next":
        return a + dt.timedelta(days=fwd or 7)
    if rel in ("this coming", "coming"):
        return a + dt.timedelta(days=fwd or 7)
    if back == 0:
        return a
    future = ctx.tense(start, end) == "future"
    if not rel and not future and _DEADLINE_BEFORE.search(ctx.text, max(0, start - 20), start) \
            and ctx.explicit_tense(start, end) is None:
        future = True  # "has given them until 9 a.m. Tuesday": a deadline, still ahead
    if rel == "this":
        return a + dt.timedelta(days=fwd) if future or fwd < back else a - dt.timedelta(days=back)
    return a + dt.timedelta(days=fwd) if future else a - dt.timedelta(days=back)


def _n_weekday(m: re.Match[str], ctx: _Context) -> Norm:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    day = _weekday_date(wd, rel, ctx, m.start(), m.end())
    mod = _pmod(m["pmod"])
    if m["part"]:
        # TBAQ/TempEval-3 news annotates "Friday night" as a DATE (mostly keeping the part of
        # day in the value), unlike bare "last night"/"this morning", which are TIMEs
        part = PARTS_OF_DAY[m["part"].lower()]
        return "DATE", f"{day.isoformat()}T{part}", mod
    return "DATE", day.isoformat(), mod


def _n_part_weekday(m: re.Match[str], ctx: _Context) -> Norm:
    wd = WEEKDAYS[m["wd"].lower()]
    day = _weekday_date(wd, "", ctx, m.start(), m.end())
    return "DATE", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", None


def _n_deictic(m: re.Match[str], ctx: _Context) -> Norm:
    word = re.sub(r"\s+", " ", m["word"].lower())
    a = ctx.anchor
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    day = a + dt.timedelta(days=offsets[word])
    pmod = (m["pmod"] or "").lower()
    mod = {"early": "START", "late": "END"}.get(pmod)
    if m["part"]:
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", mod
    if word == "overnight":
        return "TIME", f"{day.isoformat()}TNI", None
    if word == "today" and re.match(r"\s*'s\s+(?:world|society|standards|economy|market)",
                                    ctx.text[m.end():m.end() + 20]):
        return "DATE", "PRESENT_REF", None
    return "DATE", day.isoformat(), mod


def _n_this_part(m: re.Match[str], ctx: _Context) -> Norm:
    rel = m["rel"].lower()
    part = m["part"].lower()
    a = ctx.anchor
    if rel == "last":
        if part != "night":
            return None
        day = a - dt.timedelta(days=1)
    elif rel == "yesterday":
        day = a - dt.timedelta(days=1)
    elif rel == "tomorrow":
        day = a + dt.timedelta(days=1)
    elif rel == "the":
        if part == "night":
            return None
        day = _story_day(ctx) or a
    else:
        day = a
    return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part]}", None


def _n_mid_part(m: re.Match[str], ctx: _Context) -> Norm:
    t = m.group(0).lower()
    part = "AF" if "afternoon" in t else "MO" if "morning" in t else "MI"
    return "TIME", f"{ctx.anchor.isoformat()}T{part}", None


def _story_day(ctx: _Context) -> dt.date | None:
    """The day a narrative last named, for a time of day it gives without one ("At 11 a.m.")."""
    ref = ctx.narrative_ref()
    if ref is None or ref[2] is None or ref[0] < 1:
        return None
    return dt.date(ref[0], ref[1], ref[2])  # type: ignore[arg-type]


def _clock_day(m: re.Match[str], ctx: _Context) -> dt.date:
    a = ctx.anchor
    if m["wd"]:
        return _weekday_date(WEEKDAYS[m["wd"].lower()], "", ctx, m.start(), m.end())
    if "dw" in m.re.groupindex and m["dw"]:
        return a + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[
            m["dw"].lower()])
    if "mon" in m.re.groupindex and m["mon"]:
        month = MONTHS[m["mon"].rstrip(".").lower()]
        day = _day_from(m["day"]) or 1
        year = _pick_year_for(month, day, ctx, m.start(), m.end())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return a
    return _story_day(ctx) or a


def _n_clock(m: re.Match[str], ctx: _Context) -> Norm:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ampm = m["ampm"].lower().replace(".", "")
    if h > 12 or h == 0:
        return None
    if ampm == "pm" and h != 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    day = _clock_day(m, ctx)
    mod = APPROX_MODS.get((m["amod"] or "").lower().split()[0]) if m["amod"] else None
    if m["amod"] and m["amod"].lower().split()[-1] in ("before", "after"):
        mod = "BEFORE" if m["amod"].lower().endswith("before") else "AFTER"
    return "TIME", f"{day.isoformat()}T{h:02d}:{mi:02d}", mod


def _n_clock24(m: re.Match[str], ctx: _Context) -> Norm:
    day = _story_day(ctx) or ctx.anchor
    return "TIME", f"{day.isoformat()}T{int(m['h']):02d}:{m['mi']}", None


def _n_clock_part(m: re.Match[str], ctx: _Context) -> Norm:
    h = int(m["h"])
    if h > 12:
        return None
    part = m["part"].lower()
    if part in ("afternoon", "evening") and h < 12:
        h += 12
    day = _story_day(ctx) or ctx.anchor
    return "TIME", f"{day.isoformat()}T{h:02d}:{int(m['mi'] or 0):02d}", None


def _n_noon(m: re.Match[str], ctx: _Context) -> Norm:
    if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
        return None  # "high noon", "High Noon": a showdown, not a clock time
    day = _clock_day(m, ctx)
    word = m["word"].lower()
    hhmm = "24:00" if word == "midnight" else "12:00"
    return "TIME", f"{day.isoformat()}T{hhmm}", None


def _relative_point(unit: str, offset: int, ctx: _Context) -> str | None:
    """Value of the calendar unit ``offset`` steps from the anchor ("last week" -> -1)."""
    a = ctx.anchor
    if unit == "week":
        return _week_value(a + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return _week_value(a + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        d = _add_months(a.replace(day=1), offset)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{a.year + offset:04d}"
    if unit == "quarter":
        idx = a.year * 4 + _quarter_of(a) - 1 + offset
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"
    if unit == "decade":
        return f"{a.year // 10 + offset:03d}"
    if unit == "century":
        return f"{a.year // 100 + offset:02d}"
    if unit == "season":
        order = ["SP", "SU", "FA", "WI"]
        y, s = _season_of(a)
        idx = y * 4 + order.index(s) + offset
        return f"{idx // 4:04d}-{order[idx % 4]}"
    return None


def _n_rel_unit(m: re.Match[str], ctx: _Context) -> Norm:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    pmod = (m["pmod"] or "").lower()
    if rel in ("the past", "the last", "past") and unit in ("week", "month", "year", "decade",
                                                           "century", "quarter"):
        # "the past year" is a duration in TimeBank ("over the past year" = P1Y)
        return "DURATION", _duration_value(1, unit), None
    if rel in ("the next", "the coming", "the following") and unit != "weekend":
        return "DURATION", _duration_value(1, unit), None
    offset = {"last": -1, "previous": -1, "the previous": -1, "this past": -1,
              "next": 1, "coming": 1, "this coming": 1, "this": 0, "current": 0,
              "the current": 0, "past": -1}.get(rel)
    if offset is None:
        return None
    if unit == "weekend" and rel == "this":
        offset = 0
    if unit == "weekend" and rel in ("last", "past", "this past") and ctx.anchor.weekday() >= 5:
        offset = 0 if rel == "this past" else -1
    if unit == "quarter" and offset == 0 and ctx.last_quarter and rel != "this":
        y, q = ctx.last_quarter
        return "DATE", f"{y:04d}-Q{q}", None
    value = _relative_point(unit, offset, ctx)
    if value is None:
        return None
    mod = {"early": "START", "earlier": None, "late": "END", "later": None}.get(pmod)
    return "DATE", value, mod


def _n_the_unit(m: re.Match[str], ctx: _Context) -> Norm:
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    the = m["the"].lower()
    after = ctx.text[m.end():m.end() + 30]
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if re.match(r"\s*(?:before|after|earlier|later|ago|of|in\s+which|that|when|,?\s*which)\b",
                after) or re.match(r"['’]s", after):
        return None
    if unit == "weekend":
        a = ctx.anchor
        future = ctx.tense(m.start(), m.end()) == "future"
        if a.weekday() >= 5:
            return "DATE", _week_value(a) + "-WE", None
        offset = 0 if future else -1
        return "DATE", _week_value(a + dt.timedelta(weeks=offset)) + "-WE", None
    if unit == "week":
        if the == "that" or not re.search(r"\b(?:during|in|for|over|throughout|earlier|"
                                           r"later)\s+$", before, re.IGNORECASE):
            return None
        return "DATE", _week_value(ctx.anchor), None
    if unit in ("year", "fiscal year"):
        if the == "that":
            return None
        if re.search(r"\b(?:for|over|during|throughout|in|through)\s+$", before, re.IGNORECASE):
            return "DURATION", "P1Y", None
        return None
    return None


def _n_anaphor(m: re.Match[str], ctx: _Context) -> Norm:
    """"that year", "the following month", "earlier that day", "the next morning": relative to
    the last calendar date the story mentioned (narrative time), not to the anchor."""
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    after = ctx.text[m.end():m.end() + 20]
    if re.match(r"\s*(?:before|after|of|in\s+which|when|that|,?\s*which)\b", after):
        return None
    if rel == "the next" and unit in ("month", "year"):
        return "DURATION", _duration_value(1, unit), None  # "over the next year": a stretch
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(
        rel, 0)
    ref = _calendar_parts(ctx.last_date)
    part = PARTS_OF_DAY.get(unit)
    day_unit = "day" if part else unit
    need = {"year": 1, "month": 2, "day": 3}[day_unit]
    if ctx.narrative and day_unit == "day" and ref is not None and (ref[2] is None or ref[0] < 1):
        # a story that named only the month (or year): "that day" is a day of it, unknown
        value = f"{_fmt_year(ref[0])}-{ref[1]:02d}-XX" if ref[1] else f"{_fmt_year(ref[0])}-XX-XX"
        return "DATE", f"{value}T{part}" if part else value, None
    if ref is None or ref[need - 1] is None or (day_unit == "day" and ref[0] < 1):
        if day_unit in ("month", "year") and rel in ("the following", "the preceding"):
            return "DURATION", _duration_value(1, unit), None
        a = ctx.anchor
        ref = (a.year, a.month, a.day)
    year, month, day = ref
    if day_unit == "year":
        value = _fmt_year(_add_years(year, offset))
    elif day_unit == "month":
        index = _astronomical(year) * 12 + month - 1 + offset  # type: ignore[operator]
        value = f"{_fmt_year(_calendar_year(index // 12))}-{index % 12 + 1:02d}"
    else:
        value = (dt.date(year, month, day) + dt.timedelta(days=offset)).isoformat()  # type: ignore[arg-type]
    if part:
        return "DATE", f"{value}T{part}", None  # like "Friday night" (TBAQ convention)
    return "DATE", value, None


def _n_rel_month(m: re.Match[str], ctx: _Context) -> Norm:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    month = MONTHS[m["mon"].rstrip(".").lower()]
    a = ctx.anchor
    if rel in ("last", "this past"):
        year = a.year if month < a.month else a.year - 1
    elif rel in ("next", "this coming"):
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    elif rel.startswith("the "):
        # "the following March": counted from the last date told, not from the anchor
        ref = _calendar_parts(ctx.last_date) or (a.year, a.month, a.day)
        ref_month = ref[1] or (1 if rel.endswith(("following", "next")) else 12)
        if rel.endswith(("following", "next")):
            year = ref[0] if month > ref_month else _add_years(ref[0], 1)
        else:
            year = ref[0] if month < ref_month else _add_years(ref[0], -1)
    else:
        year = _pick_year_for(month, None, ctx, m.start(), m.end())
    return "DATE", f"{_fmt_year(year)}-{month:02d}", None


def _n_month_rel_year(m: re.Match[str], ctx: _Context) -> Norm:
    month = MONTHS[m["mon"].rstrip(".").lower()]
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", f"{year:04d}-{month:02d}", None


def _n_year_end(m: re.Match[str], ctx: _Context) -> Norm:
    w = re.sub(r"\s+", " ", m["w"].lower())
    a = ctx.anchor
    if w == "full year":
        return "DATE", f"{a.year:04d}", None
    if w.startswith("turn of the century"):
        return "DATE", f"{a.year // 100 + (1 if a.year % 100 > 50 else 0):02d}", "START"
    if w.startswith(("year", "turn of the year")):
        year = a.year - 1 if re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8):m.start()]) \
            else a.year
        return "DATE", f"{year:04d}", "END"
    mod = POINT_MODS.get(w.split(" of ")[0] + " of", "END")
    rel = w.split()[-2]
    unit = w.split()[-1]
    offset = {"last": -1, "next": 1}.get(rel, 0)
    ref = ctx.narrative_ref()
    if rel == "the" and ref is not None and unit in ("year", "month"):
        # "by the end of the year" in a story: the story's year (or month)
        if unit == "year":
            return "DATE", _fmt_year(ref[0]), mod
        if ref[1] is not None:
            return "DATE", f"{_fmt_year(ref[0])}-{ref[1]:02d}", mod
    value = _relative_point(unit, offset, ctx)
    return ("DATE", value, mod) if value else None


def _n_in_the_year(m: re.Match[str], ctx: _Context) -> Norm:
    """"later in the year": the year being told (a narrative's, else the anchor's)."""
    ref = ctx.narrative_ref()
    year = ref[0] if ref is not None else ctx.anchor.year
    mod = {"early": "START", "earlier": "START", "late": "END"}.get(m["pmod"].lower())
    return "DATE", _fmt_year(year), mod


def _n_period(m: re.Match[str], ctx: _Context) -> Norm:
    rel = m["rel"].lower()
    y, q = ctx.reported_quarter()
    if rel in ("latest", "same"):
        if ctx.last_quarter is None:
            return None
        return "DATE", f"{y:04d}-Q{q}", None
    return "DATE", f"{y - 1:04d}-Q{q}", None


_SPOKEN = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"])}
_SPOKEN.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90})


def _n_spoken_year(m: re.Match[str], ctx: _Context) -> Norm:
    words = re.split(r"[-\s]+", m["y"].lower())
    if words[0] == "nineteen" and len(words) > 1:
        return "DATE", f"{1900 + sum(_SPOKEN[w] for w in words[1:]):04d}", None
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        if not rest and not m.group(0).lower().startswith("the year"):
            return None  # "two thousand people"
        after = ctx.text[m.end():m.end() + 15]
        if re.match(r"\s+[a-z]+s\b", after) and not m.group(0).lower().startswith("the year"):
            return None
        return "DATE", f"{2000 + sum(_SPOKEN[w] for w in rest):04d}", None
    return None


def _n_ago(m: re.Match[str], ctx: _Context) -> Norm:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    n = _parse_num(m["num"])
    if direction in ("before", "after", "before that", "previously"):
        return None  # relative to an event, not the anchor: left to the duration rule
    if direction in ("earlier", "later") and not (
            direction == "earlier" and unit == "year" and n == 1):
        # "three days later" counts from a narrative event, not from the anchor: TimeML
        # marks just the duration ("three days")
        return None
    sign = 1 if direction in ("later", "from now", "hence") else -1
    mod = APPROX_MODS.get(re.sub(r"\s+", " ", m["amod"].lower())) if m["amod"] else None
    if n is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod
    a = ctx.anchor
    k = int(n) if n == int(n) else None
    if k is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod
    if unit == "year" and k == 1 and sign < 0 and ctx.earnings_comparison(m.start(), m.end()):
        y, q = ctx.reported_quarter()
        return "DATE", f"{y - 1:04d}-Q{q}", mod
    if unit in ("day", "night"):
        return "DATE", (a + dt.timedelta(days=sign * k)).isoformat(), mod
    if unit in ("week", "weekend"):
        return "DATE", _week_value(a + dt.timedelta(weeks=sign * k)), mod
    if unit == "month":
        d = _add_months(a.replace(day=1), sign * k)
        return "DATE", f"{d.year:04d}-{d.month:02d}", mod
    if unit == "year":
        return "DATE", f"{a.year + sign * k:04d}", mod
    if unit == "quarter":
        idx = a.year * 4 + _quarter_of(a) - 1 + sign * k
        return "DATE", f"{idx // 4:04d}-Q{idx % 4 + 1}", mod
    if unit == "decade":
        return "DATE", f"{(a.year + sign * 10 * k) // 10:03d}", mod
    if unit == "century":
        return "DATE", f"{(a.year + sign * 100 * k) // 100:02d}", mod
    if unit in ("hour", "minute", "second") and ctx.anchor_dt is not None:
        delta = {"hour": dt.timedelta(hours=k), "minute": dt.timedelta(minutes=k),
                 "second": dt.timedelta(seconds=k)}[unit]
        t = ctx.anchor_dt + sign * delta
        return "TIME", t.strftime("%Y-%m-%dT%H:%M"), mod
    return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod


def _n_bare_ago(m: re.Match[str], ctx: _Context) -> Norm:
    return "DATE", "PAST_REF", None


def _n_year_ago_adj(m: re.Match[str], ctx: _Context) -> Norm:
    what = (m["what"] or "").lower()
    a = ctx.anchor

    if what in ("quarter", "period") or (
            not what and ctx.sentence_mentions(m.start(), m.end(), r"quarter")):
        y, q = ctx.reported_quarter()
        return "DATE", f"{y - 1:04d}-Q{q}", None
    if what == "month":
        d = _add_months(a.replace(day=1), -12)
        return "DATE", f"{d.year:04d}-{d.month:02d}", None
    return "DATE", f"{a.year - 1:04d}", None


def _n_duration(m: re.Match[str], ctx: _Context) -> Norm:
    unit_tok = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    num_tok = m["num"].lower()
    n = _parse_num(num_tok)
    if n is not None and (m["frac"] or m["half"]):
        n += 0.5
    if unit_tok.startswith("second") and n is not None and not unit_tok.endswith("s"):
        return None
    plural = unit_tok.endswith("s") or unit_tok == "centuries"
    if unit_tok == "quarter" and not m["adj"] and "-" not in m.group(0):
        return None  # "a quarter of the vote" is a fraction
    if num_tok in ("some", "many") and not plural:
        return None  # "some day", "many a year"
    if num_tok in ("a", "an", "per") and not m["the"] and not rel and \
            _QUANTITY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # a rate ("$1.76 a year", "four flights a week"), no span of time
    if unit_tok == "quarters" and _FRACTION_OF.match(ctx.text, m.end()):
        return None  # "three-quarters of its food" is a fraction
    if n is not None and n > 1 and not plural and not m["adj"] and not m["half"]:
        # "two year" is fine as an adjective ("a two year deal"); "2 day" too; accept only
        # when followed by a noun-ish word or hyphenated
        nxt = ctx.text[m.end():m.end() + 2]
        if "-" not in m.group(0) and not (nxt[:1] == " " and nxt[1:2].isalpha()):
            return None
    if n is not None and n == int(n) and n >= 1000 and not plural:
        return None
    if m["num"].isdigit() and len(m["num"]) == 4 and 1900 <= int(m["num"]) <= 2099 and \
            not plural and "-" not in m.group(0)[m.start("num") - m.start():]:
        return None  # "the 1998 year" is a year, not a duration
    after = ctx.text[m.end():m.end() + 20]
    if re.match(r"\s+(?:of\s+age|of\s+the\s+(?:year|month|week)|time)\b", after):
        return None
    mod = APPROX_MODS.get(re.sub(r"\s+", " ", m["amod"].lower())) if m["amod"] else None
    if num_tok in ("some",) and plural:
        n = None
    unit = unit_tok.rstrip("s")
    if unit == "centurie":
        unit = "century"
    if unit == "night":
        unit = "day"
    if m["adj"] == "old":
        return "DURATION", _duration_value(n, unit), mod
    if rel in ("first", "initial") and unit in ("month", "quarter", "week", "day", "year"):
        return "DURATION", _duration_value(n, unit), mod
    return "DURATION", _duration_value(n, unit), mod


def _n_bare_units(m: re.Match[str], ctx: _Context) -> Norm:
    q = re.sub(r"\s+", " ", (m["q"] or "").lower())
    unit = m["unit"].lower()
    after = ctx.text[m.end():m.end() + 15]
    before = ctx.text[max(0, m.start() - 15):m.start()]
    if re.match(r"\s*(?:ago|of|later|earlier|after|before|old)\b|['’]", after):
        return None
    if unit == "days" and not q and re.search(r"\b(?:these|those|the|early|final|last|"
                                              r"first|two|three|\d+)\s+$", before, re.I):
        return None
    if re.search(r"\b(?:the|these|those|her|his|its|their|our|your|my|early|last|first)\s+$",
                 before, re.IGNORECASE) and not q:
        return None
    if unit in ("hours", "minutes") and not q:
        return None
    letter = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "hours": "H",
              "minutes": "M", "decades": "DE", "centuries": "CE"}[unit]
    if q in ("recent", "in recent"):
        if unit in ("years", "decades"):
            return "DATE", "PAST_REF", None
        return "DURATION", f"PX{letter}", None
    if q in ("the coming", "the next few") or re.match(r"\s+ahead\b", after):
        return "DATE", "FUTURE_REF", None
    t = "T" if unit in ("hours", "minutes") else ""
    return "DURATION", f"P{t}X{letter}", None


_PAST_VERB_AFTER = re.compile(
    # "-ed" but not "-eed" ("will soon proceed", "need"), save past verbs in "-eed" ("agreed")
    r"\s+(?:[a-z]{2,}(?<!e)ed|[a-z]*(?:gre|fre|decre|guarante)ed|became|came|went|found|had|"
    r"made|took|gave|began|brought|fell|led|won|lost|"
    r"rose|ran|saw|broke|grew|spread|left|met|sent|drove|overran|forced)\b")
_PAST_AUX_BEFORE = re.compile(r"\b(?:was|were|had)\s+$", re.IGNORECASE)


def _n_refs(m: re.Match[str], ctx: _Context) -> Norm:
    word = re.sub(r"\s+", " ", m["word"].lower())
    after = ctx.text[m.end():m.end() + 25]
    before = ctx.text[max(0, m.start() - 25):m.start()]
    if word in ("now", "right now"):
        if re.match(r"\s*(?:that|,\s*(?:however|though))\b", after):
            return "DATE", "PRESENT_REF", None
        return "DATE", "PRESENT_REF", None
    if word in ("nowadays", "these days", "currently", "at present", "presently",
                "present-day"):
        return "DATE", "PRESENT_REF", None
    if word == "current":
        if re.match(r"\s+(?:account|affairs|events|and\s+former|or\s+former|members?|"
                     r"employees|officials|leaders?|president|chairman|prime|government|"
                     r"administration|regime|crisis|situation|system|law|rules?|policy|"
                     r"policies|state|level|levels|issue|war|conflict|campaign|round|"
                     r"talks|negotiations|session)\b", after, re.I):
            return None
        return "DATE", "PRESENT_REF", None
    if word in ("recently", "lately"):
        return "DATE", "PAST_REF", None
    if word == "recent":
        if re.match(r"\s+(?:years|months|weeks|days|decades|quarters)\b", after, re.I):
            return None
        if re.search(r"\b(?:most|more|the|a|its|his|her|their)\s+$", before, re.I) and \
                re.match(r"\s+(?:[a-z]+\s+)?(?:poll|polls|survey|election|elections|"
                         r"report|study|data|figures|attack|attacks|visit|decision|move|"
                         r"meeting|talks|statement|interview|violence|fighting|events|"
                         r"history|weeks|past)\b", after, re.I):
            return "DATE", "PAST_REF", None
        return "DATE", "PAST_REF", None
    if word in ("formerly", "previously", "the past", "in the past", "once",
                "at the time", "earlier"):
        if word == "once":
            # "once" as a conjunction ("once the vote is counted") or a count ("only once")
            if re.search(r"(?:^|[.;:]\s*|\n)$", before) or re.search(
                    r"\b(?:more\s+than|at\s+least|only|just|than|but|and|or|all\s+at|at|"
                    r"for)\s+$", before, re.I):
                return None
            if re.match(r"\s+(?:the|a|an|it|they|he|she|we|you|i|this|that|these|those|"
                         r"again|more|every|or|and|a\s+(?:week|month|year|day)|in)\b|\s*[,.;]",
                         after, re.I):
                return None
            if not re.match(r"\s+(?:was|were|had|been|[a-z]+ed)\b", after, re.I):
                return None
        if word == "earlier":
            if not re.search(r"[,.;]\s*$|^\s*$", after[:2]) and \
                    not re.match(r"\s*(?:[,.;]|$|\s+(?:in\s+the\s+day|on)\b)", after):
                return None
            if re.search(r"\b(?:than|an|the|much|even|some|weeks|days|months|years|year|"
                         r"hours|week|day|month)\s+$", before, re.I):
                return None
            if re.search(r"\b(?:said|reported|announced|told|was|were)\s+$", before, re.I):
                return "DATE", "PAST_REF", None
            return "DATE", "PAST_REF", None
        if word == "at the time":
            return "DATE", "PAST_REF", None
        if word == "in the past":
            return "DATE", "PAST_REF", None
        if word == "the past" and re.match(r"\s*(?:\d|[a-z]+\s+(?:days|weeks|months|years))",
                                            after, re.I):
            return None
        return "DATE", "PAST_REF", None
    if word in ("soon", "shortly", "eventually"):
        if word == "soon" and re.match(r"\s+(?:as|after|afterwards?|thereafter)\b", after, re.I):
            return None
        if word == "soon" and (_PAST_VERB_AFTER.match(after) or _PAST_AUX_BEFORE.search(before)):
            return None  # "it soon became", "was soon released": shortly after, told in the past
        if word == "shortly":
            if re.match(r"\s+(?:before|after|afterwards?|thereafter)\b", after, re.I):
                return None
            if ctx.tense(m.start(), m.end()) != "future":
                return None
        if word == "eventually":
            return None
        return "DATE", "FUTURE_REF", None
    if "future" in word:
        if word == "future" and not re.match(
                r"\s+(?:plans?|generations?|growth|years|elections?|events|"
                r"developments?|prospects?|earnings|profits?|sales|contracts?|talks|"
                r"negotiations|attacks|strikes)\b", after, re.I) and not re.search(
                r"\b(?:in|the|near|for|into)\s+$", before, re.I):
            return None
        return "DATE", "FUTURE_REF", None
    return None


def _n_set_every(m: re.Match[str], ctx: _Context) -> Norm:
    unit = m["unit"].lower()
    other = "other" in m.group(0).lower()
    if unit in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", None
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", None
    if unit in ("morning", "evening"):
        return "SET", f"TXX{PARTS_OF_DAY[unit]}" if False else f"T{PARTS_OF_DAY[unit]}", None
    n = 2 if other else 1
    if unit == "night":
        unit = "day"
    return "SET", _duration_value(n, unit), None


def _n_set_adv(m: re.Match[str], ctx: _Context) -> Norm:
    word = m["word"].lower()
    value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
             "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
             "biannually": "P6M", "biennially": "P2Y", "fortnightly": "P2W"}[word]
    after = ctx.text[m.end():m.end() + 25]
    if word in ("daily", "weekly", "monthly") and re.match(
            r"\s+(?:newspaper|paper|mail|telegraph|news|express|star|times|post|standard|"
            r"herald|life|bread|routine)\b", after, re.IGNORECASE):
        return None
    if m.group(0)[0].isupper() and re.match(r"\s+[A-Z]", after):
        return None  # "Daily Telegraph", "Weekly Standard"
    return "SET", value, None


def _n_set_per(m: re.Match[str], ctx: _Context) -> Norm:
    before = ctx.text[max(0, m.start() - 40):m.start()]
    unit = m["unit"].lower()
    if not m["freq"] and m["q"].lower() == "a" and not re.search(
            r"(?:\d|million|billion|thousand|hundred|percent|%|cents?|dollars?|times?|once|"
            r"twice|barrels|tons|tonnes)\W{0,3}(?:[a-z]+\W{0,2})?$", before, re.IGNORECASE):
        return None
    if unit == "hour":
        return "SET", "PT1H", None
    return "SET", _duration_value(1, unit), None


def _n_set_plural(m: re.Match[str], ctx: _Context) -> Norm:
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if not re.search(r"\b(?:on|most|some|all)\s+$", before, re.IGNORECASE):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    return "SET", f"XXXX-WXX-{wd + 1}", None


_NORMALISERS: dict[str, Callable[[re.Match[str], _Context], Norm]] = {
    "iso": _n_iso, "numeric": _n_numeric, "month_first": _n_month, "day_first": _n_month,
    "year": _n_year, "decade": _n_decade, "decade_word": _n_decade_word, "century": _n_century,
    "era_year": _n_era_year,
    "holiday": _n_holiday,
    "quarter": _n_quarter, "qcode": _n_qcode, "half": _n_half, "season": _n_season,
    "weekday": _n_weekday, "part_weekday": _n_part_weekday, "deictic": _n_deictic,
    "this_part": _n_this_part, "mid_part": _n_mid_part, "clock": _n_clock,
    "clock24": _n_clock24, "clock_part": _n_clock_part, "noon": _n_noon,
    "rel_unit": _n_rel_unit, "the_unit": _n_the_unit, "rel_month": _n_rel_month,
    "ago": _n_ago, "anaphor": _n_anaphor, "month_rel_year": _n_month_rel_year,
    "year_end": _n_year_end, "in_the_year": _n_in_the_year,
    "period": _n_period, "spoken_year": _n_spoken_year, "bare_ago": _n_bare_ago,
    "year_ago_adj": _n_year_ago_adj,
    "duration": _n_duration, "bare_units": _n_bare_units, "refs": _n_refs,
    "set_every": _n_set_every, "set_adv": _n_set_adv, "set_per": _n_set_per,
    "set_plural": _n_set_plural,
}
# rules whose value depends on what came before in the text (the last quarter, the last date)
_STATEFUL = {"anaphor", "quarter", "qcode", "period", "year_ago_adj", "ago", "rel_unit",
             "rel_month"}
# ... and those that depend on it only in a narrative (see ``_Context.narrative_ref``)
_STORY_RULES = {"month_first", "day_first", "season", "year_end", "in_the_year", "clock",
                "clock24", "clock_part", "noon", "this_part", "holiday"}
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}

# Leading words that the patterns use as cues but that TimeML leaves outside the extent.
_LEADING_TRIM = re.compile(
    r"^(?:(?:in|during|since|by|until|of|through|for|over|within|on|at)\s+)+", re.IGNORECASE
)
_ARTICLE_TRIM = re.compile(r"^(?:a|an|its|their|his|her)\s+(?=\S*\d|\S*-)", re.IGNORECASE)


_CALENDAR_VALUE = _CALENDAR_PARTS
_SEASON_VALUE = re.compile(r"((?:BC)?\d{4})-(SP|SU|FA|WI)")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_AGE_AFTER = re.compile(r"\s+old\b", re.IGNORECASE)
# "quarters of its food", "of all voters": a share of something; "quarters of losses", "of
# 1990", "of the year" stay spans of time
_FRACTION_OF = re.compile(r"\s+of\s+(?:its|the|their|his|her|all|our|this|these|those|an?)\s+"
                          r"(?!(?:fiscal\s+)?(?:year|decade|century|hour|day|month|week)\b)",
                          re.IGNORECASE)
# a number, sum or share just before "a year" / "a week" makes it a rate: up to two words
# between ("358,000 a month", "$500 million a year", "700 seats a week", "5% a year")
_QUANTITY_BEFORE = re.compile(
    r"(?:\d%?|\b(?:percent|million|billion|thousand|hundred|dozen|cents?|pence|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty))"
    r"(?:\s+[A-Za-z-]+){0,2}\s+$", re.IGNORECASE)


# expressions that count from the moment of writing ("yesterday", "last week", "on Tuesday")
_DEICTIC_RULES = {"weekday", "part_weekday", "deictic", "this_part", "rel_unit", "rel_month",
                  "month_rel_year", "ago"}
_EXPLICIT_YEAR_RULES = {"iso", "numeric", "year", "month_first", "day_first", "era_year"}
_NARRATIVE_MIN_YEARS = 5
_NARRATIVE_YEARS_PER_DEICTIC = 3


def _is_narrative(found: list[tuple[str, Norm]], anchor: dt.date) -> bool:
    """Is the text a history told in its own dates (an encyclopaedia article, a retrospective)
    rather than news? Then a month without a year belongs to the story's last date, not to the
    anchor. News names few years far from its date and many expressions that count from it;
    a history names many and almost none ("the previous day", not "yesterday"). Measured on
    TBAQ news: at most 12 far years, never three times its deictic expressions plus one."""
    far = deictic = 0
    for name, norm in found:
        if norm is None:
            continue
        if name in _DEICTIC_RULES:
            deictic += 1
        elif name in _EXPLICIT_YEAR_RULES:
            parts = _calendar_parts(norm[1])
            if parts is not None and abs(parts[0] - anchor.year) >= 2:
                far += 1
    return far >= _NARRATIVE_MIN_YEARS and far >= _NARRATIVE_YEARS_PER_DEICTIC * (deictic + 1)


_SINCE_BEFORE = re.compile(r"\b(?:since|ever\s+since)\s+$", re.IGNORECASE)


_LOOK_BACK = re.compile(r"(?:the\s+)?(?:previous|preceding)\b", re.IGNORECASE)


def _moves_story(start: int, ctx: _Context) -> bool:
    """Does this date become the reference of what follows ("that year", a narrative's "in
    June")? Not a background start ("part of the empire since 513 BC. The following year"
    follows the story's year, not 513 BC), nor a look back ("the previous year"), after which
    the story goes on where it was."""
    return not (_SINCE_BEFORE.search(ctx.text, max(0, start - 12), start)
                or _LOOK_BACK.match(ctx.text, start))


def _granularity(type_: str, value: str) -> str | None:
    if type_ not in ("DATE", "TIME"):
        return None
    if type_ == "TIME" or re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return "time"
    return value_bounds(value)[0]


def tag(text: str, anchor: dt.date | dt.datetime, *, ages: bool = True) -> list[TimexSpan]:
    """All time expressions in `text`, sorted by start, non-overlapping, normalised against the
    document creation/publication date `anchor`.

    Ages ("a six-month-old baby", "52 years old") are DURATIONs; ``ages=False`` leaves them out
    (TimeBank/AQUAINT, and so TempEval-3, do not annotate ages)."""
    anchor_dt = anchor if isinstance(anchor, dt.datetime) else None
    anchor_date = anchor.date() if isinstance(anchor, dt.datetime) else anchor
    ctx = _Context(text, anchor_date, anchor_dt)
    names = {rx: name for name, rx in _COMPILED}

    windows: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for tok in _TOKEN.finditer(text):
        word = tok.group(0)
        keyed = _DIGIT_PATTERNS if word[0] <= "9" else _LOOKUP.get(word)
        if keyed is None:
            continue
        ws, we = max(0, tok.start() - _WINDOW), min(n, tok.end() + _WINDOW)
        for name in keyed:
            spans = windows.setdefault(name, [])
            if spans and ws <= spans[-1][1]:
                spans[-1] = (spans[-1][0], we)
            else:
                spans.append((ws, we))

    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    seen: set[tuple[int, int, str]] = set()
    for name, rx in _COMPILED:
        prio = _PRIORITY[name]
        for m in (m for ws, we in windows.get(name, ()) for m in rx.finditer(text, ws, we)):
            if (m.start(), m.end(), name) in seen:
                continue
            seen.add((m.start(), m.end(), name))
            s, e = m.span()
            # trailing whitespace/punctuation never belongs to an extent
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e > s:
                candidates.append((s, e, prio, m))
    # longest first, then pattern priority, then leftmost
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, re.Match[str]]] = []
    occupied = bytearray(len(text) + 1)
    scratch = _Context(text, anchor_date, anchor_dt)
    cached: dict[re.Match[str], Norm] = {}
    for s, e, _prio, m in candidates:
        if any(occupied[s:e]):
            continue
        # a rejected candidate ("to march", "2,000 people") must not hide shorter ones inside
        first_pass = _NORMALISERS[names[m.re]](m, scratch)
        if first_pass is None:
            continue
        cached[m] = first_pass
        chosen.append((s, e, m))
        occupied[s:e] = b"\x01" * (e - s)
        taken.append((s, e))
    chosen.sort(key=lambda c: c[0])
    ctx.narrative = _is_narrative([(names[m.re], cached[m]) for _s, _e, m in chosen], anchor_date)

    out: list[TimexSpan] = []
    for s, e, m in chosen:
        name = names[m.re]
        again = name in _STATEFUL or (name in _STORY_RULES and ctx.narrative) or (
            name == "month_first" and m["that"])
        result = _NORMALISERS[name](m, ctx) if again else cached[m]
        if result is None:
            continue
        type_, value, mod = result
        if type_ != "DATE" or not _moves_story(m.start(), ctx):
            pass
        elif _CALENDAR_VALUE.fullmatch(value):
            # "by the end of 1941": the story stands in its last month ("In January" is 1942's)
            ctx.last_date = f"{value}-12" if mod == "END" and len(value) <= 6 else value
        elif season := _SEASON_VALUE.fullmatch(value):
            # a season moves the story on to its first month ("The winter ... In January")
            ctx.last_date = f"{season[1]}-{_SEASON_START[season[2]]:02d}"
        if name == "year_ago_adj" and m["the"] and not m["what"]:
            s = m.start("w")
        if not ages and name == "duration" and (m["adj"] == "old" or _AGE_AFTER.match(text, e)):
            continue
        if name == "duration" and m["adj"] == "old":
            s = m.start("amod") if m["amod"] else m.start("num")  # "the 6-year-old" -> age
        span_text = text[s:e]
        trim = _LEADING_TRIM.match(span_text)
        if trim and name in ("season", "bare_units"):
            s += trim.end()
        art = _ARTICLE_TRIM.match(text[s:e])
        if art and type_ == "DURATION":
            s += art.end()
        if text[e - 1:e] == "." and not re.search(
                r"(?:[ap]\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[BA]\.\s?[CDE])\.$",
                text[s:e]):
            e -= 1
        granularity = _granularity(type_, value)
        first = last = None
        if type_ in ("DATE", "TIME"):
            _g, fd, ld = value_bounds(value)
            if fd is not None:
                first, last = fd.isoformat(), ld.isoformat() if ld else None
        out.append(TimexSpan(s, e, text[s:e], type_, value, granularity, mod, first, last))
    return out

