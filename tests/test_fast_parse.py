"""Parsing faster: the matmul bilinear scorer, sentence selection, flat
trees, threads."""

from __future__ import annotations

import logging
import types

import pytest

import quotes
from quotes._parse import _flat_tree, _pairwise_bilinear
from quotes._select import needs_parse
from quotes.testing import doc_from_conllu


@pytest.mark.parametrize("output_size", [1, 7])
def test_matmul_bilinear_gives_stanzas_scores(output_size: int) -> None:
    torch = pytest.importorskip("torch")
    from stanza.models.common.biaffine import PairwiseBilinear

    torch.manual_seed(0)
    module = PairwiseBilinear(11, 13, output_size)
    torch.nn.init.normal_(module.weight)
    torch.nn.init.normal_(module.bias)
    x1, x2 = torch.randn(3, 5, 11), torch.randn(3, 6, 13)
    with torch.inference_mode():
        expected = module(x1, x2)
        module.forward = types.MethodType(_pairwise_bilinear, module)
        got = module(x1, x2)
        again = module(x1, x2)  # the cached weight layout
    assert got.shape == expected.shape == (3, 5, 6, output_size)
    assert torch.allclose(got, expected, rtol=1e-5, atol=1e-4)
    assert torch.equal(got, again)


def sentences(text: str,
              ) -> list[tuple[int, int, list[tuple[str, str, str]]]]:
    """Sentences split at ". "; "said" is a verb, other words X."""
    out, start = [], 0
    for piece in text.split(". "):
        end = start + len(piece) + (1 if start + len(piece) < len(text)
                                    else 0)
        words = [(w, {"said": "say"}.get(w, w),
                  "VERB" if w == "said" else "X")
                 for w in piece.strip('.').split()]
        out.append((start, end, words))
        start = end + 1
    return out


def test_selection_takes_cues_quotes_colons_and_neighbours(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lex = quotes.Lexicon.default()
    text = ("Trade fell. Rain came. Smith said it was over. Prices rose. "
            "Snow fell. Wind blew. \"We will fight. We will win.\" Ice "
            "formed. Frost came. Fog lifted. Hail fell. The verdict: guilty. "
            "Sun rose. Dust settled.")
    assert needs_parse(text, sentences(text), lex) == [
        False, False, True, False,  # "said"
        False, False, True, True, False,  # the quotation
        False, False, True, False,  # the colon
        False]
    monkeypatch.setattr("quotes._select.NEIGHBOURS", 1)
    assert needs_parse(text, sentences(text), lex) == [
        False, True, True, True,  # and their neighbours
        False, True, True, True, True,
        False, True, True, True,
        False]


def test_flat_tree_keeps_names_and_a_subject() -> None:
    conllu = "\n".join([
        "# text = Pentagon spokesman John Kirby visited Kyiv .",
        *(f"{k}\t{w}\t{w}\t{u}\t_\t_\t0\t_\t_\t_" for k, (w, u) in
          enumerate([("Pentagon", "PROPN"), ("spokesman", "NOUN"),
                     ("John", "PROPN"), ("Kirby", "PROPN"),
                     ("visited", "VERB"), ("Kyiv", "PROPN"),
                     (".", "PUNCT")], start=1)), "", ""])
    sentence = doc_from_conllu(conllu).sentences[0]
    _flat_tree(sentence)
    arcs = [(w.text, w.head, w.deprel) for w in sentence.words]
    assert arcs == [("Pentagon", 5, "dep"), ("spokesman", 5, "dep"),
                    ("John", 5, "nsubj"), ("Kirby", 3, "flat"),
                    ("visited", 0, "root"), ("Kyiv", 5, "dep"),
                    (".", 5, "dep")]


def test_parse_config_checks_threads() -> None:
    assert quotes.ParseConfig().threads == 1
    assert quotes.ParseConfig(threads=None).threads is None
    for bad in (0, -2, 1.5):
        with pytest.raises(ValueError, match="threads"):
            quotes.ParseConfig(threads=bad)  # type: ignore[arg-type]


TEXT = """Markets were calm on Monday. Shares of banks rose slightly.

Oil prices fell for a third day. Traders watched the weather in Texas.

John Kirby, the Pentagon press secretary, spoke in Washington. "We will \
respond," he said. He added that the talks would go on.

Analysts expect more rain. The harvest may be late. Farmers are worried."""


@pytest.mark.model
def test_selective_parse_gives_the_full_result(
        caplog: pytest.LogCaptureFixture) -> None:
    """Far from any quotation, sentences are not parsed; the result is
    that of the full parse; torch runs one thread."""
    import torch

    full = quotes.Extractor().extract(TEXT, doc_id="t")
    assert torch.get_num_threads() == 1
    with caplog.at_level(logging.DEBUG, logger="quotes._parse"):
        selective = quotes.Extractor(quotes.ParseConfig(
            selective=True)).extract(TEXT, doc_id="t")
    # parsed: "spoke", the quotation, "added", "expect", "are worried"
    assert "dependency parse of 5 of 10 sentences" in caplog.text
    assert selective == full
    names = [a.speaker.name for a in full.attributions if a.speaker]
    assert names.count("John Kirby") == 2
