"""The actor resolver: turns a noun phrase of a parsed sentence into CAMEO actor codes, from
the dictionary matches of its sentence, the article's date (dated offices) and what earlier
sentences said (coreference)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from tidings.coder.actor_codes import (
    Countries,
    NounInfo,
    agent_code_of,
    agent_word,
    coordinated_agents,
    country_actors,
    explicit_countries,
    generic_actors,
    maker,
    org_is_modifier,
    person_code,
    with_country,
)
from tidings.coder.actor_dependents import DependentActorResolver
from tidings.coder.cities import city_country
from tidings.coder.context import UNKNOWN, ArticleContext
from tidings.coder.coreference import (
    Found as _Found,
)
from tidings.coder.coreference import (
    Make as _Make,
)
from tidings.coder.coreference import (
    Matches as _Matches,
)
from tidings.coder.coreference import (
    coreferent_actors,
    org_named_before,
    verb_phrase,
)
from tidings.coder.dictionary import ActorDictionary
from tidings.coder.rules import Rules
from tidings.coder.syntax import conjuncts, is_clausal
from tidings.knowledge.gazetteer import Gazetteer
from tidings.records import Actor

# Dependency labels that stay inside a noun phrase when we look for its modifiers.
_NP_LEFT_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case",
                 "punct", "advmod", "conj", "cc", "npadvmod", "appos", "prep", "pobj"}

# The head words being resolved on this thread (see ActorResolver._resolve_one).
_ACTIVE = threading.local()


def _where_it_happened(span: Span, head: Token, r: Rules) -> bool:
    """A capital naming where an act happened is no doer: "the Kabul blast killed 59", "the
    Beirut port explosion" (rules.yaml located_events); "Moscow's offensive" is."""
    return span.end - 1 < head.i and head.doc[span.end - 1].dep_ in ("compound", "nmod") \
        and head.lemma_.lower() in r.located_events


class ActorResolver(DependentActorResolver):
    """Turns the head token of a noun phrase into actors, using the dictionary matches of its
    sentence, the article date (for dated offices) and the article context (coreference)."""

    def __init__(self, dictionary: ActorDictionary, rules: Rules,
                 non_actor_heads: frozenset[str] = frozenset(),
                 gazetteer: Callable[[], Gazetteer] | None = None) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer  # (the cities the dictionary does not list, loaded late)
        self.rules = rules
        # Nouns of acts or things ("a military offensive"): an agent word on them is no actor.
        self.non_actor_heads = non_actor_heads

    def index_matches(self, doc: Doc, day: dt.date | None = None) -> _Matches:
        index: _Matches = {}
        found = self.dictionary.match(doc)
        named = {e.code for _, entries in found for e in entries
                 if e.kind in ("country", "demonym") and not e.shared}
        for span, entries in found:
            if _stance(span, self.rules.stance_prefixes) and all(
                    e.kind in ("country", "demonym") for e in entries):
                # ("pro-Russian separatists" back Russia, "anti-American protesters" oppose
                # America: neither is of it)
                continue
            if _name_tail(span):
                continue  # ("Prayuth Chan-ocha": the end of a name, not OCHA)
            if any(e.shared for e in entries):
                # A place name two countries share: the one the text names, else the usual.
                shared = [e for e in entries if e.shared and e.code in named]
                entries = shared or [e for e in entries if not e.shared]
            if any(e.period for e in entries):
                # A name that meant another state in a period: on a date inside it that state
                # only; otherwise (or undated) the usual one.
                now = [e for e in entries if e.period and day is not None
                       and e.period[0] <= day <= e.period[1]]
                entries = now or [e for e in entries if not e.period]
                if not entries:
                    continue
            if day is not None and any(e.since and day < e.since for e in entries):
                # A state not yet independent on the article's date: its places belonged to
                # the state it split from ("Juba" in 1990 is in Sudan).
                entries = [e._replace(code=e.before, since=None, before=None,
                                     kind="city" if e.kind == "capital" else e.kind)
                           if e.since and day < e.since and e.before else e for e in entries]
            for i in range(span.start, span.end):
                index[i] = (span, entries)
        return index

    # -- public ----------------------------------------------------------------------------
    def resolve(self, head: Token, matches: _Matches, ctx: ArticleContext, *,
                remember: bool = True) -> list[Actor]:
        """The actors a noun phrase headed by ``head`` refers to (several when coordinated).
        Each phrase is resolved once while the article's memory stays as it is."""
        found = ctx.resolved.get(head.i)
        if found is None:
            version = ctx.version
            found = self._resolve_phrase(head, matches, ctx)
            if ctx.version == version:
                ctx.resolved[head.i] = found
        actors: list[Actor] = []
        for actor, h, is_person in found:
            if actor.code not in {a.code for a in actors}:
                actors.append(actor)
                if remember:
                    ctx.remember(actor, h, is_person)
        return actors

    def _resolve_phrase(self, head: Token, matches: _Matches, ctx: ArticleContext
                        ) -> list[tuple[Actor, Token, bool]]:
        found: list[tuple[Actor, Token, bool]] = []
        for h in [head, *conjuncts(head)]:
            for actor, is_person in self._resolve_one(h, matches, ctx):
                found.append((actor, h, is_person))
                found += [(a, h, is_person) for a in coordinated_agents(actor, h, matches)]
        # Conjuncts share a country: "French deputies and senators", "Fabius and deputies";
        # or several: "U.S. and British warplanes and warships" (the warships of both).
        countries = list(dict.fromkeys(a.country for a, _, _ in found if a.country))
        if not countries:
            return found
        found = [(with_country(a, country), h, p) for a, h, p in found
                 for country in (countries if a.country is None and a.agent else countries[:1])]
        return list({(a.code, h.i): (a, h, p) for a, h, p in found}.values())

    def location_country(self, head: Token, matches: _Matches) -> tuple[str, str] | None:
        """The country (code, place name) a place name such as "Tehran", "the city of Kirkuk"
        or "southern Iran" names (a mission abroad, "the U.S. embassy in Manila", by its "in")."""
        if head.lemma_.lower() in self.rules.mission_buildings:
            return next((loc for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                         for g in p.children if g.dep_ == "pobj"
                         if (loc := self.location_country(g, matches)) is not None), None)
        for tok in head.doc[head.left_edge.i : head.i + 1]:
            hit = matches.get(tok.i)
            if hit is None:
                continue
            span, entries = hit
            for e in entries:
                if e.kind in ("country", "capital", "city") or (
                        e.kind == "demonym" and (head.lemma_.lower() in self.rules.place_nouns
                                                 or head.pos_ == "PROPN"
                                                 and head.i not in matches)):
                    # ... and "the Rwandan capital", "a Lebanese port town", "Pakistani
                    # Kashmir" (a region the dictionary does not place)
                    return e.code, span.text
        if self.gazetteer is not None and (found := city_country(head, matches, self.gazetteer())):
            return found  # ("shelled Bunia": a city the dictionary does not list)
        for child in head.children:
            if child.dep_ in ("prep", "appos") and (child.dep_ == "appos" or child.lower_ == "of"):
                obj = child if child.dep_ == "appos" else next(
                    (c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self.location_country(obj, matches)
        return None

    # -- internals -------------------------------------------------------------------------
    def _info(self, head: Token, matches: _Matches, day: dt.date | None) -> NounInfo:
        info = NounInfo()
        r = self.rules
        doc = head.doc
        left = head.left_edge.i
        # Stop the left part at a clause boundary inside the phrase (rare, but cheap to check).
        toks = [t for t in doc[left : head.i + 1] if not is_clausal(t, head)]
        seen: set[int] = set()
        best_agent_dist = 10**6
        for tok in reversed(toks):  # closest to the head first
            if tok.lower_ in r.former:
                info.former = True
            hit = matches.get(tok.i)
            if hit is None and tok.lower_.endswith("-led") and tok.i < head.i:
                # "the U.S.-led coalition" (one token): led by the state named
                led = self.dictionary.entries.get(tok.lower_[:-4], [])
                if any(e.kind in ("country", "demonym", "org") for e in led):
                    hit = (doc[tok.i : tok.i + 1], led)
            if hit is None:
                continue
            span, entries = hit
            if span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                    doc[span.end + 1].lower_ in r.backed:
                continue  # "Russian-backed separatists" are not Russian
            if span.start in seen:
                continue
            seen.add(span.start)
            dist = head.i - (span.end - 1)
            if sum(e.kind == "person" for e in entries) > 1:
                # (a surname several people share is whoever of them held office that day)
                entries = sorted(entries, key=lambda e: e.kind == "person" and
                                 not person_code(e, day))
            for e in entries:
                if e.kind == "org" and info.org is None:
                    info.org = (e.code, e.name, span, e.country)
                elif e.kind == "person" and info.person is None:
                    code = person_code(e, day)
                    if code:
                        info.person = (code, e.name, span)
                    else:
                        # Not in any listed office on that day: a former (or future) office
                        # holder, coded by the title the text gives, else as an elite.
                        last = e.roles[-1].code if e.roles else None
                        if last:
                            info.person = (last[:3] + r.elite_agent,
                                           e.name + " (not in office)", span)
                elif e.kind == "demonym" and (
                        span.start > 0 and doc[span.start - 1].lower_ in r.ethnic
                        or head.lemma_.lower() in r.people_groups and span.end - 1 < head.i):
                    # "ethnic Albanians", "ethnic Russian villagers": a people, coded by
                    # where they live (the place of the event), not by the state named.
                    info.ethnic = span.text
                elif e.kind == "capital" and _where_it_happened(span, head, r):
                    continue
                elif e.kind in ("country", "demonym", "capital", "metonym"):
                    agent = e.agent or (r.government_agent if e.kind == "capital" else "")
                    info.countries.append((e.code, e.name, span, agent))
                elif e.kind == "city" and span.end - 1 < head.i:
                    # A place modifying an actor word: "Darfur rebels", "Kirkuk residents".
                    info.countries.append((e.code, e.name, span, ""))
                elif e.kind == "agent" and dist < best_agent_dist and (
                        dist == 0 or head.lemma_.lower() not in self.non_actor_heads) and \
                        not (dist and span[-1].tag_ == "JJ"
                             and span[-1].lower_ in r.adjective_homographs):
                    info.agent = (e.code, e.name, span)
                    best_agent_dist = dist
                elif e.kind == "agent" and info.agent is not None and info.agent[1] in \
                        r.role_words and e.name not in r.role_words and \
                        (best_agent_dist == 0 or span.end == info.agent[2].start):
                    # "a drug cartel leader", "the rebel spokesman", "separatist leader
                    # Vladislav Ardzinba": a role in a group is of the group's sector.
                    info.agent = (e.code, e.name, span)
                    best_agent_dist = dist
                elif e.kind == "region" and info.region is None:
                    info.region = (e.code, e.name, span)
            if entries and entries[0].kind == "person":
                continue
        if info.org is None and info.person is None:
            info.org = self._group_named_before(head, matches)
        return info

    def _group_named_before(self, head: Token, matches: _Matches
                            ) -> tuple[str, str, Span, str | None] | None:
        """"a move the agency's chief condemned", "agency chief Rafael Grossi": the
        organisation named before in the sentence that "the agency", "the group" owning the
        role is."""
        for t in head.lefts:
            if t.dep_ in ("poss", "compound") and t.lemma_.lower() in self.rules.group_nouns \
                    and t.i not in matches and (found := org_named_before(t, matches)):
                return found[0], found[1], t.doc[t.i:t.i + 1], found[2]
        return None

    def _resolve_one(self, head: Token, matches: _Matches, ctx: ArticleContext) -> _Found:
        """The actors one head word names, and whether each is a person (first rule to apply).
        A word met again while it is being resolved (a pronoun whose antecedent's apposition
        leads back to it, in a garbled parse) names nothing the second time."""
        active = _ACTIVE.__dict__.setdefault("heads", set())
        key = (id(head.doc), head.i)
        if key in active:
            return []
        active.add(key)
        try:
            return self._resolve_head(head, matches, ctx)
        finally:
            active.discard(key)

    def _resolve_head(self, head: Token, matches: _Matches, ctx: ArticleContext) -> _Found:
        low, r = head.lower_, self.rules
        # Pronouns and "both countries": coreference with earlier mentions ("WHO", tagged a
        # pronoun but named in the dictionary in capitals, is a name).
        if (head.pos_ == "PRON" or low in r.person_pronouns | r.thing_pronouns
                | r.plural_pronouns) and not (head.is_upper and head.i in matches):
            return self._pronoun(head, ctx, matches)
        if got := self._owner_of_thing(head, matches, ctx):
            return got
        info = self._info(head, matches, ctx.date)
        make = maker(head)
        if (named := self._named_actor(head, info, make, matches, ctx)) is not None:
            return named
        agent_code = agent_code_of(info, r)
        countries = info.countries
        people = self._people_placed_elsewhere(head, countries, agent_code, make, matches)
        if people is not None:
            return people
        countries = self._placed_metonym(explicit_countries(countries), head, matches)
        if not countries:
            if (owned := self._owner_actor(head, info, agent_code, make, ctx,
                                           matches)) is not None:
                return owned
            dependents = self._dependent_actors(head, info, agent_code, make, matches, ctx)
            if dependents is not None:
                return dependents
        if countries:
            return country_actors(countries, info, agent_code, make)
        if anaphor := self._participle_anaphor(head, matches, ctx):
            return anaphor
        if (coref := coreferent_actors(head, info.region, agent_code, make, ctx, r,
                                       matches)) is not None:
            return coref
        return generic_actors(head, info, agent_code, make, r)

    def _placed_metonym(self, countries: Countries, head: Token,
                        matches: _Matches) -> Countries:
        """"protesters stormed Congress ... in Brasilia": a metonym that is a common word for a
        part of any state stands for the country the sentence puts the act in, else its own."""
        if len(countries) != 1 or not countries[0][3] or \
                countries[0][2].text.lower() not in self.dictionary.agent_words:
            return countries
        code, name, span, agent = countries[0]
        places = {e.code for t in head.sent if t.i in matches and t.dep_ == "pobj"
                  and t.head.lower_ == "in" for e in matches[t.i][1]
                  if e.kind in ("city", "capital", "country")}
        if len(places) != 1 or code in places:
            return countries
        return [(places.pop(), name, span, agent)]

    def _owner_of_thing(self, head: Token, matches: _Matches, ctx: ArticleContext) -> _Found | None:
        """Who owns the thing or act a non-actor head names, if the possessive names anyone."""
        hit = matches.get(head.i)
        if head.lemma_.lower() in self.non_actor_heads and not (
                hit and any(e.kind == "agent" for e in hit[1])):
            # "the British government's policy", "the minister's statement": a thing or an act
            # stands for its owner, named in full by the possessive.
            poss = next((c for c in head.children if c.dep_ == "poss"
                         and c.pos_ in ("NOUN", "PROPN")), None)
            if poss is not None:
                got = self._resolve_one(poss, matches, ctx)
                if got:
                    return got
        return None

    def _named_actor(self, head: Token, info: NounInfo, make: _Make, matches: _Matches,
                     ctx: ArticleContext) -> _Found | None:
        """The person, the organisation, or the group last named that the phrase names."""
        if info.person is not None:
            return self._person_actor(head, info.person, info, make, matches, ctx)
        if info.org is not None and (not (info.countries and info.agent and org_is_modifier(
                info.org[2], head)) or info.org[3] in {c[0] for c in info.countries}):
            # (an organisation of the country named is the more precise: "Colombia's FARC
            # rebels"; "Iran's UN ambassador" is Iran's)
            code, name, _, org_country = info.org
            return [(make(code, org_country, None, f"org:{name}"), False)]
        if head.lemma_.lower() in self.rules.group_nouns and head.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ in self.rules.definite_determiners
                for c in head.children) and \
                not any(c.dep_ in ("poss", "prep", "amod", "compound") and not verb_phrase(c)
                        for c in head.children):
            # "Hamas fired rockets. The group said ...": the organisation last named, here
            # ("quit the WHO, accusing the agency of ...") or before (a group no IGO).
            if (here := org_named_before(head, matches, nonstate := head.lemma_.lower() in
                                         self.rules.nonstate_group_nouns)) is not None:
                code, name, country = here
                return [(make(code, country, None, f"coref:{name}"), False)]
            prev = ctx.last_org(nonstate)
            if prev is not None:
                return [(make(prev.code, prev.country, prev.agent, f"coref:{prev.text}"), False)]
        return None

    def _person_actor(self, head: Token, person: tuple[str, str, Span], info: NounInfo,
                      make: _Make, matches: _Matches, ctx: ArticleContext) -> _Found:
        """A named person's code: the role an apposition gives, else the dictionary's."""
        # "Amr Moussa, secretary-general of the Arab League": the role the text gives
        # beats the dictionary's.
        for appos in (c for c in head.children if c.dep_ == "appos"):
            got = self._resolve_one(appos, matches, ctx)
            if got and not got[0][0].code.startswith(UNKNOWN) and \
                    not got[0][0].rule.startswith(("person:", "coref:")):
                a = got[0][0]
                return [(make(a.code, a.country, a.agent,
                              f"person:{person[1]}+appos:{a.rule}"), True)]
        code, name, _ = person
        if code.endswith(self.rules.elite_agent) and info.agent and not info.former:
            code = code[:3] + info.agent[0]
        return [(make(code, code[:3], code[3:6] or None, f"person:{name}"), True)]

    def _people_placed_elsewhere(self, head: Token, countries: Countries, agent_code: str | None,
                                 make: _Make, matches: _Matches) -> _Found | None:
        """A people named by a demonym, coded by the other country a phrase places them in."""
        if countries and (placed := self._place_before(countries[0][2], head, matches)):
            # "Kosovo Albanians", "Kosovo Albanian villagers": the people of the place named
            # before their demonym
            agent = agent_code or self.rules.civilian_agent
            return [(make(placed[0] + agent, placed[0], agent,
                          f"people:{head.text}+place:{placed[1]}"), False)]
        if countries and countries[0][2].end - 1 == head.i and head.tag_ in ("NNS", "NNPS"):
            # A people named by a demonym and placed elsewhere: "the Albanians of Serbia".
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in self.rules.people_place_preps:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    loc = self.location_country(pobj, matches) if pobj is not None else None
                    if loc and loc[0] != countries[0][0]:
                        agent = agent_code or self.rules.civilian_agent
                        return [(make(loc[0] + agent, loc[0], agent,
                                      f"people:{head.text}+place:{loc[1]}"), False)]
        return None

    def _place_before(self, demonym: Span, head: Token, matches: _Matches
                      ) -> tuple[str, str] | None:
        """The place (code, name) of another country named right before a demonym of
        ``head``'s phrase, as one phrase: "Kosovo" in "Kosovo Albanians"."""
        doc = head.doc
        if demonym.start == 0 or demonym.end - 1 > head.i or head.tag_ not in ("NNS", "NNPS"):
            return None
        own = {e.code for e in self.dictionary.entries.get(doc[demonym.start].lower_, [])
               if e.kind == "demonym"}
        hit = matches.get(demonym.start - 1)
        if not own or hit is None or hit[0].end != demonym.start or \
                doc[demonym.start - 1].head.i not in range(demonym.start, head.i + 1):
            return None
        place = next((e for e in hit[1] if e.kind in ("country", "region")
                      and e.code not in own), None)
        return (place.code, hit[0].text) if place is not None else None

    def _owner_actor(self, head: Token, info: NounInfo, agent_code: str | None, make: _Make,
                     ctx: ArticleContext, matches: _Matches | None = None) -> _Found | None:
        """An agent word owned by "its" or "their": of the owner's country, if it has one
        ("their leaders" after "Ethiopia and Somalia ...": each one's); "his country", "its
        nation": the owner's country itself."""
        state = head.lemma_.lower() in self.rules.state_nouns and head.tag_ == "NN"
        staff = not agent_code and head.lemma_.lower() in self.rules.staff_nouns
        if not agent_code and not state and not staff:
            return None
        # ("his country"; "his guerrillas": forces of the person's side)
        owner_words = self.rules.owner_pronouns | (self.rules.person_pronouns if state or (
            agent_code in self.rules.person_owned_agents) else frozenset())
        # "its embassy in Tehran", "their troops": the owner's, wherever they are.
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in
                     owner_words), None)
        owners = self._pronoun(poss, ctx, matches) if poss is not None else []
        pair = next((c for c in head.children if c.dep_ == "poss" and c.lemma_.lower() in
                     self.rules.country_pair_words), None)
        if poss is None and pair is not None and matches is not None:
            # "as the two countries' troops exchanged fire": each one's troops
            owners = [(a, False) for a in self.resolve(pair, matches, ctx, remember=False)]
        if staff and owners and not owners[0][1]:
            # "several of its staff": the body they work for
            o = owners[0][0]
            return [(make(o.code, o.country, o.agent, f"owner:{o.text}+{head.lower_}"), False)]
        countries = list(dict.fromkeys(o.country for o, _ in owners if o.country))
        if not countries or not owners[0][0].country:
            return None
        if not agent_code:
            return [(make(country, country, None, f"owner:{owners[0][0].text}+{head.lower_}"),
                     False) for country in countries]
        return [(make(country + agent_code, country, agent_code,
                      f"owner:{owners[0][0].text}+agent:{agent_word(info)}"), False)
                for country in countries]


def _name_tail(span: Span) -> bool:
    """``span`` is written in lower case right after a capitalised word and a hyphen, with no
    space between them: the end of a hyphenated name ("Chan-ocha"), not a name of its own."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i].is_lower and doc[i - 1].text == "-" and \
        not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_title


def _stance(span: Span, prefixes: frozenset[str]) -> bool:
    """``span`` follows one of ``prefixes`` (actor_words stance_prefixes) and a hyphen: a
    stance towards a country ("pro-Russian", "Anti-American"), not a nationality."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in prefixes or \
        i >= 1 and doc[i - 1].lower_.rstrip("-") in prefixes and doc[i - 1].lower_.endswith("-")
