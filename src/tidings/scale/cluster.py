"""Coding a corpus on a Dask cluster: one Parquet file of events per partition of the input.

The client only lists the input files and cuts them into partitions (``partitions``: runs of
``partition_size`` JSONL lines, found by counting newlines, or of plain-text files); it never
parses article text and never holds the corpus. Workers read their partitions themselves,
so the input paths and ``out_dir`` must be visible to every worker at the same paths (a
shared filesystem).

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

import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.config import DATA_DIR, Settings
from tidings.enrich.stage import enrich_coded
from tidings.records import Article, CodedArticle, Event, Sentence
from tidings.scale.partitions import Partition, expand_inputs, plan_partitions, read_partition
from tidings.sources.base import Problem, failure
from tidings.sources.reader import read
from tidings.store.schema import PARTITION_EVENTS, POSITION, event_from_row

MANIFEST = "_partitions.json"
_META_KEY = b"tidings.partition"

# One row per event: the event's own columns (what ``single_process_rows`` gives), dated and
# placed, with everything the store keeps of it, and where it sits (schema.PARTITION_EVENTS
# and schema.POSITION).
EVENT_COLUMNS: tuple[str, ...] = PARTITION_EVENTS.names
POSITION_COLUMNS: tuple[str, ...] = POSITION.names
SCHEMA = pa.schema([*PARTITION_EVENTS.arrow_schema(), *POSITION.arrow_schema()])
_STR, _INT = pa.string(), pa.int64()
# Beside each partition's events, its records (the articles, with their sentences): what
# `tidings ingest OUT_DIR` needs to store the job's output like a single-process ingest.
ARTICLE_SCHEMA = pa.schema([
    ("record_index", _INT), ("id", _STR), ("text", _STR), ("date", pa.date32()),
    ("url", _STR), ("source", _STR), ("title", _STR), ("origin", _STR),
    ("sentences", pa.list_(pa.struct([("index", _INT), ("start", _INT), ("end", _INT),
                                      ("text", _STR)]))),
])
FORMAT = 2  # of the output directory; bumped when its columns change


# -- the worker side ---------------------------------------------------------------------------
_CODERS: dict[tuple, Any] = {}  # one Coder per worker process and settings
_CODERS_LOCK = threading.Lock()
_CODE_LOCK = threading.Lock()  # spaCy pipelines are not meant to be shared between threads
_PACKAGE_DATA = "<tidings>"


def _portable(settings: Settings) -> tuple:
    """Settings as sent to workers: the package's own data directories (its knowledge and its
    imported lexicons) are named relative to a marker, so that a worker installed elsewhere
    uses its own copy."""
    return (settings.model, tuple(_portable_dir(Path(d)) for d in settings.data_dirs),
            settings.batch_size)


def _portable_dir(path: Path) -> str:
    package = DATA_DIR.parent
    if path.is_relative_to(package):
        return f"{_PACKAGE_DATA}/{path.relative_to(package).as_posix()}"
    return str(path)


def _settings(portable: tuple) -> Settings:
    model, dirs, batch_size = portable
    package = DATA_DIR.parent
    return Settings(model=model, batch_size=batch_size, data_dirs=tuple(
        package / d[len(_PACKAGE_DATA) + 1:] if d.startswith(f"{_PACKAGE_DATA}/") else Path(d)
        for d in dirs))


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


def event_rows(coded: CodedArticle) -> Iterator[dict[str, Any]]:
    """One row (the ``EVENT_COLUMNS``) per event of a coded article."""
    art = coded.article
    for ev in coded.events:
        yield PARTITION_EVENTS.event_row(ev, record_id=art.id, origin=art.origin)


def article_row(index: int, coded: CodedArticle) -> dict[str, Any]:
    """A record of a partition as a row of ``ARTICLE_SCHEMA``."""
    a = coded.article
    return {"record_index": index, "id": a.id, "text": a.text, "date": a.date, "url": a.url,
            "source": a.source, "title": a.title, "origin": a.origin,
            "sentences": [{"index": x.index, "start": x.start, "end": x.end, "text": x.text}
                          for x in coded.sentences]}


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
    index_of = {id(a): i for i, a in articles}

    def failed(article: Article, exc: Exception) -> None:  # costs that record only
        problems.append((index_of[id(article)], failure(article, exc)))

    with _CODE_LOCK:
        for result in coder.code_articles((a for _, a in articles), include_all=include_all,
                                          on_error=failed):
            index = index_of[id(result.article)]
            try:
                result = enrich_coded(result, knowledge=coder.knowledge)
            except Exception as exc:  # noqa: BLE001 - one record's fault costs only itself
                failed(result.article, exc)
                continue
            article_rows.append(article_row(index, result))
            for event_index, row in enumerate(event_rows(result)):
                row.update(partition=part.id, record_index=index, event_index=event_index)
                rows.append(row)
    problems.sort(key=lambda p: p[0])
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
        for item in read(str(path) for path in files):
            if isinstance(item, Article):
                yield item

    rows: list[dict[str, Any]] = []
    for coded in coder.code_articles(articles(), include_all=include_all):
        rows.extend(event_rows(enrich_coded(coded, knowledge=coder.knowledge)))
    return rows
