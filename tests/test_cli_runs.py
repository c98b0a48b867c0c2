"""Long runs from the command line: dying workers, time limits, resuming
with ``--out-dir``, and ``--version``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from faults import ConlluExtractor

import quotes
from quotes import cli
from quotes.cli import main

NAMES = ("indirect_that", "direct_curly", "according_to_appositive",
         "direct_split", "seed")


def conllu(name: str) -> str:
    return (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")


def inputs(tmp_path: Path) -> list[Path]:
    """A file per fixture parse, named after it."""
    files = []
    for name in NAMES:
        path = tmp_path / "in" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(conllu(name), encoding="utf-8")
        files.append(path)
    return files


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    """quotes --version prints the package version and exits 0."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"quotes {quotes.__version__}\n"


def test_cli_jobs_survives_a_dying_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 2: a file that kills its worker is reported on stderr and
    the exit status is 1; every other file is written, in order."""
    monkeypatch.setattr(cli, "Extractor", ConlluExtractor)
    files = inputs(tmp_path)
    killer = tmp_path / "in" / "killer.txt"
    killer.write_text("# fault: kill\n" + conllu("indirect_that"),
                      encoding="utf-8")
    args = [*map(str, files[:2]), str(killer), *map(str, files[2:])]
    assert main(["extract", "--jobs", "2", *args]) == 1
    captured = capsys.readouterr()
    ids = [json.loads(line)["doc_id"] for line in captured.out.splitlines()]
    assert ids == list(NAMES)
    assert "killer.txt: WorkerDied" in captured.err
    assert "SIGKILL" in captured.err
    assert "1 of 6 inputs failed" in captured.err


def test_cli_timeout_fails_the_slow_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """--timeout: a file over the limit is a failed input; the rest go on."""
    monkeypatch.setattr(cli, "Extractor", ConlluExtractor)
    files = inputs(tmp_path)[:2]
    slow = tmp_path / "in" / "slow.txt"
    slow.write_text("# fault: sleep 60\n" + conllu("indirect_that"),
                    encoding="utf-8")
    assert main(["extract", "--timeout", "2", str(slow),
                 *map(str, files)]) == 1
    captured = capsys.readouterr()
    ids = [json.loads(line)["doc_id"] for line in captured.out.splitlines()]
    assert ids == list(NAMES[:2])
    assert "slow.txt: Timeout: took longer than the time limit of 2 s" \
        in captured.err


def test_cli_timeout_must_be_positive(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--timeout", "0", "x.txt"])
    assert info.value.code == 2
    assert "--timeout" in capsys.readouterr().err


def snapshot(out_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out_dir.iterdir())}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text"])
def test_cli_out_dir_resumes_a_stopped_run(
        fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A run stopped by Ctrl-C halfway and started again writes every
    output once, byte-identical to an uninterrupted run, and leaves no
    partial file; the stop says how many inputs are done."""
    files = [str(p) for p in inputs(tmp_path)]
    whole = tmp_path / "whole"
    assert main(["extract", "--conllu", "--format", fmt, "--out-dir",
                 str(whole), *files]) == 0
    expected = snapshot(whole)
    assert sorted(expected) == sorted(
        f"{n}{cli.SUFFIXES[fmt]}" for n in NAMES)

    calls: list[str] = []
    stopping = [True]
    real = cli._extract_one

    def stop_at_third(path: str, *args: object) -> quotes.Result:
        calls.append(Path(path).stem)
        if len(calls) == 3 and stopping[0]:
            raise KeyboardInterrupt
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_extract_one", stop_at_third)
    out_dir = tmp_path / "resumed"
    assert main(["extract", "--conllu", "--format", fmt, "--out-dir",
                 str(out_dir), *files]) == 130
    assert "interrupted: 2 of 5 inputs done" in capsys.readouterr().err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(
        f"{n}{cli.SUFFIXES[fmt]}" for n in NAMES[:2])
    first = {p.name: p.stat().st_mtime_ns for p in out_dir.iterdir()}

    calls.clear()
    stopping[0] = False
    assert main(["extract", "--conllu", "--format", fmt, "--out-dir",
                 str(out_dir), *files]) == 0
    assert calls == list(NAMES[2:])  # the done ones were not extracted
    assert snapshot(out_dir) == expected
    assert first == {
        p.name: p.stat().st_mtime_ns for p in out_dir.iterdir()
        if p.name in first}


def test_cli_out_dir_interrupted_write_leaves_no_partial_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a file is being written leaves neither it nor its
    temporary file; a temporary file of a killed run is removed."""
    files = [str(p) for p in inputs(tmp_path)[:2]]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / ".quotes-killed.tmp").write_text("{", encoding="utf-8")
    real = os.replace

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert main(["extract", "--conllu", "--out-dir", str(out_dir),
                 *files]) == 130
    assert list(out_dir.iterdir()) == []
    monkeypatch.setattr(os, "replace", real)
    assert main(["extract", "--conllu", "--out-dir", str(out_dir),
                 *files]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "direct_curly.jsonl", "indirect_that.jsonl"]


def test_cli_out_dir_refuses_two_inputs_with_one_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two inputs that would write one output file are an error at once."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "x.txt").write_text(conllu("indirect_that"),
                                            encoding="utf-8")
    assert main(["extract", "--conllu", "--out-dir", str(tmp_path / "o"),
                 str(tmp_path / "a" / "x.txt"),
                 str(tmp_path / "b" / "x.txt")]) == 1
    assert "would both write" in capsys.readouterr().err


def _default_sigint() -> None:
    """Ctrl-C as a terminal delivers it, whatever the test process left:
    a child inherits an ignored SIGINT (the full suite on a loaded machine
    once saw the run go on to exit 0 after the signal)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_cli_ctrl_c_with_workers_stops_cleanly(tmp_path: Path) -> None:
    """A real Ctrl-C (SIGINT to the process group) during a --jobs 2
    --out-dir run: exit 130, how many are done, whole files only, no
    worker left behind; the same command then finishes the rest."""
    files = []
    for k in range(8):
        path = tmp_path / "in" / f"doc{k}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text("# fault: sleep 2\n" + conllu(NAMES[k % 4]),
                        encoding="utf-8")
        files.append(str(path))
    out_dir = tmp_path / "out"
    code = ("import sys, faults, quotes.cli as c; "
            "c.Extractor = faults.ConlluExtractor; "
            "sys.exit(c.main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), str(ROOT / "tests")])}
    argv = [sys.executable, "-c", code, "extract", "--jobs", "2",
            "--out-dir", str(out_dir), *files]
    proc = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE,
                            text=True, start_new_session=True,
                            preexec_fn=_default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (
            out_dir.exists() and any(out_dir.glob("*.jsonl"))):
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    done = sorted(out_dir.glob("*.jsonl"))
    assert 1 <= len(done) < 8
    assert f"interrupted: {len(done)} of 8 inputs done" in err
    assert sorted(p.name for p in out_dir.iterdir()) == [p.name
                                                        for p in done]
    for path in done:
        assert json.loads(path.read_text("utf-8"))["doc_id"] == path.stem
    time.sleep(1)
    ps = subprocess.run(["ps", "-o", "stat=,cmd=", "-s", str(proc.pid)],
                        capture_output=True, text=True, check=False)
    running = [line for line in ps.stdout.splitlines()
               if not line.startswith("Z")]  # exited, not yet reaped
    assert running == [], "processes were left running"
    rerun = subprocess.run(argv, env=env, capture_output=True, text=True,
                           timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(out_dir.glob("*.jsonl"))) == 8
