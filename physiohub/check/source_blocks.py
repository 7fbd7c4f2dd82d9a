"""Short source blocks under a story or a summary, read as reference lines by ``document.parse_document``.

Research-summary and news sites close with a line that names where the story came from, in forms no reference style
has: an author-led "From: Lee et al., Phys Ther Rev 20 (2016-07-18 06:20:10) 16-26 . All rights reserved ... Click
here", a science-news "Story Source: Materials provided by <University>. Note: Content may be edited ...", a news
aggregator's "Source: <Outlet> - Category: ... Authors: Source Type: news", a bracketed "[Source: <Outlet>]", a study
label over a bare address ("Link to study: https://..."). These helpers say whether such a line is a source and what
of it is the source.
"""
from __future__ import annotations

import re

_PARTICLE = r"(?:van|von|de|der|den|du|da|di|dos|das|del|della|le|la|ten|ter)"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"

# A short source line led by its authors ("Surname et al.," or "Surname AB"), then a journal and a year in any form.
_AUTHOR_LED = re.compile(rf"^(?:{_PARTICLE} )*[{_UP}][\w'\u2019\-]+(?:,?\s+et al\.?|\s+[A-Z]{{1,3}}\b(?:,?\s+et al\.?)?)[,.]?\s+"
                         rf"(?:{_PARTICLE} )*[{_UP}](?=[^.]*?\b(?:19|20)\d{{2}}\b)")
# ... which is not a sentence reporting a finding ("From: Lee et al. found that ...").
_REPORTS = re.compile(r"\b(?:found|finds|showed|shows|suggests?|reported|concluded|say|says|said)\b")
# A rights notice or a pointer run on after the source: "... 16-26 . All rights reserved to ... Click here ...".
_TRAILING_NOTE = re.compile(r"(?<=[.)])\s+(?=(?:All rights reserved|Copyright\b|\u00a9|Click here|Read more)\b)", re.I)
# "Materials provided by <University>": the provider is the source; the editor's note after it is not.
_PROVIDED_BY = re.compile(r"^(?:materials?|content|story)?\s*(?:provided|supplied) by\s+", re.I)
_EDIT_NOTE = re.compile(r"\.?\s*Note:\s*Content may be edited.*$", re.I)
# A news aggregator's fields after the source's name.
_AGGREGATOR_FIELDS = re.compile(r"\s+-\s+Category:.*$|\s+(?:Authors?|Source Type):.*$")
# An address alone (maybe after one short word): "https://...", "<https://...>", "here: https://...".
_ONLY_ADDRESS = re.compile(r"^\s*(?:\S{0,80}\s)?<?https?://\S+?>?\s*$")


def source_line(rest: str) -> bool:
    """Is what follows a run-in label ("From:", "Study:") a short source led by its authors and holding a year?"""
    return bool(_AUTHOR_LED.match(rest)) and len(rest.split()) <= 30 and not _REPORTS.search(rest)


def only_address(rest: str) -> bool:
    """Is what follows a study label only an address ("Link to study: https://...")?"""
    return bool(_ONLY_ADDRESS.match(rest))


def without_trailing_note(rest: str) -> str:
    """The source without a rights notice or a "Click here" pointer run on after it."""
    return _TRAILING_NOTE.split(rest, maxsplit=1)[0].strip()


def provided_by(line: str) -> bool:
    """Does the line open with a provider's phrase ("Materials provided by ...")?"""
    return bool(_PROVIDED_BY.match(line))


def source_rest(body: str, start: int) -> str:
    """What a run-in sources label ("Source:", "Story Source:", "Via:") at ``body[:start]`` names, without a
    provider's phrase, an editor's note, an aggregator's fields or the closing bracket of a bracketed source line
    ("[Source: Reuters Health]")."""
    rest = _AGGREGATOR_FIELDS.sub("", _EDIT_NOTE.sub("", _PROVIDED_BY.sub("", body[start:].strip())))
    if re.match(r"^\s*[\[(]", body) and rest.endswith(("]", ")")) and rest.count("(") < rest.count(")") + (rest[-1] == "]") \
            and "[" not in rest:
        rest = rest[:-1]
    return rest


__all__ = ["only_address", "provided_by", "source_line", "source_rest", "without_trailing_note"]
