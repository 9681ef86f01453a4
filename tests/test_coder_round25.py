"""Constructions the coder reads through a general mechanism (the twenty-fifth round), on
sentences written for these tests."""

from __future__ import annotations

from tests.conftest import named_rows

# A protest aimed at no one named is aimed at the government of the country it was held in
# (or of the protesters' own); a country a phrase names stays as named.
PROTEST_TARGETS = [
    ("rallied_in_a_capital", "Thousands of teachers rallied in Nairobi on Wednesday over "
     "unpaid wages.", "KENGOV"),
    ("blocked_roads_at_home", "Dutch farmers blocked motorways with their tractors on Monday.",
     "NLDGOV"),
    ("stormed_a_palace_in_a_capital", "Protesters stormed the presidential palace in Colombo "
     "overnight.", "LKAGOV"),
    # (a body a phrase names is the target: parliament is the legislature)
    ("stormed_parliament", "Protesters stormed the parliament building in Bishkek overnight.",
     "KGZLEG"),
    ("protested_against_a_named_country", "Hundreds of students protested against the United "
     "States outside its embassy in Manila.", "USA"),
]


@named_rows(("text", "target"), PROTEST_TARGETS)
def test_a_protest_s_target(coder, text, target):
    got = [(e.target_code, e.rule) for e in coder.code_text(text) if e.root == "14"]
    assert got and got[0][0] == target, got


def test_a_protest_against_the_government_is_not_doubled(coder):
    # (the government a phrase names and the one the place gives are one target)
    events = [e for e in coder.code_text(
        "Thousands of Serbians marched in Belgrade against President Vucic's government.")
        if e.root == "14"]
    assert len({e.target_code for e in events}) == len(events) == 1, \
        [(e.source.code, e.target_code, e.rule) for e in events]
