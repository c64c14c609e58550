#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/browser/) when it is missing.
# Idempotent and non-interactive; never downloads a browser build of its own
# (Playwright's bundled browsers are not used: the tests point it at /usr/bin/chromium).
set -euo pipefail

CHROMIUM="${MTCHECK_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    echo "install-browser: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: apt-get not found; install chromium by hand (browser tests will be skipped)" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-browser: not root and no sudo; cannot install chromium" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
