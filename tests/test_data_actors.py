"""Checks of the actor dictionaries: countries, organisations and agents."""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

DATA = Path(__file__).parents[1] / "src/tidings/data"
ACTORS = DATA / "actors"
SCHEMAS = DATA / "schemas"


def load_yaml(name):
    with open(ACTORS / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def countries():
    return load_yaml("countries")


@pytest.fixture(scope="module")
def organizations():
    return load_yaml("organizations")


@pytest.fixture(scope="module")
def agents():
    return load_yaml("agents")


def by_code(entries):
    return {e["code"]: e for e in entries}


@pytest.mark.parametrize("name", ["countries", "organizations", "agents"])
def test_file_matches_schema(name):
    with open(SCHEMAS / f"{name}.schema.json", encoding="utf-8") as fh:
        schema = json.load(fh)
    Draft202012Validator.check_schema(schema)
    errors = sorted(
        Draft202012Validator(schema).iter_errors(load_yaml(name)),
        key=lambda e: list(e.absolute_path),
    )
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


def test_country_codes_are_unique_three_letters(countries):
    codes = [c["code"] for c in countries["countries"]]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    assert not dupes, dupes


def test_region_codes_are_unique_and_not_countries(countries):
    regions = [r["code"] for r in countries["regions"]]
    assert len(regions) == len(set(regions))
    assert not set(regions) & {c["code"] for c in countries["countries"]}


def test_enough_countries_and_territories(countries):
    assert len(countries["countries"]) >= 240


def test_historic_successors_exist(countries):
    known = by_code(countries["countries"])
    for c in countries["countries"]:
        if "successor" in c:
            assert c.get("historic") is True
            assert c["successor"] in known and not known[c["successor"]].get("historic")


def test_capital_is_not_also_a_name_of_its_country(countries):
    for c in countries["countries"]:
        clash = set(c["capitals"]) & set(c["names"])
        assert not clash, (c["code"], clash)


def actor_strings(countries, organizations):
    """Every string that codes (or locates) an actor, mapped to the codes it stands for."""
    seen = defaultdict(set)
    for c in countries["countries"]:
        seen[c["name"].lower()].add(c["code"])  # the coder matches the display name too
        for field in ("names", "demonyms", "capitals", "cities", "places"):
            for s in c.get(field, []):
                seen[s].add(c["code"])
        for s in c["metonyms"]:
            seen[s].add(c["code"])
    for r in countries["regions"]:
        for s in r["names"] + r.get("demonyms", []):
            seen[s].add(r["code"])
    for o in organizations["organizations"]:
        for s in o["names"]:
            seen[s].add(o["code"])
    return seen


def test_no_string_maps_to_two_codes(countries, organizations):
    seen = actor_strings(countries, organizations)
    conflicts = {s: sorted(codes) for s, codes in seen.items() if len(codes) > 1}
    assert not conflicts, conflicts


def test_actor_strings_are_clean_lowercase(countries, organizations):
    for s in actor_strings(countries, organizations):
        assert s == s.lower() and s == s.strip() and "  " not in s, repr(s)


def test_organization_codes(organizations, countries):
    codes = [o["code"] for o in organizations["organizations"]]
    assert all(re.match(r"^[A-Z]{3,}", c) for c in codes)
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    assert not dupes, dupes
    known = {c["code"] for c in countries["countries"]}
    for o in organizations["organizations"]:
        assert o["country"] is None or o["country"] in known, o


def test_organization_country_matches_code_prefix(organizations, countries):
    known = {c["code"] for c in countries["countries"]}
    for o in organizations["organizations"]:
        if o["code"][:3] in known:
            assert o["country"] == o["code"][:3], o["code"]
        if o["kind"] == "igo":
            assert o["code"].startswith("IGO") and o["country"] is None, o["code"]
        if o["kind"] == "ngo":
            assert o["code"].startswith("NGO") and o["country"] is None, o["code"]


def test_agent_words_are_unique(agents):
    owner = defaultdict(list)
    for a in agents["agents"]:
        assert re.fullmatch(r"[A-Z]{3}", a["code"]), a["code"]
        for w in a["words"]:
            owner[w].append(a["code"])
    dupes = {w: codes for w, codes in owner.items() if len(codes) > 1}
    assert not dupes, dupes
    codes = [a["code"] for a in agents["agents"]]
    assert len(codes) == len(set(codes))


def test_metonyms_use_known_agent_codes(countries, agents):
    agent_codes = {a["code"] for a in agents["agents"]}
    for c in countries["countries"]:
        for phrase, code in c["metonyms"].items():
            assert code in agent_codes, (c["code"], phrase, code)


def test_organization_names_are_not_agent_words(organizations, agents):
    words = {w for a in agents["agents"] for w in a["words"]}
    clash = {n for o in organizations["organizations"] for n in o["names"]} & words
    assert not clash, clash


def country_of(countries, field, s):
    return [c["code"] for c in countries["countries"] if s in c.get(field, [])]


def org_of(organizations, s):
    return [o for o in organizations["organizations"] if s in o["names"]]


def agent_of(agents, w):
    return [a["code"] for a in agents["agents"] if w in a["words"]]


def test_spot_checks_countries(countries):
    countries_by_code = by_code(countries["countries"])
    assert country_of(countries, "capitals", "tehran") == ["IRN"]
    assert countries_by_code["USA"]["metonyms"]["white house"] == "GOV"
    assert countries_by_code["USA"]["metonyms"]["pentagon"] == "MIL"
    assert countries_by_code["RUS"]["metonyms"]["kremlin"] == "GOV"
    assert countries_by_code["GBR"]["metonyms"]["downing street"] == "GOV"
    for name in ("u.s.", "us", "usa", "united states", "america", "united states of america"):
        assert country_of(countries, "names", name) == ["USA"], name
    for name in ("uk", "u.k.", "britain", "great britain", "united kingdom", "england"):
        assert country_of(countries, "names", name) == ["GBR"], name
    for name, code in {
        "north korea": "PRK", "dprk": "PRK", "south korea": "KOR", "prc": "CHN",
        "taiwan": "TWN", "ivory coast": "CIV", "cote d'ivoire": "CIV", "burma": "MMR",
        "myanmar": "MMR", "gaza": "PSE", "gaza strip": "PSE", "west bank": "PSE",
        "palestinian territories": "PSE", "georgia": "GEO", "kosovo": "KSV",
        "yugoslavia": "SRB", "soviet union": "SUN", "romania": "ROU",
    }.items():
        assert country_of(countries, "names", name) == [code], name
    for dem, code in {
        "american": "USA", "americans": "USA", "british": "GBR", "briton": "GBR",
        "britons": "GBR", "chinese": "CHN", "israeli": "ISR", "israelis": "ISR",
        "palestinian": "PSE", "palestinians": "PSE", "saudi": "SAU", "saudis": "SAU",
        "emirati": "ARE", "afghan": "AFG", "afghans": "AFG", "pakistani": "PAK",
        "iranian": "IRN", "iranians": "IRN", "yugoslav": "SRB",
    }.items():
        assert country_of(countries, "demonyms", dem) == [code], dem
    every = actor_strings(countries, {"organizations": []})
    for not_country in ("kurdish", "kurds", "roc", "is", "the states"):
        assert not_country not in every, not_country
    assert [r["code"] for r in countries["regions"] if "middle east" in r["names"]] == ["MEA"]


def test_spot_checks_organizations(organizations):
    assert [o["code"] for o in org_of(organizations, "nato")] == ["IGOWSTNAT"]
    assert [o["code"] for o in org_of(organizations, "united nations")] == ["IGOUNO"]
    assert [o["code"] for o in org_of(organizations, "european union")] == ["IGOEUREEC"]
    taliban = org_of(organizations, "taliban")
    assert len(taliban) == 1 and taliban[0]["country"] == "AFG" and taliban[0]["kind"] == "nsag"
    assert org_of(organizations, "hamas")[0]["country"] == "PSE"
    for variant in ("hezbollah", "hizbollah", "hizballah"):
        assert [o["code"] for o in org_of(organizations, variant)] == ["LBNREBHEZ"]
    for variant in ("al-qaeda", "al qaeda", "al-qaida", "alqaeda"):
        assert [o["code"] for o in org_of(organizations, variant)] == ["IMGMUSAQD"]
    for variant in ("islamic state", "isis", "isil", "daesh"):
        assert [o["code"] for o in org_of(organizations, variant)] == ["IMGMUSISI"]
    all_names = {n for o in organizations["organizations"] for n in o["names"]}
    for word in ("is", "who", "let", "amnesty", "car", "us"):
        assert word not in all_names, word


def test_spot_checks_agents(agents):
    expected = {
        "police": "COP", "special envoy": "GOV", "foreign minister": "GOV",
        "defense minister": "GOV", "defence minister": "GOV", "interior minister": "GOV",
        "special representative": "GOV", "secretary-general": "GOV", "secretary general": "GOV",
        "rebels": "REB", "troops": "MIL", "protesters": "OPP", "judge": "JUD", "lawmakers": "LEG",
        "students": "EDU", "journalists": "MED", "civilians": "CVL", "refugees": "REF",
        "doctors": "HLH", "workers": "LAB", "cleric": "REL", "smugglers": "CRM", "farmers": "AGR",
        "ruling party": "PTY", "intelligence agency": "SPY", "militia": "UAF",
    }
    for word, code in expected.items():
        assert agent_of(agents, word) == [code], word

