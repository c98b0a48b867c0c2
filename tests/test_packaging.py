"""Packaging: a real, static version that every checkout reports."""

from __future__ import annotations

import re

from conftest import ROOT

PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _version() -> str:
    match = re.search(r'^version = "([^"]+)"$', PYPROJECT, re.MULTILINE)
    assert match is not None, "no static version in pyproject.toml"
    return match.group(1)


def test_version_is_static() -> None:
    """The version is written in pyproject, not derived from git tags."""
    assert "dynamic" not in PYPROJECT.split("[project]")[1].split("\n[")[0]
    assert "hatch-vcs" not in PYPROJECT


def test_version_is_a_release_or_dev_of_one() -> None:
    """X.Y.Z, or X.Y.Z.devN between releases; never 0.0.x."""
    version = _version()
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", version)
    assert not version.startswith("0.0.")

