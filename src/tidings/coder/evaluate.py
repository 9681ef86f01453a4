"""Scoring the coder against human-coded gold files (`tidings eval`).

Gold files are JSONL, one sentence per line, with `text`, `date`, `expected` (a list of
{source, target, code and/or plover, accept?}), `no_events` and `evaluate`. Events are matched
one-to-one inside each sentence; precision, recall and F1 are micro-averaged.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.coder.core import Coder
from tidings.coder.reliability import format_reliability
from tidings.knowledge.ontology import Ontology
from tidings.records import Article, Event
from tidings.sources.base import parse_date

LEVELS = ("root", "dyad_root", "exact", "plover", "counts")
UNKNOWN_ACTOR = {None, "", "---"}


@dataclass(slots=True)
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    sentences: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "predicted": self.predicted,
                "gold": self.gold, "sentences": self.sentences}


@dataclass(slots=True)
class Miss:
    record_id: str
    text: str
    gold: list[str]
    predicted: list[str]


@dataclass(slots=True)
class Report:
    name: str
    records: int = 0
    skipped: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    confusion: Counter = field(default_factory=Counter)  # (gold root, predicted root) -> n
    misses: list[Miss] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # "code", "plover", "counts": what it codes
    # counts given on sentences whose gold states none, and sides right of counts matched
    counts_invented: int = 0
    count_sides: list[int] = field(default_factory=lambda: [0, 0])
    # (confidence, right at root level) of every event that has a confidence
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.name, "records": self.records, "skipped": self.skipped,
            "levels": {lv: s.as_dict() for lv, s in self.scores.items() if s.sentences},
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            **({"counts_invented": self.counts_invented,
                "count_sides_right": self.count_sides[0],
                "count_sides_scored": self.count_sides[1]} if "counts" in self.kinds else {}),
        }


def _actor3(code: str | None) -> str:
    if code in UNKNOWN_ACTOR:
        return "---"
    return str(code)[:3]


def _match(gold: list[tuple[frozenset, ...]], pred: list[tuple]) -> int:
    """One-to-one matching: a gold item is a tuple of accepted value sets per field."""
    used = [False] * len(pred)
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if not used[j] and all(pv in gv for gv, pv in zip(g, p, strict=True)):
                used[j] = True
                tp += 1
                break
    return tp


def _codes(ev: dict) -> frozenset[str]:
    codes = {str(ev["code"])} if ev.get("code") else set()
    codes.update(str(c) for c in ev.get("accept") or ())
    return frozenset(codes)


def score_record(rec: dict, events: list[Event], ontology: Ontology, report: Report) -> None:
    expected = [e for e in rec.get("expected") or [] if isinstance(e, dict)]
    # A sentence with no gold events is scored at the levels its file is coded in.
    has_codes = any(e.get("code") for e in expected) or (not expected and "code" in report.kinds)
    has_plover = any(e.get("plover") for e in expected) or (
        not expected and "plover" in report.kinds)
    gold_desc = [f"{e.get('source')}->{e.get('target')} {e.get('code') or ''}"
                 f"{' ' + e['plover'] if e.get('plover') else ''}" for e in expected]
    pred_desc = [f"{ev.source.code}->{ev.target_code} {ev.code} {ev.plover or ''}".rstrip()
                 for ev in events]
    wrong = False

    def level(name: str, gold: list[tuple], pred: list[tuple]) -> None:
        nonlocal wrong
        s = report.scores[name]
        s.sentences += 1
        tp = _match(gold, pred)
        s.tp += tp
        s.predicted += len(pred)
        s.gold += len(gold)
        if tp != len(gold) or tp != len(pred):
            wrong = True

    if has_codes:
        coded = [e for e in expected if e.get("code")]
        level("root", [(frozenset(c[:2] for c in _codes(e)),) for e in coded],
              [(ev.root,) for ev in events])
        known = coded and all(e.get("source") not in (None,) and e.get("target") is not None
                              for e in coded)
        if known or not coded:
            level("dyad_root",
                  [(frozenset({_actor3(e["source"])}), frozenset({_actor3(e["target"])}),
                    frozenset(c[:2] for c in _codes(e))) for e in coded],
                  [(_actor3(ev.source.code), _actor3(ev.target_code), ev.root) for ev in events])
            level("exact",
                  [(frozenset({e["source"] or "---"}), frozenset({e["target"] or "---"}),
                    _codes(e)) for e in coded],
                  [(ev.source.code, ev.target_code, ev.code) for ev in events])
        _confuse(report, [c for e in coded for c in [str(e["code"])[:2]]],
                 [ev.root for ev in events])
        report.confidences += [(ev.confidence, right) for ev, right in
                               zip(events, root_labels(rec, events), strict=True)
                               if ev.confidence is not None]
    if has_plover:
        pl = [e for e in expected if e.get("plover")]
        level("plover",
              [(frozenset({_actor3(e.get("source"))}), frozenset({_actor3(e.get("target"))}),
                frozenset({ontology.plover_name(e["plover"])})) for e in pl],
              [(_actor3(ev.source.code), _actor3(ev.target_code), ev.plover) for ev in events])
    if "counts" in report.kinds and isinstance(rec.get("counts"), list):
        gold_counts = [c for c in rec["counts"] if isinstance(c, dict)]
        got = [c for ev in events for c in ev.counts]
        key = _count_key
        level("counts", [tuple(frozenset({v}) for v in key(c)) for c in gold_counts],
              [key(c.to_dict()) for c in got])
        if not gold_counts:
            report.counts_invented += len(got)
        _score_sides(report, gold_counts, [c.to_dict() for c in got])
        gold_desc += [f"[{' '.join(map(str, key(c)))}]" for c in gold_counts]
        pred_desc += [f"[{' '.join(map(str, key(c.to_dict())))}]" for c in got]
    if wrong:
        report.misses.append(Miss(str(rec.get("id")), rec.get("text", ""), gold_desc, pred_desc))


def root_labels(rec: dict, events: list[Event]) -> list[bool]:
    """Whether each event is right at root level: matched one-to-one to a gold event of the
    record with the same root (as the root level of the scores matches them)."""
    gold = [frozenset(c[:2] for c in _codes(e)) for e in rec.get("expected") or []
            if isinstance(e, dict) and e.get("code")]
    used = [False] * len(gold)
    out = []
    for ev in events:
        j = next((j for j, g in enumerate(gold) if not used[j] and ev.root in g), None)
        if j is not None:
            used[j] = True
        out.append(j is not None)
    return out


def _count_key(c: dict) -> tuple:
    """What a count must get right: kind, number and bound (and a range's top)."""
    bound = c.get("bound") or "exact"
    return (c.get("kind"), int(c.get("number") or 0), bound,
            c.get("high") if bound == "range" else None)


def _score_sides(report: Report, gold: list[dict], got: list[dict]) -> None:
    """Of the counts matched, how many name the side the gold names."""
    rest = list(got)
    for g in gold:
        for p in rest:
            if _count_key(p) == _count_key(g):
                rest.remove(p)
                report.count_sides[1] += 1
                report.count_sides[0] += p.get("side") == g.get("side")
                break


def _confuse(report: Report, gold_roots: list[str], pred_roots: list[str]) -> None:
    pred = list(pred_roots)
    rest = []
    for g in gold_roots:
        if g in pred:
            pred.remove(g)
            report.confusion[(g, g)] += 1
        else:
            rest.append(g)
    for g in rest:
        p = pred.pop(0) if pred else "none"
        report.confusion[(g, p)] += 1
    for p in pred:
        report.confusion[("none", p)] += 1


def read_gold(path: Path) -> list[dict]:
    """The records of a gold JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def scored_records(records: list[dict]) -> list[dict]:
    """The records that are scored: with a text, and not marked ``evaluate: false``."""
    return [r for r in records if r.get("evaluate", True) and r.get("text")]


def gold_article(rec: dict, index: int) -> Article:
    """The article a gold record is coded as (its date, when it has a valid one)."""
    try:
        date = parse_date(rec.get("date"))
    except ValueError:
        date = None
    return Article(id=f"{rec.get('id')}#{index}", text=rec["text"], date=date)


def evaluate_file(coder: Coder, path: Path,
                  progress: Callable[[int], None] | None = None) -> Report:
    records = read_gold(path)
    report = Report(name=str(path))
    for r in records:
        for e in r.get("expected") or []:
            if e.get("code"):
                report.kinds.add("code")
            if e.get("plover"):
                report.kinds.add("plover")
        if "counts" in r:
            report.kinds.add("counts")
    usable = scored_records(records)
    report.records = len(usable)
    report.skipped = len(records) - len(usable)
    articles = [gold_article(r, i) for i, r in enumerate(usable)]
    for n, (rec, coded) in enumerate(zip(usable, coder.code_articles(articles), strict=True)):
        score_record(rec, coded.events, coder.ontology, report)
        if progress:
            progress(n + 1)
    return report


def format_report(report: Report, show_misses: int = 20) -> str:
    lines = [f"== {report.name}: {report.records} sentences scored"
             + (f", {report.skipped} marked not to evaluate" if report.skipped else "")]
    lines.append(f"{'level':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"
                 f" {'sents':>5}")
    for lv, s in report.scores.items():
        if s.sentences:
            lines.append(f"{lv:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} "
                         f"{s.predicted:5d} {s.gold:5d} {s.sentences:5d}")
    lines += format_reliability(report.confidences, report.scores["root"].gold)
    if "counts" in report.kinds:
        right, scored = report.count_sides
        lines.append(f"counts given on sentences that state none: {report.counts_invented}; "
                     f"side right on {right} of {scored} counts matched")
    if report.confusion:
        lines.append("root confusion (gold -> predicted: count), errors only:")
        errs = [(k, n) for k, n in report.confusion.items() if k[0] != k[1]]
        errs.sort(key=lambda kv: (-kv[1], kv[0]))
        lines.append("  " + ", ".join(f"{g}->{p}: {n}" for (g, p), n in errs[:40]) or "  none")
    if show_misses and report.misses:
        lines.append(f"sentences with errors ({len(report.misses)}; first {show_misses}):")
        for m in report.misses[:show_misses]:
            lines.append(f"- [{m.record_id}] {m.text[:160]}")
            lines.append(f"    gold: {'; '.join(m.gold) or 'none'}")
            lines.append(f"    got:  {'; '.join(m.predicted) or 'none'}")
    return "\n".join(lines)

