"""The coding rules that are not tied to one word (data/patterns/rules.yaml), loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.knowledge.bundle import Knowledge, load_knowledge


@dataclass(frozen=True, slots=True)
class Rules:
    """Small coding rules that are data, not code (data/patterns/rules.yaml)."""

    targetless_roots: frozenset[str]
    venue_codes: frozenset[str]
    visitor_code: str
    host_code: str
    future_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    venue_target_roots: frozenset[str]
    allegation_verbs: frozenset[str]
    allegation_code: str
    reciprocal_roots: frozenset[str]
    obligation_aux: frozenset[str]
    obligation_code: str
    refusal_verbs: frozenset[str]
    refusal_roots: frozenset[str]
    refusal_default: str
    refusal_codes: dict[str, str]
    non_actor_heads: frozenset[str]
    domestic_roots: frozenset[str]
    appeal_verbs: frozenset[str]
    passive_place_roots: frozenset[str]
    conditional_target_roots: frozenset[str]
    appeal_code: str
    statement_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    conditional_threat: str | None
    cancelling_verbs: tuple[tuple[str, ...], ...]
    target_phrases: frozenset[str]
    accusation_roots: frozenset[str]
    accusation_preps: frozenset[str]
    subsumed: dict[str, frozenset[str]]
    own_country_codes: tuple[str, ...]
    own_force_roots: frozenset[str]
    responsible_words: frozenset[str]
    documents: frozenset[str]
    clause_codes: dict[str, str]
    place_target_roots: frozenset[str]
    instruments: frozenset[str]
    stative_passives: frozenset[str]
    own_force_agents: frozenset[str]
    reported_harm_code: str | None
    relational_nouns: frozenset[str]
    anaphora_codes: tuple[str, ...]
    anaphora_determiners: frozenset[str]
    anaphora_generic: frozenset[str]
    occurrence_verbs: tuple[tuple[str, ...], ...]
    hedges: frozenset[str]
    demand_aims: dict[str, str]
    subject_matter_roots: frozenset[str]
    background_aux: frozenset[str]
    gathering_nouns: frozenset[str]
    sport_words: frozenset[str]
    sport_roots: frozenset[str]
    defiance_nouns: frozenset[str]
    defiance_code: str | None
    hearsay_nouns: frozenset[str]
    optimism_codes: frozenset[str]
    weapons: dict[str, str | None]
    generic_attack_codes: frozenset[str]
    assassination_verbs: tuple[tuple[str, ...], ...]
    assassination_agents: frozenset[str]
    assassination_code: str | None
    # Verbs whose complement is not asserted as it stands (future, wished, refused).
    governing_verbs: frozenset[str]
    # Sentence rules (coder/events/sentence_rules.py) switched off by name.
    disabled_sentence_rules: frozenset[str] = frozenset()

    def refusal_of(self, code: str) -> str | None:
        """The CAMEO rejection code for refusing to do ``code``, or None."""
        if code[:2] not in self.refusal_roots:
            return None
        for n in (4, 3, 2):
            if code[:n] in self.refusal_codes and len(code) >= n:
                return self.refusal_codes[code[:n]]
        return self.refusal_default

    @classmethod
    def load(cls, data_dirs: Iterable[Path]) -> Rules:
        """The rules of every data directory's patterns/rules.yaml, merged by the knowledge
        bundle's one rule (a later directory adds to lists and mappings)."""
        return cls.from_knowledge(load_knowledge(tuple(data_dirs)))

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Rules:
        data = _RulesData(knowledge.merged("patterns/rules.yaml"))
        return cls(
            **_clause_rules(data),
            **_actor_rules(data),
            **_event_rules(data),
            **_context_rules(data),
        )


class _RulesData:
    """Access to the merged rules.yaml sections (a missing or empty section reads as empty)."""

    __slots__ = ("merged",)

    def __init__(self, merged: dict) -> None:
        self.merged = merged

    def get(self, key: str):
        """The raw value of a top-level section, or None."""
        return self.merged.get(key)

    def part(self, key: str) -> dict:
        """A top-level section as a mapping (empty when missing)."""
        return self.merged.get(key) or {}

    def values(self, key: str, sub: str | None) -> list:
        """The list under a section, or under one key of a section (empty when missing)."""
        return (self.part(key).get(sub) if sub else self.merged.get(key)) or []

    def words(self, key: str, sub: str | None = None) -> frozenset[str]:
        """The set of words listed under a section (or a key of it)."""
        return frozenset(self.values(key, sub))

    def phrases(self, key: str, sub: str | None = None) -> tuple[tuple[str, ...], ...]:
        """The phrases listed under a section, each split into its words."""
        # "break out", "shoot dead": a lemma and the words that must go with it
        return tuple(tuple(v.split()) for v in self.values(key, sub))


def _clause_rules(data: _RulesData) -> dict:
    """Which verbs and auxiliaries change what a clause asserts (future, refused, obliged...)."""
    return dict(
        future_verbs=data.words("future_verbs"),
        hypothetical_verbs=data.words("hypothetical_verbs"),
        negating_verbs=data.words("negating_verbs"),
        allegation_verbs=data.words("allegation", "verbs"),
        allegation_code=data.part("allegation").get("code", "112"),
        obligation_aux=data.words("obligation", "aux"),
        obligation_code=data.part("obligation").get("code", "100"),
        refusal_verbs=data.words("refusal", "verbs"),
        refusal_roots=data.words("refusal", "roots"),
        refusal_default=data.part("refusal").get("default", "120"),
        refusal_codes=dict(data.part("refusal").get("codes") or {}),
        appeal_verbs=data.words("appeal", "verbs"),
        appeal_code=data.part("appeal").get("code", "020"),
        conditional_threat=data.get("conditional_threat"),
        cancelling_verbs=data.phrases("cancelling_verbs"),
        clause_codes=dict(data.get("clause_codes") or {}),
        hedges=data.words("hedges"),
        background_aux=data.words("background_aux"),
        governing_verbs=data.words("future_verbs")
        | data.words("hypothetical_verbs")
        | data.words("negating_verbs"),
    )


def _actor_rules(data: _RulesData) -> dict:
    """Which words and codes name (or do not name) the actors and targets of an event."""
    return dict(
        targetless_roots=data.words("targetless_roots"),
        venue_target_roots=data.words("venue_target_roots"),
        reciprocal_roots=data.words("reciprocal_roots"),
        non_actor_heads=data.words("non_actor_heads"),
        domestic_roots=data.words("domestic_roots"),
        passive_place_roots=data.words("passive_place_roots"),
        conditional_target_roots=data.words("conditional_target_roots"),
        target_phrases=data.words("target_phrases"),
        accusation_roots=data.words("accusation", "roots"),
        accusation_preps=data.words("accusation", "preps"),
        own_country_codes=tuple(data.values("own_country_codes", None)),
        responsible_words=data.words("responsible_words"),
        place_target_roots=data.words("place_target_roots"),
        own_force_roots=data.words("own_forces", "roots"),
        own_force_agents=data.words("own_forces", "agents"),
        relational_nouns=data.words("relational_nouns"),
        subject_matter_roots=data.words("subject_matter_roots"),
    )


def _event_rules(data: _RulesData) -> dict:
    """Which words make, recode or drop an event (venues, weapons, assassinations, sport...)."""
    venue = data.part("venue")
    return dict(
        venue_codes=data.words("venue", "codes"),
        visitor_code=venue.get("visitor", "042"),
        host_code=venue.get("host", "043"),
        statement_nouns=data.words("statements", "nouns"),
        statement_verbs=data.words("statements", "verbs"),
        documents=data.words("documents"),
        instruments=data.words("instruments"),
        stative_passives=data.words("stative_passives"),
        reported_harm_code=data.get("reported_harm_code"),
        occurrence_verbs=data.phrases("occurrence_verbs"),
        assassination_verbs=data.phrases("assassination", "verbs"),
        assassination_agents=data.words("assassination", "agents"),
        assassination_code=data.part("assassination").get("code"),
        weapons=dict(data.part("weapons").get("codes") or {}),
        generic_attack_codes=data.words("weapons", "generic"),
        optimism_codes=data.words("optimism_codes"),
        hearsay_nouns=data.words("hearsay_nouns"),
        defiance_nouns=data.words("defiance", "nouns"),
        defiance_code=data.part("defiance").get("code"),
        sport_words=data.words("sport", "words"),
        sport_roots=data.words("sport", "roots"),
        gathering_nouns=data.words("gathering_nouns"),
        demand_aims=dict(data.get("demand_aims") or {}),
    )


def _context_rules(data: _RulesData) -> dict:
    """Which rules tie an event to the text around it (anaphora, subsumed codes, disabled rules)."""
    return dict(
        anaphora_codes=tuple(data.values("event_anaphora", "codes")),
        anaphora_determiners=data.words("event_anaphora", "determiners"),
        anaphora_generic=data.words("event_anaphora", "generic_nouns"),
        subsumed={k: frozenset(v) for k, v in (data.get("subsumed") or {}).items()},
        disabled_sentence_rules=data.words("sentence_rules", "disabled"),
    )
