"""The sentence rule ``answers``: an act that names no one is aimed at the party it answers
(the doer of another act of the sentence, whoever used force against the doer's country,
whoever else acted), or dropped when it needs a party and none is found."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.context import UNKNOWN
from tidings.coder.events.arguments import actors_of, subject_of
from tidings.coder.events.provocations import border_party, provoker
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.records import Actor, Event


def answers(k: CoderKnowledge, s: SentenceState) -> None:
    """"Tehran vowed a reciprocal response", "blamed the militias and vowed to respond": an
    act of a pattern marked `answer` with no target is aimed at the other party of the
    latest event before it that involved its source (this sentence's first, then the
    article's), else at whoever else acted in the sentence; with none, it is dropped. An
    act of rules.yaml answer_roots with no target ("refused to resign as protesters marched
    on her residence") is aimed at the other party of the sentence's other act involving its
    source; with none, it stays as it is. An act of rules.yaml other_doer_roots with no
    target (a rejection answering no act of its doer's too) is aimed at whoever else did the
    sentence's nearest other act, or else at the subject of its nearest other verb. A
    disapproval of rules.yaml criticised_codes with no target is aimed the same way, and
    dropped when neither is found. A show of force of rules.yaml provoked_roots with no
    target is aimed at whoever used force against its doer's country in the sentence."""
    answer_ids = k.patterns.answer_ids
    for i in sorted(s.by_verb):
        kept: list[Event] = []
        nearest_first = [x for j in [*sorted(j for j in s.by_verb if j < i)[::-1],
                                     *sorted(j for j in s.by_verb if j > i)]
                         for x in s.by_verb[j]]
        for e in s.by_verb[i]:
            if e.target is None and e.root in k.rules.provoked_roots and (
                    by := provoker(k, e, s.tokens[0].doc[i], [
                        (s.tokens[0].doc[j], x) for j in s.by_verb if j != i
                        for x in s.by_verb[j]]) or border_party(
                        k, s, s.tokens[0].doc[i], e)) is not None:
                kept.append(replace(e, target=by))  # "went on alert after X shelled Y"
                continue
            # (a denial answers the accusation as a rejection does: rules.yaml denial)
            by_root = e.code.startswith(tuple(k.rules.answer_roots)) or \
                e.code == k.rules.denial_code
            answer = e.rule.split(" (")[0] in answer_ids
            if e.target is None and e.code.startswith(k.rules.criticised_codes) \
                    and not (answer or by_root):
                # "Wagner seized Rostov, and Putin branded the mutiny treason": whoever else
                # did the sentence's other act (not when its own object names someone the
                # coder does not know: "said Serbia had threatened its neighbours")
                if not _object_named(s.tokens[0].doc[i]) and (
                        doer := _other_doer(e, nearest_first) or _clause_doer(k, s, i, e)) \
                        is not None:
                    kept.append(replace(e, target=doer))
                continue
            if e.target is None and e.root in k.rules.other_doer_roots and not (
                    answer or by_root):
                # "Russia launched an offensive, and the UN demanded a halt"
                doer = _other_doer(e, nearest_first) or _clause_doer(k, s, i, e)
                kept.append(replace(e, target=doer) if doer is not None else e)
                continue
            if e.target is not None or not (answer or by_root):
                kept.append(e)
                continue
            if by_root:
                # "Hasina refused to step down as protesters marched on her residence": a
                # refusal answers the other party of the sentence's act involving its doer
                others = [x for j in sorted(s.by_verb) if j != i for x in s.by_verb[j]
                          if e.code not in k.rules.answered_roots
                          or x.root in k.rules.answered_roots[e.code]]
                other = _answered(e, others)
                if other is None and e.root in k.rules.other_doer_roots and \
                        e.code not in k.rules.answered_roots:
                    other = _other_doer(e, nearest_first) or _clause_doer(k, s, i, e)
                kept.append(replace(e, target=other) if other is not None else e)
                continue
            earlier = [x for j in sorted(s.by_verb) if j < i for x in s.by_verb[j]]
            other = _answered(e, [*s.ctx.events, *earlier])
            if other is None:
                # "recalled its ambassador, two days after Somalia expelled a Kenyan
                # diplomat": what it answers may come after it in the sentence
                later = [x for j in sorted(s.by_verb) if j > i for x in s.by_verb[j]]
                other = _answered(e, later) or _other_doer(e, nearest_first) or \
                    _clause_doer(k, s, i, e)
            if other is not None:
                kept.append(replace(e, target=other))
        if kept:
            s.by_verb[i] = kept
        else:
            del s.by_verb[i]


def _answered(e: Event, before: list[Event]) -> Actor | None:
    """The other party of the latest event in ``before`` that involved ``e``'s source."""
    mine = {e.source.code} | ({e.source.country} if e.source.country else set())
    for x in reversed(before):
        if x.target is None:
            continue
        if {x.target.code, x.target.country} & mine and x.source.code not in mine:
            return x.source
        if {x.source.code, x.source.country} & mine and x.target.code not in mine:
            return x.target
    return None


def _other_doer(e: Event, others: list[Event]) -> Actor | None:
    """The doer of the first of ``others`` (nearest first) that is known and neither ``e``'s
    source nor, as a whole, its state (a part of the same country is another doer: "Wagner
    seized Rostov, and Putin branded the mutiny treason"; "troops massed outside the palace
    in what the president denounced as a coup attempt")."""
    def same(a: Actor, b: Actor) -> bool:
        return a.code == b.code or a.code == b.country or b.code == a.country

    return next((x.source for x in others if not same(x.source, e.source)
                 and not x.source.code.startswith(UNKNOWN)), None)


def _object_named(word: Token) -> bool:
    """The verb ``word`` has a direct object that names whom it is aimed at by a possessive
    pronoun ("threatened its neighbours"), though no actor the coder knows."""
    return word.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children)
        for c in word.children)


def _clause_doer(k: CoderKnowledge, s: SentenceState, i: int, e: Event) -> Actor | None:
    """With no other act coded, the subject of the sentence's nearest other verb, when it
    names someone on another side than ``e``'s source ("Lithuania opened a Taiwanese
    representative office, and Beijing denounced the decision": the opening is no event)."""
    mine = {e.source.code, e.source.country}
    for verb in sorted((v for v in s.verbs if v.i != i and v.pos_ == "VERB"),
                       key=lambda v: abs(v.i - i)):
        subj, passive = subject_of(k, verb)
        if subj is None or passive or subj.pos_ == "PRON":
            continue
        found = [a for a in actors_of(k, [subj], s.matches, s.ctx, None, {})
                 if not a.code.startswith(UNKNOWN)]
        if found and not {found[0].code, found[0].country} & mine:
            return found[0]
    return None
