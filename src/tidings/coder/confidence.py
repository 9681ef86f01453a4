"""A calibrated confidence for every coded event: the probability that its root is right.

The model is data (``data/confidence.yaml``, written by ``scripts/train_confidence.py``): a
logistic regression over the event's features (below), then an isotonic map fitted on held-out
predictions, so that among events given 0.8 about 80% are right. Its features are what the
coder knows of how it made the event:

- which rule fired (the rule's family, and the rule's own precision measured on the learning
  sets, smoothed toward its family's when the rule was seldom seen),
- the CAMEO root, and whether the event is a future act coded as intent,
- how each actor was found (country name, capital or other metonym, person and title, agent
  word, coreference, a place, ...) and whether the target is missing or of the same country,
- the sentence: its length and how many events it holds.

Scoring is a few dozen multiplications per event: no library is needed at run time.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tidings.knowledge.bundle import Knowledge
from tidings.records import Event, Sentence


def rule_family(rule: str) -> str:
    """The family of a rule: "verbs", "nouns", a sentence rule's name ("riot", "weapon"), or
    an imported lexicon's ("petrarch2/verbs")."""
    return rule.split(":", 1)[0]


def actor_kind(rule: str | None) -> str:
    """How an actor was found: the first part of its rule ("country", "person", "coref")."""
    if not rule:
        return "none"
    return rule.split("+", 1)[0].split(":", 1)[0] or "none"


def features(event: Event, sentence_chars: int, events_in_sentence: int,
             rule_precision: float, rule_seen: int) -> dict[str, float]:
    """The named features of one event (what the model's weights are keyed by)."""
    src, tgt = event.source, event.target
    out: dict[str, float] = {
        f"family={rule_family(event.rule)}": 1.0,
        f"root={event.root}": 1.0,
        f"source={actor_kind(src.rule)}": 1.0,
        f"target={actor_kind(tgt.rule) if tgt else 'missing'}": 1.0,
        "rule_precision": rule_precision,
        "rule_seen": math.log1p(rule_seen) / math.log(50.0),
        "sentence_length": min(sentence_chars / 200.0, 2.0),
        "events_in_sentence": min(events_in_sentence - 1, 4) / 4.0,
    }
    if "+" in (src.rule or ""):
        out["source_compound"] = 1.0
    if tgt is not None and "+" in (tgt.rule or ""):
        out["target_compound"] = 1.0
    if tgt is not None and src.country and src.country == tgt.country:
        out["same_country"] = 1.0
    if event.future or event.intent_of:
        out["intent"] = 1.0
    if event.counts:
        out["has_counts"] = 1.0
    return out


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """The trained model (see the module docstring); empty weights score nothing."""

    intercept: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    # measured on the learning sets: rule -> (right, seen); family -> precision
    rules: dict[str, tuple[int, int]] = field(default_factory=dict)
    families: dict[str, float] = field(default_factory=dict)
    prior: float = 0.7  # the precision of all rules together
    smoothing: float = 5.0  # pseudo-events of the family's precision added to a rule's
    # the isotonic map: a raw probability at or above xs[i] maps to ys[i] (interpolated)
    xs: tuple[float, ...] = ()
    ys: tuple[float, ...] = ()

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> ConfidenceModel:
        doc = knowledge.merged("confidence.yaml") or {}
        if not doc.get("weights"):
            return cls()
        iso = doc.get("calibration") or {}
        return cls(float(doc.get("intercept") or 0.0),
                   {str(k): float(v) for k, v in doc["weights"].items()},
                   {str(k): (int(v[0]), int(v[1])) for k, v in (doc.get("rules") or {}).items()},
                   {str(k): float(v) for k, v in (doc.get("families") or {}).items()},
                   float(doc.get("prior", 0.7)), float(doc.get("smoothing", 5.0)),
                   tuple(float(x) for x in iso.get("x") or ()),
                   tuple(float(y) for y in iso.get("y") or ()))

    @property
    def trained(self) -> bool:
        return bool(self.weights)

    def rule_precision(self, rule: str) -> tuple[float, int]:
        """A rule's smoothed precision on the learning sets, and how often it was seen."""
        right, seen = self.rules.get(rule, (0, 0))
        base = self.families.get(rule_family(rule), self.prior)
        return (right + self.smoothing * base) / (seen + self.smoothing), seen

    def raw(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def calibrated(self, p: float) -> float:
        xs, ys = self.xs, self.ys
        if not xs:
            return p
        i = bisect.bisect_right(xs, p)
        if i == 0:
            return ys[0]
        if i == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1

    def event_features(self, events: Sequence[Event], sentences: Sequence[Sentence]
                       ) -> list[dict[str, float]]:
        """The features of each event of one article."""
        per_sentence: dict[int, int] = {}
        for e in events:
            per_sentence[e.sentence] = per_sentence.get(e.sentence, 0) + 1
        out = []
        for e in events:
            chars = len(sentences[e.sentence].text) if 0 <= e.sentence < len(sentences) else 0
            precision, seen = self.rule_precision(e.rule)
            out.append(features(e, chars, per_sentence[e.sentence], precision, seen))
        return out

    def score(self, events: list[Event], sentences: Sequence[Sentence]) -> list[Event]:
        """The events with their ``confidence`` (unchanged when no model is trained)."""
        if not self.trained or not events:
            return events
        feats = self.event_features(events, sentences)
        return [replace(e, confidence=round(self.calibrated(self.raw(f)), 4))
                for e, f in zip(events, feats, strict=True)]


def model_document(model: ConfidenceModel, **about: Any) -> dict[str, Any]:
    """The data file's content for a model (what the training script writes)."""
    return {
        "version": 1, **about,
        "intercept": round(model.intercept, 6),
        "weights": {k: round(v, 6) for k, v in sorted(model.weights.items())},
        "prior": round(model.prior, 6), "smoothing": model.smoothing,
        "families": {k: round(v, 6) for k, v in sorted(model.families.items())},
        "rules": {k: [r, n] for k, (r, n) in sorted(model.rules.items())},
        "calibration": {"x": [round(x, 6) for x in model.xs],
                        "y": [round(y, 6) for y in model.ys]},
    }
