"""What a request or a threat names: "demanded that Ethiopia withdraw its forces" is a demand
for de-escalation (1056), "called on Syria to allow aid convoys" an appeal for international
access (0255), "threatened to impose sanctions" a threat of an embargo (1312) (sentence rule
``requested_acts``; rules.yaml ``requested_acts``).

The codebook builds its appeals (02x), demands (10x) and cooperative intents (03x) alike: the
same last digits name the same act asked for, demanded or promised. So the act a request's
clause names, through its intent code (``intent`` in cameo.yaml: release 0841 -> 0353), gives
the request's code: the request's root and the intent's digits (0253, 1053). A threat (13x)
is the conflictual act's intent itself (an embargo 163 -> 1312)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.records import Actor

# How a request governs the clause of what it asks: "demanded that X withdraw" (ccomp),
# "urged X to withdraw" (xcomp), "called on X to allow" (at times parsed as advcl).
_CLAUSES = ("ccomp", "xcomp", "advcl")


def requested_acts(k: CoderKnowledge, s: SentenceState) -> None:
    """A request or threat coded in general terms (rules.yaml ``requested_acts.codes``:
    "demanded", "called on", "threatened") whose clause names an act the codebook has an
    intent for is recoded as the request or threat of that act (``requested_acts.mirrors``:
    the root of intents each root's codes mirror). The act itself stays unasserted, as the
    request's modality made it. An act in a condition is not what is asked or threatened
    ("warned Moscow that the West would act if Russia invaded"), nor is someone else's act
    what a threat threatens ("warned that Russia could invade Ukraine")."""
    codes, mirrors = k.rules.requested_codes, k.rules.requested_mirrors
    if not codes:
        return
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        if not any(e.code in codes for e in evs):
            continue
        acts = _asked(k, s, doc[i])
        out = []
        for e in evs:
            if e.code in codes:
                # (a threat is of the threatener's own act: "warned that Russia could
                # invade" threatens no invasion)
                own = mirrors.get(e.root) == e.root
                intent = next((a for a, by in acts if not own or None in (
                    by.country, e.source.country) or by.country == e.source.country), None)
                code = e.root + intent[2:] if intent else e.code
                if intent and intent[:2] == mirrors.get(e.root) and code != e.code and \
                        code in k.ontology:
                    e = recoded(k, e, code, f"{'threat' if own else 'request'}:{e.rule}")
            out.append(e)
        s.by_verb[i] = out


def _asked(k: CoderKnowledge, s: SentenceState, verb: Token) -> list[tuple[str, Actor]]:
    """The intent codes of the acts coded in the clauses ``verb`` governs (or in ones joined
    to them), each with its doer."""
    found: list[tuple[str, Actor]] = []
    for clause in verb.children:
        if clause.dep_ not in _CLAUSES or clause.i < verb.i or clause.dep_ == "advcl" and \
                any(c.dep_ == "mark" for c in clause.children):
            continue  # (nor what happened "as" or "after" it was asked)
        for head in (clause, *(c for c in clause.children if c.dep_ == "conj")):
            for e in s.by_verb.get(head.i, ()):
                if e.rule.startswith("conditional:"):
                    continue  # (an act in a condition: "if Russia invaded")
                intent = e.code if e.intent_of or e.root == "03" else \
                    k.ontology.intent_of(e.code)
                if intent and len(intent) > 2:
                    found.append((intent, e.source))
    return found
