#!/usr/bin/env bash
# The README's test command (after `npm install`): installs what the tests need beyond npm
# (Chromium, PostgreSQL), then runs the type check, unit tests, a production build, the
# integration suite on SQLite and on PostgreSQL, and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash scripts/test-services.sh)"

step() { echo; echo "=== $* ==="; }
step "type check"
npx tsc --noEmit
step "unit tests"
npx vitest run --project unit
# The integration suite starts the real server process, which serves the production build.
step "build"
npx next build > /tmp/concord-build.log 2>&1 || { cat /tmp/concord-build.log; exit 1; }
step "integration tests on SQLite"
npx vitest run --project integration
step "integration tests on PostgreSQL"
DATABASE_URL="$TEST_DATABASE_URL" npx vitest run --project integration
step "end-to-end tests in Chromium"
npx playwright test
