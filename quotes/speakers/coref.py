"""Who each mention is: speaker coreference within one document.

Input: mentions in text order (speaker mentions and salient person
mentions found anywhere); output: an entity per mention, built up in an
``EntityTable``. Rules: a surname or first name joins the earlier full
name (the nearby, most prominent one when several share it; multi-word
surnames and acronyms too); "he"/"she" joins the most recent singular
person (or the learned ``pronouns`` model picks); "they" the most recent
group; "the spokesman" the entity holding that role; "the Republican
nominee" a named person it fits (party ties, gender, not its own clause's
subject); "Officials" an earlier "Ukrainian officials"; a name right after
a lede description ("A former chairman says") names it; "I" the writer
(a signature, a closing note, a by-line or an excerpt's credit, a
headline that opens with a name) or a transcript's labelled speaker ("A:"
the person interviewed, "SMITH:"); "who" its antecedent (``mentions``).
Imports ``words`` and ``model`` of the speaker stages; the canonical names
are ``names``' job, the roles ``roles``'.
"""

from __future__ import annotations

import re
from typing import Protocol

from attrs import evolve

from quotes.lexicons import Lexicon
from quotes.speakers.model import SPEAKER_WINDOW, Entity, Mention
from quotes.speakers.words import (
    DEFINITE,
    FORMER,
    NICKNAME_QUOTES,
    PARTICLES,
    PARTITIVES,
    SUFFIXES,
    char_before,
    heads_agree,
    is_aged,
    is_fragment,
    lexical_head,
    name_words,
    role_parties,
    same_person,
    same_rank,
    within_role,
)


class PronounChooser(Protocol):
    """Picks a pronoun's referent among the entities seen before it."""

    def choose(self, m: Mention, pool: list[Entity], picked: Entity | None,
               table: EntityTable) -> Entity | None: ...


_PARTY_BEFORE = re.compile(r"\b(Democratic|Democrat|Republican|GOP|"
                           r"Libertarian)\s+$")
_PARTY_NOTE = re.compile(r"\s*\(([DRL])[-\u2013,)]")
"""A party-state note after a name: "(R-Utah)"."""
_STATE_AFTER = re.compile(r"\s*(?:\(|,\s*)[DRI][-\u2013]\s*"
                          r"([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)|"
                          r"\s+of\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
"""A state after a name: "(I-Vt.)", ", D-N.Y.", " of Texas"."""


_SET_OFF_NAME = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2},\s+(?:[A-Z][a-z]{1,3}\.\s+)?"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+\s*,")
"""A name of two words or more set off by commas right after a
description (a few lower-case words of it may come first): the
description introduces that person and refers back to no one."""


def _modifiers(m: Mention) -> set[str]:
    """The proper nouns that modify a description's head, case-folded
    ("Trump" in "the Trump campaign")."""
    return {t.text.casefold() for t in m.toks
            if t.upos == "PROPN" and t is not m.head}



_NAME = r"[A-Z][a-z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}"
_SIGNATURE = re.compile(rf"\n\n({_NAME})\.?[ \t]*(?=\n|$)")
"""A paragraph that is only a name: the signature closing a letter."""
_BIO = re.compile(rf"\n\n(?:[A-Z][a-z]{{1,4}}\. )?({_NAME})"
                  r"(?:, [DRI]-[A-Z][\w.]*,)? (?:is|was) (?:an? |the )?"
                  r"([^\n]+?)"
                  r"(?:,? (?:which|who)\b|\.?[ \t]*$)")
"""A closing paragraph about the writer: "Ann Lee is a professor at X.",
"Rep. Ann Lee, D-Ohio, was an early backer of the bill."."""

_BYLINE = re.compile(rf"(?:^|\n)(?:By|BYLINE:) ({_NAME})[ \t]*(?=\n|$)")
"""A by-line paragraph: "By Ann Lee"."""
_CREDIT = re.compile(r"\n(?:From|Excerpted from|Adapted from) "
                     rf"[^\n]{{1,200}}? by ({_NAME})"
                     r"(?=[,;]|\.?[ \t]*(?:\n|$|Copyright))")
"""An excerpt's credit: "From THE LONG ROAD by Ann Lee. Copyright ..."."""
_HEADLINE_NAME = re.compile(rf"({_NAME}):[ \t]")
"""A headline that opens with a person's name: "Ann Lee: Why I Left"."""
_LABEL = re.compile(r"([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})"
                    r":[ \t]")
"""A transcript's speaker label at a paragraph's start: "Q:", "A:",
"SMITH:"."""
_CONJ_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
"""What stands between two conjoined names: "and", a comma, ", and"."""
_LABEL_BACK = 6
"""Paragraphs back within which a transcript label still holds."""

_BASE_FORMS = {"his": "he", "him": "he", "her": "she", "its": "it",
               "their": "they", "them": "they", "my": "i", "me": "i",
               "your": "you"}
"""Object and possessive pronouns, resolved as their subject forms ("his
statement", "told them")."""


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
"""A name that is an acronym ("ISIS", "F.A.A"): never "he" or "she"."""


def _acronym(ent: Entity) -> bool:
    return ent.name is not None and _ACRONYM.fullmatch(ent.name) is not None


def _strip_period(name: str) -> str:
    """ "Toni Williams." -> "Toni Williams", but "Robert Smith Jr."."""
    last = name.split()[-1]
    if last.endswith(".") and last.casefold() not in SUFFIXES and \
            len(last) > 2:
        return name[:-1]
    return name


class EntityTable:
    """Resolves mentions, in text order, to entities."""

    def __init__(self, lex: Lexicon, text: str,
                 pronouns: PronounChooser | None = None) -> None:
        self.lex = lex
        self.text = text
        self.pronouns = pronouns
        """A learned chooser for third-person pronouns (``pronouns``);
        without it the rules of ``_pronoun`` decide."""
        self.entities: list[Entity] = []
        self._run: tuple[int, list[Entity], bool] | None = None
        """The named people of a conjunction being read ("Ann Lee, Bo
        Park and ..."): where the last one ends, who they are, and whether
        one was a subject or speaker."""
        self._referents: dict[tuple[int, int], Entity | None] = {}
        """What each pronoun resolved to: one "he" that two claims share
        ("he said, adding ...") is resolved once."""

    def resolve(self, m: Mention, *, salient: bool,
                speaker: bool = False) -> Entity | None:
        """Return the entity *m* refers to, creating one when new."""
        m = self._surname_not_role(m)
        if m.pronoun is not None and (m.start, m.end) in self._referents:
            ent = self._referents[m.start, m.end]
        elif m.pronoun is not None:
            ent = self._pronoun(m)
            self._referents[m.start, m.end] = ent
        elif m.name is not None:
            ent = self._family(m) or self._by_name(
                m, salient=salient or speaker)
        else:
            ent = self._by_noun(m)
        if ent is None:
            return None
        ent.gender = ent.gender or self._gender(m)
        if ent.person:
            ent.parties |= self._parties(m)
            if m.name is not None:
                ent.states |= self._states(m)
        if m.name is not None and self._titled(m):
            ent.titled, ent.person = True, False
        ent.mentions.append(m)
        for role in [m.role, *m.more_roles] if ent.person else []:
            if not role or is_fragment(role):
                continue
            if not self.gives_role(role):
                if role not in ent.descriptions:
                    ent.descriptions.append(role)
            elif not any(within_role(role, r) for r in ent.roles):
                ent.roles.append(role)
        ent.last_seen = m.start
        if salient or speaker:
            ent.last_salient = m.start
            ent.salient_count += 1
        ent.speaker = ent.speaker or speaker
        if speaker:
            ent.last_spoken = m.start
        self._conjoin(m, ent, salient=salient or speaker)
        return ent

    def _conjoin(self, m: Mention, ent: Entity, *, salient: bool) -> None:
        """Keep the group of named people a conjunction makes ("Ann Lee and
        Bo Park", "A, B and C"): a plural entity "they" may refer to, as
        prominent as its most prominent mention."""
        if m.name is None or not ent.person or ent.plural or ent.members:
            self._run = None
            return
        run = self._run
        if run is None or _CONJ_GAP.fullmatch(self.text[run[0]:m.start]) \
                is None or ent in run[1]:
            self._run = (m.end, [ent], salient)
            return
        members = [*run[1], ent]
        salient = salient or run[2]
        self._run = (m.end, members, salient)
        if "and" not in self.text[run[0]:m.start].split():
            return  # "A, B" so far: the last member is still to come
        group = self._group(members)
        group.last_seen = m.start
        if salient:
            group.last_salient = m.start
            group.salient_count += 1

    def _family(self, m: Mention) -> Entity | None:
        """The people a plural surname names ("The Ebelings": Betsy Ebeling
        and Tom Ebeling), when the text has named two or more of them: a
        group, as "Ann Lee and Bo Lee" would make."""
        words = name_words(m.name)
        if len(words) != 1 or not m.plural or not words[0].endswith("s"):
            return None
        bases = {words[0][:-1], words[0][:-2]} if words[0].endswith("es") \
            else {words[0][:-1]}
        members = [e for e in self.entities if e.person and e.name and
                   not e.plural and not e.members and
                   len(e.name_words) >= 2 and e.name_words[-1] in bases]
        if len(members) < 2:
            return None
        return self._group(members)

    def _group(self, members: list[Entity]) -> Entity:
        """The plural entity of these named people, made once."""
        group = next((e for e in self.entities if e.members == members),
                     None)
        if group is None:
            group = Entity(index=len(self.entities), plural=True,
                           members=members,
                           name=" and ".join(e.name or "" for e in members))
            self.entities.append(group)
        return group

    def name_described(self) -> None:
        """Name an unnamed person known only by definite descriptions
        ("the judge") after the one named person the text gives that role
        anywhere, before or after ("Judge Alan Berman"), once every
        mention is resolved. Two such people, or none, leave it unnamed."""
        for ent in self.entities:
            if ent.name is not None or not ent.person or ent.plural or \
                    not ent.roles or ent.members or not ent.mentions or \
                    any(m.toks[0].text.casefold() not in DEFINITE
                        for m in ent.mentions):
                continue
            heads = {lexical_head(r) for r in ent.roles}
            holders = {e.name for e in self.entities
                       if e.name and e.person and not e.plural and
                       not e.members and len(e.name_words) >= 1 and
                       (None in {e.gender, ent.gender} or
                        e.gender == ent.gender) and
                       any(heads_agree(lexical_head(r), heads,
                                       self.lex.title_words) and
                           any(same_rank(r, o) for o in ent.roles)
                           for r in e.roles)}
            if len(holders) == 1:
                ent.name = holders.pop()

    def refer_back(self, m: Mention) -> Entity | None:
        """Add a definite description outside the speaker's clauses ("the
        GOP nominee" as an object) to the named person it refers back to,
        as a mention only: it changes no role, name or salience (the role
        model weighs its role among the entity's candidates)."""
        ent = self._described(m)
        if ent is not None:
            ent.mentions.append(m)
        return ent

    def _surname_not_role(self, m: Mention) -> Mention:
        """A capitalised role word inside a sentence that is the surname
        of a person named before ("Baker said" after Brian Baker, "Dean"
        after Howard Dean) is that name, not a role; so is a capitalised
        word the parser took for an adjective ("Cuban said" after Mark
        Cuban, or where the text writes "Mark Cuban" anywhere)."""
        if m.name is not None or m.pronoun is not None or \
                len(m.toks) != 1 or not m.head.text[:1].isupper() or \
                m.plural or (m.role is None and m.head.upos != "ADJ"):
            return m
        if m.role is not None and char_before(
                self.text, m.start,
                NICKNAME_QUOTES + "\u2018'") in {"", *".!?:;\n"}:
            return m  # "Baker" may begin a sentence as a role word
        ent = self.named(m.head.text)
        if (ent is None or len(ent.name_words) < 2) and not (
                m.role is None and self._given_name_before(m.head.text)):
            return m
        return evolve(m, name=m.head.text, role=None)

    def _given_name_before(self, word: str) -> bool:
        """The text writes *word* after a known first name anywhere ("Mark
        Cuban" in a headline): *word* is that person's surname."""
        return any(hit.group(1).casefold() in self.lex.first_names
                   for hit in re.finditer(
                       rf"\b([A-Z][a-z]+) {re.escape(word)}\b", self.text))

    def named(self, surname: str) -> Entity | None:
        """The most prominent person with this last name, if any."""
        word = surname.casefold()
        return max((e for e in self.entities if e.person and e.name and
                    e.name_words[-1:] == [word]),
                   key=lambda e: e.salient_count, default=None)

    def gives_role(self, role: str) -> bool:
        """False for a description that is no role ("Scott's wife"), a
        time ("Last month"), what an organisation is ("the Chinese electric
        vehicle maker": ROLES.md gives organisations no role; "publisher"
        names a person's post too) and a
        fragment of another phrase ("along with Judge Ann Lee")."""
        head = lexical_head(role)
        return head not in self.lex.no_role_nouns and \
            head not in self.lex.epithets and \
            (head not in self.lex.org_nouns or
             head in self.lex.role_nouns) and \
            head not in self.lex.non_speakers and not is_fragment(role)

    def _related(self, ent: Entity) -> bool:
        """*ent* was described by a tie to someone ("Trump's wife"), not
        only by what they are ("the New York businessman")."""
        return any(lexical_head(d) not in self.lex.epithets
                   for d in ent.descriptions)

    def _new(self, m: Mention, *, name: str | None,
             person: bool = True) -> Entity:
        ent = Entity(index=len(self.entities), name=name, plural=m.plural,
                     person=person, head=m.head.lemma)
        self.entities.append(ent)
        return ent

    def _titled(self, m: Mention) -> bool:
        """The mention is "The NAME" with "The" part of the title: a
        publication ("the New York Times"), or "The" capitalised inside a
        sentence ("endorsed by The Dallas Morning News")."""
        det = m.toks[0]
        if det.text.casefold() != "the" or len(m.toks) < 2 or \
                not self.text.startswith(m.name or "", m.toks[1].start):
            return False
        words = name_words(m.name)
        if words and words[-1] in self.lex.publications:
            return True
        before = self.text[:det.start].rstrip()
        return det.text == "The" and len(words) > 1 and \
            words[0] not in self.lex.first_names and bool(before) and \
            before[-1] not in ".!?:;\"\u201c\u201d\u2018\u2019'\n)"

    def _by_name(self, m: Mention, *, salient: bool = False) -> Entity:
        name = m.name or ""
        words = name_words(name)
        person = self._is_person_name(name) and not (
            m.toks[0].text == "the" and m.role is None and len(words) > 1)
        # "on the Trump Train": a thing named, no person ("Trump" never
        # joins it)
        best: Entity | None = None
        spelled = self._spelled_out(name)
        if spelled is not None:
            return spelled
        if len(words) == 1 and m.toks[0].text.casefold() == "the":
            short = [e for e in self.entities if e.titled and
                     e.name_words[-1:] == words]  # "the Times"
            if short:
                return max(short, key=lambda e: e.last_seen)
        gender = self._gender(m) if person else None
        for ent in reversed(self.entities):
            have = ent.name_words
            if not have:
                continue
            if have == words or (ent.person and len(words) == 1 and
                                 words[0] in have[1:-1] and any(
                                     name_words(x.name or "") == words
                                     for x in ent.mentions)):
                # ... or the inner surname it was already called by: "Dr.
                # Benítez", then "Benítez", for Mariela Benítez Ortiz
                best = ent
                break
            if not ent.person or not person:
                continue  # "Trump" never joins "Trump Foundation"
            if len(words) == 1 and words[0] in (have[0], have[-1]):
                best = self._surname(m, words[0]) or ent
                break
            if len(words) == 1 and len(have) == 3 and words[0] == have[1] \
                    and (m.toks[0].text.casefold() in self.lex.honorifics
                         or m.toks[0].text.casefold() in self.lex.titles) \
                    and ent.roles:
                # "Ms. Ruiz" after Ana Ruiz Soto, the bank's president: the
                # first of two surnames of a person given a role, with an
                # honorific or title ("Dr. Benítez" after Dr. Mariela
                # Benítez Ortiz; not "Mr. Hale" for a show "Tom Hale
                # Tonight")
                best = ent
                break
            if None not in {gender, ent.gender} and \
                    gender != ent.gender:
                continue  # "Mr. Obama" is not "Michelle Obama"
            if (len(have) == 1 and have[0] == words[-1]) or \
                    same_person(have, words) or \
                    self._surname_of(m, ent, words):
                if len(name.split()) > len((ent.name or "").split()):
                    ent.name = name  # keep the fullest form of the name
                best = ent
                break
        if best is None and person and salient and len(words) > 1 and \
                words[0] in self.lex.first_names:
            best = self._introduced(m, name)
        return best or self._new(m, name=name, person=person)

    def _introduced(self, m: Mention, name: str) -> Entity | None:
        """The unnamed speaker the new *name* goes on to name (named here).

        News introduces a speaker by description and names them in the
        next sentences: "A former party chairman says ... [.] Said Don
        Fowler, ...". The description must be indefinite or possessive
        ("a former chairman", "Connecticut's tax commissioner"), a subject
        or speaker mentioned at most two sentences before, of a fitting
        gender; *m* a full name with a known first name, a subject or
        speaker, that gives no role with another head word. Earlier unnamed
        holders of the same role (a headline's "Former chairman") take the
        name too.
        """
        gender = self._gender(m)
        for ent in reversed(self.entities):
            first = ent.mentions[0] if ent.mentions else None
            if first is None or m.sent - ent.mentions[-1].sent > 2:
                continue
            if ent.name is not None or not ent.person or ent.plural or \
                    ent.last_salient < 0 or not ent.roles or \
                    first.toks[0].text.casefold() in DEFINITE or \
                    (m.role is not None and not heads_agree(
                        lexical_head(m.role), {lexical_head(r)
                                            for r in ent.roles},
                        self.lex.title_words)) or \
                    (None not in {gender, ent.gender} and
                     gender != ent.gender):
                continue
            heads = {lexical_head(r) for r in ent.roles}
            for other in self.entities:
                if other is ent or (other.name is None and other.person and
                                    not other.plural and heads & {
                                        lexical_head(r) for r in other.roles}):
                    other.name = name
            return ent
        return None

    def _spelled_out(self, name: str) -> Entity | None:
        """The organisation an acronym stands for ("IMF": International
        Monetary Fund, "S.E.C.": Securities and Exchange Commission): the
        initials of its capitalised words."""
        letters = name.replace(".", "")
        if " " in name or not 2 <= len(letters) <= 6 or \
                not letters.isalpha() or not letters.isupper():
            return None
        found = [e for e in self.entities if e.name and " " in e.name and
                 "".join(w[0] for w in e.name.split()
                         if w[:1].isupper()) == letters]
        return max(found, key=lambda e: e.last_seen, default=None)

    def _surname_of(self, m: Mention, ent: Entity,
                    words: list[str]) -> bool:
        """*words* are the multi-word surname of the entity's full name:
        "De Blasio" of Bill de Blasio, "Mr. Guajardo Villarreal" of
        Ildefonso Guajardo Villarreal (a particle first, or after an
        honorific), or its last words when they do not start with a known
        first name ("Eskelsen García" of Lily Eskelsen García, "Abu Laban"
        of Osman Abu Laban, "Suu Kyi" of Aung San Suu Kyi; not after an
        acronym the name kept, "DJ Beverly Bond")."""
        have = ent.name_words
        if 1 < len(have) < len(words) and words[-len(have):] == have and \
                have[0] in PARTICLES:
            return True  # "De Blasio" first, "Bill de Blasio" later
        if not 1 < len(words) < len(have) or have[-len(words):] != words:
            return False
        before = (ent.name or "").split()[:len(have) - len(words)]
        if words[0] not in self.lex.first_names and \
                not any(w.isupper() for w in before):
            return True
        first = m.toks[0].text.casefold() if m.toks else ""
        return words[0] in PARTICLES or first in self.lex.honorifics

    def _surname(self, m: Mention, word: str) -> Entity | None:
        """The person a lone surname names when several share it ("Clinton"
        for Hillary or Bill): among those whose gender fits, one known to
        have the mention's gender ("Mr. Obama"), one not introduced as a
        relative ("Trump's daughter, Ivanka"), one seen nearby, the most
        prominent (most often a subject or speaker), then the most recently
        seen."""
        gender = self._gender(m)
        found = [e for e in self.entities
                 if e.person and len(e.name_words) >= 2 and
                 word in (e.name_words[0], e.name_words[-1]) and
                 (gender is None or e.gender in {None, gender})]
        return max(found, key=lambda e: (
            e.name_words[-1] == word,
            gender is not None and e.gender == gender,  # "Mr. Obama"
            not self._related(e),  # not "Trump" for "Trump's wife, Melania"
            m.start - e.last_seen < SPEAKER_WINDOW,
            e.salient_count, e.last_seen), default=None)

    def _is_person_name(self, name: str) -> bool:
        """False for names of organisations ("Trump Foundation", "Ministry
        of Foreign Affairs": the word before "of" or "for" heads it)."""
        words = name.casefold().split()
        cut = next((k for k, w in enumerate(words) if k and w in
                    {"of", "for"}), len(words))
        return bool(words) and not {words[-1], words[cut - 1]} & \
            self.lex.org_words

    def _pronoun(self, m: Mention) -> Entity | None:
        pron = self.lex.pronouns.get(_BASE_FORMS.get(m.pronoun or "",
                                                     m.pronoun or ""))
        if pron is not None and pron.gender == "n" and pron.number == "sg":
            return self._it(m)
        if pron is not None and pron.person == 1 and pron.number == "sg":
            return self._author(m)
        if pron is not None and pron.person == 2:
            # "Q: You said ...": the person interviewed
            return self._label_entity("A") if self._label(m) == "Q" \
                else None
        if pron is None or pron.person != 3 or pron.gender == "n":
            return None
        plural = pron.number == "pl"
        gender = self._gender(m)
        picked = self._pronoun_rules(m, plural, gender)
        if self.pronouns is None:
            return picked
        pool = [e for e in self.entities
                if e.plural == plural and not e.writer
                and 0 <= e.last_seen < m.start
                and (plural or (e.person_like and not _acronym(e)))
                and e.gender in {None, gender}]
        return self.pronouns.choose(m, pool, picked, self)

    def _pronoun_rules(self, m: Mention, plural: bool,
                       gender: str | None) -> Entity | None:
        """The rules' referent of a third-person pronoun (see ``_pronoun``)."""
        genders = {None, gender}
        candidates = [e for e in self.entities
                      if e.plural == plural and e.last_salient >= 0
                      and not e.writer
                      and e.last_salient < m.start
                      and (plural or (e.person_like and not _acronym(e)))
                      and e.gender in genders]
        if not candidates and gender is not None:
            # "... met Mayor Lydia Chen. She said": an object, if only one
            # person seen nearby has the pronoun's gender
            seen = [e for e in self.entities
                    if e.plural == plural and e.gender == gender
                    and not e.writer
                    and 0 <= m.start - e.last_seen < SPEAKER_WINDOW
                    and e.person_like]
            return seen[0] if len(seen) == 1 else None
        if not candidates:
            return None
        # the subject of the previous sentence's main clause (or of this
        # one's, before the pronoun) carries on: "Obama spoke at the
        # dinner. [...] he said"
        previous = [e for e in candidates if any(
            x.main and m.sent - 1 <= x.sent <= m.sent and x.start < m.start
            for x in e.mentions)]
        # news refers back to its speakers: prefer one quoted recently
        recent = [e for e in candidates if e.speaker and
                  m.start - e.last_salient < SPEAKER_WINDOW]
        best = max(previous or recent or candidates,
                   key=lambda e: e.last_salient)
        if not previous and not recent and \
                m.start - best.last_salient > SPEAKER_WINDOW:
            return None  # last seen long before: decline rather than guess
        return best

    def _author(self, m: Mention) -> Entity | None:
        """The writer an "I" outside quotations stands for: the signature
        that closes a letter after it ("Toni Williams."), or the author
        named in a closing note ("Ann Lee is a professor at ...")."""
        sig = _SIGNATURE.search(self.text, m.end)
        if sig is not None:  # "Toni Williams." but "Robert Smith Jr."
            return self._writer(_strip_period(sig.group(1)), None)
        last = self.text.rfind("\n\n")
        bio = _BIO.match(self.text, last) if last >= m.end else None
        if bio is not None:
            return self._writer(bio.group(1), bio.group(2))
        labelled, ent = self._labelled(m)
        if labelled:
            return ent
        credit = _BYLINE.search(self.text) or _CREDIT.search(self.text)
        if credit is not None:
            return self._writer(_strip_period(credit.group(1)), None)
        return self._headline_person()

    def _labelled(self, m: Mention) -> tuple[bool, Entity | None]:
        """The speaker a transcript labels for the paragraph of *m* (or
        the nearest labelled one before it): "A:" the person interviewed
        (the most prominent named person), "SMITH:" the person so named;
        nobody for "Q:" (the interviewer). (False, None) when no label
        names anyone."""
        label = self._label(m)
        if label is None:
            return False, None
        if label == "Q":
            return True, None
        ent = self._label_entity(label)
        return ent is not None, ent

    def _label(self, m: Mention) -> str | None:
        """The transcript label ("Q", "A", "SMITH") of the paragraph of *m*
        or of the nearest labelled one before it, if any."""
        end = m.start
        for _ in range(_LABEL_BACK):
            start = self.text.rfind("\n", 0, end) + 1
            label = _LABEL.match(self.text, start)
            if label is not None and label.end() <= m.start:
                return label.group(1)
            if start == 0:
                break
            end = start - 1
        return None

    def _label_entity(self, label: str) -> Entity | None:
        if label == "A":
            if not re.search(r"(?:^|\n)Q:[ \t]", self.text):
                return None
            people = [e for e in self.entities
                      if e.person and e.name and not e.writer and
                      not e.plural and len(e.name_words) >= 2]
            return max(people, key=lambda e: e.salient_count, default=None)
        words = label.split()
        if len(words) == 1:
            return self.named(label)
        if words[0].casefold() in self.lex.first_names:
            return self._person(label)
        return None

    def _headline_person(self) -> Entity | None:
        """ "Ann Lee: Why I Left": the person a headline opens with."""
        head = _HEADLINE_NAME.match(self.text)
        if head is None or "\n" in head.group(1):
            return None
        name = head.group(1)
        if name.split()[0].casefold() not in self.lex.first_names:
            return None
        return self._person(name)

    def _person(self, name: str) -> Entity:
        """The person entity so named, made if new (not the writer)."""
        words = name_words(name)
        ent = next((e for e in self.entities if e.person and (
            e.name_words == words or same_person(e.name_words, words))),
            None)
        if ent is None:
            ent = Entity(index=len(self.entities), name=name)
            self.entities.append(ent)
        return ent

    def _writer(self, name: str, role: str | None) -> Entity:
        ent = self._person(name)
        ent.writer = True
        if role and not any(within_role(role, r) for r in ent.roles):
            ent.roles.append(role)
        return ent

    def _it(self, m: Mention) -> Entity | None:
        """The organisation "it" names as a speaker ("it said"): the most
        recently salient named organisation nearby, if any."""
        found = [e for e in self.entities
                 if e.name and not e.plural and e.gender is None and
                 not e.writer and
                 not e.roles and (not e.person or not (
                     e.name_words[:1] and
                     e.name_words[0] in self.lex.first_names)) and
                 0 <= e.last_salient < m.start and
                 m.start - e.last_salient < SPEAKER_WINDOW]
        return max(found, key=lambda e: e.last_salient, default=None)

    def _gender(self, m: Mention) -> str | None:
        """The gender a mention shows: its pronoun, honorific or noun."""
        if m.pronoun is not None:
            pron = self.lex.pronouns.get(_BASE_FORMS.get(m.pronoun,
                                                         m.pronoun))
            return pron.gender if pron and pron.gender in {"m", "f"} \
                else None
        words = [t.text.casefold() for t in m.toks[:1]] + \
            [m.head.lemma.casefold(), m.head.text.casefold()] + \
            [t.text.casefold() for t in m.toks[1:] if t.i < m.head.i]
        # "9/11 widow Terry Strada": a noun before the first name
        gendered = [w for w in words if w in self.lex.genders]
        found = self.lex.genders[gendered[0]] if gendered else None
        given = name_words(m.name)
        if (found is None or all(w.endswith("man") and
                                 not w.endswith("woman") for w in gendered)) \
                and len(given) > 1 and self._is_person_name(m.name or ""):
            # "Lydia Chen": Lydia; a first name also over a title in "-man",
            # which women hold too ("campaign spokesman Sarah Lee"), not
            # over "Mrs.", "widow" or "chairwoman"
            found = self.lex.first_names.get(given[0], found)
        return found

    def _parties(self, m: Mention) -> set[str]:
        """Parties a mention ties its entity to: its role's words, a party
        word before a name ("Democrat Hillary Clinton") or a note after it
        ("(R-Utah)")."""
        found = role_parties(m.role)
        if m.name is not None:
            before = _PARTY_BEFORE.search(self.text, max(0, m.start - 20),
                                          m.start)
            if before is not None:
                found |= role_parties(before.group(1))
            note = _PARTY_NOTE.match(self.text, m.end)
            if note is not None:
                found.add(note.group(1))
        return found

    def _states(self, m: Mention) -> set[str]:
        """US states a named mention ties its entity to: one written in it
        ("Florida Sen. Marco Rubio"), in its party-state note ("(I-Vt.)",
        ", D-N.Y.") or as its home ("Sen. Ted Cruz of Texas")."""
        found = self._states_in(self.text[m.start:m.end])
        after = _STATE_AFTER.match(self.text, m.end)
        if after is not None:
            written = after.group(1) or after.group(2)
            state = self.lex.states.get(written.casefold().strip())
            if state is not None:
                found.add(state)
        return found

    def _states_in(self, text: str) -> set[str]:
        """The US states a phrase names in full ("the Vermont senator")."""
        words = text.casefold().split()
        return {self.lex.states[w] for n in (2, 1)
                for w in (" ".join(words[k:k + n])
                          for k in range(len(words)))
                if self.lex.states.get(w) == w}

    @staticmethod
    def _other_state(states: set[str], ent: Entity) -> bool:
        """A description names *states* ("the Vermont senator": Vermont)
        and the text ties *ent* to others only."""
        return bool(states and ent.states and not states & ent.states)

    def _organisation(self, m: Mention, *, last: bool = False
                      ) -> Entity | None:
        """The named organisation a definite "the commission" refers back
        to: the most recently seen one within ``SPEAKER_WINDOW`` whose name
        has that word ("Commission on Presidential Debates"); with *last*,
        a word no lexicon lists as an organisation's, whose name ends in it
        ("the shelter": "Riverside Animal Shelter")."""
        head = m.head.lemma.casefold()
        found = [e for e in self.entities
                 if e.name and not e.plural and not e.writer and
                 e.gender is None and not e.roles and
                 (e.name_words[-1:] == [head] and len(e.name_words) > 1
                  if last else head in e.name_words) and
                 0 <= m.start - e.last_seen < SPEAKER_WINDOW]
        return max(found, key=lambda e: e.last_seen, default=None)

    def _owned(self, m: Mention) -> Entity | None:
        """What a possessive pronoun's phrase stands for: the owner's
        campaign ("his campaign": "Trump campaign", ``owned_orgs.tsv``),
        or the owner as the speaker of their own words ("His remarks", a
        speech or belief noun cue). None when it is neither, or when the
        pronoun finds no named owner."""
        first = m.toks[0] if m.toks else m.head
        lemma = m.head.lemma.casefold()
        kind = self.lex.owned_orgs.get(lemma)
        said = self.lex.noun_cues.get(lemma) in {"speech", "belief"}
        if first is m.head or first.upos != "PRON" or \
                first.text.lower() not in _BASE_FORMS or \
                not (said or (kind and not m.plural)) or len(m.toks) != 2:
            return None
        owner = self._pronoun(evolve(m, toks=(first,), head=first, name=None,
                                     role=None, more_roles=(), open_roles=(),
                                     pronoun=first.text.lower()))
        if owner is None or not owner.name:
            return None
        if said:
            return owner
        if not owner.person:
            return None
        words = [w for w in owner.name.split()
                 if w.casefold() not in SUFFIXES]
        return self._by_name(evolve(m, name=f"{words[-1]} {kind}",
                                    role=None))

    def _last_organisation(self, m: Mention) -> Entity | None:
        """The named organisation "the company" refers back to when no
        name has the word: the most recently seen named entity within
        ``SPEAKER_WINDOW`` that shows no sign of a person (no gender, role,
        description or first name) and is a proper name and no place."""
        found = [e for e in self.entities
                 if e.name and not e.plural and not e.writer and
                 e.gender is None and not e.roles and not e.descriptions and
                 not (e.name_words[:1] and
                      e.name_words[0] in self.lex.first_names) and
                 not set(e.name_words) & self.lex.non_speakers and
                 e.name[:1].isupper() and not self._place(e) and
                 0 <= m.start - e.last_seen < SPEAKER_WINDOW]
        return max(found, key=lambda e: e.last_seen, default=None)

    def _place(self, ent: Entity) -> bool:
        """*ent* is a place: a US state, or named only as where something
        is ("in Canada")."""
        return ent.name is not None and (
            ent.name.casefold() in self.lex.states or
            (bool(ent.mentions) and all(m.place for m in ent.mentions)))

    def _described(self, m: Mention) -> Entity | None:
        """The named person a definite description refers back to.

        A named person seen within ``SPEAKER_WINDOW`` whose gender fits,
        none of whose roles contradicts the description (same head word,
        other modifiers or another rank: "vice presidential nominee", or
        only a former post where the description gives a current one), who
        is tied to no other party and who is not the subject of the main
        clause of the description's own sentence. A description that names
        a party ("the Republican nominee") goes to the most prominent such
        person (the most often a subject or speaker), one tied to the party
        first; any other to the most recently salient one. Either way one
        not introduced as a relative ("the nominee's daughter") comes first.
        None for a description followed by a name set off by commas ("The
        state's attorney general, Ruth Kagame, ..."): it introduces her.
        """
        if _SET_OFF_NAME.match(self.text, m.end):
            return None  # "The state's attorney general, Ruth Kagame, ..."
        words = set((m.role or m.head.text).casefold().split())
        states = self._states_in(self.text[m.start:m.end])
        if m.head.lemma.casefold() in self.lex.org_words:
            return None  # "the police": a body, never one named person
        gender = self._gender(m)
        parties = role_parties(m.role)
        found = []
        for ent in self.entities:
            if ent.last_seen < 0 or \
                    m.start - ent.last_seen > SPEAKER_WINDOW:
                continue
            if not ent.name or not ent.person or ent.plural or \
                    len(ent.name_words) < 2 or \
                    (None not in {ent.gender, gender} and
                     ent.gender != gender):
                continue
            heads = {lexical_head(r): set(r.casefold().split())
                     for r in ent.roles}
            same = heads.get(m.head.text.casefold())
            if self._only_former(ent, m) or any(
                    x.toks[0].text.casefold() == "the" and
                    x.head.xpos == "NNPS" for x in ent.mentions):
                continue  # not the former minister, nor "the Sharks"
            if (same is not None and not words <= same) or any(
                    lexical_head(r) == m.head.text.casefold() and
                    not same_rank(r, m.role or "") for r in ent.roles) or \
                    (ent.parties and not parties <= ent.parties) or any(
                        e.sent == m.sent and e.main for e in ent.mentions) \
                    or self._other_state(states, ent):
                continue  # not "the Vermont senator" for Sen. Rubio (R-Fla.)
            found.append(ent)
        if any(states & e.states for e in found):
            # "the Vermont senator": one tied to Vermont, if one is
            found = [e for e in found if states & e.states]
        if parties:
            head = m.head.text.casefold()
            return max(found, key=lambda e: (
                parties <= e.parties,
                not e.roles or any(lexical_head(r) == head for r in e.roles),
                not self._related(e),  # not "the nominee's daughter"
                e.salient_count), default=None)
        salient = [e for e in found if e.last_salient >= 0 and
                   m.start - e.last_salient <= SPEAKER_WINDOW]
        if not salient:
            # "... with David Cameron because the British prime minister
            # cast ...": the person just named (a known first name), in
            # this sentence or the one before, though not as a subject
            salient = [e for e in found if e.mentions and
                       m.sent - e.mentions[-1].sent <= 1 and
                       e.name_words[0] in self.lex.first_names]
            return max(salient, key=lambda e: (not self._related(e),
                                               e.last_seen), default=None)
        return max(salient, key=lambda e: (not self._related(e),
                                           e.last_salient), default=None)

    def _only_former(self, ent: Entity, m: Mention) -> bool:
        """True when *ent*'s posts with the head word of the description
        *m* are all former and *m* does not say "former": "the minister"
        is not "former health minister Otieno Barasa". (Not the other
        way: news gives a former post as a title, "Secretary Clinton".)"""
        head = m.head.text.casefold()
        held = [r for r in ent.roles if heads_agree(
            head, {lexical_head(r)}, self.lex.title_words)]
        return bool(held) and all(FORMER.search(r) for r in held) and \
            not FORMER.search(self.text[m.start:m.end])

    def _by_noun(self, m: Mention) -> Entity:
        owned = self._owned(m)
        if owned is not None:
            return owned
        head = m.head.lemma
        determiner = m.toks[0].text.lower() if m.toks else ""
        definite = determiner in DEFINITE
        if definite or m.plural:
            said = m.role or m.head.text
            states = self._states_in(self.text[m.start:m.end])
            # "the Vermont senator": one tied to Vermont first
            for ent in sorted(self.entities, key=lambda e: (
                    not states & e.states, -e.last_salient)):
                role_heads = {lexical_head(r)
                              for r in [*ent.roles, *ent.descriptions]
                              if same_rank(r, said)}
                if ent.plural == m.plural and (
                        heads_agree(head.casefold(), role_heads,
                                    self.lex.title_words) or
                        m.head.text.casefold() in role_heads) and not (
                        ent.parties and
                        not role_parties(m.role) <= ent.parties) and \
                        not self._other_state(states, ent) and \
                        not self._only_former(ent, m):
                    return ent  # not "the Democratic nominee" for Trump
                if ent.head == head and ent.name and not ent.person and \
                        ent.plural == m.plural and \
                        _modifiers(m) <= set(ent.name_words):
                    return ent  # not "the Trump campaign" for Clinton's
        if definite and not m.plural and not _modifiers(m) and (
                head.casefold() in self.lex.org_words or (
                    m.head.upos == "NOUN" and m.head.text.islower())):
            found = self._organisation(
                m, last=head.casefold() not in self.lex.org_words)
            if found is not None:  # "the commission", "the shelter"
                return found
        if definite and not m.plural and not _modifiers(m) and \
                head.casefold() in self.lex.org_nouns:
            found = self._last_organisation(m)
            if found is not None:  # "Zentrix ... the company said"
                return found
        toks = list(m.toks)
        of = next((k for k, t in enumerate(toks) if t.text.lower() == "of"),
                  None)
        if of is not None and any(t.upos == "NUM" or t.text.lower() in
                                  PARTITIVES for t in toks[:of]):
            toks = toks[of + 1:]  # "some of the shareholders"
        while toks and toks[0].upos == "DET":
            toks = toks[1:]
        text = self.text[toks[0].start:toks[-1].end] if toks else \
            m.head.text
        own = next((k for k, t in enumerate(toks) if k > 0 and
                    t.text in {"'s", "\u2019s"} and
                    toks[k - 1].upos == "PROPN"), None)
        if own is not None and own + 1 < len(toks) and \
                m.head.text.lower() in self.lex.owned_orgs:
            # "Donald Trump's campaign": named as "Trump campaign"; but
            # "Hungary's economy ministry" keeps its "'s"
            text = toks[own - 1].text + " " + self.text[
                toks[own + 1].start:toks[-1].end]
        is_role = (m.head.lemma in self.lex.role_nouns or
                   m.head.text.lower() in self.lex.role_nouns or
                   m.head.lemma.lower() in self.lex.epithets or
                   is_aged(m.toks)) and not (
            m.head.text.lower() in self.lex.org_words and any(
                t.upos == "PROPN" for t in m.toks if t is not m.head))
        # "the 43-year-old (lock)": an age describes a person as an epithet
        # does
        # "Tulsa police" names an organisation; "police" is unnamed
        if is_role and definite and not m.plural and not m.restricted:
            described = self._described(m)
            if described is not None:  # "the Republican nominee" = Trump
                return described
        if is_role:  # "a White House spokesman", "local officials"
            return self._new(m, name=None, person=True)
        return self._new(m, name=text, person=False)
