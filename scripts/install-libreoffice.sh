#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc without a GUI: the outside engine of the engine tests and of
# `ind-rekenmodel recalc` (soffice --headless --convert-to). Idempotent.
set -euo pipefail
if [ -x /usr/bin/soffice ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
/usr/bin/soffice --version
