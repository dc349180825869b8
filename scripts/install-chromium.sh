#!/usr/bin/env bash
# Installs Debian's Chromium for the real-browser tests (playwright-core drives /usr/bin/chromium;
# `npx playwright install` cannot download browsers on this network). Idempotent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
