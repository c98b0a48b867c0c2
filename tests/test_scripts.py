"""The setup scripts: valid bash, and in step with the README."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPTS = sorted((ROOT / "scripts").glob("*.sh"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not found")
@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_parses(path: Path) -> None:
    """bash -n accepts every script (a quoting slip breaks setup)."""
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_quick_start_has_two_commands() -> None:
    """check-fresh.sh runs the Quick start's two commands: they are there."""
    section = README.split("## Quick start")[1].split("\n## ")[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    commands = [line for b in blocks for line in b.splitlines()
                if line.strip()]
    assert len(commands) == 2
    assert commands[0].startswith("bash scripts/setup.sh")


def test_readme_and_setup_agree_on_torch() -> None:
    """The README names the torch pin and CPU index that setup.sh uses."""
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    pin = re.search(r'TORCH_PIN="([^"]+)"', setup)
    index = re.search(r"TORCH_INDEX_URL-([^}]+)}", setup)
    assert pin is not None and index is not None
    assert f"`{pin.group(1)}`" in README
    assert index.group(1) in README
