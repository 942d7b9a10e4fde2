"""Places and actors: what an event's participants and location resolve to."""

from __future__ import annotations

from dataclasses import dataclass

# How precisely a place of each kind is known: a country is placed at its capital.
PRECISION = {"city": "town", "region": "region", "country": "country"}


@dataclass(frozen=True)
class Place:
    """A geocoded place: where a place mention points to."""

    name: str
    country: str  # ISO3, "" for seas and other areas outside any country
    latitude: float
    longitude: float
    kind: str  # city, region, country
    population: int = 0
    geonameid: int | None = None

    @property
    def precision(self) -> str:
        """How precisely the place is known: country, region or town."""
        return PRECISION.get(self.kind, self.kind)


@dataclass(frozen=True)
class Actor:
    """A resolved actor: the text that names it and what it stands for."""

    text: str
    name: str = ""  # canonical name where one is known: "Antony Blinken", "Israel"
    country: str = ""  # ISO3; UNO, EUR, IGO or NGO for bodies of nations
    sectors: tuple[str, ...] = ()  # PLOVER/POLECAT sectors: GOV, MIL, REB, IGO, CVL, ...
    kind: str = ""  # country, capital, city, named, agent, pronoun; implied (no text span)
    start: int = -1  # character offsets into the article, -1 when not from a text span
    end: int = -1

    @property
    def sector(self) -> str:
        return self.sectors[0] if self.sectors else ""

    @property
    def code(self) -> str:
        """A CAMEO-style actor code: country followed by primary sector, e.g. ISRMIL."""
        return self.country + self.sector
