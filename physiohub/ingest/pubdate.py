"""Publication dates as the formats write them -> (year, ISO-ish 'YYYY[-MM[-DD]]')."""
from __future__ import annotations

import re

MONTHS = {m: f"{i:02d}" for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def medline_date(text: str) -> tuple[int | None, str]:
    """MedlineDate free text: '1998 Dec-1999 Jan' -> (1998, '1998-12'); '2000 Spring' -> (2000, '2000')."""
    m = _YEAR.search(text or "")
    if not m:
        return None, ""
    year = m.group(1)
    rest = text[m.end():]
    mm = _MONTH_WORD.match(rest.strip())
    return int(year), year + (f"-{MONTHS[mm.group(1).lower()]}" if mm else "")


def parse_date(text: str | None) -> tuple[int | None, str]:
    """Loose dates: '2019/03/01/', '2019-03', '2019 Mar 5', 'March 2019', '2019' -> (year, iso)."""
    if not text:
        return None, ""
    t = text.strip()
    m = re.match(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", t)
    if m and 1500 < int(m.group(1)) < 2100:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        iso = y
        if mo and 1 <= int(mo) <= 12:
            iso += f"-{int(mo):02d}"
            if d and 1 <= int(d) <= 31:
                iso += f"-{int(d):02d}"
        return int(y), iso
    y = _YEAR.search(t)
    if not y:
        return None, ""
    mw = _MONTH_WORD.search(t)
    iso = y.group(1) + (f"-{MONTHS[mw.group(1).lower()]}" if mw else "")
    if mw:
        d = re.match(r"\s*(\d{1,2})\b", t[mw.end():])
        if d and 1 <= int(d.group(1)) <= 31:
            iso += f"-{int(d.group(1)):02d}"
    return int(y.group(1)), iso


def date_parts(parts: list | None) -> tuple[int | None, str]:
    """Crossref {'date-parts': [[2019, 3, 1]]} -> (2019, '2019-03-01')."""
    if not parts or not parts[0] or parts[0][0] is None:
        return None, ""
    p = [int(x) for x in parts[0] if x is not None]
    iso = f"{p[0]:04d}" + "".join(f"-{x:02d}" for x in p[1:3])
    return p[0], iso
