"""Repairs of how clauses hang together (part of the parse repairs in ``repairs``; see its
docstring for the cases)."""

from __future__ import annotations

from spacy.tokens import Token


def restore_tensed_conjunct(verb: Token) -> None:
    """"Iraq demanded that the Council lift the sanctions, and accused the United States of
    ...": a verb in the past tense with no subject of its own, parsed as coordinated with a
    bare verb inside a clause the main verb governs ("lift", "to freeze"), is coordinated
    with the main verb: a bare verb and a past tense cannot share a subject (also after a
    list of bare verbs: "demanded that the rebels halt and withdraw, and called on ...")."""
    near = head = verb.head
    while head.dep_ == "conj" and head.tag_ == "VB" and head.head.tag_ in ("VB", "VBP"):
        head = head.head
    # (a present tense too when a comma comes before "and": "demanded that the rebels halt
    # their offensive, and called on ...")
    comma = verb.i > 1 and verb.doc[verb.i - 2].text == ","
    # (and, after a comma, a perfect or passive in a reported clause of a past tense: "said
    # that the RSF had committed genocide, and imposed sanctions on ...")
    perfect = comma and head.tag_ == "VBN" and head.dep_ == "ccomp" and \
        head.head.tag_ == "VBD" and any(c.dep_ in ("aux", "auxpass") for c in head.children)
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or not perfect and head.tag_ not in (
            ("VB", "VBP") if comma else ("VB",)) or \
            head.dep_ not in ("ccomp", "xcomp", "advcl") or head.head.i == head.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return
    main = head.head
    if main.pos_ not in ("VERB", "AUX") or main.i > head.i:
        return
    verb.head = main
    for c in near.children:
        if c.dep_ == "cc" and c.i < verb.i and not any(
                d.dep_ == "conj" and c.i < d.i < verb.i for d in near.children):
            c.head = main


def restore_object_conjunct(noun: Token) -> None:
    """"distributed rice and lentils to survivors": a noun parsed as coordinated with the verb
    right after its object and "and" is the object's conjunct, and the phrases hung on it
    ("to survivors") are the verb's."""
    verb = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or \
            noun.i < 2 or noun.doc[noun.i - 1].lower_ not in ("and", "or") or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj")
                for c in noun.children):
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i
                and c.right_edge.i == noun.i - 2), None)
    if obj is None:
        return
    cc = noun.doc[noun.i - 1]
    cc.head = obj
    for c in [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]:
        c.head = verb
    noun.head = obj


def restore_attributive_participle(part: Token) -> None:
    """"appealed to striking coal miners": a participle of rules.yaml grammar
    attributive_participles parsed as a gerund after a preposition, with the people after it
    as its object, is their modifier again; the people are the preposition's object, and the
    phrases hung on the participle after them go back to the preposition's head."""
    prep = part.head
    if part.dep_ != "pcomp" or prep.pos_ != "ADP" or prep.head.i == prep.i:
        return
    obj = next((c for c in part.children if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != part.i + 1 or obj.tag_ not in ("NNS", "NNPS") or \
            any(c.dep_ not in ("dobj", "prep", "npadvmod", "advcl") for c in part.children):
        return
    for c in [c for c in part.children if c.dep_ in ("prep", "npadvmod", "advcl")
              and c.i > obj.i]:
        c.head = prep.head
    obj.head, obj.dep_ = prep, "pobj"
    part.head, part.dep_ = obj, "amod"


def restore_named_object(what: Token, naming_verbs: frozenset[str]) -> None:
    """"struck what Ankara said were militant hideouts inside Iraq", "bombed what the army
    called a rocket workshop in Gaza": the thing named in the free relative
    is the verb's object, and the naming clause describes it (its speaker is no target)."""
    namer = what.head
    if namer.lemma_ == "be" and namer.dep_ == "ccomp":
        namer = namer.head  # ("what X said was Y": "was" under "said")
    verb = namer.head
    if namer.lemma_.lower() not in naming_verbs or namer.dep_ != "ccomp" or \
            verb.pos_ != "VERB" or not verb.i < what.i < namer.i:
        return
    named = _named_thing(namer)
    if named is None or named.i < namer.i:
        return
    named.head, named.dep_ = verb, "dobj"
    namer.head, namer.dep_ = named, "relcl"


def _named_thing(namer: Token) -> Token | None:
    """What a naming verb names: its object predicate ("called it X"), the object of its "as"
    ("described as X") or the predicate of its "was" ("said was X")."""
    for c in namer.children:
        if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "ccomp" and c.lemma_ == "be":
            return next((g for g in c.children if g.dep_ == "attr"), None)
    return None


def restore_titled_pair(first: Token) -> None:
    """"Sudan's army chief Abdel Fattah al-Burhan and RSF commander Mohamed Hamdan Dagalo met",
    "Nepal's prime minister X and rebel chief Y held talks": a title with its name, "and", and
    a second title with its name, parsed with the second title a conjunct of the first name
    and the second name hung elsewhere (on the first title, on the verb). The second title is
    made the first title's conjunct and the second name its apposition."""
    title, doc = first.head, first.doc
    if first.dep_ != "appos" or title.i >= first.i or title.pos_ not in ("NOUN", "PROPN"):
        return
    second = next((c for c in first.children if c.dep_ == "conj" and c.i > first.i
                   and c.pos_ == "NOUN"), None)
    cc = next((c for c in first.children if c.dep_ == "cc" and first.i < c.i), None)
    if second is None or cc is None or second.i + 1 >= len(doc) or \
            doc[second.i + 1].pos_ != "PROPN":
        return
    end = second.i + 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    name = doc[end]
    if any(name not in t.ancestors for t in doc[second.i + 1:end]) or \
            second in name.ancestors:
        return
    second.head, second.dep_ = title, "conj"
    cc.head = title
    name.head, name.dep_ = second, "appos"


# Prepositions that also open a clause, its subject parsed as their object ("after an
# earthquake killed ...").
_CLAUSE_PREPS = frozenset({"after", "before", "until", "since"})


def restore_reduced_relative(participle: Token) -> None:
    """"the NOUN VERBED ... had been VERBING": the first verb describes the noun."""
    doc = participle.doc
    subj = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i),
                None)
    if subj is None or any(c.dep_ in ("dobj", "aux", "auxpass", "neg", "ccomp", "dative")
                           for c in participle.children):
        return
    # (a finite auxiliary: "had", "were", "will"; not the "to" of an infinitive; or the next
    # verb itself, past and with no mark: "Hackers linked to Russia's GRU knocked out ...")
    aux = next((t for t in doc[participle.i + 1:participle.sent.end]
                if t.dep_ in ("aux", "auxpass") and t.tag_ in ("MD", "VBD", "VBZ", "VBP")
                or t.tag_ == "VBD" and t.head.i == participle.i and
                t.dep_ in ("advcl", "ccomp", "conj", "dep") and
                not any(c.dep_ in ("mark", "aux", "auxpass") for c in t.children)), None)
    if aux is None:
        return
    verb = aux if aux.tag_ == "VBD" and aux.dep_ not in ("aux", "auxpass") else aux.head
    if any(t.dep_ == "prep" and t.lower_ in _CLAUSE_PREPS and t.right_edge.i + 1 == verb.i
           for t in doc[participle.i + 1:verb.i]):
        return  # ("appealed for help after an earthquake killed ...": that clause's verb)
    between = doc[participle.i + 1:aux.i]
    if verb.i < aux.i or verb.i == aux.i and verb is not aux or \
            verb.head.i not in (participle.head.i, participle.i) or \
            verb.dep_ not in ("ccomp", "conj", "advcl", "dep") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or any(
                t.dep_ == "cc" or t.text in (",", ";") or participle not in t.ancestors
                for t in between):
        return
    if participle.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
        for c in [c for c in participle.children if c.i > aux.i]:
            c.head = verb
    else:
        verb.head = participle.head
    participle.head, participle.dep_ = subj, "acl"
    subj.head = verb
    subj.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"


def restore_particle_object(particle: Token) -> None:
    """"sealed off the West Bank and Gaza Strip": a verb's particle parsed with an object of
    its own (as if it were a preposition) leaves the verb with none. The object is the
    verb's."""
    verb = particle.head
    obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
    if obj is None or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return
    obj.head, obj.dep_ = verb, "dobj"


def restore_trailing_object(verb: Token, speech_verbs: frozenset[str]) -> None:
    """"... laid a wreath at the memorial and later met Israeli Prime Minister Ehud Barak": a
    coordinated verb whose only subject comes after it, with no object, has the subject of
    the verb it is coordinated with and the noun after it as its object (not an attribution
    turned round: "..., said the minister")."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() in speech_verbs or \
            not any(c.dep_ == "nsubj" for c in verb.head.children) or any(
                c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].i < verb.i:
        return
    subjects[0].dep_ = "dobj"


def restore_closing_participle(part: Token, verbs: frozenset[str]) -> None:
    """"Japan protested after Chinese ships entered the waters, calling the move provocative":
    a participle of saying or naming (``verbs``) set after a comma, with no subject of its
    own, is the main verb's, not that of a clause inside the main clause (a time clause, a
    reported or a relative clause) the parser hung it on."""
    if part.tag_ != "VBG" or part.dep_ not in ("advcl", "xcomp", "conj") or \
            part.lemma_.lower() not in verbs or part.i == 0 or \
            part.doc[part.i - 1].text != "," or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in part.children):
        return
    root = part.sent.root
    if root.pos_ not in ("VERB", "AUX") or not root.i < part.head.i < part.i:
        return
    t, inside = part.head, False
    while t.i != root.i:
        if t.dep_ in ("ccomp", "relcl", "acl") or t.dep_ == "advcl" and any(
                c.dep_ == "mark" for c in t.children):
            inside = True
        if t.head.i == t.i:
            return
        t = t.head
    if inside:
        part.head = root
        part.dep_ = "advcl"
