"""What an accusation, an investigation or a protest is about: "accused the ruling party of
rigging the count" is an accusation of crime (1121), "opened an investigation into possible
war crimes" an investigation of war crimes (094), "marched to protest against the new farm
laws" a demonstration for a change of policy (1412) (sentence rule ``topics``; rules.yaml
``topics``, word classes in classes.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState

# What a verb of accusing, investigating or protesting governs of its topic: "accused X of
# ...", "blamed X for ...", "an investigation into ...", "charged that ...", "marched to
# protest against ...", "a strike against ...".
_TOPIC_ARCS = ("prep", "pcomp", "pobj", "dobj", "ccomp", "xcomp", "attr", "acl", "relcl",
               "compound", "amod", "advcl")


def topics(k: CoderKnowledge, s: SentenceState) -> None:
    """An act coded in general terms (the ``codes`` of a group of ``topics``: an accusation,
    an investigation, a protest) whose verb governs, after it, a word of one of the group's
    ``classes`` (tried in order) is recoded with that class's digit: the code's prefix and
    the digit, where the codebook has it."""
    doc = s.tokens[0].doc
    for codes, classes in k.rules.topics:
        # (the digit found for a pair of actors holds for all their acts of the group in the
        # sentence: "stormed the parliament and set it on fire" is one riot, one aim)
        found: dict[tuple[str, str], str] = {}
        for i, evs in s.by_verb.items():
            digit = _topic(k, doc[i], classes) if any(e.code in codes for e in evs) else None
            for e in evs:
                if digit is not None and e.code in codes:
                    found.setdefault((e.source.code, e.target_code), digit)
        if not found:
            continue
        for i, evs in list(s.by_verb.items()):
            out = []
            for e in evs:
                digit = found.get((e.source.code, e.target_code))
                code = codes.get(e.code, "") + (digit or "")
                if digit is not None and e.code in codes and code in k.ontology:
                    e = recoded(k, e, code, f"topic:{e.rule}")
                out.append(e)
            s.by_verb[i] = out


def _topic(k: CoderKnowledge, word: Token, classes: dict[str, str]) -> str | None:
    """The digit of the first class with a member among the words ``word`` governs after it
    (its own compound modifiers too: "war crimes investigations")."""
    # (not a participle of its own: what "..., demanding his removal" asks gives the aim of a
    # protest elsewhere, building.aimed; "waving portraits of the junta leader" none)
    words = [t for c in word.children if c.dep_ in _TOPIC_ARCS and (c.i > word.i or c.dep_ in (
        "compound", "amod")) and not (c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG")
             for t in c.subtree]
    for name, digit in classes.items():
        if any(k.patterns.word_matches(t, "&" + name) for t in words):
            return digit
    return None
