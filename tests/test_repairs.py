"""Parse repairs for wire copy: a weekday written bare after a name ("met X Tuesday") must not
swallow the name, whichever role the name has. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import triples
from tidings.coder.verbless import restore_participle_verb


@pytest.mark.parametrize("text, expected", [
    ("The Iraqi foreign minister met Syrian President Bashar Assad Tuesday.",
     {("IRQGOV", "SYRGOV", "04"), ("SYRGOV", "IRQGOV", "04")}),
    ("Turkish President Recep Tayyip Erdogan Friday accused Greece of provocations.",
     {("TURGOV", "GRC", "11")}),
    ("U.S. envoys held talks with Taliban negotiators Sunday in Doha.",
     {("USAGOV", "AFGREBTAL", "04")}),
])
def test_a_bare_weekday_after_a_name_is_the_time_not_the_name(coder, text, expected) -> None:
    assert expected <= triples(coder.code_text(text))


@pytest.mark.parametrize("bare, written_out", [
    ("Kenya's president received Somali leader Hassan Sheikh Mohamud Thursday.",
     "Kenya's president received Somali leader Hassan Sheikh Mohamud on Thursday."),
    ("Britain's foreign secretary Monday condemned the Iranian strikes.",
     "Britain's foreign secretary on Monday condemned the Iranian strikes."),
])
def test_bare_and_written_out_weekdays_code_alike(coder, bare, written_out) -> None:
    assert triples(coder.code_text(bare)) == triples(coder.code_text(written_out))


@pytest.mark.parametrize("shifted, plain", [
    ("Ankara condemned as reckless the strikes by Syrian forces on the town.",
     "Ankara condemned the strikes by Syrian forces on the town as reckless."),
    ("Kigali dismissed as baseless the accusations by Kinshasa.",
     "Kigali dismissed the accusations by Kinshasa as baseless."),
    ("Kigali dismissed as baseless accusations by Kinshasa.",
     "Kigali dismissed the accusations by Kinshasa as baseless."),
    ("Lima condemned as 'cowardly and brutal' the bombing by rebels in Ayacucho.",
     "Lima condemned the bombing by rebels in Ayacucho as cowardly and brutal."),
    ("Hanoi denounced as a grave provocation China's seizure of the reef.",
     "Hanoi denounced China's seizure of the reef as a grave provocation."),
])
def test_an_object_shifted_after_its_as_predicate_codes_as_in_plain_order(
        coder, shifted, plain) -> None:
    got = triples(coder.code_text(shifted))
    assert got and got == triples(coder.code_text(plain))


@pytest.mark.parametrize("text, predicate", [
    # a noun without a determiner after "as ADJ" is the predicate, not a shifted object
    ("The ministers were regarded as close allies of Moscow.", "allies"),
    ("Brussels opened an inquiry into Chinese steel, a move Beijing denounced as naked "
     "protectionism.", "protectionism"),
    ("Critics saw as naive the plan's authors.", None),  # (a determiner: shifted)
])
def test_a_predicate_noun_after_as_stays_the_predicate(coder, text, predicate) -> None:
    doc = coder.nlp(text)
    objects = [t.text for t in doc if t.dep_ == "dobj" and t.head.lower_ != "as"]
    if predicate is None:
        assert objects == ["authors"]
    else:
        assert predicate not in objects


def test_a_reaction_set_beside_a_clause_is_aimed_at_who_did_it(coder) -> None:
    # ", a move X denounced": the move is what the clause before it says was done
    events = coder.code_text(
        "Canada banned imports of steel from India on Monday, a move New Delhi denounced "
        "as unfair.")
    assert ("INDGOV", "CAN", "11") in triples(events)


def test_a_bombing_whose_doer_is_not_named_is_coded_with_an_unknown_source(coder) -> None:
    events = coder.code_text("A car bomb exploded outside a hotel in Mogadishu on Sunday, "
                             "killing nine people.")
    assert {(e.source.code, e.root) for e in events} == {("---", "18")}
    assert events[0].source.rule.startswith("weapon:car bomb")


def test_a_bomb_that_is_only_an_object_is_no_attack(coder) -> None:
    events = coder.code_text("Kenyan police defused a bomb near the stadium in Nairobi.")
    assert all(e.source.code != "---" for e in events)


def test_what_a_warning_says_could_be_done_is_threatened(coder) -> None:
    events = coder.code_text("Putin warned that Moscow could strike military bases in Poland.")
    assert ("RUSGOV", "POLMIL", "1384") in triples(events, level="code")
    # a guess by others stays a guess
    assert coder.code_text("Analysts said Russia could strike Kyiv again.") == []


@pytest.mark.parametrize("text", [
    "Protesters stormed the parliament building in Bishkek overnight.",
    "Demonstrators set fire to the Danish embassy in Beirut.",
])
def test_violence_by_protesters_is_a_riot(coder, text) -> None:
    assert {e.code for e in coder.code_text(text)} == {"145"}


def test_police_violence_against_protesters_stays_repression(coder) -> None:
    events = coder.code_text("Police fired tear gas at protesters in Nairobi.")
    assert {e.root for e in events} == {"17"}


def test_the_toll_of_an_attack_is_not_another_attack(coder) -> None:
    events = coder.code_text("Israeli warplanes struck a market in Gaza, killing 14 people.")
    # one attack, on the people it killed
    assert [(e.source.code, e.target_code, e.root) for e in events] == [
        ("ISRMIL", "PSECVL", "19")]
    # with no attack coded before it, the killing is the event
    events = coder.code_text("Gunmen stopped a bus near Quetta, killing two passengers.")
    assert {e.root for e in events} & {"18", "19"}


def test_a_suicide_bomber_is_no_warplane(coder) -> None:
    events = coder.code_text("A suicide bomber struck a police compound in Peshawar, killing "
                             "59 officers.")
    assert {e.code for e in events} == {"1831"}


@pytest.mark.parametrize("text, code", [
    ("Burundi ordered the U.N. human rights office to leave the country.", "166"),
    ("Niger ordered foreign aid agencies out of the Diffa region.", "1663"),
])
def test_expelling_an_organisation_is_not_expelling_people(coder, text, code) -> None:
    assert code in {e.code for e in coder.code_text(text)}


def test_expelling_diplomats_stays_an_expulsion_of_people(coder) -> None:
    assert {e.code for e in coder.code_text("Russia expelled two Estonian diplomats.")} == {
        "174"}


def test_a_call_named_beside_another_act_is_an_event_of_its_own(coder) -> None:
    events = coder.code_text("Kenya's president apologised in a phone call with his Ugandan "
                             "counterpart on Monday.")
    assert {("KENGOV", "UGAGOV", "04"), ("UGAGOV", "KENGOV", "04")} <= triples(events)
    events = coder.code_text("After talks with Serbian officials in Brussels, Kosovo's prime "
                             "minister said the border would stay open.")
    assert ("KSVGOV", "SRBGOV", "04") in triples(events)


def test_a_war_named_after_a_preposition_is_no_meeting(coder) -> None:
    events = coder.code_text("Ten soldiers were killed in an attack on a base in Mali.")
    assert "04" not in {e.root for e in events}


def test_saying_after_an_act_explains_it(coder) -> None:
    events = coder.code_text("Egypt rejected the Ethiopian proposal on Sunday, saying the dam "
                             "threatened its water supply.")
    assert {e.root for e in events} == {"12"}
    # alone, a statement stays a statement
    events = coder.code_text("Egypt told Ethiopia on Sunday that the dam threatened its "
                             "water supply.")
    assert {e.root for e in events} == {"01"}


@pytest.mark.parametrize("text", [
    "Israel and Hamas reached no agreement on Sunday.",
    "No troops were sent to Mali by France.",
    "Russia fired no missiles at Kyiv overnight.",
])
def test_an_act_denied_by_no_did_not_happen(coder, text) -> None:
    assert coder.code_text(text) == []


def test_no_fewer_than_is_no_denial(coder) -> None:
    events = coder.code_text("Russia fired missiles at no fewer than ten cities in Ukraine.")
    assert ("RUS", "UKR", "19") in triples(events)


@pytest.mark.parametrize("text", [
    "Rwanda sent troops to Mozambique to help its army fight the insurgents.",
    "Kenya offered to lead a force to help Haiti fight gangs.",
])
def test_what_an_act_was_for_is_no_fighting(coder, text) -> None:
    assert "19" not in {e.root for e in coder.code_text(text)}


def test_an_offer_to_help_stays_an_intent(coder) -> None:
    events = coder.code_text("Kenya offered to lead a force to help Haiti fight gangs.")
    assert ("KEN", "HTI", "03") in triples(events)


def test_a_name_written_in_lowercase_is_a_description(coder) -> None:
    events = coder.code_text("Russian forces withdrew from the west bank of the Dnipro river.")
    assert all(not e.target_code.startswith("PSE") for e in events)
    events = coder.code_text("Israeli troops raided a town in the West Bank.")
    assert ("ISRMIL", "PSE", "19") in triples(events)


def test_the_first_leader_to_visit_is_who_became_it(coder) -> None:
    events = coder.code_text("Modi became the first Asian leader to visit Kyiv since the "
                             "invasion.")
    visits = [e for e in events if e.code == "042"]
    assert visits and {e.source.code for e in visits} == {"INDGOV"}
    assert not any("leader" in e.source.text for e in events)


def test_him_after_a_shared_subject_is_the_other_person(coder) -> None:
    events = coder.code_text("Chinese President Xi Jinping spoke by phone with Vladimir Putin "
                             "and urged him to extend the grain deal.")
    assert ("CHNGOV", "RUSGOV", "02") in triples(events)


def test_a_participle_with_its_doer_is_an_act_in_its_roots(coder) -> None:
    events = coder.code_text("Thailand and Cambodia agreed to a ceasefire at talks in Kuala "
                             "Lumpur mediated by Malaysian Prime Minister Anwar Ibrahim.")
    assert {("MYSGOV", "THA", "04"), ("MYSGOV", "KHM", "04")} <= triples(events)
    events = coder.code_text("Russia rejected the sanctions imposed by the European Union.")
    assert ("IGOEUREEC", "RUS", "16") in triples(events)


def test_a_participle_that_describes_is_no_act(coder) -> None:
    events = coder.code_text("The Palestinian leadership rejected the peace plan unveiled by "
                             "U.S. President Donald Trump.")
    assert {e.root for e in events} == {"12"}


def test_state_violence_against_protesters_is_repression(coder) -> None:
    events = coder.code_text("Police opened fire on the crowd of protesters in Nairobi.")
    assert {e.code for e in events} == {"175"}
    # a bombing of a crowd is no repression
    events = coder.code_text("A suicide bomber struck a crowd outside the airport in Kabul.")
    assert "175" not in {e.code for e in events}


def test_a_vowed_response_is_aimed_at_whom_it_answers(coder) -> None:
    events = coder.code_text("The EU imposed sanctions on Iran's police on Monday, and Tehran "
                             "vowed a reciprocal response.")
    assert ("IRNGOV", "IGOEUREEC", "13") in triples(events)


def test_a_vowed_response_to_no_one_is_not_coded(coder) -> None:
    assert coder.code_text("The new coach vowed a tough response after the defeat.") == []


def test_forces_put_on_alert_or_standby(coder) -> None:
    events = coder.code_text("Pakistan placed its air force on high alert on Tuesday.")
    assert {e.code for e in events} == {"152"}


@pytest.mark.parametrize("text, expected", [
    ("Egyptian police detained between 20 and 30 supporters of the Muslim Brotherhood in "
     "Alexandria on Friday.", ("EGYCOP", "EGYOPPMUS", "17")),
    ("Kenyan police arrested over 40 students in Nairobi on Monday.", ("KENCOP", "KENEDU", "17")),
])
def test_a_number_s_bound_parsed_as_a_preposition_leaves_the_object(coder, text,
                                                                   expected) -> None:
    events = coder.code_text(text, date="2022-03-04")
    assert expected in triples(events)
    assert [c.kind for e in events for c in e.counts] == ["arrested"]


def test_a_number_before_people_is_no_date_whatever_the_tagger_says(coder) -> None:
    (event,) = coder.code_text("Police arrested between 30 and 40 protesters on Monday.",
                               date="2022-03-04")
    (count,) = event.counts
    assert (count.number, count.bound, count.high) == (30, "range", 40)


def test_attribution_at_the_end_does_not_turn_the_report_into_a_description(coder) -> None:
    text = ("Turkish police detained 12 journalists at a rally in Istanbul on Sunday, "
            "their union said, a week before the vote.")
    assert ("TURCOP", "TURMED", "17") in triples(coder.code_text(text, date="2022-03-06"))


@pytest.mark.parametrize("text, expected", [
    ("Greece expelled two Turkish diplomats on Monday, a move Turkish Foreign Minister Hakan "
     "Fidan condemned as provocative.", ("TURGOV", "GRC", "11")),
    ("Iran withdrew the accreditation of several IAEA inspectors on Saturday, a move IAEA "
     "chief Rafael Grossi condemned as unprecedented.", ("IGOUNOIAE", "IRN", "11")),
])
def test_a_reaction_beside_a_clause_however_parsed_is_aimed_at_who_did_it(coder, text,
                                                                          expected) -> None:
    assert expected in triples(coder.code_text(text, date="2024-03-04"))


def test_an_infinitive_after_a_phrase_is_the_verb_s_own(coder) -> None:
    text = ("Al-Shabaab threatened in a statement issued on Sunday to kill three Kenyan "
            "soldiers unless Nairobi withdrew its troops.")
    assert ("SOMREBSHB", "KENMIL", "13") in triples(coder.code_text(text, date="2020-02-02"),
                                                    level="root")


@pytest.mark.parametrize("text, expected", [
    ("Belarusian President Alexander Lukashenko rejected opposition calls for a new vote on "
     "Monday.", ("BLRGOV", "BLROPP", "12")),
    ("The Peruvian president brushed aside opposition demands for her to resign.",
     ("PERGOV", "PEROPP", "12")),
])
def test_a_plural_object_tagged_as_a_verb_is_still_the_object(coder, text, expected) -> None:
    assert expected in triples(coder.code_text(text, date="2023-01-09"))


def test_a_noun_described_by_a_participle_is_the_subject_not_its_doer(coder) -> None:
    # "the rebels captured last week had been planning ...": the rebels were captured; they
    # captured no one.
    events = coder.code_text("Colombia's defence minister said the rebels captured near Cali "
                             "last week had been planning attacks on police stations.",
                             date="2021-03-08")
    assert not any(e.source.code.endswith("REB") and e.root == "17" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan President William Ruto hosted Somalia's President Hassan Sheikh Mohamud in "
     "Nairobi on Tuesday.", ("KENGOV", "SOM", "04")),
    ("The European Union and USAID suspended budget support to Mali on Monday.",
     ("IGOEUREEC", "MLI", "16")),
])
def test_a_verb_tagged_as_a_modifier_is_still_the_sentence_s_verb(coder, text, expected) -> None:
    got = triples(coder.code_text(text, date="2024-05-07"))
    assert any(s == expected[0] and t.startswith(expected[1]) and r == expected[2]
               for s, t, r in got)


def test_a_sentence_that_is_only_a_noun_phrase_gets_no_verb(coder) -> None:
    assert coder.code_text("The wounded soldiers of the Kenyan army.") == []


@pytest.mark.parametrize("text, expected", [
    ("Russia's navy held three days of exercises off the coast of Japan on Monday.",
     ("RUSMIL", "JPN", "15")),
    ("Israeli jets carried out a wave of air strikes on southern Lebanon overnight.",
     ("ISRMIL", "LBN", "19")),
    ("Iran and the United States held a second round of talks in Muscat on Saturday.",
     ("IRN", "USA", "04")),
])
def test_an_act_measured_or_grouped_is_still_the_verb_s_object(coder, text, expected) -> None:
    assert expected in triples(coder.code_text(text, date="2025-04-19"))


def test_two_titled_names_joined_by_and_are_two_actors(coder) -> None:
    got = triples(coder.code_text("Serbian President Aleksandar Vucic and Croatian Prime "
                                  "Minister Andrej Plenkovic met on Monday.", date="2023-06-01"))
    assert {("SRBGOV", "HRVGOV", "04"), ("HRVGOV", "SRBGOV", "04")} <= got, got


def test_modifiers_joined_by_and_stay_modifiers_of_one_noun(coder) -> None:
    got = triples(coder.code_text("U.S. and British warplanes struck Houthi targets across "
                                  "Yemen early Friday."))
    assert {s for s, _, _ in got} == {"USAMIL", "GBRMIL"}, got


@pytest.mark.parametrize("text, expected", [
    ("Turkey's prime minister demanded on Sunday that Damascus stop sheltering Kurdish "
     "rebels.", ("TURGOV", "SYRGOV", "10")),
    ("Islamabad demanded on Wednesday that Afghanistan's Taliban hand over the bombers.",
     ("PAKGOV", "AFGREBTAL", "10")),
])
def test_the_subject_of_a_demanded_act_is_whom_the_demand_is_made_of(coder, text,
                                                                       expected) -> None:
    assert expected in triples(coder.code_text(text, date="2024-06-01"))


def test_a_group_described_by_a_past_participle_is_the_next_verb_s_subject(coder) -> None:
    # ("NOUNs VERBED outside X VERBED ...": the first verb describes them, the second is theirs)
    got = triples(coder.code_text("Indian farmers camped outside the ministry demanded that "
                                  "the government scrap the new laws."), "root")
    assert ("INDAGR", "INDGOV", "10") in got, got


@pytest.mark.parametrize("text, expected", [
    ("The Peruvian government and Shining Path rebels signed a truce in Lima on Monday.",
     {("PERGOV", "PERREBSLU", "08"), ("PERREBSLU", "PERGOV", "08")}),
    ("Kenya's government and opposition leaders signed an accord in Nairobi on Friday.",
     {("KENGOV", "KENOPP", "05"), ("KENOPP", "KENGOV", "05")}),
])
def test_two_nouns_joined_by_and_before_a_plural_are_two_actors(coder, text, expected) -> None:
    got = triples(coder.code_text(text, date="2019-03-04"))
    assert expected <= got, got
    assert not any(t in ("PER", "KEN") for _, t, _ in got), got



@pytest.mark.parametrize("text, expected", [
    ("Belarus granted asylum to ousted Kyrgyz President Kurmanbek Bakiyev on Tuesday.",
     ("BLR", "KGZ", "07")),
    ("Qatar sent tents and blankets to besieged residents of Aleppo on Sunday.",
     ("QAT", "SYR", "07")),
])
def test_a_participle_after_to_is_a_modifier_not_an_infinitive(coder, text, expected) -> None:
    got = {(s[:3], t[:3], r) for s, t, r in triples(coder.code_text(text, date="2010-06-15"))}
    assert expected in got, got


def test_a_list_after_a_preposition_is_not_cut_after_its_first_item(coder) -> None:
    got = triples(coder.code_text("Hungary approved a new media law on Monday, drawing "
                                  "condemnation from the United Nations, the United States and "
                                  "Germany.", date="2022-07-25"))
    assert {s for s, _, r in got if r == "11"} == {"IGOUNO", "USA", "DEU"}, got


@pytest.mark.parametrize("text, expected", [
    ("Russia expelled the American ambassador, and Germany called the decision shortsighted.",
     ("DEU", "RUS", "11")),
    ("Hungary vetoed the aid package, and Ukraine's foreign minister called the move "
     "disgraceful.", ("UKRGOV", "HUN", "11")),
])
def test_what_a_verb_of_calling_says_its_object_is_stays_its_predicate(coder, text,
                                                                      expected) -> None:
    assert expected in triples(coder.code_text(text))


def test_the_decision_named_is_the_sentence_s_own_act_not_the_one_it_followed(coder) -> None:
    got = triples(coder.code_text(
        "Sweden suspended aid to UNRWA after Israel accused the agency's staff of abuses, "
        "and Jordan called the decision shocking."))
    assert ("JOR", "SWE", "11") in got
    assert ("JOR", "ISR", "11") not in got


@pytest.mark.parametrize("text, expected", [
    ("Sweden suspended aid to Ethiopia.", ("SWE", "ETH", "16")),
    ("Norway suspended aid to Ethiopia.", ("NOR", "ETH", "16")),
])
def test_a_name_opening_the_sentence_is_the_subject_of_its_verb(coder, text,
                                                               expected) -> None:
    assert triples(coder.code_text(text), "root") == {expected}


@pytest.mark.parametrize("town", [
    "Niamey",
    pytest.param("Diffa", marks=pytest.mark.xfail(
        strict=True, reason="a town only the gazetteer knows places the raid (its doer is "
        "Niger's) but not the kidnapped women, and the kidnapping, by a doer of no known "
        "country beside a placed event, is dropped")),
])
def test_the_speakers_of_an_attribution_at_the_end_are_no_more_victims(coder, town) -> None:
    got = triples(coder.code_text(
        f"Militants raided a village near {town} overnight and kidnapped dozens of women, "
        "police and local officials said."))
    assert not any(t.endswith("COP") for _, t, _ in got)
    assert any(r == "18" and t.endswith("CVL") for _, t, r in got)


def test_a_past_tense_after_the_opening_noun_phrase_is_the_sentence_s_verb(coder) -> None:
    doc = coder.nlp("Tens of thousands of Bolivians massed in La Paz on Monday demanding new "
                    "elections.")
    for sent in doc.sents:
        if sent.root.pos_ in ("NOUN", "PROPN"):
            restore_participle_verb(sent)
    massed = next(t for t in doc if t.lower_ == "massed")
    assert massed.dep_ == "ROOT"
    assert any(c.dep_ == "nsubj" and c.lower_ == "thousands" for c in massed.children)
    assert any(c.lower_ == "demanding" for c in massed.children)
    # (a participle with its own "by" phrase still describes the noun: no verb is made)
    doc = coder.nlp("A ceasefire plan drafted by Norway on the table for months.")
    for sent in doc.sents:
        if sent.root.pos_ in ("NOUN", "PROPN"):
            restore_participle_verb(sent)
    assert next(t for t in doc if t.lower_ == "drafted").dep_ != "ROOT"


def test_people_gathering_with_a_participle_of_protest_are_protesters(coder) -> None:
    got = triples(coder.code_text("Tens of thousands of Bolivians massed in La Paz on Monday "
                                  "demanding the resignation of the president."))
    # (Bolivia's people: "thousands" are people, agents.yaml CVL, since the nineteenth round)
    assert any(s[:3] == "BOL" and t == "BOLGOV" and r == "14" for s, t, r in got), got
    # (people gathering for anything else are no protest)
    got = triples(coder.code_text("Thousands of mourners gathered in Tehran on Saturday for "
                                  "the funeral of the general."))
    assert not any(r == "14" for _, _, r in got), got


def test_an_attribution_glued_to_the_last_noun_phrase_closes_the_sentence(coder) -> None:
    # (the speakers are who said it, not who signed the truce with its signers)
    got = triples(coder.code_text(
        "Yemen's government and the Houthis signed a ten-day truce in the Omani capital on "
        "Sunday to allow the delivery of fuel, Oman and the United Nations said in a joint "
        "statement."))
    assert {("YEMGOV", "YEMREBHOU", "08"), ("YEMREBHOU", "YEMGOV", "08")} <= got, got
    assert not any(t in ("OMN", "IGOUNO") for _, t, _ in got), got


def test_two_long_titled_names_joined_by_and_are_two_parties(coder) -> None:
    got = triples(coder.code_text(
        "Indian Prime Minister Manmohan Singh and Pakistani Prime Minister Yousuf Raza Gilani "
        "met in Bhutan on Thursday.", date="2010-04-29"))
    assert {("INDGOV", "PAKGOV", "04"), ("PAKGOV", "INDGOV", "04")} <= got, got


def test_a_past_tense_after_a_demanded_clause_is_the_subject_s_own_act(coder) -> None:
    got = triples(coder.code_text(
        "Serbia demanded on Monday that the European Union lift its visa rules, and accused "
        "Croatia of stirring up trouble."))
    assert ("SRB", "HRV", "11") in got, got
    # (a bare verb coordinated with a bare verb stays inside the demand)
    got = triples(coder.code_text(
        "Serbia demanded that the European Union lift its visa rules and accuse Croatia of "
        "stirring up trouble."))
    assert ("SRB", "HRV", "11") not in got, got


def test_a_second_object_after_and_keeps_the_verb_s_recipient(coder) -> None:
    doc = coder.nlp("UNICEF distributed rice and lentils to survivors in Nepal.")
    lentils = next(t for t in doc if t.lower_ == "lentils")
    assert lentils.head.lower_ == "rice", [(t.text, t.dep_, t.head.text) for t in doc]
    got = triples(coder.code_text(
        "UNICEF distributed rice and lentils to survivors in Pakistan."), "root")
    assert any(t.startswith("PAK") and r == "07" for _, t, r in got), got


def test_a_participle_describing_people_after_a_preposition_is_their_modifier(coder) -> None:
    got = triples(coder.code_text(
        "The Chilean president appealed to striking copper miners on Monday to return to "
        "work."), "root")
    assert any(s == "CHLGOV" and t.endswith("LAB") and r == "02" for s, t, r in got), got


@pytest.mark.parametrize("text, expected", [
    ("Protesters hurling stones clashed with police in Nairobi on Tuesday.",
     ("KENOPP", "KENCOP", "14")),
    ("Demonstrators waving flags marched on the presidential palace in Khartoum.",
     ("SDNOPP", "SDNGOV", "14")),
])
def test_a_subject_described_by_a_participle_keeps_its_verb(coder, text, expected) -> None:
    doc = coder.nlp(text)
    root = next(iter(doc.sents)).root
    assert root.tag_ == "VBD", [(t.text, t.dep_, t.head.text) for t in doc]
    assert expected in triples(coder.code_text(text))


def test_a_participle_sentence_with_no_other_verb_is_left_alone(coder) -> None:
    # (a headline-like sentence whose only verb is the participle: nothing to restore)
    doc = coder.nlp("Protesters storming the parliament in Baghdad.")
    assert not any(t.dep_ == "ROOT" and t.tag_ == "VBD" for t in doc)


def test_a_past_tense_after_a_purpose_infinitive_is_the_subject_s_own_act(coder) -> None:
    got = triples(coder.code_text(
        "Sudan's government opened the way for U.N. relief flights to reach famine-hit towns "
        "in Bahr el-Ghazal on Wednesday and declared a three-month ceasefire with southern "
        "rebels in the region."))
    assert ("SDNGOV", "SDNREB", "08") in got, got
    assert not any(s.startswith("IGO") and r == "08" for s, _, r in got), got


def test_a_particle_parsed_with_an_object_leaves_it_to_the_verb(coder) -> None:
    got = triples(coder.code_text(
        "Israel sealed off the West Bank and Gaza Strip on Wednesday."))
    assert ("ISR", "PSE", "19") in got, got


def test_a_name_with_a_word_parsed_as_a_preposition_is_one_name_again(coder):
    # ("Than" is a preposition elsewhere; the parser made "Than Shwe" a phrase of "General")
    got = triples(coder.code_text("Senior General Than Shwe met Thai Prime Minister Chuan "
                                  "Leekpai in Rangoon on Friday."))
    assert any(s == "MMRGOV" and r == "04" for s, _, r in got), got
    # (two people the parser took for one name stay two)
    got = triples(coder.code_text("Putin and Xi met in Moscow on Tuesday."))
    assert {("RUSGOV", "CHNGOV"), ("CHNGOV", "RUSGOV")} <= {(s, t) for s, t, _ in got}, got


def test_a_coordinated_verb_s_noun_after_it_is_its_object_not_its_subject(coder):
    got = triples(coder.code_text("Pope Benedict XVI laid a wreath at the Auschwitz memorial in "
                                  "Poland on Sunday and later met Polish Prime Minister Jaroslaw "
                                  "Kaczynski."))
    assert any(t == "POLGOV" for _, t, r in got if r == "04"), got
    # (an attribution turned round keeps its speaker)
    got = triples(coder.code_text("Troops shelled the town on Monday and killed ten rebels, "
                                  "said the army spokesman."))
    assert not any(r == "04" for _, _, r in got), got
