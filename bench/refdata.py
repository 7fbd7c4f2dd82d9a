"""Training lines for the reference-entry model (bench/train_check_references.py).

Positives rendered by our own small formatter from real metadata (../shared/data/pubmed-xml records, Crossref
JSON and RIS exports in ../shared/data/bib-formats) in many citation styles; the reference entries of the dev
fixture articles (dev/, heldout/ — a dev set since session 4 —, dev2/, dev3/; heldout2/ and heldout3/ are never
read); negatives: every other line of those articles, and abstract sentences of the PubMed records.
"""
from __future__ import annotations

import gzip
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "fixtures" / "check" / "real"
DATA = REPO.parent / "shared" / "data"
DEV_SETS = ("dev", "heldout", "dev2", "dev3")   # heldout2/ and heldout3/ are scored only, never read here

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


# ---------------------------------------------------------------- metadata

def _text(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def pubmed_records() -> tuple[list[dict], list[str]]:
    """Records (authors as (family, given, initials), title, journal, abbrev, year, volume, issue, pages, doi, pmid)
    and abstract texts of the PubMed XML files."""
    recs, abstracts = [], []
    for path in sorted((DATA / "pubmed-xml").glob("*.xml")):
        try:
            root = ET.fromstring(path.read_bytes().lstrip(b"\xef\xbb\xbf"))
        except ET.ParseError:
            continue
        for art in root.iter("PubmedArticle"):
            a = art.find(".//Article")
            if a is None:
                continue
            authors = []
            for au in a.findall("AuthorList/Author"):
                fam = _text(au.find("LastName"))
                if fam:
                    authors.append((fam, _text(au.find("ForeName")), _text(au.find("Initials"))))
            year = _text(a.find("Journal/JournalIssue/PubDate/Year")) or _text(a.find("Journal/JournalIssue/PubDate/MedlineDate"))[:4]
            doi = next((_text(e) for e in art.findall(".//ArticleIdList/ArticleId") if e.get("IdType") == "doi"), "")
            recs.append({
                "authors": authors, "title": _text(a.find("ArticleTitle")), "journal": _text(a.find("Journal/Title")),
                "abbrev": _text(a.find("Journal/ISOAbbreviation")), "year": year,
                "volume": _text(a.find("Journal/JournalIssue/Volume")), "issue": _text(a.find("Journal/JournalIssue/Issue")),
                "pages": _text(a.find("Pagination/MedlinePgn")), "doi": doi, "pmid": _text(art.find(".//PMID")),
            })
            ab = _text(a.find("Abstract"))
            if ab:
                abstracts.append(ab)
    return [r for r in recs if r["title"] and r["year"][:2] in ("19", "20")], abstracts


def _initials(given: str) -> str:
    return "".join(p[0] for p in re.split(r"[\s\-.]+", given) if p[:1].isalpha()).upper()


def crossref_records() -> tuple[list[dict], list[str]]:
    """Records of the Crossref works, and the unstructured reference strings they cite (real entries)."""
    works = []
    cr = DATA / "bib-formats" / "crossref-json"
    gz = cr / "habanero_cassettes_crossref_works_520.jsonl.gz"
    if gz.exists():
        with gzip.open(gz, "rt", encoding="utf-8") as f:
            works += [json.loads(x) for x in f if x.strip()]
    for name in ("crossref_api_works.json", "habanero_cassette_test_cursor_worklist_response.json"):
        p = cr / name
        if p.exists():
            try:
                works += json.loads(p.read_text(encoding="utf-8"))["message"]["items"]
            except (KeyError, ValueError):
                pass
    recs, unstructured = [], []
    for w in works:
        for r in w.get("reference", []) or []:
            u = r.get("unstructured")
            if u and len(u.split()) >= 5:
                unstructured.append(" ".join(u.split()))
        title = " ".join((w.get("title") or [""])[0].split()) if w.get("title") else ""
        parts = ((w.get("issued") or {}).get("date-parts") or [[None]])[0]
        if not title or not parts or not parts[0]:
            continue
        authors = [(a["family"], a.get("given", ""), _initials(a.get("given", ""))) for a in w.get("author", []) or [] if a.get("family")]
        recs.append({"authors": authors, "title": re.sub(r"<[^>]+>", "", title),
                     "journal": (w.get("container-title") or [""])[0], "abbrev": (w.get("short-container-title") or [""])[0],
                     "year": str(parts[0]), "volume": w.get("volume", ""), "issue": w.get("issue", ""),
                     "pages": w.get("page", ""), "doi": w.get("DOI", ""), "pmid": ""})
    return recs, unstructured


def ris_records() -> list[dict]:
    recs = []
    for path in sorted((DATA / "bib-formats" / "ris").glob("*.ris")):
        cur: dict = {}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^([A-Z][A-Z0-9])  - ?(.*)$", line)
            if not m:
                continue
            tag, val = m.group(1), m.group(2).strip()
            if tag == "TY":
                cur = {"authors": [], "title": "", "journal": "", "abbrev": "", "year": "", "volume": "", "issue": "",
                       "pages": "", "doi": "", "pmid": ""}
            elif tag == "AU":
                fam, _, given = val.partition(",")
                cur["authors"].append((fam.strip(), given.strip(), _initials(given)))
            elif tag == "TI":
                cur["title"] = val
            elif tag in ("T2", "JO", "JF") and not cur.get("journal"):
                cur["journal"] = val
            elif tag == "PY":
                cur["year"] = val[:4]
            elif tag == "VL":
                cur["volume"] = val
            elif tag == "IS":
                cur["issue"] = val
            elif tag == "SP":
                cur["pages"] = val
            elif tag == "DO":
                cur["doi"] = val
            elif tag == "ER" and cur.get("title") and cur.get("year"):
                recs.append(cur)
    return recs


# ---------------------------------------------------------------- our own formatter

def _abbrev(journal: str, abbrev: str, rng: random.Random) -> str:
    if abbrev and rng.random() < 0.7:
        a = abbrev
    else:
        words = [w for w in re.split(r"\s+", journal) if w.lower() not in ("of", "the", "and", "&", "for", "in", "part")]
        a = " ".join(w[:rng.choice((3, 4, 5, 6))] if len(w) > 5 else w for w in words) or journal
    if rng.random() < 0.4:
        a = " ".join(w.rstrip(".") + "." if len(w) > 1 and w.isalpha() and not w.isupper() else w for w in a.split())
    else:
        a = a.replace(".", "")
    if rng.random() < 0.08:
        a = a.upper()
    return a


def _names(authors, style: str, rng: random.Random) -> str:
    if not authors:
        return ""
    cap = {"vanc": 6, "ama": 6, "apa": 20, "harvard": 3, "chicago": 10, "mla": 2, "nature": 5}.get(style, 6)
    if rng.random() < 0.35:
        cap = rng.choice((1, 2, 3))
    many = len(authors) > cap
    use = authors[:cap]

    def ini(g, i, dots):
        ii = i or _initials(g)
        return ". ".join(ii) + "." if dots else ii

    if style in ("vanc", "ama"):
        parts = [f"{f} {ini(g, i, False)}".strip() for f, g, i in use]
        s = ", ".join(parts)
        return s + (", et al" if many else "")
    if style == "apa":
        parts = [f"{f}, {ini(g, i, True)}" for f, g, i in use]
        if many:
            return ", ".join(parts) + ", ... " + f"{authors[-1][0]}, {ini(authors[-1][1], authors[-1][2], True)}"
        return ", ".join(parts[:-1]) + (", & " if len(parts) > 1 else "") + parts[-1] if len(parts) > 1 else parts[0]
    if style == "harvard":
        parts = [f"{f}, {ini(g, i, True)}" for f, g, i in use]
        if many:
            return parts[0] + " et al."
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if len(parts) > 1 else parts[0]
    if style == "chicago":
        first = f"{use[0][0]}, {use[0][1] or use[0][2]}"
        rest = [f"{g or i} {f}" for f, g, i in use[1:]]
        if many:
            return first + ", et al."
        return first + (", " + ", ".join(rest[:-1]) + (", and " if rest[:-1] else ", and ") + rest[-1] if rest else "")
    if style == "mla":
        first = f"{use[0][0]}, {use[0][1] or use[0][2]}"
        return first + (", et al." if len(authors) > 2 else (f", and {authors[1][1]} {authors[1][0]}" if len(authors) == 2 else ""))
    # nature
    parts = [f"{f}, {ini(g, i, True)}" for f, g, i in use]
    return ", ".join(parts) + (" et al." if many else "")


def _pages(p: str, rng: random.Random) -> str:
    return p.replace("-", "\u2013") if rng.random() < 0.4 else p


def render(rec: dict, rng: random.Random) -> str:
    """One entry for the record in a randomly chosen style, with random prefixes, identifiers and notes."""
    style = rng.choice(("vanc", "vanc", "ama", "apa", "apa", "harvard", "harvard_np", "chicago", "mla", "nature", "nlm_internet",
                        "comma", "bare", "journal_year"))
    if rng.random() < 0.03:   # a group author
        rec = {**rec, "authors": [(f"{rng.choice(('GBD 2019', 'Global', 'National', 'Example'))} {rng.choice(TOPICS).split(':')[0]} "
                                   f"{rng.choice(('Collaborators', 'Working Group', 'Study Group', 'Consortium'))}", "", "")]}
    title = rec["title"].rstrip(".")
    if rng.random() < 0.08 and len(title) > 60:
        title = title[: rng.randint(30, 60)].rsplit(" ", 1)[0] + "..."
    j, ab = rec["journal"], _abbrev(rec["journal"], rec["abbrev"], rng)
    y, v, i, p = rec["year"], rec["volume"], rec["issue"], _pages(rec["pages"], rng)
    doi = rec["doi"]
    month = rng.choice(MONTHS)
    vi = f"{v}({i})" if v and i else v
    if style in ("vanc", "ama", "nlm_internet"):
        names = _names(rec["authors"], "vanc", rng)
        date = f"{y} {month}" if rng.random() < 0.3 else y
        if rng.random() < 0.2:
            date += f" {rng.randint(1, 28)}"
        tail = f"{ab}. {date};{vi}:{p}." if p else f"{ab}. {date};{vi}."
        if style == "ama":
            tail = f"{ab}. {y};{vi}:{p}." if p else f"{ab}. {y};{vi}."
        if style == "nlm_internet":
            tail = f"{ab} [Internet]. {date} [cited {y if int(y[:4]) > 2020 else 2023} {rng.choice(MONTHS)} {rng.randint(1, 28)}];{vi}:{p}."
        s = f"{names}. {title}. {tail}" if names else f"{title}. {tail}"
        if doi and rng.random() < 0.5:
            s += rng.choice((f" doi:{doi}", f" doi: {doi}", f" DOI: {doi}", f" https://doi.org/{doi}"))
        if rec.get("pmid") and rng.random() < 0.25:
            s += f" PMID: {rec['pmid']}."
        if style == "nlm_internet" and rng.random() < 0.6:
            s += f" Available from: https://www.ncbi.nlm.nih.gov/pubmed/{rec.get('pmid') or rng.randint(10**6, 10**8)}"
    elif style == "apa":
        names = _names(rec["authors"], "apa", rng)
        jj = j if rng.random() < 0.8 else ab
        s = f"{names} ({y}). {title}. {jj}, {vi}" + (f", {p}." if p else ".")
        if doi and rng.random() < 0.6:
            s += rng.choice((f" https://doi.org/{doi}", f" doi:{doi}", f" doi: {doi}", f" DOI: {doi.upper()}"))
    elif style in ("harvard", "harvard_np"):
        names = _names(rec["authors"], "harvard", rng)
        yy = f"({y})" if style == "harvard" else f"{y}."
        jj = j if rng.random() < 0.7 else ab
        s = f"{names} {yy} {rng.choice(('', chr(39)))}{title}{rng.choice(('', chr(39)))}, {jj}, {vi}" + (f", pp. {p}." if p and rng.random() < 0.5 else (f", {p}." if p else "."))
        if doi and rng.random() < 0.4:
            s += f" doi: {doi}."
        if rng.random() < 0.2:
            s += f" Available at: https://doi.org/{doi or '10.1000/x'} (Accessed: {rng.randint(1, 28)} {rng.choice(MONTHS_FULL)} {int(y[:4]) + rng.randint(1, 5)})."
    elif style == "chicago":
        names = _names(rec["authors"], "chicago", rng)
        s = f"{names}. \u201c{title}.\u201d {j} {v}" + (f", no. {i}" if i else "") + f" ({y})" + (f": {p}." if p else ".")
        if doi and rng.random() < 0.5:
            s += f" https://doi.org/{doi}."
    elif style == "mla":
        names = _names(rec["authors"], "mla", rng)
        s = f"{names}. \u201c{title}.\u201d {j}, vol. {v}" + (f", no. {i}" if i else "") + f", {y}" + (f", pp. {p}." if p else ".")
        if rng.random() < 0.3:
            s += f" Accessed {rng.randint(1, 28)} {rng.choice(MONTHS)}. {int(y[:4]) + 2}."
    elif style == "comma":   # comma-separated fields, the year last (library pages)
        names = _names(rec["authors"], "vanc", rng).replace(", et al", " et al")
        if rng.random() < 0.5 and ", " in names:
            head, _, last = names.rpartition(", ")
            names = f"{head} and {last}"
        s = f"{names}, {title}., {ab}, {v};{p}, {y}" if p else f"{names}, {title}, {ab}, {y}"
    elif style == "bare":   # no year or volume: a title and a journal (lists copied from a page)
        names = _names(rec["authors"], "vanc", rng)
        s = f"{names}. {title}. {ab}."
    elif style == "journal_year":   # "Authors (Year) Title. Journal vol:pages"
        names = _names(rec["authors"], "vanc", rng)
        s = f"{names} ({y}) {title}. {ab} {v}:{p}" if p else f"{names} ({y}) {title}. {ab} {v}"
    else:   # nature
        names = _names(rec["authors"], "nature", rng)
        s = f"{names} {title}. {ab} {v}, {p} ({y})."
    s = " ".join(s.replace(" .", ".").replace("..", ".").split())
    r = rng.random()
    if r < 0.15:
        s = f"{rng.randint(1, 60)}. {s}"
    elif r < 0.25:
        s = f"[{rng.randint(1, 60)}] {s}"
    elif r < 0.3:
        s = f"{rng.randint(1, 60)}) {s}"
    elif r < 0.38:
        s = f"- {s}"
    elif r < 0.42:
        s = f"* {s}"
    elif r < 0.45:
        s = f"\u2191 {s}"
    if rng.random() < 0.05:
        s += " \u21a9"
    elif rng.random() < 0.04:
        s += " ^"
    return s


# Organisation pages (kind "web"): names and titles of our own, in the shapes pages cite them.
ORGS = ["World Health Organization", "National Institute for Health and Care Excellence", "Arthritis Foundation",
        "American Academy of Orthopaedic Surgeons", "Australian Physiotherapy Association", "Versus Arthritis",
        "Centers for Disease Control and Prevention", "NHS", "Chartered Society of Physiotherapy", "Mayo Clinic",
        "National Osteoporosis Society", "Royal College of General Practitioners", "Cleveland Clinic",
        "American Physical Therapy Association", "Spine Health Institute", "Canadian Orthopaedic Foundation"]
TOPICS = ["Low back pain", "Osteoarthritis", "Physical activity guidelines", "Knee pain", "Neck pain: overview",
          "Frozen shoulder", "Osteoporosis fact sheet", "Sciatica treatment", "Exercise for bone health",
          "Tennis elbow", "Plantar fasciitis", "Rotator cuff injuries", "Hip pain in adults", "Whiplash"]


def render_web(rng: random.Random) -> str:
    org, topic = rng.choice(ORGS), rng.choice(TOPICS)
    host = re.sub(r"[^a-z]", "", org.lower())[:14]
    url = f"https://www.{host}.org/{topic.lower().replace(' ', '-').replace(':', '')}"
    y = rng.randint(2012, 2024)
    forms = [f"{org}. ({y}). {topic}. {url}",
             f"{org}. {topic} [Internet]. {y} [cited {y + 1} {rng.choice(MONTHS)} {rng.randint(1, 28)}]. Available from: {url}",
             f"{org} ({y}) {topic}. Available at: {url} (Accessed: {rng.randint(1, 28)} {rng.choice(MONTHS_FULL)} {y + 1}).",
             f"{org}. {topic}. {url}. Accessed {rng.choice(MONTHS_FULL)} {rng.randint(1, 28)}, {y + 1}.",
             f"{org}. {topic}. London: {org}; {y}.",
             f"\u201c{topic}.\u201d {org}, {y}, {url}."]
    s = rng.choice(forms)
    return rng.choice(("", "", "- ", f"{rng.randint(1, 30)}. ")) + s


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if len(s.split()) >= 4]


# ---------------------------------------------------------------- fixture lines

def fixture_articles(sets=DEV_SETS):
    """(article name, [(cleaned line, label)]) per dev article; label 1 = the line is (mostly) reference entries
    the rules found there (the rules find every reference of these sets with no extra: docs/check.md), 0 = any
    other line; lines only partly an entry (a glued entry after a sentence) are left out."""
    from physiohub.check.document import parse_document
    from physiohub.check.extract import article_text
    from physiohub.check.reference_model import _key, clean_line
    from physiohub.check.evaluate import gold_articles, reference_matches
    from physiohub.check.references import parse_reference, parse_reference_list

    out = []
    for folder in sets:
        for stem, gold, art in gold_articles(REAL / folder):
            body = article_text(art.read_text(encoding="utf-8"), html=True if gold["html"] else None)
            doc = parse_document(body)
            # (an entry line the reference parser drops, a page footer, is no reference)
            keys = [k for k in (_key(t) for t in doc.reference_lines if parse_reference_list([t])) if len(k) >= 8]
            rows = []
            for raw in body.split("\n"):
                line = clean_line(raw)
                if not line or len(line.split()) < 2:
                    continue
                k = _key(line)
                if not k:
                    continue
                covered = sum(len(t) for t in keys if t in k)
                inside = any(k in t for t in keys) and len(k) >= 30   # (a heading's words inside an entry's title: no)
                entry = parse_reference(re.sub(r"^[A-Z][A-Za-z ]{0,30}:\s+", "", line))
                # (with its DOI: a body sentence naming the same authors and year is no entry)
                is_gold = bool(entry.authors and entry.year and entry.doi
                               and any(reference_matches(g, entry.as_dict()) for g in gold["references"] if g.get("doi")))
                if inside or covered >= 0.6 * len(k) or is_gold:
                    rows.append((line, 1))
                elif covered > 0:
                    continue
                else:
                    rows.append((line, 0))
            out.append((f"{folder}/{stem}", body, rows))
    return out


def synthetic(seed: int = 13, per_record: int = 2):
    """(positives, negatives) from ../shared/data: rendered entries and real unstructured references; abstract
    sentences."""
    rng = random.Random(seed)
    pm, abstracts = pubmed_records()
    cr, unstructured = crossref_records()
    ris = ris_records()
    pos = []
    for rec in pm + cr + ris:
        for _ in range(per_record):
            pos.append(render(rec, rng))
    pos += [render_web(rng) for _ in range(300)]
    rng.shuffle(unstructured)
    pos += unstructured[:1500]
    neg = []
    for ab in abstracts:
        neg += sentences(ab)
    rng.shuffle(neg)
    neg = neg[:4000]
    # hard negatives: body sentences that cite (narrative "Lee et al. (2019) found that ...", a bracketed
    # "(Lee et al., 2019)" or "[3]" at the end) and author bylines with no title or year — an entry's parts,
    # not an entry
    recs = [r for r in pm + cr + ris if r["authors"]]
    for sent in neg[:1200]:
        r = rng.choice(recs)
        fam, y = r["authors"][0][0], r["year"][:4]
        low = sent[0].lower() + sent[1:]
        form = rng.randrange(7)
        if form == 0:
            neg.append(f"{fam} et al. ({y}) {rng.choice(('found', 'showed', 'reported', 'analysed 12 trials and concluded'))} that {low}")
        elif form == 1:
            neg.append(f"{sent.rstrip('.')} ({fam} et al., {y}).")
        elif form == 2:
            neg.append(f"{sent.rstrip('.')} [{rng.randint(1, 30)}].")
        elif form == 3:
            neg.append(f"A {y} study in {r['journal'] or 'the journal'} found that {low}")
        elif form == 4:
            neg.append(f"According to {fam} and colleagues ({y}), {low}")
        else:
            ab = _abbrev(r["journal"], r["abbrev"], rng)
            cite = rng.choice((f"({ab} {y};{r['volume'] or 3}:{r['pages'] or '12-9'})", f"({ab}, {y})",
                               f"({ab} {y};({r['issue'] or 6}):CD0{rng.randint(10000, 99999)})", f"({fam} et al, {ab} {y})"))
            neg.append(f"{sent.rstrip('.')} {cite}." if form == 5 else f"A review of 40 trials {cite} found that {low}")
    # page furniture and short list items, written here: dates, bylines, categories, symptom lists
    cats = ["Writing", "News", "Blog", "Back pain", "Sports injuries", "Research", "Clinic news", "Exercise"]
    for _ in range(300):
        d = f"{rng.randint(1, 28)} {rng.choice(MONTHS_FULL)} {rng.randint(2010, 2026)}"
        r = rng.choice(recs)
        name = f"{r['authors'][0][1] or 'Sam'} {r['authors'][0][0]}"
        neg.append(rng.choice((f"Posted {d} in {rng.choice(cats)}", f"Updated {rng.choice(MONTHS_FULL)} {rng.randint(2015, 2026)}",
                               f"By {name} | {d} | {rng.choice(cats)}", f"From {rng.choice(ORGS)} News, {d}:",
                               f"{rng.choice(cats).upper()} | {rng.choice(cats)} | Updated {d}", f"Written by {name}, physiotherapist. {d}",
                               "Share this article: Facebook | Twitter | Email", f"Reviewed by {name}, PT, DPT on {d}")))
        r2 = rng.choice(recs)
        name2 = f"{r2['authors'][0][1] or 'Alex'} {r2['authors'][0][0]}"
        neg.append(f"{name}, {rng.choice(('Ph.D.', 'M.D.', 'D.P.T.', 'M.Sc.'))}, of the {rng.choice(ORGS)}, and {name2}, "
                   f"{rng.choice(('Ph.D.', 'M.D.', 'M.Ed.'))}, of the University of {r2['authors'][0][0]}, "
                   f"{rng.choice(('led the work.', 'were the authors of the study.', 'also took part.', 'carried out the analysis.'))}")
    for sent in neg[:600]:
        words = sent.split()[: rng.randint(3, 9)]
        item = " ".join(words).rstrip(",;:") + rng.choice((".", "", ";"))
        neg.append(rng.choice(("- ", "* ", f"{rng.randint(1, 9)}. ", f"{rng.randint(1, 9)}) ")) + item[0].upper() + item[1:])
    for r in rng.sample(recs, min(300, len(recs))):
        neg.append(", ".join(f"{(g or i)[:1]}. {f}" if rng.random() < 0.5 else f"{g} {f}".strip() for f, g, i in r["authors"][:12]))
    return pos, neg, {"pubmed": len(pm), "crossref": len(cr), "ris": len(ris), "unstructured": min(1500, len(unstructured))}
