"""The tagger's training recipe end to end on a tiny slice of our own text.

The documents are written here, in PolNeAR's form, from our own sentences;
the recipe parses them with the bundled model (tokenize, mwt, pos, lemma),
trains a tiny tagger for one epoch without pretrained vectors, resumes from
its checkpoint for a second, and writes weights that ``quotes`` loads.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from quotes import _learned

attribution = pytest.importorskip(
    "training.attribution",
    reason="the training recipe lives in the source repository only")

_DOCS = [
    ("a", "The mayor said the budget would be balanced by June. Critics "
          "argued that the plan was unrealistic.",
     [("The mayor", "said", "the budget would be balanced by June"),
      ("Critics", "argued", "the plan was unrealistic")]),
    ("b", "Senator Lee believes the bill will fail. According to the "
          "report, sales fell sharply.",
     [("Senator Lee", "believes", "the bill will fail"),
      ("the report", "According to", "sales fell sharply")]),
]


def _span(text: str, part: str) -> list[dict[str, object]]:
    start = text.index(part)
    return [{"start": start, "end": start + len(part), "text": part}]


def _write_docs(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc_id, text, claims in _DOCS:
            atts = [{"id": f"E{k}", "source": _span(text, s),
                     "cue": _span(text, c), "content": _span(text, t),
                     "kind": "indirect"}
                    for k, (s, c, t) in enumerate(claims)]
            f.write(json.dumps({"doc_id": doc_id, "text": text,
                                "attributions": atts}) + "\n")


def test_word_tags_follow_the_gold_spans() -> None:
    """Words get B-/I- tags of the role whose span covers them."""
    text, claims = _DOCS[0][1], _DOCS[0][2]
    doc = {"text": text, "attributions": [
        {"source": _span(text, s), "cue": _span(text, c),
         "content": _span(text, t)} for s, c, t in claims]}
    words = [(m, m + len(w), w, "X", w) for w, m in
             ((w, text.index(w)) for w in ("The", "mayor", "said", "the",
                                           "budget"))]
    tags = attribution.word_tags(text, words, attribution.char_labels(doc))
    assert [_learned.TAGS[t] for t in tags] == [
        "B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON"]


@pytest.mark.model
def test_recipe_runs_end_to_end(tmp_path: Path,
                                caplog: pytest.LogCaptureFixture) -> None:
    """Parse, label, train one epoch, resume for a second, save, load."""
    data = tmp_path / "tiny.jsonl"
    _write_docs(data)
    args = ["--train", str(data), "--out", str(tmp_path / "model"),
            "--work", str(tmp_path / "work"), "--glove", "none",
            "--hidden", "8", "--holdout", "0", "--epochs", "1"]
    attribution.main(args)
    assert (tmp_path / "work" / "checkpoint-main.pt").is_file()
    caplog.set_level(logging.INFO, logger="training.attribution")
    attribution.main([*args[:-1], "2"])
    assert "resumed after epoch 1" in caplog.text
    tagger = _learned.load(tmp_path / "model")
    assert tagger.vocab.sizes["hidden"] == 8
    assert "mayor" in tagger.vocab.tuned
