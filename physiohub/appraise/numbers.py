"""Key numbers with their source spans: participants, included studies, follow-up, effects, p, GRADE.

Every number keeps ``field`` ("title"/"abstract"), ``start``/``end`` offsets and the sentence id it
sits in, so a card can show it and a checker can find it again. Patterns are precompiled and each runs
once over the abstract (the appraisal budget is about a millisecond a record).

Participants: authors state the total in a few stock ways ("A total of 1,204 participants", "120
patients were randomised", "n = 64"). We rank candidates by how clearly they state the total
(see ``_N_PATTERNS``) and skip counts of people screened, approached or lost, and numbers that are
ages, years or percentages.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from .doc import Doc
from .numwords import NUMBER, parse_number

_PEOPLE = (r"(?:patients|participants|subjects|individuals|people|persons|adults|women|men|males|females|"
           r"children|adolescents|athletes|volunteers|runners|workers|employees|students|veterans|infants|"
           r"respondents|soldiers|recruits|players|nurses|physiotherapists|clinicians|residents|elderly|"
           r"outpatients|inpatients|out-patients|in-patients|pregnant women|mothers|survivors|smokers|youths?|boys|girls|dyads|couples)")
# Up to four describing words ("consecutive adult female"), never a function word: "2 for women" or
# "groups of 8 subjects" must not read as a count of people.
# Nor a number or a counted thing: in "38 studies involving 7843 children" the 38 counts studies.
# Nor what was counted in a vignette survey: "2 case scenarios, representing patients" counts scenarios.
_ADJ = (r"(?:(?!(?:for|of|in|with|and|or|to|the|a|an|at|on|by|from|per|than|who|were|was|each|all|involving|including|"
        r"enrolling|comprising|studies|trials|rcts|articles|reviews|cent(?:re|er)s|hospitals|sites|scenarios?|vignettes?|"
        r"representing|describing|depicting|simulated|hypothetical|written|paper)\b|\d)"
        r"[\w'-]+,? ){0,4}?")
_ENROL_VERB = (r"(?:(?:were|was|had been|being) (?:\w+ )?)?(?:randomi[sz]ed|randomly (?:assigned|allocated|chosen|selected|divided)|"
               r"enrolled|included|recruited|allocated|assigned|studied|analy[sz]ed|evaluated|examined|investigated|treated|"
               r"followed|surveyed|interviewed|assessed|entered|involved|selected|identified|eligible|participated|"
               r"completed|received|took part|underwent|volunteered|divided|consented|gave (?:informed )?consent|"
               r"agreed to participate)\b")
_NOT_TOTAL = re.compile(
    r"\b(?:screened|assessed for eligibility|approached|invited|contacted|potentially eligible|excluded|declined|"
    r"refused|lost to follow-?up|dropped out|withdrew|withdrawn|died|records|articles|citations|intended|planned|"
    r"target(?:ed)?|seeking|"
    # "fewer than 3 individuals needed treatment for 1 to improve": a number needed to treat, not a sample
    r"needed (?:to )?(?:be )?treat\w*|needed to (?:harm|benefit))\b")

# Participants are found from the numbers in the text outward: one cheap pass finds every number
# (digits or words), then short anchored patterns look at the words just before and after each one.
_NUM_AT = re.compile(NUMBER)
_NUM_START = re.compile(r"(?<![\w.,])\d|(?<![a-z])(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|"
                        r"sixteen|seventy|twelve|eleven|thirty|twenty|ninety|eighty|three|seven|forty|fifty|sixty|eight|"
                        r"four|five|nine|one|two|six|ten)(?![a-z])")
_AFTER_PEOPLE = re.compile(rf"\s+{_ADJ}(?P<who>{_PEOPLE})\b")
_AFTER_VERB = re.compile(rf"[^.;]{{0,80}}?\b{_ENROL_VERB}")
# Counts of things, not people: "a total of 22 studies", "12 centres", "229 eyes".
_AFTER_THING = re.compile(r"\s+(?:[\w-]+ ){0,3}?(?:studies|trials|rcts|articles|papers|reviews|outcomes|records|sites|"
                          r"cent(?:re|er)s|hospitals|countries|clinics|practices|visits|samples|eyes|teeth|procedures|"
                          r"operations|sessions|items|questions|cycles|infusions|episodes|events|scenarios|vignettes|"
                          # cases, joints and injuries are counted, not people: "310 cases" of a case-control study are
                          # half its sample, "87 cases" may be tumours, "120 knees" may be 60 people
                          r"cases|knees|shoulders|hips|ankles|elbows|wrists|hands|feet|limbs|joints|spines|fractures|"
                          r"injuries|lesions|tumou?rs|specimens|biopsies)\b")
# A study with controls (a case-control study): its cases are one group, never the sample.
_CONTROLS = re.compile(r"\bcontrols\b|\bcontrol (?:group|subjects|participants|individuals|patients)\b|\bcase[- ]control\b")
_CASES_AS_PEOPLE = re.compile(r"\s+(?:[\w-]+ ){0,3}?cases\b(?!\s+(?:per|a|each|every) (?:year|annum)|\s+(?:are|were) expected|"
                              r"\s+annually)")
# "375 cases and 327 controls", "88 incident cases of ... carcinoma in Zangwu County, China, and 176 ... controls": a
# case-control study's two groups add up to its sample.
_CASES_AND_CONTROLS = re.compile(rf"\s+(?:[\w-]+ ){{0,3}}?cases\b[^.;]{{0,120}}?\band (?P<b>{NUMBER})\s+(?:[\w-]+ ){{0,4}}?"
                                 r"(?:controls|control (?:subjects|participants|patients|people|individuals))\b")
# The people a scenario or vignette describes (never its respondents: clinicians, nurses, physiotherapists).
_SCENARIO_PEOPLE = {"patients", "subjects", "persons", "people", "individuals", "adults", "children"}
# A vignette or scenario survey: its "cases" are written scenarios shown to respondents, not people studied.
_SCENARIO_SURVEY = re.compile(r"\b(?:case )?(?:scenarios?|vignettes?)\b|\b(?:hypothetical|simulated|written|paper) (?:patients?|cases?)\b")
# "Seven hundred and twenty surveys were completed": the returned questionnaires count the respondents.
_RETURNED = re.compile(r"\s+(?:[\w-]+ ){0,2}?(?:surveys|questionnaires|responses)\s+(?:were|was)\s+(?:completed|returned|received)\b")
# "(243 randomized)", "23 were randomized": a count with the verb and no people word.
_AFTER_VERB_DIRECT = re.compile(r"\s+(?:(?:were|was) )?(?:randomi[sz]ed|enrolled|included|recruited|randomly (?:assigned|allocated))\b")
# "ten normotensive and seven hypertensive subjects": the two counts add up.
_SENTENCE_END = re.compile(r"\.(?=\s|$)")
_AND_PEOPLE = re.compile(rf"\s+(?:[\w-]+ ){{0,2}}?and (?P<b>{NUMBER})\s+{_ADJ}{_PEOPLE}\b")
# "38 patients with RA and 20 controls": a case group and its comparison group add up to the sample.
_PLUS_GROUP = re.compile(rf"\s+(?:with (?:[\w'-]+,? ){{1,5}}?)?and (?P<b>{NUMBER})\s+(?:[\w-]+ ){{0,2}}?"
                         rf"(?:(?:healthy |matched |age-matched )?controls|control (?:subjects|participants|patients)|{_PEOPLE})\b")
_GROUPS_OF = re.compile(rf"\s+groups of (?P<b>{NUMBER})\s+(?:\w+ ){{0,2}}?{_PEOPLE}\b")
_BEFORE_TOTAL = re.compile(r"\b(?:a total of|in total,?|overall,?|total of|altogether,?|total sample of|sample (?:size )?of|"
                           r"total sample size (?:was|of)|study (?:population|sample) (?:consisted of|comprised|included|of)|"
                           # "Participants were 120 adults", at the start of a sentence ("the numbers of pain-free
                           # patients were three" counts responders, not the sample)
                           r"(?:^|[.;:]\s+|\n)(?:the )?(?:participants|subjects|patients|sample) (?:were|was|included|comprised|consisted of))\s+$")
# A PARTICIPANTS section that opens with the count ("PARTICIPANTS 283 patients with sciatica").
_SECTION_TOTAL = re.compile(r"(?:^|\n|\s{2,}|[.:;]\s+)(?:participants|patients|subjects|study population|population|sample)"
                            r"(?: and (?:setting|methods|setting))?\s*:?\s+$")
# In a cluster trial the randomised units are often clinicians or practices; the patients are the sample.
_CLUSTER_UNITS = {"clinicians", "nurses", "physiotherapists", "residents", "workers", "employees"}
_BEFORE_VERB = re.compile(r"\b(?:randomi[sz]ed|enrolled|included|recruited|randomly (?:assigned|allocated)|studied|involved|"
                          r"analy[sz]ed|allocated|followed|surveyed|interviewed|examined)\s+(?:\w+ ){0,2}$")
_ELIGIBLE_ONLY = re.compile(r"\s+(?:potentially )?eligible\s+(?:[\w-]+ ){0,2}?(?:patients|participants|people|subjects|individuals|adults|"
                            r"children|women|men)\b(?![^.;]{0,30}\b(?:were|was|had been) (?:randomi|enrol|includ|recruit|allocat))")
_COMPLETED = re.compile(r"\s+(?:\w+ )?(?:completed|finished)\b")
_BEFORE_N_EQ = re.compile(r"(?:[(\[,;]|\bwith|\bof)\s*(?P<total>total\s+)?n\s*=\s*$")
_STUDIES = (r"(?:randomi[sz]ed (?:controlled |clinical )?trials?|randomi[sz]ed stud(?:y|ies)|controlled trials?|clinical trials?|"
            r"trials?|stud(?:y|ies)|rcts?|articles|papers|publications|reviews|cohorts)")
_K_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (3, re.compile(rf"(?P<n>{NUMBER})\s+(?:[\w-]+[- ]){{0,3}}?{_STUDIES}\b[^.;]{{0,120}}?\b(?:were|was|met|fulfilled|are) "
                   rf"(?:\w+ )?(?:included|identified|eligible|selected|analy[sz]ed|pooled|retained|"
                   rf"(?:all |the |our )*(?:\w+ )?(?:inclusion|eligibility) criteria)", re.I)),
    (3, re.compile(rf"\b(?:included|including|identified|pooled|analy[sz]ed|retrieved|selected|yielded|comprised|found|"
                   rf"data from|resulting in)\s+(?:\w+ ){{0,2}}?(?P<n>{NUMBER})\s+(?:[\w-]+[- ]){{0,3}}?{_STUDIES}\b", re.I)),
    (3, re.compile(rf"(?P<n>{NUMBER})\s+included\s+{_STUDIES}\b|(?P<n_b>{NUMBER})\s+{_STUDIES}\s*\(\s*n\s*=", re.I)),
    (2, re.compile(rf"(?P<n>{NUMBER})\s+(?:\w+[- ]){{0,3}}?{_STUDIES}\s*(?:\([^)]{{0,60}}\)\s*)?(?:involving|with|including|enrolling|"
                   rf"comprising|totalling|totaling|of|reporting on|and)\s+(?:a total of\s+)?{NUMBER}\s+{_ADJ}{_PEOPLE}", re.I)),
    (2, re.compile(rf"\b{_PEOPLE}\s+(?:from|in|across)\s+(?P<n>{NUMBER})\s+(?:[\w-]+[- ]){{0,2}}?{_STUDIES}\b", re.I)),
    (1, re.compile(r"\b(?:k|K)\s*=\s*(?P<n>\d+)\b")),
)
# A review's pooled sample, in the order authors state it: "13 trials involving 2653 participants",
# "five trials, which in total randomised 1577 women" first; else "(365 women)" right after the studies.
_REVIEW_PEOPLE = re.compile(
    rf"{_STUDIES}\b,?\s*(?:\([^)]{{0,60}}\)\s*)?(?:[\w-]+,? ){{0,4}}?(?:involving|with|including|enrolling|comprising|totalling|"
    rf"totaling|of|reporting on|randomi[sz]ing|randomi[sz]ed|recruiting|analy[sz]ing)\s+"
    rf"(?:a total of\s+|at least\s+|data (?:from|on)\s+|more than\s+|over\s+)?(?P<n>{NUMBER})\s+{_ADJ}{_PEOPLE}", re.I)
# The study word in singular ("trial with", "study of"): one study's people.
_ONE_STUDY = re.compile(r"^[\w -]*?\b(?:trial|study|rct)\b(?!s)", re.I)
_ONE_STUDY_BEFORE = re.compile(r"\b(?:a|an|one|the|this) (?:[\w-]+ ){0,3}?(?:trial|study|rct) (?:with|of|in|including|"
                               r"enrolling|involving)\s+$")
_REVIEW_PEOPLE_PAREN = re.compile(
    rf"{_STUDIES}\b\s*\(\s*(?:(?P<n>{NUMBER})\s+{_ADJ}{_PEOPLE}|[nN]\s*=\s*(?P<n2>\d[\d,]*))", re.I)
_UNIT = r"(?:days?|weeks?|months?|years?|yrs?|wks?|mo)"
_FOLLOWUP = re.compile(
    rf"(?P<a>{NUMBER}|\d+(?:\.\d+)?)[- ](?P<u>{_UNIT})[- ](?:of )?follow[- ]?ups?\b|"
    rf"\bfollow[- ]?ups?\b(?: period| duration| time)?(?: of| at| was| lasted| for| after| up to| to| over| ranged from| ranging from| averaged|:| =|,)+(?: a)?(?: median| mean| maximum| minimum| average)?(?: of)? "
    rf"(?P<b>{NUMBER}|\d+(?:\.\d+)?)(?:\s*(?:to|-|\u2013|and)\s*(?:{NUMBER}|\d+(?:\.\d+)?))?[- ](?P<v>{_UNIT})\b|"
    rf"\bfollowed(?: up)?(?: [\w,-]+){{0,4}}? for(?: a)?(?: median| mean| maximum| average)?(?: of)? (?P<c>{NUMBER}|\d+(?:\.\d+)?)(?:\s*(?:to|-|\u2013)\s*\d+)? (?P<w>{_UNIT})\b",
    re.I)

_NUM = r"[-\u2212\u2013]?\d+(?:\.\d+)?"
_EFFECT = re.compile(
    r"(?P<kind>\b(?:smd|wmd|md|rr|or|aor|hr|ahr|irr|rd|arr|rrr|nnt|es|(?:hedges'?|cohen'?s) [gd]|"
    r"(?:standardi[sz]ed |weighted )?mean differences?|risk ratios?|odds ratios?|hazard ratios?|relative risks?|"
    r"risk differences?|effect sizes?|rate ratios?)\b)(?:\s*\([^)]{0,12}\))?\s*(?:[:=,]|of|was|were|is)?\s*"
    rf"(?P<est>{_NUM})(?:\s*(?:\w+ ?)?[,;(\[]?\s*(?:95\s*%\s*(?:ci|cri|confidence intervals?|credible intervals?)\s*[:=,]?\s*|ci\s*[:=,]?\s*)"
    rf"\[?\(?|\s*(?P<bare>[(\[])\s*)(?P<lo>{_NUM})\s*(?:to|,|;|-|\u2013|\u2014|\u2212)\s*(?P<hi>{_NUM})")  # on lower-cased text
_CI_GATE = re.compile(r"\bci\b|\bcri\b|confidence interval|credible interval|\d\s*[(\[]\s*-?\d+(?:\.\d+)?\s*(?:to|,|-|\u2013)\s*-?\d")
_P_VALUE = re.compile(r"\bp\s*(?:[<>=\u2264\u2265]|&lt;|&gt;)\s*(?:0?\.\d+|1(?:\.0+)?|\d(?:\.\d+)?\s*[x\u00d7]\s*10\S+)")
_GRADE = re.compile(
    r"\b(?P<l1>(?:(?:very[- ])?(?:high|moderate|low)-?\s*(?:to|or)\s*)?(?:very[- ])?(?:high|moderate|low))[- ](?:certainty|quality|level|strength|grade)(?: of)?(?: the)?(?: (?:GRADE|supporting))?"
    r"(?: evidence)?\b(?<!level)|"
    r"\b(?:certainty|quality|strength|level)(?: and (?:certainty|quality|strength)\w*)? of (?:the )?(?:\w+ )?evidence\b[^.;]{0,80}?"
    r"\b(?:was|were|is|are|as|ranged from|to be|to|rated|graded|judged|considered)\s+(?:\w+ ){0,2}?[\"'\u201c\u2018]?"
    r"(?P<l2>high|moderate|low|very low)\b(?:[\"'\u201d\u2019]?\s*(?:to|-|\u2013|or)\s*[\"'\u201c\u2018]?(?:high|moderate|low|very low)\b)?"
    r"(?:(?<=\w)[\"'\u201d\u2019](?=\W|$))?|"
    r"\bevidence of (?P<l3>high|moderate|low|very low)[- ](?:certainty|quality)\b", re.I)
_LEVEL_WORD = re.compile(r"very low|low|moderate|high")
_LEVEL_ORDER = ["very low", "low", "moderate", "high"]
_ROB_HIGH = re.compile(
    r"\b(?:high|serious|substantial|unclear or high|high or unclear) (?:overall )?risks? of bias\b|"
    r"\brisk of bias (?:was|were|is) (?:\w+ )?(?:high|serious)|\b(?:poor|low)[- ]quality (?:studies|trials|evidence)|"
    r"\bmethodological(?:ly)? (?:quality was (?:low|poor)|flaws|weak)", re.I)
_ROB_NEGATED = re.compile(r"\b(?:low|no) (?:overall )?risk of bias\b", re.I)


def _sentence_at(doc: Doc, starts: list[int], pos: int) -> str | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return doc.sentences[i].id
    return None


def _item(kind: str, m: re.Match[str], group: str | int, value: Any, field: str, doc: Doc, starts: list[int]) -> dict:
    start, end = m.span(group)
    text = (doc.title if field == "title" else doc.abstract)[start:end]
    return {"kind": kind, "text": text, "value": value, "field": field, "start": start, "end": end,
            "sentence": _sentence_at(doc, starts, start) if field == "abstract" else None}


_UNIT_AFTER = re.compile(r"\s*(?:%|percent|per cent|years?|yrs?|months?|weeks?|days?|hours?|[-\u2013]year|[-\u2013]month|mg|kg|ml)")
_STAT_BEFORE = re.compile(r"(?:aged|age|mean|median|sd|\u00b1|\+/-)\s*$")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|during|until|between|by|to|and|of)\s*$")


# A class, grade or stage number, or the end of a range of them ("physical status 1–3", "Kellgren-Lawrence grade 2–4").
_CLASS_BEFORE = re.compile(r"\b(?:status|class(?:es)?|grades?|stages?|types?|levels?)\s+(?:[ivx\d]+\s*(?:[-\u2013]|to|or|and)\s*)?$")


def _plausible_n(text: str, s: int, e: int, n: int | None) -> bool:
    """Not an age, a percentage, a dose, a duration, a class or a year."""
    if n is None or n < 2 or n > 10_000_000:
        return False
    if _UNIT_AFTER.match(text, e):
        return False
    before = text[max(0, s - 12):s]
    if _STAT_BEFORE.search(before):
        return False
    if _CLASS_BEFORE.search(text[max(0, s - 40):s]):
        return False  # "ASA physical status 1-3 patients", "grade 2 patients": a class, not a count
    if 1900 <= n <= 2035 and _YEAR_BEFORE.search(before):
        return False  # a year: "In 2015 patients ..."
    return True


def _numbers(low: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number written in digits or words, in order."""
    out: list[tuple[int, int, int]] = []
    last_end = -1
    for t in _NUM_START.finditer(low):
        pos = t.start()
        if pos < last_end:
            continue
        m = _NUM_AT.match(low, pos)
        if not m:
            continue
        value = parse_number(m.group(0))
        if value is not None:
            out.append((m.start(), m.end(), value))
            last_end = m.end()
    return out


def _people_count(low: str, nums: list[tuple[int, int, int]]) -> tuple[int, int, int, int] | None:
    """The best-stated participant total: (start, end, value, rank) or None.

    Rank 3: an explicit total ("a total of 1,204"); 2: a count of people with an enrolment verb either
    side ("120 patients were randomised", "we enrolled 64 adults"); 1: a count of people; 0: "n = 88".
    Within a rank the first wins (authors state the total before the groups), except "n =" where the
    largest wins (the total, not one arm).
    """
    best: tuple[int, int, int, int] | None = None
    best_key: tuple[int, int, int] | None = None
    arms: dict[int, list[tuple[int, int, int]]] = {}
    cluster = "cluster" in low
    controls = bool(_CONTROLS.search(low))
    for s, e, n in nums:
        if not _plausible_n(low, s, e, n):
            continue
        end = _SENTENCE_END.search(low, e)  # a full stop, not the point of "2.7"
        window = low[s:min(end.start() if end else len(low), e + 100)]
        if _NOT_TOTAL.search(window):
            continue
        before = low[max(0, s - 70):s]
        people = _AFTER_PEOPLE.match(low, e)
        if people and people.groupdict().get("who") in _SCENARIO_PEOPLE and _SCENARIO_SURVEY.search(low[low.rfind(".", 0, s) + 1:end.start() if end else len(low)]):
            continue  # "asked to assess six acutely ill patients using clinical scenarios": written cases, not people
        if _ELIGIBLE_ONLY.match(low, e) and not re.search(r"\b(?:enrolled|randomi[sz]ed|recruited|included)\s+(?:a total of\s+)?$",
                                                           before):
            continue  # "we identified 648 eligible patients and recruited 348": the eligible were not all enrolled
        if not people and _RETURNED.match(low, e):
            key = (2, 0, -s)
            if best_key is None or key > best_key:
                best_key, best = key, (s, e, n, 2)
            continue
        if people:
            plus = _PLUS_GROUP.match(low, people.end())
            if plus and _plausible_n(low, plus.start("b"), plus.end("b"), parse_number(plus.group("b"))):
                n += parse_number(plus.group("b")) or 0
                e = plus.end("b")
                people = plus
        if not people:
            cc = _CASES_AND_CONTROLS.match(low, e)
            if cc and _plausible_n(low, cc.start("b"), cc.end("b"), parse_number(cc.group("b"))):
                n += parse_number(cc.group("b")) or 0
                e = cc.end("b")
                people = cc
        cases_only = False
        if not people and not controls:
            # "four cases (one man and three women)", "23 lymphoma cases in follow-up": in a study with no controls, its
            # cases are its patients, though only when no count of people says so (never "46,000 new cases a year")
            people = _CASES_AS_PEOPLE.match(low, e) if not re.search(r"\bnew\s+$", before) else None
            said = low[low.rfind(".", 0, s) + 1:end.start() if end else len(low)]
            if people and (_SCENARIO_SURVEY.search(said) or len(re.findall(r"\bcases\b", said)) > 1):
                # "3 cases presented as written vignettes": scenarios, not people; "374 cases recorded in the registry
                # and 512 cases seen at the centre": one group of several, not the sample
                people = None
            cases_only = bool(people)
        if not people and not _AFTER_THING.match(low, e):
            # (not "51 trials and 6057 patients": trials and people do not add up)
            both = _AND_PEOPLE.match(low, e) or _GROUPS_OF.match(low, e)
            if both:
                other = parse_number(both.group("b")) or 0
                n = n + other if both.re is _AND_PEOPLE else n * other
                e = both.start("b") + len(both.group("b"))
                people = both
        if not people and _AFTER_THING.match(low, e):
            continue
        if _BEFORE_TOTAL.search(before) or (people and _SECTION_TOTAL.search(before)):
            rank = 3
        elif people and (_AFTER_VERB.match(low, people.end()) or _BEFORE_VERB.search(before)):
            rank = 2
        elif _AFTER_VERB_DIRECT.match(low, e):
            rank = 2
        elif people:
            rank = 1
        elif _BEFORE_N_EQ.search(before):
            rank = 0
        else:
            continue
        if re.search(r"\(\s*$", low[max(0, s - 3):s]) and re.match(r"\s*(?:were )?randomi[sz]ed\s*\)", low[e:e + 22]):
            rank = 4  # "284 out-patients volunteered for enrolment (243 randomized)": the randomised are the sample
        if cases_only:
            rank = min(rank, 1)
        if people and rank > 1 and _COMPLETED.match(low, people.end()):
            rank = 1  # "A total of 183 patients completed the study": those who finished, not those randomised
        if cluster and people and people.groupdict().get("who") in _CLUSTER_UNITS:
            rank -= 3
        if rank == 0:
            arms.setdefault(low.rfind(".", 0, s), []).append((s, e, n))
        key = (rank, n if rank == 0 else 0, -s)
        if best_key is None or key > best_key:
            best_key, best = key, (s, e, n, rank)
    # "fluconazole (n = 110) and itraconazole (n = 108)": arms listed in one sentence add up, which
    # beats a bare count of people elsewhere (often an event count in the results).
    if best_key is None or best_key[0] <= 1:
        for group in arms.values():
            if len(group) >= 2:
                values = [g[2] for g in group]
                # "(n=26) ... hypermobile (n=12) or neutral (n=14)": one value that is the sum of the
                # others is the total already stated, not one more arm.
                stated = next((v for v in values if len(values) >= 3 and 2 * v == sum(values)), None)
                total = stated if stated is not None else sum(values)
                if best_key is None or best_key[0] < 1 or (best_key[0] == 1 and total > best[2]):
                    best_key, best = (1, 0, 0), (group[0][0], group[-1][1], total, 1)
                break
    return best


def _span_item(kind: str, s: int, e: int, value: Any, field: str, doc: Doc, starts: list[int]) -> dict:
    text = doc.title if field == "title" else doc.abstract
    return {"kind": kind, "text": text[s:e], "value": value, "field": field, "start": s, "end": e,
            "sentence": _sentence_at(doc, starts, s) if field == "abstract" else None}


def participants(doc: Doc, starts: list[int], review: bool) -> dict | None:
    """The best-stated total of participants, as a key-number item, or None."""
    text = doc.abstract
    if review and text:
        for rx in (_REVIEW_PEOPLE, _REVIEW_PEOPLE_PAREN):
            for m in rx.finditer(text):
                g = "n" if m.group("n") else "n2"
                if _ONE_STUDY.match(text[m.start():m.start(g)]):
                    continue  # "a long-term uncontrolled trial with 5,209 patients": one study's size, not the pool
                n = parse_number(m.group(g))
                if n and n >= 2:
                    return _item("participants", m, g, n, "abstract", doc, starts)
    if text:
        found = _people_count(doc.abstract_l, _numbers(doc.abstract_l))
        if found and review and _ONE_STUDY_BEFORE.search(doc.abstract_l[max(0, found[0] - 70):found[0]]):
            found = None  # "a long-term uncontrolled trial with 5,209 patients": one study's people, not the review's
        if found:
            s, e, n, _ = found
            return _span_item("participants", s, e, n, "abstract", doc, starts)
    # Trials often state the sample only in the title ("... in 64 patients: a randomised trial").
    found = _people_count(doc.title_l, _numbers(doc.title_l))
    if found and found[3] >= 1:
        s, e, n, _ = found
        return _span_item("participants", s, e, n, "title", doc, starts)
    return None


def included_studies(doc: Doc, starts: list[int]) -> dict | None:
    text = doc.abstract
    for rank, rx in _K_PATTERNS:
        for m in rx.finditer(text):
            group = "n" if m.group("n") else "n_b"
            n = parse_number(m.group(group))
            if n is None or n < 1 or n > 5000:
                continue
            window = text[max(0, m.start() - 30):m.end()]
            if re.search(r"\b(?:records|citations|hits|abstracts|full[- ]text)\b", window, re.I) and rank < 3:
                continue
            # "included 4725 patients from 25 trials": the words between the number and "trials" may
            # not hold people or another number, else the people were counted as studies.
            tail = text[m.end(group):m.end()]
            head = re.search(rf"\b{_STUDIES}\b", tail, re.I)
            between = tail[:head.start()] if head else ""
            if re.search(r"\d", between) or re.search(rf"\b{_PEOPLE}\b", between, re.I):
                continue
            return _item("studies", m, group, n, "abstract", doc, starts)
    return None


def followup(doc: Doc, starts: list[int]) -> dict | None:
    for field, text, low in (("abstract", doc.abstract, doc.abstract_l), ("title", doc.title, doc.title_l)):
        if "follow" not in low:
            continue  # a cheap gate: the pattern is costly and most abstracts have no follow-up
        m = _FOLLOWUP.search(text)
        if m:
            g = next(k for k in ("a", "b", "c") if m.group(k))
            unit = m.group({"a": "u", "b": "v", "c": "w"}[g]).lower()
            ug = {"a": "u", "b": "v", "c": "w"}[g]
            # "6 to 24 months": keep the range as written between the first number and the unit.
            num = re.sub(r"\s+", " ", text[m.start(g):m.start(ug)]).strip(" -")
            last = re.split(r"[\s\u2013-]+", num)[-1]
            plural = not unit.endswith("s") and parse_number(last) not in (1, None)
            value = f"{num} {_plural(unit) if plural else unit}"
            return _item("followup", m, 0, value, field, doc, starts)
    return None


def _plural(unit: str) -> str:
    return {"day": "days", "week": "weeks", "month": "months", "year": "years", "yr": "years", "wk": "weeks",
            "mo": "months"}.get(unit, unit)


def _float(s: str) -> float:
    return float(s.replace("\u2212", "-").replace("\u2013", "-"))


def effects(doc: Doc, starts: list[int]) -> list[dict]:
    out: list[dict] = []
    low = doc.abstract_l
    if not _CI_GATE.search(low):
        return out
    for m in _EFFECT.finditer(low):
        s0, e0 = m.span("kind")
        try:
            value = {"measure": doc.abstract[s0:e0], "estimate": _float(m.group("est")),
                     "ci_low": _float(m.group("lo")), "ci_high": _float(m.group("hi"))}
        except ValueError:
            continue
        if m.group("bare") and not value["ci_low"] <= value["estimate"] <= value["ci_high"]:
            continue  # "OR 2.3 (1.2-4.4)" with no "CI" label counts only when it reads as an interval
        item = _item("effect", m, 0, value, "abstract", doc, starts)
        close = doc.abstract[item["end"]:item["end"] + 1]
        if close in (")", "]") and ("(" if close == ")" else "[") in item["text"]:
            item["end"] += 1  # keep the interval's closing bracket with it
            item["text"] = doc.abstract[item["start"]:item["end"]]
        out.append(item)
    return out


def p_values(doc: Doc, starts: list[int]) -> list[dict]:
    if "p" not in doc.abstract_l:
        return []
    return [_item("p", m, 0, doc.abstract[m.start():m.end()], "abstract", doc, starts)
            for m in _P_VALUE.finditer(doc.abstract_l)]


def grade_statements(doc: Doc, starts: list[int]) -> list[dict]:
    out: list[dict] = []
    low = doc.abstract_l
    if not any(w in low for w in ("certainty", "quality", "level", "strength", "grade")):
        return out
    for m in _GRADE.finditer(doc.abstract):
        # "moderate to low", "low-to-very-low": the lowest level named counts.
        named = _LEVEL_WORD.findall(m.group(0).lower().replace("-", " "))
        level = min(named, key=_LEVEL_ORDER.index) if named else ""
        out.append(_item("grade", m, 0, level, "abstract", doc, starts))
    return out


def high_risk_of_bias(doc: Doc) -> str | None:
    """The authors' words when they report a high risk of bias (not 'low risk of bias')."""
    low = doc.abstract_l
    if "bias" not in low and "quality" not in low and "methodolog" not in low:
        return None
    m = _ROB_HIGH.search(doc.abstract)
    if m and not _ROB_NEGATED.fullmatch(m.group(0)):
        return m.group(0)
    return None


def key_numbers(doc: Doc, *, review: bool) -> tuple[list[dict], dict[str, Any]]:
    """All key numbers (ordered by position) and the headline values: n, k, follow-up, GRADE."""
    starts = [s.start for s in doc.sentences]
    items: list[dict] = []
    n = participants(doc, starts, review) if doc.abstract or doc.title else None
    k = included_studies(doc, starts) if review and doc.abstract else None
    fu = followup(doc, starts)
    for it in (n, k, fu):
        if it:
            items.append(it)
    items += effects(doc, starts)
    items += p_values(doc, starts)
    grades = grade_statements(doc, starts)
    items += grades
    items.sort(key=lambda it: (it["field"] != "title", it["start"]))
    head = {
        "n_participants": n["value"] if n else None,
        "n_studies": k["value"] if k else None,
        "followup": fu["value"] if fu else None,
        "grade": [g["text"] for g in grades],
        "grade_levels": [g["value"] for g in grades],
    }
    return items, head
