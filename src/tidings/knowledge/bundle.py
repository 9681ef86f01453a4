"""One knowledge bundle: every knowledge file of every data directory, read once, merged by one
rule, and handed to the coder, the enrich stage and the API.

The data directories are the bundled one (``src/tidings/data``) and then any given with
``--data DIR`` or ``TIDINGS_DATA``. Each file is checked against its schema on its own. The
rule for combining them is the same for every file: **a later directory adds to an earlier
one**. Mappings are merged key by key (recursively), lists are concatenated (an item equal to
one already there is not repeated), and a single value (a code, a number) in a later directory
replaces the earlier one. So an extra ``rules.yaml`` that lists ``future_verbs: [vow]`` adds a
verb to the bundled list; an extra ``verbs.yaml`` adds patterns; an extra ``plover.yaml`` adds
types and contexts.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tidings.config import DATA_DIR, Settings
from tidings.knowledge.datafiles import DataFileError, load_yaml
from tidings.knowledge.ontology import Ontology

# Every knowledge file a data directory may hold, with the schema it is checked against.
FILES: dict[str, str] = {
    "cameo.yaml": "cameo",
    "plover.yaml": "plover",
    "actors/countries.yaml": "countries",
    "actors/organizations.yaml": "organizations",
    "actors/agents.yaml": "agents",
    "actors/people.yaml": "people",
    "patterns/verbs.yaml": "patterns",
    "patterns/nouns.yaml": "patterns",
    "patterns/rules.yaml": "rules",
    "patterns/classes.yaml": "classes",
    "patterns/counts.yaml": "counts",
    "confidence.yaml": "confidence",
}


def merge(base: Any, extra: Any) -> Any:
    """``extra`` added to ``base`` by the bundle's one rule (see the module docstring). Neither
    is changed; the result shares the values it takes over from them (documents read from
    YAML for the bundle alone, so nothing else holds them)."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(out[key], value) if key in out else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


class Knowledge:
    """The knowledge files of some data directories (the bundled one first). Build it with
    :func:`load_knowledge`, which gives every part of a process the same one."""

    def __init__(self, data_dirs: Sequence[Path] = (DATA_DIR,)) -> None:
        self.data_dirs = tuple(Path(d) for d in data_dirs)
        self._merged: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Knowledge({', '.join(map(str, self.data_dirs))})"

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Knowledge:
        return load_knowledge((settings or Settings.from_env()).data_dirs)

    def paths(self, name: str) -> list[Path]:
        """The file ``name`` ("patterns/verbs.yaml") of each data directory that has it."""
        self._check_name(name)
        return [p for d in self.data_dirs if (p := Path(d) / name).is_file()]

    def documents(self, name: str) -> list[tuple[Path, Any]]:
        """Each directory's ``name`` file, read and checked, in order (for loaders that
        report errors by file)."""
        return [(p, load_yaml(p, FILES[name]) or {}) for p in self.paths(name)]

    def merged(self, name: str) -> Any:
        """The ``name`` files of all directories as one document, merged by the one rule."""
        if name not in self._merged:
            doc: Any = {}
            for _, data in self.documents(name):
                doc = merge(doc, data)
            self._merged[name] = doc
        return self._merged[name]

    @functools.cached_property
    def ontology(self) -> Ontology:
        """The CAMEO codebook with its PLOVER crosswalk."""
        cameo = self.merged("cameo.yaml")
        if not cameo.get("codes"):
            where = ", ".join(map(str, self.data_dirs))
            raise DataFileError(f"no cameo.yaml with codes in {where}")
        return Ontology(cameo, self.merged("plover.yaml") or {"types": []})

    def actor_names(self) -> dict[str, dict[str, str]]:
        """The display names of the parts of actor codes: countries ("IRN": "Iran"), sector
        agents ("GOV": "Government") and organisations ("IGOUNO": "United Nations")."""
        out: dict[str, dict[str, str]] = {}
        for key in ("countries", "agents", "organizations"):
            rows = self.merged(f"actors/{key}.yaml").get(key) or []
            out[key] = {row["code"]: row["name"] for row in rows if row.get("name")}
        return out

    def fingerprint(self, names: Iterable[str] | None = None) -> str:
        """A hash of the content of the files ``names`` (all knowledge files by default) in
        every directory: what a cache of something built from them is keyed by."""
        h = hashlib.sha256()
        for name in sorted(names if names is not None else FILES):
            for path in self.paths(name):
                h.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
        return h.hexdigest()

    @staticmethod
    def _check_name(name: str) -> None:
        if name not in FILES:
            raise KeyError(f"{name!r} is not a knowledge file ({', '.join(FILES)})")


def load_knowledge(data_dirs: Sequence[Path] = (DATA_DIR,)) -> Knowledge:
    """The process-wide bundle of ``data_dirs``: the coder, enrich and the API of one process
    share it, so each file is read and checked once."""
    return _load(tuple(Path(d) for d in data_dirs))


@functools.lru_cache(maxsize=8)
def _load(data_dirs: tuple[Path, ...]) -> Knowledge:
    return Knowledge(data_dirs)
