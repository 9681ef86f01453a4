"""The compiled-knowledge cache: loaded back as compiled, compiled again when anything it
depends on changes or the file is damaged, and pruned so that it does not grow forever."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tidings.coder import compiled
from tidings.coder.core import Coder
from tidings.knowledge.bundle import load_knowledge
from tidings.knowledge.datafiles import prune_cache


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "compiled"


def _pickles(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_loaded_back_equal_to_what_was_compiled(coder: Coder, cache: Path) -> None:
    knowledge = load_knowledge()
    first = compiled.load(coder.nlp, knowledge)
    [stored] = _pickles(cache)
    again = compiled.load(coder.nlp, knowledge)
    assert again is not first  # read from the file
    assert again.patterns.verbs == first.patterns.verbs
    assert again.patterns.nouns == first.patterns.nouns
    assert again.patterns.classes == first.patterns.classes
    assert again.ontology.codes == first.ontology.codes
    assert _pickles(cache) == [stored]


def test_a_damaged_file_is_compiled_again(coder: Coder, cache: Path) -> None:
    knowledge = load_knowledge()
    compiled.load(coder.nlp, knowledge)
    [stored] = _pickles(cache)
    stored.write_bytes(b"not a pickle")
    again = compiled.load(coder.nlp, knowledge)
    assert again.patterns.verbs
    assert pickle.loads(stored.read_bytes()).patterns.verbs == again.patterns.verbs


def test_the_folder_keeps_the_most_recently_used(cache: Path) -> None:
    cache.mkdir(parents=True)
    for i in range(compiled.KEEP + 3):
        path = cache / f"{i:02d}.pickle"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    os.utime(cache / "00.pickle")  # just used
    prune_cache(cache, compiled.KEEP)
    kept = {p.name for p in _pickles(cache)}
    assert len(kept) == compiled.KEEP
    assert "00.pickle" in kept and "01.pickle" not in kept and "10.pickle" in kept
