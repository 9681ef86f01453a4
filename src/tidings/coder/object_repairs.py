"""Parse repairs of a verb's object that wire copy needs (see tidings.coder.repairs, whose
docstring says what each undoes): a plural object tagged as a verb, an act hidden behind a
measure noun, a number's bound parsed as a preposition, an object shifted after its "as"
predicate."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.coder.verbless import MODIFIERS

# What may stand between the words of an "as" predicate ("as 'cowardly and indiscriminate'").
_PREDICATE_GLUE = frozenset({"and", ",", "'", '"', "\u2018", "\u2019", "\u201c", "\u201d"})


def restore_plural_object(word: Token) -> None:
    """"VERB MODIFIER NOUNs ...": a plural noun tagged as a verb with no subject of its own."""
    verb, doc = word.head, word.doc
    before = doc[verb.i + 1:word.i]
    if verb.pos_ != "VERB" or verb.i > word.i or not before or any(
            t.head.i != word.i or t.dep_ not in ("compound", "amod", "det") for t in before) or \
            before[-1].dep_ != "compound" or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj")
            for c in word.children) or any(c.dep_ == "dobj" for c in verb.children):
        return
    word.dep_, word.tag_, word.pos_ = "dobj", "NNS", "NOUN"
    for c in word.children:
        if c.dep_ in ("advcl", "xcomp"):
            c.dep_ = "acl"


def restore_measured_object(measure: Token) -> None:
    """"VERB two days of drills", "VERB a wave of strikes": the act is the verb's object."""
    of = next((c for c in measure.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    act = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    if act is None or act.pos_ != "NOUN":
        return
    verb = measure.head
    act.head, act.dep_ = verb, "dobj"
    measure.head, measure.dep_ = act, "nmod"  # (its "of" stays on it)


def restore_counted_object(bound: Token) -> None:
    """"VERB between 30 and 40 NOUN", "VERB over 40 NOUN": the noun is the verb's object."""
    verb, doc = bound.head, bound.doc
    if verb.pos_ != "VERB" or bound.i + 1 >= len(doc) or doc[bound.i + 1].pos_ != "NUM" or \
            any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return
    between = [t for t in doc[verb.i + 1:bound.i] if not (t.dep_ == "prt" and t.head.i == verb.i)]
    noun = next((c for c in bound.children if c.dep_ == "pobj"), None)
    number = doc[bound.i + 1]
    if between or noun is None or noun.pos_ not in ("NOUN", "PROPN") or \
            number.head.i != noun.i or number.dep_ != "nummod":
        return
    noun.head, noun.dep_ = verb, "dobj"
    bound.head, bound.dep_ = number, "quantmod"


def restore_shifted_object(as_: Token) -> None:
    """"VERB as ADJ [and ADJ] the NOUN ...": the noun phrase is the verb's object."""
    doc, verb = as_.doc, as_.doc[as_.i - 1]
    predicate, i = _predicate(doc, as_.i + 1)
    if predicate is None or i >= len(doc) or doc[i].pos_ not in ("DET", "PRON", "PROPN", "NOUN") \
            or predicate.pos_ == "NOUN" and doc[i].pos_ == "NOUN":
        return
    head = doc[i]
    while head.head.i > head.i and head.dep_ in MODIFIERS | {"nummod"}:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("nsubj", "nsubjpass") or any(
            c.dep_ == "dobj" and c.i != head.i for c in verb.children):
        return
    if doc[i].pos_ == "NOUN" and not (_lacks_object(verb) and any(
            c.dep_ in ("prep", "acl") and c.i > head.i for c in head.children)):
        # ("were regarded as close allies", "a move Beijing denounced as naked
        # protectionism": without a determiner, a noun is the predicate unless the verb has
        # no object and the noun phrase is a heavy one, "... as baseless accusations by X")
        return
    if {as_, predicate, head} & set(verb.ancestors):
        return
    as_.head, as_.dep_ = verb, "prep"
    predicate.head, predicate.dep_ = as_, "pobj" if predicate.pos_ == "NOUN" else "pcomp"
    head.head, head.dep_ = verb, "dobj"


def _predicate(doc: Doc, i: int) -> tuple[Token | None, int]:
    """The predicate starting at ``i`` after "as", and where it ends: "as reckless", "as
    'cowardly and indiscriminate'" (the second word may be tagged a verb), "as an ugly crime"
    (followed by the object: "... crime Serbia's suppression of ...")."""
    if doc[i].lower_ in ("a", "an"):
        j = i + 1
        while j < len(doc) - 1 and doc[j].pos_ == "ADJ":
            j += 1
        if j < len(doc) - 1 and doc[j].pos_ == "NOUN" and \
                doc[j + 1].pos_ in ("DET", "PRON", "PROPN"):
            return doc[j], j + 1
        return None, i
    predicate = None
    while i < len(doc) and (doc[i].pos_ in ("ADJ", "ADV") or doc[i].lower_ in _PREDICATE_GLUE
                            or predicate is not None and doc[i - 1].lower_ == "and"):
        if predicate is None and doc[i].pos_ in ("ADJ", "ADV"):
            predicate = doc[i]
        i += 1
    return predicate, i


def _lacks_object(verb: Token) -> bool:
    """An active verb with no object or clause of its own ("dismissed as baseless accusations
    by Kinshasa": the noun after the predicate is its object)."""
    return verb.dep_ not in ("relcl", "acl") and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass", "dative")
        for c in verb.children)
