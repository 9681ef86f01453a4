"""Events of a verb that matched a pattern: find its doers and targets, place actors of
unknown country, then let the sentence's grammar and the rules recode the act (a refusal, a
threat with a condition, a bombing, an assassination) and refine whom it is aimed at."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.arguments import (
    first_actors,
    setting_candidates,
    speaker_of,
    speech_target,
    subject_of,
    target_candidates,
)
from tidings.coder.events.building import pairs, root_of
from tidings.coder.events.doers import attack_doers, unknown_doer, weapon_clause_doers
from tidings.coder.events.draft import VerbDraft
from tidings.coder.events.kinds import organisation, recode_by_actors
from tidings.coder.events.matching import match_verb
from tidings.coder.events.modality import modality_of
from tidings.coder.events.mutual import both_sides, fights_itself
from tidings.coder.events.roles import head_of
from tidings.coder.events.scope import CoderKnowledge, Match, Matches, Modality
from tidings.coder.events.targets import refine_targets, targets_by_kind
from tidings.coder.events.venues import (
    conditions,
    destination,
    domestic,
    localised,
    object_place,
    place_actor,
    place_of,
    sole_country,
)
from tidings.coder.syntax import (
    act_doers,
    agent_of,
    infinitive,
    is_clausal,
    prep_objects,
    small_clause,
)
from tidings.records import Actor, Event


def verb_events(k: CoderKnowledge, verb: Token, m: Match, index: int, matches: Matches,
                ctx: ArticleContext, speech: dict[int, Token]) -> list[Event]:
    d = VerbDraft(verb, m.pattern, m.tokens, matches, ctx, speech)
    _arguments(k, d, m)
    if not d.sources and not unknown_doer(k, d):
        return []
    _localise(k, d)
    d.flags = modality_of(k, verb, d.speaker)
    _recode_by_grammar(k, d)
    refine_targets(k, d)
    recode_by_actors(k, d)
    targets_by_kind(k, d)
    if not d.targets and d.p.code[:2] in k.rules.shared_target_roots:
        d.targets = _coordinated_targets(k, d, index, matches, ctx, speech)
    if any(t.country is None and t.agent for t in d.targets):
        # (targets found only now, past the doer's own forces: "deployed police to face
        # down rioters" are France's rioters)
        _localise(k, d)
    return pairs(k, d.p.code, d.sources, d.targets, d.used, index, d.p, d.flags, d.venue)


def _coordinated_targets(k: CoderKnowledge, d: VerbDraft, index: int, matches: Matches,
                         ctx: ArticleContext, speech: dict[int, Token]) -> list[Actor]:
    """"fired missiles at cities across Ukraine and shelled towns along the border": an
    attack coordinated with an earlier attack of the same doers that names no one it hits
    is aimed at the earlier one's targets (rules.yaml shared_target_roots)."""
    verb, head = d.verb, d.verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or \
            verb.lemma_.lower() in k.rules.result_verbs:
        return []  # ("killing 40 and wounding 2,000": the toll of one attack)
    cands = k.patterns.verb_patterns(head)
    m = match_verb(k, head, cands) if cands else None
    if m is None or m.pattern.code[:2] not in k.rules.shared_target_roots:
        return []
    mine = {a.code for a in d.sources}
    got = verb_events(k, head, m, index, matches, ctx, speech)
    return [e.target for e in got if e.target is not None and e.source.code in mine]


def _heads(k: CoderKnowledge, d: VerbDraft, m: Match
           ) -> tuple[list[Token], list[Token], list[Actor]]:
    """The head words of the doers and targets, and (for a passive with no agent) the state
    where it happened as the doer."""
    verb, p = d.verb, d.p
    subj, d.passive = subject_of(k, verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and agent_of(verb) is not None:
        # "talks mediated by Malaysia", "sanctions imposed by the EU": a passive participle
        # whose doer is its agent; the noun it describes is not its target ... unless the
        # act is done to people: "the deaths of protesters shot by police" (rules.yaml
        # participle_victim_roots)
        subj = verb.head if p.code[:2] in k.rules.participle_victim_roots else None
        d.passive = True
    if d.passive and verb.lemma_.lower() in k.rules.stative_passives and \
            agent_of(verb) is None:
        d.passive = False  # "forces were engaged in ethnic cleansing": they did it
    d.speaker = speaker_of(k, verb, d.speech)
    if d.passive and subj is not None and agent_of(verb) is None and \
            p.code[:2] in k.rules.own_force_roots and (forces := d.actors(k, [subj])) and \
            all(a.agent in k.rules.own_force_agents for a in forces):
        d.passive = False  # "police were placed on high alert": their state's show of force
    target_heads, source_heads = m.target_heads, m.source_heads
    place_source: list[Actor] = []
    if d.passive and not p.source:
        agent = agent_of(verb)
        if subj is not None and subj not in d.used and (
                not target_heads or subj.pos_ in ("PROPN", "PRON") or
                all(t.lemma_.lower() in k.rules.non_actor_heads for t in target_heads)):
            # (the passive's subject is whom it was done to: "Rabin was shot dead ... at a
            # peace rally" was not done to the rally)
            target_heads = [subj]
        elif subj is not None and subj in d.used and not target_heads:
            # "ties with Taiwan were severed by Panama": the pattern's own noun is the
            # subject, and its phrase says whom the act is aimed at.
            target_heads = next(prep_objects(
                [c for c in subj.children if c.dep_ == "prep"], k.rules.target_preps), [])
        # (an accident or a disaster is no doer: "victims killed by the crash of flight MH17",
        # "people killed by a landslide")
        source_heads = [agent] if agent is not None and agent.lemma_.lower() not in (
            k.rules.accident_verbs | k.rules.disaster_nouns) else []
        if agent is not None:
            d.used = [*d.used, agent.head]
        elif p.code[:2] in k.rules.attack_doer_roots and (doers := attack_doers(k, verb)):
            source_heads = doers  # "two soldiers were killed in a PKK attack"
        elif p.code[:2] in k.rules.attack_doer_roots and (
                armed := weapon_clause_doers(k, verb, d.matches, d.ctx)):
            place_source = armed  # "... were killed when a roadside bomb exploded"
        elif p.code[:2] in k.rules.passive_place_roots or p.code in k.rules.passive_place_roots:
            # "were expelled from Argentina", "was arrested in Lebanon": the state where
            # it happened did it.
            place = place_of(k, verb, d.matches, preps=k.rules.passive_place_preps)
            if place is not None:
                place_source = [place_actor(*place)]
    elif p.source:
        if subj is not None:
            target_heads = [subj]
    elif subj is not None and subj.lemma_.lower() in k.rules.toll_subjects and \
            p.code[:2] in k.rules.toll_roots:
        source_heads = []  # ("Syria's civil war has killed 500,000 people": a toll, no doer)
    else:
        source_heads = [subj] if subj is not None else []
        if p.speech:
            target_heads = speech_target(k, verb, d.used, d.matches, d.ctx)
    return source_heads, target_heads, place_source


def _arguments(k: CoderKnowledge, d: VerbDraft, m: Match) -> None:
    """Who did it and to whom, from the pattern's slots, the subject, and the candidates
    for a target."""
    source_heads, target_heads, place_source = _heads(k, d, m)
    p, verb = d.p, d.verb
    if p.actors:
        pair = d.actors(k, m.pair_heads)
        sources = d.actors(k, source_heads) if source_heads else []
        d.sources, d.targets = (sources, pair) if sources else (pair, [])
        return
    sources = d.actors(k, source_heads) or place_source
    if not target_heads and not d.passive and fights_itself(k, p.code, source_heads, sources) and \
            not any(c.dep_ == "dobj" for c in verb.children):
        d.sources, d.targets = sources, [both_sides(sources[0])]  # ("rival gangs clashed")
        return
    if target_heads and p.code[:2] in k.rules.act_doer_roots:
        target_heads = act_doers(target_heads) or target_heads  # ("into deaths ... by police")
    if target_heads or d.passive or p.source:
        targets = d.actors(k, target_heads) or destination(k, p.code, target_heads, d.matches,
                                                           sources)
    else:
        # (what a transfer gives, the pattern's own word, is never whom it goes to: "would
        # supply 31 Abrams tanks")
        given = {i for t in d.used[1:] for i in (t.i, t.head.i if t.dep_ == "compound" else
                                                 t.i)} \
            if p.code[:2] in k.rules.shared_recipient_roots else set()
        targets = first_actors(k, target_candidates(k, verb, d.used), d.matches, d.ctx,
                               d.speaker, d.speech, avoid=sources, skip=lambda a: (
                                   h := head_of(a, verb.doc)) is not None and h.i in given)
        if not targets and p.code[:2] not in k.rules.shared_recipient_roots and not (
                len(sources) > 1 and (p.symmetric or root_of(
                    k, p.code, modality_of(k, verb, d.speaker)) in k.rules.reciprocal_roots)):
            # "expelled three Russian diplomats": the pattern's object is the target (but
            # what a transfer gives is never whom it goes to: "sent warships to the reef")
            nouns = [[t] for t in d.used[1:] if t.pos_ in ("NOUN", "PROPN")
                     and (t.dep_ in ("dobj", "pobj", "dative")
                          or t.dep_ == "nsubj" and small_clause(t.head))]
            # (... or of its small clause: "allowed U.N. inspectors back")
            targets = first_actors(k, nouns, d.matches, d.ctx, d.speaker, d.speech,
                                   avoid=sources)
    if not targets and sources and p.code[:2] in k.rules.participle_target_roots and \
            p.code[:2] not in k.rules.participle_victim_roots:
        targets = _clause_subjects(k, d)
    if not targets and sources and p.code[:2] in k.rules.setting_roots:
        targets = first_actors(k, setting_candidates(k, verb), d.matches, d.ctx, d.speaker,
                               d.speech, avoid=sources)
    if not targets and sources and p.code[:2] in k.rules.proximity_roots:
        # "blew himself up near a convoy of Italian troops": whom it was set off next to
        targets = first_actors(k, prep_objects([c for c in verb.children if c.dep_ == "prep"],
                                               k.rules.proximity_preps),
                               d.matches, d.ctx, d.speaker, d.speech, avoid=sources)
    if not targets and sources and p.code in k.rules.prospect_codes:
        targets = _prospect_party(k, d, sources)
    d.sources, d.targets = sources, targets


def _prospect_party(k: CoderKnowledge, d: VerbDraft, sources: list[Actor]) -> list[Actor]:
    """"confident that a peace deal with the rebels could be signed", "hopeful of a deal with
    Iran": a hope or a fear about a prospect is aimed at the one other party the prospect
    names (rules.yaml prospect), not at its own country or where something is."""
    own = {a.country for a in sources}
    placed = tuple(f"{p}:place:" for p in k.rules.place_preps)
    got = first_actors(k, _prospect_parties(k, d), d.matches, d.ctx, d.speaker, d.speech,
                       avoid=sources, skip=lambda a: a.agent is None and (
                           a.country in own or a.rule.startswith(placed)))
    # ("the standoff between Iran and the West": two parties, and the hope is neither's)
    return got if len(got) == 1 else []


def _prospect_parties(k: CoderKnowledge, d: VerbDraft) -> Iterator[list[Token]]:
    """The nouns of the clause or phrase completing a comment, in the order they come."""
    heads = [d.verb, *(t for t in d.used if t.i != d.verb.i)]
    for h in heads:
        for c in h.children:
            if c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in k.rules.prospect_preps):
                for t in c.subtree:
                    # (not where: "a summit in Singapore would bring peace with ...")
                    if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss") \
                            and not (t.dep_ == "pobj" and t.head.lower_ in k.rules.place_preps):
                        yield [t]


def _clause_subjects(k: CoderKnowledge, d: VerbDraft) -> list[Actor]:
    """"agreed to a ceasefire at talks mediated by Malaysia", "rejected sanctions imposed by
    the EU": a participle with its doer on a noun of another clause acts on that clause's
    subject (rules.yaml: participle_target_roots)."""
    verb = d.verb
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or agent_of(verb) is None:
        return []
    t = verb.head
    while t.dep_ in ("pobj", "prep", "dobj", "appos", "conj") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subj, passive = subject_of(k, t)
            return d.actors(k, [subj]) if subj is not None and not passive else []
    return []


def _event_place(k: CoderKnowledge, d: VerbDraft) -> tuple[str, Token] | None:
    """Where the act happened, for placing actors of unknown country."""
    verb, matches = d.verb, d.matches
    # "Speaking in Beijing, a ministry spokesman accused ...": where the speaker was
    place = next((found for c in verb.children if c.dep_ == "advcl"
                  and c.tag_ == "VBG" and c.i < verb.i
                  and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                  and (found := place_of(k, c, matches)) is not None), None)
    place = place or place_of(k, verb, matches)
    for c in verb.children:
        # "... killed 23 people when they blew themselves up in Tel Aviv"
        if place is None and c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in k.rules.simultaneous_marks
                for m in c.children):
            place = place_of(k, c, matches)
    if place is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "shelled the town of Juba, killing 20 people": where the main act was aimed.
        place = object_place(k, verb.head, matches)
    if place is None:
        # "set fire to the entrance of the U.S. embassy in Tegucigalpa": where the mission
        # the act was aimed at is
        place = next(((loc[0], g) for t in verb.subtree
                      if t.lemma_.lower() in k.rules.mission_buildings
                      and not is_clausal(t, verb)
                      for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "in"
                      for g in prep.children if g.dep_ == "pobj"
                      if (loc := k.resolver.location_country(g, matches)) is not None), None)
    return place


def _owned(doc: Doc, actor: Actor) -> bool:
    """The phrase that names ``actor`` has an owner ("the South's forces")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "poss" for c in span.root.children)


def _coordinated_state(k: CoderKnowledge, d: VerbDraft) -> str | None:
    """The one country of the subject of the clause ``d.verb``'s clause is coordinated with,
    when that subject is a state or a part of one."""
    verb = d.verb
    if verb.dep_ != "conj" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    got = {a.country for a in first_actors(k, [subj], d.matches, d.ctx, d.speaker, d.speech)
           if a.country and len(a.country) == 3 and not organisation(a)
           and (a.agent is None or a.agent in k.rules.state_self_agents)}
    return got.pop() if len(got) == 1 else None


def _facing_a_state(k: CoderKnowledge, sources: list[Actor], targets: list[Actor]) -> bool:
    """The actors of unknown country are of rules.yaml domestic_agents on one side, and the
    other side is a state's organs ("the government ended talks with communist rebels")."""
    for mine, other in ((sources, targets), (targets, sources)):
        unknown = [a for a in mine if a.country is None and a.agent]
        if unknown and all(a.agent in k.rules.domestic_agents for a in unknown) and other \
                and all(a.country and a.agent in k.rules.state_self_agents for a in other):
            return True
    return False


def _localise(k: CoderKnowledge, d: VerbDraft) -> None:
    """Agents of unknown country ("police", "students") placed by where the act happened,
    by the other side of a domestic act, or by the only country the text names."""
    p = d.p
    sources, targets = d.sources, d.targets

    def unplaced() -> bool:
        return any(a.country is None and a.agent for a in (*sources, *targets))

    if unplaced() and (state := _coordinated_state(k, d)) is not None:
        # "Britain accused Moscow of the poisoning, and the foreign ministry expelled 23
        # diplomats": an organ of no country named after ", and" is the first clause's state's
        # (not one whose owner the text names though no known country: "and the South's
        # forces returned fire")
        sources = [localised(a, state) if a.agent in k.rules.state_self_agents
                   and not _owned(d.verb.doc, a) else a for a in sources]
    if unplaced() and p.code not in k.rules.venue_codes and p.code[:2] != k.rules.meeting_root:
        # (not for meetings: "ministers will meet in Geneva" are not Swiss)
        place = _event_place(k, d)
        if place is not None:
            sources = [localised(a, place[0]) for a in sources]
            targets = [localised(a, place[0]) for a in targets]
    if p.code[:2] in k.rules.domestic_roots:
        sources, targets = domestic(sources, targets)
    elif unplaced() and p.code[:2] not in k.rules.place_target_roots and \
            _facing_a_state(k, sources, targets):
        sources, targets = domestic(sources, targets)  # ("ended talks with rebels")
    if unplaced():
        # The only country the sentence names: "President X resigned amid pressure from
        # the Kenyan parliament".
        sole = sole_country(d.verb.sent, d.matches,
                            places=p.code[:2] != k.rules.meeting_root
                            and p.code not in k.rules.venue_codes)
        if not sole and len(d.ctx.earlier_countries) == 1:
            # ... or the only country the article named in the sentences before.
            (sole,) = d.ctx.earlier_countries
        if sole:
            sources = [localised(a, sole) for a in sources]
            targets = [localised(a, sole) for a in targets]
        elif known := {a.country for a in (*sources, *targets) if a.country}:
            # ... or, for a part of a country's people (rules.yaml people_sectors), the only
            # other one: "the US recognised opposition candidate X as the winner of
            # Venezuela's election" (Venezuela's opposition); not one named in a clause of
            # its own ("urged residents to stay in shelters after Russian missiles hit ...")
            aside = {t.i for c in d.verb.subtree if c.dep_ == "advcl" and c.i != d.verb.i
                     for t in c.subtree}
            other = sole_country(d.verb.sent, d.matches, exclude=known, skip=aside)
            own = {a.country for a in sources if a.country}
            if not other and len(own) == 1 and all(a.agent in k.rules.state_self_agents
                                                   for a in sources if a.country):
                # ... or, with no other country named, a state's own people: "the government
                # reopened talks with the opposition", "the mayor urged residents to ..."
                other = next(iter(own))
            if other:
                sources = [localised(a, other) if a.agent in k.rules.people_sectors else a
                           for a in sources]
                targets = [localised(a, other) if a.agent in k.rules.people_sectors else a
                           for a in targets]
    if p.code in k.rules.expulsion_codes:
        # the people a state expels are not its own ("expelled diplomats from seven Latin
        # American countries"): no target is placed in the expelling state's country (an
        # organisation working there is: "ordered the aid agencies out of Darfur")
        own = {a.country for a in sources if a.country}
        targets = [d_t if t.country in own and "+place:" in t.rule and not organisation(t)
                   else t for t, d_t in zip(targets, d.targets, strict=True)]
    d.sources, d.targets = sources, targets


def _recode_by_grammar(k: CoderKnowledge, d: VerbDraft) -> None:
    """Agreeing with a view, refusing to act, and promising with a condition attached."""
    verb, p, flags = d.verb, d.p, d.flags
    lemma = verb.lemma_.lower()
    if not p.words and lemma in k.rules.clause_codes and any(
            c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl")
                                      for g in c.children) for c in verb.children):
        # "agreed that there was an urgent need for ...": agreeing with a view.
        d.recode(k.rules.clause_codes[lemma], f"clause:{p.id}")
    refuser = verb.head if infinitive(verb) else None
    if refuser is not None and refuser.lemma_.lower() in k.rules.refusal_verbs:
        refused = k.rules.refusal_of(d.p.code)
        if refused:
            # "declined to resign": a refusal, asserted (unless itself negated).
            neg = any(c.dep_ == "neg" for c in refuser.children)
            d.flags = flags = Modality(neg, flags.hypothetical, False)
            d.used = [*d.used, refuser]
            d.recode(refused, f"refusal:{refuser.lemma_.lower()}>{d.p.id}", symmetric=False,
                     reverse=None)
    elif flags.future and flags.negated and not flags.hypothetical and \
            k.rules.refusal_negated_future and _says_will_not(k, verb):
        refused = k.rules.refusal_of(d.p.code)
        if refused:
            # "said it would not attend the conference": a refusal, asserted.
            d.flags = flags = Modality(False, False, False)
            d.recode(refused, f"refusal:will not>{d.p.id}", symmetric=False, reverse=None)
    possible = flags.hypothetical and not flags.future and any(
        c.dep_ == "aux" and c.lower_ in k.rules.possible_aux for c in verb.children)
    if (flags.future or possible) and not flags.negated and \
            d.p.code[:2] != k.rules.threat_root and k.rules.conditional_threat and \
            any(True for _ in conditions(k, verb)):
        # "will withdraw its force from Chad unless ...": a promise with a condition
        # attached is a threat.
        d.recode(k.rules.conditional_threat, f"conditional:{d.p.id}", symmetric=False,
                 reverse=None)
        # ("may halt mediation if ...": a possible act with a condition is a threat too)
        d.flags = Modality(flags.negated, False if possible else flags.hypothetical, False)


def _says_will_not(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` itself is negated with a future auxiliary: "will not", "would not", "won't"."""
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in (*k.rules.future_aux, "would") for c in kids)
