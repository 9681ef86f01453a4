"""What every part of the event stage reads: the compiled knowledge of the coder and the
records that pass between the parts (a pattern match, the modality of an act)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from tidings.coder.actors import ActorResolver
from tidings.coder.context import ArticleContext
from tidings.coder.dictionary import Entry
from tidings.coder.patterns import Pattern, PatternSet
from tidings.coder.rules import Rules
from tidings.knowledge.ontology import Ontology
from tidings.records import Event

# The dictionary matches of a document: token index -> (matched span, its entries).
Matches = dict[int, tuple[Span, list[Entry]]]


@dataclass(frozen=True, slots=True)
class CoderKnowledge:
    """The knowledge the event stage codes with, compiled once per coder: the ontology, the
    verb and noun patterns, the actor resolver (dictionary and coreference) and the rules of
    rules.yaml. Every function of the stage takes it as its first argument, ``k``."""

    ontology: Ontology
    patterns: PatternSet
    resolver: ActorResolver
    rules: Rules


@dataclass(slots=True)
class Match:
    """A pattern that matched at a head word: the words it used and the heads of its slots."""

    pattern: Pattern
    tokens: list[Token]
    target_heads: list[Token] = field(default_factory=list)
    source_heads: list[Token] = field(default_factory=list)
    pair_heads: list[Token] = field(default_factory=list)


class Modality(NamedTuple):
    """How an act is reported: done ("attacked"), denied ("did not attack"), possible or
    wished ("could attack", "wants to attack") or stated as future ("will attack")."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False


ASSERTED = Modality()


@dataclass(slots=True)
class SentenceState:
    """One sentence being coded: what the verb and noun patterns found, which the sentence
    rules then read and rewrite. ``by_verb`` maps the index of the word an event was coded
    from (a verb or an event noun) to its events; ``speech`` the speech verbs by index."""

    index: int  # the sentence's index in its article
    matches: Matches
    ctx: ArticleContext
    tokens: list[Token]
    verbs: list[Token]
    verb_matches: list[tuple[Token, Match]] = field(default_factory=list)
    speech: dict[int, Token] = field(default_factory=dict)
    by_verb: dict[int, list[Event]] = field(default_factory=dict)
