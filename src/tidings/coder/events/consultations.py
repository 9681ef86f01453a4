"""The sentence rules for talks that are the setting of another act: "Scholz urged Putin in a
phone call", "the two leaders agreed in four hours of talks", "Washington and Beijing agreed
after talks in Geneva". The talks name no party of their own, but whoever did the act in them
held them, with each other (its words and codes: rules.yaml ``consultation_setting``). And for
the mediator of an act: "held talks in Doha under Qatari mediation" (``mediation``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of, mediated, speaker_of, subject_of
from tidings.coder.events.building import make
from tidings.coder.events.modality import modality_of
from tidings.coder.events.scope import CoderKnowledge, Modality, SentenceState
from tidings.coder.syntax import verb_of
from tidings.records import Actor, Event


def consultation_settings(k: CoderKnowledge, s: SentenceState) -> None:
    """"A urged B in a phone call", "A and B agreed after talks in Geneva": talks (rules.yaml:
    consultation_setting.nouns) in an adjunct of a coded act of the roots
    consultation_setting.roots, naming no party of their own, were held by the act's parties:
    its coordinated doers with each other, or its doer with its target; coded both ways."""
    nouns = k.rules.setting_nouns
    if not nouns:
        return
    for noun in s.tokens:
        code = nouns.get(noun.lemma_.lower())
        if code is None:
            continue
        roots = k.rules.setting_roots | (k.rules.setting_conflict_roots if noun.lemma_.lower()
                                         in k.rules.setting_conflict_nouns else frozenset())
        verb = _coded_verb(s, _setting_of(k, noun), roots)
        if verb is None:
            continue
        flags = modality_of(k, verb, speaker_of(k, verb, s.speech))
        if flags.negated or flags.hypothetical:
            continue
        flags = flags._replace(future=False)  # what was agreed in talks is future, the talks not
        pairs = _parties(k, s, verb)
        have = {(e.source.code, e.target_code) for evs in s.by_verb.values() for e in evs
                if e.root == code[:2]}
        new: list[Event] = []
        for a, b in pairs:
            for src, tgt in ((a, b), (b, a)):
                if (src.code, tgt.code) in have:
                    continue
                ev = make(k, code, src, tgt, [noun], s.index,
                          f"consultation_setting:{noun.lemma_.lower()}", flags)
                if ev is not None:
                    new.append(ev)
                    have.add((src.code, tgt.code))
        if new:
            s.by_verb.setdefault(verb.i, []).extend(new)  # (with the act: the talks are no object)


def _setting_of(k: CoderKnowledge, noun: Token) -> Token | None:
    """The verb whose adjunct ("in talks", "during a call", "in four hours of talks") the
    noun is, when the noun names no party itself ("talks with X" is coded by its pattern)."""
    if any(c.dep_ == "prep" and c.lower_ in k.rules.setting_party_preps
           for c in noun.children):
        return None
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in four hours of talks"
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in k.rules.consultation_preps:
        return None
    verb = prep.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "to slash tariffs for 90 days after talks": attached too low
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _coded_verb(s: SentenceState, verb: Token | None, roots: frozenset[str]) -> Token | None:
    """The verb, or the verb it completes ("agreed on Monday to slash tariffs after talks"),
    coded as an act of ``roots``, those the talks can be the setting of (not "struck Gaza
    during truce talks")."""
    for _ in range(3):
        if verb is None:
            return None
        events = s.by_verb.get(verb.i) or []
        if events:
            return verb if all(e.root in roots for e in events) else None
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
    return None


def _parties(k: CoderKnowledge, s: SentenceState, verb: Token) -> list[tuple[Actor, Actor]]:
    """Who held the talks: the verb's coordinated doers, or its doer and its targets."""
    subj, passive = subject_of(k, verb)
    if subj is None or passive:
        return []
    doers = [a for a in actors_of(k, [subj], s.matches, s.ctx, None, {}, remember=False)
             if not a.code.startswith("---")]
    if len(doers) > 1:
        return [(a, b) for i, a in enumerate(doers) for b in doers[i + 1:]
                if a.code != b.code]
    targets = {e.target.code: e.target for e in s.by_verb.get(verb.i) or []
               if e.target is not None and not e.target.code.startswith("---")
               and "place:" not in e.target.rule and not e.rule.startswith("rally:")}
    return [(d, t) for d in doers for t in targets.values() if t.code != d.code]


def mediations(k: CoderKnowledge, s: SentenceState) -> None:
    """"held talks in Doha under Qatari mediation", "opened negotiations under the mediation of
    Kenya's president": the one a mediation noun (rules.yaml mediation.nouns) in a phrase of
    a coded act (after mediation.preps) names mediated between the act's parties; so did the
    one a hyphened word of mediating names on what the act's parties signed or accepted
    ("signed a Russian-brokered deal")."""
    r = k.rules
    if not r.mediation_code:
        return
    for noun, verb, owners in [*_mediation_phrases(k, s), *_brokered_objects(k, s)]:
        flags = modality_of(k, verb, speaker_of(k, verb, s.speech))._replace(future=False)
        if flags.negated or flags.hypothetical:
            continue
        mediators = [a for a in actors_of(k, owners, s.matches, s.ctx, None, {}, remember=False)
                     if not a.code.startswith("---")]
        parties = {a.code: a for pair in _parties(k, s, verb) for a in pair}
        have = {(e.source.code, e.target_code) for evs in s.by_verb.values() for e in evs
                if e.code == r.mediation_code}
        new = [ev for m in mediators[:1] for p in parties.values() if p.country != m.country
               and (m.code, p.code) not in have
               if (ev := make(k, r.mediation_code, m, p, [noun], s.index,
                              f"mediation:{noun.lemma_.lower()}", flags)) is not None]
        if new:
            s.by_verb.setdefault(verb.i, []).extend(new)


def _mediation_phrases(k: CoderKnowledge, s: SentenceState
                       ) -> Iterator[tuple[Token, Token, list[Token]]]:
    """"under Qatari mediation", "under the mediation of X" on a coded act: the noun, the
    act's verb and the words naming the mediator."""
    r = k.rules
    for noun in s.tokens:
        if noun.lemma_.lower() not in r.mediation_nouns or noun.dep_ != "pobj" or \
                noun.head.lower_ not in r.mediation_preps:
            continue
        held = noun.head.head  # (on the verb, or on its object: "resumed talks under ...")
        if held.dep_ == "dobj" and held.pos_ in ("NOUN", "PROPN"):
            held = held.head
        verb = _coded_verb(s, held if held.pos_ in ("VERB", "AUX") else None,
                           r.setting_roots)
        if verb is None:
            continue
        owners = [c for c in noun.children if c.dep_ in ("amod", "poss", "compound")]
        owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        yield noun, verb, owners


def _brokered_objects(k: CoderKnowledge, s: SentenceState
                      ) -> Iterator[tuple[Token, Token, list[Token]]]:
    """"signed a Russian-brokered deal", "accepted a U.S.-mediated truce": a hyphened word of
    mediating on the object of a coded act (or of its preposition) names who mediated."""
    for mod in s.tokens:
        if mod.dep_ != "amod" or mod.tag_ != "VBN" or not mediated(k, mod):
            continue
        obj = mod.head
        head = obj.head.head if obj.dep_ == "pobj" and obj.head.dep_ == "prep" else obj.head
        if obj.dep_ not in ("dobj", "pobj") or head.pos_ not in ("VERB", "AUX"):
            continue
        verb = _coded_verb(s, head, k.rules.setting_roots)
        owners = [g for g in mod.children if g.i < mod.i and g.dep_ in (
            "amod", "npadvmod", "compound", "nmod") and (
            g.pos_ in ("PROPN", "ADJ") or g.ent_type_ in ("NORP", "GPE", "ORG"))]
        if verb is not None and owners:
            yield mod, verb, owners


def visiting_parties(k: CoderKnowledge, s: SentenceState) -> None:
    """"King Fahd told visiting Syrian Foreign Minister al-Shara ...", "later met visiting U.S.
    envoy Hochstein": one called visiting (rules.yaml visiting_words) visited whoever acted
    on them, of another country (venue.visitor); a meeting between the two (an event of
    codes.meeting_root) is that visit and its hosting (venue.host). The participle itself is
    no act of the clause's subject."""
    r = k.rules
    if not r.visiting_words:
        return
    for word in s.tokens:
        if word.lower_ not in r.visiting_words:
            continue
        noun, verb = _visitor_and_verb(k, word)
        if noun is None:
            continue
        s.by_verb.pop(word.i, None)  # (not "King Fahd visited")
        subj = subject_of(k, verb)[0] if verb is not None else None
        if verb is None or subj is None:
            continue
        flags = modality_of(k, verb, speaker_of(k, verb, s.speech))
        if flags.negated or flags.hypothetical:
            continue
        visitors = [a for a in actors_of(k, [noun], s.matches, s.ctx, None, {},
                                         remember=False) if a.country]
        hosts = [a for a in actors_of(k, [subj], s.matches, s.ctx, None, {}, remember=False)
                 if a.country]
        for v in visitors:
            for h in (h for h in hosts if h.country != v.country):
                _visit(k, s, verb, word, v, h, flags)


def _visitor_and_verb(k: CoderKnowledge, word: Token) -> tuple[Token | None, Token | None]:
    """Who ``word`` ("visiting") calls a visitor, and the verb that acts on them: "met a
    visiting delegation", or "told visiting Syrian Foreign Minister al-Shara" (the participle
    parsed as a clause of the verb with the visitor its object: only after a verb that is an
    act of its own, one with a bare pattern, not "began visiting Kenya")."""
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN") and \
            word.i < word.head.i:
        verb = verb_of(word.head)
        return word.head, (word.doc[verb] if verb >= 0 else None)
    if word.dep_ in ("xcomp", "advcl") and word.i == word.head.i + 1 and \
            word.head.pos_ == "VERB" and any(
                not p.words for p in k.patterns.verbs.get(word.head.lemma_.lower(), ())):
        obj = next((c for c in word.children if c.dep_ == "dobj"), None)
        # (a person or a body visits, not "visiting Kenya")
        return (obj, word.head) if obj is not None and obj.ent_type_ != "GPE" else (None, None)
    return None, None


def _visit(k: CoderKnowledge, s: SentenceState, verb: Token, word: Token, visitor: Actor,
           host: Actor, flags: Modality) -> None:
    """Code the visit (and, where the two met, its hosting) on ``verb``."""
    r = k.rules
    events = s.by_verb.get(verb.i, [])
    met = [e for e in events if e.root == r.meeting_root and e.target is not None and
           {e.source.code, e.target.code} == {visitor.code, host.code}]
    kept = [e for e in events if e not in met]
    new = [make(k, r.visitor_code, visitor, host, [word], s.index, "visiting:visit", flags)]
    if met or any(p.code.startswith(r.meeting_root) and not p.words
                  for p in k.patterns.verbs.get(verb.lemma_.lower(), ())):
        # (a meeting with the visitor, coded or left without its object by the parse)
        new.append(make(k, r.host_code, host, visitor, [word], s.index, "visiting:host", flags))
    if met and kept:
        s.by_verb[verb.i] = kept
    elif met:
        del s.by_verb[verb.i]
    s.by_verb.setdefault(word.i, []).extend(e for e in new if e is not None)
