"""Imported public lexicons: chosen by name, converted by a script kept in the project, and
visible in every event they code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.scripts import load_script
from tidings.config import DATA_DIR, LEXICONS_DIR, available_lexicons, lexicon_dirs

ROOT = Path(__file__).parents[1]
VERBS = LEXICONS_DIR / "petrarch2-verbs" / "patterns" / "verbs.yaml"


def _converter():
    return load_script("petrarch2/verbs.py", "p2verbs")


def test_lexicons_are_chosen_by_name() -> None:
    assert "petrarch2-verbs" in available_lexicons()
    assert lexicon_dirs("none") == ()
    assert lexicon_dirs("petrarch2-verbs") == (LEXICONS_DIR / "petrarch2-verbs",)
    # (neither lexicon measured better than tidings' own knowledge: none is used unless asked
    # for, docs/accuracy.md)
    assert lexicon_dirs(None) == ()
    with pytest.raises(ValueError, match="unknown lexicon 'nosuch'"):
        lexicon_dirs("nosuch")


@pytest.mark.slow
def test_an_unknown_lexicon_is_one_line_on_the_command_line() -> None:
    run = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--lexicons",
                          "nosuch"], input="Iran accused Israel.", capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "unknown lexicon 'nosuch'" in run.stderr


def test_converted_verb_lexicon_is_valid_and_marked() -> None:
    text = VERBS.read_text(encoding="utf-8")
    assert "The MIT License" in text and "scripts/petrarch2/verbs.py" in text
    doc = yaml.safe_load(text)
    schema = yaml.safe_load((DATA_DIR / "schemas" / "patterns.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["origin"] == "petrarch2"
    items = [i for lst in doc["patterns"].values() for i in lst]
    assert len(items) > 3000
    assert all(isinstance(i, dict) and i["source_line"].startswith("CAMEO.2.0.txt:")
               for i in items)


SAMPLE = """\
&WEAPON
+GUN
+ASSAULT_RIFLE

---  HALT   [---]  ---
HALT
STOP {STOPS STOPPING STOPPED }
+CALL_OFF [160]
- * TALKS                                   [164:164]     # END
- * VISIT                                   [042:043]     # CONCLUDE
- * SEARCH                                  [---]         # HALT
- AID *                                     [162]         # STOP
- * &WEAPON (TO +)                          [087]         # STOP
- * {AIR RAIDS}                             [087]
- * OFF (FROM ^)                            [042]
"""


@pytest.mark.slow
def test_converter_maps_the_dictionary_format(tmp_path: Path) -> None:
    conv = _converter()
    path = tmp_path / "sample.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    dictionary = conv.read_dictionary(path)
    classes, patterns, counts = conv.convert(dictionary, conv.Lemmas(None),
                                             {"042", "043", "087", "160", "162", "164"}, path.name)
    assert classes["p2_weapon"] == ["assault rifle", "gun"]
    assert classes["p2v_halt"] == ["call off", "halt", "stop"]
    got = {(code, i["pattern"]): i for code, lst in patterns.items() for i in lst}
    assert got[("164", "&p2v_halt talk")].get("symmetric") is True
    assert got[("042", "&p2v_halt visit")]["reverse"] == "043"
    assert ("087", "&p2v_halt &p2_weapon to {target}") in got
    assert ("087", "&p2v_halt air raid") in got
    assert got[("087", "&p2v_halt air raid")]["source_line"] == "sample.verbs.txt:14"
    # left out: words before the verb, the null code, "^", and verbs alone by default
    assert not any("aid" in p.split() for _, p in got)
    assert counts["left out: null code"] == 1
    assert counts["left out: words before the verb"] == 1
    assert counts["left out: skip or compound marker"] == 1
    assert counts["left out: verb alone"] == 1 and ("160", "call off") not in got


@pytest.mark.slow
def test_an_imported_pattern_says_where_it_came_from() -> None:
    from tidings.coder.core import Coder
    from tidings.config import Settings

    coder = Coder(Settings.from_env(lexicons="petrarch2-verbs"))
    events = coder.code_text("The Kremlin tightened its grip on the media.")
    rules = {e.rule for e in events}
    assert any(r.startswith("petrarch2/verbs:172:") for r in rules), rules
    # tidings' own patterns are tried first: an imported one never replaces them
    own = coder.code_text("Iran accused Israel of sabotage.")
    assert [e.rule for e in own] == ["verbs:112:accuse"]
