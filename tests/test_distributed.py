"""Coding on a Dask cluster gives exactly the rows one process gives, in the same order; reruns
skip finished partitions; a worker killed mid-job loses and duplicates nothing."""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.records import Article
from tidings.scale.cluster import (
    EVENT_COLUMNS,
    Partition,
    code_on_dask,
    expand_inputs,
    plan_partitions,
    read_coded,
    read_output,
    read_partition,
    read_problems,
    single_process_rows,
)

pytest.importorskip("distributed")

ACTORS = ["Iran", "Israel", "The European Union", "Kenyan police", "Egypt", "Chile",
          "Turkish police", "Brazil", "Jordan", "Russia"]
ACTS = ["accused {t} of sabotage.", "praised {t} for its help.", "criticized {t}.",
        "met officials from {t} in Geneva.", "threatened {t} with sanctions.",
        "will send aid to {t}."]
TARGETS = ["Israel", "Iran", "Peru", "protesters in Nairobi", "Hamas", "the United Nations"]


def _texts(n: int, seed: int) -> list[str]:
    out = []
    for i in range(n):
        k = i * 7 + seed
        actor = ACTORS[k % len(ACTORS)]
        act = ACTS[(k // 3) % len(ACTS)].format(t=TARGETS[(k // 2) % len(TARGETS)])
        out.append(f"{actor} {act}")
    out[3] = "The weather was mild in Oslo."  # no event at all
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[str], int]:
    """Three JSONL files (~120 records, one bad JSON line, a blank line, a record without
    text) and two plain-text articles; returns (inputs, number of bad records)."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "news").mkdir()
    for f in range(3):
        lines = []
        for i, text in enumerate(_texts(40, seed=f)):
            rec = {"text": text, "date": "2024-03-0" + str(f + 1)}
            if i % 5:  # some records have no id: the coder gives them a stable one
                rec["id"] = f"f{f}-{i}"
            lines.append(json.dumps(rec))
        if f == 1:
            lines.insert(17, '{"id": "broken", "text": "Iran accused')  # bad JSON
            lines.insert(30, "")
            lines.insert(31, json.dumps({"id": "empty"}))  # no text
        (root / "news" / f"day-{f}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "a.txt").write_text("Israel accused Iran of sabotage.", "utf-8")
    (root / "notes" / "b.txt").write_text("Egypt praised Jordan.", "utf-8")
    inputs = [str(root / "news" / "day-*.jsonl"), str(root / "notes")]
    return inputs, 2


@pytest.fixture(scope="module")
def expected(corpus) -> list[dict]:
    return single_process_rows(corpus[0], Settings())


@pytest.fixture(autouse=True)
def quiet_dask():
    names = ["distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker",
             "distributed.core", "distributed.comm"]
    levels = {n: logging.getLogger(n).level for n in names}
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL)
    yield
    for n, level in levels.items():
        logging.getLogger(n).setLevel(level)


def _events(out_dir: Path) -> list[dict]:
    return read_output(out_dir).select(list(EVENT_COLUMNS)).to_pylist()


def test_partitions_read_records_like_one_process(corpus, tmp_path):
    """Byte-range partitions of a file give its records with their line numbers in the file,
    also when the last line has no newline."""
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": f"Iran praised Chile {i}."})
                              for i in range(7)) + '\n\n{"bad', "utf-8")
    parts = list(plan_partitions([path], 3))
    assert [(p.first_line, p.end - p.start > 0) for p in parts] == [(1, True), (4, True),
                                                                    (7, True)]
    assert parts[-1].end == path.stat().st_size
    got = [(r.origin, getattr(r, "id", None)) for p in parts for r in read_partition(p)]
    assert got == [(f"{path}:{i + 1}", str(i)) for i in range(7)] + [(f"{path}:9", None)]
    files, problems = expand_inputs(corpus[0] + [str(tmp_path / "none*.jsonl")])
    assert [f.name for f in files] == ["day-0.jsonl", "day-1.jsonl", "day-2.jsonl",
                                       "a.txt", "b.txt"]
    assert len(problems) == 1
    text = list(plan_partitions(files, 50))[-1]
    assert isinstance(text, Partition) and text.kind == "text" and len(text.names) == 2
    assert all(isinstance(r, Article) for r in read_partition(text))


def test_dask_output_equals_single_process_and_rerun_skips(corpus, expected, tmp_path, capsys):
    inputs, bad = corpus
    out = tmp_path / "out"
    summary = code_on_dask(inputs, out, "local:2", Settings(), partition_size=25)
    assert summary.ok and summary.skipped == 0
    assert summary.written == summary.partitions == 7  # 3 files of 40-42 lines + the .txt files
    assert summary.events == len(expected) > 100
    assert _events(out) == expected
    table = read_output(out)
    keys = list(zip(table["record_index"].to_pylist(), table["event_index"].to_pylist(),
                    strict=True))
    assert len(set(zip(table["partition"].to_pylist(), keys, strict=True))) == len(keys)
    problems = read_problems(out)
    assert summary.problems == bad == len(problems)
    assert problems[0]["origin"].endswith("day-1.jsonl:18")
    assert "not valid JSON" in problems[0]["message"]
    assert problems[1]["record_id"] == "empty"
    err = capsys.readouterr().err
    assert "dashboard" in err and "7/7 partitions" in err
    assert any(line.startswith("partitions: 7") for line in summary.lines())

    # Rerun: everything is done already, nothing is rewritten.
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    again = code_on_dask(inputs, out, "local:2", Settings(), partition_size=25)
    assert (again.partitions, again.skipped, again.written, again.events) == (7, 7, 0, 0)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")} == before
    assert _events(out) == expected
    with pytest.raises(ValueError, match="other options"):  # would mix codings
        code_on_dask(inputs, out, "local:2", Settings(), include_all=True, partition_size=25)


def test_worker_killed_mid_job_loses_and_duplicates_nothing(corpus, expected, tmp_path):
    from distributed import Client, LocalCluster

    inputs, _ = corpus
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        result: dict = {}

        def job() -> None:
            try:
                result["summary"] = code_on_dask(inputs, out, cluster.scheduler_address,
                                                 Settings(), partition_size=5, progress=False)
            except Exception as exc:  # the test checks it below
                result["error"] = exc

        thread = threading.Thread(target=job)
        thread.start()
        deadline = time.monotonic() + 45
        while not list(out.glob("part-*.parquet")) and time.monotonic() < deadline:
            time.sleep(0.02)
        done_at_kill = len(list(out.glob("part-*.parquet")))
        pids = client.run(os.getpid)
        victim = sorted(pids)[0]
        os.kill(pids[victim], signal.SIGKILL)
        thread.join(60)
        assert not thread.is_alive()
        total = len(json.loads((out / "_partitions.json").read_text("utf-8"))["partitions"])
        assert 0 < done_at_kill < total  # the kill landed mid-job
        if "error" in result:  # lost too much: a rerun finishes what is missing
            result["summary"] = code_on_dask(inputs, out, cluster.scheduler_address,
                                             Settings(), partition_size=5, progress=False)
    summary = result["summary"]
    assert summary.ok
    assert len(list(out.glob("part-*.parquet"))) == total
    assert _events(out) == expected  # a temp file the killed worker left is never read


def test_cli_partition_size_sets_the_unit_of_work(corpus, expected, tmp_path, capsys):
    from tidings.cli import main

    inputs, _ = corpus
    out = tmp_path / "out"
    status = main(["code", *inputs, "--dask", "local:1", "-o", str(out),
                   "--partition-size", "20"])
    assert status == 2  # two bad records were skipped and reported
    # files of 40, 43 and 40 lines in 20-line partitions, and the two text files together
    assert len(list(out.glob("part-*.parquet"))) == 2 + 3 + 2 + 1
    assert _events(out) == expected
    capsys.readouterr()
    assert main(["code", *inputs, "--dask", "local:1", "-o", str(out),
                 "--partition-size", "0"]) == 1
    assert "--partition-size must be at least 1" in capsys.readouterr().err
    assert main(["code", *inputs, "--partition-size", "10"]) == 1
    assert "--dask only" in capsys.readouterr().err


def _stored(db: str) -> tuple[list[dict], list[dict], dict]:
    """A database's events and mentions without their clock times, and its table counts."""
    from tidings.store.database import open_store

    store = open_store(db)
    try:
        events = [{k: v for k, v in e.items() if k not in ("first_seen", "last_seen")}
                  for e in store.iter_events()]
        mentions = sorted(store.iter_mentions(), key=lambda m: (m["article_id"],
                                                                 m["sentence_index"]))
        return events, mentions, store.counts()
    finally:
        store.close()


def test_ingest_stores_a_dask_job_like_a_single_process_ingest(corpus, tmp_path, capsys):
    """`tidings ingest OUT_DIR` stores the job's articles, sentences and dated, placed events:
    the same database as ingesting the corpus directly; a second time it changes nothing."""
    from tidings.cli import main

    inputs, _ = corpus
    out = tmp_path / "out"
    code_on_dask(inputs, out, "local:2", Settings(), partition_size=25, progress=False)
    coded = [c for c in read_coded(out)]
    assert sum(len(c.events) for c in coded) > 100
    assert all(e.date == c.article.date for c in coded if c.article.date for e in c.events)
    assert any(e.place is not None for c in coded for e in c.events)  # "in Geneva"

    from_job, direct = str(tmp_path / "job.duckdb"), str(tmp_path / "direct.duckdb")
    assert main(["--db", from_job, "ingest", str(out)]) == 0
    assert "articles read: 122 (new 122" in capsys.readouterr().err
    root = Path(inputs[1]).parent
    assert main(["--db", direct, "ingest", str(root / "news"), str(root / "notes")]) == 2
    capsys.readouterr()
    assert _stored(from_job) == _stored(direct)

    before = _stored(from_job)
    assert main(["--db", from_job, "ingest", str(out)]) == 0
    assert "unchanged 122" in capsys.readouterr().err
    assert _stored(from_job) == before


def test_ingest_of_an_unfinished_job_says_what_is_missing(corpus, tmp_path, capsys):
    from tidings.cli import main

    inputs, _ = corpus
    out = tmp_path / "out"
    code_on_dask(inputs[1:], out, "local:1", Settings(), progress=False)
    assert main(["--db", str(tmp_path / "x.duckdb"), "ingest", str(out)]) == 0
    capsys.readouterr()
    next(out.glob("part-*.parquet")).unlink()
    assert main(["--db", str(tmp_path / "y.duckdb"), "ingest", str(out)]) == 1
    err = capsys.readouterr().err
    assert "1 of 1 partitions are not written yet" in err and "Traceback" not in err


def test_partitions_read_pages_and_urls_like_code_and_ingest(tmp_path) -> None:
    """A Dask job reads what `tidings code` reads: an HTML page by its main text (not its
    script), and a URL as a partition of its own."""
    page = tmp_path / "site" / "story.html"
    page.parent.mkdir()
    page.write_text("<html><head><script>var s = 'Chile invaded Peru.';</script></head><body>"
                    "<article><p>Kenya and Uganda signed a border agreement in Nairobi on "
                    "Monday, officials from both governments said.</p></article></body></html>",
                    encoding="utf-8")
    files, problems = expand_inputs([str(page.parent), "https://example.org/feed.xml"])
    assert problems == [] and files == [page, "https://example.org/feed.xml"]
    text_part, url_part = plan_partitions(files, 10)
    assert (text_part.kind, url_part.kind) == ("text", "url")
    (article,) = list(read_partition(text_part))
    assert "Kenya and Uganda" in article.text and "Chile" not in article.text
    assert article.origin == str(page)
