"""A small corpus for the scale-out tests: eight dated reports, written here.

The first six are "yesterday's" store, the last two arrive the next day: one is a lightly
edited copy of an earlier article (a near duplicate), one reports an arrest already
reported (one event, two reports).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_seed

CEASEFIRE = (
    "The government and the rebel alliance agreed on Tuesday to a ceasefire that will take "
    "effect at midnight, the foreign minister said. Mediators from Qatar and Egypt had held "
    "talks with both sides in Doha for three days. The minister said prisoners would be "
    "exchanged next week and that aid convoys would be allowed into the besieged city. "
    "Rebel commanders said they would respect the truce as long as the army did."
)
OLD = [
    ("001_strike.txt", "2024-03-01",
     "An air strike hit a crowded market in the northern city of Aleppo on Thursday, killing "
     "at least 12 people, hospital officials said. The army said it had targeted a weapons "
     "depot used by armed groups and denied that civilians were in the area."),
    ("002_talks.txt", "2024-03-02",
     "The foreign ministers of Turkey and Iran met in Geneva on Saturday to discuss the war. "
     "They agreed to meet again next month, a spokesman said."),
    ("003_aid.txt", "2024-03-03",
     "The United Nations said on Sunday that 40 aid trucks had crossed the border, the largest "
     "convoy in weeks. Aid agencies warned that food stocks in the city were running low."),
    ("004_protest.txt", "2024-03-04",
     "Police arrested 30 protesters in the capital on Monday after thousands marched against "
     "the war. Organisers said the demonstration had been peaceful."),
    ("005_ceasefire.txt", "2024-03-05", CEASEFIRE),
    ("006_toll.txt", "2024-03-06",
     "The health ministry said on Wednesday that the death toll since January had risen to "
     "1,500. Officials said 200 people had been killed in the past week alone."),
]
NEW = [
    ("007_ceasefire_copy.txt", "2024-03-07",
     CEASEFIRE.replace("three days", "three long days") + " Markets reopened."),
    ("008_protest_again.txt", "2024-03-05",
     "Police in the capital arrested 30 protesters on Monday, witnesses said, as thousands "
     "marched against the war. The interior ministry defended the arrests."),
]


def write_corpus(folder: Path, articles: list[tuple[str, str, str]]) -> Path:
    for name, date, text in articles:
        write_seed(folder, name, date, text)
    return folder
