"""Author–year citations in running text, found as spans wherever they sit in a sentence.

Popular pages cite in every form a style guide allows and some it does not: APA with many names and an
ampersand ("(Eriksen, Kerry, Mumford, Lie, & Anjum, 2013)"), initials before the surname ("(M. J. Hancock et
al., 2007)"), no comma ("(Cook 2017)"), a page note anywhere in the brackets ("(Duthey, 2013. P.4)", "(Lee, p. 4,
2019)", "(Kim 2019: 4)"), prefixes ("(e.g., Lee, 2019; see also Park, 2020)"), several years for one author
("(Cook 2009, 2016)"), an organisation in full or by its initials ("(World Health Organization [WHO], 2022)",
"(NICE, 2016)"), and narrative forms outside brackets ("Smith and colleagues (2019) found", "Lee et al. (2020)",
"NICE (2016)", "according to Park (2018)"). A bracket that holds a journal citation ("(BMJ 2017;356:j656)")
is not read here: its journal and year are the citation (``claims.JOURNAL_CITE``).

Each citation is (first author or organisation, year, span); the first surname is the key a reference list
entry is found by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CITED_JOURNALS, JOURNALS

# every journal name the lexicon holds, lower-cased (references.py reads the same set)
JOURNAL_NAMES = {j.lower() for j in (*JOURNALS, *CITED_JOURNALS)}

_PARTICLE = r"(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]u|[Dd]a|[Dd]i|[Dd]os|[Dd]as|[Dd]el|[Dd]ella|[Ll]e|[Ll]a|[Tt]en|[Tt]er)"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# A surname: particles, then a capitalised word with apostrophes and hyphens ("O'Sullivan", "Biering-Sørensen"),
# and maybe a second capitalised word before a comma, "&", "and" or "et al." ("Minns Lowe", "Kim, Soo Lee, Lee ...").
_SURNAME = rf"(?:{_PARTICLE}\s+){{0,2}}[{_UP}][\w'\u2019\-]+(?:\s[{_UP}][a-z\u00df-\u00ff'\u2019\-]+(?=,|\s(?:&|and|et)\b))?"
_INITIALS = rf"(?:[{_UP}]\.\s?(?:-?[{_UP}]\.\s?){{0,2}})"
_PERSON = rf"{_INITIALS}?{_SURNAME}"
ETAL = r"(?:,?\s+et\.?\s?al\.?|,?\s+and\s+(?:colleagues|co-?workers|co-?authors|collaborators|others|(?:his|her|their)\s+(?:team|colleagues)))"
# (a doubled comma is a slip pages make, "(Genebra, Maciel,, Bento, 2017)")
_SEP = r"(?:,\s*(?:&|and)\s+|\s+(?:&|and)\s+|,,?\s+)"
# An organisation: capitalised words with small words between ("Australian Institute of Health and Welfare"),
# maybe its initials after it ("[WHO]", "(WHO)").
_ORG = rf"[{_UP}][\w&'\-]*(?:\s+(?:of|for|and|on|the|in|&|[{_UP}][\w&'\-]*)){{1,9}}(?:\s+[\[(][A-Z]{{2,8}}[\])])?"
_ACRONYM = r"[A-Z][A-Z&]{1,7}"
# People and maybe a group author last, after a comma and named as a body: "(Ryan, Lewis, & United States Census
# Bureau, 2017)" (not "Khan et al in the Physician and Sports Medicine Journal (2000)", nor "Thomas S (2006)").
_GROUP_AUTHOR = (rf"[{_UP}][\w&'\-]*(?:\s+(?:of|for|and|on|the|in|&|[{_UP}][\w&'\-]*)){{0,6}}\s+(?:Bureau|Organi[sz]ation|Institute|"
                 r"Association|Society|Agency|Department|Group|Collaboration|Collaborators|Council|Foundation|Centre|Center|"
                 r"Consortium|Committee|Board|Service|Network|Trust|Office)")
_PEOPLE = rf"{_PERSON}(?:{_SEP}{_PERSON}){{0,9}}(?:,\s*(?:&\s*|and\s+)?{_GROUP_AUTHOR})?{ETAL}?"
# (the year's letter may be a capital, as some pages print it: "[Cramer et al. 2013A]")
_YEAR = r"(?:19|20)\d{2}(?:[a-z]|[A-Z](?![A-Za-z]))?"
# (APA's letters after one year: "(Lee, 2019a, b)" cites 2019a and 2019b)
_YEARS = rf"{_YEAR}(?:\s*,\s*(?:{_YEAR}|(?<=\d[a-z],)\s*[a-z](?![\w])|(?<=\d[a-z], )[a-z](?![\w])))*"
_LEADING_INITIALS = re.compile(rf"^{_INITIALS}")
# A bracket followed by a year and ";" ("(Spine (Phila Pa 1976). 2015;40(4):E201-8)") is a journal's place and volume.
_YEAR_THEN_VOLUME = re.compile(r"\.?\s*(?:19|20)\d{2}\s*;")

# Vancouver names in brackets, initials after the surname ("(Mannion AF, et al. 2001)", "(Lee AB, Kim C, 2019)"): only
# inside brackets — "Verhagen AP (2015)" in running text is a reference entry's head, not a narrative citation.
_VANC_PERSON = rf"{_SURNAME}\s[{_UP}]{{1,3}}"
_VANC_PEOPLE = rf"{_VANC_PERSON}(?:,\s+{_VANC_PERSON}){{0,5}}{ETAL}?"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
          r"Nov(?:ember)?|Dec(?:ember)?)")
# APA's reference-list form used in the text: "(Lee, J., 2019)", "(Lee, J. A., & Park, K., 2020)".
_APA_PERSON = rf"{_SURNAME},\s+(?:[{_UP}]\.\s?){{1,3}}"
_APA_PEOPLE = rf"{_APA_PERSON}(?:,?\s*(?:&|and)?\s*{_APA_PERSON}){{0,5}}{ETAL}?"
# A date written before the year: a journal cited by its issue ("(Clin J Sport Med, Jan. 2000)") and APA's personal
# communication ("(T. West, personal communication, January 12, 2019)") — the year is the citation's.
_DATE_BEFORE_YEAR = rf"(?:personal\s+communications?,\s*)?{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?|personal\s+communications?,\s*"
# A piece of a bracketed citation, once prefixes and page notes are gone: names, a comma or not, the years.
# (the comma may lack its space, a slip popular pages often make: "(Gross et al,2002)", "(Lee,2019)")
_PIECE = re.compile(rf"^(?P<who>{_PEOPLE}|{_VANC_PEOPLE}|{_APA_PEOPLE}|{_ORG}|{_ACRONYM})(?:\s*,\s*|\s*:\s*|\s+)(?:{_DATE_BEFORE_YEAR})?"
                    rf"(?P<years>{_YEARS})$")
# The year first, as a few pages write it: "(2019, Lee et al.)" — only with "et al." or two names after it.
_YEAR_FIRST = re.compile(rf"^(?P<years>{_YEARS}),\s*(?P<who>{_PERSON}{ETAL}|{_PERSON}\s+(?:and|&)\s+{_PERSON})$")
# ... or with the journal between names and year, as health news cites: "(Lee et al., JAMA Intern Med 2019)", "(Lee et
# al., Spine, 2020)" — only after "et al.", so that "(Lee, Park 2019)" stays two names.
_PIECE_JOURNAL = re.compile(rf"^(?P<who>{_PERSON}{ETAL}),?\s+(?P<journal>[{_UP}][\w&'\-]*\.?(?:\s+[\w&'\-]+\.?){{0,6}}?),?\s+"
                            rf"(?P<years>{_YEARS})$")
# ... or with no date: "(Mayo Clinic, n.d.)", "(Lee, in press)" — a citation without a year
_PIECE_UNDATED = re.compile(rf"^(?P<who>{_PEOPLE}|{_ORG}|{_ACRONYM}),\s+(?:n\.\s?d|in\s+press|forthcoming)$", re.I)
# ... or a first author and "et al." alone in a bracket ("In a trial (Lee et al.), ..."): "et al." names a paper's
# authors whatever follows, so the bracket is a citation with no year (README rule R3f); "(Lee and Park)" is not read
# so, as two capitalised words in brackets are as often an aside.
_PIECE_ETAL_ONLY = re.compile(rf"^(?P<who>{_PERSON}{ETAL})$")
# "(Jafarian, Demeh and Tyson)" after "A research report ... concludes": the authors named, no year (README rule R3f);
# taken only in a sentence that speaks of research, so "(Leeds, York and Hull)" stays a list of places.
_PIECE_NAMES_ONLY = re.compile(rf"^(?P<who>{_PERSON}(?:,\s+{_PERSON}){{0,4}},?\s+(?:and|&)\s+{_PERSON})$")
_RESEARCH_WORD = re.compile(r"\b(?:stud(?:y|ies)|research|report|trial|review|paper|journal|published|authors?|"
                            r"researchers|conclude[sd]?|found)\b", re.I)
# Citations in one bracket are cut at ";", or at a comma after a year when a name follows ("Hopkins 2016, Scott 2020").
_NEXT_NAME = rf"(?=(?:{_PARTICLE}\s+)?[{_UP}](?:[a-z\u00df-\u00ff'\u2019]|[A-Z]{{1,7}}\b))"
_PIECES = re.compile(rf"\s*;\s*|(?<=\d),\s*{_NEXT_NAME}|(?<=\d[a-z]),\s*{_NEXT_NAME}|(?<=\d)\s+(?:and|&)\s+{_NEXT_NAME}"
                     # (a secondary source: "(Lee, 2019, as cited in Kim, 2020)" cites both)
                     rf"|(?<=\d),?\s+(?=(?:as\s+)?(?:cited|quoted|reviewed)\s+in\s)")
_PREFIX = re.compile(r"^(?:e\.g\.,?|i\.e\.,?|see(?:\s+also)?|cf\.|as\s+(?:reviewed|cited|discussed|described)\s+in|reviewed\s+in|"
                     r"for\s+(?:a\s+)?(?:review|example)(?:\s+see)?,?|adapted\s+from|cited\s+in|in)\s+", re.I)
# "p. 4", "pp. 12-15", "P.4", "page 7" anywhere in the piece; ": 4" after the year.
_PAGE_NOTE = re.compile(r"[,.;]?\s*\b(?:pp?|Pp?|pages?|Pages?)\.?\s*\d+(?:\s*[\-\u2013]\s*\d+)?\b\.?|(?<=\d)\s*:\s*\d+(?:\s*[\-\u2013]\s*\d+)?$"
                        # (Harvard's bare page after the year: "(Lee 2019, 45)" — not a second year, "(Lee 2019, 2020)")
                        r"|(?<=(?:19|20)\d{2}),\s*(?!(?:19|20)\d{2}\b)\d{1,4}(?:\s*[\-\u2013]\s*\d{1,4})?$")
# (an organisation's initials may sit in brackets inside: "(World Health Organization [WHO], 2022)")
_BRACKET = re.compile(r"\(((?:[^()\[\]]|\[[A-Z]{2,8}\]|\([A-Z]{2,8}\)){4,400})\)|\[([^()\[\]]{4,400})\]")
# A journal citation inside the brackets ("BMJ 2017;356:j656", "Spine. 2019;44(2):100-9"): not author-year.
_JOURNAL_VOLUME = re.compile(r"\b(?:19|20)\d{2}[a-z]?\s*;\s*\(?(?!(?:19|20)\d{2}[a-z]?\s*(?:[;,)]|$))\d|\b(?:19|20)\d{2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_NARRATIVE = re.compile(
    # (possessive, "Lee et al.'s (2019) review", and a year in square brackets, "Lee et al. [2019] found", too)
    rf"(?<![\w'\u2019])(?P<who>{_PEOPLE}|{_ACRONYM})(?P<poss>['\u2019]s)?(?:\s*,)?\s*[(\[]\s*(?P<years>{_YEARS})\s*"
    rf"(?:[,.;:]\s*(?:pp?|P)\.?\s*\d+[\-\u2013\d]*\s*)?[)\]]")
# Outside brackets with "et al." or "and colleagues" the year may follow a comma: "Lee et al., 2019", "Lee and
# colleagues, 2019", "Lee et al 2019".
_RUN_ON = re.compile(rf"(?<![\w'\u2019])(?P<who>{_PERSON}{ETAL}),?\s+(?P<years>{_YEAR})(?![\w\-])")
# (the plural present as well: "Smith and Lee (2019) report", "The National Centre (2008), report that")
_REPORTING = re.compile(r"^,?\s*(?:\[\d[^\]]*\]\s*)?(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:found|finds|find|showed|shows|show|shown|reported|reports|report|"
                        r"concluded|concludes|conclude|suggested|suggests|suggest|demonstrated|demonstrates|demonstrate|noted|notes|note|observed|argued|argues|argue|"
                        r"described|describes|proposed|stated|states|explained|wrote|writes|recommended|recommends|looked|"
                        r"investigated|examined|compared|analy[sz]ed|reviewed|defined|defines|highlighted|"
                        # what researchers did or claim, as narrative citations put it: "Lee (2019) conducted a trial of ...",
                        # "Lee (2019) tested ...", "Lee (2019) points out ..."
                        r"conducted|ran|carried out|performed|completed|published|studied|assessed|evaluated|measured|followed|"
                        r"randomi[sz]ed|pooled|summari[sz]ed|tested|discovered|revealed|confirmed|indicated|identified|proved|"
                        r"established|determined|calculated|estimated|claims?|claimed|believes?|believed|points? out|pointed out|"
                        r"says?|said|supports?|supported|agrees?|agreed|emphasi[sz]e[sd]?|advises?|advised|presented|"
                        r"went on to|(?:was|were) able to)\b")
# An aside between a narrative citation and its verb: "Lee (2019), in a trial of 80 runners, found ...".
_CITE_ASIDE = re.compile(r"^\s*,\s*(?:in|with|using|after|through|across|over|from)\b[^,;.()]{0,80},")
# Other narrative citations joined to one before the verb: "Smith (2019) and Lee (2020) both showed", "Smith (2019),
# Lee (2020) and Park (2021) found": the verb reports for each of them.
_CHAINED = re.compile(rf"^(?:\s*(?:,\s*and|,|and|&)\s+{_PEOPLE}\s*[(\[]\s*{_YEARS}\s*[)\]])+")


def _reports(rest: str) -> bool:
    """Does the text after a narrative citation open on a reporting verb, past any citations chained to it?"""
    chained = _CHAINED.match(rest)
    rest = rest[chained.end():] if chained else rest
    aside = _CITE_ASIDE.match(rest)
    rest = rest[aside.end():] if aside else rest
    return bool(_REPORTING.match(re.sub(r"^,?\s+(?:both|all|each|independently)(?=\s)", "", rest)))


# APA 7 and Harvard narrative citation of a group author: "The National Collaborating Centre for Chronic Conditions
# (2008) report that", "according to the Australian Institute of Health and Welfare (2020)". Many capitalised words
# before a bracketed year are also a study's or a programme's name, so it counts only when it reports or is
# introduced as a source, like one capitalised word (below).
_RESEARCH_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:study|studies|review|trial|paper|research|analysis|meta-analysis|survey|work|findings)\b", re.I)
_NARRATIVE_ORG = re.compile(rf"(?<![\w'\u2019])(?P<who>{_ORG})\s*\(\s*(?P<years>{_YEARS})\s*\)")
_ACCORDING = re.compile(r"\b(?:according to|by|from|in|see|cf\.)\s*$", re.I)
_ACCORDING_ORG = re.compile(r"\b(?:according to|by|from|see|cf\.)\s+(?:the\s+)?$", re.I)
# Words that open a sentence or a bracket but are no author: months, seasons, study words, sentence openers.
NOT_A_NAME = {"In", "The", "Since", "From", "By", "Until", "After", "Before", "During", "Study", "Trial", "Review", "Research",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
              "Spring", "Summer", "Autumn", "Fall", "Winter", "Update", "Updated", "Guidelines", "Guideline", "Published",
              "Accessed", "Retrieved", "Journal", "Figure", "Fig", "Table", "Phase", "Version", "Vol", "Volume", "Issue", "Year",
              "Years", "Age", "Aged", "Data", "Census", "Survey", "Report", "Reports", "Ref", "Refs", "Source", "Sources",
              "Note", "See", "Also", "And", "Or", "But", "A", "An", "This", "That", "These", "Those", "It", "We", "They",
              "He", "She", "Our", "Its", "Their", "Between", "Through", "To", "On", "At", "For", "Of", "With", "As", "Over",
              "Under", "Around", "About", "Circa", "Est", "Founded", "Born", "Died", "Copyright", "Posted", "Edited",
              "Last", "First", "Next", "Level", "Grade", "Stage", "Type", "Class", "Week", "Weeks", "Month", "Months",
              "Day", "Days", "Covid", "COVID", "NHS", "UK", "US", "USA", "EU", "AD", "BC", "CE", "BCE", "AM", "PM"}


# A cited name written as an NLM journal abbreviation ("Clin J Sport Med", "Arch Phys Med Rehabil", "Br J Sports Med"): the
# word "J", or two of the abbreviated words journals' names are made of — no author's name looks like that.
_ABBREVIATED = re.compile(r"\b(?:Med|Clin|Sci|Rev|Ther|Surg|Rehabil|Rheumatol|Orthop|Physiother|Musculoskelet|Disord|Epidemiol|"
                          r"Gerontol|Geriatr|Intern|Arch|Ann|Res|Phys|Exerc|Biomech|Osteoporos|Prev|Pract|Fam|Am|Br|Eur|Int|Scand)\b\.?")

# ... or a name that ends in an abbreviation no English word or surname is ("Arthritis Care Res", "Pain Med", "Spine Surg").
_ABBREVIATED_END = re.compile(r"\s(?:Res|Med|Sci|Ther|Rev|Surg|Rehabil|Rheumatol|Orthop|Physiother|Disord|Epidemiol|Gerontol|"
                              r"Geriatr|Biomech|Exerc|Pract|Osteoporos|Musculoskelet)\.?$")


def journal_abbreviation(who: str) -> bool:
    """Is the cited name a journal's abbreviated name rather than an author or an organisation?"""
    words = who.split()
    if _LEADING_INITIALS.match(who) or re.search(r"\bet al\b|\band\b|&|,", who):
        return False   # "M. J. Hancock et al.", "Lee AB, Kim C": people
    return len(words) >= 2 and (bool(re.search(r"(?:^|\s)J\.?(?:\s|$)", who)) or len(_ABBREVIATED.findall(who)) >= 2
                                or bool(_ABBREVIATED_END.search(who)))


# A journal's full title is a run of capitalised topic words ("Physical Therapy in Sport", "Gait & Posture", "Clinical
# Rehabilitation", "Musculoskeletal Science and Practice"): one of these head words makes it one ...
_JOURNAL_HEAD = (r"Journal|Rehabilitation|Therapy|Therapies|Therapeutics|Science|Sciences|Practice|Proceedings|Reports|Rheumatology|"
                 r"Cartilage|Posture|Orthopa?edics|Physiotherapy|Surgery|Clinics|Bulletin|Letters|Gerontology|Geriatrics|"
                 r"Epidemiology|Neurology|Ergonomics|Biomechanics|Disorders|Arthroplasty|Physiology|Radiology|Psychiatry|"
                 r"Neuroscience|Kinesiology|Traumatology|Arthroscopy|Osteoporosis")
# ... as does "Medicine" after a field's name ("Sports Medicine", "Pain Medicine", "Annals of Internal Medicine") or a
# publisher's ("BMC Medicine"); "Johns Hopkins Medicine" and "Penn Medicine" are medical schools.
_FIELD_MEDICINE = (r"(?:Sports?|Pain|Internal|Physical|Family|Emergency|Rehabilitation|Translational|Occupational|Sleep|"
                   r"Clinical|Experimental|Regional|Complementary|Alternative|Integrative|Preventive|Musculoskeletal|"
                   r"Respiratory|Manual|Osteopathic|Chiropractic|Geriatric|General|PLOS|PLoS|BMC|Nature)\s+Medicine")
_JOURNAL_TITLE = re.compile(rf"\b(?:{_JOURNAL_HEAD}|{_FIELD_MEDICINE})\b")
# An organisation's name is no journal's, whatever its topic words ("Chartered Society of Physiotherapy", "Royal College
# of Surgeons ... Surgery"), nor a name with a country or place after it.
_ORGANISATION_WORD = re.compile(r"\b(?:Society|Association|Institutes?|Foundation|College|Organi[sz]ation|Agency|Department|"
                                r"Cent(?:re|er)s?|Council|Academy|Federation|Alliance|Services?|Trust|Board|Commission|Ministry|"
                                r"Office|Authority|University|Hospital|Clinic|Network|Group|Collaboration|Excellence|"
                                r"Administration|School|Faculty|Task Force|Partnership|Charity|UK|USA|Inc|Ltd|LLC)\b")


def journal_title(who: str) -> bool:
    """Is the cited name a journal's full title ("Physical Therapy in Sport", "Clinical Rehabilitation") rather than
    an author or an organisation?"""
    words = who.split()
    if len(words) < 2 or _LEADING_INITIALS.match(who) or re.search(r"\bet al\b|,", who):
        return False
    if not all(w[:1].isupper() or w in ("of", "and", "in", "for", "the", "on", "&") for w in words):
        return False   # "Lee and colleagues": a person
    # (a publication's word at the end outranks an organisation's before it: "Mayo Clinic Proceedings")
    if _JOURNAL_SERIES.match(who):
        return True   # "Nature Communications", "Frontiers in Pain Research", "BMJ Open Sport & Exercise Medicine"
    return bool(_JOURNAL_TITLE.search(who)) and (not _ORGANISATION_WORD.search(who) or bool(_PUBLICATION_END.search(who)))


# A publisher's family of journals: the family's name, then the title's own capitalised words.
_JOURNAL_SERIES = re.compile(r"^(?:The\s+)?(?:JAMA|BMJ|BMC|PLo[Ss]|Nature|Frontiers\s+in|Lancet|Annals\s+of|Archives\s+of)\s+[A-Z]")
_PUBLICATION_END = re.compile(r"\s(?:Proceedings|Journal|Bulletin|Letters)$")


# Words kept from ``NOT_A_NAME`` because they open too many sentences, that inside a bracket with a year are a cited
# organisation: "(NHS, 2020)", "(NHS Inform 2021)".
_CITED_IN_BRACKETS = {"NHS"}

@dataclass
class Citation:
    who: str       # the authors as written ("Lo et al.", "Scott and Ashe") or the organisation
    year: int | None   # None for "(Mayo Clinic, n.d.)"
    start: int
    end: int
    text: str
    suffix: str = ""   # the letter after the year that tells one author's works of a year apart: "b" of "(Lee, 2019b)"

    @property
    def surname(self) -> str:
        """The first author's surname (initials before it dropped, particles kept as written: "van Tulder"), or the
        organisation's first word."""
        return first_surname(self.who)


def first_surname(who: str) -> str:
    who = _LEADING_INITIALS.sub("", who.strip())
    m = re.match(rf"(?:{_PARTICLE}\s+){{0,2}}[^\s,;&]+", who)
    return m.group(0) if m else who.split()[0]


def cite_key(surname: str, year: int | str, suffix: str | None = None) -> str:
    """The author-year key of a citation or an entry, with the year's letter: "Lee 2019", "Lee 2019b"."""
    return f"{surname_key(surname)} {year}{suffix or ''}"


def surname_key(name: str) -> str:
    """The surname a citation key is built from, particles kept: "van Dijk" of "van Dijk CN" or "van Dijk et al.",
    "De Vries" of "De Vries, A.", "Hancock" of "M. J. Hancock". (The first word alone would key "van Dijk 2003"
    and "van Tulder 2003" both as "van 2003", and one of the two would be lost.)"""
    name = _LEADING_INITIALS.sub("", name.strip())
    m = re.match(rf"(?:{_PARTICLE}\s+){{0,2}}[^\s,;&]+", name)
    return (m.group(0) if m else (name.split() or [""])[0]).rstrip(",.")


def _clean_who(who: str) -> str:
    # the names as written ("Lo et al.", "Scott and Ashe"), without "and colleagues" or an organisation's initials
    who = re.sub(r",?\s+and\s+(?:colleagues|co-?workers|co-?authors|collaborators|(?:his|her|their)\s+(?:team|colleagues))$", "",
                 who.strip()).strip(" ,")
    return re.sub(r"\s+[\[(][A-Z]{2,8}[\])]$", "", who)


def _first_word(who: str) -> str:
    """The first word of the names after any initials: what ``NOT_A_NAME`` is checked against."""
    return _LEADING_INITIALS.sub("", who).split()[0].strip(",")


def _acceptable(who: str) -> bool:
    first = _first_word(who)
    return first not in NOT_A_NAME and not re.search(r"\d", first)


def _acronym_name(who: str) -> bool:
    """A trial's or body's name of two or three acronyms cited in brackets ("(UK BEAM 2004)"): "UK" alone opens too
    many sentences to be a name, but beside another acronym it is part of one."""
    words = who.split()
    return 2 <= len(words) <= 3 and all(re.fullmatch(_ACRONYM, w) for w in words) and any(w not in NOT_A_NAME for w in words)


def _bare_source(piece: str) -> bool:
    """A source named with no year in a bracket that cites a dated work too ("(Lee 2011; WALKSTUDY)", "(ABC 2007, Swift
    and Moor)"): an acronym or names, nothing else — a bracket of an aside ("(Lee 2011; see below)") names no source."""
    if re.search(r"\d", piece) or not _acceptable(piece) or journal_abbreviation(piece):
        return False
    return re.fullmatch(_ACRONYM, piece) is not None or re.fullmatch(_PEOPLE, piece) is not None


def _years(text: str) -> list[tuple[int, str]]:
    """Each year with its letter, if any: "2019a, 2019b" and "2019a, b" -> [(2019, "a"), (2019, "b")]."""
    out: list[tuple[int, str]] = []
    for tok in re.findall(rf"{_YEAR}|\b[a-z]\b", text):
        if tok[0].isdigit():
            out.append((int(tok[:4]), tok[4:].lower()))
        elif out and out[-1][1]:
            out.append((out[-1][0], tok))   # a letter alone: the next work of the lettered year before it
    return out


def _narrative_matches(rx: re.Pattern, text: str) -> list[re.Match]:
    """Matches of a narrative pattern; one that opens with a sentence word ("As Lind and co-workers, 2015") is tried
    again from the next word, so the names after it are still found."""
    out: list[re.Match] = []
    pos = 0
    while pos < len(text):
        m = rx.search(text, pos)
        if m is None:
            break
        first = _first_word(m.group("who"))
        if first in NOT_A_NAME:
            pos = m.start() + len(first) + 1
            continue
        out.append(m)
        pos = m.end()
    return out


def _journal_tail(before: str, who: str) -> bool:
    """Do the capitalised words just before a narrative name complete a journal's name with it ("Sports" before
    "Medicine", "Journal of" before "Physiotherapy")?"""
    words = re.findall(r"[\w&'\-]+", before)[-7:]
    for k in range(1, len(words) + 1):
        name = " ".join([*words[-k:], who])
        if not words[-k][:1].isupper():
            continue
        if name.lower() in JOURNAL_NAMES or re.match(r"(?:The\s+)?Journal\s+of\s", name):
            return True
    return False


# Markdown emphasis delimiters: HTML pages often italicise "et al." or a name ("Lee <em>et al.</em>, 2019"), which the
# extractor writes as "Lee *et al.*, 2019". A delimiter opens before a non-space or closes after one, and is not inside
# a word (so "snake_case" and "2*3" stay).
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")


def find_citations(text: str) -> list[Citation]:
    """Every author–year citation in a sentence, bracketed or narrative, in reading order.

    Emphasis marks are read through; each citation's span is in ``text`` as given."""
    if not _EMPHASIS.search(text):
        return _find_citations(text)
    keep = [i for i in range(len(text))]
    for m in reversed(list(_EMPHASIS.finditer(text))):
        del keep[m.start():m.end()]
    plain = "".join(text[i] for i in keep)
    keep.append(len(text))
    return [Citation(c.who, c.year, keep[c.start], keep[c.end - 1] + 1 if c.end > c.start else keep[c.end],
                     text[keep[c.start]:keep[c.end - 1] + 1] if c.end > c.start else c.text, c.suffix)
            for c in _find_citations(plain)]


def _find_citations(text: str) -> list[Citation]:
    out: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text):
        inner = m.group(1) or m.group(2)
        if _JOURNAL_VOLUME.search(inner) or _YEAR_THEN_VOLUME.match(text, m.end()):
            continue   # "(Spine (Phila Pa 1976). 2015;40(4):E201-8)": a journal's place and year, then its volume
        found = False
        last_who = None
        bare: list[str] = []   # sources named with no year, cited only beside a dated one (README rule R3f)
        first = _YEAR_FIRST.match(inner.strip())
        if first:
            inner = f"{first.group('who')}, {first.group('years')}"   # "(2019, Lee et al.)" is "(Lee et al., 2019)"
        for piece in _PIECES.split(inner):
            p = _PREFIX.sub("", piece.strip())
            p = _PAGE_NOTE.sub("", p).strip(" ,.")
            if last_who and re.fullmatch(_YEARS, p):
                # "(Lee et al. 2019; 2020)": a year alone after ";" is the same authors' next work
                out.extend(Citation(last_who, y, m.start(), m.end(), m.group(0), sfx) for y, sfx in _years(p))
                continue
            pm = _PIECE.match(p) or _PIECE_JOURNAL.match(p)
            undated = None if pm else (_PIECE_UNDATED.match(p) or _PIECE_ETAL_ONLY.match(p)
                                       or (_RESEARCH_WORD.search(text[:m.start()]) and _PIECE_NAMES_ONLY.match(p)))
            if undated and _acceptable(undated.group("who")):
                # (the piece lost its final full stop when it was trimmed: "Lee et al" is written "Lee et al.")
                who = re.sub(r"\bet\.?\s?al$", "et al.", _clean_who(undated.group("who")))
                out.append(Citation(who, None, m.start(), m.end(), m.group(0)))
                found = True
            if not pm and not undated and _bare_source(p):
                bare.append(p)
            if not pm or not (_acceptable(pm.group("who")) or _first_word(pm.group("who")) in _CITED_IN_BRACKETS
                              or _acronym_name(pm.group("who")) or journal_title(pm.group("who"))
                              or pm.group("who").lower() in JOURNAL_NAMES):   # "(The Knee, 2019)": a journal's name
                continue
            who = last_who = _clean_who(pm.group("who"))
            for y, sfx in _years(pm.group("years")):
                out.append(Citation(who, y, m.start(), m.end(), m.group(0), sfx))
                found = True
        if found:
            out.extend(Citation(_clean_who(w), None, m.start(), m.end(), m.group(0)) for w in bare)
            taken.append((m.start(), m.end()))
    for m in _narrative_matches(_NARRATIVE_ORG, text):
        who = m.group("who")
        if (any(a <= m.start() < b for a, b in taken) or who.lower() in JOURNAL_NAMES or _journal_tail(text[:m.start()], who)
                or re.search(r"\bjournal\b", who, re.I)   # "in the X Journal (2000) point out": a journal named in prose
                or re.fullmatch(_PEOPLE, who) or not (_reports(text[m.end():]) or _ACCORDING_ORG.search(text[:m.start()]))):
            continue   # (names of people go to the patterns below; a journal's name is not an author)
        taken.append((m.start(), m.end()))
        for y, sfx in _years(m.group("years")):
            out.append(Citation(_clean_who(who), y, m.start(), m.end(), m.group(0), sfx))
    for m in [*_narrative_matches(_NARRATIVE, text), *_narrative_matches(_RUN_ON, text)]:
        if any(a <= m.start() < b for a, b in taken):
            continue
        who = m.group("who")
        if _journal_tail(text[:m.start()], who):
            continue   # "A meta-analysis in Sports Medicine (2019) found": the end of a journal's name, not an author
        taken.append((m.start(), m.end()))
        plain_one = re.fullmatch(_PERSON, who) is not None and not re.fullmatch(_ACRONYM, who)
        # "Lee et al.'s (2019) review"; one name's possessive only before a research word ("Lee's (2019) study", not
        # "Britain's (2019) figures")
        possessive = "poss" in m.re.groupindex and (m.group("poss") is not None or re.search(r"['\u2019]s$", who) is not None)
        if possessive and plain_one and not _RESEARCH_AFTER.match(text[m.end():]):
            continue
        if plain_one and re.match(r",\s*[(\[]", text[m.end("who"):]):
            continue   # "In Britain, (2019) figures": a comma after one name ends a clause ("Lee et al., (2019)" is a slip)
        if possessive and who[-2:] in ("'s", "\u2019s"):
            who = who[:-2]
        if plain_one and not (possessive or _reports(text[m.end():]) or _ACCORDING.search(text[:m.start()])):
            # one capitalised word before a bracketed year is a name only when it reports ("Park (2018) found")
            # or is introduced as a source ("according to Park (2018)"): "Exercise (2019)" is not a citation
            continue
        if not _acceptable(who) or (re.fullmatch(_ACRONYM, who) and who in NOT_A_NAME) or who.lower() in JOURNAL_NAMES:
            continue   # ("a review from the BMJ (2019)" names a journal and its year, not an author)
        if re.fullmatch(_ACRONYM, who) and re.search(rf"[{_UP}][\w'\u2019\-]+,?\s+$", text[:m.start()]):
            continue   # "Verhagen AP (2015)": a Vancouver author's initials, not an organisation
        for y, sfx in _years(m.group("years")):
            out.append(Citation(_clean_who(who), y, m.start(), m.end(), m.group(0), sfx))
    out.sort(key=lambda c: c.start)
    return out


__all__ = ["Citation", "NOT_A_NAME", "cite_key", "find_citations", "first_surname", "journal_abbreviation", "journal_title",
           "surname_key"]
