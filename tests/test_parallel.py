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
