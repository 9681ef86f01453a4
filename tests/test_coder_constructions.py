"""Constructions of wire copy the coder reads through a general mechanism (the sixteenth
round), on sentences written for these tests."""

from __future__ import annotations

from tests.conftest import triples


def codes(coder, text, level="code"):
    return triples(coder.code_text(text), level)


def rules(coder, text):
    return [e.rule for e in coder.code_text(text)]


# -- a verb of beginning or resuming stands for the verb of conducting the act -----------------
def test_begun_drills_are_held_drills(coder):
    got = codes(coder, "Venezuela's navy began naval war games in the Caribbean on Monday.")
    assert ("VENMIL", "---", "150") in got
    assert any(r.startswith("aspect>verbs:150") for r in rules(
        coder, "Venezuela's navy began naval war games in the Caribbean on Monday."))


def test_war_games_started_are_war_games_held(coder):
    text = "Egypt's navy started war games in the Red Sea on Sunday."
    assert ("EGYMIL", "---", "150") in codes(coder, text)
    assert any(r.startswith("aspect>") for r in rules(coder, text))


def test_a_fire_started_is_no_fire_held(coder):
    # ("hold fire" is restraint; starting a fire is not the verb "hold" with "fire")
    got = codes(coder, "Ukrainian drones struck a fuel depot in Russia's Belgorod region, "
                       "starting a large fire.")
    assert not any(c.startswith("087") for _, _, c in got)


def test_an_event_noun_begun_keeps_its_own_reading(coder):
    # (joint exercises are the noun's: military cooperation, not a show of force each)
    got = codes(coder, "Indian and French troops began joint exercises in Rajasthan on Monday.")
    assert ("INDMIL", "FRAMIL", "062") in got and ("FRAMIL", "INDMIL", "062") in got
    assert not any(c == "150" for _, _, c in got)


# -- members "from" a group of no one country are the group's ---------------------------------
def test_fighters_from_a_group_are_the_group(coder):
    got = codes(coder, "Fighters from the Islamic State attacked a Syrian army post near Deir "
                       "ez-Zor.", level="root")
    assert any(s.startswith("IMGMUSISI") and t.startswith("SYR") for s, t, _ in got)
