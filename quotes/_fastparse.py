"""Faster inference for stanza's tagger and graph dependency parser.

In float32 every change gives the trees, labels and tags stanza's own code
gives (``use_fast_parser``):

- the pairwise bilinear scorers run as two matrix products
  (``_pairwise_bilinear``) instead of two einsums, on the LSTM's output
  made contiguous;
- decoding takes the best head of every word when those heads already
  form a tree with one root (the maximum spanning tree is then that
  tree), else runs our Chu-Liu-Edmonds (``best_tree``);
- labels are scored only for the chosen arcs, not for every pair of
  words, head first (``W head`` once per distinct head); a sentence whose
  labels break a head constraint (two subjects or two objects of one
  head) gets stanza's full repair, which needs the label scores of every
  pair, for that sentence alone;
- the parser's four scorers compute their eight hidden layers with one
  product (``_fuse_hidden``);
- the tagger's columns conditioned on its UPOS (XPOS, and the 21
  morphological features as one product) take ``W upos`` once per
  distinct UPOS, then one product per group of words (``_tag_bilinear``);
- a word that repeats in a batch has its characters encoded once, the
  encodings of recent words are kept for the next documents, and
  feature strings are converted to ids once.

``use_bfloat16`` also runs a processor's matrix products and LSTMs in
bfloat16: faster on CPUs with native bfloat16, with slightly different
results. ``use_int8_lstms`` runs its LSTMs with int8 weights (torch's
dynamic quantization): faster again, with more differences.
"""

from __future__ import annotations

import functools
import types
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from quotes.exceptions import MissingDependencyError


def _pairwise_bilinear(module: Any, input1: Any, input2: Any) -> Any:
    """stanza's ``PairwiseBilinear.forward`` as two matrix products.

    ``out[n, l, m, o] = sum_ij x1[n, l, i] W[i, j, o] x2[n, m, j] + b[o]``,
    the same function as stanza's two einsums, with the weight laid out
    (i, o, j) once, so the second product is one batched matmul with no
    copy of the (n, l, j, o) intermediate.
    """
    import torch

    n, size_l, _ = input1.shape
    size_m = input2.shape[1]
    size_o = module.output_size
    mixed = torch.matmul(input1, _weight_ioj(module))  # n, l, o*j
    mixed = mixed.view(n, size_l * size_o, -1)
    out = torch.bmm(mixed, input2.transpose(1, 2))  # n, l*o, m
    out = out.view(n, size_l, size_o, size_m).transpose(2, 3)
    return out + module.bias


def _weight_ioj(module: Any, order: tuple[int, int, int] = (0, 2, 1)) -> Any:
    """A bilinear weight laid out as (i, o*j), cached on the module.

    *order* permutes the weight's axes to (i, o, j): the default is for
    stanza's (i, j, o) layout, ``(1, 0, 2)`` for ``nn.Bilinear``'s (o, i, j).
    """
    weight = module.weight
    key = (weight.data_ptr(), weight._version)
    if getattr(module, "_quotes_key", None) != key:
        ioj = weight.detach().permute(*order)
        module._quotes_w = ioj.reshape(ioj.shape[0], -1).contiguous()
        module._quotes_key = key
    return module._quotes_w


def _biaffine_inputs(scorer: Any, lstm_out: Any) -> tuple[Any, Any]:
    """The two hidden layers of a ``DeepBiaffineScorer``, each with a 1."""
    import torch

    def with_one(h: Any) -> Any:
        return torch.cat([h, h.new_ones(*h.shape[:-1], 1)], -1)

    first, second = _hidden_layers(scorer, lstm_out)
    return with_one(first), with_one(second)


def _hidden_layers(scorer: Any, lstm_out: Any) -> tuple[Any, Any]:
    """A ``DeepBiaffineScorer``'s two hidden layers of *lstm_out*: from the
    fused product ``_fuse_hidden`` installed, else its own layers."""
    fused = getattr(scorer, "_quotes_hidden", None)
    if fused is not None:
        return fused(lstm_out)  # type: ignore[no-any-return]
    return (scorer.hidden_func(scorer.W1(lstm_out)),
            scorer.hidden_func(scorer.W2(lstm_out)))


def _fuse_hidden(scorers: list[Any]) -> None:
    """Let ``DeepBiaffineScorer``s that read the same LSTM output compute
    their hidden layers (two linear layers each, ReLU) with one product.

    A parser has four such scorers, eight 600 x 300 layers: one 600 x 2400
    product is faster than eight and gives the same numbers.
    """
    import torch
    import torch.nn.functional as F

    layers = [layer for s in scorers for layer in (s.W1, s.W2)]
    if len(scorers) < 2 or any(s.hidden_func is not F.relu for s in scorers):
        return
    weight = torch.cat([layer.weight.detach() for layer in layers])
    bias = torch.cat([layer.bias.detach() for layer in layers])
    sizes = [layer.out_features for layer in layers]
    last: list[Any] = [None, ()]  # the input and its hidden layers

    def hidden(k: int, lstm_out: Any) -> tuple[Any, Any]:
        if last[0] is not lstm_out:
            both = F.relu(F.linear(lstm_out, weight, bias))
            last[:] = [lstm_out, torch.split(both, sizes, -1)]
        return last[1][2 * k], last[1][2 * k + 1]

    def forward(scorer: Any, input1: Any, input2: Any) -> Any:
        if input1 is not input2:
            return type(scorer).forward(scorer, input1, input2)
        first, second = scorer._quotes_hidden(input1)
        return scorer.scorer(scorer.dropout(first), scorer.dropout(second))

    for k, scorer in enumerate(scorers):
        scorer._quotes_hidden = functools.partial(hidden, k)
        scorer.forward = types.MethodType(forward, scorer)


def _label_scores_at(bilinear: Any, dep_in: Any, head_in: Any,
                     trees: list[np.ndarray]) -> list[Any]:
    """Per sentence, the label scores (words, labels) under the chosen heads.

    Only real words are scored: padding and the root row are left out.
    ``score[t, o] = sum_ij dep[t, i] W[i, j, o] head[t, j] + b[o]`` is
    computed head first: each distinct head's ``W head`` (i, o) once, then
    a product with the rows of the words it heads. A tree has about half
    as many distinct heads as words, so this is about twice as fast as
    one product per word, with the same scores up to rounding.
    """
    import torch

    width = dep_in.shape[1]
    deps: list[int] = []
    heads: list[int] = []
    for i, tree in enumerate(trees):
        base = i * width
        deps.extend(range(base + 1, base + len(tree)))
        heads.extend(base + int(h) for h in tree[1:])
    dep_rows = dep_in.reshape(-1, dep_in.shape[-1])[deps]
    distinct, which = torch.unique(torch.tensor(heads), return_inverse=True)
    head_rows = head_in.reshape(-1, head_in.shape[-1])[distinct]
    size_o = bilinear.output_size
    per_head = (head_rows.to(dep_rows.dtype) @ _weight_joi(bilinear)).view(
        len(distinct), -1, size_o)  # heads, i, labels
    order = torch.argsort(which, stable=True)
    groups = dep_rows[order].split(torch.bincount(which).tolist())
    scores = torch.empty(len(deps), size_o, dtype=per_head.dtype)
    scores[order] = torch.cat([rows @ per_head[k]
                               for k, rows in enumerate(groups)])
    return list((scores + bilinear.bias).split([len(t) - 1 for t in trees]))


def _weight_joi(module: Any, order: tuple[int, int, int] = (1, 0, 2)) -> Any:
    """A bilinear weight laid out as (j, i*o), cached on the module.

    *order* permutes the weight's axes to (j, i, o): the default is for
    stanza's pairwise (i, j, o) layout, ``(2, 0, 1)`` for ``nn.Bilinear``'s
    (o, i, j), whose (j, o*i) layout the caller reads instead.
    """
    weight = module.weight
    key = (weight.data_ptr(), weight._version)
    if getattr(module, "_quotes_joi_key", None) != key:
        joi = weight.detach().permute(*order)
        module._quotes_joi = joi.reshape(joi.shape[0], -1).contiguous()
        module._quotes_joi_key = key
    return module._quotes_joi


def greedy_tree(scores: np.ndarray) -> np.ndarray | None:
    """Every word's best head, when those heads form a one-root tree.

    *scores* is (words + 1) x (words + 1), ``scores[d, h]`` the score of
    head *h* for word *d*, row and column 0 the root. The best heads,
    chosen word by word, are the maximum spanning tree whenever they form
    a tree with exactly one word on the root; else ``None``.
    """
    size = scores.shape[0]
    masked = scores[1:].copy()
    masked[np.arange(size - 1), np.arange(1, size)] = -np.inf
    heads = np.argmax(masked, axis=1)
    if np.count_nonzero(heads == 0) != 1:
        return None
    tree = np.concatenate(([0], heads))
    return None if _cycle(tree) is not None else tree


def _cycle(heads: np.ndarray) -> np.ndarray | None:
    """The nodes of one cycle of the head array *heads* (node 0 the root)."""
    state = np.zeros(len(heads), dtype=np.int8)  # 0 new, 1 on path, 2 done
    state[0] = 2
    for start in range(1, len(heads)):
        path, node = [], start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if state[node] == 1:
            return np.array(path[path.index(node):])
        state[path] = 2
    return None


def _max_tree(scores: np.ndarray) -> np.ndarray:
    """Chu-Liu-Edmonds: the maximum spanning tree rooted at node 0.

    ``scores[d, h]`` scores head *h* for node *d*; returns each node's head
    (the root's own entry is 0). Each cycle of best heads is contracted
    into one node, the smaller problem solved, and the cycle opened where
    the contracted node's chosen head enters it.
    """
    size = len(scores)
    scores = scores.copy()
    np.fill_diagonal(scores, -np.inf)
    scores[0] = -np.inf
    heads: np.ndarray = np.argmax(scores, axis=1)
    heads[0] = 0
    cycle = _cycle(heads)
    if cycle is None:
        return heads
    inside = np.zeros(size, dtype=bool)
    inside[cycle] = True
    rest = np.flatnonzero(~inside)  # node 0 first
    last = len(rest)  # the contracted node
    sub = np.full((last + 1, last + 1), -np.inf)
    sub[:last, :last] = scores[np.ix_(rest, rest)]
    out_of = scores[np.ix_(rest, cycle)]  # a cycle node heads a rest node
    sub[:last, last] = out_of.max(axis=1)
    into = scores[np.ix_(cycle, rest)] - scores[cycle, heads[cycle]][:, None]
    sub[last, :last] = into.max(axis=0)
    sub_heads = _max_tree(sub)
    tree = heads.copy()
    for i, node in enumerate(rest[1:], start=1):
        head = sub_heads[i]
        tree[node] = rest[head] if head < last else cycle[out_of[i].argmax()]
    entry = sub_heads[last]
    tree[cycle[into[:, entry].argmax()]] = rest[entry]
    return tree


MAX_OWN_DECODER = 400
"""Longer sentences use stanza's decoder (ours recurses once per cycle)."""


def best_tree(scores: np.ndarray) -> np.ndarray:
    """The best tree with exactly one word on the root, as
    ``chuliu_edmonds_one_root`` finds it: the greedy tree when there is
    one, else Chu-Liu-Edmonds with the root arcs made so costly that only
    one is taken."""
    tree = greedy_tree(scores)
    if tree is not None:
        return tree
    if len(scores) > MAX_OWN_DECODER:
        from stanza.models.common.chuliu_edmonds import (
            chuliu_edmonds_one_root,
        )

        return np.asarray(chuliu_edmonds_one_root(scores))
    scores = scores.astype(np.float64)
    low = scores[np.isfinite(scores)].min()
    scores[:, 0] += low * len(scores)
    return _max_tree(scores)


def _predict(model: Any, *inputs: Any,
             resolve_head_constraints: bool = False) -> list[list[list[Any]]]:
    """``GraphParser.predict`` with the decoding and labelling above."""
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import (
        find_head_constraint_violations,
        resolve_head_constraint_violations,
    )

    sentlens = inputs[12]
    scores, (dep_in, head_in) = _arc_scores(model, *inputs)
    log_probs = F.log_softmax(scores.float(), 2).cpu().numpy()
    trees = []
    for i, size in enumerate(sentlens):
        trees.append(best_tree(log_probs[i, :size, :size]))
    bilinear = model.deprel.scorer.W_bilin
    labels = [s.argmax(-1) for s in
              _label_scores_at(bilinear, dep_in, head_in, trees)]
    vocab = model.vocab["deprel"]
    out = []
    for i, tree in enumerate(trees):
        size = len(tree)
        raw = labels[i].tolist()
        deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        if resolve_head_constraints and find_head_constraint_violations(
                tree, deprels):
            full = _pairwise_bilinear(bilinear, dep_in[i:i + 1, :size],
                                      head_in[i:i + 1, :size])
            label_log_probs = F.log_softmax(full[0].float(), -1).cpu().numpy()
            tree, raw = resolve_head_constraint_violations(
                log_probs[i, :size, :size], label_log_probs, tree, vocab)
            deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        out.append([[int(h), rel] for h, rel in zip(tree[1:], deprels,
                                                     strict=True)])
    return out


def _arc_scores(model: Any, *inputs: Any) -> tuple[Any, tuple[Any, Any]]:
    """The arc scores of ``forward_scores``, and the deprel scorer's two
    hidden layers in place of its label scores.

    The LSTM's output is made contiguous first: the scorers' linear layers
    run about twice as fast on it.
    """
    kept: dict[str, Any] = {}
    embed = model.embed

    def contiguous(*args: Any) -> Any:
        return embed(*args).contiguous()

    def hidden_only(input1: Any, _input2: Any) -> None:
        kept["inputs"] = _biaffine_inputs(model.deprel, input1)

    with _instead(model, "embed", contiguous), \
            _instead(model.deprel, "forward", hidden_only):
        scores = model.forward_scores(*inputs)[0]
    return scores, kept["inputs"]


@contextmanager
def _instead(owner: Any, name: str, value: Any) -> Iterator[None]:
    """Set attribute *name* of *owner* to *value* for the ``with`` block."""
    setattr(owner, name, value)
    try:
        yield
    finally:
        delattr(owner, name)


def _in_bfloat16(process: Any) -> Any:
    """*process* run under CPU autocast to bfloat16."""
    import torch

    def run(*args: Any, **kwargs: Any) -> Any:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return process(*args, **kwargs)

    return run


def _fuse_biaffine(scorers: Any) -> None:
    """Make stanza ``BiaffineScorer``s that read the same inputs (the
    tagger's one scorer per morphological feature, or one scorer alone)
    score them all with one product, on the first call for those inputs.

    The product is ``_tag_bilinear``: fast when the second input is a tag
    embedding, as it is for the tagger's columns conditioned on UPOS.
    """
    import torch
    from stanza.models.common.biaffine import BiaffineScorer

    if not scorers or not all(type(s) is BiaffineScorer for s in scorers) \
            or any(getattr(s, "_quotes_fused", False) for s in scorers):
        return
    shapes = {s.W_bilin.weight.shape[1:] for s in scorers}
    if len(shapes) != 1:
        return
    sizes = [s.W_bilin.out_features for s in scorers]
    i, j = shapes.pop()
    fused = torch.nn.Bilinear(i, j, sum(sizes))
    fused.weight.data = torch.cat([s.W_bilin.weight.detach()
                                   for s in scorers])
    fused.bias.data = torch.cat([s.W_bilin.bias.detach() for s in scorers])
    one = BiaffineScorer(i - 1, j - 1, sum(sizes))
    one.W_bilin = fused
    fused.forward = types.MethodType(  # type: ignore[method-assign]
        _tag_bilinear, fused)
    last: list[Any] = [None, None, ()]  # inputs and the scores they gave

    def score(k: int, input1: Any, input2: Any) -> Any:
        if last[0] is not input1 or last[1] is not input2:
            last[:] = [input1, input2, one(input1, input2).split(sizes, -1)]
        return last[2][k]

    for k, scorer in enumerate(scorers):
        scorer.forward = functools.partial(score, k)
        scorer._quotes_fused = True


def _tag_bilinear(module: Any, input1: Any, input2: Any) -> Any:
    """``nn.Bilinear.forward`` for rows whose second input takes few
    distinct values (a tag's embedding): ``W x2`` (i, o) once per distinct
    ``x2``, then one product with the rows that have it. A tagger's UPOS
    takes 17 values, so this is tens of times less work than
    ``_matmul_bilinear``, which it falls back on for varied inputs.
    """
    import torch

    rows1 = input1.reshape(-1, input1.shape[-1])
    rows2 = input2.reshape(-1, input2.shape[-1])
    distinct, which = torch.unique(rows2, dim=0, return_inverse=True)
    if 4 * len(distinct) > len(rows2):
        return _matmul_bilinear(module, input1, input2)
    size_o, size_i, _ = module.weight.shape
    per_value = (distinct.to(rows1.dtype) @ _weight_joi(module, (2, 0, 1))
                 ).view(len(distinct), size_o, size_i).transpose(1, 2)
    order = torch.argsort(which, stable=True)
    groups = rows1[order].split(torch.bincount(which).tolist())
    scores = torch.cat([rows @ per_value[k] for k, rows in enumerate(groups)])
    out = torch.empty_like(scores)
    out[order] = scores
    return (out + module.bias).view(*input1.shape[:-1], size_o)


def _matmul_bilinear(module: Any, input1: Any, input2: Any) -> Any:
    """``nn.Bilinear.forward`` as a matrix product (autocast has no
    bilinear): ``out[n, o] = sum_ij x1[n, i] W[o, i, j] x2[n, j] + b[o]``."""
    import torch

    size_o, _, size_j = module.weight.shape
    mixed = (input1 @ _weight_ioj(module, (1, 0, 2))).view(
        *input1.shape[:-1], size_o, size_j)
    out = torch.einsum("...oj,...j->...o", mixed, input2.to(mixed.dtype))
    return out + module.bias


def _to(value: Any, dtype: Any) -> Any:
    """*value* (a tensor, a PackedSequence or a tuple of them) as *dtype*."""
    import torch
    from torch.nn.utils.rnn import PackedSequence

    if isinstance(value, PackedSequence):
        return value._replace(data=value.data.to(dtype))
    if isinstance(value, torch.Tensor):
        return value.to(dtype)
    if isinstance(value, tuple):
        return tuple(_to(v, dtype) for v in value)
    return value


def _bfloat16_lstm(module: Any) -> None:
    """Make an ``nn.LSTM`` compute in bfloat16, taking and giving float32."""
    import torch

    forward = module.forward
    module.to(torch.bfloat16)

    def run(data: Any, hx: Any = None) -> Any:
        output, state = forward(_to(data, torch.bfloat16),
                                _to(hx, torch.bfloat16))
        return _to(output, torch.float32), _to(state, torch.float32)

    module.forward = run


def use_bfloat16(nlp: Any, processors: tuple[str, ...] = ("pos", "depparse"),
                 ) -> None:
    """Run *processors* of *nlp* with bfloat16 matrix products and LSTMs."""
    import torch

    for name in processors:
        processor = nlp.processors.get(name)
        if processor is None:
            continue
        model = _model(nlp, name)
        for module in list(model.modules()) if model is not None else ():
            if isinstance(module, torch.nn.Bilinear):
                module.forward = types.MethodType(  # type: ignore[method-assign]
                    _matmul_bilinear, module)
            elif isinstance(module, torch.nn.LSTM):
                _bfloat16_lstm(module)
            elif isinstance(module, torch.nn.ModuleList):
                _fuse_biaffine(module)
        if name != "tokenize":
            processor.process = _in_bfloat16(processor.process)


def _model(nlp: Any, name: str) -> Any:
    """The torch model of processor *name* of *nlp*, if it has one."""
    processor = nlp.processors.get(name)
    return getattr(getattr(processor, "trainer", None), "model", None)


def use_int8_lstms(nlp: Any, processors: tuple[str, ...] = ("depparse",),
                   ) -> None:
    """Run the LSTMs of *processors* with int8 weights and activations
    (dynamic quantization), taking and giving float32.

    Call before ``use_bfloat16``, which leaves these LSTMs alone.

    Raises:
        MissingDependencyError: this torch has no dynamic quantization.
    """
    import torch

    try:
        from torch.ao.nn.quantized.dynamic import LSTM as Int8LSTM
        from torch.ao.quantization import default_dynamic_qconfig
    except ImportError as err:
        msg = (f"precision 'int8' needs torch's dynamic quantization, which "
               f"torch {torch.__version__} lacks; use 'bfloat16'")
        raise MissingDependencyError(msg) from err
    with warnings.catch_warnings():  # torch marks the API as deprecated
        warnings.simplefilter("ignore")
        for name in processors:
            _int8_lstms(nlp, name, Int8LSTM, default_dynamic_qconfig)


def _int8_lstms(nlp: Any, name: str, int8_class: Any, qconfig: Any) -> None:
    """Swap each ``nn.LSTM`` of processor *name* for an int8 one."""
    import torch

    model = _model(nlp, name)
    for parent in list(model.modules()) if model is not None else ():
        for child_name, child in list(parent.named_children()):
            if type(child) is not torch.nn.LSTM:
                continue
            child.qconfig = qconfig
            int8 = int8_class.from_float(child)
            forward = int8.forward

            def run(data: Any, hx: Any = None, forward: Any = forward) -> Any:
                return forward(_to(data, torch.float32),
                               _to(hx, torch.float32))

            int8.forward = run
            setattr(parent, child_name, int8)


WORD_CACHE_SIZE = 20_000
"""Character encodings kept per character model, the most recent words."""


def _unique_words(module: Any, chars: Any, chars_mask: Any,
                  word_orig_idx: Any, sentlens: Any, wordlens: Any) -> Any:
    """``CharacterModel.forward`` run once per distinct word.

    A word's character encoding depends on its characters alone, so a
    word that repeats in the batch is encoded once and copied, and the
    encodings of the last ``WORD_CACHE_SIZE`` distinct words are kept for
    the next batches and documents.
    """
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    unique, inverse = torch.unique(chars, dim=0, return_inverse=True)
    lengths = (unique != 0).sum(1).tolist()
    keys = [row[:n].tobytes() for row, n in
            zip(unique.numpy(), lengths, strict=True)]
    cache = module.__dict__.setdefault("_quotes_words", OrderedDict())
    new = [i for i, key in enumerate(keys) if key not in cache]
    if new:
        for key, vector in zip([keys[i] for i in new],
                               _encode(module, unique[new]), strict=True):
            cache[key] = vector.clone()
    for key in keys:
        cache.move_to_end(key)
    by_unique = torch.stack([cache[key] for key in keys])
    while len(cache) > WORD_CACHE_SIZE:  # after use: a batch may hold more
        cache.popitem(last=False)
    words = tensor_unsort(by_unique[inverse], word_orig_idx)
    packed = pack_sequence(words.split(sentlens))
    return pad_packed_sequence(packed, batch_first=True)[0] if module.pad \
        else packed


def _encode(module: Any, words: Any) -> Any:
    """The character encodings of *words* (char ids, 0-padded), one row
    each, computed as one sentence in length order."""
    import torch
    from torch.nn.utils.rnn import pad_packed_sequence

    lengths = (words != 0).sum(1)
    order = torch.argsort(lengths, descending=True, stable=True)
    encoded = module._quotes_forward(
        words[order], words[order] == 0, list(range(len(order))),
        [len(order)], lengths[order].tolist())
    if not module.pad:
        encoded = pad_packed_sequence(encoded, batch_first=True)[0]
    vectors = torch.empty_like(encoded[0])
    vectors[order] = encoded[0]
    return vectors


def _remember_features(vocab: Any) -> None:
    """Cache a ``CompositeVocab``'s conversions between a feature string
    ("Number=Sing|Person=3") and its ids: stanza rebuilds them per word."""
    to_ids: dict[str, list[int]] = {}
    to_unit: dict[tuple[int, ...], str] = {}
    unit2id, id2unit = vocab.unit2id, vocab.id2unit

    def ids(unit: str) -> list[int]:
        if unit not in to_ids:
            to_ids[unit] = unit2id(unit)
        return list(to_ids[unit])

    def unit(ids: Any) -> str:
        key = tuple(ids)
        if key not in to_unit:
            to_unit[key] = id2unit(ids)
        return to_unit[key]

    vocab.unit2id, vocab.id2unit = ids, unit


def use_fast_parser(nlp: Any) -> int:
    """Install the faster scorer and decoder on *nlp*'s dependency parser.

    Patches this pipeline's module instances only; returns how many
    bilinear scorers now run as matrix products (0: no graph parser).
    """
    import torch
    from stanza.models.common.biaffine import (
        DeepBiaffineScorer,
        PairwiseBilinear,
    )
    from stanza.models.common.char_model import CharacterModel
    from stanza.models.common.vocab import CompositeVocab
    from stanza.models.depparse.model import GraphParser

    model = _model(nlp, "depparse")
    if model is None:
        return 0
    count = 0
    for module in model.modules():
        if isinstance(module, PairwiseBilinear):
            module.forward = types.MethodType(_pairwise_bilinear, module)
            count += 1
    for name in ("pos", "depparse"):
        vocabs = getattr(getattr(nlp.processors.get(name), "vocab", None),
                         "_vocabs", {})
        for vocab in vocabs.values():
            if isinstance(vocab, CompositeVocab):
                _remember_features(vocab)
        tagger = _model(nlp, name)
        for module in tagger.modules() if tagger is not None else ():
            if isinstance(module, CharacterModel):
                module._quotes_forward = module.forward
                module.forward = types.MethodType(_unique_words, module)
        for column in getattr(tagger, "tag_clf", {}).values():
            _fuse_biaffine(column if isinstance(column, torch.nn.ModuleList)
                           else [column])
    if isinstance(model, GraphParser) and not model.args.get(
            "use_arc_embedding"):
        model.predict = types.MethodType(_predict, model)
        _fuse_hidden([getattr(model, name) for name in
                      ("unlabeled", "deprel", "linearization", "distance")
                      if isinstance(getattr(model, name, None),
                                    DeepBiaffineScorer)])
    return count
