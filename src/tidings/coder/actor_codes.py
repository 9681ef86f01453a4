"""How the dictionary facts about one noun phrase become CAMEO actor codes: its sector,
its countries (named, coordinated or a metonym's), a sector of no country, a person's dated
role. Pure functions over :class:`NounInfo`, used by the actor resolver (actors.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from tidings.coder.context import UNKNOWN
from tidings.coder.coreference import Found, Make, Matches
from tidings.coder.dictionary import Entry
from tidings.coder.rules import Rules
from tidings.records import Actor

Countries = list[tuple[str, str, Span, str]]  # (code, name, span, metonym agent or "")


@dataclass(slots=True)
class NounInfo:
    """What the dictionaries say about one noun phrase."""

    org: tuple[str, str, Span, str | None] | None = None  # (code, name, span, home country)
    person: tuple[str, str, Span] | None = None  # (code, name, span)
    # (code, name, span, metonym agent or ""), closest to the head first
    countries: list[tuple[str, str, Span, str]] = field(default_factory=list)
    agent: tuple[str, str, Span] | None = None
    region: tuple[str, str, Span] | None = None
    former: bool = False
    ethnic: str | None = None  # "ethnic Albanians": a people, not the state (the demonym)


def maker(head: Token) -> Make:
    """How an actor found for a head word cites its noun phrase (text and character span)."""
    phrase = head.doc[head.left_edge.i : head.i + 1]
    start, end, text = phrase.start_char, phrase.end_char, phrase.text

    def make(code: str, country: str | None, agent: str | None, rule: str) -> Actor:
        """An actor citing the phrase from the head's left edge to the head."""
        return Actor(code=code, text=text, start=start, end=end, rule=rule,
                     country=country, agent=agent)

    return make


def agent_word(info: NounInfo) -> str:
    """The agent word behind a sector code, for the rule; a former official's elite code may
    come with none ("its former colony"): then the word that made it elite."""
    return info.agent[1] if info.agent is not None else "former"


def agent_code_of(info: NounInfo, r: Rules) -> str | None:
    """Which sector the phrase names: its agent word's, or elite for a former official."""
    agent_code = info.agent[0] if info.agent else None
    if info.former and agent_code in (None, r.government_agent):
        agent_code = r.elite_agent
    return agent_code


def localised(actor: Actor, country: str) -> Actor:
    """An agent of unknown country ("students", "police") placed in the country where the
    event happened."""
    if actor.country is not None or not actor.agent or not actor.code.startswith("---") or \
            actor.rule.endswith("+foreign"):
        return actor
    return replace(actor, code=country + actor.agent, country=country,
                   rule=actor.rule + f"+place:{country}")


def explicit_countries(countries: Countries) -> Countries:
    """Which countries count: named ones beat a metonym's, which keeps only its agent."""
    explicit = [c for c in countries if not c[3]]
    if explicit and len(explicit) < len(countries):
        # "Brazil's congress": the named country wins over a metonym's own country, and
        # the metonym still says which part of the state is meant.
        meton = next(c for c in countries if c[3])
        countries = [(c[0], c[1], c[2], meton[3]) for c in explicit]
    return countries


def country_actors(countries: Countries, info: NounInfo, agent_code: str | None,
                    make: Make) -> Found:
    """One actor per coordinated country, in the phrase's sector (or the metonym's)."""
    groups = coordinated(countries)
    out = []
    for code, name, span, metonym_agent in groups:
        agent = agent_code or metonym_agent or None
        if metonym_agent and not agent_code:
            agent = metonym_agent
        rule = f"country:{name}" + (f"+agent:{info.agent[1]}" if info.agent else "")
        if metonym_agent and not info.agent:
            rule = f"metonym:{span.text}"
        full = code + (agent or "")
        out.append((make(full, code, agent, rule), False))
    return out


def generic_actors(head: Token, info: NounInfo, agent_code: str | None, make: Make,
                    r: Rules) -> Found:
    """Last resort: a sector with no country (never placed if foreign), or an ethnic people."""
    if agent_code:
        doc = head.doc
        if any(t.lower_ in r.foreign and doc[t.i + 1].lower_ not in r.foreign_office
               for t in doc[head.left_edge.i : head.i]):
            # "foreign journalists", "international aid agencies": not of the place where
            # they are, so never placed there.
            return [(make(UNKNOWN + agent_code, None, agent_code,
                          f"agent:{agent_word(info)}+foreign"), False)]
        return [(make(UNKNOWN + agent_code, None, agent_code, f"agent:{agent_word(info)}"),
                 head.ent_type_ == "PERSON")]
    if info.ethnic:
        return [(make(UNKNOWN + r.civilian_agent, None, r.civilian_agent, f"ethnic:{info.ethnic}"),
                 False)]
    return []


def with_country(actor: Actor, country: str) -> Actor:
    if actor.country is not None or not actor.agent:
        return actor
    return replace(actor, code=country + actor.agent, country=country,
                   rule=actor.rule + f"+conjunct:{country}")


def person_code(entry: Entry, day: dt.date | None) -> str | None:
    held = [r for r in entry.roles if r.holds_on(day)]
    if not held:
        return None
    # Undated text matches any term: take the latest; dated text: the role begun last.
    held.sort(key=lambda r: r.start or dt.date.min)
    return held[-1].code


def org_is_modifier(span: Span, head: Token) -> bool:
    """An organisation named as a modifier of an agent ("Iran's UN ambassador")."""
    return span.root.dep_ in ("compound", "amod") and span.root.head.i == head.i


def coordinated(countries: list[tuple[str, str, Span, str]]) -> list[tuple[str, str, Span, str]]:
    """Several countries modifying one noun are separate actors only when coordinated
    ("US and British activists"); otherwise the one closest to the head wins, unless another
    is the phrase's possessor: "China's Taiwan Affairs Office" is China's (the nearer name is
    the office's portfolio)."""
    if len(countries) == 1:
        return countries
    first = countries[0]
    owner = next((c for c in countries[1:] if c[2].end < first[2].start
                  and c[2].root.dep_ == "poss"), None)
    if owner is not None:
        return [owner]
    out = [first]
    roots = {first[2].root.i}
    for c in countries[1:]:
        root = c[2].root
        linked = root.dep_ == "conj" and root.head.i in roots or any(
            ch.dep_ == "conj" and ch.i in roots for ch in root.children)
        if linked and c[0] not in {o[0] for o in out}:
            out.append(c)
            roots.add(root.i)
    return out


def of_states(actors: list[Actor]) -> list[Actor]:
    """The actors of a state (not an international organisation or movement): whose a group
    loyal to them or under their command is."""
    return [a for a in actors if a.country and len(a.country) == 3
            and not a.code.startswith(("IGO", "NGO", "IMG"))]


def coordinated_agents(actor: Actor, head: Token, matches: Matches) -> list[Actor]:
    """The actor again with the agent of each agent word coordinated with a modifier of its
    head: "Sudanese government and rebel delegations" are the government's and the rebels'."""
    if not (actor.country and actor.agent):
        return []
    out: list[Actor] = []
    for mod in head.lefts:
        if mod.dep_ not in ("compound", "nmod", "amod") or not mod.conjuncts:
            continue
        for conj in (mod, *mod.conjuncts):
            hit = matches.get(conj.i) if conj.i < head.i else None
            agent = next((e.code for e in hit[1] if e.kind == "agent"), None) if hit else None
            if agent and agent != actor.agent and agent not in {a.agent for a in out}:
                out.append(replace(actor, code=actor.country + agent, agent=agent,
                                   rule=f"{actor.rule}+and:{conj.lower_}"))
    return out
