"""A repair of the parse for people's names the parser split: a word of a name taken for a
preposition, a determiner or a verb ("Senior General Than Shwe", "Le Duc Anh", "To Lam")."""

from __future__ import annotations

from spacy.tokens import Span

# Parts of speech and arcs that a word inside a name never has.
_BROKEN_POS = ("ADP", "SCONJ", "DET", "VERB", "AUX", "PART")
_BROKEN_DEPS = ("prep", "pobj", "preconj", "mark", "advmod")


def restore_broken_name(name: Span) -> None:
    """"Senior General Than Shwe met Ban Ki-moon": a person's name (``name``, an entity of
    several words) with a word parsed as a preposition, a determiner or a verb is made one phrase
    again: its words, and the titles in capitals right before it, modify its last word, which
    takes the place in the sentence of the phrase's highest word."""
    last = name[-1]
    if any(t.pos_ in ("CCONJ", "PUNCT") and t.text != "-" for t in name):
        return  # ("Putin and Xi" taken for one name: two people)
    if not any(t.pos_ in _BROKEN_POS or t.dep_ in _BROKEN_DEPS for t in name[:-1]):
        return
    doc = name.doc
    start = name.start
    while start > name.sent.start and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title:
        start -= 1
    run = doc[start:name.end]
    ids = {t.i for t in run}
    tops = [t for t in run if t.head.i not in ids or t.head.i == t.i]
    if len(tops) != 1 or tops[0].head.i == tops[0].i:
        return  # (a name that is the whole clause's root is left as it is)
    head, dep = tops[0].head, tops[0].dep_
    outside = [c for t in run for c in t.children if c.i not in ids]
    last.head, last.dep_ = head, dep
    for t in run:
        if t.i != last.i:
            t.head, t.dep_ = last, "compound"
    for c in outside:
        c.head = last
