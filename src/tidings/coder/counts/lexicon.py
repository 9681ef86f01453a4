"""The words of casualty and size counts (data/patterns/counts.yaml), compiled for lookups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from tidings.knowledge.bundle import Knowledge

# (kind, the verb's other words) for a verb lemma: "take" -> ("hostages", ("hostage",))
VerbSenses = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


def _senses(entries: Iterable[tuple[str, str]]) -> VerbSenses:
    """Verb entries ("take hostage") by their first word, the longer first (so "take
    hostage" is tried before a plain "take")."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, phrase in entries:
        first, *rest = phrase.split()
        out.setdefault(first, []).append((kind, tuple(rest)))
    return {k: tuple(sorted(v, key=lambda s: -len(s[1]))) for k, v in out.items()}


def _by_word(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, word in entries:
        out.setdefault(word, kind)
    return out


@dataclass(frozen=True, slots=True)
class CountWords:
    """Everything counts.yaml says, in the shapes the finder looks things up in."""

    roots: dict[str, frozenset[str]]  # kind -> the CAMEO roots its counts go on
    object_verbs: VerbSenses  # victims are the object (or passive subject)
    subject_verbs: VerbSenses  # victims are the subject
    adjectives: dict[str, str]  # "dead" -> "dead", "wounded" -> "injured"
    nouns: dict[str, str]  # "death" -> "dead", "arrest" -> "arrested"
    tolls: dict[str, str]  # last word of a toll phrase -> kind ("toll" -> "dead")
    totals: frozenset[str]  # "number", "tally": their "of" phrase names the kind
    people: frozenset[str]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    singular: frozenset[str]
    vague: dict[tuple[str, ...], int]  # ("tens", "of", "thousands") -> 20000
    bounds: dict[tuple[str, ...], str]  # ("at", "least") -> "lower"
    range_words: frozenset[str]
    background_preps: frozenset[str]
    subsets: frozenset[str]
    not_facts: frozenset[str]
    releases: frozenset[str]
    earlier: frozenset[str]
    disasters: frozenset[str]
    cumulative: frozenset[str]
    triggers: frozenset[str] = field(default_factory=frozenset)  # every kind word's lemma

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> CountWords:
        doc = knowledge.merged("patterns/counts.yaml") or {}
        kinds = doc.get("kinds") or {}

        def entries(key: str) -> list[tuple[str, str]]:
            return [(kind, w) for kind, spec in kinds.items() for w in spec.get(key) or ()]

        numbers = doc.get("numbers") or {}
        bounds = doc.get("bounds") or {}
        background = doc.get("background") or {}
        words = cls(
            roots={k: frozenset(spec.get("roots") or ()) for k, spec in kinds.items()},
            object_verbs=_senses(entries("object_verbs")),
            subject_verbs=_senses(entries("subject_verbs")),
            adjectives=_by_word(entries("adjectives")), nouns=_by_word(entries("nouns")),
            tolls={w.split()[-1]: k for k, w in entries("tolls")},
            totals=frozenset(doc.get("totals") or ()),
            people=frozenset(doc.get("people") or ()),
            number_words=dict(numbers.get("words") or {}),
            multipliers=dict(numbers.get("multipliers") or {}),
            singular=frozenset(numbers.get("singular") or ()),
            vague={tuple(k.split()): v for k, v in (numbers.get("vague") or {}).items()},
            bounds={tuple(w.split()): name for name in ("lower", "upper", "estimate")
                    for w in bounds.get(name) or ()},
            range_words=frozenset(bounds.get("range") or ()),
            background_preps=frozenset(background.get("preps") or ()),
            subsets=frozenset(background.get("subsets") or ()),
            not_facts=frozenset(background.get("not_facts") or ()),
            releases=frozenset(background.get("releases") or ()),
            earlier=frozenset(background.get("earlier") or ()),
            disasters=frozenset(background.get("disasters") or ()),
            cumulative=frozenset(background.get("cumulative") or ()),
        )
        return replace(words, triggers=frozenset({
            *words.object_verbs, *words.subject_verbs, *words.adjectives, *words.nouns,
            *words.tolls}))
