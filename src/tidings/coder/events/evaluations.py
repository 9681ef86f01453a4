"""Statements that judge an act: "China said the U.S. sanctions were illegal", "Turkey said
the Swedish decision was provocative". What is said of the act is a word of a judging class
(rules.yaml evaluations: a word class of the pattern language, ``censure``), so the statement
is the class's code (criticism, 111) aimed at whom the statement was about."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.knowledge.datafiles import DataFileError


def check_rule_classes(k: CoderKnowledge) -> None:
    """The word classes rules.yaml names (evaluations.class, allegation.labels) exist: a
    clear error otherwise."""
    for key, name in (("evaluations.class", k.rules.evaluation_class),
                      ("allegation.labels", k.rules.allegation_labels)):
        if name and name not in k.patterns.classes:
            raise DataFileError(f"rules.yaml: {key}: no word class {name!r} "
                                f"(classes.yaml lists {len(k.patterns.classes)})")


def evaluations(k: CoderKnowledge, s: SentenceState) -> None:
    """"X said the move was illegal": a statement (rules.yaml evaluations: statement codes)
    whose reported clause says of its subject a word of the evaluation's word class is that
    class's code, aimed at the statement's target."""
    rules = k.rules
    word_class = rules.evaluation_class
    if not word_class or not rules.evaluation_code:
        return
    for i, verb in s.speech.items():
        events = s.by_verb.get(i)
        if not events or not any(e.code in rules.evaluation_from for e in events):
            continue
        if not any(_judged(k, c, word_class) for c in verb.children if c.dep_ == "ccomp"):
            continue
        s.by_verb[i] = [recoded(k, e, rules.evaluation_code, f"evaluation:{e.rule}")
                        if e.code in rules.evaluation_from and e.target is not None else e
                        for e in events]


def _judged(k: CoderKnowledge, clause: Token, word_class: str) -> bool:
    """``clause`` says of its subject a word of the evaluation class ("the sanctions were
    illegal and unacceptable", "the decision was a provocation")."""
    if clause.lemma_ != "be" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    said = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
    said += [g for c in said for g in c.children if g.dep_ == "conj"]
    return any(k.patterns.word_matches(t, "&" + word_class) for t in said)
