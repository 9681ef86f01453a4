"""Word classes in the pattern language (data/patterns/classes.yaml).

A pattern names a whole class of things with "&name": "deliver &weapon to {target}" codes a
delivery of any weapon the class lists, and a user extends a class, or adds a class of verbs,
in a data directory of their own, without touching Python. The sentences are written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import country_codes, triples
from tidings.coder.core import Coder
from tidings.config import DATA_DIR, Settings
from tidings.knowledge.datafiles import DataFileError

CLASSES = DATA_DIR / "patterns" / "classes.yaml"


def test_classes_file_follows_its_schema_and_members_are_plain_lowercase() -> None:
    doc = yaml.safe_load(CLASSES.read_text(encoding="utf-8"))
    schema = yaml.safe_load((DATA_DIR / "schemas" / "classes.schema.json").read_text())
    jsonschema.validate(doc, schema)
    for name, members in doc["classes"].items():
        assert len(members) == len(set(members)), f"{name} lists a member twice"
        assert all(m == m.lower().strip() for m in members), name


@pytest.mark.parametrize("text, expected", [
    ("Germany shipped howitzers to Ukraine on Monday.", ("DEU", "UKR", "072")),
    ("Britain flew tents and blankets to Turkey after the earthquake.", ("GBR", "TUR", "073")),
    ("Qatar pumped natural gas to Kuwait under the new contract.", ("QAT", "KWT", "061")),
    ("Japan pledged artillery shells to Poland.", ("JPN", "POL", "0332")),
    ("Brazil sold four light attack aircraft to Paraguay.", ("BRA", "PRY", "072")),
    ("French farmers blocked motorways leading into Paris.", ("FRAAGR", "FRAGOV", "144")),
    ("Thousands of protesters poured into the streets of Khartoum on Thursday.",
     ("SDNOPP", "SDNGOV", "141")),
    ("Separatist fighters seized two dozen passengers from a bus in Cameroon's Northwest "
     "region on Friday.", ("CMRREB", "CMR", "181")),
    ("A Turkish court jailed four journalists on Monday, a ruling the European Union called "
     "draconian.", ("IGOEUREEC", "TURJUD", "111")),
])
def test_one_pattern_covers_every_member_of_a_class(coder: Coder, text: str,
                                                    expected: tuple) -> None:
    assert expected in triples(coder.code_text(text), level="code")


@pytest.mark.parametrize("text, expected", [
    ("Hezbollah said it launched a swarm of explosive drones at an Israeli army base.",
     ("LBNREBHEZ", "ISRMIL", "195")),
    ("Sudanese jets dropped barrel bombs on a rebel camp in Darfur.", ("SDNMIL", "SDNREB", "195")),
    ("Syrian troops lobbed mortar rounds into a Turkish border post.", ("SYRMIL", "TUR", "194")),
    ("Armenian forces pounded Azerbaijani positions with rockets.", ("ARMMIL", "AZE", "194")),
])
def test_a_class_of_weapons_and_of_launching_verbs_covers_strikes(coder: Coder, text: str,
                                                                  expected: tuple) -> None:
    assert expected in triples(coder.code_text(text), level="code")


def test_a_fired_weapon_with_no_target_is_no_strike(coder: Coder) -> None:
    codes = {e.code for e in coder.code_text("Pyongyang fired a ballistic missile into the sea.")}
    assert not codes & {"194", "195"}


@pytest.mark.parametrize("text", [
    "Germany shipped cars to Ukraine on Monday.",
    "Japan sent a letter to Poland.",
    "Airbus delivered ten passenger aircraft to an Indian airline.",
])
def test_things_outside_the_class_are_not_aid(coder: Coder, text: str) -> None:
    assert not {e.code for e in coder.code_text(text)} & {"072", "073", "0332"}


def test_calling_something_by_a_word_of_praise_is_no_criticism(coder: Coder) -> None:
    events = coder.code_text("Turkey hosted talks between Kyiv and Moscow on Monday, a meeting "
                             "the United Nations called useful.")
    assert not any(e.root == "11" for e in events), events


def test_a_crowd_that_is_not_protesting_is_no_protest(coder: Coder) -> None:
    events = coder.code_text("Thousands of Chinese tourists poured into Paris for the holiday.")
    assert not any(e.root == "14" for e in events), events


def _data_dir(tmp_path: Path, classes: dict, patterns: dict | None = None) -> Path:
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "classes.yaml").write_text(
        yaml.safe_dump({"version": 1, "classes": classes}), encoding="utf-8")
    if patterns is not None:
        (tmp_path / "patterns" / "verbs.yaml").write_text(
            yaml.safe_dump({"version": 1, "patterns": patterns}), encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_a_user_adds_a_member_and_a_class_of_verbs_without_python(tmp_path: Path) -> None:
    extra = _data_dir(tmp_path, {"weapon": ["trebuchet"], "carry_verbs": ["lug", "haul"]},
                      {"073": ["&carry_verbs &aid_good to {target}"]})
    coder = Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, extra)))
    events = coder.code_text("France delivered trebuchets to Spain.")
    assert ("FRA", "ESP", "072") in triples(events, level="code")
    events = coder.code_text("Turkey hauled medicine to Syria.")
    assert ("TUR", "SYR", "073") in triples(events, level="code")
    assert {e.rule for e in events} == {"verbs:073:&carry_verbs &aid_good to {target}"}


@pytest.mark.slow
def test_a_pattern_naming_an_unknown_class_is_a_clear_error(tmp_path: Path) -> None:
    extra = _data_dir(tmp_path, {"weapon": ["trebuchet"]}, {"072": ["haul &catapults"]})
    with pytest.raises(DataFileError, match="no word class 'catapults'"):
        Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, extra)))


def test_coordinated_words_of_the_object_count_as_the_objects_words(coder: Coder) -> None:
    # (the parser makes "ballistic missiles" a conjunct of "cruise": still the verb's object)
    events = coder.code_text("Russia fired cruise and ballistic missiles at Ukraine overnight.")
    assert ("RUS", "UKR", "19") in triples(events)
    assert "15" not in {e.root for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Rebel fighters seized the airport in Goma on Sunday.", ("CODREB", "192")),
    ("Syrian troops recaptured the town of Saraqeb from Turkish-backed rebels.",
     ("SYRMIL", "192")),
])
def test_seizing_a_place_is_occupying_territory(coder: Coder, text: str, expected) -> None:
    assert expected in {(e.source.code, e.code) for e in coder.code_text(text)}


def test_taking_part_is_not_taking_territory(coder: Coder) -> None:
    events = coder.code_text("Turkish troops took part in NATO exercises in Estonia.")
    assert "192" not in {e.code for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Washington paused military aid to Kyiv on Friday.", ("USAGOV", "UKRGOV", "1622")),
    ("Moscow halted gas supplies to Finland.", ("RUSGOV", "FIN", "163")),
    ("Mali revoked its defence agreement with France.", ("MLI", "FRA", "160")),
])
def test_a_class_of_verbs_heads_one_pattern(coder: Coder, text: str, expected) -> None:
    assert expected in triples(coder.code_text(text), level="code")


def test_halting_a_match_is_no_sanction(coder: Coder) -> None:
    assert coder.code_text("The referee halted the match between Spain and Italy.") == []


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian drones hit a fuel depot in Russia's Belgorod region.", ("UKRMIL", "RUS", "19")),
    ("A Russian missile hit a hospital in Dnipro on Friday.", ("RUS", "UKRHLH", "19")),
])
def test_a_verb_whose_doer_must_be_a_weapon(coder: Coder, text: str, expected) -> None:
    # verbs.yaml: {pattern: "hit", doer: weapon}
    assert expected in triples(coder.code_text(text))


@pytest.mark.parametrize("text", [
    "A powerful cyclone hit the coast of Mozambique.",
    "The new tariffs hit Chinese exporters hard.",
    "Falling oil prices hit the Nigerian budget.",
])
def test_the_same_verb_with_another_doer_is_no_attack(coder: Coder, text: str) -> None:
    assert not any(e.root in ("18", "19", "20") for e in coder.code_text(text))


@pytest.mark.slow
def test_a_doer_naming_an_unknown_class_is_a_clear_error(tmp_path: Path) -> None:
    extra = _data_dir(tmp_path, {"weapon": ["trebuchet"]},
                      {"190": [{"pattern": "batter", "doer": "catapults"}]})
    with pytest.raises(DataFileError, match="doer 'catapults' is no word class"):
        Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, extra)))


def test_countermeasures_and_reserved_options_answer_the_last_act(coder) -> None:
    from tests.conftest import triples

    got = triples(coder.code_text("China condemned the U.S. arms sales to Taiwan and warned that "
                                  "it would take resolute countermeasures."))
    assert ("CHN", "USA", "13") in got
    got = triples(coder.code_text("The U.S. bombed Iranian nuclear sites, and Iran said it "
                                  "reserved all options to defend its sovereignty."))
    assert ("IRN", "USA", "13") in got
    # with no act to answer, reserving a right threatens nobody
    assert not triples(coder.code_text("The committee reserved the right to amend its rules."))


@pytest.mark.slow
def test_a_project_dictionary_of_precedence_first_decides_before_the_bundled_one(
        tmp_path: Path) -> None:
    text = "Chile condemned Peru on Monday."
    bundled = Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR,)))
    assert ("CHL", "PER", "111") in triples(bundled.code_text(text), level="code")
    for precedence, expected in (("specificity", "111"), ("first", "122")):
        extra = tmp_path / precedence
        (extra / "patterns").mkdir(parents=True)
        (extra / "patterns" / "verbs.yaml").write_text(yaml.safe_dump(
            {"version": 1, "precedence": precedence, "patterns": {"122": ["condemn"]}}),
            encoding="utf-8")
        coder = Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, extra)))
        assert {e.code for e in coder.code_text(text)} == {expected}, precedence


@pytest.mark.parametrize("text, expected", [
    ("Turkish drone strikes hit several villages in northern Iraq on Sunday.",
     ("TUR", "IRQ", "19")),
    ("An air raid by the Sudanese army hit a market in Nyala.", ("SDNMIL", "SDN", "19")),
])
def test_an_attack_that_hits_is_an_attack_by_its_doer(coder: Coder, text: str,
                                                     expected: tuple) -> None:
    assert expected in triples(coder.code_text(text), level="root")


def test_a_general_strike_that_hits_a_country_is_no_attack(coder: Coder) -> None:
    assert not coder.code_text("A general strike hit Nigeria on Monday.")


@pytest.mark.parametrize("text, expected", [
    ("The Human Rights Council voted on Friday to establish a commission of inquiry into "
     "abuses in Myanmar.", ("IGOUNOHRC", "MMR", "09")),
    ("Kenya's president appointed a commission of inquiry into killings by police in "
     "Nairobi.", ("KENGOV", None, "09")),
])
def test_one_pattern_covers_setting_up_any_inquiry(coder: Coder, text: str,
                                                  expected: tuple) -> None:
    got = triples(coder.code_text(text), level="root")
    assert any(s == expected[0] and r == expected[2] and expected[1] in (None, t)
               for s, t, r in got)


def test_money_deposited_with_a_central_bank_is_aid(coder: Coder) -> None:
    got = triples(coder.code_text("The UAE deposited $2 billion with Egypt's central bank."),
                  level="root")
    assert any(s == "ARE" and t.startswith("EGY") and r == "07" for s, t, r in got)


@pytest.mark.parametrize("text, expected", [
    ("Colombia's ELN said it would attend a peace conference with the government.",
     ("COLREBELN", "COLGOV", "03")),
    ("Caracas called for dialogue with the Venezuelan opposition on Monday.",
     ("VENGOV", "VENOPP", "02")),
    ("Kosovo boycotted the negotiations with Serbia in Brussels.", ("KSV", "SRB", "12")),
])
def test_one_pattern_covers_every_name_for_negotiations(coder: Coder, text: str,
                                                        expected) -> None:
    assert expected in triples(coder.code_text(text, date="2022-05-02"))


def test_a_meeting_where_something_was_said_is_no_call_for_talks(coder: Coder) -> None:
    events = coder.code_text("Iran's foreign minister urged Muslim nations at an emergency "
                             "meeting in Jeddah to cut ties with Israel.", date="2023-10-18")
    assert all(e.code != "026" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("The Asian Development Bank halted lending to Myanmar after the coup.", ("MMR", "16")),
    ("Sweden froze its support for Mali's transitional government.", ("MLIGOV", "16")),
    ("Washington paused funding for the Palestinian Authority.", ("PSEGOV", "16")),
])
def test_stopping_lending_support_or_funding_is_reducing_aid(coder: Coder, text: str,
                                                             expected) -> None:
    assert any(t == expected[0] and r == expected[1]
               for _, t, r in triples(coder.code_text(text, date="2021-03-01")))


def test_troops_that_leave_a_country_withdraw_from_it(coder: Coder) -> None:
    got = triples(coder.code_text("Germany said its troops would leave Niger by August.",
                                  date="2024-07-06"))
    assert ("DEUMIL", "NER", "03") in got
    # a diplomat leaving is no withdrawal of forces
    assert not any(r in ("03", "08") for *_, r in
                   triples(coder.code_text("The German ambassador left Niamey on Friday.")))


def test_buying_a_country_s_energy_is_trade_with_it(coder: Coder) -> None:
    got = triples(coder.code_text("Indian refiners bought Russian crude in March.",
                                  date="2023-04-02"))
    assert ("INDBUS", "RUS", "06") in got


@pytest.mark.slow
@pytest.mark.parametrize("part, key", [
    ({"evaluations": {"from": ["010"], "class": "praise", "code": "051"}}, "evaluations.class"),
    ({"allegation": {"verbs": ["claim"], "labels": "praise", "code": "112"}},
     "allegation.labels"),
])
def test_a_rule_naming_an_unknown_class_is_a_clear_error(tmp_path: Path, part, key) -> None:
    extra = _data_dir(tmp_path, {"weapon": ["trebuchet"]})
    (tmp_path / "patterns" / "rules.yaml").write_text(yaml.safe_dump(
        {"version": 1, **part}), encoding="utf-8")
    with pytest.raises(DataFileError, match=f"{key}: no word class 'praise'"):
        Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, extra)))


@pytest.mark.parametrize("text, expected", [
    ("Indian navy ships ferried rice and tents to flood victims in Sri Lanka on Monday.",
     ("IND", "LKA", "073")),
    ("Oman trucked blankets and medicine into Yemen on Thursday.", ("OMN", "YEM", "073")),
    ("Poland channelled artillery shells to Ukraine through a rail hub.", ("POL", "UKR", "072")),
])
def test_one_class_of_verbs_moves_any_aid_or_weapon(coder: Coder, text: str, expected) -> None:
    got = country_codes(coder.code_text(text))
    assert expected in got, got


def test_fighters_handing_over_their_weapons_disarm(coder: Coder) -> None:
    got = coder.code_text("Rebel fighters handed over their weapons to U.N. monitors in Angola "
                          "on Friday.", date="2002-05-03")
    assert not any(e.code.startswith("07") for e in got), [e.code for e in got]


@pytest.mark.parametrize("text, expected", [
    ("Beijing slapped retaliatory tariffs on American farm goods on Tuesday.",
     ("CHN", "USA", "163")),
    ("The European Union levied anti-dumping duties on Chinese steel.", ("IGO", "CHN", "163")),
    ("EU ministers approved a new package of sanctions against Iran on Monday.",
     ("IGO", "IRN", "163")),
])
def test_any_trade_measure_slapped_on_a_state_is_an_embargo(coder: Coder, text: str,
                                                            expected) -> None:
    got = country_codes(coder.code_text(text))
    assert expected in got, got
    assert not any(c.startswith("18") for _, _, c in got), got  # no one was slapped


@pytest.mark.parametrize("text, expected", [
    ("Mali withdrew from its defence pact with France on Monday.", ("MLI", "FRA", "160")),
    ("Burkina Faso quit the military accord with France on Tuesday.", ("BFA", "FRA", "160")),
])
def test_leaving_any_agreement_reduces_relations(coder: Coder, text: str, expected) -> None:
    got = country_codes(coder.code_text(text))
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    ("Syrian aircraft dropped a cylinder of mustard gas on rebel fighters in Idlib.",
     ("SYR", "SYR", "2041")),
    ("Syrian troops released chlorine gas on rebels near Damascus.", ("SYR", "SYR", "2041")),
])
def test_any_chemical_agent_used_is_a_chemical_attack(coder, text, expected) -> None:
    assert expected in country_codes(coder.code_text(text))


@pytest.mark.parametrize("text", [
    "Police fired tear gas at students in Dhaka.",
    "Norway began pumping gas to Poland through the new pipeline.",
])
def test_gas_alone_is_no_chemical_weapon(coder, text) -> None:
    assert not any(e.code == "2041" for e in coder.code_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Colombian police passed information on the cartel boss to U.S. agents.", "064"),
    ("South Korea handed radar data on the launches to Japan on Tuesday.", "064"),
    ("Hundreds of Taliban fighters handed in their rifles to Afghan officials.", "0873"),
    ("The militia turned in its heavy weapons to the peacekeepers on Monday.", "0873"),
])
def test_intelligence_passed_on_and_weapons_handed_in(coder: Coder, text: str,
                                                       expected: str) -> None:
    got = {c for _, _, c in triples(coder.code_text(text), "exact")}
    assert expected in got, got


def test_an_inquiry_sent_somewhere_investigates_it(coder: Coder) -> None:
    got = triples(coder.code_text(
        "The United Nations sent a fact-finding mission to Burundi on Monday."), "root")
    assert ("IGOUNO", "BDI", "09") in got, got
