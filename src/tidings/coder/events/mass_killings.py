"""Killings on the scale of a massacre: "gunmen killed at least 100 villagers", "the army
executed 223 villagers" are mass killings (CAMEO 202), not an attack or a shooting. Read once
the counts are on the events (the count says the scale), from rules.yaml mass_killing."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge
from tidings.records import Event


def mass_killings(k: CoderKnowledge, doc: Doc, events: list[Event]) -> list[Event]:
    """``events`` with those whose verb kills, by its own doer (not by a strike or an attack
    that is the verb's subject), at least the rule's number of people recoded as mass
    killings; killings by police stay repression."""
    rule = k.rules.mass_killing
    if rule is None:
        return events
    out = []
    for e in events:
        dead = max((c.number for c in e.counts if c.kind == "dead"), default=0)
        if dead >= rule.min_dead and e.root in rule.roots and \
                e.source.agent not in rule.state_agents:
            # (the event's first word is its verb; looked up only for the few events that
            # count enough dead)
            span = doc.char_span(e.action_start, e.action_end, alignment_mode="expand")
            verb = span[0] if span is not None and len(span) else None
            if verb is not None and verb.lemma_.lower() in rule.verbs and \
                    not _done_by_an_act(k, verb):
                e = recoded(k, e, rule.code, f"mass killing:{e.rule}")
        out.append(e)
    return out


def _done_by_an_act(k: CoderKnowledge, verb: Token) -> bool:
    """"a drone strike by its troops killed 85 civilians", "a strike that killed 85": the
    killing is the strike's."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl":
        doers.append(verb.head)
    return any(d.lemma_.lower() in k.patterns.nouns for d in doers)
