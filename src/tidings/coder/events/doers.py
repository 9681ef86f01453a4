"""Doers the text does not name as subject: those named in the attack a passive act happened
in ("two soldiers were killed in a PKK attack"), and the unknown doer of a passive act done to
someone ("the mayor was shot dead": rules.yaml unknown_doer_roots, assassination)."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from tidings.coder.context import UNKNOWN, ArticleContext
from tidings.coder.events.arguments import authored, weapon_of
from tidings.coder.events.matching import occurs_as
from tidings.coder.events.roles import office_holder
from tidings.coder.events.scope import CoderKnowledge, Matches
from tidings.coder.patterns import Pattern
from tidings.coder.syntax import agent_of
from tidings.records import Actor


class Draft(Protocol):
    """What a verb's event is being built from (events.draft.VerbDraft)."""

    verb: Token
    p: Pattern
    passive: bool
    sources: list[Actor]
    targets: list[Actor]


def attack_doers(k: CoderKnowledge, verb: Token) -> list[Token]:
    """The words naming who did the attack a passive act happened in ("were killed in a PKK
    attack", "in an Israeli air strike"): the modifiers of an event noun of an attacking root
    under "in"/"during" (rules.yaml attack_doer_roots, attack_doer_preps), on the verb or on
    a verb coordinated with it ("two were killed and three wounded in a PKK attack")."""
    noun = _attack_noun(k, verb)
    return [] if noun is None else [c for c in noun.lefts
                                    if c.dep_ in ("poss", "amod", "compound", "nmod")]


def weapon_clause_doers(k: CoderKnowledge, verb: Token, matches: Matches,
                        ctx: ArticleContext) -> list[Actor]:
    """"Two soldiers were killed when a roadside bomb exploded", "... when a bomb planted by
    Kurdish militants went off": the weapon that went off in a clause of the time of the act
    did it, used by whom its phrase names (else by an unknown doer)."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in
                                             k.rules.simultaneous_marks
                                             for m in clause.children):
            continue
        for subj in (c for c in clause.children if c.dep_ == "nsubj"):
            if weapon_of(k, subj):
                return authored(k, subj, matches, ctx)
    return []


def _attack_noun(k: CoderKnowledge, verb: Token) -> Token | None:
    """The event noun of an attacking root under "in"/"during" on the verb or a verb
    coordinated with it ("were killed in a PKK attack")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for prep in (c for v in verbs for c in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in k.rules.attack_doer_preps:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if any(p.code[:2] in k.rules.attack_doer_roots
                   for p in k.patterns.nouns.get(noun.lemma_.lower(), ())):
                return noun
    return None


def unknown_doer(k: CoderKnowledge, d: Draft) -> bool:
    """A passive act with no agent, done to someone (rules.yaml unknown_doer_roots, or a
    killing of an office holder), is done by an unknown doer; ``d.sources`` is set to it."""
    verb = d.verb
    if not (d.passive and d.targets and agent_of(verb) is None) or \
            _attack_noun(k, verb) is not None:
        return False  # (nor one done "in an attack by Kosovo Albanians": the attack's)
    root = d.p.code[:2]
    if root in k.rules.unknown_doer_roots or (
            root in k.rules.violent_roots and
            occurs_as(k, verb, k.rules.assassination_verbs, deep=True) and
            all(office_holder(k, t, verb.doc) for t in d.targets)):
        d.sources = [Actor(UNKNOWN, verb.text, verb.idx, verb.idx + len(verb.text),
                           "passive:unknown", None, None)]
        return True
    return False
