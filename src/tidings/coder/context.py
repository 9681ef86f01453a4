"""What earlier sentences of an article said, for coreference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from tidings.records import Actor, Event

UNKNOWN = "---"


@dataclass(slots=True)
class ArticleContext:
    """What earlier sentences of the same article said, for coreference."""

    date: dt.date | None = None
    names: dict[str, Actor] = field(default_factory=dict)  # lowercase name token -> actor
    by_agent_word: dict[str, Actor] = field(default_factory=dict)  # "envoy" -> CHNGOV
    recent: list[tuple[Actor, bool]] = field(default_factory=list)  # (actor, is_person)
    subjects: list[tuple[Actor, bool]] = field(default_factory=list)  # ... named as subjects
    agent_words: frozenset[str] = frozenset()  # single-word sector terms, lowercase
    countries: set[str] = field(default_factory=set)  # countries of the actors met so far
    earlier_countries: frozenset[str] = frozenset()  # ... before the current sentence
    events: list[Event] = field(default_factory=list)  # asserted events of earlier sentences
    # The actors each noun phrase (by its head's index) resolved to while nothing above
    # changed: the event stage tests the same phrases many times, and resolves each once.
    resolved: dict[int, list[tuple[Actor, Token, bool]]] = field(default_factory=dict)
    version: int = 0  # bumped whenever what coreference can see changes

    def next_sentence(self, events: Sequence[Event] = ()) -> None:
        self.earlier_countries = frozenset(self.countries)
        self.events.extend(e for e in events if e.asserted)
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        self.resolved.clear()

    def remember(self, actor: Actor, head: Token, is_person: bool) -> None:
        if actor.code.startswith(UNKNOWN):
            return
        self._changed()
        self.recent.append((actor, is_person))
        # (the agent of a passive is its logical subject: "ties were severed by Panama")
        if head.dep_ in ("nsubj", "nsubjpass") or head.head.dep_ in ("nsubj", "nsubjpass") and \
                head.dep_ in ("conj", "appos", "compound") or head.dep_ == "pobj" and \
                head.head.dep_ == "agent":
            self.subjects.append((actor, is_person))
            del self.subjects[:-10]
        if actor.country and not actor.code.startswith("IGO"):
            self.countries.add(actor.country)
        if len(self.recent) > 30:
            del self.recent[:10]
        if head.pos_ == "PROPN":
            self.learn_name(actor, head)
        # Title words in the phrase let "the envoy" / "the minister" refer back to it later.
        for tok in head.doc[head.left_edge.i : head.i + 1]:
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.agent_words:
                self.by_agent_word[tok.lemma_.lower()] = actor

    def learn_name(self, actor: Actor, head: Token) -> bool:
        """Let the person's names in the phrase ``head`` ends (a proper noun) stand for
        ``actor`` later in the article ("Muratov" after "Russian journalist Dmitry Muratov");
        whether any name was new."""
        new = False
        for tok in head.doc[head.left_edge.i : head.i + 1]:
            if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
                new = new or self.names.get(tok.lower_) != actor
                self.names[tok.lower_] = actor
        if new:
            self._changed()
        return new

    def last(self, person: bool | None, subject: bool = False,
             skip: Callable[[Actor], bool] | None = None) -> Actor | None:
        """The last actor named (a person, not a person, or either) that ``skip`` does not
        rule out; for a subject, the last one named as a subject if there is one: "Iran
        summoned the British envoy. It said ..." is Iran."""
        for pool in (self.subjects, self.recent) if subject else (self.recent,):
            for actor, is_person in reversed(pool):
                if (person is None or is_person == person) and not (skip and skip(actor)):
                    return actor
        return None

    def last_org(self, nonstate: bool = False) -> Actor | None:
        """The last organisation named (an IGO, NGO, armed group, party or company; with
        ``nonstate``, no IGO)."""
        for actor, _ in reversed(self.recent):
            if nonstate and actor.code.startswith("IGO"):
                continue
            # (by the code scheme of organizations.yaml: IGO..., NGO..., or a country, a
            # sector and three letters; a coreference keeps the code of what it refers to)
            if actor.code.startswith(("IGO", "NGO")) or len(actor.code) >= 9:
                return actor
        return None

    def last_country(self, subject: bool = False,
                     skip: tuple[int, int] | None = None) -> Actor | None:
        """The last actor named that is a state or part of one; for a subject, the last
        such subject if there is one (what the story is about); ``skip`` is the character
        span of the clause's own subject ("Japan condemned the reclusive state" is not
        Japan)."""
        pools = [a for a, _ in self.subjects], [a for a, _ in self.recent]
        for pool in pools if subject else pools[1:]:
            for actor in reversed(pool):
                if skip is not None and skip[0] <= actor.start < skip[1]:
                    continue
                if actor.country and not actor.code.startswith("IGO"):
                    return actor
        return None

    def last_pair(self, by_country: bool = True, skip: tuple[int, int] | None = None,
                  before: int | None = None) -> list[Actor]:
        """The last two actors mentioned (before the character offset ``before``, in the
        order of the text): distinct countries for "both countries", distinct actors for
        "both sides"; ``skip`` is the character span of the clause's own subject ("the UN
        urged both sides ..." does not mean the UN)."""
        seen: dict[str, Actor] = {}
        mentioned = [a for a, _ in self.recent if before is None or a.start < before]
        for actor in sorted(mentioned, key=lambda a: a.start, reverse=True):
            if skip is not None and skip[0] <= actor.start < skip[1]:
                continue
            if by_country and not actor.country:
                continue
            key = (actor.country if by_country else actor.code) or ""
            if key not in seen:
                seen[key] = actor
            if len(seen) == 2:
                break
        return list(seen.values()) if len(seen) == 2 else []
