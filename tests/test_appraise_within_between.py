"""Both arms improved and the comparison between them found nothing: a null result, not a mixed picture."""
import pytest

from physiohub.appraise.reading import read_sentence


@pytest.mark.parametrize("text", [
    "Both the pilates and the walking programme improved disability scores; however, there were no differences between the two groups.",
    "Pain and function improved over twelve weeks, but there was no significant difference between the groups.",
])
def test_within_group_gain_with_a_between_group_null_is_null(text):
    assert read_sentence(text).label == "null"


@pytest.mark.parametrize("text", [
    # a comparative benefit beside a null on another measure stays mixed
    "Exercise reduced pain more than usual care, but there were no differences between the groups in function.",
    # a null about harms says nothing of the benefit
    "Pain improved with the brace; no differences between the groups were seen in adverse events.",
])
def test_a_comparative_benefit_or_a_harms_null_stays_mixed(text):
    assert read_sentence(text).label == "mixed"
