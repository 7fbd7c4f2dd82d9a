"""Reference entries as some pages lay them out, put back into the form the document reader knows.

- Publishers' reference lists end each entry with link labels ("... 2002; 18: 159-73.CrossRefGoogle ScholarPubMed",
  "[Google Scholar](#)", "View at Publisher · View at Scopus"): page furniture, not part of the entry.
- A list whose numbers sit in their own element loses the space after them when the page is extracted
  ("1National Institute ...", "2Department of ..."): a run of such lines numbered one after another is a numbered list,
  written back with bracketed numbers (the form the reader takes as a reference list).
- An NLM/Vancouver web source written as a paragraph of its own: an author, a title, a year and an access note with the
  address last ("Example Agency. Injury data [online]. (2006) [cited 2007 Jan 15]. Available from URL: www.example.gov/data.").
"""
from __future__ import annotations

import re

_LABEL = (r"(?:View (?:at\s+)?)?(?:Google Scholar|Cross[Rr]ef|PubMed(?: Central)?|Web of Science|Scopus|Medline|MEDLINE|"
          r"Publisher|Full Text|Abstract|Article|CAS|ISI)")
# One or more labels after the entry's last full stop, bracket or digit, each plain or as a Markdown link, glued or
# separated by "·" or "|".
_LABELS_END = re.compile(rf"(?<=[.)\d])(?:\s*[\u00b7|]?\s*(?:\[{_LABEL}\]\([^()\s]*\)|{_LABEL}))+\s*$")
# A number glued to the entry's first word ("3Rubenstein, LZ, ...": a capital and a lower-case letter after it).
_GLUED_NUMBER = re.compile(r"^(\d{1,3})\.?(?=[A-Z][a-z])")   # (or with its stop: "1.Lee AB, ...")

# The access note before a web source's address: Harvard "Available at:", Vancouver "Available from:", older NLM
# "Available from URL:", APA 6 "Retrieved from".
ACCESS_NOTE = re.compile(r"\b(?:available\s+(?:at|from|online)|retrieved\s+(?:from|via))\s*:?\s*(?:URL\s*:?\s*)?<?(?:https?://|www\.)",
                         re.I)
# (the address may be followed by the date it was read: "(Accessed: 3 May 2023).", "[Accessed 3 May 2023].",
# "Accessed May 3, 2023.")
_READ_ON = r"(?:\s*[\[(]?(?:accessed|retrieved|viewed|cited)\b[^()\[\]]{0,40}[\])]?\.?)?"
_WEB_ENTRY = re.compile(r"^[A-Z][^.]{2,200}?\.?\s+\S.{0,300}?\b(?:19|20)\d{2}\b.{0,120}?" + ACCESS_NOTE.pattern[2:]
                        + r"\S+?\.?" + _READ_ON + "$", re.I)
# APA's organisation page: "Example Society. (2022, March 3). Title of the page. https://www.example.org/page" — one
# title between the dated author and the address (not a sentence that goes on: "... says X. Read more at https://...").
_APA_WEB_ENTRY = re.compile(r"^[A-Z][^.()]{2,150}?\.?\s+\((?:19|20)\d{2}[a-z]?(?:,\s*[^()]{1,20})?\)\.?\s+[^.]{3,200}[.?]\s+"
                            r"<?https?://\S+?>?\.?" + _READ_ON + "$")

# Elsevier's numbered style: initials before the surname, then the volume, the year in brackets and the pages
# ("[1] A.B. Lee, C. Park, Title, J. Ex. Med. 12 (2021) 45-67.").
INITIALS_FIRST = re.compile(r"^(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][\w'\u2019\-]+,\s")
ELSEVIER_DATE = r"\b\d{1,4}\s*\((?:19|20)\d{2}\)\s*[A-Za-z]?\d+(?:\s*[\u2013\-]\s*[A-Za-z]?\d+)?\b"


# Bracketed link labels a reading list puts after (or inside the tail of) an entry: "... doi:10.1186/x [full text]",
# "... doi:10.1177/x.[full text]", "... Human Kinetics [google books] pp461-484", "... 745-64[DOI][PubMed]" — the text of
# a link to the paper, not part of the entry (a Markdown link "[PubMed](url)" is left to the link reader).
_BRACKET_LABEL = re.compile(r"\s*\[(?:free\s+)?(?:full[\s\-]?text|google\s+books|google\s+scholar|pubmed(?:\s+central)?|doi|pdf|"
                            r"link|abstract|cross[\s\-]?ref|scopus|web\s+of\s+science|html|publisher|article)\](?!\()", re.I)


def strip_link_labels(line: str) -> str:
    """The entry without the publisher's link labels after it."""
    return _LABELS_END.sub("", _BRACKET_LABEL.sub("", line))


def unglue_numbers(lines: list[str]) -> list[str]:
    """Lines opening with a number glued to a capitalised word, numbered one after another (blank lines between them
    allowed), written "[n] rest"; a lone glued number ("3Rubenstein") is left as it is."""
    out = list(lines)
    runs: list[list[tuple[int, int]]] = []
    last: tuple[int, int] | None = None      # (line index, number) of the previous glued line, if the last non-blank one
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _GLUED_NUMBER.match(line.strip())
        if not m:
            last = None
            continue
        n = int(m.group(1))
        if last is not None and n == last[1] + 1:
            runs[-1].append((i, n))
        else:
            runs.append([(i, n)])
        last = (i, n)
    for run in runs:
        if len(run) >= 2:
            for i, n in run:
                out[i] = f"[{n}] {_GLUED_NUMBER.sub('', lines[i].strip())}"
    return out


def web_entry(line: str) -> bool:
    """A paragraph that is one web source: author, title, a year, and an access note with the address last."""
    s = line.strip()
    return len(s) < 600 and bool(_WEB_ENTRY.match(s) or _APA_WEB_ENTRY.match(s))


# (a family name may open with its particles: "P. van der Berg")
_ELSEVIER = re.compile(r"^(?P<authors>(?:(?:[A-Z]\.\s?-?){1,3}\s?(?:(?:van|von|de|der|den|du|da|di|dos|das|del|della|le|la|ten|ter)\s+)*"
                       r"[A-Z][\w'\u2019\-]+(?:\s[A-Z][\w'\u2019\-]+)?,\s(?:and\s)?)+)"
                       r"(?P<title>.+?),\s(?P<journal>[A-Z][^,]{1,80}?)\s\d{1,4}\s*\((?P<year>(?:19|20)\d{2})\)\s*[A-Za-z]?\d+")


def elsevier_entry(body: str) -> tuple[list[str], str, str, int] | None:
    """Authors ("Lee AB"), title, journal and year of an Elsevier-style entry, or None."""
    m = _ELSEVIER.match(body)
    if not m:
        return None
    authors = []
    for name in re.split(r",\s(?:and\s)?", m.group("authors").rstrip(", ")):
        parts = re.match(r"((?:[A-Z]\.\s?-?){1,3})\s?(.+)", name.strip())
        if parts:
            authors.append(f"{parts.group(2)} {re.sub(r'[^A-Z]', '', parts.group(1))}")
    return authors, m.group("title").strip(), m.group("journal").strip(" ."), int(m.group("year"))


# A sentence that announces the list after it as the page's references: "Selected references are listed below.",
# "The following sources were used:", "Here is a selection of those papers."
_WORKS = r"(?:references|sources|studies|papers|articles|citations|bibliography|reading)"
_LEAD_IN = re.compile(rf"(?:^|[.!?]\s+)(?:[^.!?]{{0,200}}?\b{_WORKS}\b[^.!?]{{0,60}}?\b(?:listed|given|shown|cited|included|used|below)"
                      rf"\b[^.!?]{{0,30}}?|(?:the following|below are|here (?:is|are))\b[^.!?]{{0,60}}\b{_WORKS}\b[^.!?]{{0,40}}?)[.:]\s*$",
                      re.I)


def refs_lead_in(paragraph: str) -> bool:
    """Does the paragraph end with a sentence announcing a list of references after it?"""
    return bool(_LEAD_IN.search(paragraph.strip()[-300:]))


# A loose citation written title first, then the authors given name first, each maybe with a degree, then where it
# appeared and when: "Title of the Trial , T.W. Lee, Sandra Park, A.O. Kim, Example Medical Journal, Volume 300,
# 2 June 1990, Pages 1-7." / "Title of the Report, Anna Lee, Ph.D., Carl Park, M.A. Funded by ..., August, 1993."
_PERSON = re.compile(r"(?:[A-Z][a-z]+(?:\s[A-Z]\.)*|(?:[A-Z]\.\s?){1,3})\s?[A-Z][a-z][\w'\u2019\-]+")
_DEGREE = re.compile(r"^(?:(?:[A-Z]\.\s?){1,3}[A-Z]?\.?|Ph\.\s?D\.?|M\.\s?D\.?|M\.\s?H\.\s?A\.?|M\.\s?Sc\.?|B\.\s?Sc\.?)(?=\s|$)")


def title_then_names(body: str) -> tuple[list[str], str, str | None, int] | None:
    """Authors ("Lee TW"), title, journal (or None) and year of a title-first entry with given-name-first authors."""
    pieces = [p.strip() for p in re.split(r"\s?,\s", body.strip().rstrip("."))]
    years = re.findall(r"\b((?:19|20)\d{2})\b", body)
    if len(pieces) < 4 or not years:
        return None
    for start in range(1, len(pieces) - 1):
        title = ", ".join(pieces[:start])
        if len(title.split()) < 4 or not _PERSON.fullmatch(pieces[start]):
            continue
        names, k = [], start
        while k < len(pieces):
            piece = pieces[k]
            if _PERSON.fullmatch(piece):
                names.append(piece)
            elif _DEGREE.match(piece) and names:
                if _DEGREE.sub("", piece).strip():
                    k += 1
                    break   # "B. A. Funded by ...": the degree ends the names, the rest is the funder
            else:
                break
            k += 1
        if len(names) < 2:
            return None
        after = pieces[k] if k < len(pieces) else ""
        journal = after if re.fullmatch(r"(?:[A-Z][\w&'\-]*\s?)+", after) and "Volume" not in after and \
            k + 1 < len(pieces) and re.match(r"(?:Vol(?:ume)?\.?\s*)?\d", pieces[k + 1]) else None
        authors = []
        for n in names:
            words = n.replace(".", ". ").split()
            authors.append(f"{words[-1]} {''.join(w[0] for w in words[:-1])}")
        return authors, title, journal, int(years[-1])
    return None


# A work's title with its authors and year in brackets after it, as some clinic pages list their sources:
# "Exercise for preventing and treating osteoporosis in postmenopausal women [Howe. TE, 2011]", "Non-pharmacological
# approaches ... [Rannou F. Poiraudeau, 2010]", "Title (Hayden et al., 2005)".
TITLE_THEN_CREDIT = re.compile(r"^(?P<title>[A-Z\"'\u2018\u201c].{15,300}?)\s+[\[(](?P<authors>[A-Z\u00c0-\u00de][\w'\u2019\-]+"
                               r"[^\[\]()]{0,50}?),?\s+(?P<year>(?:19|20)\d{2})[a-z]?[\])]\.?\s*$")
# A title has no finite verb of a finding or of being: a bullet stating a result with its citation after it ("Exercise
# reduces pain (Lee et al., 2016)") is a claim, not an entry.
_FINDING_VERB = re.compile(r"\b(?:is|are|was|were|be|been|can|could|may|might|will|would|should|does|do|did|has|have|had|"
                           r"found|finds|shows?|showed|reduces?|reduced|improves?|improved|helps?|helped|increases?|increased|"
                           r"decreases?|decreased|prevents?|prevented|lowers?|lowered|eases?|eased|causes?|caused|leads?|led)\b",
                           re.I)


def title_then_credit(body: str) -> re.Match[str] | None:
    """The title-then-bracketed-credit form of an entry (``TITLE_THEN_CREDIT``) when the title states nothing."""
    m = TITLE_THEN_CREDIT.match(body.strip())
    # (a journal in the brackets is no author: "Exercise for osteoarthritis of the knee (Cochrane Database of Systematic
    # Reviews, 2015)")
    return m if m and not _FINDING_VERB.search(m.group("title")) and not _JOURNAL_WORD.search(m.group("authors")) else None


# Words of journals' names, shared with the header reader (citation_header.py), which adds its own.
JOURNAL_WORDS = (r"Journal|Review|Reviews|Medicine|Surgery|Spine|Lancet|Annals|Archives|Rheumatology|Physiotherapy|Therapy|Sports?|"
                 r"Research|Science|Pain|BMJ|JAMA")
_JOURNAL_WORD = re.compile(rf"\b(?:{JOURNAL_WORDS}|J|Database|Med|Sciences|Bulletin|Proceedings|Library|Press|Publishing|Publications)\b")
