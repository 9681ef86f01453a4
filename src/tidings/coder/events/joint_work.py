"""Work two sides named together do jointly: "Kazakhstan and Uzbekistan began jointly dredging
the river", "Chinese and Russian survey teams began joint work on the border", "Nigerien and
Chadian troops began a joint offensive" is cooperation between the sides, both ways, when
nothing else of the sentence names an act between them (sentence rule ``joint_work``;
rules.yaml ``joint_acts.cooperation``)."""

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
    named together as its subject, and matching no pattern but joint acts of theirs with no
    target: each side cooperated with the others (``code``, or ``military_code`` when the
    sides are all of ``military_agents`` or their joint act is one of joint_acts.roots)."""
    jw = k.rules.joint_work
    if not jw.words or not jw.code:
        return
    matched = {v.i: m.pattern.code[:2] for v, m in s.verb_matches}
    for verb in _joint_verbs(k, s.tokens):
        own = s.by_verb.get(verb.i, [])
        if any(e.target is not None for e in own) or (
                verb.i in matched and matched[verb.i] not in k.rules.joint_roots):
            continue  # ("jointly condemned the attack": an act of its own kind)
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
        military = all(a.agent in jw.military_agents for a in sides) or any(
            e.root in k.rules.joint_roots for e in own)
        code = (jw.military_code if military else None) or jw.code
        flags = modality_of(k, verb, None)
        made = [ev for a in sides for b in sides if a is not b and (ev := make(
            k, code, a, b, [verb], s.index, f"joint work:{verb.lemma_.lower()}", flags))]
        s.by_verb[verb.i] = [*own, *made]


def _joint_verbs(k: CoderKnowledge, tokens: list[Token]) -> list[Token]:
    """The verbs said to be done jointly: by their own adverb, or their object's adjective."""
    jw = k.rules.joint_work
    out: list[Token] = []
    for t in tokens:
        if t.lower_ not in jw.words:
            continue
        if t.dep_ == "advmod" and t.head.pos_ == "VERB":
            verb = t.head
        elif t.dep_ == "amod" and t.head.dep_ == "dobj" and t.head.head.pos_ == "VERB" and \
                t.head.lemma_.lower() not in jw.not_work:
            verb = t.head.head
        else:
            continue
        if verb not in out:
            out.append(verb)
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
