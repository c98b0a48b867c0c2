"""Hypothesis strategies: hostile texts and random parsed documents."""

from __future__ import annotations

from hypothesis import strategies as st

from quotes._tree import Doc, Sent, Tok

MARKS = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」",
         "`", "＂"]
NOISE = ["<p>", "</p>", "&amp;", "&quot;", "\u200b", "\u200f", "\r\n", "\n",
         "\n\n", "\x00", "\x07", "😀", "שלום", "مرحبا", "日本語", " — ",
         ":", ",", ".", "Kirby", "said", "He", "according to", "the",
         "spokesman", "told", "reporters", "that"]
WORDS = ["Kirby", "said", "He", "she", "they", "told", "added", "the",
         "spokesman", "that", "we", "will", "respond", "according", "to",
         "officials", "Peskov", "claim", "warned", "President", "John",
         ",", ".", ":", '"', "“", "”", "'", "—", "in", "a", "statement"]
UPOS = ["NOUN", "PROPN", "VERB", "PRON", "DET", "ADP", "PUNCT", "AUX",
        "SCONJ", "ADJ", "ADV", "X"]
DEPRELS = ["nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "xcomp",
           "parataxis", "appos", "flat", "compound", "conj", "advcl",
           "acl", "acl:relcl", "mark", "punct", "case", "obl", "obl:agent",
           "det", "amod", "nmod:poss", "fixed", "cop", "dep"]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(MARKS + NOISE + [" "]), max_size=80).map(
        "".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS)),
             max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(
        lambda ws: " ".join(f'"{w}' for w in ws)),
)


@st.composite
def parsed_docs(draw: st.DrawFn) -> Doc:
    """A random text with random well-formed dependency trees over it."""
    n_sents = draw(st.integers(1, 4))
    parts: list[str] = []
    sents: list[Sent] = []
    offset = 0
    for s_index in range(n_sents):
        words = draw(st.lists(st.one_of(st.sampled_from(WORDS),
                                        st.sampled_from(MARKS)),
                              min_size=1, max_size=14))
        toks: list[Tok] = []
        for i, word in enumerate(words):
            head = -1 if i == 0 else draw(st.integers(0, i - 1))
            toks.append(Tok(
                i=i, text=word, lemma=("say" if word in {"said", "told"}
                                       else word.lower()),
                upos=draw(st.sampled_from(UPOS)), xpos="_", feats="_",
                head=head, deprel="root" if head < 0 else draw(
                    st.sampled_from(DEPRELS)),
                start=offset, end=offset + len(word)))
            offset += len(word) + 1
        parts.append(" ".join(words))
        kids: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head >= 0:
                kids[t.head].append(t.i)
        sents.append(Sent(index=s_index, toks=toks,
                          kids=[tuple(k) for k in kids]))
    return Doc(text=" ".join(parts), sents=sents)
