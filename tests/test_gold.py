"""Regression floors on the public gold dev sets, when they are present next to the checkout
(../shared/gold) or named by TIDINGS_GOLD. Skipped cleanly otherwise: the product never needs
them. The floors sit a little under the figures in docs/accuracy.md, so that a change that
makes the coder worse fails here; they are not targets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tidings.coder.evaluate import evaluate_file

GOLD = Path(os.environ.get("TIDINGS_GOLD", Path(__file__).resolve().parents[2] / "shared/gold"))

FLOORS = [
    ("cameo_manual.dev.jsonl", "root", 0.81),
    ("petr2_gsr.dev.jsonl", "dyad_root", 0.65),
    ("plover_gsr.dev.jsonl", "plover", 0.71),
]


@pytest.mark.parametrize(("name", "level", "floor"), FLOORS, ids=[f[0] for f in FLOORS])
def test_gold_dev_set_floor(coder, name, level, floor):
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"gold file {path} not present")
    report = evaluate_file(coder, path)
    assert report.scores[level].f1 >= floor, report.scores[level].as_dict()


EVALSETS = Path(__file__).resolve().parents[1] / "evalsets"

# The project's own blind sets (evalsets/README.md) ship with the repository, so these always
# run. The test halves (blind_news.test, modern_wire.test, cameo_cover.test, world_wire.test,
# archive_wire.test, code_ledes.test, plover_types.test, people_wire.test, levant_ledes.test,
# south_ledes.test, home_wire.test, statecraft_wire.test, daybook_wire.test)
# are only ever scored.
OWN_FLOORS = [
    ("blind_news.dev.jsonl", "root", 0.80),
    ("blind_news.test.jsonl", "root", 0.76),
    ("blind_news.test.jsonl", "dyad_root", 0.63),
    ("wire_news.jsonl", "root", 0.63),
    ("modern_wire.dev.jsonl", "root", 0.63),
    ("modern_wire.test.jsonl", "root", 0.61),
    ("modern_wire.test.jsonl", "dyad_root", 0.48),
    ("cameo_cover.dev.jsonl", "root", 0.68),
    ("cameo_cover.test.jsonl", "root", 0.68),
    ("cameo_cover.test.jsonl", "dyad_root", 0.57),
    ("world_wire.dev.jsonl", "root", 0.66),
    ("world_wire.test.jsonl", "root", 0.68),
    ("world_wire.test.jsonl", "dyad_root", 0.54),
    ("archive_wire.dev.jsonl", "root", 0.66),
    ("archive_wire.test.jsonl", "root", 0.70),
    ("archive_wire.test.jsonl", "dyad_root", 0.56),
    ("code_ledes.dev.jsonl", "root", 0.68),
    ("code_ledes.test.jsonl", "root", 0.68),
    ("code_ledes.test.jsonl", "dyad_root", 0.57),
    ("plover_types.dev.jsonl", "root", 0.74),
    ("plover_types.test.jsonl", "root", 0.74),
    ("plover_types.test.jsonl", "plover", 0.65),
    ("people_wire.dev.jsonl", "root", 0.74),
    ("people_wire.test.jsonl", "root", 0.72),
    ("people_wire.test.jsonl", "dyad_root", 0.63),
    ("levant_ledes.dev.jsonl", "root", 0.78),
    ("levant_ledes.test.jsonl", "root", 0.70),
    ("levant_ledes.test.jsonl", "dyad_root", 0.57),
    ("south_ledes.dev.jsonl", "root", 0.75),
    ("south_ledes.test.jsonl", "root", 0.72),
    ("south_ledes.test.jsonl", "dyad_root", 0.58),
    ("home_wire.dev.jsonl", "root", 0.70),
    ("home_wire.test.jsonl", "root", 0.69),
    ("home_wire.test.jsonl", "dyad_root", 0.59),
    ("statecraft_wire.dev.jsonl", "root", 0.66),
    ("statecraft_wire.test.jsonl", "root", 0.63),
    ("statecraft_wire.test.jsonl", "dyad_root", 0.50),
    ("daybook_wire.dev.jsonl", "root", 0.68),
    ("daybook_wire.test.jsonl", "root", 0.70),
    ("daybook_wire.test.jsonl", "dyad_root", 0.58),
]


@pytest.mark.parametrize(("name", "level", "floor"), OWN_FLOORS,
                         ids=[f"{f[0]}:{f[1]}" for f in OWN_FLOORS])
def test_own_blind_set_floor(coder, name, level, floor):
    report = evaluate_file(coder, EVALSETS / name)
    assert report.scores[level].f1 >= floor, report.scores[level].as_dict()
