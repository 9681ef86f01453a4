"""Repairs of how clauses hang together (part of the parse repairs in ``repairs``; see its
docstring for the cases)."""

from __future__ import annotations

from spacy.tokens import Token


def restore_tensed_conjunct(verb: Token) -> None:
    """"Iraq demanded that the Council lift the sanctions, and accused the United States of
    ...": a verb in the past tense with no subject of its own, parsed as coordinated with a
    bare verb inside a clause the main verb governs ("lift", "to freeze"), is coordinated
    with the main verb: a bare verb and a past tense cannot share a subject."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.tag_ != "VB" or \
            head.dep_ not in ("ccomp", "xcomp") or head.head.i == head.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return
    main = head.head
    if main.pos_ not in ("VERB", "AUX") or main.i > head.i:
        return
    verb.head = main
    for c in head.children:
        if c.dep_ == "cc" and c.i < verb.i and not any(
                d.dep_ == "conj" and c.i < d.i < verb.i for d in head.children):
            c.head = main
