"""Constructions the coder reads through a general mechanism (the twenty-third round), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import dyad_table_test, dyads, triples

# One sentence, one (source country, target country, root) it must give.
DYADS = [
    # -- an act a verb of enactment names is done by the verb's subject
    ("announced_severing_of_ties", "Kyiv announced the severing of ties with Minsk on Friday.",
     ("UKR", "BLR", "16")),
    ("ordered_reimposition_of_sanctions", "Ghana's president ordered the reimposition of "
     "sanctions on Togo.", ("GHA", "TGO", "16")),
    ("decreed_expulsion", "Mali's junta decreed the expulsion of two Ivorian diplomats on "
     "Sunday.", ("MLI", "CIV", "17")),
    # -- people placed "on" a place are of its country
    ("gunmen_on_an_island", "Gunmen on the southern Philippine island of Basilan freed three "
     "Malaysian hostages.", ("PHL", "MYS", "08")),
    ("protesters_on_the_streets", "Protesters on the streets of Caracas burned an American "
     "flag on Sunday.", ("VEN", "USA", "14")),
    # -- a thing is of where a participle says it came from
    ("steel_imported_from", "Canada imposed tariffs of 25% on steel imported from China on "
     "Tuesday.", ("CAN", "CHN", "16")),
    ("grain_shipped_from", "Turkey banned the sale of grain shipped from Russia on Monday.",
     ("TUR", "RUS", "17")),
    # -- aircraft sent into another state's airspace are a show of force against it
    ("warplanes_into_an_air_defence_zone", "Thirty Chinese warplanes flew into Taiwan's air "
     "defence identification zone on Sunday.", ("CHN", "TWN", "15")),
    ("jets_into_airspace", "Two Russian fighter jets entered Estonian airspace on Friday.",
     ("RUS", "EST", "15")),
]


test_a_sentence_gives_its_dyad = dyad_table_test(DYADS)


# -- an act a verb of enactment names is done by the verb's subject ---------------------------
def test_an_announced_act_is_no_statement_besides(coder):
    got = dyads(coder, "Ecuador announced the severing of diplomatic relations with Mexico.")
    assert ("ECU", "MEX", "16") in got and not any(r == "01" for _, _, r in got), got


@pytest.mark.parametrize("text", [
    "Kenya condemned the expulsion of two Kenyan diplomats from Juba.",
    "Analysts discussed the reimposition of sanctions on Caracas.",
])
def test_an_act_only_spoken_of_is_not_the_speaker_s(coder, text):
    got = dyads(coder, text)
    assert not any(s == "KEN" and r == "17" for s, _, r in got), got
    assert not any(r == "16" for _, _, r in got), got


def test_what_is_authorised_is_not_yet_done(coder):
    got = dyads(coder, "Chad rejected a Security Council resolution authorising the deployment "
                       "of 4,000 peacekeepers in the east.")
    assert not any(r == "07" for _, _, r in got), got


# -- a noun event with no target slot is aimed at whom its own words name ----------------------
def test_an_expulsion_of_diplomats_is_aimed_at_their_state(coder):
    got = triples(coder.code_text("Algeria announced the expulsion of twelve French diplomats "
                                  "on Monday."), level="code")
    assert ("DZA", "FRAGOV", "174") in got, got


def test_expelling_diplomats_is_coded_alike_as_a_verb_and_as_a_noun(coder):
    verb = triples(coder.code_text("Algeria expelled twelve French diplomats."), level="code")
    noun = triples(coder.code_text("Algeria ordered the expulsion of twelve French diplomats."),
                   level="code")
    assert verb == noun == {("DZA", "FRAGOV", "174")}, (verb, noun)


# -- whom a participle on the object names as aimed at -----------------------------------------
def test_sanctions_imposed_on_two_states_lifted_for_each(coder):
    got = dyads(coder, "Japan lifted the sanctions imposed on Laos and Cambodia in 2019.")
    assert {("JPN", "LAO", "08"), ("JPN", "KHM", "08")} <= got, got


def test_whoever_imposed_them_is_still_the_target_of_a_condemnation(coder):
    got = dyads(coder, "Kenya condemned the sanctions imposed on Burundi by the EU.")
    assert ("KEN", "IGO", "11") in got and ("KEN", "BDI", "11") not in got, got


# -- forces owned by "his" or "her" are of the owner's side -------------------------------------
def test_a_leader_s_guerrillas_are_of_the_leader_s_side(coder):
    got = dyads(coder, "Hezbollah leader Hassan Nasrallah said his guerrillas had captured two "
                       "Israeli soldiers.")
    assert ("LBN", "ISR", "18") in got and not any(s == "ISR" for s, _, _ in got), got


def test_a_person_s_supporters_take_no_sector_from_the_owner(coder):
    events = coder.code_text("Opposition leader Raila Odinga said his supporters would march "
                             "on parliament in Nairobi on Monday.")
    assert not any(e.source.code.endswith("OPPMIL") for e in events)


# -- "they" and "them" stand for no singular common noun ----------------------------------------
def test_them_is_not_the_building_just_named(coder):
    got = dyads(coder, "Hundreds of students marched to the Chinese embassy in Hanoi on Friday "
                       "before police dispersed them.")
    assert not any(t == "CHN" and r == "17" for _, t, r in got), got


# -- aid pledged by two donors is not pledged to each other -------------------------------------
def test_two_donors_pledging_aid_do_not_pledge_it_to_each_other(coder):
    got = dyads(coder, "Japan and South Korea pledged emergency relief on Monday.")
    assert not {("JPN", "KOR", "03"), ("KOR", "JPN", "03")} & got, got


def test_two_sides_agreeing_still_agree_with_each_other(coder):
    got = dyads(coder, "Egypt and Jordan agreed to cooperate on water on Monday.")
    assert {("EGY", "JOR", "03"), ("JOR", "EGY", "03")} <= got, got


# -- a thing is of where a participle says it came from -----------------------------------------
def test_people_sent_from_a_capital_are_not_placed_there_by_it(coder):
    got = dyads(coder, "Diplomats expelled from Moscow on Monday landed in Helsinki.")
    assert not any(s == "RUS" for s, _, _ in got), got


# -- ", and" + a past tense after a clause of present or bare verbs is the main verb's ---------
def test_a_second_request_after_a_that_clause_is_the_subject_s(coder):
    got = dyads(coder, "The African Union demanded that the rebels end their siege of the town "
                       "and leave the region, and called on Uganda to close its border.")
    assert ("IGO", "UGA", "02") in got, got


def test_a_past_tense_joined_without_a_comma_stays_where_it_is(coder):
    got = dyads(coder, "Kenya said that the rebels who attacked the town fled and hid.")
    assert not any(s == "KEN" and r == "19" for s, _, r in got), got


# -- people working for a body are of it -----------------------------------------------------
def test_hackers_working_for_a_state_s_intelligence_are_its(coder):
    got = triples(coder.code_text("Britain accused hackers working for Russian military "
                                  "intelligence of attacking its election systems."), level="code")
    assert any(s == "GBR" and t.startswith("RUS") for s, t, _ in got), got


# -- a closing participle of naming is the main verb's --------------------------------------
def test_a_closing_naming_participle_is_the_main_subject_s(coder):
    got = dyads(coder, "Vietnam protested on Monday after Chinese ships entered waters off its "
                       "coast, calling the move illegal.")
    assert ("VNM", "CHN", "11") in got and ("CHN", "VNM", "11") not in got, got


def test_a_closing_act_stays_with_its_own_clause(coder):
    # (killing is no participle of saying: the gunmen killed, not the police)
    got = dyads(coder, "Police said Taliban gunmen stormed a hotel in Kabul, killing 20 people.")
    assert any(r in ("18", "19") and s == "AFG" for s, _, r in got), got


# -- releasing is of people, not of things ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Japan began releasing treated water from the Fukushima plant into the sea on Thursday.",
    "Iran released a video of the tanker's seizure on Monday.",
    "The IMF released $1 billion to Pakistan after its board approved the review.",
])
def test_releasing_a_thing_frees_no_one(coder, text):
    assert not any(e.code == "0841" for e in coder.code_text(text))


@pytest.mark.parametrize("text", [
    "The Houthis released 60 detainees on Sunday.",
    "Colombia's ELN released three kidnapped soldiers on Friday.",
])
def test_releasing_people_is_still_a_release(coder, text):
    assert any(e.code == "0841" for e in coder.code_text(text))


# -- aircraft sent into another state's airspace are a show of force against it ---------------
def test_a_state_closing_its_own_airspace_is_no_incursion(coder):
    got = dyads(coder, "Poland closed its airspace to Russian airlines on Friday.")
    assert not any(r == "15" for _, _, r in got), got


# -- the place two sides meet at is no party to the meeting ------------------------------------
def test_two_sides_meeting_at_a_base_meet_each_other(coder):
    got = dyads(coder, "Sudanese and South Sudanese officers met at a U.N. base in Abyei on "
                       "Tuesday.")
    assert {("SDN", "SSD", "04"), ("SSD", "SDN", "04")} <= got, got
    assert not any(t == "IGO" for _, t, _ in got), got


def test_an_attack_on_a_base_is_still_aimed_at_its_owner(coder):
    got = dyads(coder, "Rebels attacked a U.N. base in northern Mali on Sunday.")
    assert any(t == "IGO" and r in ("18", "19") for _, t, r in got), got
