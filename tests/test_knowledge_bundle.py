"""The knowledge bundle: every knowledge file of every data directory, merged by one rule, and
the same bundle behind the coder, enrich and the API."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tidings.config import DATA_DIR
from tidings.knowledge.bundle import FILES, Knowledge, load_knowledge, merge
from tidings.knowledge.datafiles import DataFileError


def _write(root: Path, name: str, data: dict) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


def test_merge_adds_lists_merges_mappings_and_later_values_win() -> None:
    base = {"version": 1, "future_verbs": ["plan", "vow"], "venue": {"visitor": "042"}}
    extra = {"version": 2, "future_verbs": ["vow", "pledge"], "venue": {"host": "043"}}
    assert merge(base, extra) == {"version": 2, "future_verbs": ["plan", "vow", "pledge"],
                                  "venue": {"visitor": "042", "host": "043"}}
    assert base["future_verbs"] == ["plan", "vow"]  # the inputs are left as they were


def test_an_extra_rules_file_adds_to_the_bundled_lists(tmp_path: Path) -> None:
    _write(tmp_path, "patterns/rules.yaml", {"version": 1, "future_verbs": ["swear"]})
    bundled = load_knowledge((DATA_DIR,)).merged("patterns/rules.yaml")["future_verbs"]
    both = Knowledge((DATA_DIR, tmp_path)).merged("patterns/rules.yaml")["future_verbs"]
    assert both == [*bundled, "swear"] if "swear" not in bundled else both == bundled


def test_a_file_repeated_in_an_extra_directory_repeats_nothing(tmp_path: Path) -> None:
    # (PLOVER's types are a closed list, so an extra plover.yaml can only restate them)
    (tmp_path / "plover.yaml").write_bytes((DATA_DIR / "plover.yaml").read_bytes())
    bundled = load_knowledge((DATA_DIR,)).ontology
    both = Knowledge((DATA_DIR, tmp_path)).ontology
    assert both.plover_types == bundled.plover_types
    assert both.contexts == bundled.contexts


def test_actor_names_come_from_every_directory(tmp_path: Path) -> None:
    _write(tmp_path, "actors/organizations.yaml", {"version": 1, "organizations": [
        {"code": "NGOXYZ", "name": "Friends of the Lake", "names": ["friends of the lake"],
         "kind": "ngo", "country": None}]})
    names = Knowledge((DATA_DIR, tmp_path)).actor_names()
    assert names["organizations"]["NGOXYZ"] == "Friends of the Lake"
    assert names["countries"]["IRN"] == "Iran"


def test_a_bad_extra_file_is_named_in_one_line(tmp_path: Path) -> None:
    _write(tmp_path, "patterns/rules.yaml", {"version": 1, "future_verbs": "not a list"})
    with pytest.raises(DataFileError, match=r"rules\.yaml: at future_verbs"):
        Knowledge((DATA_DIR, tmp_path)).merged("patterns/rules.yaml")


def test_only_known_files_can_be_asked_for_and_fingerprints_follow_content(
        tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        Knowledge().paths("secrets.yaml")
    before = Knowledge((DATA_DIR, tmp_path)).fingerprint()
    _write(tmp_path, "patterns/verbs.yaml", {"version": 1, "patterns": {"010": ["remark"]}})
    assert Knowledge((DATA_DIR, tmp_path)).fingerprint() != before
    assert set(FILES) >= {"patterns/rules.yaml", "actors/people.yaml", "cameo.yaml"}


def test_the_process_shares_one_bundle_per_set_of_directories() -> None:
    assert load_knowledge((DATA_DIR,)) is load_knowledge([DATA_DIR])
