#!/usr/bin/env bash
# Regenerates the PostgreSQL schema from the SQLite one (the single place columns are
# written), then the migrations of both dialects. Run after editing lib/db/schema.sqlite.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "/* GENERATED from lib/db/schema.sqlite.ts by scripts/db-generate.sh: edit that file, not this one. */"
  sed -e '1,/^ \*\//d' \
      -e "s#drizzle-orm/sqlite-core#drizzle-orm/pg-core#" \
      -e "s#sqliteTable, text, integer, blob, index, uniqueIndex, primaryKey#pgTable, customType, text, integer, bigint, boolean, timestamp, index, uniqueIndex, primaryKey#" \
      -e "s#^const bytes = (name: string) => blob(name, { mode: 'buffer' });#const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });\nconst bytes = (name: string) => bytea(name);#" \
      -e "s#sqliteTable(#pgTable(#g" \
      -e "s#integer(name, { mode: 'timestamp_ms' })#timestamp(name, { mode: 'date', withTimezone: true })#" \
      -e "s#integer(name, { mode: 'boolean' })#boolean(name)#" \
      -e "s#integer(name, { mode: 'number' })#bigint(name, { mode: 'number' })#" \
      lib/db/schema.sqlite.ts
} > lib/db/schema.pg.ts
npx drizzle-kit generate --config drizzle/sqlite.config.ts "$@"
npx drizzle-kit generate --config drizzle/pg.config.ts "$@"
