#!/usr/bin/env bash
# Set up a development environment in .venv: the CPU-only build of torch
# first (so pip never pulls a multi-GB CUDA build), then quotes with its
# test, Dask, lint, typing and docs tools. Needs only Python >= 3.10 (no
# curl, no compiler).
#
# torch comes from PyTorch's CPU wheel index, as PyTorch's install guide
# advises. Where that index cannot be reached (offline mirrors, firewalls),
# the plain pin is installed from the configured index instead: on Linux
# from plain PyPI that is the CUDA build, so a warning says so.
#
# Environment: PYTHON (default python3); TORCH_INDEX_URL (default PyTorch's
# CPU index; empty skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
TORCH_PIN="torch==2.13.0"
TORCH_INDEX_URL=${TORCH_INDEX_URL-https://download.pytorch.org/whl/cpu}

[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
"$VPY" -m pip install -q --upgrade "pip>=25.1"

# True when *url* answers within a few seconds (Python only: no curl).
reachable() {
    "$VPY" - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen(sys.argv[1].rstrip("/") + "/torch/", timeout=5)
EOF
}

# Install the CPU-only torch from $TORCH_INDEX_URL; false if it cannot be.
cpu_torch() {
    [ -n "$TORCH_INDEX_URL" ] || return 1
    if ! reachable "$TORCH_INDEX_URL"; then
        echo "warning: $TORCH_INDEX_URL is not reachable" >&2
        return 1
    fi
    "$VPY" -m pip install -q --index-url "$TORCH_INDEX_URL" "$TORCH_PIN" ||
        return 1
    echo "installed CPU-only $TORCH_PIN from $TORCH_INDEX_URL" >&2
}

if "$VPY" -c "import torch" 2>/dev/null; then
    echo "torch is already installed in .venv" >&2
elif ! cpu_torch; then
    echo "warning: installing $TORCH_PIN from the configured index instead" \
         "(from plain PyPI on Linux that is the CUDA build, several GB)" >&2
    "$VPY" -m pip install -q "$TORCH_PIN"
fi
# tests, plus what the tests also run: quotes.dask on a LocalCluster (the
# dask group), ruff and mypy --strict (tests/test_lint.py)
"$VPY" -m pip install -q -e . --group tests --group dask --group lint \
    --group typing
"$VPY" -m pip install -q --group docs  # docs site + its tests
echo "quotes is installed in .venv" >&2
