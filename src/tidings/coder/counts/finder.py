"""The counts a sentence states: numbers of people that a word of one kind (killed, wounded,
arrested, displaced, taken hostage) takes as its victims, with their bound, side and span.

A number counts when its group is people ("25 people", "dozens of protesters", "eight",
"a policeman") and it stands where a word of a kind puts its victims: the object of "kill"
or the subject of "were killed", the subject of "die" or "fled", before "dead", with "deaths"
or "arrests", or what a toll rises to. Numbers that are not this event's are left out: those in
a clause dated apart or under "since" (background tolls), of "a similar attack", a disaster or
a whole war, those under "including" (a part of a count already made), people let go ("freed
76 hostages"), and those under "threatened to", "could" (not facts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tidings.coder.counts.lexicon import CountWords, VerbSenses
from tidings.coder.counts.numbers import YEAR, Quantity, quantities
from tidings.records import Count

SideOf = Callable[[Token], str | None]  # the CAMEO sector a people noun names, if any
_VERBS = ("VERB", "AUX")


@dataclass(frozen=True, slots=True)
class Found:
    """A count read from a sentence, with the word that made it one (what it is attached to
    an event by)."""

    count: Count
    anchor: Token
    sentence: int
    toll: bool = False  # read from a toll or total ("the death toll rose to 52")
    period: bool = False  # counted over a period ("have been killed since 2015")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_kind(verb: Token, senses: VerbSenses) -> str | None:
    """The kind a verb gives its victims ("take" with "hostage" -> hostages)."""
    options = senses.get(_lemma(verb))
    if not options:
        return None
    near = {w for c in verb.children for w in (c.lower_, _lemma(c))} | {
        w for c in verb.children for g in c.children for w in (g.lower_, _lemma(g))}
    for kind, rest in options:
        if all(w in near for w in rest):
            return kind
    return None


class CountFinder:
    """Reads the counts of sentences with the words of counts.yaml."""

    def __init__(self, words: CountWords, side_of: SideOf) -> None:
        self.w = words
        self.side_of = side_of

    def sentence_counts(self, sent: Span, index: int, published: dt.date | None
                        ) -> list[Found]:
        w = self.w
        if not any(_lemma(t) in w.triggers or t.lower_ in w.triggers for t in sent):
            return []
        found: list[tuple[str, Token, Token, Quantity, Token | None]] = []
        for q in [*quantities(sent, w), *self._singles(sent)]:
            node, group = self._group(q)
            if group is not None and not self._people(group):
                continue
            kind_anchor = self._kind(node, group)
            if kind_anchor is None:
                continue
            kind, anchor = kind_anchor
            if self._set_apart(node, anchor, published):
                continue
            found.append((kind, anchor, _first_conjunct(node), q, group))
        return self._summed(found, sent, index)

    # -- the group of people a number counts --------------------------------------------------
    def _singles(self, sent: Span) -> list[Quantity]:
        """One person named with "a"/"an"/"another": "a policeman was killed"."""
        out = []
        for tok in sent:
            if tok.tag_ != "NN" or not self._people(tok) or \
                    any(c.dep_ == "nummod" for c in tok.children):
                continue
            det = next((c for c in tok.children if c.dep_ == "det"
                        and c.lower_ in self.w.singular), None)
            if det is not None and not any(  # ("a family of six" is six)
                    g.like_num for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children):
                out.append(Quantity(1, "exact", None, det.i, tok.i, tok))
        return out

    def _group(self, q: Quantity) -> tuple[Token, Token | None]:
        """The token standing for the counted people in the parse, and the people noun
        ("25 people": people; "dozens of protesters": dozens, protesters; "eight": eight)."""
        h = q.head
        if h.dep_ in ("nummod", "quantmod", "amod", "compound") and h.head.i > h.i and \
                h.head.i > q.last - 1 and (h.head.pos_ in ("NOUN", "PROPN") or (
                    h.head.lower_ in self.w.adjectives)):  # ("left one Palestinian dead")
            return h.head, h.head
        if h.pos_ in ("NOUN", "PROPN") and h.tag_ in ("NN", "NNS") and \
                h.lower_ not in self.w.multipliers and (h.lower_,) not in self.w.vague and \
                h.ent_type_ != "CARDINAL":
            return h, h  # "a policeman"
        of = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return h, pobj

    def _people(self, tok: Token) -> bool:
        if self._plain(tok) or _lemma(tok) in self.w.nouns or self.side_of(tok) is not None:
            return True
        # "six PKK fighters and two shepherds": a group coordinated with people is people
        first = _first_conjunct(tok)
        return first is not tok and first.pos_ == "NOUN" and self._people(first)

    def _plain(self, tok: Token) -> bool:
        """People of no side: "people", "others", "Rohingya", "Lebanese"."""
        return _lemma(tok) in self.w.people or tok.lower_ in self.w.people or \
            tok.ent_type_ == "NORP"

    def _side(self, tok: Token | None) -> str | None:
        return None if tok is None or self._plain(tok) else self.side_of(tok)

    # -- the kind: which word takes the number as its victims ---------------------------------
    def _kind(self, node: Token, group: Token | None) -> tuple[str, Token] | None:
        w = self.w
        doc = node.doc
        after = (group or node).i + 1
        if after < len(doc) and doc[after].lower_ in w.adjectives and \
                doc[after].pos_ in ("ADJ", "VERB"):
            return w.adjectives[doc[after].lower_], doc[after]  # "eight dead", "1,200 displaced"
        base = _first_conjunct(node)
        dep, head = base.dep_, base.head
        # (a number's bound the parser made a preposition, "detained between 10 and 15
        # journalists", is repaired before: coder/repairs.py)
        if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                self._plain(head.head):
            base = head.head  # "claimed the lives of 12 people"
            dep, head = base.dep_, base.head
        if dep in ("dobj", "nsubjpass", "obj") and head.pos_ in _VERBS:
            kind = _verb_kind(head, w.object_verbs)
            if kind:
                return kind, head
            for c in head.children:  # "left eight people dead", "forced 10,000 to flee"
                if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl") and \
                        c.lower_ in w.adjectives:
                    return w.adjectives[c.lower_], c
                if c.dep_ == "xcomp" and (kind := _verb_kind(c, w.subject_verbs)):
                    return kind, c
                if dep == "nsubjpass" and c.dep_ in ("xcomp", "oprd") and c.tag_ == "VBN" \
                        and (kind := _verb_kind(c, w.object_verbs)):
                    return kind, c  # "60 people were reported killed"
        if dep == "nsubj" and head.pos_ in _VERBS:
            kind = _verb_kind(head, w.subject_verbs)
            if kind:
                return kind, head
            if (head.tag_ == "VBN" or head.dep_ == "conj" and any(
                    c.dep_ == "auxpass" for c in head.head.children)) \
                    and (kind := _verb_kind(head, w.object_verbs)):
                # "13 were arrested and four others shot dead", "with nine people killed"
                return kind, head
            verb = head.head
            if head.dep_ in ("ccomp", "xcomp") and verb.pos_ in _VERBS and \
                    not any(c.dep_ == "dobj" for c in verb.children) and \
                    (kind := _verb_kind(verb, w.object_verbs)):
                return kind, verb  # "detained [a dozen journalists covering a protest]"
            for c in head.children:  # "eight people were dead" (not "a gunman shot dead
                # six people": the dead are the verb's object)
                if c.dep_ == "acomp" and c.lower_ in w.adjectives and \
                        not any(o.dep_ == "dobj" for o in head.children):
                    return w.adjectives[c.lower_], c
        if dep == "pobj" and head.lower_ in ("to", "at", "of"):
            # (the parser may hang "at 85" on the words the total counts: "put the number of
            # people arrested at 85")
            governor = next((a for a in head.ancestors if a.pos_ in _VERBS and a.dep_ not in (
                "acl", "relcl", "amod")), None)
            for word in dict.fromkeys(t for t in (head.head, governor) if t is not None):
                if (toll := self._toll(word)) is not None:
                    return toll
        for tok in (group, node):
            if tok is not None and _lemma(tok) in w.nouns:
                return w.nouns[_lemma(tok)], tok  # "52 deaths", "30 hostages"
            if tok is not None and tok.dep_ == "compound" and _lemma(tok.head) in w.nouns:
                return w.nouns[_lemma(tok.head)], tok.head  # "12 aid workers hostage"
        return None

    def _toll(self, tok: Token) -> tuple[str, Token] | None:
        """"a toll of 52", "the toll rose to 52", "the number of dead reached 52"."""
        w = self.w
        cands = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        for c in cands:
            if _lemma(c) in w.tolls:
                return w.tolls[_lemma(c)], c
            if _lemma(c) in w.totals:
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for obj in prep.children:
                            kind = w.nouns.get(_lemma(obj)) or w.adjectives.get(obj.lower_)
                            # ... "the number of people killed", "of detained personnel"
                            kind = kind or next((k for a in obj.children if a.dep_ in (
                                "acl", "amod") and (k := w.adjectives.get(a.lower_)
                                                    or _verb_kind(a, w.object_verbs))), None)
                            if kind:
                                return kind, c
        return None

    # -- what is not this event's count -----------------------------------------------------
    def _set_apart(self, node: Token, anchor: Token, published: dt.date | None) -> bool:
        w = self.w
        base = _first_conjunct(node)
        if base.dep_ == "dobj" and _lemma(base.head) in w.releases:
            return True  # "freed 76 hostages", "released 30 detainees"
        for tok in (node, *node.ancestors):
            if tok.i == anchor.i:
                break
            if tok.dep_ == "prep" and tok.lower_ in w.subsets:
                return True  # "eight people, including three children"
        for tok in (anchor, *anchor.ancestors):
            if tok.dep_ == "prep" and tok.lower_ in w.background_preps:
                return True  # "the deadliest since a bombing that killed 40"
            if tok is not anchor and tok.pos_ in _VERBS and _lemma(tok) in w.not_facts:
                return True  # "threatened to kill 20 hostages"
        lead = _first_verb(anchor)  # ("which killed 220 and wounded 6,500": one clause)
        for c in lead.children if lead is not anchor else ():
            if c.dep_ == "prep" and c.lower_ in w.background_preps and \
                    lead.dep_ in ("relcl", "acl"):
                return True
        for c in anchor.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and _lemma(c) in w.not_facts and not any(
                    a.dep_ == "aux" and _lemma(a) == "have" for a in anchor.children)):
                return True  # "could kill", "did not kill" (not "may have been killed")
            if c.dep_ == "prep" and c.lower_ in w.background_preps and \
                    anchor.dep_ in ("relcl", "acl"):
                return True  # "the war, which has killed 300,000 since 2011"
        return self._dated_apart(anchor, published) or (
            lead is not anchor and self._dated_apart(lead, published))

    def _dated_apart(self, anchor: Token, published: dt.date | None) -> bool:
        """The clause is dated apart from the article: to a year before it ("a 2019 bombing
        that killed 40", "the attack in 2014, which killed 40"), or, for a clause describing
        something else, to an earlier time ("Donetsk, where 12 people were killed last
        week"); or what did it is "a similar attack", "the previous raid", or a disaster
        ("the earthquake killed 300")."""
        # (the clause of a word like "dead" is its verb's: "clashes that left five dead")
        if anchor.pos_ not in _VERBS and anchor.dep_ in ("oprd", "acomp", "ccomp", "xcomp") \
                and anchor.head.pos_ in _VERBS:
            anchor = anchor.head
        own = [t for frame in _frames(anchor) for t in _own_words(frame)]
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ in ("WDT", "WP") and anchor.dep_ == "relcl":
            subject = anchor.head  # "the earthquake, which killed 2,500"
        if subject is not None and (
                _lemma(subject) in self.w.disasters or _lemma(subject) in self.w.cumulative
                or any(c.dep_ == "amod" and c.lower_ in self.w.earlier
                       for c in subject.children)):
            # "the earthquake killed 300", "the conflict has displaced 5 million", "a
            # similar attack killed 71"
            return True
        for tok in own:
            if tok.ent_type_ != "DATE":
                continue
            if published is not None and (m := YEAR.search(tok.text)) and \
                    int(m.group(1)) < published.year:
                return True
            if anchor.dep_ in ("relcl", "acl") and tok.lower_ in self.w.earlier:
                return True
        return False

    # -- counts ------------------------------------------------------------------------------
    def _summed(self, found: list[tuple[str, Token, Token, Quantity, Token | None]],
                sent: Span, index: int) -> list[Found]:
        """One count per kind, word and group: coordinated groups ("three soldiers and a
        civilian were killed") add up."""
        groups: dict[tuple[str, int, int], list[tuple[Quantity, Token | None]]] = {}
        anchors: dict[tuple[str, int, int], Token] = {}
        for kind, anchor, base, q, group in found:
            key = (kind, anchor.i, base.i)
            groups.setdefault(key, []).append((q, group))
            anchors[key] = anchor
        doc = sent.doc
        out = []
        for key, items in groups.items():
            items.sort(key=lambda x: x[0].first)
            sides = [self._side(g) for _, g in items]
            bounds = {q.bound for q, _ in items}
            bound = ("range" if "range" in bounds else "lower" if "lower" in bounds else
                     "estimate" if "estimate" in bounds else "upper" if "upper" in bounds
                     else "exact")
            number = sum(q.number for q, _ in items)
            high = sum(q.high or q.number for q, _ in items) if bound == "range" else None
            start, end = doc[items[0][0].first].idx, items[-1][0].last
            last = items[-1][1] if items[-1][1] is not None and items[-1][1].i > end else None
            end_tok = doc[last.i if last is not None else end]
            parts = tuple((q.number, s) for (q, _), s in zip(items, sides, strict=True)) \
                if len(items) > 1 else ()
            side = sides[0] if len(set(sides)) == 1 else None
            text = doc.text[start:end_tok.idx + len(end_tok.text)]
            count = Count(key[0], number, bound, high, side, parts, text, start,
                          end_tok.idx + len(end_tok.text))
            anchor = anchors[key]
            toll = _lemma(anchor) in self.w.tolls or _lemma(anchor) in self.w.totals
            period = any(t.lower_ == "since" and t.dep_ in ("prep", "mark")
                         for t in (*anchor.children, *(g for c in anchor.children
                                                       for g in c.children)))
            out.append(Found(count, anchor, index, toll, period))
        return out


_OTHER_CLAUSES = frozenset({"appos", "relcl", "acl", "advcl", "ccomp", "conj", "xcomp",
                            "parataxis"})


def _frames(anchor: Token) -> list[Token]:
    """The words whose phrases date a count's clause: the clause itself; for a clause that
    describes a noun, the noun and the nouns it hangs from ("the January 2020 downing of flight
    PS752 near Tehran, which killed 176"); for a participle ("..., killing 298"), the clause it
    adds to, and that clause's other descriptions of the same noun ("the missile that shot
    down MH17 in July 2014, killing 298")."""
    frames = [anchor]
    if anchor.tag_ == "VBG" and anchor.dep_ in ("advcl", "acl"):
        frames.append(anchor.head)
        frames += [c for c in anchor.head.children if c.dep_ == "relcl" and c.i != anchor.i]
    if anchor.dep_ in ("relcl", "acl"):
        noun = anchor.head
        frames.append(noun)
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and \
                noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # (up from "Tehran" to "downing")
            frames.append(noun)
    return frames


def _own_words(tok: Token) -> list[Token]:
    """The words of ``tok``'s own phrase: its dependents, and theirs, short of another clause
    or an apposition ("killed three people in Jenin, the deadliest raid since 2002": not
    2002)."""
    out: list[Token] = []
    todo = [c for c in tok.children if c.dep_ not in _OTHER_CLAUSES]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSES)
    return out


def _first_verb(tok: Token) -> Token:
    """The first of the verbs ``tok`` is coordinated with ("killed 220 and wounded 6,500")."""
    while tok.dep_ == "conj" and tok.head.pos_ in _VERBS and tok.pos_ in _VERBS:
        tok = tok.head
    return tok


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        tok = tok.head
    return tok
