"""Article text from a file, pasted text, an HTML page or a URL.

HTML goes through trafilatura (the best-maintained main-content extractor in Python, top of the
ScrapingHub and Bevendorff et al. extraction benchmarks): navigation, headers, footers, cookie notes
and comments are dropped. We ask it for Markdown with links so that headings ("## References"),
numbered reference lists and the DOI/URL behind a link survive; the claim finder reads Markdown links
as named sources. If trafilatura finds no main content (a bare fragment, an odd layout), we fall back
to all visible text from lxml, minus script/style/nav/header/footer/aside elements.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, OnlineError
from .document import EDITOR_NOTES

MAX_BYTES = 5_000_000  # a long article is ~100 kB of HTML; anything past this is not an article
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<section|<main)", re.I)
# Markdown escapes trafilatura adds to plain characters ("\[2\]" for "[2]").
_MD_ESCAPE = re.compile(r"\\([\[\]()*_#`>+\-.!|{}])")
# trafilatura drops <figure> with its <figcaption>; a news story's caption often states the finding ("Walking
# eased knee pain, the review found"), so the caption is kept as a paragraph of its own (the image is not).
_FIGURE_TAG = re.compile(r"<(/?)(figcaption|figure)\b", re.I)


_EMPTY_ANCHOR = re.compile(r"<a\b[^>]*>(?:\s|&nbsp;)*</a>", re.I)

# Page builders and editors that paste from word processors write paragraphs as <div>s holding only text and inline
# tags. trafilatura reads such a <div> beside <p> siblings as layout, not text, and drops it (a cited result written
# so is lost with its citation); a browser shows it as a paragraph, so it is read as one.
_BLOCK_TAGS = frozenset({"div", "p", "ul", "ol", "li", "dl", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "section", "article", "main", "header", "footer", "nav", "aside", "form", "figure",
                         "pre", "details", "summary", "iframe", "script", "style", "noscript", "button", "select", "svg"})


_DIV_OR_SECTION = re.compile(r"<(?:div|section)\b", re.I)


def _leaf_divs_as_paragraphs(html: str) -> str:
    if not _DIV_OR_SECTION.search(html):
        return html
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    leaves = [el for el in root.iter("div", "section")
              if (el.text or "").strip() or any((c.tail or "").strip() or (isinstance(c.tag, str) and c.text_content().strip())
                                                for c in el)]
    leaves = [el for el in leaves if not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in el.iterdescendants())]
    if not leaves:
        return html
    for el in leaves:
        el.tag = "p"
    return lxml.html.tostring(root, encoding="unicode")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


def html_to_text(html: str) -> str:
    """Main article text of an HTML page, as light Markdown (headings, lists, links)."""
    import trafilatura

    html = _FIGURE_TAG.sub(lambda m: f"<{m.group(1)}{'p' if m.group(2).lower() == 'figcaption' else 'div'}", html)
    # An empty anchor (a footnote's target "<a name='ref3'></a>", an icon link whose text is lost) makes trafilatura drop
    # the list item it opens, or glue the items of its list into one line: it carries no text, so it goes.
    html = _EMPTY_ANCHOR.sub("", html)
    text = _extract(_leaf_divs_as_paragraphs(html))
    archive = _archive_text(html)
    if archive and len(archive.split()) > 1.5 * len(text.split()):
        # a tag or category page lists several posts, each an <article> with its headline and excerpt: the extractor
        # keeps one of them as "the" article and drops the rest, whose headlines and excerpts state findings too
        text = archive
    if not text.strip():
        text = _lxml_text(html)
    if not text.strip():
        raise InvalidInput("no article text found in the HTML")
    root = _tree(html)   # (parsed once for the passes below, which only read it)
    text = _with_title(html, text, root)
    text = _with_deck(root, text)
    text = _restore_lead_paragraphs(root, text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _restore_link_paragraphs(root, text)
    text = _restore_dropped_lists(root, text)
    text += _dropped_reference_blocks(root, text)
    # Superscript citation numbers ("<sup>1</sup>") become "[1]", the form the claim finder reads.
    text = re.sub(r"<sup>\s*(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)\s*</sup>", r"[\1]", text)
    return re.sub(r"</?(?:sup|sub|span|em|strong|b|i)>", "", text).strip()


def _tree(page: Any) -> Any:
    """The page's element tree: parsed from its HTML, or the tree itself when the caller has parsed it already;
    None when the HTML cannot be read (each pass then leaves the text as it is)."""
    if not isinstance(page, str):
        return page
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _with_title(html: str, text: str, root: Any = None) -> str:
    """The extractor keeps the page's headline as metadata, not text; a reader reads it first, and a headline that
    states a finding is a claim (tests/fixtures/check/real/README.md). It goes back on top as a Markdown title when
    the text does not already hold it."""
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:   # (metadata is a nicety: a page whose head cannot be read keeps its body text)
        return text
    title = " ".join((meta.title or "").split()) if meta else ""
    if not title or len(title.split()) < 3:
        # (the head names only the site, "BioSpace": a print or legacy page sets its headline in an element of its
        # own, "<span class="newstitle">")
        title = _headline_element(html if root is None else root) or title
    if not title or len(title.split()) < 3 or title.lower() in text[:2000].lower():
        return text
    return f"# {title}\n\n{text}"


# A news story's deck under its headline ("<p class="subhead">Popular supplement did no better than a placebo</p>",
# "standfirst", "dek"): the extractor leaves it with the headline's block, but it often states the finding in a line.
_DECK_CLASS = re.compile(r"(?:^|[\s_-])(?:subhead|sub-head|subheadline|sub-headline|subtitle|standfirst|dek|deck|strapline|"
                         r"kicker-summary|article-summary|story-summary)(?:$|[\s_-])", re.I)


def _with_deck(page: Any, text: str) -> str:
    """The story's deck, put back under its title when the extractor dropped it (see _DECK_CLASS); ``page`` is the
    HTML or its tree."""
    if not text.startswith("# "):
        return text
    root = _tree(page)
    if root is None:
        return text
    for el in root.iter("p", "div", "h2", "h3", "span"):
        if _DECK_CLASS.search(el.get("class") or ""):
            words = " ".join(el.text_content().split())
            if not 5 <= len(words.split()) <= 45 or el.xpath(".//p|.//li|.//div") or _alnum(words)[:40] in _alnum(text):
                return text
            title_end = text.find("\n")
            title_end = len(text) if title_end < 0 else title_end
            return text[:title_end] + "\n\n" + words + text[title_end:]
    return text


_HEADLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:news|post|entry|article|story|page)?[_-]?(?:title|headline)(?:$|[\s_-])", re.I)


def _headline_element(page: Any) -> str | None:
    """The text of the first element whose class or id says it is the story's headline ("newstitle", "post-title",
    "entry-title", "headline"), when it reads as one (4 to 30 words); ``page`` is the HTML or its tree."""
    root = _tree(page)
    if root is None:
        return None
    for el in root.iter("span", "div", "p", "td", "h2", "h3", "strong", "b"):
        if _HEADLINE_CLASS.search(el.get("class") or "") or _HEADLINE_CLASS.search(el.get("id") or ""):
            words = " ".join(el.text_content().split())
            if 4 <= len(words.split()) <= 30 and not el.xpath(".//a|.//p|.//li"):
                return words
    return None


# A block the extractor drops as boilerplate but that holds the article's sources: an <aside> "Sources" box, an
# article <footer> with "References: ...", a <div class="references">. Its heading or first words say so.
_REF_BLOCK_START = re.compile(r"^\W{0,3}(?:references?|sources?|bibliography|citations?|further reading|journal references?|"
                              r"further information|useful links|useful resources|more information|"
                              r"studies cited|research cited|literature cited|works cited|footnotes|" + EDITOR_NOTES + r"|notes)\b\s*:?", re.I)
_REF_BLOCK_BODY = re.compile(r"\b(?:19|20)\d{2}\b|\b10\.\d{4,9}/|https?://", re.I)


def _NOTES_MARKUP(el) -> bool:
    """A page's footnote or bibliography block by its markup: a class of "footnotes"/"endnotes", or the DPUB-ARIA roles."""
    cls = (el.get("class") or "").lower()
    return bool(re.search(r"\b(?:footnotes|endnotes)\b", cls) or el.get("role") in ("doc-endnotes", "doc-bibliography"))


def _dropped_reference_blocks(page: Any, text: str) -> str:
    """Reference blocks the main-content extractor left out, as Markdown to append to its text ("" if none)."""
    root = _tree(page)
    if root is None:
        return ""
    out: list[str] = []
    plain = _alnum(text)
    blocks = [(el, None) for el in root.xpath("//aside|//article//footer|//main//footer|//*[contains(@class, 'reference')]"
                         "|//*[contains(@class, 'footnotes')]|//*[contains(@class, 'sources')]|//*[contains(@class, 'citations')]"
                         "|//*[@role='doc-endnotes' or @role='doc-bibliography']")]
    blocks += _headed_lists(root) + _entry_lists(root)
    for el, headed in blocks:
        if headed is not None:
            lines = headed
        else:
            lines = [" ".join(x.text_content().split()) for x in el.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//p|.//li|.//dt|.//dd")]
            lines = [x for x in lines if x] or [" ".join(el.text_content().split())]
        if headed is None and lines[0] and not _REF_BLOCK_START.match(lines[0]) and _NOTES_MARKUP(el) and _REF_BLOCK_BODY.search(" ".join(lines)):
            # the footnotes Markdown renderers and DPUB-ARIA pages write ("<section class="footnotes"
            # role="doc-endnotes"><hr><ol><li>...") carry no heading: the markup says what they are
            lines = ["Notes"] + [ln for ln in (" ".join(x.text_content().split()) for x in el.xpath("./ol/li|./ul/li|.//ol/li"))
                                 if ln] or lines
        if lines[0] and (not _REF_BLOCK_START.match(lines[0]) or not _REF_BLOCK_BODY.search(" ".join(lines))):
            continue
        if all(_kept(x, plain, out) for x in lines[1:] or lines):
            continue   # the extractor kept it, or an outer block already brought it
        if not lines[0]:
            out.append("\n\n".join(lines[1:]))   # a list of entries with no heading over it
        elif len(lines) > 1 and _REF_BLOCK_START.fullmatch(lines[0].strip().rstrip(":")):
            out.append("## " + lines[0].rstrip(":") + "\n\n" + "\n\n".join(lines[1:]))   # a heading over its entries
        else:
            out.append("\n\n".join(lines))   # "References: Holm A, ..." run in
    return "".join("\n\n" + b for b in out)


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _kept(line: str, plain: str, out: list[str]) -> bool:
    """Is this entry already in the text (or in a block brought back before), whatever the markup around it ("*Journal*",
    "[1]" for a superscript number, a list marker)?"""
    key = _alnum(re.sub(r"^\W{0,3}\d{1,3}\W{0,3}\s", "", line))[:50]
    return not key or key in plain or any(key in _alnum(o) for o in out)


_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _heading_like(el) -> str | None:
    """The text of an element that stands as a reference heading: a heading, or a paragraph/div holding only it (often
    in bold: "<p><strong>References</strong></p>")."""
    if el.tag not in _HEADING_TAGS | {"p", "div"} or el.xpath(".//li|.//p|.//ol|.//ul"):
        return None
    words = " ".join(el.text_content().split())
    return words if words and len(words) <= 40 and _REF_BLOCK_START.fullmatch(words.rstrip(":").strip()) else None


def _headed_lists(root) -> list[tuple[None, list[str]]]:
    """A reference heading and the entries after it (list items or paragraphs, up to the next heading), as lines: the
    extractor leaves out a short list at the end of an article (one to three entries), heading and all or not."""
    out = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "div"):
        head = _heading_like(el)
        if head is None:
            continue
        entries: list[str] = []
        for sib in el.itersiblings():
            if not isinstance(sib.tag, str) or sib.tag in _HEADING_TAGS or _heading_like(sib):
                break
            # (a list, paragraphs, or a table's rows: the extractor leaves tables out altogether)
            items = sib.xpath(".//li") if sib.tag in ("ol", "ul") else sib.xpath(".//tr") if sib.tag == "table" \
                else [sib] if sib.tag in ("p", "div") else []
            entries += [t for t in (_with_links(x) for x in items) if t]
        if entries:
            out.append((None, [head] + entries))
    return out


def _with_links(el) -> str:
    """An element's text on one line, its web links written as Markdown links ("[label](https://...)"), the form the
    document reader takes an entry's address or DOI from."""
    import copy

    el = copy.deepcopy(el)
    for a in el.xpath(".//a[starts-with(@href, 'http')]"):
        label = " ".join(a.text_content().split())
        tail = a.tail or ""
        for child in list(a):
            a.remove(child)
        a.text = f"[{label}]({a.get('href')})" if label else ""
        a.tail = tail
    return " ".join(el.text_content().split())


def _entry_lists(root) -> list[tuple[None, list[str]]]:
    """Lists with no heading whose items read as reference entries (the rule the document reader applies to a list with
    no heading), as lines after an empty heading: the extractor leaves out such a list at an article's end."""
    from .document import ref_like_item

    out = []
    for lst in root.iter("ol", "ul"):
        if lst.xpath("ancestor::ol|ancestor::ul|ancestor::nav"):
            continue
        items = [t for t in (_with_links(li) for li in lst.xpath("./li")) if t]
        if items and sum(ref_like_item("- " + t) for t in items) >= 0.6 * len(items):
            # (numbered as the page numbers them; a bulleted entry as a paragraph of its own, as an unmarked entry reads)
            out.append((None, [""] + [f"{i}. {t}" if lst.tag == "ol" else t for i, t in enumerate(items, 1)]))
    return out


def _restore_link_paragraphs(page: Any, text: str) -> str:
    """A paragraph of the article that is one link and nothing else ("Read more at <charity>", "Full study") is where a
    repost names its source, but the extractor keeps only its words (glued to the paragraph before) or drops it, link
    density being its mark of boilerplate. Such a paragraph gets its link back, as a paragraph of its own."""
    root = _tree(page)
    if root is None:
        return text
    scope = root.xpath("//article") or root.xpath("//main") or [root]
    for p in scope[0].xpath(".//p[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"):
        links = p.xpath(".//a[@href]")
        words = " ".join(p.text_content().split())
        if len(links) != 1 or not words or " ".join(links[0].text_content().split()) != words:
            continue
        url = links[0].get("href", "").strip()
        if not re.match(r"https?://", url) or url in text:
            continue
        md = f"[{words}]({url})"
        glued = text.rfind(words)
        if glued >= 0:
            text = text[:glued].rstrip() + "\n\n" + md + text[glued + len(words):]
        else:
            text = text.rstrip() + "\n\n" + md
    return text


_MAX_LEAD = 6


def _restore_lead_paragraphs(page: Any, text: str) -> str:
    """The paragraphs between the page's headline (its first <h1>) and the first paragraph the extractor kept, when the
    extractor dropped them: a page builder's summary block over the body ("<div class='article-summary'>" on Webflow)
    is read as a separate box, yet it is the article's opening, and often its finding ("A review of eight studies found
    ..."). They go back under the title, in order."""
    root = _tree(page)
    if root is None:
        return text
    h1 = next(iter(root.iter("h1")), None)
    if h1 is None:
        return text
    plain = _alnum(re.sub(r"\]\((?:<[^>]*>|[^\s]*)\)", "]", text))   # (the words of the text, links without their addresses)
    lead: list[str] = []
    started = False
    for el in root.iter():
        if el is h1:
            started = True
            continue
        if not started or el.tag != "p" or el.xpath("ancestor::nav|ancestor::footer|ancestor::aside|ancestor::form"):
            continue
        words = " ".join(el.text_content().split())
        if not words:
            continue
        if _alnum(words)[:60] in plain:
            break   # the body the extractor kept starts here
        if len(words.split()) >= 8:
            lead.append(words)
        if len(lead) >= _MAX_LEAD:
            return text   # (more than a summary's worth: a layout the extractor was right to leave, a sidebar or a feed)
    if not lead:
        return text
    block = "\n\n".join(lead)
    if text.startswith("# "):
        end = text.find("\n")
        end = len(text) if end < 0 else end
        return text[:end] + "\n\n" + block + text[end:]
    return block + "\n\n" + text


def _restore_dropped_lists(page: Any, text: str) -> str:
    """A list of the article the extractor dropped whole (it happens to a list under a lead-in paragraph inside tab
    panels and page-builder blocks), while it kept the paragraph before it: the list's items go back after that
    paragraph as Markdown items, since its bullets often hold the claims ("Exercise can help people with RA:" /
    "- ... In one study, the scores ... dropped ..."). A list that is mostly links is a menu, left out."""
    root = _tree(page)
    if root is None:
        return text
    scope = root.xpath("//article") or root.xpath("//main") or [root]
    plain = _alnum(text)
    for lst in scope[0].xpath(".//ul[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or ancestor::li)]"
                              "|.//ol[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or ancestor::li)]"):
        items = [" ".join(li.text_content().split()) for li in lst.xpath("./li")]
        items = [x for x in items if x]
        if len(items) < 2 or any(_alnum(x)[:40] in plain for x in items):
            continue
        link_words = sum(len(" ".join(a.text_content().split())) for a in lst.xpath(".//a"))
        if link_words > 0.5 * sum(len(x) for x in items):
            continue
        before = lst.getprevious()
        lead = " ".join(before.text_content().split()) if before is not None and before.tag == "p" else ""
        at = text.find(lead[-60:]) if len(lead) >= 20 else -1
        if at < 0:
            continue
        end = text.find("\n", at + len(lead[-60:]))
        end = len(text) if end < 0 else end
        marker = (lambda n: f"{n}. ") if lst.tag == "ol" else (lambda n: "- ")
        block = "\n\n" + "\n".join(marker(n) + x for n, x in enumerate(items, 1))
        text = text[:end] + block + text[end:]
        plain = _alnum(text)
    return text


# trafilatura hands a page whose main text comes out under ``min_extracted_size`` (250 characters) to its other
# extractors, the last of which writes every inline element on a line of its own and drops the links ("A\nstudy\nfound
# that ..."): a short news item or clinic note loses the link that is its source, and its sentences break at each link.
_SHORT_PAGE_CHARS = 2000
_KEPT_SHARE = 0.8


def _extract(html: str) -> str:
    """trafilatura's main text as Markdown with links; on a short page, its main-content pass taken as it is when it
    holds most of the words of what the default settings give (see ``_SHORT_PAGE_CHARS``)."""
    import trafilatura
    from trafilatura.settings import use_config

    kw = dict(output_format="markdown", include_links=True, include_comments=False, include_tables=False,
              include_images=False, favor_precision=False)
    text = trafilatura.extract(html, **kw) or ""
    if len(text) >= _SHORT_PAGE_CHARS:
        return text
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    short = trafilatura.extract(html, config=config, **kw) or ""
    # (the main-content pass leaves the headline out; it is put back before the words are compared, as it is after)
    if short.strip() and len(_with_title(html, short).split()) >= _KEPT_SHARE * len(text.split()):
        return short
    return text


def _archive_text(html: str) -> str | None:
    """The posts of an archive page (two or more <article> elements side by side), each as its headline and its
    paragraphs, or None when the page is not one."""
    if len(re.findall(r"<article\b", html, re.I)) < 2:
        return None   # (most pages: no second parse of the HTML)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    posts = root.xpath("//article[not(ancestor::article)]")
    if len(posts) < 2 or len({id(a.getparent()) for a in posts}) != 1 or posts[0].xpath("ancestor::aside|ancestor::footer"):
        return None
    blocks = []
    for post in posts:
        for el in post.xpath(".//h1|.//h2|.//h3|.//h4|.//p|.//li"):
            if re.search(r"read-more|entry-meta|byline|posted-on|share", el.get("class") or "") or el.xpath(
                    "ancestor::*[contains(@class, 'entry-meta') or contains(@class, 'share')]"):
                continue
            t = " ".join(el.text_content().split()) if el.tag.startswith("h") else _with_links(el)
            if t and not re.fullmatch(r"(?i)read more\W*|continue reading\W*", t):
                blocks.append(("## " + t) if el.tag.startswith("h") else t)
    return "\n\n".join(blocks) or None


def _lxml_text(html: str) -> str:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for el in root.xpath("//script|//style|//nav|//header|//footer|//aside|//noscript|//form"):
        el.drop_tree()
    blocks = []
    for el in root.xpath("//h1|//h2|//h3|//h4|//p|//li|//blockquote"):
        # (links kept as Markdown links: on a page the extractor could not read, a link is still how it names a source)
        t = " ".join(el.text_content().split()) if el.tag.startswith("h") else _with_links(el)
        if t:
            blocks.append(("## " + t) if el.tag in ("h1", "h2", "h3", "h4") else t)
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(blocks)


def decode(data: bytes, name: str = "article") -> str:
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{name} is larger than {MAX_BYTES // 1_000_000} MB; not an article")
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{name} looks binary, not text or HTML")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def article_text(text: str, *, html: bool | None = None) -> str:
    """Plain/Markdown text of an article given as text or HTML (``html=None``: detect)."""
    if html is None:
        html = looks_like_html(text)
    return html_to_text(text) if html else text.replace("\r\n", "\n").strip()


def read_article(source: str | Path, *, html: bool | None = None, client=None) -> tuple[str, bool]:
    """(raw text, is_html) of a file path or an http(s) URL. URLs need the network."""
    s = str(source)
    if re.match(r"https?://", s, re.I):
        return fetch_url(s, client=client)
    path = Path(s)
    if not path.is_file():
        raise InvalidInput(f"no such file: {s}")
    raw = decode(path.read_bytes(), path.name)
    if html is None:
        html = path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(raw)
    return raw, html


def fetch_url(url: str, *, client=None, timeout: float = 20.0) -> tuple[str, bool]:
    """Download an article page. ``client`` (an httpx.Client) is injectable for tests."""
    import httpx

    own = client is None
    c = client or httpx.Client(timeout=timeout, follow_redirects=True,
                               headers={"User-Agent": "PhysioHub-article-check/0.1"})
    try:
        resp = c.get(url)
    except httpx.HTTPError as e:
        raise OnlineError(f"cannot fetch {url}: {type(e).__name__}: {e}".splitlines()[0]) from e
    finally:
        if own:
            c.close()
    if resp.status_code >= 400:
        raise OnlineError(f"cannot fetch {url}: HTTP {resp.status_code}")
    ctype = resp.headers.get("content-type", "")
    if ctype and not any(t in ctype for t in ("html", "text", "xml")):
        raise InvalidInput(f"{url} is {ctype.split(';')[0]}, not an article page")
    body = decode(resp.content, url)
    return body, "html" in ctype or looks_like_html(body)
