"""Repairs of parse errors that wire copy provokes in the small English model, made on the
parsed document before anything is coded.

- A weekday written bare after a name ("met Syrian President Bashar Assad Tuesday") is often
  parsed as the head of the noun phrase, with the name as its modifier, so the verb seems to
  have met "Tuesday". The name is made the head again (it takes the weekday's place and role)
  and the weekday becomes the time of the act. The words of time are data (``grammar:
  bare_time_words`` in rules.yaml).
- An object moved after its "as" predicate ("condemned as reckless the strikes by Syrian
  forces", "dismissed as baseless the accusations by Kenya") is parsed inside the predicate;
  it is made the verb's direct object again, with the predicate beside it.
- A number's bound right after a verb ("arrested between 30 and 40 supporters", "killed over
  40 people", "detained about 300 protesters") is often parsed as a preposition with the
  people as its object, so the verb seems to have no object. The people are made the verb's
  object again and the bound a modifier of the number. The bound words are the counts
  lexicon's (``bounds`` in counts.yaml) and "between".
- A report with its attribution at the end ("Ugandan forces arrested 30 supporters ..., his
  party said") is sometimes parsed as one clause with two subjects, the reported verb made a
  participle describing the first ("forces [that were] arrested"). The reported verb is made
  the clause the speech verb reports again, with the first noun as its subject.
- A reaction set beside a clause ("..., a move agency chief Rafael Grossi condemned as
  unprecedented") is sometimes parsed with its noun as a modifier of the reacting subject. The
  noun ("move", "step", "decision": ``event_anaphora: generic_nouns`` in rules.yaml) is made
  the head of the aside again, described by the reacting clause.
- An infinitive after a phrase set inside the clause ("threatened in a video released on
  Tuesday to kill two hostages", "pledged at a conference held in Paris to double aid") is
  sometimes hung on the participle of that phrase. It is made the complement of the verb
  again, when the verb takes one (a verb of intending, wishing or refusing in rules.yaml, or
  one with a pattern "VERB to ...").
- A noun measuring or grouping an act as a verb's object ("launched two days of drills", "a
  wave of air strikes", words in ``grammar: measure_nouns`` of rules.yaml) hides the act from
  the verb: the act is made the object, measured by the noun.
- A plural noun after a verb and a modifier naming whose it is ("rejected opposition calls for
  him to step down", "welcomed U.S. plans to station troops") is sometimes tagged as a verb in
  the third person, a clause with no subject that the first verb reports. It is made the
  first verb's object again, and what hung on it describes it.
- A noun described by a past participle before the verb of its clause ("the gunmen arrested
  over the attack had been trying to flee") is sometimes parsed as two clauses, the noun the
  subject of the participle ("the gunmen arrested ...") and the real verb left with no
  subject. The participle is made a description of the noun again, and the noun the subject
  of the verb.
- A sentence whose verb is tagged as an adjective ("Egyptian President el-Sisi hosted Jordan's
  King Abdullah in El Alamein", "The WFP and USAID suspended food aid to Ethiopia") is parsed
  as one long noun phrase with no verb. When a sentence has no verb and a past-tense word
  stands between two noun phrases as the modifier of the second, it is made the sentence's
  verb, the noun phrase before it its subject and the one after it its object
  (``verbless.restore_verb``). A root the tagger took for a noun though it has a subject of
  its own ("the ministry leapt to Syria's defence") is a past-tense verb
  (``verbless.restore_tagged_verb``).
- A past tense right after the noun phrase that opens a sentence ("Tens of thousands of
  Filipinos massed on the highway demanding ...") is sometimes parsed as a participle
  describing the noun, which becomes the sentence's root. The past tense is made the verb,
  the noun its subject, and what hung on the noun after it (the participle of demanding) the
  verb's (``verbless.restore_participle_verb``).
- What a verb of calling says its object is ("..., and the White House called the decision
  shortsighted") is sometimes parsed as a participle describing the object. When the verb
  has a pattern on its object's predicate (``predicate: true``) and the word after the object
  is a bare participle or adjective, it is made the verb's object predicate again.
- A name opening a sentence before a past-tense verb ("Sweden suspended aid to Ethiopia") is
  sometimes parsed as a modifier of time or measure, with the verb a participle with no
  subject. The name is made the verb's subject again.
- The speakers of an attribution at the end ("..., abducted more than 200 schoolgirls, police
  and residents said") are sometimes parsed as more items of the reported clause's last
  object, leaving the verb of saying with no subject. They are made its subject again.
- A closing attribution after a clause that ends in a noun phrase ("... to allow the delivery
  of aid, Saudi Arabia and the United States said in a joint statement") is sometimes parsed
  with the speakers inside that noun phrase and the verb of saying hung on the clause. The
  verb of saying is made the sentence's verb again, the speakers its subject and the old root
  what it reports (``verbless.restore_closing_attribution``).
- A subject described by a participle and its object ("Protesters hurling stones clashed with
  police") is sometimes parsed with the participle as the verb: the real verb is made the
  sentence's verb again (``verbless.restore_participle_subject``).
- A verb's particle parsed with an object of its own ("sealed off the West Bank and Gaza
  Strip") leaves the verb with none: the object is made the verb's
  (``clauses.restore_particle_object``).
- A past tense with no subject after a clause the main verb governs ("Iraq demanded that the
  Council lift the sanctions, and accused the United States of ...") is sometimes parsed as
  coordinated with the bare verb of that clause, so it seems to share the clause's subject
  and be only demanded. It is made coordinated with the main verb again
  (``clauses.restore_tensed_conjunct``).
- A closing participle of saying or naming after a comma ("Japan protested after Chinese
  ships entered the waters, calling the move provocative") is sometimes hung on the verb of
  a clause inside the main one, so it seems to be that clause's subject's. It is made the
  main verb's again (``clauses.restore_closing_participle``).
- A second object after "and" ("distributed rice and lentils to survivors") is sometimes
  parsed as coordinated with the verb, with the verb's phrases after it hung on it. It is made
  the first object's conjunct again, its phrases the verb's (``clauses.restore_object_conjunct``).
- A participle describing people after a preposition ("appealed to striking coal miners") is
  sometimes parsed as a gerund with the people as its object. It is made their modifier again,
  the people the preposition's object (``clauses.restore_attributive_participle``).
- A thing named in a free relative ("struck what Ankara said were hideouts inside Iraq")
  is parsed inside the naming clause; it is made the verb's object, the naming clause its
  description (``clauses.restore_named_object``, ``grammar.naming_verbs``).
- Two titled names joined by "and" ("Serbian President Aleksandar Vucic and Croatian Prime
  Minister Andrej Plenkovic met") are sometimes parsed as one name, the first a modifier of
  the second with the second title as its conjunct. The first name is made the phrase's head
  again, the second its conjunct.
- Two nouns joined by "and" before a plural noun ("the Colombian government and FARC rebels
  signed", "Sudanese army and police units fired") are sometimes parsed as one noun phrase
  whose head is the last noun, the first a modifier of it with "and" hanging on it. When the
  first noun has a determiner or modifier of its own ("the", "Colombian") or the phrase a
  possessor before it ("Sudan's"), each is an actor of its own: the first is made the
  phrase's head again, the last its conjunct. (A modifier of the whole phrase, as in
  "Sudanese army and police units", leaves the parse as it is: one group.)
- A past participle right after "to" ("granted asylum to ousted President Omar al-Bashir",
  "sent aid to besieged residents") is sometimes parsed as an infinitive whose object is the
  noun after it. No infinitive is a past participle: "to" is made the preposition it is, the
  noun its object and the participle the noun's modifier.
- A list after a preposition in a verb's object ("drawing condemnation from the United
  Nations, the United States and Turkey") is sometimes cut after its first item, the rest
  parsed as a second object of the verb. The rest is made the first item's conjunct again.
- The subject of a bare verb after "that" ("demanded that Damascus stop sheltering ...") is
  sometimes parsed as a modifier of the verb (the verb at times as a noun). It is made the
  clause's subject again.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.coder.clauses import (
    restore_attributive_participle,
    restore_closing_participle,
    restore_named_object,
    restore_object_conjunct,
    restore_particle_object,
    restore_reduced_relative,
    restore_tensed_conjunct,
    restore_titled_pair,
    restore_trailing_object,
)
from tidings.coder.names import restore_broken_name
from tidings.coder.object_repairs import (
    restore_counted_object,
    restore_measured_object,
    restore_plural_object,
    restore_shifted_object,
)
from tidings.coder.verbless import (
    MODIFIERS,
    restore_closing_attribution,
    restore_gerund_noun,
    restore_participle_subject,
    restore_participle_verb,
    restore_tagged_verb,
    restore_verb,
)

_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "conj", "appos", "attr",
                    "npadvmod"})
_NAME_PARTS = ("nmod", "compound", "appos")  # (how the first of two titled names may hang)


@dataclass(frozen=True, slots=True)
class RepairWords:
    """The words the repairs read, from the coder's knowledge (components.py builds them once):
    bare words of time (rules.yaml ``grammar.bare_time_words``), a number's one-word bounds,
    the generic nouns of an aside (``event_anaphora.generic_nouns``), verbs that take an
    infinitive, nouns that measure an act (``grammar.measure_nouns``), verbs with a pattern
    on their object's predicate and verbs of saying (a pattern marked ``speech``)."""

    time_words: frozenset[str]
    bound_words: frozenset[str] = frozenset()
    aside_nouns: frozenset[str] = frozenset()
    infinitive_verbs: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    predicate_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    attributive_participles: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()


def repair_parse(doc: Doc, words: RepairWords) -> None:
    """Undo "name + bare weekday" heads, objects shifted after "as" + predicate, numbers'
    bounds parsed as prepositions, plural objects tagged as verbs, reports parsed as
    descriptions, asides parsed as subjects and infinitives hung on a participle in a phrase
    in ``doc`` (changes its arcs in place)."""
    time_words, bound_words, aside_nouns = words.time_words, words.bound_words, words.aside_nouns
    infinitive_verbs, measure_nouns = words.infinitive_verbs, words.measure_nouns
    predicate_verbs = words.predicate_verbs
    closing_verbs = words.speech_verbs | words.naming_verbs if words.speech_verbs else None
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            restore_broken_name(ent)
    for tok in doc:
        if tok.lower_ in time_words and tok.dep_ in _ROLES and tok.head.i != tok.i:
            name = _name_before(tok)
            if name is not None:
                _make_head(tok, name)
        elif tok.lower_ == "as" and 0 < tok.i < len(doc) - 2 and doc[tok.i - 1].pos_ == "VERB":
            restore_shifted_object(tok)
        elif tok.lower_ in bound_words and tok.dep_ == "prep":
            restore_counted_object(tok)
        elif tok.dep_ == "dobj" and tok.lemma_.lower() in measure_nouns:
            restore_measured_object(tok)
    for sent in doc.sents:
        if sent.root.pos_ in ("NOUN", "PROPN"):
            restore_verb(sent)
            restore_tagged_verb(sent)
        if sent.root.pos_ in ("NOUN", "PROPN"):
            restore_participle_verb(sent)
        elif sent.root.tag_ == "VBN":
            _restore_named_subject(sent.root)
        elif sent.root.tag_ == "VBG":
            restore_participle_subject(sent)
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.dep_ == "appos":
            restore_titled_pair(tok)
        if tok.pos_ == "PROPN" and tok.dep_ in _ROLES:
            _restore_coordinated_names(tok)
        elif tok.dep_ == "nmod" and tok.pos_ == "NOUN":
            _restore_coordinated_nouns(tok)
        elif tok.dep_ == "ccomp":
            _restore_subjunctive_subject(tok)
        elif tok.dep_ == "prt" and tok.tag_ == "RP":
            restore_particle_object(tok)
        elif tok.tag_ == "VBG" and tok.dep_ == "pobj":
            restore_gerund_noun(tok)
    for tok in doc:
        if tok.tag_ == "VBZ" and tok.dep_ == "ccomp":
            restore_plural_object(tok)
        if tok.tag_ in ("VBD", "VBN") and tok.dep_ in ("ccomp", "ROOT"):
            restore_reduced_relative(tok)
        if tok.tag_ == "VBG" and closing_verbs:
            restore_closing_participle(tok, closing_verbs)
        if tok.tag_ == "VBD" and tok.dep_ == "conj":
            restore_tensed_conjunct(tok)
            restore_trailing_object(tok, words.speech_verbs)
        elif tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN"):
            restore_object_conjunct(tok)
        elif tok.tag_ == "VBG" and tok.dep_ == "pcomp" and \
                tok.lemma_.lower() in words.attributive_participles:
            restore_attributive_participle(tok)
        elif tok.lower_ == "what" and tok.tag_ == "WP" and words.naming_verbs:
            restore_named_object(tok, words.naming_verbs)
        if tok.tag_ == "VBD" and tok.dep_ == "ROOT":
            _restore_attribution_subject(tok)
        elif tok.tag_ == "VBD" and words.speech_verbs:
            restore_closing_attribution(tok, words.speech_verbs)
        if tok.pos_ == "VERB" and tok.dep_ != "acl":
            _restore_reported_clause(tok)
        elif tok.lower_ in aside_nouns and tok.dep_ == "compound":
            _restore_aside(tok)
        if tok.pos_ == "VERB":
            _restore_listed_object(tok)
            if tok.lemma_.lower() in predicate_verbs:
                _restore_object_predicate(tok)
        if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "xcomp", "ccomp", "relcl", "acl"):
            _restore_participle_after_to(tok)
        if tok.dep_ in ("advcl", "xcomp") and tok.pos_ == "VERB" and infinitive_verbs:
            _restore_infinitive(tok, infinitive_verbs)


def _restore_infinitive(inf: Token, verbs: frozenset[str]) -> None:
    """"VERB in a video released on Tuesday to kill ...": the infinitive is the verb's."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children):
        return
    participle = inf.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.i > inf.i:
        return
    t = participle.head
    while t.dep_ in ("pobj", "prep") and t.head.i != t.i:
        t = t.head
    verb = t
    if verb.i == participle.head.i or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in verbs or any(
                c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return
    inf.head, inf.dep_ = verb, "xcomp"


def _restore_aside(noun: Token) -> None:
    """", a move agency chief Grossi condemned as ...": "move" heads the aside, and the
    clause that follows it describes it."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].lower_ not in ("a", "an") or doc[noun.i - 2].text != ",":
        return
    subject = noun.head
    while subject.dep_ in ("compound", "appos") and subject.head.i > subject.i:
        subject = subject.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or \
            any(c.dep_ == "dobj" for c in verb.children):
        return
    reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < noun.i), None)
    if verb.dep_ in ("advcl", "conj") and verb.head.i < noun.i:
        main = verb.head
    elif verb.dep_ == "ROOT" and reported is not None:
        # ("Iran withdrew ..., a move X condemned" parsed as "X condemned [Iran withdrew]")
        main = reported
        main.head, main.dep_ = main, "ROOT"
        for punct in (c for c in verb.children if c.dep_ == "punct" and c.i < noun.i):
            punct.head = main
    else:
        return
    doc[noun.i - 1].head = noun
    noun.head, noun.dep_ = main, "npadvmod"
    verb.head, verb.dep_ = noun, "relcl"


def _restore_reported_clause(verb: Token) -> None:
    """"NOUN VERBED ... , NOUN said": two subjects of one verb, the first described by a past
    verb of its own that comes before the second subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].i > verb.i or subjects[1].i > verb.i:
        return
    first, second = subjects[0], subjects[1]
    reported = next((c for c in first.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
                     and c.i < second.i and not any(g.dep_ == "agent" for g in c.children)),
                    None)
    if reported is None:
        return
    reported.head, reported.dep_ = verb, "ccomp"
    first.head, first.dep_ = reported, "nsubj"


def _restore_coordinated_names(last: Token) -> None:
    """"Serbian President Aleksandar Vucic and Croatian Prime Minister Andrej Plenkovic met":
    two titled names joined by "and", parsed as one name whose first part is a modifier with
    the second title as its conjunct. The first name is made the phrase's head again, the
    second name its conjunct, with its title."""
    doc = last.doc
    # (the first name may hang on the second title rather than on the last name: "Indian
    # Prime Minister Atal Behari Vajpayee and Pakistani Prime Minister Nawaz Sharif", or stand
    # in apposition to its own title: "U.S. President Donald Trump and Russian President ...")
    first = next((c for c in last.subtree if c.i < last.i and c.dep_ in _NAME_PARTS
                  and c.pos_ == "PROPN" and doc[c.i + 1].lower_ == "and"), None)
    if first is None or not any(c.dep_ == "compound" and c.i < first.i for c in first.children):
        return
    cc = doc[first.i + 1]
    title = next((c for c in first.children if c.dep_ == "conj" and cc.i < c.i < last.i), None)
    if title is None or cc.head.i != first.i or not all(
            t.text[:1].isupper() for t in doc[cc.i + 1:last.i + 1]):
        return
    first.head, first.dep_ = (first if last.head.i == last.i else last.head), last.dep_
    title.head, title.dep_ = last, "compound"
    for t in [t for t in last.lefts if t.i < first.i]:
        t.head = first  # (the first name's own title: "Indian Prime Minister")
    last.head, last.dep_ = first, "conj"


def _restore_coordinated_nouns(first: Token) -> None:
    """"the Colombian government and FARC rebels": the first noun, a modifier of the last with
    "and" after it and a determiner, modifier or possessor before it, is made the head of the
    phrase, the last noun its conjunct (and what was conjoined to the first, a modifier of the
    last)."""
    doc, last = first.doc, first.head
    if first.i + 2 >= last.i or last.dep_ not in _ROLES or last.pos_ not in ("NOUN", "PROPN") \
            or last.tag_ not in ("NNS", "NNPS") or doc[first.i + 1].lower_ != "and" or \
            doc[first.i + 1].head.i != first.i or \
            not any(c.dep_ in ("det", "amod", "poss") for c in first.lefts) and \
            not any(c.dep_ == "poss" and c.i < first.i for c in last.lefts):
        return
    for c in [c for c in first.children if c.dep_ == "conj" and first.i < c.i < last.i]:
        c.head, c.dep_ = last, "compound"
    first.head, first.dep_ = (first if last.head.i == last.i else last.head), last.dep_
    last.head, last.dep_ = first, "conj"


def _restore_listed_object(verb: Token) -> None:
    """"drawing condemnation from the United Nations, the United States and Turkey": a
    second object after a comma that ends a preposition's object inside the first is the
    next item of that list."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    if len(objects) < 2:
        return
    first, second = objects[0], objects[1]
    doc = verb.doc
    comma = second.left_edge.i - 1
    if comma <= first.i or doc[comma].text != "," or \
            second.pos_ not in ("PROPN", "NOUN"):
        return
    item = doc[comma - 1]
    while item.dep_ in ("compound", "amod") and item.head.i > item.i:
        item = item.head
    if item.dep_ != "pobj" or item.pos_ not in ("PROPN", "NOUN") or \
            not (first.left_edge.i <= item.i <= first.right_edge.i + 1):
        return
    second.head, second.dep_ = item, "conj"


def _restore_attribution_subject(verb: Token) -> None:
    """"..., abducted 200 schoolgirls, police and residents said": the nouns after the last
    comma, parsed as more items of an object in the reported clause, are the subject of the
    verb of saying that closes the sentence."""
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) or not any(
            c.dep_ == "ccomp" and c.i < verb.i for c in kids):
        return
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].text != ",":
        i -= 1
    if not 0 < i < verb.i - 1 or any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1:verb.i]):
        return
    # (the head word of the first noun phrase after the comma: "the local police")
    first = next((t for t in doc[i + 1:verb.i] if t.dep_ == "conj" and t.head.i < i
                  and t.pos_ in ("NOUN", "PROPN")), None)
    if first is not None:
        first.head, first.dep_ = verb, "nsubj"


def _restore_named_subject(verb: Token) -> None:
    """"Sweden suspended aid": a name right before a participle with no subject or
    auxiliary, parsed as a modifier of time, is the subject of the verb in the past."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "csubj") for c in verb.children):
        return
    name = next((c for c in verb.lefts if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                 and c.right_edge.i == verb.i - 1), None)
    if name is None or name.ent_type_ in ("DATE", "TIME"):
        return
    name.dep_ = "nsubj"
    verb.tag_ = "VBD"


def _restore_object_predicate(verb: Token) -> None:
    """"called the decision shortsighted": a bare participle or adjective right after the
    verb's object, parsed as describing it, is what the verb says the object is."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children):
        return
    word = next((c for c in obj.rights if c.dep_ in ("acl", "amod")
                 and c.tag_ in ("VBN", "VBG", "JJ") and not list(c.children)), None)
    if word is None or word.i != obj.right_edge.i or any(
            t.pos_ != "PUNCT" for t in verb.doc[obj.i + 1:word.i]):
        return
    word.head, word.dep_ = verb, "oprd"


def _restore_participle_after_to(participle: Token) -> None:
    """"granted asylum to ousted President Omar al-Bashir": "to" the preposition, the name
    its object, "ousted" a modifier of the name."""
    doc = participle.doc
    to = doc[participle.i - 1] if participle.i > 0 else None
    if to is None or to.lower_ != "to" or to.head.i != participle.i:
        return
    noun = next((c for c in participle.rights if c.dep_ == "dobj"), None)
    if noun is None or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.i != to.i
                           for c in participle.children):
        return
    to.head, to.dep_, to.tag_, to.pos_ = participle.head, "prep", "IN", "ADP"
    noun.head, noun.dep_ = to, "pobj"
    participle.head, participle.dep_ = noun, "amod"


def _restore_subjunctive_subject(verb: Token) -> None:
    """"demanded that Damascus stop sheltering ...", "that Afghanistan's Taliban hand over
    ...": the subject of a bare verb after "that" parsed as a modifier of the verb (and the
    verb, at times, as a noun). The modifier is made the clause's subject again."""
    kids = list(verb.children)
    mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids):
        return
    subj = next((c for c in kids if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")
                 and c.left_edge.i == mark.i + 1), None)
    if subj is None or verb.tag_ not in ("VB", "NN", "NNP"):
        return
    subj.dep_ = "nsubj"
    if verb.pos_ != "VERB":
        verb.pos_, verb.tag_ = "VERB", "VB"


def _name_before(time: Token) -> Token | None:
    """The proper name that modifies ``time`` right before it, if any."""
    if time.i == 0:
        return None
    prev = time.doc[time.i - 1]
    if prev.head.i == time.i and prev.dep_ == "compound" and prev.pos_ == "PROPN":
        return prev
    return None


def _new_role(time: Token) -> str | None:
    """The role the name takes: the weekday's own, or for a weekday parsed as a time of the
    verb, the verb's missing subject (before it) or missing object (after it)."""
    role, verb = time.dep_, time.head
    if role != "npadvmod":
        return role
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = {c.dep_ for c in verb.children}
    if time.i < verb.i:
        return None if kids & {"nsubj", "nsubjpass", "csubj"} else "nsubj"
    return None if kids & {"dobj", "dative", "ccomp"} else "dobj"


def _make_head(time: Token, name: Token) -> None:
    role = _new_role(time)
    if role is None:
        return
    verb = time.head
    # (the weekday's other modifiers before the name belong to the name: "Syrian President")
    for mod in [c for c in time.children if c.i < name.i and c.dep_ in MODIFIERS]:
        mod.head = name
    name.head = verb
    name.dep_ = role
    if role == "pobj":
        # ("talks with Lavrov Monday": the weekday is the time of what the phrase hangs on)
        time.head = verb.head if verb.head.i != verb.i else verb
    time.dep_ = "npadvmod"
