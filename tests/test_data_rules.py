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
    prefixes = [*RULES["event_anaphora"]["codes"], *RULES["own_country_codes"]]
    assert [c for c in prefixes if c not in CODES and c not in ROOTS] == []


def test_every_root_named_in_the_rules_exists():
    for key in ("targetless_roots", "venue_target_roots", "domestic_roots",
                "passive_place_roots", "conditional_target_roots"):
        assert set(RULES[key]) <= ROOTS, key
    # reciprocity may also be given for one code ("019": agreeing with each other's view)
    assert set(RULES["reciprocal_roots"]) <= ROOTS | set(CODES)
    assert set(RULES["refusal"]["roots"]) <= ROOTS
    # A refused act is a cooperative one, and its rejection code is in root 12.
    assert all(code.startswith("12") for code in RULES["refusal"]["codes"].values())


def test_a_verb_is_not_both_future_and_hypothetical():
    future, hypo = set(RULES["future_verbs"]), set(RULES["hypothetical_verbs"])
    assert future.isdisjoint(hypo) and future.isdisjoint(RULES["negating_verbs"])
