#!/usr/bin/env bash
# What a newcomer meets: clone the repository (its committed HEAD) into a
# temporary directory, run the two commands of the README's "Quick start"
# with an empty HOME, then report the venv's size and whether any
# CUDA / nvidia / triton package was installed.
#
# Usage: bash scripts/check-fresh.sh [REPO] (default: this repository).
# Environment: KEEP=1 keeps the temporary directory.
# Exit status: 0 when both commands succeed and no CUDA package is there.
set -uo pipefail
REPO=${1:-$(cd "$(dirname "$0")/.." && pwd)}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quotes-fresh.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/home"
export HOME="$TMP/home"
unset VIRTUAL_ENV PYTHONPATH

git clone -q "$REPO" "$TMP/quotes" || exit 1
cd "$TMP/quotes" || exit 1
echo "clone: $REPO at $(git rev-parse --short HEAD) in $TMP/quotes"

# The shell commands of the README's Quick start, one per ```sh block.
mapfile -t COMMANDS < <(awk '
    /^## / { inside = ($0 == "## Quick start") }
    inside && /^```sh$/ { block = 1; next }
    block && /^```$/ { block = 0; next }
    inside && block && NF { print }' README.md)
if [ "${#COMMANDS[@]}" -ne 2 ]; then
    echo "expected 2 commands in the README's Quick start," \
         "found ${#COMMANDS[@]}"
    exit 1
fi

status=0
for cmd in "${COMMANDS[@]}"; do
    echo
    echo "\$ $cmd"
    start=$(date +%s)
    bash -c "$cmd" > "$TMP/out.log" 2>&1
    rc=$?
    lines=$(wc -l < "$TMP/out.log")  # warnings above the tail shown next
    [ "$lines" -le 15 ] || head -n $(( lines - 15 )) "$TMP/out.log" |
        grep -i "warning:" | head -n 5
    tail -n 15 "$TMP/out.log"
    echo "-> exit status $rc after $(( $(date +%s) - start )) s"
    [ "$rc" -eq 0 ] || status=1
done

echo
if [ -d .venv ]; then
    echo "venv size: $(du -sh .venv | cut -f1)"
    echo "quotes $(.venv/bin/python -c \
        'import quotes; print(quotes.__version__)' 2>&1)," \
        "torch $(.venv/bin/python -c \
        'import torch; print(torch.__version__)' 2>&1)"
    cuda=$(.venv/bin/python -m pip list --format=freeze 2>/dev/null |
           grep -iE 'nvidia|triton|cuda|\+cu[0-9]' || true)
    if [ -n "$cuda" ]; then
        echo "CUDA packages installed:"
        echo "$cuda"
        status=1
    else
        echo "CUDA packages installed: none"
    fi
else
    echo "no .venv was made"
    status=1
fi
echo "check-fresh: $([ $status -eq 0 ] && echo OK || echo FAILED)"
exit $status
