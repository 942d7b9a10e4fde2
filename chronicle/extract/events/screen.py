"""The screen: a learned judgement of whether an event mention reports an act an analyst
would code.

The rules propose every act a clause could report; on news nobody tuned them to, most of
what they propose is no report at all (a habit, a metaphor, an aim, a columnist's musing).
This model scores each mention from what carries meaning beyond the words of its training
sentences: the mention's type, modality and date basis, what kind of parties it found, where
the trigger sits in the parse, and how the article speaks (a first-person column, a wire
report). No words or word vectors: the static MiniLM vectors of trigger and sentence added
nothing out of topic (F0.5 0.690 with them, 0.688 without) and sank reports whose verb is
common in non-reports ("Blinken met Netanyahu", 0.29, as "meet humanitarian needs" is no
meeting). It is a logistic regression
trained on mentions hand-judged on development topics of Timeline17
(``bench/train_event_screen.py``, which chose its strength and threshold by leaving one topic
out). Its probability becomes the mention's ``confidence``; consolidation keeps an event
only where one of its reports reaches the threshold (the mentions stay in the store, so a
new screen, or none, brings them back). Without the shipped weights every event passes, on
the rules' own confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from chronicle.extract.events.participants import QUOTATION_MARKS
from chronicle.model import Actor, EventMention

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "event_screen.npz"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
         "ASSAULT")
MODALITIES = ("asserted", "planned", "threatened", "denied")
BASES = ("text", "period", "published")
KINDS = ("named", "country", "demonym", "agent", "capital", "city", "person", "implied")
STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ARMED = {"REB", "INS", "UAF", "TER", "RAD", "PRM", "CRM"}
BODIES = {"IGO", "NGO"}
TAGS = ("VBD", "VBN", "VBZ", "VBP", "VB", "VBG", "NN", "NNS")
DEPS = ("ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "dobj", "pobj",
        "nsubj", "nsubjpass", "parataxis")
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def _first_person(token: Token) -> bool:
    """"I", "we", "us"; not "US", the country."""
    return token.lower_ in FIRST_PERSON and (token.text == "I" or not token.text.isupper())


def _one_hot(value: str, values: tuple[str, ...]) -> list[float]:
    return [float(value == v) for v in values] + [float(value not in values)]


def _party(actor: Actor | None) -> list[float]:
    if actor is None:
        return [1.0] + [0.0] * (len(KINDS) + 1) + [0.0] * 5
    sectors = set(actor.sectors)
    return [0.0, *_one_hot(actor.kind, KINDS), float(bool(actor.country)),
            float(bool(sectors & STATE)), float(bool(sectors & ARMED)),
            float("CVL" in sectors), float(bool(sectors & BODIES))]


@dataclass(frozen=True)
class ArticleVoice:
    """How an article speaks, for all its mentions: first-person words per hundred (a
    column, a diary) and how many sentences it has."""

    first_person: float
    sentences: int


def article_voice(doc: Doc, sentences: int) -> ArticleVoice:
    words = [t for t in doc if t.is_alpha]
    first = sum(_first_person(t) for t in words)
    return ArticleVoice(100 * first / max(len(words), 1), sentences)


def _quoted(token: Token, marks: list[int]) -> bool:
    """Whether an odd number of the sentence's quotation ``marks`` come before ``token``."""
    return sum(m < token.i for m in marks) % 2 == 1


def mention_features(mention: EventMention, trigger: Token, span: Span,
                     voice: ArticleVoice, in_sentence: int) -> np.ndarray:
    """The mention's features, in the order the shipped weights expect."""
    marks = [t.i for t in span if t.text in QUOTATION_MARKS]
    return np.asarray([
        *_one_hot(mention.event_type, TYPES), *_one_hot(mention.modality, MODALITIES),
        *_one_hot(mention.date_basis, BASES), *_party(mention.actor),
        *_party(mention.recipient), float(trigger.pos_ == "NOUN"),
        *_one_hot(trigger.tag_, TAGS), *_one_hot(trigger.dep_, DEPS),
        min(mention.depth, 6) / 6, float(_quoted(trigger, marks)),
        min(mention.sentence_index, 40) / 40,  # leads report, later paragraphs explain
        min(len(span), 60) / 60, float(any(t.like_num for t in span)),
        float(any(t.ent_type_ == "PERSON" for t in span)), min(in_sentence, 4) / 4,
        float(any(_first_person(t) and not _quoted(t, marks) for t in span)),
        min(voice.first_person, 5) / 5, min(voice.sentences, 80) / 80,
        float(mention.reporter != ""), float(bool(mention.co_actors or mention.co_recipients)),
    ], dtype=np.float32)


@dataclass(frozen=True)
class Screen:
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1 / (1 + np.exp(-z))

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, weights=self.weights, bias=np.array([self.bias]),
                            mean=self.mean, scale=self.scale,
                            threshold=np.array([self.threshold]))

    @classmethod
    def load(cls, path: str | Path) -> Screen:
        data = np.load(path)
        return cls(data["weights"], float(data["bias"][0]), data["mean"], data["scale"],
                   float(data["threshold"][0]))


@cache
def load_screen(path: str | Path = MODEL_PATH) -> Screen | None:
    return Screen.load(path) if Path(path).exists() else None


def features_of(mentions: list[EventMention], doc: Doc, sentences: int) -> np.ndarray:
    """One row of features per mention (``doc``: the article's parse)."""
    voice = article_voice(doc, sentences)
    per_sentence: dict[int, int] = {}
    for m in mentions:
        per_sentence[m.sentence_index] = per_sentence.get(m.sentence_index, 0) + 1
    rows = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        trigger = doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
        rows.append(mention_features(m, trigger[0], span, voice, per_sentence[m.sentence_index]))
    return np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


def scored(mentions: list[EventMention], doc: Doc, sentences: int,
           screen: Screen | None = None) -> list[EventMention]:
    """The mentions with the screen's probability as their confidence (unchanged where no
    screen ships)."""
    screen = screen or load_screen()
    if screen is None or not mentions:
        return mentions
    probabilities = screen.probabilities(features_of(mentions, doc, sentences))
    return [replace(m, confidence=round(float(p), 2))
            for m, p in zip(mentions, probabilities, strict=True)]


def passes(mentions: Iterable[EventMention], screen: Screen | None = None) -> bool:
    """Whether an event of these reports is listed: one of them reaches the screen's
    threshold (always, where no screen ships)."""
    screen = screen or load_screen()
    return screen is None or max(m.confidence for m in mentions) >= screen.threshold
