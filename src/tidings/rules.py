"""The coding rules that are not tied to one word (data/patterns/rules.yaml), loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.datafiles import load_yaml


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
        venue = merged.get("venue") or {}
        return cls(
            targetless_roots=frozenset(merged.get("targetless_roots") or ()),
            venue_codes=frozenset(venue.get("codes") or ()),
            visitor_code=venue.get("visitor", "042"),
            host_code=venue.get("host", "043"),
            future_verbs=frozenset(merged.get("future_verbs") or ()),
            hypothetical_verbs=frozenset(merged.get("hypothetical_verbs") or ()),
            negating_verbs=frozenset(merged.get("negating_verbs") or ()),
            venue_target_roots=frozenset(merged.get("venue_target_roots") or ()),
            allegation_verbs=frozenset((merged.get("allegation") or {}).get("verbs") or ()),
            allegation_code=(merged.get("allegation") or {}).get("code", "112"),
            reciprocal_roots=frozenset(merged.get("reciprocal_roots") or ()),
            obligation_aux=frozenset((merged.get("obligation") or {}).get("aux") or ()),
            obligation_code=(merged.get("obligation") or {}).get("code", "100"),
            refusal_verbs=frozenset((merged.get("refusal") or {}).get("verbs") or ()),
            refusal_roots=frozenset((merged.get("refusal") or {}).get("roots") or ()),
            refusal_default=(merged.get("refusal") or {}).get("default", "120"),
            refusal_codes=dict((merged.get("refusal") or {}).get("codes") or {}),
            non_actor_heads=frozenset(merged.get("non_actor_heads") or ()),
            domestic_roots=frozenset(merged.get("domestic_roots") or ()),
            appeal_verbs=frozenset((merged.get("appeal") or {}).get("verbs") or ()),
            appeal_code=(merged.get("appeal") or {}).get("code", "020"),
            passive_place_roots=frozenset(merged.get("passive_place_roots") or ()),
            conditional_target_roots=frozenset(merged.get("conditional_target_roots") or ()),
            statement_nouns=frozenset((merged.get("statements") or {}).get("nouns") or ()),
            statement_verbs=frozenset((merged.get("statements") or {}).get("verbs") or ()),
            conditional_threat=merged.get("conditional_threat"),
            cancelling_verbs=tuple(tuple(v.split()) for v in merged.get("cancelling_verbs") or ()),
            target_phrases=frozenset(merged.get("target_phrases") or ()),
            accusation_roots=frozenset((merged.get("accusation") or {}).get("roots") or ()),
            accusation_preps=frozenset((merged.get("accusation") or {}).get("preps") or ()),
            own_country_codes=tuple(merged.get("own_country_codes") or ()),
            responsible_words=frozenset(merged.get("responsible_words") or ()),
            documents=frozenset(merged.get("documents") or ()),
            clause_codes=dict(merged.get("clause_codes") or {}),
            place_target_roots=frozenset(merged.get("place_target_roots") or ()),
            instruments=frozenset(merged.get("instruments") or ()),
            stative_passives=frozenset(merged.get("stative_passives") or ()),
            own_force_roots=frozenset((merged.get("own_forces") or {}).get("roots") or ()),
            own_force_agents=frozenset((merged.get("own_forces") or {}).get("agents") or ()),
            reported_harm_code=merged.get("reported_harm_code"),
            relational_nouns=frozenset(merged.get("relational_nouns") or ()),
            anaphora_codes=tuple((merged.get("event_anaphora") or {}).get("codes") or ()),
            anaphora_determiners=frozenset(
                (merged.get("event_anaphora") or {}).get("determiners") or ()),
            anaphora_generic=frozenset(
                (merged.get("event_anaphora") or {}).get("generic_nouns") or ()),
            occurrence_verbs=tuple(tuple(v.split()) for v in merged.get("occurrence_verbs") or ()),
            hedges=frozenset(merged.get("hedges") or ()),
            assassination_verbs=tuple(tuple(v.split()) for v in
                                      (merged.get("assassination") or {}).get("verbs") or ()),
            assassination_agents=frozenset(
                (merged.get("assassination") or {}).get("agents") or ()),
            assassination_code=(merged.get("assassination") or {}).get("code"),
            weapons=dict((merged.get("weapons") or {}).get("codes") or {}),
            generic_attack_codes=frozenset((merged.get("weapons") or {}).get("generic") or ()),
            optimism_codes=frozenset(merged.get("optimism_codes") or ()),
            hearsay_nouns=frozenset(merged.get("hearsay_nouns") or ()),
            defiance_nouns=frozenset((merged.get("defiance") or {}).get("nouns") or ()),
            defiance_code=(merged.get("defiance") or {}).get("code"),
            sport_words=frozenset((merged.get("sport") or {}).get("words") or ()),
            sport_roots=frozenset((merged.get("sport") or {}).get("roots") or ()),
            gathering_nouns=frozenset(merged.get("gathering_nouns") or ()),
            background_aux=frozenset(merged.get("background_aux") or ()),
            subject_matter_roots=frozenset(merged.get("subject_matter_roots") or ()),
            demand_aims=dict(merged.get("demand_aims") or {}),
            subsumed={k: frozenset(v) for k, v in (merged.get("subsumed") or {}).items()},
            governing_verbs=frozenset(merged.get("future_verbs") or ())
            | frozenset(merged.get("hypothetical_verbs") or ())
            | frozenset(merged.get("negating_verbs") or ()),
        )
