#!/usr/bin/env bash
# Generates a migration for both adapters after a schema change: bash scripts/migrate-create.sh <name>
set -euo pipefail
name=${1:?usage: migrate-create.sh <name>}
db="ir_migrate_create_$$"
tmp=$(mktemp -d)
trap 'psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
DATABASE_URL="file:$tmp/mig.db" npx payload migrate:create "$name" --skip-empty
psql -h 127.0.0.1 -U postgres -qc "create database $db"
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" npx payload migrate:create "$name" --skip-empty
