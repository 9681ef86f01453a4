"""Loading the knowledge files (YAML) with a schema check, so a bad edit fails clearly."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

from tidings.config import DATA_DIR

SCHEMA_DIR = DATA_DIR / "schemas"
# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(ValueError):
    """A knowledge file that cannot be read or does not match its schema."""


@functools.lru_cache(maxsize=32)
def _schema_bytes(schema_name: str) -> bytes:
    return (SCHEMA_DIR / f"{schema_name}.schema.json").read_bytes()


@functools.lru_cache(maxsize=32)
def _validator(schema_name: str):  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads(_schema_bytes(schema_name).decode("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def cache_dir(part: str) -> Path | None:
    """A folder of tidings' cache (passed schema checks, the built gazetteer): under
    $TIDINGS_CACHE, else under the user's cache directory; None (no caching) when
    TIDINGS_CACHE is set empty. Everything in it can be deleted at any time."""
    env = os.environ.get("TIDINGS_CACHE")
    if env is not None:
        return Path(env) / part if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tidings" / part


def prune_cache(folder: Path, keep: int = 8, pattern: str = "*.pickle") -> None:
    """Delete all but the ``keep`` most recently used files of a cache folder: each change of
    a data file or of tidings leaves one behind (the compiled knowledge, the gazetteer)."""
    found = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in found[keep:]:
        stale.unlink(missing_ok=True)


def _checked_before(key: str) -> bool:
    if key in _CHECKED:
        return True
    folder = cache_dir("checked")
    return folder is not None and (folder / key).is_file()


def _remember_checked(key: str) -> None:
    _CHECKED.add(key)
    folder = cache_dir("checked")
    if folder is None:
        return
    try:  # best effort: a read-only home only means checking again next time
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
    except OSError:
        pass


_CHECKED: set[str] = set()


def load_yaml(path: Path, schema_name: str | None = None) -> Any:
    """Read a YAML knowledge file and check it against ``schemas/<schema_name>.schema.json``.

    A file whose exact bytes passed the same schema before is not checked again (the check
    takes most of a second for the large dictionaries, and every worker process loads them):
    the passes are remembered by a hash of file and schema, in memory and in the user's cache
    directory (``TIDINGS_CACHE=`` turns that off)."""
    try:
        raw = Path(path).read_bytes()
        data = yaml.load(raw, Loader=_Loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})".replace("\n", " ")) from None
    if schema_name:
        key = hashlib.sha256(_schema_bytes(schema_name) + b"\0" + raw).hexdigest()
        if _checked_before(key):
            return data
        errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: list(e.path))
        if errors:
            err = errors[0]
            where = "/".join(str(p) for p in err.path) or "top level"
            raise DataFileError(f"{path}: at {where}: {err.message}")
        _remember_checked(key)
    return data
