"""Test databases: a DuckDB file, or a fresh PostgreSQL schema on the server that
TIDINGS_TEST_PG names (`.ci/postgres.sh` starts one); PostgreSQL cases skip without it."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG = os.environ.get("TIDINGS_TEST_PG")
BACKENDS = ["duckdb", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG, reason="TIDINGS_TEST_PG not set (.ci/postgres.sh starts a server)"))]


def new_db(kind: str, folder: Path) -> str:
    """A fresh, empty database of the given kind: a DuckDB file in ``folder`` or a new
    PostgreSQL schema (the URL sets its search_path)."""
    if kind == "duckdb":
        return str(folder / f"{uuid.uuid4().hex}.duckdb")
    import psycopg

    assert PG, "TIDINGS_TEST_PG is not set"
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    _MADE.append(schema)
    sep = "&" if "?" in PG else "?"
    return f"{PG}{sep}options=-csearch_path%3D{schema}"


_MADE: list[str] = []  # the PostgreSQL schemas this test session made, dropped at its end


def drop_all() -> None:
    """Drop every PostgreSQL schema ``new_db`` made in this session and is still there (the
    tests that keep a database for the whole module, or forget, leave none behind)."""
    if not (_MADE and PG):
        return
    import psycopg

    with psycopg.connect(PG, autocommit=True) as con:
        for schema in _MADE:
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    _MADE.clear()


def drop_db(db: str) -> None:
    """Remove a PostgreSQL schema made by ``new_db`` (DuckDB files go with their folder)."""
    m = re.search(r"search_path%3D(t_[0-9a-f]{12})$", db)
    if m and PG:
        import psycopg

        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {m.group(1)} CASCADE")


@contextmanager
def fresh_db(kind: str, folder: Path) -> Iterator[str]:
    db = new_db(kind, folder)
    try:
        yield db
    finally:
        drop_db(db)
