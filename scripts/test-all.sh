#!/usr/bin/env bash
# The README's test command: installs what the tests need (npm packages, Chromium,
# PostgreSQL), then runs type checks, unit tests, the integration suite on SQLite and on
# PostgreSQL, and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash scripts/test-services.sh)"

step() { echo; echo "=== $* ==="; }
step "type check"
npx tsc --noEmit
step "unit tests"
npx vitest run --project unit
step "integration tests on SQLite"
npx vitest run --project integration
step "integration tests on PostgreSQL"
DATABASE_URL="$TEST_DATABASE_URL" npx vitest run --project integration
step "build"
npx next build > /tmp/concord-build.log 2>&1 || { cat /tmp/concord-build.log; exit 1; }
step "end-to-end tests in Chromium"
npx playwright test
