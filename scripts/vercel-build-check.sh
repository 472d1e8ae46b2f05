#!/usr/bin/env bash
# Tests `npm run vercel-build` here: a fresh local PostgreSQL database, the command (migrate, seed, build),
# browser tests against `next start` of the result (e2e-preview/), then the command again on the
# now non-empty database, which must migrate without seeding (same users, same review decisions).
#   PREVIEW_PG_URL  the database it drops and creates (default postgres://spendsense:spendsense@127.0.0.1:5432/spendsense_preview)
#   PREVIEW_PORT    the preview server's port (default 3290)   DEMO_USERS  customers seeded (default 12: the flow, not the scale)
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${PREVIEW_PG_URL:-postgres://spendsense:spendsense@127.0.0.1:5432/spendsense_preview}"
export PREVIEW_PORT="${PREVIEW_PORT:-3290}"
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-preview-check-secret-not-for-production}"
export NEXTAUTH_URL="http://127.0.0.1:$PREVIEW_PORT"
export DEMO_USERS="${DEMO_USERS:-12}"
mkdir -p tmp
tsx() { npx tsx --conditions=react-server "$@"; }

tsx scripts/preview-db.mts recreate "$DATABASE_URL"
npm run --silent vercel-build 2>&1 | tee tmp/vercel-build-1.log
grep -q "vercel-build: seeded the demo" tmp/vercel-build-1.log || { echo "check: the first run did not seed the empty database" >&2; exit 1; }
tsx scripts/preview-db.mts state tmp/preview-state-1.json

npx playwright test --config playwright.preview.config.ts

npm run --silent vercel-build 2>&1 | tee tmp/vercel-build-2.log
grep -q "vercel-build: the database already has users: migrated, not seeded" tmp/vercel-build-2.log || { echo "check: the second run did not skip seeding" >&2; exit 1; }
tsx scripts/preview-db.mts state tmp/preview-state-2.json
# The preview spec approved one more suggestion: the second run must keep that too (no re-seed, no reset).
node -e '
const [a, b] = [1, 2].map((i) => JSON.parse(require("fs").readFileSync(`tmp/preview-state-${i}.json`, "utf8")));
if (b.users !== a.users || b.approved !== a.approved + 1 || b.pending !== a.pending - 1) { console.error("check: the second run changed the data", a, b); process.exit(1); }
console.log(`check: vercel-build seeded ${a.users} users once; the second run kept them and the review decisions`);
'
