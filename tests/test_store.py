"""The event database, on DuckDB and on PostgreSQL: ingest a small corpus of articles written
for these tests (three outlets reporting the same events in different words, with relative
dates and places), then check dates, places, deduplication, idempotency, replacement of a
changed article, exports, and what happens when an ingest is killed or run twice at once."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tidings.config import DATA_DIR
from tidings.pipeline import ingest
from tidings.sources.reader import read_source
from tidings.store.database import open_store
from tidings.store.export import GDELT_COLUMNS

from .databases import BACKENDS, PG, new_db

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
def load(db: str, coder, *paths: Path):  # type: ignore[no-untyped-def]
    store = open_store(db)
    try:
        summary = None
        for p in paths:
            summary = ingest(read_source(str(p)), store, coder, summary=summary)
        return summary
    finally:
        store.close()


def events(db: str) -> list[dict]:
    store = open_store(db)
    try:
        return list(store.iter_events())
    finally:
        store.close()


def snapshot(db: str) -> list[tuple]:
    """What a user would compare: every event with its counts."""
    return sorted((e["event_id"], e["date"], e["source"], e["target"], e["code"],
                   e["num_mentions"], e["num_sources"], e["num_articles"]) for e in events(db))


def find(rows: list[dict], source: str, target: str, root: str) -> dict:
    hits = [r for r in rows if r["source"] == source and r["target"] == target
            and r["root"] == root]
    assert len(hits) == 1, [(r["source"], r["target"], r["code"], r["date"]) for r in rows]
    return hits[0]


@pytest.mark.parametrize("kind", BACKENDS)
def test_ingest_dates_places_and_deduplicates(kind, tmp_path, coder):
    db = new_db(kind, tmp_path)
    summary = load(db, coder, CORPUS)
    assert summary.read == 7 and summary.new == 7 and not summary.skipped
    rows = events(db)
    # Three outlets, three wordings, three publication dates: one meeting in Doha on Sunday.
    visit = find(rows, "IRNGOV", "QATGOV", "04")
    assert visit["date"] == dt.date(2024, 3, 10)
    # Wire A mentions the meeting twice ("The two ministers discussed..."), in the same place.
    assert (visit["num_mentions"], visit["num_sources"], visit["num_articles"]) == (4, 3, 3)
    assert visit["place_name"] == "Doha" and visit["place_country"] == "QAT"
    assert visit["place_lat"] == pytest.approx(25.29, abs=0.1)
    assert visit["source_url"].startswith("https://")
    host = find(rows, "QATGOV", "IRNGOV", "04")
    assert host["num_articles"] == 3
    # "yesterday" (published Tuesday) and "on Monday" are the same day: one arrest event.
    arrest = find(rows, "TURCOP", "TUREDU", "17")
    assert arrest["date"] == dt.date(2024, 3, 11)
    assert (arrest["num_mentions"], arrest["num_sources"]) == (2, 2)
    assert arrest["place_country"] == "TUR"
    # Different acts stay different events.
    sanctions = find(rows, "IGOEUREEC", "BLR", "16")
    assert sanctions["date"] == dt.date(2024, 3, 13)
    assert find(rows, "BLR", "IGOEUREEC", "11")["num_mentions"] == 1
    # Every mention keeps its evidence.
    store = open_store(db)
    try:
        mentions = list(store.iter_mentions())
        counts = store.counts()
    finally:
        store.close()
    assert counts["articles"] == 7 and counts["events"] == len(rows)
    assert counts["mentions"] == len(mentions) == sum(r["num_mentions"] for r in rows)
    m = next(x for x in mentions if x["event_id"] == visit["event_id"]
             and x["article_id"] == "b-1")
    assert "Doha" in m["sentence"] and m["url"] == "https://wire-b.example/news/88121"
    assert 0 <= m["source_start"] < m["source_end"] and m["rule"].startswith("verbs:")
    assert m["date_source"].startswith("text:")
    assert counts["actors"] >= 6


@pytest.mark.parametrize("kind", BACKENDS)
def test_ingesting_again_changes_nothing_and_a_changed_article_replaces_its_events(
        kind, tmp_path, coder):
    db = new_db(kind, tmp_path)
    load(db, coder, CORPUS)
    before = snapshot(db)
    again = load(db, coder, CORPUS)
    assert again.unchanged == 7 and again.new == 0
    assert snapshot(db) == before
    # Wire B corrects its story: the meeting was a phone call.
    changed = tmp_path / "wire_b.jsonl"
    rows = [json.loads(line) for line in (CORPUS / "wire_b.jsonl").read_text().splitlines()]
    rows[0]["text"] = "Qatar's foreign minister telephoned the Iranian foreign minister on Sunday."
    changed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    summary = load(db, coder, changed)
    assert summary.replaced == 1 and summary.unchanged == 1
    after = events(db)
    in_doha = [r for r in after if r["place_name"] == "Doha"]
    assert find(in_doha, "IRNGOV", "QATGOV", "04")["num_articles"] == 2
    call = find([r for r in after if r["place_name"] != "Doha"], "QATGOV", "IRNGOV", "04")
    assert call["code"] == "041" and call["num_mentions"] == 1
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 7
    finally:
        store.close()


@pytest.mark.parametrize("kind", BACKENDS)
def test_exports(kind, tmp_path, coder):
    from tidings.store.export import export

    db = new_db(kind, tmp_path)
    load(db, coder, CORPUS)
    store = open_store(db)
    try:
        n = export(store.iter_events(), "gdelt", tmp_path / "events.tsv")
        export(store.iter_events(), "csv", tmp_path / "events.csv")
        export(store.iter_events(), "parquet", tmp_path / "events.parquet")
        export(store.iter_events(), "jsonl", tmp_path / "events.jsonl")
        export(store.iter_events(), "plover", tmp_path / "events.plover.jsonl")
        visit = find(list(store.iter_events()), "IRNGOV", "QATGOV", "04")
    finally:
        store.close()
    lines = (tmp_path / "events.tsv").read_text("utf-8").splitlines()
    assert len(lines) == n and n > 0
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    g = next(r for r in rows if r["Actor1Code"] == "IRNGOV" and r["Actor2Code"] == "QATGOV")
    assert g["Day"] == "20240310" and g["MonthYear"] == "202403" and g["Year"] == "2024"
    assert g["Actor1CountryCode"] == "IRN" and g["Actor1Type1Code"] == "GOV"
    assert g["Actor2CountryCode"] == "QAT" and g["Actor2Type1Code"] == "GOV"
    assert g["EventCode"] == visit["code"] and g["EventRootCode"] == "04"
    assert g["EventBaseCode"] == visit["code"][:3]
    assert g["QuadClass"] == "1" and float(g["GoldsteinScale"]) == visit["goldstein"]
    assert (g["NumMentions"], g["NumSources"], g["NumArticles"]) == ("4", "3", "3")
    assert g["ActionGeo_FullName"] == "Doha" and g["ActionGeo_CountryCode"] == "QA"  # FIPS
    assert float(g["ActionGeo_Lat"]) == pytest.approx(visit["place_lat"], abs=1e-3)
    assert g["SOURCEURL"] == visit["source_url"] and len(g["DATEADDED"]) == 14
    assert g["AvgTone"] == ""
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "events.parquet").num_rows == n
    assert len((tmp_path / "events.jsonl").read_text().splitlines()) == n


def _cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tidings.cli", "--db", db, *args],
                          capture_output=True, text=True, timeout=600)


def _big_corpus(tmp_path: Path, n: int) -> Path:
    """n articles made from the test corpus, each its own story with its own URL."""
    rows = []
    for f in sorted(CORPUS.glob("*.jsonl")):
        rows += [json.loads(line) for line in f.read_text().splitlines()]
    out = tmp_path / "big"
    out.mkdir()
    lines = []
    for i in range(n):
        r = dict(rows[i % len(rows)])
        r["id"] = f"{r['id']}-{i}"
        r["url"] = f"{r['url']}?copy={i}"
        r["date"] = (dt.date(2024, 1, 1) + dt.timedelta(days=i // len(rows))).isoformat()
        lines.append(json.dumps(r))
    (out / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("kind", BACKENDS)
def test_killed_ingest_then_rerun_equals_one_clean_run(kind, tmp_path):
    corpus = _big_corpus(tmp_path, 360)  # several write batches of 100
    clean, killed = new_db(kind, tmp_path), new_db(kind, tmp_path)
    assert _cli(clean, "ingest", str(corpus)).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "tidings.cli", "--db", killed, "ingest",
                             str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the job is writing articles, then kill it without warning.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if _stored_articles(kind, killed) >= 100:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _stored_articles(kind, killed)
    assert 0 < partial < 360, f"killed with {partial} of 360 articles stored"
    assert _cli(killed, "ingest", str(corpus)).returncode == 0
    assert snapshot(killed) == snapshot(clean)


def _stored_articles(kind: str, db: str) -> int:
    if kind == "duckdb":
        # The writer holds the file lock: look at a copy of the file and its write-ahead log.
        path = Path(db)
        if not path.exists():
            return 0
        probe = path.with_name(path.stem + "-probe.duckdb")
        shutil.copy(path, probe)
        wal = Path(str(path) + ".wal")
        if wal.exists():
            shutil.copy(wal, Path(str(probe) + ".wal"))
        import duckdb

        try:
            con = duckdb.connect(str(probe), read_only=False)
            try:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
            finally:
                con.close()
        except duckdb.Error:
            return 0
        finally:
            probe.unlink(missing_ok=True)
            Path(str(probe) + ".wal").unlink(missing_ok=True)
    import psycopg

    try:
        with psycopg.connect(db) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


@pytest.mark.skipif(not PG, reason="TIDINGS_TEST_PG not set")
def test_concurrent_overlapping_ingests_into_postgresql_do_not_duplicate(tmp_path):
    corpus = _big_corpus(tmp_path, 60)
    rows = (corpus / "big.jsonl").read_text().splitlines()
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.jsonl").write_text("\n".join(rows[:40]) + "\n")  # overlap: rows 20-39
    (second / "b.jsonl").write_text("\n".join(rows[20:]) + "\n")
    together, alone = new_db("postgresql", tmp_path), new_db("postgresql", tmp_path)
    procs = [subprocess.Popen([sys.executable, "-m", "tidings.cli", "--db", together, "ingest",
                               str(d)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True) for d in (first, second)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    assert _cli(alone, "ingest", str(corpus)).returncode == 0
    assert snapshot(together) == snapshot(alone)


def test_cli_run_events_and_export(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    result = _cli(db, "run")
    assert result.returncode == 0, result.stderr
    samples = DATA_DIR / "samples"
    n = len(list(samples.glob("*.txt"))) + sum(
        1 for f in samples.glob("*.jsonl") for line in f.read_text("utf-8").splitlines()
        if line.strip())
    assert f"articles read: {n} (new {n}," in result.stderr and "events:" in result.stderr
    assert "database" in result.stdout
    out = _cli(db, "events", "--actor", "IRN", "--format", "jsonl")
    assert out.returncode == 0
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all("IRN" in (r["source"][:3] + r["target"][:3]) for r in rows)
    assert _cli(db, "events", "--since", "not-a-date").returncode == 1
    exp = _cli(db, "export", "--format", "gdelt", "-o", str(tmp_path / "out.tsv"))
    assert exp.returncode == 0 and (tmp_path / "out.tsv").stat().st_size > 0
    bad = _cli(str(tmp_path / "missing-dir" / "x.duckdb"), "events")
    assert bad.returncode == 1 and "does not exist" in bad.stderr
