"""What tidings promises about bad input (docs/reliability.md): one bad record costs only
itself and gets one line naming where it is, nothing is stored twice, and no input makes a
run crash or take memory without bound."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tidings.cli import EXIT_OK, EXIT_SKIPPED, main
from tidings.coder.components import TidingsCoder
from tidings.coder.core import CHUNK_CHARS, chunk_spans
from tidings.pipeline import IngestSummary, store_coded
from tidings.records import Article, CodedArticle
from tidings.sources.base import Problem, language_problem, parse_date, text_problem, unique_ids
from tidings.sources.reader import read
from tidings.store.database import open_store

from .databases import BACKENDS, fresh_db

# Sentences written for these tests; each codes at least one event.
SENTENCES = [
    "Kenyan police arrested twelve opposition activists in Nairobi on Tuesday.",
    "The Turkish foreign minister met his Greek counterpart in Athens.",
    "Pakistan accused India of violating the ceasefire in Kashmir.",
    "Brazil's president praised Argentina for reopening the border.",
    "Ukrainian forces shelled Russian positions near Donetsk.",
    "Japan pledged economic aid to the Philippines after the typhoon.",
    "Egypt hosted talks between Israeli and Palestinian negotiators.",
    "Protesters in Lima demanded the resignation of the Peruvian interior minister.",
    "The United Nations condemned the attack on a school in Sudan.",
    "South Korea warned North Korea against further missile launches.",
]


def _stored_ids(db: str) -> set[str]:
    store = open_store(db, read_only=not db.startswith("postgresql"))
    try:
        return {r[0] for r in store._execute("SELECT article_id FROM articles").fetchall()}
    finally:
        store.close()


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# -- a file mixing bad records with good ones ----------------------------------------------------
def _mixed_lines() -> tuple[list[str], set[str], list[int]]:
    """JSONL lines, the ids of the good records, and the line numbers of the bad ones."""
    good = [
        {"id": "g1", "text": SENTENCES[0], "date": "2024-03-05"},
        {"id": "g2", "text": SENTENCES[1], "url": "https://example.org/a", "title": "Talks"},
        {"id": "g3", "text": "Russia threatened Ukraine last week.", "date": "0001-01-01"},
        {"id": "g4", "text": "Iran will meet Iraq next week.", "date": "9999-12-31"},
        {"id": 17, "text": SENTENCES[2], "date": 20240102},  # a numeric id and date are fine
        {"id": "g6", "text": "Security forces in Cairo detained dozens of protesters. "
                             "Egyptian police fired tear gas at demonstrators near Tahrir "
                             "Square. The interior ministry blamed the Muslim Brotherhood."},
    ]
    bad = [
        {"id": "b1", "text": SENTENCES[3], "url": 5},
        {"id": "b2", "text": SENTENCES[4], "title": ["a", "b"]},
        {"id": "b3", "text": SENTENCES[5], "source": {"name": "wire"}},
        {"id": "b4", "text": "Iran \ud800 accused Israel of sabotage."},
        {"id": "b5", "text": "China \u0000 warned Japan over the islands."},
        {"id": "b6", "text": SENTENCES[6], "date": "99999999"},
        {"id": "g1", "text": SENTENCES[7]},  # an id read already
        {"id": ["x"], "text": SENTENCES[8]},
        {"id": "b9", "title": "no text"},
        {"id": "b10", "text": "Le gouvernement français a condamné l'attaque contre "
                              "l'ambassade et convoqué l'ambassadeur à Paris mardi soir."},
    ]
    lines = [json.dumps(r) for r in good[:3]]
    lines += [json.dumps(r) for r in bad[:5]]
    lines += ["{not json", "[1, 2, 3]"]
    lines += [json.dumps(r) for r in good[3:]] + [json.dumps(r) for r in bad[5:]]
    good_ids = {str(r["id"]) for r in good}
    bad_lines = [n for n, line in enumerate(lines, 1)
                 if line.startswith(("{not", "[")) or json.loads(line) in bad]
    return lines, good_ids, bad_lines


@pytest.mark.parametrize("backend", BACKENDS)
def test_bad_records_cost_only_themselves(backend, tmp_path, capsys):
    lines, good_ids, bad_lines = _mixed_lines()
    path = _write_jsonl(tmp_path / "mixed.jsonl", lines)
    with fresh_db(backend, tmp_path) as db:
        status = main(["--db", db, "ingest", str(path)])
        err = capsys.readouterr().err
        assert status == EXIT_SKIPPED
        assert "Traceback" not in err
        for n in bad_lines:
            assert f"{path}:{n}: " in err, f"line {n} not reported"
        assert f"articles read: {len(good_ids)} (new {len(good_ids)}, changed 0, " \
               f"unchanged 0), skipped: {len(bad_lines)}" in err
        assert _stored_ids(db) == good_ids
        # Every problem is one line, naming file and line.
        problems = [x for x in err.splitlines() if x.startswith(f"tidings: {path}:")]
        assert len(problems) == len(bad_lines)
        # Again: nothing new, nothing doubled, the same problems.
        status = main(["--db", db, "ingest", str(path)])
        err = capsys.readouterr().err
        assert status == EXIT_SKIPPED and f"unchanged {len(good_ids)}" in err
        assert _stored_ids(db) == good_ids


def test_code_reports_each_bad_record_in_its_place(tmp_path, capsys):
    lines, good_ids, bad_lines = _mixed_lines()
    path = _write_jsonl(tmp_path / "mixed.jsonl", lines)
    out = tmp_path / "out.jsonl"
    assert main(["code", str(path), "--format", "jsonl", "-o", str(out)]) == EXIT_SKIPPED
    assert "Traceback" not in capsys.readouterr().err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(lines)  # one output line per input line, in order
    assert [n for n, r in enumerate(rows, 1) if "error" in r] == bad_lines
    assert {r["id"] for r in rows if "error" not in r} == good_ids


def test_problem_messages_name_the_fault():
    assert "NUL" in (text_problem("a\x00b") or "")
    assert "surrogate (\\udc00)" in (text_problem("a\udc00") or "")
    assert text_problem("Café, naïve, 東京, 🙂") is None
    with pytest.raises(ValueError, match="'99999999' is not a day of the calendar"):
        parse_date("99999999")
    items = [Article("a", "x", origin="f:1"), Article("a", "y", origin="f:2"),
             Article("b", "z", origin="f:3")]
    out = list(unique_ids(items))
    assert isinstance(out[1], Problem) and "read already (at f:1)" in out[1].message
    assert [x.id for x in out if isinstance(x, Article)] == ["a", "b"]


# -- language ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Turkish jets struck Kurdish militant targets in northern Iraq. Baghdad summoned the Turkish "
    "ambassador. Syrian rebels shelled army positions outside Idlib.",
    "Putin, Erdogan hold talks in Sochi",
    "Nigeria: gunmen kill 12 in Zamfara raid",
    "EU sanctions Belarus officials",
    SENTENCES[4],
])
def test_terse_english_wire_copy_is_english(text):
    assert language_problem(text) is None


@pytest.mark.parametrize("text", [
    "中国谴责日本",  # six characters
    "Правительство России осудило удар по посольству в Дамаске.",
    "Le gouvernement français a condamné l'attaque contre l'ambassade et convoqué "
    "l'ambassadeur à Paris mardi soir.",
    "Die Bundesregierung verurteilte den Angriff auf die Botschaft und bestellte den "
    "Botschafter ins Auswärtige Amt ein.",
    "El gobierno colombiano condenó el ataque contra la embajada y convocó al embajador.",
])
def test_other_languages_are_not(text):
    assert "not in English" in (language_problem(text) or "")


# -- what a path can be ------------------------------------------------------------------------
def test_fifos_links_and_utf16(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(SENTENCES[2], encoding="utf-8")
    (folder / "wide.txt").write_bytes(SENTENCES[1].encode("utf-16"))  # with a byte-order mark
    (folder / "wide-le.txt").write_bytes(SENTENCES[3].encode("utf-16-le"))  # without one
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    items = list(read([str(folder)]))
    problems = {Path(p.origin).name: p.message for p in items if isinstance(p, Problem)}
    texts = sorted(a.text for a in items if isinstance(a, Article))
    assert texts == sorted([SENTENCES[1], SENTENCES[2], SENTENCES[3]])
    assert "FIFO" in problems["pipe.txt"] and "does not exist" in problems["gone.txt"]
    # A FIFO named as input is a problem at once, not a hang.
    [named] = list(read([str(folder / "pipe.txt")]))
    assert isinstance(named, Problem) and "FIFO" in named.message


# -- failures inside the coder ---------------------------------------------------------------
def _failing_on(word: str, monkeypatch) -> None:
    """Make the coder component fail on any document containing ``word``, as a bug would."""
    original = TidingsCoder.__call__

    def call(self, doc):  # type: ignore[no-untyped-def]
        if word in doc.text:
            raise RuntimeError(f"cannot code {word}")
        return original(self, doc)

    monkeypatch.setattr(TidingsCoder, "__call__", call)


def test_an_article_the_coder_fails_on_costs_only_itself(coder, monkeypatch):
    _failing_on("Zanzibar", monkeypatch)
    articles = [Article("a", SENTENCES[0]), Article("b", "Zanzibar protested. " + SENTENCES[1]),
                Article("c", SENTENCES[2])]
    failed: list[str] = []
    coded = list(coder.code_articles(articles, on_error=lambda a, e: failed.append(a.id)))
    assert [c.article.id for c in coded] == ["a", "c"] and failed == ["b"]
    assert all(c.events for c in coded)
    with pytest.raises(RuntimeError, match="cannot code Zanzibar"):
        list(coder.code_articles(articles))


def test_ingest_goes_on_past_an_article_the_coder_fails_on(tmp_path, capsys, monkeypatch):
    _failing_on("Zanzibar", monkeypatch)
    path = _write_jsonl(tmp_path / "three.jsonl", [
        json.dumps({"id": "a", "text": SENTENCES[0]}),
        json.dumps({"id": "b", "text": "Zanzibar protested. " + SENTENCES[1]}),
        json.dumps({"id": "c", "text": SENTENCES[2]})])
    db = str(tmp_path / "t.duckdb")
    assert main(["--db", db, "ingest", str(path)]) == EXIT_SKIPPED
    err = capsys.readouterr().err
    assert f"{path}:2: could not be coded (RuntimeError: cannot code Zanzibar)" in err
    assert "articles read: 2 (new 2" in err and "Traceback" not in err
    assert _stored_ids(db) == {"a", "c"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_record_the_database_refuses_costs_only_itself(backend, coder, tmp_path):
    coded = list(coder.code_articles([Article(str(i), s, origin=f"f:{i}")
                                      for i, s in enumerate(SENTENCES[:4])]))
    # Bypassing the reader (which would have caught it): text the database cannot take.
    coded[1] = CodedArticle(replace(coded[1].article, text="Iran \ud800 protested."),
                            coded[1].sentences, coded[1].events)
    problems: list[Problem] = []
    with fresh_db(backend, tmp_path) as db:
        store = open_store(db)
        try:
            summary = store_coded(coded, store, ontology=coder.ontology,
                                  summary=IngestSummary(), on_problem=problems.append)
        finally:
            store.close()
        assert _stored_ids(db) == {"0", "2", "3"}
    assert summary.read == 3 and summary.new == 3
    assert [p.origin for p in problems] == ["f:1"] and "could not be stored" in \
        problems[0].message


# -- long records ------------------------------------------------------------------------------
def test_chunks_cover_the_text_and_end_at_sentences():
    text = " ".join(SENTENCES * 40)
    spans = chunk_spans(text, 2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(e - s <= 2000 for s, e in spans)
    assert all(text[e - 2] == "." for s, e in spans[:-1])  # "... Kashmir. |Brazil's ..."
    words = "word " * 1000
    assert all(words[e - 1] == " " for s, e in chunk_spans(words, 333)[:-1])
    assert chunk_spans("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_long_article_keeps_its_offsets(coder):
    text = "\n\n".join(" ".join(SENTENCES[i % 10] for i in range(k, k + 5))
                       for k in range(0, 700, 5))
    assert len(text) > 2 * CHUNK_CHARS
    [coded] = coder.code_articles([Article("long", text)])
    assert {e.sentence for e in coded.events} >= {0, len(coded.sentences) - 1}
    for ev in coded.events:
        sentence = coded.sentences[ev.sentence]
        action = text[ev.action_start:ev.action_end]
        assert action.split()[0] == ev.action_text.split()[0]
        assert action.split()[-1] == ev.action_text.split()[-1]
        assert text[ev.source.start:ev.source.end] == ev.source.text
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.start <= ev.source.start < sentence.end


def _peak_rss_mb(argv: list[str]) -> tuple[int, float]:
    """Exit status and peak resident memory (MB) of a tidings command run as a process."""
    probe = ("import resource, subprocess, sys; "
             "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
             "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    tidings = str(Path(sys.executable).with_name("tidings"))
    out = subprocess.run([sys.executable, "-c", probe, tidings, *argv], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), int(out[1]) / 1024


INGEST_PEAK_MB = 600  # the bound docs/store.md states for one record of any size


@pytest.mark.slow
def test_memory_of_ingest_on_one_huge_sentence_is_bounded(tmp_path):
    rng = random.Random(3)
    words = " ".join(SENTENCES).replace(".", "").replace("'s", "").split()
    sentence = " ".join(rng.choice(words) for _ in range(150_000))[:995_000]
    path = _write_jsonl(tmp_path / "huge.jsonl", [json.dumps({"id": "huge", "text": sentence})])
    db = str(tmp_path / "huge.duckdb")
    status, peak = _peak_rss_mb(["--db", db, "ingest", str(path)])
    print(f"peak RSS of ingest on a 995 KB sentence: {peak:.0f} MB")
    assert status == EXIT_OK and peak < INGEST_PEAK_MB
    assert _stored_ids(db) == {"huge"}


@pytest.mark.slow
def test_memory_of_ingest_on_a_49_mb_page_is_bounded(tmp_path):
    paragraph = "".join(f"<p>{s}</p>" for s in SENTENCES)
    script = "<script>var x = '" + "abcdefghij" * 100_000 + "';</script>"  # 1 MB each
    body = (paragraph * 2 + script) * 50
    page = tmp_path / "huge.html"
    page.write_text(f"<html><head><title>Huge</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    assert 49_000_000 < page.stat().st_size < 50 * 2**20  # under the file limit
    db = str(tmp_path / "page.duckdb")
    status, peak = _peak_rss_mb(["--db", db, "ingest", str(page)])
    print(f"peak RSS of ingest on a {page.stat().st_size / 1e6:.0f} MB page: {peak:.0f} MB")
    assert status in (EXIT_OK, EXIT_SKIPPED) and peak < INGEST_PEAK_MB
