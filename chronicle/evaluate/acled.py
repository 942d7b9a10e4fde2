"""``chronicle eval acled FILE``: ACLED sub-event types on CASE 2021 task 2's format.

FILE is a TSV with a header ``id<TAB>EventSnippet<TAB>SubType``: one snippet and its one
label (25 ACLED sub-event types, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO,
ATTRIB, OTHER). Each snippet is read as an article (the Reader's parse, the event layer's
PLOVER coding); its label is the ACLED coder's on the snippet's text with the main event's
PLOVER type, mode, actor and recipient (its main act, where it reports one beside speech),
and on the text alone where no event is found.

Scores: micro F1 (over single-label snippets, the accuracy), macro F1 (the mean over the
labels in the file's gold), weighted F1 (each label's F1 weighted by its gold count), and a
table of precision, recall and F1 per label; the last line is JSON.

``--part a`` / ``--part b`` keep a deterministic split of the file: per gold label, the
snippets sorted by a hash of their id, the first 60% in part a (for development), the rest in
part b (held back). Nothing is trained on the file.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PART_A_SHARE = 0.6


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold snippets of the label
    predicted: int


def read_tsv(path: str | Path) -> list[tuple[str, str, str]]:
    """(id, snippet, label) of each row."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in rows]


def split(rows: list[tuple[str, str, str]], part: str) -> list[tuple[str, str, str]]:
    """Part "a" (the first ``PART_A_SHARE`` of each label by id hash), "b" (the rest), or
    every row for "all"."""
    if part == "all":
        return rows
    by_label: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in rows:
        by_label[row[2]].append(row)
    kept = []
    for label_rows in by_label.values():
        ordered = sorted(label_rows, key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())
        cut = round(PART_A_SHARE * len(ordered))
        kept += ordered[:cut] if part == "a" else ordered[cut:]
    return sorted(kept, key=lambda r: rows.index(r))


def scores(gold: list[str], predicted: list[str]) -> tuple[dict[str, float], list[LabelScore]]:
    """Micro, macro and weighted F1 and the per-label table of (gold, predicted) labels."""
    pairs = list(zip(gold, predicted, strict=True))
    support = Counter(gold)
    guessed = Counter(predicted)
    table = []
    for label in sorted(support):
        tp = sum(1 for g, p in pairs if g == p == label)
        precision = tp / guessed[label] if guessed[label] else 0.0
        recall = tp / support[label]
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        table.append(LabelScore(label, precision, recall, f1, support[label], guessed[label]))
    total = len(pairs)
    correct = sum(1 for g, p in pairs if g == p)
    # every snippet has one gold and one predicted label, so micro P = R = F1 = accuracy
    micro = correct / total if total else 0.0
    macro = sum(s.f1 for s in table) / len(table) if table else 0.0
    weighted = sum(s.f1 * s.support for s in table) / total if total else 0.0
    return {"micro_f1": micro, "macro_f1": macro, "weighted_f1": weighted}, table


CoderInput = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]


def coder_inputs(snippets: list[str]) -> list[CoderInput]:
    """What the coder is given for each snippet: its text and its main event's PLOVER type,
    mode and actor and recipient sectors (empty where the event layer finds no event)."""
    from chronicle.extract.acled import SPEECH_TYPES
    from chronicle.extract.events import extract_events, primary
    from chronicle.model import Article
    from chronicle.read.pipeline import analyse, load_nlp

    nlp = load_nlp()
    inputs: list[CoderInput] = []
    articles = [Article.create(published="2000-01-01", text=s) for s in snippets]
    for article, doc in zip(articles, nlp.pipe(snippets, batch_size=32), strict=True):
        mentions = extract_events(article, doc, analyse(article, doc))
        # the snippet's main act, else its main speech: a report of an attack framed by
        # "officials said" or "condemned" is the attack
        event = primary(m for m in mentions if m.event_type not in SPEECH_TYPES) or \
            primary(mentions)
        if event is None:
            inputs.append((article.text, "", "", (), ()))
            continue
        inputs.append((article.text, event.event_type, event.mode,
                       tuple(event.actor.sectors) if event.actor else (),
                       tuple(event.recipient.sectors) if event.recipient else ()))
    return inputs


def predict(snippets: list[str], policy: str | None = None) -> list[str]:
    """The ACLED label the event layer and coder give each snippet, under the coder's
    combination ``policy`` (its default where None)."""
    from chronicle.extract.acled import POLICY, acled_label

    return [acled_label(*given, policy=policy or POLICY) for given in coder_inputs(snippets)]


def main(path: str | Path, part: str = "all", errors: bool = False,
         policy: str | None = None) -> dict:
    rows = split(read_tsv(path), part)
    gold = [label for _, _, label in rows]
    predicted = predict([snippet for _, snippet, _ in rows], policy)
    metrics, table = scores(gold, predicted)
    print(f"{'label':31} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for s in table:
        print(f"{s.label:31} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
              f"{s.support:5d} {s.predicted:5d}")
    if errors:
        for (row_id, snippet, label), guess in zip(rows, predicted, strict=True):
            if guess != label:
                print(f"[{row_id}] gold {label} got {guess}: {snippet[:160]}")
    result = {"snippets": len(rows), "part": part,
              **{k: round(v, 4) for k, v in metrics.items()}}
    print(json.dumps(result))
    return result
