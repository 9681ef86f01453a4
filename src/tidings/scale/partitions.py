"""Cutting a corpus into partitions, the unit of work of a Dask job (client side, no article
text read), and reading a partition's records back (worker side) exactly as a single process
reads them.

A JSONL file is cut into runs of ``partition_size`` lines: the client scans the file's bytes
once (block by block, counting newlines, nothing kept but the byte offset where each partition
starts), so a worker can seek straight to its byte range and still name records by their
line number in the whole file. Other files (plain text, HTML pages, feeds: one or more
articles each) are grouped ``partition_size`` at a time, and each URL is a partition of its
own; workers read them with the one reader of ``tidings code`` and ``ingest``
(:func:`tidings.sources.reader.read`), so a page is coded from its main text everywhere.
"""

from __future__ import annotations

import glob
import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tidings.records import Article
from tidings.sources.base import Problem
from tidings.sources.fetch import is_url
from tidings.sources.files import JSONL_SUFFIXES, corpus_files, read_jsonl_lines
from tidings.sources.reader import SOURCE_SUFFIXES, read

_BLOCK = 1 << 20  # bytes read at a time when the client counts lines


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the corpus that one task codes.

    JSONL: ``names[0]`` from byte ``start`` to byte ``end``, whose first line is line
    ``first_line`` of the file. Text: the files ``names`` (plain text, pages, feeds). URL:
    the one address in ``names``."""

    kind: str  # "jsonl", "text" or "url"
    names: tuple[str, ...]  # the paths as the user gave them: what record origins show
    paths: tuple[str, ...]  # the same, absolute: what workers open
    start: int = 0
    end: int = 0
    first_line: int = 1

    @property
    def id(self) -> str:
        key = "\0".join((self.kind, *self.paths, str(self.start), str(self.end)))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "names": list(self.names),
                "start": self.start, "end": self.end, "first_line": self.first_line}


def expand_inputs(inputs: list[str]) -> tuple[list[Path | str], list[Problem]]:
    """The files ``inputs`` name, in order: files, directories (recursively, sorted; the
    suffixes the one reader reads), glob patterns (sorted; ``**`` allowed) and http(s) URLs
    (kept as strings). Names that match nothing become problems."""
    files: list[Path | str] = []
    problems: list[Problem] = []
    for item in inputs:
        if is_url(item):
            files.append(item)
            continue
        if glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                problems.append(Problem(item, "pattern matches no file"))
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(item)]
        for path in candidates:
            if path.is_dir():
                found = corpus_files(path, SOURCE_SUFFIXES)
                if not found:
                    problems.append(Problem(
                        str(path), "directory holds no .txt, .jsonl, .html or feed files"))
                files.extend(found)
            elif path.exists():
                files.append(path)
            else:
                problems.append(Problem(str(path), "no such file or directory"))
    return files, problems


def _jsonl_partitions(path: Path, size: int) -> Iterator[Partition]:
    """Cut a JSONL file into runs of ``size`` lines by counting newlines block by block."""
    name, abspath = str(path), os.path.abspath(path)
    start, first_line, lines, offset = 0, 1, 0, 0
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            pos = 0
            while True:
                need = size - lines
                if block.count(b"\n", pos) < need:
                    lines += block.count(b"\n", pos)
                    break
                for _ in range(need):
                    pos = block.index(b"\n", pos) + 1
                end = offset + pos
                yield Partition("jsonl", (name,), (abspath,), start, end, first_line)
                start, first_line, lines = end, first_line + size, 0
            offset += len(block)
    if offset > start:  # the tail, with or without a final newline
        yield Partition("jsonl", (name,), (abspath,), start, offset, first_line)


def plan_partitions(files: list[Path | str], partition_size: int) -> Iterator[Partition]:
    """Partitions of ``files`` in corpus order. Runs of other files are grouped; a URL (a
    string) is a partition of its own."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    group: list[Path] = []

    def text_group() -> Partition:
        return Partition("text", tuple(str(p) for p in group),
                         tuple(os.path.abspath(p) for p in group))

    for path in files:
        if isinstance(path, str):
            if group:
                yield text_group()
                group = []
            yield Partition("url", (path,), (path,))
        elif path.suffix.lower() in JSONL_SUFFIXES:
            if group:
                yield text_group()
                group = []
            try:
                yield from _jsonl_partitions(path, partition_size)
            except OSError:  # unreadable here: let the worker report it like ingest does
                yield Partition("jsonl", (str(path),), (os.path.abspath(path),), 0, -1, 1)
        else:
            group.append(path)
            if len(group) == partition_size:
                yield text_group()
                group = []
    if group:
        yield text_group()


# -- the worker side -------------------------------------------------------------------------
def _renamed(item: Article | Problem, part: Partition, path_index: int) -> Article | Problem:
    """Give a record the origin a single process would: the path as the user gave it and, for
    JSONL, the line number in the whole file."""
    origin = item.origin
    if part.kind == "jsonl":
        name = part.names[0]
        prefix = name + ":"
        if origin.startswith(prefix) and origin[len(prefix):].isdigit():
            origin = f"{name}:{int(origin[len(prefix):]) + part.first_line - 1}"
    elif origin == part.paths[path_index]:
        origin = part.names[path_index]
    return item if origin == item.origin else replace(item, origin=origin)


def read_partition(part: Partition) -> Iterator[Article | Problem]:
    """The records of one partition, as single-process ingest reads them."""
    if part.kind in ("text", "url"):
        for i, path in enumerate(part.paths):
            for item in read([path]):
                yield _renamed(item, part, i)
        return
    name = part.names[0]
    try:
        with open(part.paths[0], "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)  # end -1 (not readable by the client): all
    except OSError as exc:
        yield Problem(name, f"cannot read ({exc.strerror})")
        return
    for item in read_jsonl_lines(iter(io.BytesIO(data)), name):
        yield _renamed(item, part, 0)
