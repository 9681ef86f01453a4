"""Stage 3, enrich: the day each event happened and the place it happened."""
