"""The events of one verb while they are being worked out (see events.verbs and
events.targets)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.arguments import actors_of
from tidings.coder.events.scope import ASSERTED, CoderKnowledge, Matches, Modality
from tidings.coder.patterns import Pattern
from tidings.records import Actor

PLACED = "in:place:"  # (the rule of an agent placed by a place phrase: "rebels in Jeddah")


@dataclass(slots=True)
class VerbDraft:
    """The events of one verb while they are worked out: the pattern (recoded as the steps
    go), the words used, the doers and targets and how the act is reported."""

    verb: Token
    p: Pattern
    used: list[Token]
    matches: Matches
    ctx: ArticleContext
    speech: dict[int, Token]
    speaker: Token | None = None
    passive: bool = False
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    flags: Modality = ASSERTED
    venue: str | None = None

    def actors(self, k: CoderKnowledge, heads: list[Token]) -> list[Actor]:
        return actors_of(k, heads, self.matches, self.ctx, self.speaker, self.speech)

    def recode(self, code: str, rule: str, **changes: object) -> None:
        self.p = replace(self.p, code=code, id=rule, **changes)  # type: ignore[arg-type]
