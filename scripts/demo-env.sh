#!/usr/bin/env bash
# Writes FILE (default .env) with a fresh NEXTAUTH_SECRET and INGEST_TOKEN, unless it exists.
# Mode 0600: it holds secrets, so only its owner may read it (created so, never readable by others
# even for a moment).
set -euo pipefail
file="${1:-.env}"
[ -e "$file" ] && exit 0
rand() { node -e "console.log(require('crypto').randomBytes($1).toString('base64url'))"; }
(
  umask 077
  {
    echo "NEXTAUTH_SECRET=$(rand 32)"
    echo "INGEST_TOKEN=$(rand 24)"
  } > "$file"
)
chmod 600 "$file"
echo "demo: wrote $file (mode 0600) with a fresh NEXTAUTH_SECRET and INGEST_TOKEN"
