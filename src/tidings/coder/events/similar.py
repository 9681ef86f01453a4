"""Acts done again by others and named only as "similar": "Obama called on Assad to step down,
and Britain, France and Germany issued a similar call", "France said it was ready to send
troops, a day after Britain made a similar pledge" (sentence rule ``similar_acts``;
rules.yaml ``similar_acts``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of, subject_of
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.records import Event


def similar_acts(k: CoderKnowledge, s: SentenceState) -> None:
    """A verb whose object is a noun of ``similar_acts.nouns`` qualified by one of
    ``similar_acts.words`` repeats the sentence's first asserted act of another doer: the
    same code and target, by the verb's own subject."""
    sa = k.rules.similar_acts
    if not sa.words:
        return
    for tok in s.tokens:
        if tok.lemma_.lower() not in sa.nouns or tok.dep_ != "dobj" or not any(
                c.dep_ == "amod" and c.lower_ in sa.words for c in tok.children):
            continue
        verb = tok.head
        if any(e.target is not None for e in s.by_verb.get(verb.i, ())):
            continue  # ("made a similar pledge to Kyiv": it names its own target)
        subj, passive = subject_of(k, verb)
        if subj is None or passive:
            continue
        doers = actors_of(k, [subj], s.matches, s.ctx, None, {})
        model = _model(s, verb, {a.code for a in doers})
        if model is None or not doers:
            continue
        s.by_verb[verb.i] = [
            replace(model, source=a, action_text=verb.text, action_start=verb.idx,
                    action_end=verb.idx + len(verb.text), rule=f"similar:{model.rule}")
            for a in doers if model.target is None or a.code != model.target.code]


def _model(s: SentenceState, verb: Token, doers: set[str]) -> Event | None:
    """The act repeated: the first asserted act of another doer coded from a word before the
    verb in the sentence, else the article's last act before it."""
    for i in sorted(s.by_verb):
        if i >= verb.i:
            break
        for e in s.by_verb[i]:
            if e.asserted and e.source.code not in doers and e.target is not None:
                return e
    earlier = [e for e in s.ctx.events if e.target is not None and e.source.code not in doers]
    return earlier[-1] if earlier else None
