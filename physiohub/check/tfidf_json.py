"""TF-IDF blocks (word 1-2-grams, character 2-5-grams) stored as plain JSON, shared by the check's small
linear models (``strength.py``, ``claim_model.py``): no pickle, no dependence on the scikit-learn version
that trained them."""
from __future__ import annotations

from typing import Any

import numpy as np

# Vectoriser settings, shared by training and loading so the two cannot drift apart.
WORD_PARAMS: dict[str, Any] = {
    "analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "min_df": 2,
    "token_pattern": r"(?u)\b\w+\b", "lowercase": True,
}
CHAR_PARAMS: dict[str, Any] = {
    "analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True, "min_df": 2, "lowercase": True,
}


def load_blocks(blocks: list[dict[str, Any]]) -> list[Any]:
    """Fitted word and character vectorisers from their stored vocabulary and idf."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    out = []
    for block, params in zip(blocks, (WORD_PARAMS, CHAR_PARAMS)):
        vec = TfidfVectorizer(**{**params, "min_df": 1}, vocabulary={t: i for i, t in enumerate(block["terms"])})
        vec.idf_ = np.asarray(block["idf"], dtype=np.float64)
        out.append(vec)
    return out


def export_blocks(word: Any, char: Any) -> list[dict[str, Any]]:
    """The JSON form of two fitted vectorisers: terms in column order, idf rounded to 5 places."""
    blocks = []
    for vec in (word, char):
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        blocks.append({"terms": terms, "idf": [round(float(v), 5) for v in vec.idf_]})
    return blocks
