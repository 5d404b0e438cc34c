#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so tests use a real
# Secret Service and never see the person's own keychain. Usage: scripts/with-private-keychain.sh <command…>
set -euo pipefail

if [ "${AVCM_PRIVATE_KEYCHAIN:-}" = 1 ]; then
  exec "$@"
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-private-keychain: '$tool' is missing. On Debian or Ubuntu: sudo apt-get install dbus gnome-keyring libsecret-1-0" >&2
    exit 1
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/avcm-keychain.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/config" "$scratch/runtime"
chmod 700 "$scratch/runtime"
# gnome-keyring keeps its keyrings under XDG_DATA_HOME; the app's default data directory is under
# XDG_CONFIG_HOME. Both point into the scratch folder, so nothing of the person's is read or written.
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime"
export AVCM_PRIVATE_KEYCHAIN=1

dbus-run-session -- bash -c '
  set -euo pipefail
  printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  for _ in $(seq 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      exec "$@"
    fi
    sleep 0.1
  done
  echo "with-private-keychain: gnome-keyring did not start its Secret Service" >&2
  exit 1
' with-private-keychain "$@"
