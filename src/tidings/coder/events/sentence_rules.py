"""Sentence-level rules: applied, in the order they are registered here, after each verb
and noun of a sentence has been coded on its own. Each rule is a function of the compiled
knowledge and the sentence's state that rewrites ``state.by_verb``; its words and codes are
data in data/patterns/rules.yaml, and a data directory can switch any rule off by name
(``sentence_rules: {disabled: [name, ...]}`` in rules.yaml). ``SENTENCE_RULES`` at the end
lists them; ``tidings rules`` prints them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from tidings.coder.context import UNKNOWN
from tidings.coder.events.accusations import (
    allegations,
    lawsuits,
    reported_accusations,
    reported_harm,
    toll_reports,
)
from tidings.coder.events.answers import answers
from tidings.coder.events.arguments import actors_of, speaker_of, subject_of
from tidings.coder.events.background import background, dated_past
from tidings.coder.events.building import make
from tidings.coder.events.consultations import (
    consultation_settings,
    mediations,
    visiting_parties,
)
from tidings.coder.events.crowds import crowd_demands
from tidings.coder.events.evaluations import evaluations
from tidings.coder.events.halts import halted_attacks
from tidings.coder.events.holders import release_holders
from tidings.coder.events.joint_work import joint_work
from tidings.coder.events.meetings import meeting_kinds
from tidings.coder.events.modality import modality_of
from tidings.coder.events.rallies import rallied_support
from tidings.coder.events.reactions import prompted_reactions
from tidings.coder.events.requests import requested_acts, warned_conditions
from tidings.coder.events.roles import head_of
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.coder.events.similar import similar_acts
from tidings.coder.events.topics import topics
from tidings.coder.syntax import governed_by, subjunctive, through_prep
from tidings.knowledge.datafiles import DataFileError
from tidings.records import Actor, Event


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """A named rule over all the events of one sentence."""

    name: str
    apply: Callable[[CoderKnowledge, SentenceState], None]

    @property
    def doc(self) -> str:
        return " ".join((self.apply.__doc__ or "").split())


def active_rules(disabled: frozenset[str] = frozenset()) -> tuple[SentenceRule, ...]:
    """The registered rules minus those a data directory switched off."""
    unknown = disabled - {r.name for r in SENTENCE_RULES}
    if unknown:
        raise DataFileError(f"rules.yaml: sentence_rules.disabled names unknown rules: "
                            f"{', '.join(sorted(unknown))}")
    return tuple(r for r in SENTENCE_RULES if r.name not in disabled)


def appeals(k: CoderKnowledge, s: SentenceState) -> None:
    """"A wants B to do X": A appeals to B (X itself is not asserted)."""
    verbs, by_verb, index, matches, ctx = s.verbs, s.by_verb, s.index, s.matches, s.ctx
    for verb in verbs:
        if verb.lemma_.lower() not in k.rules.appeal_verbs or verb.i in by_verb:
            continue
        for c in verb.children:
            if c.dep_ not in ("ccomp", "xcomp") or not any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            subj = subj or next((g for g in verb.children if g.dep_ == "dobj"), None)
            speaker, _ = subject_of(k, verb)
            if subj is None or speaker is None:
                continue
            sources = k.resolver.resolve(speaker, matches, ctx, remember=False)
            targets = k.resolver.resolve(subj, matches, ctx, remember=False)
            new = []
            for s_ in sources:
                for t in targets:
                    if s_.code != t.code:
                        ev = make(k, k.rules.appeal_code, s_, t, [verb], index,
                                        f"appeal:{verb.lemma_.lower()}>{c.lemma_}",
                                        modality_of(k, verb, None))
                        if ev:
                            new.append(ev)
            if new:
                by_verb[verb.i] = new
                break

def obligations(k: CoderKnowledge, s: SentenceState) -> None:
    """"X said Y must do Z", "X insisted that Y do Z": X demands of Y (Z itself is not
    asserted)."""
    by_verb, speech, index, matches, ctx = s.by_verb, s.speech, s.index, s.matches, s.ctx
    for i, verb in list(speech.items()):
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        clauses += [g for c in verb.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in k.rules.statement_nouns
                    for g in c.children if g.dep_ in ("ccomp", "acl")]
        for c in clauses:
            if not any(
                    a.dep_ == "aux" and a.lower_ in k.rules.obligation_aux
                    for a in c.children) and not (
                    verb.lemma_.lower() in k.rules.mandative_verbs and subjunctive(c)):
                continue
            subj, _ = subject_of(k, c)
            speaker, _ = subject_of(k, verb)
            if subj is None or speaker is None:
                continue
            sources = k.resolver.resolve(speaker, matches, ctx, remember=False)
            targets = []
            if subj.pos_ == "PRON":
                # "reminded Iraq that it must ...": "it" is the one addressed.
                addressee = [through_prep(c) for c in verb.children if c.dep_ == "dative"
                             or c.dep_ == "prep" and c.lower_ == "to"]
                targets = actors_of(k, [a for a in addressee if a is not None], matches,
                                       ctx, None, speech)
            targets = targets or actors_of(k, [subj], matches, ctx, verb, speech)
            new = []
            for s_ in sources:
                for t in targets:
                    if s_.code != t.code:
                        ev = make(k, k.rules.obligation_code, s_, t, [verb, c], index,
                                        f"obligation:{verb.lemma_.lower()}>{c.lemma_}",
                                        modality_of(k, verb, None))
                        if ev:
                            new.append(ev)
            if new:
                by_verb[i] = new
                for j in list(by_verb):
                    if j != i and governed_by(verb.doc[j], c) or j == c.i:
                        del by_verb[j]
                speech.pop(i, None)
                break

def defiance(k: CoderKnowledge, s: SentenceState) -> None:
    """"Iran resumed work at the plant in defiance of the EU": whatever was done, doing
    it in defiance of someone defies them (rules.yaml: defiance)."""
    verbs, by_verb, index, matches, ctx, speech = (
        s.verbs, s.by_verb, s.index, s.matches, s.ctx, s.speech)
    code = k.rules.defiance_code
    if not code:
        return
    for verb in verbs:
        if by_verb.get(verb.i):
            continue  # (an act coded by itself is already aimed at whom it defies)
        objs = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                for g in p.children if g.dep_ == "pobj"
                and g.lemma_.lower() in k.rules.defiance_nouns]
        defied = [o for n in objs for p in n.children if p.dep_ == "prep"
                  and p.lower_ in k.rules.defiance_preps for o in p.children if o.dep_ == "pobj"]
        if not defied:
            continue
        subj, passive = subject_of(k, verb)
        if subj is None or passive:
            continue
        speaker = speaker_of(k, verb, speech)
        sources = actors_of(k, [subj], matches, ctx, speaker, speech)
        targets = actors_of(k, defied[:1], matches, ctx, speaker, speech)
        flags = modality_of(k, verb, speaker)
        new = [ev for s_ in sources for t in targets if s_.code != t.code
               and (ev := make(k, code, s_, t, [verb, objs[0]], index,
                                     f"defiance:{verb.lemma_.lower()}", flags))]
        if new:
            by_verb.setdefault(verb.i, []).extend(new)

def wished_harm(k: CoderKnowledge, s: SentenceState) -> None:
    """"Kigali said it hoped French officials would be indicted": hoping for harm to
    someone is no optimistic comment (rules.yaml: optimism_codes)."""
    by_verb, verb_matches = s.by_verb, s.verb_matches
    if not k.rules.optimism_codes:
        return
    harm = [v for v, m in verb_matches
            if k.ontology.get(m.pattern.code).quad_class >= 3 and not m.pattern.speech]
    matched = {v.i: v for v, _ in verb_matches}
    for i, events in list(by_verb.items()):
        if not any(e.code in k.rules.optimism_codes for e in events):
            continue
        verb = matched.get(i)
        if verb is None or not any(governed_by(v, verb) and not modality_of(k, v, None).negated
                                   for v in harm):
            continue
        kept = [e for e in events if e.code not in k.rules.optimism_codes]
        if kept:
            by_verb[i] = kept
        else:
            del by_verb[i]

def _aside_noun(verb: Token) -> bool:
    """``verb`` is the relative clause of a noun set beside a clause ("..., a step the agency
    condemned", "..., an allegation Kyiv dismissed")."""
    noun = verb.head
    reduced = verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children)
    if (verb.dep_ != "relcl" and not reduced) or noun.pos_ != "NOUN" or noun.i > verb.i:
        return False
    start = noun.left_edge.i
    # (the parser makes it an apposition, or, after a comma, an object, an adverb or a
    # dependent of no kind)
    return noun.dep_ == "appos" or (noun.dep_ in ("dobj", "npadvmod", "dep") and start > 0
                                    and noun.doc[start - 1].text == ",")

def _in_what(verb: Token) -> Token | None:
    """The "what" of "..., in what the UN called a massacre": the act of the clause the
    phrase is set in."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "in" or verb.head.head.i > verb.i:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "what"), None)

def event_anaphora(k: CoderKnowledge, s: SentenceState) -> None:
    """"Lebanon condemned the attack", "Pakistan rejected the accusation": a reaction
    naming no actor, whose object is an event noun with "the" or "this", is aimed at
    whoever did the latest such event in the article so far (rules.yaml:
    event_anaphora)."""
    by_verb, speech, verb_matches, index, matches, ctx = (
        s.by_verb, s.speech, s.verb_matches, s.index, s.matches, s.ctx)
    rules = k.rules
    if not rules.anaphora_codes:
        return
    for verb, m in verb_matches:
        code = m.pattern.code
        if any(e.target is not None and not _named_in_predicate(e, verb)
               for e in by_verb.get(verb.i, ())) or \
                m.pattern.speech or m.pattern.target or \
                not code.startswith(rules.anaphora_codes):
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj"
                     and c.tag_ not in ("WDT", "WP")), None)  # (not "that" in "a move that")
        what = _in_what(verb) if noun is None else None
        aside = noun is None and (what is not None or _aside_noun(verb))
        if aside:
            # ", a move Beijing denounced as protectionism": the noun in apposition names
            # what the clause it stands beside says was done; "..., in what NATO called
            # ethnic cleansing": "what" does
            noun = what if what is not None else verb.head
        elif noun is None or not any(c.dep_ == "det" and c.lower_ in rules.anaphora_determiners
                                     for c in noun.children):
            continue
        lemma = noun.lemma_.lower()
        if lemma in rules.anaphora_generic or aside:
            roots = None
        else:
            cands = k.patterns.nouns.get(lemma)
            if not cands:
                continue
            roots = {p.code[:2] for p in cands}
        subj, passive = subject_of(k, verb)
        if subj is None or passive:
            continue
        speaker = speaker_of(k, verb, speech)
        sources = actors_of(k, [subj], matches, ctx, speaker, speech)
        if not sources:
            continue
        mine = {a.code for a in sources} | {a.country for a in sources if a.country}
        # (the act a clause of time or reason gives is less likely the one named than the
        # sentence's own: "paused funding after Israel accused ..., and X called the decision")
        earlier = [e for j in sorted(by_verb, key=lambda j: (not _in_time_clause(
                       k, verb.doc[j]), j)) if j < verb.i for e in by_verb[j] if e.asserted]
        antecedent = next(
            (e for e in reversed(earlier if aside else [*ctx.events, *earlier])
             if (e.root in roots if roots else e.root not in k.rules.speech_roots)
             and e.source.code not in mine and e.source.country not in mine), None)
        if antecedent is None:
            continue
        phrase = noun.doc[noun.left_edge.i : noun.i + 1]
        # (an act done both ways, "the army and the RSF fought", was done by both)
        doers = {e.source.code: e.source for e in [*ctx.events, *earlier]
                 if e.sentence == antecedent.sentence and e.code == antecedent.code
                 and e.action_start == antecedent.action_start
                 and e.source.code not in mine}
        flags = modality_of(k, verb, speaker)
        if code[:2] in rules.denial_roots and lemma in rules.denial_nouns and rules.denial_code:
            code = rules.denial_code  # ("..., a charge Israel rejected": denied)
        new = [ev for did in doers.values() for s in sources if (ev := make(k,
            code, s, Actor(did.code, phrase.text, phrase.start_char, phrase.end_char,
                           f"antecedent:{did.text}", did.country, did.agent),
            [verb, noun], index, f"{m.pattern.id} (the {lemma} by {did.code})", flags))]
        if new:
            by_verb[verb.i] = new


def _named_in_predicate(event: Event, verb: Token) -> bool:
    """``event``'s target is named inside what ``verb`` calls the act ("condemned as
    collective punishment of innocent families"): whom the act hurt, not whom it was done by."""
    head = head_of(event.target, verb.doc) if event.target is not None else None
    return head is not None and any(
        (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "oprd") and head in c.subtree
        for c in verb.children)


def _in_time_clause(k: CoderKnowledge, word: Token) -> bool:
    """``word`` is inside a clause of time or reason ("after Israel accused ...")."""
    t = word
    while t.head.i != t.i:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in k.rules.adverbial_marks
                                     for c in t.children):
            return True
        t = t.head
    return False


def results(k: CoderKnowledge, s: SentenceState) -> None:
    """"struck a market in Kabul, killing 14 people": a participle clause saying what an
    attack did (rules.yaml: results.verbs) is that attack's toll, not another attack, when
    the attack itself was coded (its roots: results.roots); so is such a verb whose subject
    names a coded attack of another root ("the offensive forced 10,000 people to flee")."""
    doc = s.tokens[0].doc
    for i in list(s.by_verb):
        t = doc[i]
        if t.lemma_.lower() not in k.rules.result_verbs:
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj" and c.i in s.by_verb), None)
        if subject is not None and not {e.root for e in s.by_verb[subject.i]} & {
                e.root for e in s.by_verb[i]}:
            # ("the rebels' offensive has forced 10,000 people to flee": what the act named
            # by the subject did; "the attack on Kharkiv killed 20 people" is coded by both)
            head = s.by_verb[subject.i]
        else:
            # ("killing two people and wounding dozens": the second toll as the first)
            first = t
            while first.dep_ == "conj" and first.head.tag_ == "VBG" and \
                    first.head.lemma_.lower() in k.rules.result_verbs:
                first = first.head
            if first.dep_ != "advcl" or t.tag_ != "VBG":
                continue
            head = s.by_verb.get(first.head.i) or _unaimed_attack(k, s, first.head,
                                                                  s.by_verb[i])
            t = first
            if head and not any(e.root in k.rules.result_roots for e in head):
                # ("conveyed his sympathy over the quake that devastated Flores, killing
                # 2,000 people": a toll after an act of no violence is not its doer's)
                s.by_verb.pop(i)
                continue
        if any(e.root in k.rules.result_roots and e.asserted for e in head):
            victims = next((e.target for e in s.by_verb.pop(i) if e.target is not None), None)
            if victims is not None:
                # ("shelled Juba, killing 20 people": the attack was on the people killed,
                # where its target was only the place)
                s.by_verb[t.head.i] = [
                    replace(e, target=_victims_at(victims, e.target)) if e.target is None or
                    e.target.rule.startswith("place:") else e for e in head]


def _unaimed_attack(k: CoderKnowledge, s: SentenceState, verb: Token,
                    toll: list[Event]) -> list[Event]:
    """"dropped chlorine on a building, killing 43 people": an attack whose pattern matched
    but that names no one it hit (so no event was coded) is made by the toll's doer, for
    ``results`` to aim it at the people killed."""
    m = next((m for v, m in s.verb_matches if v.i == verb.i
              and m.pattern.code[:2] in k.rules.result_roots), None)
    doer = next((e for e in toll if e.asserted), None)
    if m is None or doer is None:
        return []
    made = make(k, m.pattern.code, doer.source, None, [verb], s.index, m.pattern.id,
                modality_of(k, verb, None))
    return [made] if made else []


def elaborations(k: CoderKnowledge, s: SentenceState) -> None:
    """"rejected the plan, saying Jerusalem was not for sale": a participle of saying after
    an act (roots in rules.yaml: elaborations.roots) explains that act; it is no statement of
    its own when the act was coded."""
    doc = s.tokens[0].doc
    roots = k.rules.elaboration_roots
    for i in list(s.by_verb):
        t = doc[i]
        if t.dep_ != "advcl" or t.tag_ != "VBG" or t.head.i == t.i:
            continue
        head = s.by_verb.get(t.head.i, [])
        if not any(e.asserted and e.root not in roots for e in head):
            continue
        kept = [e for e in s.by_verb[i] if e.root not in roots]
        if kept:
            s.by_verb[i] = kept
        else:
            del s.by_verb[i]


def plain_statements(k: CoderKnowledge, s: SentenceState) -> None:
    """"Hezbollah fired rockets at a base, and the Israeli military said its system
    intercepted most of them": a plain statement (rules.yaml elaborations.plain_codes, 010)
    is news only in a sentence that reports nothing else; beside another act it is the
    report's attribution or comment ("..., the prime minister told reporters")."""
    plain = k.rules.plain_statement_codes
    if not plain or not any(e.asserted and e.root not in k.rules.elaboration_roots
                            for evs in s.by_verb.values() for e in evs):
        return  # (nothing else reported: no other act outside the roots of statements)
    for i in list(s.by_verb):
        kept = [e for e in s.by_verb[i] if e.code not in plain]
        if kept:
            s.by_verb[i] = kept
        else:
            del s.by_verb[i]


def shared_recipients(k: CoderKnowledge, s: SentenceState) -> None:
    """"delivered a Patriot system to Ukraine and will send three more IRIS-T systems",
    "Germany would send tanks to Ukraine, and Washington said it would supply Abrams tanks":
    a transfer of these roots (rules.yaml shared_recipient_roots; a promised one by the root
    of the act promised) naming no recipient of a known country goes to the recipient of
    the nearest other such transfer in the sentence."""
    roots = k.rules.shared_recipient_roots

    def transfer(e: Event) -> bool:
        return (e.intent_of or e.code)[:2] in roots

    def unnamed(e: Event) -> bool:
        return e.target is None or e.target.code.startswith(UNKNOWN)

    given = [(i, e) for i in sorted(s.by_verb) for e in s.by_verb[i]
             if transfer(e) and not unnamed(e)]
    for i in list(s.by_verb) if given else ():
        _, near = min(given, key=lambda g: abs(g[0] - i))
        s.by_verb[i] = [replace(e, target=near.target)
                        if transfer(e) and unnamed(e) and near.target is not None
                        and near.target.code != e.source.code else e for e in s.by_verb[i]]


def _victims_at(victims: Actor, place: Actor | None) -> Actor:
    """The people an attack killed, of the country of the place it hit when the text does
    not say theirs ("struck a market in Gaza, killing 14 people": Palestinian civilians)."""
    if place is None or not place.country or not victims.code.startswith("---"):
        return victims
    return replace(victims, code=place.country + victims.code[3:], country=place.country)


_SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")


def sport(k: CoderKnowledge, s: SentenceState) -> None:
    """"Argentina beat France on penalties", "beating Portugal 1-0": in a sentence about a
    match (rules.yaml: sport.words, or a score after one of sport.contest_verbs), a victory
    is no assault (sport.roots are dropped)."""
    words = k.rules.sport_words
    doc = s.tokens[0].doc
    if words and any(t.lemma_.lower() in words or t.lower_ in words for t in s.tokens) or any(
            t.lemma_.lower() in k.rules.contest_verbs and _SCORE.search(
                doc[t.i:t.right_edge.i + 1].text) for t in s.tokens if t.pos_ == "VERB"):
        for i in list(s.by_verb):
            s.by_verb[i] = [e for e in s.by_verb[i] if e.root not in k.rules.sport_roots]


# Every sentence rule, in the order they run.
SENTENCE_RULES: tuple[SentenceRule, ...] = (
    SentenceRule("appeals", appeals),
    SentenceRule("rallied_support", rallied_support),
    SentenceRule("allegations", allegations),
    SentenceRule("obligations", obligations),
    SentenceRule("warned_conditions", warned_conditions),
    SentenceRule("requested_acts", requested_acts),
    SentenceRule("reported_harm", reported_harm),
    SentenceRule("reported_accusations", reported_accusations),
    SentenceRule("toll_reports", toll_reports),
    SentenceRule("event_anaphora", event_anaphora),
    SentenceRule("evaluations", evaluations),
    SentenceRule("release_holders", release_holders),
    SentenceRule("wished_harm", wished_harm),
    SentenceRule("defiance", defiance),
    SentenceRule("background", background),
    SentenceRule("dated_past", dated_past),
    SentenceRule("results", results),
    SentenceRule("elaborations", elaborations),
    SentenceRule("plain_statements", plain_statements),
    SentenceRule("crowd_demands", crowd_demands),
    # (what an act was prompted by is known before it is taken for an answer: "...,
    # prompting Madrid to warn of a forceful response")
    SentenceRule("prompted_reactions", prompted_reactions),
    SentenceRule("answers", answers),
    SentenceRule("lawsuits", lawsuits),
    SentenceRule("shared_recipients", shared_recipients),
    SentenceRule("consultation_settings", consultation_settings),
    SentenceRule("mediations", mediations),
    SentenceRule("visiting_parties", visiting_parties),
    SentenceRule("similar_acts", similar_acts),
    SentenceRule("topics", topics),
    SentenceRule("halted_attacks", halted_attacks),
    SentenceRule("meeting_kinds", meeting_kinds),
    SentenceRule("joint_work", joint_work),
    SentenceRule("sport", sport),
)
