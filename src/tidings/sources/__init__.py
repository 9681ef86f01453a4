"""Stage 1, sources: files, directories, JSONL corpora, HTML pages, RSS/Atom feeds and URLs
turned into :class:`tidings.records.Article` records, or a one-line :class:`Problem` each."""
