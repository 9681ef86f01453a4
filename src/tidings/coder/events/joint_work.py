"""Work two sides named together do jointly: "Kazakhstan and Uzbekistan began jointly dredging
the river", "Chinese and Russian survey teams began joint work on the border" is cooperation
between the sides, both ways, when nothing else of the sentence names an act between them
(sentence rule ``joint_work``; rules.yaml ``joint_acts.cooperation``). A joint act coded as
what it is ("began a joint offensive": each side's offensive) is left as it is."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of, subject_of
from tidings.coder.events.building import make
from tidings.coder.events.modality import modality_of
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.records import Actor


def joint_work(k: CoderKnowledge, s: SentenceState) -> None:
    """A verb with an adverb of ``joint_acts.cooperation.words`` ("jointly inaugurated"), or
    whose object has one as its adjective ("began joint work"; not an object of
    ``not_work``: "issued a joint statement"), done by several actors of different countries
    named together as its subject, the verb and the work coded as nothing of their own (a
    pattern of joint_acts.roots may match, making no event): each side cooperated with the others
    (``code``, or ``military_code`` when the sides are all of ``military_agents``)."""
    jw = k.rules.joint_work
    if not jw.words or not jw.code:
        return
    matched = {v.i: m.pattern.code[:2] for v, m in s.verb_matches}
    for verb, work in _joint_verbs(k, s.tokens):
        if s.by_verb.get(verb.i) or s.by_verb.get(work.i) or (
                verb.i in matched and matched[verb.i] not in k.rules.joint_roots):
            continue  # ("jointly condemned the attack", "jointly shelled the town": an act
            # of its own kind, coded as it is)
        subj, passive = subject_of(k, verb)
        if subj is None or passive:
            continue
        heads = [subj, *subj.conjuncts]
        sides = _sides([a for a in actors_of(k, [subj], s.matches, s.ctx, None, {},
                                             remember=False)
                        if any(a.start <= h.idx < a.end for h in heads)
                        and not a.rule.startswith(("in:", "at:"))])
        if len(sides) < 2 or _related(s, sides):
            continue
        military = all(a.agent in jw.military_agents for a in sides)
        code = (jw.military_code if military else None) or jw.code
        flags = modality_of(k, verb, None)
        made = [ev for a in sides for b in sides if a is not b and (ev := make(
            k, code, a, b, [verb], s.index, f"joint work:{verb.lemma_.lower()}", flags))]
        s.by_verb[verb.i] = made


def _joint_verbs(k: CoderKnowledge, tokens: list[Token]) -> list[tuple[Token, Token]]:
    """The verbs said to be done jointly, each with the word that names the work: the verb
    itself for its own adverb, its object for the object's adjective."""
    jw = k.rules.joint_work
    out: list[tuple[Token, Token]] = []
    for t in tokens:
        if t.lower_ not in jw.words:
            continue
        if t.dep_ == "advmod" and t.head.pos_ == "VERB":
            found = (t.head, t.head)
        elif t.dep_ == "amod" and t.head.dep_ == "dobj" and t.head.head.pos_ == "VERB" and \
                t.head.lemma_.lower() not in jw.not_work:
            found = (t.head.head, t.head)
        else:
            continue
        if found not in out:
            out.append(found)
    return out


def _sides(actors: list[Actor]) -> list[Actor]:
    """One actor per country (or organisation) named (by the subject's own words, not a
    phrase of place: "output in Kuwait and Qatar rose jointly")."""
    seen: dict[str, Actor] = {}
    for a in actors:
        key = a.country or a.code
        if key and not key.startswith("---"):
            seen.setdefault(key, a)
    return list(seen.values())


def _related(s: SentenceState, sides: list[Actor]) -> bool:
    """The sentence already codes an act of one side to another."""
    codes = {a.code for a in sides}
    return any(e.target is not None and e.source.code in codes and e.target.code in codes
               for evs in s.by_verb.values() for e in evs)
