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

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.records import Actor, Event

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


def warned_conditions(k: CoderKnowledge, s: SentenceState) -> None:
    """"warned Meta that it could block Instagram unless the company ...": a promise with a
    condition is coded as a threat of its own (``conditional:``), and a threat of the verb
    of warning that reports it is the same threat: the reported one is dropped. The warning
    keeps whom it was told to, unless that is the warner's own side ("China's defence
    minister warned that the PLA would strike if Taiwan ...": Taiwan)."""
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        warns = [e for e in evs if e.root == k.rules.threat_root
                 and not e.rule.startswith("conditional:")]
        if not warns:
            continue
        for clause in doc[i].children:
            if clause.dep_ != "ccomp" or clause.i not in s.by_verb:
                continue
            conditional = [e for e in s.by_verb[clause.i] if e.rule.startswith("conditional:")
                           and any(_same_side(w.source, e.source) for w in warns)]
            if not conditional:
                continue
            s.by_verb[i] = [_aimed_as(e, conditional) if e in warns else e for e in evs]
            s.by_verb[clause.i] = [e for e in s.by_verb[clause.i] if e not in conditional]


def _same_side(a: Actor, b: Actor) -> bool:
    return a.code == b.code or a.country is not None and a.country == b.country


def _aimed_as(warning: Event, conditional: list[Event]) -> Event:
    """The warning, aimed where the threat it reports is when it was told to no one, to its
    own side or to someone of no known country."""
    tgt = warning.target
    if tgt is None or tgt.country is None or _same_side(tgt, warning.source):
        other = next((e.target for e in conditional if e.target is not None
                      and not _same_side(e.target, warning.source)), None)
        if other is not None:
            return replace(warning, target=other)
    return warning
