"""Near-duplicate signatures: edited copies collide, unrelated texts do not."""

from __future__ import annotations

import random

import numpy as np
import pytest

from chronicle.ingest import dedup

VOCABULARY = (
    "the minister said talks on aid for civilians would resume after the ceasefire "
    "collapsed amid strikes near the border where officials reported heavy fighting and "
    "thousands fled towards the coast as envoys met in the capital to discuss hostages "
    "food convoys fuel shortages hospitals water electricity negotiations Friday Monday"
)
WORDS = VOCABULARY.split()


def article(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def edited(text: str, edits: int, seed: int = 0) -> str:
    words = text.split()
    rng = random.Random(seed)
    for i in rng.sample(range(len(words)), edits):
        words[i] = f"edited{i}"
    return " ".join(words)


def test_signature_shape_and_determinism() -> None:
    text = article(1)
    sig = dedup.signature(text)
    assert sig.dtype == np.uint64 and sig.shape == (dedup.SIGNATURE_SIZE,)
    assert np.array_equal(sig, dedup.signature(text))
    # Fixed constants, no Python hash(): a stored signature stays valid in any process.
    assert dedup.band_keys(dedup.signature("one two three four five six"))[0] == (
        dedup.band_keys(dedup.signature("One, two; three four five six!"))[0])


def test_case_punctuation_and_whitespace_do_not_matter() -> None:
    a = dedup.signature("Israel says Rafah is the last bastion for Hamas.")
    b = dedup.signature("israel SAYS rafah -- is the last   bastion, for hamas")
    assert dedup.similarity(a, b) == 1.0


def test_edited_copy_is_a_near_duplicate() -> None:
    text = article(2)
    copy = edited(text, 2)
    a, b = dedup.signature(text), dedup.signature(copy)
    assert dedup.similarity(a, b) >= dedup.NEAR_DUPLICATE_THRESHOLD
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(b))


def test_unrelated_texts_are_not() -> None:
    sigs = [dedup.signature(article(seed)) for seed in range(10, 30)]
    for i in range(len(sigs)):
        for j in range(i + 1, len(sigs)):
            assert dedup.similarity(sigs[i], sigs[j]) < 0.2
            assert not set(dedup.band_keys(sigs[i])) & set(dedup.band_keys(sigs[j]))


def test_similarity_tracks_jaccard() -> None:
    text = article(3, 1000)
    for edits in (10, 40):
        copy = edited(text, edits, seed=edits)
        shingles = [{tuple(w.split()[i:i + 5]) for i in range(len(w.split()) - 4)}
                    for w in (text, copy)]
        truth = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
        estimate = dedup.similarity(dedup.signature(text), dedup.signature(copy))
        assert abs(estimate - truth) < 0.15


def test_short_and_empty_texts() -> None:
    short = dedup.signature("Ceasefire holds")
    assert short.shape == (dedup.SIGNATURE_SIZE,)
    assert dedup.similarity(short, dedup.signature("ceasefire HOLDS.")) == 1.0
    assert dedup.similarity(short, dedup.signature("Ceasefire collapses")) < 0.5
    assert len(dedup.band_keys(short)) == dedup.BANDS
    empty = dedup.signature("  ... ")
    assert dedup.band_keys(empty) == []
    assert dedup.similarity(empty, dedup.signature("")) == 0.0


def test_band_keys_format() -> None:
    keys = dedup.band_keys(dedup.signature(article(4)))
    assert len(keys) == dedup.BANDS == len(set(keys))
    assert keys[3].startswith("b03:") and len(keys[3]) == 4 + 16


def test_bytes_round_trip() -> None:
    sig = dedup.signature(article(5))
    blob = dedup.to_bytes(sig)
    assert isinstance(blob, bytes) and len(blob) == 8 * dedup.SIGNATURE_SIZE
    assert np.array_equal(dedup.from_bytes(blob), sig)


def test_text_similarity_is_exact_jaccard() -> None:
    text = article(6, 400)
    copy = edited(text, 3, seed=1) + " one more sentence was added at the end"
    shingles = [{tuple(w.split()[i:i + 5]) for i in range(len(w.split()) - 4)}
                for w in (text, copy)]
    truth = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
    assert dedup.text_similarity(text, copy) == pytest.approx(truth)
    assert dedup.text_similarity(text, text) == 1.0
    assert dedup.text_similarity("", text) == 0.0


def test_the_earliest_near_duplicate_candidate_is_linked_and_the_later_article_is_the_copy(
        ) -> None:
    original = article(7)
    copy, other_copy, unrelated = edited(original, 5, 1), edited(original, 5, 2), article(8)
    candidates = [("b-copy", "2024-03-02", other_copy), ("a-unrelated", "2024-01-01", unrelated),
                  ("c-copy", "2024-03-01", copy)]
    link = dedup.near_duplicate_link("new", "2024-03-05", original, iter(candidates))
    assert link is not None
    assert (link.article_id, link.duplicate_of) == ("new", "c-copy")  # not the unrelated one
    assert link.similarity == dedup.text_similarity(original, copy)
    # an article added late that was published first is the original of its copies
    early = dedup.near_duplicate_link("old", "2024-02-01", original, iter(candidates))
    assert early is not None and (early.article_id, early.duplicate_of) == ("c-copy", "old")
    assert dedup.near_duplicate_link("new", "2024-03-05", original,
                                     iter(candidates[1:2])) is None
    assert dedup.near_duplicate_score(original, unrelated) is None
