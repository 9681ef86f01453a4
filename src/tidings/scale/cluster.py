"""Coding a corpus on a Dask cluster: one Parquet file of events per partition of the input.

The client only lists the input files and cuts them into partitions; it never parses article
text and never holds the corpus. A JSONL file is cut into runs of ``partition_size`` lines: the
client scans the file's bytes once (block by block, counting newlines, nothing kept but the
byte offset where each partition starts), so a worker can seek straight to its byte range and
still name records by their line number in the whole file, exactly as a single process does.
Plain-text files (one article each) are grouped ``partition_size`` at a time. Workers read
their partitions themselves, so the input paths and ``out_dir`` must be visible to every
worker at the same paths (a shared filesystem).

Each worker process builds one ``Coder`` (lazily, on its first task) and codes, dates and
places one partition at a time. A partition's events go to ``out_dir/part-<id>.parquet``, its
records (article fields and sentences) to ``out_dir/records-<id>.parquet`` and its bad
records to ``out_dir/part-<id>.problems.jsonl``; each is written under a temporary name in
``out_dir`` and renamed into place, the events last, so the events file appearing is the
partition's completion marker. The id is a hash of the file and the range, so a rerun finds
the partitions already done and skips them, and a partition recomputed after a worker was
lost (Dask reschedules its tasks; each is also submitted with ``retries=2``) replaces its
files with the same content: nothing is lost and nothing is duplicated.

``read_output(out_dir)`` concatenates the partitions in corpus order (``_partitions.json``,
written by the client, lists them), which is exactly the order of ``single_process_rows``;
``read_coded(out_dir)`` gives the coded articles back, which `tidings ingest OUT_DIR` stores.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.config import DATA_DIR, Settings
from tidings.enrich.stage import enrich_coded
from tidings.records import Actor, Article, CodedArticle, Event, Place, Sentence
from tidings.sources.files import (
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    Problem,
    corpus_files,
    read_jsonl_lines,
    read_path,
)

MANIFEST = "_partitions.json"
_META_KEY = b"tidings.partition"
_BLOCK = 1 << 20  # bytes read at a time when the client counts lines

# One row per event: the event's own columns (what ``single_process_rows`` gives), dated and
# placed, with everything the store keeps of it ...
EVENT_COLUMNS: tuple[str, ...] = (
    "record_id", "origin", "sentence", "source", "target", "code", "root", "quad_class",
    "goldstein", "plover", "source_text", "target_text", "action_text", "source_start",
    "source_end", "target_start", "target_end", "action_start", "action_end", "rule", "negated",
    "hypothetical", "future", "intent_of", "source_country", "source_agent", "source_rule",
    "target_country", "target_agent", "target_rule", "date", "date_source", "place_name",
    "place_country", "place_lat", "place_lon", "place_feature", "place_source",
)
# ... and where it sits: the partition's id, the record's place in the partition (counting
# every record read, problems included) and the event's place in the record.
POSITION_COLUMNS: tuple[str, ...] = ("partition", "record_index", "event_index")

_STR, _INT, _BOOL, _FLOAT = pa.string(), pa.int64(), pa.bool_(), pa.float64()
SCHEMA = pa.schema([
    ("record_id", _STR), ("origin", _STR), ("sentence", _INT), ("source", _STR),
    ("target", _STR), ("code", _STR), ("root", _STR), ("quad_class", _INT),
    ("goldstein", _FLOAT), ("plover", _STR), ("source_text", _STR),
    ("target_text", _STR), ("action_text", _STR), ("source_start", _INT), ("source_end", _INT),
    ("target_start", _INT), ("target_end", _INT), ("action_start", _INT), ("action_end", _INT),
    ("rule", _STR), ("negated", _BOOL), ("hypothetical", _BOOL), ("future", _BOOL),
    ("intent_of", _STR), ("source_country", _STR), ("source_agent", _STR),
    ("source_rule", _STR), ("target_country", _STR), ("target_agent", _STR),
    ("target_rule", _STR), ("date", pa.date32()), ("date_source", _STR), ("place_name", _STR),
    ("place_country", _STR), ("place_lat", _FLOAT), ("place_lon", _FLOAT),
    ("place_feature", _STR), ("place_source", _STR),
    ("partition", _STR), ("record_index", _INT), ("event_index", _INT),
])
# Beside each partition's events, its records (the articles, with their sentences): what
# `tidings ingest OUT_DIR` needs to store the job's output like a single-process ingest.
ARTICLE_SCHEMA = pa.schema([
    ("record_index", _INT), ("id", _STR), ("text", _STR), ("date", pa.date32()),
    ("url", _STR), ("source", _STR), ("title", _STR), ("origin", _STR),
    ("sentences", pa.list_(pa.struct([("index", _INT), ("start", _INT), ("end", _INT),
                                      ("text", _STR)]))),
])
FORMAT = 2  # of the output directory; bumped when its columns change


# -- the plan: files and partitions (client side, no article text read) ----------------------
@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the corpus that one task codes.

    JSONL: ``names[0]`` from byte ``start`` to byte ``end``, whose first line is line
    ``first_line`` of the file. Plain text: the files ``names``, one article each."""

    kind: str  # "jsonl" or "text"
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


def expand_inputs(inputs: list[str]) -> tuple[list[Path], list[Problem]]:
    """The files ``inputs`` name, in order: files, directories (recursively, sorted; .jsonl,
    .ndjson and .txt as in single-process ingest) and glob patterns (sorted; ``**`` allowed).
    Names that match nothing become problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for item in inputs:
        if glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                problems.append(Problem(item, "pattern matches no file"))
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(item)]
        for path in candidates:
            if path.is_dir():
                found = corpus_files(path, TEXT_SUFFIXES | JSONL_SUFFIXES)
                if not found:
                    problems.append(Problem(str(path), "directory holds no .txt or .jsonl files"))
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


def plan_partitions(files: list[Path], partition_size: int) -> Iterator[Partition]:
    """Partitions of ``files`` in corpus order. Runs of plain-text files are grouped."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    group: list[Path] = []

    def text_group() -> Partition:
        return Partition("text", tuple(str(p) for p in group),
                         tuple(os.path.abspath(p) for p in group))

    for path in files:
        if path.suffix.lower() in JSONL_SUFFIXES:
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


# -- the worker side ---------------------------------------------------------------------------
_CODERS: dict[tuple, Any] = {}  # one Coder per worker process and settings
_CODERS_LOCK = threading.Lock()
_CODE_LOCK = threading.Lock()  # spaCy pipelines are not meant to be shared between threads
_PACKAGE_DATA = "<tidings-data>"


def _portable(settings: Settings) -> tuple:
    """Settings as sent to workers: the package's own data directory is named by a marker, so
    that a worker installed elsewhere uses its own copy."""
    dirs = tuple(_PACKAGE_DATA if Path(d) == DATA_DIR else str(d) for d in settings.data_dirs)
    return (settings.model, dirs, settings.batch_size)


def _settings(portable: tuple) -> Settings:
    model, dirs, batch_size = portable
    return Settings(model=model, batch_size=batch_size,
                    data_dirs=tuple(DATA_DIR if d == _PACKAGE_DATA else Path(d) for d in dirs))


def _coder(portable: tuple) -> Any:
    with _CODERS_LOCK:
        coder = _CODERS.get(portable)
        if coder is None:
            from tidings.coder.core import Coder  # spaCy: needed on workers only

            _relax_malloc_trim()
            coder = _CODERS[portable] = Coder(_settings(portable))
        return coder


def _relax_malloc_trim() -> None:
    """Undo Dask's MALLOC_TRIM_THRESHOLD_ for this worker process. Dask's nanny starts workers
    with it at 64 KB, which also freezes glibc's mmap threshold at 128 KB: every array the
    parser allocates above that is mapped and unmapped each time, thirty times the page
    faults, and coding runs about 10-15% slower. A coding worker's memory is bounded (a few
    hundred MB), so large blocks come from the heap again (up to 32 MB, glibc's own ceiling
    for its dynamic threshold) and up to 64 MB of free heap may be kept. No effect where the
    C library has no mallopt (not glibc)."""
    threshold = os.environ.get("MALLOC_TRIM_THRESHOLD_", "")
    if not threshold.isdigit() or int(threshold) >= _TRIM_THRESHOLD:
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
    except (OSError, AttributeError):
        pass


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameter numbers
_TRIM_THRESHOLD, _MMAP_THRESHOLD = 64 << 20, 32 << 20


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
    if part.kind == "text":
        for i, path in enumerate(part.paths):
            for item in read_path(Path(path)):
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


def event_rows(coded: CodedArticle) -> Iterator[dict[str, Any]]:
    """One row (the ``EVENT_COLUMNS``) per event of a coded article."""
    art = coded.article
    for ev in coded.events:
        src, tgt, place = ev.source, ev.target, ev.place
        yield {
            "record_id": art.id, "origin": art.origin, "sentence": ev.sentence,
            "source": src.code, "target": ev.target_code, "code": ev.code,
            "root": ev.root, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
            "plover": ev.plover, "source_text": src.text,
            "target_text": tgt.text if tgt else None, "action_text": ev.action_text,
            "source_start": src.start, "source_end": src.end,
            "target_start": tgt.start if tgt else None, "target_end": tgt.end if tgt else None,
            "action_start": ev.action_start, "action_end": ev.action_end, "rule": ev.rule,
            "negated": ev.negated, "hypothetical": ev.hypothetical, "future": ev.future,
            "intent_of": ev.intent_of, "source_country": src.country,
            "source_agent": src.agent, "source_rule": src.rule,
            "target_country": tgt.country if tgt else None,
            "target_agent": tgt.agent if tgt else None, "target_rule": tgt.rule if tgt else None,
            "date": ev.date, "date_source": ev.date_source,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
            "place_feature": place.feature if place else None,
            "place_source": place.source if place else None,
        }


def article_row(index: int, coded: CodedArticle) -> dict[str, Any]:
    """A record of a partition as a row of ``ARTICLE_SCHEMA``."""
    a = coded.article
    return {"record_index": index, "id": a.id, "text": a.text, "date": a.date, "url": a.url,
            "source": a.source, "title": a.title, "origin": a.origin,
            "sentences": [{"index": x.index, "start": x.start, "end": x.end, "text": x.text}
                          for x in coded.sentences]}


def event_from_row(row: dict[str, Any]) -> Event:
    """The ``Event`` an ``EVENT_COLUMNS`` row was made from."""
    source = Actor(row["source"], row["source_text"], row["source_start"], row["source_end"],
                   row["source_rule"] or "", row["source_country"], row["source_agent"])
    target = None
    if row["target_start"] is not None:
        target = Actor(row["target"], row["target_text"], row["target_start"],
                       row["target_end"], row["target_rule"] or "", row["target_country"],
                       row["target_agent"])
    place = None
    if row["place_name"] is not None:
        place = Place(row["place_name"], row["place_country"], row["place_lat"],
                      row["place_lon"], row["place_feature"], row["place_source"])
    return Event(source, target, row["code"], row["root"], row["quad_class"], row["goldstein"],
                 row["plover"], row["action_text"], row["action_start"], row["action_end"],
                 row["sentence"], row["rule"], row["negated"], row["hypothetical"],
                 row["future"], row["intent_of"], row["date"], row["date_source"], place)


def _write_atomically(target: Path, write: Any) -> None:
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def part_file(out_dir: str | Path, part_id: str) -> Path:
    return Path(out_dir) / f"part-{part_id}.parquet"


def articles_file(out_dir: str | Path, part_id: str) -> Path:
    """A partition's records (named apart from the events files, which ``part-*.parquet``
    lists)."""
    return Path(out_dir) / f"records-{part_id}.parquet"



def code_partition(part: Partition, out_dir: str, portable: tuple,
                   include_all: bool) -> dict[str, Any]:
    """The task: code one partition and write its files. Safe to run twice."""
    target = part_file(out_dir, part.id)
    coder = _coder(portable)
    records = list(enumerate(read_partition(part)))
    problems = [(i, p) for i, p in records if isinstance(p, Problem)]
    articles = [(i, a) for i, a in records if isinstance(a, Article)]
    rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []
    with _CODE_LOCK:
        coded = coder.code_articles((a for _, a in articles), include_all=include_all)
        for (index, _), result in zip(articles, coded, strict=True):
            result = enrich_coded(result)
            article_rows.append(article_row(index, result))
            for event_index, row in enumerate(event_rows(result)):
                row.update(partition=part.id, record_index=index, event_index=event_index)
                rows.append(row)
    if problems:
        lines = "".join(json.dumps({"origin": p.origin, "message": p.message,
                                    "record_id": p.record_id, "record_index": i}) + "\n"
                        for i, p in problems)
        _write_atomically(target.with_name(f"part-{part.id}.problems.jsonl"),
                          lambda fh: fh.write(lines.encode("utf-8")))
    records = pa.Table.from_pylist(article_rows, schema=ARTICLE_SCHEMA)
    _write_atomically(articles_file(out_dir, part.id), lambda fh: pq.write_table(records, fh))
    table = pa.Table.from_pylist(rows, schema=SCHEMA).replace_schema_metadata(
        {_META_KEY: json.dumps(part.describe()).encode("utf-8")})
    _write_atomically(target, lambda fh: pq.write_table(table, fh))  # last: "done"
    return {"id": part.id, "events": len(rows), "problems": len(problems)}


# -- the client --------------------------------------------------------------------------------
@dataclass(slots=True)
class DaskSummary:
    """What a run did. ``events`` and ``problems`` count the partitions written in this run."""

    partitions: int = 0
    skipped: int = 0  # already done by an earlier run
    written: int = 0
    events: int = 0
    problems: int = 0
    input_problems: list[Problem] = field(default_factory=list)  # inputs that name no file
    failed: list[str] = field(default_factory=list)  # "part-<id>: error", after retries
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def lines(self) -> list[str]:
        out = [
            f"partitions: {self.partitions} ({self.skipped} already done, "
            f"{self.written} written, {len(self.failed)} failed)",
            f"events: {self.events}, problems: {self.problems} (in the partitions written)",
            f"time: {self.seconds:.1f} s",
        ]
        out += [f"input problem: {p}" for p in self.input_problems]
        out += [f"failed: {f}" for f in self.failed]
        return out


class DaskJobError(RuntimeError):
    """Some partitions failed even after retries; the others are written, and a rerun with the
    same ``out_dir`` does only what is missing."""

    def __init__(self, summary: DaskSummary) -> None:
        super().__init__("\n".join(summary.lines()))
        self.summary = summary


def _client(scheduler: str) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.removeprefix("local:"))
        except ValueError:
            raise ValueError(f"scheduler {scheduler!r}: expected local:N") from None
        if n < 1:
            raise ValueError(f"scheduler {scheduler!r}: at least one worker is needed")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        return cluster, Client(cluster)
    return None, Client(scheduler)


def _options(portable: tuple, include_all: bool) -> dict[str, Any]:
    """What the output depends on besides the input: a rerun into the same ``out_dir`` must
    use the same, or finished partitions would mix codings."""
    model, dirs, _ = portable
    return {"model": model, "data_dirs": list(dirs), "include_all": include_all,
            "format": FORMAT}


def _write_manifest(out_dir: Path, parts: list[Partition], options: dict[str, Any]) -> None:
    manifest = out_dir / MANIFEST
    if manifest.exists():
        before = json.loads(manifest.read_text("utf-8")).get("options")
        if before != options and any(out_dir.glob("part-*.parquet")):
            raise ValueError(f"{out_dir} holds output coded with other options ({before}, now "
                             f"{options}); use another output directory")
    text = json.dumps({"options": options, "partitions": [p.describe() for p in parts]},
                      indent=0)
    _write_atomically(manifest, lambda fh: fh.write(text.encode("utf-8")))


def code_on_dask(inputs: list[str], out_dir: str | Path, scheduler: str, settings: Settings, *,
                 include_all: bool = False, partition_size: int = 200,
                 progress: bool = True) -> DaskSummary:
    """Code ``inputs`` (files, directories, glob patterns) on a Dask cluster into one Parquet
    file per partition in ``out_dir``. ``scheduler`` is "local:N" (a local cluster of N worker
    processes, for this job only) or the address of a running scheduler ("tcp://host:8786").
    Partitions already written by an earlier run are skipped (a rerun must use the same
    settings and ``include_all``, or it raises ValueError). Raises ``DaskJobError`` when some
    partitions failed after retries (the rest are kept)."""
    t0 = time.monotonic()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files, input_problems = expand_inputs(inputs)
    summary = DaskSummary(input_problems=input_problems)
    for p in input_problems:
        print(f"tidings: {p}", file=sys.stderr)
    parts = list(plan_partitions(files, partition_size))
    portable = _portable(settings)
    _write_manifest(out, parts, _options(portable, include_all))
    summary.partitions = len(parts)
    todo: dict[str, Partition] = {}
    for part in parts:
        if part_file(out, part.id).exists():
            summary.skipped += 1
        else:
            todo.setdefault(part.id, part)
    if todo:
        _run(list(todo.values()), str(out.resolve()), scheduler, portable,
             include_all, progress, summary)
    summary.seconds = time.monotonic() - t0
    if summary.failed:
        raise DaskJobError(summary)
    return summary


def _run(todo: list[Partition], out_dir: str, scheduler: str, portable: tuple,
         include_all: bool, progress: bool, summary: DaskSummary) -> None:
    from distributed import as_completed

    cluster, client = _client(scheduler)
    try:
        print(f"tidings: Dask dashboard at {client.dashboard_link}", file=sys.stderr)
        run = uuid.uuid4().hex[:8]
        futures = [client.submit(code_partition, part, out_dir, portable, include_all,
                                 key=f"tidings-part-{part.id}-{run}", retries=2, pure=False)
                   for part in todo]
        done, total = 0, len(futures)
        bar = None
        if progress and sys.stderr.isatty():  # a bar on a terminal, a line now and then if not
            from tqdm import tqdm

            bar = tqdm(total=total, unit=" partitions", file=sys.stderr, dynamic_ncols=True)
        for fut in as_completed(futures):
            done += 1
            try:
                result = fut.result()
            except Exception as exc:  # reported; the other partitions go on
                summary.failed.append(f"{fut.key}: {type(exc).__name__}: {exc}")
            else:
                summary.written += 1
                summary.events += result["events"]
                summary.problems += result["problems"]
            fut.release()
            if bar is not None:
                bar.update(1)
                bar.set_postfix(events=summary.events, failed=len(summary.failed), refresh=False)
            elif progress and (done == total or done % max(1, total // 10) == 0):
                print(f"tidings: {done}/{total} partitions", file=sys.stderr)
        if bar is not None:
            bar.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- reading the output back -------------------------------------------------------------------
def _ordered_ids(out: Path) -> list[str]:
    manifest = out / MANIFEST
    if manifest.exists():
        return [p["id"] for p in json.loads(manifest.read_text("utf-8"))["partitions"]]
    found = []
    for f in out.glob("part-*.parquet"):
        meta = json.loads(pq.read_schema(f).metadata[_META_KEY])
        found.append(((meta["names"][0], meta["first_line"], meta["start"]), meta["id"]))
    return [pid for _, pid in sorted(found)]


def read_output(out_dir: str | Path) -> pa.Table:
    """All events of a finished job, in corpus order (the order of ``single_process_rows``).
    Raises FileNotFoundError when a partition of the corpus is missing."""
    out = Path(out_dir)
    ids = _ordered_ids(out)
    missing = [pid for pid in ids if not part_file(out, pid).exists()]
    if missing:
        raise FileNotFoundError(f"{out}: {len(missing)} of {len(ids)} partitions are not "
                                f"written yet (first: part-{missing[0]}.parquet); rerun the job")
    tables = [pq.read_table(part_file(out, pid), schema=SCHEMA).replace_schema_metadata(None)
              for pid in ids]
    return pa.concat_tables(tables) if tables else SCHEMA.empty_table()


def is_output_dir(path: str | Path) -> bool:
    """Whether ``path`` is the output directory of a ``code_on_dask`` job."""
    return Path(path).is_dir() and (Path(path) / MANIFEST).is_file()


def read_coded(out_dir: str | Path) -> Iterator[CodedArticle]:
    """The coded articles of a finished job, in corpus order, with their sentences and their
    dated, placed events: what a single-process ingest would store. Reads one partition at a
    time. Raises FileNotFoundError when a partition is missing and ValueError when the
    directory was written by an older tidings (no articles files)."""
    out = Path(out_dir)
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    if manifest.get("options", {}).get("format") != FORMAT:
        raise ValueError(f"{out}: written by an older tidings without the articles; code the "
                         "corpus again into a new directory")
    ids = _ordered_ids(out)
    missing = [pid for pid in ids if not part_file(out, pid).exists()]
    if missing:
        raise FileNotFoundError(f"{out}: {len(missing)} of {len(ids)} partitions are not "
                                f"written yet (first: part-{missing[0]}.parquet); rerun the job")
    for pid in ids:
        events: dict[int, list[Event]] = {}
        for row in pq.read_table(part_file(out, pid), schema=SCHEMA).to_pylist():
            events.setdefault(row["record_index"], []).append(event_from_row(row))
        for rec in pq.read_table(articles_file(out, pid), schema=ARTICLE_SCHEMA).to_pylist():
            article = Article(rec["id"], rec["text"], rec["date"], rec["url"], rec["source"],
                              rec["title"], rec["origin"])
            sentences = [Sentence(x["index"], x["start"], x["end"], x["text"])
                         for x in rec["sentences"]]
            yield CodedArticle(article, sentences, events.get(rec["record_index"], []))


def read_problems(out_dir: str | Path) -> list[dict[str, Any]]:
    """The bad records of a job, in corpus order: origin, message, record_id."""
    out = Path(out_dir)
    rows: list[dict[str, Any]] = []
    for pid in _ordered_ids(out):
        path = out / f"part-{pid}.problems.jsonl"
        if path.exists():
            rows += [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return rows


def single_process_rows(inputs: list[str], settings: Settings, *,
                        include_all: bool = False) -> list[dict[str, Any]]:
    """The ``EVENT_COLUMNS`` rows one process gives for ``inputs``, reading every file whole;
    ``read_output(out_dir).select(EVENT_COLUMNS).to_pylist()`` must equal it."""
    files, _ = expand_inputs(inputs)
    coder = _coder(_portable(settings))

    def articles() -> Iterator[Article]:
        for path in files:
            for item in read_path(path):
                if isinstance(item, Article):
                    yield item

    rows: list[dict[str, Any]] = []
    for coded in coder.code_articles(articles(), include_all=include_all):
        rows.extend(event_rows(enrich_coded(coded)))
    return rows
