#!/usr/bin/env bash
# The test command: installs what the tests need, then type-checks, lints and runs both
# suites (the self-contained one, and the one on real documents in ../shared/).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ "${CI:-}" = "true" ]; then
  npm ci --no-audit --no-fund
fi

npm run typecheck
npm run lint
npm test
npm run test:real
