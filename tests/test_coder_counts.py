"""Casualty and size counts, on sentences written for these tests: what each construction must
give, and the numbers that must never become a count."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from tidings.coder.core import Coder
from tidings.config import DATA_DIR, Settings
from tidings.knowledge.datafiles import DataFileError, load_yaml
from tidings.records import COUNT_KINDS, Count, Event


def counts(coder, text: str, date: str = "2021-06-10") -> list[tuple]:
    """(kind, number, bound, high) of every count of every event, in order."""
    return [(c.kind, c.number, c.bound, c.high)
            for e in coder.code_text(text, date=date) for c in e.counts]


def only(coder, text: str, date: str = "2021-06-10") -> Count:
    got = [c for e in coder.code_text(text, date=date) for c in e.counts]
    assert len(got) == 1, got
    return got[0]


# -- bounds, numbers in words and figures -------------------------------------------------------
@pytest.mark.parametrize(("phrase", "number", "bound", "high"), [
    ("killing 14 people", 14, "exact", None),
    ("killing at least nine people", 9, "lower", None),
    ("killing more than 1,300 people", 1300, "lower", None),
    ("killing up to 40 people", 40, "upper", None),
    ("killing as many as 40 people", 40, "upper", None),
    ("killing about 60 people", 60, "estimate", None),
    ("killing nearly 60 people", 60, "estimate", None),
    ("killing between 30 and 35 people", 30, "range", 35),
    ("killing 30 to 35 people", 30, "range", 35),
    ("killing twenty-three people", 23, "exact", None),
    ("killing two dozen people", 24, "exact", None),
    ("killing dozens of people", 24, "lower", None),
    ("killing hundreds of people", 200, "lower", None),
    ("killing 1.5 million people", 1_500_000, "exact", None),
])
def test_numbers_and_their_bounds(coder, phrase, number, bound, high):
    text = f"Rebel fighters shelled a market in eastern Congo on Monday, {phrase}."
    c = only(coder, text)
    assert (c.kind, c.number, c.bound, c.high) == ("dead", number, bound, high)


def test_the_count_keeps_the_words_it_came_from(coder):
    text = ("Militants attacked a police post in northern Burkina Faso, killing at least 11 "
            "officers.")
    c = only(coder, text)
    assert text[c.start:c.end] == c.text == "at least 11 officers"


# -- kinds --------------------------------------------------------------------------------------
def test_killed_and_wounded_in_one_participle_clause(coder):
    got = counts(coder, "Insurgents ambushed a Nigerian army patrol near Maiduguri on Sunday, "
                        "killing seven soldiers and wounding 12 others.")
    assert got == [("dead", 7, "exact", None), ("injured", 12, "exact", None)]


def test_passive_victims_and_intransitive_deaths(coder):
    got = counts(coder, "Twelve protesters died and about 80 were injured when Sudanese troops "
                        "fired on a sit-in in Khartoum.")
    assert ("dead", 12, "exact", None) in got
    assert ("injured", 80, "estimate", None) in got


def test_arrests(coder):
    c = only(coder, "Turkish police detained dozens of opposition activists in Istanbul.")
    assert (c.kind, c.number, c.bound, c.side) == ("arrested", 24, "lower", "OPP")


def test_members_of_a_faith_are_people_counted(coder):
    c = only(coder, "Islamic State militants abducted at least 90 Assyrian Christians from "
                    "villages in northeast Syria.")
    assert (c.kind, c.number, c.bound) == ("hostages", 90, "lower")


def test_hostages(coder):
    c = only(coder, "Boko Haram gunmen abducted 110 schoolgirls from a school in Dapchi.")
    assert (c.kind, c.number) == ("hostages", 110)
    c = only(coder, "Al Shabaab militants took 12 aid workers hostage in southern Somalia.")
    assert (c.kind, c.number) == ("hostages", 12)


def test_displacement(coder):
    c = only(coder, "The army's offensive against the rebels in Kachin state forced more than "
                    "5,000 villagers to flee.", date="2018-05-02")
    assert (c.kind, c.number, c.bound, c.side) == ("displaced", 5000, "lower", "CVL")


def test_left_dead_and_wounded(coder):
    got = counts(coder, "Al Shabaab militants attacked an army checkpoint in Mogadishu, "
                        "leaving six soldiers dead and 20 wounded.")
    assert got == [("dead", 6, "exact", None), ("injured", 20, "exact", None)]


# -- sides and sums -----------------------------------------------------------------------------
def test_sides_come_from_the_people_named(coder):
    c = only(coder, "Taliban fighters attacked a checkpoint in Kunduz, killing five policemen.",
             date="2019-03-01")
    assert c.side == "COP"
    c = only(coder, "Taliban fighters attacked a checkpoint in Kunduz, killing five people.",
             date="2019-03-01")
    assert c.side is None  # "people" says nothing of a side


def test_coordinated_groups_add_up(coder):
    c = only(coder, "Four soldiers and a civilian were killed when Islamist militants "
                    "attacked a base in northern Mali.")
    assert (c.kind, c.number, c.bound) == ("dead", 5, "exact")
    assert c.parts == ((4, "MIL"), (1, "CVL"))
    assert c.side is None


def test_one_person_named_with_a_is_one(coder):
    c = only(coder, "Separatist rebels killed a policeman in an attack on a station in "
                    "Cameroon's Northwest region.")
    assert (c.kind, c.number, c.bound, c.side) == ("dead", 1, "exact", "COP")


# -- the article's toll ---------------------------------------------------------------------------
def test_a_later_toll_updates_the_event_once(coder):
    events = coder.code_text(
        "Islamic State militants attacked a Shi'ite mosque in Kabul on Friday, killing at "
        "least 20 worshippers. The death toll rose to 37 on Saturday, the health ministry "
        "said.", date="2021-10-16")
    with_counts = [e for e in events if e.counts]
    assert len(with_counts) == 1
    assert [(c.kind, c.number, c.bound) for c in with_counts[0].counts] == [
        ("dead", 37, "exact", None)[:3]]


def test_a_total_named_by_what_it_counts_updates_the_toll(coder):
    events = coder.code_text(
        "Iranian security forces cracked down on protesters in Zahedan on Friday. The number "
        "of people killed in the crackdown has climbed to 66, a rights group said.",
        date="2022-10-05")
    assert [(c.kind, c.number) for e in events for c in e.counts] == [("dead", 66)]


@pytest.mark.parametrize("later", [
    "The interior minister later put the number of people detained at 85.",
    "By evening officials put the number of detained students at 85.",
])
def test_a_total_put_at_a_figure_updates_the_count(coder, later):
    events = coder.code_text("Egyptian police arrested 40 students in Cairo on Monday. " + later,
                             date="2019-09-23")
    assert [(c.kind, c.number) for e in events for c in e.counts] == [("arrested", 85)]


def test_a_toll_in_its_own_sentence_goes_on_the_event_it_describes(coder):
    events = coder.code_text(
        "Nigerian troops clashed with bandits in Zamfara state on Tuesday. Officials said 19 "
        "people were killed.", date="2022-01-12")
    (ev,) = [e for e in events if e.counts]
    assert ev.root == "19"
    assert [(c.kind, c.number) for c in ev.counts] == [("dead", 19)]


# -- what is not a count ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # years, ages, money, weapons, troops sent, distances, percentages
    "Russian forces fired 30 missiles at Kyiv on Monday.",
    "Militants seized 12 trucks carrying fuel near the border with Niger.",
    "The United States sent 3,000 troops to Poland in 2022.",
    "Israeli troops shot a 16-year-old in Jenin on Friday.",
    "The government pledged $40 million to rebuild villages 30 km from the front line.",
    "Police said 60 percent of the voters in the district backed the opposition.",
    # a toll of another, earlier event quoted as background
    "Gunmen attacked a church in Ondo state, the worst attack since a 2018 raid that "
    "killed 40 people.",
    "Rebels attacked an army base, in a war which has killed more than 300,000 people "
    "since 2011.",
    # vague words and no one hurt
    "Many people were killed when troops fired on protesters in Yangon, witnesses said.",
    "Rebels shelled the town but no one was killed, officials said.",
    # a threat, not a fact
    "Militants threatened to kill 20 hostages unless the army withdrew.",
    # people let go, not taken
    "Nigerian troops raided a Boko Haram camp and freed 76 hostages.",
    # an earlier attack, a place's past, a disaster, a court's sentence
    "Militants attacked an army post in Niger, a year after a similar attack killed 71 "
    "soldiers.",
    "Ukrainian forces shelled Donetsk, where 12 people were killed last week.",
    "The army said it had deployed 2,000 soldiers after clashes that left five dead last year.",
    "Police arrested looters after the earthquake killed 300 people in the town.",
    "A Bahraini court jailed 12 opposition activists for five years on Tuesday.",
    # a toll of an earlier act or a disaster, told in a clause that describes it
    "Pakistan sent troops to the valley after Sunday's landslide, which killed 80 villagers.",
    "A court jailed two officers over the March 2019 shelling of a market near Aleppo, "
    "which killed 31 shoppers.",
    "Yemen's government accused the rebels of firing the rocket that hit a wedding in Marib "
    "in May 2018, killing 19 guests.",
    # deaths in a disaster: no political event, so no count
    "An earthquake killed at least 300 people in western Afghanistan on Saturday.",
])
def test_numbers_that_are_not_counts(coder, text):
    assert counts(coder, text, date="2023-02-01") == []


def test_a_toll_over_a_period_does_not_replace_the_day_s_figure(coder):
    got = counts(coder, "Saudi-led air strikes killed 12 people in Saada on Monday. Since the "
                        "war began in 2015, more than 150,000 people have been killed.")
    assert got == [("dead", 12, "exact", None)]


def test_a_whole_war_s_toll_is_no_event_s(coder):
    assert counts(coder, "Rebels attacked a convoy near Goma on Monday. The conflict has "
                         "displaced more than 5 million people in eastern Congo.") == []


def test_a_date_in_an_apposition_does_not_date_the_main_clause(coder):
    got = counts(coder, "Israeli forces killed three Palestinians in Jenin, the deadliest raid "
                        "since 2002, when 52 Palestinians were killed.", date="2022-07-01")
    assert got == [("dead", 3, "exact", None)]


def test_a_subset_is_no_count_of_its_own(coder):
    got = counts(coder, "Gunmen attacked a village in Plateau state, killing 30 people, "
                        "including 11 children.")
    assert got == [("dead", 30, "exact", None)]


# -- the record ----------------------------------------------------------------------------------
def test_counts_round_trip_through_json():
    c = Count("dead", 8, "range", 10, "MIL", ((5, "MIL"), (3, "MIL")), "8 to 10", 4, 11)
    assert Count.from_dict(c.to_dict()) == c


def test_an_event_without_counts_says_so(coder):
    ev = coder.code_text("Iran condemned the sanctions imposed by the European Union.")[0]
    assert isinstance(ev, Event)
    assert ev.counts == ()
    assert ev.to_dict()["counts"] == []
    assert ev.count("dead") is None


# -- the data file ---------------------------------------------------------------------------------
COUNTS_FILE = DATA_DIR / "patterns" / "counts.yaml"


def test_counts_file_follows_its_schema_and_names_known_roots() -> None:
    doc = yaml.safe_load(COUNTS_FILE.read_text(encoding="utf-8"))
    schema = yaml.safe_load((DATA_DIR / "schemas" / "counts.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert set(doc["kinds"]) == set(COUNT_KINDS)
    roots = {f"{n:02d}" for n in range(1, 21)}
    for kind, spec in doc["kinds"].items():
        assert spec["roots"] and set(spec["roots"]) <= roots, kind
    words = [w for spec in doc["kinds"].values() for key in ("object_verbs", "subject_verbs")
             for w in spec[key]]
    assert len(words) == len(set(words)), "a verb is listed under two kinds"


def test_a_bad_counts_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "counts.yaml").write_text(
        "version: 1\nkinds:\n  drowned: {roots: ['18']}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="counts.yaml"):
        load_yaml(tmp_path / "patterns" / "counts.yaml", "counts")


@pytest.mark.slow
def test_a_user_adds_a_verb_of_a_kind_without_python(tmp_path: Path) -> None:
    text = "Islamist militants attacked a village in Borno state, decapitating nine farmers."
    assert counts(Coder(Settings.from_env(lexicons="none")), text) == []
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "counts.yaml").write_text(yaml.safe_dump(
        {"version": 1, "kinds": {"dead": {"object_verbs": ["decapitate"]}}}), encoding="utf-8")
    coder = Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, tmp_path)))
    assert counts(coder, text) == [("dead", 9, "exact", None)]


def test_a_conjunct_sharing_a_passive_counts_its_victims(coder):
    got = counts(coder, "Philippine police raided a militant camp in Mindanao, and officials "
                        "said nine suspects were arrested and three others shot dead.")
    assert ("arrested", 9, "exact", None) in got
    assert ("dead", 3, "exact", None) in got


def test_an_accident_is_no_attack_and_gives_no_count(coder):
    assert counts(coder, "A Pakistani air force jet crashed near Mianwali, killing both "
                         "pilots and two people on the ground.") == []
    assert counts(coder, "An Afghan army helicopter crashed in Helmand, killing all 25 people "
                         "on board.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a participle on the people ("with nine people killed")
    ("Israeli troops raided a camp near Nablus, with at least six Palestinians killed.",
     ("dead", 6, "lower", None)),
    # lives lost
    ("Al Shabaab militants stormed a hotel in Mogadishu, and 14 people lost their lives.",
     ("dead", 14, "exact", None)),
    # a vague plural with its people ("scores of people")
    ("Sudanese troops fired on protesters in Khartoum, wounding scores of people.",
     ("injured", 40, "lower", None)),
    # "a family of six" is six, not one
    ("Syrian government forces shelled a village in Idlib, killing a family of six.",
     ("dead", 6, "exact", None)),
    # a report verb before the participle
    ("Over 60 people were reported killed in clashes between the Sudanese army and rebels.",
     ("dead", 60, "lower", None)),
    # the dead as a noun with its number and people
    ("Israeli troops raided a village near Hebron, and the raid left one Palestinian dead.",
     ("dead", 1, "exact", None)),
])
def test_more_ways_wire_copy_states_a_count(coder, text, expected):
    assert counts(coder, text) == [expected]
