"""Verb and noun patterns (data/patterns/*.yaml) compiled into lookup tables.

A pattern is a short phrase of lemmas: its first word is the verb (or noun) that carries the
event, the other words must occur among that word's dependents, and ``{target}`` / ``{source}``
/ ``{actors}`` mark where the actors are: after a preposition, its object; directly after the
verb or a particle, the direct object. See docs/patterns.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from tidings.knowledge.bundle import Knowledge
from tidings.knowledge.datafiles import DataFileError
from tidings.knowledge.ontology import Ontology

PREPOSITIONS = frozenset(
    "with to on against at for from in into of over between among toward towards by upon "
    "about across through within near under onto inside outside around behind".split()
)
SLOTS = ("{target}", "{source}", "{actors}")
_PAST = (("ied", "y"), ("ed", "e"), ("ed", ""))
_INFLECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "VBD": _PAST, "VBN": _PAST,
    "VBZ": (("ies", "y"), ("es", ""), ("s", "")),
    "VBG": (("ing", "e"), ("ing", "")),
}


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str  # "obj" (direct/indirect object) or "prep"
    prep: str | None = None
    after: str | None = None  # the pattern word just before the slot


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str  # "verbs:042:travel to {target}" - shown as the event's rule
    code: str
    head: str  # lemma of the verb / noun
    words: tuple[str, ...]  # other lemmas that must be present
    target: Slot | None
    source: Slot | None
    actors: Slot | None  # "between {actors}": both roles from one coordinated phrase
    symmetric: bool
    reverse: str | None
    speech: bool

    @property
    def specificity(self) -> int:
        return 1 + len(self.words) + (1 if self.target else 0) + (1 if self.source else 0)


def parse_pattern(text: str, code: str, origin: str, options: dict | None = None) -> Pattern:
    options = options or {}
    tokens = text.lower().split()
    if not tokens or tokens[0] in SLOTS:
        raise DataFileError(f"{origin}: pattern {text!r} must start with a word")
    head, words = tokens[0], []
    slots: dict[str, Slot] = {}
    prev = head
    for tok in tokens[1:]:
        if tok in SLOTS:
            name = tok[1:-1]
            if name in slots:
                raise DataFileError(f"{origin}: pattern {text!r} has {tok} twice")
            if prev in PREPOSITIONS and prev != head:
                slots[name] = Slot("prep", prep=prev, after=prev)
            else:
                slots[name] = Slot("obj", after=prev)
        elif tok.startswith("{"):
            raise DataFileError(f"{origin}: pattern {text!r}: unknown slot {tok}")
        else:
            words.append(tok)
            prev = tok
    return Pattern(
        id=f"{origin}:{code}:{text}",
        code=code,
        head=head,
        words=tuple(words),
        target=slots.get("target"),
        source=slots.get("source"),
        actors=slots.get("actors"),
        symmetric=bool(options.get("symmetric")),
        reverse=options.get("reverse"),
        speech=bool(options.get("speech")),
    )


class PatternSet:
    """Verb and noun patterns indexed by their head lemma, most specific first."""

    def __init__(self, ontology: Ontology, knowledge: Knowledge) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for kind, table in (("verbs", self.verbs), ("nouns", self.nouns)):
            # (each directory's file adds its patterns; errors name the file)
            for path, data in knowledge.documents(f"patterns/{kind}.yaml"):
                self._load(path, data, kind, table, ontology)
        for table in (self.verbs, self.nouns):
            for lst in table.values():
                lst.sort(key=lambda p: -p.specificity)
        self.speech_lemmas = frozenset(
            lemma for lemma, pats in self.verbs.items() if any(p.speech for p in pats)
        )

    def verb_patterns(self, tok: Token) -> list[Pattern] | None:
        """Patterns for a verb token, by lemma; when the lemmatizer has mangled a verb form
        ("staged" -> "stag") and the lemma has none, by the usual English inflections."""
        found = self.verbs.get(tok.lemma_.lower())
        if found is not None:
            return found
        low = tok.lower_
        for suffix, repl in _INFLECTIONS.get(tok.tag_, ()):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                found = self.verbs.get(low[: len(low) - len(suffix)] + repl)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _load(path: Path, data: dict, kind: str, table: dict[str, list[Pattern]],
              ontology: Ontology) -> None:
        for code, items in (data.get("patterns") or {}).items():
            if code not in ontology:
                raise DataFileError(f"{path}: {code!r} is not a CAMEO code")
            for item in items:
                text, options = (item, {}) if isinstance(item, str) else (item["pattern"], item)
                rev = options.get("reverse")
                if rev and rev not in ontology:
                    raise DataFileError(f"{path}: pattern {text!r}: reverse {rev!r} unknown")
                pattern = parse_pattern(text, code, kind, options)
                table.setdefault(pattern.head, []).append(pattern)
