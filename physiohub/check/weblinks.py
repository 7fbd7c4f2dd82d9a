"""Organisation and government pages linked from an article's text: references of kind "web".

A popular article names many of its sources by linking them: "The World Health Organization published its
guideline ([click here](https://who.int/...))", "[The American Academy of Family Physicians](https://...) has
more on low back pain", "NICE guidelines for low back pain [here](https://nice.org.uk/...)". The page behind
such a link is a fact sheet, a guideline or a society's advice: a reference of kind "web", named by the
organisation (the link's own words when they name one, else an organisation the sentence names, else the
site's initials). A link counts when its site is an organisation's or a government's (.org, .gov, .int, .edu,
.ac.xx, nhs.uk, ...), it is not a paper (DOI, PubMed, a journal's site: those are read as papers), and it
sits in prose rather than in a menu of links. An organisation cited by year in the text and linked to its
page ("NICE (2016)" beside the NICE link) is one reference, not two.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .document import Sentence
from .lexicon import JOURNALS
from .references import ARTICLE_LINK, Reference

# Sites of organisations and governments: the registrable suffix says so.
# (a government's own domain is the whole host: "gov.uk", "gov.au")
_ORG_SUFFIX = re.compile(r"(?:^|\.)(?:org|gov|int|edu|mil)(?:\.[a-z]{2})?$|(?:^|\.)(?:ac|gov|govt|gouv|gob|nhs|edu|org)\.[a-z]{2}$|"
                         r"(?:^|\.)nhs\.(?:uk|net)$|(?:^|\.)gc\.ca$|(?:^|\.)europa\.eu$")
# ... but not a paper, a journal's site, an encyclopaedia, an archive, a reserved example domain, or a donation page.
_NOT_ORG_PAGE = re.compile(r"doi\.org|pubmed|ncbi\.nlm\.nih\.gov/(?:pmc|pubmed)|europepmc|plos\.org|jospt\.org|cochranelibrary|"
                           r"journals?\b|ahajournals|\bjournal|wikipedia\.org|wikimedia\.org|archive\.org|(?:^|[./])example\.(?:org|com|net)\b|"
                           r"(?:^|/)(?:donate|privacy|cookies?|contact|login|signin|subscribe|newsletter|shop|cart|book(?:ing)?)(?:[/?#]|$)", re.I)
# Words that make a run of capitalised words an organisation's name.
_ORG_WORD = (r"(?:Organi[sz]ation|Institute|Institutes|Society|Association|Academy|College|Foundation|Council|Agency|"
             r"Department|Centre|Center|Centers|Centres|Service|Services|Trust|Federation|Alliance|Network|Board|"
             r"Commission|Ministry|Office|Authority|Excellence|Administration|University|Hospital|Health|Charity|Arthritis)")
_CAP = r"[A-Z][\w&'\-]*"
_ORG_NAME = re.compile(rf"\b(?:The\s+)?({_CAP}(?:\s+(?:of|for|and|on|the|in|&|{_CAP})){{0,9}}?\s+{_ORG_WORD}"
                       rf"(?:\s+(?:of|for|and|on|the|in|&|{_CAP})){{0,6}}?(?=\s*(?:\(|,|\.|;|:|\s[a-z]|$)))")
_ACRONYM = re.compile(r"\b([A-Z][A-Z&]{1,7})\b")
# Link words that name nothing: "click here", "here", "this guideline", "read more", "link".
_EMPTY_LABEL = re.compile(r"^(?:click(?:ing)?\s+)?here$|^(?:this|the)\s+\w+$|^(?:read|find out|learn)\s+more$|^(?:link|website|page|source|more)$"
                          r"|^click(?:ing)?\s+(?:this|the)\s+link$", re.I)
# A bare address in the sentence's text (links in Markdown brackets are in ``Sentence.links``).
_BARE_URL = re.compile(r"https?://[^\s<>\"\])]+")
_MENU_WORDS = re.compile(r"^(?:home|about(?: us)?|services|contact(?: us)?|book(?: online| now)?|blog|news|shop|donate|"
                         r"privacy(?: policy)?|terms|cookies|log ?in|sign ?up|subscribe|start .*)$", re.I)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def organisation_page(url: str) -> bool:
    """Is the link an organisation's or a government's page (not a paper, a journal, or a menu target)?"""
    host = _host(url)
    return bool(host and _ORG_SUFFIX.search(host) and not _NOT_ORG_PAGE.search(url))


def _link_label(url: str, raw: str) -> str:
    """The words a Markdown link in ``raw`` shows for ``url`` (the sentence's own text has lost the brackets)."""
    m = re.search(r"\[([^\]\n]{1,200})\]\(" + re.escape(url) + r"\)", raw)
    return m.group(1).strip() if m else ""


def _site_name(host: str) -> str:
    """The site's own name: "nice" of nice.org.uk, "who" of who.int, "cdc" of cdc.gov."""
    parts = [p for p in host.split(".") if p not in ("www", "org", "gov", "int", "edu", "ac", "co", "nhs", "govt", "mil", "net")
             and len(p) > 2]
    return (parts[-1] if parts else host.split(".")[0]).lower()


def _organisation(label: str, sentence: str, host: str) -> str:
    """Who the page is by: the link's words when they name an organisation, else an organisation the sentence
    names, else the site's name in capitals."""
    label = re.sub(r"^the\s+", "", label, flags=re.I).strip(" .,")
    if label and not _EMPTY_LABEL.match(label) and (re.fullmatch(rf"{_CAP}(?:\s+(?:of|for|and|on|the|in|&|{_CAP}))+", label)
                                                    or re.fullmatch(r"[A-Z][A-Z&]{1,7}", label)):
        return label
    named = _ORG_NAME.search(sentence)
    if named:
        return named.group(1)
    site = _site_name(host)
    acronym = next((a for a in _ACRONYM.findall(sentence) if a.lower() == site), None)
    return acronym or site.upper()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


# A journal's or publisher's own page that is not a paper: a series, a collection, a topic page ("thelancet.com/series/
# low-back-pain"); its home page alone is no source.
_JOURNAL_SITE = re.compile(r"(?:^|\.)(?:thelancet\.com|bmj\.com|jamanetwork\.com|nejm\.org|jospt\.org|cochranelibrary\.com|"
                           r"nature\.com|sciencedirect\.com|springer\.com|wiley\.com|plos\.org|frontiersin\.org)$")


def _journal_collection(url: str) -> bool:
    try:
        path = urlsplit(url).path.strip("/")
    except ValueError:
        return False
    return bool(_JOURNAL_SITE.search(_host(url)) and path and not ARTICLE_LINK.search(url) and not _NOT_ORG_PAGE.search(url.replace("journals", "")))


# A short line that points to where the story it ends is published in full: "Continued at [Site](...)", "Read the whole
# Agency story at [Site](...)", "This article first appeared on [Site](...)", "Originally published at ...", a newsletter's
# "More at [Magazine](...)." after each item, a digest's "Full story at [Site](...)". A repost's or
# teaser's source: the page behind the link is a reference whatever its site (a news site, a magazine, a blog).
_STORY_POINTER = re.compile(r"^\W*(?:continued|continue reading|(?:read )?more(?=\s+(?:at|from|via|in)\b)|read (?:the )?(?:whole|full|complete|entire|rest of the|original)\b[^.]{0,40}?"
                            r"|(?:the )?(?:whole|full|complete|original) (?:story|article|report|piece|text|study|paper)"
                            r"|(?:this|the) (?:story|article|post|report)(?: was)? (?:first |originally )?(?:appeared|published)"
                            r"|(?:first|originally) (?:appeared|published)"
                            # "Story adapted from [Outlet](...)", "Reprinted with permission from ...", "Courtesy of ..."
                            r"|(?:(?:this|the) )?(?:(?:story|article|post|text|piece|content) )?(?:(?:was|is) )?(?:adapted|reprinted|"
                            r"republished|excerpted|syndicated)(?: with permission)?|courtesy)\s+(?:at|on|in|from|via|by|of)\b", re.I)


# "To read more, please visit <address>", "For the full story, see <address>": the address written out after the pointer.
_VISIT_POINTER = re.compile(r"^\W*(?:to|for)\s+(?:read\s+more|the\s+(?:full|whole|complete)\s+(?:story|article|report)|more\s+"
                            r"(?:details|information|on\s+this\s+(?:story|study)))\W+(?:please\s+)?(?:visit|see|go\s+to|read)\b", re.I)


# A repost's credit line that is only "from" or "via" and the outlet: "– [from NYTimes](...)", "via The Guardian".
_FROM_CREDIT = re.compile(r"^\W*(?:from|via)\s+(?:the\s+)?[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,4}\W*$")


def _story_pointer(s: Sentence, url: str) -> bool:
    if len(s.text.split()) > 14:
        return False
    if len(s.links) == 1 and (_STORY_POINTER.match(s.text) or _FROM_CREDIT.match(s.text)):
        return True
    return url in s.text and bool(_VISIT_POINTER.match(s.text))


# A link to another outlet's article, told as such: its words name the outlet and the kind of piece ("a [Nursing Times
# article](...) reports on", "the [BBC story](...)"), or it is a line of its own under a short "From <Outlet>:" label
# ("From the New York Times:" / "[To Prevent Back Pain, ...](...)"). The page behind it is a source whatever its site;
# "our article" or "this article" (the site's own pages) name no outlet.
_OUTLET_PIECE = re.compile(r"^(?:(?:an?|the)\s+)?(?:[A-Z][\w&'\-]*\s+){1,5}(?:article|story|report|column|piece|feature|interview|"
                           r"editorial)$")
_FROM_OUTLET = re.compile(r"^(?:from|via|as seen (?:in|on)|originally (?:in|on))\s+(?:the\s+)?[A-Z][\w&'\-]*"
                          r"(?:\s+[A-Z][\w&'\-]*){0,5}\s*:?$", re.I)


# ... or whose words are the research itself: "a 2019 study", "recent research", "a large new review" — the page behind it
# is where the claim's research is told, whatever its site.
_RESEARCH_LABEL = re.compile(r"^(?:(?:a|an|the|one|new|recent|large|small|major|landmark|\d{4}|published|randomi[sz]ed|controlled|"
                             r"clinical|systematic|scientific)\s+){0,4}(?:study|studies|research|trial|review|meta-analysis|"
                             r"paper|survey|analysis)(?:\s+(?:of|from|by|in|on|into|at|with)\s+[^.;:]{1,80})?$", re.I)
# ... or whose words are an outlet and its reporting verb, the link being the subject of the sentence's report:
# "[MedPage Today reports](...) that ...", "[The Guardian says](...)".
_OUTLET_REPORTS = re.compile(r"^(?:the\s+)?[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){0,4}\s+(?:reports|reported|says|said|writes|wrote|"
                             r"notes|noted|found|finds|explains|explained|claims|claimed|states|stated|recommends|recommended|"
                             r"advises|advised|estimates|estimated)$")
# ... or whose words are an organisation's name, on whatever domain: "the [Central Statistics Office](...)", "[The Irish
# Longitudinal Study on Ageing (TILDA)](...)", "[Health Service Executive's Model of Care](...)".
_ORG_LABEL = re.compile(rf"^(?:the\s+)?{_CAP}(?:\s+(?:of|for|and|on|the|in|&|{_CAP}))*?\s+(?:{_ORG_WORD}|Study|Survey|Executive|"
                        rf"Statistics|Registry|Programme|Program)(?:'s|\u2019s)?\b(?:\s+(?:of|for|and|on|the|in|&|{_CAP}))*"
                        rf"(?:\s+\([A-Z][A-Za-z&]{{1,9}}\))?$")


# ... or whose words cite the research's authors: "[Lee et al. (2019)](...) found", "[Lee and colleagues](...) showed",
# "a [study by Lee et al.](...)".
_SURNAME = r"(?:(?:van|von|de|der|den|du|da|di|le|la)\s+){0,2}[A-Z][\w'\u2019\-]+"
_LABEL_YEAR = r",?\s*\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?"
_AUTHOR_LABEL = re.compile(rf"^(?P<who>{_SURNAME}(?:\s+et\s+al\b\.?|\s+and\s+(?:colleagues|co-?workers|co-?authors|"
                           rf"(?:his|her|their)\s+(?:team|colleagues))))(?:{_LABEL_YEAR})?$"
                           # two names only with a year ("Lee and Park (2019)"; "Johnson & Johnson" is a company)
                           rf"|^(?P<who2>{_SURNAME}\s+(?:and|&)\s+{_SURNAME}){_LABEL_YEAR.replace('year', 'year2')}$"
                           # one name or an organisation's initials in citation form, dated or not: "[APTA, n.d.](...)",
                           # "[Lee, 2019](...)"
                           rf"|^(?P<who3>{_SURNAME}|[A-Z][A-Z&]{{1,7}}),\s*\(?(?:(?P<year3>(?:19|20)\d{{2}})[a-z]?|n\.\s?d\.?)\)?$")


def author_label(label: str) -> tuple[str, int | None] | None:
    """(authors, year) of a link whose words cite its research's authors, or None."""
    m = _AUTHOR_LABEL.match(label.strip(" ,"))
    if not m:
        return None
    year = m.group("year") or m.group("year2") or m.group("year3")
    return m.group("who") or m.group("who2") or m.group("who3"), int(year) if year else None


def _outlet_article(s: Sentence, before: Sentence | None, url: str, label: str) -> bool:
    if not label or ARTICLE_LINK.search(url):
        return False
    own = re.match(r"(?i)^(?:our|this|my)\b", label) or re.search(r"(?i)\b(?:our|my)\s*$", s.text[:max(0, s.text.find(label))])
    # ("et al." is no sentence's end in a link's words: "a [2019 study by Lee et al.](...)")
    research = _RESEARCH_LABEL.match(re.sub(r"\bet al\.", "et al", label)) or author_label(label)
    if ((_OUTLET_PIECE.match(label) or research or _OUTLET_REPORTS.match(label)) and not own
            and url.startswith(("http://", "https://"))):
        return True
    return (len(s.links) == 1 and s.text.strip(" .") == label.strip(" .") and before is not None
            and before.paragraph >= s.paragraph - 1 and bool(_FROM_OUTLET.match(before.text.strip())))


# A link shown only as "here" after a named piece published elsewhere: "1) The X Podcast session 6: Achilles tendons
# (here)", "To view the poster click here". The page behind it is the piece: a reference of kind "web". The site's own
# pages are not (a host the page links three times or more, "our"/"my" piece); a paper's page is read as a paper.
_PIECE = re.compile(r"(?i)\b(?:podcast|episode|poster|paper|article|study|research|review|guidelines?|report|webinar|video|"
                    r"lecture|talk|interview|booklet|leaflet|fact ?sheet)s?\b")
_OWN_PIECE = re.compile(r"(?i)\b(?:our|my)\b")
# ... or a link whose words are somebody's website, blog or podcast: "[Peter's tendinopathy website](...)".
_SITE_LABEL = re.compile(r"^(?:the\s+)?(?!(?:our|my|this|his|her|their)\b)[A-Z][\w'\u2019\-]*(?:\s+[\w'\u2019\-]+){0,3}\s+"
                         r"(?:website|web site|blog|podcast)$", re.I)


# A pointer to an organisation's pages for more: "Go to [this link](...) or [here](...) for further information".
_FURTHER_INFO = re.compile(r"\bfor (?:further|more) (?:information|info|details|advice|reading|help)\b|\bto (?:learn|read|find out) more\b",
                           re.I)


def _piece_link(s: Sentence, url: str, label: str, often: set[str]) -> bool:
    if ARTICLE_LINK.search(url) or _host(url) in often or not url.startswith(("http://", "https://")):
        return False
    if label and _SITE_LABEL.match(label) and not _OWN_PIECE.search(label):
        return True
    if not label or not _EMPTY_LABEL.match(label):
        return False
    before = s.text[: s.text.find(label)] if label in s.text else s.text
    return bool(_PIECE.search(before)) and not _OWN_PIECE.search(before)


# The page's own site: the host of its canonical address, of a link marked rel="home", or of a link whose words are a
# menu's ("Home", "About", "Blog", "Classes", "Schedule"). Its pages linked from the text ("Related posts", a "...read
# more" under a teaser, a clinic's class list) are the site's navigation, never its sources, whatever its domain.
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical[^>]*>|<meta\b[^>]*\bproperty=[\"']?og:url[^>]*>", re.I)
_HREF = re.compile(r"(?:href|content)=[\"'](https?://[^\"'\s>]+)", re.I)
_HOME_LINK = re.compile(r"<a\b[^>]*\brel=[\"']?home[^>]*>", re.I)
_ANCHOR = re.compile(r"<a\b[^>]*\bhref=[\"'](https?://[^\"'\s>]+)[^>]*>(.*?)</a>", re.I | re.S)
_MD_LINK = re.compile(r"\[([^\]\n]{1,80})\]\((https?://[^)\s]+)\)")
_MD_URL = re.compile(r"\]\((https?://[^)\s]+)\)")   # a Markdown link's address, whatever its words
_SITE_MENU = re.compile(r"^(?:home|about(?: us)?|our team|team|services|contact(?: us)?|book(?: online| now)?|blog|news|shop|donate|"
                        r"classes|schedule|timetable|teachers|locations?|careers|faqs?|events|our research|membership|join)$", re.I)


def own_hosts(page: str) -> set[str]:
    """Hosts that are the page's own site (see _SITE_MENU), read from the page as given (HTML or Markdown)."""
    hosts = {_host(u) for tag in _CANONICAL.findall(page) + _HOME_LINK.findall(page) for u in _HREF.findall(tag)}
    for url, label in _ANCHOR.findall(page):
        if _SITE_MENU.match(re.sub(r"<[^>]+>|&[a-z]+;", " ", label).strip()):
            hosts.add(_host(url))
    for label, url in _MD_LINK.findall(page):
        if _SITE_MENU.match(label.strip()):
            hosts.add(_host(url))
    # the first link of the page, above its title, to a site's home address: the site's logo or name over its menu
    title = re.search(r"(?m)^#\s|<h1\b", page)
    top = page[: title.start() if title else 0][:2000]
    first = re.search(_MD_URL.pattern + r"|<a\b[^>]*\bhref=[\"'](https?://[^\"'\s>]+)", top)
    if first:
        url = first.group(1) or first.group(2)
        if urlsplit(url).path.strip("/") == "":
            hosts.add(_host(url))
    return {h for h in hosts if h}


# A social network's profile or share link ("@SportsArthritis", "Follow us on Facebook") is no source; a post on one
# ("twitter.com/<name>/status/<id>") may be.
_SOCIAL = re.compile(r"(?:^|\.)(?:twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|youtube\.com|tiktok\.com|"
                     r"pinterest\.com|threads\.net)$")


def _social_profile(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_SOCIAL.search(_host(url))) and not re.search(r"/(?:status|posts?|p|watch|reel|videos?)/|[?&]v=", parts.path + "?" + parts.query)


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z:'\u2019-]*")


def _names_its_site(label: str, url: str) -> bool:
    """A link whose words are a body's proper name and whose site is named after it: "[Arthritis Australia](https://
    arthritisaustralia.com.au/)", "[Osteoporosis Canada](https://osteoporosis.ca/)", "[GLA:D Australia](https://
    gladaustralia.com.au/)" (an organisation's own site on a commercial or national domain)."""
    words = _NAME_WORD.findall(re.sub(r"^the\s+", "", label, flags=re.I))
    if not 2 <= len(words) <= 6 or not all(w[0].isupper() or w.lower() in ("of", "for", "and", "on", "the", "in") for w in words):
        return False
    if words[0].lower() in ("about", "rss", "subscribe", "follow", "listen", "watch"):
        return False   # "About Glance", "RSS Feed": the site's own pages and channels
    host = re.sub(r"[^a-z]", "", _host(url).split(".")[0])   # (_host has dropped "www.")
    letters = (re.sub(r"[^a-z]", "", w.lower()) for w in words)
    keys = [k for k in letters if len(k) >= 4]
    # (a platform's channel is named by the platform's word: "Apple Podcasts" on podcasts.apple.com, "Google Play")
    keys = [k for k in keys if k not in ("podcasts", "podcast", "feed", "feeds", "play", "store", "news", "blog", "shop", "music")] \
        if len(keys) > 1 else keys
    inside = [k for k in keys if k in host]
    return bool(inside) and 2 * len(inside) >= len(keys)


def organisation_links(sentences: list[Sentence], refs: list[Reference], raw_text: str = "", own: set[str] | None = None) -> list[Reference]:
    """``refs`` with a "web" reference for each organisation page linked from the text, and without the
    in-text citations of an organisation that is linked."""
    seen = {(r.url or "").lower().rstrip("/") for r in refs if r.url}
    out = list(refs)
    names: set[str] = set()
    undated: set[str] = set()
    hosts = Counter(_host(u) for u in _MD_URL.findall(raw_text))
    often = {h for h, k in hosts.items() if k >= 3}
    for n, s in enumerate(sentences):
        for url in s.links + [u.rstrip(".,;") for u in _BARE_URL.findall(s.text)]:
            key = url.lower().rstrip("/")
            if key in seen or (own and _host(url) in own) or _social_profile(url):
                continue
            if _journal_collection(url):
                # "the low back pain series ... in 'The Lancet' (https://www.thelancet.com/series/low-back-pain)"
                seen.add(key)
                journal = next((j for j in JOURNALS if re.search(rf"\b{re.escape(j)}\b", s.text)), _site_name(_host(url)))
                out.append(Reference(text=f"{journal} <{url}>", kind="web", authors=[journal], url=url))
                continue
            if not organisation_page(url):
                label = _link_label(url, raw_text)
                if (label and (_ORG_LABEL.match(label) or _names_its_site(label, url)) and not ARTICLE_LINK.search(url)
                        and not _MENU_WORDS.match(label) and not _OWN_PIECE.match(label) and len(s.text.split()) >= 6):
                    seen.add(key)
                    out.append(Reference(text=f"{label} <{url}>", kind="web", authors=[re.sub(r"^the\s+", "", label, flags=re.I)], url=url))
                    continue
                if _outlet_article(s, sentences[n - 1] if n else None, url, label):
                    seen.add(key)
                    cited = author_label(label)
                    # (a dated label is also read as an in-text citation, which merge_linked_citations folds into this
                    # link with its authors and year; an undated one names the authors only here)
                    # (an organisation cited by its initials, "[APTA, n.d.](...)", links its own page: kind "web")
                    # (and a link whose words are the outlet or body and its verb, "[SGH claims](...)", is its page)
                    kind = "web" if (cited and _ACRONYM.fullmatch(cited[0])) or _OUTLET_REPORTS.match(label) else "link"
                    out.append(Reference(text=f"{label} <{url}>", kind=kind, url=url, title=None if cited else label,
                                         authors=[cited[0]] if cited and cited[1] is None else []))
                    if cited and cited[1] is None:
                        undated.add(cited[0].lower())   # "([APTA, n.d.](...))": the in-text citation is this link
                    continue
                if _piece_link(s, url, label, often):
                    seen.add(key)
                    who = label if _SITE_LABEL.match(label or "") else _site_name(_host(url))
                    out.append(Reference(text=f"{label or who} <{url}>", kind="web", authors=[who], url=url))
                    continue
                if _story_pointer(s, url) and not ARTICLE_LINK.search(url):
                    seen.add(key)
                    label = _link_label(url, raw_text)
                    who = label if label and not _EMPTY_LABEL.match(label) else _site_name(_host(url))
                    # (the outlet's story is a web page, as an organisation's is: kind "web")
                    out.append(Reference(text=f"{label or who} <{url}>", kind="web", authors=[who], url=url))
                continue
            label = _link_label(url, raw_text)
            outside = s.text.replace(label, " ") if label else s.text
            few_words = len(re.findall(r"[A-Za-z]{2,}", outside)) < 4
            # (a list item that is only the link, "- [NICE guideline](...)", is a source list's entry)
            whole_item = s.item and len(s.links) == 1 and not re.search(r"[A-Za-z]{2,}", outside)
            if _MENU_WORDS.match(label) or (few_words and not whole_item and (len(label.split()) < 3 or len(s.links) >= 3)):
                continue   # a menu or a call to action, not a source ("Read more: [Title – Society](...)" is one)
            host = _host(url)
            if (not label or _EMPTY_LABEL.match(label)) and not (_ORG_NAME.search(s.text) or any(
                    a.lower() == _site_name(host) for a in _ACRONYM.findall(s.text)) or (own and host not in own)
                    or _FURTHER_INFO.search(s.text)):
                # "the full list of studies by clicking here": a link that names no organisation (often the site's own);
                # when the page says which site is its own, another organisation's page behind "here" is a source
                continue
            seen.add(key)
            who = _organisation(label, s.text, host)
            title = label if label and not _EMPTY_LABEL.match(label) and label != who else None
            out.append(Reference(text=f"{label or who} <{url}>", kind="web", authors=[who], url=url, title=title))
            names.update({who.lower(), _initials(who).lower(), _site_name(host)})
    if undated:
        out = [r for r in out if not (r.kind == "inline" and r.year is None and r.authors and r.authors[0].lower() in undated)]
    if names:
        # "NICE (2016)" in the text and the NICE page linked: one reference
        out = [r for r in out if not (r.kind == "inline" and r.authors and not r.journal and r.authors[0].lower() in names)]
    return out


__all__ = ["organisation_links", "organisation_page"]
