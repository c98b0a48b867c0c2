"""Speaker phrases: find the speaker of a cue and split name from role.

Input: a ``Sent`` and a token; output: ``Mention`` records holding the
mention's tokens, the name part, the role part and pronoun features.
Pure functions over ``_tree`` records.
"""

from __future__ import annotations

from attrs import field, frozen

from quotes._tree import Sent, Tok, is_punct
from quotes.lexicons import Lexicon
from quotes.records import as_tuple

# dependents that stay inside a speaker mention (the name phrase itself)
_INSIDE = frozenset({"compound", "flat", "amod", "det", "nmod:poss", "case",
                     "nummod", "goeswith", "fixed", "compound:prt"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM", "ADJ"})


@frozen(kw_only=True)
class Mention:
    """A speaker mention in one sentence."""

    sent: int
    toks: tuple[Tok, ...] = field(converter=as_tuple)
    head: Tok
    name: str | None
    role: str | None
    pronoun: str | None = None
    plural: bool = False

    @property
    def start(self) -> int:
        """Start offset of the mention."""
        return self.toks[0].start

    @property
    def end(self) -> int:
        """End offset of the mention."""
        return self.toks[-1].end


def _phrase_tokens(sent: Sent, head: Tok) -> list[Tok]:
    """The head and its name-internal dependents, contiguous around it."""
    keep = {head.i}
    stack = [head.i]
    while stack:
        k = stack.pop()
        for child in sent.children(k):
            if child.deprel in _INSIDE or child.rel in {"flat", "compound"}:
                keep.add(child.i)
                stack.append(child.i)
    # contiguous run around the head; names split by a weak parse
    # ("Dmitry" and "Peskov" as two subjects) and a title's adjacent
    # appositive name ("secretary John Kirby") join the run
    lo = hi = head.i
    while True:
        if lo - 1 in keep or _joins_name(sent, lo - 1, head):
            lo -= 1
        elif hi + 1 in keep or _joins_name(sent, hi + 1, head) or (
                hi + 1 < len(sent.toks) and sent.toks[hi + 1].upos ==
                "PROPN" and sent.toks[hi + 1].deprel == "appos"
                and sent.toks[hi + 1].head in range(lo, hi + 1)):
            hi += 1
            keep.update(t.i for t in sent.subtree(hi)
                        if t.rel in {"flat", "compound"} or t.i == hi)
        else:
            break
    toks = [sent.toks[k] for k in range(lo, hi + 1)]
    while toks and (is_punct(toks[0]) or toks[0].rel in {"case", "fixed"}):
        toks.pop(0)  # "according to", "because of": never the speaker
    while toks and (is_punct(toks[-1]) or toks[-1].rel == "case"):
        toks.pop()
    return toks or [head]


def _joins_name(sent: Sent, i: int, head: Tok) -> bool:
    """A proper noun next to a proper-noun head with the same function."""
    if not 0 <= i < len(sent.toks) or head.upos != "PROPN":
        return False
    tok = sent.toks[i]
    return tok.upos == "PROPN" and (tok.head == head.head and
                                    tok.deprel == head.deprel)


def _is_role_word(tok: Tok, lex: Lexicon) -> bool:
    word = tok.text.lower()
    return word in lex.role_nouns or tok.lemma in lex.role_nouns or \
        word.rstrip(".") + "." in lex.role_nouns


def _is_name_word(tok: Tok, lex: Lexicon) -> bool:
    text = tok.text
    return bool(text) and (text[0].isupper() or tok.upos == "PROPN") and \
        not _is_role_word(tok, lex) and text.lower() not in lex.honorifics \
        and tok.upos not in {"DET", "PRON", "ADP", "PUNCT", "VERB", "AUX"} \
        and tok.rel != "nmod:poss" and text[0].isalpha()


def split_name_role(toks: list[Tok], text: str,
                    lex: Lexicon) -> tuple[str | None, str | None]:
    """Split a mention's tokens into (name, role).

    The name is the run of capitalised non-role words at the right end
    ("Pentagon press secretary John Kirby" -> "John Kirby"); the role is
    what stands before it when it holds a role noun.
    """
    k = len(toks)
    while k > 0 and toks[k - 1].rel == "case":  # trailing possessive 's
        k -= 1
    end = k
    while k > 0 and _is_name_word(toks[k - 1], lex):
        k -= 1
    name_toks = toks[k:end]
    rest = toks[:k]
    while rest and (rest[0].upos == "DET" or
                    rest[0].text.lower() in lex.honorifics):
        rest = rest[1:]
    while rest and (rest[-1].text.lower() in lex.honorifics or
                    is_punct(rest[-1])):
        rest = rest[:-1]
    name = _join(name_toks, text) if name_toks else None
    role = None
    if rest and any(_is_role_word(t, lex) for t in rest):
        role = _join(rest, text)
    if name is None and not rest and toks and \
            any(_is_role_word(t, lex) for t in toks):
        role = None
    return name, role


def _join(toks: list[Tok], text: str) -> str:
    return text[toks[0].start:toks[-1].end]


def role_phrase(sent: Sent, head: Tok, text: str,
                lex: Lexicon) -> str | None:
    """The role named by a nominal phrase ("the Kremlin spokesman")."""
    toks = _phrase_tokens(sent, head)
    if not any(_is_role_word(t, lex) for t in toks):
        return None
    name, role = split_name_role(toks, text, lex)
    if role:
        return role
    while toks and toks[0].upos == "DET":
        toks = toks[1:]
    if name is None and toks:
        return _join(toks, text)
    return None


def mention_at(sent: Sent, head: Tok, text: str, lex: Lexicon) -> Mention:
    """Build the mention whose head word is *head*."""
    toks = _phrase_tokens(sent, head)
    lower = head.text.lower()
    if head.upos == "PRON" or lower in lex.pronouns:
        pron = lower if lower in lex.pronouns else None
        plural = bool(pron and lex.pronouns[pron].number == "pl")
        return Mention(sent=sent.index, toks=[head], head=head, name=None,
                       role=None, pronoun=pron or lower, plural=plural)
    name, role = split_name_role(toks, text, lex)
    # appositive: "Dmitry Peskov, the Kremlin spokesman," or the reverse
    inside = {t.i for t in toks}
    for appos in [a for t in toks for a in sent.children(t.i, "appos")
                  if a.i not in inside]:
        appos_name, appos_role = split_name_role(
            _phrase_tokens(sent, appos), text, lex)
        if role is None:
            role = appos_role or role_phrase(sent, appos, text, lex)
        if name is None and appos_name:
            name = appos_name
            role = role or role_phrase(sent, head, text, lex)
    # "X, who is the ..." relative clause
    for rel in sent.children(head.i, "acl:relcl"):
        if role is None and sent.children(rel.i, "cop"):
            role = role_phrase(sent, rel, text, lex)
    if role is None:
        role = _comma_role(sent, toks[-1].i, text, lex)
    if name is None and role is None and _is_role_word(head, lex):
        role = None  # a bare role noun ("the spokesman") resolves later
    plural = "Number=Plur" in head.feats or head.xpos in {"NNS", "NNPS"}
    return Mention(sent=sent.index, toks=toks, head=head, name=name,
                   role=role, plural=plural)


def _comma_role(sent: Sent, last: int, text: str,
                lex: Lexicon) -> str | None:
    """A role set off by commas after the mention, whatever the parse.

    "Tom Baker, an economist at the bank," and "Anna Berg, who is the head
    of the union," -> "economist at the bank", "head of the union".
    """
    toks = sent.toks
    k = last + 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    stretch: list[Tok] = []
    for tok in toks[k + 1:]:
        if is_punct(tok):
            break
        stretch.append(tok)
    words = [t.text.lower() for t in stretch[:2]]
    if words and words[0] in {"who", "which"}:
        stretch = stretch[2:] if len(words) > 1 and words[1] in {
            "is", "was", "are", "were"} else []
    while stretch and stretch[0].upos == "DET":
        stretch = stretch[1:]
    if not stretch or len(stretch) > 12 or any(
            t.upos in {"VERB", "AUX"} for t in stretch):
        return None
    if not _is_role_word(stretch[0], lex) and not any(
            _is_role_word(t, lex) for t in stretch[:4]):
        return None
    return _join(stretch, text)


def label_mention(sent: int, toks: tuple[Tok, ...], text: str,
                  lex: Lexicon) -> Mention:
    """The mention of a transcript label ("MAYOR LEE:")."""
    name, role = split_name_role(list(toks), text, lex)
    if name is None and role is None:
        role = _join(list(toks), text)
    return Mention(sent=sent, toks=toks, head=toks[-1], name=name, role=role)


def is_nominal(tok: Tok) -> bool:
    """True when *tok* can head a speaker phrase."""
    return tok.upos in _NOMINAL
