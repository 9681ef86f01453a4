"""What an accusation or an investigation is about: "accused the ruling party of rigging the
count" is an accusation of crime (1121), "opened an investigation into possible war crimes" an
investigation of war crimes (094) (sentence rule ``topics``; rules.yaml ``topics``, word
classes in classes.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState

# What a verb of accusing or investigating governs of its topic: "accused X of ...", "blamed X
# for ...", "an investigation into ...", "charged that ...", "probing links to ...".
_TOPIC_ARCS = ("prep", "pcomp", "pobj", "dobj", "ccomp", "xcomp", "attr", "acl", "relcl",
               "compound", "amod")


def topics(k: CoderKnowledge, s: SentenceState) -> None:
    """An accusation or investigation coded in general terms (``topics.codes``) whose verb
    governs, after it, a word of one of ``topics.classes`` (tried in order) is recoded with
    that class's digit: the code's prefix and the digit, where the codebook has it."""
    codes, classes = k.rules.topic_codes, k.rules.topic_classes
    if not codes:
        return
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        if not any(e.code in codes for e in evs):
            continue
        digit = _topic(k, doc[i], classes)
        if digit is None:
            continue
        out = []
        for e in evs:
            code = codes.get(e.code, "") + digit
            if e.code in codes and code in k.ontology:
                e = recoded(k, e, code, f"topic:{e.rule}")
            out.append(e)
        s.by_verb[i] = out


def _topic(k: CoderKnowledge, word: Token, classes: dict[str, str]) -> str | None:
    """The digit of the first class with a member among the words ``word`` governs after it
    (its own compound modifiers too: "war crimes investigations")."""
    words = [t for c in word.children if c.dep_ in _TOPIC_ARCS and (c.i > word.i or c.dep_ in (
        "compound", "amod")) for t in c.subtree]
    for name, digit in classes.items():
        if any(k.patterns.word_matches(t, "&" + name) for t in words):
            return digit
    return None
