"""The evidence of an event: each mention's sentence, with the actors and the action marked."""

import html
import json
from typing import Any

from tidings.web.params import jsonable


def _local_span(start: int | None, end: int | None, s_start: int | None,
                s_end: int | None) -> list[int] | None:
    """An article span as offsets within its sentence; None when missing or outside it."""
    if start is None or end is None or s_start is None or s_end is None:
        return None
    a, b = max(start, s_start) - s_start, min(end, s_end) - s_start
    return [a, b] if 0 <= a < b else None


def highlight(text: str, spans: dict[str, list[int] | None]) -> str:
    """The sentence as escaped HTML with <mark class="..."> around each span. Spans that are
    missing, empty or out of range are left out; a span that crosses one already placed
    (source first, then target, then action) is left out; nested and equal spans nest."""
    placed: list[tuple[int, int, int, str]] = []
    for prio, name in enumerate(("source", "target", "action")):
        span = spans.get(name)
        if not span:
            continue
        a, b = max(0, span[0]), min(len(text), span[1])
        if a >= b:
            continue
        if any(a < e and s < b and not (s <= a and b <= e) and not (a <= s and e <= b)
               for s, e, _, _ in placed):
            continue
        placed.append((a, b, prio, name))
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    for a, b, _, name in sorted(placed, key=lambda p: (p[0], -p[1], p[2])):
        while stack and stack[-1] <= a:
            end = stack.pop()
            out += [html.escape(text[pos:end]), "</mark>"]
            pos = end
        out += [html.escape(text[pos:a]), f'<mark class="{name}">']
        pos = a
        stack.append(b)
    while stack:
        end = stack.pop()
        out += [html.escape(text[pos:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def counts_json(text: str | None) -> list[dict[str, Any]] | None:
    """The JSON text of a row's ``counts`` as a list (None for none): for an event, its
    figure of each kind with the reports behind it; for a mention, its report's counts."""
    return json.loads(text) if text else None


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as the API gives it: dates in ISO 8601, ``counts`` as a list."""
    out = {c: jsonable(v) for c, v in row.items()}
    if "counts" in out:
        out["counts"] = counts_json(out["counts"])
    return out


def mention_json(m: dict[str, Any]) -> dict[str, Any]:
    """A mention (a row of ``Reader.evidence``) as the API shows it: spans within its
    sentence and the sentence highlighted."""
    s_start, s_end = m["sentence_start"], m["sentence_end"]
    spans = {side: _local_span(m[f"{side}_start"], m[f"{side}_end"], s_start, s_end)
             for side in ("source", "target", "action")}
    text = m["sentence"]
    return {
        "mention_id": m["mention_id"], "article_id": m["article_id"], "url": m["url"],
        "source_name": m["source_name"], "published": jsonable(m["published"]),
        "sentence_index": m["sentence_index"], "sentence": text, "spans": spans,
        "source_text": m["source_text"], "target_text": m["target_text"],
        "action_text": m["action_text"], "code": m["code"], "rule": m["rule"],
        "date_source": m["date_source"], "counts": counts_json(m.get("counts")),
        "confidence": m.get("confidence"),
        "highlighted": highlight(text, spans) if text is not None else None,
    }
