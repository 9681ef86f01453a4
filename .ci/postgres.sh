#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server for the store tests, and print the
# connection URL they use. Idempotent; needs root (CI runs as root).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tidings'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE tidings LOGIN PASSWORD 'tidings'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='tidings_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O tidings tidings_test" >&2
echo "postgresql://tidings:tidings@127.0.0.1:5432/tidings_test"
