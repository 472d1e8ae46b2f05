#!/usr/bin/env bash
# Quick start: install, migrate SQLite, generate + ingest demo data, compute insights, start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://127.0.0.1:$PORT}"
bash scripts/demo-env.sh .env
set -a; . ./.env; set +a
npm ci --no-audit --no-fund
npm run db:migrate
AS_OF="${AS_OF:-2026-11-01}"
npm run generate -- --users "${DEMO_USERS:-100}" --seed "${DEMO_SEED:-42}" --as-of "$AS_OF" --out .data/demo-bundle.json
npm run ingest -- .data/demo-bundle.json
npm run seed
if [ -f scripts/pipeline.mts ]; then npm run pipeline -- --as-of "$AS_OF"; fi
# Both states visible: the demo operator approves about half of the suggestions (the console's review
# code, in the audit log); the rest wait in the review queue.
npm run demo:review
# An evaluation of the demo data, so /operator/metrics has something to show; the page's runs use the same labels.
export EVAL_LABELS_FILE="${EVAL_LABELS_FILE:-.data/demo-bundle.labels.jsonl}"
npm run eval -- --as-of "$AS_OF" --out .data/eval/demo --labels "$EVAL_LABELS_FILE"
npm run build
echo "demo: open $NEXTAUTH_URL (demo sign-ins: README, Quick start)"
exec npx next start -H 127.0.0.1 -p "$PORT"
