"""Support rallied on someone's behalf: "Poland urged its partners to rally behind Moldova",
"France lobbied EU members to throw their weight behind Armenia" are acts for the one
supported (CAMEO 053, "rally support on behalf of"), not appeals to those urged, as the CAMEO
manual's own example codes it (sentence rule ``rallied_support``; rules.yaml
``rally_support``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of
from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.coder.rules_sections import RallySupport
from tidings.records import Actor


def rallied_support(k: CoderKnowledge, s: SentenceState) -> None:
    """An appeal (rules.yaml ``rally_support.roots``) whose verb asks the addressed to support
    someone (an infinitive of ``rally_support.verbs`` with an actor for its object or after one
    of ``rally_support.preps``) is support rallied on that one's behalf, aimed at them;
    one asking them to act together against someone (``rally_opposition``), opposition rallied
    against that one."""
    for rs in (k.rules.rally_support, k.rules.rally_opposition):
        if rs.code:
            _rallied(k, s, rs, rs.code)


def _rallied(k: CoderKnowledge, s: SentenceState, rs: RallySupport, code: str) -> None:
    doc = s.tokens[0].doc
    for i, events in list(s.by_verb.items()):
        if not any(e.root in rs.roots for e in events):
            continue
        supported = [t for t in _supported(k, doc[i], s, rs) if not t.code.startswith("---")]
        out = []
        for e in events:
            # (support for the appealer's own cause is asked for, not rallied: "Kosovo appealed
            # to EU members to back its bid")
            others = [t for t in supported if t.country != e.source.country]
            if e.root not in rs.roots or not others:
                out.append(e)
                continue
            out += [*(replace(recoded(k, e, code, f"rally:{e.rule}"), target=t)
                         for t in others)]
        s.by_verb[i] = out


def _supported(k: CoderKnowledge, verb: Token, s: SentenceState,
               rs: RallySupport) -> list[Actor]:
    """Whom the infinitive of support (or opposition) under ``verb`` names."""
    for c in verb.children:
        if c.dep_ not in ("xcomp", "ccomp") or c.lemma_.lower() not in rs.verbs or any(
                g.dep_ == "neg" for g in c.children):
            continue  # ("urged Blair not to join ...": asked not to)
        heads = [g for g in c.children if g.dep_ == "dobj"] if rs.objects else []
        heads += [o for p in c.children if p.dep_ == "prep" and p.lower_ in rs.preps
                  for o in p.children if o.dep_ == "pobj"]
        heads += [o for d in c.children if d.dep_ == "dobj" for p in d.children
                  if p.dep_ == "prep" and p.lower_ in rs.preps
                  for o in p.children if o.dep_ == "pobj"]  # ("their weight behind X")
        found = actors_of(k, heads, s.matches, s.ctx, None, {})
        if found:
            return found
    return []
