"""Who acts on whom: constructions where the coder found the right act but the wrong party
(the nineteenth round), on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import country_codes, dyad_table_test, dyads, triples


# -- a state's own country, named bare among the candidates, is not whom it acts on ------------
def test_an_embargo_of_ones_own_country_is_lifted_on_the_country_it_targets(coder):
    got = dyads(coder, "The White House on Friday ended the decades-old American grain "
                       "embargo on Cuba.")
    assert ("USA", "CUB", "08") in got
    assert not any(t == "USA" for _, t, _ in got)


def test_a_government_warning_that_its_country_will_act_warns_no_one_of_itself(coder):
    got = dyads(coder, "The Greek defence minister warned that Greece would defend its islands "
                       "by every means.")
    assert not any(s == t for s, t, _ in got)


def test_rebels_attacking_their_own_country_keep_it_as_target(coder):
    # (only a state's own organs are kept off their country: rebels fight it)
    got = dyads(coder, "Islamist rebels attacked the central Malian town of Douentza on "
                       "Friday.")
    assert ("MLI", "MLI", "19") in got


# -- an act named by a gerund after "after", "before", "since" is done by the verb's subject ------
def test_a_town_overrun_before_a_massacre_is_overrun_by_the_killers(coder):
    got = dyads(coder, "Boko Haram fighters killed dozens of villagers after overrunning the "
                       "town of Baga in northeastern Nigeria on Saturday.")
    assert ("NGA", "NGA", "19") in got
    assert sum(1 for s, _, r in got if s == "NGA" and r in ("18", "19", "20")) >= 2


def test_what_was_done_without_doing_it_is_not_reported_by_a_gerund(coder):
    # ("without" says the act was not done: no preposition of time)
    got = dyads(coder, "Russian troops withdrew from the village without firing a shot.")
    assert not any(r == "19" for _, _, r in got)


# -- talks resumed by two parties named together are held with each other, about the topic -----
def test_talks_resumed_over_a_territory_are_held_between_the_negotiators(coder):
    got = dyads(coder, "British and Chinese diplomats reopened talks on Tuesday over Hong Kong.")
    assert ("GBR", "CHN", "04") in got and ("CHN", "GBR", "04") in got
    assert not any("HKG" in (s, t) for s, t, _ in got)


# -- what a body sends stands for it -------------------------------------------------------------
def test_a_team_from_an_agency_acts_for_the_agency(coder):
    got = {(e.source.code, e.root) for e in coder.code_text(
        "A team from the IAEA inspected the Zaporizhzhia nuclear plant in Ukraine on Thursday.")}
    assert ("IGOUNOIAE", "09") in got


def test_goods_from_a_country_are_no_actor(coder):
    # ("imports from Russia" names Russia as a place, as before; oil names no body)
    got = dyads(coder, "Germany banned imports from Russia on Friday.")
    assert ("DEU", "RUS", "16") in got


# -- an appeal to act together against someone rallies opposition against them ----------------
def test_urging_allies_to_unite_against_a_state_rallies_opposition_against_it(coder):
    got = country_codes(coder.code_text(
        "Pakistan's prime minister urged Islamic countries on Friday to stand together against "
        "India."))
    assert ("PAK", "IND", "113") in got


def test_urging_allies_to_stand_with_a_state_rallies_no_opposition(coder):
    got = {e.code for e in coder.code_text(
        "Poland urged its European partners on Monday to stand with Moldova.")}
    assert "113" not in got


# -- a clause coordinated with a statement is no report of it ------------------------------------
def test_condolences_sent_beside_a_pledge_are_both_coded(coder):
    got = dyads(coder, "Japanese Prime Minister Fumio Kishida sent a message of condolence to "
                       "Moroccan King Mohammed VI on Sunday, and Tokyo pledged emergency aid.")
    assert ("JPN", "MAR", "01") in got
    assert any(s == "JPN" and r == "03" for s, _, r in got)


# -- two titled names joined by "and", the first in apposition to its title ----------------------
def test_two_titled_leaders_meeting_meet_each_other(coder):
    got = dyads(coder, "U.S. President Donald Trump and Russian President Vladimir Putin met at "
                       "a military base in Alaska on Friday.")
    assert ("USA", "RUS", "04") in got and ("RUS", "USA", "04") in got


# -- a statement that someone was behind or responsible for a harm accuses them ----------------
def test_saying_a_state_was_behind_an_attack_accuses_it(coder):
    got = country_codes(coder.code_text(
        "The Estonian foreign minister said on Tuesday that Russia was behind the cyber attack "
        "on government websites."))
    assert ("EST", "RUS", "112") in got


def test_saying_a_leader_was_responsible_for_a_death_accuses_him(coder):
    got = country_codes(coder.code_text(
        "The French president said on Friday that Lukashenko was responsible for the death of "
        "the jailed activist."))
    assert ("FRA", "BLR", "112") in got


def test_saying_someone_was_not_behind_an_attack_accuses_no_one(coder):
    got = {e.code for e in coder.code_text(
        "The Estonian foreign minister said on Tuesday that Russia was not behind the cyber "
        "attack on government websites.")}
    assert "112" not in got


def test_being_responsible_for_something_harmless_is_no_accusation(coder):
    got = {e.code for e in coder.code_text(
        "The minister said Iran was responsible for regional stability.")}
    assert "112" not in got


# -- what a vetoed text says was never done ----------------------------------------------------
def test_a_vetoed_resolution_demands_nothing(coder):
    got = {e.code for e in coder.code_text(
        "Russia vetoed a Security Council resolution on Tuesday that demanded an immediate "
        "ceasefire in Syria.")}
    assert "129" in got
    assert not any(c.startswith(("02", "10")) for c in got)


def test_a_resolution_adopted_and_then_rejected_did_demand(coder):
    got = {e.code[:2] for e in coder.code_text(
        "Israel rejected a U.N. resolution that demanded an immediate ceasefire in Gaza.")}
    assert "10" in got and "12" in got


# -- an attack claimed is the claimant's own, and the claim no allegation ----------------------
def test_claiming_a_bombing_claims_responsibility_and_did_it(coder):
    got = {(e.source.code, e.target_code[:3], e.code[:3]) for e in coder.code_text(
        "Al-Shabaab claimed a suicide bombing in Mogadishu on Monday that killed six "
        "soldiers.")}
    assert any(s == "SOMREBSHB" and c == "015" for s, _, c in got)
    assert any(s == "SOMREBSHB" and c.startswith("18") for s, _, c in got)
    assert not any(c == "112" for _, _, c in got)


def test_a_claim_that_someone_attacked_is_still_an_allegation(coder):
    got = {e.code for e in coder.code_text(
        "Armenia claimed on Monday that Azerbaijani troops had shelled border villages.")}
    assert "112" in got and not any(c.startswith("19") for c in got)


# -- "the group" is no body of states ------------------------------------------------------------
def test_the_group_after_an_agency_chief_is_the_armed_group(coder):
    got = {(e.source.code, e.code[:2]) for e in coder.code_text(
        "Boko Haram fighters killed 30 farmers near Maiduguri, UNICEF's representative said on "
        "Monday, a week after the group abducted dozens of schoolgirls.")}
    assert ("NGAREBBKH", "18") in got
    assert not any(s.startswith("IGO") and c == "18" for s, c in got)


# -- what a transfer gives is never whom it goes to ------------------------------------------------
def test_tanks_to_be_supplied_are_not_their_recipient(coder):
    got = {(e.source.code, e.target_code) for e in coder.code_text(
        "Canberra announced that Australia would supply 59 Abrams tanks.")}
    assert not any(t.endswith("MIL") for _, t in got)


def test_every_act_an_accusation_names_is_only_alleged(coder):
    got = {e.code[:2] for e in coder.code_text(
        "The U.N. rights office accused Sudan's army on Monday of burning villages and killing "
        "civilians in air strikes.")}
    assert "11" in got
    assert not got & {"18", "19", "20"}


# -- the possessor of a phrase owns it; a nearer country names its portfolio ------------------
def test_a_states_office_for_another_place_is_the_states(coder):
    got = {(e.source.code[:3], e.code[:2]) for e in coder.code_text(
        "China's Taiwan Affairs Office condemned the Taiwanese president on Thursday.")}
    assert ("CHN", "11") in got


# -- a verb done again ("re-imposed") is the verb itself ------------------------------------------
def test_a_prefixed_verb_is_read_as_one_word(coder):
    doc = coder.nlp("Washington re-imposed sanctions on Caracas.")
    assert "re-imposed" in [t.text for t in doc]


def test_relations_re_established_are_relations_established(coder):
    got = dyads(coder, "Saudi Arabia and Iran re-established diplomatic relations on Friday.")
    assert ("SAU", "IRN", "05") in got and ("IRN", "SAU", "05") in got


def test_a_hyphen_inside_a_name_or_other_prefix_still_splits(coder):
    doc = coder.nlp("Troops staged a pre-dawn raid near Baden-Baden.")
    assert "pre-dawn" not in [t.text for t in doc]


# -- charged and questioned by those who prosecute crimes ----------------------------------------
# (its sentence is in DYADS below)


def test_a_baton_charge_is_repression_not_legal_action(coder):
    got = {e.code for e in coder.code_text(
        "Riot police charged the protesters with batons in Dhaka on Sunday.")}
    assert "175" in got and "173" not in got


# -- an attack across a border is aimed at the other state named ----------------------------------
# (its sentence is in DYADS below)


def test_troops_massed_along_a_border_attack_no_one(coder):
    got = dyads(coder, "Cambodian troops fired warning shots along the border on Friday.")
    assert not any(r == "19" for _, _, r in got)


# -- vocabulary: hostages dragged away, a rebuke drawn from someone ------------------------------
def test_hostages_dragged_away_are_abducted(coder):
    got = {e.code for e in coder.code_text(
        "Boko Haram fighters raided a village on Sunday and dragged twenty Nigerian hostages "
        "into the forest.")}
    assert "181" in got


def test_a_rebuke_drawn_from_someone_is_their_rebuke(coder):
    got = dyads(coder, "Hungary blocked the EU statement on Monday and drew a sharp rebuke from "
                       "the Polish foreign minister.")
    assert ("POL", "HUN", "11") in got
    assert ("HUN", "POL", "11") not in got


# -- "the two allies", "the two neighbours" are the two states named before -----------------------
def test_the_two_allies_are_the_two_states_named_before(coder):
    got = dyads(coder, "China condemned Japan and the Philippines on Friday as the two allies "
                       "began joint naval drills in the South China Sea.")
    assert ("JPN", "PHL", "06") in got and ("PHL", "JPN", "06") in got


# -- "thousands", "hundreds", "dozens" alone are people -----------------------------------------
def test_thousands_taking_to_the_streets_protest(coder):
    got = dyads(coder, "Thousands took to the streets across Sudan on Friday demanding civilian "
                       "rule.")
    assert any(s == "SDN" and r == "14" for s, _, r in got)


def test_dozens_killed_are_people_of_the_place(coder):
    got = {(e.source.code, e.target_code) for e in coder.code_text(
        "Gunmen killed dozens in central Mali on Sunday.")}
    assert ("MLIUAF", "MLICVL") in got


def test_a_second_toll_participle_is_the_same_attack(coder):
    got = [e.code for e in coder.code_text(
        "Police fired tear gas at protesters in Lagos, killing three people and wounding dozens.")]
    assert got == ["175"]


# -- an order to the state's own organs demands nothing of anyone -------------------------------
def test_ordering_ones_own_police_is_no_demand(coder):
    got = triples(coder.code_text(
        "The Kenyan interior minister ordered police on Monday to shoot looters on sight."), "code")
    assert not any(c.startswith("10") for _, _, c in got)


# -- violence against people described as protesting is repression ------------------------------
def test_militias_attacking_students_who_protest_repress_them(coder):
    got = {(e.source.code, e.code) for e in coder.code_text(
        "Pro-government militias attacked students protesting against fuel prices in Managua "
        "on Friday.")}
    assert ("NICUAF", "175") in got


def test_security_forces_storming_a_protest_camp_repress_the_protesters(coder):
    got = triples(coder.code_text(
        "Bangladeshi security forces stormed a protest camp in Dhaka on Sunday."), "code")
    assert ("BGDCOP", "BGDOPP", "175") in got


def test_troops_storming_a_refugee_camp_repress_no_protest(coder):
    got = {e.code for e in coder.code_text("Israeli troops stormed a refugee camp in Jenin.")}
    assert "175" not in got


def test_months_given_to_comply_are_an_ultimatum(coder):
    got = {e.code for e in coder.code_text(
        "The European Union gave Belgrade two months on Monday to meet its conditions.")}
    assert "139" in got


def test_delegations_from_two_parties_negotiate_with_each_other(coder):
    got = dyads(coder, "Delegations from Sudan's army and the Rapid Support Forces resumed "
                       "negotiations in Jeddah on Monday.")
    assert ("SDN", "SDN", "04") in got
    assert not any(t == "SAU" for _, t, _ in got)


def test_mediation_named_on_the_talks_mediates_between_their_parties(coder):
    got = dyads(coder, "Ethiopia and Eritrea resumed negotiations under Algerian mediation.")
    assert ("DZA", "ETH", "04") in got and ("DZA", "ERI", "04") in got


def test_mediation_between_two_parties_is_with_each_of_them(coder):
    got = dyads(coder, "Kenya began mediation between Sudan's army and the Rapid Support "
                       "Forces.")
    assert ("KEN", "SDN", "04") in got
    assert not any(s == "SDN" and t == "SDN" for s, t, _ in got)


def test_two_states_sharing_radar_data_share_intelligence(coder):
    got = dyads(coder, "Australia and Japan began sharing radar data on Chinese naval "
                       "movements on Monday.")
    assert ("AUS", "JPN", "06") in got and ("JPN", "AUS", "06") in got


# -- one sentence, one dyad it must give: the mechanisms above, stated once each ------------
DYADS = [
    ("assets_named_by_the_freezing_country_are_frozen_on_their_owner",
     "London froze the British assets of Belarusian President Alexander Lukashenko on "
     "Tuesday.",
     ("GBR", "BLR", "16")),
    ("a_debt_written_off_goes_to_its_owner",
     "Russia wrote off most of Cuba's Soviet-era debt on Friday.",
     ("RUS", "CUB", "07")),
    ("prosecutors_charging_a_tycoon_over_a_scheme_take_legal_action",
     "French prosecutors charged the Lebanese banker on Monday over an alleged "
     "embezzlement scheme.",
     ("FRA", "LBN", "17")),
    ("an_anticorruption_commission_questioning_a_former_leader_investigates_him",
     "Kenya's anti-corruption commission questioned the former finance minister for "
     "five hours on Friday.",
     ("KEN", "KEN", "09")),
    ("rockets_fired_across_the_border_hit_the_other_state",
     "Thai jets struck Cambodian army posts on Friday after Cambodian troops fired "
     "rockets across the disputed border.",
     ("KHM", "THA", "19")),
    ("ordering_another_state_is_a_demand",
     "The International Court of Justice ordered Israel on Friday to allow aid into "
     "Gaza.",
     ("IGO", "ISR", "10")),
    ("houses_torched_in_a_region_are_that_countrys",
     "Soldiers torched houses in Cameroon's North-West region on Monday.",
     ("CMR", "CMR", "17")),
    ("missiles_and_drones_fired_at_a_country_attack_it",
     "Russian forces launched four cruise missiles and a dozen drones at Ukrainian "
     "power plants overnight.",
     ("RUS", "UKR", "19")),
    ("a_body_named_after_the_states_own_country_may_be_its_target",
     "The Ghanaian finance minister declined to resign despite pressure from the Ghana "
     "Anti-Corruption Commission.",
     ("GHA", "GHA", "12")),
    ("any_verb_of_voicing_voices_the_feeling",
     "Japan's government voiced displeasure on Tuesday over American complaints about its "
     "rice market.", ("JPN", "USA", "11")),
    ("condolences_conveyed_are_condolences",
     "Egypt conveyed its condolences to Morocco after the earthquake.", ("EGY", "MAR", "01")),
    ("troops_sent_abroad_to_protect_are_military_aid",
     "Britain deployed troops to Sierra Leone on Monday to protect the airport.",
     ("GBR", "SLE", "07")),
    ("a_person_shot_at_a_parade_is_whom_the_shooting_hits",
     "Gunmen shot dead Governor Ahmed Bello at an independence parade in Kano on Friday.",
     ("NGA", "NGA", "18")),
]


test_a_sentence_gives_its_dyad = dyad_table_test(DYADS)


def test_a_shooting_aimed_at_something_with_no_object_keeps_its_aim(coder):
    got = dyads(coder, "Rebels fired at a United Nations convoy near Goma on Monday.")
    assert ("COD", "IGO", "19") in got, got


def test_drills_named_as_such_are_a_show_of_force(coder):
    got = dyads(coder, "Iran's Revolutionary Guards began large-scale naval manoeuvres in the "
                       "Gulf on Monday.")
    assert any(s == "IRN" and r == "15" for s, _, r in got), got
    # (a noun pattern on a word class finds a member of two words by its head noun: "war
    # games" under "game", with "war" before it)
    assert any(p.id.endswith(":&manoeuvre") and p.words == ("war",)
               for p in coder.patterns.nouns.get("game", [])), coder.patterns.nouns.get("game")
    # (a patrol attacked is no drill)
    got = dyads(coder, "Gunmen opened fire on an army patrol near Culiacan on Wednesday.")
    assert not any(r == "15" for _, _, r in got), got


@pytest.mark.parametrize("date, expected", [("1986-04-16", "SUN"), ("1995-01-16", "RUS")])
def test_moscow_and_the_kremlin_are_the_soviet_state_while_it_stood(coder, date, expected):
    for text in ("Moscow condemned the American raid on Libya.",
                 "The Kremlin condemned the American raid on Libya."):
        got = {e.source.code[:3] for e in coder.code_text(text, date=date)}
        assert got == {expected}, (text, got)


# -- the twenty-first round: sides named by sector words ----------------------------------------
def test_a_role_word_after_a_group_s_word_is_of_the_group_before_a_name(coder):
    got = triples(coder.code_text(
        "Moldovan President Mircea Snegur met separatist leader Igor Smirnov on Thursday."))
    assert ("MDAGOV", "MDAREB", "04") in got, got
    assert ("MDAGOV", "MDAGOV", "04") not in got, got


def test_coordinated_sector_words_before_one_noun_name_both_sides(coder):
    got = triples(coder.code_text("Ugandan government and rebel negotiators met in Juba on "
                                  "Monday."))
    assert {("UGAGOV", "UGAREB"), ("UGAREB", "UGAGOV")} <= {(s, t) for s, t, _ in got}, got
    # (one sector word alone is one side)
    got = triples(coder.code_text("Sudanese government negotiators met the rebels in Nairobi."))
    assert not any(s == "SDNREB" and t == "SDNREB" for s, t, _ in got), got


@pytest.mark.parametrize("text", [
    "Philippine government negotiators and communist rebel envoys sat down for peace talks in "
    "Oslo on Friday.",
    "Indian and Pakistani officials resumed their stalled dialogue in Islamabad on Tuesday.",
])
def test_talks_held_by_two_sides_named_together_are_between_them(coder, text):
    got = triples(coder.code_text(text))
    sides = {(s, t) for s, t, r in got if r == "04"}
    assert len(sides) == 2 and all(s != t for s, t in sides), got


def test_what_happened_as_a_request_was_made_is_not_what_it_asked(coder):
    got = triples(coder.code_text(
        "The United Nations urged Sudan to show restraint as the government opened talks with "
        "the rebels."), level="code")
    # (the talks are the government's own act, not a negotiation the UN asked for: 026)
    assert not any(s.startswith("IGO") and c == "026" for s, _, c in got), got


def test_a_group_s_delegation_or_envoy_is_of_the_group(coder):
    got = triples(coder.code_text("Rebel delegations met Sudanese officials on Monday."))
    assert ("SDNREB", "SDNGOV", "04") in got, got
    got = triples(coder.code_text("Opposition envoys met Kenyan officials in Nairobi."))
    assert ("KENOPP", "KENGOV", "04") in got, got


def test_talks_two_sides_opened_in_a_city_are_held_there_not_with_the_city(coder):
    got = triples(coder.code_text(
        "The Ugandan government and the rebels opened a new round of peace negotiations in "
        "Kinshasa on Tuesday."), level="code")
    assert ("UGAGOV", "UGAREB", "046") in got and ("UGAREB", "UGAGOV", "046") in got, got
    assert not any(t.startswith("COD") or s.startswith("COD") for s, t, _ in got), got


# -- a passive act done to someone with no doer named (its codes: test_coder_codes.CODES) ------
def test_a_passive_killing_of_people_with_no_office_names_no_doer(coder):
    got = triples(coder.code_text("Three soldiers were killed in the north on Monday."))
    assert not any(s == "---" for s, _, _ in got), got
    # (one done in an attack the sentence names is the attack's doer's)
    got = triples(coder.code_text("A Serb policeman was murdered in an attack by Kosovo "
                                  "Albanians near Podujevo on Sunday."))
    assert not any(s == "---" for s, _, _ in got), got


def test_an_office_holder_of_a_city_is_of_the_city_s_country(coder):
    got = triples(coder.code_text("Gunmen killed the mayor of Acapulco on Sunday."))
    assert any(t == "MEXGOV" for _, t, _ in got), got


def test_a_weapon_that_went_off_as_people_were_killed_did_it(coder):
    got = triples(coder.code_text("Three Indian soldiers were killed when a landmine planted "
                                  "by Maoist rebels exploded under their truck on Monday."),
                  level="code")
    assert any(s.startswith("IND") and s.endswith("REB") and t == "INDMIL" and c.startswith("18")
               for s, t, c in got), got


def test_whom_pressure_comes_from_is_whom_a_refusal_to_yield_answers(coder):
    got = country_codes(coder.code_text(
        "Zimbabwe's president said on Monday he would not bow to pressure from the European "
        "Union over his government's land reforms."))
    assert any(s == "ZWE" and t == "IGO" and c.startswith("12") for s, t, c in got), got
