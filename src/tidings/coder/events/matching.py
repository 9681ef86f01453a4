"""Pattern matching: a verb or noun pattern against the words of its clause, and the
slots ({target}, {source}, {actors}) it fills."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.scope import CoderKnowledge, Match, Matches
from tidings.coder.patterns import Pattern, Slot
from tidings.coder.syntax import (
    infinitive,
    noun_infinitive,
    reachable,
    small_clause,
    temporal,
    through_prep,
)

# Dependents that start another clause: a verb's pattern words are not looked for there.
_CLAUSE_STOP = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl",
                          "conj", "cc", "parataxis", "punct", "mark", "acl", "appos", "expl",
                          "discourse", "meta", "dep"})

def _coordinated_thing(t: Token) -> bool:
    """``t`` is a noun coordinated with a noun of the clause ("fired cruise and ballistic
    missiles", "sent tanks and artillery"): part of the same clause, not another one."""
    return t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and \
        t.head.pos_ in ("NOUN", "PROPN", "ADJ") and t.head.dep_ != "ROOT"

def _hyphened_modifier(t: Token) -> bool:
    """``t`` ends a hyphened word that modifies a noun after it ("live-fire drills", "anti-war
    rally"): a part of one word, not a word of the clause ("held live-fire drills" holds no
    fire). Names written with a hyphen ("IRIS-T") stay words."""
    doc = t.doc
    return t.i >= 2 and t.is_lower and doc[t.i - 1].text == "-" and \
        not doc[t.i - 2].whitespace_ and \
        not doc[t.i - 1].whitespace_ and t.dep_ in ("compound", "amod", "nmod") and \
        t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN")

def clause_of(head: Token, max_depth: int = 4, passive_subject: bool = False) -> list[Token]:
    out: list[Token] = []
    stack = [(c, 1) for c in head.children]
    while stack:
        t, depth = stack.pop()
        if t.dep_ in _CLAUSE_STOP and not infinitive(t) and not noun_infinitive(t) and \
                not small_clause(t) and not (t.dep_ == "nsubj" and small_clause(t.head)) \
                and not (t.dep_ == "nsubj" and t.head.dep_ == "ccomp" and infinitive(t.head)) \
                and not _coordinated_thing(t) \
                and not (passive_subject and t.dep_ == "nsubjpass" and t.head.i == head.i):
            # (for pattern words, the subject of a passive verb is its object: "sanctions
            # were imposed on ..."; a small clause is the verb's own: "found him guilty",
            # "allowed the inspectors back", and so is the subject of an infinitive parsed as
            # a clause of its own: "allowed [the inspectors to enter]")
            continue
        if not _hyphened_modifier(t):
            out.append(t)
        if depth < max_depth:
            stack.extend((c, depth + 1) for c in t.children)
    out.sort(key=lambda t: t.i)
    return out

def match_verb(k: CoderKnowledge, verb: Token, cands: list[Pattern],
               accept: Callable[[Match], bool] | None = None) -> Match | None:
    clause = clause_of(verb, passive_subject=True)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent"
                                                         for c in verb.children):
        # ("the sanctions imposed by the EU": the noun a passive participle with its doer
        # describes is the participle's object, as a passive verb's subject is; only for
        # the roots where such a participle reports an act, rules.yaml)
        clause = sorted([*clause, verb.head], key=lambda t: t.i)
        cands = [p for p in cands if p.code[:2] in k.rules.participle_target_roots]
    elif _object_relative(verb):
        # ("the sanctions that Washington imposed on Iran", "the aid Berlin sent to Kyiv":
        # the noun a relative clause with its own subject describes is the verb's object)
        clause = sorted([*(t for t in clause if t.dep_ != "dobj"), verb.head],
                        key=lambda t: t.i)
    words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause} | {
        t.lower_[:-1] for t in clause if t.tag_ == "NNS"}  # (as WordClass.matches reads them)
    for p in cands:
        if not k.patterns.may_match(p, words):
            continue
        m = try_pattern(k, p, verb, clause)
        if m is not None and (accept is None or accept(m)):
            return m
    return None

def _object_relative(verb: Token) -> bool:
    """``verb`` heads a relative clause whose subject is its own ("the proposal that Israel
    rejected", "the aid Berlin sent"), so the noun it describes is what it acts on."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(verb.children)
    subject = any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"
                  for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"]
    return subject and all(c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in objects)

def slot_names_actor(k: CoderKnowledge, m: Match, matches: Matches, ctx: ArticleContext) -> bool:
    """A pattern whose {target} slot holds no actor ("agreed ... with strings attached")
    is not the one meant: a less specific pattern may still match."""
    if not m.pattern.target or not m.target_heads:
        return True
    if _patient_named(k, m, matches, ctx):
        return False
    # (a sea or a continent receives no transfer: "dispatched two warships to the eastern
    # Mediterranean" is no arms delivery)
    transfer = m.pattern.code[:2] in k.rules.shared_recipient_roots
    destination = m.pattern.code[:2] in k.rules.destination_roots
    return any(h.pos_ == "PRON" or any(
        not (transfer and a.agent is None and a.rule.startswith("region:"))
        for a in k.resolver.resolve(h, matches, ctx, remember=False))
        or destination and _abroad(k, h, m.tokens[0], matches, ctx)
        for h in m.target_heads)


def _patient_named(k: CoderKnowledge, m: Match, matches: Matches, ctx: ArticleContext) -> bool:
    """A pattern whose only words besides its verb are prepositions that aim an act at what
    they name (rules.yaml ``grammar.conative_preps``: "shoot at {target}") aims through them
    only when the verb has no object of its own: in "shot dead the president at a parade" the
    object, an actor, is whom the act is done to, and the phrase is where."""
    verb = m.tokens[0]
    if verb.pos_ != "VERB" or not m.tokens[1:] or not all(
            t.lower_ in k.rules.conative_preps for t in m.tokens[1:]):
        return False
    return any(c.dep_ == "dobj" and c not in m.target_heads and
               k.resolver.resolve(c, matches, ctx, remember=False)
               for c in verb.children)


def _abroad(k: CoderKnowledge, place: Token, verb: Token, matches: Matches,
            ctx: ArticleContext) -> bool:
    """``place`` is a place (a city) outside the country of the verb's subject ("flew
    supplies into Port Sudan"; not "sent troops to Culiacan" said of Mexico)."""
    loc = k.resolver.location_country(place, matches)
    if loc is None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    own = {a.country for a in k.resolver.resolve(subject, matches, ctx, remember=False)} \
        if subject is not None else set()
    return loc[0] not in own

def try_pattern(k: CoderKnowledge, p: Pattern, head: Token, clause: list[Token],
                also: tuple[Token, ...] = ()) -> Match | None:
    if p.doer and not _doer_in_class(k, p.doer, head):
        return None
    used: list[Token] = [head, *also]
    by_word: dict[str, Token] = {p.head: head}
    for w in p.words:
        found = None
        for t in clause:
            if t in used:
                continue
            if k.patterns.word_matches(t, w) and reachable(t, head, used) \
                    and not temporal(t):
                found = t
                break
        if found is None:
            return None
        used.append(found)
        by_word.setdefault(w, found)
    if p.predicate and not _is_predicate(used[-1], head):
        return None
    m = Match(p, used)
    if p.target:
        m.target_heads = slot_heads(p.target, head, by_word, clause, used)
        if not m.target_heads and not (
                p.target.kind != "prep" and head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in head.children)):
            # (a passive has no object: "was received by the prince" takes its target
            # from the subject)
            return None
    if p.source:
        m.source_heads = slot_heads(p.source, head, by_word, clause, used)
        if not m.source_heads:
            return None
    if p.actors:
        m.pair_heads = slot_heads(p.actors, head, by_word, clause, used)
        if not m.pair_heads:
            return None
    return m

def _is_predicate(tok: Token, verb: Token) -> bool:
    """``tok`` says what the verb's object is: its object predicate ("called the raid a war
    crime"), or the object of its "as" ("condemned the drills as a provocation"); for a
    phrase, its first noun ("an act of terrorism")."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != verb.i:
        tok = tok.head.head
    if tok.dep_ in ("oprd", "attr", "xcomp") and tok.head.i == verb.i:
        return True
    return tok.dep_ in ("pobj", "dobj") and tok.head.lower_ == "as" and \
        tok.head.head.i == verb.i

def _doer_in_class(k: CoderKnowledge, name: str, verb: Token) -> bool:
    """Whether the head word of the verb's active subject (that of the first verb of a
    coordination) is a member of the word class ``name``."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            # ("thousands of armed police poured into ...": the group the quantity counts)
            of = [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
            return any(k.patterns.word_matches(t, "&" + name) for t in [subj, *of[:1]]) or (
                name == k.rules.crowd_protest_class and _protesting(k, v))
    return False


def _protesting(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` has a participle of protesting ("massed on the highway demanding ...")."""
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
               and c.lemma_.lower() in k.rules.crowd_protest_participles
               for c in verb.children)

def slot_heads(slot: Slot, head: Token, by_word: dict[str, Token], clause: list[Token],
               used: list[Token]) -> list[Token]:
    anchor = by_word.get(slot.after or "", head)
    if slot.kind == "prep":
        preps = [anchor] if anchor.lower_ == slot.prep else []
        preps += [t for t in clause if t.lower_ == slot.prep and t.dep_ in
                  ("prep", "agent", "dative") and t is not anchor]
        # The preposition belongs to the pattern's own words (or the verb's particle):
        # "agreed to US mediation in talks with the Palestinians" is not "agree with".
        # (or to a word coordinated with one: "fired two missiles and 15 drones at ...")
        preps = [t for t in preps if (t.head in used or (
            t.head.dep_ in ("prt", "conj") and t.head.head in used) or _after_doer(t, used))
                 and not temporal(t)]
        for prep in preps:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return objs
        if slot.prep == "to":
            # "gave Lebanon $500 million": the indirect object is the one given to
            return [c for c in head.children if c.dep_ == "dative" and c not in used
                    and c.pos_ in ("PROPN", "NOUN", "PRON")]
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
        found = [through_prep(c) for c in anchor.children if c.dep_ == dep and c not in used]
        objs = [o for o in found if o is not None]
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

def _after_doer(prep: Token, used: list[Token]) -> bool:
    """``prep`` hangs on the doer named by the pattern word's "by" phrase, where the parser
    often puts what follows it: "attacks by militants on villages" (the attacks are on the
    villages)."""
    doer = prep.head
    return doer.dep_ == "pobj" and doer.head.lower_ == "by" and doer.head.head in used and \
        prep.i > doer.i


def occurs(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` says that its subject happened ("broke out", "erupted")."""
    return verb.pos_ == "VERB" and occurs_as(k, verb, k.rules.occurrence_verbs)

def occurs_as(k: CoderKnowledge, verb: Token, entries: Iterable[tuple[str, ...]],
              deep: bool = False) -> bool:
    """``verb`` is one of ``entries``: a lemma and the words that must hang on it
    ("break out"), or with ``deep`` be in its clause ("shot dead", which the parser may
    hang on the object)."""
    lemma = verb.lemma_.lower()
    kids = {c.lower_ for c in (clause_of(verb) if deep else verb.children)}
    return any(w[0] == lemma and all(x in kids for x in w[1:]) for w in entries)
