"""Coding on every core of one machine: worker processes, each loading the spaCy pipeline and
the knowledge files once, code chunks of articles; results come back in input order, so the
output is the same as a single process's. Input is read lazily and at most a few chunks per
worker are in flight, so memory stays flat however long the corpus is."""

from __future__ import annotations

import multiprocessing as mp
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from tidings.config import Settings
from tidings.enrich.stage import enrich_coded
from tidings.records import Article, CodedArticle

_coder = None  # one per worker process


def _init(settings: Settings) -> None:
    global _coder
    from tidings.coder.core import Coder

    _coder = Coder(settings)


def _code_chunk(args: tuple[list[Article], bool]
                ) -> list[CodedArticle | tuple[Article, Exception]]:
    """A chunk coded, dated and placed, in order; an article that fails comes back with its
    exception in its place (the rest of the chunk is coded as usual)."""
    articles, include_all = args
    assert _coder is not None
    out: list[CodedArticle | tuple[Article, Exception]] = []

    def failed(article: Article, exc: Exception) -> None:
        out.append((article, _portable(exc)))

    for coded in _coder.code_articles(articles, include_all=include_all, on_error=failed):
        try:
            out.append(enrich_coded(coded, knowledge=_coder.knowledge))
        except Exception as exc:  # noqa: BLE001 - one record's fault costs only itself
            failed(coded.article, exc)
    return out  # in input order: code_articles reports a failure where the article was


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling back to the parent, else a RuntimeError saying it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any exception that does not pickle
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def code_parallel(articles: Iterable[Article], settings: Settings, workers: int, *,
                  include_all: bool = False, chunk_size: int = 64,
                  on_error: Callable[[Article, Exception], None] | None = None
                  ) -> Iterator[CodedArticle]:
    """Code, date and place ``articles`` on ``workers`` processes; yields results in input
    order. An article that fails goes to ``on_error`` (without it, its exception is
    raised). A worker takes ``chunk_size`` articles at a time: spaCy parses them as one batch,
    and 64 one-sentence articles a chunk coded 2,000 sentences on two workers in 11.9 s where
    16 took 13.0 s (32: 12.2 s, 128: 12.1 s)."""
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    ctx = mp.get_context("spawn")  # a clean interpreter per worker: no state shared by fork
    it = iter(articles)
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        window: deque = deque()
        while True:
            while len(window) < 2 * workers:
                chunk = list(islice(it, chunk_size))
                if not chunk:
                    break
                window.append((chunk, pool.apply_async(_code_chunk, ((chunk, include_all),))))
            if not window:
                break
            chunk, result = window.popleft()
            for item in result.get():
                if isinstance(item, CodedArticle):
                    yield item
                    continue
                sent, exc = item
                article = next(a for a in chunk if a.id == sent.id and a.origin == sent.origin)
                if on_error is None:
                    raise exc
                on_error(article, exc)
