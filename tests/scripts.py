"""Importing the project's scripts (scripts/ is not a package) for their tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script(relative: str, name: str) -> ModuleType:
    """The module of ``scripts/<relative>``, registered as ``name`` (dataclasses need it in
    ``sys.modules``)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / relative)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
