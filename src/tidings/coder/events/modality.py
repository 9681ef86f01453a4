"""Modality: whether an act is asserted, negated, hypothetical or stated as future."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.scope import CoderKnowledge, Modality
from tidings.coder.syntax import in_condition, infinitive, noun_infinitive, subjunctive


def governed_as(k: CoderKnowledge, word: Token) -> str | None:
    """What a governing verb or noun makes of the act it governs ("plans to",
    "wants to", "refused to"; rules.yaml): "future", "hypothetical", "negated" or None."""
    lemma = word.lemma_.lower()
    if lemma in k.rules.future_verbs:
        return "future"
    if lemma in k.rules.hypothetical_verbs or (
            word.pos_ == "NOUN" and lemma in k.rules.hearsay_nouns):
        return "hypothetical"
    if lemma in k.rules.negating_verbs:
        return "negated"
    return None

def _chain(k: CoderKnowledge, verb: Token) -> list[Token]:
    """The verb and the verbs that govern it, up through coordination, infinitives and the
    clauses of governing verbs ("said it plans to withdraw": withdraw, plans)."""
    t = verb
    chain = [verb]
    while (t.dep_ in ("conj", "ccomp") or infinitive(t)) and t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() not in k.rules.governing_verbs and \
                not (t.head.lemma_.lower() in k.rules.mandative_verbs and subjunctive(t)) and \
                not (infinitive(t) and t.head.lemma_.lower() in k.rules.permission_verbs):
            break
        if t.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in k.rules.adverbial_marks
                                     for c in t.children):
            break  # "after missiles slammed into Kyiv, X asked ...": not what was asked
        t = t.head
        chain.append(t)
    return chain


def modality_of(k: CoderKnowledge, verb: Token, speaker: Token | None) -> Modality:
    negated = hypothetical = future = False
    chain = _chain(k, verb)
    for i, v in enumerate(chain):
        own = i == 0
        kids = list(v.children)
        if v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in k.rules.question_marks
                                     for c in kids):
            # "investigating whether Huawei violated sanctions": an open question
            hypothetical = True
        if own and _denied(k, kids):
            negated = True
        if own and _inverted_condition(k, v, kids):
            hypothetical = True  # "Had Iraq withdrawn from Kuwait, ..."
        auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if own or chain[i - 1].dep_ == "conj":
            if auxes & k.rules.future_aux:
                future = True
            if "would" in auxes:
                # reported ("said / warned that it would ..."): a stated future act
                if speaker is not None or (own and v.dep_ == "ccomp"):
                    future = True
                else:
                    hypothetical = True
            if auxes & k.rules.hypothetical_aux:
                if own and v.dep_ == "ccomp" and auxes & k.rules.possible_aux and \
                        v.head.lemma_.lower() in k.rules.warning_verbs:
                    # "warned that Moscow could strike ...": what a warning says may be
                    # done is threatened, as "would" is
                    future = True
                else:
                    hypothetical = True
            if any(c.dep_ == "advmod" and c.lower_ in k.rules.hedges for c in kids):
                # "would probably strike", "may possibly attend": a guess, not a promise
                hypothetical, future = True, False
        if not own and chain[i - 1].dep_ == "ccomp" and subjunctive(chain[i - 1]) and \
                v.lemma_.lower() in k.rules.mandative_verbs:
            # "recommended that the council impose an embargo": what is asked for
            hypothetical = True
        if not own and (chain[i - 1].dep_ == "ccomp" or infinitive(chain[i - 1])):
            kind = governed_as(k, v)
            if v.lemma_.lower() in k.rules.prediction_verbs and any(
                    c.dep_ == "nsubj" for c in chain[i - 1].children):
                kind = "hypothetical"  # "economists expect China to retaliate": a forecast
            future, hypothetical, negated = (future or kind == "future",
                                             hypothetical or kind == "hypothetical",
                                             negated or kind == "negated")
            if any(c.dep_ == "neg" for c in kids):
                negated = True
            if v.lemma_.lower() in k.rules.permission_verbs and any(
                    c.dep_ == "neg" for c in kids):
                negated = True  # "would not allow Israel to attack"
            if any(c.dep_ == "advmod" and c.lower_ in k.rules.pending_adverbs for c in kids):
                negated = True  # "has yet to recognise"
    # "its demand that Israel ease restrictions", "a plan to withdraw": a clause completing
    # a noun of wishing, promising or refusing is governed by it like by the verb.
    kind = _governed_by_noun(k, chain[-1])
    future, hypothetical, negated = (future or kind == "future",
                                     hypothetical or kind == "hypothetical",
                                     negated or kind == "negated")
    # Anything inside an "if/unless" clause is a condition, not an event; anything inside a
    # purpose clause is an aim.
    if in_condition(verb, k.rules.conditional_marks) or (not future and is_aim(k, verb)):
        # (an aim of an offer or pledge is part of what is offered: an intent)
        hypothetical = True
    # "going to": future.
    if any(c.lower_ == "going" for c in verb.head.children) and verb.dep_ == "xcomp":
        future = True
    # "Will China invade Taiwan?", "Did Russia attack the port?"; "Venezuela is unlikely to
    # invade Guyana": a question or a guess
    if _asked(verb) or any(v.pos_ == "ADJ" and v.lower_ in k.rules.speculative_adjectives
                           for v in chain):
        hypothetical = True
    return Modality(negated, hypothetical, future)


def _governed_by_noun(k: CoderKnowledge, top: Token) -> str | None:
    """What the noun a clause completes makes of it (as governed_as does a verb)."""
    if top.dep_ in ("acl", "ccomp", "relcl") and top.head.pos_ == "NOUN" and (
            top.dep_ != "relcl" or noun_infinitive(top)):
        return governed_as(k, top.head)
    if top.dep_ == "ccomp" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in k.rules.hypothetical_verbs
            for c in top.head.children):
        # "reiterated its demand today that Israel ease ...": the clause is what is asked.
        return "hypothetical"
    return None


def _asked(verb: Token) -> bool:
    """``verb`` is in a sentence that asks, not says: one that ends with a question mark
    (quotes after it aside)."""
    for t in reversed(verb.sent):
        if t.is_quote or t.is_space:
            continue
        return t.text == "?"
    return False


def _denied(k: CoderKnowledge, kids: list[Token]) -> bool:
    """The verb (whose children are ``kids``) is negated, or its subject or object is denied
    by its determiner: "reached no agreement", "no shots were fired", "neither side
    signed", "neither Egypt nor Jordan condemned"."""
    return any(c.dep_ == "neg" for c in kids) or any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
            g.dep_ in ("det", "preconj") and g.lower_ in k.rules.negating_determiners
            for g in c.children) for c in kids)


def _inverted_condition(k: CoderKnowledge, verb: Token, kids: list[Token]) -> bool:
    """The verb's clause opens with its auxiliary before its subject, as a condition does
    ("Had Iraq withdrawn from Kuwait, the coalition would not have attacked")."""
    aux = next((c for c in kids if c.dep_ in ("aux", "auxpass")
                and c.lower_ in k.rules.inverted_conditional_aux), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if aux is None and infinitive(verb) and verb.head.lemma_ == "be":
        # ("Were China to attack Taiwan, ...": the "were" heads the clause)
        aux, verb = verb.head, verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return aux is not None and subj is not None and aux.i < subj.i and \
        verb.dep_ != "ROOT" and aux.i == verb.left_edge.i


def is_aim(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` says what an act was for, not what was done: a clause completing a purpose
    infinitive ("sent a force to help Haiti fight gangs": the fighting; the purpose itself,
    "sent personnel to investigate", is what human coders code as the act), "in an effort /
    a bid to ..." or "aimed at pushing for ..." (rules.yaml: purpose), or a clause under one."""
    t = verb
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return False
        if t is not verb and t.dep_ == "advcl" and infinitive(t) and \
                head.pos_ in ("VERB", "AUX") and \
                head.lemma_.lower() not in k.rules.governing_verbs and \
                any(c.dep_ == "dobj" for c in head.children):
            return True
        if t.dep_ in ("acl", "relcl") and noun_infinitive(t) and \
                head.lemma_.lower() in k.rules.purpose_nouns:
            return True
        if t.dep_ == "pcomp" and head.lower_ in k.rules.purpose_preps and \
                head.head.lemma_.lower() in k.rules.purpose_verbs:
            return True
        if t.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "acl", "pcomp"):
            return False
        t = head
    return False
