#!/usr/bin/env bash
# npm run vercel-build: the build command of a stakeholder preview on Vercel (README, "Preview deployments").
# Migrates the PostgreSQL DATABASE_URL, seeds the demo when the database holds no user (generated
# customers, demo sign-ins, the pipeline, about half of the suggestions approved), then builds.
# A database that already has users is migrated and never re-seeded.
#   DATABASE_URL      postgres://... (required)   NEXTAUTH_SECRET (required at run time; checked here)
#   AS_OF, DEMO_USERS, DEMO_SEED   the seeded demo's as-of date (2026-11-01), size (100) and seed (42)
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*) ;;
  *) echo "vercel-build: DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db)" >&2; exit 1 ;;
esac
if [ -z "${NEXTAUTH_SECRET:-}" ]; then echo "vercel-build: NEXTAUTH_SECRET must be set (it signs the sessions)" >&2; exit 1; fi
tsx() { npx tsx --conditions=react-server "$@"; }

tsx scripts/db.mts migrate
set +e; tsx scripts/preview-db.mts is-empty; empty=$?; set -e
case $empty in
  0)
    AS_OF="${AS_OF:-2026-11-01}"
    mkdir -p .data
    tsx scripts/generate.mts --users "${DEMO_USERS:-100}" --seed "${DEMO_SEED:-42}" --as-of "$AS_OF" --out .data/preview-bundle.json
    tsx scripts/ingest.mts .data/preview-bundle.json
    tsx scripts/seed.mts
    tsx scripts/pipeline.mts --as-of "$AS_OF"
    tsx scripts/demo-review.mts
    rm -f .data/preview-bundle.json .data/preview-bundle.labels.jsonl
    echo "vercel-build: seeded the demo (${DEMO_USERS:-100} customers, as of $AS_OF)" >&2 ;;
  3) echo "vercel-build: the database already has users: migrated, not seeded" >&2 ;;
  *) exit "$empty" ;;
esac
npm run build
