"""Result direction reader (physiohub/appraise/direction.py): own fixture sentences, and the shared
Evidence Inference 2.0 test split when ../shared/data is present."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from physiohub.appraise import direction as dr
from physiohub.errors import InvalidInput

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "evidence-inference"

I, C = "graded exercise therapy", "usual care"


def test_significant_increase():
    r = dr.read_span("Walking distance was significantly greater in the graded exercise group than with usual care "
                     "(412 vs 350 m, p = 0.01).", I, C, "walking distance")
    assert r.label == dr.INCREASED and r.probability > 0.5


def test_significant_decrease():
    r = dr.read_span("Graded exercise therapy reduced pain scores compared with usual care (mean difference -1.4, "
                     "95% CI -2.1 to -0.7; p < 0.001).", I, C, "pain scores")
    assert r.label == dr.DECREASED


def test_negated_difference_is_no_difference():
    r = dr.read_span("Pain scores did not differ between graded exercise therapy and usual care at 12 weeks "
                     "(p = 0.41).", I, C, "pain scores")
    assert r.label == dr.NO_DIFFERENCE
    assert any("0.05 or more" in c for c in r.cues)


def test_no_significant_wording_without_p_value():
    r = dr.read_span("There was no significant difference in disability between the groups.", I, C, "disability")
    assert r.label == dr.NO_DIFFERENCE


def test_arm_order_flips_the_direction():
    up = dr.read_span("Range of motion was significantly higher in the graded exercise group than in the usual care "
                      "group (p = 0.002).", I, C, "range of motion")
    down = dr.read_span("Range of motion was significantly higher in the usual care group than in the graded exercise "
                        "group (p = 0.002).", I, C, "range of motion")
    assert (up.label, down.label) == (dr.INCREASED, dr.DECREASED)


def test_finder_picks_the_outcome_sentence_from_an_abstract():
    abstract = ("BACKGROUND: Knee pain limits walking. METHODS: We randomised 120 adults to graded exercise therapy "
                "or usual care. RESULTS: Quality of life was similar in both groups (p = 0.62). Walking distance "
                "was significantly greater with graded exercise therapy than with usual care (p = 0.003). "
                "CONCLUSIONS: Exercise helps walking.")
    r = dr.read_direction(abstract, I, C, "walking distance")
    assert "Walking distance" in r.sentence and r.label == dr.INCREASED
    r2 = dr.read_direction(abstract, I, C, "quality of life")
    assert "Quality of life" in r2.sentence and r2.label == dr.NO_DIFFERENCE


def test_abbreviation_defined_in_the_abstract_names_the_arm():
    sents = [("", "Patients were randomised to accelerated fractionation (AF) or conventional fractionation (CF).")]
    assert dr.with_aliases("accelerated fractionation", sents).endswith("AF")
    assert "CF" not in dr.with_aliases("accelerated fractionation", sents)


def test_nothing_to_look_for_is_a_clear_error():
    with pytest.raises(InvalidInput):
        dr.read_direction("Some abstract.", " ", "placebo", "")


def test_model_file_is_small_and_plain():
    assert dr.MODEL_PATH.stat().st_size < 5_000_000
    m = dr.load()
    assert set(m["classes"]) == set(dr.LABELS) and m["dense_names"] == list(dr.DENSE)


@pytest.mark.skipif(not DATA.exists(), reason="../shared/data/evidence-inference not present")
def test_shared_test_split_floor():
    out = subprocess.run([sys.executable, str(REPO / "bench" / "eval_appraise_direction.py"), "--split", "test"],
                         capture_output=True, text=True, cwd=REPO, timeout=600,
                         env={"PYTHONPATH": f"{REPO}:{REPO / 'bench'}", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    figs = {ln.split(" n=")[0].strip(): float(ln.split("macro-F1 ")[1].split()[0])
            for ln in out.stdout.splitlines() if "macro-F1" in ln}
    # Measured 0.768 (a) and 0.584 (b) on 2026-12-03; floors a little below.
    assert figs["(a) given the gold evidence span"] >= 0.74
    assert figs["(b) end to end from title + abstract"] >= 0.55
