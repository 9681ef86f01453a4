"""What the phrase that names an actor says of it: its head word, whether it names people, a
group counted ("thousands of protesters"), a topic, a gathering's owner or one office holder
(read by the event stage's argument and target steps)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.coder.events.scope import CoderKnowledge
from tidings.records import Actor


def head_of(actor: Actor, doc: Doc) -> Token | None:
    """The head word of the phrase that names ``actor``."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None

def head_lemma(k: CoderKnowledge, actor: Actor, doc: Doc) -> str:
    head = head_of(actor, doc)
    return head.lemma_.lower() if head is not None else ""

def names_people(k: CoderKnowledge, actor: Actor, doc: Doc) -> bool:
    """``actor`` is named as a person or as people: a name, or a word for people
    (agents.yaml: "soldiers", "journalists"), not a place or a thing."""
    head = head_of(actor, doc)
    return head is not None and (head.ent_type_ == "PERSON" or actor.rule.startswith(
        "person:") or head.lemma_.lower() in k.resolver.dictionary.agent_words
        or head.lower_ in k.resolver.dictionary.agent_words)

def group_lemmas(actor: Actor, doc: Doc) -> set[str]:
    """The head word of the phrase that names ``actor`` and, when it counts a group, the
    group's ("thousands of protesters": thousand, protester)."""
    head = head_of(actor, doc)
    if head is None:
        return set()
    of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]
    return {t.lemma_.lower() for t in [head, *of[:1]]}

def in_topic(k: CoderKnowledge, target: Actor, verb: Token) -> bool:
    """The target is named inside a phrase of topic (rules.yaml topic_preps) of the verb's
    clause."""
    t = head_of(target, verb.doc)
    while t is not None and t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in k.rules.topic_preps:
            return True
        t = t.head
    return False


def is_topic(k: CoderKnowledge, actor: Actor, doc: Doc) -> bool:
    """``actor`` is named by a thing or state of affairs ("the war in Ukraine")."""
    return head_lemma(k, actor, doc) in k.rules.non_actor_heads

def of_gathering(k: CoderKnowledge, actor: Actor, doc: Doc) -> bool:
    """``actor`` is named only as whose gathering it was: "on the sidelines of the
    BRICS summit", "at a meeting of the Arab League"."""
    t = head_of(actor, doc)
    if t is None:
        return False
    if t.lemma_.lower() in k.rules.gathering_nouns:
        return True  # (the actor of "the sidelines of the BRICS summit" itself)
    for _ in range(4):
        if t.dep_ in ("pobj", "compound", "poss") and t.head.i != t.i:
            t = t.head
            if t.dep_ == "prep" and t.lower_ in k.rules.gathering_preps or t.dep_ == "case":
                continue
            if t.lemma_.lower() in k.rules.gathering_nouns:
                return True
        else:
            break
    return False

def office_holder(k: CoderKnowledge, actor: Actor, doc: Doc) -> bool:
    """``actor`` is one person who holds (or held) an office: a known leader, a singular
    title ("the governor", "President X"), or a commander of the forces named by rank
    ("Lieutenant General X", "the commander of the air force"; rules.yaml assassination)."""
    if actor.rule.startswith("person:"):
        return True
    head = head_of(actor, doc)
    if head is None:
        return False
    if actor.agent in k.rules.assassination_ranked:
        # ("Lieutenant General Igor Kirillov", "the commander of the air force")
        return head.tag_ in ("NN", "NNP") and any(
            t.lemma_.lower() in k.rules.assassination_ranks
            for t in (head, *(c for c in head.lefts if c.dep_ == "compound")))
    return actor.agent in k.rules.assassination_agents and head.tag_ in ("NN", "NNP")
