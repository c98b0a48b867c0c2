#!/usr/bin/env bash
# Set up a development environment in .venv: CPU torch first (so pip never
# pulls a multi-GB CUDA build), then quotes with its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade "pip>=25.1"
.venv/bin/python -m pip install -q "torch==2.13.0"
.venv/bin/python -m pip install -q -e . --group tests
.venv/bin/python -m pip install -q --group docs  # docs site + its tests
echo "quotes is installed in .venv" >&2
