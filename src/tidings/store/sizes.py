"""An event's counts merged from the reports of it: each mention row keeps its own report's
figures; the event row keeps, for each kind, the highest figure any report gave (with its
bound), and the detail of all of them.

"Highest" compares the number a report gives (the top of a range, if a range): one report of
"at least 8 dead" and a later one of "52 dead" make the event's ``dead`` 52, bound "exact",
given by one report of two. A report is an article: the same article's several mentions of the
event count once (its highest figure).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from tidings.records import COUNT_KINDS, Count
from tidings.store.schema import counts_from_json


def _top(count: Count) -> int:
    return count.high if count.bound == "range" and count.high is not None else count.number


def merged_counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The event row's count columns (``dead``, ``dead_bound``, ... and ``counts``) from its
    mention rows (each with ``article_id`` and its ``counts`` JSON)."""
    by_kind: dict[str, dict[str, Count]] = {}  # kind -> article -> the article's figure
    for row in rows:
        for c in counts_from_json(row.get("counts")):
            reports = by_kind.setdefault(c.kind, {})
            old = reports.get(row["article_id"])
            if old is None or _top(c) > _top(old):
                reports[row["article_id"]] = c
    out: dict[str, Any] = {}
    detail = []
    for kind in COUNT_KINDS:
        given = by_kind.get(kind)
        if not given:
            out[kind] = out[f"{kind}_bound"] = None
            continue
        best = max(given.values(), key=_top)
        out[kind], out[f"{kind}_bound"] = best.number, best.bound
        detail.append({
            "kind": kind, "number": best.number, "bound": best.bound, "high": best.high,
            # (the side of the highest figure, else the side another report named)
            "side": best.side or next((c.side for c in given.values() if c.side), None),
            "reports": sum(_top(c) == _top(best) for c in given.values()),
            "figures": [{"article_id": a, "number": c.number, "bound": c.bound,
                         "high": c.high, "text": c.text}
                        for a, c in sorted(given.items())],
        })
    out["counts"] = json.dumps(detail, ensure_ascii=False) if detail else None
    return out
