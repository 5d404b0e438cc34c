#!/usr/bin/env bash
# The project's one test command (npm test): lint, typecheck, build, then every test layer, all inside a
# private D-Bus session with a throwaway keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

step lint
npm run --silent lint
step typecheck
npm run --silent typecheck
step build
npm run --silent build
step 'hardening audit (electronegativity)'
node scripts/security-audit.mjs
step 'unit, integration and component tests (Vitest)'
bash scripts/with-private-keychain.sh npx vitest run
step 'browser-host and Electron end-to-end tests (Playwright)'
# Electron needs a display on Linux; where there is none, run it under Xvfb if that is installed.
display=()
if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  display=(xvfb-run -a)
fi
"${display[@]}" bash scripts/with-private-keychain.sh npx playwright test
