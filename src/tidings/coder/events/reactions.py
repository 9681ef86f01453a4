"""Acts that another act prompted are aimed at whoever did it: "Iraqi troops moved toward the
Kuwaiti border, prompting Washington to rush warships to the Gulf" (sentence rule
prompted_reactions; the prompting verbs are rules.yaml prompting_verbs)."""

from __future__ import annotations

from dataclasses import replace

from tidings.coder.events.scope import CoderKnowledge, SentenceState


def prompted_reactions(k: CoderKnowledge, s: SentenceState) -> None:
    """An act with no target that a participle of a prompting verb says was caused ("...,
    prompting X to ...", "..., forcing X to ...") is aimed at the doer of the act that
    participle hangs on, when that act was coded and its doer is of another country (a
    country's own people prompting its police are left to the other rules)."""
    doc = s.tokens[0].doc if s.tokens else None
    if doc is None:
        return
    for i in list(s.by_verb):
        verb = doc[i]
        prompt = verb.head
        if verb.dep_ not in ("xcomp", "ccomp") or \
                prompt.lemma_.lower() not in k.rules.prompting_verbs or \
                prompt.tag_ != "VBG" or prompt.dep_ not in ("advcl", "conj"):
            continue
        causes = [e for e in s.by_verb.get(prompt.head.i) or [] if e.asserted]
        if not causes:
            continue
        cause = causes[0].source
        s.by_verb[i] = [replace(e, target=cause, rule=f"{e.rule}+prompted")
                        if e.target is None and e.source.code != cause.code
                        and e.source.country != cause.country else e
                        for e in s.by_verb[i]]
