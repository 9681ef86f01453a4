"""The store stage: articles, sentences, mentions and deduplicated events in a real database.

DuckDB (one file) is the embedded default; PostgreSQL (psycopg 3) is the server backend. Both
run the same schema (data/migrations/*.sql) and the same code: the SQL here is the subset the
two accept, with `?` placeholders translated for PostgreSQL.

Writing is per article and transactional: an article, its sentences and mentions, and the
events those mentions belong to are written (or replaced, when the article changed) in one
transaction, so a job killed halfway leaves every article either fully stored or not at all,
and running it again finishes the job without doubling anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.config import DATA_DIR
from tidings.knowledge.ontology import Ontology
from tidings.records import Article, Event, Sentence
from tidings.store.filters import Filters
from tidings.store.read import MENTION_JOIN, Reader, mention_columns
from tidings.store.schema import ACTORS, ARTICLES, EVENTS, MENTIONS, SENTENCES, Table
from tidings.store.sizes import merged_counts

MIGRATIONS = DATA_DIR / "migrations"

# The column names of the two event tables (schema.py defines them and their kinds).
MENTION_COLUMNS = MENTIONS.names
EVENT_COLUMNS = EVENTS.names


class StoreError(RuntimeError):
    """A database that cannot be opened or used; the message names it."""


def content_hash(article: Article) -> str:
    h = hashlib.sha1()
    for part in (article.text, article.title or "", str(article.date or ""), article.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def event_key(ev: Event) -> str:
    """The identity of an event across articles: same day, dyad, CAMEO root and place."""
    place = ""
    if ev.place is not None:
        place = (ev.place.name if ev.place.feature != "country" else ev.place.country).lower()
    day = ev.date.isoformat() if ev.date else "undated"
    raw = f"{day}|{ev.source.code}|{ev.target_code}|{ev.root}|{place}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def mention_key(article_id: str, ev: Event) -> str:
    raw = (f"{article_id}|{ev.sentence}|{ev.source.code}|{ev.target_code}|{ev.code}|"
           f"{ev.action_start}|{ev.source.start}")
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class SaveResult:
    status: str  # "new", "replaced", "unchanged"
    events_new: int = 0
    events_merged: int = 0
    mentions: int = 0


class Store:
    """One database. Use :func:`open_store`."""

    dialect = ""

    def __init__(self, target: str) -> None:
        self.target = target
        self._reader: Reader | None = None

    @property
    def read(self) -> Reader:
        """The read model: every query the API, the command line and the exports make."""
        if self._reader is None:
            self._reader = Reader(self._execute, self._stream)
        return self._reader

    # -- backend hooks ---------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:  # pragma: no cover
        raise NotImplementedError

    def _transaction(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _lock(self, keys: Iterable[str]) -> None:
        """Serialise writers touching the same keys (PostgreSQL); DuckDB has one writer."""

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[tuple]:
        raise NotImplementedError  # pragma: no cover

    def close(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def is_record_error(self, exc: BaseException) -> bool:
        """Whether ``exc``, raised while storing a batch, comes from the data of a record
        (a value the database cannot take) rather than from the database itself (a lost
        connection, a full disk), so that the batch's other records may still be stored."""
        return isinstance(exc, TypeError | ValueError | AttributeError | UnicodeError)

    # -- schema ----------------------------------------------------------------------------
    def migrate(self) -> int:
        """Apply the migrations not applied yet; return the schema version."""
        with self._transaction():
            self._lock(["schema"])
            self._execute("CREATE TABLE IF NOT EXISTS schema_version ("
                          "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
            row = self._execute("SELECT max(version) FROM schema_version").fetchone()
            current = row[0] or 0
            for path in sorted(MIGRATIONS.glob("*.sql")):
                version = int(path.name.split("_", 1)[0])
                if version <= current:
                    continue
                for statement in _statements(path.read_text("utf-8")):
                    self._execute(statement)
                self._execute("INSERT INTO schema_version VALUES (?, ?)",
                              (version, _now()))
                current = version
        return current

    # -- writing ---------------------------------------------------------------------------
    def save_article(self, article: Article, sentences: list[Sentence], events: list[Event],
                     ontology: Ontology) -> SaveResult:
        """Store one coded article, replacing an older version of it, in one transaction."""
        return self.save_articles([(article, sentences, events)], ontology)[0]

    def save_articles(self, batch: Sequence[tuple[Article, list[Sentence], list[Event]]],
                      ontology: Ontology) -> list[SaveResult]:
        """Store coded articles in one transaction: each replaces an older version of itself;
        their events are merged with the events already stored. Either the whole batch is
        stored or none of it."""
        now = _now()
        items = list({a.id: (a, s, e) for a, s, e in batch}.values())  # last copy of an id wins
        ids = sorted(a.id for a, _, _ in items)
        with self._transaction():
            self._lock(f"article:{i}" for i in ids)
            old = self.stored_hashes(ids)
            todo = [(a, s, e, content_hash(a)) for a, s, e in items]
            todo = [t for t in todo if old.get(t[0].id) != t[3]]
            results = {a.id: SaveResult("unchanged") for a, _, _ in items}
            if not todo:
                return [results[a.id] for a, _, _ in items]
            replaced = sorted(a.id for a, _, _, _ in todo if a.id in old)
            affected: set[str] = set()
            for chunk in _chunks(replaced, 500):
                marks = ", ".join("?" * len(chunk))
                affected.update(r[0] for r in self._execute(
                    f"SELECT DISTINCT event_id FROM mentions WHERE article_id IN ({marks})",
                    chunk).fetchall())
                for table in ("mentions", "sentences", "articles"):
                    self._execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
            article_rows, sentence_rows, mention_rows = [], [], {}
            per_article: list[tuple[str, list[str]]] = []
            for a, sents, evs, digest in todo:
                article_rows.append(ARTICLES.values({
                    "article_id": a.id, "url": a.url, "source_name": a.source,
                    "title": a.title, "published": a.date, "content_hash": digest,
                    "origin": a.origin, "ingested_at": now, "text": a.text}))
                sentence_rows += [(a.id, x.index, x.start, x.end, x.text) for x in sents]
                eids = []
                for ev in evs:
                    eid, mid = event_key(ev), mention_key(a.id, ev)
                    mention_rows[mid] = MENTIONS.values(MENTIONS.event_row(
                        ev, mention_id=mid, event_id=eid, article_id=a.id, seen_at=now))
                    eids.append(eid)
                per_article.append((a.id, eids))
            new_ids = {r[1] for r in mention_rows.values()}
            self._lock(sorted(f"event:{e}" for e in new_ids))
            existing = self._existing_events(new_ids)
            self._insert(ARTICLES, article_rows)
            self._insert(SENTENCES, sentence_rows)
            self._insert(MENTIONS, list(mention_rows.values()))
            self._refresh_events(sorted(affected | new_ids), ontology)
            known = set(existing)
            for aid, eids in per_article:
                distinct = list(dict.fromkeys(eids))
                results[aid] = SaveResult("replaced" if aid in old else "new",
                                          sum(e not in known for e in distinct),
                                          sum(e in known for e in distinct), len(eids))
                known.update(distinct)
        return [results[a.id] for a, _, _ in items]

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hashes of those of ``ids`` that are stored."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ", ".join("?" * len(chunk))
            out.update(self._execute(
                f"SELECT article_id, content_hash FROM articles WHERE article_id IN ({marks})",
                chunk).fetchall())
        return out

    def _insert(self, table: Table, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows whose values are in the order of ``table``'s columns."""
        if rows:
            marks = ", ".join("?" * len(table.columns))
            self._executemany(f"INSERT INTO {table.name} ({', '.join(table.names)}) "
                              f"VALUES ({marks})", rows)

    def _existing_events(self, ids: set[str]) -> set[str]:
        found: set[str] = set()
        ids_list = sorted(ids)
        for chunk in _chunks(ids_list, 500):
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in self._execute(
                f"SELECT event_id FROM events WHERE event_id IN ({marks})", chunk).fetchall())
        return found

    def _refresh_events(self, event_ids: list[str], ontology: Ontology) -> None:
        """Recompute the event rows (counts, first/last seen, representative mention) of the
        given event ids from their mentions; events with no mention left disappear."""
        actor_codes: set[str] = set()
        for chunk in _chunks(event_ids, 500):
            marks = ", ".join("?" * len(chunk))
            old_actors = self._execute(
                f"SELECT source, target FROM events WHERE event_id IN ({marks})", chunk
            ).fetchall()
            actor_codes.update(c for pair in old_actors for c in pair)
            self._execute(f"DELETE FROM events WHERE event_id IN ({marks})", chunk)
            mentions = self._execute(
                f"SELECT {mention_columns(_MERGED)} {MENTION_JOIN} "
                f"WHERE m.event_id IN ({marks}) "
                "ORDER BY m.event_id, m.seen_at, m.article_id, m.sentence_index, m.mention_id",
                chunk).fetchall()
            groups: dict[str, list[dict[str, Any]]] = {}
            for row in mentions:
                mention = dict(zip(_MERGED, row, strict=True))
                groups.setdefault(mention["event_id"], []).append(mention)
            out = [_event_row(eid, rows, ontology) for eid, rows in groups.items()]
            self._insert(EVENTS, [EVENTS.values(r) for r in out])
            actor_codes.update(c for r in out for c in (r["source"], r["target"]))
        self._refresh_actors(sorted(actor_codes))

    def _refresh_actors(self, codes: list[str]) -> None:
        for chunk in _chunks(codes, 500):
            marks = ", ".join("?" * len(chunk))
            self._lock(sorted(f"actor:{c}" for c in chunk))
            self._execute(f"DELETE FROM actors WHERE code IN ({marks})", chunk)
            counts = Counter[str]()
            names: dict[str, Counter[str]] = {}
            parts: dict[str, tuple[str | None, str | None]] = {}
            for side in ("source", "target"):
                for code, country, agent, text in self._execute(
                        f"SELECT {side}, {side}_country, {side}_agent, {side}_text FROM events "
                        f"WHERE {side} IN ({marks})", chunk).fetchall():
                    counts[code] += 1
                    parts.setdefault(code, (country, agent))
                    if text:
                        names.setdefault(code, Counter())[text] += 1
            rows = [(code, parts[code][0], parts[code][1],
                     names[code].most_common(1)[0][0] if code in names else None, n)
                    for code, n in counts.items()]
            self._insert(ACTORS, rows)

    # -- reading (see ``read`` for the rest) ------------------------------------------------
    def iter_events(self, filters: Filters | None = None, *,
                    batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Events matching the filters, ordered by date, streamed from the database."""
        return self.read.iter_events(filters, batch=batch)

    def iter_mentions(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        return self.read.iter_mentions(batch=batch)

    def iter_daily(self, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """One row per day, dyad and CAMEO code (the Phoenix-style one-a-day view)."""
        return self.read.iter_daily(batch=batch)

    def counts(self) -> dict[str, int]:
        return self.read.counts()


# -- DuckDB ---------------------------------------------------------------------------------
class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: str, read_only: bool = False) -> None:
        import duckdb

        super().__init__(path)
        if read_only and not Path(path).expanduser().exists():
            raise StoreError(f"{path}: no such database (tidings ingest or tidings run makes "
                             "one)")
        try:
            # Read-only connections share the file: `tidings serve` and `tidings events` can
            # read the same database at once.
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{path}: in use by another process ({_lock_holder(exc)}); DuckDB lets "
                    "one process write or several read: stop the other one (a `tidings "
                    "serve` only reads, so `events` and `export` work beside it), or use "
                    "PostgreSQL for writers working at once") from None
            raise StoreError(f"{path}: cannot open DuckDB database ({_first_line(exc)})") from None
        self._depth = 0

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.con.executemany(sql, [list(r) for r in rows])

    def _insert(self, table: Table, rows: Sequence[Sequence[Any]]) -> None:
        # DuckDB binds executemany row by row; a columnar Arrow table goes in at once.
        if not rows:
            return
        import pyarrow as pa

        columns = {f"c{i}": pa.array([r[i] for r in rows]) for i in range(len(rows[0]))}
        batch = pa.table(columns)  # noqa: F841 - read by DuckDB below, by name
        self.con.execute(f"INSERT INTO {table.name} ({', '.join(table.names)}) "
                         "SELECT * FROM batch")

    def _transaction(self) -> Any:
        return _DuckTransaction(self)

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[tuple]:
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                break
            yield from rows
        cur.close()

    def close(self) -> None:
        self.con.close()

    def is_record_error(self, exc: BaseException) -> bool:
        import duckdb

        return super().is_record_error(exc) or isinstance(exc, (
            duckdb.ConversionException, duckdb.InvalidInputException,
            duckdb.ConstraintException, duckdb.OutOfRangeException))


class _DuckTransaction:
    def __init__(self, store: DuckDBStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        if self.store._depth == 0:
            self.store.con.execute("BEGIN TRANSACTION")
        self.store._depth += 1

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.store._depth -= 1
        if self.store._depth == 0:
            self.store.con.execute("ROLLBACK" if exc_type else "COMMIT")


# -- PostgreSQL -----------------------------------------------------------------------------
class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, dsn: str) -> None:
        import psycopg

        super().__init__(dsn)
        try:
            self.con = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{_redact(dsn)}: cannot connect to PostgreSQL "
                             f"({_first_line(exc)})") from None
        self._tx: list[Any] = []

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.con.execute(self._sql(sql), list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.con.cursor() as cur:
            cur.executemany(self._sql(sql), [list(r) for r in rows])

    def _transaction(self) -> Any:
        return self.con.transaction()

    def _lock(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.con.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])

    def _stream(self, sql: str, params: Sequence[Any], size: int) -> Iterator[tuple]:
        with self.con.transaction(), self.con.cursor(name="tidings_stream") as cur:
            cur.itersize = size
            cur.execute(self._sql(sql), list(params))
            yield from cur

    def close(self) -> None:
        self.con.close()

    def is_record_error(self, exc: BaseException) -> bool:
        import psycopg

        return super().is_record_error(exc) or isinstance(
            exc, psycopg.DataError | psycopg.IntegrityError)


def open_store(db: str | Path, *, migrate: bool = True, read_only: bool = False) -> Store:
    """A DuckDB file path, or a postgresql:// URL. ``read_only`` opens an existing database
    for reading only (DuckDB then lets other readers open it too) and checks its schema is
    the current one instead of migrating it."""
    target = str(db)
    if target.startswith(("postgresql://", "postgres://")):
        store: Store = PostgresStore(target)
    else:
        parent = Path(target).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"{target}: directory {parent} does not exist")
        store = DuckDBStore(target, read_only=read_only)
    if read_only:
        _check_schema(store, target)
        return store
    if migrate:
        try:
            store.migrate()
        except Exception as exc:  # the driver's own error types differ per backend
            store.close()
            raise StoreError(f"{_redact(target)}: cannot set up the schema "
                             f"({_first_line(exc)})") from None
    return store


def _lock_holder(exc: Exception) -> str:
    m = re.search(r"held in (\S+) \(PID (\d+)\)", str(exc))
    return f"PID {m.group(2)}, {Path(m.group(1)).name}" if m else "a lock is held"


def _check_schema(store: Store, target: str) -> None:
    latest = max(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))
    try:
        version = store._execute("SELECT max(version) FROM schema_version").fetchone()[0]
    except Exception:  # noqa: BLE001 - no such table, in either backend's own error type
        version = None  # (both connections are in autocommit: nothing to roll back)
    if version != latest:
        store.close()
        state = "has no tidings tables" if version is None else f"has schema {version}"
        raise StoreError(f"{_redact(target)}: {state}, not {latest}; tidings ingest (or "
                         "tidings run) sets it up")


# -- helpers --------------------------------------------------------------------------------
# A mention row as ``_event_row`` reads it: the mention's columns, then the article's outlet
# and address and the sentence's text, named as in the events table.
_MERGED = (*MENTION_COLUMNS, "source_name", "source_url", "sentence")


def _event_row(eid: str, rows: list[dict[str, Any]], ontology: Ontology) -> dict[str, Any]:
    """An event row from its mention rows (ordered: the first is the representative)."""
    first = rows[0]
    # The most frequent code among the mentions (ties: the first seen).
    code = Counter(r["code"] for r in rows).most_common(1)[0][0]
    info = ontology.codes.get(code)
    seen = [r["seen_at"] for r in rows]
    # The representative mention's columns, where the events table has them ...
    row = {name: first[name] for name in EVENT_COLUMNS if name in first}
    # ... and what the mentions make together.
    row.update(
        event_id=eid, code=code, root=code[:2], quad_class=info.quad_class if info else 0,
        goldstein=info.goldstein if info else 0.0,
        plover=ontology.plover_name(info.plover) if info else None,
        plover_mode=info.plover_mode if info else None, num_mentions=len(rows),
        num_sources=len({r["source_name"] or r["source_url"] or r["article_id"] for r in rows}),
        num_articles=len({r["article_id"] for r in rows}), first_seen=min(seen),
        last_seen=max(seen),
        confidence=max((r["confidence"] for r in rows if r["confidence"] is not None),
                       default=None),
        **merged_counts(rows))
    return row


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _redact(dsn: str) -> str:
    """A connection URL without its password, for messages."""
    if "@" in dsn and "://" in dsn:
        scheme, rest = dsn.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return dsn
