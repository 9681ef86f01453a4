"""The right side of a noun phrase, for the actor resolver: whom "troops loyal to X", "a
spokesman for Y", "leaders of Z", "police in Iran" or "goods imported from China" are of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tidings.coder.actor_codes import NounInfo, of_states
from tidings.coder.context import UNKNOWN, ArticleContext
from tidings.coder.coreference import Found as _Found
from tidings.coder.coreference import Make as _Make
from tidings.coder.coreference import Matches as _Matches
from tidings.coder.pronouns import PronounResolver
from tidings.coder.syntax import conjuncts, origins
from tidings.records import Actor

if TYPE_CHECKING:
    from tidings.coder.dictionary import ActorDictionary


class DependentActorResolver(PronounResolver):
    """The dependents part of :class:`tidings.coder.actors.ActorResolver` (which gives it
    ``dictionary``, ``resolve``, ``location_country`` and ``_resolve_one``)."""

    dictionary: ActorDictionary

    if TYPE_CHECKING:
        def resolve(self, head: Token, matches: _Matches, ctx: ArticleContext, *,
                    remember: bool = True) -> list[Actor]: ...

        def location_country(self, head: Token, matches: _Matches
                             ) -> tuple[str, str] | None: ...

    def _dependent_actors(self, head: Token, info: NounInfo, agent_code: str | None,
                          make: _Make, matches: _Matches, ctx: ArticleContext) -> _Found | None:
        """With no country on the left: the actors the phrase's right side names, if any."""
        sub = self._from_dependents(head, matches, ctx, allow_unknown=agent_code is None)
        if sub is None:
            return None
        inners, via = sub
        out = []
        for inner in inners:
            if via == "allegiance" and inner.country:
                # "troops loyal to Gaddafi": the leader's country's troops (with no sector of
                # their own, the body named: "hackers linked to Russia's GRU")
                agent = agent_code or inner.agent
                out.append((make(inner.country + (agent or ""), inner.country, agent,
                                 f"{via}:{inner.rule}"), False))
            elif inner.rule.startswith(("org:", "person:")) or (
                    inner.country is None and (inner.agent is None or agent_code is None
                                               or via == "of")):
                out.append((make(inner.code, inner.country, inner.agent,
                                 f"{via}:{inner.rule}"), False))
            elif inner.country:
                # "leaders of the opposition coalition", "commander of the rebels":
                # a member of the group named after "of" is of the group's sector.
                # (but "residents of Kabul" are residents: a capital is a place there)
                agent = (inner.agent or agent_code) if via == "of" and not \
                    inner.rule.startswith("metonym:") else (agent_code or inner.agent)
                if agent is None and info.ethnic:
                    agent = self.rules.civilian_agent  # "ethnic Albanians in Kosovo"
                rule = f"{via}:{inner.rule}" + (
                    f"+agent:{info.agent[1]}" if info.agent else "")
                out.append((make(inner.country + (agent or ""), inner.country, agent,
                                 rule), False))
        return out or None

    def _principal(self, prep: Token, matches: _Matches, ctx: ArticleContext) -> list[Actor]:
        """Whom an aide works for: a person after "for" or "to", a body after "for" (not a
        place: "the envoy to Syria" goes there)."""
        got = [a for c in prep.children if c.dep_ == "pobj"
               for a in self.resolve(c, matches, ctx, remember=False)]
        return [a for a in got if a.rule.startswith("person:") or (
            prep.lower_ == "for" and (a.agent or a.rule.startswith("org:"))
            and not a.code.startswith(UNKNOWN))][:1]

    def _from_dependents(self, head: Token, matches: _Matches, ctx: ArticleContext,
                         allow_unknown: bool = False) -> tuple[list[Actor], str] | None:
        """Actor information the phrase's right side carries: "leaders of Romania", "police in
        Iran", "the US commander, General X"; a thing's origin ("goods imported from China")."""
        for child in [*head.rights, *origins(head, self.dictionary.agent_words)]:
            if owners := self._loyal_to(child, matches, ctx):
                return owners[:1], "allegiance"
            if child.dep_ == "prep" and child.lower_ in self.rules.command_preps and (
                    owners := self._commander(child, matches, ctx)):
                return owners[:1], "allegiance"  # "forces under his command"
            if child.dep_ == "prep" and child.lower_ in self.rules.aide_preps and \
                    head.lemma_.lower() in self.rules.aide_nouns and (
                        principal := self._principal(child, matches, ctx)):
                return principal, "aide"  # "a spokesman for President Macron"
            if child.dep_ == "prep" and child.lower_ in self.rules.member_preps:
                members = [a for c in child.children if c.dep_ == "pobj"
                           for a in self.resolve(c, matches, ctx, remember=False)]
                if members and all(a.country for a in members):
                    return members, child.lower_
            if child.dep_ == "appos":
                named = self._resolve_one(child, matches, ctx)
                if named and not named[0][0].code.startswith(UNKNOWN):
                    return [named[0][0]], "appos"
            if child.dep_ == "prep" and child.lower_ in self.rules.location_preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                got = self.resolve(pobj, matches, ctx, remember=False) \
                    if child.lower_ == "of" else []
                # "hundreds of civilians": a quantity word takes its actor from "of", even
                # of unknown country ("leaders of the opposition": the members' sector).
                if got and (not got[0].code.startswith(UNKNOWN) or allow_unknown
                            or got[0].agent):
                    return got, "of"
                if child.lower_ == "of" and head.lower_ not in self.dictionary.agent_words \
                        or head.lower_ in self.rules.commentators:
                    continue  # ("the mayor of Acapulco" holds office there; analysts: none)
                if child.lower_ == "from" and head.lemma_.lower() in \
                        self.rules.carrier_nouns and (bodies := [a for c in [
                            pobj, *conjuncts(pobj)] for a in self.resolve(
                            c, matches, ctx, remember=False)[:1]]):
                    return bodies, "of"  # ("a convoy from the WFP": what a body sends)
                loc = self.location_country(pobj, matches)
                if loc is None and child.lower_ == "at" and \
                        head.lemma_.lower() in self.rules.staff_nouns and (
                        body := [a for a in self.resolve(pobj, matches, ctx, remember=False)
                                 if a.rule.startswith("org:")
                                 and a.code.startswith(("IGO", "NGO"))]):
                    # "judges at the International Criminal Court" (not "workers at
                    # Samsung", who are labour)
                    return body[:1], "at"
                more: list[tuple[tuple[str, str], Token]] = []
                if loc is None and child.lower_ == "from" and not allow_unknown:
                    # "doctors from two American aid groups": from a body of a country;
                    # "troops from the two countries": from each of them.
                    got = self.resolve(pobj, matches, ctx, remember=False)
                    known = list(dict.fromkeys(
                        a.country for a in got if a.country and len(a.country) == 3
                        and not a.code.startswith(("IGO", "NGO"))))
                    if known:
                        loc = (known[0], pobj.text)
                        more = [((c, pobj.text), pobj) for c in known[1:]]
                    elif (groups := [a for a in got if a.rule.startswith("org:")]):
                        # "fighters from the Islamic State", "doctors from MSF": members
                        # of a group of no one country are the group's
                        return groups, "of"
                if loc:
                    # ("diplomats from Argentina, Chile and Peru": each place named)
                    places = [(loc, pobj), *more,
                              *((o, c) for c in pobj.conjuncts
                                if (o := self.location_country(c, matches)))]
                    return [Actor(code, place, t.idx, t.idx + len(t.text),
                                  f"place:{place}", code, None)
                            for (code, place), t in places], child.lower_
        after = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
        if head.dep_ == "dobj" and after is not None and after.dep_ == "prep" and \
                after.head.i == head.head.i and after.lower_ in self.rules.command_preps and (
                    owners := self._commander(after, matches, ctx)):
            return owners[:1], "allegiance"  # (hung on the verb: "accused forces under his ...")
        return None

    def _loyal_to(self, child: Token, matches: _Matches, ctx: ArticleContext) -> list[Actor]:
        """"troops loyal to Gaddafi", "hackers linked to Russia's GRU": whose they are (a word
        of rules.yaml allegiance on the phrase)."""
        if child.dep_ not in ("amod", "acl") or (child.lower_ not in self.rules.allegiance and
                                                 child.lemma_.lower() not in self.rules.allegiance):
            return []
        return of_states([a for prep in child.children if prep.dep_ == "prep"
                           and prep.lower_ in self.rules.allegiance_preps
                           for c in prep.children if c.dep_ == "pobj"
                           for a in self.resolve(c, matches, ctx, remember=False)])

    def _commander(self, prep: Token, matches: _Matches, ctx: ArticleContext) -> list[Actor]:
        """Who commands, in "under his command" or "under the control of X" (a noun of
        rules.yaml command_nouns after one of command_preps): actors of a country."""
        noun = next((c for c in prep.children if c.dep_ == "pobj"
                     and c.lemma_.lower() in self.rules.command_nouns), None)
        if noun is None:
            return []
        heads = [c for c in noun.children if c.dep_ == "poss"] + [
            g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]
        found = [a for h in heads for a in (
            [a for a, _ in self._pronoun(h, ctx, matches)] if h.pos_ == "PRON"
            else self.resolve(h, matches, ctx, remember=False))]
        return of_states(found)
