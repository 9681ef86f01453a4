"""The coder as a spaCy component: one nlp object a spaCy user recognises, run with nlp.pipe,
saved to disk and loaded back."""

from __future__ import annotations

import datetime as dt

import spacy

from tidings.coder.components import TidingsCoder

TEXTS = ["Pakistan accused India of violating the ceasefire in Kashmir.",
         "The weather in Lahore was mild on Tuesday."]


def _triples(doc) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(e.source.code, e.target_code, e.code[:3]) for e in doc._.events if e.asserted}


def test_the_coder_is_a_pipeline_component_run_by_nlp_pipe(coder) -> None:
    assert coder.nlp.pipe_names[-1] == "tidings_coder"
    assert isinstance(coder.nlp.get_pipe("tidings_coder"), TidingsCoder)
    accused, weather = coder.nlp.pipe(TEXTS)
    assert ("PAK", "IND", "112") in _triples(accused)
    assert weather._.events == []  # a sentence with no political act codes nothing
    assert [s.text for s in accused._.sentences] == [TEXTS[0]]


def test_the_publication_date_on_the_doc_decides_dated_offices(coder) -> None:
    doc = coder.nlp.make_doc("Putin met the Chinese president in Moscow.")
    doc._.published = dt.date(2010, 6, 1)  # then prime minister, not president
    (coded,) = coder.nlp.pipe([doc])
    assert any(e.source.code == "RUSGOV" for e in coded._.events)


def test_a_saved_pipeline_loads_back_and_codes_the_same(coder, tmp_path) -> None:
    coder.nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == coder.nlp.pipe_names
    assert _triples(loaded(TEXTS[0])) == _triples(coder.nlp(TEXTS[0]))
