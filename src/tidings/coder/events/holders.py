"""Demands to free someone are aimed at whoever holds them: "Russian police detained Navalny
..., and the United States demanded his release", "called for the release of all hostages
held by Hamas" (rules.yaml release_holders)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.coder.syntax import agent_of


def held_by(k: CoderKnowledge, words: list[Token]) -> list[Token]:
    """The "by" phrases of a verb of holding (release_holders.held_verbs) that describes
    someone in ``words``' phrases: "the release of all hostages held by Hamas" gives
    "Hamas"."""
    return [agent for word in words for t in word.subtree
            if t.dep_ == "acl" and t.lemma_.lower() in k.rules.release_held_verbs
            and (agent := agent_of(t)) is not None]


def release_holders(k: CoderKnowledge, s: SentenceState) -> None:
    """A demand or appeal to free someone (release_holders.codes) that names no one is aimed
    at the doer of the sentence's first asserted arrest, detention or abduction
    (release_holders.holder_codes), when that doer is not the one demanding."""
    rules = k.rules
    if not rules.release_codes or not rules.release_holder_codes:
        return
    held = [e for i in sorted(s.by_verb) for e in s.by_verb[i]
            if e.code.startswith(rules.release_holder_codes) and e.asserted
            and not e.source.code.startswith("---")]
    if not held:
        return
    holder = held[0].source
    for i, events in s.by_verb.items():
        s.by_verb[i] = [
            replace(e, target=holder, rule=f"{e.rule}+holder")
            if e.code in rules.release_codes and e.target is None
            and e.source.code != holder.code else e
            for e in events]
