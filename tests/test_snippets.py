"""Every snippet of the README and ``docs/`` agrees with the code.

Python blocks run (in one namespace per file, from the repository root,
with the bundled model) unless the line before the block is an HTML
comment ``<!-- not run: REASON -->``. Every ``quotes`` command line in a
shell block names only options its subcommand has; one with no
placeholders parses, and one whose input files exist runs and exits 0.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from quotes.cli import build_parser, main

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
NOT_RUN = re.compile(r"<!-- not run: .+ -->\s*$")
COMMAND = re.compile(r"^(?:\.venv/bin/|python -m )?quotes\b")


def blocks(lang: str) -> list[tuple[Path, int, str, bool]]:
    """``(page, line, code, run)`` of every *lang* block."""
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group(1) != lang:
                continue
            before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
            line = text.count("\n", 0, m.start()) + 1
            out.append((page, line, m.group(2),
                        not NOT_RUN.search(before)))
    return out


def commands() -> list[tuple[str, str]]:
    """``(where, command line)`` of every quotes command in shell blocks."""
    out = []
    for page, line, code, _ in blocks("sh"):
        for k, raw in enumerate(code.splitlines()):
            for part in re.split(r"&&|;", raw):
                cmd = part.split(" #", 1)[0].strip()
                if COMMAND.match(cmd):
                    where = f"{page.relative_to(ROOT)}:{line + 1 + k}"
                    out.append((where, cmd))
    return out


PYTHON = blocks("python")
NAMESPACES: dict[Path, dict[str, Any]] = {}


@pytest.mark.model
@pytest.mark.parametrize(("page", "line", "code", "run"), PYTHON,
                         ids=[f"{p.relative_to(ROOT)}:{n}"
                              for p, n, _, _ in PYTHON])
def test_python_snippet_runs(page: Path, line: int, code: str, run: bool,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The block runs as written (from the repository root)."""
    if not run:
        pytest.skip("marked <!-- not run -->")
    namespace = NAMESPACES.setdefault(page, {"__name__": "__snippet__"})
    monkeypatch.chdir(ROOT)
    exec(compile(code, f"{page.name}:{line}", "exec"), namespace)


def test_snippets_are_found() -> None:
    """The collectors see the blocks (a broken regex would pass all)."""
    assert len(PYTHON) >= 5
    assert len(commands()) >= 10


def options(sub: str) -> set[str]:
    """The option strings of subcommand *sub* (and the global ones)."""
    parser = build_parser()
    found = {o for a in parser._actions for o in a.option_strings}
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict) and sub in choices:
            found |= {o for a in choices[sub]._actions
                      for o in a.option_strings}
    return found


COMMANDS = commands()


@pytest.mark.parametrize(("where", "cmd"), COMMANDS,
                         ids=[w for w, _ in COMMANDS])
def test_command_line_agrees_with_the_parser(
        where: str, cmd: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Each option exists; a concrete command parses; one whose inputs
    all exist runs and exits 0."""
    args = shlex.split(re.split(r"\s[<>|]", cmd)[0])
    args = args[args.index("quotes") + 1:] if "quotes" in args else args[1:]
    sub = args[0] if args and not args[0].startswith("-") else ""
    flags = set(re.findall(r"(?<![\w-])--?[a-z][\w-]*", " ".join(args)))
    unknown = flags - options(sub)
    assert not unknown, f"{where}: {cmd!r} names {sorted(unknown)}"
    if any(c in cmd for c in "[]…") or "..." in cmd or "|" in cmd:
        return  # a synopsis
    if not sub:
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 0
        return
    parsed = build_parser().parse_args(args)
    files = getattr(parsed, "files", None) or [getattr(parsed, "gold", "")]
    if sub == "extract" and all((ROOT / f).is_file() for f in files):
        monkeypatch.chdir(ROOT)
        assert main(args) == 0, capsys.readouterr().err
