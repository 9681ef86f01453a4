"""The event stage for one sentence: match the verb and noun patterns against its parse,
build events between the actors in their argument positions, then run the sentence rules
and drop what another event of the sentence stands for."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from spacy.tokens import Span, Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.arguments import claimed
from tidings.coder.events.building import governments_aimed, suppress
from tidings.coder.events.evaluations import check_rule_classes
from tidings.coder.events.matching import match_verb, slot_names_actor
from tidings.coder.events.modality import modality_of
from tidings.coder.events.nouns import enacted_by, noun_events
from tidings.coder.events.scope import ASSERTED, CoderKnowledge, Match, Matches, SentenceState
from tidings.coder.events.sentence_rules import SentenceRule, active_rules
from tidings.coder.events.verbs import verb_events
from tidings.coder.syntax import verb_of
from tidings.records import Event


class EventExtractor:
    """Codes the events of one sentence at a time with the knowledge ``k``."""

    def __init__(self, k: CoderKnowledge) -> None:
        self.k = k
        self.rules: tuple[SentenceRule, ...] = active_rules(k.rules.disabled_sentence_rules)
        # ("began war games" is coded as "held war games": the conduct verbs' patterns that
        # name the act's noun, each rule saying it was reached through a verb of aspect)
        self._conducted = sorted(
            (replace(p, id=f"aspect>{p.id}") for v in sorted(k.rules.conduct_verbs)
             for p in k.patterns.verbs.get(v, ()) if p.plain_words and not p.speech),
            key=lambda p: p.rank)
        check_rule_classes(k)

    def sentence_events(self, sent: Span, index: int, matches: Matches,
                        ctx: ArticleContext) -> list[Event]:
        tokens = list(sent)
        # (a participle used as an adjective describes, it does not report: "occupied Kuwait")
        verbs = [t for t in tokens if (t.pos_ in ("VERB", "AUX") or t.tag_[:2] == "VB")
                 and t.dep_ != "amod"]
        s = SentenceState(index, matches, ctx, tokens, verbs)
        consumed = self._match_verbs(s)
        self._speech_by_statement(s)
        for tok, m in s.verb_matches:
            events = verb_events(self.k, tok, m, index, matches, ctx, s.speech)
            if events:
                s.by_verb[tok.i] = events
        self._noun_events(s, consumed)
        bare = {v.i for v, m in s.verb_matches if not m.pattern.words}
        for rule in self.rules:
            rule.apply(self.k, s)
        return governments_aimed(self.k, suppress(self.k, s.by_verb, sent, s.speech, bare))

    def _match_verbs(self, s: SentenceState) -> set[int]:
        """Match each verb's patterns; return the indices of the words the matches used."""
        k = self.k
        consumed: set[int] = set()
        for tok in s.verbs:
            cands = k.patterns.verb_patterns(tok)
            m = match_verb(k, tok, cands, partial(self._acceptable, s, tok)) \
                if cands else None
            if m is None and tok.lemma_.lower() in k.rules.aspect_verbs:
                m = match_verb(k, tok, self._conducted, lambda m: slot_names_actor(
                    k, m, s.matches, s.ctx) and self._unnamed_act(m))
            if m is None:
                continue
            s.verb_matches.append((tok, m))
            consumed.update(t.i for t in m.tokens)
            if m.pattern.speech:
                s.speech[tok.i] = tok
        return consumed

    def _acceptable(self, s: SentenceState, verb: Token, m: Match) -> bool:
        """A match whose {target} slot names an actor, and not of a pattern for acts only
        wanted ("settle &quarrel") on a verb that asserts the act done ("settled their border
        dispute"): a less specific pattern may still match."""
        return slot_names_actor(self.k, m, s.matches, s.ctx) and not (
            m.pattern.wanted and modality_of(self.k, verb, None) == ASSERTED)

    def _speech_by_statement(self, s: SentenceState) -> None:
        """"issued a statement that ...", "sent a warning to ...": a statement made."""
        rules = self.k.rules
        for tok in s.verbs:
            if tok.i not in s.speech and tok.lemma_.lower() in rules.statement_verbs and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in rules.statement_nouns
                    for c in tok.children):
                s.speech[tok.i] = tok

    def _consultation(self, tok: Token) -> bool:
        """``tok`` names a meeting or call the clause's subject held ("in a phone call
        with", "after talks with"): an event of its own, beside the clause's."""
        rules = self.k.rules
        return tok.dep_ == "pobj" and tok.head.lower_ in rules.consultation_preps and \
            tok.lemma_.lower() in rules.consultation_nouns

    def _mediated_talks(self, s: SentenceState, tok: Token) -> bool:
        """``tok`` names talks a third party mediated or hosted ("Norway mediated talks
        between the government and the ELN"): the parties' talks are an event of their own."""
        rules = self.k.rules
        return tok.dep_ == "dobj" and tok.lemma_.lower() in rules.consultation_nouns and any(
            e.code == rules.mediation_code for e in s.by_verb.get(tok.head.i) or ())

    def _topic_of_talks(self, s: SentenceState, tok: Token) -> bool:
        """``tok`` is what talks were about: the object of a preposition of topic
        (rules.yaml topic_preps) on a noun of talks, or on a verb coded as a meeting."""
        rules = self.k.rules
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in rules.topic_preps:
            return False
        held = prep.head
        if held.lemma_.lower() in rules.setting_nouns or \
                held.lemma_.lower() in rules.consultation_nouns:
            return True
        return any(e.root == rules.meeting_root for e in s.by_verb.get(held.i) or [])

    def _noun_events(self, s: SentenceState, consumed: set[int]) -> None:
        coded_verbs = {v.i for v, m in s.verb_matches if not m.pattern.speech}
        # (a verb that matched a pattern but made no event leaves the nouns it governs free
        # to be events themselves: "Clashes between the army and the rebels killed 15
        # people", "a policeman was murdered in an attack on a patrol by ...")
        idle = {i for i in coded_verbs if i not in s.by_verb}
        for tok in s.tokens:
            # (a gerund standing as a noun, "Fighting between the army and the RSF has
            # driven ...", is looked up by its own form)
            gerund = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") and \
                tok.i not in s.by_verb
            mediated = self._mediated_talks(s, tok)
            if not gerund and (tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed
                               and not mediated):
                continue  # (a gerund's own verb pattern, making no event, used it: no matter)
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "PERSON") and tok.is_title and \
                    tok.i > tok.sent.start:
                continue  # (a name, not the act its word names: "registered Solidarity as a
                # legal trade union")
            # An event noun that is the object of a coded verb ("prevented the demonstration",
            # "condemned the attack") is what that verb's event is about, not an event itself
            # (but "signed the deal on a visit to Tehran": the visit is an event too).
            if verb_of(tok) in coded_verbs and not (
                    tok.dep_ == "pobj" and tok.head.lower_ in self.k.rules.visit_preps) and \
                    not self._consultation(tok) and claimed(self.k, tok) is None and \
                    verb_of(tok) not in idle and not mediated and \
                    enacted_by(self.k, tok) is None:
                continue
            if tok.dep_ == "nsubj" and any(e.rule.startswith("weapon:")
                                           for e in s.by_verb.get(tok.head.i) or ()):
                continue  # ("a missile strike on a station killed 50": the verb's weapon)
            if self._topic_of_talks(s, tok):
                continue  # "talks on a ceasefire between Israel and Hamas": what was discussed
            cands = self.k.patterns.nouns.get(tok.lower_ if gerund else tok.lemma_.lower())
            if cands:
                events = noun_events(self.k, tok, cands, s.index, s.matches, s.ctx,
                                     coded_verbs, s.speech)
                if events:
                    s.by_verb[tok.i] = events
                    self._enacted(s, tok)

    def _enacted(self, s: SentenceState, noun: Token) -> None:
        """An act announced is the act, not a statement besides it: the announcing verb's
        own statement (rules.yaml statement_root) goes when its object codes the act."""
        verb = enacted_by(self.k, noun)
        if verb is not None and verb.i in s.speech:
            kept = [e for e in s.by_verb.get(verb.i, ()) if e.root != self.k.rules.statement_root]
            if kept:
                s.by_verb[verb.i] = kept
            else:
                s.by_verb.pop(verb.i, None)

    def _unnamed_act(self, m: Match) -> bool:
        """The pattern's first word after the verb is in the verb's object ("began naval war
        games"), not a word met elsewhere in the clause, and that object is no event noun of
        its own ("launched joint exercises with ...", "started a fire" are the nouns')."""
        verb = m.tokens[0]
        first = m.tokens[1] if len(m.tokens) > 1 else None
        obj = next((a for a in (first, *first.ancestors) if a.dep_ == "dobj"
                    and a.head.i == verb.i), None) if first is not None else None
        return obj is not None and obj.lemma_.lower() not in self.k.patterns.nouns and \
            obj.lemma_.lower() not in self.k.rules.conduct_idioms
