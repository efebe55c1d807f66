#!/usr/bin/env bash
# Fails when the collections changed without a committed migration for both adapters.
set -euo pipefail
cd "$(dirname "$0")/.."
db="ir_check_migrations_$$"
tmp=$(mktemp -d)
cleanup() {
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
before=$(ls migrations/sqlite migrations/postgres | sort)
DATABASE_URL="file:$tmp/check.db" npx payload migrate:create drift --skip-empty >/dev/null
if psql -h 127.0.0.1 -U postgres -qc "create database $db" >/dev/null 2>&1; then
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" npx payload migrate:create drift --skip-empty >/dev/null
else
  echo "PostgreSQL not reachable: checked the SQLite migrations only"
fi
after=$(ls migrations/sqlite migrations/postgres | sort)
if [ "$before" != "$after" ]; then
  echo "The collections changed without a migration. Run: bash scripts/migrate-create.sh <name> and commit migrations/."
  git checkout -- migrations/sqlite/index.ts migrations/postgres/index.ts 2>/dev/null || true
  git clean -fq migrations/
  exit 1
fi
echo "Migrations match the collections for both adapters."
