"""Places and venues: where an event happened ("met in Tehran"), the country of a place
that is attacked, and agents of unknown country placed by where they act."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from tidings.coder.actor_codes import localised
from tidings.coder.events.matching import clause_of
from tidings.coder.events.scope import CoderKnowledge, Matches
from tidings.coder.syntax import infinitive
from tidings.records import Actor


def place_of(k: CoderKnowledge, verb: Token, matches: Matches,
             preps: tuple[str, ...] | None = None) -> tuple[str, Token] | None:
    """Where the event happened: "in/at <place>" in the verb's clause ("met X in Tehran",
    "protested against the government in Belgrade")."""
    clause = [verb, *clause_of(verb)]
    # (in order: "outside the US embassy in Manila" is in Manila first)
    for prep in k.rules.place_preps if preps is None else preps:
        found = prep_place(k, [t for t in clause if t.dep_ == "prep"], (prep,), matches)
        if found is not None:
            return found
    return None

def prep_place(k: CoderKnowledge, preps: list[Token], words: tuple[str, ...],
               matches: Matches) -> tuple[str, Token] | None:
    """The country of the first place named after one of ``preps`` that is one of
    ``words``."""
    for t in preps:
        if t.lower_ in words:
            for g in t.children:
                if g.dep_ == "pobj":
                    loc = k.resolver.location_country(g, matches)
                    if loc:
                        return loc[0], g
    return None

def conditions(k: CoderKnowledge, verb: Token) -> Iterator[list[Token]]:
    """Subjects of "if/unless" clauses on the verb or its complement: "threatened to
    secede unless the Kremlin withdrew its troops" is a threat against the Kremlin."""
    # (and their conjuncts: "threatened to seize and hold more land unless Hamas ...")
    complements = [c for c in verb.children if infinitive(c)]
    for v in [verb, *complements, *(g for c in complements for g in c.conjuncts)]:
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                         k.rules.conditional_marks for m in c.children):
                subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    yield subj

def concessions(k: CoderKnowledge, verb: Token) -> Iterator[list[Token]]:
    """Who pressed for what was refused, in a phrase of concession on the verb, on the verb
    of refusing it hangs from, or on its complement: "declined to resign despite pressure by
    the commission", "despite Western objections", "despite Washington's warnings"."""
    verbs = [verb, *(c for c in verb.children if infinitive(c))]
    if infinitive(verb):
        verbs.append(verb.head)
    # (and on the object, where the parser may hang it: "rejected the offer despite ...")
    heads = [*verbs, *(c for c in verb.children if c.dep_ == "dobj")]
    for v in heads:
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ not in k.rules.concession_preps:
                continue
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                mods = [c for c in noun.children if c.i < noun.i and (
                    c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and (
                        c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")))]
                if mods:
                    yield mods
                for p in (c for c in noun.children if c.dep_ in ("prep", "agent")
                          and c.lower_ in ("by", "from", "of")):
                    objs = [g for g in p.children if g.dep_ == "pobj"]
                    if objs:
                        yield objs

def object_place(k: CoderKnowledge, verb: Token, matches: Matches) -> tuple[str, Token] | None:
    """The country of a place that is the verb's direct object ("shelled Juba"), or the
    object of a preposition it is aimed with ("fired live rounds into waters around
    Taiwan")."""
    aimed = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in k.rules.target_preps
             for g in c.children if g.dep_ == "pobj"]
    for c in [*(c for c in verb.children if c.dep_ == "dobj"), *aimed]:
        loc = k.resolver.location_country(c, matches)
        if loc:
            return loc[0], c
        # "struck targets in Gaza", "bombed positions near Sanaa"
        found = prep_place(k, [p for p in c.children if p.dep_ == "prep"],
                           k.rules.object_place_preps, matches)
        if found is not None:
            return found
    return None

def place_actor(code: str, word: Token, name: str | None = None) -> Actor:
    """The state a place stands for, as an actor named by ``word`` (rule "place:<name>")."""
    return Actor(code, word.text, word.idx, word.idx + len(word.text),
                 f"place:{name or word.text}", code, None)


def venue_actor(k: CoderKnowledge, verb: Token, matches: Matches) -> list[Actor]:
    """The country where something happened, as an actor: protests in Beijing target
    China."""
    place = place_of(k, verb, matches)
    if place is None:
        return []
    code, g = place
    return [place_actor(code, g)]

def venue_of(k: CoderKnowledge, verb: Token, matches: Matches) -> str | None:
    place = place_of(k, verb, matches)
    return place[0] if place else None

def domestic(sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """In domestic kinds of event (a government arresting, a court investigating, police
    dispersing protesters) a sector actor of unknown country belongs to the other side's
    country: "President X banned Ugandan opposition candidates"."""
    def country(actors: list[Actor]) -> str | None:
        found = {a.country for a in actors if a.country and len(a.country) == 3
                 and not a.code.startswith("IGO")}
        return found.pop() if len(found) == 1 else None

    src_c, tgt_c = country(sources), country(targets)
    if tgt_c:
        sources = [localised(a, tgt_c) for a in sources]
    if src_c:
        targets = [localised(a, src_c) for a in targets]
    return sources, targets

def sole_country(sent: Span, matches: Matches, places: bool = True,
                 exclude: set[str] | frozenset[str] = frozenset(),
                 skip: set[int] | frozenset[int] = frozenset()) -> str | None:
    """The only country a sentence names (besides those in ``exclude``, and outside the
    tokens ``skip``); with ``places`` false, cities and capitals do not count (a meeting in
    Geneva says nothing of who met)."""
    kinds = ("country", "demonym", "capital", "city", "metonym") if places else (
        "country", "demonym", "metonym")
    found = set()
    for i in range(sent.start, sent.end):
        hit = matches.get(i) if i not in skip else None
        if hit is not None:
            for e in hit[1]:
                if e.kind in kinds:
                    found.add(e.code)
                elif e.kind == "org" and e.country:
                    found.add(e.country)
    found -= exclude
    return found.pop() if len(found) == 1 else None

def destination(k: CoderKnowledge, code: str, heads: list[Token], matches: Matches,
                sources: list[Actor]) -> list[Actor]:
    """A transfer or an advance (rules.yaml destination_roots) into a place that names no
    actor goes to the country the place is in: "flew medical supplies into Port Sudan",
    "pushed into Afrin" (not a place inside the doer's own country: "sent troops to
    Culiacan")."""
    if code[:2] not in k.rules.destination_roots or not heads:
        return []
    loc = k.resolver.location_country(heads[0], matches)
    if loc is None or loc[0] in {a.country for a in sources}:
        return []
    return [place_actor(loc[0], heads[0], loc[1])]


def places_attacked(targets: list[Actor]) -> list[Actor]:
    """"shelled Kyiv", "air strikes on Sanaa": a capital attacked is the city, and so its
    country, not the government it stands for in "Kyiv said"."""
    return [replace(t, code=t.country, agent=None, rule="place:" + t.rule[8:])
            if t.rule.startswith("metonym:") and t.country else t for t in targets]


def assistance(k: CoderKnowledge, verb: Token, sources: list[Actor],
               targets: list[Actor]) -> bool:
    """Forces sent to another country to help it ("deployed police officers to Haiti to
    lead a security mission"): a purpose clause or a phrase on the verb, not its object,
    names one of rules.yaml assistance aims, and every target is of another country than
    every source."""
    if not targets or not sources or any(
            t.country is None or any(t.country == s.country for s in sources)
            for t in targets):
        return False
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "prep") and any(
                t.lemma_.lower() in k.rules.assistance_aims for t in c.subtree):
            return True
    return False
