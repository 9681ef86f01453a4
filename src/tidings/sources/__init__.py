"""Stage 1, sources: files, directories, JSONL corpora, HTML pages, RSS/Atom feeds, URLs and
standard input turned into :class:`tidings.records.Article` records, or a one-line
:class:`~tidings.sources.base.Problem` each. :func:`tidings.sources.reader.read` is the one
entry point; files.py, pages.py, feeds.py and fetch.py read one kind of input each."""
