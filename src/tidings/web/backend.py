"""The API's hold on its database and its coder: the store opened on first use and shared by
the requests behind a lock (a DuckDB connection is not thread-safe), read-only unless a
watch task writes through it (``tidings serve --watch``); the coder, loaded on first use,
one text at a time; and the actor names of the knowledge bundle."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from tidings.coder.core import Coder
from tidings.config import Settings
from tidings.knowledge.bundle import Knowledge
from tidings.records import Article
from tidings.store.database import Store, open_store
from tidings.store.read import Reader
from tidings.web.names import ActorNames


class Backend:
    """The app's store and coder, opened on first use, shared behind locks."""

    def __init__(self, db: str, coder_factory: Callable[[], Coder] | None,
                 knowledge: Knowledge, writable: bool = False) -> None:
        self.db = db
        self.writable = writable
        self.knowledge = knowledge
        self.coder_factory = coder_factory or (lambda: Coder(Settings(
            data_dirs=knowledge.data_dirs, model=Settings.from_env().model)))
        self._store: Store | None = None
        self._coder: Coder | None = None
        self.lock = threading.Lock()
        self.coder_lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """The store's read model, with the store to itself (opened read-only on first
        use)."""
        with self.lock:
            yield self._opened().read

    def _opened(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db, read_only=not self.writable)
        return self._store

    @functools.cached_property
    def names(self) -> ActorNames:
        """The actor dictionaries' names and codes."""
        return ActorNames(self.knowledge)

    def open_reader(self) -> Store:
        """A store of its own for a long read (a download), closed by the caller: in this
        process DuckDB shares the open database with it."""
        return open_store(self.db, read_only=not self.writable, migrate=False)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store a watch task writes to: on DuckDB the app's own, each call behind the
        lock; on PostgreSQL a connection of its own (its writers need no lock)."""
        if self.db.startswith(("postgresql:", "postgres:")):
            store = open_store(self.db)
            try:
                yield store
            finally:
                store.close()
            return
        with self.lock:
            self._opened()
        yield _Locked(self)  # type: ignore[misc]

    @contextmanager
    def coder(self) -> Iterator[Coder]:
        """The app's one coder, to itself (loaded on first use)."""
        with self.coder_lock:
            if self._coder is None:
                self._coder = self.coder_factory()
            yield self._coder

    def code(self, text: str, date: dt.date | None) -> list[dict[str, Any]]:
        """The text's events, dated (against ``date`` when given) and placed, as ingest
        would store them. Only spaCy's pass holds the coder (one pipeline, not thread-safe);
        dating and placing do not, and nothing here holds the store's lock."""
        from tidings.enrich.stage import enrich_coded

        article = Article(id="text", text=text, date=date)
        with self.coder() as coder:
            coded = next(coder.code_articles([article]))
        return [e.to_dict() for e in enrich_coded(coded, knowledge=coder.knowledge).events]

    def close(self) -> None:
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None


class _Locked:
    """The app's store with each method call made behind the app's lock (one transaction
    of a batch of articles, or one query, at a time), for a watch task's ingest."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def __getattr__(self, name: str) -> Any:
        backend = self._backend
        with backend.lock:
            value = getattr(backend._opened(), name)
        if not callable(value):
            return value

        def locked(*args: Any, **kwargs: Any) -> Any:
            with backend.lock:
                return value(*args, **kwargs)
        return locked
