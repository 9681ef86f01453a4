"""Knowledge files are checked against their schemas, with clear errors; a file that passed
is not checked again (the check is remembered by a hash of the file and the schema)."""

from __future__ import annotations

import pytest

from tidings.knowledge import datafiles
from tidings.knowledge.datafiles import DataFileError, load_yaml

GOOD = "version: 1\nagents:\n  - code: XYZ\n    name: Testers\n    words: [tester, testers]\n"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(datafiles, "_CHECKED", set())


def test_a_bad_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "agents.yaml"
    bad.write_text("version: 1\nagents:\n  - code: 12\n    words: tester\n", "utf-8")
    with pytest.raises(DataFileError) as err:
        load_yaml(bad, "agents")
    message = str(err.value)
    assert message.startswith(f"{bad}: at agents/0") and "\n" not in message
    broken = tmp_path / "broken.yaml"
    broken.write_text("agents: [unclosed\n", "utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_yaml(broken, "agents")
    with pytest.raises(DataFileError, match="cannot read"):
        load_yaml(tmp_path / "missing.yaml", "agents")


def test_a_file_that_passed_is_not_checked_again(tmp_path, monkeypatch):
    good = tmp_path / "agents.yaml"
    good.write_text(GOOD, "utf-8")
    assert load_yaml(good, "agents")["agents"][0]["code"] == "XYZ"
    assert len(list((tmp_path / "cache" / "checked").iterdir())) == 1  # remembered on disk

    def no_check(name):  # type: ignore[no-untyped-def]
        raise AssertionError("checked again")

    monkeypatch.setattr(datafiles, "_validator", no_check)
    monkeypatch.setattr(datafiles, "_CHECKED", set())  # a new process: only the disk knows
    assert load_yaml(good, "agents")["agents"][0]["name"] == "Testers"
    # an edit is a new file: it is checked (and here the check is what fails)
    good.write_text(GOOD.replace("Testers", "Examiners"), "utf-8")
    with pytest.raises(AssertionError, match="checked again"):
        load_yaml(good, "agents")


def test_without_a_cache_every_load_is_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE", "")
    good = tmp_path / "agents.yaml"
    good.write_text(GOOD, "utf-8")
    load_yaml(good, "agents")
    monkeypatch.setattr(datafiles, "_CHECKED", set())
    monkeypatch.setattr(datafiles, "_validator", lambda name: (_ for _ in ()).throw(
        AssertionError("checked")))
    with pytest.raises(AssertionError, match="checked"):
        load_yaml(good, "agents")
