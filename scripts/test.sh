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
step 'end-to-end scenarios through the desktop harness (Playwright, Chromium)'
bash scripts/with-private-keychain.sh npx playwright test --project=desktop
step 'the same scenarios on real Electron (Playwright _electron; skipped, with the reason, where it cannot run)'
# Electron needs a display on Linux; where there is none, run it under Xvfb if that is installed.
display=()
if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  display=(xvfb-run -a)
fi
AVCM_E2E_DRIVER=electron "${display[@]}" bash scripts/with-private-keychain.sh npx playwright test --project=electron
