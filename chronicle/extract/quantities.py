"""Units of measure and currencies: the unit table and the unit written beside a number.

The table (``data/units.tsv``) gives each unit one normalised name ("kilometre" for "km",
"kilometres" and "kilometers"), its dimension (length, currency, time, ...), the forms written
after a number ("5 km", "200lbs", "10 dollars") and those written before one ("$20", "USD
200"). A form is matched case-sensitively when it is one character long or another unit has
the same letters in another case ("MB" megabyte, "mb" megabit); otherwise in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A currency code after "M" counts millions of it ("30 MUSD", "MAUD 60"), as in finance.
MILLION_PREFIX = "M"
# Denominators a rate may have besides the table's units: "$70 a share", "64 cents a dozen".
DENOMINATOR_NOUNS = {"share": "share", "shares": "share", "person": "person",
                     "capita": "capita", "head": "head", "dozen": "dozen",
                     "household": "household", "family": "family", "barrel": "barrel"}
# Dimensions a rate's denominator may come from after "a"/"an"/"each" ("miles an hour").
_RATE_DIMENSIONS = {"time"}
_PRICED_DIMENSIONS = {"volume", "mass", "length", "area", "energy"}  # "$5 a gallon"


@dataclass(frozen=True)
class Unit:
    """A unit of the table: its normalised name and its dimension."""

    name: str
    dimension: str


@dataclass(frozen=True)
class UnitMatch:
    """A unit written at ``start``..``end`` of a text; ``multiplier`` for "MUSD"-style codes."""

    unit: Unit
    start: int
    end: int
    multiplier: float = 1.0


@cache
def _table() -> tuple[dict[str, Unit], list[tuple[str, Unit, str]]]:
    """Units by name, and (form, unit, position) for every form of the table."""
    text = resources.files("chronicle.extract").joinpath("data/units.tsv").read_text("utf-8")
    by_name: dict[str, Unit] = {}
    forms: list[tuple[str, Unit, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("unit\t"):
            continue
        name, dimension, after, before = ([*line.split("\t"), "", "", ""])[:4]
        unit = Unit(name, dimension)
        by_name[name] = unit
        for form in {name, *after.split("|")} - {""}:
            forms.append((form, unit, "after"))
        for form in set(before.split("|")) - {""}:
            forms.append((form, unit, "before"))
            if re.fullmatch(r"[A-Z]{3}", form):
                forms.append((MILLION_PREFIX + form, unit, "before-million"))
                forms.append((MILLION_PREFIX + form, unit, "after-million"))
    return by_name, forms


def units() -> dict[str, Unit]:
    """Every unit of the table, by its normalised name."""
    return _table()[0]


def _pattern(form: str) -> str:
    """A form as a regular expression: any run of spaces or a hyphen for a space (a compound
    before a noun is hyphenated: "a 3,000-square-foot house"), and no letter or digit
    straight after a form that ends in one ("m" is no unit in "m212")."""
    body = r"(?:\s*-\s*|\s*)".join(re.escape(part) for part in form.split(" "))
    return body + (r"(?![^\W_])" if form[-1:].isalnum() else "")


@cache
def _matchers(position: str) -> tuple[re.Pattern, re.Pattern, dict[str, list[tuple[str, Unit]]]]:
    """The exact-case and any-case patterns of one position's forms, and forms by lower case."""
    forms = [(f, u) for f, u, p in _table()[1] if p == position]
    by_lower: dict[str, set[str]] = {}
    for form, unit in forms:
        by_lower.setdefault(form.lower(), set()).add(unit.name)
    exact, loose = [], []
    for form, _ in forms:
        (exact if len(form) == 1 or len(by_lower[form.lower()]) > 1 else loose).append(form)
    lookup: dict[str, list[tuple[str, Unit]]] = {}
    for form, unit in forms:
        lookup.setdefault(_key(form), []).append((form, unit))

    def alternation(items: list[str]) -> str:
        ordered = sorted(set(items), key=len, reverse=True)
        return "|".join(_pattern(f) for f in ordered) or r"(?!x)x"

    return (re.compile(f"(?:{alternation(exact)})"),
            re.compile(f"(?:{alternation(loose)})", re.IGNORECASE), lookup)


def _squeezed(written: str) -> str:
    """A form without its spaces and hyphens: "square-foot", "square foot" are one form."""
    return re.sub(r"[\s-]+", "", written)


def _key(written: str) -> str:
    return _squeezed(written).lower()


def _unit_of(written: str, position: str) -> Unit | None:
    """The unit a matched form names (its exact-case form first)."""
    candidates = _matchers(position)[2].get(_key(written), [])
    squeezed = _squeezed(written)
    for form, unit in candidates:
        if _squeezed(form) == squeezed:
            return unit
    loose = [u for f, u in candidates if len(f) > 1]
    return loose[0] if loose else None


def _longest(text: str, pos: int, position: str) -> tuple[int, Unit] | None:
    exact, loose, _ = _matchers(position)
    best: tuple[int, Unit] | None = None
    for pattern in (exact, loose):
        m = pattern.match(text, pos)
        if m and m.end() > pos and (best is None or m.end() > best[0]):
            unit = _unit_of(m.group(), position)
            if unit is not None:
                best = (m.end(), unit)
    return best


def unit_after(text: str, pos: int, attached: bool = False) -> UnitMatch | None:
    """The unit written from ``pos`` on ("5 km", "3-inch", "200lbs", "30 MUSD"), with a rate's
    denominator ("barrels a day", "$70 a share", "km per hour"). ``attached``: only a unit
    written straight after the number, with no space."""
    gap = re.compile(r"") if attached else re.compile(r"[ \t\u00a0]*(?:-[ \t]*)?")
    start = gap.match(text, pos).end()  # type: ignore[union-attr]
    found = _longest(text, start, "after")
    if found is None and not attached:  # "20 (kg)": a unit in brackets
        bracket = re.match(r"[(\[{<][ \t]*", text[start:start + 2])
        if bracket:
            inner = _longest(text, start + bracket.end(), "after")
            if inner and re.match(r"[ \t]*[)\]}>]", text[inner[0]:inner[0] + 2]):
                found = (text.index(text[inner[0]:].lstrip()[:1], inner[0]) + 1, inner[1])
    multiplier = 1.0
    million = _longest(text, start, "after-million")
    if million and (found is None or million[0] > found[0]):
        found, multiplier = million, 1_000_000.0
    if found is None:
        return None
    end, unit = found
    rate = denominator(text, end, price=unit.dimension == "currency")
    if rate is None and unit.dimension != "currency":
        rate = _rate_after_material(text, end)
    if rate is not None:
        end, per = rate
        unit = Unit(f"{unit.name} per {per}", f"{unit.dimension} rate")
    return UnitMatch(unit, start, end, multiplier)


_MATERIAL_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")


def _rate_after_material(text: str, pos: int) -> tuple[int, str] | None:
    """A rate whose denominator follows what is measured: "2 billion gallons of jet fuel a
    year", "5 tonnes of wheat per hectare" (up to three words of it)."""
    of = re.match(r"[ \t]+of\b", text[pos:])
    if of is None:
        return None
    pos += of.end()
    for _ in range(3):
        word = _MATERIAL_WORD.match(text, pos)
        if word is None or word.group(1).lower() in {"per", "a", "an", "each", "the"}:
            return None
        pos = word.end()
        rate = denominator(text, pos)
        if rate is not None:
            return rate
    return None


_RATE = re.compile(r"[ \t]*(?:-[ \t]*)?(?:(per|/)|(an?|each))[ \t]*(?:-[ \t]*)?", re.IGNORECASE)


def denominator(text: str, pos: int, price: bool = False) -> tuple[int, str] | None:
    """The denominator of a rate written after a unit ending at ``pos``; ``price``: after a
    sum of money, "a" names what is bought ("$5 a gallon") as well as a span of time."""
    m = _RATE.match(text, pos)
    if m is None:
        return None
    word = re.match(r"[A-Za-z]+", text[m.end():])
    if word and word.group().lower() in DENOMINATOR_NOUNS and (
            m.end() + word.end() >= len(text) or not text[m.end() + word.end()].isalnum()):
        return m.end() + word.end(), DENOMINATOR_NOUNS[word.group().lower()]
    found = _longest(text, m.end(), "after")
    if found is None:
        return None
    end, unit = found
    dimensions = _RATE_DIMENSIONS | (_PRICED_DIMENSIONS if price else set())
    if m.group(2) and (unit.dimension not in dimensions or re.match(
            r"\s+(?:earlier|ago|later|before|after|previously|on)\b", text[end:])):
        return None  # "5 km a ..." is no rate unless per a span of time; "a year earlier"
    return end, unit.name


def unit_before(text: str, pos: int) -> UnitMatch | None:
    """A currency written just before ``pos`` ("$", "US$ ", "USD ", "MAUD ")."""
    window_start = max(0, pos - 12)
    window = text[window_start:pos]
    best: UnitMatch | None = None
    for position, multiplier in (("before", 1.0), ("before-million", 1_000_000.0)):
        exact, loose, _ = _matchers(position)
        for pattern in (exact, loose):
            for m in re.finditer(rf"(?:{pattern.pattern})[ \t]*$", window, pattern.flags):
                start = window_start + m.start()
                if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                    continue  # the end of a word ("sen" in "chosen")
                unit = _unit_of(m.group().strip(), position)
                if unit is not None and (best is None or start < best.start):
                    best = UnitMatch(unit, start, pos, multiplier)
                break
    return best


def normalise_unit(written: str | None) -> str | None:
    """The table's name for a unit however written ("km", "kilometers", "pound-mass"), else the
    written unit as it was."""
    if written is None:
        return None
    low = written.strip()
    if low in units():
        return low
    for position in ("after", "before"):
        unit = _unit_of(low, position)
        if unit is not None:
            return unit.name
    return low


def currency_of(written: str) -> UnitMatch | None:
    """The currency a form written before a number names ("US$", "MUSD"), at no position."""
    for position, multiplier in (("before", 1.0), ("before-million", 1_000_000.0)):
        unit = _unit_of(written.strip(), position)
        if unit is not None:
            return UnitMatch(unit, 0, 0, multiplier)
    return None


def before_forms() -> list[str]:
    """Every form a currency may be written in before a number, longest first."""
    return sorted({f for f, _, p in _table()[1] if p in {"before", "before-million"}},
                  key=len, reverse=True)


def trie_pattern(forms: list[str] | set[str], space: str = r"\s*") -> str:
    """One regular expression for many forms, sharing their common beginnings ("US$", "USD"
    and "U.S. $" as ``U(?:S(?:\\$|D)|\\.S\\.\\s*\\$)``), so that a search tries a few characters
    at each position rather than every form in turn. A space in a form stands for any run of
    spaces. Longer forms are tried first where one is the beginning of another."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = []
        for char in sorted((c for c in node if c), key=lambda c: (c == " ", c)):
            piece = space if char == " " else _any_case(char)
            branches.append(piece + build(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _any_case(char: str) -> str:
    upper = char.upper()
    if upper != char and len(upper) == 1:
        return f"[{re.escape(char)}{re.escape(upper)}]"
    return re.escape(char)
