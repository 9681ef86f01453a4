"""The coding rules that are not tied to one word (data/patterns/rules.yaml), loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.knowledge.datafiles import load_yaml


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
        merged: dict = {}
        for d in data_dirs:
            path = Path(d) / "patterns" / "rules.yaml"
            if path.exists():
                for key, value in (load_yaml(path, "rules") or {}).items():
                    merged[key] = value

        def part(key: str) -> dict:
            return merged.get(key) or {}

        def values(key: str, sub: str | None) -> list:
            return (part(key).get(sub) if sub else merged.get(key)) or []

        def words(key: str, sub: str | None = None) -> frozenset[str]:
            return frozenset(values(key, sub))

        def phrases(key: str, sub: str | None = None) -> tuple[tuple[str, ...], ...]:
            # "break out", "shoot dead": a lemma and the words that must go with it
            return tuple(tuple(v.split()) for v in values(key, sub))

        venue = part("venue")
        return cls(
            targetless_roots=words("targetless_roots"),
            venue_codes=words("venue", "codes"),
            visitor_code=venue.get("visitor", "042"),
            host_code=venue.get("host", "043"),
            future_verbs=words("future_verbs"),
            hypothetical_verbs=words("hypothetical_verbs"),
            negating_verbs=words("negating_verbs"),
            venue_target_roots=words("venue_target_roots"),
            allegation_verbs=words("allegation", "verbs"),
            allegation_code=part("allegation").get("code", "112"),
            reciprocal_roots=words("reciprocal_roots"),
            obligation_aux=words("obligation", "aux"),
            obligation_code=part("obligation").get("code", "100"),
            refusal_verbs=words("refusal", "verbs"),
            refusal_roots=words("refusal", "roots"),
            refusal_default=part("refusal").get("default", "120"),
            refusal_codes=dict(part("refusal").get("codes") or {}),
            non_actor_heads=words("non_actor_heads"),
            domestic_roots=words("domestic_roots"),
            appeal_verbs=words("appeal", "verbs"),
            appeal_code=part("appeal").get("code", "020"),
            passive_place_roots=words("passive_place_roots"),
            conditional_target_roots=words("conditional_target_roots"),
            statement_nouns=words("statements", "nouns"),
            statement_verbs=words("statements", "verbs"),
            conditional_threat=merged.get("conditional_threat"),
            cancelling_verbs=phrases("cancelling_verbs"),
            target_phrases=words("target_phrases"),
            accusation_roots=words("accusation", "roots"),
            accusation_preps=words("accusation", "preps"),
            own_country_codes=tuple(values("own_country_codes", None)),
            responsible_words=words("responsible_words"),
            documents=words("documents"),
            clause_codes=dict(merged.get("clause_codes") or {}),
            place_target_roots=words("place_target_roots"),
            instruments=words("instruments"),
            stative_passives=words("stative_passives"),
            own_force_roots=words("own_forces", "roots"),
            own_force_agents=words("own_forces", "agents"),
            reported_harm_code=merged.get("reported_harm_code"),
            relational_nouns=words("relational_nouns"),
            anaphora_codes=tuple(values("event_anaphora", "codes")),
            anaphora_determiners=words("event_anaphora", "determiners"),
            anaphora_generic=words("event_anaphora", "generic_nouns"),
            occurrence_verbs=phrases("occurrence_verbs"),
            hedges=words("hedges"),
            assassination_verbs=phrases("assassination", "verbs"),
            assassination_agents=words("assassination", "agents"),
            assassination_code=part("assassination").get("code"),
            weapons=dict(part("weapons").get("codes") or {}),
            generic_attack_codes=words("weapons", "generic"),
            optimism_codes=words("optimism_codes"),
            hearsay_nouns=words("hearsay_nouns"),
            defiance_nouns=words("defiance", "nouns"),
            defiance_code=part("defiance").get("code"),
            sport_words=words("sport", "words"),
            sport_roots=words("sport", "roots"),
            gathering_nouns=words("gathering_nouns"),
            background_aux=words("background_aux"),
            subject_matter_roots=words("subject_matter_roots"),
            demand_aims=dict(merged.get("demand_aims") or {}),
            subsumed={k: frozenset(v) for k, v in (merged.get("subsumed") or {}).items()},
            governing_verbs=words("future_verbs")
            | words("hypothetical_verbs")
            | words("negating_verbs"),
            disabled_sentence_rules=words("sentence_rules", "disabled"),
        )
