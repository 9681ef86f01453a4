"""Every CAMEO root, coded from sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import triples

# (sentence, expected (source, target, root)). The dyads are what a reader of the sentence
# would code; the sentences are made up and name real states and organisations.
ROOT_CASES = [
    ("01", "The Kenyan foreign ministry told Ethiopia that the border talks would resume soon.",
     ("KENGOV", "ETH", "01")),
    ("02", "Brazil appealed to Argentina for help in fighting the forest fires.",
     ("BRA", "ARG", "02")),
    ("03", "Norway offered to mediate between the government of Colombia and the rebels.",
     ("NOR", "COLGOV", "03")),
    ("04", "The Turkish foreign minister met his Greek counterpart in Brussels on Monday.",
     ("TURGOV", "GRCGOV", "04")),
    ("05", "Japan praised South Korea for its handling of the fishing dispute.",
     ("JPN", "KOR", "05")),
    ("06", "Chile shared intelligence with Peru on drug trafficking.",
     ("CHL", "PER", "06")),
    ("07", "Germany sent humanitarian aid to Ukraine after the floods.",
     ("DEU", "UKR", "07")),
    ("08", "Morocco released forty Algerian fishermen on Thursday.",
     ("MAR", "DZA", "08")),
    ("09", "The International Atomic Energy Agency investigated Syria over the missing uranium.",
     ("IGOUNOIAE", "SYR", "09")),
    ("10", "Poland demanded that Belarus reopen the border crossing.",
     ("POL", "BLR", "10")),
    ("11", "Sweden condemned Iran for the execution of the dissident.",
     ("SWE", "IRN", "11")),
    ("12", "Egypt rejected the Ethiopian proposal on the dam.",
     ("EGY", "ETH", "12")),
    ("13", "North Korea threatened South Korea with military action.",
     ("PRK", "KOR", "13")),
    ("14", "Students protested against the Serbian government in Belgrade.",
     ("SRBEDU", "SRBGOV", "14")),
    ("15", "Russia deployed troops along the border with Finland.",
     ("RUS", "FIN", "15")),
    ("16", "The Netherlands recalled its ambassador from Turkey.",
     ("NLD", "TUR", "16")),
    ("16b", "Canada severed diplomatic relations with Iran.",
     ("CAN", "IRN", "16")),
    ("17", "Pakistani police arrested twelve Afghan refugees in Peshawar.",
     ("PAKCOP", "AFGREF", "17")),
    ("18", "Gunmen abducted two Italian aid workers in northern Niger.",
     ("NER", "ITA", "18")),
    ("19", "Israeli warplanes struck Hezbollah positions in southern Lebanon.",
     ("ISRMIL", "LBNREBHEZ", "19")),
    ("20", "Sudanese militias massacred hundreds of civilians in Darfur.",
     ("SDNUAF", "SDNCVL", "20")),
]


@pytest.mark.parametrize("case", ROOT_CASES, ids=[c[0] for c in ROOT_CASES])
def test_every_root(coder, case):
    _, sentence, (src, tgt, root) = case
    got = triples(coder.code_text(sentence))
    assert any(s.startswith(src) and t.startswith(tgt) and r == root for s, t, r in got), got


def test_every_event_is_fully_coded(coder):
    events = coder.code_text("Japan praised South Korea for its handling of the fishing dispute.")
    assert events
    for ev in events:
        info = coder.ontology.get(ev.code)
        assert ev.root == ev.code[:2]
        assert ev.quad_class == info.quad_class
        assert ev.goldstein == info.goldstein
        assert ev.rule.startswith(("verbs:", "nouns:", "allegation:", "obligation:"))


def test_troops_massing_is_a_show_of_force_and_protesters_massing_a_protest(coder) -> None:
    got = {(s, r) for s, _, r in triples(coder.code_text(
        "Venezuelan troops massed on the Guyanese border on Monday."), "root")}
    assert ("VENMIL", "15") in got, got
    got = {r for _, _, r in triples(coder.code_text(
        "Thousands of protesters massed outside parliament in Nairobi on Monday."), "root")}
    assert got == {"14"}, got


@pytest.mark.parametrize("text, expected", [
    # people seized are arrested by a state's forces and abducted by anyone else
    ("Kenyan commandos seized the rebel commander in Mogadishu on Friday.", "173"),
    ("Gunmen seized three aid workers near the border on Monday.", "181"),
])
def test_people_seized_are_arrested_or_abducted(coder, text, expected):
    assert expected in {e.code for e in coder.code_text(text)}


@pytest.mark.parametrize("text", [
    "Police seized twelve tonnes of cocaine at the port on Sunday.",
    "Iranian commandos seized a British oil tanker in the Strait of Hormuz.",
])
def test_things_seized_stay_seizures(coder, text):
    assert not any(e.code in ("173", "181") for e in coder.code_text(text))


@pytest.mark.parametrize("text, expected", [
    # taking a state into a body is cooperation, not owning up to something
    ("NATO admitted Finland as its 31st member on Tuesday.", ("IGOWSTNAT", "FIN", "050")),
    # money approved for a state is aid, whatever phrase names the state
    ("The Asian Development Bank approved a $500 million loan on Friday to help Pakistan "
     "rebuild after the floods.", ("IGOASAADB", "PAK", "071")),
])
def test_membership_and_approved_money(coder, text, expected):
    got = {(e.source.code, e.target_code, e.code) for e in coder.code_text(text)}
    assert expected in got, got


@pytest.mark.parametrize("text, code", [
    # a commander of the forces, named by rank, killed on purpose: an assassination
    ("Israeli jets killed Iranian Brigadier General Mohammad Reza Zahedi in Damascus.", "186"),
    ("A drone killed the commander of the Syrian army's Fourth Division near Homs.", "186"),
])
def test_killing_a_ranked_commander_is_an_assassination(coder, text, code):
    assert code in {e.code for e in coder.code_text(text)}


def test_killing_soldiers_is_no_assassination(coder):
    assert not any(e.code == "186" for e in coder.code_text(
        "Taliban fighters killed a soldier at a checkpoint near Kandahar."))


@pytest.mark.parametrize("text, expected", [
    # any limit a state sets, eased by any verb of easing (word classes restriction and
    # ease_verbs)
    ("Kuwait scrapped its quota on Egyptian workers on Sunday.", ("KWT", "EGYLAB", "081")),
    ("Vietnam relaxed curbs on foreign reporters on Monday.", None),
    # diplomatic representations are a formal protest
    ("India lodged strong representations with Nepal over the border map.",
     ("IND", "NPL", "114")),
    # dealings frozen with a state reduce relations
    ("Argentina froze official contacts with Britain on Friday.", ("ARG", "GBR", "160")),
    # arms paraded are a show of force
    ("Pakistan paraded its new missiles through Islamabad on Thursday.", ("PAK", "---", "150")),
])
def test_vocabulary_of_easing_protesting_freezing_and_parading(coder, text, expected):
    got = {(e.source.code, e.target_code, e.code) for e in coder.code_text(text)}
    if expected is None:
        assert any(e.code.startswith("081") for e in coder.code_text(text)), got
    else:
        assert expected in got, got


def test_dropping_an_insistence_on_a_freeze_eases_no_restriction(coder):
    assert not any(e.code.startswith("081") for e in coder.code_text(
        "Palestinian negotiators dropped their insistence on a full freeze of settlement "
        "building."))


def test_a_participle_of_easing_after_an_easing_is_the_same_act(coder):
    got = [(e.source.code, e.target_code, e.code) for e in coder.code_text(
        "Washington eased sanctions on Havana on Monday, lifting limits on money sent home by "
        "Cuban-Americans.")]
    assert [g for g in got if g[2].startswith("08")] == [("USAGOV", "CUBGOV", "085")], got


@pytest.mark.parametrize("text, expected", [
    # people captured by an armed group that is no state's force are abducted ...
    ("ELN guerrillas captured three Colombian soldiers near the Venezuelan border.",
     ("COLREBELN", "COLMIL", "181")),
    # ... by a state, named whole or by its forces, arrested
    ("Israel captured two Lebanese fishermen on Monday.", ("ISR", "LBNAGR", "173")),
    ("Turkish troops captured a PKK commander in northern Iraq.", ("TURMIL", "TURREBPKK", "173")),
])
def test_people_captured_are_arrested_by_a_state_and_abducted_by_others(coder, text, expected):
    got = {(e.source.code, e.target_code, e.code) for e in coder.code_text(text)}
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "The junta sent armoured personnel carriers onto the streets of the capital on Monday.",
    "The Egyptian authorities poured riot police into the provincial capital after the unrest.",
])
def test_forces_sent_into_a_place_are_a_show_of_force_not_a_transfer(coder, text) -> None:
    got = triples(coder.code_text(text), "root")
    assert any(r == "15" for _, _, r in got) and not any(r == "07" for _, _, r in got), got


def test_drivers_on_strike_are_labour(coder) -> None:
    got = triples(coder.code_text(
        "Truck drivers blocked highways across Chile on Tuesday in protest at fuel prices."),
        "exact")
    assert any(s == "CHLLAB" for s, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Rioters set police cars on fire in central Paris on Saturday.", "14"),
    ("India flew hundreds of extra troops to Manipur on Tuesday.", "15"),
    ("Russia dispatched two warships to the eastern Mediterranean on Monday.", "15"),
    ("North Korean hackers broke into a South Korean defence ministry network.", "17"),
    ("Azerbaijan put its armed forces on a war footing.", "15"),
    ("Police across Madrid were placed on their highest state of readiness on Wednesday.",
     "15"),
    ("Jailed activists in Minsk stopped eating on Monday to press the government for their "
     "release.", "14"),
])
def test_words_for_an_act_code_its_root(coder, text, expected) -> None:
    got = {r for _, _, r in triples(coder.code_text(text), "root")}
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "The Hague tribunal indicted the former Serbian army chief for war crimes on Monday.",
    "Prosecutors at the International Criminal Court charged the Sudanese president with "
    "genocide.",
])
def test_an_indictment_for_war_crimes_accuses_of_them(coder, text) -> None:
    got = {c for _, _, c in triples(coder.code_text(text), "exact")}
    assert "1124" in got and "173" not in got, got
