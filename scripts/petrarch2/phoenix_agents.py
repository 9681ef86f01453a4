"""PETRARCH-2's agent dictionaries: their entries read (``PHRASE {PLURAL} [~CODE]``,
``!MARKER!`` substitution sets) and made tidings agents.yaml entries. Part of the converter
``scripts/petrarch2/actors.py``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from phoenix_convert import _ALLOWED
from phoenix_read import ORIGIN, _content_lines, phrase_tokens


@dataclass(frozen=True)
class AgentLine:
    words: tuple[str, ...]
    code: str
    line: int


def _plural(word: str) -> str:
    """PETRARCH's regular plural, with English's "y" after a vowel ("attorneys")."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def parse_agents(text: str, source: str = "<text>") -> tuple[list[AgentLine], int]:
    """The entries of a PETRARCH-2 agent dictionary (and the number of unreadable lines):
    ``PHRASE {PLURAL} [~CODE]`` or ``[CODE~]``; ``{}`` means no plural, as does a phrase ending
    in ``_``; ``!MARKER! = A, B`` defines a substitution set used as ``!MARKER!`` in phrases,
    each member replacing it (with no plural made)."""
    markers: dict[str, list[str]] = {}
    out: list[AgentLine] = []
    bad = 0
    for number, content, _ in _content_lines(text.splitlines()):
        content = content.strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", content)
        if m:
            markers[m[1].upper()] = [s.strip() for s in m[2].split(",") if s.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*)\]", content)
        if not m:
            bad += 1
            continue
        raw, plural, code = m[1].strip(), m[2], re.sub(r"[\s~]", "", m[3]).upper()
        if not re.fullmatch(r"[A-Z]{3,}", code):
            bad += 1
            continue
        marker = re.search(r"!(\w+)!", raw)
        if marker:
            subs = markers.get(marker[1].upper())
            if subs is None:
                bad += 1
                continue
            words = tuple(phrase_tokens(raw.replace(marker[0], s)) for s in subs)
        else:
            base = phrase_tokens(raw)
            if plural is not None:
                words = (base, *([phrase_tokens(plural)] if plural.strip() else []))
            elif raw.endswith("_"):
                words = (base,)
            else:
                toks = base.split()
                words = (base, " ".join([*toks[:-1], _plural(toks[-1])]))
        out.append(AgentLine(tuple(dict.fromkeys(w for w in words if w)), code[:3], number))
    return out, bad


def convert_agents(lines: Sequence[AgentLine], source: str, seen: set[str]
                   ) -> tuple[list[dict[str, Any]], Counter[str]]:
    """agents.yaml entries, one per dictionary line; a word in ``seen`` (tidings' own agent
    words, unless they are kept, and those given before) is dropped; ``seen`` grows."""
    why: Counter[str] = Counter()
    out = []
    for a in lines:
        words = []
        for w in a.words:
            if not _ALLOWED.match(w):
                why["unusable characters"] += 1
            elif w in seen:
                why["known to tidings or repeated"] += 1
            else:
                seen.add(w)
                words.append(w)
        if words:
            out.append({"code": a.code, "words": words,
                        "origin": f"{ORIGIN}:{source}:{a.line}"})
    return out, why
