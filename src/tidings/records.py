"""The typed records that flow between the stages. Defined once, used everywhere."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One input document: a news article, a sentence from a gold file, a JSONL record."""

    id: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    origin: str = ""  # where it was read from: "file.jsonl:12", "article.txt", "<stdin>"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A political actor mentioned in text and coded in CAMEO actor codes.

    ``code`` is the full CAMEO code ("IRNGOV", "IGOWSTNAT", "---REB"); ``country`` and
    ``agent`` are its parts where they apply. ``rule`` names the dictionary entries used.
    """

    code: str
    text: str
    start: int
    end: int
    rule: str
    country: str | None = None
    agent: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, from an offline gazetteer."""

    name: str
    country: str  # CAMEO / ISO 3166-1 alpha-3 code
    lat: float | None
    lon: float | None
    feature: str  # "city", "admin", "country"
    source: str  # how it was found: "sentence:<text>", "actor:<code>"


# What a count counts, and how exact the text says it is ("eight", "at least eight", "up to
# eight", "about eight", "eight to ten"). PLOVER's size object has dead, injured and arrested.
COUNT_KINDS = ("dead", "injured", "arrested", "displaced", "hostages")
COUNT_BOUNDS = ("exact", "lower", "upper", "estimate", "range")


@dataclass(frozen=True, slots=True)
class Count:
    """How many people an event killed, wounded, arrested, displaced or took hostage, as the
    text states it: "killing at least eight soldiers" is dead 8, bound "lower", side "MIL".

    ``high`` is the top of a range ("eight to ten"); ``side`` the CAMEO sector of the people
    counted when the text names it; ``parts`` the groups a sum was made of ("three soldiers
    and a civilian": (3, "MIL"), (1, "CVL")); ``text``/``start``/``end`` the words it was read
    from, with character offsets into the article."""

    kind: str
    number: int
    bound: str = "exact"
    high: int | None = None
    side: str | None = None
    parts: tuple[tuple[int, str | None], ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "bound": self.bound,
                "high": self.high, "side": self.side,
                "parts": [{"number": n, "side": s} for n, s in self.parts],
                "text": self.text, "span": [self.start, self.end]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Count:
        span = d.get("span") or [0, 0]
        return cls(d["kind"], int(d["number"]), d.get("bound") or "exact", d.get("high"),
                   d.get("side"), tuple((int(p["number"]), p.get("side"))
                                        for p in d.get("parts") or ()),
                   d.get("text") or "", int(span[0]), int(span[1]))


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, with its evidence and how it was coded."""

    source: Actor
    target: Actor | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    action_text: str
    action_start: int
    action_end: int
    sentence: int
    rule: str
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    intent_of: str | None = None  # for a future act coded as intent: the act's own code
    date: dt.date | None = None  # when it happened (filled by the enrich stage)
    date_source: str | None = None  # "text:last week", "published", "unknown"
    place: Place | None = None  # where it happened (filled by the enrich stage)
    counts: tuple[Count, ...] = ()  # the people it killed, wounded, arrested ... (one per kind)
    confidence: float | None = None  # the calibrated probability that the event is right

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.hypothetical)

    @property
    def target_code(self) -> str:
        return self.target.code if self.target else "---"

    def to_dict(self) -> dict[str, Any]:
        tgt = self.target
        return {
            "source": self.source.code,
            "target": self.target_code,
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "source_text": self.source.text,
            "target_text": tgt.text if tgt else None,
            "action_text": self.action_text,
            "sentence": self.sentence,
            "spans": {
                "source": [self.source.start, self.source.end],
                "target": [tgt.start, tgt.end] if tgt else None,
                "action": [self.action_start, self.action_end],
            },
            "rule": self.rule,
            "actor_rules": {"source": self.source.rule, "target": tgt.rule if tgt else None},
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "intent_of": self.intent_of,
            **({"date": self.date.isoformat(), "date_source": self.date_source}
               if self.date else {}),
            **({"place": {"name": self.place.name, "country": self.place.country,
                          "lat": self.place.lat, "lon": self.place.lon,
                          "source": self.place.source}} if self.place else {}),
            "counts": [c.to_dict() for c in self.counts],
            "confidence": self.confidence,
        }

    def count(self, kind: str) -> Count | None:
        """The event's count of ``kind`` ("dead", ...), if the text gives one."""
        return next((c for c in self.counts if c.kind == kind), None)


@dataclass(slots=True)
class CodedArticle:
    """An article with its sentences and the events coded from it."""

    article: Article
    sentences: list[Sentence]
    events: list[Event]
    # Place names each sentence mentions (by sentence index), "in/at <place>" first: what the
    # enrich stage looks up in its gazetteer.
    places: dict[int, list[str]] = field(default_factory=dict)
