"""Hypothesis strategies: hostile texts and parsed documents without a model.

Three families:

* ``hostile_text``: any ``str`` a scraper may hand us (random Unicode,
  mixed and nested quote marks, odd counts, unclosed quotes, a mark in
  every word, HTML, control characters, zero-width spaces, CRLF, RTL,
  emoji, non-English);
* ``parsed_docs``: a hostile text cut into tokens with exact offsets and
  covered by random well-formed dependency trees (``quotes._tree.Doc``
  built directly, so the rules run with no parser);
* ``news_docs``: quote-bearing news-like sentences with plausible UD
  trees, returned with the quotations a reader would pair.

Also plain functions (``random_text``, ``random_doc``) that draw the same
kinds of inputs from a ``random.Random``, for the fuzz benchmark.
"""


from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Sequence

from hypothesis import strategies as st

from quotes._tree import Doc, Sent, Tok

PAIRS = [("“", "”"), ("„", "“"), ("«", "»"), ("»", "«"), ("‹", "›"),
         ("「", "」"), ("『", "』"), ('"', '"'), ("'", "'"), ("‘", "’"),
         ("`", "'"), ("‚", "‘"), ("＂", "＂"), ("〝", "〞")]
MARKS = sorted({m for pair in PAIRS for m in pair} | {"‟", "´"})
NOISE = ["<p>", "</p>", "<q>", "</q>", "<br/>", "&amp;", "&quot;",
         "&ldquo;", "&#8221;", "\u200b", "\u200d", "\u200e", "\u200f",
         "\u202e", "\ufeff", "\r\n", "\r", "\n", "\n\n", "\t", "\x00",
         "\x07", "\x1b[0m", "\u2028", "\u00a0", "😀", "👍🏽", "🇺🇸",
         "שלום עולם", "مرحبا بالعالم", "日本語のテキスト", "Привет, мир",
         "Grüße", "ça va", "\nWALLACE: ", "MR. LEE: ", " — ", "…", ":",
         ",", ".", "?!", "-", "(", ")"]
WORDS = ["Kirby", "said", "He", "she", "they", "told", "added", "the",
         "spokesman", "that", "we", "will", "respond", "according", "to",
         "officials", "Peskov", "claim", "warned", "President", "John",
         "don't", "O'Brien", "rock'n'roll", "'90s", "in", "a", "statement",
         ",", ".", ":", "—", "sagte", "dijo", "a dit"]
UPOS = ["NOUN", "PROPN", "VERB", "PRON", "DET", "ADP", "PUNCT", "AUX",
        "SCONJ", "ADJ", "ADV", "CCONJ", "NUM", "X"]
DEPRELS = ["nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "xcomp",
           "parataxis", "appos", "flat", "compound", "compound:prt", "conj",
           "advcl", "acl", "acl:relcl", "mark", "punct", "case", "obl",
           "obl:agent", "nmod", "nmod:poss", "det", "amod", "fixed", "cop",
           "aux", "csubj", "dep", "list", "vocative"]
SAY_WORDS = {"said": "say", "told": "tell", "added": "add",
             "warned": "warn", "according": "accord", "claim": "claim"}
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
"""Words (with inner apostrophes) and single non-space symbols."""

# -- hostile text ------------------------------------------------------------

_word = st.one_of(st.sampled_from(WORDS),
                  st.text(st.characters(codec="utf-8"), min_size=1,
                          max_size=6))
_piece = st.one_of(_word, st.sampled_from(MARKS), st.sampled_from(NOISE))


def _wrap(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A quotation around *inner*, sometimes left open or closed twice."""
    return st.tuples(st.sampled_from(PAIRS), inner,
                     st.sampled_from(["ok", "ok", "unclosed", "unopened",
                                      "double"])).map(_wrapped)


def _wrapped(args: tuple[tuple[str, str], str, str]) -> str:
    (left, right), inner, how = args
    if how == "unclosed":
        return left + inner
    if how == "unopened":
        return inner + right
    if how == "double":
        return left + left + inner + right + right
    return left + inner + right


_spaced = st.lists(_piece, max_size=12).map(" ".join)
nested_quotes = st.recursive(
    _spaced, lambda inner: _wrap(st.lists(inner, min_size=1,
                                          max_size=3).map(" ".join)),
    max_leaves=12)
"""Quotations inside quotations, in mixed styles, some left open."""

mark_in_every_word = st.lists(
    st.tuples(st.sampled_from(MARKS), st.sampled_from(WORDS),
              st.sampled_from([*MARKS, ""])),
    min_size=1, max_size=30).map(lambda ws: " ".join(
        a + w + b for a, w, b in ws))
"""Every word carries a quote mark (scraped text with broken entities)."""

odd_marks = st.lists(st.one_of(st.sampled_from(MARKS), _word),
                     max_size=60).map(" ".join)
"""Words and marks in any order: odd counts, closers before openers."""

glued = st.lists(_piece, max_size=80).map("".join)
"""Marks, noise and words with no spaces between them."""


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(st.characters(codec="utf-8"), max_size=300),
    glued, odd_marks, nested_quotes, mark_in_every_word,
    nested_quotes.map(_crlf),
    st.lists(nested_quotes, min_size=1, max_size=4).map("\n\n".join),
)
"""Any text a scraper may produce."""

# -- random trees over a text ---------------------------------------------


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character ranges of the tokens of *text* (words and symbols)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def tree_doc(text: str, spans: Sequence[tuple[int, int]],
             cuts: Sequence[int], pick: Callable[[Sequence[str]], str],
             head_of: Callable[[int], int]) -> Doc:
    """A ``Doc`` over *text*: tokens *spans*, sentences split at *cuts*.

    *pick* chooses a tag from a list and *head_of(i)* an earlier token
    (0 .. i-1) as the head of token *i* > 0; token 0 is the root.
    """
    bounds = sorted({0, len(spans), *(c for c in cuts if 0 < c < len(spans))})
    sents: list[Sent] = []
    for lo, hi in itertools.pairwise(bounds):
        toks: list[Tok] = []
        for i, (start, end) in enumerate(spans[lo:hi]):
            word = text[start:end]
            head = -1 if i == 0 else head_of(i)
            lemma = SAY_WORDS.get(word, word.lower())
            upos = "VERB" if word in SAY_WORDS and pick([0, 1]) else pick(
                UPOS)
            toks.append(Tok(i=i, text=word, lemma=lemma, upos=upos,
                            xpos="_", feats="_", head=head,
                            deprel="root" if head < 0 else pick(DEPRELS),
                            start=start, end=end))
        sents.append(_sent(len(sents), toks))
    return Doc(text=text, sents=sents)


def _sent(index: int, toks: list[Tok]) -> Sent:
    kids: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head >= 0:
            kids[t.head].append(t.i)
    return Sent(index=index, toks=toks, kids=[tuple(k) for k in kids])


@st.composite
def parsed_docs(draw: st.DrawFn,
                texts: st.SearchStrategy[str] = hostile_text) -> Doc:
    """A hostile text with random well-formed dependency trees over it."""
    text = draw(texts)
    spans = tokenize(text)
    cuts = draw(st.lists(st.integers(1, max(1, len(spans))), max_size=5))
    return tree_doc(text, spans, cuts, lambda xs: draw(st.sampled_from(xs)),
                    lambda i: draw(st.integers(0, i - 1)))


# -- news-like sentences with plausible trees -------------------------------

SPEAKERS: list[list[tuple[str, str, int, str]]] = [
    # (word, upos, head within the phrase or -1 for its head, deprel)
    [("Kirby", "PROPN", -1, "")],
    [("John", "PROPN", -1, ""), ("Kirby", "PROPN", 0, "flat")],
    [("the", "DET", 1, "det"), ("spokesman", "NOUN", -1, "")],
    [("he", "PRON", -1, "")],
    [("she", "PRON", -1, "")],
    [("Minister", "PROPN", 2, "compound"), ("Anna", "PROPN", 2, "compound"),
     ("Lindqvist", "PROPN", -1, "")],
    [("officials", "NOUN", -1, "")],
]
CLAUSES: list[list[tuple[str, str, int, str]]] = [
    [("we", "PRON", 2, "nsubj"), ("will", "AUX", 2, "aux"),
     ("respond", "VERB", -1, "")],
    [("the", "DET", 1, "det"), ("plan", "NOUN", 3, "nsubj"),
     ("would", "AUX", 3, "aux"), ("keep", "VERB", -1, ""),
     ("prices", "NOUN", 3, "obj"), ("down", "ADV", 3, "compound:prt")],
    [("this", "PRON", 2, "nsubj"), ("is", "AUX", 2, "cop"),
     ("unacceptable", "ADJ", -1, "")],
    [("nobody", "PRON", 1, "nsubj"), ("knows", "VERB", -1, ""),
     ("what", "PRON", 4, "obj"), ("they", "PRON", 4, "nsubj"),
     ("want", "VERB", 1, "ccomp")],
    [("talks", "NOUN", 2, "nsubj"), ("will", "AUX", 2, "aux"),
     ("resume", "VERB", -1, ""), ("on", "ADP", 4, "case"),
     ("Monday", "PROPN", 2, "obl")],
]
VERBS = [("said", "say"), ("added", "add"), ("warned", "warn"),
         ("told", "tell"), ("insisted", "insist")]
_W = tuple[str, str, str, int, str]
"""(text, upos, lemma, head index in the sentence or -1, deprel)."""


def _phrase(words: list[tuple[str, str, int, str]], base: int, head: int,
            rel: str, *, upper: bool = False) -> list[_W]:
    """Place a phrase at *base*: its head attaches to *head* with *rel*."""
    out: list[_W] = []
    for k, (w, upos, h, r) in enumerate(words):
        text = w[:1].upper() + w[1:] if upper and k == 0 else w
        lemma = w.lower() if upos != "VERB" else w.lower().rstrip("s")
        out.append((text, upos, lemma, head if h < 0 else base + h,
                    rel if h < 0 else r))
    return out


def _head_index(words: list[tuple[str, str, int, str]]) -> int:
    return next(k for k, w in enumerate(words) if w[2] < 0)


def news_sentence(rnd: random.Random, pair: tuple[str, str],
                  ) -> tuple[list[_W], list[tuple[int, int]]]:
    """One quote-bearing sentence: its words and the quoted word ranges.

    Templates: '“C,” S said.', 'S said: “C.”', 'S said that C.',
    'According to S, C.', '“C.”' (a continuation) and
    'S said the plan would “C”.' (a quoted fragment).
    """
    left, right = pair
    speaker = rnd.choice(SPEAKERS)
    clause = rnd.choice(CLAUSES)
    verb, lemma = rnd.choice(VERBS)
    template = rnd.randrange(6)
    words: list[_W] = []
    quoted: list[tuple[int, int]] = []
    ch = _head_index(clause)
    sh = _head_index(speaker)
    if template == 0:  # “C,” S said.
        v = 1 + len(clause) + 2 + len(speaker)
        words.append((left, "PUNCT", left, v, "punct"))
        words += _phrase(clause, 1, v, "ccomp", upper=True)
        words += [(",", "PUNCT", ",", 1 + ch, "punct"),
                  (right, "PUNCT", right, v, "punct")]
        quoted.append((1, 1 + len(clause) + 1))
        words += _phrase(speaker, len(words), v, "nsubj")
        words += [(verb, "VERB", lemma, -1, "root"),
                  (".", "PUNCT", ".", v, "punct")]
    elif template == 1:  # S said: “C.”
        v = len(speaker)
        words += _phrase(speaker, 0, v, "nsubj", upper=True)
        words += [(verb, "VERB", lemma, -1, "root"),
                  (":", "PUNCT", ":", v + 3 + ch, "punct"),
                  (left, "PUNCT", left, v + 3 + ch, "punct")]
        words += _phrase(clause, v + 3, v, "ccomp", upper=True)
        quoted.append((v + 3, len(words) + 1))
        words += [(".", "PUNCT", ".", v + 3 + ch, "punct"),
                  (right, "PUNCT", right, v + 3 + ch, "punct")]
    elif template == 2:  # S said that C.
        v = len(speaker)
        words += _phrase(speaker, 0, v, "nsubj", upper=True)
        words += [(verb, "VERB", lemma, -1, "root"),
                  ("that", "SCONJ", "that", v + 2 + ch, "mark")]
        words += _phrase(clause, v + 2, v, "ccomp")
        words.append((".", "PUNCT", ".", v, "punct"))
    elif template == 3:  # According to S, C.
        while speaker[0][1] == "PRON":
            speaker = rnd.choice(SPEAKERS)
        sh = _head_index(speaker)
        c = 2 + len(speaker) + 1 + ch
        words += [("According", "VERB", "accord", 2 + sh, "case"),
                  ("to", "ADP", "to", 0, "fixed")]
        words += _phrase(speaker, 2, c, "obl")
        words.append((",", "PUNCT", ",", c, "punct"))
        words += _phrase(clause, len(words), -1, "root")
        words.append((".", "PUNCT", ".", c, "punct"))
    elif template == 4:  # “C.” (continues the previous speaker)
        words.append((left, "PUNCT", left, 1 + ch, "punct"))
        words += _phrase(clause, 1, -1, "root", upper=True)
        words += [(".", "PUNCT", ".", 1 + ch, "punct"),
                  (right, "PUNCT", right, 1 + ch, "punct")]
        quoted.append((1, len(words) - 1))
    else:  # S said the plan would “C”.
        v = len(speaker)
        words += _phrase(speaker, 0, v, "nsubj", upper=True)
        words.append((verb, "VERB", lemma, -1, "root"))
        words.append((left, "PUNCT", left, v + 2 + ch, "punct"))
        words += _phrase(clause, v + 2, v, "ccomp")
        quoted.append((v + 2, len(words)))
        words += [(right, "PUNCT", right, v + 2 + ch, "punct"),
                  (".", "PUNCT", ".", v, "punct")]
    return words, quoted


_NO_SPACE_BEFORE = frozenset(",.:;!?)")


def news_text(rnd: random.Random, n_sents: int,
              pairs: Sequence[tuple[str, str]] = PAIRS,
              ) -> tuple[Doc, list[tuple[int, int]]]:
    """A news-like ``Doc`` and the inner ranges of its quotations."""
    sentences: list[list[_W]] = []
    quoted_words: list[tuple[int, int, int]] = []
    for s_index in range(n_sents):
        pair = rnd.choice(list(pairs))
        words, quoted = news_sentence(rnd, pair)
        sentences.append(words)
        quoted_words += [(s_index, a, b) for a, b in quoted]
    breaks = [rnd.choice([" ", " ", "\n\n", "\n"]) for _ in sentences[1:]]
    text, offsets = _layout(sentences, breaks)
    sents = []
    for s_index, (words, row) in enumerate(zip(sentences, offsets,
                                               strict=True)):
        toks = [Tok(i=k, text=w, lemma=lemma, upos=upos, xpos="_",
                    feats="_", head=head, deprel=rel, start=a, end=b)
                for k, ((w, upos, lemma, head, rel), (a, b))
                in enumerate(zip(words, row, strict=True))]
        sents.append(_sent(s_index, toks))
    inner = [(offsets[s][a][0], offsets[s][b - 1][1])
             for s, a, b in quoted_words]
    return Doc(text=text, sents=sents), inner


def _layout(sentences: list[list[_W]], breaks: list[str],
            ) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join words as news prints them: no space inside quote marks."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s_index, words in enumerate(sentences):
        if s_index:
            parts.append(breaks[s_index - 1])
            pos += len(breaks[s_index - 1])
        row = []
        opened: set[int] = set()
        marks = [k for k, w in enumerate(words)
                 if w[1] == "PUNCT" and w[0] in MARKS]
        opened = set(marks[0::2])
        closed = set(marks[1::2])
        for k, (w, *_rest) in enumerate(words):
            space = k > 0 and w not in _NO_SPACE_BEFORE and \
                k not in closed and (k - 1) not in opened
            if space:
                parts.append(" ")
                pos += 1
            row.append((pos, pos + len(w)))
            parts.append(w)
            pos += len(w)
        offsets.append(row)
    return "".join(parts), offsets


@st.composite
def news_docs(draw: st.DrawFn) -> tuple[Doc, list[tuple[int, int]]]:
    """A news-like parsed document and its quotations' inner ranges."""
    seed = draw(st.integers(0, 2**32 - 1))
    n_sents = draw(st.integers(1, 6))
    return news_text(random.Random(seed), n_sents)


# -- the same inputs from a random.Random, for benchmarks/fuzz.py -----------


def random_text(rnd: random.Random) -> str:
    """A hostile text drawn from *rnd* (cheaper than hypothesis)."""
    kind = rnd.randrange(6)
    n = rnd.randrange(1, 60)
    if kind == 0:
        return "".join(chr(rnd.choice([rnd.randrange(0x20, 0x7F),
                                       rnd.randrange(0, 0x3000),
                                       rnd.randrange(0x1F300, 0x1FAFF)]))
                       for _ in range(n * 3))
    if kind == 1:
        return " ".join(rnd.choice(MARKS + WORDS + NOISE) for _ in range(n))
    if kind == 2:
        return "".join(rnd.choice(MARKS + WORDS + NOISE) for _ in range(n))
    if kind == 3:
        return " ".join(rnd.choice(MARKS) + rnd.choice(WORDS) +
                        rnd.choice([*MARKS, ""]) for _ in range(n))
    if kind == 4:
        return _random_nested(rnd, 3).replace(
            "\n", rnd.choice(["\n", "\r\n"]))
    doc, _ = news_text(rnd, rnd.randrange(1, 6))
    text = doc.text
    cut = rnd.randrange(len(text) + 1)
    return text[:cut] + rnd.choice(MARKS + NOISE) + text[cut:]


def _random_nested(rnd: random.Random, depth: int) -> str:
    words = [rnd.choice(WORDS + NOISE) for _ in range(rnd.randrange(4))]
    if depth and rnd.random() < 0.7:
        words.insert(rnd.randrange(len(words) + 1),
                     _random_nested(rnd, depth - 1))
    left, right = rnd.choice(PAIRS)
    how = rnd.choice(["ok", "ok", "unclosed", "unopened", "double"])
    return _wrapped(((left, right), " ".join(words), how))


def random_doc(rnd: random.Random) -> Doc:
    """A ``Doc`` with random trees over a hostile or news-like text."""
    if rnd.random() < 0.3:
        doc, _ = news_text(rnd, rnd.randrange(1, 6))
        return doc
    text = random_text(rnd)
    spans = tokenize(text)
    cuts = [rnd.randrange(1, len(spans) + 1)
            for _ in range(rnd.randrange(4))] if spans else []
    return tree_doc(text, spans, cuts, rnd.choice,
                    lambda i: rnd.randrange(i))


def conllu_of(doc: Doc, *, offsets: bool = True) -> str:
    """Write *doc* as CoNLL-U (``start_char``/``end_char`` in MISC if
    *offsets*, else ``SpaceAfter=No`` where tokens touch)."""
    lines: list[str] = []
    for sent in doc.sents:
        for k, t in enumerate(sent.toks):
            nxt = sent.toks[k + 1].start if k + 1 < len(sent.toks) else None
            misc = [f"start_char={t.start}|end_char={t.end}"] if offsets \
                else []
            if nxt == t.end:
                misc.append("SpaceAfter=No")
            lines.append("\t".join([
                str(t.i + 1), t.text, t.lemma, t.upos, "_", "_",
                str(t.head + 1), t.deprel, "_", "|".join(misc) or "_"]))
        lines.append("")
    return "\n".join(lines) + "\n"
