"""The coding rules that are not tied to one word (data/patterns/rules.yaml), loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.coder.rules_sections import (
    JointWork,
    MassKilling,
    RallySupport,
    RulesData,
    SimilarActs,
    actor_rules,
    actor_words,
    aim_rules,
    answer_rules,
    clause_rules,
    code_rules,
    context_rules,
    event_rules,
    grammar_rules,
    preposition_rules,
    setting_rules,
    word_rules,
)
from tidings.knowledge.bundle import Knowledge, load_knowledge


@dataclass(frozen=True, slots=True)
class Rules:
    """Small coding rules that are data, not code (data/patterns/rules.yaml)."""

    targetless_roots: frozenset[str]
    addressed_roots: frozenset[str]
    targetless_codes: frozenset[str]
    shared_recipient_roots: frozenset[str]
    destination_roots: frozenset[str]
    armed_anaphora_agents: frozenset[str]
    state_self_agents: frozenset[str]
    answer_roots: frozenset[str]
    answered_roots: dict[str, frozenset[str]]
    provoked_roots: frozenset[str]
    criticised_codes: tuple[str, ...]
    other_doer_roots: frozenset[str]
    border_nouns: frozenset[str]
    border_preps: frozenset[str]
    home_alert_codes: frozenset[str]
    cause_preps_time: frozenset[str]
    response_nouns: frozenset[str]
    response_verbs: frozenset[str]
    shared_target_roots: frozenset[str]
    recipient_codes: tuple[str, ...]
    recipient_preps: tuple[str, ...]
    venue_codes: frozenset[str]
    visitor_code: str
    host_code: str
    visits_both_ways: bool
    future_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    venue_target_roots: frozenset[str]
    named_target_roots: frozenset[str]
    unknown_doer_roots: frozenset[str]
    act_doer_roots: frozenset[str]
    joint_words: frozenset[str]
    joint_roots: frozenset[str]
    allegation_verbs: frozenset[str]
    charging_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    allegation_labels: str | None
    allegation_code: str
    reciprocal_roots: frozenset[str]
    mutual_roots: frozenset[str]
    mutual_group_words: frozenset[str]
    one_way_codes: tuple[str, ...]
    participle_victim_roots: frozenset[str]
    proximity_roots: frozenset[str]
    proximity_preps: tuple[str, ...]
    meeting_purpose_roots: frozenset[str]
    obligation_aux: frozenset[str]
    obligation_code: str
    mandative_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_roots: frozenset[str]
    refusal_default: str
    refusal_codes: dict[str, str]
    refusal_negated_future: bool
    non_actor_heads: frozenset[str]
    located_events: frozenset[str]
    reason_verbs: frozenset[str]
    speculative_adjectives: frozenset[str]
    prediction_verbs: frozenset[str]
    unreal_verbs: frozenset[str]
    carrier_verbs: frozenset[str]
    onlooker_verbs: frozenset[str]
    toll_subjects: frozenset[str]
    toll_roots: frozenset[str]
    accident_verbs: frozenset[str]
    disaster_nouns: frozenset[str]
    attack_doer_roots: frozenset[str]
    attack_doer_preps: frozenset[str]
    domestic_roots: frozenset[str]
    domestic_agents: frozenset[str]
    people_sectors: frozenset[str]
    statistic_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    passive_place_roots: frozenset[str]
    conditional_target_roots: frozenset[str]
    concession_roots: frozenset[str]
    rejected_object_roots: frozenset[str]
    vetoed_codes: frozenset[str]
    concession_preps: frozenset[str]
    appeal_code: str
    statement_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    conditional_threat: str | None
    cancelling_verbs: tuple[tuple[str, ...], ...]
    target_phrases: frozenset[str]
    cause_preps: frozenset[str]
    evaluation_from: frozenset[str]
    evaluation_class: str | None
    evaluation_code: str | None
    release_codes: frozenset[str]
    release_holder_codes: tuple[str, ...]
    release_held_verbs: frozenset[str]
    background_span_marks: frozenset[str]
    background_span_units: frozenset[str]
    background_span_ranks: frozenset[str]
    means_preps: frozenset[str]
    sequence_preps: frozenset[str]
    accusation_roots: frozenset[str]
    accusation_preps: frozenset[str]
    subsumed: dict[str, frozenset[str]]
    own_country_codes: tuple[str, ...]
    own_country_except: frozenset[str]
    own_force_roots: frozenset[str]
    responsible_words: frozenset[str]
    responsibility_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    accusation_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    topic_preps: frozenset[str]
    topic_only_codes: frozenset[str]
    abroad_only_roots: frozenset[str]
    mutual_topic_roots: frozenset[str]
    own_country_noun_roots: frozenset[str]
    government_target_roots: frozenset[str]
    accusing_participles: frozenset[str]
    documents: frozenset[str]
    clause_codes: dict[str, str]
    place_target_roots: frozenset[str]
    place_target_codes: frozenset[str]
    instruments: frozenset[str]
    enactment_verbs: frozenset[str]
    enactment_nouns: frozenset[str]
    prompting_verbs: frozenset[str]
    stative_passives: frozenset[str]
    own_force_agents: frozenset[str]
    force_orders: frozenset[str]
    order_verbs: frozenset[str]
    forces_moved: dict[str, str]
    reported_harm_code: str | None
    reported_harm_words: dict[str, frozenset[str]]
    relational_nouns: frozenset[str]
    anaphora_codes: tuple[str, ...]
    anaphora_determiners: frozenset[str]
    anaphora_generic: frozenset[str]
    occurrence_verbs: tuple[tuple[str, ...], ...]
    hedges: frozenset[str]
    demand_aims: dict[str, str]
    requested_codes: frozenset[str]
    withdrawn_codes: frozenset[str]
    withdrawn_classes: dict[str, str]
    requested_mirrors: dict[str, str]
    topics: tuple[tuple[dict[str, str], dict[str, str]], ...]
    halt_verbs: frozenset[str]
    meeting_codes: frozenset[str]
    phone_class: str
    phone_code: str | None
    third_place_codes: frozenset[str]
    third_place_code: str | None
    halt_roots: frozenset[str]
    halt_code: str | None
    setting_nouns: dict[str, str]
    mediation_nouns: frozenset[str]
    mediation_preps: frozenset[str]
    mediation_code: str | None
    setting_roots: frozenset[str]
    setting_party_preps: frozenset[str]
    setting_conflict_nouns: frozenset[str]
    setting_conflict_roots: frozenset[str]
    subject_matter_roots: frozenset[str]
    nameless_sources: frozenset[str]
    background_aux: frozenset[str]
    dated_past_years: int | None
    gathering_nouns: frozenset[str]
    sport_words: frozenset[str]
    sport_roots: frozenset[str]
    contest_verbs: frozenset[str]
    defiance_nouns: frozenset[str]
    defiance_code: str | None
    hearsay_nouns: frozenset[str]
    unreal_nouns: frozenset[str]
    optimism_codes: frozenset[str]
    prospect_codes: frozenset[str]
    prospect_preps: frozenset[str]
    weapons: dict[str, str | None]
    generic_attack_codes: frozenset[str]
    weapon_preps: frozenset[str]
    domestic_sanction_codes: frozenset[str]
    ultimatum_codes: frozenset[str]
    ultimatum_words: frozenset[str]
    ultimatum_code: str | None
    domestic_sanction_code: str | None
    # the weapons an attack's own phrases may name: weapons.codes and weapons.fire_codes
    phrase_weapons: dict[str, str | None]
    assassination_verbs: tuple[tuple[str, ...], ...]
    assassination_agents: frozenset[str]
    assassination_ranked: frozenset[str]
    assassination_ranks: frozenset[str]
    assassination_code: str | None
    attempt_verbs: tuple[tuple[str, ...], ...]
    attempt_code: str | None
    riot_doers: frozenset[str]
    crowd_protest_class: str | None
    visiting_words: frozenset[str]
    denial_roots: frozenset[str]
    lawsuit_codes: frozenset[str]
    lawsuit_courts: frozenset[str]
    lawsuit_agents: frozenset[str]
    lawsuit_accuse_roots: frozenset[str]
    mass_killing: MassKilling | None
    rally_support: RallySupport
    rally_opposition: RallySupport
    similar_acts: SimilarActs
    joint_work: JointWork
    denial_nouns: frozenset[str]
    denial_code: str | None
    ending_verbs: tuple[tuple[str, ...], ...]
    ended_roots: frozenset[str]
    crowd_protest_participles: frozenset[str]
    repression_targets: frozenset[str]
    repression_protesting: frozenset[str]
    repression_doers: frozenset[str]
    repression_target_agents: frozenset[str]
    repression_police: frozenset[str]
    repression_people: frozenset[str]
    repression_roots: tuple[str, ...]
    repression_code: str | None
    result_verbs: frozenset[str]
    expulsion_codes: frozenset[str]
    elaboration_roots: frozenset[str]
    plain_statement_codes: frozenset[str]
    expulsion_code: str | None
    expulsion_by_target: dict[str, str]
    assistance_codes: frozenset[str]
    assistance_code: str | None
    assistance_aims: frozenset[str]
    result_roots: frozenset[str]
    riot_roots: tuple[str, ...]
    riot_code: str | None
    crowd_demand_code: str | None
    expulsion_mission_codes: frozenset[str]
    verbal_attack_doers: frozenset[str]
    verbal_attack_codes: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    verbal_attack_code: str | None
    unconventional_doers: frozenset[str]
    unconventional_doer_codes: tuple[str, ...]
    unconventional_victims: frozenset[str]
    unconventional_codes: frozenset[str]
    unconventional_code: str | None
    business_deal_codes: frozenset[str]
    business_sectors: frozenset[str]
    business_deal_code: str | None
    seizure_codes: frozenset[str]
    seizure_state_agents: frozenset[str]
    seizure_state_code: str | None
    seizure_armed_code: str | None
    seizure_place_code: str | None
    # Verbs whose complement is not asserted as it stands (future, wished, refused).
    governing_verbs: frozenset[str]
    # Words of English grammar (the `grammar` section): auxiliaries, clause marks, pronouns,
    # determiners and prepositions. The tuples are tried in their order.
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    possible_aux: frozenset[str]
    question_marks: frozenset[str]
    conditional_marks: frozenset[str]
    adverbial_marks: frozenset[str]
    simultaneous_marks: frozenset[str]
    relative_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    owner_pronouns: frozenset[str]
    definite_determiners: frozenset[str]
    anaphoric_determiners: frozenset[str]
    articles: frozenset[str]
    pair_quantifiers: frozenset[str]
    name_particles: frozenset[str]
    side_words: frozenset[str]
    manner_suffixes: frozenset[str]
    water_words: frozenset[str]
    bare_time_words: frozenset[str]
    measure_nouns: frozenset[str]
    attributive_participles: frozenset[str]
    aspect_verbs: frozenset[str]
    conduct_verbs: frozenset[str]
    conduct_idioms: frozenset[str]
    manner_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    negating_determiners: frozenset[str]
    pending_adverbs: frozenset[str]
    inverted_conditional_aux: frozenset[str]
    permission_verbs: frozenset[str]
    conative_preps: frozenset[str]
    purpose_nouns: frozenset[str]
    participle_target_roots: frozenset[str]
    purpose_verbs: frozenset[str]
    purpose_preps: frozenset[str]
    target_preps: tuple[str, ...]
    deep_target_preps: frozenset[str]
    object_preps: frozenset[str]
    answer_preps: tuple[str, ...]
    defiance_preps: frozenset[str]
    issuer_preps: frozenset[str]
    subject_matter_preps: frozenset[str]
    gathering_preps: frozenset[str]
    responsible_preps: frozenset[str]
    visit_preps: frozenset[str]
    venue_preps: frozenset[str]
    consultation_preps: frozenset[str]
    consultation_nouns: frozenset[str]
    place_preps: tuple[str, ...]
    object_place_preps: tuple[str, ...]
    passive_place_preps: tuple[str, ...]
    document_place_preps: tuple[str, ...]
    location_preps: frozenset[str]
    member_preps: frozenset[str]
    allegiance_preps: frozenset[str]
    command_preps: frozenset[str]
    people_place_preps: frozenset[str]
    where_preps: frozenset[str]
    # Words about actors (the `actor_words` section).
    pair_words: frozenset[str]
    country_pair_words: frozenset[str]
    backed: frozenset[str]
    foreign: frozenset[str]
    foreign_office: frozenset[str]
    state_nouns: frozenset[str]
    group_nouns: frozenset[str]
    nonstate_group_nouns: frozenset[str]
    ethnic: frozenset[str]
    people_groups: frozenset[str]
    role_words: frozenset[str]
    adjective_homographs: frozenset[str]
    stance_prefixes: frozenset[str]
    place_nouns: frozenset[str]
    former: frozenset[str]
    involvement_verbs: frozenset[str]
    allegiance: frozenset[str]
    staff_nouns: frozenset[str]
    person_owned_agents: frozenset[str]
    commentators: frozenset[str]
    carrier_nouns: frozenset[str]
    mission_buildings: frozenset[str]
    aide_nouns: frozenset[str]
    aide_preps: frozenset[str]
    command_nouns: frozenset[str]
    # CAMEO codes the logic names (the `codes` section).
    meeting_root: str
    threat_root: str
    violent_roots: frozenset[str]
    statement_root: str
    speech_roots: frozenset[str]
    elite_agent: str
    civilian_agent: str
    government_agent: str
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
        data = RulesData(knowledge.merged("patterns/rules.yaml"))
        return cls(
            **clause_rules(data),
            **actor_rules(data),
            **aim_rules(data),
            **event_rules(data),
            **word_rules(data),
            **setting_rules(data),
            **answer_rules(data),
            **context_rules(data),
            **grammar_rules(data),
            **preposition_rules(data),
            **actor_words(data),
            **code_rules(data),
        )
