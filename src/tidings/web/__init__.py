"""Stage 5, the web: the REST API and the static dashboard over a store."""
