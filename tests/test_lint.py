"""The checks the project promises run as tests: ``ruff check`` and
``mypy --strict quotes`` (``scripts/setup.sh`` installs both)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # mypy takes a while on a cold cache


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m NAME ARGS`` in the checkout, or skip without it."""
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"{name} is not installed (scripts/setup.sh installs "
                    "the lint and typing groups)")
    return subprocess.run([sys.executable, "-m", name, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600,
                          check=False)


def test_ruff_check_is_clean() -> None:
    """ruff with the rules of pyproject.toml finds nothing."""
    done = tool("ruff", "check", "quotes", "tests", "benchmarks",
                "training", "docs")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    """mypy --strict on the package finds nothing."""
    done = tool("mypy", "--strict", "quotes")
    assert done.returncode == 0, done.stdout + done.stderr
