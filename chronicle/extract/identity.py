"""Actors as identities: one actor, one name, however the articles write it.

The same actor is written many ways: "IDF", "Israel Defense Forces", "Israeli Defence
Forces"; "US", "U.S", "United States"; "Antony J. Blinken", "Blinken". This module turns each
surface form into one canonical name and one kind (:data:`KINDS`), with evidence in this
order:

1. the bundled and user actor tables (:mod:`chronicle.extract.actors`), matched on a
   spelling-blind key (dots of abbreviations, British and American spellings, a demonym for
   its country: "Israeli Defence Forces" is "Israel Defense Forces");
2. the article itself: an abbreviation introduced in parentheses or written beside its long
   form, a surname or a tail ("Air Force") after the full name, a middle initial;
3. the corpus: a short form resolves to the one full name the other articles give it;
4. the entity tagger's label only as one vote: a name written after "in", "into", "near"
   (or "the village of", or before "district", "massacre") more often than with a person's
   context (a title, "said"), or a sizeable town's name alone, is a place; a name mostly
   written before "hospital" or "airport" is a facility.

Nothing here names one conflict: the rules are about English and the tables are general.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from chronicle.extract.actors import BODIES, Actor, Named, Registry, registry

KINDS = ("person", "organisation", "armed group", "state or government", "place", "facility")
ARMED_SECTORS = {"REB", "PRM", "INS", "CRM", "MIL", "UAF"}
STATE_SECTORS = {"GOV"}
# The plural used for each kind in the report's index.
INDEX_GROUPS = {"person": "people", "organisation": "organisations",
                "armed group": "armed groups", "state or government": "states and governments",
                "place": "places", "facility": "facilities"}
# Words of the same meaning spelled two ways: keys compare them as one.
SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center",
             "programme": "program", "labour": "labor", "councillor": "councilor"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"}
# Prepositions of place ("from", "towards" precede people as often: "a call from Obama").
PLACE_PREPOSITIONS = {"in", "into", "near", "at", "across", "outside", "inside", "around"}
# Words before a name that make it a person: "Mr Rafah", "President Assad".
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister", "king",
                 "queen", "prince", "general", "gen", "colonel", "col", "captain", "sheikh",
                 "senator", "sen", "rep", "governor", "mayor", "judge", "pope", "lord", "lady",
                 "spokesman", "spokeswoman", "correspondent", "reporter", "editor"}
# Nouns after a name that make it a building or site: "Al Shifa hospital".
FACILITY_NOUNS = {"hospital", "airport", "school", "university", "mosque", "church",
                  "synagogue", "prison", "jail", "stadium", "camp", "base", "airbase",
                  "hotel", "embassy", "consulate", "port", "bridge", "crossing", "palace",
                  "power plant", "refinery", "clinic", "museum", "square", "market"}
SETTLEMENT_NOUNS = {"village", "town", "city", "province", "region", "district", "state",
                    "county", "governorate", "neighbourhood", "neighborhood", "suburb"}
_FACILITY_WORDS = "|".join(re.escape(noun) for noun in sorted(FACILITY_NOUNS, key=len,
                                                               reverse=True))
_FACILITY = re.compile(rf"(?:{_FACILITY_WORDS})s?\b")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
LABEL_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
               "FAC": "facility"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
_WORD = re.compile(r"[\w'’-]+")
# "Israel Defense Forces (IDF)", "the Islamic Resistance Movement (Hamas)"
_PARENTHESISED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|de|al)\s+)*){1,8})"
                            r"\(\s*([A-Z][A-Za-z.&-]{1,11})\s*\)")
FUNCTION_WORDS = {"of", "for", "and", "the", "de", "al", "on", "in"}


@dataclass(frozen=True)
class Identity:
    """What a mention stands for: one canonical name of one kind."""

    name: str
    kind: str  # one of KINDS
    country: str = ""  # ISO3 where the tables know it


@dataclass(frozen=True, eq=False)  # each mention is itself: hashed by identity, quickly
class Mention:
    """An entity mention with the words around it (its evidence for kind)."""

    article_id: str
    text: str
    label: str
    start: int = -1
    end: int = -1
    before: str = ""  # the text just before the mention
    after: str = ""  # and just after


# ------------------------------------------------------------------ surface forms and keys
@lru_cache(maxsize=100_000)
def clean(text: str) -> str:
    """The name as written, without a leading article, possessive or stray punctuation."""
    name = " ".join(text.split()).strip(" .,;:'\"“”‘’()")
    if name.lower().startswith("the "):
        name = name[4:]
    return name.removesuffix("'s").removesuffix("’s").strip()


def name_key(text: str, demonyms: dict[str, str] | None = None) -> str:
    """A key two spellings of one name share: "U.S." and "US", "Israeli Defence Forces" and
    "Israel Defense Forces" (``demonyms`` maps "israeli" to "israel")."""
    words = _folded_words(text)
    if demonyms:
        words = tuple(demonyms.get(word, word) for word in words)
    return " ".join(words)


@lru_cache(maxsize=100_000)
def _folded_words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", clean(text))  # "Orbán" and "Orban" are one name
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = []
    for word in _WORD.findall(folded.replace(".", "").replace("’", "'")):
        word = word.lower().removesuffix("'s")
        words.append(SPELLINGS.get(word, word))
    return tuple(words)


def initials(name: str) -> str:
    """The letters an abbreviation of ``name`` would take: "Israel Defense Forces" → IDF."""
    return "".join(w[0] for w in clean(name).split() if w.lower() not in FUNCTION_WORDS
                   and w[:1].isalpha()).upper()


def is_abbreviation(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long``: the initials of its words, in order."""
    letters = short.replace(".", "").replace("&", "")
    if len(letters) < 2 or not letters.isalpha() or not letters[:1].isupper() or \
            len(clean(long).split()) < 2:
        return False
    if letters.upper() == initials(long):
        return True
    # the function words counted too: "DoD" for "Department of Defense"
    every = "".join(w[0] for w in clean(long).split() if w[:1].isalpha()).upper()
    return letters.upper() == every


def without_middle_initials(name: str) -> str:
    """"Antony J. Blinken" → "Antony Blinken" (a first word and a last word kept)."""
    words = name.split()
    if len(words) < 3:
        return name
    kept = [words[0], *[w for w in words[1:-1] if not _INITIAL.match(w)], words[-1]]
    return " ".join(kept)


# --------------------------------------------------------------------- the actor tables
@dataclass
class _Tables:
    by_key: dict[str, tuple[str, str, str, tuple[str, ...]]]  # key → name, kind, iso3, sectors
    demonyms: dict[str, str]
    registry: Registry
    parts: frozenset[str] = frozenset()  # keys of a country's parts: "scotland"


_TABLES: dict[int, _Tables] = {}


def _tables(reg: Registry | None = None) -> _Tables:
    reg = reg or registry()
    cached = _TABLES.get(id(reg))
    if cached is not None and cached.registry is reg:
        return cached
    demonyms: dict[str, str] = {}
    countries = reg.places.country_names if reg.places is not None else {}
    for tokens, entries in reg.names.items():
        for kind, value in entries:
            if kind == "demonym" and len(tokens) == 1 and str(value) in countries:
                demonyms.setdefault(tokens[0], countries[str(value)].lower())
    by_key: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}
    # an alias spelt as its key beats one that reaches the key through a demonym, so that a
    # user's "Israel Defense Forces" row is not undone by the bundled "Israeli Defence Forces"
    literal: set[str] = set()
    parts = {name_key(part) for part in reg.parts}
    for tokens, entries in reg.names.items():
        kind, value = entries[0]  # the winning entry (user files first)
        key = name_key(" ".join(tokens), demonyms)
        if key in parts:
            continue  # Scotland is a place of its own (the gazetteer's regions)
        exact = key == name_key(" ".join(tokens))
        if kind == "named" and isinstance(value, Named):
            if key in literal and not exact:
                continue
            if exact:
                literal.add(key)
            sectors = value.role_at(None).sectors
            person = any(r.title for r in value.roles)
            kind = "person" if person else "organisation" if value.country in BODIES else \
                _kind_of_sectors(sectors)  # NATO is an alliance, not an armed group
            by_key[key] = (value.name, kind, value.country, sectors)
        elif kind == "country" and str(value) in countries:
            by_key.setdefault(key, (countries[str(value)], "place", str(value), ()))
        elif kind == "capital" and reg.places is not None:
            capital = reg.places.capitals.get(str(value))
            if capital is not None:
                by_key.setdefault(key, (capital.name, "place", str(value), ()))
    tables = _Tables(by_key, demonyms, reg, frozenset(parts))
    _TABLES[id(reg)] = tables
    return tables


def _kind_of_sectors(sectors: Sequence[str]) -> str:
    if sectors and sectors[0] in ARMED_SECTORS:
        return "armed group"
    return "organisation"


def table_identity(text: str, reg: Registry | None = None) -> Identity | None:
    """The actor the tables give a name, spelling-blind; None when they know none."""
    tables = _tables(reg)
    found = tables.by_key.get(name_key(text, tables.demonyms))
    if found is None:
        return None
    name, kind, country, _ = found
    return Identity(name, kind, country)


def canonical_title(text: str, reg: Registry | None = None) -> str:
    """The title an encyclopedia would file a name under, offline: the tables' name, a
    gazetteer place's own spelling ("Brasilia" is Brasília), else the name without the
    offices and nationality written before it ("US Senator Marco Rubio" → Marco Rubio)."""
    reg = reg or registry()
    name = clean(text)
    found = table_identity(name, reg)
    if found is not None:
        return found.name
    office = office_title(name, reg)
    if office:
        return office
    words = name.split()
    while len(words) > 1 and _prefix_word(words[0], reg):
        words = words[1:]
    name = " ".join(words)
    found = table_identity(name, reg) or table_identity(without_middle_initials(name), reg)
    if found is None and len(words) > 1 and _country_word(words[-1], reg):
        found = table_identity(" ".join(words[:-1]), reg)  # "the PRI Mexico": the PRI
    if found is None:
        found = _initialled_person(name, reg)
    if found is not None:
        return found.name
    place = reg.places.lookup(name) if reg.places is not None else None
    if place is not None and len(words) <= 3 and place.kind != "country":
        return place.name
    return name


def _initialled_person(name: str, reg: Registry) -> Identity | None:
    """The one tabled person "G. W. Bush" abbreviates: the same surname, and initials that
    are the first letters of the other names in order (George W. Bush)."""
    words = name.split()
    if len(words) < 2 or not all(_INITIAL.match(w) for w in words[:-1]):
        return None
    letters = [w[0].upper() for w in words[:-1]]
    fits = {(found[0], found[2]) for found in _tables(reg).by_key.values()
            if found[1] == "person" and len(found[0].split()) == len(words) and
            found[0].split()[-1] == words[-1] and
            [w[0].upper() for w in found[0].split()[:-1]] == letters}
    if len(fits) != 1:
        return None
    person, country = fits.pop()
    return Identity(person, "person", country)


# "the Canadian ambassador to the UN", "France's envoy to the United Nations"
_UN_ENVOY = re.compile(r"^(?:the\s+)?(?P<state>[\w.'’ -]+?)(?:'s|’s)?\s+(?:ambassador|envoy|"
                       r"permanent representative)\s+to\s+(?:the\s+)?(?:united nations|"
                       r"u\.?n\.?)$", re.IGNORECASE)
# Country names an encyclopedia writes with "the": "of the United Kingdom".
_WITH_ARTICLE = re.compile(r"^(?:United |.* Republic\b|Netherlands|Philippines|Bahamas|Gambia|"
                           r"Maldives|Comoros|Seychelles|Marshall Islands|Solomon Islands)")


def office_title(text: str, reg: Registry | None = None) -> str:
    """The encyclopedia's page of an office named by its country, "" for none: a country's
    envoy to the United Nations is its "Permanent Representative of X to the United
    Nations" (the United States' is "United States Ambassador to the United Nations")."""
    reg = reg or registry()
    match = _UN_ENVOY.match(clean(text))
    if match is None or reg.places is None:
        return ""
    iso3 = reg.country_of(match.group("state"))
    country = reg.places.country_names.get(iso3, "") if iso3 else ""
    if not country:
        return ""
    if iso3 == "USA":
        return "United States Ambassador to the United Nations"
    article = "the " if _WITH_ARTICLE.match(country) else ""
    return f"Permanent Representative of {article}{country} to the United Nations"


def is_proper_name(text: str, reg: Registry | None = None) -> bool:
    """Whether ``text`` is a name rather than a description: every word capitalised and
    one at least that is no agent noun, nationality or number ("Amherst College" is a
    name, "Slovak Soldiers" and "Two Russians" are descriptions)."""
    reg = reg or registry()
    words = clean(text).split()
    if not words or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    return any(not reg.names.get((w.lower().rstrip("."),)) and w.lower() not in SKIP_WORDS
               for w in words if w[:1].isalpha())


SKIP_WORDS = {"two", "three", "four", "five", "some", "many", "several", "the", "a", "an"}


def _country_word(word: str, reg: Registry) -> bool:
    return any(kind == "country" for kind, _ in reg.names.get((word.lower(),), ()))


def _prefix_word(word: str, reg: Registry) -> bool:
    """A word of an office or nationality before a name: "President", "US", "French"."""
    low = word.lower().rstrip(".")
    if low in PERSON_TITLES:
        return True
    return any(kind in {"agent", "demonym", "country"}
               for kind, _ in reg.names.get((low,), ()))


# -------------------------------------------------------------- actors of resolved events
def canonical_name(actor: Actor, reg: Registry | None = None) -> str:
    """The name events, the network and every list use for an actor of an event.

    A named actor keeps its table name; a state's government however written ("Syrian
    government", "the regime" of Syria, "Damascus" for its government, an implied
    government) is the state's name; an unnamed group of a country is that country's group
    ("Syrian armed forces"); anything else keeps its words.
    """
    reg = reg or registry()
    countries = reg.places.country_names if reg.places is not None else {}
    country = countries.get(actor.country, "")
    # the kind is lost when mentions are read back from the store: the tables decide
    found = table_identity(actor.name, reg) if actor.name else None
    if found is not None and found.kind != "place":
        return found.name
    if actor.name and actor.kind == "named":
        return actor.name
    if country and actor.sector in STATE_SECTORS:
        return country
    if actor.text and name_key(actor.text) in _tables(reg).parts:
        return clean(actor.text)  # "Scotland" is coded GBR but is not the United Kingdom
    if country and not actor.sectors:
        place = found or table_identity(actor.text, reg)
        if actor.kind in {"country", "demonym"} or (place is not None and place.name == country):
            return country
    if actor.name and actor.kind not in {"implied", "country", "demonym"}:
        return actor.name
    group = SECTOR_GROUPS.get(actor.sector)
    if country and group:
        demonym = _demonym(country, reg)
        if actor.sector == "MIL":  # the tables may name a country's army: "Israeli army"
            for alias in (f"{demonym} army", f"{demonym} military", f"{country} army"):
                found = table_identity(alias, reg)
                if found is not None and found.kind == "armed group":
                    return found.name
        return f"{demonym} {group}"
    return actor.name or actor.text


SECTOR_GROUPS = {"MIL": "armed forces", "COP": "police", "REB": "rebels", "OPP": "opposition",
                 "CVL": "civilians", "UAF": "armed men", "LEG": "legislature",
                 "JUD": "judiciary", "SPY": "intelligence services", "REF": "refugees",
                 "MED": "media", "JRN": "journalists"}


def _demonym(country: str, reg: Registry) -> str:
    """The adjective of a country's name ("Syrian"), else the name itself."""
    key = country.lower()
    for word, name in _tables(reg).demonyms.items():
        if name == key and not word.endswith("s"):
            return word.capitalize() if word.islower() else word
    return country


# ------------------------------------------------------------ mentions across a corpus
def resolve_mentions(mentions: Iterable[Mention], reg: Registry | None = None,
                     texts: dict[str, str] | None = None) -> dict[Mention, Identity]:
    """Each entity mention's identity, using the article and the corpus around it.

    ``texts`` are the articles' texts (for abbreviations introduced in parentheses).
    """
    reg = reg or registry()
    tables = _tables(reg)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    originals: dict[Mention, Mention] = {}
    for mention in mentions:
        if mention.label in ENTITY_LABELS and mention.label != "NORP" and \
                clean(mention.text) and not _inside_office(mention):
            fixed = _without_honorific(mention)
            originals[fixed] = mention
            by_article[mention.article_id].append(fixed)

    # 1-2: names from the tables and from each article's own context
    surface: dict[Mention, str] = {}
    known: dict[Mention, Identity] = {}
    for aid, items in by_article.items():
        aliases = _article_abbreviations(items, (texts or {}).get(aid, ""))
        people = _article_people(items)
        longer = [clean(m.text) for m in items if len(clean(m.text).split()) > 1]
        for m in items:
            name = clean(m.text)
            name = aliases.get(name.replace(".", ""), name)
            found = table_identity(name, reg)
            if found is None and m.label == "PERSON":
                name = people.get(name, name)
                found = table_identity(name, reg) or table_identity(
                    without_middle_initials(name), reg)
            if found is None and m.label in {"ORG", "FAC"}:
                tail_of = [n for n in longer if n != name and n.endswith(" " + name)
                           and name[:1].isupper()]
                if len(set(tail_of)) == 1:  # "Air Force" after "Israel Air Force"
                    name = tail_of[0]
                    found = table_identity(name, reg)
            if found is None and m.label in {"GPE", "LOC"}:
                found = _region(name, reg)
            surface[m] = found.name if found is not None else name
            if found is not None:
                known[m] = found

    # 3: the corpus: one spelling-blind key, one name; a short form to its one full form
    names_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for name in surface.values():
        names_by_key[name_key(name, tables.demonyms)][name] += 1
    chosen = {key: min(c, key=lambda n: (-c[n], -len(n), n)) for key, c in names_by_key.items()}
    persons = {chosen[name_key(n, tables.demonyms)] for m, n in surface.items()
               if m.label == "PERSON" or (m in known and known[m].kind == "person")}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for p in persons:
        if len(p.split()) > 1:
            by_surname[p.split()[-1]].add(without_middle_initials(p))

    def corpus_name(m: Mention) -> str:
        name = chosen[name_key(surface[m], tables.demonyms)]
        if m in known:
            return name
        if name in persons:
            short = without_middle_initials(name)
            if short != name and short in persons:
                return short  # "Antony J. Blinken" where "Antony Blinken" is written too
            if len(name.split()) == 1 and len(by_surname.get(name, ())) == 1:
                return next(iter(by_surname[name]))
        return name

    # 4: the kind: tables first, then the words around each mention, then the labels
    tabled: dict[str, str] = {}
    cues: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    final: dict[Mention, str] = {}
    for m in surface:
        name = corpus_name(m)
        final[m] = name
        if m in known:
            tabled.setdefault(name, known[m].kind)
            continue
        cues[name][_context_kind(m, name, reg)] += 1
        votes[name][LABEL_KINDS.get(m.label, "organisation")] += 1
    out: dict[Mention, Identity] = {}
    for m, name in final.items():
        kind = tabled.get(name) or _decide(cues[name], votes[name])
        country = known[m].country if m in known else ""
        out[originals[m]] = Identity(name, kind, country)
    return out


def _inside_office(m: Mention) -> bool:
    """"State" of "Secretary of State" is part of an office's name, no actor of its own."""
    words = [w.lower() for w in _WORD.findall(m.before)[-2:]]
    return len(clean(m.text).split()) == 1 and len(words) == 2 and words[1] == "of" and \
        words[0] in OFFICES


OFFICES = {"secretary", "secretaries", "minister", "ministers", "undersecretary"}


def _without_honorific(m: Mention) -> Mention:
    """"Ms Pillay" is the person Pillay: the honorific moves to the words before it."""
    words = clean(m.text).split()
    if len(words) < 2 or words[0].lower().rstrip(".") not in HONORIFICS:
        return m
    return replace(m, text=" ".join(words[1:]), label="PERSON",
                   before=f"{m.before}{words[0]} ")


def _region(name: str, reg: Registry) -> Identity | None:
    """A region under its gazetteer name: "Gaza" and "the Gaza Strip" are one place."""
    place = reg.places.lookup(name) if reg.places is not None else None
    if place is None or place.kind != "region":
        return None
    return Identity(place.name, "place", place.country)


def _decide(cues: Counter[str], votes: Counter[str]) -> str:
    """The kind the words around a name's mentions give it, else the labels' majority.

    One cue is outweighed by many mentions: "the Homs jail" does not make Homs a building,
    but "Al Shifa" written before "hospital" most times is one."""
    total = sum(votes.values())
    if cues["facility"] * 2 > total:
        return "facility"
    if cues["place"] > cues["person"] and cues["place"] * 3 >= total:
        return "place"
    if cues["person"] > cues["place"] and votes["person"] * 3 >= total:
        return "person"
    return votes.most_common(1)[0][0] if votes else "organisation"


def _context_kind(m: Mention, name: str, reg: Registry) -> str:
    """What the words around one mention say it is: facility, place, person, or ""."""
    after = m.after.lstrip().lower()
    following = _WORD.findall(after)[:1]
    if _FACILITY.match(after):
        return "facility"
    if following and (following[0] in SETTLEMENT_NOUNS or following[0] in HAPPENINGS):
        return "place"  # "the Baba Amr district", "Idlib province", "the Houla massacre"
    if following and following[0] in SAYING:
        return "person" if m.label == "PERSON" else ""
    words = [w.lower().rstrip(".") for w in _WORD.findall(m.before)]
    previous = words[-1] if words else ""
    if previous in PERSON_TITLES:
        return "person"
    if len(words) >= 2 and previous == "of" and words[-2] in SETTLEMENT_NOUNS:
        return "place"  # "the village of Zikim", whether or not the gazetteer has it
    possessive = after.startswith(("'s", "’s")) or m.text.rstrip().endswith(("'s", "’s"))
    if previous in PLACE_PREPOSITIONS and not possessive:
        return "place"  # "pushing into Rafah"; not "in Assad's Syria"
    gazetteer = reg.places
    place = gazetteer.lookup(name) if gazetteer is not None else None
    if place is not None and m.label == "PERSON" and len(name.split()) == 1 and \
            place.kind in {"city", "region"} and place.population >= 100_000:
        return "place"  # a sizeable town's name alone, with no person's context
    return ""


# Nouns of what happens at a place, after its name: "the Houla massacre".
HAPPENINGS = {"massacre", "siege", "uprising", "earthquake", "bombing", "bombings",
              "offensive", "flood", "floods", "protests", "clashes"}
SAYING = {"said", "says", "told", "added", "stated", "announced", "insisted", "warned"}


def _article_abbreviations(items: Sequence[Mention], text: str) -> dict[str, str]:
    """Abbreviations an article defines: "(IDF)" after its long form, or written beside a
    long form whose initials it is; keys without dots."""
    out: dict[str, str] = {}
    for match in _PARENTHESISED.finditer(text):
        long, short = clean(match.group(1)), match.group(2).replace(".", "")
        words = long.split()
        for cut in range(len(words) - 1):  # the long form may start later: "said the ..."
            candidate = " ".join(words[cut:])
            if is_abbreviation(short, candidate):
                out[short] = candidate
                break
    by_initials: dict[str, set[str]] = defaultdict(set)
    for m in items:
        long = clean(m.text)
        if len(long.split()) > 1 and m.label in {"ORG", "FAC", "GPE", "NORP", "LOC"}:
            by_initials[initials(long)].add(long)
            by_initials["".join(w[0] for w in long.split() if w[:1].isalpha()).upper()].add(
                long)
    for m in items:
        short = clean(m.text).replace(".", "")
        if short in out or not short.isupper() or len(short) < 2:
            continue
        fits = {long for long in by_initials.get(short.replace("&", ""), ())
                if is_abbreviation(short, long)}
        if len(fits) == 1:
            out[short] = fits.pop()
    return out


def _article_people(items: Sequence[Mention]) -> dict[str, str]:
    """Short forms of the article's full names: a surname, a name with an initial for its
    first name ("J. Blinken" of "Antony J. Blinken")."""
    full = {clean(m.text) for m in items if m.label == "PERSON" and
            len(clean(m.text).split()) > 1 and not _INITIAL.match(clean(m.text).split()[0])}
    out: dict[str, str] = {}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full:
        by_surname[name.split()[-1]].add(name)
    for m in items:
        name = clean(m.text)
        words = name.split()
        if m.label != "PERSON" or name in full or not words:
            continue
        surname = words[-1]
        if len(words) == 1 or all(_INITIAL.match(w) for w in words[:-1]):
            fits = by_surname.get(surname, set())
            if len(fits) == 1:
                out[name] = next(iter(fits))
    return out
