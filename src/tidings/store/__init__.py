"""Stage 4, the store: DuckDB or PostgreSQL, deduplicated events, and the export formats."""
