"""Turn any user text into a safe full-text (FTS5 MATCH) expression.

A user never writes FTS5 syntax: quotes, ``AND``/``OR``/``NOT``/``NEAR``, ``-``, ``*``, ``^``, ``:``,
brackets and column filters are all plain text to us. We cut the query into word tokens ourselves
(letters and digits, as FTS5's unicode61 tokenizer does), drop English stopwords, quote every term and
join them with ``OR``: the bag-of-words BM25 that BEIR's Elasticsearch baseline runs. Stemming is left
to the index's porter tokenizer, which sees the quoted terms exactly as it saw the documents.

Very long text (a pasted paragraph, a claim) keeps its first ``MAX_TERMS`` distinct terms: BM25 cost
grows with every posting list read, and the head of a text carries its topic.
"""
from __future__ import annotations

import re
import unicodedata

MAX_TERMS = 64
MAX_QUERY_CHARS = 20_000  # read no further into a pasted document than this

# Lucene's English stop set (EnglishAnalyzer / Elasticsearch "english"), which BEIR's BM25 uses.
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with".split()
)

# Letters and digits (any script); everything else separates terms. "_" separates too, as in unicode61.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens, stopwords removed, in order (duplicates kept)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", str(text)[:MAX_QUERY_CHARS])
    return [t for t in (m.group(0).casefold() for m in _TOKEN.finditer(text)) if t not in STOPWORDS]


def query_terms(text: str, max_terms: int = MAX_TERMS) -> list[str]:
    """Distinct terms in first-seen order, at most ``max_terms``.

    Duplicates are dropped: FTS5 would score a repeated phrase twice, which lets a word the user
    happened to repeat dominate the ranking.
    """
    seen: dict[str, None] = {}
    for t in tokenize(text):
        if t not in seen:
            seen[t] = None
            if len(seen) >= max_terms:
                break
    return list(seen)


def _quote(term: str) -> str:
    # Inside an FTS5 string a double quote is written twice; our tokens hold none, but be exact.
    return '"' + term.replace('"', '""') + '"'


def match_expression(text: str, max_terms: int = MAX_TERMS) -> str | None:
    """The FTS5 MATCH string for ``text``, or None when nothing searchable is left."""
    terms = query_terms(text, max_terms)
    if not terms:
        return None
    return " OR ".join(_quote(t) for t in terms)
