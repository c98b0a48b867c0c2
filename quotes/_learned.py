"""The learned attribution tagger: claims the rules do not find.

Input: a parsed ``Doc``; output: ``Proposal`` records (a cue with its
speaker word and content tokens, a kind and a confidence) for the rules to
add to their own drafts (``_attribute.run``). The tagger is a small BiLSTM
over words (GloVe vectors kept for its vocabulary), suffixes, UPOS, word
shape, lexicon classes and quotation depth; it labels each word as source,
cue or content (BIO), one sentence at a time. Its weights are
``quotes/model/attribution.pt`` (a torch state dict) and its vocabularies
and sizes ``quotes/model/attribution.json``; ``training/attribution.py``
makes both from PolNeAR train.

torch is imported inside functions only, so ``import quotes`` stays light.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from quotes._cues import (
    _LISTENER_VERBS,
    CueMatch,
    _clean,
    _put_to_speaker,
    _subject,
    own_complement,
    time_phrase,
)
from quotes._marks import QuoteRegion, find_quotes
from quotes._parse import bundled_model_dir
from quotes._tree import Doc, Sent, Tok
from quotes.exceptions import ModelNotAvailableError
from quotes.lexicons import Lexicon
from quotes.records import Kind

log = logging.getLogger(__name__)

TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
WEIGHTS_FILE = "attribution.pt"
CONFIG_FILE = "attribution.json"
UNK, PAD = 1, 0
"""Index of unknown and padding entries in every vocabulary."""
QUOTE_OUT, QUOTE_IN, QUOTE_MARK = 0, 1, 2
MIN_CONFIDENCE = 0.6
"""Proposals whose content or cue is less probable than this are dropped.
With the two-layer tagger, PolNeAR dev content F1 is the same at 0.5 and
0.6 (0.721, 0.722), and 0.6 keeps precision (0.788 -> 0.807), speaker
names and roles higher; 0.5 finds more indirect claims (recall 0.572
against 0.556)."""
MAX_CONFIDENCE = 0.9
"""A proposal is never surer than a rule with a named speaker (on PolNeAR
dev, proposals at 0.95 or more were right 85% of the time)."""
ENCODED_WORDS = 1 << 17
"""Distinct (word, tag, lemma, quote position) whose feature ids are kept
for the lexicon last used (emptied when it grows past this)."""
BATCH = 128
"""Sentences per forward pass at inference."""
MIN_WORDS = 2
"""A proposed content has at least this many words (not punctuation)."""
MIN_WORDS_UNLISTED = 4
"""... and at least this many when its cue is a stance verb or one no
lexicon lists: "voted against | the plan" is an act, not a claim (PolNeAR
dev content F1 0.691 -> 0.689)."""
_PREDICATING = frozenset({"as", "of"})
"""Prepositions of a secondary predicate: "derided the deal as toothless",
"accused Holt of being a Democrat"."""
_DIGITS = re.compile(r"\d")

# (word, upos, lemma, quote position) for one word of a sentence
Word = tuple[str, str, str, int]


@frozen(kw_only=True)
class Proposal:
    """A claim the tagger found: cue (with its speaker word) and content."""

    cue: CueMatch
    kind: Kind
    start: int
    end: int
    confidence: float


@frozen(kw_only=True)
class Proposals:
    """What the tagger makes of a document the rules have claimed in."""

    new: list[Proposal]
    """Claims where the rules found none."""
    confirmed: frozenset[int]
    """Indexes of the rules' claimed ranges whose content the tagger
    tagged as content too."""
    spans: dict[int, tuple[int, int]] = field(factory=dict)
    """For a confirmed range: the tagger's own content range over it
    (trimmed as its proposals are), where it tagged one."""


Proposer = Callable[[Doc, Sequence[tuple[int, int]]], Proposals]
"""(parsed document, character ranges the rules claimed) -> proposals."""


# ---------------------------------------------------------------- features

@functools.lru_cache(maxsize=1 << 16)
def norm_word(text: str) -> str:
    """The vocabulary key of a word: lower case, digits as 0."""
    return _DIGITS.sub("0", text.lower())


@functools.lru_cache(maxsize=1 << 16)
def shape(text: str) -> int:
    """A coarse word shape: 1 lower, 2 Capital, 3 UPPER, 4 digit, 5 mark."""
    if any(c.isdigit() for c in text):
        return 4
    if not any(c.isalpha() for c in text):
        return 5
    if text.isupper() and len(text) > 1:
        return 3
    return 2 if text[:1].isupper() else 1


def lexicon_class(word: str, lemma: str, upos: str, lex: Lexicon) -> str:
    """The word's class in the lexicons ("v:speech", "n:claim", "role"…)."""
    lemma = lemma.lower()
    if upos in {"VERB", "AUX"} and lemma in lex.reporting_verbs:
        return "v:" + lex.reporting_verbs[lemma]
    if upos == "NOUN" and lemma in lex.noun_cues:
        return "n:" + lex.noun_cues[lemma]
    if upos == "PRON" and word.lower() in lex.pronouns:
        return "pron"
    if lemma in lex.role_nouns:
        return "role"
    if lemma in {"accord", "according"}:
        return "according"
    return "-"


def quote_positions(text: str, spans: Sequence[tuple[int, int]],
                    regions: Sequence[QuoteRegion] | None = None,
                    ) -> list[int]:
    """Per word span: outside, inside or on a quotation mark."""
    regions = find_quotes(text) if regions is None else regions
    out = []
    k = 0
    ordered = sorted(regions, key=lambda r: r.start)
    for start, _ in spans:
        while k < len(ordered) and ordered[k].end <= start:
            k += 1
        pos = QUOTE_OUT
        if k < len(ordered) and ordered[k].start <= start:
            r = ordered[k]
            pos = QUOTE_IN if r.inner[0] <= start < r.inner[1] else QUOTE_MARK
        out.append(pos)
    return out


@frozen(kw_only=True)
class Vocab:
    """The tagger's vocabularies and sizes (``attribution.json``)."""

    words: tuple[str, ...]
    """GloVe words kept (frozen vectors); index = position + 2."""
    tuned: tuple[str, ...]
    """Frequent training words with their own trained vector."""
    suffixes: tuple[str, ...]
    upos: tuple[str, ...]
    classes: tuple[str, ...]
    sizes: dict[str, int]

    @functools.cached_property
    def index(self) -> dict[str, dict[str, int]]:
        """Entry -> index, per vocabulary (0 padding, 1 unknown)."""
        return {name: {w: i + 2 for i, w in enumerate(getattr(self, name))}
                for name in ("words", "tuned", "suffixes", "upos",
                             "classes")}

    def encode(self, words: Sequence[Word], lex: Lexicon) -> list[list[int]]:
        """Feature ids per word: glove, tuned, suffix, upos, shape, class,
        quote."""
        store = self._encoded
        if store[0] is not lex or len(store[1]) > ENCODED_WORDS:
            store[:] = [lex, {}]
        seen: dict[Word, list[int]] = store[1]
        rows = []
        for word in words:
            row = seen.get(word)
            if row is None:
                row = seen[word] = self._encode(word, lex)
            rows.append(row)
        return rows

    @functools.cached_property
    def _encoded(self) -> list[Any]:
        """[lexicon, {word: feature ids}] for the lexicon last used."""
        return [None, {}]

    def _encode(self, word: Word, lex: Lexicon) -> list[int]:
        ix = self.index
        text, upos, lemma, quote = word
        key = norm_word(text)
        return [ix["words"].get(key, UNK), ix["tuned"].get(key, UNK),
                ix["suffixes"].get(key[-3:], UNK), ix["upos"].get(upos, UNK),
                shape(text) + 1,
                ix["classes"].get(lexicon_class(text, lemma, upos, lex), UNK),
                quote + 1]

    def to_json(self) -> dict[str, Any]:
        """The JSON form stored beside the weights."""
        return {"tags": list(TAGS), "sizes": self.sizes,
                "words": list(self.words), "tuned": list(self.tuned),
                "suffixes": list(self.suffixes), "upos": list(self.upos),
                "classes": list(self.classes)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Vocab:
        """Read the JSON form (``KeyError``/``TypeError`` if malformed)."""
        if tuple(data["tags"]) != TAGS:
            msg = "the tag set differs from this version's"
            raise TypeError(msg)
        return cls(words=tuple(data["words"]), tuned=tuple(data["tuned"]),
                   suffixes=tuple(data["suffixes"]),
                   upos=tuple(data["upos"]), classes=tuple(data["classes"]),
                   sizes={k: int(v) for k, v in data["sizes"].items()})


# ---------------------------------------------------------------- model

def build_model(vocab: Vocab) -> Any:
    """A fresh, untrained tagger for *vocab* (a ``torch.nn.Module``)."""
    import torch
    from torch import nn

    sizes = vocab.sizes

    class Tagger(nn.Module):
        """Embeddings -> BiLSTM -> tag scores."""

        def __init__(self) -> None:
            super().__init__()
            counts = [len(vocab.words), len(vocab.tuned),
                      len(vocab.suffixes), len(vocab.upos), 6,
                      len(vocab.classes), 3]
            dims = [sizes["glove"], sizes["tuned"], sizes["suffix"],
                    sizes["upos"], sizes["shape"], sizes["class"],
                    sizes["quote"]]
            self.embeds = nn.ModuleList(
                nn.Embedding(n + 2, d, padding_idx=PAD)
                for n, d in zip(counts, dims, strict=True))
            self.embeds[0].weight.requires_grad_(False)  # GloVe: frozen
            self.drop = nn.Dropout(sizes["dropout"] / 100)
            self.lstm = nn.LSTM(sum(dims), sizes["hidden"],
                                num_layers=sizes["layers"],
                                bidirectional=True, batch_first=True,
                                dropout=sizes["dropout"] / 100
                                if sizes["layers"] > 1 else 0.0)
            self.out = nn.Linear(2 * sizes["hidden"], len(TAGS))

        def forward(self, feats: Any, lengths: Any) -> Any:
            """Tag scores (batch, length, tags) for feature ids (b, l, 7)."""
            x = torch.cat([e(feats[:, :, k])
                           for k, e in enumerate(self.embeds)], dim=-1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(
                x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(
                h, batch_first=True, total_length=feats.shape[1])
            return self.out(self.drop(h))

    return Tagger()


_PAIRS = [(TAGS.index("B-" + r), TAGS.index("I-" + r)) for r in
          ("SRC", "CUE", "CON")]
"""(B-, I-) index of each role: I- may follow only these two."""


def viterbi(logp: Sequence[Sequence[float]]) -> list[int]:
    """The most probable tag sequence in which an I- tag follows only the
    B- or I- tag of its own role (of equal scores, lower indices win)."""
    if not logp:
        return []
    n_tags = len(TAGS)
    score = [lp if not TAGS[t].startswith("I-") else -math.inf
             for t, lp in enumerate(logp[0])]
    back: list[list[int]] = []
    for row in logp[1:]:
        best = score.index(max(score))  # O and B- may follow any tag
        ptr = [best] * n_tags
        for b, i in _PAIRS:
            ptr[i] = b if score[b] >= score[i] else i
        score = [score[p] + row[t] for t, p in enumerate(ptr)]
        back.append(ptr)
    tag = score.index(max(score))
    path = [tag]
    for ptr in reversed(back):
        tag = ptr[tag]
        path.append(tag)
    return path[::-1]


def spans_of(tags: Sequence[int]) -> list[tuple[str, int, int]]:
    """(role, first word, end word) of each tagged span."""
    out: list[tuple[str, int, int]] = []
    for i, t in enumerate(tags):
        name = TAGS[t]
        if name == "O":
            continue
        role = name[2:]
        if name.startswith("B-") or not out or out[-1][0] != role or \
                out[-1][2] != i:
            out.append((role, i, i + 1))
        else:
            out[-1] = (role, out[-1][1], i + 1)
    return out


# ---------------------------------------------------------------- loading

@frozen(kw_only=True)
class Tagger:
    """A loaded tagger: the torch module and its vocabularies."""

    module: Any
    vocab: Vocab

    def probabilities(self, sents: Sequence[Sequence[Word]],
                      lex: Lexicon) -> list[list[list[float]]]:
        """Tag probabilities per word of each sentence."""
        import torch

        rows = [self.vocab.encode(s, lex) for s in sents]
        out: list[list[list[float]]] = [[] for _ in rows]
        order = sorted((k for k in range(len(rows)) if rows[k]),
                       key=lambda k: len(rows[k]))
        for i in range(0, len(order), BATCH):  # similar lengths: no waste
            ids = order[i:i + BATCH]
            longest = len(rows[ids[-1]])
            padding = [[0] * 7]
            feats = torch.tensor([rows[k] + padding * (longest - len(rows[k]))
                                  for k in ids], dtype=torch.long)
            lengths = torch.tensor([len(rows[k]) for k in ids])
            with torch.inference_mode():
                probs = torch.softmax(self.module(feats, lengths), dim=-1)
            for b, k in enumerate(ids):
                out[k] = probs[b, :len(rows[k])].tolist()
        return out


def load(directory: str | Path | None = None) -> Tagger:
    """Load the tagger from *directory* (default: the bundled model).

    Raises:
        ModelNotAvailableError: a file is missing, corrupt or mismatched.
    """
    base = Path(directory) if directory is not None else bundled_model_dir()
    return _load(str(base))


@functools.lru_cache(maxsize=4)
def _load(base: str) -> Tagger:
    weights, config = Path(base) / WEIGHTS_FILE, Path(base) / CONFIG_FILE
    hint = ("reinstall quotes, or run without the learned component "
            "(ParseConfig(learned=False), quotes extract --rules-only)")
    for path in (weights, config):
        if not path.is_file():
            msg = f"learned attribution model file {path} is missing; {hint}"
            raise ModelNotAvailableError(msg, path=str(path))
    import torch

    try:
        vocab = Vocab.from_json(json.loads(config.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as err:
        msg = (f"learned attribution model file {config} is corrupt "
               f"({type(err).__name__}: {err}); {hint}")
        raise ModelNotAvailableError(msg, path=str(config)) from err
    try:
        state = torch.load(weights, map_location="cpu", weights_only=True)
        module = build_model(vocab)
        module.load_state_dict({k: v.float() for k, v in state.items()})
    except Exception as err:  # torch raises many types for a bad file
        msg = (f"learned attribution model file {weights} is corrupt or "
               f"does not fit {config} ({type(err).__name__}); {hint}")
        raise ModelNotAvailableError(msg, path=str(weights)) from err
    module.eval()
    log.info("learned attribution model loaded from %s", base)
    return Tagger(module=module, vocab=vocab)


# ---------------------------------------------------------------- proposals

def sentence_words(doc: Doc, regions: Sequence[QuoteRegion],
                   sents: Sequence[Sent] | None = None) -> list[list[Word]]:
    """The tagger's input for each sentence of *doc* (or of *sents*)."""
    out = []
    for sent in doc.sents if sents is None else sents:
        quotes = quote_positions(doc.text, [(t.start, t.end)
                                            for t in sent.toks], regions)
        out.append([(t.text, t.upos, t.lemma, q)
                    for t, q in zip(sent.toks, quotes, strict=True)])
    return out


def cue_finder(tagger: Tagger, lex: Lexicon,
               min_confidence: float = MIN_CONFIDENCE,
               ) -> Callable[[Sequence[Sequence[tuple[str, str, str]]]],
                             list[bool]]:
    """For selective parsing: per sentence outside quotations, given its
    (text, lemma, upos) words, could the tagger propose a claim there?"""

    def may_propose(sents: Sequence[Sequence[tuple[str, str, str]]],
                    ) -> list[bool]:
        words = [[(text, upos, lemma, QUOTE_OUT) for text, lemma, upos in s]
                 for s in sents]
        return [_may_propose(p, min_confidence)
                for p in tagger.probabilities(words, lex)]

    return may_propose


def make_proposer(tagger: Tagger, lex: Lexicon,
                  min_confidence: float = MIN_CONFIDENCE) -> Proposer:
    """A ``Proposer`` that tags each sentence and keeps confident claims
    that overlap nothing the rules claimed."""

    def propose(doc: Doc, claimed: Sequence[tuple[int, int]],
                ) -> Proposals:
        regions = find_quotes(doc.text)
        free = _unclaimed_words(doc, claimed)
        # a flat tree cannot show what a claim asserts; a sentence with
        # fewer unclaimed words than a content needs cannot hold a new one
        sents = [s for s, n in zip(doc.sents, free, strict=True)
                 if s.parsed and n >= MIN_WORDS]
        probs = tagger.probabilities(sentence_words(doc, regions, sents),
                                     lex)
        out: list[Proposal] = []
        for sent, p in zip(sents, probs, strict=True):
            out += _sentence_proposals(doc, sent, p, regions, claimed, lex,
                                       min_confidence)
        # the sentences left out above that hold a claim: tagged apart, so
        # the proposals stay what they were without them
        rest = [s for s, n in zip(doc.sents, free, strict=True)
                if s.parsed and n < MIN_WORDS and
                any(a < s.end and s.start < b for a, b in claimed)]
        probs += tagger.probabilities(sentence_words(doc, regions, rest),
                                      lex) if rest else []
        found = sorted(hit for sent, p in zip([*sents, *rest], probs,
                                              strict=True)
                       for hit in _confirmed(sent, p, claimed,
                                             min_confidence))
        # of several contents over one range, the one sharing the most
        # with it: in "said all staffers sign NDAs, though she did not
        # explain the terms" the first clause, not "the terms"
        return Proposals(new=out, confirmed=frozenset(k for k, _, _ in found),
                         spans={k: span for k, _, span in found})

    return propose


def _unclaimed_words(doc: Doc, claimed: Sequence[tuple[int, int]],
                     ) -> list[int]:
    """Per sentence: its words (not punctuation) that overlap no claimed
    range. No proposed content may overlap a claim
    (``_sentence_proposals``)."""
    ranges = sorted(claimed)
    out = []
    k = 0
    reach = -1  # the furthest end of ranges[:k]
    for sent in doc.sents:
        free = 0
        for tok in sent.toks:
            while k < len(ranges) and ranges[k][0] < tok.end:
                reach = max(reach, ranges[k][1])
                k += 1
            if reach <= tok.start and any(c.isalnum() for c in tok.text):
                free += 1
        out.append(free)
    return out


def _confirmed(sent: Sent, probs: list[list[float]],
               claimed: Sequence[tuple[int, int]],
               min_confidence: float,
               ) -> list[tuple[int, int, tuple[int, int]]]:
    """Indexes of the *claimed* ranges that a content the tagger is sure
    of (mean probability at least *min_confidence*) in *sent* overlaps by
    half the shorter of the two or more, each with the characters they
    share and that content's range (without a leading "that" and stray
    punctuation, as a proposal's)."""
    if not probs:
        return []
    logp = [[math.log(max(x, 1e-9)) for x in row] for row in probs]
    spans = spans_of(viterbi(logp))
    out = []
    for _, lo, hi in (s for s in spans if s[0] == "CON"):
        if _mean(probs, lo, hi, "CON") < min_confidence:
            continue
        start, end = sent.toks[lo].start, sent.toks[hi - 1].end
        toks = _clean(sent, list(sent.toks[lo:hi])) or \
            list(sent.toks[lo:hi])
        for k, (a, b) in enumerate(claimed):
            shared = min(b, end) - max(a, start)
            if shared > 0 and 2 * shared >= min(b - a, end - start):
                own = _last_word(sent, toks, spans, [
                    c for j, c in enumerate(claimed) if j != k])
                out.append((k, shared, (own[0].start, own[-1].end)))
    return out


def _mean(probs: Sequence[Sequence[float]], lo: int, hi: int,
          role: str) -> float:
    b, i = TAGS.index("B-" + role), TAGS.index("I-" + role)
    return sum(probs[k][b] + probs[k][i] for k in range(lo, hi)) / (hi - lo)


def _sentence_proposals(doc: Doc, sent: Sent, probs: list[list[float]],
                        regions: Sequence[QuoteRegion],
                        claimed: Sequence[tuple[int, int]], lex: Lexicon,
                        min_confidence: float) -> list[Proposal]:
    if not _may_propose(probs, min_confidence):
        return []
    logp = [[math.log(max(x, 1e-9)) for x in row] for row in probs]
    spans = spans_of(viterbi(logp))
    cues = [s for s in spans if s[0] == "CUE"]
    sources = [s for s in spans if s[0] == "SRC"]
    out = []
    for _, lo, hi in (s for s in spans if s[0] == "CON"):
        # without a leading "that" and stray punctuation, as the rules'
        toks = _clean(sent, list(sent.toks[lo:hi]))
        words = sum(any(c.isalnum() for c in t.text) for t in toks)
        if words < MIN_WORDS:
            continue
        toks = _last_word(sent, toks, spans, claimed)
        start, end = toks[0].start, toks[-1].end
        whole = next((r for r in regions if (r.start, r.end) == (start, end)),
                     None)
        if whole is not None:  # a whole quotation: its words, not its marks
            start, end = whole.inner
        if any(s < end and start < e for s, e in claimed) or not cues:
            continue
        cue = min(cues, key=lambda c: min(abs(c[1] - hi), abs(lo - c[2])))
        cue_toks = sent.toks[cue[1]:cue[2]]
        if any(s < cue_toks[-1].end and cue_toks[0].start < e
               for s, e in claimed):
            continue
        confidence = min(_mean(probs, lo, hi, "CON"),
                         _mean(probs, cue[1], cue[2], "CUE"), MAX_CONFIDENCE)
        if confidence < min_confidence:
            continue
        verb = _head(sent, cue_toks)
        if (lo < cue[1] and own_complement(sent, verb)) or \
                _anonymity(sent, toks) or _put_question(sent, verb, toks) or \
                _named_object(sent, verb, toks) or \
                _listener(sent, verb, toks) or \
                _participle_aside(sent, verb, toks, lex) or \
                _said_of(sent, verb, toks) or \
                time_phrase(toks, lex.non_speakers) or any(
                    _put_to_speaker(sent, t) for t in cue_toks
                    if t.upos == "VERB"):
            continue  # ... or "(said when) asked about": a question
        speaker = _speaker(sent, sources, cue, cue_toks, lex)
        match = _cue_match(sent, cue_toks, speaker, toks, lex)
        if match.cls in {"other", "stance"} and words < MIN_WORDS_UNLISTED:
            continue
        if (match.cls == "other" or (match.cls in {"stance", "belief"} and
                                     _infinitive(sent, verb, toks))) and \
                not _asserts(sent, cue_toks, toks, regions):
            continue  # an act: "signed the order", "refused to recall"
        out.append(Proposal(cue=match, kind=_kind(start, end, regions),
                            start=start, end=end, confidence=confidence))
    return out


def _is_word(tok: Tok) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _last_word(sent: Sent, toks: list[Tok],
               spans: Sequence[tuple[str, int, int]],
               claimed: Sequence[tuple[int, int]]) -> list[Tok]:
    """*toks* with the word right after them where the tagger stopped one
    word short of the phrase's end: "his engagement to former supermodel |
    Jerry Hall." The word must be tied to the content in the tree (its
    head is in it, or it heads a word of it), stand before punctuation or
    the sentence's end, and be no part of a cue, a source or a claim.
    """
    if not toks:
        return toks
    k = toks[-1].i + 1
    if k >= len(sent.toks) or not _is_word(sent.toks[k]):
        return toks
    word = sent.toks[k]
    if k + 1 < len(sent.toks) and _is_word(sent.toks[k + 1]):
        return toks
    inside = {t.i for t in toks}
    if word.head not in inside and not any(t.head == k for t in toks):
        return toks
    if any(lo <= k < hi for role, lo, hi in spans if role != "CON") or \
            any(s < word.end and word.start < e for s, e in claimed):
        return toks
    return [*toks, word]


def _listener(sent: Sent, verb: Tok, content: Sequence[Tok]) -> bool:
    """True when the content is only whom the cue addresses ("tell | my
    clients"), which the rules never take either. "Call" names rather than
    addresses its object ("called | the charges unsubstantiated")."""
    inside = {t.i for t in content}
    heads = [t for t in content if t.head not in inside]
    return verb.lemma in _LISTENER_VERBS - {"call"} and bool(heads) and all(
        t.head == verb.i and t.rel in {"obj", "iobj"} for t in heads)


def _participle_aside(sent: Sent, verb: Tok, content: Sequence[Tok],
                      lex: Lexicon) -> bool:
    """True when the content is a participle clause set off by a comma and
    hung on the cue, whose participle is no verb of saying: "Lowe said, |
    not even needing to thank the donors" tells what the speaker did
    ("..., adding that" makes a cue of its own)."""
    head = _head(sent, content)
    first = content[0].i
    return head.head == verb.i and head.rel in {"advcl", "ccomp"} and \
        head.xpos == "VBG" and head.lemma not in lex.reporting_verbs and \
        first > 0 and sent.toks[first - 1].text == ","


def _said_of(sent: Sent, verb: Tok, content: Sequence[Tok]) -> bool:
    """True when the content is whom or what the words were said about:
    '"The levy will not hold," Varga said of | the dam' ("say" takes its
    claim as a clause or quotation; but "spoke of | her discussions")."""
    head = _head(sent, content)
    return verb.lemma == "say" and head.head == verb.i and \
        head.rel == "obl" and any(c.lemma == "of"
                                  for c in sent.children(head.i, "case"))


_REQUEST_VERBS = frozenset({"ask", "request"})
"""Verbs whose passive infinitive is how a source asked to be treated."""


def _anonymity(sent: Sent, content: Sequence[Tok]) -> bool:
    """True when the content is how a source asked to be treated: "(who)
    asked | not to be named", "requested | to be identified only by her
    first name" (a passive infinitive of "ask" or "request"), whatever
    cue the tagger tied it to."""
    return any(t.rel == "xcomp" and t.head >= 0 and
               sent.toks[t.head].lemma in _REQUEST_VERBS and
               sent.children(t.i, "aux:pass") for t in content)


_ASKING = frozenset({"ask", "question", "press", "quiz"})
"""Verbs that put a question to the speaker ("Asked by reporters ...")."""


def _put_question(sent: Sent, verb: Tok, content: Sequence[Tok]) -> bool:
    """True when the content lies inside a question put to the speaker,
    below it and not below the cue *verb*: "Asked by reporters about |
    the delay |, Lee said ..."."""
    if content[-1].i > verb.i:
        return False  # the answer follows the cue; the question precedes
    inside = {t.i for t in content}
    k = next((t.head for t in content if t.head not in inside), -1)
    seen = set()
    while k >= 0 and k != verb.i and k not in seen:
        seen.add(k)
        tok = sent.toks[k]
        if tok.upos == "VERB" and tok.lemma in _ASKING and \
                _put_to_speaker(sent, tok):
            return True
        k = tok.head
    return False


def _named_object(sent: Sent, verb: Tok, content: Sequence[Tok]) -> bool:
    """True when the content is only a name the cue acts on: "charged |
    Milan Dvořák (with abuse of office)"."""
    inside = {t.i for t in content}
    heads = [t for t in content if t.head not in inside]
    return len(heads) == 1 and heads[0].head == verb.i and \
        heads[0].rel == "obj" and heads[0].upos == "PROPN" and \
        all(t.upos in {"PROPN", "PUNCT"} for t in content)


def _infinitive(sent: Sent, verb: Tok, content: Sequence[Tok]) -> bool:
    """True when the content is the cue's to-infinitive: "refused | to
    recall its forces", "agreed | to share a currency" say what the subject
    does, not what it claims."""
    return any(t.head == verb.i and t.rel == "xcomp" and any(
        m.lemma == "to" for m in sent.children(t.i, "mark"))
        for t in content)


def _asserts(sent: Sent, cue_toks: Sequence[Tok], content: Sequence[Tok],
             regions: Sequence[QuoteRegion]) -> bool:
    """True when a content asserts something rather than naming an act.

    Asked of cues no lexicon lists, whose verb is no evidence of speech,
    and of stance verbs with an infinitive: the verb's object or
    infinitive is a claim only when it holds a finite clause, a quotation
    or a secondary predicate ("derided the deal as toothless"), or when
    the content is not the verb's object at all but a topic ("bristled at
    the questions"; not beside an object of the act's own: "signed the
    order for the deployment"). "The administration has approved the
    deployment", "Biden signed the order" and "Russia has refused to
    recall its forces" report acts.
    """
    start, end = content[0].start, content[-1].end
    if any(r.inner[0] < end and start < r.inner[1] for r in regions):
        return True
    cue = {t.i for t in cue_toks}
    inside = {t.i for t in content} | cue
    if not any(t.head in cue and t.rel in {"obj", "xcomp"} for t in content):
        # a topic ("bristled at | the questions"), but not a noun phrase
        # hung on an act with its own object ("signed the order for | the
        # deployment")
        return any(t.upos in {"VERB", "AUX"} for t in content) or not any(
            o.i not in inside for t in cue_toks
            for o in sent.children(t.i, "obj"))
    for tok in content:
        if "VerbForm=Fin" in tok.feats:
            return True
        if tok.head not in inside:
            continue
        marks = {c.lemma.lower() for c in sent.children(tok.i, "case",
                                                          "mark")}
        if (tok.rel == "xcomp" and tok.upos in {"NOUN", "PROPN", "ADJ"}) \
                or (tok.rel in {"obl", "advcl", "xcomp"} and
                    marks & _PREDICATING):
            return True
    return False


def _may_propose(probs: Sequence[Sequence[float]],
                 min_confidence: float) -> bool:
    """False when no word is likely enough content, or cue, for any span
    of the sentence to pass *min_confidence* (a span's mean is at most
    its best word's)."""
    con = (TAGS.index("B-CON"), TAGS.index("I-CON"))
    cue = (TAGS.index("B-CUE"), TAGS.index("I-CUE"))
    return any(row[con[0]] + row[con[1]] >= min_confidence for row in probs) \
        and any(row[cue[0]] + row[cue[1]] >= min_confidence for row in probs)


def _head(sent: Sent, toks: Sequence[Tok]) -> Tok:
    """The word of *toks* whose head lies outside them (the first such)."""
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head not in inside]
    nominal = [t for t in heads if t.upos in {"PROPN", "NOUN", "PRON"}]
    return (nominal or heads or list(toks))[0]


def _speaker(sent: Sent, sources: list[tuple[str, int, int]],
             cue: tuple[str, int, int], cue_toks: Sequence[Tok],
             lex: Lexicon) -> Tok | None:
    """The speaker word: the noun a participle of evidence modifies ("a
    new poll | showing ..."), else the head of the nearest source span,
    else the subject of the cue's verb. ("A statement saying ..." is its
    author's: the tagger's source.)"""
    verb = _head(sent, cue_toks)
    if verb.rel == "acl" and 0 <= verb.head < verb.i and \
            sent.toks[verb.head].upos in {"NOUN", "PROPN"} and \
            lex.reporting_verbs.get(verb.lemma) == "evidence":
        return sent.toks[verb.head]
    if sources:
        src = min(sources, key=lambda s: min(abs(s[1] - cue[2]),
                                             abs(cue[1] - s[2])))
        return _head(sent, sent.toks[src[1]:src[2]])
    return _subject(sent, _head(sent, cue_toks))


def _cue_match(sent: Sent, cue_toks: Sequence[Tok], speaker: Tok | None,
               content: Sequence[Tok], lex: Lexicon) -> CueMatch:
    """The proposal's cue; a *speaker* word that is a claim gives way to its
    owner ("Obama's announcement"), one that never names a speaker ("said
    Saturday") to the verb's subject, or to none."""
    head = _head(sent, cue_toks)
    if speaker is not None and speaker.upos == "NOUN" and \
            speaker.lemma.lower() in lex.noun_cues:
        # "Mr. Obama's announcement": the announcement's owner speaks
        speaker = next(iter(sent.children(speaker.i, "nmod:poss")), speaker)
    if speaker is not None and not _can_speak(speaker, lex):
        speaker = _subject(sent, head)
        if speaker is not None and not _can_speak(speaker, lex):
            speaker = None
    lemma = " ".join(t.lemma.lower() for t in cue_toks) \
        if len(cue_toks) > 1 and head.upos == "ADP" else head.lemma.lower()
    cls = lex.reporting_verbs.get(lemma) or lex.noun_cues.get(lemma) or \
        lex.prep_cues.get(lemma) or "other"
    return CueMatch(sent=sent.index, toks=tuple(cue_toks), lemma=lemma,
                    cls=cls, speaker=speaker, content=tuple(content))


def _can_speak(tok: Tok, lex: Lexicon) -> bool:
    """Not a word that never names a speaker ("Saturday", "morning")."""
    return tok.text.lower() not in lex.non_speakers and \
        tok.lemma.lower() not in lex.non_speakers


def _kind(start: int, end: int, regions: Sequence[QuoteRegion]) -> Kind:
    quoted = sum(max(0, min(end, r.inner[1]) - max(start, r.inner[0]))
                 for r in regions)
    if quoted >= 0.8 * (end - start):
        return Kind.DIRECT
    return Kind.MIXED if quoted > 0 else Kind.INDIRECT
