"""CAMEO and PLOVER as data: loaded from data/cameo.yaml and data/plover.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from tidings.knowledge.pickling import fast_pickle


@fast_pickle
@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    intent: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """The CAMEO codebook with its PLOVER crosswalk."""

    def __init__(self, cameo: dict, plover: dict) -> None:
        self.codes: dict[str, CameoCode] = {}
        for row in cameo["codes"]:
            self.codes[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row.get("plover"),
                plover_mode=row.get("plover_mode"),
                intent=row.get("intent"),
            )
        self.roots: dict[str, str] = {str(k): str(v)
                                      for k, v in (cameo.get("roots") or {}).items()}
        self.plover_types: tuple[str, ...] = tuple(t["name"] for t in plover["types"])
        self.legacy_plover: dict[str, str] = dict(plover.get("legacy_names") or {})
        self.contexts: tuple[str, ...] = tuple(plover.get("contexts") or ())

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def plover_name(self, name: str | None) -> str | None:
        """A PLOVER type name in its current form (older names mapped to their successors)."""
        if not name:
            return None
        name = name.strip().upper()
        return self.legacy_plover.get(name, name)

    def intent_of(self, code: str) -> str | None:
        """The code for 'express intent to <code>' (03x/13x), where the codebook gives one."""
        entry = self.codes.get(code)
        while entry is not None:
            if entry.intent:
                return entry.intent
            parent = entry.code[:3] if len(entry.code) == 4 else None
            entry = self.codes.get(parent) if parent else None
        return None
