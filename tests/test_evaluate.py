"""``quotes evaluate`` agrees with the project's benchmark scorer."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, fixture_result, shared_path
from hypothesis import given
from hypothesis import strategies as st

from quotes import Attribution, Extractor, Kind, Result, Span, evaluate
from quotes.cli import main

TEXT = ('"We will win," Lee said. Ann Ray said the bridge would reopen. '
        "Polls show the race is close. Tom thinks it will rain.")


def _span(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": TEXT[start:end]}


def _at(sub: str) -> dict[str, Any]:
    start = TEXT.index(sub)
    return _span(start, start + len(sub))


GOLD = {"d1": {"doc_id": "d1", "text": TEXT, "publisher": "x",
               "attributions": [
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


SCORER_FIGURES = json.loads((FIXTURES / "scorer_edge_cases.json").read_text(
    "utf-8"))
"""The benchmark scorer's figures on GOLD and PRED, stored when it ran."""


def _reference() -> Any:
    """The benchmark scorer beside the checkout (skips when absent)."""
    path = shared_path("bench", "score.py")
    spec = importlib.util.spec_from_file_location("bench_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("speech_only", [False, True])
@pytest.mark.parametrize("speaker_by", ["name", "mention", "either"])
def test_evaluate_matches_stored_figures(speech_only: bool,
                                         speaker_by: str) -> None:
    """The benchmark scorer's figures on hand-made edge cases (stored)."""
    ours = evaluate.score(GOLD, PRED, speech_only=speech_only,
                          speaker_by=speaker_by)
    key = f"speech_only={speech_only},speaker_by={speaker_by}"
    assert ours == SCORER_FIGURES[key]
    assert ours["errors"] == 2 and ours["missing_docs"] == 1


@pytest.mark.parametrize("speech_only", [False, True])
@pytest.mark.parametrize("speaker_by", ["name", "mention", "either"])
def test_evaluate_agrees_with_scorer(speech_only: bool,
                                     speaker_by: str) -> None:
    """Same figures as the benchmark scorer itself, and as stored."""
    ref = _reference().score(GOLD, PRED, 0.5, speech_only, speaker_by)
    ours = evaluate.score(GOLD, PRED, speech_only=speech_only,
                          speaker_by=speaker_by)
    assert ours == ref
    key = f"speech_only={speech_only},speaker_by={speaker_by}"
    assert ref == SCORER_FIGURES[key]


def _seed_gold(text: str) -> dict[str, Any]:
    """Gold for the seed article from fixtures/seed_expected.json."""
    expected = json.loads((FIXTURES / "seed_expected.json").read_text(
        "utf-8"))["expect"]
    attributions = []
    for want in expected:
        start = text.index(want["content"])
        cue = text.index(want["cue"], text.index(want["speaker"]))
        attributions.append({
            "content": [_seed_span(text, start, want["content"])],
            "cue": [_seed_span(text, cue, want["cue"])],
            "speaker": {"name": want["name"], "role": want["role"]},
            "kind": want["kind"]})
    return {"seed": {"doc_id": "seed", "text": text,
                     "attributions": attributions}}


def _seed_span(text: str, start: int, sub: str) -> dict[str, Any]:
    return {"start": start, "end": start + len(sub), "text": sub}


def test_evaluate_seed(seed_text: str) -> None:
    """On the seed article (stored parse) every claim, speaker and role."""
    pred = {"seed": fixture_result("seed", seed_text).to_dict()}
    ours = evaluate.score(_seed_gold(seed_text), pred, speaker_by="name")
    assert ours["gold"] == ours["pred"] == 12
    assert ours["content"]["f1"] == 1.0
    assert ours["speaker"] == 1.0 and ours["role"] == 1.0


def test_evaluate_seed_agrees(seed_text: str) -> None:
    """On the seed gold beside the checkout both scorers agree, 12/12."""
    gold = evaluate.load(shared_path("seed", "seed_gold.json"))
    pred = {"seed": fixture_result("seed", seed_text).to_dict()}
    ours = evaluate.score(gold, pred)
    assert ours == _reference().score(gold, pred, 0.5, False, "either")
    assert ours["content"]["f1"] == 1.0
    assert ours["speaker"] == 1.0 and ours["role_near"] == 1.0
    assert ours["role"] == 1.0
    # the seed gold follows the unnamed-speaker convention (the "Officials"
    # have name null and role "Ukrainian officials"), as quotes does
    by_name = evaluate.score(gold, pred, speaker_by="name")
    assert by_name == _reference().score(gold, pred, 0.5, False, "name")
    assert by_name["counts"]["spk_ok"] == 12


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


def test_cli_evaluate_gold_without_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Gold without "text" (extract output, say) is a one-line error
    naming the file and the fix, not a KeyError traceback; no model is
    loaded."""
    gold = tmp_path / "extracted.jsonl"
    gold.write_text('{"doc_id": "a", "attributions": []}\n',
                    encoding="utf-8")
    assert main(["evaluate", str(gold), "--model-dir",
                 str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(gold) in err
    assert "'a' has no \"text\" field" in err
    assert "--pred" in err
    with pytest.raises(evaluate.QuotesError, match="no \"text\""):
        evaluate.predict(evaluate.load(gold))


def test_cli_evaluate_help_has_no_jobs(
        capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate --help mentions no --jobs, which evaluate does not have."""
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    assert "--jobs" not in capsys.readouterr().out


def test_load_bad_json(tmp_path: Path) -> None:
    """A gold file that is not JSON is a clear error of ours."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(evaluate.QuotesError, match="not JSON"):
        evaluate.load(bad)


def _spans() -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(st.integers(0, len(TEXT)), st.integers(0, 30)).map(
        lambda t: _span(t[0], min(len(TEXT), t[0] + t[1])))


def _gold_items() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "content": st.lists(_spans(), min_size=1, max_size=2),
        "cue": st.none() | _spans().map(lambda s: [s]),
        "source": st.none() | _spans().map(lambda s: [s]),
        "speaker": st.none() | st.fixed_dictionaries({
            "name": st.sampled_from(["Lee", "lee ", None]),
            "role": st.sampled_from(["mayor", None])}),
        "kind": st.sampled_from(["direct", "mixed", "indirect"]),
    })


def _pred_items() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "content": _spans(),
        "cue": st.none() | _spans(),
        "speaker": st.none() | _spans().map(lambda s: {
            **s, "name": "Lee", "role": "Mayor"}),
        "kind": st.just("direct"),
    })


@given(gold=st.lists(_gold_items(), max_size=5),
       pred=st.lists(_pred_items(), max_size=5),
       speech_only=st.booleans())
def test_evaluate_agrees_on_random_spans(gold: list[dict[str, Any]],
                                         pred: list[dict[str, Any]],
                                         speech_only: bool) -> None:
    """Random overlapping spans score the same with both scorers."""
    g = {"d": {"doc_id": "d", "text": TEXT, "attributions": gold}}
    p = {"d": {"doc_id": "d", "attributions": pred}}
    ref = _reference().score(g, p, 0.5, speech_only)
    assert evaluate.score(g, p, speech_only=speech_only) == ref


def test_score_files(tmp_path: Path) -> None:
    """Saved gold and prediction files score without a model."""
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    evaluate.write_jsonl(GOLD.values(), gold)
    evaluate.write_jsonl(PRED.values(), pred)
    res = evaluate.score_files(gold, pred, speech_only=True)
    assert res == evaluate.score(GOLD, PRED, speech_only=True)
    assert (res["gold"], res["pred"], res["content"]["r"]) == (1, 4, 1.0)


def test_missed() -> None:
    """Unmatched gold items come with their closest prediction."""
    misses = {m.gold["content"][0]["text"]: m
              for m in evaluate.missed(GOLD, PRED)}
    assert set(misses) == {"the bridge would reopen", "the race is close"}
    near = misses["the bridge would reopen"]
    assert near.best is not None and not near.taken
    assert near.best["content"]["text"] == "Ann Ray said the bridge"
    assert 0 < near.best_jaccard < 0.5
    far = misses["the race is close"]  # only the overlong bad span covers it
    assert far.best is not None and far.best["content"]["end"] == 999
    assert far.best_jaccard < 0.2


class _Fake(Extractor):
    """Predicts the first sentence of every text as a direct quote."""

    def extract(self, text: str, *, doc_id: str | None = None) -> Result:
        end = text.index(",")
        content = Span(start=1, end=end, text=text[1:end])
        return Result(doc_id=doc_id, attributions=[
            Attribution(kind=Kind.DIRECT, content=content)])


def test_predict_runs_extractor(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """predict() extracts every gold text and reports progress, on a
    terminal only."""
    pred = evaluate.predict(GOLD, _Fake(),
                            progress=evaluate.stderr_progress)
    assert capsys.readouterr().err == ""  # not a terminal: quiet
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert evaluate.predict(GOLD, _Fake(),
                            progress=evaluate.stderr_progress) == pred
    assert set(pred) == {"d1", "d2"}
    assert pred["d1"]["attributions"][0]["content"]["text"] == "We will win"
    assert capsys.readouterr().err.endswith("2/2 documents\n")
    res = evaluate.score(GOLD, pred)
    assert res["content"] == {"p": 0.5, "r": 0.25, "f1": 0.3333}


def test_cli_evaluate_by_kind_and_save(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--by prints one line per group; --save-pred writes predictions."""
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    evaluate.write_jsonl(GOLD.values(), gold)
    evaluate.write_jsonl(PRED.values(), pred)
    saved = tmp_path / "saved.jsonl"
    assert main(["evaluate", str(gold), "--pred", str(pred), "--by", "kind",
                 "--speech-only", "--save-pred", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "\ndirect " in out and "\nindirect " in out
    assert "gold 1 " in out.splitlines()[0]
    assert evaluate.load(saved) == evaluate.load(pred)


ROLE_TEXT = ("Mayor Ann Ray and Tom Lee, a farmer, met. Ray said the bridge "
             "would reopen. Lee said rain was coming. Republican Bo Ek said "
             "taxes rose.")


def _role_at(sub: str) -> dict[str, Any]:
    start = ROLE_TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub}


def _role_case(claim: str, source: str, gold: tuple[str, str | None],
               pred: tuple[str | None, str | None]) -> str:
    """The reason ``speaker_misses`` gives for one claim's role."""
    g = {"d": {"doc_id": "d", "text": ROLE_TEXT, "attributions": [
        {"content": [_role_at(claim)], "source": [_role_at(source)],
         "kind": "indirect", "speaker": {"name": gold[0], "role": gold[1]}},
        {"content": [_role_at("rain was coming")], "source": [_role_at("Lee")],
         "kind": "indirect",
         "speaker": {"name": "Tom Lee", "role": "farmer"}}]}}
    p = {"d": {"doc_id": "d", "attributions": [
        {"kind": "indirect", "content": _role_at(claim),
         "speaker": {**_role_at(source), "name": pred[0],
                     "role": pred[1]}}]}}
    (miss,) = [m for m in evaluate.speaker_misses(g, p) if m.field == "role"]
    return miss.why


@pytest.mark.parametrize(("gold", "pred", "why"), [
    (("Ann Ray", "Mayor"), ("Ann Ray", None),
     "no role although the article gives one"),
    (("Ann Ray", "Mayor"), ("Ann Ray", "farmer"), "another person's role"),
    (("Ann Ray", "Mayor"), ("Tom Lee", "farmer"), "wrong speaker"),
    (("Ann Ray", "Mayor of Ostend"), ("Ann Ray", "Ostend"),
     "bad cut (overlaps the gold role)"),
    (("Ann Ray", None), ("Ann Ray", "Republicans"),
     "non-role: party, nation or generic people"),
])
def test_role_misses_by_cause(gold: tuple[str, str | None],
                              pred: tuple[str | None, str | None],
                              why: str) -> None:
    """--misses groups role misses by the causes the issue names."""
    assert _role_case("the bridge would reopen", "Ray", gold, pred) == why


SPLIT = '"We will win," Lee said, "and soon."'


def test_score_by_pieces(tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """A quotation split by its tag: its content range holds the tag, so
    it is not exact against gold written in pieces; its content_pieces
    are (``--pieces``), and the default agrees with the benchmark
    scorer, which reads content."""
    def span(sub: str) -> dict[str, Any]:
        start = SPLIT.index(sub)
        return {"start": start, "end": start + len(sub), "text": sub}

    gold = {"s": {"doc_id": "s", "text": SPLIT, "attributions": [
        {"content": [span('"We will win,"'), span('"and soon."')],
         "cue": [span("said")], "source": [span("Lee")],
         "speaker": {"name": "Lee", "role": None}, "kind": "direct"}]}}
    pred = {"s": {"doc_id": "s", "attributions": [
        {"kind": "direct",
         "content": span('We will win," Lee said, "and soon.'),
         "content_pieces": [span("We will win,"), span("and soon.")],
         "cue": span("said"),
         "speaker": {**span("Lee"), "name": "Lee", "role": None}}]}}
    assert evaluate.score(gold, pred)["content_exact"]["f1"] == 0.0
    assert evaluate.score(gold, pred)["content"]["f1"] == 1.0
    assert evaluate.score(gold, pred, by_pieces=True)[
        "content_exact"]["f1"] == 1.0
    gold_path, pred_path = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    evaluate.write_jsonl(gold.values(), gold_path)
    evaluate.write_jsonl(pred.values(), pred_path)
    assert main(["evaluate", str(gold_path), "--pred", str(pred_path),
                 "--pieces"]) == 0
    out = capsys.readouterr().out
    assert "by content_pieces" in out
    assert "content (exact)          1.000  1.000  1.000" in out
