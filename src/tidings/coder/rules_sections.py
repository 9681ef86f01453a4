"""How each group of Rules fields is read from the merged rules.yaml (see rules.py)."""

from __future__ import annotations

from dataclasses import dataclass

from tidings.knowledge.datafiles import DataFileError


class RulesData:
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


def clause_rules(data: RulesData) -> dict:
    """Which verbs and auxiliaries change what a clause asserts (future, refused, obliged...)."""
    return dict(
        joint_words=data.words("joint_acts", "words"),
        act_doer_roots=data.words("act_doer_roots"),
        named_target_roots=data.words("named_target_roots"),
        one_way_codes=tuple(data.words("one_way_codes")),
        participle_victim_roots=data.words("participle_victim_roots"),
        disaster_nouns=data.words("disaster_nouns"),
        proximity_roots=data.words("proximity_targets", "roots"),
        proximity_preps=tuple(data.values("proximity_targets", "preps")),
        meeting_purpose_roots=data.words("meeting_purpose_roots"),
        enactment_verbs=data.words("enactment", "verbs"),
        enactment_nouns=data.words("enactment", "nouns"),
        attempt_verbs=data.phrases("assassination", "attempt_verbs"),
        attempt_code=data.part("assassination").get("attempt_code"),
        joint_roots=data.words("joint_acts", "roots"),
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


def actor_rules(data: RulesData) -> dict:
    """Which words and codes name (or do not name) the actors and targets of an event."""
    return dict(
        targetless_roots=data.words("targetless_roots"),
        addressed_roots=data.words("addressed_roots"),
        targetless_codes=data.words("targetless_codes"),
        shared_recipient_roots=data.words("shared_recipient_roots"),
        destination_roots=data.words("destination_roots"),
        armed_anaphora_agents=data.words("armed_anaphora", "agents"),
        state_self_agents=data.words("state_self", "agents"),
        answer_roots=data.words("answer_roots"),
        answered_roots={code: frozenset(roots) for code, roots in
                        (data.get("answered_roots") or {}).items()},
        provoked_roots=data.words("provoked_roots"),
        criticised_codes=tuple(data.values("criticised_codes", None)),
        other_doer_roots=data.words("other_doer_roots"),
        border_nouns=data.words("border_nouns"),
        border_preps=data.words("border_preps"),
        home_alert_codes=data.words("home_alert_codes"),
        cause_preps_time=data.words("provocation", "preps"),
        response_nouns=data.words("provocation", "response_nouns"),
        response_verbs=data.words("provocation", "response_verbs"),
        shared_target_roots=data.words("shared_target_roots"),
        recipient_codes=tuple(data.values("recipient_preps", "codes")),
        recipient_preps=tuple(data.values("recipient_preps", "preps")),
        venue_target_roots=data.words("venue_target_roots"),
        reciprocal_roots=data.words("reciprocal_roots"),
        mutual_roots=data.words("mutual_roots"),
        mutual_group_words=data.words("mutual_group_words"),
        non_actor_heads=data.words("non_actor_heads"),
        located_events=data.words("located_events"),
        reason_verbs=data.words("reason_verbs"),
        speculative_adjectives=data.words("speculative_adjectives"),
        prediction_verbs=data.words("prediction_verbs"),
        unreal_verbs=data.words("unreal_verbs"),
        carrier_verbs=data.words("carrier_verbs"),
        onlooker_verbs=data.words("onlooker_verbs"),
        toll_subjects=data.words("toll", "subjects"),
        toll_roots=data.words("toll", "roots"),
        accident_verbs=data.words("accident_verbs"),
        attack_doer_roots=data.words("attack_doer_roots"),
        attack_doer_preps=data.words("attack_doer_preps"),
        domestic_roots=data.words("domestic_roots"),
        domestic_agents=data.words("domestic_agents"),
        people_sectors=data.words("people_sectors"),
        statistic_verbs=data.words("statistic_verbs"),
        passive_place_roots=data.words("passive_place_roots"),
        conditional_target_roots=data.words("conditional_target_roots"),
        concession_roots=data.words("concession", "roots"),
        rejected_object_roots=data.words("rejected_object_roots"),
        vetoed_codes=data.words("vetoed_codes"),
        concession_preps=data.words("concession", "preps"),
        target_phrases=data.words("target_phrases"),
        cause_preps=data.words("cause_preps"),
        nameless_sources=data.words("nameless_sources"),
    )


def aim_rules(data: RulesData) -> dict:
    """Which words say what an event is about, answers or is aimed at: evaluations, releases,
    background spans, accusations, topics, places attacked, a state's own forces."""
    return dict(
        evaluation_from=data.words("evaluations", "from"),
        evaluation_class=data.part("evaluations").get("class"),
        evaluation_code=data.part("evaluations").get("code"),
        release_codes=data.words("release_holders", "codes"),
        release_holder_codes=tuple(data.values("release_holders", "holder_codes")),
        release_held_verbs=data.words("release_holders", "held_verbs"),
        background_span_marks=data.words("background_spans", "marks"),
        background_span_units=data.words("background_spans", "units"),
        background_span_ranks=data.words("background_spans", "ranks"),
        means_preps=data.words("means_preps"),
        sequence_preps=data.words("sequence_preps"),
        accusation_roots=data.words("accusation", "roots"),
        accusation_preps=data.words("accusation", "preps"),
        own_country_codes=tuple(data.values("own_country_codes", None)),
        own_country_except=data.words("own_country_except"),
        responsible_words=data.words("responsible_words"),
        responsibility_nouns=data.words("responsibility_nouns"),
        claim_verbs=data.words("claim_verbs"),
        accusation_nouns=data.words("accusation_nouns"),
        topic_verbs=data.words("topic_verbs"),
        topic_preps=data.words("topic_preps"),
        topic_only_codes=data.words("topic_only_codes"),
        abroad_only_roots=data.words("abroad_only_roots"),
        mutual_topic_roots=data.words("mutual_topic_roots"),
        own_country_noun_roots=data.words("own_country_noun_roots"),
        government_target_roots=data.words("government_target_roots"),
        accusing_participles=data.words("accusing_participles"),
        place_target_roots=data.words("place_target_roots"),
        place_target_codes=data.words("place_target_codes"),
        own_force_roots=data.words("own_forces", "roots"),
        own_force_agents=data.words("own_forces", "agents"),
        force_orders=data.words("own_forces", "orders"),
        order_verbs=data.words("own_forces", "order_verbs"),
        forces_moved=dict(data.part("own_forces").get("moved") or {}),
        relational_nouns=data.words("relational_nouns"),
        subject_matter_roots=data.words("subject_matter_roots"),
    )


def event_rules(data: RulesData) -> dict:
    """Which words make, recode or drop an event (venues, weapons, assassinations, sport...)."""
    venue = data.part("venue")
    return dict(
        unknown_doer_roots=data.words("unknown_doer_roots"),
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
        reported_harm_words={key: data.words("reported_harm", key)
                             for key in ("preps", "adjectives", "nouns")},
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
        repression_protesting=data.words("repression", "protesting"),
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
        plain_statement_codes=data.words("elaborations", "plain_codes"),
        expulsion_code=data.part("expulsions").get("code"),
        expulsion_by_target=dict(data.part("expulsions").get("by_target") or {}),
        assistance_codes=data.words("assistance", "codes"),
        assistance_code=data.part("assistance").get("code"),
        assistance_aims=data.words("assistance", "aims"),
        result_roots=data.words("results", "roots"),
        riot_roots=tuple(data.values("riot", "roots")),
        riot_code=data.part("riot").get("code"),
        crowd_demand_code=data.part("riot").get("demand_code"),
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
        seizure_place_code=data.part("seized_people").get("place_code"),
        weapons=dict(data.part("weapons").get("codes") or {}),
        generic_attack_codes=data.words("weapons", "generic"),
        optimism_codes=data.words("optimism_codes"),
        prospect_codes=data.words("prospect", "codes"),
        prospect_preps=data.words("prospect", "preps"),
        hearsay_nouns=data.words("hearsay_nouns"),
        unreal_nouns=data.words("unreal_nouns"),
        defiance_nouns=data.words("defiance", "nouns"),
        defiance_code=data.part("defiance").get("code"),
        sport_words=data.words("sport", "words"),
        sport_roots=data.words("sport", "roots"),
        contest_verbs=data.words("sport", "contest_verbs"),
    )


def word_rules(data: RulesData) -> dict:
    """Acts said in words, not done: attacks by bodies that bear no arms, reasons cited,
    guesses (the twenty-sixth round's sections)."""
    return dict(
        verbal_attack_doers=data.words("verbal_attack", "doers"),
        expulsion_mission_codes=frozenset(data.part("expulsions").get("mission_codes") or ()),
        verbal_attack_codes=frozenset(data.values("verbal_attack", "codes")),
        verbal_attack_verbs=data.words("verbal_attack", "verbs"),
        verbal_attack_code=data.part("verbal_attack").get("code"),
    )


def setting_rules(data: RulesData) -> dict:
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


def answer_rules(data: RulesData) -> dict:
    """What answers an accusation: a denial, a lawsuit against the accused."""
    return dict(
        denial_roots=data.words("denial", "roots"),
        denial_nouns=data.words("denial", "nouns"),
        denial_code=data.part("denial").get("code"),
        lawsuit_codes=data.words("lawsuit", "codes"),
        lawsuit_courts=data.words("lawsuit", "courts"),
        lawsuit_agents=data.words("lawsuit", "court_agents"),
        lawsuit_accuse_roots=data.words("lawsuit", "accuse_roots"),
        mass_killing=mass_killing(data),
        rally_support=rally_support(data),
        rally_opposition=rally_support(data, "rally_opposition"),
        similar_acts=similar_acts(data),
        joint_work=joint_work(data),
    )


@dataclass(frozen=True, slots=True)
class MassKilling:
    """rules.yaml mass_killing: killings of at least ``min_dead`` people recoded ``code``."""

    code: str
    min_dead: int
    roots: frozenset[str]
    verbs: frozenset[str]
    state_agents: frozenset[str]


@dataclass(frozen=True, slots=True)
class RallySupport:
    """rules.yaml rally_support: appeals (``roots``) asking the addressed to support someone
    (an infinitive of ``verbs``, its object or the object of one of ``preps``) recoded
    ``code`` at the one supported."""

    code: str | None = None
    roots: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    objects: bool = True  # (the infinitive's object names the one supported)


def rally_support(data: RulesData, key: str = "rally_support") -> RallySupport:
    part = data.part(key)
    return RallySupport(part.get("code"), data.words(key, "roots"), data.words(key, "verbs"),
                        data.words(key, "preps"), bool(part.get("objects", True)))


@dataclass(frozen=True, slots=True)
class SimilarActs:
    """rules.yaml similar_acts: a noun of ``nouns`` qualified by one of ``words`` ("issued
    a similar call") names again an act of another doer of the sentence."""

    words: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()


def similar_acts(data: RulesData) -> SimilarActs:
    return SimilarActs(data.words("similar_acts", "words"), data.words("similar_acts", "nouns"))


@dataclass(frozen=True, slots=True)
class JointWork:
    """rules.yaml joint_acts.cooperation: work two sides named together do jointly (a verb's
    adverb or its object's adjective of ``words``, the object not one of ``not_work``) is
    cooperation between them (``code``; ``military_code`` for sides all of
    ``military_agents``)."""

    words: frozenset[str] = frozenset()
    code: str | None = None
    military_code: str | None = None
    military_agents: frozenset[str] = frozenset()
    not_work: frozenset[str] = frozenset()


def joint_work(data: RulesData) -> JointWork:
    part = data.part("joint_acts").get("cooperation") or {}
    return JointWork(frozenset(part.get("words") or ()), part.get("code"),
                     part.get("military_code"), frozenset(part.get("military_agents") or ()),
                     frozenset(part.get("not_work") or ()))


def mass_killing(data: RulesData) -> MassKilling | None:
    part = data.part("mass_killing")
    if not part:
        return None
    return MassKilling(part["code"], int(part["min_dead"]), data.words("mass_killing", "roots"),
                       data.words("mass_killing", "verbs"),
                       data.words("mass_killing", "state_agents"))


def context_rules(data: RulesData) -> dict:
    """Which rules tie an event to the text around it (anaphora, subsumed codes, disabled rules)."""
    return dict(
        anaphora_codes=tuple(data.values("event_anaphora", "codes")),
        anaphora_determiners=data.words("event_anaphora", "determiners"),
        anaphora_generic=data.words("event_anaphora", "generic_nouns"),
        subsumed={k: frozenset(v) for k, v in (data.get("subsumed") or {}).items()},
        disabled_sentence_rules=data.words("sentence_rules", "disabled"),
    )


def grammar_rules(data: RulesData) -> dict:
    """The function words of English the parse rules read: auxiliaries, clause marks,
    pronouns and determiners."""
    return {key: data.words("grammar", key) for key in (
        "future_aux", "hypothetical_aux", "possible_aux", "question_marks",
        "conditional_marks", "adverbial_marks", "simultaneous_marks", "relative_pronouns",
        "person_pronouns", "thing_pronouns", "plural_pronouns", "speaker_pronouns",
        "owner_pronouns", "definite_determiners", "anaphoric_determiners", "articles",
        "pair_quantifiers", "name_particles", "side_words", "manner_suffixes",
        "water_words", "bare_time_words", "measure_nouns",
        "attributive_participles", "aspect_verbs", "conduct_verbs", "conduct_idioms",
        "manner_nouns", "naming_verbs", "warning_verbs",
        "negating_determiners", "pending_adverbs", "inverted_conditional_aux",
        "permission_verbs", "conative_preps")}


def preposition_rules(data: RulesData) -> dict:
    """Which prepositions introduce a target, a place, an issuer... (some tried in order)."""
    ordered = ("target_preps", "answer_preps", "place_preps", "object_place_preps",
               "passive_place_preps", "document_place_preps")
    unordered = ("deep_target_preps", "object_preps", "defiance_preps", "issuer_preps",
                 "subject_matter_preps", "gathering_preps", "responsible_preps", "visit_preps",
                 "venue_preps", "consultation_preps", "consultation_nouns",
                 "location_preps", "member_preps", "people_place_preps", "where_preps",
                 "allegiance_preps", "command_preps")
    return {**{key: data.ordered("grammar", key) for key in ordered},
            **{key: data.words("grammar", key) for key in unordered}}


def actor_words(data: RulesData) -> dict:
    """Which words say who an actor phrase names: pairs, states, groups, peoples, roles."""
    return {key: data.words("actor_words", key) for key in (
        "pair_words", "country_pair_words", "backed", "foreign", "foreign_office",
        "state_nouns", "group_nouns", "nonstate_group_nouns", "ethnic", "people_groups",
        "role_words", "place_nouns", "adjective_homographs", "stance_prefixes",
        "former", "involvement_verbs", "allegiance", "staff_nouns", "person_owned_agents",
        "carrier_nouns", "mission_buildings",
        "aide_nouns", "aide_preps", "command_nouns", "commentators")}


def code_rules(data: RulesData) -> dict:
    """The CAMEO roots and agent codes the coder's logic names, and how codes map to codes."""
    withdrawn = data.part("expulsions").get("withdrawn") or {}
    return dict(
        meeting_root=data.code("meeting_root"),
        threat_root=data.code("threat_root"),
        violent_roots=data.words("codes", "violent_roots"),
        statement_root=data.code("statement_root"),
        speech_roots=data.words("codes", "speech_roots"),
        elite_agent=data.code("elite_agent"),
        civilian_agent=data.code("civilian_agent"),
        government_agent=data.code("government_agent"),
        demand_aims=dict(data.get("demand_aims") or {}),
        requested_codes=data.words("requested_acts", "codes"),
        requested_mirrors=dict(data.part("requested_acts").get("mirrors") or {}),
        withdrawn_codes=frozenset(withdrawn.get("codes") or ()),
        withdrawn_classes=dict(withdrawn.get("classes") or {}),
        topics=tuple((dict(g.get("codes") or {}), dict(g.get("classes") or {}))
                     for g in (data.get("topics") or ())),
        halt_verbs=data.words("halted_attacks", "verbs"),
        halt_roots=data.words("halted_attacks", "roots"),
        halt_code=data.part("halted_attacks").get("code"),
        meeting_codes=data.words("meeting_kinds", "codes"),
        phone_class=data.part("meeting_kinds").get("phone") or "phone",
        phone_code=data.part("meeting_kinds").get("phone_code"),
        third_place_codes=data.words("meeting_kinds", "third_place_codes"),
        third_place_code=data.part("meeting_kinds").get("third_place_code"),
        weapon_preps=data.words("weapons", "preps"),
        domestic_sanction_codes=data.words("domestic_sanctions", "codes"),
        domestic_sanction_code=data.part("domestic_sanctions").get("code"),
        ultimatum_codes=data.words("ultimatum", "codes"),
        ultimatum_words=data.words("ultimatum", "words"),
        ultimatum_code=data.part("ultimatum").get("code"),
        phrase_weapons={**(data.part("weapons").get("codes") or {}),
                        **(data.part("weapons").get("fire_codes") or {})},
    )
