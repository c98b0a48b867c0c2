"""The rules-only switch and the side-by-side report on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from quotes.cli import main

STANCE = FIXTURES / "parsed" / "learned_stance.conllu"


def _claims(out: str) -> list[str]:
    return [a["cue"]["lemma"] for a in json.loads(out)["attributions"]]


def test_extract_rules_only(capsys: pytest.CaptureFixture[str]) -> None:
    """--rules-only leaves out what only the tagger finds."""
    assert main(["extract", "--conllu", str(STANCE)]) == 0
    assert sorted(_claims(capsys.readouterr().out)) == [
        "accuse", "blame", "warn"]
    assert main(["extract", "--conllu", "--rules-only", str(STANCE)]) == 0
    assert _claims(capsys.readouterr().out) == []


def test_evaluate_side_by_side(tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """--pred with --pred-rules prints both columns, each its own score."""
    text = "Kirby said the move was temporary. Critics doubt the plan."
    claim = {"start": text.index("the move"), "end": text.index(".")}
    other = {"start": text.index("the plan"), "end": len(text) - 1}
    gold = {"doc_id": "d", "text": text, "attributions": [
        {"content": claim, "kind": "indirect"},
        {"content": other, "kind": "indirect"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold), "utf-8")
    for name, spans in (("rules", [claim]), ("both", [claim, other])):
        pred = {"doc_id": "d", "attributions": [
            {"content": s, "kind": "indirect"} for s in spans]}
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(pred), "utf-8")
    assert main(["evaluate", str(tmp_path / "gold.jsonl"),
                 "--pred", str(tmp_path / "both.jsonl"),
                 "--pred-rules", str(tmp_path / "rules.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "rules only vs rules + learned tagger" in out
    rows = {line[:22].strip(): line[22:].split() for line in
            out.split("rules + learned tagger:")[1].splitlines() if line}
    assert rows["content R"] == ["0.500", "1.000"]
    assert rows["recall indirect"] == ["0.500", "1.000"]
