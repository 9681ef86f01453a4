"""Repairs of sentences the small English model parses with no verb (part of the parse
repairs in ``repairs``; see its docstring for the cases)."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Dependency labels that keep a word inside the noun phrase it modifies.
MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nmod", "case", "punct"})


def restore_verb(sent: Span) -> None:
    """"SUBJECT VERBED OBJECT ..." parsed as a noun phrase: the past-tense modifier is the
    verb."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in sent):
        return
    # (a past tense, or a lowercase "-ed" word the tagger took for part of a name: "President
    # William Ruto hosted Somalia's President ...")
    verb = next((t for t in sent if (t.tag_ in ("VBD", "VBN") or t.pos_ == "PROPN" and t.is_lower
                                     and t.lower_.endswith("ed"))
                 and t.dep_ in ("amod", "compound") and t.head.i > t.i and t.i > sent.start),
                None)
    if verb is None or not any(t.pos_ in ("NOUN", "PROPN") for t in sent.doc[sent.start:verb.i]):
        return
    left = range(sent.start, verb.i)
    obj = verb.head
    while obj.head.i > verb.i and obj.head.i != obj.i and obj.dep_ in MODIFIERS:
        obj = obj.head
    if obj.pos_ not in ("NOUN", "PROPN"):
        return
    doc = sent.doc

    def nominal(t: Token) -> bool:  # (a name the tagger took for an adverb: "USAID")
        return t.pos_ in ("NOUN", "PROPN") or t.pos_ != "DET" and t.text[:1].isupper()

    # The words before the verb whose heads lie outside them head their phrases; the last
    # naming one is the subject (none of them is inside another, so no arc makes a cycle).
    tops = [doc[i] for i in left if doc[i].head.i not in left or doc[i].head.i == i]
    named = [t for t in tops if nominal(t)]
    if not named:
        return
    subj = first = named[-1]
    if len(named) > 1 and doc[subj.i - 1].lower_ in ("and", "or"):
        first = named[-2]  # "The World Food Programme and USAID suspended ...": two subjects
    root = sent.root
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    for t in tops:
        if t.i == first.i:
            continue
        if t.i == subj.i:
            t.head, t.dep_ = first, "conj"
        elif first.i != subj.i and t.i == subj.i - 1:
            t.head, t.dep_ = first, "cc"
        else:
            t.head = first
    first.head, first.dep_ = verb, "nsubj"
    obj.head, obj.dep_ = verb, "dobj"
    if root.i not in left and root.i != obj.i:
        root.head = verb
    for t in sent:
        if t.dep_ == "punct" and t.head.i == root.i and t.i == sent.end - 1:
            t.head = verb


def restore_tagged_verb(sent: Span) -> None:
    """A sentence whose root the tagger took for a noun though it has a subject of its own
    ("China's foreign ministry leapt to Pakistan's defence"): the root is a verb in the past
    tense (an irregular form the tagger did not know)."""
    root = sent.root
    if root.pos_ == "NOUN" and root.is_lower and root.lower_.endswith(("t", "d")) and any(
            c.dep_ == "nsubj" for c in root.children) and not any(
            c.dep_ == "det" for c in root.children):
        root.pos_, root.tag_ = "VERB", "VBD"


def restore_participle_verb(sent: Span) -> None:
    """"Tens of thousands of Filipinos massed on the highway demanding ...": a past tense right
    after the noun phrase that opens the sentence, parsed as a participle describing it (the
    noun the sentence's root), is the sentence's verb, the noun its subject, and what else
    hung on the noun after the verb the verb's."""
    root = sent.root
    verb = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
    if verb is None or root.left_edge.i != sent.start or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return
    # (right after the noun phrase: "thousands of people massed", not "a plan drafted by ...")
    before = [t for t in root.subtree if t.i < verb.i]
    if verb.left_edge.i != verb.i or len(before) != verb.i - sent.start or any(
            t.dep_ == "agent" for t in verb.children):
        return
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    for c in [c for c in root.rights if c.i > verb.i]:
        c.head = verb
        if c.dep_ == "acl" and c.tag_ == "VBG":
            c.dep_ = "advcl"
    root.head, root.dep_ = verb, "nsubj"


def restore_closing_attribution(verb: Token, speech_verbs: frozenset[str]) -> None:
    """"..., signed a ceasefire in Jeddah to allow the delivery of aid, Saudi Arabia and the
    United States said in a joint statement": a verb of saying with no subject that closes
    the sentence, hung on a clause inside it, with the names after the last comma parsed as
    part of that clause's last noun phrase, is the sentence's own verb: the names its
    subject, the old root what it reports."""
    doc = verb.doc
    sent = verb.sent
    if verb.lemma_.lower() not in speech_verbs or verb.dep_ not in ("ccomp", "conj", "advcl") \
            or verb.tag_ != "VBD" or any(c.dep_ in ("nsubjpass", "expl", "aux")
                                         for c in verb.children):
        return
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]):
        return
    i = verb.i - 1
    while i > sent.start and doc[i].text != ",":
        i -= 1
    words = doc[i + 1:verb.i]
    if i <= sent.start or not len(words) or any(t.pos_ in ("VERB", "AUX") for t in words):
        return
    first = next((t for t in words if t.head.i < i and t.dep_ in ("appos", "conj")
                  and t.pos_ in ("NOUN", "PROPN")), None)
    root = sent.root
    if first is None or root.i >= i or root.i == verb.i:
        return
    # (a subject before the comma is the object of the clause the verb hung on: "to allow the
    # delivery of aid, Saudi Arabia ... said")
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        host = verb.head
        if subj.i > i or host.pos_ != "VERB" or any(c.dep_ == "dobj" for c in host.children):
            return
        subj.head, subj.dep_ = host, "dobj"
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "ccomp"
    first.head, first.dep_ = verb, "nsubj"
    for t in sent:
        if t.dep_ == "punct" and t.head.i == root.i and t.i == sent.end - 1:
            t.head = verb


def restore_participle_subject(sent: Span) -> None:
    """"Protesters hurling stones clashed with police", "Demonstrators waving flags marched on
    the palace": a subject described by a participle and its object, parsed with the
    participle as the sentence's verb and the real verb as a description of the object
    ("stones [that] clashed") or a clause it reports ("[that] flags marched"). The real verb
    is made the sentence's verb again, the noun its subject, the participle the noun's
    description with its object."""
    root = sent.root
    if root.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass", "mark") for c in root.children):
        return
    subj = next((c for c in root.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")),
                None)
    if subj is None or subj.right_edge.i + 1 != root.i:
        return
    verb = next((c for c in root.rights if c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBN")),
                None)
    subjects = [] if verb is None else [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    if verb is not None and subjects:
        # ("waving flags marched": the object parsed as the clause's subject)
        if len(subjects) != 1 or subjects[0].left_edge.i != root.i + 1 or any(
                c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
            return
        subjects[0].head, subjects[0].dep_ = root, "dobj"
    elif verb is not None:
        # ("hurling petrol bombs clashed": a clause of no subject right after the object)
        obj = next((c for c in root.rights if c.dep_ == "dobj"), None)
        if obj is None or obj.right_edge.i + 1 != verb.i or verb.left_edge.i != verb.i or any(
                c.dep_ in ("aux", "auxpass", "mark", "agent") for c in verb.children):
            return
    else:  # ("hurling stones clashed": the verb parsed as describing the object)
        obj = next((c for c in root.rights if c.dep_ == "dobj"), None)
        verb = None if obj is None else next(
            (c for c in obj.rights if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN")),
            None)
        if verb is None or verb.left_edge.i != verb.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass")
                for c in verb.children):
            return
    for c in [c for c in root.rights if c.i > verb.i]:
        c.head = verb
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    root.head, root.dep_ = subj, "acl"
    subj.head, subj.dep_ = verb, "nsubj"


def restore_gerund_noun(word: Token) -> None:
    """"closed its border after fighting between Malian troops and rebels": a gerund with no
    subject, object or auxiliary of its own after a preposition, whose "between" names the
    parties, is the noun of the act ("fighting", "shelling"), not the verb's subject's act."""
    if word.tag_ == "VBG" and word.pos_ == "VERB" and word.dep_ == "pobj" and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in word.children) and not any(
            c.dep_ in ("nsubj", "dobj", "aux", "auxpass") for c in word.children):
        word.pos_, word.tag_, word.lemma_ = "NOUN", "NN", word.lower_
