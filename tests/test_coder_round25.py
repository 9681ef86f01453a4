"""Constructions the coder reads through a general mechanism (the twenty-fifth round), on
sentences written for these tests."""

from __future__ import annotations

from tests.conftest import dyad_table_test, dyads, named_rows

# One sentence, one (source country, target country, root) it must give.
DYADS = [
    # -- "him" in a clause of its own after one whose subject is no person is that clause's
    # object
    ("accused_a_diplomat_and_ordered_him_out", "Iran's intelligence ministry accused a French "
     "diplomat of spying, and the foreign ministry ordered him to leave the country.",
     ("IRN", "FRA", "17")),
    # -- an organ of no country named after ", and" is the state the first clause's subject is
    ("and_the_foreign_ministry_expelled", "Britain accused Russia of poisoning a former spy, "
     "and the foreign ministry expelled 23 Russian diplomats.", ("GBR", "RUS", "17")),
    ("and_the_interim_government_asked", "A court in Dhaka sentenced the former prime minister "
     "to death, and the interim government asked New Delhi to extradite her.",
     ("BGD", "IND", "02")),
    # -- a reproach an act draws "from" someone is theirs, aimed at the act's doer
    ("sparking_condemnation_from", "Japan began releasing treated water from the Fukushima "
     "plant on Thursday, sparking condemnation from Beijing.", ("CHN", "JPN", "11")),
    # -- "Central African" is the republic's demonym, not the region's
    ("central_african_soldiers", "Central African soldiers clashed with rebels near Bambari on "
     "Monday.", ("CAF", "CAF", "19")),
    # -- a criticism that names no one is aimed at whoever else did the sentence's other act
    ("branded_the_mutiny_treason", "Wagner mercenaries seized the city of Rostov-on-Don on "
     "Saturday, and Putin branded the mutiny treason.", ("RUS", "RUS", "11")),
    ("guidelines_that_taipei_condemned", "China threatened to punish supporters of Taiwan "
     "independence under new legal guidelines that Taipei condemned.", ("TWN", "CHN", "11")),
    # ... or, with no other act coded, the subject of the sentence's other clause
    ("denounced_the_decision", "Lithuania opened a Taiwanese representative office in Vilnius, "
     "and Beijing denounced the decision.", ("CHN", "LTU", "11")),
    # -- a rejection answering no act of its doer's is aimed at whoever else did the other act
    ("rejected_the_other_side_s_acceptance", "Hamas accepted the ceasefire proposal on Monday, "
     "but Israel rejected it.", ("ISR", "PSE", "12")),
    # -- so is a demand, an intent or a concession that names no one
    ("demanded_a_halt_to_the_offensive", "Russia launched a new offensive in the Kharkiv "
     "region on Friday, and the United Nations demanded an immediate halt.",
     ("IGO", "RUS", "10")),
    # ... or, with no other act coded, at the subject of the sentence's other clause
    ("demanded_a_reversal_of_a_move", "Guatemala moved its embassy to Jerusalem on Wednesday, "
     "and the Arab League demanded an immediate reversal.", ("IGO", "GTM", "10")),
    # -- an answer that answers no act involving its doer is aimed at whoever else acted
    ("a_neighbour_vowed_a_response", "Russia expelled two Estonian diplomats on Monday, and "
     "Latvia vowed a firm response.", ("LVA", "RUS", "13")),
    # -- a yielding is aimed at whoever pressed for it
    ("resigned_under_pressure", "Peru's interior minister resigned on Friday under pressure "
     "from the Peruvian Congress.", ("PER", "PER", "08")),
    # -- an investigation is aimed at the doer of the act the allegations it looks into report,
    # also when a date stands between the inquiry and its "into"
    ("investigation_into_allegations", "Kenyan prosecutors opened an investigation on Monday "
     "into allegations that American contractors bribed officials.", ("KEN", "USA", "09")),
    # -- an act that may name no one is aimed at whom the participle after it accuses
    ("alert_accusing_a_neighbour", "Armenia put its army on high alert on Monday, accusing "
     "Azerbaijan of massing troops near the border.", ("ARM", "AZE", "15")),
    # -- parse repair: a gerund after a preposition whose "between" names the parties is the
    # act's noun
    ("after_fighting_between", "Algeria closed its border after fighting between Malian "
     "troops and Tuareg rebels.", ("MLI", "MLI", "19")),
]


test_a_sentence_gives_its_dyad = dyad_table_test(DYADS)


def test_forces_of_an_owner_not_understood_are_not_the_first_clause_s(coder):
    got = dyads(coder, "North Korea fired dozens of shells onto a South Korean island, and the "
                "South's forces returned fire with howitzers.")
    assert not any(s == "PRK" and r == "19" and t != "KOR" for s, t, r in got), got
    assert sum(s == "PRK" for s, _, _ in got) == 1, got


# Criticisms with nobody else's act in the sentence to aim at: no event of root 11.
NO_CRITICISM = [
    ("condemned_with_no_other_act", "The minister condemned the violence on Sunday."),
    ("its_own_act", "Russia pounded Odesa overnight, and Moscow denounced the reports as lies."),
]


@named_rows("text", NO_CRITICISM)
def test_no_criticism_without_someone_else_s_act(coder, text):
    got = dyads(coder, text)
    assert not any(r == "11" for _, _, r in got), got


def test_fighting_between_two_named_is_not_the_clause_subject_s(coder):
    # (the parties "between" names fight each other, whoever the clause's subject is)
    got = dyads(coder, "Algeria put its army on alert during fierce fighting between Malian "
                "troops and Tuareg rebels near the frontier.")
    assert ("MLI", "MLI", "19") in got, got
    assert not any(r == "19" and "DZA" in (s, t) for s, t, r in got), got


def test_an_intent_is_not_aimed_at_its_own_doer_s_other_act(coder):
    got = dyads(coder, "Russia pounded Kharkiv overnight, and Moscow vowed to press on with its "
                "offensive.")
    assert not any(r == "03" and t == "RUS" for _, t, r in got), got


def test_the_end_of_a_hyphenated_name_is_no_organisation(coder):
    # ("Chan-ocha" is a Thai prime minister's name, not the UN's OCHA)
    got = dyads(coder, "Thai Prime Minister Prayuth Chan-ocha lifted the state of emergency "
                "in Bangkok on Wednesday.")
    assert got and all(s == "THA" for s, _, _ in got), got


def test_him_after_a_person_subject_is_still_that_person(coder):
    # (with a person for the first clause's subject, "him" is that person, not the object)
    got = dyads(coder, "Former Taiwan president Ma Ying-jeou met Chinese President Xi Jinping "
                "in Beijing, and Taiwan's Mainland Affairs Council criticised him.")
    assert ("TWN", "TWN", "11") in got, got


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


def test_a_protest_and_its_participle_of_protesting_are_one_protest(coder):
    events = [e for e in coder.code_text(
        "Thousands of Belgian farmers blocked roads around Brussels on Monday, protesting "
        "against the European Union's trade deal with Mercosur.") if e.root == "14"]
    assert [(e.source.code, e.target_code) for e in events] == [("BELAGR", "IGOEUREEC")], \
        [(e.source.code, e.target_code, e.rule) for e in events]


def test_a_protest_against_the_government_is_not_doubled(coder):
    # (the government a phrase names and the one the place gives are one target)
    events = [e for e in coder.code_text(
        "Thousands of Serbians marched in Belgrade against President Vucic's government.")
        if e.root == "14"]
    assert len({e.target_code for e in events}) == len(events) == 1, \
        [(e.source.code, e.target_code, e.rule) for e in events]
