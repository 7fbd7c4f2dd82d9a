"""A claim's author-year citation links the entry of that author when two surnames share a particle ("van Dijk
2003" and "van Tulder 2003" both keyed "van 2003" before session 9). Text written for this test."""
from __future__ import annotations

from pathlib import Path

import pytest

from physiohub.check import check_article
from physiohub.check.claims import sources_of
from physiohub.store import Store

TEXT = ("Tendon pain\n\nLoading exercise eased tendon pain in a small trial (van Dijk et al., 2003). Rest alone did not "
        "help in a later cohort (van Tulder et al., 2003).\n\nReferences\n\n"
        "van Tulder M, Koes B. Rest for tendon pain: a cohort. J Tendon Res. 2003;4:10-20.\n"
        "van Dijk CN, Lim L. Loading for tendon pain: a trial. J Tendon Res. 2003;4:1-9.\n")


def test_each_claim_links_the_entry_of_its_own_particle_surname(tmp_path: Path):
    store = Store(tmp_path / "t.db")
    res = check_article(store, TEXT)
    store.close()
    titles = {c["text"][:12]: [res["references"][i]["title"] for i in c["references"]] for c in res["claims"]}
    assert titles["Loading exer"] == ["Loading for tendon pain: a trial"]
    assert titles["Rest alone d"] == ["Rest for tendon pain: a cohort"]


@pytest.mark.parametrize("text, key", [
    ("Loading eased tendon pain (van Dijk et al., 2003).", "van Dijk 2003"),
    ("Van Eerd et al. (2016) found that desk changes helped little.", "Van Eerd 2016"),
    ("Rest did not help (De Carvalho and Lee, 2019).", "De Carvalho 2019"),
    ("Loading eased tendon pain (Lee et al., 2020).", "Lee 2020"),
])
def test_a_claims_citation_key_keeps_the_whole_surname(text: str, key: str):
    # the claim side of the key references.py builds from the entry (surname_key): particle and all
    _, keys = sources_of(text, [])
    assert keys == [key]
