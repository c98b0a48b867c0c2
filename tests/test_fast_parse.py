"""Parsing faster: the matmul bilinear scorer, sentence selection, flat
trees, threads."""

from __future__ import annotations

import logging
import types
from collections.abc import Sequence

import numpy as np
import pytest

import quotes
from quotes._fastparse import (
    _label_scores_at,
    _matmul_bilinear,
    _pairwise_bilinear,
    best_tree,
    greedy_tree,
)
from quotes._parse import _flat_tree
from quotes._select import needs_parse
from quotes._tree import from_stanza
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


def test_matmul_bilinear_gives_torchs_bilinear() -> None:
    torch = pytest.importorskip("torch")

    torch.manual_seed(3)
    module = torch.nn.Bilinear(7, 5, 3)
    x1, x2 = torch.randn(4, 6, 7), torch.randn(4, 6, 5)
    with torch.inference_mode():
        expected = module(x1, x2)
        module.forward = types.MethodType(_matmul_bilinear, module)
        got = module(x1, x2)
    assert got.shape == (4, 6, 3)
    assert torch.allclose(got, expected, atol=1e-5)


def _scores(heads: list[int]) -> np.ndarray:
    """Scores whose best head for word d (1-based) is ``heads[d - 1]``."""
    size = len(heads) + 1
    scores = np.full((size, size), -5.0)
    for dep, head in enumerate(heads, start=1):
        scores[dep, head] = -0.1
    return scores


def _heads(scores: np.ndarray) -> list[int] | None:
    tree = greedy_tree(scores)
    return None if tree is None else tree.tolist()


def test_greedy_tree_takes_the_best_heads_only_when_they_are_a_tree() -> None:
    assert _heads(_scores([2, 0, 2])) == [0, 2, 0, 2]
    assert greedy_tree(_scores([0, 0, 2])) is None  # two roots
    assert greedy_tree(_scores([2, 3, 2, 0])) is None  # 2 <-> 3
    assert greedy_tree(_scores([2, 1, 1])) is None  # no root
    # a word's own column never counts, however high it scores
    scores = _scores([2, 0])
    np.fill_diagonal(scores, 10.0)
    assert _heads(scores) == [0, 2, 0]


def test_greedy_tree_is_stanzas_tree_whenever_it_answers() -> None:
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    rng = np.random.default_rng(0)
    answered = 0
    for _ in range(300):
        size = int(rng.integers(2, 12))
        scores = rng.normal(size=(size, size))
        scores[1:, 0] -= 2.0  # few words want the root, as in real parses
        np.fill_diagonal(scores, -np.inf)
        tree = greedy_tree(scores)
        if tree is not None:
            answered += 1
            assert tree.tolist() == list(chuliu_edmonds_one_root(scores))
    assert answered > 30


def test_best_tree_is_stanzas_tree() -> None:
    """Our Chu-Liu-Edmonds finds the tree stanza's finds, cycles and
    several would-be roots included."""
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    rng = np.random.default_rng(2)
    for _ in range(300):
        size = int(rng.integers(2, 40))
        scores = rng.normal(size=(size, size)) * 3
        scores[1:, 0] -= rng.uniform(0, 3)
        np.fill_diagonal(scores, -np.inf)
        want = list(chuliu_edmonds_one_root(scores))
        assert best_tree(scores).tolist() == want
        assert want.count(0) == 2  # the root's own entry and one word


def test_label_scores_at_the_chosen_heads_are_the_full_scores_there() -> None:
    torch = pytest.importorskip("torch")
    from stanza.models.common.biaffine import PairwiseBilinear

    torch.manual_seed(1)
    module = PairwiseBilinear(6, 6, 4)
    torch.nn.init.normal_(module.weight)
    torch.nn.init.normal_(module.bias)
    x1, x2 = torch.randn(2, 5, 6), torch.randn(2, 5, 6)
    trees = [np.array([0, 2, 0, 2]), np.array([0, 0, 1, 1, 3])]
    with torch.inference_mode():
        full = module(x1, x2)
        got = _label_scores_at(module, x1, x2, trees)
    for i, tree in enumerate(trees):
        want = torch.stack([full[i, d, h] for d, h in
                            enumerate(tree[1:].tolist(), start=1)])
        assert torch.allclose(got[i], want, atol=1e-4)


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


TEXT_FLAT = "Pentagon spokesman John Kirby visited Kyiv ."


def test_selection_asks_the_tagger_about_the_other_sentences() -> None:
    lex = quotes.Lexicon.default()
    text = "Trade fell. Smith said it was over. Rivals derided the plan."
    asked: list[list[str]] = []

    def tagger(sents: Sequence[Sequence[tuple[str, str, str]]],
               ) -> list[bool]:
        words = [[w for w, _, _ in s] for s in sents]
        asked.extend(words)
        return ["derided" in s for s in words]

    assert needs_parse(text, sentences(text), lex, learned=tagger) == [
        False, True, True]
    assert asked == [["Trade", "fell"], ["Rivals", "derided", "the", "plan"]]


def test_flat_tree_keeps_names_and_a_subject() -> None:
    conllu = "\n".join([
        "# text = Pentagon spokesman John Kirby visited Kyiv .",
        *(f"{k}\t{w}\t{w}\t{u}\t_\t_\t0\t_\t_\t_" for k, (w, u) in
          enumerate([("Pentagon", "PROPN"), ("spokesman", "NOUN"),
                     ("John", "PROPN"), ("Kirby", "PROPN"),
                     ("visited", "VERB"), ("Kyiv", "PROPN"),
                     (".", "PUNCT")], start=1)), "", ""])
    doc = doc_from_conllu(conllu)
    sentence = doc.sentences[0]
    _flat_tree(sentence)
    assert [s.parsed for s in from_stanza(doc, TEXT_FLAT).sents] == [False]
    arcs = [(w.text, w.head, w.deprel) for w in sentence.words]
    assert arcs == [("Pentagon", 5, "dep"), ("spokesman", 5, "dep"),
                    ("John", 5, "nsubj"), ("Kirby", 3, "flat"),
                    ("visited", 0, "root"), ("Kyiv", 5, "dep"),
                    (".", 5, "dep")]


def test_parse_config_checks_precision() -> None:
    assert quotes.ParseConfig().precision == "float32"
    with pytest.raises(ValueError, match="precision must be one of"):
        quotes.ParseConfig(precision="int4")
    with pytest.raises(ValueError, match="CPU only"):
        quotes.ParseConfig(precision="int8", use_gpu=True)


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


def _arcs(nlp: object, text: str) -> list[tuple[object, ...]]:
    from quotes._parse import run_pipeline

    doc = run_pipeline(nlp, text)
    return [(w.text, w.head, w.deprel, w.upos, w.xpos, w.feats, w.lemma)
            for s in doc.sentences for w in s.words]


@pytest.mark.model
def test_fast_parser_gives_stanzas_parse_bit_for_bit(
        monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    """The faster scorer, decoder, labeller and character encoder change
    nothing in float32; bfloat16 changes very little."""
    from quotes import _fastparse, _parse

    fast = _parse.make_pipeline(quotes.ParseConfig())
    calls: list[int] = []
    greedy = _fastparse.greedy_tree

    def counted(scores: object) -> object:
        tree = greedy(scores)  # type: ignore[arg-type]
        calls.append(tree is None)
        return tree

    monkeypatch.setattr(_fastparse, "greedy_tree", counted)
    want_fast = _arcs(fast, seed_text)
    assert calls and 0 < sum(calls) < len(calls)  # both decoders ran
    half = _parse.make_pipeline(quotes.ParseConfig(precision="bfloat16"))
    got = _arcs(half, seed_text)
    monkeypatch.setattr(_parse, "use_fast_parser", lambda nlp: 0)
    stock = _parse.make_pipeline(quotes.ParseConfig())
    assert _arcs(stock, seed_text) == want_fast
    assert len(got) == len(want_fast)
    same = sum(a == b for a, b in zip(got, want_fast, strict=True))
    assert same >= 0.98 * len(got)


@pytest.mark.model
def test_selective_parse_of_the_seed_adds_no_claim(seed_text: str) -> None:
    """The learned tagger proposes nothing in a sentence left unparsed
    (its act filter needs the parse): the seed comes out as parsed whole."""
    full = quotes.Extractor().extract(seed_text, doc_id="seed")
    config = quotes.ParseConfig(selective=True)
    doc = quotes.Extractor(config).parse(seed_text)
    assert 0 < sum(not s.parsed for s in doc.sents) < len(doc.sents)
    selective = quotes.Extractor(config).extract(seed_text, doc_id="seed")
    assert selective.attributions == full.attributions


@pytest.mark.model
def test_int8_lstms_parse_nearly_as_float32(seed_text: str) -> None:
    """precision="int8" swaps every LSTM of the parser for an int8 one
    (the tagger's stay: in int8 they cost 0.5 UPOS on EWT); the parse of
    the seed stays all but the same."""
    import torch

    from quotes import _parse

    exact = _arcs(_parse.make_pipeline(quotes.ParseConfig()), seed_text)
    nlp = _parse.make_pipeline(quotes.ParseConfig(precision="int8"))
    modules = list(nlp.processors["depparse"].trainer.model.modules())
    assert not any(type(m) is torch.nn.LSTM for m in modules)
    assert any("quantized" in type(m).__module__ for m in modules)
    tagger = list(nlp.processors["pos"].trainer.model.modules())
    assert not any("quantized" in type(m).__module__ for m in tagger)
    got = _arcs(nlp, seed_text)
    assert len(got) == len(exact)
    same = sum(a == b for a, b in zip(got, exact, strict=True))
    assert same >= 0.97 * len(got)


def test_biaffine_scorers_fused_score_as_each_alone() -> None:
    """Scorers that read the same inputs, fused into one product, give
    each scorer's own scores, and again for new inputs."""
    import torch
    from stanza.models.common.biaffine import BiaffineScorer

    from quotes import _fastparse

    torch.manual_seed(0)
    scorers = torch.nn.ModuleList(BiaffineScorer(6, 4, n) for n in (2, 5, 3))
    for scorer in scorers:
        torch.nn.init.normal_(scorer.W_bilin.weight)
        torch.nn.init.normal_(scorer.W_bilin.bias)
    alone = [s.forward for s in scorers]
    _fastparse._fuse_biaffine(scorers)
    for _ in range(2):
        x1, x2 = torch.randn(7, 6), torch.randn(7, 4)
        for scorer, own in zip(scorers, alone, strict=True):
            got = scorer(x1, x2)
            assert torch.allclose(got, own(x1, x2), atol=1e-4)


def test_tag_bilinear_gives_torchs_bilinear() -> None:
    """A second input with few distinct rows (a tag embedding) is scored
    once per distinct row, as ``nn.Bilinear`` scores it; varied second
    inputs are scored the other way, also as ``nn.Bilinear``."""
    import torch

    from quotes import _fastparse

    torch.manual_seed(0)
    bilinear = torch.nn.Bilinear(6, 4, 5)
    tags = torch.randn(3, 4)
    x1 = torch.randn(2, 20, 6)
    x2 = tags[torch.randint(0, 3, (2, 20))]
    varied = torch.randn(2, 20, 4)
    with torch.inference_mode():
        for second in (x2, varied):
            got = _fastparse._tag_bilinear(bilinear, x1, second)
            assert got.shape == (2, 20, 5)
            assert torch.allclose(got, bilinear(x1, second), atol=1e-5)


def test_deep_biaffine_hidden_layers_fused_score_as_each_alone() -> None:
    """Deep biaffine scorers that read one LSTM output, their hidden
    layers fused into one product, give each scorer's own scores; two
    different inputs still get the scorer's own computation."""
    import torch
    from stanza.models.common.biaffine import DeepBiaffineScorer

    from quotes import _fastparse

    torch.manual_seed(0)
    scorers = [DeepBiaffineScorer(6, 6, 5, n) for n in (1, 3, 1)]
    alone = [s.forward for s in scorers]
    _fastparse._fuse_hidden(scorers)
    with torch.inference_mode():
        for _ in range(2):
            x = torch.randn(2, 4, 6)
            for scorer, own in zip(scorers, alone, strict=True):
                assert torch.equal(scorer(x, x), own(x, x))
        y = torch.randn(2, 4, 6)
        assert torch.equal(scorers[1](x, y), alone[1](x, y))


@pytest.mark.model
def test_word_encodings_kept_across_documents_change_no_parse(
        monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    """Character encodings kept from earlier documents give the parse
    the encoder gives afresh, and the store keeps its bound."""
    from stanza.models.common.char_model import CharacterModel

    from quotes import _fastparse, _parse

    monkeypatch.setattr(_fastparse, "WORD_CACHE_SIZE", 50)  # < the seed's
    nlp = _parse.make_pipeline(quotes.ParseConfig())
    first = _arcs(nlp, seed_text)
    stores = [m.__dict__.get("_quotes_words")
              for name in ("pos", "depparse")
              for m in nlp.processors[name].trainer.model.modules()
              if isinstance(m, CharacterModel)]
    assert stores and all(s is not None and len(s) == 50 for s in stores)
    assert _arcs(nlp, seed_text) == first
    half = len(seed_text) // 2
    fresh = _parse.make_pipeline(quotes.ParseConfig())
    assert _arcs(nlp, seed_text[half:]) == _arcs(fresh, seed_text[half:])
