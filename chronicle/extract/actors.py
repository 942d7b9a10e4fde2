"""Canonical actors: who a span of text ("Britain's Defence Ministry", "the US Secretary of
State", "Boko Haram gunmen") stands for, as a name, an ISO3 country and PLOVER/POLECAT sectors.

Three bundled tables, all plain TSV under ``data/`` so they can be read and corrected:
``countries.tsv`` (names, demonyms and parts coded as the country; official names and
capitals come from GeoNames),
``agents.tsv`` (agent nouns → sector) and ``actors.tsv`` (named organisations and people,
one row per role, with the dates the role was held). Users add actors without touching code
in a file of the same format as ``actors.tsv``, named by ``CHRONICLE_ACTORS`` (several paths
separated by ``os.pathsep``) or passed as ``extra``; their rows win over the bundled ones.
Nothing here names one conflict: the tables are general.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronicle.extract.places import Gazetteer, gazetteer
from chronicle.model import Actor

DATA = Path(__file__).parent / "data"
ENV_VAR = "CHRONICLE_ACTORS"
MAX_NGRAM = 8
CITY_MIN_POPULATION = 100_000  # smaller towns named in an actor span are too ambiguous
BODIES = {"UNO", "EUR", "IGO", "NGO"}  # codes in the country field that are not countries
_AFFIX = re.compile(r"(\w)-(based|led|backed|born|owned|run|allied|aligned|class|held|"
                    r"controlled|occupied)\b")
_TOKEN = re.compile(r"[A-Za-z0-9][\w.\-’'&]*[\w]|[A-Za-z0-9]")
SKIP = {"the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "dozens",
        "of", "hundreds", "thousands", "its", "their", "his", "her", "current", "new", "top",
        "senior", "members", "member", "group", "over", "dozen", "about", "at", "least"}
FORMER = {"former", "ex", "retired", "disgraced", "ousted", "exiled", "deposed"}
CLAUSE_BREAKS = {"of", "to", "in", "at", "for", "from", "on", "with", "by", "who", "that"}
# Nouns that take the sector of a more specific agent before them: "intelligence agency
# officer", "rebel leaders", "army spokesman".
GENERIC = {"agency", "office", "department", "officer", "officers", "official",
           "officials", "unit", "service", "services", "body", "member", "members",
           "leader", "leaders", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
           "chief", "chiefs", "agent", "agents"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}
# Capitalised words that follow an agent noun without naming anyone: "police Tuesday".
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"}


@dataclass(frozen=True)
class Role:
    """A sector (and office) an actor holds between two dates."""

    sectors: tuple[str, ...]
    start: str = ""  # ISO date, "" for always
    end: str = ""
    title: str = ""

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True)
class Named:
    """A named organisation or person from an actors table."""

    name: str
    country: str
    roles: tuple[Role, ...]

    def role_at(self, date: str | None) -> Role:
        if date:
            covering = [r for r in self.roles if r.covers(date)]
            if covering:
                return covering[-1]
        dated = sorted(self.roles, key=lambda r: r.start or "")
        return dated[-1]


@dataclass
class _Hit:
    start: int  # token index
    end: int
    kind: str
    country: str = ""
    sectors: tuple[str, ...] = ()
    name: str = ""
    named: Named | None = None


@dataclass
class Registry:
    """Lookup tables for resolving actor spans."""

    names: dict[tuple[str, ...], list[tuple[str, object]]] = field(default_factory=dict)
    acronyms: set[tuple[str, ...]] = field(default_factory=set)
    offices: dict[tuple[str, str], list[tuple[Named, Role]]] = field(default_factory=dict)
    places: Gazetteer | None = None
    parts: set[str] = field(default_factory=set)  # "Scotland": coded GBR, a place of its own

    # -- building -----------------------------------------------------------------------
    def add(self, alias: str, kind: str, value: object) -> None:
        tokens = tuple(t.lower() for t in _tokens(alias))
        if not tokens:
            return
        if len(alias) <= 5 and alias.replace(".", "").isupper():
            self.acronyms.add(tokens)
        entries = self.names.setdefault(tokens, [])
        entries.insert(0, (kind, value))  # later tables (user files) win

    def add_named(self, named: Named, aliases: Iterable[str]) -> None:
        for alias in [named.name, *aliases]:
            self.add(alias, "named", named)
        for role in named.roles:
            if role.title:
                self.offices.setdefault((named.country, role.title), []).append((named, role))

    # -- resolving ----------------------------------------------------------------------
    def resolve(self, text: str, date: str | None = None, country_hint: str = "",
                counterpart: str = "") -> Actor | None:
        """The actor ``text`` names, on ``date``; None when it names no political actor.

        ``country_hint`` is a country the text is known to belong to (a byline, a headline);
        ``counterpart`` is the office the text's "counterpart" refers to ("foreign minister").
        """
        if not text or not text.strip():
            return None
        raw = _tokens(text)
        tokens = [t.lower() for t in raw]
        hits = self._hits(raw, tokens)
        named = [h for h in hits if h.kind == "named"]
        places = [h for h in hits if h.kind in {"country", "demonym", "capital", "city"}]
        agents = [h for h in hits if h.kind == "agent"]
        former = any(t.rstrip("-") in FORMER for t in tokens)
        head_agents = _head(agents, tokens)
        cut = _cut(tokens)
        if named and named[0].start > cut and tokens[cut] != "of" and \
                (head_agents or places) and (places[:1] or head_agents)[0].start < cut:
            named = []  # "Canadian Ambassador to the United Nations": the UN is not the actor
        places = sorted(places, key=lambda h: (h.start >= cut, h.start))
        country = named[0].country if named else (places[0].country if places else "")
        if not country and country_hint:
            country = self._country_word(country_hint)
        if named:
            best = named[0]
            name = best.name
            sectors = best.named.role_at(date).sectors if best.named else ()
            if head_agents and sectors and sectors[0] in {"GOV", "IGO"} and \
                    head_agents[-1].start > best.end - 1 and best.named and \
                    not any(r.title for r in best.named.roles):
                sectors = head_agents[-1].sectors  # "NATO troops", "UN peacekeepers"
            kind = "named"
            branch = next((p for p in places if p.end == best.start and
                           p.kind in {"demonym", "country"} and p.country), None)
            if best.country == "NGO" and branch is not None:
                # "the British Red Cross": a body's national branch, not the body
                name = " ".join(raw[branch.start:best.end])
                country = branch.country
        else:
            name = ""
            # a name after the title is who holds it, whoever the tables say held it then
            titled = _titled_person(raw, tokens, head_agents[-1]) if head_agents else ""
            office = None if titled else self._office(tokens, country, date, counterpart)
            if office is not None:
                person, role = office
                name, sectors, kind = person.name, role.sectors, "named"
                country = person.country
            elif head_agents:
                sectors = _armed_modifier(head_agents, tokens) or head_agents[-1].sectors
                kind = "agent"
                if titled:  # "French President Francois Hollande": the person it names
                    name, kind = titled, "named"
            elif places and len(places) == 1 and places[0].end - places[0].start >= \
                    len([t for t in tokens if t not in SKIP]):
                only = places[0]
                kind = only.kind
                name = only.name
                sectors = {"capital": ("GOV",), "city": ("CVL",)}.get(only.kind, ())
            elif places:
                kind, sectors = "country", ()
                name = places[0].name
                if any(t not in SKIP for t in tokens[places[0].end:]) and \
                        places[0].kind == "demonym" and len(tokens) > places[0].end:
                    sectors = ("UNK",)
            elif tokens and tokens[-1] in PRONOUNS:
                return Actor(text=text, sectors=("UNK",), kind="pronoun")
            else:
                return None
        if former and sectors and sectors[0] in {"GOV", "LEG", "MIL", "SPY"}:
            sectors = ("ELI",)
        return Actor(text=text, name=name, country=country, sectors=tuple(sectors), kind=kind)

    def _hits(self, raw: Sequence[str], tokens: Sequence[str]) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        while i < len(tokens):
            found = None
            for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
                key = tuple(tokens[i:i + n])
                entries = self.names.get(key) or next(
                    (self.names[k] for k in _singulars(key) if k in self.names), None)
                if not entries:
                    continue
                if key in self.acronyms and " ".join(raw[i:i + n]).islower():
                    continue  # "us", "who", "is" in running text
                found = (n, entries)
                break
            if found is None:
                city = self._city(raw, i)
                if city is not None:
                    hits.append(city)
                    i = city.end
                else:
                    i += 1
                continue
            n, entries = found
            kind, value = entries[0]
            if kind == "named":
                assert isinstance(value, Named)
                hits.append(_Hit(i, i + n, "named", value.country, (), value.name, value))
            elif kind == "agent":
                hits.append(_Hit(i, i + n, "agent", sectors=value))  # type: ignore[arg-type]
            else:
                hits.append(_Hit(i, i + n, kind, country=str(value),
                                 name=" ".join(raw[i:i + n])))
            i += n
        return hits

    def _city(self, raw: Sequence[str], i: int) -> _Hit | None:
        """A capitalised name of a sizeable city: 'Kyiv police', 'Sydney', 'New York' (a
        word like "New" opens a name of several words, never one alone)."""
        if self.places is None or not raw[i][:1].isupper():
            return None
        if i > 0 and raw[i - 1][:1].isupper() and (
                raw[i - 1].lower() not in SKIP or self._city(raw, i - 1) is not None):
            return None  # inside a longer name: "Douglas" in "Paul Douglas James"
        shortest = 2 if raw[i].lower() in SKIP else 1
        for n in range(min(3, len(raw) - i), shortest - 1, -1):
            words = raw[i:i + n]
            if not all(w[:1].isupper() for w in words):
                continue
            if i + n < len(raw) and raw[i + n][:1].isupper():
                continue  # "Leon" in "Leon Bobb" is a person's name
            place = self.places.lookup(" ".join(words))
            if place is not None and place.kind in {"city", "region"} and place.country and \
                    place.population >= CITY_MIN_POPULATION:
                return _Hit(i, i + n, "city", place.country, name=place.name)
        return None

    def _office(self, tokens: Sequence[str], country: str, date: str | None,
                counterpart: str) -> tuple[Named, Role] | None:
        """'the US Secretary of State' on a date → who held that office then."""
        if not country:
            return None
        text = " ".join(tokens)
        titles = [title for (c, title) in self.offices if c == country and
                  re.search(rf"\b{re.escape(title)}\b", text)]
        if not titles and counterpart and "counterpart" in tokens:
            titles = [counterpart]
        for title in sorted(titles, key=len, reverse=True):
            holders = self.offices.get((country, title), [])
            if date:
                current = [(p, r) for p, r in holders if r.covers(date)]
                if current:
                    return current[-1]
        return None

    def _country_word(self, text: str) -> str:
        tokens = [t.lower() for t in _tokens(text)]
        if len(tokens) > 1 and tokens[0] == "the":  # "the Ivory Coast"
            tokens = tokens[1:]
        for kind, value in self.names.get(tuple(tokens), []):
            if kind in {"country", "demonym", "capital"}:
                return str(value)
            if kind == "named" and isinstance(value, Named):
                return value.country
        return ""

    def country_of(self, text: str) -> str:
        """The country a place or demonym names ('' if none): for context and hints."""
        return self._country_word(text)


def _cut(tokens: Sequence[str]) -> int:
    """Where the head phrase ends: at the first 'of', 'to', 'in' ..."""
    return next((i for i, t in enumerate(tokens) if t in CLAUSE_BREAKS and i > 0), len(tokens))


def _head(agents: list[_Hit], tokens: Sequence[str]) -> list[_Hit]:
    """Agent nouns of the head phrase: those before the first 'of', 'to', 'in' ...

    A generic last noun ("agency", "officer") gives way to a specific one before it:
    "a national intelligence agency officer" is an intelligence officer.
    """
    cut = _cut(tokens)
    after = [a for a in agents if a.start > cut]
    # else the first run of adjacent agent nouns: "property seized by government forces"
    head = [a for a in agents if a.start < cut] or \
        [a for i, a in enumerate(after) if all(
            after[j + 1].start == after[j].end for j in range(i))]
    generic = [" ".join(tokens[a.start:a.end]) in GENERIC for a in head]
    if head and all(generic) and after and tokens[cut] == "of":
        return after[:1]  # "leaders of the opposition coalition" are the opposition's
    while len(head) > 1 and " ".join(tokens[head[-1].start:head[-1].end]) in GENERIC:
        head = head[:-1]
    return head


NON_STATE_ARMED = {"REB", "PRM", "INS", "OPP"}  # sectors of armed groups outside the state


def _armed_modifier(head: list[_Hit], tokens: Sequence[str]) -> tuple[str, ...]:
    """A non-state noun before a generic military noun says whose force it is: "rebel
    forces", "opposition troops", "militia soldiers" are the armed group, not an army.
    Opposition under arms is rebels."""
    if len(head) < 2 or head[-1].sectors[:1] != ("MIL",):
        return ()
    before = head[-2]
    if before.end != head[-1].start or before.sectors[:1] == ("MIL",) or \
            not set(before.sectors) & NON_STATE_ARMED:
        return ()
    return ("REB",) if before.sectors[:1] == ("OPP",) else before.sectors


def _titled_person(raw: Sequence[str], tokens: Sequence[str], title: _Hit) -> str:
    """The proper name an appositive title stands before: "Foreign Secretary William
    Hague", "rebel commander Abdel Belhaj": capitalised words ending the text right after
    the title; none for an office alone ("the US Secretary of State")."""
    words = list(raw[title.end:])
    if not words or not all(map(_name_word, words)) or \
            any(t in SKIP or t in CLAUSE_BREAKS or t in CALENDAR for t in tokens[title.end:]):
        return ""
    return " ".join(words)


def _name_word(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or len(word) == 1


def _singulars(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The singular forms ``key``'s last word may have: "candidates" is "candidate",
    "marches" is "march"."""
    last = key[-1]
    return [(*key[:-1], last[: -len(suffix)] + repl)
            for suffix, repl in (("ies", "y"), ("men", "man"), ("ses", "s"), ("es", ""),
                                 ("s", ""))
            if last.endswith(suffix) and len(last) > len(suffix) + 2]


def _tokens(text: str) -> list[str]:
    text = _AFFIX.sub(r"\1 \2", text)
    text = text.replace("’s", " ").replace("'s", " ").replace("’", "'")
    return [t.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", t) else t
            for t in _TOKEN.findall(text)]


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def read_actor_rows(path: Path) -> dict[str, tuple[Named, list[str]]]:
    """Rows of an actors file, grouped by name: each name's roles and aliases."""
    grouped: dict[str, tuple[list[str], str, list[Role], list[str]]] = {}
    for row in _rows(path):
        row = row + [""] * (7 - len(row))
        name, aliases, country, sectors, start, end, title = row[:7]
        entry = grouped.setdefault(name, ([], country, [], []))
        entry[0].extend(a for a in aliases.split("|") if a)
        entry[2].append(Role(tuple(s for s in sectors.split(",") if s), start, end,
                             title.lower()))
    return {name: (Named(name, country, tuple(roles)), aliases)
            for name, (aliases, country, roles, _) in grouped.items()}


def build_registry(extra: Sequence[str | Path] = ()) -> Registry:
    """The bundled tables, then files in ``CHRONICLE_ACTORS``, then ``extra`` files."""
    places = gazetteer()
    registry = Registry(places=places)
    for row in _rows(DATA / "agents.tsv"):
        sectors = tuple(row[0].split(","))
        for word in row[1].split("|"):
            registry.add(word, "agent", sectors)
    for iso2, iso3 in places.iso3.items():
        del iso2
        name = places.country_names[iso3]
        registry.add(name, "country", iso3)
    for iso3, capital in places.capitals.items():
        registry.add(capital.name, "capital", iso3)
    for row in _rows(DATA / "countries.tsv"):
        row = [*row, "", "", ""]
        for name in filter(None, row[1].split("|")):
            registry.add(name, "country", row[0])
        for demonym in filter(None, row[2].split("|")):
            registry.add(demonym, "demonym", row[0])
        for part in filter(None, row[3].split("|")):  # coded as the country, not it
            registry.add(part, "country", row[0])
            registry.parts.add(part)
    for path in _actor_paths(extra):
        for named, aliases in read_actor_rows(path).values():
            registry.add_named(named, aliases)
    return registry


def _actor_paths(extra: Sequence[str | Path]) -> list[Path]:
    """The actor tables in the order they are read: bundled, ``CHRONICLE_ACTORS``, ``extra``."""
    paths: list[Path] = [DATA / "actors.tsv"]
    paths += [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    return paths + [Path(p) for p in extra]


@lru_cache(maxsize=4)
def registry(extra: tuple[str, ...] = ()) -> Registry:
    """The shared registry (bundled tables plus user files), built once per process."""
    return build_registry(extra)


@lru_cache(maxsize=4)
def named_actors(extra: tuple[str, ...] = ()) -> dict[str, tuple[Named, tuple[str, ...]]]:
    """The named actors of the bundled table and the user files (``CHRONICLE_ACTORS``,
    ``extra``) by name: each with its country, dated roles and aliases; a later file's row
    for a name replaces an earlier one's, as it wins when resolving."""
    known: dict[str, tuple[Named, tuple[str, ...]]] = {}
    for path in _actor_paths(extra):
        for name, (named, aliases) in read_actor_rows(path).items():
            known[name] = (named, tuple(aliases))
    return known


def resolve(text: str, date: str | None = None, country_hint: str = "") -> Actor | None:
    """Resolve one actor span against the shared registry."""
    return registry().resolve(text, date, country_hint)
