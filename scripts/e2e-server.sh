#!/usr/bin/env bash
# The server the Playwright specs run against (playwright.config.ts webServer): a fresh database with
# a small deterministic dataset, seeded sign-ins, the pipeline run for a fixed as-of date, a
# production build, then `next start` on 127.0.0.1:3100.
#   E2E_AS_OF   as-of date of the pipeline run (default 2026-11-01)
#   E2E_DATA    "generator" (scripts/generate.mts --users 8, when present) or "fixture" (tests/fixtures/bundle.ts)
#   E2E_SKIP_BUILD=1  reuse an existing .next build
#   E2E_DEV=1   serve with `next dev` instead (iterating on the specs; not what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
PORT="${E2E_PORT:-3100}"
export NEXTAUTH_URL=http://127.0.0.1:$PORT
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-test-secret-not-for-production}"
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*) ;;
  *) export DATABASE_URL="file:./tmp/e2e.db" ;;
esac
# New recommendations must wait for review in the specs.
export AUTO_APPROVE_RECOMMENDATIONS=0
AS_OF="${E2E_AS_OF:-2026-11-01}"
# The app's default as-of (lib/pipeline defaultAsOf): opting in again recomputes for this date.
export AS_OF
mkdir -p tmp
rm -f tmp/e2e-data.json

echo "e2e-server: database ${DATABASE_URL%%:*}, as-of $AS_OF" >&2
npx tsx --conditions=react-server scripts/db.mts reset >&2

data="${E2E_DATA:-generator}"
bundle=""
if [ "$data" = "generator" ] && [ -f scripts/generate.mts ]; then
  if npx tsx --conditions=react-server scripts/generate.mts --users 8 --seed 42 --as-of "$AS_OF" --out tmp/e2e-bundle.json >&2; then
    bundle=tmp/e2e-bundle.json
  else
    echo "e2e-server: generator failed; using the fixture" >&2
  fi
fi
npx tsx --conditions=react-server e2e/setup-data.mts ingest $bundle >&2
npx tsx --conditions=react-server scripts/seed.mts >&2
npx tsx --conditions=react-server e2e/setup-data.mts pipeline "$AS_OF" >&2

# The ingest's worker threads, from the current sources (the API runs its ingests in one).
node scripts/build-worker.mjs >&2
if [ "${E2E_DEV:-0}" = "1" ]; then
  exec npx next dev -H 127.0.0.1 -p "$PORT"
fi
if [ "${E2E_SKIP_BUILD:-0}" != "1" ] || [ ! -f .next/BUILD_ID ]; then
  npx next build >&2
fi
exec npx next start -H 127.0.0.1 -p "$PORT"
