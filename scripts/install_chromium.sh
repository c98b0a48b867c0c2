#!/usr/bin/env bash
# Install headless Chromium (Debian's `chromium` package) and a font for
# the docs tests, which open the built pages in it. Needs root or
# password-less sudo, and apt-get. Exits 0 when chromium is ready.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get on this machine" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install_chromium: needs root or password-less sudo" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium \
    fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
