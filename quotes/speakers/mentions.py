"""Speaker phrases: find the speaker of a cue and split name from role.

Input: a ``Sent`` and a token; output: ``Mention`` records holding the
mention's tokens, the name part, the role part and pronoun features.
Also the mentions around the claims' speakers: the subject past a dateline
(``past_dateline``), named people and groups anywhere in the text
(``salient_mentions``) and the other names of a joint speaker
(``conjuncts``).
Pure functions over ``_tree`` records; imports ``words`` and ``model`` of
the speaker stages.
"""

from __future__ import annotations

import re

from attrs import evolve

from quotes._tree import (
    QUOTE_MARKS,
    Doc,
    Sent,
    Tok,
    appositive_owner,
    bracket_opening,
    is_punct,
    is_reflexive,
    is_tight_hyphen,
)
from quotes.lexicons import Lexicon
from quotes.speakers.model import Mention
from quotes.speakers.words import (
    AGE_UNITS,
    FORMER,
    PARTITIVES,
    PARTY_LETTERS,
    PARTY_NAMES,
    PARTY_WORDS,
    age_length,
    is_headline_verb,
    is_hyphen_in_name,
    is_misread_name_part,
    is_name_syllable,
    is_name_word,
    is_nickname_mark,
    is_plural_possessive,
    is_possessive,
    is_role_word,
    is_surname,
    is_title,
)

# dependents that stay inside a speaker mention (the name phrase itself)
_INSIDE = frozenset({"compound", "flat", "amod", "det", "nmod:poss", "case",
                     "nummod", "goeswith", "fixed", "compound:prt"})
_LOCATIVE = frozenset({"in", "across", "throughout"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM", "ADJ"})


def _phrase_tokens(sent: Sent, head: Tok, lex: Lexicon) -> list[Tok]:
    """The head and its name-internal dependents, contiguous around it."""
    keep = {head.i}
    stack = [head.i]
    while stack:
        k = stack.pop()
        for child in sent.children(k):
            if child.deprel in _INSIDE or child.rel in {"flat", "compound"} \
                    or (child.rel == "list" and child.upos == "PROPN" and
                        sent.toks[k].upos == "PROPN"):
                # "list": a weak parse's "Committee Chairman Rep. Jason
                # Chaffetz", one name run cut in pieces
                keep.add(child.i)
                stack.append(child.i)
    # contiguous run around the head; names split by a weak parse
    # ("Dmitry" and "Peskov" as two subjects) and a title's adjacent
    # appositive name ("secretary John Kirby") join the run
    lo = hi = head.i
    while True:
        if lo - 1 in keep or _joins_name(sent, lo - 1, head) or (
                lo > 0 and _misread_after_according(sent.toks, lo - 1)):
            lo -= 1
        elif _hyphen_joined(sent, lo - 2, lo, lex) or (
                lo - 2 in keep and is_tight_hyphen(sent.toks, lo - 1)):
            lo -= 2  # "Mark-Viverito", "front-runner", "best-selling"
        elif _hyphen_joined(sent, hi, hi + 2, lex):
            hi += 2  # "Ros-Lehtinen" with the head on the left
        elif hi + 1 in keep or _joins_name(sent, hi + 1, head) or (
                hi + 1 < len(sent.toks) and sent.toks[hi + 1].upos ==
                "PROPN" and sent.toks[hi + 1].deprel == "appos"
                and sent.toks[hi + 1].head in range(lo, hi + 1)) or (
                hi + 1 < len(sent.toks) and sent.toks[hi + 1].upos ==
                "PROPN" and sent.toks[hi + 1].head in keep and
                sent.toks[hi + 1].head > hi + 1):
            # the last: "Homeland Security Deputy Secretary Alejandro
            # Mayorkas" parsed as a chain of names, "Security" hung on
            # "Secretary" after it
            hi += 1
            keep.update(t.i for t in sent.subtree(hi)
                        if t.rel in {"flat", "compound"} or t.i == hi)
        else:
            break
    verb = next((k for k in range(head.i + 1, hi + 1)
                 if is_headline_verb(sent.toks[k], lex)), None)
    if verb is not None:
        hi = verb - 1  # "Chris Christie | Calls Hillary Clinton ..."
    toks = [sent.toks[k] for k in range(lo, hi + 1)]
    while toks and (is_punct(toks[0]) or toks[0].rel in {"case", "fixed"}):
        toks.pop(0)  # "according to", "because of": never the speaker
    while toks and (is_punct(toks[-1]) or toks[-1].rel == "case"):
        toks.pop()
    return toks or [head]


def _hyphen_joined(sent: Sent, a: int, b: int, lex: Lexicon) -> bool:
    """Tokens *a* and *b* are one hyphenated word of a speaker phrase, split
    by the tokenizer at a hyphen written tight between them: a name's parts
    ("Mark - Viverito", "Wealth - X"), a role word's ("front - runner",
    "co - founder") or an age's ("57 - year - old"). Other hyphenated words
    ("playwright-in-residence") stay as the parse has them."""
    if a < 0 or b != a + 2 or b >= len(sent.toks):
        return False
    left, right = sent.toks[a], sent.toks[b]
    if not is_tight_hyphen(sent.toks, a + 1) or is_punct(left) or \
            is_punct(right):
        return False
    return (left.text[:1].isupper() and right.text[:1].isupper()) or \
        is_name_syllable(sent.toks, b) or is_role_word(right, lex) or \
        right.text.lower() in AGE_UNITS or \
        (right.text.lower() == "old" and left.text.lower() in AGE_UNITS)


def _joins_name(sent: Sent, i: int, head: Tok) -> bool:
    """A proper noun next to a proper-noun head with the same function."""
    if not 0 <= i < len(sent.toks) or head.upos != "PROPN":
        return False
    tok = sent.toks[i]
    return tok.upos == "PROPN" and (tok.head == head.head and
                                    tok.deprel == head.deprel)



_QUANTIFIERS = frozenset({"other", "some", "many", "several", "few", "most",
                         "all", "both", "one", "two", "three", "four",
                         "five", "numerous", "various"})


_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday",
                       "Friday", "Saturday", "Sunday"})
"""Days a parse may hang on a name ("told CNN Tuesday"): never part of it."""


def _past_possessor(toks: list[Tok]) -> int:
    """Where the words owned by a possessor begin: after the last
    possessive "'s" ("the mayor's | two main rivals"), else 0. A role word
    of the possessor alone makes no role of the phrase."""
    return max((k + 1 for k, t in enumerate(toks)
                if t.text in {"'s", "\u2019s"} and t.rel == "case"),
               default=0)


def split_name_role(toks: list[Tok], text: str,
                    lex: Lexicon) -> tuple[str | None, str | None]:
    """Split a mention's tokens into (name, role).

    The name is the run of capitalised non-role words at the right end
    ("Pentagon press secretary John Kirby" -> "John Kirby"), hyphenated
    parts included (Jean-Pierre); titles and descriptors before it
    ("Lt. Gen.", "Rival") are not name. The role is what stands before the
    name when it holds a role noun or a title.
    """
    k = len(toks)
    while k > 0 and (toks[k - 1].rel == "case" or  # trailing possessive 's
                     is_reflexive(toks[k - 1])):
        k -= 1  # "Clinton herself"
    while k > 1 and toks[k - 1].text in _WEEKDAYS:
        k -= 1  # "told CNN Tuesday", the day parsed into the name
    end = k
    org = end > 0 and toks[end - 1].text.lower() in lex.org_words
    while k > 0 and (is_name_word(toks[k - 1], lex) or (
            k < end and is_hyphen_in_name(toks, k - 1, lex)) or
            is_name_syllable(toks, k - 1) or
            is_surname(toks, k - 1, lex) or (
                org and _org_name_word(toks[k - 1])) or (
                k < end and is_nickname_mark(toks, k - 1, lex))):
        if k < end and toks[k - 1].text.lower() in lex.org_words and \
                not any(t.text.lower() in lex.org_words
                        for t in toks[k:end]):
            break  # "Washington Post Trump" is Trump; not "City Council"
        k -= 1
    if k > 1 and k < end and is_tight_hyphen(toks, k - 1):
        k = end  # "African-Americans": one word, and no name
    if org and 1 < k < end and toks[k - 1].text in {"'s", "\u2019s"} and \
            toks[k - 2].upos == "PROPN" and \
            all(t.text[:1].isupper() for t in toks[k:end]):
        k -= 2  # "The Alzheimer's Research Foundation": one name
        while k > 0 and is_name_word(toks[k - 1], lex):
            k -= 1  # "Swiss People's Party"
    name_toks = toks[k:end]
    rest = toks[:k]
    while rest and (rest[0].upos in {"DET", "NUM"} or is_possessive(rest[0]) or
                    rest[0].text.lower() in _QUANTIFIERS or
                    rest[0].text.lower() in lex.honorifics or
                    rest[0].text.lower() == "whose"):  # "whose leaders"
        rest = rest[1:]
    rest = rest[age_length(rest):]  # "the 57-year-old scientist"
    while rest and (rest[-1].text.lower() in lex.honorifics or
                    is_punct(rest[-1])):
        rest = rest[:-1]
    name = _join(name_toks, text) if name_toks else None
    role = None
    if rest and any(is_role_word(t, lex) or is_title(t, lex)
                    for t in rest[_past_possessor(rest):]):
        # "vice presidential nominee Gov. Mike Pence": the title after a
        # role noun is the same office said twice
        while len(rest) > 1 and is_title(rest[-1], lex) and any(
                is_role_word(t, lex) and not is_title(t, lex) and
                t.text.lower() not in PARTY_LETTERS for t in rest[:-1]):
            rest = rest[:-1]
        role = _join(rest, text)
    return name, role


def _org_name_word(tok: Tok) -> bool:
    """A word that begins an organisation's name though it is no name
    word alone: a party ("Republican National Committee") or a capitalised
    word tagged as a proper noun but read as a modifier ("United Gun
    Group")."""
    return tok.text.lower() in PARTY_NAMES or (
        tok.text[:1].isupper() and tok.xpos.startswith("NNP") and
        tok.upos in {"ADJ", "VERB"})


def _join(toks: list[Tok], text: str) -> str:
    return text[toks[0].start:toks[-1].end]


_POST_CASES = frozenset({"of", "for", "at", "in", "to", "with", "from", "on"})


def _with_postmodifiers(sent: Sent, head: Tok, toks: list[Tok],
                        lex: Lexicon) -> list[Tok]:
    """*toks* extended by the role's prepositional post-modifiers.

    "spokesman" + "for the port authority" (nmod of the head, right after),
    and a name right after one ("for the app maker" + "Lumio"); never a
    closing day ("The minister on Tuesday said": when, not the post) nor
    a family tie joined to it ("and a mother of three").
    """
    out = list(toks)
    for child in sent.children(head.i, "nmod"):
        sub = sorted(sent.subtree(child.i), key=lambda t: t.i)
        if sub and sub[-1].i - sub[0].i + 1 != len(sub) and all(
                t.head == head.i and t.upos == "PROPN" for t in
                sent.toks[sub[0].i:sub[-1].i + 1] if t not in sub):
            # "in Vila Esperança" with the place's parts as two nmods
            sub = list(sent.toks[sub[0].i:sub[-1].i + 1])
        named = len(out) > len(toks) and all(  # "the app maker" + "Lumio"
            t.upos == "PROPN" and t.text[:1].isupper() for t in sub)
        if not sub or sub[0].i != out[-1].i + 1 or \
                (sub[0].text.lower() not in _POST_CASES and not named) or \
                any(t.upos in {"VERB", "AUX"} or (
                    is_punct(t) and t.text not in {"-", "&", "."} and
                    not is_plural_possessive(sent.toks, t.i))
                    for t in sub) or \
                sub[-1].i - sub[0].i + 1 != len(sub) or len(sub) > 10:
            continue
        out.extend(sub)
    if len(out) == len(toks):
        # "spokesperson for House Speaker Gideon Marsh" parsed as two
        # nmods, "Gideon" and "for ... Marsh": together one phrase
        sub = sorted({t for c in sent.children(head.i, "nmod")
                      for t in sent.subtree(c.i)}, key=lambda t: t.i)
        if len(sub) > 1 and sub[0].i == out[-1].i + 1 and \
                sub[-1].i - sub[0].i + 1 == len(sub) <= 10 and \
                sub[0].text.lower() in _POST_CASES and not any(
                    t.upos in {"VERB", "AUX"} or (
                        is_punct(t) and t.text not in {"-", "&", "."})
                    for t in sub):
            out.extend(sub)
    # "on Tuesday", not "in 2008" ("the party's nominee in 2008" was)
    kept = _without_time(out) if out and out[-1].text in _WEEKDAYS \
        else out
    # "trader at the market | and a mother of three": no family tie
    cc = next((k for k in range(len(toks), len(kept))
               if kept[k].upos == "CCONJ" and _kin(kept[k + 1:], lex)), None)
    kept = kept[:cc] if cc is not None else kept
    return kept if len(kept) >= len(toks) else out


def role_phrase(sent: Sent, head: Tok, text: str,
                lex: Lexicon) -> str | None:
    """The role named by a nominal phrase ("the Kremlin spokesman")."""
    toks = _phrase_tokens(sent, head, lex)
    if not any(is_role_word(t, lex) for t in toks[_past_possessor(toks):]):
        return None
    after = toks[-1].i + 1
    if after < len(sent.toks) and sent.toks[after].text == "general":
        toks = [*toks, sent.toks[after]]  # "attorney" + "general" misparsed
    name, role = split_name_role(toks, text, lex)
    if not role:
        while toks and (toks[0].upos == "DET" or is_possessive(toks[0])):
            toks = toks[1:]  # "his advisers": advisers
        if name is not None or not toks:
            return None
        role = _join(toks, text)
    post = _with_postmodifiers(sent, head, toks, lex)[len(toks):]
    if post and text.find(role, toks[0].start) + len(role) == toks[-1].end:
        role += text[toks[-1].end:post[-1].end]
    return role


def mention_at(sent: Sent, head: Tok, text: str, lex: Lexicon) -> Mention:
    """Build the mention whose head word is *head*."""
    group = _partitive_group(sent, head)
    if group is not None:
        inner = mention_at(sent, group, text, lex)
        if inner.name is None:
            # "many of her aides", "a handful of Democrats": the aides;
            # "Seventy-two percent of Democrats": the number whole
            first = min([head.i, *(sent.subtree(c.i)[0].i
                                   for c in sent.children(head.i)
                                   if c.i < head.i)])
            return evolve(inner, toks=sent.toks[first:inner.toks[-1].i + 1],
                          main=_main_subject(sent, head))
    toks = _phrase_tokens(sent, head, lex)
    lower = head.text.lower()
    for ante in relative_antecedents(sent, head):
        named = mention_at(sent, ante, text, lex)
        if named.name is not None or (named.role is not None and
                                      named.plural):
            # "Ann Lee, who spoke", "Sanders supporters, who said": the
            # relative pronoun is the named antecedent or the group (the
            # mention stays the word "who")
            return evolve(named, toks=(head,), main=_main_subject(sent, head))
    if head.upos == "PRON" or lower in lex.pronouns:
        pron = lower if lower in lex.pronouns else None
        plural = bool(pron and lex.pronouns[pron].number == "pl")
        return Mention(sent=sent.index, toks=[head], head=head, name=None,
                       role=_as_role(sent, head, text, lex),
                       open_roles=_open_roles(sent, head, [head], None,
                                              text, lex),
                       pronoun=pron or lower, plural=plural,
                       main=_main_subject(sent, head))
    toks = _extend_name(sent, toks, lex)
    name, role = split_name_role(toks, text, lex)
    if name is not None:
        name = _org_name(sent, toks[-1].i, name, text, lex)
    if name is not None and _in_headline(sent, text):
        trusted = _trusted_name(name, sent, text, lex)
        if not name.startswith(trusted):
            role = None  # "Black Lawmakers | Rip | Donald Trump"
        name = trusted
    if name is None and is_role_word(head, lex):
        joined = _titles_then_name(sent, head, text, lex)
        if joined is not None:
            return joined
        split = _name_after_of_phrase(sent, head, text, lex)
        if split is not None:  # "Secretary of State John Kerry"
            role_toks, name_toks = split
            return Mention(
                sent=sent.index, toks=[*role_toks, *name_toks], head=head,
                name=_join(name_toks, text), role=_join(role_toks, text),
                main=_main_subject(sent, head),
                restricted=_restricted(sent, head))
        # "Peter Novak, a spokesman for the mayor, said": the parser made
        # the appositive the subject; the name stands before the comma
        # (a person's, not "the Justice Department, a former official")
        before = _name_before_comma(sent, toks[0].i, text, lex)
        if before is not None and \
                before.split()[-1].lower() not in lex.org_words:
            name = before
            role = role_phrase(sent, head, text, lex) or role
    elif name is None and head.upos == "NOUN" and _set_off(sent, toks):
        # "Peter Novak, a longtime ally of the mayor, said": the same,
        # with a description the role lexicon does not know
        before = _name_before_comma(sent, toks[0].i, text, lex)
        if before is not None:
            name = before
            role = role_phrase(sent, head, text, lex) or role
    # appositive: "Dmitry Peskov, the Kremlin spokesman," or the reverse
    inside = {t.i for t in toks}
    for appos in [a for t in toks for a in sent.children(t.i, "appos")
                  if a.i not in inside and
                  not _past_conjunct(sent, t, a, lex)] + \
            _conjunct_appos(sent, head, lex):
        appos_name, appos_role = split_name_role(
            _phrase_tokens(sent, appos, lex), text, lex)
        if role is None:
            role = role_phrase(sent, appos, text, lex) or appos_role
        if name is None and appos_name:
            name = appos_name
            role = role or role_phrase(sent, head, text, lex)
    if name is None and head.xpos == "NN":
        after = _name_after_comma(sent, toks[-1].i, text, lex)
        if after is not None:  # "said the winner, 19-year-old Ana Rossi."
            name = after
            role = role or role_phrase(sent, head, text, lex)
    # "Republican nominee Donald Trump" parsed as the title's appositive
    if role is None and head.rel == "appos" and 0 <= head.head < toks[0].i \
            and is_role_word(sent.toks[head.head], lex):
        role = role_phrase(sent, sent.toks[head.head], text, lex)
    # "X, who is the ..." relative clause
    for rel in sent.children(head.i, "acl:relcl"):
        if role is None and sent.children(rel.i, "cop"):
            role = role_phrase(sent, rel, text, lex)
    if role is not None and (
            is_title(toks[0], lex) or role.split()[-1].lower() in lex.titles
            or role.split()[-1].lower() in lex.title_words.values()):
        role += _party_state(sent, toks[-1].i, text) or \
            _party_note_after_comma(text, toks[-1].end)
    begin = toks[0].start
    if role is not None and name is not None and \
            0 <= text.find(role, begin) < text.find(name, begin):
        role += _of_organisation(sent, toks[-1].i, text, lex)
    comma = _comma_role(sent, toks[-1].i, text, lex)
    if comma is not None and role is not None and role.endswith(f", {comma}"):
        comma = None  # "Senator, Democrat of Delaware": the note, no role
    if comma is not None and name is not None and name in comma:
        comma = None  # "His opponent, Rep. Ann Lee,": the name, no role
    more: tuple[str, ...] = ()
    if comma is not None and (role is None or (
            role in comma and len(comma) > len(role))):
        role = comma  # the surface has the whole appositive
    elif comma is not None and role is not None and comma != role and \
            name is not None and not _relative_after(sent, toks[-1].i, text):
        # "Rep. G.K. Butterfield (D-N.C.), head of the Congressional
        # Black Caucus": a title before the name, another role after it;
        # but "Governor Kang, a former judge": a past post after it
        if FORMER.search(comma) and not FORMER.search(role):
            more = (comma,)
        else:
            more, role = (role,), comma
    if name is None and role is not None and is_role_word(head, lex):
        role = role_phrase(sent, head, text, lex) or role  # "doctors at X"
    if name is not None and (role is None or _bare_title(role, lex)):
        # "The spokesperson for the ministry, Dr. Farah Nadeem, said": the
        # position before the comma over a title alone (ROLES.md)
        before = _role_before_comma(sent, toks[0].i, text, lex)
        if before is not None and role is not None:
            more = (*more, role)
        role = before or role
    if role is None:
        role = _as_role(sent, head, text, lex) or \
            _predicate_role(sent, head, text, lex)
    if name is not None and role is not None:
        role = _one_of_titled(sent, role, name, text)
    elif name is not None and head.rel == "conj" and 0 <= head.head < \
            head.i and sent.toks[head.head].upos == "PROPN":
        lead = mention_at(sent, sent.toks[head.head], text, lex)
        if lead.role is not None and lead.name is not None and \
                _plural_before(sent, lead.name, text) is not None:
            role = lead.role  # "candidates A and B": B's role too
    plural = ("Number=Plur" in head.feats or head.xpos in {"NNS", "NNPS"}) \
        and not (name is not None and len(name.split()) > 1)  # Sam Rivers
    return Mention(sent=sent.index, toks=toks, head=head, name=name,
                   role=role, more_roles=more,
                   open_roles=_open_roles(sent, head, toks, name, text, lex,
                                          comma=comma),
                   plural=plural, main=_main_subject(sent, head),
                   restricted=_restricted(sent, head),
                   place=_locative(sent, head))


_HOLDINGS = frozenset({"share", "stake", "stock", "investment", "investor",
                       "holding"})
"""What one holds "in" a company ("shares in Orion Textiles")."""


def _locative(sent: Sent, head: Tok) -> bool:
    """*head* is the object of "in" (or "across", "throughout"), itself
    or as a later conjunct ("in the United States and Canada")."""
    while head.rel == "conj" and 0 <= head.head < head.i:
        head = sent.toks[head.head]
    if head.rel == "nmod" and 0 <= head.head < len(sent.toks) and \
            sent.toks[head.head].lemma.lower() in _HOLDINGS:
        return False  # "shares in Orion Textiles": a company, no place
    return any(c.lemma.lower() in _LOCATIVE
               for c in sent.children(head.i, "case"))


def _titles_then_name(sent: Sent, head: Tok, text: str,
                      lex: Lexicon) -> Mention | None:
    """ "Democratic presidential front-runner and former secretary of
    state Hillary Clinton said": two titles joined before one name, which
    the parse hangs on the second. The speaker is the named person; the
    role is the first title where the second is a former post, else both
    ("MSNBC anchor and news correspondent")."""
    for conj in sent.children(head.i, "conj"):
        cc = sent.children(conj.i, "cc")
        if conj.i < head.i or not cc or not is_role_word(conj, lex):
            continue
        inner = sorted(sent.subtree(conj.i), key=lambda t: t.i)
        k = len(inner)
        while k > 0 and inner[k - 1].upos == "PROPN":
            k -= 1
        run = inner[k:]
        if len(run) < 2 or k == 0 or run[-1].i - run[0].i != len(run) - 1 \
                or run[0].text.lower() not in lex.first_names:
            continue
        outer = {t.i for t in inner}
        start = min(t.i for t in sent.subtree(head.i) if t.i not in outer)
        if not start <= head.i < cc[0].i < run[0].i - 1 or any(
                t.text == "," for t in sent.toks[start:run[0].i]):
            continue  # "The mayor, A, and the police chief, B": two people
        first = list(sent.toks[start:cc[0].i])
        while first and first[0].upos == "DET":
            first = first[1:]
        if not first:
            continue
        second = _join(list(sent.toks[cc[0].i + 1:run[0].i]), text)
        more: tuple[str, ...]
        if FORMER.search(second):  # a former post only beside a current one
            role, more = _join(first, text), (second,)
        else:  # "MSNBC anchor and news correspondent": one role
            role, more = _join([first[0], sent.toks[run[0].i - 1]], text), ()
        return Mention(
            sent=sent.index, toks=sent.toks[start:run[-1].i + 1],
            head=run[0], name=_join(run, text), role=role, more_roles=more,
            main=_main_subject(sent, head))
    return None


def _past_conjunct(sent: Sent, tok: Tok, appos: Tok, lex: Lexicon) -> bool:
    """*appos* follows a later conjunct of *tok* ("Mr. Sanders and Donald
    J. Trump, the presumptive Republican nominee"): it describes that
    conjunct, however the parse hangs it."""
    return any(tok.i < c.i < appos.i for c in _joined(sent, tok, lex))


def _joined(sent: Sent, tok: Tok, lex: Lexicon) -> list[Tok]:
    """The conjuncts of *tok* but a US state ("Hollywood, Fla.")."""
    return [c for c in sent.children(tok.i, "conj")
            if c.text.casefold() not in lex.states]


def _conjunct_appos(sent: Sent, head: Tok, lex: Lexicon) -> list[Tok]:
    """The appositive the parse hung on the first conjunct that follows
    *head*, a later conjunct: "Donald J. Trump, the presumptive Republican
    nominee" in "Mr. Sanders and Donald J. Trump, the ..."."""
    if head.rel != "conj" or not 0 <= head.head < head.i or \
            head.text.casefold() in lex.states:
        return []
    later = [c.i for c in _joined(sent, sent.toks[head.head], lex)
             if c.i > head.i]
    return [a for a in sent.children(head.head, "appos")
            if head.i < a.i < min(later, default=len(sent.toks))]


def _set_off(sent: Sent, toks: list[Tok]) -> bool:
    """*toks* stand between commas (or a comma and the verb they are the
    subject of): an appositive the parse took for the subject."""
    last = max(t.i for t in sent.subtree(toks[-1].i))
    return last + 1 < len(sent.toks) and sent.toks[last + 1].text == ","


def _names_after(sent: Sent, tok: Tok) -> bool:
    """A name the parse hung on a role noun ("conflated Republican
    presidential candidate Ted Cruz with ...": "Ted" as its "flat")."""
    return any(c.upos == "PROPN" and c.rel in {"flat", "appos"} and
               c.i > tok.i and all(t.upos == "PROPN"
                                   for t in sent.toks[tok.i + 1:c.i + 1])
               for c in sent.children(tok.i))


def _partitive_group(sent: Sent, head: Tok) -> Tok | None:
    """The group noun or pronoun of a partitive *head* ("many", "dozens",
    "a handful" of "her aides"; "all of them"; a share, "one in three
    voters"), if *head* is one."""
    if head.text.lower() not in PARTITIVES and head.upos != "NUM":
        return None
    return next((c for c in sent.children(head.i, "nmod")
                 if c.upos in {"NOUN", "PROPN", "PRON"} and c.i > head.i
                 and any(k.lemma == "of" or (
                     k.lemma == "in" and head.upos == "NUM" and
                     c.xpos in {"NNS", "NNPS"} and
                     sent.children(c.i, "nummod"))
                         for k in sent.children(c.i, "case"))), None)


def _plural_before(sent: Sent, name: str, text: str) -> Tok | None:
    """The plural noun right before *name* ("Democratic presidential
    candidates Hillary Clinton and ..."), if there is one."""
    return next((tok for tok in sent.toks[:-1]
                 if tok.xpos in {"NNS", "NNPS"} and
                 text.startswith(name, sent.toks[tok.i + 1].start)), None)


def _one_of_titled(sent: Sent, role: str, name: str, text: str) -> str:
    """*role* in the singular when it is a plural title before one
    person's name ("Democratic presidential candidate" for Hillary
    Clinton in "Democratic presidential candidates Hillary Clinton and
    Bernie Sanders"); else *role* as it is."""
    tok = _plural_before(sent, name, text)
    if tok is None or not text[:tok.end].endswith(role) or \
            not tok.lemma or tok.lemma == tok.text.lower():
        return role
    word = tok.lemma[:1].upper() + tok.lemma[1:] if tok.text[:1].isupper() \
        else tok.lemma
    return role[:len(role) - len(tok.text)] + word


_WHO = frozenset({"who", "whom", "which", "that"})


def relative_antecedents(sent: Sent, tok: Tok) -> list[Tok]:
    """The nouns a relative pronoun may stand for, likeliest first: the
    head of its relative clause ("Ann Lee, who spoke"), then the noun right
    before a comma or dash ("Lee\u2014who", "a rebuke from Ms. Lee, who
    said": the parser hung the clause on "rebuke"; never for "that", which
    may be a complementiser)."""
    if tok.text.lower() not in _WHO or tok.upos != "PRON":
        return []
    out = []
    for anc in sent.ancestors(tok.i):
        if anc.deprel == "acl:relcl" and anc.head >= 0:
            out.append(sent.toks[anc.head])
            break
        if anc.rel in {"ccomp", "parataxis", "root"}:
            break
    k = tok.i - 1
    if k >= 1 and tok.text.lower() != "that" and \
            sent.toks[k].text in {",", *_DASHES} - {"-"}:
        ante = sent.toks[k - 1]
        while ante.head >= 0 and (
                ante.deprel in {"flat", "compound", "fixed"} or
                (ante.rel == "nmod" and
                 sent.toks[ante.head].upos == "PROPN" and any(
                     c.lemma == "of" for c in sent.children(ante.i, "case")))):
            # "Sen. Ann Lee of Ohio, who"; not "the endorsement of Sen.
            # Gordon Humphrey, who told POLITICO"
            ante = sent.toks[ante.head]
        ante = appositive_owner(sent, ante) or ante
        if ante not in out:
            out.append(ante)
    return [t for t in out if t.upos in {"PROPN", "NOUN"}]



_LEADING = frozenset({"DET", "NUM", "PUNCT", "CCONJ", "ADP"})


def _nominal_phrase(sent: Sent, start: int, phrase: str) -> bool:
    """*phrase* (at *start*) is a noun phrase headed by a common noun: the
    noun before any preposition ("cook at the Taj"), or the last word ("a
    University of Ohio history professor"); not "for his part", "however"
    or a place name."""
    words = [t for t in sent.toks
             if start <= t.start and t.end <= start + len(phrase)]
    if not words or (words[0].upos in {"ADP", "ADV", "CCONJ", "SCONJ",
                                       "PRON", "VERB", "AUX"} and not (
            words[0].rel == "amod" or _verb_modifier(words, 0))):
        return False  # but "seasoned operative", "managing director"
    first_adp = next((k for k, t in enumerate(words) if t.upos == "ADP"),
                     len(words))
    return (first_adp > 0 and words[first_adp - 1].upos == "NOUN") or \
        words[-1].upos == "NOUN"  # "a University of X science professor"


def _hyphen_left(sent: Sent, run: list[Tok]) -> list[Tok]:
    """*run* grown left over hyphenated words and their modifiers
    ("Democratic front-runner", which the parse cuts at the hyphen)."""
    if not run:
        return run
    out = list(run)
    k = out[0].i - 1
    while k >= 0:
        tok = sent.toks[k]
        tight = tok.end == out[0].start
        hyphen = tok.text in {"-", "‐"} and tight and k > 0 and \
            sent.toks[k - 1].end == tok.start
        if hyphen or (tok.upos in {"NOUN", "ADJ", "PROPN"} and (
                tight or tok.head in {t.i for t in out})):
            out.insert(0, tok)
        else:
            break
        k -= 1
    return out


def _open_roles(sent: Sent, head: Tok, toks: list[Tok], name: str | None,
                text: str, lex: Lexicon, *,
                comma: str | None = None) -> tuple[str, ...]:
    """Role candidates by surface pattern alone (see ``Mention``);
    *comma* is the lexicon-checked appositive, when the caller has one."""
    found = []
    if name is not None:
        first = text.find(name, toks[0].start)
        before = _hyphen_left(sent, [t for t in toks if t.end <= first])
        while before and (before[0].upos in _LEADING or is_possessive(
                before[0]) or before[0].text.lower() in _QUANTIFIERS or
                before[0].text.lower() in lex.honorifics):
            before = before[1:]
        while before and is_punct(before[-1]):
            before = before[:-1]
        if before and any(t.upos in {"NOUN", "ADJ"} for t in before):
            found.append(_join(before, text))  # "GOP mega-donor Sheldon ..."
        if comma is None:
            comma = _comma_role(sent, toks[-1].i, text, lex, gate=False)
        if comma and _nominal_phrase(sent, text.find(comma, toks[-1].end),
                                     comma):
            found.append(comma)  # "Mayra Gonzalez, a cook at the Taj,"
        ahead = _role_before_comma(sent, toks[0].i, text, lex, gate=False)
        if ahead and _nominal_phrase(sent, text.rfind(
                ahead, 0, toks[0].start), ahead):
            found.append(ahead)  # "His digital mastermind, Teddy Goff,"
    if head.rel == "nsubj" and 0 <= head.head < len(sent.toks):
        pred = sent.toks[head.head]
        if pred.upos == "NOUN" and sent.children(pred.i, "cop"):
            words = _phrase_tokens(sent, pred, lex)
            while words and (words[0].upos in _LEADING or
                             is_possessive(words[0])):
                words = words[1:]
            if words and words[-1].i >= pred.i:
                words = _with_postmodifiers(sent, pred, words, lex)
                found.append(_join(words, text))  # "X is the governor"
    return tuple(dict.fromkeys(f for f in found if len(f.split()) <= 24))


def _name_after_of_phrase(sent: Sent, head: Tok, text: str, lex: Lexicon
                          ) -> tuple[list[Tok], list[Tok]] | None:
    """(role, name) of "Secretary of State John F. Kerry", which a parse
    hangs whole on the title: the of-phrase's capitalised words up to a
    known first name, then that name (two words or more, initials kept);
    or its last word alone where the text names it elsewhere as a surname
    ("Secretary of State Clinton").
    """
    toks = sent.toks
    k = head.i + 1
    if k + 2 >= len(toks) or toks[k].text.lower() != "of":
        return None
    inside = {t.i for t in sent.subtree(head.i)}
    end = k + 1
    while end < len(toks) and end in inside and (
            (toks[end].text[:1].isupper() and
             toks[end].upos in {"PROPN", "ADJ", "NOUN"}) or (
                end == k + 1 and toks[end].text.lower() == "the") or (
                toks[end].upos == "NOUN" and toks[end].text.islower())):
        end += 1  # "of the Board", "of National Intelligence", "of state"
    first = next((f for f in range(k + 2, end - 1)
                  if toks[f].text.lower() in lex.first_names), None)
    honorific = any(t.text.lower() in lex.honorifics
                    for t in toks[k + 1:end])  # "Friends of Mr. Clinton"
    if first is None and end - k >= 3 and head.xpos in {"NN", "NNP"} and \
            not honorific and \
            _named_elsewhere(toks[end - 1], toks[end - 2].text, text, lex):
        first = end - 1  # "Secretary of State Clinton" of "Hillary Clinton"
    if first is None or not all(is_name_word(t, lex)
                                for t in toks[first:end]):
        return None
    lo = head.i
    while lo - 1 in inside and toks[lo - 1].upos in {"ADJ", "PROPN"}:
        lo -= 1  # "Former", "U.S."
    return list(toks[lo:first]), list(toks[first:end])


def _named_elsewhere(tok: Tok, before: str, text: str,
                     lex: Lexicon) -> bool:
    """The text names *tok* elsewhere as a surname, after another
    capitalised word than *before* that is no organisation's ("Hillary
    Clinton", "Mrs. Clinton"; not "State Clinton" again)."""
    for m in re.finditer(r"([A-Z][\w.]*)\s+" + re.escape(tok.text) + r"\b",
                         text):
        word = m.group(1)
        if m.end() != tok.end and word != before and \
                word.lower() not in lex.org_words:
            return True
    return False


def _in_headline(sent: Sent, text: str) -> bool:
    """*sent* lies on the first line of a longer text, a line written in
    title case (a headline)."""
    end = text.find("\n")
    if end < 0 or sent.start >= end or not text[end:].strip():
        return False
    words = [w for w in text[:end].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and \
        sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _trusted_name(name: str, sent: Sent, text: str, lex: Lexicon) -> str:
    """A headline's name, kept to the first run of its words that are
    known first names or that the text writes capitalised elsewhere
    ("Derelict Obama and ...": Obama; "Obama Speech at ...": Obama);
    unchanged when none is."""
    rest = text[:sent.start] + " " + text[sent.end:]
    seen = [w.lower() in lex.first_names or bool(re.search(
        rf"(?<![\w-]){re.escape(w)}(?![\w-])", rest)) for w in name.split()]
    if not any(seen):
        return name
    words = name.split()
    start = seen.index(True)
    end = start
    while end < len(words) and seen[end]:
        end += 1
    return " ".join(words[start:end])


def _restricted(sent: Sent, head: Tok) -> bool:
    """*head* has a relative clause not set off by a comma: its relative
    pronoun comes right after the head ("the officer who shot Scott")."""
    nxt = head.i + 1
    if nxt >= len(sent.toks) or sent.toks[nxt].text.lower() not in _RELATIVES:
        return False
    return any(nxt in {t.i for t in sent.subtree(rel.i)}
               for rel in sent.children(head.i, "acl:relcl"))


_INDEFINITE = frozenset({"a", "an", "one", "some", "any", "another"})
"""Not a role with "as": "her skill as a negotiator" describes."""


def _as_role(sent: Sent, head: Tok, text: str, lex: Lexicon) -> str | None:
    """The role a subject's verb gives it with "as": "She occupies one of
    the key positions as the attorney general", "As the senior Democrat in
    the delegation, Scott has emerged"; not "a negotiator" (a description)
    nor a bare word the lexicon does not list ("rejects it as sexist")."""
    if head.rel != "nsubj" or not 0 <= head.head < len(sent.toks):
        return None
    for obl in sent.children(head.head, "obl"):
        words = sorted(sent.subtree(obl.i), key=lambda t: t.i)
        if len(words) > 1 and words[0].text.lower() == "as" and \
                words[1].text.lower() not in _INDEFINITE and \
                is_role_word(obl, lex) and (
                    obl.lemma in lex.role_nouns or len(words) > 2):
            return role_phrase(sent, obl, text, lex)
    return None


def _predicate_role(sent: Sent, head: Tok, text: str,
                    lex: Lexicon) -> str | None:
    """The role a subject's present-tense copula gives it: "Ricardo Alves
    is a bicycle mechanic in Vila Esperança"; only a role noun of the
    lexicon (not "is a regular at the bar"), and no description by a
    relative clause ("is the only candidate that has the experience")."""
    if head.rel != "nsubj" or not 0 <= head.head < len(sent.toks):
        return None
    pred = sent.toks[head.head]
    if pred.upos != "NOUN" or sent.children(pred.i, "acl:relcl") or \
            not any(c.xpos in {"VBZ", "VBP"}
                    for c in sent.children(pred.i, "cop")) or \
            not (pred.lemma in lex.role_nouns or
                 pred.text.lower() in lex.role_nouns):
        return None
    return role_phrase(sent, pred, text, lex)


def _main_subject(sent: Sent, head: Tok) -> bool:
    """*head* is the subject of the sentence's root, or a name in
    apposition to it ("The study's author, Kenji Mori, ... stood by")."""
    if _subject_appositive(sent, head):
        head = sent.toks[head.head]
        if head.rel == "root":
            return True
    return head.rel == "nsubj" and 0 <= head.head < len(sent.toks) and \
        sent.toks[head.head].deprel == "root"


def _subject_appositive(sent: Sent, tok: Tok) -> bool:
    """*tok* stands in apposition to a subject, so it names the subject; a
    noun the parse made the root (its verb hung elsewhere) counts."""
    if tok.rel != "appos" or not 0 <= tok.head < len(sent.toks):
        return False
    head = sent.toks[tok.head]
    return head.rel == "nsubj" or (head.rel == "root" and
                                   head.upos in {"NOUN", "PROPN"})


_ORG_LINKS = frozenset({"of", "on", "for"})


def _org_name(sent: Sent, last: int, name: str, text: str,
              lex: Lexicon) -> str:
    """An organisation's name with its "of" part: "Federal Bureau" + "of
    Prisons", "Commission" + "on Presidential Debates"."""
    toks = sent.toks
    k = last + 1
    if name.split()[-1].lower() not in lex.org_words or \
            k + 1 >= len(toks) or toks[k].text not in _ORG_LINKS:
        return name
    j = k + 1
    if toks[j].text == "the":
        j += 1
    end = j
    while end < len(toks) and toks[end].text[:1].isupper() and (
            toks[end].upos == "PROPN" or toks[end].xpos.startswith("NNP")) \
            and toks[end].text.lower() not in lex.non_speakers:
        end += 1  # not "on Friday"
    if end == j:
        return name
    return name + text[toks[last].end:toks[end - 1].end]


def _tight(a: Tok, b: Tok) -> bool:
    return a.end == b.start


def _extend_name(sent: Sent, toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Grow a name mention over the words a weak parse left out.

    Left: titles and name words right before it ("Rep." + "Sandra"), then a
    role phrase ending next to it ("psychologist", "the senator's deputy
    press secretary"). Right: hyphenated and apostrophe parts
    ("Jean" + "-Pierre", "O'" + "Neill") and further name words.
    """
    all_toks = sent.toks
    if toks and (is_title(toks[-1], lex) or is_role_word(toks[-1], lex)) \
            and toks[-1].i + 1 < len(all_toks) and \
            is_name_word(all_toks[toks[-1].i + 1], lex):
        toks = [*toks, all_toks[toks[-1].i + 1]]  # "Rep." + "Elijah"
    if not toks or (not is_name_word(toks[-1], lex) and not \
            is_name_word(toks[0], lex)):
        return toks
    lo, hi = toks[0].i, toks[-1].i
    # right: "-Pierre", "García-Márquez", "Jr."
    while hi + 1 < len(all_toks):
        nxt = all_toks[hi + 1]
        if nxt.text in {"-", "\u2011", "'", "\u2019"} and \
                hi + 2 < len(all_toks) and _tight(all_toks[hi], nxt) and \
                _tight(nxt, all_toks[hi + 2]) and (
                    all_toks[hi + 2].text[:1].isupper() or
                    is_name_syllable(all_toks, hi + 2)):
            hi += 2  # "-Pierre", "Hye" + "-won"
        elif _tight(all_toks[hi], nxt) and nxt.text[:1].isupper() and \
                all_toks[hi].text.endswith(("'", "\u2019")):
            hi += 1  # "O'" + "Neill"
        elif nxt.text in QUOTE_MARKS and hi + 4 < len(all_toks) and \
                all_toks[hi + 3].text in QUOTE_MARKS and \
                is_name_word(all_toks[hi], lex) and all(
                    is_name_word(all_toks[j], lex) and
                    all_toks[j].upos == "PROPN" for j in (hi + 2, hi + 4)):
            hi += 4  # Robert C. + "Bobby" + Scott
        elif ((nxt.upos == "PROPN" or is_misread_name_part(nxt)) and
              is_name_word(nxt, lex) and
              nxt.text.lower() not in lex.non_speakers and hi - lo < 5 and
              is_name_word(all_toks[hi], lex)) or \
                nxt.text.lower().rstrip(".") in {"jr", "sr", "ii", "iii"}:
            hi += 1
        else:
            break
    # left: name words and titles, then a role phrase
    while lo > 0 and (is_name_word(all_toks[lo - 1], lex) or
                      is_title(all_toks[lo - 1], lex) or (
                          is_role_word(all_toks[lo - 1], lex) and
                          all_toks[lo - 1].text[:1].isupper())) and \
            all_toks[lo - 1].upos != "PUNCT" and (
                all_toks[lo - 1].text.lower() not in lex.org_words or any(
                    is_title(t, lex) or is_role_word(t, lex)
                    for t in all_toks[lo:lo + 3])):
        lo -= 1  # not over "Washington Post" into "Trump"; but "White
        # House" + "Press Secretary", "Democratic Party" + "Chairman"
    in_role = any(is_role_word(t, lex) and not t.text[:1].isupper()
                  for t in all_toks[lo:hi + 1])
    inside_phrase = any(t.rel == "case" and t.upos == "ADP"
                        for t in all_toks[lo:hi + 1])
    if not in_role and lo > 0 and is_role_word(all_toks[lo - 1], lex) and \
            all_toks[lo - 1].upos in {"NOUN", "PROPN"} and \
            not inside_phrase:  # not "reporters" + "Friday after Trump"
        lo -= 1  # "psychologist" + "Ana Ruiz"
        in_role = True
    while in_role and lo > 0 and _role_modifier(all_toks, lo - 1):
        lo -= 1  # the role's modifiers: "the senator's deputy press"
    if (lo, hi) == (toks[0].i, toks[-1].i):
        return toks
    return list(all_toks[lo:hi + 1])


def _role_modifier(toks: tuple[Tok, ...] | list[Tok], k: int) -> bool:
    """``toks[k]`` modifies the role phrase right after it: a noun,
    adjective or "'s" ("the senator's deputy press"), a participle
    opening the phrase ("Opposing coach", "the acting director"), or a
    noun the parser read as a verb after "according to" ("according to
    state health commissioner")."""
    tok = toks[k]
    if tok.upos in {"NOUN", "PROPN", "ADJ"} or tok.text in {"'s", "\u2019s"}:
        return True
    if tok.upos != "VERB" or k + 1 >= len(toks) or \
            tok.end + 1 != toks[k + 1].start:
        return False
    if tok.xpos == "VBG":  # not "Criticizing coach Ito, fans ...": its object
        return not any(t.head == k and t.rel == "obj" for t in toks[k + 1:]) \
            and (k == 0 or toks[k - 1].upos in {"DET", "PUNCT"} or
                 is_possessive(toks[k - 1]))
    return _misread_after_according(toks, k)


def _misread_after_according(toks: tuple[Tok, ...] | list[Tok],
                             k: int) -> bool:
    """``toks[k]`` is a noun of the source phrase that the parser read as
    an infinitive after "according to" ("according to state officials")."""
    return toks[k].upos == "VERB" and toks[k].xpos == "VB" and \
        [t.text.lower() for t in toks[max(k - 2, 0):k]] == ["according",
                                                             "to"]


def _name_before_comma(sent: Sent, first: int, text: str,
                       lex: Lexicon) -> str | None:
    """The name in "NAME, <mention>": a name run ending before a comma
    (or a dash: "Ann Lee - the mayor's aide - said")."""
    toks = sent.toks
    if first < 2 or toks[first - 1].text not in {",", *_DASHES} or (
            toks[first - 1].text in _DASHES and
            not any(t.text in _DASHES for t in toks[first:])):
        return None  # a dash only with its pair: not "BRUSSELS - Leaders"
    end = _before_party_note(sent, first - 1, text)  # "Jim Jordan (R-Ohio),"
    k = end
    while k > 0 and (is_name_word(toks[k - 1], lex) or (
            k - 1 > 0 and is_hyphen_in_name(toks, k - 1, lex)) or
            is_surname(list(toks[:end]), k - 1, lex)):
        k -= 1  # "Charlie King, a prominent Democrat": King is a surname
    label = k
    while label > 0 and toks[label - 1].text.lower() in _PARTY_LABELS:
        label -= 1  # "Republican Tom Reyes, a state senator"
    if k == end or (label > 0 and not is_punct(toks[label - 1]) and
                    not is_title(toks[label - 1], lex) and
                    not is_role_word(toks[label - 1], lex) and
                    toks[label - 1].upos != "VERB"):  # "said NAME, a ..."
        return None  # but "Senator Ruth Adler, a close adviser to ..."
    return text[toks[k].start:toks[end - 1].end]



def _name_after_comma(sent: Sent, last: int, text: str,
                      lex: Lexicon) -> str | None:
    """The name in "<mention>, NAME." that closes the sentence (after an
    age: "the winner, 19-year-old Ana Rossi."), whatever the parse made
    of it."""
    toks = sent.toks
    k = last + 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    k += 1 + age_length(toks[k + 1:])
    end = k
    while end < len(toks) and is_name_word(toks[end], lex):
        end += 1
    if end == k or end >= len(toks) or \
            toks[end].text not in {".", "!", "?"}:
        return None
    return text[toks[k].start:toks[end - 1].end]


_PARTY_LABELS = PARTY_NAMES | {"democrat", "gop", "independent"}
"""A party label before a name ("Republican Tom Reyes"): not the name."""


def _before_party_note(sent: Sent, end: int, text: str) -> int:
    """*end*, or where a party-state note ending there opens: the "(" of
    "Jim Jordan (R-Ohio)" when *end* is the index after ")"."""
    toks = sent.toks
    opening = bracket_opening(toks, end - 1)
    if opening is None or not _PARTY_STATE.match(
            text[toks[opening].end:toks[end - 1].start].strip()):
        return end
    return opening


def _bare_title(role: str, lex: Lexicon) -> bool:
    """*role* is a title or honorific alone ("Dr.", "Sen.")."""
    word = role.casefold()
    return " " not in word and (word in lex.titles or word in lex.honorifics)


def _role_before_comma(sent: Sent, first: int, text: str,
                       lex: Lexicon, *, gate: bool = True) -> str | None:
    """The role in "A top aide to the governor, Sam Ito, said" (a sentence
    that opens with it). *gate*: only a phrase with a role word near its
    start; without it, "His digital mastermind, Teddy Goff,"."""
    toks = sent.toks
    if first < 2 or toks[first - 1].text != ",":
        return None
    k = first - 1
    while k > 0 and not is_punct(toks[k - 1]):
        k -= 1
    if any(not is_punct(t) for t in toks[:k]):
        return None  # only "A top aide to the governor, NAME," at the start
    stretch = list(toks[k:first - 1])
    while stretch and (stretch[0].upos in {"DET", "NUM"} or
                       is_possessive(stretch[0]) or
                       stretch[0].text.lower() in _QUANTIFIERS or
                       stretch[0].text.lower() == "as"):  # "As the chair,"
        stretch = stretch[1:]
    if not stretch or len(stretch) > 10 or any(
            t.upos in {"VERB", "AUX", "PRON"} for t in stretch) or \
            stretch[0].upos in {"ADP", "SCONJ", "ADV"}:
        return None  # "With 214 delegates at stake, NAME": an adverbial
    if gate and not any(is_role_word(t, lex) for t in stretch[:4]):
        return None
    if not gate and any(t.upos == "CCONJ" for t in stretch):
        return None  # "The company and France's minister, Ann Roy,"
    return _join(stretch, text)


_PARTY_STATE = re.compile(r"^[DRI](?:-[\w. ]+)?$|^[A-Z][a-z]*\.$")
_NOTE_AS_NAME = re.compile(r"[DRI] ?[-\u2013] ?[A-Z][\w.' ]*")
"""A party-state note the parse made a noun phrase of: "D-Calif.",
"R - Ohio"."""


def _party_state(sent: Sent, last: int, text: str) -> str:
    """' (D-Mass.)' when the name is followed by a party-state note."""
    toks = sent.toks
    if last + 2 >= len(toks) or toks[last + 1].text != "(":
        return ""
    close = next((k for k in range(last + 2, min(last + 8, len(toks)))
                  if toks[k].text == ")"), None)
    if close is None or close == last + 2:
        return ""
    inner = text[toks[last + 2].start:toks[close - 1].end]
    return f" ({inner})" if _PARTY_STATE.match(inner) else ""


_COMMA_NOTE = re.compile(
    r", ((?:[DRI]-[A-Z][a-z]*\.?(?: ?[A-Z][a-z]*\.?)?)|"
    r"(?:Democrat|Republican|independent) (?:of|from) "
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=,|\.?\s*$|\.\s)")


def _of_organisation(sent: Sent, last: int, text: str, lex: Lexicon) -> str:
    """' of Marion Avenue Baptist Church' when the name ending at token
    *last* is followed by "of" and an organisation's name (its last word
    an organisation word): the title's post-modifier ("Pastor Joseph
    Brown of Marion Avenue Baptist Church"); not a home place ("Sen. Ted
    Cruz of Texas")."""
    toks = sent.toks
    k = last + 1
    if k + 1 >= len(toks) or toks[k].text != "of":
        return ""
    j = k + 1 + (toks[k + 1].text.lower() == "the")
    end = j
    while end < len(toks) and toks[end].upos == "PROPN":
        end += 1
    if end == j or toks[end - 1].text.lower() not in lex.org_words:
        return ""
    return " " + text[toks[k].start:toks[end - 1].end]


def _party_note_after_comma(text: str, end: int) -> str:
    """', R-Pa.' or ', Democrat of Delaware' when the name ending at *end*
    is followed by its party-state note set off by commas."""
    found = _COMMA_NOTE.match(text, end)
    return f", {found.group(1)}" if found else ""


_RELATIVES = frozenset({"who", "which", "whose", "that", "whom"})


def _past_name_notes(sent: Sent, k: int, text: str) -> int:
    """The index after the notes that may follow a name before its
    appositive: a party-state note ("(D-N.C.)") and a home place ("of
    Maryland"); *k* itself when there are none."""
    toks = sent.toks
    if _party_state(sent, k - 1, text):
        k = next(j for j in range(k, len(toks)) if toks[j].text == ")") + 1
    if k + 1 < len(toks) and toks[k].text == "of":
        j = k + 1
        while j < len(toks) and toks[j].upos == "PROPN":
            j += 1
        if j > k + 1 and j < len(toks) and toks[j].text == ",":
            k = j
    return k


def _relative_after(sent: Sent, last: int, text: str) -> bool:
    """The name's comma is followed by a relative clause ("Ed Rendell, who
    served as ..."): a role it gives may be a past one. Not so for "who
    is" or "who was appointed", which give the post held now."""
    k = _past_name_notes(sent, last + 1, text) + 1
    toks = sent.toks
    if k >= len(toks) or toks[k].text.lower() not in _RELATIVES:
        return False
    link = [t.text.lower() for t in toks[k + 1:k + 3]]
    return not (link[:1] in (["is"], ["are"]) or (
        link[:1] in (["was"], ["were"]) and k + 2 < len(toks) and
        toks[k + 2].lemma in _APPOINTED and toks[k + 2].upos == "VERB"))


def _kin(toks: list[Tok], lex: Lexicon) -> bool:
    """True when *toks* name a family tie ("a mother of three"): its last
    noun before any preposition is a kinship word, no role (ROLES.md)."""
    end = next((k for k, t in enumerate(toks) if t.upos == "ADP"), len(toks))
    nouns = [t for t in toks[:end] if t.upos == "NOUN"]
    return bool(nouns) and nouns[-1].text.lower() in lex.no_role_nouns


_APPOSITIVE_OPENERS = frozenset({",", "\u2014", "\u2013", "--"})
"""What sets off an appositive after a name: a comma or a dash ("Steve
Lonegan \u2014 a former Cruz adviser \u2014"); what a dash sets off is
often an aside, so it must hold a role word (*gate*)."""


def _comma_role(sent: Sent, last: int, text: str,
                lex: Lexicon, *, gate: bool = True) -> str | None:
    """A role set off by commas or dashes after the mention, whatever the
    parse.

    "Tom Baker, an economist at the bank," and "Anna Berg, who is the head
    of the union," -> "economist at the bank", "head of the union".
    """
    toks = sent.toks
    k = _past_name_notes(sent, last + 1, text)
    if k + 2 < len(toks) and toks[k].text == "," and \
            toks[k + 1].upos == "NUM" and toks[k + 2].text == ",":
        k += 2  # "Lina Haddad, 34, a pharmacist"
    if k >= len(toks) or toks[k].text not in _APPOSITIVE_OPENERS or (
            toks[k].text != "," and not gate):
        return None  # a dash sets off a role only with a role word in it
    stretch: list[Tok] = []
    clause: list[Tok] = []  # "a physicist who is co-director of ..."
    title = False  # inside a quoted title: 'author of "Bitter Pill"'
    for tok in toks[k + 1:]:
        if tok.text in QUOTE_MARKS and (title or (
                stretch and stretch[-1].upos == "ADP" and not clause)):
            stretch.append(tok)
            if title:
                break  # the title closes the role
            title = True
            continue
        if title:
            stretch.append(tok)
            continue
        if is_punct(tok) and tok.text not in {"-", "&"} and \
                not is_plural_possessive(toks, tok.i):
            break  # not at "the teachers' union"
        if clause or (stretch and tok.text.lower() in _RELATIVES):
            clause.append(tok)
        else:
            stretch.append(tok)
    if stretch and stretch[0].text.lower() in {"who", "which"}:
        stretch = _after_relative_link(stretch)
    while stretch and (stretch[0].upos == "DET" or is_possessive(stretch[0])
                       or stretch[0].text.lower()
                       in {"now", "currently", "also", "once"}):
        stretch = stretch[1:]  # "now a consultant on Burma", "her lawyer"
    titled = next((k for k, t in enumerate(stretch)
                   if t.text in QUOTE_MARKS), len(stretch))
    verb = next((k for k, t in enumerate(stretch[:titled])
                 if t.upos in {"VERB", "AUX"} and t.deprel != "amod" and
                 not _verb_modifier(stretch, k)), None)
    if verb is not None and "VerbForm=Fin" in stretch[verb].feats:
        return None  # "In June, the senator said": a clause, no role
    if verb is not None:  # "a former tax aide now teaching at NYU"
        stretch = stretch[:verb]
        while stretch and stretch[-1].upos in {"ADV", "ADP", "CCONJ"}:
            stretch = stretch[:-1]
    conj = max((k for k, t in enumerate(stretch) if t.upos == "CCONJ"),
               default=None)
    if conj is not None and (stretch[-1].text.lower().rstrip("s") in
                             PARTY_WORDS or _kin(stretch[conj + 1:], lex)):
        # "a media consultant and an active Republican" (who ...: the
        # Republican), "a fabric trader ... and a mother of three"
        stretch, clause = stretch[:conj], []
    if not stretch or len(stretch) > 24:
        return None
    adp = next((k for k, t in enumerate(stretch) if t.upos == "ADP"),
               len(stretch))
    if [t.text.lower() for t in stretch[:2]] == ["one", "of"]:
        adp = next((k for k, t in enumerate(stretch[2:], 2)
                    if t.upos == "ADP"), len(stretch))  # "one of the ..."
    if gate and not any(is_role_word(t, lex)
                        for t in stretch[:max(adp, 4)]):
        return None  # "a former Internal Revenue Service commissioner"
    if clause and verb is None and is_role_word(stretch[-1], lex) and \
            len(clause) <= 16 and clause[0].text.lower() in {"who", "that"}:
        stretch += clause  # the role's own relative clause, as written
    return _join(_without_time(stretch), text)


_TIME_WORDS = _WEEKDAYS | frozenset({
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "year",
    "month", "week", "spring", "summer", "autumn", "fall", "winter"})
"""Last words of a time phrase that may close an appositive ("appointed
director of the board in January"): when it was, not part of the post."""


def _without_time(stretch: list[Tok]) -> list[Tok]:
    """*stretch* without a closing time phrase after "in", "on", "since"
    or "until" ("in January", "in 2019", "since last year")."""
    k = len(stretch)
    if k < 3 or not (stretch[-1].text in _TIME_WORDS or (
            stretch[-1].upos == "NUM" and len(stretch[-1].text) == 4)):
        return stretch
    j = k - 1
    while j > 1 and stretch[j - 1].upos in {"DET", "ADJ", "NUM"}:
        j -= 1  # "last year", "this spring"
    if j > 1 and stretch[j - 1].text.lower() in {"in", "on", "since",
                                                 "until"}:
        return stretch[:j - 1]
    return stretch


_APPOINTED = frozenset({"appoint", "name", "elect", "make", "promote"})
"""Verbs of being given a post ("who was appointed director of ...")."""
_POST_VERBS = frozenset({"serve", "work", "take", "act", "remain", "sit"})
"""Verbs of holding a post before "as" ("who took over as head of")."""


def _after_relative_link(stretch: list[Tok]) -> list[Tok]:
    """What follows "who served as", "who took over as", "who is", "who
    at the time was", "who was appointed" at the start of *stretch* (a
    role, perhaps); nothing for any other relative clause."""
    words = [t.text.lower() for t in stretch[:6]]
    for k in range(2, min(5, len(words))):
        if words[k] == "as" and stretch[1].lemma in _POST_VERBS and all(
                t.upos in {"ADP", "ADV", "PART"} for t in stretch[2:k]):
            return stretch[k + 1:]  # "who served as", "who took over as"
    for k in range(1, len(words)):
        if words[k] in {"is", "was", "are", "were"} and (k == 1 or (
                stretch[1].upos in {"ADP", "ADV"} and all(
                    t.upos in {"ADP", "ADV", "DET", "NOUN"}
                    for t in stretch[1:k]))):
            rest = stretch[k + 1:]  # "who is", "who at the time was"
            if len(rest) > 1 and rest[0].lemma in _APPOINTED and \
                    rest[0].upos == "VERB":  # "who was appointed director"
                rest = rest[2:] if rest[1].text.lower() == "as" else rest[1:]
            return rest
    return []


def _verb_modifier(stretch: list[Tok], k: int) -> bool:
    """The verb-tagged first word of an appositive, right before a noun,
    modifies it: "managing director", "associate professor"."""
    return k == 0 and len(stretch) > 1 and stretch[1].upos == "NOUN" and \
        stretch[0].text[:1].islower()


def label_mention(sent: int, toks: tuple[Tok, ...], text: str,
                  lex: Lexicon) -> Mention:
    """The mention of a transcript label ("MAYOR LEE:")."""
    name, role = split_name_role(list(toks), text, lex)
    if name is None and role is None:
        role = _join(list(toks), text)
    return Mention(sent=sent, toks=toks, head=toks[-1], name=name, role=role)


def is_nominal(sent: Sent, tok: Tok) -> bool:
    """True when *tok* can head a speaker phrase: a noun, pronoun or the
    like, or a determiner of a part ("Some of the shareholders")."""
    return tok.upos in _NOMINAL or _partitive_group(sent, tok) is not None


def conjuncts(sent: Sent, m: Mention, lex: Lexicon) -> list[list[Tok]]:
    """The other names of a joint speaker, by their words: "Obama and
    Clinton said", "Mr. Grassley and Mr. Leahy say", "Jon Tester (D-Mont.)
    and David Vitter", "Johnny Isakson of Georgia and John Boozman", "Rep.
    Todd Rokita and state House Speaker Brian Bosma", "He and Rep. Bob
    Goodlatte". Only names of people or bodies, joined with "and" right
    after the speaker's name or a singular pronoun."""
    if (m.name is None and (m.pronoun is None or m.plural)) or \
            not m.toks or m.toks[-1].i >= len(sent.toks) or \
            sent.toks[m.toks[-1].i] is not m.toks[-1]:
        return []
    toks = sent.toks
    k = m.toks[-1].i + 1
    runs: list[list[Tok]] = []
    while k < len(toks):
        if toks[k].text == "(":  # a party-state note: "(D-Mont.)"
            close = next((j for j in range(k, min(k + 8, len(toks)))
                          if toks[j].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if toks[k].text.lower() == "of" and k + 1 < len(toks) and \
                toks[k + 1].upos == "PROPN":  # "Johnny Isakson of Georgia"
            k += 1
            while k < len(toks) and toks[k].upos == "PROPN":
                k += 1
            continue
        last = toks[k].lemma.lower() in {"and", "&"}
        if toks[k].text != "," and not last:
            break
        k += 1
        while k < len(toks) and (toks[k].upos == "DET" or
                                 toks[k].text.lower() in lex.honorifics or
                                 toks[k].text.lower() in lex.titles or
                                 (toks[k].upos in {"ADJ", "NOUN"} and
                                  toks[k].text.islower())):
            k += 1  # "and state House Speaker Brian Bosma"
        run = []
        while k < len(toks) and toks[k].upos == "PROPN" and \
                toks[k].text[:1].isupper():
            run.append(toks[k])
            k += 1
            j = k
            while j < len(toks) and toks[j].upos in {"ADJ", "NOUN"} and \
                    toks[j].text.islower():
                j += 1
            if j > k and j < len(toks) and toks[j].upos == "PROPN":
                run, k = [], j  # "former Maryland governor Martin O'Malley"
        if not run:
            return []
        runs.append(run)
        if last:
            return runs
    return []


_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})


def past_dateline(sent: Sent, tok: Tok, text: str) -> Tok:
    """The subject after a dateline the parser took for the subject.

    "WASHINGTON -- President Obama ... said": the capitalised place (one
    or more words in capitals) that opens a paragraph, then a dash; the
    speaker is the name after the dash ("Obama"), the last word of its run
    of capitalised words, or the noun that word is the possessor or
    compound of ("NAIROBI, Kenya — Kenya's health minister, ... said":
    "minister").
    """
    line = text.rfind("\n", 0, tok.start) + 1
    before = text[line:tok.start].split()  # "PORT ELLIS": a longer place
    if not tok.text.isupper() or len(tok.text) < 3 or \
            not all(w.isupper() for w in before):
        return tok
    dash = next((t for t in sent.toks[tok.i + 1:tok.i + 12]
                 if t.text in _DASHES), None)
    if dash is None or dash.i + 1 >= len(sent.toks):
        return tok
    k = dash.i + 1
    while k + 1 < len(sent.toks) and sent.toks[k + 1].text[:1].isupper() \
            and sent.toks[k + 1].upos in {"PROPN", "NOUN"}:
        k += 1
    after = sent.toks[k]
    if not is_nominal(sent, after) or not after.text[:1].isupper():
        return tok
    while after.deprel in {"nmod:poss", "compound"} and \
            after.head > dash.i and sent.toks[after.head].upos == "NOUN":
        # "NAIROBI, Kenya — Kenya's health minister, ... said": the
        # phrase's head, not its possessor
        after = sent.toks[after.head]
    return after


def _listed_compound(sent: Sent, tok: Tok, lex: Lexicon) -> bool:
    """A person's name the parse made a compound of a later conjunct
    ("gave Christie, as well as Ohio Gov. Kasich and former Florida
    governor Bush": "Kasich" a compound of "governor"): a proper noun
    after a title or a first name, right before "and" or "or", ends a name
    of its own. Not an organisation's word ("Immigration and Customs
    Enforcement")."""
    after = tok.i + 1
    if tok.rel != "compound" or tok.upos != "PROPN" or tok.i == 0 or \
            not tok.head > after or after >= len(sent.toks) or \
            sent.toks[after].upos != "CCONJ":
        return False
    before = sent.toks[tok.i - 1]
    return is_title(before, lex) or before.text.lower() in lex.first_names


def salient_mentions(doc: Doc, lex: Lexicon,
                      skip: set[int]) -> list[tuple[Mention, bool | None]]:
    """Named people and groups anywhere in the text, for roles and names.

    The flag tells whether the mention is a subject (salient enough to be
    what a later "he" or "they" refers to); ``None`` marks a definite
    description elsewhere ("attacks on the GOP nominee"), which only
    refers back (a role candidate for the role model).
    """
    found: list[tuple[Mention, bool | None]] = []
    for sent in doc.sents:
        for tok in sent.toks:
            if tok.start in skip or (
                    tok.rel in {"flat", "compound", "goeswith", "fixed"}
                    and not _listed_compound(sent, tok, lex)):
                continue
            subject = tok.rel == "nsubj" or (
                tok.upos == "PROPN" and _subject_appositive(sent, tok))
            role_noun = tok.upos == "NOUN" and (
                tok.lemma in lex.role_nouns or tok.lemma in lex.epithets)
            if tok.upos == "PROPN" or (role_noun and subject) or (
                    tok.upos == "NOUN" and _names_after(sent, tok) and
                    not any(c.lemma == "of"
                            for c in sent.children(tok.i, "case")) and
                    (role_noun or not any(
                        c.upos == "PRON"
                        for c in sent.children(tok.i, "nmod:poss")))):
                # the last: not "her colleague Ken Mori", a relation
                # "WASHINGTON — Senator Alicia Bramwell": not a person
                # named Washington, the senator after the dateline
                m = mention_at(sent, past_dateline(sent, tok, doc.text),
                               doc.text, lex)
                if m.name is None and tok.rel == "appos":
                    continue  # "Bramwell, a Democrat from Oregon": hers
                if m.name and _NOTE_AS_NAME.fullmatch(m.name):
                    continue  # "Feinstein (D-Calif.)": her note, no one
                if m.name or m.role or (subject and m.plural):
                    found.append((m, subject))
            elif tok.upos == "NOUN" and tok.lemma in lex.role_nouns and \
                    tok.rel != "appos" and \
                    "Number=Sing" in tok.feats and any(
                        c.lemma == "the" for c in sent.children(tok.i, "det")):
                m = mention_at(sent, tok, doc.text, lex)
                # "attacks on the GOP nominee"; not "Jeb Bush, the former
                # governor of Florida", which describes the name it follows
                if m.role and m.name is None:
                    found.append((m, None))
            elif subject and tok.upos == "PRON":
                m = mention_at(sent, tok, doc.text, lex)
                if m.role:  # "She serves as the attorney general"
                    found.append((m, subject))
    return found
