"""How well an event's confidence says how often it is right: the reliability table
(confidence bins against observed precision), the expected calibration error, and precision
and recall over confidence thresholds. Used by ``tidings eval`` and the training script."""

from __future__ import annotations

from collections.abc import Sequence

BINS = 10


def reliability_bins(pairs: Sequence[tuple[float, bool]], bins: int = BINS
                     ) -> list[tuple[float, float, int, float, float]]:
    """(low, high, events, mean confidence, observed precision) per non-empty bin."""
    out = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if low <= p < high or (b == bins - 1 and p == 1.0)]
        if inside:
            out.append((low, high, len(inside), sum(p for p, _ in inside) / len(inside),
                        sum(y for _, y in inside) / len(inside)))
    return out


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = BINS
                               ) -> float:
    """The events' weighted mean gap between confidence and precision, bin by bin."""
    if not pairs:
        return 0.0
    return sum(n * abs(conf - prec) for _, _, n, conf, prec in reliability_bins(pairs, bins)
               ) / len(pairs)


def threshold_curve(pairs: Sequence[tuple[float, bool]], gold: int,
                    thresholds: Sequence[float] = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
                    ) -> list[tuple[float, int, float, float]]:
    """(threshold, events kept, precision, recall) keeping events with confidence >= it;
    recall is against ``gold`` events."""
    out = []
    for t in thresholds:
        kept = [y for p, y in pairs if p >= t]
        right = sum(kept)
        out.append((t, len(kept), right / len(kept) if kept else 0.0,
                    right / gold if gold else 0.0))
    return out


def format_reliability(pairs: Sequence[tuple[float, bool]], gold: int) -> list[str]:
    """The reliability table and threshold curve as report lines."""
    if not pairs:
        return []
    lines = [f"confidence (root level): {len(pairs)} events, expected calibration error "
             f"{expected_calibration_error(pairs):.3f}",
             f"  {'bin':<9} {'events':>6} {'conf':>6} {'right':>6}"]
    for low, high, n, conf, prec in reliability_bins(pairs):
        lines.append(f"  {low:.1f}-{high:.1f}   {n:6d} {conf:6.3f} {prec:6.3f}")
    lines.append(f"  {'>= t':<9} {'events':>6} {'P':>6} {'R':>6}")
    for t, n, p, r in threshold_curve(pairs, gold):
        lines.append(f"  {t:<9.1f} {n:6d} {p:6.3f} {r:6.3f}")
    return lines
