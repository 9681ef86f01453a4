"""The coding rules file: valid against its schema, and every code and root it names exists."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

DATA = Path(__file__).parents[1] / "src" / "tidings" / "data"
RULES = yaml.safe_load((DATA / "patterns" / "rules.yaml").read_text("utf-8"))
CODES = {row["code"] for row in yaml.safe_load((DATA / "cameo.yaml").read_text("utf-8"))["codes"]}
ROOTS = {f"{i:02d}" for i in range(1, 21)}


def test_rules_match_their_schema():
    schema = json.loads((DATA / "schemas" / "rules.schema.json").read_text("utf-8"))
    jsonschema.validate(RULES, schema)


def test_every_code_named_in_the_rules_exists():
    named = [RULES["venue"]["visitor"], RULES["venue"]["host"], *RULES["venue"]["codes"],
             RULES["allegation"]["code"], RULES["obligation"]["code"], RULES["appeal"]["code"],
             RULES["refusal"]["default"], *RULES["refusal"]["codes"].values(),
             RULES["conditional_threat"], RULES["reported_harm_code"],
             RULES["assassination"]["code"], *RULES["weapons"]["generic"],
             *(c for c in RULES["weapons"]["codes"].values() if c)]
    assert [c for c in named if c not in CODES] == []
    # code prefixes ("016", "05") name a code or a root
    assert [c for c in RULES["own_country_except"] if c not in CODES] == []
    prefixes = [*RULES["event_anaphora"]["codes"], *RULES["own_country_codes"],
                *RULES["prospect"]["codes"]]
    assert [c for c in RULES["targetless_codes"] if c not in CODES] == []
    assert [c for c in RULES["topic_only_codes"] if c not in CODES] == []
    assert [c for c in RULES["passive_place_roots"] if c not in CODES and c not in ROOTS] == []
    assert [c for c in prefixes if c not in CODES and c not in ROOTS] == []


def test_every_root_named_in_the_rules_exists():
    for key in ("targetless_roots", "addressed_roots", "abroad_only_roots",
                "venue_target_roots", "domestic_roots", "conditional_target_roots",
                "attack_doer_roots", "unknown_doer_roots", "act_doer_roots",
                "provoked_roots", "shared_target_roots", "own_country_noun_roots",
                "mutual_topic_roots", "destination_roots"):
        assert set(RULES[key]) <= ROOTS, key
    # answers may also be given for one code ("0831": a resignation)
    assert set(RULES["answer_roots"]) <= ROOTS | set(CODES)
    # reciprocity may also be given for one code ("019": agreeing with each other's view)
    assert set(RULES["reciprocal_roots"]) <= ROOTS | set(CODES)
    assert set(RULES["refusal"]["roots"]) <= ROOTS
    # A refused act is a cooperative one, and its rejection code is in root 12.
    assert all(code.startswith("12") for code in RULES["refusal"]["codes"].values())


def test_a_verb_is_not_both_future_and_hypothetical():
    future, hypo = set(RULES["future_verbs"]), set(RULES["hypothetical_verbs"])
    assert future.isdisjoint(hypo) and future.isdisjoint(RULES["negating_verbs"])


# The word lists and code literals the coder's logic reads (grammar, actor_words, codes).
SECTIONS = {
    "grammar": {"future_aux", "hypothetical_aux", "possible_aux", "question_marks",
                "conditional_marks", "adverbial_marks", "simultaneous_marks", "relative_pronouns",
                "person_pronouns", "thing_pronouns", "plural_pronouns", "speaker_pronouns",
                "owner_pronouns", "definite_determiners", "anaphoric_determiners", "articles",
                "pair_quantifiers", "name_particles", "side_words", "manner_suffixes",
                "water_words",
                "bare_time_words",
                "measure_nouns", "attributive_participles", "aspect_verbs", "conduct_verbs",
                "conduct_idioms", "manner_nouns", "naming_verbs",
                "warning_verbs",
                "negating_determiners", "pending_adverbs", "inverted_conditional_aux",
                "permission_verbs", "conative_preps",
                "target_preps", "deep_target_preps",
                "object_preps", "answer_preps", "defiance_preps", "issuer_preps",
                "subject_matter_preps", "gathering_preps", "responsible_preps", "visit_preps",
                "venue_preps", "consultation_preps", "consultation_nouns",
                "place_preps", "object_place_preps", "passive_place_preps",
                "document_place_preps", "location_preps", "member_preps", "people_place_preps",
                "where_preps", "allegiance_preps", "command_preps"},
    "actor_words": {"pair_words", "country_pair_words", "backed", "foreign", "foreign_office",
                    "state_nouns", "group_nouns", "nonstate_group_nouns", "ethnic",
                    "people_groups", "role_words", "person_owned_agents",
                    "adjective_homographs", "stance_prefixes", "place_nouns", "former",
                    "involvement_verbs", "allegiance", "staff_nouns", "carrier_nouns",
                    "commentators", "mission_buildings",
                    "command_nouns",
                    "aide_nouns", "aide_preps"},
    "codes": {"meeting_root", "threat_root", "violent_roots", "statement_root", "speech_roots",
              "elite_agent", "civilian_agent", "government_agent"},
}


def test_the_word_lists_and_codes_of_the_coder_are_all_there():
    from dataclasses import fields

    from tidings.coder.rules import Rules

    for section, keys in SECTIONS.items():
        assert set(RULES[section]) == keys, section
        assert all(RULES[section][key] for key in keys), section
    # ... and each is a typed field of the loaded rules
    names = {f.name for f in fields(Rules)}
    assert set().union(*SECTIONS.values()) <= names
    rules = Rules.load([DATA])
    assert rules.target_preps[:3] == ("with", "to", "against")  # (tried in this order)
    assert "'ll" in rules.future_aux and "&" in rules.name_particles
    assert "on" in rules.visit_preps  # (quoted in YAML, where a bare on is true)


def test_the_codes_the_coder_names_exist():
    codes = RULES["codes"]
    roots = [codes["meeting_root"], codes["threat_root"], codes["statement_root"],
             *codes["violent_roots"], *codes["speech_roots"]]
    assert set(roots) <= ROOTS
    agents = {row["code"] for row in yaml.safe_load(
        (DATA / "actors" / "agents.yaml").read_text("utf-8"))["agents"]}
    assert {codes["elite_agent"], codes["civilian_agent"], codes["government_agent"]} <= agents


def test_a_bad_word_list_fails_in_one_line(tmp_path: Path):
    import pytest

    from tidings.knowledge.bundle import Knowledge
    from tidings.knowledge.datafiles import DataFileError

    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "rules.yaml").write_text(
        "version: 1\ngrammar:\n  future_aux: [Will]\ncodes:\n  threat_root: '31'\n", "utf-8")
    with pytest.raises(DataFileError, match=r"rules\.yaml: at (grammar/future_aux|codes)"):
        Knowledge((DATA, tmp_path)).merged("patterns/rules.yaml")


def test_a_data_directory_adds_to_the_word_lists(tmp_path: Path):
    from tidings.coder.rules import Rules

    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "rules.yaml").write_text(yaml.safe_dump({
        "version": 1,
        "grammar": {"future_aux": ["gonna"], "target_preps": ["versus"]},
        "actor_words": {"former": ["erstwhile"]},
        "codes": {"violent_roots": ["20"]},
    }), "utf-8")
    bundled, both = Rules.load([DATA]), Rules.load([DATA, tmp_path])
    assert both.future_aux == bundled.future_aux | {"gonna"}
    assert both.target_preps == (*bundled.target_preps, "versus")  # added last
    assert both.former == bundled.former | {"erstwhile"}
    assert both.violent_roots == bundled.violent_roots | {"20"}
    # what the extra directory does not name stays as it was
    assert both.meeting_root == bundled.meeting_root and both.articles == bundled.articles


def test_a_data_directory_can_code_visits_both_ways(tmp_path: Path):
    from tidings.coder.rules import Rules

    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "rules.yaml").write_text(yaml.safe_dump({
        "version": 1, "venue": {"both_ways": True}}), "utf-8")
    bundled, both = Rules.load([DATA]), Rules.load([DATA, tmp_path])
    assert both.visits_both_ways and not bundled.visits_both_ways
    assert (both.visitor_code, both.host_code) == ("042", "043")
