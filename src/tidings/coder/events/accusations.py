"""Sentence rules for what a report says rather than does.

Accusations named by a noun: "Moscow rejected accusations by Kyiv that Russian troops had
killed civilians", "dismissed Washington's allegation that Chinese firms were arming Russia".
Whoever made the accusation accuses whom its clause names, whatever the sentence's verb says
of it (a denial, a rejection); what the clause says is only alleged (rules.yaml
``hearsay_nouns``). The nouns are rules.yaml ``accusation_nouns``; the code is the allegation
code.

Allegations: "A claimed that B attacked C" (rules.yaml ``allegation.verbs``), "the State
Department determined that B had committed genocide" (``allegation.finding_verbs``) and "A said
B had committed war crimes" (a statement whose clause labels B's act with a word of the class
``allegation.labels``): A accuses B, and B's act is only alleged.

Tolls reported: "officials said 37 people were killed" is where a figure came from, not a
statement about the people counted.

Lawsuits filed at a court: "South Africa filed a case at the International Court of Justice
accusing Israel of genocide" is a case against Israel, not against the court (rules.yaml
``lawsuit``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.events.arguments import actors_of, subject_of
from tidings.coder.events.building import make
from tidings.coder.events.modality import modality_of
from tidings.coder.events.scope import ASSERTED, CoderKnowledge, SentenceState
from tidings.coder.syntax import governed_by
from tidings.records import Actor, Event


def reported_harm(k: CoderKnowledge, s: SentenceState) -> None:
    """"The US said Iraq had attacked its neighbours": a plain statement about an actor
    whose reported clause has that actor do harm, with no event of its own (no target
    named), is an accusation against it; so is one whose clause says an actor was behind or
    responsible for a harm ("said Putin was responsible for the death of Navalny", "told
    parliament that Russia was behind the attack": rules.yaml reported_harm)."""
    by_verb, speech, verb_matches = s.by_verb, s.speech, s.verb_matches
    code = k.rules.reported_harm_code
    if not code or not speech:
        return  # (no statement in the sentence: nothing to look for)
    harm = [(v, m.pattern.id) for v, m in verb_matches if not m.pattern.speech
            and v.i not in by_verb and k.ontology.get(m.pattern.code).quad_class >= 3]
    harm += [(v, f"blame:{v.lemma_.lower()}") for v in s.verbs if _blamed(k, v)]
    if not harm:
        return
    for i, verb in speech.items():
        events = by_verb.get(i)
        if not events or any(e.root != k.rules.statement_root for e in events):
            continue
        for v, rule in harm:
            flags = modality_of(k, v, verb)
            if not governed_by(v, verb) or flags.negated or (
                    any(flags) and not rule.startswith("blame:")):
                continue  # (what will, may or did not happen is no accusation; what was
                # "probably" someone's doing is)
            subj, passive = subject_of(k, v)
            if subj is None or passive:
                continue
            doers = k.resolver.resolve(subj, s.matches, s.ctx, remember=False)
            codes = {a.code for a in doers}
            new = []
            for e in events:
                target = e.target if e.target is not None and e.target.code in codes else (
                    doers[0] if doers and rule.startswith("blame:")
                    and not doers[0].code.startswith("---") else None)
                made = make(k, code, e.source, target, [verb, v], s.index,
                            f"allegation:{verb.lemma_.lower()}>{rule}",
                            modality_of(k, verb, None)) if target is not None else None
                new.append(made or e)
            by_verb[i] = new
            break


def _blamed(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` is a copula saying its subject is behind, or responsible for, a harm: a noun
    with a pattern of quad class 3 or 4 (or of reported_harm.nouns) after one of rules.yaml
    reported_harm.preps on it, or after "for" on its predicate adjective
    (reported_harm.adjectives)."""
    rh = k.rules.reported_harm_words
    if verb.lemma_.lower() != "be":
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp"
                     and c.lemma_.lower() in rh.get("adjectives", ()))]
    nouns = [o for h in heads for p in h.children if p.dep_ == "prep" and (
        p.lower_ in rh.get("preps", ()) or h is not verb and p.lower_ == "for")
             for o in p.children if o.dep_ == "pobj"]
    return any(n.lower_ in rh.get("nouns", ()) or any(
        k.ontology.get(pat.code).quad_class >= 3 for pat in k.patterns.nouns.get(
            n.lemma_.lower(), ())) for n in nouns)


def allegations(k: CoderKnowledge, s: SentenceState) -> None:
    """"A claimed that B attacked C", "A determined that B had committed genocide", "A said
    B had committed war crimes": A accuses B; B's act is only alleged."""
    for verb, scope, labelled_only in _alleging_verbs(k, s):
        subj, _ = subject_of(k, verb)
        if subj is None:
            continue
        speakers = k.resolver.resolve(subj, s.matches, s.ctx, remember=False)
        if not speakers:
            continue
        accused: list[Event] = []
        for j in list(s.by_verb):
            if j == verb.i or j in s.speech or not any(
                    j == c.i or governed_by(verb.doc[j], c) for c in scope) or (
                    labelled_only and not _labelled(k, verb.doc[j])):
                continue
            # (a crime named is a material act: "investigated war crimes" is no war crime)
            least = 4 if labelled_only else 3
            # (what is only claimed is not done, harmful or not: "claimed that France was
            # arming jihadists"; a finding's or a label's other acts stand)
            claimed_only = verb.lemma_.lower() in k.rules.allegation_verbs
            keep = [e for e in s.by_verb[j] if e.quad_class < least and not claimed_only]
            accused += [e for e in s.by_verb[j] if e.quad_class >= least]
            if keep:
                s.by_verb[j] = keep
            else:
                del s.by_verb[j]
        if not accused and verb.lemma_.lower() in k.rules.charging_verbs:
            # "Amnesty charged that Turkish police were abusing detainees": whom a charge
            # names as doing something is accused, whatever the act
            _charge(k, s, verb, speakers)
        if not accused:
            continue
        flags = modality_of(k, verb, None)
        new = []
        for spk in speakers:
            for ev in accused:
                if ev.source.code == spk.code:
                    continue
                made = make(k, k.rules.allegation_code, spk, ev.source, [verb], s.index,
                            f"allegation:{verb.lemma_.lower()}>{ev.rule}", flags)
                if made:
                    new.append(made)
        s.by_verb[verb.i] = new


def _charge(k: CoderKnowledge, s: SentenceState, verb: Token, speakers: list[Actor]) -> None:
    """The speakers accuse the subject of the clause ``verb`` introduces, when it is of
    another country (a charge at home is more often a prosecutor's than an accusation)."""
    subjects = [g for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    accused = [a for a in actors_of(k, subjects, s.matches, s.ctx, None, {}, remember=False)
               if not a.code.startswith("---")]
    flags = modality_of(k, verb, None)
    new = [made for spk in speakers for a in accused if a.country != spk.country
           if (made := make(k, k.rules.allegation_code, spk, a, [verb], s.index,
                            f"allegation:{verb.lemma_.lower()}", flags)) is not None]
    if new:
        s.by_verb[verb.i] = new


def _alleging_verbs(k: CoderKnowledge, s: SentenceState
                    ) -> list[tuple[Token, list[Token], bool]]:
    """The verbs whose clause may allege harm, each with where the alleged acts may be and
    whether only a labelled act is alleged (plain verbs of saying) or any conflictual one
    (claims and findings). A finding or a plain statement alleges only what it introduces:
    an attribution at the end ("..., U.N. investigators concluded") reports the act."""
    found: list[tuple[Token, list[Token], bool]] = []
    for verb in s.verbs:
        if verb.i in s.speech and verb.lemma_.lower() in k.rules.allegation_verbs:
            found.append((verb, [verb], False))
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        if not clauses:
            continue
        if verb.lemma_.lower() in k.rules.finding_verbs or (
                # (a verb of charging, not the noun "charges" tagged as one)
                verb.lemma_.lower() in k.rules.charging_verbs and verb.tag_ != "VBZ"):
            found.append((verb, clauses, False))
        elif verb.i in s.speech and k.rules.allegation_labels:
            found.append((verb, clauses, True))
    return found


def _labelled(k: CoderKnowledge, verb: Token) -> bool:
    """``verb``'s object names its act with a word of the allegation's label class
    ("committed genocide", "carried out war crimes", "crimes against humanity")."""
    name = "&" + (k.rules.allegation_labels or "")
    return any(k.patterns.word_matches(t, name) for c in verb.children
               if c.dep_ in ("dobj", "attr") for t in c.subtree)


def reported_accusations(k: CoderKnowledge, s: SentenceState) -> None:
    """"rejected accusations by Kyiv that Russian troops had killed civilians": Kyiv
    accuses the troops (the allegation code), when the clause's act is a conflictual one."""
    harmful = {v.i for v, m in s.verb_matches if not m.pattern.speech
               and k.ontology.get(m.pattern.code).quad_class >= 3}
    for noun in s.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in k.rules.accusation_nouns or \
                noun.i in s.by_verb:
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and c.i > noun.i and c.i in harmful and any(
                           g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        accused = None if clause is None else next(
            (g for g in clause.children if g.dep_ == "nsubj"), None)
        accuser = _accuser(noun)
        if accused is None or accuser is None:
            continue
        sources = k.resolver.resolve(accuser, s.matches, s.ctx, remember=False)
        targets = k.resolver.resolve(accused, s.matches, s.ctx, remember=False)
        new: list[Event] = []
        for src in sources:
            for tgt in targets:
                made = None if src.code == tgt.code else make(
                    k, k.rules.allegation_code, src, tgt, [noun], s.index,
                    f"accusation:{noun.lemma_.lower()}", ASSERTED)
                if made:
                    new.append(made)
        if new:
            s.by_verb[noun.i] = new


def _accuser(noun: Token) -> Token | None:
    """Who made the accusation: its owner ("Kyiv's accusation") or its "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def toll_reports(k: CoderKnowledge, s: SentenceState) -> None:
    """"Officials said 37 people were killed", "the governor said six fighters died in the
    raids": a statement whose report is a toll of people harmed by no one named is the source
    of the figure, not a statement about the people counted."""
    harm = {v.i: v for v, m in s.verb_matches if not m.pattern.speech
            and m.pattern.code[:2] in k.rules.attack_doer_roots}
    for i in list(s.speech):
        events = s.by_verb.get(i)
        if not events or any(e.root != k.rules.statement_root for e in events):
            continue
        reported = [v for v in harm.values() if v.head.i == i and v.dep_ == "ccomp"]
        if reported and all(_toll(v) for v in reported):
            del s.by_verb[i]


def _toll(verb: Token) -> bool:
    """``verb`` is passive and names no doer ("were killed", "had been wounded")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children)


def lawsuits(k: CoderKnowledge, s: SentenceState) -> None:
    """"filed a case at the International Court of Justice accusing Israel of genocide": a
    lawsuit (rules.yaml lawsuit.codes) aimed at a court (lawsuit.courts, or an actor of
    lawsuit.court_agents) is brought against whom its doer accuses in the same sentence (an
    event of lawsuit.accuse_roots)."""
    r = k.rules
    if not r.lawsuit_codes:
        return

    def court(a: Actor | None) -> bool:
        return a is not None and (a.code in r.lawsuit_courts or a.agent in r.lawsuit_agents)

    events = [e for evs in s.by_verb.values() for e in evs]
    if not any(e.code in r.lawsuit_codes for e in events):
        return
    for evs in s.by_verb.values():
        for n, e in enumerate(evs):
            if e.code not in r.lawsuit_codes or not court(e.target):
                continue
            accused = next((x.target for x in events if x.root in r.lawsuit_accuse_roots
                            and x.source.code == e.source.code and x.target is not None
                            and not court(x.target)
                            and not x.target.code.startswith("---")), None)
            if accused is not None:
                evs[n] = replace(e, target=accused)
