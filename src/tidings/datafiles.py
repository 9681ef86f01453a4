"""Loading the knowledge files (YAML) with a schema check, so a bad edit fails clearly."""

from __future__ import annotations

import functools
import json
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
def _validator(schema_name: str):  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def load_yaml(path: Path, schema_name: str | None = None) -> Any:
    """Read a YAML knowledge file and check it against ``schemas/<schema_name>.schema.json``."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})".replace("\n", " ")) from None
    if schema_name:
        errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: list(e.path))
        if errors:
            err = errors[0]
            where = "/".join(str(p) for p in err.path) or "top level"
            raise DataFileError(f"{path}: at {where}: {err.message}")
    return data
