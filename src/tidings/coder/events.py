"""The event stage: match verb and noun patterns against the dependency parse of a sentence
and build CAMEO/PLOVER events between the actors found in the argument positions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from tidings.coder.actors import ActorResolver, ArticleContext, Entry
from tidings.coder.patterns import Pattern, PatternSet, Slot
from tidings.coder.rules import Rules
from tidings.coder.sentence_rules import SentenceRules
from tidings.coder.syntax import (
    CONDITIONAL_MARKS,
    accusation_head,
    each_other,
    governed_by,
    in_condition,
    infinitive,
    noun_infinitive,
    prep_objects,
    reachable,
    small_clause,
    temporal,
    through_prep,
    verb_of,
)
from tidings.knowledge.ontology import Ontology
from tidings.records import Actor, Event

# Dependents that start another clause: a verb's pattern words are not looked for there.
_CLAUSE_STOP = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl",
                          "conj", "cc", "parataxis", "punct", "mark", "acl", "appos", "expl",
                          "discourse", "meta", "dep"})
_DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into",
                         "upon", "from", "between", "among")
_DEEP_TARGET_PREPS = frozenset({"for", "to", "against", "on", "with", "toward", "towards"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "can", "should", "must", "ought"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "as", "since", "because",
                              "although", "though", "until", "once"})


@dataclass(slots=True)
class _Match:
    pattern: Pattern
    tokens: list[Token]
    target_heads: list[Token] = field(default_factory=list)
    source_heads: list[Token] = field(default_factory=list)
    pair_heads: list[Token] = field(default_factory=list)


Matches = dict[int, tuple[Span, list[Entry]]]


class EventExtractor(SentenceRules):
    def __init__(self, ontology: Ontology, patterns: PatternSet, resolver: ActorResolver,
                 rules: Rules) -> None:
        self.ontology = ontology
        self.patterns = patterns
        self.resolver = resolver
        self.rules = rules

    # -- public ----------------------------------------------------------------------------
    def sentence_events(self, sent: Span, index: int, matches: Matches,
                        ctx: ArticleContext) -> list[Event]:
        by_verb: dict[int, list[Event]] = {}
        consumed: set[int] = set()
        speech: dict[int, Token] = {}
        verb_matches: list[tuple[Token, _Match]] = []
        tokens = list(sent)
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
        # (a participle used as an adjective describes, it does not report: "occupied Kuwait")
        verbs = [t for t in tokens if (t.pos_ in ("VERB", "AUX") or t.tag_[:2] == "VB")
                 and t.dep_ != "amod"]
        for tok in verbs:
            cands = self.patterns.verb_patterns(tok)
            if not cands:
                continue
            m = self._match_verb(tok, cands, lambda m: self._slot_names_actor(m, matches, ctx))
            if m is None:
                continue
            verb_matches.append((tok, m))
            consumed.update(t.i for t in m.tokens)
            if m.pattern.speech:
                speech[tok.i] = tok
        for tok in verbs:
            # "issued a statement that ...", "sent a warning to ...": a statement made.
            if tok.i not in speech and tok.lemma_.lower() in self.rules.statement_verbs and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.rules.statement_nouns
                    for c in tok.children):
                speech[tok.i] = tok
        for tok, m in verb_matches:
            events = self._verb_events(tok, m, index, matches, ctx, speech)
            if events:
                by_verb[tok.i] = events
        coded_verbs = {v.i for v, m in verb_matches if not m.pattern.speech}
        for tok in nouns:
            # An event noun that is the object of a coded verb ("prevented the demonstration",
            # "condemned the attack") is what that verb's event is about, not an event itself.
            if tok.i not in consumed and (verb_of(tok) not in coded_verbs or (
                    tok.dep_ == "pobj" and tok.head.lower_ in ("on", "during"))):
                # (but "signed the deal on a visit to Tehran": the visit is an event too)
                cands = self.patterns.nouns.get(tok.lemma_.lower())
                if cands:
                    events = self._noun_events(tok, cands, index, matches, ctx, coded_verbs)
                    if events:
                        by_verb[tok.i] = events
        self._appeals(verbs, by_verb, index, matches, ctx)
        self._allegations(by_verb, speech, index, matches, ctx)
        self._obligations(by_verb, speech, index, matches, ctx)
        self._reported_harm(by_verb, speech, verb_matches, index, matches, ctx)
        self._event_anaphora(by_verb, speech, verb_matches, index, matches, ctx)
        self._wished_harm(by_verb, verb_matches)
        self._defiance(verbs, by_verb, index, matches, ctx, speech)
        bare = {v.i for v, m in verb_matches if not m.pattern.words}
        for i in list(by_verb):
            t = sent.doc[i]
            if t.dep_ == "relcl" and any(c.dep_ in ("aux", "auxpass") and
                                         c.lower_ in self.rules.background_aux
                                         for c in t.children):
                # "the homes of two men who had carried out attacks": what describes
                # someone by an earlier act is background, not news
                del by_verb[i]
        if self.rules.sport_words and any(t.lemma_.lower() in self.rules.sport_words
                                          or t.lower_ in self.rules.sport_words
                                          for t in tokens):
            # "Argentina beat France on penalties": a match, not an assault
            for i in list(by_verb):
                by_verb[i] = [e for e in by_verb[i] if e.root not in self.rules.sport_roots]
        return self._suppress(by_verb, sent, speech, bare)

    # -- matching --------------------------------------------------------------------------
    @staticmethod
    def _clause(head: Token, max_depth: int = 4, passive_subject: bool = False) -> list[Token]:
        out: list[Token] = []
        stack = [(c, 1) for c in head.children]
        while stack:
            t, depth = stack.pop()
            if t.dep_ in _CLAUSE_STOP and not infinitive(t) and not noun_infinitive(t) and \
                    not small_clause(t) and not (t.dep_ == "nsubj" and small_clause(t.head)) \
                    and not (passive_subject and t.dep_ == "nsubjpass" and t.head.i == head.i):
                # (for pattern words, the subject of a passive verb is its object: "sanctions
                # were imposed on ..."; a small clause is the verb's own: "found him guilty",
                # "allowed the inspectors back")
                continue
            out.append(t)
            if depth < max_depth:
                stack.extend((c, depth + 1) for c in t.children)
        out.sort(key=lambda t: t.i)
        return out

    def _match_verb(self, verb: Token, cands: list[Pattern],
                    accept: Callable[[_Match], bool] | None = None) -> _Match | None:
        clause = self._clause(verb, passive_subject=True)
        words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
        for p in cands:
            if not words.issuperset(p.words):
                continue
            m = self._try(p, verb, clause)
            if m is not None and (accept is None or accept(m)):
                return m
        return None

    def _slot_names_actor(self, m: _Match, matches: Matches, ctx: ArticleContext) -> bool:
        """A pattern whose {target} slot holds no actor ("agreed ... with strings attached")
        is not the one meant: a less specific pattern may still match."""
        if not m.pattern.target or not m.target_heads:
            return True
        return any(h.pos_ == "PRON" or self.resolver.resolve(h, matches, ctx, remember=False)
                   for h in m.target_heads)

    def _try(self, p: Pattern, head: Token, clause: list[Token],
             also: tuple[Token, ...] = ()) -> _Match | None:
        used: list[Token] = [head, *also]
        by_word: dict[str, Token] = {p.head: head}
        for w in p.words:
            found = None
            for t in clause:
                if t in used:
                    continue
                if (t.lower_ == w or t.lemma_.lower() == w) and reachable(t, head, used) \
                        and not temporal(t):
                    found = t
                    break
            if found is None:
                return None
            used.append(found)
            by_word.setdefault(w, found)
        m = _Match(p, used)
        if p.target:
            m.target_heads = self._slot(p.target, head, by_word, clause, used)
            if not m.target_heads and not (
                    p.target.kind != "prep" and head.pos_ in ("VERB", "AUX") and any(
                        c.dep_ in ("auxpass", "nsubjpass") for c in head.children)):
                # (a passive has no object: "was received by the prince" takes its target
                # from the subject)
                return None
        if p.source:
            m.source_heads = self._slot(p.source, head, by_word, clause, used)
            if not m.source_heads:
                return None
        if p.actors:
            m.pair_heads = self._slot(p.actors, head, by_word, clause, used)
            if not m.pair_heads:
                return None
        return m

    @staticmethod
    def _slot(slot: Slot, head: Token, by_word: dict[str, Token], clause: list[Token],
              used: list[Token]) -> list[Token]:
        anchor = by_word.get(slot.after or "", head)
        if slot.kind == "prep":
            preps = [anchor] if anchor.lower_ == slot.prep else []
            preps += [t for t in clause if t.lower_ == slot.prep and t.dep_ in
                      ("prep", "agent", "dative") and t is not anchor]
            # The preposition belongs to the pattern's own words (or the verb's particle):
            # "agreed to US mediation in talks with the Palestinians" is not "agree with".
            preps = [t for t in preps if (t.head in used or (
                t.head.dep_ == "prt" and t.head.head in used)) and not temporal(t)]
            for prep in preps:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs
            return []
        # Object slot: the indirect object, else the direct object, of the anchor word; for a
        # particle ("call off X") the verb's object.
        if anchor.dep_ == "prt":
            anchor = anchor.head
        if anchor is head:
            for c in head.children:
                # (and "found {target} guilty": the subject of the pattern's small clause)
                if (c.dep_ in ("ccomp", "oprd") and infinitive(c) or small_clause(c)) and \
                        c in used:
                    # "allow {target} to run": the subject of the pattern's own infinitive.
                    objs = [g for g in c.children if g.dep_ == "nsubj" and g not in used]
                    if objs:
                        return objs
        for dep in ("dative", "dobj"):
            objs = [through_prep(c) for c in anchor.children if c.dep_ == dep and c not in used]
            objs = [o for o in objs if o is not None]
            if objs:
                return objs
        if anchor is head:
            for c in head.children:
                if c.dep_ == "ccomp" and infinitive(c):
                    # "allowed the candidate to run": the subject of the infinitive.
                    objs = [g for g in c.children if g.dep_ == "nsubj" and g not in used]
                    if objs:
                        return objs
            for c in head.children:
                if infinitive(c):
                    objs = [g for g in c.children if g.dep_ == "dobj" and g not in used]
                    if objs:
                        return objs
        return []

    def _target_candidates(self, verb: Token, used: list[Token]) -> Iterator[list[Token]]:
        """Where the target of a verb may be, most likely first: the indirect or direct object,
        the object of a "with/to/against/on..." phrase, the same on an event noun used as
        object ("signed an agreement with the EU"), then inside an infinitive complement."""
        for dep in ("dative", "dobj"):
            objs = [through_prep(c) for c in verb.children if c.dep_ == dep and c not in used]
            objs = [o for o in objs if o is not None]
            if objs:
                yield objs
        # Prepositions on the verb, or on its particle ("kidnapped up to 16 advisers").
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [g for c in verb.children if c.dep_ == "prt" for g in c.children
                  if g.dep_ == "prep"]
        yield from prep_objects(preps, _DEFAULT_TARGET_PREPS)
        if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and any(
                c.dep_ == "dobj" for c in verb.children):
            # "condemned the nuclear test by North Korea" ("by" parsed on the verb).
            yield from prep_objects(preps, ("by",))
        # "blocked roads in defiance of the authorities", "in protest at the government's
        # plan": whom the act answers or defies.
        objs_preps = [g for c in verb.children if c.dep_ == "dobj" for g in c.children
                      if g.dep_ == "prep"]
        for prep in [*preps, *objs_preps]:
            if prep.lower_ == "in":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self.rules.target_phrases:
                        yield from prep_objects(
                            [g for g in pobj.children if g.dep_ == "prep"],
                            ("of", "against", "to", "at", "with", "for", "over"))
        for c in verb.children:
            if c.dep_ == "dobj":
                # "condemned the sanctions imposed by the EU": who did what is condemned.
                for acl in c.children:
                    if acl.dep_ == "acl":
                        agent = self._agent(acl)
                        if agent is not None:
                            yield [agent]
                # "rejected North Korea's demand", "welcomed Germany's statement", "vetoed a
                # UN resolution": whose it is.
                for poss in c.children:
                    if poss.dep_ == "poss" and poss.pos_ in ("PROPN", "NOUN"):
                        yield [poss]
                for mod in c.children:
                    if mod.dep_ in ("compound", "amod", "nmod") and mod.i < c.i and (
                            mod.pos_ == "PROPN" or mod.ent_type_ in ("NORP", "GPE", "ORG")
                            # "rejected opposition calls", "defied a government ban"
                            or mod.dep_ == "compound" and mod.pos_ == "NOUN"
                            and mod.lemma_.lower() in self.resolver.dictionary.agent_words):
                        yield [mod]
                # "rejected calls by Belarus for aid", "investigated crimes by militias
                # against civilians": who did what the verb reacts to comes first; then
                # "demanded the withdrawal of Serbian forces from Bosnia": who is to act (or
                # be acted on) comes before where.
                yield from prep_objects([p for p in c.children if p.dep_ in ("prep", "agent")],
                                         ("by", "of", *_DEFAULT_TARGET_PREPS))
                # "repeated its demand that Sudan release ...": who is to act.
                for cl in c.children:
                    if cl.dep_ in ("acl", "ccomp") and cl.i > c.i:
                        subj = [g for g in cl.children if g.dep_ == "nsubj"]
                        if subj:
                            yield subj
        for c in verb.children:
            if infinitive(c):
                yield from self._target_candidates(c, used)
        # Deeper in the object: "suspended part of a military aid program for Bosnia", or in
        # the object of the verb's preposition: "reneged on its commitment to the people".
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for p in preps if p.lower_ in ("on", "to", "from", "of", "along", "near",
                                                     "at", "across")
                    for g in p.children if g.dep_ == "pobj"]
        for c in objects:
            if c.dep_ == "pobj":
                # "insisted on its demand that Burundi's government grant ...": who is to act.
                for cl in c.children:
                    if cl.dep_ in ("acl", "ccomp") and cl.i > c.i:
                        subj = [g for g in cl.children if g.dep_ == "nsubj"]
                        if subj:
                            yield subj
            if c.dep_ in ("dobj", "pobj"):
                for t in self._clause(c, max_depth=4):
                    if t.dep_ == "prep" and t.lower_ in _DEEP_TARGET_PREPS:
                        objs = [g for g in t.children if g.dep_ == "pobj"]
                        if objs:
                            yield objs
        # "demanded that the US cancel ...": the subject of the clausal complement.
        for c in verb.children:
            if c.dep_ == "ccomp":
                subj, _ = self._subject(c)
                if subj is not None and subj.i > verb.i:
                    yield [subj]

    def _first_actors(self, groups: Iterable[list[Token]], matches: Matches,
                      ctx: ArticleContext, speaker: Token | None,
                      speech: dict[int, Token], avoid: list[Actor] | None = None,
                      skip: Callable[[Actor], bool] | None = None) -> list[Actor]:
        """The actors of the first group of candidate heads that names any; with ``avoid``
        (the sources), a group naming only the sources themselves or what they own ("to show
        their disapproval of ...") is passed over."""
        codes = {a.code for a in avoid or ()}
        countries = {a.country for a in avoid or () if a.country}
        for group in groups:
            if all(t.ent_type_ in ("DATE", "TIME") for t in group):
                continue
            got = self._actors(group, matches, ctx, speaker, speech, remember=False)
            if got and skip is not None and all(skip(a) for a in got):
                continue
            if got and avoid and all(a.code in codes or (
                    a.rule.startswith("owner:") or len(avoid) > 1) and a.country in countries
                    for a in got):
                # (nor, for coordinated doers, a part of one of them: "China and Pakistan
                # pledged to speed up the corridor, a flagship of Beijing's initiative")
                continue
            if got:
                # Only the phrase chosen enters the article's memory for coreference.
                return self._actors(group, matches, ctx, speaker, speech)
        return []

    # -- arguments -------------------------------------------------------------------------
    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject of ``verb`` (following coordination and control) and passive voice."""
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        t = verb
        for _ in range(6):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    if c.lower_ in _RELATIVE and t.dep_ == "relcl":
                        return t.head, passive
                    return c, passive
            if t.dep_ == "relcl":
                return t.head, passive
            if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ == "ROOT" and \
                    t.head.pos_ in ("NOUN", "PROPN"):
                # "Nigeria's unions threatened to strike" parsed as a noun phrase: the noun
                # with no verb of its own is the subject.
                return t.head, passive
            if t.dep_ in ("conj", "acomp") or infinitive(t) or (
                    t.dep_ in ("advcl", "acl") and t.tag_ == "VBG"):
                if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                    # "issued a statement demanding ...", "passed a law banning ...": whoever
                    # issued the statement or enacted the law.
                    if (t.head.lemma_.lower() in self.rules.statement_nouns
                            or t.head.lemma_.lower() in self.rules.instruments) and \
                            t.head.head.pos_ in ("VERB", "AUX"):
                        t = t.head.head
                        continue
                    return t.head, passive
                t = t.head
                continue
            break
        return None, passive

    @staticmethod
    def _agent(verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        return None

    def _speaker(self, verb: Token, speech: dict[int, Token]) -> Token | None:
        """The speech verb whose reported clause contains ``verb``."""
        t = verb
        for _ in range(8):
            if t.head.i == t.i:
                return None
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS
                                         for c in t.children):
                # "..., saying Islamabad had made sacrifices, after Trump accused it": the
                # time clause is the reporter's, not part of what was said
                return None
            if t.head.i in speech and t.dep_ not in ("nsubj", "dobj"):
                # An attribution after the fact ("..., a newspaper reported") is a source of
                # information, not the speaker the clause's pronouns refer to.
                return t.head if t.i > t.head.i else None
            t = t.head
        return None

    def _actors(self, heads: list[Token], matches: Matches, ctx: ArticleContext,
                speaker: Token | None, speech: dict[int, Token],
                remember: bool = True) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            if (h.pos_ == "PRON" and speaker is not None and
                    h.lower_ in ("it", "he", "she", "they", "we", "i")):
                subj, _ = self._subject(speaker)
                if subj is not None and subj.pos_ != "PRON":
                    spk = self.resolver.resolve(subj, matches, ctx, remember=False)
                    out.extend(
                        Actor(a.code, h.text, h.idx, h.idx + len(h.text), f"speaker:{a.text}",
                              a.country, a.agent) for a in spk)
                    continue
            got = self.resolver.resolve(h, matches, ctx, remember=remember)
            if not got:
                got = self._owned(h, matches, ctx, speaker)
            if not got:
                got = self._authored(h, matches, ctx)
            out.extend(got)
        return out

    def _authored(self, head: Token, matches: Matches, ctx: ArticleContext) -> list[Actor]:
        """A document stands for who issued it: "a report by Amnesty", "a statement from the
        ministry", "a report released in the Rwandan capital" (the state where it was); a
        weapon for who used it: "a car bomb set off by Taliban militants killed ..."."""
        weapon = head.lemma_.lower() in self.rules.weapons
        if head.lemma_.lower() not in self.rules.documents and not weapon:
            return []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        got = self.resolver.resolve(pobj, matches, ctx, remember=False)
                        if got:
                            return got
        for acl in head.children:
            if acl.dep_ != "acl":
                continue
            agent = self._agent(acl)
            if agent is not None:
                got = self.resolver.resolve(agent, matches, ctx, remember=False)
                if got and weapon:
                    # (the rule says which weapon: a bombing is coded as one)
                    return [replace(a, rule=f"weapon:{head.lemma_.lower()}>{a.rule}")
                            for a in got]
                if got:
                    return got
            place = None if weapon else self._place(acl, matches, preps=("in",))
            if place is not None:
                code, g = place
                return [Actor(code, g.text, g.idx, g.idx + len(g.text), f"place:{g.text}", code,
                              None)]
        return []

    def _owned(self, head: Token, matches: Matches, ctx: ArticleContext,
               speaker: Token | None) -> list[Actor]:
        """Things owned by an actor named by a pronoun stand for that actor: "attacked its
        nuclear facilities" (in reported speech, "its" is the speaker's)."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"
                     and c.lower_ in ("its", "their")), None)
        if poss is None or head.lemma_.lower() in self.rules.relational_nouns:
            # "its neighbours", "their allies" are others, not the owner.
            return []
        owners: list[Actor] = []
        if speaker is not None:
            subj, _ = self._subject(speaker)
            if subj is not None and subj.pos_ != "PRON":
                owners = self.resolver.resolve(subj, matches, ctx, remember=False)
        if not owners:
            owners = self.resolver.resolve(poss, matches, ctx, remember=False)
        phrase = head.doc[head.left_edge.i : head.i + 1]
        s, e, text = phrase.start_char, phrase.end_char, phrase.text
        return [Actor(o.country or o.code, text, s, e, f"owner:{o.text}", o.country, None)
                for o in owners[:1]]

    # -- modality --------------------------------------------------------------------------
    def _governed_as(self, word: Token) -> str | None:
        """What a governing verb or noun makes of the act it governs ("plans to",
        "wants to", "refused to"; rules.yaml): "future", "hypothetical", "negated" or None."""
        lemma = word.lemma_.lower()
        if lemma in self.rules.future_verbs:
            return "future"
        if lemma in self.rules.hypothetical_verbs or (
                word.pos_ == "NOUN" and lemma in self.rules.hearsay_nouns):
            return "hypothetical"
        if lemma in self.rules.negating_verbs:
            return "negated"
        return None

    def _modality(self, verb: Token, speaker: Token | None) -> tuple[bool, bool, bool]:
        negated = hypothetical = future = False
        t = verb
        chain = [verb]
        while (t.dep_ in ("conj", "ccomp") or infinitive(t)) and t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_.lower() not in self.rules.governing_verbs:
                break
            if t.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS
                                         for c in t.children):
                break  # "after missiles slammed into Kyiv, X asked ...": not what was asked
            t = t.head
            chain.append(t)
        for i, v in enumerate(chain):
            own = i == 0
            kids = list(v.children)
            if v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                         for c in kids):
                # "investigating whether Huawei violated sanctions": an open question
                hypothetical = True
            if own and any(c.dep_ == "neg" for c in kids):
                negated = True
            auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
            if own or chain[i - 1].dep_ == "conj":
                if auxes & _FUTURE_AUX:
                    future = True
                if "would" in auxes:
                    # reported ("said / warned that it would ..."): a stated future act
                    if speaker is not None or (own and v.dep_ == "ccomp"):
                        future = True
                    else:
                        hypothetical = True
                if auxes & _HYPOTHETICAL_AUX:
                    hypothetical = True
                if any(c.dep_ == "advmod" and c.lower_ in self.rules.hedges for c in kids):
                    # "would probably strike", "may possibly attend": a guess, not a promise
                    hypothetical, future = True, False
            if not own and (chain[i - 1].dep_ == "ccomp" or infinitive(chain[i - 1])):
                kind = self._governed_as(v)
                future, hypothetical, negated = (future or kind == "future",
                                                 hypothetical or kind == "hypothetical",
                                                 negated or kind == "negated")
                if any(c.dep_ == "neg" for c in kids):
                    negated = True
        # "its demand that Israel ease restrictions", "a plan to withdraw": a clause completing
        # a noun of wishing, promising or refusing is governed by it like by the verb.
        top = chain[-1]
        if top.dep_ in ("acl", "ccomp", "relcl") and top.head.pos_ == "NOUN" and (
                top.dep_ != "relcl" or noun_infinitive(top)):
            kind = self._governed_as(top.head)
            future, hypothetical, negated = (future or kind == "future",
                                             hypothetical or kind == "hypothetical",
                                             negated or kind == "negated")
        elif top.dep_ == "ccomp" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.rules.hypothetical_verbs
                for c in top.head.children):
            # "reiterated its demand today that Israel ease ...": the clause is what is asked.
            hypothetical = True
        # Anything inside an "if/unless" clause is a condition, not an event.
        if in_condition(verb):
            hypothetical = True
        # "going to": future.
        if any(c.lower_ == "going" for c in verb.head.children) and verb.dep_ == "xcomp":
            future = True
        return negated, hypothetical, future

    # -- building --------------------------------------------------------------------------
    def _make(self, code: str, src: Actor, tgt: Actor | None, tokens: list[Token], index: int,
              rule: str, flags: tuple[bool, bool, bool]) -> Event | None:
        negated, hypothetical, future = flags
        intent_of = None
        if future and not negated:
            intent = self.ontology.intent_of(code)
            if intent and intent[:2] != code[:2]:
                intent_of, code = code, intent
        try:
            info = self.ontology.get(code)
        except KeyError:
            return None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        action = " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))
        return Event(
            source=src, target=tgt, code=code, root=code[:2], quad_class=info.quad_class,
            goldstein=info.goldstein, plover=self.ontology.plover_name(info.plover),
            action_text=action, action_start=start, action_end=end, sentence=index, rule=rule,
            negated=negated, hypothetical=hypothetical, future=future, intent_of=intent_of,
        )

    def _root(self, code: str, flags: tuple[bool, bool, bool]) -> str:
        """The root an event will be coded in: a future act is coded as its intent."""
        if flags[2] and not flags[0]:
            return (self.ontology.intent_of(code) or code)[:2]
        return code[:2]

    def _pairs(self, code: str, sources: list[Actor], targets: list[Actor], tokens: list[Token],
               index: int, p: Pattern, flags: tuple[bool, bool, bool],
               venue: str | None) -> list[Event]:
        out: list[Event] = []
        root = self._root(code, flags)
        if not targets and len(sources) > 1 and (
                p.symmetric or root in self.rules.reciprocal_roots
                or code in self.rules.reciprocal_roots):
            # "A and B met", "A and B signed a treaty": every pair, both ways.
            for s in sources:
                for t in sources:
                    if s.code != t.code:
                        fwd = code
                        if venue and code in self.rules.venue_codes and s.country and \
                                t.country and s.country != t.country:
                            # "Ukrainian and Polish ministers met in Kyiv": a visit to Ukraine
                            if venue == t.country:
                                fwd = self.rules.visitor_code
                            elif venue == s.country:
                                fwd = self.rules.host_code
                        ev = self._make(fwd, s, t, tokens, index, p.id + " (coordinated)",
                                        flags)
                        if ev:
                            out.append(ev)
            return out
        if not targets:
            if root not in self.rules.targetless_roots or p.speech:
                return []
            targets_or_none: list[Actor | None] = [None]
        else:
            targets_or_none = list(targets)
        for s in sources:
            for t in targets_or_none:
                if t is not None and (t.code == s.code and t.start == s.start):
                    continue
                if t is not None and p.speech and s.country and t.code == s.country:
                    continue  # "the minister said that Egypt would ...": about its own country
                if t is not None and t.code == s.code and (
                        s.code.startswith("---") or p.speech
                        or t.rule.startswith(("speaker:", "coref:"))
                        or s.rule.startswith(("speaker:", "coref:"))):
                    continue
                if t is not None and t.rule.startswith("owner:") and t.country == s.country:
                    continue  # "showed their disapproval": their own, not a target
                fwd, back = code, None
                if p.symmetric:
                    back = code
                if p.reverse:
                    back = p.reverse
                if (venue and t is not None and code in self.rules.venue_codes
                        and s.country and t.country and s.country != t.country):
                    if venue == t.country:
                        fwd, back = self.rules.visitor_code, self.rules.host_code
                    elif venue == s.country:
                        fwd, back = self.rules.host_code, self.rules.visitor_code
                if flags[2]:  # one side's stated intention says nothing of the other's
                    back = None
                ev = self._make(fwd, s, t, tokens, index, p.id, flags)
                if ev:
                    out.append(ev)
                if back and t is not None:
                    ev = self._make(back, t, s, tokens, index, p.id + " (reverse)", flags)
                    if ev:
                        out.append(ev)
        return out

    def _place(self, verb: Token, matches: Matches,
               preps: tuple[str, ...] = ("in", "at", "outside", "near", "through", "across"),
               ) -> tuple[str, Token] | None:
        """Where the event happened: "in/at <place>" in the verb's clause ("met X in Tehran",
        "protested against the government in Belgrade")."""
        clause = [verb, *self._clause(verb)]
        for prep in preps:  # "outside the US embassy in Manila": in Manila first
            found = self._prep_place([t for t in clause if t.dep_ == "prep"], (prep,), matches)
            if found is not None:
                return found
        return None

    def _prep_place(self, preps: list[Token], words: tuple[str, ...],
                    matches: Matches) -> tuple[str, Token] | None:
        """The country of the first place named after one of ``preps`` that is one of
        ``words``."""
        for t in preps:
            if t.lower_ in words:
                for g in t.children:
                    if g.dep_ == "pobj":
                        loc = self.resolver.location_country(g, matches)
                        if loc:
                            return loc[0], g
        return None

    @staticmethod
    def _conditions(verb: Token) -> Iterator[list[Token]]:
        """Subjects of "if/unless" clauses on the verb or its complement: "threatened to
        secede unless the Kremlin withdrew its troops" is a threat against the Kremlin."""
        for v in [verb, *(c for c in verb.children if infinitive(c))]:
            for c in v.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                             CONDITIONAL_MARKS for m in c.children):
                    subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                    if subj:
                        yield subj

    def _object_place(self, verb: Token, matches: Matches) -> tuple[str, Token] | None:
        """The country of a place that is the verb's direct object ("shelled Juba")."""
        for c in verb.children:
            if c.dep_ == "dobj":
                loc = self.resolver.location_country(c, matches)
                if loc:
                    return loc[0], c
                # "struck targets in Gaza", "bombed positions near Sanaa"
                found = self._prep_place([p for p in c.children if p.dep_ == "prep"],
                                         ("in", "near", "around"), matches)
                if found is not None:
                    return found
        return None

    def _venue_actor(self, verb: Token, matches: Matches) -> list[Actor]:
        """The country where something happened, as an actor: protests in Beijing target
        China."""
        place = self._place(verb, matches)
        if place is None:
            return []
        code, g = place
        return [Actor(code, g.text, g.idx, g.idx + len(g.text), f"place:{g.text}", code, None)]

    def _venue(self, verb: Token, matches: Matches) -> str | None:
        place = self._place(verb, matches)
        return place[0] if place else None

    def _speech_target(self, verb: Token, used: list[Token], matches: Matches,
                       ctx: ArticleContext) -> list[Token]:
        """Who a statement is addressed to or about: "told Iran", "said NATO would ...".
        A statement with neither is not an event between two actors, and neither is an
        attribution after the fact ("..., officials said")."""
        comps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if comps and all(c.i < verb.i for c in comps):
            return []
        for group in self._target_candidates(verb, used):
            if group and group[0].head.dep_ == "prep" and group[0].head.lower_ == "on" and \
                    group[0].head.head.i == verb.i:
                continue  # "said on television / on TikTok": where, not to whom
            heads = [t for t in group if t.pos_ in ("PROPN", "NOUN")]
            if any(self.resolver.resolve(t, matches, ctx, remember=False) for t in heads):
                return heads
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis"):
                subj, _ = self._subject(c)
                if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                    return [subj]
        return []

    def _verb_events(self, verb: Token, m: _Match, index: int, matches: Matches,
                     ctx: ArticleContext, speech: dict[int, Token]) -> list[Event]:
        p = m.pattern
        subj, passive = self._subject(verb)
        if passive and verb.lemma_.lower() in self.rules.stative_passives and \
                self._agent(verb) is None:
            passive = False  # "forces were engaged in ethnic cleansing": they did it
        speaker = self._speaker(verb, speech)
        used = m.tokens
        target_heads = m.target_heads
        source_heads = m.source_heads
        place_source: list[Actor] = []
        if passive and not p.source:
            agent = self._agent(verb)
            if subj is not None and subj not in used and not target_heads:
                target_heads = [subj]
            elif subj is not None and subj in used and not target_heads:
                # "ties with Taiwan were severed by Panama": the pattern's own noun is the
                # subject, and its phrase says whom the act is aimed at.
                target_heads = next(prep_objects(
                    [c for c in subj.children if c.dep_ == "prep"], _DEFAULT_TARGET_PREPS), [])
            source_heads = [agent] if agent is not None else []
            if agent is not None:
                used = [*used, agent.head]
            elif p.code[:2] in self.rules.passive_place_roots:
                # "were expelled from Argentina", "was arrested in Lebanon": the state where
                # it happened did it.
                place = self._place(verb, matches, preps=("in", "at", "from"))
                if place is not None:
                    code, g = place
                    place_source = [Actor(code, g.text, g.idx, g.idx + len(g.text),
                                          f"place:{g.text}", code, None)]
        elif p.source:
            if subj is not None:
                target_heads = [subj]
        else:
            source_heads = [subj] if subj is not None else []
            if p.speech:
                target_heads = self._speech_target(verb, used, matches, ctx)
        if p.actors:
            pair = self._actors(m.pair_heads, matches, ctx, speaker, speech)
            sources = self._actors(source_heads, matches, ctx, speaker, speech) if source_heads \
                else []
            if sources:
                targets = pair
            else:
                sources, targets = pair, []
        else:
            sources = self._actors(source_heads, matches, ctx, speaker, speech) or place_source
            if target_heads or passive or p.source:
                targets = self._actors(target_heads, matches, ctx, speaker, speech)
            else:
                targets = self._first_actors(self._target_candidates(verb, used), matches, ctx,
                                             speaker, speech, avoid=sources)
                if not targets and not (len(sources) > 1 and (p.symmetric or self._root(
                        p.code, self._modality(verb, speaker)) in self.rules.reciprocal_roots)):
                    # "expelled three Russian diplomats": the pattern's object is the target.
                    nouns = [[t] for t in used[1:] if t.pos_ in ("NOUN", "PROPN")
                             and (t.dep_ in ("dobj", "pobj", "dative")
                                  or t.dep_ == "nsubj" and small_clause(t.head))]
                    # (... or of its small clause: "allowed U.N. inspectors back")
                    targets = self._first_actors(nouns, matches, ctx, speaker, speech,
                                                 avoid=sources)
        if not sources:
            return []
        if any(a.country is None and a.agent for a in (*sources, *targets)) and \
                p.code not in self.rules.venue_codes and p.code[:2] != "04":
            # (not for meetings: "ministers will meet in Geneva" are not Swiss)
            # "Speaking in Beijing, a ministry spokesman accused ...": where the speaker was
            place = next((found for c in verb.children if c.dep_ == "advcl"
                          and c.tag_ == "VBG" and c.i < verb.i
                          and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                          and (found := self._place(c, matches)) is not None), None)
            place = place or self._place(verb, matches)
            for c in verb.children:
                # "... killed 23 people when they blew themselves up in Tel Aviv"
                if place is None and c.dep_ == "advcl" and any(
                        m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while")
                        for m in c.children):
                    place = self._place(c, matches)
            if place is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
                # "shelled the town of Juba, killing 20 people": where the main act was aimed.
                place = self._object_place(verb.head, matches)
            if place is not None:
                sources = [_localised(a, place[0]) for a in sources]
                targets = [_localised(a, place[0]) for a in targets]
        if p.code[:2] in self.rules.domestic_roots:
            sources, targets = _domestic(sources, targets)
        if any(a.country is None and a.agent for a in (*sources, *targets)):
            # The only country the sentence names: "President X resigned amid pressure from
            # the Kenyan parliament".
            sole = _sole_country(verb.sent, matches,
                                 places=p.code[:2] != "04" and p.code not in self.rules.venue_codes)
            if not sole and len(ctx.earlier_countries) == 1:
                # ... or the only country the article named in the sentences before.
                (sole,) = ctx.earlier_countries
            if sole:
                sources = [_localised(a, sole) for a in sources]
                targets = [_localised(a, sole) for a in targets]
        flags = self._modality(verb, speaker)
        code = p.code
        lemma = verb.lemma_.lower()
        if not p.words and lemma in self.rules.clause_codes and any(
                c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl")
                                          for g in c.children) for c in verb.children):
            # "agreed that there was an urgent need for ...": agreeing with a view.
            code = self.rules.clause_codes[lemma]
            p = replace(p, code=code, id=f"clause:{p.id}")
        refuser = verb.head if infinitive(verb) else None
        if refuser is not None and refuser.lemma_.lower() in self.rules.refusal_verbs:
            refused = self.rules.refusal_of(code)
            if refused:
                # "declined to resign": a refusal, asserted (unless itself negated).
                neg = any(c.dep_ == "neg" for c in refuser.children)
                code, flags = refused, (neg, flags[1], False)
                used = [*used, refuser]
                p = replace(p, code=code, id=f"refusal:{refuser.lemma_.lower()}>{p.id}",
                            symmetric=False, reverse=None)
        possible = flags[1] and not flags[2] and any(
            c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children)
        if (flags[2] or possible) and not flags[0] and code[:2] != "13" and \
                self.rules.conditional_threat and any(True for _ in self._conditions(verb)):
            # "will withdraw its force from Chad unless ...": a promise with a condition
            # attached is a threat.
            code = self.rules.conditional_threat
            p = replace(p, code=code, id=f"conditional:{p.id}", symmetric=False, reverse=None)
            # ("may halt mediation if ...": a possible act with a condition is a threat too)
            flags = (flags[0], False if possible else flags[1], False)
        if code[:2] in self.rules.own_force_roots and targets:
            # "mobilized army reservists", "ordered patrols by police": the forces a state
            # moves are its own, not the target.
            own = {a.country for a in sources}

            def own_force(t: Actor) -> bool:
                return t.agent in self.rules.own_force_agents and t.code.endswith(t.agent) \
                    and (t.country is None or t.country in own)

            if targets and all(own_force(t) for t in targets) and not (passive or p.source):
                # ... and whom they are aimed at may come after them: "massed troops near its
                # border with Ukraine"
                targets = self._first_actors(self._target_candidates(verb, used), matches, ctx,
                                             speaker, speech, avoid=sources, skip=own_force)
            targets = [t for t in targets if not own_force(t)]
        if code[:2] in self.rules.place_target_roots:
            # "shelled Kyiv", "bombed Damascus": a capital attacked is the city, not the
            # government it stands for in "Kyiv said".
            targets = [replace(t, code=t.country, agent=None, rule="place:" + t.rule[8:])
                       if t.rule.startswith("metonym:") and t.country else t for t in targets]
        weapon = code in self.rules.generic_attack_codes and (next(
            (a.rule[7:].split(">")[0] for a in sources if a.rule.startswith("weapon:")), None)
            or next((lemma for a in sources if (lemma := self._head_lemma(a, verb.doc))
                     in self.rules.weapons), None))  # ("Israeli warplanes struck ...")
        if weapon and self.rules.weapons[weapon]:
            # "a car bomb set off by militants killed 40": a bombing
            code = self.rules.weapons[weapon]
            p = replace(p, code=code, id=f"weapon:{weapon}>{p.id}", symmetric=False,
                        reverse=None)
        if targets and self.rules.assassination_code and code[:2] in ("18", "19") and \
                self._occurs_as(verb, self.rules.assassination_verbs, deep=True) and \
                all(self._office_holder(t, verb.doc) for t in targets):
            # "gunmen shot dead President Moise": killing one who holds an office
            code = self.rules.assassination_code
            p = replace(p, code=code, id=f"assassination:{p.id}", symmetric=False, reverse=None)
        venue = None
        if p.code in self.rules.venue_codes:
            venue = self._venue(verb, matches)
        elif not targets and p.code[:2] in self.rules.venue_target_roots and not (
                len(sources) > 1 and (p.symmetric or p.code[:2] in self.rules.reciprocal_roots)):
            # (but "the army and the militia fought in Khartoum" fought each other)
            targets = self._venue_actor(verb, matches)
        if not targets and any(code.startswith(c) for c in self.rules.own_country_codes):
            # "the president eased the curfew", "the government enacted reforms": a state
            # yielding to its own people.
            targets = [Actor(a.country, a.text, a.start, a.end, f"own-country:{a.text}",
                             a.country, None) for a in sources[:1]
                       if a.country and len(a.country) == 3 and a.agent and
                       a.code == a.country + a.agent]
        if not targets and code[:2] in self.rules.place_target_roots:
            # "shelled Juba", "bombed the port of Tripoli": an attack on a place is aimed at
            # the country it is in.
            place = self._object_place(verb, matches)
            if place is not None:
                code_, g = place
                targets = [Actor(code_, g.text, g.idx, g.idx + len(g.text), f"place:{g.text}",
                                 code_, None)]
        if not targets and speaker is not None and sources and all(
                a.rule.startswith("speaker:") for a in sources):
            # "Qatar told Israel and Hamas that it was suspending its mediation": what the
            # speaker says it does to no one named is done to whom it is told.
            addressees = [c for c in speaker.children if c.dep_ in ("dobj", "dative")]
            addressees += [g for c in speaker.children if c.dep_ == "prep" and c.lower_ == "to"
                           for g in c.children if g.dep_ == "pobj"]
            if addressees:
                targets = self._actors(addressees[:1], matches, ctx, None, speech)
        if code[:2] == "04" and targets:
            # "discussed the war in Ukraine": a place where a topic is, is not who was met
            # ("held talks in Tehran" is where they met, and says who hosted)
            targets = [t for t in targets if not (
                t.rule.startswith(("in:place:", "at:place:")) and t.agent is None
                and self._topic(t, verb.doc))]
        if len(sources) > 1 and targets and self._root(p.code, flags) in \
                self.rules.reciprocal_roots and all(
                    self._of_gathering(t, verb.doc) for t in targets):
            # "Modi and Xi met on the sidelines of the BRICS summit": they met each other
            targets = []
        if len(sources) > 1 and each_other(verb):
            # "A and B accused each other", "pounded each other's positions"
            targets = []
            p = replace(p, symmetric=True, reverse=None)
        if not targets and p.code[:2] in self.rules.subject_matter_roots:
            # "opened an investigation into war crimes committed by Russian forces",
            # "... into allegations of corruption involving President Park": whom the
            # subject matter names
            targets = self._first_actors(self._subject_matter(verb, used), matches, ctx,
                                         speaker, speech, avoid=sources)
        if not targets and p.code[:2] in self.rules.conditional_target_roots:
            targets = self._first_actors(self._conditions(verb), matches, ctx, speaker, speech)
            own = {a.country for a in sources if a.country}
            if len(own) == 1:
                # "Nigeria's unions threatened to strike unless the government ...": theirs
                targets = [_localised(t, next(iter(own))) for t in targets]
        return self._pairs(code, sources, targets, used, index, p, flags, venue)

    @staticmethod
    def _subject_matter(verb: Token, used: list[Token]) -> Iterator[list[Token]]:
        """Who the matter of an investigation or trial names, most telling first: the doer
        ("committed by X"), the owner ("X's crackdown"), who is involved ("involving X"),
        then any name in it."""
        matter = [g for t in [verb, *used] for p in t.children if p.dep_ == "prep"
                  and p.lower_ in ("into", "of", "over", "on") for g in p.children
                  if g.dep_ == "pobj"]
        matter += [c for c in verb.children if c.dep_ == "dobj" and c not in used]
        tokens = [t for m in matter for t in m.subtree]
        yield from ([g for g in t.children if g.dep_ == "pobj"] for t in tokens
                    if t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by")
        yield from ([t] for t in tokens if t.dep_ == "poss" and t.pos_ != "PRON")
        yield from ([g for g in t.children if g.dep_ == "dobj"] for t in tokens
                    if t.lemma_.lower() in ("involve", "implicate", "target"))
        yield from ([t] for t in tokens if t.pos_ == "PROPN")

    @staticmethod
    def _head(actor: Actor, doc: Doc) -> Token | None:
        """The head word of the phrase that names ``actor``."""
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _head_lemma(self, actor: Actor, doc: Doc) -> str:
        head = self._head(actor, doc)
        return head.lemma_.lower() if head is not None else ""

    def _topic(self, actor: Actor, doc: Doc) -> bool:
        """``actor`` is named by a thing or state of affairs ("the war in Ukraine")."""
        return self._head_lemma(actor, doc) in self.rules.non_actor_heads

    def _of_gathering(self, actor: Actor, doc: Doc) -> bool:
        """``actor`` is named only as whose gathering it was: "on the sidelines of the
        BRICS summit", "at a meeting of the Arab League"."""
        t = self._head(actor, doc)
        if t is None:
            return False
        if t.lemma_.lower() in self.rules.gathering_nouns:
            return True  # (the actor of "the sidelines of the BRICS summit" itself)
        for _ in range(4):
            if t.dep_ in ("pobj", "compound", "poss") and t.head.i != t.i:
                t = t.head
                if t.dep_ == "prep" and t.lower_ in ("of", "at") or t.dep_ == "case":
                    continue
                if t.lemma_.lower() in self.rules.gathering_nouns:
                    return True
            else:
                break
        return False

    def _office_holder(self, actor: Actor, doc: Doc) -> bool:
        """``actor`` is one person who holds (or held) an office: a known leader, or a
        singular title ("the governor", "President X")."""
        if actor.rule.startswith("person:"):
            return True
        if actor.agent not in self.rules.assassination_agents:
            return False
        head = self._head(actor, doc)
        return head is not None and head.tag_ in ("NN", "NNP")

    def _occurs(self, verb: Token) -> bool:
        """``verb`` says that its subject happened ("broke out", "erupted")."""
        return verb.pos_ == "VERB" and self._occurs_as(verb, self.rules.occurrence_verbs)

    def _occurs_as(self, verb: Token, entries: Iterable[tuple[str, ...]],
                   deep: bool = False) -> bool:
        """``verb`` is one of ``entries``: a lemma and the words that must hang on it
        ("break out"), or with ``deep`` be in its clause ("shot dead", which the parser may
        hang on the object)."""
        lemma = verb.lemma_.lower()
        kids = {c.lower_ for c in (self._clause(verb) if deep else verb.children)}
        return any(w[0] == lemma and all(x in kids for x in w[1:]) for w in entries)

    def _noun_events(self, noun: Token, cands: list[Pattern], index: int, matches: Matches,
                     ctx: ArticleContext, coded_verbs: set[int]) -> list[Event]:
        clause = self._clause(noun, max_depth=3)
        also: tuple[Token, ...] = ()
        if noun.dep_ == "nsubj" and self._occurs(noun.head):
            # "fighting broke out between A and B", "clashes erupted in X": what the verb
            # says of where and between whom is said of the event.
            also = (noun.head,)
            clause = sorted({*clause, *(t for t in self._clause(noun.head, max_depth=3)
                                        if t.i != noun.i and not governed_by(t, noun))},
                            key=lambda t: t.i)
        # The object of a verb with no pattern of its own ("gave Tanzania a grant", "staged a
        # protest in Beijing"): the verb's arguments are the noun's.
        light = noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") and \
            noun.head.i not in coded_verbs
        m = None
        via_verb = False
        for p in cands:
            m = self._try(p, noun, clause, also)
            if m is not None and not self._slot_names_actor(m, matches, ctx):
                m = None  # "fighting with machine guns" is not "fighting with {target}"
            if m is None and light and p.target and p.target.kind == "prep":
                bare = replace(p, target=None,
                               words=tuple(w for w in p.words if w != p.target.prep))
                m = self._try(bare, noun, clause)
                via_verb = m is not None
            if m is not None:
                break
        if m is None:
            return []
        p = m.pattern
        sources: list[Actor] = []
        # Source: a possessive or adjective on the noun, a "by" phrase, or the subject of the
        # verb the noun is the object of ("launched an attack on ...").
        for c in clause:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                sources = self._actors(objs, matches, ctx, None, {})
                if sources:
                    break
        if not sources:
            mods = [c for c in noun.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")]
            for c in mods:
                if c.pos_ == "PRON" and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in (
                        "VERB", "AUX"):
                    # "the AU repeated its demand": "its" is the subject's.
                    subj, passive = self._subject(noun.head)
                    if subj is not None and subj.pos_ != "PRON" and not passive:
                        got = self._actors([subj], matches, ctx, None, {})
                        if got:
                            sources = got
                            break
                # A sector word as adjective ("military aid") names no one.
                got = [a for a in self.resolver.resolve(c, matches, ctx)
                       if not a.code.startswith("---")]
                if got:
                    sources = got
                    break
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") and \
                noun.head.head.lemma_.lower() in self.rules.responsible_words and \
                noun.head.head.dep_ == "acomp":
            # "the government is responsible for mass killings": who is responsible did it.
            subj, passive = self._subject(noun.head.head.head)
            if subj is not None and not passive:
                sources = self._actors([subj], matches, ctx, None, {})
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("on", "during"):
            # "Wang Yi, on a visit to Tehran, signed ...", "said during a visit to Kyiv": the
            # one on the visit.
            anchor = noun.head.head
            if anchor.pos_ in ("NOUN", "PROPN"):
                sources = self._actors([anchor], matches, ctx, None, {})
            elif anchor.pos_ in ("VERB", "AUX"):
                subj, passive = self._subject(anchor)
                if subj is not None and not passive:
                    sources = self._actors([subj], matches, ctx, None, {})
        if not sources and noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in (
                "VERB", "AUX") and noun.head.i not in coded_verbs:
            subj, passive = self._subject(noun.head)
            if subj is not None and not passive:
                sources = self._actors([subj], matches, ctx, None, {})
        if p.actors:
            pair = self._actors(m.pair_heads, matches, ctx, None, {})
            if not sources:
                sources, targets = pair, []
            else:
                targets = pair
        elif via_verb:
            targets = self._first_actors(self._target_candidates(noun.head, [noun]), matches,
                                         ctx, None, {})
            if not targets and p.code[:2] in self.rules.venue_target_roots:
                targets = self._venue_actor(noun.head, matches)
        else:
            targets = self._actors(m.target_heads, matches, ctx, None, {})
        if not sources:
            return []
        flags = self._modality(noun.head, None) if noun.head.pos_ == "VERB" else (
            False, False, False)
        if noun.dep_ in ("dobj", "nsubjpass") and \
                self._occurs_as(noun.head, self.rules.cancelling_verbs):
            flags = (True, flags[1], flags[2])  # "postponed the demonstration", "headed off"
        tokens = [*m.tokens, noun.head] if via_verb else m.tokens
        return self._pairs(p.code, sources, targets, tokens, index, p, flags, None)

    def _aimed(self, protest: Event, demand: Event) -> Event:
        """A protest takes what its demand says: whom it is aimed at, when it names no one
        but the place ("marched through Belgrade demanding the president's resignation"), and
        its aim, where the codebook has one ("demand for leadership change" 1041 makes a
        demonstration 141 one for leadership change, 1411)."""
        if protest.root not in self.rules.subsumed or demand.root not in \
                self.rules.subsumed[protest.root]:
            return protest
        code = protest.code
        aim = self.rules.demand_aims.get(demand.code)
        if aim and len(code) == 3 and code + aim in self.ontology:
            code = code + aim
        target = protest.target
        if demand.target is not None and (target is None or target.rule.startswith("place:")
                                          or target.code == target.country):
            target = demand.target
        if code == protest.code and target is protest.target:
            return protest
        info = self.ontology.get(code)
        return replace(protest, code=code, target=target, goldstein=info.goldstein,
                       quad_class=info.quad_class, plover=self.ontology.plover_name(info.plover),
                       rule=f"{protest.rule} (demanding: {demand.rule})")

    def _suppress(self, by_verb: dict[int, list[Event]], sent: Span,
                  speech: dict[int, Token], bare: set[int]) -> list[Event]:
        doc = sent.doc
        drop: set[int] = set()
        for i in by_verb:
            tok = doc[i]
            # A verb under an intention verb that has its own event ("agreed to withdraw",
            # "threatened to attack"): the governing verb's event stands for both.
            t = tok
            if tok.pos_ in ("NOUN", "PROPN"):
                # An event noun is governed like the verb it is the object of: "promised to
                # continue military aid".
                v = verb_of(tok)
                if v >= 0 and v not in by_verb and by_verb[i] and not by_verb[i][0].negated:
                    t = doc[v]
            while infinitive(t) and t.head.i != t.i:
                t = t.head
                if t.i in by_verb and t.i not in speech:
                    if t.lemma_.lower() in self.rules.future_verbs and (t.i in bare or (
                            by_verb[i][0].quad_class >= 3 and by_verb[t.i][0].quad_class < 3)):
                        # "agreed to lift embargoes", "vowed to fight": the act promised says
                        # more than a bare promise; it is coded as its intent (03x, 13x).
                        drop.add(t.i)
                    else:
                        drop.add(i)
                    break
            # "marched through the capital demanding reforms": a demand made by protesting is
            # part of the protest.
            if tok.dep_ == "advcl" and tok.head.i in by_verb and by_verb[i] and any(
                    by_verb[i][0].root in self.rules.subsumed.get(e.root, ())
                    for e in by_verb[tok.head.i]):
                by_verb[tok.head.i] = [self._aimed(e, by_verb[i][0])
                                       for e in by_verb[tok.head.i]]
                drop.add(i)
                continue
            # "accused the US of violating ...", "criticized Iran for ignoring ...": what the
            # accusation says was done is alleged, not an event of its own.
            accuser = accusation_head(tok, self.rules.accusation_preps)
            if accuser is not None and accuser.i in by_verb and any(
                    e.root in self.rules.accusation_roots for e in by_verb[accuser.i]):
                drop.add(i)
                continue
            # A speech verb whose reported clause holds an event: the event is what counts.
            if i in speech:
                for j in by_verb:
                    if j != i and j not in speech and governed_by(doc[j], tok):
                        drop.add(i)
                        break
        out: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        # A side event whose doer's country is unknown ("the first Western delegation to visit
        # Bucharest", "... with guerrillas who overran it") beside events of known actors adds
        # nothing that can be placed; alone it is kept.
        known = any(not ev.source.code.startswith("---") for i in by_verb if i not in drop
                    for ev in by_verb[i])
        for i in sorted(by_verb):
            if i in drop:
                continue
            for ev in by_verb[i]:
                if known and ev.source.code.startswith("---"):
                    continue
                key = (ev.source.code, ev.target_code, ev.code)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ev)
        return out



def _domestic(sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """In domestic kinds of event (a government arresting, a court investigating, police
    dispersing protesters) a sector actor of unknown country belongs to the other side's
    country: "President X banned Ugandan opposition candidates"."""
    def country(actors: list[Actor]) -> str | None:
        found = {a.country for a in actors if a.country and len(a.country) == 3
                 and not a.code.startswith("IGO")}
        return found.pop() if len(found) == 1 else None

    src_c, tgt_c = country(sources), country(targets)
    if tgt_c:
        sources = [_localised(a, tgt_c) for a in sources]
    if src_c:
        targets = [_localised(a, src_c) for a in targets]
    return sources, targets


def _sole_country(sent: Span, matches: Matches, places: bool = True) -> str | None:
    """The only country a sentence names; with ``places`` false, cities and capitals do not
    count (a meeting in Geneva says nothing of who met)."""
    kinds = ("country", "demonym", "capital", "city", "metonym") if places else (
        "country", "demonym", "metonym")
    found = set()
    for i in range(sent.start, sent.end):
        hit = matches.get(i)
        if hit is not None:
            for e in hit[1]:
                if e.kind in kinds:
                    found.add(e.code)
                elif e.kind == "org" and e.country:
                    found.add(e.country)
    return found.pop() if len(found) == 1 else None


def _localised(actor: Actor, country: str) -> Actor:
    """An agent of unknown country ("students", "police") placed in the country where the
    event happened."""
    if actor.country is not None or not actor.agent or not actor.code.startswith("---") or \
            actor.rule.endswith("+foreign"):
        return actor
    return replace(actor, code=country + actor.agent, country=country,
                   rule=actor.rule + f"+place:{country}")
