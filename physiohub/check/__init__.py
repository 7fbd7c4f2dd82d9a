"""Checking a popular article: its research claims and references, and the hub's evidence for each."""
from .checker import check_article
from .extract import article_text, read_article

__all__ = ["article_text", "check_article", "read_article"]
