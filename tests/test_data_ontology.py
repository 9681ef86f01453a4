"""Checks on the CAMEO codebook and PLOVER ontology shipped as data files."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

DATA = Path(__file__).parents[1] / "src/tidings/data"
SCHEMAS = DATA / "schemas"

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def _load_yaml(name):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _load_schema(name):
    with open(SCHEMAS / name, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def cameo():
    return _load_yaml("cameo.yaml")


@pytest.fixture(scope="module")
def plover():
    return _load_yaml("plover.yaml")


@pytest.fixture(scope="module")
def codes(cameo):
    return {entry["code"]: entry for entry in cameo["codes"]}


@pytest.fixture(scope="module")
def plover_types(plover):
    return {t["name"]: t for t in plover["types"]}


def _expected_quad(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


# --- schemas -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data_file", "schema_file"),
    [("cameo.yaml", "cameo.schema.json"), ("plover.yaml", "plover.schema.json")],
)
def test_file_matches_schema(data_file, schema_file):
    schema = _load_schema(schema_file)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(_load_yaml(data_file)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_cameo_schema_rejects_bad_entries():
    validator = jsonschema.Draft202012Validator(_load_schema("cameo.schema.json"))
    good = {
        "code": "042",
        "name": "Make a visit",
        "description": "x",
        "goldstein": 1.9,
        "quad_class": 1,
        "plover": "CONSULT",
        "plover_mode": "visit",
        "intent": "036",
    }
    assert validator.is_valid({"version": "1.1b3", "codes": [good]})
    bad_variants = [
        {"code": 42},  # not a string
        {"code": "42"},  # not zero padded
        {"code": "2101"},  # root 21 does not exist
        {"goldstein": 11.0},  # out of range
        {"quad_class": 3},  # root 04 is verbal cooperation
        {"plover": "FIGHT"},  # legacy name, not a PLOVER 2 type
        {"intent": "0811"},  # intent must be in root 03 or 13
        {"plover": None},  # a mode without an event type
    ]
    for change in bad_variants:
        entry = {**good, **change}
        assert not validator.is_valid({"version": "1.1b3", "codes": [entry]}), change
    missing_goldstein = {k: v for k, v in good.items() if k != "goldstein"}
    assert not validator.is_valid({"version": "1.1b3", "codes": [missing_goldstein]})


def test_plover_schema_rejects_bad_types(plover):
    validator = jsonschema.Draft202012Validator(_load_schema("plover.schema.json"))
    assert validator.is_valid(plover)
    too_few = {**plover, "types": plover["types"][:-1]}
    assert not validator.is_valid(too_few)
    wrong_polarity = json.loads(json.dumps(plover))
    wrong_polarity["types"][0]["polarity"] = "conflict"
    assert not validator.is_valid(wrong_polarity)
    bad_legacy = {**plover, "legacy_names": {"DEMAND": "INSIST"}}
    assert not validator.is_valid(bad_legacy)


# --- CAMEO codebook ------------------------------------------------------


def test_cameo_version(cameo):
    assert cameo["version"] == "1.1b3"


def test_codes_are_unique(cameo):
    seen = [entry["code"] for entry in cameo["codes"]]
    duplicates = {c for c in seen if seen.count(c) > 1}
    assert not duplicates


def test_codebook_is_complete_in_size(codes):
    # CAMEO 1.1b3: 149 three-digit and 147 four-digit event codes.
    assert sum(len(c) == 3 for c in codes) == 149
    assert sum(len(c) == 4 for c in codes) == 147
    assert len(codes) == 296


def test_every_root_has_its_base_code(codes):
    for root in range(1, 21):
        assert f"{root:02d}0" in codes, f"missing base code for root {root:02d}"


def test_roots_map_names_all_twenty_roots(cameo):
    assert sorted(cameo["roots"]) == [f"{r:02d}" for r in range(1, 21)]


def test_four_digit_codes_have_a_parent(codes):
    orphans = [c for c in codes if len(c) == 4 and c[:3] not in codes]
    assert not orphans


def test_quad_class_follows_root(codes):
    wrong = {c: e["quad_class"] for c, e in codes.items() if e["quad_class"] != _expected_quad(c)}
    assert not wrong


def test_goldstein_in_range(codes):
    for code, entry in codes.items():
        value = entry["goldstein"]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), code
        assert -10.0 <= value <= 10.0, code


def test_goldstein_sign_follows_cooperation_and_conflict(codes):
    # Cooperative action roots (03-08) are positive; conflict roots 10 and 12-20 are negative.
    for code, entry in codes.items():
        root = int(code[:2])
        if 3 <= root <= 8:
            assert entry["goldstein"] > 0, code
        elif root == 10 or root >= 12:
            assert entry["goldstein"] < 0, code


@pytest.mark.parametrize(
    "family",
    [
        ("021", 4),
        ("023", 4),
        ("024", 4),
        ("025", 6),
        ("031", 4),
        ("033", 4),
        ("034", 4),
        ("035", 6),
        ("081", 4),
        ("083", 4),
        ("084", 2),
        ("086", 3),
        ("087", 4),
        ("101", 4),
        ("103", 4),
        ("104", 4),
        ("105", 6),
        ("112", 5),
        ("121", 2),
        ("122", 4),
        ("123", 4),
        ("124", 6),
        ("131", 3),
        ("132", 4),
        ("138", 5),
        ("141", 4),
        ("142", 4),
        ("143", 4),
        ("144", 4),
        ("145", 4),
        ("162", 3),
        ("166", 3),
        ("171", 2),
        ("172", 4),
        ("182", 3),
        ("183", 4),
        ("195", 2),
        ("204", 2),
    ],
)
def test_sub_code_families_are_complete(codes, family):
    parent, size = family
    children = sorted(c for c in codes if len(c) == 4 and c[:3] == parent)
    assert children == [f"{parent}{i}" for i in range(1, size + 1)]


def test_three_digit_codes_per_root(codes):
    expected_last = {
        "01": 9,
        "02": 8,
        "03": 9,
        "04": 6,
        "05": 7,
        "06": 4,
        "07": 5,
        "08": 7,
        "09": 4,
        "10": 8,
        "11": 6,
        "12": 9,
        "13": 9,
        "14": 5,
        "15": 5,
        "16": 6,
        "17": 6,
        "18": 6,
        "19": 6,
        "20": 4,
    }
    for root, last in expected_last.items():
        found = sorted(c for c in codes if len(c) == 3 and c[:2] == root)
        assert found == [f"{root}{i}" for i in range(last + 1)], root


def test_names_and_descriptions_are_filled(codes):
    for code, entry in codes.items():
        assert entry["name"].strip(), code
        assert entry["description"].strip(), code
        assert entry["description"] != entry["name"], code


def test_well_known_codes(codes):
    assert "make a visit" in codes["042"]["name"].lower()
    assert "host" in codes["043"]["name"].lower()
    assert "visit" in codes["043"]["name"].lower()
    name_173 = codes["173"]["name"].lower()
    assert "arrest" in name_173 and "detain" in name_173
    assert "conventional military force" in codes["190"]["name"].lower()
    assert "sign formal agreement" in codes["057"]["name"].lower()
    assert "weapons of mass destruction" in codes["204"]["name"].lower()


def test_well_known_goldstein_values(codes):
    expected = {
        "010": 0.0,
        "040": 1.0,
        "042": 1.9,
        "043": 2.8,
        "046": 7.0,
        "057": 8.0,
        "0874": 10.0,
        "112": -2.0,
        "130": -4.4,
        "163": -8.0,
        "173": -5.0,
        "183": -10.0,
        "190": -10.0,
        "200": -10.0,
    }
    for code, value in expected.items():
        assert codes[code]["goldstein"] == pytest.approx(value), code


def test_plover_values_are_known_types(codes, plover_types):
    assert set(plover_types) == PLOVER_TYPES
    for code, entry in codes.items():
        assert entry["plover"] is None or entry["plover"] in plover_types, code


def test_plover_modes_belong_to_their_type(codes, plover_types):
    for code, entry in codes.items():
        mode = entry.get("plover_mode")
        if mode is None:
            continue
        assert entry["plover"] is not None, code
        assert mode in plover_types[entry["plover"]]["modes"], (code, mode)


def test_only_statements_lack_a_plover_type(codes):
    untyped = {c for c, e in codes.items() if e["plover"] is None}
    assert untyped, "plain comments (root 01) have no PLOVER type"
    assert all(c.startswith("01") for c in untyped)


def test_well_known_plover_mapping(codes):
    expected = {
        "010": None,
        "020": "REQUEST",
        "036": "AGREE",
        "042": "CONSULT",
        "051": "SUPPORT",
        "061": "COOPERATE",
        "073": "AID",
        "0841": "RETREAT",
        "0871": "RETREAT",
        "091": "ACCUSE",
        "1041": "REQUEST",
        "111": "ACCUSE",
        "125": "REJECT",
        "1384": "THREATEN",
        "141": "PROTEST",
        "154": "MOBILIZE",
        "163": "SANCTION",
        "173": "COERCE",
        "174": "COERCE",
        "182": "ASSAULT",
        "190": "ASSAULT",
        "202": "ASSAULT",
    }
    for code, ptype in expected.items():
        assert codes[code]["plover"] == ptype, code
    assert codes["090"]["plover_mode"] == "investigate"
    assert codes["173"]["plover_mode"] == "arrest"


def test_intent_codes_exist_and_are_intentions(codes):
    with_intent = {c: e["intent"] for c, e in codes.items() if e.get("intent") is not None}
    assert with_intent
    for code, intent in with_intent.items():
        assert intent in codes, (code, intent)
        assert intent[:2] in ("03", "13"), (code, intent)
        assert code[:2] not in ("03", "13"), code
        # A cooperative act announces a cooperative intention and vice versa.
        assert (_expected_quad(code) <= 2) == (intent[:2] == "03"), (code, intent)


def test_well_known_intents(codes):
    assert codes["071"]["intent"] == "0331"
    assert codes["0871"]["intent"] == "0356"
    assert codes["163"]["intent"] == "1312"
    assert codes["2042"]["intent"] == "1385"
    assert codes["010"]["intent"] is None


# --- PLOVER ontology -----------------------------------------------------


def test_exactly_sixteen_plover_types(plover):
    names = [t["name"] for t in plover["types"]]
    assert len(names) == 16
    assert set(names) == PLOVER_TYPES


def test_plover_quad_classes(plover_types):
    expected = {
        1: {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
        2: {"COOPERATE", "AID", "RETREAT"},
        3: {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
        4: {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
    }
    for quad, names in expected.items():
        assert {n for n, t in plover_types.items() if t["quad_class"] == quad} == names
    for name, ptype in plover_types.items():
        polarity = "cooperation" if ptype["quad_class"] <= 2 else "conflict"
        assert ptype["polarity"] == polarity, name


def test_plover_cameo_roots_are_used_by_the_crosswalk(codes, plover_types):
    for name, ptype in plover_types.items():
        for root in ptype["cameo_roots"]:
            mapped = [c for c, e in codes.items() if c[:2] == root and e["plover"] == name]
            assert mapped, f"{name} lists root {root} but no code there maps to it"


def test_every_cameo_root_with_events_is_claimed(codes, plover_types):
    claimed = {root for t in plover_types.values() for root in t["cameo_roots"]}
    assert claimed == {f"{r:02d}" for r in range(2, 21)}


def test_well_known_plover_modes(plover_types):
    assert {"beat", "firearms", "aerial"} <= set(plover_types["ASSAULT"]["modes"])
    assert {"demo", "riot", "strike", "hunger", "obstruct"} <= set(plover_types["PROTEST"]["modes"])
    assert {"convict", "withdraw"} <= set(plover_types["SANCTION"]["modes"])
    assert {"arrest", "deport"} <= set(plover_types["COERCE"]["modes"])
    assert {"visit", "phone"} <= set(plover_types["CONSULT"]["modes"])


def test_contexts(plover):
    contexts = plover["contexts"]
    assert len(contexts) == len(set(contexts))
    for label in ("political", "military", "economic", "human_rights", "terrorism", "legislative"):
        assert label in contexts


def test_legacy_names_map_onto_current_types(plover, plover_types):
    legacy = plover["legacy_names"]
    assert legacy["DEMAND"] == "REQUEST"
    assert legacy["DISAPPROVE"] == "ACCUSE"
    assert legacy["INVESTIGATE"] == "ACCUSE"
    assert legacy["FIGHT"] == "ASSAULT"
    for old, new in legacy.items():
        assert new in plover_types, old
        assert old not in plover_types, old


def test_legacy_contexts_map_onto_current_contexts(plover):
    for old, new in plover.get("legacy_contexts", {}).items():
        assert new in plover["contexts"], old
        assert old not in plover["contexts"], old
