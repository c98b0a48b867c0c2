"""``quotes evaluate`` agrees with the project's benchmark scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SHARED, fixture_result

from quotes import evaluate
from quotes.cli import main

TEXT = ('"We will win," Lee said. Ann Ray said the bridge would reopen. '
        "Polls show the race is close. Tom thinks it will rain.")


def _span(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": TEXT[start:end]}


def _at(sub: str) -> dict[str, Any]:
    start = TEXT.index(sub)
    return _span(start, start + len(sub))


GOLD = {"d1": {"doc_id": "d1", "text": TEXT, "publisher": "x", "attributions": [
    {"content": [_at("We will win,")], "cue": [_at("said")],
     "source": [_at("Lee")], "speaker": {"name": "Lee", "role": None},
     "kind": "direct"},
    {"content": [_at("the bridge would reopen")], "cue": [_at("said the")],
     "source": [_at("Ann Ray")], "speaker": {"name": "Ann Ray",
                                             "role": "mayor"},
     "kind": "indirect"},
    {"content": [_at("the race is close")], "cue": [_at("show")],
     "source": [_at("Polls")], "speaker": None, "kind": "indirect"},
    {"content": [_at("it will rain")], "cue": [_at("thinks")],
     "source": [_at("Tom")], "speaker": None, "kind": "indirect",
     "speech": False}]},
    "d2": {"doc_id": "d2", "text": TEXT, "attributions": []}}
PRED = {"d1": {"doc_id": "d1", "attributions": [
    {"kind": "direct", "content": _at("We will win"), "cue": _at("said"),
     "speaker": {**_at("Lee"), "name": "Lee", "role": None}},
    {"kind": "indirect", "content": _at("Ann Ray said the bridge"),
     "cue": None, "speaker": {**_at("Ann Ray"), "name": "Ann Ray",
                              "role": "mayor"}},
    {"kind": "indirect", "content": _at("it will rain"), "cue": None,
     "speaker": None},
    {"kind": "direct", "content": {"start": 5, "end": 999, "text": "x"}},
    {"kind": "direct"}]}}


def _reference() -> Any:  # noqa: ANN401
    path = SHARED / "bench" / "score.py"
    if not path.exists():
        pytest.skip("the benchmark scorer is not beside the checkout")
    spec = importlib.util.spec_from_file_location("bench_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("speech_only", [False, True])
@pytest.mark.parametrize("speaker_by", ["name", "mention", "either"])
def test_evaluate_agrees_with_scorer(speech_only: bool,
                                     speaker_by: str) -> None:
    """Same figures as shared/bench/score.py on hand-made edge cases."""
    ref = _reference().score(GOLD, PRED, 0.5, speech_only, speaker_by)
    ours = evaluate.score(GOLD, PRED, speech_only=speech_only,
                          speaker_by=speaker_by)
    for key in ("gold", "pred", "content", "content_exact", "cue",
                "speaker", "role", "e2e", "recall_by_kind", "missing_docs",
                "errors"):
        assert ours[key] == ref[key], key


def test_evaluate_seed_agrees(seed_text: str) -> None:
    """On the seed article both scorers give 12/12 and the same figures."""
    gold = evaluate.load(SHARED / "seed" / "seed_gold.json") if (
        SHARED / "seed" / "seed_gold.json").exists() else None
    if gold is None:
        pytest.skip("shared/seed is not beside the checkout")
    pred = {"seed": fixture_result("seed", seed_text).to_dict()}
    ours = evaluate.score(gold, pred, speaker_by="name")
    assert ours == {k: v for k, v in _reference().score(
        gold, pred, 0.5, False, "name").items() if k != "counts"} | {
        "docs": 1}
    assert ours["content"]["f1"] == 1.0
    assert ours["speaker"] == 1.0 and ours["role"] == 1.0


def test_evaluate_groups() -> None:
    """--by kind reports recall per kind of gold attribution."""
    res = evaluate.score(GOLD, PRED, group_by="kind")
    assert set(res["groups"]) == {"direct", "indirect"}
    assert res["groups"]["direct"]["content"]["r"] == 1.0


def test_cli_evaluate_with_pred(tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """The evaluate command scores saved predictions without a model."""
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    evaluate.write_jsonl(GOLD.values(), gold)
    evaluate.write_jsonl(PRED.values(), pred)
    out_json = tmp_path / "res.json"
    assert main(["evaluate", str(gold), "--pred", str(pred), "--json",
                 str(out_json)]) == 0
    assert "content (Jaccard>=0.5)" in capsys.readouterr().out
    assert json.loads(out_json.read_text())["gold"] == 4


def test_load_bad_json(tmp_path: Path) -> None:
    """A gold file that is not JSON is a clear error of ours."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(evaluate.QuotesError, match="not JSON"):
        evaluate.load(bad)
