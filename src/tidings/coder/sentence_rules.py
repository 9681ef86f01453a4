"""Sentence-level coding rules of the event stage, applied after each verb and noun has been
coded on its own: appeals ("A wants B to ..."), obligations ("X said Y must ..."),
allegations and reported harm, reactions to an event named by a noun, defiance, and hopes for
harm. Each rule's words and codes are data in data/patterns/rules.yaml.

``SentenceRules`` is a mixin of ``tidings.events.EventExtractor``: it uses the extractor's
argument and modality helpers, and the extractor calls its rules in ``sentence_events``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tidings.coder.actors import ArticleContext
from tidings.coder.syntax import governed_by, through_prep
from tidings.records import Actor, Event

if TYPE_CHECKING:
    from tidings.coder.events import Matches, _Match


class SentenceRules:
    """Rules over all the events of one sentence (see the module docstring)."""

    def _appeals(self, verbs: list[Token], by_verb: dict[int, list[Event]], index: int,
                 matches: Matches, ctx: ArticleContext) -> None:
        """"A wants B to do X": A appeals to B (X itself is not asserted)."""
        for verb in verbs:
            if verb.lemma_.lower() not in self.rules.appeal_verbs or verb.i in by_verb:
                continue
            for c in verb.children:
                if c.dep_ not in ("ccomp", "xcomp") or not any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    continue
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                subj = subj or next((g for g in verb.children if g.dep_ == "dobj"), None)
                speaker, _ = self._subject(verb)
                if subj is None or speaker is None:
                    continue
                sources = self.resolver.resolve(speaker, matches, ctx, remember=False)
                targets = self.resolver.resolve(subj, matches, ctx, remember=False)
                new = []
                for s_ in sources:
                    for t in targets:
                        if s_.code != t.code:
                            ev = self._make(self.rules.appeal_code, s_, t, [verb], index,
                                            f"appeal:{verb.lemma_.lower()}>{c.lemma_}",
                                            self._modality(verb, None))
                            if ev:
                                new.append(ev)
                if new:
                    by_verb[verb.i] = new
                    break

    def _obligations(self, by_verb: dict[int, list[Event]], speech: dict[int, Token],
                     index: int, matches: Matches, ctx: ArticleContext) -> None:
        """"X said Y must do Z": X demands of Y (Z itself is not asserted)."""
        for i, verb in list(speech.items()):
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            clauses += [g for c in verb.children if c.dep_ == "dobj"
                        and c.lemma_.lower() in self.rules.statement_nouns
                        for g in c.children if g.dep_ in ("ccomp", "acl")]
            for c in clauses:
                if not any(
                        a.dep_ == "aux" and a.lower_ in self.rules.obligation_aux
                        for a in c.children):
                    continue
                subj, _ = self._subject(c)
                speaker, _ = self._subject(verb)
                if subj is None or speaker is None:
                    continue
                sources = self.resolver.resolve(speaker, matches, ctx, remember=False)
                targets = []
                if subj.pos_ == "PRON":
                    # "reminded Iraq that it must ...": "it" is the one addressed.
                    addressee = [through_prep(c) for c in verb.children if c.dep_ == "dative"
                                 or c.dep_ == "prep" and c.lower_ == "to"]
                    targets = self._actors([a for a in addressee if a is not None], matches,
                                           ctx, None, speech)
                targets = targets or self._actors([subj], matches, ctx, verb, speech)
                new = []
                for s_ in sources:
                    for t in targets:
                        if s_.code != t.code:
                            ev = self._make(self.rules.obligation_code, s_, t, [verb, c], index,
                                            f"obligation:{verb.lemma_.lower()}>{c.lemma_}",
                                            self._modality(verb, None))
                            if ev:
                                new.append(ev)
                if new:
                    by_verb[i] = new
                    for j in list(by_verb):
                        if j != i and governed_by(verb.doc[j], c) or j == c.i:
                            del by_verb[j]
                    speech.pop(i, None)
                    break

    def _allegations(self, by_verb: dict[int, list[Event]], speech: dict[int, Token],
                     index: int, matches: Matches, ctx: ArticleContext) -> None:
        """"A claimed that B attacked C": A accuses B; B's attack is only alleged."""
        for i, verb in speech.items():
            if verb.lemma_.lower() not in self.rules.allegation_verbs:
                continue
            subj, _ = self._subject(verb)
            if subj is None:
                continue
            speakers = self.resolver.resolve(subj, matches, ctx, remember=False)
            if not speakers:
                continue
            accused: list[Event] = []
            for j in list(by_verb):
                if j == i or j in speech or not governed_by(verb.doc[j], verb):
                    continue
                keep = [e for e in by_verb[j] if e.quad_class < 3]
                accused += [e for e in by_verb[j] if e.quad_class >= 3]
                if keep:
                    by_verb[j] = keep
                else:
                    del by_verb[j]
            if not accused:
                continue
            flags = self._modality(verb, None)
            new = []
            for spk in speakers:
                for ev in accused:
                    if ev.source.code == spk.code:
                        continue
                    made = self._make(self.rules.allegation_code, spk, ev.source, [verb], index,
                                      f"allegation:{verb.lemma_.lower()}>{ev.rule}", flags)
                    if made:
                        new.append(made)
            by_verb[i] = new

    def _reported_harm(self, by_verb: dict[int, list[Event]], speech: dict[int, Token],
                       verb_matches: list[tuple[Token, _Match]], index: int,
                       matches: Matches, ctx: ArticleContext) -> None:
        """"The US said Iraq had attacked its neighbours": a plain statement about an actor
        whose reported clause has that actor do harm, with no event of its own (no target
        named), is an accusation against it."""
        code = self.rules.reported_harm_code
        if not code:
            return
        harm = [(v, m) for v, m in verb_matches if not m.pattern.speech
                and v.i not in by_verb and self.ontology.get(m.pattern.code).quad_class >= 3]
        if not harm:
            return
        for i, verb in speech.items():
            events = by_verb.get(i)
            if not events or any(e.root != "01" for e in events):
                continue
            for v, m in harm:
                if not governed_by(v, verb) or any(self._modality(v, verb)):
                    continue  # (what will, may or did not happen is no accusation)
                subj, passive = self._subject(v)
                if subj is None or passive:
                    continue
                doers = {a.code for a in self.resolver.resolve(subj, matches, ctx,
                                                               remember=False)}
                new = []
                for e in events:
                    if e.target is not None and e.target.code in doers:
                        made = self._make(code, e.source, e.target, [verb, v], index,
                                          f"allegation:{verb.lemma_.lower()}>"
                                          f"{m.pattern.id}", self._modality(verb, None))
                        new.append(made or e)
                    else:
                        new.append(e)
                by_verb[i] = new
                break

    def _defiance(self, verbs: list[Token], by_verb: dict[int, list[Event]], index: int,
                  matches: Matches, ctx: ArticleContext, speech: dict[int, Token]) -> None:
        """"Iran resumed work at the plant in defiance of the EU": whatever was done, doing
        it in defiance of someone defies them (rules.yaml: defiance)."""
        code = self.rules.defiance_code
        if not code:
            return
        for verb in verbs:
            if by_verb.get(verb.i):
                continue  # (an act coded by itself is already aimed at whom it defies)
            objs = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj"
                    and g.lemma_.lower() in self.rules.defiance_nouns]
            defied = [o for n in objs for p in n.children if p.dep_ == "prep"
                      and p.lower_ in ("of", "to") for o in p.children if o.dep_ == "pobj"]
            if not defied:
                continue
            subj, passive = self._subject(verb)
            if subj is None or passive:
                continue
            speaker = self._speaker(verb, speech)
            sources = self._actors([subj], matches, ctx, speaker, speech)
            targets = self._actors(defied[:1], matches, ctx, speaker, speech)
            flags = self._modality(verb, speaker)
            new = [ev for s_ in sources for t in targets if s_.code != t.code
                   and (ev := self._make(code, s_, t, [verb, objs[0]], index,
                                         f"defiance:{verb.lemma_.lower()}", flags))]
            if new:
                by_verb.setdefault(verb.i, []).extend(new)

    def _wished_harm(self, by_verb: dict[int, list[Event]],
                     verb_matches: list[tuple[Token, _Match]]) -> None:
        """"Kigali said it hoped French officials would be indicted": hoping for harm to
        someone is no optimistic comment (rules.yaml: optimism_codes)."""
        if not self.rules.optimism_codes:
            return
        harm = [v for v, m in verb_matches
                if self.ontology.get(m.pattern.code).quad_class >= 3 and not m.pattern.speech]
        matched = {v.i: v for v, _ in verb_matches}
        for i, events in list(by_verb.items()):
            if not any(e.code in self.rules.optimism_codes for e in events):
                continue
            verb = matched.get(i)
            if verb is None or not any(governed_by(v, verb) and not self._modality(v, None)[0]
                                       for v in harm):
                continue
            kept = [e for e in events if e.code not in self.rules.optimism_codes]
            if kept:
                by_verb[i] = kept
            else:
                del by_verb[i]

    def _event_anaphora(self, by_verb: dict[int, list[Event]], speech: dict[int, Token],
                        verb_matches: list[tuple[Token, _Match]], index: int,
                        matches: Matches, ctx: ArticleContext) -> None:
        """"Lebanon condemned the attack", "Pakistan rejected the accusation": a reaction
        naming no actor, whose object is an event noun with "the" or "this", is aimed at
        whoever did the latest such event in the article so far (rules.yaml:
        event_anaphora)."""
        rules = self.rules
        if not rules.anaphora_codes:
            return
        for verb, m in verb_matches:
            code = m.pattern.code
            if any(e.target is not None for e in by_verb.get(verb.i, ())) or \
                    m.pattern.speech or m.pattern.target or \
                    not code.startswith(rules.anaphora_codes):
                continue
            noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if noun is None or not any(c.dep_ == "det" and c.lower_ in rules.anaphora_determiners
                                       for c in noun.children):
                continue
            lemma = noun.lemma_.lower()
            if lemma in rules.anaphora_generic:
                roots = None
            else:
                cands = self.patterns.nouns.get(lemma)
                if not cands:
                    continue
                roots = {p.code[:2] for p in cands}
            subj, passive = self._subject(verb)
            if subj is None or passive:
                continue
            speaker = self._speaker(verb, speech)
            sources = self._actors([subj], matches, ctx, speaker, speech)
            if not sources:
                continue
            mine = {a.code for a in sources} | {a.country for a in sources if a.country}
            earlier = [e for j in sorted(by_verb) if j < verb.i for e in by_verb[j]
                       if e.asserted]
            antecedent = next(
                (e for e in reversed([*ctx.events, *earlier])
                 if (e.root in roots if roots else e.root not in ("01", "02"))
                 and e.source.code not in mine and e.source.country not in mine), None)
            if antecedent is None:
                continue
            phrase = noun.doc[noun.left_edge.i : noun.i + 1]
            # (an act done both ways, "the army and the RSF fought", was done by both)
            doers = {e.source.code: e.source for e in [*ctx.events, *earlier]
                     if e.sentence == antecedent.sentence and e.code == antecedent.code
                     and e.action_start == antecedent.action_start
                     and e.source.code not in mine}
            flags = self._modality(verb, speaker)
            new = [ev for did in doers.values() for s in sources if (ev := self._make(
                code, s, Actor(did.code, phrase.text, phrase.start_char, phrase.end_char,
                               f"antecedent:{did.text}", did.country, did.agent),
                [verb, noun], index, f"{m.pattern.id} (the {lemma} by {did.code})", flags))]
            if new:
                by_verb[verb.i] = new
