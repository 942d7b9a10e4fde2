"""PLOVER event types and their CAMEO counterparts, for GDELT-style use.

PLOVER is what Chronicle codes; CAMEO root codes, QuadClass and Goldstein scores are derived
so the output can sit beside GDELT. The table is written from the CAMEO codebook: one root per
PLOVER type (modes refine it where CAMEO splits, e.g. ASSAULT with heavy weapons is root 19),
QuadClass from the root (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict) and the Goldstein score of the root code.
"""

from __future__ import annotations

from dataclasses import dataclass

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Names used by older PLOVER releases (and its gold standard records) for today's types.
LEGACY_TYPES: dict[str, tuple[str, str]] = {
    "DEMAND": ("REQUEST", ""),
    "DISAPPROVE": ("ACCUSE", ""),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", ""),
}

CAMEO_ROOTS: dict[str, str] = {
    "01": "MAKE PUBLIC STATEMENT", "02": "APPEAL", "03": "EXPRESS INTENT TO COOPERATE",
    "04": "CONSULT", "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "06": "ENGAGE IN MATERIAL COOPERATION", "07": "PROVIDE AID", "08": "YIELD",
    "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "EXHIBIT FORCE POSTURE", "16": "REDUCE RELATIONS", "17": "COERCE",
    "18": "ASSAULT", "19": "FIGHT", "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}

# Goldstein (1992) conflict-cooperation weight of each root code, -10 .. +10.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}

_ROOT_OF_TYPE: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}
# Modes whose CAMEO root differs from their type's usual one.
_ROOT_OF_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "wmd"): "20",
    ("ASSAULT", "mass-killing"): "20",
    ("REQUEST", "appeal"): "02",
}


@dataclass(frozen=True)
class CameoCoding:
    """The GDELT-style view of one PLOVER event."""

    root: str  # two-digit CAMEO root code
    quad_class: int  # 1..4
    goldstein: float
    penta_class: int  # ConfliBERT's 5-way grouping, 0..4


def quad_class(root: str) -> int:
    """GDELT QuadClass of a CAMEO root code."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def penta_class(root: str) -> int:
    """ConfliBERT PentaClass: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = rest."""
    number = int(root)
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13 or number == 16:
        return 3
    return 4


def normalise_type(name: str, mode: str = "") -> tuple[str, str]:
    """Map an event type name, old or new, to today's PLOVER (type, mode)."""
    upper = name.strip().upper()
    if upper in LEGACY_TYPES:
        new, legacy_mode = LEGACY_TYPES[upper]
        return new, mode or legacy_mode
    return upper, mode


def cameo_root(event_type: str, mode: str = "") -> str:
    """The CAMEO root code of a PLOVER type (and mode)."""
    return _ROOT_OF_MODE.get((event_type, mode)) or _ROOT_OF_TYPE[event_type]


def code(event_type: str, mode: str = "") -> CameoCoding:
    """CAMEO root, QuadClass, Goldstein score and PentaClass of a PLOVER event."""
    root = cameo_root(event_type, mode)
    return CameoCoding(root, quad_class(root), GOLDSTEIN[root], penta_class(root))


def plover_of_root(root: str) -> str | None:
    """The PLOVER type a CAMEO root (or longer code) falls under; None for 01 statements."""
    prefix = root[:2]
    if prefix in {"01"}:
        return None
    if prefix == "02":
        return "REQUEST"
    if prefix == "08":
        # 081-083 ease restrictions/administrative sanctions: concessions; 084-087 withdraw.
        return "RETREAT" if root[:3] in {"084", "085", "086", "087"} else "CONCEDE"
    if prefix == "09":
        return "ACCUSE"
    if prefix in {"19", "20"}:
        return "ASSAULT"
    for event_type, event_root in _ROOT_OF_TYPE.items():
        if event_root == prefix and event_type not in {"RETREAT"}:
            return event_type
    return None
