"""Train the event confidence model: src/tidings/data/confidence.yaml.

    python scripts/train_confidence.py            # (needs scikit-learn: pip install -e .[train])

It codes the learning halves of the evaluation sets (never a held-out half), labels each
event right or wrong at root level as `tidings eval` matches them, and fits:

1. each rule's and rule family's precision on those events; a row's own rule precision is
   measured on the other four of five folds of the records, so that the model learns how far
   a measured precision can be trusted rather than copying its own labels;
2. a logistic regression over the features of ``tidings.coder.confidence.features``;
3. an isotonic map from the regression's out-of-fold probabilities to observed precision.

The held-out halves are then scored with `tidings eval`, which prints the reliability table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from tidings import __version__
from tidings.coder.confidence import ConfidenceModel, features, model_document, rule_family
from tidings.coder.core import Coder
from tidings.coder.evaluate import gold_article, read_gold, root_labels, scored_records
from tidings.coder.reliability import expected_calibration_error
from tidings.config import DATA_DIR
from tidings.records import Event

ROOT = Path(__file__).resolve().parent.parent
LEARNING = ("evalsets/blind_news.dev.jsonl", "evalsets/wire_news.jsonl",
            "evalsets/modern_wire.dev.jsonl", "evalsets/counts.dev.jsonl",
            "evalsets/cameo_cover.dev.jsonl", "evalsets/nocount.dev.jsonl",
            "evalsets/plover_news.dev.jsonl", "evalsets/recent_wire.dev.jsonl",
            "evalsets/world_wire.dev.jsonl", "evalsets/archive_wire.dev.jsonl",
            "evalsets/code_ledes.dev.jsonl", "evalsets/plover_types.dev.jsonl",
            "evalsets/people_wire.dev.jsonl", "evalsets/levant_ledes.dev.jsonl",
            "evalsets/south_ledes.dev.jsonl", "evalsets/home_wire.dev.jsonl",
            "evalsets/statecraft_wire.dev.jsonl", "evalsets/daybook_wire.dev.jsonl",
            "../shared/gold/cameo_manual.dev.jsonl")
FOLDS = 5
Row = tuple[int, Event, int, int, bool]  # fold, event, sentence chars, events in sentence, right


def _fold(record_id: str) -> int:
    return int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % FOLDS


def coded_rows(coder: Coder, paths: list[Path]) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        records = [r for r in scored_records(read_gold(path))
                   if any(isinstance(e, dict) and e.get("code") for e in r.get("expected") or [])
                   or r.get("no_events")]
        articles = [gold_article(r, i) for i, r in enumerate(records)]
        for rec, coded in zip(records, coder.code_articles(articles), strict=True):
            per_sentence: dict[int, int] = defaultdict(int)
            for e in coded.events:
                per_sentence[e.sentence] += 1
            fold = _fold(f"{path.name}:{rec.get('id')}")
            for e, right in zip(coded.events, root_labels(rec, coded.events), strict=True):
                chars = len(coded.sentences[e.sentence].text)
                rows.append((fold, e, chars, per_sentence[e.sentence], right))
        print(f"{path}: {len(records)} records", file=sys.stderr)
    return rows


def tables(rows: list[Row]) -> ConfidenceModel:
    """The rule and family precisions of ``rows`` (a model with no weights yet)."""
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, e, _, _, right in rows:
        for table, key in ((rules, e.rule), (families, rule_family(e.rule))):
            table[key][0] += right
            table[key][1] += 1
    prior = sum(r[4] for r in rows) / len(rows) if rows else 0.7
    fam = {k: (r + 5 * prior) / (n + 5) for k, (r, n) in families.items()}
    return ConfidenceModel(rules={k: (r, n) for k, (r, n) in rules.items()}, families=fam,
                           prior=prior)


def feature_dicts(rows: list[Row], crossed: bool) -> list[dict[str, float]]:
    """Each row's features; ``crossed``: its rule precision from the other folds' rows."""
    by_fold = {k: tables([r for r in rows if r[0] != k]) for k in range(FOLDS)} if crossed \
        else {}
    whole = tables(rows)
    out = []
    for fold, e, chars, n, _ in rows:
        model = by_fold.get(fold, whole)
        precision, seen = model.rule_precision(e.rule)
        out.append(features(e, chars, n, precision, seen))
    return out


def train(rows: list[Row]) -> tuple[ConfidenceModel, float]:
    """The model, and the expected calibration error of the regression's out-of-fold
    probabilities before the isotonic map (after it, on the same predictions, it would be
    near 0 by construction: the held-out halves are where calibration is judged)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import PredefinedSplit, cross_val_predict

    labels = [r[4] for r in rows]
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(feature_dicts(rows, crossed=True))
    lr = LogisticRegression(C=1.0, max_iter=2000)
    oof = cross_val_predict(lr, x, labels, cv=PredefinedSplit([r[0] for r in rows]),
                            method="predict_proba")[:, 1]
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(oof, labels)
    xs, ys = _smoothed(iso, oof, labels)
    lr.fit(x, labels)
    base = tables(rows)
    model = ConfidenceModel(
        intercept=float(lr.intercept_[0]),
        weights={name: float(w) for name, w in zip(vec.feature_names_, lr.coef_[0],
                                                   strict=True) if abs(w) > 1e-9},
        rules=base.rules, families=base.families, prior=base.prior,
        xs=xs, ys=ys)
    return model, expected_calibration_error(list(zip(oof, labels, strict=True)))


def _smoothed(iso: object, oof: list[float], labels: list[bool]
              ) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The isotonic map's breakpoints with each block's precision smoothed by one right and
    one wrong pseudo-event ((right + 1) / (events + 2)): a block of six wrong events says
    "rarely right", not "never right", and a confidence is never 0 or 1."""
    xs = [float(v) for v in iso.X_thresholds_]  # type: ignore[attr-defined]
    ys = [float(v) for v in iso.y_thresholds_]  # type: ignore[attr-defined]
    fitted = iso.predict(oof)  # type: ignore[attr-defined]
    blocks: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for value, right in zip(fitted, labels, strict=True):
        blocks[round(float(value), 9)][0] += right
        blocks[round(float(value), 9)][1] += 1
    out: list[float] = []
    for y in ys:
        right, n = blocks.get(round(y, 9), (0, 0))
        value = (right + 1) / (n + 2) if n else y
        out.append(max(value, out[-1]) if out else value)
    return tuple(xs), tuple(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="learning sets (default: all present)")
    ap.add_argument("--out", type=Path, default=DATA_DIR / "confidence.yaml")
    args = ap.parse_args(argv)
    paths = args.sets or [p for s in LEARNING if (p := (ROOT / s).resolve()).is_file()]
    # (the coder's own confidences are not used: features are computed here from the rows)
    rows = coded_rows(Coder(), paths)
    model, ece = train(rows)
    right = sum(r[4] for r in rows)
    print(f"{len(rows)} events, {right} right at root level ({right / len(rows):.3f}); "
          f"the regression's out-of-fold expected calibration error {ece:.3f}", file=sys.stderr)
    doc = model_document(model, trained_on=[p.name for p in paths],
                         trained_at=dt.date.today().isoformat(), code_version=__version__,
                         events=len(rows))
    header = ("# tidings event confidence model: written by scripts/train_confidence.py from "
              "the learning\n# halves of the evaluation sets (see docs/confidence.md). Do "
              "not edit by hand; retrain.\n")
    args.out.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True,
                                                width=100), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
