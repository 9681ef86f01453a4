"""A fight among the members of one group named as divided: "clashes between rival ethnic
communities", "rival gangs clashed", "fighting between Christian and Muslim youths". The group
is both sides (rules.yaml ``mutual_roots``, ``mutual_group_words``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.scope import CoderKnowledge
from tidings.records import Actor

MUTUAL_RULE = "mutual:"


def divided_group(k: CoderKnowledge, head: Token) -> bool:
    """``head`` is a plural noun its modifiers divide: a word of division ("rival", "two")
    or two coordinated modifiers ("Christian and Muslim youths")."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nummod", "nmod")]
    return any(c.lower_ in k.rules.mutual_group_words for c in mods) or any(
        g.dep_ == "conj" for c in mods for g in c.children)


def both_sides(group: Actor) -> Actor:
    """The group as the other side of its own fight."""
    return replace(group, rule=MUTUAL_RULE + group.rule)


def fights_itself(k: CoderKnowledge, code: str, heads: list[Token], actors: list[Actor]) -> bool:
    """One group, named as divided, fights itself (an act of ``mutual_roots``)."""
    return len(actors) == 1 and len(heads) == 1 and code[:2] in k.rules.mutual_roots and \
        divided_group(k, heads[0])
