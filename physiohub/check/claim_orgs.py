"""Named organisations and what they say: "the American College of Rheumatology recommends", "according to NICE".
"""
from __future__ import annotations

import re

# A named organisation: "the American College of Rheumatology", "Osteoarthritis Research Society
# International", "the World Health Organization (WHO)", "NICE". Its name is not a design ("Association for
# the Study of Pain" is no study) and its statement is a claim when it says, recommends or warns.
ORG_WORD = (r"(?:Society|College|Association|Foundation|Organi[sz]ation|Institute|Academy|Federation|Council|Agency|"
             r"Alliance|Collaboration|Consortium|Board|Service|Department|Ministry|Centers?|Centres?|Commission|Task Force)")
ORGANISATION = re.compile(
    rf"\b(?:(?:the|The)\s+)?(?:[A-Z][\w'&\-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){{0,6}}{ORG_WORD}"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w'&\-]*\s*)+|\s+International\b)?(?:\s+\([A-Z]{{2,8}}\))?"
    rf"|\b(?:WHO|NICE|CDC|NHS|NIH|FDA|EULAR|OARSI|AAOS|APTA|CSP|ACR)\b")
ORG_SAYS = re.compile(
    rf"(?:{ORGANISATION.pattern})[^.;]{{0,40}}?\b(?:says?|said|states?|stated|recommends?|recommended|advises?|advised|"
    rf"warns?|warned|reports?|reported|estimates?|estimated|concludes?|concluded|endorses?|endorsed|guidelines? (?:say|state|recommend)|"
    rf"maintains?|maintained|stress(?:es|ed)?|urges?|urged|insists?|insisted|emphasi[sz]es?|emphasi[sz]ed|cautions?|cautioned|"
    rf"named|names|identified|identifies|ranked|ranks|lists|listed|classified|classifies|declared|declares|"
    # "the Arthritis Foundation is calling on groups to ...", "OSHA explains that a good chair ..."
    rf"calls? (?:on|for)|called (?:on|for)|is calling (?:on|for)|explains? that|explained that)\b")


# The organisation must be the one that says it: "Ann Lee, a nurse at the Bone Research Centre, said ..." is a
# person at the organisation (her words are a claim only by what they say, for the other rules to judge).
class OrgSubject:
    """``ORG_SAYS`` without the matches whose organisation is a person's workplace in an appositive."""

    _WORKPLACE = re.compile(r"\b(?:a|an|the)\s+(?:[\w'-]+\s+){0,5}?(?:at|from|with|of|in)\s+$", re.I)

    def search(self, text: str) -> re.Match | None:
        for m in ORG_SAYS.finditer(text):
            if not self._WORKPLACE.search(text[max(0, m.start() - 60):m.start()]):
                return m
        return None


ORG_SAYS_SUBJECT = OrgSubject()
# (a country prefix counts: "according to the U.S. National Institutes of Health")
# (a name's small joining words count: "according to the Bone and Joint Initiative")
# (and a report a named body put out: "according to a report published in 2016 by the United States Bone and Joint
# Initiative", "according to a new report from Arthritis Action")
ACCORDING_NAMED = re.compile(rf"\b[Aa]ccording to (?:{ORGANISATION.pattern}|(?:the )?(?:U\.S\.|U\.K\.|US|UK)?\s?[A-Z][\w'\-]+(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'\-]+){{1,5}}"
                             rf"|(?:a|an|the|their|its) (?:new |recent |latest |major |\d{{4}} )?(?:report|analysis|survey|review) "
                             rf"(?:(?:published|issued|released|produced|commissioned) )?(?:(?:in|last|this) \w+ )?(?:by|from) (?:the )?[A-Z][\w'\-]+)")


# An organisation's advice set out as a list: "The American Academy of Orthopaedic Surgeons recommends:" over bullets.
# The line itself states nothing; each bullet under it is the organisation's recommendation (README gold rules).
_ENDS_ON_VERB = re.compile(r"\b(?:says?|recommends?|advises?|suggests?|urges?|offers these tips|gives this advice)\s*:?\s*$", re.I)


def org_list_lead_in(text: str) -> bool:
    """A line that names an organisation and ends on its reporting verb, with the list to follow."""
    return bool(ORG_SAYS.search(text) and _ENDS_ON_VERB.search(text))
