"""Titles and abstracts with inline markup: plain text plus a safe HTML copy keeping i/b/sup/sub.

PubMed, Crossref and JATS put inline markup in titles (``<i>Staphylococcus</i>``, ``CO<sub>2</sub>``,
MathML). Readers want it; everything else must go. We rebuild the HTML from the parsed tree (so no
attribute, script or unknown tag can survive) instead of filtering a string.
"""
from __future__ import annotations

import html
import re

from lxml import etree

from .normalize import clean_text

KEEP = {"i": "i", "italic": "i", "em": "i", "b": "b", "bold": "b", "strong": "b",
        "sup": "sup", "sub": "sub"}
_WS = re.compile(r"\s+")


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower()


def element_text(el: etree._Element) -> str:
    """All text under an element, white space collapsed."""
    if len(el) == 0:
        return clean_text(el.text)
    return clean_text("".join(el.itertext()))


def _html_parts(el: etree._Element, out: list[str]) -> None:
    if el.text:
        out.append(html.escape(el.text, quote=False))
    for child in el:
        tag = KEEP.get(_local(child.tag))
        if tag:
            out.append(f"<{tag}>")
            _html_parts(child, out)
            out.append(f"</{tag}>")
        elif isinstance(child.tag, str):
            _html_parts(child, out)
        if child.tail:
            out.append(html.escape(child.tail, quote=False))


def element_html(el: etree._Element) -> str:
    """The element's content as HTML keeping only i/b/sup/sub; other tags give their text."""
    if len(el) == 0:
        return html.escape(clean_text(el.text), quote=False)
    out: list[str] = []
    _html_parts(el, out)
    return _WS.sub(" ", "".join(out)).strip()


_FRAGMENT_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                                   huge_tree=False)
_NS_PREFIX = re.compile(r"<(/?)[A-Za-z][\w.-]*:")


def fragment_root(text: str) -> etree._Element | None:
    """Parse a markup string (Crossref title, JATS abstract) into a tree; namespace prefixes dropped."""
    body = _NS_PREFIX.sub(r"<\1", text)
    body = html.unescape(body.replace("&lt;", "\x00lt;").replace("&amp;", "\x00amp;"))
    body = body.replace("&", "&amp;").replace("\x00lt;", "&lt;").replace("\x00amp;", "&amp;")
    try:
        return etree.fromstring(f"<root>{body}</root>".encode(), _FRAGMENT_PARSER)
    except etree.XMLSyntaxError:
        return None


def string_markup(text: str | None) -> tuple[str, str]:
    """A title string that may carry markup -> (plain, html)."""
    if not text:
        return "", ""
    if "<" not in text and "&" not in text:
        t = clean_text(text)
        return t, html.escape(t, quote=False)
    root = fragment_root(text)
    if root is None:
        t = clean_text(re.sub(r"<[^>]+>", " ", text))
        return t, html.escape(t, quote=False)
    return element_text(root), element_html(root)
