"""Time series of the events between two actors: counts by quad class and Goldstein sums per
day, week, month or year. The API refuses a series of more than ``limits.MAX_PERIODS``
periods (``period_count`` says how many one would have) before making it;
``auto_interval`` picks the finest interval that keeps a series short enough to draw."""

import datetime as dt
from typing import Any

INTERVALS = ("day", "week", "month", "year")
AUTO_PERIODS = 200  # the most periods interval=auto gives (unless even years are more)


def _bucket(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())  # the Monday of its ISO week
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def _next_bucket(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day + dt.timedelta(days=7)
    if interval == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if interval == "year":
        return day.replace(year=day.year + 1, month=1, day=1)
    return day + dt.timedelta(days=1)


def period_count(first: dt.date, last: dt.date, interval: str) -> int:
    """The number of periods from the one of ``first`` to the one of ``last``, both in."""
    a, b = _bucket(first, interval), _bucket(last, interval)
    if interval == "month":
        return (b.year - a.year) * 12 + b.month - a.month + 1
    if interval == "year":
        return b.year - a.year + 1
    return (b - a).days // (7 if interval == "week" else 1) + 1


def series(rows: list[tuple[dt.date, int, float]], interval: str) -> list[dict[str, Any]]:
    """One entry per period from the first to the last period with events (gaps as zeros)."""
    acc: dict[dt.date, dict[str, Any]] = {}
    for day, quad, goldstein in rows:
        p = acc.setdefault(_bucket(day, interval),
                           {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "count": 0, "sum": 0.0})
        if 1 <= quad <= 4:
            p[f"q{quad}"] += 1
        p["count"] += 1
        p["sum"] += float(goldstein)
    out: list[dict[str, Any]] = []
    if not acc:
        return out
    period, last = min(acc), max(acc)
    while period <= last:
        p = acc.get(period, {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "count": 0, "sum": 0.0})
        n = p["count"]
        out.append({"period": period.isoformat(), "q1": p["q1"], "q2": p["q2"], "q3": p["q3"],
                    "q4": p["q4"], "count": n, "goldstein_sum": round(p["sum"], 6),
                    "goldstein_mean": round(p["sum"] / n, 6) if n else None})
        if period == last:  # the next period of 9999-12-31 is no date
            break
        period = _next_bucket(period, interval)
    return out


def auto_interval(first: dt.date, last: dt.date) -> str:
    """The finest of day, week, month and year in which ``first`` to ``last`` is at most
    ``AUTO_PERIODS`` periods (year when none is)."""
    for interval in INTERVALS:
        if period_count(first, last, interval) <= AUTO_PERIODS:
            return interval
    return "year"
