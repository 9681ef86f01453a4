"""The coding rules that are not tied to one word (data/patterns/rules.yaml), loaded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.knowledge.bundle import Knowledge, load_knowledge
from tidings.knowledge.datafiles import DataFileError


@dataclass(frozen=True, slots=True)
class Rules:
    """Small coding rules that are data, not code (data/patterns/rules.yaml)."""

    targetless_roots: frozenset[str]
    addressed_roots: frozenset[str]
    targetless_codes: frozenset[str]
    shared_recipient_roots: frozenset[str]
    answer_roots: frozenset[str]
    provoked_roots: frozenset[str]
    border_nouns: frozenset[str]
    home_alert_codes: frozenset[str]
    cause_preps_time: frozenset[str]
    response_nouns: frozenset[str]
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
    allegation_verbs: frozenset[str]
    charging_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    allegation_labels: str | None
    allegation_code: str
    reciprocal_roots: frozenset[str]
    obligation_aux: frozenset[str]
    obligation_code: str
    mandative_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_roots: frozenset[str]
    refusal_default: str
    refusal_codes: dict[str, str]
    refusal_negated_future: bool
    non_actor_heads: frozenset[str]
    carrier_verbs: frozenset[str]
    accident_verbs: frozenset[str]
    attack_doer_roots: frozenset[str]
    attack_doer_preps: frozenset[str]
    domestic_roots: frozenset[str]
    people_sectors: frozenset[str]
    statistic_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    passive_place_roots: frozenset[str]
    conditional_target_roots: frozenset[str]
    concession_roots: frozenset[str]
    rejected_object_roots: frozenset[str]
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
    means_preps: frozenset[str]
    accusation_roots: frozenset[str]
    accusation_preps: frozenset[str]
    subsumed: dict[str, frozenset[str]]
    own_country_codes: tuple[str, ...]
    own_force_roots: frozenset[str]
    responsible_words: frozenset[str]
    responsibility_nouns: frozenset[str]
    accusation_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    topic_preps: frozenset[str]
    topic_only_codes: frozenset[str]
    abroad_only_roots: frozenset[str]
    documents: frozenset[str]
    clause_codes: dict[str, str]
    place_target_roots: frozenset[str]
    instruments: frozenset[str]
    prompting_verbs: frozenset[str]
    stative_passives: frozenset[str]
    own_force_agents: frozenset[str]
    force_orders: frozenset[str]
    forces_moved: dict[str, str]
    reported_harm_code: str | None
    relational_nouns: frozenset[str]
    anaphora_codes: tuple[str, ...]
    anaphora_determiners: frozenset[str]
    anaphora_generic: frozenset[str]
    occurrence_verbs: tuple[tuple[str, ...], ...]
    hedges: frozenset[str]
    demand_aims: dict[str, str]
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
    optimism_codes: frozenset[str]
    prospect_codes: frozenset[str]
    prospect_preps: frozenset[str]
    weapons: dict[str, str | None]
    generic_attack_codes: frozenset[str]
    assassination_verbs: tuple[tuple[str, ...], ...]
    assassination_agents: frozenset[str]
    assassination_ranked: frozenset[str]
    assassination_ranks: frozenset[str]
    assassination_code: str | None
    riot_doers: frozenset[str]
    crowd_protest_class: str | None
    visiting_words: frozenset[str]
    denial_roots: frozenset[str]
    lawsuit_codes: frozenset[str]
    lawsuit_courts: frozenset[str]
    lawsuit_agents: frozenset[str]
    lawsuit_accuse_roots: frozenset[str]
    denial_nouns: frozenset[str]
    denial_code: str | None
    ending_verbs: tuple[tuple[str, ...], ...]
    ended_roots: frozenset[str]
    crowd_protest_participles: frozenset[str]
    repression_targets: frozenset[str]
    repression_doers: frozenset[str]
    repression_target_agents: frozenset[str]
    repression_police: frozenset[str]
    repression_people: frozenset[str]
    repression_roots: tuple[str, ...]
    repression_code: str | None
    result_verbs: frozenset[str]
    expulsion_codes: frozenset[str]
    elaboration_roots: frozenset[str]
    expulsion_code: str | None
    expulsion_by_target: dict[str, str]
    assistance_codes: frozenset[str]
    assistance_code: str | None
    assistance_aims: frozenset[str]
    result_roots: frozenset[str]
    riot_roots: tuple[str, ...]
    riot_code: str | None
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
    bare_time_words: frozenset[str]
    measure_nouns: frozenset[str]
    warning_verbs: frozenset[str]
    negating_determiners: frozenset[str]
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
    ethnic: frozenset[str]
    people_groups: frozenset[str]
    role_words: frozenset[str]
    adjective_homographs: frozenset[str]
    place_nouns: frozenset[str]
    former: frozenset[str]
    involvement_verbs: frozenset[str]
    allegiance: frozenset[str]
    staff_nouns: frozenset[str]
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
        data = _RulesData(knowledge.merged("patterns/rules.yaml"))
        return cls(
            **_clause_rules(data),
            **_actor_rules(data),
            **_event_rules(data),
            **_setting_rules(data),
            **_answer_rules(data),
            **_context_rules(data),
            **_grammar_rules(data),
            **_preposition_rules(data),
            **_actor_words(data),
            **_code_rules(data),
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

    def ordered(self, key: str, sub: str) -> tuple[str, ...]:
        """The words listed under one key of a section, in their order."""
        return tuple(self.values(key, sub))

    def code(self, sub: str) -> str:
        """One code of the `codes` section (the bundled rules.yaml names every one)."""
        value = self.part("codes").get(sub)
        if not isinstance(value, str):
            raise DataFileError(f"patterns/rules.yaml: codes.{sub} is missing")
        return value

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
        charging_verbs=data.words("allegation", "charging_verbs"),
        finding_verbs=data.words("allegation", "finding_verbs"),
        allegation_labels=data.part("allegation").get("labels"),
        allegation_code=data.part("allegation").get("code", "112"),
        obligation_aux=data.words("obligation", "aux"),
        obligation_code=data.part("obligation").get("code", "100"),
        mandative_verbs=data.words("obligation", "mandative_verbs"),
        refusal_verbs=data.words("refusal", "verbs"),
        refusal_roots=data.words("refusal", "roots"),
        refusal_default=data.part("refusal").get("default", "120"),
        refusal_codes=dict(data.part("refusal").get("codes") or {}),
        refusal_negated_future=bool(data.part("refusal").get("negated_future")),
        appeal_verbs=data.words("appeal", "verbs"),
        appeal_code=data.part("appeal").get("code", "020"),
        conditional_threat=data.get("conditional_threat"),
        cancelling_verbs=data.phrases("cancelling_verbs"),
        clause_codes=dict(data.get("clause_codes") or {}),
        hedges=data.words("hedges"),
        background_aux=data.words("background_aux"),
        dated_past_years=data.get("dated_past_years"),
        governing_verbs=data.words("future_verbs")
        | data.words("hypothetical_verbs")
        | data.words("negating_verbs"),
    )


def _actor_rules(data: _RulesData) -> dict:
    """Which words and codes name (or do not name) the actors and targets of an event."""
    return dict(
        targetless_roots=data.words("targetless_roots"),
        addressed_roots=data.words("addressed_roots"),
        targetless_codes=data.words("targetless_codes"),
        shared_recipient_roots=data.words("shared_recipient_roots"),
        answer_roots=data.words("answer_roots"),
        provoked_roots=data.words("provoked_roots"),
        border_nouns=data.words("border_nouns"),
        home_alert_codes=data.words("home_alert_codes"),
        cause_preps_time=data.words("provocation", "preps"),
        response_nouns=data.words("provocation", "response_nouns"),
        shared_target_roots=data.words("shared_target_roots"),
        recipient_codes=tuple(data.values("recipient_preps", "codes")),
        recipient_preps=tuple(data.values("recipient_preps", "preps")),
        venue_target_roots=data.words("venue_target_roots"),
        reciprocal_roots=data.words("reciprocal_roots"),
        non_actor_heads=data.words("non_actor_heads"),
        carrier_verbs=data.words("carrier_verbs"),
        accident_verbs=data.words("accident_verbs"),
        attack_doer_roots=data.words("attack_doer_roots"),
        attack_doer_preps=data.words("attack_doer_preps"),
        domestic_roots=data.words("domestic_roots"),
        people_sectors=data.words("people_sectors"),
        statistic_verbs=data.words("statistic_verbs"),
        passive_place_roots=data.words("passive_place_roots"),
        conditional_target_roots=data.words("conditional_target_roots"),
        concession_roots=data.words("concession", "roots"),
        rejected_object_roots=data.words("rejected_object_roots"),
        concession_preps=data.words("concession", "preps"),
        target_phrases=data.words("target_phrases"),
        cause_preps=data.words("cause_preps"),
        evaluation_from=data.words("evaluations", "from"),
        evaluation_class=data.part("evaluations").get("class"),
        evaluation_code=data.part("evaluations").get("code"),
        release_codes=data.words("release_holders", "codes"),
        release_holder_codes=tuple(data.values("release_holders", "holder_codes")),
        release_held_verbs=data.words("release_holders", "held_verbs"),
        background_span_marks=data.words("background_spans", "marks"),
        background_span_units=data.words("background_spans", "units"),
        means_preps=data.words("means_preps"),
        accusation_roots=data.words("accusation", "roots"),
        accusation_preps=data.words("accusation", "preps"),
        own_country_codes=tuple(data.values("own_country_codes", None)),
        responsible_words=data.words("responsible_words"),
        responsibility_nouns=data.words("responsibility_nouns"),
        accusation_nouns=data.words("accusation_nouns"),
        topic_verbs=data.words("topic_verbs"),
        topic_preps=data.words("topic_preps"),
        topic_only_codes=data.words("topic_only_codes"),
        abroad_only_roots=data.words("abroad_only_roots"),
        place_target_roots=data.words("place_target_roots"),
        own_force_roots=data.words("own_forces", "roots"),
        own_force_agents=data.words("own_forces", "agents"),
        force_orders=data.words("own_forces", "orders"),
        forces_moved=dict(data.part("own_forces").get("moved") or {}),
        relational_nouns=data.words("relational_nouns"),
        subject_matter_roots=data.words("subject_matter_roots"),
        nameless_sources=data.words("nameless_sources"),
    )


def _event_rules(data: _RulesData) -> dict:
    """Which words make, recode or drop an event (venues, weapons, assassinations, sport...)."""
    venue = data.part("venue")
    return dict(
        venue_codes=data.words("venue", "codes"),
        visitor_code=venue.get("visitor", "042"),
        host_code=venue.get("host", "043"),
        visits_both_ways=bool(venue.get("both_ways", False)),
        statement_nouns=data.words("statements", "nouns"),
        statement_verbs=data.words("statements", "verbs"),
        documents=data.words("documents"),
        instruments=data.words("instruments"),
        prompting_verbs=data.words("prompting_verbs"),
        stative_passives=data.words("stative_passives"),
        reported_harm_code=data.get("reported_harm_code"),
        occurrence_verbs=data.phrases("occurrence_verbs"),
        assassination_verbs=data.phrases("assassination", "verbs"),
        assassination_agents=data.words("assassination", "agents"),
        assassination_ranked=data.words("assassination", "ranked_agents"),
        assassination_ranks=data.words("assassination", "ranks"),
        assassination_code=data.part("assassination").get("code"),
        riot_doers=data.words("riot", "doers"),
        crowd_protest_class=data.part("crowd_protest").get("class"),
        ending_verbs=data.phrases("ended_fighting", "verbs"),
        ended_roots=data.words("ended_fighting", "roots"),
        crowd_protest_participles=data.words("crowd_protest", "participles"),
        repression_targets=data.words("repression", "targets"),
        repression_doers=data.words("repression", "doers"),
        repression_target_agents=data.words("repression", "target_agents"),
        repression_police=data.words("repression", "police"),
        repression_people=data.words("repression", "people"),
        repression_roots=tuple(data.values("repression", "roots")),
        repression_code=data.part("repression").get("code"),
        result_verbs=data.words("results", "verbs"),
        purpose_nouns=data.words("purpose", "nouns"),
        participle_target_roots=data.words("participle_target_roots"),
        purpose_verbs=data.words("purpose", "verbs"),
        purpose_preps=data.words("purpose", "preps"),
        expulsion_codes=data.words("expulsions", "codes"),
        elaboration_roots=data.words("elaborations", "roots"),
        expulsion_code=data.part("expulsions").get("code"),
        expulsion_by_target=dict(data.part("expulsions").get("by_target") or {}),
        assistance_codes=data.words("assistance", "codes"),
        assistance_code=data.part("assistance").get("code"),
        assistance_aims=data.words("assistance", "aims"),
        result_roots=data.words("results", "roots"),
        riot_roots=tuple(data.values("riot", "roots")),
        riot_code=data.part("riot").get("code"),
        unconventional_doers=data.words("unconventional", "doers"),
        unconventional_doer_codes=tuple(data.values("unconventional", "doer_codes")),
        unconventional_victims=data.words("unconventional", "victims"),
        unconventional_codes=frozenset(data.values("unconventional", "codes")),
        unconventional_code=data.part("unconventional").get("code"),
        business_deal_codes=frozenset(data.values("business_deals", "codes")),
        business_sectors=data.words("business_deals", "sectors"),
        business_deal_code=data.part("business_deals").get("code"),
        seizure_codes=data.words("seized_people", "codes"),
        seizure_state_agents=data.words("seized_people", "state_agents"),
        seizure_state_code=data.part("seized_people").get("state_code"),
        seizure_armed_code=data.part("seized_people").get("armed_code"),
        weapons=dict(data.part("weapons").get("codes") or {}),
        generic_attack_codes=data.words("weapons", "generic"),
        optimism_codes=data.words("optimism_codes"),
        prospect_codes=data.words("prospect", "codes"),
        prospect_preps=data.words("prospect", "preps"),
        hearsay_nouns=data.words("hearsay_nouns"),
        defiance_nouns=data.words("defiance", "nouns"),
        defiance_code=data.part("defiance").get("code"),
        sport_words=data.words("sport", "words"),
        sport_roots=data.words("sport", "roots"),
        contest_verbs=data.words("sport", "contest_verbs"),
        demand_aims=dict(data.get("demand_aims") or {}),
    )


def _setting_rules(data: _RulesData) -> dict:
    """Which words name the talks, gatherings, mediation and visits an act was done in."""
    return dict(
        gathering_nouns=data.words("gathering_nouns"),
        setting_nouns=dict(data.part("consultation_setting").get("nouns") or {}),
        mediation_nouns=data.words("mediation", "nouns"),
        mediation_preps=data.words("mediation", "preps"),
        mediation_code=data.part("mediation").get("code"),
        setting_roots=data.words("consultation_setting", "roots"),
        setting_party_preps=data.words("consultation_setting", "party_preps"),
        setting_conflict_nouns=data.words("consultation_setting", "conflict_nouns"),
        setting_conflict_roots=data.words("consultation_setting", "conflict_roots"),
        visiting_words=data.words("visiting_words"),
    )


def _answer_rules(data: _RulesData) -> dict:
    """What answers an accusation: a denial, a lawsuit against the accused."""
    return dict(
        denial_roots=data.words("denial", "roots"),
        denial_nouns=data.words("denial", "nouns"),
        denial_code=data.part("denial").get("code"),
        lawsuit_codes=data.words("lawsuit", "codes"),
        lawsuit_courts=data.words("lawsuit", "courts"),
        lawsuit_agents=data.words("lawsuit", "court_agents"),
        lawsuit_accuse_roots=data.words("lawsuit", "accuse_roots"),
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


def _grammar_rules(data: _RulesData) -> dict:
    """The function words of English the parse rules read: auxiliaries, clause marks,
    pronouns and determiners."""
    return {key: data.words("grammar", key) for key in (
        "future_aux", "hypothetical_aux", "possible_aux", "question_marks",
        "conditional_marks", "adverbial_marks", "simultaneous_marks", "relative_pronouns",
        "person_pronouns", "thing_pronouns", "plural_pronouns", "speaker_pronouns",
        "owner_pronouns", "definite_determiners", "anaphoric_determiners", "articles",
        "pair_quantifiers", "name_particles", "side_words", "bare_time_words", "measure_nouns",
        "warning_verbs",
        "negating_determiners")}


def _preposition_rules(data: _RulesData) -> dict:
    """Which prepositions introduce a target, a place, an issuer... (some tried in order)."""
    ordered = ("target_preps", "answer_preps", "place_preps", "object_place_preps",
               "passive_place_preps", "document_place_preps")
    unordered = ("deep_target_preps", "object_preps", "defiance_preps", "issuer_preps",
                 "subject_matter_preps", "gathering_preps", "responsible_preps", "visit_preps",
                 "consultation_preps", "consultation_nouns",
                 "location_preps", "member_preps", "people_place_preps", "where_preps",
                 "allegiance_preps", "command_preps")
    return {**{key: data.ordered("grammar", key) for key in ordered},
            **{key: data.words("grammar", key) for key in unordered}}


def _actor_words(data: _RulesData) -> dict:
    """Which words say who an actor phrase names: pairs, states, groups, peoples, roles."""
    return {key: data.words("actor_words", key) for key in (
        "pair_words", "country_pair_words", "backed", "foreign", "foreign_office",
        "state_nouns", "group_nouns", "ethnic", "people_groups", "role_words", "place_nouns",
        "adjective_homographs",
        "former", "involvement_verbs", "allegiance", "staff_nouns",
        "command_nouns")}


def _code_rules(data: _RulesData) -> dict:
    """The CAMEO roots and agent codes the coder's logic names."""
    return dict(
        meeting_root=data.code("meeting_root"),
        threat_root=data.code("threat_root"),
        violent_roots=data.words("codes", "violent_roots"),
        statement_root=data.code("statement_root"),
        speech_roots=data.words("codes", "speech_roots"),
        elite_agent=data.code("elite_agent"),
        civilian_agent=data.code("civilian_agent"),
        government_agent=data.code("government_agent"),
    )
