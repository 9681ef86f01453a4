"""The `tidings` command as a user runs it: inputs, outputs, bad input, exit status."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.test_sources import site  # noqa: F401 - the local HTTP server fixture
from tidings.cli import EXIT_OK, EXIT_SKIPPED, main


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_code_a_text_file_prints_a_table(tmp_path, capsys):
    f = tmp_path / "article.txt"
    f.write_text("Iran accused Israel of sabotage. Egypt praised Jordan.", encoding="utf-8")
    status, out, err = run(["code", str(f)], capsys)
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["record", "sent", "source", "target", "code"]
    assert any(" IRN " in line and " ISR " in line and " 112 " in line for line in lines)
    assert "coded 1 record(s), 2 event(s)" in err


def test_stdin(capsys, monkeypatch):
    status, out, _ = run(["code", "-", "--format", "jsonl"], capsys,
                         stdin=b"Iran accused Israel of sabotage.", monkeypatch=monkeypatch)
    assert status == EXIT_OK
    (line,) = out.splitlines()
    rec = json.loads(line)
    assert [(e["source"], e["target"], e["code"]) for e in rec["events"]] == [
        ("IRN", "ISR", "112")]


def test_jsonl_output_keeps_input_order_ids_and_evidence(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "b-2", "text": "Obama criticized Iran.", "date": "20070501"},
        {"text": "Obama criticized Iran.", "date": "2012-05-01T09:00:00Z"},
        {"id": "a-1", "event_text": "Nothing political happened here today."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out_file = tmp_path / "events.jsonl"
    status, _, _ = run(["code", str(corpus), "--format", "jsonl", "-o", str(out_file)], capsys)
    assert status == EXIT_OK
    recs = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["id"] for r in recs][0] == "b-2" and recs[2]["id"] == "a-1"
    assert recs[1]["id"].startswith("sha1:")
    assert recs[0]["events"][0]["source"] == "USALEG"  # a senator in 2007
    assert recs[1]["events"][0]["source"] == "USAGOV"  # the president in 2012
    assert recs[2]["events"] == []
    ev = recs[0]["events"][0]
    for key in ("source", "target", "code", "root", "quad_class", "goldstein", "plover",
                "source_text", "target_text", "action_text", "sentence", "spans", "rule"):
        assert key in ev
    text = rows[0]["text"]
    s, e = ev["spans"]["source"]
    assert text[s:e] == "Obama"


def test_coded_events_are_dated_and_placed(tmp_path, capsys):
    """The example every user starts from: who did what to whom, when and where."""
    corpus = tmp_path / "envoy.jsonl"
    corpus.write_text(json.dumps({
        "id": "envoy", "date": "2024-03-06",
        "text": "Chinese Special Envoy Yue Xiaoyong met Iran's special representative in "
                "Tehran on Monday and pledged aid to Afghanistan."}) + "\n", encoding="utf-8")
    status, out, _ = run(["code", str(corpus), "--format", "jsonl"], capsys)
    assert status == EXIT_OK
    events = {(e["source"], e["target"], e["code"]): e
              for e in json.loads(out.splitlines()[0])["events"]}
    assert set(events) == {("CHNGOV", "IRNGOV", "042"), ("IRNGOV", "CHNGOV", "043"),
                           ("CHNGOV", "AFG", "033")}
    for e in events.values():
        assert e["date"] == "2024-03-04" and e["date_source"] == "text:Monday"
        assert e["place"]["name"] == "Tehran" and e["place"]["country"] == "IRN"
    status, out, _ = run(["code", str(corpus)], capsys)
    assert all("2024-03-04" in line and "Tehran" in line for line in out.splitlines()[2:])


def test_same_input_twice_gives_the_same_output(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "Chile praised Peru."}) + "\n", encoding="utf-8")
    outs = []
    for _ in range(2):
        _, out, _ = run(["code", str(corpus), "--format", "jsonl"], capsys)
        outs.append(out)
    assert outs[0] == outs[1] and outs[0]


def test_bad_input_is_reported_per_file_and_line_and_the_rest_is_coded(tmp_path, capsys):
    d = tmp_path / "news"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (d / "latin1.txt").write_bytes("Le ministre a critiqué l'Iran à Genève.".encode("latin-1"))
    (d / "german.txt").write_text(
        "Die Regierung in Berlin hat am Montag die Gespräche mit der polnischen Seite über "
        "die Grenze und den Handel fortgesetzt, wie ein Sprecher der Bundesregierung sagte.",
        encoding="utf-8")
    (d / "good.txt").write_text("Japan praised South Korea.", encoding="utf-8")
    lines = [
        json.dumps({"id": "ok-1", "text": "Chile praised Peru."}),
        "{this is not json",
        json.dumps({"id": "no-text", "title": "missing"}),
        json.dumps({"id": "huge", "text": "Iran " + "x" * 5_000_000}),
        json.dumps({"id": "bad-date", "text": "Chile praised Peru.", "date": "yesterday"}),
        json.dumps({"id": "ok-2", "text": "Peru praised Chile."}),
    ]
    (d / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(["code", str(d), "--format", "jsonl"], capsys)
    assert status == EXIT_SKIPPED
    problems = [line for line in err.splitlines() if not line.startswith("tidings: coded")]
    assert len(problems) == 8, err
    assert all(line.startswith("tidings: ") and "Traceback" not in line for line in problems)
    assert any("empty.txt: empty input" in p for p in problems)
    assert any("binary.txt: binary file" in p for p in problems)
    assert any("latin1.txt: not valid UTF-8" in p for p in problems)
    assert any("german.txt:" in p and "English" in p for p in problems)
    assert any("corpus.jsonl:2: not valid JSON" in p for p in problems)
    assert any("corpus.jsonl:3: record has no 'text'" in p for p in problems)
    assert any("corpus.jsonl:4: text is 5,000,005 characters" in p for p in problems)
    assert any("corpus.jsonl:5: date 'yesterday'" in p for p in problems)
    recs = [json.loads(line) for line in out.splitlines()]
    coded = {r["id"]: r for r in recs if "error" not in r}
    assert {"ok-1", "ok-2"} <= set(coded)
    assert coded["ok-1"]["events"] and coded["ok-2"]["events"]
    assert any(r.get("error") and r["id"] == "huge" for r in recs)
    assert "skipped 8" in err


def test_missing_input_is_a_clear_message(capsys):
    status, _, err = run(["code", "/nonexistent/file.txt"], capsys)
    assert status == EXIT_SKIPPED
    assert "tidings: /nonexistent/file.txt: no such file or directory" in err


def test_eval_scores_a_gold_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "g1", "date": "", "text": "Iran accused Israel of sabotage.",
         "expected": [{"source": "IRN", "target": "ISR", "code": "112"}]},
        {"id": "g2", "date": "", "text": "Japan praised South Korea.",
         "expected": [{"source": "JPN", "target": "KOR", "code": "057", "accept": ["051"]}]},
        {"id": "g3", "date": "", "text": "The weather was mild in Oslo.", "expected": [],
         "no_events": True},
        {"id": "g4", "date": "", "text": "Chile praised Peru.", "evaluate": False,
         "expected": [{"source": "CHL", "target": "PER", "code": "190"}]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    status, out, _ = run(["eval", str(gold), "--json"], capsys)
    assert status == EXIT_OK
    report = json.loads(out)
    assert report["records"] == 3 and report["skipped"] == 1
    for level in ("root", "dyad_root", "exact"):
        assert report["levels"][level]["f1"] == 1.0
    status, out, _ = run(["eval", str(gold)], capsys)
    assert "root" in out and "1.000" in out


def test_eval_plover_level_maps_old_type_names(tmp_path, capsys):
    gold = tmp_path / "plover.jsonl"
    rows = [{"id": "p1", "date": "", "text": "India demanded that Pakistan release the pilot.",
             "expected": [{"source": "IND", "target": "PAK", "plover": "DEMAND"}]}]
    gold.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    status, out, _ = run(["eval", str(gold), "--json"], capsys)
    report = json.loads(out)
    assert report["levels"]["plover"]["tp"] == 1


@pytest.mark.parametrize("argv", [["eval", "/nonexistent.jsonl"]])
def test_eval_missing_gold_file(argv, capsys):
    status, _, err = run(argv, capsys)
    assert status == 1 and "no such gold file" in err


# --------------------------------------------------------------------------- the one reader

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
_SCRIPT_TEXT = "Chile attacked Peru. Argentina threatened Brazil."


def _page_with_script(tmp_path: Path) -> Path:
    """The border page with a script and a style that hold sentences a coder would code."""
    raw = (FIXTURES / "border.html").read_text(encoding="utf-8")
    script = (f"<script>var teaser = '{_SCRIPT_TEXT}';</script>"
              f"<style>/* {_SCRIPT_TEXT} */ p {{ color: black }}</style>")
    page = tmp_path / "border.html"
    page.write_text(raw.replace("<head>", "<head>" + script, 1), encoding="utf-8")
    return page


def _actors(out: str) -> set[str]:
    return {a for line in out.splitlines() for e in json.loads(line)["events"]
            for a in (e["source"], e["target"])}


def test_code_an_html_page_codes_the_article_not_the_markup(tmp_path, capsys):
    page = _page_with_script(tmp_path)
    status, out, err = run(["code", str(page), "--format", "jsonl"], capsys)
    assert status == EXIT_OK, err
    (line,) = out.splitlines()
    rec = json.loads(line)
    assert rec["id"].startswith("url:")  # the page's canonical URL, as ingest gives it
    actors = _actors(out)
    assert any(a.startswith(("KEN", "ETH")) for a in actors), actors
    assert not any(a.startswith(("CHL", "PER", "ARG", "BRA")) for a in actors), actors
    for e in rec["events"]:
        assert "<" not in e["source_text"] and "teaser" not in e["action_text"]


def test_code_a_feed_codes_each_entry(site, tmp_path, capsys):  # noqa: F811
    feed = tmp_path / "northern.atom"
    feed.write_bytes((FIXTURES / "full.atom").read_bytes().replace(b"{base}",
                                                                   site.base.encode()))
    status, out, err = run(["code", str(feed), "--format", "jsonl"], capsys)
    assert status == EXIT_OK, err
    lines = out.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["id"].startswith("url:") for x in lines)
    assert {"NOR", "SWE"} <= {a[:3] for a in _actors(out)}
    assert "coded 2 record(s)" in err


def test_code_a_url(site, capsys):  # noqa: F811
    status, out, err = run(["code", site.url("/news/border.html"), "--format", "jsonl"], capsys)
    assert status == EXIT_OK, err
    assert any(a.startswith(("KEN", "ETH")) for a in _actors(out))
    status, _, err = run(["code", site.url("/error500")], capsys)
    assert status == EXIT_SKIPPED
    assert f"tidings: {site.url('/error500')}: cannot fetch (HTTP 500" in err
    assert "Traceback" not in err


def test_code_and_ingest_read_through_the_same_reader(tmp_path, capsys, monkeypatch):
    from tidings.sources import reader

    calls: list[tuple[str, ...]] = []
    original = reader.read

    def spy(locations, **kwargs):  # type: ignore[no-untyped-def]
        locations = list(locations)
        calls.append(tuple(locations))
        return original(locations, **kwargs)

    monkeypatch.setattr(reader, "read", spy)
    page = _page_with_script(tmp_path)
    status, coded, _ = run(["code", str(page), "--format", "jsonl"], capsys)
    assert status == EXIT_OK and calls == [(str(page),)]
    db = str(tmp_path / "one.duckdb")
    status, _, err = run(["--db", db, "ingest", str(page)], capsys)
    assert status == EXIT_OK, err
    assert calls == [(str(page),), (str(page),)]
    from tidings.store.database import open_store

    store = open_store(db)
    try:
        stored = list(store.iter_events())
    finally:
        store.close()
    # the same article, read the same way, gives the same events either way
    assert {(e["source"], e["target"], e["code"]) for e in stored} == {
        (e["source"], e["target"], e["code"])
        for e in json.loads(coded.splitlines()[0])["events"]}


def test_ingest_reads_standard_input(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "stdin.duckdb")
    status, _, err = run(["--db", db, "ingest", "-"], capsys,
                         stdin=b"Japan praised South Korea on Monday.", monkeypatch=monkeypatch)
    assert status == EXIT_OK, err
    assert "articles read: 1 (new 1" in err


def test_no_progress_is_drawn_unless_asked_for(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("Iran accused Israel of sabotage.", encoding="utf-8")
    _, _, err = run(["code", str(f)], capsys)
    assert err.splitlines() == ["tidings: coded 1 record(s), 1 event(s)"]
    _, _, err = run(["code", str(f), "--progress"], capsys)
    assert "coding" in err and "records" in err and "events=1" in err


def test_rules_lists_the_sentence_rules_and_which_a_data_directory_turned_off(
        tmp_path, capsys) -> None:
    from tidings.cli import main

    extra = tmp_path / "patterns"
    extra.mkdir()
    (extra / "rules.yaml").write_text("version: 1\nsentence_rules:\n  disabled: [sport]\n",
                                      encoding="utf-8")
    assert main(["rules", "--data", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["on", "appeals"]
    assert any(line.split()[:2] == ["off", "sport"] for line in lines)


def test_serve_takes_the_knowledge_options_like_the_coder() -> None:
    from tidings.cli import build_parser

    args = build_parser().parse_args(["serve", "--data", "extra", "--port", "8001"])
    assert args.data == ["extra"] and args.model is None
