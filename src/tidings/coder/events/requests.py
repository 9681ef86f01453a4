"""What a request asks for: "demanded that Ethiopia withdraw its forces" is a demand for
de-escalation (1056), "asked Japan to provide economic aid" an appeal for economic aid (0231)
(sentence rule ``requested_acts``; rules.yaml ``requested_acts``).

The codebook builds its appeals (02x), demands (10x) and intents (03x) alike: the same last
digits name the same act asked for, demanded or promised. So the act a request's clause names,
through its intent code (``intent`` in cameo.yaml: release 0841 -> 0353), gives the request's
code: the request's root and the intent's digits (0253, 1053)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState

# How a request governs the clause of what it asks: "demanded that X withdraw" (ccomp),
# "urged X to withdraw" (xcomp), "called on X to allow" (at times parsed as advcl).
_CLAUSES = ("ccomp", "xcomp", "advcl")


def requested_acts(k: CoderKnowledge, s: SentenceState) -> None:
    """A request coded in general terms (rules.yaml ``requested_acts.codes``: "demanded",
    "called on") whose clause names an act the codebook has an intent for is recoded as the
    request for that act. The act itself stays unasserted, as the request's modality made it."""
    codes = k.rules.requested_codes
    if not codes:
        return
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        if not any(e.code in codes for e in evs):
            continue
        digits = _asked(k, s, doc[i])
        if digits is None:
            continue
        s.by_verb[i] = [recoded(k, e, e.root + digits, f"request:{e.rule}")
                        if e.code in codes and e.root + digits in k.ontology else e
                        for e in evs]


def _asked(k: CoderKnowledge, s: SentenceState, verb: Token) -> str | None:
    """The digits after the root of the intent code of the first act coded in a clause
    ``verb`` governs (or in one joined to it), or None."""
    for clause in verb.children:
        if clause.dep_ not in _CLAUSES or clause.i < verb.i:
            continue
        for head in (clause, *(c for c in clause.children if c.dep_ == "conj")):
            for e in s.by_verb.get(head.i, ()):
                intent = e.code if e.root == "03" else k.ontology.intent_of(e.intent_of or e.code)
                if intent and intent[:2] == "03" and len(intent) > 2 and intent[2] != "0":
                    return intent[2:]
    return None
