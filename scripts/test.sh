#!/usr/bin/env bash
# Every test: unit + integration (vitest) against DATABASE_URL's database (a fresh SQLite file per
# test file by default; PostgreSQL when DATABASE_URL=postgres://...), then the browser tests
# (Playwright in Debian's Chromium) against a production build. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ -d node_modules ] || npm ci --no-audit --no-fund
[ -d lib/db/generated/postgres ] || npx tsx --conditions=react-server scripts/db.mts generate >/dev/null
mkdir -p tmp
label="${DATABASE_URL:-sqlite}"; label="${label%%:*}"
rm -f tmp/vitest-$label.json tmp/e2e-$label.json

# Static checks first, each counted as one test: the layers (ESLint), types, import cycles, unused code.
static_passed=0; static_failed=0
check() {
  local name="$1"; shift
  if "$@" > tmp/check-$name.log 2>&1; then static_passed=$((static_passed + 1)); echo "check $name: ok"
  else static_failed=$((static_failed + 1)); echo "check $name: FAILED"; tail -40 tmp/check-$name.log; fi
}
check lint npx eslint --max-warnings=0 .
check typecheck npx tsc --noEmit
for c in cycles unused; do
  if node -e 'process.exit(require("./package.json").scripts["check:'$c'"] ? 0 : 1)'; then check $c npm run --silent check:$c; fi
done

npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/vitest-$label.json
unit_rc=$?

e2e_rc=0
if [ "${SKIP_E2E:-0}" != "1" ] && [ -f playwright.config.ts ]; then
  CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || true
  fi
  if [ -x "$CHROMIUM" ]; then
    PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/e2e-$label.json npx playwright test --reporter=list,json
    e2e_rc=$?
  else
    echo "e2e: no Chromium at $CHROMIUM (apt-get install -y chromium); browser tests not run" >&2
    e2e_rc=1
  fi
fi

node -e '
const fs = require("fs");
let passed = Number(process.argv[2]), failed = Number(process.argv[3]);
const label = process.argv[1];
try {
  const v = JSON.parse(fs.readFileSync(`tmp/vitest-${label}.json`, "utf8"));
  passed += v.numPassedTests; failed += v.numFailedTests + (v.numTotalTestSuites && !v.success && v.numFailedTests === 0 ? 1 : 0);
} catch { failed += 1; console.error("no vitest report"); }
try {
  const e = JSON.parse(fs.readFileSync(`tmp/e2e-${label}.json`, "utf8"));
  passed += e.stats.expected; failed += e.stats.unexpected + (e.errors?.length ?? 0);
} catch {}
console.log(`${passed} passed, ${failed} failed`);
' "$label" "$static_passed" "$static_failed"
[ $unit_rc -eq 0 ] && [ $e2e_rc -eq 0 ] && [ $static_failed -eq 0 ]
