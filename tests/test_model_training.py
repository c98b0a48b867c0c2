"""The training recipe: the bilinear patch and the shipped model files."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
fast_bilinear = pytest.importorskip("training.fast_bilinear")


@pytest.mark.parametrize("shape", [(5, 7), (3, 4, 7), (2, 3, 4, 7)])
def test_bilinear_matches_torch(shape: tuple[int, ...]) -> None:
    """Forward values and all gradients equal F.bilinear's."""
    gen = torch.Generator().manual_seed(0)
    x1 = torch.randn(*shape, generator=gen, dtype=torch.float64,
                     requires_grad=True)
    x2 = torch.randn(*shape[:-1], 6, generator=gen, dtype=torch.float64,
                     requires_grad=True)
    w = torch.randn(9, shape[-1], 6, generator=gen, dtype=torch.float64,
                    requires_grad=True)
    b = torch.randn(9, generator=gen, dtype=torch.float64,
                    requires_grad=True)
    ref = torch.nn.functional.bilinear(x1, x2, w, b)
    got = fast_bilinear.bilinear(x1, x2, w, b)
    torch.testing.assert_close(got, ref)
    grads_ref = torch.autograd.grad(ref.sum(), (x1, x2, w, b))
    grads_got = torch.autograd.grad(got.sum(), (x1, x2, w, b))
    for g_got, g_ref in zip(grads_got, grads_ref, strict=True):
        torch.testing.assert_close(g_got, g_ref)


def test_install_patches_biaffine_scorer() -> None:
    """After install(), stanza's BiaffineScorer gives the same scores."""
    biaffine = pytest.importorskip("stanza.models.common.biaffine")
    torch.manual_seed(0)
    scorer = biaffine.BiaffineScorer(4, 5, 3)
    torch.nn.init.normal_(scorer.W_bilin.weight)
    x1, x2 = torch.randn(2, 6, 4), torch.randn(2, 6, 5)
    before = scorer(x1, x2)
    original = biaffine.BiaffineScorer.forward
    try:
        fast_bilinear.install()
        after = scorer(x1, x2)
    finally:
        biaffine.BiaffineScorer.forward = original
    torch.testing.assert_close(after, before)


MODEL_DIR = Path(__file__).resolve().parent.parent / "quotes" / "model"
COMPONENTS = ("tokenize", "mwt", "pos", "lemma", "depparse")


@pytest.mark.model
def test_bundled_model_loads_offline() -> None:
    """Stock stanza loads the shipped (float16) files and parses text."""
    stanza = pytest.importorskip("stanza")
    if not (MODEL_DIR / "depparse.pt").exists():
        pytest.skip("no bundled model")
    nlp = stanza.Pipeline(
        "en", dir=str(MODEL_DIR), processors=",".join(COMPONENTS),
        download_method=None, logging_level="WARN",
        **{f"{c}_model_path": str(MODEL_DIR / f"{c}.pt")
           for c in COMPONENTS})
    doc = nlp("“We will respond,” Kirby said. The talks didn't end.")
    words = [w for s in doc.sentences for w in s.words]
    assert len(doc.sentences) == 2
    assert "n't" in [w.text for w in words]  # the mwt model split "didn't"
    for sent in doc.sentences:
        assert sum(w.head == 0 for w in sent.words) == 1
        assert all(w.upos and w.deprel and w.lemma for w in sent.words)


def test_lemma_forms_follow_spelling_rules() -> None:
    """Regular inflections, with the spelling changes English makes."""
    lemma_dict = pytest.importorskip("training.lemma_dict")
    assert set(lemma_dict.verb_forms("deny")) == {
        "denies", "denied", "denying"}
    assert {"reiterated", "reiterating"} <= set(
        lemma_dict.verb_forms("reiterate"))
    assert {"admitted", "admitting"} <= set(lemma_dict.verb_forms("admit"))
    assert "spokesmen" in set(lemma_dict.noun_forms("spokesman"))
    assert "witnesses" in set(lemma_dict.noun_forms("witness"))


def test_lemma_dictionary_widened_without_overriding() -> None:
    """New forms land in NOUN/VERB tables; seen forms keep their lemma."""
    lemma_dict = pytest.importorskip("training.lemma_dict")
    pos_dict = {"*": {"officials": "official", "rose": "rise",
                      "axes": "axis"}}
    added = lemma_dict.extend(pos_dict, nouns={"official", "ax"},
                              verbs={"reiterate"})
    assert added > 0
    assert pos_dict["NOUN"]["Officials"] == "official"
    assert pos_dict["VERB"]["reiterated"] == "reiterate"
    assert pos_dict["VERB"]["Reiterated"] == "reiterate"
    assert "axes" not in pos_dict["NOUN"]  # seen as a form of "axis"
    assert "Rose" not in pos_dict["NOUN"]  # a name keeps its spelling
    assert pos_dict["*"] == {"officials": "official", "rose": "rise",
                             "axes": "axis"}
