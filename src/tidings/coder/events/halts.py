"""Attacks stopped: "Israel halted its air strikes on Gaza", "the rebels stopped shelling the
capital", "Hezbollah said it would stop firing rockets into Israel" report no attack (the verb
of stopping denies it) but a de-escalation by the attacker towards whom it attacked (087; a
stated future one, an intent: 0356) (sentence rule ``halted_attacks``; rules.yaml
``halted_attacks``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.arguments import speaker_of
from tidings.coder.events.building import recoded
from tidings.coder.events.modality import modality_of
from tidings.coder.events.scope import CoderKnowledge, SentenceState


def halted_attacks(k: CoderKnowledge, s: SentenceState) -> None:
    """An act of ``halted_attacks.roots`` whose verb or noun is what a verb of
    ``halted_attacks.verbs`` governs ("stopped shelling", "halted its strikes") is recoded as
    ``halted_attacks.code`` with the stopping verb's own modality."""
    rules = k.rules
    if not rules.halt_code:
        return
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        halt = _halting_verb(k, doc[i])
        if halt is None:
            continue
        flags = modality_of(k, halt, speaker_of(k, halt, s.speech))
        out = []
        for e in evs:
            if e.root in rules.halt_roots and e.negated:
                code = rules.halt_code
                intent = k.ontology.intent_of(code) if flags.future and not flags.negated else None
                e = replace(recoded(k, e, intent or code, f"halt:{halt.lemma_.lower()}>{e.rule}"),
                            negated=flags.negated, hypothetical=flags.hypothetical,
                            future=flags.future, intent_of=code if intent else None)
            out.append(e)
        s.by_verb[i] = out


def _halting_verb(k: CoderKnowledge, word: Token) -> Token | None:
    """The verb of stopping whose complement ("stopped firing") or object ("halted its
    strikes") ``word`` is."""
    head = word.head
    if head.i == word.i or head.pos_ != "VERB" or head.lemma_.lower() not in k.rules.halt_verbs:
        return None
    if word.pos_ == "VERB" and word.dep_ in ("xcomp", "ccomp") and word.tag_ == "VBG" or \
            word.pos_ == "NOUN" and word.dep_ == "dobj":
        return head
    return None
