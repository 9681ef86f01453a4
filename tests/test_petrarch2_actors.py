"""PETRARCH-2's actor dictionaries imported by scripts/petrarch2/actors.py: the format read
right, the codes dated as PETRARCH dates them, the converted people coded by the coder with
their origin shown, and tidings' own entries never overridden."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.scripts import load_script
from tidings.config import DATA_DIR, LEXICONS_DIR, Settings

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared" / "lexicons" / "petrarch2"
LEXICON = LEXICONS_DIR / "petrarch2"
PHOENIX = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
           "Phoenix.MilNonState.actors.txt"]
D = dt.date


def _load_converter():
    return load_script("petrarch2/actors.py", "p2actors")


p2 = _load_converter()
# A few English words instead of the pipeline's lemma tables (no spaCy needed here).
WORDS = frozenset({"team", "guardian", "watch", "reform"})

SAMPLE = """\
# A sample in the Phoenix format
<!-- an XML comment
     over two lines -->
NORWAY_  [NOR]
+NORWEGIAN_
+OSLO_

MAREN_KVISTAD_  # CountryInfo.txt
+MAREN_K._KVISTAD_
\t[NORGOVEDU 050101-091231]
\t[NORGOV >20100101]
\t[NORELI]
PRESIDENT_TOBIAS_ELLINGSEN_  ; TABARI-style comment
+TOBIAS_ELLINGSEN
\t[NORGOV 450703-470121]
\t[---]
KVISTAD_  # CountryInfo.txt
\t[NORELI]
HARALD_VOSS_ [NORMIL] [NORGOV <991231]  # inline codes
BREIVIK_LIBERATION_FRONT_ [NORREB] # a group
+BLF_
+FRONT_FOR_BREIVIK_LIBERATION_(FBL)_
TEAM_ [MNCNOR]
SIGRID_HOLM_
\t[NORGOV 0701011-091231]
\t[NORLEG 19990101-20031231]
"""


def _records():
    return p2.parse_actors(SAMPLE, "sample.actors.txt")


def _by_phrase(records):
    return {r.primary.text: r for r in records}


# ---------------------------------------------------------------- reading the format


def test_records_phrases_and_synonyms():
    recs = _by_phrase(_records())
    assert list(recs) == ["norway", "maren kvistad", "president tobias ellingsen", "kvistad",
                          "harald voss", "breivik liberation front", "team", "sigrid holm"]
    maren = recs["maren kvistad"]
    assert [s.text for s in maren.synonyms] == ["maren k. kvistad"]
    assert maren.comment == "CountryInfo.txt" and maren.line == 8
    assert maren.origin == "petrarch2:sample.actors.txt:8"
    # a TABARI ';' comment is cut like a '#' one
    assert recs["president tobias ellingsen"].comment == "TABARI-style comment"


def test_code_lines_dates_and_defaults():
    recs = _by_phrase(_records())
    R = p2.Restriction
    assert recs["maren kvistad"].restrictions == [
        R("NORGOVEDU", D(2005, 1, 1), D(2009, 12, 31)), R("NORGOV", lo=D(2010, 1, 1)),
        R("NORELI")]
    # inline codes after the phrase, several in a row; '<' bounds from above
    assert recs["harald voss"].restrictions == [R("NORMIL"), R("NORGOV", hi=D(1999, 12, 31))]
    # [---] is the null code
    assert recs["president tobias ellingsen"].restrictions[-1] == R("---")
    # a 7-digit date makes its line unusable; the rest of the record stays
    holm = recs["sigrid holm"]
    assert holm.bad_restrictions == 1
    assert holm.restrictions == [R("NORLEG", D(1999, 1, 1), D(2003, 12, 31))]


@pytest.mark.parametrize("text, day", [
    ("450703", D(1945, 7, 3)), ("070723", D(2007, 7, 23)), ("300101", D(2030, 1, 1)),
    ("310101", D(1931, 1, 1)), ("991231", D(1999, 12, 31)), ("18970101", D(1897, 1, 1))])
def test_two_digit_years_follow_the_tabari_century_rule(text, day):
    assert p2.parse_date(text) == day


@pytest.mark.parametrize("bad", ["2004017", "19990231", "99-01-01", ""])
def test_bad_dates_are_errors(bad):
    with pytest.raises(p2.FormatError):
        p2.parse_date(bad)


def test_restriction_with_blanks_and_lowercase_code():
    assert p2.parse_restriction("hobgov 19950601 - 19990815") == p2.Restriction(
        "HOBGOV", D(1995, 6, 1), D(1999, 8, 15))
    assert p2.parse_restriction("HOBREB > 990816") == p2.Restriction(
        "HOBREB", lo=D(1999, 8, 16))


# ---------------------------------------------------------------- codes over time


def test_timeline_gives_petrarchs_code_on_every_day():
    R = p2.Restriction
    rs = [R("AFGELI", D(1962, 1, 1), D(1978, 4, 27)), R("AFGGOV", D(1978, 4, 27),
                                                         D(1978, 4, 30)), R("AFGELI")]
    roles = p2.timeline(rs)
    # the default fills the time no restriction covers; the first restriction wins the
    # shared day 1978-04-27; nothing before 1945
    assert roles == [p2.Role("AFGELI", D(1945, 1, 1), D(1978, 4, 27)),
                     p2.Role("AFGGOV", D(1978, 4, 28), D(1978, 4, 30)),
                     p2.Role("AFGELI", D(1978, 5, 1), None)]
    for day in (D(1950, 1, 1), D(1978, 4, 27), D(1978, 4, 29), D(2020, 1, 1)):
        held = [r.code for r in roles if r.start <= day and (r.end is None or day <= r.end)]
        assert held == [p2.code_on(rs, day)]


def test_timeline_drops_old_and_null_roles_and_ends_open_ones():
    R = p2.Restriction
    assert p2.timeline([R("USAELI", D(1897, 1, 1), D(1944, 12, 31))]) == []
    assert p2.timeline([R("NORGOV", D(1945, 7, 3), D(1947, 1, 21)), R("---")]) == [
        p2.Role("NORGOV", D(1945, 7, 3), D(1947, 1, 21))]
    assert p2.timeline([R("NORGOV", lo=D(2010, 1, 1))], until=D(2015, 2, 17)) == [
        p2.Role("NORGOV", D(2010, 1, 1), D(2015, 2, 17))]


# ---------------------------------------------------------------- what is imported


@pytest.fixture(scope="module")
def bundled():
    return p2.Bundled.load(DATA_DIR)


@pytest.fixture(scope="module")
def result(bundled):
    return p2.convert(_records(), bundled, WORDS)


def _people(result):
    return {p["name"]: p for p in result.people}


def test_countries_are_skipped_and_people_and_groups_sorted_out(result):
    assert result.records == {"country": 1, "person": 5, "organization": 2}
    assert result.skipped["country: tidings has its own countries"] == 1
    assert "Maren Kvistad" in _people(result)
    orgs = {o["code"]: o for o in result.organizations}
    assert orgs["NORREB"]["kind"] == "nsag" and orgs["NORREB"]["country"] == "NOR"


def test_a_converted_person_has_dated_roles_and_origin(result):
    maren = _people(result)["Maren Kvistad"]
    assert maren["aliases"] == ["maren kvistad", "maren k. kvistad"]
    assert maren["roles"] == [
        {"code": "NORELI", "title": "Elites", "start": "1945-01-01", "end": "2004-12-31"},
        {"code": "NORGOVEDU", "title": "Government", "start": "2005-01-01",
         "end": "2009-12-31"},
        {"code": "NORGOV", "title": "Government", "start": "2010-01-01", "end": None}]
    assert maren["origin"] == "petrarch2:sample.actors.txt:8"


def test_ambiguous_names_are_dropped(result):
    people = _people(result)
    # a title is not part of the name; a lone surname is no name at all
    assert people["Tobias Ellingsen"]["aliases"] == ["tobias ellingsen"]
    assert all("kvistad" != a for p in people.values() for a in p["aliases"])
    assert result.skipped["person: no usable name left"] == 1  # KVISTAD_
    orgs = {o["code"]: o for o in result.organizations}
    # a parenthesised acronym would be a name of its own, but "BLF" and "FBL" are too short;
    # "TEAM" is an English word, which leaves the company no name
    assert orgs["NORREB"]["names"] == ["breivik liberation front", "front for breivik liberation"]
    assert "MNCNOR" not in orgs


def test_tidings_own_people_and_names_win(bundled):
    text = ("VLADIMIR_PUTIN_  # CountryInfo.txt\n\t[RUSELI]\n"
            "OSLO_KAMARA_  # CountryInfo.txt\n+NORWAY_\n\t[NORGOV]\n")
    got = p2.convert(p2.parse_actors(text, "t.txt"), bundled, WORDS)
    # Putin is tidings' own: the whole imported record goes, not only the alias
    assert got.skipped["person: already one of tidings' people"] == 1
    assert [p["name"] for p in got.people] == ["Oslo Kamara"]
    # a country name is never an imported person's alias
    assert got.people[0]["aliases"] == ["oslo kamara"]


def test_names_shared_by_imported_people_with_other_codes_are_dropped(bundled):
    text = ("ALI_HASSAN_MANSOURI_  # CountryInfo.txt\n+ALI_MANSOURI_\n\t[EGYGOV]\n"
            "ALI_MANSOURI_  # CountryInfo.txt\n+ALI_REZA_MANSOURI_\n\t[IRNGOV]\n")
    got = p2.convert(p2.parse_actors(text, "t.txt"), bundled, WORDS)
    assert {p["name"]: p["aliases"] for p in got.people} == {
        "Ali Hassan Mansouri": ["ali hassan mansouri"],
        "Ali Reza Mansouri": ["ali reza mansouri"]}


def test_agents_dictionary(bundled):
    text = ("!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nFIGHTER_PILOT [~MILAFC] # x\n"
            "POLICE {} [ ~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
            "HUMAN_RIGHTS_BODY  [NGO~]\nWIZARD_COUNCIL_ [~WIZ]\nNO CODE HERE\n")
    lines, bad = p2.parse_agents(text, "a.txt")
    assert bad == 1
    assert [(a.words, a.code) for a in lines] == [
        (("congressman", "congresswoman"), "LEG"), (("fighter pilot", "fighter pilots"), "MIL"),
        (("police",), "COP"), (("attorney general", "attorneys general"), "GOV"),
        (("human rights body", "human rights bodies"), "NGO"), (("wizard council",), "WIZ")]
    rows, _ = p2.convert_agents(lines, "a.txt", set(bundled.agent_words))
    words = {w for r in rows for w in r["words"]}
    assert "police" not in words and "wizard council" in words  # tidings' own "police" wins
    assert rows[-1]["origin"] == "petrarch2:a.txt:7"


# ---------------------------------------------------------------- in the coder


@pytest.fixture(scope="module")
def converted_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("p2data")
    src = tmp_path_factory.mktemp("p2src")
    (src / "sample.actors.txt").write_text(SAMPLE, encoding="utf-8")
    (src / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) test\n")
    p2.run([src / "sample.actors.txt"], [], out, words=WORDS, until=None)
    return out


@pytest.fixture(scope="module")
def p2coder(converted_dir):
    from tidings.coder.core import Coder

    return Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, converted_dir)))


def test_written_files_are_valid_and_marked(converted_dir):
    for name, schema in (("people", "people"), ("organizations", "organizations")):
        text = (converted_dir / "actors" / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith("# ") and "The MIT License" in text
        assert "scripts/petrarch2/actors.py" in text and "sample.actors.txt" in text
        doc = yaml.safe_load(text)
        jsonschema.validate(doc, json.loads(
            (DATA_DIR / "schemas" / f"{schema}.schema.json").read_text()))
    assert (converted_dir / "LICENSE.petrarch2").read_text().startswith("The MIT License")


@pytest.mark.slow
@pytest.mark.parametrize("date, code", [
    ("2007-03-01", "NORGOVEDU"), ("2012-06-01", "NORGOV"), ("1990-06-01", "NORELI")])
def test_imported_person_is_coded_by_the_date(p2coder, date, code):
    events = p2coder.code_text("Maren Kvistad criticized Sweden.", date=date)
    assert [(e.source.code, e.target_code, e.root) for e in events] == [(code, "SWE", "11")]
    assert events[0].source.rule == "person:Maren Kvistad [petrarch2]"


@pytest.mark.slow
def test_tidings_own_entry_wins_over_an_imported_duplicate(tmp_path):
    """Even when a data directory does list one of tidings' people again (the converter
    never writes that), tidings' own entry codes the name and its rule has no origin."""
    from tidings.coder.core import Coder

    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "people.yaml").write_text(yaml.safe_dump({"version": 1, "people": [
        {"name": "Vladimir Putin", "aliases": ["vladimir putin", "putin"],
         "roles": [{"code": "BLRGOV", "title": "Government", "start": "1990-01-01", "end": None}],
         "origin": "petrarch2:t.txt:1"}]}))
    coder = Coder(Settings.from_env(lexicons="none", data_dirs=(DATA_DIR, tmp_path)))
    events = coder.code_text("Vladimir Putin criticized Sweden.", date="2015-06-01")
    assert [(e.source.code, e.source.rule) for e in events] == [
        ("RUSGOV", "person:Vladimir Putin")]


# ---------------------------------------------------------------- the generated lexicon


@pytest.fixture(scope="module")
def generated():
    path = LEXICON / "actors" / "people.yaml"
    if not path.is_file():
        pytest.skip("the petrarch2 actor lexicon is not generated")
    load = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {name: yaml.load((LEXICON / "actors" / f"{name}.yaml").read_text(encoding="utf-8"),
                            Loader=load) for name in ("people", "organizations")}


def test_generated_lexicon_is_valid_marked_and_large(generated):
    for name, doc in generated.items():
        schema = json.loads((DATA_DIR / "schemas" / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator(schema).validate(doc)
        head = (LEXICON / "actors" / f"{name}.yaml").read_text(encoding="utf-8")[:3000]
        assert "The MIT License" in head and "Generated by scripts/petrarch2/actors.py" in head
        rows = doc[name]
        assert all(r["origin"].startswith("petrarch2:Phoenix.") for r in rows)
    assert len(generated["people"]["people"]) > 10000
    assert len(generated["organizations"]["organizations"]) > 3000
    assert (LEXICON / "LICENSE.petrarch2").read_text().startswith("The MIT License")


def test_generated_lexicon_leaves_tidings_own_names_alone(generated):
    own = p2.Bundled.load(DATA_DIR)
    aliases = [a for p in generated["people"]["people"] for a in p["aliases"]]
    names = [n for o in generated["organizations"]["organizations"] for n in o["names"]]
    assert not set(aliases) & (own.people | own.places | own.organizations | own.agent_words)
    assert not set(names) & (own.people | own.places | own.organizations | own.agent_words)
    # no name belongs to two imported entries, and none is too short or a lone word
    assert len(aliases) == len(set(aliases)) and len(names) == len(set(names))
    assert all(len(a) >= 4 and " " in a for a in aliases)
    assert all(len(n) >= 4 for n in names)


@pytest.mark.slow
@pytest.mark.skipif(not all((SHARED / f).is_file() for f in PHOENIX),
                    reason="PETRARCH-2's dictionaries are not in ../shared")
def test_generated_lexicon_is_what_the_converter_writes(tmp_path):
    p2.run([SHARED / f for f in PHOENIX], [], tmp_path)
    for name in ("people", "organizations"):
        assert (tmp_path / "actors" / f"{name}.yaml").read_bytes() == \
            (LEXICON / "actors" / f"{name}.yaml").read_bytes(), name


@pytest.mark.skipif(not (SHARED / "validate" / "PETR.Validate.actors.txt").is_file(),
                    reason="PETRARCH-2's validation dictionaries are not in ../shared")
def test_validation_dictionaries_convert(tmp_path):
    report = p2.run([SHARED / "validate" / "PETR.Validate.actors.txt"],
                    [SHARED / "validate" / "PETR.Validate.agents.txt"], tmp_path,
                    license_path=SHARED / "LICENSE", keep_known=True, any_root=True,
                    keep_ambiguous=True, until=None, words=WORDS)
    people = {p["name"]: p for p in
              yaml.safe_load((tmp_path / "actors" / "people.yaml").read_text())["people"]}
    # "This should override the next restriction": the earlier line wins its days
    assert [r["code"] for r in people["Sam Gamgee"]["roles"]] == [
        "HOBCIV", "HOBMIL", "ORCHOB", "HOBMIL", "HOBGOV", "HOBELI"]
    # blanks around the operators; a one-word name kept when ambiguity is no concern
    assert people["Gollum"]["aliases"] == ["gollum", "smeagol", "slinker", "stinker"]
    assert [(r["code"], r["start"], r["end"]) for r in people["Gollum"]["roles"]] == [
        ("HOB", "1945-01-01", "1995-06-01"), ("HOBGOV", "1995-06-02", "1999-08-15"),
        ("HOBREB", "1999-08-16", None)]
    agents = yaml.safe_load((tmp_path / "actors" / "agents.yaml").read_text())["agents"]
    assert any("fighter pilot" in a["words"] for a in agents)
    assert report["agents"]["words"] > 50


COUNTRIES = """\
ARNOR_  [ARN]
+ARNORIAN
FORNOST  [FOR]
EGYPT  [UAR]
NORWAY  [NOR]
GAZA_CITY [PSEGZA]
ARNOR_WEST  [ARN]
ITHILEN  [ITH]
ITHILEN_MILITARY  [ITHMIL]
CIRITH UNGOL [FORMIL]
DURTHANG ORC  [FORORC]
MORGUL_ORCS [MRGORC]
"""


def test_invented_countries_are_written_with_countries(tmp_path):
    """--countries: a validation dictionary's invented states become countries.yaml entries
    (their names lowercase, one entry per code); tidings' own countries and their names, and
    codes of a part of a state, are not."""
    (tmp_path / "v.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (tmp_path / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) test\n")
    out = tmp_path / "out"
    report = p2.run([tmp_path / "v.actors.txt"], [], out, words=WORDS, until=None,
                    keep_known=True, any_root=True, countries=True)
    doc = yaml.safe_load((out / "actors" / "countries.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(doc, json.loads(
        (DATA_DIR / "schemas" / "countries.schema.json").read_text()))
    rows = {c["code"]: c for c in doc["countries"]}
    # (ITH is a sector code elsewhere, but here the root of ITHMIL: a state)
    assert sorted(rows) == ["ARN", "FOR", "ITH"]
    assert rows["ARN"]["names"] == ["arnor", "arnorian", "arnor west"]
    assert rows["ARN"]["name"] == "Arnor"
    # a state institution of such a state is its metonym
    assert rows["FOR"]["metonyms"] == {"cirith ungol": "MIL", "durthang orc": "ORC"}
    # a part of a state the dictionary does not have is a group of its own
    orgs = yaml.safe_load((out / "actors" / "organizations.yaml").read_text())["organizations"]
    assert [(o["code"], o["names"], o["kind"]) for o in orgs] == [
        ("MRGORC", ["morgul orcs"], "nsag")]
    assert rows["ITH"]["metonyms"] == {"ithilen military": "MIL"}
    assert report["countries"] == 3
    assert report["skipped"]["country: one of tidings' own countries"] == 1  # NOR
    assert report["skipped"]["country: no usable name left"] == 1  # egypt is tidings'
    assert report["skipped"]["country: not a three-letter country code"] == 1  # PSEGZA
    # without the option nothing changes
    plain = p2.run([tmp_path / "v.actors.txt"], [], tmp_path / "plain", words=WORDS,
                   until=None, keep_known=True, any_root=True)
    assert not (tmp_path / "plain" / "actors" / "countries.yaml").exists()
    assert plain["skipped"]["country: tidings has its own countries"] == 8
    assert plain["skipped"]["organization: a state institution (no organisation kind)"] == 3
