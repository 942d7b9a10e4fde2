"""Which dates matter: bursts of publication and the days the articles' own dates point to.

A day that many distinct stories refer back to ("on 20 April the rig exploded") is what later
reporting treats as an event, above all when they recall it a week or more later, past the news
cycle that reports every day ("on Tuesday", "yesterday"); a day that articles list in a
chronology of their own ("Aug 21 - Rebels enter Tripoli") was judged a landmark by a journalist;
a burst of publication on a day, or the day after, is the newsroom's own signal. Each
candidate day gets a few such counts (``FEATURES``); a small logistic model can weigh them
(``date_model.json``, trained on Timeline17 by ``bench/train_date_model.py``); where none is
shipped, as now (its leave-one-story-out Date-F1 was below the blend's), a fixed blend of log
counts does. Counts are per distinct story, so a wire story republished ten times counts once.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from chronicle.timeline.corpus import Corpus, shift

MODEL_PATH = Path(__file__).with_name("date_model.json")
FEATURES = (
    "log_pub", "log_pub_next", "log_men", "log_men_later", "log_men_sent", "log_men_near",
    "pub_share", "pub_next_share", "men_share", "men_later_share", "men_near_share",
    "pub_rank", "men_rank", "men_later_rank", "log_men_recalled", "log_entries",
)
# Without a trained model: stories recalling the day, all mentions, publication burst,
# chronology entries (log counts, compared by hand on Timeline17: recalling stories instead of
# all later ones took Date-F1 from 0.555 to 0.571, and to 0.558-0.571 for any threshold from 4
# to 14 days; entries, at weights 0.25 to 2, add 0.002-0.007; 0.577 with both).
FALLBACK_WEIGHTS = {"log_men_recalled": 1.0, "log_men": 1.0, "log_pub": 0.5, "log_entries": 0.5}
RECALL_DAYS = 7  # a mention this many days after the day or later recalls it (beyond weekdays)
BACKGROUND_DAYS = 30  # without --from, days this long before the first article may be chosen
MIN_DATES, MAX_DATES = 10, 60


@dataclass
class DayCounts:
    """Per-day story counts of one corpus."""

    pub: dict[str, int]  # stories published that day
    men: dict[str, int]  # stories with a sentence resolving to that day
    men_later: dict[str, int]  # ... published after it
    men_sent: dict[str, int]  # sentences resolving to that day
    men_recalled: dict[str, int]  # stories published RECALL_DAYS or more after it naming it
    entries: dict[str, int]  # stories with a chronology entry dated that day

    @classmethod
    def of(cls, corpus: Corpus) -> DayCounts:
        pub: dict[str, set[str]] = defaultdict(set)
        men: dict[str, set[str]] = defaultdict(set)
        later: dict[str, set[str]] = defaultdict(set)
        recalled: dict[str, set[str]] = defaultdict(set)
        entries: dict[str, set[str]] = defaultdict(set)
        sent: dict[str, int] = defaultdict(int)
        for doc in corpus.docs.values():
            pub[doc.published].add(corpus.story_of(doc.id))
        for s in corpus.sentences:
            story = corpus.story_of(s.article_id)
            published = corpus.docs[s.article_id].published
            recall_before = shift(published, -RECALL_DAYS)
            for day in s.days:
                men[day].add(story)
                sent[day] += 1
                if day < published:
                    later[day].add(story)
                if day <= recall_before:
                    recalled[day].add(story)
        for (article_id, _), day in corpus.entries.items():
            if article_id in corpus.docs:
                entries[day].add(corpus.story_of(article_id))

        def sizes(table: dict[str, set[str]]) -> dict[str, int]:
            return {d: len(v) for d, v in table.items()}

        return cls(sizes(pub), sizes(men), sizes(later), dict(sent), sizes(recalled),
                   sizes(entries))


def candidate_days(corpus: Corpus, counts: DayCounts, date_from: str | None,
                   date_to: str | None) -> list[str]:
    """Days that something was published on or pointed to, inside the window."""
    if not corpus.docs:
        return []
    published = sorted(d.published for d in corpus.docs.values())
    low = date_from or shift(published[0], -BACKGROUND_DAYS)
    high = date_to or published[-1]
    days = set(counts.pub) | set(counts.men)
    return sorted(d for d in days if low <= d <= high)


def features(days: list[str], counts: DayCounts) -> np.ndarray:
    """One row of ``FEATURES`` per day; shares and ranks make corpora of any size comparable."""
    def get(table: dict[str, int], day: str) -> float:
        return float(table.get(day, 0))

    raw = {
        "pub": [get(counts.pub, d) for d in days],
        "pub_next": [get(counts.pub, shift(d, 1)) for d in days],
        "men": [get(counts.men, d) for d in days],
        "men_later": [get(counts.men_later, d) for d in days],
        "men_sent": [get(counts.men_sent, d) for d in days],
        "men_near": [get(counts.men, shift(d, -1)) + get(counts.men, shift(d, 1)) for d in days],
        "men_recalled": [get(counts.men_recalled, d) for d in days],
        "entries": [get(counts.entries, d) for d in days],
    }
    columns = {f"log_{k}": [math.log1p(x) for x in v] for k, v in raw.items()}
    for key in ("pub", "pub_next", "men", "men_later", "men_near"):
        top = max(raw[key], default=0.0) or 1.0
        columns[f"{key}_share"] = [x / top for x in raw[key]]
    for key in ("pub", "men", "men_later"):
        columns[f"{key}_rank"] = list(_percentile_rank(raw[key]))
    return np.array([columns[name] for name in FEATURES], dtype=float).T.reshape(len(days),
                                                                                 len(FEATURES))


def _percentile_rank(values: list[float]) -> np.ndarray:
    """Share of days with a strictly smaller value: 1.0 for the top day, 0 for the bottom."""
    array = np.asarray(values, dtype=float)
    if len(array) == 0:
        return array
    order = np.sort(array)
    return np.searchsorted(order, array, side="left") / max(1, len(array) - 1)


@dataclass(frozen=True)
class DateModel:
    """A logistic model over standardised ``FEATURES`` (numpy only at run time)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, x: np.ndarray) -> np.ndarray:
        z = (x - np.array(self.mean)) / np.array(self.scale)
        return 1 / (1 + np.exp(-(z @ np.array(self.weights) + self.bias)))

    def as_dict(self) -> dict[str, object]:
        return {"mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias}

    @classmethod
    def from_dict(cls, data: dict) -> DateModel:
        return cls(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]),
                   float(data["bias"]))


@cache
def load_models(path: str = str(MODEL_PATH)) -> dict[str, DateModel]:
    """The shipped models: ``"all"`` (trained on every topic) and one per held-out story."""
    file = Path(path)
    if not file.exists():
        return {}
    data = json.loads(file.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        return {}  # trained on other features: do not guess
    return {name: DateModel.from_dict(m) for name, m in data["models"].items()}


def fallback_score(x: np.ndarray) -> np.ndarray:
    weights = np.array([FALLBACK_WEIGHTS.get(name, 0.0) for name in FEATURES])
    return x @ weights


def rank_days(corpus: Corpus, date_from: str | None = None, date_to: str | None = None,
              model: DateModel | str | None = "all") -> list[tuple[str, float]]:
    """Candidate days with their importance, most important first (ties: earlier first).

    ``model``: a ``DateModel``, the name of a shipped one (``"all"``, or a held-out story for
    evaluation), or ``None`` for the fixed blend.
    """
    counts = DayCounts.of(corpus)
    days = candidate_days(corpus, counts, date_from, date_to)
    if not days:
        return []
    x = features(days, counts)
    if isinstance(model, str):
        model = load_models().get(model)
    scores = model.score(x) if model else fallback_score(x)
    return sorted(zip(days, scores.tolist(), strict=True), key=lambda p: (-p[1], p[0]))


def default_date_count(ranked: list[tuple[str, float]], corpus: Corpus) -> int:
    """How many dates a timeline shows when the user does not say.

    One date per ten distinct stories, between 10 and 60, and never more than the days that at
    least two stories published on or pointed to. On Timeline17 the reference timelines hold
    between one date per 2 and one per 27 articles, median one per 10.5; 60 dates is still a
    page a reader scans. A dozen articles give up to ten dates, 300 give 30, thousands give 60.
    """
    counts = DayCounts.of(corpus)
    supported = sum(1 for day, _ in ranked
                    if counts.pub.get(day, 0) + counts.men.get(day, 0) >= 2)
    return max(min(MIN_DATES, len(ranked)),
               min(MAX_DATES, corpus.stories // 10, supported or len(ranked)))
