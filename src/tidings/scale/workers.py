"""Coding on every core of one machine: worker processes, each loading the spaCy pipeline and
the knowledge files once, code chunks of articles; results come back in input order, so the
output is the same as a single process's. Input is read lazily and at most a few chunks per
worker are in flight, so memory stays flat however long the corpus is."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from tidings.config import Settings
from tidings.enrich.stage import enrich_coded
from tidings.records import Article, CodedArticle

_coder = None  # one per worker process


def _init(settings: Settings) -> None:
    global _coder
    from tidings.coder.core import Coder

    _coder = Coder(settings)


def _code_chunk(args: tuple[list[Article], bool]) -> list[CodedArticle]:
    articles, include_all = args
    assert _coder is not None
    return [enrich_coded(c, knowledge=_coder.knowledge)
            for c in _coder.code_articles(articles, include_all=include_all)]


def code_parallel(articles: Iterable[Article], settings: Settings, workers: int, *,
                  include_all: bool = False, chunk_size: int = 16) -> Iterator[CodedArticle]:
    """Code, date and place ``articles`` on ``workers`` processes; yields results in input
    order."""
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
                window.append(pool.apply_async(_code_chunk, ((chunk, include_all),)))
            if not window:
                break
            yield from window.popleft().get()
