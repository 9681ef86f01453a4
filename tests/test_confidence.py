"""The calibrated confidence of every event (coder/confidence.py, data/confidence.yaml) and
the reliability report of `tidings eval` (coder/reliability.py)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import jsonschema
import pytest
import yaml

from tidings.coder.confidence import ConfidenceModel, actor_kind, features, rule_family
from tidings.coder.evaluate import (
    evaluate_file,
    format_report,
    gold_article,
    read_gold,
    root_labels,
)
from tidings.coder.reliability import (
    expected_calibration_error,
    reliability_bins,
    threshold_curve,
)
from tidings.config import DATA_DIR
from tidings.records import Actor, Event

ROOT = Path(__file__).resolve().parent.parent
MODEL = DATA_DIR / "confidence.yaml"


def _event(rule: str = "verbs:111:criticize", target: bool = True, root: str = "11") -> Event:
    src = Actor("IRNGOV", "Iran", 0, 4, "country:Iran+agent:government", "IRN", "GOV")
    tgt = Actor("USA", "Washington", 14, 24, "capital:Washington", "USA") if target else None
    return Event(src, tgt, root + "1", root, 3, -2.0, None, "criticized", 5, 15, 0, rule)


# -- the data file --------------------------------------------------------------------------------
def test_model_file_follows_its_schema_and_its_map_rises() -> None:
    doc = yaml.safe_load(MODEL.read_text(encoding="utf-8"))
    schema = json.loads((DATA_DIR / "schemas" / "confidence.schema.json").read_text())
    jsonschema.validate(doc, schema)
    xs, ys = doc["calibration"]["x"], doc["calibration"]["y"]
    assert len(xs) == len(ys) >= 2
    assert xs == sorted(xs) and ys == sorted(ys)
    assert 0 < ys[0] and ys[-1] < 1  # (no event is ever certain, right or wrong)
    assert not any(k.startswith("first_sentence") for k in doc["weights"])


# -- the model ------------------------------------------------------------------------------------
def test_rule_family_and_actor_kind() -> None:
    assert rule_family("verbs:111:criticize") == "verbs"
    assert rule_family("weapon:drone>verbs") == "weapon"
    assert actor_kind("country:Iran+agent:government") == "country"
    assert actor_kind(None) == "none"


def test_features_describe_how_the_event_was_made() -> None:
    f = features(_event(), 120, 2, 0.9, 10)
    assert f["family=verbs"] == f["root=11"] == f["source=country"] == 1.0
    assert f["target=capital"] == f["source_compound"] == 1.0
    assert f["sentence_length"] == pytest.approx(0.6)
    assert f["events_in_sentence"] == pytest.approx(0.25)
    assert features(_event(target=False), 120, 1, 0.9, 10)["target=missing"] == 1.0


def test_scoring_is_a_logistic_regression_then_the_calibration_map() -> None:
    model = ConfidenceModel(intercept=0.0, weights={"target=missing": -2.0},
                            xs=(0.1, 0.5, 0.9), ys=(0.2, 0.6, 0.8))
    assert model.raw({"target=capital": 1.0}) == pytest.approx(0.5)
    assert model.raw({"target=missing": 1.0}) == pytest.approx(1 / (1 + math.e ** 2))
    assert model.calibrated(0.5) == pytest.approx(0.6)
    assert model.calibrated(0.7) == pytest.approx(0.7)  # (between breakpoints: linear)
    assert model.calibrated(0.01) == 0.2 and model.calibrated(0.99) == 0.8  # (clipped)


def test_a_rule_seldom_seen_leans_on_its_family() -> None:
    model = ConfidenceModel(rules={"verbs:a": (1, 1), "verbs:b": (90, 100)},
                            families={"verbs": 0.6}, smoothing=5.0)
    assert model.rule_precision("verbs:a")[0] == pytest.approx((1 + 3) / 6)
    assert model.rule_precision("verbs:b")[0] == pytest.approx((90 + 3) / 105)
    assert model.rule_precision("verbs:never")[0] == pytest.approx(0.6)


def test_an_untrained_model_leaves_events_unscored() -> None:
    assert ConfidenceModel().score([_event()], []) == [_event()]


@pytest.mark.slow
def test_every_coded_event_has_a_confidence(coder) -> None:
    events = coder.code_text("Iran accused Israel of sabotage at the Natanz site and the "
                             "United States imposed new sanctions on Iran.", date="2021-04-12")
    assert events
    assert all(e.confidence is not None and 0 < e.confidence < 1 for e in events)
    assert all(e.to_dict()["confidence"] == e.confidence for e in events)


# -- the reliability report ----------------------------------------------------------------------
def test_reliability_bins_and_calibration_error() -> None:
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, True)] * 2 + [(0.3, False)] * 8
    bins = reliability_bins(pairs)
    assert [(n, round(c, 2), round(p, 2)) for _, _, n, c, p in bins] == [
        (10, 0.3, 0.2), (10, 0.9, 0.9)]
    assert expected_calibration_error(pairs) == pytest.approx(0.05)
    curve = {t: (n, p, r) for t, n, p, r in threshold_curve(pairs, gold=20)}
    assert curve[0.8] == (10, 0.9, 0.45)
    assert curve[0.0][0] == 20


def test_labels_match_events_to_gold_one_to_one_by_root() -> None:
    rec = {"expected": [{"source": "IRN", "target": "USA", "code": "111"}]}
    assert root_labels(rec, [_event(), _event()]) == [True, False]
    assert root_labels(rec, [_event(root="19")]) == [False]


@pytest.mark.slow
def test_eval_prints_the_reliability_table(coder) -> None:
    report = evaluate_file(coder, ROOT / "evalsets" / "blind_news.dev.jsonl")
    text = format_report(report, show_misses=0)
    assert "expected calibration error" in text
    assert ">= t" in text


@pytest.mark.slow
def test_held_out_confidences_are_calibrated(coder) -> None:
    """The issue's bars, on the held-out halves of the blind sets (never learnt from): an
    expected calibration error of at most 0.08, and events given 0.8 or more right at root
    level at least 85% of the time. (Retrain with scripts/train_confidence.py when the coder
    changes enough to move them.)"""
    pairs: list[tuple[float, bool]] = []
    for name in ("blind_news", "modern_wire", "counts", "cameo_cover", "nocount", "plover_news",
                 "recent_wire", "world_wire", "archive_wire", "code_ledes", "plover_types",
                 "people_wire", "levant_ledes", "south_ledes", "home_wire",
                 "statecraft_wire", "daybook_wire"):
        records = read_gold(ROOT / "evalsets" / f"{name}.test.jsonl")
        articles = [gold_article(r, i) for i, r in enumerate(records)]
        for rec, coded in zip(records, coder.code_articles(articles), strict=True):
            labels = root_labels(rec, coded.events)
            pairs += [(e.confidence, y) for e, y in zip(coded.events, labels, strict=True)]
    assert expected_calibration_error(pairs) <= 0.08
    high = [y for p, y in pairs if p >= 0.8]
    assert len(high) >= 100 and sum(high) / len(high) >= 0.85
