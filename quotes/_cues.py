"""Reporting cues in one sentence, with their speaker word and content.

Input: a ``Sent`` and the ``Lexicon``; output: ``CueMatch`` records. A cue
is a reporting verb ("said", "added"), "according to", or a noun taking a
clause ("X's claim that"). Its content is the clause it reports: the
``ccomp``/``parataxis`` on its right, or the clause it is attached to by
``parataxis`` ("The move is temporary, he said.").
"""

from __future__ import annotations

import logging
from collections.abc import Container, Sequence

from attrs import evolve, field, frozen

from quotes._tree import (
    QUOTE_MARKS,
    Sent,
    Tok,
    appositive_owner,
    bracket_opening,
    is_punct,
    is_reflexive,
    is_tight_hyphen,
)
from quotes.lexicons import Lexicon
from quotes.records import as_tuple

log = logging.getLogger(__name__)

# right-hand dependents of a cue that are not part of what it reports
_NOT_CONTENT = frozenset({"obl", "advmod", "iobj", "punct", "aux", "cop",
                          "mark", "nsubj", "expl", "cc", "conj", "vocative",
                          "discourse", "compound", "case", "det", "advcl",
                          "nmod", "xcomp", "list", "appos", "orphan"})
# verbs whose object is the listener ("told reporters that ...")
_LISTENER_VERBS = frozenset({"tell", "inform", "assure", "warn", "remind",
                             "urge", "ask", "advise", "notify", "reassure",
                             "caution", "brief", "convince", "persuade",
                             "promise", "email", "text", "call"})
_CONTENT_RELS = frozenset({"ccomp", "parataxis", "csubj"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})
_PERCEPTION_VERBS = frozenset({"hear", "overhear", "see", "watch", "notice"})
_WH_OPENERS = frozenset({"what", "how", "why", "whether", "where", "who"})
NP_CONTENT_CLASSES = frozenset({"intent"})
"""Verb classes whose content may be a noun phrase or an infinitive."""


@frozen(kw_only=True)
class CueMatch:
    """A cue found in a sentence."""

    sent: int
    toks: tuple[Tok, ...] = field(converter=as_tuple)
    lemma: str
    cls: str
    speaker: Tok | None
    content: tuple[Tok, ...] = field(converter=as_tuple)
    """Tokens of the reported clause, in order (empty when none)."""
    content_left: bool = False
    """True when the content stands before the cue (attached by parataxis)."""
    label: tuple[Tok, ...] = field(converter=as_tuple, factory=tuple)
    """The speaker's words when they are a transcript label, not a phrase."""


def find_cues(sent: Sent, lex: Lexicon) -> list[CueMatch]:
    """Return the cues of *sent*, in order."""
    found: list[CueMatch] = []
    for tok in sent.toks:
        tok = _closing_verb(sent, tok, lex) or tok
        match = (_as_put_it(sent, tok, lex) or _verb_cue(sent, tok, lex) or
                 _according_to(sent, tok, lex) or _noun_cue(sent, tok, lex))
        if match is not None:
            found.append(match)
    return found


def _closing_verb(sent: Sent, tok: Tok, lex: Lexicon) -> Tok | None:
    """'"...," Viguerie notes.': a present-tense cue the parse read as a
    plural noun after the speaker's name, closing the sentence right after
    a quotation; returned as the verb it is."""
    toks = sent.toks
    k = tok.i
    if tok.upos != "NOUN" or not tok.text.endswith("s") or k < 3 or \
            toks[k - 1].upos != "PROPN" or \
            any(not is_punct(t) for t in toks[k + 1:]):
        return None
    lemma = tok.text[:-1].lower()
    if lemma not in lex.reporting_verbs:
        return None
    j = k - 1
    while j > 0 and toks[j - 1].upos == "PROPN":
        j -= 1
    if not _quote_closes(toks, j):
        return None
    return evolve(tok, upos="VERB", xpos="VBZ", lemma=lemma)


def _subject(sent: Sent, verb: Tok) -> Tok | None:
    """The speaker word of a verb: subject, passive agent, or inherited."""
    cue = verb
    seen: set[int] = set()
    while verb.i not in seen:
        seen.add(verb.i)
        agents = [t for t in sent.children(verb.i, "obl:agent", "obl")
                  if any(c.lemma == "by" for c in sent.children(t.i, "case"))
                  and t.lemma not in _MEANS]  # not "replied by text message"
        # "we both said": the floating quantifier is no speaker
        subjects = sent.children(verb.i, "nsubj")
        # "we both said": the floating quantifier beside a pronoun is no
        # speaker
        floating = any(t.upos == "PRON" for t in subjects)
        subjects = sorted(subjects, key=lambda t: (
            _bracketed(sent, t), _opens_complement(sent, verb, t),
            floating and t.upos == "DET",
            len(subjects) > 1 and is_reflexive(t),  # "Clinton herself"
            abs(t.i - verb.i)))
        active = [s for s in subjects if s.deprel != "nsubj:pass"]
        if active and active[0].lemma in _RELATIVE and \
                active[0].text != "WHO":  # the World Health Organization
            # "officials who said": the antecedent of the relative clause
            rel = next((a for a in [verb, *sent.ancestors(verb.i)]
                        if a.deprel == "acl:relcl"), None)
            if rel is not None and rel.head >= 0:
                return _appositive_anchor(sent, sent.toks[rel.head])
            return _antecedent(sent, active[0])
        if active and active[0].upos != "SCONJ":
            return _run_start(sent, active)
        if agents:
            return agents[0]
        if subjects and subjects[0].lemma not in {"it"}:
            return subjects[0]
        controller = _object_controller(sent, verb)
        if controller is not None:
            return controller
        with_noun = _with_sibling(sent, verb)
        if with_noun is not None:
            return with_noun  # "..., with several shop owners warning"
        # "He smiled and said", "..., saying that", "went on to say";
        # "Trump gestured ..., then leaned in and boomed": a finite
        # verb the cue is joined to, hung on another as parataxis with no
        # subject of its own (not the cue itself: "..., noted X")
        if verb.head >= 0 and (verb.deprel in {"conj", "xcomp"} or (
                verb.rel == "advcl" and (_participle(sent, verb) or
                                         _to_infinitive(sent, verb))) or (
                verb.deprel == "parataxis" and verb is not cue and
                verb.head < verb.i and "VerbForm=Fin" in verb.feats)):
            verb = sent.toks[verb.head]
            continue
        if verb.deprel == "acl:relcl" and verb.head >= 0:
            return sent.toks[verb.head]
        if verb.deprel == "acl" and _absolute(sent, verb):
            return sent.toks[verb.head]  # "with one reader writing ..."
        if verb.deprel == "acl" and verb.i > 0 and verb.head < verb.i and \
                sent.toks[verb.i - 1].text == "," and (
                    verb.xpos == "VBD" or (
                        verb.xpos == "VBN" and not agents and
                        sent.toks[verb.head].rel == "appos")):
            # "Ann Lee, the contractor building it, replied": the finite
            # verb the parse hung on the appositive
            return sent.toks[verb.head]
        return None
    return None


def _appositive_anchor(sent: Sent, tok: Tok) -> Tok:
    """The name a relative clause's antecedent stands in apposition to,
    as a conjunct too ("Ann Lee, a lawyer and a Democrat who said": Lee),
    else *tok*."""
    head = tok
    while head.rel == "conj" and head.head >= 0:
        head = sent.toks[head.head]
    if head.rel == "appos" and head.head >= 0 and \
            sent.toks[head.head].upos == "PROPN":
        return sent.toks[head.head]
    return tok


_MEANS = frozenset({"message", "email", "e-mail", "phone", "telephone",
                    "letter", "text", "statement", "video", "fax", "mail",
                    "tweet", "post", "videolink", "radio", "satellite"})
"""What one speaks by, never who: "replied by text message"."""


def _run_start(sent: Sent, subjects: list[Tok]) -> Tok:
    """The first subject, or another subject of the same verb that opens
    the proper-noun run it stands in ("House Oversight Committee Chairman
    Rep. Jason Chaffetz said", parsed with "House" and "Committee" both
    subjects, the name hung on "House"): one speaker phrase, taken from
    its start."""
    first = subjects[0]
    for other in subjects[1:]:
        if first.upos == other.upos == "PROPN" and other.i < first.i and \
                all(t.upos == "PROPN" for t in sent.toks[other.i:first.i]) \
                and any(c.i > first.i for c in sent.children(
                    other.i, "flat", "list")):
            first = other  # not "former Louisiana Rep. David Duke"
    return first


def _to_infinitive(sent: Sent, verb: Tok) -> bool:
    """"(went so far) as to say", "(stood up) to say": an infinitive with
    "to", whose subject is its head's when that is a name or a pronoun not
    of the first or second person."""
    if "VerbForm=Inf" not in verb.feats or not any(
            c.lemma == "to" for c in sent.children(verb.i, "mark")):
        return False
    # not "the shooting led him to say", nor a conversation's "you woke
    # me up to tell me"
    subjects = sent.children(verb.head, "nsubj")
    return any(t.upos == "PROPN" or (
        t.upos == "PRON" and not {"Person=1", "Person=2"} &
        set(t.feats.split("|"))) for t in subjects)


def _absolute(sent: Sent, verb: Tok) -> bool:
    """An absolute "with" phrase whose noun does what the participle says:
    "..., with one reader writing "..."" (not "a statement saying")."""
    if verb.head < 0 or not _participle(sent, verb):
        return False
    noun = sent.toks[verb.head]
    return noun.upos in {"NOUN", "PROPN"} and noun.i < verb.i and any(
        c.lemma == "with" for c in sent.children(noun.i, "case"))


def _with_sibling(sent: Sent, verb: Tok) -> Tok | None:
    """The noun of an absolute "with" phrase that the parse hung beside the
    participle instead of above it: "..., with several shop owners |
    warning that ...", both on the main verb."""
    if verb.rel != "advcl" or verb.i == 0 or not _participle(sent, verb):
        return None
    noun = sent.toks[verb.i - 1]
    if noun.upos in {"NOUN", "PROPN"} and noun.head == verb.head and any(
            c.lemma == "with" for c in sent.children(noun.i, "case")):
        return noun
    return None


def _object_controller(sent: Sent, verb: Tok) -> Tok | None:
    """The object that speaks in a verb's open complement: "we heard the
    children shouting: ...", "I heard her say that ...". Only a perception
    verb's object: "asked him to say" leaves open who speaks."""
    if verb.deprel != "xcomp" or verb.head < 0:
        return None
    host = sent.toks[verb.head]
    if host.lemma not in _PERCEPTION_VERBS:
        return None
    return next((t for t in sent.children(host.i, "obj")
                 if t.i < verb.i and t.upos in {"PRON", "PROPN", "NOUN"}),
                None)


def _bracketed(sent: Sent, tok: Tok) -> bool:
    """ "The World Health Organisation (WHO)": a word in brackets."""
    return 0 < tok.i < len(sent.toks) - 1 and \
        sent.toks[tok.i - 1].text == "(" and sent.toks[tok.i + 1].text == ")"


def _relative_that(sent: Sent, clause: Tok, that: Tok) -> bool:
    """*that* is the clause's only subject: a relative pronoun ("the
    summit that was held"), not a complementiser ("told reporters that the
    plan failed"), which a parse may label a subject too. (An object
    "that" tells nothing: "said in a statement that she would vote".)"""
    if that.rel not in {"nsubj", "nsubj:pass"} or that.head != clause.i:
        return False
    return all(t is that
               for t in sent.children(clause.i, "nsubj", "nsubj:pass"))


def _noun_hung_content(sent: Sent, cue: Tok) -> list[Tok]:
    """ "told reporters that X", "said in a statement that X" misparsed.

    The parser may hang the that-clause on the listener or on "statement"
    as a relative clause; a clause opened by "that" right after such a
    dependent of the cue is the cue's content all the same, unless the
    "that" is the clause's only subject (a true relative clause). So is
    a listener's clause without "that" ("told reporters the airport would
    reopen", ``_bare_clause``).
    """
    for dep in sent.children(cue.i, "obj", "iobj", "obl"):
        if dep.i < cue.i:
            continue
        for clause in sent.children(dep.i, "acl", "acl:relcl"):
            toks = sorted(sent.subtree(clause.i), key=lambda t: t.i)
            if len(toks) < 3 or not (toks[0].lemma == "that" or (
                    cue.lemma in _LISTENER_VERBS and dep.rel != "obl" and
                    _bare_clause(sent, clause, toks))) or \
                    _relative_that(sent, clause, toks[0]) or any(
                        not is_punct(t) and t not in toks
                        for t in sent.toks[toks[0].i:toks[-1].i]):
                continue  # not "the summit that was held on a boat"
                # (a gap of punctuation only: 'that "... away."', the
                # period hung on the cue)
            before = [t for t in sent.subtree(dep.i)
                      if t.i < toks[0].i]
            if any(t.i < cue.i for t in before):
                continue
            for conj in sent.children(cue.i, "conj"):
                if conj.i > toks[-1].i and _wh_conjunct(sent, conj):
                    # "said in a statement that X and that Y": both
                    toks = sorted({*toks, *sent.subtree(conj.i)},
                                  key=lambda t: t.i)
            return _clean(sent, toks)
    return []


def _past_read_as_participle(sent: Sent, noun: Tok, verb: Tok) -> bool:
    """ "insisted her side | deserved at least a draw": a past tense right
    after the object noun, read as its participle ("acl"), with words of
    its own, no agent ("a report released by ...") and no punctuation
    between the cue and the noun; after a verb of speech it is the
    predicate of the reported clause."""
    start = next(t.i for t in sent.subtree(noun.i) if not is_punct(t))
    return verb.deprel == "acl" and verb.i == noun.i + 1 and \
        verb.xpos == "VBN" and verb.text.endswith("ed") and \
        any(c.rel in {"obj", "obl", "xcomp", "ccomp"}
            for c in sent.children(verb.i)) and \
        not sent.children(verb.i, "obl:agent") and not any(
            m.lemma == "by" for c in sent.children(verb.i)
            for m in sent.children(c.i, "case")) and \
        not any(is_punct(t) for t in sent.toks[noun.head + 1:start])


def _bare_clause(sent: Sent, clause: Tok, toks: list[Tok]) -> bool:
    """*clause* (its words *toks*) is a finite clause with a subject of its
    own and no relative word, opening with that subject: "(told reporters)
    the airport would reopen", not "(told the man) who had called"."""
    subjects = sent.children(clause.i, "nsubj", "nsubj:pass", "expl")
    return bool(subjects) and _finite(sent, clause) and \
        toks[0].i in {t.i for t in sent.subtree(subjects[0].i)} and \
        not any("PronType=Rel" in t.feats or t.lemma in _RELATIVE
                for t in toks[:3])


def _participle(sent: Sent, verb: Tok) -> bool:
    """ "..., saying that": a participle, not a purpose clause "to show"."""
    return "VerbForm=Ger" in verb.feats or verb.xpos == "VBG" or (
        "VerbForm=Part" in verb.feats and not sent.children(verb.i, "mark"))


def _clausal_content(sent: Sent, cue: Tok, *, right: bool,
                     cls: str = "speech",
                     cues: Container[str] = (),
                     times: Container[str] = ()) -> list[Tok]:
    """Content on one side of the cue: its clausal complement(s).

    *cues* are the reporting-verb lemmas: a parataxis that is one ("...,
    a spokesman announced") is an aside reporting its host, not content.
    *times* are calendar words: a time the parse reads as the cue's object
    ("pledged | Tuesday | to cut taxes") says when, not what.
    """
    deps = [t for t in sent.children(cue.i) if (t.i > cue.i) == right]
    when = [t for t in deps if t.rel == "obj" and
            time_phrase(sent.subtree(t.i), times)]
    deps = [t for t in deps if t not in when]
    anchors = [t for t in deps if (t.rel in _CONTENT_RELS or (
        t.rel == "advcl" and _starts_with_that(sent, t)))
        and not _relative_clause(sent, t)
        and not (t.rel == "parataxis" and t.lemma in cues)
        and not _nominal_aside(sent, t)
        and not _prepositional(sent, t)]
    if right and anchors and _adverbial(sent, anchors[0]):
        anchors = []  # "said as the crowd moved": when, not what
    if not anchors and right:
        # "said: ..." glued as obj/dep; "said the deployment ... indicate"
        anchors = [t for t in deps if t.rel in {"obj", "dep"} and
                   cue.lemma not in _LISTENER_VERBS and
                   sent.children(t.i, "nsubj", "csubj", "cop", "aux")]
    if not anchors and right and cls == "speech" and \
            cue.lemma not in _LISTENER_VERBS:
        # "said the panel itself might be damaged": the subject parsed as
        # the cue's object, the predicate as a relative clause without a
        # relative word
        anchors = [t for t in deps if t.rel == "obj" and any(
            (c.deprel == "acl:relcl" and c.i > t.i and _finite(sent, c)
             and not any("PronType=Rel" in k.feats or k.lemma in _RELATIVE
                         for k in sent.subtree(c.i)[:3])) or
            _past_read_as_participle(sent, t, c)
            for c in sent.children(t.i))]
    if not anchors and right and cls == "speech" and \
            cue.lemma in _LISTENER_VERBS:
        # "told the magazine she practised daily": the bare clause the
        # parse hangs on the listener as a relative clause
        bare = [c for t in deps if t.rel == "obj"
                for c in sent.children(t.i, "acl:relcl")
                if c.i > t.i and _finite(sent, c) and
                sent.children(c.i, "nsubj") and not any(
                    "PronType=Rel" in k.feats or k.lemma in _RELATIVE
                    for k in sent.subtree(c.i)[:3])]
        if bare:
            return _clean(sent, sent.subtree(bare[0].i))
    if not anchors and right and cls in NP_CONTENT_CLASSES:
        # "called for a moratorium", "wants to triple the program"
        anchors = [t for t in deps if t.rel in {"obj", "xcomp"} or (
            t.rel == "obl" and any(c.lemma == "for" for c in
                                   sent.children(t.i, "case")))] or [
            t for t in deps if t.rel == "advcl" and
            "VerbForm=Inf" in t.feats and any(
                c.lemma == "to" for c in sent.children(t.i, "mark"))]
        # ... "promised last week | to resign", "vowed in a speech | to
        # fight": an infinitive read as an adverbial clause
        anchors = anchors[:1] + [t for t in anchors[1:] if t.rel == "xcomp"]
    if not anchors:
        return []
    second = next((d for d in sent.toks[anchors[0].i + 1:anchors[-1].i]
                   if (d.head == cue.i and d.rel == "conj" and
                       d.lemma in cues) or _second_claim(sent, d, cues)),
                  None)
    if second is not None:
        # "conceded that X, but cautioned | that Y", "said X, adding: |
        # "Y."": Y is the second cue's though the parse hangs it on the
        # first (``_that_clause_after``, ``_colon_after``)
        anchors = [a for a in anchors if a.i < second.i]
    if not right:
        return _clean(sent, _without_second_claims(sent, [
            t for a in anchors for t in sent.subtree(a.i)], cues))
    first = anchors[0]
    marks = [m.i for m in sent.children(first.i, "mark")
             if m.lemma == "that" and m.i < first.i]
    stray = _stray_subject(sent, cue, first) if not marks else None
    chosen: list[Tok] = []
    for dep in deps:
        if dep.i > anchors[-1].i:
            break
        excluded = (dep.rel in _NOT_CONTENT and not (marks and
                                                      dep.i > marks[0])) or (
            dep.rel == "obj" and (cue.lemma in _LISTENER_VERBS or
                                  dep.upos == "PRON"))
        if dep.i >= first.i or not excluded or dep is stray:
            chosen.extend(sent.subtree(dep.i))
    for dep in deps:
        if dep.i > anchors[-1].i and dep.rel == "conj" and (
                _wh_conjunct(sent, dep) or (
                    cls in {"speech", "statement"} and
                    _content_predicate(sent, dep, cues))):
            chosen.extend(sent.subtree(dep.i))
    if not any(s.i < cue.i for s in sent.children(first.i, "nsubj")):
        # a crossing parse ("As a psychiatrist ..., I tell them that ...",
        # the opening phrase hung on the clause) does not put the words
        # before the cue into what it reports; a subject before a
        # parenthetical cue does ("The benefit, it says, would be ...")
        chosen = [t for t in chosen if t.i > cue.i]
    return _clean(sent, _without_second_claims(sent, chosen, cues))


def time_phrase(toks: Sequence[Tok], times: Container[str]) -> bool:
    """True when *toks* only say when: calendar words (*times*) with at
    most a preposition before them and a determiner, adjective, adverb,
    number or name ("last week", "on Monday night", "late Tuesday"); not
    "a day at home"."""
    if toks and toks[0].upos == "ADP":
        toks = toks[1:]
    return 0 < len(toks) <= 4 and any(
        t.lemma.lower() in times for t in toks) and all(
        t.lemma.lower() in times or
        t.upos in {"DET", "ADJ", "ADV", "NUM", "PROPN"} for t in toks)


_ASKED = frozenset({"ask", "press", "question"})
"""Verbs of a question put to the speaker in an aside ("X, asked about
Y, said ...")."""


def _asked_aside_subject(sent: Sent, cue: Tok) -> Tok | None:
    """The speaker of "Coach Tiago Mendes, asked about his future, said
    ...", which the parse reads as "Mendes asked about ..." hung on the
    cue: the subject of the aside's verb, set off by a comma after it."""
    for verb in sent.children(cue.i):
        if verb.i < cue.i and verb.lemma in _ASKED and \
                verb.xpos in {"VBN", "VBD"} and verb.i > 0 and \
                sent.toks[verb.i - 1].text == ",":
            subject = [t for t in sent.children(verb.i, "nsubj")
                       if t.i < verb.i]
            if subject:
                return subject[0]
    return None


def _that_clause_after(sent: Sent, cue: Tok) -> list[Tok]:
    """The clause a "that" right after the cue opens, when the parse hung
    it on an earlier verb: "conceded that X, but cautioned that | cutting
    rates too early would be a mistake" (the second clause a complement of
    "conceded"). The words from after "that" to the clause's end."""
    k = cue.i + 1
    if k >= len(sent.toks) or sent.toks[k].lemma != "that" or \
            sent.toks[k].rel != "mark":
        return []
    clause = sent.toks[sent.toks[k].head]
    if clause.i <= k or clause.rel != "ccomp" or not \
            0 <= clause.head < cue.i:
        return []
    last = max(t.i for t in sent.subtree(clause.i))
    return _clean(sent, list(sent.toks[k + 1:last + 1]))


def _nominal_aside(sent: Sent, tok: Tok) -> bool:
    """ '"Why now?" asked Li Wei, a lawyer for the residents.': a noun
    phrase set off by a comma and parsed as a parataxis is an appositive
    of the speaker, not a clause the cue reports."""
    return tok.rel == "parataxis" and tok.upos in {"NOUN", "PROPN"} and \
        not sent.children(tok.i, "nsubj", "nsubj:pass", "cop", "aux") and \
        tok.i > 0 and any(t.text == "," for t in sent.toks[:tok.i][-3:])


def _opens_complement(sent: Sent, verb: Tok, subject: Tok) -> bool:
    """ "Senator Ana Lima (D-Ore.) said rival Tom Grant was wrong": a
    second subject of the verb, after it and right before the verb's
    clausal complement, is a word of that clause the parser hung on the
    verb, not the speaker."""
    return subject.i > verb.i and any(
        sent.subtree(c.i)[0].i == subject.i + 1
        for c in sent.children(verb.i, "ccomp") if c.i > subject.i)


def _prepositional(sent: Sent, tok: Tok) -> bool:
    """ '"...," Moss said on ABC's "This Week."' or '... on NBC's "Meet the
    Press."': a complement that opens with a preposition and has no
    subject of its own is where or when it was said, not what (the parser
    took the programme's name for a clause)."""
    first = sent.subtree(tok.i)[0]
    return first.upos == "ADP" and first.i < tok.i and not sent.children(
        tok.i, "nsubj", "nsubj:pass", "csubj", "expl", "cop")


_ADVERBIAL_MARKS = frozenset({"as", "when", "whenever", "after", "before",
                              "because", "since", "until", "once"})
"""Words that open a clause of when or why ("said as the crowd moved"):
such a clause the parse hangs on the cue as its first complement is no
claim. Not "while" or "though", whose clause of contrast opens many a
claim ("while 37 percent say ..., 39 percent ...")."""


def _adverbial(sent: Sent, tok: Tok) -> bool:
    """ '"...," Jones said as she and hundreds of others moved through the
    city': a clause opened by "as", "when", "because" ... is when or why
    it was said, not what."""
    first = sent.subtree(tok.i)[0]
    return any(m.i == first.i and m.lemma.lower() in _ADVERBIAL_MARKS
               for m in sent.children(tok.i, "mark"))


def _second_claim(sent: Sent, tok: Tok, cues: Container[str]) -> bool:
    """ "..., adding that ...", "..., noting that ...", "..., adding:
    ...": a reporting participle set off by a comma, with no subject and
    a clause of its own (or a colon), is a second claim of the same
    speaker, not part of the first."""
    return tok.rel == "advcl" and tok.lemma in cues and \
        _participle(sent, tok) and tok.i > 0 and \
        sent.toks[tok.i - 1].text == "," and \
        not sent.children(tok.i, "nsubj", "nsubj:pass") and (any(
            c.rel in _CONTENT_RELS or (c.rel == "obj" and c.i > tok.i and
                                       bool(sent.children(c.i, "nsubj")))
            for c in sent.children(tok.i)) or _colon_after(sent, tok))


def _colon_after(sent: Sent, tok: Tok) -> bool:
    """ '..., adding: "We will not fail."': a colon right after the word
    opens what it reports, wherever the parse hung the quotation."""
    return tok.i + 1 < len(sent.toks) and sent.toks[tok.i + 1].text == ":"


def _without_second_claims(sent: Sent, toks: list[Tok],
                           cues: Container[str]) -> list[Tok]:
    """*toks* less the subtree of each second claim (``_second_claim``)
    that the parse hung inside them."""
    drop = {t.i for p in toks if _second_claim(sent, p, cues)
            for t in sent.subtree(p.i)}
    return [t for t in toks if t.i not in drop] if drop else toks


def _participle_host(sent: Sent, tok: Tok, lex: Lexicon) -> Tok | None:
    """The reporting verb whose speaker a second-claim participle has:
    the verb it hangs from ("said X, adding that Y" with "adding" on
    "said"), or the verb whose content it hangs in (on "X"'s verb)."""
    if not _second_claim(sent, tok, lex.reporting_verbs) or tok.head < 0:
        return None
    for verb in sent.ancestors(tok.i):
        if verb.upos == "VERB" and verb.lemma in lex.reporting_verbs and \
                not _second_claim(sent, verb, lex.reporting_verbs):
            return verb  # (a second claim itself: on to its host)
        if verb.rel not in _CONTENT_RELS | {"conj", "advcl"}:
            return None
    return None


def _content_predicate(sent: Sent, conj: Tok, cues: Container[str]) -> bool:
    """ "says the issue is complicated and will take time": a second
    predicate of the reported clause that a weak parse hung from the cue.

    It has no subject of its own but an auxiliary or copula ("will",
    "has", "is"), and is no cue itself ("said X and warned Y"); on PolNeAR
    dev every such conjunct (12 of 12) was part of the content.
    """
    return not sent.children(conj.i, "nsubj", "nsubj:pass", "expl") and \
        bool(sent.children(conj.i, "aux", "aux:pass", "cop")) and \
        (conj.lemma not in cues or bool(sent.children(conj.i, "aux:pass")))


def _antecedent(sent: Sent, pronoun: Tok) -> Tok | None:
    """ "Mr. Kamin, who emphasized": the noun before the comma, when the
    parser did not attach the relative clause to it."""
    k = pronoun.i - 1
    if k < 1 or sent.toks[k].text != ",":
        return None
    ante = sent.toks[k - 1]
    while ante.deprel in {"flat", "compound", "fixed"} and ante.head >= 0:
        ante = sent.toks[ante.head]
    ante = appositive_owner(sent, ante) or ante
    return ante if ante.upos in {"PROPN", "NOUN"} else None


def _name_before_who(sent: Sent, verb: Tok, noun: Tok) -> Tok | None:
    """ "the endorsement of Sen. Gordon Humphrey, who told POLITICO": the
    parse hung the relative clause on a thing, *noun*; the name inside its
    phrase right before ", who" is the antecedent."""
    who = next((t for t in sent.children(verb.i, "nsubj")
                if t.lemma in _RELATIVE), None)
    name = _antecedent(sent, who) if who is not None else None
    if name is None or name.upos != "PROPN" or name.i < noun.i:
        return None
    return name if noun in sent.ancestors(name.i) else None


def _finite(sent: Sent, verb: Tok) -> bool:
    """A finite verb, or one with a finite auxiliary or copula."""
    return "VerbForm=Fin" in verb.feats or any(
        "VerbForm=Fin" in t.feats for t in sent.children(verb.i, "aux",
                                                         "aux:pass", "cop"))


def _relative_clause(sent: Sent, clause: Tok) -> bool:
    """ "said Mr. Kamin, who emphasized that ...": a clause whose subject
    is "who" after a comma is a misattached relative clause of
    the speaker, never what the cue reports."""
    subjects = sent.children(clause.i, "nsubj")
    return any(s.lemma == "who" and s.i > 0 and s.i < clause.i
               and sent.toks[s.i - 1].text == "," for s in subjects)


def _wh_conjunct(sent: Sent, conj: Tok) -> bool:
    """ "said X and what he told Putin", "said X and that Y": a conjunct
    that opens with a wh-word or the complementiser "that" is a second
    thing said, which a weak parse may hang from the cue; a second
    predicate ("said X and left") never opens so."""
    words = [t for t in sent.subtree(conj.i)
             if t.rel not in {"cc", "punct"}]
    return bool(words) and (words[0].lemma in _WH_OPENERS or (
        words[0].lemma == "that" and words[0].rel == "mark"))


def _stray_subject(sent: Sent, cue: Tok, clause: Tok) -> Tok | None:
    """The subject a weak parse hung from the cue instead of the clause.

    In "said around 2,000 troops would be deployed" the noun phrase may be
    parsed as the cue's ``obl`` or ``obj``, leaving a finite clause with
    no subject; the noun phrase right before that clause is its subject.
    """
    if clause.deprel != "ccomp" or sent.children(
            clause.i, "nsubj", "csubj", "expl"):
        return None
    finite = "VerbForm=Fin" in clause.feats or any(
        "VerbForm=Fin" in t.feats for t in sent.children(
            clause.i, "aux", "cop"))
    if not finite:
        return None
    begin = sent.subtree(clause.i)[0].i
    for dep in sent.children(cue.i, "obj", "obl", "dep", "iobj"):
        span = sent.subtree(dep.i)
        listener = cue.lemma in _LISTENER_VERBS and dep.rel in {"obj",
                                                                "iobj"}
        if span[-1].i == begin - 1 and dep.i > cue.i and not listener and \
                (dep.upos in {"NOUN", "PROPN", "NUM"} or _quantifier(dep)) \
                and len(span) == span[-1].i - span[0].i + 1:
            return dep
    return None


def _quantifier(tok: Tok) -> bool:
    """An indefinite, total or negative pronoun ("anybody who complains",
    "everyone", "nothing"): a subject the parse may hang on the cue, unlike
    "it" or "this", which a verb of saying takes as its object."""
    return tok.upos == "PRON" and any(
        f"PronType={kind}" in tok.feats for kind in ("Ind", "Tot", "Neg"))


def _starts_with_that(sent: Sent, clause: Tok) -> bool:
    """True when the clause's first word is the complementiser "that"."""
    first = sent.subtree(clause.i)[0]
    return first.lemma == "that" and first.i < clause.i and bool(
        sent.children(clause.i, "nsubj", "expl"))


def _inverted_subject(sent: Sent, cue: Tok, lex: Lexicon) -> Tok | None:
    """"..., said John Kirby": a nominal right after the cue."""
    for dep in sent.children(cue.i, "obj", "nsubj", "dep", "appos"):
        if dep.i > cue.i and dep.upos in {"PROPN", "NOUN"} and \
                dep.lemma not in lex.non_speakers:
            return dep
    return None


def _final_clause_content(sent: Sent, cue: Tok,
                          speaker: Tok | None) -> list[Tok]:
    """ "<content>, a source said (on Tuesday)." -> everything before.

    News puts the attribution at the end of the sentence it attributes;
    weak parses often hang it from the last conjunct only, so the content
    is taken as the whole stretch before the cue clause.
    """
    clause = {t.i for t in sent.subtree(cue.i)} if cue.rel in {
        "parataxis", "root", "ccomp", "conj"} else set()
    if not clause:
        return []
    first = min(clause | ({speaker.i} if speaker else set()))
    if speaker is not None and speaker.i < cue.i:
        first = min(first, *(t.i for t in sent.subtree(speaker.i)))
    clause_toks = [t for t in sent.toks[first:] if t.i not in clause]
    if any(not is_punct(t) for t in clause_toks):
        return []  # the cue clause is not the end of the sentence
    before = sent.toks[:first]
    if not before or not any(t.text in {",", "\"", "”", "’", "'"}
                             for t in sent.toks[max(0, first - 2):first + 1]):
        return []
    content = [t for t in before if t.i not in clause]
    if sum(1 for t in content if not is_punct(t)) < 3:
        return []
    return _clean(sent, content)


def _left_content(sent: Sent, cue: Tok) -> list[Tok]:
    """Content of a parenthetical cue: the clause the cue hangs from."""
    if cue.deprel != "parataxis" or cue.head < 0:
        return []
    span = sent.subtree(cue.i)
    if not is_punct(span[0]) and span[0].i > 0 and \
            not is_punct(sent.toks[span[0].i - 1]):
        return []  # not set off: "in case Putin decides" is no aside
    head = sent.toks[cue.head]
    toks = sent.subtree(head.i, skip=[cue.i])
    # keep the side of the host clause that does not hold the cue's own
    # dependents (e.g. "..., he said, adding ...")
    return _clean(sent, toks)


def _clean(sent: Sent, toks: list[Tok]) -> list[Tok]:
    """Drop a leading "that", and punctuation at both ends."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and ((is_punct(toks[0]) and toks[0].text not in "\"“‘'«")
                    or _complementiser(sent, toks[0])):
        toks.pop(0)
    while toks and is_punct(toks[-1]) and toks[-1].text not in "\"”’'»":
        toks.pop()
    return toks


def _complementiser(sent: Sent, tok: Tok) -> bool:
    """A clause-initial "that" that is not itself the subject or object."""
    if tok.lemma != "that":
        return False
    if tok.rel == "mark":
        return True
    head = sent.toks[tok.head] if tok.head >= 0 else None
    return head is not None and tok.rel in {"obj", "nsubj"} and any(
        s.i != tok.i for s in sent.children(head.i, "nsubj"))


def _lexicon_lemma(tok: Tok, lex: Lexicon) -> str | None:
    """The reporting-verb lemma of a verb, also where the lemmatizer left
    a rare verb as written ("quipped", "tweeting"): the listed lemma its
    regular inflection comes from."""
    if tok.lemma in lex.reporting_verbs:
        return tok.lemma
    word = tok.text.lower()
    for suffix in ("ed", "ing", "es", "s", "d"):
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        stem = word[:-len(suffix)]
        for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and
                      stem[-1] == stem[-2] else "",
                      stem[:-1] + "y" if stem.endswith("i") else ""):
            if lemma in lex.reporting_verbs:
                return lemma
    return None


def _phrasal_particle(sent: Sent, verb: Tok, lex: Lexicon) -> Tok | None:
    """The particle right after *verb* that makes it a cue of the lexicon's
    phrasal kind ("shot back", "fired back"), or None."""
    if verb.i + 1 >= len(sent.toks):
        return None
    nxt = sent.toks[verb.i + 1]
    if nxt.head != verb.i or nxt.rel not in {"advmod", "compound:prt"}:
        return None
    phrase = f"{verb.lemma} {nxt.text.lower()}"
    return nxt if phrase in lex.phrasal_cues else None


_PUT_BEFORE = frozenset({"when", "if", "once", "unless"})
_PUT_AFTER = frozenset({"whether", "if", "about", "what", "why", "how",
                        "when", "where", "who", "for", "to", "by"})


_PERSON_RELATIVES = frozenset({"who", "whose"})
"""Words that open a relative clause about a person."""


def _name_before(sent: Sent, cue: Tok, lex: Lexicon) -> Tok | None:
    """The name right before a cue of speech that has no subject in the
    parse: the nearest proper noun with only a noun phrase and commas (an
    appositive) between it and the cue, no verb, and no preposition of
    its own. A relative clause of a person set off by commas right before
    the cue is passed over: "Mr. Cruz, whose finish was seen as a
    disappointment, said that ...", with "Cruz" parsed into the clause."""
    end = cue.i
    if end > 0 and sent.toks[end - 1].text == ",":
        comma = next((t.i for t in reversed(sent.toks[:end - 1])
                      if t.text == ","), None)
        if comma is not None and \
                sent.toks[comma + 1].text.lower() in _PERSON_RELATIVES:
            end = comma
    k = end - 1
    while k >= 0:
        t = sent.toks[k]
        if t.text == ")":
            opening = bracket_opening(sent.toks, k)
            if opening is not None:  # "McConnell (R-Ky.) said"
                k = opening - 1
                continue
        if t.upos == "PROPN" and t.lemma not in lex.non_speakers:
            # not the object of a preposition ("moves by the U.S. show")
            return None if sent.children(t.i, "case") else t
        if t.upos in {"VERB", "AUX", "SCONJ", "CCONJ", "PRON"} or (
                is_punct(t) and t.text != ","):
            return None
        k -= 1
    return None


def _name_set_off_before(sent: Sent, cue: Tok, noun: Tok) -> Tok | None:
    """The name of "NOUN ..., FIRST LAST [of PLACE ...], CUE": a name of
    two words or more opening the stretch set off by commas right before
    the cue, after the subject *noun*, with no verb in it; its last word."""
    toks = sent.toks
    if cue.i < 3 or toks[cue.i - 1].text != ",":
        return None
    start = next((t.i for t in reversed(toks[:cue.i - 1]) if t.text == ","),
                 None)
    if start is None or start <= noun.i:
        return None
    stretch = toks[start + 1:cue.i - 1]
    run = 0
    while run < len(stretch) and stretch[run].upos == "PROPN":
        run += 1
    if run < 2 or any(t.upos in {"VERB", "AUX", "PRON"} for t in stretch) \
            or (run < len(stretch) and stretch[run].upos != "ADP"):
        return None
    return stretch[run - 1]


def _put_to_speaker(sent: Sent, verb: Tok) -> bool:
    """ "when asked about the delay", "Asked whether he would resign, X
    said ...": a verb with no subject or auxiliary of its own after "when"
    or "if", or opening its sentence before "whether", "about" or "by"
    ("Asked by reporters whether ..."), reports what was put to the
    speaker, not a claim."""
    toks = sent.toks
    if sent.children(verb.i, "nsubj", "nsubj:pass", "expl", "aux",
                     "aux:pass"):
        return False
    before = toks[verb.i - 1].text.lower() if verb.i > 0 else ""
    after = toks[verb.i + 1].text.lower() if verb.i + 1 < len(toks) else ""
    opens = all(is_punct(t) for t in toks[:verb.i])
    return before in _PUT_BEFORE or (opens and after in _PUT_AFTER)


def _verb_cue(sent: Sent, tok: Tok, lex: Lexicon) -> CueMatch | None:
    if tok.upos not in {"VERB"}:
        return None
    lemma = _lexicon_lemma(tok, lex)
    particle = _phrasal_particle(sent, tok, lex) if lemma is None else None
    if particle is not None:
        lemma = f"{tok.lemma} {particle.text.lower()}"  # "shot back"
    if lemma is None or _put_to_speaker(sent, tok) or any(
            _quoted_as(sent, c) for c in sent.children(tok.i, "advcl")):
        return None  # ... or "quoted" of "quoted X as saying"
    if lemma != tok.lemma:
        tok = evolve(tok, lemma=lemma)
    cls = lex.reporting_verbs.get(tok.lemma) or lex.phrasal_cues[tok.lemma]
    content = _clausal_content(sent, tok, right=True, cls=cls,
                               cues=lex.reporting_verbs,
                               times=lex.non_speakers)
    left = False
    speaker = _subject(sent, tok) or _asked_aside_subject(sent, tok)
    if speaker is not None and speaker.upos == "NOUN" and \
            speaker.lemma not in lex.role_nouns:
        speaker = _name_before_who(sent, tok, speaker) or speaker
    if content and speaker is not None and \
            tok.i < speaker.i < content[0].i and \
            sent.toks[content[0].i - 1].text == ",":
        # '"...," said Murphy, now a consultant': the speaker's appositive
        content = []
    if speaker is not None and speaker.upos in {"NOUN", "ADJ"} and \
            speaker.lemma in lex.role_nouns:
        # "One pastor supporting Mr. Cruz, Darran Whiting of Liberty
        # Baptist Church, said": the name set off before the cue (the
        # parse may read a role noun as an adjective: "chief executive")
        speaker = _name_set_off_before(sent, tok, speaker) or speaker
    if speaker is not None and speaker.lemma in lex.non_speakers:
        # "Wells Fargo just this month announced": a time parsed as a
        # second subject; the other one speaks
        speaker = next((t for t in sent.children(tok.i, "nsubj")
                        if t.lemma not in lex.non_speakers
                        and t.upos in {"PROPN", "NOUN", "PRON"}), None)
    if not content:
        content = _that_clause_after(sent, tok)
    if not content and cls in {"speech", "statement"}:
        content = _noun_hung_content(sent, tok)
    if not content and cls in {"speech", "statement"}:
        content = _quotation_after(sent, tok)
    if not content and not own_complement(sent, tok):
        content = _final_clause_content(sent, tok, speaker) or \
            _clausal_content(sent, tok, right=False) or \
            _left_content(sent, tok)
        left = bool(content)
    if speaker is None and (left or not content):
        speaker = _inverted_subject(sent, tok, lex)
    if speaker is None and content and not left and \
            cls in {"speech", "statement"}:
        # "The airline's chief executive, Tuomas Rantanen, acknowledged
        # that ...": a subject the parse lost
        speaker = _name_before(sent, tok, lex)
    host = _participle_host(sent, tok, lex)
    if host is not None:
        hosted = _verb_cue(sent, host, lex)
        speaker = hosted.speaker if hosted is not None else speaker
    surface = _speaker_after_quote(sent, tok, lex)
    if surface is not None and (
            speaker is None or speaker.i < surface[1] or
            speaker.i > tok.i or (
                speaker.i < tok.i and content and left and
                max(t.i for t in content) >= surface[1]) or
            not content or _after_comma(sent, tok, content)):
        # '"...," State Department spokesman Neil Prescott said' with the
        # speaker parsed into the quote's clause or after the cue ('"...,"
        # Ann Lee, who ..., told CBS News' with "News" the subject), or
        # the quote hung on the cue as no complement ('"...," Merkel told
        # reporters after ...', '"...," Mr. Obama said, not even needing
        # ...'): trust the surface
        quoted = _clean(sent, list(sent.toks[:surface[1]]))
        if quoted:
            if speaker is None or not surface[1] <= speaker.i < tok.i:
                speaker = surface[0]  # else the parse's head of the phrase
            content, left = quoted, True
    inverted = _speaker_after_cue(sent, tok, lex)
    if inverted is not None and (speaker is None or speaker.i > tok.i or
                                 _in_quote_before(sent, tok, speaker)):
        # '"We will find who did this," vowed Police Commissioner Abdullahi
        # Musa.': whatever the parse made of it (its head of the phrase
        # where it found one)
        if speaker is None or not tok.i < speaker.i < inverted[1]:
            speaker = inverted[0]
        content, left = _clean(sent, list(sent.toks[:tok.i - 1])), True
    fronted = _fronted_speaker(sent, tok, lex)
    if fronted is not None:
        # 'Added Jukka Laaksonen, head of the fire service: "We had ..."'
        speaker, content, left = fronted[0], fronted[1], False
    content, particles = _particles(sent, tok, content, left)
    cue_toks = [tok, *particles]
    if particle is not None and particle not in particles:
        cue_toks.append(particle)
    pieces = _quoted_as(sent, tok)
    if pieces is not None:
        # "X was quoted (by the Gazette) as saying ...", "the Gazette
        # quoted X as saying ...": one cue in pieces, whose speaker is X
        cue_toks += pieces
        who = _quoted_speaker(sent, pieces[0], lex)
        if who is not None:
            speaker = who[0]
            if who[1] is not None and not content:
                content, left = _clean(sent, list(sent.toks[:who[1]])), True
        if not content:  # "as saying: ..." hung on "quoted"
            content, left = _clean(sent, list(sent.toks[tok.i + 1:])), False
        elif not left:  # "... would 'not wait' and must start": a second
            last = max(t.i for t in content)  # predicate hung on "quoted"
            content = _clean(sent, [*content, *(
                t for c in sent.children(pieces[0].i, "conj")
                if c.i > last and _content_predicate(sent, c,
                                                     lex.reporting_verbs)
                for t in sent.subtree(c.i))])
    return CueMatch(sent=sent.index, toks=sorted(cue_toks, key=lambda t: t.i),
                    lemma=tok.lemma, cls=cls,
                    speaker=speaker, content=content, content_left=left)


def _particles(sent: Sent, verb: Tok, content: list[Tok], left: bool,
               ) -> tuple[list[Tok], list[Tok]]:
    """The content and the verb's particles ("pointed out"). A particle
    the parse gave the verb across its complement is the complement's:
    in "said prices were up" the cue is "said" and the content "prices
    were up"; in '"Rents are up," she said' the "up" is the quote's."""
    inside = {t.i for t in content}
    kept = []
    for prt in sent.children(verb.i, "compound:prt"):
        if prt.i > verb.i and not any(verb.i < i < prt.i for i in inside):
            kept.append(prt)
        elif content and not left and prt.i == max(inside) + 1:
            content = [*content, prt]
    return content, kept


def _in_quote_before(sent: Sent, cue: Tok, tok: Tok) -> bool:
    """*tok* lies in the quotation that ends right before *cue* ('"What
    happens to the children?" asked ...': "What" is no speaker)."""
    close = cue.i - 1
    if close > 0 and sent.toks[close].text == ",":
        close -= 1  # '"...", added the agency'
    opener = max((t.i for t in sent.toks[:close]
                  if t.text in _QUOTE_OPENERS), default=-1)
    return opener < tok.i < close


def _quote_closes(toks: tuple[Tok, ...], i: int) -> bool:
    """A quotation closes right before token *i*, with its comma,
    question or exclamation mark inside ('"...," said') or, in logical
    punctuation, a comma after it ('"...", added the agency')."""
    if i < 2:
        return False
    last, mark = toks[i - 1].text, toks[i - 2].text
    return (last in _QUOTE_CLOSERS and mark in {",", "?", "!"}) or \
        (last == "," and mark in _QUOTE_CLOSERS)


def _speaker_after_cue(sent: Sent, cue: Tok, lex: Lexicon,
                       ) -> tuple[Tok, int] | None:
    """The speaker of '"...," said Mayor Ana Lima.', read off the surface:
    a closing quote mark after a comma, question or exclamation mark
    right before the cue, and a short noun phrase after it that ends the
    sentence or is set off by a comma. Returns the phrase's last proper
    noun (else its last noun) and the index after the phrase."""
    toks = sent.toks
    if cue.i < 3 or not _quote_closes(toks, cue.i):
        return None
    start = end = cue.i + 1 + cue.lemma.count(" ")  # past "back" of "fired
    while end < len(toks) and (toks[end].upos in _NP_UPOS or  # back"
                               toks[end].text in {"'s", "\u2019s", "-"} or
                               _participle_modifier(toks, end)):
        end += 1
    phrase = toks[start:end]
    if not phrase or len(phrase) > 8 or (
            end < len(toks) and not is_punct(toks[end]) and
            toks[end].upos != "ADP"):
        return None
    name_end = _appositive_name_end(toks, end)
    if name_end is not None and phrase[-1].upos == "NOUN":
        # '"...," said the White House press secretary, Josh Earnest.'
        return toks[name_end - 1], name_end
    names = [t for t in phrase if t.upos == "PROPN"
             and t.lemma not in lex.non_speakers]
    nouns = [t for t in phrase if t.upos == "NOUN"
             and t.lemma not in lex.non_speakers]
    # '"...," said Cuban.': a surname the tagger took for an adjective
    capitalised = [t for t in phrase[-1:] if t.upos == "ADJ" and
                   t.text[:1].isupper() and not nouns]
    heads = names or nouns or capitalised
    return (heads[-1], end) if heads else None


def _appositive_name_end(toks: tuple[Tok, ...], k: int) -> int | None:
    """Where a name set off by the comma at *k* ends, when it ends the
    sentence or is set off in turn (", Josh Earnest." or ", Josh
    Earnest, on Monday"), else None."""
    if k >= len(toks) or toks[k].text != ",":
        return None
    end = k + 1
    while end < len(toks) and toks[end].upos == "PROPN":
        end += 1
    if end - k < 3 or (end < len(toks) and not is_punct(toks[end])):
        return None  # a name has two words or more
    return end


def _hyphened_verb(toks: tuple[Tok, ...], k: int) -> bool:
    """A verb form written tight after a hyphen, the end of a compound
    modifier ("Texas-based", "English-speaking")."""
    return toks[k].upos == "VERB" and is_tight_hyphen(toks, k - 1)


def _participle_modifier(toks: tuple[Tok, ...], k: int) -> bool:
    """A lower-case verb form right before a noun, modifying it ("retired
    neurosurgeon", "acting director"), whatever the parse made of it."""
    return toks[k].upos == "VERB" and toks[k].text[:1].islower() and \
        toks[k].xpos in {"VBN", "VBG", "VBD"} and k + 1 < len(toks) and \
        toks[k + 1].upos in {"NOUN", "ADJ"}


def _quoted_as(sent: Sent, verb: Tok) -> list[Tok] | None:
    """ "quoted ... as saying": the words of "quote" (with "was") and "as"
    that make one cue with the verb of saying, or None."""
    if verb.rel != "advcl" or verb.head < 0:
        return None
    head = sent.toks[verb.head]
    marks = [m for m in sent.children(verb.i, "mark") if m.lemma == "as"]
    if head.lemma != "quote" or not marks:
        return None
    return [head, *sent.children(head.i, "aux:pass"), *marks]


def _quoted_speaker(sent: Sent, quote: Tok, lex: Lexicon,
                    ) -> tuple[Tok, int | None] | None:
    """Who is quoted: the passive subject of "was quoted", the object of
    "quoted X as saying", else the noun phrase before '"...," X was
    quoted', read off the surface (then with the index of its first
    word, where the quotation before it ends)."""
    for t in sent.children(quote.i, "nsubj:pass", "obj"):
        if t.upos in {"PROPN", "NOUN", "PRON"}:
            return t, None
    first = min([quote, *sent.children(quote.i, "aux:pass")],
                key=lambda t: t.i)
    return _speaker_after_quote(sent, first, lex)


def _fronted_speaker(sent: Sent, cue: Tok, lex: Lexicon,
                     ) -> tuple[Tok, list[Tok]] | None:
    """The speaker and content of a cue that opens its sentence, read off
    the surface: 'Said Mayor A: "..."', 'Says C, a nurse at the clinic:
    "..."', 'Wrote economist D on her blog: "..."'.

    The cue is the sentence's first word (its subject, if any, follows
    it); a noun phrase follows it, and after a colon the content. The
    speaker is the cue's subject, else the first noun that hangs from the
    cue, else the first noun before the colon; the content is everything
    after the colon.
    """
    toks = sent.toks
    if any(not is_punct(t) and not (t.i == 0 and t.upos in {"CCONJ", "ADV"})
           for t in toks[:cue.i]):
        return None  # but 'But, said Ortiz, "..."'
    colon = next((t.i for t in toks[cue.i + 1:] if t.text == ":"), None)
    if colon is None:  # 'But, said Ortiz, "..."'; not 'Asked about X, Y
        colon = next((t.i for t in toks[cue.i + 1:-2] if t.text == ","
                      and _opens_quote(toks, t.i + 1)), None)  # said "..."'
        if colon is not None and any(t.upos in {"VERB", "AUX"}
                                     for t in toks[cue.i + 1:colon]):
            return None
    if colon is None or colon == cue.i + 1:
        return None
    nouns = [t for t in toks[cue.i + 1:colon]
             if t.upos in {"PROPN", "NOUN"}
             and t.lemma not in lex.non_speakers]
    if not nouns or toks[cue.i + 1].upos not in _NP_UPOS | {"NUM"}:
        return None
    phrase = sorted((t for t in nouns if t.head == cue.i and t.rel not in {
        "obl", "advmod", "obl:tmod", "obl:unmarked"}),
        key=lambda t: (t.rel != "nsubj", t.i))
    content = _clean(sent, list(toks[colon + 1:]))
    if not content:
        return None
    return (phrase or nouns)[0], content


def _opens_quote(toks: tuple[Tok, ...], k: int) -> bool:
    """``toks[k]`` is an opening double quotation mark: a left mark, or a
    straight one written close to the word after it."""
    mark = toks[k].text
    return mark in {"\u201c", "``"} or (
        mark == '"' and k + 1 < len(toks) and toks[k + 1].start == toks[k].end)


def _quotation_after(sent: Sent, cue: Tok) -> list[Tok]:
    """The quotation that opens right after a cue of speech and its comma
    or colon ('Adelson said, "They have got to be able to win."'), whatever
    the parse hung it on: what the cue reports, before any words to its
    left. A clause, not a name ('called "Quick Question"')."""
    toks = sent.toks
    k = cue.i + 1
    if k < len(toks) and toks[k].text in {",", ":"}:
        k += 1
    if k >= len(toks) or not _opens_quote(toks, k):
        return []
    close = next((j for j in range(k + 1, len(toks))
                  if toks[j].text in {"\u201d", "''", '"'}), None)
    if close is None or cue.lemma in _NAMING or not any(
            t.upos in {"VERB", "AUX"} for t in toks[k:close]):
        return []  # 'called "Quick Question"': a name, no clause
    return _clean(sent, list(toks[k:close + 1]))


_NAMING = frozenset({"call", "label", "name", "dub", "title", "term"})
"""Verbs whose quotation names something rather than reports it."""


def _after_comma(sent: Sent, cue: Tok, content: list[Tok]) -> bool:
    """The content is a clause set off after the cue by a comma ("said,
    not even needing ..."): an aside, not what the cue reports, or the
    second half of a quotation the cue splits ('"A," she said, "B."'),
    which the quote pairing adds to the first half."""
    nxt = cue.i + 1
    return not any(t.i < cue.i for t in content) and \
        nxt < len(sent.toks) and sent.toks[nxt].text == ","


_DAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday", "today", "yesterday", "tonight"})
"""When a cue spoke, which a parse may take for its object ("researchers
reported | Wednesday")."""


def own_complement(sent: Sent, cue: Tok) -> bool:
    """True when the cue cannot report the words before it.

    A cue with a noun object of its own ("they added more DLC") or a
    clause of its own coordinated to what comes before ("I thought X, but
    Alphonso asked me about Y") says something else; "X, he said" and
    "“X,” he told reporters" have neither.
    """
    if any(t.upos in {"NOUN", "PROPN"} and cue.lemma not in _LISTENER_VERBS
           and not _closing_name(sent, cue, t) and t.text not in _DAYS
           for t in sent.children(cue.i, "obj")):
        return True
    if any(t.i > cue.i and t.upos == "VERB" and any(
            m.lemma == "to" for m in sent.children(t.i, "mark"))
           for t in sent.children(cue.i, "xcomp")):
        return True  # "Asked about X, Lee declined to comment"
    return cue.rel == "conj" and bool(sent.children(cue.i, "cc")) and \
        bool(sent.children(cue.i, "nsubj"))


def _closing_name(sent: Sent, cue: Tok, obj: Tok) -> bool:
    """'..., noted NBC's Dante Chinni.': a name that closes the sentence
    after a cue set off by a comma is the cue's speaker, whatever the
    parse calls it."""
    if obj.upos != "PROPN" or cue.i == 0 or \
            sent.toks[cue.i - 1].text != ",":
        return False
    last = max(t.i for t in sent.subtree(obj.i))
    return all(is_punct(t) for t in sent.toks[last + 1:])


_QUOTE_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "``", "\u00ab"})
_QUOTE_CLOSERS = frozenset({'"', "\u201d", "\u2019", "'", "''", "\u00bb"})
_NP_UPOS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})


def _speaker_after_quote(sent: Sent, cue: Tok,
                         lex: Lexicon) -> tuple[Tok, int] | None:
    """The speaker of '"...," NOUN PHRASE said', read off the surface.

    Returns the phrase's head (its last proper noun, else its last noun)
    and the index of its first token, when a closing quote mark (after a
    comma) stands right before a short noun phrase that ends at the cue.
    """
    toks = sent.toks
    k = cue.i - 1
    if k > 0 and toks[k].text == ",":  # 'NAME, an economist at X, said'
        j = k - 1
        while j > 0 and (toks[j].upos in _NP_UPOS or toks[j].upos == "ADP"
                         or toks[j].xpos == "PRP$"
                         or toks[j].text in {"'s", "\u2019s", "-", "&"}):
            j -= 1
        if j < k - 1 and toks[j].text == ",":
            k = j - 1
        else:  # 'NAME, who chairs the board, said'
            k = _before_relative(toks, k)
    note = bracket_opening(toks, k)  # "Rep. Jim Jordan (R-Ohio), a member,"
    if note is not None:
        k = note - 1
    while k >= 0 and (toks[k].upos in _NP_UPOS or
                      toks[k].xpos == "PRP$" or  # "her lawyer, NAME, said"
                      toks[k].text in {"'s", "\u2019s", "-"} or
                      toks[k].text.lower() in lex.titles or
                      toks[k].text.lower() in lex.role_nouns or
                      _hyphened_verb(toks, k) or
                      _participle_modifier(toks, k)):
        k -= 1  # "Texas-based Matt Mackowiak", "retired judge Ann Lee", a
        # role noun tagged a verb ("communications adviser")
    first = k + 1
    end = next((t.i for t in toks[first:cue.i] if t.text in {",", "("}),
               cue.i)
    phrase = toks[first:end]  # the name, without its note and appositive
    if not phrase or len(phrase) > 9 or k < 1 or \
            not _quote_closes(toks, k + 1):
        return None
    names = [t for t in phrase if t.upos == "PROPN"]
    nouns = [t for t in phrase if t.upos == "NOUN"]
    heads = names or nouns
    return (heads[-1], first) if heads else None


def _before_relative(toks: tuple[Tok, ...], comma: int) -> int:
    """Where a name ends before the relative clause set off by commas that
    closes at *comma* (", who chairs the board,"), else *comma*."""
    for w in range(comma - 1, max(1, comma - 14), -1):
        if is_punct(toks[w]):
            return comma
        if toks[w].text.lower() in {"who", "whose"} and \
                toks[w].upos == "PRON" and toks[w - 1].text == ",":
            return w - 2
    return comma


def _according_to(sent: Sent, tok: Tok, lex: Lexicon) -> CueMatch | None:
    """ "According to X, <claim>" and "<claim>, according to X".

    The source is the noun phrase after "to"; the claim is the rest of the
    sentence, whichever way the parser attached the phrase.
    """
    if tok.text.lower() != "according":
        return None
    nxt = sent.toks[tok.i + 1] if tok.i + 1 < len(sent.toks) else None
    if nxt is None or nxt.text.lower() != "to":
        return None
    phrase: list[Tok] = []
    toks = sent.toks
    for t in toks[nxt.i + 1:]:
        if is_punct(t) or t.xpos in {"WP", "WDT", "WP$"} or (
                t.upos in {"VERB", "AUX", "SCONJ", "CCONJ"} and
                not _verb_after_to(toks, t, phrase)):
            break  # (a relative word: "an official who was not named")
        phrase.append(t)
    nominal = [t for t in phrase if t.upos in {"NOUN", "PROPN", "PRON",
                                                "NUM", "X"}]
    if not nominal:
        return None
    # the head of the source phrase: the last noun before a preposition
    before_adp = [t for t in nominal if not any(
        a.upos == "ADP" and a.i < t.i for a in phrase)]
    source = (before_adp or nominal)[-1]
    roots = [t.i for t in sent.toks if t.head < 0]
    if roots and roots[0] < tok.i:
        # "<claim>, according to X, a former aide who ...": the claim's
        # head comes first, so it is all of the sentence before the cue
        content = _clean(sent, list(sent.toks[:tok.i]))
    else:  # "According to X, <claim>"
        skip = {tok.i, nxt.i, *(t.i for t in phrase),
                *(t.i for t in _appositive_after(toks, phrase))}
        content = _clean(sent, [t for t in sent.toks if t.i not in skip])
    return CueMatch(sent=sent.index, toks=[tok, nxt], lemma="according to",
                    cls=lex.prep_cues.get("according to", "speech"),
                    speaker=source, content=content, content_left=False)


_AS_SUBJECT_UPOS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM",
                              "PART"})


def _as_put_it(sent: Sent, tok: Tok, lex: Lexicon) -> CueMatch | None:
    """ "As X put it, <claim>", "As X (had) written, <claim>": a cue of
    speech opening the sentence, whose speaker is X and whose claim is the
    rest of the sentence, read off the surface whatever the parse made of
    "as". (Later in a sentence, "as X put it" may follow a quoted fragment
    or precede one: left to the learned tagger.)"""
    toks = sent.toks
    if tok.upos != "VERB":
        return None
    put_it = tok.lemma == "put" and tok.i + 1 < len(toks) and \
        toks[tok.i + 1].text.lower() == "it"
    if not put_it and (
            lex.reporting_verbs.get(tok.lemma) not in {"speech", "statement"}
            or any(c.lemma not in lex.non_speakers for c in
                   sent.children(tok.i, "obj", "ccomp", "xcomp"))):
        return None  # "As X wrote (years ago)": saying with no object
    verb = tok.i
    while verb > 0 and toks[verb - 1].upos == "AUX":
        verb -= 1  # "As X had written"
    last = _before_appositive(toks, verb)  # "As Ann Lee, a judge, put it"
    k = last - 1
    while k >= 0 and last - k <= 8 and toks[k].upos in _AS_SUBJECT_UPOS \
            and toks[k].text.lower() != "as":
        k -= 1
    if k < 0 or toks[k].text.lower() != "as" or k == last - 1 or \
            not all(is_punct(t) for t in toks[:k]):
        return None
    phrase = toks[k + 1:last]
    heads = [t for t in phrase if t.upos == "PROPN"] or \
        [t for t in phrase if t.upos in {"NOUN", "PRON"}]
    if not heads:
        return None
    end = tok.i + 2 if put_it else tok.i + 1
    while end < len(toks) and not is_punct(toks[end]):
        if toks[end].upos in {"VERB", "AUX", "PRON"}:
            return None  # not "As Trump said he would, ..."
        end += 1  # "put it on Friday"
    rest = [t for t in toks[end:] if t.text not in {",", ":"}]
    if rest and rest[0].text in QUOTE_MARKS:  # the quotation only
        close = next((t for t in rest[1:] if t.text in QUOTE_MARKS), None)
        rest = rest if close is None else rest[:rest.index(close) + 1]
    content = _clean(sent, rest)
    if not content:
        return None
    cue = [tok, toks[tok.i + 1]] if put_it else [tok]
    return CueMatch(sent=sent.index, toks=cue,
                    lemma="put it" if put_it else tok.lemma, cls="speech",
                    speaker=heads[-1], content=content, content_left=False)


def _before_appositive(toks: tuple[Tok, ...], verb: int) -> int:
    """Where the subject ends before an appositive set off by commas that
    closes right before *verb* ("As Ann Lee, a law professor at Yale, put
    it"): the first comma of the sentence, when only such an appositive (no
    finite verb, at most 30 words) stands between; else *verb*."""
    closing = verb - 1
    if closing > 1 and toks[closing].text in QUOTE_MARKS:
        closing -= 1  # '... author of "Unwritten," put it'
    if closing < 1 or toks[closing].text != ",":
        return verb
    first = next((t.i for t in toks[:closing] if t.text == ","), None)
    if first is None or verb - first > 30 or any(
            "VerbForm=Fin" in t.feats for t in toks[first:verb]):
        return verb
    return first


def _verb_after_to(toks: tuple[Tok, ...] | list[Tok], tok: Tok,
                   phrase: list[Tok]) -> bool:
    """ "according to state officials": the parser may read the phrase's
    first word as a verb after an infinitive "to"; followed by a noun or
    adjective it is the phrase's modifier."""
    return not phrase and tok.upos == "VERB" and tok.i + 1 < len(toks) \
        and toks[tok.i + 1].upos in {"NOUN", "PROPN", "ADJ"}


def _appositive_after(toks: tuple[Tok, ...] | list[Tok],
                      phrase: list[Tok]) -> list[Tok]:
    """ "According to Riikka Salo, a spokeswoman for the border guard, 300
    people crossed": the source's appositive, set off by commas, with no
    verb, is no part of the claim."""
    if not phrase:
        return []
    k = phrase[-1].i + 1
    if k >= len(toks) or toks[k].text != ",":
        return []
    for j in range(k + 1, min(len(toks), k + 14)):
        if toks[j].text == ",":
            inner = toks[k + 1:j]
            if inner and inner[0].upos in {"DET", "ADJ", "NOUN", "PROPN"} \
                    and not any(t.upos in {"VERB", "AUX"} for t in inner):
                return list(toks[k:j + 1])
            return []
        if is_punct(toks[j]) and toks[j].text not in {"'", "’", "-"}:
            return []
    return []


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_LINKS = frozenset({"SCONJ", "CCONJ", "PRON", "PUNCT"})


def _one_clause(toks: list[Tok]) -> list[Tok]:
    """A noun cue's that-clause without the sentence's own predicate.

    "(claim that) the mill would reopen | drew loud cheers": a second
    finite verb with nothing between that could link it to the first
    (a conjunction, a relative, a comma) is the main clause going on.
    """
    first = next((k for k, t in enumerate(toks)
                  if t.upos in {"VERB", "AUX"}), None)
    if first is None:
        return toks
    k = first + 1
    while k < len(toks) and toks[k].upos in {"VERB", "AUX", "PART", "ADV"}:
        k += 1  # the rest of the first verb group ("would not reopen")
    for j in range(k, len(toks)):
        if toks[j].upos in _CLAUSE_LINKS or toks[j].lemma == "that":
            return toks
        if toks[j].upos in {"VERB", "AUX"} and toks[j].xpos in _FINITE:
            return toks[:j]
    return toks


def _noun_cue(sent: Sent, tok: Tok, lex: Lexicon) -> CueMatch | None:
    if tok.upos != "NOUN" or tok.lemma not in lex.noun_cues:
        return None
    clauses = [c for c in sent.children(tok.i, "acl", "ccomp")
               if c.i > tok.i and _starts_with_that(sent, c)]
    if not clauses:
        return None
    owners = sent.children(tok.i, "nmod:poss") or [
        n for n in sent.children(tok.i, "nmod")
        if any(c.lemma == "by" for c in sent.children(n.i, "case"))]
    speaker = owners[0] if owners else None
    if speaker is None and tok.head >= 0 and tok.rel in {"obj"}:
        speaker = _subject(sent, sent.toks[tok.head])
    content = _one_clause(_clean(sent, sent.subtree(clauses[0].i)))
    return CueMatch(sent=sent.index, toks=[tok], lemma=tok.lemma,
                    cls=lex.noun_cues[tok.lemma], speaker=speaker,
                    content=content)
