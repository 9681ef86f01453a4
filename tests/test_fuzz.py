"""Generated records thrown at `tidings code` and `tidings ingest` (both databases): random
types in every field, random unicode with NUL and unpaired surrogates, dates at the ends of the
calendar, huge and empty texts, lines that are not JSON. No input may crash a run, every valid
record is coded and stored once, and every other one is reported on its own line.

The seed and the count are fixed for CI; TIDINGS_FUZZ_SEED and TIDINGS_FUZZ_COUNT change them
(to explore: `TIDINGS_FUZZ_SEED=$RANDOM make test-fast`... the test is slow-marked, run it by
name)."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tidings.cli import EXIT_SKIPPED, main

from .databases import BACKENDS, fresh_db
from .test_reliability import SENTENCES, _stored_ids

SEED = int(os.environ.get("TIDINGS_FUZZ_SEED", "20261205"))
COUNT = int(os.environ.get("TIDINGS_FUZZ_COUNT", "150"))

# Characters a valid text may carry besides English words: accents, other scripts in names,
# symbols, emoji, directional marks, non-breaking and zero-width spaces.
_GARNISH = "éüñçøßłğş—–…«»€£¥°±×÷©®™✓★☆♥🙂🇺🇦東京Москва\u200b\u200e\u00a0\t"
_ODD_VALUES: list[Any] = [5, -1.5, True, False, [], ["a"], {}, {"k": "v"}, 10**30]


def _text(rng: random.Random) -> str:
    parts = rng.sample(SENTENCES, rng.randint(1, 4))
    text = " ".join(parts)
    for _ in range(rng.randint(0, 4)):  # a few odd characters, never a whole foreign text
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_GARNISH) + text[at:]
    return text


def _date(rng: random.Random) -> Any:
    year = rng.choice([1, 2, 1900, 1979, 2015, 2024, 2099, 9998, 9999])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    shape = rng.randrange(5)
    if shape == 0:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if shape == 1:
        return f"{year:04d}{month:02d}{day:02d}"
    if shape == 2:
        return f"{year:04d}-{month:02d}-{day:02d}T23:59:59Z"
    return None if shape == 3 else rng.choice(["0001-01-01", "9999-12-31"])


def _valid(rng: random.Random, n: int) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": f"ok-{n}" if rng.random() < 0.8 else 10_000 + n,
                           "text": _text(rng)}
    if rng.random() < 0.5:
        rec["text"] += rng.choice([" It happened last week.", " Talks resume next week.",
                                   " The attack came on Monday."])
    for key in ("date", "url", "title", "source"):
        if rng.random() < 0.6:
            rec[key] = _date(rng) if key == "date" else rng.choice(
                [None, "", f"{key} {n} {rng.choice(_GARNISH)}"])
    if rng.random() < 0.03:  # long, but under the limit: parsed in pieces
        rec["text"] = "\n\n".join(_text(rng) for _ in range(400))
    return rec


def _surrogate(rng: random.Random) -> str:
    return chr(rng.randint(0xD800, 0xDFFF))


# Each turns a valid record into an invalid one (and says which field it broke).
_DEFECTS: list[Callable[[random.Random, dict[str, Any]], None]] = [
    lambda rng, r: r.update({rng.choice(["url", "title", "source"]): rng.choice(_ODD_VALUES)}),
    lambda rng, r: r.update(id=rng.choice([[1], {"a": 1}, True, 1.5])),
    lambda rng, r: r.update(text=rng.choice([None, 5, ["text"], {"t": 1}, "", "   \n\t "])),
    lambda rng, r: r.update(text=_insert(rng, r["text"], "\x00")),
    lambda rng, r: r.update(text=_insert(rng, r["text"], _surrogate(rng))),
    lambda rng, r: r.update({rng.choice(["title", "source", "url"]): _surrogate(rng)}),
    lambda rng, r: r.update(date=rng.choice(["99999999", "2024-02-30", "0000-01-01",
                                             "10000-01-01", "yesterday", "", "12.5", "x" * 500])
                            or "not a date"),
    lambda rng, r: r.update(text="Iran accused Israel. " * 60_000),  # over a million characters
    lambda rng, r: r.update(text="".join(chr(rng.choice([rng.randint(0x4E00, 0x9FFF),
                                                         rng.randint(0x0400, 0x04FF)]))
                                         for _ in range(rng.randint(4, 400)))),
]


def _insert(rng: random.Random, text: Any, char: str) -> str:
    text = str(text)
    at = rng.randrange(len(text) + 1)
    return text[:at] + char + text[at:]


def generate(seed: int, count: int) -> tuple[list[bytes], set[str], list[int]]:
    """JSONL lines (bytes), the ids of the valid records, the line numbers of the others."""
    rng = random.Random(seed)
    lines: list[bytes] = []
    valid: set[str] = set()
    invalid: list[int] = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.05:  # not a JSON object at all
            lines.append(rng.choice([b"{", b"[1, 2]", b"null", b'"text"', b"\xff\xfe\x00bad",
                                     b'{"text": "unterminated', b"[" * 5000 + b"]" * 5000]))
            invalid.append(n + 1)
            continue
        rec = _valid(rng, n)
        if roll < 0.45:
            rng.choice(_DEFECTS)(rng, rec)
            invalid.append(n + 1)
        else:
            valid.add(str(rec["id"]))
        lines.append(json.dumps(rec).encode("utf-8"))
    return lines, valid, invalid


def _write(tmp_path: Path) -> tuple[Path, set[str], list[int]]:
    lines, valid, invalid = generate(SEED, COUNT)
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path, valid, invalid


def test_the_generator_makes_both_kinds():
    _, valid, invalid = generate(SEED, COUNT)
    assert len(valid) > COUNT // 3 and len(invalid) > COUNT // 4


@pytest.mark.slow
def test_code_survives_generated_records(tmp_path, capsys):
    path, valid, invalid = _write(tmp_path)
    out = tmp_path / "out.jsonl"
    status = main(["code", str(path), "--format", "jsonl", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == EXIT_SKIPPED and "Traceback" not in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows if "error" not in r} == valid
    reported = sorted(int(r["origin"].rsplit(":", 1)[1]) for r in rows if "error" in r)
    assert reported == invalid


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_survives_generated_records(backend, tmp_path, capsys):
    path, valid, invalid = _write(tmp_path)
    with fresh_db(backend, tmp_path) as db:
        status = main(["--db", db, "ingest", str(path)])
        err = capsys.readouterr().err
        assert status == EXIT_SKIPPED and "Traceback" not in err
        assert _stored_ids(db) == valid
        reported = sorted(int(line.split(f"{path}:", 1)[1].split(":", 1)[0])
                          for line in err.splitlines() if line.startswith(f"tidings: {path}:"))
        assert reported == invalid
        assert f"articles read: {len(valid)} (new {len(valid)}" in err
