"""Pronouns for the actor resolver: whom "it", "its", "they", "their", "he" and "him" stand
for, from the sentence's grammar first and the article's memory of who was named last."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from tidings.coder.context import UNKNOWN, ArticleContext
from tidings.coder.coreference import Found, Matches
from tidings.coder.syntax import conjuncts, pronoun_antecedents
from tidings.records import Actor

if TYPE_CHECKING:
    from tidings.coder.rules import Rules


class PronounResolver:
    """The pronoun part of :class:`tidings.coder.actors.ActorResolver` (which gives it
    ``rules`` and ``_resolve_one``)."""

    rules: Rules
    _resolve_one: Callable[[Token, Matches, ArticleContext], Found]

    def _known(self, head: Token, matches: Matches, ctx: ArticleContext,
               groups: bool = False) -> Actor | None:
        """The first actor ``head`` names, if it is of a known kind (not "---"); with
        ``groups``, also a group of no country named (still whom a pronoun stands for:
        "charged four officers, accusing them of ..."; the event takes its country as the
        group's own event does)."""
        got = self._resolve_one(head, matches, ctx)
        actor = got[0][0] if got else None
        return actor if actor is not None and (
            not actor.code.startswith(UNKNOWN) or groups and actor.agent) else None

    def _pronoun(self, head: Token, ctx: ArticleContext, matches: Matches | None = None) -> Found:
        low, r = head.lower_, self.rules
        # (a possessive too: "severed ties with Iran after protesters stormed its embassy")
        subj = head.dep_ in ("nsubj", "nsubjpass", "poss")
        prev = None
        if low in r.person_pronouns and not subj and matches is not None:
            # "Fico was in hospital after a gunman shot him": a person named as a subject
            # earlier in the same sentence, outside the pronoun's own clause.
            # (not the subject of the pronoun's own verb through coordination: in "Xi spoke
            # with Putin and urged him", "him" is the person Xi spoke with)
            for t in pronoun_antecedents(head):
                got = self._resolve_one(t, matches, ctx)
                if got and (got[0][1] or t.ent_type_ == "PERSON" or (
                        t.tag_ == "NN" and got[0][0].agent is not None)):
                    # (a named person, or one holding a role: "the French ambassador")
                    prev = got[0][0]
                if t.dep_ in ("nsubj", "nsubjpass") or prev is not None:
                    break
        if low in r.plural_pronouns and matches is not None:
            # "Ethiopia and Somalia agreed ..., after Erdogan mediated between their
            # leaders": the parties named together as a subject before, in this sentence
            if (group := self._coordinated_before(head, matches, ctx)) is not None:
                return group
        if prev is None and not subj and matches is not None and \
                low in r.thing_pronouns | r.plural_pronouns:
            prev = self._main_object(head, matches, ctx)
        if prev is None and subj and matches is not None and \
                low in r.thing_pronouns | r.plural_pronouns:
            prev = self._governing_subject(head, matches, ctx)
        if prev is None and head.dep_ == "poss" and low in r.thing_pronouns and \
                matches is not None:
            prev = self._possessive_owner(head, matches, ctx)
        if prev is None and low in r.person_pronouns:
            prev = ctx.last(person=True, subject=subj) or ctx.last(person=None)
        elif prev is None and low in r.thing_pronouns | r.plural_pronouns:
            prev = ctx.last(person=False, subject=subj,
                            skip=_plural_in(head.doc) if low in r.thing_pronouns
                            else _common_singular_in(head))
        if prev is None:
            return []
        s, e = head.idx, head.idx + len(head.text)
        return [(Actor(prev.code, head.text, s, e, f"coref:{prev.text}", prev.country,
                       prev.agent), low in r.person_pronouns)]


    def _possessive_owner(self, pron: Token, matches: Matches, ctx: ArticleContext
                          ) -> Actor | None:
        """"Israel recalled its ambassador": its clause's subject; "the WFP suspended its
        work after rebels detained several of its staff": with a plural subject there, a body
        named as a subject before, outside the pronoun's clause. (A subject that is a name or
        a body, not a thing: "an Israeli air strike killed one of its commanders" is not the
        strike's.)"""
        verb = next((t for t in pron.ancestors if t.pos_ in ("VERB", "AUX")), None)
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        return next((a for t in [*own, *pronoun_antecedents(pron)]
                     if t.tag_ not in ("NNS", "NNPS") and t.pos_ != "PRON"
                     for a, person in self._resolve_one(t, matches, ctx)[:1]
                     if not person and not a.code.startswith(UNKNOWN)
                     and (t.pos_ == "PROPN" or a.agent)), None)

    def _governing_subject(self, pron: Token, matches: Matches, ctx: ArticleContext
                           ) -> Actor | None:
        """"X demanded that Y free the prisoners, as they agreed to impose sanctions": the
        subject of a clause set after another, by a comma or a conjunction, is that clause's
        subject (over a reported clause, to the clause that reports it)."""
        verb = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("advcl", "conj"):
            return None
        gov = verb.head
        comma = verb.left_edge.i > 0 and pron.doc[verb.left_edge.i - 1].text == ","
        while comma and gov.dep_ == "ccomp" and gov.i < verb.i:
            gov = gov.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or (
                pron.lower_ in self.rules.thing_pronouns and subj.tag_ in ("NNS", "NNPS")):
            return None
        return self._known(subj, matches, ctx)

    def _main_object(self, pron: Token, matches: Matches, ctx: ArticleContext) -> Actor | None:
        """"ordered the U.N. mission to leave, accusing it of failing": the object of a
        participle set after a clause is that clause's object, not its subject."""
        verb = pron.head
        if pron.dep_ != "dobj" or verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return None
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if obj is None:
            return self._nearest_other(pron, verb, matches, ctx)
        return self._known(obj, matches, ctx, groups=True)

    def _participle_anaphor(self, head: Token, matches: Matches, ctx: ArticleContext) -> Found:
        """"blocked access to Facebook, accusing the platform of ...", "nationalised the mine
        run by Orano, accusing the company of ...": a definite noun naming no country, the
        object of a participle set after a clause, stands for that clause's object or its last
        named party, as "it" would."""
        if head.pos_ != "NOUN" or head.dep_ != "dobj" or head.head.dep_ != "advcl" or \
                head.head.tag_ != "VBG" or not any(
                    c.dep_ == "det" and c.lower_ in self.rules.anaphora_determiners
                    for c in head.children):
            return []
        prev = self._main_object(head, matches, ctx) or self._nearest_other(
            head, head.head, matches, ctx)
        if prev is None:
            return []
        s, e = head.idx, head.idx + len(head.text)
        return [(Actor(prev.code, head.text, s, e, f"coref:{prev.text}", prev.country,
                       prev.agent), False)]

    def _nearest_other(self, pron: Token, verb: Token, matches: Matches,
                       ctx: ArticleContext) -> Actor | None:
        """"threatened to quit talks with the government, accusing it of ...": with no
        object, the clause's last named party before the participle that is not its subject
        ("it" only a singular one)."""
        main = verb.head
        subj = {t.i for c in main.children if c.dep_ in ("nsubj", "nsubjpass")
                for t in c.subtree}
        skip = {t.i for t in verb.subtree} | subj
        for t in reversed([t for t in main.subtree if t.i < verb.i and t.i not in skip]):
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "poss") or (
                    pron.lower_ in self.rules.thing_pronouns and t.tag_ in ("NNS", "NNPS")):
                continue
            if (got := self._known(t, matches, ctx, groups=True)) is not None:
                return got
        return None

    def _coordinated_before(self, pron: Token, matches: Matches, ctx: ArticleContext
                            ) -> Found | None:
        """The actors of the nearest coordinated subject before ``pron`` in its sentence
        that is not the subject of the pronoun's own verb, when they are two or more."""
        for t in reversed(pron.sent[: pron.i - pron.sent.start]):
            if t.dep_ != "nsubj" or t.head.i == pron.head.i or not any(
                    c.dep_ == "conj" for c in t.children):
                continue
            found: dict[str, Actor] = {}
            for h in [t, *conjuncts(t)]:
                for actor, _ in self._resolve_one(h, matches, ctx):
                    if not actor.code.startswith(UNKNOWN):
                        found.setdefault(actor.code, actor)
            if len(found) < 2:
                return None
            s, e = pron.idx, pron.idx + len(pron.text)
            return [(Actor(a.code, pron.text, s, e, f"coref:{a.text}", a.country, a.agent),
                     False) for a in found.values()]
        return None


def _plural_in(doc: Doc) -> Callable[[Actor], bool]:
    """Whether an actor named in ``doc`` was named by a plural noun ("Iranian protesters"):
    "it" and "its" do not refer to it."""
    def plural(actor: Actor) -> bool:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and span.root.tag_ in ("NNS", "NNPS")
    return plural


def _common_singular_in(pron: Token) -> Callable[[Actor], bool]:
    """Whether an actor named in the pronoun's document was named by a singular common noun
    ("the French embassy", "the ministry") or is the subject of the pronoun's own verb
    ("police dispersed them"): "they" and "them" do not refer to it."""
    doc = pron.doc
    own = [c for c in pron.head.children if c.dep_ in ("nsubj", "nsubjpass")
           and pron.dep_ not in ("nsubj", "nsubjpass")]
    spans = [(doc[c.left_edge.i].idx, doc[c.right_edge.i].idx + len(doc[c.right_edge.i]))
             for c in own]

    def excluded(actor: Actor) -> bool:
        if any(s <= actor.start < e for s, e in spans):
            return True
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and span.root.tag_ == "NN"
    return excluded
