"""What a crowd of protesters demands: "as protesters demanded the prime minister's
resignation" is a demonstration for leadership change (1411), not a demand (1041)
(sentence rule ``crowd_demands``; rules.yaml ``riot.demand_code``, ``demand_aims``)."""

from __future__ import annotations

from tidings.coder.events.building import recoded
from tidings.coder.events.roles import group_lemmas
from tidings.coder.events.scope import CoderKnowledge, SentenceState


def crowd_demands(k: CoderKnowledge, s: SentenceState) -> None:
    """A demand for a change (rules.yaml ``demand_aims``: a leader's going, a policy, rights,
    a regime) made by a crowd of protesters (``riot.doers``) is a demonstration for it
    (``riot.demand_code`` and the aim's digit). When the sentence codes a protest by the same
    doer, the demand is that protest's aim and is dropped ("rioters demanding his resignation
    set fire to shops"); a participle of the protest's own verb ("marched ..., demanding
    reforms") is left to be merged into its code (``building.aimed``)."""
    code = k.rules.crowd_demand_code
    if not code:
        return
    doc = s.tokens[0].doc
    protesting = {e.source.code for evs in s.by_verb.values() for e in evs
                  if e.root == code[:2]}
    for i, evs in list(s.by_verb.items()):
        head = doc[i].head
        if doc[i].dep_ == "advcl" and any(e.root == code[:2] for e in s.by_verb.get(head.i, ())):
            continue
        out = []
        for e in evs:
            aim = k.rules.demand_aims.get(e.code)
            if aim and group_lemmas(e.source, doc) & k.rules.riot_doers:
                if e.source.code in protesting:
                    continue
                e = recoded(k, e, code + aim, f"crowd demand:{e.rule}")
            out.append(e)
        s.by_verb[i] = out
