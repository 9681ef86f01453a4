"""Whom a show of force naming no one is aimed at (part of the sentence rule ``answers``):
whoever used or threatened force against its doer's country, or, in a clause saying why,
force or threats at no one named ("put troops on alert after Hezbollah's leader threatened
open war"); with neither, the country beyond a border it was shown along ("reinforced its
troops along the Cambodian frontier"). The words are rules.yaml's (``provoked_roots``,
``border_nouns``, ``home_alert_codes``, ``provocation``)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.coder.syntax import is_clausal
from tidings.records import Actor, Event


def provoker(k: CoderKnowledge, e: Event, verb: Token,
              others: list[tuple[Token, Event]]) -> Actor | None:
    """Who, in ``others``, used or threatened force (quad class 4, root 13) against ``e``'s
    source's country: a show of force naming no one is aimed at them ("raised its alert
    status after North Korea blew up the liaison office"). It is also aimed at whoever of
    another country used or threatened force at no one of a third country in a clause of
    its own verb saying why ("put troops on alert after Hezbollah's leader threatened open
    war", "after Indian warplanes struck a camp"), unless it is a police alert (rules.yaml
    home_alert_codes)."""
    mine = e.source.country
    for word, x in others:
        if not mine or x.source.country in (None, mine) or not (
                x.quad_class == 4 or x.root == k.rules.threat_root):
            continue
        aimed = x.target.country if x.target is not None else None
        if aimed == mine:
            return x.source
        if e.code not in k.rules.home_alert_codes and aimed in (None, x.source.country) \
                and _cause_clause(k, word, verb):
            return x.source
    return None


def _cause_clause(k: CoderKnowledge, word: Token, verb: Token) -> bool:
    """``word`` is in an adverbial clause of ``verb`` or of a verb coordinated with it
    ("after ...", "as ...", "broke off relations and ordered troops to the frontier, two days
    after ..."), or comes before ``verb`` said to act "in response"."""
    verbs = {verb.i, *(c.i for c in verb.children if c.dep_ == "conj")}
    if verb.dep_ == "conj":
        verbs.add(verb.head.i)
    if word.i < verb.i and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in k.rules.response_nouns
                for g in c.children) for c in verb.children):
        return True
    t, seen = word, False
    while t.head.i != t.i and t.i not in verbs:
        seen = seen or t.dep_ == "advcl" or (
            t.dep_ == "prep" and t.lower_ in k.rules.cause_preps_time)
        t = t.head
    return seen and t.i in verbs


def border_party(k: CoderKnowledge, s: SentenceState, verb: Token, e: Event) -> Actor | None:
    """"put troops on alert along the Lebanese border", "moved missiles closer to its border
    with Pakistan": the other country of a border (rules.yaml border_nouns) in the verb's
    own phrases."""
    mine = e.source.country
    if e.code in k.rules.home_alert_codes:
        return None
    for t in verb.subtree:
        if t.lemma_.lower() not in k.rules.border_nouns or is_clausal(t, verb):
            continue
        names = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        names += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj"]
        for a in actors_of(k, names, s.matches, s.ctx, None, {}, remember=False):
            if a.country not in (None, mine):
                return a
    return None
