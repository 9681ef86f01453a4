"""Coding on several processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import json

from tidings.cli import main


def test_workers_output_equals_single_process(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    texts = ["Iran accused Israel of sabotage.", "Chile praised Peru.",
             "Egypt and Jordan criticized Israel.", "The weather was mild in Oslo.",
             "Turkish police arrested dozens of students in Istanbul.",
             "Brazil will send troops to Haiti."] * 7
    corpus.write_text("\n".join(json.dumps({"id": f"r{i}", "text": t})
                                for i, t in enumerate(texts)) + "\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"events-{workers}.jsonl"
        assert main(["code", str(corpus), "--format", "jsonl", "-o", str(out),
                     "--workers", workers]) == 0
        outputs.append(out.read_text("utf-8"))
    assert outputs[0] == outputs[1]
    ids = [json.loads(line)["id"] for line in outputs[1].splitlines()]
    assert ids == [f"r{i}" for i in range(len(texts))]
    capsys.readouterr()


def test_code_on_a_local_dask_cluster_from_the_command_line(tmp_path, capsys):
    import pyarrow.parquet as pq

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(
        ["Iran accused Israel of sabotage.", "Chile praised Peru."] * 4)]
    corpus.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    out = tmp_path / "parts"
    status = main(["code", str(corpus), "--dask", "local:2", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 2, err  # the bad lines are reported as skipped
    rows = [r for f in sorted(out.glob("part-*.parquet")) for r in pq.read_table(f).to_pylist()]
    assert sorted({(r["source"], r["target"], r["code"]) for r in rows}) == [
        ("CHL", "PER", "051"), ("IRN", "ISR", "112")]
    assert len(rows) == 8
    # A second run finds every partition done and codes nothing.
    assert main(["code", str(corpus), "--dask", "local:2", "-o", str(out)]) == 0
    assert "1 already done, 0 written" in capsys.readouterr().err
