"""Word rules of the speaker stages: what a word or a role string is.

Input: tokens (``_tree.Tok``), role and name strings and the ``Lexicon``;
output: yes/no answers and normalised keys (a role's head word, a name's
words, a role's parties). Role words, titles, name words, surnames, party
words, same person, most specific role. Pure functions; imports nothing
from the other speaker stages (it is the first of them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from quotes._tree import HYPHENS, QUOTE_MARKS, Tok, is_tight_hyphen
from quotes.lexicons import Lexicon

# ---- tokens: role words, titles, name words


def is_role_word(tok: Tok, lex: Lexicon) -> bool:
    """A role noun or epithet of the lexicon, or a person noun by its
    ending ("psychologist")."""
    word = tok.text.lower()
    if word in lex.role_nouns or tok.lemma in lex.role_nouns or \
            word.rstrip(".") + "." in lex.role_nouns or \
            word in lex.epithets or tok.lemma in lex.epithets:
        return True
    # "psychologist", "historian": person nouns by their ending
    return tok.upos == "NOUN" and word.rstrip("s").endswith(_ROLE_ENDINGS)


_ROLE_ENDINGS = ("ologist", "ist", "ician", "arian", "orian")


AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks",
                       "day", "days"})


def age_length(toks: Sequence[Tok]) -> int:
    """How many of *toks* open with an age written with hyphens ("57 - year
    - old", "- year - old" once the number is gone); 0 when they do not."""
    k = 0
    while k < len(toks) and (toks[k].upos == "NUM" or toks[k].text in
                             HYPHENS or toks[k].text.lower() in AGE_UNITS):
        k += 1
    if 0 < k < len(toks) and toks[k].text.lower() == "old" and \
            any(t.text.lower() in AGE_UNITS for t in toks[:k]):
        return k + 1
    return 0


def is_age(toks: Sequence[Tok]) -> bool:
    """*toks* are a description by age only ("the 43-year-old")."""
    k = 1 if toks and toks[0].upos == "DET" else 0
    return len(toks) > k and age_length(toks[k:]) == len(toks) - k


def is_aged(toks: Sequence[Tok]) -> bool:
    """*toks* are a description that opens with an age ("the 43-year-old",
    "the 31-year-old lock"): a person, whatever the noun."""
    k = 1 if toks and toks[0].upos == "DET" else 0
    return len(toks) > k and age_length(toks[k:]) > 0


def is_possessive(tok: Tok) -> bool:
    """A possessive pronoun ("his", "their"): a determiner of a role."""
    return tok.upos == "PRON" and "Poss=Yes" in tok.feats


def is_title(tok: Tok, lex: Lexicon) -> bool:
    """A title or honorific written before a name ("Sen.", "Lt.", "Mr.")."""
    word = tok.text.lower()
    return word in lex.titles or word in lex.honorifics or \
        word.rstrip(".") + "." in lex.titles



PARTY_NAMES = frozenset({"republican", "democratic", "libertarian"})
"""Role words that may begin an organisation's name ("Republican National
Committee")."""
_QUANTIFIERS = frozenset({"other", "some", "many", "several", "few", "most",
                         "all", "both", "one", "two", "three", "four",
                         "five", "numerous", "various"})
PARTITIVES = _QUANTIFIERS | frozenset({
    "dozens", "hundreds", "thousands", "millions", "handful", "handfuls",
    "majority", "minority", "half", "third", "thirds", "quarter",
    "quarters", "percent", "none", "each", "any", "number", "group"})
"""Words for a part or a number of a group ("many of her aides", "a
handful of Democrats"): the group after "of" says who they are."""
_DESCRIPTORS = frozenset({"rival", "neither", "either"})
"""Sentence-initial words the tagger may call proper nouns ("Rival Hillary
Clinton"): never part of a name, kept in a role ("Rival coach")."""
_NOT_NAME_UPOS = frozenset({"DET", "PRON", "ADP", "PUNCT", "VERB", "AUX",
                            "CCONJ", "SCONJ", "PART", "ADV", "NUM"})


_PLACE_PLURALS = frozenset({"states"})
"""Plural nouns of place names that look like a verb ("United States")."""


def is_headline_verb(tok: Tok, lex: Lexicon) -> bool:
    """A capitalised reporting verb a headline's parse takes for part of a
    name: "Chris Christie Calls Hillary Clinton ...", "Sanders Vows"."""
    word = tok.text.lower()
    if not tok.text[:1].isupper() or not word.endswith("s") or \
            word in lex.first_names or word in _PLACE_PLURALS:
        return False
    return word[:-1] in lex.reporting_verbs or (
        word.endswith("es") and word[:-2] in lex.reporting_verbs)


def is_name_word(tok: Tok, lex: Lexicon) -> bool:
    """A word that may be part of a name: capitalised or a proper noun,
    and no role word, title, descriptor or headline verb. A proper noun
    the tokenizer cut with the hyphen before it ("Lopez" + "-Cantera")
    counts as its word."""
    text = tok.text
    if tok.upos == "PROPN" and text[:1] in HYPHENS:
        text = text[1:]
    if not text or not text[0].isalpha() or not (
            text[0].isupper() or tok.upos == "PROPN"):
        return False
    if text.lower() in lex.publications and tok.upos == "PROPN":
        return True  # "The Charlotte Observer"
    if is_role_word(tok, lex) or is_title(tok, lex) or \
            text.lower() in _DESCRIPTORS:
        return False
    if (tok.upos in _NOT_NAME_UPOS and not is_misread_name_part(tok)) or (
            tok.upos == "ADJ" and tok.xpos != "NNP" and
            not _adjective_as_name(tok)) or is_headline_verb(tok, lex):
        return False  # "Young" as an adjective, not a name
    return tok.rel != "nmod:poss"


def _adjective_as_name(tok: Tok) -> bool:
    """A capitalised word tagged as an adjective that modifies nothing,
    inside a sentence ('"...," said Cuban'): a surname."""
    return tok.i > 0 and tok.text[:1].isupper() and tok.rel not in {
        "amod", "conj", "root"} and tok.deprel != "amod"


def is_misread_name_part(tok: Tok) -> bool:
    """A capitalised word inside a name that the tagger took for a function
    word ("Nguyen Van An": "An" as a determiner, "Thu Trang Pham": "Thu" as
    a preposition): not the sentence's first word, and attached as a name
    part ("flat"), a bare noun modifier, or a case marker that is no
    English preposition."""
    return tok.i > 0 and tok.text[:1].isupper() and \
        tok.upos in _NOT_NAME_UPOS - {"PUNCT", "NUM", "VERB", "AUX"} and (
            tok.deprel in {"flat", "nmod:unmarked"} or (
                tok.deprel == "case" and
                tok.text.lower() not in _PREPOSITIONS))


_PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "among",
    "around", "as", "at", "before", "behind", "below", "beside", "between",
    "beyond", "by", "despite", "down", "during", "except", "for", "from",
    "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
    "out", "outside", "over", "past", "per", "since", "than", "through",
    "to", "toward", "towards", "under", "until", "up", "upon", "via",
    "with", "within", "without"})
"""English prepositions, which a title capitalises ("Hid Past Health
Problems From Public"): never a misread name part."""


_SYLLABLE = re.compile(r"(?:[bdghjkmnprstwy]|ch|kk|ss|tt|pp)?[aeiouy]{1,3}"
                       r"(?:ng|[klmnpt])?")
"""One romanised syllable ("hye", "won", "jae", "in", "hyun")."""


def is_name_syllable(toks: Sequence[Tok], k: int) -> bool:
    """``toks[k]`` is the lower-case end of a hyphenated given name of two
    romanised syllables ("Hye-won", "Jae-in"), which the tagger may take
    for a word of its own ("won" as a verb): a syllable after a tight
    hyphen after a capitalised syllable."""
    if not 2 <= k < len(toks):
        return False
    left, dash, tok = toks[k - 2], toks[k - 1], toks[k]
    return dash.text in {"-", "\u2011"} and left.end == dash.start and \
        dash.end == tok.start and tok.text.islower() and \
        left.text[:1].isupper() and left.text[1:].islower() and \
        all(_SYLLABLE.fullmatch(w.text.lower()) for w in (left, tok))


def is_plural_possessive(toks: Sequence[Tok], k: int) -> bool:
    """``toks[k]`` is the apostrophe of a plural possessive inside a
    phrase ("the teachers' union"): tight after a word ending in "s",
    with a word after it."""
    if not 0 < k < len(toks) - 1 or toks[k].text not in {"'", "\u2019"}:
        return False
    before, after = toks[k - 1], toks[k + 1]
    return before.end == toks[k].start and \
        before.text.lower().endswith("s") and after.text[:1].isalnum()


def is_nickname_mark(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """``toks[k]`` is a quote mark around a nickname inside a name, between
    two name words: Robert C. "Bobby" Scott."""
    return 0 < k < len(toks) - 1 and toks[k].text in QUOTE_MARKS and \
        is_name_word(toks[k - 1], lex) and is_name_word(toks[k + 1], lex)


def is_hyphen_in_name(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """``toks[k]`` is a hyphen written tight inside a name (Jean-Pierre)."""
    return is_tight_hyphen(toks, k) and is_name_word(toks[k - 1], lex)


_SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx"})
"""Honorifics only ever followed by a surname (not "Madam President")."""


def is_surname(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A role word used as a surname: "Tom Baker", "Samuel Otis King".

    Capitalised, and after name words that begin with a first name or an
    initial ("Press Secretary Sean" does not: "Press" is neither).
    """
    tok = toks[k]
    if not tok.text[:1].isupper() or not is_role_word(tok, lex) or \
            is_title(tok, lex):
        return False
    if k > 0 and toks[k - 1].text.lower().rstrip(".") in _SURNAME_HONORIFICS:
        return True  # "Mr. King", "Ms. Baker"
    j = k
    while j > 0 and is_name_word(toks[j - 1], lex):
        j -= 1
    if j == k:
        return False
    first = toks[j].text
    return first.lower() in lex.first_names or (
        len(first) == 2 and first[1] == "." and first[0].isupper())


# ---- roles: head word, parties, rank, specificity

PARTY_WORDS = frozenset({"democrat", "republican", "gop"})
"""A party label alone is a named person's affiliation, not a role."""
PARTY_LETTERS = {"democratic": "D", "democrat": "D", "republican": "R",
                 "gop": "R", "libertarian": "L"}
"""Party words, for telling descriptions apart ("the Democratic nominee")."""


PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "van",
                       "von", "der", "den", "la", "le", "al", "el", "bin",
                       "ben", "st.", "mac"})
"""First words of multi-word surnames ("de Blasio", "van der Berg")."""

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
"""Determiners of a description that refers back ("the spokesman")."""

_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "acting"})
"""Words that make another office of the same head: "the vice presidential
nominee" is not "the Republican nominee"."""

_POSTMODIFIER = re.compile(r"\s(?:of|for|at|in|with|from|to|on|who)\s")


def lexical_head(role: str) -> str:
    """A role's head word as the lexicons write it, case-folded: the last
    word before a post-modifier ("spokesman for the port authority":
    spokesman), a trailing party-state note dropped ("( ... )", ", D-Ariz.",
    ", Democrat of Delaware"), punctuation kept
    ("Sen. (R-Tex.)": "sen.", the key of ``Lexicon.title_words``).

    This is the extractor's head word, the key for the lexicons' role,
    title and no-role words. It is not the scorer's head word
    (``quotes.evaluate.role_head``, the one ``role_near`` compares),
    which strips punctuation ("sen"), splits at more post-modifiers
    ("under", "representing", "whose", "that") and keeps no note apart;
    making them one would change which roles the extractor keeps.
    """
    role = _NOTE.sub("", role)  # "Sen. (R-Tex.)", "Rep., D-Ariz."
    words = _POSTMODIFIER.split(f" {role.casefold()} ", maxsplit=1)[0]
    return (words.split() or [""])[-1]


_NOTE = re.compile(r"\s*\([^)]*\)\s*$|, (?:[DRI]-|Democrat |Republican "
                   r"|independent ).*$")


def is_fragment(role: str) -> bool:
    """A piece of another phrase, never a role: it opens with a
    preposition or conjunction ("along with Judge Ann Lee", "and daughter
    Chelsea", "With 214 delegates at stake") or a hyphen's right half
    ("-presumptive nominee")."""
    first = (role.split() or [""])[0].casefold()
    return first in _FRAGMENT_OPENERS or role[:1] in HYPHENS | {"\u2013",
                                                                "\u2014"}


_FRAGMENT_OPENERS = frozenset({
    "along", "with", "without", "of", "and", "or", "but", "nor", "on",
    "in", "at", "by", "from", "to", "after", "before", "while", "when",
    "since", "during", "despite", "unlike", "like", "even"})
"""First words of a phrase that is no role ("as", "for" excepted: "as
chairman", "for years the mayor" are cut elsewhere)."""


def heads_agree(head: str, heads: Iterable[str],
                titles: dict[str, str]) -> bool:
    """*head* is one of *heads*, written out or abbreviated ("sen." and
    "senator": *titles* maps abbreviations to words)."""
    def word(h: str) -> str:
        return titles.get(h, h)
    return word(head) in {word(h) for h in heads}


def role_parties(role: str | None) -> set[str]:
    """The parties a role's words name ("GOP presidential nominee": R);
    not a possessor's ("the Republican nominee's daughter")."""
    own = re.split(r"['\u2019]s\b", (role or "").casefold())[-1]
    words = re.findall(r"[\w-]+", own)
    return {PARTY_LETTERS[w] for w in words if w in PARTY_LETTERS}


FORMER = re.compile(r"\b(?:former|ex-|onetime|one-time|then-)",
                    re.IGNORECASE)
"""Words that make a role a past one ("former judge", "ex-minister")."""


def most_specific_role(roles: Iterable[str], *, named: bool) -> str | None:
    """The role with the most words; a bare party label is no role of a
    named person ("Democrat Hillary Clinton")."""
    kept = [r for r in roles if not (named and r.casefold() in PARTY_WORDS)]
    return max(kept, key=lambda r: len(r.split()), default=None)


def same_rank(role: str, other: str) -> bool:
    """*role* and *other* agree on rank words ("vice", "deputy")."""
    def ranks(r: str) -> set[str]:
        return set(re.findall(r"[\w-]+", r.casefold())) & _RANKS
    return ranks(role) == ranks(other)


def within_role(role: str, other: str) -> bool:
    """Every word of *role* is in *other* ("Officials", "local officials")."""
    return set(role.casefold().split()) <= set(other.casefold().split())


NICKNAME_QUOTES = "\"\u201c\u201d"
"""Quote marks around a nickname inside a name."""

SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def name_words(name: str | None) -> list[str]:
    """A name's words, case-folded, without "Jr." and like suffixes."""
    return list(_name_words(name or ""))


@functools.lru_cache(maxsize=1 << 14)
def _name_words(name: str) -> tuple[str, ...]:
    words = name.replace(",", " ").replace("\u2019", "'").casefold().split()
    return tuple([w for w in words if w not in SUFFIXES] or words)


def same_person(have: list[str], words: list[str]) -> bool:
    """Whether two full names (word lists) can name the same person.

    Same last word, and the same first word or a first initial that fits
    it ("Loretta Lynch", "Loretta E. Lynch", "L. Lynch").
    """
    if len(have) < 2 or len(words) < 2 or have[-1] != words[-1]:
        return False
    a, b = have[0], words[0]
    if len(words) == 2 and any(w != w.strip(NICKNAME_QUOTES) and
                               w.strip(NICKNAME_QUOTES) == b
                               for w in have[1:-1]):
        return True  # "Bobby Scott" for Robert C. "Bobby" Scott
    return a == b or (a.rstrip(".") == b[:1] and len(a.rstrip(".")) == 1) \
        or (b.rstrip(".") == a[:1] and len(b.rstrip(".")) == 1)


def char_before(text: str, pos: int, skip: str = "") -> str:
    """The character before *pos* in *text*, past spaces (and *skip*);
    "" at the start of the text."""
    while pos > 0 and (text[pos - 1].isspace() or text[pos - 1] in skip):
        pos -= 1
    return text[pos - 1] if pos > 0 else ""
