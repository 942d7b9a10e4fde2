"""Static vectors: BERT's uncased WordPiece written out in Python, the mean-pooled sentence
vector, and the shipped distillation's sense of which words mean alike."""

import numpy as np
import pytest

from chronicle.extract import vectors
from chronicle.extract.vectors import StaticVectors, basic_words

TOKENS = ["[PAD]", "[UNK]", "troops", "shell", "##ed", "the", "town", ".", ",", "cafe", "un"]


def tiny() -> StaticVectors:
    matrix = np.zeros((len(TOKENS), 3), dtype=np.float32)
    matrix[TOKENS.index("shell")] = [1, 0, 0]
    matrix[TOKENS.index("##ed")] = [0, 1, 0]
    matrix[TOKENS.index("town")] = [0, 0, 1]
    return StaticVectors(TOKENS, matrix)


def test_basic_words_lowercase_strip_accents_and_split_punctuation():
    assert basic_words("The Café, shelled.") == ["the", "cafe", ",", "shelled", "."]
    # every ASCII symbol is a word of its own, as in BERT ("$5" -> "$", "5")
    assert basic_words("U.N. $5") == ["u", ".", "n", ".", "$", "5"]
    # control characters vanish, non-breaking spaces separate
    assert basic_words("a\u200bb\u00a0c") == ["ab", "c"]


def test_wordpiece_takes_the_longest_piece_first_and_unknown_words_whole():
    model = tiny()
    ids = model.token_ids("Troops shelled the town.")
    assert [TOKENS[i] for i in ids] == ["troops", "shell", "##ed", "the", "town", "."]
    # "shellx": "shell" matches but no "##x" piece does, so the whole word is unknown and dropped
    assert model.token_ids("shellx town") == [TOKENS.index("town")]


def test_sentence_vector_is_the_unit_mean_of_its_tokens():
    model = tiny()
    vector = model.sentence_vector("shelled town")
    assert np.allclose(vector, np.array([1, 1, 1]) / np.sqrt(3))
    assert not model.sentence_vector("zzz").any()  # no known token: zeros, not NaN
    assert model.sentence_vectors(["town", "shelled"]).shape == (2, 3)


def test_mismatched_vocabulary_and_matrix_are_refused():
    with pytest.raises(ValueError):
        StaticVectors(TOKENS[:-1], np.zeros((len(TOKENS), 3), dtype=np.float32))


def test_load_reads_the_two_files(tmp_path):
    matrix = np.arange(len(TOKENS) * 2, dtype=np.float16).reshape(len(TOKENS), 2)
    np.save(tmp_path / "v.npy", matrix)
    (tmp_path / "v.vocab").write_text("\n".join(TOKENS) + "\n", encoding="utf-8")
    model = StaticVectors.load(tmp_path, stem="v")
    assert model.dims == 2 and model.matrix.dtype == np.float32
    assert model.index["town"] == TOKENS.index("town")


def test_shipped_vectors_put_acts_of_force_near_each_other():
    model = vectors.load_static_vectors()
    assert model.dims <= 128 and len(model.index) > 20_000
    # neither pair shares a word: only the distilled meaning can bring them together
    force = model.similarity("Artillery bombarded the city.", "Troops shelled the town.")
    talks = model.similarity("Artillery bombarded the city.", "Ministers held talks in Geneva.")
    assert force > talks + 0.1
    assert model.similarity("negotiations", "talks") > model.similarity("negotiations", "missile")
