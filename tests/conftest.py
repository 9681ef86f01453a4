from __future__ import annotations

import pytest

from tidings.coder.core import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One coder for the whole test session: loading spaCy and the dictionaries takes seconds."""
    return Coder()


def triples(events, level: str = "root") -> set[tuple[str, str, str]]:
    """(source, target, code or root) of each event, for readable assertions."""
    key = (lambda e: e.root) if level == "root" else (lambda e: e.code)
    return {(e.source.code, e.target_code, key(e)) for e in events}


def country_codes(events) -> set[tuple[str, str, str]]:
    """(source country, target country, code) of each event: the first three letters of each
    actor code, for assertions about who acted on whom whatever the sector."""
    return {(e.source.code[:3], e.target_code[:3], e.code) for e in events}


def named_rows(names: tuple[str, ...] | str, rows: list[tuple]) -> pytest.MarkDecorator:
    """Parametrize a test over a table whose rows are (test id, *values): the coder tests'
    tables of sentences and what each must give."""
    values = [row[1] for row in rows] if isinstance(names, str) else [row[1:] for row in rows]
    return pytest.mark.parametrize(names, values, ids=[row[0] for row in rows])


def dyads(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, root) of each event the coder gives ``text``: the
    dyad_root level of `tidings eval`."""
    return {(e.source.code[:3], e.target_code[:3], e.root) for e in coder.code_text(text)}


def dyad_table_test(rows: list[tuple]):
    """The test every coder test module runs over its table of (test id, sentence, (source
    country, target country, root)): the sentence gives that dyad. Assign it to a module name
    starting with ``test_`` for pytest to collect it there."""
    @named_rows(("text", "expected"), rows)
    def test(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
        assert expected in dyads(coder, text)
    return test


# Tests that load the spaCy pipeline, start processes, a browser or a database server are
# marked "slow" here, so `make test-fast` (pytest -m "not slow") runs the rest in seconds.
_SLOW_MODULES = {"test_web", "test_distributed", "test_parallel", "test_cli", "test_ingest_cli",
                 "test_gold", "test_coder_mechanisms", "test_coder_roots", "test_coder_precision",
                 "test_enrich", "test_api", "test_api_schema", "test_store", "test_sources",
                 "test_coder_targets"}
_SLOW_TESTS = {"test_streaming_gdelt_writes_as_it_reads",  # large exports, memory bounds
               "test_streaming_parquet_holds_one_batch_at_a_time",
               "test_words_are_lemmas"}  # lemmatizes with the pipeline


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in _SLOW_MODULES or item.name.split("[")[0] in _SLOW_TESTS or \
                "coder" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No test schema is left behind in PostgreSQL (tests/databases.py)."""
    from tests.databases import drop_all

    drop_all()
