"""Questions about a sentence's dependency parse that know nothing of actors or events:
whether a token governs another, is an infinitive or a small clause, introduces a time, and
so on. Shared by the event stage (events.py) and its sentence-level rules (sentence_rules.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.tokens import Token


def accusation_head(tok: Token, preps: frozenset[str]) -> Token | None:
    """The verb whose "of/for" complement the gerund ``tok`` is: "accused X of violating ...,
    ignoring ..." (through coordination, and the object the preposition may hang on)."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("pcomp", "pobj") or t.tag_ != "VBG":
        return None
    prep = t.head
    if prep.dep_ != "prep" or prep.lower_ not in preps:
        return None
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def in_condition(tok: Token, marks: frozenset[str]) -> bool:
    """``tok`` is inside an adverbial clause opened by one of ``marks`` ("if", "unless")."""
    t = tok
    for _ in range(12):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks
                                     for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def reachable(tok: Token, head: Token, used: list[Token]) -> bool:
    """A pattern word inside an infinitive complement counts only when that complement's verb
    is itself part of the pattern: "agree to withdraw troop" may reach "troops" under
    "withdraw", but "block" may not reach "reforms" in "blocked streets to demand reforms".
    Nor is a word inside a possessor or another noun's prepositional phrase a pattern word."""
    if tok.dep_ == "aux" and tok.lower_ == "to" and tok.head.head.i == head.i:
        return True  # the "to" of the head's own infinitive complement ("urge X to ...")
    if tok.dep_ == "aux" and tok.lower_ == "to" and noun_infinitive(tok.head) and \
            tok.head.head in used:
        return True  # ... or of a pattern noun's ("reach consensus to ...")
    if _let_act(tok, head):
        return True  # "allowed [the inspectors to enter]": whom the head lets act is its object
    if tok.dep_ == "prep" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "by" and \
            tok.head.head.head.i == head.i and tok.i > tok.head.i:
        return True  # "attacks by militants on villages": the attacks' "on", hung on the doer
    if tok.dep_ == "prep" and tok.head.dep_ == "pobj" and tok.head not in used:
        return False  # "told X ... during a visit to Brazil": that "to" is the visit's
    if head.dep_ == "acl" and tok.i == head.head.i:
        return True  # "the sanctions imposed by the EU": the noun a participle describes
    if tok.dep_ == "poss":
        return False  # "seized the city's mayor" seizes no city
    t = tok.head
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return False
        if _let_act(t, head):
            return True  # ("allowed [aid workers to enter]": a word of that object's)
        if t.pos_ in ("VERB", "AUX") and t not in used:
            return False
        if t.dep_ == "prep" and t.lower_ != "of" and t.head.pos_ in ("NOUN", "PROPN") and \
                t not in used and t.head not in used and t.head.i != head.i:
            # "withdrew its opposition to the aid package" withdraws no aid (a preposition
            # of the pattern's own may hang on the object: "indicted the chief for war crimes")
            return False
        t = t.head
    return True


def _let_act(tok: Token, head: Token) -> bool:
    """``tok`` is the subject of an infinitive of ``head`` parsed as a clause of its own
    ("allowed [the inspectors to enter]"): the one the head acts on."""
    return tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.head.i == head.i \
        and infinitive(tok.head)


def verb_of(tok: Token) -> int:
    """The verb whose arguments a noun sits in ("prevented the demonstration", "refused to
    commit to any assistance to the US-led war"), through objects, prepositions and noun
    modifiers; -1 if none."""
    t = tok
    for _ in range(8):
        if t.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "compound", "amod", "nmod",
                          "appos", "conj", "attr", "dative"):
            return -1
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.i
    return -1


def prep_objects(preps: list[Token], words: Iterable[str]) -> Iterator[list[Token]]:
    """The objects of the given prepositions, in the order of ``words``."""
    for word in words:
        for prep in preps:
            if prep.lower_ == word:
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                if objs:
                    yield objs


def infinitive(tok: Token) -> bool:
    """A "to"-infinitive complement of the verb above it: "threatened to secede" (spaCy labels
    some of these advcl rather than xcomp)."""
    if tok.dep_ == "xcomp":
        return True
    # ... and "allowed the candidate to run" ccomp, with the candidate as its subject.
    return tok.dep_ in ("advcl", "ccomp") and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def noun_infinitive(tok: Token) -> bool:
    """A "to"-infinitive completing a noun: "reached a consensus to share data", "a decision
    to withdraw" (spaCy labels it acl or relcl)."""
    return tok.dep_ in ("acl", "relcl") and tok.tag_ == "VB" and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def through_prep(tok: Token) -> Token | None:
    """spaCy labels "to" in "sent arms to Kyiv" as the dative: the target is its object."""
    if tok.pos_ == "ADP":
        return next((c for c in tok.children if c.dep_ == "pobj"), None)
    return tok


def each_other(verb: Token) -> bool:
    """"each other" or "one another" among the verb's objects."""
    for t in verb.subtree:
        if t.lower_ == "other" and any(c.lower_ == "each" for c in t.children) or \
                t.lower_ == "another" and t.i > 0 and t.nbor(-1).lower_ == "one":
            v = t
            while v.head.i != v.i and v.pos_ != "VERB":
                v = v.head
            if v.i == verb.i:
                return True
    return False


def small_clause(tok: Token) -> bool:
    """A verbless clause completing a verb: "found [him guilty]", "allowed [the inspectors
    back]"."""
    return tok.dep_ in ("ccomp", "oprd") and tok.pos_ in ("ADJ", "ADV")


def temporal(tok: Token) -> bool:
    """A preposition introducing a time ("on Monday", "in March"): not the one a pattern
    means by "call on" or "agree in"."""
    if tok.dep_ != "prep":
        return False
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def governed_by(tok: Token, head: Token) -> bool:
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == head.i:
            return True
    return False

def pronoun_antecedents(pron: Token) -> Iterator[Token]:
    """Names earlier in the sentence an object pronoun may stand for, nearest first: proper
    names that are subjects outside its clause, and, when its verb shares its subject by
    coordination or is a participle or purpose clause with none of its own ("expelled the
    ambassador, accusing him of ...", "met Putin and pleaded with him", "called Erdogan to
    congratulate him"), the objects before it (proper names or nouns); in a clause of its own
    coordinated with one whose subject is no person, that clause's object."""
    own = pron.head.head if pron.dep_ == "pobj" and pron.head.dep_ in (
        "prep", "dative") else pron.head  # ("pleaded with him": the verb of "with")
    shared = own.head if own.dep_ in ("conj", "advcl") and (
        own.dep_ == "conj" or own.tag_ == "VBG" or own.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in own.children)) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in own.children) else None
    # ("police arrested the editor, and prosecutors charged him": a clause of its own after
    # one whose subject is no person, whose object the pronoun may stand for)
    prior = own.head if own.dep_ == "conj" and shared is None and own.head.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") and (
            c.ent_type_ == "PERSON" or c.pos_ == "PRON") for c in own.head.children) else None
    for t in reversed(pron.sent[: pron.i - pron.sent.start]):
        if t.dep_ in ("pobj", "dobj") and shared is not None and t.pos_ in ("PROPN", "NOUN"):
            yield t
        elif prior is not None and t.dep_ == "dobj" and t.head.i == prior.i and \
                t.pos_ in ("PROPN", "NOUN"):
            yield t
        elif t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and t.head.i not in (
                own.i, shared.i if shared is not None else -1):
            yield t


def origins(head: Token, agent_words: Collection[str]) -> list[Token]:
    """The "from" phrases of participles after ``head``, a thing (not one of ``agent_words``),
    that say where it came from: "goods imported from Mexico", "grain shipped from Odesa"."""
    if head.lower_ in agent_words:
        return []
    return [p for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"
            for p in c.children if p.dep_ == "prep" and p.lower_ == "from"]


def conjuncts(head: Token) -> list[Token]:
    """The nouns coordinated with ``head``, at any depth ("Iran, Iraq and Syria"), also when
    the parser took the second of a list of names for an apposition of the first ("Saudi
    Arabia, the United Arab Emirates and Egypt": "Emirates" appos, "Egypt" its conj)."""
    out = []
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
            out.extend(conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ == "PROPN" and any(
                g.dep_ == "cc" for g in c.children) and any(
                g.dep_ == "conj" and g.pos_ == "PROPN" for g in c.children):
            out.append(c)
            out.extend(conjuncts(c))
    return out


def is_clausal(tok: Token, head: Token) -> bool:
    """``tok`` hangs on ``head`` through a clause of its own (relative, adverbial...)."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        t = t.head
    return False


def clause_subject_span(tok: Token) -> tuple[int, int] | None:
    """The character span of the subject of the verb ``tok`` is an argument of, unless that
    subject is ``tok`` itself."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
            phrase = c.doc[c.left_edge.i : c.right_edge.i + 1]
            return phrase.start_char, phrase.end_char
    return None


def subjunctive(clause: Token) -> bool:
    """A clause with its own subject and no tense: "(insisted) that Tokyo open its market",
    "(recommended) that the council impose sanctions". A plain-form verb with no auxiliary;
    one that may be a present tense ("that they settle") only under a past verb, where
    reported speech would have shifted it ("that they settled")."""
    if clause.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass")
                                               for c in clause.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    return clause.tag_ == "VB" or clause.head.tag_ == "VBD"


def agent_of(verb: Token) -> Token | None:
    """The doer a passive verb's "by" phrase names ("shot by police": police)."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def act_doers(heads: list[Token]) -> list[Token]:
    """Who did the act a noun names, when its own phrase says it (rules.yaml act_doer_roots):
    "the killings committed by security forces", "the deaths of protesters shot by police",
    "the shooting of students by soldiers"; none when any of ``heads`` names no doer."""
    out: list[Token] = []
    for noun in heads:
        if noun.pos_ != "NOUN":
            return []
        described = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj")]
        found = [g for n in described for c in n.children
                 if c.dep_ in ("prep", "agent") and c.lower_ == "by" and n is noun
                 for g in c.children if g.dep_ == "pobj"]
        found += [g for n in described for c in n.children
                  if c.dep_ == "acl" and c.tag_ == "VBN" and (g := agent_of(c)) is not None]
        if not found:
            return []
        out += found
    return out
