"""The bundled model: shipped, loads offline, and parses raw text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

import quotes
from quotes import evaluate
from quotes._parse import PROCESSORS, bundled_model_dir

pytestmark = pytest.mark.model

SENTENCE = ('"We will respond if needed," Pentagon press secretary John '
            "Kirby said on Tuesday. He added that the move was temporary.")


def test_model_files_shipped() -> None:
    """Every model file is in the package, and all stay under 60 MB."""
    d = bundled_model_dir()
    files = [d / f"{p}.pt" for p in PROCESSORS] + [d / "resources.json"]
    assert all(f.is_file() for f in files)
    assert sum(f.stat().st_size for f in files) < 60 * 2**20


def test_parse_offline(tmp_path: Path) -> None:
    """With an empty HOME and no proxy, the default model parses text."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QUOTES_", "STANZA_")) and "PROXY" not in
           k.upper()}
    env.update(HOME=str(tmp_path), HTTPS_PROXY="http://127.0.0.1:9",
               HTTP_PROXY="http://127.0.0.1:9")
    code = ("import json, sys, quotes; r = quotes.extract(sys.argv[1]); "
            "print(json.dumps(r.to_dict()))")
    out = subprocess.run([sys.executable, "-c", code, SENTENCE], env=env,
                         capture_output=True, text=True, check=True,
                         timeout=300)
    data = json.loads(out.stdout)
    first = data["attributions"][0]
    assert first["kind"] == "direct"
    assert first["content"]["text"] == "We will respond if needed,"
    assert first["speaker"]["name"] == "John Kirby"
    assert first["speaker"]["role"] == "Pentagon press secretary"


@pytest.fixture(scope="module")
def seed_result() -> quotes.Result:
    """The seed article parsed from raw text with the bundled model."""
    text = (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")
    return quotes.Extractor().extract(text, doc_id="seed")


def test_seed_end_to_end(seed_result: quotes.Result) -> None:
    """From raw text, the seed article's claims, speakers and roles."""
    expected = json.loads((FIXTURES / "seed_expected.json").read_text(
        "utf-8"))["expect"]
    text = (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")
    gold = {"seed": {"doc_id": "seed", "text": text, "attributions": [
        {"content": {"start": text.index(w["content"]),
                     "end": text.index(w["content"]) + len(w["content"])},
         "speaker": {"name": w["name"], "role": w["role"]},
         "kind": w["kind"]} for w in expected]}}
    res = evaluate.score(gold, {"seed": seed_result.to_dict()},
                         speaker_by="name")
    assert res["content"]["r"] == 1.0
    assert res["speaker"] == 1.0
    assert res["role"] == 1.0


def test_seed_end_to_end_adds_no_acts(seed_result: quotes.Result) -> None:
    """With the learned tagger on (the default), "has approved the
    deployment", "signed the order (for the deployment ...)", "has refused
    to recall its forces" and "(in case Putin) decides to order an
    invasion" are not added as claims."""
    lemmas = [a.cue.lemma for a in seed_result.attributions
              if a.cue is not None]
    assert lemmas.count("say") >= 7
    assert not set(lemmas) & {"approve", "sign", "refuse", "decide"}


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("WHO say the outbreak is under control in most regions.",
     "the outbreak is under control in most regions", "WHO"),
    ("Kelso said the bridge was unsafe and would be closed until the "
     "repairs are done.",
     "the bridge was unsafe and would be closed until the repairs are done",
     "Kelso"),
], ids=["acronym-subject", "second-predicate"])
def test_parse_repairs_on_raw_text(text: str, content: str,
                                   speaker: str) -> None:
    """Two repairs of tests/test_repairs.py, from raw text."""
    (att,) = quotes.Extractor().extract(text).attributions
    assert att.content.text == content
    assert att.speaker is not None and att.speaker.text == speaker
