"""Whom a verb's act is aimed at, once its doers and targets are found: a state's own forces
are not its target, a capital attacked is the city, a meeting's venue or a protest's country
stands in where no phrase names one, and topics, summits and each other are no targets."""

from __future__ import annotations

from dataclasses import replace

from tidings.coder.context import UNKNOWN
from tidings.coder.events.arguments import (
    actors_of,
    first_actors,
    subject_matter,
    target_candidates,
)
from tidings.coder.events.building import own_country, root_of
from tidings.coder.events.draft import PLACED, VerbDraft
from tidings.coder.events.holders import held_by
from tidings.coder.events.roles import head_of, in_topic, is_topic, of_gathering
from tidings.coder.events.scope import CoderKnowledge
from tidings.coder.events.venues import (
    concessions,
    conditions,
    localised,
    object_place,
    place_actor,
    place_of,
    places_attacked,
    sole_country,
    venue_actor,
    venue_of,
)
from tidings.coder.syntax import each_other, is_clausal, prep_objects
from tidings.records import Actor


def refine_targets(k: CoderKnowledge, d: VerbDraft) -> None:
    """A state's own forces are not its target; a capital attacked is the city."""
    code, sources, targets = d.p.code, d.sources, d.targets
    if code in k.rules.force_orders and targets and _forces_sent(k, d):
        # "ordered troops to the frontier": the forces ordered are moved
        d.recode(k.rules.forces_moved[targets[0].agent or ""], f"moved:{d.p.id}")
        code = d.p.code
    elif code in k.rules.force_orders and d.verb.lemma_.lower() in k.rules.order_verbs and \
            targets and all(
            t.country in {a.country for a in sources} and t.agent in k.rules.state_self_agents
            for t in targets):
        # "ordered police to shoot rioters", "ordered his government to lift the ban": an
        # order to the state's own organs demands nothing of anyone (what it orders is coded
        # by itself, where it has a pattern)
        d.sources = []
        return
    if code[:2] in k.rules.own_force_roots and targets:
        # "mobilized army reservists", "ordered patrols by police": the forces a state
        # moves are its own, not the target.
        own = {a.country for a in sources}

        def own_force(t: Actor) -> bool:
            # (forces of no country named but the place they went to: "deployed troops in
            # northern Syria" are the doer's)
            return t.agent in k.rules.own_force_agents and t.code.endswith(t.agent) \
                and (t.country is None or t.country in own or "+place:" in t.rule)

        if targets and all(own_force(t) for t in targets) and not (d.passive or d.p.source):
            # ... and whom they are aimed at may come after them: "massed troops near its
            # border with Ukraine"
            targets = first_actors(k, target_candidates(k, d.verb, d.used), d.matches, d.ctx,
                                   d.speaker, d.speech, avoid=sources, skip=own_force)
        targets = [t for t in targets if not own_force(t)]
    if code[:2] in k.rules.place_target_roots:
        targets = places_attacked(targets)
    d.targets = targets


def _seized_place(k: CoderKnowledge, d: VerbDraft) -> Actor | None:
    """The place (a city or a region, no actor) that is the seizure's direct object."""
    obj = next((c for c in d.verb.children if c.dep_ == "dobj"), None)
    loc = k.resolver.location_country(obj, d.matches) if obj is not None else None
    if obj is None or loc is None:
        return None
    return place_actor(loc[0], obj, loc[1])


def _forces_sent(k: CoderKnowledge, d: VerbDraft) -> bool:
    """The order's targets are all the source's own forces of one agent rules.yaml
    own_forces moved names, and its "to" is a preposition (a destination), not an
    infinitive."""
    own = {a.country for a in d.sources}
    agents = {t.agent for t in d.targets}
    return len(agents) == 1 and agents <= set(k.rules.forces_moved) and all(
        t.country in own for t in d.targets) and any(
        t.lower_ == "to" and t.dep_ == "prep" for t in d.used)


def _place_targets(k: CoderKnowledge, d: VerbDraft) -> list[Actor]:
    """"shelled Juba", "bombed the port of Tripoli": an attack on a place is aimed at the
    country it is in ("torched houses in Cameroon's North-West": and doers of no country
    named are that country's); "fired rockets across the disputed border": at the one other
    state the sentence names."""
    verb, p = d.verb, d.p
    place = object_place(k, verb, d.matches) or (
        place_of(k, verb, d.matches) if p.code in k.rules.place_target_codes else None)
    if place is not None:
        if p.code in k.rules.place_target_codes:
            d.sources = [localised(a, place[0]) for a in d.sources]
        return [place_actor(*place)]
    border = next((t for t in verb.subtree if t.lemma_.lower() in k.rules.border_nouns
                   and t.head.lower_ in k.rules.border_preps and not is_clausal(t, verb)),
                  None)
    if border is None:
        return []
    other = sole_country(verb.sent, d.matches,
                         exclude={a.country for a in d.sources if a.country})
    return [place_actor(other, border, other)] if other else []


def targets_by_kind(k: CoderKnowledge, d: VerbDraft) -> None:
    """Whom the act is aimed at when no phrase says it, by the kind of act: the venue of a
    meeting, the country where a protest was, the state's own people, a place attacked,
    the one a statement was told to; and who is not a target after all (a topic, a summit,
    each other)."""
    verb, p, sources = d.verb, d.p, d.sources
    targets = d.targets
    if p.code in k.rules.venue_codes:
        d.venue = venue_of(k, verb, d.matches)
        # "held talks with the rebels in Jeddah": the place the parse hung on the party of a
        # meeting is where it met, not where that party is from
        # (abroad: "met rebels in Darfur" are Sudan's rebels to Sudan's army)
        home = {a.country for a in sources}
        placed = [t for t in targets if t.agent and t.rule.startswith(PLACED)
                  and t.country not in home]
        if placed:
            # (a party of no country met abroad is the other side's own: "Colombian
            # officials met rebel negotiators in Havana")
            d.venue = d.venue or placed[0].country
            unplaced = [replace(t, code=UNKNOWN + (t.agent or ""), country=None,
                                rule=f"agent:{t.text}") for t in placed]
            countries = [c for c in home if c]
            if len(home) == 1 and countries:
                unplaced = [localised(t, countries[0]) for t in unplaced]
            targets = [unplaced[placed.index(t)] if t in placed else t for t in targets]
    elif not targets and (p.code[:2] in k.rules.venue_target_roots
                          or p.code in k.rules.targetless_codes) and not (
            len(sources) > 1 and (p.symmetric or p.code[:2] in k.rules.reciprocal_roots)):
        # (but "the army and the militia fought in Khartoum" fought each other)
        targets = venue_actor(k, verb, d.matches)
        if p.code[:2] in k.rules.abroad_only_roots or p.code in k.rules.targetless_codes:
            # "police fanned out across Karachi": a show of force at home is aimed at no one
            own = {a.country for a in sources}
            targets = [t for t in targets if t.country not in own]
    if not targets and p.code.startswith(k.rules.recipient_codes):
        # "pledged $500 million in military aid for Ukraine": aid for whom
        targets = first_actors(k, prep_objects(
            [c for c in verb.children if c.dep_ == "prep"], k.rules.recipient_preps),
            d.matches, d.ctx, d.speaker, d.speech, avoid=sources)
    if not targets:
        targets = own_country(k, p.code, sources)
    if all(t.rule.startswith("metonym:") for t in targets) and \
            p.code in k.rules.seizure_codes and k.rules.seizure_place_code and (
            seized := _seized_place(k, d)) is not None:
        # "M23 rebels seized Goma", "the Taliban seized Kabul" (the city, not the
        # government it stands for): territory occupied, aimed at the place's country
        d.recode(k.rules.seizure_place_code, f"territory:{p.id}", symmetric=False,
                 reverse=None)
        p = d.p
        targets = [seized]
    if not targets and (p.code[:2] in k.rules.place_target_roots
                        or p.code in k.rules.place_target_codes):
        targets = _place_targets(k, d)
        sources = d.sources
    if p.code in k.rules.release_codes and (held := first_actors(
            k, [held_by(k, [c for c in verb.children if c.dep_ in ("dobj", "prep")])],
            d.matches, d.ctx, d.speaker, d.speech, avoid=sources)):
        # "called for the release of all hostages held by Hamas": whoever holds them, not
        # the people to free
        targets = held
    if not targets and d.speaker is not None and sources and all(
            a.rule.startswith("speaker:") for a in sources):
        # "Qatar told Israel and Hamas that it was suspending its mediation": what the
        # speaker says it does to no one named is done to whom it is told.
        spk = d.speaker
        addressees = [c for c in spk.children if c.dep_ in ("dobj", "dative")]
        addressees += [g for c in spk.children if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pobj"]
        if addressees:
            targets = actors_of(k, addressees[:1], d.matches, d.ctx, None, d.speech)
    if not targets and p.code[:2] in k.rules.targetless_roots and (accused := [
            g for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
            and c.lemma_.lower() in k.rules.accusing_participles
            for g in c.children if g.dep_ == "dobj"]):
        # "put its army on high alert, accusing Azerbaijan of massing troops"
        targets = first_actors(k, [accused], d.matches, d.ctx, d.speaker, d.speech,
                               avoid=sources)
    d.targets = _not_targets(k, d, targets)


def _not_targets(k: CoderKnowledge, d: VerbDraft, targets: list[Actor]) -> list[Actor]:
    """Drop what only looked like a target; look where else the target may be named."""
    verb, p, sources = d.verb, d.p, d.sources
    if p.code[:2] == k.rules.meeting_root and targets:
        # "discussed the war in Ukraine": a place where a topic is, is not who was met
        # ("held talks in Tehran" is where they met, and says who hosted)
        # ("Biden and Putin met at a villa in Geneva": where two parties met is no third)
        targets = [t for t in targets if not (
            t.rule.startswith(("in:place:", "at:place:")) and t.agent is None
            and (is_topic(k, t, verb.doc) or len(sources) > 1))]
    if len(sources) > 1 and targets and (p.code[:2] == k.rules.meeting_root or root_of(
            k, p.code, d.flags) in k.rules.mutual_topic_roots):
        # "Iranian and Iraqi officials held talks on the exchange of prisoners": with each
        # other, about the prisoners ("Japan and South Korea exchanged intelligence on North
        # Korea's missile launches": with each other, about North Korea)
        targets = [t for t in targets if not in_topic(k, t, verb)]
    if targets and p.code in k.rules.topic_only_codes:
        # "declined to comment on reports that Russian troops had crossed ...": what was
        # not commented on is no party
        targets = [t for t in targets if not in_topic(k, t, verb)]
    if targets and verb.lemma_.lower() in k.rules.topic_verbs:
        # "met in Tehran and discussed Afghanistan": what was discussed is no party
        topics = {c.i for c in verb.children if c.dep_ == "dobj"}
        targets = [t for t in targets if (h := head_of(t, verb.doc)) is None
                   or h.i not in topics and not (h.dep_ == "conj" and h.head.i in topics)]
    if len(sources) > 1 and targets and root_of(k, p.code, d.flags) in \
            k.rules.reciprocal_roots and all(of_gathering(k, t, verb.doc) for t in targets):
        # "Modi and Xi met on the sidelines of the BRICS summit": they met each other
        targets = []
    if len(sources) > 1 and each_other(verb):
        # "A and B accused each other", "pounded each other's positions"
        targets = []
        d.p = p = replace(p, symmetric=True, reverse=None)
    if not targets and p.code[:2] in k.rules.subject_matter_roots:
        # "opened an investigation into war crimes committed by Russian forces",
        # "... into allegations of corruption involving President Park": whom the
        # subject matter names
        targets = first_actors(k, subject_matter(k, verb, d.used), d.matches, d.ctx,
                               d.speaker, d.speech, avoid=sources)
    if not targets and p.code[:2] in k.rules.conditional_target_roots:
        targets = first_actors(k, conditions(k, verb), d.matches, d.ctx, d.speaker, d.speech)
        own = {a.country for a in sources if a.country}
        if len(own) == 1:
            # "Nigeria's unions threatened to strike unless the government ...": theirs
            targets = [localised(t, next(iter(own))) for t in targets]
    if not targets and root_of(k, p.code, d.flags) in k.rules.concession_roots:
        # "declined to resign despite pressure by the anti-corruption commission"
        targets = first_actors(k, concessions(k, verb), d.matches, d.ctx, d.speaker, d.speech,
                               avoid=sources)
    return targets
