"""An article's text cut into body sentences and its reference list.

Input is plain text or the light Markdown ``extract.html_to_text`` makes. Paragraphs are runs of
non-blank lines (hard-wrapped text joins back up); headings are Markdown ``#`` lines or short lines
without final punctuation. The reference list is everything under a heading such as "References",
"Sources" or "Studies cited" up to the next heading (an article keeps its list at the end; a "Further
reading" box in the middle is handled the same way). Markdown links are replaced by their text and the
URL is kept with the sentence, because a link is how web articles most often name their source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source_blocks import only_address, provided_by, source_line, source_rest, without_trailing_note
from ..text import split_spans
from .reference_names import NAME_AFTER_NUMBER
from .reference_lines import (ACCESS_NOTE, ELSEVIER_DATE, INITIALS_FIRST as _INITIALS_FIRST, refs_lead_in, strip_link_labels,
                              title_then_credit,
                              unglue_numbers, web_entry)

# A research-review blog's heading over the one paper it reviews ("Article Reviewed", "Study reviewed", "Paper under
# review"): its first entry is the reference, the paragraphs after it are the review's text.
ONE_PAPER_HEADING = re.compile(r"^(?:the\s+)?(?:article|study|paper|trial|research)\s+(?:reviewed|under review|discussed|summari[sz]ed)\s*:?$",
                               re.I)
# A press release's "Notes to editors", which carry the paper's entry among notes about the organisation.
EDITOR_NOTES = r"notes (?:to|for) editors?|editors?'?\u2019?s? notes"
_EDITOR_NOTES = re.compile(rf"^(?:{EDITOR_NOTES})\s*:?$", re.I)
# A reference heading that is also a common section title ("The Research", "Evidence"): a list only when an entry follows.
_GENERIC_REF_HEADING = re.compile(r"(?:the )?(?:studies|research|papers|articles|evidence|trials)\s*:?", re.I)
REF_HEADING = re.compile(
    # (a form's plural in brackets, "Reference(s)", "Source(s)"; a record's "Bibliographic source(s)" / "details")
    r"^(?:references?|reference\(s\)|reference list|sources?(?: and further reading)?|source\(s\)|bibliography|citations?|works cited|"
    r"bibliographic (?:sources?|source\(s\)|references?|reference\(s\)|citations?|details|record)|"
    r"(?:the )?(?:studies|research|papers|articles|evidence|trials)(?: (?:cited|mentioned|referenced|used|quoted|we used|in this article))?|"
    r"further reading|reading list|literature|notes|footnotes|endnotes|journal references?|study references?|"
    + EDITOR_NOTES + "|"
    r"original (?:study|article|paper|research)|key references|selected references|references and further reading|"
    r"for (?:reference|further reading)|references? for this (?:story|article|post)|web ?links?|source links?|story sources?)\s*:?$"
    # "Sources and references", "References & further reading", "Research cited in this article", "Literature cited"
    r"|^(?:sources?|references?|citations?)\s+(?:and|&)\s+(?:references?|sources?|further reading|notes|citations?|resources)\s*:?$"
    r"|^(?:the\s+)?(?:research|studies|papers|articles|sources|literature|evidence)\s+(?:cited|referenced|mentioned|used|quoted|reviewed)"
    r"(?:\s+(?:in|on|for)\s+(?:this|the)\s+(?:article|post|blog|page|story|piece|video))?\s*:?$"
    # a qualified heading of a strong kind: "Pilates Bibliography", "Scientific references" (not "sources" or
    # "literature": "Protein sources" and "Review of the literature" are sections of text)
    r"|^(?:[\w'\-]+\s+){1,3}(?:references|bibliography|further reading|reading list|works cited)\s*:?$"
    # a reading list under a heading that recommends it: "Recommended Reading", "Suggested reading", "Additional reading"
    r"|^(?:recommended|suggested|additional|essential|background|useful|key)\s+(?:reading|readings|literature)\s*:?$"
    r"|" + ONE_PAPER_HEADING.pattern[1:],
    re.I,
)
# A list item that is a reference even without a heading: an identifier, or a year in the places
# APA ("(2021).") and Vancouver ("2021;55") put it.
# (a month may sit in brackets between the year and the volume: "Spine J 2004 (Sep); 4 (5): 574-583")
_REF_LIKE = re.compile(r"\b10\.\d{4,9}/\S+|\bPMID:?\s*\d|pubmed\.ncbi|\((?:19|20)\d{2}[a-z]?\)\.|\b(?:19|20)\d{2};\s*\(?\d"
                       r"|\b(?:19|20)\d{2}\s*\([A-Z][a-z]{2}[^)]{0,10}\)\s*;\s*\d"
                       # (or without brackets, as NLM writes it: "2013 Feb 6;309:461")
                       r"|\b(?:19|20)\d{2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?\s*;\s*\(?\d"
                       # (Elsevier's numbered style: the volume, the year in brackets, the pages: "12 (2021) 45-67")
                       r"|" + ELSEVIER_DATE, re.I)
# A reference entry written as a plain line, with no heading and no list marker above it: authors first
# ("McMorland G, Suter E, ...", "Pinto, Rafael Zambelli.") and a journal's year-volume or an identifier.
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|dos|das|del|della|le|la|ten|ter)"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff"
_ENTRY_START = re.compile(rf"^(?:{_PARTICLE} )*[{_UP}][{_UP}{_LOW}'\u2019\-]+(?: {_PARTICLE}\b)*(?: [{_UP}][{_UP}{_LOW}'\u2019\-]+)?,?\s+"
                          rf"(?:[A-Z]{{1,3}}\b[,.]?|[A-Z]\.|[{_UP}][{_LOW}]+(?: [{_UP}][{_LOW}]+)*[.,]"
                          # (Chicago's given name with a middle initial: "Holm, Anna B., Carl Berg, and ...")
                          rf"|[{_UP}][{_LOW}]+(?:\s[A-Z]\.)+,)")
# (the Cochrane "2005;(3):CD000335", and APA's "(2015). Title" — a narrative "Lee (2015) found" has no full stop there)
_ENTRY_BODY = re.compile(r"\b(?:19|20)\d{2}\s*[;,]\s*(?:[A-Z][a-z]+\s*;\s*)?\(?\d+|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d"
                         # NLM/Vancouver with the month and day: "JAMA 2013 Feb 6;309(5):461-9", "2019 Jan; 44(2)"
                         r"|\b(?:19|20)\d{2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?\s*;\s*\(?\d"
                         r"|\((?:19|20)\d{2}[a-z]?\)\.\s+\S"
                         # (a comma after the bracketed year, as some Harvard lists write it: "Lee AB (2007), Title, ...")
                         r"|\((?:19|20)\d{2}[a-z]?\),\s+[A-Z]"
                         # Chicago "16, no. 1 (2012): 109–14"
                         r"|\((?:19|20)\d{2}\):\s*\d"
                         # the year last after volume and pages: "Br J Sports Med, 43;409-416, 2009"
                         r"|[\d)]\s*[;:(,]\s*\d+[\w)\-\u2013]*,\s*(?:19|20)\d{2}\.?\s*$"
                         # author-date without a full stop, the volume and pages later: "(2005) Title. Journal 51:87-94"
                         r"|\((?:19|20)\d{2}[a-z]?\)\s+[A-Z].*\s\d+[A-Z]?\s*(?:\(\w+\))?\s*:\s*[\w\-\u2013]+"
                         # (or a comma before the pages, the entry's end: "(2004) Title. Journal Name 328(7), 680-683.")
                         r"|\((?:19|20)\d{2}[a-z]?\)\s+[A-Z].*\s\d+[A-Z]?\s*(?:\(\w+\))?,\s*[A-Za-z]?\d+(?:[\-\u2013][A-Za-z]?\d+)?\.?\s*$"
                         # Harvard with the year after the authors: "Cook, J. L., & Purdam, C. R., 2009. Title"
                         r"|^[^()]{0,200}?[A-Z]\.,?\s+(?:19|20)\d{2}[a-z]?\.\s+[A-Z]"
                         # MLA 9 "vol. 12, no. 3, 2021, pp. 45-67" and IEEE "vol. 73, no. 3, pp. 393-400, 1997"
                         r"|\bvol\.\s*\d+,\s*(?:no\.\s*\d+,\s*)?(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}\b|pp?\.\s*\d)"
                         # a book or a chapter in one (NLM): "In: Lee A, editor." / "London: Example Press; 2018"
                         r"|\bIn:\s+[^.]{3,200}?,\s+(?:eds?|editors?)\.|(?:^|\.\s)[A-Z][A-Za-z .]{2,40}(?:\s\([A-Z]{2,4}\))?:\s*[^:;.]{2,80};\s*(?:19|20)\d{2}\b")
# Two or more Vancouver authors and then the title: an entry even without its year ("Bryan M, Hawson S. Title.").
_VANC_AUTHORS = re.compile(rf"^(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+ [A-Z]{{1,3}}(?:, (?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+"
                           rf"(?: [{_UP}][\w'\u2019\-]+)? [A-Z]{{1,3}})+(?:,? et al)?\.\s+[A-Z]")


# A reference written as labelled fields, one a line ("Title: Arthritis Rheum", "Author: Lee A et al. Title.",
# "URL: https://...", and a "Journal Year;Vol:Pages" line): the lines are joined with FIELD_JOIN into one entry.
FIELD_LABEL = re.compile(r"^\W{0,3}(title|authors?|by|url|link|web ?address|journal|source|publication|published|date|year|"
                         r"doi|pmid|citation|volume|pages)\s*:\s*(.*)$", re.I)
FIELD_JOIN = " | "
# A citation copied from a PubMed abstract page: the journal's abbreviation and the date first, then identifiers,
# the title and the authors ("J Physiother. 2015 Jun 17. pii: S18...; doi: 10.x. [Epub ahead of print] Title.
# Holm AB1, Berg CD2."; "Spine (Phila Pa 1976). 2019 Jan;44(2):100-9. doi: 10.x. Title. Authors.").
PUBMED_CITATION = re.compile(r"^(?P<journal>[A-Z][A-Za-z&\-]*\.?(?:\s+[A-Za-z&\-]+\.?){0,7}(?:\s+\([^()]{1,30}\))?)\.?\s+"
                             r"(?P<year>(?:19|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?(?:\s*;\s*[\w()\-:.\u2013]*?)?\.\s+"
                             r"(?P<rest>(?=.*\b(?:pii|doi|PMID|Epub)\b).+)$", re.I)


def labelled_entry(lines: list[str]) -> bool:
    """Do these lines make one reference of labelled fields: two or more labels, a title or an author among them?"""
    labels = [m.group(1).lower() for m in (FIELD_LABEL.match(x.strip()) for x in lines) if m]
    return len(labels) >= 2 and bool({"title", "author", "authors", "by"} & set(labels)) and len(lines) <= 8


# An entry written title first, the APA author list last ("Title: a pilot randomized trial. Figueiredo, D., Ciol, M.,
# da Conceição dos Santos, M., ... & Tucci, H."): three or more "Surname, I." names ending the paragraph.
_APA_NAME = rf"(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+(?: (?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+){{0,2}},\s+(?:[A-Z]\.\s?-?){{1,3}}"
TITLE_THEN_AUTHORS = re.compile(rf"(?:^|[.?!]\s+)(?P<authors>{_APA_NAME}(?:,\s+{_APA_NAME}){{1,}},?\s+(?:&|and)\s+{_APA_NAME})\s*$")


def _plain_entry(line: str) -> bool:
    line = line.strip()
    return len(line) > 40 and bool(((_ENTRY_START.match(line) or _INITIALS_FIRST.match(line)) and _ENTRY_BODY.search(line))
                                   or _VANC_AUTHORS.match(line) or (_INITIALS_FIRST.match(line) and re.search(ELSEVIER_DATE, line)))


# The items of a run-in sources line: cut at "; " before a capital, or, in a line without semicolons, at a full stop
# after a year ("SOURCES: Journal, March 3, 2021. University, news release, March 3, 2021. Jane Smith, MD, ...").
# (not before a volume or issue label: "Source: JMPT. September 2005; Vol. 28, No. 7" is one journal citation)
_SOURCE_ITEMS = re.compile(r";\s+(?=[A-Z])(?!(?:Vol|Volume|No|Issue|Suppl|Pp?)\b\.?\s*\d)|(?<=(?:19|20)\d{2})\.\s+(?=[A-Z])(?!(?:Epub|Published|Available|Accessed|Retrieved|Online|DOI|PMID)\b)(?!.*;)")
# (science-news sites close with "More information: Authors, Title, Journal (2019). DOI: ..."; journals' pages with "Cite this
# article:" — an entry when what follows reads as one)
_RUN_IN_STUDY = re.compile(r"^\W{0,3}(?:(?:the |read the |full |original |link to (?:the )?|source |sources )?(?:study|paper|publication|article|ref|refs|cite|research|from)"
                           r"|(?:study|paper|research) link"
                           r"|more information|cite this (?:article|paper|study|page|post)|how to cite(?: this (?:article|paper))?|to cite(?: this (?:article|paper))?)"
                           r"\s*:\W{0,3}\s*(?=\S)", re.I)
_RUN_IN_REFS = re.compile(r"^\W{0,3}(?:references?|sources?|story sources?|via|studies cited|citations?|journal references?|study references?|"
                          r"(?:study|paper|article|research|journal) citations?|"
                          r"original (?:study|article|paper|research|story|post|source|news release|press release)|sourced from|"
                          r"adapted from|republished from|reprinted from|here is the original|read the original(?: story| article)?)"
                          r"\s*:\W{0,3}\s*(?=\S)", re.I)
# A reference list run into the end of a paragraph: "... would be wise. References: 1. Robroy M, et al. Title. 2013.
# 2. Cleland JA, et al. Title. J Orthop Sports Phys Ther. 2013." — the label after a sentence's end, then entries.
_RUN_IN_LIST = re.compile(r"(?<=[.!?)\]\"\u201d])\s+(?:References?|Sources?|Citations?|Bibliography|Studies cited)\s*:\s+(?=\S)")
# ... whose numbered entries are cut where the next number opens a name ("2. Cleland JA", "3. Holm, A.").
_INLINE_ENTRY_NUMBER = re.compile(rf"\s+(?=\d{{1,2}}\.\s+(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+,?\s+[A-Z])")
_INLINE_ENTRY_SEMICOLON = re.compile(rf";\s+(?=(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+\s[A-Z]{{1,3}}\b[,.]?\s)")
# (a URL may hold balanced brackets: the Lancet's DOIs "10.1016/S0140-6736(17)32457-1")
# (and the extractor writes an address holding brackets in angle brackets: "[The Lancet](<https://...(24)00755-4/fulltext>)")
_LINK_URL = r"<?(https?://(?:[^()\s<>]|\([^()\s]*\))+)>?"
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(" + _LINK_URL + r"\)")
# (a list may be numbered with superscript digits: "¹ Holm A, Berg C. Title. ...")
# (PubMed's text export numbers its entries with a colon, the authors next: "1: Lee AB, Park C. Title. J Abbrev. 2016
# Mar;45:69-82." — a number and a colon opening a name and initials, not "2: the next step")
_COLON_NAME = rf"(?=\s+(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+(?: [{_UP}][\w'\u2019\-]+){{0,2}}\s[A-Z]{{1,3}}[,.]\s)"
_COLON_NUMBER = rf"\d{{1,3}}:{_COLON_NAME}"
_LIST_ITEM = re.compile(rf"^\s*(?:[-*\u2022+]|\d{{1,3}}[.)]|{_COLON_NUMBER}|\[\d{{1,3}}\]|\(\d{{1,3}}\)|[\u00b9\u00b2\u00b3\u2070-\u2079]{{1,3}})\s+")
_HEADING_MD = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
# A line led by a pictograph is a bullet on pages written for social media and podcast notes ("✅ Key Finding: ...",
# "⚠️ Minimalist shoes ...", "👟 Super shoes ..."): a list item for the claims, as a "-" bullet would be.
_EMOJI_ITEM = re.compile(r"^\s*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?\s+")


@dataclass
class Sentence:
    text: str                    # links replaced by their text
    paragraph: int
    links: list[str] = field(default_factory=list)   # URLs linked inside the sentence
    heading: str = ""            # the heading the sentence sits under
    item: bool = False           # the sentence is (part of) a list item


@dataclass
class Document:
    title: str
    sentences: list[Sentence]
    reference_lines: list[str]   # one entry per reference (list markers kept; links as "text <url>")
    headings: list[str]


def _text_and_address(m: re.Match) -> str:
    label, url = m.group(1), m.group(2)
    # a link whose text is its own address ("https://doi.org/10.1177/0363546515584760" linked to itself) is written once
    same = re.sub(r"^(?:https?://)?(?:www\.)?|/$", "", label.strip()).lower() == re.sub(r"^https?://(?:www\.)?|/$", "", url).lower()
    return label if same else f"{label} <{url}>"


def _entry_links(text: str) -> str:
    """A reference entry's Markdown links as "text <url>", the form the reference reader takes (a link whose text is
    its address, once)."""
    return _MD_LINK.sub(_text_and_address, text)


def strip_links(text: str) -> tuple[str, list[str]]:
    """Markdown links to their text; returns the text and the URLs."""
    urls: list[str] = []

    def repl(m: re.Match) -> str:
        urls.append(m.group(2))
        return m.group(1)

    return _MD_LINK.sub(repl, text), urls


# The start of an entry, strictly: a surname and then initials with their punctuation ("Cook, J. L.,", "Lind P,",
# "Lind PA.") or a given name and a comma ("Altan, Lale,") — not a wrapped journal line ("Br J Sports Med.").
_STRICT_START = re.compile(rf"^(?:{_PARTICLE} )*[{_UP}][{_UP}{_LOW}'\u2019\-]+(?: [{_UP}][{_UP}{_LOW}'\u2019\-]+)?"
                           rf"(?:,\s+[A-Z]\.|,\s+[{_UP}][{_LOW}]+,|\s[A-Z]{{1,3}}[,.]\s)")


def ref_like_item(item: str) -> bool:
    """A list item that reads as a reference entry: an identifier or a year where styles put it, an entry's shape
    (authors first, then a journal's volume or the year after them), or a web source's access note."""
    body = _LIST_ITEM.sub("", item, count=1)
    body = re.sub(r"^\d{1,3}\.\s+", "", body)   # "- 1. Lee, Ann. ...": a bullet kept before the entry's own number
    return bool(_REF_LIKE.search(item) or _ACCESS_NOTE.search(body) or _MLA_WEB.search(body)) or _plain_entry(body) \
        or bool(_ORG_PAGE.match(body) or _ORG_REPORT.match(body))


# An MLA web entry: fields cut by commas, ending with the page's address, written without its scheme as MLA 9 does
# ("'Shin Pain.' Example Site, 10 Aug. 2020, www.example.org/shin." / "_OrthoInfo_, orthoinfo.example.org/en/shin.")
_MLA_WEB = re.compile(r",\s*(?:https?://|www\.|[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|gov|edu|net|int|info|uk|au|ca|nz|ie)/)\S*\.?\s*$")


# A web source's access note before its address, as Harvard ("Available at: URL"), Vancouver ("Available from: URL")
# and APA 6 ("Retrieved from URL") write it.
_ACCESS_NOTE = ACCESS_NOTE


# An organisation's page as a list item: its name (two or more capitalised words, or initials), a title, a link
# ("Example Arthritis Society. Knee exercises. [Link](https://...)").
# An organisation's report as a list item: "Example Institute of Health. Chronic conditions. Canberra: EIH; 2020."
# (NLM's report form may carry a country after the place, the month and day, the pages and the series: "London (UK):
# Example Institute (EI); 2016 Nov 30. 18 p. (EI guideline; no. 59).")
_ORG_REPORT = re.compile(r"^(?:[A-Z]{2,8}|[A-Z][\w&'\-]+(?: (?:of|for|and|on|the|&|[A-Z][\w&'\-]*)){1,8})\.\s+[A-Z][^.]{3,200}"
                         r"(?:\.\s+[A-Z][^.]{3,200}){0,2}\.\s+"
                         r"(?:[A-Z][A-Za-z .]+(?:\s\([A-Z]{2,4}\))?:\s*[^:;]{1,120};\s*)?(?:19|20)\d{2}"
                         r"(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\.?(?:\s+\d+\s*p\.)?(?:\s*\([^()]{1,60}\))?\.?$")
_ORG_PAGE = re.compile(r"^(?:[A-Z]{2,8}|[A-Z][\w&'\-]+(?: (?:of|for|and|on|the|&|[A-Z][\w&'\-]*)){1,8})\.\s+[^\s].{2,200}?"
                       r"(?:\]\(|<)?https?://\S+")


def _bulleted(item: str) -> bool:
    return bool(re.match(r"\s*[-*\u2022+]\s", item))


def _item_number(item: str) -> int | None:
    """The number a list item is numbered with ("3." / "[3]" / "(3)"), None for a bullet."""
    m = re.match(rf"\s*(?:(\d{{1,3}})[.)]|\[(\d{{1,3}})\]|\((\d{{1,3}})\)|(\d{{1,3}}):{_COLON_NAME})\s", item)
    return int(next(g for g in m.groups() if g)) if m else None


def _single_numbered_entry(item: str) -> bool:
    """One numbered item that is a whole entry: it opens with a name and initials and carries an identifier or a
    journal's year ("1. Smith, J.; Lee, K. Title. Journal, published online March 3, 2022; doi:10.x")."""
    m = re.match(r"\s*(?:\d{1,3}[.)]|\[\d{1,3}\]|\(\d{1,3}\))\s+", item)
    body = item[m.end():] if m else ""
    return bool(m and _REF_LIKE.search(body) and (_STRICT_START.match(body) or _VANC_AUTHORS.match(body)))


def _trailing_entry(body: str, spans: list[tuple[int, int]]) -> int | None:
    """Index of the first sentence span from which the rest of the paragraph is one reference entry glued
    after the text (authors in Vancouver or Harvard form, then a journal's year and volume or an identifier)."""
    for k in range(1, len(spans)):
        tail = body[spans[k][0]:].strip()
        if len(tail) > 600:
            continue
        if ((_VANC_AUTHORS.match(tail) or _STRICT_START.match(tail)) and _ENTRY_BODY.search(tail)
                and re.search(r"(?:\d[\d\-\u2013)]*|\S+/\S+)\.?\s*$", tail)) or _BRACKETED_ENTRY.match(tail) \
                or (len(tail) < 300 and PUBMED_CITATION.match(tail) and _PUBMED_SHORT.match(tail)):
            # (or PubMed's short citation, the journal and date and then the identifiers: "... of LWS. J Altern Complement
            # Med. 2013. PMID: 123." — not the journal part of a Vancouver entry whose names and title went before it)
            return k
    return None


# Harvard entries run into a paragraph, as podcast and video notes print them: "... Listen to hear more.  Merza, E.Y.,
# Pearson, S.J. and Malliaras, P., 2023. The relationship between ... Physical Therapy in Sport.Mallows, A., Jackson, J.
# and Debenham, J., 2020. The association of ...". Surnames with comma-separated initials, then the year and a stop: a
# form prose never takes. Each starts a reference, glued to the stop before it or not.
_HARV_NAME = rf"(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+(?: [{_UP}][\w'\u2019\-]+)?,\s?[A-Z]\.(?:\s?-?[A-Z]\.){{0,3}}"
_HARVARD_RUN_IN = re.compile(rf"(?:(?<=^)|(?<=[.!?])\s*|(?<=[.!?]['\"\u201d])\s*)({_HARV_NAME}(?:,\s?{_HARV_NAME}){{0,9}}(?:,?\s(?:and|&)\s{_HARV_NAME})?"
                             rf"(?:,?\s?et al\.)?,?\s\(?(?:19|20)\d{{2}}[a-z]?\)?[.,]\s+[A-Z\"\u201c])")
# A platform's notice run on after the last entry ("See for privacy information."): no part of it.
_RUN_ON_NOTICE = re.compile(r"\s*(?:See for privacy information|See omnystudio\.com|Hosted on|Learn more about your ad)[^\n]*$", re.I)


def _harvard_run_in(body: str) -> int | None:
    """Where Harvard entries run into the end of a paragraph, or None."""
    m = _HARVARD_RUN_IN.search(body)
    return m.start(1) if m and m.start(1) > 0 else None


def _harvard_entries(tail: str) -> list[str]:
    """The run-in Harvard entries, one per author list."""
    tail = _RUN_ON_NOTICE.sub("", tail)
    starts = [m.start(1) for m in _HARVARD_RUN_IN.finditer(tail)]
    return [tail[a:b].strip() for a, b in zip(starts, starts[1:] + [len(tail)]) if tail[a:b].strip()]


_PUBMED_SHORT = re.compile(r"^[^;:]*?\b(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\.\s+(?:pii|doi|PMID|PMCID|\[?Epub)\b", re.I)


# A journal's suggested citation in brackets at the end of a post: "[Holm AB, Berg CD, Lind EF (2015) Title. Journal 3:1-9]."
_VANC_PERSON = rf"(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+ [A-Z]{{1,3}}"
_BRACKETED_ENTRY = re.compile(rf"^[\[(]\s*{_VANC_PERSON}(?:, {_VANC_PERSON})+(?:,? et al\.?)?\s*\((?:19|20)\d{{2}}[a-z]?\)\.?\s+\S.{{10,500}}[\])]\.?$")


_BARE_URL = re.compile(r"^\W{0,3}<?https?://\S+>?\W{0,2}$")


# an entry opened by a bare number and a name ("7 Rives JD, ...", "8 RIVES JD, ...", "2 van der Berg P, ...")
_BARE_NUMBERED = re.compile(rf"\d{{1,3}}{NAME_AFTER_NUMBER}")


# The page's footer under its reference list: post metadata, share buttons, tags, comments, copyright.
_PAGE_FOOTER = re.compile(r"\s*(?:posted (?:in|on|by)\b|\W{0,3}(?:previous|next)(?: (?:post|article|story))?\s*:|share(?: this(?: post| article)?)?\s*:|tags?\s*:|tagged (?:as|with)?\s*:?|"
                          r"filed under\b|categor(?:y|ies)\s*:|comments? (?:are )?closed\b|leave a (?:comment|reply)\b|\u00a9|"
                          r"all rights reserved\b|[-*_=\u2014\u2013]{3,}\s*$)", re.I)


def _entries_of_lines(lines: list[str]) -> list[str]:
    """A paragraph of a reference section cut into entries: a line starts a new entry when it starts like
    one and the entry before it is a complete reference; other lines are the entry wrapping."""
    if len(lines) > 1 and not any(_STRICT_START.match(x) or _VANC_AUTHORS.match(x) or _ENTRY_BODY.search(x) for x in lines) \
            and all(len(x) < 120 and re.match(r"[A-Z0-9\"'\u201c]", x) for x in lines[1:]) \
            and not any(re.search(r"(?:-|\b(?:and|of|the|for|in|on|to|a|an))$", x) for x in lines[:-1]):
        # a news story's short sources, one a line ("Example University news release" / "Journal: Example Journal,
        # 2021"): no line starts an academic entry, none wraps onto the next
        return list(lines)
    out: list[str] = []
    for line in lines:
        if out and (_RUN_IN_REFS.match(line) or _RUN_IN_STUDY.match(line)):
            out.append(line)   # a labelled line starts its own entry ("Macquarie University" / "Journal reference: ...")
            continue
        if out and _BARE_URL.match(line) and _BARE_URL.match(out[-1]):
            out.append(line)   # addresses one a line ("https://www.nhs.uk/..." / "https://pubmed...") are entries each
            continue
        # (an organisation's page with its address also starts an entry: "Example Charity. Exercise. https://...")
        if out and not ((_STRICT_START.match(line) or _LIST_ITEM.match(line) or _BARE_NUMBERED.match(line)
                         or _ORG_PAGE.match(line) or web_entry(line))
                        and (_plain_entry(out[-1]) or _BARE_NUMBERED.match(out[-1]))
                        and re.search(r"[.)\d>]$", out[-1])):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _new_reference(previous: str, line: str) -> bool:
    """A line under a list item is a reference of its own (not the item wrapping) when both are
    complete references: the item ended with its identifier or a full stop, the line carries one."""
    return bool(_REF_LIKE.search(previous) and _REF_LIKE.search(line) and re.match(r"[A-Z]", line.strip())
                and re.search(r"[.)\d]$", previous.strip()))


# A picture's caption with its credit: "A man holds his lower back. (Photo : Getty Images)", "Photo: Jane Roe".
_PHOTO_CREDIT = re.compile(r"(?:^|\()\s*(?:photo|image|picture|illustration|credit|photograph)s?(?: by| credit)?\s*:", re.I)


def _heading(line: str, next_blank: bool) -> str | None:
    m = _HEADING_MD.match(line)
    if m:
        return m.group(1).strip("*_ ")
    s = line.strip().strip("*_").strip()
    if _RUN_IN_REFS.match(s) or (_RUN_IN_STUDY.match(s) and _REF_LIKE.search(s)):
        return None   # "Source: Medical Xpress" and "FROM: Spine J 2004 (Sep); 4 (5): 574-583" are references, not headings
    # Plain-text headings: short, no final punctuation, followed by a blank line or a known heading word.
    # (nor a line that carries a web address, or ends with a stop inside closing quotes or brackets: an entry such as
    # "Knee pain. (2021). https://www.example.org/knee" or 'Example Society: "Knee pain."' — no heading has those)
    if s and len(s) <= 60 and not re.search(r"[.!?,;][\"\u201d'\u2019)\]]*$", s) and not _LIST_ITEM.match(line) \
            and not re.search(r"https?://|\bwww\.", s) and not _PHOTO_CREDIT.search(s):
        if REF_HEADING.match(s) or (next_blank and len(s.split()) <= 14 and s[0].isupper()):
            return s.rstrip(":")
    return None


# A line that ends a sentence (a stop, maybe inside closing quotes or brackets, or a colon).
_ENDS_SENTENCE = re.compile(r"[.!?:][\"\u201d'\u2019)\]]*\s*$")
# A line that starts a sentence: a capital or a figure, maybe after an opening quote or bracket.
_STARTS_SENTENCE = re.compile(r"\s*[\"'\u201c(]?[A-Z0-9]")
_HANGING_WORD = re.compile(r"\b(?:of|in|the|a|an|and|or|to|for|with|by|at|on|from|that|than|as)$", re.I)


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Is the text saved one paragraph per line (copied from a web page), not hard-wrapped? Then a line break is a
    paragraph break: nearly every line of prose ends a sentence, where hard-wrapped lines mostly break mid-sentence."""
    prose = [x for x in lines if len(x.split()) >= 8 and not _LIST_ITEM.match(x) and not _HEADING_MD.match(x)]
    return len(prose) >= 3 and sum(bool(_ENDS_SENTENCE.search(x)) for x in prose) >= 0.8 * len(prose)


def _line_heading(before: str, line: str, after: str) -> bool:
    """In such a text, a short line with no final stop between a line that ends a sentence and a line of prose is a
    heading ("New data emerges" over "According to the CDC, ..."), not the start of the paragraph under it."""
    s = line.strip().strip("*_").strip()
    return (bool(_ENDS_SENTENCE.search(before)) and bool(s) and len(s.split()) <= 10 and s[0].isupper()
            and not _HANGING_WORD.search(s) and not _LIST_ITEM.match(line) and not _LIST_ITEM.match(after)
            and len(after.split()) >= 8 and bool(_ENDS_SENTENCE.search(after)) and bool(_STARTS_SENTENCE.match(after)))


def _title_line(line: str, following: str) -> bool:
    """The article's first line is its title when it is short, does not end like a sentence that runs on
    (no full stop, comma, semicolon or colon, no "of" or "the" left hanging), and the next line starts a
    new sentence."""
    s = line.strip().strip("*_").strip()
    return (bool(s) and len(s.split()) <= 15 and not re.search(r"[.,;:]$", s) and not _LIST_ITEM.match(line)
            and not _HANGING_WORD.search(s) and bool(_STARTS_SENTENCE.match(following)))


# "...injuries.[2] Next" -> "...injuries [2]. Next": a citation after the full stop belongs to the sentence.
# "... is common.1,2 Manipulation ...": superscript citation numbers flattened after the full stop become "[1,2]"
# before it (a letter or bracket before the stop, a capital after: not a decimal "2.5", not "Fig.1").
_SUPERSCRIPT_AFTER_STOP = re.compile(r"((?<![/.\-:_=?&#@])\b[A-Za-z][a-z]+|[)\]%])([.!?])(\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*)(?=\s+[A-Z\"'\u201c]|[ \t]*(?:\n|$))")
_NOT_BEFORE_SUPERSCRIPT = {"Fig", "fig", "No", "no", "Vol", "vol", "pp", "Eq", "Ref", "ref", "Table", "Ch", "Sec", "Version", "version"}


def _superscripts(m: re.Match) -> str:
    if m.group(1) in _NOT_BEFORE_SUPERSCRIPT:
        return m.group(0)
    return f"{m.group(1)} [{m.group(3)}]{m.group(2)}"
_ANCHOR_LINK = re.compile(r"\[([^\]\n]{1,80})\]\(#[^)\s]*\)")
_CITE_AFTER_STOP = re.compile(r"([.!?]) ?(\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])")
# "... in most trials. (Holm, p. 4, 2019) It also ...": an author-year citation after the full stop belongs to the
# sentence before it (a bracket holding a capitalised name and a year, maybe a full stop of its own, then a new
# sentence or the paragraph's end).
_AUTHOR_YEAR_AFTER_STOP = re.compile(r"(?<=[a-z%)\]])([.!?]['\"\u2019\u201d]?)[ \t]?(\((?=[^()\n]*[A-Z][a-z])[^()\n]{1,120}?\b(?:19|20)\d{2}[a-z]?\b"
                                     r"[^()\n]{0,20}\))\.?(?=[ \t]+[A-Z\"'\u201c]|[ \t]*(?:\n|$))")

# "... no longer supports. [Lederman 2011](https://doi.org/...) Even physiotherapists ...": a link whose text is a bare
# "Surname [et al.] Year" label standing after the full stop (blogs that cite by linked name and year, no brackets)
# belongs to the sentence before it, not to the next one.
_LINKED_LABEL_AFTER_STOP = re.compile(r"(?<=[a-z%)\]])([.!?]['\"\u2019\u201d]?)[ \t]+"
                                      r"(\[[A-Z][\w'\u2019\-]+(?:\s+(?:et al\.?|and|&)(?:\s+[A-Z][\w'\u2019\-]+)?)?,?\s+(?:19|20)\d{2}[a-z]?\]"
                                      r"\([^()\s]+\))(?=[ \t]+(?:\[|[A-Z\"'\u201c])|[ \t]*(?:\n|$))")
# A paragraph under a references heading that is the page speaking, not an entry: it opens with the writer or the page
# ("We drew on ...", "Here is a selection ...", "In this randomized trial, ...", "This summary was published ...") and has
# a verb of its own.
_PROSE_IN_REFS = re.compile(r"^(?:We|Our|You|Your|Here|This|These|In this|Below|Above|The following)\b(?=[^<>]*\b(?:is|are|was|were|has|have|"
                            r"had|did|does|do|drew|draw|used|use|list|lists|found|find|showed|shows)\b)[^<>]*[.!?:]$")

def _section_prose(text: str) -> bool:
    """Is this paragraph of a references section the page's own prose, not an entry?"""
    if _REF_LIKE.search(text) or re.search(r"https?://|\bwww\.", text):
        return False
    # (or sentences of prose with no year anywhere: "A growing body of research demonstrates that ... Below are excerpts
    # and summaries ..." under a page's "Research" heading)
    return bool(_PROSE_IN_REFS.match(text)) or (len(text.split()) >= 25 and not re.search(r"\b(?:19|20)\d{2}\b", text)
                                                and len(re.findall(r"[a-z][.!?]\s+[A-Z]", text)) >= 1)

# "- **Injuries due to impact.** There is little evidence ...": a bold run-in label that ends with its own stop is a
# sentence of its own; with its bold markers kept, the stop is not seen and the label opens the next sentence.
_BOLD_LABEL = re.compile(r"(?<![*\w])\*\*([^*\n]{1,120}?[.!?])\*\*(?=[ \t]+\S)")


CHUNK = 3000   # split_spans rescans from the sentence start at each candidate stop: keep its input short


# Words journals abbreviate ("Cochrane Database Syst. Rev.", "Br. J. Sports Med."): a full stop after one
# of them does not end the sentence.
_JOURNAL_ABBREV_END = re.compile(
    r"\b(?:Syst|Rev|Br|Am|Int|Eur|Clin|Res|Phys|Ther|Orthop|Surg|Rheumatol|Physiother|Arch|Ann|Jt|Musculoskelet|"
    r"Disord|Rehabil|Exerc|Assoc|Natl|Pract|Gen|Intern|Epidemiol|Neurol|Sci|Biomech|Pediatr|Geriatr|Ortop|"
    r"Scand|Aust|Can|Engl|Athl|Train|Sport|Pharmacol|Physiol|Med|Dis|Bone|Oncol|Anaesth|Anesth|Musculoskel|J)\.$")
# ... when the journal's name goes on: another abbreviated word within the next two, or its year/volume.
_JOURNAL_NEXT = re.compile(r"(?:[A-Z][A-Za-z]{0,14}\.|[A-Z][A-Za-z]+ [A-Z][A-Za-z]{0,14}\.|\d)")


MAX_JOINED = 1500   # a "sentence" joined across full stops stays short: hostile input must not make one of 100 kB


def _join_open_brackets(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence never ends inside brackets, nor after a journal's abbreviated word: the full stops of
    "(Cochrane Database Syst. Rev. 2017;...)", "(Br. J. Sports Med. 2020;...)" and "a review in Cochrane
    Database Syst. Rev. found" belong to the citation."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            prev = body[pa:pb]
            nxt = body[a:b]
            if b - pa <= MAX_JOINED and (prev.count("(") > prev.count(")") or prev.count("[") > prev.count("]")
                                         or (_JOURNAL_ABBREV_END.search(prev) and _JOURNAL_NEXT.match(nxt))):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


# A numbered citation written after the full stop ("... each year. (1) But heel spurs ...", "... as prescribed. [2, 3]"):
# the splitter starts the next sentence with it, yet it cites the sentence before.
_LEADING_MARKER = re.compile(r"[(\[]\s*\d{1,3}(?:\s*[,\u2013\-]\s*\d{1,3})*\s*[)\]](?:\s*[(\[]\s*\d{1,3}\s*[)\]])*\s*")


def _citation_after_stop(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        m = _LEADING_MARKER.match(body, a, b)
        if out and m and re.search(r"[.!?][\"\u201d\u2019')]*\s*$", body[out[-1][0]:a]):
            pa, _ = out[-1]
            end = m.end()
            out[-1] = (pa, m.start() + len(m.group(0).rstrip()))
            if end < b and body[end:b].strip():
                out.append((end, b))
            continue
        out.append((a, b))
    return out


def _spans(body: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; a very long paragraph is first cut at ". " (or a space) so that
    sentence splitting stays linear on hostile or run-on input."""
    return _citation_after_stop(body, _join_open_brackets(body, _split_after_et_al(body, _split(body))))


# "... said Lee et al. Their trial was small.": "et al." ends a sentence when a sentence opener follows it
# (inside a citation's brackets the pieces are joined again by ``_join_open_brackets``).
_ET_AL_END = re.compile(r"\bet al\.\s+(?=(?:The|This|These|Those|That|Their|They|It|Its|In|We|Our|But|However|Both|Such|He|She|"
                        r"His|Her|There|When|While|After|Although|Yet|So|Still|Also)\b)")


def _split_after_et_al(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for m in _ET_AL_END.finditer(body, a, b):
            out.append((a, m.start() + len("et al.")))
            a = m.end()
        out.append((a, b))
    return out


def _split(body: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    while len(body) - start > CHUNK:
        cut = body.rfind(". ", start, start + CHUNK)
        cut = cut + 1 if cut > start else (body.rfind(" ", start, start + CHUNK) if body.rfind(" ", start, start + CHUNK) > start else start + CHUNK)
        out += split_spans(body[start:cut], start)
        start = cut
    return out + split_spans(body[start:], start)




def _unmarked_list(lines: list[str]) -> bool:
    """Lines of one paragraph that each begin with a capital and end with no stop or comma ("Strengthens the
    quadriceps, taking load off the knee" / "Improves joint alignment"): a list whose markers the page did not
    keep, one item a line, not one sentence run across them. (Wrapped prose breaks lines mid-sentence, where the
    next line mostly starts in lower case.)"""
    if len(lines) < 3:
        return False
    return all(re.match(r"\s*[A-Z]", x) and not re.search(r"[.!?:;,\-]\s*$", x) and 2 <= len(x.split()) <= 25 for x in lines)


# The fields a science-news release service prints under a release, each label on a line of its own and its value in
# the next paragraph ("Journal" / "Example Journal of Knee Research" / "DOI" / "10.x" / "Article Title" / "..." /
# "Article Publication Date" / "3-May-2019"): one reference, written as labelled fields.
_RELEASE_LABELS = ("journal", "doi", "method of research", "subject of research", "article title", "article publication date",
                   "funder", "coi statement")


def _release_fields(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(blocks):
        if blocks[i][0] == "heading" and blocks[i][1].strip().lower() == "journal":
            fields: dict[str, str] = {}
            j = i
            while j + 1 < len(blocks) and blocks[j][0] == "heading" and blocks[j][1].strip().lower() in _RELEASE_LABELS:
                fields.setdefault(blocks[j][1].strip().lower(), blocks[j + 1][1].strip())
                j += 2
            if "article title" in fields or "doi" in fields:
                year = re.search(r"\b(?:19|20)\d{2}\b", fields.get("article publication date", ""))
                parts = [f"Title: {fields['article title']}" if "article title" in fields else "",
                         f"Journal: {fields['journal']}" + (f", {year.group(0)}" if year else ""),
                         f"DOI: {fields['doi']}" if "doi" in fields else ""]
                # (the block list keeps its length: paragraphs are found again by their index)
                out.append(("ref", FIELD_JOIN.join(x for x in parts if x)))
                out.extend(("skip", "") for _ in range(i + 1, min(j, len(blocks))))
                i = j
                continue
        out.append(blocks[i])
        i += 1
    return out


_BACKLINK_END = re.compile(r"(?:\s*(?:\[\s*\u21a9[\ufe0e\ufe0f]?\s*\]\(#[^)\s]*\)|\u21a9[\ufe0e\ufe0f]?))+\s*$")


# Markdown footnotes: "Loading helps.[^1]" in the text, "[^1]: Lee A. Title. J Ex. 2019;3:1-9." at the end — the note
# marker "[1]" and a numbered entry.
_FOOTNOTE_DEF = re.compile(r"^[ \t]*\[\^(\d{1,3})\]:[ \t]*", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^(\d{1,3})\]")


# An organisation's name alone on a line ("Arthritis Foundation", "National Institutes of Health", "NHS"): under a
# references heading it is a source, though it looks like a plain-text heading (short, no stop, a blank line after it).
_ORG_NAME_LINE = re.compile(r"^(?:The\s+)?(?=.*\b(?:Foundation|Institutes?|Association|Society|College|Academy|Clinic|Hospital|"
                            r"University|Centre|Center|Centers|Organi[sz]ation|Agency|Council|Health|Service|Trust|Federation|"
                            r"Alliance|Network|Department|Ministry|Administration|Board|Commission|Library|NHS)\b)"
                            r"[A-Z][\w&'\-]*(?:\s+(?:of|for|and|on|the|in|&|[A-Z][\w&'\-]*)){0,8}(?:\s+\([A-Z]{2,8}\))?$")


def _in_reference_section(blocks: list[tuple[str, str]]) -> bool:
    """Is the last heading so far a references heading?"""
    last = next((b for kind, b in reversed(blocks) if kind == "heading"), None)
    return last is not None and bool(REF_HEADING.match(last.strip()))


# A line led by a typographic bullet ("▪ Lee AB, ...", "→ Kim C, ...", "● ...", "» ..."): a "-" list item.
_GLYPH_BULLET = re.compile(r"^([ \t]*)[\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25b6\u25ba\u2192\u27a4\u2794\u21d2\u00bb][ \t]+",
                           re.M)


_DASH_BULLET = re.compile(r"^([ \t]*)[\u2013\u2014][ \t]+(?=\S)")


def _dash_bullets(text: str) -> str:
    """Lines opened by an en or em dash, two or more in a row, are a list ("– Self-management ..." / "– Manual therapy
    ..."), as UK pages set one; a dash credit line under a quote is not an item."""
    lines = text.split("\n")
    full = [i for i, x in enumerate(lines) if x.strip()]   # (blank lines between the items, as an HTML page's paragraphs give)
    dashed = [bool(_DASH_BULLET.match(lines[i])) and not credit_line(lines[i]) for i in full]
    for k, i in enumerate(full):
        if dashed[k] and ((k > 0 and dashed[k - 1]) or (k + 1 < len(full) and dashed[k + 1])):
            lines[i] = _DASH_BULLET.sub(r"\1- ", lines[i])
    return "\n".join(lines)


_FIRST_H1 = re.compile(r"^#[ \t]+(\S.*?)[ \t#]*$", re.M)


_WRAPPED_EMPHASIS = re.compile(r"^([*_]{1,3})(?=\S)(.*\S)\1$")


# A credit line set under a quote or a summary, dash first: "--Goodman et al. (2013), Journal of the American Medical
# Association", "-- Koes B W, van Tulder MW, Thomas S (2006) 'Diagnosis and Treatment of Low Back Pain'. BMJ."
_DASH_LEAD = r"^[*_\s]*(?:--+|\u2014|\u2013|-)\s*"
_DASH_CREDIT = re.compile(_DASH_LEAD + r"[A-Z\u00c0-\u00de][\w'\u2019-]+(?:[ ,&]+[\w'\u2019.&-]+){0,14}?\s*"
                          r"\((?:19|20)\d{2}[a-z]?\)")


def credit_line(text: str) -> bool:
    """A dash-led line crediting the quote or summary above it to its authors and year: no claim of its own."""
    return bool(_DASH_CREDIT.match(text))


def _sentences_of(body: str, spans: list[tuple[int, int]], n: int, section: str, item: bool) -> list[Sentence]:
    """The sentences of a block's spans, links replaced by their words."""
    out = []
    for a, b in spans:
        ctext, urls = strip_links(body[a:b])
        if ctext.strip():
            out.append(Sentence(" ".join(ctext.split()), n, urls, section, item))
    return out


def parse_document(text: str) -> Document:
    h1 = _FIRST_H1.search(text)
    text = _GLYPH_BULLET.sub(r"\1- ", _dash_bullets(text))
    text = _FOOTNOTE_REF.sub(r"[\1]", _FOOTNOTE_DEF.sub(r"[\1] ", text))
    # an in-page link to a footnote ("third[1](#ref1).") is the citation marker "[1]"
    text = _ANCHOR_LINK.sub(lambda m: f"[{m.group(1)}]" if re.fullmatch(r"[\d,\s\u2013-]+", m.group(1)) else m.group(1), text)
    text = _CITE_AFTER_STOP.sub(r" \2\1", _SUPERSCRIPT_AFTER_STOP.sub(_superscripts, text))
    text = _BOLD_LABEL.sub(r"\1", text)
    # ("... rethink it.' (Lee, 2013) Next": the quote closes, then the citation, then the stop)
    text = _AUTHOR_YEAR_AFTER_STOP.sub(lambda m: f"{m.group(1)[1:]} {m.group(2)}{m.group(1)[0]}", text)
    for _ in range(4):   # (two or three labels in a row move one at a time)
        moved = _LINKED_LABEL_AFTER_STOP.sub(r" \2\1", text)
        if moved == text:
            break
        text = moved
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # a footnote's back-link at its end ("... 2019;12:101-10. ↩︎", "[↩](#fnref1)") is page furniture: left in, it
    # makes the entry look like a heading (no final stop)
    lines = [_BACKLINK_END.sub("", x) for x in lines]
    # (and so are a publisher's link labels after an entry; a list's numbers glued to its entries are put back)
    lines = unglue_numbers([strip_link_labels(x) for x in lines])
    blocks: list[tuple[str, str]] = []          # (kind, text): heading | para | item
    para: list[str] = []
    unwrapped = _one_paragraph_per_line(lines)
    para_lines: dict[int, list[str]] = {}       # the lines of each paragraph block, for a reference section

    def flush() -> None:
        # (an entry set in italics, "*Evans R, Bronfort G, ... Spine. 2012;37(11):903-14.*", is read without its marks)
        whole = _WRAPPED_EMPHASIS.sub(r"\2", " ".join(x.strip() for x in para))
        if para and PUBMED_CITATION.match(whole):
            blocks.append(("ref", whole))
            para.clear()
        if para and TITLE_THEN_AUTHORS.search(whole) and len(" ".join(para)) < 1500:
            blocks.append(("ref", whole))
            para.clear()
        if labelled_entry(para):
            # "Title: ... / Author: ... / URL: ... / Journal 2009;14:41": one reference written as labelled fields
            blocks.append(("ref", FIELD_JOIN.join(x.strip() for x in para)))
            para.clear()
        # (a footnote's number may stand before the entry with no stop: "1 Lee AB, Park C. Title. J Ex. 2019;3:1-9.")
        if para and all(_plain_entry(re.sub(r"^\s*\d{1,3}\s+(?=[A-Z])", "", x)) or web_entry(x) for x in para):
            blocks.extend(("ref", x.strip()) for x in para)   # unmarked reference lines, one entry each
            para.clear()
        if len(para) == 1 and whole != para[0].strip() and _plain_entry(whole):
            blocks.append(("ref", whole))
            para.clear()
        if _unmarked_list(para):
            blocks.extend(("item", x.strip()) for x in para)   # short lines with no stops: a list without markers
            para.clear()
        if para:
            para_lines[len(blocks)] = [x.strip() for x in para]
            blocks.append(("para", " ".join(x.strip() for x in para)))
            para.clear()

    for i, line in enumerate(lines):
        if not line.strip():
            flush()
            continue
        nxt_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        prev_blank = i == 0 or not lines[i - 1].strip()
        h = _heading(line, nxt_blank) if (prev_blank or _HEADING_MD.match(line)) else None
        if h is None and unwrapped and not prev_blank and i + 1 < len(lines) and _line_heading(lines[i - 1], line, lines[i + 1]):
            h = _heading(line, True)   # a heading on a page saved one paragraph per line, no blank line around it
        if h is not None and not _HEADING_MD.match(line) and _ORG_NAME_LINE.match(h) and _in_reference_section(blocks):
            h = None   # "Sources:" over "Arthritis Foundation" / "National Institutes of Health": entries, not headings
        if h is None and not blocks and not para and _title_line(line, lines[i + 1] if i + 1 < len(lines) else ""):
            h = line.strip().strip("*_ ")   # the title, even with the first sentence on the very next line
        if h is not None:
            flush()
            blocks.append(("heading", h))
        elif _LIST_ITEM.match(line) or _EMOJI_ITEM.match(line):
            flush()
            blocks.append(("item", line.strip()))
        elif not para and blocks and blocks[-1][0] == "item" and not prev_blank and not _new_reference(blocks[-1][1], line):
            # a wrapped list item continues on the next line
            blocks[-1] = ("item", blocks[-1][1] + " " + line.strip())
        elif not para and blocks and blocks[-1][0] == "item" and not prev_blank:
            blocks.append(("item", line.strip()))   # an unnumbered reference after numbered ones
        else:
            para.append(line)
    flush()

    blocks = _release_fields(blocks)

    # A run of list items that mostly look like references is a reference list, heading or not.
    ref_items: set[int] = set()
    run: list[int] = []

    def close_run() -> None:
        # "[1] Deyle, G. D. et al. ..." — items numbered in brackets are a reference list (the Nature style
        # and many science pages), whatever each entry holds (an organisation's page has no year or DOI)
        bracketed = sum(bool(re.match(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\))\s", blocks[i][1])) for i in run)
        # (or a list announced as references by the sentence before it, "Selected references are listed below.", with
        # an entry among its items: an organisation's name alone is then an entry too)
        led_in = bool(run) and run[0] > 0 and blocks[run[0] - 1][0] == "para" and refs_lead_in(blocks[run[0] - 1][1])
        # (or numbered items that are each a title with its authors and year in brackets after it, "1. Title [Howe. TE,
        # 2011]": a clinic page's sources listed under its text, with no heading)
        numbered = [re.match(r"\s*\d{1,3}[.)]\s+", blocks[i][1]) for i in run]
        titled = all(m and title_then_credit(blocks[i][1][m.end():]) for i, m in zip(run, numbered))
        if len(run) >= 2 and (sum(ref_like_item(blocks[i][1]) for i in run) >= 0.6 * len(run) or titled
                              or (bracketed == len(run) and any(_REF_LIKE.search(blocks[i][1]) for i in run))
                              or (led_in and any(ref_like_item(blocks[i][1]) for i in run))):
            ref_items.update(run)
        elif len(run) == 1 and _single_numbered_entry(blocks[run[0]][1]):
            ref_items.update(run)
        run.clear()

    for n, (kind, body) in enumerate(blocks + [("end", "")]):
        if kind == "item":
            if run and ((_item_number(body) == 1 and _item_number(blocks[run[-1]][1]))
                        or _bulleted(body) != _bulleted(blocks[run[-1]][1])):
                # numbering starts again at 1, or bullets give way to numbers: another list ("Further reading" after a
                # reading list; a slide's numbered heading after its bulleted sources)
                close_run()
            run.append(n)
            continue
        close_run()

    title = ""
    sentences: list[Sentence] = []
    refs: list[str] = []
    headings: list[str] = []
    in_refs = one_paper = editor_notes = False
    section = ""
    for n, (kind, body) in enumerate(blocks):
        if kind == "skip":
            continue
        if kind == "heading":
            headings.append(body)
            section = body
            is_title = not title and not sentences
            if is_title:
                title = body
            # (a page titled "Research" or "The Evidence" is about research: its title heads no reference list)
            in_refs = bool(REF_HEADING.match(body.strip())) and not (
                is_title and re.fullmatch(r"(?:the )?(?:studies|research|papers|articles|evidence|trials)", body.strip().strip("*_ "), re.I))
            if in_refs and _GENERIC_REF_HEADING.fullmatch(body.strip().strip("*_ ")):
                # "The Research" over paragraphs of prose is the article's section on the research, not its list: a list
                # under such a heading opens with an entry
                nxt = next((b for k, b in blocks[n + 1:] if k != "skip"), "")
                first = nxt.split("\n", 1)[0]
                in_refs = bool(_REF_LIKE.search(first) or _plain_entry(_LIST_ITEM.sub("", first, count=1)) or ref_like_item(first)
                               or _ENTRY_START.match(_LIST_ITEM.sub("", first, count=1)))
            one_paper = bool(ONE_PAPER_HEADING.match(body.strip()))
            # (a press release's notes to editors hold the paper's entry among notes about the organisation and its
            # press office: only their entry-like lines are references)
            editor_notes = in_refs and bool(_EDITOR_NOTES.match(body.strip().strip("*_ ")))
            if not in_refs:
                # headlines make claims too ("Walking halves fracture risk, study shows")
                text, urls = strip_links(body)
                sentences.append(Sentence(" ".join(text.split()), n, urls))
            continue
        linked = _entry_links(body)
        study = _RUN_IN_STUDY.match(linked)
        if study and not in_refs and (_REF_LIKE.search(linked) or _plain_entry(linked[study.end():]) or source_line(linked[study.end():])
                                      or only_address(linked[study.end():])):
            # ("Full study: https://...", "Link to study: <https://...>": the address is the paper's page, whatever its site)
            # "Study: Lee A, Park B. Title. J Abbrev. 2019;321:456-67." — not the headline "Study: walking helps"
            # (without a rights notice or a pointer run on after it: "... 16-26 . All rights reserved to ... Click here")
            refs.append(without_trailing_note(linked[study.end():]))
            continue
        # (matched on the links written out: the label's "\W" would eat a link's opening bracket)
        run_in = _RUN_IN_REFS.match(linked)
        if run_in and not in_refs:
            body = linked
            # "Sources: Lee A et al. (2021) ...; Kim B (2019) ..." — a reference list in one line
            # entries are separated by "; " — not by the ";" of "2020;54(21)" inside a Vancouver entry
            # (a short one, "Reuters" or "Medical Xpress", keeps its label: a line that short is otherwise a link label)
            rest = source_rest(body, run_in.end())
            refs.extend(x.strip() if len(x.strip()) >= 15 else f"Source: {x.strip()}"
                        for x in re.split(_SOURCE_ITEMS, rest) if len(x.strip()) > 2)
            continue
        if in_refs and kind == "para" and len(para_lines.get(n, [])) > 1:
            # entries on consecutive lines with no blank line between them are still one entry each
            # (a Markdown block quote's markers are no part of the entries: "> Lee AB, ..." / ">" / "> Kim C, ...")
            quoted = [x for x in (re.sub(r"^>\s?", "", ln).strip() for ln in para_lines[n]) if x]
            refs.extend(_entry_links(e) for e in _entries_of_lines(quoted))
            if one_paper:
                in_refs = one_paper = False
            continue
        if in_refs and kind == "para" and _section_prose(linked):
            continue   # the section's own prose ("We drew on these papers ...", a deck under an "Original paper" button)
        if in_refs and _PAGE_FOOTER.match(linked):
            in_refs = False   # "Posted in Heel Pain · Share: Facebook", "© 2024 ...": the page's footer ends the list
            continue
        if n in ref_items and kind == "item" and not in_refs:
            # an annotated library's item: "- **Summary:** This 2024 trial found ... **Why it matters:** ... Lee A, Park B.
            # Title. J Ex. 2024;14:1124. doi: ...": the prose is read, the entry that closes the item is the reference
            prose = _LIST_ITEM.sub("", body, count=1)
            spans = _spans(prose)
            cut = _trailing_entry(prose, spans)
            if cut is not None and cut >= 2 and len(prose[:spans[cut][0]].split()) >= 25:
                refs.append("- " + _entry_links(prose[spans[cut][0]:].strip()))
                sentences.extend(_sentences_of(prose, spans[:cut], n, section, False))
                continue
        if in_refs and editor_notes and not ref_like_item(linked):
            continue
        if in_refs or n in ref_items or kind == "ref":
            refs.append(source_rest(linked, 0) if provided_by(linked) else linked)
            if in_refs and one_paper:
                in_refs = one_paper = False   # the review's text follows its one entry
            continue
        if kind == "item":
            body = _LIST_ITEM.sub("", body, count=1)
        run_in_list = _RUN_IN_LIST.search(body) if kind == "para" else None
        if run_in_list and (_REF_LIKE.search(body[run_in_list.end():]) or _plain_entry(body[run_in_list.end():])
                            or re.match(r"\d{1,2}\.\s", body[run_in_list.end():])):
            # (entries cut where the next number opens a name, or at "; " before a name and initials: "Citations: Lee AB
            # et al. J Ex. 2018;33:211-20; Kim C et al. ...")
            refs.extend(_entry_links(e.strip()) for part in _INLINE_ENTRY_NUMBER.split(body[run_in_list.end():])
                        for e in _INLINE_ENTRY_SEMICOLON.split(part) if e.strip())
            body = body[: run_in_list.start()]
        harvard = _harvard_run_in(body) if kind == "para" else None
        if harvard is not None:
            refs.extend(_entry_links(e) for e in _harvard_entries(body[harvard:]))
            body = body[:harvard].rstrip()
        if kind == "para" and credit_line(body):
            # the credit line is the paper's entry too (and stays a sentence: the quote above it is read with it)
            refs.append(re.sub(_DASH_LEAD + r"|[*_\s]+$", "", _entry_links(body)))
        spans = _spans(body)
        cut = _trailing_entry(body, spans) if kind == "para" else None
        if cut is not None:
            # "... reduced pain by a third. Lee A, Park B. Title. J Abbrev. 2019;49(3):123-30.": an entry glued
            # after the last sentence is a reference, not three sentences
            # (a bullet: an entry of its own, never read as the wrapping of a numbered entry before it)
            refs.append("- " + _entry_links(body[spans[cut][0]:].strip()))
            spans = spans[:cut]
        sentences.extend(_sentences_of(body, spans, n, section, kind == "item"))
    # the page's first-level heading is its title, whatever lines a saved page carries above it ("Skip Navigation",
    # a site's name)
    if h1 and not REF_HEADING.match(h1.group(1).strip()):
        title = " ".join(strip_links(h1.group(1))[0].split()) or title
    return Document(title, sentences, refs, headings)
