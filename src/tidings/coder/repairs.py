"""Repairs of parse errors that wire copy provokes in the small English model, made on the
parsed document before anything is coded.

The one repair today: a weekday written bare after a name ("met Syrian President Bashar Assad
Tuesday") is often parsed as the head of the noun phrase, with the name as its modifier, so the
verb seems to have met "Tuesday". The name is made the head again (it takes the weekday's
place and role) and the weekday becomes the time of the act. The words of time are data
(``grammar: bare_time_words`` in rules.yaml).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "conj", "appos", "attr",
                    "npadvmod"})
_MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nmod", "case", "punct"})


def repair_parse(doc: Doc, time_words: frozenset[str]) -> None:
    """Undo "name + bare weekday" heads in ``doc`` (changes its arcs in place)."""
    if not time_words:
        return
    for tok in doc:
        if tok.lower_ in time_words and tok.dep_ in _ROLES and tok.head.i != tok.i:
            name = _name_before(tok)
            if name is not None:
                _make_head(tok, name)


def _name_before(time: Token) -> Token | None:
    """The proper name that modifies ``time`` right before it, if any."""
    if time.i == 0:
        return None
    prev = time.doc[time.i - 1]
    if prev.head.i == time.i and prev.dep_ == "compound" and prev.pos_ == "PROPN":
        return prev
    return None


def _new_role(time: Token) -> str | None:
    """The role the name takes: the weekday's own, or for a weekday parsed as a time of the
    verb, the verb's missing subject (before it) or missing object (after it)."""
    role, verb = time.dep_, time.head
    if role != "npadvmod":
        return role
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = {c.dep_ for c in verb.children}
    if time.i < verb.i:
        return None if kids & {"nsubj", "nsubjpass", "csubj"} else "nsubj"
    return None if kids & {"dobj", "dative", "ccomp"} else "dobj"


def _make_head(time: Token, name: Token) -> None:
    role = _new_role(time)
    if role is None:
        return
    verb = time.head
    # (the weekday's other modifiers before the name belong to the name: "Syrian President")
    for mod in [c for c in time.children if c.i < name.i and c.dep_ in _MODIFIERS]:
        mod.head = name
    name.head = verb
    name.dep_ = role
    if role == "pobj":
        # ("talks with Lavrov Monday": the weekday is the time of what the phrase hangs on)
        time.head = verb.head if verb.head.i != verb.i else verb
    time.dep_ = "npadvmod"
