"""Counts put on the events they describe.

A count goes on the event of its own sentence whose root its kind allows (counts.yaml:
``roots``) and whose action word is nearest the count's word in the parse ("struck a market,
killing 25": the strike). A count in a sentence without such an event describes the story so
far. A toll ("The death toll rose to 52, officials said.") goes on the last such event before
it and replaces a figure of the same kind that event had from an earlier sentence (the toll
was updated); other people counted ("20 hostages were killed") go on the last such event
without a figure of their kind, if there is one. Each count goes on one event only, so an
article's toll is not repeated on every event of the article.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from tidings.coder.counts.finder import Found
from tidings.records import COUNT_KINDS, Count, Event


def _path(tok: Token) -> list[int]:
    return [tok.i, *(a.i for a in tok.ancestors)]


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the parse (through their lowest common
    ancestor); tokens of different trees are far apart."""
    pa, pb = _path(a), _path(b)
    where = {i: n for n, i in enumerate(pa)}
    for n, i in enumerate(pb):
        if i in where:
            return where[i] + n
    return 1000 + abs(a.i - b.i)


def attach_counts(doc: Doc, events: list[Event], found: list[Found],
                  roots: dict[str, frozenset[str]]) -> list[Event]:
    """``events`` with the counts of ``found`` on the events they describe."""
    if not found or not events:
        return events
    starts = {t.idx: t for t in doc}

    def action(e: Event) -> Token | None:
        return starts.get(e.action_start)

    chosen: dict[int, dict[str, tuple[int, Count]]] = {}
    for f in sorted(found, key=lambda f: (f.sentence, f.count.start)):
        allowed = roots.get(f.count.kind, frozenset())
        same = [i for i, e in enumerate(events)
                if e.sentence == f.sentence and e.root in allowed]
        if same:
            def near(i: int, f: Found = f) -> tuple[bool, int, int]:
                tok = action(events[i])
                far = _distance(f.anchor, tok) if tok is not None else 999
                return (not events[i].asserted, far, abs(events[i].action_start - f.count.start))
            target = min(same, key=near)
        else:
            before = [i for i, e in enumerate(events)
                      if e.sentence < f.sentence and e.root in allowed and e.asserted]
            if not before:
                continue
            # A toll ("the death toll rose to 52") updates the story's last figure; other
            # people counted later ("20 hostages were killed") are those of the last event
            # that has no figure of the kind yet, if there is one.
            # A count over a period ("more than 150,000 have been killed since 2015") is
            # no update of the day's figure: it may only go where there is none.
            kind = f.count.kind
            fresh = [i for i in before if kind not in chosen.get(i, {})]
            if f.period and not fresh:
                continue
            pool = before if f.toll or not fresh else fresh
            target = max(pool, key=lambda i: (events[i].sentence, events[i].action_start))
        slot = chosen.setdefault(target, {})
        old = slot.get(f.count.kind)
        if old is None or old[0] < f.sentence:  # (a later sentence updates the figure)
            slot[f.count.kind] = (f.sentence, f.count)
    out = list(events)
    for i, slot in chosen.items():
        counts = tuple(slot[k][1] for k in COUNT_KINDS if k in slot)
        out[i] = replace(out[i], counts=counts)
    return out
